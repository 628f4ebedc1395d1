"""``nitf`` parser: IPTC NITF 3.6 and older NITF 3.x into a release.

Reads what agency and newsroom systems send:

* NITF 3.6 in its namespace ``http://iptc.org/std/NITF/2006-10-18/``, as a
  document of its own or wrapped in a NewsML-G2 item (``<inlineXML>``); it is
  validated against the official schema first (option ``validate``, on by
  default), the first problem reported with its line and element;
* older, un-namespaced NITF 3.x (3.0 – 3.5, often DTD-era agency feeds),
  read as is (there is no schema to check it against).

The input goes through communique's one safe XML configuration
(:mod:`communique._xml`): a DOCTYPE, as old NITF files sometimes carry, is
refused; remove it first.

Where things come from (the first one found wins):

* title: ``head/title``, else ``body.head/hedline/hl1``;
* language: ``nitf@baselang``, else the nearest ``xml:lang``;
* source: ``body.head/distributor``, else ``rights/rights.owner``;
* subtitle: ``body.head/hedline/hl2`` (the first);
* url: ``docdata/doc-id`` written by communique, or any ``doc-id`` whose
  ``id-string`` is an http(s) address;
* reference: the ``doc-id`` written by communique (``cq:field="reference"``),
  or in another document the first ``doc-id`` whose ``id-string`` is not an
  address (the document's own identifier);
* whether the title was derived: ``hl1@cq:derived``;
* dateline: ``body.head/dateline/location/city`` (or the dateline's
  ``<location>``, or its own text without the ``<story.date>``), else (in
  a document without quote or person markup) the dateline the text
  extraction finds at the start of the first paragraph, else
  ``docdata/evloc@city``;
* published: ``docdata/date.issue@norm``, else ``pubdata@date.publication``,
  else ``dateline/story.date@norm``, else NewsML-G2's ``contentCreated``;
* updated: the latest ``revision-history@norm``, else NewsML-G2's
  ``versionCreated``;
* a stamp is a date only (no invented midnight) when communique marked it
  ``cq:precision="date"`` or when it has no time (``norm="20180522"``);
  otherwise it is a datetime, ``T000000`` included;
* event days: ``identified-content/event@start-date`` / ``@end-date``;
* paragraphs: the ``<p>`` of ``body.content``;
* quotes and attendees: from ``<q quote-source>``, ``<person>``,
  ``<function>``, ``<org>`` and ``<location><country iso-cc>`` markup when
  the document has any; otherwise they are found in the text by the same
  extraction the ``text`` parser uses.

Documents written by communique (``cq:version`` on the root) are read
exactly: text keeps its whitespace and the markup is taken as complete.  In
other documents white space is collapsed, as NITF producers indent freely.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import ParseError, ValidationError
from ..model import Attendee, Dates, Header, Paragraph, PressRelease, Quote, stamp_before
from ..plugins import Option, Parser, max_size_option

if TYPE_CHECKING:
    from lxml import etree

NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
EXTENSION_NAMESPACE = "urn:communique:nitf:1"
EXTENSION_VERSION = 2
"""The newest ``cq:version`` this parser reads (it reads 1 as well)."""
SCHEMA = "nitf/nitf-3-6.xsd"
ALIAS_SOURCE = "urn:communique:alias"
NEWSML_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
_CQ = "{" + EXTENSION_NAMESPACE + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORMAT = "nitf"
_NORM = re.compile(
    r"(?P<y>\d{4})-?(?P<mo>\d{2})-?(?P<d>\d{2})"
    r"(?:T(?P<h>\d{2}):?(?P<mi>\d{2})(?::?(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?"
    r"(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?"
)
_SPACE = re.compile(r"[ \t\r\n]+")


def _located(element: etree._Element, message: str) -> ParseError:
    from .._xml import describe

    return ParseError(message, line=_line(element), element=describe(element), format=_FORMAT)


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def parse_norm(raw: str, element: etree._Element, attribute: str) -> _dt.datetime:
    """An NITF ``norm`` (ISO 8601 basic or extended form) as a datetime; naive without an offset."""
    found = _NORM.fullmatch(raw.strip())
    if found is None:
        raise _located(element, f"{attribute}={raw!r} is not an ISO 8601 date such as 20180522T101500+0200")
    g = found.groupdict()
    try:
        tz: _dt.tzinfo | None = None
        if g["tz"]:
            if g["tz"] == "Z":
                tz = _dt.UTC
            else:
                digits = g["tz"][1:].replace(":", "")
                minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) > 2 else 0)
                tz = _dt.timezone(_dt.timedelta(minutes=-minutes if g["tz"][0] == "-" else minutes))
        fraction = (g["f"] or "").ljust(6, "0")[:6]
        return _dt.datetime(
            int(g["y"]),
            int(g["mo"]),
            int(g["d"]),
            int(g["h"] or 0),
            int(g["mi"] or 0),
            int(g["s"] or 0),
            int(fraction or 0),
            tzinfo=tz,
        )
    except ValueError as exc:
        raise _located(element, f"{attribute}={raw!r} is not a valid date: {exc}") from None


def parse_stamp(raw: str, element: etree._Element, attribute: str) -> _dt.date:
    """A published/updated stamp: a date when communique marked it ``cq:precision="date"`` or the
    ``norm`` has no time (``20180522``); otherwise a datetime, read as :func:`parse_norm` reads it."""
    value = parse_norm(raw, element, attribute)
    if element.get(f"{_CQ}precision") == "date" or "T" not in raw.strip():
        return value.date()
    return value


def _collapse(text: str) -> str:
    # XML white space only: a no-break space at either end is text, and it is kept.
    return _SPACE.sub(" ", text).strip(" ")


class _Doc:
    """One NITF element and how to read it (namespace, exact or collapsed text)."""

    def __init__(self, nitf: etree._Element) -> None:
        from .._xml import namespace

        ns = namespace(nitf)
        self.root = nitf
        self.prefix = "{" + ns + "}" if ns else ""
        marked = nitf.get(f"{_CQ}version")
        self.exact = marked is not None
        self.version = 0
        """The version of communique's markup (``cq:version``), 0 in a document from elsewhere."""
        if marked is not None:
            if not marked.strip().isdigit() or int(marked) < 1:
                raise _located(nitf, f"cq:version={marked!r} is not a version of communique's NITF markup")
            self.version = int(marked)
            if self.version > EXTENSION_VERSION:
                raise _located(
                    nitf,
                    f"cq:version {self.version}: this document was written by a newer communique, which this one "
                    f"(markup version {EXTENSION_VERSION}) cannot read exactly; upgrade communique",
                )

    def tag(self, name: str) -> str:
        return self.prefix + name

    def find(self, element: etree._Element | None, path: str) -> etree._Element | None:
        if element is None:
            return None
        node: etree._Element | None = element
        for part in path.split("/"):
            assert node is not None
            node = node.find(self.tag(part))
            if node is None:
                return None
        return node

    def findall(self, element: etree._Element | None, path: str) -> list[etree._Element]:
        if element is None:
            return []
        *parents, last = path.split("/")
        nodes = [element]
        for part in parents:
            nodes = [c for n in nodes for c in n.findall(self.tag(part))]
        return [c for n in nodes for c in n.findall(self.tag(last))]

    def text(self, element: etree._Element) -> str:
        raw = "".join(str(t) for t in element.itertext())
        return raw if self.exact else _collapse(raw)


def _find_nitf(root: etree._Element) -> etree._Element:
    from .._xml import local_name

    if local_name(root) == "nitf":
        return root
    found = next(root.iter(f"{{{NAMESPACE}}}nitf", "nitf"), None)
    if found is None:
        raise _located(
            root,
            f"not NITF: the root element is <{root.tag}>, and the document holds no <nitf> element",
        )
    return found


def _language(doc: _Doc) -> str | None:
    lang = doc.root.get("baselang")
    node: etree._Element | None = doc.root
    while not lang and node is not None:
        lang = node.get(_XML_LANG)
        node = node.getparent()
    return lang.strip() if lang and lang.strip() else None


def _newsml_dates(nitf: etree._Element) -> tuple[_dt.date | None, _dt.date | None]:
    item = nitf
    while item.getparent() is not None:
        item = item.getparent()  # type: ignore[assignment]
    ns = "{" + NEWSML_NAMESPACE + "}"
    created = item.find(f"{ns}contentMeta/{ns}contentCreated")
    version = item.find(f"{ns}itemMeta/{ns}versionCreated")
    out: list[_dt.date | None] = []
    for el in (created, version):
        value = None
        if el is not None and el.text and el.text.strip():
            value = parse_stamp(el.text, el, el.tag.rpartition("}")[2])
        out.append(value)
    return out[0], out[1]


def _segments(doc: _Doc, p: etree._Element) -> tuple[str, list[tuple[int, int, str | None, etree._Element]]]:
    """The paragraph's text and its quotes as (start, end, quote-source, element), in raw offsets."""
    pieces: list[str] = []
    quotes: list[tuple[int, int, str | None, etree._Element]] = []
    length = 0
    q_tag = doc.tag("q")

    def walk(node: etree._Element, inside: bool) -> None:
        nonlocal length
        if node.text:
            pieces.append(node.text)
            length += len(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == q_tag and not inside:
                start = length
                walk(child, True)
                quotes.append((start, length, child.get("quote-source"), child))
            else:
                walk(child, inside)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)

    walk(p, False)
    return "".join(pieces), quotes


def _trimmed(text: str, a: int, b: int, exact: bool) -> tuple[int, int]:
    """Quote offsets ``a:b`` without the spaces that collapsing can leave at either edge (not in exact mode)."""
    if not exact:
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
    return a, b


def _collapse_with_map(text: str) -> tuple[str, list[int]]:
    """Collapse white space like :func:`_collapse`, with a map from old offsets to new ones."""
    out: list[str] = []
    mapping = [0] * (len(text) + 1)
    pending_space = False
    for i, ch in enumerate(text):
        if ch in " \t\r\n":
            pending_space = bool(out)
            mapping[i] = len(out)
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        mapping[i] = len(out)
        out.append(ch)
    mapping[len(text)] = len(out)
    return "".join(out), mapping


def _people(doc: _Doc, docdata: etree._Element | None) -> tuple[list[dict[str, Any]], bool]:
    """Attendee fields from ``identified-content``; whether any person markup was found."""
    people: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    content = doc.findall(docdata, "identified-content")
    for block in content:
        for person in block.findall(doc.tag("person")):
            fields: dict[str, Any] = {
                "aliases": [],
                "_element": person,
                "_id": person.get("id"),
                "_mention": doc.exact and person.get(f"{_CQ}kind") == "mention",
            }
            name_parts = [person.text or ""]
            roles: list[str] = []
            for child in person:
                local = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
                if local in ("name.given", "name.family"):
                    name_parts.append(" " + "".join(str(t) for t in child.itertext()) + " ")
                elif local == "function":
                    kind = child.get(f"{_CQ}field")
                    value = doc.text(child)
                    if kind == "rank":
                        fields["rank"] = value
                    elif kind == "role" or (doc.exact and kind is None):
                        fields["role"] = value
                    elif value:
                        roles.append(value)
                elif local == "alt-code" and child.get("idsrc") == ALIAS_SOURCE and child.get("value"):
                    fields["aliases"].append(child.get("value"))
                name_parts.append(child.tail or "")
            name = "".join(name_parts)
            name = name if doc.exact else _collapse(name)
            if name.strip():
                fields["name"] = name
            if roles and "role" not in fields:
                fields["role"] = "; ".join(roles)
            people.append(fields)
            if person.get("id"):
                by_id[person.get("id", "")] = fields
        for org in block.findall(doc.tag("org")):
            owner = by_id.get(_owner(org))
            if owner is not None:
                owner["organization"] = doc.text(org)
        for location in block.findall(doc.tag("location")):
            owner = by_id.get(_owner(location))
            country = location.find(doc.tag("country"))
            if owner is not None and country is not None and country.get("iso-cc"):
                owner["country"] = (country.get("iso-cc") or "").strip().upper()
    return people, bool(people)


def _owner(element: etree._Element) -> str:
    """The ``id`` of the ``<person>`` an ``<org>`` or ``<location>`` belongs to (communique's markup)."""
    return element.get(f"{_CQ}attendee") or element.get(f"{_CQ}person") or ""


def _build_attendees(people: list[dict[str, Any]], what: str = "attendees") -> tuple[list[Attendee], dict[str, int]]:
    """The people as attendees (or mentions), and the index of each by its ``<person id>``."""
    attendees: list[Attendee] = []
    ids: dict[str, int] = {}
    seen: set[str] = set()
    for i, fields in enumerate(people):
        element = fields.pop("_element", None)
        key = fields.pop("_id", None)
        fields.pop("_mention", None)
        if fields.get("name") is None and not (fields.get("role") or "").strip():
            continue  # a bare <person/> says nothing the model can hold
        if fields.get("name") in seen:
            continue
        try:
            attendee = Attendee(**fields)
        except ValidationError as exc:
            if element is not None:
                raise _located(element, f"{exc.under(f'{what}[{i}]').path}: {exc.message}") from None
            raise ParseError(exc.message, element=exc.under(f"{what}[{i}]").path, format=_FORMAT) from None
        if key:
            ids[key] = len(attendees)
        attendees.append(attendee)
        if attendee.name is not None:
            seen.add(attendee.name)
    return attendees, ids


def _iter_paragraphs(doc: _Doc, body: etree._Element | None) -> Iterator[etree._Element]:
    p_tag = doc.tag("p")
    for content in doc.findall(body, "body.content"):
        yield from content.iter(p_tag)


def release_from_document(root: etree._Element, *, validate: bool = True, data: bytes | None = None) -> PressRelease:
    """Build a release from a parsed document whose root is, or holds, an ``<nitf>`` element.

    ``data``, the bytes ``root`` was parsed from, spares serialising it again for a linear validation.
    """
    from .._xml import load_schema, namespace
    from .._xml import validate as check

    nitf = _find_nitf(root)
    ns = namespace(nitf)
    if ns not in (None, NAMESPACE):
        raise _located(nitf, f"not NITF: <nitf> is in the namespace {ns!r}, not NITF 3.6's {NAMESPACE!r} (or none)")
    if ns == NAMESPACE and validate:
        check(load_schema(SCHEMA), nitf, format=_FORMAT, what="the NITF 3.6 schema", data=data)
    doc = _Doc(nitf)
    head = doc.find(nitf, "head")
    body = doc.find(nitf, "body")
    body_head = doc.find(body, "body.head")
    docdata = doc.find(head, "docdata")

    title_el = doc.find(head, "title")
    if title_el is None or not doc.text(title_el).strip():
        title_el = doc.find(body_head, "hedline/hl1")
    if title_el is None or not _collapse(doc.text(title_el)):
        raise _located(nitf, "the NITF document has no title (neither head/title nor body.head/hedline/hl1)")
    title = doc.text(title_el)
    if not doc.exact:
        title = _collapse(title)

    language = _language(doc)

    source: str | None = None
    distributor = doc.find(body_head, "distributor")
    owner = doc.find(body_head, "rights/rights.owner")
    if distributor is not None:
        source = doc.text(distributor)
    elif owner is not None and doc.text(owner):
        source = doc.text(owner)

    url: str | None = None
    reference: str | None = None
    for doc_id in doc.findall(docdata, "doc-id"):
        value = doc_id.get("id-string")
        if value is None:
            continue
        kind = doc_id.get(f"{_CQ}field")
        is_address = value.strip().startswith(("http://", "https://"))
        if doc.exact:
            if kind == "url" and url is None:
                url = value
            elif kind == "reference" and reference is None:
                reference = value
        elif is_address:
            url = url or value.strip()
        elif value.strip() and reference is None:
            # A foreign document's own identifier is its document number.
            reference = _collapse(value)

    hedline = doc.find(body_head, "hedline")
    hl1 = doc.find(hedline, "hl1")
    title_derived = hl1 is not None and hl1.get(f"{_CQ}derived") == "true"
    subtitle: str | None = None
    hl2 = doc.find(hedline, "hl2")
    if hl2 is not None:
        subtitle = doc.text(hl2) if doc.exact else _collapse(doc.text(hl2)) or None

    dateline: str | None = None
    for line in doc.findall(body_head, "dateline"):
        city = doc.find(line, "location/city")
        location = doc.find(line, "location")
        if city is not None:
            dateline = doc.text(city)
        elif location is not None and _collapse(doc.text(location)):
            dateline = doc.text(location)
        else:
            # Plain text such as "PARIS," beside a <story.date>: the text without the date.
            own = (line.text or "") + "".join(child.tail or "" for child in line)
            dateline = _collapse(own).strip(" ,;:-–—") or None
        if dateline is not None:
            break
    evloc_city = next((e.get("city") for e in doc.findall(docdata, "evloc") if e.get("city")), None)

    # Dates.
    published: _dt.date | None = None
    issue = doc.find(docdata, "date.issue")
    if issue is not None and issue.get("norm"):
        published = parse_stamp(issue.get("norm", ""), issue, "norm")
    if published is None:
        for pub in doc.findall(head, "pubdata"):
            if pub.get("date.publication"):
                published = parse_stamp(pub.get("date.publication", ""), pub, "date.publication")
                break
    if published is None:
        story = doc.find(body_head, "dateline/story.date")
        if story is not None and story.get("norm"):
            published = parse_stamp(story.get("norm", ""), story, "norm")
    updated: _dt.date | None = None
    for revision in doc.findall(head, "revision-history"):
        if revision.get("norm"):
            stamp = parse_stamp(revision.get("norm", ""), revision, "norm")
            if updated is None or (_comparable(stamp, updated) and stamp_before(updated, stamp)):
                updated = stamp
    created, version = _newsml_dates(nitf)
    published = published or created
    updated = updated or version
    if (
        published is not None
        and updated is not None
        and (not _comparable(published, updated) or stamp_before(updated, published))
    ):
        updated = None  # a feed's revision stamp that cannot follow publication is dropped
    start = end = None
    event_el = None
    for event_el in doc.findall(docdata, "identified-content/event"):
        if event_el.get("start-date"):
            start = parse_norm(event_el.get("start-date", ""), event_el, "start-date").date()
            if event_el.get("end-date"):
                end = parse_norm(event_el.get("end-date", ""), event_el, "end-date").date()
            break
    try:
        dates = Dates(start=start, end=end, published=published, updated=updated)
    except ValidationError as exc:
        raise _located(event_el if event_el is not None else nitf, f"dates.{exc.path}: {exc.message}") from None

    # Paragraphs and quotes; a quote in the title has the paragraph index -1 here.
    paragraphs: list[str] = []
    spans: list[tuple[int, int, int, str | None, etree._Element]] = []
    any_q = False
    if hl1 is not None:
        headline, in_headline = _segments(doc, hl1)
        offsets: list[int] | None = None
        if not doc.exact:
            headline, offsets = _collapse_with_map(headline)
        if in_headline and headline == title:
            any_q = True
            for start_raw, end_raw, speaker, q_el in in_headline:
                a, b = (offsets[start_raw], offsets[end_raw]) if offsets is not None else (start_raw, end_raw)
                a, b = _trimmed(title, a, b, doc.exact)
                if title[a:b].strip():
                    spans.append((-1, a, b, speaker, q_el))
    for p in _iter_paragraphs(doc, body):
        raw, quotes = _segments(doc, p)
        any_q = any_q or bool(quotes)
        mapping: list[int] | None = None
        if doc.exact:
            text = raw
        else:
            text, mapping = _collapse_with_map(raw)
            if not text:
                continue  # an empty <p> in a foreign feed is layout, not content
        index = len(paragraphs)
        paragraphs.append(text)
        for start_raw, end_raw, speaker, q_el in quotes:
            a, b = (mapping[start_raw], mapping[end_raw]) if mapping is not None else (start_raw, end_raw)
            a, b = _trimmed(text, a, b, doc.exact)
            if text[a:b].strip():
                spans.append((index, a, b, speaker, q_el))

    people, any_person = _people(doc, docdata)
    inline_people = (
        [] if doc.exact else [doc.text(e) for p in _iter_paragraphs(doc, body) for e in p.iter(doc.tag("person"))]
    )
    markup = doc.exact or any_q or any_person or bool(inline_people)

    if not markup:
        release = _extracted(
            title,
            paragraphs,
            language,
            source,
            url,
            dates if _any_date(dates) else None,
            subtitle=subtitle,
            reference=reference,
            title_derived=title_derived,
        )
        header = release.header
        if dateline is not None or (header.dateline is None and evloc_city):
            header = attrs.evolve(header, dateline=dateline if dateline is not None else evloc_city)
        return attrs.evolve(release, header=header)

    mentioned = [f for f in people if f["_mention"]]
    people = [f for f in people if not f["_mention"]]
    known = {f.get("name") for f in people}
    for name in inline_people:
        if name and name not in known:
            people.append({"name": name, "aliases": []})
            known.add(name)
    for *_, speaker, _q in spans:
        if speaker is None or doc.exact or not speaker.strip():
            continue
        wanted = _collapse(speaker)
        if wanted not in known and not any(wanted in f.get("aliases", ()) for f in people):
            people.append({"name": wanted, "aliases": []})
            known.add(wanted)
    attendees, ids = _build_attendees(people)
    mentions, _ = _build_attendees(mentioned, "mentions")
    names = {a.name for a in attendees if a.name is not None}
    quotes_out: list[Quote] = []
    for index, a, b, speaker, q_el in spans:
        who: str | None = None
        attendee: int | None = None
        group: int | None = None
        if doc.version >= 2:
            # communique's markup: the speaker as written, the attendee by id, the group by number.
            who = speaker
            attendee, group = _links(q_el, ids)
        elif speaker is not None:
            wanted = speaker if doc.exact else _collapse(speaker)
            if wanted in names:
                who = wanted
            else:
                who = next((x.name for x in attendees if wanted in x.aliases and x.name is not None), None)
                if who is None and doc.exact:
                    raise _located(q_el, f"quote-source {speaker!r} is not the name of an attendee")
        within = title if index < 0 else paragraphs[index]
        try:
            quotes_out.append(
                Quote(
                    text=within[a:b],
                    speaker=who,
                    attendee=attendee,
                    paragraph=max(index, 0),
                    start=a,
                    end=b,
                    in_title=index < 0,
                    group=group,
                )
            )
        except ValidationError as exc:
            raise _located(q_el, f"quote: {exc.path}: {exc.message}" if exc.path else f"quote: {exc.message}") from None

    if dateline is None and evloc_city:
        dateline = evloc_city.strip()
    try:
        header = Header(
            title=title,
            subtitle=subtitle,
            language=language or "und",
            source=source,
            url=url,
            dateline=dateline,
            reference=reference,
            title_derived=title_derived,
        )
        return PressRelease(
            header=header,
            dates=dates,
            paragraphs=[Paragraph(text=t) for t in paragraphs],
            quotes=quotes_out,
            attendees=attendees,
            mentions=mentions,
        )
    except ValidationError as exc:
        raise _located(nitf, f"{exc.path}: {exc.message}" if exc.path else exc.message) from None


def _links(q: etree._Element, ids: dict[str, int]) -> tuple[int | None, int | None]:
    """A ``<q>``'s ``cq:attendee`` (as an index into the attendees) and ``cq:group``."""
    attendee: int | None = None
    group: int | None = None
    key = q.get(f"{_CQ}attendee")
    if key is not None:
        if key not in ids:
            raise _located(q, f"cq:attendee={key!r} is not the id of an attendee's <person>")
        attendee = ids[key]
    raw = q.get(f"{_CQ}group")
    if raw is not None:
        if not raw.isdigit():
            raise _located(q, f"cq:group={raw!r} is not a group number (0, 1, 2 …)")
        group = int(raw)
    return attendee, group


def _comparable(a: _dt.date, b: _dt.date) -> bool:
    # Two datetimes compare only if both or neither have a time zone; a date compares by day with anything.
    if isinstance(a, _dt.datetime) and isinstance(b, _dt.datetime):
        return (a.tzinfo is None) == (b.tzinfo is None)
    return True


def _any_date(dates: Dates) -> bool:
    return any(v is not None for v in (dates.start, dates.end, dates.published, dates.updated))


def _extracted(
    title: str,
    paragraphs: list[str],
    language: str | None,
    source: str | None,
    url: str | None,
    dates: Dates | None,
    *,
    subtitle: str | None = None,
    reference: str | None = None,
    title_derived: bool = False,
) -> PressRelease:
    """No quote or person markup: find them in the text as the ``text`` parser does."""
    from ..extract import release_from_parts

    try:
        return release_from_parts(
            title=title,
            paragraphs=paragraphs,
            language=language,
            source=source,
            url=url,
            dates=dates,
            subtitle=subtitle,
            reference=reference,
            title_derived=title_derived,
        )
    except ParseError as exc:
        exc.format = _FORMAT
        raise
    except ValidationError as exc:
        raise ParseError(exc.message, element=exc.path, format=_FORMAT) from None


class NitfParser(Parser):
    """Reads NITF 3.6 (validated against the official schema) and older un-namespaced NITF 3.x."""

    name = "nitf"
    label = "NITF 3.6 (IPTC News Industry Text Format)"
    extensions = (".nitf.xml", ".nitf")
    media_type = "application/nitf+xml"
    options = (
        Option(
            "validate",
            bool,
            True,
            "check namespaced NITF 3.6 against the official schema before reading it",
        ),
        max_size_option(16 * 2**20),
    )

    def parse(self, data: bytes, *, validate: bool = True, max_size: int = 16 * 2**20, **options: Any) -> PressRelease:
        """Build a release from an NITF document (or a NewsML-G2 item holding one)."""
        from .._xml import parse_bytes

        root = parse_bytes(data, format=_FORMAT, max_bytes=max_size)
        return release_from_document(root, validate=validate, data=data)

    def sniff(self, head: bytes) -> bool:
        """Recognise NITF by its root element (``<nitf``) or its namespace near the start."""
        return b"<nitf" in head or NAMESPACE.encode() in head
