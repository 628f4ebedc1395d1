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


# --------------------------------------------------------------------------- issue 15: text read correctly


def test_a_stray_cp1252_byte_in_utf8_is_repaired_with_a_warning_not_mojibake() -> None:
    from communique import CommuniqueWarning

    data = "Le président de l’OTAN\nrappelle que".encode() + b" l\x92Alliance\n"
    with pytest.warns(CommuniqueWarning, match=r"line 2: 1 byte that is not UTF-8 \(0x92\) read as cp1252 \('’'\)"):
        text = decode(data)
    assert text == "Le président de l’OTAN\nrappelle que l’Alliance\n"  # not "prÃ©sident", not "lâ€™OTAN"


def test_several_stray_bytes_are_counted_in_one_warning() -> None:
    from communique import CommuniqueWarning

    data = "Le président\n".encode() + b"l\x92OTAN \x93oui\x94\n"
    with pytest.warns(CommuniqueWarning, match=r"line 2: 3 bytes that are not UTF-8"):
        assert decode(data) == "Le président\nl’OTAN “oui”\n"


def test_a_byte_neither_utf8_nor_cp1252_in_utf8_text_is_still_refused() -> None:
    with pytest.raises(ParseError, match="not valid UTF-8 or cp1252"):
        decode("Le président\n".encode() + b"\x81\n")


@pytest.mark.parametrize(
    ("separator", "becomes"),
    [("\u2028", "\n"), ("\u2029", "\n\n"), ("\x85", "\n"), ("\x0c", "\n\n"), ("\x0b", "\n")],
    ids=["LS", "PS", "NEL", "FF", "VT"],
)
def test_unicode_separators_form_feed_and_vertical_tab_are_line_or_paragraph_breaks(
    separator: str, becomes: str
) -> None:
    assert decode(f"Titre{separator}Texte") == f"Titre{becomes}Texte"
    assert decode(f"Titre{separator}Texte".encode()) == f"Titre{becomes}Texte"


def test_a_lone_surrogate_in_text_is_a_parse_error_with_its_line() -> None:
    with pytest.raises(ParseError, match=r"lone surrogate U\+DC92") as info:
        decode("Titre\n\nl\udc92OTAN")
    assert info.value.line == 3


def test_a_text_with_paragraph_separators_is_a_title_and_paragraphs_and_exports() -> None:
    from communique import parse, render

    body = "Le général Shepro a participé à la conférence de Belgrade le 22 mai 2018."
    for sep in ("\u2029", "\u2028\u2028", "\x0c", "\x85\x85"):
        release = parse(f"Conférence des chefs d’état-major{sep}{body}{sep}{body}", "text")
        assert release.header.title == "Conférence des chefs d’état-major", sep
        assert len(release.paragraphs) == 2
        for fmt in ("xml", "nitf"):
            render(release, fmt)  # a form feed used to pass the parser and fail here
