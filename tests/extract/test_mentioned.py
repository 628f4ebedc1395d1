"""People only mentioned go to ``PressRelease.mentions``, not to the attendees (releases written for these tests)."""

from __future__ import annotations

import pytest

import communique


def _names(release: communique.PressRelease) -> tuple[list[str | None], list[str | None]]:
    return [a.name for a in release.attendees], [m.name for m in release.mentions]


@pytest.mark.parametrize(
    ("text", "attendee", "mentioned"),
    [
        (
            "NAPLES – Admiral Laura Bianchi assumed command today, succeeding Admiral Stuart Munsch, who retires.",
            "Laura Bianchi",
            "Stuart Munsch",
        ),
        (
            "Toulon – Le vice-amiral Claire Morel succède au vice-amiral Jean Leroux à la tête de la force navale.",
            "Claire Morel",
            "Jean Leroux",
        ),
        (
            "Madrid – La general Marta Quintana Roig ha asumido el mando, en el que sucede al teniente general "
            "Alberto Iriarte Solís, que pasa a la reserva.",
            "Marta Quintana Roig",
            "Alberto Iriarte Solís",
        ),
        (
            "LONDON – The Defence Secretary, Alan Pembury, opened a memorial in memory of General Sir Hugh Talbot.",
            "Alan Pembury",
            "Hugh Talbot",
        ),
        # A memorial, a historical figure, a legacy: the people they name are remembered.
        (
            "CHANIA – Major General Rachel Tane laid flowers at the memorial to Captain Charles Upham on Tuesday.",
            "Rachel Tane",
            "Charles Upham",
        ),
        (
            "Berne – Le commandant de corps Laurent Maillard a évoqué la figure du général Henri Guisan devant les troupes.",
            "Laurent Maillard",
            "Henri Guisan",
        ),
        (
            "Lima – La ministra Rosa Valdivia Palomino recordó el legado de Ricardo Palma ante los bibliotecarios.",
            "Rosa Valdivia Palomino",
            "Ricardo Palma",
        ),
        # A plain name after the cue: the cue vouches for it.
        (
            "Paris – Le conseil a nommé la directrice générale Claire Morel, qui succède à Alain Ferrières, parti à la retraite.",
            "Claire Morel",
            "Alain Ferrières",
        ),
        # A former office holder, the phrase opening with its cue (after an elided article too).
        (
            "Abidjan – Le directeur général, M. Yacouba Fofana, a signé l’accord, dans le prolongement des "
            "échanges engagés par l’ancien directeur général adjoint, M. Lassina Traoré-Diby.",
            "Yacouba Fofana",
            "Lassina Traoré-Diby",
        ),
        (
            "Abuja – Commissioner Amina Bello commended the groundwork laid by former Commissioner Yaw Kessie-Ampofo.",
            "Amina Bello",
            "Yaw Kessie-Ampofo",
        ),
        # Someone represented is absent: the representative takes part.
        (
            "Tallinn – State Secretary Anna Heikkilä, representing Minister for Foreign Affairs Elina Rautavaara, "
            "accepted the Presidency.",
            "Anna Heikkilä",
            "Elina Rautavaara",
        ),
        # Words between the verb and its link ("en el cargo").
        (
            "Madrid – Los obispos han elegido al obispo Alberto Carrascal Ibáñez como secretario general. Sustituye "
            "en el cargo a Mons. Julián Bermejo.",
            "Alberto Carrascal Ibáñez",
            "Julián Bermejo",
        ),
    ],
)
def test_a_predecessor_or_a_person_remembered_is_only_mentioned(text: str, attendee: str, mentioned: str) -> None:
    attendees, mentions = _names(communique.parse(f"A change of command\n\n{text}\n", "text"))
    assert attendee in attendees
    assert mentioned in mentions and mentioned not in attendees


def test_one_mention_elsewhere_keeps_a_person_an_attendee() -> None:
    text = (
        "NAPLES – Admiral Laura Bianchi assumed command today, succeeding Admiral Stuart Munsch.\n\n"
        "Admiral Munsch thanked the staff for three years of work."
    )
    attendees, mentions = _names(communique.parse(f"A change of command\n\n{text}\n", "text"))
    assert "Stuart Munsch" in attendees and mentions == []


def test_a_speaker_after_a_cue_word_elsewhere_in_the_sentence_is_an_attendee() -> None:
    # The cue must stand right before the name (an article may come between), not anywhere before it.
    text = "BRUSSELS – Replacing the old rules was urgent, said Commissioner Anna Lindqvist."
    attendees, mentions = _names(communique.parse(f"New rules\n\n{text}\n", "text"))
    assert "Anna Lindqvist" in attendees and mentions == []
