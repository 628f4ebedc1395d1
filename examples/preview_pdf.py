"""Preview the PDF of the bundled sample: page 1 as a PNG picture.

What it shows: the founding sample (examples/sample_fr.txt, a French NATO
release) read with the ``text`` parser, rendered with the ``pdf`` exporter,
and page 1 of that PDF turned into a PNG with poppler's ``pdftoppm`` — the
title, the date line ``22–23 mai 2018 | Mis à jour le 20 juillet 2018 à 15 h
57``, the bold dateline ``Belgrade`` and the quotes in italics, exactly as a
reader sees them.

Run it from anywhere::

    python examples/preview_pdf.py [OUT_DIR] [--dpi 100]

It writes ``OUT_DIR/sample_fr.pdf`` and ``OUT_DIR/sample_fr-page1.png``
(``OUT_DIR`` defaults to ``out``) and prints both paths.  It needs
``pdftoppm`` (Debian package ``poppler-utils``) and says so if it is missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import communique

SAMPLE = Path(__file__).resolve().parent / "sample_fr.txt"


def main(argv: list[str] | None = None) -> int:
    """Render the sample to PDF and its first page to PNG; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default="out", type=Path, help="where to write (default: out)")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of the PNG (default: 100)")
    args = parser.parse_args(argv)

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("preview_pdf: pdftoppm is not installed (Debian: apt-get install poppler-utils)", file=sys.stderr)
        return 2

    release = communique.read(SAMPLE)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    pdf = args.out_dir / "sample_fr.pdf"
    communique.write(release, pdf)

    # pdftoppm names its output PREFIX.png when -singlefile is given.
    prefix = args.out_dir / "sample_fr-page1"
    subprocess.run(
        [pdftoppm, "-png", "-r", str(args.dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    print(pdf)
    print(prefix.with_suffix(".png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
