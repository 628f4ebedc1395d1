"""What the wheel ships: the library, its data and the samples; not the benchmark harness."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytest.importorskip("hatchling", reason="building the wheel needs hatchling (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    # hatchling's own command builds from the checkout without network or build isolation.
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("communique-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_leaves_out_the_benchmark(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    assert "communique/__init__.py" in names and "communique/cli/__init__.py" in names
    assert [n for n in names if n.startswith("communique/bench")] == []


@pytest.mark.parametrize("name", ["sample_fr.txt", "sample_en.txt"])
def test_the_wheel_carries_the_one_copy_of_each_sample(wheel: zipfile.ZipFile, name: str) -> None:
    # communique.testing reads them from the installed package; the repository keeps them in examples/.
    assert wheel.read(f"communique/data/samples/{name}") == (REPO / "examples" / name).read_bytes()
    assert not (REPO / "src" / "communique" / "data" / "samples" / name).exists()


def test_the_wheel_declares_pypdf_once_and_no_test_tools_at_run_time(wheel: zipfile.ZipFile) -> None:
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    lines = wheel.read(metadata).decode().splitlines()
    runtime = [line for line in lines if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert sum("pypdf" in line for line in lines if line.startswith("Requires-Dist:")) == 1
    for tool in ("mypy", "ruff", "hatchling", "pytest"):
        assert not any(tool in line for line in runtime), tool
    test_extra = [line for line in lines if "extra == 'test'" in line]
    assert test_extra and not any(tool in line for line in test_extra for tool in ("mypy", "ruff", "hatchling"))
    assert any("hatchling" in line and "extra == 'dev'" in line for line in lines)


def test_the_wheel_carries_the_fonts_and_their_width_table(wheel: zipfile.ZipFile) -> None:
    # The DOCX exporter measures text from fonts/advances.json, the PDF exporter embeds the fonts.
    names = set(wheel.namelist())
    fonts = REPO / "src" / "communique" / "fonts"
    for path in [*sorted(fonts.glob("*.ttf")), fonts / "advances.json"]:
        assert f"communique/fonts/{path.name}" in names
    assert wheel.read("communique/fonts/advances.json") == (fonts / "advances.json").read_bytes()
