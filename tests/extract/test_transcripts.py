"""Transcript turns: a paragraph opening with its speaker's label is that speaker's quotation."""

from __future__ import annotations

import pytest

import communique
from communique.extract.transcripts import find_turns
from communique.model import PressRelease, display_name

PRESS_CONFERENCE = """Press conference

by the Secretary General following the meeting of Ministers

12 March 2024

NATO Spokesperson [Ana Moreau]: Good afternoon. The Secretary General will say a few words first.

NATO Secretary General [Lars Eklund]: Thank you, Ana.

Ministers met today to review our support to our partners in the east.

We agreed to do more, and to do it faster.

NATO Spokesperson: The first question goes to the agency in the front row.

Q: Secretary General, the Dutch minister, Pieter de Wit, said this morning that "the pledge is a floor". Do you agree?

NATO Secretary General: I do. The pledge is where we start, not where we stop.
"""


def parse(text: str) -> PressRelease:
    return communique.parse(text.encode(), "text")


def turns_of(release: PressRelease) -> list[tuple[int, str | None, str | None, bool, bool]]:
    paragraphs = [p.text for p in release.paragraphs]
    return [
        (t.paragraph, t.name, t.role, t.question, t.continues) for t in find_turns(paragraphs, release.header.language)
    ]


class TestATranscriptTurnIsAQuotation:
    def test_each_turn_is_its_labels_speakers(self) -> None:
        release = parse(PRESS_CONFERENCE)
        said = [(q.speaker, q.text) for q in release.quotes]
        assert said == [
            ("Ana Moreau", "Good afternoon. The Secretary General will say a few words first."),
            ("Lars Eklund", "Thank you, Ana."),
            ("Lars Eklund", "Ministers met today to review our support to our partners in the east."),
            ("Lars Eklund", "We agreed to do more, and to do it faster."),
            ("Ana Moreau", "The first question goes to the agency in the front row."),
            ("Pieter de Wit", "the pledge is a floor"),
            ("Lars Eklund", "I do. The pledge is where we start, not where we stop."),
        ]

    def test_the_paragraphs_after_a_label_are_one_quotation_in_parts(self) -> None:
        release = parse(PRESS_CONFERENCE)
        parts = [q for q in release.quotes if q.speaker == "Lars Eklund"][:3]
        assert parts[0].group is not None
        assert {q.group for q in parts} == {parts[0].group}
        assert [q.paragraph for q in parts] == [1, 2, 3]

    def test_a_label_with_a_name_makes_a_person_with_its_role(self) -> None:
        release = parse(PRESS_CONFERENCE)
        people = {a.name: (a.role, a.organization) for a in release.attendees if a.name}
        assert people["Ana Moreau"] == ("Spokesperson", "NATO")
        assert people["Lars Eklund"] == ("Secretary General", "NATO")

    def test_a_role_label_is_the_person_who_holds_the_role(self) -> None:
        release = parse(PRESS_CONFERENCE)
        last = release.quotes[-1]
        assert last.speaker == "Lars Eklund"
        assert last.attendee is not None and release.attendees[last.attendee].name == "Lars Eklund"

    def test_a_question_is_no_quotation_but_a_quotation_inside_it_is(self) -> None:
        release = parse(PRESS_CONFERENCE)
        assert not any(q.text.startswith("Secretary General, the Dutch") for q in release.quotes)
        assert any(q.text == "the pledge is a floor" for q in release.quotes)

    def test_a_role_nobody_named_holds_is_an_attendee_known_by_role(self) -> None:
        release = parse(
            "Doorstep statement\n\n4 June 2024\n\n"
            "SECRETARY GENERAL: Good morning. Today Allies will take decisions on air defence.\n\n"
            "QUESTION: Will there be new money?\n\n"
            "SECRETARY GENERAL: Yes. Several Allies will announce new contributions today.\n"
        )
        holder = [a for a in release.attendees if a.name is None and a.role == "Secretary General"]
        assert len(holder) == 1
        index = release.attendees.index(holder[0])
        assert [(q.speaker, q.attendee) for q in release.quotes] == [("Secretary General", index)] * 2
        assert display_name(holder[0]) == "Secretary General"


class TestLabelForms:
    @pytest.mark.parametrize(
        ("label", "name", "role"),
        [
            ("NATO Spokesperson [Ana Moreau]", "Ana Moreau", "NATO Spokesperson"),
            ("Lars Eklund (NATO Secretary General)", "Lars Eklund", "NATO Secretary General"),
            ("Secretary General Lars Eklund", "Lars Eklund", "Secretary General"),
            ("PRIME MINISTER OKAFOR", "OKAFOR", "PRIME MINISTER"),
            ("Minister for Foreign Affairs", None, "Minister for Foreign Affairs"),
        ],
    )
    def test_a_label_gives_a_name_a_role_or_both(self, label: str, name: str | None, role: str | None) -> None:
        paragraphs = [f"{label}: Thank you all for coming today.", "Q: What comes next?"]
        assert [(t.name, t.role) for t in find_turns(paragraphs, "en")][:1] == [(name, role)]

    def test_french_puts_a_space_before_the_colon(self) -> None:
        release = parse(
            "Point de presse\n\n4 juin 2024\n\n"
            "LE SECRÉTAIRE GÉNÉRAL : Bonjour. Les Alliés prendront aujourd’hui des décisions importantes.\n\n"
            "Question : Y aura-t-il de nouveaux crédits ?\n\n"
            "LE SECRÉTAIRE GÉNÉRAL : Oui. Plusieurs Alliés annonceront des contributions.\n"
        )
        assert release.header.language == "fr"
        assert [q.speaker for q in release.quotes] == ["secrétaire général", "secrétaire général"]

    def test_the_words_after_a_link_are_the_portfolio_not_a_name(self) -> None:
        paragraphs = ["LA MINISTRE DES PÊCHES : Merci à tous d’être venus.", "QUESTION : Et ensuite ?"]
        assert [(t.name, t.role) for t in find_turns(paragraphs, "fr")][:1] == [(None, "LA MINISTRE DES PÊCHES")]

    def test_a_spanish_transcript_may_label_with_a_dot_and_a_dash(self) -> None:
        paragraphs = [
            "Consejero.- Buenos días a todos.",
            "Pregunta.- ¿Cuándo llegan las ayudas?",
            "Consejero.- En junio.",
        ]
        assert [(t.role, t.question) for t in find_turns(paragraphs, "es")] == [
            ("Consejero", False),
            (None, True),
            ("Consejero", False),
        ]

    def test_a_question_label_may_name_its_outlet(self) -> None:
        paragraphs = ["GOVERNOR: Good afternoon.", "Q (The Namibian): Why no cut?", "MODERATOR (Ana Shikongo): Next."]
        assert [t.question for t in find_turns(paragraphs, "en")] == [False, True, True]

    def test_spanish_question_labels_are_questions(self) -> None:
        paragraphs = [
            "Ministra Julia Serrano: Buenos días a todos y gracias por venir.",
            "Periodista: ¿Habrá más fondos este año?",
            "Ministra Julia Serrano: Sí, y los anunciaremos la semana próxima.",
        ]
        assert [(t.name, t.question) for t in find_turns(paragraphs, "es")] == [
            ("Julia Serrano", False),
            (None, True),
            ("Julia Serrano", False),
        ]


class TestNotATranscript:
    @pytest.mark.parametrize(
        "paragraphs",
        [
            # One label is no transcript.
            ["Secretary General Lars Eklund: a statement on the summit.", "The summit opens on Monday."],
            # Labels that are neither a role, a name in brackets nor a question.
            ["Background: the summit was agreed in 2022.", "Media contact: press office, 0123 456 789."],
            # A sentence with a colon is no label.
            ["Ministers agreed on three points: money, people and time.", "They said: we will do more."],
        ],
    )
    def test_no_turns(self, paragraphs: list[str]) -> None:
        assert find_turns(paragraphs, "en") == []

    def test_a_paragraph_that_is_no_running_text_ends_the_turn(self) -> None:
        paragraphs = [
            "NATO Spokesperson [Ana Moreau]: Thank you. This concludes the press conference.",
            "Q: One more question?",
            "Meetings of NATO Ministers of Defence, 14-15 February 2023",
        ]
        assert [t.paragraph for t in find_turns(paragraphs, "en")] == [0, 1]


def test_a_question_label_with_a_dot_or_a_dash_is_a_question() -> None:
    import communique

    page = (
        "Media conference\n\nAugust 18, 2025\n\n"
        "COMMISSIONER VILLAREAL: Thank you. Our season will tip off on October 4 at the coliseum.\n\n"
        "Q. Commissioner, what will the expansion fee be for the new franchise this year?\n\n"
        "COMMISSIONER VILLAREAL: The Board agreed on a fee paid over three years.\n"
    )
    release = communique.parse(page, "text")
    assert [q.text[:10] for q in release.quotes] == ["Thank you.", "The Board "]
    assert release.header.dateline is None


def test_an_interview_answer_label_is_no_dateline() -> None:
    import communique

    page = (
        "Entretien de la ministre avec une radio\n\n"
        "Q - Madame la ministre, bonjour. Le Conseil européen se réunit dans quinze jours.\n\n"
        "R - Non, l'Europe ne flanche pas. Vingt-six États membres sont d'accord sur l'essentiel.\n"
    )
    assert communique.parse(page, "text").header.dateline is None


def test_a_surname_label_takes_the_full_name_the_header_gives_and_a_subjects_line_is_no_turn() -> None:
    import communique

    page = (
        "Senator the Hon Aroha Bennington\nMinister for Trade\n\nRADIO INTERVIEW – ABC NEWS RADIO\n\n"
        "SUBJECTS: Trade talks in Jakarta; steel tariffs; beef access to Korea.\n\n"
        "JOURNALIST: Minister, what did Australia achieve in two days of talks in Jakarta?\n\n"
        "BENNINGTON: We agreed a timetable for the steel quota and a review of beef access.\n\n"
        "JOURNALIST: Will the tariffs come down this year, or next year?\n\n"
        "BENNINGTON: That depends on the review, which starts in July.\n"
    )
    release = communique.parse(page, "text")
    assert [q.speaker for q in release.quotes] == ["Aroha Bennington", "Aroha Bennington"]
    assert [a.name for a in release.attendees] == ["Aroha Bennington"]
    assert release.header.dateline is None


MONCLOA = """Rueda de prensa del presidente del Gobierno, Daniel Ferrer Ibáñez, y del primer ministro de Portugal, Rui Tavares Lemos

Lisboa (Portugal), martes, 3 de marzo de 2026

Presidente del Gobierno.- Muchas gracias, querido Rui. Buenas tardes a todos y a todas.

España y Portugal no solo compartimos una península; compartimos un mercado eléctrico.

Primer ministro de Portugal (traducción).- Obrigado, Daniel. La interconexión con Francia sigue siendo la prioridad.

Pregunta (Lucía Montes, Agencia EFE).- Presidente, ¿se ha fijado una fecha para la licitación?

Presidente del Gobierno.- Sí. La licitación saldrá antes del verano.

(Transcripción editada por la Secretaría de Estado de Comunicación)
"""


def test_a_transcript_whose_speakers_only_its_headline_names() -> None:
    # Labels with a note in brackets ("(traducción)"), a question label with a comma inside its brackets,
    # and an editor's note in brackets at the end, which continues no turn.
    release = communique.parse(MONCLOA, "text")
    assert [q.speaker for q in release.quotes] == [
        "Daniel Ferrer Ibáñez",
        "Daniel Ferrer Ibáñez",
        "Rui Tavares Lemos",
        "Daniel Ferrer Ibáñez",
    ]
    assert [a.name for a in release.attendees] == ["Daniel Ferrer Ibáñez", "Rui Tavares Lemos"]


def test_a_list_of_appointments_with_roles_before_colons_is_no_transcript() -> None:
    paragraphs = [
        "El Instituto ha nombrado a tres nuevos directores de centros en África.",
        "Directora del centro de Dakar: Marta Iturralde Pazos (Pamplona, 1972). Licenciada en Filología.",
        "Director del centro de Accra: Tomás Ybarra Quintero (Las Palmas, 1969). Doctor en Historia.",
    ]
    assert find_turns(paragraphs, "es") == []


def test_an_interview_whose_labels_are_names_in_capitals_without_a_colon() -> None:
    paragraphs = [
        "THOMAS RENAUDIN Bonjour, madame la ministre, merci d’être avec nous ce matin.",
        "CLAIRE VASSEUR-LAMOTTE Bonjour. Je réponds d’abord aux parents que je les comprends.",
        "THOMAS RENAUDIN Mais concrètement, comment faites-vous ? Il n’y a pas assez de professeurs.",
        "CLAIRE VASSEUR-LAMOTTE Nous recrutons des contractuels et nous ouvrons un concours exceptionnel.",
    ]
    turns = find_turns(paragraphs, "fr")
    assert [t.name for t in turns] == ["Thomas Renaudin", "Claire Vasseur-Lamotte"] * 2


def test_a_label_with_a_role_then_a_name_after_a_comma() -> None:
    paragraphs = [
        "Directora general de Comunicación Social de la SRE, Adriana Loaiza Pérez: Muy buenas tardes a todos.",
        "Secretaria de Relaciones Exteriores, Rocío Villaseñor Garza: Muchas gracias y buenas tardes.",
    ]
    assert [(t.name, t.role) for t in find_turns(paragraphs, "es")] == [
        ("Adriana Loaiza Pérez", "Directora general de Comunicación Social de la SRE"),
        ("Rocío Villaseñor Garza", "Secretaria de Relaciones Exteriores"),
    ]


def test_an_interviews_answers_are_the_words_of_the_person_the_standfirst_names() -> None:
    # Labels with a dot and an en dash ("P.–", "Respuesta.–"); an answer's speaker is the release's first
    # named person, and what the interviewee says about cooperation is no report of who took part.
    page = (
        "Entrevista a la ministra de Sanidad en una emisora\n\n"
        "La ministra de Sanidad, Inés Galarza Prieto, ha respondido este lunes a las preguntas de los oyentes.\n\n"
        "Pregunta.– Ministra, ¿llegarán las vacunas antes del invierno?\n\n"
        "Respuesta.– Llegarán en octubre, como estaba previsto, y las comunidades ya tienen el calendario.\n\n"
        "P.– ¿Y la cooperación con los países vecinos?\n\n"
        "R.– Hemos invertido mucho en colaboración con la Gendarmería Real de Marruecos, y se nota.\n"
    )
    release = communique.parse(page, "text")
    assert [(q.text[:9], q.speaker) for q in release.quotes] == [
        ("Llegarán ", "Inés Galarza Prieto"),
        ("Hemos inv", "Inés Galarza Prieto"),
    ]
    assert [a.name for a in release.attendees] == ["Inés Galarza Prieto"]


def test_an_interview_whose_interviewee_no_rule_names_is_the_leads_first_full_name() -> None:
    page = (
        "INTERVIEW | Delacroix: the first words of our new midfielder\n\n"
        "New signing Théo Delacroix sat down with the club's channel on Tuesday, hours after his move.\n\n"
        "Q: Welcome, Théo. How does it feel to finally be here?\n\n"
        "A: It feels very good. The talks took a few weeks, and I am happy to start.\n\n"
        "Q: What do you know about the league?\n\n"
        "A: I watched many games last season, and the pace is what I like most about it.\n"
    )
    release = communique.parse(page, "text")
    assert [a.name for a in release.attendees] == ["Théo Delacroix"]
    assert [q.speaker for q in release.quotes if q.text.startswith(("It feels", "I watched"))] == [
        "Théo Delacroix",
        "Théo Delacroix",
    ]


def test_a_transcripts_headline_gives_the_role_the_body_does_not() -> None:
    page = (
        "Entretien de Mme Claire Aubertin, ministre déléguée chargée de l'Europe, avec Radio Nord\n\n"
        "Publié le 10 janvier 2025\n\n"
        "Q - Claire Aubertin, bonjour. Le Conseil européen se réunit dans quinze jours.\n\n"
        "R - Bonjour. L'Europe ne flanche pas, et vingt-six États sont d'accord sur l'essentiel.\n"
    )
    release = communique.parse(page, "text")
    assert release.attendee("Claire Aubertin").role == "ministre déléguée chargée de l'Europe"


def test_a_surname_label_takes_the_full_name_and_role_the_headline_gives_with_its_initial() -> None:
    text = (
        "TRANSCRIPT: Media Interview with Foreign Affairs Secretary Enrique T. Villareal after his meeting\n\n"
        "Date: 2025-04-04\n\n"
        "Q: Good afternoon, Secretary. What was agreed on the coast guard arrangement?\n\n"
        "SECRETARY VILLAREAL: We agreed to finalise the memorandum of understanding within sixty days.\n\n"
        "Q: Did you discuss fisheries?\n\n"
        "SECRETARY VILLAREAL: We did, and our teams will meet again in May to go through the figures.\n"
    )
    release = communique.parse(text, "text")
    assert {q.speaker for q in release.quotes} == {"Enrique T. Villareal"}
    (person,) = [a for a in release.attendees if a.name]
    assert (person.name, person.role) == ("Enrique T. Villareal", "Foreign Affairs Secretary")


def test_a_full_name_in_capitals_on_a_label_is_written_as_the_text_writes_it() -> None:
    page = (
        "Press conference of the observer mission\n\n"
        "Speakers: Ms Ratna Kusumawardhani (Indonesia), Head of Mission\n\n"
        "RATNA KUSUMAWARDHANI: Good morning. Our preliminary finding is that the vote was peaceful.\n\n"
        "QUESTION (Daily Mirror): Were there clashes?\n\n"
        "RATNA KUSUMAWARDHANI: Our teams met the police and the candidates.\n"
    )
    release = communique.parse(page)
    assert {q.speaker for q in release.quotes} == {"Ratna Kusumawardhani"}
    assert "Ratna Kusumawardhani" in [a.name for a in release.attendees]


def test_a_full_name_in_capitals_no_text_writes_otherwise_is_capitalised() -> None:
    page = (
        "Briefing\n\nMARIE-CLAIRE DUBOIS-LEROY: Bonjour à tous, merci d'être venus.\n\n"
        "QUESTION : Quand les travaux commencent-ils ?\n\nMARIE-CLAIRE DUBOIS-LEROY: Dès le mois de mars.\n"
    )
    assert {q.speaker for q in communique.parse(page).quotes} == {"Marie-Claire Dubois-Leroy"}


def test_a_hyphenated_surname_in_capitals_labels_the_person_named_in_full() -> None:
    page = (
        "Joint press point\n\nTromsø, 18 November 2025\n\n"
        "After the meeting, the Minister for Defence of Sweden, Karin Eklund-Sjöberg, and the Minister of "
        "Defence of Norway, Tor Aksel Brenna, met the press.\n\n"
        "BRENNA: Good afternoon and welcome to Tromsø.\n\n"
        "EKLUND-SJÖBERG: Thank you, Tor Aksel. For Sweden, this is the first autumn meeting as an Ally.\n\n"
        "Q (NRK): Minister Brenna, is there money behind the plan?\n\n"
        "BRENNA: There is money. Each country has set aside funds in its budget.\n"
    )
    said = [q.speaker for q in parse(page).quotes]
    assert said == ["Tor Aksel Brenna", "Karin Eklund-Sjöberg", "Tor Aksel Brenna"]  # a question is no quotation


def test_an_offices_abbreviation_in_a_label_is_no_part_of_the_name() -> None:
    page = (
        "Transcript of the Press Briefing of DFA Spokesperson Assistant Secretary Carmela Dizon-Reyes\n\n"
        "27 January 2026\n\n"
        "ASEC. DIZON-REYES: Good morning to our friends from the media. We have an update on the crew.\n\n"
        "QUESTION: When will the seafarers come home?\n\n"
        "ASEC. DIZON-REYES: We will announce the dates officially once the flights are confirmed.\n"
    )
    assert {q.speaker for q in parse(page).quotes} == {"Carmela Dizon-Reyes"}


def test_chairwoman_is_a_title() -> None:
    release = parse("Water deal\n\nChairwoman Verna Lopez-Harjo said the aquifer must be protected.\n")
    assert [(a.name, a.role) for a in release.attendees] == [("Verna Lopez-Harjo", "Chairwoman")]
