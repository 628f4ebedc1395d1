"""The ``pdf`` parser: a communique PDF reads back as the very release it was rendered from.

Lossless through the embedded canonical JSON; everything else (other PDFs,
non-PDF bytes, damaged or tampered files) is a clear :class:`ParseError`.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from builders import release, spanning, version_1_json
from communique import CommuniqueWarning, ParseError, PressRelease, parse, read, render, write
from communique.registry import sniff
from strategies import releases

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample_fr.txt"
NAME = "communique-release.json"

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return read(SAMPLE)


@pytest.fixture(scope="module")
def sample_pdf(sample: PressRelease) -> bytes:
    return render(sample, "pdf")


def rewrite(data: bytes, *, add: tuple[str, bytes]) -> bytes:
    """Clone ``data`` with pypdf, replacing its attachments by ``add`` (name, content)."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    for embedded in list(writer.attachment_list):
        embedded.delete()
    writer.add_attachment(*add)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def other_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.drawString(72, 720, "Just a PDF")
    canvas.save()
    return out.getvalue()


# ---------------------------------------------------------------- lossless


def test_sample_round_trips(sample: PressRelease, sample_pdf: bytes) -> None:
    assert parse(sample_pdf, "pdf") == sample


def test_read_and_write_by_extension(sample: PressRelease, tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    write(sample, path)
    assert path.read_bytes().startswith(b"%PDF-1.")
    assert read(path) == sample


def test_content_sniffing_finds_pdf(sample_pdf: bytes, tmp_path: Path) -> None:
    assert sniff(sample_pdf[:8192]) == "pdf"
    path = tmp_path / "release.bin"
    path.write_bytes(sample_pdf)
    assert read(path).header.title.startswith("LE PRÉSIDENT")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_any_release_round_trips(r: PressRelease) -> None:
    # Any Unicode: characters without a glyph print as U+FFFD, the JSON keeps them exactly.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CommuniqueWarning)
        data = render(r, "pdf", strict=False)
    assert parse(data, "pdf") == r


def test_still_reads_after_qpdf_rewrites_the_file(sample: PressRelease, sample_pdf: bytes, tmp_path: Path) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed")
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(sample_pdf)
    subprocess.run(
        [qpdf, "--object-streams=generate", "--compress-streams=y", "--linearize", str(source), str(target)], check=True
    )
    assert target.read_bytes() != sample_pdf
    assert parse(target.read_bytes(), "pdf") == sample


# ---------------------------------------------------------------- not ours, not a PDF, damaged


def test_pdf_without_our_attachment_is_not_a_communique_pdf() -> None:
    with pytest.raises(ParseError, match=f"not a communique PDF: it has no embedded {NAME}") as caught:
        parse(other_pdf(), "pdf")
    assert caught.value.format == "pdf"


def test_other_attachments_are_named_in_the_error(sample_pdf: bytes) -> None:
    data = rewrite(sample_pdf, add=("notes.txt", b"hello"))
    with pytest.raises(ParseError, match=r"not a communique PDF.*its attachments: notes\.txt"):
        parse(data, "pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"Hello, world\n", "not a PDF file: it does not start with '%PDF-'"),
        (b"PK\x03\x04" + b"\x00" * 100, "not a PDF file"),
    ],
)
def test_non_pdf_input_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse(data, "pdf")


def test_text_instead_of_bytes_is_refused() -> None:
    from communique.parsers.pdf import PdfParser

    with pytest.raises(ParseError, match="binary data"):
        PdfParser().parse("%PDF-1.4 ...")  # type: ignore[arg-type]


def test_reading_a_non_pdf_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("not really a pdf")
    with pytest.raises(ParseError) as caught:
        read(path)
    assert str(path) in str(caught.value) and "not a PDF file" in str(caught.value)


@pytest.mark.parametrize("keep", [0.5, 0.2, 0.05])
def test_truncated_pdf_is_a_parse_error(sample_pdf: bytes, keep: float) -> None:
    with pytest.raises(ParseError):
        parse(sample_pdf[: int(len(sample_pdf) * keep)], "pdf")


def test_invalid_embedded_json_names_the_attachment_and_path(sample_pdf: bytes) -> None:
    data = rewrite(sample_pdf, add=(NAME, b'{"schema_version": 1, "header": {"title": 5, "language": "fr"}}'))
    with pytest.raises(ParseError, match=f"embedded {NAME} is not a valid release at header.title"):
        parse(data, "pdf")


def test_tampered_attachment_fails_its_checksum(sample: PressRelease, sample_pdf: bytes) -> None:
    from communique._serialize import dumps

    original = dumps(sample)
    # Same length, still valid JSON: only the recorded MD5 can tell.
    tampered = original.replace(b"Belgrade", b"Beograd!", 1)
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(sample_pdf))
    for embedded in list(writer.attachment_list):
        embedded.delete()
    fresh = writer.add_attachment(NAME, tampered)
    fresh.checksum = pypdf.generic.ByteStringObject(hashlib.md5(original).digest())
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ParseError, match="checksum does not match"):
        parse(out.getvalue(), "pdf")


def test_encrypted_pdf_is_refused(sample_pdf: bytes) -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(sample_pdf))
    writer.encrypt(user_password="secret", algorithm="RC4-128")  # RC4 needs no optional crypto package
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ParseError, match="encrypted"):
        parse(out.getvalue(), "pdf")


def test_a_version_1_attachment_is_read_exactly(sample: PressRelease, sample_pdf: bytes) -> None:
    back = parse(rewrite(sample_pdf, add=(NAME, version_1_json(sample))), "pdf")
    assert back == sample
    assert any(q.attendee is not None for q in back.quotes)


def test_a_quotation_over_two_paragraphs_and_a_mention_round_trip() -> None:
    r = spanning()
    assert parse(render(r, "pdf"), "pdf") == r


def test_schema_version_from_the_future_is_reported(sample_pdf: bytes) -> None:
    data = rewrite(sample_pdf, add=(NAME, b'{"schema_version": 99, "header": {"title": "x", "language": "fr"}}'))
    with pytest.raises(ParseError, match="schema_version 99 is newer"):
        parse(data, "pdf")


def test_minimal_release_round_trips() -> None:
    r = release(attendees=(), quotes=())
    assert parse(render(r, "pdf"), "pdf") == r


def test_a_damaged_pdf_is_one_error_and_nothing_is_printed(
    sample_pdf: bytes, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ParseError, match="damaged PDF") as err:
        parse(sample_pdf[:1200], "pdf")
    assert "EOF marker not found" in str(err.value)  # pypdf's own words travel inside our error
    out, printed = capfd.readouterr()
    assert (out, printed) == ("", "")


# --------------------------------------------------------------------------- damage in pypdf's internals (issue 15)


def _replace_object(data: bytes, number: int, body: bytes) -> bytes:
    start = data.index(f"\n{number} 0 obj\n".encode()) + 1
    end = data.index(b"endobj", start) + len(b"endobj")
    return data[:start] + f"{number} 0 obj\n".encode() + body + b"\nendobj" + data[end:]


def test_an_attachment_in_an_unknown_filter_is_a_damaged_pdf_in_words(sample_pdf: bytes) -> None:
    import io

    import pikepdf

    # The embedded release's stream relabelled with a filter no reader knows (its bytes unchanged).
    with pikepdf.open(io.BytesIO(sample_pdf)) as pdf:
        (spec,) = pdf.attachments.values()
        stream = spec.obj.EF.F
        stream.write(stream.read_raw_bytes(), filter=pikepdf.Name("/FlateDecodX"), decode_parms=None)
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    bad = out.getvalue()
    with pytest.raises(
        ParseError, match=r"damaged PDF: .*a compression filter communique cannot read \(/FlateDecodX\)"
    ) as info:
        parse(bad, "pdf")
    assert "NotImplementedError" not in str(info.value) and "internal error" not in str(info.value)


def test_an_object_that_is_only_a_reference_is_a_damaged_pdf_in_words(sample_pdf: bytes) -> None:
    # The file specification (object 5) replaced by a reference to itself: pypdf fails with
    # "property 'indirect_reference' of 'IndirectObject' object has no setter".
    number = int(re.search(rb"\(communique-release.json\) (\d+) 0 R", sample_pdf).group(1))  # type: ignore[union-attr]
    bad = _replace_object(sample_pdf, number, f"{number} 0 R".encode())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CommuniqueWarning)
        with pytest.raises(ParseError, match=r"damaged PDF: its objects are malformed or refer to each other") as info:
            parse(bad, "pdf")
    assert "indirect_reference" not in str(info.value) and "setter" not in str(info.value)
