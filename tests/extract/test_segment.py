"""The title, header and body of a page, wherever the site put them (pages of our own, in real sites' shapes)."""

from __future__ import annotations

import datetime as dt

import pytest

import communique
from communique.extract.segment import segment

BODY = (
    "The Allies met in Brussels to discuss the defence of the Alliance, the support to Ukraine "
    "and the preparation of the next summit, the chair said after the meeting.\n\n"
    "The meeting was attended by the ministers of defence of all Allies and by several partners, "
    "who reviewed the progress made since the last session of the council."
)


def parse(text: str) -> communique.PressRelease:
    return communique.parse(text.encode(), "text")


def test_furniture_before_the_title_is_skipped() -> None:
    page = (
        "Skip to main content\nWe use cookies to improve this site. Accept all\n"
        "Home / News / 2023 / Allies meet\nSearch\nMenu\nNews\n\nNews story\n\n"
        "Allies meet in Brussels to prepare the summit\n\nPublished 4 December 2023\n\n" + BODY
    )
    r = parse(page)
    assert r.header.title == "Allies meet in Brussels to prepare the summit"
    assert r.dates.published == dt.date(2023, 12, 4)
    assert not any("cookies" in p.text or "Skip" in p.text for p in r.paragraphs)


def test_furniture_after_the_body_is_dropped() -> None:
    page = "Allies meet\n\n14 Mar. 2023 -\n\n" + BODY + "\n\nShare this page\nFacebook\nTwitter\nBack to top\n"
    assert [p.text[:10] for p in parse(page).paragraphs] == ["The Allies", "The meetin"]


def test_a_headline_printed_twice_is_taken_once_in_mixed_case() -> None:
    page = "ALLIES MEET IN BRUSSELS\n\nAllies meet in Brussels\n\n18 fév. 2008\n\n" + BODY
    assert parse(page).header.title == "Allies meet in Brussels"


def test_a_title_with_a_quote_inside() -> None:
    page = "Skip to content\n\nLibya: “The window for elections is narrowing”\n\n9 June 2023\n\n" + BODY
    assert parse(page).header.title == "Libya: “The window for elections is narrowing”"


def test_a_flattened_header() -> None:
    page = "Allies meet in Brussels  28 Feb. 2020 - | Last updated: 28 Feb. 2020 16:02\n\n" + BODY
    r = parse(page)
    assert r.header.title == "Allies meet in Brussels"
    assert r.dates.start == dt.date(2020, 2, 28)
    assert r.dates.updated == dt.datetime(2020, 2, 28, 16, 2)


def test_a_page_without_a_headline_still_parses_with_a_derived_title() -> None:
    page = "21/10/2019\n\nMadrid – " + BODY
    r = parse(page)
    assert r.header.title_derived is True
    assert r.header.title.startswith("The Allies met in Brussels")
    assert r.header.dateline == "Madrid"
    assert r.dates.start == dt.date(2019, 10, 21)


def test_a_title_is_not_derived_when_there_is_a_headline() -> None:
    assert parse("Allies meet\n\n" + BODY).header.title_derived is False


def test_a_subtitle_that_opens_with_by_does_not_end_the_header() -> None:
    page = (
        "Press conference\n\nby NATO Secretary General Jens Stoltenberg following the meeting of ministers\n\n"
        "  • 15 Feb. 2023 -\n  • Last updated 16-Feb-2023 10:02\n\n" + BODY
    )
    r = parse(page)
    assert r.header.title == "Press conference"
    assert r.header.subtitle is not None and r.header.subtitle.startswith("by NATO Secretary General")
    assert r.dates.start == dt.date(2023, 2, 15)


def test_a_headline_printed_twice_the_same_way_is_read_where_its_standfirst_follows() -> None:
    # A breadcrumb's last item, or a page heading above the article's heading: the later copy is the
    # one with the standfirst and the stamps under it.
    page = (
        "Home\nNews\nAppeals\nAppeal after a man is injured in the town centre\n"
        "Appeal after a man is injured in the town centre\n"
        "Detectives are asking drivers to check dashcam and doorbell footage\n"
        "Published: 16:40 9 March 2024\nUpdated: 09:15 11 March 2024\n\n" + BODY
    )
    r = parse(page)
    assert r.header.title == "Appeal after a man is injured in the town centre"
    assert r.header.subtitle == "Detectives are asking drivers to check dashcam and doorbell footage"
    assert (r.dates.published, r.dates.updated) == (dt.datetime(2024, 3, 9, 16, 40), dt.datetime(2024, 3, 11, 9, 15))


@pytest.mark.parametrize(
    ("headline", "standfirst"),
    [
        (
            "Ambassador welcomes an agritech delegation",
            "Eleven companies met growers, researchers and officials in Talca",
        ),
        (
            "Le conseil adopte le budget pour 2025",
            "Les comptes sont adoptés avec les voix de la majorité et l’abstention d’un groupe",
        ),
        (
            "La Fiscalía obtiene una condena de 15 años",
            "El tribunal acogió íntegramente la acusación del Ministerio Público",
        ),
    ],
)
def test_a_standfirst_glued_to_the_headline_above_a_blank_line_is_the_subtitle(headline: str, standfirst: str) -> None:
    # The <h1> and the summary under it, copied together; the body after a blank line.
    page = f"Home\nNews\n{headline}\n{standfirst}\n\n" + BODY
    r = parse(page)
    assert (r.header.title, r.header.subtitle) == (headline, standfirst)
    assert r.paragraphs[0].text.startswith("The Allies met")


def test_a_line_glued_to_the_headline_is_no_subtitle_when_the_body_follows_without_a_break() -> None:
    page = "Allies meet in Brussels\n\n" + BODY.replace("\n\n", "\n")
    assert parse(page).header.subtitle is None


def test_a_place_and_date_line_that_signs_the_release_off_dates_it() -> None:
    page = (
        "Canciller recibió a su par de Panamá\n\n" + BODY + "\n\nAsunción, 12 de mayo de 2025\n\n"
        "Compartir esta noticia\n\nEl viceministro recibió al embajador de Japón\n"
        "Paraguay participó en la reunión de coordinadores nacionales\n"
    )
    r = parse(page)
    assert r.dates.start == dt.date(2025, 5, 12)
    assert r.header.dateline is None  # a dateline heads the body


def test_a_date_line_with_an_article_and_a_section_label() -> None:
    r = parse("Une délégation en visite à l’université\n\nLe 17 février 2025 — Relations internationales\n\n" + BODY)
    assert r.dates.start == dt.date(2025, 2, 17)


@pytest.mark.parametrize(
    "headline",
    [
        "Comunicado Conjunto de los Presidentes de los Estados Partes del MERCOSUR",
        "Joint Statement of the Foreign Ministers of the Nordic countries",
        "Communiqué de presse du ministère des Armées sur l’exercice de printemps",
    ],
)
def test_a_headline_that_opens_with_its_kind_of_document_and_names_its_author(headline: str) -> None:
    r = parse(f"{headline}\n\n04/07/2025\n\n" + BODY)
    assert r.header.title == headline and not r.header.title_derived


def test_a_kind_of_document_alone_stays_a_section_label() -> None:
    r = parse("Joint Statement\n\nAllies meet in Brussels on the readiness of the forces\n\n04/07/2025\n\n" + BODY)
    assert r.header.title == "Allies meet in Brussels on the readiness of the forces"


def test_a_label_and_its_value_on_two_lines() -> None:
    page = (
        "Minister's remarks at the Small States Forum\n\nThe minister set out support for small states\n\n"
        "From:\nForeign, Commonwealth & Development Office\nPublished 10 March 2025\n\n" + BODY
    )
    r = parse(page)
    assert r.header.title == "Minister's remarks at the Small States Forum"
    assert r.header.source == "Foreign, Commonwealth & Development Office"


def test_the_speakers_name_under_a_transcripts_headline_is_not_the_headline() -> None:
    page = (
        "Joint press conference with the Prime Minister of Fiji\n\nThe Hon Michael Dunstan MP\n"
        "Prime Minister of Australia\nThursday, 22 May 2025\n\n" + BODY
    )
    assert parse(page).header.title == "Joint press conference with the Prime Minister of Fiji"


def test_a_standfirst_between_the_title_and_the_stamp_is_the_subtitle() -> None:
    page = (
        "Defence Secretary announces new funding for veterans\n\n"
        "The Defence Secretary has announced a new fund to support veterans across the country.\n\n"
        "From: Ministry of Defence\n\nPublished 4 December 2018\n\n" + BODY
    )
    r = parse(page)
    assert r.header.title == "Defence Secretary announces new funding for veterans"
    assert r.header.subtitle == "The Defence Secretary has announced a new fund to support veterans across the country."
    assert r.header.source == "Ministry of Defence"
    assert r.paragraphs[0].text.startswith("The Allies met")


def test_a_summary_line_above_the_date_is_the_subtitle() -> None:
    page = (
        "Acme wins a contract for coastal radars\n\n"
        "The six-year contract covers the renovation of thirty-two stations along the coast\n\n"
        "March 21, 2023 04:00 AM Eastern Daylight Time\n\n" + BODY
    )
    r = parse(page)
    assert r.header.title == "Acme wins a contract for coastal radars"
    assert r.header.subtitle == "The six-year contract covers the renovation of thirty-two stations along the coast"
    assert r.dates.start == dt.date(2023, 3, 21)


@pytest.mark.parametrize("label", ["Media Statement", "Information réglementée", "Afrique – Tchad", "Latest news"])
def test_a_short_label_above_the_headline_is_not_the_headline(label: str) -> None:
    # A headline of several words right above the date, under a section label or a kicker of two or
    # three words: the label is not a headline whose subtitle the real headline would be.
    page = f"{label}\n\nMinister and her counterpart hold talks on agricultural trade\n\n14 May 2025\n\n" + BODY
    r = parse(page)
    assert r.header.title == "Minister and her counterpart hold talks on agricultural trade"
    assert r.header.subtitle is None


def test_a_numbered_announcement_is_the_reference() -> None:
    page = "Company announcement No. 14/2025\n\nAcme takes its final investment decision\n\n2 June 2025\n\n" + BODY
    r = parse(page)
    assert r.header.title == "Acme takes its final investment decision"
    assert r.header.reference == "14/2025"


def test_banners_above_the_date_are_not_the_body() -> None:
    page = (
        "Media space: official photos, videos and transcripts of the Alliance, ready to be broadcast.\n\n"
        "New: you can now download our videos in high definition, in full or as excerpts.\n\n"
        "Allies meet in Brussels  28 Feb. 2023 -\n\n" + BODY + "\n\n" + BODY
    )
    r = parse(page)
    assert r.header.title == "Allies meet in Brussels"
    assert r.paragraphs[0].text.startswith("The Allies met")


def test_a_document_number_is_kept_as_the_reference() -> None:
    page = "Secretary-General condemns attack\n\nSG/SM/21234\n\n2 May 2023\n\n" + BODY
    r = parse(page)
    assert r.header.reference == "SG/SM/21234"
    assert r.dates.start == dt.date(2023, 5, 2)
    assert not any("SG/SM" in p.text for p in r.paragraphs)


def test_a_stamp_at_the_bottom_of_the_page() -> None:
    page = "Allies meet\n\n22 May. 2018\n\n" + BODY + "\n\nLast updated 23-May-2018 10:05\n\nBack to top"
    r = parse(page)
    assert r.dates.updated == dt.datetime(2018, 5, 23, 10, 5)
    assert not any("Last updated" in p.text for p in r.paragraphs)


def test_an_end_mark_ends_the_body() -> None:
    page = "Acme opens a plant\n\n" + BODY + "\n\n###\n\nMedia contact: Jane Roe, press office, +1 555 0100."
    assert not any("Jane Roe" in p.text for p in parse(page).paragraphs)


def test_a_place_line_above_the_title_is_the_dateline() -> None:
    page = "New York\n\nSecurity Council extends the mission in Libya\n\n" + BODY
    r = parse(page)
    assert r.header.title == "Security Council extends the mission in Libya"
    assert r.header.dateline == "New York"


def test_a_place_and_date_line_gives_the_dateline_and_the_date() -> None:
    page = "Commission proposes faster permits for offshore wind\n\nBrussels, 31 January 2023\n\n" + BODY
    r = parse(page)
    assert r.header.dateline == "Brussels"
    assert r.dates.start == dt.date(2023, 1, 31)


def test_the_dateline_may_open_the_second_paragraph() -> None:
    page = "Allies meet\n\nA photo of the ministers around the table at the start of the meeting.\n\nMons – " + BODY
    assert parse(page).header.dateline == "Mons"


def test_the_year_of_a_yearless_date_line_comes_from_the_stamp() -> None:
    page = "Leaders meet in Vilnius\n\nApr. 3 to 6\nLast updated: 7 Apr. 2023 10:00\n\n" + BODY
    r = parse(page)
    assert (r.dates.start, r.dates.end) == (dt.date(2023, 4, 3), dt.date(2023, 4, 6))


@pytest.mark.parametrize(
    "first",
    [
        "  • 22 May. 2018 - 23 May. 2018\n\nBrussels – Text.",
        "Last updated: 14 Sep. 2019 19:44\n\nText.",
        "Skip to main content\n\nHome\n\n" + BODY,
    ],
)
def test_no_layout_makes_a_release_with_body_text_fail(first: str) -> None:
    assert parse(first).paragraphs


def test_a_reader_that_knows_its_title_keeps_every_line_of_the_body() -> None:
    seg = segment("placeholder\n\nBudget 2018\n\n1,2 milliard\n\nTotal", titled=True)
    assert seg.paragraphs == ("Budget 2018", "1,2 milliard", "Total")


def test_a_reader_that_knows_its_title_loses_no_paragraph_before_a_quotation_part() -> None:
    # A document's first paragraph that ends with a comma (a quotation continued below) is not a heading.
    seg = segment(
        "placeholder\n\nLe porte-parole a déclaré : « Nous resterons aux côtés de nos partenaires,\n\n"
        "« aussi longtemps qu’il le faudra. »\n\nMerci.",
        titled=True,
    )
    assert seg.paragraphs[0].startswith("Le porte-parole") and seg.paragraphs[-1] == "Merci."


def test_a_dateline_paragraph_of_one_sentence_is_body_not_a_dateline_line() -> None:
    # A place, a date and a sentence on one line: the sentence is the body, not a tail to drop.
    r = parse("A title for the release\n\nWELLINGTON, 10 June 2025 – Police searched four addresses in the city.\n")
    assert r.header.dateline == "WELLINGTON"
    assert [p.text for p in r.paragraphs] == ["Police searched four addresses in the city."]
    assert r.dates.start == dt.date(2025, 6, 10)


def test_the_no_break_spaces_of_a_french_title_are_kept() -> None:
    r = parse("Restitution\u202f: 24 objets rendus à leur pays d’origine\n\n9 décembre 2025\n\n" + BODY)
    assert r.header.title == "Restitution\u202f: 24 objets rendus à leur pays d’origine"


def test_a_headline_with_its_kind_of_document_is_the_title() -> None:
    page = "Media > Speeches and Transcripts\n\nTranscript: Monetary Policy Committee media briefing, June 2025\n\n18 June 2025\n\n"
    r = parse(page + BODY)
    assert r.header.title == "Transcript: Monetary Policy Committee media briefing, June 2025"


def test_a_summary_sentence_above_the_paragraph_that_opens_with_the_dateline_is_the_standfirst() -> None:
    page = (
        "Communiqué de presse\n\nCommercial Aircraft\n\n5 déc. 2023\n\n"
        "Airbus inaugure à Toulouse une nouvelle ligne d’assemblage final\n\n"
        "La ligne doit soutenir la montée en cadence de la famille A320 jusqu’à 75 appareils par mois.\n\n"
        "Toulouse, le 5 décembre 2023 – Airbus a inauguré ce mardi à Toulouse sa nouvelle ligne d’assemblage, "
        "la plus récente des dix lignes de la famille dans le monde, en présence de ses salariés.\n"
    )
    r = parse(page)
    assert r.header.title == "Airbus inaugure à Toulouse une nouvelle ligne d’assemblage final"  # not the kicker
    assert r.header.subtitle is not None and r.header.subtitle.startswith("La ligne doit soutenir")
    assert r.header.dateline == "Toulouse" and r.paragraphs[0].text.startswith("Airbus a inauguré")


def test_a_deck_of_a_headlines_kind_under_the_headline_is_the_subtitle() -> None:
    page = (
        "COMMUNIQUÉ DE PRESSE\n\nBelfort, le 10 mars 2025\n\n"
        "La Région commande 18 trains régionaux à hydrogène à Ferroval\n\n"
        "Une commande de 410 millions d’euros qui assure dix ans d’activité au site de Belfort\n\n"
        "Ferroval et la Région ont signé ce lundi un contrat pour la fourniture de dix-huit rames, livrées à partir "
        "de 2027 et entretenues pendant quinze ans.\n"
    )
    r = parse(page)
    assert r.header.title == "La Région commande 18 trains régionaux à hydrogène à Ferroval"
    assert r.header.subtitle == "Une commande de 410 millions d’euros qui assure dix ans d’activité au site de Belfort"
    assert r.paragraphs[0].text.startswith("Ferroval et la Région")


def test_the_bulleted_lines_of_a_paragraph_keep_their_bullet_between_them() -> None:
    # One block, a lead-in and its items: one paragraph whose items stay apart, so that each item's
    # apposition ends with it.
    seg = segment(
        "Delegation of business leaders visits the port\n\n"
        "SAN SALVADOR, 3 March 2025 – A delegation of business leaders visited the port on Monday to discuss "
        "new shipping routes with the authorities.\n\n"
        "The delegation was led by:\n"
        "• Rebeca Alvarado, president of the Chamber of Commerce\n"
        "• Mauricio Henríquez, executive director of the Industry Association\n\n"
        "The visit ends on Friday with a meeting at the ministry of transport in the capital.\n"
    )
    assert seg.paragraphs[1] == (
        "The delegation was led by: Rebeca Alvarado, president of the Chamber of Commerce • Mauricio Henríquez, "
        "executive director of the Industry Association"
    )


def test_a_lists_lead_in_at_the_end_of_a_release_is_kept() -> None:
    # The footer rules drop short lines after the last sentence; a lead-in over its bulleted items is text.
    seg = segment(
        "Delegation of business leaders visits the port\n\n"
        "SAN SALVADOR, 3 March 2025 – A delegation of business leaders visited the port on Monday to discuss "
        "new shipping routes with the authorities.\n\n"
        "The delegation was led by:\n"
        "• Rebeca Alvarado, president of the Chamber of Commerce\n"
        "• Mauricio Henríquez, executive director of the Industry Association\n"
    )
    assert seg.paragraphs[-1].startswith("The delegation was led by: Rebeca Alvarado")


def test_a_list_of_people_under_its_lead_in_at_the_end_is_kept() -> None:
    # The European Parliament's delegation list: one member a line, no bullets, after the last paragraph.
    text = (
        "MEPs end mission to Moldova\n\n"
        "A delegation of the Committee on Security and Defence visited Chișinău from 14 to 16 April, it said.\n\n"
        "The members met the Minister of Defence and visited the border with the country's officials.\n\n"
        "Members of the delegation:\nTomás OLIVEIRA (S&D, PT)\nLine SØNDERGAARD (Greens/EFA, DK)\n\n"
        "Contacts:\nPress Officer\n(+32) 2 28 40000\n"
    )
    release = communique.parse(text, "text")
    assert {a.name: a.country for a in release.attendees} == {"Tomás OLIVEIRA": "PT", "Line SØNDERGAARD": "DK"}
    assert not any("40000" in p.text for p in release.paragraphs)  # the contacts still go


def test_a_bulleted_list_a_sentence_introduces_is_no_menu() -> None:
    # Short bulleted items after "… the following countries:" are the body's, however short: nothing is lost.
    text = (
        "Army marks its anniversary\n\n"
        "Mexico City, 19 February 2025 – The Ministry of National Defence held a ceremony for the army's anniversary.\n\n"
        "Military attachés accredited in Mexico from the following countries attended:\n\n"
        "  • United States\n  • Guatemala\n  • Belize\n  • Chile\n\n"
        "The Secretary of National Defence gave a speech and reviewed the troops on the parade ground.\n"
    )
    release = communique.parse(text, "text")
    assert any("Guatemala • Belize • Chile" in p.text for p in release.paragraphs)


def test_an_amount_in_a_headline_is_no_document_label() -> None:
    # "EUR 9 million" reads like a label's code ("PRESSE 52") only in a short line; a headline keeps its score.
    page = (
        "Press Release\n24 April 2025\n\n"
        "Fake slimming pills and pain medicines worth EUR 9 million seized in Europe-wide operation\n\n"
        "Nine countries targeted online shops and parcel hubs in a week of coordinated checks\n\n"
        "Law enforcement, customs and medicines authorities from nine European countries have seized more than "
        "three million doses of counterfeit medicines, Europol said today.\n"
    )
    segments = segment(page)
    assert segments.title.startswith("Fake slimming pills")
    assert segments.subtitle is not None and segments.subtitle.startswith("Nine countries")


@pytest.mark.parametrize(
    "masthead",
    [
        "Republic of the Philippines\nOffice of Civil Defense\nNational Disaster Risk Reduction and Management Council",
        "Secretaría de Gestión de Riesgos\nRepública del Ecuador\n\nBoletines de prensa",
        "CEPICI\nCentre de Promotion des Investissements en Côte d'Ivoire\n\nPar Service Communication",
        "gob.mx\nAgencia Mexicana de Cooperación Internacional para el Desarrollo\nPrensa",
    ],
)
def test_a_masthead_of_names_a_section_or_a_byline_is_no_headline(masthead: str) -> None:
    # A state's or a body's name, a section's plural label, a byline, a word alone: the page has no headline,
    # so its title is the first sentence of the body, without its dateline.
    page = (
        f"{masthead}\n\nQUITO, 9 April 2025 – The agency raised its alert level as the river rose. More rain is due.\n"
    )
    segments = segment(page)
    assert segments.title == "The agency raised its alert level as the river rose"
    assert segments.title_derived


def test_a_headline_with_a_long_value_after_its_colon_is_no_field() -> None:
    page = (
        "COMMUNIQUÉ DE PRESSE\n"
        "Contact presse : Julien Mertens, porte-parole, 0470/12.34.56\n"
        "Rénovation des écoles : 120 millions d'euros pour 85 bâtiments scolaires\n\n"
        "Le Gouvernement a approuvé ce jeudi la rénovation de 85 écoles, pour un budget de 120 millions d'euros.\n"
    )
    assert segment(page).title == "Rénovation des écoles : 120 millions d'euros pour 85 bâtiments scolaires"


def test_a_letterheads_state_name_under_the_date_is_no_dateline() -> None:
    text = (
        "Communiqué relatif au déraillement d'un train de marchandises à Bélabo\n\n"
        "Publié le : 07/03/2025\n\nREPUBLIQUE DU CAMEROUN\nPaix – Travail – Patrie\n\n"
        "Le Gouvernement informe l'opinion publique qu'un train de marchandises a déraillé jeudi près de la gare.\n"
    )
    assert communique.parse(text, "text").header.dateline is None
