"""The bundled faces' advance widths: the shipped table is what reportlab reads from the fonts.

Regenerate ``src/communique/fonts/advances.json`` after changing a font file::

    python -c "import orjson; from communique import _fonts; open('src/communique/fonts/advances.json', 'wb').write(orjson.dumps(_fonts.measured_advances()) + b'\\n')"
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from importlib import resources

import orjson
import pytest

from communique import _fonts

FACES = (_fonts.REGULAR, _fonts.BOLD, _fonts.ITALIC, _fonts.BOLD_ITALIC)


def test_the_shipped_table_is_what_the_fonts_say() -> None:
    shipped = orjson.loads(resources.files("communique.fonts").joinpath(_fonts.ADVANCES_FILE).read_bytes())
    assert shipped == _fonts.measured_advances(), "fonts/advances.json is stale: regenerate it (see this module)"


@pytest.mark.parametrize("face", FACES)
def test_widths_are_reportlabs_to_the_last_bit(face: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _fonts.family()  # registers the faces with reportlab, for stringWidth
    every = [chr(c) for c in range(0x20, 0x3000)] + ["😀", "\U0010ffff", "\ufffd", "\u00a0"]
    assert [_fonts.string_width(c, face, 1000) for c in every] == [stringWidth(c, face, 1000) for c in every]
    text = "Le général a souligné « l’OTAN » – œuvre, ć, š, Жуков, Ωμέγα, ő, 😀\u00a0fin"
    # reportlab's C accelerator (the "accel" extra) sums in another order: the same width to the last
    # bit or two; its pure-Python sum is the very same float.
    accelerated = importlib.util.find_spec("_rl_accel") is not None
    for size in (6, 8.5, 9, 10.25, 11.3, 24, 31.7):
        ours, theirs = _fonts.string_width(text, face, size), stringWidth(text, face, size)
        assert ours == pytest.approx(theirs, rel=1e-12, abs=0) if accelerated else ours == theirs


def test_an_unknown_face_is_a_render_error() -> None:
    with pytest.raises(_fonts.RenderError, match="no bundled face"):
        _fonts.string_width("x", "Helvetica", 10)


def test_a_docx_measures_text_without_reportlab() -> None:
    code = (
        "import sys, communique\n"
        "from communique.testing import sample_text\n"
        "release = communique.parse(sample_text('fr'), 'text')\n"
        "communique.render(release, 'docx')\n"
        "print(sorted(m for m in ('reportlab', 'xml.sax.saxutils', 'urllib.request') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
