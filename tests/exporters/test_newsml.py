"""The ``newsml`` exporter: an IPTC NewsML-G2 2.35 newsItem, valid against the official schema."""

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
from communique.exporters.newsml import GUID_PREFIX, UNKNOWN_VERSION_CREATED
from communique.model import Attendee, Dates, Header, Paragraph, PressRelease
from strategies import releases

REPO = Path(__file__).parents[2]
SCHEMAS = REPO / "src" / "communique" / "schemas" / "newsml-g2"
G = {"g": "http://iptc.org/std/nar/2006-10-01/", "n": "http://iptc.org/std/NITF/2006-10-18/"}
XSD_SHA256 = "06ef1c5076a32f2568ac8955994029890afac0268f795e3c26642ded52cf0181"


def schema() -> etree.XMLSchema:
    return _xml.load_schema("newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd")


def nitf_schema() -> etree.XMLSchema:
    return _xml.load_schema("nitf/nitf-3-6.xsd")


def item(r: PressRelease) -> etree._Element:
    root = etree.fromstring(communique.render(r, "newsml"))
    schema().assertValid(root)
    return root


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return communique.read(REPO / "examples" / "sample_fr.txt")


@pytest.fixture(scope="module")
def root(sample: PressRelease) -> etree._Element:
    return item(sample)


def test_the_sample_is_a_valid_newsml_g2_2_35_news_item(root: etree._Element) -> None:
    assert root.tag == "{http://iptc.org/std/nar/2006-10-01/}newsItem"
    assert (root.get("standard"), root.get("standardversion"), root.get("conformance")) == (
        "NewsML-G2",
        "2.35",
        "power",
    )
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.find("g:itemMeta/g:itemClass", G).get("qcode") == "ninat:text"
    assert root.find("g:itemMeta/g:pubStatus", G).get("qcode") == "stat:usable"
    assert root.find("g:contentMeta/g:language", G).get("tag") == "fr"


def test_the_body_is_the_nitf_exporters_document_inline(sample: PressRelease, root: etree._Element) -> None:
    inline = root.find("g:contentSet/g:inlineXML", G)
    assert inline.get("contenttype") == "application/nitf+xml"
    (nitf,) = inline
    nitf_schema().assertValid(nitf)
    standalone = etree.fromstring(communique.render(sample, "nitf"))
    assert etree.tostring(nitf, method="c14n", exclusive=True) == etree.tostring(
        standalone, method="c14n", exclusive=True
    )


def test_guid_and_version_are_stable_and_derived_from_the_release(sample: PressRelease, root: etree._Element) -> None:
    assert communique.render(sample, "newsml") == communique.render(sample, "newsml")
    guid = root.get("guid")
    assert guid.startswith(GUID_PREFIX) and len(guid) == len(GUID_PREFIX) + 32
    assert root.get("version") == "201807201557"  # the update stamp's digits
    # A corrected paragraph is a new version of the same item; another release is another item.
    edited = attrs.evolve(
        sample,
        paragraphs=[*sample.paragraphs[:-1], Paragraph(text="Corrigé.")],
        quotes=[q for q in sample.quotes if q.paragraph < len(sample.paragraphs) - 1],
    )
    assert item(edited).get("guid") == guid
    other = attrs.evolve(sample, header=attrs.evolve(sample.header, title="Autre communiqué"))
    assert item(other).get("guid") != guid
    with_url = attrs.evolve(sample, header=attrs.evolve(sample.header, url="https://www.nato.int/x"))
    assert item(with_url).get("guid") == item(
        attrs.evolve(with_url, header=attrs.evolve(with_url.header, title="Titre corrigé"))
    ).get("guid")
    later = attrs.evolve(sample, dates=attrs.evolve(sample.dates, updated=dt.datetime(2018, 7, 21, 9, 0)))
    assert int(item(later).get("version")) > int(root.get("version"))
    assert item(attrs.evolve(sample, dates=attrs.evolve(sample.dates, updated=None))).get("version") == "1"


def test_headline_dateline_located_and_stamps(sample: PressRelease, root: etree._Element) -> None:
    meta = root.find("g:contentMeta", G)
    assert meta.findtext("g:headline", namespaces=G) == sample.header.title
    assert meta.findtext("g:dateline", namespaces=G) == "Belgrade"
    assert meta.findtext("g:located/g:name", namespaces=G) == "Belgrade"
    assert meta.findtext("g:contentModified", namespaces=G) == "2018-07-20T15:57:00"
    assert root.findtext("g:itemMeta/g:versionCreated", namespaces=G) == "2018-07-20T15:57:00"


def test_source_url_reference_subtitle_and_a_date_only_stamp() -> None:
    tz = dt.timezone(dt.timedelta(hours=2))
    r = headed(header=attrs.evolve(headed().header, url="https://www.nato.int/cps/fr/natohq/news_1.htm"))
    r = attrs.evolve(r, dates=attrs.evolve(r.dates, updated=dt.datetime(2018, 7, 20, 15, 57, 30, 250, tzinfo=tz)))
    root = item(r)
    assert root.findtext("g:itemMeta/g:provider/g:name", namespaces=G) == "OTAN"
    assert root.findtext("g:contentMeta/g:creator/g:name", namespaces=G) == "OTAN"
    link = root.find("g:itemMeta/g:link", G)
    assert (link.get("rel"), link.get("href")) == ("irel:seeAlso", r.header.url)
    assert root.findtext("g:contentMeta/g:altId", namespaces=G) == r.header.reference
    summary = root.find("g:contentMeta/g:description", G)
    assert (summary.get("role"), summary.text) == ("drol:summary", r.header.subtitle)
    assert isinstance(r.dates.published, dt.date) and not isinstance(r.dates.published, dt.datetime)
    assert root.findtext("g:contentMeta/g:contentCreated", namespaces=G) == r.dates.published.isoformat()
    assert root.find("g:itemMeta/g:firstCreated", G) is None  # a date-time only
    assert root.findtext("g:contentMeta/g:contentModified", namespaces=G) == "2018-07-20T15:57:30.000250+02:00"


def test_a_release_without_stamps_still_has_the_required_version_created() -> None:
    r = release(dates=Dates(), header=Header(title="T", language="en"))
    root = item(r)
    assert root.findtext("g:itemMeta/g:versionCreated", namespaces=G) == UNKNOWN_VERSION_CREATED
    assert root.find("g:itemMeta/g:provider", G) is not None  # required, empty without a source
    assert root.find("g:assert", G) is None  # no event date: no eventDetails
    published = release(dates=Dates(published=dt.date(2019, 4, 2)))
    assert item(published).findtext("g:itemMeta/g:versionCreated", namespaces=G) == "2019-04-02T00:00:00"


def test_named_attendees_are_person_subjects_with_role_and_affiliation(
    sample: PressRelease, root: etree._Element
) -> None:
    people = root.findall("g:contentMeta/g:subject[@type='cpnat:person']", G)
    named = [a for a in sample.attendees if a.name is not None]
    assert [p.findtext("g:name", namespaces=G) for p in people] == [a.name for a in named]
    shepro = people[0]
    assert (
        shepro.findtext("g:definition", namespaces=G)
        == "général de corps aérien, président délégué du Comité militaire"
    )
    assert shepro.findtext("g:related[@type='cpnat:organisation']/g:name", namespaces=G) == "OTAN"
    dikovic = people[1]
    assert dikovic.find("g:related[@type='cpnat:geoArea']", G).get("qcode") == "iso3166-1a2:RS"


def test_participating_countries_are_geo_area_subjects_with_iso_qcodes(
    sample: PressRelease, root: etree._Element
) -> None:
    areas = root.findall("g:contentMeta/g:subject[@type='cpnat:geoArea']", G)
    codes = list(dict.fromkeys(a.country for a in sample.attendees if a.country))
    assert [a.get("qcode") for a in areas] == [f"iso3166-1a2:{c}" for c in codes]
    assert areas[0].findtext("g:name", namespaces=G) == "Serbie"


def test_the_event_is_an_assert_with_event_details_referenced_by_a_subject(
    sample: PressRelease, root: etree._Element
) -> None:
    subject = root.find("g:contentMeta/g:subject[@type='cpnat:event']", G)
    (assertion,) = root.findall("g:assert", G)
    assert assertion.get("uri") == subject.get("uri") == root.get("guid") + ":event"
    details = assertion.find("g:eventDetails", G)
    assert details.findtext("g:dates/g:start", namespaces=G) == "2018-05-22"
    assert details.findtext("g:dates/g:end", namespaces=G) == "2018-05-23"
    assert details.findtext("g:location/g:name", namespaces=G) == "Belgrade"
    participants = details.findall("g:participant", G)
    assert len(participants) == len(sample.attendees)
    assert participants[0].findtext("g:personDetails/g:affiliation/g:name", namespaces=G) == "OTAN"
    by_role = next(p for p, a in zip(participants, sample.attendees, strict=True) if a.name is None)
    assert by_role.find("g:name", G) is None and by_role.findtext("g:definition", namespaces=G)
    # The participants and the person subjects are the same concepts (same uri).
    subjects = {s.get("uri") for s in root.findall("g:contentMeta/g:subject[@type='cpnat:person']", G)}
    assert subjects <= {p.get("uri") for p in participants}


def test_control_characters_are_refused_naming_the_field() -> None:
    r = release(attendees=[Attendee(name="Shepro", organization="O\x02TAN")])
    with pytest.raises(RenderError, match="control character U\\+0002") as info:
        communique.render(r, "newsml")
    assert info.value.path == "attendees[0].organization"


def test_an_offset_of_seconds_is_refused() -> None:
    odd = dt.timezone(dt.timedelta(hours=1, seconds=30))
    with pytest.raises(RenderError, match="whole number of minutes") as info:
        communique.render(release(dates=Dates(published=dt.datetime(2018, 5, 22, 9, tzinfo=odd))), "newsml")
    assert info.value.path == "dates.published"


def test_file_extensions_pick_newsml_over_xml_and_xml_stays_xml() -> None:
    assert registry.exporter_for("story.newsml.xml") == "newsml"
    assert registry.exporter_for("story.NewsML.xml") == "newsml"
    assert registry.parser_for("story.newsml.xml") == "newsml"
    assert registry.exporter_for("story.xml") == "xml"
    assert registry.parser_for("story.xml") == "xml"
    assert registry.exporter_for("story.nitf.xml") == "nitf"


@settings(max_examples=75, deadline=None)
@given(releases(xml_safe=True))
def test_every_export_validates_against_the_official_schemas(r: PressRelease) -> None:
    root = item(r)
    nitf_schema().assertValid(root.find("g:contentSet/g:inlineXML/n:nitf", G))


def test_a_spanning_quotation_title_quote_and_mention_validate() -> None:
    item(spanning())


def test_the_official_schema_is_shipped_unchanged_with_its_licence_notice() -> None:
    assert hashlib.sha256((SCHEMAS / "NewsML-G2_2.35-spec-All-Power.xsd").read_bytes()).hexdigest() == XSD_SHA256
    notice = (SCHEMAS / "NOTICE.txt").read_text()
    assert "International Press Telecommunications Council" in notice and "CC BY 4.0" in notice
    assert "Creative Commons Attribution 4.0" in (SCHEMAS / "NewsML-G2_2.35-spec-All-Power.xsd").read_text()


def test_the_shipped_schemas_match_the_shared_copies(shared: Path) -> None:
    for name in ("NewsML-G2_2.35-spec-All-Power.xsd", "xml.xsd"):
        assert (SCHEMAS / name).read_bytes() == (shared / "schemas" / "newsml-g2" / name).read_bytes(), name
