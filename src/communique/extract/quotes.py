"""Find quotations in a paragraph, as real pages type them, with nesting.

Marks: « … », “ … ”, „ … “ (and „ … ”), ‹ … ›, straight "…", and mixtures a
keyboard makes ("…” opened straight, closed curly); the wrong-way ” used as
an opening mark (”We will stay,” he said — Nordic typography, or a word
processor's mistake) opens a quotation when it stands before a word and
nothing is open.  Spaces just inside the marks (normal, no-break U+00A0,
narrow no-break U+202F, as French typography puts them) or none.

Only outermost quotations are returned: an inner ‘…’ or ‹…› stays part of the
outer quote's text (the model forbids overlapping quotes); an outermost ‘…’
is a quotation (British typography: ‘We will stay,’ he said).  The apostrophe ’
is only a closing mark when a ‘ is open and the next character is not a
letter, so "l’OTAN" never ends a quote; after a letter, not when a word in
small letters follows (a plural's possessive: "the cubs’ first check").  A comma or semicolon typed just
inside the closing mark ("…twenty-nine Allies,”) belongs to the sentence, not
to the quotation.

A quotation running over several paragraphs is returned as one span per
paragraph, each later part with ``continues`` set, in both conventions:

- the opening mark repeated at the head of each paragraph ("« … ¶ « … »"),
  also as a closing guillemet ("« … ¶ » … »", the Spanish and French way) or
  a wrong-way ” ;
- never reopened: the next paragraph holds the closing mark with no opening
  mark before it ("« … ¶ … »").

A word in quotation marks that is a single token without sentence
punctuation and is not followed by a comma ("le format « 5+2 »", '("Kestrel"
or the "Company")') is a label or a defined term, not a quotation, and is
not returned.

An unmarked block quotation — a paragraph without any quotation mark right
after a paragraph that ends with a verb of saying and a colon ("Defence
Secretary Jane Doe said:", "a déclaré :") — is one quotation covering the
paragraph.  The verbs are those of every language pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from attrs import frozen

from ._data import positions
from .transcripts import Turn

__all__ = ["QuoteSpan", "find_quote_spans"]

# The marks, found by str.find.  An apostrophe only counts inside a ‘…’
# quotation, so ’ is only looked for when the paragraph has a ‘ at all:
# French text has one every few words.
_MARKS = '«»“”„‘‹›"'
# Opening mark → the marks that close it.
_OPEN_TO_CLOSE = {"«": "»", "“": '”"', "„": "“”", "‘": "’", "‹": "›", '"': '"”', "”": "”"}
_STRIP = " \t\n\u00a0\u202f\u2009"
_SENTENCE_PUNCT = ",;"
# The marks that may open the next part of a quotation at the head of a paragraph.
_REOPEN = '«“„"»”‹‘'


@frozen
class QuoteSpan:
    """A quotation found in paragraph ``paragraph``: ``text[start:end]`` without the marks.

    ``open``/``close`` are the offsets of the marks themselves (``open`` is -1
    for a part that runs on from the previous paragraph without a mark of
    its own, ``close`` the paragraph length when the quotation runs on into
    the next paragraph, or both for an unmarked block quotation).
    ``continues`` is true for the later parts of a quotation that runs over
    several paragraphs: they share its speaker.
    """

    paragraph: int
    start: int
    end: int
    open: int
    close: int
    continues: bool = False
    turn: Turn | None = None
    """For a paragraph of a transcript turn (:mod:`.transcripts`): the turn, whose label says who speaks."""


def _scan(
    text: str, paragraph: int, carried: str = "", reopens: bool = False
) -> tuple[list[QuoteSpan], QuoteSpan | None, str]:
    """The closed quotations of ``text``; the one still open at its end, up to the end, and its closing marks.

    ``carried`` is the closing marks of a quotation already open when the
    paragraph starts (it never reopened); ``reopens`` says that the paragraph
    continues a quotation, so that a » at its head opens the next part.
    """
    spans: list[QuoteSpan] = []
    # (closing marks expected, offset of the opening mark)
    stack: list[tuple[str, int]] = [(carried, -1)] if carried else []
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
                # A closing single quote: not before a letter ("l’OTAN"), and after a letter only when no
                # word in small letters follows (a plural's possessive: "the cubs’ first check").
                lower_next = after.isspace() and text[pos + 2 : pos + 3].islower()
                if stack and stack[-1][0] == "’" and not after.isalpha() and (not before.isalpha() or not lower_next):
                    _, start = stack.pop()
                    if not stack:
                        spans.append(_span(text, paragraph, start, pos))
                continue
            if before.isalnum():
                continue
        if stack and ch in stack[-1][0] and not (ch == '"' and not _can_close(before, after)):
            _, start = stack.pop()
            if not stack:
                spans.append(_span(text, paragraph, start, pos))
            continue
        if ch == "»" and not stack and pos == 0 and reopens:
            # "» …" at the head of a paragraph: the next part of a quotation (closed by » again).
            stack.append(("»", pos))
            continue
        if ch in _OPEN_TO_CLOSE and not (ch in '"”' and before.isalnum()):
            if ch == "”" and (stack or not _opens(before, after)):
                pass  # a closing mark of another quotation, handled below
            elif ch == "“" and stack and "“" in stack[-1][0]:
                continue  # „…“: the German opening is closed by “, handled above
            else:
                stack.append((_OPEN_TO_CLOSE[ch], pos))
                continue
        if ch in ("»", "”", "›") and stack:
            # A closing mark of another kind: close up to the matching opener
            # if there is one (a forgotten inner close), else ignore it.
            for depth in range(len(stack) - 1, -1, -1):
                if ch in stack[depth][0]:
                    start = stack[depth][1]
                    del stack[depth:]
                    if not stack:
                        spans.append(_span(text, paragraph, start, pos))
                    break
    open_span = _span(text, paragraph, stack[0][1], n) if stack else None
    if open_span is not None and open_span.end <= open_span.start:
        open_span = None
    return [s for s in spans if s.end > s.start], open_span, stack[0][0] if stack else ""


def _opens(before: str, after: str) -> bool:
    """A mark between ``before`` and ``after`` stands where a quotation opens: after a space, before a word."""
    return (before.isspace() or before in "([—–-") and not after.isspace()


def _can_close(before: str, after: str) -> bool:
    return not before.isspace() or after.isspace() or not after.isalnum()


def _span(text: str, paragraph: int, open_: int, close: int) -> QuoteSpan:
    start, end = open_ + 1, close
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    while end > start and text[end - 1] in _SENTENCE_PUNCT:
        end -= 1  # "…Allies,”": the comma is the sentence's
        while end > start and text[end - 1] in _STRIP:
            end -= 1
    return QuoteSpan(paragraph, start, end, open_, close)


_DEFINED_TERM_WORDS = 3  # words at most of a term defined in brackets ('("GAGolfo" o "la Compañía")')
_BRACKET_REACH = 80  # characters around the term to its brackets


def _is_term(text: str, span: QuoteSpan) -> bool:
    """A single token in quotation marks, without sentence punctuation, not followed by a comma; or a short
    term defined in brackets ('Northgate Freight Holdings, Inc. ("Northgate" or the "Company"),')."""
    words = text[span.start : span.end]
    if not words or words[-1] in ".!?…":
        return False
    if span.open < 0 or span.close >= len(text):
        return False
    if len(words.split()) <= _DEFINED_TERM_WORDS and _in_brackets(text, span.open, span.close):
        return True
    if any(c.isspace() for c in words):
        return False
    after = text[span.end : span.close] + text[span.close + 1 : span.close + 3].lstrip(_STRIP)
    return "," not in after


def _in_brackets(text: str, open_: int, close: int) -> bool:
    """Whether the quotation marks at ``open_`` and ``close`` stand inside one pair of round brackets."""
    before = text[max(0, open_ - _BRACKET_REACH) : open_]
    after = text[close + 1 : close + 1 + _BRACKET_REACH]
    opened = before.rfind("(")
    shut = after.find(")")
    return opened >= 0 and ")" not in before[opened:] and shut >= 0 and "(" not in after[:shut]


def _closes_first(text: str, closers: str) -> bool:
    """Whether ``text`` holds one of ``closers`` before any opening mark: a quotation carried over ends in it."""
    for pos in positions(text, _MARKS):
        ch = text[pos]
        if ch in closers and not (ch == '"' and pos + 1 < len(text) and text[pos + 1].isalnum()):
            return True
        if ch in _OPEN_TO_CLOSE and ch not in closers:
            return False
    return False


@cache
def _saying_verbs() -> frozenset[str]:
    """The attribution verbs of every language pack, lower-cased (an unmarked block quotation's introduction)."""
    from ..locale import languages, pack

    return frozenset(v.lower() for code in languages() for v in pack(code).quotes.verbs)


def _introduces_block(text: str) -> bool:
    """Whether a paragraph ends like the introduction of a block quotation: "… said:", "… a déclaré :"."""
    stripped = text.rstrip(_STRIP)
    if not stripped.endswith(":"):
        return False
    words = stripped[:-1].replace(",", " ").lower().split()[-5:]
    verbs = _saying_verbs()
    return any(
        " ".join(words[i:j]) in verbs for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)
    )


def find_quote_spans(paragraphs: Sequence[str], turns: Sequence[Turn] = ()) -> list[QuoteSpan]:
    """Every outermost quotation of ``paragraphs``, in reading order.

    ``paragraphs[q.paragraph][q.start:q.end]`` is the quoted text.  Each paragraph of a spoken
    transcript turn in ``turns`` (:func:`.transcripts.find_turns`) is a quotation of its own — the
    words after the label, one part per paragraph of the turn — and the marks inside it quote
    within the speaker's words (the model keeps outermost quotations only).
    """
    spans = _marked_spans(paragraphs)
    spoken = [turn for turn in turns if not turn.question]
    if not spoken:
        return spans
    taken = {turn.paragraph for turn in spoken}
    kept: list[QuoteSpan] = []
    for s in spans:
        if s.paragraph in taken:
            continue
        if s.continues and (not kept or kept[-1].paragraph != s.paragraph - 1 or kept[-1].turn is not None):
            s = QuoteSpan(s.paragraph, s.start, s.end, s.open, s.close)  # the part it ran on from is a turn's
        kept.append(s)
    for turn in spoken:
        text = paragraphs[turn.paragraph]
        end = len(text.rstrip(_STRIP))
        if end <= turn.start:
            continue
        open_ = -1 if turn.continues else max(0, turn.start - 1)
        kept.append(QuoteSpan(turn.paragraph, turn.start, end, open_, len(text), turn.continues, turn))
    kept.sort(key=lambda s: (s.paragraph, s.start))
    return kept


def _marked_spans(paragraphs: Sequence[str]) -> list[QuoteSpan]:
    """The quotations found by their marks, and the unmarked block quotations."""
    spans: list[QuoteSpan] = []
    last = len(paragraphs) - 1
    carried = ""  # the closing marks of a quotation open at the end of the previous paragraph
    reopened = False  # … which the previous paragraph's head reopened (it ran on)
    for i, text in enumerate(paragraphs):
        if not carried and not reopened and not any(mark in text for mark in '«“„"‹‘”'):
            if i and _block_quotation(paragraphs, i):
                start, end = len(text) - len(text.lstrip(_STRIP)), len(text.rstrip(_STRIP))
                spans.append(QuoteSpan(i, start, end, -1, len(text)))
            continue
        nxt = paragraphs[i + 1].lstrip(_STRIP) if i < last else ""
        head = text.lstrip(_STRIP)
        continues = reopened and bool(head) and head[0] in _REOPEN
        inherited = carried if carried and not continues else ""
        found, open_span, left = _scan(text, i, inherited, continues)
        reopened_next, carried_next = False, ""
        if left:
            # A quotation open at the end runs on when the next paragraph reopens it or closes it;
            # otherwise its opening mark was never closed: not a quotation.
            if nxt and nxt[0] in _REOPEN:
                reopened_next = True
            elif nxt and _closes_first(nxt, left):
                carried_next = left
            if (reopened_next or carried_next) and open_span is not None:
                found.append(open_span)
        for k, s in enumerate(found):
            part = (inherited and k == 0 and s.open < 0) or (continues and k == 0 and s.open <= len(text) - len(head))
            if part:
                s = QuoteSpan(s.paragraph, s.start, s.end, s.open, s.close, True)
            elif _is_term(text, s):
                continue
            spans.append(s)
        carried, reopened = carried_next, reopened_next
    return spans


def _block_quotation(paragraphs: Sequence[str], i: int) -> bool:
    """Paragraph ``i``, without quotation marks, is a quotation introduced by the paragraph before it."""
    text = paragraphs[i]
    return len(text.split()) >= 6 and _introduces_block(paragraphs[i - 1])
