"""How plain prose becomes structure: pure functions from strings to model parts.

One module per concern (:mod:`.segment`, :mod:`.dates`, :mod:`.dateline`,
:mod:`.quotes`, :mod:`.speakers`, :mod:`.attendees`, :mod:`.countries`,
:mod:`.language`).  Language knowledge lives in ``communique/data`` and is
loaded on first use, never at import.
"""

from __future__ import annotations

from .countries import country_code, country_name, find_countries
from .dates import attendees_heading, format_date, format_date_line, format_event_dates, format_updated, month_name

__all__ = [
    "attendees_heading",
    "country_code",
    "country_name",
    "find_countries",
    "format_date",
    "format_date_line",
    "format_event_dates",
    "format_updated",
    "month_name",
]
