"""examples/communique-markdown, installed for real with pip and found through its entry point.

The example plugin is built (hatchling, no build isolation: no network) and
installed with ``pip install --no-deps --target`` into a temporary folder;
every check then runs in a fresh interpreter with that folder on
``PYTHONPATH``, so communique discovers the plugin through
``importlib.metadata`` exactly as it would after ``pip install
communique-markdown``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PLUGIN = REPO / "examples" / "communique-markdown"
SAMPLE = REPO / "examples" / "sample_fr.txt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``(site, source)``: the folder the plugin is installed into, and the copy it was built from."""
    pytest.importorskip(
        "hatchling", reason="building the plugin without network needs hatchling: pip install -e '.[dev]'"
    )
    root = tmp_path_factory.mktemp("markdown-plugin")
    source = root / "communique-markdown"
    # Build from a copy so that nothing (caches, build leftovers) lands in the repository.
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns(".hypothesis", "__pycache__", ".pytest_cache"))
    site = root / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", str(site), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, f"pip could not install the example plugin:\n{result.stdout}\n{result.stderr}"
    return site, source


def run(site: Path, *args: str, cwd: Path | None = None, quick: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])}
    if quick:
        env["HYPOTHESIS_PROFILE"] = "quick"
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, env=env, cwd=cwd or REPO
    )


def python(site: Path, code: str) -> subprocess.CompletedProcess[str]:
    return run(site, "-c", textwrap.dedent(code))


def test_pip_installs_a_distribution_with_the_entry_point(installed: tuple[Path, Path]) -> None:
    site, _ = installed
    [info] = site.glob("communique_markdown-1.0.0.dist-info")
    assert "[communique.exporters]\nmarkdown = communique_markdown:MarkdownExporter" in (
        info / "entry_points.txt"
    ).read_text(encoding="utf-8")


def test_communique_lists_the_installed_plugin_without_importing_it(installed: tuple[Path, Path]) -> None:
    site, _ = installed
    result = python(
        site,
        """
        import sys, communique
        [lazy] = [f for f in communique.formats("exporter", load=False) if f.name == "markdown"]
        assert (lazy.distribution, lazy.version, lazy.loaded) == ("communique-markdown", "1.0.0", False), lazy
        assert "communique_markdown" not in sys.modules
        [info] = [f for f in communique.formats("exporter") if f.name == "markdown"]
        assert info.error is None, info.error
        assert info.extensions == (".md", ".markdown") and info.media_type == "text/markdown"
        assert [(o.name, o.type_name, o.default) for o in info.options] == [
            ("quotes", "str", "emphasis"), ("attendees", "bool", True)]
        assert "communique_markdown._render" not in sys.modules, "the work module loads on first render only"
        print(sys.modules["communique_markdown"].__file__)
        """,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(str(site))


def test_the_api_renders_the_sample_through_the_plugin(installed: tuple[Path, Path], tmp_path: Path) -> None:
    site, _ = installed
    out = tmp_path / "sample_fr.md"
    result = python(
        site,
        f"""
        import communique
        release = communique.read({str(SAMPLE)!r})
        communique.write(release, {str(out)!r})  # the .md extension picks the plugin
        assert communique.render(release, "communique-markdown:markdown") == open({str(out)!r}, "rb").read()
        """,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# LE PRÉSIDENT DÉLÉGUÉ DU COMITÉ MILITAIRE DE L’OTAN")
    assert "**Belgrade** – Le général de corps aérien Shepro" in text
    assert "## Participants" in text and "| Ljubiša Diković | général |" in text


def test_the_plugins_own_tests_pass_against_the_installed_package(installed: tuple[Path, Path]) -> None:
    site, source = installed
    # The "quick" Hypothesis profile keeps the pandoc property test to a few seconds here.
    result = run(site, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(source / "tests"), cwd=source, quick=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


needs_cli = pytest.mark.skipif(
    importlib.util.find_spec("communique.cli") is None, reason="the command line (communique.cli) is not there yet"
)


@needs_cli
def test_the_cli_converts_the_sample_to_markdown(installed: tuple[Path, Path], tmp_path: Path) -> None:
    site, _ = installed
    result = run(site, "-m", "communique", "convert", str(SAMPLE), "--to", "markdown", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "sample_fr.md").read_text(encoding="utf-8")
    assert written.startswith("# LE PRÉSIDENT DÉLÉGUÉ")
    plain = run(site, "-m", "communique", "convert", str(SAMPLE), "--to", "markdown", "-O", "quotes=plain", "-o", "-")
    assert plain.returncode == 0, plain.stderr
    assert "«\u00a0*l’OTAN maintiendrait" in written and "«\u00a0l’OTAN maintiendrait" in plain.stdout


@needs_cli
def test_the_cli_lists_the_plugin_with_its_package_and_options(installed: tuple[Path, Path]) -> None:
    site, _ = installed
    result = run(site, "-m", "communique", "formats", "--json")
    assert result.returncode == 0, result.stderr
    [entry] = [f for f in json.loads(result.stdout) if f["name"] == "markdown"]
    assert entry["kind"] == "exporter" and entry["status"] == "ok"
    assert "communique-markdown" in entry["package"]
    assert [o["name"] for o in entry["options"]] == ["quotes", "attendees"]


@pytest.fixture(scope="module")
def installed_for_a_newer_api(installed: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same plugin, but claiming plugin API version 2, installed on its own."""
    _, source = installed
    root = tmp_path_factory.mktemp("markdown-plugin-v2")
    copy = root / "communique-markdown"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".hypothesis", "__pycache__", ".pytest_cache"))
    module = copy / "src" / "communique_markdown" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8").replace("api_version = 1", "api_version = 2"), "utf-8")
    site = root / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", str(site), str(copy)],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return site


def test_an_installed_plugin_for_another_api_version_is_reported_and_the_rest_works(
    installed_for_a_newer_api: Path, tmp_path: Path
) -> None:
    site = installed_for_a_newer_api
    result = python(
        site,
        f"""
        import communique, communique.testing
        [info] = [f for f in communique.formats("exporter") if f.name == "markdown"]
        assert info.distribution == "communique-markdown", info
        assert "targets plugin API version 2" in info.error, info.error
        try:
            communique.render(communique.testing.minimal_sample(), "markdown")
        except communique.PluginError as exc:
            assert exc.distribution == "communique-markdown"
        else:
            raise AssertionError("a plugin for another API version was used")
        communique.write(communique.read({str(SAMPLE)!r}), {str(tmp_path / "sample.json")!r})
        """,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sample.json").read_bytes().startswith(b"{")


@needs_cli
def test_the_cli_reports_the_incompatible_plugin_by_package(installed_for_a_newer_api: Path, tmp_path: Path) -> None:
    site = installed_for_a_newer_api
    listing = run(site, "-m", "communique", "formats", "--json")
    assert listing.returncode == 0, listing.stderr
    [entry] = [f for f in json.loads(listing.stdout) if f["name"] == "markdown"]
    assert entry["status"].startswith("broken") and "API version 2" in entry["status"]
    failed = run(site, "-m", "communique", "convert", str(SAMPLE), "--to", "markdown", "-o", str(tmp_path))
    assert failed.returncode != 0
    assert "communique-markdown" in failed.stderr and "Traceback" not in failed.stderr
    assert list(tmp_path.iterdir()) == []
    works = run(site, "-m", "communique", "convert", str(SAMPLE), "--to", "json", "-o", str(tmp_path))
    assert works.returncode == 0, works.stderr
