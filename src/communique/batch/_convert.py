""":func:`convert`: many inputs in, one :class:`ConversionResult` per input out."""

from __future__ import annotations

import contextlib
import os
import signal
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from .. import registry
from ..errors import CommuniqueError, CommuniqueWarning, FormatError, OptionError, PluginError
from ..plugins import Exporter, convert_options
from . import _core, _engines, _lifeline
from ._result import ConversionResult, Status

if TYPE_CHECKING:
    from ._engines import Engine

__all__ = ["BESIDE", "Batch", "Interrupted", "convert", "default_jobs"]

Interrupted = _lifeline.Interrupted


class _Beside:
    def __repr__(self) -> str:
        return "communique.batch.BESIDE"


BESIDE: Final = _Beside()
"""``output=BESIDE``: write each input's outputs into its own folder (what the command line does without ``-o``)."""

PARALLEL_FROM: Final = 100
"""The fewest inputs for which :func:`default_jobs` starts worker processes (see "Converting archives")."""


def default_jobs(count: int, formats: Sequence[str] = ()) -> int:
    """The number of worker processes used when ``jobs`` is not given, for ``count`` inputs.

    Chosen from measurements (the table is on the "Converting archives" page):
    starting the workers costs about 0.2 s (JSON) to 0.7 s (PDF, whose fonts
    and templates each worker loads), so below :data:`PARALLEL_FROM` inputs
    one process is faster even on idle cores; and a worker per CPU only pays
    on CPUs that are free: on a 2-CPU machine already busy, two workers were
    slower than one for 7, 40 and 300 inputs alike.  So: one process below
    :data:`PARALLEL_FROM` inputs or when fewer than two CPUs are idle (by the
    load average), else one per idle CPU.
    """
    idle = _idle_cpus()
    if count < PARALLEL_FROM or idle < 2:
        return 1
    return max(1, min(idle, count // _engines.MAX_CHUNK))


def _idle_cpus() -> int:
    """CPUs this process may use, less the ones the load average says are busy (rounded)."""
    cpus = _engines.cpu_count()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on every platform
        return cpus
    return max(1, min(cpus, round(cpus - load + 0.5)))


Input = str | os.PathLike[str] | tuple[str, bytes]


def convert(
    inputs: Input | Iterable[Input],
    to: str | Sequence[str] | None = None,
    output: str | os.PathLike[str] | _Beside | None = None,
    *,
    jobs: int | None = None,
    engine: Any = None,
    overwrite: bool = False,
    options: Mapping[str, Any] | None = None,
    raise_on_error: bool = False,
    ordered: bool = True,
    input_format: str | None = None,
) -> Batch:
    """Convert many releases at once; iterate over the returned :class:`Batch` for one result per input.

    ``inputs`` is a path, a directory (walked recursively for every file with a
    known extension; the output tree mirrors it), a glob pattern
    (``"archive/**/*.txt"``), a ``(name, bytes)`` pair, or an iterable of
    these.  ``to`` names the formats (``"pdf"``, ``"json,pdf"``, ``["json",
    "pdf"]`` or ``"all"``); when absent it comes from ``output``'s extension.
    ``output`` is a directory (created as needed), a file name (one input, one
    format: ``convert("in.txt", output="out.pdf")``), :data:`BESIDE` (each
    output beside its input) or ``None``: nothing is written and each result
    carries the rendered bytes in :attr:`ConversionResult.data`.

    ``jobs`` is the number of worker processes (default: :func:`default_jobs`);
    ``engine`` is ``None`` (this machine), ``"dask"`` (a local Dask cluster of
    ``jobs`` workers), the address of a Dask scheduler (``"tcp://host:8786"``)
    or a ``dask.distributed.Client``.  ``options`` are exporter options:
    ``{"page_size": "letter"}`` applies to every format that declares the
    option, ``{"pdf.page_size": "letter"}`` or ``{"pdf": {"page_size":
    "letter"}}`` to one.  ``input_format`` forces the parser (else from each
    file's extension, else sniffed).

    Every output is written atomically and an input gets all its outputs or
    none; an input file is never overwritten; an existing output is kept
    (the input is ``skipped``) unless ``overwrite``; two inputs that would
    write one file both fail.  Results come in input order (``ordered=False``:
    as they finish).  A failed input does not stop the batch; with
    ``raise_on_error`` the first failure stops it and its error is raised.
    The outputs are byte for byte the same whatever ``jobs`` and ``engine``.

    Formats, options and the output are checked here (a
    :class:`~communique.errors.CommuniqueError` is raised at once); the
    inputs are planned here too, and stale temporary files of an earlier,
    killed run in the output folders are removed (:attr:`Batch.removed`).
    The conversion runs while the batch is iterated.
    """
    exporters = resolve_formats(to, output)
    per_format = resolve_options(options, exporters)
    parser = _check_parser(input_format)
    given = _inputs(inputs)
    names = [(name, plugin.extensions) for name, plugin in exporters.items()]
    suffixes = _core.output_suffixes(names)
    extensions = _core.parser_extensions()
    output_file = _output_file(output, exporters)
    if output_file is not None:
        if len(given) != 1 or (isinstance(given[0], str) and os.path.isdir(given[0])):
            raise OptionError(f"output={output_file!r} is a file: it takes one input file (use a directory for more)")
        if len(exporters) != 1:
            raise OptionError(f"output={output_file!r} is a file: it takes one format, not {', '.join(exporters)}")
    beside = output is None or output_file is not None or isinstance(output, _Beside)
    out_dir = None if beside else os.fspath(output)  # type: ignore[arg-type]
    plan = _core.make_plan(
        _core.discover(given, out_dir=out_dir, parser=parser, extensions=extensions),
        suffixes=suffixes,
        options=per_format,
        overwrite=overwrite,
        in_memory=output is None,
        output_file=output_file,
    )
    if jobs is not None and (type(jobs) is not int or jobs < 1):
        raise OptionError(f"jobs must be a positive number of processes, not {jobs!r}")
    tasks = plan.tasks
    directories = {os.path.dirname(out) for task in tasks for _, out in task.targets if out is not None}
    removed = _core.remove_stale_parts(directories, suffixes.values())
    chosen = _engine(engine, tasks, jobs, list(exporters))
    return Batch(
        plan, chosen, formats=tuple(exporters), removed=tuple(removed), ordered=ordered, raise_on_error=raise_on_error
    )


class Batch(Iterable[ConversionResult]):
    """A planned batch: iterate over it (once) for the results; ``len()`` is the number of inputs.

    While it runs in the main thread, SIGINT (Ctrl-C) and SIGTERM stop it
    cleanly: no new input is started, the inputs in progress finish and are
    yielded, then :class:`Interrupted` (a ``KeyboardInterrupt`` whose
    ``exit_code`` is 128 + the signal) is raised.  Leaving the loop early
    (``break``) stops the batch the same way, without the remaining results.
    """

    def __init__(
        self,
        plan: _core.Plan,
        engine: Engine,
        *,
        formats: tuple[str, ...],
        removed: tuple[str, ...],
        ordered: bool,
        raise_on_error: bool,
    ) -> None:
        self._plan = plan
        self._engine = engine
        self.formats = formats
        """The formats converted to, in the order asked for."""
        self.removed = removed
        """Stale temporary files of an earlier, killed run that planning removed."""
        self._ordered = ordered
        self._raise = raise_on_error
        self._stop = _lifeline.StopSignals()
        self._signals: contextlib.ExitStack | None = None
        self._started = False
        self._began = time.time() - 1
        self._iterated = False
        self._stopping = False
        self.interrupted: int | None = None
        """The signal that stopped the batch, if one did."""

    def __len__(self) -> int:
        return len(self._plan.items)

    @property
    def jobs(self) -> int:
        """Worker processes (or Dask workers) the batch runs on; 1 in this process."""
        return self._engine.workers

    @property
    def engine(self) -> str:
        """``serial``, ``process`` or ``dask``."""
        return self._engine.name

    def start(self) -> Batch:
        """Start the work (worker processes, a Dask cluster) now rather than at the first result."""
        if not self._started:
            self._started = True
            self._began = time.time() - 1  # for file times (a second early: coarse file-system clocks)
            self._signals = contextlib.ExitStack()
            self._signals.enter_context(self._stop.installed())
            if self._plan.tasks:
                self._engine.start(self._stop)
        return self

    def stop(self) -> None:
        """Start no new input; the inputs in progress finish and are still yielded."""
        self._stopping = True

    def __iter__(self) -> Iterator[ConversionResult]:
        if self._iterated:
            raise RuntimeError("a Batch is iterated once")
        self._iterated = True
        return self._run()

    def _run(self) -> Iterator[ConversionResult]:
        self.start()
        stop = self._stop
        failure: CommuniqueError | None = None
        try:
            try:
                for result in self._merged():
                    with stop.shield():  # a result is given out and counted, or neither
                        yield result
                    stop.check()
                    if result.status is Status.FAILED and self._raise:
                        failure = result.error
                        break
                    if self._stopping:
                        break
            except _lifeline.Interrupted as exc:
                self.interrupted = exc.signum
            except KeyboardInterrupt:
                self.interrupted = signal.SIGINT
            # A second Ctrl-C or SIGTERM while the inputs in progress finish is noted, not obeyed.
            with stop.shield():
                self._engine.shutdown()
                tail = self._engine.late() + self._recovered()
            for result in sorted(tail, key=lambda r: r.index) if self._ordered else tail:
                with stop.shield():
                    yield result
                if result.status is Status.FAILED and self._raise and failure is None:
                    failure = result.error
        except GeneratorExit:
            with stop.shield():
                self._engine.shutdown()
                self._recovered()
            raise
        finally:
            if self._signals is not None:
                self._signals.close()
        if self.interrupted is not None:
            raise Interrupted(self.interrupted)
        if failure is not None:
            raise failure

    def _merged(self) -> Iterator[ConversionResult]:
        planned = [item for item in self._plan.items if isinstance(item, ConversionResult)]
        if not self._plan.tasks:
            yield from planned
            return
        results = self._engine.results(self._ordered)
        if not self._ordered:
            yield from planned
            yield from results
            return
        for item in self._plan.items:
            if isinstance(item, ConversionResult):
                yield item
                continue
            found = next(results, None)
            if found is None:
                return  # the engine lost its workers: the rest is recovered
            yield found

    def _recovered(self) -> list[ConversionResult]:
        """The tasks an engine lost (a worker died): what the disk shows, else failed with the reason."""
        lost = self._engine.lost()
        out: list[ConversionResult] = []
        for task, reason in lost:
            found = _core.found_on_disk(task)
            if found is None:
                message = f"{task.display}: not converted: {reason}"
                found = _core.outcome(task.position, task.display, Status.FAILED, message)
            out.append(found)
        _core.remove_parts_of([task for task, _ in lost], since=self._began)
        return out

    def close(self) -> None:
        """Stop the batch if it runs (as leaving the loop does)."""
        if self._started and not self._iterated:
            self._engine.shutdown()
            if self._signals is not None:
                self._signals.close()


# ---------------------------------------------------------------- arguments


def resolve_formats(to: str | Sequence[str] | None, output: object = None) -> dict[str, Exporter]:
    """The exporters named by ``to`` (names, comma lists, ``all``), or by ``output``'s extension."""
    values: list[str]
    if to is None:
        target = _named_file(output)
        if target is None:
            raise OptionError("no format given: pass to='pdf' (or an output file name with an extension)")
        values = [registry.exporter_for(target)]
    else:
        values = [to] if isinstance(to, str) else list(to)
    known = registry.exporter_names()
    wanted: list[tuple[str, bool]] = []
    for value in values:
        for part in value.split(","):
            name = part.strip()
            if not name:
                continue
            if name.lower() == "all":
                wanted.extend((n, True) for n in known)
            elif ":" in name or name.lower() in known:
                wanted.append((name if ":" in name else name.lower(), False))
            else:
                listed = ", ".join(known) or "none"
                raise FormatError(f"unknown format {name!r}; known formats: {listed}, or all")
    if not wanted:
        raise FormatError("no format given")
    exporters: dict[str, Exporter] = {}
    for name, from_all in wanted:
        if name in exporters:
            continue
        try:
            exporters[name] = registry.get_exporter(name)
        except PluginError as exc:
            if not from_all:
                raise
            warnings.warn(
                f"skipping the {name} exporter: {' '.join(str(exc).split())}", CommuniqueWarning, stacklevel=3
            )
    if not exporters:
        raise PluginError("no exporter could be loaded; see 'communique formats'")
    return exporters


def resolve_options(options: Mapping[str, Any] | None, exporters: Mapping[str, Exporter]) -> dict[str, dict[str, Any]]:
    """Exporter options per format: ``{"key": v}`` for every format declaring ``key``, ``{"fmt.key": v}``
    or ``{"fmt": {"key": v}}`` for one.  Values are checked (strings are converted, as from ``-O``)."""
    given: dict[str, dict[str, Any]] = {name: {} for name in exporters}
    for key, value in (options or {}).items():
        if isinstance(value, Mapping) and key in exporters:
            given[key].update(value)
            continue
        fmt, dot, name = key.rpartition(".")
        if dot:
            if fmt not in exporters:
                raise OptionError(
                    f"{key}={value!r} names the format {fmt!r}, which is not among --to ({', '.join(exporters)})"
                )
            targets = [fmt]
        else:
            targets = [n for n, plugin in exporters.items() if any(o.name == name for o in plugin.options)]
            if not targets:
                declared = "; ".join(
                    f"{n}: {', '.join(o.name for o in p.options) or 'none'}" for n, p in exporters.items()
                )
                raise OptionError(f"no selected format has an option {name!r} (options: {declared})")
        for target in targets:
            given[target][name] = value
    for name, opts in given.items():
        convert_options(exporters[name], opts)
    return given


def _check_parser(name: str | None) -> str | None:
    if name is None:
        return None
    registry.get_parser(name)
    return name if ":" in name else name.lower()


def _inputs(inputs: object) -> list[Any]:
    if isinstance(inputs, str | os.PathLike):
        return [os.fspath(inputs)]
    if isinstance(inputs, tuple) and len(inputs) == 2 and isinstance(inputs[1], bytes | bytearray | memoryview):
        return [inputs]
    if isinstance(inputs, bytes | bytearray):
        raise TypeError("convert() takes bytes as a (name, bytes) pair, so that the input has a name")
    try:
        items = list(inputs)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(f"convert() needs paths or (name, bytes) pairs, not {type(inputs).__name__}") from None
    return [os.fspath(i) if isinstance(i, os.PathLike) else i for i in items]


def _named_file(output: object) -> str | None:
    """``output`` when it names a file (it has an exporter's extension, is no directory, and does not end with a separator)."""
    if output is None or isinstance(output, _Beside):
        return None
    path = os.fspath(output)  # type: ignore[call-overload]
    if not isinstance(path, str) or path.endswith((os.sep, "/")) or os.path.isdir(path):
        return None
    low = os.path.basename(path).lower()
    for _name, _entry, extensions in registry._winner_extensions("exporter"):
        if any(low.endswith(ext.lower()) and len(low) > len(ext) for ext in extensions):
            return path
    return None


def _output_file(output: object, exporters: Mapping[str, Exporter]) -> str | None:
    return _named_file(output)


def _engine(engine: Any, tasks: Sequence[_core.Task], jobs: int | None, formats: list[str]) -> Engine:
    if engine is None or engine == "local":
        workers = jobs if jobs is not None else default_jobs(len(tasks), formats)
        workers = max(1, min(workers, len(tasks)))
        if workers == 1:
            return _engines.SerialEngine(tasks)
        return _engines.ProcessEngine(tasks, workers, formats)
    from ._dask import DaskEngine

    return DaskEngine(tasks, engine, jobs, formats)
