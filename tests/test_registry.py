"""The registry: lazy discovery, name resolution, conflicts, and broken plugins kept apart.

Third-party plugins here are throw-away distributions written into a temporary
folder put on ``sys.path`` (a ``*.dist-info`` with ``METADATA`` and
``entry_points.txt``, beside the module): ``importlib.metadata`` finds them
exactly as it finds a pip-installed package.  One test patches
``importlib.metadata.entry_points`` instead (fsspec's way), and
tests/examples/test_markdown_plugin.py installs a real package with pip.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import CommuniqueWarning, FormatError, PluginError, registry
from communique.model import Header, PressRelease
from communique.plugins import Exporter

RELEASE = PressRelease(header=Header(title="Titre", language="fr"))

# A valid exporter module, with the format name and extension filled in.
EXPORTER = """
from communique.plugins import Exporter, Option

IMPORTS = globals().setdefault("IMPORTS", 0) + 1

class Plugin(Exporter):
    name = "{name}"
    label = "{label}"
    extensions = {extensions!r}
    media_type = "text/plain"
    api_version = {api_version}
    options = (Option("loud", bool, False, "shout"),)

    def render(self, release, *, loud=False):
        return ("{label}:" + release.header.title).encode()
"""

PARSER = """
from communique.plugins import Parser
from communique.model import Header, PressRelease

class Plugin(Parser):
    name = "{name}"
    label = "{label}"
    extensions = {extensions!r}
    media_type = "text/plain"
    api_version = 1

    def parse(self, data, **options):
        return PressRelease(header=Header(title=data.decode(), language="en"))

    def sniff(self, head):
        {sniff}
"""


def exporter_module(name: str, label: str = "", extensions: tuple[str, ...] = (".x",), api_version: int = 1) -> str:
    return EXPORTER.format(name=name, label=label or name, extensions=extensions, api_version=api_version)


Install = Callable[..., Path]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Install a throw-away distribution: ``install(dist, exporters={...}, parsers={...}, modules={...})``."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    created: list[str] = []

    def _install(
        dist: str,
        *,
        exporters: dict[str, str] | None = None,
        parsers: dict[str, str] | None = None,
        modules: dict[str, str] | None = None,
        version: str = "1.0",
    ) -> Path:
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
        lines: list[str] = []
        for group, table in (("communique.exporters", exporters), ("communique.parsers", parsers)):
            if table:
                lines += [f"[{group}]", *(f"{k} = {v}" for k, v in table.items()), ""]
        (info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
        for module, source in (modules or {}).items():
            (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            created.append(module)
        registry.refresh()
        return site

    registry.refresh()
    yield _install
    for module in created:
        sys.modules.pop(module, None)
    registry.refresh()


def info(name: str, kind: str = "exporter", distribution: str | None = None) -> registry.FormatInfo:
    found = [
        i
        for i in registry.formats(kind)  # type: ignore[arg-type]
        if i.name == name and (distribution is None or i.distribution == distribution)
    ]
    assert len(found) == 1, found
    return found[0]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


# --------------------------------------------------------------------------- laziness


def test_import_communique_neither_scans_entry_points_nor_imports_a_plugin() -> None:
    result = run_python(
        """
        import importlib.metadata as md, sys
        calls = []
        real = md.entry_points
        md.entry_points = lambda **kw: calls.append(kw.get("group")) or real(**kw)
        import communique, communique.registry, communique.plugins, communique.api
        assert calls == [], calls
        names = communique.exporter_names()
        assert len(calls) == 1, calls
        communique.parser_names(); communique.formats(load=False)
        assert len(calls) == 1, "the scan is cached"
        plugins = [m for m in sys.modules if m.startswith(("communique.exporters.", "communique.parsers."))]
        assert plugins == [], plugins
        print(names)
        """,
        COMMUNIQUE_NO_CACHE="1",  # the scan itself is counted here; the cache has tests of its own
    )
    assert result.returncode == 0, result.stderr
    assert "json" in result.stdout


def test_formats_with_load_imports_no_heavy_library() -> None:
    # The rule for every plugin, built-ins included: the module an entry point names stays light.
    result = run_python(
        """
        import sys, warnings
        warnings.simplefilter("ignore")
        import communique
        infos = communique.formats()
        assert all(i.loaded or i.error for i in infos)
        heavy = sorted({m.split(".")[0] for m in sys.modules} & {"lxml", "docx", "reportlab", "pypdf"})
        assert heavy == [], heavy
        """
    )
    assert result.returncode == 0, result.stderr


def test_listing_names_does_not_import_the_plugin_module(install: Install) -> None:
    install(
        "recorder", exporters={"rec": "recorder_plugin:Plugin"}, modules={"recorder_plugin": exporter_module("rec")}
    )
    assert "rec" in registry.exporter_names()
    [listed] = [i for i in registry.formats("exporter", load=False) if i.name == "rec"]
    assert (listed.loaded, listed.extensions, listed.distribution) == (False, (), "recorder")
    assert "recorder_plugin" not in sys.modules
    exporter = registry.get_exporter("rec")
    assert "recorder_plugin" in sys.modules
    assert sys.modules["recorder_plugin"].IMPORTS == 1
    assert registry.get_exporter("rec") is exporter  # one instance, cached


def test_entry_points_are_resolved_lazily_fsspec_style(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lazy_plugin.py").write_text(exporter_module("lazy"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    calls: list[str | None] = []

    def entry_points(**selection: Any) -> importlib.metadata.EntryPoints:
        calls.append(selection.get("group"))
        ep = importlib.metadata.EntryPoint(name="lazy", value="lazy_plugin:Plugin", group=registry.EXPORTERS)
        return importlib.metadata.EntryPoints([ep]).select(**selection)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    registry.refresh()
    try:
        assert calls == []
        assert registry.exporter_names() == ["lazy"]
        assert registry.parser_names() == []
        assert len(calls) == 1  # one scan, cached
        assert "lazy_plugin" not in sys.modules
        assert communique.render(RELEASE, "lazy") == b"lazy:Titre"
        assert "lazy_plugin" in sys.modules
        assert len(calls) == 1
        # No distribution behind a bare entry point: it is reported as such.
        assert info("lazy").distribution == "unknown"
    finally:
        sys.modules.pop("lazy_plugin", None)
        registry.refresh()


def test_concurrent_first_use_creates_one_instance(install: Install) -> None:
    module = exporter_module("slow").replace("IMPORTS =", "import time; time.sleep(0.05)\nIMPORTS =")
    install("slow-dist", exporters={"slow": "slow_plugin:Plugin"}, modules={"slow_plugin": module})
    seen: list[Exporter] = []
    threads = [threading.Thread(target=lambda: seen.append(registry.get_exporter("slow"))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and len({id(e) for e in seen}) == 1


# --------------------------------------------------------------------------- a working third-party plugin


def test_a_third_party_exporter_is_listed_with_its_distribution_version_and_options(install: Install) -> None:
    install(
        "Communique_Shout",
        version="2.3",
        exporters={"shout": "shout_plugin:Plugin"},
        modules={"shout_plugin": exporter_module("shout", "Shouting", (".shout", ".SHT"))},
    )
    found = info("shout")
    assert found.distribution == "communique-shout"  # normalised as pip does
    assert found.version == "2.3"
    assert found.qualified_name == "communique-shout:shout"
    assert (found.label, found.extensions, found.media_type, found.api_version) == (
        "Shouting",
        (".shout", ".SHT"),
        "text/plain",
        1,
    )
    assert [(o.name, o.type, o.default) for o in found.options] == [("loud", bool, False)]
    assert not found.builtin and not found.broken and found.shadowed_by is None
    assert communique.render(RELEASE, "SHOUT", loud="yes") == b"Shouting:Titre"
    assert registry.exporter_for("release.sht") == "shout"


# --------------------------------------------------------------------------- broken plugins


BROKEN_CASES = {
    "import fails": (
        "raise ImportError('needs the frobnicate library')",
        "cannot import module 'broken_plugin': ImportError: needs the frobnicate library",
    ),
    "syntax error": ("def (:", "cannot import module 'broken_plugin': SyntaxError"),
    "exits on import": ("import sys; sys.exit(3)", "cannot import module 'broken_plugin': SystemExit: 3"),
    "missing object": ("X = 1", "module 'broken_plugin' has no object 'Plugin'"),
    "not a plugin": ("Plugin = 42", "broken_plugin:Plugin is not an exporter class or instance but int 42"),
    "no render": (
        "class Plugin:\n    name = 'broken'\n    api_version = 1\n    def parse(self, data): ...",
        "it has no render() method, so it is not an exporter",
    ),
    "constructor fails": (
        exporter_module("broken") + "\n    def __init__(self):\n        raise RuntimeError('no config file')",
        "cannot create Plugin(): RuntimeError: no config file",
    ),
    "bad extensions": (exporter_module("broken", extensions=("md",)), "extension 'md' is not a file extension"),
    "newer api": (exporter_module("broken", api_version=2), "targets plugin API version 2"),
    "no api_version": (
        exporter_module("broken").replace("api_version = 1", ""),
        "declares no api_version (add `api_version = 1`",
    ),
    "name mismatch": (exporter_module("other"), "calls itself 'other' but is registered as 'broken'"),
    "bad option": (
        exporter_module("broken").replace('Option("loud", bool, False', 'Option("loud", list, []'),
        "option 'loud': type must be one of",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN_CASES))
def test_a_broken_plugin_is_listed_with_its_reason_and_the_rest_keeps_working(install: Install, case: str) -> None:
    source, reason = BROKEN_CASES[case]
    install("broken-dist", exporters={"broken": "broken_plugin:Plugin"}, modules={"broken_plugin": source})
    listed = info("broken")
    assert listed.broken and listed.distribution == "broken-dist"
    assert reason in (listed.error or ""), listed.error
    assert "exporter 'broken' from broken-dist (broken_plugin:Plugin) is broken" in (listed.error or "")
    with pytest.raises(PluginError, match="broken-dist") as raised:
        registry.get_exporter("broken")
    assert raised.value.distribution == "broken-dist" and raised.value.name == "broken"
    with pytest.raises(PluginError):
        communique.render(RELEASE, "broken")
    # Everything else is untouched.
    assert communique.parse(communique.render(RELEASE, "json"), "json") == RELEASE
    assert "broken" in registry.exporter_names()


def test_a_broken_plugin_is_skipped_by_extension_lookup_with_one_warning(install: Install) -> None:
    install(
        "broken-dist",
        exporters={"broken": "broken_plugin:Plugin", "fine": "fine_plugin:Plugin"},
        modules={"broken_plugin": "raise ImportError('nope')", "fine_plugin": exporter_module("fine")},
    )
    with pytest.warns(CommuniqueWarning, match=r"skipping exporter 'broken' from broken-dist .* ImportError: nope"):
        assert registry.exporter_for("out.x") == "fine"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert registry.exporter_for("out.x") == "fine"  # warned once only


def test_an_invalid_entry_point_name_is_listed_broken(install: Install) -> None:
    install("odd-dist", exporters={"Two Words": "odd_plugin:Plugin"}, modules={"odd_plugin": exporter_module("x")})
    listed = info("two words")
    assert listed.broken and "is not a format name" in (listed.error or "")


def test_a_malformed_entry_point_value_is_listed_broken_and_nothing_else_breaks(install: Install) -> None:
    install("odd-dist", exporters={"badep": "not a valid : : spec"})
    listed = info("badep")
    assert listed.broken and "is not 'package.module:Object'" in (listed.error or "")
    with pytest.raises(communique.PluginError, match="odd-dist"):
        registry.get_exporter("badep")
    assert registry.get_exporter("json").name == "json"


def test_a_broken_parser_does_not_stop_sniffing(install: Install) -> None:
    install(
        "sniffers",
        parsers={"aaa": "bad_sniff:Plugin", "bbb": "no_import:Plugin", "ccc": "good_sniff:Plugin"},
        modules={
            "bad_sniff": PARSER.format(name="aaa", label="A", extensions=(".a",), sniff="raise ValueError('oops')"),
            "no_import": "raise ImportError('gone')",
            "good_sniff": PARSER.format(name="ccc", label="C", extensions=(".c",), sniff="return head == b'CCC'"),
        },
    )
    with pytest.warns(CommuniqueWarning, match="no_import"):
        assert registry.sniff(b"CCC") == "ccc"


# --------------------------------------------------------------------------- conflicts


def test_two_distributions_claiming_one_name_resolve_alphabetically_with_a_warning(install: Install) -> None:
    install("zeta-md", exporters={"md": "zeta_md:Plugin"}, modules={"zeta_md": exporter_module("md", "Zeta")})
    install("alpha-md", exporters={"md": "alpha_md:Plugin"}, modules={"alpha_md": exporter_module("md", "Alpha")})
    with pytest.warns(CommuniqueWarning) as caught:
        assert communique.render(RELEASE, "md") == b"Alpha:Titre"
    message = str(caught[0].message)
    assert "exporter 'md' is provided by alpha-md and by zeta-md; using alpha-md's" in message
    assert "'zeta-md:md'" in message
    assert communique.render(RELEASE, "zeta-md:md") == b"Zeta:Titre"
    assert communique.render(RELEASE, "Zeta_MD:md") == b"Zeta:Titre"  # distribution names are normalised
    assert info("md", distribution="zeta-md").shadowed_by == "alpha-md"
    assert info("md", distribution="alpha-md").shadowed_by is None


def test_the_builtin_format_wins_a_conflict_and_the_other_stays_reachable(install: Install) -> None:
    install("json-plus", exporters={"json": "json_plus:Plugin"}, modules={"json_plus": exporter_module("json", "Plus")})
    with pytest.warns(CommuniqueWarning, match="provided by communique and by json-plus; using communique's"):
        assert communique.render(RELEASE, "json").startswith(b"{")
    assert communique.render(RELEASE, "json-plus:json") == b"Plus:Titre"
    assert communique.render(RELEASE, "communique:json").startswith(b"{")
    assert info("json", distribution="json-plus").shadowed_by == "communique"


def test_a_broken_winner_gives_way_to_the_next_plugin_of_the_name(install: Install) -> None:
    install("aaa-dist", exporters={"dup": "aaa_dup:Plugin"}, modules={"aaa_dup": exporter_module("dup", api_version=9)})
    install("bbb-dist", exporters={"dup": "bbb_dup:Plugin"}, modules={"bbb_dup": exporter_module("dup", "B")})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert communique.render(RELEASE, "dup") == b"B:Titre"
    # One warning: the skipped plugin, named; a broken competitor is no conflict.
    assert [str(w.message).split(":")[0] for w in caught] == ["skipping exporter 'dup' from aaa-dist (aaa_dup"]
    assert "targets plugin API version 9" in str(caught[0].message)
    assert info("dup", distribution="aaa-dist").broken
    assert info("dup", distribution="aaa-dist").shadowed_by == "bbb-dist"
    with pytest.raises(PluginError, match="aaa-dist"):
        registry.get_exporter("aaa-dist:dup")


def test_picking_a_distribution_that_does_not_provide_the_name_lists_who_does(install: Install) -> None:
    with pytest.raises(FormatError, match=r"distribution 'nobody' provides no exporter 'json'; .* 'communique:json'"):
        registry.get_exporter("nobody:json")
    with pytest.raises(FormatError, match="unknown exporter format 'nope'"):
        registry.get_exporter("nobody:nope")


@pytest.mark.parametrize("name", ["", "   ", None, 3])
def test_a_name_must_be_a_non_empty_string(name: Any) -> None:
    with pytest.raises(FormatError, match="must be a non-empty string"):
        registry.get_exporter(name)


def test_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(FormatError, match=r"unknown exporter format 'nope'; known exporters: .*json"):
        registry.get_exporter("nope")


# --------------------------------------------------------------------------- file names


def test_the_longest_extension_wins_then_a_builtin_then_the_first_name(install: Install) -> None:
    install(
        "ext-dist",
        exporters={"dotx": "p_dotx:Plugin", "nitfish": "p_nitfish:Plugin", "ajson": "p_ajson:Plugin"},
        modules={
            "p_dotx": exporter_module("dotx", extensions=(".x",)),
            "p_nitfish": exporter_module("nitfish", extensions=(".fish.x",)),
            "p_ajson": exporter_module("ajson", extensions=(".json",)),
        },
    )
    assert registry.exporter_for("a/b/release.fish.x") == "nitfish"
    assert registry.exporter_for("release.X") == "dotx"
    assert registry.exporter_for("release.json") == "json"  # the built-in beats "ajson"
    with pytest.raises(
        FormatError, match=r"no exporter for the file name 'release\.nope'; known extensions: .*\.fish\.x"
    ):
        registry.exporter_for("release.nope")
    with pytest.raises(FormatError):
        registry.exporter_for(".x")  # a dot-file has no extension


# --------------------------------------------------------------------------- run-time registration


class Shout(Exporter):
    name = "shout"
    label = "Shout"
    extensions = (".shout",)
    media_type = "text/plain"

    def render(self, release: PressRelease, **options: Any) -> bytes:
        return release.header.title.upper().encode()


def test_register_adds_a_format_for_this_process_and_unregister_removes_it() -> None:
    try:
        instance = registry.register(Shout)
        assert isinstance(instance, Shout)
        assert communique.render(RELEASE, "shout") == b"TITRE"
        assert registry.exporter_for("a.shout") == "shout"
        assert info("shout").distribution == registry.RUNTIME_DISTRIBUTION
    finally:
        registry.unregister("shout", kind="exporter")
    assert "shout" not in registry.exporter_names()


def test_registered_overrides_a_builtin_for_one_block_then_restores_it() -> None:
    class Json(Shout):
        name = "json"

    with registry.registered(Json()) as plugin:
        assert isinstance(plugin, Json)
        assert communique.render(RELEASE, "json") == b"TITRE"
    assert communique.render(RELEASE, "json").startswith(b"{")


def test_registered_restores_an_earlier_run_time_registration() -> None:
    class Whisper(Shout):
        def render(self, release: PressRelease, **options: Any) -> bytes:
            return release.header.title.lower().encode()

    try:
        registry.register(Shout)
        with registry.registered(Whisper):
            assert communique.render(RELEASE, "shout") == b"titre"
        assert communique.render(RELEASE, "shout") == b"TITRE"
    finally:
        registry.unregister("shout", kind="exporter")


def test_register_refuses_what_is_not_a_plugin() -> None:
    class Bad(Shout):
        extensions = ("shout",)

    with pytest.raises(
        PluginError, match=r"cannot register exporter 'shout'.*extension 'shout' is not a file extension"
    ):
        registry.register(Bad)
    with pytest.raises(PluginError, match="cannot tell whether"):
        registry.register(object())  # type: ignore[arg-type]
    assert "shout" not in registry.exporter_names()


def test_refresh_sees_a_plugin_installed_after_the_first_scan(install: Install) -> None:
    assert "late" not in registry.exporter_names()
    site = install("late-dist")  # installs nothing yet, scans
    assert "late" not in registry.exporter_names()
    (site / "late_plugin.py").write_text(exporter_module("late"), encoding="utf-8")
    info_dir = site / "late_dist-1.0.dist-info"
    (info_dir / "entry_points.txt").write_text("[communique.exporters]\nlate = late_plugin:Plugin\n", encoding="utf-8")
    assert "late" not in registry.exporter_names()  # the scan is cached...
    registry.refresh()
    try:
        assert "late" in registry.exporter_names()  # ...until refreshed
    finally:
        sys.modules.pop("late_plugin", None)


def test_a_resolved_name_is_forgotten_when_its_registration_changes() -> None:
    from communique.plugins import Exporter

    class First(Exporter):
        name = "cachecheck"
        extensions = (".cc",)

        def render(self, release: object, **options: object) -> bytes:
            return b"first"

    class Second(First):
        def render(self, release: object, **options: object) -> bytes:
            return b"second"

    with registry.registered(First):
        assert isinstance(registry.get_exporter("cachecheck"), First)
        with registry.registered(Second):
            assert isinstance(registry.get_exporter("cachecheck"), Second)
        assert isinstance(registry.get_exporter("cachecheck"), First)
    with pytest.raises(communique.FormatError):
        registry.get_exporter("cachecheck")


# --------------------------------------------------------------------------- the scan's disk cache


def _aged(path: Path, seconds: float = 3600) -> None:
    """Date ``path`` and everything in it ``seconds`` back (a fresh file is too recent to be cached)."""
    import time

    when = time.time() - seconds
    for p in [*path.rglob("*"), path]:
        os.utime(p, (when, when))


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path, list[int]]]:
    """A private cache folder, a site folder on sys.path, and a count of real scans."""
    cache = tmp_path / "cache"
    site = tmp_path / "cached-site"
    site.mkdir()
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(cache))
    monkeypatch.syspath_prepend(str(site))
    scans = [0]
    real = importlib.metadata.entry_points

    def counting(**selection: Any) -> importlib.metadata.EntryPoints:
        scans[0] += 1
        return real(**selection)

    monkeypatch.setattr(importlib.metadata, "entry_points", counting)
    registry.refresh()
    yield cache, site, scans
    registry.refresh()


def _dist(site: Path, dist: str, exporters: dict[str, str], version: str = "1.0") -> Path:
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    lines = ["[communique.exporters]", *(f"{k} = {v}" for k, v in exporters.items()), ""]
    (info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    _aged(info)
    return info


def _rescan() -> list[str]:
    registry.refresh()
    return registry.exporter_names()


def test_the_scan_is_cached_on_disk_and_reused(cached: tuple[Path, Path, list[int]]) -> None:
    cache, site, scans = cached
    _dist(site, "cached-one", {"one": "cached_one:Plugin"})
    assert "one" in _rescan()
    assert scans == [1]
    assert [p.name for p in cache.iterdir()] == [p.name for p in cache.glob("entry-points-*.json")] != []
    assert "one" in _rescan()
    assert scans == [1], "the second process-equivalent lookup reads the cache"
    [found] = [i for i in registry.formats("exporter", load=False) if i.name == "one"]
    assert (found.distribution, found.version, found.target) == ("cached-one", "1.0", "cached_one:Plugin")


def test_installing_upgrading_editing_or_removing_a_distribution_invalidates(
    cached: tuple[Path, Path, list[int]],
) -> None:
    import shutil

    _, site, scans = cached
    first = _dist(site, "cached-one", {"one": "cached_one:Plugin"})
    assert "one" in _rescan()
    _dist(site, "cached-two", {"two": "cached_two:Plugin"})  # a new distribution
    assert {"one", "two"} <= set(_rescan())
    assert scans == [2]
    # Its entry points edited in place (the folder's own time kept).
    (first / "entry_points.txt").write_text("[communique.exporters]\nuno = cached_one:Plugin\n", encoding="utf-8")
    _aged(first / "entry_points.txt", 1800)
    names = _rescan()
    assert "uno" in names and "one" not in names
    assert scans == [3]
    # Upgraded: a new dist-info folder replaces the old one.
    shutil.rmtree(first)
    _dist(site, "cached-one", {"one": "cached_one:Plugin"}, version="2.0")
    assert "one" in _rescan()
    [found] = [i for i in registry.formats("exporter", load=False) if i.name == "one"]
    assert found.version == "2.0"
    # Removed.
    shutil.rmtree(site / "cached_two-1.0.dist-info")
    assert "two" not in _rescan()
    assert scans == [5]
    assert "one" in _rescan()
    assert scans == [5]


def test_a_scan_of_files_changed_a_moment_ago_is_not_cached(cached: tuple[Path, Path, list[int]]) -> None:
    # Within the file system's timestamp granularity a file can change again without its time changing.
    cache, site, scans = cached
    info = _dist(site, "cached-one", {"one": "cached_one:Plugin"})
    os.utime(info / "entry_points.txt")
    _rescan()
    _rescan()
    assert scans == [2]
    assert list(cache.glob("entry-points-*.json")) == []


def test_a_corrupt_or_foreign_cache_file_is_ignored_and_replaced(cached: tuple[Path, Path, list[int]]) -> None:
    cache, site, scans = cached
    _dist(site, "cached-one", {"one": "cached_one:Plugin"})
    assert "one" in _rescan()
    [path] = cache.glob("entry-points-*.json")
    good = path.read_bytes()
    for bad in (
        b"\x00garbage{",
        b"[]",
        b'{"format": 1}',
        good.replace(b'"cached_one:Plugin"', b"42"),
        good.replace(b'"format":1', b'"format":99'),
        good[: len(good) // 2],
    ):
        path.write_bytes(bad)
        assert "one" in _rescan()
        assert path.read_bytes() == good, bad
    assert scans == [7]


def test_an_unwritable_cache_folder_changes_nothing(
    cached: tuple[Path, Path, list[int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, site, scans = cached
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(blocker / "cache"))
    _dist(site, "cached-one", {"one": "cached_one:Plugin"})
    assert "one" in _rescan()
    assert "one" in _rescan()
    assert scans == [2]


def test_no_cache_when_turned_off(cached: tuple[Path, Path, list[int]], monkeypatch: pytest.MonkeyPatch) -> None:
    cache, site, scans = cached
    monkeypatch.setenv("COMMUNIQUE_NO_CACHE", "1")
    _dist(site, "cached-one", {"one": "cached_one:Plugin"})
    _rescan()
    _rescan()
    assert scans == [2]
    assert not cache.exists()


def test_an_unknown_distribution_finder_turns_the_cache_off(
    cached: tuple[Path, Path, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Finder:
        def find_distributions(self, *args: object, **kwargs: object) -> list[object]:
            return []

    cache, site, scans = cached
    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    _dist(site, "cached-one", {"one": "cached_one:Plugin"})
    _rescan()
    _rescan()
    assert scans == [2]
    assert not cache.exists()


def test_a_new_process_uses_the_cache(tmp_path: Path) -> None:
    code = """
        import importlib.metadata as md
        calls = []
        real = md.entry_points
        md.entry_points = lambda **kw: calls.append(1) or real(**kw)
        import communique
        assert "json" in communique.exporter_names()
        print(len(calls))
        """
    env = {"COMMUNIQUE_CACHE_DIR": str(tmp_path / "cache")}
    outs = [run_python(code, **env) for _ in range(2)]
    assert [o.returncode for o in outs] == [0, 0], [o.stderr for o in outs]
    assert [o.stdout.strip() for o in outs] == ["1", "0"]


def test_the_builtin_extension_table_matches_the_classes() -> None:
    loaded = {(i.target, i.extensions) for i in registry.formats() if i.builtin}
    assert loaded == set(registry._BUILTIN_EXTENSIONS.items())


def test_a_file_name_imports_only_the_format_it_resolves_to() -> None:
    result = run_python(
        """
        import sys
        import communique
        from communique import registry
        assert registry.parser_for("a.nitf.xml") == "nitf"
        assert registry.exporter_for("b.pdf") == "pdf"
        loaded = [m for m in sys.modules if m.startswith(("communique.exporters.", "communique.parsers."))]
        assert loaded == [], loaded
        """
    )
    assert result.returncode == 0, result.stderr
