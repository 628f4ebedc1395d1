"""Cut a pasted page into title, header and paragraphs, wherever the site put them.

Every line is first classified by what it says (:mod:`communique.extract.lines`):
furniture, a date, a stamp, a document number, a ``Label: value`` line, an
end mark, or text.  The page is then read as a sequence of kinds:

- **The body** starts at the first line of running text (a sentence or more,
  or a line opening with a dateline).  A sentence followed by header data
  (a ``From:`` line, a stamp, a date) and then by more text is a standfirst,
  not the body: it becomes the subtitle.
- **The title** is the last heading-like text line before the body, skipping
  furniture and data lines; a headline printed twice (capitals, then mixed
  case) is taken once, in mixed case; a line after the title that reads like a
  subtitle ("by …", a sentence, a long summary line) is the subtitle.  A page
  without any heading-like line still parses: its title is derived from the
  first sentence and ``title_derived`` says so.
- **Header data** anywhere in the page (before the title, after it, at the
  bottom) fills the dates, the stamps, the reference and the source; the
  furniture is dropped; an end mark ("###", "– FIN –") ends the body.

The NATO news-page layout, the founding sample's, is one case of these rules::

    TITLE LINE

      • 22 May. 2018 - 23 May. 2018
      • |
      • Mis à jour le: 20 Jul. 2018 15:57

    Belgrade – First paragraph...
"""

from __future__ import annotations

import re

from attrs import frozen

from ..errors import ParseError
from ..locale import languages, pack
from .dateline import place_line, read_dateline, split_dateline
from .lines import Kind, Line, classify_lines, is_prose, word_count
from .organizations import find_organization

__all__ = ["HeaderLine", "Segments", "segment"]

_DATA = (Kind.DATE, Kind.STAMP, Kind.LABEL, Kind.REFERENCE)
_SENTENCE_END = re.compile(r"(?<=[^\s.]{3}[.!?])\s+(?=[^\W\d_])")
_DERIVED_MAX = 160


@frozen
class HeaderLine:
    """A line of the page that carries dates (an event line or a stamp), with its 1-based line number."""

    line: int
    text: str


@frozen
class Segments:
    """A page cut into its parts; line numbers are 1-based, for error messages."""

    title: str
    title_line: int
    header: tuple[HeaderLine, ...]
    """Date and stamp lines of the page, in page order (bullets removed)."""
    paragraphs: tuple[str, ...]
    paragraph_lines: tuple[int, ...]
    """Line number of each paragraph's first line."""
    source: str | None = None
    url: str | None = None
    subtitle: str | None = None
    reference: str | None = None
    title_derived: bool = False
    """The page had no headline: ``title`` is its first sentence."""
    place: str | None = None
    """A dateline written on a line of its own ("New York", "Brussels, 4 April 2019")."""


def _menu_runs(lines: list[Line]) -> set[int]:
    """Indices of text lines in runs of three or more short lines: navigation menus, tag lists, footers."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        short = (
            line is not None
            and line.kind in (Kind.TEXT, Kind.FURNITURE)
            and not line.piece
            and word_count(line.text) <= 3
            and not line.text.endswith((".", ":"))
        )
        if short:
            run.append(i)
            continue
        if len([j for j in run if lines[j].kind is Kind.TEXT]) >= 1 and len(run) >= 3:
            out.update(run)
        run = []
    return out


def _opens_with_dateline(text: str) -> bool:
    return word_count(text) >= 6 and split_dateline(text)[0] is not None


def _data_follows(lines: list[Line], i: int, skip: set[int]) -> bool:
    """Header data comes after line ``i`` before any more running text, and running text after that."""
    seen_data = False
    for line_index in range(i + 1, min(len(lines), i + 6)):
        line = lines[line_index]
        if line.kind in _DATA:
            seen_data = True
        elif line.kind is Kind.TEXT and line_index not in skip:
            return seen_data and any(is_prose(rest.text) for rest in lines[line_index:] if rest.kind is Kind.TEXT)
    return False


def _body_start(lines: list[Line], skip: set[int]) -> tuple[int | None, int | None]:
    """``(first body line, standfirst line)``; ``None`` for a body without any running text."""
    standfirst = None
    for i, line in enumerate(lines):
        if line.kind is not Kind.TEXT or i in skip or line.piece:
            continue
        if not (is_prose(line.text) or _opens_with_dateline(line.text)):
            continue
        if standfirst is None and _data_follows(lines, i, skip):
            standfirst = i
            continue
        return i, standfirst
    # No running text (a short or toy page): the first sentence-like line after a heading.
    texts = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT and i not in skip and i != standfirst]
    for n, i in enumerate(texts):
        text = lines[i].text
        if split_dateline(text)[0] is not None:
            return i, standfirst  # a title never opens with a dateline
        sentence = text.endswith((".", "!", "?", "»", "”", '"'))
        if sentence and (n > 0 or (len(texts) == 1 and text.endswith("."))):
            return i, standfirst
    return None, standfirst


def _is_organization(text: str) -> bool:
    """A line that only names a publisher ("European Commission", "Ministère des Armées"): a site name."""
    for code in languages():
        found = find_organization(text, code)
        if found is not None:
            return True
        not_names = {w.casefold() for w in pack(code).people.not_names}
        words = text.split()
        if len(words) <= 5 and any(w.casefold() in not_names for w in words[:2]) and text[:1].isupper():
            return word_count(text) <= 5 and not any(ch.isdigit() for ch in text)
    return False


def _subtitle_like(line: str, title: str) -> bool:
    first = line.split(maxsplit=1)[0].casefold() if line.split() else ""
    if any(first == w.casefold() for code in languages() for w in pack(code).header.subtitle_openers):
        return True
    if word_count(title) < 3 or _is_organization(title):
        return False
    if line.rstrip().endswith((".", "!", "?")) and word_count(line) >= 6:
        return True
    return word_count(title) >= 4 and word_count(line) >= 12 and not line.isupper()


def _derive_title(paragraph: str) -> str:
    """The first sentence of ``paragraph``, cut at a word when it is long."""
    first = _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()
    if len(first) > _DERIVED_MAX:
        first = first[:_DERIVED_MAX].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return first


def segment(text: str, *, titled: bool = False) -> Segments:
    """Split decoded ``text`` into title, header data and paragraphs.

    With ``titled``, the first line is the title (a reader that already knows
    it, such as the DOCX reader, passes a placeholder).  Paragraphs are
    separated by blank lines; the lines of one paragraph are joined with a
    space (hard-wrapped text).  Raises :class:`~communique.errors.ParseError`
    when there is no text, or for a date that cannot exist (with its line).
    """
    lines = classify_lines(text)
    if not lines:
        raise ParseError("the text is empty: a press release needs at least a title line", line=1, format="text")
    end = next((i for i, line in enumerate(lines) if line.kind is Kind.END), len(lines))
    # A document a reader already segmented (DOCX) has no site menus: only the placeholder title is skipped.
    skip = {0} if titled else _menu_runs(lines[:end])
    title_index: int | None = 0 if titled else None
    body_from, standfirst = _body_start(lines[:end], skip)
    zone_end = body_from if body_from is not None else end
    place: str | None = None
    place_dates: list[HeaderLine] = []
    candidates: list[int] = []
    for i in range(zone_end):
        line = lines[i]
        if line.kind is not Kind.TEXT or i in skip or i == standfirst:
            continue
        found = place_line(line.text)
        if found is not None and found[1]:
            place = place or found[0]
            place_dates.append(HeaderLine(line.number, found[1]))
            continue
        candidates.append(i)
    subtitle_index = standfirst
    if not titled:
        title_index, subtitle_index, place = _pick_title(lines, candidates, standfirst, place)
    if body_from is None:
        # No running text: the body is what follows the title (short lines, a list).
        after = (title_index if title_index is not None else -1) + 1
        body_from = next(
            (i for i in range(after, end) if lines[i].kind is Kind.TEXT and i not in skip and i != subtitle_index),
            end,
        )
    header: list[HeaderLine] = []
    source = url = reference = None
    for i, line in enumerate(lines):
        if i == body_from:
            header += place_dates  # a dateline's date counts after the header's own date lines
        if line.kind in (Kind.DATE, Kind.STAMP):
            header.append(HeaderLine(line.number, line.text))
        elif line.kind is Kind.LABEL:
            if line.field == "source":
                source = source or line.value
            else:
                url = url or line.value
        elif line.kind is Kind.REFERENCE and reference is None:
            reference = line.value
    if body_from >= len(lines):
        header += place_dates
    body = [
        line
        for i, line in enumerate(lines[body_from:end], body_from)
        if line.kind is Kind.TEXT and i not in skip and i != subtitle_index and i != title_index
    ]
    paragraphs, starts = _paragraphs(_without_footer(body))
    title_derived = False
    if title_index is None:
        if not paragraphs:
            raise ParseError("the page has no text: only site furniture and dates", line=lines[0].number, format="text")
        opening = read_dateline(paragraphs[0])
        title = _derive_title(opening.text if opening else paragraphs[0])
        title_line, title_derived = starts[0], True
    else:
        title, title_line = lines[title_index].text, lines[title_index].number
    subtitle = lines[subtitle_index].text if subtitle_index is not None else None
    return Segments(
        title=title,
        title_line=title_line,
        header=tuple(header),
        paragraphs=tuple(paragraphs),
        paragraph_lines=tuple(starts),
        source=source,
        url=url,
        subtitle=subtitle,
        reference=reference,
        title_derived=title_derived,
        place=place,
    )


def _pick_title(
    lines: list[Line], candidates: list[int], standfirst: int | None, place: str | None
) -> tuple[int | None, int | None, str | None]:
    """``(title, subtitle, place)`` among the heading-like lines before the body."""
    if not candidates:
        return None, standfirst, place
    if len(candidates) >= 2 and place is None:
        # A place line just before the body ("Palacio de La Moncloa, Madrid"): the dateline, not the title.
        found = place_line(lines[candidates[-1]].text)
        if found is not None and word_count(lines[candidates[-1]].text) <= 6:
            place, candidates = found[0], candidates[:-1]
    strong = [i for i in candidates if word_count(lines[i].text) >= 2] or candidates
    last = strong[-1]
    prev = strong[-2] if len(strong) >= 2 else None
    title, subtitle = last, standfirst
    if prev is not None:
        between = lines[prev + 1 : last]
        adjacent = not any(line.kind in (Kind.FURNITURE, Kind.TEXT) for line in between)
        a, b = lines[prev].text, lines[last].text
        if a.casefold() == b.casefold():
            title = last if a.isupper() and not b.isupper() else prev
        elif adjacent and subtitle is None and _subtitle_like(b, a):
            title, subtitle = prev, last
    # A short place line just above the title ("New York") is the dateline.
    before = [i for i in candidates if i < title]
    if place is None and before:
        found = place_line(lines[before[-1]].text)
        if found is not None and word_count(lines[before[-1]].text) <= 3:
            place = found[0]
    return title, subtitle, place


def _without_footer(body: list[Line]) -> list[Line]:
    """Drop the short lines after the last paragraph of running text (menus, addresses, sign-offs)."""
    last = max((i for i, line in enumerate(body) if is_prose(line.text)), default=None)
    if last is None:
        return body
    return body[: last + 1] + [line for line in body[last + 1 :] if word_count(line.text) >= 8]


def _paragraphs(body: list[Line]) -> tuple[list[str], list[int]]:
    """Join the lines of each block into one paragraph (hard-wrapped text)."""
    paragraphs: list[str] = []
    starts: list[int] = []
    block = None
    for line in body:
        if line.block == block and paragraphs and not line.piece:
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
            starts.append(line.number)
        block = line.block
    return paragraphs, starts
