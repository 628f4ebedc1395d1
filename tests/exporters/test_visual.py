"""Looked at: first pages rendered to PNG and read back with ``pdftotext -layout``.

The DOCX goes through LibreOffice (``soffice --headless --convert-to pdf``), the
PDF straight to poppler.  For both samples and both formats: the page image
exists, the title takes at most four lines, page numbers ``n / N`` are printed,
no page holds a single row of a participants table that runs over pages (the
table's start, its header row and one row at the foot of a page, or its end),
no row is lost, and no word of a table cell is split.  The table rule is also
checked on synthetic releases with 1, 2, 3, 5, 12 and 40 attendees and 48 body
lengths a line apart, so that the table starts at every height of a page.

Rows are counted from ``pdftotext -bbox`` word positions: below the header row
(repeated on each page), the top of each row's first line is more than a line
below the last line of the row before (cell margins), lines of one row are a
line apart.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest

from communique import Attendee, Paragraph, PressRelease, read, render
from communique._layout import MIN_TABLE_ROWS, TITLE_MAX_LINES, Layout, layout

REPO = Path(__file__).resolve().parents[2]
SAMPLES = ("sample_fr", "sample_en")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (poppler-utils / libreoffice-writer-nogui)")
    return found


def to_pdf(sources: list[Path], work: Path) -> Path:
    """``sources`` (DOCX files) converted by LibreOffice into ``work/lo``, a few dozen per process."""
    soffice = tool("soffice")
    out = work / "lo"
    for attempt in range(2):
        todo = [s for s in sources if not (out / f"{s.stem}.pdf").exists()]
        for start in range(0, len(todo), 40):
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{work}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out),
                    *map(str, todo[start : start + 40]),
                ],
                check=attempt > 0,
                capture_output=True,
                timeout=600,
            )
    missing = [s.name for s in sources if not (out / f"{s.stem}.pdf").exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return out


def as_pdf(fmt: str, sample: str, tmp_path: Path) -> Path:
    release = read(REPO / "examples" / f"{sample}.txt")
    source = tmp_path / f"{sample}.{fmt}"
    source.write_bytes(render(release, fmt))
    if fmt == "pdf":
        return source
    return to_pdf([source], tmp_path) / f"{sample}.pdf"


_XHTML = "{http://www.w3.org/1999/xhtml}"
_ROW_GAP = 14.5
"""Points between the tops of two lines above which they belong to two rows (one row: 11 pt a line;
the next row: 11 pt plus the cell margins, 7.5 pt)."""


def table_rows(pdf: Path, lay: Layout) -> list[int]:
    """Rows of the participants table on each page of ``pdf`` (0 where the table is not).

    Fails when a page continuing the table does not repeat its header row.
    """
    bbox = subprocess.run([tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True)
    first, last = lay.attendee_columns[0].split()[0], lay.attendee_columns[-1].split()[-1]
    end_mark = set(lay.end_mark.split()) - {"–", "-"}
    counts: list[int] = []
    ended = False
    for number, page in enumerate(ET.fromstring(bbox.stdout).iter(f"{_XHTML}page"), start=1):
        height = float(page.get("height", "842"))
        words = [(float(w.get("yMin", "0")), w.text or "") for w in page.iter(f"{_XHTML}word")]
        header = [y for y, t in words if t == first and any(abs(y2 - y) < 2 and t2 == last for y2, t2 in words)]
        if not header or ended:
            if any(counts) and not ended:  # the table has started: this page holds the end mark at most
                body = [t for y, t in words if height * 0.12 < y < height * 0.85 and t not in end_mark]
                assert not body, f"page {number} continues the table without its header row: {body[:8]}"
                ended = True
            counts.append(0)
            continue
        top = max(header) + 5
        footer = [y for y, t in words if y > height * 0.85 and re.fullmatch(r"\d+|/|\d+/\d+", t)]
        ends = [y for y, t in words if t in end_mark and y > top]
        bottom = min([*ends, *footer, height]) - 1
        tops = sorted({y for y, t in words if top < y < bottom})
        counts.append(sum(1 for i, y in enumerate(tops) if i == 0 or y - tops[i - 1] > _ROW_GAP))
        ended = bool(ends)
    return counts


def table_problems(counts: list[int], lay: Layout) -> list[str]:
    """What is wrong with a table laid out ``counts`` rows a page: a row lost, a page with one row of a longer table."""
    problems = []
    held = [c for c in counts if c]
    if sum(held) != len(lay.attendee_rows):
        problems.append(f"{sum(held)} rows printed of {len(lay.attendee_rows)}")
    if len(held) > 1 and min(held) < MIN_TABLE_ROWS:
        problems.append(f"a page holds a single row of a table over {len(held)} pages")
    return problems


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_first_page_looks_like_a_press_release(fmt: str, sample: str, tmp_path: Path) -> None:
    release = read(REPO / "examples" / f"{sample}.txt")
    lay = layout(release)
    pdf = as_pdf(fmt, sample, tmp_path)
    subprocess.run(
        [tool("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    assert list(tmp_path.glob("page*.png")), "no page image"
    pages = [p for p in pages_text(pdf) if p.strip()]
    total = len(pages)
    # Title: the lines of page 1 holding title words, before the date line.
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    title_words = set(release.header.title.split())
    title_lines = [
        line for line in first[:8] if set(line.split()) & title_words and set(line.split()) <= title_words | {"e", "12"}
    ]
    assert 1 <= len(title_lines) <= TITLE_MAX_LINES, title_lines
    # Page numbers n / N on every page.
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"\b{number}\s*/\s*{total}\b", page), f"page {number} has no '{number} / {total}'"
    # The table: no page holds a single row of it (after the heading or continued).
    heading = lay.attendees_heading
    starts = [i for i, page in enumerate(pages) if heading in page]
    assert starts, "no participants table"
    # No word of a table cell is split: every word of every cell comes back whole.
    text = " ".join(pages)
    words = set(re.findall(r"[\w’'-]+", text))
    for row in layout(release, collapse=(fmt == "pdf"), spacing=(fmt == "pdf")).attendee_rows:
        for cell in row:
            for word in re.findall(r"[\w’'-]+", cell):
                assert word in words, f"table word {word!r} split or missing"
    # The table never leaves one row alone on a page (its start at the foot of a page, or its end), no row lost.
    counts = table_rows(pdf, lay)
    assert not table_problems(counts, lay), (table_problems(counts, lay), counts)


# ---------------------------------------------------------------- the table starting at every height of a page

ATTENDEES = (1, 2, 3, 5, 12, 40)
BODIES = tuple(range(40, 712, 14))
"""Body lengths in words, about a line apart: the table starts at every height of the page."""
ROLES = (
    "Chief of Defence",
    "Commander of the Joint Operations Command of the National Armed Forces",
    "Deputy Chairman",
    "Head of the Military Representation to the European Union and NATO in Brussels, Belgium",
    "Adviser",
)


def synthetic(attendees: int, words: int) -> PressRelease:
    """The English sample with ``attendees`` named attendees (rows of one to three lines) and ``words`` words of body."""
    base = read(REPO / "examples" / "sample_en.txt")
    vocabulary = " ".join(p.text for p in base.paragraphs).split()
    people = tuple(
        Attendee(
            name=f"Rowan Tester{i:02d}",
            rank="General" if i % 3 else "Lieutenant General",
            role=ROLES[i % len(ROLES)],
            organization="NATO" if i % 4 == 0 else None,
            country="LV" if i % 2 else "EE",
        )
        for i in range(attendees)
    )
    paragraphs = [
        Paragraph(text=" ".join(vocabulary[(start + j) % len(vocabulary)] for j in range(min(90, words - start))))
        for start in range(0, words, 90)
    ]
    return attrs.evolve(base, attendees=people, paragraphs=tuple(paragraphs), quotes=(), mentions=())


@pytest.fixture(scope="module")
def synthetic_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], list[tuple[Layout, Path]]]:
    """(format, attendees) -> the layout and PDF of each body length (DOCX through LibreOffice)."""
    tool("pdftotext")
    work = tmp_path_factory.mktemp("synthetic")
    made: dict[tuple[str, int], list[tuple[Layout, Path]]] = {}
    sources = []
    for attendees in ATTENDEES:
        for words in BODIES:
            release = synthetic(attendees, words)
            lay = layout(release)
            for fmt in ("pdf", "docx"):
                path = work / f"a{attendees:02d}-w{words:04d}.{fmt}"
                path.write_bytes(render(release, fmt))
                if fmt == "docx":
                    sources.append(path)
                made.setdefault((fmt, attendees), []).append((lay, path))
    if shutil.which("soffice") is None:  # the PDF checks run; the DOCX ones skip (in the test)
        return {key: items for key, items in made.items() if key[0] == "pdf"}
    out = to_pdf(sources, work)
    return {
        key: [(lay, path if path.suffix == ".pdf" else out / f"{path.stem}.pdf") for lay, path in items]
        for key, items in made.items()
    }


@pytest.mark.slow
@pytest.mark.parametrize("attendees", ATTENDEES)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_page_holds_one_row_of_a_longer_table(
    fmt: str, attendees: int, synthetic_pdfs: dict[tuple[str, int], list[tuple[Layout, Path]]]
) -> None:
    if fmt == "docx":
        tool("soffice")
    failures = {}
    for lay, pdf in synthetic_pdfs[(fmt, attendees)]:
        counts = table_rows(pdf, lay)
        problems = table_problems(counts, lay)
        if problems:
            failures[pdf.stem] = (problems, counts)
    assert not failures, failures


@pytest.mark.slow
@pytest.mark.parametrize("attendees", ATTENDEES)
def test_docx_and_pdf_start_the_table_on_the_same_page(
    attendees: int, synthetic_pdfs: dict[tuple[str, int], list[tuple[Layout, Path]]]
) -> None:
    tool("soffice")
    differ = {}
    for (lay, pdf), (_, docx) in zip(
        synthetic_pdfs[("pdf", attendees)], synthetic_pdfs[("docx", attendees)], strict=True
    ):
        starts = [next(i for i, rows in enumerate(table_rows(p, lay), start=1) if rows) for p in (pdf, docx)]
        if starts[0] != starts[1]:
            differ[pdf.stem] = starts
    assert not differ, differ  # (PDF page, DOCX page) where the table starts
