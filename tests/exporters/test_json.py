"""The json exporter writes canonical JSON that the shipped JSON Schema accepts."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from builders import release
from communique import PressRelease, parse, render
from strategies import releases


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("communique.schemas").joinpath("release-1.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_output_is_utf8_not_escaped_indented_and_marked() -> None:
    data = render(release(), "json")
    text = data.decode("utf-8")
    assert "« l’avenir" in text and "\\u" not in text
    assert text.startswith('{\n  "$schema": "urn:communique:schema:release:1",\n  "schema_version": 1,')
    assert text.endswith("}\n")


def test_keys_follow_model_order() -> None:
    doc = json.loads(render(release(), "json"))
    assert list(doc) == ["$schema", "schema_version", "header", "dates", "paragraphs", "quotes", "attendees"]
    assert list(doc["header"]) == ["title", "language", "source", "url", "dateline"]
    assert list(doc["quotes"][0]) == ["text", "speaker", "paragraph", "start", "end"]
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
