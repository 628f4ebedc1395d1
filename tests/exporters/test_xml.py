"""The ``xml`` exporter: communique's own vocabulary, schema-valid, exact, deterministic."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

import communique
from builders import headed, quote, release, spanning
from communique import _xml
from communique.errors import RenderError
from communique.model import Attendee, Dates, Header, Paragraph, PressRelease, Quote
from strategies import releases

NS = "urn:communique:xml:release:2"
C = {"c": NS}


def schema() -> etree.XMLSchema:
    return _xml.load_schema("communique-release-2.xsd")


def tree(data: bytes) -> etree._Element:
    return etree.fromstring(data)


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return communique.read(communique.__file__.rsplit("/src/", 1)[0] + "/examples/sample_fr.txt")


def test_the_sample_renders_as_a_schema_valid_document(sample: PressRelease) -> None:
    data = communique.render(sample, "xml")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<release xmlns="urn:communique:xml:release:2"')
    root = tree(data)
    schema().assertValid(root)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.findtext("c:header/c:title", namespaces=C) == sample.header.title
    assert root.findtext("c:header/c:dateline", namespaces=C) == "Belgrade"
    assert root.findtext("c:dates/c:start", namespaces=C) == "2018-05-22"
    assert root.findtext("c:dates/c:end", namespaces=C) == "2018-05-23"
    assert root.findtext("c:dates/c:updated", namespaces=C) == "2018-07-20T15:57:00"
    assert len(root.findall("c:paragraphs/c:p", namespaces=C)) == len(sample.paragraphs)


def test_quotes_are_inline_with_speaker_names_and_attendee_idrefs(sample: PressRelease) -> None:
    root = tree(communique.render(sample, "xml"))
    quotes = root.findall("c:paragraphs/c:p/c:quote", namespaces=C)
    assert [q.text for q in quotes] == [q.text for q in sample.quotes]
    shepro = sample.attendees.index(sample.attendee("Shepro")) + 1
    spoken = [q for q in quotes if q.get("speaker")]
    assert spoken and all(q.get("speaker") == "Shepro" and q.get("attendee") == f"a{shepro}" for q in spoken)
    p = quotes[1].getparent()
    assert p is not None
    assert "".join(p.itertext()) == sample.paragraphs[sample.quotes[1].paragraph].text


def test_the_issue_example_appears_verbatim(sample: PressRelease) -> None:
    text = communique.render(sample, "xml").decode()
    assert 'souligné que «&#xA0;<quote speaker="Shepro" attendee="a1">l’OTAN maintiendrait sa présence' in text
    assert "bénéfiques pour la stabilité et la sécurité en Europe</quote>&#xA0;»" in text


def test_attendees_carry_every_field_and_nameless_ones_still_get_an_id(sample: PressRelease) -> None:
    root = tree(communique.render(sample, "xml"))
    attendees = root.findall("c:attendees/c:attendee", namespaces=C)
    assert [a.get("id") for a in attendees] == [f"a{i}" for i in range(1, len(sample.attendees) + 1)]
    first = attendees[0]
    assert [child.tag.split("}")[1] for child in first] == ["name", "rank", "role", "organization", "alias"]
    assert first.findtext("c:alias", namespaces=C) == "DCMC"
    nameless = [a for a, m in zip(attendees, sample.attendees, strict=True) if m.name is None]
    assert nameless and all(a.find("c:name", namespaces=C) is None for a in nameless)
    assert all(a.findtext("c:country", namespaces=C) for a in nameless[:3])


def test_none_is_an_absent_element_and_empty_text_an_empty_one() -> None:
    r = release(header=Header(title="T", language="fr", source="", url=None, dateline=None))
    root = tree(communique.render(r, "xml"))
    assert root.find("c:header/c:source", namespaces=C) is not None
    assert root.findtext("c:header/c:source", namespaces=C) == ""
    assert root.find("c:header/c:url", namespaces=C) is None


def test_output_is_deterministic(sample: PressRelease) -> None:
    assert communique.render(sample, "xml") == communique.render(sample, "xml")


def test_pretty_printing_never_touches_text() -> None:
    text = "  lead\n\tand trail \r\n"
    r = PressRelease(
        header=Header(title=" T ", language="en"),
        paragraphs=[Paragraph(text=text), Paragraph(text="")],
        quotes=[Quote(text="lead", paragraph=0, start=2, end=6)],
    )
    data = communique.render(r, "xml")
    assert b"<p>  <quote>lead</quote>\n\tand trail &#13;\n</p>" in data
    assert b"<p/>" in data
    assert b"<title> T </title>" in data


def test_markup_characters_are_escaped() -> None:
    text = "a < b && c ]]> d"
    r = PressRelease(header=Header(title="<b>&amp;", language="en"), paragraphs=[Paragraph(text=text)])
    data = communique.render(r, "xml")
    assert b"<title>&lt;b&gt;&amp;amp;</title>" in data
    assert b"a &lt; b &amp;&amp; c ]]&gt; d" in data
    schema().assertValid(tree(data))


def test_dates_are_iso_8601_with_offsets_when_known() -> None:
    tz = dt.timezone(dt.timedelta(hours=-5, minutes=-30))
    r = release(dates=Dates(published=dt.datetime(2018, 5, 22, 9, 0, 0, 123, tzinfo=tz)))
    root = tree(communique.render(r, "xml"))
    assert root.findtext("c:dates/c:published", namespaces=C) == "2018-05-22T09:00:00.000123-05:30"
    assert root.find("c:dates/c:start", namespaces=C) is None


def test_an_offset_with_seconds_cannot_be_written() -> None:
    tz = dt.timezone(dt.timedelta(hours=1, seconds=30))
    r = release(dates=Dates(updated=dt.datetime(2018, 5, 22, tzinfo=tz)))
    with pytest.raises(RenderError, match="whole number of minutes") as info:
        communique.render(r, "xml")
    assert info.value.path == "dates.updated"


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"paragraphs": [Paragraph(text="bell \x07 here")], "quotes": []}, "paragraphs[0].text"),
        ({"header": Header(title="T\x00", language="fr")}, "header.title"),
        ({"header": Header(title="T", language="fr", dateline="Bel\x1bgrade")}, "header.dateline"),
        ({"attendees": [Attendee(name="Shepro", role="r\x0c")]}, "attendees[0].role"),
        ({"attendees": [Attendee(name="Shepro", aliases=("D\x01",))]}, "attendees[0].aliases[0]"),
        ({"quotes": [quote("l’OTAN", speaker="un\x02témoin")]}, "quotes[0].speaker"),
        ({"mentions": [Attendee(name="Tito\x03")]}, "mentions[0].name"),
    ],
)
def test_control_characters_are_refused_naming_the_field(changes: dict[str, object], path: str) -> None:
    r = release(**changes)
    with pytest.raises(RenderError, match="control character") as info:
        communique.render(r, "xml")
    assert info.value.path == path
    assert path in str(info.value)


def test_a_failed_export_writes_no_file(tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "out.xml"
    with pytest.raises(RenderError):
        communique.write(release(paragraphs=[Paragraph(text="\x00")], quotes=[]), target)
    assert not target.exists()


def test_unicode_is_written_as_utf8_and_invisible_spaces_as_references() -> None:
    text = "ć š œ « » ’ – Ђорђе Ελλάδα 😀"
    r = PressRelease(
        header=Header(title=text, language="sr-Latn"), paragraphs=[Paragraph(text=f"«\u00a0{text}\u202f»")]
    )
    data = communique.render(r, "xml")
    assert f"<title>{text}</title>".encode() in data
    assert f"<p>«&#xA0;{text}&#x202F;»</p>".encode() in data
    assert communique.parse(data, "xml") == r


@settings(max_examples=100, deadline=None)
@given(releases(xml_safe=True))
def test_every_export_validates_against_the_shipped_schema(r: PressRelease) -> None:
    schema().assertValid(tree(communique.render(r, "xml")))


def test_subtitle_reference_derived_title_and_date_only_stamp_are_schema_valid() -> None:
    r = headed(header=attrs.evolve(headed().header, title_derived=True))
    root = tree(communique.render(r, "xml"))
    schema().assertValid(root)
    assert [el.tag.rpartition("}")[2] for el in root.find("c:header", C)] == [
        "title",
        "subtitle",
        "source",
        "dateline",
        "reference",
    ]
    assert root.find("c:header/c:title", C).get("derived") == "true"
    assert root.findtext("c:header/c:subtitle", namespaces=C) == "Par le secrétaire général de l’OTAN"
    assert root.findtext("c:header/c:reference", namespaces=C) == "Communiqué de presse (2018) 071"
    assert root.findtext("c:dates/c:published", namespaces=C) == "2018-05-23"
    assert root.findtext("c:dates/c:updated", namespaces=C) == "2018-07-20T15:57:00"
    back = communique.parse(communique.render(r, "xml"), "xml")
    assert back == r
    assert type(back.dates.published) is dt.date


def test_a_headline_title_has_no_derived_attribute() -> None:
    root = tree(communique.render(headed(), "xml"))
    assert root.find("c:header/c:title", C).get("derived") is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<published>2018-05-23</published>", b"<published>23 May 2018</published>"),
        (b"<published>2018-05-23</published>", b"<published>2018-05-23T10:00</published>"),
        (b"<subtitle>Par", b"<subtitle>\n\nPar"),
        (b"<reference>Communiqu\xc3\xa9", b"<reference>\nCommuniqu\xc3\xa9"),
        (b"<title>", b'<title derived="maybe">'),
    ],
)
def test_the_schema_refuses_malformed_new_fields(old: bytes, new: bytes) -> None:
    data = communique.render(headed(), "xml")
    assert old in data
    assert not schema().validate(tree(data.replace(old, new)))


def test_version_2_markup_title_quotes_groups_role_speakers_and_mentions() -> None:
    r = spanning()
    data = communique.render(r, "xml")
    root = tree(data)
    schema().assertValid(root)
    title = root.find("c:header/c:title", namespaces=C)
    assert title is not None and "".join(title.itertext()) == r.header.title
    [in_title] = title.findall("c:quote", namespaces=C)
    assert (in_title.text, in_title.get("speaker"), in_title.get("attendee"), in_title.get("group")) == (
        "Unis",
        "porte-parole",
        "a1",
        None,
    )
    parts = root.findall("c:paragraphs/c:p/c:quote", namespaces=C)
    assert [(q.get("group"), q.get("attendee")) for q in parts] == [("7", "a1"), ("7", "a1")]
    mention = root.find("c:mentions/c:mention", namespaces=C)
    assert mention is not None and mention.get("id") is None
    assert mention.findtext("c:name", namespaces=C) == "Jens Stoltenberg"
    assert communique.parse(data, "xml") == r


def test_a_speaker_who_is_not_an_attendee_has_no_attendee_attribute() -> None:
    r = release(quotes=(quote("l’avenir", speaker="un porte-parole"),))
    q = tree(communique.render(r, "xml")).find("c:paragraphs/c:p/c:quote", namespaces=C)
    assert q is not None and q.attrib == {"speaker": "un porte-parole"}


@pytest.mark.parametrize(
    ("header", "paragraphs"),
    [
        ('<title>T <quote group="0">x</quote></title>', ""),  # a quote in the title has no group
        ("<title>T</title>", '<p>T <quote group="-1">x</quote></p>'),
        ("<title>T</title>", '<p>T <quote in_title="true">x</quote></p>'),
    ],
)
def test_the_version_2_schema_refuses_what_the_model_cannot_hold(header: str, paragraphs: str) -> None:
    body = f"<paragraphs>{paragraphs}</paragraphs>" if paragraphs else ""
    root = tree(f'<release xmlns="{NS}" xml:lang="fr"><header>{header}</header>{body}</release>'.encode())
    assert not schema().validate(root)


def test_names_are_unique_across_attendees_and_mentions_in_the_schema() -> None:
    data = communique.render(spanning(), "xml").replace(b"Jens Stoltenberg", b"J")
    root = tree(
        data.replace(b"<role>porte-parole</role>\n      <organization>", b"<name>J</name>\n      <organization>")
    )
    assert not schema().validate(root)


def test_the_version_1_schema_is_still_shipped() -> None:
    v1 = _xml.load_schema("communique-release-1.xsd")
    old = (
        '<release xmlns="urn:communique:xml:release:1" xml:lang="fr"><header><title>T</title></header>'
        '<paragraphs><p>a <quote speaker="a1">b</quote></p></paragraphs>'
        '<attendees><attendee id="a1"><name>X</name></attendee></attendees></release>'
    )
    v1.assertValid(tree(old.encode()))
