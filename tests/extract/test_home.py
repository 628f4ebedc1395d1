"""The home country: a state's page gives its own officials the state's country.

Releases here are written for these tests, in the shapes of real government pages.
"""

from __future__ import annotations

import pytest

import communique
from communique.errors import LanguagePackError
from communique.extract.home import home_country, of_home


@pytest.mark.parametrize(
    ("masthead", "language", "code"),
    [
        (["Skip to main content", "GOV.UK", "Menu"], "en", "GB"),
        (["Ir al contenido", "La Moncloa", "Menú"], "es", "ES"),
        # A state motto printed one word per line, as a logo's text is copied.
        (["Ministère de l’Intérieur", "Liberté", "Égalité", "Fraternité"], "fr", "FR"),
        (["Skip to main content", "Australian Government", "Minister for Trade"], "en", "AU"),
        (["Passer au contenu", "Gouvernement du Canada", "Recherche"], "fr", "CA"),
        (["Le portail du Gouvernement suisse", "DE | FR | IT"], "fr", "CH"),
        (["Ir al contenido", "Gobierno de España", "Ministerio de Defensa"], "es", "ES"),
        (["GOV.CO", "Ministerio de Defensa Nacional", "República de Colombia"], "es", "CO"),
        # A national news agency or Olympic committee speaks for its country too.
        (["Philippine News Agency", "Home", "National"], "en", "PH"),
        (["COMITÉ OLÍMPICO COLOMBIANO", "Comunicado de prensa"], "es", "CO"),
        (["Comité olympique sénégalais", "Actualités"], "fr", "SN"),
        # A name of a seat of government counts in the title too.
        (["El presidente recibe al primer ministro de Grecia en La Moncloa"], "es", "ES"),
    ],
)
def test_the_masthead_names_the_publishing_state(masthead: list[str], language: str, code: str) -> None:
    assert home_country(masthead, language) == code


@pytest.mark.parametrize(
    ("masthead", "language"),
    [
        (["NATO", "North Atlantic Treaty Organization", "News"], "en"),
        (["Un sitio web oficial de la Unión Europea", "Comisión Europea", "Sala de prensa"], "es"),
        # In a sentence or a title, a government's name is as likely the other party.
        (["Secretary General welcomes the decision of the Government of Ghana to join the initiative"], "en"),
        (["Le secrétaire général reçoit le Premier ministre de la République de Moldavie"], "fr"),
        ([], "en"),
    ],
)
def test_a_page_of_no_state_has_no_home(masthead: list[str], language: str) -> None:
    assert home_country(masthead, language) is None


def test_the_earliest_name_in_the_masthead_wins() -> None:
    assert home_country(["GOV.UK", "Embassy of the United States"], "en") == "GB"
    assert home_country(["Embassy of the United States", "GOV.UK"], "en") == "US"


@pytest.mark.parametrize(
    ("organization", "role", "language", "expected"),
    [
        (None, "Defence Secretary", "en", True),
        ("Ministerio de Defensa", "ministra", "es", True),
        ("Forces aériennes", "commandant", "fr", True),
        ("135 Expeditionary Air Wing", "commander", "en", True),
        ("Harbor Point Logistics", "Chief Executive", "en", False),  # a company
        ("OTAN", "secrétaire général", "fr", False),  # an international organisation
        (None, "commandant suprême des forces alliées en Europe", "fr", False),  # its office holder's title
        (None, "Special Representative of the United Nations", "en", False),
    ],
)
def test_who_belongs_to_the_publishing_state(
    organization: str | None, role: str | None, language: str, expected: bool
) -> None:
    assert of_home(organization, role, language) is expected


_GOVUK_PAGE = """\
Skip to main content

GOV.UK

Menu

Press release

Defence Secretary hosts Norwegian counterpart in London

From:
    Ministry of Defence
Published
    4 February 2025

The Defence Secretary, Alan Pembury, hosted his Norwegian counterpart, Kari Lundvik, in London today to agree a plan for joint patrols of the North Sea.

Also at the meeting was Rear Admiral Joanna Stead, who will lead the patrols. "The North Sea is our shared back yard," Alan Pembury said.

Martin Hale, chief executive of Harbor Point Logistics, said the plan would protect shipping.
"""


def test_a_state_page_gives_its_officials_its_country_and_no_one_else() -> None:
    release = communique.parse(_GOVUK_PAGE, "text")
    by_name = {a.name: a for a in release.attendees}
    assert by_name["Alan Pembury"].country == "GB"
    assert by_name["Joanna Stead"].country == "GB"  # a rank, no organisation: the state's officer
    # "his Norwegian counterpart, X": the counterpart gives the country, and is no role.
    assert by_name["Kari Lundvik"].country == "NO"
    assert by_name["Kari Lundvik"].role is None
    assert by_name["Martin Hale"].country is None  # a company's people are not the state's


def test_a_counterpart_takes_the_role_written_after_the_name() -> None:
    text = (
        "La ministre belge des Affaires étrangères, Claire Dujardin, et son homologue luxembourgeois, Marc Wiltz, "
        "ministre des Affaires étrangères et européennes, ont signé un accord à Bruxelles. "
        "« Nos citoyens seront mieux protégés », a déclaré Marc Wiltz."
    )
    release = communique.parse(f"Accord consulaire\n\n{text}\n", "text")
    wiltz = next(a for a in release.attendees if a.name == "Marc Wiltz")
    assert (wiltz.country, wiltz.role) == ("LU", "ministre des Affaires étrangères et européennes")


def test_the_same_page_from_no_state_leaves_the_countries_unknown() -> None:
    page = _GOVUK_PAGE.replace("GOV.UK", "Harbor Point News")
    by_name = {a.name: a for a in communique.parse(page, "text").attendees}
    assert by_name["Alan Pembury"].country is None


@pytest.mark.parametrize("form", ["Government of Canada", "{country} and {adjective} Government"])
def test_a_government_name_needs_exactly_one_slot(form: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import attrs

    from communique.extract import home
    from communique.locale import pack

    real = pack("en")
    people = attrs.evolve(real.people, government_names=(form,))
    monkeypatch.setattr(home, "pack", lambda language: attrs.evolve(real, people=people))
    home._templates.cache_clear()
    try:
        with pytest.raises(LanguagePackError) as err:
            home_country(["GOV.UK"], "en")
        assert err.value.key == "people.government_names[0]"
    finally:
        monkeypatch.undo()
        home._templates.cache_clear()


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[governments]\nXX = ["Somewhere"]\n', "governments.XX"),
        ('[governments]\nFR = "Élysée"\n', "governments.FR"),
        ('[governments]\nFR = [""]\n', "governments.FR"),
    ],
)
def test_a_malformed_governments_table_is_refused(toml: str, key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.locale import tables

    real = tables._read
    monkeypatch.setattr(tables, "_read", lambda name: toml if name == "governments.toml" else real(name))
    tables.governments.cache_clear()
    try:
        with pytest.raises(LanguagePackError) as err:
            tables.governments()
        assert err.value.key == key and err.value.file.endswith("governments.toml")
    finally:
        monkeypatch.undo()
        tables.governments.cache_clear()


def test_a_release_filed_from_a_capital_gives_its_national_officials_that_country() -> None:
    text = (
        "Madrid, 3 de marzo de 2025 (EFE).- La ministra de Agricultura, Lucía Montes Prado, anunció hoy un plan "
        "de regadíos junto al presidente de la cooperativa, Andrés Gil Lara."
    )
    by_name = {a.name: a for a in communique.parse(f"Plan de regadíos\n\n{text}\n", "text").attendees}
    assert by_name["Lucía Montes Prado"].country == "ES"  # a minister: the capital's state
    assert by_name["Andrés Gil Lara"].country is None  # not a national office


def test_an_international_organisations_page_filed_from_brussels_gives_no_country() -> None:
    page = (
        "Un sitio web oficial de la Unión Europea\n\nComisión Europea\n\nLa Comisión destina 350 millones\n\n"
        "Bruselas, 21 de marzo de 2023 – La ministra de Transportes, Raquel Vidal Soto, celebró la decisión.\n"
    )
    by_name = {a.name: a for a in communique.parse(page, "text").attendees}
    assert by_name["Raquel Vidal Soto"].country is None


@pytest.mark.parametrize(
    ("toml", "key"),
    [('[capitals]\nXX = ["Somewhere"]\n', "capitals.XX"), ('[capitals]\nFR = "Paris"\n', "capitals.FR")],
)
def test_a_malformed_capitals_table_is_refused(toml: str, key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.locale import tables

    real = tables._read
    monkeypatch.setattr(tables, "_read", lambda name: toml if name == "capitals.toml" else real(name))
    tables.capitals.cache_clear()
    try:
        with pytest.raises(LanguagePackError) as err:
            tables.capitals()
        assert err.value.key == key
    finally:
        monkeypatch.undo()
        tables.capitals.cache_clear()


@pytest.mark.parametrize(
    ("masthead", "language", "code"),
    [
        (["Ministry of Foreign Affairs Singapore"], "en", "SG"),
        (["Ministère des Affaires étrangères du Sénégal"], "fr", "SN"),
        (["Cancillería de Colombia"], "es", "CO"),
    ],
)
def test_a_foreign_ministrys_masthead_names_its_state(masthead: list[str], language: str, code: str) -> None:
    assert home_country(masthead, language) == code


def test_a_state_office_whose_portfolio_names_a_body_is_the_states() -> None:
    # "ministro de Asuntos Exteriores, Unión Europea y Cooperación": Spain's minister, not the Union's.
    assert of_home(None, "ministro de Asuntos Exteriores, Unión Europea y Cooperación", "es")
    assert not of_home(None, "Alto Representante de la Unión Europea", "es")


def test_a_national_body_masthead_over_a_capital_dateline_is_that_capitals_state() -> None:
    # "Policía Nacional" writes no state; filed from Madrid, its officers are Spain's. A foreign body named
    # in its own language ("Polícia Judiciária") is not the publisher's.
    page = (
        "Policía Nacional\nMinisterio del Interior\n\n"
        "Desarticulada una red de tráfico de cocaína en el puerto de Algeciras\n\n"
        "Madrid, 29 de septiembre de 2025.– Agentes de la Policía Nacional, en una operación conjunta con la "
        "Polícia Judiciária de Portugal, han detenido a 19 personas. El jefe de la Unidad de Droga, el comisario "
        "Antonio Medina Duarte, ha explicado que la red operaba desde 2023.\n\n"
        "El oficial de enlace de la Polícia Judiciária, Rui Carvalho Matos, ha destacado la cooperación.\n"
    )
    release = communique.parse(page, "text")
    assert release.attendee("Antonio Medina Duarte").country == "ES"
    assert release.attendee("Rui Carvalho Matos").country != "ES"
    assert {a.country for a in release.attendees} >= {"ES", "PT"}


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://www.president.go.ke/news/plant", "KE"),
        ("https://www.gov.uk/government/news/x", "GB"),
        ("https://www.gob.mx/sre/prensa/y", "MX"),
        ("www.gouvernement.lu/fr/actualites.html", "LU"),
        # Not a whole top-level domain, nor a region's or a police force's.
        ("https://www.example.ke/news", None),
        ("https://www.juntadeandalucia.es/presidencia", None),
        ("https://www.nato.int/cps/en/natohq/news.htm", None),
        (None, None),
    ],
)
def test_a_national_governments_domain_names_the_home_state(url: str | None, code: str | None) -> None:
    from communique.extract.home import url_country

    assert url_country(url) == code


def test_the_pages_address_on_a_government_domain_gives_its_officials_their_country() -> None:
    page = (
        "<html lang='en'><head><title>President commissions milk plant in Nakuru – The Presidency</title>"
        "<link rel='canonical' href='https://www.president.go.ke/president-commissions-milk-plant/'>"
        "<meta property='og:site_name' content='The Presidency'></head><body><article>"
        "<h1>President commissions milk plant in Nakuru</h1>"
        "<p>NAKURU, Saturday, May 17, 2025 (PCS) – President Daniel Sang today commissioned a milk processing plant "
        "that will buy from forty thousand farmers in the county.</p>"
        "<p>He was accompanied by Agriculture Cabinet Secretary Wanjiru Mbugua, who said the plant would cut waste.</p>"
        "</article></body></html>"
    )
    release = communique.parse(page, "html")
    assert release.attendee("Wanjiru Mbugua").country == "KE"


@pytest.mark.parametrize(
    ("masthead", "language", "home"),
    [
        (["Republic of the Philippines", "Office of Civil Defense"], "en", "PH"),
        (["Secretaría de Gestión de Riesgos", "República del Ecuador"], "es", "EC"),
        # Under an international organisation's name, the country is its office's, not the publisher's.
        (["ACNUR La Agencia de la ONU para los Refugiados", "Costa Rica"], "es", None),
        # One word alone may be an item of a menu of countries.
        (["Menu", "France", "Belgique"], "fr", None),
    ],
)
def test_a_states_formal_name_on_a_masthead_line_is_the_home(
    masthead: list[str], language: str, home: str | None
) -> None:
    assert home_country(masthead, language) == home


@pytest.mark.parametrize(
    ("masthead", "code"),
    [
        (["GOBIERNO DE ESPAÑA", "MINISTERIO DE DEFENSA"], "ES"),
        (["GHANA ARMED FORCES", "Official Website of the Ghana Armed Forces"], "GH"),
        (["Houses of the Oireachtas", "Tithe an Oireachtais"], "IE"),
    ],
)
def test_a_masthead_in_capitals_or_a_national_institution_names_the_state(masthead: list[str], code: str) -> None:
    assert home_country(masthead, "es" if code == "ES" else "en") == code


def test_a_regions_masthead_names_no_state() -> None:
    assert home_country(["Junta de Andalucía", "Consejería de Salud"], "es") is None
