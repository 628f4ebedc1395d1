"""The ``communique convert`` batch: many releases in one command, with one and two workers.

The batch is a directory of generated sample-sized releases (French and English
alternating), converted with ``communique convert DIR --to FORMATS -o OUT
--jobs N``.  The wall time includes starting the command, planning, the worker
pool and writing every file, which is what a user converting an archive waits for.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ._proc import child_env
from .corpus import batch
from .measure import Metric, Result, Target, judged
from .peers import communique_command

__all__ = [
    "BATCH_TARGET",
    "JOBS_COUNTS",
    "JOBS_FORMATS",
    "measure_batch_target",
    "measure_cli_batch",
    "measure_jobs_table",
    "second_core_free",
]

BATCH_TARGET = Target("speedup_vs_jobs_1", ">=", 1.7, "≥ 1.7× --jobs 1")
"""Issue 19's target: two workers at least 1.7 times as fast as one, for 2,000 releases to PDF, two cores free."""

_BUSY = """
import sys, time
sys.stdin.readline()  # start together
start = time.perf_counter()
n = 0
for _ in range({work}):
    n += 1
print(time.perf_counter() - start)
"""
FREE_SLOWDOWN = 1.2
"""Two busy loops at once taking more than this over one alone: the second core is not free."""

JOBS_COUNTS = (7, 40, 300)
JOBS_FORMATS = ("json", "pdf")


def measure_cli_batch(
    count: int,
    jobs: Sequence[int],
    formats: Sequence[str],
    runs: int = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> list[Result]:
    """Wall time of converting ``count`` text releases to ``formats`` with each ``--jobs`` value."""
    import importlib.util

    import communique

    if importlib.util.find_spec("communique.cli") is None:
        return [Result("cli", "communique convert", "", {}, None, "skipped", "communique.cli is not installed")]
    known = set(communique.exporter_names())
    missing = [f for f in formats if f not in known]
    if missing:
        note = f"no exporter for {', '.join(missing)}"
        return [Result("cli", "communique convert", "", {}, None, "skipped", note)]
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        source = Path(tmp, "in")
        source.mkdir()
        paragraphs = 0
        for i, gen in enumerate(batch(count)):
            Path(source, f"release-{i:04d}.txt").write_text(gen.text, encoding="utf-8")
            paragraphs += gen.paragraphs
        # One small conversion first: it fills the bytecode cache, so no timed run pays for compiling.
        warm = Path(tmp, "warm")
        warm.mkdir()
        Path(warm, "warm.txt").write_text(next(batch(1)).text, encoding="utf-8")
        warm_argv = [*communique_command(), "convert", str(warm), "--to", ",".join(formats), "-o", str(warm), "-q"]
        subprocess.run(warm_argv, capture_output=True, timeout=300, check=False, env=child_env())
        for n in jobs:
            name = f"convert --jobs {n}" if n else "convert (default --jobs)"
            case = f"{count} releases → {','.join(formats)}"
            progress(f"cli · {name} · {count} releases")
            times: list[float] = []
            error = ""
            for run in range(runs):
                out = Path(tmp, f"out-{n}-{run}")
                argv = [*communique_command(), "convert", str(source), "--to", ",".join(formats)]
                argv += ["-o", str(out), "-q", *(["--jobs", str(n)] if n else [])]
                start = time.perf_counter()
                done = subprocess.run(argv, capture_output=True, timeout=1800, check=False, env=child_env())
                elapsed = time.perf_counter() - start
                written = sum(1 for p in out.rglob("*") if p.is_file()) if out.is_dir() else 0
                if done.returncode != 0 or written != count * len(formats):
                    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
                    error = f"exit {done.returncode}, {written} of {count * len(formats)} files written"
                    error += f": {lines[-1]}" if lines else ""
                    break
                times.append(elapsed)
            if error:
                results.append(Result("cli", name, case, {}, None, "error", error))
                continue
            wall = statistics.median(times)
            metrics: dict[str, Metric] = {
                "jobs": n,
                "releases": count,
                "paragraphs": paragraphs,
                "wall_s": wall,
                "releases_per_s": count / wall,
                "us_per_release": wall * 1e6 / count,
                "runs": runs,
            }
            results.append(Result("cli", name, case, metrics))
    base = next((r for r in results if r.metrics.get("jobs") == 1), None)
    if base is not None:
        for i, r in enumerate(results):
            if r.metrics and r.metrics.get("jobs") != 1:
                speedup = r.metrics["releases_per_s"]
                assert isinstance(speedup, float)
                one = base.metrics["releases_per_s"]
                assert isinstance(one, float)
                results[i] = Result(r.section, r.name, r.case, {**r.metrics, "speedup_vs_jobs_1": speedup / one})
    return results


def measure_jobs_table(
    counts: Sequence[int] = JOBS_COUNTS,
    formats: Sequence[str] = JOBS_FORMATS,
    jobs: Sequence[int] = (1, 2),
    runs: int = 3,
    progress: Callable[[str], None] = lambda _: None,
) -> list[Result]:
    """``--jobs 1`` against ``--jobs N`` for each batch size and output format, and the default.

    What :func:`communique.batch.default_jobs` is chosen from: for each
    ``count`` text releases converted to each format, the median wall time
    of ``communique convert`` with every ``jobs`` value, then with no
    ``--jobs`` at all (the default).  The case names say which.
    """
    from communique.batch import default_jobs

    results: list[Result] = []
    for fmt in formats:
        for count in counts:
            rows = measure_cli_batch(count, (*jobs, 0), (fmt,), runs, progress)
            for r in rows:
                if r.metrics.get("jobs") == 0:
                    chosen = default_jobs(count, (fmt,))
                    r = Result(
                        r.section,
                        f"convert (default: --jobs {chosen})",
                        r.case,
                        {**r.metrics, "jobs": chosen},
                        r.target,
                        r.status,
                        r.note,
                    )
                results.append(r)
    return results


def _busy(count: int, work: int) -> list[float]:
    """Seconds each of ``count`` simultaneous busy loops of ``work`` iterations takes (measured inside it)."""
    code = _BUSY.format(work=work)
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    out = [p.communicate(timeout=120)[0] for p in procs]
    return [float(line.strip()) for line in out]


def second_core_free(work: int = 6_000_000) -> tuple[bool, float]:
    """Whether a second core is free: two busy loops at once against one alone, ``(free, slowdown)``.

    The slowdown is the slower of the two simultaneous loops over the one
    alone (best of two tries each); on a machine with two free cores it is
    about 1.0, on one whose second core is busy (another job, a noisy
    neighbour) 1.5 to 2.
    """
    alone = min(_busy(1, work)[0] for _ in range(2))
    together = min(max(_busy(2, work)) for _ in range(2))
    slowdown = together / alone
    return slowdown <= FREE_SLOWDOWN, slowdown


def measure_batch_target(
    count: int = 2000, progress: Callable[[str], None] = lambda _: None, formats: Sequence[str] = ("pdf",)
) -> list[Result]:
    """``--jobs 1`` against ``--jobs 2`` on ``count`` releases, judged only when the second core was free.

    The busy-loop check runs before and after the two batches; when either
    finds the second core busy, the figures are kept but the row is
    ``skipped`` (a loaded machine must not produce a false figure either way).
    """
    progress("batch · is the second core free?")
    free_before, slow_before = second_core_free()
    rows = measure_cli_batch(count, (1, 2), formats, 1, progress)
    free_after, slow_after = second_core_free()
    free = free_before and free_after
    note = (
        f"second core free (two busy loops {slow_before:.2f}× / {slow_after:.2f}× one alone, before / after)"
        if free
        else f"second core busy (two busy loops {slow_before:.2f}× / {slow_after:.2f}× one alone, before / after; "
        f"free is ≤ {FREE_SLOWDOWN}×): not judged"
    )
    out: list[Result] = []
    for r in rows:
        metrics = {**r.metrics, "second_core_free": free, "busy_slowdown_before": slow_before}
        metrics["busy_slowdown_after"] = slow_after
        if r.metrics.get("jobs") == 2 and r.status != "error":
            row = Result("batch", r.name, r.case, metrics, BATCH_TARGET, "" if free else "skipped", note)
            out.append(judged(row) if free else row)
        else:
            out.append(Result("batch", r.name, r.case, metrics, None, r.status, r.note or note))
    return out
