"""Helpers for the command-line tests: generated releases, broken files, running ``communique`` as a subprocess."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import communique
from communique import Attendee, Dates, Header, Paragraph, PressRelease, Quote

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample_fr.txt"

_TITLES = (
    "Le président délégué du Comité militaire assiste à la conférence n° {i}",
    "NATO Deputy Chairman visits the Western Balkans – meeting {i}",
    "Ćirilica i latinica: sastanak {i} u Beogradu",
    "Συνάντηση {i} στην Αθήνα για τη συνεργασία",
    "Встреча {i} начальников генеральных штабов",
    "Cœur de l’Alliance : « réunion » {i} à Bruxelles",
)
_SPEAKERS = ("Shepro", "Ljubiša Diković", "Σταύρος Παπαδόπουλος", "Œdipe Lefèvre", "Jens Stoltenberg")


def make_release(i: int) -> PressRelease:
    """A valid release that differs with ``i``: languages, dates, Unicode, quotes, attendees."""
    speaker = _SPEAKERS[i % len(_SPEAKERS)]
    words = f"la coopération n° {i} – ça compte"
    second = f"Il a déclaré que « {words} », puis a conclu."
    start = second.index(words)
    day = dt.date(2018, 1, 1) + dt.timedelta(days=i)
    return PressRelease(
        header=Header(
            title=_TITLES[i % len(_TITLES)].format(i=i),
            language=("fr", "en", "sr-Latn", "el")[i % 4],
            source="OTAN" if i % 2 else None,
            dateline=("Belgrade", "Bruxelles", "Αθήνα", None)[i % 4],
        ),
        dates=Dates(start=day, end=day + dt.timedelta(days=i % 3), updated=dt.datetime(2018, 7, 20, 15, i % 60)),
        paragraphs=(
            Paragraph(text=f"Paragraphe d’ouverture {i} : l’OTAN et ses partenaires — œuvre commune."),
            Paragraph(text=second),
        ),
        quotes=(Quote(text=words, speaker=speaker, paragraph=1, start=start, end=start + len(words)),),
        attendees=(
            Attendee(name=speaker, rank="général", organization="OTAN", country=("RS", "GR", "FR", "US")[i % 4]),
            Attendee(role="chef d’état-major de la défense", country="AL"),
        ),
    )


def make_text(i: int) -> str:
    """A plain-text news page (the ``text`` parser's input) that differs with ``i``."""
    return (
        f"RÉUNION N° {i} DU COMITÉ MILITAIRE — ĆIRILICA Ж ΕΛΛΆΔΑ\n\n"
        "  • 22 May. 2018 - 23 May. 2018\n\n"
        f"Belgrade – Le général Dupont a assisté à la réunion numéro {i} à Belgrade, en Serbie.\n\n"
        f"Le général Dupont a souligné que « la coopération numéro {i} est essentielle ».\n"
    )


BROKEN = {
    "broken-syntax.json": b'{"schema_version": 1, "header": {"title": "x",,}',
    "broken-schema.json": b'{"$schema": "urn:communique:schema:release:1", "header": {"title": "x", "language": "fr"}}',
    "broken-binary.txt": b"TITLE\x00\x01\x02 not text at all\n",
}


def write_batch(folder: Path, count: int, *, broken: bool = True, text_every: int = 10) -> dict[str, list[str]]:
    """Write ``count`` releases (JSON, plus every ``text_every``-th as plain text) in nested
    folders, and the three broken files; return the relative names."""
    names: dict[str, list[str]] = {"good": [], "broken": []}
    for i in range(count):
        sub = folder / ("", "2018", "2018/mai", "édition spéciale")[i % 4]
        sub.mkdir(parents=True, exist_ok=True)
        if i % text_every == 0:
            path = sub / f"communiqué {i:03d}.txt"
            path.write_text(make_text(i), encoding="utf-8")
        else:
            path = sub / f"release {i:03d}.json"
            path.write_bytes(communique.render(make_release(i), "json"))
        names["good"].append(path.relative_to(folder).as_posix())
    if broken:
        for name, data in BROKEN.items():
            (folder / "2018" / name).write_bytes(data)
            names["broken"].append(f"2018/{name}")
    return names


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its content."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_communique(
    args: Sequence[str | os.PathLike[str]], *, input: bytes | None = None, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m communique ARGS...`` as a real subprocess (stdin/stdout/stderr are pipes)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "communique", *(os.fspath(a) for a in args)],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )
