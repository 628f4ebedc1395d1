"""Release → blocks: the one layout pass shared by the DOCX and PDF exporters.

Both documents show the same things in the same order with the same words and
the same house style:

* a **header band** on every page: the organisation (``Header.source``, or the
  exporter's ``organization`` option) and the kind of document from the pack
  (``Communiqué de presse``, ``Press release``, ``Nota de prensa``);
* the reference (the publisher's document number, small, above the title), the
  title (its size chosen so that it takes at most :data:`TITLE_MAX_LINES`
  lines), the subtitle under it, a date line;
* paragraphs (the dateline leading the first one, quotes as spans inside their
  paragraph), the participants table, the end mark of the pack (``###``,
  ``– FIN –``);
* a footer with page numbers ``n / N``.

The participants table is decided here too: identical role-only rows (no name,
no rank, same role and organisation) are **collapsed into one row** listing
their countries in the release's language; a column no row fills is dropped;
column widths are fitted (:func:`fit_widths`) so that no word is split inside
a cell.  French typography (:func:`typeset`: no-break spaces before ``: ; ! ?``
and inside « », ``15 h 57``, superscript ordinals) is applied to what is
printed, never to the release itself (the embedded copy keeps its text).
Deciding all that here keeps the two exporters about typography only.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from attrs import frozen

from .locale import country_name, format_date_line, labels
from .model import PressRelease

__all__ = [
    "COLUMN_FIELDS",
    "MIN_TABLE_ROWS",
    "TABLE_START_MIN",
    "TITLE_MAX_LINES",
    "TITLE_SIZES",
    "Layout",
    "LayoutParagraph",
    "Span",
    "count_lines",
    "fit_widths",
    "french_spaces",
    "layout",
    "table_starts_page",
    "title_size",
    "typeset",
]

COLUMN_FIELDS = ("name", "rank", "role", "organization", "country")
"""The attendee fields a participants table can show, in column order."""

TITLE_MAX_LINES = 4
TITLE_SIZES = (19.0, 17.0, 15.5, 14.0, 12.5)
"""Title sizes in points, tried in turn until the title takes at most :data:`TITLE_MAX_LINES` lines."""

TABLE_START_MIN = 45 * 72 / 25.4
"""Points (45 mm) the participants heading needs below it on a page, or the section starts on the next one."""
MIN_TABLE_ROWS = 2
"""Rows of the participants table a page holds at least: neither its start nor its end is one row alone."""

NBSP = "\u00a0"
NNBSP = "\u202f"


@frozen
class Span:
    """A run of text; ``quote`` marks words inside quotation marks, ``sup`` an ordinal's superscript letters."""

    text: str
    quote: bool = False
    speaker: str | None = None
    sup: bool = False


@frozen
class LayoutParagraph:
    """A body paragraph: optional leading dateline, then spans in order."""

    spans: tuple[Span, ...]
    dateline: str | None = None
    """The place to print first (e.g. ``"Belgrade"``); only on the first paragraph."""
    dateline_separator: str = " – "


@frozen
class Layout:
    """Everything a document exporter prints, already in order and in the release's language."""

    title: str
    """The title as written (metadata); :attr:`title_spans` is what is printed."""
    title_spans: tuple[Span, ...]
    language: str
    organization: str | None
    """The organisation in the header band."""
    kind: str
    """The kind of document in the header band (from the pack)."""
    subtitle: str | None
    """The standfirst, printed under the title."""
    reference: str | None
    """The publisher's document number, printed small above the title."""
    date_line: str | None
    paragraphs: tuple[LayoutParagraph, ...]
    attendees_heading: str
    attendee_fields: tuple[str, ...]
    """The fields shown as columns (a subset of :data:`COLUMN_FIELDS`, in that order)."""
    attendee_columns: tuple[str, ...]
    """Column headings, in the release's language."""
    attendee_rows: tuple[tuple[str, ...], ...]
    attendee_sources: tuple[tuple[int, ...], ...]
    """For each row, the indexes of the attendees it shows (several for a collapsed row)."""
    end_mark: str
    author: str | None
    subject: str | None
    keywords: tuple[str, ...]
    created: _dt.date | None
    """A datetime, or a date when the release gives no time (metadata then says the day only)."""
    modified: _dt.date | None


# --------------------------------------------------------------------------- typography

_ORDINAL = re.compile(r"(?<![\w.,])(\d{1,4})(ers?|res?|es?|ème|èmes|nds?|des?)(?!\w)")
_TIME = re.compile(r"(?<![\w:])(\d{1,2})\s?h\s?(\d{2})(?!\w)")
_BEFORE_HIGH = re.compile(r"[ \t\u00a0\u202f]+([:»])")
_BEFORE_LOW = re.compile(r"[ \t\u00a0\u202f]+([;!?])")
# Any space already there (a no-break one too) is replaced, never doubled.
_AFTER_GUILLEMET = re.compile(r"«[ \t\u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"(?<=\S)»")


_DIGIT = re.compile(r"\d")


def _french(text: str) -> str:
    # Each rule only where its mark occurs: the scans cost ~10 ns a character each otherwise.
    if ":" in text or "»" in text:
        text = _BEFORE_HIGH.sub(lambda m: NBSP + m.group(1), text)
    if ";" in text or "!" in text or "?" in text:
        text = _BEFORE_LOW.sub(lambda m: NNBSP + m.group(1), text)
    if "«" in text:
        text = _AFTER_GUILLEMET.sub("«" + NBSP, text)
    if "»" in text:
        text = _CLOSE_GUILLEMET.sub(NBSP + "»", text)
    if "h" in text and _DIGIT.search(text):
        text = _TIME.sub(lambda m: f"{m.group(1)}{NBSP}h{NBSP}{m.group(2)}", text)
    return text


_SEPARATORS = "[ \t\u00a0\u202f]"
_MARK = re.compile("[:;!?»]")
_OPENING = re.compile(f"«({_SEPARATORS}*)")
_SPACED_TIME = re.compile(r"(?<![\w:])\d{1,2}(\s?)h(\s?)\d{2}(?!\w)")
FORMS = {"none": "", "space": " ", "nbsp": NBSP, "nnbsp": NNBSP}
"""What a text may hold where French typography puts a no-break space, by name."""


def _form(separator: str) -> str:
    if not separator:
        return "none"
    if NBSP in separator:
        return "nbsp"
    return "nnbsp" if NNBSP in separator else "space"


def french_spaces(texts: Sequence[str]) -> dict[str, str]:
    """What ``texts`` hold where :func:`typeset` puts its no-break spaces, the most frequent form per place.

    Places are the marks ``: ; ! ? »`` (the space before), ``«`` (the space after)
    and ``h1``/``h2`` (either side of the *h* of a time); forms are the names of
    :data:`FORMS`.  The DOCX exporter records this beside the embedded release so
    that the ``docx`` parser, reading an edited document's visible text, puts
    back what the release held (a NATO release writes U+00A0 there, most
    releases a plain space).
    """
    from collections import Counter

    seen: dict[str, Counter[str]] = {}
    separators = " \t\u00a0\u202f"
    for text in texts:
        for m in _MARK.finditer(text):
            # The separator before the mark: what _BEFORE_HIGH/_BEFORE_LOW replace (a space at least),
            # or nothing before a » that follows a word (_CLOSE_GUILLEMET).
            mark, end = m.group(), m.start()
            start = end
            while start > 0 and text[start - 1] in separators:
                start -= 1
            if start == end and (mark != "»" or end == 0 or text[end - 1].isspace()):
                continue
            seen.setdefault(mark, Counter())[_form(text[start:end])] += 1
        if "«" in text:
            for m in _OPENING.finditer(text):
                seen.setdefault("«", Counter())[_form(m.group(1))] += 1
        if "h" not in text or not _DIGIT.search(text):
            continue
        for m in _SPACED_TIME.finditer(text):
            seen.setdefault("h1", Counter())[_form(m.group(1))] += 1
            seen.setdefault("h2", Counter())[_form(m.group(2))] += 1
    return {place: counts.most_common(1)[0][0] for place, counts in seen.items()}


def typeset(
    text: str, language: str, *, quote: bool = False, speaker: str | None = None, spacing: bool = True
) -> tuple[Span, ...]:
    """``text`` as printed in ``language``: French spacing (unless ``spacing`` is false) and superscript
    ordinals; other languages as written."""
    if not language.startswith("fr") or not text:
        return (Span(text, quote=quote, speaker=speaker),)
    if spacing:
        text = _french(text)
    spans: list[Span] = []
    cursor = 0
    for m in _ORDINAL.finditer(text):
        spans.append(Span(text[cursor : m.end(1)], quote=quote, speaker=speaker))
        spans.append(Span(m.group(2), quote=quote, speaker=speaker, sup=True))
        cursor = m.end()
    if cursor < len(text) or not spans:
        spans.append(Span(text[cursor:], quote=quote, speaker=speaker))
    return tuple(s for s in spans if s.text or len(spans) == 1)


def _join_spans(parts: Sequence[tuple[Span, ...]]) -> tuple[Span, ...]:
    """Spans of consecutive pieces, with a space between pieces made no-break before ``: ; ! ? »``."""
    out: list[Span] = []
    for piece in parts:
        if out and piece and out[-1].text.endswith(" ") and piece[0].text[:1] in ":;!?»":
            last = out[-1]
            no_break = NBSP if piece[0].text[:1] in ":»" else NNBSP
            out[-1] = Span(last.text[:-1] + no_break, quote=last.quote, speaker=last.speaker, sup=last.sup)
        out.extend(piece)
    return tuple(out)


def _spans(text: str, quotes: list[Any], language: str, spacing: bool) -> tuple[Span, ...]:
    pieces: list[tuple[Span, ...]] = []
    cursor = 0
    for q in quotes:
        if q.start > cursor:
            pieces.append(typeset(text[cursor : q.start], language, spacing=spacing))
        pieces.append(typeset(text[q.start : q.end], language, quote=True, speaker=q.speaker, spacing=spacing))
        cursor = q.end
    if cursor < len(text) or not pieces:
        pieces.append(typeset(text[cursor:], language, spacing=spacing))
    return _join_spans(pieces) if spacing else tuple(s for piece in pieces for s in piece)


def plain(spans: Sequence[Span]) -> str:
    """The text of ``spans`` put together."""
    return "".join(s.text for s in spans)


# --------------------------------------------------------------------------- measuring (shared by both formats)

Measure = Callable[[str], float]
"""Width of a text in points, in one face at one size."""

_SPACES = re.compile(r"[ \t\n]+")


def count_lines(text: str, width: float, measure: Measure) -> int:
    """Lines a greedy, hyphen-free line breaker gives ``text`` at ``width`` (words never split)."""
    lines, used = 1, 0.0
    space = measure(" ")
    for word in _SPACES.split(text.strip()):
        if not word:
            continue
        w = measure(word)
        if used and used + space + w > width:
            lines, used = lines + 1, w
        else:
            used += (space if used else 0.0) + w
    return lines


def _at_size(measure_at: Callable[[str, float], float], size: float, text: str) -> float:
    return measure_at(text, size)


def title_size(title: str, width: float, measure_at: Callable[[str, float], float]) -> float:
    """The first of :data:`TITLE_SIZES` at which ``title`` takes at most :data:`TITLE_MAX_LINES` lines."""
    for size in TITLE_SIZES:
        if count_lines(title, width, functools.partial(_at_size, measure_at, size)) <= TITLE_MAX_LINES:
            return size
    return TITLE_SIZES[-1]


def table_starts_page(remaining: float, heading: float, header_row: float, rows: Sequence[float]) -> bool:
    """Whether the participants section (heading and table) should start on a new page.

    ``remaining`` is the height left on the page where the heading would start,
    ``heading`` the heading's height with its spacing, ``header_row`` and ``rows``
    the table's row heights, all in points.  True when less than
    :data:`TABLE_START_MIN` is left, or when the heading, the header row and the
    first :data:`MIN_TABLE_ROWS` rows (all of them, for a shorter table) do not
    fit: the PDF exporter's rule (a conditional page break, then a table that
    never leaves fewer rows at the foot of a page), so both formats break alike.
    """
    start = heading + header_row + sum(rows[:MIN_TABLE_ROWS])
    return remaining < max(TABLE_START_MIN, start)


def fit_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: float,
    measure: Measure,
    measure_header: Measure,
    padding: float,
) -> list[float]:
    """Column widths summing to ``total`` such that no word of a cell is split, where that is possible.

    Each column gets at least its longest word (header included) plus ``padding``
    on both sides; what is left goes to the columns in proportion to how much
    their longest cell would still like.  One pass over the cells: linear in the rows.
    """
    count = len(header)
    longest_word = [0.0] * count
    natural = [0.0] * count
    seen: dict[str, float] = {}

    def width(text: str, m: Measure) -> float:
        w = seen.get(text)
        if w is None:
            w = seen[text] = m(text)
        return w

    for i, text in enumerate(header):
        for word in _SPACES.split(text):
            longest_word[i] = max(longest_word[i], measure_header(word))
        natural[i] = measure_header(text)
    for row in rows:
        for i, text in enumerate(row):
            if not text:
                continue
            full = width(text, measure)
            if full > natural[i]:
                natural[i] = full
            if full > longest_word[i]:  # a cell shorter than the longest word cannot hold a longer one
                for word in _SPACES.split(text):
                    if word:
                        longest_word[i] = max(longest_word[i], width(word, measure))
    minimum = [w + 2 * padding + 0.5 for w in longest_word]
    wanted = [max(n + 2 * padding + 0.5, m) for n, m in zip(natural, minimum, strict=True)]
    if sum(wanted) <= total:
        spare = total - sum(wanted)
        share = sum(wanted)
        return [w + spare * w / share for w in wanted]
    if sum(minimum) >= total:  # even the longest words do not fit side by side: shrink in proportion
        share = sum(minimum)
        return [total * m / share for m in minimum]
    # Water-filling: the spare width goes in equal shares to the columns that still want more,
    # so short columns get all they want and the long ones share the rest.
    widths = list(minimum)
    spare = total - sum(minimum)
    hungry = [i for i in range(count) if wanted[i] > widths[i]]
    while spare > 1e-6 and hungry:
        share = spare / len(hungry)
        for i in list(hungry):
            give = min(share, wanted[i] - widths[i])
            widths[i] += give
            spare -= give
            if wanted[i] - widths[i] <= 1e-6:
                hungry.remove(i)
    return widths


# --------------------------------------------------------------------------- the pass


def _participants(
    release: PressRelease, language: str, collapse: bool
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[tuple[int, ...], ...]]:
    """Shown fields, rows and their attendees: identical role-only rows collapsed, empty columns dropped."""
    groups: dict[tuple[str | None, str | None], int] = {}
    rows: list[dict[str, Any]] = []
    for index, a in enumerate(release.attendees):
        if collapse and a.name is None and a.rank is None and a.role is not None:
            key = (a.role, a.organization)
            at = groups.get(key)
            if at is not None:
                rows[at]["countries"].append(a.country)
                rows[at]["sources"].append(index)
                continue
            groups[key] = len(rows)
        rows.append(
            {
                "name": a.name,
                "rank": a.rank,
                "role": a.role,
                "organization": a.organization,
                "countries": [a.country],
                "sources": [index],
            }
        )
    for row in rows:
        names: list[str] = []
        for code in row.pop("countries"):
            if code:
                shown = country_name(code, language)
                if shown not in names:
                    names.append(shown)
        row["country"] = ", ".join(names)
    fields = tuple(f for f in COLUMN_FIELDS if any(row[f] for row in rows))
    table = tuple(tuple(row[f] or "" for f in fields) for row in rows)
    sources = tuple(tuple(row["sources"]) for row in rows)
    return fields, table, sources


def layout(
    release: PressRelease,
    *,
    organization: str | None = None,
    collapse: bool = True,
    spacing: bool = True,
    all_columns: bool = False,
) -> Layout:
    """Lay out ``release`` for a document exporter; ``organization`` overrides the header band's organisation.

    ``collapse`` (identical role-only rows in one row), ``spacing`` (French no-break
    spaces) and dropping empty columns (unless ``all_columns``) change the printed
    text; the DOCX and PDF exporters use all three (the ``docx`` parser reads a
    collapsed row back as one attendee per country and the added no-break spaces
    as plain ones), the HTML exporter, whose markup is read back as written,
    turns ``collapse`` and ``spacing`` off.
    """
    language = release.header.language
    words = labels(language)
    by_paragraph: dict[int, list[Any]] = {}
    for q in release.quotes:
        if not q.in_title:  # the title is printed as written; its quotes live in the embedded copy
            by_paragraph.setdefault(q.paragraph, []).append(q)
    paragraphs = tuple(
        LayoutParagraph(
            spans=_spans(p.text, by_paragraph.get(i, []), language, spacing),
            dateline=release.header.dateline if i == 0 else None,
            dateline_separator=words.dateline_separator,
        )
        for i, p in enumerate(release.paragraphs)
    )
    fields, rows, sources = _participants(release, language, collapse) if release.attendees else ((), (), ())
    if all_columns and release.attendees:
        fields, rows, sources = _participants(release, language, collapse)
        keep = set(fields)
        index = {f: i for i, f in enumerate(fields)}
        rows = tuple(tuple(row[index[f]] if f in keep else "" for f in COLUMN_FIELDS) for row in rows)
        fields = COLUMN_FIELDS
    keywords: list[str] = []
    for a in release.attendees:
        for word in (a.organization, country_name(a.country, language) if a.country else None):
            if word and word not in keywords:
                keywords.append(word)
    d = release.dates
    created = d.published or d.updated or d.start
    return Layout(
        title=release.header.title,
        title_spans=typeset(release.header.title, language, spacing=spacing),
        language=language,
        organization=organization or release.header.source,
        kind=words.kind,
        subtitle=release.header.subtitle,
        reference=release.header.reference,
        date_line=format_date_line(d, language),
        paragraphs=paragraphs,
        attendees_heading=words.attendees,
        attendee_fields=fields,
        attendee_columns=tuple(getattr(words, f) for f in fields),
        attendee_rows=rows,
        attendee_sources=sources,
        end_mark=words.end_mark,
        author=release.header.source,
        subject=release.header.dateline,
        keywords=tuple(keywords),
        created=created,
        modified=d.updated or created,
    )
