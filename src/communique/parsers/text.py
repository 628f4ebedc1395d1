"""The plain-text parser: NATO news-page style text → :class:`~communique.model.PressRelease`."""

from __future__ import annotations

from typing import Any

from .._textio import decode
from ..errors import ParseError
from ..model import PressRelease
from ..plugins import Parser, max_size_option

__all__ = ["TextParser"]


class TextParser(Parser):
    """Plain text as copied from a NATO news page: title, date bullets, paragraphs.

    The extraction rules live in :mod:`communique.extract`; this class only
    decodes bytes and reports errors with the format name.
    """

    name = "text"
    label = "Plain text (NATO news page style)"
    extensions = (".txt", ".text")
    media_type = "text/plain"
    options = (max_size_option(16 * 2**20),)

    def parse(self, data: bytes | str, **options: Any) -> PressRelease:
        """Parse ``data`` (bytes in any encoding :func:`communique._textio.decode` accepts, or text)."""
        # Imported here so that loading the plugin class stays cheap.
        from ..extract import release_from_text

        text = decode(data, format="text")
        if not text.strip():
            raise ParseError(
                "the text is empty or only whitespace: a press release needs a title", line=1, format="text"
            )
        try:
            return release_from_text(text)
        except ParseError as exc:
            if exc.format is None:
                exc.format = "text"
            raise

    def sniff(self, head: bytes) -> bool:
        """True for text that is not JSON or XML (those have their own parsers)."""
        try:
            text = decode(head, format="text")
        except ParseError:
            return False
        except UnicodeDecodeError:
            return False
        start = text.lstrip()[:1]
        return bool(start) and start not in "{[<"
