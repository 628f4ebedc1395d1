"""``docx`` exporter: a Word document an editor would accept, with the release embedded.

What the document shows comes from :func:`communique._layout.layout` (the pass
shared with the PDF exporter); this module only decides the typography, and it
does so with **styles, never direct formatting**, so a newsroom can restyle:

=========================  ==========================================================
What                       Style (type, name as Word shows it)
=========================  ==========================================================
reference (document no.)   ``Reference`` (paragraph: small, grey), above the title
title                      ``Title`` (paragraph)
subtitle (standfirst)      ``Subtitle`` (paragraph), under the title
date line                  ``Date`` (paragraph; added if the template lacks it)
dateline (``Belgrade –``)  ``Dateline`` (character: bold small caps), start of paragraph 1
body paragraphs            ``Body Text`` (paragraph)
quoted words               ``Quote Char`` (character), in place inside their paragraph
attendees heading          ``heading 1`` (paragraph), in the release's language
attendees table            ``Table Grid`` (table), header row in ``Table Heading``,
                           cells in ``Table Contents`` (paragraph styles)
=========================  ==========================================================

A style missing from the template is added with a plain definition; one the
template has (matched by name, case-insensitively) is used as it is.  The
language of the release is set as ``w:lang`` on the style defaults and every
style, and as the theme font language, so spell-checking uses it.  Core
properties carry the title, language, subject, keywords, author (the source)
and created/modified dates from the release.

**Lossless embedding.**  The canonical JSON of the release
(:func:`communique._serialize.dumps`) is stored as a Custom XML data-store item
(``customXml/itemN.xml``, with its ``itemPropsN.xml``, related from the main
document part), a part Word and LibreOffice keep when they re-save::

    <release xmlns="urn:communique:docx" schema-version="1"
             visible="sha256:…">{ canonical JSON, XML-escaped }</release>

``visible`` is a digest of the text the document shows (every paragraph and
table-cell paragraph in order); the parser compares it with what it reads, so a
document edited after export is read from its visible content, not from the
stale embedded copy.  U+FFFE/U+FFFF, which XML cannot hold, are written as JSON
``\\uFFFE`` escapes, so the embedded copy is exact for every valid release.

**Characters Word cannot hold.**  C0 control characters (other than tab and
newline; carriage returns included) and U+FFFE/U+FFFF are removed from the
*visible* text with one :class:`~communique.errors.CommuniqueWarning` naming the
fields; the embedded release keeps them, so read-back stays exact.  Newlines
inside a paragraph become line breaks, tabs become tabs.

**Determinism.**  The same release gives the same bytes: zip entries in a fixed
order with a fixed timestamp taken from the release (its modified/created date,
1980-01-01 when it has none), core-property dates from the release, and no
revision ids, document ids, thumbnails or template paths from the template.

Options: ``page_size`` (``a4`` or ``letter``; default A4, or the template's own
size when a ``template`` is given) and ``template`` (a ``.docx``/``.dotx`` whose
styles, page setup, headers and footers are used; its external relationships
are not: those of its body — remote styles, linked images, subDocument,
altChunk — are dropped with a warning naming them, and a template whose
header, footer or styles link to remote content Word would fetch is refused;
hyperlinks stay).  The base template is
python-docx's default, pruned and prepared once per process; a user template is
prepared once per file version.
"""

from __future__ import annotations

import copy
import datetime as _dt
import functools
import hashlib
import os
import posixpath
import re
import struct
import threading
import warnings
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import CommuniqueWarning, ParseError, RenderError
from ..plugins import Exporter, Option

if TYPE_CHECKING:
    from lxml import etree

    from .._layout import Layout
    from .._zipsafe import Package
    from ..model import PressRelease

__all__ = ["RELEASE_NS", "DocxExporter", "visible_digest"]

RELEASE_NS = "urn:communique:docx"
"""Namespace of the root element of the embedded release part."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_XML_NS = "http://www.w3.org/XML/1998/namespace"

DOCUMENT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"
_APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_STYLES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
_ITEM_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RT_STYLES = _RT + "styles"
_RT_SETTINGS = _RT + "settings"
_RT_HYPERLINK = _RT + "hyperlink"
_RT_CUSTOM_XML = _RT + "customXml"
_RT_CUSTOM_XML_PROPS = _RT + "customXmlProps"
_RT_OFFICE_DOCUMENT = _RT + "officeDocument"
_RT_APP = _RT + "extended-properties"
_RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
# Relationship types whose targets never go into a release document.
_DROPPED_TYPES = {
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "http://schemas.microsoft.com/office/2006/relationships/attachedToolbars",
    _RT + "attachedTemplate",
}

# Fixed id of our data-store item: Word wants one per item, unique in the package.
_ITEM_ID = "{6C0D3B5A-2F7E-4C1B-9A39-C0E3E4A1D0C5}"
_REL_ID = "rIdCommuniqueRelease"

_PAGE_SIZES = {"a4": (11906, 16838), "letter": (12240, 15840)}

# Characters XML 1.0 or Word cannot carry in text.
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_NOT_XML = re.compile("[\ufffe\uffff]")
_TAB_OR_BREAK = re.compile("([\t\n])")


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


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

# role -> (style type, style name as stored, fallback definition).  Names are
# matched case-insensitively: Word stores built-in names as "heading 1", LibreOffice as "Heading 1".
_STYLE_XML = {
    "title": (
        "paragraph",
        "Title",
        '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>',
    ),
    "reference": (
        "paragraph",
        "Reference",
        '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="60"/></w:pPr>'
        '<w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
    ),
    "subtitle": (
        "paragraph",
        "Subtitle",
        '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="160"/></w:pPr>'
        '<w:rPr><w:color w:val="404040"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>',
    ),
    "date": (
        "paragraph",
        "Date",
        '<w:pPr><w:spacing w:before="0" w:after="240"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="595959"/></w:rPr>',
    ),
    "body": ("paragraph", "Body Text", '<w:pPr><w:spacing w:after="120"/></w:pPr>'),
    "dateline": ("character", "Dateline", "<w:rPr><w:b/><w:bCs/><w:smallCaps/></w:rPr>"),
    "quote": ("character", "Quote Char", "<w:rPr><w:i/><w:iCs/></w:rPr>"),
    "heading": (
        "paragraph",
        "heading 1",
        '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>',
    ),
    "table": (
        "table",
        "Table Grid",
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:tblPr><w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>",
    ),
    "table_heading": (
        "paragraph",
        "Table Heading",
        '<w:pPr><w:keepNext/><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>',
    ),
    "table_contents": ("paragraph", "Table Contents", '<w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>'),
}
# Elements of CT_RPr that must come after w:lang (schema order).
_AFTER_LANG = {w("eastAsianLayout"), w("specVanish"), w("oMath")}


def _style_id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9]", "", name.title()) or "Style"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _ensure_styles(styles: etree._Element) -> dict[str, str]:
    """Find (or add) the style of each role; return role -> styleId."""
    from lxml import etree

    found: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    default_paragraph: str | None = None
    for style in styles.iter(w("style")):
        sid = style.get(w("styleId")) or ""
        taken.add(sid.lower())
        kind = style.get(w("type")) or "paragraph"
        name_el = style.find(w("name"))
        name = (name_el.get(w("val")) if name_el is not None else None) or sid
        found.setdefault((kind, name.lower()), sid)
        if kind == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
            default_paragraph = sid
    ids: dict[str, str] = {}
    for role, (kind, name, body) in _STYLE_XML.items():
        existing = found.get((kind, name.lower()))
        if existing is not None:
            sid = existing
        else:
            sid = _style_id(name, taken)
            taken.add(sid.lower())
            based = f'<w:basedOn w:val="{default_paragraph}"/>' if kind == "paragraph" and default_paragraph else ""
            custom = (
                ""
                if name in ("Title", "Subtitle", "heading 1", "Body Text", "Quote Char", "Table Grid", "Date")
                else (' w:customStyle="1"')
            )
            xml = (
                f'<w:style xmlns:w="{W_NS}" w:type="{kind}"{custom} w:styleId="{sid}"><w:name w:val="{name}"/>'
                f'{based}<w:uiPriority w:val="10"/><w:qFormat/>{body}</w:style>'
            )
            styles.append(etree.fromstring(xml))
        ids[role] = sid
    return ids


def _set_language(styles: etree._Element, language: str) -> None:
    from lxml import etree

    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(w("rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, w("rPr"))
    if rpr.find(w("lang")) is None:
        lang = etree.Element(w("lang"))
        later = [i for i, child in enumerate(rpr) if child.tag in _AFTER_LANG]
        rpr.insert(later[0] if later else len(rpr), lang)
    # Every explicit language in the styles, not only the default, so no style keeps the template's.
    for lang in styles.iter(w("lang")):
        lang.set(w("val"), language)


# --------------------------------------------------------------------------- template


class _Template:
    """A template package prepared once: static parts as bytes, the rest ready to fill per release."""

    def __init__(self, data: bytes, *, builtin: bool, name: str = "template") -> None:
        from lxml import etree

        from .._zipsafe import Package

        pkg = Package(data, what="a Word document or template")
        main = pkg.main_part()
        self.main = main
        self.rels_name_main = _rels_name(main)
        self.builtin = builtin
        parts: dict[str, tuple[str, bytes]] = {}
        rels: dict[str, list[tuple[str, str, str, bool]]] = {}
        # Walk the relationship graph from the main part: only what the document uses is carried over.
        queue = [main]
        seen = {main}
        dropped: list[str] = []
        styles_part = settings_part = None
        while queue:
            part = queue.pop(0)
            kept: list[tuple[str, str, str, bool]] = []
            for rel in pkg.relationships(part):
                if rel.type in _DROPPED_TYPES or (builtin and "stylesWithEffects" in rel.type):
                    continue
                if rel.type == _RT_CUSTOM_XML and not rel.external and (builtin or _is_ours(pkg, rel.target)):
                    continue
                if rel.external and rel.type != _RT_HYPERLINK:
                    # Remote styles, linked images, subDocument, altChunk …: Word fetches them when the
                    # document opens, so every release would phone home.  The template's body is replaced
                    # by the release, so what it links is unused: dropped.  Another part (a header, the
                    # styles) still refers to its link by id, so such a template is refused.
                    kind = rel.type.rpartition("/")[2]
                    if part != main:
                        raise ParseError(
                            f"{part.lstrip('/')} links to {rel.target} ({kind}), which Word would fetch when "
                            "each document opens; remove the link from the template",
                            format="docx",
                        )
                    dropped.append(f"{kind} → {rel.target}")
                    continue
                if not rel.external:
                    if not pkg.has(rel.target) or pkg.content_type(rel.target) is None:
                        continue
                    if part == main and rel.type == _RT_STYLES:
                        styles_part = rel.target
                    if part == main and rel.type == _RT_SETTINGS:
                        settings_part = rel.target
                    if rel.target not in seen:
                        seen.add(rel.target)
                        queue.append(rel.target)
                kept.append((rel.id, rel.type, rel.target, rel.external))
            rels[part] = kept
            if part != main:
                parts[part] = (pkg.content_type(part) or "application/octet-stream", pkg.read(part))
        self.parts = parts
        self.rels = rels
        if dropped:
            warnings.warn(
                CommuniqueWarning(
                    f"docx: {name}: dropped its external relationship{'s' if len(dropped) > 1 else ''} "
                    f"{', '.join(dropped)} (remote content Word would fetch; the template's body is not used)"
                ),
                stacklevel=2,
            )

        document = pkg.xml(main)
        body = document.find(w("body"))
        sect = body.find(w("sectPr")) if body is not None else None
        self.sect_pr = copy.deepcopy(sect) if sect is not None else etree.Element(w("sectPr"))
        for attr in list(self.sect_pr.attrib):
            if "rsid" in attr:
                del self.sect_pr.attrib[attr]
        self.template_page_size = self.sect_pr.find(w("pgSz")) is not None and not builtin
        # The body is written as text with the "w" prefix: the root keeps the template's namespaces
        # and attributes (mc:Ignorable …) and binds "w" to WordprocessingML.
        nsmap: dict[Any, str] = {prefix: uri for prefix, uri in document.nsmap.items() if prefix != "w"}
        nsmap["w"] = W_NS
        attrib = {str(k): str(v) for k, v in document.attrib.items()}
        root = etree.Element(w("document"), attrib=attrib, nsmap=nsmap)
        etree.SubElement(root, w("body"))
        head = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
        self.document_open = head.replace("<w:body/></w:document>", "<w:body>")
        self._sect_cache: dict[str | None, str] = {}

        # Styles: ensure every role has a style; language is set per release (cached per language).
        if styles_part is None:
            styles_part = _free_name({*parts, main}, "/word/styles{}.xml", first="")
            parts[styles_part] = (_STYLES_CT, f'<w:styles xmlns:w="{W_NS}"/>'.encode())
            rels[main].append(("rIdCommuniqueStyles", _RT_STYLES, styles_part, False))
        styles = _parse_part(parts[styles_part][1], styles_part, builtin=builtin)
        if builtin:
            # python-docx's template carries 140 table styles (400 KB); keep what a release uses.
            for style in list(styles.iter(w("style"))):
                if style.get(w("type")) == "table" and style.get(w("styleId")) not in ("TableNormal", "TableGrid"):
                    styles.remove(style)
        for rsid in list(styles.iter(w("rsid"))):
            rsid.getparent().remove(rsid)  # type: ignore[union-attr]
        # Style ids go into attribute values of the body, which is written as text.
        self.style_ids = {role: _escape(sid).replace('"', "&quot;") for role, sid in _ensure_styles(styles).items()}
        self.styles_part = styles_part
        self._styles = styles
        self.settings_part = settings_part
        self._settings: etree._Element | None = None
        if settings_part is not None:
            settings = _parse_part(parts[settings_part][1], settings_part, builtin=builtin)
            # Ids and state of the template's own editing history must not leak into every release.
            w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
            w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
            for tag in (w("rsids"), w("proofState"), w("attachedTemplate"), f"{{{w14}}}docId", f"{{{w15}}}docId"):
                for el in list(settings.iter(tag)):
                    el.getparent().remove(el)  # type: ignore[union-attr]
            self._settings = settings
        self._lock = threading.Lock()
        self._by_language: dict[str, tuple[_Deflated, _Deflated | None]] = {}
        self._static: dict[str, _Deflated] = {}

        taken = {*parts, main}
        n = 1
        while f"/customxml/item{n}.xml" in {t.lower() for t in taken}:
            n += 1
        self.item = f"/customXml/item{n}.xml"
        self.item_props = f"/customXml/itemProps{n}.xml"
        self.static_rels = {
            part: _rels_xml(part, entries) for part, entries in rels.items() if part != main and entries
        }
        self.main_rels = _rels_xml(main, [*rels[main], (_REL_ID, _RT_CUSTOM_XML, self.item, False)])
        self.item_rels = _rels_xml(self.item, [("rId1", _RT_CUSTOM_XML_PROPS, self.item_props, False)])
        self.item_props_xml = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" '
            f'ds:itemID="{_ITEM_ID}"><ds:schemaRefs><ds:schemaRef ds:uri="{RELEASE_NS}"/></ds:schemaRefs>'
            "</ds:datastoreItem>"
        ).encode()
        self.content_types = _content_types(
            [
                (main, DOCUMENT_CT),
                ("/docProps/core.xml", _CORE_CT),
                ("/docProps/app.xml", _APP_CT),
                (self.item_props, _ITEM_PROPS_CT),
                *((name, ct) for name, (ct, _) in parts.items()),
            ]
        )
        self.package_rels = _rels_xml(
            "/",
            [
                ("rId1", _RT_OFFICE_DOCUMENT, main, False),
                ("rId2", _RT_CORE, "/docProps/core.xml", False),
                ("rId3", _RT_APP, "/docProps/app.xml", False),
            ],
        )

    def sect_pr_xml(self, page_size: str | None) -> str:
        """The section properties (page size, margins, header/footer references) as XML text."""
        found = self._sect_cache.get(page_size)
        if found is None:
            from lxml import etree

            sect = copy.deepcopy(self.sect_pr)
            size = _effective_size(self, page_size)
            if size is not None:
                pg = sect.find(w("pgSz"))
                if pg is None:
                    pg = etree.Element(w("pgSz"))
                    # pgSz follows the header/footer references, footnote/endnote properties and type.
                    before = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type")
                    heads = [i for i, c in enumerate(sect) if etree.QName(c).localname in before]
                    sect.insert(heads[-1] + 1 if heads else 0, pg)
                pg.attrib.clear()
                pg.set(w("w"), str(size[0]))
                pg.set(w("h"), str(size[1]))
            found = etree.tostring(sect, encoding="unicode")
            self._sect_cache[page_size] = found
        return found

    def static(self, name: str, data: bytes) -> _Deflated:
        """A part that is the same in every document from this template, compressed once."""
        found = self._static.get(name)
        if found is None:
            found = self._static[name] = _deflate(data)
        return found

    def localized(self, language: str) -> tuple[_Deflated, _Deflated | None]:
        """Styles and settings parts with ``language`` set, compressed, cached per language."""
        with self._lock:
            found = self._by_language.get(language)
            if found is None:
                from lxml import etree

                styles = copy.deepcopy(self._styles)
                _set_language(styles, language)
                settings_part = None
                if self._settings is not None:
                    settings = copy.deepcopy(self._settings)
                    for el in settings.iter(w("themeFontLang")):
                        el.set(w("val"), language)
                    settings_part = _deflate(
                        etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True)
                    )
                styles_part = _deflate(etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True))
                found = (styles_part, settings_part)
                if len(self._by_language) < 64:
                    self._by_language[language] = found
            return found


def _parse_part(data: bytes, partname: str, *, builtin: bool) -> etree._Element:
    from .._zipsafe import parse_xml

    if not builtin:
        return parse_xml(data, part=partname.lstrip("/"))
    from lxml import etree

    # Our own base template: drop its pretty-printing whitespace, which is most of its size.
    return etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False))


def _is_ours(pkg: Package, partname: str) -> bool:
    head = pkg.read(partname)[:400]
    return RELEASE_NS.encode() in head


def _free_name(taken: set[str], pattern: str, *, first: str) -> str:
    lowered = {t.lower() for t in taken}
    candidate, n = pattern.format(first), 1
    while candidate.lower() in lowered:
        n += 1
        candidate = pattern.format(n)
    return candidate


def _relative(source: str, target: str) -> str:
    if source == "/":
        return target.lstrip("/")
    return posixpath.relpath(target, posixpath.dirname(source))


def _rels_xml(source: str, entries: Sequence[tuple[str, str, str, bool]]) -> bytes:
    from xml.sax.saxutils import quoteattr

    lines = ["<?xml version='1.0' encoding='UTF-8' standalone='yes'?>", f'<Relationships xmlns="{_REL_NS}">']
    for rid, kind, target, external in entries:
        where = target if external else _relative(source, target)
        mode = ' TargetMode="External"' if external else ""
        lines.append(f"<Relationship Id={quoteattr(rid)} Type={quoteattr(kind)} Target={quoteattr(where)}{mode}/>")
    lines.append("</Relationships>")
    return "\n".join(lines).encode("utf-8")


def _content_types(parts: Iterable[tuple[str, str]]) -> bytes:
    from xml.sax.saxutils import quoteattr

    lines = [
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
        f'<Types xmlns="{_CT_NS}">',
        f'<Default Extension="rels" ContentType="{_RELS_CT}"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
    ]
    for name, kind in sorted(parts):
        lines.append(f"<Override PartName={quoteattr(name)} ContentType={quoteattr(kind)}/>")
    lines.append("</Types>")
    return "\n".join(lines).encode("utf-8")


@functools.cache
def _builtin_template() -> _Template:
    from importlib import resources

    data = resources.files("docx").joinpath("templates", "default.docx").read_bytes()
    return _Template(data, builtin=True)


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
        template = _Template(data, builtin=False, name=f"template {path}")
    except ParseError as exc:
        raise RenderError(f"template {path} cannot be used: {exc}", path="template", format="docx") from None
    with _USER_LOCK:
        if len(_USER_TEMPLATES) >= 8:
            _USER_TEMPLATES.pop(next(iter(_USER_TEMPLATES)))
        _USER_TEMPLATES[key] = template
    return template


# --------------------------------------------------------------------------- body


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Writer:
    """Writes the body of one document as WordprocessingML text, recording the visible text and removals.

    Strings, not an lxml tree: the markup is a handful of fixed shapes and every
    text goes through :func:`_escape`, which is several times faster per document.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.visible: list[str] = []
        self.stripped: list[str] = []

    def clean(self, text: str, field: str) -> str:
        cleaned, count = _UNWRITABLE.subn("", text)
        if count and field not in self.stripped:
            self.stripped.append(field)
        return cleaned

    def open_paragraph(self, style: str) -> None:
        self.out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>')

    def run(self, text: str, style: str | None = None) -> None:
        if not text:
            return
        out = self.out
        out.append(f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else "<w:r>")
        for piece in _TAB_OR_BREAK.split(text):
            if piece == "\t":
                out.append("<w:tab/>")
            elif piece == "\n":
                out.append("<w:br/>")
            elif piece:
                space = ' xml:space="preserve"' if piece[0].isspace() or piece[-1].isspace() else ""
                out.append(f"<w:t{space}>{_escape(piece)}</w:t>")
        out.append("</w:r>")

    def simple(self, style: str, text: str) -> None:
        self.open_paragraph(style)
        self.run(text)
        self.out.append("</w:p>")
        self.visible.append(text)


def _document(template: _Template, lay: Layout, writer: _Writer, page_size: str | None) -> bytes:
    ids = template.style_ids
    out = writer.out
    out.append(template.document_open)
    if lay.reference:
        writer.simple(ids["reference"], writer.clean(lay.reference, "header.reference"))
    writer.simple(ids["title"], writer.clean(lay.title, "title"))
    if lay.subtitle:
        writer.simple(ids["subtitle"], writer.clean(lay.subtitle, "header.subtitle"))
    if lay.date_line:
        writer.simple(ids["date"], writer.clean(lay.date_line, "dates"))
    for i, para in enumerate(lay.paragraphs):
        writer.open_paragraph(ids["body"])
        shown: list[str] = []
        if para.dateline:
            place = writer.clean(para.dateline, "header.dateline")
            writer.run(place, ids["dateline"])
            writer.run(para.dateline_separator)
            shown += [place, para.dateline_separator]
        for span in para.spans:
            text = writer.clean(span.text, f"paragraphs[{i}]")
            writer.run(text, ids["quote"] if span.quote else None)
            shown.append(text)
        out.append("</w:p>")
        writer.visible.append("".join(shown))
    if lay.attendee_rows:
        writer.simple(ids["heading"], lay.attendees_heading)
        columns = len(lay.attendee_columns)
        col = _text_width(template, page_size) // columns
        out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{ids["table"]}"/><w:tblW w:w="5000" w:type="pct"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + f'<w:gridCol w:w="{col}"/>' * columns
            + "</w:tblGrid>"
        )
        cell_open = f'<w:tc><w:tcPr><w:tcW w:w="{5000 // columns}" w:type="pct"/></w:tcPr>'
        rows: list[tuple[tuple[str, ...], str, str | None]] = [(lay.attendee_columns, ids["table_heading"], None)]
        rows += [(row, ids["table_contents"], f"attendees[{j}]") for j, row in enumerate(lay.attendee_rows)]
        for cells, style, field in rows:
            # The header row repeats on every page; no row is split across pages.
            out.append(
                "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                if field is None
                else "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            )
            for cell in cells:
                out.append(cell_open)
                writer.simple(style, writer.clean(cell, field) if field else cell)
                out.append("</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
    out.append(template.sect_pr_xml(page_size))
    out.append("</w:body></w:document>")
    return "".join(out).encode("utf-8")


def _effective_size(template: _Template, page_size: str | None) -> tuple[int, int] | None:
    if page_size is None and template.template_page_size:
        return None  # keep the template's own page
    return _PAGE_SIZES[page_size or "a4"]


def _text_width(template: _Template, page_size: str | None) -> int:
    size = _effective_size(template, page_size)
    pg = template.sect_pr.find(w("pgSz"))
    page_width = size[0] if size is not None else int((pg.get(w("w")) if pg is not None else None) or 11906)
    margins = template.sect_pr.find(w("pgMar"))

    def margin(side: str) -> int:
        value = margins.get(w(side)) if margins is not None else None
        try:
            return int(value) if value is not None else 1440
        except ValueError:
            return 1440

    return max(page_width - margin("left") - margin("right"), 1440)


# --------------------------------------------------------------------------- properties


def _w3cdtf(value: _dt.date) -> str:
    if not isinstance(value, _dt.datetime):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"  # W3CDTF allows a day alone
    if value.tzinfo is not None:
        value = value.astimezone(_dt.UTC)
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:{value.second:02d}Z"


def _core(lay: Layout, writer: _Writer) -> bytes:
    from xml.sax.saxutils import escape

    def element(tag: str, value: str | None, field: str) -> str:
        if not value:
            return ""
        return f"<{tag}>{escape(writer.clean(value, field))}</{tag}>"

    parts = [
        element("dc:title", lay.title, "title"),
        element("dc:subject", lay.subject, "header.dateline"),
        element("dc:creator", lay.author, "header.source"),
        element("cp:keywords", ", ".join(lay.keywords), "attendees"),
        element("dc:language", lay.language, "header.language"),
    ]
    for tag, value in (("dcterms:created", lay.created), ("dcterms:modified", lay.modified)):
        if value is not None:
            parts.append(f'<{tag} xsi:type="dcterms:W3CDTF">{_w3cdtf(value)}</{tag}>')
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + "".join(parts)
        + "</cp:coreProperties>"
    ).encode("utf-8")


_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>communique</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _embedded(release: PressRelease, digest: str) -> bytes:
    from xml.sax.saxutils import escape

    from .._serialize import SCHEMA_VERSION, dumps

    text = dumps(release).decode("utf-8")
    # JSON allows U+FFFE/U+FFFF raw, XML does not: write them as JSON escapes, which load back identically.
    text = _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<release xmlns="{RELEASE_NS}" schema-version="{SCHEMA_VERSION}" visible="{digest}">'
        f"{escape(text)}</release>\n"
    ).encode()


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


class _Deflated(NamedTuple):
    """One zip entry's data, compressed once (raw DEFLATE) with its CRC and sizes."""

    crc: int
    size: int
    data: bytes


def _deflate(data: bytes) -> _Deflated:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Deflated(zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


def _package(entries: Sequence[tuple[str, _Deflated]], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """A zip archive of already-deflated entries, with fixed metadata so the bytes depend only on the input.

    Written by hand rather than with :mod:`zipfile` so that the template's parts are
    compressed once per process, not once per document.
    """
    year, month, day, hour, minute, second = stamp
    dos_time = (hour << 11) | (minute << 5) | (second // 2)
    dos_date = ((year - 1980) << 9) | (month << 5) | day
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, entry in entries:
        raw = name.lstrip("/").encode("utf-8")
        fixed = (20, 0, 8, dos_time, dos_date, entry.crc, len(entry.data), entry.size, len(raw))
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, *fixed, 0) + raw
        # Made by "Unix" (3) with rw-r--r-- permissions, so unzip gives ordinary files.
        central.append(
            struct.pack("<IH", 0x02014B50, (3 << 8) | 20)
            + struct.pack("<HHHHHIIIHHHHHII", *fixed, 0, 0, 0, 0, 0o100644 << 16, offset)
            + raw
        )
        out += (local, entry.data)
        offset += len(local) + len(entry.data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end


# --------------------------------------------------------------------------- exporter


class DocxExporter(Exporter):
    """Word document (.docx): styled for editors, with the release embedded for lossless read-back."""

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
    )

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Render ``release`` as DOCX bytes (deterministic for a given release and options)."""
        from .._layout import layout

        page_size: str | None = options.get("page_size")
        template_path: str | os.PathLike[str] | None = options.get("template")
        if page_size is not None and page_size not in _PAGE_SIZES:
            raise RenderError(f"page_size must be a4 or letter, not {page_size!r}", path="page_size", format="docx")
        template = _user_template(Path(template_path)) if template_path is not None else _builtin_template()
        lay = layout(release)
        writer = _Writer()
        document = _document(template, lay, writer, page_size)
        core = _core(lay, writer)
        if writer.stripped:
            warnings.warn(
                CommuniqueWarning(
                    "docx: removed control characters that a Word document cannot hold from the visible text of "
                    f"{', '.join(writer.stripped)}; the embedded release keeps the exact text"
                ),
                stacklevel=2,
            )
        styles, settings = template.localized(lay.language)
        static = template.static
        entries: list[tuple[str, _Deflated]] = [
            ("[Content_Types].xml", static("[Content_Types].xml", template.content_types)),
            ("/_rels/.rels", static("/_rels/.rels", template.package_rels)),
            ("/docProps/core.xml", _deflate(core)),
            ("/docProps/app.xml", static("/docProps/app.xml", _APP_XML)),
            (template.main, _deflate(document)),
            (template.rels_name_main, static(template.rels_name_main, template.main_rels)),
            (template.item, _deflate(_embedded(release, visible_digest(writer.visible)))),
            (_rels_name(template.item), static(_rels_name(template.item), template.item_rels)),
            (template.item_props, static(template.item_props, template.item_props_xml)),
        ]
        for name in sorted(template.parts):
            if name == template.styles_part:
                entries.append((name, styles))
            elif name == template.settings_part and settings is not None:
                entries.append((name, settings))
            else:
                entries.append((name, static(name, template.parts[name][1])))
            if name in template.static_rels:
                entries.append((_rels_name(name), static(_rels_name(name), template.static_rels[name])))
        return _package(entries, _zip_time(lay))


def _rels_name(partname: str) -> str:
    folder, name = partname.rsplit("/", 1)
    return f"{folder}/_rels/{name}.rels"
