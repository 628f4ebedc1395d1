"""The four verbs: :func:`parse`, :func:`read`, :func:`render`, :func:`write`."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any, BinaryIO

from . import registry
from ._files import mkstemp
from .errors import CommuniqueError, FormatError, OptionError, OutputError, ParseError, RenderError
from .model import PressRelease
from .plugins import DEFAULT_MAX_INPUT_SIZE, convert_options, size_text

__all__ = ["from_dict", "parse", "read", "render", "to_dict", "write"]

_SNIFF_BYTES = 8192
_READ_CHUNK = 1 << 20
StrPath = str | os.PathLike[str]


def parse(data: str | bytes, format: str = "text", *, max_size: int | None = None, **options: Any) -> PressRelease:
    """Parse ``data`` (text or bytes) in the named ``format`` into a release.

    ``max_size`` overrides the format's largest accepted input (its
    ``max_size`` option; see the limits page): longer data is refused before
    the parser sees it.  Every failure is a
    :class:`~communique.errors.CommuniqueError`; ``data`` that is neither
    ``str`` nor ``bytes`` raises :class:`TypeError`.

    >>> release = parse(Path("examples/sample_fr.txt").read_text())  # doctest: +SKIP
    """
    plugin = registry.get_parser(format)
    opts, limit = _options(plugin, options, max_size)
    if isinstance(data, str):
        payload: str | bytes = data if plugin.name == "text" else _encode(data, plugin.name)
    elif isinstance(data, bytes | bytearray | memoryview):
        payload = bytes(data)
    else:
        raise TypeError(f"parse() needs str or bytes, not {type(data).__name__}")
    if len(payload) > limit:
        raise _too_large(plugin.name, limit, None)
    return _run(plugin, payload, opts)


def _options(plugin: Any, options: dict[str, Any], max_size: int | None) -> tuple[dict[str, Any], int]:
    """The parser's converted options and the input limit that applies."""
    declared = any(o.name == "max_size" for o in plugin.options)
    if max_size is not None:
        if type(max_size) is not int or max_size < 1:
            raise OptionError(f"max_size must be a positive number of bytes, not {max_size!r}")
        if declared:
            options = {**options, "max_size": max_size}
    opts = convert_options(plugin, options)
    limit = opts.get("max_size") if declared else max_size
    return opts, limit if isinstance(limit, int) and limit > 0 else DEFAULT_MAX_INPUT_SIZE


def _encode(text: str, format: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise ParseError(
            f"the text holds a lone surrogate U+{ord(text[exc.start]):04X}, which is not a character "
            "(text decoded with errors='surrogateescape'?)",
            line=line,
            format=format,
        ) from None


def _run(plugin: Any, payload: str | bytes, opts: dict[str, Any]) -> PressRelease:
    try:
        release = plugin.parse(payload, **opts)
    except CommuniqueError:
        raise
    except Exception as exc:
        # Every failure a parser knows of is a ParseError with its place; anything else is a bug,
        # reported as ours in words (the exception stays chained for --debug and bug reports).
        raise ParseError(
            f"internal error in the {plugin.name} parser: it could not read this input "
            "(a bug in communique or the plugin; --debug shows the details)",
            format=plugin.name,
        ) from exc
    if not isinstance(release, PressRelease):
        raise ParseError(f"the {plugin.name} parser returned {type(release).__name__}, not a PressRelease")
    return release


def _too_large(format: str, limit: int, source: str | None) -> ParseError:
    return ParseError(
        f"the input is larger than the {size_text(limit)} the {format} parser accepts "
        f"(raise it with max_size=, e.g. read(path, max_size={limit * 4}))",
        source=source,
        format=format,
    )


def read(
    path: StrPath | BinaryIO, format: str | None = None, *, max_size: int | None = None, **options: Any
) -> PressRelease:
    """Read a release from a file (a path, or a binary file object such as ``sys.stdin.buffer``).

    The format is ``format`` if given, else inferred from the file extension
    (``.txt`` is ``text``), else by sniffing the first bytes of the content.
    The input is read in chunks and refused one byte past the format's
    largest accepted size (``max_size``, see :func:`parse`), so ``/dev/zero``
    or an endless pipe cost no more than that.  A bad path (missing, a
    directory, a NUL character in the name) is a
    :class:`~communique.errors.ParseError`; ``path`` of another type (``None``)
    raises :class:`TypeError`.
    """
    if isinstance(path, str | os.PathLike):
        source = os.fspath(path)
        if not isinstance(source, str):
            raise TypeError(f"read() needs a str path, not {type(source).__name__}")
        if "\0" in source:
            raise ParseError("the file name contains a NUL character", source=source.replace("\0", "\\0"))
        try:
            with open(source, "rb") as handle:
                return _read_stream(handle, source, format, max_size, options)
        except FileNotFoundError:
            raise ParseError("no such file", source=source) from None
        except IsADirectoryError:
            raise ParseError("is a directory, not a file", source=source) from None
        except OSError as exc:
            raise ParseError(f"cannot read: {exc.strerror or exc}", source=source) from None
    if callable(getattr(path, "read", None)):
        name = getattr(path, "name", None)
        return _read_stream(path, name if isinstance(name, str) else None, format, max_size, options)
    raise TypeError(f"read() needs a path (str or os.PathLike) or a binary file, not {type(path).__name__}")


def _read_stream(
    handle: BinaryIO, source: str | None, format: str | None, max_size: int | None, options: dict[str, Any]
) -> PressRelease:
    head = _chunk(handle, _SNIFF_BYTES, source)
    if format is None:
        format = _infer_parser(source or "<stream>", head)
    plugin = registry.get_parser(format)
    opts, limit = _options(plugin, options, max_size)
    chunks = [head]
    size = len(head)
    while head and size <= limit:
        chunk = _chunk(handle, min(_READ_CHUNK, limit + 1 - size), source)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise _too_large(plugin.name, limit, source)
    data = b"".join(chunks)
    del chunks
    try:
        return _run(plugin, data, opts)
    except ParseError as exc:
        raise (exc.with_source(source) if source else exc) from exc.__cause__


def _chunk(handle: BinaryIO, size: int, source: str | None) -> bytes:
    data = handle.read(size)
    if isinstance(data, str):
        raise TypeError("read() needs a binary file (open it with 'rb'), not a text file")
    return bytes(data or b"")


def _infer_parser(source: str, data: bytes) -> str:
    try:
        return registry.parser_for(source)
    except FormatError as by_name:
        found = registry.sniff(data[:_SNIFF_BYTES])
        if found is None:
            raise FormatError(f"{source}: cannot tell the format from the name or the content; {by_name}") from None
        return found


def render(release: PressRelease, format: str, **options: Any) -> bytes:
    """Render ``release`` in the named ``format`` and return the bytes.

    ``options`` are the exporter's declared options (see
    ``communique formats --verbose``); unknown ones raise
    :class:`~communique.errors.OptionError`.
    """
    if not isinstance(release, PressRelease):
        raise TypeError(f"render() needs a PressRelease, not {type(release).__name__}")
    plugin = registry.get_exporter(format)
    opts = convert_options(plugin, options)
    try:
        out = plugin.render(release, **opts)
    except CommuniqueError:
        raise
    except Exception as exc:
        # As for parsers: a failure the exporter knows of is a RenderError with its place; anything
        # else is a bug, reported as ours in words (the exception stays chained for --debug).
        raise RenderError(
            f"internal error in the {plugin.name} exporter: it could not write this release "
            "(a bug in communique or the plugin; --debug shows the details)",
            format=plugin.name,
        ) from exc
    if not isinstance(out, bytes):
        raise RenderError(f"the {plugin.name} exporter returned {type(out).__name__}, not bytes", format=plugin.name)
    return out


def write(release: PressRelease, path: StrPath, format: str | None = None, **options: Any) -> None:
    """Render ``release`` and write it to ``path`` atomically.

    The format is ``format`` if given, else inferred from the extension.  The
    whole document is rendered before anything touches the disk, then written
    to a temporary file beside ``path`` and renamed over it: a failure leaves
    no partial file and an existing file intact.
    """
    target = os.fspath(path)
    _check_output_name(target)
    if format is None:
        format = registry.exporter_for(target)
    data = render(release, format, **options)
    write_bytes_atomic(target, data)


def write_bytes_atomic(path: StrPath, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    _check_output_name(os.fspath(path))
    target = Path(path)
    directory = target.parent
    try:
        fd, tmp = mkstemp(directory, f".{target.name}.", ".part")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
        raise


def _check_output_name(target: str) -> None:
    if "\0" in target:
        raise OutputError(f"{target.replace(chr(0), chr(92) + '0')}: the file name contains a NUL character")


_MODE: int | None = None
_MODE_LOCK = threading.Lock()


def file_mode() -> int:
    """The permission bits of a new output file: ``0o666`` less the process umask, found once.

    The umask is read from ``/proc/self/status`` where there is one; elsewhere it
    is read the only portable way (set and set back), once per process, before
    any write: never on every write, where another thread could create a file
    in between with no umask at all.
    """
    global _MODE
    with _MODE_LOCK:
        if _MODE is None:
            _MODE = 0o666 & ~_read_umask()
        return _MODE


def _read_umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def to_dict(release: PressRelease) -> dict[str, Any]:
    """The release as plain JSON-ready data: the canonical JSON form (``$schema`` and ``schema_version`` first).

    ``json.dumps(to_dict(r))`` holds what ``render(r, "json")`` writes; :func:`from_dict` reads it back.
    """
    from ._serialize import to_dict as unstructure

    if not isinstance(release, PressRelease):
        raise TypeError(f"to_dict() needs a PressRelease, not {type(release).__name__}")
    return unstructure(release)


def from_dict(data: Any) -> PressRelease:
    """Build a release from :func:`to_dict` data, validated like the ``json`` parser's input.

    Raises :class:`~communique.errors.ParseError` naming the JSON path of the first problem.
    """
    from ._serialize import from_dict as structure

    return structure(data)
