"""The batch API's engines side by side: releases/s on this machine's processes and on Dask.

``communique.convert`` over one folder of generated releases, in one run: the
local engine (its default ``jobs`` and ``jobs=2``) and a Dask ``LocalCluster``
of two worker processes, whose start is timed apart (it is paid once per
cluster, not per batch).  Skipped, saying so, when Dask is not installed.
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .corpus import batch
from .measure import Metric, Result

__all__ = ["measure_engines"]


def measure_engines(count: int, fmt: str = "json", progress: Callable[[str], None] = lambda _: None) -> list[Result]:
    """Wall time of converting ``count`` text releases to ``fmt`` with each engine."""
    import communique

    results: list[Result] = []
    case = f"{count} releases → {fmt}"
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        source = Path(tmp, "in")
        source.mkdir()
        for i, gen in enumerate(batch(count)):
            Path(source, f"release-{i:04d}.txt").write_text(gen.text, encoding="utf-8")

        def timed(name: str, engine: Any, jobs: int | None, extra: dict[str, float]) -> None:
            progress(f"batch · {name} · {count} releases")
            out = Path(tmp, name.replace(" ", "-").replace("=", ""))
            start = time.perf_counter()
            done = list(communique.convert(source, to=fmt, output=out, jobs=jobs, engine=engine))
            wall = time.perf_counter() - start
            ok = sum(1 for r in done if r.ok)
            status = "" if ok == count else "error"
            note = "" if ok == count else f"{count - ok} of {count} not converted"
            metrics: dict[str, Metric] = {"releases": count, "wall_s": wall, "releases_per_s": count / wall, **extra}
            results.append(Result("batch", name, case, metrics, None, status, note))

        timed("local, default jobs", None, None, {})
        timed("local, jobs=2", None, 2, {})
        if importlib.util.find_spec("distributed") is None:
            results.append(Result("batch", "dask LocalCluster", case, {}, None, "skipped", "Dask is not installed"))
            return results
        distributed: Any = importlib.import_module("distributed")
        start = time.perf_counter()
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            client.wait_for_workers(2)
            started = time.perf_counter() - start
            chunks = -(-count // 8)
            timed("dask LocalCluster, 2 workers", client, None, {"cluster_start_s": started, "chunks": chunks})
    return results
