"""The Dask engine: the same chunks of tasks, run by the workers of a ``dask.distributed`` cluster.

Imported only when ``engine`` asks for Dask; ``import communique`` never imports
Dask.  Workers read the inputs themselves (paths, made absolute: a shared file
system; or the bytes of a ``(name, bytes)`` input, shipped with the task) and
write the outputs with the same atomic, all-or-nothing staging as the local
engines, or return the bytes (``output=None``).  A task whose worker dies is
run again elsewhere by the scheduler; output being deterministic, a second
attempt that finds its files already written with the same bytes counts them
as its own (see :func:`._core._prepare`), so nothing is lost or doubled.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ..errors import PluginError
from . import _core, _lifeline
from ._engines import chunked, cpu_count
from ._result import ConversionResult, Status

_INSTALL = "pip install 'communique[dask]'"


def _absolute(task: _core.Task) -> _core.Task:
    source = os.path.abspath(task.source) if task.source is not None else None
    targets = tuple((fmt, os.path.abspath(out) if out is not None else None) for fmt, out in task.targets)
    return task._replace(source=source, targets=targets)


class DaskEngine:
    """Chunks of tasks submitted to a Dask cluster: a local one, one by address, or the caller's client."""

    name = "dask"

    def __init__(self, tasks: Sequence[_core.Task], engine: Any, jobs: int | None, formats: Sequence[str]) -> None:
        try:
            import distributed  # noqa: F401 - checked now, so that convert() fails before anything runs
        except ImportError:
            raise PluginError(f"engine={engine!r} needs Dask's distributed scheduler: {_INSTALL}") from None
        if isinstance(engine, str) and engine != "dask" and "://" not in engine:
            raise PluginError(f"unknown engine {engine!r}: use None, 'dask', a scheduler address or a dask Client")
        if not isinstance(engine, str) and not callable(getattr(engine, "submit", None)):
            raise PluginError(
                f"engine must be 'dask', a scheduler address or a dask.distributed.Client, not {engine!r}"
            )
        self.spec = engine
        self.workers = jobs or cpu_count()
        self.tasks = list(tasks)
        # Outputs as the caller named them (relative paths stay relative in the results).
        self.names = {
            abs_out: out
            for task in self.tasks
            for (_, out), (_, abs_out) in zip(task.targets, _absolute(task).targets, strict=True)
            if out is not None and abs_out is not None
        }
        self.client: Any = None
        self.cluster: Any = None
        self.owned = False
        self.chunks: list[list[_core.Task]] = []
        self.futures: list[Any] = []
        self.given: set[int] = set()

    def start(self, stop: _lifeline.StopSignals) -> None:
        dask: Any = importlib.import_module("distributed")  # untyped: used through its public names
        Client, LocalCluster = dask.Client, dask.LocalCluster

        if isinstance(self.spec, str) and self.spec == "dask":
            self.cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
            self.client = Client(self.cluster)
            self.owned = True
        elif isinstance(self.spec, str):
            self.client = Client(self.spec)
            self.owned = True
        else:
            self.client = self.spec
        found = len(self.client.scheduler_info().get("workers", {}))
        self.workers = found or self.workers
        self.chunks = chunked([_absolute(t) for t in self.tasks], self.workers)
        self.futures = [self.client.submit(_core.run_chunk, chunk, pure=False) for chunk in self.chunks]

    def _renamed(self, result: ConversionResult) -> ConversionResult:
        if not result.outputs:
            return result
        return attrs.evolve(result, outputs=tuple(self.names.get(out, out) for out in result.outputs))

    def _chunk_results(self, chunk: Sequence[_core.Task], future: Any) -> list[ConversionResult]:
        try:
            results = future.result()
        except Exception as exc:  # the task failed as a whole: a worker died too often, a lost connection…
            reason = f"its Dask task failed: {type(exc).__name__}: {' '.join(str(exc).split())}"
            _core.remove_parts_of(chunk, since=0)
            results = []
            for task in chunk:
                found = _core.found_on_disk(task)
                if found is None:
                    message = f"{task.display}: not converted: {reason}"
                    found = _core.outcome(task.position, task.display, Status.FAILED, message)
                results.append(found)
        return [self._renamed(r) for r in results]

    def results(self, ordered: bool) -> Iterator[ConversionResult]:
        as_completed = importlib.import_module("distributed").as_completed

        index = {id(f): i for i, f in enumerate(self.futures)}
        pending = self.futures if ordered else as_completed(self.futures)
        for future in pending:
            for result in self._chunk_results(self.chunks[index[id(future)]], future):
                self.given.add(result.index)
                yield result

    def shutdown(self) -> None:
        if self.client is None:
            return
        unfinished = [f for f in self.futures if not f.done()]
        if unfinished:
            self.client.cancel(unfinished)

    def late(self) -> list[ConversionResult]:
        late: list[ConversionResult] = []
        for chunk, future in zip(self.chunks, self.futures, strict=True):
            if future.done() and future.status == "finished":
                late += [r for r in self._chunk_results(chunk, future) if r.index not in self.given]
        self.given.update(r.index for r in late)
        self._close()
        return late

    def lost(self) -> list[tuple[_core.Task, str]]:
        self._close()
        return []

    def _close(self) -> None:
        if self.owned and self.client is not None:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
            self.owned = False
