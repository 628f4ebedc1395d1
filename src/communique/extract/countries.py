"""Country names in English and French ↔ ISO 3166-1 alpha-2 codes.

The table (``data/countries.json``) holds, per code and language, a display
name followed by every form a release may use: long official forms
("République hellénique"), former names ("République de Macédoine"); and,
under ``<language>_adj``, the nationality adjectives in all their inflections
("serbe", "serbes", "Serbian"), which are both country mentions and
modifiers inside a person's role ("le président finlandais").
"""

from __future__ import annotations

import re
from functools import cache

from ._data import countries, lang, normalize, phrase_pattern

__all__ = ["adjectives", "country_code", "country_name", "find_countries"]


def country_name(code: str, language: str) -> str:
    """Display name of the country ``code`` in ``language``.

    Falls back to English, then to the code itself::

        >>> country_name("GR", "fr")
        'Grèce'
    """
    entry = countries().get(code.upper())
    if not entry:
        return code
    primary = language.split("-", 1)[0].lower()
    names = entry.get(primary) or entry.get("en")
    return names[0] if names else code


@cache
def _matcher(language: str) -> tuple[re.Pattern[str], dict[str, str]]:
    primary = language.split("-", 1)[0].lower()
    ambiguous = set(lang(primary).get("countries", {}).get("ambiguous", []))
    lookup: dict[str, str] = {}
    # Two passes so that a display name ("Congo" for CG) beats the same form
    # used as an alias of another country.
    for pass_ in (0, 1):
        for code, entry in countries().items():
            names = [*(entry.get(primary) or entry.get("en", [])), *entry.get(f"{primary}_adj", [])]
            for i, name in enumerate(names):
                if (i == 0) != (pass_ == 0) or name in ambiguous:
                    continue
                form = normalize(name)
                for variant in (form, form[:1].upper() + form[1:]):
                    lookup.setdefault(variant, code)
    return re.compile(phrase_pattern(lookup)), lookup


def find_countries(text: str, language: str) -> list[tuple[int, int, str]]:
    """Every country mention in ``text`` as ``(start, end, code)``, in order.

    Longest forms win ("République de Macédoine du Nord" is one mention).
    Apostrophes ``'``/``’`` and no-break spaces are treated alike.
    """
    pattern, lookup = _matcher(language)
    return [(m.start(), m.end(), lookup[m.group()]) for m in pattern.finditer(normalize(text))]


def country_code(name: str, language: str) -> str | None:
    """The ISO code of a country name or adjective in ``language``, or ``None``."""
    _, lookup = _matcher(language)
    return lookup.get(normalize(name.strip()))


@cache
def adjectives(language: str) -> dict[str, str]:
    """Nationality adjective (normalised, lower-case) → ISO code, for ``language``.

    ``adjectives("fr")["finlandaise"] == "FI"``.
    """
    primary = language.split("-", 1)[0].lower()
    return {
        normalize(form).lower(): code for code, entry in countries().items() for form in entry.get(f"{primary}_adj", [])
    }
