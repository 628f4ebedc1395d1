"""The PDF exporter's fonts: the bundled DejaVu Sans family and a glyph coverage check.

reportlab's built-in Vera has no Cyrillic, Greek or ``ő``, so communique ships
DejaVu Sans (regular, bold, oblique, bold oblique; licence in
``communique/fonts/LICENSE``) and embeds subsets of it in every PDF, made by
reportlab's own ``TTFont`` subsetter (its public API: no re-implemented
subsetter, no private names).

Loading a TrueType file costs tens of milliseconds, so :func:`family` loads
and registers the four faces once per process (thread-safe) and computes the
set of code points each face can print.  :func:`find_missing` then checks a
string with one set operation in the common case, which keeps the check far
below a millisecond for a whole release.

A character is *covered* by a face when the face's character map has a glyph
for it **and** it lies in the Basic Multilingual Plane: reportlab writes the
``ToUnicode`` map of a font subset with 16-bit codes only, so a glyph above
U+FFFF (DejaVu has a few emoji) would print but come back as garbage from
``pdftotext`` or pypdf.  Text must stay real text, so such characters count as
missing.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

from attrs import frozen

from .errors import RenderError

__all__ = [
    "ADVANCES_FILE",
    "BOLD",
    "BOLD_ITALIC",
    "FAMILY",
    "ITALIC",
    "LAYOUT_WHITESPACE",
    "REGULAR",
    "REPLACEMENT",
    "Family",
    "MissingGlyph",
    "describe_char",
    "display_text",
    "family",
    "find_missing",
    "measured_advances",
    "string_width",
]

FAMILY = "CommuniqueSans"
"""The family name registered with reportlab (distinct from "DejaVuSans" so that
an application registering its own DejaVu files does not collide with ours)."""
REGULAR = "CommuniqueSans"
BOLD = "CommuniqueSans-Bold"
ITALIC = "CommuniqueSans-Oblique"
BOLD_ITALIC = "CommuniqueSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_HUMAN = {
    REGULAR: "DejaVu Sans",
    BOLD: "DejaVu Sans Bold",
    ITALIC: "DejaVu Sans Oblique",
    BOLD_ITALIC: "DejaVu Sans Bold Oblique",
}

LAYOUT_WHITESPACE = frozenset("\t\n\r\x0b\x0c\x85\u2028\u2029")
"""Characters the exporter turns into spaces or line breaks instead of glyphs."""

REPLACEMENT = "\ufffd"
"""Printed in place of a character no face covers when rendering with ``strict=False``."""


@frozen
class Family:
    """The registered faces and the code points each one can print."""

    coverage: Mapping[str, frozenset[int]]
    """Face name → covered code points (BMP only, see the module docstring)."""

    def human_name(self, face: str) -> str:
        """The face's name as a user knows it, e.g. ``"DejaVu Sans Oblique"``."""
        return _HUMAN.get(face, face)


_lock = threading.Lock()
_family: Family | None = None


def family() -> Family:
    """Load and register the bundled faces with reportlab (once per process) and return them."""
    global _family
    if _family is not None:
        return _family
    with _lock:
        if _family is None:
            _family = _register()
    return _family


def _register() -> Family:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    coverage: dict[str, frozenset[int]] = {}
    folder = resources.files("communique.fonts")
    for face, filename in _FILES.items():
        try:
            # Bytes rather than a path: works from a zip or wheel cache as well.
            data = folder.joinpath(filename).read_bytes()
            font = TTFont(face, io.BytesIO(data))
        except (OSError, TTFError) as exc:
            raise RenderError(
                f"the bundled font {filename} cannot be loaded ({exc}); reinstall communique", format="pdf"
            ) from None
        pdfmetrics.registerFont(font)
        coverage[face] = frozenset(code for code in font.face.charToGlyph if code <= 0xFFFF)
    # <b> and <i> inside reportlab paragraphs pick the faces of this family.
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, face)
    return Family(coverage=coverage)


@frozen
class MissingGlyph:
    """A character of the release that the face printing it has no glyph for."""

    char: str
    path: str
    """Field path in the release, e.g. ``attendees[2].name`` or ``paragraphs[0].text``."""
    offset: int
    """Offset of the character in that field's text."""
    face: str

    def describe(self, fonts: Family | None = None) -> str:
        """One line a user can act on: which character, where, which font lacks it."""
        face = fonts.human_name(self.face) if fonts else self.face
        return f"{describe_char(self.char)} at {self.path}, offset {self.offset}, has no glyph in {face}"


def describe_char(char: str) -> str:
    """``U+0151 LATIN SMALL LETTER O WITH DOUBLE ACUTE ('ő')`` — code point, name and the character."""
    code = ord(char)
    name = unicodedata.name(char, "")
    category = unicodedata.category(char)
    if not name:
        name = {"Cc": "<control character>", "Co": "<private use>", "Cn": "<unassigned>"}.get(category, "<unnamed>")
    shown = f" ({char!r})" if category[0] not in "CZ" else ""
    plane = " (outside the Basic Multilingual Plane)" if code > 0xFFFF else ""
    return f"U+{code:04X} {name}{shown}{plane}"


def _invisible(char: str) -> bool:
    # Format characters (zero-width joiners, BOMs, tags, bidi marks) have no visible
    # shape; a face that lacks them loses nothing a reader could see.
    return unicodedata.category(char) == "Cf"


def find_missing(text: str, face: str, path: str, fonts: Family) -> Iterator[MissingGlyph]:
    """Yield every character of ``text`` (a field at ``path``) that ``face`` cannot print."""
    covered = fonts.coverage[face]
    chars = set(text)
    if covered.issuperset(map(ord, chars)):
        return
    bad = {c for c in chars if ord(c) not in covered and c not in LAYOUT_WHITESPACE and not _invisible(c)}
    if not bad:
        return
    for offset, char in enumerate(text):
        if char in bad:
            yield MissingGlyph(char=char, path=path, offset=offset, face=face)


def display_text(text: str, face: str, fonts: Family) -> str:
    """``text`` with what ``face`` cannot print replaced: invisible format characters dropped, others → U+FFFD.

    Layout whitespace is kept for the caller to turn into spaces or breaks.
    """
    covered = fonts.coverage[face]
    if covered.issuperset(map(ord, text)):
        return text
    table: dict[int, Any] = {}
    for c in set(text):
        if ord(c) in covered or c in LAYOUT_WHITESPACE:
            continue
        table[ord(c)] = None if _invisible(c) else REPLACEMENT
    return text.translate(table)


ADVANCES_FILE = "advances.json"
"""The bundled faces' advance widths, in ``communique/fonts`` (written by :func:`measured_advances`)."""


def measured_advances() -> dict[str, Any]:
    """The advance width of every character of each bundled face, as reportlab reads the font files.

    In font units, per font file: ``{"units_per_em": 2048, "default": u, "runs":
    [[first_code_point, [u, u, …]], …]}``, a run per block of consecutive code
    points; a width in 1/1000 em is ``u * (1000 / units_per_em)``, reportlab's
    own arithmetic.  ``fonts/advances.json`` holds exactly this
    (tests/test__fonts.py checks it against the fonts and against reportlab's
    widths), so that measuring text needs neither reportlab nor a font parsed
    (about 60 ms, most of a first DOCX render).
    """
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("communique.fonts")
    faces: dict[str, Any] = {}
    for face, filename in _FILES.items():
        font = TTFont(f"{face}-measured", io.BytesIO(folder.joinpath(filename).read_bytes()))
        per_em = int(font.face.unitsPerEm)
        scale = 1000 / per_em

        def units(width: float, scale: float = scale) -> int:
            value = round(width / scale)
            if value * scale != width:  # pragma: no cover - a font whose widths are not whole units
                raise ValueError(f"{width} is not a whole number of font units")
            return value

        widths: dict[int, float] = font.face.charWidths
        runs: list[list[Any]] = []
        for code in sorted(widths):
            if runs and runs[-1][0] + len(runs[-1][1]) == code:
                runs[-1][1].append(units(widths[code]))
            else:
                runs.append([code, [units(widths[code])]])
        faces[filename] = {"units_per_em": per_em, "default": units(font.face.defaultWidth), "runs": runs}
    return {"about": "advance widths in font units, as reportlab's TTFont reads the bundled fonts", "faces": faces}


_tables_lock = threading.Lock()
_tables: dict[str, tuple[dict[int, float], float]] = {}
_document: dict[str, Any] = {}


def _table(face: str) -> tuple[dict[int, float], float]:
    """Code point → advance width (1/1000 em) of a bundled face, and the width of a character it lacks."""
    found = _tables.get(face)
    if found is not None:
        return found
    with _tables_lock:
        if face not in _tables:
            if face not in _FILES:
                raise RenderError(f"no bundled face {face!r}; the faces are {', '.join(_FILES)}")
            try:
                if not _document:
                    import orjson

                    _document.update(
                        orjson.loads(resources.files("communique.fonts").joinpath(ADVANCES_FILE).read_bytes())
                    )
                entry = _document["faces"][_FILES[face]]
                scale = 1000 / entry["units_per_em"]
                widths = {code + i: units * scale for code, run in entry["runs"] for i, units in enumerate(run)}
                _tables[face] = (widths, entry["default"] * scale)
            except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError) as exc:
                _document.clear()
                raise RenderError(
                    f"the bundled font metrics {ADVANCES_FILE} cannot be read ({exc!r}); reinstall communique"
                ) from None
        return _tables[face]


class _Advances(dict[str, float]):
    """Advance widths of one face in 1/1000 em, filled in from the bundled table on first use."""

    def __init__(self, face: str) -> None:
        super().__init__()
        self.face = face
        self.widths, self.default = _table(face)

    def __missing__(self, char: str) -> float:
        width = self[char] = self.widths.get(ord(char), self.default)
        return width


_advances: dict[str, _Advances] = {}


def string_width(text: str, face: str, size: float) -> float:
    """Width of ``text`` in points, exactly as reportlab's ``stringWidth`` gives it for a bundled face.

    reportlab sums the advance of each character (``0.001 * size * sum``) in Python
    when its C accelerator is not installed, looking each one up in the font;
    here the same advances come from ``fonts/advances.json`` (no font file is
    parsed, reportlab is not imported) into a dict per face, so the result is
    the same float at about a fifth of the cost (with reportlab's C accelerator, the
    ``accel`` extra, reportlab sums in another order: the last bit may differ).
    """
    table = _advances.get(face)
    if table is None:
        table = _advances.setdefault(face, _Advances(face))
    return 0.001 * size * sum(map(table.__getitem__, text))
