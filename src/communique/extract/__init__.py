"""How plain prose becomes structure: pure functions from strings to model parts.

One module per concern (:mod:`.segment`, :mod:`.dates`, :mod:`.dateline`,
:mod:`.quotes`, :mod:`.speakers`, :mod:`.attendees`, :mod:`.countries`,
:mod:`.language`).  Language knowledge lives in ``communique/data`` and is
loaded on first use, never at import.
"""

from __future__ import annotations

from .attendees import find_attendees
from .countries import country_code, country_name, find_countries
from .dateline import split_dateline
from .dates import (
    attendees_heading,
    find_body_dates,
    format_date,
    format_date_line,
    format_event_dates,
    format_updated,
    month_name,
    parse_event_dates,
    parse_stamp,
)
from .language import detect_language
from .quotes import find_quote_spans
from .release import find_quotes, release_from_parts, release_from_text
from .segment import segment
from .speakers import attribute_speakers

__all__ = [
    "attendees_heading",
    "attribute_speakers",
    "country_code",
    "country_name",
    "detect_language",
    "find_attendees",
    "find_body_dates",
    "find_countries",
    "find_quote_spans",
    "find_quotes",
    "format_date",
    "format_date_line",
    "format_event_dates",
    "format_updated",
    "month_name",
    "parse_event_dates",
    "parse_stamp",
    "release_from_parts",
    "release_from_text",
    "segment",
    "split_dateline",
]
