"""Start-up cost: ``import communique`` and ``communique formats`` in a fresh process.

A converter run once per file pays its start-up every time, so
``import communique`` must stay light (no lxml, python-docx or reportlab).  The
wall time of a fresh ``communique formats`` process is compared with the
150 ms target; ``-X importtime`` names the slowest imports behind it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from ._proc import child_env
from .measure import Metric, Result, Target, judged
from .peers import communique_command

__all__ = ["STARTUP_TARGET", "measure_startup", "slowest_imports"]

STARTUP_TARGET = Target("wall_ms", "<=", 150, "< 150 ms")

HEAVY = ("lxml", "docx", "reportlab", "pypdf", "rich", "click", "cattrs", "orjson", "jsonschema", "PIL")
"""Top-level packages whose import is worth reporting."""

_PROBE = (
    "import sys, time, json\n"
    "t = time.perf_counter()\n"
    "import communique\n"
    "t = time.perf_counter() - t\n"
    f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
    "print(json.dumps({'import_ms': t * 1e3, 'heavy': heavy}))\n"
)


def _wall(argv: Sequence[str], runs: int) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    times: list[float] = []
    done: subprocess.CompletedProcess[bytes] | None = None
    warm = 1  # the first run fills the bytecode and file caches
    for i in range(runs + warm):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, timeout=120, check=False, env=child_env())
        if i >= warm:
            times.append(time.perf_counter() - start)
    assert done is not None
    return statistics.median(times), done


def slowest_imports(argv: Sequence[str], top: int = 8) -> list[tuple[str, float]]:
    """The ``top`` top-level imports of ``argv`` (a Python command) by cumulative milliseconds."""
    argv = [sys.executable, "-X", "importtime", *argv]
    done = subprocess.run(argv, capture_output=True, timeout=120, check=False, env=child_env())
    found: dict[str, float] = {}
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        depth = len(name) - len(name.lstrip())
        # Depth 1 = imported directly by the command (or by communique's own modules).
        if depth <= 1 or (name.strip().split(".")[0] in HEAVY and depth <= 3):
            package = name.strip()
            found[package] = max(found.get(package, 0.0), int(parts[1]) / 1e3)
    return sorted(found.items(), key=lambda kv: kv[1], reverse=True)[:top]


def measure_startup(runs: int, explain: bool = True, progress: Callable[[str], None] = lambda _: None) -> list[Result]:
    """Wall time of a fresh ``import communique`` and of a fresh ``communique formats``.

    With ``explain``, ``-X importtime`` names the slowest imports of ``communique formats``.
    """
    results: list[Result] = []
    progress("startup · python alone")
    # The interpreter's own start-up (site, .pth files) is part of every figure below.
    wall, _ = _wall([sys.executable, "-c", "pass"], runs)
    results.append(Result("startup", "python -c pass", "fresh process", {"wall_ms": wall * 1e3, "runs": runs}))
    progress("startup · import communique")
    wall, done = _wall([sys.executable, "-c", _PROBE], runs)
    metrics: dict[str, Metric] = {"wall_ms": wall * 1e3, "runs": runs}
    note = ""
    if done.returncode == 0:
        probe = json.loads(done.stdout.decode().strip().splitlines()[-1])
        metrics["import_ms"] = probe["import_ms"]
        metrics["heavy_modules"] = ",".join(probe["heavy"])
        heavy = set(probe["heavy"]) & {"lxml", "docx", "reportlab", "pypdf"}
        if heavy:
            note = f"imports {', '.join(sorted(heavy))} at import time"
        results.append(Result("startup", "python -c 'import communique'", "fresh process", metrics, note=note))
    else:
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        results.append(Result("startup", "import communique", "", {}, None, "error", error[-1] if error else ""))

    progress("startup · communique formats")
    argv = [*communique_command(), "formats"]
    wall, done = _wall(argv, runs)
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        results.append(
            Result("startup", "communique formats", "", {}, STARTUP_TARGET, "error", error[-1] if error else "")
        )
        return results
    metrics = {"wall_ms": wall * 1e3, "runs": runs}
    if explain:
        slow = slowest_imports(["-m", "communique", "formats"])
        metrics["slowest_imports"] = ", ".join(f"{name} {ms:.0f} ms" for name, ms in slow[:5])
    results.append(judged(Result("startup", "communique formats", "fresh process", metrics, STARTUP_TARGET)))
    return results
