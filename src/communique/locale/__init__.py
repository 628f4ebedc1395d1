"""Language packs: what communique knows about each language, and how each language prints.

One typed :class:`LanguagePack` per file ``communique/data/<code>.toml``,
discovered from the files present and loaded once per process (see
:mod:`communique.locale.pack`).  The extraction rules (:mod:`communique.extract`)
read their words from here; the exporters read date formats, labels and
country names from here.  Publisher vocabulary (NATO commands, EU bodies) is
organisation data (:func:`organizations`), not language data.

Nothing is loaded at import time.
"""

from __future__ import annotations

from .format import (
    format_date,
    format_date_line,
    format_event_dates,
    format_published,
    format_updated,
    labels,
    month_name,
    weekday_name,
)
from .pack import DEFAULT_LANGUAGE, Labels, LanguagePack, languages, load_pack, pack, primary
from .tables import Organization, countries, country_name, organizations

__all__ = [
    "DEFAULT_LANGUAGE",
    "Labels",
    "LanguagePack",
    "Organization",
    "countries",
    "country_name",
    "format_date",
    "format_date_line",
    "format_event_dates",
    "format_published",
    "format_updated",
    "labels",
    "languages",
    "load_pack",
    "month_name",
    "organizations",
    "pack",
    "primary",
    "weekday_name",
]
