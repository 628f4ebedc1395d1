"""The docx parser reads our embedded release exactly, and anyone's DOCX from its visible content.

Third-party documents are built here with python-docx alone, or written by
LibreOffice; bad input is built byte by byte.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings

from builders import headed, release, spanning, version_1_json
from communique import Attendee, Header, Paragraph, PressRelease, parse, read, render
from communique.errors import CommuniqueWarning, ParseError
from communique.registry import sniff
from strategies import releases

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample_fr.txt"


def save(doc: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The same package with some parts replaced (or removed with ``None``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    dst.writestr(info.filename, changes[info.filename])  # type: ignore[arg-type]
            else:
                dst.writestr(info, src.read(info))
        for name, data in changes.items():
            if data is not None and name not in src.namelist():
                dst.writestr(name, data)
    return out.getvalue()


def read_part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return read(SAMPLE)


# ---------------------------------------------------------------- our own documents


def test_embedded_release_is_read_back_exactly(sample: PressRelease) -> None:
    data = render(sample, "docx")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse(data, "docx") == sample


def test_read_by_extension_and_by_sniffing(tmp_path: Path) -> None:
    data = render(release(), "docx")
    path = tmp_path / "communique.docx"
    path.write_bytes(data)
    assert read(path) == release()
    unnamed = tmp_path / "download.bin"
    unnamed.write_bytes(data)
    assert sniff(data[:8192]) == "docx"
    assert read(unnamed) == release()


def test_visible_content_of_our_own_document_is_close_to_the_release(sample: PressRelease) -> None:
    seen = parse(render(sample, "docx"), "docx", embedded="ignore")
    assert seen.header.title == sample.header.title
    assert seen.header.dateline == "Belgrade"
    assert seen.paragraphs == sample.paragraphs
    assert seen.quotes == tuple(q for q in seen.quotes)  # well-formed
    assert [q.text for q in seen.quotes] == [q.text for q in sample.quotes]
    assert seen.dates == sample.dates
    # The table gives attendees back, countries as ISO codes; aliases are not shown, so not read.
    assert [(a.name, a.rank, a.role, a.organization, a.country) for a in seen.attendees] == [
        (a.name, a.rank, a.role, a.organization, a.country) for a in sample.attendees
    ]


def test_edited_document_is_read_from_its_visible_text_with_a_warning() -> None:
    data = render(release(), "docx")
    document = read_part(data, "word/document.xml").replace("l’OTAN est déterminée".encode(), "l’OTAN agira".encode())
    edited = rezip(data, {"word/document.xml": document})
    with pytest.warns(CommuniqueWarning, match="edited after communique wrote it"):
        seen = parse(edited, "docx")
    assert "« l’OTAN agira »" in seen.paragraphs[0].text
    with pytest.raises(ParseError, match="edited after communique"):
        parse(edited, "docx", embedded="require")


def test_corrupt_embedded_json_falls_back_to_visible_content_with_a_warning() -> None:
    data = render(release(), "docx")
    item = read_part(data, "customXml/item1.xml").replace(b'"schema_version": 2,', b'"schema_version": 2,,')
    broken = rezip(data, {"customXml/item1.xml": item})
    with pytest.warns(
        CommuniqueWarning, match=r"embedded release \(customXml/item1.xml\) cannot be used.*not valid JSON"
    ):
        seen = parse(broken, "docx")
    assert seen.header.title == "Titre" and seen.header.dateline == "Belgrade"
    with pytest.raises(ParseError, match="not valid JSON"):
        parse(broken, "docx", embedded="require")


def test_malformed_embedded_xml_falls_back_with_a_warning() -> None:
    data = render(release(), "docx")
    item = read_part(data, "customXml/item1.xml").replace(b"</release>", b"</releas>")
    with pytest.warns(CommuniqueWarning, match="is corrupt"):
        assert parse(rezip(data, {"customXml/item1.xml": item}), "docx").header.title == "Titre"


def test_newer_schema_version_falls_back_and_says_upgrade() -> None:
    data = render(release(), "docx")
    item = read_part(data, "customXml/item1.xml").replace(b'"schema_version": 2,', b'"schema_version": 99,')
    newer = rezip(data, {"customXml/item1.xml": item})
    with pytest.warns(CommuniqueWarning, match="newer than this communique understands.*upgrade"):
        seen = parse(newer, "docx")
    assert seen.header.title == "Titre"
    with pytest.raises(ParseError, match="schema_version 99"):
        parse(newer, "docx", embedded="require")


def test_a_version_1_embedded_copy_is_read_exactly() -> None:
    from xml.sax.saxutils import escape

    r = headed()
    data = render(r, "docx")
    item = read_part(data, "customXml/item1.xml")
    head, _, _ = item.partition(b'schema-version="2"')
    digest = re.search(rb'visible="([^"]*)"', item)
    assert digest is not None
    old = head + b'schema-version="1" visible="' + digest.group(1) + b'">' + escape(version_1_json(r).decode()).encode()
    older = rezip(data, {"customXml/item1.xml": old + b"</release>\n"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = parse(older, "docx", embedded="require")
    assert back == r
    assert [q.attendee for q in back.quotes] == [0, 0]


def test_a_quotation_over_two_paragraphs_and_a_mention_round_trip_and_show() -> None:
    r = spanning()
    data = render(r, "docx")
    assert parse(data, "docx") == r
    # The visible document: each part of the quotation is a quote in its paragraph; the person only
    # mentioned is not in the participants table.
    from lxml import etree

    w = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    document = etree.fromstring(read_part(data, "word/document.xml"))
    quoted = document.xpath("//w:r[w:rPr/w:rStyle/@w:val='QuoteChar']/w:t/text()", namespaces=w)
    assert quoted == [q.text for q in r.quotes if not q.in_title]
    table = "".join(document.xpath("//w:tbl//w:t/text()", namespaces=w))
    assert "porte-parole" in table and "Stoltenberg" not in table


def test_require_without_embedded_part_is_an_error() -> None:
    doc = docx.Document()
    doc.add_paragraph("Un titre", style="Title")
    with pytest.raises(ParseError, match="no embedded communique release"):
        parse(save(doc), "docx", embedded="require")


# ---------------------------------------------------------------- someone else's documents


def third_party() -> bytes:
    """A release as a newsroom would type it in Word (python-docx only, no help from communique)."""
    doc = docx.Document()
    doc.core_properties.author = "Jane Editor"
    doc.add_paragraph("PRESS RELEASE")
    doc.add_paragraph("NATO Deputy Chairman attends Balkan CHODs conference", style="Title")
    doc.add_paragraph("22 May. 2018 - 23 May. 2018")
    doc.add_paragraph("Updated: 20 Jul. 2018 15:57")
    doc.add_paragraph(
        "Belgrade – Air Marshal Shepro, Deputy Chairman of the NATO Military Committee, attended the conference "
        "hosted by General Ljubiša Diković, Chief of the General Staff of the Serbian Armed Forces."
    )
    doc.add_paragraph(
        "Air Marshal Shepro stressed that “NATO will maintain its presence in the Western Balkans”, "
        "and added that “the future of the region lies in Euro-Atlantic cooperation”."
    )
    doc.add_paragraph("Attendees", style="Heading 1")
    table = doc.add_table(rows=1, cols=5)
    for cell, label in zip(table.rows[0].cells, ["Name", "Rank", "Role", "Organisation", "Country"], strict=True):
        cell.text = label
    for row in (
        ("Shepro", "Air Marshal", "Deputy Chairman of the Military Committee", "NATO", ""),
        ("Ljubiša Diković", "General", "Chief of the General Staff", "", "Serbia"),
        ("", "", "Chief of Defence", "", "Greece"),
    ):
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    return save(doc)


def test_third_party_document_is_read_from_visible_content() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = parse(third_party(), "docx")
    assert r.header.title == "NATO Deputy Chairman attends Balkan CHODs conference"
    assert r.header.language == "en"
    assert r.header.dateline == "Belgrade"
    assert r.header.source is None  # the file's author is a person, not the publisher
    assert r.dates.start == dt.date(2018, 5, 22) and r.dates.end == dt.date(2018, 5, 23)
    assert r.dates.updated == dt.datetime(2018, 7, 20, 15, 57)
    assert len(r.paragraphs) == 2 and r.paragraphs[0].text.startswith("Air Marshal Shepro, Deputy Chairman")
    assert "Attendees" not in r.text and "Serbia" not in r.text.split("Forces.")[-1]
    assert [q.text for q in r.quotes] == [
        "NATO will maintain its presence in the Western Balkans",
        "the future of the region lies in Euro-Atlantic cooperation",
    ]
    assert r.attendees == (
        Attendee(
            name="Shepro", rank="Air Marshal", role="Deputy Chairman of the Military Committee", organization="NATO"
        ),
        Attendee(name="Ljubiša Diković", rank="General", role="Chief of the General Staff", country="RS"),
        Attendee(role="Chief of Defence", country="GR"),
    )


def test_french_table_headings_and_country_names_are_read() -> None:
    doc = docx.Document()
    doc.add_paragraph("Titre de la réunion", style="Title")
    doc.add_paragraph("Bruxelles – Le général Shepro a rencontré ses homologues.")
    doc.add_paragraph("Participants", style="Heading 1")
    table = doc.add_table(rows=2, cols=3)
    for cell, label in zip(table.rows[0].cells, ["Nom", "Fonction", "Pays"], strict=True):
        cell.text = label
    for cell, value in zip(table.rows[1].cells, ["Ljubiša Diković", "chef d’état-major", "Serbie"], strict=True):
        cell.text = value
    r = parse(save(doc), "docx")
    assert r.header.language == "fr"
    assert r.attendees == (Attendee(name="Ljubiša Diković", role="chef d’état-major", country="RS"),)
    assert [p.text for p in r.paragraphs] == ["Le général Shepro a rencontré ses homologues."]


def test_unknown_country_in_the_table_is_a_warning_not_a_failure() -> None:
    doc = docx.Document()
    doc.add_paragraph("A title", style="Title")
    doc.add_paragraph("The meeting took place in Brussels and everyone attended.")
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Name", "Country"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Jane Doe", "Atlantis"
    with pytest.warns(CommuniqueWarning, match="unknown country 'Atlantis'"):
        r = parse(save(doc), "docx")
    assert r.attendees == (Attendee(name="Jane Doe"),)


def test_without_title_style_the_first_paragraph_is_the_title() -> None:
    doc = docx.Document()
    doc.add_paragraph("")
    doc.add_paragraph("Communiqué sans style")
    doc.add_paragraph("Le texte du communiqué est ici, en français, pour la détection de la langue.")
    r = parse(save(doc), "docx")
    assert r.header.title == "Communiqué sans style"
    assert [p.text for p in r.paragraphs] == [
        "Le texte du communiqué est ici, en français, pour la détection de la langue."
    ]


def test_other_tables_are_read_as_paragraphs() -> None:
    doc = docx.Document()
    doc.add_paragraph("Figures", style="Title")
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Budget 2018", "1,2 milliard"
    r = parse(save(doc), "docx")
    assert [p.text for p in r.paragraphs] == ["Budget 2018", "1,2 milliard"]


@pytest.fixture(scope="module")
def libreoffice_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample .txt turned into a DOCX by LibreOffice (one conversion for the module)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui")
    root = tmp_path_factory.mktemp("lo")
    source = root / "sample_fr.txt"
    source.write_bytes(SAMPLE.read_bytes())
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--infilter=Text (encoded):UTF8",
            "--convert-to",
            "docx",
            "--outdir",
            str(root / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    produced = root / "out" / "sample_fr.docx"
    assert produced.exists(), f"LibreOffice did not convert the sample: {result.stdout} {result.stderr}"
    return produced


def test_libreoffice_made_docx_reads_like_the_text_it_came_from(libreoffice_docx: Path, sample: PressRelease) -> None:
    data = libreoffice_docx.read_bytes()
    assert b"urn:communique" not in data
    assert read(libreoffice_docx) == sample


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the input is empty"),
        (b"Hello, this is plain text", "not a DOCX file: it is not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word 97-2003"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"PK\x03\x04 truncated", "the zip archive is damaged"),
    ],
)
def test_not_a_zip_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)):
        parse(data, "docx")


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_zip_that_is_not_a_docx_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match=r"not a DOCX file: a zip archive, but not an Office document"):
        parse(zip_of({"notes.txt": b"hello"}), "docx")
    odt = zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    with pytest.raises(ParseError, match="an OpenDocument file"):
        parse(odt, "docx")
    types = (
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Override PartName="/xl/workbook.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Target="xl/workbook.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
    )
    xlsx = zip_of({"[Content_Types].xml": types, "_rels/.rels": rels, "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(ParseError, match="an Excel workbook"):
        parse(xlsx, "docx")


def test_malformed_document_xml_names_the_part_and_line() -> None:
    data = render(release(), "docx")
    broken = rezip(data, {"word/document.xml": b"<?xml version='1.0'?>\n<w:document xmlns:w='x'>\n<oops></w:document>"})
    with pytest.raises(ParseError, match=r"word/document.xml: malformed XML") as caught:
        parse(broken, "docx")
    assert caught.value.line == 3


def test_entities_and_doctypes_are_refused() -> None:
    data = render(release(), "docx")
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(ParseError, match="document type declaration is not allowed"):
        parse(rezip(data, {"word/document.xml": evil}), "docx")


def test_document_without_paragraphs_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match=r"no text \(no paragraphs\)"):
        parse(save(docx.Document()), "docx")
    empty = docx.Document()
    empty.add_paragraph("")
    empty.add_paragraph("   ")
    with pytest.raises(ParseError, match=r"no text \(only empty paragraphs\)"):
        parse(save(empty), "docx")


def test_part_declaring_more_than_50_mb_is_refused_before_inflating() -> None:
    # 60 MB of zeros deflates to about 60 KB: both the size and the ratio are out of bounds.
    bomb = rezip(render(release(), "docx"), {"word/media/zeros.bin": b"\0" * (60 * 2**20)})
    start = time.perf_counter()
    with pytest.raises(
        ParseError, match=r"word/media/zeros.bin: refused: part declares 62,914,560 bytes, over the 50 MB"
    ):
        parse(bomb, "docx")
    assert time.perf_counter() - start < 0.5  # nothing was inflated


def test_part_with_a_bomb_compression_ratio_is_refused() -> None:
    bomb = rezip(render(release(), "docx"), {"word/document.xml": b" " * (20 * 2**20)})
    with pytest.raises(ParseError, match=r"word/document.xml: refused: part would inflate \d[\d,]* times"):
        parse(bomb, "docx")


def test_a_part_in_an_unknown_compression_method_is_refused_before_inflating() -> None:
    data = bytearray(render(release(), "docx"))
    # Mark every entry as Deflate64 (method 9), which the standard library cannot inflate.
    for signature, offset in ((b"PK\x01\x02", 10), (b"PK\x03\x04", 8)):
        pos = 0
        while (pos := data.find(signature, pos)) >= 0:
            struct.pack_into("<H", data, pos + offset, 9)
            pos += 4
    with pytest.raises(ParseError, match=r"unsupported zip compression \(method 9\)"):
        parse(bytes(data), "docx")


def test_huge_declared_total_is_refused() -> None:
    # Five parts of 45 MB each: none over the part limit, together over the 200 MB limit.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for i in range(5):
            z.writestr(f"word/media/part{i}.bin", b"")
    data = bytearray(out.getvalue())
    # Declare 45 MB in every central directory entry (stored, so the ratio check does not apply first).
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        struct.pack_into("<I", data, pos + 20, 45 * 2**20)  # compressed size
        struct.pack_into("<I", data, pos + 24, 45 * 2**20)  # uncompressed size
        pos += 4
    with pytest.raises(ParseError, match="the parts declare 235,929,600 bytes in all, over the 200 MB limit"):
        parse(bytes(data), "docx")


def test_part_inflating_past_its_declared_size_is_refused() -> None:
    big = (
        "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
        + "<w:p><w:r><w:t>bla bla</w:t></w:r></w:p>" * 20000
        + "</w:body></w:document>"
    ).encode()
    data = bytearray(rezip(render(release(), "docx"), {"word/document.xml": big}))
    # Lie in the central directory: claim the document inflates to 1,000 bytes.
    name = b"word/document.xml"
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, 1000)
        pos += 4
    with pytest.raises(ParseError, match=r"word/document.xml: refused: the part does not match its header"):
        parse(bytes(data), "docx")


def test_text_input_is_refused() -> None:
    with pytest.raises(ParseError, match="not a DOCX file"):
        parse("plain text given as str", "docx")


def test_sniff_ignores_other_zips() -> None:
    assert sniff(zip_of({"notes.txt": b"hello"})[:8192]) != "docx"


def test_release_with_headerless_title_only_round_trips() -> None:
    r = PressRelease(header=Header(title="Seul", language="fr"))
    assert parse(render(r, "docx"), "docx") == r
    assert parse(render(r, "docx"), "docx", embedded="ignore").header.title == "Seul"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases(xml_safe=True))
def test_visible_read_of_any_release_gives_its_title_or_a_parse_error(r: PressRelease) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CommuniqueWarning)
        data = render(r, "docx")
        try:
            seen = parse(data, "docx", embedded="ignore")
        except ParseError:
            return  # e.g. an impossible date written in a random paragraph: reported, not a crash
    assert seen.header.title == " ".join(r.header.title.split())


def test_plugin_modules_import_no_heavy_library() -> None:
    code = (
        "import sys, communique.exporters.docx, communique.parsers.docx, communique._zipsafe;"
        "print(sorted(m for m in ('lxml', 'docx', 'reportlab') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_visible_content_keeps_the_speakers_and_aliases_the_text_gives(sample_path: Path) -> None:
    # The table lists the attendees; the text adds what the table has no column for.
    original = read(sample_path)
    visible = parse(render(original, "docx"), "docx", embedded="ignore")
    assert [q.speaker for q in visible.quotes] == [q.speaker for q in original.quotes]
    assert visible.attendee("DCMC").name == "Shepro"


def test_a_quoted_person_missing_from_the_table_stays_an_attendee() -> None:
    doc = docx.Document()
    doc.add_paragraph("Ministers meet in Brussels", style="Title")
    doc.add_paragraph("Brussels – “We are united,” said Minister Jean Dupont.")
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Name", "Country"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Jane Doe", "Canada"
    r = parse(save(doc), "docx")
    assert r.quotes[0].speaker == "Jean Dupont"
    assert [a.name for a in r.attendees] == ["Jane Doe", "Jean Dupont"]


def test_a_one_line_date_and_stamp_in_any_style_is_read_as_dates() -> None:
    doc = docx.Document()
    doc.add_paragraph("Ministers meet in Brussels", style="Title")
    doc.add_paragraph("14 Sep. 2019 | Last updated: 14 Sep. 2019 19:44")
    doc.add_paragraph("Brussels – The ministers met.")
    r = parse(save(doc), "docx")
    assert r.dates.start == dt.date(2019, 9, 14)
    assert r.dates.updated == dt.datetime(2019, 9, 14, 19, 44)
    assert r.header.dateline == "Brussels"
    assert [p.text for p in r.paragraphs] == ["The ministers met."]


def test_visible_content_gives_the_subtitle_and_the_reference_back() -> None:
    r = headed()
    seen = parse(render(r, "docx"), "docx", embedded="ignore")
    assert seen.header.title == "Titre"
    assert seen.header.subtitle == r.header.subtitle
    assert seen.header.reference == r.header.reference
    assert seen.paragraphs == r.paragraphs  # neither became a body paragraph
    assert seen.dates.updated == r.dates.updated


# ---------------------------------------------------------------- the house layout read back (collapsed rows, spacing)


def _people(r: PressRelease) -> list[tuple[str | None, ...]]:
    return [(a.name, a.rank, a.role, a.organization, a.country) for a in r.attendees]


PLAIN = "Le général a déclaré : « Nous sommes prêts ; vraiment ! » Et vous ? La séance a repris à 15 h 57."


def test_french_spacing_is_printed_and_read_back_as_the_plain_spaces_the_release_held() -> None:
    r = release(paragraphs=(Paragraph(text=PLAIN),), quotes=(), header=Header(title="Prêts ? Oui !", language="fr"))
    data = render(r, "docx")
    shown = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert shown[0] == "Prêts\u202f? Oui\u202f!"
    assert "déclaré\u00a0: «\u00a0Nous sommes prêts\u202f; vraiment\u202f!\u00a0» Et vous\u202f?" in shown[2]
    assert "15\u00a0h\u00a057" in shown[2]
    item = read_part(data, "customXml/item1.xml").decode()
    assert 'typography="!=space :=space ;=space ?=space h1=space h2=space «=space »=space"' in item
    assert parse(data, "docx") == r
    seen = parse(data, "docx", embedded="ignore")
    assert seen.header.title == "Prêts ? Oui !"
    assert [p.text for p in seen.paragraphs] == [PLAIN]


def test_no_break_spaces_the_release_held_come_back_as_no_break_spaces(sample: PressRelease) -> None:
    # The NATO sample writes U+00A0 inside « » and before ":": the record says so, nothing is lost.
    data = render(sample, "docx")
    assert 'typography=":=nbsp «=nbsp »=nbsp"' in read_part(data, "customXml/item1.xml").decode()
    assert parse(data, "docx", embedded="ignore").paragraphs == sample.paragraphs


def test_text_without_spaces_at_the_marks_comes_back_without_them() -> None:
    text = "Il a dit «oui» à 9h05."
    r = release(paragraphs=(Paragraph(text=text),), quotes=())
    data = render(r, "docx")
    assert "«\u00a0oui\u00a0» à 9\u00a0h\u00a005." in docx.Document(io.BytesIO(data)).paragraphs[2].text
    assert parse(data, "docx", embedded="ignore").paragraphs[0].text == text


def test_an_edited_document_still_gets_the_release_spaces_back() -> None:
    r = release(paragraphs=(Paragraph(text=PLAIN),), quotes=())
    data = render(r, "docx")
    document = read_part(data, "word/document.xml").replace(b"Et vous", b"Et nous")
    with pytest.warns(CommuniqueWarning, match="edited after communique wrote it"):
        seen = parse(rezip(data, {"word/document.xml": document}), "docx")
    assert [p.text for p in seen.paragraphs] == [PLAIN.replace("Et vous", "Et nous")]


def test_no_break_spaces_of_a_document_communique_did_not_write_are_kept() -> None:
    doc = docx.Document()
    doc.add_paragraph("Réunion à Bruxelles", style="Title")
    doc.add_paragraph("Bruxelles – Le ministre a déclaré\u00a0: «\u00a0Nous sommes prêts\u00a0».")
    assert (
        parse(save(doc), "docx").paragraphs[0].text == "Le ministre a déclaré\u00a0: «\u00a0Nous sommes prêts\u00a0»."
    )


def test_english_text_is_printed_and_read_as_written() -> None:
    text = "He said: « yes » ; really ? At 15 h 57."
    r = release(header=Header(title="Title", language="en"), paragraphs=(Paragraph(text=text),), quotes=())
    data = render(r, "docx")
    assert b"typography=" not in read_part(data, "customXml/item1.xml")
    assert docx.Document(io.BytesIO(data)).paragraphs[2].text == text
    assert parse(data, "docx", embedded="ignore").paragraphs[0].text == text


CHIEFS = "chef d’état-major de la défense"


def _collapsible() -> PressRelease:
    return release(
        quotes=(),
        attendees=(
            Attendee(name="Shepro", rank="général de corps aérien", organization="OTAN"),
            *(Attendee(role=CHIEFS, country=code) for code in ("AL", "BG", "BA", "GR", "BQ", "MK")),
            Attendee(role="président du Comité militaire", organization="CMUE"),
            Attendee(role="commandant", organization="JFC Naples"),
            Attendee(role="commandant", organization="JFC Naples", country="IT"),
        ),
    )


def test_a_collapsed_row_is_printed_once_and_read_back_as_one_attendee_per_country() -> None:
    r = _collapsible()
    data = render(r, "docx")
    rows = [[c.text for c in row.cells] for row in docx.Document(io.BytesIO(data)).tables[0].rows]
    assert rows == [
        ["Nom", "Grade", "Fonction", "Organisation", "Pays"],
        ["Shepro", "général de corps aérien", "", "OTAN", ""],
        [
            "",
            "",
            CHIEFS,
            "",
            "Albanie, Bulgarie, Bosnie-Herzégovine, Grèce, Bonaire, Saint-Eustache et Saba, Macédoine du Nord",
        ],
        ["", "", "président du Comité militaire", "CMUE", ""],
        ["", "", "commandant", "JFC Naples", "Italie"],
    ]
    assert parse(data, "docx") == r
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        seen = parse(data, "docx", embedded="ignore")
    # The two JFC commanders were one row (one without a country): it gives one attendee back.
    assert _people(seen) == [*_people(r)[:-2], (None, None, "commandant", "JFC Naples", "IT")]


def test_a_collapsed_row_in_english_is_read_by_english_country_names() -> None:
    r = PressRelease(
        header=Header(title="Title", language="en", source="NATO"),
        paragraphs=(Paragraph(text="The chiefs met."),),
        attendees=_collapsible().attendees[:7],
    )
    data = render(r, "docx")
    cells = [c.text for c in docx.Document(io.BytesIO(data)).tables[0].rows[2].cells]
    assert cells[-1] == (
        "Albania, Bulgaria, Bosnia and Herzegovina, Greece, Bonaire, Sint Eustatius and Saba, North Macedonia"
    )
    assert _people(parse(data, "docx", embedded="ignore")) == _people(r)


def test_a_collapsed_row_takes_the_place_of_its_first_attendee() -> None:
    r = release(
        quotes=(),
        attendees=(
            Attendee(role=CHIEFS, country="AL"),
            Attendee(name="Shepro", organization="OTAN"),
            Attendee(role=CHIEFS, country="BG"),
        ),
    )
    seen = parse(render(r, "docx"), "docx", embedded="ignore")
    assert _people(seen) == [_people(r)[i] for i in (0, 2, 1)]


def test_an_unknown_name_in_a_country_list_is_a_warning() -> None:
    doc = docx.Document()
    doc.add_paragraph("Réunion", style="Title")
    doc.add_paragraph("Bruxelles – Les chefs se sont réunis.")
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ("Fonction", "Pays"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, (CHIEFS, "Albanie, Atlantide"), strict=True):
        cell.text = text
    with pytest.warns(CommuniqueWarning, match="unknown country 'Albanie, Atlantide'"):
        r = parse(save(doc), "docx")
    assert _people(r) == [(None, None, CHIEFS, None, None)]


def test_a_names_only_participants_table_is_read_back() -> None:
    # Columns no attendee fills are dropped: a list of names is a one-column table under its heading.
    r = release(quotes=(), attendees=(Attendee(name="Jean Dupont"), Attendee(name="Marie Curie")))
    data = render(r, "docx")
    assert [[c.text for c in row.cells] for row in docx.Document(io.BytesIO(data)).tables[0].rows] == [
        ["Nom"],
        ["Jean Dupont"],
        ["Marie Curie"],
    ]
    seen = parse(data, "docx", embedded="ignore")
    assert _people(seen) == _people(r)
    assert [p.text for p in seen.paragraphs] == [p.text for p in r.paragraphs]
