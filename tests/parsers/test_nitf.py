"""The ``nitf`` parser: NITF 3.6 and older NITF 3.x, as agencies send it, into releases."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings

import communique
from builders import release, spanning
from communique.errors import ParseError
from communique.model import Attendee, PressRelease
from strategies import releases

REPO = Path(__file__).parents[2]
DATA = REPO / "tests" / "data" / "nitf"
LISTING_22 = DATA / "iptc-LISTING_22_Sports_story_in_NewsML-G2NITF.xml"
LISTING_25 = DATA / "iptc-LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return communique.read(REPO / "examples" / "sample_fr.txt")


# --- round trips ---------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(releases(xml_safe=True))
def test_round_trip_is_exact(r: PressRelease) -> None:
    assert communique.parse(communique.render(r, "nitf"), "nitf") == r


def test_text_to_nitf_to_json_keeps_everything(sample: PressRelease, tmp_path: Path) -> None:
    nitf = tmp_path / "sample.nitf"
    communique.write(sample, nitf)
    back = communique.read(nitf)
    json_path = tmp_path / "sample.json"
    communique.write(back, json_path)
    final = communique.read(json_path)
    assert final.header == sample.header
    assert final.dates == sample.dates
    assert final.paragraphs == sample.paragraphs
    assert final.quotes == sample.quotes
    assert any(q.speaker == "Shepro" for q in final.quotes)
    assert final.attendees == sample.attendees
    assert final == sample


# --- the IPTC listings (CC BY 4.0, copied in tests/data/nitf) ------------------------------


def test_listing_25_inline_nitf_article() -> None:
    r = communique.read(LISTING_25, "nitf")
    assert r.header.title == "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    assert len(r.paragraphs) == 1
    assert r.paragraphs[0].text.startswith("(Sports Network) - With the Philadelphia Phillies picking up momentum")
    assert r.paragraphs[0].text.endswith("looks set to be a clash of the Titans.")
    assert "\n" not in r.paragraphs[0].text and "  " not in r.paragraphs[0].text
    assert r.header.language == "en"  # no baselang: detected from the text
    assert r.header.dateline is None
    assert r.dates.published is None and r.dates.updated is None


def test_listing_22_sports_story_in_a_newsml_g2_item() -> None:
    r = communique.read(LISTING_22, "nitf")
    assert r.header.title == "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    assert r.header.language == "en-US"  # the NewsML-G2 item's xml:lang
    assert len(r.paragraphs) == 6
    assert r.paragraphs[3].text == (
        "Arizona sends Doug Davis to the hill tonight, and the lefty is 0-4 over his last five starts. "
        "That includes losses in each of his last three outings."
    )
    minus5 = dt.timezone(dt.timedelta(hours=-5))
    minus4 = dt.timezone(dt.timedelta(hours=-4))
    assert r.dates.published == dt.datetime(2016, 10, 19, 11, 15, tzinfo=minus5)  # contentCreated
    assert r.dates.updated == dt.datetime(2018, 10, 19, 11, 45, tzinfo=minus4)  # versionCreated


def test_the_listings_are_read_by_xml_extension_too() -> None:
    assert communique.read(LISTING_25) == communique.read(LISTING_25, "nitf")


# --- the real agency story (AGPL: read from ../shared, never copied) -----------------------


def test_agency_story_in_old_unnamespaced_nitf(shared: Path) -> None:
    path = shared / "schemas" / "nitf" / "samples" / "superdesk-efe_nitf.xml"
    if not path.is_file():
        pytest.skip("the EFE sample is not in ../shared")
    r = communique.read(path, "nitf")
    assert r.header.title == "Honduran president announces Cabinet changes"
    assert r.header.language == "en-US"
    assert r.header.source == "Agencia EFE"
    assert r.header.dateline == "Tegucigalpa"  # docdata/evloc@city: the dateline element has only a date
    assert r.dates.published == dt.datetime(2017, 1, 2, 22, 28, tzinfo=dt.UTC)
    # The body opens with the agency's dateline (month first, no year: "Jan 2"), read off like any dateline.
    assert [p.text for p in r.paragraphs] == ["Test body."]


# --- markup, whitespace, extraction --------------------------------------------------------


OLD_NITF = """<?xml version="1.0" encoding="ISO-8859-1"?>
<nitf version="-//IPTC//DTD NITF 3.2//EN" baselang="fr">
  <head>
    <title>Visite   du g\xe9n\xe9ral</title>
    <docdata>
      <date.issue norm="20180523T101500+0200"/>
      <identified-content>
        <person><name.given>Lju\xbfa</name.given> <name.family>Dikovi\xe6</name.family>
          <function>chef d'\xe9tat-major</function></person>
      </identified-content>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>ignored when head/title exists</hl1></hedline>
      <dateline><location><city>Belgrade</city></location>, 23 mai</dateline>
    </body.head>
    <body.content>
      <p>
        Le g\xe9n\xe9ral a dit :
        \xab <q quote-source="Shepro">  la paix
        d'abord </q> \xbb.
      </p>
      <p>   </p>
    </body.content>
  </body>
</nitf>
"""


def test_old_nitf_with_markup_takes_quotes_and_people_from_it() -> None:
    r = communique.parse(OLD_NITF.encode("latin-1"), "nitf")
    assert r.header.title == "Visite du g\xe9n\xe9ral"
    assert r.header.dateline == "Belgrade"
    assert r.dates.published == dt.datetime(2018, 5, 23, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert [p.text for p in r.paragraphs] == ["Le g\xe9n\xe9ral a dit : \xab la paix d'abord \xbb."]
    (quote,) = r.quotes
    assert quote.text == "la paix d'abord" and quote.speaker == "Shepro"
    assert r.paragraphs[0].text[quote.start : quote.end] == quote.text
    assert Attendee(name="Lju\xbfa Dikovi\xe6", role="chef d'\xe9tat-major") in r.attendees
    assert r.attendee("Shepro").name == "Shepro"  # the quote's source becomes an attendee


def test_without_markup_quotes_and_people_are_found_in_the_text(sample: PressRelease) -> None:
    paragraphs = "".join(f"<p>{p.text}</p>" for p in sample.paragraphs)
    data = (
        f'<nitf xmlns="{NITF_NS}" baselang="fr"><head><title>{sample.header.title}</title></head>'
        f"<body><body.content>{paragraphs}</body.content></body></nitf>"
    ).encode()
    r = communique.parse(data, "nitf")
    assert [q.text for q in r.quotes] == [q.text for q in sample.quotes]
    assert [q.speaker for q in r.quotes] == [q.speaker for q in sample.quotes]
    assert r.attendee("Shepro").rank == "général de corps aérien"


def version_1(data: bytes) -> bytes:
    """A document as communique wrote it before schema version 2 (``cq:version="1"``)."""
    data = data.replace(b'cq:version="2"', b'cq:version="1"')
    return re.sub(rb'(<q [^>]*?) cq:attendee="a\d+"', rb"\1", data)


def test_a_quote_source_that_is_an_alias_points_to_the_attendee() -> None:
    r = release()
    data = version_1(communique.render(r, "nitf")).replace(b'quote-source="Shepro"', b'quote-source="DCMC"')
    assert communique.parse(data, "nitf") == r


def test_a_version_1_document_is_read_and_its_speakers_linked(sample: PressRelease) -> None:
    data = version_1(communique.render(sample, "nitf"))
    assert b'cq:attendee="a1">' not in data.split(b"<body>")[1]
    back = communique.parse(data, "nitf")
    assert back == sample
    assert any(q.attendee is not None for q in back.quotes)


def test_in_version_1_a_quote_source_must_be_an_attendee() -> None:
    data = version_1(communique.render(release(), "nitf")).replace(b'quote-source="Shepro"', b'quote-source="X"')
    with pytest.raises(ParseError, match="not the name of an attendee"):
        communique.parse(data, "nitf")


def test_version_2_reads_title_quotes_groups_role_speakers_and_mentions() -> None:
    r = spanning()
    assert communique.parse(communique.render(r, "nitf"), "nitf") == r


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (b'cq:attendee="a1" cq:group="7"', b'cq:attendee="a9" cq:group="7"', "'a9' is not the id"),
        (b'cq:group="7"', b'cq:group="seven"', "not a group number"),
        (b'cq:version="2"', b'cq:version="3"', "newer communique"),
        (b'cq:version="2"', b'cq:version="two"', "not a version"),
        (b'quote-source="porte-parole" cq:attendee', b'quote-source="Jens" cq:attendee', "is not 'porte-parole'"),
    ],
)
def test_version_2_markup_errors_are_clear(old: bytes, new: bytes, words: str) -> None:
    data = communique.render(spanning(), "nitf")
    assert old in data
    with pytest.raises(ParseError, match=words):
        communique.parse(data.replace(old, new, 1), "nitf")


def test_a_foreign_document_with_a_quote_in_its_headline() -> None:
    data = (
        f'<nitf xmlns="{NITF_NS}"><head><title>« Unis », dit Jane Doe</title></head><body><body.head>'
        "<hedline><hl1>« <q quote-source='Jane Doe'>Unis</q> », dit Jane Doe</hl1></hedline></body.head>"
        "<body.content><p>Texte.</p></body.content></body></nitf>"
    ).encode()
    r = communique.parse(data, "nitf")
    assert [(q.text, q.in_title, q.speaker, q.attendee) for q in r.quotes] == [("Unis", True, "Jane Doe", 0)]
    assert r.attendees == (Attendee(name="Jane Doe"),)


# --- refusals ------------------------------------------------------------------------------


def test_nitf_3_6_that_breaks_the_schema_is_refused_with_line_and_element() -> None:
    data = (
        f'<nitf xmlns="{NITF_NS}">\n<body>\n<body.head>\n<dateline>Paris</dateline>\n'
        "<hedline><hl1>T</hl1></hedline>\n</body.head>\n</body>\n</nitf>"
    ).encode()
    with pytest.raises(ParseError, match="does not match the schema") as info:
        communique.parse(data, "nitf")
    assert info.value.line == 5
    assert info.value.element == "<hedline>"
    relaxed = communique.parse(data, "nitf", validate=False)
    assert relaxed.header.title == "T" and relaxed.header.dateline == "Paris"


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><p>hello</p></body></html>",
        b'<release xmlns="urn:communique:xml:release:1" xml:lang="fr"><header><title>T</title></header></release>',
        b'<nitf xmlns="urn:not-nitf"><body/></nitf>',
    ],
)
def test_valid_xml_that_is_not_nitf_is_refused(data: bytes) -> None:
    with pytest.raises(ParseError, match="not NITF") as info:
        communique.parse(data, "nitf")
    assert info.value.line == 1


def test_a_document_without_a_title_is_refused() -> None:
    data = b"<nitf><body><body.content><p>text</p></body.content></body></nitf>"
    with pytest.raises(ParseError, match="no title"):
        communique.parse(data, "nitf")


def test_a_malformed_norm_date_names_the_element() -> None:
    data = (
        b'<nitf><head><title>T</title><docdata>\n<date.issue norm="yesterday"/></docdata></head>'
        b"<body><body.content><p>x</p></body.content></body></nitf>"
    )
    with pytest.raises(ParseError, match="yesterday") as info:
        communique.parse(data, "nitf")
    assert info.value.line == 2
    assert info.value.element == "/nitf/head/docdata/date.issue"


def test_an_old_nitf_with_a_doctype_is_refused_clearly() -> None:
    data = b'<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">\n<nitf><head><title>T</title></head><body/></nitf>'
    with pytest.raises(ParseError, match="DOCTYPE"):
        communique.parse(data, "nitf")


def test_sniffing_recognises_nitf_documents() -> None:
    from communique.parsers.nitf import NitfParser

    assert NitfParser().sniff(LISTING_25.read_bytes()[:8192])
    assert NitfParser().sniff(b'<?xml version="1.0"?>\n<nitf version="-//IPTC//DTD NITF 3.2//EN">')
    assert not NitfParser().sniff(b'<release xmlns="urn:communique:xml:release:1">')


def test_the_cli_converts_text_to_nitf_to_json_without_loss(sample: PressRelease, tmp_path: Path) -> None:
    import subprocess
    import sys

    source = REPO / "examples" / "sample_fr.txt"
    cli = [sys.executable, "-m", "communique", "convert", "--quiet"]
    subprocess.run([*cli, str(source), "--to", "nitf,xml", "-o", str(tmp_path)], check=True, timeout=120)
    subprocess.run([*cli, str(tmp_path / "sample_fr.nitf.xml"), "--to", "json", "-o", str(tmp_path / "j")], check=True)
    assert communique.read(tmp_path / "j" / "sample_fr.json") == sample
    assert communique.read(tmp_path / "sample_fr.xml") == sample


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" baselang="en">
  <head>
    <title>Secretary General meets the Prime Minister</title>
    <docdata>
      <doc-id regsrc="NATO" id-string=" Press Release (2019) 123 "/>
      <date.issue norm="{issue}"/>
    </docdata>
    <revision-history norm="{revision}"/>
  </head>
  <body>
    <body.head>
      <hedline>
        <hl1>Secretary General meets the Prime Minister</hl1>
        <hl2>  A visit to   Brussels </hl2>
      </hedline>
    </body.head>
    <body.content><p>BRUSSELS – The Secretary General met the Prime Minister on Tuesday.</p></body.content>
  </body>
</nitf>
"""


def test_a_foreign_document_gives_its_hl2_doc_id_and_date_only_norms() -> None:
    r = communique.parse(FOREIGN.format(issue="20190402", revision="20190402T160200").encode(), "nitf")
    assert r.header.subtitle == "A visit to Brussels"
    assert r.header.reference == "Press Release (2019) 123"
    assert r.header.title_derived is False
    # A norm without a time is a date-only stamp; compared by day with a later time the same day.
    assert r.dates.published == dt.date(2019, 4, 2)
    assert r.dates.updated == dt.datetime(2019, 4, 2, 16, 2)


def test_a_foreign_midnight_norm_stays_a_time() -> None:
    r = communique.parse(FOREIGN.format(issue="20190402T000000", revision="20190403").encode(), "nitf")
    assert r.dates.published == dt.datetime(2019, 4, 2, 0, 0)
    assert r.dates.updated == dt.date(2019, 4, 3)


def test_a_no_break_space_at_a_foreign_paragraphs_end_is_text() -> None:
    # XML white space is collapsed and trimmed; U+00A0 is not XML white space: it is kept.
    page = (
        b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head><title>Titre</title></head><body>'
        b"<body.content><p>Le texte final&#xA0;</p><p>&#xA0;</p></body.content></body></nitf>"
    )
    assert [p.text for p in communique.parse(page, "nitf").paragraphs] == ["Le texte final\xa0", "\xa0"]
