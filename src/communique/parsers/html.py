"""``html`` parser: saved web pages (``.html``/``.htm``) into releases.

**Our own pages** (written by the ``html`` exporter) carry the release as
canonical JSON in ``<script type="application/json" id="communique-release">``;
it is read first, so ``parse(render(r, "html"), "html") == r``.  When the page
was edited after export (its title or paragraphs no longer match the digest
recorded beside the copy), or the copy is corrupt or from a newer communique,
the page is read from what it shows, with a
:class:`~communique.errors.CommuniqueWarning` saying why.  The option
``embedded`` changes this: ``"require"`` raises instead, ``"ignore"`` always
reads what the page shows.

**Any other page** is read in four steps:

1. *Bytes to a tree, as browsers do*: the encoding is the byte-order mark's,
   else the ``<meta charset>`` / ``http-equiv="Content-Type"`` declaration's,
   else UTF-8 when the bytes are UTF-8, else Windows-1252; broken markup is
   repaired by lxml's HTML parser (libxml2); comments, processing
   instructions, ``<script>``, ``<style>``, ``<template>``, ``<noscript>`` and
   hidden elements never become text.
2. *What the markup says* (:class:`Markup`): ``<html lang>`` (its primary
   language subtag: ``en-GB`` is ``en``); the ``<h1>``
   (else ``og:title``, else the JSON-LD ``headline``); ``<link
   rel="canonical">`` (else ``og:url``); the publisher (the article's
   ``From:`` line, else JSON-LD ``publisher``, else ``og:site_name``); ``article:published_time`` and
   ``article:modified_time``; schema.org JSON-LD ``NewsArticle`` (headline,
   alternativeHeadline, identifier, datePublished, dateModified, inLanguage,
   dateline, contributor) and ``Event`` (startDate, endDate, attendee);
   ``<time datetime>`` marked as the publication or update
   (``itemprop``, ``pubdate``, a ``published``/``updated`` class); speakers
   of ``<q data-speaker>`` and of a ``<blockquote>``'s ``<cite>`` or
   ``<figcaption>``.
3. *Main content*: trafilatura separates the article's blocks from the
   site's furniture (menus, share bars, related links, footers).  The text of
   those blocks is taken from the page as a browser renders it (``<q>`` with
   its quotation marks, a ``<blockquote>`` between marks), together with the
   lines of the article's header above them (section label, date bullets,
   document number) and the stamps below them.
4. *The text parser's rules* on that text: the segmenter
   (:func:`communique.extract.segment.segment`) and
   :func:`communique.extract.release.release_from_parts` — the same rules,
   one rule set — find the dateline, dates, quotations, speakers and people;
   then what the markup says replaces what the text gave (the markup is the
   publisher's own statement of the field; the text is read by rules that
   can be wrong).

A page that is not a release — a search result list, an index of links, a
page without running text — is a :class:`~communique.errors.ParseError`
saying so.  Input is bounded like the other parsers (:data:`MAX_BYTES`).
"""

from __future__ import annotations

import codecs
import copy
import datetime as _dt
import re
import warnings
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import CommuniqueWarning, ParseError, ValidationError
from ..plugins import Option, Parser, max_size_option

if TYPE_CHECKING:
    from lxml import html as lxml_html

    from ..model import Attendee, Dates, PressRelease

__all__ = ["MAX_BYTES", "HtmlParser", "Markup", "read_markup"]

MAX_BYTES = 16 * 1024 * 1024
"""Pages larger than this are refused (the XML formats' limit)."""
_FORMAT = "html"

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.IGNORECASE)
# The WHATWG encoding standard reads these labels as Windows-1252, and a UTF-16 declaration in
# bytes that were readable as ASCII as UTF-8.
_AS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "ibm819"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\n\r\f]+")

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "summary",
        "center",
        "menu",
    ]
)
_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "nav",
        "aside",
        "dialog",
    ]
)
_SKIP_ROLES = frozenset({"navigation", "search", "banner", "contentinfo", "complementary", "dialog", "alert"})
_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report", "PressRelease"}
)
_LISTING_TYPES = frozenset({"SearchResultsPage", "CollectionPage", "ItemList"})
_OPEN_MARKS = "«“„‘‚‹\"'"
_MARKS = {"fr": ("«\u00a0", "\u00a0»"), "es": ("«", "»"), "en": ("“", "”")}
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MIN_WORDS = 25
_SKIP_MARK = "data-communique-skip"


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _key(text: str) -> str:
    """A comparison key: white space of any kind (no-break spaces too) collapsed."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- bytes → tree


def decode(data: bytes | str, *, max_size: int = 16 * 1024 * 1024) -> str:
    """The page's text: BOM, else ``<meta charset>``/``http-equiv``, else UTF-8, else Windows-1252.

    A page larger than ``max_size`` bytes (characters for text) is refused.
    """
    if isinstance(data, str):
        if len(data) > max_size:
            raise ParseError(f"the page is larger than {max_size // 2**20} MiB; refused", format=_FORMAT)
        return data[1:] if data.startswith("\ufeff") else data
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ParseError(f"HTML input must be bytes or str, not {type(data).__name__}", format=_FORMAT)
    data = bytes(data)
    if len(data) > max_size:
        raise ParseError(
            f"the page is {len(data) / 2**20:.1f} MiB; HTML input larger than {max_size // 2**20} MiB is refused "
            "(the max_size option raises the limit)",
            format=_FORMAT,
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        label = declared.group(1).decode("ascii", "replace").strip().lower()
        if label.startswith("utf-16") or label.startswith("utf16"):
            label = "utf-8"
        if label in _AS_1252:
            label = "cp1252"
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            codec = None
        if codec is not None:
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_tree(text: str) -> lxml_html.HtmlElement:
    """The page's tree, repaired as a browser would, without comments or processing instructions."""
    from lxml import etree
    from lxml import html as lxml_html

    text = _XML_DECLARATION.sub("", text, count=1)
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")  # as browsers do; libxml2 would stop at it
    if not text.strip():
        raise ParseError("the page is empty", format=_FORMAT)
    parser = lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, remove_blank_text=False
    )
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"not HTML: {exc}", format=_FORMAT) from None
    if root is None:
        raise ParseError("not HTML: the page has no element", format=_FORMAT)
    return root


def _local(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    role = (element.get("role") or "").strip().lower()
    if role in _SKIP_ROLES:
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


# Classes that hide an element from the eye and keep it for screen readers (Bootstrap, WordPress, Drupal,
# Liferay, GOV.UK): a heading so classed ("<h1 class="hide-accessible">Navegación</h1>") is no headline.
_SCREEN_READER_CLASSES = frozenset(
    {
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "element-invisible",
        "hide-accessible",
        "govuk-visually-hidden",
        "wb-inv",
        "offscreen",
    }
)


_HEADING_WORDS = 4  # words at least of a heading the <title> opens with, to be the headline


def _in_navigation(element: Any) -> bool:
    """Whether ``element`` stands in a ``<nav>`` or an element whose role is navigation (a menu's heading)."""
    node = element.getparent()
    while node is not None:
        if _local(node) == "nav" or (node.get("role") or "").strip().lower() == "navigation":
            return True
        node = node.getparent()
    return False


def _screen_reader_only(element: Any) -> bool:
    """Whether ``element`` is classed to be read by screen readers only."""
    return not _SCREEN_READER_CLASSES.isdisjoint((element.get("class") or "").lower().split())


# --------------------------------------------------------------------------- the page as lines


@attrs.define
class _Line:
    text: str
    element: Any
    """The block element the line belongs to."""
    links: int = 0
    """How many of its characters are link text."""
    is_link: bool = False
    """The whole line is the text of one link (an index's entry)."""


class _Lines:
    """The page's text the way a browser lays it out: one line per block, ``<br>`` breaks, quotes marked."""

    def __init__(self, language: str | None) -> None:
        self.lines: list[_Line] = []
        self.marks = _MARKS.get((language or "").split("-")[0].lower(), _MARKS["en"])
        self._buffer: list[str] = []
        self._links = 0
        self._link_texts: list[str] = []
        self._owner: Any = None
        self._pending: str | None = None
        self.tables: list[tuple[Any, list[str | None]]] = []
        """Participant tables (their header row names attendee columns): not text, read as attendees."""

    def flush(self) -> None:
        raw = "".join(self._buffer)
        for piece, link_texts in _broken(raw, self._link_texts):
            text = _collapse(piece)
            if text:
                links = sum(len(_collapse(t)) for t in link_texts)
                is_link = len(link_texts) == 1 and _collapse(link_texts[0]) == text
                self.lines.append(_Line(text, self._owner, min(links, len(text)), is_link))
        self._buffer.clear()
        self._link_texts.clear()

    def _add(self, text: str | None) -> None:
        if text:
            if self._pending is not None and text.strip():
                lead = len(text) - len(text.lstrip())
                text = text[:lead] + self._pending + text[lead:]
                self._pending = None
            self._buffer.append(text)

    def _close(self, mark: str, element: Any) -> None:
        """Close a quotation: after the words still in the line, else at the end of the quotation's last line."""
        if self._pending is not None:
            self._pending = None  # an empty quotation: nothing was opened
            return
        if "".join(self._buffer).strip():
            self._buffer.append(mark)
        elif self.lines and _within(self.lines[-1].element, element):
            self.lines[-1].text += mark

    def walk(self, element: Any, owner: Any, skip_outer: bool = False) -> None:
        name = _local(element)
        if not name or name in _SKIP or _hidden(element):
            return
        if name == "footer" and not _inside(element, ("article", "main")):
            return
        if name == "header" and not _inside(element, ("article", "main")) and element.find(".//h1") is None:
            return
        if name == "table":
            columns = _attendee_columns(element)
            if columns is not None:
                self.flush()
                element.set(_SKIP_MARK, "")  # kept out of the main content too
                self.tables.append((element, columns))
                return
        block = name in _BLOCK
        if block:
            self.flush()
            owner = element
        self._owner = owner
        if name == "br":
            if owner is not None and _local(owner) == "p" and "".join(self._buffer).strip():
                self._buffer.append(_SOFT_BREAK)  # decided at the flush (_broken)
                return
            self.flush()
            return
        before = len(self._buffer)
        opened = False
        if name == "q" or name == "blockquote":
            opened = not self._already_marked(element)
            if opened:
                self._pending = self.marks[0]
        if name == "a":
            start = len(self._buffer)
        self._add(element.text)
        # A metadata row of inline pieces ("<div class="newsroom-meta"><span>Secrétaire Générale adjointe</span>
        # <span>30 mai 2025</span> <span>Strasbourg</span>"): its pieces are kept apart, as " | " sets them.
        meta = _META_CLASS.search(element.get("class") or "") is not None
        previous: Any = None
        for child in element:
            dated = (
                _DATE_CLASS.search(child.get("class") or "") is not None
                and previous is not None
                and not (previous.tail or "").strip()  # ("<span>Madrid</span>, <span class="fecha">…": one line)
                and child.getnext() is None  # (a tag, a date and a place: "… 12 juin 2026 Strasbourg", read whole)
            )
            if (meta or dated) and _local(child) not in _BLOCK and "".join(self._buffer[before:]).strip():
                # (Or an inline piece that says it is a date, after the row's label: "<span class="label">Communiqué
                # de presse du Conseil administratif</span> <span class="date">18.06.2025</span>".)
                self._buffer.append(" | ")
            elif (
                previous is not None
                and _local(child) == "time"
                and _local(previous) == "time"
                and not (previous.tail or "").strip()
            ):
                # Two <time>s side by side ("…published">18 novembre 2025</time><time class="updated">…",
                # WordPress, its stylesheet hiding one): apart, not glued into "18 novembre 202518 novembre".
                self._buffer.append(" | ")
            elif (
                previous is not None
                and _local(child) == "a"
                and _local(previous) == "a"
                and not (previous.tail or "").strip()
                and self._buffer
                and not self._buffer[-1][-1:].isspace()
            ):
                # Links side by side with nothing between them ("<a>Facebook</a><a>X</a><a>LinkedIn</a>": a
                # share bar drawn with icons): apart, as a menu's items are, not glued into one word.
                self._buffer.append(" | ")
            previous = child
            if (name == "blockquote" and _attribution(child)) or (
                name == "figure" and _local(child) == "figcaption" and element.find("blockquote") is not None
            ):
                pass  # the speaker, read by the markup pass, not quoted words
            elif name == "figure" and _local(child) == "figcaption" and _pictured(element):
                pass  # a photograph's caption ("Family photograph of Ministers …"): neither a standfirst nor the body
            else:
                self.walk(child, owner)
                self._owner = owner
            self._add(child.tail)
        if name == "a":
            self._link_texts.append("".join(self._buffer[start:]))
        if opened:
            self._close(self.marks[1], element)
        if name in ("td", "th") and len(self._buffer) > before:
            # Data cells side by side are apart, as a bar is ("Actualités > Communiqués" | "Publié le 12/03/2025":
            # a breadcrumb and the page's stamp, not one line); a header cell is its row's label ("Title",
            # "Hit"), read with its value, and the last cell of a row needs no bar.
            following = element.getnext()
            apart = name == "td" and following is not None and _local(following) == "td"
            self._buffer.append(" | " if apart else " ")
        if block:
            self.flush()

    def _already_marked(self, element: Any) -> bool:
        """Whether the page writes the quotation marks itself (``« <q>…</q> »``, ``<blockquote>“…”``)."""
        inner = _collapse("".join(element.itertext()))
        if not inner or inner[0] in _OPEN_MARKS:
            return True
        before = "".join(self._buffer).rstrip(" \u00a0\u202f\t\n")
        return bool(before) and before[-1] in _OPEN_MARKS


def _inside(element: Any, names: tuple[str, ...]) -> bool:
    node = element.getparent()
    while node is not None:
        if _local(node) in names or (node.get("role") or "") == "main":
            return True
        node = node.getparent()
    return False


def _pictured(figure: Any) -> bool:
    """Whether a ``<figure>`` shows a picture (an image or a video), whose caption only describes it."""
    return any(_local(e) in ("img", "picture", "video") for e in figure.iter() if isinstance(e.tag, str))


def page_lines(root: Any, language: str | None) -> _Lines:
    """The text lines of ``root``'s body, in order, each with its block element (and its participant tables)."""
    body = root.find("body")
    walker = _Lines(language)
    walker.walk(body if body is not None else root, None)
    walker.flush()
    return walker


_FIELDS = ("name", "rank", "role", "organization", "country")


def _column_words() -> dict[str, str]:
    from ..locale import labels, languages

    return {getattr(labels(code), f).casefold(): f for code in languages() for f in _FIELDS}


def _rows(table: Any) -> list[list[str]]:
    return [[_text_of(cell) for cell in row if _local(cell) in ("td", "th")] for row in table.iter("tr")]


def _attendee_columns(table: Any) -> list[str | None] | None:
    """The model field of each column when the table's first row names attendee columns (Name, Role…)."""
    rows = _rows(table)
    if not rows:
        return None
    words = _column_words()
    columns = [words.get(cell.casefold()) for cell in rows[0]]
    known = {c for c in columns if c}
    return columns if len(known) >= 2 and {"name", "role"} & known else None


def _table_attendees(table: Any, columns: list[str | None], language: str) -> list[Attendee]:
    from ..extract import country_code
    from ..model import Attendee

    people: list[Attendee] = []
    names: set[str] = set()
    for row in _rows(table)[1:]:
        values: dict[str, Any] = {k: (v or None) for k, v in zip(columns, row, strict=False) if k is not None}
        country = values.pop("country", None)
        if country:
            values["country"] = country if re.fullmatch(r"[A-Z]{2}", country) else country_code(country, language)
        try:
            person = Attendee(**values)
        except ValidationError:
            continue
        if person.name is None or person.name not in names:
            people.append(person)
            names.add(person.name or "")
    return people


# --------------------------------------------------------------------------- what the markup says


@attrs.define
class Markup:
    """What a page's markup states about the release (``None`` where it says nothing)."""

    language: str | None = None
    title: str | None = None
    title_element: Any = None
    subtitle: str | None = None
    standfirst: str | None = None
    """The text of the first block after the headline whose class names a standfirst ("chapo", "entradilla")."""
    description: str | None = None
    """The page's summary (``<meta name="description">``, else ``og:description``)."""
    site_name: str | None = None
    source: str | None = None
    url: str | None = None
    reference: str | None = None
    dateline: str | None = None
    published: _dt.date | None = None
    updated: _dt.date | None = None
    update_shown: bool = False
    """Whether the page shows its update: a ``<time>`` marked as the update, with its text."""
    published_clock: bool = False
    """Whether a ``<time>`` of the publication's instant shows its clock time ("3 March 2025 at 9:40 am")."""
    start: _dt.date | None = None
    end: _dt.date | None = None
    attendees: list[Attendee] = attrs.field(factory=list)
    mentions: list[Attendee] = attrs.field(factory=list)
    speakers: list[tuple[str, str]] = attrs.field(factory=list)
    """(quoted words, speaker) from ``<q data-speaker>`` and ``<blockquote>`` with a ``<cite>``."""
    cited_roles: dict[str, str] = attrs.field(factory=dict)
    """The role a blockquote's cite gives after the speaker's name ("MPP for Kitchener Centre")."""
    types: set[str] = attrs.field(factory=set)
    """Every JSON-LD ``@type`` on the page."""
    banner: list[str] = attrs.field(factory=list)
    """Short texts of the site's banner (its name, a government's name, a logo's text): the masthead."""


def _meta(root: Any, key: str) -> str | None:
    for element in root.iter("meta"):
        if (element.get("property") or element.get("name") or "").strip().lower() == key:
            value = _collapse(element.get("content") or "")
            if value:
                return value
    return None


def _language_tag(value: str | None) -> str | None:
    from ..model import Header

    if not value:
        return None
    # The primary language subtag: "en-GB", "fr_FR", "es-419" → "en", "fr", "es" — what the text parser
    # detects from the same words, so that a page and its text copy give the same release.
    tag = value.strip().replace("_", "-").split("-", 1)[0].lower()
    try:
        Header(title="x", language=tag)
    except ValidationError:
        return None
    return tag


def _stamp(value: Any) -> _dt.date | None:
    """An ISO 8601 date or date-time from markup; a date when it has no time (no midnight is invented)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _DATE_ONLY.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    try:
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return _dt.date.fromisoformat(value[:10]) if _DATE_ONLY.fullmatch(value[:10]) and _valid_day(value) else None


def _valid_day(value: str) -> bool:
    try:
        _dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _day(value: _dt.date | None) -> _dt.date | None:
    return value.date() if isinstance(value, _dt.datetime) else value


def _json_ld(root: Any) -> list[dict[str, Any]]:
    import orjson

    out: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = orjson.loads((script.text or "").strip())
        except orjson.JSONDecodeError:
            continue  # a broken description is not the page's fault to the reader
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return out


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rpartition("/")[2] for k in kinds if isinstance(k, str)}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and _collapse(value):
        return _collapse(value)
    return None


def _person(item: Any) -> Attendee | None:
    from ..model import Attendee

    if not isinstance(item, dict) or "Person" not in _types(item):
        return None
    name = _name(item.get("name"))
    role = _name(item.get("jobTitle"))
    nationality = item.get("nationality")
    country = None
    if isinstance(nationality, dict):
        code = nationality.get("identifier")
        country = code.strip().upper() if isinstance(code, str) and re.fullmatch(r"[A-Za-z]{2}", code.strip()) else None
    aliases = item.get("alternateName")
    aliases = [aliases] if isinstance(aliases, str) else aliases if isinstance(aliases, list) else []
    try:
        return Attendee(
            # A person known only by role is written with the role as its name.
            name=None if name is not None and name == role else name,
            rank=_name(item.get("honorificPrefix")),
            role=role,
            organization=_name(item.get("affiliation")) or _name(item.get("worksFor")),
            country=country,
            aliases=tuple(a for a in aliases if isinstance(a, str) and a.strip()),
        )
    except ValidationError:
        return None


def _people(value: Any, by_id: dict[str, dict[str, Any]]) -> list[Attendee]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    out: list[Attendee] = []
    seen: set[str | None] = set()
    for item in items:
        if isinstance(item, dict) and set(item) == {"@id"}:
            item = by_id.get(str(item["@id"]), item)
        person = _person(item)
        key = person.name if person is not None else None
        if person is not None and (key is None or key not in seen):
            seen.add(key)
            out.append(person)
    return out


def _text_of(element: Any) -> str:
    return _collapse("".join(t for t in element.itertext() if isinstance(t, str)))


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")


def _title_parts(root: Any) -> tuple[str | None, str | None]:
    """``(headline, site)`` as the ``<title>`` gives them: the site's name is its short end, before the
    first separator or after the last ("Inauguration … - Ville de Belcastel", "Guardia Civil - La Guardia …")."""
    head = root.find("head")
    element = head.find("title") if head is not None else None
    text = " ".join((element.text_content() if element is not None else "").split())
    firsts = [i for i in (text.find(sep) for sep in _TITLE_SEPARATORS) if i > 0]
    lasts = [i for i in (text.rfind(sep) for sep in _TITLE_SEPARATORS) if i > 0]
    if not firsts:
        return (text or None), None
    before, after = text[: min(firsts)].strip(), text[max(lasts) :].lstrip(" |-–—:").strip()
    start, end = text[min(firsts) :].lstrip(" |-–—:").strip(), text[: max(lasts)].strip()
    if len(after.split()) <= _SITE_NAME_WORDS and len(after) <= len(before):
        return end or None, after or None
    if len(before.split()) <= _SITE_NAME_WORDS:
        return start or None, before or None
    return text, None


_SITE_NAME_WORDS = 6


def _site_heading(h1: Any) -> bool:
    """Whether an ``<h1>`` only names the site and a longer ``<h2>`` (the headline) follows it: an old CMS's
    template ("<h1>Ministerio de Relaciones Exteriores</h1> … <h2>Cancilleres de Chile y Argentina …</h2>")."""
    from ..extract.segment import is_publisher_name

    text = _text_of(h1)
    root = h1.getroottree().getroot()
    if text == _meta(root, "og:title"):
        return False  # the page's own headline, as its sharing card gives it
    parts = _title_pieces(root)
    # An <h2> the page marks as its headline (schema.org microdata), or that the <title> names as the article's
    # while the <h1> does not ("<h1>École nationale supérieure polytechnique de Yaoundé</h1>" over "<h2
    # itemprop="headline">Remise des diplômes 2025 : …</h2>", the <title> "Remise des diplômes 2025 : … - ENSPY").
    titled, _ = _title_parts(root)
    for h2 in h1.getroottree().iter("h2"):
        if _hidden(h2) or len(_text_of(h2).split()) < _HEADLINE_WORDS:
            continue
        if (h2.get("itemprop") or "").strip() == "headline" or (titled and text != titled and _text_of(h2) == titled):
            return True
    publisher = is_publisher_name(text)
    # A publisher's name, or (outside the article) a part of a <title> that holds no headline (not the
    # part beside the site's own name: "Corvalis and Hallam Partner to … | Business Wire").
    site = _meta(root, "og:site_name")
    beside_site = bool(site) and site in parts and text != site
    # (A <title> of one piece, the h1's own text, is the headline: no site name is printed there.)
    if not (
        publisher or (len(parts) > 1 and text in parts and not beside_site and not _inside(h1, ("article", "main")))
    ):
        return False
    headlines = [_text_of(h) for h in h1.getroottree().iter("h2") if not _hidden(h)]
    return any(len(h.split()) >= _HEADLINE_WORDS and (publisher or h not in parts) for h in headlines)


def _site_heading_above(h2: Any, h1s: Sequence[Any]) -> bool:
    """Whether ``h2`` is a headline of several words under an ``<h1>`` that only names the site."""
    return len(_text_of(h2).split()) >= _HEADLINE_WORDS and any(_site_heading(h) for h in h1s)


_HEADLINE_WORDS = 6


def _title_pieces(root: Any) -> list[str]:
    """The parts of the ``<title>`` between its separators."""
    head = root.find("head")
    element = head.find("title") if head is not None else None
    text = " ".join((element.text_content() if element is not None else "").split())
    parts = [text]
    for sep in _TITLE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(sep)]
    return [p for p in parts if p]


def _title_names(root: Any) -> list[str]:
    """Every short part of the ``<title>`` but its longest ("FFAM - Fédération Française d'Aviron de Mer -
    Actualités", "Headline - Ministerio de Relaciones Exteriores - Gobierno de Chile"): the site's names and
    sections, never the article's headline."""
    parts = _title_pieces(root)
    if len(parts) < 2:
        return []
    longest = max(parts, key=len)
    return [p for p in parts if p != longest and len(p.split()) <= _SITE_NAME_WORDS]


def _links_home(heading: Any) -> bool:
    """A heading whose whole text is one link to the site's home page (a logo or a site name)."""
    links = list(heading.iter("a"))
    if len(links) != 1 or _text_of(links[0]) != _text_of(heading):
        return False
    href = (links[0].get("href") or "").strip()
    # (Or a language's home: "/fr/", "/es-es/".)
    return (
        href in ("/", "./", "index.html", "index.php")
        or (href.rstrip("/").count("/") <= 2 and "://" in href)
        or _LANGUAGE_HOME.fullmatch(href) is not None
    )


_LANGUAGE_HOME = re.compile(r"/[a-z]{2}(?:[-_][a-zA-Z]{2})?/?")


_STANDFIRST_CLASSES = frozenset(
    {
        "standfirst",
        "chapo",
        "chapeau",
        "chapô",
        "entradilla",
        "bajada",
        "sumario",
        "lead",
        "lede",
        "intro",
        "summary",
        "deck",
        "dek",
        "resume",
        "résumé",
        "description",
        "excerpt",
        "teaser",
        "subtitle",
        "subtitulo",
        "subtítulo",
        "soustitre",
        "subheading",
        "subhead",
        "strapline",
        "entradeta",
        "copete",
    }
)
# Class words of a list of other pages (related news, cards): a summary there is another page's.
_LISTING_CLASSES = frozenset({"list", "listing", "related", "card", "cards", "teasers", "more"})
_STANDFIRST_READ = 40  # elements after the headline looked at for it


def _labelled_title_cell(body: Any) -> Any:
    """The cell after a headline label (``header.title_labels``: "Title", "Titre") in a table row, or ``None``.

    A board's view (a ministry's "Press Releases View") prints its record as a table: Title / Date / Writer.
    """
    if body is None:
        return None
    labels = _title_labels()
    for row in body.iter("tr"):
        cells = [c for c in row if isinstance(c.tag, str) and _local(c) in ("th", "td")]
        if len(cells) >= 2 and _key(_text_of(cells[0])).rstrip(" :") in labels and _text_of(cells[1]):
            return cells[1]
    return None


@cache
def _title_labels() -> frozenset[str]:
    from ..locale import languages, pack

    return frozenset(_key(w) for code in languages() for w in pack(code).header.title_labels)


def _classed_standfirst(h1: Any) -> str | None:
    """The standfirst printed right after the headline as a block whose class says so ("gsc-standfirst",
    "ep-layout_chapo", "entradilla", "story-summary"), or ``None``; never one inside a menu or an aside."""
    seen = 0
    # What follows the headline in the page: its siblings, then its parent's (an <h1> inside a <header>
    # whose standfirst comes after it), up to two levels.
    following = [
        sib
        for level in (h1, h1.getparent(), h1.getparent().getparent() if h1.getparent() is not None else None)
        if level is not None
        for sib in level.itersiblings()
    ]
    for element in following:
        for node in element.iter():
            seen += 1
            if seen > _STANDFIRST_READ:
                return None
            if not isinstance(node.tag, str):
                continue
            tokens = set(re.split(r"[\s_\-]+", (node.get("class") or "").lower()))
            if (
                tokens & _STANDFIRST_CLASSES
                and not tokens & _LISTING_CLASSES  # "ccm-block-page-list-description": a related page's summary
                and not any(_local(a) in ("nav", "aside", "footer") for a in node.iterancestors())
            ):
                text = _collapse(_text_of(node))
                return text if len(text.split()) >= _STANDFIRST_MIN_WORDS else None
    return None


_STANDFIRST_MIN_WORDS = 6


def read_markup(root: Any) -> Markup:
    """What ``root``'s markup says (see the module's documentation for the order of the sources)."""
    m = Markup()
    m.language = _language_tag(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    m.site_name = _meta(root, "og:site_name") or _meta(root, "application-name")
    m.description = _meta(root, "description") or _meta(root, "og:description")
    items = _json_ld(root)
    by_id = {str(i["@id"]): i for i in items if isinstance(i.get("@id"), str)}
    article = next((i for i in items if _types(i) & _ARTICLE_TYPES), None)
    event = next((i for i in items if any(t == "Event" or t.endswith("Event") for t in _types(i))), None)
    for item in items:
        m.types |= _types(item)
    # The title: the article's <h1> (not the site's logo), else og:title, else the JSON-LD headline.
    body = root.find("body")
    h1s = [
        h
        for h in (body.iter("h1") if body is not None else [])
        if not _hidden(h) and _text_of(h) and not _in_navigation(h) and not _screen_reader_only(h)
    ]
    h1s.sort(key=lambda h: not _inside(h, ("article", "main")))
    # A site's name set as its <h1> (an old CMS's template: the headline is an <h2>) is no headline: it is
    # og:site_name, the <title>'s part after its last separator, or a heading that only links home.
    headline, site = _title_parts(root)
    named = {n for n in (m.site_name, site, *_title_names(root)) if n}
    from ..extract._data import fold
    from ..extract.vocab import header_phrases

    # (Nor a section's name set as the <h1>, "Salle de presse", with the headline in an <h3>.)
    furniture = header_phrases()
    h1 = next(
        (
            h
            for h in h1s
            if _text_of(h) not in named
            and fold(_text_of(h)) not in furniture
            and not _links_home(h)
            and not _site_heading(h)
        ),
        None,
    )
    if h1 is None and headline:
        # No <h1> for the article: the heading that the <title> names ("<h2 class="contentheading">").
        h1 = next(
            (
                h
                for tag in ("h2", "h3")
                for h in (body.iter(tag) if body is not None else [])
                if not _hidden(h)
                and _text_of(h)
                and (
                    _text_of(h).startswith(headline)
                    # (The <title> may hold more than one part before the site's name: "X - Sala de prensa - Site".)
                    or (headline.startswith(_text_of(h)) and len(_text_of(h).split()) >= _HEADING_WORDS)
                    or _site_heading_above(h, h1s)
                )
            ),
            None,
        )
    if h1 is None:
        h1 = _labelled_title_cell(body)
    if h1 is not None:
        m.title, m.title_element = _text_of(h1), h1
        m.standfirst = _classed_standfirst(h1)
    else:
        m.title = _meta(root, "og:title") or (_name(article.get("headline")) if article else None)
        if m.title and m.site_name:
            for sep in (" | ", " - ", " – ", " — "):
                if m.title.endswith(sep + m.site_name):
                    m.title = m.title[: -len(sep + m.site_name)].strip()
        # The element that prints it ("<div class="news-title">"): where the headline stands, and its standfirst.
        printed = next(
            (
                e
                for e in (body.iter("div", "p", "h2", "h3", "span", "strong") if body is not None else [])
                if m.title and not _hidden(e) and not _in_navigation(e) and _text_of(e) == m.title
            ),
            None,
        )
        if printed is not None:
            m.title_element = printed
            m.standfirst = _classed_standfirst(printed)
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            m.url = link.get("href", "").strip()
            break
    m.url = m.url or _meta(root, "og:url")
    m.published = _stamp(_meta(root, "article:published_time"))
    m.updated = _stamp(_meta(root, "article:modified_time"))
    shown: list[tuple[_dt.date, str]] = []
    for time in body.iter("time") if body is not None else ():
        # (RDFa marks it with ``property``, as Canada.ca's "Date modified": <time property="dateModified">.)
        marks = " ".join([time.get("itemprop") or "", time.get("property") or "", time.get("class") or ""]).lower()
        value = _stamp(time.get("datetime") or (time.text or "").strip())
        if value is None:
            continue
        shown.append((value, _collapse(" ".join(time.itertext()))))
        if m.published is None and (
            "datepublished" in marks or "published" in marks or time.get("pubdate") is not None
        ):
            m.published = value
        elif "datemodified" in marks or "updated" in marks or "modified" in marks:
            m.updated = m.updated or value
            m.update_shown = m.update_shown or bool(shown[-1][1])
    if article is not None:
        m.language = m.language or _language_tag(_name(article.get("inLanguage")))
        m.subtitle = _name(article.get("alternativeHeadline"))
        m.source = _name(article.get("publisher"))
        identifier = article.get("identifier")
        m.reference = _name(identifier) if not isinstance(identifier, dict) else _name(identifier.get("value"))
        m.published = _stamp(article.get("datePublished")) or m.published
        m.updated = _stamp(article.get("dateModified")) or m.updated
        dateline = _name(article.get("dateline"))
        if dateline and not any(c.isdigit() for c in dateline) and len(dateline) <= 60:
            m.dateline = dateline
        m.attendees = _people(article.get("contributor"), by_id)
        m.mentions = _people(article.get("mentions"), by_id)
        m.url = m.url or _name(article.get("url"))
    m.published = _as_shown(m.published, shown)
    m.published_clock = _clock_shown(m.published, shown)
    m.updated = _as_shown(m.updated, shown)
    if event is not None:
        m.start = _day(_stamp(event.get("startDate")))
        m.end = _day(_stamp(event.get("endDate")))
        if m.start is None or (m.end is not None and m.end < m.start):
            m.start = m.end = None
        elif m.end == m.start:
            m.end = None
        m.attendees = _people(event.get("attendee"), by_id) or m.attendees
    m.banner = _banner(body) if body is not None else []
    m.language = m.language or _language_tag(_meta(root, "og:locale"))
    for q in body.iter("q", "blockquote") if body is not None else ():
        speaker = q.get("data-speaker")
        if not speaker and _local(q) == "blockquote":
            cite = next((c for c in q if _attribution(c) and _local(c) != "figcaption"), None)
            parent = q.getparent()
            if cite is None and parent is not None and _local(parent) == "figure":
                cite = next((c for c in parent if _local(c) == "figcaption"), None)
            cited = _cited_name(cite) if cite is not None else ("", None)
            speaker = cited[0]
            if cited[0] and cited[1]:
                m.cited_roles.setdefault(_collapse(cited[0]), cited[1])
            if cite is not None and not cited[0] and _collapse(_text_of(cite)):
                # A cite that names a source, no person ("Extrait de la lettre ouverte"): nobody said it.
                words = _collapse("".join(_quoted_text(q)))
                if words:
                    m.speakers.append((words, ""))
                continue
        speaker = _collapse(speaker or "").lstrip("—–-― ").strip()
        if speaker:
            words = _collapse("".join(t for c in [q] for t in _quoted_text(c)))
            if words:
                m.speakers.append((words, speaker))
    return m


_BLOCKS = frozenset({"p", "div"})


def _cited_name(cite: Any) -> tuple[str, str | None]:
    """Who a ``<cite>``, ``<footer>`` or ``<figcaption>`` names — its first line up to a comma — and the role
    it gives after ("– Desmond Arkwright<br>MPP for Kitchener Centre", "— Amina Diallo, Minister of Water")."""
    pieces: list[str] = []

    def walk(element: Any) -> None:
        if element.text:
            pieces.append(element.text)
        for child in element:
            if _local(child) in _BLOCKS and child.tag != "br":
                pieces.append("\n")  # a name and its role often sit in two elements, or two lines
            if child.tag == "br":
                pieces.append("\n")
            else:
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(cite)
    lines = [" ".join(line.split()).strip("—–-― ") for line in "".join(pieces).split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return "", None
    name, _, rest = lines[0].partition(",")
    role = ", ".join(part for part in (rest.strip(), *lines[1:]) if part) or None
    if not _capitalised_words(name.strip(), _CITED_NAME_WORDS):
        return "", None  # "Extrait de la lettre ouverte", "Source: annual report": a source, not who said it
    return name.strip(), role


def _banner(body: Any) -> list[str]:
    out: list[str] = []
    for element in body.iter("header", "div"):
        banner = (element.get("role") or "") == "banner" or (
            _local(element) == "header" and not _inside(element, ("article", "main")) and element.find(".//h1") is None
        )
        if not banner:
            continue
        for node in element.iter():
            name = _local(node)
            if name in ("script", "style", "svg"):
                continue
            # A node's tail too: "République<br>Française" (a logo's two lines).
            texts = [node.get("alt") or "", node.tail or ""] if name == "img" else [node.text or "", node.tail or ""]
            for text in texts:
                text = _collapse(text)
                if text and len(text) < 60 and text not in out:
                    out.append(text)
    return out[:12]


_ATTRIBUTION_CLASSES = ("author", "attribution", "cite", "source", "byline")


def _attribution(child: Any) -> bool:
    """Whether a child of a quote block names who said it: a ``<cite>``, ``<footer>`` or ``<figcaption>``, or
    an element whose class says so (DSFR's ``fr-quote__author``, ``quote-attribution``, ``blockquote-source``)."""
    if _local(child) in ("cite", "footer", "figcaption"):
        return True
    if not isinstance(child.tag, str) or _local(child) in ("p", "q", "blockquote"):
        return False
    classes = (child.get("class") or "").lower()
    return any(word in classes for word in _ATTRIBUTION_CLASSES)


def _quoted_text(element: Any) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        if not _attribution(child):
            yield from _quoted_text(child)
        if child.tail:
            yield child.tail


# --------------------------------------------------------------------------- main content


_BLOCK_TAGS = frozenset({"p", "head", "list", "quote"})  # trafilatura's block elements inside a table cell


_SOFT_BREAK = "\u2028"  # a <br> inside a <p>, until the line is flushed


def _broken(raw: str, link_texts: list[str]) -> list[tuple[str, list[str]]]:
    """The lines of a paragraph's text at its ``<br>``: one line where the text after a break goes on in small
    letters ("… la agenda bilateral<br />y los preparativos …", as a browser's copy joins it), else a line each
    ("Partager X Facebook<br>Mis à jour le 13/05/2025"); each with the link texts it holds."""
    if _SOFT_BREAK not in raw:
        return [(raw, link_texts)]
    pieces: list[str] = []
    for part in raw.split(_SOFT_BREAK):
        head = part.lstrip()
        if pieces and head[:1].islower():
            pieces[-1] += " " + part
        else:
            pieces.append(part)
    if len(pieces) == 1:
        return [(pieces[0], link_texts)]
    return [(piece, [t for t in link_texts if t.strip() and t.strip() in piece]) for piece in pieces]


_META_CLASS = re.compile(r"(?:^|[\s_-])meta(?:data)?(?:$|[\s_-])", re.IGNORECASE)
_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|fecha|datum)(?:$|[\s_-])", re.IGNORECASE)


def _cell_pieces(cell: Any) -> Iterator[str]:
    """The texts of a table cell that holds blocks: its own text, each child's, and the text after each."""
    yield cell.text or ""
    for child in cell:
        yield "".join(child.itertext())
        yield child.tail or ""


def _main_blocks(root: Any) -> list[str]:
    """The texts of the blocks trafilatura keeps as the page's main content, in order."""
    import trafilatura

    tree = copy.deepcopy(root)
    for element in list(tree.iter()):
        if element.get(_SKIP_MARK) is not None and element.getparent() is not None:
            element.getparent().remove(element)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    out: list[str] = []
    for block in body:
        tag = block.tag if isinstance(block.tag, str) else ""
        if tag in ("list", "table"):
            for item in block.iter("item", "row"):
                text = _key("".join(item.itertext()))
                if not _running(text) and any(child.tag in _BLOCK_TAGS for cell in item for child in cell):
                    # A table-layout page whose cell's paragraphs run together into no sentence ("… registro
                    # civil4 de septiembre de 2025C-045/25El …"): each of them is a block of its own.
                    out.extend(piece for cell in item for raw in _cell_pieces(cell) if (piece := _key(raw)))
                elif text:
                    out.append(text)
        else:
            text = _key("".join(block.itertext()))
            if text:
                out.append(text)
    return out


_LOCATE_HEAD = 80  # letters and digits a block may hold before the first page line it is made of
_LOCATE_SCAN = 400  # page lines looked at for it (bounded: a page of thousands of lines stays linear)
_LOCATE_BEHIND = 200  # letters and digits: a block this long is looked for before the cursor too
_LOCATE_SKIP = 16  # page lines a block may skip (rows the extractor kept apart) and go on after


def _locate(blocks: Sequence[str], lines: Sequence[_Line]) -> list[tuple[str, int]]:
    """Each main block as the page lines it is made of: ``(text, index)``; ``(block, -1)`` when none is found.

    A block trafilatura joined from several lines (a short page it read as one block) gives them all.
    """
    keys = [_loose(line.text) for line in lines]
    out: list[tuple[str, int]] = []
    cursor = 0
    for block in blocks:
        loose = _loose(block)
        found = next((i for i in range(cursor, len(keys)) if keys[i] and keys[i] == loose), -1)
        if found < 0 and len(loose) >= _LOCATE_BEHIND:
            # Out of order: a long block the extractor put after the site's footer (a table layout it
            # read as several columns) is still the page's line it copies.
            found = next((i for i in range(min(cursor, len(keys))) if keys[i] == loose), -1)
        if found >= 0:
            out.append((lines[found].text, found))
            cursor = found + 1
            continue
        start = next((i for i in range(cursor, len(keys)) if len(keys[i]) >= 10 and loose.startswith(keys[i])), -1)
        if start < 0 and len(loose) >= _LOCATE_BEHIND:
            start = next(
                (i for i in range(min(cursor, len(keys))) if len(keys[i]) >= 10 and loose.startswith(keys[i])), -1
            )
            if start >= 0:
                cursor = start
        lead = 0
        if start < 0:
            # The block may open with a few lines of its own before a line of the page (a byline, a date
            # cell of a table layout): the first long line found near its head.
            start, lead = next(
                (
                    (i, at)
                    for i in range(cursor, min(len(keys), cursor + _LOCATE_SCAN))
                    if len(keys[i]) >= 10
                    and 0 < (at := loose.find(keys[i], 0, _LOCATE_HEAD + len(keys[i]))) <= _LOCATE_HEAD
                ),
                (-1, 0),
            )
        if start < 0:
            out.append((block, -1))
            continue
        rest = loose[lead + len(keys[start]) :]
        out.append((lines[start].text, start))
        cursor = start + 1
        while rest and cursor < len(keys):
            if not keys[cursor]:
                cursor += 1  # a line without letters or digits ("—", "|"): nothing of it is in the block
                continue
            at = rest.find(keys[cursor])
            if at < 0 or at > 80:
                # Lines the extractor gave to blocks of their own (a table's rows between two paragraphs):
                # the block goes on with a line a little further down.
                ahead = next(
                    (
                        j
                        for j in range(cursor + 1, min(len(keys), cursor + _LOCATE_SKIP))
                        if len(keys[j]) >= 10 and 0 <= rest.find(keys[j], 0, 80 + len(keys[j])) <= 80
                    ),
                    None,
                )
                if ahead is None:
                    break
                cursor = ahead
                continue
            out.append((lines[cursor].text, cursor))
            rest = rest[at + len(keys[cursor]) :]
            cursor += 1
    return out


def _loose(text: str) -> str:
    """Letters and digits only: the quotation marks a page adds to ``<q>`` and trafilatura's spacing aside."""
    return "".join(ch for ch in text if ch.isalnum())


def _ancestors(element: Any) -> list[Any]:
    out = []
    node = element
    while node is not None:
        out.append(node)
        node = node.getparent()
    return out


def _container(first: Any, title: Any) -> Any:
    """The element holding the article: the lowest common ancestor of its title and first block."""
    chain = _ancestors(first)
    if title is not None:
        above = {id(e) for e in _ancestors(title)}
        common = next((e for e in chain if id(e) in above), None)
        if common is not None:
            return common
    for element in chain:
        if _local(element) in ("article", "main") or (element.get("role") or "") == "main":
            return element
    return chain[1] if len(chain) > 1 else chain[0]


def _within(element: Any, container: Any) -> bool:
    return any(e is container for e in _ancestors(element))


# --------------------------------------------------------------------------- the parser


class HtmlParser(Parser):
    """Saved web pages: our own exactly (the embedded release), any other by trafilatura and the text rules."""

    name = "html"
    label = "Web page (HTML)"
    extensions = (".html", ".htm", ".xhtml")
    media_type = "text/html"
    options = (
        max_size_option(MAX_BYTES),
        Option(
            "embedded",
            str,
            "auto",
            "auto: the embedded release if valid and current, else what the page shows (with a warning); "
            "require: the embedded release or an error; ignore: always what the page shows",
            choices=("auto", "require", "ignore"),
        ),
    )

    def sniff(self, head: bytes) -> bool:
        """An HTML document: ``<!DOCTYPE html>`` or ``<html`` first (after a BOM, white space, comments)."""
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if text.startswith(b"\xff\xfe") or text.startswith(b"\xfe\xff"):
            text = head[2:].decode("utf-16-le" if head[:2] == b"\xff\xfe" else "utf-16-be", "ignore").lower().encode()
            text = text.lstrip()
        while text.startswith(b"<!--"):
            end = text.find(b"-->")
            if end < 0:
                return False
            text = text[end + 3 :].lstrip()
        if text.startswith(b"<?xml"):
            text = text[text.find(b"?>") + 2 :].lstrip()
        return text.startswith(b"<!doctype html") or text.startswith(b"<html")

    def parse(self, data: bytes | str, **options: Any) -> PressRelease:
        """Parse a page (bytes in the page's encoding, or text)."""
        mode = options.get("embedded") or "auto"
        root = parse_tree(decode(data, max_size=options.get("max_size") or MAX_BYTES))
        if mode != "ignore":
            release, problem = self._embedded(root)
            if release is not None:
                return release
            if mode == "require":
                raise ParseError(problem or "no embedded communique release in this page", format=_FORMAT)
            if problem is not None:
                warnings.warn(f"{problem}; reading what the page shows instead", CommuniqueWarning, stacklevel=2)
        try:
            return self._visible(root)
        except ParseError as exc:
            if exc.format is None or exc.format == "text":
                exc.format = _FORMAT
            raise

    # ------------------------------------------------------------------ embedded

    @staticmethod
    def _embedded(root: Any) -> tuple[PressRelease | None, str | None]:
        from .._serialize import loads
        from ..exporters.html import RELEASE_SCRIPT_ID, visible_digest

        script = next((s for s in root.iter("script") if s.get("id") == RELEASE_SCRIPT_ID), None)
        if script is None:
            return None, None
        try:
            release = loads(script.text or "", format=_FORMAT)
        except ParseError as exc:
            return None, f"the embedded release (script#{RELEASE_SCRIPT_ID}) cannot be used: {exc}"
        recorded = script.get("data-visible")
        if recorded is not None and recorded != visible_digest(_shown_texts(root)):
            return (
                None,
                "the page was edited after communique wrote it (its text no longer matches the embedded release)",
            )
        return release, None

    # ------------------------------------------------------------------ what the page shows

    def _visible(self, root: Any) -> PressRelease:
        from ..extract.release import release_from_parts
        from ..extract.segment import segment

        markup = read_markup(root)
        listing = markup.types & _LISTING_TYPES
        if listing and not markup.types & _ARTICLE_TYPES:
            raise ParseError(
                f"not a press release: the page describes itself as a {sorted(listing)[0]} (a list of pages)",
                format=_FORMAT,
            )
        walker = page_lines(root, markup.language)
        parts = compose(walker, markup, root)
        title = markup.title
        seg = segment("\n\n".join(parts))
        if title is None:
            title = seg.title
        paragraphs = [p for p in seg.paragraphs if _key(p) != _key(title)]
        subtitle = markup.subtitle or (seg.subtitle if seg.subtitle and _key(seg.subtitle) != _key(title) else None)
        if (
            subtitle is None
            and markup.standfirst is not None
            and _standfirst([markup.standfirst], markup.standfirst) == 0
            and not any(mark in markup.standfirst for mark in _OPEN_MARKS)  # its quotations stay the body's
        ):
            # A block the page marks as its standfirst, printed whole as a paragraph: the subtitle (not a
            # "lead" that opens with the dateline or runs long: the first paragraph, as admin.ch marks it).
            kept = [p for p in paragraphs if _key(p) != _key(markup.standfirst)]
            if kept:
                subtitle, paragraphs = markup.standfirst, kept
        if subtitle is None and markup.description:
            # The page's summary (meta description) printed whole above the body: the standfirst, not a
            # paragraph. (An excerpt a CMS cut from the first paragraph is cut, or opens with the dateline.)
            lead = _standfirst(paragraphs[:2], markup.description)
            if lead is not None:
                subtitle = paragraphs.pop(lead)
        masthead = [s for s in (markup.site_name, markup.source) if s] + markup.banner
        release = release_from_parts(
            title=title,
            paragraphs=paragraphs,
            date_lines=seg.header,
            language=markup.language,
            # The article's own "From:" line (a department of GOV.UK, whose JSON-LD publisher is "GOV.UK"),
            # else the JSON-LD publisher, else the site's name.
            source=seg.source or markup.source or markup.site_name,
            url=markup.url or seg.url,
            place=markup.dateline or seg.place,
            subtitle=subtitle,
            reference=markup.reference or seg.reference,
            title_derived=seg.title_derived if markup.title is None else False,
            attendees=markup.attendees or self._listed(walker, markup, seg, title) or None,
            mentions=markup.mentions,
            masthead=[*masthead, *seg.masthead],
        )
        # The days the page's header shows as plain date lines (no stamp label), as its reader sees them.
        shown = frozenset(h.read.event[0] for h in seg.header if h.read is not None and h.read.event is not None)
        return _with_markup(release, markup, shown)

    @staticmethod
    def _listed(walker: _Lines, markup: Markup, seg: Any, title: str) -> list[Attendee]:
        from ..extract.language import detect_language

        if not walker.tables:
            return []
        language = markup.language or detect_language(" ".join([*seg.paragraphs[:3], title]))
        return [a for table, columns in walker.tables for a in _table_attendees(table, columns, language)]

    @staticmethod
    def _check_release_like(blocks: Sequence[str], lines: Sequence[_Line]) -> None:
        if not blocks:
            raise ParseError("not a press release: the page has no main text (trafilatura found none)", format=_FORMAT)
        words = sum(len(b.split()) for b in blocks)
        if words < _MIN_WORDS:
            raise ParseError(
                f"not a press release: the page's main text is {words} words (a release has at least {_MIN_WORDS})",
                format=_FORMAT,
            )
        if not any(_running(b) for b in blocks):
            raise ParseError(
                "not a press release: the page's main text has no sentence (a list of titles or links: an index page)",
                format=_FORMAT,
            )
        if lines:
            entries = sum(1 for ln in lines if ln.is_link)
            linked = sum(ln.links for ln in lines)
            total = sum(len(ln.text) for ln in lines)
            listing = (entries >= 4 and entries * 3 >= len(lines)) or (total and linked * 2 > total)
            if listing and not _has_article_run(lines):
                raise ParseError(
                    f"not a press release: the page is a list of links ({entries} of its {len(lines)} main lines "
                    "are links to other pages: a search result or an index)",
                    format=_FORMAT,
                )


_ARTICLE_RUN = 3  # paragraphs of running text in a row, no link between them: an article, whatever its menus


def _has_article_run(lines: Sequence[_Line]) -> bool:
    """Whether ``lines`` hold an article's body: ``_ARTICLE_RUN`` lines of running text with no link line
    between them.  A page without an ``<article>`` whose menus trafilatura kept (a table-based town
    hall page) has one; a search result or an index, where a teaser sentence follows each link, has none."""
    run = 0
    for ln in lines:
        if ln.is_link:
            run = 0
        elif _running(ln.text):
            run += 1
            if run >= _ARTICLE_RUN:
                return True
    return False


def compose(walker: _Lines, markup: Markup, root: Any) -> list[str]:
    """The page's text for the text parser's rules: the article's header lines, its main blocks, its stamps.

    Above the first block of running text that trafilatura keeps, every line of the article (the lowest
    element holding its title and that block) is kept: section labels, dates, document numbers are
    the header the rules read, which extractors tend to drop.  From there on, only the blocks
    trafilatura keeps, then the stamps (``Last updated …``) below them.  Raises
    :class:`~communique.errors.ParseError` for a page that is not a release.
    """
    lines = walker.lines
    blocks = _main_blocks(root)
    pairs = _locate(blocks, lines)
    where = [i for _, i in pairs]
    located = [i for i in where if i >= 0]
    HtmlParser._check_release_like(blocks, [lines[i] for i in located])
    header: list[str] = []
    trailer: list[str] = []
    body: int | None = None
    container: Any = None
    # An item of a list keeps its bullet, as a browser's copy of the page shows it: the text rules tell a
    # list a sentence introduces ("… the national fisheries agencies of:" ¶ "• Fiji" ¶ "• Samoa") from a menu.
    pairs = _with_dates_shown(pairs, lines)
    main = [f"• {text}" if i >= 0 and _is_item(lines[i]) else text for text, i in pairs]
    if located:
        title = _key(markup.title or "")
        body = next(
            (k for k, i in enumerate(where) if i >= 0 and _running(lines[i].text) and _key(lines[i].text) != title),
            None,
        )
        first = where[body] if body is not None else located[0]
        last = located[-1]
        title_element = markup.title_element
        if title_element is None and title:
            # No <h1> (the headline in a styled <span>, the title from og:title): the line above the body that
            # reads as the title is where the article's header is.
            title_element = next(
                (ln.element for ln in lines[:first] if ln.element is not None and _key(ln.text) == title), None
            )
        container = _container(lines[first].element, title_element)
        header = [ln.text for ln in lines[:first] if ln.element is not None and _within(ln.element, container)]
        if not header and body is not None:
            header = main[:body]
        main = main[body:] if body is not None else main[where.index(first) :]
        trailer = _trailing_stamps(
            [ln for ln in lines[last + 1 :] if ln.element is not None and _within(ln.element, container)]
        )
        scope = container
        for _ in range(_TRAILER_LEVELS):
            # A field of its own after the body's (Drupal's "field-name-field-…date"): the article's
            # stamp a level or two up, in the few lines right after the last block.
            if trailer or scope is None or scope.getparent() is None:
                break
            scope = scope.getparent()
            near = lines[last + 1 : last + 1 + _TRAILER_LINES]
            trailer = _trailing_stamps([ln for ln in near if ln.element is not None and _within(ln.element, scope)])
    if located and body is not None:
        # Between the blocks, the article is the element holding the title and the last block: a metadata
        # list under a standfirst may sit outside the one holding the title and the first (GOV.UK's rows).
        article = _container(lines[located[-1]].element, title_element)
        main = _with_dated_lines(main, where[body:], lines, article)
    parts = [*header, *main, *trailer]
    if markup.title is not None and _key(markup.title) not in {_key(p) for p in parts}:
        parts.insert(0, markup.title)
    return parts


def _trailing_stamps(lines: Sequence[_Line]) -> list[str]:
    """The stamps after the article's last block: a stamp line, or a short label and the date on the next line
    ("Date published:" / "22 Aug 2025", gov.za), joined."""
    from ..extract.dates import parse_stamp

    out: list[str] = []
    for k, ln in enumerate(lines):
        if parse_stamp(ln.text) is not None:
            out.append(ln.text)
        elif k + 1 < len(lines) and len(ln.text.split()) <= _LABEL_WORDS:
            joined = f"{ln.text} {lines[k + 1].text}"
            if len(joined) < _STAMP_LENGTH and parse_stamp(joined) is not None:
                out.append(joined)
    return out


_LABEL_WORDS = 3
_STAMP_LENGTH = 80
_TRAILER_LEVELS = 4  # a Drupal field sits three levels over its text ("field" > "field-items" > "field-item")
_TRAILER_LINES = 12


def _with_dated_lines(main: list[str], where: Sequence[int], lines: Sequence[_Line], container: Any) -> list[str]:
    """``main`` with the article's date and stamp lines that trafilatura left out between its blocks put back
    (``Published`` / ``4 December 2023`` in a metadata list under a standfirst), with a short label before one,
    and a header label with its value (``From:`` / ``Ministry of Defence``)."""
    from ..extract.dates import parse_event_dates, parse_stamp
    from ..extract.lines import Kind, classify_lines, is_split_label

    def dated(text: str) -> bool:
        if len(text) >= 80:
            return False
        # "Communiqué de presse | 12 juin 2025": a metadata row whose pieces hold the date.
        pieces = [p for p in (p.strip() for p in text.split("|")) if p] if "|" in text else [text]
        if any(parse_stamp(p) is not None or parse_event_dates(p) is not None for p in pieces):
            return True
        # Two stamps side by side ("Fecha de publicación: 04/12/2025 Actualizado: 05/12/2025 10:14"), as the
        # text rules read them.
        return any(ch.isdigit() for ch in text) and any(row.kind is Kind.STAMP for row in classify_lines(text))

    out: list[str] = []
    previous = -1
    for text, index in zip(main, where, strict=True):
        if index >= 0:
            if previous >= 0:
                gap = [
                    ln
                    for ln in lines[previous + 1 : index]
                    if ln.element is not None and _within(ln.element, container)
                ]
                for k, ln in enumerate(gap):
                    if _list_item(ln):
                        # "Participaron:" / <ul><li>X, ministro de …;</li>…: the items of a list between two
                        # of the body's blocks are the body's, whatever the extractor kept.
                        out.append(ln.text)
                        continue
                    label = k + 1 < len(gap) and len(ln.text.split()) <= 3 and dated(gap[k + 1].text)
                    # "From:" / "Ministry of Defence": a header label and its value (the publisher).
                    sourced = k + 1 < len(gap) and is_split_label(ln.text, gap[k + 1].text)
                    valued = k > 0 and is_split_label(gap[k - 1].text, ln.text)
                    if dated(ln.text) or label or sourced or valued:
                        out.append(ln.text)
            previous = index
        out.append(text)
    return out


_DIGIT = re.compile(r"\d")


def _with_dates_shown(pairs: list[tuple[str, int]], lines: list[_Line]) -> list[tuple[str, int]]:
    """The main blocks, a block whose dates the extractor dropped ("Publié le <time>10 juin 2025</time> · Mis
    à jour le …" kept as "Publié le · Mis à jour le") given back as the page shows it: the one line between
    its located neighbours that holds its words in order, and digits it lacks."""
    out = list(pairs)
    for k, (text, i) in enumerate(pairs):
        if i >= 0 or _DIGIT.search(text) or not 0 < k < len(pairs) - 1:
            continue
        before, after = pairs[k - 1][1], pairs[k + 1][1]
        if before < 0 or after != before + 2:
            continue
        shown = lines[before + 1].text
        words = iter(shown.split())
        if _DIGIT.search(shown) and all(w in words for w in text.split()):
            out[k] = (shown, before + 1)
    return out


def _is_item(line: _Line) -> bool:
    """Whether ``line`` is the text of an ``<li>``."""
    return line.element is not None and _local(line.element) == "li"


_LIST_ITEM_WORDS = 4  # an item of fewer words is a menu's or a tag's, not a sentence of the body


def _list_item(line: _Line) -> bool:
    """Whether ``line`` is an item of a list of the body: an ``<li>`` of words, not of links."""
    element = line.element
    return (
        element is not None
        and _local(element) == "li"
        and not line.is_link
        and line.links * 2 < len(line.text)
        and len(line.text.split()) >= _LIST_ITEM_WORDS
    )


def _standfirst(paragraphs: Sequence[str], description: str) -> int | None:
    """The index of the paragraph that is the page's description, whole, when it reads as a standfirst."""
    from ..extract.dateline import read_dateline
    from ..extract.segment import STANDFIRST_WORDS

    want = _key(description)
    for i, text in enumerate(paragraphs):
        if _key(text) == want and len(text.split()) <= STANDFIRST_WORDS and read_dateline(text) is None:
            return i
    return None


def _running(text: str) -> bool:
    """Running text: a sentence of eight words or more (a headline has no full stop at its end nor inside)."""
    text = text.rstrip(" \u00a0»”’\"')")
    return len(text.split()) >= 8 and (text[-1:] in ".!?:;" or ". " in text)


def _shown_texts(root: Any) -> list[str]:
    """The title and paragraphs of a page written by the ``html`` exporter, as the page shows them now."""
    article = next((a for a in root.iter("article") if "release" in (a.get("class") or "").split()), None)
    if article is None:
        return []
    h1 = next(article.iter("h1"), None)
    texts = ["".join(h1.itertext())] if h1 is not None else []
    body = next((d for d in article.iter("div") if "release-body" in (d.get("class") or "").split()), None)
    if body is not None:
        texts.extend("".join(p.itertext()) for p in body.iter("p"))
    return texts


def _as_shown(value: _dt.date | None, shown: Sequence[tuple[_dt.date, str]]) -> _dt.date | None:
    """A markup stamp at the precision the page shows it: the day a ``<time>`` of that instant displays.

    ``<time datetime="2026-05-14T06:00:00Z">14 May 2026</time>`` shows a day, so the release's stamp is that
    day, as a reader (and the text parser on the page's copy) has it; one that shows a clock time gives that
    time, with the zone only if it shows one.
    """
    from ..extract.dates import parse_date, parse_stamp, shows_clock_time
    from ..model import stamp_day

    if not isinstance(value, _dt.datetime):
        return value
    for marked, text in shown:
        if not isinstance(marked, _dt.datetime):
            continue
        if (marked.tzinfo is None) != (value.tzinfo is None):
            # One written with its offset, one without (JSON-LD and the <time> of one CMS): the wall clock.
            marked, value_wall = marked.replace(tzinfo=None), value.replace(tzinfo=None)
        else:
            value_wall = value
        if abs((marked - value_wall).total_seconds()) > 60:
            continue
        if not any(c.isdigit() for c in text):
            return value
        if shows_clock_time(text):
            # "14 May 2026, 09:00": the day and time it shows (and its zone, if it shows one).
            try:
                stamp = parse_stamp(text)
            except ParseError:
                stamp = None
            return stamp.value if stamp is not None and stamp_day(stamp.value) == _day(marked) else value
        try:
            day = parse_date(text)
        except ParseError:
            day = None
        if day is None or abs((day - value.date()).days) > 1:
            day = marked.date()
        return day
    return value


def _clock_shown(value: _dt.date | None, shown: Sequence[tuple[_dt.date, str]]) -> bool:
    """Whether a ``<time>`` of instant ``value`` (to the minute, in its wall clock) shows a clock time."""
    from ..extract.dates import shows_clock_time

    if not isinstance(value, _dt.datetime):
        return False
    wall = value.replace(tzinfo=None)
    return any(
        isinstance(marked, _dt.datetime)
        and abs((marked.replace(tzinfo=None) - wall).total_seconds()) <= 60
        and shows_clock_time(text)
        for marked, text in shown
    )


def _shown_stamp(shown: _dt.date | None, marked: _dt.date | None) -> _dt.date | None:
    """The stamp of a release from what the page shows and what its markup says.

    The markup's value where the page shows none, or shows another day; where the page shows the same
    day (the markup's instant within a day of it, as a ``Z`` time may fall on the eve), the stamp as the
    page shows it: a reader of the page sees "14 Oct 2025", not the CMS's ``10:30:00+02:00``, and the text
    parser reads that same page's copy the same way.
    """
    from ..model import stamp_day

    if marked is None or shown is None:
        return marked if marked is not None else shown
    gap = abs((stamp_day(marked) - stamp_day(shown)).days)
    if gap == 0 or (gap == 1 and isinstance(marked, _dt.datetime) and marked.tzinfo is not None):
        return shown
    return marked


def _merged_dates(found: Dates, markup: Markup, shown: frozenset[_dt.date] = frozenset()) -> Dates:
    """The markup's dates where it gives them, the text's elsewhere; a pair the model refuses loses the text's part.

    ``shown`` are the days the page's header shows as date lines.
    """
    from ..model import Dates

    start, end = (markup.start, markup.end) if markup.start is not None else (found.start, found.end)
    published = _shown_stamp(found.published, markup.published)
    if (
        markup.published_clock
        and isinstance(markup.published, _dt.datetime)
        and not isinstance(published, _dt.datetime)
    ):
        # The <time> shows the clock ("Posted on 3 March 2025 at 9:40 am by …"), which the text's line, read
        # whole, lost: the time as shown.
        published = markup.published
    if (
        found.published is None
        and not markup.published_clock
        and isinstance(published, _dt.datetime)
        and (
            published.date() in shown
            or (found.start is not None and found.end is None and found.start == published.date())
        )
    ):
        # The page shows the markup's day as its date line, with no time ("5 de agosto de 2025"): that day.
        # (Its date line, or the release's day when that is all the text gives: the event's days of the
        # lead may differ, "… held on 20 and 21 May" under "22 May 2026".)
        published = published.date()
    # A CMS rewrites its modification time on every save (a typo fixed, a tag added, often the minute it
    # published): an update the page does not show is not one the publisher announces.
    shows_update = found.updated is not None or markup.update_shown
    updated = _shown_stamp(found.updated, markup.updated) if shows_update else None
    for candidate in (
        (published, updated),
        (markup.published, markup.updated) if markup.published or markup.updated else (published, None),
        (published, None),
        (None, None),
    ):
        try:
            return Dates(start=start, end=end, published=candidate[0], updated=candidate[1])
        except ValidationError:
            continue
    return Dates(start=start, end=end)


def _with_markup(release: PressRelease, markup: Markup, shown: frozenset[_dt.date] = frozenset()) -> PressRelease:
    """``release`` (read from the text) with what the markup says instead, where it says something;
    ``shown`` are the days the page's header shows as date lines."""
    from ..model import PressRelease

    header = release.header
    if markup.dateline and header.dateline != markup.dateline:
        header = attrs.evolve(header, dateline=markup.dateline)
    dates = _merged_dates(release.dates, markup, shown)
    if dates.start is None and (dates.published is not None or dates.updated is not None):
        # No event day anywhere, the markup's publication stamp known: the release tells of its own day,
        # or of the day its lead names ("… on Sunday evening"), as the text parser reads a stamp-only page.
        from ..extract.release import event_days

        texts = [p.text for p in release.paragraphs]
        dates = event_days(texts, dates, header.language, subtitle=header.subtitle)
    quotes = list(release.quotes)
    attendees = list(release.attendees)
    if markup.speakers:
        names = {a.name: i for i, a in enumerate(attendees) if a.name is not None}
        said = {_loose(words): who for words, who in markup.speakers}
        groups: dict[int, str] = {}
        for i, q in enumerate(quotes):
            who = said.get(_loose(q.text))
            if who == "":
                if q.group is None:  # (the parts of a quotation over paragraphs keep one speaker)
                    quotes[i] = attrs.evolve(q, speaker=None, attendee=None)  # a source's words, no person's
                continue
            if who is None or q.speaker == who:
                continue
            if who not in names and _person_like(who):
                # The person a quote block's cite names takes part (its role: the cite's second line).
                attendees.append(_cited_attendee(who, markup.cited_roles.get(who), header.language))
                names[who] = len(attendees) - 1
            if q.group is not None:
                groups[q.group] = who
            quotes[i] = attrs.evolve(q, speaker=who, attendee=names.get(who))
        if groups:
            quotes = [
                attrs.evolve(q, speaker=groups[q.group], attendee=names.get(groups[q.group]))
                if q.group in groups
                else q
                for q in quotes
            ]
    try:
        return PressRelease(
            header=header,
            dates=dates,
            paragraphs=release.paragraphs,
            quotes=quotes,
            attendees=attendees,
            mentions=release.mentions,
        )
    except ValidationError:
        return attrs.evolve(release, header=header, dates=dates)


def _person_like(name: str) -> bool:
    """Two to five capitalised words: a person's name, not "The Ministry" or a slogan's author line."""
    return len(name.split()) >= 2 and _capitalised_words(name, 5)


def _capitalised_words(text: str, most: int) -> bool:
    """Whether ``text`` is one to ``most`` words, each capitalised but a name's particle ("Jan van der Berg",
    "María de los Ángeles"): the shape of a name, not of a phrase of common words."""
    words = text.replace("\u00a0", " ").replace("’", "'").split()
    return 0 < len(words) <= most and all(
        w[:1].isupper() or w.lower() in _NAME_PARTICLES or w[:1] in "'(" for w in words
    )


_NAME_PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "da",
        "do",
        "dos",
        "du",
        "di",
        "la",
        "le",
        "los",
        "las",
        "y",
        "e",
        "bin",
        "ben",
        "al",
        "el",
    }
)
_CITED_NAME_WORDS = 7  # a cite's name with its courtesy title ("H.E. Mr. Juan Carlos de la Vega Ruiz")


def _cited_attendee(name: str, role: str | None, language: str) -> Attendee:
    from ..extract.roles import from_role
    from ..model import Attendee

    if not role:
        return Attendee(name=name)
    written, organization, country, _ = from_role(role, language)
    return Attendee(name=name, role=written or None, organization=organization, country=country)
