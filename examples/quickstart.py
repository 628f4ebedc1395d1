# quickstart.py — the ten-minute tour in one script.
#
# Reads the French sample release (examples/sample_fr.txt) with the text parser,
# prints what communique found in it (title, dates, who is quoted, who attended),
# then writes the release in every format communique can write into out/
# (or the folder given as the first argument) and checks that the JSON copy reads
# back into an equal release.
#
#     python examples/quickstart.py [OUTPUT_DIR]
from __future__ import annotations

import sys
from pathlib import Path

import communique

SAMPLE = Path(__file__).with_name("sample_fr.txt")


def main(out: Path) -> None:
    release = communique.read(SAMPLE)

    print(f"Title:      {release.header.title}")
    print(f"Language:   {release.header.language}")
    print(f"Dateline:   {release.header.dateline}")
    dates = release.dates
    print(f"Event:      {dates.start} to {dates.end}")
    print(f"Updated:    {dates.updated}")
    print(f"Paragraphs: {len(release.paragraphs)}, quotes: {len(release.quotes)}")

    # A quote names its speaker; the speaker is one of the attendees, so the
    # rank and role are one lookup away.
    print("Speakers:")
    for name in dict.fromkeys(q.speaker for q in release.quotes if q.speaker):
        person = release.attendee(name)
        said = sum(q.speaker == name for q in release.quotes)
        print(f"  {' '.join(filter(None, (person.rank, name)))} — {person.role or '?'} ({said} quotes)")
    print(f"Attendees:  {len(release.attendees)}")

    # Every registered exporter, built-in or plugin, under its preferred extension.
    # A plugin that cannot be loaded is listed with the reason instead of stopping the others.
    out.mkdir(parents=True, exist_ok=True)
    for info in communique.formats("exporter"):
        if info.shadowed_by is not None:
            continue
        if info.error is not None:
            print(f"skipped {info.name}: {info.error}")
            continue
        suffix = info.extensions[0] if info.extensions else f".{info.name}"
        target = out / f"{SAMPLE.stem}{suffix}"
        communique.write(release, target, info.name)
        print(f"wrote {target} ({target.stat().st_size:,} bytes, {info.name})")

    # JSON carries the whole model: reading it back gives an equal release.
    assert communique.read(out / f"{SAMPLE.stem}.json") == release
    print("JSON round trip: equal")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
