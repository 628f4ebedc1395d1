"""Hostile zip packages (issue 15): refused from their headers, before anything is inflated or parsed."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from builders import release
from communique import parse, render
from communique.errors import ParseError
from communique.exporters.docx import DocxExporter


def _lying_bomb(method: int, size: int) -> bytes:
    """One entry ``[Content_Types].xml`` of ``size`` zero bytes whose headers declare 1,000 bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as z, z.open("[Content_Types].xml", "w") as handle:
        chunk = b"\0" * (1 << 20)
        for _ in range(size // len(chunk)):
            handle.write(chunk)
    data = bytearray(out.getvalue())
    struct.pack_into("<I", data, 22, 1000)  # local header: uncompressed size
    struct.pack_into("<I", data, data.rfind(b"PK\x01\x02") + 24, 1000)  # central directory
    return bytes(data)


@pytest.mark.parametrize(("method", "name"), [(zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "LZMA")])
def test_bzip2_and_lzma_entries_are_refused_from_the_header(method: int, name: str) -> None:
    # zipfile inflates bzip2 and LZMA without a max_length: a 1 KB entry could take gigabytes.
    # 64 MiB here keeps the test fast; the method alone is refused, whatever the size.
    bomb = _lying_bomb(method, 64 << 20)
    with pytest.raises(ParseError, match=rf"unsupported zip compression \(method {method}\): {name}") as info:
        parse(bomb, "docx")
    assert "Office files use only stored and deflate" in str(info.value)


def test_a_bzip2_template_is_refused_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from communique.errors import RenderError

    path = tmp_path / "house.dotx"
    path.write_bytes(_lying_bomb(zipfile.ZIP_BZIP2, 1 << 20))
    with pytest.raises(RenderError, match=r"unsupported zip compression \(method 12\)"):
        DocxExporter().render(release(), template=str(path))


def _many_entries(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for i in range(count):
            z.writestr(f"{i}", b"")
    return out.getvalue()


def test_a_huge_central_directory_is_refused_before_zipfile_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _many_entries(20_000)
    # Proof that the archive is refused from its end record and signature count, not by
    # zipfile building 20,000 ZipInfo objects: zipfile is never asked to open it.
    opened: list[object] = []
    real = zipfile.ZipFile
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: opened.append(a) or real(*a, **k))
    with pytest.raises(ParseError, match=r"refused: 20,000 entries in the archive \(at most 10,000\)"):
        parse(data, "docx")
    assert opened == []


def test_an_end_record_that_understates_the_entries_is_not_believed() -> None:
    data = bytearray(_many_entries(20_000))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 3, 3)  # "3 entries"
    with pytest.raises(ParseError, match=r"refused: 20,000 entries in the archive"):
        parse(bytes(data), "docx")


def test_a_zip_feature_the_standard_library_lacks_is_an_ordinary_not_a_docx_error() -> None:
    data = bytearray(render(release(), "docx"))
    # "version needed to extract" 8.4: zipfile raises NotImplementedError("zip file version 8.4").
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        struct.pack_into("<H", data, pos + 6, 84)
        pos += 4
    with pytest.raises(ParseError, match=r"not a DOCX file: the zip archive uses a feature .*zip file version 8\.4"):
        parse(bytes(data), "docx")
