"""Page images of the samples for the DOCX and PDF format pages (docs/pages/formats/img/).

    python docs/render_page_images.py                       # "after": this checkout
    python docs/render_page_images.py --rev 415bdc6 --label before

Each sample (``examples/sample_fr.txt``, ``sample_en.txt``) is read by the text
parser and rendered by the docx and pdf exporters of the checkout (or of the
git revision ``--rev``, put in a temporary worktree and run with this Python);
the PDF is rasterised with ``pdftoppm`` at 80 dpi, the DOCX is converted to PDF
by LibreOffice first (``soffice --headless``), as an editor would open it.
Page 1 of each is kept, and the last page of the French sample (where the
participants table ends) and of the English sample's DOCX (where LibreOffice puts
its participants table since the page-break rule).  The images are quantised to 16 colours so that they
stay small enough to commit (~55 KB each); the docs build uses them as they
are, since LibreOffice is not on every machine that builds the docs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
OUT = DOCS / "pages" / "formats" / "img"
SAMPLES = ("sample_fr", "sample_en")
DPI = 80

_RENDER = """
import sys
from pathlib import Path
import communique
source, out = Path(sys.argv[1]), Path(sys.argv[2])
for name in sys.argv[3:]:
    release = communique.read(source / "examples" / f"{name}.txt")
    (out / f"{name}.pdf").write_bytes(communique.render(release, "pdf"))
    (out / f"{name}.docx").write_bytes(communique.render(release, "docx"))
"""


def _render(source: Path, work: Path) -> None:
    """The samples as PDF and DOCX, rendered by the communique in ``source`` (a checkout)."""
    script = work / "render_samples.py"
    script.write_text(_RENDER)
    env = {**os.environ, "PYTHONPATH": str(source / "src")}
    subprocess.run([sys.executable, str(script), str(source), str(work), *SAMPLES], check=True, env=env)


def _pages(pdf: Path, stem: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(stem)], check=True)
    return sorted(stem.parent.glob(f"{stem.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def _keep(page: Path, target: Path) -> None:
    from PIL import Image

    with Image.open(page) as image:
        image.convert("RGB").quantize(colors=16, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", help="render with this git revision instead of the checkout")
    parser.add_argument("--label", default="after", help="name part of the images (default: after)")
    args = parser.parse_args()
    for tool in ("pdftoppm", "soffice"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed (poppler-utils, libreoffice-writer)")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = REPO
        if args.rev:
            source = work / "checkout"
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(source), args.rev], check=True)
        try:
            _render(source, work)
        finally:
            if args.rev:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(source)], check=True)
        docx = [str(work / f"{name}.docx") for name in SAMPLES]
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"), *docx],
            check=True,
            capture_output=True,
        )
        for name in SAMPLES:
            for fmt, pdf in (("pdf", work / f"{name}.pdf"), ("docx", work / "lo" / f"{name}.pdf")):
                pages = _pages(pdf, work / f"{fmt}-{name}")
                wanted = {"1": pages[0]}
                if (name == "sample_fr" or (fmt, name) == ("docx", "sample_en")) and len(pages) > 1:
                    wanted["last"] = pages[-1]
                for which, page in wanted.items():
                    target = OUT / f"{fmt}-{name}-{args.label}-{which}.png"
                    _keep(page, target)
                    print(f"{target.relative_to(REPO)}  ({len(pages)} pages, {target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
