"""Small hand-built releases shared by tests (no parser involved)."""

from __future__ import annotations

import datetime as dt

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
