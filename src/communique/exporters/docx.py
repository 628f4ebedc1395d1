"""``docx`` exporter: a Word document a press office would send, with the release embedded.

What the document shows comes from :func:`communique._layout.layout` (the pass
shared with the PDF exporter, so both formats have one house style: header
band with the organisation and the kind of document, title, subtitle, date
line, body with the dateline, quotations, participants table, end mark, page
numbers ``n / N``); this module only decides the typography, and it does so
with **styles, never direct formatting**, so a newsroom can restyle:

=========================  ==========================================================
What                       Style (type, name as Word shows it)
=========================  ==========================================================
header band                ``Header`` (paragraph), the organisation in ``Organisation``
                           (character); page numbers in ``Footer``
reference (document no.)   ``Reference`` (paragraph: small, grey), above the title
title                      ``Title`` (paragraph; its size is chosen so that the
                           title takes at most four lines)
subtitle (standfirst)      ``Subtitle`` (paragraph), under the title
date line                  ``Date`` (paragraph)
dateline (``Belgrade –``)  ``Dateline`` (character: bold), start of paragraph 1
body paragraphs            ``Body Text`` (paragraph)
quoted words               ``Quote Char`` (character), in place inside their paragraph
ordinals (``12e``)         ``Ordinal`` (character: superscript)
attendees heading          ``heading 1`` (paragraph), in the release's language;
                           ``Heading New Page`` (``heading 1`` + page break before)
                           where the section starts on a new page
attendees table            ``Table Grid`` (table), header row in ``Table Heading``,
                           cells in ``Table Contents`` (paragraph styles); those of
                           the second last row in ``Table Contents Kept``
                           (``Table Contents`` + keep with next)
end mark (``– FIN –``)     ``End Mark`` (paragraph)
=========================  ==========================================================

Fonts, sizes, colours and margins are the PDF's: DejaVu Sans (bundled with
communique for the PDF; LibreOffice ships it, Word substitutes a sans serif of
similar metrics, e.g. Verdana), 10.5 pt body on a 15 pt line, 20 mm side
margins.  Column widths of the participants table are fitted with the same
measure as the PDF's, so no word is split inside a cell.

The document is built with python-docx's public API: the base template
(python-docx's default, its styles replaced by the house style) is prepared
**once per process** and copied per document; a user ``template`` is
prepared once per file version (its own styles, page setup, headers and
footers are used; a style it lacks is added).  A plugin author subclasses
:class:`DocxExporter` and overrides :meth:`DocxExporter.document`, which
receives the python-docx ``Document`` before it is saved.

**Lossless embedding.**  The canonical JSON of the release
(:func:`communique._serialize.dumps`) is stored as a Custom XML data-store item
(``customXml/itemN.xml``, with its ``itemPropsN.xml``, related from the main
document part), a part Word and LibreOffice keep when they re-save::

    <release xmlns="urn:communique:docx" schema-version="2"
             visible="sha256:…">{ canonical JSON, XML-escaped }</release>

``visible`` is a digest of the text the document shows (every paragraph and
table-cell paragraph of the body in order); the parser compares it with what it
reads, so a document edited after export is read from its visible content, not
from the stale embedded copy.  A French release also gets ``typography="…"``:
what its text holds where French spacing prints a no-break space (``:=nbsp
«=space …``, see :func:`communique._layout.french_spaces`), so that the parser
reading the visible text puts back plain spaces, no-break spaces or nothing as
the release had them.  U+FFFE/U+FFFF, which XML cannot hold, are
written as JSON ``\\uFFFE`` escapes, so the embedded copy is exact.

**Characters Word cannot hold.**  C0 control characters (other than tab and
newline; carriage returns included) and U+FFFE/U+FFFF are removed from the
*visible* text with one :class:`~communique.errors.CommuniqueWarning` naming the
fields; the embedded release keeps them, so read-back stays exact.  Newlines
inside a paragraph become line breaks, tabs become tabs.

**Page breaks.**  Word and LibreOffice break the pages, following the rules the
document gives them, which are the PDF's: no row splits across pages and the
header row repeats on each; the participants section (heading and table)
starts on a new page when less than 45 mm, or less than its heading, header row
and first two rows, would be left at the foot of the page
(:func:`communique._layout.table_starts_page`, decided here from the house
style's exact line heights and the fonts' metrics, and written as the heading's style
``Heading New Page``, with *page break before*: keep-with-next on the first
rows, which would say the same, makes LibreOffice lose the rows that follow
them); and the last two rows are kept together (the second last in ``Table
Contents Kept``, with *keep with next*), so no page holds a single row of a
table that runs over pages.  With a user
``template`` (its own sizes and spacing) only the row rules apply.

**Determinism.**  The same release gives the same bytes: python-docx writes the
parts in a fixed order; the zip entries are then dated from the release (its
modified/created date, 1980-01-01 when it has none) and the core properties
carry the release's dates, with no revision, template path or thumbnail.

Options: ``page_size`` (``a4`` or ``letter``; default A4, or the template's own
size when a ``template`` is given), ``template`` (a ``.docx``/``.dotx`` whose
styles, page setup, headers and footers are used; it is read through the safe zip
reader first, and its external relationships are not used: those of its body —
remote styles, linked images, subDocument, altChunk — are dropped with a warning
naming them, and a template whose header, footer or styles link to remote content
Word would fetch is refused; hyperlinks stay), ``align`` (``left`` or
``justify``: justified body text is hyphenated by the word processor in the
release's language) and ``organization`` (the header band's organisation).
"""

from __future__ import annotations

import copy
import datetime as _dt
import functools
import hashlib
import io
import itertools
import os
import re
import struct
import threading
import warnings
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CommuniqueWarning, ParseError, RenderError
from ..plugins import Exporter, Option

if TYPE_CHECKING:
    from .._layout import Layout, Span
    from ..model import PressRelease

__all__ = ["RELEASE_NS", "DocxExporter", "visible_digest"]

RELEASE_NS = "urn:communique:docx"
"""Namespace of the root element of the embedded release part."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RT_CUSTOM_XML = _RT + "customXml"
_RT_CUSTOM_XML_PROPS = _RT + "customXmlProps"
_RT_APP = _RT + "extended-properties"
_RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_RT_ATTACHED_TEMPLATE = _RT + "attachedTemplate"
_ITEM_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Fixed id of our data-store item: Word wants one per item, unique in the package.
_ITEM_ID = "{6C0D3B5A-2F7E-4C1B-9A39-C0E3E4A1D0C5}"

_PAGE_SIZES_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}

# Characters XML 1.0 or Word cannot carry in text.
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_NOT_XML = re.compile("[\ufffe\uffff]")

# The house style (the PDF exporter's sizes and colours).
FONT = "DejaVu Sans"
_ACCENT = "123A63"
_INK = "1B1B1B"
_MUTED = "5C6670"
_RULE = "C5CCD3"
_STRIPE = "F1F4F7"
_MARGIN_X_MM = 20.0
_CELL_PADDING_PT = 4.0
_CELL_MARGIN_TOP_PT, _CELL_MARGIN_BOTTOM_PT = 3.5, 4.0


def visible_digest(texts: Iterable[str]) -> str:
    """Digest of the visible text of a document: its paragraphs' texts in order.

    Shared by the exporter (over what it writes) and the parser (over what it
    reads), so that an edited document is recognised.
    """
    h = hashlib.sha256()
    for text in texts:
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return "sha256:" + h.hexdigest()


# --------------------------------------------------------------------------- styles

# role -> (style type, name as stored); names are matched case-insensitively
# (Word stores built-in names as "heading 1", LibreOffice as "Heading 1").
_ROLES = {
    "header": ("paragraph", "Header"),
    "footer": ("paragraph", "Footer"),
    "organisation": ("character", "Organisation"),
    "reference": ("paragraph", "Reference"),
    "title": ("paragraph", "Title"),
    "subtitle": ("paragraph", "Subtitle"),
    "date": ("paragraph", "Date"),
    "body": ("paragraph", "Body Text"),
    "dateline": ("character", "Dateline"),
    "quote": ("character", "Quote Char"),
    "ordinal": ("character", "Ordinal"),
    "heading": ("paragraph", "heading 1"),
    "heading_new_page": ("paragraph", "Heading New Page"),
    "table": ("table", "Table Grid"),
    "table_heading": ("paragraph", "Table Heading"),
    "table_contents": ("paragraph", "Table Contents"),
    "table_contents_kept": ("paragraph", "Table Contents Kept"),
    "end_mark": ("paragraph", "End Mark"),
}

# The builtin template's definitions: (size pt, bold, italic, colour, space before, after, line pt, align, keep).
_HOUSE = {
    "Normal": (10.5, False, False, _INK, 0, 0, None, None, False),
    "Header": (9.5, False, False, _MUTED, 0, 0, None, None, False),
    "Footer": (8.0, False, False, _MUTED, 0, 0, None, "right", False),
    "Reference": (8.5, False, False, _MUTED, 0, 4, 11, None, True),
    "Title": (19.0, True, False, _ACCENT, 0, 6, 24, None, True),
    "Subtitle": (12.5, False, False, _INK, 0, 8, 16, None, True),
    "Date": (10.0, False, False, _MUTED, 0, 16, 13, None, False),
    "Body Text": (10.5, False, False, _INK, 0, 7.5, 15, None, False),
    "heading 1": (13.0, True, False, _ACCENT, 14, 7, 17, None, True),
    "Table Heading": (8.5, True, False, "FFFFFF", 0, 0, 11, None, True),
    "Table Contents": (8.5, False, False, _INK, 0, 0, 11, None, False),
    "End Mark": (10.5, False, False, _MUTED, 18, 0, 15, "center", False),
}


# Pagination variants: based on a role's style, adding one paragraph property (so they follow a restyle).
_VARIANTS = {
    "heading_new_page": ("heading", "page_break_before"),
    "table_contents_kept": ("table_contents", "keep_with_next"),
}


def _style_element_xml(kind: str, sid: str, name: str, *, custom: bool, based: str | None) -> str:
    custom_attr = ' w:customStyle="1"' if custom else ""
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="{kind}"{custom_attr} w:styleId="{sid}">'
        f'<w:name w:val="{name}"/>{based_xml}<w:uiPriority w:val="10"/><w:qFormat/></w:style>'
    )


def _ensure_styles(doc: Any, *, builtin: bool) -> dict[str, str]:
    """Find (or add) the style of each role; return role -> style name as stored."""
    from docx.enum.style import WD_STYLE_TYPE

    kinds = {
        "paragraph": WD_STYLE_TYPE.PARAGRAPH,
        "character": WD_STYLE_TYPE.CHARACTER,
        "table": WD_STYLE_TYPE.TABLE,
    }
    found: dict[tuple[Any, str], str] = {}
    for style in doc.styles:
        if style.name:
            found.setdefault((style.type, style.name.lower()), style.name)
    names: dict[str, str] = {}
    for role, (kind, name) in _ROLES.items():
        existing = found.get((kinds[kind], name.lower()))
        if existing is None:
            style = doc.styles.add_style(name, kinds[kind])
            if kind == "paragraph" and name not in ("Header", "Footer"):
                style.base_style = doc.styles["Normal"] if "normal" in {n for _, n in found} else None
            existing = style.name
            _define(style, role, builtin=builtin)
        elif builtin:
            _define(doc.styles[existing], role, builtin=True)
        names[role] = existing
    for role, (base, prop) in _VARIANTS.items():
        style = doc.styles[names[role]]
        if builtin or found.get((kinds["paragraph"], _ROLES[role][1].lower())) is None:
            style.base_style = doc.styles[names[base]]
            setattr(style.paragraph_format, prop, True)
    return names


def _define(style: Any, role: str, *, builtin: bool) -> None:
    """Give a style the house definition (the builtin template) or a plain one (a user template lacked it)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    font = style.font
    if role == "dateline":
        font.bold = True
        return
    if role == "quote":
        font.italic = True
        return
    if role == "ordinal":
        font.superscript = True
        return
    if role == "organisation":
        font.bold = True
        font.color.rgb = RGBColor.from_string(_ACCENT)
        return
    if role == "table":
        _table_style(style, builtin=builtin)
        return
    if role in _VARIANTS:  # its base style and one property, set by _ensure_styles
        return
    definition = _HOUSE.get(style.name) or _HOUSE.get(_ROLES[role][1])
    if definition is None:
        return
    size, bold, italic, colour, before, after, line, align, keep = definition
    font.size = Pt(size)
    font.bold = bold or None
    font.italic = italic or None
    if builtin or role in ("reference", "date", "table_heading"):
        font.color.rgb = RGBColor.from_string(colour)
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = Pt(line)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    if align == "center":
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if keep:
        fmt.keep_with_next = True
    if builtin and role == "title":
        # python-docx's Title has a rule under it, expanded letter spacing and kerning: the PDF's has none.
        for child in style.element.xpath(
            "./w:pPr/w:pBdr | ./w:pPr/w:contextualSpacing | ./w:rPr/w:spacing | ./w:rPr/w:kern"
        ):
            child.getparent().remove(child)


def _table_style(style: Any, *, builtin: bool) -> None:
    """Borders, cell margins, a filled header row and stripes, as table-style XML (python-docx has no API for them)."""
    from docx.oxml import parse_xml

    element = style.element
    for child in list(element):
        if child.tag.rsplit("}", 1)[-1] in ("pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"):
            element.remove(child)
    twips = int(_CELL_PADDING_PT * 20)
    rule = _RULE if builtin else "auto"
    sides = ("top", "bottom", "insideH") if builtin else ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>' for side in sides)
    element.append(
        parse_xml(
            f'<w:pPr xmlns:w="{W_NS}"><w:spacing w:before="0" w:after="0" w:line="220" w:lineRule="exact"/></w:pPr>'
        )
    )
    element.append(
        parse_xml(
            f'<w:tblPr xmlns:w="{W_NS}"><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblCellMar><w:top w:w="{int(_CELL_MARGIN_TOP_PT * 20)}" w:type="dxa"/><w:left w:w="{twips}" w:type="dxa"/>'
            f'<w:bottom w:w="{int(_CELL_MARGIN_BOTTOM_PT * 20)}" w:type="dxa"/><w:right w:w="{twips}" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
        )
    )
    if builtin:
        element.append(
            parse_xml(
                f'<w:tblStylePr xmlns:w="{W_NS}" w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
                f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{_ACCENT}"/></w:tcPr></w:tblStylePr>'
            )
        )
        element.append(
            parse_xml(
                f'<w:tblStylePr xmlns:w="{W_NS}" w:type="band2Horz">'
                f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{_STRIPE}"/></w:tcPr></w:tblStylePr>'
            )
        )


# --------------------------------------------------------------------------- template


class _Template:
    """A python-docx ``Document`` prepared once (styles found or added, body emptied); copied per release."""

    def __init__(self, document: Any, *, builtin: bool) -> None:
        from docx.oxml.ns import qn

        self.builtin = builtin
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        part = document.part
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype in (_RT_CUSTOM_XML, _RT_ATTACHED_TEMPLATE) or "stylesWithEffects" in rel.reltype:
                part.drop_rel(rel_id)
        package = part.package
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype in (_RT_THUMBNAIL, _RT_APP):
                package.rels.pop(rel_id)
        # Editing-session ids and template paths of the template are not this document's.
        for root in (document.settings.element, document.styles.element, document.element):
            for el in list(root.iter()):
                if not isinstance(el.tag, str):
                    continue
                local = el.tag.rsplit("}", 1)[-1]
                if "rsid" in local.lower() or local in ("docId", "attachedTemplate"):
                    el.getparent().remove(el)
                    continue
                for attr in [a for a in el.attrib if "rsid" in a.lower()]:
                    del el.attrib[attr]
        self.style_names = _ensure_styles(document, builtin=builtin)
        self.style_ids = {role: document.styles[name].style_id for role, name in self.style_names.items()}
        self.page_from_template = not builtin
        if builtin:
            _house_page(document)
        _house_defaults(document, builtin=builtin)
        self.document = document

    def copy(self) -> Any:
        return copy.deepcopy(self.document)


def _house_page(document: Any) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.left_margin = section.right_margin = Mm(_MARGIN_X_MM)
    section.top_margin, section.bottom_margin = Mm(30), Mm(24)
    section.header_distance, section.footer_distance = Mm(16), Mm(11)


def _house_defaults(document: Any, *, builtin: bool) -> None:
    """Document defaults: the house font (builtin template only), a language element to set per release."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f'<w:docDefaults xmlns:w="{W_NS}"/>')
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f'<w:rPrDefault xmlns:w="{W_NS}"/>')
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f'<w:rPr xmlns:w="{W_NS}"/>')
        rpr_default.append(rpr)
    if builtin:
        for child in list(rpr):
            if child.tag in (qn("w:rFonts"), qn("w:lang"), qn("w:sz"), qn("w:szCs")):
                rpr.remove(child)
        rpr.insert(
            0,
            parse_xml(
                f'<w:rFonts xmlns:w="{W_NS}" w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
            ),
        )
        rpr.append(parse_xml(f'<w:sz xmlns:w="{W_NS}" w:val="21"/>'))
        rpr.append(parse_xml(f'<w:szCs xmlns:w="{W_NS}" w:val="21"/>'))
        # Theme fonts would win over the house font in some styles: name the font everywhere.
        for fonts in styles.iter(qn("w:rFonts")):
            for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
                fonts.attrib.pop(qn(f"w:{attr}"), None)
            for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
                fonts.set(qn(f"w:{attr}"), FONT)
    if rpr.find(qn("w:lang")) is None:
        later = [i for i, child in enumerate(rpr) if child.tag in (qn("w:eastAsianLayout"), qn("w:specVanish"))]
        rpr.insert(later[0] if later else len(rpr), parse_xml(f'<w:lang xmlns:w="{W_NS}" w:val="en"/>'))


_RT_HYPERLINK = _RT + "hyperlink"


def _remote_links(data: bytes) -> list[str]:
    """The external relationships of a template's main part (``kind → target``), read safely.

    Remote styles, linked images, subDocument, altChunk: Word fetches them when a document opens,
    so every release would phone home.  The main part's body is replaced by the release, so what
    it links is unused and can go; a header, footer or styles part still refers to its link, so a
    template with one of those is refused (a :class:`ParseError`).  Hyperlinks stay.
    """
    from .._zipsafe import Package

    pkg = Package(data, what="a Word document or template")
    main = pkg.main_part()
    dropped: list[str] = []
    queue, seen = [main], {main}
    while queue:
        part = queue.pop(0)
        for rel in pkg.relationships(part):
            if rel.external:
                if rel.type == _RT_HYPERLINK:
                    continue
                kind = rel.type.rpartition("/")[2]
                if part != main:
                    raise ParseError(
                        f"{part.lstrip('/')} links to {rel.target} ({kind}), which Word would fetch when "
                        "each document opens; remove the link from the template",
                        format="docx",
                    )
                dropped.append(f"{kind} → {rel.target}")
            elif rel.target not in seen and pkg.has(rel.target):
                seen.add(rel.target)
                queue.append(rel.target)
    return dropped


def _drop_remote(document: Any) -> None:
    """Remove the main part's external relationships other than hyperlinks (its body is emptied anyway)."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.is_external and rel.reltype != _RT_HYPERLINK:
            part.rels.pop(rel_id)


def _load(data: bytes) -> Any:
    """A python-docx ``Document`` from package bytes; a .dotx is opened as the document it makes."""
    import docx

    if _TEMPLATE_CT in data[:0] or data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml") if "[Content_Types].xml" in source.namelist() else b""
            if _TEMPLATE_CT in types:
                out = io.BytesIO()
                with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                    for info in source.infolist():
                        content = source.read(info)
                        if info.filename == "[Content_Types].xml":
                            content = content.replace(_TEMPLATE_CT, _DOCUMENT_CT)
                        target.writestr(info, content)
                data = out.getvalue()
    return docx.Document(io.BytesIO(data))


_BUILTIN_LOCK = threading.Lock()


@functools.cache
def _builtin_template() -> _Template:
    import docx

    with _BUILTIN_LOCK:
        document = docx.Document()
        keep = {name.lower() for _, name in _ROLES.values()} | {
            "normal",
            "default paragraph font",
            "normal table",
            "no list",
        }
        for style in list(document.styles):
            if style.name and style.name.lower() not in keep:
                style.delete()
        latent = document.styles.latent_styles
        for item in list(latent):
            item.delete()
        return _Template(document, builtin=True)


_USER_TEMPLATES: dict[tuple[str, int, int], _Template] = {}
_USER_LOCK = threading.Lock()


def _user_template(path: Path) -> _Template:
    try:
        real = path.resolve()
        stat = real.stat()
        key = (str(real), stat.st_mtime_ns, stat.st_size)
        with _USER_LOCK:
            cached = _USER_TEMPLATES.get(key)
        if cached is not None:
            return cached
        data = real.read_bytes()
    except FileNotFoundError:
        raise RenderError(f"template {path}: no such file", path="template", format="docx") from None
    except IsADirectoryError:
        raise RenderError(
            f"template {path}: is a directory, not a .docx/.dotx file", path="template", format="docx"
        ) from None
    except OSError as exc:
        raise RenderError(
            f"template {path}: cannot read: {exc.strerror or exc}", path="template", format="docx"
        ) from None
    try:
        # The package is read safely first (zip bombs, bzip2/LZMA entries, huge directories refused
        # from the headers), and its external relationships are checked, before python-docx opens it.
        remote = _remote_links(data)
        document = _load(data)
    except ParseError as exc:
        raise RenderError(f"template {path} cannot be used: {exc}", path="template", format="docx") from None
    except Exception:  # python-docx raises many kinds for a package it cannot read as a document
        raise RenderError(
            f"template {path} cannot be used: not a Word document or template python-docx can open",
            path="template",
            format="docx",
        ) from None
    if remote:
        _drop_remote(document)
        warnings.warn(
            CommuniqueWarning(
                f"docx: template {path}: dropped its external relationship{'s' if len(remote) > 1 else ''} "
                f"{', '.join(remote)} (remote content Word would fetch; the template's body is not used)"
            ),
            stacklevel=2,
        )
    template = _Template(document, builtin=False)
    with _USER_LOCK:
        if len(_USER_TEMPLATES) >= 8:
            _USER_TEMPLATES.pop(next(iter(_USER_TEMPLATES)))
        _USER_TEMPLATES[key] = template
    return template


# --------------------------------------------------------------------------- body


_RUN_SPLIT = re.compile(r"([\t\r\n])")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;")


def _run_xml(text: str, style_id: str | None = None) -> str:
    """One ``w:r``, as python-docx's ``add_run(text, style)`` writes it (tabs and breaks as elements)."""
    parts = ["<w:r>"]
    if style_id is not None:
        parts.append(f'<w:rPr><w:rStyle w:val="{_xml_attr(style_id)}"/></w:rPr>')
    for piece in _RUN_SPLIT.split(text) if ("\t" in text or "\n" in text or "\r" in text) else (text,):
        if not piece:
            continue
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif len(piece.strip()) < len(piece):
            parts.append(f'<w:t xml:space="preserve">{_xml_text(piece)}</w:t>')
        else:
            parts.append(f"<w:t>{_xml_text(piece)}</w:t>")
    parts.append("</w:r>")
    return "".join(parts)


class _Writer:
    """Writes the release's body as WordprocessingML, recording the visible text and what was removed.

    The body is built as one XML string and handed to python-docx's public
    :func:`docx.oxml.parse_xml` in a single call (python-docx's object API costs
    about 0.15 ms per table cell); the markup is what ``add_paragraph``/``add_run``/
    ``add_table`` write, so the document is the one python-docx would build.
    """

    def __init__(self, document: Any, styles: dict[str, str], style_ids: dict[str, str]) -> None:
        self.document = document
        self.styles = styles
        self.ids = style_ids
        self.visible: list[str] = []
        self.stripped: list[str] = []
        self.xml: list[str] = []
        self.starts: list[int] = []
        """Where each top-level block (paragraph, table) starts in :attr:`xml`."""

    def clean(self, text: str, field: str) -> str:
        cleaned, count = _UNWRITABLE.subn("", text)
        if count and field not in self.stripped:
            self.stripped.append(field)
        return cleaned

    def open(self, role: str) -> None:
        self.starts.append(len(self.xml))
        self.xml.append(f'<w:p><w:pPr><w:pStyle w:val="{_xml_attr(self.ids[role])}"/></w:pPr>')

    def run(self, text: str, role: str | None = None) -> None:
        self.xml.append(_run_xml(text, self.ids[role] if role is not None else None))

    def spans(self, spans: Iterable[Span], field: str) -> str:
        shown: list[str] = []
        for span in spans:
            text = self.clean(span.text, field)
            if not text:
                continue
            self.run(text, "ordinal" if span.sup else "quote" if span.quote else None)
            shown.append(text)
        return "".join(shown)

    def simple(self, role: str, text: str) -> None:
        self.open(role)
        if text:
            self.run(text)
        self.xml.append("</w:p>")
        self.visible.append(text)

    def flush(self) -> None:
        """Parse the body written so far and put it before the section properties.

        Each block is parsed with its own namespace declaration: an element moved into
        the document from a parsed wrapper would make lxml look its namespace up again
        for every descendant (quadratic: 11 s for a 4,000-row table); declared on the
        block itself, it is merged with the document's declaration in one step.
        """
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        body = self.document.element.body
        sect = body.find(qn("w:sectPr"))
        declaration = f' xmlns:w="{W_NS}"'
        bounds = [*self.starts, len(self.xml)]
        for start, end in itertools.pairwise(bounds):
            first = self.xml[start]  # "<w:p>…" or "<w:tbl>…": the opening tag has no attributes
            tag_end = first.index(">")
            element = parse_xml(first[:tag_end] + declaration + first[tag_end:] + "".join(self.xml[start + 1 : end]))
            if sect is not None:
                sect.addprevious(element)
            else:
                body.append(element)
        self.xml.clear()
        self.starts.clear()


class _Pages:
    """Where the body has got to on its page, as Word and LibreOffice lay the house style out (an estimate).

    The house style fixes every line height (``exact`` line spacing), the spacing
    around paragraphs and the fonts (the PDF's, whose metrics measure the lines),
    so the word processor's page breaks can be followed without it: paragraphs
    fill a page line by line (the house style has no widow control) and the
    spacing between two paragraphs is the first's space after plus the second's
    space before.  Used only to decide where the participants section starts
    (:func:`communique._layout.table_starts_page`).  Lines are broken at spaces
    only (a word processor may also break after a hyphen, or hyphenate justified
    text), so the estimate errs towards less room left: at worst the section
    starts on a new page where a few more lines would have fitted.  In
    LibreOffice (which ships DejaVu Sans) it follows the page exactly; in a Word
    that substitutes another font it is an estimate, and the ``keep with next``
    of the heading and of the header row still keep those with the first row.
    """

    def __init__(self, height: float) -> None:
        self.height = height
        self.used = 0.0
        """Height used on the current page, without the last paragraph's space after."""
        self.after = 0.0
        """The last paragraph's space after (it separates it from the next paragraph)."""

    def remaining(self) -> float:
        """Height left on the page for the next paragraph, its space before included."""
        return self.height - self.used - self.after

    def paragraph(self, lines: int, line: float, before: float = 0.0, after: float = 0.0) -> None:
        """A paragraph of ``lines`` lines of ``line`` points, broken across pages where it does not fit."""
        space = self.after + before if self.used else 0.0
        if self.used + space + lines * line <= self.height + 0.01:
            self.used += space + lines * line
        else:
            fit = max(0, int((self.height - self.used - space + 0.01) // line)) if self.used else 0
            per_page = max(1, int((self.height + 0.01) // line))
            rest = lines - fit
            while rest > per_page:  # a paragraph longer than a page
                rest -= per_page
            self.used = rest * line
        self.after = after


def _house_lines(text: str, width: float, face: str, size: float) -> int:
    """Lines ``text`` takes at ``width`` points in a bundled face (a line break starts a line; words never split).

    Word and LibreOffice may also break after a hyphen, never take more lines:
    the estimate errs towards less room left, the safe side for a page break.
    """
    from .._layout import count_lines

    measure = _measure()
    return sum(
        count_lines(piece, width, lambda t: measure(t, face, size)) if piece.strip() else 1
        for piece in text.replace("\r", "\n").split("\n")
    )


def _table_heights(header: list[str], rows: list[list[str]], widths: list[float]) -> tuple[float, list[float]]:
    """Heights of the header row and of each row of the participants table in the house style, in points."""
    from .._fonts import BOLD, REGULAR

    size, line = _HOUSE["Table Contents"][0], _HOUSE["Table Contents"][6] or 11
    padding = _CELL_MARGIN_TOP_PT + _CELL_MARGIN_BOTTOM_PT

    def height(texts: Iterable[str], face: str) -> float:
        return padding + line * max(
            _house_lines(text, width - 2 * _CELL_PADDING_PT, face, size)
            for text, width in zip(texts, widths, strict=True)
        )

    return height(header, BOLD), [height(row, REGULAR) for row in rows]


def _body(writer: _Writer, lay: Layout, text_width_pt: float, *, align: str, house: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from .._fonts import BOLD, REGULAR
    from .._layout import fit_widths, plain, table_starts_page, title_size

    document = writer.document
    styles = writer.styles
    section = document.sections[0]
    # The house style's pages, followed to decide where the participants section starts (a user
    # template's styles are its own: there the word processor alone decides).
    pages = _Pages((section.page_height - section.top_margin - section.bottom_margin) / 12700) if house else None

    def follow(text: str, style: str, face: str = REGULAR) -> None:
        if pages is not None:
            size, _, _, _, before, after, line, _, _ = _HOUSE[style]
            pages.paragraph(_house_lines(text, text_width_pt, face, size), line or size * 1.2, before, after)

    if lay.reference:
        writer.simple("reference", writer.clean(lay.reference, "header.reference"))
        follow(lay.reference, "Reference")
    measure_fonts = _measure()
    title = plain(lay.title_spans)
    if house:
        # The title's size is the PDF's: the first that keeps it to four lines (a style change, per document).
        points = title_size(title, text_width_pt, lambda t, s: measure_fonts(t, BOLD, s))
        title_style = document.styles[styles["title"]]
        title_style.font.size = Pt(points)
        title_style.paragraph_format.line_spacing = Pt(round(points * 1.26, 1))
        if pages is not None:
            lines = _house_lines(title, text_width_pt, BOLD, points)
            pages.paragraph(lines, round(points * 1.26, 1), 0, _HOUSE["Title"][5])
    writer.open("title")
    writer.visible.append(writer.spans(lay.title_spans, "title"))
    writer.xml.append("</w:p>")
    if lay.subtitle:
        writer.simple("subtitle", writer.clean(lay.subtitle, "header.subtitle"))
        follow(lay.subtitle, "Subtitle")
    if lay.date_line:
        writer.simple("date", writer.clean(lay.date_line, "dates"))
        follow(lay.date_line, "Date")
    if align == "justify":
        document.styles[styles["body"]].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for i, para in enumerate(lay.paragraphs):
        writer.open("body")
        shown = ""
        if para.dateline:
            place = writer.clean(para.dateline, "header.dateline")
            writer.run(place, "dateline")
            writer.run(para.dateline_separator)
            shown = place + para.dateline_separator
        text = shown + writer.spans(para.spans, f"paragraphs[{i}]")
        writer.visible.append(text)
        writer.xml.append("</w:p>")
        follow(text, "Body Text")
    if lay.attendee_rows:
        rows = [
            [writer.clean(cell, f"attendees[{sources[0]}]") for cell in row]
            for row, sources in zip(lay.attendee_rows, lay.attendee_sources, strict=True)
        ]
        widths = fit_widths(
            lay.attendee_columns,
            rows,
            text_width_pt,
            lambda t: measure_fonts(t, REGULAR, 8.5),
            lambda t: measure_fonts(t, BOLD, 8.5),
            _CELL_PADDING_PT,
        )
        new_page = False
        if pages is not None:
            # The PDF's rule: the heading, the header row and the first rows fit (and 45 mm are left),
            # or the section starts on the next page.  Word's and LibreOffice's own keeps cannot say
            # "at least two rows" at the start of a table (keep-with-next inside the first rows makes
            # LibreOffice lose the rows after them), so the break is decided here.
            size, _, _, _, before, after, line, _, _ = _HOUSE["heading 1"]
            heading = before + after + (line or size) * _house_lines(lay.attendees_heading, text_width_pt, BOLD, size)
            header_row, heights = _table_heights(list(lay.attendee_columns), rows, widths)
            new_page = pages.used > 0 and table_starts_page(pages.remaining(), heading, header_row, heights)
        writer.simple("heading_new_page" if new_page else "heading", lay.attendees_heading)
        _table(writer, lay.attendee_columns, rows, widths)
    if lay.end_mark:
        writer.simple("end_mark", lay.end_mark)
    writer.flush()


def _table(writer: _Writer, header: Iterable[str], rows: list[list[str]], widths: list[float]) -> None:
    """The participants table as ``add_table`` + ``autofit = False`` + column/cell widths write it,
    with the row properties python-docx has no API for: the header row repeats on every page, no row splits,
    and the last :data:`~communique._layout.MIN_TABLE_ROWS` rows are kept together."""
    from .._layout import MIN_TABLE_ROWS

    twips = [int(w * 20) for w in widths]
    xml = writer.xml
    writer.starts.append(len(xml))
    xml.append(
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{_xml_attr(writer.ids["table"])}"/><w:tblW w:type="auto" w:w="0"/>'
        # The table's edges on the margins, its text inset by the cell margins, as in the PDF (in Word's
        # 2010 compatibility mode, which the template has, and LibreOffice the indent is to the text).
        f'<w:tblInd w:w="{int(_CELL_PADDING_PT * 20)}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
        'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>'
    )
    xml.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
    xml.append("</w:tblGrid>")
    cells = [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr>' for w in twips]
    heading = f'<w:p><w:pPr><w:pStyle w:val="{_xml_attr(writer.ids["table_heading"])}"/></w:pPr>'
    contents = f'<w:p><w:pPr><w:pStyle w:val="{_xml_attr(writer.ids["table_contents"])}"/></w:pPr>'
    # The last rows are kept together (keep with next on the paragraphs of all but the last of them),
    # so that the table never ends with one row alone on a page; Word and LibreOffice both honour
    # it there (at the table's start, LibreOffice does not: see _body).
    kept = range(len(rows) - MIN_TABLE_ROWS + 1, len(rows)) if len(rows) >= MIN_TABLE_ROWS else range(0)
    keep = f'<w:p><w:pPr><w:pStyle w:val="{_xml_attr(writer.ids["table_contents_kept"])}"/></w:pPr>'
    for index, texts in enumerate([list(header), *rows]):
        xml.append(
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            if index == 0
            else "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        )
        start = heading if index == 0 else keep if index in kept else contents
        for cell, text in zip(cells, texts, strict=True):
            xml.append(cell)
            xml.append(start)
            if text:
                xml.append(_run_xml(text))
            xml.append("</w:p></w:tc>")
            writer.visible.append(text)
        xml.append("</w:tr>")
    xml.append("</w:tbl>")


@functools.cache
def _measure() -> Any:
    """Width of text in the bundled faces (reportlab's metrics of the same DejaVu files the PDF embeds).

    From the bundled table of advance widths (``fonts/advances.json``): no font
    file is parsed and reportlab is not imported for a DOCX.
    """
    from .._fonts import string_width

    return string_width


def _furniture(document: Any, lay: Layout, styles: dict[str, str], writer: _Writer) -> None:
    """The header band (organisation, kind of document) and the footer's page numbers ``n / N``."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import parse_xml

    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    header = section.header.paragraphs[0]
    header.style = document.styles[styles["header"]]
    header_style = document.styles[styles["header"]]
    stops = header_style.paragraph_format.tab_stops
    stops.clear_all()
    stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    if lay.organization:
        header.add_run(writer.clean(lay.organization, "header.source"), style=styles["organisation"])
    header.add_run("\t" + lay.kind)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles[styles["footer"]]
    for instruction in ("PAGE", None, "NUMPAGES"):
        if instruction is None:
            footer.add_run(" / ")
            continue
        for xml in (
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>1</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        ):
            run = footer.add_run()
            run.element.append(parse_xml(f'<w:r xmlns:w="{W_NS}">{xml}</w:r>')[0])
    # Rules under the header band and over the footer, as the PDF draws them.
    for style, side, colour, size in (
        (header_style, "bottom", _ACCENT, 10),
        (document.styles[styles["footer"]], "top", _RULE, 5),
    ):
        ppr = style.element.get_or_add_pPr()
        for old in ppr.findall(f"{{{W_NS}}}pBdr"):
            ppr.remove(old)
        border = parse_xml(
            f'<w:pBdr xmlns:w="{W_NS}"><w:{side} w:val="single" w:sz="{size}" w:space="4" w:color="{colour}"/></w:pBdr>'
        )
        # pBdr comes before shd, tabs, spacing … in CT_PPr's sequence.
        anchor = next(
            (
                c
                for c in ppr
                if c.tag.rsplit("}", 1)[-1] in ("shd", "tabs", "suppressAutoHyphens", "spacing", "ind", "jc")
            ),
            None,
        )
        if anchor is not None:
            anchor.addprevious(border)
        else:
            ppr.append(border)


# --------------------------------------------------------------------------- properties


def _w3cdtf(value: _dt.date) -> str:
    if not isinstance(value, _dt.datetime):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"  # W3CDTF allows a day alone
    if value.tzinfo is not None:
        value = value.astimezone(_dt.UTC)
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:{value.second:02d}Z"


_PROPERTY_MAX = 255
"""python-docx refuses a core property longer than this (the embedded release keeps the whole text)."""


def _property(text: str, separator: str = " ") -> str:
    """``text`` cut to at most 255 characters at a ``separator`` (a keyword or word kept whole), ending "…"."""
    if len(text) <= _PROPERTY_MAX:
        return text
    head = text[: _PROPERTY_MAX - 1]
    cut = head.rfind(separator)
    return (head[:cut] if cut > 0 else head).rstrip(" ,;") + "…"


def _core(document: Any, lay: Layout, writer: _Writer) -> None:
    """Core properties from the release, through python-docx's ``core_properties`` (dates W3CDTF, a day alone kept)."""
    from docx.oxml import parse_xml

    props = document.core_properties
    props.title = _property(writer.clean(lay.title, "title"))
    props.subject = _property(writer.clean(lay.subject, "header.dateline")) if lay.subject else ""
    props.author = _property(writer.clean(lay.author, "header.source")) if lay.author else ""
    props.keywords = _property(writer.clean(", ".join(lay.keywords), "attendees"), ", ")
    props.language = lay.language
    props.last_modified_by = ""
    props.comments = ""
    props.category = ""
    core_part = next(p for p in document.part.package.iter_parts() if p.content_type.endswith("core-properties+xml"))
    root = core_part.element
    for child in list(root):
        name = child.tag.rsplit("}", 1)[-1]
        if name in ("created", "modified", "revision", "lastPrinted", "lastModifiedBy") or (
            name in ("subject", "creator", "keywords", "description", "category") and not (child.text or "")
        ):
            root.remove(child)
    for tag, value in (("created", lay.created), ("modified", lay.modified)):
        if value is not None:
            root.append(
                parse_xml(
                    f'<dcterms:{tag} xmlns:dcterms="http://purl.org/dc/terms/" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                    f'xsi:type="dcterms:W3CDTF">{_w3cdtf(value)}</dcterms:{tag}>'
                )
            )


_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>communique</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _typography(release: PressRelease) -> str:
    """The ``typography`` attribute: what the release holds where French spacing prints no-break spaces.

    ``":=nbsp »=nbsp «=space"`` (see :func:`communique._layout.french_spaces`); empty
    for a release in another language, whose text is printed as written.
    """
    from .._layout import french_spaces

    if not release.header.language.startswith("fr"):
        return ""
    forms = french_spaces([release.header.title, *(p.text for p in release.paragraphs)])
    return " ".join(f"{place}={form}" for place, form in sorted(forms.items()))


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped, as :func:`xml.sax.saxutils.escape` does.

    Not imported from there: ``xml.sax.saxutils`` imports ``urllib.request``
    (``http.client``, ``ssl``, ``email``: about 14 ms of a first DOCX render).
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _quoteattr(text: str) -> str:
    """``text`` escaped and quoted as an attribute value, as :func:`xml.sax.saxutils.quoteattr` does."""
    data = _escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in data:
        return '"{}"'.format(data.replace('"', "&quot;")) if "'" in data else f"'{data}'"
    return f'"{data}"'


def _embedded(release: PressRelease, digest: str) -> bytes:
    from .._serialize import SCHEMA_VERSION, dumps

    text = dumps(release).decode("utf-8")
    # JSON allows U+FFFE/U+FFFF raw, XML does not: write them as JSON escapes, which load back identically.
    text = _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    typography = _typography(release)
    spaces = f" typography={_quoteattr(typography)}" if typography else ""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<release xmlns="{RELEASE_NS}" schema-version="{SCHEMA_VERSION}" visible="{digest}"{spaces}>'
        f"{_escape(text)}</release>\n"
    ).encode()


_ITEM_PROPS_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='no'?>\n"
    f'<ds:datastoreItem ds:itemID="{_ITEM_ID}" '
    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
    f'<ds:schemaRefs><ds:schemaRef ds:uri="{RELEASE_NS}"/></ds:schemaRefs></ds:datastoreItem>'
).encode()


def _attach(document: Any, release: PressRelease, digest: str) -> None:
    """The release as a Custom XML data-store item, and the app properties naming communique (python-docx parts)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    taken = {str(p.partname).lower() for p in package.iter_parts()}
    n = 1
    while f"/customxml/item{n}.xml" in taken:
        n += 1
    item = Part(PackURI(f"/customXml/item{n}.xml"), "application/xml", _embedded(release, digest), package)
    props = Part(PackURI(f"/customXml/itemProps{n}.xml"), _ITEM_PROPS_CT, _ITEM_PROPS_XML, package)
    item.relate_to(props, _RT_CUSTOM_XML_PROPS)
    document.part.relate_to(item, _RT_CUSTOM_XML)
    app = Part(PackURI("/docProps/app.xml"), _APP_CT, _APP_XML, package)
    package.relate_to(app, _RT_APP)


def _zip_time(lay: Layout) -> tuple[int, int, int, int, int, int]:
    day = lay.modified or lay.created
    if day is None:
        return (1980, 1, 1, 0, 0, 0)
    # A zip entry needs a time: a date-only stamp is stored at the start of its day.
    stamp = day if isinstance(day, _dt.datetime) else _dt.datetime(day.year, day.month, day.day)
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(_dt.UTC)
    # The zip format only counts from 1980 to 2107.
    if stamp.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if stamp.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def _restamp(data: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """The zip ``data`` with every entry dated ``stamp``: python-docx dates entries with the clock.

    Only the two date fields of each local header and central-directory entry
    change (CRCs and sizes do not depend on them), so nothing is compressed again.
    """
    year, month, day, hour, minute, second = stamp
    dos = struct.pack("<HH", (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day)
    out = bytearray(data)
    end = out.rfind(b"PK\x05\x06")
    count, _, offset = struct.unpack("<HII", out[end + 10 : end + 20])
    for _ in range(count):
        local, name_len, extra_len, comment_len = (
            struct.unpack("<I", out[offset + 42 : offset + 46])[0],
            *struct.unpack("<HHH", out[offset + 28 : offset + 34]),
        )
        out[offset + 12 : offset + 16] = dos
        out[local + 10 : local + 14] = dos
        offset += 46 + name_len + extra_len + comment_len
    return bytes(out)


# --------------------------------------------------------------------------- exporter


class DocxExporter(Exporter):
    """Word document (.docx): the house style in named styles, with the release embedded for lossless read-back."""

    name = "docx"
    label = "Word document (DOCX)"
    extensions = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    options = (
        Option(
            "page_size",
            str,
            None,
            "a4 or letter (default: a4, or the template's own page size when a template is given)",
            choices=("a4", "letter"),
        ),
        Option(
            "template",
            str,
            None,
            "a .docx or .dotx whose styles, page setup, headers and footers are used (missing styles are added)",
        ),
        Option(
            "align",
            str,
            "left",
            "body text: ragged-right ('left') or 'justify' (hyphenated by the word processor)",
            choices=("left", "justify"),
        ),
        Option("organization", str, None, "organisation in the header band (default: the release's source)"),
    )

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Render ``release`` as DOCX bytes (deterministic for a given release and options)."""
        from docx.shared import Mm

        from .._layout import layout

        page_size: str | None = options.get("page_size")
        template_path: str | os.PathLike[str] | None = options.get("template")
        if page_size is not None and page_size not in _PAGE_SIZES_MM:
            raise RenderError(f"page_size must be a4 or letter, not {page_size!r}", path="page_size", format="docx")
        template = _user_template(Path(template_path)) if template_path is not None else _builtin_template()
        # The PDF's layout: identical role-only attendees in one row, French no-break spaces.  The
        # docx parser reads both back from the visible text (one attendee per country, plain spaces).
        lay = layout(release, organization=options.get("organization"))
        document = template.copy()
        section = document.sections[0]
        if page_size is not None or not template.page_from_template:
            width, height = _PAGE_SIZES_MM[page_size or "a4"]
            section.page_width, section.page_height = Mm(width), Mm(height)
        _language(document, lay.language)
        writer = _Writer(document, template.style_names, template.style_ids)
        text_width = (section.page_width - section.left_margin - section.right_margin) / 12700
        if template.builtin:
            _furniture(document, lay, template.style_names, writer)
        _body(writer, lay, text_width, align=options.get("align") or "left", house=template.builtin)
        if options.get("align") == "justify":
            _hyphenation(document)
        _core(document, lay, writer)
        if writer.stripped:
            warnings.warn(
                CommuniqueWarning(
                    "docx: removed control characters that a Word document cannot hold from the visible text of "
                    f"{', '.join(writer.stripped)}; the embedded release keeps the exact text"
                ),
                stacklevel=2,
            )
        _attach(document, release, visible_digest(writer.visible))
        self.document(document, lay)
        out = io.BytesIO()
        document.save(out)
        return _restamp(out.getvalue(), _zip_time(lay))

    def document(self, document: Any, layout: Layout) -> None:
        """Hook for plugin authors: change the python-docx ``Document`` before it is saved.

        ``document`` is a ``docx.document.Document`` holding the whole release (header
        band, body, participants table, end mark, the embedded copy); ``layout``
        is what :func:`communique._layout.layout` decided.  Add a letterhead
        paragraph, a logo (``document.sections[0].header``), a contact block …
        with python-docx's API.  Text added to the *body* changes what the
        parser sees, so a document changed there is read back from its visible
        content (with a warning); the header, footer and properties are free.
        The default does nothing.
        """
        return None


def _hyphenation(document: Any) -> None:
    """Automatic hyphenation on (Word and LibreOffice hyphenate in the document's language)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is None:
        settings.insert(0, parse_xml(f'<w:autoHyphenation xmlns:w="{W_NS}"/>'))


def _language(document: Any, language: str) -> None:
    """``w:lang`` on the style defaults and every style, and the theme font language (spell-checking)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = parse_xml(f'<w:themeFontLang xmlns:w="{W_NS}"/>')
        settings.append(theme)
    theme.set(qn("w:val"), language)
