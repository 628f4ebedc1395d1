"""``xml`` parser: communique's own XML vocabulary back into a release.

The input is read with communique's one safe XML configuration
(:mod:`communique._xml`: no DOCTYPE, no entity expansion, no network, size
and depth limits), checked to be a ``<release>`` in the namespace of version
2 (``urn:communique:xml:release:2``) or version 1
(``urn:communique:xml:release:1``) of the vocabulary, validated against that
version's shipped schema (``communique-release-2.xsd`` or
``communique-release-1.xsd``; the first problem is reported with its line and
element), and only then turned into a :class:`~communique.model.PressRelease`.
Quote offsets are computed from where each ``<quote>`` sits in its ``<p>``
(or, in version 2, in the ``<title>``).

In version 1, a quote's ``speaker`` attribute is the id of an attendee with a
name: the quote's speaker is that name and its ``attendee`` that attendee.
In version 2, ``speaker`` is the display string and ``attendee`` the id.

A ``.xml`` file may also hold a NewsML-G2 item (handed to the ``newsml``
parser) or NITF (``<nitf>``, possibly wrapped in another root, handed to the
``nitf`` parser): the root element decides, so ``communique.read("story.xml")``
works for all three.
Any other vocabulary is refused as "not a communique release".
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from ..errors import ParseError, ValidationError
from ..model import Attendee, Dates, Header, Paragraph, PressRelease, Quote
from ..plugins import Parser, max_size_option

if TYPE_CHECKING:
    from lxml import etree

NAMESPACE = "urn:communique:xml:release:2"
"""The namespace of the newest version of the vocabulary (the exporter writes it)."""
SCHEMA = "communique-release-2.xsd"
NAMESPACES = {"urn:communique:xml:release:1": 1, NAMESPACE: 2}
"""The namespaces this parser reads, with their vocabulary version."""
SCHEMAS = {1: "communique-release-1.xsd", 2: SCHEMA}
_FORMAT = "xml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tags(*names: str) -> dict[str, str]:
    """``{namespace}name`` → ``name`` for every namespace read."""
    return {f"{{{ns}}}{n}": n for ns in NAMESPACES for n in names}


_SECTIONS = _tags("header", "dates", "paragraphs", "attendees", "mentions")
_HEADER_FIELDS = _tags("title", "subtitle", "source", "url", "dateline", "reference")
_STAMPS = ("published", "updated")
_DATE_FIELDS = _tags("start", "end", "published", "updated")
_ATTENDEE_FIELDS = _tags("name", "rank", "role", "organization", "country", "alias")
_ROOTS = {f"{{{ns}}}release": version for ns, version in NAMESPACES.items()}
_EMPTY_DATES = Dates()
_OUR_NAMESPACE = re.compile(r"urn:communique:xml:release:(\d+)")
_NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"


def _located(element: etree._Element, message: str) -> ParseError:
    from .._xml import describe

    line = element.sourceline
    return ParseError(message, line=line if isinstance(line, int) else None, element=describe(element), format=_FORMAT)


def _invalid(element: etree._Element, exc: ValidationError, prefix: str) -> ParseError:
    # The model names the field; the XML path and line say where it is in the file.
    field = exc.under(prefix).path if prefix else exc.path
    return _located(element, f"{field}: {exc.message}" if field else exc.message)


_NEWSML_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"


def _is_nitf(root: etree._Element) -> bool:
    from .._xml import local_name

    if local_name(root) == "nitf":
        return True
    return next(root.iter(f"{{{_NITF_NAMESPACE}}}nitf", "nitf"), None) is not None


def _check_vocabulary(root: etree._Element) -> int:
    """The vocabulary version of ``root``; a :class:`ParseError` when it is not one this parser reads."""
    tag = root.tag if isinstance(root.tag, str) else ""
    version = _ROOTS.get(tag)
    if version is not None:
        return version
    found = _OUR_NAMESPACE.fullmatch(tag[1:].partition("}")[0]) if tag.startswith("{") else None
    if found and int(found.group(1)) not in NAMESPACES.values():
        readable = " and ".join(str(v) for v in sorted(NAMESPACES.values()))
        raise _located(
            root,
            f"this is version {found.group(1)} of the communique XML vocabulary; this communique reads versions "
            f"{readable} (upgrade communique)",
        )
    raise _located(
        root,
        f'not a communique release: the root element is <{tag}>, expected <release xmlns="{NAMESPACE}"> '
        "(or NITF's <nitf>)",
    )


def _datetime(element: etree._Element) -> _dt.datetime:
    raw = element.text or ""
    try:
        return _dt.datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError:
        raise _located(element, f"{raw!r} is not a valid date and time") from None


def _date(element: etree._Element) -> _dt.date:
    raw = element.text or ""
    try:
        return _dt.date.fromisoformat(raw)
    except ValueError:
        raise _located(element, f"{raw!r} is not a valid date") from None


def _quotes(
    element: etree._Element, index: int, in_title: bool, version: int, attendees: dict[str, tuple[int, Attendee]]
) -> tuple[str, list[Quote]]:
    """The text of a ``<p>`` or ``<title>`` and the quotes marked inside it."""
    first = element.text or ""
    if not len(element):
        return first, []
    pieces = [first]
    length = len(first)
    quotes: list[Quote] = []
    for q in element:
        words = q.text or ""
        speaker = q.get("speaker")
        attendee: int | None = None
        if version == 1 and speaker is not None:
            # Version 1: speaker is the id of an attendee with a name.
            if speaker not in attendees:
                raise _located(q, f"the speaker {speaker!r} is not the id of an attendee")
            attendee, person = attendees[speaker]
            if person.name is None:
                raise _located(
                    q,
                    f"the speaker {speaker!r} is an attendee without a name; "
                    "in version 1 a quote's speaker must be an attendee with a name",
                )
            speaker = person.name
        elif q.get("attendee") is not None:
            key = q.get("attendee", "")
            if key not in attendees:
                raise _located(q, f"the attendee {key!r} is not the id of an attendee")
            attendee = attendees[key][0]
        group = q.get("group")
        try:
            quotes.append(
                Quote(
                    text=words,
                    speaker=speaker,
                    attendee=attendee,
                    paragraph=index,
                    start=length,
                    end=length + len(words),
                    in_title=in_title,
                    group=None if group is None else int(group),
                )
            )
        except ValidationError as exc:
            raise _invalid(q, exc, "quote") from None
        tail = q.tail or ""
        pieces.append(words)
        pieces.append(tail)
        length += len(words) + len(tail)
    return "".join(pieces), quotes


def _people(section: etree._Element | None, what: str) -> list[tuple[str, Attendee]]:
    """The ``(id, person)`` of each ``<attendee>`` or ``<mention>`` of ``section``."""
    people: list[tuple[str, Attendee]] = []
    if section is None:
        return people
    for i, el in enumerate(section):
        fields: dict[str, Any] = {}
        aliases: list[str] = []
        for child in el:
            name = _ATTENDEE_FIELDS[child.tag]
            if name == "alias":
                aliases.append(child.text or "")
            else:
                fields[name] = child.text or ""
        try:
            person = Attendee(aliases=aliases, **fields)
        except ValidationError as exc:
            raise _invalid(el, exc, f"{what}[{i}]") from None
        people.append((el.get("id", ""), person))
    return people


def release_from_tree(root: etree._Element, version: int = 2) -> PressRelease:
    """Build a release from a ``<release>`` element that is already schema-valid (vocabulary ``version``)."""
    header_fields: dict[str, Any] = {"title": "", "language": root.get(_XML_LANG, "")}
    sections: dict[str, etree._Element] = {}
    # One pass over the children: the schema has fixed their order and kinds.
    for section in root:
        sections[_SECTIONS[section.tag]] = section
    header_el = sections["header"]  # the schema requires it
    title_el: etree._Element | None = None
    for child in header_el:
        name = _HEADER_FIELDS[child.tag]
        header_fields[name] = child.text or ""
        if name == "title":
            title_el = child
            if child.get("derived") in ("true", "1"):
                header_fields["title_derived"] = True

    dates = _EMPTY_DATES
    dates_el = sections.get("dates")
    if dates_el is not None and len(dates_el):
        values: dict[str, Any] = {}
        for child in dates_el:
            name = _DATE_FIELDS[child.tag]
            if name in _STAMPS and "T" not in (child.text or ""):
                values[name] = _date(child)  # a date-only stamp (xs:date)
            else:
                values[name] = _date(child) if name in ("start", "end") else _datetime(child)
        try:
            dates = Dates(**values)
        except ValidationError as exc:
            raise _invalid(dates_el, exc, "dates") from None

    listed = _people(sections.get("attendees"), "attendees")
    attendees = [person for _, person in listed]
    by_id = {key: (i, person) for i, (key, person) in enumerate(listed)}
    mentions = [person for _, person in _people(sections.get("mentions"), "mentions")]

    quotes: list[Quote] = []
    if title_el is not None and len(title_el):
        header_fields["title"], quotes = _quotes(title_el, 0, True, version, by_id)
    try:
        header = Header(**header_fields)
    except ValidationError as exc:
        raise _invalid(header_el, exc, "header") from None

    paragraphs: list[Paragraph] = []
    paragraphs_el = sections.get("paragraphs")
    if paragraphs_el is not None:
        for index, p in enumerate(paragraphs_el):
            text, found = _quotes(p, index, False, version, by_id)
            paragraphs.append(Paragraph(text=text))
            quotes += found

    try:
        return PressRelease(
            header=header, dates=dates, paragraphs=paragraphs, quotes=quotes, attendees=attendees, mentions=mentions
        )
    except ValidationError as exc:
        raise _invalid(root, exc, "") from None


def parse_release(data: bytes, max_size: int = 16 * 2**20) -> PressRelease:
    """Parse communique XML (or NITF, handed to the ``nitf`` parser) from ``data``."""
    from .._xml import load_schema, parse_bytes, validate

    root = parse_bytes(data, format=_FORMAT, max_bytes=max_size)
    if root.tag not in _ROOTS and isinstance(root.tag, str) and root.tag.startswith(f"{{{_NEWSML_NAMESPACE}}}"):
        # A NewsML-G2 item saved as plain ".xml": the newsml parser reads it (and names what it is
        # when it is a conceptItem, a packageItem …).
        from .newsml import release_from_document as from_newsml

        return from_newsml(root, data=data)
    if root.tag not in _ROOTS and _is_nitf(root):
        from .nitf import release_from_document

        return release_from_document(root, data=data)
    version = _check_vocabulary(root)
    validate(
        load_schema(SCHEMAS[version]),
        root,
        format=_FORMAT,
        what=f"the communique release schema (version {version})",
        data=data,
    )
    return release_from_tree(root, version)


class XmlParser(Parser):
    """Reads communique's XML vocabulary, validated against its schema; NITF roots go to ``nitf``."""

    name = "xml"
    label = "XML (communique vocabulary)"
    extensions = (".xml",)
    media_type = "application/xml"
    options = (max_size_option(16 * 2**20),)

    def parse(self, data: bytes, *, max_size: int = 16 * 2**20, **options: Any) -> PressRelease:
        """Build a release from communique XML; raise :class:`ParseError` with line and element on bad input."""
        return parse_release(data, max_size)

    def sniff(self, head: bytes) -> bool:
        """Recognise communique XML by its namespace near the start of the document."""
        return b"urn:communique:xml:release:" in head and b"<" in head[:1024]
