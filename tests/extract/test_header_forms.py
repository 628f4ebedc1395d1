"""Header forms of real pages, written for these tests in the shapes the held-out set showed.

Stamps with a 12-hour time or a dotted day, a stamp after a section label, document numbers
after the kind of document, a place before the date on one line, the event's own dates in the first paragraph, and the publication day when nothing else dates it.
"""

from __future__ import annotations

import datetime as dt

import pytest

import communique
from communique.extract.dateline import place_line, read_dateline
from communique.extract.dates import find_body_dates, parse_stamp, weekday_near
from communique.extract.lines import Kind, classify_lines
from communique.extract.segment import is_publisher_name


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Released: 04/18/2024 9:15 AM", dt.datetime(2024, 4, 18, 9, 15)),
        ("Published: 04/18/2024 9:15 PM", dt.datetime(2024, 4, 18, 21, 15)),
        ("Published 18 April 2024 12:05 AM", dt.datetime(2024, 4, 18, 0, 5)),
        ("Published 18 April 2024 12:05 PM", dt.datetime(2024, 4, 18, 12, 5)),
        # Already a 24-hour time: the mark changes nothing.
        ("Published 18 April 2024 15:05 PM", dt.datetime(2024, 4, 18, 15, 5)),
        ("Publicado el 3 de mayo de 2024 a las 4:30 p. m.", dt.datetime(2024, 5, 3, 16, 30)),
        ("Published 07. Mar 2024", dt.date(2024, 3, 7)),  # a dot after the day
        # "Date:" labels the page's date: when it was published.
        ("Date: Sunday, 8 March 2026", dt.date(2026, 3, 8)),
        ("Date : 2025-09-18", dt.date(2025, 9, 18)),
        # A dash or a bar between the date and the time.
        ("Publié le 12.06.2025 – 10:42", dt.datetime(2025, 6, 12, 10, 42)),
        ("Published 12 June 2025 | 10:42", dt.datetime(2025, 6, 12, 10, 42)),
    ],
)
def test_stamps_read_twelve_hour_times_and_dotted_days(line: str, expected: dt.date) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and stamp.kind == "published" and stamp.value == expected


def test_a_stamp_after_a_section_label_and_a_dash_is_a_stamp() -> None:
    (line,) = classify_lines("Communiqué financier – Publié le 25/04/2024 à 07h00 CEST")
    assert line.kind is Kind.STAMP
    assert line.stamp is not None
    assert line.stamp.value == dt.datetime(2024, 4, 25, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("PRESS RELEASE N°: 112/2024", "112/2024"),
        ("Información para la prensa N°: 214/24", "214/24"),
        ("Boletín UNAM-DGCS-318", "UNAM-DGCS-318"),
        ("2024-131-EN", "2024-131-EN"),
    ],
)
def test_document_numbers_after_the_kind_of_document(line: str, number: str) -> None:
    (found,) = classify_lines(line)
    assert (found.kind, found.value) == (Kind.REFERENCE, number)


@pytest.mark.parametrize("line", ["12/05", "2019-2024"])
def test_numbers_without_a_letter_are_no_document_numbers(line: str) -> None:
    assert all(found.kind is not Kind.REFERENCE for found in classify_lines(line))


def _page(header: str, body: str) -> str:
    return f"Home\n\nNews\n\nA title long enough to be the headline of this page\n\n{header}\n\n{body}\n"


def test_a_place_before_the_date_on_one_line() -> None:
    release = communique.parse(_page("Genève | 5 février 2024", "Une équipe a mesuré la fonte des glaciers."), "text")
    assert release.header.dateline == "Genève"
    assert release.dates.start == dt.date(2024, 2, 5)


def test_a_committee_before_the_date_is_no_place() -> None:
    release = communique.parse(
        _page("Plenary session | LIBE | 14-02-2023", "Parliament wants a moratorium on spyware."), "text"
    )
    assert release.header.dateline is None


@pytest.mark.parametrize(
    ("paragraph", "place", "start"),
    [
        ("Valencia, 15-mayo-2024.- Agentes de la Policía han detenido a catorce personas.", "Valencia", (2024, 5, 15)),
        # The date in brackets after the place's country; a hyphen right after an agency's bracket.
        ("GLAND, Switzerland (3 June 2025) – Populations of migratory fish have fallen.", "GLAND", (2025, 6, 3)),
        ("Washington, 12 de mayo de 2025 (OPS)- La Organización alertó sobre el dengue.", "Washington", (2025, 5, 12)),
    ],
)
def test_dateline_date_forms(paragraph: str, place: str, start: tuple[int, int, int]) -> None:
    release = communique.parse(f"Un título\n\n{paragraph}\n", "text")
    assert release.header.dateline == place
    assert release.dates.start == dt.date(*start)


def test_a_place_and_a_month_first_day_without_a_year_after_a_time() -> None:
    pieces = classify_lines("10:35 | Lima, abr. 18.")
    dated = [line for line in pieces if line.kind is Kind.DATE]
    assert [(line.value, line.text) for line in dated] == [("Lima", "abr. 18")]


def test_a_weekday_may_stand_before_each_day_of_a_range_in_prose() -> None:
    text = "La ONG rescató a 312 personas entre el martes 25 y el miércoles 26 de junio."
    assert find_body_dates(text, 2024, language="es") == (dt.date(2024, 6, 25), dt.date(2024, 6, 26))
    assert find_body_dates("du lundi 3 au mercredi 5 juin", 2024, language="fr") == (
        dt.date(2024, 6, 3),
        dt.date(2024, 6, 5),
    )


def test_a_release_dated_the_last_day_of_an_event_takes_the_range_of_its_first_paragraph() -> None:
    text = "Livestock protocol adopted\n\nABUJA, 18 April 2024 – Ministers meeting in Abuja from 16 to 18 April 2024 adopted a protocol.\n"
    release = communique.parse(text, "text")
    assert (release.dates.start, release.dates.end) == (dt.date(2024, 4, 16), dt.date(2024, 4, 18))


def test_a_range_in_a_later_lead_paragraph_beats_the_release_day_its_dateline_repeats() -> None:
    text = (
        "Negotiators test a finance tracker\n\n"
        "UN Climate News, 3 June 2024 – Negotiators met in Bonn this weekend to test a draft tracker.\n\n"
        "The two-day workshop, held on 1 and 2 June, was co-chaired by two ambassadors.\n"
    )
    release = communique.parse(text, "text")
    assert (release.dates.start, release.dates.end) == (dt.date(2024, 6, 1), dt.date(2024, 6, 2))


def test_a_range_of_last_month_is_not_the_event() -> None:
    text = "Follow-up meeting\n\nABUJA, 18 April 2024 – Building on the summit held from 2 to 4 March 2024, ministers met again.\n"
    release = communique.parse(text, "text")
    assert (release.dates.start, release.dates.end) == (dt.date(2024, 4, 18), None)


@pytest.mark.parametrize(
    ("stamp", "body"),
    [
        ("Published on 12 April 2024", "The EIB signed a loan today to renew the water network."),
        (
            "Publicado el martes 12 de abril de 2024",
            "Los cancilleres se reunieron hoy en Colonia para hablar de la frontera.",
        ),
        ("Published on 12 April 2024", "The EIB has renewed its support for the water network."),
    ],
)
def test_with_no_event_date_the_event_is_the_publication_day(stamp: str, body: str) -> None:
    release = communique.parse(_page(stamp, body), "text")
    assert release.dates.start == dt.date(2024, 4, 12)


def test_an_update_stamp_alone_dates_the_release_when_nothing_else_does() -> None:
    # (Decided: a page whose only date is its update stamp is dated by it, as a reader would date it; the
    # stamp stays an update, never a publication.)
    release = communique.parse(_page("Last updated 12 April 2024", "The EIB renewed its support."), "text")
    assert (release.dates.start, release.dates.published) == (dt.date(2024, 4, 12), None)


@pytest.mark.parametrize(
    ("dateline_paragraph", "start", "end"),
    [
        # The release's date, then the event's own day, opening the first paragraph.
        ("THE HAGUE, 12 March 2025 – On 4 March, police in six ports seized 9 tonnes of cocaine.", (2025, 3, 4), None),
        ("Lille, le 4 mars 2025 – Le 18 février dernier, l’équipe a réalisé une greffe.", (2025, 2, 18), None),
        # An event announced for the weeks after the release: its range.
        ("Paris, le 3 juin 2024 – La mission se rendra à Antananarivo du 10 au 14 juin.", (2024, 6, 10), (2024, 6, 14)),
        # Month first, across two months.
        (
            "ASUNCIÓN, March 7, 2025 – A staff team visited from February 24 to March 7, 2025.",
            (2025, 2, 24),
            (2025, 3, 7),
        ),
        # A date later in the sentence is not the event.
        (
            "THE HAGUE, 12 March 2025 – Police seized 9 tonnes of cocaine, the largest haul since 4 March 2019.",
            (2025, 3, 12),
            None,
        ),
    ],
)
def test_the_first_paragraph_gives_the_events_own_dates(
    dateline_paragraph: str, start: tuple[int, int, int], end: tuple[int, int, int] | None
) -> None:
    release = communique.parse(f"A title for the release\n\n{dateline_paragraph}\n", "text")
    assert release.dates.start == dt.date(*start)
    assert release.dates.end == (dt.date(*end) if end else None)


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Asunción, Paraguay: An International Monetary Fund staff team visited the country.", "Asunción"),
        ("NEW DELHI: The government announced a new scheme for farmers on Monday.", "NEW DELHI"),
        ("18 de marzo de 2025, Santiago de Chile – La FAO advirtió sobre la sequía.", "Santiago de Chile"),
        # A colon after the date; a slash before the dash (African Union pages).
        ("Addis-Abeba, 20 février 2025 : Le Conseil de paix et de sécurité a tenu une réunion.", "Addis-Abeba"),
        ("ADDIS ABABA, Ethiopia, 3 June 2025/ - The Commissioner convened a consultation today.", "ADDIS ABABA"),
        # An agency in brackets and a full stop with a dash after the date (Latin American ministries).
        ("PANAMÁ, 14 de octubre de 2025 (MIRE).– La ministra recibió a su homóloga de Finlandia.", "PANAMÁ"),
        ("Madrid, 30 de septiembre de 2025.– Las ministras de Cultura se reunieron en la sede.", "Madrid"),
        # A full stop, a space, then the dash; an agency in brackets before them; a district's initials.
        ("Madrid, 30 de julio de 2025. – Grupo Ferrolana obtuvo un beneficio neto de 86 millones.", "Madrid"),
        ("Córdoba, 15 de marzo de 2025 (Prensa Policía). – Personal policial encontró a tres jóvenes.", "Córdoba"),
        ("Santo Domingo, D. N., 17 de octubre de 2025 – La Contraloría remitió el informe.", "Santo Domingo"),
        # A region whose first word is one letter ("A Coruña": not an interview's answer label).
        ("Ferrol (A Coruña), 14 de marzo de 2023 – La ministra presidió la ceremonia en el astillero.", "Ferrol"),
    ],
)
def test_more_dateline_forms(paragraph: str, place: str) -> None:
    assert communique.parse(f"Un titre assez long\n\n{paragraph}\n", "text").header.dateline == place


@pytest.mark.parametrize(
    "first",
    [
        "Pregunta.– Señor ministro, ¿qué espera de la cumbre de esta semana?",
        "Respuesta.– Queremos pasar de la gestión de emergencias a una política de Estado.",
        "Japanese\n\nThe ministers met.",
    ],
)
def test_an_interview_label_or_a_language_switcher_is_no_dateline(first: str) -> None:
    assert communique.parse(f"Un titre assez long\n\n{first}\n", "text").header.dateline is None


def test_a_label_with_a_colon_is_no_dateline() -> None:
    release = communique.parse("A title\n\nNote: The figures are provisional and may change.\n", "text")
    assert release.header.dateline is None


def test_a_byline_is_neither_a_place_nor_a_subtitle() -> None:
    page = (
        "Le lichen recule plus vite que prévu dans le nord du Québec\n\n"
        "Une équipe a comparé des images satellites sur quarante ans et constate une perte nette\n\n"
        "Par Mélanie Gagnon\n\nPublié le 3 mars 2025 à 10h32\n\n"
        "Les lichens terricoles, principale source de nourriture du caribou, ont reculé de près du tiers.\n"
    )
    release = communique.parse(page, "text")
    assert release.header.title.startswith("Le lichen")
    assert release.header.subtitle is not None and release.header.subtitle.startswith("Une équipe")
    assert release.header.dateline is None


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Posted On: 18 FEB 2025 6:42PM by PIB Delhi", "published", dt.datetime(2025, 2, 18, 18, 42)),
        ("Última modificación: 05/03/2025 10:12", "updated", dt.datetime(2025, 3, 5, 10, 12)),
        # The time before the date, as police and weather services print it.
        ("Published: 16:40 9 March 2024", "published", dt.datetime(2024, 3, 9, 16, 40)),
        ("Issued at 9:45am on Tuesday 17 February 2026", "published", dt.datetime(2026, 2, 17, 9, 45)),
        ("Publié à 10 h 30 le 3 mars 2025", "published", dt.datetime(2025, 3, 3, 10, 30)),
        ("Actualizado a las 18:05 del 2 de abril de 2025", "updated", dt.datetime(2025, 4, 2, 18, 5)),
        # "<noun> date" labels, as content systems print them.
        ("Published date: 28 March 2025", "published", dt.date(2025, 3, 28)),
        ("Publishing date: 12 April 2023", "published", dt.date(2023, 4, 12)),
        ("Publication date: 2 May 2024 09:10", "published", dt.datetime(2024, 5, 2, 9, 10)),
        ("Date de mise en ligne : 04/12/2025", "published", dt.date(2025, 12, 4)),
        ("Fecha de emisión: 10/03/2026", "published", dt.date(2026, 3, 10)),
    ],
)
def test_stamps_with_a_byline_and_other_labels(line: str, kind: str, value: dt.datetime) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and (stamp.kind, stamp.value) == (kind, value)


def test_a_labelled_number_in_brackets() -> None:
    (found,) = classify_lines("(Release ID: 2104417)")
    assert (found.kind, found.value) == (Kind.REFERENCE, "2104417")


def test_a_dateline_line_with_an_article_before_its_date_dates_the_release() -> None:
    release = communique.parse(_page("Luxembourg, le 13 mars 2025", "La Cour des comptes publie un rapport."), "text")
    assert (release.header.dateline, release.dates.start) == ("Luxembourg", dt.date(2025, 3, 13))


@pytest.mark.parametrize(
    ("line", "place"),
    [("WASHINGTON –", "WASHINGTON"), ("PARIS--(BUSINESS WIRE)--Regulatory News:", "PARIS")],
)
def test_a_dateline_alone_above_the_body_among_short_menu_lines(line: str, place: str) -> None:
    page = (
        "Home\n\nNews\n\nReadout of the Secretary's meeting with the Polish minister of defence\n\n"
        f"March 10, 2017\n\nSubscribe\n\nPrint\n\n{line}\n\n"
        "The Secretary hosted the Polish minister at the Pentagon today to discuss the brigade.\n"
    )
    assert communique.parse(page, "text").header.dateline == place


def test_a_date_line_naming_its_place_beats_a_short_line_above_the_body() -> None:
    page = (
        "Déclaration du haut représentant sur la situation dans l’est du pays\n\n"
        "Bruxelles, 23/01/2023 - 18:20, UNIQUE ID: 230123_12\n\nDéclarations du HR/VP\n\n"
        "L'Union européenne est profondément préoccupée par l'intensification des combats dans la région.\n"
    )
    assert communique.parse(page, "text").header.dateline == "Bruxelles"


@pytest.mark.parametrize(
    ("paragraph", "start"),
    [
        # A day of the month before, in the first sentence: the event.
        ("ABIDJAN, 23 April 2025 – The Board of the AfDB on 22 April approved a loan for the corridor.", (2025, 4, 22)),
        ("Montrouge, le 2 mai 2025 – Réuni le 30 avril à Montrouge, le conseil a élu sa présidente.", (2025, 4, 30)),
        # A courtesy word's or an abbreviation's dot ends no sentence.
        (
            "ACCRA, 5 June 2025 – The Most Hon. Dr. Kofi Mensah toured the school on Wednesday (June 4).",
            (2025, 6, 4),
        ),
        # "Yesterday", and no date: the day before the release's.
        (
            "WELLINGTON, 10 June 2025 – Police executed search warrants at four addresses in the district "
            "yesterday morning and recovered stolen tools.",
            (2025, 6, 9),
        ),
        (
            "Lausanne, le 12 juin 2025 – La police cantonale a interpellé hier soir deux hommes soupçonnés "
            "de cambriolages dans la région.",
            (2025, 6, 11),
        ),
        (
            "Madrid, 12 de junio de 2025 – La Guardia Civil detuvo ayer a dos personas por una serie de robos "
            "en la comarca.",
            (2025, 6, 11),
        ),
        # … but not when the sentence says "today": its date is of something else.
        (
            "Panamá, 6 de mayo de 2024 – La Misión presentó hoy su informe sobre las elecciones del domingo 5 de mayo.",
            (2024, 5, 6),
        ),
    ],
)
def test_a_past_day_in_the_first_sentence_is_the_event_unless_it_says_today(
    paragraph: str, start: tuple[int, int, int]
) -> None:
    assert communique.parse(f"A title for the release\n\n{paragraph}\n", "text").dates.start == dt.date(*start)


def test_a_one_line_standfirst_above_the_dateline_paragraph_is_the_subtitle() -> None:
    page = (
        "Home\n\nNews\n\n24 April 2025\n\nILO and Norway back safer work in the shipbreaking yards\n\n"
        "A four-year programme will train 8,000 workers and help yards meet the convention\n\n"
        "CHATTOGRAM, Bangladesh (ILO News) – The ILO and Norway launched a programme today.\n"
    )
    release = communique.parse(page, "text")
    assert release.header.title == "ILO and Norway back safer work in the shipbreaking yards"
    assert (
        release.header.subtitle == "A four-year programme will train 8,000 workers and help yards meet the convention"
    )


def test_a_date_after_a_section_label_and_a_dash_dates_the_release() -> None:
    page = _page("Communiqué de presse – 02.05.2025", "Le conseil d’administration a élu sa présidente.")
    assert communique.parse(page, "text").dates.start == dt.date(2025, 5, 2)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Attention embargo jusqu’au mardi 15 avril 2025, 17 heures (heure de Paris)", Kind.FURNITURE),
        ("Embargoed until 00:01 BST, 15 April 2025", Kind.FURNITURE),
        ("Embargo on arms sales to the region extended until 2026", Kind.TEXT),  # a headline about an embargo
    ],
)
def test_an_embargo_notice_is_furniture_a_headline_about_one_is_not(line: str, kind: Kind) -> None:
    assert [found.kind for found in classify_lines(line)] in ([kind], [Kind.TEXT, Kind.DATE])


def test_a_modification_date_label_on_its_own_line_is_the_update_stamp() -> None:
    page = _page("Le 4 décembre 2025 – Ottawa", "La Garde côtière a secouru cinq pêcheurs au large.") + (
        "\nDate de modification :\n2025-12-04\n"
    )
    assert communique.parse(page, "text").dates.updated == dt.date(2025, 12, 4)


def test_a_date_right_after_the_body_dates_a_release_with_none_above() -> None:
    page = (
        "La OIM inaugura un centro para personas retornadas\n\n"
        "El centro atenderá a unas 400 personas por semana en el aeropuerto.\n\n"
        "La OIM ha brindado asistencia a más de 310.000 personas desde 2015.\n\n"
        "6 de noviembre de 2025\n"
    )
    assert communique.parse(page, "text").dates.start == dt.date(2025, 11, 6)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A release of Wednesday 16 July 2025.
        ("The airport welcomed the inaugural flight from Kigali on Tuesday night.", "en", dt.date(2025, 7, 15)),
        ("The Minister will travel to Oslo on Friday for talks.", "en", dt.date(2025, 7, 18)),
        ("La ministre a été accueillie lundi sur le campus.", "fr", dt.date(2025, 7, 14)),
        ("La procuradora recorrió este lunes tres albergues.", "es", dt.date(2025, 7, 14)),
        ("El presidente recibió este miércoles al primer ministro.", "es", dt.date(2025, 7, 16)),  # the release's day
        ("La ruta unirá Santo Domingo y Belice.", "es", None),  # "Domingo" is a name, not a Sunday
        ("Gale force winds are expected from Wednesday afternoon.", "en", None),  # a period's bound
        ("Gale force winds are expected from Friday afternoon.", "en", None),
        # A future marker after the weekday belongs to another verb.
        ("The forum opened on Tuesday and will close on Friday.", "en", dt.date(2025, 7, 15)),
    ],
)
def test_a_weekday_in_the_lead_names_a_day_near_the_release(
    sentence: str, language: str, expected: dt.date | None
) -> None:
    found = weekday_near(sentence, dt.date(2025, 7, 16), language)
    assert found == expected


def test_a_stamp_only_release_takes_the_weekday_its_lead_names() -> None:
    page = (
        "Procuradora visita albergues\n\nPublicado el martes, 21 de octubre de 2025 10:42\n\n"
        "La procuradora para la Defensa de los Derechos Humanos recorrió este lunes tres albergues del distrito.\n"
    )
    assert communique.parse(page, "text").dates.start == dt.date(2025, 10, 20)


def test_a_publication_and_an_update_stamp_on_one_line() -> None:
    page = (
        "Francia y Colombia lanzan nuevas becas\n\n"
        "Publicado el 3 de marzo de 2025, última modificación el 4 de marzo de 2025\n\n"
        "El programa financiará estudios de maestría en universidades francesas a sesenta estudiantes.\n"
    )
    dates = communique.parse(page, "text").dates
    assert (dates.published, dates.updated) == (dt.date(2025, 3, 3), dt.date(2025, 3, 4))


def test_a_day_with_a_comma_before_its_year() -> None:
    # A signature at the foot of a West African commission's release: "17th April, 2024".
    assert find_body_dates("Director, Electoral Services, 17th April, 2024", None, language="en") == (
        dt.date(2024, 4, 17),
        None,
    )


def test_a_date_in_the_headline_dates_a_release_that_has_no_other() -> None:
    text = (
        "Soudan – Adoption de nouvelles sanctions européennes (11 mars 2024)\n\n"
        "La France salue l’adoption, ce lundi, de mesures restrictives contre six personnes.\n\n"
        "Les personnes visées font l’objet d’un gel de leurs avoirs dans toute l’Union.\n"
    )
    assert communique.parse(text, "text").dates.start == dt.date(2024, 3, 11)


def test_a_date_line_after_the_body_has_begun_is_the_bodys() -> None:
    # A state visit's programme: the release's date, the title, two paragraphs, then the days of the
    # programme ("Martes, 19 de noviembre"), which are no header: no paragraph above them is lost.
    text = (
        "Madrid, 12 de noviembre de 2024\n\n"
        "Programa de la Visita de Estado del Presidente de Finlandia\n\n"
        "Sus Majestades los Reyes recibirán al Presidente de Finlandia, que realizará una Visita de Estado "
        "del martes 19 al jueves 21 de noviembre.\n\n"
        "Integran la delegación oficial la ministra de Asuntos Exteriores y una delegación empresarial.\n\n"
        "Martes, 19 de noviembre\n\n"
        "11:00 h. Palacio Real. Ceremonia oficial de bienvenida con honores militares y revista.\n\n"
        "13:30 h. Palacio de La Zarzuela. Almuerzo ofrecido por Sus Majestades en honor del Presidente.\n\n"
        "Miércoles, 20 de noviembre\n\n"
        "10:30 h. Congreso de los Diputados. Encuentro con la presidenta del Congreso y firma en el Libro.\n"
    )
    release = communique.parse(text, "text")
    assert release.paragraphs[0].text.startswith("Sus Majestades los Reyes recibirán")
    assert release.header.subtitle is None
    assert (release.dates.start, release.dates.end) == (dt.date(2024, 11, 19), dt.date(2024, 11, 21))


@pytest.mark.parametrize(
    "byline",
    [
        "NOUVELLES FOURNIES PAR\nCabinet de la ministre des Relations internationales",
        "News provided by Cabinet de la ministre des Relations internationales",
    ],
)
def test_a_wires_byline_names_the_source_and_is_no_title(byline: str) -> None:
    text = (
        f"{byline}\n14 mars, 2023, 10 h 30 HE\n\n"
        "Le Québec et le Sénégal signent une entente sur la mobilité des enseignants\n\n"
        "QUÉBEC, le 14 mars 2023 /CNW/ - La ministre a signé aujourd’hui une entente avec son homologue.\n\n"
        "L’entente permettra à des enseignants sénégalais d’exercer dans les écoles du Québec dès l’automne.\n"
    )
    release = communique.parse(text, "text")
    assert release.header.title == "Le Québec et le Sénégal signent une entente sur la mobilité des enseignants"
    assert release.header.source == "Cabinet de la ministre des Relations internationales"
    assert release.dates.start == dt.date(2023, 3, 14)


def test_a_date_line_after_the_datelined_lead_is_the_bodys() -> None:
    # A media advisory: its "Date :" block comes after the lead, which opens with the dateline.
    text = (
        "Avis aux médias – La gouverneure générale remettra des décorations\n\n"
        "OTTAWA, ON, le 9 déc. 2024 /CNW/ - La gouverneure générale remettra 38 décorations lors d’une "
        "cérémonie qui aura lieu à Rideau Hall le jeudi 12 décembre 2024.\n\n"
        "Détails de la cérémonie :\n\n"
        "Date : le jeudi 12 décembre 2024\n"
        "Heure : 11 h\n\n"
        "Les représentants des médias sont priés de se présenter à l’entrée au plus tard à 10 h 30.\n\n"
        "Les décorations rendent hommage à des personnes qui ont accompli des actions exceptionnelles.\n"
    )
    release = communique.parse(text, "text")
    assert release.header.dateline == "OTTAWA"
    assert release.paragraphs[0].text.startswith("La gouverneure générale remettra 38 décorations")
    assert release.header.subtitle is None


def test_a_title_derived_from_a_sentence_before_a_quotation_holds_no_quotation_of_its_own() -> None:
    text = (
        "OEI\n\n"
        "MADRID, 3 de febrero de 2025 – El secretario general de la OEI, Duarte Meireles, ha trasladado sus "
        "condolencias. «Su obra sigue viva», añadió el secretario general.\n"
    )
    release = communique.parse(text, "text")
    assert release.header.title_derived
    assert release.header.title.endswith("ha trasladado sus condolencias")
    assert [(q.text, q.in_title) for q in release.quotes] == [("Su obra sigue viva", False)]


def test_a_byline_under_a_short_headline_that_ends_a_menu_is_the_subtitle() -> None:
    text = (
        "Skip to main content\nNATO\nHome\nNews and events\nTranscripts\nPress conference\n\n"
        "by NATO Deputy Secretary General Ilse Verhaegen following the meeting of the NATO-Ukraine Council\n\n"
        "29 Sep. 2025 -\n\n"
        "Good afternoon. Defence Ministers met today in the NATO-Ukraine Council with their Ukrainian colleague.\n\n"
        "They agreed to speed up the delivery of air defence systems before the winter begins.\n"
    )
    header = communique.parse(text, "text").header
    assert header.title == "Press conference"
    assert header.subtitle is not None and header.subtitle.startswith("by NATO Deputy Secretary General")


def test_a_section_name_at_the_end_of_a_breadcrumb_is_no_headline() -> None:
    text = (
        "Servicio Europeo de Acción Exterior\nInicio\nSala de prensa\nDeclaraciones del Alto Representante\n\n"
        "Bolivia: Declaración del Alto Representante en nombre de la UE sobre la segunda vuelta electoral\n\n"
        "26.10.2025\n\n"
        "La Unión Europea felicita al pueblo boliviano por su participación pacífica en la segunda vuelta.\n\n"
        "La UE agradece la labor de la Misión de Observación Electoral de la Unión Europea en el país.\n"
    )
    header = communique.parse(text, "text").header
    assert header.title.startswith("Bolivia: Declaración del Alto Representante")
    assert header.subtitle is None


@pytest.mark.parametrize("kicker", ["Opérations", "Agroécologie", "Audiences", "Viernes", "Brésil"])
def test_a_section_word_above_the_headline_is_no_dateline(kicker: str) -> None:
    text = (
        f"{kicker}\n\nLa ministre lance le plan de replantation des haies en Mayenne\n\n"
        "La ministre a lancé ce vendredi le plan national de replantation des haies dans une ferme.\n\n"
        "Le plan doit permettre de replanter cinquante mille kilomètres de haies d’ici à 2030.\n"
    )
    assert communique.parse(text, "text").header.dateline is None


@pytest.mark.parametrize(("line", "place"), [("NEW YORK", "NEW YORK"), ("Bogotá", "Bogotá"), ("New York", "New York")])
def test_a_place_line_above_the_headline_is_the_dateline(line: str, place: str) -> None:
    text = (
        f"{line}\n\nThe Secretary-General welcomes the agreement on the ceasefire in the region\n\n"
        "The Secretary-General welcomed today the agreement reached by the parties on a ceasefire.\n\n"
        "He called on all sides to respect its terms and to allow humanitarian access without delay.\n"
    )
    assert communique.parse(text, "text").header.dateline == place


def test_a_full_stop_typed_before_the_datelines_dash_is_no_part_of_the_place() -> None:
    release = communique.parse(
        "Visita oficial\n\nSANTO DOMINGO. – El presidente del Senado recibió este martes a una delegación.\n\n"
        "La delegación visitó también la Cámara de Diputados y el Tribunal Constitucional.\n",
        "text",
    )
    assert release.header.dateline == "SANTO DOMINGO"


_BODY_EN = (
    "The ministers met on Friday for seventy minutes and discussed trade, critical minerals and security.\n\n"
    "They agreed to hold the next meeting in Santiago and to launch a working group on disaster risk.\n"
)


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # A meeting of bodies' members is a headline, not a publisher's name.
        (
            "Ministry of Foreign Affairs\n\nJapan-Chile Foreign Ministers' Meeting\n\nMarch 22, 2025",
            "Japan-Chile Foreign Ministers' Meeting",
        ),
        # A kind of document that goes on with a link word is the headline; a kind alone is a label.
        (
            "Home › Releases\nJoint Statement on the Trilateral Strategic Dialogue of Three Countries\n\n"
            "Media Note\nOffice of the Spokesperson\nOctober 4, 2025",
            "Joint Statement on the Trilateral Strategic Dialogue of Three Countries",
        ),
        # The kind of document and its issuer in capitals is a label.
        (
            "COMMUNIQUÉ DE PRESSE DU PROCUREUR DE LA RÉPUBLIQUE\n\nThe prosecutor appeals for witnesses after a disappearance\n\n"
            "10 September 2025",
            "The prosecutor appeals for witnesses after a disappearance",
        ),
        # A headline's number in a list of items is no part of it.
        (
            "4. Press Conference by Minister Tanabe (excerpted version)\n\nMarch 22, 2025",
            "Press Conference by Minister Tanabe (excerpted version)",
        ),
        # A stamp with a note on its time in brackets is a stamp, not the headline.
        (
            "Ministers agree to launch a working group on disaster risk\n\nPublished 8 July 2025 at 10:30 (Paris time)",
            "Ministers agree to launch a working group on disaster risk",
        ),
        # A site's slogan above its breadcrumb is no headline; a long line under the breadcrumb and above the date is.
        (
            "example.org\nAt the heart of public debate\nHome > Public speeches\n\n"
            "Interview with Ms Claire Vasseur, Minister of Education, on France Bleu on 3 February 2025, on the "
            "replacement of absent teachers and the reform of the lower secondary school.\n\n3 February 2025",
            "Interview with Ms Claire Vasseur, Minister of Education, on France Bleu on 3 February 2025, on the "
            "replacement of absent teachers and the reform of the lower secondary school.",
        ),
    ],
)
def test_headline_forms_of_the_fourteenth_held_out_set(header: str, title: str) -> None:
    assert communique.parse(f"{header}\n\n{_BODY_EN}", "text").header.title == title


def test_an_unyeared_day_weeks_after_the_publication_is_an_announced_event_months_after_the_year_before() -> None:
    published = dt.date(2025, 6, 24)
    assert find_body_dates("se concentrarán del 30 de junio al 6 de julio", 2025, before=published, language="es") == (
        dt.date(2025, 6, 30),
        dt.date(2025, 7, 6),
    )
    assert find_body_dates("the festival of 20 December", 2025, before=dt.date(2025, 1, 8), language="en") == (
        dt.date(2024, 12, 20),
        None,
    )


@pytest.mark.parametrize(
    ("text", "language", "start"),
    [
        ("TBILISI, 5 March 2025 – The Chairperson-in-Office today concluded a three-day visit to the region.", "en", 3),
        ("BAMAKO, 5 mars 2025 – La ministre a achevé aujourd’hui une visite de deux jours au Mali.", "fr", 4),
        ("LIMA, 5 de marzo de 2025 – La canciller concluyó hoy una visita oficial de tres días al Perú.", "es", 3),
        # A meeting's length, and the release's weekday instead of "today" (5 March 2025 is a Wednesday).
        ("ABUJA, 5 March 2025 – The Ministers concluded on Wednesday a two-day extraordinary meeting.", "en", 4),
        # Words between the length and the event's noun; other verbs and forms of ending.
        ("NAIROBI, 5 March 2025 – Experts on Wednesday closed a three-day climate outlook forum.", "en", 3),
        (
            "DAKAR, 5 mars 2025 – Les prévisions ont été publiées ce mercredi, au terme de trois jours de travaux.",
            "fr",
            3,
        ),
        (
            "TIQUINA, 5 de marzo de 2025 – Las armadas clausuraron este miércoles el ejercicio, que durante tres "
            "días reunió a 350 efectivos.",
            "es",
            3,
        ),
    ],
)
def test_a_visit_of_n_days_concluded_on_the_releases_day_began_n_minus_one_days_before(
    text: str, language: str, start: int
) -> None:
    more = {
        "en": "The talks covered regional cooperation and the mission's work in the country.",
        "fr": "Les entretiens ont porté sur la coopération régionale et le travail de la mission.",
        "es": "Las conversaciones abordaron la cooperación regional y el trabajo de la misión.",
    }[language]
    release = communique.parse(f"Visit\n\n{text}\n\n{more}\n", "text")
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 3, start), dt.date(2025, 3, 5))


@pytest.mark.parametrize(
    ("text", "language", "start"),
    [
        (
            "LOURDES, 3 avril 2025 – L’assemblée s’est achevée ce jeudi à Lourdes. Réunis depuis le lundi 31 mars, "
            "les évêques ont élu un secrétaire général.",
            "fr",
            dt.date(2025, 3, 31),
        ),
        (
            "LEÓN, 4 de abril de 2025 – La unidad ha concluido este viernes el ejercicio, en el que desde el lunes "
            "31 de marzo han participado cinco países.",
            "es",
            dt.date(2025, 3, 31),
        ),
        (
            "GENEVA, 3 April 2025 – The conference ended today, after two days of talks opened on Wednesday 2 April.",
            "en",
            dt.date(2025, 4, 2),
        ),
    ],
)
def test_an_event_that_ended_on_the_releases_day_began_on_the_earlier_day_its_lead_names(
    text: str, language: str, start: dt.date
) -> None:
    release = communique.parse(f"Closing\n\n{text}\n", "text")
    dated = dt.date(2025, 4, 4 if language == "es" else 3)  # the dateline's day
    assert (release.dates.start, release.dates.end) == (start, dated)


def test_an_earlier_day_of_a_lead_that_does_not_tell_of_the_releases_day_is_no_start() -> None:
    # "after the Fund closed its call": the lead tells of 18 June, not of an event that ended on the 20th.
    page = (
        "Interview\n\n20 June 2025\n\nThe Deputy Director-General spoke to the news team on 18 June, after the "
        "Fund ended its second call for proposals.\n"
    )
    release = communique.parse(page, "text")
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 6, 18), None)


def test_a_long_headline_under_a_menu_copied_one_item_per_line_and_a_block_of_labelled_fields() -> None:
    # The site's menu, name and slogan, then its breadcrumb one item per line; the headline is a long
    # sentence right above the page's date; "Speaker : …" over "Media : …" is the page's data, no headline.
    page = (
        "Aller au contenu\nSite des discours\nLa parole publique en ligne\nAccueil\nDiscours publics\n\n"
        "Entretien de M. Paul Dervaux, ministre chargé des transports, avec Radio Nord le 4 mars 2025, sur le fret.\n\n"
        "Publié le 5 mars 2025\n\n"
        "Intervenant(s) : Paul Dervaux - Ministre chargé des transports\n"
        "Média : Radio Nord\n"
        "Thématiques : Transports, Fret ferroviaire\n\n"
        "Q - Paul Dervaux, bonjour. Le fret ferroviaire recule encore cette année, pourquoi ?\n\n"
        "R - Parce que nous avons trop longtemps laissé vieillir le réseau. Nous investirons deux milliards.\n"
    )
    release = communique.parse(page, "text")
    assert release.header.title.startswith("Entretien de M. Paul Dervaux")
    assert release.header.subtitle is None
    assert [(q.text[:12], q.speaker) for q in release.quotes] == [("Parce que no", "Paul Dervaux")]


@pytest.mark.parametrize(
    "header",
    [
        # The same label twice, in capitals then not, is the headline printed twice: not a block of fields.
        "RESTITUTION : DOUZE OBJETS RENDUS AU MUSÉE DE KINSHASA\n\nRestitution : douze objets rendus au musée de Kinshasa",
    ],
)
def test_a_headline_with_a_label_is_no_field(header: str) -> None:
    page = f"{header}\n\nCommuniqué de presse – Tervuren, 9 décembre 2025\n\nLe musée a rendu ce mardi douze objets au musée national de Kinshasa, lors d’une cérémonie.\n"
    assert communique.parse(page, "text").header.title == "Restitution : douze objets rendus au musée de Kinshasa"


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        # A site's language links are furniture.
        ("EN FR", ["FURNITURE"]),
        ("DE | EN | FR | IT", ["FURNITURE"]),
        # A section tag, the page's date and its place on one line: the tag is furniture, the date a dated place.
        ("Secrétaire Générale adjointe 12 juin 2026 Strasbourg", ["FURNITURE", "DATE"]),
        ("Press release 12 June 2026 Brussels", ["FURNITURE", "DATE"]),
        # A related link with its date is neither.
        ("GRECO 11 juin 2026 Le GRECO publie son rapport sur le Portugal", ["TEXT"]),
    ],
)
def test_language_links_and_a_tag_date_place_line(line: str, kinds: list[str]) -> None:
    classified = classify_lines(line)
    assert [c.kind.name for c in classified] == kinds
    if "DATE" in kinds:
        assert classified[-1].value in ("Strasbourg", "Brussels")


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        # Both stamps on one line, joined by a dash or side by side (spans of a saved page joined by a space).
        ("Publié le 08/06/2026 – Mis à jour le 09/06/2026", dt.date(2026, 6, 8), dt.date(2026, 6, 9)),
        ("Fecha de publicación: 14/08/2026 Actualizado: 15/08/2026", dt.date(2026, 8, 14), dt.date(2026, 8, 15)),
    ],
)
def test_a_line_with_both_stamps_gives_both(line: str, published: dt.date, updated: dt.date) -> None:
    stamps = [c.stamp for c in classify_lines(line)]
    assert [(s.kind, s.value) for s in stamps if s] == [("published", published), ("updated", updated)]


def test_a_stamp_with_its_time_after_a_dash_is_one_stamp() -> None:
    (line,) = classify_lines("Publié le 12.06.2025 – 10:42")
    assert line.stamp is not None and line.stamp.value == dt.datetime(2025, 6, 12, 10, 42)


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        # A meta line with a bar between the place and the date, after a section label and its dash.
        ("Asunción | 20 de mayo de 2025", "Asunción", "20 de mayo de 2025"),
        ("Communiqué de presse – Lausavie | 8 avril 2025", "Lausavie", "8 avril 2025"),
    ],
)
def test_a_place_and_a_date_split_by_a_bar(line: str, place: str, date: str) -> None:
    assert place_line(line) == (place, date)


def test_a_topic_after_the_date_is_no_place() -> None:
    assert place_line("12 March 2025 | Youth") is None


def test_a_dash_glued_to_a_small_letter_opens_an_aside_not_a_dateline() -> None:
    assert read_dateline("El Directorio de CAF –banco de desarrollo de América Latina– aprobó un préstamo.") is None
    found = read_dateline("GINEBRA –El ministro dijo que sí.")
    assert found is not None and found.place == "GINEBRA"


def test_a_date_line_with_its_time_is_the_publication_stamp_and_the_page_s_date() -> None:
    # A wire release: the date line carries the time of day and the wire's zone; the body's first date is a
    # quarter's end, not the event — the page's date is still the release's day.
    text = (
        "Halvern Logistics Reports Third Quarter Results\n\n"
        "October 28, 2025 07:00 AM Eastern Daylight Time\n\n"
        "MINNEAPOLIS--(BUSINESS WIRE)--Halvern Logistics Inc. today reported results for the third quarter"
        " ended September 30, 2025, with revenue up six per cent on the year before.\n\n"
        "The company will hold a conference call for investors later in the morning, it said in a statement.\n"
    )
    release = communique.parse(text, "text")
    assert release.dates.published == dt.datetime(2025, 10, 28, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    assert release.dates.start == dt.date(2025, 10, 28)


def test_regional_time_zones_take_the_offset_of_their_day() -> None:
    # Eastern Time is UTC-5 in winter and UTC-4 from the second Sunday of March (9 March 2025).
    winter, summer = parse_stamp("Published 7 March 2025 09:00 ET"), parse_stamp("Published 10 March 2025 09:00 ET")
    assert winter is not None and isinstance(winter.value, dt.datetime)
    assert summer is not None and isinstance(summer.value, dt.datetime)
    assert winter.value.utcoffset() == dt.timedelta(hours=-5)
    assert summer.value.utcoffset() == dt.timedelta(hours=-4)


@pytest.mark.parametrize(
    ("paragraph", "date"),
    [
        (
            "Bogotá (jul. 17/25). La ministra de Relaciones Exteriores firmó hoy el acuerdo con su homólogo.",
            "2025-07-17",
        ),
        (
            "Bogotá, (jun. 12/25). La viceministra recibió a la delegación de Ecuador en el Palacio de San Carlos.",
            "2025-06-12",
        ),
    ],
)
def test_a_dateline_with_a_short_bracketed_date(paragraph: str, date: str) -> None:
    found = read_dateline(paragraph)
    assert found is not None and (found.place, found.date) == ("Bogotá", date)
    assert read_dateline("El Ministerio (ver anexo 3/25). Texto de la nota.") is None  # no month: no date


def test_a_tag_after_the_date_that_the_body_writes_in_small_letters_is_no_place() -> None:
    body = (
        "\n\nLa réunion ministérielle consacrée à la mobilité s'est tenue mardi à La Haye, avec les trois ministres.\n"
    )
    tagged = communique.parse("Un billet unique pour les trains\n\n28 mai 2025 | Mobilité" + body, "text")
    assert tagged.header.dateline is None
    placed = communique.parse("Un billet unique pour les trains\n\n28 mai 2025 | Bruxelles" + body, "text")
    assert placed.header.dateline == "Bruxelles"
    # A country alone after the date is the site's tag of the page's countries, no place of issue.
    country = communique.parse("Un billet unique pour les trains\n\n28 mai 2025 | Belgique" + body, "text")
    assert country.header.dateline is None


@pytest.mark.parametrize(
    "text",
    [
        # Europa Press: a day alone before the agency in brackets, with or without the dash, its line alone.
        "Navalia gana 412 millones\n\nMADRID, 20 (EUROPA PRESS) - Navalia Energía obtuvo un beneficio de 412 millones.\n",
        "Navalia gana 412 millones\n\nMADRID, 20 (EUROPA PRESS)\nNavalia Energía obtuvo un beneficio de 412 millones.\n",
    ],
)
def test_a_day_alone_before_an_agency_in_brackets_is_a_dateline(text: str) -> None:
    # (And a full date before a handle in brackets and a full stop: "Ipiales (Nariño), 4 de julio de 2025
    # (@infopresidencia). …" — see test_a_date_then_a_handle_in_brackets_and_a_full_stop.)
    release = communique.parse(text, "text")
    assert release.header.dateline == "MADRID"
    assert release.paragraphs[0].text.startswith("Navalia Energía")


def test_a_place_line_under_the_date_line_is_the_dateline() -> None:
    text = (
        "Declaraciones de la AR/VP\n"
        "Nicaragua: Declaración de la Alta Representante sobre las personas privadas de libertad\n"
        "14.04.2025\nBruselas\nDeclaraciones de la AR/VP\n\n"
        "La Unión Europea sigue con profunda preocupación el deterioro de la situación en el país.\n"
    )
    assert communique.parse(text, "text").header.dateline == "Bruselas"


def test_a_heading_line_in_small_letters_goes_on_from_the_line_above() -> None:
    text = (
        "Transcript\nJoint press point\n"
        "with NATO Secretary General Henrik Valstad and the Prime Minister of Portugal, Duarte Sequeira\n"
        "14 Mar. 2025\n\n"
        "NATO Secretary General Henrik Valstad: Good afternoon. Prime Minister Sequeira, welcome back to NATO.\n\n"
        "Prime Minister of Portugal: Thank you, Secretary General, for a very productive meeting today.\n"
    )
    release = communique.parse(text, "text")
    assert release.header.title == "Joint press point"
    assert release.header.subtitle is not None and release.header.subtitle.startswith("with NATO")
    # What the standfirst says of a person the body names too is kept: the Prime Minister's country.
    assert release.attendee("Duarte Sequeira").country == "PT"


def test_a_dateline_day_before_the_date_line_is_the_event_and_the_date_line_the_publication() -> None:
    text = (
        "Youth climate innovators receive seed grants in Tamale\n\nFebruary 13, 2024\n\n"
        "Tamale, 12 February 2024 – Thirty youth-led enterprises received seed grants today under the challenge.\n"
    )
    dates = communique.parse(text, "text").dates
    assert (dates.start, dates.published) == (dt.date(2024, 2, 12), dt.date(2024, 2, 13))
    # The same day in both: one event day, no stamp invented.
    same = communique.parse(text.replace("February 13, 2024", "February 12, 2024"), "text").dates
    assert (same.start, same.published) == (dt.date(2024, 2, 12), None)


@pytest.mark.parametrize(
    "text",
    [
        "Lancement de la campagne de vaccination\n\nAbidjan, 11 mars 2025 – La ministre de la Santé a lancé mardi "
        "à Abobo la campagne nationale de vaccination.\n\nLa campagne se déroulera du 14 au 23 mars 2025 dans "
        "les 113 districts sanitaires du pays.\n",
        "Minsal lanza su campaña de invierno\n\nPublicado el 11 de marzo de 2025\n\nLa ministra de Salud dio "
        "inicio este martes a la campaña de invierno, cuya vacunación comenzará el 17 de marzo.\n",
    ],
)
def test_what_the_lead_reports_of_the_releases_day_beats_what_it_announces(text: str) -> None:
    dates = communique.parse(text, "text").dates
    assert (dates.start, dates.end) == (dt.date(2025, 3, 11), None)


def test_a_date_then_a_handle_in_brackets_and_a_full_stop_close_a_dateline() -> None:
    text = (
        "Gobierno refuerza la frontera\n\nIpiales (Nariño), 4 de julio de 2025 (@infopresidencia). El presidente "
        "de la República anunció hoy un plan para la frontera sur.\n"
    )
    release = communique.parse(text, "text")
    assert release.header.dateline == "Ipiales"
    assert release.paragraphs[0].text.startswith("El presidente")


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        # A capital district's initials are the city's name: kept; a country or a state after a city is not.
        ("Washington, D.C., 12 March 2025 (PAHO) – The Pan American Health Organization said.", "Washington, D.C."),
        ("WASHINGTON, DC – The Bank approved a loan today.", "WASHINGTON, DC"),
        ("Tegucigalpa, M.D.C., 5 de mayo de 2025.- El Banco Central mantuvo su tasa.", "Tegucigalpa, M.D.C."),
        ("ALBUQUERQUE, N.M. – The senator nominated eleven students.", "ALBUQUERQUE"),
        ("MONS, Belgium – SHAPE hosted the conference today.", "MONS"),
    ],
)
def test_a_capital_districts_initials_belong_to_the_place(paragraph: str, place: str) -> None:
    found = read_dateline(paragraph)
    assert found is not None and found.place == place


def test_a_summary_line_under_the_date_is_the_standfirst_of_the_headline_above_it() -> None:
    text = (
        "Press releases\n\nYouth climate innovators receive seed grants in Tamale\n\nFebruary 13, 2024\n\n"
        "Thirty start-ups from the five northern regions share US$450,000 under the Green Futures Challenge\n\n"
        "Tamale, 12 February 2024 – Thirty youth-led enterprises received seed grants today under the challenge.\n"
    )
    header = communique.parse(text, "text").header
    assert header.title == "Youth climate innovators receive seed grants in Tamale"
    assert header.subtitle is not None and header.subtitle.startswith("Thirty start-ups")


def test_an_official_communique_with_its_number_is_a_reference_line() -> None:
    (line,) = classify_lines("Communiqué officiel n° 012/FECAHAND/SG/2025")
    assert (line.kind, line.value) == (Kind.REFERENCE, "012/FECAHAND/SG/2025")


def test_a_derived_title_skips_a_lead_in_ending_with_a_colon() -> None:
    text = (
        "Readout\nOffice of the Spokesperson\nMarch 12, 2025\n\n"
        "The following is attributable to Spokesperson Dana R. Whitfield:\n\n"
        "Secretary of State Marcus Hale spoke today with the External Affairs Minister to discuss the partnership. "
        "They agreed to meet again in April.\n"
    )
    header = communique.parse(text, "text").header
    assert header.title_derived
    assert header.title.startswith("Secretary of State Marcus Hale spoke today")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A date in figures after the place, without a comma (Council of Europe pages).
        ("Strasbourg 21/02/2024", ("Strasbourg", "21/02/2024")),
        # A section label and its dash before the place line.
        ("Communiqué de presse – Bruxelles, le 12 mars 2025", ("Bruxelles", "12 mars 2025")),
        ("Press release – Geneva, 3 March 2025", ("Geneva", "3 March 2025")),
        # A place whose last word elsewhere names a body ("City" of "City of Sydney").
        ("QUEZON CITY", ("QUEZON CITY", None)),
    ],
)
def test_more_place_lines(line: str, expected: tuple[str, str | None]) -> None:
    assert place_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Doorstop interview – Brisbane",  # a transcript's headline: a label and a place, but no date
        "City of Sydney",
        "Dublin City Council",
        "Route 21/02/2024 closed",
    ],
)
def test_lines_that_are_no_place_lines(line: str) -> None:
    assert place_line(line) is None


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        # A place's adjective that is also a title's ("Alto" of "Alto Comisionado") is still a place word:
        # only a title's head noun says a person.
        ("Alto Hospicio, 14 de marzo de 2025.- Personal policial detuvo a nueve personas.", "Alto Hospicio"),
        # A country with an elided particle in small letters.
        ("Abidjan, Côte d'Ivoire – The Board of Directors approved a loan.", "Abidjan"),
        ("Abidjan, Côte d’Ivoire – Le Conseil a approuvé un prêt.", "Abidjan"),
        # A region, then a semicolon before the date (Mexican state governments).
        ("Tapachula, Chiapas; 22 de abril de 2026.- La gobernadora firmó el convenio.", "Tapachula"),
        # A place in capitals keeps its link words in capitals.
        (
            "LAS PALMAS DE GRAN CANARIA, España, 3 de marzo de 2025 /PRNewswire/ -- La empresa lanzó su red.",
            "LAS PALMAS DE GRAN CANARIA",
        ),
    ],
)
def test_place_words_shared_with_titles_and_particles_stay_in_the_place(paragraph: str, place: str) -> None:
    found = read_dateline(paragraph)
    assert found is not None and found.place == place


@pytest.mark.parametrize(
    "paragraph",
    ["Secretary General – The Board approved a loan.", "Alto Comisionado – El informe fue presentado."],
)
def test_a_title_before_a_dash_is_no_place(paragraph: str) -> None:
    assert read_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("Thursday, 04 September 2025 - 18:12 WIB", 420),  # Jakarta
        ("August 22, 2025 | 5:30 PM PHT", 480),  # Manila
        ("12 March 2025 09:00 EAT", 180),  # Nairobi
    ],
)
def test_a_stamps_zone_of_africa_or_asia_is_kept(line: str, minutes: int) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and isinstance(stamp.value, dt.datetime)
    assert stamp.value.utcoffset() == dt.timedelta(minutes=minutes)


def test_the_sites_name_above_its_menu_is_no_headline() -> None:
    # No headline: the site's name over its menu is the publisher's (the body names it again).
    page = (
        "Harbour Lottery\n\nDraws   Instant   Winners   Where to Play\n\nWinners › Winner Stories\n\n"
        "Posted March 27, 2025\n\n"
        "A retired ferry captain from Pictou has claimed the $2.1 million jackpot of the March 15 draw, Harbour "
        "Lottery said on Thursday.\n\n"
        "“I thought my glasses were dirty,” he said.\n\n© 2025 Harbour Lottery\n"
    )
    header = communique.parse(page, "text").header
    assert header.title_derived
    assert header.title.startswith("A retired ferry captain")


@pytest.mark.parametrize("line", ["News and Press Releases", "Actualités et communiqués", "Noticias y comunicados"])
def test_section_labels_joined_as_one_are_furniture(line: str) -> None:
    (found,) = classify_lines(line)
    assert found.kind is Kind.FURNITURE


def test_a_portfolio_of_two_words_joined_is_no_label() -> None:
    (found,) = classify_lines("Trade and Tourism")
    assert found.kind is Kind.TEXT


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # A kind of document, an issuer's initials, a number's label in any spelling, then the number.
        ("FFA Media Release 2025/23", "2025/23"),
        ("CHR PR No. 2025-211", "2025-211"),
        ("Comunicado OA N.º 27", "27"),
        ("Boletín de Prensa N.° 112-2025", "112-2025"),
        ("COMMUNIQUÉ DE PRESSE – CP/DG/2025/06", "CP/DG/2025/06"),
        ("Boletín 112/2025", "112/2025"),
        ("RNS Number: 4821K", "4821K"),
        ("Referencia: Hecho Esencial N° 14/2025", "14/2025"),
    ],
)
def test_a_line_of_a_kind_of_document_and_its_number_is_the_reference(line: str, value: str) -> None:
    (found,) = classify_lines(line)
    assert (found.kind, found.value) == (Kind.REFERENCE, value)


@pytest.mark.parametrize("line", ["ECOWAS 2025/26", "Budget 2025-26 delivers for families", "NATO 2030"])
def test_a_name_and_a_number_is_no_reference(line: str) -> None:
    (found,) = classify_lines(line)
    assert found.kind is not Kind.REFERENCE


@pytest.mark.parametrize(
    "line",
    [
        "FIFF – Festival International du Film Francophone de Namur",
        "PARLATINO – Parlamento Latinoamericano y Caribeño",
        "OMVS – Organisation pour la mise en valeur du fleuve Sénégal",
    ],
)
def test_an_acronym_and_the_name_it_spells_are_a_publisher(line: str) -> None:
    assert is_publisher_name(line)


def test_an_acronym_before_a_headline_it_does_not_spell_is_no_publisher() -> None:
    assert not is_publisher_name("EU – Ukraine summit opens in Kyiv")


def test_an_end_mark_before_any_running_text_ends_nothing() -> None:
    # "Fin" over the body is no end of the release: the body after it is read.
    release = communique.parse(
        "Fin\n\nLima, 3 de mayo de 2025 – El foro terminó ayer en la capital.\n\nOtro párrafo.\n"
    )
    assert release.header.dateline == "Lima"
    assert [p.text for p in release.paragraphs][-1] == "Otro párrafo."


def test_an_end_mark_after_the_body_ends_the_release() -> None:
    page = "Forum ends\n\nNairobi, 3 May 2025 – The forum closed today.\n\n###\n\nAbout the Department: it forecasts.\n"
    assert [p.text for p in communique.parse(page).paragraphs] == ["The forum closed today."]


def test_a_ministrys_name_above_the_sites_menu_is_no_headline() -> None:
    page = (
        "ROYAUME DU MAROC\nMinistère de l'Agriculture, de la Pêche Maritime, du Développement Rural et des Eaux et Forêts\n\n"
        "Accueil   L'Agence   Coopération   Médiathèque   Contact\n\nAccueil > Actualités\n\n"
        "L'AGENCE SIGNE TROIS CONVENTIONS DE COOPÉRATION EN MARGE DU SALON\n\n"
        "Meknès, 23 avril 2025 – L'Agence a signé ce mercredi trois conventions avec ses homologues.\n"
    )
    assert communique.parse(page).header.title == "L'AGENCE SIGNE TROIS CONVENTIONS DE COOPÉRATION EN MARGE DU SALON"


def test_a_headline_above_a_section_label_is_the_headline() -> None:
    page = (
        "Defensa y Portugal firman un memorando de cooperación en ciberdefensa\n\nNota de prensa\n\n"
        "Madrid, 3 de marzo de 2021 – La ministra de Defensa y su homólogo portugués han firmado hoy un memorando.\n"
    )
    assert communique.parse(page).header.title.startswith("Defensa y Portugal firman")


@pytest.mark.parametrize(
    ("lead", "language", "start", "end"),
    [
        ("The exercise began on Monday 12 May and concludes on Friday 16 May in the mountains.", "en", 12, 16),
        (
            "L'assemblée s'est ouverte le 12 mai à Lomé. Les travaux se poursuivront jusqu'au jeudi 15 mai.",
            "fr",
            12,
            15,
        ),
        (
            "El ejército dio inicio el lunes 12 de mayo al ejercicio, que se extenderá hasta el 23 de mayo.",
            "es",
            12,
            23,
        ),
    ],
)
def test_an_event_that_runs_until_a_day_ends_that_day(lead: str, language: str, start: int, end: int) -> None:
    release = communique.parse(f"Exercise\n\n12/05/2025\n\n{lead}\n")
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 5, start), dt.date(2025, 5, end))


def test_a_day_until_which_something_else_lasts_months_later_is_no_end() -> None:
    lead = "The exercise began on Monday 12 May. The road stays closed until 30 September."
    release = communique.parse(f"Exercise\n\n12/05/2025\n\n{lead}\n")
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 5, 12), None)


@pytest.mark.parametrize(
    ("lead", "language", "day"),
    [
        # A release of Tuesday 3 June 2025; neither first sentence names a day.
        (
            "COLOMBO, 3 June 2025 – Wildlife officers from four countries are meeting at a workshop on elephants. "
            "The three-day workshop opened in Habarana on Monday with a field visit.",
            "en",
            2,
        ),
        (
            "Colombo, le 3 juin 2025 – Des agents de quatre pays participent à un atelier. "
            "L'atelier s’est ouvert lundi à Habarana avec une visite de terrain.",
            "fr",
            2,
        ),
        (
            "Colombo, 3 de junio de 2025 – Agentes de cuatro países participan en un taller. "
            "El taller se inauguró el lunes en Habarana con una visita de campo.",
            "es",
            2,
        ),
    ],
)
def test_an_event_that_opened_on_a_weekday_later_in_the_lead_began_that_day(lead: str, language: str, day: int) -> None:
    assert communique.parse(f"Workshop\n\n{lead}\n").dates.start == dt.date(2025, 6, day)


@pytest.mark.parametrize(
    ("lead", "language", "start", "end"),
    [
        # Releases of Monday 18 August 2025: the event is the week before, told by its weekdays only.
        (
            "SUVA, 18 August 2025 – The synod closed a four-day meeting held in Suva from Thursday to Sunday.",
            "en",
            14,
            17,
        ),
        ("Suva, le 18 août 2025 – Réunis jeudi et vendredi à Suva, les délégués ont adopté un plan.", "fr", 14, 15),
        (
            "Suva, 18 de agosto de 2025 – La reunión, celebrada el jueves y el viernes en Suva, adoptó un plan.",
            "es",
            14,
            15,
        ),
        # The second weekday after the release's day: only after a future marker.
        (
            "SUVA, 19 August 2025 – The forum opened on Monday and will close on Thursday with a joint statement.",
            "en",
            18,
            21,
        ),
    ],
)
def test_two_weekdays_of_a_lead_sentence_are_the_days_of_the_event(
    lead: str, language: str, start: int, end: int
) -> None:
    release = communique.parse(f"Synod\n\n{lead}\n")
    assert release.header.language == language
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 8, start), dt.date(2025, 8, end))


@pytest.mark.parametrize(
    "lead",
    [
        # Two events: what happened on Wednesday, and the day it was told.
        "SUVA, 15 August 2025 – A convoy reached the town on Wednesday, the first in months, officials said on Thursday.",
        # Opening hours, a routine: no event's days.
        "SUVA, 15 August 2025 – The new service centre is open from Monday to Friday, 8:30 to 16:00, in Suva.",
        "SUVA, 15 August 2025 – The clinic will receive patients every Monday and Thursday from next month.",
    ],
)
def test_weekdays_of_two_events_or_of_a_routine_are_no_event_span(lead: str) -> None:
    assert communique.parse(f"Centre\n\n{lead}\n").dates.end is None


def test_an_event_that_ended_on_the_release_day_began_on_the_weekday_it_opened() -> None:
    lead = (
        "Namur, le 13 mai 2025 – La session de la commission mixte s'est achevée ce mardi à Namur.\n\n"
        "Ouverte lundi, la session a réuni une délégation québécoise et des élus wallons.\n"
    )
    release = communique.parse(f"Commission mixte\n\n{lead}")
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 5, 12), dt.date(2025, 5, 13))


@pytest.mark.parametrize(
    "line", ["Posted on 27/05/2025 at 10:05 AST", "March 5, 2025 | 10:00 AM CST", "Published 5 March 2025, 14:30 IST"]
)
def test_a_stamp_whose_zone_names_several_zones_keeps_its_time_without_a_zone(line: str) -> None:
    # AST is Atlantic (UTC−4) or Arabia (UTC+3): the time is the page's, the zone unknown — never a wrong one.
    stamp = parse_stamp(line)
    assert stamp is not None and isinstance(stamp.value, dt.datetime)
    assert stamp.value.tzinfo is None and (stamp.value.hour, stamp.value.minute) in ((10, 5), (10, 0), (14, 30))


def test_a_date_under_the_signature_block_at_the_bottom_dates_the_release() -> None:
    page = (
        "CUSTOMS INTERCEPTS CONTAINERS AT TEMA PORT\n\n"
        "The Customs Division on Monday intercepted fourteen containers at the port.\n\n"
        "The containers, which arrived between 28th May and 6th June, were flagged by the risk system.\n\n"
        "Management assures the public that compliant traders will be served without delay.\n\n"
        "Signed\nManagement\nCommunications and Public Affairs Department\nGhana Revenue Authority\n"
        "17th June, 2025\n\nTags: Customs, Tema Port\n"
    )
    release = communique.parse(page)
    # The bottom date is the release's (Tuesday 17 June); the first sentence's Monday is the event's, not
    # the range the second paragraph tells of.
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 6, 16), None)


def test_dates_of_related_links_after_a_heading_do_not_date_the_release() -> None:
    page = (
        "Simulacro frente a las islas Cíes\n\n"
        "Salvamento Marítimo coordinó un simulacro de rescate frente a las islas Cíes.\n\n"
        "Últimas noticias\n08/05/2025\n30/04/2025\n24/04/2025\n"
    )
    assert communique.parse(page).dates.start is None


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # A headline printed twice (capitals, then mixed case) outweighs the standfirst above the body.
        (
            "MINISTRY OF THE INTERIOR\n\nHome | About Us | Media Centre | Contact Us\n\n"
            "INTERIOR MINISTER OPENS ECOWAS MEETING ON CROSS-BORDER CRIME\n\n"
            "Interior Minister Opens ECOWAS Meeting on Cross-Border Crime\n\n"
            "Seven member states agree to share border crossing data in real time by 2026\n\n"
            "Accra, 21st May 2025 – The Minister for the Interior has called on West African governments to act.\n",
            "Interior Minister Opens ECOWAS Meeting on Cross-Border Crime",
        ),
        # Two of the site's section names joined by a slash are a breadcrumb, no headline.
        (
            "Ministère des Affaires étrangères\n\nAccueil Ministère Politique étrangère Presse Contacts\n\n"
            "Presse / Communiqués de presse\n\n20.03.2025, 14:12\n\n"
            "Journée de la Francophonie : le ministre réunit les ambassadeurs de huit pays\n\n"
            "Chișinău, 20 mars 2025 – Le ministre a réuni les ambassadeurs de huit pays francophones.\n",
            "Journée de la Francophonie : le ministre réunit les ambassadeurs de huit pays",
        ),
        # A kind of document, an issuer and a number, then the headline after the colon: a headline.
        (
            "Armée suisse\n\nAccueil > Actualités > Communiqués\n\n"
            "Point de presse SWISSCOY 53 : le nouveau contingent prêt pour son engagement au Kosovo\n\n"
            "Date : 02.10.2025\n\nLe 53e contingent de la Swisscoy compte 215 militaires, dont 31 femmes.\n",
            "Point de presse SWISSCOY 53 : le nouveau contingent prêt pour son engagement au Kosovo",
        ),
    ],
)
def test_the_headline_among_section_names_standfirsts_and_kinds_of_document(page: str, title: str) -> None:
    assert communique.parse(page).header.title == title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Brussels - 03/06/2025", ("Brussels", "03/06/2025")),  # a capital, a dash, the page's date
        ("Daily News - 03/06/2025", None),  # a section's name is no place
        ("PARIS--(BUSINESS WIRE)--Regulatory News :", ("PARIS", None)),  # a wire's dateline and its label
    ],
)
def test_a_place_line_with_a_dash_or_a_wires_label(line: str, expected: tuple[str, str | None] | None) -> None:
    assert place_line(line) == expected


def test_a_capital_and_a_colon_open_a_dateline() -> None:
    opening = read_dateline("New Delhi: India's solar module makers on Thursday called for faster approvals.")
    assert opening is not None and opening.place == "New Delhi"
    assert read_dateline("Note: The figures are provisional and will be revised.") is None


@pytest.mark.parametrize(
    ("page", "start", "end"),
    [
        # An event that ended on the day the first sentence writes, and began on a day it names.
        (
            "Tour de la Volta\n\nLa 36e édition du Tour s'est achevée dimanche 2 novembre 2025 à Ouagadougou, "
            "après dix étapes disputées depuis le 24 octobre.\n",
            dt.date(2025, 10, 24),
            dt.date(2025, 11, 2),
        ),
        (
            "Exposición Angus\n\nCerró el domingo 28 de septiembre de 2025 la Exposición Nacional, que se "
            "desarrolló desde el jueves 25 en el predio de la Sociedad Rural.\n",
            dt.date(2025, 9, 25),
            dt.date(2025, 9, 28),
        ),
        # Its length, up to two weeks: "after twelve days of manoeuvres".
        (
            "Iron Meridian 25\n\nExercise Iron Meridian 25 concluded Friday, June 6, 2025, after twelve days of "
            "manoeuvres at the training centre.\n",
            dt.date(2025, 5, 26),
            dt.date(2025, 6, 6),
        ),
        # An event of n days opened on its start runs n days.
        (
            "ECOWAS meeting\n\nAccra, 20 May 2025 – The Minister for the Interior today opened a two-day meeting of "
            "ECOWAS ministers in charge of internal security.\n",
            dt.date(2025, 5, 20),
            dt.date(2025, 5, 21),
        ),
        # A stamped page whose lead tells of its weekday: the session of two days ended that day.
        (
            "Saami Forum\n\nPublished: 2025-06-05\n\nThe Saami Parliamentary Forum closed its two-day plenary "
            "session in Inari on Wednesday by adopting a declaration.\n",
            dt.date(2025, 6, 3),
            dt.date(2025, 6, 4),
        ),
    ],
)
def test_the_days_of_an_event_that_ended_or_opened_as_the_lead_tells(page: str, start: dt.date, end: dt.date) -> None:
    release = communique.parse(page)
    assert (release.dates.start, release.dates.end) == (start, end)


def test_a_communiques_signing_place_and_date_at_the_bottom_dates_it() -> None:
    page = (
        "Le Gouverneur reçoit les délégations du Burundi et de la Tanzanie\n\n"
        "Le Gouverneur de la province a reçu ce jeudi une délégation de la province de Cibitoke.\n\n"
        "Le Gouvernement provincial remercie les populations d'Uvira pour l'accueil réservé aux délégations.\n\n"
        "Fait à Uvira, le 15 mai 2025\n\nPour la Cellule de Communication du Gouverneur\n"
    )
    assert communique.parse(page).dates.start == dt.date(2025, 5, 15)


@pytest.mark.parametrize(
    "line",
    [
        "Fecha de publicación: 28/08/2025 Hora: 15:47",
        "Publié le 28/08/2025 Heure : 15:47",
        "Published: 28 August 2025 Time: 15:47",
    ],
)
def test_a_stamps_time_after_its_label(line: str) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and stamp.value == dt.datetime(2025, 8, 28, 15, 47)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # An address line with its telephone number is the site's furniture.
        (
            "Conseil de l'Europe\n\nAvenue de l'Europe F-67075 Strasbourg Cedex  Tél. +33 (0)3 88 41 20 00\n\n"
            "Accueil   À propos   Droits de l'homme   Salle de presse\n\n"
            "L'Arménie et la Moldova ratifient la Convention-cadre sur l'intelligence artificielle\n\n8 avril 2026\n\n"
            "Strasbourg, 8 avril 2026 – L'Arménie et la Moldova ont déposé leurs instruments de ratification.\n",
            "L'Arménie et la Moldova ratifient la Convention-cadre sur l'intelligence artificielle",
        ),
        # A kind of document that goes on for many words is a headline; a note in brackets is none.
        (
            "OTAN\n\nAccueil > Actualités > Discours et transcriptions\n\n"
            "Point de presse conjoint du secrétaire général de l'OTAN et de la Première ministre de la Belgique\n\n"
            "26 mars 2026\n\n(Texte tel que prononcé – seul le prononcé fait foi)\n\n"
            "LE SECRÉTAIRE GÉNÉRAL : Bonjour à toutes et à tous, et merci d'être venus si nombreux aujourd'hui.\n",
            "Point de presse conjoint du secrétaire général de l'OTAN et de la Première ministre de la Belgique",
        ),
    ],
)
def test_an_address_line_and_a_delivery_note_are_no_headline(page: str, title: str) -> None:
    assert communique.parse(page).header.title == title


def test_a_list_of_delegations_one_per_line_gives_each_person_their_entrys_country() -> None:
    page = (
        "Reunión de cancilleres andinos\n\nLima, 5 de junio de 2026 – Los cancilleres acordaron crear una unidad común.\n\n"
        "Participaron en la reunión:\n"
        "Bolivia: canciller María René Quispe Mamani\n"
        "Colombia: viceministro de Relaciones Exteriores, Camilo Restrepo Lozano\n"
        "Irlanda, en representación de la Presidencia del Consejo: Niamh Gallagher-Burke, ministra de Estado\n"
    )
    found = {a.name: (a.role, a.country) for a in communique.parse(page).attendees if a.name}
    assert found == {
        "María René Quispe Mamani": ("canciller", "BO"),
        "Camilo Restrepo Lozano": ("viceministro de Relaciones Exteriores", "CO"),
        "Niamh Gallagher-Burke": ("ministra de Estado", "IE"),
    }


def test_a_page_dated_only_by_its_update_stamp_tells_of_the_weekday_its_lead_names() -> None:
    page = (
        "Le ministre reçoit son homologue argentin\n\n"
        "Le ministre des Affaires étrangères a accueilli ce mardi au Palais d'Egmont son homologue argentin.\n\n"
        "Dernière mise à jour le 4 juin 2026\n"
    )
    release = communique.parse(page)
    assert (release.dates.start, release.dates.updated) == (dt.date(2026, 6, 2), dt.date(2026, 6, 4))


def _parsed(text: str) -> communique.PressRelease:
    return communique.parse(text.encode(), "text")


class TestHeadlinesAmongMenus:
    def test_the_last_crumb_of_the_breadcrumb_is_the_headline_printed_again(self) -> None:
        page = (
            "Home  /  Newsroom  /  News  /  2026  /  Chiefs of Defence meet at the headquarters\n\nApr 8 2026\n\n"
            "Chiefs of Defence meet at the headquarters\n\n"
            "Regional plans and air defence at the centre of two days of talks in the north of the country\n\n"
            "MONS, Belgium – The Supreme Commander hosted the Chiefs of Defence of seven nations on 7 and 8 April.\n"
        )
        assert _parsed(page).header.title == "Chiefs of Defence meet at the headquarters"

    def test_a_row_of_menu_items_with_one_long_item_is_furniture(self) -> None:
        row = "Trámites y servicios   Política exterior   Sala de prensa   Transparencia   Atención y servicios a la ciudadanía"
        assert [line.kind for line in classify_lines(row)] == [Kind.FURNITURE]

    @pytest.mark.parametrize("label", ["SUBJECT:", "Subject:", "Asunto:", "Objet :"])
    def test_a_headline_after_its_label_is_the_headline(self, label: str) -> None:
        page = f"News Release\n\n{label} Three universities sign an ocean-observing agreement\n\nDATE: November 6, 2025\n\nThe university has signed a memorandum of understanding with two partners.\n"
        assert _parsed(page).header.title == "Three universities sign an ocean-observing agreement"

    def test_a_section_name_ending_a_run_of_menu_lines_is_no_headline_over_the_long_line(self) -> None:
        page = (
            "Enviar un comunicado\nPeriodistas\nNoticias\nTodas las noticias\nFinanzas\n"
            "Servicios financieros y de inversión\n"
            "Tres empresas lanzan un corredor de pagos instantáneos entre España, México y Colombia\n\n"
            "CIUDAD DE MÉXICO, 22 de enero de 2026 /PRNewswire/ -- Las empresas anunciaron hoy una alianza.\n"
        )
        title = _parsed(page).header.title
        assert title == "Tres empresas lanzan un corredor de pagos instantáneos entre España, México y Colombia"


def test_a_bodys_seat_with_its_country_is_a_dateline() -> None:
    page = "Chiefs meet at the headquarters\n\nSHAPE, Belgium – The Supreme Commander hosted the Chiefs of Defence on 7 April 2026.\n"
    assert _parsed(page).header.dateline == "SHAPE"


@pytest.mark.parametrize(
    ("body", "start", "end"),
    [
        (
            "Bruxelles, le 4 décembre 2025 – Les ministres ont clôturé ce jeudi la 5e session de la Commission mixte."
            "\n\nPendant deux jours, les délégations ont travaillé sur quatre volets.",
            dt.date(2025, 12, 3),
            dt.date(2025, 12, 4),
        ),
        (
            "San José, jueves 20 de noviembre de 2025. Concluyó hoy la reunión regional.\n\n"
            "Durante dos días, participaron en el encuentro los vicepresidentes de cinco países.",
            dt.date(2025, 11, 19),
            dt.date(2025, 11, 20),
        ),
        (
            "Paso Canoas, 27 de octubre de 2026. Las autoridades firmaron este martes un plan, al cierre de una "
            "reunión técnica de dos días celebrada en Paso Canoas.",
            dt.date(2026, 10, 26),
            dt.date(2026, 10, 27),
        ),
    ],
)
def test_an_event_that_ended_on_the_day_runs_back_the_length_the_lead_gives(
    body: str, start: dt.date, end: dt.date
) -> None:
    dates = _parsed(f"Titre de la page\n\n{body}\n").dates
    assert (dates.start, dates.end) == (start, end)


@pytest.mark.parametrize(
    ("body", "day"),
    [
        (
            "MADRID--(BUSINESS WIRE)--Aquavia Ingeniería y Servicios, S.A. (BME: AQV) y su socio Hídrica del "
            "Pacífico S.A.C. firmaron ayer en Lima el acuerdo de asociación.",
            dt.date(2025, 12, 10),
        ),
        ("LONDON, 11 December 2025 – The two companies signed the agreement yesterday in Lima.", dt.date(2025, 12, 10)),
    ],
)
def test_a_lead_that_tells_of_the_day_before_the_pages_date_dates_the_event(body: str, day: dt.date) -> None:
    page = f"Firman el acuerdo de la desaladora\n\n11 de diciembre de 2025\n\n{body}\n"
    assert _parsed(page).dates.start == day


@pytest.mark.parametrize(
    "line",
    [
        "Publié le 14/11/2025 — Mis à jour le 17/11/2025 à 11h20",
        "Publié le 14/11/2025 — | Mis à jour le 17/11/2025 à 11h20",  # two spans of a page joined by a bar
        "Date de publication : 14/11/2025 Mis à jour le : 17/11/2025 - 11:20",
    ],
)
def test_two_stamps_of_one_line_in_more_joins(line: str) -> None:
    kinds = [(row.kind, row.stamp.kind if row.stamp else None) for row in classify_lines(line)]
    assert kinds == [(Kind.STAMP, "published"), (Kind.STAMP, "updated")]


def test_a_range_opening_a_lead_sentence_holds_the_day_a_caption_gives() -> None:
    page = (
        "Les villes jumelles réunies pour parler climat\n\nPubliée le 14/11/2025\n\n"
        "Les délégations réunies place Broglie, le 13 novembre.\n\n"
        "Jeudi 13 et vendredi 14 novembre, la maire a accueilli les représentants de quatre villes jumelles.\n"
    )
    dates = _parsed(page).dates
    assert (dates.start, dates.end) == (dt.date(2025, 11, 13), dt.date(2025, 11, 14))


class TestMoreHeaderShapes:
    def test_the_24_languages_of_an_eu_site_are_a_language_switch(self) -> None:
        line = "BG ES CS DA DE ET EL EN FR GA HR IT LV LT HU MT NL PL PT RO SK SL FI SV"
        assert [row.kind for row in classify_lines(line)] == [Kind.FURNITURE]

    def test_a_headline_set_on_two_lines_goes_on_with_its_complement(self) -> None:
        page = (
            "MEDIA RELEASE\n\nSADC Executive Secretary receives Minister of Foreign Affairs\nof the Union of Comoros "
            "ahead of the Summit\n\nGaborone, Botswana, 22 January 2026 – The Executive Secretary received the minister.\n"
        )
        title = _parsed(page).header.title
        assert (
            title
            == "SADC Executive Secretary receives Minister of Foreign Affairs of the Union of Comoros ahead of the Summit"
        )

    def test_a_kinds_label_over_a_line_in_small_letters_is_a_headline_and_its_subtitle(self) -> None:
        page = (
            "Transcript\nJoint press point\nwith NATO Secretary General Henrik Valstad and the Prime Minister\n"
            "14 Mar. 2025\n\nNATO Secretary General Henrik Valstad: Good afternoon and welcome back.\n"
        )
        header = _parsed(page).header
        assert (header.title, header.subtitle) == (
            "Joint press point",
            "with NATO Secretary General Henrik Valstad and the Prime Minister",
        )

    def test_two_crumbs_ending_with_a_section_label_are_a_breadcrumb(self) -> None:
        assert [row.kind for row in classify_lines("News & Updates / Press Releases")] == [Kind.FURNITURE]

    def test_a_capital_then_a_colon_opens_the_body(self) -> None:
        assert read_dateline("Muscat: Oman’s Foreign Minister today received the minister.").place == "Muscat"
