"""``xml`` parser: communique's own XML vocabulary back into a release.

The input is read with communique's one safe XML configuration
(:mod:`communique._xml`: no DOCTYPE, no entity expansion, no network, size
and depth limits), checked to be a ``<release>`` in the namespace
``urn:communique:xml:release:1``, validated against the shipped schema
``communique-release-1.xsd`` (the first problem is reported with its line and
element), and only then turned into a :class:`~communique.model.PressRelease`.
Quote offsets are computed from where each ``<quote>`` sits in its ``<p>``.

A ``.xml`` file may also hold NITF (``<nitf>``, possibly wrapped in a
NewsML-G2 item): the root element decides, and such a document is handed to
the ``nitf`` parser, so ``communique.read("story.xml")`` works for both.
Any other vocabulary is refused as "not a communique release".
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from ..errors import ParseError, ValidationError
from ..model import Attendee, Dates, Header, Paragraph, PressRelease, Quote
from ..plugins import Parser

if TYPE_CHECKING:
    from lxml import etree

NAMESPACE = "urn:communique:xml:release:1"
SCHEMA = "communique-release-1.xsd"
_FORMAT = "xml"
_NS = "{" + NAMESPACE + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HEADER, _DATES, _PARAGRAPHS, _ATTENDEES = (f"{_NS}{n}" for n in ("header", "dates", "paragraphs", "attendees"))
_HEADER_FIELDS = {f"{_NS}{n}": n for n in ("title", "subtitle", "source", "url", "dateline", "reference")}
_TITLE = f"{_NS}title"
_STAMPS = ("published", "updated")
_DATE_FIELDS = {f"{_NS}{n}": n for n in ("start", "end", "published", "updated")}
_ATTENDEE_FIELDS = {f"{_NS}{n}": n for n in ("name", "rank", "role", "organization", "country", "alias")}
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


def _is_nitf(root: etree._Element) -> bool:
    from .._xml import local_name

    if local_name(root) == "nitf":
        return True
    return next(root.iter(f"{{{_NITF_NAMESPACE}}}nitf", "nitf"), None) is not None


def _check_vocabulary(root: etree._Element) -> None:
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == f"{_NS}release":
        return
    found = _OUR_NAMESPACE.fullmatch(tag[1:].partition("}")[0]) if tag.startswith("{") else None
    if found and found.group(1) != "1":
        raise _located(
            root,
            f"this is version {found.group(1)} of the communique XML vocabulary; this communique reads version 1 "
            "(upgrade communique)",
        )
    raise _located(
        root,
        f'not a communique release: the root element is <{tag}>, expected <release xmlns="{NAMESPACE}"> '
        "(or NITF's <nitf>)",
    )


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return element.text or ""


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


def release_from_tree(root: etree._Element) -> PressRelease:
    """Build a release from a ``<release>`` element that is already schema-valid."""
    header_fields: dict[str, Any] = {"title": "", "language": root.get(_XML_LANG, "")}
    header_el = dates_el = paragraphs_el = attendees_el = None
    # One pass over the children: the schema has fixed their order and kinds.
    for section in root:
        tag = section.tag
        if tag == _HEADER:
            header_el = section
            for child in section:
                header_fields[_HEADER_FIELDS[child.tag]] = child.text or ""
                if child.tag == _TITLE and child.get("derived") in ("true", "1"):
                    header_fields["title_derived"] = True
        elif tag == _DATES:
            dates_el = section
        elif tag == _PARAGRAPHS:
            paragraphs_el = section
        elif tag == _ATTENDEES:
            attendees_el = section
    assert header_el is not None  # the schema requires it
    try:
        header = Header(**header_fields)
    except ValidationError as exc:
        raise _invalid(header_el, exc, "header") from None

    dates = _EMPTY_DATES
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

    attendees: list[Attendee] = []
    names_by_id: dict[str, str | None] = {}
    if attendees_el is not None:
        for i, el in enumerate(attendees_el):
            fields: dict[str, Any] = {}
            aliases: list[str] = []
            for child in el:
                name = _ATTENDEE_FIELDS[child.tag]
                if name == "alias":
                    aliases.append(child.text or "")
                else:
                    fields[name] = child.text or ""
            try:
                attendee = Attendee(aliases=aliases, **fields)
            except ValidationError as exc:
                raise _invalid(el, exc, f"attendees[{i}]") from None
            attendees.append(attendee)
            names_by_id[el.get("id", "")] = attendee.name

    paragraphs: list[Paragraph] = []
    quotes: list[Quote] = []
    if paragraphs_el is not None:
        for index, p in enumerate(paragraphs_el):
            first = p.text or ""
            if not len(p):
                paragraphs.append(Paragraph(text=first))
                continue
            pieces = [first]
            length = len(first)
            for q in p:
                words = q.text or ""
                speaker_id = q.get("speaker")
                speaker = None
                if speaker_id is not None:
                    speaker = names_by_id.get(speaker_id)
                    if speaker is None:
                        raise _located(
                            q,
                            f"the speaker {speaker_id!r} is an attendee without a name; "
                            "a quote's speaker must be an attendee with a name",
                        )
                try:
                    quotes.append(
                        Quote(text=words, speaker=speaker, paragraph=index, start=length, end=length + len(words))
                    )
                except ValidationError as exc:
                    raise _invalid(q, exc, "quote") from None
                tail = q.tail or ""
                pieces.append(words)
                pieces.append(tail)
                length += len(words) + len(tail)
            paragraphs.append(Paragraph(text="".join(pieces)))

    try:
        return PressRelease(header=header, dates=dates, paragraphs=paragraphs, quotes=quotes, attendees=attendees)
    except ValidationError as exc:
        raise _invalid(root, exc, "") from None


def parse_release(data: bytes) -> PressRelease:
    """Parse communique XML (or NITF, handed to the ``nitf`` parser) from ``data``."""
    from .._xml import load_schema, parse_bytes, validate

    root = parse_bytes(data, format=_FORMAT)
    if root.tag != f"{_NS}release" and _is_nitf(root):
        from .nitf import release_from_document

        return release_from_document(root)
    _check_vocabulary(root)
    validate(load_schema(SCHEMA), root, format=_FORMAT, what="the communique release schema")
    return release_from_tree(root)


class XmlParser(Parser):
    """Reads communique's XML vocabulary, validated against its schema; NITF roots go to ``nitf``."""

    name = "xml"
    label = "XML (communique vocabulary)"
    extensions = (".xml",)
    media_type = "application/xml"

    def parse(self, data: bytes, **options: Any) -> PressRelease:
        """Build a release from communique XML; raise :class:`ParseError` with line and element on bad input."""
        return parse_release(data)

    def sniff(self, head: bytes) -> bool:
        """Recognise communique XML by its namespace near the start of the document."""
        return b"urn:communique:xml:release:" in head and b"<" in head[:1024]
