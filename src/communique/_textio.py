"""Bytes to text for the text-based parsers: BOMs, UTF-16, cp1252, binary refusal."""

from __future__ import annotations

import codecs
import re

from .errors import ParseError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Every byte except those controls: what bytes.translate deletes to find whether any is left.
_NOT_CONTROL = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))


def decode(data: bytes | str, *, format: str = "text", controls: bool = False) -> str:
    """Decode ``data`` to text, refusing what is not text.

    A BOM decides the encoding; otherwise UTF-8 is tried first, then UTF-16
    when every other byte is NUL, then cp1252 (the Windows default for
    Western European text).  Binary data is refused, never turned into
    mojibake.  Newlines are normalised to ``\\n``.  Control characters
    are refused unless ``controls`` is true (formats that escape them, like
    JSON, may carry them).
    """
    if isinstance(data, str):
        text = data
    else:
        if not data:
            raise ParseError("the input is empty", format=format)
        text = _decode_bytes(data, format)
    text = text.lstrip("\ufeff")
    if controls:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text) if _has_control(text) else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise ParseError(
            f"binary data, not text (control character U+{ord(bad.group()):04X})", line=line, format=format
        )
    return text


def _has_control(text: str) -> bool:
    """Whether ``text`` holds one of the refused control characters.

    In UTF-8 a character below U+0080 is the byte of the same value and every
    other character is made of bytes from 0x80 up, so the controls are in the
    text exactly when their bytes are in its encoding.  Encoding and deleting
    every other byte (``bytes.translate``) runs in C a few times faster than
    a regular expression's scan of the text for a character class.
    """
    return bool(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))


def _decode_bytes(data: bytes, format: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(
                    f"invalid {encoding.upper()} after its byte-order mark: {exc.reason}", format=format
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    if len(head) >= 4:
        even_nuls = head[0::2].count(0)
        odd_nuls = head[1::2].count(0)
        half = len(head) // 2
        for nuls, encoding in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
            if nuls > half * 0.6:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    if b"\x00" in data:
        raise ParseError("binary data, not text (NUL bytes)", format=format)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError("not valid UTF-8 or cp1252 text; save the file as UTF-8", line=line, format=format) from None
