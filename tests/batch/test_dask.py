"""``engine="dask"``: the same conversion on a real ``dask.distributed`` cluster, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import ParseError, Status

sys.path.insert(0, str(Path(__file__).parents[1] / "cli"))
from cli_support import BROKEN, make_release, tree_bytes, write_batch

distributed = pytest.importorskip(
    "distributed", reason="Dask is not installed (pip install -e '.[test]' installs it: communique[dask])"
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real local cluster: two worker processes, one thread each."""
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_import_communique_does_not_import_dask() -> None:
    code = "import communique, sys; print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_folder_on_dask_gives_the_local_engines_bytes(tmp_path: Path, client: Any) -> None:
    names = write_batch(tmp_path / "in", 120, broken=True, text_every=5)

    local = list(communique.convert(tmp_path / "in", to="json,pdf", output=tmp_path / "local", jobs=1))
    batch = communique.convert(tmp_path / "in", to="json,pdf", output=tmp_path / "dask", engine=client)
    remote = list(batch)

    assert batch.engine == "dask" and batch.jobs == 2
    assert len(remote) == len(local) == 123
    assert [(r.input, r.status, r.outputs) for r in remote] == [
        (r.input, r.status, tuple(p.replace(str(tmp_path / "local"), str(tmp_path / "dask")) for p in r.outputs))
        for r in local
    ]
    assert tree_bytes(tmp_path / "dask") == tree_bytes(tmp_path / "local")
    assert len(tree_bytes(tmp_path / "dask")) == 2 * len(names["good"])
    failed = [r for r in remote if r.status is Status.FAILED]
    assert len(failed) == 3
    # A release that fails on a worker comes back with its own error, not a pickling error.
    assert all(isinstance(r.error, communique.CommuniqueError) for r in failed)
    assert any(isinstance(r.error, ParseError) and r.error.line == 1 for r in failed)


def test_dask_returns_the_bytes_when_there_is_no_output(client: Any) -> None:
    data = communique.render(make_release(5), "json")
    pairs = [(f"r{i}.json", data) for i in range(6)] + [("bad.json", BROKEN["broken-schema.json"])]

    results = list(communique.convert(pairs, to="xml", engine=client))

    assert [r.status for r in results] == [Status.OK] * 6 + [Status.FAILED]
    assert results[0].data["xml"] == communique.render(make_release(5), "xml")
    assert "missing 'schema_version'" in (results[-1].message or "")


def test_engine_dask_starts_and_stops_a_local_cluster(tmp_path: Path) -> None:
    write_batch(tmp_path / "in", 8, broken=False)

    results = list(communique.convert(tmp_path / "in", to="json", output=tmp_path / "out", engine="dask", jobs=2))

    assert [r.status for r in results] == [Status.OK] * 8
    assert len(tree_bytes(tmp_path / "out")) == 8


def test_the_cli_runs_on_dask(tmp_path: Path) -> None:
    from cli_support import run_communique

    write_batch(tmp_path / "in", 10, broken=False)
    proc = run_communique(
        ["convert", tmp_path / "in", "--to", "json", "-o", tmp_path / "out", "--engine", "dask", "--jobs", "2"],
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"dask: 2 workers" in proc.stderr
    assert len(tree_bytes(tmp_path / "out")) == 10


# ---------------------------------------------------------------- at scale, and a worker killed mid-run


@pytest.fixture
def time_limit(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test (rather than hang the suite) past ``@pytest.mark.time_limit_s(N)`` seconds (default 300)."""
    import signal

    marker = request.node.get_closest_marker("time_limit_s")
    seconds = int(marker.args[0]) if marker else 300

    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"{request.node.name} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _generated(folder: Path, count: int) -> list[Path]:
    """``count`` generated NATO-style releases (French and English, 3 to 8 paragraphs) as text files."""
    from communique.bench import corpus

    folder.mkdir(parents=True)
    paths = []
    for i, gen in enumerate(corpus.batch(count)):
        path = folder / f"gen-{i:04d}-{gen.language}.txt"
        path.write_text(gen.text, encoding="utf-8")
        paths.append(path)
    return paths


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".part"))


@pytest.mark.time_limit_s(420)
@pytest.mark.usefixtures("time_limit")
def test_a_thousand_generated_releases_on_dask_give_the_local_engines_bytes(tmp_path: Path, client: Any) -> None:
    paths = _generated(tmp_path / "in", 1000)

    local = list(communique.convert(paths, to="json,pdf", output=tmp_path / "local", jobs=1))
    remote = list(communique.convert(paths, to="json,pdf", output=tmp_path / "dask", engine=client))

    assert [r.status for r in local] == [Status.OK] * len(paths)
    assert [(r.input, r.status) for r in remote] == [(r.input, r.status) for r in local]
    produced = tree_bytes(tmp_path / "dask")
    assert len(produced) == 2 * len(paths)
    assert produced == tree_bytes(tmp_path / "local")


def _kill_a_busy_worker(client: Any) -> str:
    """SIGKILL the process of a worker that has tasks in flight; its nanny starts a new one."""
    import os
    import signal
    import time

    pids = client.run(os.getpid)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        busy = [address for address, tasks in client.processing().items() if tasks]
        if busy:
            os.kill(pids[busy[0]], signal.SIGKILL)
            return str(busy[0])
        time.sleep(0.05)
    raise AssertionError("no worker had a task in flight")


@pytest.mark.time_limit_s(300)
@pytest.mark.usefixtures("time_limit")
@pytest.mark.parametrize("allowed_failures", [3, 0], ids=["task-rerun", "task-given-up"])
def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path, allowed_failures: int) -> None:
    import dask

    paths = _generated(tmp_path / "in", 160)
    out = tmp_path / "out"
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": allowed_failures}),
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as own,
    ):
        batch = communique.convert(paths, to="json,pdf", output=out, engine=own)
        results = iter(batch)
        seen = [next(results)]  # the batch is under way: the other chunks are queued or running
        _kill_a_busy_worker(own)
        seen += list(results)

    # Every input once, ok or failed with its reason; nothing staged is left behind.
    assert sorted(r.input for r in seen) == sorted(str(p) for p in paths)
    assert {r.status for r in seen} <= {Status.OK, Status.FAILED}
    failed = [r for r in seen if r.status is Status.FAILED]
    assert all(r.message and "its Dask task failed" in r.message for r in failed), [r.message for r in failed]
    assert _parts(out) == []
    if allowed_failures:
        assert failed == []  # the scheduler ran the dead worker's tasks again elsewhere
    else:
        assert failed and all("KilledWorker" in (r.message or "") for r in failed)
    # What was converted is whole: the bytes one process writes, two files an input, no more.
    written = tree_bytes(out)
    ok = [p for p, r in zip(sorted(paths), sorted(seen, key=lambda r: r.input), strict=True) if r.status is Status.OK]
    local = list(communique.convert(ok, to="json,pdf", output=tmp_path / "local", jobs=1))
    assert [r.status for r in local] == [Status.OK] * len(ok)
    assert written == tree_bytes(tmp_path / "local")
