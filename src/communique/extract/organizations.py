"""Organisation names and acronyms (``data/organizations.toml``) found in text."""

from __future__ import annotations

import re
from functools import cache

from ..locale import organizations, pack
from ._data import normalize, phrase_pattern

__all__ = ["find_organization", "office_titles", "organization_name", "organization_of_title", "organization_seat"]


@cache
def _matcher(language: str) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for org in organizations():
        display = org.display_in(language)
        for form in org.forms_in(language):
            lookup.setdefault(normalize(form), display)
    return re.compile(phrase_pattern(lookup)), lookup


def find_organization(text: str, language: str) -> str | None:
    """The display form of the most specific organisation named in ``text`` (longest mention), or ``None``.

    ``"président du Comité militaire de l’Union européenne (CMUE)"`` → ``"CMUE"``.
    """
    pattern, lookup = _matcher(language)
    best: str | None = None
    best_len = 0
    for m in pattern.finditer(normalize(text)):
        if len(m.group()) > best_len:
            best, best_len = lookup[m.group()], len(m.group())
    return best


def organization_name(form: str, language: str) -> str | None:
    """The display form of the organisation written ``form`` (``"NATO"`` → ``"OTAN"`` in French)."""
    return _matcher(language)[1].get(normalize(form.strip()))


@cache
def _seats(language: str) -> dict[str, str | None]:
    return {org.display_in(language): org.seat for org in organizations()}


def organization_seat(display: str, language: str) -> str | None:
    """The country of the headquarters of the organisation shown as ``display`` ("OTAN" → "BE"), if known."""
    return _seats(language).get(display)


@cache
def office_titles(language: str) -> tuple[tuple[str, str], ...]:
    """(title in small letters, display form) of every office holder's title of the table, longest first."""
    code = pack(language).code
    pairs = [
        (normalize(t).lower(), org.display_in(language)) for org in organizations() for t in org.titles.get(code, ())
    ]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def organization_of_title(role: str, language: str) -> str | None:
    """The display form of the organisation whose office holders' title ``role`` opens with
    ("Haut-Commissaire des Nations Unies pour les réfugiés" → "HCR"), or ``None``."""
    low = normalize(role).lower()
    return next((display for title, display in office_titles(language) if low.startswith(title)), None)
