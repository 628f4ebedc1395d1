"""Shared test set-up: make tests/strategies.py importable and locate the shared folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(TESTS))


@pytest.fixture
def shared() -> Path:
    """The ``../shared`` folder beside the repository; the test skips when it is absent (a user's clone)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the repository")
    return SHARED


@pytest.fixture
def sample_path() -> Path:
    """The bundled founding sample (examples/sample_fr.txt)."""
    return REPO / "examples" / "sample_fr.txt"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """communique's on-disk cache goes to a folder of the test session, not the user's (subprocesses too)."""
    import os

    os.environ["COMMUNIQUE_CACHE_DIR"] = str(tmp_path_factory.mktemp("communique-cache"))
    os.environ.pop("COMMUNIQUE_NO_CACHE", None)
