"""The scripts in examples/ run, as a user would run them, and produce what their headers promise.

Each script runs in a subprocess with a fresh temporary working directory, so
``out/`` lands there and nothing in the repository is touched.  An example
whose format is not registered in this installation is skipped with the
reason, never reported as passing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import communique
from communique.errors import FormatError, PluginError

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SAMPLE_FR = EXAMPLES / "sample_fr.txt"
SAMPLE_EN = EXAMPLES / "sample_en.txt"


def require(kind: str, *names: str) -> None:
    """Skip the test unless every named parser/exporter is registered and loads."""
    get = communique.get_parser if kind == "parser" else communique.get_exporter
    for name in names:
        try:
            get(name)
        except (FormatError, PluginError) as exc:
            pytest.skip(f"the {name!r} {kind} is not available in this installation: {exc}")


def run(script: str, *args: str, cwd: Path, expect: int = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "120"}
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    output = f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.returncode == expect, f"{script} exited {done.returncode}\n{output}"
    assert "Traceback" not in done.stderr, done.stderr
    return done


# ------------------------------------------------------------------ every script


def _header(source: str) -> str:
    """The leading ``#`` comment block of a script, or its module docstring (either serves as the header)."""
    import ast

    lines = source.splitlines()
    comments = []
    for line in lines[1:] if lines and lines[0].startswith("#!") else lines:
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("#").strip())
    return " ".join(comments) or (ast.get_docstring(ast.parse(source)) or "")


@pytest.mark.parametrize("script", sorted(p.name for p in EXAMPLES.glob("*.py")))
def test_every_example_starts_with_a_header_saying_what_it_shows(script: str) -> None:
    header = _header((EXAMPLES / script).read_text(encoding="utf-8"))
    assert len(header.split()) >= 12, f"{script} needs a header (a few lines saying what it shows), found {header!r}"
    assert "python examples/" in header or "Run" in header, f"{script}'s header should say how to run it"


# ------------------------------------------------------------------ the samples


def test_the_english_sample_is_a_nato_page_release_the_text_parser_reads() -> None:
    require("parser", "text")
    release = communique.read(SAMPLE_EN)

    assert release.header.language == "en"
    assert release.header.title.startswith("NATO MILITARY COMMITTEE CHAIR ATTENDS")
    assert release.header.dateline == "Riga"
    # The header gives 14 September; the first paragraph says the conference was "held on 13 and 14 September".
    assert (release.dates.start, release.dates.end) == (dt.date(2019, 9, 13), dt.date(2019, 9, 14))
    assert release.dates.updated == dt.datetime(2019, 9, 14, 19, 44)
    speakers = {q.speaker for q in release.quotes}
    assert {"Alasdair Penrose", "Aivars Ozoliņš", "Tarmo Kõiv"} <= speakers
    # The conference theme is in quotation marks but nobody says it: no quotation.
    assert not any(q.text.startswith("Resilience in the Baltic Sea") for q in release.quotes)
    penrose = release.attendee("Alasdair Penrose")
    assert penrose.rank == "Air Chief Marshal"
    # The collective list "the Chiefs of Defence of Denmark, Estonia, …" becomes attendees known by role.
    by_role = {a.country for a in release.attendees if a.name is None and a.role == "Chief of Defence"}
    assert {"DK", "FI", "LT", "NO"} <= by_role


def test_both_samples_use_the_nato_page_layout() -> None:
    for sample in (SAMPLE_FR, SAMPLE_EN):
        lines = sample.read_text(encoding="utf-8").splitlines()
        assert lines[0].strip() and lines[1] == "", sample.name
        assert lines[2].startswith("  • ") and lines[3] == "  • |", sample.name
        assert "– " in lines[6], f"{sample.name}: the first paragraph starts with a dateline 'Place – '"


# ------------------------------------------------------------------ quickstart.py


def test_quickstart_prints_what_it_found_and_writes_every_format(tmp_path: Path) -> None:
    require("parser", "text", "json")
    require("exporter", "json")
    done = run("quickstart.py", cwd=tmp_path)

    release = communique.read(SAMPLE_FR)
    assert f"Title:      {release.header.title}" in done.stdout
    assert "Event:      2018-05-22 to 2018-05-23" in done.stdout
    assert "général de corps aérien Shepro" in done.stdout
    assert "JSON round trip: equal" in done.stdout

    out = tmp_path / "out"
    written = 0
    for info in communique.formats("exporter"):
        if info.shadowed_by is not None:
            continue
        if info.error is not None:
            # A broken plugin is named with its reason, and does not stop the others.
            assert f"skipped {info.name}: " in done.stdout
            continue
        target = out / f"sample_fr{info.extensions[0]}"
        assert target.is_file() and target.stat().st_size > 0, f"no {info.name} output"
        assert f"wrote out/sample_fr{info.extensions[0]} " in done.stdout
        written += 1
    assert written == len(list(out.iterdir()))
    assert communique.read(out / "sample_fr.json") == release
    assert not list(out.glob("*.part")), "a temporary file was left behind"


def test_quickstart_writes_where_it_is_told(tmp_path: Path) -> None:
    require("parser", "text", "json")
    run("quickstart.py", "elsewhere/docs", cwd=tmp_path)
    assert (tmp_path / "elsewhere" / "docs" / "sample_fr.json").is_file()
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ build_release.py


def test_build_release_constructs_a_valid_release_in_code_and_renders_it(tmp_path: Path) -> None:
    require("parser", "json")
    require("exporter", "json", "docx", "pdf")
    done = run("build_release.py", cwd=tmp_path)

    assert "rejected as expected: quotes[0].speaker: 'Someone Else' is not 'Élodie Marchetti'" in done.stdout
    out = tmp_path / "out"
    assert (out / "cyber_resilience.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "cyber_resilience.docx").read_bytes().startswith(b"PK\x03\x04")

    release = communique.read(out / "cyber_resilience.json")
    assert release.header.url == "https://www.nato.int/"
    assert [q.speaker for q in release.quotes] == ["Élodie Marchetti", "Jiří Dvořák"]
    for q in release.quotes:
        assert release.paragraphs[q.paragraph].text[q.start : q.end] == q.text
    assert "Україна" in release.text and "Ελλάδα" in release.text
    assert release.dates.published is not None and release.dates.published.utcoffset() == dt.timedelta(hours=2)
    # The wire form is the canonical one: same keys as the exporter writes.
    assert json.loads((out / "cyber_resilience.json").read_bytes())["schema_version"] == 2


# ------------------------------------------------------------------ batch_convert.py


def _folder_of_releases(tmp_path: Path, *, broken: bool) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    shutil.copy(SAMPLE_FR, folder / "balkans.txt")
    shutil.copy(SAMPLE_EN, folder / "riga.txt")
    canonical = communique.render(communique.read(SAMPLE_FR), "json")
    (folder / "belgrade.json").write_bytes(canonical)
    (folder / "notes.unknownext").write_text("not a release, and no parser claims this extension\n")
    if broken:
        # The sample with an empty title: valid JSON, invalid release.
        data = json.loads(canonical)
        data["header"]["title"] = ""
        (folder / "broken.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def test_batch_convert_turns_a_folder_into_pdfs(tmp_path: Path) -> None:
    require("parser", "text", "json")
    require("exporter", "json", "pdf")
    folder = _folder_of_releases(tmp_path, broken=False)
    done = run("batch_convert.py", str(folder), "-o", "pdfs", cwd=tmp_path)

    pdfs = sorted(p.name for p in (tmp_path / "pdfs").iterdir())
    assert pdfs == ["balkans.pdf", "belgrade.pdf", "riga.pdf"]
    for name in pdfs:
        assert (tmp_path / "pdfs" / name).read_bytes().startswith(b"%PDF-")
    assert "3 of 3 converted to pdfs" in done.stdout


def test_batch_convert_reports_a_bad_release_and_converts_the_others(tmp_path: Path) -> None:
    require("parser", "text", "json")
    require("exporter", "json", "pdf")
    folder = _folder_of_releases(tmp_path, broken=True)
    done = run("batch_convert.py", str(folder), cwd=tmp_path, expect=1)

    out = tmp_path / "out" / "pdf"
    assert sorted(p.name for p in out.iterdir()) == ["balkans.pdf", "belgrade.pdf", "riga.pdf"]
    assert "3 of 4 converted" in done.stdout
    failure = next(line for line in done.stdout.splitlines() if line.startswith("failed: broken.json: "))
    # communique's own message, naming the file and the field, not a traceback.
    assert "broken.json" in failure and "title" in failure


def test_batch_convert_passes_the_page_size_to_the_pdf_exporter(tmp_path: Path) -> None:
    require("parser", "text")
    require("exporter", "pdf")
    if "page_size" not in {o.name for o in communique.get_exporter("pdf").options}:
        pytest.skip("the pdf exporter declares no page_size option")
    pypdf = pytest.importorskip("pypdf")
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(SAMPLE_EN, folder / "riga.txt")
    run("batch_convert.py", str(folder), "-o", "letter", "--page-size", "letter", cwd=tmp_path)

    box = pypdf.PdfReader(tmp_path / "letter" / "riga.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_batch_convert_refuses_a_folder_with_nothing_to_read(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = run("batch_convert.py", str(tmp_path / "empty"), cwd=tmp_path, expect=2)
    assert "no file with an extension communique can read" in done.stderr
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ the others, so none can rot


def test_custom_exporter_prints_the_sample_attendees_as_csv(tmp_path: Path) -> None:
    # The script and its details belong to the plugin guide; this only proves it still runs as its header says.
    if not (EXAMPLES / "custom_exporter.py").exists():
        pytest.skip("examples/custom_exporter.py is not in this checkout")
    require("parser", "text")
    done = run("custom_exporter.py", cwd=tmp_path)
    rows = done.stdout.splitlines()
    assert rows[0].lower().startswith("name")
    assert any(row.startswith("Shepro,") for row in rows)
    assert len(rows) == 1 + len(communique.read(SAMPLE_FR).attendees)


def test_every_example_script_is_run_by_some_test() -> None:
    tests = [p.read_text(encoding="utf-8") for p in (REPO / "tests").rglob("test_*.py")]
    for script in sorted(p.name for p in EXAMPLES.glob("*.py")):
        assert any(script in text for text in tests), f"examples/{script} is not run by any test"
