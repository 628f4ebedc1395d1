"""Each line of a pasted page is classified by what it says, in every language pack."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.errors import ParseError
from communique.extract.lines import Kind, classify_lines, is_prose


def kinds(text: str) -> list[tuple[str, str]]:
    return [(line.kind.name, line.text) for line in classify_lines(text)]


def one(text: str) -> Kind:
    lines = classify_lines(text)
    assert len(lines) == 1, lines
    return lines[0].kind


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "Skip to content Menu",
        "Aller au contenu principal",
        "Accès rapide :",
        "Saltar al contenido principal",
        "Search our content",
        "Navigation path",
        "Main Container",
        "Home / News / 2019 / Allied leaders meet",
        "Accueil | Actualités | Communiqués",
        "Inicio > Prensa > Notas de prensa",
        "Share | Print | E-mail",
        "We use cookies to make this website work. Accept all",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "An official website of the European Union How do you know?",
        "European Commission - Press release",
        "News story",
        "Communiqué de presse",
        "Nota de prensa",
        "© NATO 2023",
        "2. News and communications",
        "press@example.org",
        "https://www.nato.int/cps/en/natohq/news.htm",
        "Home   About the Minister   Media releases   Speeches",
        # A photo's credit line.
        "Photo : Service communication de la Primature",
        "Photo: Jane Doe/Ministry of Defence",
        # Menu items set apart by two spaces; a breadcrumb whose last crumb is the page's long title.
        "Health Topics  Countries  Newsroom  Emergencies  Data  About WHO",
        "Accueil > Actualités et salle de presse > Conférences et points de presse > Conférence de presse de "
        "Mme Nathalie Gauvreau, ministre de l'Économie, de l'Innovation et de l'Énergie, et du PDG",
    ],
)
def test_site_furniture(line: str) -> None:
    assert one(line) is Kind.FURNITURE


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("SG/SM/21234", "SG/SM/21234"),
        ("IP/23/1234", "IP/23/1234"),
        ("Release No: NR-099-17", "NR-099-17"),
        ("Référence : 2021/045", "2021/045"),
        ("Press Release (2019) 123", "Press Release (2019) 123"),
        ("Communiqué de presse (2021) 045", "Communiqué de presse (2021) 045"),
    ],
)
def test_document_numbers_are_references(line: str, number: str) -> None:
    (found,) = classify_lines(line)
    assert found.kind is Kind.REFERENCE and found.value == number


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("22 May. 2018", dt.date(2018, 5, 22)),
        ("21-Oct-2019", dt.date(2019, 10, 21)),
        ("16-Aug-2006", dt.date(2006, 8, 16)),
        ("23/01/2012", dt.date(2012, 1, 23)),
        ("13.01.2014", dt.date(2014, 1, 13)),
        ("2.6.2022", dt.date(2022, 6, 2)),
        ("12-06-2018", dt.date(2018, 6, 12)),
        ("2019-10-21", dt.date(2019, 10, 21)),
        ("March 21, 2017", dt.date(2017, 3, 21)),
        ("Oct 18 2019", dt.date(2019, 10, 18)),
        ("mardi 15 juin 2021", dt.date(2021, 6, 15)),
        ("18 fév. 2008", dt.date(2008, 2, 18)),
        ("martes, 3 de marzo de 2021", dt.date(2021, 3, 3)),
        # (With a colon, "Date: 12 March 2021" is the publication stamp: tests/extract/test_header_forms.py.)
        ("Dated 12 March 2021", dt.date(2021, 3, 12)),
        (" date 2020-01-01", dt.date(2020, 1, 1)),
        ("Daily News 07 / 03 / 2023", dt.date(2023, 3, 7)),
    ],
)
def test_date_lines_in_every_form(line: str, start: dt.date) -> None:
    (found,) = classify_lines(line)
    assert found.kind is Kind.DATE
    assert found.dates is not None and found.dates[0] == start


_EDT = dt.timezone(dt.timedelta(hours=-4))
_EST = dt.timezone(dt.timedelta(hours=-5))


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # A date with its time of day and no label is the CMS's publication stamp (an event's day has no
        # clock time in a header); it is still the page's date line (see test_release's header dates).
        ("October 18, 2019 12:00AM EDT", dt.datetime(2019, 10, 18, 0, 0, tzinfo=_EDT)),
        ("14-02-2023 - 13:05", dt.datetime(2023, 2, 14, 13, 5)),
        ("Sun 23-03-2025 15:42 PM", dt.datetime(2025, 3, 23, 15, 42)),
        ("12 mars 2025, 10 h 30", dt.datetime(2025, 3, 12, 10, 30)),
        ("14 de marzo de 2025 - 10:45 a. m.", dt.datetime(2025, 3, 14, 10, 45)),
        # Zones written out, as wire services print them; zones without their summer-time mark get the
        # offset of that day from the IANA database (ET is UTC-4 from 9 March 2025, UTC-5 before).
        ("June 03, 2025 07:00 AM Eastern Daylight Time", dt.datetime(2025, 6, 3, 7, 0, tzinfo=_EDT)),
        ("Mar 21, 2017, 08:30 ET", dt.datetime(2017, 3, 21, 8, 30, tzinfo=_EDT)),
        ("10 mars 2025 02:00 ET", dt.datetime(2025, 3, 10, 2, 0, tzinfo=_EDT)),
        ("10 févr. 2025 07h00 HE", dt.datetime(2025, 2, 10, 7, 0, tzinfo=_EST)),
        ("24 abr, 2025, 08:00 ET", dt.datetime(2025, 4, 24, 8, 0, tzinfo=_EDT)),
        ("4 Dec 2024 10:00 HNE", dt.datetime(2024, 12, 4, 10, 0, tzinfo=_EST)),
    ],
)
def test_a_date_with_its_time_of_day_is_a_stamp(line: str, value: dt.datetime) -> None:
    (found,) = classify_lines(line)
    assert found.kind is Kind.STAMP and found.stamp is not None
    assert found.stamp.kind == "published" and not found.stamp.labelled
    assert found.stamp.value == value
    assert found.stamp.value.utcoffset() == value.utcoffset()


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Publicado: 8 de enero de 2025 | 19:30", dt.datetime(2025, 1, 8, 19, 30)),
        ("2 June 2026 | 4:15pm", dt.datetime(2026, 6, 2, 16, 15)),
    ],
)
def test_a_time_in_the_next_piece_of_a_header_line_belongs_to_its_date(line: str, value: dt.datetime) -> None:
    stamps = [found for found in classify_lines(line) if found.kind is Kind.STAMP]
    assert len(stamps) == 1 and stamps[0].stamp is not None and stamps[0].stamp.value == value


def test_a_date_line_may_carry_a_document_number() -> None:
    (found,) = classify_lines("12-06-2018 News Release 18/112")
    assert found.kind is Kind.DATE and found.value == "18/112"


def test_a_date_line_without_its_year_is_a_date_line() -> None:
    (found,) = classify_lines("Apr. 3 to 6")
    assert found.kind is Kind.DATE and found.field == "yearless"


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Last updated 21-Oct-2019 09:48", "updated", dt.datetime(2019, 10, 21, 9, 48)),
        ("Mise à jour  : 16/06/2021 - Direction : Communication", "updated", dt.date(2021, 6, 16)),
        ("Published 4 December 2018", "published", dt.date(2018, 12, 4)),
        ("Publié le 17 février 2022", "published", dt.date(2022, 2, 17)),
        ("Actualizado: 14/03/2023 - 13:45", "updated", dt.datetime(2023, 3, 14, 13, 45)),
    ],
)
def test_stamps_with_or_without_a_time(line: str, kind: str, value: dt.date) -> None:
    (found,) = classify_lines(line)
    assert found.kind is Kind.STAMP and found.stamp is not None
    assert found.stamp.kind == kind
    assert found.stamp.value == value and type(found.stamp.value) is type(value)  # no invented midnight


def test_a_stamp_label_and_its_date_on_two_lines_are_one_stamp() -> None:
    (found,) = classify_lines("Published\n4 December 2018")
    assert found.kind is Kind.STAMP and found.stamp is not None and found.stamp.value == dt.date(2018, 12, 4)


def test_a_flattened_header_is_split_into_its_pieces() -> None:
    assert kinds("Allies meet in Brussels  28 Feb. 2020 - | Last updated: 28 Feb. 2020 16:02") == [
        ("TEXT", "Allies meet in Brussels"),
        ("DATE", "28 Feb. 2020 -"),
        ("STAMP", "Last updated: 28 Feb. 2020 16:02"),
    ]


def test_a_word_that_ends_like_a_weekday_is_not_a_date() -> None:
    # "Moldavie" ends with "vie", a Spanish weekday abbreviation.
    assert kinds("Le secrétaire général reçoit la présidente de Moldavie  28 févr. 2023 -")[0] == (
        "TEXT",
        "Le secrétaire général reçoit la présidente de Moldavie",
    )


def test_a_dateline_line_with_a_date_gives_the_place() -> None:
    (found,) = classify_lines("Brussels, 31 January 2023")
    assert found.kind is Kind.DATE and found.field == "place" and found.value == "Brussels"


@pytest.mark.parametrize("line", ["###", "– FIN –", "-30-", "FIN"])
def test_end_marks(line: str) -> None:
    assert one(line) is Kind.END


def test_labels_give_header_fields() -> None:
    (found,) = classify_lines("From: Ministry of Defence")
    assert found.kind is Kind.LABEL and found.field == "source" and found.value == "Ministry of Defence"


def test_an_impossible_date_names_its_line() -> None:
    with pytest.raises(ParseError) as err:
        classify_lines("Title\n\n31 Feb. 2019")
    assert err.value.line == 3


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The Allies met in Brussels on Tuesday to discuss the defence of the Alliance.", True),
        ("The Pentagon Press Secretary provided the following readout of the meeting:", True),
        ("Allies meet in Brussels to discuss the defence of the Alliance", False),
        ("Short sentence.", False),
    ],
)
def test_running_text_is_told_from_headings(text: str, prose: bool) -> None:
    assert is_prose(text) is prose


def test_a_stamp_label_joins_a_date_piece_that_kept_its_dash() -> None:
    # GOV.UK: "Last updated" / "13 March 2025 — See all updates" (the link a piece of its own).
    stamps = [
        line for line in classify_lines("Last updated\n13 March 2025 — | See all updates") if line.kind is Kind.STAMP
    ]
    assert len(stamps) == 1 and stamps[0].stamp is not None
    assert (stamps[0].stamp.kind, stamps[0].stamp.value) == ("updated", dt.date(2025, 3, 13))


@pytest.mark.parametrize(
    "line",
    [
        "Allies agree new plan  Defence Ministers meet",  # two items: a title and its kicker as likely as a menu
        "Minister Opens New Hospital  In Northern Town  Today.",  # an item ends a sentence
        "The new bridge  opens to traffic  on Monday",  # items in small letters
    ],
)
def test_a_row_of_items_is_a_menu_only_when_each_is_a_short_capitalised_phrase(line: str) -> None:
    assert one(line) is not Kind.FURNITURE


def test_a_french_from_line_is_the_source_label() -> None:
    (line,) = classify_lines("De : Pêches et Océans Canada")
    assert (line.kind, line.field, line.value) == (Kind.LABEL, "source", "Pêches et Océans Canada")
    (prose,) = classify_lines("De plus, le ministre a annoncé un plan de relance pour les ports.")
    assert prose.kind is Kind.TEXT


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        # A CMS's count of views after its stamp does not hide the stamp.
        ("Mis à jour le 14 août 2025 Affichages : 5127", Kind.STAMP, None),
        ("Published 3 March 2025 | Views: 1,204", Kind.STAMP, None),
        # A label before the kind of document and its own label: the number is the reference.
        ("Référence : Communiqué n° 018-2025/BRVM/DG", Kind.REFERENCE, "018-2025/BRVM/DG"),
    ],
)
def test_stamps_with_a_view_count_and_references_under_two_labels(line: str, kind: Kind, value: str | None) -> None:
    found = classify_lines(f"Title\n\n{line}\n\nThe body opens here with a sentence long enough to be one.")[1]
    assert found.kind is kind
    if value is not None:
        assert found.value == value


_LONG = "The ministers reviewed the programme of work for the coming year and agreed on three priorities for it."


def test_a_page_without_blank_lines_has_one_paragraph_per_line() -> None:
    # Lines longer than a hard-wrapped text's, two of them in one block: each line break ends a paragraph.
    text = f"Title of the page\nMarch 3, 2025\n{_LONG}\nMODERATOR: Good morning.\nQ: Will it change?\n{_LONG}\n"
    blocks = [line.block for line in classify_lines(text)]
    assert blocks[:3] == [0, 0, 0]  # the header's lines read as before, down to the first long line
    assert blocks[3:] == [1, 2, 3]


def test_a_page_without_blank_lines_keeps_lists_and_labels_with_their_lead() -> None:
    text = (
        f"{_LONG}\n{_LONG}\nThe following authorities took part:\nAustria: Federal Police\nBelgium: Federal Judicial "
        f"Police; Federal Agency for Medicines and Health Products; Customs and Excise Administration\n"
        f"THOMAS RENAUDIN\nBonjour, madame la ministre.\n• First item of a list\n• Second item\n"
    )
    blocks = [line.block for line in classify_lines(text)]
    assert blocks == [0, 1, 2, 2, 2, 3, 3, 3, 3]


def test_a_hard_wrapped_paragraph_stays_one_block() -> None:
    text = "The ministers reviewed the programme of work\nfor the coming year and agreed on three\npriorities.\n"
    assert {line.block for line in classify_lines(text)} == {0}


@pytest.mark.parametrize("motto", ["Paix – Travail – Patrie", "Un Peuple – Un But – Une Foi", "Unión - Paz - Libertad"])
def test_a_letterheads_state_motto_is_furniture(motto: str) -> None:
    assert classify_lines(motto)[0].kind is Kind.FURNITURE


@pytest.mark.parametrize("headline", ["Afrique – Tchad", "Kosovo – KFOR hands over the mission to a new commander"])
def test_a_kicker_or_a_headline_with_dashes_is_no_motto(headline: str) -> None:
    assert classify_lines(headline)[0].kind is Kind.TEXT
