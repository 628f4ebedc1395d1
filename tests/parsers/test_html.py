"""The ``html`` parser on pages from elsewhere: markup first, trafilatura for the main content, the text rules."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import communique
from communique import registry
from communique.errors import ParseError
from communique.model import PressRelease, stamp_day
from communique.parsers.html import MAX_BYTES, decode

DATA = Path(__file__).parents[1] / "data" / "html"
PAGES = sorted(p for p in DATA.glob("[0-9]*.html"))


def test_there_are_at_least_twelve_pages_in_three_languages() -> None:
    assert len(PAGES) >= 12
    assert {p.stem.rsplit("_", 1)[1] for p in PAGES} == {"en", "fr", "es"}
    assert all(p.with_suffix(".txt").exists() for p in PAGES)


def _wall(value: dt.date | None) -> object:
    """A stamp as the page's text shows it: the day, and the wall-clock time when there is one."""
    if isinstance(value, dt.datetime):
        return (value.date(), value.time().replace(tzinfo=None))
    return value


def _same_stamp(html: dt.date | None, text: dt.date | None) -> bool:
    # The text gives a naive time or only a day; the markup gives the instant with its offset.
    if text is None:
        return True  # the markup says more than the text: nothing to compare
    if html is None:
        return False
    if not isinstance(text, dt.datetime) or not isinstance(html, dt.datetime):
        return stamp_day(html) == stamp_day(text)
    return _wall(html) == _wall(text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_page_and_its_text_copy_give_the_same_release(page: Path) -> None:
    html = communique.read(page)
    text = communique.read(page.with_suffix(".txt"))
    hh, th = html.header, text.header
    assert hh.title == th.title
    assert hh.subtitle == th.subtitle
    assert hh.language.split("-")[0] == th.language
    assert hh.dateline == th.dateline
    assert hh.reference == th.reference
    assert hh.title_derived == th.title_derived
    if th.url is not None:
        assert hh.url == th.url
    if th.source is not None:
        assert hh.source == th.source
    assert (html.dates.start, html.dates.end) == (text.dates.start, text.dates.end)
    assert _same_stamp(html.dates.published, text.dates.published)
    assert _same_stamp(html.dates.updated, text.dates.updated)
    # A copy may turn no-break spaces into spaces; the words are the same.
    assert [" ".join(p.text.split()) for p in html.paragraphs] == [" ".join(p.text.split()) for p in text.paragraphs]
    assert [(" ".join(q.text.split()), q.speaker) for q in html.quotes] == [
        (" ".join(q.text.split()), q.speaker) for q in text.quotes
    ]
    assert html.attendees == text.attendees
    assert html.mentions == text.mentions


def test_markup_wins_over_text() -> None:
    nato = communique.read(DATA / "01_nato_news_en.html")
    assert nato.header.url == "https://www.nato.int/cps/en/natohq/news_218001.htm"  # <link rel=canonical>
    assert nato.header.source == "NATO"  # og:site_name
    wire = communique.read(DATA / "09_wire_en.html")
    # The page's byline ("News provided by …") names who issued it; the JSON-LD publisher is the wire.
    assert wire.header.source == "Harbor Light Robotics"
    assert wire.header.language == "en"  # <html lang="en-US">: its primary subtag, as the text parser gives
    assert wire.dates.published == dt.datetime(2024, 3, 21, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    gov = communique.read(DATA / "10_govuk_en.html")
    # The markup's stamp as the page shows it: "Published 4 December 2023" is a day; the JSON-LD's
    # dateModified, which the page does not show, is the CMS's last save, not an announced update.
    assert gov.dates.published == dt.date(2023, 12, 4)
    assert gov.dates.updated is None
    event = communique.read(DATA / "13_nato_event_en.html")
    assert (event.dates.start, event.dates.end) == (dt.date(2024, 1, 17), dt.date(2024, 1, 18))


def test_the_home_country_comes_from_the_banner() -> None:
    moncloa = communique.read(DATA / "08_moncloa_es.html")
    assert moncloa.attendee("Pilar Echeverría").country == "ES"
    armees = communique.read(DATA / "07_ministere_fr.html")
    assert armees.attendee("Julien Marchetti").country == "FR"


def test_a_logo_written_over_two_lines_names_the_home_state() -> None:
    # The French state's design system prints its logo "République<br>Française": both lines count.
    page = (
        "<html lang='fr'><body><header role='banner'><p class='fr-logo'>République<br>Française</p>"
        "<p>Ministère de l’Agriculture</p></header><main><h1>La ministre lance le plan de replantation</h1>"
        "<p>Laval, le 14 mars 2025 – La ministre, Hélène Castagnède, a lancé ce vendredi en Mayenne le plan.</p>"
        "<p>Le plan doit permettre de replanter cinquante mille kilomètres de haies d’ici à 2030 en France.</p>"
        "</main></body></html>"
    )
    assert communique.parse(page, "html").attendee("Hélène Castagnède").country == "FR"


def test_a_quote_blocks_author_element_names_the_speaker() -> None:
    # The French state's design system: <blockquote class="fr-quote"> … <div class="fr-quote__author">.
    page = (
        "<html lang='fr'><body><main><h1>La ministre lance le plan Haies</h1>"
        "<p>Laval, le 14 mars 2025 – La ministre, Hélène Castagnède, a lancé ce vendredi le plan en Mayenne.</p>"
        "<p>Le préfet de la Mayenne, Jean-Baptiste Morvan, a présenté les premiers chantiers du département.</p>"
        "<blockquote class='fr-quote'><p>« La haie n’est pas un décor : c’est un outil de production. »</p>"
        "<div class='fr-quote__author'>Hélène Castagnède</div></blockquote>"
        "<p>Le plan doit permettre de replanter cinquante mille kilomètres de haies d’ici à 2030.</p>"
        "</main></body></html>"
    )
    quotes = communique.parse(page, "html").quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("La haie n’est pas un décor : c’est un outil de production.", "Hélène Castagnède")
    ]


@pytest.mark.parametrize("css_class", ["gsc-standfirst", "ep-layout_chapo", "entradilla", "story-summary"])
def test_a_block_the_page_marks_as_its_standfirst_is_the_subtitle(css_class: str) -> None:
    standfirst = "Les États membres devront disposer de stocks couvrant au moins soixante jours de consommation."
    page = (
        "<html lang='fr'><body><main><h1>Le Conseil arrête sa position sur les réserves de céréales</h1>"
        f"<div class='{css_class}'><p>{standfirst}</p></div>"
        "<p>Le Conseil a arrêté aujourd’hui sa position sur le règlement relatif aux réserves stratégiques.</p>"
        "<p>Les négociations avec le Parlement européen pourront commencer dès le mois de juin prochain.</p>"
        "</main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.subtitle == standfirst
    assert release.paragraphs[0].text.startswith("Le Conseil a arrêté")


def test_a_lead_block_that_opens_with_the_dateline_is_the_first_paragraph() -> None:
    page = (
        "<html lang='fr'><body><main><h1>La Suisse et l’Autriche coopèrent sur l’hydrogène</h1>"
        "<div class='lead'><p>Berne, 14.03.2025 - La conseillère fédérale et son homologue ont signé ce vendredi "
        "une déclaration commune sur le transport d’hydrogène.</p></div>"
        "<p>La déclaration prévoit la création d’un groupe de travail bilatéral réunissant les offices.</p>"
        "</main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.subtitle is None and release.header.dateline == "Berne"


def test_the_pieces_of_a_metadata_row_are_read_apart() -> None:
    # <div class="newsroom-meta"> with a section, a date and a place as spans: "… | 30 mai 2025 | Strasbourg".
    page = (
        "<html lang='fr'><body><main><div class='newsroom-meta'><span>Secrétaire Générale adjointe</span> "
        "<span>30 mai 2025</span> <span>Strasbourg</span></div>"
        "<h1>La Secrétaire Générale adjointe reçoit la ministre moldave de la Justice</h1>"
        "<p>La Secrétaire Générale adjointe du Conseil de l’Europe a reçu aujourd’hui la ministre de la Justice.</p>"
        "<p>Les discussions ont porté sur l’évaluation de l’intégrité des juges et des procureurs du pays.</p>"
        "</main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.dates.start == dt.date(2025, 5, 30)
    assert release.header.dateline == "Strasbourg"


def test_a_line_break_inside_a_sentence_keeps_one_paragraph() -> None:
    page = (
        "<html lang='es'><body><main><h1>El canciller recibió a su homólogo paraguayo</h1>"
        "<p class='meta'>Compartir <a href='#'>X</a> <a href='#'>Facebook</a><br>Actualizado el 13/05/2025</p>"
        "<p>El canciller Gerardo Quintana Alvear recibió hoy al canciller de Paraguay, Rubén Benítez Ocampo, con quien "
        "repasó la agenda bilateral<br />y los preparativos de la próxima Cumbre del Mercosur.</p>"
        "<p>Ambos ministros conversaron sobre la navegación de la Hidrovía y el control del tráfico fluvial.</p>"
        "</main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.paragraphs[0].text.endswith(
        "la agenda bilateral y los preparativos de la próxima Cumbre del Mercosur."
    )
    assert {a.name for a in release.attendees} >= {"Gerardo Quintana Alvear", "Rubén Benítez Ocampo"}
    assert release.dates.updated == dt.date(2025, 5, 13)


def test_a_standfirst_after_the_dates_of_a_main_role_page_is_the_subtitle_and_still_counts() -> None:
    # <main role="main">, the headline, a dates block, then <div class="chapo">: its event days and its
    # countries count, as the body's do.
    page = (
        "<html lang='fr'><body><main role='main'><article><h1>Exercice Baltic Shield : les chasseurs alpins "
        "s’entraînent en Estonie</h1><div class='article-dates'><p>Publié le <time datetime='2025-03-12'>12 mars "
        "2025</time></p></div><div class='chapo'><p>Du 3 au 14 mars, près de 900 militaires français, estoniens "
        "et belges manœuvrent dans la neige du sud de l’Estonie.</p></div>"
        "<p>Sous le commandement de la 27e brigade d’infanterie de montagne, l’exercice réunit trois bataillons.</p>"
        "<p>Les unités s’entraînent au combat en zone boisée et au franchissement de cours d’eau gelés.</p>"
        "</article></main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.subtitle is not None and release.header.subtitle.startswith("Du 3 au 14 mars")
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 3, 3), dt.date(2025, 3, 14))
    assert {a.country for a in release.attendees} >= {"BE", "EE", "FR"}


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("FFAM - Fédération Française d'Aviron de Mer - Actualités", "Fédération Française d'Aviron de Mer"),
        (
            "La sélection est dévoilée - Ministerio de Relaciones Exteriores - Gobierno",
            "Ministerio de Relaciones Exteriores",
        ),
    ],
)
def test_an_h1_that_names_the_site_over_a_longer_h2_headline(title: str, h1: str) -> None:
    page = (
        f"<html lang='fr'><head><title>{title}</title></head><body><table><tr><td><h1>{h1}</h1></td></tr>"
        "<tr><td><h2>L’équipe de France dévoilée pour les Championnats d’Europe d’aviron de mer</h2>"
        "<p>Le directeur technique national a dévoilé mercredi la liste des douze rameurs retenus.</p>"
        "<p>Les championnats se tiendront du 18 au 20 juillet sur la côte basque, à Hendaye.</p>"
        "</td></tr></table></body></html>"
    )
    title_read = communique.parse(page, "html").header.title
    assert title_read == "L’équipe de France dévoilée pour les Championnats d’Europe d’aviron de mer"


@pytest.mark.parametrize(
    ("title", "h2"),
    [
        # The <h2> the page marks as its headline (schema.org microdata).
        ("ENSPY", '<h2 itemprop="headline">'),
        # The <h2> the <title> names as the article's, under an <h1> it does not name.
        ("Remise des diplômes 2025 : 214 ingénieurs et un double diplôme avec Montréal - ENSPY", "<h2>"),
    ],
)
def test_an_h2_the_page_names_as_its_headline_under_the_schools_h1(title: str, h2: str) -> None:
    page = (
        f"<html lang='fr'><head><title>{title}</title></head><body><div class='page-header'>"
        "<h1>École nationale supérieure polytechnique de Yaoundé</h1></div><div class='item-page'>"
        f"{h2}Remise des diplômes 2025 : 214 ingénieurs et un double diplôme avec Montréal</h2>"
        "<p>L’École a remis samedi leurs diplômes à 214 ingénieurs de la promotion 2025.</p>"
        "<p>La cérémonie s’est tenue en présence du ministre de l’Enseignement supérieur, des familles et des "
        "partenaires de l’École venus de Montréal pour l’occasion.</p></div></body></html>"
    )
    title_read = communique.parse(page, "html").header.title
    assert title_read == "Remise des diplômes 2025 : 214 ingénieurs et un double diplôme avec Montréal"


def test_a_stamp_in_a_field_of_its_own_after_the_body_dates_the_release() -> None:
    # A Drupal page (held-out corpus): the body's text three levels down in its field, then "Date published:" /
    # "22 Aug 2025" in a sibling field after it; the lead tells the day as "on Tuesday".
    release = communique.read(DATA.parent / "htmlhold4" / "sagov" / "05_dsti_science_centre_en.html")
    assert release.dates.published == dt.date(2025, 8, 22)
    assert release.dates.start == dt.date(2025, 8, 19)  # the Tuesday before


def test_encodings_from_meta_http_equiv_and_meta_charset() -> None:
    raw = (DATA / "02_nato_news_fr.html").read_bytes()
    assert "é".encode() not in raw  # windows-1252 bytes, declared by http-equiv
    assert "Comité militaire" in communique.read(DATA / "02_nato_news_fr.html").header.title
    moncloa = (DATA / "08_moncloa_es.html").read_bytes()
    assert b'charset="iso-8859-15"' in moncloa
    assert communique.read(DATA / "08_moncloa_es.html").header.title.startswith("La ministra de Defensa")


def test_bom_wins_over_the_declaration() -> None:
    page = '<!DOCTYPE html><html><head><meta charset="windows-1252"></head><body><p>Génial</p></body></html>'
    assert "Génial" in decode(b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert "Génial" in decode(page.encode("utf-16-le").join([b"\xff\xfe", b""]))
    assert "Génial" in decode(page.replace("windows-1252", "utf-8").encode("utf-8"))
    assert "Génial" in decode(page.replace(' charset="windows-1252"', "").encode("cp1252"))  # not UTF-8: 1252


def test_scripts_styles_comments_and_hidden_text_never_become_text() -> None:
    release = communique.read(DATA / "01_nato_news_en.html")
    everything = release.header.title + release.text
    for leak in ("dataLayer", "display: none", "carousel", "Skip to main content", "Related news", "© NATO"):
        assert leak not in everything
    gov = communique.read(DATA / "10_govuk_en.html")
    assert "cookies" not in gov.text.lower()


def test_broken_html_is_repaired_as_browsers_do() -> None:
    page = (
        b"<html lang=en><title>x</title><body><main><h1>Port reopens after the storm"
        b"<p>HAMBURG \xe2\x80\x93 The port of Hamburg reopened on Monday after the storm that closed it for two days."
        b"<p>Ships waiting in the estuary were given berths in the order of their arrival, the port authority said."
        b"<div><p>Traffic is expected to be back to normal by the end of the week.</div>"
    )
    release = communique.parse(page, "html")
    assert release.header.title == "Port reopens after the storm"
    assert release.header.dateline == "HAMBURG"
    assert len(release.paragraphs) == 3


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_a_release_search_en.html", "SearchResultsPage"),
        ("not_a_release_index_fr.html", "index page"),
    ],
)
def test_a_page_that_is_not_a_release_is_a_clear_error(name: str, message: str) -> None:
    with pytest.raises(ParseError, match=f"not a press release.*{message}") as caught:
        communique.read(DATA / name)
    assert caught.value.format == "html"


def test_a_list_of_links_without_json_ld_is_an_index() -> None:
    data = (DATA / "not_a_release_search_en.html").read_bytes().replace(b"SearchResultsPage", b"WebPage")
    with pytest.raises(ParseError, match="list of links"):
        communique.parse(data, "html")


@pytest.mark.parametrize("data", [b"", b"   ", b"<html></html>", b"<!DOCTYPE html><html><body></body></html>"])
def test_empty_pages_are_parse_errors(data: bytes) -> None:
    with pytest.raises(ParseError):
        communique.parse(data, "html")


def test_input_is_bounded() -> None:
    with pytest.raises(ParseError, match="larger than"):
        communique.parse(b"<html>" + b" " * (MAX_BYTES + 1), "html")


def test_blockquote_cite_and_q_data_speaker_name_the_speaker() -> None:
    page = """<!DOCTYPE html><html lang="en"><body><article><h1>Ministers agree water plan</h1>
    <p>GENEVA – Ministers from nine countries agreed on Tuesday a plan to repair the region's water networks by 2030.</p>
    <figure><blockquote><p>No family should walk a day for clean water.</p></blockquote>
    <figcaption>— Amina Diallo, Minister of Water</figcaption></figure>
    <p>The plan was welcomed by <q data-speaker="Jon Berg">a turning point for the region</q>, one delegate said.</p>
    </article></body></html>"""
    release = communique.parse(page, "html")
    said = {q.text: q.speaker for q in release.quotes}
    assert said["No family should walk a day for clean water."] == "Amina Diallo"  # the name, not its role
    assert said["a turning point for the region"] == "Jon Berg"
    assert "Amina" not in release.text  # the caption names the speaker; it is not body text


def test_sniffed_by_content() -> None:
    head = (DATA / "01_nato_news_en.html").read_bytes()[:512]
    assert registry.sniff(head) == "html"
    assert registry.sniff(b"\xef\xbb\xbf  <!-- saved -->\n<!doctype HTML><html>") == "html"
    assert registry.sniff(b"<nitf><head/></nitf>") != "html"
    assert registry.sniff(b"Title\n\nParagraph") == "text"
    assert registry.parser_for("page.htm") == "html"


def test_read_a_page_fetched_with_your_own_client() -> None:
    # What the docs show: fetch the bytes yourself, then parse them (no network in communique).
    data = (DATA / "05_un_press_en.html").read_bytes()
    release: PressRelease = communique.parse(data, "html")
    assert release.header.reference == "SG/SM/22170"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        communique.parse(data.decode("utf-8"), "html")  # text works too


_MENU = "".join(f'<li><a href="/{k}">Menu entry {k}</a></li>' for k in range(10))
_ARTICLE = (
    "<p>La Junta de Gobierno Local aprobó ayer la rehabilitación del antiguo molino como centro del río.</p>"
    "<p>Las obras, con un presupuesto de 1,4 millones de euros, comenzarán en la primavera del año próximo.</p>"
    "<p>El centro contará con una sala de exposiciones, un aula para escolares y un mirador sobre el río.</p>"
)


def test_a_table_page_whose_menus_are_kept_with_its_article_is_a_release() -> None:
    # No <article>, no <main>: the extractor keeps the menus around the body; three paragraphs in a row
    # without a link between them are an article, not a list of links.
    page = (
        '<html lang="es-ES"><head><title>Ayuntamiento - Noticias</title></head><body><table><tr>'
        f"<td><ul>{_MENU}</ul></td><td><b>El Ayuntamiento aprueba la rehabilitación del molino</b>{_ARTICLE}"
        f"<ul>{_MENU}</ul></td></tr></table></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.language == "es"
    assert release.paragraphs[0].text.startswith("La Junta de Gobierno")


def test_a_site_name_set_as_the_h1_is_no_headline() -> None:
    page = (
        "<html lang='fr'><head><title>Inauguration de la médiathèque - Ville de Belcastel</title></head><body>"
        "<div id='entete'><h1><a href='/'>Ville de Belcastel</a></h1></div>"
        "<div id='contenu'><h2>Inauguration de la médiathèque : un lieu de vie au cœur du quartier</h2>"
        "<p>Belcastel, le 3 avril 2026 – La maire a inauguré jeudi la médiathèque, installée dans l’ancienne halle.</p>"
        "<p>Le bâtiment accueille une salle de lecture, un espace pour les enfants et un auditorium de cent places.</p>"
        "</div></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.title == "Inauguration de la médiathèque : un lieu de vie au cœur du quartier"
    assert release.header.dateline == "Belcastel"


def test_a_metadata_list_outside_the_title_row_still_dates_the_page() -> None:
    # GOV.UK-style rows: the title and standfirst in one row, "From: / Published" in the next.
    page = (
        "<html lang='en'><body><main><div class='row'><div><span>Press release</span>"
        "<h1>Composites maker to create 180 jobs in Castlebar</h1>"
        "<p>The company will invest 24 million euro in a plant at the business park, the agency said today.</p>"
        "</div></div><div class='row'><div><dl><dt>From:</dt><dd><a href='/about'>Western Development Agency</a></dd>"
        "<dt>Published</dt><dd>6 March 2025</dd></dl>"
        "<p>The company, which is based in Esbjerg, will lease a building at the park from the agency next year.</p>"
        "<p>The announcement was made at an event attended by the minister and by local business leaders.</p>"
        "</div></div></main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.dates.published == dt.date(2025, 3, 6)
    assert release.dates.start == dt.date(2025, 3, 6)  # no event day: the page's own
    assert release.header.source == "Western Development Agency"


def _stamped_page(time: str, shown: str = "") -> str:
    return (
        "<html lang='en'><head><meta property='article:published_time' content='2026-05-14T09:00:00+03:00'>"
        f"</head><body><article><h1>Cash reaches herders before the drought</h1>{time}{shown}"
        "<p>The agency sent cash to eleven thousand households in the north ahead of the dry season, it said.</p>"
        "<p>The transfers were made through mobile money accounts opened with the help of local partners.</p>"
        "</article></body></html>"
    )


def test_a_markup_stamp_takes_the_precision_the_page_shows() -> None:
    # A <time> of the markup's instant that shows a day: the release's stamp is that day, as a reader has it.
    shown_day = communique.parse(
        _stamped_page("<p><time datetime='2026-05-14T06:00:00Z'>14 May 2026</time></p>"), "html"
    )
    assert shown_day.dates.published == dt.date(2026, 5, 14)
    # The day it shows, not the UTC day of the instant (New Zealand's morning is the previous evening in UTC).
    eve = (
        _stamped_page("<p><time datetime='2026-05-14T06:00:00Z'>14 May 2026</time></p>")
        .replace("2026-05-14T09:00:00+03:00", "2026-05-15T08:00:00+12:00")
        .replace("2026-05-14T06:00:00Z", "2026-05-14T20:00:00Z")
        .replace("14 May 2026", "15 May 2026")
    )
    assert communique.parse(eve, "html").dates.published == dt.date(2026, 5, 15)
    # A <time> that shows a clock time gives that time — with no zone, as the page shows none.
    clock = _stamped_page("<p><time datetime='2026-05-14T06:00:00Z'>14 May 2026, 09:00</time></p>")
    assert communique.parse(clock, "html").dates.published == dt.datetime(2026, 5, 14, 9, 0)
    # A page that shows no stamp at all: the markup's, whole.
    assert communique.parse(_stamped_page(""), "html").dates.published == dt.datetime(
        2026, 5, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))
    )
    # A shown stamp of another day does not overrule the markup (the page's text is read by rules).
    other = communique.parse(_stamped_page("", "<p>Published 2 May 2026</p>"), "html")
    assert other.dates.published == dt.datetime(2026, 5, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    # A date line of that day, no label, no <time>: the day the page shows.
    line = communique.parse(_stamped_page("", "<p class='date'>14 May 2026</p>"), "html")
    assert line.dates.published == dt.date(2026, 5, 14)
    # A shown stamp of the same day: that day.
    same = communique.parse(_stamped_page("", "<p>Published 14 May 2026</p>"), "html")
    assert same.dates.published == dt.date(2026, 5, 14)
    # A date line of that day over a lead that gives the event's own days: still the day the page shows.
    held = _stamped_page("", "<p class='date'>14 May 2026</p>").replace(
        "<p>The transfers", "<p>The meeting, held on 12 and 13 May, agreed the plan. The transfers"
    )
    release = communique.parse(held, "html")
    assert (release.dates.start, release.dates.end) == (dt.date(2026, 5, 12), dt.date(2026, 5, 13))
    assert release.dates.published == dt.date(2026, 5, 14)


def test_an_update_counts_only_where_the_page_shows_it() -> None:
    modified = "<meta property='article:modified_time' content='2026-05-15T10:20:00+03:00'>"
    hidden = _stamped_page("").replace("</head>", f"{modified}</head>")
    assert communique.parse(hidden, "html").dates.updated is None  # the CMS's last save
    marked = _stamped_page("<p><time class='updated' datetime='2026-05-15T07:20:00Z'>15 May 2026</time></p>")
    assert communique.parse(marked.replace("</head>", f"{modified}</head>"), "html").dates.updated == dt.date(
        2026, 5, 15
    )
    labelled = _stamped_page("", "<p>Last updated 15 May 2026 10:20</p>").replace("</head>", f"{modified}</head>")
    # (Shown without its zone beside a publication with one, a pair the model refuses: the markup's pair.)
    assert communique.parse(labelled, "html").dates.updated == dt.datetime(
        2026, 5, 15, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=3))
    )


def test_a_markup_publication_stamp_dates_a_release_with_no_event_day() -> None:
    page = (
        "<html lang='en'><head><meta property='article:published_time' content='2025-07-16T09:00:00+08:00'>"
        "</head><body><article><h1>Inaugural flight from Kigali lands</h1>"
        "<p>The airport welcomed the inaugural flight of the airline from Kigali on Tuesday night, the first link.</p>"
        "<p>The service will operate three times a week with a stop in another city on the way to Singapore.</p>"
        "</article></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.dates.start == dt.date(2025, 7, 15)  # the Tuesday before Wednesday 16 July


def test_a_table_layout_whose_blocks_the_extractor_glues_and_reorders() -> None:
    # An old Joomla page (held-out corpus): the extractor returns the footer first, then one block that
    # glues "Press Release No. 2025/07" to the dateline paragraph, the rates table as rows of their own.
    release = communique.read(DATA.parent / "htmlhold2" / "centralbank" / "02_mpc_policy_rate_en.html")
    assert release.header.dateline == "Banjul" and release.header.reference == "2025/07"
    assert (release.dates.start, release.dates.end) == (dt.date(2025, 5, 27), dt.date(2025, 5, 28))
    assert release.paragraphs[0].text.startswith("The Monetary Policy Committee (MPC)")
    assert len(release.quotes) == 3 and "Lamin K. Jobarteh" in {a.name for a in release.attendees}


def test_a_table_cell_whose_paragraphs_the_extractor_runs_together_is_still_an_article() -> None:
    # An old table layout (held-out corpus): the article's paragraphs in one cell, no <article>; the
    # extractor gives the cell as one text with no space between its paragraphs ("… registro civil4 de
    # septiembre de 2025C-045/25El …"), in which no sentence ends.  Its paragraphs are read one by one.
    release = communique.read(DATA.parent / "htmlhold4" / "oea" / "17_sg_canciller_guatemala_es.html")
    assert release.header.title.startswith("Secretario General de la OEA y Canciller de Guatemala")
    assert release.dates.start == dt.date(2025, 9, 4) and len(release.paragraphs) == 5
    assert [q.speaker for q in release.quotes] == ["Rodrigo Larrañaga Ibáñez", "Óscar Hidalgo Barrios"]


_STANDFIRST = "Eight fire engines and an aerial ladder platform were sent to the site on Sunday evening."
_LEAD = (
    "CROYDON, 3 March 2025 – Firefighters tackled a large fire at a recycling yard on Sunday evening, the service said."
)


def test_the_pages_description_printed_whole_above_the_body_is_the_standfirst() -> None:
    page = (
        f"<html lang='en'><head><meta name='description' content='{_STANDFIRST}'></head><body><article>"
        f"<h1>Large fire at a recycling yard</h1><p class='intro'>{_STANDFIRST}</p>"
        "<p>Firefighters tackled a large fire at a recycling yard on Sunday evening, the service said today.</p>"
        "<p>Crews worked through the night to stop the fire spreading to a nearby warehouse and homes.</p>"
        "</article></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.subtitle == _STANDFIRST
    assert release.paragraphs[0].text.startswith("Firefighters")


def test_a_description_cut_from_the_first_paragraph_is_no_standfirst() -> None:
    page = (
        f"<html lang='en'><head><meta name='description' content='{_LEAD}'></head><body><article>"
        f"<h1>Large fire at a recycling yard</h1><p>{_LEAD}</p>"
        "<p>Crews worked through the night to stop the fire spreading to a nearby warehouse and homes.</p>"
        "</article></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.subtitle is None and release.header.dateline == "CROYDON"
    assert release.paragraphs[0].text.startswith("Firefighters")


def test_the_person_a_quote_blocks_cite_names_takes_part_with_its_role() -> None:
    page = """<!DOCTYPE html><html lang="en"><body><article><h1>Battery recycler expands in Kitchener</h1>
    <p>KITCHENER — The province is investing in a battery recycling plant that will create eighty jobs in the region.</p>
    <blockquote><p>“Kitchener has the skilled workers that a project like this needs.”</p>
    <footer>– Desmond Arkwright<br>MPP for Kitchener Centre</footer></blockquote>
    <p>The plant will open next year and process ten thousand tonnes of batteries every year, the company said.</p>
    </article></body></html>"""
    release = communique.parse(page, "html")
    (quote,) = release.quotes
    assert quote.speaker == "Desmond Arkwright" and quote.attendee is not None
    assert release.attendees[quote.attendee].name == "Desmond Arkwright"
    assert release.attendees[quote.attendee].role == "MPP for Kitchener Centre"


def test_a_time_marked_with_rdfa_and_no_datetime_attribute_is_a_stamp() -> None:
    # Canada.ca's footer: "Date modified:" <time property="dateModified">2026-06-09</time>.
    page = (
        "<html lang='en'><head><title>Harbour works begin | Canada.ca</title></head><body><main>"
        "<h1>Harbour works begin in three communities</h1>"
        "<p>OTTAWA, June 2, 2026 – The Government of Canada announced today that repairs to three small craft"
        " harbours will begin this summer, with work expected to last two seasons.</p>"
        "<p>The repairs will replace wharves and breakwaters that storms damaged last winter.</p>"
        "</main><footer><dl><dt>Date modified:</dt><dd><time property='dateModified'>2026-06-09</time></dd></dl>"
        "</footer></body></html>"
    )
    assert communique.parse(page, "html").dates.updated == dt.date(2026, 6, 9)


def test_the_items_of_a_list_between_two_paragraphs_of_the_body_are_the_bodys() -> None:
    # An old CMS's div soup: the extractor keeps the paragraphs and drops the list of participants.
    items = "".join(
        f"<li>{name}, ministro de Relaciones Exteriores de {country};</li>"
        for name, country in (("Marco Solís Paredes", "Guatemala"), ("Karla Núñez Rivas", "Honduras"))
    )
    page = (
        "<html lang='es'><head><title>Cancilleres aprueban hoja de ruta | SICA</title></head><body>"
        "<div id='contenido'><h2>Cancilleres aprueban hoja de ruta regional</h2>"
        "<div class='texto'><p>SAN SALVADOR, 12 de junio de 2025 – Los ministros de Relaciones Exteriores de los países "
        "del SICA aprobaron este jueves una hoja de ruta sobre gestión del riesgo climático.</p>"
        f"<p>La reunión fue presidida por la ministra de Relaciones Exteriores de El Salvador, Claudia Renderos. Participaron:</p><ul>{items}</ul>"
        "<p>Los cancilleres acordaron elevar la hoja de ruta a la Reunión de Presidentes prevista para el 27 de junio.</p>"
        "</div></div></body></html>"
    )
    release = communique.parse(page, "html")
    found = {a.name: a.country for a in release.attendees if a.name}
    assert found.items() >= {("Marco Solís Paredes", "GT"), ("Karla Núñez Rivas", "HN")}


def test_a_boards_view_gives_its_headline_in_a_labelled_table_row() -> None:
    page = (
        "<html lang='en'><head><title>Press Releases View | Ministry of Foreign Affairs</title>"
        "<meta property='og:title' content='Ministry of Foreign Affairs'></head><body>"
        "<div id='header'><h1 class='logo'><a href='/index.do'><img src='/logo.png' alt='Ministry of Foreign Affairs'></a></h1></div>"
        "<table class='board_view'><tr><th scope='row'>Title</th><td>Outcome of the Foreign Ministers' Meeting</td></tr>"
        "<tr><th scope='row'>Date</th><td>2025-06-11</td></tr></table>"
        "<div class='view_content'><p>1. The Foreign Minister held a meeting with her counterpart on June 10, 2025,"
        " and the two discussed trade, energy and the peninsula.</p>"
        "<p>2. The two ministers agreed to hold the next round of consultations in the autumn of this year.</p></div>"
        "</body></html>"
    )
    assert communique.parse(page, "html").header.title == "Outcome of the Foreign Ministers' Meeting"


def test_links_side_by_side_are_apart_not_one_word() -> None:
    # A share bar drawn with icons: its links' words glued together would read as a place before the body.
    page = (
        "<html lang='en'><body><article><h1>Staff team concludes visit to Paraguay</h1>"
        "<div class='date'>September 19, 2025</div>"
        "<div class='share'><a href='#'>Facebook</a><a href='#'>X</a><a href='#'>LinkedIn</a><a href='#'>Email</a></div>"
        "<p>Asunción, Paraguay – September 19, 2025: A staff team led by Ana Ibáñez visited the country this week.</p>"
        "<p>The team met the authorities and representatives of the private sector during the visit, it said.</p>"
        "</article></body></html>"
    )
    from communique.parsers.html import page_lines, parse_tree

    texts = [line.text for line in page_lines(parse_tree(page), "en").lines]
    assert "Facebook | X | LinkedIn | Email" in texts
    assert communique.parse(page, "html").header.dateline == "Asunción"


def test_a_metadata_row_under_a_standfirst_dates_the_release() -> None:
    # The ILO's hero: a standfirst (running text) above "Communiqué de presse | 12 juin 2025".
    page = (
        "<html lang='fr'><body><main><section><h1>La Conférence adopte une convention sur les risques</h1>"
        "<p class='intro'>Pour la première fois, une norme fixe des obligations précises aux États et aux entreprises.</p>"
        "<p class='meta'><span>Communiqué de presse</span> | <span>12 juin 2025</span></p></section>"
        "<div><p>GENÈVE (OIT Info) – Les délégués ont adopté jeudi une convention sur la protection des travailleurs.</p>"
        "<p>La convention a été adoptée par 452 voix pour, 11 contre et 37 abstentions, a indiqué la présidence.</p>"
        "</div></main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.dates.start == dt.date(2025, 6, 12)
    assert release.header.dateline == "GENÈVE"


def test_a_page_without_h1_keeps_the_header_around_its_title_line() -> None:
    # A SharePoint page: the headline in a styled <span>, the title known from <title>/og:title.
    page = (
        "<html lang='es'><head><meta property='og:title' content='Valladolid y Guadalajara firman su hermanamiento'>"
        "</head><body><div class='contenido'><div class='col'><div class='antetitulo'>Relaciones internacionales</div>"
        "<div class='titular'><span>Valladolid y Guadalajara firman su hermanamiento</span></div>"
        "<div class='fecha'>Fecha de publicación: 14/10/2025</div><div class='cuerpo'>"
        "<div><span>El alcalde de Valladolid y la alcaldesa de Guadalajara han firmado este martes el acuerdo.</span></div>"
        "<div><span>Al acto ha asistido también el cónsul general de México en Madrid, además de concejales.</span></div>"
        "</div></div></div></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.dates.published == dt.date(2025, 10, 14)


def test_a_list_a_sentence_introduces_keeps_its_items_and_their_countries() -> None:
    page = (
        "<html lang='en'><head><title>Observers trained | Pacific Agency</title></head><body><article>"
        "<h1>Observers trained to review video from tuna longliners</h1>"
        "<p>NADI – Twenty-four observers from four Pacific Island countries this week completed a course.</p>"
        "<p>The workshop brought together observers from the national fisheries agencies of:</p>"
        "<ul><li>Cook Islands</li><li>Fiji</li><li>Samoa</li><li>Tonga</li></ul>"
        "<p>Cameras that record each hook as it comes aboard allow reviewers on land to log the catch.</p>"
        "</article></body></html>"
    )
    release = communique.parse(page, "html")
    texts = [p.text for p in release.paragraphs]
    assert "Fiji" in texts and "Tonga" in texts  # nothing lost: the list is the body's, not a menu
    assert {a.country for a in release.attendees} == {"CK", "FJ", "WS", "TO"}


def test_a_menus_hidden_heading_is_no_headline_and_the_heading_the_title_opens_with_is() -> None:
    page = (
        "<html lang='es'><head><title>La aerolínea inauguró la ruta directa Córdoba–Lima - Sala de prensa - "
        "Aerolíneas Australes</title><meta property='og:title' content='Primer vuelo Córdoba–Lima'></head><body>"
        "<nav><h1 class='hide-accessible'>Navegación</h1><ul><li><a href='#c'>Saltar al contenido</a></li></ul></nav>"
        "<div class='nota'><p class='volanta'>Nuevas rutas</p>"
        "<h3 class='titulo'>La aerolínea inauguró la ruta directa Córdoba–Lima</h3>"
        "<p>Córdoba, 1 de julio de 2025.– La compañía inauguró hoy su ruta directa entre Córdoba y Lima.</p>"
        "<p>El vuelo inaugural despegó a las 7:40 con 174 pasajeros a bordo y aterrizó en Lima a mediodía.</p>"
        "</div></body></html>"
    )
    assert communique.parse(page, "html").header.title == "La aerolínea inauguró la ruta directa Córdoba–Lima"


def test_the_h1_that_the_title_gives_beside_the_sites_name_is_the_headline() -> None:
    page = (
        "<html lang='en'><head><title>Corvalis and Hallam Partner on Grid Maintenance | Business Wire</title>"
        "<meta property='og:site_name' content='Business Wire'></head><body><div class='release'>"
        "<h1>Corvalis and Hallam Partner on Grid Maintenance</h1>"
        "<h2><i>Multi-year agreement combines drone imagery with fault-prediction models across four states</i></h2>"
        "<p>SAN JOSE, Calif.--(BUSINESS WIRE)--Corvalis Systems today announced a multi-year agreement with Hallam.</p>"
        "<p>The partnership covers fourteen thousand miles of transmission lines in four states, and it starts with "
        "the utility's oldest corridors in the north this summer.</p></div></body></html>"
    )
    assert communique.parse(page, "html").header.title == "Corvalis and Hallam Partner on Grid Maintenance"


def test_a_sections_name_as_the_h1_is_no_headline() -> None:
    page = (
        "<html lang='fr'><head><title>La Secrétaire Générale adjointe salue la réforme judiciaire - Portal</title>"
        "</head><body><div class='title-bar'><h1>Salle de presse</h1></div><div class='asset'>"
        "<h3>La Secrétaire Générale adjointe salue la réforme judiciaire</h3>"
        "<p>Strasbourg, 5 juin 2025 – La Secrétaire Générale adjointe a salué les progrès de la réforme.</p>"
        "<p>Elle a rencontré la ministre de la Justice et les présidents des tribunaux du pays.</p></div></body></html>"
    )
    assert communique.parse(page, "html").header.title == "La Secrétaire Générale adjointe salue la réforme judiciaire"


def test_dates_the_extractor_drops_from_a_line_are_read_as_the_page_shows_them() -> None:
    page = (
        "<html lang='fr'><head><title>Les abeilles perdent le nord</title></head><body><div class='post'>"
        "<p class='kicker'>Recherche · Écologie</p><h1>Les abeilles perdent le nord</h1>"
        "<p class='chapo'>Des chercheurs de l’université montrent que de faibles doses d’insecticide désorientent les abeilles.</p>"
        "<p class='dates'>Publié le <time datetime='2025-06-10T09:00:00+02:00'>10 juin 2025</time> · Mis à jour le "
        "<time datetime='2025-06-12T16:20:00+02:00'>12 juin 2025</time></p><div class='content'>"
        "<p>Les osmies, de petites abeilles solitaires, n’ont pas besoin d’être tuées par un insecticide pour en souffrir.</p>"
        "<p>Résultat : les abeilles exposées mettaient deux fois plus de temps à retrouver leur nid.</p>"
        "</div></div></body></html>"
    )
    dates = communique.parse(page, "html").dates
    assert (dates.published, dates.updated) == (dt.date(2025, 6, 10), dt.date(2025, 6, 12))


def test_a_title_of_one_piece_that_the_h1_repeats_is_the_headline_and_a_date_with_a_no_break_space() -> None:
    page = (
        "<html lang='en'><head><title>Corvane Signs Battery Storage Agreement with Lone Prairie</title>"
        "<meta property='og:site_name' content='GlobeNewswire News Room'></head><body><main class='page'>"
        "<div class='wrap'><h1>Corvane Signs Battery Storage Agreement with Lone Prairie</h1></div>"
        "<div class='body'><p>AUSTIN, Texas, Oct.&nbsp;07, 2025 (GLOBE NEWSWIRE) -- Corvane Systems today announced a "
        "400 MWh battery storage agreement with the Lone Prairie Electric Cooperative.</p>"
        "<p>The system will be built on a former coal site and enter service in the second half of 2027.</p></div>"
        "</main><aside><h2>Stay up to date with the latest news</h2></aside></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.title == "Corvane Signs Battery Storage Agreement with Lone Prairie"
    assert release.header.dateline == "AUSTIN"


def test_a_quote_blocks_cite_that_names_a_source_gives_no_speaker() -> None:
    page = (
        "<html lang='fr'><head><title>Déchets plastiques : une lettre ouverte</title></head><body><article>"
        "<h1>Déchets plastiques : une lettre ouverte</h1>"
        "<p>Paris, le 18 novembre 2025 – Quarante associations publient une lettre ouverte, a expliqué Julien "
        "Marchal, porte-parole du collectif, devant la presse.</p>"
        "<blockquote><p>« Nous ne voulons pas seulement moins de plastique, nous voulons que ceux qui vivent des "
        "déchets vivent mieux. »</p><cite>Extrait de la lettre ouverte</cite></blockquote>"
        "<p>La lettre sera remise au ministère de la Transition écologique la semaine prochaine.</p>"
        "</article></body></html>"
    )
    quote = next(q for q in communique.parse(page, "html").quotes if q.text.startswith("Nous ne voulons"))
    assert quote.speaker is None


def test_two_time_elements_side_by_side_stay_apart() -> None:
    page = (
        "<html lang='fr'><head><title>Plastique : quarante associations écrivent au gouvernement</title></head><body>"
        "<article><h1>Plastique : quarante associations écrivent au gouvernement</h1>"
        "<div class='entry-meta'><span class='posted-on'>Publié le <time class='entry-date published' "
        "datetime='2025-11-18T06:30:00+00:00'>18 novembre 2025</time><time class='updated' "
        "datetime='2025-11-18T09:47:12+00:00'>18 novembre 2025</time></span> <span class='byline'>par Service "
        "presse</span></div>"
        "<p>Paris, le 18 novembre 2025 – Quarante associations publient une lettre ouverte au gouvernement.</p>"
        "<p>La lettre sera remise au ministère de la Transition écologique la semaine prochaine, avec les "
        "signatures recueillies.</p></article></body></html>"
    )
    from lxml import html as lxml_html

    from communique.parsers.html import page_lines

    lines = [line.text for line in page_lines(lxml_html.fromstring(page), "fr").lines]
    assert any(line.startswith("Publié le 18 novembre 2025 | 18 novembre 2025") for line in lines)
    assert not any("202518" in line for line in lines)  # not glued into "18 novembre 202518 novembre 2025"
    assert communique.parse(page, "html").dates.published == dt.date(2025, 11, 18)


def test_an_h1_that_the_sharing_card_titles_is_the_headline_even_outside_the_article() -> None:
    # Liferay's "journal-content-article" is no <article>; og:title says the <h1> is the headline, and the
    # <h2> under it is its standfirst.
    page = (
        "<html lang='es'><head><title>El CSN y Portugal ensayan una respuesta conjunta - Consejo de Seguridad "
        "Nuclear</title><meta property='og:title' content='El CSN y Portugal ensayan una respuesta conjunta'></head>"
        "<body><div class='journal-content-article'><h1 class='nota-titulo'>El CSN y Portugal ensayan una respuesta "
        "conjunta</h1><h2 class='nota-subtitulo'>En el simulacro participaron más de 600 efectivos de ambos países</h2>"
        "<p>Madrid, 4 de abril de 2025 – El Consejo de Seguridad Nuclear y la autoridad portuguesa celebraron el "
        "simulacro los días 2 y 3 de abril.</p><p>Los equipos ensayaron la evacuación de tres municipios.</p>"
        "</div></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.title == "El CSN y Portugal ensayan una respuesta conjunta"
    assert release.header.subtitle == "En el simulacro participaron más de 600 efectivos de ambos países"


def test_a_logo_h1_linking_to_a_languages_home_is_no_headline_and_the_printed_og_title_keeps_its_standfirst() -> None:
    page = (
        "<html lang='fr'><head><meta property='og:title' content='Sommet à Schengen : un titre de transport unique'>"
        "</head><body><header><h1 class='brand'><a href='/fr/'>Grande Région | Großregion</a></h1></header><main>"
        "<div class='news-title'>Sommet à Schengen : un titre de transport unique</div>"
        "<div class='teaser-text'><p>Les exécutifs ont signé une déclaration commune sur la mobilité</p></div>"
        "<p>Schengen, le 27 janvier 2025 – Réunis lundi, les exécutifs ont signé la déclaration de Schengen.</p>"
        "<p>Le titre de transport sera valable dans les trains et les bus des cinq composantes.</p></main></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.title == "Sommet à Schengen : un titre de transport unique"
    assert release.header.subtitle == "Les exécutifs ont signé une déclaration commune sur la mobilité"


def test_a_photographs_caption_is_neither_the_standfirst_nor_the_body() -> None:
    page = (
        "<html lang='en'><body><article><h1>Trade ministers adopt a roadmap on the common external tariff</h1>"
        "<figure><img src='family.jpg' alt=''><figcaption>Family photograph of Ministers and heads of delegation in "
        "Abuja.</figcaption></figure>"
        "<p>Abuja, 13 May 2025 – The Ministers in charge of Trade concluded on Tuesday a two-day meeting.</p>"
        "<p>They adopted a roadmap on the tariff and asked the Commission to report in December.</p>"
        "</article></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.header.subtitle is None
    assert all("photograph" not in p.text for p in release.paragraphs)


def test_a_time_element_that_shows_the_clock_keeps_the_time_inside_a_longer_line() -> None:
    # "Posted on <time>3 March 2025 at 9:40 am</time> by …": the text's line, read whole, gives no time; the
    # <time> shows one (and no zone): the stamp is that wall clock time.
    page = (
        "<html lang='en'><body><article><h2 class='entry-title'>Tourism board signs a homeport agreement</h2>"
        "<div class='entry-meta'>Posted on <time class='entry-date published' datetime='2025-03-03T09:40:00+12:00'>"
        "3 March 2025 at 9:40 am</time> by <span>Communications</span></div>"
        "<p>Three cruise operators will base ships in Lautoka from mid-2025, the board said today.</p>"
        "<p>The agreement was signed at the wharf by the board and the port company.</p></article></body></html>"
    )
    assert communique.parse(page, "html").dates.published == dt.datetime(2025, 3, 3, 9, 40)


def test_data_cells_side_by_side_are_apart_a_breadcrumb_and_the_pages_stamp() -> None:
    page = (
        "<html lang='fr'><head><title>Une délégation lilloise visite la rénovation de la cité du Tuquet</title></head>"
        "<body><table><tr><td class='small'>Actualités &gt; Communiqués</td>"
        "<td class='small' align='right'>Publié le 12/03/2025</td></tr></table>"
        "<h1>Une délégation lilloise visite la rénovation de la cité du Tuquet</h1>"
        "<p>Une délégation de quatorze responsables de Lille Métropole Habitat a visité le mardi 11 mars le chantier "
        "de rénovation de la cité du Tuquet, où 96 logements sociaux sont transformés.</p>"
        "<p>La délégation française était conduite par sa directrice générale et par le vice-président de la "
        "Métropole chargé du logement.</p></body></html>"
    )
    release = communique.parse(page, "html")
    assert (release.dates.start, release.dates.published) == (dt.date(2025, 3, 11), dt.date(2025, 3, 12))


def test_a_date_piece_after_a_label_in_the_header_row_is_the_pages_date() -> None:
    page = (
        "<html lang='fr'><head><title>Les maires de villes hôtes réunis au Palais Eynard</title></head><body><article>"
        "<div class='communique-entete'><span class='label'>Communiqué de presse du Conseil administratif</span> "
        "<span class='date'>18.06.2025</span></div><h1>Les maires de villes hôtes réunis au Palais Eynard</h1>"
        "<p>Genève a accueilli mardi 17 juin au Palais Eynard la quatrième rencontre du réseau des villes hôtes "
        "d’organisations internationales, en présence de la maire de Genève et de ses homologues.</p>"
        "<p>Les discussions ont porté sur le logement du personnel international et l’accueil des délégations.</p>"
        "</article></body></html>"
    )
    assert communique.parse(page, "html").dates.start == dt.date(2025, 6, 17)


def test_two_stamps_side_by_side_between_the_standfirst_and_the_body_date_the_release() -> None:
    # gub.uy's Liferay (a blind set): "Fecha de publicación:" and "Actualizado:" in two spans of one row, under
    # a standfirst the extractor keeps and above the body.
    release = communique.read(DATA.parent / "htmlhold24" / "gubuy" / "11_uruguay_marruecos_consultas_es.html")
    assert release.dates.published == dt.date(2025, 12, 4)
    assert release.dates.updated == dt.datetime(2025, 12, 5, 10, 14)
