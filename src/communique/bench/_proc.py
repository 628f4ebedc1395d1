"""The environment of the child processes the benchmark starts (CLI, start-up probes).

An installed communique has its bytecode compiled (pip writes ``.pyc`` files);
a development environment may forbid writing them (``PYTHONDONTWRITEBYTECODE``),
and every fresh process would then compile every module again, which is not
what a user's start-up costs.  Child processes therefore get a private
bytecode cache in a temporary directory (``PYTHONPYCACHEPREFIX``): the first
run fills it, the timed runs read it, and the working tree is left untouched.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

__all__ = ["bytecode_note", "child_env"]

_CACHE: str | None = None


def child_env() -> dict[str, str]:
    """``os.environ`` with bytecode caching enabled in a private, temporary cache."""
    global _CACHE
    if _CACHE is None:
        _CACHE = tempfile.mkdtemp(prefix="communique-bench-pycache-")
        atexit.register(shutil.rmtree, _CACHE, True)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _CACHE
    return env


def bytecode_note() -> str:
    """What the JSON records about bytecode caching in this environment."""
    if sys.flags.dont_write_bytecode:
        return "PYTHONDONTWRITEBYTECODE is set here; child processes use a private bytecode cache instead"
    return "child processes use a private bytecode cache"
