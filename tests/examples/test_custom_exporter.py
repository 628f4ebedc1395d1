"""examples/custom_exporter.py: run as a user would, and its exporter held to the plugin contract."""

from __future__ import annotations

import csv
import importlib.util
import io
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import communique
from communique import testing

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "examples" / "custom_exporter.py"
SAMPLE = REPO / "examples" / "sample_fr.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120, cwd=REPO)


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("custom_exporter_example", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_prints_the_attendees_of_the_sample_as_csv() -> None:
    result = run()
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    release = communique.read(SAMPLE)
    assert rows[0] == ["name", "rank", "role", "organization", "country"]
    assert len(rows) == 1 + len(release.attendees)
    assert rows[1][:2] == ["Shepro", "général de corps aérien"]
    assert rows[2][:2] == ["Ljubiša Diković", "général"] and rows[2][4] == "RS"


def test_the_script_writes_a_semicolon_separated_file_chosen_by_its_extension(tmp_path: Path) -> None:
    out = tmp_path / "attendees.csv"
    result = run(str(SAMPLE), str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert rows[0] == ["name", "rank", "role", "organization", "country"]
    assert rows[1][0] == "Shepro"


def test_the_exporter_is_registered_for_one_block_only(example: ModuleType) -> None:
    assert "attendees-csv" not in communique.exporter_names()
    assert example.main(["custom_exporter.py"]) == 0  # the script asserts it is gone after the block
    assert "attendees-csv" not in communique.exporter_names()


def test_the_exporter_satisfies_the_plugin_contract(example: ModuleType) -> None:
    testing.check_exporter(example.AttendeesCsv)


def test_its_delimiter_option_is_declared_and_validated(example: ModuleType) -> None:
    with communique.registry.registered(example.AttendeesCsv):
        release = testing.founding_sample()
        tabbed = communique.render(release, "attendees-csv", delimiter="\t").decode()
        assert tabbed.splitlines()[0] == "name\trank\trole\torganization\tcountry"
        with pytest.raises(communique.OptionError, match="must be one of"):
            communique.render(release, "attendees-csv", delimiter="|")


def test_the_exporter_is_about_twenty_lines() -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    body = source[source.index("class AttendeesCsv") : source.index("def main")].strip().splitlines()
    assert len(body) <= 22, len(body)
