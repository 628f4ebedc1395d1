"""Looked at: first pages rendered to PNG and read back with ``pdftotext -layout``.

The DOCX goes through LibreOffice (``soffice --headless --convert-to pdf``), the
PDF straight to poppler.  For both samples and both formats: the page image
exists, the title takes at most four lines, page numbers ``n / N`` are printed,
the participants table never leaves a single row alone on a page, and no word
of a table cell is split.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from communique import read, render
from communique._layout import TITLE_MAX_LINES, layout

REPO = Path(__file__).resolve().parents[2]
SAMPLES = ("sample_fr", "sample_en")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (poppler-utils / libreoffice-writer-nogui)")
    return found


def as_pdf(fmt: str, sample: str, tmp_path: Path) -> Path:
    release = read(REPO / "examples" / f"{sample}.txt")
    source = tmp_path / f"{sample}.{fmt}"
    source.write_bytes(render(release, fmt))
    if fmt == "pdf":
        return source
    soffice = tool("soffice")
    out = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / f"{sample}.pdf"


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
    header_row = "  ".join(lay.attendee_columns[:2])
    for page in pages[starts[0] + 1 :]:
        if lay.attendee_columns[0] in page and header_row.split()[0] in page:
            body = page.split(lay.attendee_columns[-1], 1)[-1]
            rows = [line for line in body.splitlines() if line.strip() and not re.search(r"\d+\s*/\s*\d+", line)]
            assert len(rows) != 1, "a page holds a single row of the table"
