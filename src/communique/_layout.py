"""Release → blocks: the one layout pass shared by the DOCX and PDF exporters.

Both documents show the same things in the same order with the same words:
the reference (the publisher's document number, small, above the title), the
title, the subtitle under it, a date line, paragraphs (the dateline leading the
first one, quotes as spans inside their paragraph), then an attendees table.  Deciding that here
keeps the two exporters about typography only.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from attrs import frozen

from .locale import country_name, format_date_line, labels
from .model import PressRelease

__all__ = ["Layout", "LayoutParagraph", "Span", "layout"]


@frozen
class Span:
    """A run of paragraph text; ``quote`` marks words inside quotation marks."""

    text: str
    quote: bool = False
    speaker: str | None = None


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
    language: str
    subtitle: str | None
    """The standfirst, printed under the title."""
    reference: str | None
    """The publisher's document number, printed small above the title."""
    date_line: str | None
    paragraphs: tuple[LayoutParagraph, ...]
    attendees_heading: str
    attendee_columns: tuple[str, ...]
    attendee_rows: tuple[tuple[str, ...], ...]
    author: str | None
    subject: str | None
    keywords: tuple[str, ...]
    created: _dt.date | None
    """A datetime, or a date when the release gives no time (metadata then says the day only)."""
    modified: _dt.date | None


def _spans(text: str, quotes: list[Any]) -> tuple[Span, ...]:
    spans: list[Span] = []
    cursor = 0
    for q in quotes:
        if q.start > cursor:
            spans.append(Span(text[cursor : q.start]))
        spans.append(Span(text[q.start : q.end], quote=True, speaker=q.speaker))
        cursor = q.end
    if cursor < len(text) or not spans:
        spans.append(Span(text[cursor:]))
    return tuple(spans)


def layout(release: PressRelease) -> Layout:
    """Lay out ``release`` for a document exporter."""
    language = release.header.language
    words = labels(language)
    by_paragraph: dict[int, list[Any]] = {}
    for q in release.quotes:
        if not q.in_title:  # the title is printed as written; its quotes live in the embedded copy
            by_paragraph.setdefault(q.paragraph, []).append(q)
    paragraphs = tuple(
        LayoutParagraph(
            spans=_spans(p.text, by_paragraph.get(i, [])),
            dateline=release.header.dateline if i == 0 else None,
            dateline_separator=words.dateline_separator,
        )
        for i, p in enumerate(release.paragraphs)
    )
    rows = tuple(
        (
            a.name or "",
            a.rank or "",
            a.role or "",
            a.organization or "",
            country_name(a.country, language) if a.country else "",
        )
        for a in release.attendees
    )
    keywords: list[str] = []
    for a in release.attendees:
        for word in (a.organization, country_name(a.country, language) if a.country else None):
            if word and word not in keywords:
                keywords.append(word)
    d = release.dates
    created = d.published or d.updated or d.start
    return Layout(
        title=release.header.title,
        language=language,
        subtitle=release.header.subtitle,
        reference=release.header.reference,
        date_line=format_date_line(d, language),
        paragraphs=paragraphs,
        attendees_heading=words.attendees,
        attendee_columns=(words.name, words.rank, words.role, words.organization, words.country),
        attendee_rows=rows,
        author=release.header.source,
        subject=release.header.dateline,
        keywords=tuple(keywords),
        created=created,
        modified=d.updated or created,
    )
