"""Planning and running a conversion batch, free of click and rich.

The parent process turns the command line into a :class:`Plan` (which input
goes to which output files), deciding up front everything that does not need
the file's content: unknown inputs, outputs that would overwrite an input or
collide with each other, outputs that already exist.  What remains are
:class:`Task` tuples, small and picklable, that :func:`run_task` executes in
this process or in a worker process.  Outputs are a function of the input
alone, so the result is byte-identical whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import traceback
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Literal, NamedTuple

from .. import api, registry
from ..errors import CommuniqueError, ParseError, PluginError

Status = Literal["converted", "failed", "skipped"]


class Task(NamedTuple):
    """One input file and the outputs to make from it (sent to worker processes)."""

    position: int
    source: str
    """The path to read."""
    display: str
    """The path as the user should see it in messages."""
    parser: str | None
    """Parser name (``--from`` or found from the extension), ``None`` to infer it."""
    targets: tuple[tuple[str, str], ...]
    """``(format, output path)`` pairs, in the order the formats were asked for."""
    options: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    """Exporter options per format, as ``-O`` gave them (strings; the API converts them)."""
    overwrite: bool
    debug: bool


class Outcome(NamedTuple):
    """What happened to one input."""

    position: int
    display: str
    status: Status
    message: str | None = None
    """One line for the user; ``None`` when converted."""
    written: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    traceback: str | None = None
    """The formatted traceback of an unexpected failure, only with ``--debug``."""


class Source(NamedTuple):
    """An input file found on the command line or under a directory."""

    path: str
    display: str
    out_dir: str
    """Directory that receives this input's outputs."""
    stem: str
    parser: str | None


class Plan(NamedTuple):
    """Every input in order: either a task to run or an outcome already decided."""

    items: tuple[Task | Outcome, ...]

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
    # attributed to whichever file happened to trigger the lookup.
    registry.sniff(b"")
    table: dict[str, str] = {}
    for info in registry.formats("parser"):
        if info.error is not None or info.shadowed_by is not None:
            continue
        for ext in info.extensions:
            table.setdefault(ext.lower(), info.name)
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


def discover(
    inputs: Iterable[str],
    *,
    out_dir: str | None,
    parser: str | None,
    extensions: Mapping[str, str],
) -> Iterator[Source | Outcome]:
    """Expand files and directories into sources, in a stable order.

    Directories are walked recursively (sorted, hidden entries skipped) for
    files with a known extension; the output tree mirrors the input tree.
    The output directory itself is never walked, so converting a folder into
    a sub-folder of itself twice does not convert the outputs.
    """
    skip = os.path.realpath(out_dir) if out_dir is not None else None
    for given in inputs:
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
                    target_dir = root if out_dir is None else os.path.normpath(os.path.join(out_dir, rel))
                    yield Source(path, path, target_dir, name[: -len(ext)], parser or extensions[ext])
            if not found:
                yield Outcome(0, given, "skipped", f"{given}: no file with a known extension ({_known(extensions)})")
        else:
            name = os.path.basename(given)
            ext = match_extension(name, extensions)
            target_dir = out_dir if out_dir is not None else (os.path.dirname(given) or os.curdir)
            yield Source(
                given, given, target_dir, stem_of(name, extensions), parser or (extensions[ext] if ext else None)
            )


def _known(extensions: Mapping[str, str]) -> str:
    return ", ".join(sorted(extensions)) or "none"


def make_plan(
    sources: Iterable[Source | Outcome],
    *,
    suffixes: Mapping[str, str],
    options: Mapping[str, Mapping[str, str]],
    overwrite: bool,
    debug: bool,
) -> Plan:
    """Decide every output name and refuse what cannot be done safely.

    An input fails here when it is missing, when an output would replace an
    input file, or when two inputs would write the same output; it is skipped
    when an output exists and ``overwrite`` is off.
    """
    listed = [s for s in sources]
    inputs: set[str] = set()
    inodes: set[tuple[int, int]] = set()
    for s in listed:
        if isinstance(s, Source):
            inputs.add(_key(s.path))
            try:
                st = os.stat(s.path)
            except OSError:
                continue
            inodes.add((st.st_dev, st.st_ino))
    seen_inputs: set[str] = set()
    claimed: dict[str, str] = {}
    option_items = tuple((fmt, tuple(sorted(opts.items()))) for fmt, opts in options.items() if opts)
    items: list[Task | Outcome] = []
    for s in listed:
        index = len(items)
        if isinstance(s, Outcome):
            items.append(s._replace(position=index))
            continue
        key = _key(s.path)
        if key in seen_inputs:
            continue  # the same file named twice (or a file and its folder): convert it once
        seen_inputs.add(key)
        problem = _check_input(s)
        targets = tuple((fmt, os.path.join(s.out_dir, s.stem + suffix)) for fmt, suffix in suffixes.items())
        existing: list[str] = []
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
            elif os.path.lexists(out):
                existing.append(out)
        if problem is not None:
            items.append(Outcome(index, s.display, "failed", problem))
            continue
        for _fmt, out in targets:
            claimed[_key(out)] = s.display
        if existing and not overwrite:
            message = f"{s.display}: not converted: {_exist(existing)} (use --overwrite to replace)"
            items.append(Outcome(index, s.display, "skipped", message))
            continue
        items.append(Task(index, s.path, s.display, s.parser, targets, option_items, overwrite, debug))
    return Plan(tuple(items))


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
    if not os.path.lexists(s.path):
        return f"{s.display}: no such file or directory"
    if os.path.isdir(s.path):
        return f"{s.display}: is a directory"
    return None


# ---------------------------------------------------------------- running


def init_worker(formats: Sequence[str]) -> None:
    """Prepare a worker process: ignore Ctrl-C and load the plugins once.

    The parent handles Ctrl-C: it stops handing out work and lets the files
    in progress finish, so no worker dies half-way through a write.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
    warnings: tuple[str, ...]


def run_task(task: Task) -> Outcome:
    """Convert one input (see :func:`run_chunk`)."""
    return run_chunk([task])[0]


def run_chunk(tasks: Sequence[Task]) -> list[Outcome]:
    """Convert a few inputs: read and render each, write every output atomically.

    Each input is rendered in every format before any of its files is
    written, so an input that fails in one format leaves no output at all.
    The writes go through a small thread pool: each atomic write ends with an
    ``fsync``, and overlapping them lets the file system commit them together
    (about ten times faster than one after the other on ext4), while each
    file is still complete or absent.
    """
    prepared = [_prepare(task) for task in tasks]
    writer = _writer()
    submitted: list[tuple[_Rendered, list[Future[None]]] | Outcome] = []
    try:
        for item in prepared:
            if isinstance(item, Outcome):
                submitted.append(item)
                continue
            directories = {os.path.dirname(out) for out, _ in item.outputs}
            futures = [writer.submit(_write, out, data, directories) for out, data in item.outputs]
            submitted.append((item, futures))
        return [_finish(entry) for entry in submitted]
    except BaseException:
        # Ctrl-C (in the single-process mode): writes not started are dropped,
        # the ones in flight finish (they are atomic), then the interrupt goes on.
        for entry in submitted:
            if not isinstance(entry, Outcome):
                for future in entry[1]:
                    future.cancel()
        raise


def _prepare(task: Task) -> _Rendered | Outcome:
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            release = api.read(task.source, task.parser)
            options = dict(task.options)
            outputs = tuple((out, api.render(release, fmt, **dict(options.get(fmt, ())))) for fmt, out in task.targets)
    except CommuniqueError as exc:
        tb = traceback.format_exc() if task.debug else None
        message = describe(exc, task.display)
        return Outcome(task.position, task.display, "failed", message, (), _warning_lines(task, caught), tb)
    except Exception as exc:
        tb = traceback.format_exc() if task.debug else None
        message = one_line(f"{task.display}: internal error: {type(exc).__name__}: {exc} (see --debug)")
        return Outcome(task.position, task.display, "failed", message, traceback=tb)
    lines = _warning_lines(task, caught)
    if not task.overwrite:
        # Checked again here: the file may have appeared since the batch was planned.
        existing = [out for out, _ in outputs if os.path.lexists(out)]
        if existing:
            message = f"{task.display}: not converted: {_exist(existing)} (use --overwrite to replace)"
            return Outcome(task.position, task.display, "skipped", message, warnings=lines)
    return _Rendered(task, outputs, lines)


def _write(path: str, data: bytes, directories: set[str]) -> None:
    for directory in directories:
        _makedirs(directory)
    api.write_bytes_atomic(path, data)


def _finish(entry: tuple[_Rendered, list[Future[None]]] | Outcome) -> Outcome:
    if isinstance(entry, Outcome):
        return entry
    item, futures = entry
    task = item.task
    written: list[str] = []
    problems: list[BaseException] = []
    for (out, _), future in zip(item.outputs, futures, strict=True):
        exc = future.exception()
        if exc is None:
            written.append(out)
        else:
            problems.append(exc)
    if problems:
        exc = problems[0]
        if isinstance(exc, CommuniqueError):
            message = describe(exc, task.display)
        else:
            message = one_line(f"{task.display}: internal error: {type(exc).__name__}: {exc} (see --debug)")
        tb = "".join(traceback.format_exception(exc)) if task.debug else None
        return Outcome(task.position, task.display, "failed", message, tuple(written), item.warnings, tb)
    return Outcome(task.position, task.display, "converted", None, tuple(written), item.warnings)


_WRITER: tuple[int, ThreadPoolExecutor] | None = None
_WRITE_THREADS = 8


def _writer() -> ThreadPoolExecutor:
    global _WRITER
    # Keyed by process id: a pool inherited through fork has no live threads.
    if _WRITER is None or _WRITER[0] != os.getpid():
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
        from ..errors import OutputError

        raise OutputError(f"{directory}: cannot create the output directory: {exc.strerror or exc}") from None


def _warning_lines(task: Task, caught: Sequence[warnings.WarningMessage]) -> tuple[str, ...]:
    return tuple(one_line(f"{task.display}: {w.message}") for w in caught)
