"""``pdf`` exporter: a print-ready release, with the release itself embedded for lossless read-back.

The page shows what :func:`communique._layout.layout` decides (the reference
in small grey type above the title, the title, the subtitle under it, date
line, paragraphs with the dateline in bold and quotes in italics, attendees
table); this module only decides typography.  Every character is printed with
the bundled DejaVu Sans faces (see :mod:`communique._fonts`) and checked
against their character maps before anything is laid out.

The story is reportlab platypus (frames, page templates, a ``Table`` with a
repeated header row), but text is set by this module's own flowable rather
than reportlab's ``Paragraph``: text is only measured and drawn, never parsed
as markup (``<b>`` or ``&amp;`` in a release print literally), line breaking
is greedy, hyphen-free and linear, and a render costs about half as much.

Beside the pages, the PDF carries:

* the release's canonical JSON (:func:`communique._serialize.dumps`) as an
  embedded file named :data:`ATTACHMENT_NAME` (in ``/EmbeddedFiles``, its
  file specification marked ``/AFRelationship /Source`` and listed in the
  catalog's ``/AF``, as PDF/A-3 attaches source data), which the ``pdf``
  parser reads back;
* an XMP metadata packet (``pdfaid`` part 3, conformance B) and the document
  information dictionary (title, author, subject, keywords, creation and
  modification dates from the release), an sRGB output intent, ``/Lang`` and
  an outline (bookmarks).

reportlab's public API writes the pages; the PDF/A-3 structures it has no API
for are added with pikepdf in one pass that saves the streams as they are
(reportlab has deflated them; the attachment and the ICC profile are deflated
here once).  Page streams are plain deflated streams: reportlab's documented
``rl_config.useA85`` is off while a communique build runs (see
:func:`_binary_streams`).

Output is deterministic: reportlab runs in invariant mode, dates come from the
release and the file identifier is a hash of the content and the options.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import hashlib
import io
import re
import threading
import warnings
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import CommuniqueWarning, OptionError, RenderError
from ..plugins import Exporter, Option

if TYPE_CHECKING:
    from .._fonts import Family
    from .._layout import Layout
    from ..model import PressRelease

__all__ = ["ATTACHMENT_NAME", "PdfExporter"]

ATTACHMENT_NAME = "communique-release.json"
"""File name of the embedded canonical JSON; the ``pdf`` parser looks for exactly this name."""
ATTACHMENT_MEDIA_TYPE = "application/json"
XMP_NAMESPACE = "urn:communique:xmp:1"
"""Namespace of communique's own XMP properties (schema version, attachment name)."""

_MM = 72 / 25.4
_ACCENT = "#123a63"
_INK = "#1b1b1b"
_MUTED = "#5c6670"
_RULE = "#c5ccd3"
_STRIPE = "#f1f4f7"
_HEADER_BAND = 16 * _MM  # logo and running head, above the text frame
_FOOTER_BAND = 14 * _MM
_MARGIN_X = 20 * _MM
_MARGIN_TOP = 14 * _MM + _HEADER_BAND
_MARGIN_BOTTOM = 10 * _MM + _FOOTER_BAND
_LOGO_MAX = (50 * _MM, 11 * _MM)
_FOOTER_MAX_LINES = 2
_COLUMN_SHARES = (0.20, 0.15, 0.26, 0.17, 0.22)
_CELL_PADDING = 4.0
_MIN_TABLE_START = 45 * _MM  # heading and the first rows must fit, or the section starts on a new page
_LINE_BREAKS = ("\r\n", "\r", "\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")


class PdfExporter(Exporter):
    """PDF with embedded DejaVu Sans subsets, the canonical JSON attached, XMP metadata and bookmarks."""

    name = "pdf"
    label = "PDF document"
    extensions = (".pdf",)
    media_type = "application/pdf"
    options = (
        Option("page_size", str, "a4", "A4 or Letter", choices=("a4", "letter")),
        Option("align", str, "left", "body text: ragged-right ('left') or 'justify'", choices=("left", "justify")),
        Option("logo", str, None, "PNG or JPEG file shown in the header band of every page"),
        Option("footer", str, None, "text printed at the foot of every page, beside the page number"),
        Option("organization", str, None, "organisation in the header band (default: the release's source)"),
        Option(
            "strict",
            bool,
            True,
            "refuse characters no bundled font can print; False prints U+FFFD instead and warns "
            "(the embedded JSON keeps the original text either way)",
        ),
    )

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Render ``release`` as PDF bytes; see the module docstring for what the file contains."""
        return _render(
            release,
            page_size=options.get("page_size", "a4"),
            align=options.get("align", "left"),
            logo=options.get("logo"),
            footer=options.get("footer"),
            strict=options.get("strict", True),
            organization=options.get("organization"),
            story_hook=self.story,
        )

    def story(self, story: list[Any], layout: Layout) -> list[Any] | None:
        """Hook for plugin authors: change the story before reportlab builds it.

        ``story`` is the list of platypus flowables in page order (reference,
        title, subtitle, date line, paragraphs, participants heading and table,
        end mark); ``layout`` is what :func:`communique._layout.layout` decided.
        Insert, remove or replace flowables in place and return ``None``, or
        return a new list.  Text in a flowable you add is yours to escape (a
        reportlab ``Paragraph`` parses markup).  The default does nothing.
        """
        return None


# --------------------------------------------------------------------------- checks


def _glyph_items(release: PressRelease, lay: Layout, footer: str | None) -> Iterator[tuple[str, str, str, int]]:
    """Every printed text as ``(release path, text, face, offset of text in that field)``."""
    from .._fonts import BOLD, ITALIC, REGULAR

    if lay.reference:
        yield "header.reference", lay.reference, REGULAR, 0
    yield "header.title", lay.title, BOLD, 0
    if lay.subtitle:
        yield "header.subtitle", lay.subtitle, REGULAR, 0
    if release.header.source:
        yield "header.source", release.header.source, BOLD, 0
    if lay.date_line:
        yield "dates", lay.date_line, REGULAR, 0
    for i, paragraph in enumerate(lay.paragraphs):
        if paragraph.dateline:
            yield "header.dateline", paragraph.dateline, BOLD, 0
        offset = 0
        for span in paragraph.spans:
            yield f"paragraphs[{i}].text", span.text, ITALIC if span.quote else REGULAR, offset
            offset += len(span.text)
    if lay.attendee_rows:
        yield "attendees heading (language labels)", lay.attendees_heading, BOLD, 0
        for column in lay.attendee_columns:
            yield "attendee column names (language labels)", column, BOLD, 0
        for sources, row in zip(lay.attendee_sources, lay.attendee_rows, strict=True):
            for field, cell in zip(lay.attendee_fields, row, strict=True):
                yield f"attendees[{sources[0]}].{field}", cell, REGULAR, 0
    yield "kind (language labels)", lay.kind, REGULAR, 0
    if lay.end_mark:
        yield "end mark (language labels)", lay.end_mark, REGULAR, 0
    if lay.organization and lay.organization != release.header.source:
        yield "option organization", lay.organization, BOLD, 0
    if footer:
        yield "option footer", footer, REGULAR, 0


def _check_glyphs(release: PressRelease, lay: Layout, footer: str | None, fonts: Family, *, strict: bool) -> bool:
    """Raise (strict) or warn about characters without a glyph; return whether any were found."""
    from .._fonts import MissingGlyph, find_missing

    missing: list[MissingGlyph] = []
    seen: set[tuple[str, str]] = set()
    for path, text, face, base in _glyph_items(release, lay, footer):
        for gap in find_missing(text, face, path, fonts):
            if (path, gap.char) not in seen:
                seen.add((path, gap.char))
                missing.append(MissingGlyph(char=gap.char, path=path, offset=base + gap.offset, face=face))
    if not missing:
        return False
    shown = "; ".join(m.describe(fonts) for m in missing[:5])
    more = f" (and {len(missing) - 5} more)" if len(missing) > 5 else ""
    if strict:
        raise RenderError(
            f"cannot print {shown}{more}. Remove or replace the character, or render with strict=False "
            "to print U+FFFD in its place (the embedded JSON keeps the original text)",
            path=missing[0].path,
            format="pdf",
        )
    warnings.warn(
        f"PDF: printing U+FFFD for characters no bundled font covers: {shown}{more}",
        CommuniqueWarning,
        stacklevel=5,  # the caller of communique.render()
    )
    return True


def _load_logo(path: str) -> tuple[bytes, tuple[float, float]]:
    """Read and check the logo option; return the image bytes and its size in pixels."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise OptionError(f"option 'logo' of format 'pdf': no such file: {path}") from None
    except IsADirectoryError:
        raise OptionError(f"option 'logo' of format 'pdf': {path} is a directory, not an image") from None
    except OSError as exc:
        raise OptionError(f"option 'logo' of format 'pdf': cannot read {path}: {exc.strerror or exc}") from None
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise OptionError(f"option 'logo' of format 'pdf': {path} is not a PNG or JPEG image")
    from reportlab.lib.utils import ImageReader

    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # PIL and reportlab raise many kinds for a broken image
        raise OptionError(f"option 'logo' of format 'pdf': {path} is a damaged image ({exc})") from None
    if width <= 0 or height <= 0:
        raise OptionError(f"option 'logo' of format 'pdf': {path} has no pixels")
    return data, (float(width), float(height))


# --------------------------------------------------------------------------- text → paragraph markup


# Where a line may break: ordinary spaces, not the no-break ones French puts before « » ; : ! ?
# (U+00A0, U+202F, U+2007 and U+2060 stay inside their word).
_BREAKABLE = " \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
_TOKENS = re.compile(f"([{_BREAKABLE}]+|\n)")
_BREAK = None
"""A forced line break among the tokens."""

Piece = tuple[str, str]
"""Text and the face that prints it."""


@dataclass(slots=True)
class _Word:
    """Text between two break opportunities; may change face mid-word (a quote opening inside it)."""

    pieces: list[Piece]
    width: float
    space_face: str | None = None
    """Face of the space before the word (``None`` at the start of the text)."""
    space_width: float = 0.0


@dataclass(slots=True)
class _Line:
    words: list[_Word]
    width: float
    """Natural width, spaces included."""
    end: bool
    """Last line of the text or before a forced break: never justified."""
    forced: bool = False


def _tokens(runs: list[Piece], size: float, width_of: Callable[[str, str, float], float]) -> list[_Word | None]:
    """Words (with the space before each) and forced breaks; runs of spaces collapse to one."""
    tokens: list[_Word | None] = []
    word: _Word | None = None
    space: str | None = None
    space_widths: dict[str, float] = {}
    # Words repeat within a text (articles, names): a dict hit is cheaper than measuring again.
    widths: dict[Piece, float] = {}
    for text, face in runs:
        # split() with a capturing group alternates: text, separator, text, … (texts may be empty).
        separator = False
        for part in _TOKENS.split(text):
            if separator:
                separator = False
                word = None
                if part == "\n":
                    space = None
                    tokens.append(_BREAK)
                else:
                    space = face
                continue
            separator = True
            if not part:
                continue
            key = (part, face)
            width = widths.get(key)
            if width is None:
                width = widths[key] = width_of(part, face, size)
            if word is not None:
                word.pieces.append(key)
                word.width += width
            else:
                word = _Word([key], width)
                if space is not None:
                    if space not in space_widths:
                        space_widths[space] = width_of(" ", space, size)
                    word.space_face, word.space_width = space, space_widths[space]
                    space = None
                tokens.append(word)
    return tokens


def _split_word(word: _Word, width: float, size: float, width_of: Callable[[str, str, float], float]) -> list[_Word]:
    """Cut a word wider than the line into line-wide chunks (URLs, very long names)."""
    chunks: list[_Word] = []
    current = _Word([], 0.0)
    for text, face in word.pieces:
        for char in text:
            w = width_of(char, face, size)
            if current.pieces and current.width + w > width:
                chunks.append(current)
                current = _Word([], 0.0)
            if current.pieces and current.pieces[-1][1] == face:
                current.pieces[-1] = (current.pieces[-1][0] + char, face)
            else:
                current.pieces.append((char, face))
            current.width += w
    chunks.append(current)
    chunks[0].space_face, chunks[0].space_width = word.space_face, word.space_width
    return chunks


def _hyphen_split(
    word: _Word, room: float, size: float, width_of: Callable[[str, str, float], float], hyphenate: Any
) -> tuple[_Word, _Word] | None:
    """``word`` cut at a hyphenation point so that its head and a hyphen fit in ``room``, if it can be."""
    if len(word.pieces) != 1:
        return None
    text, face = word.pieces[0]
    if len(text) < 6 or not text.isalpha():
        return None
    for head, tail in hyphenate.iterate(text):
        if len(head) < 3 or len(tail) < 3:
            continue
        w = width_of(head + "-", face, size)
        if w <= room + 1e-6:
            first = _Word([(head + "-", face)], w, word.space_face, word.space_width)
            return first, _Word([(tail, face)], width_of(tail, face, size))
    return None


def _break_lines(
    tokens: list[_Word | None],
    width: float,
    size: float,
    width_of: Callable[[str, str, float], float],
    *,
    hyphenate: Any = None,
) -> list[_Line]:
    """Greedy line breaking, linear in the number of words; with ``hyphenate`` (a pyphen dictionary),
    a word that does not fit at the end of a line is hyphenated when its head fits."""
    lines: list[_Line] = []
    words: list[_Word] = []
    used = 0.0
    for token in tokens:
        if token is _BREAK:
            lines.append(_Line(words, used, end=True, forced=True))
            words, used = [], 0.0
            continue
        gap = token.space_width if words else 0.0
        if words and used + gap + token.width > width + 1e-6:
            cut = _hyphen_split(token, width - used - gap, size, width_of, hyphenate) if hyphenate else None
            if cut is not None:
                head, token = cut
                words.append(head)
                used += gap + head.width
            lines.append(_Line(words, used, end=False))
            words, used, gap = [], 0.0, 0.0
        if not words and token.width > width + 1e-6:
            *full, token = _split_word(token, width, size, width_of)
            lines.extend(_Line([chunk], chunk.width, end=False) for chunk in full)
        words.append(token)
        used += gap + token.width
    if words:
        lines.append(_Line(words, used, end=True))
    return lines


def _unbreak(lines: list[_Line]) -> list[_Word | None]:
    """Tokens back from laid-out lines (to lay a split part out again at another width)."""
    tokens: list[_Word | None] = []
    for line in lines:
        tokens.extend(line.words)
        if line.forced:
            tokens.append(_BREAK)
    return tokens


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    leading: float
    color: str = _INK
    align: str = "left"
    space_before: float = 0.0
    space_after: float = 0.0


def _body_text(text: str) -> str:
    """Line breaks of every kind become one forced break; tabs become spaces."""
    out = text.replace("\t", " ")
    for mark in _LINE_BREAKS:
        if mark != "\n" and mark in out:
            out = out.replace(mark, "\n")
    return out


def _one_line(text: str) -> str:
    out = text.replace("\t", " ")
    for mark in _LINE_BREAKS:
        out = out.replace(mark, " ")
    return out


# --------------------------------------------------------------------------- metadata


def _pdf_date(value: _dt.date) -> str:
    if not isinstance(value, _dt.datetime):
        return f"D:{value.year:04d}{value.month:02d}{value.day:02d}"  # PDF dates may stop at the day
    stamp = value.strftime("D:%Y%m%d%H%M%S")
    offset = value.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    if minutes == 0:
        return stamp + "Z"
    hours, mins = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}'{mins:02d}'"


def _xml_text(text: str) -> str:
    # XMP is XML 1.0: characters it cannot carry are dropped there (the JSON keeps them).
    clean = "".join(
        c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c >= "\U00010000"
    )
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# PDF/A wants every XMP property outside the predefined schemas described in the packet.
_PDFA_EXTENSION = (
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    "<pdfaSchema:schema>communique release</pdfaSchema:schema>"
    f"<pdfaSchema:namespaceURI>{XMP_NAMESPACE}</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>communique</pdfaSchema:prefix>"
    "<pdfaSchema:property><rdf:Seq>"
    + "".join(
        f'<rdf:li rdf:parseType="Resource"><pdfaProperty:name>{name}</pdfaProperty:name>'
        "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
        "<pdfaProperty:category>external</pdfaProperty:category>"
        f"<pdfaProperty:description>{text}</pdfaProperty:description></rdf:li>"
        for name, text in (
            ("schemaVersion", "schema version of the attached canonical JSON"),
            ("attachment", "file name of the attached canonical JSON"),
        )
    )
    + "</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>"
)


def _xmp(lay: Layout, *, producer: str, document_id: str, url: str | None) -> bytes:
    from .._serialize import SCHEMA_VERSION

    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{_xml_text(text)}</rdf:li></rdf:Alt>'

    props = [
        "<dc:format>application/pdf</dc:format>",
        f"<dc:title>{alt(lay.title)}</dc:title>",
        f"<dc:language><rdf:Bag><rdf:li>{_xml_text(lay.language)}</rdf:li></rdf:Bag></dc:language>",
    ]
    if lay.author:
        props.append(f"<dc:creator><rdf:Seq><rdf:li>{_xml_text(lay.author)}</rdf:li></rdf:Seq></dc:creator>")
        props.append(f"<dc:publisher><rdf:Bag><rdf:li>{_xml_text(lay.author)}</rdf:li></rdf:Bag></dc:publisher>")
    if lay.subject:
        props.append(f"<dc:description>{alt(lay.subject)}</dc:description>")
    if url:
        props.append(f"<dc:source>{_xml_text(url)}</dc:source>")
    if lay.keywords:
        items = "".join(f"<rdf:li>{_xml_text(k)}</rdf:li>" for k in lay.keywords)
        props.append(f"<dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>")
        props.append(f"<pdf:Keywords>{_xml_text(', '.join(lay.keywords))}</pdf:Keywords>")
    props.append(f"<pdf:Producer>{_xml_text(producer)}</pdf:Producer>")
    props.append("<xmp:CreatorTool>communique</xmp:CreatorTool>")
    if lay.created:
        props.append(f"<xmp:CreateDate>{lay.created.isoformat()}</xmp:CreateDate>")
    if lay.modified:
        props.append(f"<xmp:ModifyDate>{lay.modified.isoformat()}</xmp:ModifyDate>")
        props.append(f"<xmp:MetadataDate>{lay.modified.isoformat()}</xmp:MetadataDate>")
    props.append(f"<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>")
    props.append(f"<xmpMM:InstanceID>uuid:{document_id}</xmpMM:InstanceID>")
    props.append("<pdfaid:part>3</pdfaid:part>")
    props.append("<pdfaid:conformance>B</pdfaid:conformance>")
    props.append(_PDFA_EXTENSION)
    props.append(f"<communique:schemaVersion>{SCHEMA_VERSION}</communique:schemaVersion>")
    props.append(f"<communique:attachment>{ATTACHMENT_NAME}</communique:attachment>")
    body = "\n    ".join(props)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"\n'
        '    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"\n'
        '    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"\n'
        '    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"\n'
        f'    xmlns:communique="{XMP_NAMESPACE}">\n'
        f"    {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    )
    return packet.encode("utf-8")


# --------------------------------------------------------------------------- reportlab pieces (built on first use)

_SUP = "^"
"""Suffix of a face name in a piece: the text is a superscript (ordinal letters) in that face."""
_SUP_SCALE = 0.66
_SUP_RISE = 0.36


@functools.cache
def _hyphenator(language: str) -> Any:
    """pyphen's dictionary for ``language`` (``None`` when pyphen has none): loaded once per process."""
    import pyphen

    code = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=code) if code else None


@functools.cache
def _reportlab() -> Any:
    """reportlab-based classes, defined on first use so that importing this module stays cheap.

    Only reportlab's public API: platypus ``Flowable``, ``Table`` and ``TableStyle``,
    the canvas and its text objects, ``stringWidth``.
    """
    from types import SimpleNamespace

    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Table
    from reportlab.platypus.flowables import Flowable

    from .._fonts import string_width

    class Anchor(Flowable):  # type: ignore[misc]
        """A zero-size mark that adds an outline entry pointing at where it is drawn."""

        def __init__(self, key: str, title: str, level: int) -> None:
            super().__init__()
            self.key, self.title, self.level = key, title, level
            self.keepWithNext = 1  # never strand a bookmark at the foot of a page

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0.0, 0.0

        def draw(self) -> None:
            self.canv.bookmarkHorizontal(self.key, 0, 0)
            self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)

    def width_of(text: str, face: str, size: float) -> float:
        if face.endswith(_SUP):
            return string_width(text, face[:-1], size * _SUP_SCALE)
        return string_width(text, face, size)

    class TextBlock(Flowable):  # type: ignore[misc]
        """Text runs in the bundled faces, wrapped at spaces (hyphenated when justified), split by lines.

        Text is only ever measured and drawn, never parsed: unlike a reportlab
        Paragraph there is no markup to escape.  Line breaking is greedy and
        linear; justification sets each word at its computed position, and a
        word that would leave a justified line loose is hyphenated with pyphen
        in the release's language.
        """

        def __init__(
            self,
            runs: list[Piece] | None,
            style: _Style,
            *,
            align: str | None = None,
            laid: tuple[float, list[_Line]] | None = None,
            space_before: float | None = None,
            space_after: float | None = None,
            hyphenate: Any = None,
        ) -> None:
            super().__init__()
            self.style = style
            self.align = align or style.align
            self.spaceBefore = style.space_before if space_before is None else space_before
            self.spaceAfter = style.space_after if space_after is None else space_after
            self.tokens = _tokens(runs, style.size, width_of) if runs is not None else None
            self.laid = laid
            """(width, lines) of the last layout; a split part has only these, no tokens."""
            self.hyphenate = hyphenate

        def lines_for(self, width: float) -> list[_Line]:
            if self.laid is not None and self.laid[0] == width:
                return self.laid[1]
            tokens = self.tokens if self.tokens is not None else _unbreak(self.laid[1] if self.laid else [])
            lines = _break_lines(tokens, width, self.style.size, width_of, hyphenate=self.hyphenate)
            self.laid = (width, lines)
            return lines

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            self.height = len(self.lines_for(available_width)) * self.style.leading
            return self.width, self.height

        def split(self, available_width: float, available_height: float) -> list[Any]:
            lines = self.lines_for(available_width)
            fit = int((available_height + 1e-6) // self.style.leading)
            if fit >= len(lines):
                return [self]
            if len(lines) - fit == 1 and fit >= 3:
                fit -= 1  # no widow: carry two lines over
            if fit < 2:
                return []  # no orphan: the whole block goes to the next frame
            first = TextBlock(None, self.style, align=self.align, laid=(available_width, lines[:fit]), space_after=0.0)
            rest = TextBlock(None, self.style, align=self.align, laid=(available_width, lines[fit:]), space_before=0.0)
            return [first, rest]

        def draw(self) -> None:
            style = self.style
            width = self.width
            canv = self.canv
            text = canv.beginText()
            text.setFillColor(HexColor(style.color))
            size = style.size
            current = ""

            def show(piece: str, face: str) -> None:
                nonlocal current
                if face != current:
                    if face.endswith(_SUP):
                        text.setFont(face[:-1], size * _SUP_SCALE)
                        text.setRise(size * _SUP_RISE)
                    else:
                        text.setFont(face, size)
                        text.setRise(0)
                    current = face
                text.textOut(piece)

            # One text-show operator per run of one face (not per word): a line of body text is
            # usually one ``Tj``.  Justified lines stretch their spaces with word spacing (``Tw``,
            # which acts on code 32: reportlab keeps the space at 32 in every TrueType subset).
            pending: list[str] = []
            pending_face = ""
            word_space = 0.0

            def add(piece: str, face: str) -> None:
                nonlocal pending_face
                if face != pending_face and pending:
                    show("".join(pending), pending_face)
                    pending.clear()
                pending_face = face
                pending.append(piece)

            y = self.height - size
            for line in self.lines_for(width):
                x = width - line.width if self.align == "right" else 0.0
                if self.align == "center":
                    x = (width - line.width) / 2
                justify = self.align == "justify" and not line.end and len(line.words) > 1
                extra = (width - line.width) / (len(line.words) - 1) if justify else 0.0
                if extra != word_space:
                    text.setWordSpace(extra)
                    word_space = extra
                text.setTextOrigin(x, y)
                for index, word in enumerate(line.words):
                    if index:
                        add(" ", (word.space_face or word.pieces[0][1]).rstrip(_SUP))
                    for piece, piece_face in word.pieces:
                        add(piece, piece_face)
                if pending:
                    show("".join(pending), pending_face)
                    pending.clear()
                y -= style.leading
            canv.drawText(text)

    class Participants(Flowable):  # type: ignore[misc]
        """The participants table, measured once and cut into one reportlab ``Table`` per page.

        reportlab's ``Table.split`` measures the rows left on every page again (the
        cost of a long table grows with the square of its rows); here each row's
        height is known from the start, so a split only counts rows, and the
        table drawn on a page holds that page's rows with their heights given.
        A page never ends the table with a single row, nor starts it with one.
        """

        frame_height = 1e9
        """Height of the page's text frame (set by the exporter): a taller row must split inside."""

        def __init__(
            self, header: list[Any], rows: list[list[Any]], heights: list[float], widths: list[float], style: Any
        ) -> None:
            super().__init__()
            self.header, self.rows, self.heights, self.widths, self.table_style = header, rows, heights, widths, style
            self.header_height = heights[0]
            self.body = heights[1:]
            self.width = sum(widths)

        def _table(self, rows: list[list[Any]], heights: list[float]) -> Any:
            table = Table(
                [self.header, *rows], colWidths=self.widths, rowHeights=[self.header_height, *heights], hAlign="LEFT"
            )
            table.setStyle(self.table_style)
            return table

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.height = self.header_height + sum(self.body)
            return self.width, self.height

        def _fit(self, available_height: float) -> int:
            used = self.header_height
            count = 0
            for height in self.body:
                if used + height > available_height + 1e-6:
                    break
                used += height
                count += 1
            return count

        def split(self, available_width: float, available_height: float) -> list[Any]:
            fit = self._fit(available_height)
            total = len(self.rows)
            if fit == 0 and self.header_height + self.body[0] > self.frame_height - 1:
                # A row taller than a whole page: reportlab's table continues it on the next page.
                table = Table(
                    [self.header, *self.rows], colWidths=self.widths, repeatRows=1, splitInRow=1, hAlign="LEFT"
                )
                table.setStyle(self.table_style)
                return list(table.split(available_width, available_height))
            if fit >= total:
                return [self]
            if total - fit == 1 and fit >= 3:
                fit -= 1  # never a single row alone on the next page
            if fit < min(2, total):
                return []  # nor a single row at the foot of this one
            head = [self.header_height]
            first = Participants(self.header, self.rows[:fit], [*head, *self.body[:fit]], self.widths, self.table_style)
            rest = Participants(self.header, self.rows[fit:], [*head, *self.body[fit:]], self.widths, self.table_style)
            first.frame_height = rest.frame_height = self.frame_height
            return [first, rest]

        def draw(self) -> None:
            table = self._table(self.rows, self.body)
            table.wrapOn(self.canv, self.width, self.height)
            table.drawOn(self.canv, 0, 0)

    class ReleaseCanvas(Canvas):  # type: ignore[misc]
        """A canvas that runs ``finish`` once, after the last page and before the file is written."""

        finish: Callable[[Any], None] | None = None

        def save(self) -> None:
            if self.finish is not None:
                finish, self.finish = self.finish, None
                finish(self)
            super().save()

    return SimpleNamespace(
        Anchor=Anchor,
        TextBlock=TextBlock,
        Participants=Participants,
        ReleaseCanvas=ReleaseCanvas,
        BaseDocTemplate=BaseDocTemplate,
        width_of=width_of,
    )


# The house style (the DOCX exporter uses the same sizes, see communique.exporters.docx).
_REFERENCE = _Style(8.5, 11, color=_MUTED, space_after=4)
_TITLE = _Style(19, 24, color=_ACCENT, space_after=6)
_SUBTITLE = _Style(12.5, 16, color=_INK, space_after=8)
_DATE = _Style(10, 13, color=_MUTED, space_after=16)
_BODY = _Style(10.5, 15, space_after=7.5)
_HEADING = _Style(13, 17, color=_ACCENT, space_before=14, space_after=7)
_CELL = _Style(8.5, 11)
_HEAD_CELL = _Style(8.5, 11, color="#ffffff")
_END_MARK = _Style(10.5, 15, color=_MUTED, align="center", space_before=18)
_FOOTER = _Style(8, 10, color=_MUTED)
_BAND_ORG = _Style(9.5, 12, color=_ACCENT)
_BAND_KIND = _Style(9.5, 12, color=_MUTED, align="right")
_CELL_TOP, _CELL_BOTTOM = 3.5, 4.0
# --------------------------------------------------------------------------- the render


def _render(
    release: PressRelease,
    *,
    page_size: str,
    align: str,
    logo: str | None,
    footer: str | None,
    strict: bool,
    organization: str | None = None,
    story_hook: Callable[[list[Any], Layout], list[Any] | None] | None = None,
) -> bytes:
    from .. import __version__, _fonts
    from .._layout import layout
    from .._serialize import dumps

    fonts = _fonts.family()
    lay = layout(release, organization=organization)
    _check_glyphs(release, lay, footer, fonts, strict=strict)
    logo_data = _load_logo(logo) if logo else None
    payload = dumps(release)

    import reportlab

    producer = f"communique {__version__} (ReportLab {reportlab.Version})"
    content_hash = hashlib.sha256()
    for part in (
        payload,
        repr((page_size, align, footer, strict, producer, organization)).encode(),
        logo_data[0] if logo_data else b"",
    ):
        content_hash.update(hashlib.sha256(part).digest())
    file_id = content_hash.digest()[:16]

    def show(text: str, face: str) -> str:
        # Always filtered: even in strict mode an invisible format character the face lacks
        # (U+FEFF in the obliques) must be dropped, or reportlab would draw its .notdef box.
        return _fonts.display_text(text, face, fonts)

    try:
        pages = _build(
            release,
            lay,
            show=show,
            page_size=page_size,
            align=align,
            logo=logo_data,
            footer=footer,
            producer=producer,
            story_hook=story_hook,
        )
        return _finish_document(pages, lay, release, payload=payload, file_id=file_id, producer=producer)
    except (RenderError, OptionError):
        raise
    except Exception as exc:
        # reportlab's LayoutError and friends must reach the user as ours.
        raise RenderError(f"the PDF could not be laid out: {type(exc).__name__}: {exc}", format="pdf") from exc


def _runs(spans: Any, regular: str, quote_face: str, show: Callable[[str, str], str], body: bool) -> list[Piece]:
    """Layout spans as (text, face) pieces; superscripts get the :data:`_SUP` face suffix."""
    runs: list[Piece] = []
    for span in spans:
        face = quote_face if span.quote else regular
        text = show(span.text, face)
        text = _body_text(text) if body else _one_line(text)
        runs.append((text, face + _SUP if span.sup else face))
    return runs


def _build(
    release: PressRelease,
    lay: Layout,
    *,
    show: Callable[[str, str], str],
    page_size: str,
    align: str,
    logo: tuple[bytes, tuple[float, float]] | None,
    footer: str | None,
    producer: str,
    story_hook: Callable[[list[Any], Layout], list[Any] | None] | None,
) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import CondPageBreak, Frame, PageTemplate, TableStyle

    from .._fonts import BOLD, ITALIC, REGULAR
    from .._layout import fit_widths, title_size

    rl = _reportlab()
    block = rl.TextBlock
    width_of = rl.width_of
    size = A4 if page_size == "a4" else LETTER
    page_width, page_height = size
    frame_width = page_width - 2 * _MARGIN_X
    hyphenate = _hyphenator(lay.language) if align == "justify" else None

    # ---- the story: reference, title, subtitle, date line, paragraphs, participants, end mark
    story: list[Any] = [rl.Anchor("title", _one_line(lay.title), 0)]
    if lay.reference:
        story.append(block([(_one_line(show(lay.reference, REGULAR)), REGULAR)], _REFERENCE))
    title_runs = _runs(lay.title_spans, BOLD, BOLD, show, body=False)
    points = title_size("".join(t for t, _ in title_runs), frame_width, lambda t, s: width_of(t, BOLD, s))
    title_style = _Style(points, round(points * 1.26, 1), color=_TITLE.color, space_after=_TITLE.space_after)
    story.append(block(title_runs, title_style))
    if lay.subtitle:
        story.append(block([(_one_line(show(lay.subtitle, REGULAR)), REGULAR)], _SUBTITLE))
    if lay.date_line:
        story.append(block([(_one_line(show(lay.date_line, REGULAR)), REGULAR)], _DATE))
    for paragraph in lay.paragraphs:
        runs: list[Piece] = []
        if paragraph.dateline:
            runs.append((_one_line(show(paragraph.dateline, BOLD)), BOLD))
            runs.append((_one_line(paragraph.dateline_separator), REGULAR))
        runs += _runs(paragraph.spans, REGULAR, ITALIC, show, body=True)
        story.append(block(runs, _BODY, align=align, hyphenate=hyphenate))
    if lay.attendee_rows:
        # Keep the heading with the first rows by a conditional break, not keepWithNext.
        story.append(CondPageBreak(_MIN_TABLE_START))
        story.append(rl.Anchor("attendees", _one_line(lay.attendees_heading), 1))
        story.append(block([(_one_line(show(lay.attendees_heading, BOLD)), BOLD)], _HEADING))
        header_texts = [_one_line(show(c, BOLD)) for c in lay.attendee_columns]
        row_texts = [[_one_line(show(c, REGULAR)) for c in row] for row in lay.attendee_rows]
        widths = fit_widths(
            header_texts,
            row_texts,
            frame_width,
            lambda t: width_of(t, REGULAR, _CELL.size),
            lambda t: width_of(t, BOLD, _CELL.size),
            _CELL_PADDING,
        )
        pad = _CELL_TOP + _CELL_BOTTOM

        def cell(text: str, face: str, style: _Style, width: float) -> tuple[Any, float]:
            # A plain string costs the table far less than a flowable; only text that
            # needs wrapping pays for one.
            if width_of(text, face, style.size) <= width - 2 * _CELL_PADDING:
                return text, style.leading
            flowable = block([(text, face)], style)
            _, height = flowable.wrap(width - 2 * _CELL_PADDING, 1e6)
            return flowable, height

        def measured(texts: Sequence[str], face: str, style: _Style) -> list[Any]:
            # One row's cells and, in ``heights``, its height: its tallest cell and the padding.
            cells = [cell(text, face, style, width) for text, width in zip(texts, widths, strict=True)]
            heights.append(max((height for _, height in cells), default=0.0) + pad)
            return [shown for shown, _ in cells]

        heights: list[float] = []
        header = measured(header_texts, BOLD, _HEAD_CELL)
        rows = [measured(texts, REGULAR, _CELL) for texts in row_texts]
        table_style = TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_ACCENT)),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(_STRIPE)]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(_RULE)),
                # Plain-string cells: the same faces and sizes as the wrapping cells (never
                # Helvetica, which would not be embedded).
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), _CELL.size),
                ("LEADING", (0, 0), (-1, -1), _CELL.leading),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("TEXTCOLOR", (0, 1), (-1, -1), colors.HexColor(_INK)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), _CELL_TOP),
                ("BOTTOMPADDING", (0, 0), (-1, -1), _CELL_BOTTOM),
                ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
            ]
        )
        participants = rl.Participants(header, rows, heights, widths, table_style)
        participants.frame_height = page_height - _MARGIN_TOP - _MARGIN_BOTTOM
        story.append(participants)
    if lay.end_mark:
        story.append(block([(_one_line(show(lay.end_mark, REGULAR)), REGULAR)], _END_MARK))
    if story_hook is not None:
        replaced = story_hook(story, lay)
        if replaced is not None:
            story = replaced

    # ---- page furniture: header band, footer, page numbers
    label_width = 30 * _MM
    footer_block = None
    if footer:
        footer_block = block([(_body_text(show(footer, REGULAR)), REGULAR)], _FOOTER)
        _, footer_height = footer_block.wrap(frame_width - label_width, _FOOTER_BAND)
        if footer_height > _FOOTER.leading * _FOOTER_MAX_LINES + 0.5:
            lines = round(footer_height / _FOOTER.leading)
            raise OptionError(
                f"option 'footer' of format 'pdf' is too long: it takes {lines} lines"
                f" at the foot of the page, at most {_FOOTER_MAX_LINES} fit"
            )
    kind = block([(_one_line(show(lay.kind, REGULAR)), REGULAR)], _BAND_KIND)
    kind_width = width_of(_one_line(lay.kind), REGULAR, _BAND_KIND.size) + 1
    organisation = block([(_one_line(show(lay.organization, BOLD)), BOLD)], _BAND_ORG) if lay.organization else None
    logo_image = ImageReader(io.BytesIO(logo[0])) if logo else None
    pages = [0]
    rule = colors.HexColor(_RULE)
    accent = colors.HexColor(_ACCENT)
    muted = colors.HexColor(_MUTED)

    def on_page(canv: Any, doc: Any) -> None:
        number = canv.getPageNumber()
        pages[0] = max(pages[0], number)
        canv.saveState()
        band_bottom = page_height - _MARGIN_TOP + 6 * _MM
        text_left = _MARGIN_X
        if logo_image is not None and logo is not None:
            width, height = logo[1]
            scale = min(_LOGO_MAX[0] / width, _LOGO_MAX[1] / height)
            canv.drawImage(logo_image, _MARGIN_X, band_bottom + 3, width * scale, height * scale, mask="auto")
            text_left += width * scale + 6 * _MM
        kind.wrap(kind_width, _HEADER_BAND)
        kind.drawOn(canv, page_width - _MARGIN_X - kind_width, band_bottom + 4)
        if organisation is not None:
            # One line: a longer organisation name is in the metadata and the JSON.
            room = page_width - _MARGIN_X - text_left - kind_width - 6 * _MM
            _, height = organisation.wrap(room, _HEADER_BAND)
            if height <= _BAND_ORG.leading * 1.5:
                organisation.drawOn(canv, text_left, band_bottom + 4)
        canv.setStrokeColor(accent)
        canv.setLineWidth(1.2)
        canv.line(_MARGIN_X, band_bottom, page_width - _MARGIN_X, band_bottom)
        canv.setStrokeColor(rule)
        canv.setLineWidth(0.6)
        footer_top = _MARGIN_BOTTOM - 5 * _MM
        canv.line(_MARGIN_X, footer_top, page_width - _MARGIN_X, footer_top)
        if footer_block is not None:
            _, height = footer_block.wrap(frame_width - label_width, _FOOTER_BAND)
            footer_block.drawOn(canv, _MARGIN_X, footer_top - 3 * _MM - height + _FOOTER.leading)
        # "n / N": N is known only at the end, so each page shows a form XObject filled in then.
        canv.saveState()
        canv.translate(page_width - _MARGIN_X, footer_top - 3 * _MM - 8 + 10)
        canv.doForm(f"pageLabel{number}")
        canv.restoreState()
        canv.restoreState()

    def finish(canv: Any) -> None:
        total = pages[0]
        for number in range(1, total + 1):
            canv.beginForm(f"pageLabel{number}", lowerx=-label_width, lowery=-4, upperx=1, uppery=12)
            canv.setFont(REGULAR, 8)
            canv.setFillColor(muted)
            canv.drawRightString(0, 0, f"{number} / {total}")
            canv.endForm()
        canv.showOutline()

    frame = Frame(
        _MARGIN_X,
        _MARGIN_BOTTOM,
        frame_width,
        page_height - _MARGIN_TOP - _MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    out = io.BytesIO()
    doc = rl.BaseDocTemplate(
        out,
        pagesize=size,
        # Furniture is drawn when a page ends, so that content-stream order (what pypdf and
        # screen readers follow) is the body first, then header and footer.
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPageEnd=on_page)],
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        title=_one_line(lay.title),
        author=_one_line(lay.author) if lay.author else "",
        subject=_one_line(lay.subject) if lay.subject else "",
        keywords=[_one_line(k) for k in lay.keywords],
        creator="communique",
        producer=producer,
        invariant=1,
        pageCompression=1,
        lang=lay.language,
        initialFontName=REGULAR,
        displayDocTitle=True,
    )

    def canvas_maker(*args: Any, **kwargs: Any) -> Any:
        canv = rl.ReleaseCanvas(*args, **kwargs)
        canv.finish = finish
        return canv

    with _binary_streams():
        doc.build(story, canvasmaker=canvas_maker)
    return out.getvalue()


_A85_LOCK = threading.Lock()
_a85_depth = 0
_a85_saved: Any = 1


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """reportlab's documented ``rl_config.useA85`` off while communique builds a PDF.

    reportlab wraps every page stream in ASCII85 by default (a quarter larger, and
    its pure-Python encoder costs ~1.5 ms per document); PDF/A needs no 7-bit
    streams.  The setting is process-wide, so it is switched off for as long as
    any communique build runs and put back as it was when the last one ends.
    """
    global _a85_depth, _a85_saved
    from reportlab import rl_config

    with _A85_LOCK:
        if _a85_depth == 0:
            _a85_saved = rl_config.useA85
            rl_config.useA85 = 0
        _a85_depth += 1
    try:
        yield
    finally:
        with _A85_LOCK:
            _a85_depth -= 1
            if _a85_depth == 0:
                rl_config.useA85 = _a85_saved


@functools.cache
def _icc_profile() -> bytes:
    from importlib import resources

    return resources.files("communique.data").joinpath("sRGB.icc").read_bytes()


def _finish_document(
    pages: bytes, lay: Layout, release: PressRelease, *, payload: bytes, file_id: bytes, producer: str
) -> bytes:
    """PDF/A-3b document structures reportlab's public API cannot write, added with pikepdf's public API.

    The canonical JSON as an associated file (``/AF``, ``/AFRelationship /Source``),
    the sRGB output intent, the XMP packet (``pdfaid`` part 3, conformance B), the
    information dictionary's dates from the release and the file identifier.
    """
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(pages))
    params = Dictionary(Size=len(payload), CheckSum=String(hashlib.md5(payload, usedforsecurity=False).digest()))
    if lay.modified:
        params.ModDate = String(_pdf_date(lay.modified))
    if lay.created:
        params.CreationDate = String(_pdf_date(lay.created))
    # Streams are written compressed here and saved as they are: qpdf's own compress_streams pass
    # inflates and deflates every stream of the file again (~4 ms of a 15 ms render, mostly the fonts).
    embedded = pdf.make_stream(
        zlib.compress(payload),
        Filter=Name.FlateDecode,
        Type=Name.EmbeddedFile,
        Subtype=Name("/" + ATTACHMENT_MEDIA_TYPE),
        Params=params,
    )
    filespec = pdf.make_indirect(
        Dictionary(
            Type=Name.Filespec,
            F=String(ATTACHMENT_NAME),
            UF=String(ATTACHMENT_NAME),
            Desc=String("The press release as communique canonical JSON (lossless source of this document)"),
            AFRelationship=Name.Source,
            EF=Dictionary(F=embedded, UF=embedded),
        )
    )
    root = pdf.Root
    root.Names = Dictionary(EmbeddedFiles=Dictionary(Names=Array([String(ATTACHMENT_NAME), filespec])))
    root.AF = Array([filespec])
    profile = pdf.make_stream(zlib.compress(_icc_profile()), Filter=Name.FlateDecode, N=3)
    root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                Info=String("sRGB IEC61966-2.1"),
                DestOutputProfile=profile,
            )
        ]
    )
    document_id = _uuid(file_id)
    root.Metadata = pdf.make_stream(
        _xmp(lay, producer=producer, document_id=document_id, url=release.header.url),
        Type=Name.Metadata,
        Subtype=Name.XML,
    )
    info = pdf.docinfo
    info.Title = String(_one_line(lay.title))
    info.Creator = String("communique")
    info.Producer = String(producer)
    for key in ("/CreationDate", "/ModDate", "/Trapped"):
        if key in info:
            del info[key]
    if lay.created:
        info.CreationDate = String(_pdf_date(lay.created))
    if lay.modified:
        info.ModDate = String(_pdf_date(lay.modified))
    pdf.trailer.ID = Array([String(file_id), String(file_id)])
    out = io.BytesIO()
    # The identifier stays the content hash given above; nothing else depends on the clock.
    # The XMP packet stays uncompressed (PDF/A readers look for it as plain text).
    pdf.save(out, deterministic_id=True, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def _uuid(digest: bytes) -> str:
    import uuid

    return str(uuid.UUID(bytes=digest[:16], version=4))
