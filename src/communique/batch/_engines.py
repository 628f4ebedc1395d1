"""Where the tasks of a batch run: in this process, in a pool of worker processes, or on Dask.

Every engine has the same small interface (:class:`Engine`): start the work,
give the results as they are final, stop handing out work, say what finished
after the stop, and which tasks ended with no result at all (a worker lost).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from . import _core, _lifeline
from ._result import ConversionResult

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

MAX_CHUNK = 8
"""Inputs per chunk (one message to a worker; one group of overlapped writes): enough to amortise
both, few enough that Ctrl-C does not wait long."""


def chunked(tasks: Sequence[_core.Task], workers: int) -> list[list[_core.Task]]:
    """Split ``tasks`` into chunks: about four per worker, at most :data:`MAX_CHUNK` inputs each."""
    size = max(1, min(MAX_CHUNK, len(tasks) // (max(1, workers) * 4)))
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]


class Engine(Protocol):
    name: str
    workers: int

    def start(self, stop: _lifeline.StopSignals) -> None: ...
    def results(self, ordered: bool) -> Iterator[ConversionResult]: ...
    def shutdown(self) -> None: ...
    def late(self) -> list[ConversionResult]: ...
    def lost(self) -> list[tuple[_core.Task, str]]: ...


class SerialEngine:
    """Every task in this process, one chunk at a time (``jobs=1``)."""

    name = "serial"
    workers = 1

    def __init__(self, tasks: Sequence[_core.Task]) -> None:
        self.chunks = chunked(tasks, 1)
        self.produced: list[ConversionResult] = []
        self.taken = 0
        self.stop: _lifeline.StopSignals | None = None

    def start(self, stop: _lifeline.StopSignals) -> None:
        self.stop = stop

    def results(self, ordered: bool) -> Iterator[ConversionResult]:
        assert self.stop is not None
        for chunk in self.chunks:
            _core.run_chunk(chunk, done=self.produced, shield=self.stop.shield)
            while self.taken < len(self.produced):
                self.taken += 1
                yield self.produced[self.taken - 1]

    def shutdown(self) -> None:
        _core.close_writer()

    def late(self) -> list[ConversionResult]:
        # Final when the run stopped (files on disk) but not given out yet.
        late = self.produced[self.taken :]
        self.taken = len(self.produced)
        return late

    def lost(self) -> list[tuple[_core.Task, str]]:
        return []


class ProcessEngine:
    """Chunks of tasks on a pool of worker processes (``jobs=N``)."""

    name = "process"

    def __init__(self, tasks: Sequence[_core.Task], workers: int, formats: Sequence[str]) -> None:
        self.workers = workers
        self.formats = list(formats)
        self.chunks = chunked(tasks, workers)
        self.futures: list[Future[list[ConversionResult]]] = []
        self.executor: ProcessPoolExecutor | None = None
        self.given: set[int] = set()
        self.broken: str | None = None

    def start(self, stop: _lifeline.StopSignals) -> None:
        # Imported here: multiprocessing and concurrent.futures cost ~8 ms, and one file needs neither.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Created (and its workers forked) before the caller starts any thread of its own (a
        # progress bar): forking a process that runs threads is unsafe.
        context = multiprocessing.get_context()
        draining = context.Event()  # set when this process is told to stop: workers leave it to us
        stop.on_signal = draining.set
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_core.init_worker,
            initargs=(self.formats, draining),
        )
        self.futures = [self.executor.submit(_core.run_chunk, chunk) for chunk in self.chunks]

    def results(self, ordered: bool) -> Iterator[ConversionResult]:
        import concurrent.futures
        from concurrent.futures.process import BrokenProcessPool

        pending = self.futures if ordered else concurrent.futures.as_completed(self.futures)
        try:
            for future in pending:
                for result in future.result():
                    self.given.add(result.index)
                    yield result
        except BrokenProcessPool as exc:
            self.broken = f"a worker process died ({exc})"

    def shutdown(self) -> None:
        if self.executor is not None:
            for future in self.futures:
                future.cancel()
            self.executor.shutdown(wait=True)
        _core.close_writer()

    def late(self) -> list[ConversionResult]:
        # Chunks that were running when the batch stopped have finished: their files exist.
        late: list[ConversionResult] = []
        for future in self.futures:
            if future.done() and not future.cancelled() and future.exception() is None:
                late += [r for r in future.result() if r.index not in self.given]
        self.given.update(r.index for r in late)
        return late

    def lost(self) -> list[tuple[_core.Task, str]]:
        if self.broken is None:
            return []
        reason = f"{self.broken}; try jobs=1 (--jobs 1)"
        return [(task, reason) for chunk in self.chunks for task in chunk if task.position not in self.given]


def cpu_count() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1
