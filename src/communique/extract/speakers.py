"""Who said a quotation: attribution in the same sentence, pronouns, roles and acronyms.

For each quotation, the sentence it stands in is the unit of attribution
(a sentence ends at ``.``, ``!``, ``?`` or ``…`` — also inside a closing
quotation mark — before a capital, unless the dot ends an abbreviation such
as "M." or "Gen."); a later sentence never speaks for an earlier quotation.
In order of preference:

1. a title or theme noun right before it ("sous le thème « … »", "the
   conference “…”", "l’exercice « … »"): not speech, no speaker;
2. introduced by a colon ("M. Dupont a déclaré : « … »"): the subject of the
   words before the colon;
3. right after it, in the same sentence, an attribution verb and a person
   ("», a conclu le général Shepro", "”, said Admiral Bauer", "”, he added");
4. before it, in the same sentence, a verb of saying, ``selon`` /
   ``according to``, ``que`` / ``that``: the person named just before the
   last such verb (its subject), else the one named after it ("selon le
   général X, « … »");
5. a second quotation of the same sentence ("…, et que « … »") or a
   paragraph opening with a quotation keeps the previous speaker.

A person is recognised by full name, surname (when only one attendee has it)
and alias ("DCMC"); a pronoun ("Il", "She") is the person named last before
the quotation.  A role given instead of a name ("the Prime Minister said",
"a ajouté le secrétaire général", "selon le ministre de la Défense") is the
attendee whose role or rank matches it, the most recently mentioned first;
if no attendee matches, there is no speaker.  Speakers are always attendee
names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..locale import pack
from ..model import Attendee
from ._data import _trie_regex, alternation, matches_at, normalize, phrase_pattern, upper_class
from .analysis import Analysis
from .quotes import QuoteSpan
from .roles import role_parts
from .vocab import person_titles

__all__ = ["attribute_speakers"]

_LEAD = " \u00a0\u202f,;:–—-"
_OPENERS = '«“„"'


@cache
def _tables(language: str) -> dict[str, Any]:
    lp = pack(language)
    quotes = lp.quotes
    people = lp.people
    upper = upper_class()
    articles = _trie_regex((a for w in people.role_articles for a in (w, w.capitalize())), after_first=r"(?<![\w’].)")
    roles = phrase_pattern([*person_titles(language), *people.role_heads, *people.ranks])
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
    return {
        "not_speech_forms": frozenset(forms),
        "not_speech_lengths": tuple(sorted({len(w) for w in forms})),
        # The last three letters of every form (when none is shorter): most windows end with none of them.
        "not_speech_ends": frozenset(w[-3:] for w in forms) if all(len(w) >= 3 for w in forms) else None,
        "verbs": re.compile(phrase_pattern(quotes.verbs)),
        "according": re.compile(phrase_pattern(quotes.according)),
        "not_speech": re.compile(r"(?:" + phrase_pattern(quotes.not_speech) + r")[\s,]*$"),
        "pronouns": frozenset(normalize(p).lower() for p in people.pronouns),
        "pronoun": re.compile(phrase_pattern(people.pronouns) + rf"|{inverted}\b"),
        "intro": re.compile(rf"(?:[:,]|\b{complementizers})\s*$"),
        "ends": re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[»”\"])?(?=\s+[«“\"¿¡" + upper + r"]|\s*$)"),
        "abbreviations": frozenset(quotes.abbreviations) | {h.rstrip(".") for h in people.honorifics},
        "word": re.compile(rf"[{upper}](?<![\w’'\-].)[\w’'\-]*"),
        "role": re.compile(rf"(?:{articles})[ \u00a0]?(?P<role>{roles}){complement}{{0,4}}"),
        # Whichever comes first of a pronoun and a role phrase, the pronoun when both start at one
        # place (the order in which who() prefers them): one scan of a window instead of two.
        "pronoun_or_role": re.compile(
            rf"(?P<pronoun>{phrase_pattern(people.pronouns)}|{inverted}\b)"
            rf"|(?:{articles})[ \u00a0]?(?P<role>{roles}){complement}{{0,4}}"
        ),
        "quote_marks": _OPENERS,
    }


class _People:
    """The attendees as a speaker lookup: capitalised word → candidate (written form, name) pairs."""

    def __init__(self, attendees: Sequence[Attendee]) -> None:
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        self.attendees = [a for a in attendees if a.name is not None]
        surnames: dict[str, set[str]] = {}
        for a in self.attendees:
            assert a.name is not None
            self._add(normalize(a.name), a.name)
            for alias in a.aliases:
                self._add(normalize(alias), a.name)
            surnames.setdefault(normalize(a.name.split()[-1]), set()).add(a.name)
        # A surname two people share ("General Jean Dupont met Admiral Marie Dupont") names one
        # of them only with the rank or role written before it ("Admiral Dupont", "le général Dupont").
        self.shared: dict[str, list[tuple[str, str]]] = {}
        for surname, owners in surnames.items():
            if len(owners) == 1 and len(surname) > 2:
                self._add(surname, next(iter(owners)))
            elif len(owners) > 1:
                for a in self.attendees:
                    if a.name in owners:
                        for before in (a.rank, a.role):
                            if before:
                                self.shared.setdefault(surname, []).append((normalize(before).lower(), a.name or ""))
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
        for m in word.finditer(text, start, end):
            forms = self.by_first.get(m.group())
            p = m.start()
            if forms is None:
                shared = self.shared.get(m.group())
                if shared is not None and (p + len(m.group()) >= len(text) or not text[p + len(m.group())].isalnum()):
                    before = text[max(0, p - 60) : p].rstrip().lower()
                    owner = next((name for title, name in shared if before.endswith(title)), None)
                    if owner is not None:
                        hits.append((p, owner))
                continue
            for form, name in forms:
                if text.startswith(form, p) and (p + len(form) >= len(text) or not text[p + len(form)].isalnum()):
                    hits.append((p, name))
                    break
        return hits


class _Text:
    """One normalised paragraph and its sentence ends, computed once."""

    __slots__ = ("ends", "text")

    def __init__(self, text: str, t: dict[str, Any]) -> None:
        self.text = text
        self.ends: list[int] = []
        abbreviations = t["abbreviations"]
        for m in matches_at(t["ends"], text, ".!?…"):
            if m.group()[0] == ".":
                before = text[max(0, m.start() - 12) : m.start()]
                word = before[before.rfind(" ") + 1 :]
                if word in abbreviations or (len(word) == 1 and word.isupper()):
                    continue
            self.ends.append(m.end())


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
    if not spans:
        return []
    norms = body.norms if body is not None else [normalize(p) for p in paragraphs]
    t = _tables(language)
    people = _People(attendees)
    texts: dict[int, _Text] = {}
    speakers: list[str | None] = []
    last: str | None = None  # last speaker, for pronouns
    prev: QuoteSpan | None = None
    prev_speaker: str | None = None
    word = t["word"]

    def text_of(i: int) -> _Text:
        if i not in texts:
            texts[i] = _Text(norms[i], t)
        return texts[i]

    def last_named(para: int, pos: int) -> str | None:
        """The person named last before ``pos`` in paragraph ``para`` (for a pronoun)."""
        hits = people.find(text_of(para).text, 0, pos, word)
        return hits[-1][1] if hits else last

    def by_role(phrase: str, para: int, pos: int) -> str | None:
        return _resolve_role(phrase, people, norms, para, pos, word, language)

    def who(text: str, start: int, end: int, para: int, *, subject_of: int | None = None) -> str | None:
        """The person a window speaks of: a name, a pronoun or a role phrase."""
        hits = people.find(text, start, end, word)
        if subject_of is not None:
            # Before a verb of saying: its subject is the person named last before it.
            before = [h for h in hits if h[0] < subject_of]
            if before:
                return before[-1][1]
            hits = [h for h in hits if h[0] >= subject_of]
        # Only the first of the name, pronoun and role candidates is used.
        other = t["pronoun_or_role"].search(text, start, end)
        candidates: list[tuple[int, str, str]] = []
        if hits:
            candidates.append((hits[0][0], "name", hits[0][1]))
        if other is not None:
            if other.group("pronoun") is not None:
                candidates.append((other.start(), "pronoun", ""))
            else:
                candidates.append((other.start(), "role", text[other.start("role") : other.end()]))
        if not candidates:
            return None
        candidates.sort()
        _, kind, value = candidates[0]
        if kind == "name":
            return value
        if kind == "pronoun":
            return last_named(para, start) or last
        resolved = by_role(value, para, start)
        if resolved is None and hits:
            return hits[0][1]
        return resolved

    for span in spans:
        para = text_of(span.paragraph)
        text = para.text
        same_para = prev is not None and prev.paragraph == span.paragraph
        s_start = 0
        k = bisect_right(para.ends, span.open) - 1
        if k >= 0:
            s_start = para.ends[k]
        e = bisect_left(para.ends, span.close + 1)
        s_end = para.ends[e] if e < len(para.ends) else len(text)
        floor = max(s_start, prev.close + 1) if same_para and prev is not None else s_start
        same_sentence = same_para and prev is not None and prev.close >= s_start
        before = text[floor : span.open]
        after_start = span.close + 1
        after_end = s_end
        for mark in _OPENERS:
            cut = text.find(mark, after_start, after_end)
            if cut >= 0:
                after_end = cut
        speaker: str | None = None
        speech = True
        stripped = before.rstrip(" \u00a0\u202f")
        colon = stripped.endswith(":")
        verb_after = t["verbs"].search(text, after_start, min(after_end, after_start + 60))
        if _not_speech(stripped[-60:], t) and not t["intro"].search(stripped[-3:]):
            speech = False
        elif colon or verb_after is None:
            speaker = _before(text, floor, span.open, t, who, span.paragraph)
            if speaker is None and verb_after is not None:
                speaker = who(text, after_start, min(after_end, after_start + 160), span.paragraph)
            if speaker is None and (same_sentence or (not stripped and prev is not None)):
                # A second quotation of the sentence, or a paragraph opening
                # with a quotation, continues the previous speaker's words.
                speaker = prev_speaker
        else:
            speaker = who(text, after_start, min(after_end, after_start + 160), span.paragraph)
            if speaker is None:
                speaker = _before(text, floor, span.open, t, who, span.paragraph)
        introduced = verb_after is not None or t["intro"].search(stripped[-2:])
        if not introduced and len(text[span.start : span.end].split(None, 3)) <= 3:
            # A word or two in quotation marks ("open door") is a term, not
            # speech, unless a verb of saying follows it directly.  (At most
            # four words are split off: only "more than three?" matters.)
            speaker = None
        speakers.append(speaker)
        if speaker is not None:
            last = speaker
        prev, prev_speaker = span, (speaker if speech else None)
    return speakers


def _not_speech(window: str, t: dict[str, Any]) -> bool:
    """Whether ``window`` ends with a not-speech word ("sous le thème"), then only spaces and commas.

    Same answer as ``t["not_speech"].search(window)``, by looking up the
    suffixes of each possible length instead of trying the regex everywhere.
    """
    end = len(window)
    while end and (window[end - 1] == "," or window[end - 1].isspace()):
        end -= 1
    ends = t["not_speech_ends"]
    if ends is not None and window[max(0, end - 3) : end] not in ends:
        return False  # no form ends with these letters
    forms = t["not_speech_forms"]
    for n in t["not_speech_lengths"]:
        start = end - n
        if start < 0:
            break
        if window[start:end] in forms:
            before = window[start - 1] if start else " "
            if not (before.isalnum() or before == "_"):
                return True
    return False


def _before(text: str, start: int, end: int, t: dict[str, Any], who: Any, para: int) -> str | None:
    """The speaker named in the words before a quotation, in its own sentence."""
    if start >= end:
        return None
    according = t["according"].search(text, start, end)
    if according:
        return who(text, according.end(), end, para)  # type: ignore[no-any-return]
    verbs = list(t["verbs"].finditer(text, start, end))
    if verbs:
        return who(text, start, end, para, subject_of=verbs[-1].start())  # type: ignore[no-any-return]
    if t["intro"].search(text[max(start, end - 6) : end].rstrip()):
        return who(text, start, end, para)  # type: ignore[no-any-return]
    return None


def _resolve_role(
    phrase: str,
    people: _People,
    norms: Sequence[str],
    para: int,
    pos: int,
    word: re.Pattern[str],
    language: str,
) -> str | None:
    """The attendee a role noun phrase ("le ministre de la Défense") stands for, or ``None``.

    Candidates are the named attendees whose role or rank matches the phrase
    (its longest leading part that matches anyone); the one mentioned most
    recently before the quotation wins.
    """
    role, organization = role_parts(phrase, language)
    words = role.lower().split()
    candidates: list[str] = []
    for n in range(len(words), 0, -1):
        p = " ".join(words[:n])
        for a in people.attendees:
            if organization and a.organization and a.organization != organization:
                continue
            r = (a.role or "").lower()
            rank = (a.rank or "").lower()
            if (r and (r == p or r.startswith(p + " ") or p.startswith(r + " "))) or (
                rank and (rank == p or rank.startswith(p + " "))
            ):
                assert a.name is not None
                candidates.append(a.name)
        if candidates:
            break
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    # Most recent mention first: read back from the quotation, paragraph by paragraph.
    wanted = set(candidates)
    for i in range(para, -1, -1):
        text = norms[i]
        hits = people.find(text, 0, pos if i == para else len(text), word)
        for _, name in reversed(hits):
            if name in wanted:
                return name
    return candidates[0]
