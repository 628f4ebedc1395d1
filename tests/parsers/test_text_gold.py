"""The plain-text parser against hand-written gold files: ``tests/data/text/NAME.txt`` + ``NAME.gold.json``.

Adding a fixture needs no Python: drop the two files in ``tests/data/text`` (or a folder below it).
The gold format and the field paths are described in ``tests/goldfiles.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import communique
from builders import release
from communique import Attendee
from goldfiles import GoldFileError, Mismatch, compare, format_expected, format_verdict, gold_path, judge, load

DATA = Path(__file__).parent.parent / "data" / "text"
TEXTS = sorted(DATA.rglob("*.txt"))
GOLDEN = [p for p in TEXTS if gold_path(p).is_file()]


def _id(text_path: Path) -> str:
    # The file stem; a fixture in a sub-folder keeps its folder so that ids stay unique.
    return text_path.relative_to(DATA).with_suffix("").as_posix()


@pytest.mark.parametrize("text_path", GOLDEN, ids=[_id(p) for p in GOLDEN])
def test_fixture_matches_its_gold_file(text_path: Path) -> None:
    try:
        gold = load(gold_path(text_path))
    except GoldFileError as exc:
        raise pytest.fail.Exception(f"bad gold file: {exc}", pytrace=False) from None
    verdict = judge(communique.parse(text_path.read_bytes(), "text"), gold)
    if not verdict.ok:
        pytest.fail(format_verdict(_id(text_path), verdict), pytrace=False)
    if verdict.expected:
        pytest.xfail(format_expected(verdict))


def test_every_text_fixture_has_a_gold_file() -> None:
    missing = [_id(p) for p in TEXTS if not gold_path(p).is_file()]
    assert not missing, f"write a NAME.gold.json beside each of: {missing}"


def test_every_gold_file_has_a_text_fixture() -> None:
    orphans = [
        g.relative_to(DATA).as_posix()
        for g in sorted(DATA.rglob("*.gold.json"))
        if not g.with_name(g.name.removesuffix(".gold.json") + ".txt").is_file()
    ]
    assert not orphans, f"gold files without their .txt: {orphans}"


def test_the_fixtures_are_found() -> None:
    assert len(GOLDEN) >= 12


# --- the harness itself, on a hand-built release ---------------------------------------------------
#
# builders.release(): title "Titre", fr, source OTAN, dateline Belgrade, 22-23 May 2018, updated
# 20 Jul. 2018 15:57, two quotes by Shepro, one attendee Shepro (général de corps aérien, OTAN).

TRUE: dict[str, Any] = {
    "title": "Titre",
    "language": "fr",
    "dateline": "Belgrade",
    "source": "OTAN",
    "dates": {"start": "2018-05-22", "end": "2018-05-23", "published": None, "updated": "2018-07-20T15:57:00"},
    "quotes": [
        {"text_starts": "l’avenir réside", "speaker": "Shepro"},
        {"text_starts": "l’OTAN est", "speaker": "Shepro"},
    ],
    "people": [{"name": "Shepro", "rank": "général de corps aérien", "organization": "OTAN", "country": None}],
    "countries": [],
}


def gold(**changes: Any) -> dict[str, Any]:
    out = json.loads(json.dumps(TRUE))
    out.update(changes)
    return out


def test_the_true_reading_has_no_mismatch() -> None:
    assert compare(release(), gold()) == []
    assert judge(release(), gold()).ok


def test_an_empty_gold_file_checks_nothing() -> None:
    assert compare(release(), {}) == []


def test_every_mismatch_is_reported_not_only_the_first() -> None:
    wrong = gold(
        title="Autre titre",
        dateline=None,
        dates={"start": "2018-05-21", "updated": "2018-07-20T15:57:00+02:00"},
        quotes=[
            {"text_starts": "l’avenir réside", "speaker": None},
            {"text_starts": "l’Alliance", "speaker": "Shepro"},
        ],
        people=[{"name": "Shepro", "rank": "général", "country": "US"}, {"name": "Diković"}],
        countries=["RS"],
    )
    assert compare(release(), wrong) == [
        Mismatch("title", "Autre titre", "Titre"),
        Mismatch("dateline", None, "Belgrade"),
        Mismatch("dates.start", "2018-05-21", "2018-05-22"),
        Mismatch("dates.updated", "2018-07-20T15:57:00+02:00", "2018-07-20T15:57:00"),  # naive is not aware
        Mismatch("quotes[0].speaker", None, "Shepro"),
        Mismatch("quotes[1].text", "l’Alliance", "l’OTAN est déterminée"),
        Mismatch("people[Shepro].rank", "général", "général de corps aérien"),
        Mismatch("people[Shepro].country", "US", None),
        Mismatch("people[Diković]", "an attendee named 'Diković'", ["Shepro"]),
        Mismatch("countries", ["RS"], []),
    ]


def test_the_report_lists_every_mismatch_readably() -> None:
    wrong = gold(title="Autre titre", quotes=[{"text_starts": "l’avenir", "speaker": None}, TRUE["quotes"][1]])
    report = format_verdict("demo", judge(release(), wrong))
    assert report.splitlines() == [
        "demo: the parser disagrees with the gold file",
        "  2 mismatch(es):",
        "    title: expected 'Autre titre', got 'Titre'",
        "    quotes[0].speaker: expected None, got 'Shepro'",
    ]
    missing = format_verdict("demo", judge(release(), gold(quotes=TRUE["quotes"][:1])))
    assert "quotes[1]: unexpected quote {'text': 'l’OTAN est déterminée', 'speaker': 'Shepro'}" in missing


def test_a_missing_or_an_extra_quote_is_reported() -> None:
    three = gold(quotes=[*TRUE["quotes"], {"text_starts": "et", "speaker": None}])
    assert compare(release(), three) == [
        Mismatch("quotes", "3 quotes", "2 quotes"),
        Mismatch("quotes[2]", {"text_starts": "et", "speaker": None}, None),
    ]
    one = gold(quotes=TRUE["quotes"][:1])
    assert compare(release(), one) == [
        Mismatch("quotes", "1 quotes", "2 quotes"),
        Mismatch("quotes[1]", None, {"text": "l’OTAN est déterminée", "speaker": "Shepro"}),
    ]


def test_a_release_with_a_time_zone_matches_a_gold_time_zone() -> None:
    tz = dt.timezone(dt.timedelta(hours=2))
    r = release(dates=communique.Dates(published=dt.datetime(2018, 7, 20, 15, 57, tzinfo=tz)))
    assert compare(r, {"dates": {"published": "2018-07-20T15:57:00+02:00", "start": None}}) == []
    assert compare(r, {"dates": {"published": "2018-07-20T15:57:00"}}) == [
        Mismatch("dates.published", "2018-07-20T15:57:00", "2018-07-20T15:57:00+02:00")
    ]


def test_countries_are_a_set_over_all_attendees() -> None:
    r = release(
        attendees=(Attendee(name="Shepro"), Attendee(role="chef", country="RS"), Attendee(role="x", country="AL"))
    )
    assert compare(r, {"countries": ["AL", "RS"]}) == []
    assert compare(r, {"countries": ["RS"]}) == [Mismatch("countries", ["RS"], ["AL", "RS"])]


def test_an_xfail_that_fails_as_announced_passes_and_is_reported_as_expected() -> None:
    v = judge(release(), gold(title="Autre titre", xfail={"title": "known bug"}))
    assert v.ok
    assert v.unexpected == [] and v.passing_xfails == []
    assert [(key, reason) for key, reason, _ in v.expected] == [("title", "known bug")]
    assert "title: known bug" in format_expected(v)


def test_an_xfail_that_passes_fails_the_test_and_says_to_remove_it() -> None:
    v = judge(release(), gold(xfail={"quotes[1].speaker": "used to be None"}))
    assert not v.ok
    assert v.passing_xfails == [("quotes[1].speaker", "used to be None")]
    report = format_verdict("demo", v)
    assert "remove them from the gold file" in report and "'quotes[1].speaker'" in report


def test_an_xfail_covers_only_its_own_field() -> None:
    v = judge(release(), gold(title="Autre", dateline="Paris", xfail={"title": "known"}))
    assert not v.ok
    assert v.unexpected == [Mismatch("dateline", "Paris", "Belgrade")]
    assert "dateline: expected 'Paris', got 'Belgrade'" in format_verdict("demo", v)


def test_an_xfail_covers_the_fields_below_it() -> None:
    wrong = gold(quotes=[{"text_starts": "x", "speaker": None}], xfail={"quotes": "quotes not found yet"})
    v = judge(release(), wrong)
    assert v.ok and len(v.expected[0][2]) == 4  # count, quotes[0].text, quotes[0].speaker, quotes[1]


def test_an_xfail_below_a_missing_person_is_satisfied_but_the_missing_person_is_not() -> None:
    wrong = gold(people=[{"name": "Diković", "rank": "général"}], xfail={"people[Diković].rank": "rank lost"})
    v = judge(release(), wrong)
    assert v.passing_xfails == []
    assert [m.path for m in v.unexpected] == ["people[Diković]"]


# --- gold-file validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "key", "problem"),
    [
        ({"titel": "x"}, "titel", "unknown key"),
        ({"title": 3}, "title", "must be a string"),
        ({"dateline": ["Belgrade"]}, "dateline", "must be a string or null"),
        ({"dates": {"begin": "2018-05-22"}}, "dates.begin", "unknown key"),
        ({"dates": {"start": "22 May 2018"}}, "dates.start", "YYYY-MM-DD"),
        ({"dates": {"start": "2018-02-31"}}, "dates.start", "not a real date"),
        ({"dates": {"updated": "20 July 2018"}}, "dates.updated", "YYYY-MM-DDTHH:MM:SS[+HH:MM] or YYYY-MM-DD"),
        ({"quotes": {"text_starts": "x"}}, "quotes", "must be an array"),
        ({"quotes": [{"text_starts": "x"}]}, "quotes[0].speaker", "is required"),
        ({"quotes": [{"text": "x", "speaker": None}]}, "quotes[0].text", "unknown key"),
        ({"people": [{"rank": "général"}]}, "people[0].name", "is required"),
        ({"people": [{"name": "A"}, {"name": "A"}]}, "people[1].name", "listed twice"),
        ({"people": [{"name": "A", "country": "Serbia"}]}, "people[0].country", "ISO 3166-1"),
        ({"people": [{"name": "A", "nationality": "RS"}]}, "people[0].nationality", "unknown key"),
        ({"countries": "RS"}, "countries", "must be an array"),
        ({"countries": ["rs"]}, "countries[0]", "ISO 3166-1"),
        ({"title": "x", "xfail": {"dateline": "bug"}}, "xfail[dateline]", "names no field"),
        ({"title": "x", "xfail": {"title": 1}}, "xfail[title]", "must be a string"),
        ({"xfail": ["title"]}, "xfail", "must be an object"),
    ],
)
def test_a_malformed_gold_file_names_the_file_and_the_key(
    tmp_path: Path, content: object, key: str, problem: str
) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(GoldFileError) as info:
        load(path)
    assert info.value.key == key
    assert problem in info.value.problem
    assert str(path) in str(info.value) and key in str(info.value)


def test_a_gold_file_that_is_not_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text('{"title": "x",}', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"bad\.gold\.json.*not valid UTF-8 JSON"):
        load(path)
