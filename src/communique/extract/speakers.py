"""Who said a quotation: attribution before and after it, pronouns, roles, re-mentions.

For each quotation, the sentence it stands in is the unit of attribution
(a sentence ends at ``.``, ``!``, ``?`` or ``…`` — also inside a closing
quotation mark — before a capital, unless the dot ends an abbreviation such
as "M." or "Gen.").  Words inside quotation marks never name the speaker.
In order of preference:

1. a title or theme noun right before it ("sous le thème « … »", "the
   conference “…”", "l’exercice « … »", "its “open door”"): not speech, no
   speaker;
2. introduced by a colon ("M. Dupont a déclaré : « … »"), also at the end of
   the paragraph before it ("Defence Secretary Jane Doe said:" ¶ "“…”"): the
   subject of the words before the colon;
3. right after it, in the same sentence, an attribution verb and a person
   ("», a conclu le général Shepro", "”, said Admiral Bauer", "”, NATO
   Secretary General said", "», a-t-il ajouté"), or a dash and a name
   ("” – Jane Doe, Minister of X"); a verb with no subject ("», ha añadido",
   the dropped subject of Spanish) speaks for the subject of the sentence;
4. before it, in the same sentence, a verb of saying, ``selon`` /
   ``according to``, ``que`` / ``that``: the person named just before the
   last such verb (its subject), else the one named after it ("selon le
   général X, « … »");
5. inside it, an aside between dashes ("«Estamos listos —dijo el general
   X—, y …»");
6. a paragraph that is only the quotation, followed by a short line naming
   a person ("– The Hon. Jane Doe, Minister of Foreign Affairs"): that person;
7. a second quotation of the same sentence, the next part of a quotation
   running over several paragraphs, or a paragraph opening with a quotation
   keeps the previous speaker (all the parts of one quotation have one
   speaker, wherever its attribution stands).

A person is recognised by full name, by a short re-mention (any run of the
name's words after the first: "Ferrando" and "Ferrando Vidal" for "Núria
Ferrando Vidal", "Van Aalst" for "Pieter van Aalst"; only when one attendee
has it) and by alias ("DCMC").  An attendee whose name is a re-mention of
another's ("Ellison" beside "Margaret Ellison") is that person.  A role
written right before a name ("la ministre Bérubé", "El jefe del NRDC-ESP, el
teniente general X") is that name.

A pronoun ("Il", "She", "-t-elle") — and a verb of saying with no subject —
is the **subject of the nearest preceding clause with a person as subject**:
reading back sentence by sentence (across paragraphs), the speaker of a
quotation in that sentence, else the first person it names; a sentence whose
first person is a pronoun refers further back; a sentence with a verb of
saying and no person known ("A 24-year-old man said …") has an unknown
subject, and so does the pronoun.  "The Secretary General met Prime Minister
X. He said …" → the Secretary General.

A role given instead of a name ("the Prime Minister said", "a ajouté le
secrétaire général", "selon le ministre de la Défense") is the attendee
whose role or rank matches it (an exact match before a longer role), the
one most recently a sentence's subject first, then the most recently
mentioned; if no attendee matches, there is no speaker.  Speakers are always
attendee names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from ..locale import pack
from ..model import Attendee
from ._data import _trie_regex, alternation, matches_at, normalize, phrase_pattern, upper_class
from .analysis import Analysis
from .countries import adjectives, find_countries
from .organizations import organization_name, organization_of_title
from .quotes import QuoteSpan
from .roles import from_role, role_parts
from .transcripts import Turn, turn_role
from .vocab import ends_abbreviation, person_titles, speech_verbs

__all__ = ["attribute_quotes", "attribute_speakers", "title_quote_is_speech"]

_LEAD = " \u00a0\u202f,;:–—-"
_OPENERS = '«“„"'
_DASHES = "–—"
# How far back (in paragraphs) a pronoun looks for its antecedent.
_BACK = 3
_SENTENCE_REACH = 600  # characters: a sentence's words before its quotation are read no further back
_SENTENCES_BACK = 12  # sentences: how far back the subject of an earlier clause is looked for
_APPOSED_NAME = 60  # characters: a name set off by commas is no longer


@cache
def _tables(language: str) -> dict[str, Any]:
    lp = pack(language)
    quotes = lp.quotes
    people = lp.people
    upper = upper_class()
    articles = _trie_regex((a for w in people.role_articles for a in (w, w.capitalize())), after_first=r"(?<![\w’].)")
    # The pack's epithets too ("la funcionaria señaló que …"): a role noun for any office holder.
    role_words = [*person_titles(language), *people.role_heads, *people.ranks, *people.epithets]
    roles = phrase_pattern(role_words)
    # After an article a role may be written in small letters in any language ("the secretary thanked").
    # And with each word capitalised, as Spanish and French pages title an office ("el Secretario General").
    headed = [" ".join(x[:1].upper() + x[1:] if len(x) > 3 else x for x in w.split()) for w in role_words if " " in w]
    roles_any_case = phrase_pattern([*role_words, *(w.lower() for w in role_words), *headed])
    # A role noun phrase: article, head, then complements made of the pack's role links and
    # articles ("of the X", "de la X", "de l’X").
    links = alternation(normalize(w).rstrip("’") for w in people.role_links)
    elided = alternation(normalize(w) for w in people.articles if normalize(w).endswith("’"))
    small = alternation(normalize(w) for w in people.role_articles if not normalize(w).endswith("’"))
    complement = rf"(?:[ \u00a0]{links}(?:[ \u00a0]{small})?(?:[ \u00a0]|’)?(?:{elided})?[\w’\-]+)"
    inverted = alternation(normalize(w) for w in quotes.inverted_pronouns)
    complementizers = alternation(normalize(w) for w in quotes.complementizers)
    # The not-speech words as written forms, for a suffix lookup: the regex
    # below ends with "$", and re tries it at every position of the window.
    forms = {normalize(w) for w in quotes.not_speech if normalize(w)}
    forms |= {w[0].upper() + w[1:] for w in forms if w[0].islower()}
    assert all(not (w[-1] == "," or w[-1].isspace()) for w in forms)
    # Words that may stand between a role and the name it introduces ("the Minister for Defence, the Hon").
    apposed = {normalize(w).lower().rstrip(".") for w in [*people.role_links, *people.role_articles, *people.articles]}
    apposed |= {normalize(p).lower().rstrip(".") for w in [*people.honorifics, *people.ranks] for p in w.split()}
    # Between the article and the head, an organisation or a nationality may stand ("the ICRC president").
    modifier = rf"(?:[{upper}][\w’\-]*[ \u00a0]){{0,2}}?"
    role = rf"(?:(?:{articles})[ \u00a0]?{modifier}(?P<role>{roles_any_case})|(?P<bare>{roles})){complement}{{0,4}}"
    return {
        # One-word articles, after which a capitalised quotation is a document's or a work's name ("ont
        # adopté la « Déclaration de Lomé sur … »", "aprobaron una « Carta Iberoamericana de …»").
        "title_articles": frozenset(normalize(w).lower() for w in people.articles if " " not in w.strip()),
        # A role article right before a word ("le porte-parole", "el técnico", "the spokesperson").
        "article_before": re.compile(
            rf"(?<!\w)(?i:{alternation(normalize(w) for w in people.role_articles)})[ \u00a0]*$"
        ),
        "not_speech_forms": frozenset(forms),
        # The words that tie a role to its country ("of", "de", "du", "del"), in small letters.
        "role_links": frozenset(normalize(w).lower() for w in people.role_links if " " not in w),
        # Right after the closing mark: a comma, then a conjunction opening another clause.
        "clause_joiner": re.compile(
            rf"[ \u00a0]*,?[ \u00a0]*(?i:{alternation(normalize(w) for w in quotes.clause_joiners)})[ \u00a0]"
            if quotes.clause_joiners
            else r"(?!)"
        ),
        # The pronouns that may be a clause's subject ("he", "elle"), in small letters.
        "subject_pronouns": frozenset(normalize(w).lower() for w in people.pronouns if " " not in w),
        "not_speech_lengths": tuple(sorted({len(w) for w in forms})),
        # The last three letters of every form (when none is shorter): most windows end with none of them.
        "not_speech_ends": frozenset(w[-3:] for w in forms) if all(len(w) >= 3 for w in forms) else None,
        "verbs": speech_verbs(language),
        "according": re.compile(phrase_pattern(quotes.according)),
        # "Selon lui, « … »": the preposition and a pronoun right after it.
        "according_pronoun": re.compile(
            phrase_pattern(quotes.according) + r"[ \u00a0]+" + phrase_pattern(quotes.according_pronouns) + r"\b"
        )
        if quotes.according_pronouns
        else None,
        # "In her view, “…”", "En su opinión, “…”": a phrase of the pack that stands for the same. (A pattern
        # of its own: joined to the one above, neither could skip to its few first letters.)
        "pronoun_attribution": re.compile(phrase_pattern(quotes.pronoun_attributions))
        if quotes.pronoun_attributions
        else None,
        # "Pour Jean Dupont, la communauté « … »": only when it opens the sentence, and a name follows.
        "opening_according": re.compile(
            r"[\s«“\"]*(?:" + alternation(normalize(w) for w in quotes.opening_according) + r")[ \u00a0]+",
            re.IGNORECASE,
        ),
        "not_speech": re.compile(r"(?:" + phrase_pattern(quotes.not_speech) + r")[\s,]*$"),
        "pronouns": frozenset(normalize(p).lower() for p in people.pronouns),
        "pronoun": re.compile(phrase_pattern(people.pronouns) + rf"|{inverted}\b"),
        "intro": re.compile(rf"(?:[:,]|\b{complementizers})\s*$"),
        "complementizer": re.compile(rf"(?<!\w){complementizers}(?!\w)"),
        "ends": re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[»”\"])?(?=\s+[«“\"¿¡" + upper + r"]|\s*$)"),
        "language": language,
        "word": re.compile(rf"[{upper}](?<![\w’'\-].)[\w’'\-]*"),
        # Whichever comes first of a pronoun and a role phrase, the pronoun when both start at one
        # place (the order in which who() prefers them): one scan of a window instead of two.
        "pronoun_or_role": re.compile(rf"(?P<pronoun>{phrase_pattern(people.pronouns)}|{inverted}\b)|{role}"),
        "apposed": frozenset(apposed),
        "joiners": frozenset(normalize(w).lower() for w in people.list_joiners),
        "relative": re.compile(r",[ \u00a0]+" + phrase_pattern(people.relatives)) if people.relatives else None,
        "epithets": frozenset(normalize(w).lower() for w in people.epithets),
        "leader_heads": frozenset(normalize(w).lower() for w in people.leader_heads),
        "led_by": re.compile(rf"(?i:{alternation(normalize(w) for w in people.led_by)})[ \u00a0]+")
        if people.led_by
        else None,
        "links": frozenset(w for link in people.role_links for w in normalize(link).lower().split()),
        # One-word role heads, for a language that writes roles in small letters ("le conseiller fédéral").
        "head_words": frozenset(
            normalize(w).lower() for w in people.role_heads if " " not in w and people.role_case == "lower"
        ),
        # Each role phrase of an equivalence group → the whole group, normalised and in small letters.
        "equivalents": {
            member: group
            for written in people.role_equivalents
            for group in [tuple(normalize(w).lower() for w in written)]
            for member in group
        },
        "adjectives": adjectives(language),
        "next_word": re.compile(r"[ \u00a0]+([^\W\d_][\w\-]*)"),
        "quote_marks": _OPENERS,
    }


def _name_forms(name: str) -> list[str]:
    """The short re-mentions of a full name: every run of its words after the first ("Ferrando", "Ferrando Vidal"),
    and its first word alone (a first name in a caption; a surname written first, "Ms Tan" of "Tan Wei Ling")."""
    words = name.split()
    forms: list[str] = []
    for i in range(1, len(words)):
        for j in range(len(words), i, -1):
            run = words[i:j]
            if run[-1][0].islower() or len(run[-1].rstrip(".")) <= 1:
                continue  # ends with a particle or an initial
            if len(run) == 1 and len(run[0]) <= 2:
                continue
            form = " ".join(run)
            forms.append(form[0].upper() + form[1:] if form[0].islower() else form)
            if form[0].islower():
                forms.append(form)
    if len(words) >= 2 and len(words[0]) > 2 and words[0][0].isupper() and not words[0].endswith("."):
        forms.append(words[0])  # a first name alone ("Maia", a caption), or a surname written first ("Ms Tan")
    if len(words) >= 3 and words[1][:1].isupper() and len(words[1].rstrip(".")) > 1 and words[2][:1].isupper():
        forms.append(
            " ".join(words[:2])
        )  # the first name and the first surname ("Julián Bielsa" of "Julián Bielsa Ferrer")
    if any(len(w) > 2 and w.isupper() for w in words):
        # A name written with its family name in capitals ("KITAMURA Hiroshi", "Pedro SANCHEZ") is re-mentioned
        # as names are written ("Minister Kitamura", "Sanchez").
        forms += [_capitalized(f) for f in [name, *forms] if _capitalized(f) != f]
    return forms


def _capitalized(form: str) -> str:
    """``form`` with its words in capitals written as names are ("KITAMURA" → "Kitamura", "VAN DAMME-LEYSEN")."""
    return " ".join(
        "-".join(p[:1] + p[1:].lower() for p in w.split("-")) if len(w) > 2 and w.isupper() else w for w in form.split()
    )


class _People:
    """The attendees as a speaker lookup: capitalised word → candidate (written form, name) pairs."""

    def __init__(self, attendees: Sequence[Attendee]) -> None:
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        named = [a for a in attendees if a.name is not None]
        names = {a.name for a in named}
        # A short re-mention of one attendee's full name that another attendee has as its name
        # ("Ellison" beside "Margaret Ellison") is the same person.
        owners: dict[str, set[str]] = {}
        for a in named:
            assert a.name is not None
            for form in _name_forms(a.name):
                owners.setdefault(normalize(form), set()).add(a.name)
        self.canonical: dict[str, str] = {}
        for a in named:
            assert a.name is not None
            full = owners.get(normalize(a.name), set()) - {a.name}
            if len(full) == 1:
                self.canonical[a.name] = next(iter(full))
        self.attendees = [a for a in named if a.name not in self.canonical]
        self.words = {normalize(w) for a in named for w in (a.name or "").split()}  # every word of a name
        for a in self.attendees:
            assert a.name is not None
            self._add(normalize(a.name), a.name)
            for alias in a.aliases:
                self._add(normalize(alias), a.name)
        for short, long in self.canonical.items():
            self._add(normalize(short), long)
        # A re-mention two people share ("General Jean Dupont met Admiral Marie Dupont") names one
        # of them only with the rank or role written before it ("Admiral Dupont", "le général Dupont").
        self.shared: dict[str, list[tuple[str, str]]] = {}
        for form, written in owners.items():
            owner = {self.canonical.get(w, w) for w in written}
            if len(owner) == 1:
                if form not in names or next(iter(owner)) == form:
                    self._add(form, next(iter(owner)))
            elif " " not in form:
                for a in self.attendees:
                    if a.name in owner:
                        for before in (a.rank, a.role):
                            if before:
                                self.shared.setdefault(form, []).append((normalize(before).lower(), a.name or ""))
        for forms in self.by_first.values():
            forms.sort(key=lambda f: -len(f[0]))

    def _add(self, form: str, name: str) -> None:
        first = form.split()[0]
        forms = self.by_first.setdefault(first, [])
        if all(f != form for f, _ in forms):
            forms.append((form, name))

    def find(self, text: str, start: int, end: int, word: re.Pattern[str]) -> list[tuple[int, str]]:
        """The people named in ``text[start:end]``, as (offset, name), in order."""
        hits: list[tuple[int, str]] = []
        if not self.by_first:
            return hits
        skip = -1
        for m in word.finditer(text, start, end):
            p = m.start()
            if p < skip:
                continue  # inside the name just found ("Ferrando" of "Núria Ferrando Vidal")
            token = m.group()
            forms = self.by_first.get(token)
            if forms is None and "’" in token[-3:]:
                # A possessive or a clitic after the name ("Stoltenberg’s words").
                token = token[: token.rindex("’")]
                forms = self.by_first.get(token)
            if forms is None:
                shared = self.shared.get(token)
                if shared is not None and (p + len(token) >= len(text) or not text[p + len(token)].isalnum()):
                    before = text[max(0, p - 60) : p].rstrip().lower()
                    owner = next((name for title, name in shared if before.endswith(title)), None)
                    if owner is not None:
                        hits.append((p, owner))
                continue
            for form, name in forms:
                if text.startswith(form, p) and (p + len(form) >= len(text) or not text[p + len(form)].isalnum()):
                    hits.append((p, name))
                    skip = p + len(form)
                    break
        return hits


class _Text:
    """One normalised paragraph and its sentence ends, computed once."""

    __slots__ = ("ends", "text")

    def __init__(self, text: str, t: dict[str, Any]) -> None:
        self.text = text
        self.ends: list[int] = []
        for m in matches_at(t["ends"], text, ".!?…"):
            if m.group()[0] == "." and ends_abbreviation(text, m.start(), t["language"]):
                continue
            self.ends.append(m.end())

    def sentence(self, pos: int) -> tuple[int, int]:
        """The start and end of the sentence holding offset ``pos``."""
        k = bisect_right(self.ends, pos) - 1
        start = self.ends[k] if k >= 0 else 0
        e = bisect_left(self.ends, pos + 1)
        return start, self.ends[e] if e < len(self.ends) else len(self.text)


class _Attribution:
    """The state of one release's attribution: its paragraphs, quotations and the speakers found so far."""

    def __init__(
        self,
        norms: Sequence[str],
        spans: Sequence[QuoteSpan],
        attendees: Sequence[Attendee],
        language: str,
        originals: Sequence[str] | None = None,
        home: str | None = None,
    ) -> None:
        self.t = _tables(language)
        self.language = language
        # The state that publishes the page (:func:`.home.home_country`): its own office holders are who a
        # bare role means when several attendees hold it ("ha afirmado el ministro" on a ministry's page).
        self.home = home
        self.norms = norms
        self.spans = spans
        self.people = _People(attendees)
        self.role_only = {a.role for a in attendees if a.name is None and a.role is not None}
        self._leaders: list[tuple[int, int, str]] | None = None  # (paragraph, offset, name), read when needed
        self.word: re.Pattern[str] = self.t["word"]
        self.speakers: list[str | None] = []
        # The quotations that are names or terms, no quotation at all ("el ejercicio “Pacífico Unido”").
        self.names: set[int] = set()
        # The paragraphs as written (same offsets as ``norms``): a role-only speaker is named as written.
        self.originals: Sequence[str] = originals if originals is not None else norms
        self._texts: dict[int, _Text] = {}
        self._masked: dict[int, str] = {}
        self.by_paragraph: dict[int, list[int]] = {}
        for i, s in enumerate(spans):
            self.by_paragraph.setdefault(s.paragraph, []).append(i)

    def text_of(self, i: int) -> _Text:
        if i not in self._texts:
            self._texts[i] = _Text(self.norms[i], self.t)
        return self._texts[i]

    def masked(self, i: int) -> str:
        """Paragraph ``i`` normalised, the words inside its quotations blanked (same length)."""
        if i not in self._masked:
            text = self.norms[i]
            for k in self.by_paragraph.get(i, ()):
                s = self.spans[k]
                text = text[: s.start] + " " * (s.end - s.start) + text[s.end :]
            self._masked[i] = text
        return self._masked[i]

    # --- who a window of text speaks of ---------------------------------------------------------

    def mention(self, text: str, start: int, end: int, para: int) -> tuple[str, str | None] | None:
        """The first person ``text[start:end]`` names: ("name", name), ("role", name or None), ("pronoun", None)."""
        hits = self.people.find(text, start, end, self.word)
        other = self.t["pronoun_or_role"].search(text, start, end)
        if other is not None and other.group("pronoun") is None and hits and hits[0][0] < other.start():
            other = None
        if other is None:
            return ("name", hits[0][1]) if hits else None
        if hits and hits[0][0] < other.start():
            return "name", hits[0][1]
        if other.group("pronoun") is not None:
            return "pronoun", None
        # A role written right before a name is that name's ("la ministre Bérubé", "the Minister for X, the Hon Y").
        for p, name in hits:
            if p >= other.end() and self._apposed(text[other.end() : p], text[p:end]):
                return "name", name
            if p >= other.start():
                break
        role_start = other.start("role") if other.group("role") is not None else other.start("bare")
        # A compound of the head ("the Chairperson-in-Office"): the whole word is the role.
        compound = _HYPHENATED.match(text, other.end())
        role_end = compound.end() if compound is not None else other.end()
        # A nationality adjective right after the role ("la mandataria finlandesa"): the attendee of that country.
        after = self.t["next_word"].match(text, role_end)
        country = self.t["adjectives"].get(after.group(1).lower()) if after is not None else None
        if country is None:
            # "… the Prime Minister of Cabo Verde said": a country after a link of the role's complement.
            country = self._linked_country(text, role_start, role_end, min(end, role_end + _COUNTRY_REACH))
        # With its modifiers first ("the External Affairs Minister"), else the head alone ("Minister").
        resolved = (
            self.by_role(text[other.start() : role_end], para, start, country)
            if role_start > other.start()
            and text[role_start - 1] == " "
            and text[role_start - 2].isalpha()
            and text[other.start() : role_start].split()[-1][:1].isupper()
            else None
        ) or self.by_role(text[role_start:role_end], para, start, country)
        if resolved is None:
            # A role no attendee holds, right before a name ("le lieutenant-colonel portugais X"): the name.
            near = next((name for p, name in hits if other.end() <= p <= other.end() + 40), None)
            if near is not None:
                return "name", near
        return "role", resolved

    def _linked_country(self, text: str, start: int, phrase_end: int, end: int) -> str | None:
        """The country a role phrase ``text[start:phrase_end]`` names after one of its links ("the Prime Minister
        of Cabo Verde"), its name maybe running past the phrase (``end``); not a country later in the sentence."""
        links = self.t["role_links"]
        for s, _, code in find_countries(text[start:end], self.language):
            before = text[start : start + s].split()
            if start + s > phrase_end + 1 or not before or before[-1].lower() not in links:
                continue
            return code
        return None

    def _apposed(self, between: str, rest: str) -> bool:
        """Whether the words between a role and a name only continue the role ("the Minister for Defence, the Hon").

        A name set off by commas after its role ("La ministre française de l’agriculture, Claire
        Vasseur, a plaidé") is its apposition too, unless another role or a verb of saying stands
        between them.
        """
        between = re.sub(r"\([^()]*\)", " ", between)
        if len(between) > 120:
            return False
        # The courtesy words right before the name are the name's ("…, Food Security and Nutrition at
        # AUDA-NEPAD, Dr Kwame X"): the comma that sets the name off is before them.
        kept = between.rstrip(" ").split(" ")
        while kept and kept[-1].lower().rstrip(".") in self.t["apposed"] and kept[-1][:1].isupper():
            kept.pop()
        if (
            " ".join(kept).rstrip(" ").endswith(",")
            and len(between.split()) <= 12
            and not self.t["verbs"].search(between)
            and not self.t["pronoun_or_role"].search(between)
            and re.match(r"[^,.;:]*[,)]", rest)
            and len(between) <= 100
        ):
            return True
        if len(between) > 80:
            return False
        apposed = self.t["apposed"]
        tokens = between.replace(",", " ").split()
        for n, w in enumerate(tokens):
            if w[:1].isupper() or not w[:1].isalpha():
                continue
            low = w.lower().rstrip(".")
            if low in apposed:
                continue
            if (
                low in self.t["joiners"]
                and 0 < n < len(tokens) - 1
                and tokens[n - 1][:1].isupper()
                and tokens[n + 1][:1].isupper()
            ):
                continue  # "Minister for Disaster Recovery and Resilience Declan Furlong": a portfolio's "and"
            head, _, rest = low.partition("’")
            if rest and (head + "’" in apposed or rest in apposed):
                continue
            return False  # a small word that is no article, link or honorific: a verb between them
        return True

    def who(self, text: str, start: int, end: int, para: int, *, subject_of: int | None = None) -> str | None:
        """The person a window speaks of: a name, a pronoun or a role phrase."""
        if subject_of is not None:
            # Before a verb of saying: its subject is the person named last before it.
            hits = self.people.find(text, start, subject_of, self.word)
            if hits:
                return hits[-1][1]
            # … or the role or pronoun written last before it ("Welcoming the Minister, the Executive Secretary
            # said:": the Executive Secretary).
            starts = [m.start() for m in self.t["pronoun_or_role"].finditer(text, start, subject_of)]
            if starts:
                start = starts[-1]
        found = self.mention(text, start, end, para)
        if found is None:
            return None
        kind, value = found
        if kind == "pronoun":
            return self.antecedent(para, start)
        if kind == "role" and value is None:
            hits = self.people.find(text, start, end, self.word)
            return hits[0][1] if hits else None
        return value

    def by_role(self, phrase: str, para: int, pos: int, country: str | None = None) -> str | None:
        return _resolve_role(phrase, self, para, pos, country)

    def leader_before(self, para: int, pos: int) -> str | None:
        """The person the text says leads a body ("Conduite par S.E. M. X, la Mission …", "La Misión, encabezada
        por la excanciller X, …") last before ``pos`` of paragraph ``para``, else ``None``."""
        if self._leaders is None:
            self._leaders = []
            pattern = self.t["led_by"]
            for i, text in enumerate(self.norms):
                for m in pattern.finditer(text) if pattern is not None else ():
                    hits = self.people.find(text, m.end(), min(len(text), m.end() + _LEADER_REACH), self.word)
                    if hits:
                        self._leaders.append((i, m.start(), hits[0][1]))
        earlier = [name for i, at, name in self._leaders if (i, at) < (para, pos)]
        return earlier[-1] if earlier else None

    # --- the subject of the clauses before a point -------------------------------------------------

    def segments_before(self, para: int, pos: int) -> Iterator[tuple[int, int, int]]:
        """(paragraph, start, end) of each sentence before ``pos``, the nearest first; the first is cut at ``pos``."""
        given = 0
        for i in range(para, max(-1, para - _BACK - 1), -1):
            tx = self.text_of(i)
            end = pos if i == para else len(tx.text)
            while end > 0:
                start, _ = tx.sentence(max(0, end - 1))
                # A "sentence" longer than _SENTENCE_REACH (a page without sentence ends) is read in
                # pieces of that length, and no more than _SENTENCES_BACK of them: the cost per quotation
                # stays bounded whatever the page.
                start = max(min(start, end), end - _SENTENCE_REACH)
                yield i, start, end
                given += 1
                if start <= 0 or given >= _SENTENCES_BACK:
                    break
                end = start
            if given >= _SENTENCES_BACK:
                return

    def antecedent(self, para: int, pos: int) -> str | None:
        """The subject of the nearest clause before ``pos`` with a person as subject (``None``: unknown)."""
        for i, start, end in self.segments_before(para, pos):
            spoken = [
                k for k in self.by_paragraph.get(i, ()) if k < len(self.speakers) and start <= self.spans[k].open < end
            ]
            for k in reversed(spoken):
                if self.speakers[k] is not None:
                    return self.speakers[k]
            text = self.masked(i)
            relative = self._relative(text, start, end)
            if relative is not None:
                return relative
            found = self.mention(text, start, end, i)
            if found is not None:
                kind, value = found
                if kind == "pronoun":
                    continue  # the sentence's subject is an earlier one's
                if kind == "role" and value is None:
                    # A role no attendee holds ("the Coast General … Hospital"): the sentence's first name.
                    hits = self.people.find(text, start, end, self.word)
                    return hits[0][1] if hits else None
                return value
            verb = self.t["verbs"].search(text, start, end)
            if verb is not None and not spoken:
                if len(text[start : verb.start()].split()) <= _SUBJECTLESS_WORDS:
                    continue  # "Según explicó, …", "Añadió que …": a verb with no subject of its own goes on
                return None  # someone this release does not name speaks here
        return None

    def _relative(self, text: str, start: int, end: int) -> str | None:
        """The person a relative clause of ``text[start:end]`` is about ("…, Lucia Ferraro, who briefed him"), or ``None``.

        The last relative clause of the sentence is its nearest clause: the name right before its
        comma and pronoun is that clause's subject.
        """
        pattern = self.t["relative"]
        if pattern is None:
            return None
        last = None
        for m in pattern.finditer(text, start, end):
            last = m
        if last is None:
            return None
        hits = self.people.find(text, max(start, last.start() - 60), last.start(), self.word)
        if not hits:
            return None
        p, name = hits[-1]
        return name if "," not in text[p : last.start()] else None

    def subjects_before(self, para: int, pos: int) -> Iterator[str]:
        """The names that are the first person of each sentence before ``pos``, the nearest first."""
        for i, start, end in self.segments_before(para, pos):
            hits = self.people.find(self.masked(i), start, end, self.word)
            if hits:
                yield hits[0][1]

    # --- one quotation -----------------------------------------------------------------------------

    def turn_speaker(self, turn: Turn, para: int, pos: int) -> str | None:
        """The speaker a transcript turn's label names: its name, else the attendee of its role.

        An answer label ("R.–") names the interviewee: the release's first named person.
        """
        if turn.answer:
            return self.people.attendees[0].name if self.people.attendees else None
        if turn.name is not None:
            name = normalize(turn.name)
            hits = self.people.find(name, 0, len(name), self.word)
            if not hits and name.isupper():
                # "PRIME MINISTER RATUVOU:": the name in capitals is an attendee's name as the text writes it.
                # (Each part of a hyphenated surname too: "EKLUND-SJÖBERG" is "Eklund-Sjöberg".)
                written = " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in name.split())
                hits = self.people.find(written, 0, len(written), self.word)
                name = written
            words = name.split()
            while not hits and len(words) > 1 and words[0].endswith("."):
                # "ASEC. DIZON-REYES:", "Usec. Bautista:": an office's abbreviation before the surname.
                words = words[1:]
                rest = " ".join(words)
                hits = self.people.find(rest, 0, len(rest), self.word)
            return hits[0][1] if hits else turn.name
        if not turn.role:
            return None
        written = turn_role(turn.role, self.language)
        resolved = self.by_role(written, para, pos)
        if resolved is not None:
            return resolved
        role, _ = role_parts(written, self.language)
        return role if role in self.role_only else None

    def speaker(self, idx: int) -> tuple[str | None, bool, bool]:
        """(speaker, whether it was found by an attribution of its own, whether the words are speech)."""
        span = self.spans[idx]
        t = self.t
        para = self.text_of(span.paragraph)
        text = self.masked(span.paragraph)
        open_ = max(span.open, 0)
        s_start, _ = para.sentence(open_)
        close = min(span.close, len(text) - 1)
        _, s_end = para.sentence(close)
        # A sentence is read no further than _SENTENCE_REACH around its quotation: a page without
        # sentence ends would make reading each of its quotations' sentences quadratic.
        s_start, s_end = max(s_start, open_ - _SENTENCE_REACH), min(s_end, close + 1 + _SENTENCE_REACH)
        before = text[s_start:open_] if span.open >= 0 else ""
        after_start = span.close + 1
        after_end = s_end
        for mark in _OPENERS:
            cut = text.find(mark, after_start, after_end)
            if cut >= 0:
                after_end = cut
        stripped = before.rstrip(" \u00a0\u202f")
        words = len(self.norms[span.paragraph][span.start : span.end].split(None, 3))
        # "the exercise “…”" is a name; "said that the plan “is the largest …”" is speech.
        quoted = self.norms[span.paragraph][span.start : span.end]
        if (
            _not_speech(stripped[-60:], t)
            and not t["intro"].search(stripped[-3:])
            # (A capitalised name right after its noun is one even in reported words: "rappelle que le slogan
            # de sa campagne, « Ce soir, c'est toi BOB ? »".)
            and (words <= 3 or quoted[:1].isupper() or not self._reported(text, s_start, open_))
            # ("En su opinión, la modernización es « la prioridad número uno »": an attribution that opens the
            # sentence makes what it says speech.)
            and not self._attributed(text, s_start, open_)
        ):
            if words <= 3 or not quoted[:1].islower():
                # A name after its noun ("sous le thème « Innover ensemble »", "the “Foreign Fighters”
                # resolution"); not the words after a subject ("ce programme « illustre la capacité … »").
                self.names.add(idx)
            return None, True, False
        colon = stripped.endswith(":")
        window_end = min(after_end, after_start + 160)
        verb_after = t["verbs"].search(text, after_start, min(after_end, after_start + 60))
        if verb_after is not None and t["clause_joiner"].match(text, after_start) is not None:
            # "“…”, while Quispe noted that …": another clause opens after the quotation; its verb is its own.
            verb_after = None
            window_end = after_start
        # (A verb after a comma attributes the words; one after the name without a comma is the sentence's:
        # "El productor de “Marea alta en Tumaco” explicó que …".)
        if (
            verb_after is None or not text[after_start : verb_after.start()].lstrip(" \u00a0\u202f").startswith(",")
        ) and (self._titled(span, stripped)):
            self.names.add(idx)
            return None, True, False
        dash_after = text[after_start:window_end].lstrip(" ,").startswith(tuple(_DASHES))
        introduced = bool(verb_after or colon or t["intro"].search(stripped[-2:]))
        speaker: str | None = None
        if not colon and (verb_after is not None or dash_after):
            speaker = self.who(text, after_start, window_end, span.paragraph)
            if (
                speaker is None
                and verb_after is not None
                and self.mention(text, after_start, window_end, span.paragraph) is None
                and any(
                    w not in self.people.words
                    for w in _named_at_verb(text, after_start, verb_after.start(), verb_after.end(), window_end)
                )
            ):
                return None, True, True  # "”, Rautiainen said": a name the attendees do not hold is no one else's
            if speaker is None and self.mention(text, after_start, window_end, span.paragraph) is None:
                # "», ha añadido.": a verb without a subject speaks for the sentence's subject.
                speaker = self._before(text, s_start, open_, span.paragraph) or self.antecedent(span.paragraph, open_)
            if speaker is None and verb_after is not None:
                # "”, the spokesperson said", "», a indiqué le chef du centre": a speaker known only by role
                # that no attendee holds is named by that role; "”, he said" after someone this release does
                # not name has no speaker.
                return self._role_only(text, after_start, window_end, span.paragraph, verb_after), True, True
        if speaker is None:
            speaker = self._before(text, s_start, open_, span.paragraph)
            if speaker is not None and not introduced:
                introduced = True
        if speaker is None and not stripped and span.open <= 0 and span.paragraph > 0 and not span.continues:
            # "Jane Doe said:" closing the paragraph before.
            prev_text = self.masked(span.paragraph - 1).rstrip(" \u00a0\u202f")
            if prev_text.endswith(":"):
                tx = self.text_of(span.paragraph - 1)
                p_start, _ = tx.sentence(len(prev_text) - 1)
                speaker = self._before(prev_text, p_start, len(prev_text), span.paragraph - 1)
                introduced = True
        if speaker is None and not stripped.strip(_LEAD) and span.open > 0 and not span.continues:
            # "Mr. Singh-Persaud said Guyana's traffic had grown by a third. “…”": a quotation that opens its
            # sentence, right after a sentence that reports someone's words, is theirs.
            speaker = self._reported_before(text, s_start, span.paragraph)
            introduced = introduced or speaker is not None
        if speaker is None:
            speaker = self._aside(span)
        if speaker is None:
            speaker = self._signature(idx) or self._signed_after(span)
            introduced = introduced or speaker is not None
        if speaker is None and stripped.strip(_LEAD) and words > 3:
            # No attribution at all: the words of the sentence's subject
            # ("Admiral X opened the review by thanking them for their work in “…”").
            found = self.mention(text, s_start, open_, span.paragraph)
            if found is not None and found[0] != "pronoun":
                speaker = found[1]
        if speaker is not None and not introduced and words <= 3:
            # A word or two in quotation marks is no one's words unless a verb of saying introduces them.
            speaker = None
        if speaker is None and not introduced and words <= 3 and stripped.strip(_LEAD):
            # A word or two inside a sentence: a person's phrase when the sentence is about one ("Marie-Ève
            # Simard a salué « une énergie rare »": hers), else a term (300 "víctimas" simuladas: no quotation).
            found = self.mention(text, s_start, open_, span.paragraph)
            if found is None:
                # (Said of someone this release does not name as an attendee: "a évoqué « une énergie rare »".)
                if t["verbs"].search(stripped) is None:
                    self.names.add(idx)
                return None, True, False
            if found[0] == "pronoun":
                return self.antecedent(span.paragraph, open_), True, True
            return found[1], True, True
        # No speaker of its own: the caller may give it the previous speaker's.
        return speaker, speaker is not None, True

    def _role_only(self, text: str, start: int, end: int, para: int, verb: re.Match[str]) -> str | None:
        """The role phrase an attribution names ("the spokesperson", "le chef du centre", "the chair of the
        judging panel") as the paragraph writes it, without its article, when it is the first person the
        window names; ``None`` for a pronoun or a name. The phrase runs to the verb of saying after it, else
        to the next punctuation mark."""
        other = self.t["pronoun_or_role"].search(text, start, end)
        if other is None or other.group("pronoun") is not None:
            return None
        if self.people.find(text, start, other.start(), self.word):
            return None
        role_start = other.start("role") if other.group("role") is not None else other.start("bare")
        stop = verb.start() if verb.start() > role_start else end
        mark = _PHRASE_END.search(text, other.end(), stop)
        phrase_end = mark.start() if mark is not None else stop
        words = self.originals[para][role_start:phrase_end].strip(" ,.;:").split()
        # The role ends before a small word that links no complement to it ("el secretario de Estado ante
        # unas 3.000 personas"): "ante" is no role's link.
        cut = next((k for k, w in enumerate(words[1:], 1) if _cuts_role(w, self.t["language"])), len(words))
        phrase = " ".join(words[:cut])
        return phrase or None

    def _titled(self, span: QuoteSpan, before: str) -> bool:
        """Whether the quoted words are a title or a name set in the sentence ("a décerné le prix à « Les Eaux
        de Guédiawaye »", "el ejercicio “Pacífico Unido”"): a few capitalised words without punctuation, right
        after a word of the sentence (not after a colon, a comma or a verb of saying), no verb after them."""
        quoted = self.norms[span.paragraph][span.start : span.end]
        if not quoted[:1].isupper() or not before[-1:].isalpha() or self.t["verbs"].search(before[-_VERB_BEFORE:]):
            return False
        words = quoted.split()
        if before.rsplit(None, 1)[-1].lower() in self.t["title_articles"]:
            # After an article, a long name too: "ont adopté la « Déclaration de Bucarest pour une langue …»".
            return len(words) <= _DOCUMENT_TITLE_WORDS and not any(ch in quoted for ch in ".;:!?¿¡")
        return len(words) <= _TITLE_WORDS and not any(ch in quoted for ch in ".,;:!?¿¡")

    def _attributed(self, text: str, start: int, end: int) -> bool:
        """Whether an attribution phrase of the pack opens a clause of ``text[start:end]`` before a comma ("In
        her view, …", "Selon lui, …", "Según el canciller, …"): the sentence reports someone's words.  (Not
        "según el informe « … »": the phrase of a document's name, without a comma.)"""
        if start >= end:
            return False
        for pattern in (self.t["pronoun_attribution"], self.t["according_pronoun"], self.t["according"]):
            found = pattern.search(text, start, end) if pattern is not None else None
            if found is not None and "," in text[found.end() : end]:
                return True
        return False

    def _reported(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` reports speech: a verb of saying, then a complementizer ("said that")."""
        verb = self.t["verbs"].search(text, start, end)
        if verb is None:
            return False
        # "said that the plan “is …”", or without the complementizer a few words on ("said it was “…”").
        gap = text[verb.end() : end].split()
        return len(gap) <= _REPORTED_GAP or self.t["complementizer"].search(text, verb.end(), end) is not None

    def _before(self, text: str, start: int, end: int, para: int) -> str | None:
        at = None
        for key in ("according_pronoun", "pronoun_attribution"):
            pronoun = self.t[key]
            at = pronoun.search(text, start, end) if pronoun is not None and start < end else None
            if at is not None:
                break
        if at is not None:
            return self.antecedent(para, at.start())  # "Selon lui, « … »": the subject before it
        found = _before(text, start, end, self.t, self.who, para)
        according = self.t["according"].search(text, start, end) if found is None and start < end else None
        if according is not None:
            said = self.t["verbs"].search(text, according.end(), end)
            if said is not None and len(text[according.end() : said.start()].split()) <= _SUBJECTLESS_WORDS:
                # "Según ha señalado, «…»", "As she put it, …": a verb of saying with no subject after the
                # preposition speaks for the subject of the clause before.
                return self.antecedent(para, according.start())
        verb = self.t["verbs"].search(text, start, end) if found is None and start < end else None
        if (
            verb is not None
            and text[verb.end() : end].strip(" \u00a0\u202f") == ":"
            and self.mention(text, start, end, para) is None
        ):
            # "Et d’ajouter : « … »": a verb of saying without a subject is the previous clause's subject's.
            return self.antecedent(para, start)
        return found

    def _reported_before(self, text: str, s_start: int, para: int) -> str | None:
        """The person whose words the sentence right before ``s_start`` reports ("X said that …"), if any."""
        if s_start <= 0:
            return None
        p_start, _ = self.text_of(para).sentence(s_start - 1)
        if p_start >= s_start or any(ch in text[p_start:s_start] for ch in _OPENERS):
            return None  # (a sentence with a quotation of its own has its own speaker)
        verb = self.t["verbs"].search(text, p_start, s_start)
        if verb is None:
            if self.t["opening_according"].match(text, p_start, s_start) is not None:
                # "Pour le capitaine de frégate X, cette formation répond à un besoin concret. « … »": the
                # sentence before gives someone's view; the quotation opening the next goes on with it.
                return _before(text, p_start, s_start, self.t, self.who, para)
            return None
        hits = self.people.find(text, p_start, verb.start(), self.word)
        return hits[-1][1] if hits else None

    def _aside(self, span: QuoteSpan) -> str | None:
        """An attribution between dashes inside the quotation: "«Estamos listos —dijo el general X—, y …»"."""
        text = self.norms[span.paragraph]
        for pos in range(span.start, span.end):
            if text[pos] in _DASHES:
                window_end = min(span.end, pos + 80)
                m = self.t["verbs"].match(text, pos + 1) or self.t["verbs"].match(text, pos + 2)
                if m is None:
                    continue
                close = next((k for k in range(m.end(), window_end) if text[k] in _DASHES), -1)
                if close < 0:
                    continue
                return self.who(text, m.end(), close, span.paragraph)
        return None

    def _signed_after(self, span: QuoteSpan) -> str | None:
        """The rest of the paragraph after the quotation only names a person: "” The Honourable Jane Doe, Minister of X"."""
        text = self.norms[span.paragraph]
        start = span.close + 1
        rest = text[start:].strip(" .")
        if (
            not rest
            or len(rest.split()) > 16
            or any(m in rest for m in _OPENERS + "”»")
            or self.t["verbs"].search(rest)
        ):
            return None
        hits = self.people.find(text, start, min(len(text), start + 60), self.word)
        return hits[0][1] if hits and hits[0][0] - start <= 30 else None

    def _signature(self, idx: int) -> str | None:
        """A paragraph that is only the quotation, then a short line naming a person: "– The Hon. Jane Doe, Minister"."""
        span = last = self.spans[idx]
        k = idx
        while k + 1 < len(self.spans) and self.spans[k + 1].continues:
            k += 1
            last = self.spans[k]
        text = self.norms[last.paragraph]
        if text[last.close + 1 :].strip(" .") or last.close >= len(text) or last.paragraph + 1 >= len(self.norms):
            return None
        if text[: max(span.open, 0)].strip():
            return None
        line = self.norms[last.paragraph + 1]
        body = line.lstrip(" " + _DASHES + "-")
        lead = len(line) - len(body)
        if len(body.split()) > 16 or any(m in body for m in _OPENERS + "”»") or self.t["verbs"].search(body):
            return None
        hits = self.people.find(line, lead, min(len(line), lead + 60), self.word)
        if hits and hits[0][0] - lead <= 40 and "." not in line[lead : hits[0][0]].replace(". ", "").strip(".")[-1:]:
            return hits[0][1]
        return None


_PHRASE_END = re.compile(r"[,.;:!?()«»“”\"]")  # where a role phrase after a quotation ends at the latest


def title_quote_is_speech(title: str, span: QuoteSpan, language: str) -> bool:
    """Whether the quotation ``span`` of a headline is speech, not a name or a term: ``Libya: “The window is
    narrowing”`` and ``Pope says “peace is possible”`` are; ``finalizó el ejercicio combinado “Solidaridad
    Austral 2025”``, ``sous le thème « … »`` and ``warns of “fake” medicines`` are not."""
    t = _tables(language)
    quoted = normalize(title[span.start : span.end])
    before = normalize(title[: max(span.open, 0)]).rstrip(" \u00a0\u202f")
    if not before or before.endswith((":", *_DASHES, "-")):
        return True
    if t["verbs"].search(before[-_VERB_BEFORE:]) is not None:
        return True
    if _not_speech(before[-60:], t) or len(quoted.split(None, 3)) <= 3:
        return False
    titled = quoted[:1].isupper() and len(quoted.split()) <= _TITLE_WORDS and not any(ch in quoted for ch in ".,;:!?¿¡")
    return not (titled and before[-1:].isalpha())


_TITLE_WORDS = 6  # words: a film's, a plan's or an exercise's name in quotation marks is short
_DOCUMENT_TITLE_WORDS = 20  # words: a declaration's, a charter's or a report's name after an article
_VERB_BEFORE = 24  # characters before a quotation where a verb of saying introduces it ("said “We are ready”")


def attribute_speakers(
    paragraphs: Sequence[str],
    spans: Sequence[QuoteSpan],
    attendees: Sequence[Attendee],
    language: str,
    body: Analysis | None = None,
) -> list[str | None]:
    """The speaker of each quotation in ``spans`` (an attendee name or ``None``).

    ``body`` is the release's :class:`~.analysis.Analysis` of ``paragraphs``, when the caller
    has one to share.
    """
    return attribute_quotes(paragraphs, spans, attendees, language, body)[0]


def attribute_quotes(
    paragraphs: Sequence[str],
    spans: Sequence[QuoteSpan],
    attendees: Sequence[Attendee],
    language: str,
    body: Analysis | None = None,
    home: str | None = None,
) -> tuple[list[str | None], list[bool]]:
    """The speaker of each quotation in ``spans`` (as :func:`attribute_speakers`) and whether it is one:
    ``False`` for a title, a name or a term in quotation marks (``the “Foreign Fighters” resolution``,
    ``el ejercicio “Pacífico Unido”``, ``300 “víctimas” simuladas``), no quotation at all."""
    if not spans:
        return [], []
    norms = body.norms if body is not None else [normalize(p) for p in paragraphs]
    state = _Attribution(norms, spans, attendees, language, paragraphs, home)
    speakers = state.speakers
    spoken: list[bool] = []
    prev_speaker: str | None = None  # the previous quotation's, when it was speech
    group: list[int] = []  # the parts so far of the quotation running over paragraphs
    group_found = False
    for idx, span in enumerate(spans):
        if span.turn is not None:
            speaker, found, speech = state.turn_speaker(span.turn, span.paragraph, span.start), True, True
        else:
            speaker, found, speech = state.speaker(idx)
        if span.continues and group:
            if not found:
                speaker = speakers[group[0]]
            elif found and not group_found and speaker is not None:
                # The attribution came at the end: it speaks for every part.
                for k in group:
                    speakers[k] = speaker
            elif found and group_found:
                speaker = speakers[group[0]]
            group.append(idx)
            group_found = group_found or found
        else:
            group, group_found = [idx], found
        if not found and speech and speaker is None and not span.continues:
            prev = spans[idx - 1] if idx else None
            text = state.text_of(span.paragraph)
            s_start, _ = text.sentence(max(span.open, 0))
            before = state.masked(span.paragraph)[s_start : max(span.open, 0)].strip(" \u00a0\u202f")
            same_sentence = prev is not None and prev.paragraph == span.paragraph and prev.close >= s_start
            if same_sentence or (not before and prev is not None):
                # A second quotation of the sentence, or a paragraph opening
                # with a quotation, continues the previous speaker's words.
                speaker = prev_speaker
            if speaker is None and not before:
                # A quotation opening its sentence with no attribution at all, after sentences about
                # someone ("Ms X said the system was moving …" ¶ "“All of our guidance agrees …”"): the
                # subject of the nearest clause before it that has a person as subject.
                speaker = state.antecedent(span.paragraph, max(span.open, 0))
        speakers.append(speaker)
        # (The parts of a quotation over paragraphs are one quotation when its first part is.)
        spoken.append(spoken[group[0]] if span.continues and len(group) > 1 else idx not in state.names)
        prev_speaker = speaker if speech else None
    return [state.people.canonical.get(s, s) if s is not None else None for s in speakers], spoken


def _named_at_verb(text: str, start: int, verb_start: int, verb_end: int, end: int) -> list[str]:
    """The capitalised words right before and right after the verb of saying after a quotation.

    ("”, Rautiainen said", "», dijo Rautiainen"): the verb has a subject of its own, named.  (A
    attendee's name, "Dr Mokoena said" where two share it, names one of them: the caller keeps those.)
    """
    before = text[start:verb_start].rstrip(" ,\u00a0\u202f").rsplit(None, 1)
    after = text[verb_end:end].lstrip(" \u00a0\u202f").split(None, 1)
    words = [w.strip(".,;:") for w in (before[-1:] + after[:1])]
    return [w for w in words if len(w) > 1 and w[0].isupper()]


@cache
def _role_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's stop words, and the words that may join a role to its complement ("de", "of", "du")."""
    people = pack(language).people
    # (Not the location links: "le chef de l’État à l’issue de l’entretien" ends before "à".)
    links = {w.lower() for phrase in (*people.role_links, *people.country_links) for w in phrase.split()}
    links |= {w.lower() for w in people.role_articles}
    stop = {w.lower() for w in pack(language).language.stopwords}
    stop |= {w.lower() for w in people.location_links if " " not in w}
    return frozenset(stop), frozenset(links)


def _cuts_role(word: str, language: str) -> bool:
    """Whether ``word`` is a small word that ends a role phrase (a stop word that links no complement)."""
    stop, links = _role_words(language)
    low = word.lower().rstrip(",.;:")
    return low in stop and low not in links and not low.endswith("’")


def _not_speech(window: str, t: dict[str, Any]) -> bool:
    """Whether ``window`` ends with a not-speech word ("sous le thème"), then only spaces and commas, that no
    personal pronoun says ("which she called “…”": her words, not a name).

    Same answer as ``t["not_speech"].search(window)``, by looking up the
    suffixes of each possible length instead of trying the regex everywhere.
    """
    start = _not_speech_start(window, t)
    if start is None:
        return False
    before = window[:start].split()
    return not (before and before[-1].lower() in t["subject_pronouns"])


def _not_speech_start(window: str, t: dict[str, Any]) -> int | None:
    """Where the not-speech word that ends ``window`` starts, else ``None``."""
    end = len(window)
    while end and (window[end - 1] == "," or window[end - 1].isspace()):
        end -= 1
    ends = t["not_speech_ends"]
    if ends is not None and window[max(0, end - 3) : end] not in ends:
        return None  # no form ends with these letters
    forms = t["not_speech_forms"]
    lengths: tuple[int, ...] = t["not_speech_lengths"]
    for n in lengths:
        start = end - n
        if start < 0:
            break
        if window[start:end] in forms:
            before = window[start - 1] if start else " "
            if not (before.isalnum() or before == "_"):
                return start
    return None


_LEADER_REACH = 80  # characters after "led by" where the leader's name stands ("la excanciller de Costa Rica X")
_COUNTRY_REACH = 40  # characters after a role phrase where its country may stand ("of Cabo Verde")
_HYPHENATED = re.compile(r"(?:-[^\W\d_]+)+")  # the rest of a hyphenated compound ("-in-Office")
_SUBJECTLESS_WORDS = 1  # words before a verb of saying that leave it no subject ("Según explicó")
_REPORTED_GAP = 4  # words between a verb of saying and a quotation it reports without "that"


def _before(text: str, start: int, end: int, t: dict[str, Any], who: Any, para: int) -> str | None:
    """The speaker named in the words before a quotation, in its own sentence.

    Only the last :data:`_SENTENCE_REACH` characters are read: a "sentence" longer than that is a
    page without sentence ends, and reading all of it for each of its quotations is quadratic.
    """
    start = max(start, end - _SENTENCE_REACH)
    if start >= end:
        return None
    according = t["according"].search(text, start, end)
    if according:
        return who(text, according.end(), end, para)  # type: ignore[no-any-return]
    opening = t["opening_according"].match(text, start, end)
    if opening and "," in text[opening.end() : end]:
        # The person right after it, before the comma that ends the phrase ("Pour la doctorante Léa Bouchard,"),
        # or set off by commas after a role ("Pour la ministre ivoirienne, Mariam Koné Traoré, la …").
        cut = text.index(",", opening.end(), end)
        after = text.find(",", cut + 1, end)
        apposed = who(text, cut + 1, after, para) if after > 0 and after - cut <= _APPOSED_NAME else None
        first = who(text, opening.end(), cut, para)
        # A name right after it ("Pour Mohamed Alaoui, président de …,") is the speaker, its apposition his
        # role; a role right after it ("Pour la ministre ivoirienne, X,") is the apposed name's.
        named = (first or apposed) if text[opening.end() : cut].strip()[:1].isupper() else (apposed or first)
        if named is not None:
            return named  # type: ignore[no-any-return]
    verbs = list(t["verbs"].finditer(text, start, end))
    if verbs:
        return who(text, start, end, para, subject_of=verbs[-1].start())  # type: ignore[no-any-return]
    if t["intro"].search(text[max(start, end - 6) : end].rstrip()):
        return who(text, start, end, para)  # type: ignore[no-any-return]
    return None


def _named_before(state: _Attribution, names: set[str], para: int, pos: int) -> set[str]:
    """Those of ``names`` the text names before ``pos`` of paragraph ``para``."""
    seen: set[str] = set()
    for i in range(para + 1):
        text = state.norms[i]
        for _, name in state.people.find(text, 0, pos if i == para else len(text), state.word):
            if name in names:
                seen.add(name)
                if len(seen) == len(names):
                    return seen
    return seen


def _equivalent_holders(role: str, state: _Attribution) -> list[str]:
    """The named attendees holding an office the pack says is ``role``'s (``people.role_equivalents``).

    ``role`` is in small letters; an attendee's role matches a member of the group as a whole or as the
    head of a longer role ("embajador en México" for "embajador").
    """
    group = state.t["equivalents"].get(normalize(role))
    if group is None:
        return []
    found: list[str] = []
    for a in state.people.attendees:
        held = normalize(a.role or "").lower()
        if a.name is not None and held and any(held == m or held.startswith(m + " ") for m in group):
            found.append(a.name)
    return found


def _unnamed_before(head: str, state: _Attribution, para: int, pos: int) -> str | None:
    """The role phrase, as written, of the role head ``head`` (in small letters) before ``pos`` with no person's
    name beside it ("le porte-parole de la Composante Marine, …"): the text has spoken of someone it knows only
    by that role; ``None`` when it has not."""
    pattern = re.compile(rf"(?<!\w){re.escape(head)}(?!\w)")
    for i in range(max(0, para - _BACK), para + 1):
        text = state.norms[i]
        end = pos if i == para else len(text)
        for m in pattern.finditer(text.lower() if len(text.lower()) == len(text) else text, 0, end):
            if i == para and m.end() >= pos - 1:
                continue
            if state.t["article_before"].search(text, max(0, m.start() - 8), m.start()) is None:
                continue  # not a noun phrase of its own: "su cuerpo técnico", "el nuevo director técnico"
            stop = _PHRASE_END.search(text, m.end(), min(end, m.end() + _ROLE_PHRASE_REACH))
            phrase_end = stop.start() if stop is not None else min(end, m.end() + _ROLE_PHRASE_REACH)
            if state.people.find(text, m.end(), phrase_end + 1, state.word):
                continue  # "le porte-parole X", "le porte-parole du ministère, X": a named one
            if stop is not None and text[stop.start()] == ",":
                # (The name after the role's long portfolio: "le commissaire aux Affaires politiques, à la Paix
                # et à la Sécurité de la Commission de l'UA, M. X".)
                reach = min(end, stop.end() + _PORTFOLIO_REACH)
                full_stop = _FULL_STOP.search(text, stop.end(), reach)  # (not "M. ", "Dr. ": courtesy words)
                if state.people.find(text, stop.end(), full_stop.start() if full_stop else reach, state.word):
                    continue
            before = text[max(0, m.start() - _APPOSED_REACH) : m.start()]
            hits = state.people.find(before, 0, len(before), state.word)
            if (
                hits
                and len(before) - hits[-1][0] - len(hits[-1][1]) <= _APPOSED_REACH // 2
                and "," in before[hits[-1][0] :]
            ):
                continue  # "Ignazio Cassis, conseiller fédéral, …": the role of the name before it
            verb = state.t["verbs"].search(text, m.end(), phrase_end)
            if verb is not None:
                phrase_end = verb.start()  # "A spokesperson for the airline said …": the role ends at its verb
            words = state.originals[i][m.start() : phrase_end].strip(" ,.;:").split()
            cut = next((k for k, w in enumerate(words[1:], 1) if _cuts_role(w, state.language)), len(words))
            return " ".join(words[:cut])
    return None


_ROLE_PHRASE_REACH = 80  # characters: a role's complement ("de la Composante Marine") before its punctuation
_FULL_STOP = re.compile(r"[^\W\d_]{4,}[.!?] ")  # a sentence's end after a word of four letters or more
_PORTFOLIO_REACH = 160  # characters after a role's first comma where its holder's name may still come
_APPOSED_REACH = 60  # characters before a role where the name it is apposed to may end ("X, le conseiller …")


def _resolve_role(phrase: str, state: _Attribution, para: int, pos: int, country: str | None = None) -> str | None:
    """The attendee a role noun phrase ("le ministre de la Défense") stands for, or ``None``.

    Candidates are the named attendees whose role or rank matches the phrase
    (its longest leading part that matches anyone; an exact match before a
    longer role); the one most recently a sentence's subject wins, then the one
    mentioned most recently before the quotation.  An epithet of the pack
    (``people.epithets``: "la titular de Cultura", "el mandatario") stands for any
    attendee with a role, whose role ends with the epithet's complement if it has
    one.  A nationality adjective after the phrase (``country``) keeps the
    candidates of that country, when there are any (an epithet needs one); with no candidate, the one
    attendee of that country whose role the text does not give is the speaker.
    """
    role, organization = role_parts(phrase, state.language)
    if country is None and (role.lower().split() or [""])[-1] not in state.t["epithets"]:
        # "the Moroccan minister said", "the President of Kenya" (not an epithet's: "the Liberian leader" may be
        # the attendee the text gave no country).
        country = from_role(phrase, state.language)[2]
    if (
        organization
        and " " not in organization
        and not organization.isupper()
        and (
            not any(a.organization == organization for a in state.people.attendees)
            # ("el titular del Minsa" is its head, whoever else the Minsa employs.)
            or (role.lower().split() or [""])[0] in state.t["epithets"]
        )
    ):
        # "le président de la Chambre", "the Bank's Governor": a common noun for the attendee's body,
        # not another organisation's name (unless an attendee's: "le premier ministre du Québec").
        organization = None
    words = role.lower().split()
    people = state.people
    candidates: list[str] = []
    if words and words[0] in state.t["epithets"]:
        tail = " " + " ".join(words[1:]) if len(words) > 1 else ""
        holders = [a for a in people.attendees if a.name is not None and (a.role or a.rank)]
        candidates = _equivalent_holders(" ".join(words), state) or [
            a.name for a in holders if a.name is not None and (a.role or "").lower().endswith(tail)
        ]
        if not candidates and tail:
            # "la titular del instituto" when the role is "directora ejecutiva" (of the INAMHI): the
            # complement names the office's body in other words; any holder, the most recent subject first.
            candidates = [a.name for a in holders if a.name is not None]
        words = []
    # The attendees of the nationality written with the role ("El diputado costarricense"), if any.
    nationals = {a.name for a in people.attendees if country is not None and a.country == country}
    for n in range(len(words), 0, -1):
        p = " ".join(words[:n])
        exact: list[str] = []
        headed: list[str] = []
        for a in people.attendees:
            if organization and a.organization and a.organization != organization:
                continue
            r = (a.role or "").lower()
            rank = (a.rank or "").lower()
            assert a.name is not None
            if r == p or rank == p:
                exact.append(a.name)
            elif (r and (r.startswith(p + " ") or p.startswith(r + " "))) or (rank and rank.startswith(p + " ")):
                candidates.append(a.name)
            elif n == len(words) and r.endswith(" " + p):
                # The whole phrase is the role's head after its modifiers ("the Ombudsman" for the
                # "Parliamentary Ombudsman"): when no role opens with it ("Governor" is not the "Deputy
                # Governor" when the Governor is there).
                headed.append(a.name)
        if not exact and not candidates:
            candidates = headed
        if len(exact) + len(candidates) > 1 and not nationals & {*exact, *candidates}:
            # A role noun points back: someone the text names only after the quotation ("… dijo el
            # Secretario General" ¶ "… del ex Secretario General X") is not who it means.  (Not when its
            # nationality says who: "El diputado costarricense X, …" names X right after the role.)
            named = _named_before(state, {*exact, *candidates}, para, pos)
            if named:
                exact = [c for c in exact if c in named]
                candidates = [c for c in candidates if c in named]
        if exact and not (nationals and not nationals & set(exact) and nationals & set(candidates)):
            # (Not when the nationality after the role says another: "El comandante colombiano" is the
            # "comandante general" of that country, not the "comandante" of no country given.)
            candidates = exact
        if candidates:
            break
    if organization and not candidates:
        # "a déclaré le chef du HCR": the one attendee holding the organisation's own title (its offices'
        # titles in organizations.toml: "Haut-Commissaire des Nations Unies pour les réfugiés"), whatever
        # the role words; not its representative in the country, who is only one of its people.
        display = organization_name(organization, state.language) or organization
        titled = {
            a.name
            for a in people.attendees
            if a.name is not None and a.role and organization_of_title(a.role, state.language) == display
        }
        if len(titled) == 1:
            return next(iter(titled))
    if organization and len(candidates) > 1:
        # "le président de l’ISRO": the président of the ISRO before one whose organisation is not known.
        # (By its name or its acronym: "el titular del JNE" of the Jurado Nacional de Elecciones (JNE).)
        of_org = {a.name for a in people.attendees if a.organization == organization or organization in a.aliases}
        candidates = [c for c in candidates if c in of_org] or candidates
    if country is not None:
        of_country = {a.name for a in people.attendees if a.country == country}
        kept = [c for c in candidates if c in of_country]
        if kept or not words:
            candidates = kept
        if not candidates:
            # "la canciller panameña" when the text gave her no role ("su homóloga de Panamá, X"): the one
            # attendee of that country whose role the text does not give.
            roleless = [a.name for a in people.attendees if a.country == country and not a.role and not a.rank]
            if len(roleless) == 1:
                return roleless[0]
            # "le responsable grec a exprimé …": the one attendee of that country, whatever the text called him.
            countrymen = [a.name for a in people.attendees if a.country == country and a.name is not None]
            if not roleless and len(countrymen) == 1:
                return countrymen[0]
    if not candidates:
        # "a déclaré le chef de l’État" when the text gave him as "président de la République".
        candidates = next(
            (found for n in range(len(words), 0, -1) if (found := _equivalent_holders(" ".join(words[:n]), state))), []
        )
        if country is not None:
            candidates = [c for c in candidates if c in {a.name for a in people.attendees if a.country == country}]
    if (
        not candidates
        and country is None
        and words
        and words[0] in state.t["head_words"]
        and not organization
        and not any(w in state.t["links"] for w in words[1:])  # "le préfet du Var": an office of its own
    ):
        # "…», a déclaré le conseiller fédéral", "…”, dijo el técnico": in a language that writes roles in
        # small letters, a role no attendee holds as written is the person the sentences before were about,
        # the nearest subject (English capitalises an office's title: "said the Minister" is read by role);
        # not a role the text already gave someone it does not name ("Selon le porte-parole de la Composante
        # Marine, …" ¶ "…», a précisé le porte-parole": that spokesperson, known by role).
        if _unnamed_before(words[0], state, para, pos) is not None:
            return None
        return next(iter(state.subjects_before(para, pos)), None)
    if not candidates and words and words[0] in state.t["leader_heads"]:
        # "…», a déclaré le Chef de la Mission" after "Conduite par M. X, la Mission …": whoever the text says
        # leads it.
        return state.leader_before(para, pos)
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if country is None and state.home is not None and words:  # (not an epithet: "la funcionaria" is the last subject)
        # "… ha afirmado el ministro" on the Spanish ministry's page, with ministers of nine states there: the
        # publisher's own.
        own = [c for c in candidates if any(a.name == c and a.country == state.home for a in people.attendees)]
        if len(own) == 1:
            return own[0]
    wanted = set(candidates)
    for name in state.subjects_before(para, pos):
        if name in wanted:
            return name
    # Most recent mention first: read back from the quotation, paragraph by paragraph.
    for i in range(para, -1, -1):
        text = state.norms[i]
        hits = people.find(text, 0, pos if i == para else len(text), state.word)
        for _, name in reversed(hits):
            if name in wanted:
                return name
    return candidates[0]
