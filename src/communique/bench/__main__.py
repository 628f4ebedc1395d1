"""``python -m communique.bench``: run the benchmarks, print the tables, optionally write JSON.

Examples::

    python -m communique.bench                      # full run (a few minutes)
    python -m communique.bench --quick --json b.json # CI: small corpus, a few seconds
    python -m communique.bench --formats text,docx --repeat 9
    python -m communique.bench --quick --profile     # where the time goes, per operation
    python -m communique.bench --accuracy            # the text parser against the gold files
    python -m communique.bench --accuracy --write-floors tests/bench/accuracy_floors.toml
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence

from attrs import frozen

from . import corpus
from .measure import Budget, Result, available_ops, measure_memory, measure_throughput, scaling

__all__ = ["Mode", "main"]

SECTIONS = ("throughput", "scaling", "memory", "bounds", "attendees", "pandoc", "oneshot", "cli", "batch", "startup")


@frozen
class Mode:
    """How much a run measures."""

    name: str
    sizes: tuple[int, ...]
    languages: tuple[str, ...]
    budget: Budget
    pandoc_cases: tuple[str, ...]
    pandoc_runs: int
    cli_per_process: bool
    """Also time ``communique convert`` one process per release beside pandoc."""
    memory_size: int
    """Paragraphs of the generated release whose peak memory is measured."""
    batch: int
    startup_runs: int
    profile_seconds: float
    oneshot_cases: tuple[str, ...] = ("sample-fr",)
    oneshot_runs: int = 3
    """Pairs of whole-process one-file conversions (communique against pandoc) per format."""
    batch_target: int = 2000
    """Releases converted to PDF with --jobs 1 and --jobs 2 for the batch target (with the busy-core check)."""
    attendee_sizes: tuple[int, int, int] = (10, 500, 8000)
    """Attendees of the releases of the attendee-scaling rows (small, middle, large)."""


FULL = Mode(
    name="full",
    sizes=corpus.SIZES,
    languages=("fr", "en"),
    budget=Budget(repeat=5, min_time=0.1, cap=5.0),
    pandoc_cases=("sample-fr", "sample-en", "gen-en-100"),
    pandoc_runs=3,
    cli_per_process=True,
    memory_size=1000,
    batch=500,
    startup_runs=7,
    profile_seconds=2.0,
    oneshot_cases=("sample-fr", "sample-en"),
    oneshot_runs=11,
)
QUICK = Mode(
    name="quick",
    sizes=(1, 10, 40),
    languages=("fr",),
    budget=Budget(repeat=3, min_time=0.005, cap=0.2),
    pandoc_cases=("sample-fr",),
    pandoc_runs=1,
    cli_per_process=False,
    memory_size=1,
    batch=8,
    startup_runs=1,
    profile_seconds=0.3,
    oneshot_runs=1,
    attendee_sizes=(10, 50, 200),
    batch_target=8,
)


def _csv(value: str) -> list[str]:
    return [part.strip().lower() for part in value.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m communique.bench",
        description="Benchmark communique: throughput per format, scaling, memory, pandoc side by side, "
        "one file as a whole process against pandoc's, the CLI batch and start-up time; or, with --accuracy, "
        "how often the text parser reads the gold files right.  Prints plain tables; --json keeps the same figures.",
    )
    p.add_argument("--quick", action="store_true", help="small corpus and few repetitions (a few seconds; for CI)")
    p.add_argument(
        "--json", metavar="PATH", help="also write the results as JSON to PATH (with --accuracy, '-' prints it instead)"
    )
    acc = p.add_argument_group("accuracy (--accuracy)")
    acc.add_argument(
        "--accuracy",
        action="store_true",
        help="score the text parser against hand-written gold files, per field, language and publisher family",
    )
    acc.add_argument(
        "--corpus",
        metavar="DIR",
        action="append",
        help="a folder of NAME.txt or NAME.html + NAME.gold.json, searched at any depth (repeatable; "
        "default: tests/data/text, tests/data/corpus, the holdout sets and the saved pages of the htmlhold sets under the current directory)",
    )
    acc.add_argument(
        "--show",
        metavar="FIELD",
        action="append",
        default=[],
        help="also list the releases that get FIELD wrong and what was found (repeatable; e.g. title, dateline, "
        "speaker, people, person.role, dates)",
    )
    acc.add_argument("--floors", metavar="FILE", help="exit with status 1 when a figure is below its floor in FILE")
    acc.add_argument(
        "--write-floors",
        metavar="FILE",
        help="write FILE with floors at the current figures (rounded down), printing every floor it lowers",
    )
    p.add_argument(
        "--formats",
        metavar="NAMES",
        action="append",
        type=_csv,
        help="measure only these formats (comma-separated; 'text' is the text parser); default: every registered one",
    )
    p.add_argument("--repeat", type=int, metavar="N", help="repetitions per figure (median reported)")
    p.add_argument("--skip", metavar="SECTIONS", action="append", type=_csv, help=f"skip any of {', '.join(SECTIONS)}")
    p.add_argument("--batch", type=int, metavar="N", help="releases in the CLI batch (default 500, quick 8)")
    p.add_argument(
        "--batch-to", metavar="FORMATS", type=_csv, default=["json"], help="formats of the CLI batch (default json)"
    )
    p.add_argument(
        "--jobs-table",
        action="store_true",
        help="also time --jobs 1, --jobs 2 and the default for 7, 40 and 300 releases to json and pdf",
    )
    p.add_argument(
        "--engines",
        type=int,
        metavar="N",
        help="also convert N releases with communique.convert on the local engine and on a Dask LocalCluster",
    )
    p.add_argument("--profile", action="store_true", help="also profile each operation on the founding sample")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on standard error")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; return the exit status (0, or 2 for a usage error)."""
    args = _parser().parse_args(argv)
    if args.accuracy:
        timing = {"--quick": args.quick, "--formats": args.formats, "--repeat": args.repeat, "--skip": args.skip}
        timing |= {"--batch": args.batch, "--profile": args.profile}
        given = [flag for flag, value in timing.items() if value not in (None, False)]
        if given:
            print(f"error: --accuracy times nothing, so {', '.join(given)} cannot go with it", file=sys.stderr)
            return 2
        from .accuracy import run

        return run(
            args.corpus,
            json_path=args.json,
            floors_path=args.floors,
            write_floors=args.write_floors,
            show=args.show,
            quiet=args.quiet,
        )
    misplaced = [flag for flag, value in (("--corpus", args.corpus), ("--floors", args.floors)) if value]
    misplaced += ["--write-floors"] if args.write_floors else []
    misplaced += ["--show"] if args.show else []
    if misplaced:
        print(f"error: {', '.join(misplaced)}: only with --accuracy", file=sys.stderr)
        return 2
    mode = QUICK if args.quick else FULL
    budget = mode.budget
    if args.repeat is not None:
        if args.repeat < 1:
            print("error: --repeat must be at least 1", file=sys.stderr)
            return 2
        budget = Budget(repeat=args.repeat, min_time=budget.min_time, cap=budget.cap)
    skip = {s for group in args.skip or [] for s in group}
    unknown = skip - set(SECTIONS)
    if unknown:
        print(f"error: --skip knows {', '.join(SECTIONS)}, not {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    formats = None if args.formats is None else [f for group in args.formats for f in group]

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"  … {message}", file=sys.stderr, flush=True)

    from .report import document, machine, render_tables, write_json

    started = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
    clock = time.perf_counter()
    before = machine()
    cases = corpus.build_corpus(sizes=mode.sizes, languages=mode.languages)
    if args.quick:
        # The English sample is small and exercises the other language data.
        cases = [c for c in cases if c.id.startswith("sample-") or c.language == "fr"]
    ops, unavailable = available_ops(formats)
    results: list[Result] = []
    spent: dict[str, float] = {}
    mark = time.perf_counter()

    def lap(section: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        spent[section] = round(now - mark, 2)
        mark = now

    if "startup" not in skip:
        from .startup import measure_startup

        results += measure_startup(mode.startup_runs, not args.quick, progress)
        lap("startup")
    if "throughput" not in skip:
        through = measure_throughput(ops, cases, budget, progress)
        results += through
        if "scaling" not in skip:
            small, large = 10, max(mode.sizes)
            results += scaling(through, small, large)
        lap("throughput")
    if "memory" not in skip:
        generated = [c for c in cases if c.release is not None and c.paragraphs == mode.memory_size]
        if generated:
            results += measure_memory(ops, generated[0], progress)
        lap("memory")
    if "bounds" not in skip:
        from .bounds import measure_bounds

        chosen = [c for c in cases if c.id.startswith("sample-")]
        results += measure_bounds(chosen, budget, progress)
        lap("bounds")
    if "attendees" not in skip:
        from .bounds import measure_attendees

        sample = next(c for c in cases if c.id == "sample-fr")
        results += measure_attendees(sample, budget, progress, formats, sizes=mode.attendee_sizes)
        lap("attendees")
    if "pandoc" not in skip:
        from .peers import compare_with_pandoc

        chosen = [c for c in cases if c.id in mode.pandoc_cases]
        results += compare_with_pandoc(chosen, budget, mode.pandoc_runs, mode.cli_per_process, progress)
        lap("pandoc")
    if "oneshot" not in skip:
        from .oneshot import measure_oneshot

        chosen = [c for c in cases if c.id in mode.oneshot_cases]
        results += measure_oneshot(chosen, mode.oneshot_runs, progress, formats)
        lap("oneshot")
    if "cli" not in skip:
        from .cli_batch import measure_cli_batch

        count = args.batch if args.batch is not None else mode.batch
        results += measure_cli_batch(count, (1, 2), args.batch_to, 1, progress)
        lap("cli")
    if "batch" not in skip:
        from .cli_batch import measure_batch_target

        results += measure_batch_target(mode.batch_target, progress)
        lap("batch")

    batch_rows: list[Result] = []
    if args.jobs_table:
        from .cli_batch import measure_jobs_table

        batch_rows += measure_jobs_table(progress=progress)
        lap("jobs")
    if args.engines:
        from .batch_engines import measure_engines

        batch_rows += measure_engines(args.engines, progress=progress)
        lap("engines")
    results += batch_rows

    extra: dict[str, object] = {}
    profiles_text = ""
    if args.profile:
        from .profile import profile_ops, render_profiles

        sample = next(c for c in cases if c.id == "sample-fr")
        profiles = profile_ops(ops, sample, mode.profile_seconds, progress)
        extra["profiles"] = profiles
        profiles_text = render_profiles(profiles)
        lap("profile")

    elapsed = time.perf_counter() - clock
    header = (
        f"communique benchmarks ({mode.name} mode, {started}, {before['cpus']} CPUs: {before['cpu']}; "
        f"load {before['load_average']}; {elapsed:.1f} s: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in spent.items())
        + ")"
    )
    print(header)
    print()
    print(render_tables(results, unavailable, cases))
    if batch_rows:
        print(_batch_table(batch_rows))
    if profiles_text:
        print(profiles_text)
    if args.json:
        doc = document(
            mode=mode.name,
            argv=list(argv if argv is not None else sys.argv[1:]),
            started=started,
            elapsed=elapsed,
            machine_before=before,
            cases=cases,
            unavailable=unavailable,
            results=results,
            extra={**extra, "seconds_per_section": spent},
        )
        write_json(args.json, doc)
    return 0


def _batch_table(rows: Sequence[Result]) -> str:
    """The --jobs-table and --engines rows: one line each (wall time, releases/s, speed-up, notes)."""
    lines = ["Batches (communique convert / communique.convert)", ""]
    for r in rows:
        m = r.metrics
        wall = f"{m['wall_s']:.2f} s" if isinstance(m.get("wall_s"), float) else "—"
        rate = f"{m['releases_per_s']:.0f} rel/s" if isinstance(m.get("releases_per_s"), float) else ""
        speed = f"{m['speedup_vs_jobs_1']:.2f}× vs jobs 1" if isinstance(m.get("speedup_vs_jobs_1"), float) else ""
        start = f"cluster start {m['cluster_start_s']:.2f} s" if isinstance(m.get("cluster_start_s"), float) else ""
        cells = [r.case, r.name, wall, rate, speed, start, r.status, r.note]
        lines.append("  ".join(c for c in cells if c))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
