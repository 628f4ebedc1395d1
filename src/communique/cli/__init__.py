"""The ``communique`` command: convert, show, validate and list formats.

A thin shell over the public API (:func:`communique.read`,
:func:`communique.render`, :mod:`communique.registry`).  The console script
``communique`` and ``python -m communique`` both call :func:`main`.
"""

from __future__ import annotations

from . import _convert, _inspect  # noqa: F401 - importing registers the commands
from ._app import cli, main

__all__ = ["cli", "main"]
