"""The documentation site builds offline with ``mkdocs build --strict``, and its generated parts are real.

The site is built once per session into a temporary folder with every proxy
variable pointing at a closed port, so any attempt to fetch from the network
fails the build.  The generated parts are then compared with what the code
produces now: the sample's JSON on the model page is byte for byte what the
``json`` exporter writes, each format page lists the options its plugins
declare, the CLI page holds the help of every command.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.errors import FormatError, PluginError

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
CONFIG = DOCS / "mkdocs.yml"
BUILTIN = ("text", "json", "xml", "nitf", "newsml", "docx", "pdf", "html")
PAGES = (
    "index.html",
    "getting-started/index.html",
    "model/index.html",
    "formats/index.html",
    *(f"formats/{name}/index.html" for name in BUILTIN),
    "text-parser/index.html",
    "accuracy/index.html",
    "plugins/index.html",
    "cli/index.html",
    "api/index.html",
    "changelog/index.html",
)

pytestmark = pytest.mark.slow


def _missing_tools() -> list[str]:
    return [
        m
        for m in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")
        if importlib.util.find_spec(m.split(".")[0]) is None or _no_submodule(m)
    ]


def _no_submodule(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is None
    except ModuleNotFoundError:
        return True


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (skips when the docs tools are not installed: pip install -e '.[docs]')."""
    missing = _missing_tools()
    if missing:
        pytest.skip(f"the docs tools are not installed ({', '.join(missing)}): pip install -e '.[docs]'")
    out = tmp_path_factory.mktemp("site")
    closed = "http://127.0.0.1:9"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        # Offline: any download the build attempts goes to a closed port and fails.
        **{k: closed for k in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")},
        "NO_PROXY": "",
        "no_proxy": "",
    }
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return out


def text_of(site: Path, page: str) -> str:
    """The visible text of a page's article, tags stripped and entities decoded."""
    raw = (site / page).read_text(encoding="utf-8")
    article = raw.split("<article", 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def _available(kind: str, name: str) -> bool:
    try:
        (communique.get_parser if kind == "parser" else communique.get_exporter)(name)
    except (FormatError, PluginError):
        return False
    return True


def test_every_page_of_the_navigation_is_built(site: Path) -> None:
    for page in PAGES:
        assert (site / page).is_file(), page


def test_the_site_loads_nothing_from_the_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        # Resources the browser would fetch (a canonical link or an ordinary <a> is not one).
        tags = re.findall(r"<(?:script|img|link)\b[^>]*>", raw)
        remote = [t for t in tags if re.search(r'(?:src|href)="(?:https?:)?//', t) and 'rel="canonical"' not in t]
        assert not remote, f"{page.relative_to(site)} loads a remote resource"
        assert "fonts.googleapis" not in raw and "fonts.gstatic" not in raw


def test_no_directive_is_left_unexpanded_and_no_generation_failed(site: Path) -> None:
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        assert "<!-- communique:" not in raw, f"{page.relative_to(site)}: a directive was not expanded"
        assert "Generation failed" not in raw, page


def test_the_model_page_shows_the_sample_as_the_exporters_write_it_now(site: Path) -> None:
    page = text_of(site, "model/index.html")
    if not _available("parser", "text"):
        assert "Not available in this build" in page
        pytest.skip("the text parser is not available, so the sample cannot be shown")
    release = communique.read(REPO / "examples" / "sample_fr.txt")
    for fmt in ("json", "xml"):
        if _available("exporter", fmt):
            assert communique.render(release, fmt).decode("utf-8").strip() in page, f"{fmt} form differs from the code"
        else:
            assert f"The `{fmt}` exporter is not available" in page or f"The {fmt} exporter is not available" in page
    # The quote → paragraph → attendee table names real offsets.
    q = next(q for q in release.quotes if q.speaker)
    assert f"paragraphs[{q.paragraph}].text[{q.start}:{q.end}]" in page


def test_the_model_page_lists_every_field_of_every_class(site: Path) -> None:
    import attrs

    from communique import model

    page = text_of(site, "model/index.html")
    for name in model.__all__:
        section = page.split(f"{name}¶", 1)[1]
        for field in attrs.fields(getattr(model, name)):
            assert f"\n{field.name}\n" in section, f"{name}.{field.name} is not documented"


def test_getting_started_shows_a_session_run_on_the_sample(site: Path) -> None:
    if not _available("parser", "text"):
        pytest.skip("the text parser is not available")
    page = text_of(site, "getting-started/index.html")
    release = communique.read(REPO / "examples" / "sample_fr.txt")
    assert ">>> print(release.quotes[0].speaker)" in page
    assert f"\n{release.quotes[0].speaker}\n" in page
    assert "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/communique convert" in page
    assert '.venv/bin/pip install -q -e ".[dev]" && .venv/bin/python -m pytest' in page


@pytest.mark.parametrize("name", BUILTIN)
def test_each_format_page_lists_the_options_its_plugins_declare(site: Path, name: str) -> None:
    page = text_of(site, f"formats/{name}/index.html")
    found = False
    for kind in ("parser", "exporter"):
        if not _available(kind, name):
            continue
        found = True
        plugin = (communique.get_parser if kind == "parser" else communique.get_exporter)(name)
        assert f"{kind.capitalize()} options" in page
        for option in plugin.options:
            assert f"\n{option.name}\n" in page, f"{kind} option {option.name!r} of {name} is not documented"
            assert option.help.split()[0] in page if option.help else True
    if not found:
        assert "Not available in this build" in page


@pytest.mark.parametrize("name", BUILTIN)
def test_each_format_page_has_a_round_trip_table_or_says_why_not(site: Path, name: str) -> None:
    page = text_of(site, f"formats/{name}/index.html")
    if _available("parser", name) and _available("exporter", name) and _available("parser", "text"):
        assert "whole release equal" in page and "sample_fr.txt" in page
    else:
        assert "Not available in this build" in page


@pytest.mark.parametrize("name", ["json", "xml", "nitf", "docx", "pdf"])
def test_formats_documented_as_lossless_have_a_round_trip_table_without_a_change(site: Path, name: str) -> None:
    # The pages say these formats give the release back exactly; the generated table must agree.
    if not (_available("parser", "text") and _available("parser", name) and _available("exporter", name)):
        pytest.skip(f"the {name} format or the text parser is not available")
    page = text_of(site, f"formats/{name}/index.html")
    # The first table (for DOCX: the embedded copy; its visible-content table may show changes).
    first = page.split("part of the release", 1)[1].split("From the visible content", 1)[0].split("Known limits")[0]
    assert "whole release equal" in first
    assert "✓ kept" in first and "✗" not in first, f"the {name} page says lossless but its table shows a change"


def test_the_cli_page_is_the_help_of_every_command(site: Path) -> None:
    page = text_of(site, "cli/index.html")
    import click

    try:
        from communique import cli
    except ImportError:
        assert "Not available in this build" in page
        return
    group = getattr(cli, "cli", None) or cli.main
    assert isinstance(group, click.Group)
    assert "Usage: communique" in page
    ctx = click.Context(group, info_name="communique")
    for sub in group.list_commands(ctx):
        command = group.get_command(ctx, sub)
        assert command is not None
        if not command.hidden:
            assert f"Usage: communique {sub}" in page, f"'communique {sub}' is missing"


def test_the_api_reference_is_rendered_from_docstrings_without_raw_rest(site: Path) -> None:
    raw = (site / "api" / "index.html").read_text(encoding="utf-8")
    for ident in (
        "communique.model.PressRelease",
        "communique.model.Quote",
        "communique.errors.ParseError",
        "communique.registry.get_exporter",
        "communique.plugins.Exporter",
        "communique.api.read",
    ):
        assert f'id="{ident}"' in raw, f"{ident} is not in the API reference"
    page = text_of(site, "api/index.html")
    assert ":func:`" not in page and ":class:`" not in page and "``" not in page


def test_the_changelog_follows_keep_a_changelog(site: Path) -> None:
    source = (DOCS / "changelog.md").read_text(encoding="utf-8")
    assert "keepachangelog.com" in source
    assert "## [Unreleased]" in source
    assert re.search(r"^## \[\d+\.\d+\.\d+\]", source, re.MULTILINE)
    assert f"## [{communique.__version__}]" in source, "the current version has no changelog entry"
    assert "Unreleased" in text_of(site, "changelog/index.html")


def test_the_plugins_page_is_the_plugin_guide(site: Path) -> None:
    page = text_of(site, "plugins/index.html")
    if (DOCS / "plugins.md").exists():
        first_heading = re.search(r"^# (.+)$", (DOCS / "plugins.md").read_text(encoding="utf-8"), re.MULTILINE)
        assert first_heading and first_heading.group(1).strip() in page
    else:
        assert "communique.parsers" in page  # generated from communique.plugins and communique.registry


# ------------------------------------------------------------------ the hook's helpers


def _hook_module() -> Any:
    spec = importlib.util.spec_from_file_location("rest_docstrings", DOCS / "hooks" / "rest_docstrings.py")
    assert spec and spec.loader
    if importlib.util.find_spec("griffe") is None:
        pytest.skip("griffe (from mkdocstrings[python]) is not installed")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rest_docstrings_become_markdown() -> None:
    convert = _hook_module().rest_to_markdown
    doc = "Use ``read`` or :func:`~communique.api.write`.\n\nExample::\n\n    x = 1\n\nEnd."
    assert convert(doc) == "Use `read` or `write`.\n\nExample:\n\n```python\nx = 1\n```\n\nEnd."
    assert convert(":class:`communique.model.Quote`") == "`communique.model.Quote`"
    assert convert(">>> 1 + 1\n2") == "\n```pycon\n>>> 1 + 1\n2\n```\n"
    # Code already fenced is left alone.
    assert convert("```\n``x``\n```") == "```\n``x``\n```"


def test_the_accuracy_page_shows_the_scorer_figures_now(site: Path) -> None:
    from communique.bench import accuracy

    page = text_of(site, "accuracy/index.html")
    folders = accuracy.default_corpus(REPO)
    if not folders:
        assert "No gold corpus was found" in page
        pytest.skip("no gold corpus in this checkout")
    report = accuracy.score_corpus(folders)
    assert f"{len(report.files)} releases" in page
    overall = report.groups()["all"]
    for name in accuracy.MAIN_FIELDS:
        if name in overall:
            assert f"\n{name}\n{overall[name]}\n" in page, f"the {name} figure differs from the scorer"
    assert "never lower it silently" in page and "--write-floors" in page


def test_without_a_corpus_the_accuracy_directive_is_an_admonition_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if importlib.util.find_spec("griffe") is None:
        pytest.skip("griffe (from mkdocstrings[python]) is not installed")
    spec = importlib.util.spec_from_file_location("communique_docs", DOCS / "hooks" / "communique_docs.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    monkeypatch.setattr(hook, "REPO", tmp_path)
    hook._accuracy_report.cache_clear()
    try:

        class Page:
            class file:
                src_uri = "accuracy.md"

        out = hook.on_page_markdown("<!-- communique:accuracy -->\n", Page, None, None)
    finally:
        hook._accuracy_report.cache_clear()
    assert out.startswith('!!! info "Not available in this build"')
    assert "No gold corpus was found" in out and "tests/data/corpus" in out
