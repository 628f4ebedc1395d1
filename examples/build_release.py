# build_release.py — a newsroom tool: build a PressRelease in code, no parser involved.
#
# Shows the model's constructors (Header, Dates, Paragraph, Quote, Attendee), how a
# Quote points into its paragraph by offsets and names its speaker, how validation
# rejects an inconsistent release with the path of the bad field, and how
# attrs.evolve makes a corrected copy.  The release is then rendered to JSON, DOCX
# and PDF in out/ (or the folder given as the first argument).
#
#     python examples/build_release.py [OUTPUT_DIR]
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import attrs

import communique
from communique import Attendee, Dates, Header, Paragraph, PressRelease, Quote

BRUSSELS = dt.timezone(dt.timedelta(hours=2))  # CEST on the day of the release


def quote(paragraphs: list[Paragraph], index: int, words: str, speaker: str | None) -> Quote:
    """A Quote for ``words`` found in paragraph ``index``: offsets are computed, never typed by hand."""
    start = paragraphs[index].text.index(words)
    return Quote(text=words, speaker=speaker, paragraph=index, start=start, end=start + len(words))


def build() -> PressRelease:
    paragraphs = [
        Paragraph(
            text="The Deputy Secretary General of NATO, Ms Élodie Marchetti, opened the Alliance’s annual "
            "conference on cyber resilience on 3 October, together with Admiral Jiří Dvořák, "
            "Chairman of the Czech Defence Staff."
        ),
        Paragraph(
            text="“Resilience is our first line of defence,” said Ms Marchetti. Admiral Dvořák added that "
            "“no network is stronger than the people who run it”."
        ),
        Paragraph(
            text="The conference gathered experts from twenty countries, "
            "including Greece (Ελλάδα) and Ukraine (Україна)."
        ),
    ]
    return PressRelease(
        header=Header(
            title="Deputy Secretary General opens NATO cyber resilience conference",
            language="en",
            source="NATO",
            dateline="Brussels",
        ),
        dates=Dates(
            start=dt.date(2024, 10, 3),
            end=dt.date(2024, 10, 4),
            published=dt.datetime(2024, 10, 3, 9, 30, tzinfo=BRUSSELS),
            updated=dt.datetime(2024, 10, 3, 17, 5, tzinfo=BRUSSELS),
        ),
        paragraphs=paragraphs,
        quotes=[
            quote(paragraphs, 1, "Resilience is our first line of defence,", "Élodie Marchetti"),
            quote(paragraphs, 1, "no network is stronger than the people who run it", "Jiří Dvořák"),
        ],
        attendees=[
            Attendee(
                name="Élodie Marchetti", role="Deputy Secretary General", organization="NATO", aliases=("Ms Marchetti",)
            ),
            Attendee(name="Jiří Dvořák", rank="Admiral", role="Chairman of the Defence Staff", country="CZ"),
        ],
    )


def main(out: Path) -> None:
    release = build()

    # The model refuses what no format could represent faithfully, and says which field is wrong.
    try:
        attrs.evolve(release, quotes=[attrs.evolve(release.quotes[0], speaker="Someone Else")])
    except communique.ValidationError as exc:
        print(f"rejected as expected: {exc}")

    # Releases are immutable: a correction is a validated copy.
    release = attrs.evolve(release, header=attrs.evolve(release.header, url="https://www.nato.int/"))

    out.mkdir(parents=True, exist_ok=True)
    for name in ("json", "docx", "pdf"):
        target = out / f"cyber_resilience.{name}"
        communique.write(release, target)
        print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    assert communique.read(out / "cyber_resilience.json") == release
    print(f"{release.header.title}: {len(release.quotes)} quotes, {len(release.attendees)} attendees")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
