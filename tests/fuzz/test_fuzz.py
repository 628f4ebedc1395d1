"""The fuzz harness (issue 15): byte mutations of every format's rendered sample through ``parse``.

Every mutant must give a release or a :class:`~communique.errors.CommuniqueError`
in communique's words (no "internal error" wrapping of a Python exception),
each within a time bound, the whole run within an RSS bound.  Seeds are fixed,
so a failure is reproduced by running ``fuzzer.py`` with the reported
arguments; the failing inputs are kept in pytest's temporary directory.

The total time is bounded by ``COMMUNIQUE_FUZZ_SECONDS`` (default 30 s, CI
runs 60 s), split evenly between the formats.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FORMATS = ("text", "json", "xml", "nitf", "newsml", "docx", "pdf")
SEED = 20260115
CASES = 100_000  # the time budget, not this count, ends a run
CASE_SECONDS = 5.0  # generous: measured slowest cases are well under 1 s
PEAK_RSS_MB = 300  # measured: 34 MB (text) to 60 MB (pdf), libraries loaded
TOTAL_SECONDS = float(os.environ.get("COMMUNIQUE_FUZZ_SECONDS", "30"))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_mutants_fail_only_with_our_errors_in_bounded_time_and_memory(fmt: str, tmp_path: Path) -> None:
    seconds = TOTAL_SECONDS / len(FORMATS)
    fuzzer = Path(__file__).with_name("fuzzer.py")
    args = [sys.executable, str(fuzzer), fmt, str(SEED), str(CASES), str(seconds), str(CASE_SECONDS), str(tmp_path)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 120, env={**os.environ})
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(report, indent=1))
    assert report["cases"] > 0
    assert report["failures"] == [], "\n".join(
        f"{f['case']}: {f['mutation']}: {f['problem']} ({f['input']})" for f in report["failures"][:20]
    )
    assert report["slowest"][0] < CASE_SECONDS
    assert report["peak_rss_mb"] < PEAK_RSS_MB
