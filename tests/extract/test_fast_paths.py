"""The fast paths of the extraction rules give exactly the answers of the plain regexes they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.extract._data import matches_at
from communique.extract.attendees import _SENTENCE
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
