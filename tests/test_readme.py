"""The README's Python example runs and prints what its comments say."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def _promised(code: str) -> list[str]:
    """What the comments say is printed: the comment of a top-level print(), and the lines after '# prints:'."""
    promised: list[str] = []
    listing = False
    for line in code.splitlines():
        if line.startswith("print(") and "  # " in line:
            promised.append(line.rsplit("  # ", 1)[1].strip())
        elif line == "# prints:":
            listing = True
        elif listing and line.startswith("# "):
            promised.append(line[2:])
        else:
            listing = False
    return promised


def test_the_readme_python_example_prints_what_it_says(tmp_path: Path) -> None:
    code = _example()
    # From a copy of the checkout's examples/, so that release.pdf and out/ do not land in the repository.
    shutil.copytree(REPO / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("__pycache__", ".*"))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, encoding="utf-8", timeout=120, env=env
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == _promised(code)
    assert len(_promised(code)) == 6
    assert (tmp_path / "release.pdf").stat().st_size > 0
