"""Named people: a run of capitalised name words introduced by a courtesy word, a rank or a title.

"le général de corps aérien Shepro", "NATO Deputy Secretary General Mircea
Geoană", "M. Stoltenberg".  Courtesy words ("M.", "Mr", "Dr") are neither part
of the name nor a rank.  The noun phrase the name belongs to gives the
person's rank, role, organisation and country, and nothing outside it does:

- the words right before the name, read backwards: courtesy word, rank,
  title, then modifiers (a nationality adjective, a country, an organisation:
  "Italian Defence Minister Guido Crosetto" → IT);
- a role phrase in apposition before it ("Le secrétaire général de l’OTAN,
  Jens Stoltenberg");
- a role phrase in apposition after it ("Shepro, président délégué du Comité
  militaire (DCMC) de l’OTAN").

A name with no rank or title is a person only when a speech verb stands right
beside it ("said Jean Dupont", "Jean Dupont a déclaré").  Speed matters: names
are found with one cheap regex for capitalised runs, and the rank and title
words are looked up in sets, backwards from the name, only where a name was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from typing import Any

from ..locale import countries, pack
from ..locale.tables import capitals, given_names
from ..model import Attendee
from ._data import alternation, normalize, upper_class
from .countries import _matcher as country_matcher
from .countries import adjectives, country_at_start, country_code
from .language import stopwords
from .organizations import organization_name
from .roles import apposition, from_role, role_before
from .vocab import MAX_WORDS, POSSESSIVE, WORD, PeopleTables, acronym, bare, last_stop, low, people_tables

__all__ = ["Person", "find_named", "merge", "represented_by_words"]


def _prefix_length(text: str, tokens: list[tuple[int, int]], t: PeopleTables) -> int:
    """How many leading words of a capitalised run are courtesy words, ranks, titles or modifiers.

    "NATO Deputy Secretary General Mircea Geoană" → 4.  Whole phrases are
    looked up (longest first), so that the "Martin" of "Saint Martin" does not
    make "Martin Herem" a place.
    """
    k = 0
    n_tokens = len(tokens)
    bares: list[str] | None = None
    phrases, lengths = t.phrases, t.lengths
    if n_tokens == 1:
        # The common case, one word ("Shepro"): the loop below in one step.
        s, e = tokens[0]
        word = text[s:e]
        if word[0].islower() or (len(word) > 1 and word.isupper() and word.replace(".", "").isalpha()):
            return 1
        b = bare(word)
        return 1 if 1 in lengths.get(b, ()) or b in t.not_name_words else 0
    while k < n_tokens:
        word = text[tokens[k][0] : tokens[k][1]]
        if (
            (_INITIAL.fullmatch(word) or (_DOTTED_INITIALS.fullmatch(word) and _plain_next(text, tokens, k, lengths)))
            and k + 1 < n_tokens
            and bare(word) not in lengths
            and not (k > 0 and _INITIAL.fullmatch(text[tokens[k - 1][0] : tokens[k - 1][1]]))
            and text[tokens[k][0] - 1 : tokens[k][0]] != "."  # "Bogotá D.C.": a dotted abbreviation's letter
        ):
            # "Foreign Secretary T. K. Bhandari": an initial opens the name, it is no acronym (not "M.", a
            # courtesy word, nor the second letter of a dotted pair: "S. E.", "D. C.").
            if (
                _DOTTED_INITIALS.fullmatch(word)
                and k + 2 < n_tokens
                and known_given(text[tokens[k + 1][0] : tokens[k + 1][1]])
            ):
                k += 1  # "General de División D.E.M. Arturo Salgado": a qualification's letters, then a full name
                continue
            return k
        if word[0].islower() or (len(word) > 1 and word.isupper() and word.replace(".", "").isalpha()):
            if (
                word[0].isupper()
                and "." not in word
                and k > 0
                and k + 1 < n_tokens
                and bares is not None
                and t.phrases.get(bares[k - 1], ("",))[0] == "honorific"
                and text[tokens[k + 1][0] : tokens[k + 1][1]][1:2].islower()
            ):
                return k  # "Mr. KAMIYA Haruto": a family name in capitals after a courtesy word, no acronym
            if (
                k > 0
                and n_tokens - k >= 2
                and bares is not None
                and t.phrases.get(bares[k - 1], ("",))[0] == "honorific"
                and all(_capitals_word(text[s:e]) for s, e in tokens[k:])
            ):
                return k  # "Hon. GRACE NAMUTEBI", "Hon. JUMA K. MSELEM": a whole name in capitals after a courtesy word
            k += 1  # a particle, or an acronym ("NATO", "SACEUR")
            continue
        if bares is None:
            bares = [bare(text[s:e]) for s, e in tokens]
        # Only the word counts of phrases that start with this word, longest first.
        for n in lengths.get(bares[k], ()):
            if n <= n_tokens - k and (n == 1 or " ".join(bares[k : k + n]) in phrases):
                k += n
                break
        else:
            if bares[k] in t.not_name_words:
                k += 1  # a word of an institution or a portfolio ("Minister of National Defense Tomasz …")
                continue
            return k
    return k


_INITIAL = re.compile(r"[^\W\d_]\.")


# Initials written together ("P.J. Kielty"), not an acronym of the tables ("U.S."), before a name's word.
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,3}")


def _plain_next(text: str, tokens: list[tuple[int, int]], k: int, lengths: dict[str, Any]) -> bool:
    """Whether the token after ``k`` is a plain word of a name: capitalised and no word of the tables."""
    if k + 1 >= len(tokens):
        return False
    s, e = tokens[k + 1]
    word = text[s:e]
    return word[:1].isupper() and not word.isupper() and bare(word) not in lengths


def _capitals_word(word: str) -> bool:
    """A word of a name written in capitals ("NAMUTEBI", "ESSOMBA-NKOLO"), or an initial ("K.")."""
    return bool(_INITIAL.fullmatch(word)) or (len(word) > 1 and word.isupper() and word.replace("-", "").isalpha())


def _initialled_name(norm: str, tokens: list[tuple[int, int]], t: PeopleTables) -> tuple[int, int] | None:
    """``(index of the first name, start of the role's head)`` when a run ends with a name that has a middle
    initial ("Financial Intelligence Dana K. Whitcombe") and a role's head stands before the run, in its phrase.

    The first name is the word before the initial; at least one capitalised word comes before it, and a
    role's head (a title, a rank) is within the phrase before the run, with only links and capitalised
    words between.
    """
    n = len(tokens)
    if n < 4:
        return None
    j = next((i for i in range(2, n - 1) if _INITIAL.fullmatch(norm[tokens[i][0] : tokens[i][1]])), None)
    if j is None:
        return None
    lo = max(0, tokens[0][0] - 120)
    pre = norm[lo : tokens[0][0]]
    cut = last_stop(pre)
    phrase_start = lo + cut + 1 if cut >= 0 else lo
    heads = list(t.heads.finditer(norm, phrase_start, tokens[0][0]))
    if not heads:
        return None
    between = norm[heads[-1].end() : tokens[0][0]].split()
    if not all(w[:1].isupper() or bare(w) in t.link_words or bare(w) in t.joiner_words for w in between):
        return None  # a clause between the head and the run: the head is another phrase's
    # Two initials in a row open the name themselves ("… Management T. K. Bhandari"); one is a middle initial.
    leading = _INITIAL.fullmatch(norm[tokens[j + 1][0] : tokens[j + 1][1]]) is not None
    return (j if leading else j - 1), heads[-1].start()


def _clause_goes_on(norm: str, end: int, t: PeopleTables) -> bool:
    """Whether a word in small letters follows ``end`` that is no link: the sentence goes on with its verb
    ("… Aoife Brennan TD today launched …"), not with the place of an office ("… Risk Management at the …")."""
    m = _NEXT_WORD.match(norm, end)
    if m is None and norm.startswith(",", end):
        m = _NEXT_WORD.match(norm, end + 1)
        return m is not None and bare(m.group(1)) in t.relatives  # "…, who welcomed …"
    return (
        m is not None
        and m.group(1)[:1].islower()
        and bare(m.group(1)) not in t.link_words
        and (bare(m.group(1)) not in t.location_words)
    )


_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_][\w’'\-]*)")


def _without_post_nominals(norm: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``tokens`` without the post-nominals in capitals that end them ("Aoife Brennan TD", "X MP")."""
    n = len(tokens)
    while (
        n > 2 and 2 <= tokens[n - 1][1] - tokens[n - 1][0] <= 4 and norm[tokens[n - 1][0] : tokens[n - 1][1]].isupper()
    ):
        n -= 1
    return tokens[:n]


def interviewee_in_lead(paragraphs: Sequence[str], norms: Sequence[str], t: PeopleTables, language: str) -> str | None:
    """The first plain full name of ``paragraphs`` (two or three capitalised words that read as a name)."""
    for text, norm in zip(paragraphs, norms, strict=True):
        for run in t.run.finditer(norm):
            for tokens in _split_run(norm, run.start(), run.end(), t):
                k = _prefix_length(norm, tokens, t)
                words = [text[s:e] for s, e in tokens[k:]]
                if 2 <= len(words) <= 3 and _name_like(words, t, language):
                    return " ".join(words)
    return None


@cache
def _case_words(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(normalize(w) for w in pack(language).people.case_words)})(?!\w)", re.I)


def _in_case(text: str, at: int, language: str) -> bool:
    """Whether the sentence around ``at`` holds one of the pack's ``case_words`` (an arrest, a victim)."""
    begin = max(text.rfind(". ", 0, at), 0)
    stop = text.find(". ", at)
    return _case_words(language).search(normalize(text[begin : stop if stop >= 0 else len(text)])) is not None


def _ends_with_country(name: str, t: PeopleTables, language: str) -> bool:
    """Whether a particle in ``name`` is followed by a country's or a capital's name ("Central de Costa Rica",
    "Cervantes de Ammán"): no surname is; a body's seat is."""
    words = name.split()
    if len(words) < 3:
        return False  # (a particle between two words at least)
    lookup = country_matcher(language)[1]
    towns = capitals()
    return any(
        w.lower() in t.particles and ((rest := " ".join(words[j + 1 :])) in lookup or rest.casefold() in towns)
        for j, w in enumerate(words[1:-1], 1)
    )


def _letters(word: str) -> bool:
    """Whether ``word`` is letters, with an apostrophe or a hyphen inside ("O’Rourke", "Jean-Luc")."""
    return word.replace("’", "").replace("'", "").replace("-", "").isalpha()


def _portfolio_then_name(norm: str, tokens: list[tuple[int, int]], t: PeopleTables) -> tuple[int, int] | None:
    """``(index of the first name, start of the role's head)`` when a run of three capitalised words or more
    goes on a role's portfolio ("Minister for Emergency Management Bronwyn Castellano", "… Trade and Tourism
    Catherine Yeo"): a link or a list joiner right before the run, a role's head before that with only links
    and capitalised words between; the name is the run's last two words.
    """
    n = len(tokens)
    if n < 3:
        return None
    before = norm[max(0, tokens[0][0] - 12) : tokens[0][0]].split()
    if before and len(before) >= 2 and bare(before[-1]) in t.role_articles and bare(before[-2]) in t.link_words:
        before = before[:-1]  # "… de la Corte Suprema de Justicia Dinora Esperanza Portillo": a link, then an article
    last = bare(before[-1]) if before else ""
    if not last or (last not in t.link_words and last not in t.joiner_words and last not in t.location_words):
        return None
    words = [norm[s:e] for s, e in tokens]
    known = _given_at(words, 1)  # (a known given name further on: the run holds a name, see below)
    if last not in t.link_words and last not in t.joiner_words and known is None:
        return None  # after a location link only with a known given name: "especializada en Delincuencia …"
    # Leading initials open the name ("… of Housing P.J. Kielty", "… T. K. Bhandari"); a single one is a
    # middle initial, read by _initialled_name.
    lead = next(
        (
            i
            for i in range(1, n - 1)
            if _DOTTED_INITIALS.fullmatch(words[i])
            or (_INITIAL.fullmatch(words[i]) and _INITIAL.fullmatch(words[i + 1]))
        ),
        None,
    )
    if lead is None and any(_INITIAL.fullmatch(w) for w in words):
        return None
    # The name is the run's last two words, or more from a known given name ("… Sanitation and Irrigation Grace
    # Wanjiru Otieno": the earliest that leaves three or four words).
    known = None if lead is not None else known
    first = lead if lead is not None else known if known is not None and known < n - 2 else n - 2
    if lead is None and not all(norm[s : s + 1].isupper() and _letters(norm[s:e]) for s, e in tokens[-2:]):
        return None
    if any(bare(norm[s:e]) in t.head_words for s, e in tokens[:first]):
        return None  # "… and Chief Raymond Sinclair": a title of its own opens the run, another person's phrase
    lo = max(0, tokens[0][0] - 120)
    pre = norm[lo : tokens[0][0]]
    # (The list's last item is the run's first word: "… Agriculture, Fisheries and Forestry Marcus Elford".)
    cut = _over_portfolio_list(norm[lo : tokens[0][1]], last_stop(pre), t)
    phrase_start = lo + cut + 1 if cut >= 0 else lo
    heads = list(t.heads.finditer(norm, phrase_start, tokens[0][0]))
    if not heads:
        return None
    between = norm[heads[-1].end() : tokens[0][0]].replace(",", " ").split()
    # (A nationality adjective may qualify the head: "le ministre malien de la Santé Ali Traoré".)
    nationality = adjectives(t.language)
    # (With a known given name opening the name, a few small words may qualify the head: "la fiscal
    # especializada en Delincuencia Organizada Andrea Cevallos Jaramillo".)
    small = sum(1 for w in between if not (w[:1].isupper() or bare(w) in t.link_words or bare(w) in t.joiner_words))
    if not between or not all(
        w[:1].isupper()
        or bare(w) in t.link_words
        or bare(w) in t.joiner_words
        or w.lower() in nationality
        or (
            known is not None
            and first == known
            and small <= _QUALIFIERS
            and (bare(w) in t.location_words or bare(w) not in t.clause_words)
        )
        for w in between
    ):
        return None
    return first, heads[-1].start()


_QUALIFIERS = 3  # small words between a role's head and its portfolio ("especializada en")


_LONGEST_NAME = 4  # words of a name read from a known given name to the end of a run


def _given_at(words: Sequence[str], lowest: int) -> int | None:
    """The index of the earliest word from ``lowest`` on that is a known given name (or a family name written
    first: ``data/given_names.toml``) and leaves two to four capitalised words to the end of ``words``."""
    n = len(words)
    for i in range(max(lowest, n - _LONGEST_NAME), n - 1):
        if known_given(words[i]) and all(w[:1].isupper() for w in words[i:]):
            return i
    return None


def known_given(word: str) -> bool:
    """Whether ``word`` is a known given name or a family name written first (``data/given_names.toml``)."""
    given, family = given_names()
    folded = word.casefold()
    return folded in given or folded in family


def _nationality_between(norm: str, start: int, end: int, t: PeopleTables) -> bool:
    """Whether a nationality adjective stands among the small words of ``norm[start:end]`` (a role's head
    and its portfolio: "vice-ministre laotien des Affaires étrangères")."""
    nationality = adjectives(t.language)
    return any(w[:1].islower() and w in nationality for w in norm[start:end].split())


def _role_before(text: str, norm: str, end: int, t: PeopleTables, language: str) -> dict[str, Any] | None:
    """:func:`.roles.role_before` read on the normalised text ("l'adjointe à la culture, X" with a typed
    apostrophe), its role and organisation given back as ``text`` writes them (same offsets)."""
    if text is norm or text == norm:
        return role_before(text, end, t, language)
    found = role_before(norm, end, t, language)
    if found is None:
        return None
    for key in ("role", "org"):
        value = found.get(key)
        if value:
            at = norm.find(value, found["start"], end)
            if at >= 0:
                found[key] = text[at : at + len(value)]
            elif "'" in text[found["start"] : end] and "’" not in text[found["start"] : end]:
                found[key] = value.replace("’", "'")  # (a role the splitting shortened: its typed apostrophes)
    return found


def _given_country(norm: str, tokens: list[tuple[int, int]], t: PeopleTables) -> bool:
    """Whether the first word of a run is a country's name used as a first name: it stands in an
    apposition or after a title or courtesy word (:func:`_gate`), and no word after it is vocabulary."""
    s, e = tokens[0]
    hit = t.phrases.get(bare(norm[s:e]))
    if hit is None or hit[0] != "country" or not _gate(norm, s, t):
        return False
    return all(norm[a].isupper() and _prefix_length(norm, [(a, b)], t) == 0 for a, b in tokens[1:])


def _gate(text: str, pos: int, t: PeopleTables) -> bool:
    """Whether the word before ``pos`` may end a rank, title or courtesy word, or is a comma (apposition)."""
    j = pos - 1
    while j >= 0 and text[j] in " \u00a0":
        j -= 1
    if j < 0:
        return False
    if text[j] == ",":
        return True
    if text[j] == ":":
        # "Directora del centro de Dakar: Marta Iturralde Pazos": a role's head, then a colon.
        lo = max(0, j - 120)
        cut = last_stop(text[lo:j])
        return t.heads.match(text, lo + cut + 1 if cut >= 0 else lo) is not None
    chunk = text[max(0, j - 30) : j + 1]
    prev = chunk[chunk.rfind(" ") + 1 :].lower()
    if prev in t.trigger_last or prev[prev.rfind("’") + 1 :] in t.trigger_last:
        return True
    if _small_head_before(text, pos, t) is not None:
        return True
    return bare(prev) in t.bridge and _after_role(text, pos, t) is not None


def _small_head_before(text: str, pos: int, t: PeopleTables) -> tuple[int, int] | None:
    """The span of a one-word role head in small letters right before ``pos``, after an article.

    "la doctorante Léa Bouchard", "el técnico Gustavo Pereyra": in a language that writes roles in small
    letters (``role_case = "lower"``), the head is the person's role.
    """
    if not t.lower_roles:
        return None
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or not m.group(1)[:1].islower() or bare(m.group(1)) not in t.head_words:
        return None
    head_start = m.start(1)
    j = head_start - 1
    while j >= 0 and text[j] in " \u00a0":
        j -= 1
    article = text[max(0, j - 6) : j + 1].rsplit(" ", 1)[-1].lower()
    return (head_start, m.end(1)) if bare(article) in t.role_articles else None


def _kind_of(norm: str, token: tuple[int, int], t: PeopleTables) -> str | None:
    """The vocabulary kind of one token ("rank", "title", "honorific", …), or None."""
    entry = t.phrases.get(bare(norm[token[0] : token[1]]))
    return entry[0] if entry else None


def _last_head(norm: str, tokens: list[tuple[int, int]], t: PeopleTables) -> int:
    """How many tokens of a run end with its last rank, title or courtesy word, when a name follows it; else 0."""
    for j in range(len(tokens) - 2, 0, -1):
        s, e = tokens[j]
        if bare(norm[s:e]) in t.trigger_last:
            # A rank or title is a few words: reading from further back than a few phrases only
            # costs time (a run of thousands of capitalised words would make this quadratic).
            lo = tokens[max(0, j - 3 * MAX_WORDS)][0]
            back = _backwards(list(WORD.finditer(norm, lo, e)), t)
            if back.get("trigger"):
                return j + 1
    return 0


def _after_role(norm: str, pos: int, t: PeopleTables) -> tuple[int, int, str | None] | None:
    """A role's head ends before ``pos`` with only a nationality adjective or a complement between them.

    "le général danois X", "la chancelière allemande X" (an adjective), "le secrétaire général de
    l’OTAN X", "Under Secretary of Defense for Policy X" (a complement: role links, and capitalised
    words of institutions, portfolios, organisations or countries).  Returns ``(end of the head,
    end of the role phrase, country of the adjective)``, or ``None``.
    """
    # The common case first: the word right before ``pos`` in small letters and no nationality
    # adjective ("de", "of", "met") ends no role's complement; no need to read back 120 characters.
    j = pos - 1
    while j >= 0 and norm[j] == " ":
        j -= 1
    tail = WORD.findall(norm, norm.rfind(" ", 0, j) + 1, j + 1)
    if not tail:
        return None
    if tail[-1][0].islower():
        kind = t.phrases.get(bare(tail[-1]))
        if (kind is None or kind[0] != "country") and not _portfolio_adjective(norm, j, t):
            return None
    lo = max(0, pos - 120)
    pre = norm[lo:pos]
    cut = _over_portfolio_list(pre, last_stop(pre), t)
    words = list(WORD.finditer(norm, lo + cut + 1 if cut >= 0 else lo, pos))
    if not words:
        return None
    last = words[-1]
    hit = t.phrases.get(bare(last.group()))
    if last.group()[0].islower() and hit is not None and hit[0] == "country":
        # "le général danois X": an adjective right after the head.
        before = bare(words[-2].group()) if len(words) > 1 else ""
        # ("le général de corps d’armée sénégalais X": the head's last word glued to its elided article.)
        elided = len(words) > 2 and words[-3].group().endswith("’") and words[-3].end() == words[-2].start()
        if before in t.trigger_last or (elided and bare(words[-3].group()) + before in t.trigger_last):
            return words[-2].end(), words[-2].end(), hit[1]
        return None
    linked = False
    if bare(last.group()) in t.link_words or not (
        last.group()[0].isupper() or last.group()[0].isdigit() or _portfolio_adjective(norm, last.end() - 1, t)
    ):
        return None  # "President of Harbor Point Logistics": a name right after a link is the complement itself
    for k in range(len(words) - 1, max(-1, len(words) - 12), -1):
        raw = words[k].group()
        word = bare(raw)
        if (
            word in t.trigger_last
            and linked
            and word not in t.link_words
            # (A portfolio's word that also ends a title, "Affairs" of "Minister of Foreign Affairs", is the
            # head only when no other head stands before it: "State Secretary of the Ministry of Foreign
            # Affairs of Latvia X" reads on to "Secretary".)
            and not (word in t.not_name_words and _earlier_head(words, k, t))
        ):
            # (Not at a link that also ends a title — "for" of "Minister for": "Minister for Foreign
            # Trade and Development X" reads on to the head.)
            return words[k].end(), last.end(), None
        if word in t.link_words or raw in t.link_words:
            linked = True
            continue
        if (
            raw[0].islower()
            and k > 0
            and words[k - 1].group()[0].isupper()
            and bare(words[k - 1].group()) not in t.link_words
        ):
            continue  # "de la Santé publique", "des Infrastructures scolaires": an adjective of the portfolio
        if raw[0].islower() and linked and k > 0 and bare(words[k - 1].group()) in t.trigger_last:
            # "le vice-ministre laotien des Affaires étrangères X": the head's nationality, then its portfolio.
            hit_k = t.phrases.get(word)
            if hit_k is not None and hit_k[0] == "country":
                return words[k - 1].end(), last.end(), hit_k[1]
        if not (raw[0].isupper() or raw[0].isdigit()):
            return None
        if word in t.not_name_words or word in t.bridge or word in t.vocab or (len(raw) > 1 and raw.isupper()):
            continue
        return None
    return None


def _portfolio_adjective(norm: str, end: int, t: PeopleTables) -> bool:
    """Whether the word in small letters ending at ``end`` (inclusive) follows a capitalised word of a role's
    complement ("Santé publique", "Infrastructures scolaires"): an adjective of the portfolio, not a clause's."""
    start = norm.rfind(" ", 0, end) + 1
    b = norm.rfind(" ", 0, start - 1)
    if start < 2 or not norm[b + 1 : b + 2].isupper():
        return False  # the common case: no capitalised word right before
    a = norm.rfind(" ", 0, b)
    word, prev, link = norm[start : end + 1], norm[b + 1 : start - 1], norm[a + 1 : b]
    if not link or bare(word) in t.clause_words or bare(word) in t.link_words:
        return False
    # A capitalised noun after a link ("de la Santé", "des Infrastructures"), then the adjective.
    return prev[:1].isupper() and (bare(link) in t.link_words or link.endswith("’")) and bare(prev) not in t.link_words


_EARLIER_HEAD = 8  # words read back for a head before a portfolio's word that also ends a title


def _earlier_head(words: list[re.Match[str]], k: int, t: PeopleTables) -> bool:
    """Whether a role's head stands a few words before ``words[k]`` with only a complement between (links and
    capitalised words, no list joiner): "State Secretary of the Ministry of Foreign Affairs"; and no list joiner
    after it either ("Minister for Foreign Affairs and OSCE Chairperson-in-Office": two titles joined)."""
    if any(bare(w.group()) in t.joiner_words for w in words[k + 1 :]):
        return False
    for j in range(k - 1, max(-1, k - 1 - _EARLIER_HEAD), -1):
        word = bare(words[j].group())
        if word in t.joiner_words:
            return False  # "Minister for Foreign Affairs and OSCE Chairperson-in-Office": two titles
        if word in t.trigger_last and word not in t.not_name_words:
            return True
    return False


def _split_run(text: str, start: int, end: int, t: PeopleTables) -> list[list[tuple[int, int]]]:
    """The token spans of a capitalised run, cut where a dot ends a sentence ("Shepro. Le")."""
    run = text[start:end]
    if "." not in run and " " not in run:
        return [[(start, end)]]  # the common case: one word, nothing to cut
    groups: list[list[tuple[int, int]]] = [[]]
    pos = start
    words = run.split()
    for n, word in enumerate(words):
        s = text.find(word, pos)
        e = s + len(word)
        pos = e
        if (
            word.endswith(".")
            and len(word) > 2
            and low(word) not in t.dotted
            and not (n + 1 < len(words) and _DOTTED_INITIALS.fullmatch(word))
        ):  # (initials before a name's word end no sentence: "P.J. Kielty")
            groups[-1].append((s, e - 1))
            groups.append([])
        else:
            groups[-1].append((s, e))
    return [g for g in groups if g]


class Person:
    """A named person being assembled (plain fields; the Attendee is built once at the end)."""

    __slots__ = ("aliases", "country", "name", "organization", "rank", "role")

    def __init__(self, name: str) -> None:
        self.name = name
        self.rank: str | None = None
        self.role: str | None = None
        self.organization: str | None = None
        self.country: str | None = None
        self.aliases: list[str] = []

    def absorb(self, other: Person) -> None:
        if len(other.name) > len(self.name):
            self.name = other.name
        self.rank = self.rank or other.rank
        self.role = self.role or other.role
        self.organization = self.organization or other.organization
        self.country = self.country or other.country
        self.aliases += [a for a in other.aliases if a not in self.aliases]

    def build(self) -> Attendee:
        return Attendee(
            name=self.name,
            rank=self.rank,
            role=self.role,
            organization=self.organization,
            country=self.country,
            aliases=tuple(self.aliases),
        )


_MAX_NAME_WORDS = 10  # "Miguel Ángel de la Fuente y García-Moreno" is 8


def _role_goes_on(text: str, word: tuple[str, int]) -> bool:
    """Whether the role head ``word`` (its text and offset) goes on in small letters ("Directrice générale du …"),
    as a role does; a head the sentence stops at ("…, Waikato Rural Area Commander, says") ends a unit's name."""
    end = word[1] + len(word[0])
    return text[end : end + 1] == " " and text[end + 1 : end + 2].islower()


def _clean_name(
    text: str, tokens: list[tuple[int, int]], t: PeopleTables, *, given_country: bool = False
) -> tuple[str, int, int] | None:
    """The name of ``tokens`` (spans of name words) and its span, or ``None`` if it is not a name.

    ``given_country``: the first word is a country's name known to be a first name (:func:`_given_country`).
    """
    if len(tokens) == 1:
        # The common case, one word ("Shepro"): the steps below without the lists.
        s, e = tokens[0]
        word = w = text[s:e]
        for suffix in POSSESSIVE:
            if word.endswith(suffix):
                w = word[: -len(suffix)]
        if w in t.not_names or w in t.particles:
            return None
        hit = t.phrases.get(w.lower())
        if w[0].islower() or (hit is not None and hit[0] == "country") or w.lower() in t.trigger_last:
            return None
        if w.lower() in t.head_words:
            return None  # "…, Chief of Defence of Sweden": a role's head, not a surname
        return w, s, s + len(w)
    if len(tokens) > _MAX_NAME_WORDS:
        return None  # a run of a dozen capitalised words is a heading or an institution, not a person
    words = [(text[s:e], s) for s, e in tokens]
    # "GRACE NAMUTEBI", "JUMA K. MSELEM": a whole name in capitals (no word of the tables, none short as an acronym).
    in_capitals = len(words) >= 2 and all(
        _capitals_word(w) and (len(w) > 3 or _INITIAL.fullmatch(w)) and low(w) not in t.vocab for w, _ in words
    )
    for k, (w, _) in enumerate(words[1:], 1):
        if in_capitals:
            break
        if low(w) in t.particles and k + 1 < len(words) and words[k + 1][0][:2].isupper():
            continue  # "Joris VAN DAMME-LEYSEN": a particle of a surname in capitals, no acronym
        if (
            len(w) > 1
            and w.isupper()
            and w.isalpha()
            and (len(w) <= 3 or low(w) in t.vocab or not words[0][0][1:2].islower())
        ):
            del words[k:]  # an acronym ends the name ("General Wolters NATO ...")
            break
        # (A surname in capitals after a first name, "Tevai HAUATA", "Pedro SANCHEZ", is the name's.)
    while len(words) >= 3 and bare(words[-1][0]).lower() in t.head_words and _role_goes_on(text, words[-1]):
        words.pop()  # "Mme Claire Morel Directrice générale du Groupe": the role after the name, no comma between
    last, last_start = words[-1]
    for suffix in POSSESSIVE:
        if last.endswith(suffix):
            words[-1] = (last[: -len(suffix)], last_start)
    # "Francisco Javier Ruiz de la Cruz": after a particle, two name words or more before it, a family name may
    # be a word of the tables.
    particled = len(words) >= 4 and low(words[-2][0]) in t.particles and words[-1][0][1:2].islower()
    while words and not particled and (words[-1][0] in t.not_names or words[-1][0] in t.particles):
        popped = bare(words.pop()[0])
        if popped in t.not_name_words and popped not in t.article_words and popped not in t.role_articles:
            return None  # "for Economic Affairs": a word before a portfolio or an institution word is the portfolio's
    if not words:
        return None
    if len(words) >= 3 and words[-2][0][:1].islower() and t.phrases.get(bare(words[-1][0]), ("",))[0] == "country":
        return None  # "Movilidad Humana de Ecuador": a portfolio's words and its country, no name
    if all(bare(w) in t.trigger_last for w, _ in words):
        return None  # "Chief Executive Officer": the last words of a title are no name
    first = words[0][0]
    hit = t.phrases.get(first.lower())
    if first in t.not_names or first[0].islower() or (hit is not None and hit[0] == "country" and not given_country):
        return None
    if any(bare(w) in t.not_name_words and bare(w) not in t.particles for w, _ in words[1:-1]):
        return None  # "Brigada Provincial de Policía Judicial de Valencia": an institution's words inside
    return " ".join(w for w, _ in words), words[0][1], words[-1][1] + len(words[-1][0])


def _backwards(words: list[re.Match[str]], t: PeopleTables) -> dict[str, Any]:
    """Read the noun phrase before a name backwards: courtesy word, rank, title, modifiers, article.

    ``words`` are the words before the name; each is bared (:func:`.vocab.bare`) only when the
    reading reaches it, since it usually stops a few words before the name.
    """
    found: dict[str, Any] = {"start": None, "complete": False}
    i = len(words)
    tails = t.tails
    phrases = t.phrases
    texts = [""] * i
    ready = i  # texts[ready:] are bared; the reading only ever needs the next one to the left
    while i > 0:
        # The longest phrase that ends at word i, built one word at a time leftwards: a key
        # that is not the ending of any phrase cannot grow into one, so the search stops there.
        hit = None
        n = 0
        key = ""
        for m in range(1, min(MAX_WORDS, i) + 1):
            j = i - m
            if j < ready:
                texts[j] = bare(words[j].group())
                ready = j
            if m == 1:
                key = texts[j]
            else:
                before = texts[j]
                # An elided article is a word of its own but is written glued ("d’escadre"); a longer
                # word ending with an apostrophe ("Dato’ Seri") is a word of its own.
                key = (before + key) if len(before) == 2 and before[1] == "’" else (before + " " + key)
            if key not in tails:
                break
            found_here = phrases.get(key)
            if found_here is not None:
                hit, n = found_here, m
        if hit is None:
            if "trigger" in found and texts[i - 1] in t.not_name_words:
                title = found.get("title")
                if title is not None and title[0] == words[i].start() and words[i - 1].group()[:1].isupper():
                    # "Health Cabinet Secretary", "Agriculture Secretary": a portfolio word before a title is the title's.
                    found["title"] = (words[i - 1].start(), title[1])
                i -= 1  # a service or unit word ("Italian Army Major General"): the modifiers go on
                continue
            owner = acronym(words[i - 1].group(), t) if "trigger" in found else None
            if owner is not None:
                found.setdefault("org", owner)  # "EIB Vice-President X": the acronym is the organisation
                i -= 1
                found["start"] = words[i].start()
                continue
            return found  # no phrase ends with these words
        kind, value = hit
        if kind in ("rank", "title") and kind in found:
            return found  # a second rank or title belongs to another phrase
        if kind in ("honorific", "rank", "title"):
            if kind == "title" and i - n > 0:
                before = words[i - n - 1].group()
                if before[:1].isupper() and bare(before) in t.head_words:
                    n += 1  # "Deputy Secretary of State": a head word qualifies the title
            if kind != "honorific":
                found[kind] = (words[i - n].start(), words[i - 1].end())
            elif "title" not in found and "rank" not in found:
                found["honorific"] = words[i - n].start()  # where the courtesy words start
            found.setdefault("trigger", True)
        elif "trigger" not in found:
            return found  # modifiers only count before a rank or title
        elif kind in ("org", "country"):
            found.setdefault(kind, value)
        i -= n
        found["start"] = words[i].start()
        if kind == "article":
            break
    found["complete"] = i == 0
    return found


def find_named(
    i: int,
    text: str,
    norm: str,
    t: PeopleTables,
    language: str,
    people: list[Person],
    found: list[tuple[int, int, int, int]],
) -> None:
    """Find the named people of paragraph ``i``; add them to ``people`` and their mentions to ``found``.

    ``norm`` is ``text`` normalised (same length: offsets are shared with ``text``).
    """
    phrases, trigger = t.phrases, t.trigger_last
    for run in t.run.finditer(norm):
        s = run.start()
        word = run.group()
        if " " not in word:
            # The common case, a single capitalised word ("Le", "Belgrade",
            # "Shepro"): rejected with a few set lookups unless a comma, a
            # courtesy word, a rank or a title stands right before it.
            if s < 2 or norm[s - 1] != " " or word.lower() in phrases:
                continue
            if norm[s - 2] != ",":
                k = norm.rfind(" ", s - 32 if s > 32 else 0, s - 1)
                prev = norm[k + 1 : s - 1].lower()
                # Else "le général danois Dupont", "le secrétaire général de l’OTAN Stoltenberg".
                if (
                    prev not in trigger
                    and prev[prev.rfind("’") + 1 :] not in trigger
                    and (bare(prev) not in t.bridge or _after_role(norm, s, t) is None)
                ):
                    continue
        elif (
            "." not in word and "’" not in word and "  " not in word and word.count(" ") < MAX_WORDS
        ) and word.lower() in phrases:
            # A run that is one known phrase ("République de Bulgarie", "Comité militaire"): all
            # its words are vocabulary, _prefix_length() would take them all, and no name is left.
            # (Without a dot, an apostrophe or a double space, its words are split, bared and
            # joined back to exactly its lower-cased text.)
            continue
        groups = _split_run(norm, s, run.end(), t)
        for tokens in groups:
            k = _prefix_length(norm, tokens, t)
            given_country = k == 1 and len(tokens) in (2, 3) and _given_country(norm, tokens, t)
            if given_country:
                k = 0  # "…, Dominique Aubert,", "Minister Jordan Reeves": a first name that is a country's
            if k == len(tokens):
                continue
            introduced = k == 0 and len(tokens) >= 3 and _introduces(norm[tokens[0][0] : tokens[0][1]], language)
            if introduced:
                # "Selon Marie Curie, …": the capitalised introducer is not part of the name, nor a courtesy
                # word or a title after it ("Selon Mme Nadège Koffi, …").
                k = 1 + _prefix_length(norm, tokens[1:], t)
                if k >= len(tokens):
                    continue
            if len(tokens) - k >= 3 and not introduced:
                # "U.S. Navy Admiral Thomas E. Garrick", "Italian Army Major General Franco Liguori",
                # "Hospital Board Chair Michelle Tan": the rank or title inside the run, after words that are
                # neither (a service, a unit, a board) — but not a courtesy title opening a name after a
                # body's name ("Centro de Salud Familiar Dr. Hernán Urrutia": the title is the person's).
                inner = _last_head(norm, tokens, t)
                if inner > k and (k == 0 or _kind_of(norm, tokens[inner - 1], t) != "honorific"):
                    k = inner
            # "… for Terrorism and Financial Intelligence Dana K. Whitcombe": a portfolio of words no table
            # holds, then a name with a middle initial, after a role's head: the initial says where the name starts.
            if 0 < k < len(tokens) - 2:
                # "Minister for Rural Affairs P.J. Kielty": leading initials further on open the name.
                words = [norm[s:e] for s, e in tokens]
                k = next(
                    (
                        i
                        for i in range(k + 1, len(tokens) - 1)
                        if _DOTTED_INITIALS.fullmatch(words[i])
                        or (_INITIAL.fullmatch(words[i]) and _INITIAL.fullmatch(words[i + 1]))
                    ),
                    k,
                )
            head = _initialled_name(norm, tokens, t) if k == 0 else None
            if head is None and k == 0:
                # "Minister for Trade and Tourism Catherine Yeo": without an initial, the name is the run's last two words.
                core = _without_post_nominals(norm, tokens)
                head = _portfolio_then_name(norm, core, t)
                if (
                    head is not None
                    and not (
                        norm.startswith(":", tokens[-1][1])
                        # (A known given name says a person's name starts there: "… Development Giorgi Lomidze".)
                        or known_given(norm[core[head[0]][0] : core[head[0]][1]])
                        # (A head with its nationality says a person follows: "le ministre malien de la Santé X".)
                        or _nationality_between(norm, head[1], tokens[0][0], t)
                        or (
                            (
                                # (A verb of saying before the role's head, or after the name: "according to
                                # Secretary of Community and Economic Development Lena Okonkwo".)
                                _speech_near(norm, head[1], tokens[-1][1], language)
                                or _clause_goes_on(norm, tokens[-1][1], t)
                            )
                            and _name_like(
                                [w for s, e in core[head[0] :] if not _DOTTED_INITIALS.fullmatch(w := norm[s:e])],
                                t,
                                language,
                            )
                        )
                    )
                ):
                    head = None  # only a name that speaks ("… Catherine Yeo said:"): not "Prairie Pulse Cooperative"
            if (
                head is None
                and 0 < k < len(tokens) - 1
                and not introduced
                # (Not after a courtesy word, a rank or a title: "… Cooperation Dr. Maryam bint Ali Al Mansouri".)
                and bare(norm[tokens[k - 1][0] : tokens[k - 1][1]]) not in t.trigger_last
            ):
                # "la magistrada de la Corte Suprema de Justicia Dinora Esperanza Portillo": words the tables know
                # open the run, a role's portfolio goes on to a known given name, where the name starts.
                core = _without_post_nominals(norm, tokens)
                portfolio = _portfolio_then_name(norm, core, t)
                if (
                    portfolio is not None
                    and portfolio[0] > k
                    and known_given(norm[core[portfolio[0]][0] : core[portfolio[0]][1]])
                ):
                    head = portfolio
            if head is not None:
                k = head[0]
            name_start = tokens[k][0]
            national = None  # the country of a nationality before a plain name ("New Zealand’s X", "el peruano X")
            if (
                k > 0
                and head is None
                and not introduced
                and bare(norm[tokens[k - 1][0] : tokens[k - 1][1]]) not in t.trigger_last
                and _after_role(norm, name_start, t) is None
            ):
                national = _nationality_before(norm, name_start, t)
                if national is None:
                    # "Minister for Green Energy and Transport Fiona Cairns said": the run opens with a portfolio
                    # word the tables know ("Transport"); the portfolio reading says where the name starts.
                    core = _without_post_nominals(norm, tokens)
                    portfolio = _portfolio_then_name(norm, core, t)
                    if (
                        portfolio is None
                        or portfolio[0] != k
                        or not (
                            _speech_near(norm, portfolio[1], core[-1][1], language)
                            or _nationality_between(norm, portfolio[1], tokens[0][0], t)
                        )
                    ):
                        continue
                    head = portfolio
            gated = (
                (k > 0 and not introduced)
                or _gate(norm, name_start, t)
                # "le ministre de la Santé publique Jean Dupont": a role whose portfolio ends in small letters.
                or (norm[name_start - 2 : name_start - 1].islower() and _after_role(norm, name_start, t) is not None)
            )
            if not gated and len(tokens) - k >= 2 and bare(norm[tokens[k][0] : tokens[k][1]]) not in t.head_words:
                # (Not a title after the nationality: "The UK's Chief Coastguard, Fiona Ashworth" names her.)
                national = _nationality_before(norm, name_start, t)
                gated = national is not None
            if not gated and (
                len(tokens) - k < 2
                or not (
                    _speech_near(norm, name_start, run.end(), language)
                    or norm.startswith(",", run.end())
                    or _PAREN_AFTER.match(norm, run.end()) is not None  # "Édouard Kibanda (Gabon), envoyé …"
                    or role_as(norm, run.end(), language) is not None  # "… of Ross Tennant as first-team manager"
                )
            ):
                continue
            cleaned = _clean_name(text, tokens[k:], t, given_country=given_country)
            if cleaned is None:
                continue
            name, _, name_end = cleaned
            if text.startswith(".", name_end) and name.rsplit(" ", 1)[-1] in _name_suffixes(language):
                name, name_end = name + ".", name_end + 1  # "Mariano C. Lacson Jr., PhD": the suffix's dot
            if name.rsplit(" ", 1)[-1] in _NUMBER_SIGNS:
                continue  # "Hospital General Regional No. 1": a numbered institution's name
            if (
                k > 0
                and " " not in name
                and s > 1
                and bare(norm[norm.rfind(" ", 0, s - 1) + 1 : s - 1]) in t.link_words
            ):
                continue  # "peregrina de Coronel Oviedo", "el puerto de General Santos": a place named after a title
            if _ends_with_country(name, t, language):
                continue  # "(Banco) Central de Costa Rica": a body's name and its country, no person
            if _title_goes_on(norm, name_end, t) and not _after_trigger(norm, name_start, t):
                continue  # "…, Local Senior Officer for Moray": the words of a title, its head after them
            if _institution_tail(norm, name, name_start, t):
                continue  # "… del Comité Olímpico Boliviano presentó": the institution's adjectives, not a name
            if len(tokens) - k == 1 and k == 0 and _listed_word(norm, name_start, name_end, t):
                continue  # "Minister of Education, Skills, Youth and Information": an item of a portfolio list
            if _joined_institution(norm, name_end, t):
                continue  # "the Coast General Teaching and Referral Hospital": a name's words, not a person
            if (
                k > 0
                and not introduced
                and bare(norm[tokens[k - 1][0] : tokens[k - 1][1]]) not in t.trigger_last
                and (len(name.split()) < 2 or not _name_like(name.split(), t, language))
            ):
                continue  # after a complement ("… of Defense Robert Calloway"), only a plain full name
            vouched = not gated and _described(text, name_start, name_end, t, language)
            if not gated and not vouched and not _speaks(norm, name_start, name_end, language):
                continue
            # The noun phrase before the name, up to a punctuation mark.
            lo = max(0, tokens[0][0] - 120)
            pre = norm[lo : tokens[0][0]]
            cut = _phrase_cut(pre, t)
            seg_start = lo + cut + 1 if cut >= 0 else lo
            back = _backwards(list(WORD.finditer(norm, seg_start, name_start)), t)
            if head is not None and not back.get("trigger"):
                # The role is the whole phrase from its head to the name ("Acting Under Secretary of the
                # Treasury for Terrorism and Financial Intelligence").
                opening = _backwards(list(WORD.finditer(norm, seg_start, head[1])), t)
                begin = opening["start"] if opening.get("trigger") and opening["start"] is not None else head[1]
                back = {"start": begin, "complete": False, "trigger": True, "title": (begin, tokens[k - 1][1])}
            if not back.get("trigger"):
                after = _after_role(norm, name_start, t)
                if after is not None:
                    head_end, role_end, adjective = after
                    back = _backwards(list(WORD.finditer(norm, seg_start, head_end)), t)
                    if "title" in back:
                        back["title"] = (back["title"][0], role_end)  # with its complement
                    elif "rank" in back and role_end > head_end:
                        complement = norm[back["rank"][1] + 1 : role_end]
                        # "Ambassador to the Philippines": a complement alone is no role; with its rank it is.
                        linked = bare(complement.split(None, 1)[0]) in t.link_words if complement.strip() else False
                        back["title"] = (back["rank"][0] if linked else back["rank"][1] + 1, role_end)
                    if adjective:
                        back.setdefault("country", adjective)
            elif "title" not in back and "rank" not in back and "honorific" in back:
                # "Minister of Education Dr Anna Berzina", "Minister of Trade YB Dato’ Seri X": a
                # courtesy word alone before the name, and a role with its complement before that.
                after = _after_role(norm, back["honorific"], t)
                if after is not None:
                    head_end, role_end, adjective = after
                    role_back = _backwards(list(WORD.finditer(norm, seg_start, head_end)), t)
                    if "title" in role_back:
                        back["title"] = (role_back["title"][0], role_end)
                        back["start"] = role_back["start"]
                        for key in ("org", "country"):
                            if key in role_back:
                                back.setdefault(key, role_back[key])
                        if adjective:
                            back.setdefault("country", adjective)
            if not back.get("trigger") and k == 0:
                small = _small_head_before(norm, name_start, t)
                if small is not None and (
                    _speech_near(norm, name_start, name_end, language)
                    or _speech_near(
                        norm, norm.rfind(" ", 0, small[0] - 1) + 1, name_end, language
                    )  # "dijo el técnico X"
                ):
                    # (Only a person who speaks: "le poète Luís de Camões" of a state visit's programme is a topic.)
                    back = {"start": small[0], "complete": False, "trigger": True, "title": small}
            if (
                "rank" in back
                and "title" not in back
                and " " not in name
                and _rank_in_proper_noun(norm, back["rank"][0], t)
            ):
                continue  # "su Asamblea General Ordinaria": "General" qualifies the noun before it, no rank
            appositive = None
            # "…, Chief of Defence of Sweden, and General X": after a list joiner the phrase before the
            # comma is the previous person's, not this one's.
            words_after = pre[cut + 1 :].lower().split() if cut >= 0 else []
            listed = bool(words_after) and words_after[0] in _one_word_joiners(language)
            if back["complete"] and cut >= 0 and pre[cut] in ",:" and not listed:
                appositive = _role_before(text, norm, lo + cut, t, language)
                if appositive is not None and any(j == i and s < appositive["start"] < e for j, s, e, _ in found):
                    appositive = None  # the previous person's apposition ("Ms Tan, Chief Executive of MPA, Mr X")
                elif (
                    appositive is not None
                    and appositive["role"]
                    and " " not in name
                    and any(j == i and people[k].name in appositive["role"] for j, _, _, k in found)
                ):
                    appositive = None  # "Inspector Marc-André Lessard, Sûreté du Québec": a person, not a role
            if national is None and appositive is None and not back.get("trigger") and len(name.split()) >= 2:
                # "…; Chile, Macarena Silva Eyzaguirre; …", "pour le Bénin : X Y": a delegation's entry vouches for it.
                national = _delegation_country(norm, name_start, language)
            if (
                not back.get("trigger")
                and appositive is None
                and national is None
                and not (vouched or _described(text, name_start, name_end, t, language))
                and not _speaks(norm, name_start, name_end, language)
            ):
                continue
            start = back["start"] if back["start"] is not None else name_start
            if _quoted_whole(norm, start, name_end):
                continue  # the frigate “Almirante Padilla”: a ship's or an operation's name in quotation marks
            person = Person(name)
            if national is not None and back["start"] is None:
                # The mention opens with its nationality's phrase ("succeeded the Dutch administrator X"):
                # a cue before it makes the person one only mentioned.
                phrase = nationality_phrase(norm, name_start, t)
                start = phrase[1] if phrase is not None else start
                comma = norm.rfind(",", max(0, start - 3), start)
                if phrase is not None and appositive is None and comma >= 0 and not norm[comma + 1 : start].strip():
                    # "El secretario general de la OEI, el portugués X": the role before the comma is his.
                    appositive = _role_before(text, norm, comma, t, language)
                    if appositive is not None and any(j == i and s < appositive["start"] < e for j, s, e, _ in found):
                        appositive = None  # the previous person's apposition
            if "rank" in back:
                s, e = back["rank"]
                rank = text[s:e]
                person.rank = " ".join(rank.split())
            if "title" in back:
                s, e = back["title"]
                role = text[s:e]
                person.role = role[0].lower() + role[1:] if t.lower_roles else role
            person.organization = back.get("org")
            person.country = back.get("country") or national
            if appositive is not None:
                written_role: str | None = appositive["role"]
                if written_role and bare(written_role.split()[0]) in t.counterparts:
                    written_role = None  # "son homologue luxembourgeois, X": a country, and no role of its own
                if written_role and person.rank and appositive.get("ranked_role"):
                    written_role = appositive["ranked_role"]  # a rank of the name's own: the word is the title's
                person.role = written_role or person.role
                person.rank = person.rank or appositive.get("rank")
                person.organization = person.organization or appositive["org"]
                person.country = person.country or appositive["country"]
                person.aliases += appositive["aliases"]
                start = appositive["start"]
            end = name_end
            appo = apposition(text, name_end, t)
            if appo is None and text.startswith((" (", "("), name_end):
                paren = _PAREN_AFTER.match(text, name_end)
                if paren is not None:
                    appo = apposition(text, paren.end(), t)  # "Édouard Kibanda (Gabon), envoyé spécial …"
            if appo:
                written, end = appo
                role, organization, country, aliases = from_role(_without_relative(written, t), language)
                job = _job_before_speech(norm, name_end, language) if organization is None else None
                if job is not None:
                    # "X, a biologist at the University of Otago who …, said": where the job is held too.
                    organization = from_role(text[job[0] : job[1]], language)[1]
                person.role = person.role or role
                person.organization = person.organization or organization
                person.country = person.country or country
                person.aliases += [a for a in aliases if a not in person.aliases]
            elif person.role and not appositive:
                role, organization, country, aliases = from_role(person.role, language)
                person.role = role or person.role
                person.organization = person.organization or organization
                person.country = person.country or country
            elif (
                person.role is None
                and person.rank is None
                and not appositive
                and (as_role := role_as(text, name_end, language))
            ):
                # "the appointment of Ross Tennant as first-team manager"
                role, organization, country, _ = from_role(as_role, language)
                person.role = role or None
                person.organization = person.organization or organization
                person.country = person.country or country
            elif person.role is None and person.rank is None and not appositive:
                job = _job_before_speech(norm, name_end, language)
                if job is not None:
                    # "X, a biologist with the State Commission who …, said": the job is the role.
                    role, organization, country, _ = from_role(text[job[0] : job[1]], language)
                    person.role = role or None
                    person.organization = person.organization or organization
                    person.country = person.country or country
            if person.organization is None and not appositive:
                person.organization = _organization_after(text, name_end, language)
            if person.country is None:
                person.country = (
                    _country_after(text, name_end, language)
                    # "Marcus Holder, former Chief Elections Officer (Barbados)": the country after the role.
                    or (_country_after(text, end, language) if end > name_end else None)
                    or _delegation_country(norm, start, language)
                    or _counterpart_country(norm, start, language)
                    or _represented_country(norm, start, language)
                    or _national_body_after(text, name_end, t, language)
                )
            found.append((i, start, end, merge(people, person)))


def complete_names(people: list[Person], norms: Sequence[str], t: PeopleTables, language: str) -> None:
    """Give a person found only by a short name ("Nasser-Obi", "Alvarado Rius", "Van den Bossche") the first
    names the text writes before it elsewhere ("the appointment of Farida Nasser-Obi of Nigeria", "… Management
    Inés Alvarado Rius", "…, Pieter Van den Bossche, et …", "en présence d’Emiliano Reyes Tovar"), and a one-word
    surname the second surname written after it there ("contraalmirante LT Sergio Oyarzún Vidal").

    Only when every such occurrence gives the same full name, whose first names (one or two) read as first names
    (:func:`_name_like`: no vocabulary, title, courtesy word or common word; known given names of
    ``data/given_names.toml`` before a short name of two words or more, which may be whole) and start after a word that is no
    name's (a small word, a word of the tables, an acronym, a punctuation mark: not "Crisis Management Bronwyn
    …", a portfolio run on to the name), and no other person has that name already.
    """
    taken = {p.name for p in people}
    stop = stopwords(language)
    given = given_names()[0]
    whole = "\n".join(norms)  # one text to search: a paragraph's end is a line break, no word runs over it

    def plain_first(word: str) -> bool:
        stem = bare(word)
        return (
            word[:1].isupper()
            and word[1:2].islower()
            and t.phrases.get(stem) is None
            and stem not in t.trigger_last
            and stem not in stop
            and not _introduces(word, language)
        )

    for person in people:
        words = person.name.split()
        if not 1 <= len(words) <= _SHORT_NAME_WORDS or not words[0][:1].isupper():
            continue
        fulls = set()
        # Found with str.find and read back by hand: a regex per person and paragraph cost more than the rest.
        for firsts, at, end in _words_before(whole, person.name, plain_first):
            kept: list[str] = []
            for first in reversed(firsts):
                if not plain_first(first):
                    break
                kept.insert(0, first)
            if not kept or len(kept) > _FIRST_NAMES:
                continue  # no first name before it, or more plain capitalised words than a person's first names
            if len(words) > 1 and not all(k.casefold() in given for k in kept):
                continue  # a name of two words or more may be whole already: only a known given name adds to it
            if len(kept) < len(firsts):
                boundary = firsts[-len(kept) - 1]
                if (
                    boundary[:1].isupper()
                    and not _acronym_word(boundary)
                    and not _country_word(boundary, t)
                    # (A courtesy word, a rank or a title of the tables: "The Hon Michael Prendergast MP".)
                    and t.phrases.get(bare(boundary)) is None
                ):
                    continue  # a capitalised word of a portfolio runs on to the first names
            elif _after_capitalised(whole, at):
                continue  # the first names run on from a capitalised word further back
            second = _WORD_AFTER.match(whole, end) if len(words) == 1 else None
            tail = [second.group(1)] if second is not None and plain_first(second.group(1)) else []
            fulls.add(" ".join([*kept, person.name, *tail]))
        if not fulls and len(words) == _GIVEN_AND_SURNAME and words[0].casefold() in given:
            # "explicó Lucía Ferrer" after "la embarcación formada por Lucía Ferrer Albiol, …": a given name and
            # one surname get the second surname the text writes after them elsewhere.
            for _, end in _whole(whole, person.name):
                second = _WORD_AFTER.match(whole, end)
                if second is not None and plain_first(second.group(1)):
                    fulls.add(f"{person.name} {second.group(1)}")
        if len(fulls) != 1:
            continue
        full = fulls.pop()
        if (
            full not in taken
            # (Not the start of another person's longer name: "Rafael Cano" of "Rafael Cano Vílchez".)
            and not any(other is not person and _same_person(full, other.name) for other in people)
            and _name_like(full.split(), t, language)
        ):
            taken.add(full)
            person.name = full


_SHORT_NAME_WORDS = 3  # words of a short name completed from its fuller mention ("Van den Bossche")
_GIVEN_AND_SURNAME = 2  # "Lucía Ferrer", of "Lucía Ferrer Albiol"


def _whole(norm: str, name: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each place ``name`` stands whole in ``norm`` (no word's letter glued to either side)."""
    at = norm.find(name)
    while at >= 0:
        end = at + len(name)
        if (end >= len(norm) or not (norm[end].isalnum() or norm[end] in "’'-")) and (
            at == 0 or not (norm[at - 1].isalnum() or norm[at - 1] in "’'-")
        ):
            yield at, end
        at = norm.find(name, at + 1)


_FIRST_NAMES = 2  # first names read back before a short name ("Gloria Estefanía Paz Villarroel")
# A capitalised word right after a name (one space between): a second surname ("Sergio Oyarzún Vidal").
_WORD_AFTER = re.compile(r"[ \u00a0]([^\W\d_][\w’'\-]*)(?![\w’'\-])")
# An elided preposition or article glued to a first name ("d’Emiliano", "l’Ambassadrice").
_ELIDED = re.compile(r"[^\W\d_A-Z]{1,2}[’'](?=[^\W\d_])")


def _country_word(word: str, t: PeopleTables) -> bool:
    """Whether a capitalised word is a country's name or adjective of the tables ("por Bolivia Gloria …")."""
    return t.phrases.get(bare(word), ("",))[0] == "country"


def _acronym_word(word: str) -> bool:
    """Whether a word is an acronym or an abbreviation in capitals ("LT", "D.E.M."): no name's word."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def listed_under_plural(
    i: int,
    text: str,
    norm: str,
    t: PeopleTables,
    language: str,
    people: list[Person],
    found: list[tuple[int, int, int, int]],
) -> None:
    """The people a plural role introduces as a list of names ("des Juges Nadia Belhadj-Amor, Sékou Traoré-Doumbia
    et Joseph Ekwueme-Obi", "the ministers X and Y", "los magistrados X, Y y Z"): each is a person with the
    role in the singular (``people.plurals``), when that is a role's head, a title or a rank of the pack.
    ``norm`` is ``text`` normalised (same length); the names are taken as ``text`` writes them."""
    if not t.plurals:
        return
    low_norm = norm.lower()
    if not any(p in low_norm for p in t.plural_words):
        return
    name_run, separator = _listed_patterns(language)
    for m in t.plural.finditer(norm):
        singular = t.plurals.get(m.group().lower(), "")
        kind = t.phrases.get(bare(singular), ("",))[0]
        if not singular or (bare(singular) not in t.head_words and kind not in ("title", "rank")):
            continue
        pos = m.end()
        names: list[tuple[int, int]] = []
        while len(names) < _LISTED_NAMES:
            run = name_run.match(norm, pos)
            if run is None:
                break
            end = run.end(1)
            if norm[end - 1] == "." and len(run.group(1).rsplit(None, 1)[-1]) > _INITIAL_LENGTH:
                end -= 1  # the sentence's full stop after the last name, no initial's dot
            words = norm[run.start(1) : end].split()
            if (
                not 2 <= len(words) <= _MAX_LISTED_WORDS
                or not words[0][:1].isupper()
                # (Not "les ambassadeurs de France, de Roumanie …": a country's or another table's word.)
                or any(t.phrases.get(bare(w)) is not None for w in words)
                or not _name_like(words, t, language)
            ):
                break
            names.append((run.start(1), end))
            sep = separator.match(norm, run.end(1))
            if sep is None:
                break
            pos = sep.end()
        if len(names) < 2:
            continue  # one name after a plural is another rule's ("les ministres, dont X")
        for s, e in names:
            person = Person(text[s:e])
            person.role = singular
            found.append((i, m.start(), e, merge(people, person)))


_LISTED_NAMES = 12
_MAX_LISTED_WORDS = 5
_INITIAL_LENGTH = 2  # "C.": a word this short with its dot is an initial


@cache
def _listed_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name of a list (capitalised words up to a comma, a list joiner of the pack or a stop) and the
    separator after it (a comma, a joiner, or both)."""
    joiners = alternation(normalize(w) for w in _one_word_joiners(language))
    word = r"[^\W\d_][\w’'\-.]*"
    name_run = re.compile(
        rf"[ \u00a0]*({word}(?:[ \u00a0]+{word}){{1,5}}?)(?=,|[ \u00a0]+(?:{joiners})[ \u00a0]|[.;:)]|$)"
    )
    separator = re.compile(rf",[ \u00a0]*(?:(?:{joiners})(?=[ \u00a0]))?|[ \u00a0]+(?:{joiners})(?=[ \u00a0])")
    return name_run, separator


def _words_before(
    norm: str, name: str, goes_on: Callable[[str], bool] = lambda word: True
) -> Iterator[tuple[list[str], int, int]]:
    """``(words, offset of the first, end of the name)`` for each place ``name`` stands whole: up to
    :data:`_FIRST_NAMES` words right before it (one space between each), an elided preposition taken off
    the first ("d’Emiliano" → "Emiliano")."""
    for at, end in _whole(norm, name):
        words: list[str] = []
        pos = at
        while len(words) < _FIRST_NAMES + 1:
            before = _WORD_BEFORE.search(norm, max(0, pos - _WORD_REACH), pos)
            if before is None:
                break
            word, pos = before.group(1), before.start(1)
            elided = _ELIDED.match(word)
            if elided is not None:
                words.insert(0, word[elided.end() :])
                pos += elided.end()
                break  # a preposition before it: the first names start here
            words.insert(0, word)
            if not goes_on(word):
                break  # no first name: the words further back change nothing
        if words:
            yield words, pos, end


_WORD_REACH = 40  # characters: a first name is shorter
# The word that ends one space before a position: letters first, not glued to a word or a dot before it.
_WORD_BEFORE = re.compile(r"(?<![\w’'\-.])([^\W\d_][\w’'\-]*)[ \u00a0]$")


def _after_capitalised(norm: str, pos: int) -> bool:
    """Whether the word right before ``pos`` (one space between) is capitalised."""
    j = pos - 1
    if j < 1 or norm[j] not in " \u00a0":
        return False
    k = j
    while k > 0 and (norm[k - 1].isalnum() or norm[k - 1] in "’'-"):
        k -= 1
    return k < j and norm[k].isupper()


def _nationality_before(norm: str, pos: int, t: PeopleTables) -> str | None:
    """The country of the nationality right before a name: a country's possessive ("New Zealand’s",
    "Romania’s") or an article and a nationality adjective ("el peruano", "la Française", "the Peruvian")."""
    found = nationality_phrase(norm, pos, t)
    return found[0] if found is not None else None


def nationality_phrase(norm: str, pos: int, t: PeopleTables) -> tuple[str, int] | None:
    """``(country, start of the phrase)`` of the nationality right before a name (:func:`_nationality_before`);
    the phrase starts at its article ("the Dutch administrator X"), or at the possessive."""
    words = list(WORD.finditer(norm, max(0, pos - 48), pos))
    if not words:
        return None
    last = words[-1].group()
    if last.endswith(POSSESSIVE):
        for n in range(1, min(3, len(words)) + 1):
            hit = t.phrases.get(" ".join(bare(w.group()) for w in words[-n:]))
            if hit is not None and hit[0] == "country":
                return hit[1], words[-n].start()
        return None
    code = adjectives(t.language).get(bare(last))
    if code is None and len(words) >= 3 and low(last) in t.head_words:
        # "the Nigerian poet X": the adjective before a role's head in small letters.
        code, words = adjectives(t.language).get(bare(words[-2].group())), words[:-1]
    if code is None or len(words) < 2:
        return None  # ("the Bangladesh Ship Breakers Association": a country's name, no nationality)
    before = low(words[-2].group())
    if before in t.role_articles or before in t.article_words:
        return code, words[-2].start()
    # "la poeta uruguaya X", "la chanteuse sénégalaise X": an article, a role's head, then the adjective.
    if len(words) >= 3 and before in t.head_words and words[-2].group()[0].islower():
        opener = low(words[-3].group())
        if opener in t.role_articles or opener in t.article_words:
            return code, words[-3].start()
    return None


_DOTTED = re.compile(r"(?:^|(?<=[\s(]))(?:[^\W\d_]\.)+$")


def _phrase_cut(pre: str, t: PeopleTables) -> int:
    """Where the noun phrase before a name starts: the last stop mark, unless it is a dot of an abbreviation.

    ("the U.S. Ambassador X", "Lt. Gen. X"): a dot that ends "U.S." or a dotted rank, title, courtesy word
    or country of the tables ends no phrase.
    """
    cut = last_stop(pre)
    while cut > 0 and pre[cut] == ".":
        word_start = pre.rfind(" ", 0, cut) + 1
        word = pre[word_start : cut + 1]
        if _DOTTED.search(word) is None and low(word) not in t.phrases and low(word) not in t.dotted:
            break
        cut = last_stop(pre[:word_start])
    return _over_portfolio_list(pre, cut, t)


def _over_portfolio_list(pre: str, cut: int, t: PeopleTables) -> int:
    """``cut`` moved back over the commas of a portfolio list that runs on to the name.

    "Minister for Regional Development, Local Government and Territories X": such a comma is inside the
    role (only capitalised words and links after it, a list joiner among them).
    """
    while cut > 0 and pre[cut] == "," and _portfolio_list_tail(pre[cut + 1 :], t) and pre[:cut].rstrip()[-1:].isalpha():
        cut = last_stop(pre[:cut])
    return cut


def _portfolio_list_tail(words: str, t: PeopleTables) -> bool:
    """Whether ``words`` are the last items of a portfolio list: capitalised words and links, a joiner among them."""
    split = words.split()
    if len(split) < 3 or not split[0][:1].isupper() or t.heads.search(words):
        return False  # (a role's head after the comma: "…, Indigenous Economic Development Minister X and …")
    joined = False
    for w in split:
        low_w = bare(w)
        if low_w in t.joiner_words:
            joined = True
        elif not (w[:1].isupper() or low_w in t.link_words):
            return False
    return joined


def _listed_word(norm: str, start: int, end: int, t: PeopleTables) -> bool:
    """Whether a single capitalised word between commas goes on as a list of capitalised words.

    ("…, Skills, Youth and Information"): a list's item, not a surname set off by commas.
    """
    if norm[max(0, start - 2) : start] != ", ":
        return False
    rest = norm[end : end + 40]
    if rest.startswith(", "):
        nxt = rest[2:]
    else:
        joiner = next((j for j in t.joiners if rest.startswith(" " + j + " ")), None)
        if joiner is None:
            return False
        nxt = rest[len(joiner) + 2 :]
    return nxt[:1].isupper() and not nxt.startswith(tuple(t.article_words))


def _joined_institution(norm: str, end: int, t: PeopleTables) -> bool:
    """Whether a list joiner after ``end`` continues a name that ends with an institution word.

    "Coast General Teaching and Referral Hospital": the words after the joiner are capitalised and the
    last of them is a word of institutions (``people.not_names``), so the words before it were the
    institution's too.
    """
    if not norm.startswith(" ", end):
        return False
    rest = norm[end + 1 : end + 80]
    for joiner in t.joiners:
        if rest.startswith(joiner + " "):
            words = []
            for word in rest[len(joiner) + 1 :].split():
                if not word[:1].isupper():
                    break
                words.append(word)
                if not word[-1:].isalnum():
                    break
            return bool(words) and bare(words[-1].rstrip(",.;:")) in t.not_name_words and len(words) > 1
    return False


@cache
def _one_word_joiners(language: str) -> frozenset[str]:
    """The list joiners of one word ("and", "et", "y"), in small letters."""
    return frozenset(low(j) for j in pack(language).people.list_joiners if " " not in j.strip())


@cache
def _speech_context(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for a speech verb right after a name and for one right before it."""
    quotes = pack(language).quotes
    verbs = sorted(quotes.verbs, key=len, reverse=True)
    alternatives = "|".join(re.escape(normalize(v)) for v in verbs)
    # A mention cue vouches for a name too ("succède à Alain Ferrières"): the person is found, then
    # filed as only mentioned (:mod:`.mentioned`).
    cues = pack(language).people.mention_cues
    introducers = "|".join(
        re.escape(normalize(v)) for v in sorted([*verbs, *quotes.according, *cues], key=len, reverse=True)
    )
    auxiliaries = alternation(normalize(w) for w in quotes.auxiliaries)
    # "Jean Dupont said", "Jean Dupont has also stressed", "Jean Dupont a déclaré", "Jean Dupont a également souligné".
    after = re.compile(rf"[ \u00a0]*(?:{auxiliaries}[ \u00a0]+){{0,2}}(?:{alternatives})\b")
    # "said Jean Dupont", "according to Jean Dupont", "a déclaré Jean Dupont", "selon Jean Dupont"; at the
    # head of a sentence only, "Pour Jean Dupont, …".
    opening = alternation(normalize(w) for w in quotes.opening_according)
    before = re.compile(
        rf"(?:^|[^\w’])(?:{introducers})[ \u00a0]+$|(?:^|[.!?»”][ \u00a0]+)(?:{opening})[ \u00a0]+$", re.IGNORECASE
    )
    return after, before


def _plain_name(words: list[str], language: str) -> bool:
    """Words that can be a name with nothing else to vouch for it: no rank, title, place or common word."""
    t = people_tables(language)
    stop = stopwords(language)
    for k, word in enumerate(words):
        stem = bare(word)
        if 0 < k < len(words) - 1 and stem in t.particles:
            continue  # "Erwan Le Goff", "Charles De Smet": a particle inside the name, capitalised
        if stem in t.vocab or stem in t.not_names or stem.lower() in stop:
            return False
        if len(word) > 2 and word[1] == "’" and word[2].islower():
            return False  # an elided article and a common noun ("L’organisme")
        if len(word.rstrip(".")) < 2 and not word.endswith("."):
            return False
    return len(set(words)) == len(words)


def _introduces(word: str, language: str) -> bool:
    """A one-word introducer of speech that can start a sentence ("Selon", "Pour", "Added")."""
    return word.lower() in _introducers(language)


@cache
def _introducers(language: str) -> frozenset[str]:
    quotes = pack(language).quotes
    # (And the verbs of taking part a sentence opens with: "Asistieron Mario Estuardo Gálvez, …".)
    return frozenset(
        normalize(w).lower()
        for w in (
            *quotes.according,
            *quotes.opening_according,
            *quotes.opening_verbs,
            *pack(language).people.participants,
        )
        if " " not in w
    )


def _speech_near(norm: str, start: int, end: int, language: str) -> bool:
    # A cheap test before the precise one: any speech word within reach of the run.
    after, before = _speech_context(language)
    return after.match(norm, end) is not None or before.search(norm, max(0, start - 48), start) is not None


def _speaks(norm: str, start: int, end: int, language: str) -> bool:
    """Whether a speech verb stands right next to the name at ``start:end``.

    A name with no rank or title is still a person when it says something
    ("…,” said Jean Dupont); one word alone is not enough (places, months).
    """
    words = norm[start:end].split()
    if not 2 <= len(words) <= 4 or not _plain_name(words, language):
        return False
    after, before = _speech_context(language)
    if after.match(norm, end) is not None or before.search(norm, max(0, start - 48), start) is not None:
        return True
    if norm.startswith(",", end) and norm[max(0, start - 2) : start].startswith(",") and after.match(norm, end + 1):
        return True  # "Its chairperson, Declan Furlong, said:": the name in apposition between commas, then the verb
    apposed_after, apposed_before = _apposed_speech(language)
    # "X, a biologist with the commission who was not involved in the study, said …", "X, estudiante de
    # maestría y coautor del trabajo, destacó …"; "…,” said the team leader, X.": the verb stands beside
    # the name's apposition.
    return (
        apposed_after.match(norm, end) is not None
        or apposed_before.search(norm, max(0, start - _APPOSITION_REACH - 24), start) is not None
    )


_APPOSITION_REACH = 140  # characters of an apposition between a name and its verb of saying


def _without_relative(role: str, t: PeopleTables) -> str:
    """``role`` without a relative clause at its end ("biologist at X who was not involved" → "biologist at X")."""
    words = role.split(" ")
    for k, w in enumerate(words):
        if k and low(w) in t.relatives:
            return " ".join(words[:k])
    return role


def _job_before_speech(norm: str, end: int, language: str) -> tuple[int, int] | None:
    """The job of a name's apposition that a verb of saying follows: its span without the article and
    without a relative clause ("a biologist with the commission who was not involved" → "biologist with
    the commission"), or ``None`` (an age, or no such apposition)."""
    m = _apposed_speech(language)[0].match(norm, end)
    if m is None:
        return None
    start, stop = m.span("job")
    t = people_tables(language)
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", norm[:stop]) if w.start() >= start]
    if words and low(norm[words[0][0] : words[0][1]]) in t.role_articles:
        words = words[1:]
    for k, (s, e) in enumerate(words):
        if low(norm[s:e]) in t.relatives:
            words = words[:k]  # "… who was not involved in the study"
            break
    if not words or norm[words[0][0]].isdigit():
        return None
    return words[0][0], words[-1][1]


@cache
def _apposed_speech(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A verb of saying after a name's apposition, and one before an article, a few words and a comma."""
    quotes = pack(language).quotes
    verbs = alternation(normalize(v) for v in quotes.verbs)
    auxiliaries = alternation(normalize(w) for w in quotes.auxiliaries)
    articles = alternation(normalize(w) for w in pack(language).people.role_articles)
    people = pack(language).people
    links = alternation(normalize(w) for w in (*people.role_links, *people.location_links))
    plain = r"[^,;:.!?«»“”\"()]"
    # The apposition opens with a small letter or a number (a job, an age) and holds no sentence end;
    # or it is a capitalised title tied to its body by a link word ("Senior Statistician at the CSO").
    after = re.compile(
        rf",[ \u00a0]+(?P<job>(?![{upper_class()}])(?=[^\W_]){plain}{{2,{_APPOSITION_REACH}}}"
        rf"|[{upper_class()}]{plain}{{1,60}}?[ \u00a0](?:{links})[ \u00a0]{plain}{{2,80}}),"
        rf"[ \u00a0]*(?:{auxiliaries}[ \u00a0]+){{0,2}}{verbs}\b"
    )
    before = re.compile(
        rf"(?:^|[^\w’]){verbs}[ \u00a0]+(?i:{articles})[ \u00a0]+[^,;:.!?«»“”\"()]{{2,60}},[ \u00a0]*$", re.IGNORECASE
    )
    return after, before


_PAREN_AFTER = re.compile(r"[ \u00a0]*\(([^()]{2,48})\)")


@cache
def _age_after(language: str) -> re.Pattern[str]:
    """An age in apposition right after a name (pack key ``people.age_forms``): ", 24,", ", de 14 años,"."""
    forms = [
        re.escape(normalize(f)).replace(r"\{n\}", r"\d{1,3}").replace(r"\ ", r"[ \u00a0]")
        for f in pack(language).people.age_forms
    ]
    return re.compile(rf",[ \u00a0]*(?:{'|'.join(forms)}),[ \u00a0]")


def _described(text: str, start: int, end: int, t: PeopleTables, language: str) -> bool:
    """Whether a plain full name is followed by a role in apposition ("Hélène Marchal, vice-présidente …,").

    A name needs no title before it when a role head opens the words after its comma; the words
    must still read as a name (two to four capitalised words, none of them vocabulary).
    """
    words = text[start:end].split()
    # (Particles are not counted: "Saeed bin Khalfan Al Mazrouei" is four words of a name.)
    counted = [w for w in words if bare(w) not in t.particles]
    if not 2 <= len(counted) <= 4 or len(words) > 6 or not _name_like(words, t, language):
        return False
    if _PAREN_AFTER.match(text, end) is not None and _country_after(text, end, language) is not None:
        return True  # "Nora Keller (Switzerland) said": the delegate of a country
    if _age_after(language).match(text, end) is not None:
        # "Ama Serwaa Boateng, 24, from Ghana", "Tom Kowalczyk, 58, of West Bend": a person's age; but not in a
        # case's sentence ("Kale Hensley, 27, of Salem was arrested"): a suspect or a victim takes no part.
        return not _in_case(text, start, language)
    return apposition(text, end, t) is not None or role_as(text, end, language) is not None


def role_as(text: str, end: int, language: str) -> str | None:
    """The office a name is given right after it: "X as first-team manager", "X como directora técnica"."""
    m = _role_as(language).match(text, end)
    if m is None:
        return None
    phrase = m.group("role")
    return phrase if people_tables(language).heads.search(phrase) else None


@cache
def _role_as(language: str) -> re.Pattern[str]:
    t = people_tables(language)
    links = alternation(normalize(w) for w in pack(language).people.role_as)
    articles = alternation(sorted(t.role_articles, key=len, reverse=True))
    return re.compile(
        rf"[ \u00a0]+(?:{links})[ \u00a0]+(?:(?:{articles})[ \u00a0]+)?(?P<role>[^\W\d_][^,;:.!?«»“”\"()]{{1,60}}?)"
        rf"(?=[,;:.!?)]|[ \u00a0]+(?:on|from|for|with|until|de|du|des|del|para|pour|a partir|à partir)[ \u00a0]|$)"
    )


_NUMBER_SIGNS = frozenset({"No", "Nº", "N°", "Núm", "Nr", "Num", "Nro"})  # a number's sign ends no person's name


_OPENING_MARKS = '“"«‘„'
_CLOSING_MARKS = '”"»’“'


def _quoted_whole(norm: str, start: int, end: int) -> bool:
    """Whether the phrase ``norm[start:end]`` is all a quotation holds ("ARC “Almirante Padilla”")."""
    before = norm[start - 1 : start] if start else ""
    if before in (" ", "\u00a0") and start >= 2:
        before = norm[start - 2 : start - 1]  # « Almirante Padilla »
    after = norm[end : end + 1]
    if after in (" ", "\u00a0"):
        after = norm[end + 1 : end + 2]
    return bool(before) and before in _OPENING_MARKS and bool(after) and after in _CLOSING_MARKS


def _word_before(norm: str, start: int) -> tuple[int, str] | None:
    """The start and text of the word right before offset ``start``, with one space between; else ``None``."""
    if start < 2 or norm[start - 1] != " ":
        return None
    begin = norm.rfind(" ", 0, start - 1) + 1
    word = norm[begin : start - 1]
    return (begin, word) if word else None


def _rank_in_proper_noun(norm: str, rank_start: int, t: PeopleTables) -> bool:
    """Whether the rank at ``rank_start`` is an adjective of the capitalised noun before it ("Asamblea General
    Ordinaria", "Secretaría General Iberoamericana"): that noun is no rank, title or known word, and does not
    open a sentence (a rank after another rank, "Brigadier General", or a service, "Army General", stays one)."""
    before = _word_before(norm, rank_start)
    if before is None:
        return False
    begin, word = before
    if not word[:1].isupper() or not word.isalpha() or bare(word) in _office_words(t.language):
        return False
    opening = norm[:begin].rstrip()
    return bool(opening) and opening[-1] not in '.!?:;"“«»”'


@cache
def _office_words(language: str) -> frozenset[str]:
    """Every word of the pack's ranks, titles and courtesy words, and of its services and countries (small letters)."""
    t = people_tables(language)
    return frozenset(
        bare(word)
        for phrase, (kind, _) in t.phrases.items()
        if kind in ("rank", "title", "honorific", "country")
        for word in phrase.split()
    ) | {bare(phrase) for phrase, (kind, _) in t.phrases.items() if kind == "org" and " " not in phrase}


def _title_goes_on(norm: str, end: int, t: PeopleTables) -> bool:
    """Whether a role's one-word head ("Officer", "Director") follows the name ending at ``end`` in its run."""
    if not norm.startswith(" ", end):
        return False
    word = norm[end + 1 : end + 40].split(" ", 1)[0]
    return word[:1].isupper() and bare(word) in t.head_words


def _after_trigger(norm: str, start: int, t: PeopleTables) -> bool:
    """Whether a rank, title or courtesy word ends right before ``start`` ("M. Ousmane Gaye")."""
    before = _word_before(norm, start)
    return before is not None and bare(before[1]) in t.trigger_last


def _institution_tail(norm: str, name: str, name_start: int, t: PeopleTables) -> bool:
    """Whether ``name`` is the end of an institution's name rather than a person's: it ends with a country's
    adjective or name and goes on a capitalised word that is no rank, title or courtesy word ("… del Comité
    Olímpico Boliviano", "… de l’Institut Agronomique Sénégalais")."""
    words = name.split()
    last = words[-1]
    hit = t.phrases.get(low(last))
    if hit is None or hit[0] != "country":
        return False
    if len(words) >= 3 and any(w in t.particles for w in words[1:-1]):
        return True  # "Communications de Postes Canada": a body's name, the link inside it
    before = _word_before(norm, name_start)
    if before is None:
        return False
    word = before[1][max(before[1].rfind("’"), before[1].rfind("'")) + 1 :]  # "l’Institut": past the article
    return word[:1].isupper() and bare(word) not in t.trigger_last


def _name_like(words: list[str], t: PeopleTables, language: str) -> bool:
    """Words that read as a person's full name: capitalised, none a common, institution or portfolio word.

    Softer than :func:`_plain_name`: a word of a place or a country ("Martin" of Saint Martin, "Lucía"
    of Santa Lucía) may be a first name; the whole name may not be a country or an organisation.
    """
    stop = stopwords(language)
    for n, word in enumerate(words):
        stem = bare(word)
        if not word[:1].isupper() and stem not in t.particles:
            return False
        # A title's word may end a name of three words or more ("Pedro Valdés Rey", "Anne-Marie Le Roi").
        titled = stem in t.trigger_last and not (
            n == len(words) - 1 >= 2 and not any(bare(w) in t.head_words for w in words[:-1])
        )
        # (A family name after its particle may be a word of the tables: "Ruiz de la Cruz", "Pérez de la Paz".)
        surname = n >= 3 and bare(words[n - 1]) in t.particles and n == len(words) - 1
        if (stem in t.not_name_words and not surname) or titled or (stem in stop and stem not in t.particles):
            return False
    return t.phrases.get(low(" ".join(words))) is None and len(set(words)) == len(words)


def _country_after(text: str, end: int, language: str) -> str | None:
    """The country written right after a name: "X of Greece", "X de la Grèce", "X (Belgique)", "X (S&D, ES)".

    In brackets, a country's name, or an ISO code after a comma (the political group of a member of the
    European Parliament, then the code of the member's country).
    """
    paren = _PAREN_AFTER.match(text, end)
    if paren is not None:
        inside = paren.group(1).strip()
        code = country_code(inside, language) or country_code(inside.split("-", 1)[0], language)
        if code is not None:
            return code  # "(Gabon)"; "(Canada-Québec)": a country and one of its parts
        last = inside.rsplit(",", 1)[-1].strip()
        last = _EU_CODES.get(last, last)  # the EU's own codes for two states: "(PPE, EL)" is Greece
        if "," in inside and len(last) == 2 and last.isupper() and last in countries():
            return last
        return None
    link = people_tables(language).of_country.match(text, end)
    if link is None:
        return None
    # Only a country right after the link counts.
    return country_at_start(text[link.end() : link.end() + 48], language)


@cache
def _name_suffixes(language: str) -> frozenset[str]:
    """The pack's generational suffixes written with a dot ("Jr", "Sr")."""
    return frozenset(pack(language).people.name_suffixes)


_EU_CODES = {"EL": "GR", "UK": "GB"}  # the EU institutions' country codes that are not ISO 3166's
_BODY_REACH = 120  # characters after a name: "X, Deputy Commissioner, Operations, of the Canadian Coast Guard"


def _national_body_after(text: str, end: int, t: PeopleTables, language: str) -> str | None:
    """The country of a national body written in the phrase right after a name: "Commander X, Belgian Navy,",
    "Rear Admiral X of the Royal Norwegian Navy", "X, Deputy Commissioner, Operations, of the Canadian Coast
    Guard", "X, de la Policía Nacional de Colombia".

    The body is a capitalised run after a comma, a bracket or a country link (``people.country_links``) that
    holds an institution's word (``people.not_names``: "Navy", "Coast Guard", "Police") and a nationality
    adjective (in the run, or the word right after it: "Guardia Civil española"), and is no international organisation
    ("European Defence Agency").  The pieces follow the name one after the other, up to a clause's verb or a
    sentence's end: a body further on is another person's or the topic.
    """
    window = text[end : end + _BODY_REACH]
    if t.body_after.match(window) is None:
        return None  # the common case: no comma, bracket or link right after the name
    stop = len(window)
    for mark in (". ", ";", "\n", "“", "«", '"'):
        at = window.find(mark, 0, stop)
        if at >= 0:
            stop = at
    clause = t.clause.search(window, 0, stop)
    if clause is not None:
        stop = clause.start()
    window = window[:stop]
    table = adjectives(language)
    pos = 0
    while (m := t.body_after.match(window, pos)) is not None:
        # Only pieces that follow the name one after the other, not a body further in the sentence.
        pos = m.end()
        words = m.group("org").split()
        if not any(bare(w) in t.not_name_words for w in words):
            continue
        if organization_name(m.group("org"), language) is not None:
            continue
        lowered = [w.lower().strip(".,") for w in words]
        if m.group("adj"):
            lowered.append(m.group("adj").lower())
        for n in (2, 1):
            for k in range(len(lowered) - n + 1):
                code = table.get(" ".join(lowered[k : k + n]))
                if code:
                    return code
    return None


_DELEGATION_REACH = 100  # characters before a person's phrase: "pour la République de Guinée-Bissau : "
_COUNTERPARTS_REACH = 160  # characters: "leurs homologues de Mauritanie, M. Sidi Ould Cheikhna, et du Sénégal, "


def _delegation_country(norm: str, start: int, language: str) -> str | None:
    """The country of a delegation's entry that the person's phrase at ``start`` opens.

    "pour la République du Bénin : Monsieur X, ministre …", "; por Guatemala, el ministro X", "for
    Ghana: Ms X": a delegation link (``people.delegation_links``) at the start of the clause, then a
    country and a colon or a comma, then the person; or, in a list of them, a country alone after the
    semicolon ("; Chile, Macarena Silva Eyzaguirre; y Venezuela, …").
    """
    lo = max(0, start - _DELEGATION_REACH)
    head = norm[lo:start]
    # (An item's bullet ends the entry before it: "… viceministra de Relaciones Exteriores • El Salvador: X".)
    cut = max(head.rfind(";"), head.rfind("\n"), head.rfind(". "), head.rfind("•"), head.rfind(": ", 0, len(head) - 2))
    if (cut >= 0 and head[cut] in "•:") or (cut < 0 and lo == 0):
        # "Participaron en la reunión: Costa Rica: Laura Vindas Quesada, …", "• Panamá: Rafael Sucre, …", a
        # paragraph "Bolivia: canciller X": an entry that opens with its country and a colon.
        found = country_matcher(language)[0].match(
            head, cut + 1 + (len(head[cut + 1 :]) - len(head[cut + 1 :].lstrip()))
        )
        rest = head[found.end() :].strip(" \u00a0\u202f") if found is not None else ""
        label, colon, after = rest.partition(":")
        if (
            found is not None
            and colon
            # "Costa Rica: X", "Irlanda, en representación de la Presidencia del Consejo: X", "Bolivia: canciller X".
            and (not label or (label.startswith(",") and len(label.split()) <= _ENTRY_LABEL_WORDS))
            and len(after.split()) <= _ENTRY_LABEL_WORDS
            and not any(mark in after for mark in ",.;•")
        ):
            return country_matcher(language)[1][found.group()]
    if cut < 0 and lo > 0:
        return None
    country_re, lookup = country_matcher(language)
    # The last link of the clause: "En la reunión participaron, por Belice, ".
    links = list(_delegation_link(language).finditer(head, cut + 1))
    starts: tuple[int, ...] = ()
    if links:
        # After the link's articles, or before them when the article is the country's own ("por El Salvador").
        at, starts = links[-1].end(), (links[-1].end("link"),)
    elif cut >= 0 and head[cut] == ";":
        # An item of a list of delegations without a link: "…; Chile, Macarena Silva; y Venezuela, X".
        item = people_tables(language).gap.match(head, cut + 1)
        at = item.end() if item is not None else cut + 1
    else:
        # The list's first item: "los presidentes de los comités de Bolivia, Andrés Gutiérrez; Chile, …": a
        # country right before the person's comma, and after the person's entry, the next country's.
        comma = head.rstrip(" \u00a0\u202f")
        if not comma.endswith(","):
            return None
        found = next((m for m in country_re.finditer(head, cut + 1) if m.end() == len(comma) - 1), None)
        if found is None or not _next_entry_is_a_country(norm, start, language):
            return None
        return lookup[found.group()]
    for begin in (at, *starts):
        found = country_re.match(head, begin)
        if found is not None and head[found.end() :].strip(" \u00a0\u202f") in (":", ","):
            return lookup[found.group()]
    return None


_ENTRY_LABEL_WORDS = 8  # words between an entry's country and its colon, or between the colon and the name


def _next_entry_is_a_country(norm: str, start: int, language: str) -> bool:
    """Whether the entry opened at ``start`` ends with a semicolon after which a country and a comma come."""
    semicolon = norm.find(";", start, start + _DELEGATION_REACH)
    if semicolon < 0 or "\n" in norm[start:semicolon] or ". " in norm[start:semicolon]:
        return False
    item = people_tables(language).gap.match(norm, semicolon + 1)
    at = item.end() if item is not None else semicolon + 1
    country_re, _ = country_matcher(language)
    found = country_re.match(norm, at)
    return found is not None and norm[found.end() :].lstrip(" \u00a0\u202f").startswith(",")


def _counterpart_country(norm: str, start: int, language: str) -> str | None:
    """The country written right before a person's phrase in a list of counterparts: "avec leurs homologues
    de Mauritanie, M. X, et du Sénégal, Mme Y", "her counterparts from Ghana, X, and Togo, Y".

    The clause before holds a counterpart word (``people.counterparts``); the country ends right before the
    comma that opens the person's phrase.
    """
    lo = max(0, start - _COUNTERPARTS_REACH)
    head = norm[lo:start]
    stripped = head.rstrip(" \u00a0\u202f")
    if not stripped.endswith(","):
        return None  # (the common case, tested first)
    # (Not cut at ". ": the list's courtesy words have dots, "M. X, et du Sénégal, Mme Y".)
    clause = head[head.rfind(";") + 1 :].lower()
    if not any(c in clause for c in people_tables(language).counterparts):
        return None
    before = stripped[:-1].rstrip()
    return _country_ending_at(before, len(before), language)


def respective_counterparts(
    norms: Sequence[str], found: Sequence[tuple[int, int, int, int]], people: list[Person], language: str
) -> None:
    """ "ses homologues allemand et polonais, M. X, …, et M. Y, …": the nationalities after a counterpart word
    go, in order, to the people named next in the sentence (one each; a country the list's other adjective
    gave by mistake is corrected)."""
    pattern = _counterparts_list(language)
    if pattern is None:
        return
    codes = adjectives(language)
    for i, text in enumerate(norms):
        m = pattern.search(text)
        if m is None:
            continue
        listed = [codes[w.lower()] for w in re.findall(r"[^\W\d_][\w-]*", m.group("adjectives")) if w.lower() in codes]
        named: list[int] = []  # the people named after it in the paragraph, in order
        for j, _, e, k in sorted(found, key=lambda f: (f[0], f[2])):
            if j == i and e > m.end() and k not in named:
                named.append(k)  # (by where the phrase ends: a role before the comma may open it earlier)
        if len(listed) < 2 or len(named) < len(listed):
            continue
        for k, code in zip(named, listed, strict=False):
            if people[k].country is None or people[k].country in listed:
                people[k].country = code


@cache
def _counterparts_list(language: str) -> re.Pattern[str] | None:
    """A counterpart word of the pack, then two nationality adjectives or more joined by the list joiners, then a
    comma ("homologues allemand et polonais,", "counterparts, German and Polish,")."""
    people = pack(language).people
    if not people.counterparts:
        return None
    words = alternation(normalize(w) for w in people.counterparts)
    joiners = alternation(normalize(w) for w in people.list_joiners)
    adjective = r"[^\W\d_][\w-]*"
    return re.compile(
        rf"(?i:{words})[ \u00a0]+(?P<adjectives>{adjective}(?:(?:,[ \u00a0]*|[ \u00a0]+(?:{joiners})[ \u00a0]+){adjective})+),"
    )


_REPRESENTED_GAP = 80  # characters between "represented by" and the name: "its First Deputy Minister of …"


def _represented_country(norm: str, start: int, language: str) -> str | None:
    """The country a person stands for: "Uzbekistan was represented by its Foreign Minister, X", and in the
    same clause "… and Kyrgyzstan by First Deputy Minister Y" (the pack's ``people.represented_by``)."""
    pattern, last_words, needles = _represented(language)
    if pattern is None or not _represents(norm, needles):
        return None  # no "represent…" word in the paragraph: the common case, without the pattern
    lo = max(0, start - _COUNTERPARTS_REACH - _REPRESENTED_GAP)
    clause = norm[lo:start]
    clause = clause[clause.rfind(";") + 1 :]
    links = list(pattern.finditer(clause))
    if not links:
        return None
    # The link nearest the person: the last "represented by", or a bare "by" after it (an elided verb).
    first = links[0]
    nearest: tuple[int, int] = (first.start(), first.end())
    for m in re.finditer(r"\w+", clause[first.end() :]):
        if m.group().lower() in last_words:
            nearest = (first.end() + m.start(), first.end() + m.end())
    for m in links:
        if m.start() >= nearest[0]:
            nearest = (m.start(), m.end())
    if len(clause) - nearest[1] > _REPRESENTED_GAP:
        return None
    return _country_ending_at(clause, nearest[0], language)


def _country_ending_at(text: str, end: int, language: str) -> str | None:
    """The code of the country named last in ``text`` before ``end``, when only spaces follow it there
    ("… homologues de Mauritanie", "… Uzbekistan was represented by"): the country of what comes next."""
    country_re, lookup = country_matcher(language)
    found = None
    for m in country_re.finditer(text, max(0, end - _COUNTRY_REACH), end):
        found = m
    if found is None or text[found.end() : end].strip(" \u00a0\u202f"):
        return None
    return lookup[found.group()]


_COUNTRY_REACH = 80  # characters: the longest country form ("República Democrática de Santo Tomé …") and spaces


@lru_cache(maxsize=64)
def _represents(norm: str, needles: tuple[str, ...]) -> bool:
    """Whether paragraph ``norm`` holds one of ``needles`` (asked for each person of it: computed once)."""
    low = norm.lower()
    return any(n in low for n in needles)


def represented_by_words(language: str) -> frozenset[str]:
    """The last words of the pack's ``people.represented_by`` phrases ("by", "par", "por"), in small letters."""
    return _represented(language)[1]


@cache
def _represented(language: str) -> tuple[re.Pattern[str] | None, frozenset[str], tuple[str, ...]]:
    """The pack's ``people.represented_by`` phrases as one pattern, their last words ("by", "par"), and the
    longest word of each, in small letters (a substring test before the pattern)."""
    phrases = [normalize(w) for w in pack(language).people.represented_by]
    if not phrases:
        return None, frozenset(), ()
    last = frozenset(p.split()[-1].lower() for p in phrases)
    needles = tuple(sorted({max(p.lower().split(), key=len) for p in phrases}))
    return re.compile(rf"(?<!\w)(?i:{alternation(phrases)})(?!\w)"), last, needles


@cache
def _delegation_link(language: str) -> re.Pattern[str]:
    t = people_tables(language)
    links = alternation([normalize(w) for w in pack(language).people.delegation_links])
    articles = alternation(sorted(t.article_words, key=len, reverse=True))
    return re.compile(
        rf"(?:^|(?<=[\s,]))(?i:{links})[ \u00a0]+(?P<link>)(?:(?i:{articles})[ \u00a0]+|(?i:{articles})(?<=’))*"
    )


def _organization_after(text: str, end: int, language: str) -> str | None:
    """The organisation written right after a name: "X of the Public Prosecutor’s Office Vienna", "X of NATO".

    A listed organisation, an acronym, or capitalised words holding an institution's word
    (``people.not_names``: "Office", "University", "Ministerio") — not a place ("X of Paris").
    """
    t = people_tables(language)
    m = t.org_tail_after.match(text, end)
    if m is None:
        return None
    org = m.group("org").rstrip(".,")
    known = organization_name(org, language)
    if known is not None:
        return known
    if country_at_start(org, language) is not None:
        return None
    words = org.split()
    if len(words) == 1:
        return org if acronym(org, t) is not None else None
    if any(w[:1].isupper() and bare(w).rstrip(".") in t.not_name_words for w in words):
        return org
    return None


def same_person(a: str, b: str) -> bool:
    """Whether two written names can be one person (:func:`_same_person`, or one name exactly)."""
    return a == b or _same_person(a, b)


def _same_person(a: str, b: str) -> bool:
    """Whether two written names can be one person: same surname, and no two different first names.

    "Dupont" and "Jean Dupont", "Pérez García" and "Juan Pérez García", "J. Dupont" and "Jean Dupont",
    "Tod Wolters" and "Tod D. Wolters", "Pieter van Aalst" and "Van Aalst", "Julián Bielsa" and "Julián Bielsa
    Ferrer" can; "Jean Dupont" and "Marie Dupont" cannot.
    """
    # Particles change case at the head of a mention ("van Aalst", "el almirante Van Aalst").
    wa, wb = a.casefold().split(), b.casefold().split()
    short, long_ = sorted((wa, wb), key=len)
    if long_[len(long_) - len(short) :] == short:
        return True  # the later mention drops the first names ("Molina Vidal", "von der Leyen")
    if len(short) < len(long_) and any(long_[i : i + len(short)] == short for i in range(1, len(long_) - len(short))):
        return True  # the first of two surnames ("Olmedo" of "Rafael Olmedo Quiroga", "Borrell Fontelles")
    if len(short) == 2 and len(long_) == 3 and long_[:2] == short and len(short[1].rstrip(".")) > 1:
        return True  # the first name and the first surname ("Julián Bielsa" of "Julián Bielsa Ferrer")
    if len(short) == 1 and long_[0] == short[0]:
        # The family name first ("Minister Tran" of "Tran Quoc Hung", "Park" of "Park Ji-hoon"), or a
        # given name that is the usual re-mention ("Dato’ Seri Azlan" of "Azlan Harun"): a one-word
        # name is only ever found after a courtesy word, a rank or a title, never a first name alone.
        return True
    if wa[-1] != wb[-1]:
        return False
    fa, fb = wa[0].rstrip("."), wb[0].rstrip(".")
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def merge(people: list[Person], new: Person) -> int:
    """Add ``new`` to ``people`` or merge it with the same person; return its index.

    A surname alone that several people share goes to the one of the same rank, else to the one
    introduced last.
    """
    for k, old in enumerate(people):
        if old.name == new.name:
            old.absorb(new)
            return k
    # Only names ending with the same word can be the same person: a slice compare first.
    tail = new.name.casefold().rsplit(None, 1)[-1]
    n = len(tail)
    same = [
        k
        for k, old in enumerate(people)
        if (
            old.name[-n:].casefold() == tail
            or tail in old.name.casefold()
            or old.name.casefold() in new.name.casefold()
        )
        and _same_person(old.name, new.name)
    ]
    if len(same) > 1:
        ranked = [k for k in same if new.rank is not None and people[k].rank == new.rank]
        same = ranked or same[-1:]
    if same:
        people[same[-1]].absorb(new)
        return same[-1]
    people.append(new)
    return len(people) - 1
