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


_QUOTE_TEXTS = st.lists(st.sampled_from(list('«»“”„‘’‹›" ab\u00a0l’x,')), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_QUOTE_TEXTS, min_size=1, max_size=3))
def test_quotation_spans_are_ordered_disjoint_and_trimmed(paragraphs: list[str]) -> None:
    """Whatever the marks, the spans are in reading order, never overlap and hold no outer spaces or comma."""
    from communique.extract.quotes import find_quote_spans

    spans = find_quote_spans(paragraphs)
    last = (-1, -1)
    for s in spans:
        text = paragraphs[s.paragraph]
        assert 0 <= s.start < s.end <= len(text)
        assert (s.paragraph, s.start) >= last
        last = (s.paragraph, s.end)
        words = text[s.start : s.end]
        assert words == words.strip(" \u00a0") and not words.endswith(",")
        assert not s.continues or s.paragraph > 0


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
