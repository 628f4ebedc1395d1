"""Country mentions in text ↔ ISO 3166-1 alpha-2 codes (display names for output: :mod:`communique.locale`).

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

from ..locale import countries, pack, primary
from ._data import normalize, phrase_pattern

__all__ = [
    "adjectives",
    "ambiguous_country",
    "country_at_start",
    "country_code",
    "country_names",
    "find_countries",
    "listed_country",
]


@cache
def _matcher(language: str) -> tuple[re.Pattern[str], dict[str, str]]:
    code_ = primary(language)
    ambiguous = set(pack(language).countries.ambiguous)
    lookup: dict[str, str] = {}
    # Two passes so that a display name ("Congo" for CG) beats the same form
    # used as an alias of another country.
    for pass_ in (0, 1):
        for code, entry in countries().items():
            names = [*(entry.get(code_) or entry.get("en", [])), *entry.get(f"{code_}_adj", [])]
            for i, name in enumerate(names):
                if (i == 0) != (pass_ == 0) or name in ambiguous:
                    continue
                form = normalize(name)
                # Official names often capitalise their adjectives ("République Togolaise", "República
                # Dominicana" is already so): the form with every word of four letters or more capitalised.
                titled = " ".join(w[:1].upper() + w[1:] if len(w) > 3 else w for w in form.split(" "))
                for variant in (form, form[:1].upper() + form[1:], titled[:1].upper() + titled[1:]):
                    lookup.setdefault(variant, code)
    # "New Mexico", "West New Britain", "Nuevo México": a place named after a country is none.
    namesakes = "".join(
        f"(?<!{re.escape(normalize(w))}{gap})" for w in pack(language).countries.namesake_words for gap in (" ", "-")
    )
    return re.compile(namesakes + phrase_pattern(lookup)), lookup


@cache
def _ambiguous(language: str) -> dict[str, str]:
    """The pack's ambiguous country forms ("Chad", "Jordan": also first names) → their code."""
    code_ = primary(language)
    wanted = {normalize(w) for w in pack(language).countries.ambiguous}
    out: dict[str, str] = {}
    for code, entry in countries().items():
        for name in (*(entry.get(code_) or entry.get("en", [])), *entry.get(f"{code_}_adj", [])):
            form = normalize(name)
            if form in wanted:
                out.setdefault(form, code)
    return out


def ambiguous_forms(language: str) -> dict[str, str]:
    """The pack's ambiguous country forms ("Maurice", "Chad") → their code."""
    return _ambiguous(language)


def ambiguous_country(word: str, language: str) -> str | None:
    """The code of ``word`` when it is one of the pack's ambiguous country forms ("Chad"), else ``None``.

    Such a form is a country only where a person's name cannot stand: as the owner of an office
    ("Chad’s Minister of Foreign Affairs").
    """
    return _ambiguous(language).get(normalize(word))


def find_countries(text: str, language: str) -> list[tuple[int, int, str]]:
    """Every country mention in ``text`` as ``(start, end, code)``, in order.

    Longest forms win ("République de Macédoine du Nord" is one mention).
    Apostrophes ``'``/``’`` and no-break spaces are treated alike.
    """
    pattern, lookup = _matcher(language)
    return [(m.start(), m.end(), lookup[m.group()]) for m in pattern.finditer(normalize(text))]


def country_at_start(text: str, language: str) -> str | None:
    """The ISO code of the country named at the very start of ``text``, or ``None``.

    The same answer as ``find_countries(text, language)[0]`` when that mention starts at 0,
    from one anchored match rather than a scan of the whole text.
    """
    pattern, lookup = _matcher(language)
    m = pattern.match(normalize(text))
    return lookup[m.group()] if m else None


def country_code(name: str, language: str) -> str | None:
    """The ISO code of a country name or adjective in ``language``, or ``None``."""
    _, lookup = _matcher(language)
    return lookup.get(normalize(name.strip()))


@cache
def adjectives(language: str) -> dict[str, str]:
    """Nationality adjective (normalised, lower-case) → ISO code, for ``language``.

    ``adjectives("fr")["finlandaise"] == "FI"``.
    """
    key = f"{primary(language)}_adj"
    return {normalize(form).lower(): code for code, entry in countries().items() for form in entry.get(key, [])}


@cache
def country_names(language: str) -> frozenset[str]:
    """Every country name (not adjective) of ``language``, normalised and lower-case: "argentina", "grèce"."""
    code_ = primary(language)
    return frozenset(
        normalize(name).lower() for entry in countries().values() for name in (entry.get(code_) or entry.get("en", []))
    )


_LISTED_ITEM = 60  # characters: the longest country's name ("República Democrática de Santo Tomé y Príncipe")


def listed_country(item: str, language: str) -> str | None:
    """The code of a list's item that is a country's name alone, maybe after an article ("Fiji", "la
    República Dominicana"), else ``None``."""
    item = item.strip(" .;,")
    if not item or len(item) > _LISTED_ITEM:
        return None
    code = country_code(item, language)
    if code is not None:
        return code
    first, _, rest = item.partition(" ")
    if rest and first.lower() in _articles(language):
        return country_code(rest, language)
    return None


@cache
def _articles(language: str) -> frozenset[str]:
    return frozenset(normalize(a).lower() for a in pack(language).people.articles)
