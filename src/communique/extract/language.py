"""Guess the language of a text from stop-word counts (no network, no model)."""

from __future__ import annotations

from functools import cache

from ..locale import DEFAULT_LANGUAGE, languages, pack
from ._data import normalize

__all__ = ["detect_language", "stopwords"]


@cache
def stopwords(language: str) -> frozenset[str]:
    """The stop words of ``language``'s pack, normalised and lower-cased."""
    return frozenset(normalize(w).lower() for w in pack(language).language.stopwords)


@cache
def _any_stopword() -> frozenset[str]:
    """The stop words of every pack."""
    return frozenset().union(*(stopwords(code) for code in languages()))


def detect_language(text: str, *, default: str = DEFAULT_LANGUAGE, sample: int = 800) -> str:
    """The code of the pack whose stop words are most frequent in ``text`` (``"fr"``, ``"en"``, ``"es"``...).

    Only the first ``sample`` characters are read: a paragraph is plenty, and
    it keeps the cost constant on long texts.  Ties and texts without any
    stop word give ``default``.
    """
    # str.split is C-speed; punctuation glued to a word only costs a few misses.
    # Words that are no pack's stop word are dropped once, rather than missed once per pack.
    words = list(filter(_any_stopword().__contains__, normalize(text[:sample]).lower().split()))
    best, best_count = default, 0
    for code in languages():
        stop = stopwords(code)
        count = sum(map(stop.__contains__, words))  # the loop runs in C
        if count > best_count:
            best, best_count = code, count
    return best
