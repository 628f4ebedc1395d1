"""The ``xml`` parser: communique XML back into the same release, or a clear error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings

import communique
from builders import release
from communique.errors import ParseError
from communique.model import Attendee, Dates, Header, Paragraph, PressRelease, Quote
from strategies import releases

REPO = Path(__file__).parents[2]
# The hand-written documents below are in version 1 of the vocabulary, which communique wrote
# before schema version 2 and still reads; ``doc2`` writes version 2.
NS = 'xmlns="urn:communique:xml:release:1"'
NS2 = 'xmlns="urn:communique:xml:release:2"'


def doc(inner: str, lang: str = "fr") -> bytes:
    return f'<?xml version="1.0"?>\n<release {NS} xml:lang="{lang}">\n{inner}\n</release>\n'.encode()


def doc2(inner: str, lang: str = "fr") -> bytes:
    return f'<?xml version="1.0"?>\n<release {NS2} xml:lang="{lang}">\n{inner}\n</release>\n'.encode()


HEADER = "<header><title>Titre</title></header>"


def _edge_release() -> PressRelease:
    text = "« <a> & ]]> »"
    return PressRelease(
        header=Header(title="x", language="en"),
        paragraphs=[Paragraph(text="ab"), Paragraph(text=""), Paragraph(text=text)],
        quotes=[
            Quote(text="a", paragraph=0, start=0, end=1),
            Quote(text="b", paragraph=0, start=1, end=2),
            Quote(text=text, paragraph=2, start=0, end=len(text)),
        ],
    )


@settings(max_examples=200, deadline=None)
@given(releases(xml_safe=True))
@example(_edge_release())
def test_round_trip_is_exact(r: PressRelease) -> None:
    assert communique.parse(communique.render(r, "xml"), "xml") == r


def test_the_sample_round_trips() -> None:
    sample = communique.read(REPO / "examples" / "sample_fr.txt")
    assert communique.parse(communique.render(sample, "xml"), "xml") == sample


def test_quote_offsets_follow_from_the_markup() -> None:
    r = communique.parse(
        doc(
            HEADER + "<paragraphs><p>Il a dit « <quote speaker='s'>oui</quote> » puis "
            "« <quote>non</quote> ».</p></paragraphs>"
            "<attendees><attendee id='s'><name>Shepro</name></attendee></attendees>"
        ),
        "xml",
    )
    text = r.paragraphs[0].text
    assert text == "Il a dit « oui » puis « non »."
    assert [(q.text, q.speaker, q.start, q.end) for q in r.quotes] == [("oui", "Shepro", 11, 14), ("non", None, 24, 27)]
    assert all(text[q.start : q.end] == q.text for q in r.quotes)
    # Version 1's speaker IDREF is the quote's attendee.
    assert [q.attendee for q in r.quotes] == [0, None]


def test_whitespace_and_carriage_returns_come_back_exactly() -> None:
    r = communique.parse(doc(HEADER + "<paragraphs><p>  a&#13;\n\tb  </p></paragraphs>"), "xml")
    assert r.paragraphs[0].text == "  a\r\n\tb  "


def test_absent_elements_are_none_and_empty_ones_are_empty_strings() -> None:
    r = communique.parse(doc("<header><title>T</title><source/><dateline></dateline></header>"), "xml")
    assert (r.header.source, r.header.url, r.header.dateline) == ("", None, "")
    assert r.dates == Dates() and r.paragraphs == () and r.attendees == ()


def test_dates_with_and_without_time_zone() -> None:
    r = communique.parse(
        doc(
            HEADER + "<dates><start>2018-05-22</start><published>2018-05-22T09:00:00Z</published>"
            "<updated>2018-05-23T10:30:00.5+02:00</updated></dates>"
        ),
        "xml",
    )
    assert r.dates.start == dt.date(2018, 5, 22)
    assert r.dates.published == dt.datetime(2018, 5, 22, 9, tzinfo=dt.UTC)
    assert r.dates.updated == dt.datetime(2018, 5, 23, 10, 30, 0, 500000, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def test_a_nameless_attendee_keeps_its_role() -> None:
    r = communique.parse(
        doc(
            HEADER
            + "<attendees><attendee id='x'><role>chef d’état-major</role><country>AL</country></attendee></attendees>"
        ),
        "xml",
    )
    assert r.attendees == (Attendee(role="chef d’état-major", country="AL"),)


# --- refusals: the schema and the model, each with line and element -------------------------


def test_an_unknown_speaker_is_refused_by_the_schema() -> None:
    data = doc(HEADER + "<paragraphs>\n<p>a <quote speaker='ghost'>b</quote></p></paragraphs>")
    with pytest.raises(ParseError, match="ghost") as info:
        communique.parse(data, "xml")
    assert info.value.line == 4


def test_a_speaker_without_a_name_is_refused() -> None:
    data = doc(
        HEADER + "<paragraphs><p>\n<quote speaker='r'>b</quote></p></paragraphs>"
        "<attendees><attendee id='r'><role>porte-parole</role></attendee></attendees>"
    )
    with pytest.raises(ParseError, match="attendee without a name") as info:
        communique.parse(data, "xml")
    assert info.value.line == 4
    assert info.value.element == "/release/paragraphs/p/quote"


@pytest.mark.parametrize(
    ("inner", "line", "element", "message"),
    [
        ("<header>\n<title>A</title>\n<bogus/></header>", 5, "<bogus>", "not expected"),
        ("<header>\n<source>x</source></header>", 4, "<source>", "title"),
        (HEADER + "\n<dates><start>2018-02-30</start></dates>", 4, "<start>", "2018-02-30"),
        (HEADER + "\n<dates><start>22/05/2018</start></dates>", 4, "<start>", "22/05/2018"),
        (
            HEADER + "\n<attendees><attendee id='a'><name>X</name><country>fr</country></attendee></attendees>",
            4,
            "<country>",
            "fr",
        ),
        (HEADER + "\n<attendees><attendee><name>X</name></attendee></attendees>", 4, "<attendee>", "id"),
        (
            HEADER
            + "<attendees>\n<attendee id='a'><name>X</name></attendee>\n<attendee id='b'><name>X</name></attendee>"
            "</attendees>",
            5,
            "<attendee>",
            "Duplicate",
        ),
        ("<header><title>two\nlines</title></header>", 3, "<title>", "not accepted"),
        ("<header><title>   </title></header>", 3, "<title>", "not accepted"),
    ],
)
def test_schema_violations_name_line_and_element(inner: str, line: int, element: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        communique.parse(doc(inner), "xml")
    assert info.value.line == line
    assert info.value.element == element
    assert "does not match the schema" in str(info.value)


@pytest.mark.parametrize(
    ("inner", "field"),
    [
        (HEADER + "<paragraphs><p><quote>   </quote></p></paragraphs>", "quote.text"),
        (HEADER + "<attendees><attendee id='a'><name>  </name></attendee></attendees>", "attendees[0].name"),
        (HEADER + "<dates><start>2018-05-23</start><end>2018-05-22</end></dates>", "dates.end"),
    ],
)
def test_model_rules_the_schema_cannot_express_are_reported_with_the_field(inner: str, field: str) -> None:
    with pytest.raises(ParseError) as info:
        communique.parse(doc(inner), "xml")
    assert field in str(info.value)
    assert info.value.line is not None


def test_a_bad_language_tag_is_refused() -> None:
    with pytest.raises(ParseError, match="language"):
        communique.parse(doc(HEADER, lang="x"), "xml")


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><p>hello</p></body></html>",
        b'<release xmlns="urn:other"><header><title>T</title></header></release>',
        b"<release><header><title>T</title></header></release>",
    ],
)
def test_valid_xml_of_another_vocabulary_is_not_a_communique_release(data: bytes) -> None:
    with pytest.raises(ParseError, match="not a communique release") as info:
        communique.parse(data, "xml")
    assert info.value.line == 1


def test_a_newer_vocabulary_version_asks_for_an_upgrade() -> None:
    data = b'<release xmlns="urn:communique:xml:release:3" xml:lang="fr"><header><title>T</title></header></release>'
    with pytest.raises(ParseError, match=r"version 3 .*versions 1 and 2 .*upgrade communique"):
        communique.parse(data, "xml")


# --- version 2 ---------------------------------------------------------------------------------


def test_version_2_reads_title_quotes_groups_role_speakers_and_mentions() -> None:
    r = communique.parse(
        doc2(
            "<header><title>« <quote speaker='porte-parole' attendee='p'>Unis</quote> »</title></header>"
            "<paragraphs><p>« <quote speaker='porte-parole' attendee='p' group='4'>Un</quote></p>"
            "<p><quote speaker='porte-parole' attendee='p' group='4'>deux</quote> »</p>"
            "<p><quote speaker='un témoin'>trois</quote></p></paragraphs>"
            "<attendees><attendee id='p'><role>porte-parole</role></attendee></attendees>"
            "<mentions><mention><name>Jens Stoltenberg</name></mention></mentions>"
        ),
        "xml",
    )
    assert r.header.title == "« Unis »"
    assert [(q.text, q.in_title, q.paragraph, q.attendee, q.group) for q in r.quotes] == [
        ("Unis", True, 0, 0, None),
        ("Un", False, 0, 0, 4),
        ("deux", False, 1, 0, 4),
        ("trois", False, 2, None, None),
    ]
    assert r.quotes[3].speaker == "un témoin"
    assert r.mentions == (Attendee(name="Jens Stoltenberg"),)


@pytest.mark.parametrize(
    ("inner", "words"),
    [
        (HEADER + "<paragraphs><p>\n<quote speaker='X' attendee='ghost'>b</quote></p></paragraphs>", "'ghost'"),
        (
            HEADER + "<paragraphs><p>\n<quote speaker='Y' attendee='a'>b</quote></p></paragraphs>"
            "<attendees><attendee id='a'><name>X</name></attendee></attendees>",
            "quotes[0].speaker: 'Y' is not 'X'",
        ),
        (HEADER + "<paragraphs><p>\n<quote group='1'>b</quote></p></paragraphs>", "group 1 has one part"),
        ("<header><title>two\nlines</title></header>", "header.title: must be a single line"),
        ("<header><title>   </title></header>", "header.title: must not be empty"),
        (
            HEADER + "<attendees><attendee id='a'><name>X</name></attendee></attendees>"
            "<mentions><mention><role>r</role><country>fr</country></mention></mentions>",
            "does not match the schema",
        ),
    ],
)
def test_version_2_refusals_name_the_field(inner: str, words: str) -> None:
    with pytest.raises(ParseError) as info:
        communique.parse(doc2(inner), "xml")
    assert words in str(info.value)
    assert info.value.line is not None


def test_version_1_has_no_title_quotes_groups_or_mentions() -> None:
    for inner in (
        "<header><title>« <quote>Unis</quote> »</title></header>",
        HEADER + "<paragraphs><p><quote group='1'>b</quote></p></paragraphs>",
        HEADER + "<mentions><mention><name>X</name></mention></mentions>",
    ):
        with pytest.raises(ParseError, match="version 1"):
            communique.parse(doc(inner), "xml")


# --- discovery ---------------------------------------------------------------------------


def test_xml_files_are_read_by_extension(tmp_path: Path) -> None:
    r = release()
    path = tmp_path / "release.xml"
    communique.write(r, path)
    assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<release ')
    assert communique.read(path) == r


def test_an_nitf_document_in_a_dot_xml_file_is_read_as_nitf(tmp_path: Path) -> None:
    r = release()
    path = tmp_path / "story.xml"
    path.write_bytes(communique.render(r, "nitf"))
    assert communique.read(path) == r


def test_content_sniffing_tells_communique_xml_from_nitf(tmp_path: Path) -> None:
    r = release()
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.write_bytes(communique.render(r, "xml"))
    theirs.write_bytes(communique.render(r, "nitf"))
    from communique import registry

    assert registry.sniff(ours.read_bytes()[:8192]) == "xml"
    assert registry.sniff(theirs.read_bytes()[:8192]) == "nitf"
    assert communique.read(ours) == r
    assert communique.read(theirs) == r


def test_str_input_is_accepted() -> None:
    r = release()
    assert communique.parse(communique.render(r, "xml").decode(), "xml") == r
