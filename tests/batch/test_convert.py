"""``communique.convert``: the batch API — results per input, atomic all-or-nothing outputs, engines alike."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import pytest

import communique
from communique import CommuniqueError, ConversionResult, ParseError, Status
from communique.batch import BESIDE, default_jobs

sys.path.insert(0, str(Path(__file__).parents[1] / "cli"))
from cli_support import BROKEN, SAMPLE, make_release, make_text, tree_bytes, write_batch


def _folder(tmp_path: Path, count: int = 6) -> Path:
    folder = tmp_path / "in"
    write_batch(folder, count, broken=False, text_every=3)
    return folder


def test_the_api_is_exported_small_and_documented() -> None:
    for name in ("convert", "ConversionResult", "Status"):
        assert name in communique.__all__
        assert getattr(communique, name).__doc__
    assert Status.OK == "ok" and Status.FAILED == "failed" and Status.SKIPPED == "skipped"
    assert isinstance(Status.OK, str)


def test_a_folder_converts_to_a_mirrored_tree_with_one_result_per_input(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "out"

    batch = communique.convert(folder, to="json,xml", output=out, jobs=1)
    results = list(batch)

    assert len(batch) == len(results) == 6
    assert [r.index for r in results] == list(range(6))
    assert all(r.status is Status.OK and r.error is None for r in results), results
    assert sorted(p for r in results for p in r.outputs) == sorted(str(p) for p in out.rglob("*") if p.is_file())
    first = results[0]
    assert set(first.timings) == {"read", "render", "write"} and first.elapsed > 0
    assert first.input == str(folder / "communiqué 000.txt")


def test_output_none_returns_the_bytes_and_writes_nothing(tmp_path: Path) -> None:
    (result,) = communique.convert(SAMPLE, to=["json", "pdf"])

    assert result.ok and result.outputs == ()
    release = communique.read(SAMPLE)
    assert result.data["json"] == communique.render(release, "json")
    assert result.data["pdf"] == communique.render(release, "pdf")


def test_inputs_as_name_and_bytes_pairs_and_globs(tmp_path: Path) -> None:
    data = communique.render(make_release(1), "json")
    pairs = [("a.json", data), ("b.txt", make_text(2).encode())]

    results = list(communique.convert(pairs, to="xml", output=tmp_path / "out"))

    assert [r.status for r in results] == [Status.OK, Status.OK]
    assert (tmp_path / "out" / "a.xml").read_bytes() == communique.render(make_release(1), "xml")
    assert (tmp_path / "out" / "b.xml").is_file()

    folder = _folder(tmp_path)
    globbed = list(communique.convert(str(folder / "**" / "*.txt"), to="json", output=tmp_path / "g"))
    assert len(globbed) == 2 and all(r.ok for r in globbed)
    (nothing,) = communique.convert(str(tmp_path / "*.nope"), to="json", output=tmp_path / "g")
    assert nothing.status is Status.FAILED and "no file matches" in (nothing.message or "")


def test_an_output_file_name_gives_the_format(tmp_path: Path) -> None:
    target = tmp_path / "release.pdf"

    (result,) = communique.convert(SAMPLE, output=target)

    assert result.ok and result.outputs == (str(target),)
    assert communique.read(target) == communique.read(SAMPLE)
    with pytest.raises(communique.OptionError, match="one input"):
        communique.convert([SAMPLE, SAMPLE.with_name("sample_en.txt")], output=tmp_path / "x.pdf")
    with pytest.raises(communique.OptionError, match="no format given"):
        communique.convert(SAMPLE, output=tmp_path / "folder")


def test_formats_and_options_are_checked_before_anything_runs(tmp_path: Path) -> None:
    with pytest.raises(communique.FormatError, match="unknown format 'odt'"):
        communique.convert(SAMPLE, to="odt", output=tmp_path)
    with pytest.raises(communique.OptionError, match="no selected format has an option 'nosuch'"):
        communique.convert(SAMPLE, to="pdf", output=tmp_path, options={"nosuch": 1})
    with pytest.raises(communique.OptionError):
        communique.convert(SAMPLE, to="pdf", output=tmp_path, jobs=0)
    assert list(tmp_path.iterdir()) == []


def test_options_apply_per_format_or_to_every_format_declaring_them(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    for options in ({"page_size": "letter"}, {"pdf.page_size": "letter"}, {"pdf": {"page_size": "letter"}}):
        (result,) = communique.convert(SAMPLE, to="pdf", options=options)
        box = pypdf.PdfReader(__import__("io").BytesIO(result.data["pdf"])).pages[0].mediabox
        assert round(float(box.width)) == 612, options


def test_a_bad_input_fails_alone_with_its_communique_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(BROKEN["broken-syntax.json"])
    (folder / "b.json").write_bytes(communique.render(make_release(3), "json"))

    results = list(communique.convert(folder, to="json", output=tmp_path / "out"))

    assert [r.status for r in results] == [Status.FAILED, Status.OK]
    bad = results[0]
    assert isinstance(bad.error, ParseError) and bad.outputs == ()
    assert bad.message is not None and bad.message.startswith(f"{folder / 'a.json'}: line 1")
    assert bad.traceback and "Traceback" in bad.traceback
    record = bad.as_record()
    assert json.loads(json.dumps(record))["status"] == "failed" and record["error_type"] == "ParseError"
    assert not (tmp_path / "out" / "a.json").exists()

    with pytest.raises(ParseError):
        list(communique.convert(folder, to="json", output=tmp_path / "out2", raise_on_error=True))


def test_results_survive_pickling_errors_included() -> None:
    error = communique.ValidationError("quotes[2].speaker", "unknown attendee")
    result = ConversionResult(index=0, input="x", status="failed", error=error, message="x: bad")

    again = pickle.loads(pickle.dumps(result))

    assert again == result or (again.input, str(again.error)) == ("x", str(error))
    assert isinstance(again.error, communique.ValidationError) and again.error.path == "quotes[2].speaker"


def test_two_workers_write_byte_identical_outputs(tmp_path: Path) -> None:
    write_batch(tmp_path / "in", 16, broken=False, text_every=4)

    one = list(communique.convert(tmp_path / "in", to="json,pdf", output=tmp_path / "one", jobs=1))
    batch = communique.convert(tmp_path / "in", to="json,pdf", output=tmp_path / "two", jobs=2)
    two = list(batch)

    assert batch.jobs == 2 and batch.engine == "process"
    assert [r.status for r in one] == [r.status for r in two] == [Status.OK] * 16
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")


def test_unordered_results_are_the_same_set(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 10)

    results = list(communique.convert(folder, to="json", ordered=False, jobs=2))

    assert sorted(r.index for r in results) == list(range(10))


def test_inputs_are_never_overwritten_and_existing_outputs_are_kept(tmp_path: Path) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(9), "json").replace(b"\n", b"\r\n"))
    original = src.read_bytes()

    (result,) = communique.convert(src, to="json", output=BESIDE, overwrite=True)
    assert result.status is Status.FAILED and "would overwrite an input file" in (result.message or "")
    assert isinstance(result.error, communique.OutputError)
    assert src.read_bytes() == original

    out = tmp_path / "out"
    out.mkdir()
    (out / "r.json").write_bytes(b"precious")
    (kept,) = communique.convert(src, to="json", output=out)
    assert kept.status is Status.SKIPPED and (out / "r.json").read_bytes() == b"precious"
    (replaced,) = communique.convert(src, to="json", output=out, overwrite=True)
    assert replaced.ok and (out / "r.json").read_bytes() != b"precious"


def test_two_inputs_claiming_one_output_do_not_both_write(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.json").write_bytes(communique.render(make_release(len(folder)), "json"))

    results = list(communique.convert([tmp_path / "a", tmp_path / "b"], to="json", output=tmp_path / "out"))

    assert [r.status for r in results] == [Status.OK, Status.FAILED]
    assert "is also the output of" in (results[1].message or "")


def test_one_release_in_several_formats_in_one_folder_converts_without_collision(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    communique.write(make_release(4), folder / "r.json")
    communique.write(make_release(4), folder / "r.xml")

    results = list(communique.convert(folder, to="pdf", output=tmp_path / "out"))

    assert [r.status for r in results] == [Status.OK, Status.OK]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r.json.pdf", "r.xml.pdf"]


def test_a_failed_write_leaves_none_of_that_inputs_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.json").write_bytes(communique.render(make_release(1), "json"))
    out = tmp_path / "out"
    (out / "a.pdf").mkdir(parents=True)

    results = list(communique.convert(folder, to="json,pdf", output=out, overwrite=True))

    assert [r.status for r in results] == [Status.FAILED, Status.OK]
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["b.json", "b.pdf"]
    assert [p for p in out.rglob(".*")] == []


def test_stop_lets_the_inputs_in_progress_finish_and_leaving_early_is_safe(tmp_path: Path) -> None:
    # More inputs than can be in flight at once ((2 × jobs + 1) chunks of 8): stopping must leave some.
    folder = _folder(tmp_path, 200)
    batch = communique.convert(folder, to="json", output=tmp_path / "out", jobs=2)
    seen = []
    for result in batch:
        seen.append(result)
        batch.stop()
    assert 1 <= len(seen) < 200
    on_disk = sorted(str(p) for p in (tmp_path / "out").rglob("*.json"))
    assert sorted(p for r in seen for p in r.outputs) == on_disk

    for _ in communique.convert(folder, to="json", output=tmp_path / "out2", jobs=2):
        break
    assert [p for p in (tmp_path / "out2").rglob(".*")] == [] if (tmp_path / "out2").exists() else True


def test_the_default_jobs_follow_the_measurements(monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.batch import _convert

    monkeypatch.setattr(_convert, "_idle_cpus", lambda: 2)
    assert default_jobs(7) == default_jobs(40) == default_jobs(_convert.PARALLEL_FROM - 1) == 1
    assert default_jobs(300) == default_jobs(_convert.PARALLEL_FROM) == 2
    monkeypatch.setattr(_convert, "_idle_cpus", lambda: 1)  # a busy machine: workers would only compete
    assert default_jobs(300) == 1


def test_a_single_text_input_is_converted_once_even_when_named_twice(tmp_path: Path) -> None:
    results = list(communique.convert([SAMPLE, SAMPLE], to="json", output=tmp_path))
    assert len(results) == 1 and results[0].ok


def test_an_error_object_is_a_communique_error_for_every_failure(tmp_path: Path) -> None:
    (missing,) = communique.convert(tmp_path / "nope.json", to="json", output=tmp_path / "out")
    assert missing.status is Status.FAILED and isinstance(missing.error, CommuniqueError)
    assert missing.message == f"{tmp_path / 'nope.json'}: no such file or directory"


def test_content_that_is_not_a_release_is_refused_not_converted(tmp_path: Path) -> None:
    (tmp_path / "foo.rtf").write_text("hello")
    (tmp_path / "bar.txt").write_text("hello\n")
    (tmp_path / "r.data").write_bytes(communique.render(make_release(2), "json"))

    results = list(communique.convert([tmp_path / "foo.rtf", tmp_path / "bar.txt", tmp_path / "r.data"], to="json"))

    assert [r.status for r in results] == [Status.FAILED, Status.FAILED, Status.OK]
    assert "not a known extension" in (results[0].message or "")
    assert "no paragraph" in (results[1].message or "")
    assert all(isinstance(r.error, ParseError) for r in results[:2])
