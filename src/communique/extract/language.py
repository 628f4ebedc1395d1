"""Guess the language of a text from stop-word counts (no network, no model)."""

from __future__ import annotations

from functools import cache

from ._data import LANGUAGES, lang, normalize

__all__ = ["detect_language"]


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {code: frozenset(lang(code)["language"]["stopwords"]) for code in LANGUAGES}


def detect_language(text: str, *, default: str = "en", sample: int = 800) -> str:
    """``"fr"`` or ``"en"`` (any language with a data file): the one whose stop words are most frequent.

    Only the first ``sample`` characters are read: a paragraph is plenty, and
    it keeps the cost constant on long texts.  Ties and texts without any
    stop word give ``default``.
    """
    # str.split is C-speed; punctuation glued to a word only costs a few misses.
    words = normalize(text[:sample]).lower().split()
    best, best_count = default, 0
    for code, stop in _stopwords().items():
        count = sum(1 for w in words if w in stop)
        if count > best_count:
            best, best_count = code, count
    return best
