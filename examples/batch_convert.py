# batch_convert.py — convert a folder of press releases to PDF, with a progress bar.
#
# Every file in INPUT_DIR whose extension a communique parser knows (.txt, .json,
# .xml, .docx, …) is read and written as PDF into OUTPUT_DIR (default: out/pdf).
# A release that cannot be read or rendered is reported with communique's own
# message (file, line, field) and skipped; the others are still converted, and
# the exit status is 1 if any failed.  communique.write is atomic, so a failure
# never leaves a half-written PDF behind.
#
#     python examples/batch_convert.py INPUT_DIR [-o OUTPUT_DIR] [--page-size a4|letter]
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

import communique


def readable(folder: Path) -> list[Path]:
    """Files in ``folder`` that some registered parser claims by extension, sorted by name."""
    extensions = {ext.lower() for info in communique.formats("parser") if not info.error for ext in info.extensions}
    return sorted(p for p in folder.iterdir() if p.is_file() and any(p.name.lower().endswith(e) for e in extensions))


def convert(sources: list[Path], out: Path, console: Console, **options: str) -> list[tuple[Path, str]]:
    """Write each source as ``out/<stem>.pdf``; return the failures as (path, message)."""
    failures: list[tuple[Path, str]] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("Converting", total=len(sources))
        for source in sources:
            progress.update(task, description=f"Converting {source.name}")
            try:
                release = communique.read(source)
                communique.write(release, out / f"{source.stem}.pdf", "pdf", **options)
            except communique.CommuniqueError as exc:
                failures.append((source, str(exc)))
                progress.console.print(f"[red]✗[/red] {exc}", highlight=False)
            progress.advance(task)
        progress.update(task, description="Done")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Convert a folder of press releases to PDF.")
    parser.add_argument("input", type=Path, help="folder of releases")
    parser.add_argument("-o", "--output", type=Path, default=Path("out/pdf"), help="folder for the PDFs")
    parser.add_argument(
        "--page-size", choices=("a4", "letter"), help="PDF page size (the exporter's default if absent)"
    )
    args = parser.parse_args(argv)

    console = Console(stderr=True)
    if not args.input.is_dir():
        console.print(f"{args.input}: not a folder")
        return 2
    sources = readable(args.input)
    if not sources:
        console.print(f"{args.input}: no file with an extension communique can read")
        return 2
    args.output.mkdir(parents=True, exist_ok=True)
    options = {"page_size": args.page_size} if args.page_size else {}
    failures = convert(sources, args.output, console, **options)

    print(f"{len(sources) - len(failures)} of {len(sources)} converted to {args.output}")
    for source, message in failures:
        print(f"failed: {source.name}: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
