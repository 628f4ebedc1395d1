"""Cut a plain-text page into title, header lines and paragraphs.

The NATO news-page layout::

    TITLE LINE

      • 22 May. 2018 - 23 May. 2018
      • |
      • Mis à jour le: 20 Jul. 2018 15:57

    Belgrade – First paragraph...

    Second paragraph...

Everything is optional but the title: bullets (``•``, ``-``, ``*``, ``·``),
the update stamp, the event dates, a ``Source: NATO`` line, extra blank lines
and trailing spaces.  A header line is recognised by what it says (a date,
a stamp, a source), not by its position, so a page without bullets works too.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import cache

from attrs import frozen

from ..errors import ParseError
from ..locale import languages, pack
from .dates import DateStamp, parse_event_dates, parse_stamp

__all__ = ["HeaderLine", "HeaderValue", "Segments", "segment"]

_BULLET = re.compile(r"\s*(?:[•·▪◦‣∙*]|-(?=\s)|–(?=\s))\s*")
_BLANK_RUN = re.compile(r"\n[ \t\f\v\u00a0\u202f]*\n\s*")
_SPACES = re.compile(r"[ \t\f\v]+")


HeaderValue = DateStamp | tuple[_dt.date, _dt.date | None]
"""What a header line states: an update or publication stamp, or the event's (start, end)."""


@frozen
class HeaderLine:
    """A line of the header block that carries data, with its 1-based line number."""

    line: int
    text: str
    value: HeaderValue | None = None
    """The stamp or event dates read from :attr:`text` (read once, here, for the release's dates)."""


@frozen
class Segments:
    """A page cut into its parts; line numbers are 1-based, for error messages."""

    title: str
    title_line: int
    header: tuple[HeaderLine, ...]
    """Date and stamp lines of the header block (bullets removed)."""
    paragraphs: tuple[str, ...]
    paragraph_lines: tuple[int, ...]
    """Line number of each paragraph's first line."""
    source: str | None = None
    url: str | None = None


@cache
def _label_re() -> re.Pattern[str]:
    names: dict[str, list[str]] = {"source": [], "url": []}
    for code in languages():
        names["source"] += pack(code).header.source
        names["url"] += pack(code).header.url
    alts = "|".join(f"(?P<{key}>{'|'.join(map(re.escape, words))})" for key, words in names.items())
    return re.compile(rf"(?:{alts})\s*:\s*(?P<value>\S.*)", re.IGNORECASE)


@cache
def _reference_re() -> re.Pattern[str]:
    words: list[str] = []
    for code in languages():
        words += pack(code).header.reference
    alts = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    # "Press Release (2019) 123", "Communiqué de presse (2019) 123", "Statement (2022) 045-rev1".
    return re.compile(rf"(?:{alts})\s*\(\d{{4}}\)\s*[\w./-]+", re.IGNORECASE)


def _header_value(text: str) -> HeaderValue | None:
    """The event dates or the stamp that a header line states, else ``None``.

    A date line may raise ParseError (impossible date): that is the point,
    the caller wants the error with the line number.
    """
    event = parse_event_dates(text)
    return event if event is not None else parse_stamp(text)


def _is_header_content(text: str) -> bool:
    return not text or text == "|" or _header_value(text) is not None


def segment(text: str) -> Segments:
    """Split decoded ``text`` into title, header lines and paragraphs.

    Paragraphs are separated by blank lines; the lines of one paragraph are
    joined with a space (hard-wrapped text).  Raises
    :class:`~communique.errors.ParseError` when there is no title.
    """
    lines = text.split("\n")
    n = len(lines)
    i = 0
    while i < n and not lines[i].strip():
        i += 1
    if i == n:
        raise ParseError("the text is empty: a press release needs at least a title line", line=1, format="text")
    title = lines[i].strip()
    if "  " in title or "\t" in title or "\f" in title or "\v" in title:
        title = _SPACES.sub(" ", title)  # (a title without a run of spaces is its own result)
    title_line = i + 1
    bullet = _BULLET.match(title)
    if _is_header_content(title[bullet.end() :].strip() if bullet else title):
        raise ParseError(
            "no title: the first line is a date or update line; a press release starts with its title",
            line=title_line,
            format="text",
        )
    i += 1
    header: list[HeaderLine] = []
    source = url = None
    # The header block: blank lines, bullets and data lines, until the first
    # line that is none of those (the first paragraph).
    while i < n:
        raw = lines[i]
        stripped = raw.strip()
        if not stripped:
            i += 1
            continue
        bullet = _BULLET.match(raw)
        content = stripped[bullet.end() - (len(raw) - len(raw.lstrip())) :].strip() if bullet else stripped
        try:
            value = None if not content or content == "|" else _header_value(content)
        except ParseError as exc:
            exc.line = i + 1
            raise
        if value is not None or not content or content == "|":
            if value is not None:
                header.append(HeaderLine(i + 1, content, value))
            i += 1
            continue
        if _reference_re().fullmatch(content):
            i += 1  # the document's reference number: not body text, and the model has no field for it
            continue
        label = _label_re().fullmatch(content)
        if label:
            if label.group("source"):
                source = label.group("value").strip()
            else:
                url = label.group("value").strip()
            i += 1
            continue
        if bullet and len(content) < 80 and not content.endswith((".", "»", "”", '"')):
            # A short bulleted line in the header block that is not data (a
            # category tag, a location): skip it rather than make it a paragraph.
            i += 1
            continue
        break
    paragraphs: list[str] = []
    starts: list[int] = []
    if i < n:
        body = "\n".join(lines[i:])
        line = i + 1
        pos = 0
        for m in _BLANK_RUN.finditer(body):
            chunk = body[pos : m.start()]
            _add(chunk, line, paragraphs, starts)
            line += chunk.count("\n") + m.group().count("\n")
            pos = m.end()
        _add(body[pos:], line, paragraphs, starts)
    return Segments(title, title_line, tuple(header), tuple(paragraphs), tuple(starts), source, url)


def _add(chunk: str, line: int, paragraphs: list[str], starts: list[int]) -> None:
    stripped = chunk.strip()
    if not stripped:
        return
    if "\n" in stripped:
        # Hard-wrapped lines of one paragraph: join them; keep inner spacing otherwise.
        stripped = " ".join(part.strip() for part in stripped.split("\n"))
    paragraphs.append(stripped)
    starts.append(line)
