"""One file, whole process: ``communique convert`` against ``pandoc``, process against process.

What a user types most is one conversion of one file; each such command pays
the interpreter's start-up, the imports and the first call's set-up.  So both
sides are timed as whole processes, from the outside, on the same content:
``communique convert sample.txt -t FORMAT -o OUT/`` beside ``pandoc
sample.md -o x.FORMAT`` (the release written as Markdown by
:func:`~communique.bench.peers.to_markdown`).  The runs are paired (A B A B
…, after one warm-up run of each that also fills the bytecode cache), so
that a machine whose speed drifts moves both figures together; every pair
gives a ratio, and the median, minimum and maximum of the walls and of the
ratios are reported.  The load average before and after is recorded: on a
busy machine the spread widens and the figures are not to be trusted.
One more run is made with ``COMMUNIQUE_CACHE_DIR`` pointing at an empty
folder: the first conversion after an install, which scans the installed
distributions' entry points instead of reading the scan from communique's
cache (the only thing communique keeps there).

PDF has no pandoc counterpart without LaTeX, so ``-t pdf`` is paired with
``communique convert -t json`` instead.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ._proc import child_env
from .corpus import Case
from .measure import Metric, Result, Target, Unavailable, judged, model_of
from .peers import communique_command, to_markdown

__all__ = ["ONESHOT_TARGETS", "measure_oneshot", "paired_walls"]

ONESHOT_TARGETS: dict[str, Target] = {
    "json": Target("ratio_median", "<=", 4, "≤ 4× pandoc"),
    "docx": Target("ratio_median", "<=", 1.5, "≤ 1.5× pandoc"),
    "pdf": Target("ratio_median", "<=", 3, "≤ 3× -t json"),
}
"""Issue 19's targets, on the founding sample: communique's wall over its peer's, median of the pairs."""


def _run(argv: Sequence[str], cwd: str, cache_dir: str | None = None) -> float:
    env = child_env()
    if cache_dir is not None:
        env["COMMUNIQUE_CACHE_DIR"] = cache_dir
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=300, check=False, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise Unavailable(f"{Path(argv[0]).name} exited with {done.returncode}: {message[-1] if message else ''}")
    return elapsed


def paired_walls(a: Sequence[str], b: Sequence[str], runs: int, cwd: str) -> tuple[list[float], list[float]]:
    """Wall seconds of ``runs`` runs of ``a`` and of ``b``, in turn, after one warm-up run of each."""
    _run(a, cwd)
    _run(b, cwd)
    walls_a: list[float] = []
    walls_b: list[float] = []
    for _ in range(runs):
        walls_a.append(_run(a, cwd))
        walls_b.append(_run(b, cwd))
    return walls_a, walls_b


def _spread(prefix: str, values: Sequence[float], scale: float = 1.0) -> dict[str, Metric]:
    return {
        f"{prefix}_median": statistics.median(values) * scale,
        f"{prefix}_min": min(values) * scale,
        f"{prefix}_max": max(values) * scale,
    }


def _load() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - not on every platform
        return "unknown"


def measure_oneshot(
    cases: Sequence[Case],
    runs: int,
    progress: Callable[[str], None] = lambda _: None,
    formats: Sequence[str] | None = None,
) -> list[Result]:
    """Paired whole-process walls of ``communique convert`` (json, docx, pdf) against pandoc (or ``-t json``).

    ``formats`` limits the rows to those output formats (``--formats``).
    """
    pandoc = shutil.which("pandoc")
    ours = communique_command()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="communique-oneshot-") as tmp:
        for case in cases:
            try:
                release = model_of(case)
            except Unavailable as exc:
                results.append(Result("oneshot", "communique convert", case.id, {}, None, "error", str(exc)))
                continue
            txt = Path(tmp, f"{case.id}.txt")
            txt.write_text(case.text, encoding="utf-8")
            md = Path(tmp, f"{case.id}.md")
            md.write_text(to_markdown(release), encoding="utf-8")
            out = Path(tmp, "out")

            def convert(fmt: str, txt: Path = txt, out: Path = out) -> list[str]:
                return [*ours, "convert", str(txt), "-t", fmt, "-o", f"{out}{os.sep}", "--overwrite", "-q"]

            for fmt in ("json", "docx", "pdf"):
                if formats is not None and fmt not in formats:
                    continue
                target = ONESHOT_TARGETS[fmt] if case.id == "sample-fr" else None
                if fmt == "pdf":
                    name, peer, peer_label = "convert -t pdf vs convert -t json", convert("json"), "-t json"
                else:
                    name = f"convert -t {fmt} vs pandoc -o x.{fmt}"
                    peer_label = "pandoc"
                    if pandoc is None:
                        results.append(
                            Result("oneshot", name, case.id, {}, target, "skipped", "pandoc is not installed")
                        )
                        continue
                    peer = [pandoc, str(md), "-o", str(Path(tmp, f"{case.id}.pandoc.{fmt}"))]
                progress(f"oneshot · {fmt} · {case.id}")
                load_before = _load()
                try:
                    ours_s, peer_s = paired_walls(convert(fmt), peer, runs, tmp)
                except Unavailable as exc:
                    results.append(Result("oneshot", name, case.id, {}, target, "error", str(exc)))
                    continue
                try:
                    # The very first conversion after an install: communique's cache directory empty.
                    cold_s = _run(convert(fmt), tmp, cache_dir=tempfile.mkdtemp(dir=tmp, prefix="empty-cache-"))
                except Unavailable:
                    cold_s = float("nan")
                ratios = [a / b for a, b in zip(ours_s, peer_s, strict=True)]
                metrics: dict[str, Metric] = {
                    **_spread("communique_ms", ours_s, 1e3),
                    **_spread("peer_ms", peer_s, 1e3),
                    **_spread("ratio", ratios),
                    "communique_empty_cache_ms": cold_s * 1e3,
                    "runs": runs,
                    "peer": peer_label,
                    "load_before": load_before,
                    "load_after": _load(),
                }
                results.append(judged(Result("oneshot", name, case.id, metrics, target)))
    return results
