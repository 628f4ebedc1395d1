"""``pdf`` exporter: a print-ready release, with the release itself embedded for lossless read-back.

The page shows what :func:`communique._layout.layout` decides (title, date
line, paragraphs with the dateline in bold and quotes in italics, attendees
table); this module only decides typography.  Every character is printed with
the bundled DejaVu Sans faces (see :mod:`communique._fonts`) and checked
against their character maps before anything is laid out.

Beside the pages, the PDF carries:

* the release's canonical JSON (:func:`communique._serialize.dumps`) as an
  embedded file named :data:`ATTACHMENT_NAME` (``/EmbeddedFiles`` and the
  catalog's ``/AF``, as PDF/A-3 attaches source data), which the ``pdf``
  parser reads back;
* an XMP metadata packet and the document information dictionary (title,
  author, subject, keywords, creation and modification dates from the
  release), ``/Lang`` and an outline (bookmarks).

Output is deterministic: reportlab runs in invariant mode, dates come from the
release and the file identifier is a hash of the content and the options.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import io
import warnings
from collections.abc import Callable, Iterator
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
        )


# --------------------------------------------------------------------------- checks


def _glyph_items(release: PressRelease, lay: Layout, footer: str | None) -> Iterator[tuple[str, str, str, int]]:
    """Every printed text as ``(release path, text, face, offset of text in that field)``."""
    from .._fonts import BOLD, ITALIC, REGULAR

    yield "header.title", lay.title, BOLD, 0
    if release.header.source:
        yield "header.source", release.header.source, REGULAR, 0
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
        fields = ("name", "rank", "role", "organization", "country")
        for i, row in enumerate(lay.attendee_rows):
            for field, cell in zip(fields, row, strict=True):
                yield f"attendees[{i}].{field}", cell, REGULAR, 0
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


def _escape(text: str) -> str:
    # reportlab paragraphs parse their text as markup: text is data, never markup.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(text: str, *, breaks: bool) -> str:
    """Escape ``text`` for a reportlab Paragraph; line breaks become ``<br/>`` (or spaces)."""
    out = _escape(text).replace("\t", " ")
    for mark in _LINE_BREAKS:
        if mark in out:
            out = out.replace(mark, "<br/>" if breaks else " ")
    return out


def _one_line(text: str) -> str:
    out = text.replace("\t", " ")
    for mark in _LINE_BREAKS:
        out = out.replace(mark, " ")
    return out


# --------------------------------------------------------------------------- metadata


def _pdf_date(value: _dt.datetime) -> str:
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
        f'    xmlns:communique="{XMP_NAMESPACE}">\n'
        f"    {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    )
    return packet.encode("utf-8")


# --------------------------------------------------------------------------- reportlab pieces (built on first use)


@functools.cache
def _reportlab() -> Any:
    """reportlab-based classes, defined on first use so that importing this module stays cheap."""
    from types import SimpleNamespace

    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate
    from reportlab.platypus.flowables import Flowable

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

    class Info(pdfdoc.PDFObject):  # type: ignore[misc]
        """The document information dictionary, with dates from the release (not the clock)."""

        def __init__(self, entries: dict[str, Any]) -> None:
            self.entries = entries

        def digest(self, md5object: Any) -> None:
            # reportlab hashes the info into its own /ID; ours comes from the content instead.
            return None

        def format(self, document: Any) -> bytes:
            return pdfdoc.PDFDictionary(self.entries).format(document)  # type: ignore[no-any-return]

    class ReleaseCanvas(Canvas):  # type: ignore[misc]
        """A canvas that runs ``finish`` once, after the last page and before the file is written."""

        finish: Callable[[Any], None] | None = None

        def save(self) -> None:
            if self.finish is not None:
                finish, self.finish = self.finish, None
                finish(self)
            super().save()

    return SimpleNamespace(
        Anchor=Anchor, Info=Info, ReleaseCanvas=ReleaseCanvas, BaseDocTemplate=BaseDocTemplate, pdfdoc=pdfdoc
    )


@functools.cache
def _styles(align: str) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from .._fonts import BOLD, FAMILY

    ink, muted, accent = colors.HexColor(_INK), colors.HexColor(_MUTED), colors.HexColor(_ACCENT)
    body = ParagraphStyle(
        "communique-body",
        fontName=FAMILY,
        fontSize=10.5,
        leading=15,
        textColor=ink,
        alignment=TA_JUSTIFY if align == "justify" else TA_LEFT,
        spaceAfter=7.5,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    return {
        "title": ParagraphStyle(
            "communique-title",
            parent=body,
            fontName=BOLD,
            fontSize=19,
            leading=24,
            textColor=accent,
            alignment=TA_LEFT,
            spaceAfter=6,
        ),
        "date": ParagraphStyle(
            "communique-date",
            parent=body,
            fontSize=10,
            leading=13,
            textColor=muted,
            alignment=TA_LEFT,
            spaceAfter=16,
        ),
        "body": body,
        "heading": ParagraphStyle(
            "communique-heading",
            parent=body,
            fontName=BOLD,
            fontSize=13,
            leading=17,
            textColor=accent,
            alignment=TA_LEFT,
            spaceBefore=14,
            spaceAfter=7,
        ),
        "cell": ParagraphStyle(
            "communique-cell", parent=body, fontSize=8.5, leading=11, alignment=TA_LEFT, spaceAfter=0
        ),
        "head_cell": ParagraphStyle(
            "communique-head-cell",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            alignment=TA_LEFT,
            textColor=colors.white,
            spaceAfter=0,
        ),
        "footer": ParagraphStyle(
            "communique-footer", parent=body, fontSize=8, leading=10, textColor=muted, alignment=TA_LEFT, spaceAfter=0
        ),
        "running": ParagraphStyle(
            "communique-running",
            parent=body,
            fontSize=8.5,
            leading=10.5,
            textColor=muted,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
    }


# --------------------------------------------------------------------------- the render


def _render(
    release: PressRelease,
    *,
    page_size: str,
    align: str,
    logo: str | None,
    footer: str | None,
    strict: bool,
) -> bytes:
    from .. import __version__, _fonts
    from .._layout import layout
    from .._serialize import dumps

    fonts = _fonts.family()
    lay = layout(release)
    _check_glyphs(release, lay, footer, fonts, strict=strict)
    logo_data = _load_logo(logo) if logo else None
    payload = dumps(release)

    import reportlab

    producer = f"communique {__version__} (ReportLab {reportlab.Version})"
    content_hash = hashlib.sha256()
    for part in (
        payload,
        repr((page_size, align, footer, strict, producer)).encode(),
        logo_data[0] if logo_data else b"",
    ):
        content_hash.update(hashlib.sha256(part).digest())
    file_id = content_hash.digest()[:16]

    def show(text: str, face: str) -> str:
        # Always filtered: even in strict mode an invisible format character the face lacks
        # (U+FEFF in the obliques) must be dropped, or reportlab would draw its .notdef box.
        return _fonts.display_text(text, face, fonts)

    try:
        return _build(
            release,
            lay,
            fonts=fonts,
            show=show,
            page_size=page_size,
            align=align,
            logo=logo_data,
            footer=footer,
            payload=payload,
            file_id=file_id,
            producer=producer,
        )
    except (RenderError, OptionError):
        raise
    except Exception as exc:
        # reportlab's LayoutError and friends must reach the user as ours.
        raise RenderError(f"the PDF could not be laid out: {type(exc).__name__}: {exc}", format="pdf") from exc


def _build(
    release: PressRelease,
    lay: Layout,
    *,
    fonts: Family,
    show: Callable[[str, str], str],
    page_size: str,
    align: str,
    logo: tuple[bytes, tuple[float, float]] | None,
    footer: str | None,
    payload: bytes,
    file_id: bytes,
    producer: str,
) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import CondPageBreak, Frame, PageTemplate, Paragraph, Table, TableStyle

    from .._fonts import BOLD, ITALIC, REGULAR

    rl = _reportlab()
    styles = _styles(align)
    size = A4 if page_size == "a4" else LETTER
    page_width, page_height = size
    frame_width = page_width - 2 * _MARGIN_X

    # ---- the story: title, date line, paragraphs, attendees
    story: list[Any] = [rl.Anchor("title", _one_line(lay.title), 0)]
    story.append(Paragraph(_markup(show(lay.title, BOLD), breaks=False), styles["title"]))
    if lay.date_line:
        story.append(Paragraph(_markup(show(lay.date_line, REGULAR), breaks=False), styles["date"]))
    for paragraph in lay.paragraphs:
        parts: list[str] = []
        if paragraph.dateline:
            parts.append(f"<b>{_markup(show(paragraph.dateline, BOLD), breaks=False)}</b>")
            parts.append(_markup(paragraph.dateline_separator, breaks=False))
        for span in paragraph.spans:
            if span.quote:
                parts.append(f"<i>{_markup(show(span.text, ITALIC), breaks=True)}</i>")
            else:
                parts.append(_markup(show(span.text, REGULAR), breaks=True))
        story.append(Paragraph("".join(parts), styles["body"]))
    if lay.attendee_rows:
        # Keep the heading with the first rows by a conditional break, not keepWithNext:
        # that would wrap the whole table an extra time just to measure it.
        story.append(CondPageBreak(_MIN_TABLE_START))
        story.append(rl.Anchor("attendees", _one_line(lay.attendees_heading), 1))
        story.append(Paragraph(_markup(show(lay.attendees_heading, BOLD), breaks=False), styles["heading"]))
        widths = [frame_width * share for share in _COLUMN_SHARES]

        def cell(text: str, face: str, style: Any, width: float) -> Any:
            shown = _one_line(show(text, face))
            # A plain string is drawn as is (never parsed as markup) and costs far less than
            # a Paragraph; only text that needs wrapping pays for one.
            if stringWidth(shown, face, style.fontSize) <= width - 2 * _CELL_PADDING:
                return shown
            return Paragraph(_markup(shown, breaks=False), style)

        header = [cell(c, BOLD, styles["head_cell"], w) for c, w in zip(lay.attendee_columns, widths, strict=True)]
        rows = [
            [cell(c, REGULAR, styles["cell"], w) for c, w in zip(row, widths, strict=True)] for row in lay.attendee_rows
        ]
        table = Table(
            [header, *rows],
            colWidths=widths,
            repeatRows=1,
            splitInRow=1,  # a very tall row continues on the next page instead of failing the layout
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_ACCENT)),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(_STRIPE)]),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(_RULE)),
                    # Plain-string cells: the same faces as the Paragraph styles (never Helvetica,
                    # which would not be embedded).
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("FONTNAME", (0, 0), (-1, 0), BOLD),
                    ("FONTSIZE", (0, 0), (-1, -1), styles["cell"].fontSize),
                    ("LEADING", (0, 0), (-1, -1), styles["cell"].leading),
                    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                    ("TEXTCOLOR", (0, 1), (-1, -1), colors.HexColor(_INK)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
                ]
            )
        )
        story.append(table)

    # ---- page furniture: header band, footer, page numbers
    label_width = 30 * _MM
    footer_para = None
    if footer:
        footer_para = Paragraph(_markup(show(footer, REGULAR), breaks=True), styles["footer"])
        _, footer_height = footer_para.wrap(frame_width - label_width, _FOOTER_BAND)
        if footer_height > styles["footer"].leading * _FOOTER_MAX_LINES + 0.5:
            lines = round(footer_height / styles["footer"].leading)
            raise OptionError(
                f"option 'footer' of format 'pdf' is too long: it takes {lines} lines"
                f" at the foot of the page, at most {_FOOTER_MAX_LINES} fit"
            )
    running = release.header.source
    logo_image = ImageReader(io.BytesIO(logo[0])) if logo else None
    pages = [0]
    rule = colors.HexColor(_RULE)
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
            canv.drawImage(logo_image, _MARGIN_X, band_bottom + 2, width * scale, height * scale, mask="auto")
            text_left += width * scale + 6 * _MM
        if running:
            head = Paragraph(_markup(show(_one_line(running), REGULAR), breaks=False), styles["running"])
            # A running head is one line; a longer source is in the metadata and the JSON.
            available = page_width - _MARGIN_X - text_left
            _, height = head.wrap(available, _HEADER_BAND)
            if height <= styles["running"].leading * 1.5:
                head.drawOn(canv, text_left, band_bottom + 2)
        canv.setStrokeColor(rule)
        canv.setLineWidth(0.6)
        canv.line(_MARGIN_X, band_bottom, page_width - _MARGIN_X, band_bottom)
        footer_top = _MARGIN_BOTTOM - 5 * _MM
        canv.line(_MARGIN_X, footer_top, page_width - _MARGIN_X, footer_top)
        if footer_para is not None:
            _, height = footer_para.wrap(frame_width - label_width, _FOOTER_BAND)
            footer_para.drawOn(canv, _MARGIN_X, footer_top - 3 * _MM - height + styles["footer"].leading)
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
        _finish_document(canv, lay, release, payload=payload, file_id=file_id, producer=producer)

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

    doc.build(story, canvasmaker=canvas_maker)
    return out.getvalue()


def _finish_document(
    canv: Any, lay: Layout, release: PressRelease, *, payload: bytes, file_id: bytes, producer: str
) -> None:
    """Attach the JSON, the XMP packet, the information dictionary and the fixed /ID."""
    rl = _reportlab()
    pd = rl.pdfdoc
    doc = canv._doc

    params: dict[str, Any] = {
        "Size": len(payload),
        "CheckSum": pd.PDFText(hashlib.md5(payload, usedforsecurity=False).digest(), enc="raw"),
    }
    if lay.modified:
        params["ModDate"] = pd.PDFString(_pdf_date(lay.modified))
    if lay.created:
        params["CreationDate"] = pd.PDFString(_pdf_date(lay.created))
    embedded = pd.PDFStream(
        dictionary=pd.PDFDictionary(
            {
                "Type": pd.PDFName("EmbeddedFile"),
                # reportlab does not escape "/" inside a name; PDF spells it #2F.
                "Subtype": "/" + ATTACHMENT_MEDIA_TYPE.replace("/", "#2F"),
                "Params": pd.PDFDictionary(params),
            }
        ),
        content=payload,
        filters=[pd.PDFZCompress],
    )
    embedded_ref = doc.Reference(embedded, "communique.attachment")
    filespec = pd.PDFDictionary(
        {
            "Type": pd.PDFName("Filespec"),
            "F": pd.PDFString(ATTACHMENT_NAME),
            "UF": pd.PDFString(ATTACHMENT_NAME),
            "Desc": pd.PDFString("The press release as communique canonical JSON (lossless source of this document)"),
            "AFRelationship": pd.PDFName("Source"),
            "EF": pd.PDFDictionary({"F": embedded_ref, "UF": embedded_ref}),
        }
    )
    filespec_ref = doc.Reference(filespec, "communique.filespec")
    catalog = doc.Catalog
    catalog.Names = pd.PDFDictionary(
        {"EmbeddedFiles": pd.PDFDictionary({"Names": pd.PDFArray([pd.PDFString(ATTACHMENT_NAME), filespec_ref])})}
    )
    # PDF/A-3 style association of the source with the document; the catalog only writes known keys.
    catalog.AF = pd.PDFArray([filespec_ref])
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "AF"]

    document_id = _uuid(file_id)
    xmp = pd.PDFStream(
        dictionary=pd.PDFDictionary({"Type": pd.PDFName("Metadata"), "Subtype": pd.PDFName("XML")}),
        content=_xmp(lay, producer=producer, document_id=document_id, url=release.header.url),
    )
    catalog.Metadata = xmp
    canv.showOutline()

    info: dict[str, Any] = {
        "Title": pd.PDFString(_one_line(lay.title)),
        "Creator": pd.PDFString("communique"),
        "Producer": pd.PDFString(producer),
        "Trapped": pd.PDFName("False"),
    }
    if lay.author:
        info["Author"] = pd.PDFString(_one_line(lay.author))
    if lay.subject:
        info["Subject"] = pd.PDFString(_one_line(lay.subject))
    if lay.keywords:
        info["Keywords"] = pd.PDFString(", ".join(_one_line(k) for k in lay.keywords))
    if lay.created:
        info["CreationDate"] = pd.PDFString(_pdf_date(lay.created))
    if lay.modified:
        info["ModDate"] = pd.PDFString(_pdf_date(lay.modified))
    doc.info = rl.Info(info)
    hex_id = file_id.hex().upper().encode("ascii")
    doc._ID = b"[<" + hex_id + b"> <" + hex_id + b">]"


def _uuid(digest: bytes) -> str:
    import uuid

    return str(uuid.UUID(bytes=digest[:16], version=4))
