"""How a release's dates and labels are printed, per language: the exporters' side of the packs.

Templates come from each pack's ``[format]`` section, names from ``[months]``
and words from ``[labels]``; nothing here parses.
"""

from __future__ import annotations

import datetime as _dt

from ..model import Dates
from .pack import Labels, pack

__all__ = [
    "format_date",
    "format_date_line",
    "format_event_dates",
    "format_published",
    "format_updated",
    "labels",
    "month_name",
    "weekday_name",
]


def labels(language: str) -> Labels:
    """The words the document exporters print (headings, column names, kind, end mark)."""
    return pack(language).labels


def month_name(month: int, language: str) -> str:
    """The display name of ``month`` (1–12) in ``language``: ``(5, "fr")`` → ``"mai"``."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, not {month}")
    return pack(language).months[month - 1][0]


def weekday_name(day: _dt.date, language: str) -> str:
    """The display name of ``day``'s weekday: ``(date(2021, 3, 3), "es")`` → ``"miércoles"``."""
    return pack(language).weekdays[day.weekday()][0]


def _day(day: _dt.date, language: str) -> str:
    return pack(language).format.first_day if day.day == 1 else str(day.day)


def format_date(day: _dt.date, language: str) -> str:
    """``date(2018, 5, 22)`` → ``"22 mai 2018"`` (fr), ``"22 May 2018"`` (en); French writes ``"1er"``."""
    return pack(language).format.date.format(
        day=_day(day, language), month=month_name(day.month, language), year=day.year
    )


def format_event_dates(start: _dt.date | None, end: _dt.date | None, language: str) -> str | None:
    """The event day or range: ``"22–23 mai 2018"``, ``"30 May – 2 June 2018"``, ``"22 mai 2018"``."""
    if start is None:
        return None
    fmt = pack(language).format
    if end is None or end == start:
        return format_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return fmt.range_same_month.format(
            day1=_day(start, language),
            day2=_day(end, language),
            month=month_name(start.month, language),
            year=start.year,
        )
    if start.year == end.year:
        return fmt.range_same_year.format(
            day1=_day(start, language),
            month1=month_name(start.month, language),
            day2=_day(end, language),
            month2=month_name(end.month, language),
            year=start.year,
        )
    return fmt.range.format(start=format_date(start, language), end=format_date(end, language))


def _zone(value: _dt.datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return " UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f" UTC{sign}{hours:02d}:{rest:02d}"


def _stamp(kind: str, value: _dt.date, language: str) -> str:
    fmt = pack(language).format
    if not isinstance(value, _dt.datetime):
        # A date-only stamp is printed without a time: the page gave none.
        template = fmt.updated_date if kind == "updated" else fmt.published_date
        return template.format(date=format_date(value, language))
    time = fmt.time.format(hour=value.hour, minute=value.minute) + _zone(value)
    template = fmt.updated if kind == "updated" else fmt.published
    return template.format(date=format_date(value.date(), language), time=time)


def format_updated(value: _dt.date, language: str) -> str:
    """``"Mis à jour le 20 juillet 2018 à 15 h 57"`` / ``"Last updated 20 July 2018 15:57"``.

    An aware time carries its offset: ``"… 19:44 UTC+01:00"``.  A date-only
    stamp (a :class:`datetime.date`) is printed without a time:
    ``"Last updated 20 July 2018"``.
    """
    return _stamp("updated", value, language)


def format_published(value: _dt.date, language: str) -> str:
    """``"Publié le 20 juillet 2018 à 15 h 57"`` / ``"Published 20 July 2018 15:57"``; a date only: ``"Publié le 20 juillet 2018"``."""
    return _stamp("published", value, language)


def format_date_line(dates: Dates, language: str) -> str | None:
    """The date line under a title, or ``None`` if ``dates`` holds nothing to show.

    The event dates and the last update (or, failing that, the publication)
    joined by the language's separator::

        22–23 mai 2018 | Mis à jour le 20 juillet 2018 à 15 h 57
        14 September 2019 | Last updated 14 September 2019 19:44
    """
    parts: list[str] = []
    event = format_event_dates(dates.start, dates.end, language)
    if event:
        parts.append(event)
    if dates.updated is not None:
        parts.append(_stamp("updated", dates.updated, language))
    elif dates.published is not None:
        parts.append(_stamp("published", dates.published, language))
    return pack(language).format.separator.join(parts) if parts else None
