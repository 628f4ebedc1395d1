"""The ``newsml`` parser: NewsML-G2 news items, communique's and others', into releases."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import communique
from builders import headed, release, spanning
from communique import registry
from communique.errors import ParseError
from communique.model import Attendee, Dates, PressRelease
from communique.parsers.newsml import NewsmlParser
from strategies import releases

REPO = Path(__file__).parents[2]
DATA = REPO / "tests" / "data" / "nitf"
LISTING_22 = DATA / "iptc-LISTING_22_Sports_story_in_NewsML-G2NITF.xml"
LISTING_25 = DATA / "iptc-LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
G2 = "http://iptc.org/std/nar/2006-10-01/"
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return communique.read(REPO / "examples" / "sample_fr.txt")


def g2_item(
    content: str, *, meta: str = "<headline>Titre</headline>", version: str = "2.35", lang: str = "fr"
) -> bytes:
    """A minimal foreign newsItem around ``content`` (the children of contentSet)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="{G2}" guid="urn:newsml:example.org:1" '
        f'version="3" standard="NewsML-G2" standardversion="{version}" xml:lang="{lang}">\n'
        '  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_27.xml"/>\n'
        '  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:EX"><name>Example Agency</name></provider>'
        "<versionCreated>2019-04-02T16:02:00Z</versionCreated></itemMeta>\n"
        f"  <contentMeta>{meta}</contentMeta>\n  <contentSet>{content}</contentSet>\n</newsItem>\n"
    ).encode()


# --- round trips ---------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(releases(xml_safe=True))
def test_round_trip_is_exact(r: PressRelease) -> None:
    assert communique.parse(communique.render(r, "newsml"), "newsml") == r


@pytest.mark.parametrize("build", [release, headed, spanning])
def test_round_trip_of_the_builders(build: object) -> None:
    r = build()  # type: ignore[operator]
    assert communique.parse(communique.render(r, "newsml"), "newsml") == r


def test_the_sample_goes_text_to_newsml_to_json_without_loss(sample: PressRelease, tmp_path: Path) -> None:
    path = tmp_path / "sample.newsml.xml"
    communique.write(sample, path)
    assert communique.read(path) == sample
    communique.write(communique.read(path), tmp_path / "sample.json")
    assert communique.read(tmp_path / "sample.json") == sample


def strip_communique(data: bytes) -> bytes:
    """The item as a consumer that drops communique's NITF extension sees it (a foreign item)."""
    data = re.sub(rb' cq:[a-z]+="[^"]*"', b"", data)
    return data.replace(b' xmlns:cq="urn:communique:nitf:1"', b"")


@settings(max_examples=60, deadline=None)
@given(releases(xml_safe=True))
def test_the_newsml_metadata_alone_carries_what_the_fidelity_table_says(r: PressRelease) -> None:
    """Read as a foreign item (no cq: markup), the header and dates come from the NewsML-G2 metadata."""
    back = communique.parse(strip_communique(communique.render(r, "newsml")), "newsml")
    h, b = r.header, back.header

    def norm(value: str | None) -> str | None:
        return re.sub(r"[ \t\r\n]+", " ", value).strip(" ") or None if value is not None else None

    assert b.title in (h.title, norm(h.title))
    assert b.language == h.language
    for name in ("source", "reference", "subtitle", "dateline"):
        assert norm(getattr(b, name)) == norm(getattr(h, name)), name
    if h.url is not None and h.url.strip() == h.url and h.url.startswith(("http://", "https://")):
        assert b.url == h.url
    assert back.dates.published == r.dates.published
    assert back.dates.updated == r.dates.updated
    if r.dates.start is not None:
        assert (back.dates.start, back.dates.end) == (r.dates.start, r.dates.end)
    spaces = re.compile(r"[ \t\r\n]+")  # NITF's white space, which a foreign reader collapses
    # XML white space is collapsed and trimmed; a no-break space is text, kept even at a paragraph's ends.
    wanted = [spaces.sub(" ", p.text).strip(" ") for p in r.paragraphs]
    assert [p.text for p in back.paragraphs] == [t for t in wanted if t]


def test_the_sample_read_as_a_foreign_item_keeps_people_and_countries(sample: PressRelease) -> None:
    back = communique.parse(strip_communique(communique.render(sample, "newsml")), "newsml")
    assert back.header == attrs.evolve(sample.header, title_derived=False)
    assert back.dates == sample.dates
    assert [p.text for p in back.paragraphs] == [p.text for p in sample.paragraphs]
    # NITF's own <person> markup and the NewsML-G2 participants give every named attendee back, with
    # organisation and country; rank and role come back as one role.
    for a in sample.attendees:
        if a.name is not None:
            found = next(x for x in back.attendees if x.name == a.name)
            assert (found.organization, found.country) == (a.organization, a.country)
            assert found.role == "; ".join(p for p in (a.rank, a.role) if p)


# --- items others wrote --------------------------------------------------------------------


def test_iptc_listing_22_sports_story(shared: Path) -> None:
    path = shared / "schemas" / "nitf" / "samples" / LISTING_22.name
    r = communique.read(path, "newsml")
    assert r.header.title == "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    assert r.header.language == "en-US"
    assert r.header.source == "The Sports Network"  # contentMeta/creator
    assert r.header.subtitle.startswith("A pair of teams coming off big weekend sweeps will square off tonight")
    assert len(r.paragraphs) == 6
    minus5, minus4 = (dt.timezone(dt.timedelta(hours=h)) for h in (-5, -4))
    assert r.dates.published == dt.datetime(2016, 10, 19, 11, 15, tzinfo=minus5)  # contentCreated
    assert r.dates.updated == dt.datetime(2018, 10, 19, 11, 45, tzinfo=minus4)  # versionCreated
    assert {"Doug Davis", "Freddy Garcia"} <= {a.name for a in r.attendees}  # cpnat:person subjects
    # The same file by sniffing (no extension communique knows for it as NewsML).
    assert registry.sniff(path.read_bytes()[:8192]) == "newsml"


def test_iptc_listing_25_inline_nitf_in_a_minimal_item(shared: Path) -> None:
    """Listing 25 is a contentSet fragment: put in an item with no headline, its NITF hl1 is the title."""
    fragment = (shared / "schemas" / "nitf" / "samples" / LISTING_25.name).read_text()
    inner = fragment.split("<contentSet>", 1)[1].rsplit("</contentSet>", 1)[0]
    r = communique.parse(g2_item(inner, meta="", lang="en"), "newsml")
    assert r.header.title == "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    assert r.header.source == "Example Agency"  # itemMeta/provider
    assert r.paragraphs[0].text.endswith("looks set to be a clash of the Titans.")
    assert r.dates.updated == dt.datetime(2019, 4, 2, 16, 2, tzinfo=dt.UTC)


XHTML = (
    '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
    "<head><title>Page</title></head><body><h1>Le Secrétaire général rencontre le Premier ministre</h1>"
    "<p>BRUXELLES – Le Secrétaire général de l’OTAN, M. Jens Stoltenberg, a rencontré le Premier ministre mardi.</p>"
    "<p>« Nous sommes unis », a déclaré M. Stoltenberg.</p></body></html></inlineXML>"
)


def test_an_item_with_xhtml_instead_of_nitf() -> None:
    meta = (
        "<contentCreated>2019-04-02</contentCreated><located><name>Bruxelles</name></located>"
        "<creator><name>OTAN</name></creator><language tag='fr'/>"
        "<headline>Le Secrétaire général rencontre le Premier ministre</headline>"
    )
    r = communique.parse(g2_item(XHTML, meta=meta), "newsml")
    assert r.header.title == "Le Secrétaire général rencontre le Premier ministre"
    assert r.header.source == "OTAN" and r.header.language == "fr" and r.header.dateline == "Bruxelles"
    assert r.dates.published == dt.date(2019, 4, 2)  # a date alone stays a date
    assert r.dates.updated == dt.datetime(2019, 4, 2, 16, 2, tzinfo=dt.UTC)
    assert len(r.paragraphs) == 2
    assert [q.text for q in r.quotes] == ["Nous sommes unis"]  # found by the text extraction


def test_an_xhtml_item_without_headline_takes_its_h1() -> None:
    r = communique.parse(g2_item(XHTML, meta=""), "newsml")
    assert r.header.title == "Le Secrétaire général rencontre le Premier ministre"


def test_an_older_2_2x_item_with_plain_text_and_an_event() -> None:
    meta = (
        "<located qcode='city:BEG'><name>Belgrade</name></located><language tag='en'/>"
        "<subject type='cpnat:event' qcode='ev:1'/><headline>Chiefs of defence meet in Belgrade</headline>"
    )
    content = (
        "<inlineData contenttype='text/plain'>The chiefs of defence of the Balkan countries met.\n\n"
        "They discussed regional security.</inlineData>"
    )
    data = g2_item(content, meta=meta, version="2.25").replace(
        b"</contentMeta>",
        b"</contentMeta><assert qcode='ev:1'><eventDetails><dates><start>2018-05-22T09:00:00+02:00</start>"
        b"<end>2018-05-23</end></dates><participant type='cpnat:person'><name>Jane Doe</name>"
        b"<definition>Chief of Defence</definition><related type='cpnat:geoArea' qcode='iso3166-1a2:rs'/>"
        b"</participant></eventDetails></assert>",
    )
    r = communique.parse(data, "newsml")
    assert r.header.dateline == "Belgrade"
    assert (r.dates.start, r.dates.end) == (dt.date(2018, 5, 22), dt.date(2018, 5, 23))
    assert [p.text for p in r.paragraphs] == [
        "The chiefs of defence of the Balkan countries met.",
        "They discussed regional security.",
    ]
    assert Attendee(name="Jane Doe", role="Chief of Defence", country="RS") in r.attendees


# --- newsMessage ---------------------------------------------------------------------------


def message(*items: bytes) -> bytes:
    inner = b"".join(re.sub(rb"^<\?xml[^>]*\?>\s*", b"", i) for i in items)
    return (
        f'<newsMessage xmlns="{G2}"><header><sent>2019-04-02T16:05:00Z</sent></header><itemSet>'.encode()
        + inner
        + b"</itemSet></newsMessage>"
    )


def test_a_news_message_with_one_item_is_read_as_that_item(sample: PressRelease) -> None:
    data = message(communique.render(sample, "newsml"))
    assert registry.sniff(data[:4096]) == "newsml"
    assert communique.parse(data, "newsml") == sample


def test_a_news_message_with_several_items_is_refused_unless_one_is_chosen(sample: PressRelease) -> None:
    other = release()
    data = message(communique.render(sample, "newsml"), communique.render(other, "newsml"))
    with pytest.raises(ParseError, match=r"holds 2 news items .*item=N") as info:
        communique.parse(data, "newsml")
    assert "urn:communique:newsml:" in str(info.value)
    assert communique.parse(data, "newsml", item=1) == sample
    assert communique.parse(data, "newsml", item=2) == other
    with pytest.raises(ParseError, match="holds 2 news items"):
        communique.parse(data, "newsml", item=3)


def test_a_news_message_without_news_items_names_what_it_holds() -> None:
    data = message(b'<packageItem guid="p" standard="NewsML-G2" standardversion="2.35"/>')
    with pytest.raises(ParseError, match=r"holds no <newsItem>.*<packageItem>"):
        communique.parse(data, "newsml", validate=False)


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("root", "words"),
    [
        ("conceptItem", "concept item"),
        ("packageItem", "package item"),
        ("knowledgeItem", "knowledge item"),
        ("planningItem", "planning item"),
    ],
)
def test_other_item_kinds_are_refused_naming_what_they_are(root: str, words: str) -> None:
    data = f'<{root} xmlns="{G2}" guid="x" standard="NewsML-G2" standardversion="2.35"><itemMeta/></{root}>'.encode()
    assert registry.sniff(data) == "newsml"
    with pytest.raises(ParseError, match=f"is a <{root}>, a {words}") as info:
        communique.parse(data, "newsml")
    assert info.value.line == 1


def test_a_news_item_without_headline_is_refused() -> None:
    content = "<inlineData contenttype='text/plain'>Just text.</inlineData>"
    with pytest.raises(ParseError, match="no headline"):
        communique.parse(g2_item(content, meta=""), "newsml")
    nitf = f'<inlineXML contenttype="application/nitf+xml"><nitf xmlns="{NITF_NS}"><body><body.content><p>x</p></body.content></body></nitf></inlineXML>'
    with pytest.raises(ParseError, match="no headline"):
        communique.parse(g2_item(nitf, meta=""), "newsml")


def test_an_item_with_no_text_communique_reads_says_what_it_found() -> None:
    content = "<remoteContent href='http://example.org/story.pdf' contenttype='application/pdf'/>"
    with pytest.raises(ParseError, match="remoteContent application/pdf"):
        communique.parse(g2_item(content), "newsml")


def test_an_item_that_breaks_the_schema_is_refused_with_line_and_element() -> None:
    data = g2_item("<inlineData>x</inlineData>", meta="<headline>T</headline>").replace(
        b"<itemMeta><itemClass", b"<itemMeta>\n<bogus/><itemClass"
    )
    with pytest.raises(ParseError, match="does not match the schema") as info:
        communique.parse(data, "newsml")
    assert info.value.line == 5 and info.value.element == "<bogus>"
    assert communique.parse(data, "newsml", validate=False).header.title == "T"


def test_many_schema_errors_are_reported_as_one_error_with_the_rest_attached() -> None:
    bad = "".join("<bogus/>" for _ in range(200))
    data = g2_item("<inlineData>x</inlineData>").replace(b"<itemMeta>", f"<itemMeta>{bad}".encode())
    started = time.perf_counter()
    with pytest.raises(ParseError, match="does not match the schema") as info:
        communique.parse(data, "newsml")
    assert time.perf_counter() - started < 2.0
    assert info.value.element == "<bogus>"


@pytest.mark.parametrize(
    "data",
    [
        b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body/></nitf>',
        b'<newsItem xmlns="urn:not-newsml" guid="x"/>',
        b"<html><body><p>hello</p></body></html>",
    ],
)
def test_xml_that_is_not_newsml_is_refused(data: bytes) -> None:
    with pytest.raises(ParseError, match="not NewsML-G2"):
        communique.parse(data, "newsml")


def test_a_newer_major_version_is_refused() -> None:
    with pytest.raises(ParseError, match=r"reads NewsML-G2 2\.x"):
        communique.parse(g2_item("<inlineData>x</inlineData>", version="3.0"), "newsml", validate=False)


SECRET = "TOP-SECRET-newsml-4d1e"


def test_xxe_is_refused_and_nothing_leaks(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    data = g2_item("<inlineData>&xxe;</inlineData>").replace(
        b"<newsItem", f'<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n<newsItem'.encode(), 1
    )
    with pytest.raises(ParseError, match="DOCTYPE") as info:
        communique.parse(data, "newsml")
    assert SECRET not in str(info.value)


def test_billion_laughs_is_refused_quickly() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">' for i in range(1, 10)
    )
    data = g2_item("<inlineData>&lol9;</inlineData>").replace(
        b"<newsItem", f"<!DOCTYPE newsItem [{entities}]>\n<newsItem".encode(), 1
    )
    started = time.perf_counter()
    with pytest.raises(ParseError, match="DOCTYPE"):
        communique.parse(data, "newsml")
    assert time.perf_counter() - started < 1.0


def test_depth_and_size_limits_apply() -> None:
    with pytest.raises(ParseError, match="nested more than 256 levels"):
        communique.parse(b"<a>" * 100_000, "newsml")
    # Refused by parse() before the parser sees it: the newsml parser's max_size (issue 15).
    with pytest.raises(ParseError, match="larger than the 16 MiB the newsml parser accepts"):
        communique.parse(g2_item("<inlineData>" + "x" * (17 * 2**20) + "</inlineData>"), "newsml")


@pytest.mark.parametrize("data", [b"", b"not xml at all", b"\x00\x01binary"])
def test_empty_and_non_xml_input_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        communique.parse(data, "newsml")


def test_a_bad_date_names_the_element() -> None:
    with pytest.raises(ParseError, match="not a valid date") as info:
        communique.parse(
            g2_item(
                "<inlineData>x</inlineData>", meta="<contentCreated>2019-02-30</contentCreated><headline>T</headline>"
            ),
            "newsml",
            validate=False,
        )
    assert info.value.element.endswith("contentCreated")


# --- sniffing and the registry -------------------------------------------------------------


def test_sniffing_recognises_g2_roots_only() -> None:
    parser = NewsmlParser()
    assert parser.sniff(communique.render(release(), "newsml")[:8192])
    assert parser.sniff(b'<?xml version="1.0"?>\n<!-- feed --><g2:newsItem xmlns:g2="' + G2.encode() + b'">')
    assert not parser.sniff(b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">')
    assert not parser.sniff(b'<release xmlns="urn:communique:xml:release:2">')
    assert not parser.sniff(b"<newsItem>no namespace</newsItem>")
    # NITF alone still goes to nitf, a communique item to newsml although it holds <nitf>.
    assert registry.sniff(communique.render(release(), "nitf")[:8192]) == "nitf"
    assert registry.sniff(communique.render(release(), "newsml")[:8192]) == "newsml"


def test_the_cli_converts_text_to_newsml(sample: PressRelease, tmp_path: Path) -> None:
    import subprocess
    import sys

    source = REPO / "examples" / "sample_fr.txt"
    cli = [sys.executable, "-m", "communique", "convert", "--quiet"]
    subprocess.run([*cli, str(source), "--to", "newsml", "-o", str(tmp_path)], check=True, timeout=120)
    assert communique.read(tmp_path / "sample_fr.newsml.xml") == sample


def test_dates_keep_their_kind(sample: PressRelease) -> None:
    r = attrs.evolve(sample, dates=Dates(published=dt.date(2018, 5, 22), updated=dt.datetime(2018, 5, 22, 18)))
    assert communique.parse(communique.render(r, "newsml"), "newsml").dates == r.dates


def test_a_news_item_saved_as_plain_xml_is_read_by_the_xml_parser_too() -> None:
    source = communique.parse("A title\n\nBelgrade – A body paragraph that says something.\n", "text")
    item = communique.render(source, "newsml")
    assert communique.parse(item, "xml") == communique.parse(item, "newsml")
