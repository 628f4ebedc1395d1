"""One release's body prepared once and read by every rule: the shared tokenisation.

The people rules (:mod:`.names`, :mod:`.collectives`) and the speaker rule
(:mod:`.speakers`) all read the paragraphs normalised (:func:`._data.normalize`:
same length, so offsets are shared with the text as written), look for the
pack's words in them lower-cased, and some of them need the same words again
later (the participant cues are first used to choose paragraphs, then to
find where a sentence announces its participants).  Each rule used to
prepare and search the text on its own; an :class:`Analysis` does it once
per release and remembers what was searched.

Everything here is computed with C-speed string methods (``str.replace``,
``str.lower``, ``str.find``), never word by word in Python: a per-word token
list would cost more than the scans it replaces.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from ._data import normalize

__all__ = ["Analysis"]


class Analysis:
    """The paragraphs of a release, normalised and lower-cased once, with a memo of word searches.

    ``norms[i]`` is ``paragraphs[i]`` normalised (same length).  ``whole`` is
    every normalised paragraph, joined by ``"\\n"`` and lower-cased: one
    string, so that a word is looked for once per release rather than once
    per paragraph.  Lower-casing may change the length of a text ("İ"): then
    ``aligned`` is false and offsets in ``whole`` are not offsets in the
    paragraphs.
    """

    __slots__ = ("_bounds", "_found", "aligned", "norms", "paragraphs", "whole")

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self.norms: tuple[str, ...] = tuple(normalize(p) for p in paragraphs)
        self.whole: str = "\n".join(self.norms).lower()
        # Where each paragraph ends in ``whole``, past its "\n": paragraph_of() bisects these.
        bounds: list[int] = []
        pos = 0
        for norm in self.norms:
            pos += len(norm) + 1
            bounds.append(pos)
        self._bounds = bounds
        self.aligned: bool = len(self.whole) == pos - 1
        self._found: dict[str, list[int]] = {}

    def find_all(self, word: str) -> list[int]:
        """Every offset of ``word`` (lower-case) in :attr:`whole`, overlapping ones included, in order.

        Remembered: the rules that look for the same word share one scan.
        """
        found = self._found.get(word)
        if found is None:
            found = []
            at = self.whole.find(word)
            while at >= 0:
                found.append(at)
                at = self.whole.find(word, at + 1)
            self._found[word] = found
        return found

    def find_each(self, words: tuple[str, ...]) -> list[list[int]]:
        """``[self.find_all(w) for w in words]``, with one scan of :attr:`whole` per piece the words share.

        Most words of a list are absent from a release, and each absent word
        costs a scan of the whole text; words that contain a common piece
        ("participants", "ont participé", "a participé" share "particip") are
        looked for through it: every occurrence of a word holds the piece at
        the same offset, so checking the word at each (rare) occurrence of the
        piece gives exactly its occurrences.
        """
        whole = self.whole
        for piece, members in _plan(words):
            at = self.find_all(piece)
            for word, offset in members:
                if word not in self._found:
                    self._found[word] = [p - offset for p in at if p >= offset and whole.startswith(word, p - offset)]
        return [self.find_all(w) for w in words]

    def paragraph_of(self, offset: int) -> int:
        """The index of the paragraph that holds ``offset`` of :attr:`whole`."""
        return bisect_right(self._bounds, offset)

    def start_of(self, i: int) -> int:
        """The offset of paragraph ``i`` in :attr:`whole`."""
        return self._bounds[i - 1] if i else 0

    def lower(self, i: int) -> str:
        """Paragraph ``i`` normalised and lower-cased (a slice of :attr:`whole` when :attr:`aligned`)."""
        if not self.aligned:
            return self.norms[i].lower()
        start = self.start_of(i)
        return self.whole[start : start + len(self.norms[i])]


# Pieces shorter than this are too common to save a scan.
_MIN_PIECE = 5


@cache
def _plan(words: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """How :meth:`Analysis.find_each` looks for ``words``: (piece, ((word, offset of the piece in it), ...)), ...

    Greedy: the longest piece that the most words still unplanned contain; a
    word that shares no piece of at least ``_MIN_PIECE`` characters is its own piece.
    """
    todo = [w for w in dict.fromkeys(words) if w]
    plan: list[tuple[str, tuple[tuple[str, int], ...]]] = []
    while todo:
        best, best_members = "", [todo[0]]
        for w in todo:
            for size in range(len(w), _MIN_PIECE - 1, -1):
                for i in range(len(w) - size + 1):
                    piece = w[i : i + size]
                    members = [v for v in todo if piece in v]
                    if len(members) > len(best_members) or (
                        len(members) == len(best_members) > 1 and len(piece) > len(best)
                    ):
                        best, best_members = piece, members
        if len(best_members) < 2:
            best = todo[0]
        plan.append((best, tuple((v, v.index(best)) for v in best_members)))
        todo = [v for v in todo if v not in best_members]
    return tuple(plan)
