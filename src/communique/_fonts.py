"""The PDF exporter's fonts: the bundled DejaVu Sans family and a glyph coverage check.

reportlab's built-in Vera has no Cyrillic, Greek or ``ő``, so communique ships
DejaVu Sans (regular, bold, oblique, bold oblique; licence in
``communique/fonts/LICENSE``) and embeds subsets of it in every PDF.

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
import struct
import threading
import unicodedata
import zlib
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

from attrs import frozen

from .errors import RenderError

__all__ = [
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
    from reportlab.pdfbase.ttfonts import TTFError

    coverage: dict[str, frozenset[int]] = {}
    folder = resources.files("communique.fonts")
    for face, filename in _FILES.items():
        try:
            # Bytes rather than a path: works from a zip or wheel cache as well.
            data = folder.joinpath(filename).read_bytes()
            font = _font_class()(face, io.BytesIO(data))
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


_SUBSET_LEVEL = 1
"""zlib level of the embedded font subsets: level 6 (reportlab's) costs a render about 1.3 ms
more for 5 % smaller font streams; the subsets are the bulk of every file's compression."""


def _font_class() -> type[Any]:
    """A reportlab ``TTFont`` whose PDF objects are cheaper to write; defined on first use (reportlab is heavy)."""
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace, TTFontMaker, _set_ushort

    class FastFlate:
        """``/FlateDecode`` at a faster zlib level (the output stays deterministic)."""

        pdfname = "FlateDecode"

        def encode(self, data: bytes) -> bytes:
            return _compress_font(data)

        def decode(self, data: bytes) -> bytes:
            return zlib.decompress(data)

    fast_flate = FastFlate()

    class Numbers(pdfdoc.PDFObject):  # type: ignore[misc]
        """A PDF array of numbers formatted by one C call per ten, not one Python call per number."""

        def __init__(self, numbers: list[float]) -> None:
            self.numbers = numbers

        def format(self, document: Any) -> bytes:
            numbers = self.numbers
            rows = [fp_str(*numbers[i : i + 10]) for i in range(0, len(numbers), 10)]
            return ("[ " + "\n ".join(rows) + " ]").encode("ascii")

    class FastFace(TTFontFace):  # type: ignore[misc]
        """reportlab's face with a faster ``makeSubset`` (the same bytes).

        reportlab re-reads the font's constant tables (a copy of the 560 kB ``glyf``
        among them) and re-parses composite glyphs through file-like reads on every
        document; here the tables are read once per process and each glyph's
        components once, and only what depends on the subset is built per document.
        """

        def makeSubset(self, subset: list[int]) -> bytes:
            tables = self.__dict__.get("_communique_tables")
            if tables is None:
                tables = self._communique_tables = _face_tables(self)
            glyf, constant, components = tables["glyf"], tables["constant"], tables["components"]
            glyph_pos = self.glyphPos
            char_to_glyph = self.charToGlyph

            glyph_map = [0]  # new glyph index → original
            glyph_set = {0: 0}  # original → new
            code_to_glyph: dict[int, int] = {}
            for code in subset:
                original = char_to_glyph.get(code, 0)
                if original not in glyph_set:
                    glyph_set[original] = len(glyph_map)
                    glyph_map.append(original)
                code_to_glyph[code] = glyph_set[original]
            n = 0
            while n < len(glyph_map):  # parts of composite glyphs join the subset
                parts = components.get(glyph_map[n])
                if parts is None:
                    parts = components[glyph_map[n]] = _components(glyf, glyph_pos, glyph_map[n])
                for _, part in parts:
                    if part not in glyph_set:
                        glyph_set[part] = len(glyph_map)
                        glyph_map.append(part)
                n += 1

            output = TTFontMaker()
            for tag, data in constant:
                output.add(tag, data)
            num_glyphs = len(glyph_map)
            hmetrics = self.hmetrics
            hmtx: list[int] = []
            for original in glyph_map:
                advance, lsb = hmetrics[original]
                hmtx.append(int(advance))
                hmtx.append(int(lsb))
            n = len(hmtx) - 2
            while n and hmtx[n] == hmtx[n - 2]:
                n -= 2
            n += 2
            hmtx = hmtx[:n] + hmtx[n + 1 :: 2]
            output.add("hmtx", struct.pack(f">{len(hmtx)}H", *hmtx))
            output.add("hhea", _set_ushort(tables["hhea"], 34, n >> 1))
            output.add("maxp", _set_ushort(tables["maxp"], 4, num_glyphs))
            cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset)]
            cmap.extend(map(code_to_glyph.__getitem__, subset))
            output.add("cmap", struct.pack(f">{len(cmap)}H", *cmap))

            offsets: list[int] = []
            chunks: list[bytes] = []
            pos = 0
            for original in glyph_map:
                offsets.append(pos)
                start = glyph_pos[original]
                length = glyph_pos[original + 1] - start
                data = glyf[start : start + length]
                parts = components.get(original)
                if parts is None:
                    parts = components[original] = _components(glyf, glyph_pos, original)
                if parts:
                    patched = bytearray(data)
                    for at, part in parts:
                        struct.pack_into(">H", patched, at, glyph_set[part])
                    data = bytes(patched)
                chunks.append(data)
                pos += length
                if pos % 4:
                    chunks.append(b"\0" * (4 - pos % 4))
                    pos += 4 - pos % 4
            offsets.append(pos)
            output.add("glyf", b"".join(chunks))
            if (pos + 1) >> 1 > 0xFFFF:
                loc_format = 1
                output.add("loca", struct.pack(f">{len(offsets)}L", *offsets))
            else:
                loc_format = 0
                output.add("loca", struct.pack(f">{len(offsets)}H", *(o >> 1 for o in offsets)))
            output.add("head", _set_ushort(tables["head"], 50, loc_format))
            return output.makeStream()  # type: ignore[no-any-return]

    class CommuniqueTTFont(TTFont):  # type: ignore[misc]
        """reportlab's TrueType font with the same objects, written faster (widths and font file)."""

        def __init__(self, name: str, source: Any) -> None:
            super().__init__(name, source)
            self.face.__class__ = FastFace  # only adds a method: the loaded face is kept as it is

        def addObjects(self, doc: Any) -> None:
            subsets = len(self.state[doc].subsets)
            names = [self.getSubsetInternalName(n, doc)[1:] for n in range(subsets)]
            super().addObjects(doc)  # forgets the document's subsets
            objects = doc.idToObject
            for name in names:
                pdf_font = objects[name]
                pdf_font.Widths = Numbers(pdf_font.Widths.sequence)
                descriptor = objects[pdf_font.FontDescriptor.name]
                objects[descriptor.dict["FontFile2"].name].filters = [fast_flate]

    return CommuniqueTTFont


_TAIL_TABLES = frozenset((b"name", b"post", b"prep"))
"""The tables a subset ends with (directory order is by tag), all copied unchanged from the face."""
_compressed_tails: dict[bytes, bytes] = {}
_ZLIB_HEADER = zlib.compress(b"", _SUBSET_LEVEL)[:2]


def _compress_font(data: bytes) -> bytes:
    """A zlib stream of the font program ``data``, its constant tail compressed once per process.

    A subset ends with the face's ``name``, ``post`` and ``prep`` tables, half of
    its bytes and the same in every document.  Deflate blocks compressed apart
    concatenate into one valid stream when the first part ends byte-aligned
    (a sync flush) and not final, so the tail's compressed blocks are reused and
    only the part that depends on the subset is compressed per document.  The
    result is deterministic and decompresses to ``data`` exactly.
    """
    count = int.from_bytes(data[4:6], "big")
    tail = len(data)
    for entry in range(12, 12 + 16 * count, 16):
        tag = data[entry : entry + 4]
        offset = int.from_bytes(data[entry + 8 : entry + 12], "big")
        if tag in _TAIL_TABLES:
            tail = min(tail, offset)
        elif offset >= tail:  # a variable table after the tail: not the layout this relies on
            return zlib.compress(data, _SUBSET_LEVEL)
    if tail >= len(data):
        return zlib.compress(data, _SUBSET_LEVEL)
    constant = data[tail:]
    blocks = _compressed_tails.get(constant)
    if blocks is None:
        packer = zlib.compressobj(_SUBSET_LEVEL, zlib.DEFLATED, -15)
        blocks = packer.compress(constant) + packer.flush(zlib.Z_FINISH)
        if len(_compressed_tails) < 16:  # one per face and page of tables; never grows with releases
            _compressed_tails[constant] = blocks
    packer = zlib.compressobj(_SUBSET_LEVEL, zlib.DEFLATED, -15)
    head = packer.compress(data[:tail]) + packer.flush(zlib.Z_SYNC_FLUSH)
    return _ZLIB_HEADER + head + blocks + zlib.adler32(data).to_bytes(4, "big")


def _face_tables(face: Any) -> dict[str, Any]:
    """What a subset copies unchanged from ``face``, read once (see ``FastFace.makeSubset``)."""
    constant: list[tuple[str, bytes]] = []
    for tag in ("name", "OS/2", "cvt ", "fpgm", "prep"):
        if tag in face.table:  # cvt, fpgm and prep are optional
            constant.append((tag, face.get_table(tag)))
    constant.append(("post", b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16))
    return {
        "glyf": face.get_table("glyf"),
        "constant": constant,
        "hhea": face.get_table("hhea"),
        "maxp": face.get_table("maxp"),
        "head": face.get_table("head"),
        "components": {},
    }


_MORE_COMPONENTS = 1 << 5
_ARGS_ARE_WORDS = 1 << 0
_HAS_SCALE = 1 << 3
_HAS_XY_SCALE = 1 << 6
_HAS_2X2 = 1 << 7


def _components(glyf: bytes, glyph_pos: list[int], glyph: int) -> tuple[tuple[int, int], ...]:
    """(offset of the glyph index inside the glyph's data, component glyph) of a composite glyph; () otherwise."""
    start = glyph_pos[glyph]
    if glyph_pos[glyph + 1] - start <= 2 or struct.unpack_from(">h", glyf, start)[0] >= 0:
        return ()
    parts: list[tuple[int, int]] = []
    at = 10
    flags = _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        flags, part = struct.unpack_from(">HH", glyf, start + at)
        parts.append((at + 2, part))
        at += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        if flags & _HAS_SCALE:
            at += 2
        elif flags & _HAS_XY_SCALE:
            at += 4
        elif flags & _HAS_2X2:
            at += 8
    return tuple(parts)


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
