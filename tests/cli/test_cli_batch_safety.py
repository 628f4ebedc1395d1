"""``communique convert`` stopped, killed or failing half-way: nothing lost, nothing left behind.

Real subprocesses and real signals.  Every wait is bounded: the batches are
large enough to be caught running, and each test polls for a few seconds at
most.
"""

from __future__ import annotations

import errno
import os
import re
import resource
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_support import SAMPLE, make_release, run_communique, write_batch
from click.testing import Result

import communique

Invoke = Callable[..., Result]

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and file types")
linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find worker processes")

# Every built-in format, each input gives one file per format.
FORMATS = "json,xml,nitf,docx,pdf"
PER_INPUT = 5
_SUFFIX = re.compile(r"\.(json|nitf\.xml|xml|docx|pdf)$")


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("communique: error: ")]


def outputs(folder: Path) -> list[Path]:
    """The finished files under ``folder`` (hidden temporary files excluded)."""
    if not folder.is_dir():
        return []
    return [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*")] if folder.is_dir() else []


def outputs_per_input(folder: Path) -> Counter[int]:
    """How many outputs each input has: ``{count: number of inputs}``."""
    stems = Counter(p.parent / _SUFFIX.sub("", p.name) for p in outputs(folder))
    return Counter(stems.values())


def reported_outputs(stderr: bytes) -> int:
    found = re.search(rb"\((\d+) outputs? written", stderr)
    assert found is not None, stderr.decode()
    return int(found.group(1))


def start(args: list[str | os.PathLike[str]], stderr: Path, **popen: object) -> subprocess.Popen[bytes]:
    """Start ``communique ARGS...``; its stderr goes to a file (a surviving worker would hold a pipe open)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with stderr.open("wb") as sink:
        return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
            [sys.executable, "-m", "communique", *(os.fspath(a) for a in args)],
            stdout=subprocess.DEVNULL,
            stderr=sink,
            env=env,
            **popen,
        )


def wait_for_outputs(proc: subprocess.Popen[bytes], folder: Path, count: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if len(outputs(folder)) >= count:
            return
        time.sleep(0.005)
    if proc.poll() is not None:
        pytest.skip("the batch finished before it could be stopped")
    pytest.fail(f"fewer than {count} outputs after {timeout} s")


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; whoever adopted it may not reap it at once


@pytest.fixture
def reaper() -> Iterator[list[int]]:
    """Processes to SIGKILL at the end of the test if still running (workers that outlived their parent)."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if running(pid):
            os.kill(pid, signal.SIGKILL)


def poll_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


# ---------------------------------------------------------------- the parent killed


@posix_only
@linux_only
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_no_worker_outlives_the_parent_and_no_output_appears_after_it(
    tmp_path: Path, sig: signal.Signals, reaper: list[int]
) -> None:
    write_batch(tmp_path / "in", 400, broken=False)
    out = tmp_path / "out"
    proc = start(["convert", tmp_path / "in", "--to", FORMATS, "-o", out, "--jobs", "2"], tmp_path / "stderr")
    wait_for_outputs(proc, out, 40)
    workers = children(proc.pid)
    reaper.extend(workers)
    assert len(workers) == 2

    proc.send_signal(sig)  # the parent only, as `kill PID` or the OOM killer would
    proc.wait(timeout=10)

    assert poll_until(lambda: not any(running(w) for w in workers), 3), "worker processes outlived the CLI"
    settled = len(outputs(out))
    time.sleep(0.3)
    assert len(outputs(out)) == settled, "outputs kept appearing after the CLI was gone"
    assert settled < 400 * PER_INPUT
    assert set(outputs_per_input(out)) <= {PER_INPUT}, "an input was left with some of its outputs"
    assert leftovers(out) == []
    if sig == signal.SIGTERM:
        stderr = (tmp_path / "stderr").read_bytes()
        assert proc.returncode == 143, stderr.decode()
        assert reported_outputs(stderr) == settled


# ---------------------------------------------------------------- Ctrl-C and SIGTERM


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    ("sig", "code", "group"),
    [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False), (signal.SIGTERM, 143, True)],
    ids=["ctrl-c", "sigterm", "sigterm-to-the-group"],
)
def test_stopping_leaves_each_input_with_all_its_outputs_or_none_and_counts_them(
    tmp_path: Path, jobs: str, sig: signal.Signals, code: int, group: bool, reaper: list[int]
) -> None:
    write_batch(tmp_path / "in", 300, broken=False)
    out = tmp_path / "out"
    # Its own process group, as a terminal's Ctrl-C signals the whole group.
    proc = start(
        ["convert", tmp_path / "in", "--to", FORMATS, "-o", out, "--jobs", jobs],
        tmp_path / "stderr",
        start_new_session=True,
    )
    wait_for_outputs(proc, out, 30)
    workers = children(proc.pid) if Path("/proc/self/stat").exists() else []
    reaper.extend(workers)

    if group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    proc.wait(timeout=20)
    stderr = (tmp_path / "stderr").read_bytes()

    assert proc.returncode == code, stderr.decode()
    assert b"interrupted" in stderr
    assert b"Traceback" not in stderr
    assert not any(running(w) for w in workers), "worker processes outlived the CLI"
    on_disk = outputs(out)
    assert 30 <= len(on_disk) < 300 * PER_INPUT
    assert set(outputs_per_input(out)) == {PER_INPUT}, "an input was left with some of its outputs"
    assert reported_outputs(stderr) == len(on_disk), "the summary does not count what is on disk"
    assert leftovers(out) == []
    for path in on_disk:
        if path.suffix == ".json":
            communique.read(path)  # complete, valid files only


@posix_only
@linux_only
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_worker_is_reported_and_what_it_wrote_is_counted_and_its_staged_files_removed(
    tmp_path: Path, sig: signal.Signals, reaper: list[int]
) -> None:
    write_batch(tmp_path / "in", 300, broken=False)
    out = tmp_path / "out"
    proc = start(["convert", tmp_path / "in", "--to", FORMATS, "-o", out, "--jobs", "2"], tmp_path / "stderr")
    wait_for_outputs(proc, out, 40)
    workers = children(proc.pid)
    reaper.extend(workers)

    os.kill(workers[0], sig)
    proc.wait(timeout=20)

    stderr = (tmp_path / "stderr").read_bytes()
    assert proc.returncode == 1, stderr.decode()
    assert b"a worker process died" in stderr
    assert not any(running(w) for w in workers)
    assert reported_outputs(stderr) == len(outputs(out)), "the summary does not count what is on disk"
    assert leftovers(out) == []


# ---------------------------------------------------------------- leftovers of a killed run


def test_a_later_run_removes_stale_temporary_files_it_can_prove_are_its_own(tmp_path: Path, invoke: Invoke) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(3), "json"))
    out = tmp_path / "out"
    out.mkdir()
    hour_ago = time.time() - 3600
    stale = out / ".r.json.k3x_9a0b.part"  # what a kill during a write leaves
    stale_other = out / ".other.pdf.abcdefgh.part"
    fresh = out / ".r.json.q1w2e3r4.part"  # perhaps another run writing right now
    not_ours = [out / ".notes.txt.abcdefgh.part", out / ".r.json.part", out / "r.json.abcdefgh.part"]
    for path in [stale, stale_other, fresh, *not_ours]:
        path.write_bytes(b"half a file")
    for path in [stale, stale_other, *not_ours]:
        os.utime(path, (hour_ago, hour_ago))
    link = out / ".s.json.zzzzzzzz.part"
    link.symlink_to(src)
    os.utime(link, (hour_ago, hour_ago), follow_symlinks=False)

    result = invoke("convert", src, "--to", "json,pdf", "-o", out)

    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and not stale_other.exists()
    assert fresh.exists() and link.is_symlink() and all(p.exists() for p in not_ours)
    assert "removed 2 stale temporary files left by an interrupted run" in result.stderr
    assert str(stale) in result.stderr
    assert (out / "r.json").is_file()


# ---------------------------------------------------------------- write failures


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # A real write failure without root: writes past `limit` bytes fail with EFBIG
        # (SIGXFSZ ignored, as a shell's `ulimit -f` user would see "File too large").
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@posix_only
@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE and SIGXFSZ")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_write_failure_leaves_no_output_of_that_input_and_names_every_failure(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.json").write_bytes(communique.render(make_release(i), "json"))
    out = tmp_path / "out"
    sizes = {fmt: len(communique.render(make_release(0), fmt)) for fmt in FORMATS.split(",")}
    limit = 4096
    too_big = sorted(fmt for fmt, size in sizes.items() if size > limit)
    assert too_big == ["docx", "pdf"], sizes

    proc = subprocess.run(
        [sys.executable, "-m", "communique", "convert", folder, "--to", FORMATS, "-o", out, "--jobs", jobs],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        preexec_fn=_file_size_limit(limit),
        timeout=60,
        check=False,
    )

    stderr = proc.stderr.decode()
    assert proc.returncode == 1, stderr
    assert outputs(out) == [], "some outputs of a failed input were left"
    assert leftovers(out) == []
    errors = error_lines(stderr)
    assert len(errors) == 3
    too_large = os.strerror(errno.EFBIG)
    for i, line in enumerate(sorted(errors)):
        assert line.startswith(f"communique: error: {folder / f'r{i}.json'}: ")
        for suffix in (".docx", ".pdf"):
            assert f"{out / f'r{i}{suffix}'}: cannot write: {too_large}" in line, line
    assert "converted 0 files, 3 failed" in stderr
    assert "(0 outputs written" in stderr


def test_a_directory_where_an_output_should_go_fails_the_input_alone(tmp_path: Path, invoke: Invoke) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.json").write_bytes(communique.render(make_release(1), "json"))
    out = tmp_path / "out"
    (out / "a.docx").mkdir(parents=True)
    (out / "a.pdf").mkdir()

    result = invoke("convert", folder, "--to", FORMATS, "-o", out, "--overwrite", "--jobs", "1")

    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert str(out / "a.docx") in line and str(out / "a.pdf") in line
    assert sorted(p.name for p in outputs(out)) == ["b.docx", "b.json", "b.nitf.xml", "b.pdf", "b.xml"]
    assert leftovers(out) == []


def test_a_failed_rename_puts_back_the_files_it_had_replaced(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "r.json"
    src.write_bytes(communique.render(make_release(2), "json"))
    out = tmp_path / "out"
    out.mkdir()
    for suffix in (".json", ".xml", ".pdf"):
        (out / f"r{suffix}").write_bytes(b"the previous version")
    real_replace = os.replace

    def replace(source: str, target: str) -> None:
        # The file system refusing the last rename of the input (as a full or failing disk can).
        if str(target).endswith(".pdf"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    result = invoke("convert", src, "--to", "json,xml,pdf", "-o", out, "--overwrite")
    monkeypatch.undo()

    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert f"{out / 'r.pdf'}: cannot write: {os.strerror(errno.ENOSPC)}" in line
    for suffix in (".json", ".xml", ".pdf"):
        assert (out / f"r{suffix}").read_bytes() == b"the previous version"
    assert leftovers(out) == []


# ---------------------------------------------------------------- only regular files


@posix_only
def test_a_fifo_or_device_in_an_input_directory_is_skipped_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(communique.render(make_release(4), "json"))
    os.mkfifo(folder / "b.json")
    os.mkfifo(folder / "c.txt")
    (folder / "d.txt").symlink_to("/dev/zero")

    proc = run_communique(["convert", folder, "--to", "json", "-o", tmp_path / "out"], timeout=10)

    stderr = proc.stderr.decode()
    assert proc.returncode == 1, stderr
    assert sorted(p.name for p in outputs(tmp_path / "out")) == ["a.json"]
    assert f"skipped: {folder / 'b.json'}: skipped: a FIFO (named pipe), not a regular file" in stderr
    assert f"{folder / 'c.txt'}: skipped: a FIFO (named pipe)" in stderr
    assert f"{folder / 'd.txt'}: skipped: a character device" in stderr
    assert "converted 1 file, 0 failed, 3 skipped" in stderr

    checked = run_communique(["validate", folder], timeout=10)
    assert checked.returncode == 1
    assert b"a FIFO (named pipe)" in checked.stderr


@posix_only
@pytest.mark.parametrize(
    "args",
    [
        ["convert", "{fifo}", "--to", "json", "-o", "{out}"],
        ["convert", "{fifo}", "--to", "json", "-o", "-"],
        ["convert", "{fifo}", "{sample}", "--to", "json", "-o", "{out}"],
        ["show", "{fifo}"],
        ["validate", "{fifo}"],
    ],
    ids=["convert", "to-stdout", "in-a-batch", "show", "validate"],
)
def test_a_fifo_named_explicitly_is_a_clear_error_not_a_hang(tmp_path: Path, args: list[str]) -> None:
    fifo = tmp_path / "release.json"
    os.mkfifo(fifo)
    values = {"fifo": str(fifo), "out": str(tmp_path / "out"), "sample": str(SAMPLE)}

    proc = run_communique([a.format(**values) for a in args], timeout=10)

    stderr = proc.stderr.decode()
    assert proc.returncode == 1, stderr
    (line,) = error_lines(stderr)
    assert line.startswith(f"communique: error: {fifo}: is a FIFO (named pipe), not a regular file")
    assert "--from FORMAT <" in line
    assert "Traceback" not in stderr


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_named_explicitly_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_communique(["convert", "/dev/zero", "--from", "text", "--to", "json", "-o", tmp_path], timeout=10)

    assert proc.returncode == 1
    (line,) = error_lines(proc.stderr.decode())
    assert line.startswith("communique: error: /dev/zero: is a character device, not a regular file")
