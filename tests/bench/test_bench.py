"""The benchmark harness works and reports in a stable shape; it never asserts a speed.

CI runs ``python -m communique.bench --quick --json FILE`` once (module fixture)
and checks the printed tables and the JSON document.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.bench import corpus
from communique.bench.measure import (
    SCALING_TARGET,
    Budget,
    Result,
    Target,
    available_ops,
    peak_memory,
    scaling,
    time_call,
)
from communique.bench.peers import to_markdown
from communique.bench.report import table, write_json

STATUSES = {"", "met", "not met", "error", "skipped"}


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench") / "tmp.json"
    done = subprocess.run(
        [sys.executable, "-m", "communique.bench", "--quick", "--json", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads(out.read_text(encoding="utf-8"))


def _working_exporters() -> list[str]:
    names = []
    for name in communique.exporter_names():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                communique.get_exporter(name)
        except communique.CommuniqueError:
            continue
        names.append(name)
    return names


# The quick run: tables and JSON shape


def test_quick_run_prints_the_targets_table_first(quick_run: tuple[str, dict[str, Any]]) -> None:
    stdout, _ = quick_run
    lines = stdout.splitlines()
    assert lines[0].startswith("communique benchmarks (quick mode")
    assert lines[2] == "Targets"
    assert lines[4].split() == ["benchmark", "case", "figure", "target", "status"]


def test_quick_run_prints_every_section(quick_run: tuple[str, dict[str, Any]]) -> None:
    stdout, _ = quick_run
    for title in (
        "Throughput on the samples (median; releases/s and µs per release)",
        "Generated releases (median µs per release)",
        "Scaling (per-paragraph cost, large release over small)",
        "Peak memory (tracemalloc, one run)",
        "Lower bounds (same bytes, same run; best of two interleaved medians)",
        "Attendees (marginal cost of an attendee, later step over the first)",
        "Side by side with pandoc (one process per release)",
        "One file, whole process (process against process, paired; median (min–max))",
        "CLI batch",
        "Batch target (two workers against one, second core checked)",
        "Start-up (fresh process)",
    ):
        assert f"\n{title}\n{'=' * len(title)}\n" in stdout


def test_json_document_describes_the_run(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    assert doc["schema"] == "communique-bench/1"
    assert doc["mode"] == "quick"
    assert doc["command"][:3] == ["python", "-m", "communique.bench"]
    assert {"cpu", "cpus", "platform", "python", "load_average", "load_average_after"} <= doc["machine"].keys()
    assert doc["communique"]["version"] == communique.__version__
    assert doc["communique"]["exporters"] == communique.exporter_names()
    assert set(doc["seconds_per_section"]) >= {"throughput", "memory", "startup"}


def test_json_corpus_lists_the_samples_and_generated_sizes(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    ids = [c["id"] for c in doc["corpus"]]
    assert ids[:2] == ["sample-fr", "sample-en"]
    assert {"gen-fr-1", "gen-fr-10"} <= set(ids)
    for case in doc["corpus"]:
        assert case.keys() == {"id", "language", "paragraphs", "chars", "origin"}
        assert case["paragraphs"] >= 1 and case["chars"] > 0


def test_json_results_have_one_shape(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    assert doc["results"]
    for r in doc["results"]:
        assert r.keys() == {"section", "name", "case", "metrics", "target", "status", "note"}
        assert r["section"] in {
            "throughput",
            "scaling",
            "memory",
            "bounds",
            "attendees",
            "pandoc",
            "oneshot",
            "cli",
            "batch",
            "startup",
        }
        assert r["status"] in STATUSES
        if r["target"] is not None:
            assert r["target"].keys() == {"metric", "comparison", "value", "label"}
            assert r["status"] in {"met", "not met", "error", "skipped"}
        for value in r["metrics"].values():
            assert value is None or isinstance(value, str | bool | int) or math.isfinite(value)


def test_every_working_exporter_is_measured_on_the_founding_sample(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = {(r["name"], r["case"]): r for r in doc["results"] if r["section"] == "throughput"}
    for name in _working_exporters():
        row = rows[(f"{name} render", "sample-fr")]
        if row["status"] == "error":
            continue  # reported with the reason; the format's own tests say why
        metrics = row["metrics"]
        assert metrics["releases_per_s"] > 0
        assert metrics["us_per_release"] == pytest.approx(1e6 / metrics["releases_per_s"])
        assert metrics["repeats"] >= 1 and metrics["output_bytes"] > 0


def test_the_stated_targets_are_attached_to_their_rows(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    labels = {(r["name"], r["case"]): r["target"]["label"] for r in doc["results"] if r["target"]}
    exporters = set(_working_exporters())
    if "text" in communique.parser_names():
        assert labels[("text → model", "sample-fr")] == "≥ 3,000/s"
    if {"json"} <= exporters:
        assert labels[("json render+parse", "sample-fr")] == "≥ 10,000/s"
    if "docx" in exporters:
        assert labels[("docx render", "sample-fr")] == "≥ 150/s"
    if "pdf" in exporters:
        assert labels[("pdf render", "sample-fr")] == "≥ 80/s"
    assert labels[("communique formats", "fresh process")] == "< 150 ms"


def test_scaling_rows_compare_per_paragraph_costs(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = [r for r in doc["results"] if r["section"] == "scaling"]
    assert rows
    for r in rows:
        m = r["metrics"]
        assert m["small"] == 10 and m["large"] > m["small"]
        assert m["ratio"] == pytest.approx(m["us_per_paragraph_large"] / m["us_per_paragraph_small"])
        assert r["target"]["label"] == "≤ 1.3×"


def test_memory_rows_report_a_peak(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = [r for r in doc["results"] if r["section"] == "memory" and r["status"] != "error"]
    assert rows
    assert all(r["metrics"]["peak_bytes"] >= 0 for r in rows)


def test_pandoc_rows_are_measured_or_skipped_with_a_reason(quick_run: tuple[str, dict[str, Any]]) -> None:
    import shutil

    _, doc = quick_run
    rows = [r for r in doc["results"] if r["section"] == "pandoc"]
    if shutil.which("pandoc") is None:
        assert [r["status"] for r in rows] == ["skipped"]
        return
    names = {r["name"] for r in rows}
    assert names == {"text → docx vs pandoc", "text → json vs pandoc"}
    for r in rows:
        if r["status"] != "error":
            assert r["metrics"]["ratio"] > 0 and r["metrics"]["pandoc_releases_per_s"] > 0


def test_lower_bound_rows_divide_by_the_bound(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = {(r["name"], r["case"]): r for r in doc["results"] if r["section"] == "bounds"}
    if "json" in _working_exporters():
        row = rows[("json parse vs orjson.loads", "sample-fr")]
        assert row["target"]["label"] == "≤ 3× orjson"
        m = row["metrics"]
        assert m["ratio"] == pytest.approx(m["communique_us"] / m["bound_us"])


def test_attendee_rows_compare_the_marginal_cost_of_an_attendee(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = [r for r in doc["results"] if r["section"] == "attendees"]
    assert {r["name"] for r in rows} >= {f"{name} render" for name in _working_exporters()}
    for r in rows:
        assert r["status"] in {"met", "not met", "skipped"}, r["note"]
        if r["status"] == "skipped":
            continue
        m = r["metrics"]
        assert m["ratio"] == pytest.approx(m["us_per_attendee_50_200"] / m["us_per_attendee_10_50"])


def test_with_attendees_gives_a_valid_release_of_that_size() -> None:
    from communique.bench.bounds import with_attendees

    base = communique.parse(corpus.founding_sample().text, "text")
    for n in (0, 10, 600):
        release = with_attendees(base, n)
        assert len(release.attendees) == n and release.paragraphs == base.paragraphs
        assert communique.parse(communique.render(release, "json"), "json") == release


def test_the_batch_target_is_judged_only_with_a_free_second_core(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = [r for r in doc["results"] if r["section"] == "batch"]
    if rows and rows[0]["status"] == "skipped" and not rows[0]["metrics"]:
        pytest.skip(rows[0]["note"])
    assert [r["name"] for r in rows] == ["convert --jobs 1", "convert --jobs 2"]
    two = rows[1]
    assert two["target"]["label"] == "≥ 1.7× --jobs 1"
    free = two["metrics"]["second_core_free"]
    assert isinstance(free, bool) and two["metrics"]["busy_slowdown_before"] > 0
    assert two["status"] in ({"met", "not met"} if free else {"skipped"})
    assert ("second core free" if free else "second core busy") in two["note"]


def test_cli_batch_runs_with_one_and_two_jobs(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = [r for r in doc["results"] if r["section"] == "cli"]
    if rows and rows[0]["status"] == "skipped":
        pytest.skip(rows[0]["note"])
    assert [r["name"] for r in rows] == ["convert --jobs 1", "convert --jobs 2"]
    for r in rows:
        assert r["status"] == "", r["note"]
        assert r["metrics"]["releases"] == 8 and r["metrics"]["wall_s"] > 0
    assert rows[1]["metrics"]["speedup_vs_jobs_1"] > 0


# The command line


def test_a_bad_repeat_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "communique.bench", "--repeat", "0"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "--repeat must be at least 1" in done.stderr


def test_an_unknown_section_to_skip_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "communique.bench", "--skip", "speed"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "not speed" in done.stderr


def test_formats_limits_the_measured_formats(tmp_path: Path) -> None:
    out = tmp_path / "json-only.json"
    argv = [sys.executable, "-m", "communique.bench", "--quick", "--formats", "json", "--repeat", "1", "-q"]
    argv += ["--skip", "memory,bounds,attendees,pandoc,oneshot,cli,batch,startup", "--json", str(out)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    names = {r["name"] for r in json.loads(out.read_text(encoding="utf-8"))["results"]}
    assert names == {"json render", "json parse", "json render+parse"}


def test_import_communique_does_not_import_the_benchmarks() -> None:
    code = "import sys, communique; print(any(m.startswith('communique.bench') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"


# The corpus


def test_the_generator_is_deterministic() -> None:
    a, b = corpus.generate("fr", 10), corpus.generate("fr", 10)
    assert a.text == b.text and a.release == b.release
    assert corpus.generate("fr", 10, seed=1).text != a.text


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("size", corpus.SIZES)
def test_generated_releases_have_the_asked_shape(language: str, size: int) -> None:
    gen = corpus.generate(language, size)
    release = gen.release
    assert len(release.paragraphs) == size
    assert release.header.language == language
    assert release.quotes, "every generated release quotes someone"
    assert any(a.name for a in release.attendees)
    for q in release.quotes:
        assert release.paragraphs[q.paragraph].text[q.start : q.end] == q.text
    # The text carries the same paragraphs, the first behind the dateline.
    assert f"{release.header.dateline} – {release.paragraphs[0].text}" in gen.text
    assert release.paragraphs[-1].text in gen.text


def test_generated_text_uses_language_specific_typography() -> None:
    fr, en = corpus.generate("fr", 30).text, corpus.generate("en", 30).text
    assert "« " in fr and "Mis à jour le:" in fr and "’" in fr
    assert "“" in en and "Last updated:" in en
    everything = "".join(corpus.generate(lang, n).text for lang in ("fr", "en") for n in (30, 100))
    assert any(ch in everything for ch in "ćšžčđø"), "Latin letters with diacritics"
    assert any("\u0370" <= ch <= "\u03ff" for ch in everything), "Greek"
    assert any("\u0400" <= ch <= "\u04ff" for ch in everything), "Cyrillic"


def test_generated_text_parses_back_to_the_same_paragraphs() -> None:
    if "text" not in communique.parser_names():
        pytest.skip("no text parser registered")
    for language in ("fr", "en"):
        gen = corpus.generate(language, 12)
        parsed = communique.parse(gen.text, "text")
        assert [p.text for p in parsed.paragraphs] == [p.text for p in gen.release.paragraphs]
        assert parsed.header.title == gen.release.header.title
        assert parsed.dates.start == gen.release.dates.start


def test_the_founding_sample_comes_from_the_package_or_the_examples() -> None:
    case = corpus.founding_sample()
    assert case.id == "sample-fr" and case.language == "fr"
    assert "Shepro" in case.text and case.paragraphs == 6
    assert case.origin.startswith(("package:", "examples/"))


def test_batch_alternates_languages_and_differs() -> None:
    releases = list(corpus.batch(4))
    assert [g.language for g in releases] == ["fr", "en", "fr", "en"]
    assert len({g.text for g in releases}) == 4
    assert all(3 <= g.paragraphs <= 8 for g in releases)


def test_the_generator_refuses_other_languages() -> None:
    with pytest.raises(ValueError, match="French"):
        corpus.generate("de", 3)


# Measuring and judging


def test_time_call_reports_the_median_of_its_repetitions() -> None:
    calls = []
    timing = time_call(lambda: calls.append(1), Budget(repeat=3, min_time=0.0, cap=1.0))
    assert timing.repeats == 3 and timing.number == 1
    assert timing.best <= timing.median <= timing.worst
    assert len(calls) == 2 + 3  # a cold call, a warm estimate, three repetitions


def test_time_call_caps_the_repetitions_of_slow_calls() -> None:
    import time

    timing = time_call(lambda: time.sleep(0.02), Budget(repeat=9, min_time=0.0, cap=0.05))
    assert timing.repeats < 9


def test_peak_memory_sees_a_large_allocation() -> None:
    assert peak_memory(lambda: bytearray(8 * 2**20)) >= 8 * 2**20


def _row(name: str, case: str, us_per_paragraph: float) -> Result:
    return Result("throughput", name, case, {"us_per_paragraph": us_per_paragraph})


def test_scaling_marks_each_ratio_met_or_not() -> None:
    rows = [_row("a", "gen-fr-10", 10.0), _row("a", "gen-fr-1000", 12.0)]
    rows += [_row("b", "gen-fr-10", 10.0), _row("b", "gen-fr-1000", 14.0)]
    out = {r.name: r for r in scaling(rows, 10, 1000)}
    assert out["a"].metrics["ratio"] == pytest.approx(1.2) and out["a"].status == "met"
    assert out["b"].metrics["ratio"] == pytest.approx(1.4) and out["b"].status == "not met"
    assert out["a"].target == SCALING_TARGET and out["a"].case == "gen-fr 1000/10"


def test_a_target_compares_in_its_direction() -> None:
    at_least = Target("releases_per_s", ">=", 100, "≥ 100/s")
    at_most = Target("wall_ms", "<=", 150, "< 150 ms")
    assert at_least.met({"releases_per_s": 100.0}) is True
    assert at_least.met({"releases_per_s": 99.9}) is False
    assert at_most.met({"wall_ms": 151.0}) is False
    assert at_most.met({}) is None


def test_newsml_gets_render_and_parse_rows_on_the_founding_sample() -> None:
    from communique.bench.measure import measure_throughput

    ops, missing = available_ops(["newsml"])
    assert not missing
    assert [op.name for op in ops] == ["newsml render", "newsml parse", "newsml render+parse"]
    rows = measure_throughput(ops, [corpus.founding_sample()], Budget(repeat=1, min_time=0.001, cap=1.0))
    assert [(r.name, r.case, r.status) for r in rows] == [(op.name, "sample-fr", "") for op in ops]
    assert all(float(r.metrics["releases_per_s"]) > 0 for r in rows)  # type: ignore[arg-type]
    assert rows[1].metrics["lossless"] is True and rows[2].metrics["lossless"] is True


def test_html_gets_render_and_parse_rows_and_targets_on_the_founding_sample() -> None:
    from communique.bench.measure import TARGETS, measure_throughput

    ops, missing = available_ops(["html"])
    assert not missing
    assert [op.name for op in ops] == ["html render", "html parse", "html render+parse"]
    rows = measure_throughput(ops, [corpus.founding_sample()], Budget(repeat=1, min_time=0.001, cap=1.0))
    assert [(r.name, r.case) for r in rows] == [(op.name, "sample-fr") for op in ops]
    # The two rows with a target are judged (never a speed asserted: it depends on the machine).
    assert [r.status in ("met", "not met") for r in rows] == [True, True, False]
    assert rows[1].metrics["lossless"] is True and rows[2].metrics["lossless"] is True
    assert ("html render", "sample-fr") in TARGETS and ("html parse", "sample-fr") in TARGETS


def test_available_ops_reports_unknown_formats() -> None:
    ops, missing = available_ops(["json", "nosuchformat"])
    assert missing["nosuchformat"] == "not registered"
    assert all(op.format == "json" for op in ops)


# Output


def test_table_aligns_numbers_right_and_text_left() -> None:
    text = table(["op", "rel/s"], [["json", "12,345"], ["pdf render", "35.5"]], "T")
    assert text.splitlines() == [
        "T",
        "=",
        "op           rel/s",
        "----------  ------",
        "json        12,345",
        "pdf render    35.5",
    ]


def test_json_output_has_no_infinities(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_json(path, {"results": [{"metrics": {"releases_per_s": math.inf, "n": 1}}]})
    assert json.loads(path.read_text(encoding="utf-8")) == {"results": [{"metrics": {"releases_per_s": None, "n": 1}}]}


def test_markdown_for_pandoc_escapes_markup_and_lists_attendees() -> None:
    release = corpus.generate("fr", 3).release
    md = to_markdown(release)
    assert md.startswith(f"# {release.header.title}\n")
    assert "| Name | Rank | Role | Organisation | Country |" in md
    assert md.count("\n| ") == len(release.attendees) + 1


def test_one_file_rows_pair_whole_processes(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, doc = quick_run
    rows = [r for r in doc["results"] if r["section"] == "oneshot"]
    assert [r["name"] for r in rows] == [
        "convert -t json vs pandoc -o x.json",
        "convert -t docx vs pandoc -o x.docx",
        "convert -t pdf vs convert -t json",
    ]
    for r in rows:
        if r["status"] in ("skipped", "error"):
            continue
        m = r["metrics"]
        assert m["communique_ms_min"] <= m["communique_ms_median"] <= m["communique_ms_max"]
        assert m["ratio_min"] <= m["ratio_median"] <= m["ratio_max"]
        assert m["communique_empty_cache_ms"] > 0 and m["runs"] >= 1 and m["load_before"]
