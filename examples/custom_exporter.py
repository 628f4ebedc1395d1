"""An exporter in twenty lines, registered at run time for one call.

What it shows:
  * a format is a small class: subclass ``communique.plugins.Exporter``, give it
    a name, a label, extensions, a media type and the plugin ``api_version``,
    and write ``render(release, **options) -> bytes``;
  * options are declared with a type, a default and choices, so communique
    validates them (and converts command-line strings) before ``render`` runs;
  * ``communique.registry.registered()`` adds the format for one ``with`` block,
    without packaging or an entry point (to publish it, see
    examples/communique-markdown/ and docs/plugins.md).

Run it:
    python examples/custom_exporter.py                     # attendees of the sample, CSV on stdout
    python examples/custom_exporter.py release.txt out.csv  # ';'-separated, written atomically
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any

import communique
from communique.plugins import Exporter, Option
from communique.registry import registered


class AttendeesCsv(Exporter):
    """The attendees of a release as CSV, one row per person."""

    name = "attendees-csv"
    label = "Attendees (CSV)"
    extensions = (".csv",)
    media_type = "text/csv"
    api_version = 1
    options = (Option("delimiter", str, ",", "field separator", choices=(",", ";", "\t")),)

    def render(self, release: communique.PressRelease, *, delimiter: str = ",", **_: Any) -> bytes:
        buffer = io.StringIO()
        rows = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        rows.writerow(["name", "rank", "role", "organization", "country"])
        for a in release.attendees:
            rows.writerow([a.name or "", a.rank or "", a.role or "", a.organization or "", a.country or ""])
        return buffer.getvalue().encode("utf-8")


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("sample_fr.txt")
    release = communique.read(source)
    with registered(AttendeesCsv):
        if len(argv) > 2:
            communique.write(release, argv[2], delimiter=";")  # ".csv" picks the format
        else:
            sys.stdout.write(communique.render(release, "attendees-csv").decode("utf-8"))
    # Outside the block the format is gone again.
    assert "attendees-csv" not in communique.exporter_names()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
