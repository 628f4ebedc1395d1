"""Role phrases: a person's function, organisation, country and acronym from the words around a name.

"président délégué du Comité militaire (DCMC) de l’OTAN" → role "président
délégué du Comité militaire", organisation "OTAN", alias "DCMC"; "the Estonian
Chief of Defence" → role "Chief of Defence", country EE.  The prepositions that
join a role to its organisation are the pack's ``people.role_links``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ..locale import organizations
from ._data import normalize
from .countries import adjectives, find_countries
from .organizations import find_organization, organization_name
from .vocab import WORD, PeopleTables, bare, last_stop, low, people_tables

__all__ = ["apposition", "from_role", "role_before", "role_parts"]

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&\-]{1,9})\s*\)")
_PAREN = re.compile(r"\s*\([^()]*\)")
_COMMA = re.compile(r",[ \u00a0]*")
# An apposition runs to the next comma, colon, quotation mark or full stop,
# except inside parentheses ("(DCMC)") and after an initial ("Tod D. Wolters").
# (A run of plain characters is taken at once: the same end, without a loop turn per character.)
_APPOSITION = re.compile(r"(?:[^,;:«»“”\"().]+|\([^()]*\)|(?<=[A-Z])\.|[()])*")
_TRAILING_ACRONYM = re.compile(r"[ \u00a0]*\([ \u00a0]*[A-Z][A-Z0-9&.\-]{1,14}[ \u00a0]*\)[ \u00a0]*$")


def role_before(text: str, end: int, t: PeopleTables, language: str) -> dict[str, Any] | None:
    """A role phrase that ends at the comma at ``end`` ("le président finlandais, M. X")."""
    start = max(0, end - 160)
    chunk = text[start:end]
    # An acronym defined right before the comma ("… Commander Europe (DSACEUR), General X")
    # belongs to the role: its brackets are not the start of the phrase.
    defined = _TRAILING_ACRONYM.search(chunk)
    scope = chunk[: defined.start()] if defined else chunk
    cut = last_stop(scope)
    if cut >= 0:
        chunk, start = chunk[cut + 1 :], start + cut + 1
    # The head nearest the comma first: an earlier one would swallow whatever
    # lies between ("Secretary General X welcomed the Prime Minister of Y, Mr Z").
    for head in reversed(list(t.heads.finditer(chunk))):
        lead = [(bare(w.group()), w.start()) for w in WORD.finditer(chunk, 0, head.start())]
        org = country = None
        k = len(lead)
        while k > 0:
            hit = t.phrases.get(lead[k - 1][0])
            if hit is None or hit[0] not in ("org", "country"):
                break
            if hit[0] == "org":
                org = org or hit[1]
            else:
                country = country or hit[1]
            k -= 1
        if k > 0 and lead[k - 1][0] not in t.role_articles:
            continue
        written = chunk[head.start() :].strip()
        role, organization, role_country, aliases = from_role(written, language)
        return {
            "role": role,
            "org": org or organization,
            "country": country or role_country,
            "aliases": aliases,
            "start": start + (lead[k - 1][1] if k > 0 else head.start()),
        }
    return None


def apposition(text: str, pos: int, t: PeopleTables) -> tuple[str, int] | None:
    """The role written right after a name (", président délégué ... de l’OTAN"), and where it ends."""
    m = _COMMA.match(text, pos)
    if not m:
        return None
    start = m.end()
    end = _APPOSITION.match(text, start, min(len(text), start + 200)).end()  # type: ignore[union-attr]
    segment = text[start:end]
    clause = t.clause.search(segment)
    if clause:
        segment = segment[: clause.start()]
    segment = segment.strip()
    if not segment or not t.heads.match(segment):
        return None
    return segment, start + len(segment)


def from_role(role: str, language: str) -> tuple[str, str | None, str | None, list[str]]:
    role, organization, country, aliases = _role_fields(role, language)
    return role, organization, country, list(aliases)


@lru_cache(maxsize=4096)
def _role_fields(role: str, language: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """Split a role phrase into (role, organisation, country, aliases).

    A known organisation is split off ("… de l’OTAN", "the NATO Military
    Committee"), and a nationality adjective is dropped from the role once its
    country is taken ("président finlandais" → "président", FI).
    """
    acronyms = _ACRONYM.findall(role)
    aliases = [a for a in acronyms if organization_name(a, language) is None and not find_countries(a, language)]
    bare = _PAREN.sub("", role).strip()
    organization = find_organization(bare, language) or next(
        (org for a in acronyms if (org := organization_name(a, language))), None
    )
    countries = find_countries(bare, language)
    country = countries[0][2] if countries else None
    adjective = adjectives(language)
    for s, e, _ in reversed(countries):
        if low(bare[s:e]) in adjective:
            bare = (bare[:s].rstrip() + " " + bare[e:].lstrip()).strip()
    if organization:
        t = people_tables(language)
        norm = normalize(bare)
        for form in (organization, *_org_forms(organization, language)):
            tail = re.search(r"[ \u00a0]" + t.of + re.escape(form) + "$", norm)
            if tail:
                bare = bare[: tail.start()]
                break
            inside = re.search(r"(?<![\w’])" + re.escape(form) + rf"[ \u00a0](?=[{t.capital}])", norm)
            if inside and inside.start() > 0:
                # "the NATO Military Committee": the acronym only says whose committee it is.
                bare = bare[: inside.start()] + bare[inside.end() :]
                break
    return bare.strip(), organization, country, tuple(aliases)


def role_parts(phrase: str, language: str) -> tuple[str, str | None]:
    """A role noun phrase as (role, organisation): "the NATO Secretary General" → ("Secretary General", "NATO").

    Leading articles and modifiers (organisation, nationality) are dropped,
    as :func:`find_attendees` does for the roles it records, so that the two
    can be compared.
    """
    t = people_tables(language)
    organization = None
    words = phrase.split()
    while words:
        first = low(words[0])
        if first in t.role_articles or first.rstrip("’") + "’" in t.role_articles:
            words.pop(0)
            continue
        if len(first) > 2 and first[1] == "’" and first[:2] in t.role_articles:
            words[0] = words[0][2:]
            continue
        hit = t.phrases.get(bare(words[0]))
        if hit is not None and hit[0] in ("org", "country"):
            organization = organization or (hit[1] if hit[0] == "org" else None)
            words.pop(0)
            continue
        break
    role, org, _, _ = from_role(" ".join(words), language)
    return role, organization or org


@cache
def _org_forms_table(language: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for org in organizations():
        out.setdefault(org.display_in(language), tuple(normalize(f) for f in org.forms_in(language)))
    return out


def _org_forms(display: str, language: str) -> tuple[str, ...]:
    return _org_forms_table(language).get(display, ())
