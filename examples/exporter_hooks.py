"""Extend the built-in DOCX and PDF exporters through their documented hooks.

* ``DocxExporter.document(document, layout)`` receives the python-docx ``Document``
  before it is saved: here a letterhead line goes into the page header.
* ``PdfExporter.story(story, layout)`` receives the list of platypus flowables
  before reportlab builds the pages: here a contact line follows the end mark.

Run: ``python examples/exporter_hooks.py examples/sample_en.txt out/``
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import communique
from communique.exporters.docx import DocxExporter
from communique.exporters.pdf import PdfExporter


class LetterheadDocx(DocxExporter):
    """The house DOCX with a letterhead line above the header band."""

    def document(self, document: Any, layout: Any) -> None:
        header = document.sections[0].header
        header.paragraphs[0].insert_paragraph_before("Press office · Example Command · press@example.org")


class ContactPdf(PdfExporter):
    """The house PDF with a contact line after the end mark."""

    def story(self, story: list[Any], layout: Any) -> list[Any] | None:
        from xml.sax.saxutils import escape

        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph

        style = ParagraphStyle("contact", fontName="CommuniqueSans", fontSize=8.5, leading=11, spaceBefore=12)
        story.append(Paragraph(escape("Media contact: press@example.org"), style))  # escaped: text, not markup
        return None


def main(source: str, outdir: str) -> None:
    release = communique.read(source)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    stem = Path(source).stem
    (out / f"{stem}.docx").write_bytes(LetterheadDocx().render(release))
    (out / f"{stem}.pdf").write_bytes(ContactPdf().render(release))
    print(f"wrote {out / stem}.docx and .pdf")


if __name__ == "__main__":
    main(*sys.argv[1:3])
