"""``newsml`` parser: an IPTC NewsML-G2 ``newsItem`` into a release.

The input goes through communique's one safe XML configuration
(:mod:`communique._xml`: no DOCTYPE, so no external entity and no entity
expansion, no network, size and nesting limits) and is validated against the
official NewsML-G2 2.35 schema (option ``validate``, on by default; every
NewsML-G2 2.x item is meant to validate against the newest 2.x schema, so
older items, 2.2x included, are checked against it too), the first problem
reported with its line and element.

**Items communique wrote** carry the release in their inline NITF, marked
with communique's ``cq:version`` (see :mod:`communique.exporters.newsml`):
the parser reads that NITF exactly, with the ``nitf`` parser, so
``parse(render(r, "newsml"), "newsml") == r``.

**Items written by others** are read from their NewsML-G2 metadata and their
text, the metadata winning where both say something:

* title: ``contentMeta/headline`` (the first), else the title of the inline
  content (NITF ``hl1``, XHTML ``h1``/``title``); neither is an error;
* language: ``contentMeta/language@tag``, else the item's ``xml:lang``, else
  the inline NITF's, else detected from the text;
* source: ``contentMeta/creator/name``, else ``itemMeta/provider/name``;
* dateline: ``contentMeta/located/name``, else ``contentMeta/dateline``, else
  the event's ``location``, else what the text gives;
* url: ``itemMeta/link@href`` with ``rel="irel:seeAlso"`` when it is a web
  address; reference: the first ``altId`` without a ``type``;
* subtitle: ``contentMeta/description@role="drol:summary"`` (white space
  collapsed to one line);
* published: ``contentCreated``, else ``firstCreated``; updated:
  ``contentModified``, else ``versionCreated`` when it is later than
  publication; a value without a time (``2018-05-22``) is a date-only stamp;
* event days: ``eventDetails/dates/start`` and ``end`` of an ``assert``;
* paragraphs: the inline content: NITF (``application/nitf+xml``, read by the
  ``nitf`` parser, quotes and people from its markup when it has any), XHTML
  (``application/xhtml+xml`` or ``text/html``: the ``<p>`` of its body), or
  plain text (``inlineData`` ``text/plain``: paragraphs at blank lines);
  quotes, speakers and, without markup, attendees are found by the same
  extraction as the ``text`` parser's;
* attendees: also the ``participant`` persons of ``eventDetails`` and the
  ``subject`` of type ``cpnat:person`` (``name``; ``definition`` as the role;
  ``personDetails/affiliation`` or a ``related`` ``cpnat:organisation`` as the
  organisation; a ``related`` ``cpnat:geoArea`` with an ``iso3166-1a2:`` qcode
  as the country), added after those the text gives.

**A newsMessage** (the envelope that carries several items) holding one
``newsItem`` is read as that item.  Holding several, it is refused with a
:class:`~communique.errors.ParseError` that lists them, unless the option
``item`` says which one to read (1 for the first): a release is one item,
and reading only the first silently would lose the others.

**Other item kinds** (``packageItem``, ``conceptItem``, ``knowledgeItem``,
``planningItem``, ``catalogItem``) are refused with an error naming the kind
and what it holds.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import ParseError, ValidationError
from ..model import Attendee, Dates, Header, PressRelease
from ..plugins import Option, Parser, max_size_option

if TYPE_CHECKING:
    from lxml import etree

NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
SCHEMA = "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"
NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
NITF_EXTENSION = "urn:communique:nitf:1"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
UNKNOWN_VERSION_CREATED = "1970-01-01T00:00:00Z"
"""The ``versionCreated`` communique writes for a release without any stamp: read as no stamp."""
_G = "{" + NAMESPACE + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORMAT = "newsml"
_SPACE = re.compile(r"[ \t\r\n]+")  # XML white space (a no-break space is text)
_OTHER_ITEMS = {
    "packageItem": "a package item: a structured collection of references to other items, not a story",
    "conceptItem": "a concept item: knowledge about one concept (a person, an organisation, a place, an event), "
    "not a story",
    "knowledgeItem": "a knowledge item: a collection of concepts such as a controlled vocabulary, not a story",
    "planningItem": "a planning item: news coverage planning, not a story",
    "catalogItem": "a catalog item: scheme aliases for qcodes, not a story",
}
_ROOTS = ("newsItem", "newsMessage", *_OTHER_ITEMS)
_SNIFF_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_COMMENT = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)


def _located(element: etree._Element, message: str) -> ParseError:
    from .._xml import describe

    line = element.sourceline
    return ParseError(message, line=line if isinstance(line, int) else None, element=describe(element), format=_FORMAT)


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip(" ")


def _text(element: etree._Element | None) -> str | None:
    """The element's text, white space collapsed; ``None`` when absent or blank."""
    if element is None:
        return None
    text = _collapse("".join(str(t) for t in element.itertext()))
    return text or None


def _g(element: etree._Element | None, path: str) -> etree._Element | None:
    if element is None:
        return None
    return element.find("/".join(_G + part for part in path.split("/")))


def _gall(element: etree._Element | None, path: str) -> list[etree._Element]:
    if element is None:
        return []
    return element.findall("/".join(_G + part for part in path.split("/")))


# --------------------------------------------------------------------------- the item


def _the_item(root: etree._Element, choice: int) -> etree._Element:
    """The ``newsItem`` to read: the root, or the chosen one of a ``newsMessage``."""
    from .._xml import local_name, namespace

    name = local_name(root)
    if namespace(root) != NAMESPACE or name not in _ROOTS:
        where = f" in the namespace {namespace(root)!r}" if namespace(root) else ""
        raise _located(
            root,
            f"not NewsML-G2: the root element is <{name}>{where}; a NewsML-G2 news item is a <newsItem> "
            f"in the namespace {NAMESPACE!r}",
        )
    if name in _OTHER_ITEMS:
        raise _located(
            root,
            f"this NewsML-G2 document is a <{name}>, {_OTHER_ITEMS[name]}; communique reads a <newsItem> (one story)",
        )
    if name == "newsItem":
        if choice > 1:
            raise _located(root, f"option item={choice}: the document is a single <newsItem>, not a newsMessage")
        return root
    items = [e for e in _gall(root, "itemSet/*") if isinstance(e.tag, str)]
    news = [e for e in items if local_name(e) == "newsItem"]
    if not news:
        kinds = ", ".join(sorted({f"<{local_name(e)}>" for e in items})) or "no item at all"
        raise _located(root, f"the newsMessage holds no <newsItem> (it holds {kinds}); communique reads news items")
    if choice:
        if choice > len(news):
            raise _located(root, f"option item={choice}: the newsMessage holds {len(news)} news items")
        return news[choice - 1]
    if len(news) > 1:
        listed = "; ".join(f"{i}: {e.get('guid')!r}" for i, e in enumerate(news[:10], 1))
        more = f" and {len(news) - 10} more" if len(news) > 10 else ""
        raise _located(
            root,
            f"the newsMessage holds {len(news)} news items ({listed}{more}); a release is one item: choose one "
            "with the parser option item=N, 1 for the first (communique.parse(data, 'newsml', item=1))",
        )
    return news[0]


def _check_version(item: etree._Element) -> None:
    raw = (item.get("standardversion") or "").strip()
    major = raw.partition(".")[0]
    if raw and major != "2":
        raise _located(item, f"standardversion={raw!r}: communique reads NewsML-G2 2.x items")


# --------------------------------------------------------------------------- dates


def _stamp(element: etree._Element | None) -> _dt.date | None:
    """A NewsML-G2 date or date-time as a stamp (a date when there is no time); ``None`` when truncated."""
    if element is None:
        return None
    raw = (element.text or "").strip()
    if not raw:
        return None
    try:
        if "T" in raw:
            return _dt.datetime.fromisoformat(raw)
        if len(raw) == 10:
            return _dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise _located(element, f"{raw!r} is not a valid date: {exc}") from None
    return None  # a year or a month alone says too little for the model


def _day(element: etree._Element | None) -> _dt.date | None:
    value = _stamp(element)
    return value.date() if isinstance(value, _dt.datetime) else value


def _comparable(a: _dt.date, b: _dt.date) -> bool:
    if isinstance(a, _dt.datetime) and isinstance(b, _dt.datetime):
        return (a.tzinfo is None) == (b.tzinfo is None)
    return True


def _midnight_of(version: _dt.date, published: _dt.date | None) -> bool:
    """Whether ``version`` is the midnight (no time zone) communique writes for a date-only ``published``."""
    return (
        isinstance(version, _dt.datetime)
        and published is not None
        and not isinstance(published, _dt.datetime)
        and version == _dt.datetime.combine(published, _dt.time())
    )


def _dates(item: etree._Element, event: etree._Element | None) -> tuple[Dates, bool]:
    """The item's dates, and whether it gave any."""
    from ..model import stamp_before

    meta = _g(item, "itemMeta")
    content = _g(item, "contentMeta")
    published = _stamp(_g(content, "contentCreated")) or _stamp(_g(meta, "firstCreated"))
    updated = _stamp(_g(content, "contentModified"))
    if updated is None:
        version_el = _g(meta, "versionCreated")
        version = _stamp(version_el) if version_el is not None and version_el.text != UNKNOWN_VERSION_CREATED else None
        if (
            version is not None
            and (
                published is None
                or (_comparable(published, version) and not stamp_before(version, published) and version != published)
            )
            and not _midnight_of(version, published)
        ):
            updated = version
    if (
        published is not None
        and updated is not None
        and (not _comparable(published, updated) or stamp_before(updated, published))
    ):
        updated = None
    start = end = None
    if event is not None:
        start = _day(_g(event, "dates/start"))
        end = _day(_g(event, "dates/end")) if start is not None else None
    try:
        dates = Dates(start=start, end=end, published=published, updated=updated)
    except ValidationError as exc:
        raise _located(event if event is not None else item, f"dates.{exc.path}: {exc.message}") from None
    return dates, any(v is not None for v in (start, end, published, updated))


# --------------------------------------------------------------------------- people


def _country(concept: etree._Element) -> str | None:
    for related in _gall(concept, "related"):
        qcode = related.get("qcode") or ""
        scheme, _, code = qcode.partition(":")
        if related.get("type") == "cpnat:geoArea" and scheme == "iso3166-1a2" and re.fullmatch("[A-Za-z]{2}", code):
            return code.upper()
    return None


def _person(concept: etree._Element) -> dict[str, Any] | None:
    """Attendee fields from a ``participant`` or a ``subject``; ``None`` when it is not a person."""
    kind = concept.get("type")
    if kind not in (None, "cpnat:person"):
        return None
    fields: dict[str, Any] = {
        "name": _text(_g(concept, "name")),
        "role": _text(_g(concept, "definition")),
        "organization": _text(_g(concept, "personDetails/affiliation/name")),
        "country": _country(concept),
    }
    if fields["organization"] is None:
        for related in _gall(concept, "related"):
            if related.get("type") == "cpnat:organisation" and _text(_g(related, "name")):
                fields["organization"] = _text(_g(related, "name"))
                break
    if fields["name"] is None and fields["role"] is None:
        return None
    return fields


def _people(item: etree._Element, event: etree._Element | None) -> list[tuple[dict[str, Any], etree._Element]]:
    """The persons the metadata names: the event's participants, then person subjects (merged by name)."""
    found: list[tuple[dict[str, Any], etree._Element]] = []
    by_name: dict[str, dict[str, Any]] = {}
    concepts = _gall(event, "participant") + _gall(item, "contentMeta/subject")
    for concept in concepts:
        fields = _person(concept)
        if fields is None or (concept.get("type") is None and concept.tag == _G + "subject"):
            continue
        name = fields["name"]
        if name is not None and name in by_name:
            known = by_name[name]
            for key, value in fields.items():
                if known.get(key) is None:
                    known[key] = value
            continue
        if name is not None:
            by_name[name] = fields
        found.append((fields, concept))
    return found


def _attendees(
    people: list[tuple[dict[str, Any], etree._Element]], known: tuple[Attendee, ...], mentioned: set[str]
) -> list[Attendee]:
    """``known`` with what the metadata adds (an organisation, a country), then the persons it adds."""
    out = list(known)
    index = {a.name: i for i, a in enumerate(out) if a.name is not None}
    for fields, concept in people:
        name = fields["name"]
        try:
            if name is not None and name in index:
                a = out[index[name]]
                fill = {k: v for k, v in fields.items() if k != "role" and v is not None and getattr(a, k) is None}
                if fill:
                    out[index[name]] = attrs.evolve(a, **fill)
            elif name is None or name not in mentioned:
                out.append(Attendee(**fields))
        except ValidationError as exc:
            raise _located(concept, f"attendee: {exc.path}: {exc.message}") from None
    return out


# --------------------------------------------------------------------------- content


def _content(item: etree._Element) -> tuple[str, etree._Element | str | None]:
    """The rendition to read: ``("nitf", element)``, ``("xhtml", element)``, ``("text", str)`` or ``("none", None)``."""
    content_set = _g(item, "contentSet")
    if content_set is None:
        return "none", None
    found: list[str] = []
    xhtml: etree._Element | None = None
    text: str | None = None
    for rendition in content_set:
        if not isinstance(rendition.tag, str):
            continue
        local = rendition.tag.rpartition("}")[2]
        kind = (rendition.get("contenttype") or "").split(";")[0].strip().lower()
        found.append(f"{local} {kind}".strip())
        if local == "inlineXML":
            child = next((c for c in rendition if isinstance(c.tag, str)), None)
            if child is None:
                continue
            if child.tag in (f"{{{NITF_NAMESPACE}}}nitf", "nitf"):
                return "nitf", child
            if xhtml is None and (child.tag in (f"{{{XHTML_NAMESPACE}}}html", "html") or "html" in kind):
                xhtml = child
        elif local == "inlineData" and text is None and kind in ("", "text/plain"):
            text = rendition.text or ""
    if xhtml is not None:
        return "xhtml", xhtml
    if text is not None:
        return "text", text
    raise _located(
        content_set,
        f"the newsItem's contentSet holds no text communique reads (found: {', '.join(found) or 'nothing'}); "
        "it reads inline NITF (application/nitf+xml), XHTML (application/xhtml+xml) or plain text",
    )


def _xhtml_parts(html: etree._Element) -> tuple[str | None, list[str]]:
    """An XHTML rendition's title (its first ``h1``, else ``title``) and the text of its ``<p>`` elements."""
    from .._xml import local_name

    title: str | None = None
    paragraphs: list[str] = []
    heading: str | None = None
    for element in html.iter():
        if not isinstance(element.tag, str):
            continue
        name = local_name(element)
        if name == "title" and title is None:
            title = _text(element)
        elif name == "h1" and heading is None:
            heading = _text(element)
        elif name == "p":
            text = _text(element)
            if text:
                paragraphs.append(text)
    return heading or title, paragraphs


def _nitf_copy(nitf: etree._Element, headline: str | None, language: str | None) -> etree._Element:
    """A detached copy of a foreign NITF, given the item's headline (when it has no title) and language."""
    from .._xml import namespace

    doc = copy.deepcopy(nitf)
    prefix = "{" + (namespace(doc) or "") + "}" if namespace(doc) else ""
    if language and not doc.get("baselang"):
        doc.set("baselang", language)
    has_title = any(_text(e) for e in doc.iter(prefix + "title", prefix + "hl1"))
    if headline and not has_title:
        from lxml import etree

        body = doc.find(prefix + "body")
        if body is None:
            body = etree.SubElement(doc, prefix + "body")
        body_head = body.find(prefix + "body.head")
        if body_head is None:
            body_head = etree.Element(prefix + "body.head")
            body.insert(0, body_head)
        hedline = etree.Element(prefix + "hedline")
        etree.SubElement(hedline, prefix + "hl1").text = headline
        body_head.insert(0, hedline)
    return doc


def _is_ours(nitf: etree._Element) -> bool:
    return nitf.get(f"{{{NITF_EXTENSION}}}version") is not None


# --------------------------------------------------------------------------- the release


def release_from_document(
    root: etree._Element, *, validate: bool = True, item: int = 0, data: bytes | None = None
) -> PressRelease:
    """Build a release from a parsed ``newsItem`` (or a ``newsMessage`` holding one).

    ``data``, the bytes ``root`` was parsed from, spares serialising it again for a linear validation.
    """
    from .._xml import load_schema
    from .._xml import validate as check
    from .nitf import release_from_document as from_nitf

    news = _the_item(root, item)
    _check_version(news)
    if validate:
        check(load_schema(SCHEMA), root, format=_FORMAT, what="the NewsML-G2 2.35 schema", data=data)
    kind, content = _content(news)
    if kind == "nitf" and _is_ours(content):  # type: ignore[arg-type]
        # communique's own item: its NITF holds the release exactly (detached, so that the item's
        # dates are not taken as the NITF's fallbacks).
        return _as_newsml(lambda: from_nitf(copy.deepcopy(content), validate=validate))  # type: ignore[arg-type]

    meta = _g(news, "itemMeta")
    content_meta = _g(news, "contentMeta")
    headline = _text(_g(content_meta, "headline"))
    language_el = _g(content_meta, "language")
    tag = (language_el.get("tag") or "").strip() if language_el is not None else ""
    language = tag or (news.get(_XML_LANG) or "").strip() or None
    source = _text(_g(content_meta, "creator/name")) or _text(_g(meta, "provider/name"))
    event = next((e for e in _gall(news, "assert/eventDetails")), None)
    place = (
        _text(_g(content_meta, "located/name"))
        or _text(_g(content_meta, "dateline"))
        or _text(_g(event, "location/name"))
    )
    url = None
    for link in _gall(meta, "link"):
        href = (link.get("href") or "").strip()
        if link.get("rel") == "irel:seeAlso" and href.startswith(("http://", "https://")):
            url = href
            break
    reference = next((_text(a) for a in _gall(content_meta, "altId") if a.get("type") is None and _text(a)), None)
    subtitle = next(
        (_text(d) for d in _gall(content_meta, "description") if d.get("role") == "drol:summary" and _text(d)), None
    )
    dates, any_date = _dates(news, event)
    people = _people(news, event)

    if kind == "nitf":
        release = _as_newsml(
            lambda: from_nitf(_nitf_copy(content, headline, language), validate=validate)  # type: ignore[arg-type]
        )
        return _overlay(
            news,
            release,
            headline,
            language,
            source,
            place,
            url,
            reference,
            subtitle,
            dates if any_date else None,
            people,
        )
    if kind == "xhtml":
        title, paragraphs = _xhtml_parts(content)  # type: ignore[arg-type]
    elif kind == "text":
        blocks = re.split(r"\n[ \t\r]*\n", str(content))
        title, paragraphs = None, [_collapse(p) for p in blocks if _collapse(p)]
    else:
        title, paragraphs = None, []
    title = headline or title
    if not title:
        raise _located(news, "the newsItem has no headline (contentMeta/headline), and its content has no title")
    from ..extract import release_from_parts

    try:
        release = release_from_parts(
            title=title,
            paragraphs=paragraphs,
            language=language,
            source=source,
            url=url,
            dates=dates if any_date else None,
            place=place,
            subtitle=subtitle,
            reference=reference,
        )
    except ParseError as exc:
        exc.format = _FORMAT
        raise
    except ValidationError as exc:
        raise _located(news, f"{exc.path}: {exc.message}" if exc.path else exc.message) from None
    return _overlay(news, release, None, None, None, place, None, None, None, None, people)


def _as_newsml(build: Any) -> PressRelease:
    """Run the ``nitf`` parser on the item's NITF, its errors reported as this format's."""
    try:
        release: PressRelease = build()
    except ParseError as exc:
        if "no title" in exc.message:
            exc.message = "the newsItem has no headline (contentMeta/headline), and its NITF has no title"
        exc.message = f"in the inline NITF: {exc.message}"
        exc.format = _FORMAT
        raise
    return release


def _overlay(
    news: etree._Element,
    release: PressRelease,
    headline: str | None,
    language: str | None,
    source: str | None,
    place: str | None,
    url: str | None,
    reference: str | None,
    subtitle: str | None,
    dates: Dates | None,
    people: list[tuple[dict[str, Any], etree._Element]],
) -> PressRelease:
    """``release`` with what the item's metadata says instead, and the persons it names added."""
    h = release.header
    quotes = release.quotes
    if headline is not None and headline != h.title:
        quotes = tuple(q for q in quotes if not q.in_title)  # they pointed into the other title
    mentioned = {a.name for a in release.mentions if a.name is not None}
    try:
        header = Header(
            title=headline or h.title,
            subtitle=subtitle if subtitle is not None else h.subtitle,
            language=language or h.language,
            source=source if source is not None else h.source,
            url=url if url is not None else h.url,
            dateline=place if place is not None else h.dateline,
            reference=reference if reference is not None else h.reference,
            title_derived=h.title_derived and headline is None,
        )
        d = release.dates
        if dates is not None:
            d = Dates(
                start=dates.start if dates.start is not None else d.start,
                end=dates.end if dates.start is not None else d.end,
                published=dates.published if dates.published is not None else d.published,
                updated=dates.updated if dates.published is not None or dates.updated is not None else d.updated,
            )
        return attrs.evolve(
            release,
            header=header,
            dates=d,
            quotes=quotes,
            attendees=_attendees(people, release.attendees, mentioned),
        )
    except ValidationError as exc:
        raise _located(news, f"{exc.path}: {exc.message}" if exc.path else exc.message) from None


class NewsmlParser(Parser):
    """Reads a NewsML-G2 ``newsItem`` (validated against the 2.35 schema), or one from a ``newsMessage``."""

    name = "newsml"
    label = "NewsML-G2 2.35 news item (IPTC)"
    extensions = (".newsml.xml", ".newsml")
    media_type = "application/vnd.iptc.g2.newsitem+xml"
    options = (
        Option("validate", bool, True, "check the item against the official NewsML-G2 2.35 schema before reading it"),
        Option(
            "item",
            int,
            0,
            "which newsItem of a newsMessage to read, counting from 1 (0: the only one; a message with several "
            "is refused)",
        ),
        max_size_option(16 * 2**20),
    )

    def parse(
        self, data: bytes, *, validate: bool = True, item: int = 0, max_size: int = 16 * 2**20, **options: Any
    ) -> PressRelease:
        """Build a release from a NewsML-G2 news item."""
        from .._xml import parse_bytes

        if type(item) is not int or item < 0:
            raise ParseError(f"option item={item!r} must be 0 or a positive item number", format=_FORMAT)
        root = parse_bytes(data, format=_FORMAT, max_bytes=max_size)
        return release_from_document(root, validate=validate, item=item, data=data)

    def sniff(self, head: bytes) -> bool:
        """Recognise a NewsML-G2 item or message: its root element, in the NewsML-G2 namespace."""
        if NAMESPACE.encode() not in head:
            return False
        found = _SNIFF_ROOT.search(_COMMENT.sub(b"", head))
        return found is not None and found.group(1).decode("ascii", "replace") in _ROOTS
