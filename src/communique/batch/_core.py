"""Planning and running a conversion batch (the engine-independent part of :func:`communique.convert`).

The calling process turns the inputs into a :class:`Plan` (which input
goes to which output files), deciding up front everything that does not need
the file's content: unknown inputs, outputs that would overwrite an input or
collide with each other, outputs that already exist.  What remains are
:class:`Task` tuples, small and picklable, that :func:`run_task` executes in
this process or in a worker process.  Outputs are a function of the input
alone, so the result is byte-identical whatever the number of workers.

Only regular files are inputs (a FIFO or a device would block or never end).
Each input's outputs are staged in full, then renamed into place together
(see :mod:`._lifeline`): an input ends with all its outputs or none, whether
a write fails or the batch is stopped.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import io
import os
import re
import signal
import stat
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import attrs

from .. import api, registry
from ..errors import CommuniqueError, OutputError, ParseError, PluginError
from . import _lifeline
from ._result import ConversionResult, Status

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor
    from multiprocessing.synchronize import Event as Draining


class Task(NamedTuple):
    """One input and the outputs to make from it (small and picklable: sent to worker processes)."""

    position: int
    source: str | None
    """The path to read, or ``None`` when :attr:`data` holds the input."""
    display: str
    """The input as the user should see it in messages."""
    parser: str | None
    """Parser name (``--from`` or found from the extension), ``None`` to infer it."""
    targets: tuple[tuple[str, str | None], ...]
    """``(format, output path)`` pairs, in the order the formats were asked for; ``None``: kept in memory."""
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]
    """Exporter options per format (strings from ``-O`` or typed values; the API converts them)."""
    overwrite: bool
    data: bytes | None = None
    """The input's bytes, for an input given as ``(name, bytes)``."""
    marks: tuple[Mark, ...] = ()
    """The identity of each output when the batch was planned (see :func:`found_on_disk`)."""


Mark = tuple[int, int] | None


def outcome(
    position: int,
    display: str,
    status: Status | str,
    message: str | None = None,
    written: Sequence[str] = (),
    warning_lines: Sequence[str] = (),
    tb: str | None = None,
    *,
    error: CommuniqueError | None = None,
    data: Mapping[str, bytes] | None = None,
    timings: Mapping[str, float] | None = None,
) -> ConversionResult:
    """The result of one input; a failure without an error object gets one made from its message."""
    status = Status(status)
    if status is Status.FAILED and error is None:
        error = CommuniqueError(message or "failed")
    return ConversionResult(
        index=position,
        input=display,
        status=status,
        outputs=written,
        error=error,
        message=message,
        warnings=warning_lines,
        data=data,
        timings=timings,
        traceback=tb,
    )


class Source(NamedTuple):
    """An input found among the inputs given or under a directory."""

    path: str | None
    """The file to read; ``None`` for an input given as ``(name, bytes)``."""
    display: str
    out_dir: str
    """Directory that receives this input's outputs."""
    stem: str
    parser: str | None
    walked: bool = False
    """Found by walking a directory (rather than named among the inputs)."""
    data: bytes | None = None


class Plan(NamedTuple):
    """Every input in order: either a task to run or an outcome already decided."""

    items: tuple[Task | ConversionResult, ...]

    @property
    def tasks(self) -> list[Task]:
        return [item for item in self.items if isinstance(item, Task)]


def one_line(message: str) -> str:
    """Collapse a message onto one line (errors are one line each)."""
    return " ".join(message.split())


def describe(exc: BaseException, display: str) -> str:
    """The user-facing text of an error about ``display``, naming the file once."""
    if isinstance(exc, ParseError) and exc.source is not None:
        text = str(exc)
        if exc.source != display and text.startswith(exc.source):
            text = display + text[len(exc.source) :]
    else:
        text = str(exc) or type(exc).__name__
    if not (text == display or text.startswith(f"{display}:")):
        text = f"{display}: {text}"
    return one_line(text)


# ---------------------------------------------------------------- extensions


def parser_extensions() -> dict[str, str]:
    """Known input extensions (lower case, with the dot) and the parser of each.

    Broken or shadowed parsers are left out; when two parsers claim one
    extension the first by name keeps it, as :func:`communique.registry.parser_for` does.
    """
    # Resolving the parsers once here makes the registry warn about broken ones
    # now, once, in this process, rather than from each worker process and
    # attributed to whichever file happened to trigger the lookup.  Built-in
    # parsers are not imported for their extensions (the registry knows them).
    table: dict[str, str] = {}
    for name, _entry, extensions in registry._winner_extensions("parser"):
        for ext in extensions:
            table.setdefault(ext.lower(), name)
    return table


def match_extension(name: str, extensions: Mapping[str, str]) -> str | None:
    """The longest known extension ``name`` ends with (``.nitf.xml`` beats ``.xml``)."""
    low = name.lower()
    best: str | None = None
    for ext in extensions:
        if low.endswith(ext) and len(low) > len(ext) and (best is None or len(ext) > len(best)):
            best = ext
    return best


def stem_of(name: str, extensions: Mapping[str, str]) -> str:
    """The file name without its format extension: ``a.nitf.xml`` → ``a``."""
    ext = match_extension(name, extensions)
    if ext is not None:
        return name[: -len(ext)]
    stem = Path(name).stem
    return stem or name


def output_suffixes(exporters: Sequence[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """The output file suffix of each exporter, unique among ``exporters``.

    Each exporter writes its preferred (first) extension.  When several share
    one, the exporter named like the extension keeps it (``xml`` → ``.xml``)
    and the others are qualified by their name (``.rss.xml``), or by
    distribution and name for a plugin picked as ``dist:name``
    (``.acme.xml.xml``): a name never contains ``:``, which Windows forbids.
    """
    qualifier: dict[str, str] = {}
    for name, _ in exporters:
        dist, colon, short = name.rpartition(":")
        qualifier[name] = f"{dist}.{short}" if colon else name
    suffix = {name: (exts[0] if exts else f".{qualifier[name]}") for name, exts in exporters}
    for key, names in _collisions(suffix).items():
        owner = next((n for n in names if ":" not in n and f".{n.lower()}" == key), None)
        for name in names:
            if name != owner:
                suffix[name] = f".{qualifier[name]}{suffix[name]}"
    left = _collisions(suffix)
    if left:
        clash = ", ".join(sorted(n for names in left.values() for n in names))
        raise PluginError(f"the exporters {clash} cannot be given distinct output names")
    return suffix


def _collisions(suffix: Mapping[str, str]) -> dict[str, list[str]]:
    # Compared without case: Windows and macOS file systems do not tell "A.XML" from "a.xml".
    groups: dict[str, list[str]] = {}
    for name, value in suffix.items():
        groups.setdefault(value.lower(), []).append(name)
    return {key: names for key, names in groups.items() if len(names) > 1}


# ---------------------------------------------------------------- discovery


Given = str | tuple[str, bytes]


def discover(
    inputs: Iterable[Given],
    *,
    out_dir: str | None,
    parser: str | None,
    extensions: Mapping[str, str],
) -> Iterator[Source | ConversionResult]:
    """Expand files, directories, globs and ``(name, bytes)`` pairs into sources, in a stable order.

    Directories are walked recursively (sorted, hidden entries skipped) for
    files with a known extension; the output tree mirrors the input tree.
    The output directory itself is never walked, so converting a folder into
    a sub-folder of itself twice does not convert the outputs.  Only regular
    files found there are inputs: a FIFO, socket or device with a known
    extension is skipped, and said so (reading it could block for ever).
    A name that does not exist but holds ``*``, ``?`` or ``[`` is a glob
    pattern (``**`` crosses directories), expanded in sorted order.
    """
    skip = os.path.realpath(out_dir) if out_dir is not None else None
    for given in inputs:
        if isinstance(given, tuple):
            name, data = given
            if not isinstance(name, str) or not isinstance(data, bytes | bytearray | memoryview):
                raise TypeError("an input given as a pair must be (name: str, data: bytes)")
            base = os.path.basename(name) or "input"
            ext = match_extension(base, extensions)
            yield Source(
                None,
                name,
                out_dir if out_dir is not None else os.curdir,
                stem_of(base, extensions),
                parser or (extensions[ext] if ext else None),
                data=bytes(data),
            )
            continue
        given = os.fspath(given)
        if not isinstance(given, str):
            raise TypeError(f"an input must be a str path or a (name, bytes) pair, not {type(given).__name__}")
        if not os.path.lexists(given) and glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield outcome(0, given, "failed", f"{given}: no file matches this pattern")
            for match in matches:
                yield from _expand(match, out_dir, skip, parser, extensions)
            continue
        yield from _expand(given, out_dir, skip, parser, extensions)


def _expand(
    given: str, out_dir: str | None, skip: str | None, parser: str | None, extensions: Mapping[str, str]
) -> Iterator[Source | ConversionResult]:
    if os.path.isdir(given):
        found = False
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) != skip
            )
            rel = os.path.relpath(root, given)
            for name in sorted(files):
                ext = None if name.startswith(".") else match_extension(name, extensions)
                if ext is None:
                    continue
                found = True
                path = os.path.join(root, name)
                kind = special_kind(path)
                if kind is not None:
                    yield outcome(0, path, "skipped", f"{path}: skipped: {kind}, not a regular file")
                    continue
                target_dir = root if out_dir is None else os.path.normpath(os.path.join(out_dir, rel))
                yield Source(path, path, target_dir, name[: -len(ext)], parser or extensions[ext], walked=True)
        if not found:
            yield outcome(0, given, "skipped", f"{given}: no file with a known extension ({_known(extensions)})")
    else:
        name = os.path.basename(given)
        ext = match_extension(name, extensions)
        target_dir = out_dir if out_dir is not None else (os.path.dirname(given) or os.curdir)
        yield Source(given, given, target_dir, stem_of(name, extensions), parser or (extensions[ext] if ext else None))


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(path: str) -> str | None:
    """What ``path`` is when it exists and is neither a regular file nor a directory, else ``None``."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None  # missing, or a bad name: reported where it is read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "a special file")


def input_problem(path: str, display: str) -> str | None:
    """Why ``path`` cannot be an input file (missing, a directory, a FIFO…), or ``None``."""
    if not os.path.lexists(path):
        return f"{display}: no such file or directory"
    if os.path.isdir(path):
        return f"{display}: is a directory"
    kind = special_kind(path)
    if kind is not None:
        return (
            f"{display}: is {kind}, not a regular file; to convert a stream, "
            f"read standard input: communique convert - --from FORMAT < {display}"
        )
    return None


def _known(extensions: Mapping[str, str]) -> str:
    return ", ".join(sorted(extensions)) or "none"


def make_plan(
    sources: Iterable[Source | ConversionResult],
    *,
    suffixes: Mapping[str, str],
    options: Mapping[str, Mapping[str, Any]],
    overwrite: bool,
    in_memory: bool = False,
    output_file: str | None = None,
) -> Plan:
    """Decide every output name and refuse what cannot be done safely.

    An input fails here when it is missing, when an output would replace an
    input file, or when two inputs would write the same output; it is skipped
    when an output exists and ``overwrite`` is off.  Files of one folder that
    differ only by their format (``a.txt`` and ``a.json``) are told apart by
    it (``a.txt.pdf``, ``a.json.pdf``) rather than colliding.  With
    ``in_memory`` nothing is written (the results carry the bytes); with
    ``output_file`` the only input's only format goes to that file.
    """
    listed = _qualify_twins([s for s in sources])
    inputs: set[str] = set()
    inodes: set[tuple[int, int]] = set()
    for s in listed:
        if isinstance(s, Source) and s.path is not None:
            inputs.add(_key(s.path))
            try:
                st = os.stat(s.path)
            except OSError:
                continue
            inodes.add((st.st_dev, st.st_ino))
    seen_inputs: set[str] = set()
    claimed: dict[str, str] = {}
    option_items = tuple((fmt, tuple(sorted(opts.items()))) for fmt, opts in options.items() if opts)
    items: list[Task | ConversionResult] = []
    for s in listed:
        index = len(items)
        if isinstance(s, ConversionResult):
            items.append(attrs.evolve(s, index=index))
            continue
        if s.path is not None:
            key = _key(s.path)
            if key in seen_inputs:
                continue  # the same file named twice (or a file and its folder): convert it once
            seen_inputs.add(key)
        problem = _check_input(s)
        if problem is not None:
            items.append(outcome(index, s.display, "failed", problem, error=ParseError(problem)))
            continue
        if in_memory:
            items.append(
                Task(
                    index,
                    s.path,
                    s.display,
                    s.parser,
                    tuple((fmt, None) for fmt in suffixes),
                    option_items,
                    overwrite,
                    s.data,
                )
            )
            continue
        if output_file is not None:
            targets = tuple((fmt, output_file) for fmt in suffixes)
        else:
            targets = tuple((fmt, os.path.join(s.out_dir, s.stem + suffix)) for fmt, suffix in suffixes.items())
        existing: list[str] = []
        blocked: list[str] = []
        for _fmt, out in targets:
            if problem is not None:
                break
            out_key = _key(out)
            if out_key in inputs or _same_as_input(out, inodes):
                problem = (
                    f"{s.display}: the output {out} would overwrite an input file; choose another directory with -o"
                )
            elif out_key in claimed:
                problem = f"{s.display}: the output {out} is also the output of {claimed[out_key]}; convert separately"
            else:
                kind = _existing_kind(out)
                if kind == "directory":
                    blocked.append(out)
                elif kind is not None:
                    existing.append(out)
        if problem is None and blocked:
            problem = f"{s.display}: not converted: {_are_directories(blocked)} (a file cannot replace a directory)"
        if problem is not None:
            items.append(outcome(index, s.display, "failed", problem, error=OutputError(problem)))
            continue
        for _fmt, out in targets:
            claimed[_key(out)] = s.display
        if existing and not overwrite:
            message = f"{s.display}: not converted: {_exist(existing)} (use --overwrite to replace)"
            items.append(outcome(index, s.display, "skipped", message))
            continue
        marks = tuple(_mark(out) for _fmt, out in targets)
        items.append(Task(index, s.path, s.display, s.parser, targets, option_items, overwrite, s.data, marks))
    return Plan(tuple(items))


def _qualify_twins(listed: list[Source | ConversionResult]) -> list[Source | ConversionResult]:
    """Give files of one folder that differ only by their format extension distinct output stems."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(listed):
        if isinstance(s, Source) and s.walked:
            groups.setdefault((_key(s.out_dir), s.stem.lower()), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        exts = {_source_ext(listed[i]).lower() for i in members}  # type: ignore[arg-type]
        if len(exts) < 2:
            continue  # the same name twice: reported as a collision
        for i in members:
            src = listed[i]
            assert isinstance(src, Source)
            listed[i] = src._replace(stem=f"{src.stem}.{_source_ext(src).lstrip('.')}")
    return listed


def _source_ext(s: Source) -> str:
    return os.path.basename(s.display)[len(s.stem) :]


def _mark(path: str) -> Mark:
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _existing_kind(path: str) -> Literal["directory", "other"] | None:
    # One lstat: a symbolic link (even to a directory) is replaced by the rename, a directory is not.
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return None
    return "directory" if stat.S_ISDIR(mode) else "other"


def _are_directories(paths: Sequence[str]) -> str:
    return f"{', '.join(paths)} {'is a directory' if len(paths) == 1 else 'are directories'}"


def _exist(paths: Sequence[str]) -> str:
    return f"{', '.join(paths)} already {'exists' if len(paths) == 1 else 'exist'}"


def _key(path: str) -> str:
    """A path's identity for comparisons: its real directory (cached) and its name.

    A symbolic link in the last component is left to :func:`_same_as_input`,
    which compares the files themselves.
    """
    head, name = os.path.split(os.path.abspath(path))
    return os.path.normcase(os.path.join(_real_directory(head), name))


@functools.lru_cache(maxsize=4096)
def _real_directory(directory: str) -> str:
    # realpath costs a system call per path component; a batch has few distinct directories.
    return os.path.realpath(directory)


def _same_as_input(path: str, inodes: set[tuple[int, int]]) -> bool:
    # Catches what path comparison misses: hard links, case-insensitive file systems.
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) in inodes


def _check_input(s: Source) -> str | None:
    return None if s.path is None else input_problem(s.path, s.display)


# ---------------------------------------------------------------- running


def init_worker(formats: Sequence[str], draining: Draining | None = None) -> None:
    """Prepare a worker process: ignore Ctrl-C, die with the parent, load the plugins once.

    The parent handles Ctrl-C: it stops handing out work and lets the files
    in progress finish, so no worker dies half-way through a write.  If the
    parent dies (SIGKILL included) or the worker is sent SIGTERM, the worker
    finishes the commit in progress, removes its staged files and exits
    (unless the parent sets ``draining``: then the parent is stopping the
    batch itself, see :func:`._lifeline.guard_worker`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _lifeline.guard_worker(draining)
    with warnings.catch_warnings():
        # The parent has already told the user about broken plugins.
        warnings.simplefilter("ignore")
        for name in formats:
            # A broken exporter is reported per file, where the user sees it.
            with contextlib.suppress(CommuniqueError):
                registry.get_exporter(name)
        parser_extensions()


class _Rendered(NamedTuple):
    task: Task
    outputs: tuple[tuple[str, bytes], ...]
    """``(path, bytes)`` to write."""
    warnings: tuple[str, ...]
    timings: dict[str, float]
    kept: tuple[str, ...] = ()
    """Outputs already on disk with exactly these bytes (written by an earlier attempt of this batch)."""
    memory: tuple[tuple[str, bytes], ...] = ()
    """``(format, bytes)`` kept in memory (``output=None``)."""


class _Staged:
    """A staging run in this thread, with what :func:`_commit` and :func:`_discard` use of a done ``Future``.

    One output is staged without the write pool: starting its threads (and
    importing :mod:`concurrent.futures`, which imports :mod:`logging`) cost more
    than the overlap saves when there is nothing to overlap.
    """

    def __init__(self, path: str, data: bytes, directories: set[str]) -> None:
        self._error: BaseException | None = None
        self._result: tuple[str, float] = ("", 0.0)
        try:
            self._result = _stage(path, data, directories)
        except Exception as exc:  # as a Future holds it; an interrupt goes on (_stage removed its file)
            self._error = exc

    def result(self) -> tuple[str, float]:
        if self._error is not None:
            raise self._error
        return self._result

    def exception(self) -> BaseException | None:
        return self._error

    def cancel(self) -> bool:
        return False

    def cancelled(self) -> bool:
        return False


_Staging = tuple[_Rendered, "list[Future[tuple[str, float]] | _Staged]"]


def _wait(pending: Iterable[Future[tuple[str, float]] | _Staged]) -> None:
    """Wait for the pool's stagings (one staged in this thread is done already)."""
    futures = [f for f in pending if not isinstance(f, _Staged)]
    if futures:
        import concurrent.futures

        concurrent.futures.wait(futures)


def run_task(task: Task) -> ConversionResult:
    """Convert one input (see :func:`run_chunk`)."""
    return run_chunk([task])[0]


def run_chunk(
    tasks: Sequence[Task],
    *,
    done: list[ConversionResult] | None = None,
    shield: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> list[ConversionResult]:
    """Convert a few inputs: read and render each, then write all its outputs or none.

    Each input is rendered in every format before any of its files is
    written, so an input that fails in one format leaves no output at all.
    Then every output is staged (written to a hidden temporary file beside
    it, flushed to disk) and, once all of an input's outputs are staged, they
    are renamed into place together; if one cannot be written, none is, and
    every failure is named.  The staging goes through a small thread pool:
    each ends with an ``fsync``, and overlapping them lets the file system
    commit them together (about ten times faster than one after the other on
    ext4).

    Each outcome is appended to ``done`` (when given) as soon as it is final,
    so a caller interrupted mid-chunk still knows what is on disk; the renames
    run inside ``shield()``, which the caller uses to hold off signals.
    """
    outcomes = done if done is not None else []
    prepared = [_prepare(task) for task in tasks]
    alone = sum(len(item.outputs) for item in prepared if not isinstance(item, ConversionResult)) <= 1
    staging: list[_Staging | ConversionResult] = []
    try:
        for item in prepared:
            if isinstance(item, ConversionResult):
                staging.append(item)
                continue
            directories = {os.path.dirname(out) for out, _ in item.outputs}
            futures: list[Future[tuple[str, float]] | _Staged]
            if alone:
                futures = [_Staged(out, data, directories) for out, data in item.outputs]
            else:
                writer = _writer()
                futures = [writer.submit(_stage, out, data, directories) for out, data in item.outputs]
            staging.append((item, futures))
        _wait(f for entry in staging if not isinstance(entry, ConversionResult) for f in entry[1])
        with shield():
            for entry in staging:
                outcomes.append(entry if isinstance(entry, ConversionResult) else _commit(*entry))
    except BaseException:
        # Ctrl-C (in the single-process mode): staging not started is dropped,
        # the staging in flight finishes, and every staged file not renamed
        # into place is removed; then the interrupt goes on.
        _discard(staging)
        raise
    return outcomes


def _prepare(task: Task) -> _Rendered | ConversionResult:
    caught: list[warnings.WarningMessage] = []
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            parser = task.parser or _sniffed(task)
            if task.data is not None:
                stream = io.BytesIO(task.data)
                stream.name = task.display  # messages and format inference
                release = api.read(stream, parser)
            else:
                assert task.source is not None
                release = api.read(task.source, parser)
            if parser == "text" and not release.paragraphs:
                raise ParseError("not a press release: the text has a title but no paragraph", source=task.display)
            now = time.perf_counter()
            timings["read"], clock = now - clock, now
            options = dict(task.options)
            rendered = tuple(
                (fmt, out, api.render(release, fmt, **dict(options.get(fmt, ())))) for fmt, out in task.targets
            )
            now = time.perf_counter()
            timings["render"] = now - clock
    except CommuniqueError as exc:
        message = describe(exc, task.display)
        lines = _warning_lines(task, caught)
        return outcome(
            task.position,
            task.display,
            "failed",
            message,
            (),
            lines,
            _traceback(),
            error=portable(exc),
            timings=timings,
        )
    except Exception as exc:
        message = one_line(f"{task.display}: internal error: {type(exc).__name__}: {exc} (see --debug)")
        return outcome(task.position, task.display, "failed", message, tb=_traceback(), timings=timings)
    lines = _warning_lines(task, caught)
    memory = tuple((fmt, data) for fmt, out, data in rendered if out is None)
    outputs = tuple((out, data) for _fmt, out, data in rendered if out is not None)
    kept: list[str] = []
    if not task.overwrite:
        # Checked again here: the file may have appeared since the batch was planned.  One that
        # appeared holding exactly these bytes was written by an earlier attempt at this very input
        # (a worker lost after its renames, the task run again elsewhere): output is deterministic.
        marks = dict(zip((out for _fmt, out in task.targets), task.marks, strict=False))
        existing: list[str] = []
        for out, data in outputs:
            if not os.path.lexists(out):
                continue
            if out in marks and _mark(out) != marks[out] and _holds(out, data):
                kept.append(out)
            else:
                existing.append(out)
        if existing:
            message = f"{task.display}: not converted: {_exist(existing)} (use --overwrite to replace)"
            return outcome(task.position, task.display, "skipped", message, warning_lines=lines, timings=timings)
        outputs = tuple((out, data) for out, data in outputs if out not in kept)
    return _Rendered(task, outputs, lines, timings, tuple(kept), memory)


def _traceback() -> str:
    """The exception being handled, formatted (:mod:`traceback` is imported only when something failed)."""
    import traceback

    return traceback.format_exc()


def _sniffed(task: Task) -> str:
    """The parser of an input whose extension no parser claims: a structured format its content shows.

    Plain text is what any bytes look like, so it is never guessed: ``hello`` in
    ``foo.rtf`` is refused rather than converted to a release titled "hello"
    (``input_format="text"`` / ``--from text`` reads it as text on purpose).
    """
    if task.data is not None:
        head = task.data[:8192]
    else:
        assert task.source is not None
        try:
            with open(task.source, "rb") as handle:
                head = handle.read(8192)
        except OSError as exc:
            raise ParseError(f"cannot read: {exc.strerror or exc}", source=task.display) from None
    found = registry.sniff(head)
    if found is None or found == "text":
        ext = os.path.splitext(task.display)[1] or "no extension"
        raise ParseError(
            f"not a press release communique can read: {ext} is not a known extension and the content is "
            "not a known format (to read it as plain text: --from text)",
            source=task.display,
        )
    return found


def _holds(path: str, data: bytes) -> bool:
    try:
        if os.path.getsize(path) != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def portable(exc: CommuniqueError) -> CommuniqueError:
    """``exc``, or a plain :class:`CommuniqueError` with its text when it would not survive pickling.

    A result crosses process (and, with Dask, machine) boundaries: its error must
    arrive as the error it is, never as a pickling failure.
    """
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        bases = [c for c in type(exc).__mro__ if issubclass(c, CommuniqueError) and c.__module__ == "communique.errors"]
        for base in bases:
            try:
                copy = base(str(exc))
                pickle.loads(pickle.dumps(copy))
            except Exception:
                continue
            return copy
        return CommuniqueError(str(exc))
    return exc


def _stage(path: str, data: bytes, directories: set[str]) -> tuple[str, float]:
    """Write ``data`` in full to a hidden temporary file beside ``path``; return its name and the seconds taken."""
    clock = time.perf_counter()
    for directory in directories:
        _makedirs(directory)
    directory, name = os.path.split(path)
    try:
        fd, tmp = _lifeline.stage_file(directory or os.curdir, name)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, api.file_mode())
    except BaseException as exc:
        _remove_staged(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    return tmp, time.perf_counter() - clock


def _commit(item: _Rendered, futures: Sequence[Future[tuple[str, float]] | _Staged]) -> ConversionResult:
    """Rename an input's staged files into place, all of them or none."""
    task = item.task
    clock = time.perf_counter()
    staged: list[tuple[str, str]] = []
    problems: list[BaseException] = []
    staging_time = 0.0
    for (out, _), future in zip(item.outputs, futures, strict=True):
        exc = future.exception()
        if exc is None:
            tmp, seconds = future.result()
            staged.append((out, tmp))
            staging_time = max(staging_time, seconds)
        else:
            problems.append(exc)
    if not problems:
        blocked = [out for out, _ in staged if _existing_kind(out) == "directory"]
        if blocked:
            problems.append(OutputError(f"{_are_directories(blocked)} (a file cannot replace a directory)"))
    if not problems:
        with _lifeline.COMMIT:
            problem = _rename_all(staged)
        if problem is None:
            timings = dict(item.timings)
            if item.outputs:
                timings["write"] = staging_time + time.perf_counter() - clock
            done = {out for out, _ in staged} | set(item.kept)
            written = tuple(out for _fmt, out in task.targets if out is not None and out in done)
            return outcome(
                task.position,
                task.display,
                "ok",
                None,
                written,
                item.warnings,
                data=dict(item.memory),
                timings=timings,
            )
        problems.append(problem)
    for _, tmp in staged:
        _remove_staged(tmp)
    return _failed_writes(task, problems, item.warnings, item.timings)


def _rename_all(staged: Sequence[tuple[str, str]]) -> OutputError | None:
    """Rename each staged file over its output; on a failure, put every output back as it was."""
    backups: dict[str, str] = {}
    renamed: list[str] = []
    try:
        for out, tmp in staged:
            backup = _backup(out)
            if backup is not None:
                backups[out] = backup
            os.replace(tmp, out)
            _lifeline.unstage(tmp)
            renamed.append(out)
    except OSError as exc:
        failed = next(out for out, tmp in staged if out not in renamed)
        for out in renamed:
            with contextlib.suppress(OSError):
                if out in backups:
                    os.replace(backups.pop(out), out)
                else:
                    os.unlink(out)
        return OutputError(f"{failed}: cannot write: {exc.strerror or exc}")
    finally:
        for backup in backups.values():
            _remove_staged(backup)
    return None


def _backup(out: str) -> str | None:
    """A hard link to the file that ``out`` is about to replace (to restore it on a failure)."""
    try:
        if not stat.S_ISREG(os.lstat(out).st_mode):
            return None
    except OSError:
        return None
    directory, name = os.path.split(out)
    for _ in range(8):
        backup = os.path.join(directory, f".{name}.{os.urandom(4).hex()}.part")
        if not _lifeline.register_staged(backup):
            return None
        try:
            os.link(out, backup)
        except FileExistsError:
            _lifeline.unstage(backup)
            continue
        except OSError:
            # No hard links here: on a failure the new file is removed rather than the old one restored.
            _lifeline.unstage(backup)
            return None
        return backup
    return None


def _remove_staged(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
    _lifeline.unstage(path)


def _discard(staging: Sequence[_Staging | ConversionResult]) -> None:
    futures = [f for entry in staging if not isinstance(entry, ConversionResult) for f in entry[1]]
    for future in futures:
        future.cancel()
    _wait(futures)
    for future in futures:
        if not future.cancelled() and future.exception() is None:
            tmp, _ = future.result()
            if _lifeline.is_staged(tmp):
                _remove_staged(tmp)


def _failed_writes(
    task: Task, problems: Sequence[BaseException], warning_lines: tuple[str, ...], timings: Mapping[str, float]
) -> ConversionResult:
    texts: list[str] = []
    for exc in problems:
        if isinstance(exc, CommuniqueError):
            text = one_line(str(exc))
        else:
            text = one_line(f"internal error: {type(exc).__name__}: {exc} (see --debug)")
        texts.append(text)
    message = f"{task.display}: not converted, no output written: {'; '.join(texts)}"
    import traceback

    tb = "".join(traceback.format_exception(problems[0]))
    return outcome(
        task.position,
        task.display,
        "failed",
        message,
        (),
        warning_lines,
        tb,
        error=OutputError(message),
        timings=timings,
    )


def found_on_disk(task: Task) -> ConversionResult | None:
    """The outcome of an input whose worker died before reporting it, as the disk shows it.

    ``None`` when none of its outputs was written by this batch; converted when
    all were (they are renamed into place together); failed, naming what is
    there, in the rare case of a worker killed between two renames.  What was
    there before is told apart by the marks taken when the batch was planned
    (a rename always brings a new inode).
    """
    written: list[str] = []
    paths = [out for _, out in task.targets if out is not None]
    if not paths:
        return None
    for out, mark in zip(paths, task.marks, strict=False):
        try:
            st = os.lstat(out)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) != mark:
            written.append(out)
    if not written:
        return None
    if len(written) == len(paths):
        return outcome(task.position, task.display, "ok", None, tuple(written))
    message = (
        f"{task.display}: its worker process was killed while renaming its outputs into place: "
        f"only {', '.join(written)} written"
    )
    return outcome(task.position, task.display, "failed", message, tuple(written))


_WRITER: tuple[int, ThreadPoolExecutor] | None = None
_WRITE_THREADS = 8


def _writer() -> ThreadPoolExecutor:
    global _WRITER
    # Keyed by process id: a pool inherited through fork has no live threads.
    if _WRITER is None or _WRITER[0] != os.getpid():
        from concurrent.futures import ThreadPoolExecutor

        _WRITER = (os.getpid(), ThreadPoolExecutor(max_workers=_WRITE_THREADS, thread_name_prefix="communique-write"))
    return _WRITER[1]


def close_writer() -> None:
    """Wait for the writes in flight and stop the write threads of this process."""
    global _WRITER
    if _WRITER is not None and _WRITER[0] == os.getpid():
        _WRITER[1].shutdown(wait=True, cancel_futures=True)
    _WRITER = None


def _makedirs(directory: str) -> None:
    if not directory:
        return
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{directory}: cannot create the output directory: {exc.strerror or exc}") from None


def _warning_lines(task: Task, caught: Sequence[warnings.WarningMessage]) -> tuple[str, ...]:
    return tuple(one_line(f"{task.display}: {w.message}") for w in caught)


# ---------------------------------------------------------------- leftovers

STALE_AFTER = 15 * 60
"""Seconds after its last change when a hidden ``.part`` file is surely not being written."""

_PART = re.compile(r"\.(?P<target>.+)\.[a-z0-9_]{8}\.part")


def remove_stale_parts(
    directories: Iterable[str], suffixes: Iterable[str], *, older_than: float = STALE_AFTER
) -> list[str]:
    """Remove the temporary files an interrupted earlier run left in ``directories``.

    A file is removed only when it is provably a communique temporary file
    that nobody is writing: named ``.NAME.XXXXXXXX.part`` (as
    :func:`communique.write` and this batch name them) where ``NAME`` ends
    with one of the output ``suffixes``, a regular file (not a link) owned by
    this user, unchanged for ``older_than`` seconds.  Returns the paths removed.
    """
    ends = tuple(suffixes)
    limit = time.time() - older_than
    removed: list[str] = []
    for directory in sorted(set(directories)):
        removed += _remove_parts(directory, lambda target, mtime: target.endswith(ends) and mtime <= limit)
    return removed


def remove_parts_of(tasks: Iterable[Task], *, since: float) -> list[str]:
    """Remove what a killed worker had staged for ``tasks``: their outputs' ``.part`` files changed since ``since``.

    Call it once no worker of this batch is running; a task whose outcome
    was reported has no staged file left, so only lost ones matter.
    """
    names: dict[str, set[str]] = {}
    for task in tasks:
        for _, out in task.targets:
            if out is not None:
                directory, name = os.path.split(out)
                names.setdefault(directory, set()).add(name)
    removed: list[str] = []
    for directory, wanted in sorted(names.items()):
        removed += _remove_parts(directory, functools.partial(_lost_part, wanted, since))
    return removed


def _lost_part(wanted: set[str], since: float, target: str, mtime: float) -> bool:
    return target in wanted and mtime >= since


def _remove_parts(directory: str, accept: Callable[[str, float], bool]) -> list[str]:
    uid = os.getuid() if hasattr(os, "getuid") else None
    try:
        entries = sorted(os.scandir(directory or os.curdir), key=lambda e: e.name)
    except OSError:
        return []  # not created yet, or not readable: nothing of ours there
    removed: list[str] = []
    for entry in entries:
        match = _PART.fullmatch(entry.name)
        if match is None:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
            continue
        if not accept(match["target"], st.st_mtime):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(entry.path)
    return removed
