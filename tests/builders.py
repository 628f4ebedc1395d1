"""Small hand-built releases shared by tests (no parser involved)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from communique import Attendee, Dates, Header, Paragraph, PressRelease, Quote

TEXT = "Il a ajouté que « l’avenir réside dans la coopération », et que « l’OTAN est déterminée »."


def quote(words: str, speaker: str | None = "Shepro", paragraph: int = 0, text: str = TEXT) -> Quote:
    start = text.index(words)
    return Quote(text=words, speaker=speaker, paragraph=paragraph, start=start, end=start + len(words))


def release(**changes: object) -> PressRelease:
    base: dict[str, object] = {
        "header": Header(title="Titre", language="fr", source="OTAN", dateline="Belgrade"),
        "dates": Dates(start=dt.date(2018, 5, 22), end=dt.date(2018, 5, 23), updated=dt.datetime(2018, 7, 20, 15, 57)),
        "paragraphs": (Paragraph(text=TEXT),),
        "quotes": (quote("l’avenir réside dans la coopération"), quote("l’OTAN est déterminée")),
        "attendees": (Attendee(name="Shepro", rank="général de corps aérien", organization="OTAN", aliases=("DCMC",)),),
    }
    base.update(changes)
    return PressRelease(**base)  # type: ignore[arg-type]


def headed(**changes: object) -> PressRelease:
    """:func:`release` with a subtitle, a reference and a date-only publication stamp."""
    header = Header(
        title="Titre",
        subtitle="Par le secrétaire général de l’OTAN",
        language="fr",
        source="OTAN",
        dateline="Belgrade",
        reference="Communiqué de presse (2018) 071",
    )
    fields: dict[str, object] = {
        "header": header,
        "dates": Dates(
            start=dt.date(2018, 5, 22),
            end=dt.date(2018, 5, 23),
            published=dt.date(2018, 5, 23),
            updated=dt.datetime(2018, 7, 20, 15, 57),
        ),
    }
    fields.update(changes)
    return release(**fields)


TWO = (
    "Le porte-parole de l’OTAN a déclaré : « Nous resterons aux côtés de nos partenaires,",
    "« aussi longtemps qu’il le faudra. »",
    "Il a rendu hommage à son prédécesseur, Jens Stoltenberg.",
)


def spanning(**changes: object) -> PressRelease:
    """Version 2 of the model: a quotation over two paragraphs (group 7), a quote in the title, both
    said by an attendee known only by role, and a person only mentioned."""
    first, second = TWO[0].index("Nous"), TWO[1].index("aussi")
    fields: dict[str, object] = {
        "header": Header(title="« Unis » : le porte-parole s’exprime", language="fr"),
        "paragraphs": [Paragraph(text=t) for t in TWO],
        "quotes": [
            Quote(text=TWO[0][first:], speaker="porte-parole", attendee=0, start=first, end=len(TWO[0]), group=7),
            Quote(
                text=TWO[1][second:-2],
                speaker="porte-parole",
                attendee=0,
                paragraph=1,
                start=second,
                end=len(TWO[1]) - 2,
                group=7,
            ),
            Quote(text="Unis", speaker="porte-parole", attendee=0, start=2, end=6, in_title=True),
        ],
        "attendees": [Attendee(role="porte-parole", organization="OTAN")],
        "mentions": [Attendee(name="Jens Stoltenberg", role="prédécesseur")],
    }
    fields.update(changes)
    return PressRelease(**fields)  # type: ignore[arg-type]


def version_1(r: PressRelease) -> dict[str, Any]:
    """``r`` as communique wrote it before schema version 2: no attendee, in_title, group or mentions.

    Only for a release version 1 could hold (body quotes, each said by a named attendee or by nobody).
    """
    from communique import render

    d = json.loads(render(r, "json"))
    d.update({"$schema": "urn:communique:schema:release:1", "schema_version": 1})
    del d["mentions"]
    for q in d["quotes"]:
        for key in ("attendee", "in_title", "group"):
            del q[key]
    return d


def version_1_json(r: PressRelease) -> bytes:
    """:func:`version_1` as the canonical JSON bytes communique 1 wrote (two-space indentation)."""
    return (json.dumps(version_1(r), ensure_ascii=False, indent=2) + "\n").encode()
