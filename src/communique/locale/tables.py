"""The language-independent tables the rules and exporters share: countries and organisations.

``countries.json`` holds, per ISO 3166-1 alpha-2 code and language, a display
name followed by every form a release may use, and under ``<language>_adj``
the nationality adjectives in all their inflections.  ``organizations.toml``
holds publisher vocabulary (NATO commands, EU bodies, UN organs): per
organisation, its display form and recognised forms per language, and the
titles of its office holders ("Supreme Allied Commander Europe") — words that
belong to an organisation, not to a language.  Both are loaded once, on first
use, and checked: an unknown key is a :class:`~communique.errors.LanguagePackError`.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from attrs import frozen

from ..errors import LanguagePackError
from .pack import languages, primary

__all__ = [
    "Organization",
    "ambiguous_time_zones",
    "capitals",
    "countries",
    "country_name",
    "given_names",
    "governments",
    "organizations",
    "regional_time_zones",
    "time_zones",
]


def _read(name: str) -> str:
    return resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")


def _toml(name: str) -> tuple[dict[str, Any], str]:
    """``data/<name>`` read as TOML, and the file's name for errors; a :class:`LanguagePackError` if it is none."""
    file = f"communique/data/{name}"
    try:
        return tomllib.loads(_read(name)), file
    except tomllib.TOMLDecodeError as exc:
        raise LanguagePackError(f"not valid TOML: {exc}", file=file) from None


@cache
def countries() -> dict[str, dict[str, list[str]]]:
    """ISO 3166-1 alpha-2 code → ``{"en": [display, forms...], "en_adj": [...], "fr": [...], ...}``."""
    data: dict[str, dict[str, list[str]]] = json.loads(_read("countries.json"))
    return data


def country_name(code: str, language: str) -> str:
    """Display name of the country ``code`` in ``language``; English, then the code itself, as fallbacks.

    >>> country_name("GR", "fr")
    'Grèce'
    """
    entry = countries().get(code.upper())
    if not entry:
        return code
    names = entry.get(primary(language)) or entry.get("en")
    return names[0] if names else code


@frozen(kw_only=True)
class Organization:
    """One organisation a release may name."""

    id: str
    display: dict[str, str]
    """Language → the form recorded in ``Attendee.organization`` ("OTAN" in French)."""
    forms: dict[str, tuple[str, ...]]
    """Language → every form recognised in text (acronyms, full names)."""
    titles: dict[str, tuple[str, ...]]
    """Language → titles of this organisation's office holders, standing before a name."""
    seat: str | None = None
    """ISO code of the country of its headquarters ("BE" for NATO): a release it files from that
    country's capital says nothing of its people's nationality; one from another capital (a field
    office's, a visit's) does."""

    def display_in(self, language: str) -> str:
        """The display form in ``language`` (English, then the id, when it has none)."""
        return self.display.get(primary(language)) or self.display.get("en") or self.id

    def forms_in(self, language: str) -> tuple[str, ...]:
        """The recognised forms in ``language`` (English ones when it has none)."""
        return self.forms.get(primary(language)) or self.forms.get("en", ())


def _strings(value: Any, where: str, file: str = "communique/data/organizations.toml") -> tuple[str, ...]:
    if type(value) is not list or not all(type(v) is str and v.strip() for v in value):
        raise LanguagePackError("expected a list of non-empty strings", file=file, key=where)
    return tuple(value)


@cache
def organizations() -> tuple[Organization, ...]:
    """The organisation table (``organizations.toml``), checked."""
    raw, file = _toml("organizations.toml")
    if set(raw) - {"organization"}:
        raise LanguagePackError(
            "unknown table (expected [[organization]] entries)", file=file, key=sorted(set(raw) - {"organization"})[0]
        )
    codes = set(languages())
    out: list[Organization] = []
    for i, entry in enumerate(raw.get("organization", [])):
        where = f"organization[{i}]"
        known = {"id", "display", "titles", "seat"}
        unknown = [k for k in entry if k not in known and k not in codes]
        if unknown:
            raise LanguagePackError(
                f"unknown key (not a language with a pack: {', '.join(sorted(codes))})",
                file=file,
                key=f"{where}.{unknown[0]}",
            )
        if type(entry.get("id")) is not str or not isinstance(entry.get("display"), dict):
            raise LanguagePackError("'id' (a string) and 'display' (a table) are required", file=file, key=where)
        titles = entry.get("titles", {})
        for table, name in ((entry["display"], "display"), (titles, "titles")):
            if not isinstance(table, dict) or set(table) - codes:
                raise LanguagePackError("keys must be languages with a pack", file=file, key=f"{where}.{name}")
        for lang, value in entry["display"].items():
            if type(value) is not str or not value.strip():
                raise LanguagePackError("expected a non-empty string", file=file, key=f"{where}.display.{lang}")
        seat = entry.get("seat")
        if seat is not None and seat not in countries():
            raise LanguagePackError("not an ISO 3166-1 alpha-2 code of countries.json", file=file, key=f"{where}.seat")
        out.append(
            Organization(
                seat=seat,
                id=entry["id"],
                display=dict(entry["display"]),
                forms={k: _strings(v, f"{where}.{k}") for k, v in entry.items() if k in codes},
                titles={k: _strings(v, f"{where}.titles.{k}") for k, v in titles.items()},
            )
        )
    return tuple(out)


def _names_by_country(name: str) -> dict[str, tuple[str, ...]]:
    """``data/<name>.toml``: one ``[<name>]`` table, ISO code → a list of non-empty strings, checked."""
    raw, file = _toml(f"{name}.toml")
    table = raw.get(name)
    if set(raw) != {name} or not isinstance(table, dict):
        raise LanguagePackError(f"expected one [{name}] table", file=file)
    known = countries()
    out: dict[str, tuple[str, ...]] = {}
    for code, names in table.items():
        if code not in known:
            raise LanguagePackError("not an ISO 3166-1 alpha-2 code of countries.json", file=file, key=f"{name}.{code}")
        if type(names) is not list or not names or not all(type(n) is str and n.strip() for n in names):
            raise LanguagePackError("expected a list of non-empty strings", file=file, key=f"{name}.{code}")
        out[code] = tuple(names)
    return out


@cache
def governments() -> dict[str, tuple[str, ...]]:
    """ISO code → the names that say a page is that state's (``data/governments.toml``), checked.

    Government portals, palaces, offices and state mottos printed in a page's masthead
    ("GOV.UK", "La Moncloa", "Liberté Égalité Fraternité"); read by :mod:`communique.extract.home`.
    """
    return _names_by_country("governments")


@cache
def government_domains() -> dict[str, str]:
    """A government's web domain, small letters → ISO code (``data/government_domains.toml``), checked.

    ``"gouv.fr"`` → ``"FR"``, ``"go.ke"`` → ``"KE"``; read by :mod:`communique.extract.home` on a page's address.
    """
    out: dict[str, str] = {}
    for code, domains in _names_by_country("government_domains").items():
        for domain in domains:
            out.setdefault(domain.strip(".").lower(), code)
    return out


@cache
def capitals() -> dict[str, str]:
    """A capital's name as datelines write it, casefolded → ISO code (``data/capitals.toml``), checked."""
    out: dict[str, str] = {}
    for code, names in _names_by_country("capitals").items():
        for name in names:
            out.setdefault(name.casefold(), code)
    return out


@cache
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """``(given names, family names written first)`` of ``data/given_names.toml``, casefolded, checked.

    A given name says where a person's name starts inside a run of capitalised words ("Minister of Economy
    and Sustainable Development Giorgi Lomidze"); a family name of a family-first naming order ("Tran Van
    Hieu", "Wang Yi") does the same.  Names, not words of a language: one table for every pack.
    """
    data, where = _toml("given_names.toml")
    unknown = sorted(set(data) - {"given", "family_first"})
    if unknown:
        raise LanguagePackError("unknown key", file=where, key=unknown[0])
    given, family = data.get("given"), data.get("family_first")
    if not isinstance(given, dict) or not given:
        raise LanguagePackError("expected a table of lists of names", file=where, key="given")
    if not isinstance(family, dict) or set(family) != {"names"}:
        raise LanguagePackError("expected a table with one key, names", file=where, key="family_first")
    first: set[str] = set()
    for group, names in given.items():
        first.update(n.casefold() for n in _strings(names, f"given.{group}", where))
    last = {n.casefold() for n in _strings(family["names"], "family_first.names", where)}
    return frozenset(first), frozenset(last)


@cache
def time_zones() -> dict[str, int]:
    """Time zone abbreviation → minutes east of UTC (``data/time_zones.toml``)."""
    file = "communique/data/time_zones.toml"
    out: dict[str, int] = {}
    for name, minutes in _time_zone_tables()[0].items():
        if type(minutes) is not int or abs(minutes) > 14 * 60:
            raise LanguagePackError("expected minutes east of UTC, within ±840", file=file, key=f"offsets.{name}")
        out[name.upper()] = minutes
    return out


@cache
def regional_time_zones() -> dict[str, str]:
    """Time zone name without its summer-time mark (``ET``, ``HE``) → IANA zone (``data/time_zones.toml``).

    Its offset depends on the day (``08:00 ET`` is UTC−4 in June, UTC−5 in January): see
    :func:`communique.extract.dates.parse_stamp`.
    """
    file = "communique/data/time_zones.toml"
    out: dict[str, str] = {}
    for name, zone in _time_zone_tables()[1].items():
        if not isinstance(zone, str) or "/" not in zone:
            raise LanguagePackError("expected an IANA time zone name (Area/City)", file=file, key=f"regions.{name}")
        if name.upper() in time_zones():
            raise LanguagePackError("named in [offsets] too", file=file, key=f"regions.{name}")
        out[name.upper()] = zone
    return out


@cache
def ambiguous_time_zones() -> frozenset[str]:
    """Time zone abbreviations that name several zones (``AST``: Atlantic or Arabia), ``data/time_zones.toml``
    ``[ambiguous]``: a stamp that writes one keeps its time without a zone."""
    file = "communique/data/time_zones.toml"
    names = _time_zone_tables()[2]
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise LanguagePackError("expected a list of abbreviations", file=file, key="ambiguous.names")
    out = frozenset(n.upper() for n in names)
    for name in sorted(out):
        if name in time_zones() or name in regional_time_zones():
            raise LanguagePackError("named in [offsets] or [regions] too", file=file, key=f"ambiguous.{name}")
    return out


@cache
def _time_zone_tables() -> tuple[dict[str, object], dict[str, object], object]:
    raw, file = _toml("time_zones.toml")
    offsets, regions = raw.get("offsets"), raw.get("regions", {})
    ambiguous = raw.get("ambiguous", {})
    if (
        not set(raw) <= {"offsets", "regions", "ambiguous"}
        or not isinstance(offsets, dict)
        or not isinstance(regions, dict)
        or not isinstance(ambiguous, dict)
        or not set(ambiguous) <= {"names"}
    ):
        raise LanguagePackError("expected [offsets], [regions] and [ambiguous] tables", file=file)
    return offsets, regions, ambiguous.get("names", [])
