"""``communique show``, ``communique validate`` and ``communique formats``."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import click
import pytest
from cli_support import BROKEN, SAMPLE, make_release, run_communique
from click.testing import CliRunner, Result

import communique
from communique import Attendee, Header, registry
from communique.cli import cli
from communique.plugins import Exporter, Option

Invoke = Callable[..., Result]


# ---------------------------------------------------------------- show


def test_show_prints_title_dates_paragraphs_quotes_and_attendees(tmp_path: Path, invoke: Invoke) -> None:
    release = make_release(12)
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(release, "json"))

    result = invoke("show", src)

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert release.header.title in out
    assert "2018-01-13 → 2018-01-13" not in out  # a one-day event shows one date
    assert "event: 2018-01-13" in out
    assert "paragraphs (2)" in out and "quotes (1)" in out and "attendees (2)" in out
    quote = release.quotes[0]
    assert f"« {quote.text} » — {quote.speaker}" in out
    assert "chef d’état-major de la défense" in out  # the attendees table
    assert "AL" in out


def test_show_abridges_long_paragraphs_unless_full(tmp_path: Path, invoke: Invoke) -> None:
    long_text = "mot " * 200
    release = make_release(1)
    release = attrs.evolve(release, paragraphs=(communique.Paragraph(text=long_text), *release.paragraphs[1:]))
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(release, "json"))

    short = invoke("show", src)
    full = invoke("show", src, "--full")

    assert "…" in short.stdout
    assert short.stdout.count("mot") < 60
    assert full.stdout.count("mot") == 200


def test_show_prints_release_text_literally_never_as_markup(tmp_path: Path, invoke: Invoke) -> None:
    title = "[bold red]Not markup[/] :smile: [link]"
    release = attrs.evolve(make_release(2), header=Header(title=title, language="fr"))
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(release, "json"))

    result = invoke("show", src)

    assert result.exit_code == 0, result.stderr
    assert title in result.stdout


def test_show_prints_subtitle_reference_and_a_date_only_stamp_without_a_time(tmp_path: Path, invoke: Invoke) -> None:
    header = Header(title="T", subtitle="Standfirst", language="en", reference="SG/SM/12131", title_derived=True)
    release = attrs.evolve(make_release(1), header=header, dates=communique.Dates(published=dt.date(2018, 12, 4)))
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(release, "json"))

    result = invoke("show", src)

    assert result.exit_code == 0, result.stderr
    for shown in ("subtitle: Standfirst", "reference: SG/SM/12131", "title_derived: yes", "published: 2018-12-04\n"):
        assert shown in result.stdout


def test_show_json_is_the_canonical_json(tmp_path: Path, invoke: Invoke) -> None:
    release = make_release(3)
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(release, "json").replace(b"  ", b"\t"))

    result = invoke("show", src, "--json")

    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == communique.render(release, "json")


def test_show_the_sample_from_stdin(invoke: Invoke) -> None:
    result = invoke("show", "-", "--from", "text", input=SAMPLE.read_bytes())

    assert result.exit_code == 0, result.stderr
    assert "Shepro" in result.stdout
    assert "Belgrade" in result.stdout


def test_show_a_broken_file_is_one_error_line(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "bad.json"
    src.write_bytes(BROKEN["broken-syntax.json"])

    result = invoke("show", src)

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"communique: error: {src}: line 1, column ")
    assert len(result.stderr.strip().splitlines()) == 1


def _show_at(columns: int, src: Path) -> str:
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(cli, ["show", os.fspath(src)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _assert_words_whole(out: str, release: communique.PressRelease, columns: int) -> None:
    from rich.cells import cell_len

    lines = out.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []  # no trailing spaces
    assert max(cell_len(line) for line in lines) <= columns
    # Every word of every attendee cell is printed whole on one line, never split across two.
    printed = {word for line in lines for word in line.split()}
    for a in release.attendees:
        for value in (a.name, a.rank, a.role, a.organization, *a.aliases):
            for word in (value or "").split():
                assert word in printed, (word, value)


LONG_WORDS = (
    Attendee(
        name="Maximilian-Alexander von Hohenzollern-Sigmaringen",
        rank="Generalleutnant",
        role="Stellvertretender Generalinspekteur der Bundeswehr",
        organization="Bundesministerium der Verteidigung (Streitkräfteführungskommando)",
        country="DE",
        aliases=("Stellvertreter-Generalinspekteur",),
    ),
    Attendee(role="Oberbefehlshaberstellvertreterin", organization="Nordatlantikvertragsorganisation", country="FR"),
)


@pytest.mark.parametrize("name", ["sample_fr.txt", "sample_en.txt"])
def test_show_at_80_columns_keeps_table_words_whole_without_trailing_spaces(name: str) -> None:
    src = SAMPLE.with_name(name)
    out = _show_at(80, src)

    assert "organization" in out and "country" in out  # the samples' attendees fit a table at 80 columns
    _assert_words_whole(out, communique.read(src), 80)


def _long_words_release(tmp_path: Path) -> tuple[communique.PressRelease, Path]:
    release = attrs.evolve(make_release(4), quotes=(), attendees=LONG_WORDS)
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(release, "json"))
    return release, src


@pytest.mark.parametrize("columns", [60, 80, 120, 200])
def test_show_long_role_and_organisation_words_are_never_split(tmp_path: Path, columns: int) -> None:
    release, src = _long_words_release(tmp_path)

    out = _show_at(columns, src)

    _assert_words_whole(out, release, columns)
    # The six columns need 159 cells to keep their longest words whole: a table at 200 only.
    assert ("attendees (2) — below" in out) is (columns == 200)


def test_show_lists_attendees_in_the_tree_when_no_table_fits(tmp_path: Path) -> None:
    _, src = _long_words_release(tmp_path)

    out = _show_at(80, src)

    # Six columns of 15 to 34 cells do not fit 80 cells: one entry per attendee, a field a line.
    assert "organization: Bundesministerium der Verteidigung" in out
    assert "role: Stellvertretender Generalinspekteur der Bundeswehr" in out
    assert "└── Oberbefehlshaberstellvertreterin\n" in out and "role: Oberbefehlshaberstellvertreterin" not in out
    assert "—" not in out.split("attendees (2)")[1]  # empty fields are left out, not shown as dashes


# ---------------------------------------------------------------- validate


def test_validate_reports_every_invalid_file_with_its_location(tmp_path: Path, invoke: Invoke) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(communique.render(make_release(1), "json"))
    syntax = tmp_path / "syntax.json"
    syntax.write_bytes(BROKEN["broken-syntax.json"])
    wrong_type = tmp_path / "wrong-type.json"
    data = json.loads(communique.render(make_release(2), "json"))
    data["quotes"][0]["start"] = "12"
    wrong_type.write_text(json.dumps(data), encoding="utf-8")
    dangling = tmp_path / "dangling-speaker.json"
    data = json.loads(communique.render(make_release(3), "json"))
    data["quotes"][0]["speaker"] = "Nobody"
    dangling.write_text(json.dumps(data), encoding="utf-8")

    result = invoke("validate", good, syntax, wrong_type, dangling)

    assert result.exit_code == 1
    assert result.stdout == f"{good}: ok\n"
    errors = [line for line in result.stderr.splitlines() if line.startswith("communique: error: ")]
    assert len(errors) == 3
    assert errors[0].startswith(f"communique: error: {syntax}: line 1, column ")
    assert errors[1].startswith(f"communique: error: {wrong_type}: quotes[0].start: ")
    assert errors[2].startswith(f"communique: error: {dangling}: quotes[0].speaker: ")
    assert "1 valid, 3 invalid" in result.stderr


def test_validate_xml_against_its_schema(tmp_path: Path, invoke: Invoke) -> None:
    data = communique.render(make_release(4), "xml")
    good = tmp_path / "good.xml"
    good.write_bytes(data)
    bad = tmp_path / "bad.xml"
    bad.write_bytes(data.replace(b"<paragraphs>", b"<paragraphs><unexpected/>", 1))

    result = invoke("validate", good, bad)

    assert result.exit_code == 1
    assert f"{good}: ok" in result.stdout
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("communique: error: ")]
    assert error.startswith(f"communique: error: {bad}: line ")
    assert "schema" in error


def test_validate_lists_every_problem_of_a_file_with_its_place(tmp_path: Path, invoke: Invoke) -> None:
    data = communique.render(make_release(4), "xml")
    bad = tmp_path / "two problems.xml"
    bad.write_bytes(data.replace(b"<dates>", b"<dates><bogus/>", 1).replace(b"<attendees>", b"<attendees><nope/>", 1))

    result = invoke("validate", bad)

    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("communique: error: ")]
    assert len(errors) == 2
    assert "<bogus>" in errors[0] and "<nope>" in errors[1]
    assert all(line.startswith(f"communique: error: {bad}: line ") for line in errors)


def test_validate_a_directory_recursively(tmp_path: Path, invoke: Invoke) -> None:
    (tmp_path / "sub").mkdir()
    for i in range(3):
        (tmp_path / "sub" / f"r{i}.json").write_bytes(communique.render(make_release(i), "json"))
    (tmp_path / "notes.md").write_text("not a release")

    result = invoke("validate", tmp_path)

    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_validate_stdin(invoke: Invoke) -> None:
    ok = invoke("validate", "-", "--from", "json", input=communique.render(make_release(5), "json"))
    bad = invoke("validate", "-", "--from", "json", input=b"[]")

    assert ok.exit_code == 0 and ok.stdout == "<stdin>: ok\n"
    assert bad.exit_code == 1
    assert bad.stderr.startswith("communique: error: <stdin>: ")


def test_validate_an_empty_directory_fails(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("validate", tmp_path)

    assert result.exit_code == 1
    assert "no file with a known extension" in result.stderr


# ---------------------------------------------------------------- formats


def test_formats_lists_parsers_and_exporters_with_extensions_and_package(invoke: Invoke) -> None:
    result = invoke("formats")

    assert result.exit_code == 0, result.stderr
    assert "Parsers" in result.stdout and "Exporters" in result.stdout
    assert ".json" in result.stdout
    assert "built-in" in result.stdout


def test_formats_json_describes_every_registered_format(invoke: Invoke) -> None:
    result = invoke("formats", "--json")

    rows = json.loads(result.stdout)
    assert {(r["kind"], r["name"]) for r in rows} >= {("parser", "json"), ("exporter", "json")}
    assert {(r["kind"], r["name"]) for r in rows} == {(info.kind, info.name) for info in communique.formats()}
    json_exporter = next(r for r in rows if r["kind"] == "exporter" and r["name"] == "json")
    assert json_exporter["extensions"] == [".json"]
    assert json_exporter["package"] == "built-in"
    assert json_exporter["status"] == "ok"


class _Shout(Exporter):
    name = "shout"
    label = "Upper-case text"
    extensions = (".shout",)
    media_type = "text/plain"
    options = (
        Option("bang", bool, False, "end the title with '!'"),
        Option("case", str, "upper", "letter case", choices=("upper", "lower")),
    )

    def render(self, release: communique.PressRelease, **options: Any) -> bytes:
        return release.header.title.upper().encode()


def test_formats_verbose_lists_each_formats_options(invoke: Invoke) -> None:
    with registry.registered(_Shout):
        result = invoke("formats", "--verbose")

    assert result.exit_code == 0, result.stderr
    assert "Options" in result.stdout
    line = next(line for line in result.stdout.splitlines() if "bang" in line)
    assert "shout (exporter)" in line and "bool" in line and "False" in line and "end the title with '!'" in line
    line = next(line for line in result.stdout.splitlines() if "letter case" in line)
    assert "upper, lower" in line and "'upper'" in line


def test_formats_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from communique.cli import main\n"
        "try:\n"
        "    main(['formats', '--verbose'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'docx', 'reportlab', 'pypdf'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)

    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr


# ---------------------------------------------------------------- the command itself


def test_python_m_communique_help_documents_exit_codes_and_completion() -> None:
    proc = run_communique(["--help"])

    out = proc.stdout.decode()
    assert proc.returncode == 0
    for text in ("convert", "show", "validate", "formats", "Exit codes", "130", "_COMMUNIQUE_COMPLETE"):
        assert text in out


@pytest.mark.parametrize("command", ["convert", "show", "validate", "formats"])
def test_every_command_has_help_with_examples(invoke: Invoke, command: str) -> None:
    result = invoke(command, "--help")

    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"communique {command}" in result.stdout


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")

    assert result.exit_code == 0
    assert communique.__version__ in result.stdout


def test_shell_completion_offers_format_names() -> None:
    env = {"_COMMUNIQUE_COMPLETE": "bash_complete", "COMP_WORDS": "communique convert x.txt --to js", "COMP_CWORD": "4"}
    proc = subprocess.run(
        [sys.executable, "-m", "communique"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )

    assert proc.returncode == 0, proc.stderr
    assert "plain,json" in proc.stdout.splitlines()


def test_an_unexpected_error_is_one_line_unless_debug() -> None:
    from communique.cli._app import Group, Settings, common_options

    @click.group(cls=Group)
    @common_options
    def app() -> None:
        """A throwaway group with a command that has a bug."""

    @app.command()
    @common_options
    def boom() -> None:
        raise RuntimeError("kaput")

    plain = CliRunner().invoke(app, ["boom"], obj=Settings())
    debug = CliRunner().invoke(app, ["boom", "--debug"], obj=Settings())

    assert plain.exit_code == debug.exit_code == 1
    assert (
        plain.stderr == "communique: error: internal error: RuntimeError: kaput (run with --debug for the traceback)\n"
    )
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.rstrip().endswith("(run with --debug for the traceback)")


def test_ctrl_c_in_a_command_exits_130() -> None:
    from communique.cli._app import Group, Settings

    @click.group(cls=Group)
    def app() -> None:
        """A throwaway group whose command is interrupted."""

    @app.command()
    def slow() -> None:
        raise KeyboardInterrupt

    result = CliRunner().invoke(app, ["slow"], obj=Settings())

    assert result.exit_code == 130
    assert "communique: interrupted" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "x.txt"], "Missing option '-t' / '--to'"),
        (["convert", "x.txt", "--to", "json", "--jobs", "0"], "0 is not in the range"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors_are_one_line_with_exit_code_2(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke(*args)

    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("communique: error: ")
    assert message in line
    assert line.endswith("--help')")
