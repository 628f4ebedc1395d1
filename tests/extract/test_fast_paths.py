"""The fast paths of the extraction rules give exactly the answers of the plain regexes they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.extract._data import matches_at
from communique.extract.collectives import _SENTENCE
from communique.extract.speakers import _tables

_ALPHABET = st.sampled_from(list('ab AZÉ.!?…»”"«“\n\u00a0\u202fM'))
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_sentence_breaks_are_those_of_finditer(text: str) -> None:
    assert _spans(matches_at(_SENTENCE, text, ".!?")) == _spans(_SENTENCE.finditer(text))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_sentence_ends_of_the_speaker_rule_are_those_of_finditer(text: str) -> None:
    ends = _tables("fr")["ends"]
    assert _spans(matches_at(ends, text, ".!?…")) == _spans(ends.finditer(text))


def test_a_failed_try_at_a_mark_moves_on_to_the_next_mark() -> None:
    # "?!" before a small letter is no match at "?", but "!" is tried on its own.
    pattern = re.compile(r"[.!?]+(?= [A-Z])")
    text = "a?x b.. C d!! E"
    assert _spans(matches_at(pattern, text, ".!?")) == _spans(pattern.finditer(text)) == [(5, 7), (11, 13)]


_NOT_SPEECH_TEXTS = st.lists(
    st.sampled_from(
        ["thème", "Thème", "sous le thème", "rapport", "est", "a", "é", "_", " ", ",", "\n", "\u00a0", "x"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NOT_SPEECH_TEXTS)
def test_not_speech_suffix_lookup_agrees_with_its_regex(text: str) -> None:
    from communique.extract.speakers import _not_speech

    t = _tables("fr")
    window = text[-60:]
    assert _not_speech(window, t) == bool(t["not_speech"].search(window))


def _scan_by_regex(text: str, run_on: bool) -> list[tuple[int, int, int, int]]:
    """The quotation scan as it was written with two regexes (the reference for the str.find version)."""
    from communique.extract.quotes import _OPEN_TO_CLOSE, _can_close, _span

    marks = re.compile('[«»“”„‘’‹›"]')
    no_apostrophe = re.compile('[«»“”„‘‹›"]')
    spans = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    at = 0
    while True:
        m = (marks if stack and stack[-1][0] == "’" else no_apostrophe).search(text, at)
        if m is None:
            break
        ch, pos = m.group(), m.start()
        at = pos + 1
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < n else " "
        if ch in ("’", "‘"):
            if ch == "’":
                if stack and stack[-1][0] == "’" and not after.isalpha():
                    stack.pop()
                continue
            if before.isalnum():
                continue
        if stack and ch == stack[-1][0] and not (ch == '"' and not _can_close(before, after)):
            _, start = stack.pop()
            if not stack:
                spans.append(_span(text, 0, start, pos))
            continue
        if ch in _OPEN_TO_CLOSE and not (ch == '"' and before.isalnum()):
            if ch == "“" and stack and stack[-1][0] == "“":
                continue
            stack.append((_OPEN_TO_CLOSE[ch], pos))
            continue
        if ch in ("»", "”", "›") and stack:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    start = stack[depth][1]
                    del stack[depth:]
                    if not stack:
                        spans.append(_span(text, 0, start, pos))
                    break
    if stack and run_on:
        spans.append(_span(text, 0, stack[0][1], n))
    return [(s.start, s.end, s.open, s.close) for s in spans if s.end > s.start]


_QUOTE_TEXTS = st.lists(st.sampled_from(list('«»“”„‘’‹›" ab\u00a0l’x')), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_QUOTE_TEXTS, st.booleans())
def test_quotation_scan_agrees_with_the_regex_scan(text: str, run_on: bool) -> None:
    from communique.extract.quotes import _scan

    got = [(s.start, s.end, s.open, s.close) for s in _scan(text, 0, run_on)]
    assert got == _scan_by_regex(text, run_on)


_CASED = st.lists(st.sampled_from(list("ΣσAa ’'.\u00ad-é")), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CASED, min_size=1, max_size=4))
def test_a_paragraph_slice_of_the_lower_cased_whole_is_the_lower_cased_paragraph(paragraphs: list[str]) -> None:
    # find_attendees lower-cases all paragraphs at once and slices; Greek
    # final sigma is the one context-dependent rule: a paragraph boundary
    # must read like the end of a string.
    whole = "\n".join(paragraphs).lower()
    at = 0
    for p in paragraphs:
        assert whole[at : at + len(p)] == p.lower()
        at += len(p) + 1
