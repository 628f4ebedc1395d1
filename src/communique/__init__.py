"""communique: press releases as typed objects, parsed from and rendered to documents.

The public API fits on one page::

    import communique
    release = communique.read("release.txt")          # text, json, xml, nitf, docx, pdf
    release.quotes[0].speaker                          # typed, immutable model
    communique.write(release, "release.pdf")           # format from the extension
    data = communique.render(release, "json")          # bytes
    communique.parse(data, "json") == release          # lossless round trip
    communique.from_dict(communique.to_dict(release))  # the canonical JSON form, as Python data
    for result in communique.convert("archive/", to="pdf", output="out/"):
        print(result.input, result.status)             # ok / failed / skipped, one per input

Formats are plugins found through entry points; see :mod:`communique.registry`
and :mod:`communique.plugins`.  Importing communique does not import lxml,
python-docx or reportlab: each format loads its library on first use.
"""

from __future__ import annotations

from .api import from_dict, parse, read, render, to_dict, write
from .batch import ConversionResult, Status, convert
from .errors import (
    AttendeeNotFound,
    CommuniqueError,
    CommuniqueWarning,
    FormatError,
    OptionError,
    OutputError,
    ParseError,
    PluginError,
    RenderError,
    ValidationError,
)
from .model import Attendee, Dates, Header, Paragraph, PressRelease, Quote
from .registry import exporter_names, formats, get_exporter, get_parser, parser_names, register

__version__ = "0.1.0"

__all__ = [
    "Attendee",
    "AttendeeNotFound",
    "CommuniqueError",
    "CommuniqueWarning",
    "ConversionResult",
    "Dates",
    "FormatError",
    "Header",
    "OptionError",
    "OutputError",
    "Paragraph",
    "ParseError",
    "PluginError",
    "PressRelease",
    "Quote",
    "RenderError",
    "Status",
    "ValidationError",
    "__version__",
    "convert",
    "exporter_names",
    "formats",
    "from_dict",
    "get_exporter",
    "get_parser",
    "parse",
    "parser_names",
    "read",
    "register",
    "render",
    "to_dict",
    "write",
]
