"""The stop signals of a run (``communique.batch._lifeline``): a Ctrl-C is a request to stop, never a traceback."""

from __future__ import annotations

import signal
import subprocess
import sys
import types

import pytest

from communique.batch._lifeline import Interrupted, StopSignals


def _unraisable(exc: BaseException) -> types.SimpleNamespace:
    return types.SimpleNamespace(exc_type=type(exc), exc_value=exc, exc_traceback=None, err_msg=None, object=None)


def test_a_stop_signal_raised_inside_a_finalizer_is_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[object] = []
    before = sys.unraisablehook
    sys.unraisablehook = lambda info: seen.append(info.exc_value)
    try:
        with StopSignals().installed():
            # What Python does with an exception a __del__ raises (a ZipFile's, when Ctrl-C lands in it).
            sys.unraisablehook(_unraisable(Interrupted(signal.SIGINT)))
            other = ValueError("a finalizer's own bug")
            sys.unraisablehook(_unraisable(other))
        assert seen == [other]  # the stop request is recorded by the handler, not printed; the rest is
    finally:
        sys.unraisablehook = before
    assert sys.unraisablehook is before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_ctrl_c_after_the_run_is_decided_prints_no_traceback() -> None:
    # The console script ignores Ctrl-C once it has reported its outcome (the interpreter's teardown).
    code = (
        "import os, signal, sys\n"
        "from communique.cli import _app\n"
        "_app._quiet_exit()\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "print('still here')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "still here" and "Traceback" not in done.stderr
