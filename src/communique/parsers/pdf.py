"""``pdf`` parser: reads back the release that the ``pdf`` exporter embeds in its PDFs.

A communique PDF carries the release's canonical JSON as the embedded file
``communique-release.json``; this parser opens the PDF with pypdf, finds that
attachment (also after another tool has rewritten the file, compressed it or
put it in object streams), checks its size and MD5 checksum when the PDF
records them, and loads it with :func:`communique._serialize.loads`.

Reading the printed text of arbitrary PDFs is out of scope: a PDF without the
attachment is refused with a clear "not a communique PDF" error.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
import warnings
from collections.abc import Iterator
from typing import Any

from ..errors import CommuniqueWarning, ParseError
from ..model import PressRelease
from ..plugins import Parser, max_size_option

__all__ = ["PdfParser"]

_ATTACHMENT = "communique-release.json"  # the exporter's ATTACHMENT_NAME; kept here so sniffing imports nothing


class PdfParser(Parser):
    """Reads PDFs written by communique's ``pdf`` exporter (lossless, via the embedded JSON)."""

    name = "pdf"
    label = "PDF document (written by communique)"
    extensions = (".pdf",)
    media_type = "application/pdf"
    options = (max_size_option(64 * 2**20),)

    def parse(self, data: bytes, **options: Any) -> PressRelease:
        """Return the release embedded in ``data``; :class:`ParseError` when there is none."""
        if isinstance(data, str):
            raise ParseError("a PDF is binary data: pass bytes, not text", format="pdf")
        if not data:
            raise ParseError("the input is empty, not a PDF", format="pdf")
        if b"%PDF-" not in data[:1024]:
            raise ParseError(
                f"not a PDF file: it does not start with '%PDF-' (it starts with {data[:16]!r})", format="pdf"
            )
        payload = _attachment(data)
        from .._serialize import loads

        try:
            return loads(payload, format="pdf")
        except ParseError as exc:
            where = f" at {exc.element}" if exc.element else ""
            others = exc.count - 1
            raise ParseError(
                f"the embedded {_ATTACHMENT} is not a valid release{where}: {exc.message}"
                + (f" (and {others:,} more problem{'s' if others > 1 else ''})" if others else ""),
                element=exc.element,
                line=exc.line,
                column=exc.column,
                format="pdf",
                more=exc.more,
                omitted=exc.omitted,
            ) from None

    def sniff(self, head: bytes) -> bool:
        """PDFs start with ``%PDF-`` (a few junk bytes before it are tolerated, as readers do)."""
        return b"%PDF-" in head[:1024]


class _Collect(logging.Handler):
    """Keeps pypdf's log messages instead of letting Python print them on stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _pypdf_messages() -> Iterator[list[str]]:
    # pypdf reports repairs ("EOF marker not found") through logging; with no
    # handler configured, Python would print them bare on the user's terminal.
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _attachment(data: bytes) -> bytes:
    """The bytes of our embedded JSON, checked against the size and checksum the PDF records."""
    with _pypdf_messages() as messages:
        try:
            payload = _read_attachment(data)
        except ParseError as exc:
            if messages and exc.message.startswith("damaged PDF"):
                exc.message += f" ({'; '.join(dict.fromkeys(messages))})"
            raise
    if messages:
        notes = "; ".join(dict.fromkeys(messages))
        warnings.warn(CommuniqueWarning(f"pdf: the file needed repairs to be read ({notes})"), stacklevel=4)
    return payload


def _read_attachment(data: bytes) -> bytes:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ParseError("the PDF is encrypted; communique PDFs are not, so this is not one", format="pdf")
        # attachment_list is a generator walking the name tree again on each use: walk it once.
        attachments = list(reader.attachment_list)
        found = [f for f in attachments if f.name == _ATTACHMENT]
        if not found:
            names = sorted({f.name for f in attachments})
            others = f" (its attachments: {', '.join(names)})" if names else ""
            raise ParseError(
                f"not a communique PDF: it has no embedded {_ATTACHMENT}{others}. "
                "Only PDFs written by communique can be read back",
                format="pdf",
            )
        embedded = found[0]
        payload = embedded.content
        size, checksum = embedded.size, embedded.checksum
    except ParseError:
        raise
    except FileNotDecryptedError:
        raise ParseError("the PDF is encrypted; communique PDFs are not, so this is not one", format="pdf") from None
    except (PyPdfError, PdfReadError) as exc:
        # pypdf's own errors are written for people ("EOF marker not found").
        raise ParseError(f"damaged PDF: {exc or type(exc).__name__}", format="pdf") from None
    except NotImplementedError as exc:
        unsupported = re.search(r"(?i)unsupported filter\s*(\S*)", str(exc))
        what = (
            f"the attachment is stored with a compression filter communique cannot read ({unsupported.group(1) or '?'})"
            if unsupported
            else "it uses a PDF feature communique cannot read"
        )
        raise ParseError(f"damaged PDF: {what}", format="pdf") from None
    except RecursionError:
        raise ParseError("damaged PDF: its objects refer to each other in a loop", format="pdf") from None
    except Exception:
        # Any other exception is pypdf tripping over a broken object graph (an object that is only a
        # reference to itself, a dictionary where a stream belongs …); its Python wording means nothing
        # to a user.
        raise ParseError(
            "damaged PDF: its objects are malformed or refer to each other in a loop", format="pdf"
        ) from None
    if size is not None and size != len(payload):
        raise ParseError(
            f"the embedded {_ATTACHMENT} is damaged: {len(payload)} bytes, the PDF says {size}", format="pdf"
        )
    if checksum is not None and hashlib.md5(payload, usedforsecurity=False).digest() != _raw(checksum):
        raise ParseError(f"the embedded {_ATTACHMENT} is damaged: its MD5 checksum does not match", format="pdf")
    return payload


def _raw(value: Any) -> bytes:
    """The bytes of a PDF string object (pypdf may decode a binary string as text)."""
    original = getattr(value, "original_bytes", None)
    if isinstance(original, bytes):
        return original
    if isinstance(value, bytes):
        return value
    return str(value).encode("latin-1", "replace")
