"""The four verbs: :func:`parse`, :func:`read`, :func:`render`, :func:`write`."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from . import registry
from .errors import CommuniqueError, FormatError, OutputError, ParseError, RenderError
from .model import PressRelease
from .plugins import convert_options

__all__ = ["parse", "read", "render", "write"]

_SNIFF_BYTES = 8192
StrPath = str | os.PathLike[str]


def parse(data: str | bytes, format: str = "text", **options: Any) -> PressRelease:
    """Parse ``data`` (text or bytes) in the named ``format`` into a release.

    >>> release = parse(Path("examples/sample_fr.txt").read_text())  # doctest: +SKIP
    """
    plugin = registry.get_parser(format)
    opts = convert_options(plugin, options)
    if isinstance(data, str) and format != "text":
        payload: str | bytes = data.encode("utf-8")
    else:
        payload = data
    try:
        release = plugin.parse(payload, **opts)  # type: ignore[arg-type]
    except CommuniqueError:
        raise
    except Exception as exc:
        # A parser bug or a library error must still reach the user as ours.
        raise ParseError(f"the {plugin.name} parser failed: {type(exc).__name__}: {exc}", format=plugin.name) from exc
    if not isinstance(release, PressRelease):
        raise ParseError(f"the {plugin.name} parser returned {type(release).__name__}, not a PressRelease")
    return release


def read(path: StrPath, format: str | None = None, **options: Any) -> PressRelease:
    """Read a release from a file.

    The format is ``format`` if given, else inferred from the file extension
    (``.txt`` is ``text``), else by sniffing the first bytes of the content.
    """
    source = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ParseError("no such file", source=source) from None
    except IsADirectoryError:
        raise ParseError("is a directory, not a file", source=source) from None
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror or exc}", source=source) from None
    if format is None:
        format = _infer_parser(source, data)
    try:
        return parse(data, format, **options)
    except ParseError as exc:
        raise exc.with_source(source) from exc.__cause__


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
        raise RenderError(
            f"the {plugin.name} exporter failed: {type(exc).__name__}: {exc}", format=plugin.name
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
    if format is None:
        format = registry.exporter_for(target)
    data = render(release, format, **options)
    write_bytes_atomic(target, data)


def write_bytes_atomic(path: StrPath, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    directory = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
