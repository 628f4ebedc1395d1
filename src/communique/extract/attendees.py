"""People taking part: named people with rank and role, people known by role only, collective lists.

The rules live in one module per concern: :mod:`.names` (named people and the
noun phrase around them), :mod:`.roles` (role phrases → role, organisation,
country, acronym), :mod:`.collectives` (collectives and participant lists),
:mod:`.partners` (the states' bodies the work was done with);
their words come from the pack (:mod:`.vocab`).  This module runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import attrs
from attrs import define

from ..locale import languages, pack
from ..model import Attendee
from ._data import alternation, normalize
from .analysis import Analysis
from .collectives import find_collectives_and_roles
from .delegations import delegation_country
from .home import holds_national_office, of_home
from .names import (
    Person,
    complete_names,
    find_named,
    interviewee_in_lead,
    listed_under_plural,
    merge,
    respective_counterparts,
)
from .partners import find_partners
from .roles import capital_office_country, from_role, role_parts
from .transcripts import Turn, turn_role
from .vocab import people_tables

__all__ = ["Mention", "find_attendees", "role_parts"]


@define
class Mention:
    """Where a named person is introduced: paragraph, span of the whole phrase, and the person."""

    paragraph: int
    start: int
    end: int
    attendee: Attendee


def find_attendees(
    paragraphs: Sequence[str],
    language: str,
    body: Analysis | None = None,
    home: str | None = None,
    capital: str | None = None,
    turns: Sequence[Turn] = (),
    *,
    named_only: bool = False,
    filed_from: str | None = None,
) -> tuple[list[Attendee], list[Mention]]:
    """All attendees of ``paragraphs``, named ones first, and where each named person is introduced.

    With ``named_only``, only the named people (no collectives, lists of countries nor partners: what a
    headline is read for).

    Names are unique (a later "le général Shepro" is merged into the first
    mention); role-only and collective attendees have ``name=None``.
    ``body`` is the release's :class:`~.analysis.Analysis` of ``paragraphs``,
    when the caller has one to share.  ``home`` is the country of the state that
    publishes the release (:func:`.home.home_country`): the country of its officials
    whose country the text does not give (:func:`.home.of_home`).  ``capital`` is the country whose
    capital the release is filed from, used only without ``home`` and only for holders of a national
    office (:func:`.home.holds_national_office`: "la ministra de Defensa" datelined Madrid).
    ``filed_from`` is the country of the capital the release is filed from (its dateline): an office over
    another state's capital gives that state ("el alcalde mayor de Bogotá" in a release from Mexico City:
    :func:`.roles.capital_office_country`); one over the capital it is filed from, or in a release with no
    such dateline, is a city's own and gives none (the decision for a city's pages, like a region's).
    ``turns`` are the release's transcript turns (:func:`.transcripts.find_turns`): a label's
    named speaker is a person, and a speaker known by role that no named person holds is an
    attendee known by role.
    """
    if body is None:
        body = Analysis(paragraphs)
    t = people_tables(language)
    people: list[Person] = []
    found: list[tuple[int, int, int, int]] = []
    for i, text in enumerate(paragraphs):
        find_named(i, text, body.norms[i], t, language, people, found)
        listed_under_plural(i, text, body.norms[i], t, language, people, found)
    complete_names(people, body.norms, t, language)
    for turn in turns:
        if turn.name is not None and not turn.continues:
            # "NATO Spokesperson [Claire Duval]:": the speaker of a transcript turn takes part.
            person = Person(turn.name)
            if turn.role:
                person.role, person.organization, person.country, person.aliases = from_role(
                    turn_role(turn.role, language), language
                )
            found.append((turn.paragraph, 0, len(turn.label), merge(people, person)))
    if not people and any(turn.answer for turn in turns):
        # An interview's answers are its interviewee's: when no rule named anyone, the first plain full name
        # of the lead is that person ("New signing Théo Delacroix sat down with ARFC TV …").
        interviewee = interviewee_in_lead(paragraphs[:2], body.norms[:2], t, language)
        if interviewee is not None:
            people.append(Person(interviewee))
    for p in people:
        office = capital_office_country(p.role, p.organization, t) if p.country is None and filed_from else None
        if office is not None and office not in (filed_from, home):
            p.country = office  # "el alcalde mayor de Bogotá" at a meeting in Mexico City
    respective_counterparts(body.norms, found, people, language)
    for i, s, _, k in found:
        if people[k].country is None:
            # "La délégation sénégalaise comprenait notamment : M. X, …": a member of a country's delegation.
            people[k].country = delegation_country(body.norms[i], s, language)
    if home is not None:
        for p in people:
            if p.country is None and (p.role or p.rank) and of_home(p.organization, p.role, language):
                p.country = home
    elif capital is not None:
        for p in people:
            if (
                p.country is None
                and holds_national_office(p.role, language)
                and of_home(p.organization, p.role, language)
            ):
                p.country = capital
    contacts = _contact_paragraphs(paragraphs, language)
    if contacts:
        # The press officers of the contacts block are no attendees, unless the release names them elsewhere.
        elsewhere = {k for i, _, _, k in found if i not in contacts}
        kept = [k for k in range(len(people)) if k in elsewhere or all(k != m for *_, m in found)]
        index = {k: n for n, k in enumerate(kept)}
        people = [people[k] for k in kept]
        found = [(i, s, e, index[k]) for i, s, e, k in found if k in index]
    built = [p.build() for p in people]
    mentions = [Mention(i, s, e, built[k]) for i, s, e, k in found]
    spans: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    for i, s, e, _ in found:
        spans[i].append((s, e))
    if named_only:
        return built, mentions
    others = find_collectives_and_roles(body, language, t, built, spans)
    others += _turn_roles(turns, built, others, language)
    if home is not None:
        others = [
            attrs.evolve(a, country=home) if a.country is None and of_home(a.organization, a.role, language) else a
            for a in others
        ]
    # After the home country: a partner is another state's body ("con la Gendarmería Nacional francesa").
    others += find_partners(body, language, t, [*built, *others], frozenset(turn.paragraph for turn in turns))
    return [*built, *others], mentions


def replace(attendee: Attendee, **changes: Any) -> Attendee:
    """``attrs.evolve`` for attendees (kept here so callers need not import attrs)."""
    return attrs.evolve(attendee, **changes)


def _turn_roles(
    turns: Sequence[Turn], named: Sequence[Attendee], others: Sequence[Attendee], language: str
) -> list[Attendee]:
    """The speakers of transcript turns known only by a role that no named attendee holds."""
    out: list[Attendee] = []
    seen = {(a.role or "").lower() for a in others if a.name is None}
    for turn in turns:
        if turn.question or turn.continues or turn.name is not None or not turn.role:
            continue
        role, organization = role_parts(turn_role(turn.role, language), language)
        key = role.lower()
        if not key or key in seen or any(_holds(a, key, organization) for a in named):
            continue
        seen.add(key)
        out.append(Attendee(role=role, organization=organization))
    return out


def _holds(attendee: Attendee, role: str, organization: str | None) -> bool:
    """Whether a named attendee holds ``role`` (small letters), of ``organization`` when both give one."""
    if organization and attendee.organization and attendee.organization != organization:
        return False
    held = (attendee.role or "").lower()
    rank = (attendee.rank or "").lower()
    return role in (held, rank) or held.startswith(role + " ") or role.startswith(held + " ") if held else role == rank


_CONTACT_REACH = 2  # paragraphs after a contacts label on its own: a service's name, then a person


def _contact_paragraphs(paragraphs: Sequence[str], language: str) -> set[int]:
    """The paragraphs of the press contacts: one opening with a contact label, and the two after a label alone."""
    label = _contact_label(language)
    out: set[int] = set()
    for i, text in enumerate(paragraphs):
        m = label.match(normalize(text[:80]))
        if m is not None:
            out.add(i)
            if m.end() >= len(text.rstrip(" :\u00a0\u202f")):
                out.update(range(i + 1, min(len(paragraphs), i + 1 + _CONTACT_REACH)))  # the label alone
    return out


@cache
def _contact_label(language: str) -> re.Pattern[str]:
    """A contact label of any pack (a page may label its contacts in English), then a colon or the end."""
    del language
    labels = alternation(normalize(w) for code in languages() for w in pack(code).header.contact_labels)
    return re.compile(rf"(?i:{labels})[ \u00a0\u202f]*(?::|$)")
