"""``communique convert``: single files, standard streams, batches, safety of outputs."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    BROKEN,
    SAMPLE,
    make_release,
    run_communique,
    tree_bytes,
    write_batch,
)
from click.testing import Result

import communique
from communique import registry
from communique.batch._core import output_suffixes
from communique.plugins import Exporter, Option

Invoke = Callable[..., Result]


def working_exporters() -> dict[str, Exporter]:
    found: dict[str, Exporter] = {}
    for name in communique.exporter_names():
        try:
            found[name] = communique.get_exporter(name)
        except communique.PluginError:
            continue
    return found


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("communique: error: ")]


# ---------------------------------------------------------------- one file


def test_the_sample_converts_to_every_registered_format(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("convert", SAMPLE, "--to", "all", "-o", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    exporters = working_exporters()
    assert {"json", "xml", "nitf", "docx", "pdf"} <= exporters.keys(), "a built-in exporter is broken"
    suffixes = output_suffixes([(name, plugin.extensions) for name, plugin in exporters.items()])
    release = communique.read(SAMPLE)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(f"sample_fr{suffix}" for suffix in suffixes.values())
    for name, suffix in suffixes.items():
        data = (tmp_path / "out" / f"sample_fr{suffix}").read_bytes()
        assert data == communique.render(release, name), f"{name} output differs from communique.render"
    assert "converted 1 file, 0 failed, 0 skipped" in result.stderr


def test_the_readme_command_works_as_a_subprocess(tmp_path: Path) -> None:
    proc = run_communique(["convert", SAMPLE, "--to", "all", "-o", "out/"], cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr.decode()
    assert (tmp_path / "out" / "sample_fr.json").is_file()
    assert communique.read(tmp_path / "out" / "sample_fr.json") == communique.read(SAMPLE)
    assert b"Traceback" not in proc.stderr


def test_several_formats_by_comma_and_by_repetition(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(1), "json"))

    result = invoke("convert", src, "--to", "json,XML", "--to", "json", "-o", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r.json", "r.xml"]


def test_outputs_go_beside_the_input_without_o(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(2), "json"))

    result = invoke("convert", src, "--to", "xml")

    assert result.exit_code == 0, result.stderr
    assert communique.read(tmp_path / "r.xml") == make_release(2)


# ---------------------------------------------------------------- output names


def test_exporters_sharing_an_extension_get_distinct_names() -> None:
    suffixes = output_suffixes(
        [("xml", (".xml",)), ("nitf", (".nitf.xml", ".xml")), ("rss", (".xml",)), ("json", (".json",))]
    )

    assert suffixes == {"xml": ".xml", "nitf": ".nitf.xml", "rss": ".rss.xml", "json": ".json"}
    assert len(set(suffixes.values())) == len(suffixes)


def test_the_same_format_from_two_distributions_is_told_apart_by_distribution() -> None:
    suffixes = output_suffixes([("xml", (".xml",)), ("acme:xml", (".xml",))])

    assert suffixes == {"xml": ".xml", "acme:xml": ".acme.xml.xml"}
    assert ":" not in "".join(suffixes.values())


def test_colliding_extensions_are_disambiguated_by_format_name_when_none_owns_it() -> None:
    suffixes = output_suffixes([("a", (".txt",)), ("b", (".txt",)), ("c", ())])

    assert suffixes == {"a": ".a.txt", "b": ".b.txt", "c": ".c"}


class _TwinXml(Exporter):
    """A run-time exporter whose preferred extension collides with the built-in xml exporter's."""

    name = "twinxml"
    label = "Twin XML"
    extensions = (".xml",)
    media_type = "application/xml"
    options = (Option("shout", bool, False, "upper-case the title"),)

    def render(self, release: communique.PressRelease, **options: Any) -> bytes:
        title = release.header.title.upper() if options.get("shout") else release.header.title
        return f"<twin>{title}</twin>\n".encode()


def test_to_all_never_writes_two_formats_to_one_file(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(3), "json"))
    with registry.registered(_TwinXml):
        result = invoke("convert", src, "--to", "all", "-o", tmp_path / "out", "--jobs", "1")
        expected = len(working_exporters())

    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == expected
    assert "r.twinxml.xml" in names
    assert (tmp_path / "out" / "r.twinxml.xml").read_bytes().startswith(b"<twin>")
    if "xml" in names:
        assert (tmp_path / "out" / "r.xml").read_bytes() == communique.render(make_release(3), "xml")


# ---------------------------------------------------------------- exporter options


def test_exporter_options_pass_through(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(4), "json"))
    with registry.registered(_TwinXml):
        result = invoke("convert", src, "--to", "twinxml", "-O", "shout=yes", "-o", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    assert (
        tmp_path / "out" / "r.xml"
    ).read_bytes() == f"<twin>{make_release(4).header.title.upper()}</twin>\n".encode()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("nosuch=1", "no selected format has an option 'nosuch'"),
        ("shout=maybe", "expects bool"),
        ("json.shout=1", "not among --to"),
        ("shout", "expected KEY=VALUE"),
    ],
)
def test_bad_exporter_options_are_usage_errors(tmp_path: Path, invoke: Invoke, option: str, message: str) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(4), "json"))
    with registry.registered(_TwinXml):
        result = invoke("convert", src, "--to", "twinxml", "-O", option, "-o", tmp_path / "out")

    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_format_is_a_usage_error_naming_the_known_ones(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("convert", SAMPLE, "--to", "odt", "-o", tmp_path)

    assert result.exit_code == 2
    assert "unknown format 'odt'" in result.stderr
    assert "json" in result.stderr


# ---------------------------------------------------------------- standard streams


def test_stdin_to_stdout_as_a_subprocess() -> None:
    data = communique.render(make_release(5), "json")

    proc = run_communique(["convert", "-", "--from", "json", "--to", "json"], input=data)

    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == data


def test_stdin_text_to_json_stdout(invoke: Invoke) -> None:
    result = invoke("convert", "-", "--from", "text", "--to", "json", input=SAMPLE.read_bytes())

    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == communique.render(communique.read(SAMPLE), "json")


def test_a_file_to_stdout_with_o_dash(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(6), "json"))

    result = invoke("convert", src, "--to", "json", "-o", "-")

    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == src.read_bytes()


def test_stdin_needs_from(invoke: Invoke) -> None:
    result = invoke("convert", "-", "--to", "json", input=b"{}")

    assert result.exit_code == 2
    assert "--from" in result.stderr


def test_stdout_takes_a_single_format(invoke: Invoke) -> None:
    result = invoke("convert", "-", "--from", "json", "--to", "json,xml", input=b"{}")

    assert result.exit_code == 2


def test_a_broken_stdin_is_one_error_line(invoke: Invoke) -> None:
    result = invoke("convert", "-", "--from", "json", "--to", "json", input=b"{nope")

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [result.stderr.strip()]
    assert result.stderr.startswith("communique: error: <stdin>: line 1")
    assert result.stdout_bytes == b""


def test_stdin_into_a_directory(tmp_path: Path, invoke: Invoke) -> None:
    data = communique.render(make_release(7), "json")

    result = invoke("convert", "-", "--from", "json", "--to", "json", "-o", tmp_path / "out", input=data)

    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "stdin.json").read_bytes() == data


# ---------------------------------------------------------------- batches


def test_a_batch_of_200_with_3_broken_files(tmp_path: Path) -> None:
    names = write_batch(tmp_path / "in", 200)

    proc = run_communique(["convert", tmp_path / "in", "--to", "json", "-o", tmp_path / "out", "--jobs", "2"])

    stderr = proc.stderr.decode()
    assert proc.returncode == 1
    assert "converted 200 files, 3 failed, 0 skipped" in stderr
    errors = error_lines(stderr)
    assert len(errors) == 3
    for broken, line in zip(sorted(names["broken"]), sorted(errors), strict=True):
        assert os.path.join(str(tmp_path / "in"), *broken.split("/")) in line
    assert "Traceback" not in stderr
    outputs = tree_bytes(tmp_path / "out")
    assert len(outputs) == 200
    # The output tree mirrors the input tree, names with spaces and accents included.
    for name in names["good"]:
        stem = name.rsplit(".", 1)[0]
        assert f"{stem}.json" in outputs


def test_the_first_bad_file_stops_the_batch_with_fail_fast(tmp_path: Path, invoke: Invoke) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-broken.json").write_bytes(BROKEN["broken-syntax.json"])
    for i in range(5):
        (folder / f"r{i}.json").write_bytes(communique.render(make_release(i), "json"))

    result = invoke("convert", folder, "--to", "json", "-o", tmp_path / "out", "--fail-fast", "--jobs", "1")

    assert result.exit_code == 1
    assert "stopped after the first failure" in result.stderr
    assert "5 not attempted" in result.stderr
    assert not (tmp_path / "out").exists()


def test_parallel_outputs_are_byte_identical_to_serial_ones(tmp_path: Path) -> None:
    write_batch(tmp_path / "in", 24, broken=False, text_every=4)
    formats = "all"

    one = run_communique(["convert", tmp_path / "in", "--to", formats, "-o", tmp_path / "one", "--jobs", "1"])
    two = run_communique(["convert", tmp_path / "in", "--to", formats, "-o", tmp_path / "two", "--jobs", "2"])

    assert one.returncode == two.returncode == 0, (one.stderr, two.stderr)
    assert b"2 processes" in two.stderr
    first, second = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "two")
    assert len(first) == 24 * len(working_exporters())
    assert first == second


def test_a_rerun_does_not_convert_its_own_outputs(tmp_path: Path, invoke: Invoke) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.json").write_bytes(communique.render(make_release(i), "json"))

    for _ in range(2):
        result = invoke("convert", folder, "--to", "json", "-o", folder / "converted", "--overwrite")
        assert result.exit_code == 0, result.stderr
        assert "converted 3 files" in result.stderr

    assert sorted(p.name for p in (folder / "converted").iterdir()) == ["r0.json", "r1.json", "r2.json"]


def test_progress_bar_and_summary_stay_off_a_pipe_and_quiet_silences_the_summary(tmp_path: Path) -> None:
    write_batch(tmp_path / "in", 12, broken=False)

    loud = run_communique(["convert", tmp_path / "in", "--to", "json", "-o", tmp_path / "a"])
    quiet = run_communique(["convert", tmp_path / "in", "--to", "json", "-o", tmp_path / "b", "--quiet"])

    assert loud.returncode == quiet.returncode == 0
    assert b"\r" not in loud.stderr and b"\x1b[" not in loud.stderr
    # Warnings (e.g. about a broken plugin installed beside communique) may come first; nothing else.
    (summary,) = [line for line in loud.stderr.decode().splitlines() if not line.startswith("communique: warning: ")]
    assert re.fullmatch(r"communique: converted 12 files, 0 failed, 0 skipped \(12 outputs written in .*\)", summary)
    assert [line for line in quiet.stderr.decode().splitlines() if not line.startswith("communique: warning: ")] == []


# ---------------------------------------------------------------- safety of outputs


def test_existing_outputs_are_refused_without_overwrite(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(8), "json"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "r.json").write_bytes(b"precious")

    refused = invoke("convert", src, "--to", "json", "-o", out)

    assert refused.exit_code == 1
    assert "already exists (use --overwrite to replace)" in refused.stderr
    assert "0 failed, 1 skipped" in refused.stderr
    assert (out / "r.json").read_bytes() == b"precious"

    replaced = invoke("convert", src, "--to", "json", "-o", out, "--overwrite")

    assert replaced.exit_code == 0, replaced.stderr
    assert (out / "r.json").read_bytes() == src.read_bytes()


def test_an_input_is_never_overwritten_even_with_overwrite(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    original = communique.render(make_release(9), "json").replace(b"\n", b"\r\n")
    src.write_bytes(original)

    result = invoke("convert", src, "--to", "json", "--overwrite")

    assert result.exit_code == 1
    assert "would overwrite an input file" in result.stderr
    assert src.read_bytes() == original


def test_two_inputs_claiming_one_output_are_not_both_written(tmp_path: Path, invoke: Invoke) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.json").write_bytes(communique.render(make_release(len(folder)), "json"))

    result = invoke("convert", tmp_path / "a", tmp_path / "b", "--to", "json", "-o", tmp_path / "out")

    assert result.exit_code == 1
    assert "is also the output of" in result.stderr
    assert (tmp_path / "out" / "same.json").read_bytes() == (tmp_path / "a" / "same.json").read_bytes()


def test_a_missing_input_fails_alone(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(10), "json"))

    result = invoke("convert", tmp_path / "nope.json", src, "--to", "json", "-o", tmp_path / "out")

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"communique: error: {tmp_path / 'nope.json'}: no such file or directory"]
    assert (tmp_path / "out" / "r.json").is_file()


def test_names_with_spaces_and_unicode(tmp_path: Path) -> None:
    folder = tmp_path / "Dossier de presse – 2018"
    (folder / "Ελληνικά").mkdir(parents=True)
    names = ["Communiqué de presse – OTAN n°1.json", "Ελληνικά/Δελτίο τύπου.json", "Пресс-релиз №2.JSON"]
    for i, name in enumerate(names):
        (folder / name).write_bytes(communique.render(make_release(i), "json"))
    out = tmp_path / "sortie avec espaces"

    proc = run_communique(["convert", folder, "--to", "json", "-o", out], cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(tree_bytes(out)) == sorted(
        ["Communiqué de presse – OTAN n°1.json", "Ελληνικά/Δελτίο τύπου.json", "Пресс-релиз №2.json"]
    )


def test_an_unwritable_output_directory_is_one_error_per_file(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(11), "json"))
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")

    result = invoke("convert", src, "--to", "json", "-o", blocker / "out")

    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"communique: error: {src}: ")
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- Ctrl-C


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_only_complete_files_and_exits_130(tmp_path: Path, jobs: str) -> None:
    write_batch(tmp_path / "in", 400, broken=False)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "communique", "convert", tmp_path / "in", "--to", "json", "-o", out, "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C would signal
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and sum(1 for _ in out.rglob("*.json")) >= 20:
            break
        time.sleep(0.005)
    if proc.poll() is not None:
        pytest.skip("the batch finished before it could be interrupted")
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)

    assert proc.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr
    assert b"Traceback" not in stderr
    leftovers = [p for p in out.rglob("*") if p.is_file() and not p.name.endswith(".json")]
    assert leftovers == []
    written = list(out.rglob("*.json"))
    assert 20 <= len(written) < 400
    # The summary counts what is on disk.
    reported = int(re.search(rb"\((\d+) outputs? written", stderr).group(1))  # type: ignore[union-attr]
    assert reported == len(written)
    for path in written:
        communique.read(path)  # complete, valid files only


def test_debug_adds_the_traceback_of_a_failure(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "bad.json"
    src.write_bytes(BROKEN["broken-schema.json"])

    plain = invoke("convert", src, "--to", "json", "-o", tmp_path / "out")
    debug = invoke("--debug", "convert", src, "--to", "json", "-o", tmp_path / "out")

    assert plain.exit_code == debug.exit_code == 1
    assert "Traceback" not in plain.stderr
    assert "Traceback (most recent call last)" in debug.stderr
    assert (
        error_lines(plain.stderr)
        == error_lines(debug.stderr)
        == [f"communique: error: {src}: $: missing 'schema_version': not a communique release"]
    )


def test_an_option_applies_to_every_selected_format_that_declares_it(tmp_path: Path, invoke: Invoke) -> None:
    pypdf = pytest.importorskip("pypdf")
    docx = pytest.importorskip("docx")
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(13), "json"))

    result = invoke("convert", src, "--to", "pdf,docx,json", "-O", "page_size=letter", "-o", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    box = pypdf.PdfReader(tmp_path / "out" / "r.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    section = docx.Document(str(tmp_path / "out" / "r.docx")).sections[0]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    assert (tmp_path / "out" / "r.json").read_bytes() == src.read_bytes()


def test_a_qualified_option_applies_to_one_format_only(tmp_path: Path, invoke: Invoke) -> None:
    pypdf = pytest.importorskip("pypdf")
    docx = pytest.importorskip("docx")
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(14), "json"))

    result = invoke("convert", src, "--to", "pdf,docx", "-O", "pdf.page_size=letter", "-o", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    box = pypdf.PdfReader(tmp_path / "out" / "r.pdf").pages[0].mediabox
    assert round(float(box.width)) == 612
    section = docx.Document(str(tmp_path / "out" / "r.docx")).sections[0]
    assert round(section.page_width.mm) == 210  # docx kept its default, A4


def test_verbose_lists_every_file_written_and_batches_use_the_measured_default(tmp_path: Path, invoke: Invoke) -> None:
    from communique.batch import default_jobs

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):
        (folder / f"r{i}.json").write_bytes(communique.render(make_release(i), "json"))

    result = invoke("convert", folder, "--to", "json", "-o", tmp_path / "out", "-v")

    assert result.exit_code == 0, result.stderr
    for i in range(8):
        assert f"{folder / f'r{i}.json'} → {tmp_path / 'out' / f'r{i}.json'}" in result.stderr
    # Eight inputs are too few for worker processes to pay (see default_jobs and the measurements).
    assert default_jobs(8) == 1
    assert "processes" not in result.stderr


# ---------------------------------------------------------------- what one file costs


def test_one_file_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    """One file to one format needs no worker processes, no write threads, no progress bar, no plugin scan."""
    source = tmp_path / "one.txt"
    source.write_text(Path("examples/sample_fr.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code = (
        "import sys\n"
        "from communique.cli import main\n"
        "try:\n"
        f"    main(['convert', {str(source)!r}, '-t', 'json', '-o', {str(tmp_path / 'out')!r} + '/', '-q'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "unused = ('multiprocessing', 'concurrent.futures', 'pickle', 'secrets', 'logging', 'rich', 'traceback',\n"
        "          'lxml', 'docx', 'reportlab', 'communique.parsers.html', 'communique.exporters.pdf')\n"
        "print(sorted(m for m in unused if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "out" / "one.json").is_file()
