"""The quotation and speaker rules, one specification each (examples in every language are in tests/data/locale)."""

from __future__ import annotations

import pytest

import communique
from communique.extract import find_quote_spans
from communique.extract.release import find_quotes
from communique.model import Attendee


def quoted(paragraphs: list[str]) -> list[tuple[int, str, bool]]:
    return [(s.paragraph, paragraphs[s.paragraph][s.start : s.end], s.continues) for s in find_quote_spans(paragraphs)]


def speakers(paragraphs: list[str], language: str, *attendees: Attendee) -> list[str | None]:
    return [q.speaker for q in find_quotes(paragraphs, language, list(attendees))]


class TestOpeningMarksAsPagesTypeThem:
    @pytest.mark.parametrize(
        "text",
        [
            "Il a dit « nous sommes prêts ».",
            "Il a dit «nous sommes prêts».",
            "Il a dit «\u00a0nous sommes prêts\u00a0».",
            "Il a dit «\u202fnous sommes prêts\u202f».",
            "He said “nous sommes prêts”.",
            "Er sagte „nous sommes prêts“.",
            "Er sagte „nous sommes prêts”.",
            "Il a dit ‹ nous sommes prêts ›.",
            'He said "nous sommes prêts".',
            'He said "nous sommes prêts”.',
            "He said ”nous sommes prêts”.",
        ],
    )
    def test_every_mark_opens_a_quotation(self, text: str) -> None:
        assert quoted([text]) == [(0, "nous sommes prêts", False)]

    def test_the_comma_before_the_closing_mark_is_the_sentences(self) -> None:
        assert quoted(["“We stand with all twenty-nine Allies,” he said."]) == [
            (0, "We stand with all twenty-nine Allies", False)
        ]

    @pytest.mark.parametrize(
        "text", ["le format de négociation « 5+2 ».", 'Kestrel Robotics Inc. ("Kestrel" or the "Company") won.']
    )
    def test_a_single_token_in_marks_is_a_term_not_a_quotation(self, text: str) -> None:
        assert quoted([text]) == []

    @pytest.mark.parametrize(
        "text",
        [
            'Northgate Freight Holdings, Inc. (NYSE: NGFH) ("Northgate" or the "Company"), a provider of logistics, '
            "reported results.",
            'Grupo Aeroportuario del Golfo (BMV: GAGOLF) ("GAGolfo" o "la Compañía"), operador de aeropuertos, anunció.',
        ],
    )
    def test_a_short_term_defined_in_brackets_is_no_quotation(self, text: str) -> None:
        assert quoted([text]) == []

    def test_speech_in_brackets_is_still_speech_when_longer_than_a_term(self) -> None:
        assert quoted(["(“We will stay until the work is done,” she added.)"]) == [
            (0, "We will stay until the work is done", False)
        ]

    def test_a_single_word_followed_by_a_comma_is_still_speech(self) -> None:
        assert quoted(["“Unacceptable,” he said."]) == [(0, "Unacceptable", False)]


class TestQuotationsOverParagraphs:
    def test_reopened_at_each_paragraph(self) -> None:
        paragraphs = ["“We are ready.", "“We will stay.”", "Then it ended."]
        assert quoted(paragraphs) == [(0, "We are ready.", False), (1, "We will stay.", True)]

    def test_reopened_with_a_closing_guillemet(self) -> None:
        paragraphs = ["«Estamos listos.", "»Nos quedaremos», afirmó."]
        assert quoted(paragraphs) == [(0, "Estamos listos.", False), (1, "Nos quedaremos", True)]

    def test_never_reopened(self) -> None:
        paragraphs = ["« Nous sommes prêts.", "Nous resterons. »"]
        assert quoted(paragraphs) == [(0, "Nous sommes prêts.", False), (1, "Nous resterons.", True)]

    def test_an_opening_mark_never_closed_is_not_a_quotation(self) -> None:
        assert quoted(["He said “we are ready.", "Then it ended."]) == []

    def test_the_parts_share_the_speaker_named_at_the_end(self) -> None:
        quintero = Attendee(name="Rafael Quintero", role="Haut Commissaire")
        paragraphs = [
            "Rafael Quintero a appelé à l’aide. « Le Tchad accueille déjà des réfugiés.",
            "« Il ne peut pas rester seul », a-t-il averti.",
        ]
        assert speakers(paragraphs, "fr", quintero) == ["Rafael Quintero", "Rafael Quintero"]


class TestUnmarkedBlockQuotation:
    def test_a_paragraph_after_said_colon_is_a_quotation(self) -> None:
        paragraphs = ["Defence Secretary Jane Doe said:", "We are ready to defend our allies at any time."]
        assert quoted(paragraphs) == [(1, "We are ready to defend our allies at any time.", False)]
        assert speakers(paragraphs, "en", Attendee(name="Jane Doe", role="Defence Secretary")) == ["Jane Doe"]

    def test_a_list_after_a_colon_without_a_verb_of_saying_is_not(self) -> None:
        assert quoted(["The following countries took part:", "Belgium, Canada, Denmark, France and Germany."]) == []


class TestSpeakers:
    SG = Attendee(name="Jens Stoltenberg", role="Secretary General", organization="NATO")
    PM = Attendee(name="Erna Solberg", role="Prime Minister")

    def test_a_pronoun_is_the_subject_of_the_previous_clause(self) -> None:
        text = "The Secretary General met Prime Minister Erna Solberg. He said: “We stand together with Norway.”"
        assert speakers([text], "en", self.SG, self.PM) == ["Jens Stoltenberg"]

    def test_a_role_without_article_after_the_quotation(self) -> None:
        text = "Jens Stoltenberg met Erna Solberg. “We stand together with Norway,” NATO Secretary General said."
        assert speakers([text], "en", self.SG, self.PM) == ["Jens Stoltenberg"]

    @pytest.mark.parametrize(
        ("text", "language"),
        [
            ("Erna Solberg met business leaders. “We agreed on a great deal,” Rautiainen said.", "en"),
            ("Erna Solberg met business leaders. “We agreed on a great deal,” said Rautiainen.", "en"),
            ("Erna Solberg se reunió con empresarios. «Hemos acordado mucho», dijo Rautiainen.", "es"),
        ],
    )
    def test_a_name_beside_the_verb_that_no_attendee_holds_is_no_one_elses(self, text: str, language: str) -> None:
        # The verb has a subject of its own: the sentence's earlier subject did not say it.
        assert speakers([text], language, self.PM) == [None]

    @pytest.mark.parametrize(
        ("text", "language"),
        [
            (
                "Les pluies ont détruit des abris. Pour Jean-Baptiste Morel, responsable du plaidoyer, la communauté "
                "internationale « ne peut pas se contenter de compter les morts ».",
                "fr",
            ),
            (
                "Las lluvias destruyeron refugios. Para Jean-Baptiste Morel, responsable de incidencia, la comunidad "
                "internacional «no puede limitarse a contar los muertos».",
                "es",
            ),
        ],
    )
    def test_a_preposition_opening_the_sentence_before_a_person_attributes(self, text: str, language: str) -> None:
        assert [q.speaker for q in find_quotes([text], language)] == ["Jean-Baptiste Morel"]

    def test_a_role_and_a_nationality_no_one_holds_is_the_roleless_attendee_of_that_country(self) -> None:
        minister = Attendee(name="Álvaro Restrepo", role="ministro de Relaciones Exteriores", country="CO")
        counterpart = Attendee(name="Itzel Navarro", country="PA")
        text = (
            "Por su parte, la canciller panameña destacó que el acuerdo permitirá actuar “con rapidez y sin trámites”."
        )
        assert speakers([text], "es", minister, counterpart) == ["Itzel Navarro"]

    def test_the_rest_of_the_paragraph_after_the_quotation_names_the_speaker(self) -> None:
        minister = Attendee(name="Rajiv Deol", role="Minister of Innovation")
        text = "“This is a proud day for our country.” The Honourable Rajiv Deol, Minister of Innovation"
        assert speakers([text], "en", self.PM, minister) == ["Rajiv Deol"]

    def test_a_role_of_an_organisation_is_its_holder_before_one_whose_organisation_is_unknown(self) -> None:
        cnes = Attendee(name="Bertrand Lemaire", role="président")
        isro = Attendee(name="Venkat Raghu", role="président", organization="ISRO")
        text = (
            "Pour le président de l’ISRO, ce lancement couronne dix ans de travail. « Nous sommes fiers », a-t-il dit."
        )
        assert speakers([text], "fr", cnes, isro) == ["Venkat Raghu"]

    def test_a_surname_written_first_is_a_re_mention(self) -> None:
        tan = Attendee(name="Tan Wei Ling", role="Chief Executive")
        text = "Tan Wei Ling signed the charter. “It is a first step,” said Ms Tan."
        assert speakers([text], "en", tan, self.PM) == ["Tan Wei Ling"]

    def test_an_epithet_whose_complement_names_the_body_otherwise_is_the_holder(self) -> None:
        director = Attendee(name="María Paredes", role="directora ejecutiva", organization="INAMHI")
        text = "María Paredes presentó el pronóstico. “Las lluvias seguirán”, dijo la titular del instituto."
        assert speakers([text], "es", director) == ["María Paredes"]

    def test_a_quotation_with_no_attribution_after_reported_speech_is_its_speakers(self) -> None:
        director = Attendee(name="Salote Vuniwaqa", role="Director of Meteorology")
        paragraphs = [
            "The Director of Meteorology, Ms Salote Vuniwaqa, said the system was moving south-west.",
            "“All of our guidance agrees that the depression will become a cyclone before it reaches the islands.”",
        ]
        assert speakers(paragraphs, "en", director, self.PM) == ["Salote Vuniwaqa"]

    def test_a_role_set_off_before_a_name_with_its_courtesy_word_is_that_names(self) -> None:
        kwame = Attendee(name="Kwame Osei", role="Director of Agriculture, Food Security and Nutrition")
        chidi = Attendee(name="Chidi Okafor", role="Director of Produce Inspection")
        text = (
            "Opening the workshop, the Director of Agriculture, Food Security and Nutrition at AUDA-NEPAD, "
            "Dr Kwame Osei, said that Africa lost much of its food. “We are feeding the rubbish heap,” he said."
        )
        assert speakers([text], "en", chidi, kwame) == ["Kwame Osei"]

    def test_a_rank_alone_after_the_quotation(self) -> None:
        penrose = Attendee(name="Alasdair Penrose", rank="Air Chief Marshal")
        text = "Sir Alasdair Penrose visited the base. “The crews are ready,” said the Air Chief Marshal."
        assert speakers([text], "en", penrose) == ["Alasdair Penrose"]

    @pytest.mark.parametrize(
        "text",
        [
            "Jens Stoltenberg called it “a turning point for the Alliance”.",
            "Jens Stoltenberg told reporters: “We will not go back to the old days.”",
            "Jens Stoltenberg wrote that “the Alliance is stronger than ever before”.",
            "In Stoltenberg’s words, “the Alliance is stronger than ever before”.",
            "Jens Stoltenberg described the deployment as “a commitment that will not waver”.",
        ],
    )
    def test_attribution_forms_before_the_quotation(self, text: str) -> None:
        assert speakers([text], "en", self.SG) == ["Jens Stoltenberg"]

    def test_a_role_is_the_attendee_who_holds_it_most_recently_a_subject(self) -> None:
        renaudin = Attendee(name="Gilles Renaudin", role="ministre de l’Europe et des affaires étrangères")
        ciobanu = Attendee(name="Ana Ciobanu", role="ministre des affaires étrangères de la Moldavie")
        text = (
            "M. Gilles Renaudin s’est entretenu avec Mme Ana Ciobanu, ministre des affaires étrangères de la Moldavie. "
            "Le ministre a salué les réformes engagées. Il a rappelé que la France se tenait « aux côtés de la Moldavie »."
        )
        assert speakers([text], "fr", renaudin, ciobanu) == ["Gilles Renaudin"]

    def test_a_short_name_attendee_is_the_full_named_one(self) -> None:
        text = "Margaret Ellison met Rajan Gill. “Safe seas are essential for prosperity,” said Minister Ellison."
        found = speakers(
            [text], "en", Attendee(name="Margaret Ellison"), Attendee(name="Ellison"), Attendee(name="Rajan Gill")
        )
        assert found == ["Margaret Ellison"]

    def test_a_quotation_about_a_named_thing_after_that_is_speech(self) -> None:
        text = 'El ministro Jaime Ortuño ha afirmado que el plan "es la mayor inversión de la historia".'
        assert speakers([text], "es", Attendee(name="Jaime Ortuño", role="ministro")) == ["Jaime Ortuño"]


class TestAttributionVerbsOfEveryRegister:
    """Verbs of saying beyond "said" — a warning, an account, a comment — attribute the quotation before them."""

    @pytest.mark.parametrize(
        ("text", "language", "name"),
        [
            ("« Il sera trop tard », alerte Amina Diallo-Kone, directrice pays.", "fr", "Amina Diallo-Kone"),
            ("“Varias personas ya estaban en el agua”, relata Lucía Barrachina Soler.", "es", "Lucía Barrachina Soler"),
            ("“Our engineers worked closely with the team,” comments Juha Virtanen, CEO.", "en", "Juha Virtanen"),
        ],
    )
    def test_the_verb_after_the_quotation_names_its_speaker(self, text: str, language: str, name: str) -> None:
        before = Attendee(name="Karin Lindholm")  # the previous speaker must not keep the floor
        assert speakers(["“We are proud,” said Karin Lindholm.", text], language, before, Attendee(name=name))[1:] == [
            name
        ]


class TestRoleReMentions:
    def test_a_role_points_back_to_someone_named_before_the_quotation(self) -> None:
        paragraphs = [
            "El Secretario General de la Organización, Esteban Larrañaga Ruiz, recibió hoy a la canciller.",
            "“La Organización seguirá acompañando ese esfuerzo”, dijo el Secretario General al término de la reunión.",
            "Ambos recordaron la figura del ex Secretario General Julio Ferreira Vidal.",
        ]
        people = [
            Attendee(name="Esteban Larrañaga Ruiz", role="secretario general de la Organización"),
            Attendee(name="Julio Ferreira Vidal", role="secretario general"),
        ]
        assert speakers(paragraphs, "es", *people) == ["Esteban Larrañaga Ruiz"]

    def test_a_transcript_label_in_capitals_names_the_attendee(self) -> None:
        import communique

        page = (
            "Joint press conference in Suva\n\n"
            "The Prime Minister of Fiji, Epeli Ratuvou, welcomed the delegation to Suva on Thursday morning.\n\n"
            "PRIME MINISTER RATUVOU: Thank you, and welcome back to Fiji. We are glad to host you again.\n\n"
            "JOURNALIST: Will Fiji accept the offer of more police advisers this year?\n\n"
            "PRIME MINISTER RATUVOU: Fiji is a friend to all and will decide for itself.\n"
        )
        said = {q.text[:10]: q.speaker for q in communique.parse(page, "text").quotes}
        assert said["Thank you,"] == "Epeli Ratuvou" and said["Fiji is a "] == "Epeli Ratuvou"

    def test_according_to_a_role_and_the_name_set_off_by_commas(self) -> None:
        paragraphs = [
            "Les ministres de la Culture de la région se sont réunis à Dakar pour adopter une feuille de route.",
            "Pour la ministre ivoirienne, Mariam Koné Traoré, la feuille de route « donne enfin un cadre commun ».",
        ]
        people = [
            Attendee(name="Kodjo Amégan", role="ministre de la Culture", country="TG"),
            Attendee(name="Mariam Koné Traoré", role="ministre de la Culture", country="CI"),
        ]
        assert speakers(paragraphs, "fr", *people) == ["Mariam Koné Traoré"]

    def test_an_epithet_is_a_role_mention_for_a_later_quotation(self) -> None:
        paragraphs = [
            "“La inflación completa su cuarto mes a la baja”, explicó la directora del DANE, Carolina Gutiérrez.",
            "La funcionaria señaló que 14 de las 23 ciudades tuvieron variaciones inferiores al promedio.",
            "“Para los hogares de ingresos bajos la variación fue menor”, añadió.",
        ]
        people = [Attendee(name="Carolina Gutiérrez", role="directora", organization="DANE")]
        assert speakers(paragraphs, "es", *people) == ["Carolina Gutiérrez", "Carolina Gutiérrez"]

    def test_a_role_naming_the_body_by_a_common_noun(self) -> None:
        paragraphs = [
            "Une délégation conduite par le président de la CCI-CI, Lamine Ouattara, a séjourné à Accra.",
            "Le président de la Chambre a plaidé pour la levée des obstacles. « Un camion met quatre jours », a-t-il ajouté.",
        ]
        people = [
            Attendee(name="Lamine Ouattara", role="président", organization="CCI-CI"),
            Attendee(name="Kwaku Boateng", role="ministre du Commerce", country="GH"),
        ]
        assert speakers(paragraphs, "fr", *people) == ["Lamine Ouattara"]

    def test_a_role_and_a_nationality_name_the_one_attendee_of_that_country(self) -> None:
        paragraphs = [
            "Le ministre a reçu le vice-ministre grec des Affaires étrangères, Giorgos Papadakis, à Tunis.",
            "Pour sa part, le responsable grec a salué la coopération. « Nous voulons plus d’échanges », a-t-il déclaré.",
        ]
        people = [
            Attendee(name="Slim Ben Achour", role="ministre des Affaires étrangères", country="TN"),
            Attendee(name="Giorgos Papadakis", role="vice-ministre des Affaires étrangères", country="GR"),
        ]
        assert speakers(paragraphs, "fr", *people) == ["Giorgos Papadakis"]

    def test_quotes_attributable_to_a_role_and_its_portfolio_then_a_name(self) -> None:
        paragraphs = [
            "Quotes attributable to Minister for Emergency Management Bronwyn Castellano:",
            "“Families have shown extraordinary resilience.”",
            "Quotes attributable to Queensland Minister for Disaster Recovery and Resilience Declan Furlong:",
            "“Cyclone Merle tore through some of our most productive farming country.”",
        ]
        people = [
            Attendee(name="Bronwyn Castellano", role="Minister for Emergency Management"),
            Attendee(name="Declan Furlong", role="Minister for Disaster Recovery and Resilience"),
        ]
        assert speakers(paragraphs, "en", *people) == ["Bronwyn Castellano", "Declan Furlong"]

    def test_the_leader_of_a_country_is_its_attendee_who_was_the_last_subject(self) -> None:
        paragraphs = [
            "President Emmanuel Saydee received the delegation led by the Ivorian minister Mamadou Koné.",
            "For his part, President Saydee thanked the visiting Minister. “We welcome this,” the Liberian leader said.",
        ]
        people = [
            Attendee(name="Emmanuel Saydee", role="President", country="LR"),
            Attendee(name="Teta Kpoto-Dunbar", role="Minister of Agriculture", country="LR"),
            Attendee(name="Mamadou Koné", role="ministre", country="CI"),
        ]
        assert speakers(paragraphs, "en", *people) == ["Emmanuel Saydee"]


def test_a_role_no_attendee_holds_is_the_nearest_subject_in_a_language_of_small_letter_roles() -> None:
    import communique

    page = (
        "El seleccionador presenta la convocatoria\n\n"
        "MADRID, 3 de marzo de 2025 – El seleccionador nacional, Ambros Martín Cedrés, dio este lunes la lista "
        "de convocadas para el preolímpico.\n\n"
        "«Vamos a competir cada partido como si fuera una final», explicó el técnico en la rueda de prensa.\n"
    )
    (quote,) = communique.parse(page, "text").quotes
    assert quote.speaker == "Ambros Martín Cedrés"


def test_a_role_with_its_own_office_no_attendee_holds_stays_unnamed() -> None:
    import communique

    page = (
        "Incendie de forêt : les renforts arrivent\n\n"
        "TOULON, 3 août 2025 – Le colonel Laurent Castagné a présenté le dispositif aux élus ce matin.\n\n"
        "Venu sur le poste de commandement, le préfet du Var a salué l’engagement des secours. « Je veux saluer "
        "le courage des pompiers », a-t-il affirmé.\n"
    )
    (quote,) = communique.parse(page, "text").quotes
    assert quote.speaker is None


def test_the_head_of_an_organisation_is_the_holder_of_its_own_title() -> None:
    # "le chef du HCR" names no role anyone holds; the attendee holding the body's title (organizations.toml)
    # is its head, not the body's representative in the country.
    text = (
        "Le HCR au Tchad\n\nN’DJAMENA, 19 juin 2025 – Le Haut-Commissaire des Nations Unies pour les réfugiés, "
        "Anders Lindqvist, s’est rendu mercredi à Adré avec la représentante du HCR, Aïssata Diallo.\n\n"
        "« J’ai rencontré des femmes qui ont marché pendant dix jours », a déclaré le chef du HCR.\n"
    )
    release = communique.parse(text, "text")
    assert [q.speaker for q in release.quotes] == ["Anders Lindqvist"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # British single quotes: an apostrophe inside stays text, the closing mark after punctuation ends it.
        (
            "‘Every cub born into the programme strengthens the population,’ said Hamish Lyall.",
            ["Every cub born into the programme strengthens the population"],
        ),
        (
            "The vet will do the cubs’ first check in May. ‘At that point we will know more,’ he said.",
            ["At that point we will know more"],
        ),
        # A plural's possessive inside a quotation does not close it.
        (
            "He said: ‘It was the cubs’ first week, and they did well.’",
            ["It was the cubs’ first week, and they did well."],
        ),
    ],
)
def test_single_quotation_marks_open_and_close_a_quotation(text: str, quoted: list[str]) -> None:
    spans = find_quote_spans([text])
    assert [text[s.start : s.end] for s in spans] == quoted


def test_a_single_quoted_quotation_reopened_at_the_next_paragraph_is_one() -> None:
    spans = find_quote_spans(
        ["He said: ‘We were all holding our breath. It was hard.", "‘We are keeping disturbance low.’"]
    )
    assert [(s.paragraph, s.continues) for s in spans] == [(0, False), (1, True)]


def test_a_courtesy_title_alone_stands_for_the_person_as_a_pronoun_does() -> None:
    paragraphs = [
        "For his part, HE Mr. Bambang Setiadi expressed his country's appreciation. "
        '"Indonesia values Qatar as a trusted partner," His Excellency said.'
    ]
    attendees = [Attendee(name="Bambang Setiadi", role="Minister of Foreign Affairs")]
    quotes = find_quotes(paragraphs, "en", attendees)
    assert [q.speaker for q in quotes] == ["Bambang Setiadi"]


class TestARoleHeadAfterItsModifiers:
    def test_the_head_alone_names_the_holder_of_the_longer_role(self) -> None:
        paragraphs = ["“Silence is itself a decision,” the Ombudsman said at the launch."]
        holder = Attendee(name="Carmel Vella Borg", role="Parliamentary Ombudsman")
        assert speakers(paragraphs, "en", holder) == ["Carmel Vella Borg"]

    def test_a_role_that_opens_with_the_phrase_comes_first(self) -> None:
        # "Governor" is the Governor of the Bank, not the Deputy Governor, though both end with the word.
        paragraphs = ["“Rates stay where they are,” the Governor said."]
        governor = Attendee(name="Elias Haufiku", role="Governor of the Bank")
        deputy = Attendee(name="Ruusa Nangolo", role="Deputy Governor")
        assert speakers(paragraphs, "en", deputy, governor) == ["Elias Haufiku"]


class TestQuotedNamesInTheSentence:
    @pytest.mark.parametrize(
        ("paragraph", "language"),
        [
            ("Le prix spécial est revenu à « Sous le ciel de Tozeur », de la réalisatrice Amira Jaziri.", "fr"),
            ("El productor de “Marea alta en Tumaco” explicó que la película se rodó en el Pacífico.", "es"),
            ("The grant went to “Rivers of the North” for its second season, the board said.", "en"),
        ],
    )
    def test_a_few_capitalised_words_after_a_word_of_the_sentence_are_a_name(
        self, paragraph: str, language: str
    ) -> None:
        # A name is no quotation at all (nobody's words, no quote in the release).
        speaker = Attendee(name="Jeanne Roux", role="directrice")
        assert speakers([f"Jeanne Roux a présenté le palmarès. {paragraph}"], language, speaker) == []

    @pytest.mark.parametrize(
        ("paragraph", "language"),
        [
            (
                "Les ministres ont adopté la « Déclaration de Bucarest pour une langue française vivante dans le numérique ».",
                "fr",
            ),
            (
                "Los ministros aprobaron además una « Carta Iberoamericana de los Derechos de los Creadores ante la IA ».",
                "es",
            ),
            (
                "Ministers adopted the “Charter of Small States for the Protection of Young Athletes in Sport” on Friday.",
                "en",
            ),
        ],
    )
    def test_a_long_capitalised_name_after_an_article_is_no_quotation(self, paragraph: str, language: str) -> None:
        assert speakers([paragraph], language) == []

    @pytest.mark.parametrize(
        ("paragraph", "language", "expected"),
        [
            # A term in a sentence about no one: no quotation.
            ("Les secours ont évacué par hélicoptère plus de 300 « victimes » simulées.", "fr", []),
            ("Rescuers evacuated more than 300 “victims” by helicopter.", "en", []),
            # A person's short phrase: theirs.
            ("Jeanne Roux a qualifié la visite de « très productive ».", "fr", ["Jeanne Roux"]),
        ],
    )
    def test_a_short_quotation_inside_a_sentence_is_a_term_unless_a_person_says_it(
        self, paragraph: str, language: str, expected: list[str]
    ) -> None:
        speaker = Attendee(name="Jeanne Roux", role="directrice")
        assert speakers([paragraph], language, speaker) == expected

    def test_words_after_a_verb_of_saying_are_speech(self) -> None:
        holder = Attendee(name="Jane Roe", role="Minister")
        assert speakers(["Minister Jane Roe said “We Are Ready” to the crowd."], "en", holder) == ["Jane Roe"]


class TestAQuotationAfterReportedSpeech:
    def test_a_quotation_opening_its_sentence_after_reported_words_is_theirs(self) -> None:
        paragraphs = [
            "“The agreement opens a new era,” said Chairman Dwayne Ifill-Best.",
            "Mr. Rohan Singh-Persaud said Guyana's passenger traffic had grown by a third in two years. "
            "“We need the runway capacity now, not in ten years.”",
        ]
        holder = Attendee(name="Rohan Singh-Persaud", role="Chief Executive")
        other = Attendee(name="Dwayne Ifill-Best", role="Chairman")
        assert speakers(paragraphs, "en", other, holder) == ["Dwayne Ifill-Best", "Rohan Singh-Persaud"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # A role the text already gave someone it does not name is that someone, known by role.
        (
            "Changement de commandement\n\nZeebrugge – La cérémonie était présidée par le vice-amiral Pieter "
            "Claessens, commandant de la Composante Marine.\n\nSelon le porte-parole de la Composante Marine, le "
            "groupe comptera cinq navires. « Le premier déploiement aura lieu en janvier », a précisé le porte-parole.\n",
            ["porte-parole"],
        ),
        # A role apposed to a name earlier is that name's: the person the sentences were about.
        (
            "Visite\n\nLe conseiller fédéral Ignazio Cassis, chef du département, a reçu son homologue.\n\n"
            "Ignazio Cassis, conseiller fédéral, a rappelé les liens. « Nous sommes prêts », a déclaré le "
            "conseiller fédéral.\n",
            ["Ignazio Cassis"],
        ),
    ],
)
def test_a_role_in_small_letters_after_a_quotation(page: str, expected: list[str]) -> None:
    assert [q.speaker for q in communique.parse(page).quotes] == expected


def test_a_role_with_the_organisation_an_attendee_holds_is_that_attendees() -> None:
    page = (
        "Rencontre alternée\n\nLe Premier ministre, M. Étienne Marchal-Royer, a reçu ce mardi le premier ministre "
        "du Québec, M. François Tremblay-Gagnon.\n\nLe premier ministre du Québec a salué une entente. « Cette "
        "entente fait le pont entre nos jeunes diplômés et nos hôpitaux », a-t-il précisé.\n"
    )
    assert [q.speaker for q in communique.parse(page).quotes] == ["François Tremblay-Gagnon"]


def test_a_verb_with_no_subject_before_a_quotation_goes_on_with_the_earlier_speaker() -> None:
    page = (
        "Plan de atención rural\n\nLa consejera de Salud, Rocío Villaverde, ha presentado este lunes el plan.\n\n"
        'La consejera destacó que el plan responde al envejecimiento. "Hay pacientes que no pueden bajar al '
        'centro de salud", afirmó.\n\nSegún explicó, cada equipo contará con un vehículo adaptado. "Queremos que la '
        'enfermera tenga la misma información que el médico del hospital", añadió.\n'
    )
    assert [q.speaker for q in communique.parse(page).quotes] == ["Rocío Villaverde", "Rocío Villaverde"]


@pytest.mark.parametrize(
    ("paragraph", "language"),
    [
        ('Martín Céspedes Ugarte visitó Tacna. En su opinión, la modernización es "la prioridad número uno".', "es"),
        ("Martín Céspedes Ugarte visited Tacna. In his view, the modernisation is “the top priority”.", "en"),
        ("Martín Céspedes Ugarte a visité Tacna. Selon lui, la modernisation est « la priorité numéro un ».", "fr"),
    ],
)
def test_an_attribution_opening_the_sentence_makes_a_copulas_quotation_speech(paragraph: str, language: str) -> None:
    # "is “…”" names a theme or a title; after "In his view," the words are the speaker's.
    assert speakers([paragraph], language, Attendee(name="Martín Céspedes Ugarte")) == ["Martín Céspedes Ugarte"]


def test_a_document_named_after_according_to_is_no_speech() -> None:
    paragraph = "Exports will grow, según el informe “Perspectivas del Comercio Internacional 2025”, presented today."
    assert speakers([paragraph], "es") in ([], [None])


@pytest.mark.parametrize(
    ("paragraph", "language"),
    [
        (
            "Renata Lins and Óscar Quispe signed. Lins called the pact “a turning point for the basin”, while "
            "Quispe noted that the reserve was large.",
            "en",
        ),
        (
            "Renata Lins et Óscar Quispe ont signé. Lins a qualifié le pacte de « tournant pour le bassin », "
            "tandis que Quispe a rappelé que la réserve était grande.",
            "fr",
        ),
        (
            "Renata Lins y Óscar Quispe firmaron. Lins calificó el pacto de “un punto de inflexión para la cuenca”, "
            "mientras que Quispe recordó que la reserva es grande.",
            "es",
        ),
    ],
)
def test_a_verb_after_a_clause_joiner_is_that_clauses_not_the_quotations(paragraph: str, language: str) -> None:
    people = (Attendee(name="Renata Lins"), Attendee(name="Óscar Quispe"))
    assert speakers([paragraph], language, *people) == ["Renata Lins"]


def test_a_nationality_after_a_role_names_the_person_right_after_it() -> None:
    paragraphs = [
        "El diputado guatemalteco Édgar Ixcot presentó el informe. El diputado costarricense Andrés Quirós, de la "
        "Asamblea Legislativa, advirtió que su país cambió. “Hoy las armas se quedan en nuestros barrios”, sostuvo."
    ]
    people = (
        Attendee(name="Édgar Ixcot", role="diputado", country="GT"),
        Attendee(name="Andrés Quirós", role="diputado", country="CR"),
    )
    assert speakers(paragraphs, "es", *people) == ["Andrés Quirós"]


def test_an_attribution_line_after_a_closing_quotation_is_kept_and_names_its_speaker() -> None:
    page = (
        "Chiefs meet at the camp\n\nBUTMIR, 3 March 2026 – Major General Norbert Steinhuber hosted General Markus "
        "Eberhardt-Lind, Chief of Defence of Austria. “Bosnia is a neighbourhood issue,” said General "
        "Eberhardt-Lind.\n\n“We are 22 nations in one camp, and what we share here is the best argument.”\n"
        "– Major General Norbert Steinhuber, Commander EUFOR\n"
    )
    quotes = communique.parse(page.encode(), "text").quotes
    assert [q.speaker for q in quotes] == ["Markus Eberhardt-Lind", "Norbert Steinhuber"]


@pytest.mark.parametrize(
    ("paragraph", "language"),
    [
        ("« Nous avons payé cher l'idée que la menace avait disparu », reconnaît l'amiral Vanhoutte.", "fr"),
        ("“We paid dearly for the idea that the threat had gone,” admits Admiral Vanhoutte.", "en"),
        ("«Pagamos caro la idea de que la amenaza había desaparecido», admite el almirante Vanhoutte.", "es"),
    ],
)
def test_a_verb_of_saying_in_the_present_attributes(paragraph: str, language: str) -> None:
    assert speakers([paragraph], language, Attendee(name="Michel Vanhoutte", rank="amiral")) == ["Michel Vanhoutte"]


def test_a_bare_role_several_attendees_hold_is_the_publishing_states_own() -> None:
    page = (
        "Gobierno de España\nMinisterio de Asuntos Exteriores\n\nLos países mediterráneos acuerdan una agenda común\n\n"
        "27/11/2025\n\nEl ministro de Asuntos Exteriores, Álvaro Ruiz de Azcárate, ha presidido en Málaga la reunión. "
        "Asistieron el ministro de Negocios Extranjeros de Portugal, Duarte Valente Pires, y el ministro de Asuntos "
        "Exteriores de Grecia, Yorgos Kalafatis.\n\nLos ministros han dedicado la primera sesión a Libia.\n\n"
        "«El Mediterráneo no es una frontera», ha afirmado el ministro al inicio de la reunión.\n"
    )
    assert [q.speaker for q in communique.parse(page.encode(), "text").quotes] == ["Álvaro Ruiz de Azcárate"]


def test_a_role_with_its_country_after_a_link_is_that_countrys_holder() -> None:
    paragraphs = [
        "Rui Sequeira met Januário Tavares in Lisbon. Januário Tavares thanked Portugal. “Small island states "
        "cannot plan on promises,” the Prime Minister of Cabo Verde said."
    ]
    people = (
        Attendee(name="Rui Sequeira", role="Prime Minister", country="PT"),
        Attendee(name="Januário Tavares", role="Prime Minister", country="CV"),
    )
    assert speakers(paragraphs, "en", *people) == ["Januário Tavares"]


def test_a_verb_of_saying_with_no_subject_after_according_to_speaks_for_the_clause_before() -> None:
    paragraphs = [
        "Álvaro Ruiz presidió la reunión. Ruiz ha defendido que la financiación se vincule a proyectos. Según ha "
        "señalado, «cada euro que invertimos en la otra orilla es un euro de seguridad»."
    ]
    assert speakers(paragraphs, "es", Attendee(name="Álvaro Ruiz")) == ["Álvaro Ruiz"]


def test_the_role_written_last_before_the_verb_of_a_lead_in_is_its_subject() -> None:
    paragraphs = [
        "The Executive Secretary, Mr. Kagiso Mothibedi, received the Minister of Foreign Affairs, Dr. Moustoifa Soilihi.",
        "Welcoming the Minister, the Executive Secretary said:",
        "“The Comoros is the smallest of our Member States by land, but the ocean is large.”",
    ]
    people = (
        Attendee(name="Kagiso Mothibedi", role="Executive Secretary"),
        Attendee(name="Moustoifa Soilihi", role="Minister of Foreign Affairs"),
    )
    assert speakers(paragraphs, "en", *people) == ["Kagiso Mothibedi"]


@pytest.mark.parametrize(
    ("paragraphs", "language"),
    [
        (
            [
                "Conduite par S.E. M. Ibrahima Fall-Ndiaye, ancien Premier ministre, la Mission comptait 96 observateurs.",
                "« Les électeurs ont fait preuve d'une maturité remarquable », a déclaré le Chef de la Mission.",
            ],
            "fr",
        ),
        (
            [
                "La Misión, encabezada por la excanciller Ibrahima Fall-Ndiaye, visitó 612 centros de votación.",
                "“La jornada se desarrolló en un clima de tranquilidad”, expresó la jefa de Misión.",
            ],
            "es",
        ),
        (
            [
                "The mission, led by former Prime Minister Ibrahima Fall-Ndiaye, deployed 96 observers.",
                "“Voters showed remarkable maturity,” said the Head of Mission.",
            ],
            "en",
        ),
    ],
)
def test_a_leaders_role_no_attendee_holds_is_the_person_the_text_says_leads(
    paragraphs: list[str], language: str
) -> None:
    assert speakers(paragraphs, language, Attendee(name="Ibrahima Fall-Ndiaye")) == ["Ibrahima Fall-Ndiaye"]


@pytest.mark.parametrize(
    ("paragraph", "language"),
    [
        (
            "Pour le capitaine Théo Agbodjan, cette formation répond à un besoin. « Nos plongeurs avaient le courage. »",
            "fr",
        ),
        (
            "Para el capitán Théo Agbodjan, esta formación responde a una necesidad. «Nuestros buzos tenían el valor.»",
            "es",
        ),
        ("For Captain Théo Agbodjan, the training meets a real need. “Our divers had the courage.”", "en"),
    ],
)
def test_a_quotation_opening_the_sentence_after_a_view_given_with_for_is_that_persons(
    paragraph: str, language: str
) -> None:
    assert speakers([paragraph], language, Attendee(name="Théo Agbodjan")) == ["Théo Agbodjan"]
