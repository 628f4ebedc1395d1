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
        options = (Option("bang", bool, False, "end the title with '!'"),)

        def render(self, release, *, bang=False):
            title = release.header.title.upper() + ("!" if bang else "")
            return (title + "\\n\\n" + release.text.upper()).encode()
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import frozen

from .errors import OptionError

if TYPE_CHECKING:
    from .model import PressRelease

__all__ = ["PLUGIN_API_VERSION", "Exporter", "Option", "Parser", "convert_options"]

PLUGIN_API_VERSION = 1
"""The plugin API version this communique implements.  A plugin whose
``api_version`` differs is skipped with a warning naming its distribution."""

_TRUE = {"1", "true", "yes", "on", "y"}
_FALSE = {"0", "false", "no", "off", "n"}


@frozen
class Option:
    """A declared option of a parser or exporter (shown by ``communique formats --verbose``)."""

    name: str
    type: type
    default: Any = None
    help: str = ""
    choices: tuple[Any, ...] | None = None

    def convert(self, value: Any, *, format: str) -> Any:
        """Check ``value`` (or convert it from the command line's string form)."""
        try:
            if isinstance(value, str) and self.type is not str:
                if self.type is bool:
                    low = value.strip().lower()
                    if low not in _TRUE | _FALSE:
                        raise ValueError(value)
                    value = low in _TRUE
                else:
                    value = self.type(value)
            elif value is not None and not isinstance(value, self.type):
                if self.type is float and isinstance(value, int) and not isinstance(value, bool):
                    value = float(value)
                else:
                    raise TypeError(value)
        except (TypeError, ValueError) as exc:
            raise OptionError(
                f"option {self.name!r} of format {format!r} expects {self.type.__name__}, got {value!r}"
            ) from exc
        if self.choices is not None and value not in self.choices:
            known = ", ".join(map(str, self.choices))
            raise OptionError(f"option {self.name!r} of format {format!r} must be one of {known}, not {value!r}")
        return value


def convert_options(plugin: Exporter | Parser, options: Mapping[str, Any]) -> dict[str, Any]:
    """Validate ``options`` against what ``plugin`` declares; return them converted."""
    declared = {o.name: o for o in plugin.options}
    out: dict[str, Any] = {}
    for key, value in options.items():
        option = declared.get(key)
        if option is None:
            known = ", ".join(sorted(declared)) or "none"
            raise OptionError(f"format {plugin.name!r} has no option {key!r} (known options: {known})")
        out[key] = option.convert(value, format=plugin.name)
    return out


class _Plugin:
    name: ClassVar[str]
    """The format name users type (``--to NAME``)."""
    label: ClassVar[str] = ""
    """A human name, e.g. ``"Word document"``."""
    extensions: ClassVar[tuple[str, ...]] = ()
    """File extensions with the dot, the preferred one first, e.g. ``(".docx",)``."""
    media_type: ClassVar[str] = "application/octet-stream"
    api_version: ClassVar[int] = PLUGIN_API_VERSION
    options: ClassVar[tuple[Option, ...]] = ()


class Exporter(_Plugin, abc.ABC):
    """Base class (and protocol) of exporters: turn a release into bytes."""

    @abc.abstractmethod
    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Return the release in this format.  ``options`` are already validated."""


class Parser(_Plugin, abc.ABC):
    """Base class (and protocol) of parsers: turn bytes into a release."""

    @abc.abstractmethod
    def parse(self, data: bytes, **options: Any) -> PressRelease:
        """Build a release from ``data``; raise :class:`~communique.errors.ParseError` on bad input."""

    def sniff(self, head: bytes) -> bool:
        """Say whether ``head`` (the first bytes of a file) looks like this format."""
        return False
