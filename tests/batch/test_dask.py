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
