"""The text parser's accuracy on the gold corpus never drops below the committed floors.

The floors live in ``tests/bench/accuracy_floors.toml``: every field overall,
the main fields per language.  Raise a floor when you improve; never lower it
silently.  After an improvement (or after adding fixtures), rewrite the file
from the current figures with::

    python -m communique.bench --accuracy --write-floors tests/bench/accuracy_floors.toml

which prints every floor it lowers, for the reviewer to see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.bench.accuracy import (
    MAIN_FIELDS,
    FloorsError,
    Report,
    check_floors,
    default_corpus,
    load_floors,
    parse_floors,
    score_corpus,
)

REPO = Path(__file__).resolve().parents[2]
FLOORS = Path(__file__).with_name("accuracy_floors.toml")
WRITE = "python -m communique.bench --accuracy --write-floors tests/bench/accuracy_floors.toml"


@pytest.fixture(scope="module")
def report() -> Report:
    return score_corpus(default_corpus(REPO))


def test_no_figure_is_below_its_floor(report: Report) -> None:
    breaches = check_floors(report, load_floors(FLOORS))
    assert not breaches, (
        f"the text parser's accuracy fell below {len(breaches)} floor(s) in {FLOORS.name}:\n"
        + "\n".join(f"  {b}" for b in breaches)
        + "\n(see the releases: python -m communique.bench --accuracy --json -)"
    )


def test_every_measured_field_has_a_floor(report: Report) -> None:
    floors = load_floors(FLOORS)
    groups = report.groups()
    missing = [f"all {name}" for name, cell in groups["all"].items() if cell.checked and name not in floors["all"]]
    for language in report.names("language"):
        cells, mine = groups[f"language:{language}"], floors.get(f"language:{language}", {})
        missing += [
            f"language {language} {n}" for n in MAIN_FIELDS if n in cells and cells[n].checked and n not in mine
        ]
    assert not missing, f"figures without a floor: {', '.join(missing)}; write the floors: {WRITE}"


def test_no_release_crashes_the_parser(report: Report) -> None:
    crashed = [f"{f.path}: {f.error}" for f in report.files if f.outcome == "crashed"]
    assert not crashed, "the text parser crashed on:\n" + "\n".join(crashed)


# --- the floors format ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "key", "problem"),
    [
        ({"all": {"title": 101}}, "all.title", "from 0 to 100"),
        ({"all": {"title": -1}}, "all.title", "from 0 to 100"),
        ({"all": {"title": "95%"}}, "all.title", "must be a percentage"),
        ({"all": {"title": True}}, "all.title", "must be a percentage"),
        ({"all": {"titel": 90}}, "all.titel", "is not a scored field"),
        ({"language": {"en": {"speakers": 90}}}, "language.en.speakers", "is not a scored field"),
        ({"language": {"en": 90}}, "language.en", "must be a table"),
        ({"language": 90}, "language", "one table per language"),
        ({"languages": {"en": {"title": 90}}}, "languages", "unknown table"),
    ],
)
def test_a_bad_floor_is_an_error_naming_the_key(data: dict[str, object], key: str, problem: str) -> None:
    with pytest.raises(FloorsError) as info:
        parse_floors(data, "floors.toml")
    assert info.value.key == key
    assert problem in info.value.problem
    assert str(info.value).startswith(f"floors.toml: {key}: ")


def test_a_floors_file_that_is_not_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "floors.toml"
    path.write_text("[all]\ntitle = \n", encoding="utf-8")
    with pytest.raises(FloorsError, match=r"floors\.toml: cannot be read as TOML"):
        load_floors(path)


def test_the_committed_floors_are_valid_and_say_how_to_raise_them() -> None:
    floors = load_floors(FLOORS)
    assert set(MAIN_FIELDS) <= set(floors["all"])
    text = FLOORS.read_text(encoding="utf-8")
    assert "never lower it silently" in text and WRITE.split(" --write-floors")[0] in text
