"""``json`` parser: the canonical JSON form back into a release."""

from __future__ import annotations

from typing import Any

from ..model import PressRelease
from ..plugins import Parser, max_size_option


class JsonParser(Parser):
    """Reads what the ``json`` exporter writes; every error names its JSON path."""

    name = "json"
    label = "JSON (communique schema)"
    extensions = (".json",)
    media_type = "application/json"
    options = (max_size_option(16 * 2**20),)

    def parse(self, data: bytes | str, **options: Any) -> PressRelease:
        from .._serialize import loads
        from .._textio import decode

        if isinstance(data, bytes) and not data.startswith(b"{"):
            # BOMs and UTF-16 need decoding; plain UTF-8 goes to orjson as is (fast path).
            return loads(decode(data, format="json", controls=True))
        return loads(data)

    def sniff(self, head: bytes) -> bool:
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return stripped.startswith(b"{") and (b"schema_version" in head or b"urn:communique:schema" in head)
