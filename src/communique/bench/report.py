"""The plain-text tables and the JSON document of a benchmark run."""

from __future__ import annotations

import itertools
import json
import math
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._proc import bytecode_note
from .corpus import Case
from .measure import Metric, Result

__all__ = ["SCHEMA", "document", "machine", "render_tables", "table", "write_json"]

SCHEMA = "communique-bench/1"
"""Identifies the JSON layout; bumped when a key changes meaning."""


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], title: str = "") -> str:
    """A plain aligned table: text columns left-aligned, numeric ones right-aligned."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    numeric = [
        all(_looks_numeric(row[i]) for row in rows if row[i] not in ("", "—")) and any(row[i] for row in rows)
        for i in range(len(headers))
    ]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            out.append(cell.rjust(widths[i]) if numeric[i] else cell.ljust(widths[i]))
        return "  ".join(out).rstrip()

    parts = [title, "=" * len(title)] if title else []
    parts += [line(headers), "  ".join("-" * w for w in widths)]
    parts += [line(row) for row in rows]
    return "\n".join(parts)


def _looks_numeric(cell: str) -> bool:
    stripped = cell.replace(",", "").replace(".", "").replace("×", "").replace(" ms", "").replace(" s", "")
    return stripped.lstrip("-").isdigit()


def num(value: Metric, digits: int = 0) -> str:
    """A figure for a table: thousands separators, fewer decimals as values grow."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "—"
    if digits == 0:
        if abs(value) < 10:
            return f"{value:,.2f}"
        if abs(value) < 100:
            return f"{value:,.1f}"
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def _figure(r: Result) -> str:
    m = r.metrics
    if r.section == "throughput":
        return f"{num(m.get('releases_per_s'))}/s"
    if r.section in ("scaling", "pandoc", "attendees", "bounds"):
        return f"{num(m.get('ratio'), 2)}×"
    if r.section == "startup":
        return f"{num(m.get('wall_ms'))} ms"
    if r.section == "oneshot":
        return f"{num(m.get('ratio_median'), 2)}×"
    if r.section == "batch":
        return f"{num(m.get('speedup_vs_jobs_1'), 2)}×"
    return ""


def _status(r: Result) -> str:
    return r.status or "—"


def render_tables(results: Sequence[Result], unavailable: dict[str, str], cases: Sequence[Case]) -> str:
    """Every section of the report as plain tables, the targets first."""
    out: list[str] = []
    targeted = [r for r in results if r.target is not None]
    if targeted:
        rows = [
            [r.name, r.case, _figure(r) if r.status != "error" else "—", r.target.label if r.target else "", _status(r)]
            for r in targeted
        ]
        out.append(table(["benchmark", "case", "figure", "target", "status"], rows, "Targets"))

    through = [r for r in results if r.section == "throughput"]
    samples = [c.id for c in cases if c.id.startswith("sample-")]
    generated = [c.id for c in cases if not c.id.startswith("sample-")]
    ops = list(dict.fromkeys(r.name for r in through))
    index = {(r.name, r.case): r for r in through}
    if through and samples:
        headers = ["operation"]
        for s in samples:
            headers += [f"{s} rel/s", f"{s} µs"]
        headers += ["cold ms", "notes"]
        rows = []
        for op in ops:
            row = [op]
            notes: list[str] = []
            for s in samples:
                r = index.get((op, s))
                if r is None or r.status == "error":
                    row += ["—", "—"]
                    if r is not None:
                        notes.append(f"{s}: {r.note}")
                    continue
                row += [num(r.metrics.get("releases_per_s")), num(r.metrics.get("us_per_release"))]
                if r.metrics.get("lossless") is False:
                    notes.append(f"{s}: parse(render(r)) != r")
            # The first call of the process on the founding sample: lazy imports, data, fonts, templates.
            first = index.get((op, samples[0]))
            cold = first.metrics.get("first_call_us") if first is not None else None
            row.append(num(cold / 1e3) if isinstance(cold, float) else "—")
            row.append("; ".join(notes)[:100])
            rows.append(row)
        out.append(table(headers, rows, "Throughput on the samples (median; releases/s and µs per release)"))
    if through and generated:
        rows = []
        for op in ops:
            row = [op]
            for g in generated:
                r = index.get((op, g))
                row.append("—" if r is None or r.status == "error" else num(r.metrics.get("us_per_release")))
            rows.append(row)
        out.append(table(["operation", *generated], rows, "Generated releases (median µs per release)"))

    scaling = [r for r in results if r.section == "scaling"]
    if scaling:
        rows = [
            [
                r.name,
                r.case,
                num(r.metrics.get("us_per_paragraph_small"), 1),
                num(r.metrics.get("us_per_paragraph_large"), 1),
                f"{num(r.metrics.get('ratio'), 2)}×",
                f"{num(r.metrics.get('marginal_ratio'), 2)}×" if "marginal_ratio" in r.metrics else "—",
                r.target.label if r.target else "",
                _status(r),
            ]
            for r in scaling
        ]
        headers = ["operation", "case", "µs/para small", "µs/para large", "ratio", "marginal", "target", "status"]
        out.append(table(headers, rows, "Scaling (per-paragraph cost, large release over small)"))

    memory = [r for r in results if r.section == "memory"]
    if memory:
        rows = [
            [r.name, r.case, num(r.metrics.get("peak_mib"), 1) if r.status != "error" else "—", r.note[:80]]
            for r in memory
        ]
        out.append(table(["operation", "case", "peak MiB", "note"], rows, "Peak memory (tracemalloc, one run)"))

    bounds = [r for r in results if r.section == "bounds"]
    if bounds:
        rows = [
            [
                r.name,
                r.case,
                num(r.metrics.get("communique_us"), 1),
                num(r.metrics.get("bound_us"), 1),
                f"{num(r.metrics.get('ratio'), 2)}×" if r.status != "error" else "—",
                r.target.label if r.target else "",
                _status(r) if r.status != "error" else f"error: {r.note[:60]}",
            ]
            for r in bounds
        ]
        headers = ["operation vs its lower bound", "case", "communique µs", "bound µs", "ratio", "target", "status"]
        out.append(table(headers, rows, "Lower bounds (same bytes, same run; best of two interleaved medians)"))

    attendees = [r for r in results if r.section == "attendees"]
    if attendees:
        rows = []
        for r in attendees:
            m = r.metrics
            sizes = sorted(int(k[3:]) for k in m if k.startswith("ms_"))
            marginal = [k for k in m if k.startswith("us_per_attendee_")]
            rows.append(
                [
                    r.name,
                    r.case,
                    *(num(m.get(f"ms_{n}"), 1) for n in sizes),
                    *(num(m.get(k), 1) for k in marginal),
                    f"{num(m.get('ratio'), 2)}×" if r.status != "error" else "—",
                    r.target.label if r.target else "",
                    _status(r) if r.status != "error" else f"error: {r.note[:60]}",
                ]
            )
        first = next((r for r in attendees if r.status != "error"), None)
        sizes = sorted(int(k[3:]) for k in first.metrics if k.startswith("ms_")) if first else []
        steps = [f"µs/att {a}→{b}" for a, b in itertools.pairwise(sizes)]
        headers = ["operation", "case", *(f"ms @{n}" for n in sizes), *steps, "ratio", "target", "status"]
        out.append(table(headers, rows, "Attendees (marginal cost of an attendee, later step over the first)"))

    pandoc = [r for r in results if r.section == "pandoc"]
    if pandoc:
        rows = []
        for r in pandoc:
            m = r.metrics
            rows.append(
                [
                    r.name,
                    r.case,
                    num(m.get("communique_releases_per_s")),
                    num(m.get("pandoc_releases_per_s")),
                    f"{num(m.get('ratio'), 1)}×" if "ratio" in m else "—",
                    num(m.get("cli_process_ms_per_release")) + " ms" if "cli_process_ms_per_release" in m else "—",
                    num(m.get("pandoc_ms_per_release")) + " ms" if "pandoc_ms_per_release" in m else "—",
                    r.target.label if r.target else "",
                    _status(r) if r.status != "skipped" else f"skipped: {r.note}",
                ]
            )
        headers = ["comparison", "case", "ours rel/s", "pandoc rel/s", "ratio", "our CLI/proc", "pandoc/proc"]
        out.append(
            table(
                [*headers, "target", "status"],
                rows,
                "Side by side with pandoc (one process per release)",
            )
            + "\n(ours rel/s and ratio: communique in-process, already warm, against a whole pandoc process;"
            " our CLI/proc against pandoc/proc is process against process: see 'One file, whole process')"
        )

    oneshot = [r for r in results if r.section == "oneshot"]
    if oneshot:
        rows = []
        for r in oneshot:
            m = r.metrics

            def spread(key: str, unit: str = " ms", m: dict[str, Metric] = m) -> str:
                if f"{key}_median" not in m:
                    return "—"
                return f"{num(m[f'{key}_median'])}{unit} ({num(m[f'{key}_min'])}–{num(m[f'{key}_max'])})"

            rows.append(
                [
                    r.name,
                    r.case,
                    spread("communique_ms"),
                    num(m.get("communique_empty_cache_ms")) + " ms" if "communique_empty_cache_ms" in m else "—",
                    spread("peer_ms"),
                    spread("ratio", "×"),
                    str(m.get("runs", "—")),
                    f"{m.get('load_before', '—')} → {m.get('load_after', '—')}",
                    r.target.label if r.target else "",
                    _status(r) if r.status != "skipped" else f"skipped: {r.note}",
                ]
            )
        headers = [
            "comparison",
            "case",
            "communique wall",
            "empty cache",
            "peer wall",
            "ratio (pairs)",
            "pairs",
            "load",
        ]
        out.append(
            table(
                [*headers, "target", "status"],
                rows,
                "One file, whole process (process against process, paired; median (min–max))",
            )
        )

    batch = [r for r in results if r.section == "batch"]
    if batch:
        rows = [[*_batch_cells(r), r.target.label if r.target else "", _status(r), r.note[:130]] for r in batch]
        headers = ["command", "batch", "wall", "rel/s", "vs jobs 1", "target", "status", "note"]
        out.append(table(headers, rows, "Batch target (two workers against one, second core checked)"))

    cli = [r for r in results if r.section == "cli"]
    if cli:
        rows = [[*_batch_cells(r), r.status if r.status else "", r.note[:90]] for r in cli]
        headers = ["command", "batch", "wall", "rel/s", "vs jobs 1", "status", "note"]
        out.append(table(headers, rows, "CLI batch"))

    startup = [r for r in results if r.section == "startup"]
    if startup:
        rows = [
            [
                r.name,
                num(r.metrics.get("wall_ms")) + " ms" if "wall_ms" in r.metrics else "—",
                _startup_details(r)[:100],
                r.target.label if r.target else "",
                _status(r),
            ]
            for r in startup
        ]
        out.append(table(["command", "wall", "details", "target", "status"], rows, "Start-up (fresh process)"))

    errors = [r for r in results if r.status == "error"]
    lines = [f"  {name}: {why}" for name, why in sorted(unavailable.items())]
    lines += [f"  {r.section} · {r.name} · {r.case}: {r.note}" for r in errors]
    if lines:
        out.append("Not measured\n============\n" + "\n".join(dict.fromkeys(lines)))
    return "\n\n".join(out) + "\n"


def _startup_details(r: Result) -> str:
    m = r.metrics
    if "slowest_imports" in m:
        return f"slowest imports: {m['slowest_imports']}"
    if "import_ms" in m:
        return f"import {num(m['import_ms'])} ms in-process; heavy modules loaded: {m.get('heavy_modules') or 'none'}"
    return r.note


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git_commit() -> str | None:
    repo = Path(__file__).resolve().parents[3]
    if not (repo / ".git").exists():
        return None
    try:
        done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode().strip() or None if done.returncode == 0 else None


def machine() -> dict[str, Any]:
    """What the figures were taken on."""
    load: list[float] | None
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "load_average": load,
    }


def document(
    *,
    mode: str,
    argv: Sequence[str],
    started: str,
    elapsed: float,
    machine_before: dict[str, Any],
    cases: Sequence[Case],
    unavailable: dict[str, str],
    results: Sequence[Result],
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON document of a run (see docs/benchmarks.md for the layout)."""
    import communique

    after = machine()
    return {
        "schema": SCHEMA,
        "date": started,
        "mode": mode,
        "command": ["python", "-m", "communique.bench", *argv],
        "elapsed_s": round(elapsed, 2),
        "machine": {**machine_before, "load_average_after": after["load_average"], "bytecode": bytecode_note()},
        "communique": {
            "version": communique.__version__,
            "git_commit": _git_commit(),
            "parsers": communique.parser_names(),
            "exporters": communique.exporter_names(),
        },
        "corpus": [
            {"id": c.id, "language": c.language, "paragraphs": c.paragraphs, "chars": len(c.text), "origin": c.origin}
            for c in cases
        ],
        "unavailable": dict(sorted(unavailable.items())),
        "results": [
            {
                "section": r.section,
                "name": r.name,
                "case": r.case,
                "metrics": r.metrics,
                "target": None
                if r.target is None
                else {
                    "metric": r.target.metric,
                    "comparison": r.target.comparison,
                    "value": r.target.value,
                    "label": r.target.label,
                },
                "status": r.status,
                "note": r.note,
            }
            for r in results
        ],
        **(extra or {}),
    }


def write_json(path: str | os.PathLike[str], doc: dict[str, Any]) -> None:
    """Write ``doc`` as indented UTF-8 JSON (through a temporary file, so a failure leaves no half file)."""
    from ..api import write_bytes_atomic

    data = json.dumps(_finite(doc), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    write_bytes_atomic(path, data.encode("utf-8"))


def _finite(value: Any) -> Any:
    # JSON has no infinity: a figure too fast to time becomes null rather than invalid JSON.
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _batch_cells(r: Result) -> list[str]:
    """The command, batch, wall, releases per second and speed-up cells of a batch or CLI row."""
    return [
        r.name,
        r.case,
        num(r.metrics.get("wall_s"), 2) + " s" if "wall_s" in r.metrics else "—",
        num(r.metrics.get("releases_per_s")),
        f"{num(r.metrics.get('speedup_vs_jobs_1'), 2)}×" if "speedup_vs_jobs_1" in r.metrics else "—",
    ]
