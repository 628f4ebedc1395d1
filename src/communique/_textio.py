"""Bytes to text for the text-based parsers: BOMs, UTF-16, cp1252, binary refusal, line breaks."""

from __future__ import annotations

import codecs
import re
import threading
import warnings

from .errors import CommuniqueWarning, ParseError

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
_LEAD = range(0xC2, 0xF5)
_NOT_LEAD = bytes(b for b in range(256) if b not in _LEAD)
# Line and paragraph separators other than \n, as the segmentation reads them: Unicode's line and
# paragraph separators, NEL, and the form feed (a page break) and vertical tab (Word's manual
# line break) of plain-text exports.  XML cannot carry the last two at all.
_BREAKS = (("\u2029", "\n\n"), ("\u2028", "\n"), ("\x85", "\n"), ("\x0c", "\n\n"), ("\x0b", "\n"))
_strays = threading.local()


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """A codecs error handler: bytes that are not UTF-8 are read as cp1252, and remembered."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    try:
        text = bytes(bad).decode("cp1252")
    except UnicodeDecodeError:
        raise exc from None
    _strays.found.append((exc.start, bytes(bad), text))
    return text, exc.end


codecs.register_error("communique-cp1252-strays", _stray_as_cp1252)


def decode(data: bytes | str, *, format: str = "text", controls: bool = False) -> str:
    """Decode ``data`` to text, refusing what is not text.

    A BOM decides the encoding; otherwise UTF-8 is tried first, then UTF-16
    when every other byte is NUL, then cp1252 (the Windows default for
    Western European text).  Binary data is refused, never turned into
    mojibake.  UTF-8 text with a few stray cp1252 bytes (one pasted ``’``) is
    repaired, those bytes read as cp1252, with a
    :class:`~communique.errors.CommuniqueWarning` naming the line.  Newlines
    are normalised to ``\\n``; U+2028, NEL and vertical tab become a line
    break, U+2029 and form feed a paragraph break (an empty line).  Control
    characters and lone surrogates are refused unless ``controls`` is true
    (formats that escape them, like JSON, may carry them).
    """
    if isinstance(data, str):
        text = data
        if not controls:
            _refuse_surrogates(text, format)
    else:
        if not data:
            raise ParseError("the input is empty", format=format)
        text = _decode_bytes(data, format)
    text = text.lstrip("\ufeff")
    if controls:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator, replacement in _BREAKS:
        if separator in text:
            text = text.replace(separator, replacement)
    bad = _CONTROL.search(text) if _has_control(text) else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise ParseError(
            f"binary data, not text (control character U+{ord(bad.group()):04X})", line=line, format=format
        )
    return text


def _refuse_surrogates(text: str, format: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ParseError(
            f"the text holds a lone surrogate U+{ord(text[exc.start]):04X}, which is not a character "
            "(text decoded with errors='surrogateescape'?)",
            line=text.count("\n", 0, exc.start) + 1,
            format=format,
        ) from None


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
    repaired = _repair_strays(data, format)
    if repaired is not None:
        return repaired
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError("not valid UTF-8 or cp1252 text; save the file as UTF-8", line=line, format=format) from None


def _repair_strays(data: bytes, format: str) -> str | None:
    """UTF-8 text with stray cp1252 bytes, repaired (with a warning); ``None`` when it is not UTF-8 at all.

    Both readings decode the stray bytes alike; they differ on the valid UTF-8
    sequences, which a cp1252 file rarely holds (an upper-case accented letter
    right before a symbol).  So the text is UTF-8 when it holds at least one
    valid sequence for every four stray bytes, and cp1252 otherwise.
    """
    _strays.found = []
    try:
        text = data.decode("utf-8", "communique-cp1252-strays")
    except UnicodeDecodeError:
        return None  # a byte cp1252 lacks too: not this case
    finally:
        found: list[tuple[int, bytes, str]] = _strays.found
        _strays.found = []
    stray_bytes = sum(len(raw) for _, raw, _ in found)
    # Valid multi-byte sequences: their lead bytes, less the stray bytes that look like one.
    sequences = len(data.translate(None, _NOT_LEAD)) - sum(1 for _, raw, _ in found for b in raw if b in _LEAD)
    if sequences * 4 < stray_bytes:
        return None
    offset, raw, chars = found[0]
    line = data.count(b"\n", 0, offset) + 1
    first = " ".join(f"0x{b:02X}" for b in raw)
    many = (
        f"{stray_bytes} bytes that are not UTF-8 (the first, {first},"
        if stray_bytes > 1
        else f"1 byte that is not UTF-8 ({first})"
    )
    warnings.warn(
        CommuniqueWarning(
            f"{format}: line {line}: {many} read as cp1252 ({chars!r}){')' if stray_bytes > 1 else ''}; "
            "the rest is UTF-8. Save the file as UTF-8"
        ),
        stacklevel=5,
    )
    return text
