"""Every rule, tried in every language: examples from ``tests/data/locale/<code>.toml`` and from the packs.

A rule proven in one language is tried in all: each pack must come with an
examples file, and the generated checks (month and weekday names, stamp
labels, ordinals) read the pack itself, so a new pack is tested the moment
its file exists.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from communique.extract import detect_language, find_attendees, find_body_dates, parse_stamp, split_dateline
from communique.extract.dates import parse_date
from communique.extract.release import find_quotes
from communique.locale import languages, pack

EXAMPLES = Path(__file__).parent.parent / "data" / "locale"
LANGUAGES = languages()


def examples(code: str) -> dict[str, Any]:
    path = EXAMPLES / f"{code}.toml"
    if not path.exists():
        pytest.fail(f"the {code} pack has no rule examples: add {path.relative_to(EXAMPLES.parent.parent.parent)}")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def cases(section: str) -> list[Any]:
    """(code, example) pairs of ``section`` over every pack, with readable ids."""
    out = []
    for code in LANGUAGES:
        path = EXAMPLES / f"{code}.toml"
        if path.exists():
            for i, example in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get(section, [])):
                out.append(pytest.param(code, example, id=f"{code}-{i}"))
    return out


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_pack_has_examples_of_every_rule(code: str) -> None:
    data = examples(code)
    for section in ("language", "prose_dates", "stamps", "datelines", "attendees", "partners", "speakers"):
        assert data.get(section), f"{code}: no [{section}] examples"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_language_is_detected(code: str) -> None:
    assert detect_language(examples(code)["language"]["detect"]) == code


@pytest.mark.parametrize(("code", "example"), cases("prose_dates"))
def test_dates_in_prose(code: str, example: dict[str, Any]) -> None:
    found = find_body_dates(example["text"], example.get("year"), language=code)
    assert found == (example["start"], example.get("end")), example["text"]


@pytest.mark.parametrize(("code", "example"), cases("stamps"))
def test_stamps_keep_their_time_zone(code: str, example: dict[str, Any]) -> None:
    stamp = parse_stamp(example["text"])
    assert stamp is not None, example["text"]
    assert stamp.kind == example["kind"]
    assert stamp.value == example["value"] and stamp.value.utcoffset() == example["value"].utcoffset()


@pytest.mark.parametrize(("code", "example"), cases("datelines"))
def test_datelines(code: str, example: dict[str, Any]) -> None:
    place, rest = split_dateline(example["text"])
    assert (place or "") == example["place"]
    if place:
        assert rest and not rest[0].isspace()


@pytest.mark.parametrize(("code", "example"), cases("attendees"))
def test_named_people_and_their_noun_phrase(code: str, example: dict[str, Any]) -> None:
    attendees, _ = find_attendees([example["text"]], code)
    by_name = {a.name: a for a in attendees if a.name}
    for person in example["people"]:
        assert person["name"] in by_name, f"{person['name']} not found in {sorted(by_name)}"
        found = by_name[person["name"]]
        for key, value in person.items():
            # TOML has no null: "__none__" says the field must be empty.
            assert getattr(found, key) == (None if value == "__none__" else value), f"{person['name']}.{key}"


@pytest.mark.parametrize(("code", "example"), cases("partners"))
def test_the_bodies_the_work_was_done_with(code: str, example: dict[str, Any]) -> None:
    attendees, _ = find_attendees([example["text"]], code)
    partners = [(a.role, a.country) for a in attendees if a.name is None]
    assert partners == [tuple(p) for p in example["partners"]], example["text"]


@pytest.mark.parametrize(("code", "example"), cases("speakers"))
def test_speakers(code: str, example: dict[str, Any]) -> None:
    quotes = find_quotes(example["paragraphs"], code)
    assert [q.speaker or "" for q in quotes] == example["speakers"]


# --- generated from the packs themselves -----------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_month_name_and_abbreviation_reads(code: str) -> None:
    for number, names in enumerate(pack(code).months, 1):
        for name in names:
            assert parse_date(f"3 {name} 2021") == dt.date(2021, number, 3), name


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_weekday_may_open_a_date(code: str) -> None:
    for names in pack(code).weekdays:
        for name in names:
            written = f"{name} 3 {pack(code).months[2][0]} 2021"
            assert parse_date(written) == dt.date(2021, 3, 3), written


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_stamp_label_reads(code: str) -> None:
    p = pack(code)
    month = p.months[6][0]
    for kind in ("updated", "published"):
        for label in getattr(p.dates, kind):
            stamp = parse_stamp(f"{label}: 20 {month} 2018 15:57")
            assert stamp is not None and stamp.kind == kind, label
            assert stamp.value == dt.datetime(2018, 7, 20, 15, 57)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_ordinal_and_range_joiner_reads_in_prose(code: str) -> None:
    p = pack(code)
    month = p.months[4][0]
    for ordinal in p.dates.ordinal:
        assert find_body_dates(f"x 1{ordinal} {month} 2018 x", None, language=code) == (dt.date(2018, 5, 1), None)
    for joiner in p.dates.range_joiners:
        found = find_body_dates(f"x 22 {joiner} 23 {month} 2018 x", None, language=code)
        assert found == (dt.date(2018, 5, 22), dt.date(2018, 5, 23)), joiner
