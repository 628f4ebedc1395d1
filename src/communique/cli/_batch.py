"""Planning and running a conversion batch, free of click and rich.

The parent process turns the command line into a :class:`Plan` (which input
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

import concurrent.futures
import contextlib
import functools
import os
import re
import secrets
import signal
import stat
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from .. import api, registry
from ..errors import CommuniqueError, OutputError, ParseError, PluginError
from . import _lifeline

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event as Draining

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
    walked: bool = False
    """Found by walking a directory (rather than named on the command line)."""


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
    a sub-folder of itself twice does not convert the outputs.  Only regular
    files found there are inputs: a FIFO, socket or device with a known
    extension is skipped, and said so (reading it could block for ever).
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
                    kind = special_kind(path)
                    if kind is not None:
                        yield Outcome(0, path, "skipped", f"{path}: skipped: {kind}, not a regular file")
                        continue
                    target_dir = root if out_dir is None else os.path.normpath(os.path.join(out_dir, rel))
                    yield Source(path, path, target_dir, name[: -len(ext)], parser or extensions[ext], walked=True)
            if not found:
                yield Outcome(0, given, "skipped", f"{given}: no file with a known extension ({_known(extensions)})")
        else:
            name = os.path.basename(given)
            ext = match_extension(name, extensions)
            target_dir = out_dir if out_dir is not None else (os.path.dirname(given) or os.curdir)
            yield Source(
                given, given, target_dir, stem_of(name, extensions), parser or (extensions[ext] if ext else None)
            )


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
    return input_problem(s.path, s.display)


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
    warnings: tuple[str, ...]


_Staging = tuple[_Rendered, list[Future[str]]]


def run_task(task: Task) -> Outcome:
    """Convert one input (see :func:`run_chunk`)."""
    return run_chunk([task])[0]


def run_chunk(
    tasks: Sequence[Task],
    *,
    done: list[Outcome] | None = None,
    shield: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> list[Outcome]:
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
    writer = _writer()
    staging: list[_Staging | Outcome] = []
    try:
        for item in prepared:
            if isinstance(item, Outcome):
                staging.append(item)
                continue
            directories = {os.path.dirname(out) for out, _ in item.outputs}
            futures = [writer.submit(_stage, out, data, directories) for out, data in item.outputs]
            staging.append((item, futures))
        concurrent.futures.wait([f for entry in staging if not isinstance(entry, Outcome) for f in entry[1]])
        with shield():
            for entry in staging:
                outcomes.append(entry if isinstance(entry, Outcome) else _commit(*entry))
    except BaseException:
        # Ctrl-C (in the single-process mode): staging not started is dropped,
        # the staging in flight finishes, and every staged file not renamed
        # into place is removed; then the interrupt goes on.
        _discard(staging)
        raise
    return outcomes


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


def _stage(path: str, data: bytes, directories: set[str]) -> str:
    """Write ``data`` in full to a hidden temporary file beside ``path``; return its name."""
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
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException as exc:
        _remove_staged(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    return tmp


def _commit(item: _Rendered, futures: Sequence[Future[str]]) -> Outcome:
    """Rename an input's staged files into place, all of them or none."""
    task = item.task
    staged: list[tuple[str, str]] = []
    problems: list[BaseException] = []
    for (out, _), future in zip(item.outputs, futures, strict=True):
        exc = future.exception()
        if exc is None:
            staged.append((out, future.result()))
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
            written = tuple(out for out, _ in staged)
            return Outcome(task.position, task.display, "converted", None, written, item.warnings)
        problems.append(problem)
    for _, tmp in staged:
        _remove_staged(tmp)
    return _failed_writes(task, problems, item.warnings)


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
        backup = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.part")
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


def _discard(staging: Sequence[_Staging | Outcome]) -> None:
    futures = [f for entry in staging if not isinstance(entry, Outcome) for f in entry[1]]
    for future in futures:
        future.cancel()
    concurrent.futures.wait(futures)
    for future in futures:
        if not future.cancelled() and future.exception() is None:
            tmp = future.result()
            if _lifeline.is_staged(tmp):
                _remove_staged(tmp)


def _failed_writes(task: Task, problems: Sequence[BaseException], warning_lines: tuple[str, ...]) -> Outcome:
    texts: list[str] = []
    for exc in problems:
        if isinstance(exc, CommuniqueError):
            text = one_line(str(exc))
        else:
            text = one_line(f"internal error: {type(exc).__name__}: {exc} (see --debug)")
        texts.append(text)
    message = f"{task.display}: not converted, no output written: {'; '.join(texts)}"
    tb = "".join(traceback.format_exception(problems[0])) if task.debug else None
    return Outcome(task.position, task.display, "failed", message, (), warning_lines, tb)


Mark = tuple[int, int] | None


def output_marks(tasks: Iterable[Task]) -> dict[str, Mark]:
    """The identity (device, inode) of every planned output before the batch, ``None`` if absent.

    Taken before the work starts, so that :func:`found_on_disk` can tell the
    files this batch wrote from the ones that were there (a rename always
    brings a new inode).
    """
    marks: dict[str, Mark] = {}
    for task in tasks:
        for _, out in task.targets:
            try:
                st = os.lstat(out)
            except (OSError, ValueError):
                marks[out] = None
            else:
                marks[out] = (st.st_dev, st.st_ino)
    return marks


def found_on_disk(task: Task, marks: Mapping[str, Mark]) -> Outcome | None:
    """The outcome of an input whose worker died before reporting it, as the disk shows it.

    ``None`` when none of its outputs was written by this batch; converted when
    all were (they are renamed into place together); failed, naming what is
    there, in the rare case of a worker killed between two renames.
    """
    written: list[str] = []
    for _, out in task.targets:
        try:
            st = os.lstat(out)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) != marks.get(out):
            written.append(out)
    if not written:
        return None
    if len(written) == len(task.targets):
        return Outcome(task.position, task.display, "converted", None, tuple(written))
    message = (
        f"{task.display}: its worker process was killed while renaming its outputs into place: "
        f"only {', '.join(written)} written"
    )
    return Outcome(task.position, task.display, "failed", message, tuple(written))


_WRITER: tuple[int, ThreadPoolExecutor] | None = None
_WRITE_THREADS = 8


def _writer() -> ThreadPoolExecutor:
    global _WRITER
    # Keyed by process id: a pool inherited through fork has no live threads.
    if _WRITER is None or _WRITER[0] != os.getpid():
        _umask()  # read once, before any write thread runs (reading it means setting it)
        _WRITER = (os.getpid(), ThreadPoolExecutor(max_workers=_WRITE_THREADS, thread_name_prefix="communique-write"))
    return _WRITER[1]


def close_writer() -> None:
    """Wait for the writes in flight and stop the write threads of this process."""
    global _WRITER
    if _WRITER is not None and _WRITER[0] == os.getpid():
        _WRITER[1].shutdown(wait=True, cancel_futures=True)
    _WRITER = None


_UMASK: int | None = None
_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    global _UMASK
    with _UMASK_LOCK:
        if _UMASK is None:
            _UMASK = os.umask(0)
            os.umask(_UMASK)
        return _UMASK


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
