"""Who said a quotation: attribution before or after it, pronouns and acronyms.

For each quotation, in order of preference:

1. right after it, an attribution verb and a person ("», a conclu le général
   Shepro", "”, said Admiral Bauer", "”, he added");
2. a title or theme word right before it ("le thème ... était « … »",
   "entitled “…”"): not speech, no speaker;
3. before it, in the same sentence, a person (or pronoun) introducing it with
   a verb, ``selon``/``according to``, a colon, ``que``/``that``: the first
   person named there ("le général Shepro a insisté ... et souligné que « … »");
4. a second quotation of the same sentence ("…, et que « … »") or a paragraph
   opening with a quotation keeps the previous speaker.

Persons are recognised by full name, surname and alias ("DCMC"); a pronoun
("Il", "She") is the last named speaker.  Speakers are always attendee names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..model import Attendee
from ._data import lang, normalize, phrase_pattern
from .quotes import QuoteSpan

__all__ = ["attribute_speakers"]

_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!Mrs)(?<!Mme)[.!?…](?=\s+[A-ZÀ-ÖØ-Þ«“\"]|\s*$)")
_LEAD = " \u00a0\u202f,;:–—-"


@cache
def _tables(language: str) -> dict[str, Any]:
    data = lang(language)
    quotes = data["quotes"]
    return {
        "verbs": re.compile(phrase_pattern([*quotes["verbs"], *quotes["according"]])),
        "not_speech": re.compile(r"(?:" + phrase_pattern(quotes["not_speech"]) + r")[\s:,]*$"),
        "pronoun": re.compile(phrase_pattern(data["people"]["pronouns"])),
        "intro": re.compile(r"(?:[:,]|\b(?:que|qu’|that))\s*$"),
    }


def _names(attendees: Sequence[Attendee]) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    surnames: dict[str, list[str]] = {}
    for a in attendees:
        if a.name is None:
            continue
        lookup[normalize(a.name)] = a.name
        for alias in a.aliases:
            lookup.setdefault(normalize(alias), a.name)
        surnames.setdefault(normalize(a.name.split()[-1]), []).append(a.name)
    for surname, owners in surnames.items():
        if len(owners) == 1 and len(surname) > 2:
            lookup.setdefault(surname, owners[0])
    return re.compile(phrase_pattern(lookup)), lookup


def attribute_speakers(
    paragraphs: Sequence[str], spans: Sequence[QuoteSpan], attendees: Sequence[Attendee], language: str
) -> list[str | None]:
    """The speaker of each quotation in ``spans`` (an attendee name or ``None``)."""
    t = _tables(language)
    names, lookup = _names(attendees)
    speakers: list[str | None] = []
    last: str | None = None  # last named speaker, for pronouns
    prev: QuoteSpan | None = None
    prev_speaker: str | None = None

    current_prefix = ""

    def person(text: str, *, first: bool = True) -> str | None:
        hits: list[tuple[int, str]] = [(m.start(), lookup[m.group()]) for m in names.finditer(text)]
        hits += [(m.start(), "") for m in t["pronoun"].finditer(text)]
        if not hits:
            return None
        _, who = min(hits) if first else max(hits)
        if who:
            return who
        # A pronoun: the person named most recently before this quotation.
        earlier = [lookup[m.group()] for m in names.finditer(current_prefix)]
        return earlier[-1] if earlier else last

    for span in spans:
        text = normalize(paragraphs[span.paragraph])
        current_prefix = text[: span.open]
        same_para = prev is not None and prev.paragraph == span.paragraph
        floor = prev.close + 1 if same_para and prev is not None else 0
        head = text[floor : span.open]
        ends = list(_SENTENCE_END.finditer(head))
        same_sentence = same_para and not ends
        before = head[ends[-1].end() :] if ends else head
        after_end = len(text)
        m_end = _SENTENCE_END.search(text, span.close + 1)
        if m_end:
            after_end = m_end.start()
        after = text[span.close + 1 : after_end].lstrip(_LEAD)
        # The after-context stops at the next quotation.
        for mark in '«“"':
            cut = after.find(mark)
            if cut >= 0:
                after = after[:cut]
        speaker: str | None = None
        speech = True
        window = after[:160]
        verb_after = t["verbs"].search(window)
        if verb_after and verb_after.start() < 60:
            speaker = person(window)
        if speaker is None:
            if t["not_speech"].search(before[-60:]) and not t["intro"].search(before[-3:].rstrip()):
                speech = False
            elif t["verbs"].search(before) or t["intro"].search(before):
                speaker = person(before)
                if speaker is None and same_sentence:
                    speaker = prev_speaker
            elif same_sentence:
                speaker = prev_speaker
            elif not before.strip() and prev_speaker is not None and prev is not None:
                # A paragraph (or sentence) that opens with a quotation
                # continues the previous speaker's words.
                speaker = prev_speaker
        introduced = (verb_after is not None and verb_after.start() < 60) or t["intro"].search(before.rstrip()[-2:])
        if len(text[span.start : span.end].split()) <= 3 and not introduced:
            # A word or two in quotation marks ("open door") is a term, not
            # speech, unless a verb of saying follows it directly.
            speaker = None
        speakers.append(speaker)
        if speaker is not None:
            last = speaker
        prev, prev_speaker = span, (speaker if speech else None)
    return speakers
