"""The docx exporter writes a styled Word document, deterministic, with the release embedded.

Documents are opened with python-docx and lxml (independent readers) and, where
it is installed, converted by LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import os
import shutil
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, RGBColor
from hypothesis import HealthCheck, given, settings
from lxml import etree

from builders import TEXT, headed
from builders import release as base_release
from communique import Attendee, Dates, Header, Paragraph, PressRelease, parse, read, render
from communique.errors import CommuniqueWarning, OptionError, RenderError
from strategies import releases

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample_fr.txt"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def release(**changes: object) -> PressRelease:
    attendees = (
        Attendee(name="Shepro", rank="général de corps aérien", organization="OTAN", aliases=("DCMC",)),
        Attendee(name="Ljubiša Diković", role="chef de l’état-major général", country="RS"),
        Attendee(role="chef d’état-major de la défense", country="GR"),
    )
    return base_release(**{"attendees": attendees, **changes})


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return read(SAMPLE)


# ---------------------------------------------------------------- what an editor sees


def french(text: str) -> str:
    """``text`` as the house style prints it in French: no-break spaces inside « » (and before : ; ! ?)."""
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def test_title_dates_paragraphs_and_table_use_styles_in_layout_order() -> None:
    doc = open_docx(render(release(), "docx"))
    shown = [(p.style.name, p.text) for p in doc.paragraphs]
    assert shown == [
        ("Title", "Titre"),
        ("Date", "22–23 mai 2018 | Mis à jour le 20 juillet 2018 à 15 h 57"),
        ("Body Text", "Belgrade – " + french(TEXT)),
        ("Heading 1", "Participants"),
        ("End Mark", "– FIN –"),
    ]


def test_no_direct_formatting_only_styles() -> None:
    body = part(render(release(), "docx"), "word/document.xml")
    for rpr in body.iter(w("rPr")):
        assert [c.tag for c in rpr] == [w("rStyle")]
    for ppr in body.iter(w("pPr")):
        assert [c.tag for c in ppr] == [w("pStyle")]


def test_dateline_leads_the_first_paragraph_in_a_bold_character_style() -> None:
    doc = open_docx(render(release(), "docx"))
    first = doc.paragraphs[2]
    assert first.runs[0].text == "Belgrade"
    style = first.runs[0].style
    assert style.name == "Dateline"
    assert style.font.bold  # bold, as in the PDF
    assert first.runs[1].text == " – " and first.runs[1].style.name == "Default Paragraph Font"


def test_quotes_stay_in_place_as_quote_char_runs() -> None:
    r = release()
    doc = open_docx(render(r, "docx"))
    runs = doc.paragraphs[2].runs
    quoted = [run.text for run in runs if run.style.name == "Quote Char"]
    assert quoted == [q.text for q in r.quotes]
    # The runs put together are the paragraph as printed in French (no-break spaces inside « »),
    # quotation marks outside the quote runs.
    assert "".join(run.text for run in runs[2:]) == french(TEXT)


def test_attendees_table_has_localised_heading_columns_and_country_names() -> None:
    doc = open_docx(render(release(), "docx"))
    table = doc.tables[0]
    assert table.style.name == "Table Grid"
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [
        ["Nom", "Grade", "Fonction", "Organisation", "Pays"],
        ["Shepro", "général de corps aérien", "", "OTAN", ""],
        ["Ljubiša Diković", "", "chef de l’état-major général", "", "Serbie"],
        ["", "", "chef d’état-major de la défense", "", "Grèce"],
    ]
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Table Heading"
    assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Contents"
    header_row = part(render(release(), "docx"), "word/document.xml").find(f".//{w('tr')}")
    assert header_row.find(f"{w('trPr')}/{w('tblHeader')}") is not None  # repeats on every page


def _styles_of_rows(table: docx.table.Table) -> list[str]:
    return [row.cells[0].paragraphs[0].style.name for row in table.rows]


@pytest.mark.parametrize("count", [1, 2, 3, 6])
def test_the_last_two_rows_are_kept_together(count: int) -> None:
    people = tuple(Attendee(name=f"Personne {i}", country="FR") for i in range(count))
    table = open_docx(render(release(attendees=people), "docx")).tables[0]
    kept = ["Table Contents Kept"] if count >= 2 else []
    assert _styles_of_rows(table) == ["Table Heading", *["Table Contents"] * (count - 2), *kept, "Table Contents"]
    style = table.rows[1].cells[0].paragraphs[0].part.document.styles["Table Contents Kept"]
    assert style.base_style.name == "Table Contents" and style.paragraph_format.keep_with_next


def test_participants_start_a_new_page_where_the_foot_of_the_page_cannot_hold_their_start() -> None:
    # The English sample: heading, header row and one row would be left at the foot of page 1
    # (in LibreOffice; the PDF moves them to page 2): the heading's style breaks the page before it.
    en = open_docx(render(read(REPO / "examples" / "sample_en.txt"), "docx"))
    heading = next(p for p in en.paragraphs if p.text == "Attendees")
    assert heading.style.name == "Heading New Page"
    assert heading.style.base_style.name.lower() == "heading 1" and heading.style.paragraph_format.page_break_before
    # The French sample's table starts high on page 2: no break.
    fr = open_docx(render(read(SAMPLE), "docx"))
    assert next(p for p in fr.paragraphs if p.text == "Participants").style.name == "Heading 1"
    # A release with a short body: no break either.
    assert open_docx(render(release(), "docx")).paragraphs[3].style.name == "Heading 1"


def test_page_break_decision_follows_the_body_length() -> None:
    """Growing the body a line at a time: the break comes when the page's foot gets short, and goes
    when the body runs onto the next page."""
    words = " ".join([TEXT] * 80).split()
    styles = []
    for count in range(60, 1200, 12):
        r = release(paragraphs=(Paragraph(text=" ".join(words[:count])),), quotes=())
        styles.append(next(p for p in open_docx(render(r, "docx")).paragraphs if p.text == "Participants").style.name)
    changes = [a for a, b in itertools.pairwise(styles) if a != b]
    assert styles[0] == "Heading 1" and "Heading New Page" in styles
    assert changes == ["Heading 1", "Heading New Page"], styles  # one run of breaks, then room on page 2


def test_a_template_decides_its_own_page_breaks(tmp_path: Path) -> None:
    words = " ".join([TEXT] * 80).split()
    template = tmp_path / "t.docx"
    docx.Document().save(str(template))
    for count in range(60, 1200, 48):
        r = release(paragraphs=(Paragraph(text=" ".join(words[:count])),), quotes=())
        doc = open_docx(render(r, "docx", template=str(template)))
        assert next(p for p in doc.paragraphs if p.text == "Participants").style.name.lower() == "heading 1"


def test_english_release_gets_english_heading_and_country_names() -> None:
    r = release(header=Header(title="Title", language="en", source="NATO", dateline="Belgrade"))
    doc = open_docx(render(r, "docx"))
    assert doc.paragraphs[3].text == "Attendees"
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Name", "Rank", "Role", "Organisation", "Country"]
    assert doc.tables[0].rows[3].cells[4].text == "Greece"


def test_no_attendees_no_heading_no_table_and_no_dates_no_date_line() -> None:
    r = PressRelease(header=Header(title="Bare", language="fr"), paragraphs=[Paragraph(text="Texte.")])
    doc = open_docx(render(r, "docx"))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == [
        ("Title", "Bare"),
        ("Body Text", "Texte."),
        ("End Mark", "– FIN –"),
    ]
    assert doc.tables == []


def test_core_properties_come_from_the_release() -> None:
    props = open_docx(render(release(), "docx")).core_properties
    assert props.title == "Titre"
    assert props.language == "fr"
    assert props.author == "OTAN"
    assert props.subject == "Belgrade"
    assert props.keywords == "OTAN, Serbie, Grèce"
    assert props.created == dt.datetime(2018, 7, 20, 15, 57, tzinfo=dt.UTC)
    assert props.modified == dt.datetime(2018, 7, 20, 15, 57, tzinfo=dt.UTC)
    assert props.revision == 0 and props.last_modified_by == ""


def test_long_keywords_and_title_are_cut_to_what_core_properties_hold() -> None:
    # python-docx refuses core properties over 255 characters: a release naming many
    # organisations (the 1,000-paragraph benchmark release) failed to render.
    people = tuple(Attendee(name=f"Personne {i}", organization=f"Organisation numéro {i}") for i in range(40))
    title = "Un titre " * 40
    r = release(attendees=people, header=Header(title=title.strip(), language="fr", source="OTAN"))
    data = render(r, "docx")
    props = open_docx(data).core_properties
    assert len(props.keywords) <= 255 and props.keywords.endswith("…")
    assert props.keywords.startswith("Organisation numéro 0, Organisation numéro 1, ")
    assert ", Organisation numéro 1…" not in props.keywords  # whole keywords only
    assert len(props.title) <= 255 and props.title.startswith("Un titre Un titre") and props.title.endswith("titre…")
    assert parse(data, "docx") == r  # the embedded copy keeps everything


def test_core_dates_are_converted_to_utc() -> None:
    paris = dt.timezone(dt.timedelta(hours=2))
    r = release(
        dates=Dates(
            published=dt.datetime(2018, 5, 22, 10, 0, tzinfo=paris),
            updated=dt.datetime(2018, 7, 20, 15, 57, tzinfo=paris),
        )
    )
    props = open_docx(render(r, "docx")).core_properties
    assert props.created == dt.datetime(2018, 5, 22, 8, 0, tzinfo=dt.UTC)
    assert props.modified == dt.datetime(2018, 7, 20, 13, 57, tzinfo=dt.UTC)


def test_language_is_set_on_styles_and_settings_for_spell_checking() -> None:
    data = render(release(), "docx")
    styles = part(data, "word/styles.xml")
    default_lang = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    assert default_lang is not None and default_lang.get(w("val")) == "fr"
    assert {el.get(w("val")) for el in styles.iter(w("lang"))} == {"fr"}
    settings_el = part(data, "word/settings.xml")
    assert settings_el.find(w("themeFontLang")).get(w("val")) == "fr"
    english = part(render(release(header=Header(title="T", language="en-GB")), "docx"), "word/styles.xml")
    assert {el.get(w("val")) for el in english.iter(w("lang"))} == {"en-GB"}


def test_page_size_is_a4_by_default_and_letter_on_request() -> None:
    a4 = open_docx(render(release(), "docx")).sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    letter = open_docx(render(release(), "docx", page_size="letter")).sections[0]
    assert (round(letter.page_width.inches, 2), round(letter.page_height.inches, 2)) == (8.5, 11.0)
    with pytest.raises(OptionError, match="a4, letter"):
        render(release(), "docx", page_size="a3")


def test_unicode_survives() -> None:
    words = "Đoković ćevapi šuma œuvre « guillemets » l’OTAN – Москва Αθήνα"
    r = release(paragraphs=(Paragraph(text=words),), quotes=(), header=Header(title=words, language="fr"))
    doc = open_docx(render(r, "docx"))
    assert doc.paragraphs[0].text == french(words)
    assert doc.paragraphs[2].text == french(words)
    assert parse(render(r, "docx"), "docx", embedded="ignore").paragraphs[0].text == words


def test_newlines_and_tabs_become_breaks_and_tabs() -> None:
    r = release(paragraphs=(Paragraph(text="ligne 1\nligne 2\tcolonne"),), quotes=())
    body = part(render(r, "docx"), "word/document.xml")
    para = body.find(w("body")).findall(w("p"))[2]
    assert len(para.findall(f".//{w('br')}")) == 1 and len(para.findall(f".//{w('tab')}")) == 1
    assert open_docx(render(r, "docx")).paragraphs[2].text == "Belgrade – ligne 1\nligne 2\tcolonne"


def test_leading_and_trailing_spaces_are_preserved() -> None:
    r = release(paragraphs=(Paragraph(text="  indented and trailing  "),), quotes=())
    assert open_docx(render(r, "docx")).paragraphs[2].text == "Belgrade –   indented and trailing  "


# ---------------------------------------------------------------- characters XML cannot hold


def test_control_characters_are_stripped_from_the_view_with_a_warning_but_kept_embedded() -> None:
    text = "avant\x00\x07\x1b après\x0c fin\ufffe"
    r = PressRelease(
        header=Header(title="Titre\x01 sûr", language="fr"),
        paragraphs=[Paragraph(text=text)],
        attendees=[Attendee(name="Nom\x02", role="rôle")],
    )
    with pytest.warns(CommuniqueWarning, match=r"title, paragraphs\[0\], attendees\[0\]") as caught:
        data = render(r, "docx")
    assert "embedded release keeps the exact text" in str(caught[0].message)
    doc = open_docx(data)  # a well-formed package
    assert doc.paragraphs[0].text == "Titre sûr"
    assert doc.paragraphs[1].text == "avant après fin"
    assert doc.tables[0].rows[1].cells[0].text == "Nom"
    assert parse(data, "docx") == r  # exact, controls included


def test_clean_release_renders_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render(release(), "docx")


# ---------------------------------------------------------------- lossless read-back


def test_release_is_embedded_as_custom_xml_with_canonical_json() -> None:
    from communique._serialize import dumps

    data = render(release(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        item = etree.fromstring(z.read("customXml/item1.xml"))
        props = etree.fromstring(z.read("customXml/itemProps1.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    assert item.tag == "{urn:communique:docx}release" and item.get("schema-version") == "2"
    assert item.text.encode() == dumps(release())
    assert item.get("visible", "").startswith("sha256:")
    assert props.find(".//{*}schemaRef").get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}uri"
    ) == ("urn:communique:docx")
    assert 'Target="../customXml/item1.xml"' in rels
    assert "customXmlProperties+xml" in types


def test_sample_round_trips_exactly(sample: PressRelease) -> None:
    assert parse(render(sample, "docx"), "docx") == sample


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_any_release_round_trips_exactly(r: PressRelease) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CommuniqueWarning)
        data = render(r, "docx")
        assert parse(data, "docx") == r


# ---------------------------------------------------------------- determinism


def test_same_release_same_bytes_in_one_process(sample: PressRelease) -> None:
    assert render(sample, "docx") == render(sample, "docx")
    assert render(release(), "docx", page_size="letter") == render(release(), "docx", page_size="letter")


def test_same_release_same_bytes_across_processes(sample: PressRelease) -> None:
    code = (
        "import hashlib, sys, communique;"
        f"r = communique.read({str(SAMPLE)!r});"
        "sys.stdout.write(hashlib.sha256(communique.render(r, 'docx')).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    other = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert other.stdout == hashlib.sha256(render(sample, "docx")).hexdigest()


def test_zip_entries_are_dated_from_the_release_in_a_fixed_order() -> None:
    data = render(release(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
    assert {i.date_time for i in infos} == {(2018, 7, 20, 15, 57, 0)}
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert {"docProps/core.xml", "docProps/app.xml", "word/document.xml"} <= set(names)
    assert names == [i.filename for i in zipfile.ZipFile(io.BytesIO(render(release(), "docx"))).infolist()]
    undated = PressRelease(header=Header(title="T", language="fr"))
    with zipfile.ZipFile(io.BytesIO(render(undated, "docx"))) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_template_ids_dates_and_thumbnail_do_not_leak() -> None:
    data = render(release(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        everything = b"".join(z.read(n) for n in names)
    assert not any("thumbnail" in n or "stylesWithEffects" in n for n in names)
    for leak in (b"2013-12-23", b"python-docx", b"rsid", b"docId", b"Sources"):
        assert leak not in everything


def test_output_is_small() -> None:
    assert len(render(release(), "docx")) < 40_000


# ---------------------------------------------------------------- user templates


@pytest.fixture(scope="module")
def letterhead(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A newsroom template made with python-docx: Letter landscape-free page, red titles, a header line."""
    doc = docx.Document()
    title = doc.styles["Title"]
    title.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    title.font.size = docx.shared.Pt(30)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    section.header.paragraphs[0].text = "NEWSROOM LETTERHEAD"
    doc.add_paragraph("placeholder body that must not appear")
    path = tmp_path_factory.mktemp("tpl") / "letterhead.docx"
    doc.save(str(path))
    return path


def test_template_styles_header_and_page_are_used(letterhead: Path) -> None:
    doc = open_docx(render(release(), "docx", template=str(letterhead)))
    assert doc.paragraphs[0].style.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert doc.sections[0].header.paragraphs[0].text == "NEWSROOM LETTERHEAD"
    assert round(doc.sections[0].page_width.mm, 1) == 215.9  # the template's own Letter page
    assert "placeholder" not in "".join(p.text for p in doc.paragraphs)
    a4 = open_docx(render(release(), "docx", template=str(letterhead), page_size="a4")).sections[0]
    assert round(a4.page_width.mm) == 210 and a4.header.paragraphs[0].text == "NEWSROOM LETTERHEAD"


def test_template_lacking_styles_gets_them_added(tmp_path: Path) -> None:
    # A bare package: only Normal and Title exist (a minimal letterhead made by hand).
    bare = tmp_path / "bare.docx"
    doc = docx.Document()
    styles = doc.styles.element
    for style in list(styles.iter(w("style"))):
        if style.get(w("styleId")) not in ("Normal", "Title"):
            styles.remove(style)
    doc.save(str(bare))
    out = open_docx(render(release(), "docx", template=str(bare)))
    assert [p.style.name for p in out.paragraphs] == ["Title", "Date", "Body Text", "Heading 1", "End Mark"]
    assert out.tables[0].style.name == "Table Grid"
    assert out.paragraphs[2].runs[0].style.name == "Dateline"
    assert parse(docx_bytes(out), "docx", embedded="ignore").header.title == "Titre"


def docx_bytes(doc: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_dotx_template_gives_a_docx_document(letterhead: Path, tmp_path: Path) -> None:
    dotx = tmp_path / "letterhead.dotx"
    with zipfile.ZipFile(letterhead) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    data = render(release(), "docx", template=str(dotx))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"wordprocessingml.document.main+xml" in z.read("[Content_Types].xml")
    assert open_docx(data).sections[0].header.paragraphs[0].text == "NEWSROOM LETTERHEAD"


def test_a_previous_release_document_as_template_does_not_carry_its_release(tmp_path: Path) -> None:
    old = tmp_path / "old.docx"
    old.write_bytes(render(release(header=Header(title="Ancien", language="fr")), "docx"))
    new = release(header=Header(title="Nouveau", language="fr"))
    data = render(new, "docx", template=str(old))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert sum(b"urn:communique:docx" in z.read(n) for n in z.namelist() if "item" in n) == 2  # item + props
    assert parse(data, "docx") == new


def test_bad_templates_are_clear_render_errors(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="no such file"):
        render(release(), "docx", template=str(tmp_path / "missing.dotx"))
    not_docx = tmp_path / "notes.docx"
    not_docx.write_text("just text")
    with pytest.raises(RenderError, match="cannot be used: not a Word document or template"):
        render(release(), "docx", template=str(not_docx))
    with pytest.raises(RenderError, match="is a directory"):
        render(release(), "docx", template=str(tmp_path))


# ---------------------------------------------------------------- real client: LibreOffice


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui")
    return found


def convert(soffice: str, profile: Path, source: Path, target: str) -> Path:
    """One LibreOffice conversion, with a private profile so parallel runs do not clash."""
    out = source.parent / "out"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    produced = out / (source.stem + "." + target.split(":")[0])
    assert produced.exists(), f"LibreOffice did not convert {source.name}: {result.stdout} {result.stderr}"
    return produced


@pytest.fixture(scope="module")
def libreoffice_views(tmp_path_factory: pytest.TempPathFactory, sample: PressRelease) -> tuple[str, Path]:
    """The sample's DOCX converted by LibreOffice to text and to PDF (two conversions for the module)."""
    soffice = _soffice()
    root = tmp_path_factory.mktemp("lo")
    source = root / "sample.docx"
    source.write_bytes(render(sample, "docx"))
    text = convert(soffice, root / "profile", source, "txt:Text (encoded):UTF8").read_text("utf-8-sig")
    pdf = convert(soffice, root / "profile", source, "pdf")
    return text, pdf


def _in_order(haystack: str, needles: list[str]) -> None:
    pos = 0
    for needle in needles:
        found = haystack.find(needle, pos)
        assert found >= 0, f"{needle[:60]!r} missing (or out of order) in LibreOffice's text"
        pos = found + len(needle)


def test_libreoffice_text_has_title_paragraphs_and_attendees_in_order(
    libreoffice_views: tuple[str, Path], sample: PressRelease
) -> None:
    text, _ = libreoffice_views
    cells = [cell for a in sample.attendees for cell in (a.name, a.rank, a.role, a.organization) if cell]
    _in_order(text, [sample.header.title, "Belgrade – ", *(p.text for p in sample.paragraphs), "Participants"])
    _in_order(text.split("Participants", 1)[1], cells[:1])
    for cell in cells:
        assert cell in text
    assert "Serbie" in text and "Grèce" in text


def test_libreoffice_renders_a_pdf_of_the_document(libreoffice_views: tuple[str, Path], sample: PressRelease) -> None:
    from pypdf import PdfReader

    _, pdf = libreoffice_views
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    extracted = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for needle in ("Participants", "Shepro", "Ljubiša Diković", "cyberespace"):
        assert needle in extracted


def test_reference_above_the_title_subtitle_under_it_and_a_date_only_stamp_without_time() -> None:
    r = headed(dates=Dates(start=dt.date(2018, 5, 22), published=dt.date(2018, 5, 23)))
    doc = open_docx(render(r, "docx"))
    shown = [(p.style.name, p.text) for p in doc.paragraphs]
    assert shown[:4] == [
        ("Reference", "Communiqué de presse (2018) 071"),
        ("Title", "Titre"),
        ("Subtitle", "Par le secrétaire général de l’OTAN"),
        ("Date", "22 mai 2018 | Publié le 23 mai 2018"),
    ]
    reference = doc.styles["Reference"]
    assert reference.font.size is not None and reference.font.size.pt < 10
    assert parse(render(r, "docx"), "docx") == r


def test_a_date_only_stamp_is_a_day_in_the_core_properties() -> None:
    r = headed(dates=Dates(published=dt.date(2018, 5, 23), updated=dt.date(2018, 7, 20)))
    core = part(render(r, "docx"), "docProps/core.xml")
    ns = {"dcterms": "http://purl.org/dc/terms/"}
    assert core.findtext("dcterms:created", namespaces=ns) == "2018-05-23"
    assert core.findtext("dcterms:modified", namespaces=ns) == "2018-07-20"
    assert open_docx(render(r, "docx")).core_properties.created == dt.datetime(2018, 5, 23, tzinfo=dt.UTC)


# ---------------------------------------------------------------- template external relationships (issue 15)

_EXT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _template_with(tmp_path: Path, where: str, kind: str, target: str) -> Path:
    doc = docx.Document()
    doc.add_paragraph("house template")
    part = doc.part if where == "document" else doc.sections[0].header.part
    doc.sections[0].header.paragraphs[0].text = "NATO"
    part.relate_to(target, _EXT + kind, is_external=True)
    path = tmp_path / f"{where}-{kind}.dotx"
    doc.save(str(path))
    return path


def _rels(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))


@pytest.mark.parametrize("kind", ["subDocument", "aFChunk", "styles", "image"])
def test_external_relationships_of_the_template_body_are_dropped_and_named(tmp_path: Path, kind: str) -> None:
    from communique.exporters import docx as docx_exporter

    docx_exporter._USER_TEMPLATES.clear()
    template = _template_with(tmp_path, "document", kind, "http://attacker.example/x")
    with pytest.warns(
        CommuniqueWarning, match=rf"template .*: dropped its external relationship {kind} → http://attacker.example/x"
    ):
        data = render(release(), "docx", template=str(template))
    assert "attacker.example" not in _rels(data)
    assert parse(data, "docx") == release()


def test_an_external_image_in_a_template_header_refuses_the_template(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "header", "image", "http://tracker.example/pixel.png")
    with pytest.raises(
        RenderError, match=r"cannot be used: .*header1.xml links to http://tracker.example/pixel.png \(image\)"
    ):
        render(release(), "docx", template=str(template))


def test_an_external_hyperlink_in_a_template_header_is_kept(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "header", "hyperlink", "https://www.nato.int/")
    assert "https://www.nato.int/" in _rels(render(release(), "docx", template=str(template)))
