"""How plain prose becomes structure: pure functions from strings to model parts.

One module per concern (:mod:`.segment`, :mod:`.dates`, :mod:`.dateline`,
:mod:`.quotes`, :mod:`.speakers`, :mod:`.attendees`, :mod:`.countries`,
:mod:`.language`).  Every word a rule knows comes from the language packs
(:mod:`communique.locale`), loaded on first use, never at import; printing
dates and labels is the locale room's job, not this one's.
"""

from __future__ import annotations

from .attendees import find_attendees
from .countries import country_code, find_countries
from .dateline import split_dateline
from .dates import find_body_dates, parse_event_dates, parse_stamp
from .language import detect_language
from .quotes import find_quote_spans
from .release import find_quotes, release_from_parts, release_from_text
from .segment import segment
from .speakers import attribute_speakers

__all__ = [
    "attribute_speakers",
    "country_code",
    "detect_language",
    "find_attendees",
    "find_body_dates",
    "find_countries",
    "find_quote_spans",
    "find_quotes",
    "parse_event_dates",
    "parse_stamp",
    "release_from_parts",
    "release_from_text",
    "segment",
    "split_dateline",
]
