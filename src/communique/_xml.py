"""The one safe way communique reads XML, and the helpers every XML format shares.

Every XML parser in communique (the ``xml`` and ``nitf`` formats, and any
later format that reads XML parts) goes through :func:`parse_bytes` or
:func:`parse_stream`, which use a single lxml configuration:

* ``resolve_entities=False``, ``load_dtd=False``, ``no_network=True``: no
  entity is ever expanded from a DTD, no file or URL is ever fetched;
* a document with a ``<!DOCTYPE …>`` (and so any entity declaration) is
  refused outright with a :class:`~communique.errors.ParseError`, before
  lxml sees it when the prolog shows it, and after parsing otherwise;
* ``huge_tree=False``: libxml2's safety limits stay on (at most 256 levels
  of nesting, 10 MB per text node), and documents larger than
  :data:`MAX_BYTES` are refused before parsing;
* ``recover=False``: malformed XML is an error carrying its line and column,
  never a silently repaired tree;
* comments and processing instructions are dropped while parsing (their
  surrounding text joins up), so readers see only elements and text.

Writing helpers: :func:`escape_text` escapes element text so that it comes
back *exactly* (``\\r`` as ``&#13;``, ``>`` so that ``]]>`` is harmless),
and :func:`check_text` refuses characters XML 1.0 cannot carry (C0 controls
other than tab, newline and carriage return; U+FFFE, U+FFFF) with a
:class:`~communique.errors.RenderError` naming the model field.

lxml is imported on first use, never at ``import communique`` time.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import ParseError, RenderError

if TYPE_CHECKING:
    from lxml import etree

    from .model import PressRelease, Quote

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "SCHEMAS",
    "check_release",
    "check_text",
    "describe",
    "escape_attribute",
    "escape_attribute_markup",
    "escape_markup",
    "escape_text",
    "finish_document",
    "load_schema",
    "local_name",
    "mark_quotes",
    "namespace",
    "parse_bytes",
    "parse_stream",
    "validate",
]

MAX_BYTES = 16 * 1024 * 1024
"""Largest XML document accepted (16 MiB): a press release is a few kilobytes."""
MAX_DEPTH = 256
"""libxml2's nesting limit while ``huge_tree`` is off (it is never turned on)."""
SCHEMAS = Path(__file__).parent / "schemas"
"""Folder of the XML schemas shipped in the package."""

# Characters XML 1.0 cannot represent at all, not even as character references.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Invisible or look-alike spaces (French typography puts U+00A0 inside « »):
# written as character references so that a reader of the XML sees them.
_INVISIBLE = tuple((char, f"&#x{ord(char):X};") for char in "\u00a0\u00ad\u2007\u200b\u200c\u200d\u202f\u2060\ufeff")
_FORBIDDEN_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D))
_NOT_FORBIDDEN = bytes(b for b in range(256) if b not in _FORBIDDEN_BYTES)
_LOCATION_SUFFIX = re.compile(r",\s*line \d+, column \d+\s*$")
_local = threading.local()

_DOCTYPE_MESSAGE = (
    "a DOCTYPE declaration is not accepted: it can declare entities that read local files or expand "
    "without bound; remove the <!DOCTYPE …> line"
)


def _new_parser() -> etree.XMLParser:
    """The one safe lxml configuration every XML reader in communique uses."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        recover=False,
        remove_blank_text=False,
        remove_comments=True,
        remove_pis=True,
    )


def _parser() -> etree.XMLParser:
    # lxml parsers keep per-document state, so each thread gets its own.
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _new_parser()
        _local.parser = parser
    return parser


def _prolog_doctype_line(head: bytes) -> int | None:
    """The 1-based line of a DOCTYPE in the prolog, or ``None`` when there is none."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) > 1 and (head[0] == 0 or head[1] == 0)):
        text = head.decode("utf-16-le" if head[:1] in (b"\xff", b"<") else "utf-16-be", errors="replace")
    else:
        # Latin-1 maps every byte, and the markup characters are ASCII in every
        # ASCII-compatible encoding, so the prolog reads correctly whatever the encoding.
        text = head.decode("latin-1")
    # A hand-written scan of the prolog: a regex with lazy repeats backtracks
    # through the whole document when there is no DOCTYPE.
    i, n = 0, len(text)
    if text.startswith("\ufeff"):
        i = 1
    while i < n:
        if text[i] in " \t\r\n":
            i += 1
        elif text.startswith("<?", i):
            end = text.find("?>", i + 2)
            if end < 0:
                return None
            i = end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return None
            i = end + 3
        else:
            return text.count("\n", 0, i) + 1 if text.startswith("<!DOCTYPE", i) else None
    return None


def _syntax_error(exc: Exception, *, format: str, source: str | None) -> ParseError:
    line, column = getattr(exc, "position", (None, None))
    message = _LOCATION_SUFFIX.sub("", str(getattr(exc, "msg", "") or exc)).strip()
    if "Excessive depth" in message:
        message = f"the document is nested more than {MAX_DEPTH} levels deep; refused"
    elif "amplification" in message or "entity" in message.lower():
        message = f"not well-formed XML: {message} (entities are not expanded)"
    elif "Document is empty" in message or "Start tag expected" in message:
        message = f"not XML: {message}"
    else:
        message = f"not well-formed XML: {message}"
    return ParseError(message, source=source, line=line or None, column=column or None, format=format)


def _checked(root: etree._Element | None, *, format: str, source: str | None) -> etree._Element:
    if root is None:
        raise ParseError("not XML: the document has no root element", source=source, format=format)
    docinfo = root.getroottree().docinfo
    if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ParseError(_DOCTYPE_MESSAGE, source=source, line=1, format=format)
    return root


def parse_bytes(data: bytes, *, format: str, source: str | None = None, max_bytes: int = MAX_BYTES) -> etree._Element:
    """Parse ``data`` with the safe configuration and return the root element.

    Raises :class:`~communique.errors.ParseError` (with line and column when
    libxml2 gives them) for malformed XML, a DOCTYPE, nesting deeper than
    :data:`MAX_DEPTH` or input larger than ``max_bytes``.
    """
    if not isinstance(data, bytes):
        raise ParseError(f"XML input must be bytes, not {type(data).__name__}", source=source, format=format)
    if not data.strip():
        raise ParseError("the input is empty", source=source, format=format)
    if len(data) > max_bytes:
        raise ParseError(
            f"the document is {len(data) / 2**20:.1f} MiB; "
            f"XML input larger than {max_bytes / 2**20:.0f} MiB is refused",
            source=source,
            format=format,
        )
    doctype_line = _prolog_doctype_line(data[:65536])
    if doctype_line is not None:
        raise ParseError(_DOCTYPE_MESSAGE, source=source, line=doctype_line, format=format)
    from lxml import etree

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, format=format, source=source) from None
    return _checked(root, format=format, source=source)


def parse_stream(
    chunks: Iterable[bytes], *, format: str, source: str | None = None, max_bytes: int = MAX_BYTES
) -> etree._Element:
    """Parse XML arriving in ``chunks`` (e.g. read from a file), stopping at the first problem.

    Same rules as :func:`parse_bytes`; a document that is nested too deeply,
    malformed or too large is refused as soon as the offending chunk arrives,
    so memory stays bounded by the chunk size, whatever the document's size.
    """
    from lxml import etree

    parser = _new_parser()
    total = 0
    head = b""
    try:
        for chunk in chunks:
            total += len(chunk)
            if total > max_bytes:
                raise ParseError(
                    f"the document is larger than {max_bytes / 2**20:.0f} MiB; refused",
                    source=source,
                    format=format,
                )
            if len(head) < 65536:
                head += chunk[: 65536 - len(head)]
                doctype_line = _prolog_doctype_line(head)
                if doctype_line is not None:
                    raise ParseError(_DOCTYPE_MESSAGE, source=source, line=doctype_line, format=format)
            parser.feed(chunk)
        if total == 0:
            raise ParseError("the input is empty", source=source, format=format)
        root = parser.close()
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, format=format, source=source) from None
    return _checked(root, format=format, source=source)


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace (``"p"`` for ``{urn:…}p``)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def namespace(element: etree._Element) -> str | None:
    """The element's namespace URI, or ``None`` when it has none."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].partition("}")[0]
    return None


def describe(element: etree._Element) -> str:
    """A short location for messages: the element path from the root, e.g. ``/release/paragraphs/p[3]``."""
    parts: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        name = local_name(node)
        parent = node.getparent()
        if parent is not None:
            same = [c for c in parent if c.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        parts.append(name)
        node = parent
    return "/" + "/".join(reversed(parts))


@cache
def load_schema(relative: str) -> etree.XMLSchema:
    """Compile a schema shipped under :data:`SCHEMAS` once per process (thread-safe to use)."""
    from lxml import etree

    path = SCHEMAS / relative
    # The schema's own imports are relative files next to it; nothing is fetched.
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


_TREE_COST = 2_000_000
"""Sum of the squared child counts under which a tree is validated in place (see :func:`validate`)."""


def validate(
    schema: etree.XMLSchema,
    element: etree._Element,
    *,
    format: str,
    source: str | None = None,
    what: str = "",
    data: bytes | None = None,
) -> None:
    """Validate ``element`` against ``schema``; problems become one :class:`ParseError`.

    The error is the first problem, with its line and element, and ``what``
    (e.g. ``"the communique release schema"``) in the message; it carries the
    next ones (at most :data:`~communique.errors.MAX_PROBLEMS` in all) and the
    count of the rest.

    The cost is linear in the document whatever it holds.  libxml2 records a
    path for every schema error by walking the element's preceding siblings,
    so validating a tree with a wide run of invalid siblings is quadratic
    (13 s for 100,000).  A tree whose runs are short (the sum of its squared
    child counts is at most :data:`_TREE_COST`: every real release) is
    validated in place; a wider one is validated while re-parsing its
    serialisation, which records no paths: linear, but its problems carry the
    element's name and no line.  ``data``, the bytes ``element`` was parsed
    from when it is the document's root, spares serialising it again.
    """
    if _narrow(element):
        if schema.validate(element):
            return
        entries: list[Any] = list(cast(Any, schema.error_log))
    else:
        entries = _stream_validate(schema, element, data)
        if not entries:
            return
    # In document order: the first is the one to fix first (later ones are
    # often its consequences), and the rest ride along for `communique validate`.
    from .errors import MAX_PROBLEMS

    suffix = f" (checked against {what})" if what else ""
    problems = [_schema_problem(e, suffix, format=format, source=source) for e in entries[:MAX_PROBLEMS]]
    raise ParseError.collect(problems, total=len(entries))


def _narrow(element: etree._Element) -> bool:
    cost = 0
    for node in element.iter():
        width = len(node)
        if width > 1:
            cost += width * width
            if cost > _TREE_COST:
                return False
    return True


class _Discard:
    """A parser target that builds nothing (lxml calls only the methods a target has)."""

    def close(self) -> None:
        return None


def _stream_validate(schema: etree.XMLSchema, element: etree._Element, data: bytes | None) -> list[Any]:
    """The schema errors of ``element``, found while parsing its bytes again without building a tree.

    No per-error path is recorded this way (linear time), and no second tree
    is built (the memory is the error log's).
    """
    from lxml import etree

    whole = data is not None and element.getparent() is None and element is element.getroottree().getroot()
    source = data if whole and data is not None else etree.tostring(element)
    parser = etree.XMLParser(
        schema=schema,
        target=cast(Any, _Discard()),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    # Well-formed already (it was parsed once): a syntax error here is the log's to explain.
    with contextlib.suppress(etree.XMLSyntaxError):
        etree.fromstring(source, parser)
    return list(cast(Any, parser.error_log))


def _schema_problem(entry: Any, suffix: str, *, format: str, source: str | None) -> ParseError:
    message = entry.message
    element_name: str | None = None
    # libxml2 starts schema messages with "Element '{ns}name': " or "Element '{ns}name', attribute 'x': ".
    found = re.match(r"Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: (.*)", message, re.DOTALL)
    if found:
        element_name = f"<{found.group(1)}>" + (f" attribute {found.group(2)!r}" if found.group(2) else "")
        message = found.group(3)
    message = re.sub(r"\{[^}]*\}", "", message).replace("[facet 'pattern'] ", "").strip()
    return ParseError(
        f"does not match the schema: {message}{suffix}",
        source=source,
        line=entry.line or None,
        element=element_name or (entry.path or None),
        format=format,
    )


def check_text(value: str, path: str, *, format: str) -> str:
    """Return ``value`` if XML 1.0 can carry it; otherwise raise :class:`RenderError` naming ``path``.

    XML 1.0 has no way at all to represent C0 control characters other than
    tab, newline and carriage return (nor U+FFFE and U+FFFF), not even as
    character references, so communique refuses to write them rather than
    silently dropping text.
    """
    bad = _ILLEGAL.search(value)
    if bad is not None:
        raise RenderError(
            f"contains the control character U+{ord(bad.group()):04X} at offset {bad.start()}, "
            f"which XML 1.0 cannot represent; remove it from the release before exporting to {format}",
            path=path,
            format=format,
        )
    return value


def escape_text(value: str) -> str:
    """Escape element text so that an XML parser gives back exactly ``value``.

    ``&`` and ``<`` must be escaped; ``>`` is escaped too so that ``]]>``
    never appears; ``\\r`` becomes ``&#13;`` because parsers turn a literal
    carriage return into a newline.  Invisible spaces (no-break space U+00A0,
    narrow no-break space U+202F, zero-width characters, soft hyphen) are
    written as character references such as ``&#xA0;`` so that they show.
    """
    # Chained replace() is several times faster than str.translate on non-ASCII text.
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return _show_invisible(value)


def escape_markup(value: str) -> str:
    """Escape only ``&``, ``<`` and ``>``: for writers that finish with :func:`finish_document`.

    Building a document from many small pieces is faster this way: the
    checks and replacements that do not depend on context run once over the
    whole document instead of once per piece.
    """
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def escape_attribute_markup(value: str) -> str:
    """:func:`escape_attribute` for writers that finish with :func:`finish_document`."""
    value = escape_markup(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    return value


def mark_quotes(raw: str, quotes: Iterable[Quote], tag: str, names: tuple[str, str, str]) -> str:
    """``raw`` escaped, with its quotes as inline ``<tag>`` elements (sorted, not overlapping: the model says so).

    ``names`` are the attribute names of the speaker, the attendee reference
    (``a1``, ``a2``…: the attendee's position from one) and the group, in the
    vocabulary of the document (``speaker``/``attendee``/``group`` in communique
    XML, ``quote-source``/``cq:attendee``/``cq:group`` in NITF).
    """
    speaker, attendee, group = names
    out: list[str] = []
    cursor = 0
    for q in quotes:
        out.append(escape_markup(raw[cursor : q.start]))
        out.append(f"<{tag}")
        if q.speaker is not None:
            out.append(f' {speaker}="{escape_attribute_markup(q.speaker)}"')
        if q.attendee is not None:
            out.append(f' {attendee}="a{q.attendee + 1}"')
        if q.group is not None:
            out.append(f' {group}="{q.group}"')
        out.append(f">{escape_markup(q.text)}</{tag}>")
        cursor = q.end
    out.append(escape_markup(raw[cursor:]))
    return "".join(out)


def finish_document(text: str, release: PressRelease, *, format: str) -> bytes:
    """Finish a document built with :func:`escape_markup`: check, escape what is left, encode.

    Refuses characters XML 1.0 cannot carry with a :class:`RenderError` that
    names the release field holding them (see :func:`check_release`); writes
    carriage returns and invisible spaces as character references (no markup
    communique writes contains either); returns UTF-8 bytes.
    """
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    data = _show_invisible(text).encode("utf-8")
    # In UTF-8 a byte below 0x20 is always that C0 character itself, so deleting
    # every other byte leaves something exactly when a forbidden control is present.
    if data.translate(None, _NOT_FORBIDDEN) or "\ufffe" in text or "\uffff" in text:
        check_release(release, format=format)
        bad = _ILLEGAL.search(text)
        raise RenderError(
            f"the document would contain the control character U+{ord(bad.group()) if bad else 0:04X}, "
            "which XML 1.0 cannot represent",
            format=format,
        )
    return data


def check_release(release: PressRelease, *, format: str) -> None:
    """Raise :class:`RenderError` naming the first field of ``release`` that XML 1.0 cannot carry."""
    h = release.header
    for name in ("title", "subtitle", "source", "url", "dateline", "reference"):
        value = getattr(h, name)
        if value is not None:
            check_text(value, f"header.{name}", format=format)
    for i, p in enumerate(release.paragraphs):
        check_text(p.text, f"paragraphs[{i}].text", format=format)
    for i, q in enumerate(release.quotes):
        if q.speaker is not None:
            check_text(q.speaker, f"quotes[{i}].speaker", format=format)
    for what, people in (("attendees", release.attendees), ("mentions", release.mentions)):
        for i, a in enumerate(people):
            for name in ("name", "rank", "role", "organization"):
                value = getattr(a, name)
                if value is not None:
                    check_text(value, f"{what}[{i}].{name}", format=format)
            for j, alias in enumerate(a.aliases):
                check_text(alias, f"{what}[{i}].aliases[{j}]", format=format)


def _show_invisible(text: str) -> str:
    # A few substring scans beat one regex over the whole text several times over.
    for char, reference in _INVISIBLE:
        if char in text:
            text = text.replace(char, reference)
    return text


def escape_attribute(value: str) -> str:
    """Escape an attribute value (double-quoted) so that it comes back exactly.

    Attribute values are whitespace-normalised by parsers, so tab, newline
    and carriage return are written as character references.
    """
    return escape_text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
