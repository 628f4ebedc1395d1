"""Find quotations in a paragraph: « … », “ … ”, "…", „…“, with nesting.

Only outermost quotations are returned: an inner ‘…’ or ‹…› stays part of the
outer quote's text (the model forbids overlapping quotes).  Spaces just
inside the marks (normal, no-break U+00A0, narrow no-break U+202F, as French
typography puts them) are not part of the quote.  The apostrophe ’ is only a
closing mark when a ‘ is open and the next character is not a letter, so
"l’OTAN" never ends a quote.

A quotation left open at the end of a paragraph is kept, up to the end of the
paragraph, when the next paragraph opens with the same mark: the convention
for a quotation running over several paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ._data import positions

__all__ = ["QuoteSpan", "find_quote_spans"]

# The marks, found by str.find.  An apostrophe only counts inside a ‘…’
# quotation, so ’ is only looked for when the paragraph has a ‘ at all:
# French text has one every few words.
_MARKS = '«»“”„‘‹›"'
_OPEN_TO_CLOSE = {"«": "»", "“": "”", "„": "“", "‘": "’", "‹": "›", '"': '"'}
_STRIP = " \t\n\u00a0\u202f\u2009"


@frozen
class QuoteSpan:
    """A quotation found in paragraph ``paragraph``: ``text[start:end]`` without the marks.

    ``open``/``close`` are the offsets of the marks themselves (``close`` is
    the paragraph length when the quotation runs on into the next paragraph).
    """

    paragraph: int
    start: int
    end: int
    open: int
    close: int


def _scan(text: str, paragraph: int, run_on: bool) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, offset of the opening mark)
    n = len(text)
    for pos in positions(text, _MARKS + "’" if "‘" in text else _MARKS):
        ch = text[pos]
        if ch == "’" and not (stack and stack[-1][0] == "’"):
            continue  # outside a ‘…’ quotation an apostrophe does nothing
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < n else " "
        if ch in ("’", "‘"):
            # Apostrophes are far more common than single quotes: only treat
            # them as marks inside an open quotation and at word boundaries.
            if ch == "’":
                if stack and stack[-1][0] == "’" and not after.isalpha():
                    stack.pop()
                continue
            if before.isalnum():
                continue
        if stack and ch == stack[-1][0] and not (ch == '"' and not _can_close(before, after)):
            _, start = stack.pop()
            if not stack:
                spans.append(_span(text, paragraph, start, pos))
            continue
        if ch in _OPEN_TO_CLOSE and not (ch == '"' and before.isalnum()):
            if ch == "“" and stack and stack[-1][0] == "“":
                # „…“: the German opening is closed by “, handled above.
                continue
            stack.append((_OPEN_TO_CLOSE[ch], pos))
            continue
        if ch in ("»", "”", "›") and stack:
            # A closing mark of another kind: close up to the matching opener
            # if there is one (a forgotten inner close), else ignore it.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    start = stack[depth][1]
                    del stack[depth:]
                    if not stack:
                        spans.append(_span(text, paragraph, start, pos))
                    break
    if stack and run_on:
        spans.append(_span(text, paragraph, stack[0][1], n))
    return [s for s in spans if s.end > s.start]


def _can_close(before: str, after: str) -> bool:
    return not before.isspace() or after.isspace() or not after.isalnum()


def _span(text: str, paragraph: int, open_: int, close: int) -> QuoteSpan:
    start, end = open_ + 1, close
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return QuoteSpan(paragraph, start, end, open_, close)


def find_quote_spans(paragraphs: Sequence[str]) -> list[QuoteSpan]:
    """Every outermost quotation of ``paragraphs``, in reading order.

    ``paragraphs[q.paragraph][q.start:q.end]`` is the quoted text.
    """
    spans: list[QuoteSpan] = []
    last = len(paragraphs) - 1
    for i, text in enumerate(paragraphs):
        if not any(mark in text for mark in '«“„"‹‘'):
            continue
        run_on = False
        if i < last:
            nxt = paragraphs[i + 1].lstrip()
            run_on = bool(nxt) and nxt[0] in _OPEN_TO_CLOSE and nxt[0] != "‘"
        spans.extend(_scan(text, i, run_on))
    return spans
