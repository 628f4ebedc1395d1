"""Rules found on pages the parser was not written for (tests/data/holdout3), one specification each.

Every example below is written for the test, in the shape of the page that showed the rule.
"""

from __future__ import annotations

import pytest

import communique
from communique.extract import find_attendees
from communique.extract.home import home_country
from communique.extract.release import find_quotes
from communique.extract.roles import from_role


def people(
    text: str | list[str], language: str = "en"
) -> dict[str, tuple[str | None, str | None, str | None, str | None]]:
    paragraphs = [text] if isinstance(text, str) else text
    return {
        a.name: (a.rank, a.role, a.organization, a.country) for a in find_attendees(paragraphs, language)[0] if a.name
    }


def speakers(paragraphs: list[str], language: str) -> list[str | None]:
    attendees = find_attendees(paragraphs, language)[0]
    return [q.speaker for q in find_quotes(paragraphs, language, attendees)]


class TestAnOfficeOverATerritoryKeepsItsPlace:
    """The place after the head of a territorial office is part of the role, not an organisation."""

    @pytest.mark.parametrize(
        ("written", "language", "role"),
        [
            ("alcaldesa de Zaragoza", "es", "alcaldesa de Zaragoza"),
            ("préfet de la Gironde", "fr", "préfet de la Gironde"),
            ("Mayor of Leeds", "en", "Mayor of Leeds"),
        ],
    )
    def test_the_place_stays_in_the_role(self, written: str, language: str, role: str) -> None:
        assert from_role(written, language)[:2] == (role, None)

    def test_any_other_head_still_takes_a_proper_name_as_its_organisation(self) -> None:
        assert from_role("presidente de Navantia", "es")[:2] == ("presidente", "Navantia")

    def test_a_prefect_on_a_state_page_is_of_that_state(self) -> None:
        found = people(["Le préfet de la Gironde, Paul Verdier-Lamy, a réuni les maires."], "fr")
        assert found["Paul Verdier-Lamy"][1:3] == ("préfet de la Gironde", None)


class TestAPossessiveOwnerThatIsAlsoAFirstName:
    def test_an_ambiguous_country_owning_an_office_is_the_country(self) -> None:
        found = people("The Minister met Chad’s Minister of Foreign Affairs, Idriss Mahamat Saleh, in the capital.")
        assert found["Idriss Mahamat Saleh"][1:] == ("Minister of Foreign Affairs", None, "TD")

    def test_without_an_office_after_it_the_possessive_is_no_owner(self) -> None:
        assert from_role("Chad’s farm", "en")[2] is None


class TestNewHeadsAndTitles:
    @pytest.mark.parametrize(
        ("text", "language", "name", "role"),
        [
            (
                "The Tánaiste and Minister for Foreign Affairs, Aoife Brennan, today announced funding.",
                "en",
                "Aoife Brennan",
                "Tánaiste and Minister for Foreign Affairs",
            ),
            (
                "El concejal de Movilidad, Jaume Ferrer Bosch, ha explicado el proyecto.",
                "es",
                "Jaume Ferrer Bosch",
                "concejal de Movilidad",
            ),
            (
                "La procureure de la République, Claire Morand, a annoncé l’ouverture d’une enquête.",
                "fr",
                "Claire Morand",
                "procureure de la République",
            ),
        ],
    )
    def test_the_role_before_the_name(self, text: str, language: str, name: str, role: str) -> None:
        assert people(text, language)[name][1] == role


class TestARelativeClauseIsTheNearestClause:
    def test_a_pronoun_after_who_is_the_person_the_clause_is_about(self) -> None:
        paragraphs = [
            "Minister Jane Doe also met the Deputy Representative, Maria Rossi, who briefed her on the camps. "
            "“The camps are full,” she said."
        ]
        assert speakers(paragraphs, "en") == ["Maria Rossi"]

    def test_without_a_relative_the_subject_of_the_sentence_speaks(self) -> None:
        paragraphs = [
            "Minister Jane Doe also met the Deputy Representative, Maria Rossi, on the camps. “We will help,” she said."
        ]
        assert speakers(paragraphs, "en") == ["Jane Doe"]


class TestEpithetsAndNationalityAfterARole:
    def test_an_epithet_with_a_complement_is_the_attendee_whose_role_ends_with_it(self) -> None:
        paragraphs = [
            "El embajador, Pedro Gil Sanz, y la ministra de Cultura, Ana Ruiz Vega, presentaron el proyecto.",
            "La ministra destacó el archivo. “Es una memoria compartida”, señaló la titular de Cultura.",
        ]
        assert speakers(paragraphs, "es") == ["Ana Ruiz Vega"]

    def test_a_nationality_adjective_after_the_role_picks_the_attendee_of_that_country(self) -> None:
        paragraphs = [
            "El presidente de la República, Luis Pérez Sosa, recibió a la presidenta de Finlandia, Aino Virtanen.",
            "La mandataria finlandesa valoró la estabilidad del país. “Es un ejemplo”, señaló.",
        ]
        assert speakers(paragraphs, "es") == ["Aino Virtanen"]


class TestMastheadsOfMoreStates:
    @pytest.mark.parametrize(
        ("masthead", "language", "code"),
        [
            (
                ["Skip to main content", "An official website of the United States government", "Here's how you know"],
                "en",
                "US",
            ),
            (["Aller au contenu principal", "Gouvernement Princier", "PRINCIPAUTÉ DE MONACO"], "fr", "MC"),
            (["Saltar al contenido", "Presidencia", "Uruguay Presidencia"], "es", "UY"),
            (["Aller au contenu", "Gendarmerie nationale", "Ma brigade"], "fr", "FR"),
        ],
    )
    def test_the_masthead_names_the_state(self, masthead: list[str], language: str, code: str) -> None:
        assert home_country(masthead, language) == code


class TestPortfolioWordsBeforeATitle:
    @pytest.mark.parametrize(
        ("text", "name", "role"),
        [
            ("Agriculture Secretary Juan Dela Cruz thanked the farmers.", "Juan Dela Cruz", "Agriculture Secretary"),
            ("External Affairs Minister Dr. Ravi Menon met the delegation.", "Ravi Menon", "External Affairs Minister"),
        ],
    )
    def test_they_are_part_of_the_title(self, text: str, name: str, role: str) -> None:
        assert people(text)[name][1] == role


class TestAPlaceAfterALocationLinkIsNoRole:
    def test_the_institution_before_the_comma_is_neither_role_nor_person(self) -> None:
        found = people(
            "Speaking at the Coast General Teaching and Referral Hospital, Health Cabinet Secretary "
            "Dr. Amina Odhiambo urged the public to come forward."
        )
        assert found == {"Amina Odhiambo": (None, "Health Cabinet Secretary", None, None)}

    def test_her_words_are_hers(self) -> None:
        paragraphs = [
            "Speaking at the Coast General Teaching and Referral Hospital, Health Cabinet Secretary "
            "Dr. Amina Odhiambo urged the public to come forward. “Nobody should be ashamed,” she said."
        ]
        assert speakers(paragraphs, "en") == ["Amina Odhiambo"]


def test_an_elided_article_and_a_common_noun_are_no_name() -> None:
    assert people("L’organisme Vélo Québec salue la décision.", "fr") == {}


def test_a_role_with_its_modifiers_resolves_to_the_holder_of_that_role() -> None:
    paragraphs = [
        "External Affairs Minister Dr. Ravi Menon and the Deputy Prime Minister of Viet Nam, Tran Van Minh, met today.",
        "In his remarks, the External Affairs Minister said that “the partnership has never been stronger”.",
    ]
    assert speakers(paragraphs, "en") == ["Ravi Menon"]


def test_a_verb_of_rejoicing_attributes_the_quotation() -> None:
    paragraphs = [
        "Le professeur Jean Martin a opéré le patient. « C’est une première », se félicite Claire Dumas, "
        "directrice générale du CHU."
    ]
    assert speakers(paragraphs, "fr") == ["Claire Dumas"]


class TestANationalityOpensARolePhrase:
    def test_without_an_article_before_it(self) -> None:
        found = people(
            "The ceremony was attended by Lithuanian Vice Minister of National Defence, Jonas Petraitis, who spoke."
        )
        assert found["Jonas Petraitis"][1:] == ("Vice Minister of National Defence", None, "LT")

    def test_with_a_unit_noun_between_it_and_the_head(self) -> None:
        found = people("The Hungarian detachment commander, Lieutenant Colonel Péter Szabó, said the crews were ready.")
        assert found["Péter Szabó"] == ("Lieutenant Colonel", "detachment commander", None, "HU")


def test_authorship_before_a_name_is_no_part_of_it_and_the_apposition_gives_the_role() -> None:
    found = people("Co-author Ingrid Solberg, a researcher at the institute, said the method works.")
    assert found["Ingrid Solberg"][1] == "researcher"


def test_a_named_institution_after_a_location_link_is_the_employer() -> None:
    found = people("“Every minute counts,” said Dr. Maya Iyer, a vascular neurologist at Lakeshore Health.")
    assert found["Maya Iyer"][1:3] == ("vascular neurologist", "Lakeshore Health")


def test_a_verb_of_saying_a_few_words_before_a_quotation_reports_it_without_that() -> None:
    paragraphs = ["Accepting the medal, Professor Kenji Arakawa said it was “an honour for the whole laboratory”."]
    assert speakers(paragraphs, "en") == ["Kenji Arakawa"]


def test_a_quoted_name_after_a_copula_is_no_quotation() -> None:
    assert speakers(["The exercise was “Steadfast Noon”, held every October by the Allies."], "en") == []


def test_a_headline_in_title_case_that_opens_with_a_body_is_no_site_name() -> None:
    text = (
        "IMF\nAbout\nNews\n\nIMF Staff Concludes Visit to Paraguay\n\nMay 16, 2025\n\n"
        "Washington, DC: An International Monetary Fund (IMF) staff team led by Ms. Ingrid Halvorsen visited "
        "Asunción from May 6 to May 15, 2025. The team met the Minister of Economy; the central bank; and others.\n\n"
        "The team thanked the authorities for their hospitality and the open and constructive discussions.\n"
    )
    release = communique.parse(text, "text")
    assert release.header.title == "IMF Staff Concludes Visit to Paraguay"
    # A colon after a place with its region, and semicolons far into the sentence: a dateline, not a label.
    assert release.header.dateline == "Washington, DC"  # (a capital district's initials are the city's name)


def test_a_minister_s_portfolios_under_the_name_are_no_dateline() -> None:
    text = (
        "Release\n\nNew Zealand and Fiji agree to expand seasonal work\n\nHon Miriama Te Rangi\nForeign Affairs\n"
        "Pacific Peoples\n\n14 May 2024\n\nNew Zealand and Fiji will deepen their cooperation on labour mobility, "
        "Foreign Minister Miriama Te Rangi says.\n\nThe two countries will meet again next year in Suva, she says.\n"
    )
    assert communique.parse(text, "text").header.dateline is None


def test_an_agency_in_brackets_after_the_place_is_read_past() -> None:
    from communique.extract.dateline import read_dateline

    found = read_dateline("Genève (CICR) – Le Comité international de la Croix-Rouge a annoncé hier la libération.")
    assert found is not None and found.place == "Genève"


def test_a_capital_gives_no_country_at_an_organisation_s_seat_only() -> None:
    body = (
        "{place} – The {org} delegation met Minister of Health Rosa Quispe to discuss the vaccination campaign, "
        "the organisation said.\n\nThe two sides agreed to meet again in the spring to review the figures.\n"
    )
    field_office = communique.parse(
        "UNICEF\n\nUNICEF and the ministry agree on vaccines\n\n" + body.format(place="LA PAZ", org="UNICEF"), "text"
    )
    assert field_office.attendee("Rosa Quispe").country == "BO"  # a country office: the officials it meets
    seat = communique.parse(
        "UNICEF\n\nUNICEF and the ministry agree on vaccines\n\n" + body.format(place="WASHINGTON", org="UNICEF"),
        "text",
    )
    assert seat.attendee("Rosa Quispe").country is None  # filed from the seat's capital: says nothing


def test_a_bulleted_list_of_countries_under_its_lead_in_takes_part() -> None:
    text = (
        "El Ejército celebra su aniversario\n\n"
        "Ciudad de México, a 19 de febrero de 2025.- La Secretaría de la Defensa Nacional llevó a cabo hoy la ceremonia.\n\n"
        "Asistieron como invitados los agregados militares acreditados en México de los siguientes países:\n\n"
        "  • Estados Unidos de América\n  • Guatemala\n  • Belice\n\n"
        "Durante su mensaje, el General Secretario señaló la importancia de la cooperación militar regional.\n"
    )
    release = communique.parse(text, "text")
    assert {"US", "GT", "BZ"} <= {a.country for a in release.attendees}


def test_a_list_of_countries_one_per_paragraph_under_its_lead_in_takes_part() -> None:
    # (A saved page's <li> items, each its own block; "la República Dominicana" with its article.)
    text = (
        "Siete países firman una hoja de ruta para conectar escuelas rurales\n\n"
        "Santo Domingo, 8 de abril de 2025 – Siete países de la región acordaron conectar sus escuelas rurales.\n\n"
        "Firmaron la hoja de ruta las autoridades de telecomunicaciones de:\n\n"
        "Bolivia\n\nEcuador\n\nHaití\n\nla República Dominicana\n\n"
        "La Unión prestará asistencia técnica para mapear las escuelas sin conexión.\n"
    )
    release = communique.parse(text, "text")
    assert {a.country for a in release.attendees} == {"BO", "EC", "HT", "DO"}
    assert [p.text for p in release.paragraphs][3:5] == ["Ecuador", "Haití"]  # the items stay the body's


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A French body's name: long with its articles, an adjective in small letters after its noun.
        (
            "Préfecture maritime de la Manche et de la mer du Nord\nCommuniqué de presse n° 87/2024\n\n"
            "Sauvetage de onze marins d'un cargo en avarie au large de Cherbourg\n\n"
            "Cherbourg, le 2 décembre 2024 – Le centre de sauvetage a coordonné l'évacuation des onze marins du cargo.\n\n"
            "Les naufragés ont été déposés à Cherbourg vers 4h00 et pris en charge par les pompiers, a indiqué la préfecture.\n",
            "Sauvetage de onze marins d'un cargo en avarie au large de Cherbourg",
        ),
    ],
)
def test_a_long_body_name_on_the_masthead_is_no_headline(text: str, title: str) -> None:
    assert communique.parse(text, "text").header.title == title
