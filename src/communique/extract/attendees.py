"""People taking part: named people with rank and role, people known by role only, collective lists.

Three general rules, all driven by the ``[people]`` table of the language data:

* a **named person** is a rank, title or courtesy word followed by capitalised
  name words ("le général de corps aérien Shepro", "NATO Secretary General
  Jens Stoltenberg", "le secrétaire général de l’OTAN, Jens Stoltenberg"); an
  apposition right after the name gives the role, and from the role come the
  organisation, the country and an acronym alias ("président délégué du Comité
  militaire (DCMC) de l’OTAN");
* a **collective** is a plural role head followed by a list of countries ("les
  chefs d’état-major de la République d’Albanie, de la Roumanie et ...",
  "the Chiefs of Defence of Albania, Bulgaria and ..."): one attendee per
  country, named by role;
* in a sentence announcing participants, a **role-only** person is an article
  and a role head ("le président du Comité militaire de l’Union européenne").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import attrs
from attrs import define

from ..model import Attendee
from ._data import lang, normalize, phrase_pattern
from .countries import find_countries
from .organizations import find_organization, organization_name

__all__ = ["Mention", "find_attendees"]

_CAP = r"[A-ZÀ-ÖØ-Þ](?:[\w’\-]*\w|\.)?"
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&\-]{1,9})\s*\)")
_PAREN = re.compile(r"\s*\([^()]*\)")
# The preposition that attaches an organisation to a role ("de l’OTAN", "of the EU").
_OF = r"[ \u00a0](?:de[ \u00a0]l’|de[ \u00a0]la[ \u00a0]|du[ \u00a0]|des[ \u00a0]|of[ \u00a0](?:the[ \u00a0])?)"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[«“\"A-ZÀ-ÖØ-Þ])")


@define
class Mention:
    """Where a named person is introduced: paragraph, span of the whole phrase, and the person."""

    paragraph: int
    start: int
    end: int
    attendee: Attendee


@cache
def _tables(language: str) -> dict[str, Any]:
    people = lang(language)["people"]
    particles = "|".join(map(re.escape, people["particles"]))
    name = rf"{_CAP}(?:[ \u00a0](?:(?:{particles})[ \u00a0])?{_CAP}){{0,3}}"
    triggers = phrase_pattern([*people["ranks"], *people["titles"]])
    honorific = phrase_pattern(people["honorifics"])
    ranks = phrase_pattern(people["ranks"])
    # TITLE [complement,] [RANK] [HONORIFIC] NAME — the complement ("de l’OTAN,")
    # is only allowed when a comma closes it, so that "le président du Comité
    # militaire" never takes "Comité" for a name.
    person = re.compile(
        rf"(?P<trigger>{triggers}|{honorific})"
        rf"(?P<complement>[ \u00a0](?:de|du|des|d’|of)[ \u00a0][^,.;:«»“”]{{1,80}}?,)?"
        rf"(?:,?[ \u00a0]+(?P<rank2>{ranks}))?"
        rf"(?:[ \u00a0]+{honorific})?"
        rf",?[ \u00a0]+(?P<name>{name})(?![\w’])"
    )
    plurals: dict[str, str] = people["plurals"]
    articles = "|".join(sorted(map(re.escape, people["articles"]), key=len, reverse=True))
    heads = phrase_pattern(people["role_heads"])
    return {
        "person": person,
        "ranks": {normalize(r).lower() for r in people["ranks"]},
        "honorifics": {normalize(h).lower() for h in people["honorifics"]},
        "not_names": set(people.get("not_names", [])),
        "particles": set(people["particles"]),
        "clause": re.compile(r"[ \u00a0](?:" + "|".join(map(re.escape, people["clause_verbs"])) + r")[ \u00a0]"),
        "heads": re.compile(heads),
        "role_item": re.compile(rf"(?<![\w’])(?:{articles})[ \u00a0]?(?P<role>{heads})"),
        "plural": re.compile(phrase_pattern(plurals)),
        "plurals": plurals,
        "participants": [normalize(c).lower() for c in people["participants"]],
        "gap": re.compile(
            r"[\s,]*(?:(?:" + "|".join(map(re.escape, people["list_joiners"])) + r")\s+)?(?:(?:" + articles + r")\s*)*",
            re.IGNORECASE,
        ),
        "lead": re.compile(r"(?:\s*(?:" + articles + r"))+\s*$", re.IGNORECASE),
        "trail": re.compile(
            r"[\s,;.:]*(?:(?:" + "|".join(map(re.escape, people["list_joiners"])) + r")\s*)?$", re.IGNORECASE
        ),
    }


def _clean_name(raw: str, t: dict[str, Any]) -> str | None:
    words = raw.split()
    # Drop capitalised words that are not names ("General Assembly", "le général Le ...").
    while words and (words[-1] in t["not_names"] or words[-1] in t["particles"]):
        words.pop()
    if not words or words[0] in t["not_names"] or find_countries(words[0], "en") or find_countries(words[0], "fr"):
        return None
    return " ".join(words)


def _apposition(text: str, pos: int, t: dict[str, Any]) -> tuple[str, int] | None:
    """The role written right after a name (", président délégué ... de l’OTAN"), and where it ends."""
    m = re.compile(r",[ \u00a0]*").match(text, pos)
    if not m:
        return None
    start = m.end()
    end = start
    depth = 0
    limit = min(len(text), start + 200)
    while end < limit:
        ch = text[end]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif (depth == 0 and ch in ',;:«»“”"') or (ch == "." and not text[end - 1 : end].isupper()):
            break
        end += 1
    segment = text[start:end]
    clause = t["clause"].search(segment)
    if clause:
        segment = segment[: clause.start()]
    segment = segment.strip()
    if not segment or not t["heads"].search(segment[:60]):
        return None
    return segment, start + len(segment)


def _from_role(role: str, language: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """Split a role phrase into (role, organisation, country, aliases)."""
    aliases = tuple(
        a for a in _ACRONYM.findall(role) if organization_name(a, language) is None and not find_countries(a, language)
    )
    bare = _PAREN.sub("", role).strip()
    organization = find_organization(bare, language) or next(
        (org for a in _ACRONYM.findall(role) if (org := organization_name(a, language))), None
    )
    countries = find_countries(bare, language)
    country = countries[0][2] if countries else None
    if organization:
        # "président délégué du Comité militaire de l’OTAN" → the organisation
        # has its own field; keep the role without a trailing "de l’OTAN"/"of NATO".
        for form in (organization, *_org_forms(organization, language)):
            tail = re.search(_OF + re.escape(form) + "$", normalize(bare))
            if tail:
                bare = bare[: tail.start()]
                break
    return bare, organization, country, aliases


def _org_forms(display: str, language: str) -> list[str]:
    from ._data import organizations

    primary = language.split("-", 1)[0]
    for org in organizations():
        if (org["display"].get(primary) or org["display"]["en"]) == display:
            return [normalize(f) for f in org.get(primary) or org.get("en", [])]
    return []


def _merge(people: list[Attendee], new: Attendee) -> Attendee:
    """Add ``new`` to ``people`` or merge it with the same person (same surname); return the kept one."""
    assert new.name is not None
    surname = new.name.split()[-1]
    for i, old in enumerate(people):
        if old.name is None:
            continue
        if old.name == new.name or old.name.split()[-1] == surname:
            name = old.name if len(old.name) >= len(new.name) else new.name
            merged = Attendee(
                name=name,
                rank=old.rank or new.rank,
                role=old.role or new.role,
                organization=old.organization or new.organization,
                country=old.country or new.country,
                aliases=tuple(dict.fromkeys((*old.aliases, *new.aliases))),
            )
            people[i] = merged
            return merged
    people.append(new)
    return new


def find_attendees(paragraphs: Sequence[str], language: str) -> tuple[list[Attendee], list[Mention]]:
    """All attendees of ``paragraphs``, named ones first, and where each named person is introduced.

    Names are unique (a later "le général Shepro" is merged into the first
    mention); role-only and collective attendees have ``name=None``.
    """
    t = _tables(language)
    named: list[Attendee] = []
    mentions: list[Mention] = []
    spans: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    for i, text in enumerate(paragraphs):
        for m in t["person"].finditer(text):
            name = _clean_name(m.group("name"), t)
            if name is None:
                continue
            trigger = normalize(m.group("trigger"))
            rank = m.group("rank2") or (m.group("trigger") if trigger.lower() in t["ranks"] else None)
            role = None
            if trigger.lower() not in t["ranks"] and trigger.lower() not in t["honorifics"]:
                role = (m.group("trigger") + (m.group("complement") or "")).rstrip(",").strip()
                role = role[0].lower() + role[1:] if language.startswith("fr") else role
            end = m.start("name") + len(name)
            organization = country = None
            aliases: tuple[str, ...] = ()
            appo = _apposition(text, end, t)
            if appo:
                written, end = appo
                role_text, organization, country, aliases = _from_role(written, language)
                role = role or role_text
            elif role:
                role, organization, country, aliases = _from_role(role, language)
            if organization is None:
                # "NATO Secretary General Jens Stoltenberg": the organisation stands before the title.
                before = text[max(0, m.start() - 12) : m.start()].rstrip().removesuffix("’s").removesuffix("'s")
                word = before.rsplit(None, 1)[-1] if before.split() else ""
                organization = organization_name(word, language) if word else None
            person = Attendee(
                name=name,
                rank=normalize(rank).lower() if rank and language.startswith("fr") else rank,
                role=role or None,
                organization=organization,
                country=country,
                aliases=aliases,
            )
            kept = _merge(named, person)
            mentions.append(Mention(i, m.start(), end, kept))
            spans[i].append((m.start(), end))
    # Merges may have enriched a person after its first mention was recorded.
    by_name = {a.name: a for a in named}
    for mention in mentions:
        assert mention.attendee.name is not None
        mention.attendee = by_name[mention.attendee.name]
    others = _collectives_and_roles(paragraphs, language, t, named, spans)
    return [*named, *others], mentions


def _collectives_and_roles(
    paragraphs: Sequence[str],
    language: str,
    t: dict[str, Any],
    named: list[Attendee],
    spans: list[list[tuple[int, int]]],
) -> list[Attendee]:
    out: list[Attendee] = []
    seen: set[tuple[str | None, str | None]] = set()

    def add(a: Attendee) -> None:
        key = (a.role, a.country)
        if key in seen:
            return
        if a.country and any(
            p.country == a.country and p.role and a.role and p.role.split()[0].lower() == a.role.split()[0].lower()
            for p in named
        ):
            # The named person already stands for this country in that role
            # (the host's chief of defence in a list of chiefs of defence).
            return
        seen.add(key)
        out.append(a)

    for i, text in enumerate(paragraphs):
        norm = normalize(text)
        taken = list(spans[i])
        # Collectives: a plural role head, then two or more countries in a list.
        for pm in t["plural"].finditer(norm):
            countries = find_countries(norm[pm.end() : pm.end() + 600], language)
            group: list[tuple[int, int, str]] = []
            pos = pm.end()
            for start, end, code in countries:
                start += pm.end()
                end += pm.end()
                gap = norm[pos:start]
                if group and not t["gap"].fullmatch(gap):
                    break
                if not group and (len(gap) > 80 or "." in gap):
                    break
                group.append((start, end, code))
                pos = end
            if len(group) < 2:
                continue
            role_text = norm[pm.start() : group[0][0]]
            role_text = t["lead"].sub("", role_text).strip(" ,")
            plural = pm.group()
            singular = t["plurals"].get(plural) or t["plurals"].get(plural.lower(), plural)
            if plural[0].isupper() and language.startswith("en"):
                singular = singular[0].upper() + singular[1:]
            role = singular + text[pm.start() + len(plural) : pm.start() + len(role_text)]
            role = _PAREN.sub("", role).strip()
            organization = find_organization(role, language)
            for _, _, code in group:
                add(Attendee(role=role, country=code, organization=organization))
            taken.append((pm.start(), group[-1][1]))
        # Role-only people, in sentences that announce the participants.
        for sm in _sentences(norm):
            s_start, s_end = sm
            sentence = norm[s_start:s_end].lower()
            cue = next((sentence.find(c) for c in t["participants"] if c in sentence), -1)
            if cue < 0:
                continue
            items = [m for m in t["role_item"].finditer(norm, s_start + cue, s_end)]
            for k, m in enumerate(items):
                end = items[k + 1].start() if k + 1 < len(items) else s_end
                if any(a < end and m.start() < b for a, b in taken):
                    continue
                chunk = text[m.start("role") : end]
                comma = re.search(r",(?![^()]*\))", chunk)
                if comma:
                    chunk = chunk[: comma.start()]
                chunk = t["trail"].sub("", chunk).strip()
                if not chunk or t["plural"].match(normalize(chunk)):
                    continue
                _, organization, country, _ = _from_role(chunk, language)
                add(Attendee(role=chunk, organization=organization, country=country))
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def replace(attendee: Attendee, **changes: Any) -> Attendee:
    """``attrs.evolve`` for attendees (kept here so callers need not import attrs)."""
    return attrs.evolve(attendee, **changes)
