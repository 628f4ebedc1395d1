"""``communique convert``: one file, standard input or a whole tree, in any formats.

A thin shell over :func:`communique.convert` (batches, planning, atomic
writes, worker processes, Dask) and :func:`communique.read` /
:func:`communique.render` (standard streams): it turns the command line into
their arguments and their results into lines, a progress bar, a summary, a
report and an exit code.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

import click
from attrs import define

from .. import api, registry
from ..batch import BESIDE, Batch, ConversionResult, Interrupted, Status, _core
from ..batch import _convert as _library
from ..batch import convert as convert_batch
from ..batch._engines import cpu_count as _cpu_count
from ..errors import CommuniqueError, FormatError, OptionError, ParseError, PluginError
from ..plugins import Exporter
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
)

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

__all__ = ["_cpu_count", "convert"]

_NAME_WIDTH = 32


def _list_formats(kind: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        names = registry.parser_names() if kind == "parser" else registry.exporter_names()
        for name in names:
            click.echo(name)
        ctx.exit(EXIT_OK)

    return callback


@cli.command(
    epilog=EXIT_CODES_HELP
    + """

\b
Examples:
  communique convert examples/sample_fr.txt -o sample.pdf          # format from the extension
  communique convert examples/sample_fr.txt --to all -o out/
  cat release.txt | communique convert -t json > release.json      # standard input, format sniffed
  communique convert "Communiqué 2018.txt" --to pdf -O page_size=letter
  communique convert releases/ --to json,docx -o converted/ --jobs 4 --report report.jsonl
  communique convert releases/ --to nitf --overwrite --fail-fast
  communique convert archive/ --to pdf -o out/ --engine dask --scheduler tcp://10.0.0.5:8786
  curl -s https://example.org/release.txt | communique convert - --from text --to json
  communique convert release.json --to xml -o -      # to standard output""",
)
@click.argument("inputs", nargs=-1, metavar="[INPUT...]", type=click.Path(allow_dash=True))
@click.option(
    "-t",
    "--to",
    "to",
    multiple=True,
    metavar="FORMAT[,FORMAT...]",
    shell_complete=complete_exporters,
    help="Output format(s); repeat or separate with commas; 'all' for every registered exporter. "
    "Default: from the extension of -o FILE.",
)
@click.option(
    "-o",
    "--output",
    "--output-dir",
    "output",
    metavar="FILE|DIR",
    type=click.Path(allow_dash=True),
    help="A file (with a format's extension: one input, one format), a directory (ends with '/', exists, "
    "or has no format extension; created if needed), or '-' for standard output. Default: beside each input.",
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
    help=f"Worker processes. Default: 1 below {_library.PARALLEL_FROM} inputs, else one per CPU (measured: "
    "see the 'Converting archives' docs).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where to convert: this machine, or a Dask cluster (pip install 'communique[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler to use (e.g. tcp://host:8786). Default: a local cluster of --jobs workers.",
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
@click.option(
    "--report",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
    help="Write one JSON line per input to FILE: input, status, error, outputs, ms.",
)
@click.option("-v", "--verbose", is_flag=True, help="List every file written.")
@click.option(
    "--list-input-formats",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_formats("parser"),
    help="Print the input format names and exit.",
)
@click.option(
    "--list-output-formats",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_formats("exporter"),
    help="Print the output format names and exit.",
)
@common_options
def convert(
    inputs: tuple[str, ...],
    to: tuple[str, ...],
    output: str | None,
    from_: str | None,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    overwrite: bool,
    fail_fast: bool,
    options: tuple[str, ...],
    report: str | None,
    verbose: bool,
) -> int:
    """Convert press releases to one or more formats.

    INPUT is a file, a directory (converted recursively: every file with a
    known extension; the output tree mirrors it), a glob pattern, or '-' for
    standard input; with no INPUT, standard input is read and its format
    sniffed.  -o FILE writes that one file; -o DIR/ writes DIR/<name>.<ext>
    per format.  Every file is written atomically: a failure or Ctrl-C never
    leaves a partial file, and each input gets all its outputs or none.
    Existing outputs are kept unless --overwrite, and an input is never
    overwritten.  One bad input does not stop a batch (unless --fail-fast):
    it is reported and the exit code is 1.
    """
    state = settings()
    exporters = _exporters(to, output)
    per_format = _exporter_options(options, exporters)
    parser = _check_parser(from_)
    if not inputs or "-" in inputs:
        return _convert_stdin(inputs, parser, exporters, per_format, output, overwrite)
    if output == "-":
        return _convert_to_stdout(inputs, parser, exporters, per_format)
    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    chosen: Any = None if engine == "local" else (scheduler or "dask")
    try:
        batch = convert_batch(
            inputs,
            to=list(exporters),
            output=BESIDE if output is None else output,
            jobs=jobs,
            engine=chosen,
            overwrite=overwrite,
            options=per_format,
            input_format=parser,
        )
    except (OptionError, FormatError) as exc:
        raise click.BadParameter(str(exc), param_hint="-o" if "output=" in str(exc) else "--to") from None
    if not len(batch):
        error("nothing to convert")
        return EXIT_FAILED
    _say_removed(batch.removed, quiet=state.quiet)
    return _run(batch, fail_fast=fail_fast, verbose=verbose, quiet=state.quiet, debug=state.debug, report=report)


# ---------------------------------------------------------------- arguments


def _exporters(values: Sequence[str], output: str | None) -> dict[str, Exporter]:
    if not values and (output is None or output == "-" or _library._named_file(output) is None):
        raise click.UsageError("Missing option '-t' / '--to' (or -o FILE with a format's extension).")
    try:
        return _library.resolve_formats(list(values) or None, output)
    except FormatError as exc:
        raise click.BadParameter(str(exc), param_hint="--to") from None


def _exporter_options(values: Sequence[str], exporters: dict[str, Exporter]) -> dict[str, dict[str, Any]]:
    given: dict[str, str] = {}
    for value in values:
        key, sep, text = value.partition("=")
        key = key.strip()
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE or FORMAT.KEY=VALUE, not {value!r}", param_hint="-O")
        given[key] = text
    try:
        return _library.resolve_options(given, exporters)
    except OptionError as exc:
        raise click.BadParameter(str(exc), param_hint="-O") from None


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


# ---------------------------------------------------------------- standard streams


def _convert_stdin(
    inputs: Sequence[str],
    parser: str | None,
    exporters: dict[str, Exporter],
    options: dict[str, dict[str, Any]],
    output_dir: str | None,
    overwrite: bool,
) -> int:
    if len(inputs) > 1:
        raise click.UsageError("'-' (standard input) cannot be combined with other inputs")
    if inputs and parser is None:
        # '-' names a stream of a given format; with no INPUT at all the format is sniffed.
        raise click.UsageError("reading standard input as '-' needs --from FORMAT (e.g. --from text), or give no INPUT")
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
    suffixes = _core.output_suffixes(names)
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
    inputs: Sequence[str], parser: str | None, exporters: dict[str, Exporter], options: dict[str, dict[str, Any]]
) -> int:
    if len(inputs) != 1 or os.path.isdir(inputs[0]):
        raise click.UsageError("-o - (standard output) takes exactly one input file")
    _check_stdout(exporters)
    problem = _core.input_problem(inputs[0], inputs[0])
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


def _emit(release: Any, display: str, exporters: dict[str, Exporter], options: dict[str, dict[str, Any]]) -> int:
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

    def add(self, result: ConversionResult) -> None:
        if result.status is Status.OK:
            self.converted += 1
        elif result.status is Status.FAILED:
            self.failed += 1
        else:
            self.skipped += 1
        self.written += len(result.outputs)


def _say_removed(removed: Sequence[str], *, quiet: bool) -> None:
    if removed and not quiet:
        shown = ", ".join(removed[:3]) + (f" and {len(removed) - 3} more" if len(removed) > 3 else "")
        files = "file" if len(removed) == 1 else "files"
        click.echo(
            f"communique: removed {len(removed)} stale temporary {files} left by an interrupted run: {shown}", err=True
        )


def _run(batch: Batch, *, fail_fast: bool, verbose: bool, quiet: bool, debug: bool, report: str | None) -> int:
    tally = _Tally()
    started = time.perf_counter()
    # Worker processes are forked before the progress bar starts its refresh thread.
    batch.start()
    progress = _progress(quiet=quiet or len(batch) < 2)
    say = _printer(progress)
    stopped = False
    interrupted: int | None = None
    sink = open(report, "w", encoding="utf-8") if report is not None else None  # noqa: SIM115 - closed below
    try:
        with progress:
            bar = progress.add_task("converting", total=len(batch))
            for result in batch:
                tally.add(result)
                _report(result, say, verbose=verbose, debug=debug)
                if sink is not None:
                    sink.write(json.dumps(result.as_record(), ensure_ascii=False) + "\n")
                    sink.flush()
                progress.update(bar, advance=1, description=_short(result.input))
                if fail_fast and result.status is Status.FAILED and not stopped:
                    stopped = True
                    batch.stop()
    except Interrupted as exc:
        interrupted = exc.signum
    except KeyboardInterrupt:
        interrupted = signal.SIGINT
    finally:
        if sink is not None:
            sink.close()
    elapsed = time.perf_counter() - started
    if not quiet or interrupted is not None:
        _summary(tally, len(batch), elapsed, batch=batch, stopped=stopped, interrupted=interrupted)
    if interrupted is not None:
        return 128 + interrupted
    return EXIT_OK if tally.failed == tally.skipped == 0 and not stopped else EXIT_FAILED


class _NoProgress:
    """What ``_run`` uses of a rich ``Progress`` when no bar can be shown: nothing, and no rich import.

    One file (or ``-q``) never shows a bar, and importing rich's console and
    progress modules is about 15 ms of a one-file conversion.
    """

    class _Live:
        is_started = False

    live = _Live()

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, total: float | None = None) -> TaskID:
        return cast("TaskID", 0)

    def update(self, task: TaskID, **kwargs: Any) -> None:
        return None


def _progress(*, quiet: bool) -> Progress | _NoProgress:
    if quiet:
        return _NoProgress()
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


def _printer(progress: Progress | _NoProgress) -> Callable[[str], None]:
    def say(line: str) -> None:
        if progress.live.is_started:
            assert not isinstance(progress, _NoProgress)
            # Printed above the bar rather than through it; soft_wrap keeps one line.
            progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    return say


def _short(display: str, width: int = _NAME_WIDTH) -> str:
    return display if len(display) <= width else "…" + display[-(width - 1) :]


def _report(result: ConversionResult, say: Callable[[str], None], *, verbose: bool, debug: bool) -> None:
    for line in result.warnings:
        say(f"communique: warning: {line}")
    if result.status is Status.FAILED:
        if debug and result.traceback:
            say(result.traceback.rstrip())
        say(f"communique: error: {result.message}")
    elif result.status is Status.SKIPPED:
        say(f"communique: skipped: {result.message}")
    elif verbose:
        say(f"{result.input} → {', '.join(result.outputs)}")


def _summary(
    tally: _Tally, total: int, elapsed: float, *, batch: Batch, stopped: bool, interrupted: int | None
) -> None:
    files = "file" if tally.converted == 1 else "files"
    parts = [f"converted {tally.converted} {files}", f"{tally.failed} failed", f"{tally.skipped} skipped"]
    done = tally.converted + tally.failed + tally.skipped
    if done < total:
        parts.append(f"{total - done} not attempted")
    outputs = "output" if tally.written == 1 else "outputs"
    if batch.engine == "dask":
        workers = f", dask: {batch.jobs} workers"
    else:
        workers = f", {batch.jobs} processes" if batch.jobs > 1 else ""
    line = f"communique: {', '.join(parts)} ({tally.written} {outputs} written in {elapsed:.2f} s{workers})"
    if interrupted == signal.SIGINT:
        line += "; interrupted"
    elif interrupted is not None:
        line += f"; interrupted by {signal.Signals(interrupted).name}"
    elif stopped:
        line += "; stopped after the first failure"
    click.echo(line, err=True)
