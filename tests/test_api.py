"""The four verbs: parse, read, render, write — format inference, atomic writes, one error hierarchy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import communique
from builders import release
from communique import CommuniqueError, FormatError, OptionError, OutputError, ParseError, RenderError


def test_public_api_is_importable_from_the_package() -> None:
    for name in (
        "parse",
        "read",
        "render",
        "write",
        "PressRelease",
        "Header",
        "Dates",
        "Paragraph",
        "Quote",
        "Attendee",
        "CommuniqueError",
        "formats",
        "register",
    ):
        assert hasattr(communique, name), name


def test_import_is_cheap(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import communique, sys; print(sorted(m for m in ('lxml', 'docx', 'reportlab', 'cattrs') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_write_then_read_json_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "release.json"
    communique.write(release(), path)
    assert communique.read(path) == release()
    assert communique.read(str(path), format="json") == release()


def test_read_sniffs_the_content_when_the_extension_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "release.data"
    path.write_bytes(communique.render(release(), "json"))
    assert communique.read(path) == release()


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(FormatError, match=r"known exporters: .*json"):
        communique.render(release(), "nope")
    with pytest.raises(FormatError, match=r"known parsers: .*json"):
        communique.parse(b"{}", "nope")


def test_unknown_extension_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"known extensions: .*\.json"):
        communique.write(release(), tmp_path / "release.unknown")
    assert not list(tmp_path.iterdir())


def test_unknown_options_are_refused() -> None:
    with pytest.raises(OptionError, match="no option 'colour'"):
        communique.render(release(), "json", colour="red")


def test_read_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schema_version": 1, "header": 3}')
    with pytest.raises(ParseError) as err:
        communique.read(path)
    assert err.value.source == str(path)
    assert str(err.value).startswith(str(path))
    with pytest.raises(ParseError, match="no such file"):
        communique.read(tmp_path / "missing.json")
    with pytest.raises(ParseError, match="directory"):
        communique.read(tmp_path, format="json")


def test_write_is_atomic_and_keeps_the_old_file_when_rendering_fails(tmp_path: Path) -> None:
    path = tmp_path / "release.json"
    path.write_text("old content")

    class Failing(communique.plugins.Exporter):
        name = "failing"
        extensions = (".fail",)

        def render(self, release: communique.PressRelease, **options: object) -> bytes:
            raise RuntimeError("boom")

    communique.register(Failing)
    try:
        with pytest.raises(RenderError, match="boom"):
            communique.write(release(), path, format="failing")
    finally:
        communique.registry.unregister("failing", kind="exporter")
    assert path.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.json"]


def test_write_failure_is_an_output_error_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        communique.write(release(), tmp_path / "no" / "such" / "dir.json")
    if os.geteuid() != 0:  # root ignores permissions
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(OutputError):
            communique.write(release(), locked / "x.json")


def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "release.json"
    communique.write(release(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_all_errors_share_one_root() -> None:
    for cls in (
        ParseError,
        FormatError,
        OptionError,
        OutputError,
        RenderError,
        communique.ValidationError,
        communique.PluginError,
    ):
        assert issubclass(cls, CommuniqueError)
