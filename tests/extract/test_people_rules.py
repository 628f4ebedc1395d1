"""The people rules, one specification each: what a role is, whose name it is, and where its country comes from.

The examples in every language live in ``tests/data/locale/<code>.toml`` (``[[attendees]]``, run by
``tests/locale/test_rules.py``); the tests here pin the rule behind each of them.
"""

from __future__ import annotations

import pytest

import communique
from communique.extract import find_attendees
from communique.extract.roles import from_role


def people(text: str, language: str = "en") -> dict[str, tuple[str | None, str | None, str | None, str | None]]:
    return {a.name: (a.rank, a.role, a.organization, a.country) for a in find_attendees([text], language)[0] if a.name}


@pytest.mark.parametrize(
    ("written", "language", "role", "organization", "country"),
    [
        # A country after a country link is the role's country, not part of its name.
        ("Prime Minister of Norway", "en", "Prime Minister", None, "NO"),
        (
            "ministre des affaires étrangères de la République du Kazakhstan",
            "fr",
            "ministre des affaires étrangères",
            None,
            "KZ",
        ),
        ("jefe del Estado Mayor de la Defensa de España", "es", "jefe del Estado Mayor de la Defensa", None, "ES"),
        # The place where the role is held, after the country or the organisation, goes too.
        ("embajador de Grecia en España", "es", "embajador", None, "GR"),
        ("directrice du PAM en Haïti", "fr", "directrice", "PAM", None),
        # A country after "for" or "in" is what the role is about, not whose it is: it stays.
        ("Special Representative for South Sudan", "en", "Special Representative for South Sudan", None, None),
        ("Resident Coordinator in Mozambique", "en", "Resident Coordinator in Mozambique", None, None),
        # The long form of a country does not cut into a title ("président de la République").
        ("Président de la République du Sénégal", "fr", "Président de la République", None, "SN"),
        # After a link with its article, a named body of two capitalised words or more is the organisation;
        # a government office keeps its portfolio.
        ("Chairman of the Election Commission", "en", "Chairman", "Election Commission", None),
        ("presidente del Jurado Nacional de Elecciones", "es", "presidente", "Jurado Nacional de Elecciones", None),
        ("Minister of Defence", "en", "Minister of Defence", None, None),
        # After a bare link, a national office's capitalised words are its portfolio, known or not.
        ("Minister for Emergency Management", "en", "Minister for Emergency Management", None, None),
        ("ministro de la Presidencia", "es", "ministro de la Presidencia", None, None),
        # An institution's name after a location link is the organisation, whole.
        ("professor at the University of Otago", "en", "professor", "University of Otago", None),
        ("lecturer in the School of GeoSciences", "en", "lecturer", "School of GeoSciences", None),
        # A proper name after a role link is the organisation, unless it is a portfolio or an institution.
        ("presidente de Navantia", "es", "presidente", "Navantia", None),
        (
            "Chief Executive Officer of Northlake Analytics",
            "en",
            "Chief Executive Officer",
            "Northlake Analytics",
            None,
        ),
        (
            "présidente-directrice générale d’Altaïr Systèmes",
            "fr",
            "présidente-directrice générale",
            "Altaïr Systèmes",
            None,
        ),
        ("ministro de Defensa", "es", "ministro de Defensa", None, None),
        ("Secretary of State", "en", "Secretary of State", None, None),
        ("Minister of Energy", "en", "Minister of Energy", None, None),
        # An organisation named inside a portfolio list is not the role's organisation.
        (
            "ministro de Asuntos Exteriores, Unión Europea y Cooperación",
            "es",
            "ministro de Asuntos Exteriores, Unión Europea y Cooperación",
            None,
            None,
        ),
        # A possessive owner: the country or the organisation, not part of the role.
        ("Ghana’s Minister for Foreign Affairs", "en", "Minister for Foreign Affairs", None, "GH"),
        # An adjective inside an organisation's name gives no country.
        ("presidente de Cruz Roja Española", "es", "presidente", "Cruz Roja Española", None),
    ],
)
def test_a_role_is_what_the_office_is_called(
    written: str, language: str, role: str, organization: str | None, country: str | None
) -> None:
    got_role, got_org, got_country, _ = from_role(written, language)
    assert (got_role, got_org, got_country) == (role, organization, country)


def test_a_title_and_its_complement_stand_before_a_name_without_a_comma() -> None:
    found = people("Mr Brenner met Deputy Secretary of State Karen Whitlock and Minister for Policy Martin Adeyemi.")
    assert found["Karen Whitlock"][1] == "Deputy Secretary of State"
    assert found["Martin Adeyemi"][1] == "Minister for Policy"


def test_a_name_right_after_a_role_link_is_the_complement_not_a_person() -> None:
    assert people("The President of Harbor Point Logistics said the deal was signed.") == {}


def test_a_nationality_adjective_between_the_title_and_the_name() -> None:
    found = people(
        "La chancelière allemande Angela Merkel a reçu le président autrichien Alexander Van der Bellen.", "fr"
    )
    assert found["Angela Merkel"][3] == "DE"
    assert found["Alexander Van der Bellen"][3] == "AT"


def test_service_words_between_a_nationality_and_a_rank() -> None:
    found = people("Danish Army Lieutenant General Søren Kjeldsen described the progress made.")
    assert found["Søren Kjeldsen"][0] == "Lieutenant General"
    assert found["Søren Kjeldsen"][3] == "DK"


def test_a_plain_name_is_a_person_when_a_role_follows_it_in_apposition() -> None:
    found = people("Nadia Belkacem, directrice des systèmes orbitaux du CNES, a salué le projet.", "fr")
    assert found["Nadia Belkacem"][1] == "directrice des systèmes orbitaux"
    assert found["Nadia Belkacem"][2] == "CNES"


def test_a_role_before_the_next_name_of_a_list_is_not_an_apposition() -> None:
    found = people(
        "Asistieron el almirante general Rafael Olmedo Quiroga, el presidente de Navantia, Luis Berrocal Díaz, y otros.",
        "es",
    )
    assert found["Rafael Olmedo Quiroga"][2] is None
    assert found["Luis Berrocal Díaz"][1:3] == ("presidente", "Navantia")


def test_a_short_re_mention_is_the_same_person_and_two_namesakes_stay_two() -> None:
    found = people("El almirante general Rafael Olmedo Quiroga llegó. El almirante general Olmedo habló.", "es")
    assert "Olmedo" not in found and "Rafael Olmedo Quiroga" in found
    assert {"Jean Dupont", "Marie Dupont"} <= set(people("General Jean Dupont met Admiral Marie Dupont. Dupont spoke."))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Speaking after the vote, Ana Lucía Ortega (Ecuador) welcomed the renewal.", "EC"),
        ("Rapporteur Lucía Herrera Beltrán (S&D, ES) said the text was balanced.", "ES"),
        ("Giulia Ferraro, an anti-trafficking expert from Italy, led the sessions.", "IT"),
    ],
)
def test_a_country_written_beside_a_name(text: str, country: str) -> None:
    assert [c for (_, _, _, c) in people(text).values()] == [country]


def test_commonwealth_courtesy_words_are_not_part_of_the_name() -> None:
    found = people("Minister for Foreign Affairs, Senator the Hon Catherine Delaney said: “We agree.”")
    assert "Catherine Delaney" in found


class TestWordsOfAnOfficeAreNoName:
    """A capitalised word that belongs to a title or a portfolio is never a person, whatever stands before it."""

    def test_a_word_before_a_portfolio_word_is_the_portfolios(self) -> None:
        # "Commissioner for" stands before names ("Commissioner for Trade Jane Doe"), but the
        # capitalised words after it here are a portfolio: "Economic" is not a person.
        text = "The ECOWAS Commissioner for Economic Affairs and Agriculture, Mrs. Adjoa Mensima Boateng, said it."
        assert set(people(text)) == {"Adjoa Mensima Boateng"}

    def test_an_item_of_a_portfolio_list_between_commas_is_no_surname(self) -> None:
        text = "The Minister of Education, Skills, Youth and Information, Dr. Marcia Gayle-Forbes, spoke."
        assert people(text) == {
            "Marcia Gayle-Forbes": (None, "Minister of Education, Skills, Youth and Information", None, None)
        }

    def test_a_chain_of_courtesy_words_between_the_role_and_the_name(self) -> None:
        text = "Prime Minister, the Most Hon. Dr. Andrew Clarke, has announced a programme for rural schools."
        assert people(text) == {"Andrew Clarke": (None, "Prime Minister", None, None)}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # A world region is a word of the role's complement, not of the name.
            (
                "“We are ready,” said ADB Director General for East Asia Jia-Ling Chen.",
                {"Jia-Ling Chen": (None, "Director General for East Asia", "ADB", None)},
            ),
            # "to" links an envoy's role to where they serve; the dots of "U.S." end no phrase.
            (
                "“Rice is at the heart of it,” said U.S. Ambassador to the Philippines Karen Whitfield.",
                {"Karen Whitfield": ("Ambassador", "Ambassador to the Philippines", None, "US")},
            ),
        ],
    )
    def test_a_role_complement_before_the_name(self, text: str, expected: dict[str, tuple[str | None, ...]]) -> None:
        assert people(text) == expected

    @pytest.mark.parametrize(
        ("text", "organization"),
        [
            (
                "Chief Public Prosecutor Matthias Gruber of the Public Prosecutor’s Office Vienna said it.",
                "Public Prosecutor’s Office Vienna",
            ),
            ("Admiral Jean Dupont of NATO said it.", "NATO"),
            # A place after "of" is no organisation.
            ("General Jean Dupont of Paris said it.", None),
        ],
    )
    def test_an_organisation_right_after_the_name(self, text: str, organization: str | None) -> None:
        ((_, _, found, _),) = people(text).values()
        assert found == organization

    def test_a_portfolio_with_a_list_joiner_before_the_name(self) -> None:
        # "for" ends titles ("Minister for") and links a portfolio: the role reads on to its head.
        text = "Minister for Foreign Trade and Development Aleksi Rautiainen met the delegation on Friday."
        assert people(text) == {"Aleksi Rautiainen": (None, "Minister for Foreign Trade and Development", None, None)}

    def test_the_last_word_of_a_longer_title_is_no_name(self) -> None:
        # "Chief Executive" is a title and "Officer" follows it: the title is "Chief Executive Officer".
        assert set(people("Gavi’s Chief Executive Officer, Dr Lars Ekström, said the stockpile was ready.")) == {
            "Lars Ekström"
        }


class TestAnOwnerTheTableDoesNotKnow:
    """An acronym before a title, or a possessive owning a role, is the organisation, listed or not."""

    @pytest.mark.parametrize(
        ("text", "name", "role", "organization"),
        [
            ("EIB Vice-President Joana Almeida Reis said it.", "Joana Almeida Reis", "Vice-President", "EIB"),
            (
                "“We act,” said NRC Secretary General Maren Solheim-Dahl.",
                "Maren Solheim-Dahl",
                "Secretary General",
                "NRC",
            ),
            (
                "Closing the meeting, the ECOWAS Commissioner for Economic Affairs, Mrs. Adjoa Boateng, said it.",
                "Adjoa Boateng",
                "Commissioner for Economic Affairs",
                "ECOWAS",
            ),
            ("“We act,” said Tomas Aaberg, NRC’s Country Director.", "Tomas Aaberg", "Country Director", "NRC"),
            (
                "Gavi’s Chief Executive Officer, Dr Lars Ekström, said:",
                "Lars Ekström",
                "Chief Executive Officer",
                "Gavi",
            ),
        ],
    )
    def test_the_owner_is_the_organisation(self, text: str, name: str, role: str, organization: str) -> None:
        assert people(text)[name][1:3] == (role, organization)

    def test_a_country_acronym_stays_a_country(self) -> None:
        assert people("UK Defence Secretary John Healey said it.")["John Healey"][2] is None


class TestWhereARoleIsHeldAndItsLists:
    """The complements at a role's end: the employer after "at" / "à", a country after an article, list items."""

    @pytest.mark.parametrize(
        ("written", "language", "role", "organization", "country"),
        [
            # After a location link, an organisation (listed, or a name opened by an acronym) is the employer.
            ("chercheur à l’EPFZ", "fr", "chercheur", "EPFZ", None),
            ("cheffe de projet à l’UNESCO", "fr", "cheffe de projet", "UNESCO", None),
            ("professor of biological oceanography at USF", "en", "professor of biological oceanography", "USF", None),
            # A place is not an employer: it stays in the role.
            (
                "delegada del Gobierno en la Comunitat Valenciana",
                "es",
                "delegada del Gobierno en la Comunitat Valenciana",
                None,
                None,
            ),
            # An article may stand between the location link and the place.
            ("embajador de la República de Corea en el Perú", "es", "embajador", None, "KR"),
            # A form that is a country's name and an adjective is the name after an article.
            ("embajadora de Uruguay en la Argentina", "es", "embajadora", None, "UY"),
            ("la ministra argentina", "es", "ministra", None, "AR"),
            # A capitalised word after a list joiner is the last item of a portfolio, not an organisation.
            ("ministre du Tourisme et des Antiquités", "fr", "ministre du Tourisme et des Antiquités", None, None),
        ],
    )
    def test_the_tail_of_a_role(
        self, written: str, language: str, role: str, organization: str | None, country: str | None
    ) -> None:
        assert from_role(written, language)[:3] == (role, organization, country)


def test_a_country_in_brackets_then_a_role_is_a_delegate() -> None:
    # A plain full name with a country in brackets is a person even without a verb of saying; the
    # role in apposition after the brackets is theirs; "(Canada-Québec)" is a country and one of its parts.
    text = (
        "La mission sera conduite par Édouard Kibanda (Gabon), envoyé spécial de la secrétaire générale. "
        "Elle comprendra Sylvie Tremblay-Roy (Canada-Québec), experte en administration électorale."
    )
    assert people(text, "fr") == {
        "Édouard Kibanda": (None, "envoyé spécial de la secrétaire générale", None, "GA"),
        "Sylvie Tremblay-Roy": (None, "experte en administration électorale", None, "CA"),
    }


class TestJobsBesideANameInEveryRegister:
    """Ranks of the police, deputy heads, scholars: pack words, read by the same rules as any rank or role."""

    def test_a_police_rank_after_selon(self) -> None:
        text = "Selon la commissaire divisionnaire Sandrine Oukhaled, qui a dirigé l’opération, « tout est fini »."
        assert people(text, "fr")["Sandrine Oukhaled"][0] == "commissaire divisionnaire"

    def test_a_deputy_head_before_the_name(self) -> None:
        text = "« Oui », a déclaré la sous-directrice générale pour la culture de l’UNESCO, Elena Marchetti-Ruiz, hier."
        assert people(text, "fr")["Elena Marchetti-Ruiz"][1:3] == ("sous-directrice générale pour la culture", "UNESCO")

    def test_an_employer_after_a_clause_word_ends_the_apposition(self) -> None:
        # "at" usually opens the next clause ("X, Minister, at the summit"); before an organisation it is the employer.
        text = "“We expected it,” said lead author Rosa Delgado-Whitman, a doctoral candidate at the USF College of Marine Science."
        assert people(text)["Rosa Delgado-Whitman"][1:3] == ("doctoral candidate", "USF College of Marine Science")


def test_after_a_list_joiner_the_phrase_before_the_comma_is_the_previous_persons() -> None:
    from communique.extract.attendees import find_attendees

    text = (
        "At the end of the conference, Air Chief Marshal Penrose met Vice Admiral Henrik Sjöberg, Chief of "
        "Defence of Sweden, and General Tomasz Wiśniewski, Chief of the General Staff of the Polish Armed Forces."
    )
    people = {a.name: a for a in find_attendees([text], "en")[0]}
    assert set(people) == {"Penrose", "Henrik Sjöberg", "Tomasz Wiśniewski"}  # no attendee named "Chief"
    assert (people["Henrik Sjöberg"].role, people["Henrik Sjöberg"].country) == ("Chief of Defence", "SE")
    assert people["Tomasz Wiśniewski"].country == "PL"
    assert people["Tomasz Wiśniewski"].role is not None and people["Tomasz Wiśniewski"].role.startswith(
        "Chief of the General Staff"
    )


def test_an_institutions_words_inside_a_capitalised_run_make_it_no_name() -> None:
    from communique.extract.attendees import find_attendees

    text = (
        "El comisario Andrés Roig Cabanes, jefe de la Brigada Provincial de Policía Judicial de Valencia, "
        "ha señalado que la investigación continúa."
    )
    names = [a.name for a in find_attendees([text], "es")[0]]
    assert names == ["Andrés Roig Cabanes"]  # not "Provincial de Policía Judicial de Valencia" (after "Brigada")


def test_a_family_name_first_is_re_mentioned_alone() -> None:
    import communique

    text = (
        "Lima – El ministro Óscar Villanueva y el viceministro de Corea del Sur, Park Ji-hoon, firmaron hoy "
        "un memorando.\n\n“Nuestras empresas quieren invertir”, señaló el viceministro Park."
    )
    release = communique.parse(f"Perú y Corea firman un memorando\n\n{text}\n", "text")
    names = [a.name for a in release.attendees]
    assert "Park Ji-hoon" in names and "Park" not in names
    assert release.quotes[-1].speaker == "Park Ji-hoon"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # (The named body after "del" is the organisation: role "investigadora", organisation "Instituto de Química".)
        (
            "“Es un avance”, explicó la investigadora del Instituto de Química Leticia Bravo Anaya.",
            "Leticia Bravo Anaya",
            "investigadora",
        ),
        ("La médica de MSF Sara Lindqvist explicó que los rescatados llegaban exhaustos.", "Sara Lindqvist", "médica"),
        # A former office introduces the name like a courtesy word, and is no role of the person.
        (
            "La Misión, encabezada por la excanciller de Costa Rica Laura Quesada Brenes, llegó hoy.",
            "Laura Quesada Brenes",
            None,
        ),
    ],
)
def test_spanish_titles_before_a_name_with_no_comma(text: str, name: str, role: str | None) -> None:
    from communique.extract.attendees import find_attendees

    people = {a.name: a for a in find_attendees([text], "es")[0]}
    assert name in people
    assert people[name].role == role


def test_a_role_with_a_long_portfolio_list_before_the_name() -> None:
    from communique.extract.attendees import find_attendees

    text = "El consejero de Agricultura, Pesca, Agua y Desarrollo Rural, Manuel Ortiz Serrano, ha presentado el plan."
    (person,) = find_attendees([text], "es")[0]
    assert (person.name, person.role) == (
        "Manuel Ortiz Serrano",
        "consejero de Agricultura, Pesca, Agua y Desarrollo Rural",
    )


def test_a_french_portfolio_list_with_articles_and_a_catalan_name() -> None:
    from communique.extract.attendees import find_attendees

    text = (
        "Rabat - Le ministre de l’Agriculture, de la Pêche maritime, du Développement rural et des Eaux et "
        "Forêts, Karim Bennani, s’est entretenu avec le rapporteur de l’avis, Jordi Puigmartí i Soler."
    )
    people = {a.name: a for a in find_attendees([text], "fr")[0]}
    assert people["Karim Bennani"].role == (
        "ministre de l’Agriculture, de la Pêche maritime, du Développement rural et des Eaux et Forêts"
    )
    assert "Jordi Puigmartí i Soler" in people  # Catalan "i" is a particle of the name


class TestDelegationsAndTheirCountries:
    """A list of delegations gives each person the country of the entry, and bodies of countries take part."""

    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            (
                "Ont pris part : pour la République du Bénin : Monsieur Romuald Agbodjan, ministre des Finances ; "
                "pour le Burkina Faso : Madame Awa Sawadogo, ministre de l’Économie.",
                "fr",
                {"Romuald Agbodjan": "BJ", "Awa Sawadogo": "BF"},
            ),
            (
                "En la reunión participaron, por Belice, el ministro de Ambiente, Kendrick Arnold Pech; por "
                "Guatemala, la ministra de Recursos Naturales, Lucía Monterroso Aldana.",
                "es",
                {"Kendrick Arnold Pech": "BZ", "Lucía Monterroso Aldana": "GT"},
            ),
            ("The ministers attended: for Ghana: Ms Ama Owusu, Minister of Trade.", "en", {"Ama Owusu": "GH"}),
            # A country whose name opens with an article is read whole after the link.
            (
                "Participaron, por Belice, el ministro de Ambiente, Kendrick Arnold Pech; por El Salvador, el "
                "ministro de Medio Ambiente, Rodrigo Ernesto Valle Menjívar.",
                "es",
                {"Kendrick Arnold Pech": "BZ", "Rodrigo Ernesto Valle Menjívar": "SV"},
            ),
            # A list of delegations without a link: its first item is one when the next entry is a country's.
            (
                "Asistieron los presidentes de los comités de Bolivia, Andrés Gutiérrez Suárez; Chile, Macarena "
                "Silva Eyzaguirre; y Venezuela, Elías Rondón Mujica.",
                "es",
                {"Andrés Gutiérrez Suárez": "BO", "Macarena Silva Eyzaguirre": "CL", "Elías Rondón Mujica": "VE"},
            ),
            (
                "The meeting was attended by the ministers of Ghana, Kofi Mensah; Togo, Ama Koffi; and Benin, Paul "
                "Houngbo.",
                "en",
                {"Kofi Mensah": "GH", "Ama Koffi": "TG", "Paul Houngbo": "BJ"},
            ),
        ],
    )
    def test_the_entry_of_a_delegation_gives_its_country(
        self, text: str, language: str, expected: dict[str, str]
    ) -> None:
        assert {name: fields[3] for name, fields in people(text, language).items()} == expected

    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            # A delegation with its country (an adjective after the noun, a country after its link, a country
            # before the noun), then the words that introduce its members: each member is of that country.
            (
                "La délégation sénégalaise comprenait notamment : M. Ousmane Diallo, directeur de l'Afrique ; "
                "Mme Khady Faye, ambassadrice. La délégation bissau-guinéenne comprenait : M. João Sanhá, "
                "secrétaire d'État à la Coopération.",
                "fr",
                {"Ousmane Diallo": "SN", "Khady Faye": "SN", "João Sanhá": "GW"},
            ),
            (
                "The Barbados delegation was led by the Speaker of the House of Assembly, Hon. Clement Forde.",
                "en",
                {"Clement Forde": "BB"},
            ),
            (
                "La delegación de la República de Honduras estuvo presidida por la secretaria de Estado, Gabriela "
                "Andino Zelaya.",
                "es",
                {"Gabriela Andino Zelaya": "HN"},
            ),
            (
                "La delegación costarricense estuvo integrada, además, por la viceministra de Asuntos "
                "Multilaterales, Laura Chacón Vargas.",
                "es",
                {"Laura Chacón Vargas": "CR"},
            ),
            # In a list of delegations the verb is left out after the first: the adjective, then "par".
            (
                "La délégation belge était conduite par le ministre de la Mobilité, M. Pieter Vanhoutte, la "
                "délégation néerlandaise par la secrétaire d'État, Mme Marieke van den Berg.",
                "fr",
                {"Pieter Vanhoutte": "BE", "Marieke van den Berg": "NL"},
            ),
            # One country named anywhere between the noun and the members' words is the delegation's.
            (
                "Una delegación de la Oficina Regional de Valorización Agrícola del Souss-Massa (Marruecos), "
                "encabezada por su director, Abdelkrim Ouhammou, visitó las obras.",
                "es",
                {"Abdelkrim Ouhammou": "MA"},
            ),
            (
                "A delegation of farmer leaders from the Ankole Dairy Farmers' Union in western Uganda, led by its "
                "chairman, Mr Robert Tumusiime, attended the ceremony.",
                "en",
                {"Robert Tumusiime": "UG"},
            ),
            (
                "Une délégation d'experts venus du Bénin et du Togo, conduite par la directrice, Mme Awa Kossi, est arrivée.",
                "fr",
                {"Awa Kossi": None},  # two countries: whose she is, the sentence does not say
            ),
            # Without the members' words the person after the delegation may be its host.
            (
                "The delegation of Ghana was received by the Minister of Trade, Ms Ama Owusu.",
                "en",
                {"Ama Owusu": None},
            ),
            # A delegation of another sentence says nothing of the people of this one.
            (
                "The Estonian delegation arrived on Monday. The talks were led by the Minister of Trade, Ms Ama Owusu.",
                "en",
                {"Ama Owusu": None},
            ),
        ],
    )
    def test_the_members_of_a_delegation_are_of_its_country(
        self, text: str, language: str, expected: dict[str, str | None]
    ) -> None:
        assert {name: fields[3] for name, fields in people(text, language).items()} == expected

    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            # The body after the name, after a comma or a country link, says its nationality by an adjective.
            ("“We found them,” said Commander Pieter Van Acker, Belgian Navy, the group's commander.", "en", "BE"),
            ("The jury was chaired by Rear Admiral Helga Sørbø of the Royal Norwegian Navy.", "en", "NO"),
            (
                "Mario Pellerin, Deputy Commissioner, Operations, of the Canadian Coast Guard, said the trial had worked.",
                "en",
                "CA",
            ),
            # A body further in the sentence, after the name's own phrase, is the topic or another party.
            (
                "Lieutenant General Aurelio Castellani today chaired a meeting with officers of the Lebanese Armed Forces.",
                "en",
                None,
            ),
            # An international body's name holds no nationality of its own.
            ("“We are ready,” said Colonel Marta Ruiz of the European Defence Agency.", "en", None),
        ],
    )
    def test_a_national_body_after_the_name_gives_its_country(
        self, text: str, language: str, expected: str | None
    ) -> None:
        found = people(text, language)
        assert len(found) == 1
        assert next(iter(found.values()))[3] == expected

    @pytest.mark.parametrize(
        ("text", "language", "countries"),
        [
            (
                "The group was joined by units and divers from Estonia, Germany and Latvia for the operation.",
                "en",
                {"EE", "DE", "LV"},
            ),
            (
                "Law enforcement authorities in Austria, Czechia and Spain arrested nine suspects.",
                "en",
                {"AT", "CZ", "ES"},
            ),
            (
                "Asistieron representantes de los contingentes de India, Nepal, Serbia, El Salvador y Brasil.",
                "es",
                {"IN", "NP", "RS", "SV", "BR"},
            ),
            ("Des délégations de la Finlande et de la Suède ont participé aux travaux.", "fr", {"FI", "SE"}),
        ],
    )
    def test_bodies_of_countries_take_part_for_them(self, text: str, language: str, countries: set[str]) -> None:
        assert {a.country for a in find_attendees([text], language)[0] if a.country} == countries

    def test_a_country_that_is_only_a_place_is_none(self) -> None:
        text = "The network defrauded investors in Austria, Czechia and Spain over three years."
        assert {a.country for a in find_attendees([text], "en")[0] if a.country} == set()


class TestPressContactsAreNoAttendees:
    @pytest.mark.parametrize(
        "paragraphs",
        [
            [
                "Minister Jane Okafor opened the fair in Accra.",
                "Enquiries: Mr Thabo Maseko, Spokesperson, 082 000 0000",
            ],
            [
                "Minister Jane Okafor opened the fair in Accra.",
                "Contacts",
                "Media Relations",
                "Ms Anna Lund, Press Officer",
            ],
            ["La ministre Jane Okafor a inauguré la foire.", "Contact presse : M. Paul Girard, porte-parole"],
        ],
    )
    def test_the_people_of_the_contacts_block_do_not_take_part(self, paragraphs: list[str]) -> None:
        language = "fr" if paragraphs[0].startswith("La ") else "en"
        assert [a.name for a in find_attendees(paragraphs, language)[0] if a.name] == ["Jane Okafor"]

    def test_a_contact_the_release_names_elsewhere_stays(self) -> None:
        paragraphs = [
            "Spokesperson Anna Lund said the fair would open on Monday.",
            "Media contact: Ms Anna Lund, Spokesperson",
        ]
        assert [a.name for a in find_attendees(paragraphs, "en")[0] if a.name] == ["Anna Lund"]


class TestAPlainNameBesideSpeechThroughItsApposition:
    @pytest.mark.parametrize(
        ("text", "language", "name"),
        [
            (
                "Leigh Ann Curry, a biologist with the state commission who was not involved in the study, "
                "said the data would help.",
                "en",
                "Leigh Ann Curry",
            ),
            (
                "Joaquín Pereyra Cabrera, estudiante de maestría y coautor del trabajo, destacó el papel de los voluntarios.",
                "es",
                "Joaquín Pereyra Cabrera",
            ),
            ("“We are ready,” said the team leader, Inês Valente.", "en", "Inês Valente"),
        ],
    )
    def test_the_verb_of_saying_beside_the_apposition_vouches_for_the_name(
        self, text: str, language: str, name: str
    ) -> None:
        assert set(people(text, language)) == {name}

    def test_the_apposition_is_the_role(self) -> None:
        text = "Leigh Ann Curry, a biologist at the University of Otago who was not involved, said it would help."
        assert people(text) == {"Leigh Ann Curry": (None, "biologist", "University of Otago", None)}

    def test_an_age_is_no_role(self) -> None:
        assert people("Tom Kowalczyk, 58, said the unit had saved his life.") == {
            "Tom Kowalczyk": (None, None, None, None)
        }

    def test_an_apposition_in_capitals_is_no_job(self) -> None:
        # (A capitalised word after the comma opens another name or a place: no apposition.)
        assert set(people("Leigh Ann Curry, Boston, said the data would help.")) == set()


class TestANationalityBeforeAPlainName:
    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            (
                "New Zealand’s Maia Te Rangi won the race after overtaking Romania’s Ioana Dumitrescu near the line.",
                "en",
                {"Maia Te Rangi": "NZ", "Ioana Dumitrescu": "RO"},
            ),
            (
                "La asamblea fue presidida por el peruano Gustavo Zegarra Benavides.",
                "es",
                {"Gustavo Zegarra Benavides": "PE"},
            ),
        ],
    )
    def test_the_person_is_of_that_country(self, text: str, language: str, expected: dict[str, str]) -> None:
        assert {name: fields[3] for name, fields in people(text, language).items()} == expected

    def test_a_country_name_before_an_institution_is_no_nationality(self) -> None:
        assert people("The launch was attended by the Bangladesh Ship Breakers and Recyclers Association.") == {}


class TestAListOfNamesWithTheirRoles:
    def test_a_role_between_two_names_is_the_first_ones_when_the_second_has_its_own(self) -> None:
        text = (
            "It was signed by Ms Tan Wei Ling, Chief Executive of MPA, Mr Pieter de Wolff, Chief Executive Officer "
            "of the Port Authority, and Mr Rogelio Batista, Administrator of the Maritime Authority."
        )
        assert {name: fields[1] for name, fields in people(text).items()} == {
            "Tan Wei Ling": "Chief Executive",
            "Pieter de Wolff": "Chief Executive Officer",
            "Rogelio Batista": "Administrator",
        }

    def test_a_role_with_its_article_before_a_name_is_that_names(self) -> None:
        text = "Participaron el presidente de Navantia, Luis Berrocal Díaz, y la directora de Indra, Ana Ruiz Gil."
        assert {name: fields[1:3] for name, fields in people(text, "es").items()} == {
            "Luis Berrocal Díaz": ("presidente", "Navantia"),
            "Ana Ruiz Gil": ("directora", "Indra"),
        }


class TestMoreNamesBesideSpeech:
    @pytest.mark.parametrize(
        ("text", "language", "name"),
        [
            # A capitalised particle inside a plain name.
            ("« Nous y sommes », a déclaré Erwan Le Goff.", "fr", "Erwan Le Goff"),
            # A title of a university before the name.
            (
                "« Nous y sommes », explique la professeure Émilie Tremblay-Qumaq, du Département de géographie.",
                "fr",
                "Émilie Tremblay-Qumaq",
            ),
            # A manager or an officer is a title before a name.
            ("AMSA Response Manager Craig Fenwick said the sailor had done everything right.", "en", "Craig Fenwick"),
        ],
    )
    def test_the_person_is_found(self, text: str, language: str, name: str) -> None:
        assert set(people(text, language)) == {name}


def test_a_place_and_its_country_between_commas_before_the_name() -> None:
    text = "Firmaron el gobernador del departamento de San Marcos, Guatemala, Édgar Orozco Fuentes, y otros."
    ((_, role, _, country),) = people(text, "es").values()
    assert (role, country) == ("gobernador del departamento", "GT")


@pytest.mark.parametrize(
    ("text", "language", "name", "role"),
    [
        (
            "The club confirms the appointment of Ross Tennant as first-team manager on a three-year contract.",
            "en",
            "Ross Tennant",
            "first-team manager",
        ),
        (
            "El club nombró a Gustavo Pereyra Lasso como director técnico del primer equipo.",
            "es",
            "Gustavo Pereyra Lasso",
            "director técnico",
        ),
    ],
)
def test_a_name_given_an_office_is_a_person_with_that_role(text: str, language: str, name: str, role: str) -> None:
    assert {n: fields[1] for n, fields in people(text, language).items()} == {name: role}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place or a body after the role is no next person of a list.
        (
            "– Nathalie Groulx, Regional Director General, Quebec Region, Canada Border Services Agency",
            {"Nathalie Groulx": "Regional Director General"},
        ),
        # A rank and a name before a comma are a person, not the role of the word after the comma.
        ("– Inspector Marc-André Lessard, Sûreté du Québec", {"Marc-André Lessard": None}),
    ],
)
def test_signature_lines_after_quotations(text: str, expected: dict[str, str | None]) -> None:
    assert {name: fields[1] for name, fields in people(text).items()} == expected


def test_a_preposition_that_opens_a_sentence_is_no_first_name() -> None:
    found = people(
        "La ministra de Defensa, Carmen Rivas Olmedo, visitó a la Brigada Libre Hidalgo XLI. En Naqoura, la ministra "
        "se ha reunido con el general de división italiano Marco Bellandi.",
        "es",
    )
    assert set(found) == {"Carmen Rivas Olmedo", "Marco Bellandi"}  # no "En Naqoura", no "Libre Hidalgo"


@pytest.mark.parametrize(
    ("text", "language", "name", "role"),
    [
        # (The country before a title is the person's country, as in "Estonian Minister of Defence".)
        ("United States Attorney Daniel R. Whitcombe announced the sentence.", "en", "Daniel R. Whitcombe", "Attorney"),
        (
            "The case was heard by District Court Judge Margaret L. Quinlan on Monday.",
            "en",
            "Margaret L. Quinlan",
            "District Court Judge",
        ),
        ("The forum was opened by Speaker Marsha Campbell-Reid in Kingston.", "en", "Marsha Campbell-Reid", "Speaker"),
        ("Cr Donna Whitfield moved the motion on the budget.", "en", "Donna Whitfield", None),
        ("a déclaré le recteur Daniel Beauchemin lors de la signature.", "fr", "Daniel Beauchemin", "recteur"),
        ("firmó con el rector Adolfo Treviño Salas un convenio.", "es", "Adolfo Treviño Salas", "rector"),
    ],
)
def test_titles_of_justice_parliaments_councils_and_universities(
    text: str, language: str, name: str, role: str | None
) -> None:
    assert people(text, language)[name][1] == role


def test_a_unit_after_a_rank_word_is_no_person() -> None:
    # "Major" is a rank, but "the Major Crime Investigation Team" is a unit: no attendee "Crime Investigation Team".
    found = people(
        "Detective Inspector Helen Marsh, of the Major Crime Investigation Team, said the attack was shocking."
    )
    assert set(found) == {"Helen Marsh"}


@pytest.mark.parametrize(
    ("text", "language", "name", "role"),
    [
        (
            "Director of Football Nadia Khoury, who led the recruitment, added her thanks.",
            "en",
            "Nadia Khoury",
            "Director of Football",
        ),
        (
            "« C’est un lieu ouvert », explique l’architecte Jérôme Vasseur, dont l’agence a conçu le projet.",
            "fr",
            "Jérôme Vasseur",
            "architecte",
        ),
    ],
)
def test_more_roles_before_a_name(text: str, language: str, name: str, role: str) -> None:
    assert people(text, language)[name][1] == role


def test_the_first_name_and_first_surname_are_the_same_person() -> None:
    found = people(
        "El alcalde de Calanda, Julián Bielsa Ferrer, pidió la travesía. “Es urgente”, ha señalado Julián Bielsa.",
        "es",
    )
    assert list(found) == ["Julián Bielsa Ferrer"]


def test_a_role_right_after_a_name_without_a_comma_is_not_part_of_it() -> None:
    found = people(
        "Le conseil a nommé Mme Claire Morel Directrice générale du Groupe, avec effet au 1er janvier.", "fr"
    )
    assert "Claire Morel" in found and "Claire Morel Directrice" not in found


def test_counterparts_listed_with_their_countries() -> None:
    found = people(
        "Les deux ministres ont coprésidé une réunion avec leurs homologues de Mauritanie, M. Sidi Ould Cheikhna, "
        "et du Sénégal, Mme Awa Ndiaye Sall.",
        "fr",
    )
    assert {name: fields[3] for name, fields in found.items()} == {"Sidi Ould Cheikhna": "MR", "Awa Ndiaye Sall": "SN"}


def test_korea_alone_is_the_republic_of_korea() -> None:
    found = people("Korea's Minister of Foreign Affairs, Seo Min-jae, joined the meeting in Toronto.")
    assert found["Seo Min-jae"][3] == "KR"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Uzbekistan was represented by its Foreign Minister, Dilshod Rakhimov, and Kyrgyzstan by First Deputy "
            "Minister of Foreign Affairs Aibek Sultanaliev.",
            "en",
            {"Dilshod Rakhimov": "UZ", "Aibek Sultanaliev": "KG"},
        ),
        (
            "Le Mali était représenté par son ministre des Affaires étrangères, M. Abdoulaye Diop.",
            "fr",
            {"Abdoulaye Diop": "ML"},
        ),
        ("Uruguay estuvo representado por su canciller, Mario Lubetkin.", "es", {"Mario Lubetkin": "UY"}),
    ],
)
def test_the_person_who_represents_a_country_is_of_that_country(
    text: str, language: str, expected: dict[str, str]
) -> None:
    assert {name: fields[3] for name, fields in people(text, language).items()} == expected


@pytest.mark.parametrize(
    ("text", "language", "name", "fields"),
    [
        # A modifier of the pack before the head keeps it a role.
        (
            "A group led by Kenneth Mosweu, former Vice-President of Botswana, arrived on Sunday.",
            "en",
            "Kenneth Mosweu",
            (None, "former Vice-President", None, "BW"),
        ),
        # A country in brackets after the role.
        (
            "• Marcus Holder, former Chief Elections Officer (Barbados)",
            "en",
            "Marcus Holder",
            (None, "former Chief Elections Officer", None, "BB"),
        ),
        # Words in small letters that say what the head is about.
        (
            "• Grace Chanda, human rights lawyer (Zambia)",
            "en",
            "Grace Chanda",
            (None, "human rights lawyer", None, "ZM"),
        ),
        # A surname in capitals is the name's; an acronym of three letters or a known one is not.
        (
            "Le haut-commissaire, Tevai HAUATA, a reçu la délégation.",
            "fr",
            "Tevai HAUATA",
            (None, "haut-commissaire", None, None),
        ),
    ],
)
def test_appositions_of_observer_lists(
    text: str, language: str, name: str, fields: tuple[str | None, str | None, str | None, str | None]
) -> None:
    assert people(text, language)[name] == fields


def test_a_units_name_ending_with_a_head_is_no_person() -> None:
    found = people("Inspector Brent Halloway, Waikato Rural Area Commander, says police will keep up patrols.")
    assert set(found) == {"Brent Halloway"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("The launch was presided over by H.E. Kofi Asante-Mensah in Addis Ababa.", "en", "Kofi Asante-Mensah"),
        ("S.E.M. Abdoulaye Diallo, ambassadeur du Niger, a pris la parole.", "fr", "Abdoulaye Diallo"),
    ],
)
def test_a_dotted_courtesy_word_is_one_word(text: str, language: str, name: str) -> None:
    assert name in people(text, language)


def test_a_common_nouns_possessive_before_the_role_says_whose_office_it_is() -> None:
    found = people("The regulator’s Director of Enforcement, Tom Rawcliffe, said the airline had cooperated.")
    assert found["Tom Rawcliffe"][1] == "Director"


def test_a_clause_before_the_comma_is_no_role() -> None:
    # "a rendu hommage à son prédécesseur" has a verb: the name after the comma gets no role from it.
    text = (
        "La procureure générale, Nathalie Sorel, a présenté le bilan. "
        "La procureure générale a rendu hommage à son prédécesseur, Pierre Castel."
    )
    assert people(text, "fr") == {"Nathalie Sorel": (None, "procureure générale", None, None)}


def test_a_place_whose_name_holds_an_elision_is_no_organisation() -> None:
    assert from_role("ambassadrice de Suède en Côte d’Ivoire", "fr") == ("ambassadrice", None, "SE", [])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The given name alone, after a courtesy word (Malay usage).
        ("Minister YB Dato' Seri Azlan Harun led the mission. Later, YB Dato' Seri Azlan met the press.", "en"),
        # The family name first (Vietnamese usage): the title and the family name re-mention the person.
        ("Minister of Industry H.E. Tran Quoc Hung received them. According to Minister Tran, it will work.", "en"),
    ],
)
def test_a_one_word_re_mention_of_the_first_name_is_the_same_person(text: str, language: str) -> None:
    assert len(people(text, language)) == 1


def test_two_people_who_share_a_first_word_but_not_a_surname_stay_two() -> None:
    found = people("Minister Tran Quoc Hung met Ambassador Tran Van Minh in Hanoi.")
    assert sorted(found) == ["Tran Quoc Hung", "Tran Van Minh"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Le président, Dominique Aubert, a ouvert l’audience.", "fr", "Dominique Aubert"),
        ("The chair of the board, Jordan Reeves, opened the meeting.", "en", "Jordan Reeves"),
    ],
)
def test_a_first_name_that_is_a_countrys_name_in_an_apposition(text: str, language: str, name: str) -> None:
    assert name in people(text, language)


def test_a_list_of_countries_after_a_comma_gives_no_person() -> None:
    assert people("The partners, Jordan, Georgia and Chad, signed the plan.") == {}


def test_the_nearest_plural_head_before_a_list_of_countries_is_the_lists() -> None:
    found = find_attendees(
        [
            "Le président, Abdou Faye, figurait parmi les délégués, aux côtés de représentants du Kenya et de la Tunisie."
        ],
        "fr",
    )[0]
    assert sorted((a.role, a.country) for a in found if a.name is None) == [
        ("représentant", "KE"),
        ("représentant", "TN"),
    ]


def test_a_middle_initial_says_where_a_name_starts_after_a_portfolio_of_unknown_words() -> None:
    text = (
        "“Those who arm these groups will pay,” said Acting Under Secretary of the Treasury for Terrorism "
        "and Financial Intelligence Dana K. Whitcombe."
    )
    found = people(text)
    assert list(found) == ["Dana K. Whitcombe"]
    assert found["Dana K. Whitcombe"][1] == "Under Secretary of the Treasury for Terrorism and Financial Intelligence"


def test_an_initial_in_a_run_without_a_role_before_it_gives_no_person() -> None:
    assert people("The Greater Harbor Area J. Street Festival opens on Friday with a parade.") == {}


@pytest.mark.parametrize(
    ("text", "language", "name", "country"),
    [
        (
            "Los Reyes entregaron el premio a la poeta uruguaya Mariela Etchegoyen Sosa en Alcalá.",
            "es",
            "Mariela Etchegoyen Sosa",
            "UY",
        ),
        ("La directrice a nommé la chanteuse sénégalaise Awa Ndiaye-Sarr ambassadrice.", "fr", "Awa Ndiaye-Sarr", "SN"),
        ("The prize went to the Nigerian poet Adaeze Okafor at a ceremony in London.", "en", "Adaeze Okafor", "NG"),
    ],
)
def test_an_article_a_role_head_and_a_nationality_before_a_name(
    text: str, language: str, name: str, country: str
) -> None:
    assert people(text, language)[name][3] == country


def test_someone_remembered_through_a_nationality_phrase_is_only_mentioned() -> None:
    text = (
        "Federation mourns its former president\n\n"
        "LONDON, 3 May 2025 – The federation’s board met on Monday to honour Tomás Irigoyen, its president for "
        "sixteen years. Irigoyen succeeded the Dutch administrator Willem Baarsma in 1996.\n"
    )
    release = communique.parse(text, "text")
    assert "Willem Baarsma" not in {a.name for a in release.attendees}
    assert "Willem Baarsma" in {m.name for m in release.mentions}


def test_a_surname_in_capitals_keeps_its_particle_and_a_family_name_in_capitals_comes_first() -> None:
    found = people(
        "Mr. KAMIYA Haruto, Minister for Foreign Affairs of Japan, and Mr. Joris VAN DAMME-LEYSEN, Minister of the "
        "Economy of Belgium, signed the treaty. Minister KAMIYA welcomed it."
    )
    assert sorted(found) == ["Joris VAN DAMME-LEYSEN", "KAMIYA Haruto"]


def _names(paragraphs: list[str], language: str = "en") -> list[str | None]:
    return [a.name for a in find_attendees(paragraphs, language)[0] if a.name]


def test_a_name_found_only_short_takes_the_first_name_written_before_it_elsewhere() -> None:
    found = _names(
        [
            "The Secretary-General announced today the appointment of Farida Nasser-Obi of Nigeria as his Special Envoy.",
            "Ms. Nasser-Obi has served as minister of environment of her country since 2019.",
        ]
    )
    assert found == ["Farida Nasser-Obi"]


def test_a_common_word_before_a_short_name_is_no_first_name() -> None:
    assert _names(["Selon Dupont, l’accord sera signé demain.", "M. Dupont a présidé la séance."], "fr") == ["Dupont"]


def test_a_list_of_countries_after_the_plural_of_an_occupation_takes_part() -> None:
    found = find_attendees(
        [
            "Menée du 3 au 21 juin, l’opération a mobilisé plus de 2 000 policiers, gendarmes et inspecteurs du "
            "travail du Bénin, du Burkina Faso, du Cameroun et du Togo."
        ],
        "fr",
    )[0]
    assert sorted(a.country for a in found if a.country) == ["BF", "BJ", "CM", "TG"]


def test_a_portfolio_and_its_country_before_a_comma_are_no_name() -> None:
    found = people(
        "El Viceministro de Movilidad Humana de Ecuador, Andrés Villacrés Montalvo, instaló la comisión.", "es"
    )
    assert found == {"Andrés Villacrés Montalvo": (None, "Viceministro de Movilidad Humana", None, "EC")}


def test_a_role_then_a_colon_then_a_name() -> None:
    found = people(
        "Directora del centro de Dakar: Marta Iturralde Pazos (Pamplona, 1972). Licenciada en Filología.", "es"
    )
    assert list(found) == ["Marta Iturralde Pazos"] and found["Marta Iturralde Pazos"][1] == "Directora del centro"


def test_the_role_before_a_comma_belongs_to_the_nationality_phrase_after_it() -> None:
    found = people(
        "El secretario general de la OEI, el portugués Duarte Meireles Cardoso, ha trasladado sus condolencias.", "es"
    )
    assert found == {"Duarte Meireles Cardoso": (None, "secretario general", "OEI", "PT")}


def test_a_portfolio_list_before_the_name_is_the_role_s() -> None:
    # Australian ministers' portfolios: a list with commas, its last item right before the name.
    (found,) = find_attendees(
        [
            "Minister for Agriculture, Fisheries and Forestry Marcus Elford said the project had been shaped by the industry."
        ],
        "en",
    )[0]
    assert (found.name, found.role) == ("Marcus Elford", "Minister for Agriculture, Fisheries and Forestry")


def test_a_portfolio_word_the_tables_know_does_not_hide_the_name_after_it() -> None:
    # "Transport" is a known portfolio word: the run "Transport Fiona Cairns" still ends with the name.
    (found,) = find_attendees(
        ["Minister for Green Energy and Transport Fiona Cairns said the funding was welcome."], "en"
    )[0]
    assert (found.name, found.role) == ("Fiona Cairns", "Minister for Green Energy and Transport")


def test_a_nationality_before_a_qualified_title_is_the_person_s_country() -> None:
    (found,) = find_attendees(
        ["The deal was signed in London by German Federal Minister of Defence Katrin Vogelsang."], "en"
    )[0]
    assert (found.name, found.role, found.country) == ("Katrin Vogelsang", "Federal Minister of Defence", "DE")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # British, Canadian and NATO spelling: the rank joined by a hyphen.
        (
            "The meeting was attended by Lieutenant-General Vytautas Norkus, Chief of Defence of Lithuania.",
            "en",
            ("Vytautas Norkus", "Lieutenant-General"),
        ),
        ("The meeting was attended by Major-General Anna Holm of Sweden.", "en", ("Anna Holm", "Major-General")),
        # Belgian ranks, and a component of the Belgian Defence that is no person.
        (
            "Le commandant de la Composante Terre, le général-major Pieter Claessens, est venu assister à l'assaut.",
            "fr",
            ("Pieter Claessens", "général-major"),
        ),
        # Canada.ca's feminine ranks.
        (
            "La générale Sylvie Ouimet, cheffe d'état-major de la défense, a visité la brigade.",
            "fr",
            ("Sylvie Ouimet", "générale"),
        ),
    ],
)
def test_hyphenated_ranks_are_ranks(text: str, language: str, expected: tuple[str, str]) -> None:
    (found,) = find_attendees([text], language)[0]
    assert (found.name, found.rank) == expected


def test_a_collective_of_national_bodies_stands_for_their_countries() -> None:
    # UNIFIL's tripartite meetings: each body named by its country's adjective or name is that country's.
    found = find_attendees(
        [
            "The Force Commander chaired a meeting with senior officers of the Lebanese Armed Forces (LAF) and the "
            "Israel Defense Forces (IDF) at the UN position."
        ],
        "en",
    )[0]
    assert {a.country for a in found} == {"LB", "IL"}


def test_a_nationality_after_a_rank_ending_with_an_elided_article_is_the_person_s() -> None:
    (found,) = find_attendees(
        ["Le commandant de la Force, le général de corps d'armée sénégalais Mamadou Ndao, a effectué une visite."], "fr"
    )[0]
    assert (found.name, found.rank, found.country) == ("Mamadou Ndao", "général de corps d'armée", "SN")


def test_a_portfolio_before_its_office_is_no_name_and_the_office_is_the_states() -> None:
    from communique.extract.roles import holds_national_office

    text = (
        "Malaysia and Brunei will set up a joint team, said Natural Resources and Environmental Sustainability "
        "Minister Datuk Seri Ahmad Razlan Hamid."
    )
    assert list(people(text)) == ["Ahmad Razlan Hamid"]
    assert holds_national_office("Environmental Sustainability Minister", "en")
    assert holds_national_office("Health Minister", "en")
    assert not holds_national_office("the minister's adviser", "en")


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        # After the role, a comma and a joiner or an article opens the next person, not a portfolio item.
        (
            "en présence de Mme Julie Ferland, cheffe de la coopération, et de M. Patrick Nadeau, conseiller.",
            "fr",
            "cheffe de la coopération",
        ),
        ("Mme Katrin Vogelsang, députée, pour un échange sur la position commune.", "fr", "députée"),
    ],
)
def test_a_portfolio_list_after_the_name_stops_at_the_next_person_or_clause(
    text: str, language: str, role: str
) -> None:
    assert next(iter(people(text, language).values()))[1] == role


def test_a_national_offices_portfolio_is_no_organisation_for_the_home_country() -> None:
    from communique.extract.home import of_home

    assert of_home(None, "ministre de l’Agriculture, de l’Élevage et de la Pêche", "fr")
    assert not of_home(None, "directeur général de Harbor Point Logistics", "fr")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A rank word after a capitalised noun qualifies it: the name of an assembly, not a general.
        ("La ODEBO celebró su Asamblea General Ordinaria, en la que participaron los comités.", "es"),
        ("La Secretaría General Iberoamericana publicó el informe.", "es"),
        # The capitalised words after an institution's noun, ending with a nationality, are its name.
        ("El presidente del Comité Olímpico Boliviano presentó el avance de las obras.", "es"),
        ("Le directeur de l’Institut Agronomique Sénégalais a présenté les résultats.", "fr"),
    ],
)
def test_words_of_an_institutions_name_are_no_person(text: str, language: str) -> None:
    assert people(text, language) == {}


def test_a_rank_after_another_rank_or_a_service_stays_one() -> None:
    assert people("Brigadier General Ana Ruiz said it.")["Ana Ruiz"][0] == "Brigadier General"
    assert people("U.S. Army General Tom Hale said it.")["Tom Hale"][0] == "General"


def test_capitalised_words_before_a_titles_head_are_no_name() -> None:
    # "Local Senior" is not a person: "Officer", a role's head, goes on the run.
    found = people("Area Commander Fiona MacRae, Local Senior Officer for Moray, said: “The crews did well.”")
    assert set(found) == {"Fiona MacRae"}
    # After a courtesy word the run is a name, and the head that follows is its role (a table's row).
    assert "Ousmane Gaye" in people("M. Ousmane Gaye Ministre des Finances et du Budget, a pris la parole.", "fr")


@pytest.mark.parametrize(
    ("text", "language", "role", "countries"),
    [
        # A pronoun stands for the plural head before it in the sentence.
        (
            "Des délégations de 34 États ont pris part aux travaux, parmi lesquelles celles de l'Arménie, de la "
            "Belgique et du Vietnam.",
            "fr",
            "délégation",
            ["AM", "BE", "VN"],
        ),
        (
            "Delegations of 30 states took part, including those of Armenia, Belgium and Canada.",
            "en",
            "Delegation",
            ["AM", "BE", "CA"],
        ),
        (
            "Asistieron delegaciones de 20 países, entre ellas las de Argentina, Chile y Perú.",
            "es",
            "delegación",
            ["AR", "CL", "PE"],
        ),
        # Two plural heads joined: the nearer one is the role.
        (
            "Participaron los cancilleres y viceministros de Belice, Costa Rica y Guatemala.",
            "es",
            "viceministro",
            ["BZ", "CR", "GT"],
        ),
    ],
)
def test_a_plural_head_or_its_pronoun_before_a_list_of_countries_is_one_attendee_per_country(
    text: str, language: str, role: str, countries: list[str]
) -> None:
    attendees, _ = find_attendees([text], language)
    assert [(a.role, a.country) for a in attendees if a.name is None] == [(role, c) for c in countries]


def test_a_pronoun_with_no_plural_head_before_it_is_no_collective() -> None:
    attendees, _ = find_attendees(["Ceux de Paris et de Lyon sont venus."], "fr")
    assert attendees == []


def test_items_labelled_by_country_under_a_lead_in_are_each_a_countrys_body() -> None:
    page = (
        "Medicines seized in a joint operation\n\n"
        "Police and customs officers checked parcels in nine countries last week, Europol said today.\n\n"
        "The following authorities took part in the operation:\n"
        "Austria: Federal Criminal Police Office\n"
        "Finland: Finnish Customs (Tulli)\n"
        "Portugal: Judicial Police\n"
    )
    release = communique.parse(page, "text")
    assert [(a.role, a.country) for a in release.attendees] == [("authority", c) for c in ("AT", "FI", "PT")]
    # The items are kept, not dropped as a footer of short lines.
    assert "Finland: Finnish Customs (Tulli)" in release.paragraphs[-1].text


def test_arabic_name_particles_and_the_he_courtesy_word() -> None:
    found = people("HE Minister of State Dr. Maryam bint Ali Al Mansouri met today with the delegation.")
    assert set(found) == {"Maryam bint Ali Al Mansouri"}
    assert found["Maryam bint Ali Al Mansouri"][1:3] == ("Minister of State", None)


def test_a_numbered_institutions_name_is_no_person() -> None:
    text = "En el Hospital General Regional No. 1 de la capital, el director general, Arturo Villaseñor, informó."
    assert set(people(text, "es")) == {"Arturo Villaseñor"}


@pytest.mark.parametrize(
    ("text", "language", "countries"),
    [
        ("Denmark, Estonia, Finland and Sweden took part in the session.", "en", ["DK", "EE", "FI", "SE"]),
        ("Ont pris part aux travaux l'Arménie, la Belgique et la Suisse.", "fr", ["AM", "BE", "CH"]),
        ("En la reunión participaron Belice, Costa Rica y Guatemala.", "es", ["BZ", "CR", "GT"]),
        # The six members of a community, "le Congo" (Brazzaville's) and "la Guinée équatoriale" among them.
        (
            "Ont pris part aux travaux les délégations des six États membres : le Cameroun, la République "
            "centrafricaine, le Congo, le Gabon, la Guinée équatoriale et le Tchad.",
            "fr",
            ["CM", "CF", "CG", "GA", "GQ", "TD"],
        ),
        # Countries represented, or spoken for, take part.
        ("Togo, Bénin, Guinée et Liberia étaient représentés à la réunion.", "fr", ["TG", "BJ", "GN", "LR"]),
        ("Norway, Iceland and Malta were represented at the talks.", "en", ["NO", "IS", "MT"]),
        ("Chile, Perú y Ecuador estuvieron representados en la cumbre.", "es", ["CL", "PE", "EC"]),
        (
            "The delegate of Ghana, speaking also on behalf of Gabon and Mozambique, asked for calm.",
            "en",
            ["GH", "GA", "MZ"],
        ),
        ("Tajikistan and Turkmenistan sent delegations led by senior officials.", "en", ["TJ", "TM"]),
        # A description of who came from each country between the cue and the list.
        (
            "The forum brought together the national meteorological and hydrological services of Burundi, "
            "Djibouti and Eritrea.",
            "en",
            ["BI", "DJ", "ER"],
        ),
        (
            "Le forum a rassemblé des météorologues, hydrologues et agronomes du Burkina Faso, du Mali et du Tchad.",
            "fr",
            ["BF", "ML", "TD"],
        ),
        (
            "El grupo reúne a agencias y organismos espaciales de Argentina, Brasil y Chile.",
            "es",
            ["AR", "BR", "CL"],
        ),
        # Inside a list, a form too ambiguous to be a country elsewhere ("Maurice" is a first name) is one.
        ("Ont pris part à la session les sections du Maroc, de Maurice et du Togo.", "fr", ["MA", "MU", "TG"]),
        (
            "It was attended by officials from Angola, the Democratic Republic of Congo and Zambia.",
            "en",
            ["AO", "CD", "ZM"],
        ),
        # An elided article before a country ("d’Autriche") is not the start of its name ("au").
        (
            "Des délégations militaires d’Allemagne, d’Autriche, de Belgique et d’Italie suivent l’exercice.",
            "fr",
            ["DE", "AT", "BE", "IT"],
        ),
        (
            "A New Zealand party joined Greek, Australian and British representatives at the memorial.",
            "en",
            ["GR", "AU", "GB"],
        ),
        (
            "La délégation, qui comprenait des membres des parlements du Canada, de l'Estonie et de la Pologne, "
            "est arrivée.",
            "fr",
            ["CA", "EE", "PL"],
        ),
        # Bodies that each name their country, listed right before the cue.
        (
            "Engineers from the Samoa Water Authority, the Tonga Water Board and the Water Authority of Fiji are "
            "taking part.",
            "en",
            ["WS", "TO", "FJ"],
        ),
    ],
)
def test_a_list_of_countries_beside_a_participation_verb_takes_part(
    text: str, language: str, countries: list[str]
) -> None:
    attendees, _ = find_attendees([text], language)
    assert [a.country for a in attendees if a.name is None] == countries


def test_countries_beside_a_noun_for_participants_are_topics() -> None:
    attendees, _ = find_attendees(
        ["The minister discussed the situation in Ukraine and Georgia with participants."], "en"
    )
    assert attendees == []


def test_a_bodys_name_with_a_link_and_a_country_is_no_person() -> None:
    text = "« Son histoire est la nôtre », a déclaré la vice-présidente, Communications de Postes Canada, hier."
    assert people(text, "fr") == {}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('La fragata colombiana ARC "Almirante Padilla" participó en el ejercicio.', "es"),
        ("Les pêcheurs avaient embarqué sur le chalutier « Capitaine Morel » avant la tempête.", "fr"),
        ("The patrol vessel “General Grant” joined the search.", "en"),
    ],
)
def test_a_ships_name_in_quotation_marks_is_no_person(text: str, language: str) -> None:
    assert people(text, language) == {}


def test_an_introducer_then_a_courtesy_word_open_no_name() -> None:
    text = "Selon Mme Claire Koffi, directrice générale de SICER, les fonds permettront de doubler nos capacités."
    assert people(text, "fr")["Claire Koffi"][1:3] == ("directrice générale", "SICER")


def test_a_capitalised_title_tied_to_its_body_by_a_link_is_an_apposition() -> None:
    # A job in apposition usually opens in small letters; a capitalised title joined to its body by a
    # role or location link ("at the CSO", "of the Board") is one too, and the verb after it says the name.
    release = communique.parse(
        "Jobless rate steady\n\n"
        "Dublin, 4 March 2025 – Unemployment held at 4.3% in February.\n\n"
        "“The labour market is still tight,” Siobhán Ní Bhriain, Senior Statistician at the CSO, said."
    )
    assert [(q.speaker, q.text[:20]) for q in release.quotes] == [("Siobhán Ní Bhriain", "The labour market is")]
    assert [a.name for a in release.attendees] == ["Siobhán Ní Bhriain"]


def test_a_surname_with_an_apostrophe_ends_a_portfolio_run() -> None:
    found = people("Minister for Rural Affairs Tamsin O'Rourke opened the new pier.")
    assert found == {"Tamsin O'Rourke": (None, "Minister for Rural Affairs", None, None)}


@pytest.mark.parametrize(
    ("text", "language", "name", "role"),
    [
        # A body's name, then its title, then the name, all capitalised in one run.
        ("Hospital Board Chair Michelle Tan welcomed the funding.", "en", "Michelle Tan", "Chair"),
        ("Harbour Authority Director Paul Ngata signed the lease.", "en", "Paul Ngata", "Director"),
    ],
)
def test_a_title_inside_a_capitalised_run_opens_the_name(text: str, language: str, name: str, role: str) -> None:
    found = people(text, language)
    assert list(found) == [name]
    assert found[name][1] is not None and found[name][1].endswith(role)


def test_a_courtesy_title_after_a_bodys_name_names_the_body_after_someone() -> None:
    # "Centro de Salud Familiar Dr. Hernán Urrutia" is a clinic named after a doctor, not the doctor.
    assert people("Los vecinos llegaron al Centro de Salud Familiar Dr. Hernán Urrutia el lunes.", "es") == {}


def test_a_plural_head_reaches_its_list_past_a_description_in_small_letters() -> None:
    # "representantes de las oficinas nacionales de estadística … de Argentina, …": one delegate per country.
    text = (
        "Participaron representantes de las oficinas nacionales de estadística y de los mecanismos para el "
        "adelanto de las mujeres de Argentina, Brasil, Chile y Uruguay."
    )
    attendees, _ = find_attendees([text], "es")
    assert [a.country for a in attendees if a.name is None] == ["AR", "BR", "CL", "UY"]


def test_a_plural_head_far_from_a_list_after_a_proper_name_takes_no_country() -> None:
    # Past the short reach, a capitalised name between the head and the list is another body's (its members).
    text = (
        "Los representantes visitaron ayer la sede central del Instituto Regional de Estudios de la "
        "Universidad Nacional que financian Argentina, Brasil y Chile."
    )
    attendees, _ = find_attendees([text], "es")
    assert [a.country for a in attendees if a.name is None] == []


@pytest.mark.parametrize(
    ("text", "language", "name", "role"),
    [
        # A profession said before a name, without a comma, is the person's title.
        ("Le juge Hichem Ben Salah a prêté serment devant la Cour.", "fr", "Hichem Ben Salah", "juge"),
        ("La réalisatrice Awa Ndiaye a reçu le prix du jury.", "fr", "Awa Ndiaye", "réalisatrice"),
        ("ESA astronaut Giulia Ferrante will join the crew.", "en", "Giulia Ferrante", "astronaut"),
        ("The economist Hugo Ferreira presented the report.", "en", "Hugo Ferreira", "economist"),
        ("El fiscal Julián Moreno Paz presentó los cargos.", "es", "Julián Moreno Paz", "fiscal"),
        ("La cineasta Lucía Quiroga recibió el premio.", "es", "Lucía Quiroga", "cineasta"),
    ],
)
def test_a_profession_before_a_name_is_its_title(text: str, language: str, name: str, role: str) -> None:
    found = people(text, language)
    assert list(found) == [name]
    assert found[name][1] == role


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("JOURNALISTE Concrètement, qu'est-ce que vous annoncez aujourd'hui ?", "fr"),
        ("PERIODISTA Entonces, ¿cuándo empiezan las obras?", "es"),
        ("JOURNALIST Then what happens to the drivers?", "en"),
    ],
)
def test_a_transcripts_question_label_is_no_title(text: str, language: str) -> None:
    assert people(text, language) == {}


def test_according_to_a_long_portfolio_then_a_name_is_a_person() -> None:
    # The verb of saying stands before the role's head, far from the name at the end of the portfolio.
    text = (
        "According to Secretary of Community and Economic Development Lena Okonkwo, the first round of "
        "applications will open in January."
    )
    assert people(text) == {"Lena Okonkwo": (None, "Secretary of Community and Economic Development", None, None)}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # A plain name with its age in apposition is a person.
        (
            "This year's prize went to Ama Serwaa Boateng, 24, from Ghana, for her repair workshops.",
            "en",
            "Ama Serwaa Boateng",
        ),
        ("Le prix revient à Awa Diop Sarr, 31 ans, de Thiès, pour son atelier de couture.", "fr", "Awa Diop Sarr"),
        ("El premio fue para Lucía Ferrer Gil, de 29 años, por su cooperativa de Teruel.", "es", "Lucía Ferrer Gil"),
    ],
)
def test_a_plain_name_with_its_age_is_a_person(text: str, language: str, name: str) -> None:
    assert list(people(text, language)) == [name]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("His passenger, Tyler Ray Mott, 31, of Salem, was arrested on a warrant.", "en"),
        ("Le conducteur, Marc Olivier Roux, 27 ans, de Lyon, a été interpellé sur place.", "fr"),
        ("El conductor, Pedro Ruiz Soto, de 27 años, fue detenido en el lugar.", "es"),
    ],
)
def test_a_name_with_its_age_in_a_cases_sentence_takes_no_part(text: str, language: str) -> None:
    assert people(text, language) == {}


def test_a_verb_of_taking_part_opening_the_sentence_is_not_the_name() -> None:
    text = "Asistieron Mario Estuardo Gálvez, presidente del banco, y otros invitados."
    assert list(people(text, "es")) == ["Mario Estuardo Gálvez"]


@pytest.mark.parametrize(
    ("text", "language", "name", "rank"),
    [
        ("Le secrétaire permanent gambien, Mr Lamin Jobe, a pris part à la réunion.", "fr", "Lamin Jobe", None),
        (
            "The session was chaired by Atty. Maria Elena Dizon-Abad, the chairperson.",
            "en",
            "Maria Elena Dizon-Abad",
            None,
        ),
        ("The party included Warrant Officer Class One Hemi Walker.", "en", "Hemi Walker", "Warrant Officer Class One"),
    ],
)
def test_courtesy_words_and_ranks_are_not_the_name(text: str, language: str, name: str, rank: str | None) -> None:
    found = people(text, language)
    assert list(found) == [name]
    assert found[name][0] == rank


def test_a_bodys_name_that_ends_with_a_country_is_no_person() -> None:
    text = "Asistió Adriana Solís Murillo, presidenta del Banco Central de Costa Rica, a la reunión."
    assert "Central de Costa Rica" not in people(text, "es")


@pytest.mark.parametrize(
    ("page", "name"),
    [
        (
            "Statement by Commissioner Joost Verhaegen on the signature of the electricity deal\n\n"
            "Brussels, 21 September 2023 – Today the Commissioner welcomed the signature.\n\n"
            "“This is a good day,” the Commissioner said.\n",
            "Joost Verhaegen",
        ),
        (
            "Déclaration du commissaire Mihai Ionescu-Brad sur les inondations en Slovaquie\n\n"
            "Bruxelles, le 9 avril 2025 – Le commissaire exprime sa solidarité avec les victimes.\n",
            "Mihai Ionescu-Brad",
        ),
    ],
)
def test_a_headline_that_names_someone_by_title_names_a_participant(page: str, name: str) -> None:
    release = communique.parse(page)
    assert [a.name for a in release.attendees] == [name]
    assert all(q.speaker == name for q in release.quotes)


def test_a_title_cased_headline_names_no_one() -> None:
    page = (
        "Governor Holloway Signs Wildfire Readiness Package Ahead of Summer\n\n"
        "SALEM, Ore. – The package funds crews and equipment for the coming fire season.\n"
    )
    assert [a.name for a in communique.parse(page).attendees if a.name] == []


def test_a_headlines_shorter_name_is_the_bodys_person() -> None:
    page = (
        "El ministro Alberto Cienfuegos anuncia 25 millones para el regadío\n\n"
        "Toledo, 3 de marzo de 2025 – El ministro de Agricultura, Alberto Cienfuegos Ortega, ha anunciado hoy "
        "una inversión de 25 millones.\n"
    )
    assert [a.name for a in communique.parse(page).attendees if a.name] == ["Alberto Cienfuegos Ortega"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "La misa fue presidida por el obispo de Caacupé, monseñor Aníbal Recalde Benítez, ante miles de fieles.",
            "es",
            "Aníbal Recalde Benítez",
        ),
        ("Concelebró el nuncio apostólico Giorgio Ferraresi con los obispos del país.", "es", "Giorgio Ferraresi"),
        ("L'archevêque Jean-Marie Koffi a béni les pèlerins.", "fr", "Jean-Marie Koffi"),
        ("Archbishop Peter Loy Chong addressed the synod.", "en", "Peter Loy Chong"),
    ],
)
def test_clergy_titles_and_courtesy_words_open_a_name(text: str, language: str, name: str) -> None:
    assert name in people(text, language)


def test_a_rank_in_a_place_named_after_it_is_no_person() -> None:
    # "Coronel Oviedo" is a Paraguayan city: after "de", a rank and one word name a place.
    assert people("Una peregrina de Coronel Oviedo caminó tres días hasta la basílica.", "es") == {}


def test_a_bodys_name_that_ends_with_a_capital_is_no_person() -> None:
    assert "Cervantes de Ammán" not in people("La directora del Instituto Cervantes de Ammán inauguró la semana.", "es")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A title after a country's possessive is the title of the name in apposition.
        ("The UK's Chief Coastguard, Fiona Ashworth, offered the use of a training centre.", ["Fiona Ashworth"]),
        # An institution after a nationality is no person.
        ("ATel is listed on the Philippine Stock Exchange under the ticker ATL.", []),
        ("New Zealand’s Maia Te Rangi said the plan would work.", ["Maia Te Rangi"]),
    ],
)
def test_a_nationality_before_a_title_or_an_institution_names_no_one_of_it(text: str, names: list[str]) -> None:
    assert list(people(text)) == names


def test_a_collectives_role_ends_at_the_comma_before_its_list() -> None:
    text = "The mission brought observers from 14 countries, including Japan, Malaysia and Nepal, to the polls."
    attendees, _ = find_attendees([text], "en")
    assert {(a.role, a.country) for a in attendees if a.name is None} == {
        ("observer from 14 countries", "JP"),
        ("observer from 14 countries", "MY"),
        ("observer from 14 countries", "NP"),
    }


@pytest.mark.parametrize(
    ("text", "language", "name", "role", "country"),
    [
        # A profession before the name, with a nationality adjective: a person of that country.
        (
            "La jura estuvo a cargo del criador argentino Ignacio Bustamante Lynch, de Coronel Suárez.",
            "es",
            "Ignacio Bustamante Lynch",
            "criador",
            "AR",
        ),
        (
            "La conferencia inaugural estuvo a cargo del novelista portugués Duarte Lemos Pinheiro.",
            "es",
            "Duarte Lemos Pinheiro",
            "novelista",
            "PT",
        ),
        ("Le ministre a reçu la chanteuse malienne Awa Traoré au palais.", "fr", "Awa Traoré", "chanteuse", "ML"),
        (
            "The prize went to Ghanaian novelist Ama Serwaa Mensah on Friday.",
            "en",
            "Ama Serwaa Mensah",
            "novelist",
            "GH",
        ),
    ],
)
def test_a_profession_and_a_nationality_before_a_name_give_a_person(
    text: str, language: str, name: str, role: str, country: str
) -> None:
    found = people(text, language)
    assert found[name][1:] == (role, None, country)


def test_swiss_general_staff_ranks_and_west_african_honorifics_are_no_part_of_the_name() -> None:
    assert people("Le colonel EMG Nadia Kälin commande le centre.", "fr")["Nadia Kälin"][0] == "colonel EMG"
    assert "Musa Danladi Bello" in people("The delegation was led by Alhaji Musa Danladi Bello, Comptroller.", "en")


@pytest.mark.parametrize(
    "text",
    [
        "Flagging off the first consignment at the depot in Industrial Area, the Cabinet Secretary said it was sold at cost.",
        "From left, Ada Obi, Executive Vice President, Global Manufacturing, Ridgeline Motors; and Tom Lee, President.",
    ],
)
def test_a_place_or_a_business_before_a_role_is_no_person(text: str) -> None:
    assert not {"Industrial Area", "Global Manufacturing", "Ridgeline Motors"} & set(people(text))


@pytest.mark.parametrize(
    ("text", "language", "name", "role", "country"),
    [
        # A head, its nationality, its portfolio, then the name, no comma.
        (
            "Il a reçu le vice-ministre laotien des Affaires étrangères Phonesavanh Keomany hier.",
            "fr",
            "Phonesavanh Keomany",
            "vice-ministre des Affaires étrangères",
            "LA",
        ),
        ("Il a reçu le ministre malien de la Santé Ali Traoré hier.", "fr", "Ali Traoré", "ministre de la Santé", "ML"),
        (
            "Se reunió con el ministro boliviano de Defensa Edmundo Novillo Aguilar.",
            "es",
            "Edmundo Novillo Aguilar",
            "ministro de Defensa",
            "BO",
        ),
    ],
)
def test_a_head_with_its_nationality_and_portfolio_before_a_name_gives_a_person(
    text: str, language: str, name: str, role: str, country: str
) -> None:
    assert people(text, language)[name][1:] == (role, None, country)


@pytest.mark.parametrize(
    ("text", "language", "codes"),
    [
        (
            "Nine EU Member States signed it. The participating Member States are Austria, Belgium and Czechia.",
            "en",
            {"AT", "BE", "CZ"},
        ),
        (
            "The 2nd Infantry Brigade led the exercise, joined by a French armoured squadron, an Italian mountain "
            "infantry company and a Bulgarian engineer platoon.",
            "en",
            {"FR", "IT", "BG"},
        ),
        ("Les pays participants sont la Belgique, le Luxembourg et les Pays-Bas.", "fr", {"BE", "LU", "NL"}),
        ("Los países participantes son Chile, Perú y Uruguay.", "es", {"CL", "PE", "UY"}),
        # An organisation's members are no participants of what its release reports.
        ("FONPLATA es una institución financiera multilateral integrada por Argentina, Bolivia y Brasil.", "es", set()),
    ],
)
def test_the_participating_countries_and_units_of_an_event(text: str, language: str, codes: set[str]) -> None:
    assert {a.country for a in find_attendees([text], language)[0] if a.country} == codes


@pytest.mark.parametrize(
    ("text", "language", "codes"),
    [
        (
            "The representative of the United States said Washington would consider it, while the representative "
            "of France urged the Council to act.",
            "en",
            {"US", "FR"},
        ),
        ("China's delegate called for greater attention to development.", "en", {"CN"}),
        ("Le représentant du Mali a déclaré que son gouvernement restait ouvert.", "fr", {"ML"}),
        ("El delegado de México afirmó que su país apoyaría la resolución.", "es", {"MX"}),
        # Without a verb of saying, or of no country, no one.
        ("The representative of the ministry visited the site.", "en", set()),
    ],
)
def test_a_representative_of_a_country_who_speaks_takes_part(text: str, language: str, codes: set[str]) -> None:
    assert {a.country for a in find_attendees([text], language)[0] if a.country} == codes


@pytest.mark.parametrize(
    ("text", "language", "name", "rank", "role"),
    [
        (
            "El teniente coronel jefe de la Comandancia de Huesca, Javier Urrutia Lasheras, recordó la norma.",
            "es",
            "Javier Urrutia Lasheras",
            "teniente coronel",
            "jefe",
        ),
        (
            "Le colonel commandant du 2e régiment, Jean Dupont, a salué les troupes.",
            "fr",
            "Jean Dupont",
            "colonel",
            "commandant",
        ),
        # A rank of the name's own: the word before the head belongs to the title.
        (
            "El general director de Carabineros, general Mauricio Sepúlveda Ortega, presentó el plan.",
            "es",
            "Mauricio Sepúlveda Ortega",
            "general",
            "general director",
        ),
    ],
)
def test_a_rank_before_the_role_of_an_apposition_is_the_persons_rank(
    text: str, language: str, name: str, rank: str | None, role: str
) -> None:
    found = people(text, language)[name]
    assert found[0] == rank
    assert found[1] is not None and found[1].startswith(role)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Federation welcomed the plan. Its chairperson, Declan Furlong, said the year was secure.", "en"),
        ("La fédération a salué le plan. Sa présidente, Nadia Ouazzani, a déclaré que l'année était sûre.", "fr"),
        ("La federación celebró el plan. Su presidenta, Marta Quesada Ruiz, afirmó que el año está asegurado.", "es"),
    ],
)
def test_a_name_in_apposition_between_commas_then_a_verb_of_saying_is_a_person(text: str, language: str) -> None:
    assert len([name for name in people(text, language) if name]) == 1


def test_an_offices_word_before_the_head_makes_one_title() -> None:
    text = "Por Liberia, el comisionado adjunto de Asuntos Marítimos, Alfred Kollie-Toe, calificó la declaración."
    assert people(text, "es")["Alfred Kollie-Toe"][1] == "comisionado adjunto de Asuntos Marítimos"


class TestAKnownGivenNameSaysWhereTheNameStarts:
    """A role's portfolio of capitalised words runs on to the name with no comma: a given name of
    ``data/given_names.toml`` says where the name starts (the earliest leaving two to four words)."""

    @pytest.mark.parametrize(
        ("text", "language", "name", "role"),
        [
            (
                "The Prime Minister met Minister of Economy and Sustainable Development Giorgi Lomidze.",
                "en",
                "Giorgi Lomidze",
                "Minister of Economy and Sustainable Development",
            ),
            (
                "It was launched by Cabinet Secretary for Water, Sanitation and Irrigation Grace Wanjiru Otieno.",
                "en",
                "Grace Wanjiru Otieno",
                "Cabinet Secretary for Water, Sanitation and Irrigation",
            ),
            (
                "Secretary Kowalczyk was accompanied by Director of the Eastern Department Piotr Zawadzki.",
                "en",
                "Piotr Zawadzki",
                "Director",
            ),
            (
                "Asistió la magistrada de la Corte Suprema de Justicia Dinora Esperanza Portillo.",
                "es",
                "Dinora Esperanza Portillo",
                "magistrada",
            ),
        ],
    )
    def test_the_name_starts_at_the_given_name(self, text: str, language: str, name: str, role: str) -> None:
        found = people(text, language)
        assert name in found
        assert found[name][1] == role

    def test_without_a_known_given_name_a_capitalised_run_is_no_person(self) -> None:
        # "Prairie Pulse Cooperative" ends a portfolio-like run: no given name, no verb of saying, no person.
        assert people("The grant goes to the Minister for Trade and Prairie Pulse Cooperative.", "en") == {}


def named(paragraphs: list[str], language: str) -> set[str]:
    return {a.name for a in find_attendees(paragraphs, language)[0] if a.name}


class TestAShortNameGetsTheFirstNamesTheTextWritesBeforeIt:
    @pytest.mark.parametrize(
        ("paragraphs", "language", "name"),
        [
            (
                [
                    "Le ministre des Affaires étrangères, Pieter Van den Bossche, et la ministre congolaise ont clôturé la session.",
                    "Le ministre Van den Bossche a déclaré qu’il était satisfait.",
                ],
                "fr",
                "Pieter Van den Bossche",
            ),
            (
                [
                    "La cérémonie a eu lieu en présence d’Emiliano Reyes Tovar, sous-secrétaire à la Diversité culturelle.",
                    "M. Reyes Tovar a souligné que le prêt était exceptionnel.",
                ],
                "fr",
                "Emiliano Reyes Tovar",
            ),
            (
                [
                    "Asistió el director de la DIRECTEMAR, contraalmirante LT Sergio Oyarzún Vidal, y otros mandos.",
                    "Por su parte, el contraalmirante Oyarzún destacó que el trabajo conjunto salvó vidas.",
                ],
                "es",
                "Sergio Oyarzún Vidal",
            ),
        ],
    )
    def test_the_full_name_is_kept(self, paragraphs: list[str], language: str, name: str) -> None:
        assert name in named(paragraphs, language)

    def test_a_word_of_a_place_before_a_two_word_name_is_no_first_name(self) -> None:
        # "au Palais d’Egmont Kwame Asante-Boateng": a name of two words may be whole; only a known given name adds.
        paragraphs = [
            "Le ministre a reçu au Palais d’Egmont Kwame Asante-Boateng, ministre des Affaires étrangères du Ghana.",
            "M. Kwame Asante-Boateng a déclaré que la visite était utile.",
        ]
        assert "Egmont Kwame Asante-Boateng" not in named(paragraphs, "fr")


def test_an_office_over_another_states_capital_gives_that_state() -> None:
    page = (
        "Reunión de alcaldes de capitales\n\nCiudad de México, 22 de enero de 2026.- A la reunión asistieron el "
        "alcalde mayor de Bogotá, Felipe Andrés Cárdenas Rojas, y la intendenta de Montevideo, Florencia "
        "Rodríguez Sanguinetti, con la jefa de Gobierno, Clara Ruiz Mendoza.\n"
    )
    countries = {a.name: a.country for a in communique.parse(page.encode(), "text").attendees if a.name}
    assert countries["Felipe Andrés Cárdenas Rojas"] == "CO"
    assert countries["Florencia Rodríguez Sanguinetti"] == "UY"


def test_a_citys_own_mayor_gets_no_country_from_the_city() -> None:
    page = "Nouvelles rues aux écoles\n\nLa maire de Paris, Hélène Vasseur-Brun, a inauguré trois rues.\n"
    attendees = communique.parse(page.encode(), "text").attendees
    assert [a.country for a in attendees if a.name == "Hélène Vasseur-Brun"] == [None]


def test_two_bodies_of_one_country_share_its_name_in_a_partner_list() -> None:
    text = (
        "L’opération a été menée avec la participation des services de police et de gendarmerie du Bénin, "
        "du Cap-Vert, de la Côte d’Ivoire et du Togo."
    )
    assert {a.country for a in find_attendees([text], "fr")[0] if a.country} == {"BJ", "CV", "CI", "TG"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # An office over a territory heads a role.
        (
            "Asistió el prefecto de la provincia del Carchi, Marco Vinicio Pozo Narváez, al acto.",
            "es",
            "Marco Vinicio Pozo Narváez",
        ),
        # A family name after its particle may be a word of the tables ("Cruz" of Cruz Roja).
        (
            "Asistió el presidente de la Autoridad Portuaria, Francisco Javier Ruiz de la Cruz, al acto.",
            "es",
            "Francisco Javier Ruiz de la Cruz",
        ),
        # A body's acronym, then the place of its office, before the comma.
        (
            "Asistió el representante de la Agencia de Cooperación Internacional del Japón (JICA) en Paraguay, "
            "Kenji Watanabe, al acto.",
            "es",
            "Kenji Watanabe",
        ),
        (
            "Le directeur de l’Agence française de développement (AFD) à Dakar, Jérôme Lagarde, qui cofinance le "
            "projet, était présent.",
            "fr",
            "Jérôme Lagarde",
        ),
    ],
)
def test_the_apposed_role_before_a_name_in_more_forms(text: str, language: str, name: str) -> None:
    assert name in people(text, language)


def test_a_given_name_and_surname_get_the_second_surname_written_after_them_elsewhere() -> None:
    paragraphs = [
        "La embarcación formada por Lucía Ferrer Albiol, Mario Zubeldia Etxeberria y otros ganó la final.",
        "“Hemos remado muy juntos”, explicó Lucía Ferrer, que suma así su segunda medalla.",
    ]
    assert "Lucía Ferrer Albiol" in named(paragraphs, "es")


def test_small_words_may_qualify_the_head_before_a_portfolio_and_a_known_given_name() -> None:
    text = "En la audiencia, la fiscal especializada en Delincuencia Organizada Andrea Cevallos Jaramillo detalló los hechos."
    assert people(text, "es")["Andrea Cevallos Jaramillo"][1] == "fiscal especializada en Delincuencia Organizada"


@pytest.mark.parametrize(
    ("text", "language", "name", "field", "value"),
    [
        (
            "Integraron la delegación Ilse Verhoeven (Verts/ALE, NL) y Dimitris Kourakis (PPE, EL).",
            "es",
            "Dimitris Kourakis",
            3,
            "GR",
        ),
        (
            "It was signed by Director General Dr. Mariano C. Lacson Jr., PhD, and the Administrator.",
            "en",
            "Mariano C. Lacson Jr.",
            1,
            "Director General",
        ),
        (
            "El buque, al mando del contralmirante José Miguel Peña Batista, zarpó ayer.",
            "es",
            "José Miguel Peña Batista",
            0,
            "contralmirante",
        ),
        (
            "La maire a reçu l’Oberbürgermeister de Trèves, Andreas Klein-Bauer, ainsi que la maire de Lodz.",
            "fr",
            "Andreas Klein-Bauer",
            1,
            "Oberbürgermeister",
        ),
        (
            "The Commissioner for Political Affairs, Amb. Kojo Asante-Darko, briefed the Council.",
            "en",
            "Kojo Asante-Darko",
            1,
            "Commissioner for Political Affairs",
        ),
        (
            "Se reunieron con el viceprimer ministro, Giorgi Beridze, y con diputados.",
            "es",
            "Giorgi Beridze",
            1,
            "viceprimer ministro",
        ),
        (
            "Asistió la teniente de alcalde responsable de Cultura, Chiara Bonomelli, al acto.",
            "es",
            "Chiara Bonomelli",
            0,
            None,
        ),
    ],
)
def test_more_ranks_titles_and_name_forms(text: str, language: str, name: str, field: int, value: str | None) -> None:
    assert people(text, language)[name][field] == value


@pytest.mark.parametrize(
    ("text", "language", "countries"),
    [
        (
            "La ministre a réuni ses homologues allemand et polonais, M. Markus Stein, ministre fédéral des affaires "
            "étrangères, et M. Tomasz Wróblewski, ministre des affaires étrangères.",
            "fr",
            {"Markus Stein": "DE", "Tomasz Wróblewski": "PL"},
        ),
        (
            "El ministro recibió a sus homólogos chileno y peruano, Andrés Soto Vial, canciller, y Rosa Quispe "
            "Mamani, ministra de Relaciones Exteriores.",
            "es",
            {"Andrés Soto Vial": "CL", "Rosa Quispe Mamani": "PE"},
        ),
    ],
)
def test_nationalities_after_a_counterpart_word_go_in_order_to_the_people_named_next(
    text: str, language: str, countries: dict[str, str]
) -> None:
    found = people(text, language)
    assert {name: found[name][3] for name in countries} == countries


def test_a_courtesy_word_before_the_first_name_is_a_clean_boundary_for_completing_a_short_name() -> None:
    paragraphs = [
        "The Hon Michael Prendergast MP",
        "Minister Prendergast said the agreement was about what Samoa has asked for.",
    ]
    assert "Michael Prendergast" in named(paragraphs, "en")


@pytest.mark.parametrize(
    ("text", "name", "field", "value"),
    [
        (
            "Consul Ana Lucía Sepúlveda Ochoa said the bridge was another one across the border.",
            "Ana Lucía Sepúlveda Ochoa",
            1,
            "Consul",
        ),
        (
            "Commandant Élodie Marchetti said every flight had to be planned with care.",
            "Élodie Marchetti",
            0,
            "Commandant",
        ),
    ],
)
def test_consuls_and_commandants(text: str, name: str, field: int, value: str) -> None:
    assert people(text, "en")[name][field] == value


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        (
            "La Cour siégeait avec les Juges Nadia Belhadj-Amor, Sékou Traoré-Doumbia et Joseph Ekwueme-Obi.",
            "fr",
            "juge",
        ),
        ("Present were Judges Nadia Belhadj-Amor, Sékou Traoré-Doumbia and Joseph Ekwueme-Obi.", "en", "judge"),
        (
            "Asistieron los magistrados Nadia Belhadj-Amor, Sékou Traoré-Doumbia y Joseph Ekwueme-Obi.",
            "es",
            "magistrado",
        ),
    ],
)
def test_a_plural_role_before_a_list_of_names_gives_each_the_role(text: str, language: str, role: str) -> None:
    found = people(text, language)
    assert {name: found[name][1] for name in ("Nadia Belhadj-Amor", "Sékou Traoré-Doumbia", "Joseph Ekwueme-Obi")} == {
        "Nadia Belhadj-Amor": role,
        "Sékou Traoré-Doumbia": role,
        "Joseph Ekwueme-Obi": role,
    }


def test_a_plural_role_before_a_list_of_countries_names_no_one() -> None:
    text = "Étaient présents les ambassadeurs de France, de Roumanie, de Belgique et de Suisse."
    assert [name for name in people(text, "fr") if name] == []
