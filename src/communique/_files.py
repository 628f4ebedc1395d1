"""Creating a private temporary file beside its destination, without importing :mod:`tempfile`.

``tempfile`` brings ``shutil``, ``random``, ``fnmatch`` and more (about 5 ms
of a one-file conversion) for the one function communique uses; this is that
function: a new file, created exclusively (``O_EXCL``), readable and writable
by its owner only, under a random name of eight
lower-case hexadecimal digits (what the clean-up of stale ``.part`` files matches,
see ``communique.batch._core``).
"""

from __future__ import annotations

import os
import sys

__all__ = ["mkstemp"]

_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_ATTEMPTS = 100


def mkstemp(directory: str | os.PathLike[str], prefix: str, suffix: str) -> tuple[int, str]:
    """Create ``directory/<prefix><random><suffix>``; return its descriptor and path (as :func:`tempfile.mkstemp`).

    Raises :class:`OSError` when the directory refuses the file, or
    :class:`FileExistsError` when every name tried was taken.
    """
    folder = os.fspath(directory)
    for _ in range(_ATTEMPTS):
        path = os.path.join(folder, f"{prefix}{os.urandom(4).hex()}{suffix}")
        try:
            return os.open(path, _FLAGS, 0o600), os.path.abspath(path)
        except FileExistsError:
            continue
        except PermissionError:
            # Windows reports a directory of that name this way.
            if sys.platform == "win32" and os.path.isdir(folder) and os.access(folder, os.W_OK):
                continue
            raise
    raise FileExistsError(f"no free temporary file name in {folder}")
