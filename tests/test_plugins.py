"""The plugin protocol: option declarations, option values, and what makes an object a plugin."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from communique import OptionError, PluginError, PressRelease
from communique.model import Header
from communique.plugins import (
    OPTION_TYPES,
    PLUGIN_API_VERSION,
    Exporter,
    ExporterProtocol,
    Option,
    Parser,
    ParserProtocol,
    convert_options,
    plugin_problems,
)

RELEASE = PressRelease(header=Header(title="Titre", language="fr"))


class Shout(Exporter):
    name = "shout"
    label = "Upper-case text"
    extensions = (".shout",)
    media_type = "text/plain"
    api_version = PLUGIN_API_VERSION
    options = (
        Option("bang", bool, False, "end the title with '!'"),
        Option("width", int, 72, "line width"),
        Option("ratio", float, 1.0, "a number"),
        Option("case", str, "upper", "letter case", choices=("upper", "lower")),
    )

    def render(self, release: PressRelease, **options: Any) -> bytes:
        text = release.header.title.upper() if options["case"] == "upper" else release.header.title.lower()
        return (text + ("!" if options["bang"] else "")).encode()


class Reader(Parser):
    name = "reader"
    extensions = (".rd",)
    media_type = "text/plain"
    api_version = PLUGIN_API_VERSION

    def parse(self, data: bytes, **options: Any) -> PressRelease:
        return RELEASE


# --------------------------------------------------------------------------- declaring options


def test_an_option_declares_name_type_default_help_and_choices() -> None:
    option = Option("page_size", str, "a4", "A4 or Letter", choices=("a4", "letter"))
    assert (option.name, option.type, option.default, option.help, option.choices) == (
        "page_size",
        str,
        "a4",
        "A4 or Letter",
        ("a4", "letter"),
    )
    assert option.type_name == "str"
    assert option.describe() == "page_size (str, default 'a4'; a4|letter): A4 or Letter"


def test_option_types_are_the_ones_a_command_line_can_spell() -> None:
    assert [t.__name__ for t in OPTION_TYPES] == ["str", "int", "float", "bool"]
    with pytest.raises(PluginError, match="type must be one of str, int, float, bool"):
        Option("pages", list, [])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "Page-Size", "type": str}, "lower-case identifier"),
        ({"name": "", "type": str}, "lower-case identifier"),
        ({"name": "width", "type": int, "default": "72"}, "default '72' is not an int"),
        ({"name": "width", "type": int, "default": True}, "default True is not an int"),
        ({"name": "size", "type": str, "default": "a5", "choices": ("a4", "letter")}, "not one of its choices"),
        ({"name": "size", "type": str, "choices": "a4"}, "choices must be a non-empty tuple"),
        ({"name": "size", "type": str, "choices": ()}, "choices must be a non-empty tuple"),
        ({"name": "size", "type": str, "choices": ("a4", 5)}, "choice 5 is not a str"),
        ({"name": "size", "type": str, "help": None}, "help must be a string"),
    ],
)
def test_a_bad_option_declaration_fails_when_the_plugin_module_is_imported(
    kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(PluginError, match=message):
        Option(**kwargs)


def test_a_float_option_accepts_an_int_default() -> None:
    assert Option("ratio", float, 1).default == 1


# --------------------------------------------------------------------------- option values


@pytest.mark.parametrize(
    ("type_", "text", "value"),
    [
        (bool, "yes", True),
        (bool, " TRUE ", True),
        (bool, "1", True),
        (bool, "off", False),
        (bool, "No", False),
        (int, "42", 42),
        (int, "-3", -3),
        (float, "2.5", 2.5),
        (float, "3", 3.0),
        (str, "letter", "letter"),
    ],
)
def test_command_line_strings_are_converted_to_the_declared_type(type_: type, text: str, value: object) -> None:
    assert Option("x", type_).convert(text, format="f") == value


@pytest.mark.parametrize(
    ("type_", "value"),
    [(bool, "maybe"), (int, "4.5"), (int, "four"), (float, "nan"), (float, "inf"), (int, True), (int, 2.0), (str, 3)],
)
def test_a_value_of_the_wrong_type_is_an_option_error_naming_option_format_and_type(type_: type, value: object) -> None:
    with pytest.raises(OptionError, match=rf"option 'x' of format 'fmt' expects {type_.__name__}, got"):
        Option("x", type_).convert(value, format="fmt")


def test_an_int_is_accepted_for_a_float_option() -> None:
    assert Option("x", float).convert(2, format="f") == 2.0


def test_a_value_outside_the_choices_is_refused_listing_them() -> None:
    with pytest.raises(OptionError, match="must be one of a4, letter, not 'a5'"):
        Option("size", str, "a4", choices=("a4", "letter")).convert("a5", format="pdf")


def test_convert_options_fills_every_declared_default() -> None:
    assert convert_options(Shout(), {"bang": "yes"}) == {"bang": True, "width": 72, "ratio": 1.0, "case": "upper"}
    assert Shout().render(RELEASE, **convert_options(Shout(), {"bang": True})) == b"TITRE!"


def test_an_unknown_option_is_an_option_error_listing_the_known_ones() -> None:
    with pytest.raises(
        OptionError, match=r"format 'shout' has no option 'colour' \(known options: bang, case, ratio, width\)"
    ):
        convert_options(Shout(), {"colour": "red"})


def test_a_format_without_options_says_so() -> None:
    with pytest.raises(OptionError, match=r"known options: none"):
        convert_options(Reader(), {"strict": True})


# --------------------------------------------------------------------------- the protocol


def test_well_formed_plugins_have_no_problems() -> None:
    assert plugin_problems(Shout(), "exporter") == []
    assert plugin_problems(Reader(), "parser") == []


def test_the_base_classes_are_abstract_and_satisfy_the_structural_protocols() -> None:
    with pytest.raises(TypeError):
        Exporter()  # type: ignore[abstract]
    assert isinstance(Shout(), ExporterProtocol)
    assert isinstance(Reader(), ParserProtocol)
    assert Reader().sniff(b"anything") is False


def test_write_to_streams_the_same_bytes_as_render() -> None:
    stream = io.BytesIO()
    Shout().write_to(RELEASE, stream, **convert_options(Shout(), {}))
    assert stream.getvalue() == b"TITRE"


class _Duck:
    """A plugin that does not subclass Exporter but has everything it needs."""

    name = "duck"
    label = "Duck"
    extensions = (".duck",)
    media_type = "text/plain"
    api_version = PLUGIN_API_VERSION
    options = ()

    def render(self, release: PressRelease, **options: Any) -> bytes:
        return b"quack"


def test_duck_typed_plugins_are_accepted() -> None:
    assert plugin_problems(_Duck(), "exporter") == []


def _with(**attrs: object) -> object:
    return type("Plugin", (_Duck,), attrs)()


@pytest.mark.parametrize(
    ("attrs", "problem"),
    [
        ({"name": "Duck"}, "name 'Duck' is not a format name"),
        ({"name": "dist:duck"}, "name 'dist:duck' is not a format name"),
        ({"name": None}, "name None is not a format name"),
        ({"label": 3}, "label must be a string"),
        ({"extensions": ".duck"}, "extensions must be a tuple"),
        ({"extensions": ("duck",)}, "extension 'duck' is not a file extension"),
        ({"extensions": (".du ck",)}, "is not a file extension"),
        ({"extensions": (".md", ".MD")}, "repeat an extension"),
        ({"media_type": "markdown"}, "media_type 'markdown' is not a media type"),
        ({"options": ("width",)}, "options must be a tuple of communique.plugins.Option"),
        ({"options": (Option("a", str), Option("a", int))}, "options declare a name twice: a"),
        ({"render": None}, "it has no render() method, so it is not an exporter"),
        ({"api_version": None}, "declares no api_version (add `api_version = 1`"),
        ({"api_version": "1"}, "api_version must be an int"),
        (
            {"api_version": PLUGIN_API_VERSION + 1},
            "targets plugin API version 2, but this communique implements version 1",
        ),
        ({"api_version": 0}, "targets plugin API version 0"),
    ],
)
def test_each_breach_of_the_protocol_is_named(attrs: dict[str, object], problem: str) -> None:
    problems = plugin_problems(_with(**attrs), "exporter")
    assert any(problem in p for p in problems), problems


def test_an_exporter_is_not_a_parser() -> None:
    assert "it has no parse() method, so it is not a parser" in plugin_problems(Shout(), "parser")


def test_api_version_can_be_left_out_where_the_host_vouches_for_the_plugin() -> None:
    assert plugin_problems(_with(api_version=None), "exporter", require_api_version=False) == []
    # ...but a wrong one is never accepted.
    assert plugin_problems(_with(api_version=7), "exporter", require_api_version=False)


def test_a_path_is_accepted_where_a_str_option_is_declared(tmp_path: Path) -> None:
    from communique.plugins import Option

    option = Option("template", str, None, "a file")
    assert option.convert(tmp_path / "house.dotx", format="docx") == str(tmp_path / "house.dotx")


def test_choices_match_regardless_of_case() -> None:
    from communique.plugins import Option

    option = Option("page_size", str, "a4", "paper", choices=("a4", "letter"))
    assert option.convert("Letter", format="pdf") == "letter"
    assert option.convert("A4", format="pdf") == "a4"
