"""The ``nitf`` exporter: IPTC NITF 3.6, valid against the official schema."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

import communique
from builders import headed, release, spanning
from communique import _xml, registry
from communique.errors import RenderError
from communique.model import Attendee, Dates, Header, Paragraph, PressRelease
from strategies import releases

REPO = Path(__file__).parents[2]
SCHEMAS = REPO / "src" / "communique" / "schemas" / "nitf"
N = {"n": "http://iptc.org/std/NITF/2006-10-18/", "cq": "urn:communique:nitf:1"}


def schema() -> etree.XMLSchema:
    return _xml.load_schema("nitf/nitf-3-6.xsd")


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return communique.read(REPO / "examples" / "sample_fr.txt")


@pytest.fixture(scope="module")
def root(sample: PressRelease) -> etree._Element:
    return etree.fromstring(communique.render(sample, "nitf"))


def test_the_sample_is_valid_nitf_3_6(root: etree._Element) -> None:
    schema().assertValid(root)
    assert root.tag == "{http://iptc.org/std/NITF/2006-10-18/}nitf"
    assert root.get("version") == "-//IPTC//DTD NITF 3.6//EN"
    assert root.get("baselang") == "fr"


def test_title_goes_to_head_title_and_hl1(sample: PressRelease, root: etree._Element) -> None:
    assert root.findtext("n:head/n:title", namespaces=N) == sample.header.title
    assert root.findtext("n:body/n:body.head/n:hedline/n:hl1", namespaces=N) == sample.header.title


def test_dates_use_iso_8601_basic_norms(root: etree._Element) -> None:
    assert root.find("n:head/n:revision-history", namespaces=N).get("norm") == "20180720T155700"
    event = root.find("n:head/n:docdata/n:identified-content/n:event", namespaces=N)
    assert (event.get("start-date"), event.get("end-date")) == ("20180522T000000", "20180523T000000")


def test_published_goes_to_date_issue_with_its_offset() -> None:
    tz = dt.timezone(dt.timedelta(hours=-4, minutes=-30))
    r = release(dates=Dates(published=dt.datetime(2018, 5, 22, 9, 5, 7, tzinfo=tz)))
    root = etree.fromstring(communique.render(r, "nitf"))
    assert root.find("n:head/n:docdata/n:date.issue", namespaces=N).get("norm") == "20180522T090507-0430"
    assert root.find("n:head/n:revision-history", namespaces=N) is None


def test_dateline_source_and_url(root: etree._Element) -> None:
    assert root.findtext("n:body/n:body.head/n:dateline/n:location/n:city", namespaces=N) == "Belgrade"
    r = release(header=Header(title="T", language="fr", source="OTAN", url="https://www.nato.int/x"))
    other = etree.fromstring(communique.render(r, "nitf"))
    assert other.findtext("n:body/n:body.head/n:distributor", namespaces=N) == "OTAN"
    assert other.find("n:head/n:docdata/n:doc-id", namespaces=N).get("id-string") == "https://www.nato.int/x"


def test_quotes_are_inline_q_elements_with_their_speaker(sample: PressRelease, root: etree._Element) -> None:
    qs = root.findall("n:body/n:body.content/n:p/n:q", namespaces=N)
    assert [q.text for q in qs] == [q.text for q in sample.quotes]
    assert [q.get("quote-source") for q in qs] == [q.speaker for q in sample.quotes]
    paragraphs = root.findall("n:body/n:body.content/n:p", namespaces=N)
    assert ["".join(p.itertext()) for p in paragraphs] == [p.text for p in sample.paragraphs]


def test_every_attendee_appears_once_in_identified_content(sample: PressRelease, root: etree._Element) -> None:
    content = root.find("n:head/n:docdata/n:identified-content", namespaces=N)
    people = content.findall("n:person", namespaces=N)
    assert len(people) == len(sample.attendees)
    shepro = people[0]
    assert shepro.text == "Shepro"
    functions = {f.get(f"{{{N['cq']}}}field"): f.text for f in shepro.findall("n:function", namespaces=N)}
    assert functions == {"rank": "général de corps aérien", "role": "président délégué du Comité militaire"}
    assert shepro.find("n:alt-code", namespaces=N).get("value") == "DCMC"
    orgs = content.findall("n:org", namespaces=N)
    assert ("a1", "OTAN") in [(o.get(f"{{{N['cq']}}}attendee"), o.text) for o in orgs]
    countries = content.findall("n:location/n:country", namespaces=N)
    assert {c.get("iso-cc") for c in countries} == {a.country for a in sample.attendees if a.country}
    serbia = next(c for c in countries if c.get("iso-cc") == "RS")
    assert serbia.text == "Serbie"


def test_output_is_deterministic(sample: PressRelease) -> None:
    assert communique.render(sample, "nitf") == communique.render(sample, "nitf")


def test_control_characters_are_refused_naming_the_field() -> None:
    r = release(attendees=[Attendee(name="Shepro", organization="O\x02TAN")])
    with pytest.raises(RenderError, match="control character U\\+0002") as info:
        communique.render(r, "nitf")
    assert info.value.path == "attendees[0].organization"
    with pytest.raises(RenderError) as info:
        communique.render(release(paragraphs=[Paragraph(text="a\x1fb")], quotes=[]), "nitf")
    assert info.value.path == "paragraphs[0].text"


def test_file_extensions_pick_nitf_over_xml() -> None:
    assert registry.exporter_for("story.nitf") == "nitf"
    assert registry.exporter_for("story.NITF.xml") == "nitf"
    assert registry.exporter_for("story.xml") == "xml"
    assert registry.parser_for("story.nitf.xml") == "nitf"
    assert registry.parser_for("story.xml") == "xml"


@settings(max_examples=75, deadline=None)
@given(releases(xml_safe=True))
def test_every_export_validates_against_the_official_schema(r: PressRelease) -> None:
    schema().assertValid(etree.fromstring(communique.render(r, "nitf")))


def test_the_official_schema_is_shipped_unchanged_with_iptcs_notice() -> None:
    digest = hashlib.sha256((SCHEMAS / "nitf-3-6.xsd").read_bytes()).hexdigest()
    assert digest == "78f4931e19ae7c1b8dc55156675991b90d85b147fe7e683a2f11928071470cf4"
    notice = (SCHEMAS / "NOTICE.txt").read_text()
    assert "International Press Telecommunications Council" in notice and "CC BY 4.0" in notice
    assert "Non-Exclusive License Agreement" in (SCHEMAS / "nitf-3-6.xsd").read_text()


def test_the_shipped_schemas_match_the_shared_copies(shared: Path) -> None:
    for name in ("nitf-3-6.xsd", "nitf-3-6-ruby-include.xsd", "xml.xsd"):
        assert (SCHEMAS / name).read_bytes() == (shared / "schemas" / "nitf" / name).read_bytes(), name


def test_subtitle_is_hl2_reference_a_doc_id_and_a_date_only_stamp_is_marked() -> None:
    r = headed(header=attrs.evolve(headed().header, title_derived=True))
    root = etree.fromstring(communique.render(r, "nitf"))
    schema().assertValid(root)
    hedline = root.find("n:body/n:body.head/n:hedline", namespaces=N)
    assert hedline.findtext("n:hl2", namespaces=N) == "Par le secrétaire général de l’OTAN"
    assert hedline.find("n:hl1", namespaces=N).get(f"{{{N['cq']}}}derived") == "true"
    doc_id = root.find("n:head/n:docdata/n:doc-id", namespaces=N)
    assert doc_id.get("id-string") == "Communiqué de presse (2018) 071"
    assert doc_id.get(f"{{{N['cq']}}}field") == "reference"
    issue = root.find("n:head/n:docdata/n:date.issue", namespaces=N)
    # NITF's own way to write a day without a time, marked so it is not read back as midnight.
    assert (issue.get("norm"), issue.get(f"{{{N['cq']}}}precision")) == ("20180523T000000", "date")
    revision = root.find("n:head/n:revision-history", namespaces=N)
    assert (revision.get("norm"), revision.get(f"{{{N['cq']}}}precision")) == ("20180720T155700", None)
    back = communique.parse(communique.render(r, "nitf"), "nitf")
    assert back == r
    assert type(back.dates.published) is dt.date


def test_a_headline_title_has_no_derived_mark_and_no_subtitle_no_hl2() -> None:
    root = etree.fromstring(communique.render(release(), "nitf"))
    hedline = root.find("n:body/n:body.head/n:hedline", namespaces=N)
    assert hedline.find("n:hl2", namespaces=N) is None
    assert hedline.find("n:hl1", namespaces=N).get(f"{{{N['cq']}}}derived") is None
    assert root.find("n:head/n:docdata/n:doc-id", namespaces=N) is None


def test_version_2_markup_is_communique_attributes_on_valid_nitf() -> None:
    r = spanning()
    root = etree.fromstring(communique.render(r, "nitf"))
    schema().assertValid(root)
    cq = f"{{{N['cq']}}}"
    assert root.get(f"{cq}version") == "2"
    # head/title stays plain text; the title's quotes are marked in hl1.
    assert root.findtext("n:head/n:title", namespaces=N) == r.header.title
    hl1 = root.find("n:body/n:body.head/n:hedline/n:hl1", namespaces=N)
    assert "".join(hl1.itertext()) == r.header.title
    [q] = hl1.findall("n:q", namespaces=N)
    assert (q.text, q.get("quote-source"), q.get(f"{cq}attendee"), q.get(f"{cq}group")) == (
        "Unis",
        "porte-parole",
        "a1",
        None,
    )
    parts = root.findall("n:body/n:body.content/n:p/n:q", namespaces=N)
    assert [(q.get(f"{cq}group"), q.get(f"{cq}attendee"), q.get("quote-source")) for q in parts] == [
        ("7", "a1", "porte-parole"),
        ("7", "a1", "porte-parole"),
    ]
    content = root.find("n:head/n:docdata/n:identified-content", namespaces=N)
    people = content.findall("n:person", namespaces=N)
    assert [(p.get("id"), p.get(f"{cq}kind")) for p in people] == [("a1", None), ("m1", "mention")]
    assert people[1].text == "Jens Stoltenberg"


def test_a_mention_s_organisation_and_country_point_at_its_person() -> None:
    r = spanning(mentions=[Attendee(name="Jens Stoltenberg", organization="NATO", country="NO")])
    root = etree.fromstring(communique.render(r, "nitf"))
    schema().assertValid(root)
    cq = f"{{{N['cq']}}}"
    content = root.find("n:head/n:docdata/n:identified-content", namespaces=N)
    assert [(o.get(f"{cq}person"), o.text) for o in content.findall("n:org", namespaces=N)] == [
        (None, "OTAN"),
        ("m1", "NATO"),
    ]
    assert content.find("n:location", namespaces=N) is not None
    assert communique.parse(communique.render(r, "nitf"), "nitf") == r
