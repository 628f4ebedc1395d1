"""The json exporter writes canonical JSON that the shipped JSON Schema accepts."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from builders import headed, release, spanning
from communique import Dates, ParseError, PressRelease, parse, render
from strategies import releases


def _validator(version: int) -> jsonschema.Draft202012Validator:
    name = f"release-{version}.schema.json"
    schema = json.loads(resources.files("communique.schemas").joinpath(name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return _validator(2)


def test_output_is_utf8_not_escaped_indented_and_marked() -> None:
    data = render(release(), "json")
    text = data.decode("utf-8")
    assert "« l’avenir" in text and "\\u" not in text
    assert text.startswith('{\n  "$schema": "urn:communique:schema:release:2",\n  "schema_version": 2,')
    assert text.endswith("}\n")


def test_keys_follow_model_order() -> None:
    doc = json.loads(render(release(), "json"))
    assert list(doc) == [
        "$schema",
        "schema_version",
        "header",
        "dates",
        "paragraphs",
        "quotes",
        "attendees",
        "mentions",
    ]
    assert list(doc["header"]) == [
        "title",
        "subtitle",
        "language",
        "source",
        "url",
        "dateline",
        "reference",
        "title_derived",
    ]
    assert list(doc["quotes"][0]) == ["text", "speaker", "attendee", "paragraph", "start", "end", "in_title", "group"]
    assert doc["dates"] == {
        "start": "2018-05-22",
        "end": "2018-05-23",
        "published": None,
        "updated": "2018-07-20T15:57:00",
    }


def test_same_release_same_bytes() -> None:
    assert render(release(), "json") == render(release(), "json")


def test_the_export_validates_against_the_shipped_schema(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(json.loads(render(release(), "json")))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_every_release_exports_schema_valid_json_and_round_trips(
    validator: jsonschema.Draft202012Validator, r: PressRelease
) -> None:
    data = render(r, "json")
    validator.validate(json.loads(data))
    assert parse(data, "json") == r


def test_subtitle_reference_derived_title_and_date_only_stamps_are_written_and_valid(
    validator: jsonschema.Draft202012Validator,
) -> None:
    r = headed(header=attrs.evolve(headed().header, title_derived=True), dates=Dates(published=dt.date(2018, 12, 4)))
    doc = json.loads(render(r, "json"))
    validator.validate(doc)
    assert doc["header"]["subtitle"] == "Par le secrétaire général de l’OTAN"
    assert doc["header"]["reference"] == "Communiqué de presse (2018) 071"
    assert doc["header"]["title_derived"] is True
    assert doc["dates"]["published"] == "2018-12-04"
    back = parse(render(r, "json"), "json")
    assert back == r
    assert type(back.dates.published) is dt.date


def test_a_file_without_the_new_header_keys_reads_with_their_defaults() -> None:
    doc = json.loads(render(release(), "json"))
    for key in ("subtitle", "reference", "title_derived"):
        del doc["header"][key]
    back = parse(json.dumps(doc).encode(), "json")
    assert back == release()
    assert (back.header.subtitle, back.header.reference, back.header.title_derived) == (None, None, False)


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("header", "title_derived"), 1, "expected a boolean"),
        (("header", "subtitle"), "two\nlines", "single line"),
        (("header", "reference"), "", "must not be empty"),
        (("dates", "published"), "4 December 2018", "ISO 8601 date or date-time"),
        (("dates", "updated"), "2018-05-22", "before published"),
    ],
)
def test_bad_new_values_are_refused_naming_the_field(
    validator: jsonschema.Draft202012Validator, where: tuple[str, str], value: object, message: str
) -> None:
    doc = json.loads(render(headed(), "json"))
    doc[where[0]][where[1]] = value
    with pytest.raises(ParseError, match=message) as err:
        parse(json.dumps(doc).encode(), "json")
    assert err.value.element == ".".join(where)
    if where != ("dates", "updated"):  # ordering is the model's rule, not the schema's
        assert not validator.is_valid(doc)


def test_version_2_fields_are_written_and_schema_valid(validator: jsonschema.Draft202012Validator) -> None:
    r = spanning()
    doc = json.loads(render(r, "json"))
    validator.validate(doc)
    assert doc["quotes"][0] == {
        "text": "Unis",
        "speaker": "porte-parole",
        "attendee": 0,
        "paragraph": 0,
        "start": 2,
        "end": 6,
        "in_title": True,
        "group": None,
    }
    assert [q["group"] for q in doc["quotes"]] == [None, 7, 7]
    assert doc["mentions"] == [
        {
            "name": "Jens Stoltenberg",
            "rank": None,
            "role": "prédécesseur",
            "organization": None,
            "country": None,
            "aliases": [],
        }
    ]
    assert parse(render(r, "json"), "json") == r


def test_the_version_2_schema_refuses_a_grouped_title_quote(validator: jsonschema.Draft202012Validator) -> None:
    doc = json.loads(render(spanning(), "json"))
    doc["quotes"][0]["group"] = 3
    assert not validator.is_valid(doc)


def test_the_version_1_schema_is_still_shipped_and_describes_version_1() -> None:
    v1 = _validator(1)
    doc = json.loads(render(release(), "json"))
    assert not v1.is_valid(doc)  # a version-2 document is not a version-1 one
    doc.update({"$schema": "urn:communique:schema:release:1", "schema_version": 1})
    del doc["mentions"]
    for q in doc["quotes"]:
        for key in ("attendee", "in_title", "group"):
            del q[key]
    v1.validate(doc)
