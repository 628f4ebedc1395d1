"""People taking part: named people with rank and role, people known by role only, collective lists.

Three general rules, all driven by the ``[people]`` table of the language data
and by the country and organisation tables:

* a **named person** is a run of capitalised name words introduced by a
  courtesy word, a rank or a title ("le général de corps aérien Shepro",
  "NATO Deputy Secretary General Mircea Geoană", "M. Stoltenberg").  Courtesy
  words ("M.", "Mr", "Dr") are neither part of the name nor a rank.  The noun
  phrase the name belongs to gives the person's rank, role, organisation and
  country, and nothing outside it does:

  - the words right before the name, read backwards: courtesy word, rank,
    title, then modifiers (a nationality adjective, a country, an
    organisation: "Italian Defence Minister Guido Crosetto" → IT);
  - a role phrase in apposition before it ("Le secrétaire général de
    l’OTAN, Jens Stoltenberg", "the Estonian Chief of Defence, Lieutenant
    General Martin Herem");
  - a role phrase in apposition after it ("Shepro, président délégué du
    Comité militaire (DCMC) de l’OTAN"); from a role phrase come the
    organisation (split off the role when it is a known one), the country
    (a nationality adjective is dropped from the role) and an acronym alias;

* a **collective** is a plural role head followed by a list of countries ("les
  chefs d’état-major de la République d’Albanie, de la Roumanie et ...",
  "the Chiefs of Defence of Albania, Bulgaria and ..."): one attendee per
  country, named by role;
* in a sentence announcing participants, a **role-only** person is an article
  and a role head ("le président du Comité militaire de l’Union européenne").

Speed matters (the parser is run on batches): names are found with one cheap
regex for capitalised runs, and the rank/title words are looked up in sets,
backwards from the name, only where a name was found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import attrs
from attrs import define, frozen

from ..model import Attendee
from ._data import _trie_regex, lang, matches_at, normalize, organizations, phrase_pattern, upper_class
from .countries import _matcher as country_matcher
from .countries import adjectives, find_countries
from .organizations import find_organization, organization_name

__all__ = ["Mention", "find_attendees", "role_parts"]

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&\-]{1,9})\s*\)")
_PAREN = re.compile(r"\s*\([^()]*\)")
# The preposition that attaches an organisation to a role ("de l’OTAN", "of the EU").
_OF = r"[ \u00a0](?:de[ \u00a0]l’|de[ \u00a0]la[ \u00a0]|du[ \u00a0]|des[ \u00a0]|of[ \u00a0](?:the[ \u00a0])?)"
# Starts with the (rare) punctuation mark rather than a look-behind, so that
# the scan runs in C from one mark to the next.
_SENTENCE = re.compile(r"[.!?](\s+)(?=[«“\"A-ZÀ-ÖØ-Þ])")
# What ends the noun phrase of a name when reading backwards from it.
_STOPS = '.;:!?«»“”"()–—,'
_COMMA = re.compile(r",[ \u00a0]*")
# An apposition runs to the next comma, colon, quotation mark or full stop,
# except inside parentheses ("(DCMC)") and after an initial ("Tod D. Wolters").
_APPOSITION = re.compile(r"(?:[^,;:«»“”\"().]|\([^()]*\)|(?<=[A-Z])\.|[()])*")
# Words of a pre-context: an elided article ("l’", "d’") is a word of its own.
_WORD = re.compile(r"[^\W\d_]’(?=\w)|[\w’'.\-]+")
_POSSESSIVE = ("’s", "'s")
_MAX_WORDS = 6


@define
class Mention:
    """Where a named person is introduced: paragraph, span of the whole phrase, and the person."""

    paragraph: int
    start: int
    end: int
    attendee: Attendee


@frozen
class _Tables:
    run: re.Pattern[str]
    phrases: dict[str, tuple[str, str]]  # lower-case phrase → (kind, value)
    lengths: dict[str, tuple[int, ...]]  # first word of a phrase → its possible word counts, longest first
    tails: frozenset[str]  # every ending of a phrase that starts a word (after a space or an apostrophe)
    vocab: frozenset[str]  # every word of a rank, title, courtesy word, organisation, country
    trigger_last: frozenset[str]  # last words of ranks, titles and courtesy words
    dotted: frozenset[str]  # abbreviations that keep their dot inside a name run
    not_names: frozenset[str]
    particles: frozenset[str]
    role_articles: frozenset[str]
    heads: re.Pattern[str]  # role heads and titles, for role phrases
    clause: re.Pattern[str]
    role_item: re.Pattern[str]
    plural: re.Pattern[str]
    plural_words: tuple[str, ...]
    plurals: dict[str, str]
    participants: tuple[str, ...]
    gap: re.Pattern[str]
    article_words: frozenset[str]
    joiners: tuple[str, ...]


def _low(word: str) -> str:
    return normalize(word).lower()


@cache
def _tables(language: str) -> _Tables:
    people = lang(language)["people"]
    upper = upper_class()
    glued = [p for p in people["particles"] if p.endswith("-")]
    spaced = [p for p in people["particles"] if not p.endswith("-")]
    glue = "(?:" + "|".join(map(re.escape, glued)) + ")?" if glued else ""
    lower = upper_class(lower=True)
    # A run of capitalised words.  The first one is a word with a small
    # letter ("Shepro", "O’Brien") or an initial ("J."): acronyms ("OTAN",
    # "DCMC") never start a name, and each match costs Python time.  The
    # look-behind comes after the first letter, so that the scan skips from
    # capital to capital in C; it refuses "l’OTAN" and the tail of "Jean-Pierre".
    token = rf"[{upper}](?<![\w’'\-].)(?:[{lower}’][\w’'\-]*\.?|\.)"
    inner = rf"{glue}[{upper}][\w’'\-]*\.?"
    particles = "|".join(map(re.escape, spaced))
    # Matched on normalised text, where no-break spaces are plain spaces.
    run = re.compile(rf"{token}(?: +(?:(?:{particles}) +)*{inner})*")

    phrases: dict[str, tuple[str, str]] = {}

    def put(kind: str, forms: Any, value: str | None = None) -> None:
        for form in forms:
            key = _low(form)
            if key:
                phrases.setdefault(key, (kind, value if value is not None else form))

    put("honorific", people["honorifics"])
    put("rank", people["ranks"])
    put("title", people["titles"])
    primary = language.split("-", 1)[0].lower()
    for org in organizations():
        display = org["display"].get(primary) or org["display"]["en"]
        put("org", org.get(primary) or org.get("en", []), display)
    for form, code in country_matcher(language)[1].items():
        put("country", [form], code)
    put("article", people["articles"])
    vocab = {w for key in phrases for w in key.split()}
    vocab |= {_low(w) for w in people.get("not_names", [])}
    trigger_last = {key.split()[-1] for key, (kind, _) in phrases.items() if kind in ("honorific", "rank", "title")}
    plurals: dict[str, str] = people["plurals"]
    articles = "|".join(sorted(map(re.escape, people["articles"]), key=len, reverse=True))
    heads = phrase_pattern(people["role_heads"])
    # Articles as a trie that starts with literals: the scan skips in C to
    # the next "l", "d", "t"... instead of trying a look-behind everywhere.
    article_trie = _trie_regex(map(normalize, people["articles"]), after_first=r"(?<![\w’].)")
    # Indexes of ``phrases`` so that the lookups that read a name's
    # neighbourhood only build the keys that can exist.
    by_first: dict[str, set[int]] = {}
    tails: set[str] = set()
    for key in phrases:
        parts = key.split(" ")
        if len(parts) <= _MAX_WORDS:
            by_first.setdefault(parts[0], set()).add(len(parts))
        tails.update(key[p:] for p in range(len(key) + 1) if p == 0 or key[p - 1] in " ’")
    return _Tables(
        run=run,
        phrases=phrases,
        lengths={first: tuple(sorted(ns, reverse=True)) for first, ns in by_first.items()},
        tails=frozenset(tails),
        vocab=frozenset(vocab),
        trigger_last=frozenset(trigger_last),
        dotted=frozenset(w for w in vocab if w.endswith(".")),
        not_names=frozenset(people.get("not_names", [])),
        particles=frozenset(people["particles"]),
        role_articles=frozenset(_low(a) for a in people["role_articles"]),
        heads=re.compile(phrase_pattern([*people["role_heads"], *people["titles"]])),
        clause=re.compile(r"[ \u00a0](?:" + "|".join(map(re.escape, people["clause_verbs"])) + r")[ \u00a0]"),
        role_item=re.compile(rf"(?:{article_trie})[ \u00a0]?(?P<role>{heads})"),
        plural=re.compile(phrase_pattern(plurals)),
        plural_words=tuple(sorted({p.lower() for p in plurals})),
        plurals=plurals,
        participants=tuple(_low(c) for c in people["participants"]),
        gap=re.compile(
            r"[\s,]*(?:(?:" + "|".join(map(re.escape, people["list_joiners"])) + r")\s+)?(?:(?:" + articles + r")\s*)*",
            re.IGNORECASE,
        ),
        article_words=frozenset(_low(a) for a in people["articles"]),
        joiners=tuple(sorted((_low(j) for j in people["list_joiners"]), key=len, reverse=True)),
    )


def _bare(word: str) -> str:
    """Lower-case ``word`` (already normalised) without a possessive ("NATO’s") or an elided article ("L’amiral")."""
    low = word.lower()
    for suffix in _POSSESSIVE:
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    if len(low) > 2 and low[1] == "’":
        low = low[2:]
    return low


def _prefix_length(text: str, tokens: list[tuple[int, int]], t: _Tables) -> int:
    """How many leading words of a capitalised run are courtesy words, ranks, titles or modifiers.

    "NATO Deputy Secretary General Mircea Geoană" → 4.  Whole phrases are
    looked up (longest first), so that the "Martin" of "Saint Martin" does not
    make "Martin Herem" a place.
    """
    k = 0
    n_tokens = len(tokens)
    bares: list[str] | None = None
    phrases, lengths = t.phrases, t.lengths
    while k < n_tokens:
        word = text[tokens[k][0] : tokens[k][1]]
        if word[0].islower() or (len(word) > 1 and word.isupper() and word.replace(".", "").isalpha()):
            k += 1  # a particle, or an acronym ("NATO", "SACEUR")
            continue
        if bares is None:
            bares = [_bare(text[s:e]) for s, e in tokens]
        # Only the word counts of phrases that start with this word, longest first.
        for n in lengths.get(bares[k], ()):
            if n <= n_tokens - k and (n == 1 or " ".join(bares[k : k + n]) in phrases):
                k += n
                break
        else:
            return k
    return k


def _gate(text: str, pos: int, t: _Tables) -> bool:
    """Whether the word before ``pos`` may end a rank, title or courtesy word, or is a comma (apposition)."""
    j = pos - 1
    while j >= 0 and text[j] in " \u00a0":
        j -= 1
    if j < 0:
        return False
    if text[j] == ",":
        return True
    chunk = text[max(0, j - 30) : j + 1]
    prev = chunk[chunk.rfind(" ") + 1 :].lower()
    return prev in t.trigger_last or prev[prev.rfind("’") + 1 :] in t.trigger_last


def _split_run(text: str, start: int, end: int, t: _Tables) -> list[list[tuple[int, int]]]:
    """The token spans of a capitalised run, cut where a dot ends a sentence ("Shepro. Le")."""
    groups: list[list[tuple[int, int]]] = [[]]
    pos = start
    for word in text[start:end].split():
        s = text.find(word, pos)
        e = s + len(word)
        pos = e
        if word.endswith(".") and len(word) > 2 and _low(word) not in t.dotted:
            groups[-1].append((s, e - 1))
            groups.append([])
        else:
            groups[-1].append((s, e))
    return [g for g in groups if g]


class _Person:
    """A named person being assembled (plain fields; the Attendee is built once at the end)."""

    __slots__ = ("aliases", "country", "name", "organization", "rank", "role")

    def __init__(self, name: str) -> None:
        self.name = name
        self.rank: str | None = None
        self.role: str | None = None
        self.organization: str | None = None
        self.country: str | None = None
        self.aliases: list[str] = []

    def absorb(self, other: _Person) -> None:
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


def _clean_name(text: str, tokens: list[tuple[int, int]], t: _Tables) -> tuple[str, int, int] | None:
    """The name of ``tokens`` (spans of name words) and its span, or ``None`` if it is not a name."""
    words = [(text[s:e], s) for s, e in tokens]
    for k, (w, _) in enumerate(words[1:], 1):
        if len(w) > 1 and w.isupper() and w.isalpha():
            del words[k:]  # an acronym ends the name ("General Wolters NATO ...")
            break
    last, last_start = words[-1]
    for suffix in _POSSESSIVE:
        if last.endswith(suffix):
            words[-1] = (last[: -len(suffix)], last_start)
    while words and (words[-1][0] in t.not_names or words[-1][0] in t.particles):
        words.pop()
    if not words:
        return None
    first = words[0][0]
    hit = t.phrases.get(first.lower())
    if first in t.not_names or first[0].islower() or (hit is not None and hit[0] == "country"):
        return None
    return " ".join(w for w, _ in words), words[0][1], words[-1][1] + len(words[-1][0])


def _backwards(words: list[tuple[str, int, int]], t: _Tables) -> dict[str, Any]:
    """Read the noun phrase before a name backwards: courtesy word, rank, title, modifiers, article."""
    found: dict[str, Any] = {"start": None, "complete": False}
    i = len(words)
    tails = t.tails
    texts = [w for w, _, _ in words]
    while i > 0:
        if words[i - 1][0] not in tails:
            return found  # no phrase ends with this word: no key below can match
        hit = None
        for n in range(min(_MAX_WORDS, i), 0, -1):
            # An elided article is a word of its own but is written glued ("d’escadre").
            key = " ".join(texts[i - n : i]).replace("’ ", "’")
            hit = t.phrases.get(key)
            if hit is not None:
                break
        if hit is None:
            return found
        kind, value = hit
        if kind in ("rank", "title") and kind in found:
            return found  # a second rank or title belongs to another phrase
        if kind in ("honorific", "rank", "title"):
            if kind != "honorific":
                found[kind] = (words[i - n][1], words[i - 1][2])
            found.setdefault("trigger", True)
        elif "trigger" not in found:
            return found  # modifiers only count before a rank or title
        elif kind in ("org", "country"):
            found.setdefault(kind, value)
        i -= n
        found["start"] = words[i][1]
        if kind == "article":
            break
    found["complete"] = i == 0
    return found


_TRAILING_ACRONYM = re.compile(r"[ \u00a0]*\([ \u00a0]*[A-Z][A-Z0-9&.\-]{1,14}[ \u00a0]*\)[ \u00a0]*$")


def _role_before(text: str, end: int, t: _Tables, language: str) -> dict[str, Any] | None:
    """A role phrase that ends at the comma at ``end`` ("le président finlandais, M. X")."""
    start = max(0, end - 160)
    chunk = text[start:end]
    # An acronym defined right before the comma ("… Commander Europe (DSACEUR), General X")
    # belongs to the role: its brackets are not the start of the phrase.
    defined = _TRAILING_ACRONYM.search(chunk)
    scope = chunk[: defined.start()] if defined else chunk
    cut = max(map(scope.rfind, _STOPS))
    if cut >= 0:
        chunk, start = chunk[cut + 1 :], start + cut + 1
    # The head nearest the comma first: an earlier one would swallow whatever
    # lies between ("Secretary General X welcomed the Prime Minister of Y, Mr Z").
    for head in reversed(list(t.heads.finditer(chunk))):
        lead = [(_bare(w.group()), w.start()) for w in _WORD.finditer(chunk, 0, head.start())]
        org = country = None
        k = len(lead)
        while k > 0:
            hit = t.phrases.get(lead[k - 1][0])
            if hit is None or hit[0] not in ("org", "country"):
                break
            if hit[0] == "org":
                org = org or hit[1]
            else:
                country = country or hit[1]
            k -= 1
        if k > 0 and lead[k - 1][0] not in t.role_articles:
            continue
        written = chunk[head.start() :].strip()
        role, organization, role_country, aliases = _from_role(written, language)
        return {
            "role": role,
            "org": org or organization,
            "country": country or role_country,
            "aliases": aliases,
            "start": start + (lead[k - 1][1] if k > 0 else head.start()),
        }
    return None


def _apposition(text: str, pos: int, t: _Tables) -> tuple[str, int] | None:
    """The role written right after a name (", président délégué ... de l’OTAN"), and where it ends."""
    m = _COMMA.match(text, pos)
    if not m:
        return None
    start = m.end()
    end = _APPOSITION.match(text, start, min(len(text), start + 200)).end()  # type: ignore[union-attr]
    segment = text[start:end]
    clause = t.clause.search(segment)
    if clause:
        segment = segment[: clause.start()]
    segment = segment.strip()
    if not segment or not t.heads.match(segment):
        return None
    return segment, start + len(segment)


def _from_role(role: str, language: str) -> tuple[str, str | None, str | None, list[str]]:
    role, organization, country, aliases = _role_fields(role, language)
    return role, organization, country, list(aliases)


@lru_cache(maxsize=4096)
def _role_fields(role: str, language: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """Split a role phrase into (role, organisation, country, aliases).

    A known organisation is split off ("… de l’OTAN", "the NATO Military
    Committee"), and a nationality adjective is dropped from the role once its
    country is taken ("président finlandais" → "président", FI).
    """
    acronyms = _ACRONYM.findall(role)
    aliases = [a for a in acronyms if organization_name(a, language) is None and not find_countries(a, language)]
    bare = _PAREN.sub("", role).strip()
    organization = find_organization(bare, language) or next(
        (org for a in acronyms if (org := organization_name(a, language))), None
    )
    countries = find_countries(bare, language)
    country = countries[0][2] if countries else None
    adjective = adjectives(language)
    for s, e, _ in reversed(countries):
        if _low(bare[s:e]) in adjective:
            bare = (bare[:s].rstrip() + " " + bare[e:].lstrip()).strip()
    if organization:
        norm = normalize(bare)
        for form in (organization, *_org_forms(organization, language)):
            tail = re.search(_OF + re.escape(form) + "$", norm)
            if tail:
                bare = bare[: tail.start()]
                break
            inside = re.search(r"(?<![\w’])" + re.escape(form) + r"[ \u00a0](?=[A-ZÀ-ÖØ-Þ])", norm)
            if inside and inside.start() > 0:
                # "the NATO Military Committee": the acronym only says whose committee it is.
                bare = bare[: inside.start()] + bare[inside.end() :]
                break
    return bare.strip(), organization, country, tuple(aliases)


def role_parts(phrase: str, language: str) -> tuple[str, str | None]:
    """A role noun phrase as (role, organisation): "the NATO Secretary General" → ("Secretary General", "NATO").

    Leading articles and modifiers (organisation, nationality) are dropped,
    as :func:`find_attendees` does for the roles it records, so that the two
    can be compared.
    """
    t = _tables(language)
    organization = None
    words = phrase.split()
    while words:
        first = _low(words[0])
        if first in t.role_articles or first.rstrip("’") + "’" in t.role_articles:
            words.pop(0)
            continue
        if len(first) > 2 and first[1] == "’" and first[:2] in t.role_articles:
            words[0] = words[0][2:]
            continue
        hit = t.phrases.get(_bare(words[0]))
        if hit is not None and hit[0] in ("org", "country"):
            organization = organization or (hit[1] if hit[0] == "org" else None)
            words.pop(0)
            continue
        break
    role, org, _, _ = _from_role(" ".join(words), language)
    return role, organization or org


@cache
def _org_forms_table(language: str) -> dict[str, tuple[str, ...]]:
    primary = language.split("-", 1)[0]
    out: dict[str, tuple[str, ...]] = {}
    for org in organizations():
        display = org["display"].get(primary) or org["display"]["en"]
        out.setdefault(display, tuple(normalize(f) for f in org.get(primary) or org.get("en", [])))
    return out


def _org_forms(display: str, language: str) -> tuple[str, ...]:
    return _org_forms_table(language).get(display, ())


def _named(
    i: int, text: str, t: _Tables, language: str, people: list[_Person], found: list[tuple[int, int, int, int]]
) -> None:
    """Find the named people of paragraph ``i``; add them to ``people`` and their mentions to ``found``."""
    french = language.startswith("fr")
    norm = normalize(text)  # same length: offsets are shared with ``text``
    phrases, trigger = t.phrases, t.trigger_last
    for run in t.run.finditer(norm):
        s = run.start()
        word = run.group()
        if " " not in word:
            # The common case, a single capitalised word ("Le", "Belgrade",
            # "Shepro"): rejected with a few set lookups unless a comma, a
            # courtesy word, a rank or a title stands right before it.
            if s < 2 or word.lower() in phrases or norm[s - 1] != " ":
                continue
            if norm[s - 2] != ",":
                k = norm.rfind(" ", max(0, s - 32), s - 1)
                prev = norm[k + 1 : s - 1].lower()
                if prev not in trigger and prev[prev.rfind("’") + 1 :] not in trigger:
                    continue
        groups = _split_run(norm, s, run.end(), t)
        for tokens in groups:
            k = _prefix_length(norm, tokens, t)
            if k == len(tokens):
                continue
            introduced = k == 0 and len(tokens) >= 3 and _introduces(norm[tokens[0][0] : tokens[0][1]], language)
            if introduced:
                k = 1  # "Selon Marie Curie, …": the capitalised introducer is not part of the name
            name_start = tokens[k][0]
            if k > 0 and not introduced and _bare(norm[tokens[k - 1][0] : tokens[k - 1][1]]) not in t.trigger_last:
                continue
            gated = (k > 0 and not introduced) or _gate(norm, name_start, t)
            if not gated and (len(tokens) < 2 or not _speech_near(norm, name_start, run.end(), language)):
                continue
            cleaned = _clean_name(text, tokens[k:], t)
            if cleaned is None:
                continue
            name, _, name_end = cleaned
            if not gated and not _speaks(norm, name_start, name_end, language):
                continue
            # The noun phrase before the name, up to a punctuation mark.
            lo = max(0, tokens[0][0] - 120)
            pre = norm[lo : tokens[0][0]]
            cut = max(map(pre.rfind, _STOPS))
            seg_start = lo + cut + 1 if cut >= 0 else lo
            words = [(_bare(w.group()), w.start(), w.end()) for w in _WORD.finditer(norm, seg_start, name_start)]
            back = _backwards(words, t)
            appositive = None
            if back["complete"] and cut >= 0 and pre[cut] == ",":
                appositive = _role_before(text, lo + cut, t, language)
            if not back.get("trigger") and appositive is None and not _speaks(norm, name_start, name_end, language):
                continue
            person = _Person(name)
            start = back["start"] if back["start"] is not None else name_start
            if "rank" in back:
                s, e = back["rank"]
                rank = text[s:e]
                person.rank = _bare(rank) if french else rank
            if "title" in back:
                s, e = back["title"]
                role = text[s:e]
                person.role = role[0].lower() + role[1:] if french else role
            person.organization = back.get("org")
            person.country = back.get("country")
            if appositive is not None:
                person.role = appositive["role"] or person.role
                person.organization = person.organization or appositive["org"]
                person.country = person.country or appositive["country"]
                person.aliases += appositive["aliases"]
                start = appositive["start"]
            end = name_end
            appo = _apposition(text, name_end, t)
            if appo:
                written, end = appo
                role, organization, country, aliases = _from_role(written, language)
                person.role = person.role or role
                person.organization = person.organization or organization
                person.country = person.country or country
                person.aliases += [a for a in aliases if a not in person.aliases]
            elif person.role and not appositive:
                role, organization, country, aliases = _from_role(person.role, language)
                person.role = role or person.role
                person.organization = person.organization or organization
                person.country = person.country or country
            if person.country is None:
                person.country = _country_after(text, name_end, language)
            found.append((i, start, end, _merge(people, person)))


@cache
def _speech_context(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for a speech verb right after a name and for one right before it."""
    quotes = lang(language)["quotes"]
    verbs = sorted(quotes["verbs"], key=len, reverse=True)
    alternatives = "|".join(re.escape(normalize(v)) for v in verbs)
    introducers = "|".join(
        re.escape(normalize(v)) for v in sorted([*verbs, *quotes["according"]], key=len, reverse=True)
    )
    # "Jean Dupont said", "Jean Dupont has also stressed", "Jean Dupont a déclaré", "Jean Dupont a également souligné".
    after = re.compile(
        rf"[ \u00a0]*(?:(?:a|avait|has|had|also|then|again|également|aussi|encore|ensuite)[ \u00a0]+){{0,2}}(?:{alternatives})\b"
    )
    # "said Jean Dupont", "according to Jean Dupont", "a déclaré Jean Dupont", "selon Jean Dupont".
    before = re.compile(rf"(?:^|[^\w’])(?:{introducers})[ \u00a0]+$", re.IGNORECASE)
    return after, before


def _plain_name(words: list[str], language: str) -> bool:
    """Words that can be a name with nothing else to vouch for it: no rank, title, place or common word."""
    t = _tables(language)
    stop = _stopwords(language)
    for word in words:
        bare = _bare(word)
        if bare in t.vocab or bare in t.not_names or bare.lower() in stop:
            return False
        if len(word.rstrip(".")) < 2 and not word.endswith("."):
            return False
    return len(set(words)) == len(words)


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(lang(language)["language"]["stopwords"])


def _introduces(word: str, language: str) -> bool:
    """A one-word introducer of speech that can start a sentence ("Selon")."""
    quotes = lang(language)["quotes"]
    return word.lower() in {normalize(w).lower() for w in quotes["according"] if " " not in w}


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
    return after.match(norm, end) is not None or before.search(norm, max(0, start - 48), start) is not None


_OF_COUNTRY = re.compile(r"[ \u00a0]+(?:of(?:[ \u00a0]+the)?|de(?:[ \u00a0]+la)?|du|des|d’|d')[ \u00a0]*")


def _country_after(text: str, end: int, language: str) -> str | None:
    """The country in "X of Greece" / "X de la Grèce", written right after a name."""
    link = _OF_COUNTRY.match(text, end)
    if link is None:
        return None
    tail = text[link.end() : link.end() + 48]
    for start, _, code in find_countries(tail, language):
        return code if start == 0 else None
    return None


def _merge(people: list[_Person], new: _Person) -> int:
    """Add ``new`` to ``people`` or merge it with the same person (same surname); return its index."""
    surname = new.name.split()[-1]
    for k, old in enumerate(people):
        if old.name == new.name or old.name.split()[-1] == surname:
            old.absorb(new)
            return k
    people.append(new)
    return len(people) - 1


def find_attendees(paragraphs: Sequence[str], language: str) -> tuple[list[Attendee], list[Mention]]:
    """All attendees of ``paragraphs``, named ones first, and where each named person is introduced.

    Names are unique (a later "le général Shepro" is merged into the first
    mention); role-only and collective attendees have ``name=None``.
    """
    t = _tables(language)
    people: list[_Person] = []
    found: list[tuple[int, int, int, int]] = []
    for i, text in enumerate(paragraphs):
        _named(i, text, t, language, people, found)
    built = [p.build() for p in people]
    mentions = [Mention(i, s, e, built[k]) for i, s, e, k in found]
    spans: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    for i, s, e, _ in found:
        spans[i].append((s, e))
    others = _collectives_and_roles(paragraphs, language, t, built, spans)
    return [*built, *others], mentions


def _collectives_and_roles(
    paragraphs: Sequence[str],
    language: str,
    t: _Tables,
    named: list[Attendee],
    spans: list[list[tuple[int, int]]],
) -> list[Attendee]:
    out: list[Attendee] = []
    seen: set[tuple[str | None, str | None]] = set()

    def add(role: str, country: str | None, organization: str | None) -> None:
        key = (role, country)
        if key in seen:
            return
        head = role.split()[0].lower()
        if country and any(p.country == country and p.role and p.role.split()[0].lower() == head for p in named):
            # The named person already stands for this country in that role
            # (the host's chief of defence in a list of chiefs of defence).
            return
        seen.add(key)
        out.append(Attendee(role=role, country=country, organization=organization))

    # Which paragraphs may hold a collective or a list of participants: one
    # str.find per word over the whole text, rather than per paragraph.
    norms = [normalize(p) for p in paragraphs]
    whole = "\n".join(norms).lower()
    bounds: list[int] = []
    pos = 0
    for n in norms:
        pos += len(n) + 1
        bounds.append(pos)
    # Where each plural head occurs, per paragraph, so that _collectives need
    # not search again (only when lower-casing kept every offset: "İ" does not).
    local: dict[int, set[int]] | None = {} if len(whole) == pos - 1 else None
    plural_at: set[int] = set()
    for w in t.plural_words:
        for p in _find_all(whole, w):
            i = bisect_right(bounds, p)
            plural_at.add(i)
            if local is not None:
                local.setdefault(i, set()).add(p - (bounds[i - 1] if i else 0))
    cue_at = {bisect_right(bounds, p) for c in t.participants for p in _find_all(whole, c)}
    for i in sorted(plural_at | cue_at):
        text, norm = paragraphs[i], norms[i]
        taken = list(spans[i])
        if i in plural_at:
            _collectives(text, norm, language, t, taken, add, None if local is None else sorted(local[i]))
        if i in cue_at:
            # The paragraph's slice of the lower-cased whole text, when
            # lower-casing kept every offset (it then equals norm.lower()).
            at = bounds[i - 1] if i else 0
            low = whole[at : at + len(norm)] if local is not None else norm.lower()
            _role_only(text, norm, low, language, t, taken, add)
    return out


def _collectives(
    text: str,
    norm: str,
    language: str,
    t: _Tables,
    taken: list[tuple[int, int]],
    add: Any,
    starts: list[int] | None = None,
) -> None:
    """A plural role head, then two or more countries in a list: one attendee per country.

    ``starts`` are the offsets of the plural heads in ``norm`` lower-cased, if already known.
    """
    # The plural heads are found with str.find (C speed) and checked with the
    # regex only where one occurs: a regex scan of the whole paragraph costs
    # more than the rest of this rule.
    country_re, lookup = country_matcher(language)
    if starts is None:
        low = norm.lower()
        starts = sorted({p for w in t.plural_words for p in _find_all(low, w)})
    pos = -1
    for at in starts:
        if at < pos:
            continue
        pm = t.plural.match(norm, at)
        if pm is None:
            continue
        pos = pm.end()
        # The first country within a short distance, then each next one
        # right after a joiner ("et", "and", ", de la"): anchored matches,
        # not a scan of the text that follows.
        first = country_re.search(norm, pos, pos + 140)
        if first is None or first.start() - pos > 80 or "." in norm[pos : first.start()]:
            continue
        group: list[tuple[int, int, str]] = [(first.start(), first.end(), lookup[first.group()])]
        pos = first.end()
        while True:
            gap = t.gap.match(norm, pos)
            nxt = country_re.match(norm, gap.end()) if gap else None
            if nxt is None:
                break
            group.append((nxt.start(), nxt.end(), lookup[nxt.group()]))
            pos = nxt.end()
        if len(group) < 2:
            continue
        role_text = norm[pm.start() : group[0][0]]
        role_text = _strip_articles(role_text, t).strip(" ,")
        plural = pm.group()
        singular = t.plurals.get(plural) or t.plurals.get(plural.lower(), plural)
        if plural[0].isupper() and language.startswith("en"):
            singular = singular[0].upper() + singular[1:]
        role = singular + text[pm.start() + len(plural) : pm.start() + len(role_text)]
        role = _PAREN.sub("", role).strip()
        organization = find_organization(role, language)
        for _, _, code in group:
            add(role, code, organization)
        taken.append((pm.start(), group[-1][1]))


def _strip_articles(text: str, t: _Tables) -> str:
    """``text`` without the articles at its end ("chefs d’état-major de la" → "chefs d’état-major")."""
    # Word by word in Python: an end-anchored regex would be tried at every position.
    while True:
        head, _, last = text.rstrip().rpartition(" ")
        if not last or last.lower() not in t.article_words:
            return text
        text = head


def _strip_joiner(text: str, t: _Tables) -> str:
    """``text`` without trailing punctuation and a trailing list joiner ("… et", "…, as well as")."""
    text = text.rstrip(" \t\n,;.:")
    low = text.lower()
    for joiner in t.joiners:
        if low.endswith(joiner) and (len(low) == len(joiner) or not low[-len(joiner) - 1].isalnum()):
            return text[: -len(joiner)].strip()
    return text.strip()


def _find_all(text: str, word: str) -> list[int]:
    out: list[int] = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _role_only(
    text: str, norm: str, low: str, language: str, t: _Tables, taken: list[tuple[int, int]], add: Any
) -> None:
    """In a sentence announcing participants, each article + role head is a person known by role."""
    for s_start, s_end in _sentences(norm):
        sentence = low[s_start:s_end]
        cue = next((sentence.find(c) for c in t.participants if c in sentence), -1)
        if cue < 0:
            continue
        items = list(t.role_item.finditer(norm, s_start + cue, s_end))
        for k, m in enumerate(items):
            end = items[k + 1].start() if k + 1 < len(items) else s_end
            if any(a < end and m.start() < b for a, b in taken):
                continue
            chunk = text[m.start("role") : end]
            comma = re.search(r",(?![^()]*\))", chunk)
            if comma:
                chunk = chunk[: comma.start()]
            chunk = _strip_joiner(chunk, t)
            if not chunk or t.plural.match(normalize(chunk)):
                continue
            _, organization, country, _ = _from_role(chunk, language)
            add(chunk, country, organization)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in matches_at(_SENTENCE, text, ".!?"):
        bounds.append((pos, m.start(1)))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def replace(attendee: Attendee, **changes: Any) -> Attendee:
    """``attrs.evolve`` for attendees (kept here so callers need not import attrs)."""
    return attrs.evolve(attendee, **changes)
