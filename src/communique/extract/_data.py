"""Text helpers every rule shares: normalisation, fast mark lookup, word-list patterns.

The words themselves live in the language packs (:mod:`communique.locale`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

__all__ = [
    "alternation",
    "fold",
    "matches_at",
    "normalize",
    "phrase_pattern",
    "positions",
    "upper_class",
    "word_count",
]

# Characters that vary between sources but mean the same thing for matching.
# Each maps to exactly one character, so offsets in the normalised text are
# offsets in the original.
_NORMALIZE = (("'", "’"), ("\u00a0", " "), ("\u202f", " "), ("\u2009", " "), ("\u2011", "-"), ("\u2010", "-"))


def normalize(text: str) -> str:
    """Return ``text`` with apostrophes and odd spaces unified (same length)."""
    # Chained str.replace runs in C; str.translate with a dict is a Python-level
    # lookup per character and was the hottest spot of the parser.
    for old, new in _NORMALIZE:
        if old in text:
            text = text.replace(old, new)
    return text


def word_count(text: str) -> int:
    """Words in ``text`` (runs without spaces)."""
    return len(text.split())


def fold(text: str) -> str:
    """How a header label and a line are compared: case, apostrophes, odd spaces and a closing colon or dot ignored."""
    return normalize(text).casefold().rstrip(" :.").strip()


def positions(text: str, chars: str) -> list[int]:
    """The offsets of every occurrence of any of ``chars`` in ``text``, in order (``str.find``, memchr speed)."""
    found: list[int] = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    if len(chars) > 1:
        found.sort()
    return found


def matches_at(pattern: re.Pattern[str], text: str, marks: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches can only start at one of the characters ``marks``.

    A pattern that starts with a character class ("[.!?]") makes ``re`` test
    the class at every position of the text, in its slow general loop;
    ``str.find`` locates the few candidate marks at memchr speed and the
    pattern is only tried there.  The pattern must not match the empty string
    nor look behind its start.
    """
    end = 0
    match = pattern.match
    for at in positions(text, marks):
        if at >= end:
            m = match(text, at)
            if m is not None:
                end = m.end()
                yield m


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (escaped, longest first so "of the" beats "of"); never empty."""
    forms = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(map(re.escape, forms)) + ")" if forms else "(?!x)x"


def _trie_regex(words: Iterable[str], after_first: str = "") -> str:
    """A regex alternation of ``words`` shaped as a trie.

    A flat alternation of hundreds of names would be tried branch by branch at
    every position; the trie shares prefixes, so each position costs a few
    character tests.  Longer words win because ``""`` (end of word) is tried last.
    ``after_first`` is inserted after the first character of every word (a
    look-behind that checks the character before the word: placed there, the
    pattern still starts with literals, and ``re`` skips in C to the next
    position where one of the first letters occurs).
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], top: bool = False) -> str:
        end = "" in node
        glue = after_first if top else ""
        branches = [re.escape(ch) + glue + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie, top=True)


# Above this many distinct first letters, a phrase pattern starts with its look-behind.
_FEW_FIRST_LETTERS = 24


def phrase_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` as whole words (longest first).

    A word that starts with a lower-case letter also matches capitalised (at
    the start of a sentence); a capitalised one matches only as written,
    because capitals are what tell a name from a common word.
    """
    forms: set[str] = set()
    for w in words:
        w = normalize(w)
        if not w:
            continue
        forms.add(w)
        if w[0].islower():
            forms.add(w[0].upper() + w[1:])
    if not forms:
        return r"(?!x)x"
    # "Not after a word character" is checked either after the first letter
    # or before it: the same test (no form starts with a newline, which ``.``
    # would not match).  After the first letter, ``re`` skips in C to the
    # next position holding one of the first letters, which pays when they
    # are few ("selon", "d’après"); when they are most of the alphabet
    # (country names, speech verbs), each letter would run the whole branch
    # list, and a leading look-behind that fails inside words is cheaper.
    if len({w[0] for w in forms}) > _FEW_FIRST_LETTERS and not any(w[0] == "\n" for w in forms):
        return r"(?<!\w)(?:" + _trie_regex(forms) + r")(?![\w])"
    return r"(?:" + _trie_regex(forms, after_first=r"(?<!\w.)") + r")(?![\w])"


@cache
def upper_class(lower: bool = False) -> str:
    """The body of a regex character class matching any capital letter (Latin, Greek, Cyrillic).

    ``re`` has no ``\\p{Lu}``; names such as "Šutej", "Łukasz" or "Ćirić" need
    more than ``A-ZÀ-Þ``.  Built once, as ranges, from :meth:`str.isupper`
    (:meth:`str.islower` with ``lower=True``: any small letter).
    """
    test = str.islower if lower else str.isupper
    ranges: list[tuple[int, int]] = []
    for cp in range(0x41, 0x530):
        if test(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
