"""The documented exporter hooks, as shown in examples/exporter_hooks.py."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import docx
import pypdf

from communique import parse, read

REPO = Path(__file__).resolve().parents[2]


def load_example() -> object:
    spec = importlib.util.spec_from_file_location("exporter_hooks", REPO / "examples" / "exporter_hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docx_hook_receives_the_python_docx_document_and_the_release_still_round_trips() -> None:
    example = load_example()
    release = read(REPO / "examples" / "sample_en.txt")
    data = example.LetterheadDocx().render(release)  # type: ignore[attr-defined]
    header = docx.Document(io.BytesIO(data)).sections[0].header
    assert header.paragraphs[0].text.startswith("Press office")
    assert parse(data, "docx") == release


def test_pdf_hook_receives_the_story_and_the_release_still_round_trips() -> None:
    example = load_example()
    release = read(REPO / "examples" / "sample_en.txt")
    data = example.ContactPdf().render(release)  # type: ignore[attr-defined]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Media contact: press@example.org" in text
    assert parse(data, "pdf") == release


def test_the_example_script_writes_both_files(tmp_path: Path) -> None:
    example = load_example()
    example.main(str(REPO / "examples" / "sample_fr.txt"), str(tmp_path))  # type: ignore[attr-defined]
    assert (tmp_path / "sample_fr.docx").stat().st_size > 0 and (tmp_path / "sample_fr.pdf").stat().st_size > 0
