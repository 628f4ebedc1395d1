"""Fixtures of the command-line tests (helpers live in ``cli_support``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from communique.cli import cli

# The suite imports test modules with --import-mode=importlib: make ``cli_support`` importable.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def invoke() -> Callable[..., Result]:
    """Run ``communique ARGS...`` in-process; stdout and stderr are captured separately."""

    def run(*args: str | os.PathLike[str], input: bytes | str | None = None) -> Result:
        # A wide terminal, so that rich does not wrap table cells across lines.
        return CliRunner(env={"COLUMNS": "250"}).invoke(
            cli, [os.fspath(a) for a in args], input=input, catch_exceptions=False
        )

    return run
