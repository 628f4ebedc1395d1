"""The plugin protocol: what a parser or an exporter must provide.

A plugin is a class registered under an entry point of the group
``communique.parsers`` or ``communique.exporters``; communique instantiates it
with no arguments the first time the format is used.  The built-in formats are
registered exactly this way in communique's own ``pyproject.toml``.

A minimal exporter::

    from communique.plugins import Exporter, Option

    class ShoutExporter(Exporter):
        name = "shout"
        label = "Upper-case text"
        extensions = (".shout",)
        media_type = "text/plain"
        api_version = 1
        options = (Option("bang", bool, False, "end the title with '!'"),)

        def render(self, release, *, bang=False):
            title = release.header.title.upper() + ("!" if bang else "")
            return (title + "\\n\\n" + release.text.upper()).encode()

The contract, checked by the registry when the plugin is loaded (and by
:mod:`communique.testing` in a plugin's own tests):

* ``name`` — what users type (``--to shout``): lower case letters, digits and
  ``_ . + -``; equal to the entry point's name.  No ``:`` (it separates a
  distribution from a name, as in ``communique-markdown:markdown``).
* ``label`` — a human name; ``extensions`` — a tuple like ``(".md",)``, the
  preferred one first; ``media_type`` — e.g. ``"text/markdown"``.
* ``api_version`` — the :data:`PLUGIN_API_VERSION` the plugin was written for.
  A plugin installed from another distribution must declare it; one that
  targets another version is reported as broken, never half-used.
* ``options`` — a tuple of :class:`Option`; values reach ``render`` /
  ``parse`` as keyword arguments, already converted and with every declared
  default filled in.
* exporters: ``render(release, **options) -> bytes``; optionally
  ``write_to(release, stream, **options)`` for a streaming implementation.
* parsers: ``parse(data: bytes, **options) -> PressRelease``, raising
  :class:`~communique.errors.ParseError` on bad input, and optionally
  ``sniff(head: bytes) -> bool``.

The module an entry point names is imported just to read these class
attributes (``communique formats`` lists extensions that way), so it must stay
light: import heavy libraries inside ``render`` / ``parse``.
"""

from __future__ import annotations

import abc
import math
import os
import re
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any, ClassVar, Literal, Protocol, runtime_checkable

from attrs import frozen

from .errors import OptionError, PluginError

if TYPE_CHECKING:
    from .model import PressRelease

__all__ = [
    "DEFAULT_MAX_INPUT_SIZE",
    "OPTION_TYPES",
    "PLUGIN_API_VERSION",
    "Exporter",
    "ExporterProtocol",
    "Option",
    "Parser",
    "ParserProtocol",
    "convert_options",
    "max_size_option",
    "plugin_problems",
]

PLUGIN_API_VERSION = 1
"""The plugin API version this communique implements.  A plugin whose
``api_version`` differs is reported as broken (with a warning naming its
distribution when a lookup skips it) instead of being used."""

DEFAULT_MAX_INPUT_SIZE = 64 * 2**20
"""Largest input (64 MiB) :func:`communique.read` and :func:`communique.parse` give a parser
that declares no ``max_size`` option; the built-in parsers declare their own."""

OPTION_TYPES: tuple[type, ...] = (str, int, float, bool)
"""The types an :class:`Option` may declare: the ones a command line can spell."""

Kind = Literal["parser", "exporter"]

_TRUE = {"1", "true", "yes", "on", "y"}
_FALSE = {"0", "false", "no", "off", "n"}
# ':' is reserved for "distribution:name"; upper case is folded by lookups, so it is refused here.
FORMAT_NAME = re.compile(r"[a-z0-9][a-z0-9_.+-]*")
_OPTION_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_EXTENSION = re.compile(r"(?:\.[A-Za-z0-9][A-Za-z0-9_+-]*)+")
_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;.*)?")


def _type_name(kind: type) -> str:
    return kind.__name__


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


@frozen
class Option:
    """A declared option of a parser or exporter.

    ``type`` is one of :data:`OPTION_TYPES` so that the command line can list
    the option (``communique formats --verbose``) and convert ``NAME=VALUE``
    strings; ``default`` is what ``render`` / ``parse`` receive when the
    caller does not give the option; ``choices``, if given, are the only
    values accepted.  A bad declaration raises
    :class:`~communique.errors.PluginError` when the plugin's module is
    imported, so the registry reports the plugin as broken.
    """

    name: str
    type: type
    default: Any = None
    help: str = ""
    choices: tuple[Any, ...] | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not _OPTION_NAME.fullmatch(self.name):
            raise PluginError(f"option name {self.name!r} must be a lower-case identifier such as 'page_size'")
        if self.type not in OPTION_TYPES:
            allowed = ", ".join(_type_name(t) for t in OPTION_TYPES)
            raise PluginError(f"option {self.name!r}: type must be one of {allowed}, not {self.type!r}")
        if not isinstance(self.help, str):
            raise PluginError(f"option {self.name!r}: help must be a string")
        if self.choices is not None:
            if isinstance(self.choices, (str, bytes)) or not isinstance(self.choices, tuple) or not self.choices:
                raise PluginError(f"option {self.name!r}: choices must be a non-empty tuple, not {self.choices!r}")
            for choice in self.choices:
                if not _is_instance(choice, self.type):
                    raise PluginError(f"option {self.name!r}: choice {choice!r} is not {_a(_type_name(self.type))}")
        if self.default is not None:
            if not _is_instance(self.default, self.type):
                raise PluginError(f"option {self.name!r}: default {self.default!r} is not {_a(_type_name(self.type))}")
            if self.choices is not None and self.default not in self.choices:
                raise PluginError(f"option {self.name!r}: default {self.default!r} is not one of its choices")

    @property
    def type_name(self) -> str:
        """The declared type's name (``"str"``, ``"int"``, ``"float"``, ``"bool"``)."""
        return _type_name(self.type)

    def describe(self) -> str:
        """One line for listings: ``page_size (str, default 'a4'; a4|letter): A4 or Letter``."""
        facts = [self.type_name, f"default {self.default!r}"]
        text = f"{self.name} ({', '.join(facts)}"
        if self.choices is not None:
            text += "; " + "|".join(str(c) for c in self.choices)
        text += ")"
        return f"{text}: {self.help}" if self.help else text

    def convert(self, value: Any, *, format: str) -> Any:
        """Check ``value`` (or convert it from the command line's string form)."""
        try:
            if self.type is str and isinstance(value, os.PathLike):
                # File options (a template, a logo) are declared as str; a Path is what callers have.
                value = os.fspath(value)
            if isinstance(value, str) and self.type is not str:
                value = _from_string(value, self.type)
            elif value is not None and not _is_instance(value, self.type):
                if self.type is float and type(value) is int:
                    value = float(value)
                else:
                    raise TypeError(value)
        except (TypeError, ValueError) as exc:
            raise OptionError(
                f"option {self.name!r} of format {format!r} expects {self.type_name}, got {value!r}"
            ) from exc
        if self.choices is not None and value not in self.choices and isinstance(value, str):
            # "Letter" and "A4" are what people type for page sizes; choices match regardless of case.
            folded = {str(c).casefold(): c for c in self.choices}
            value = folded.get(value.casefold(), value)
        if self.choices is not None and value not in self.choices:
            known = ", ".join(map(str, self.choices))
            raise OptionError(f"option {self.name!r} of format {format!r} must be one of {known}, not {value!r}")
        return value


def _is_instance(value: object, kind: type) -> bool:
    # bool is an int subclass, but `pages=True` is a mistake, not the number 1.
    if kind in (int, float) and isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, (int, float))
    return isinstance(value, kind)


def _from_string(text: str, kind: type) -> Any:
    low = text.strip().lower()
    if kind is bool:
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ValueError(text)
    if kind is int:
        return int(low)
    number = float(low)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def convert_options(plugin: Exporter | Parser, options: Mapping[str, Any]) -> dict[str, Any]:
    """Validate ``options`` against what ``plugin`` declares; return them converted.

    Every declared option is in the result: those not given take their
    declared default, so a plugin reads its options from one place.
    """
    declared = {o.name: o for o in plugin.options}
    out: dict[str, Any] = {}
    for key, value in options.items():
        option = declared.get(key)
        if option is None:
            known = ", ".join(sorted(declared)) or "none"
            raise OptionError(f"format {plugin.name!r} has no option {key!r} (known options: {known})")
        out[key] = option.convert(value, format=plugin.name)
    for name, option in declared.items():
        out.setdefault(name, option.default)
    return out


def size_text(size: int) -> str:
    """``16 MiB``, ``1 KiB``, ``1,500 bytes``: a byte count as the limits are written."""
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor and size % factor == 0:
            return f"{size // factor:,} {unit}"
    return f"{size:,} bytes"


def max_size_option(default: int) -> Option:
    """The ``max_size`` option of a parser: the largest input it accepts, checked while reading.

    :func:`communique.read` stops reading a file or stream one byte past it,
    and :func:`communique.parse` refuses longer data before the parser sees it.
    """
    return Option(
        "max_size",
        int,
        default,
        f"largest input accepted, in bytes (default {size_text(default)}), checked while reading; raise it for larger files",
    )


class _Plugin:
    name: ClassVar[str]
    """The format name users type (``--to NAME``)."""
    label: ClassVar[str] = ""
    """A human name, e.g. ``"Word document"``."""
    extensions: ClassVar[tuple[str, ...]] = ()
    """File extensions with the dot, the preferred one first, e.g. ``(".docx",)``."""
    media_type: ClassVar[str] = "application/octet-stream"
    """The IANA media type of the format, e.g. ``"text/markdown"``."""
    api_version: ClassVar[int | None] = None
    """The :data:`PLUGIN_API_VERSION` the plugin targets.  Third-party plugins
    must set it; the built-in formats ship with communique and need not."""
    options: ClassVar[tuple[Option, ...]] = ()
    """The options ``render`` / ``parse`` accept, as :class:`Option` declarations."""


class Exporter(_Plugin, abc.ABC):
    """Base class (and protocol) of exporters: turn a release into bytes."""

    @abc.abstractmethod
    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Return the release in this format.  ``options`` are already validated."""

    def write_to(self, release: PressRelease, stream: IO[bytes], **options: Any) -> None:
        """Write the release to a binary ``stream``.

        The default writes what :meth:`render` returns; an exporter of very
        large documents may override it to stream.  It must write the same
        bytes as :meth:`render`.
        """
        stream.write(self.render(release, **options))


class Parser(_Plugin, abc.ABC):
    """Base class (and protocol) of parsers: turn bytes into a release."""

    @abc.abstractmethod
    def parse(self, data: bytes, **options: Any) -> PressRelease:
        """Build a release from ``data``; raise :class:`~communique.errors.ParseError` on bad input."""

    def sniff(self, head: bytes) -> bool:
        """Say whether ``head`` (the first bytes of a file) looks like this format."""
        return False


@runtime_checkable
class ExporterProtocol(Protocol):
    """The structural form of :class:`Exporter`, for plugins that do not subclass it."""

    name: str
    label: str
    extensions: tuple[str, ...]
    media_type: str
    options: tuple[Option, ...]

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Return the release in this format."""
        ...


@runtime_checkable
class ParserProtocol(Protocol):
    """The structural form of :class:`Parser`, for plugins that do not subclass it."""

    name: str
    label: str
    extensions: tuple[str, ...]
    media_type: str
    options: tuple[Option, ...]

    def parse(self, data: bytes, **options: Any) -> PressRelease:
        """Build a release from ``data``."""
        ...


def plugin_problems(plugin: object, kind: Kind, *, require_api_version: bool = True) -> list[str]:
    """Everything that keeps ``plugin`` (an instance) from satisfying the protocol of ``kind``.

    An empty list means it is usable.  The registry refuses a plugin with
    problems (listing it as broken); :mod:`communique.testing` reports them
    as a failed check.  ``require_api_version=False`` accepts a plugin that
    declares no ``api_version`` (communique's own, or one registered at run
    time by the running program).
    """
    problems: list[str] = []
    name = getattr(plugin, "name", None)
    if not isinstance(name, str) or not FORMAT_NAME.fullmatch(name):
        problems.append(
            f"name {name!r} is not a format name "
            "(lower-case letters, digits and '_.+-', starting with a letter or digit)"
        )
    label = getattr(plugin, "label", "")
    if not isinstance(label, str):
        problems.append(f"label must be a string, not {type(label).__name__}")
    extensions = getattr(plugin, "extensions", ())
    if not isinstance(extensions, (tuple, list)):
        problems.append(f"extensions must be a tuple of strings like '.md', not {extensions!r}")
    else:
        for ext in extensions:
            if not isinstance(ext, str) or not _EXTENSION.fullmatch(ext):
                problems.append(f"extension {ext!r} is not a file extension like '.md' or '.nitf.xml'")
        lowered = [e.lower() for e in extensions if isinstance(e, str)]
        if len(set(lowered)) != len(lowered):
            problems.append(f"extensions {tuple(extensions)!r} repeat an extension")
    media_type = getattr(plugin, "media_type", None)
    if not isinstance(media_type, str) or not _MEDIA_TYPE.fullmatch(media_type):
        problems.append(f"media_type {media_type!r} is not a media type like 'text/markdown'")
    options = getattr(plugin, "options", ())
    if not isinstance(options, (tuple, list)) or not all(isinstance(o, Option) for o in options):
        problems.append("options must be a tuple of communique.plugins.Option")
    else:
        names = [o.name for o in options]
        if len(set(names)) != len(names):
            problems.append(
                f"options declare a name twice: {', '.join(sorted({n for n in names if names.count(n) > 1}))}"
            )
    method = "parse" if kind == "parser" else "render"
    if not callable(getattr(plugin, method, None)):
        problems.append(f"it has no {method}() method, so it is not {_a(kind)}")
    if kind == "parser" and not callable(getattr(plugin, "sniff", lambda head: False)):
        problems.append("sniff must be a method")
    api = getattr(plugin, "api_version", None)
    if api is None:
        if require_api_version:
            problems.append(f"it declares no api_version (add `api_version = {PLUGIN_API_VERSION}` to the class)")
    elif type(api) is not int:
        problems.append(f"api_version must be an int, not {api!r}")
    elif api != PLUGIN_API_VERSION:
        newer = "a newer" if api > PLUGIN_API_VERSION else "an older"
        problems.append(
            f"it targets plugin API version {api}, but this communique implements version {PLUGIN_API_VERSION} "
            f"({newer} communique is needed, or a release of the plugin for this one)"
        )
    return problems
