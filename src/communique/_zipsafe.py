"""Safe reading of zip packages (DOCX and other Office Open XML files).

A ``.docx`` is a zip archive of XML parts.  Whatever arrives is checked before
a single byte is inflated:

* data that is not a zip archive is refused with a message that says what it
  looks like instead (a Word 97-2003 ``.doc``, an encrypted document, RTF, a PDF);
* an archive whose central directory holds more than :data:`MAX_ENTRIES`
  entries is refused from its end record and the entry signatures it spans,
  before :mod:`zipfile` builds an object per entry;
* an entry compressed with anything but *stored* or *deflate* (the only
  methods Office writes) is refused from its header: the standard library
  inflates bzip2 and LZMA without an output bound;
* a part whose *declared* size exceeds :data:`MAX_PART_SIZE` (50 MB), a package
  whose declared sizes add up to more than :data:`MAX_TOTAL_SIZE`, more than
  :data:`MAX_ENTRIES` entries, or a part whose declared compression ratio is
  above :data:`MAX_RATIO` (a zip bomb) is refused;
* a part whose real inflated size exceeds what its header declared (a lying
  header) is refused while inflating, after at most the declared size + 1
  bytes, never after inflating the whole stream;
* XML parts are parsed without DTDs, entity expansion or network access.

Every failure is a :class:`~communique.errors.ParseError` naming the part.

On top of the zip, :class:`Package` resolves the Open Packaging Conventions
(OPC) a DOCX is made of: ``[Content_Types].xml``, relationship parts and the
main document part.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ParseError

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "MAX_ENTRIES",
    "MAX_PART_SIZE",
    "MAX_RATIO",
    "MAX_TOTAL_SIZE",
    "Package",
    "Relationship",
    "SafeZip",
    "parse_xml",
]

# The methods Office writes.  zipfile also inflates bzip2 and LZMA, but in one call without an
# output bound (a 1 KB entry can take gigabytes before any size check), so they are refused.
_READABLE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES-encrypted"}
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_CENTRAL_ENTRY = b"PK\x01\x02"
MAX_PART_SIZE = 50 * 1024 * 1024
"""No single part may inflate to more than 50 MB."""
MAX_TOTAL_SIZE = 200 * 1024 * 1024
"""All parts together may not inflate to more than 200 MB."""
MAX_RATIO = 200
"""Declared inflated size / compressed size above which a part (over 1 MB) is a bomb.
Ordinary WordprocessingML compresses 5-30 times; zip bombs hundreds to millions of times."""
_RATIO_FLOOR = 1024 * 1024
MAX_ENTRIES = 10_000
"""More entries than this is not a document."""

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

# What a file that is not a zip most likely is, by its first bytes.
_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (.doc) or password-protected document; save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx"),
    (b"%PDF", "a PDF file"),
    (b"<?xml", "an XML file (perhaps a Word 2003 XML document); save it as .docx"),
)


def _what_is(data: bytes) -> str:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"it looks like {what}"
    if not data:
        return "the input is empty"
    return "it is not a zip archive"


class SafeZip:
    """A zip archive opened from bytes whose sizes were checked before any inflating."""

    def __init__(self, data: bytes, *, format: str = "docx", what: str = "a DOCX file") -> None:
        self.format = format
        if not data.startswith(b"PK"):
            raise ParseError(f"not {what}: {_what_is(data)}", format=format)
        entries = _central_entries(data)
        if entries > MAX_ENTRIES:
            raise ParseError(f"refused: {entries:,} entries in the archive (at most {MAX_ENTRIES:,})", format=format)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except NotImplementedError as exc:  # "zip file version 8.4" and other features zipfile lacks
            raise ParseError(
                f"not {what}: the zip archive uses a feature Office files do not ({exc})", format=format
            ) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error) as exc:
            raise ParseError(f"not {what}: the zip archive is damaged ({exc})", format=format) from None
        infos = self._zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ParseError(f"refused: {len(infos):,} entries in the archive (at most {MAX_ENTRIES:,})", format=format)
        total = 0
        self._by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.compress_type not in _READABLE_METHODS:
                # From the header, before anything is inflated (also for parts never read).
                method = _METHOD_NAMES.get(info.compress_type, "unknown")
                raise ParseError(
                    f"unsupported zip compression (method {info.compress_type}): {method}; "
                    "Office files use only stored and deflate",
                    element=info.filename,
                    format=format,
                )
            if info.file_size > MAX_PART_SIZE:
                raise ParseError(
                    f"refused: part declares {info.file_size:,} bytes, over the {MAX_PART_SIZE // 2**20} MB limit",
                    element=info.filename,
                    format=format,
                )
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise ParseError(
                    f"refused: part would inflate {info.file_size // max(info.compress_size, 1):,} times "
                    f"(over {MAX_RATIO}), a zip bomb",
                    element=info.filename,
                    format=format,
                )
            total += info.file_size
            # OPC part names are case-insensitive.
            self._by_name.setdefault(info.filename.lower(), info)
        if total > MAX_TOTAL_SIZE:
            raise ParseError(
                f"refused: the parts declare {total:,} bytes in all, over the {MAX_TOTAL_SIZE // 2**20} MB limit",
                format=format,
            )

    def names(self) -> list[str]:
        """Entry names as stored in the archive."""
        return [i.filename for i in self._by_name.values()]

    def has(self, name: str) -> bool:
        """Whether the archive holds ``name`` (case-insensitive, leading ``/`` optional)."""
        return name.lstrip("/").lower() in self._by_name

    def read(self, name: str) -> bytes:
        """The inflated bytes of ``name``, refusing more than its header declared."""
        name = name.lstrip("/")
        info = self._by_name.get(name.lower())
        if info is None:
            raise ParseError("the part is missing", element=name, format=self.format)
        limit = info.file_size
        try:
            with self._zip.open(info) as handle:
                chunks: list[bytes] = []
                size = 0
                while True:
                    chunk = handle.read(min(65536, limit + 1 - size) or 1)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise ParseError(
                            "refused: the part inflates past the size its header declares",
                            element=name,
                            format=self.format,
                        )
                    chunks.append(chunk)
        except ParseError:
            raise
        except NotImplementedError as exc:  # strong encryption, compressed patched data
            raise ParseError(
                f"the zip entry uses a feature Office files do not ({exc})", element=name, format=self.format
            ) from None
        except RuntimeError as exc:  # zipfile's "encrypted, password required"
            raise ParseError(f"cannot read an encrypted part ({exc})", element=name, format=self.format) from None
        except zipfile.BadZipFile as exc:
            # zipfile stops at the declared size and then checks the CRC: a header that lies about the
            # size (or a tampered entry) ends here, after at most the declared number of bytes.
            raise ParseError(
                f"refused: the part does not match its header (it is damaged or its declared size is false: {exc})",
                element=name,
                format=self.format,
            ) from None
        except (zlib.error, OSError, EOFError, ValueError) as exc:
            raise ParseError(f"the zip entry is damaged ({exc})", element=name, format=self.format) from None
        return b"".join(chunks)


def _central_entries(data: bytes) -> int:
    """How many entries the central directory may hold, read from the end record, before zipfile reads it.

    The end record's own count can lie, so the ``PK\\x01\\x02`` signatures in the
    region it names are counted too (zipfile parses one entry per signature):
    the larger of the two is returned, ``0`` when there is no end record
    (zipfile then reports the damage).
    """
    end = len(data) - 22 if data[-22:-18] == _EOCD else data.rfind(_EOCD, max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 > len(data):
        return 0
    _, _, _, _, declared, cd_size, _, _ = struct.unpack_from("<4s4H2LH", data, end)
    record = end
    locator = end - 20
    if locator >= 0 and data[locator : locator + 4] == _EOCD64_LOCATOR:
        (offset64,) = struct.unpack_from("<Q", data, locator + 8)
        # The zip64 end record sits right before its locator (data may be prepended to the archive).
        start64 = locator - 56 if data[locator - 56 : locator - 52] == _EOCD64 else offset64
        if 0 <= start64 <= len(data) - 56 and data[start64 : start64 + 4] == _EOCD64:
            declared, cd_size = struct.unpack_from("<QQ", data, start64 + 32)
            record = start64
    start = max(0, record - cd_size)
    return max(int(declared), data.count(_CENTRAL_ENTRY, start, record))


def parse_xml(data: bytes, *, part: str, format: str = "docx") -> etree._Element:
    """Parse one XML part safely (no DTD, no entities, no network); errors name the part and line."""
    from lxml import etree

    from ._xml import _parser

    try:
        # The one safe lxml configuration, one parser per thread.
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(
            f"malformed XML: {exc.msg}", element=part, line=exc.lineno, column=exc.offset, format=format
        ) from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype:
        raise ParseError("a document type declaration is not allowed in an Office part", element=part, format=format)
    return root


class Relationship(NamedTuple):
    """One OPC relationship, its target resolved to an absolute part name when internal."""

    id: str
    type: str
    target: str
    external: bool


class Package:
    """An OPC package (DOCX, DOTX …) read from a :class:`SafeZip`."""

    def __init__(self, data: bytes, *, format: str = "docx", what: str = "a DOCX file") -> None:
        self.zip = SafeZip(data, format=format, what=what)
        self.format = format
        self.what = what
        if not self.zip.has("[Content_Types].xml"):
            raise ParseError(f"not {what}: a zip archive, but {self._guess()}", format=format)
        root = parse_xml(self.zip.read("[Content_Types].xml"), part="[Content_Types].xml", format=format)
        self._defaults: dict[str, str] = {}
        self._overrides: dict[str, str] = {}
        for el in root:
            if el.tag == f"{{{_CT_NS}}}Default":
                self._defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
            elif el.tag == f"{{{_CT_NS}}}Override":
                self._overrides[(el.get("PartName") or "").lower()] = el.get("ContentType") or ""

    def _guess(self) -> str:
        names = {n.lower() for n in self.zip.names()}
        if "mimetype" in names:
            kind = self.zip.read("mimetype")[:100].decode("ascii", "replace")
            return f"an OpenDocument file ({kind}); save it as .docx"
        if "meta-inf/manifest.mf" in names:
            return "a Java archive"
        return "not an Office document (no [Content_Types].xml)"

    def content_type(self, partname: str) -> str | None:
        """The content type of a part, from an Override or the Default for its extension."""
        found = self._overrides.get(partname.lower())
        if found is not None:
            return found
        ext = posixpath.splitext(partname)[1].lstrip(".").lower()
        return self._defaults.get(ext)

    def has(self, partname: str) -> bool:
        """Whether the package holds the part."""
        return self.zip.has(partname)

    def read(self, partname: str) -> bytes:
        """The bytes of a part (checked against zip bombs)."""
        return self.zip.read(partname)

    def xml(self, partname: str) -> etree._Element:
        """A part parsed as XML."""
        return parse_xml(self.read(partname), part=partname.lstrip("/"), format=self.format)

    def partnames(self) -> list[str]:
        """Every part name (``/word/document.xml`` form), content-types part excluded."""
        return ["/" + n for n in self.zip.names() if n != "[Content_Types].xml" and not n.endswith("/")]

    @staticmethod
    def rels_name(partname: str) -> str:
        """The relationships part of ``partname`` (``/`` for the package itself)."""
        if partname == "/":
            return "/_rels/.rels"
        folder, name = posixpath.split(partname)
        return f"{folder}/_rels/{name}.rels"

    def relationships(self, partname: str) -> list[Relationship]:
        """The relationships of a part (or of the package for ``/``), targets resolved."""
        rels_part = self.rels_name(partname)
        if not self.has(rels_part):
            return []
        root = self.xml(rels_part)
        base = posixpath.dirname(partname) if partname != "/" else "/"
        out: list[Relationship] = []
        for el in root.iter(f"{{{_REL_NS}}}Relationship"):
            target = el.get("Target") or ""
            external = (el.get("TargetMode") or "").lower() == "external"
            if not external:
                target = posixpath.normpath(posixpath.join(base, target)) if not target.startswith("/") else target
                if not target.startswith("/"):
                    target = "/" + target
            out.append(Relationship(el.get("Id") or "", el.get("Type") or "", target, external))
        return out

    def main_part(self) -> str:
        """Part name of the main document, or a ParseError saying what the package is instead."""
        for rel in self.relationships("/"):
            if rel.type in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT) and not rel.external:
                kind = self.content_type(rel.target) or ""
                if "wordprocessingml" not in kind:
                    other = (
                        "an Excel workbook"
                        if "spreadsheetml" in kind
                        else "a PowerPoint presentation"
                        if "presentationml" in kind
                        else f"a package whose main part is {kind or 'of unknown type'}"
                    )
                    raise ParseError(f"not {self.what}: it is {other}", format=self.format)
                if not self.has(rel.target):
                    raise ParseError(
                        f"not {self.what}: its main part is missing", element=rel.target, format=self.format
                    )
                return rel.target
        raise ParseError(f"not {self.what}: a zip package without a main document part", format=self.format)
