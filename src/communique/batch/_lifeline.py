"""Stopping a batch without losing or leaving anything: signals, parent death, staged files.

Every output of an input is first *staged* (written in full to a hidden
``.NAME.XXXXXXXX.part`` file beside it, see :func:`stage_file`) and then
*committed* (renamed into place) with :data:`COMMIT` held.  Whatever stops a
process — Ctrl-C or SIGTERM in the parent, SIGTERM or the death of the parent
in a worker — lets a commit in progress finish and removes the staged files,
so every input ends with all its outputs or none.

In the parent, :class:`StopSignals` turns SIGINT and SIGTERM into
:class:`Interrupted` (a :class:`KeyboardInterrupt`), except inside
:meth:`StopSignals.shield`, where the signal is only recorded and acted on at
the next :meth:`StopSignals.check`.  In a worker, :func:`guard_worker` makes
the process exit (through :func:`abandon`) when its parent dies or when it
receives SIGTERM: it never goes on converting for nobody.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from .._files import mkstemp

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event as Draining

COMMIT = threading.Lock()
"""Held while an input's staged files are renamed into place."""

_staged_lock = threading.Lock()
_staged: set[str] = set()
_abandoned = False

EXIT_PARENT_GONE = 1


class Abandoned(Exception):
    """The process is exiting: nothing new may be staged."""


# ---------------------------------------------------------------- staged files


def stage_file(directory: str, name: str) -> tuple[int, str]:
    """Create the hidden temporary file that will become ``directory/name``: ``(fd, path)``.

    The file is registered until :func:`unstage`, so that :func:`abandon` can
    remove it.  Raises :class:`OSError` when the directory refuses it.
    """
    with _staged_lock:
        if _abandoned:
            raise Abandoned
        fd, path = mkstemp(directory, f".{name}.", ".part")
        _staged.add(path)
    return fd, path


def register_staged(path: str) -> bool:
    """Register a staged file made otherwise (a backup link); ``False`` if the process is exiting."""
    with _staged_lock:
        if _abandoned:
            return False
        _staged.add(path)
        return True


def unstage(path: str) -> None:
    """Forget a staged file (it was renamed into place or removed)."""
    with _staged_lock:
        _staged.discard(path)


def is_staged(path: str) -> bool:
    with _staged_lock:
        return path in _staged


def abandon(code: int) -> NoReturn:
    """Exit this process now, after the commit in progress, removing every staged file."""
    global _abandoned
    with COMMIT:
        with _staged_lock:
            _abandoned = True
            staged = sorted(_staged)
            _staged.clear()
        for path in staged:
            with contextlib.suppress(OSError):
                os.unlink(path)
        os._exit(code)


# ---------------------------------------------------------------- workers


DRAIN_WAIT = 0.5
"""Seconds a worker sent SIGTERM waits to learn whether its parent is stopping the batch itself."""


def guard_worker(draining: Draining | None = None) -> None:
    """Make this worker process exit when its parent dies or when it is sent SIGTERM.

    The parent's death is seen through :func:`multiprocessing.parent_process`'s
    sentinel (a pipe whose other end only the parent holds open): it becomes
    ready when the parent is gone, whatever killed it, SIGKILL included.

    SIGTERM sent to the whole process group (a service manager stopping the
    command) reaches the parent too: when the parent sets ``draining`` soon
    after, the worker leaves the stopping to it (it finishes the chunk it is
    converting, which the parent counts) rather than dying with that chunk.
    """
    signal.signal(signal.SIGTERM, functools.partial(_worker_sigterm, draining))
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel
    threading.Thread(target=_watch, args=(sentinel,), name="communique-lifeline", daemon=True).start()


def _watch(sentinel: int) -> None:
    import multiprocessing.connection

    multiprocessing.connection.wait([sentinel])
    abandon(EXIT_PARENT_GONE)


def _worker_sigterm(draining: Draining | None, signum: int, frame: FrameType | None) -> None:
    # Not abandon() here: the main thread may hold COMMIT; a thread waits for it.
    threading.Thread(target=_stop_worker, args=(draining, signum), daemon=True).start()


def _stop_worker(draining: Draining | None, signum: int) -> None:
    import multiprocessing

    parent = multiprocessing.parent_process()
    if draining is not None and draining.wait(DRAIN_WAIT) and parent is not None and parent.is_alive():
        return  # the parent stops the batch and will shut this worker down (or die, and _watch sees it)
    abandon(128 + signum)


# ---------------------------------------------------------------- the parent


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM was received: stop, report and exit with 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopSignals:
    """SIGINT and SIGTERM as a request to stop, honoured at safe points."""

    def __init__(self, on_signal: Callable[[], object] | None = None) -> None:
        self.received: int | None = None
        self.on_signal = on_signal
        """Called (in the main thread) when a signal arrives, before anything else."""
        self._shielded = 0

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.on_signal is not None:
            self.on_signal()
        if self.received is None:
            self.received = signum
        if not self._shielded:
            raise Interrupted(signum)

    @contextlib.contextmanager
    def shield(self) -> Iterator[None]:
        """Within this block a signal is recorded, not raised (see :meth:`check`)."""
        self._shielded += 1
        try:
            yield
        finally:
            self._shielded -= 1

    def check(self) -> None:
        """Raise :class:`Interrupted` if a signal was received (outside a shield)."""
        if self.received is not None and not self._shielded:
            raise Interrupted(self.received)

    @contextlib.contextmanager
    def installed(self) -> Iterator[StopSignals]:
        """Handle the stop signals in this block (only in the main thread; elsewhere a no-op)."""
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        previous = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
        hook = sys.unraisablehook

        def unraisable(info: Any) -> None:
            # A signal that arrives while a finalizer runs (a ZipFile's __del__) is raised inside it, where
            # Python can only print it ("Exception ignored in …"). It is recorded (``received``), and the
            # next safe point stops the run: nothing is lost by not printing it.
            if isinstance(info.exc_value, Interrupted):
                return
            hook(info)

        try:
            sys.unraisablehook = unraisable
            for sig in STOP_SIGNALS:
                if previous[sig] is not signal.SIG_IGN:  # nohup and friends: keep ignoring
                    signal.signal(sig, self._handle)
            yield self
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, signal.SIG_DFL if handler is None else handler)
            sys.unraisablehook = hook
