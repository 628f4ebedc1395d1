"""The four verbs: parse, read, render, write — format inference, atomic writes, one error hierarchy."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

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
        with pytest.raises(RenderError, match="internal error in the failing exporter"):
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


# --------------------------------------------------------------------------- hostile arguments (issue 15)


@pytest.mark.parametrize("fmt", ["text", "json", "xml", "nitf", "docx", "pdf"])
def test_a_lone_surrogate_in_a_str_is_a_parse_error_for_every_format(fmt: str) -> None:
    from communique import CommuniqueError

    with pytest.raises(CommuniqueError) as info:
        communique.parse("Titre\ud800\n\nTexte.", fmt)
    assert "surrogate" in str(info.value) or fmt in ("docx", "pdf")
    assert not isinstance(info.value, UnicodeError)


def test_a_nul_in_a_path_is_ours_for_read_and_write(tmp_path: Path) -> None:
    from communique.errors import OutputError

    with pytest.raises(communique.ParseError, match="NUL character"):
        communique.read(str(tmp_path / "x\0y.json"))
    with pytest.raises(OutputError, match="NUL character"):
        communique.write(release(), str(tmp_path / "a\0.json"))


def test_read_of_something_that_is_not_a_path_is_a_documented_type_error() -> None:
    with pytest.raises(TypeError, match=r"read\(\) needs a path .* or a binary file, not NoneType"):
        communique.read(None)  # type: ignore[arg-type]
    assert "TypeError" in (communique.read.__doc__ or "")


def test_an_unexpected_exception_in_a_parser_is_not_shown_as_a_python_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.parsers.json import JsonParser

    def boom(self: object, data: bytes, **options: object) -> object:
        raise KeyError("internal_detail")

    monkeypatch.setattr(JsonParser, "parse", boom)
    with pytest.raises(communique.ParseError) as info:
        communique.parse(b"{}", "json")
    message = str(info.value)
    assert "KeyError" not in message and "internal_detail" not in message
    assert "internal error in the json parser" in message
    assert isinstance(info.value.__cause__, KeyError)  # kept for --debug


def test_input_larger_than_the_format_limit_is_refused_while_reading(tmp_path: Path) -> None:
    from communique.parsers.text import TextParser

    big = tmp_path / "big.txt"
    (limit,) = (o.default for o in TextParser.options if o.name == "max_size")
    assert limit == 16 * 2**20
    with big.open("wb") as handle:
        handle.truncate(limit + 1)
    with pytest.raises(communique.ParseError, match=r"larger than the 16 MiB the text parser accepts.*max_size"):
        communique.read(big)
    with pytest.raises(communique.ParseError, match=r"larger than the 1 KiB"):
        communique.parse(b"x" * 2000, "text", max_size=1024)


def test_an_endless_stream_is_read_only_up_to_the_limit() -> None:
    class Endless(io.RawIOBase):
        """/dev/zero as a Python stream: counts what is asked of it."""

        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            n = len(buffer)
            buffer[:n] = b"a" * n
            Endless.served += n
            return n

    with pytest.raises(communique.ParseError, match=r"larger than the 1 MiB"):
        communique.read(Endless(), "text", max_size=1 << 20)
    assert Endless.served <= (1 << 20) + 65536 * 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_dev_zero_is_refused_after_the_limit_not_read_forever() -> None:
    with pytest.raises(communique.ParseError, match="larger than"):
        communique.read("/dev/zero", "text", max_size=1 << 20)


def test_the_limit_can_be_raised() -> None:
    text = "Titre\n\n" + "Un paragraphe assez long pour la limite. " * 40
    with pytest.raises(communique.ParseError, match="larger than"):
        communique.parse(text.encode(), "text", max_size=1024)
    assert communique.parse(text.encode(), "text", max_size=1 << 20).header.title == "Titre"


def test_a_bug_in_an_exporter_is_reported_in_words_not_as_a_python_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    from communique import registry

    plugin = registry.get_exporter("json")

    def broken(release: object, **options: object) -> bytes:
        raise KeyError("layout")

    monkeypatch.setattr(plugin, "render", broken)
    release = communique.parse("A title\n\nA body paragraph that says something.\n", "text")
    with pytest.raises(communique.RenderError) as info:
        communique.render(release, "json")
    message = str(info.value)
    assert "internal error in the json exporter" in message
    assert "KeyError" not in message and "layout" not in message
    assert isinstance(info.value.__cause__, KeyError)  # kept for --debug and bug reports


def test_to_dict_and_from_dict_are_the_canonical_json_form() -> None:
    release = communique.read(Path(__file__).parent.parent / "examples" / "sample_fr.txt")
    data = communique.to_dict(release)
    assert data["schema_version"] == 2 and data["$schema"].startswith("urn:communique:schema:release:")
    assert communique.from_dict(data) == release
    assert json.loads(communique.render(release, "json")) == data
    data["paragraphs"][0] = {"text": 3}
    with pytest.raises(communique.ParseError) as info:
        communique.from_dict(data)
    assert info.value.element == "paragraphs[0].text"


def test_an_unknown_attendee_is_a_communique_error_and_a_key_error() -> None:
    release = communique.parse("A title\n\nA body paragraph that says something.\n", "text")
    with pytest.raises(communique.AttendeeNotFound) as info:
        release.attendee("Nobody Here")
    assert isinstance(info.value, KeyError) and isinstance(info.value, communique.CommuniqueError)
    assert "Nobody Here" in str(info.value)
