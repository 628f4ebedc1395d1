"""The home country of a release: the state whose government publishes it.

A ministry's page rarely writes its own officials' country ("La ministra de
Defensa, Pilar Echeverría, ha presidido…", "The Prime Minister spoke to the
Prime Minister of Norway"): the state is in the masthead, the lines above the
body — a site's name ("GOV.UK", "La Moncloa"), a government's name ("Government
of Canada", "Gobierno de España", "Australian Government"), a state motto
("Liberté Égalité Fraternité") or the state's formal name on a line of its own
("Republic of the Philippines", "República del Ecuador"; not under an
international organisation's name, whose country office it would be).  Two kinds of data say it:

- ``data/governments.toml``: names that say the state without writing it, per
  country code (:func:`communique.locale.tables.governments`);
- the pack's ``people.government_names``: forms that write it, with a
  ``{country}`` or ``{adjective}`` slot ("Gobierno de {country}").

The earliest mention in the masthead wins.  An attendee is of the home country
(:func:`of_home`) when the release gives it no country, it holds a role or a
rank, and it belongs to no organisation or to a state body (``people.state_bodies``:
"Ministerio de Defensa", "Forces aériennes") — not to an international
organisation or a company.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..errors import LanguagePackError
from ..locale import pack
from ..locale.tables import governments
from ._data import normalize, phrase_pattern
from .countries import _matcher as country_matcher
from .countries import adjectives, listed_country
from .organizations import find_organization, office_titles, organization_name
from .roles import holds_national_office, territorial
from .vocab import bare, people_tables

__all__ = ["capital_country", "holds_national_office", "home_country", "names_state_body", "of_home", "url_country"]

_SLOTS = ("{country}", "{adjective}")


@cache
def _fixed() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every name of ``governments.toml`` in small letters (whole words), and name → code."""
    lookup = {normalize(name).lower(): code for code, names in governments().items() for name in names}
    return re.compile(phrase_pattern(lookup)), lookup


@cache
def _templates(language: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """One pattern for the words beside the slot of each ``people.government_names`` form, and what each is.

    A form with words before its slot is found by those words ("government of "), one with words only
    after it by those ("government" of "{adjective} Government"); the map gives ``(slot, before, after)``.
    """
    forms: dict[str, tuple[str, str, str]] = {}
    for i, form in enumerate(pack(language).people.government_names):
        slots = [s for s in _SLOTS if s in form]
        where = f"people.government_names[{i}]"
        if len(slots) != 1 or form.count(slots[0]) != 1:
            raise LanguagePackError(
                "a government name needs exactly one {country} or {adjective} slot",
                file=f"communique/data/{language}.toml",
                key=where,
            )
        before, _, after = normalize(form).casefold().partition(slots[0])
        if not before.strip() and not after.strip():
            raise LanguagePackError(
                "a government name needs words beside its slot", file=f"communique/data/{language}.toml", key=where
            )
        key = before if before.strip() else after
        forms.setdefault(key, (slots[0], before, after))
    keys = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), forms


def _slot_after(text: str, at: int, slot: str, language: str) -> tuple[str, int] | None:
    """The country in the slot starting at ``at`` and where the slot ends."""
    if slot == "{country}":
        pattern, lookup = country_matcher(language)
        m = pattern.match(text, at)
        return (lookup[m.group()], m.end()) if m is not None else None
    word = _WORD.match(text, at)
    code = adjectives(language).get(word.group().lower()) if word else None
    return (code, word.end()) if code and word else None


_WORD = re.compile(r"[\w’\-]+")


def _slot_before(text: str, end: int, language: str) -> str | None:
    """The country of the nationality adjective (one or two words) that ends at ``end``."""
    table = adjectives(language)
    line_start = text.rfind("\n", 0, end) + 1
    words = text[line_start:end].lower().rsplit(None, 2)
    for n in (2, 1):
        if len(words) >= n:
            code = table.get(" ".join(words[-n:]))
            if code:
                return code
    return None


def home_country(masthead: Sequence[str], language: str) -> str | None:
    """The ISO code of the state that publishes a page whose masthead lines are ``masthead``, or ``None``.

    A name of ``governments.toml`` counts anywhere in the masthead ("… en La Moncloa" in a title);
    a government name of the pack only on a short line of its own ("Gobierno de España",
    "Le portail du Gouvernement suisse"), as a site prints its name — in a title or a sentence,
    "Government of Ghana" is as likely the other party.
    """
    # A masthead in capitals ("GOBIERNO DE ESPAÑA") is read as its words are written elsewhere.
    lines = [" ".join((line.title() if line.isupper() else line).split()) for line in masthead]
    text = normalize("\n".join(lines))
    low = text.lower()
    if len(low) != len(text):
        low = text  # a letter whose small form is longer ("İ"): offsets must stay shared
    pattern, lookup = _fixed()
    # A name may be printed over several lines ("Liberté / Égalité / Fraternité").
    first = pattern.search(low.replace("\n", " "))
    found: list[tuple[int, str]] = [(first.start(), lookup[first.group()])] if first else []
    # The pack's forms on short lines only: the long ones blanked (same length).
    short = "\n".join(line if len(line.split()) <= _SHORT_LINE else " " * len(line) for line in low.split("\n"))
    forms_pattern, forms = _templates(language)
    for m in forms_pattern.finditer(short, 0, first.start() if first else len(short)):
        slot, before, after = forms[m.group()]
        if m.group()[0] != " " and m.start() > 0 and short[m.start() - 1].isalnum():
            continue  # inside a word
        if before.strip():
            hit = _slot_after(text, m.end(), slot, language)
            if hit is not None and (not after or short.startswith(after, hit[1])):
                found.append((m.start(), hit[0]))
                break
        elif not short[m.end() : m.end() + 1].isalnum():
            code = _slot_before(short, m.start(), language)
            if code is not None:
                found.append((m.start(), code))
                break
    # A state's formal name on a line of its own ("Republic of the Philippines", "República del Ecuador"):
    # the state's seal over its agency's page (one word alone may be an item of a menu of countries).
    # (Not under an international organisation's name: "ACNUR" over "Costa Rica" is its office there.)
    offset = 0
    for line in lines:
        if len(line) <= _ORGANIZATION_LINE and find_organization(line, language) is not None:
            break
        if 2 <= len(line.split()) <= _SHORT_LINE:
            code = listed_country(line, language)
            if code is not None:
                found.append((offset, code))
                break
        offset += len(line) + 1
    return min(found)[1] if found else None


_SHORT_LINE = 6  # words: a site's name, a logo's text
_ORGANIZATION_LINE = 80  # characters: a site's name, not a headline that mentions an organisation


def _bounded(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` is whole words (no letter or digit glued on either side)."""
    return (start == 0 or not low[start - 1].isalnum()) and (end >= len(low) or not low[end].isalnum())


def _occurrences(low: str, needle: str) -> list[int]:
    out: list[int] = []
    at = low.find(needle)
    while at >= 0:
        out.append(at)
        at = low.find(needle, at + 1)
    return out


@cache
def _state_bodies(language: str) -> tuple[str, ...]:
    return tuple(normalize(w).lower() for w in pack(language).people.state_bodies)


_MASTHEAD_BODY_WORDS = 6  # a state body's name on a line of its own ("Ministerio del Interior", "Policía Nacional")


def names_state_body(masthead: Sequence[str], language: str) -> bool:
    """Whether a short line of the masthead opens with a national body's name (``people.national_bodies``:
    "Ministerio del Interior", "Policía Nacional"), one that writes no state."""
    openers = tuple(normalize(w) for w in pack(language).people.national_bodies)
    for line in masthead:
        text = normalize(line.strip())
        if len(text.split()) > _MASTHEAD_BODY_WORDS:
            continue
        for opener in openers:
            if text.startswith(opener) and (len(text) == len(opener) or not text[len(opener)].isalnum()):
                return True
    return False


def of_home(organization: str | None, role: str | None, language: str) -> bool:
    """Whether an attendee of ``organization`` (``None``: of none named) and ``role`` belongs to the publishing state.

    Not when the role names an international organisation or is one of its office holders' titles
    ("commandant suprême des forces alliées en Europe").
    """
    if (
        role is not None
        and (find_organization(role, language) is not None or _international_title(role, language))
        # (A state's office whose portfolio names a body: "ministro de Asuntos Exteriores, Unión Europea y
        # Cooperación" is Spain's minister, not the Union's.)
        and not (organization is None and holds_national_office(role, language) and "," in role)
    ):
        return False
    if organization is None and role is not None and not holds_national_office(role, language):
        # "chief executive of Harbor Point Logistics": a proper name at the role's end is its
        # organisation; portfolio and institution words are not ("Minister of Foreign Affairs"), nor is
        # anything after a national office's head ("ministre de l’Agriculture, de l’Élevage et de la Pêche").
        t = people_tables(language)
        tail = t.org_tail.search(normalize(role))
        if tail is not None and territorial(role[: tail.start()], t):
            tail = None  # "préfet de la Gironde": a place, the state's own
        if tail is not None and any(
            bare(w) not in t.not_name_words and bare(w) not in t.link_words for w in tail.group("org").split()
        ):
            organization = tail.group("org")
    if organization is None:
        return True
    if organization_name(organization, language) is not None:
        return False  # an international organisation ("OTAN", "EU")
    low = normalize(organization).lower()
    return any(_bounded(low, at, at + len(w)) for w in _state_bodies(language) for at in _occurrences(low, w))


def _international_title(role: str, language: str) -> bool:
    low = normalize(role).lower()
    return any(title in low for title, _ in office_titles(language))


def capital_country(place: str | None) -> str | None:
    """The ISO code of the country whose capital ``place`` (a dateline's place) is, else ``None``."""
    from ..locale.tables import capitals

    return capitals().get(" ".join(place.split()).casefold()) if place else None


def url_country(url: str | None) -> str | None:
    """The ISO code of the state whose government's web domain holds ``url`` (``data/government_domains.toml``:
    ``https://www.president.go.ke/…`` → ``"KE"``), else ``None``."""
    if not url or "." not in url:
        return None
    from urllib.parse import urlsplit

    from ..locale.tables import government_domains

    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().rstrip(".")
    domains = government_domains()
    parts = host.split(".")
    # The longest suffix first: "gouv.qc.ca" before "ca" (no top-level domain alone is listed but "gov").
    for n in range(len(parts), 0, -1):
        code = domains.get(".".join(parts[-n:]))
        if code is not None:
            return code
    return None
