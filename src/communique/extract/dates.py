"""Dates: header stamps, event ranges and dates in prose (parsing only; printing is :mod:`communique.locale`).

Every word comes from the language packs: month and weekday names, ordinal
suffixes, range and time joiners, the words between day, month and year
("3 de marzo de 2021"), hour marks ("15 h 57").  Header dates accept every
pack's words, because a French page may print its header dates in English
abbreviations ("22 May. 2018"); dates in prose use the release's language.
A time zone written after a time ("19:44 CET", "15:57 (UTC+1)") makes the
stamp an aware datetime.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from ..errors import ParseError
from ..locale import languages, pack
from ..locale.tables import ambiguous_time_zones, regional_time_zones, time_zones
from ._data import alternation, normalize

__all__ = [
    "DateStamp",
    "LineDates",
    "event_length",
    "find_body_dates",
    "leading_body_date",
    "leading_event_dates",
    "month_number",
    "parse_date",
    "parse_event_dates",
    "parse_stamp",
    "says_concluded",
    "says_opened",
    "shows_clock_time",
    "trailing_event_dates",
    "weekday_near",
    "weekday_span",
    "yearless_event_dates",
]


class DateStamp(NamedTuple):
    """A labelled header date: ``kind`` is ``"updated"`` or ``"published"``."""

    kind: str
    value: _dt.date | _dt.datetime
    """A datetime when the stamp gives a time; a date when it gives none (never an invented midnight)."""
    labelled: bool = True
    """False for a date with its time of day and no label ("June 03, 2025 07:00 AM"): the page's date line too."""


class LineDates(NamedTuple):
    """What a header line reads as: :func:`parse_stamp`'s result, then (for a line that is no stamp) :func:`parse_event_dates`'s.

    The line classifier reads every short line with a digit; it keeps this on
    the line, so that the header reader does not parse the same text again.
    """

    stamp: DateStamp | None
    event: tuple[_dt.date, _dt.date | None] | None


@cache
def _months() -> dict[str, int]:
    # Keys are lower-cased and without the abbreviation dot: "juil" and "juil." match alike.
    table: dict[str, int] = {}
    for code in languages():
        for number, names in enumerate(pack(code).months, 1):
            for name in names:
                table.setdefault(name.lower().rstrip("."), number)
    return table


def month_number(word: str) -> int | None:
    """The month (1–12) named by ``word`` in any known language (``"Sept."`` → 9), else ``None``."""
    return _months().get(word.lower().rstrip("."))


def _words(attr: str, codes: Iterable[str]) -> list[str]:
    """The ``dates.<attr>`` words of every pack in ``codes``."""
    return [w for code in codes for w in getattr(pack(code).dates, attr)]


_WORD = r"[^\W\d_]+\.?"


class _Patterns(NamedTuple):
    date: re.Pattern[str]
    range: re.Pattern[str]
    stamp: re.Pattern[str]
    body: re.Pattern[str]
    body_mdy: re.Pattern[str] | None
    timed: str
    """The source of :func:`_timed`'s pattern: compiled only when a line with a clock time is no labelled stamp."""


@cache
def _patterns(codes: tuple[str, ...]) -> _Patterns:
    """The date patterns built from the packs ``codes`` (every pack for header dates)."""
    ordinal = alternation(_words("ordinal", codes)) + "?"
    link = rf"(?:\s+{alternation(_words('date_links', codes))})?"
    weekday = alternation(w.rstrip(".") for code in codes for names in pack(code).weekdays for w in names)
    # "Tuesday 3 March 2021", "Martes, 3 de marzo de 2021": the weekday is read past, never checked.
    # "Le 17 février 2025 — Relations internationales", "El 3 de marzo de 2025": an article may open a date line.
    article = alternation(w for code in codes for w in pack(code).people.role_articles if not w.endswith(("’", "'")))
    opening = rf"(?:{article}\s+)?(?:{weekday}\.?,?\s+)?"
    # "22 May. 2018", "1er juillet 2018", "3 de marzo de 2021"
    # "07. Mar 2024": a dot after the day, as German-speaking sites write it; "17th April, 2024": a comma
    # before the year, as West African and South Asian ministries write it.
    dmy = rf"(?P<d>\d{{1,2}})\.?{ordinal}{link}\s+(?P<m>{_WORD}){link},?\s+(?P<y>\d{{4}})"
    # "May 22, 2018"
    mdy = rf"(?P<m2>{_WORD})\s+(?P<d2>\d{{1,2}}){ordinal},?\s+(?P<y2>\d{{4}})"
    iso = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    # "23/01/2012", "13.01.2014", "12-06-2018", "07 / 03 / 2023": day first (see _ymd).
    num = r"(?P<nd>\d{1,2}) ?[/.-] ?(?P<nm>\d{1,2}) ?[/.-] ?(?P<ny>\d{4})"
    # "21-Oct-2019", "16-Aug-2006": the day, a month name and the year joined by hyphens.
    hyphenated = rf"(?P<hd>\d{{1,2}})-(?P<hm>{_WORD})-(?P<hy>\d{{4}})"
    date = rf"{opening}(?:{dmy}|{mdy}|{iso}|{num}|{hyphenated})"
    hour_marks = alternation([":", *_words("hour_marks", codes)])
    zone = rf"(?P<Z>{alternation([*time_zones(), *regional_time_zones(), *ambiguous_time_zones()])}|(?:UTC|GMT)[ \u00a0]*[+−-][ \u00a0]*\d{{1,2}}(?::?\d{{2}})?)"
    suffixes = alternation(
        [*_words("time_suffixes", codes), *_words("afternoon_marks", codes), *_words("morning_marks", codes)]
    )
    time = (
        rf"(?:\s*{alternation(_words('time_joiners', codes))}?\s*(?P<H>\d{{1,2}})\s*{hour_marks}\s*(?P<M>\d{{2}})"
        rf"(?:\s*(?P<S>{suffixes})(?!\w))?(?:\s*\(?\s*{zone}\s*\)?)?)?"
    )
    joiner = alternation(_words("range_joiners", codes))
    a_date, b_date = date.replace("?P<", "?P<a_"), date.replace("?P<", "?P<b_")
    # "Date: 12 March 2021": a label that says the line is the page's date (a range is the event's; a single
    # date is read as the publication stamp first, see ``stamp``).
    date_label = rf"(?:{alternation(_words('date_labels', codes))}\s*:?\s*)?"
    # A time after the page's date is read past: "October 18, 2019 12:00AM EDT", "Mar 21, 2017, 08:30 ET",
    # "14-02-2023 - 13:05", "March 21, 2023 04:00 AM Eastern Daylight Time".
    clock = (
        rf"(?:\s*[,–—-]?\s*(?:{alternation(_words('time_joiners', codes))}\s*)?\d{{1,2}}\s*{hour_marks}\s*\d{{2}}"
        rf"(?:\s*(?:{suffixes})(?!\w))?(?:\s*\(?[^\W\d_][\w .+:()-]{{0,30}}\)?)?)?"
    )
    range_ = rf"\s*{date_label}(?P<a>{a_date})\s*{joiner}?\s*(?P<b>{b_date})?{clock}\s*[-–—]?\s*"
    labels = []
    for kind in ("updated", "published"):
        labels.append(f"(?P<{kind}>{alternation(_words(kind, codes))})")
    # "Date: Sunday, 8 March 2026", "Date : 2025-09-18": the page's date, with its colon, is when it was
    # published (" date 2020-01-01", an index's artifact, is no label).
    labels.append(rf"(?P<dated>{alternation(_words('date_labels', codes))})(?=\s*:)")
    # What may follow a stamp on its line and is not part of it: "Mise à jour : 16/06/2021 - Direction : …",
    # "Posted On: 18 FEB 2025 6:42PM by PIB Delhi" (a byline: the packs' subtitle openers).
    bylines = alternation(w for code in codes for w in pack(code).header.subtitle_openers)
    tail = rf"(?:\s+(?:[-–—|]|(?i:{bylines}))\s+.*)?"
    # "Published: 16:40 9 March 2024", "Issued at 9:45am on Tuesday 17 February 2026": the time first.
    first_links = alternation(_words("time_first_links", codes))
    lead = (
        rf"(?:(?:{alternation(_words('time_joiners', codes))}\s*)?(?P<H0>\d{{1,2}})\s*{hour_marks}\s*(?P<M0>\d{{2}})"
        rf"(?:\s*(?P<S0>{suffixes})(?!\w))?\s*(?:{first_links}\s+|[,–—|-]\s*)?)?"
    )
    stamp = rf"\s*(?:{'|'.join(labels)})\s*:?\s*{lead}(?P<date>{date}){time}{tail}\s*"
    # "June 03, 2025 07:00 AM", "Sun 23-03-2025 15:42", "12 mars 2025, 10 h 30": a date with the time of day and
    # no label is a stamp too — the CMS's publication stamp (an event's day has no clock time in a header).
    # The label's groups are there, never matching, so that one reader reads both patterns.
    unlabelled = "".join(f"(?P<{name}>(?!))?" for name in ("updated", "H0", "M0", "S0"))
    timed = rf"\s*{unlabelled}(?P<date>{date}){time[:-1]}{tail}\s*"
    # Prose: "les 22 et 23 mai", "du 30 mai au 2 juin 2018", "on 22-23 May", "el 3 de marzo".  The
    # first month is only read when a second day follows it, so that "on 2 November for talks"
    # does not take "for" for the month.
    opener = rf"(?:{alternation(_words('range_openers', codes))}\s+)?"
    # "entre el martes 25 y el miércoles 26 de junio", "du lundi 3 au mercredi 5 juin": a weekday (after a
    # short article) may stand before each day.
    day_name = rf"(?:(?:[^\W\d_]{{1,3}}\s+)?(?i:{weekday})\.?,?\s+)?"
    body = (
        rf"(?<![\d\w]){opener}{day_name}(?P<d1>\d{{1,2}}){ordinal}"
        rf"(?:(?:{link}\s+(?P<m1>[^\W\d_]+)\.?)?\s*{joiner}\s*{day_name}(?P<d2>\d{{1,2}}){ordinal})?"
        rf"{link}\s+(?P<m2>[^\W\d_]+)\.?(?:,?{link}\s+(?P<y>\d{{4}}))?"
    )
    body_mdy = None
    if any(pack(code).dates.month_first for code in codes):
        # "May 22-23, 2018", "February 24 to March 7, 2025" (a second month before the second day).
        body_mdy = (
            rf"(?<![\w])(?P<m>[^\W\d_]+)\.?\s+(?P<d1>\d{{1,2}}){ordinal}"
            rf"(?:\s*{joiner}\s*(?:(?P<mb>[^\W\d_]+)\.?\s+)?(?P<d2>\d{{1,2}}){ordinal})?(?:,?\s+(?P<y>\d{{4}}))?(?!\d)"
        )
    return _Patterns(
        date=re.compile(date, re.IGNORECASE),
        range=re.compile(range_, re.IGNORECASE),
        stamp=re.compile(stamp, re.IGNORECASE),
        body=re.compile(body),
        body_mdy=re.compile(body_mdy) if body_mdy else None,
        timed=timed,
    )


@cache
def _timed() -> re.Pattern[str]:
    return re.compile(_header().timed, re.IGNORECASE)


_CLOCK = re.compile(r"\d\s*[:hH.]\s*\d\d(?!\d)")


def shows_clock_time(text: str) -> bool:
    """Whether ``text`` writes a time of day ("09:00", "10 h 30", "7.15"): a stamp's, not a date's."""
    return _CLOCK.search(text) is not None


def _header() -> _Patterns:
    return _patterns(languages())


# The groups of one date in the patterns: day-month-year, month-day-year, ISO, numeric, hyphenated.
_DATE_GROUPS = ("d", "m", "y", "d2", "m2", "y2", "iy", "im", "id", "nd", "nm", "ny", "hd", "hm", "hy")


@cache
def _date_groups(prefix: str) -> tuple[str, ...]:
    """The names of a date's groups in a pattern where they carry ``prefix`` (``"a_"``, ``"b_"`` in a range)."""
    return tuple(prefix + name for name in _DATE_GROUPS)


def _ymd(m: re.Match[str], prefix: str = "") -> tuple[int, int, int] | None:
    # All the groups in one call: a call per group (or ``groupdict``, which builds a
    # dict of every group of the pattern) cost more than the rest of the date parsing.
    d, mo, y, d2, m2, y2, iy, im, id_, nd, nm, ny, hd, hm, hy = m.group(*_date_groups(prefix))
    if d:
        month = month_number(mo)
        return None if month is None else (int(y or 0), month, int(d))
    if d2:
        month = month_number(m2)
        return None if month is None else (int(y2 or 0), month, int(d2))
    if iy:
        return int(iy), int(im or 0), int(id_ or 0)
    if nd:
        day, month = int(nd), int(nm or 0)
        if month > 12 >= day:
            day, month = month, day  # "03/21/2017": only the month-first reading is a date
        return int(ny or 0), month, day
    if hd:
        month = month_number(hm)
        return None if month is None else (int(hy or 0), month, int(hd))
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
    m = _header().date.fullmatch(text.strip())
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
    m = _header().range.fullmatch(text)
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
def _weekday_names(
    language: str,
) -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A pattern for the pack's full weekday names (whole words), name → ISO weekday, the future markers,
    the range words that may stand before a weekday, and the words that make it the next one."""
    lp = pack(language)
    names = {normalize(w): n for n, forms in enumerate(lp.weekdays, 1) for w in forms if not w.endswith(".")}
    # As the pack writes them: "Domingo" in "Santo Domingo" is no Sunday in Spanish, where weekdays are small.
    pattern = re.compile(rf"(?<!\w){alternation(names)}(?!\w)")
    future = re.compile(rf"(?<!\w)(?i:{alternation(normalize(w) for w in lp.dates.future_markers)})(?!\w)")
    # A weekday after a range's words ("from Wednesday afternoon", "jusqu'à vendredi") bounds a period, it
    # dates no event of its own.
    ranged = re.compile(
        rf"(?<!\w)(?i:{alternation(normalize(w) for w in (*lp.dates.range_openers, *lp.dates.range_joiners))})[ \u00a0]+$"
    )
    nearby = re.compile(rf"(?<!\w)(?i:{alternation(normalize(w) for w in lp.dates.next_words)})(?!\w)")
    return pattern, names, future, ranged, nearby


_FUTURE_REACH = 80  # characters before a weekday where a future marker says it is to come


def weekday_near(sentence: str, dated: _dt.date, language: str) -> _dt.date | None:
    """The day a weekday named in ``sentence`` ("on Tuesday night", "este lunes") is, for a release dated
    ``dated``: the last such day before it, or with a future marker of the pack ("will", "prochain") the next
    one after it; ``dated`` itself for the release's own weekday; ``None`` when the sentence names no weekday.
    """
    pattern, names, future, ranged, nearby = _weekday_names(language)
    text = normalize(sentence)
    m = pattern.search(text)
    if m is None or ranged.search(text, max(0, m.start() - 20), m.start()):
        return None
    if _other_event(language).search(text, max(0, m.start() - _OTHER_EVENT_REACH), m.start()):
        return None  # "who died in Apia on Saturday": the day of another event than the release's
    wanted = names[m.group()]
    if wanted == dated.isoweekday():
        return dated
    # A future marker before the weekday, in its clause ("will travel on Thursday"); not one after it, of
    # another verb ("opened on Wednesday and will close on Friday").
    if future.search(text, max(0, m.start() - _FUTURE_REACH), m.start()) or nearby.search(
        text, max(0, m.start() - 12), min(len(text), m.end() + 12)
    ):
        return dated + _dt.timedelta(days=(wanted - dated.isoweekday()) % 7)
    return dated - _dt.timedelta(days=(dated.isoweekday() - wanted) % 7)


_SPAN_GAP = 100  # characters between the two weekdays of one event's days ("from Thursday to Sunday")
_LONGEST_WEEK_SPAN = 6  # days: two weekdays of one sentence say at most a week's event


@cache
def _recurring(language: str) -> re.Pattern[str] | None:
    words = pack(language).dates.recurring_words
    return re.compile(rf"(?<!\w)(?i:{alternation(normalize(w) for w in words)})[ \u00a0]+$") if words else None


def weekday_span(paragraph: str, dated: _dt.date, language: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day of an event that a sentence of ``paragraph`` tells by two weekdays, for a release
    dated ``dated``: "a four-day meeting held … from Thursday to Sunday", "réunies mercredi et jeudi", "celebrada
    el martes y el miércoles", "opened on Wednesday and will close on Friday".

    The first weekday is the last such day up to ``dated`` (the next one after a future marker), the second the
    first such day after it; the second may be after ``dated`` only after a future marker ("will close on
    Friday"). Not a weekday with its date ("lundi 12 mai": the date says it), one after a word of
    ``dates.recurring_words`` ("every Monday", "los lunes"), one tied to another event (a death), nor a pair
    with a clock time between or just after them (opening hours: "Monday to Friday, 8:00 to 16:00").
    """
    pattern, names, future, _, _ = _weekday_names(language)
    recurring = _recurring(language)
    joined = _joined(language)
    text = normalize(paragraph)
    for first, second in itertools.pairwise(pattern.finditer(text)):
        gap = text[first.end() : second.start()]
        if (
            not joined.match(gap)
            or len(gap) > _SPAN_GAP
            or _SENTENCE_STOP.search(gap)
            or _CLOCK.search(text, first.end(), second.end() + 30)
        ):
            continue
        if any(_DIGIT_AFTER.match(text, m.end()) for m in (first, second)):
            continue
        if recurring is not None and any(
            recurring.search(text, max(0, m.start() - 12), m.start()) for m in (first, second)
        ):
            continue
        if _other_event(language).search(text, max(0, first.start() - _OTHER_EVENT_REACH), first.start()):
            continue
        w1, w2 = names[first.group()], names[second.group()]
        if w1 == w2:
            continue
        ahead = future.search(text, max(0, first.start() - _FUTURE_REACH), first.start()) is not None
        if ahead:
            start = dated + _dt.timedelta(days=(w1 - dated.isoweekday()) % 7)
        else:
            start = dated - _dt.timedelta(days=(dated.isoweekday() - w1) % 7)
        end = start + _dt.timedelta(days=(w2 - w1) % 7)
        if (end - start).days > _LONGEST_WEEK_SPAN:
            continue
        if end > dated and not ahead and future.search(gap) is None:
            continue
        return start, end
    return None


@cache
def _joined(language: str) -> re.Pattern[str]:
    """A gap between two weekdays that opens with a range joiner ("to", " et ", " y el "): one span's days."""
    words = pack(language).dates.range_joiners
    return re.compile(rf"[ \u00a0]*(?i:{alternation(normalize(w) for w in words)})(?!\w)")


_SENTENCE_STOP = re.compile(r"[.!?;]\s")
_DIGIT_AFTER = re.compile(r"[ \u00a0]*\d")


def leading_event_dates(text: str) -> tuple[str, tuple[_dt.date, _dt.date | None]] | None:
    """Split event dates off the start of a line: ``"12-06-2018 News Release 18/112"`` → ``("News Release 18/112", …)``.

    ``None`` when the line does not start with a date followed by something else.
    """
    m = _header().date.match(text)
    if m is None or m.end() == len(text):
        return None
    rest = text[m.end() :]
    if rest[:1].isalnum():
        return None
    # The longest head of the line that is a date or a range (with a time): "21 mar, 2017, 10:00 GMT".
    for end in range(len(text), m.end() - 1, -1):
        if end < len(text) and not text[end].isspace() and text[end] not in ",|-–—":
            continue
        dates = parse_event_dates(text[:end])
        if dates is not None:
            return text[end:].strip(" ,|-–—"), dates
    return None


def trailing_event_dates(text: str) -> tuple[str, tuple[_dt.date, _dt.date | None]] | None:
    """Split event dates off the end of a line: ``"Title 28 Feb. 2020 -"`` → ``("Title", (date(2020, 2, 28), None))``.

    ``None`` when the line does not end with a date or range; impossible dates raise
    :class:`~communique.errors.ParseError`.
    """
    if not text.rstrip(" -–—")[-1:].isdigit():
        return None  # every date ends with its year or its day: most lines are ruled out without a search
    pattern = _header().date
    m = pattern.search(text, 1)
    while m is not None:
        # "Moldavie 28 févr.": "vie" is a Spanish weekday only as a word of its own; look again one further.
        if not text[m.start() - 1].isalnum():
            dates = parse_event_dates(text[m.start() :])
            if dates is not None:
                return text[: m.start()].rstrip(" -–—,"), dates
        m = pattern.search(text, m.start() + 1)
    return None


_STAMP_NOTE_WORDS = 4


def parse_stamp(text: str) -> DateStamp | None:
    """Parse an update or publication stamp.

    ``"Mis à jour le: 20 Jul. 2018 15:57"`` → ``DateStamp("updated", datetime(2018, 7, 20, 15, 57))``;
    ``None`` if the line is not a stamp.  The time is optional: without one the
    value is a :class:`datetime.date` (``"Published 4 December 2018"``).
    """
    m = _header().stamp.fullmatch(text)
    if not m and text.endswith(")") and "(" in text:
        # "Publié le 8 juillet 2025 à 10h30 (heure de Paris)": a note on the time in brackets after the stamp.
        note = text[text.rfind("(") :]
        if len(note.split()) <= _STAMP_NOTE_WORDS:
            m = _header().stamp.fullmatch(text[: text.rfind("(")].rstrip())
    labelled = m is not None
    if not m and shows_clock_time(text):
        m = _timed().fullmatch(text)
    if not m:
        return None
    ymd = _ymd(m)
    if ymd is None:
        return None
    written, hours, minutes, updated, zone, suffix = m.group("date", "H", "M", "updated", "Z", "S")
    if hours is None and m.group("H0") is not None:
        hours, minutes, suffix = m.group("H0", "M0", "S0")  # the time written before the date
    day = _make_date(ymd, written)
    hour, minute = int(hours or 0), int(minutes or 0)
    if hour > 23 or minute > 59:
        raise ParseError(f"impossible time {hours}:{minutes}", format="text")
    if suffix is not None:
        hour = _twelve_hour(hour, suffix)
    kind = "updated" if updated else "published"
    if hours is None:
        return DateStamp(kind, day)  # "Published 4 December 2018": a day, not midnight
    local = _dt.datetime(day.year, day.month, day.day, hour, minute)
    return DateStamp(kind, local.replace(tzinfo=_zone(zone, local)), labelled)


@cache
def _half_days() -> tuple[frozenset[str], frozenset[str]]:
    """The afternoon and morning marks of every pack, lower-cased."""
    codes = languages()
    return (
        frozenset(w.lower() for w in _words("afternoon_marks", codes)),
        frozenset(w.lower() for w in _words("morning_marks", codes)),
    )


def _twelve_hour(hour: int, suffix: str) -> int:
    """The 24-hour hour of ``hour`` followed by ``suffix`` ("9:15 PM" → 21, "12:30 AM" → 0)."""
    afternoon, morning = _half_days()
    mark = suffix.lower()
    if mark not in afternoon and mark not in morning:
        return hour  # "15:57 h": a suffix read past
    if hour == 0 or hour > 12:
        return hour  # "15:05 PM", "0:30 AM": already a 24-hour time, whatever the mark says
    if mark in afternoon:
        return hour if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


def _zone(written: str | None, local: _dt.datetime) -> _dt.timezone | None:
    """The fixed offset a time zone abbreviation or ``UTC+1`` names at the wall-clock time ``local``.

    ``None`` when none is written, or when the zone is a region's (``ET``) and this machine has no time
    zone database to say whether summer time was on: a stamp without its zone, never a wrong one.
    """
    if not written:
        return None
    written = " ".join(written.split())
    if written.upper() in ambiguous_time_zones():
        return None  # "10:05 AST": Atlantic or Arabia — the time is kept, without a zone
    known = time_zones().get(written.upper())
    region = None if known is not None else regional_time_zones().get(written.upper())
    if region is not None:
        return _regional_offset(region, local)
    if known is not None:
        minutes = known
    else:
        m = re.search(r"([+−-])\s*(\d{1,2})(?::?(\d{2}))?$", written)
        assert m is not None  # the pattern only lets through abbreviations and offsets
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        if m.group(1) != "+":
            minutes = -minutes
        if abs(minutes) > 14 * 60:
            raise ParseError(f"impossible time zone offset {written!r}", format="text")
    return _dt.timezone(_dt.timedelta(minutes=minutes))


def _regional_offset(region: str, local: _dt.datetime) -> _dt.timezone | None:
    """The UTC offset of IANA zone ``region`` at wall-clock time ``local`` ("America/New_York" in June: −4 h)."""
    import zoneinfo  # only for a stamp that names a region's zone

    try:
        offset = local.replace(tzinfo=zoneinfo.ZoneInfo(region)).utcoffset()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return None if offset is None else _dt.timezone(offset)


def yearless_event_dates(text: str, year: int | None) -> tuple[_dt.date, _dt.date | None] | None:
    """A header line that is a day or a range without its year (``"Apr. 3 to 6"``, ``"22 et 23 mai"``).

    The year comes from elsewhere on the page (``year``); ``None`` when the
    line is something else, or when no year is known.
    """
    if year is None:
        return None
    patterns = _header()
    line = text.strip().rstrip(" -–—")
    for pattern in (patterns.body, patterns.body_mdy):
        m = pattern.fullmatch(line) if pattern is not None else None
        if m is not None:
            return find_body_dates(line, year)
    return None


def find_body_dates(
    text: str, year: int | None, *, before: _dt.date | None = None, language: str | None = None
) -> tuple[_dt.date, _dt.date | None] | None:
    """The first event date or range written in prose, e.g. ``"les 22 et 23 mai"``.

    A missing year is taken from ``year`` (the header's); when ``before`` is
    given (the publication date) and the date would fall months after it, the
    previous year is meant (a January release about a December event); weeks
    after it, it is an event the release announces.
    Returns ``(start, end)`` or ``None``; impossible dates are skipped here,
    since prose numbers are not always dates.  ``language`` chooses the pack
    whose words are read (every pack when ``None``).
    """
    patterns = _header() if language is None else _patterns((pack(language).code,))
    since = _since(language)
    other = _other_event(language)
    for m in patterns.body.finditer(text):
        if other.search(text, max(0, m.start() - _OTHER_EVENT_REACH), m.start()):
            continue  # "décédé le 10 avril": the day of a death, not of the release's event
        if since.search(text, max(0, m.start() - _SINCE_REACH), m.start()) or (
            not m.group("d2") and since.search(text, m.start(), min(len(text), m.start() + _SINCE_REACH))
        ):
            continue  # "incarcérée depuis le 9 avril": the start of a state, not the event's day
        m2 = month_number(m.group("m2"))
        if m2 is None:
            continue
        m1 = month_number(m.group("m1")) if m.group("m1") else m2
        if m1 is None:
            continue
        found = _body_range(int(m.group("d1")), m1, int(m.group("d2") or 0) or None, m2, m.group("y"), year, before)
        if found:
            return found
    for m in patterns.body_mdy.finditer(text) if patterns.body_mdy is not None else ():
        if since.search(text, max(0, m.start() - _SINCE_REACH), m.start()):
            continue
        month = month_number(m.group("m"))
        if month is None:
            continue
        second = month_number(m.group("mb")) if m.group("mb") else month
        if second is None:
            continue
        found = _body_range(
            int(m.group("d1")), month, int(m.group("d2") or 0) or None, second, m.group("y"), year, before
        )
        if found:
            return found
    return None


_SINCE_REACH = 14  # characters before a date where a "since" word makes it no event's day
_OTHER_EVENT_REACH = 40  # characters before a date or a weekday where a death's word ties it to the death


@cache
def _other_event(language: str | None) -> re.Pattern[str]:
    """The packs' ``dates.other_event_words``, as whole words."""
    codes = languages() if language is None else (pack(language).code,)
    words = [normalize(w) for code in codes for w in pack(code).dates.other_event_words]
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?i:{alternation(words)})(?!\w)")


@cache
def _since(language: str | None) -> re.Pattern[str]:
    """The packs' ``dates.since_words``, ending right before a date (its article and a space between)."""
    codes = languages() if language is None else (pack(language).code,)
    words = [normalize(w) for code in codes for w in pack(code).dates.since_words]
    if not words:
        return re.compile(r"(?!x)x")
    # Ending right before the date, or opening the match itself ("desde el 9 de abril", where "desde" also
    # opens a range: with no second day, it is a start, not a range).
    return re.compile(rf"(?<!\w)(?i:{alternation(words)})[ \u00a0]+(?:(?:the|le|el)[ \u00a0]+)?(?:$|(?=\d))")


def concluded_visit(sentence: str, dated: _dt.date, language: str) -> tuple[_dt.date, _dt.date] | None:
    """``(first day, dated)`` when ``sentence`` says a visit of ``n`` days ended on the release's day
    ("today concluded a three-day visit", "a achevé une visite de deux jours", "concluyó una visita de dos
    días"): pack keys ``dates.visit_lengths``, ``dates.day_counts`` and ``dates.concluded``."""
    forms, concluded, counts = _visit_patterns(language)
    text = normalize(sentence)
    if not forms or concluded.search(text) is None:
        return None
    m = next((found for form in forms if (found := form.search(text)) is not None), None)
    if m is None:
        return None
    written = m.group("n").lower()
    n = int(written) if written.isdigit() else counts.get(written)
    if n is None or not 1 < n <= _LONGEST_VISIT:
        return None
    return dated - _dt.timedelta(days=n - 1), dated


_LONGEST_VISIT = 14  # days


def event_length(sentence: str, language: str) -> int | None:
    """The number of days ``sentence`` gives an event ("a two-day meeting", "une session de trois jours",
    "un taller de dos días": pack keys ``dates.visit_lengths`` and ``dates.day_counts``), between 2 and 14,
    else ``None``."""
    forms, _, counts = _visit_patterns(language)
    text = normalize(sentence)
    m = next((found for form in forms if (found := form.search(text)) is not None), None)
    if m is None:
        return None
    written = m.group("n").lower()
    n = int(written) if written.isdigit() else counts.get(written)
    return n if n is not None and 1 < n <= _LONGEST_VISIT else None


@cache
def _until(language: str) -> re.Pattern[str] | None:
    words = pack(language).dates.until_words
    return re.compile(rf"(?<!\w)(?:{alternation(normalize(w) for w in words)})[ \u00a0]+") if words else None


def runs_until(paragraphs: Sequence[str], start: _dt.date, language: str) -> _dt.date | None:
    """The last day of an event that began on ``start``, when one of ``paragraphs`` says it runs or ran to a
    day (pack key ``dates.until_words``: "began on Monday 12 May and concludes on Friday 16 May", "que se
    extenderá hasta el 17 de octubre", "Les travaux se poursuivront jusqu'au jeudi 8 mai"); a day within
    two weeks after ``start``, else ``None``."""
    pattern = _until(language)
    if pattern is None:
        return None
    for paragraph in paragraphs:
        text = normalize(paragraph)
        for m in pattern.finditer(text):
            found = find_body_dates(text[m.end() : m.end() + _UNTIL_REACH], start.year, language=language)
            if found is None or found[1] is not None:
                continue
            if 0 < (found[0] - start).days <= _LONGEST_VISIT and text[m.end() :].lstrip()[:1].isalnum():
                return found[0]
    return None


_UNTIL_REACH = 40  # characters after the word: the day and its month ("jeudi 8 mai", "el 17 de octubre")


def concluded_since(paragraph: str, dated: _dt.date, language: str) -> tuple[_dt.date, _dt.date] | None:
    """``(first day, dated)`` when ``paragraph`` says something ended (``dates.concluded``) and names an earlier
    day, at most two weeks before the release's day ``dated``, when it began ("s'est achevée ce jeudi. Réunis
    depuis le lundi 31 mars, …"; "ha concluido este viernes el ejercicio, en el que desde el lunes 19 de mayo
    …"; "after two days of talks opened on Tuesday 10 June"): the event's days."""
    _, concluded, _ = _visit_patterns(language)
    text = normalize(paragraph)
    if concluded.search(text) is None:
        return None
    for m in _patterns((pack(language).code,)).body.finditer(text):
        if m.group("d2"):
            return None  # a range of its own says the days
        m2 = month_number(m.group("m2"))
        if m2 is None:
            continue
        day = _body_range(int(m.group("d1")), m2, None, m2, m.group("y"), dated.year, dated)
        if day is not None and 0 < (dated - day[0]).days < _LONGEST_VISIT:
            return day[0], dated
    # "… que se desarrolló desde el jueves 25": a since word, a weekday and a day without its month (the month
    # of the release's day, or the one before).
    since = _since_day(language).search(text)
    if since is not None:
        number = int(since.group("d"))
        year, month = (dated.year, dated.month) if number < dated.day else _month_before(dated)
        try:
            first = _dt.date(year, month, number)
        except ValueError:
            return None
        if 0 < (dated - first).days < _LONGEST_VISIT:
            return first, dated
    return None


def _month_before(day: _dt.date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


@cache
def _since_day(language: str) -> re.Pattern[str]:
    """A since word (``dates.since_words``), an optional article and weekday, then a day number and no month."""
    lp = pack(language)
    since = alternation(normalize(w) for w in lp.dates.since_words) or "(?!x)x"
    days = alternation(normalize(w) for forms in lp.weekdays for w in forms if not w.endswith("."))
    articles = alternation(normalize(w) for w in lp.people.articles if " " not in w) or "(?!x)x"
    # (Not a day with its month: "desde el jueves 25 de septiembre" is read by the date patterns.)
    links = alternation(normalize(w) for w in lp.dates.date_links) or "(?!x)x"
    return re.compile(
        rf"(?<!\w)(?i:{since})[ \u00a0]+(?:(?i:{articles})[ \u00a0]+)?(?:{days})[ \u00a0]+(?P<d>\d{{1,2}})(?![\w/.:])"
        rf"(?![ \u00a0]+(?:(?:{links})[ \u00a0]+)?[^\W\d_]{{3,}}\.?[ \u00a0]+\d)"
    )


@cache
def _opened_words(language: str) -> re.Pattern[str]:
    words = [normalize(w) for w in pack(language).dates.opened_words]
    return re.compile(rf"(?<!\w)(?i:{alternation(words)})(?!\w)") if words else re.compile(r"(?!x)x")


def says_opened(text: str, language: str) -> bool:
    """Whether ``text`` says something opened (pack key ``dates.opened_words``: "opened", "s’est ouverte")."""
    return _opened_words(language).search(normalize(text)) is not None


def says_concluded(text: str, language: str) -> bool:
    """Whether ``text`` says something ended (pack key ``dates.concluded``: "s’est achevée", "concluded")."""
    return _visit_patterns(language)[1].search(normalize(text)) is not None


@cache
def _visit_patterns(language: str) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], dict[str, int]]:
    """The compiled ``dates.visit_lengths`` of the pack (one pattern per form, its number a group ``n``),
    its ``concluded`` words, and its number words."""
    words = pack(language).dates
    counts = {normalize(k).lower(): v for k, v in words.day_counts.items()}
    number = rf"(?P<n>\d{{1,2}}|{alternation(counts)})" if counts else r"(?P<n>\d{1,2})"
    forms = tuple(
        re.compile(re.escape(normalize(f)).replace(re.escape("{n}"), number, 1), re.IGNORECASE)
        for f in words.visit_lengths
        if "{n}" in f
    )
    ended = [normalize(w) for w in words.concluded]
    concluded = re.compile(rf"(?<!\w)(?i:{alternation(ended)})(?!\w)") if ended else re.compile(r"(?!x)x")
    return forms, concluded, counts


def leading_body_date(
    text: str, year: int | None, *, language: str | None = None
) -> tuple[_dt.date, _dt.date | None] | None:
    """The date or range a paragraph opens with ("On 4 March, …", "Le 18 février dernier, …"), else ``None``.

    An opening word of up to three letters may come first ("On", "Le", "El"); a year missing from
    the date is ``year``.
    """
    head = text[:60]
    short, _, rest = head.partition(" ")
    if rest and len(short) <= 3 and short.isalpha():
        head = rest
    found = find_body_dates(head[:40], year, language=language)
    if found is None:
        return None
    # The date must be the opening words, not a later date of the sentence.
    first = re.search(r"\d", head)
    return found if first is not None and first.start() <= 14 else None


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
    if not written_year and before is not None and (start - before).days > _AHEAD_DAYS:
        # (A day some weeks after the publication is an event it announces, "del 30 de junio al 6 de julio"
        # in a release of 24 June; months after it, the year before is meant: a January release about December.)
        try:
            start, end = start.replace(year=y - 1), end.replace(year=end.year - 1) if end else None
        except ValueError:
            return None
    return start, end


_AHEAD_DAYS = 120  # days after the publication an unyeared date may be: later, it is the year before's
