"""``communique convert``: one file, standard input or a whole tree, in any formats."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import click
from attrs import define

from .. import api, registry
from ..errors import CommuniqueError, OptionError, ParseError, PluginError
from ..plugins import Exporter, convert_options
from . import _batch, _lifeline
from ._app import (
    EXIT_CODES_HELP,
    EXIT_FAILED,
    EXIT_OK,
    binary_stream,
    cli,
    common_options,
    complete_exporters,
    complete_parsers,
    error,
    fail,
    settings,
    warning,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

    from rich.progress import Progress

# "A handful": below this many inputs, starting worker processes costs more than it saves.
_PARALLEL_FROM = 8
# Inputs per chunk (one message to a worker; one group of overlapped writes):
# enough to amortise both, few enough that Ctrl-C does not wait long.
_MAX_CHUNK = 8
_NAME_WIDTH = 32


@cli.command(
    epilog=EXIT_CODES_HELP
    + """

\b
Examples:
  communique convert examples/sample_fr.txt --to all -o out/
  communique convert "Communiqué 2018.txt" --to pdf -O page_size=letter
  communique convert releases/ --to json,docx -o converted/ --jobs 4
  communique convert releases/ --to nitf --overwrite --fail-fast
  curl -s https://example.org/release.txt | communique convert - --from text --to json
  communique convert release.json --to xml -o -      # to standard output""",
)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path(allow_dash=True))
@click.option(
    "-t",
    "--to",
    "to",
    multiple=True,
    required=True,
    metavar="FORMAT[,FORMAT...]",
    shell_complete=complete_exporters,
    help="Output format(s); repeat or separate with commas; 'all' for every registered exporter.",
)
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    type=click.Path(file_okay=False, allow_dash=True),
    help="Where to write (created if needed); '-' for standard output. Default: beside each input.",
)
@click.option(
    "-f",
    "--from",
    "from_",
    metavar="FORMAT",
    shell_complete=complete_parsers,
    help="Input format, instead of guessing from the extension or the content (required for '-').",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help=f"Worker processes. Default: the number of CPUs for more than {_PARALLEL_FROM - 1} inputs, else 1.",
)
@click.option(
    "--overwrite/--no-overwrite",
    default=False,
    show_default=True,
    help="Replace existing output files (inputs are never replaced).",
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails.")
@click.option(
    "-O",
    "--option",
    "options",
    multiple=True,
    metavar="[FORMAT.]KEY=VALUE",
    help="Exporter option, e.g. -O page_size=letter or -O docx.template=house.dotx "
    "(see 'communique formats --verbose').",
)
@click.option("-v", "--verbose", is_flag=True, help="List every file written.")
@common_options
def convert(
    inputs: tuple[str, ...],
    to: tuple[str, ...],
    output_dir: str | None,
    from_: str | None,
    jobs: int | None,
    overwrite: bool,
    fail_fast: bool,
    options: tuple[str, ...],
    verbose: bool,
) -> int:
    """Convert press releases to one or more formats.

    INPUT is a file, a directory (converted recursively: every file with a
    known extension; the output tree mirrors it) or '-' for standard input.
    Each input becomes DIR/<name>.<ext> per format, written atomically: a
    failure or Ctrl-C never leaves a partial file.  Existing outputs are kept
    unless --overwrite, and an input is never overwritten.  One bad input does
    not stop a batch (unless --fail-fast): it is reported and the exit code
    is 1.
    """
    state = settings()
    exporters = _exporters(to)
    per_format = _exporter_options(options, exporters)
    parser = _check_parser(from_)
    if "-" in inputs:
        return _convert_stdin(inputs, parser, exporters, per_format, output_dir, overwrite)
    if output_dir == "-":
        return _convert_to_stdout(inputs, parser, exporters, per_format)
    names = [(name, plugin.extensions) for name, plugin in exporters.items()]
    extensions = _batch.parser_extensions()
    suffixes = _batch.output_suffixes(names)
    plan = _batch.make_plan(
        _batch.discover(inputs, out_dir=output_dir, parser=parser, extensions=extensions),
        suffixes=suffixes,
        options=per_format,
        overwrite=overwrite,
        debug=state.debug,
    )
    if not plan.items:
        error("nothing to convert")
        return EXIT_FAILED
    tasks = plan.tasks
    if jobs is None:
        jobs = _cpu_count() if len(tasks) >= _PARALLEL_FROM else 1
    jobs = max(1, min(jobs, len(tasks)))
    _remove_stale_parts(plan, suffixes.values(), quiet=state.quiet)
    stop = _lifeline.StopSignals()
    with stop.installed():
        return _run(
            plan, stop, jobs=jobs, formats=list(exporters), fail_fast=fail_fast, verbose=verbose, quiet=state.quiet
        )


# ---------------------------------------------------------------- arguments


def _exporters(values: Sequence[str]) -> dict[str, Exporter]:
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
                raise click.BadParameter(f"unknown format {name!r}; known formats: {listed}, or all", param_hint="--to")
    if not wanted:
        raise click.BadParameter("no format given", param_hint="--to")
    exporters: dict[str, Exporter] = {}
    for name, from_all in wanted:
        if name in exporters:
            continue
        try:
            exporters[name] = registry.get_exporter(name)
        except PluginError as exc:
            if not from_all:
                raise
            warning(f"skipping the {name} exporter: {' '.join(str(exc).split())}")
        except CommuniqueError as exc:
            raise click.BadParameter(str(exc), param_hint="--to") from None
    if not exporters:
        raise PluginError("no exporter could be loaded; see 'communique formats'")
    return exporters


def _exporter_options(values: Sequence[str], exporters: dict[str, Exporter]) -> dict[str, dict[str, str]]:
    given: dict[str, dict[str, str]] = {name: {} for name in exporters}
    for value in values:
        key, sep, text = value.partition("=")
        key = key.strip()
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE or FORMAT.KEY=VALUE, not {value!r}", param_hint="-O")
        fmt, dot, name = key.rpartition(".")
        if dot:
            if fmt not in exporters:
                raise click.BadParameter(
                    f"{value!r} names the format {fmt!r}, which is not among --to ({', '.join(exporters)})",
                    param_hint="-O",
                )
            targets = [fmt]
        else:
            targets = [n for n, plugin in exporters.items() if any(o.name == name for o in plugin.options)]
            if not targets:
                declared = "; ".join(
                    f"{n}: {', '.join(o.name for o in p.options) or 'none'}" for n, p in exporters.items()
                )
                raise click.BadParameter(
                    f"no selected format has an option {name!r} (options: {declared})", param_hint="-O"
                )
        for target in targets:
            given[target][name] = text
    for name, opts in given.items():
        try:
            convert_options(exporters[name], opts)
        except OptionError as exc:
            raise click.BadParameter(str(exc), param_hint="-O") from None
    return given


def _check_parser(name: str | None) -> str | None:
    if name is None:
        return None
    try:
        registry.get_parser(name)
    except PluginError:
        raise
    except CommuniqueError as exc:
        raise click.BadParameter(str(exc), param_hint="--from") from None
    return name if ":" in name else name.lower()


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


# ---------------------------------------------------------------- standard streams


def _convert_stdin(
    inputs: Sequence[str],
    parser: str | None,
    exporters: dict[str, Exporter],
    options: dict[str, dict[str, str]],
    output_dir: str | None,
    overwrite: bool,
) -> int:
    if len(inputs) > 1:
        raise click.UsageError("'-' (standard input) cannot be combined with other inputs")
    if parser is None:
        raise click.UsageError("reading standard input needs --from FORMAT (e.g. --from text)")
    to_stdout = output_dir is None or output_dir == "-"
    if to_stdout:
        _check_stdout(exporters)
    try:
        # read(), not .read(): an endless pipe is refused at the format's max_size.
        release = api.read(binary_stream("stdin"), parser)
    except ParseError as exc:
        fail(exc.with_source("<stdin>"), "<stdin>")
        return EXIT_FAILED
    if to_stdout or output_dir is None:
        return _emit(release, "<stdin>", exporters, options)
    names = [(name, plugin.extensions) for name, plugin in exporters.items()]
    suffixes = _batch.output_suffixes(names)
    rendered = []
    for name, suffix in suffixes.items():
        out = os.path.join(output_dir, "stdin" + suffix)
        if os.path.lexists(out) and not overwrite:
            error(f"<stdin>: {out} already exists (use --overwrite to replace)")
            return EXIT_FAILED
        try:
            rendered.append((out, api.render(release, name, **options.get(name, {}))))
        except CommuniqueError as exc:
            fail(exc, "<stdin>")
            return EXIT_FAILED
    os.makedirs(output_dir, exist_ok=True)
    for out, payload in rendered:
        api.write_bytes_atomic(out, payload)
    return EXIT_OK


def _convert_to_stdout(
    inputs: Sequence[str], parser: str | None, exporters: dict[str, Exporter], options: dict[str, dict[str, str]]
) -> int:
    if len(inputs) != 1 or os.path.isdir(inputs[0]):
        raise click.UsageError("-o - (standard output) takes exactly one input file")
    _check_stdout(exporters)
    problem = _batch.input_problem(inputs[0], inputs[0])
    if problem is not None:
        error(problem)
        return EXIT_FAILED
    try:
        release = api.read(inputs[0], parser)
    except CommuniqueError as exc:
        fail(exc, inputs[0])
        return EXIT_FAILED
    return _emit(release, inputs[0], exporters, options)


def _check_stdout(exporters: dict[str, Exporter]) -> None:
    if len(exporters) != 1:
        raise click.UsageError(
            f"standard output takes one format, not {len(exporters)} ({', '.join(exporters)}); use -o DIR"
        )
    ((name, plugin),) = exporters.items()
    if binary_stream("stdout").isatty() and not _textual(plugin.media_type):
        raise click.UsageError(f"{name} is a binary format; redirect standard output to a file or use -o DIR")


def _emit(release: Any, display: str, exporters: dict[str, Exporter], options: dict[str, dict[str, str]]) -> int:
    ((name, _plugin),) = exporters.items()
    stdout = binary_stream("stdout")
    try:
        data = api.render(release, name, **options.get(name, {}))
    except CommuniqueError as exc:
        fail(exc, display)
        return EXIT_FAILED
    stdout.write(data)
    stdout.flush()
    return EXIT_OK


def _textual(media_type: str) -> bool:
    return media_type.startswith("text/") or media_type.endswith(("json", "xml"))


# ---------------------------------------------------------------- batches


@define
class _Tally:
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    written: int = 0

    def add(self, outcome: _batch.Outcome) -> None:
        if outcome.status == "converted":
            self.converted += 1
        elif outcome.status == "failed":
            self.failed += 1
        else:
            self.skipped += 1
        self.written += len(outcome.written)


def _remove_stale_parts(plan: _batch.Plan, suffixes: Iterable[str], *, quiet: bool) -> None:
    directories = {os.path.dirname(out) for task in plan.tasks for _, out in task.targets}
    removed = _batch.remove_stale_parts(directories, suffixes)
    if removed and not quiet:
        shown = ", ".join(removed[:3]) + (f" and {len(removed) - 3} more" if len(removed) > 3 else "")
        files = "file" if len(removed) == 1 else "files"
        click.echo(
            f"communique: removed {len(removed)} stale temporary {files} left by an interrupted run: {shown}", err=True
        )


def _run(
    plan: _batch.Plan,
    stop: _lifeline.StopSignals,
    *,
    jobs: int,
    formats: list[str],
    fail_fast: bool,
    verbose: bool,
    quiet: bool,
) -> int:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    tasks = plan.tasks
    tally = _Tally()
    started = time.perf_counter()
    executor: ProcessPoolExecutor | None = None
    futures: list[Future[list[_batch.Outcome]]] = []
    # In one process: every outcome as soon as it is final (its files are on disk or not at all).
    produced: list[_batch.Outcome] = []
    results: Iterator[_batch.Outcome]
    size = max(1, min(_MAX_CHUNK, len(tasks) // (jobs * 4)))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    # What the outputs were before the batch: if a worker dies (killed, out of memory,
    # SIGTERM sent to the whole group), what it had written is still counted.
    marks = _batch.output_marks(tasks) if jobs > 1 else {}
    began = time.time() - 1  # for file times (a second early: coarse file-system clocks)
    if jobs > 1:
        # Created (and its workers forked) before the progress bar starts its
        # refresh thread: forking a process that runs threads is unsafe.
        context = multiprocessing.get_context()
        draining = context.Event()  # set when this process is told to stop: workers leave it to us
        stop.on_signal = draining.set
        executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_batch.init_worker, initargs=(formats, draining)
        )
        futures = [executor.submit(_batch.run_chunk, chunk) for chunk in chunks]
        # Taken in input order, so messages come in a stable order whatever the timing.
        results = itertools.chain.from_iterable(f.result() for f in futures)
    else:
        results = _serial(chunks, produced, stop)
    progress = _progress(quiet=quiet or len(plan.items) < 2)
    say = _printer(progress)
    stopped = False
    interrupted: int | None = None
    consumed = 0
    reported: set[int] = set()

    def handle(outcome: _batch.Outcome) -> None:
        reported.add(outcome.position)
        tally.add(outcome)
        _report(outcome, say, verbose=verbose)

    try:
        with progress:
            bar = progress.add_task("converting", total=len(plan.items))
            for item in plan.items:
                planned = isinstance(item, _batch.Outcome)
                outcome = item if isinstance(item, _batch.Outcome) else next(results)
                with stop.shield():  # an outcome is counted and reported, or neither
                    if not planned:
                        consumed += 1
                    handle(outcome)
                    progress.update(bar, advance=1, description=_short(outcome.display))
                stop.check()
                if fail_fast and outcome.status == "failed":
                    stopped = True
                    break
    except _lifeline.Interrupted as exc:
        interrupted = exc.signum
    except KeyboardInterrupt:
        interrupted = signal.SIGINT
    except BrokenProcessPool as exc:
        error(f"a worker process died ({exc}); try --jobs 1")
        stopped = True
    finally:
        # A second Ctrl-C or SIGTERM while the files in progress finish is noted, not obeyed.
        with stop.shield():
            if interrupted is not None:
                click.echo("communique: interrupted; finishing the files in progress…", err=True)
            if executor is not None:
                for future in futures:
                    future.cancel()
                executor.shutdown(wait=True)
            _batch.close_writer()
    # Chunks that were running when the batch stopped have finished: their files
    # exist, so they are reported and counted like the others.
    late = produced[consumed:] if executor is None else _finished_late(futures, chunks, consumed)
    for outcome in late:
        handle(outcome)
    if marks:
        # Chunks lost with a worker that died: what they wrote is on disk, and counted;
        # what it had only staged is removed (no worker of this batch is left to finish it).
        lost = [task for task in tasks if task.position not in reported]
        for task in lost:
            found = _batch.found_on_disk(task, marks)
            if found is not None:
                handle(found)
        _batch.remove_parts_of(lost, since=began)
    elapsed = time.perf_counter() - started
    total = len(plan.items)
    if not quiet or interrupted is not None:
        _summary(tally, total, elapsed, jobs=jobs, stopped=stopped, interrupted=interrupted)
    if interrupted is not None:
        return 128 + interrupted
    return EXIT_OK if tally.failed == tally.skipped == 0 and not stopped else EXIT_FAILED


def _serial(
    chunks: Sequence[Sequence[_batch.Task]], produced: list[_batch.Outcome], stop: _lifeline.StopSignals
) -> Iterator[_batch.Outcome]:
    taken = 0
    for chunk in chunks:
        _batch.run_chunk(chunk, done=produced, shield=stop.shield)
        while taken < len(produced):
            taken += 1
            yield produced[taken - 1]


def _finished_late(
    futures: Sequence[Future[list[_batch.Outcome]]], chunks: Sequence[Sequence[_batch.Task]], consumed: int
) -> Iterator[_batch.Outcome]:
    start = 0
    for future, chunk in zip(futures, chunks, strict=False):
        end = start + len(chunk)
        if end > consumed and future.done() and not future.cancelled() and future.exception() is None:
            yield from future.result()[max(0, consumed - start) :]
        start = end


def _progress(*, quiet: bool) -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Column

    console = Console(stderr=True)
    return Progress(
        # A fixed width, so that the bar does not jump with each file name's length.
        TextColumn("{task.description}", style="dim", table_column=Column(width=_NAME_WIDTH, no_wrap=True)),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )


def _printer(progress: Progress) -> Callable[[str], None]:
    def say(line: str) -> None:
        if progress.live.is_started:
            # Printed above the bar rather than through it; soft_wrap keeps one line.
            progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    return say


def _short(display: str, width: int = _NAME_WIDTH) -> str:
    return display if len(display) <= width else "…" + display[-(width - 1) :]


def _report(outcome: _batch.Outcome, say: Callable[[str], None], *, verbose: bool) -> None:
    for line in outcome.warnings:
        say(f"communique: warning: {line}")
    if outcome.status == "failed":
        if outcome.traceback:
            say(outcome.traceback.rstrip())
        say(f"communique: error: {outcome.message}")
    elif outcome.status == "skipped":
        say(f"communique: skipped: {outcome.message}")
    elif verbose:
        say(f"{outcome.display} → {', '.join(outcome.written)}")


def _summary(tally: _Tally, total: int, elapsed: float, *, jobs: int, stopped: bool, interrupted: int | None) -> None:
    files = "file" if tally.converted == 1 else "files"
    parts = [f"converted {tally.converted} {files}", f"{tally.failed} failed", f"{tally.skipped} skipped"]
    done = tally.converted + tally.failed + tally.skipped
    if done < total:
        parts.append(f"{total - done} not attempted")
    outputs = "output" if tally.written == 1 else "outputs"
    workers = f", {jobs} processes" if jobs > 1 else ""
    line = f"communique: {', '.join(parts)} ({tally.written} {outputs} written in {elapsed:.2f} s{workers})"
    if interrupted == signal.SIGINT:
        line += "; interrupted"
    elif interrupted is not None:
        line += f"; interrupted by {signal.Signals(interrupted).name}"
    elif stopped:
        line += "; stopped after the first failure"
    click.echo(line, err=True)
