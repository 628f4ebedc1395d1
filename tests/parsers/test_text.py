"""The plain-text parser, specified on the founding sample and on fixtures in both languages."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import communique
from communique.errors import ParseError
from communique.model import PressRelease
from communique.parsers.text import TextParser

DATA = Path(__file__).parent.parent / "data" / "text"


def parse(name: str) -> PressRelease:
    return TextParser().parse((DATA / name).read_bytes())


def speakers(release: PressRelease) -> list[str | None]:
    return [q.speaker for q in release.quotes]


def by_country(release: PressRelease) -> dict[str, list[str | None]]:
    out: dict[str, list[str | None]] = {}
    for a in release.attendees:
        if a.country:
            out.setdefault(a.country, []).append(a.name)
    return out


# --- the founding sample -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return parse("01_sample_fr.txt")


def test_sample_header(sample: PressRelease, sample_path: Path) -> None:
    assert sample.header.title == sample_path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert sample.header.language == "fr"
    assert sample.header.dateline == "Belgrade"
    assert sample.header.source is None  # no "Source:" line: the parser does not guess


def test_sample_dates(sample: PressRelease) -> None:
    assert sample.dates.start == dt.date(2018, 5, 22)
    assert sample.dates.end == dt.date(2018, 5, 23)
    assert sample.dates.updated == dt.datetime(2018, 7, 20, 15, 57)


def test_sample_paragraphs(sample: PressRelease) -> None:
    assert len(sample.paragraphs) == 6
    assert sample.paragraphs[0].text.startswith("Le général de corps aérien Shepro")


def test_sample_quotes(sample: PressRelease) -> None:
    speech = [q for q in sample.quotes if q.speaker is not None]
    assert len(speech) == 5
    assert {q.speaker for q in speech} == {"Shepro"}
    assert [q.paragraph for q in speech] == [3, 3, 3, 4, 5]
    theme = [q for q in sample.quotes if q.text.startswith("La sécurité et la défense dans le cyberespace")]
    assert all(q.speaker is None for q in theme)
    for q in sample.quotes:
        assert sample.paragraphs[q.paragraph].text[q.start : q.end] == q.text
        assert q.text == q.text.strip(" \u00a0\u202f")


def test_sample_attendees(sample: PressRelease) -> None:
    shepro = sample.attendee("Shepro")
    assert shepro.rank == "général de corps aérien"
    assert "DCMC" in shepro.aliases
    assert shepro.organization in {"OTAN", "NATO"}
    assert sample.attendee("DCMC") is shepro
    dikovic = sample.attendee("Ljubiša Diković")
    assert dikovic.country == "RS"
    assert dikovic.role is not None and dikovic.role.startswith("chef de l’état-major général")
    countries = by_country(sample)
    for code in ("AL", "BG", "BA", "GR", "MK", "RO", "RS", "TR", "ME", "HR", "SI"):
        assert code in countries, code
    roles = [a.role for a in sample.attendees if a.name is None]
    assert any(r and "Comité militaire de l’Union européenne" in r for r in roles)
    assert any(a.organization == "JFC Naples" for a in sample.attendees)


def test_sample_via_public_api(sample_path: Path, sample: PressRelease) -> None:
    assert communique.parse(sample_path.read_bytes(), "text") == sample


# --- fixtures of our own ---------------------------------------------------------------------


def test_english_event_range_from_the_body_and_role_before_name() -> None:
    r = parse("02_peach_tbilisi_en.txt")
    assert r.header.language == "en" and r.header.dateline == "Tbilisi"
    # The header bullet gives 14 September; the first paragraph says the visit was "on 13 and 14 September".
    assert (r.dates.start, r.dates.end) == (dt.date(2019, 9, 13), dt.date(2019, 9, 14))
    assert r.dates.updated == dt.datetime(2019, 9, 14, 19, 44)
    peach = r.attendee("Stuart Peach")
    assert peach.rank == "Air Chief Marshal" and peach.organization == "NATO"
    assert r.attendee("Giorgi Matiashvili").country == "GE"
    # attribution after the quote, a pronoun, "according to", and an exercise name
    assert speakers(r) == ["Stuart Peach", "Stuart Peach", "Giorgi Matiashvili"]  # the exercise's name: no quotation


def test_english_collective_and_role_only() -> None:
    r = parse("03_bauer_brussels_en.txt")
    assert r.header.dateline == "Brussels"
    chods = [a for a in r.attendees if a.role == "Chief of Defence"]
    assert [a.country for a in chods] == ["AL", "BE", "BG", "CA", "HR"]
    orgs = {a.organization for a in r.attendees if a.name is None}
    assert {"EUMC", "JFC Naples"} <= orgs
    assert speakers(r) == ["Tod Wolters", "Stuart Peach", "Stuart Peach"]


def test_english_without_event_dates_and_pronoun_of_last_named() -> None:
    r = parse("04_geoana_kyiv_en.txt")
    assert r.header.dateline == "KYIV"
    # "on 2 November for talks": no year and no full stop after the month; the year comes from the stamp.
    assert (r.dates.start, r.dates.end) == (dt.date(2020, 11, 2), None)
    assert speakers(r) == ["Mircea Geoană", "Mircea Geoană", "Denys Shmyhal"]


def test_body_date_takes_year_from_stamp() -> None:
    r = parse("10_body_dates_en.txt")
    assert (r.dates.start, r.dates.end) == (dt.date(2021, 1, 12), dt.date(2021, 1, 13))
    assert r.attendee("Hans-Werner Wiermann").rank == "Lieutenant General"
    assert speakers(r) == ["Hans-Werner Wiermann"]


def test_french_title_with_complement_and_terms() -> None:
    r = parse("05_stoltenberg_riga_fr.txt")
    assert r.header.dateline == "Riga"
    assert r.dates.start == dt.date(2018, 9, 3) and r.dates.updated is None
    assert r.attendee("Jens Stoltenberg").organization == "OTAN"
    assert speakers(r)[:2] == ["Jens Stoltenberg", "Jens Stoltenberg"]
    assert all(q.text != "Saber Strike" for q in r.quotes)  # an exercise's name is no quotation


def test_french_first_of_month_and_collective_with_elision() -> None:
    r = parse("06_naples_fr.txt")
    assert (r.dates.start, r.dates.end) == (dt.date(2019, 7, 1), dt.date(2019, 7, 2))
    assert r.attendee("James Foggo").organization == "JFC Naples"
    assert sorted(by_country(r)) == ["ES", "FR", "GR", "IT", "PT"]
    assert speakers(r) == ["James Foggo", "James Foggo"]


def test_no_header_block() -> None:
    r = parse("07_no_header_fr.txt")
    assert r.header.title == "Le président du Comité militaire visite le Kosovo"
    assert r.header.dateline == "Pristina"
    assert r.dates == communique.Dates()
    assert speakers(r) == ["Rob Bauer"]


def test_star_bullets_extra_blank_lines_and_term_in_quotes() -> None:
    r = parse("08_wolters_mons_en.txt")
    assert r.header.dateline == "Mons"
    assert r.dates.updated == dt.datetime(2020, 3, 5, 18, 2)
    wolters = r.attendee("SACEUR")
    assert wolters.rank == "General"
    assert sorted(by_country(r)) == ["ME", "MK", "RS"]
    assert speakers(r) == ["Tod D. Wolters", "Tod D. Wolters"]  # its "open door": a term, no quotation


def test_nested_quotes_stay_inside() -> None:
    r = parse("09_nested_fr.txt")
    assert len(r.quotes) == 2
    assert "‹ la mer ne pardonne pas l’improvisation ›" in r.quotes[0].text
    assert speakers(r) == ["Charles-Henri Leroux", "Charles-Henri Leroux"]


# --- robustness ----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", "  \n\n  "])
def test_empty_input_is_a_parse_error(data: bytes | str) -> None:
    with pytest.raises(ParseError, match="empty"):
        TextParser().parse(data)


def test_impossible_date_names_the_line() -> None:
    text = "Title\n\n  • 31 Feb. 2018 - 1 Mar. 2018\n\nBrussels – Text."
    with pytest.raises(ParseError) as info:
        TextParser().parse(text)
    assert info.value.line == 3
    assert "31 Feb. 2018" in str(info.value)


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("cp1252"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16-bom", "cp1252", "crlf"],
)
def test_encodings(encode: object) -> None:
    text = (
        "Réunion à Bruxelles\n\n• Mis à jour le: 20 juil. 2018 15:57\n\n"
        "Bruxelles – « Très bien », a déclaré le général Dupont."
    )
    r = TextParser().parse(encode(text))  # type: ignore[operator]
    assert r.header.title == "Réunion à Bruxelles"
    assert r.quotes[0].speaker == "Dupont"
    assert r.dates.updated == dt.datetime(2018, 7, 20, 15, 57)


def test_sniff() -> None:
    p = TextParser()
    assert p.sniff(b"Titre\n\nTexte")
    assert not p.sniff(b'{"a": 1}') and not p.sniff(b"<?xml version='1.0'?>") and not p.sniff(b"\x00\x01\x02bin")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*'ab AZ«»“”"‘’‹›.,:–-\n\u00a0é1234', "mai ", "May. ", "Il ", "said ", "général ", "General X "]
        )
    ).map("".join)
)
def test_any_text_gives_a_valid_release_or_a_parse_error(text: str) -> None:
    _valid_release_or_parse_error(text)


def _valid_release_or_parse_error(text: str) -> None:
    try:
        r = TextParser().parse(text)
    except ParseError:
        return
    for q in r.quotes:
        source = r.header.title if q.in_title else r.paragraphs[q.paragraph].text
        assert source[q.start : q.end] == q.text


def test_the_property_test_catches_a_crashing_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    # A crash inside a rule becomes a CommuniqueWarning for users; the test configuration makes
    # it an error, so the property test above fails on a planted crash instead of passing over it.
    from communique.extract import release as assembly

    def broken(*args: object) -> None:
        raise RuntimeError("planted crash")

    monkeypatch.setattr(assembly, "find_quotes", broken)
    with pytest.raises(communique.CommuniqueWarning, match="planted crash"):
        _valid_release_or_parse_error("Title\n\nBrussels – General Jean Dupont said “we are ready”.")


@pytest.mark.slow
def test_linear_time() -> None:
    body = (DATA / "01_sample_fr.txt").read_text(encoding="utf-8")
    head, rest = body.split("\n\n", 1)

    def timed(size: int) -> float:
        text = head + "\n\n" + (rest + "\n\n") * max(1, size // len(rest))
        t0 = time.perf_counter()
        TextParser().parse(text)
        return time.perf_counter() - t0

    small, large = timed(500_000), timed(5_000_000)
    assert large / small < 25  # linear is ~10; quadratic would be ~100


# --- general rules on fixtures of our own ------------------------------------------------------


def test_english_release_without_dateline_titles_roles_and_countries() -> None:
    r = parse("11_wps_conference_en.txt")
    # f. a capitalised subject is not a dateline; the paragraph stays whole
    assert r.header.dateline is None
    assert r.paragraphs[0].text.startswith("NATO Secretary General Jens Stoltenberg opened")
    # g. bullets "04 Mar. 2021 -" and "Last updated: 05 Mar. 2021 09:12"
    assert (r.dates.start, r.dates.end) == (dt.date(2021, 3, 4), None)
    assert r.dates.updated == dt.datetime(2021, 3, 5, 9, 12)
    # c. role before the name, organisation split off the role
    stoltenberg = r.attendee("Jens Stoltenberg")
    assert (stoltenberg.role, stoltenberg.organization, stoltenberg.country) == ("Secretary General", "NATO", None)
    bauer = r.attendee("Rob Bauer")
    assert (bauer.rank, bauer.role, bauer.organization) == ("Admiral", "Chair of the Military Committee", "NATO")
    # d. a nationality adjective belongs to the person of its own noun phrase
    crosetto = r.attendee("Guido Crosetto")
    assert (crosetto.role, crosetto.country) == ("Defence Minister", "IT")
    herem = r.attendee("Martin Herem")
    assert (herem.rank, herem.role, herem.country) == ("Lieutenant General", "Chief of Defence", "EE")
    # g. a conference title is no quotation; b. "Mr. X said: “…”"; a. "the Secretary General said",
    # a pronoun, and "According to the Chief of Defence"
    assert speakers(r) == ["Guido Crosetto", "Jens Stoltenberg", "Jens Stoltenberg", "Martin Herem"]


def test_french_release_appositions_colon_quote_and_roles_as_speakers() -> None:
    r = parse("12_niinisto_bruxelles_fr.txt")
    assert r.header.dateline is None
    assert r.paragraphs[0].text.startswith("Le secrétaire général de l’OTAN, M. Jens Stoltenberg")
    # g. "1er juin 2022" and "Mis à jour le: 2 juin 2022 10:05"
    assert r.dates.start == dt.date(2022, 6, 1)
    assert r.dates.updated == dt.datetime(2022, 6, 2, 10, 5)
    # c./e. "Le secrétaire général de l’OTAN, M. Jens Stoltenberg": M. is neither name nor rank
    stoltenberg = r.attendee("Jens Stoltenberg")
    assert (stoltenberg.rank, stoltenberg.role, stoltenberg.organization) == (None, "secrétaire général", "OTAN")
    assert stoltenberg.country is None  # "finlandais" and "italien" belong to the others
    niinisto = r.attendee("Sauli Niinistö")
    assert (niinisto.role, niinisto.country) == ("président", "FI")
    guerini = r.attendee("Lorenzo Guerini")
    assert (guerini.role, guerini.country) == ("ministre de la Défense", "IT")
    # b. the colon quote is Niinistö's even though the next sentence names Stoltenberg with "a indiqué";
    # a. "a ajouté le secrétaire général", "Selon le ministre de la Défense"; g. "sous le thème « … »"
    assert speakers(r) == ["Sauli Niinistö", "Jens Stoltenberg", "Lorenzo Guerini"]  # the theme: no quotation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No attendee has that role: the speaker is known by it (issue 14), an attendee known by role.
        ("« Nous restons unis », a déclaré le président.", "président"),
        ("“We stand united,” the Prime Minister said.", "Prime Minister"),
    ],
)
def test_role_speaker_without_a_matching_attendee_is_known_by_role(text: str, expected: str | None) -> None:
    r = TextParser().parse("Titre\n\n" + text)
    assert speakers(r) == [expected]
    assert [(a.name, a.role) for a in r.attendees] == [(None, expected)]


def test_role_speaker_is_the_most_recently_mentioned_match() -> None:
    r = TextParser().parse(
        "Ministers meet\n\n"
        "Brussels – Prime Minister Kaja Kallas met Prime Minister Mark Rutte and Mr Sven Larsen.\n\n"
        "Prime Minister Kallas spoke first. Later Prime Minister Rutte took the floor.\n\n"
        "“We must invest more,” the Prime Minister said."
    )
    assert speakers(r) == ["Mark Rutte"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le ministre, Mme Ursula von der Leyen, a parlé.", "Ursula von der Leyen"),
        ("The talks were chaired by Dr Jean-Pierre de Gaulle.", "Jean-Pierre de Gaulle"),
        ("Il a rencontré le général Ljubiša Diković.", "Ljubiša Diković"),
        ("He met Ambassador Khalid al-Sabah in Kuwait.", "Khalid al-Sabah"),
        ("NATO Deputy Secretary General Mircea Geoană spoke.", "Mircea Geoană"),
        ("The meeting was opened by Mrs Anna Smith.", "Anna Smith"),
    ],
)
def test_names_are_whole_and_without_courtesy_words(text: str, name: str) -> None:
    r = TextParser().parse("Title\n\n" + text)
    assert [a.name for a in r.attendees if a.name] == [name]
    assert r.attendees[0].rank not in {"M.", "Mme", "Mr", "Mrs", "Dr", "Ms"}


@pytest.mark.parametrize(
    "text",
    ["  • 22 May. 2018 - 23 May. 2018\n\nBrussels – Text.", "Last updated: 14 Sep. 2019 19:44\n\nText."],
    ids=["date-first", "stamp-first"],
)
def test_a_readout_without_a_headline_still_parses_and_its_title_is_its_first_sentence(text: str) -> None:
    r = TextParser().parse(text)
    assert r.header.title == "Text"  # the first sentence, without the full stop a headline does not have
    assert r.paragraphs[0].text == "Text."


def test_a_failing_extraction_rule_costs_its_result_not_the_release(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from communique.extract import release as assembly

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(assembly, "find_attendees", broken)
    with pytest.warns(communique.CommuniqueWarning, match="attendees: RuntimeError: a bug in a rule"):
        r = TextParser().parse(sample_path.read_bytes())
    assert r.header.dateline == "Belgrade" and len(r.paragraphs) == 6
    assert r.attendees == () and all(q.speaker is None for q in r.quotes)


def test_attendees_the_model_refuses_are_dropped_with_a_warning(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from communique.extract import release as assembly

    twice = [communique.Attendee(name="Shepro"), communique.Attendee(name="Shepro", rank="général")]
    monkeypatch.setattr(assembly, "find_attendees", lambda *args, **kwargs: (twice, []))
    with pytest.warns(communique.CommuniqueWarning, match="appears twice"):
        r = TextParser().parse(sample_path.read_bytes())
    assert [a.name for a in r.attendees] == ["Shepro"]
    assert {q.speaker for q in r.quotes} <= {"Shepro", None}


@pytest.mark.parametrize(
    "body",
    [
        "Brussels – “We stand united with our partners,” said Jean Dupont.",
        "Brussels – “We stand united with our partners,” Jean Dupont said.",
        "On Monday, Jean Dupont said that “we stand united with our partners”.",
        "Bruxelles – « Nous restons unis avec nos partenaires », a déclaré Jean Dupont.",
        "Hier, Jean Dupont a souligné que « nous restons unis avec nos partenaires ».",
    ],
)
def test_a_name_without_rank_or_title_is_a_speaker_when_a_speech_verb_stands_beside_it(body: str) -> None:
    r = TextParser().parse(f"Title\n\n{body}")
    assert [q.speaker for q in r.quotes] == ["Jean Dupont"]
    assert [a.name for a in r.attendees] == ["Jean Dupont"]


@pytest.mark.parametrize(
    "body",
    [
        "The talks took place in New York. “It was fine,” said European Union officials.",
        "“It went well,” said the report.",
    ],
)
def test_capitalised_words_beside_a_speech_verb_are_not_always_a_person(body: str) -> None:
    r = TextParser().parse(f"Title\n\n{body}")
    assert r.attendees == ()


def test_an_acronym_defined_after_a_role_before_the_name_is_the_persons_alias() -> None:
    text = (
        "Title\n\nMons – The Deputy Supreme Allied Commander Europe (DSACEUR), General James Everard, "
        "visited the troops. DSACEUR said that “the Alliance is ready to defend every inch of its territory”."
    )
    r = TextParser().parse(text)
    everard = r.attendee("DSACEUR")
    assert (everard.name, everard.rank, everard.role) == (
        "James Everard",
        "General",
        "Deputy Supreme Allied Commander Europe",
    )
    assert [q.speaker for q in r.quotes] == ["James Everard"]


def test_a_country_written_after_the_name_is_the_persons_country() -> None:
    r = TextParser().parse("Title\n\nAthens – Prime Minister Kyriakos Mitsotakis of Greece met the Secretary General.")
    assert [(a.name, a.role, a.country) for a in r.attendees] == [("Kyriakos Mitsotakis", "Prime Minister", "GR")]


def test_a_capitalised_introducer_is_not_part_of_the_name() -> None:
    r = TextParser().parse("Titre\n\nSelon Marie Curie, « la science avance à grands pas dans ce domaine ».")
    assert [a.name for a in r.attendees] == ["Marie Curie"]
    assert [q.speaker for q in r.quotes] == ["Marie Curie"]


def test_a_role_after_du_before_the_name_is_the_persons_role_and_names_the_speaker() -> None:
    text = (
        "Titre\n\nLes ministres se sont réunis sous la présidence du secrétaire général de l’OTAN, M. Jens Stoltenberg.\n\n"
        "« Nous avons pris des décisions importantes pour notre défense », a déclaré le secrétaire général."
    )
    r = TextParser().parse(text)
    stoltenberg = r.attendee("Jens Stoltenberg")
    assert (stoltenberg.role, stoltenberg.organization) == ("secrétaire général", "OTAN")
    assert [q.speaker for q in r.quotes] == ["Jens Stoltenberg"]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "Title\n\n  • 14 Sep. 2019 -\n  • |\n  • Last updated: 14 Sep. 2019 19:44\n\n"
            "Press Release (2019) 123\nIssued on 14 Sep. 2019\n\nBrussels – The Allies met.",
            "Brussels",
        ),
        (
            "Titre\n\n  • 14 sept. 2019 -\n\nCommuniqué de presse (2019) 123\nPublié le 14 sept. 2019\n\n"
            "Bruxelles – Les Alliés se sont réunis.",
            "Bruxelles",
        ),
    ],
    ids=["en", "fr"],
)
def test_a_press_release_reference_and_issue_date_belong_to_the_header(text: str, dateline: str) -> None:
    r = TextParser().parse(text)
    assert r.dates.published == dt.date(2019, 9, 14)  # a date-only stamp: no invented midnight
    assert type(r.dates.published) is dt.date
    assert r.header.dateline == dateline
    assert r.header.reference is not None and r.header.reference.endswith("(2019) 123")
    assert len(r.paragraphs) == 1 and "(2019) 123" not in r.paragraphs[0].text


@pytest.mark.parametrize(
    ("first", "dateline"),
    [
        ("Norfolk, Virginia – The Allies met.", "Norfolk"),
        ("La Haye – Les Alliés se sont réunis.", "La Haye"),
        ("On 4 March 2021 – the day after the summit – the Allies met.", None),
        ("Jens Stoltenberg, Secretary General – said the Allies would meet.", None),
    ],
)
def test_dateline_regions_and_sentence_openings(first: str, dateline: str | None) -> None:
    r = TextParser().parse(f"Title\n\n{first}")
    assert r.header.dateline == dateline
    assert r.paragraphs[0].text == (first if dateline is None else first.split(" – ", 1)[1])
