"""Dates in English and French: header stamps, event ranges, dates in prose, and their display.

Month names come from the language data files (``[months]``); every
language's names are accepted in every text, because a French page may print
its header dates in English abbreviations ("22 May. 2018").
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import cache
from typing import NamedTuple

from ..errors import ParseError
from ..model import Dates
from ._data import LANGUAGES, lang

__all__ = [
    "DateStamp",
    "attendees_heading",
    "find_body_dates",
    "format_date",
    "format_date_line",
    "format_event_dates",
    "format_updated",
    "month_name",
    "month_number",
    "parse_date",
    "parse_event_dates",
    "parse_stamp",
]


class DateStamp(NamedTuple):
    """A labelled header date: ``kind`` is ``"updated"`` or ``"published"``."""

    kind: str
    value: _dt.datetime


@cache
def _months() -> dict[str, int]:
    # Keys are lower-cased and without the abbreviation dot: "juil" and "juil." match alike.
    table: dict[str, int] = {}
    for code in LANGUAGES:
        for number, names in lang(code)["months"].items():
            for name in names:
                table.setdefault(name.lower().rstrip("."), int(number))
    return table


def month_number(word: str) -> int | None:
    """The month (1–12) named by ``word`` in any known language (``"Sept."`` → 9), else ``None``."""
    return _months().get(word.lower().rstrip("."))


def month_name(month: int, language: str) -> str:
    """The display name of ``month`` (1–12) in ``language``: ``(5, "fr")`` → ``"mai"``."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, not {month}")
    names: list[str] = lang(language)["months"][str(month)]
    return names[0]


def attendees_heading(language: str) -> str:
    """Heading of the attendee list: ``"Participants"`` (fr) or ``"Attendees"`` (en)."""
    heading: str = lang(language)["format"]["attendees_heading"]
    return heading


_ORD = r"(?:er|re|st|nd|rd|th)?"
_WORD = r"[^\W\d_]+\.?"
# "22 May. 2018", "1er juillet 2018", "14 Sep 2019"
_DMY = rf"(?P<d>\d{{1,2}}){_ORD}\s+(?P<m>{_WORD})\s+(?P<y>\d{{4}})"
# "May 22, 2018"
_MDY = rf"(?P<m2>{_WORD})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
# "2018-05-22" and "22/05/2018"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_NUM = r"(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})[/.](?P<ny>\d{4})"
_DATE = rf"(?:{_DMY}|{_MDY}|{_ISO}|{_NUM})"
_DATE_RE = re.compile(_DATE)
_TIME = r"(?:\s*(?:,|à|at|-)?\s*(?P<H>\d{1,2})\s*(?::|h|\.)\s*(?P<M>\d{2})(?:\s*(?:h|CET|CEST|UTC|GMT))?)?"
_A_DATE = _DATE.replace("?P<", "?P<a_")
_B_DATE = _DATE.replace("?P<", "?P<b_")
_RANGE_RE = re.compile(rf"\s*(?P<a>{_A_DATE})\s*(?:[-–—]|to|au|à)?\s*(?P<b>{_B_DATE})?\s*[-–—]?\s*")


def _ymd(m: re.Match[str], prefix: str = "") -> tuple[int, int, int] | None:
    # Groups are read by name from the match: building a dict of all of them
    # (``groupdict``) cost more than the rest of the date parsing.
    def g(name: str) -> str:
        return m.group(prefix + name) or ""

    if g("d"):
        month = month_number(g("m"))
        return None if month is None else (int(g("y") or 0), month, int(g("d") or 0))
    if g("d2"):
        month = month_number(g("m2"))
        return None if month is None else (int(g("y2") or 0), month, int(g("d2") or 0))
    if g("iy"):
        return int(g("iy") or 0), int(g("im") or 0), int(g("id") or 0)
    if g("nd"):
        return int(g("ny") or 0), int(g("nm") or 0), int(g("nd") or 0)
    return None


def _make_date(ymd: tuple[int, int, int], written: str) -> _dt.date:
    try:
        return _dt.date(*ymd)
    except ValueError as exc:
        raise ParseError(f"impossible date {written.strip()!r}: {exc}", format="text") from None


def parse_date(text: str) -> _dt.date | None:
    """Parse one date written in full ("22 May. 2018", "1er juillet 2018", "2018-05-22").

    Returns ``None`` if ``text`` is not a date; raises
    :class:`~communique.errors.ParseError` if it is one that cannot exist
    ("31 Feb. 2018").
    """
    m = _DATE_RE.fullmatch(text.strip())
    if not m:
        return None
    ymd = _ymd(m)
    return None if ymd is None else _make_date(ymd, text)


def parse_event_dates(text: str) -> tuple[_dt.date, _dt.date | None] | None:
    """Parse an event line: ``"22 May. 2018 - 23 May. 2018"`` or ``"14 Sep. 2019 -"``.

    Returns ``(start, end)`` (``end`` is ``None`` for a single day), or
    ``None`` if the line is not an event date.  Impossible dates raise
    :class:`~communique.errors.ParseError`.
    """
    m = _RANGE_RE.fullmatch(text)
    if not m:
        return None
    a = _ymd(m, "a_")
    if a is None:
        return None
    start = _make_date(a, m.group("a"))
    end = None
    if m.group("b"):
        b = _ymd(m, "b_")
        if b is None:
            return None
        end = _make_date(b, m.group("b"))
        if end < start:
            raise ParseError(
                f"the event ends ({end.isoformat()}) before it starts ({start.isoformat()})", format="text"
            )
    return start, end


@cache
def _stamp_re() -> re.Pattern[str]:
    labels: list[tuple[str, str]] = []
    for code in LANGUAGES:
        for kind in ("updated", "published"):
            labels += [(kind, label) for label in lang(code)["dates"][kind]]
    groups = []
    for kind in ("updated", "published"):
        words = sorted({re.escape(w) for k, w in labels if k == kind}, key=len, reverse=True)
        groups.append(f"(?P<{kind}>{'|'.join(words)})")
    return re.compile(rf"\s*(?:{'|'.join(groups)})\s*:?\s*(?P<date>{_DATE}){_TIME}\s*", re.IGNORECASE)


def parse_stamp(text: str) -> DateStamp | None:
    """Parse an update or publication stamp.

    ``"Mis à jour le: 20 Jul. 2018 15:57"`` → ``DateStamp("updated", datetime(2018, 7, 20, 15, 57))``;
    ``None`` if the line is not a stamp.  The time is optional (midnight).
    """
    m = _stamp_re().fullmatch(text)
    if not m:
        return None
    ymd = _ymd(m)
    if ymd is None:
        return None
    day = _make_date(ymd, m.group("date"))
    hour, minute = int(m.group("H") or 0), int(m.group("M") or 0)
    if hour > 23 or minute > 59:
        raise ParseError(f"impossible time {m.group('H')}:{m.group('M')}", format="text")
    kind = "updated" if m.group("updated") else "published"
    return DateStamp(kind, _dt.datetime(day.year, day.month, day.day, hour, minute))


# "les 22 et 23 mai", "du 30 mai au 2 juin 2018", "on 22-23 May", "14 September 2019".
# The joiners are the same small closed set in every language, so the pattern is built once.
_BODY_RE = re.compile(
    r"(?<![\d\w])(?P<d1>\d{1,2})" + _ORD + r"(?:\s+(?P<m1>[^\W\d_]+)\.?)?"
    r"(?:\s*(?:et|au|and|to|through|until|-|–|—)\s*(?P<d2>\d{1,2})" + _ORD + r")?"
    r"\s+(?P<m2>[^\W\d_]+)\.?(?:,?\s+(?P<y>\d{4}))?"
)
_BODY_MDY_RE = re.compile(
    r"(?<![\w])(?P<m>[A-Z][a-z]+)\.?\s+(?P<d1>\d{1,2})"
    + _ORD
    + r"(?:\s*(?:-|–|—|to|and|through)\s*(?P<d2>\d{1,2})"
    + _ORD
    + r")?(?:,?\s+(?P<y>\d{4}))?(?!\d)"
)


def find_body_dates(
    text: str, year: int | None, *, before: _dt.date | None = None
) -> tuple[_dt.date, _dt.date | None] | None:
    """The first event date or range written in prose, e.g. ``"les 22 et 23 mai"``.

    A missing year is taken from ``year`` (the header's); when ``before`` is
    given (the publication date) and the date would fall after it, the
    previous year is meant (a January release about a December event).
    Returns ``(start, end)`` or ``None``; impossible dates are skipped here,
    since prose numbers are not always dates.
    """
    for m in _BODY_RE.finditer(text):
        m2 = month_number(m.group("m2"))
        if m2 is None:
            continue
        m1 = month_number(m.group("m1")) if m.group("m1") else m2
        if m1 is None:
            continue
        found = _body_range(int(m.group("d1")), m1, int(m.group("d2") or 0) or None, m2, m.group("y"), year, before)
        if found:
            return found
    for m in _BODY_MDY_RE.finditer(text):
        month = month_number(m.group("m"))
        if month is None:
            continue
        found = _body_range(
            int(m.group("d1")), month, int(m.group("d2") or 0) or None, month, m.group("y"), year, before
        )
        if found:
            return found
    return None


def _body_range(
    d1: int, m1: int, d2: int | None, m2: int, written_year: str | None, year: int | None, before: _dt.date | None
) -> tuple[_dt.date, _dt.date | None] | None:
    y = int(written_year) if written_year else year
    if y is None:
        return None
    try:
        start = _dt.date(y, m1, d1)
        end = _dt.date(y, m2, d2) if d2 else None
    except ValueError:
        return None
    if end is not None and end < start:
        if m1 == m2:
            return None
        end = end.replace(year=y + 1)
    if not written_year and before is not None and start > before:
        try:
            start, end = start.replace(year=y - 1), end.replace(year=end.year - 1) if end else None
        except ValueError:
            return None
    return start, end


def format_date(day: _dt.date, language: str) -> str:
    """``date(2018, 5, 22)`` → ``"22 mai 2018"`` (fr), ``"22 May 2018"`` (en); French writes ``"1er"``."""
    fmt = lang(language)["format"]
    d = fmt["first_day"] if day.day == 1 else str(day.day)
    return str(fmt["date"]).format(day=d, month=month_name(day.month, language), year=day.year)


def _day(day: _dt.date, language: str) -> str:
    return str(lang(language)["format"]["first_day"]) if day.day == 1 else str(day.day)


def format_event_dates(start: _dt.date | None, end: _dt.date | None, language: str) -> str | None:
    """The event day or range: ``"22–23 mai 2018"``, ``"30 May – 2 June 2018"``, ``"22 mai 2018"``."""
    if start is None:
        return None
    fmt = lang(language)["format"]
    if end is None or end == start:
        return format_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return str(fmt["range_same_month"]).format(
            day1=_day(start, language),
            day2=_day(end, language),
            month=month_name(start.month, language),
            year=start.year,
        )
    if start.year == end.year:
        return str(fmt["range_same_year"]).format(
            day1=_day(start, language),
            month1=month_name(start.month, language),
            day2=_day(end, language),
            month2=month_name(end.month, language),
            year=start.year,
        )
    return str(fmt["range"]).format(start=format_date(start, language), end=format_date(end, language))


def _format_stamp(kind: str, value: _dt.datetime, language: str) -> str:
    fmt = lang(language)["format"]
    time = str(fmt["time"]).format(hour=value.hour, minute=value.minute)
    return str(fmt[kind]).format(date=format_date(value.date(), language), time=time)


def format_updated(value: _dt.datetime, language: str) -> str:
    """``"Mis à jour le 20 juillet 2018 à 15 h 57"`` / ``"Last updated 20 July 2018 15:57"``."""
    return _format_stamp("updated", value, language)


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
        parts.append(_format_stamp("updated", dates.updated, language))
    elif dates.published is not None:
        parts.append(_format_stamp("published", dates.published, language))
    return str(lang(language)["format"]["separator"]).join(parts) if parts else None
