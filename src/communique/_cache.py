"""communique's on-disk cache: where it lives, and reading or writing one file of it.

The cache only ever saves work; nothing depends on it.  A missing, unreadable,
corrupt or unwritable cache is the same as an empty one: reading it returns
``None``, writing it does nothing, and neither raises.  Files are written
atomically (a temporary file in the same folder, then :func:`os.replace`), so
two processes writing at once leave one whole file, never a mixture.

Where: ``$COMMUNIQUE_CACHE_DIR`` when set; otherwise the platform's user cache
folder — ``$XDG_CACHE_HOME/communique`` (default ``~/.cache/communique``),
``~/Library/Caches/communique`` on macOS, ``%LOCALAPPDATA%\\communique\\Cache``
on Windows.  Setting ``COMMUNIQUE_NO_CACHE`` to anything but an empty string
turns the cache off.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "cache_dir", "read_bytes", "write_bytes"]

CACHE_DIR_ENV = "COMMUNIQUE_CACHE_DIR"
NO_CACHE_ENV = "COMMUNIQUE_NO_CACHE"

# A cache file larger than this is not ours (or is damaged): it is not read.
_MAX_SIZE = 8 * 1024 * 1024


def cache_dir() -> str | None:
    """The cache folder (which may not exist yet), or ``None`` when the cache is off or has no home."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    given = os.environ.get(CACHE_DIR_ENV)
    if given:
        return given
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return os.path.join(base, "communique", "Cache") if base else None
    home = os.path.expanduser("~")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "communique")
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG specification: a relative path is invalid and must be ignored.
    base = xdg if os.path.isabs(xdg) else os.path.join(home, ".cache")
    if not os.path.isabs(base):  # no home directory to speak of
        return None
    return os.path.join(base, "communique")


def read_bytes(name: str) -> bytes | None:
    """The content of the cache file ``name``, or ``None`` (no cache, no such file, unreadable, too large)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read(_MAX_SIZE + 1)
    except (OSError, ValueError):
        return None
    return data if len(data) <= _MAX_SIZE else None


def write_bytes(name: str, data: bytes) -> bool:
    """Replace the cache file ``name`` with ``data``, atomically; whether it was written (never raises)."""
    folder = cache_dir()
    if folder is None or len(data) > _MAX_SIZE:
        return False
    path = os.path.join(folder, name)
    tmp = f"{path}.{os.getpid()}-{threading.get_ident()}.tmp"
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True
