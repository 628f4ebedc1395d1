"""Bytes become text only when they are text: BOMs, UTF-16, cp1252 decode; binary is refused."""

from __future__ import annotations

import pytest

from communique import ParseError
from communique._textio import decode

SAMPLE = "Le général a souligné que « l’OTAN » – œuvre, ć, š\nSecond line"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),
        SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),
        SAMPLE.encode("utf-32"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be", "utf16le", "utf32-bom", "crlf"],
)
def test_unicode_encodings_decode_exactly(data: bytes) -> None:
    assert decode(data) == SAMPLE


def test_cp1252_decodes_without_mojibake() -> None:
    text = "Le général a dit « bonjour » – œuvre’s"
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (bytes(range(256)), "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"text with \x81\x8d undefined cp1252", "not valid UTF-8 or cp1252"),
        (b"abc\x01def", r"control character U\+0001"),
    ],
)
def test_what_is_not_text_is_refused_clearly(data: bytes, words: str) -> None:
    with pytest.raises(ParseError, match=words):
        decode(data)


def test_a_control_character_error_names_the_line() -> None:
    with pytest.raises(ParseError) as err:
        decode(b"one\ntwo\nthr\x02ee")
    assert err.value.line == 3


def test_controls_may_be_allowed_for_formats_that_escape_them() -> None:
    assert decode(b"a\x01b", controls=True) == "a\x01b"
