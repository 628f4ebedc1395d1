"""Accuracy of the text parser on the gold fixtures, field by field (a dev tool, not a test).

    python tests/score_accuracy.py            # every tests/data/text/**/*.txt with a gold file
    python tests/score_accuracy.py --json     # the same figures as JSON

Each field path a gold file checks (see ``tests/goldfiles.py``) counts once;
it is right when no mismatch covers it (a missing person makes their rank
wrong too).  ``xfail`` entries are ignored: this scores what the parser does,
not what is known.  Run it with another source tree first on ``PYTHONPATH``
to compare two versions on the same gold files.
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import communique
import goldfiles

DATA = Path(__file__).parent / "data" / "text"


def field_of(path: str) -> str:
    """The scored field a path belongs to: ``quotes[2].speaker`` → ``speaker``, ``people[X].rank`` → ``rank``."""
    if path.startswith("dates."):
        return path
    if re.fullmatch(r"quotes\[\d+\]\.speaker", path):
        return "speaker"
    if path.startswith("quotes"):
        return "quotes"
    if re.fullmatch(r"people\[[^]]+\]", path):
        return "people"
    if path.startswith("people["):
        return "person." + path.rsplit(".", 1)[1]
    return path


def score() -> dict[str, dict[str, list[int]]]:
    """``{group: {field: [right, checked]}}`` with groups ``all`` and each fixture's language."""
    table: dict[str, dict[str, list[int]]] = {}
    for text in sorted(DATA.rglob("*.txt")):
        gold_file = goldfiles.gold_path(text)
        if not gold_file.exists():
            continue
        gold = goldfiles.load(gold_file)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            release = communique.parse(text.read_bytes(), "text")
        wrong = [m.path for m in goldfiles.compare(release, gold)]
        for path in goldfiles.checked_paths(gold):
            if path in ("quotes",) or re.fullmatch(r"quotes\[\d+\]", path):
                continue  # the count and presence are scored through each quote's text
            ok = not any(goldfiles.covers(w, path) for w in wrong)
            for group in ("all", gold.get("language", "?")):
                cell = table.setdefault(group, {}).setdefault(field_of(path), [0, 0])
                cell[0] += ok
                cell[1] += 1
    return table


def main() -> None:
    table = score()
    if "--json" in sys.argv:
        print(json.dumps(table, indent=1, sort_keys=True))
        return
    groups = ["all", *sorted(g for g in table if g != "all")]
    order = ["title", "language", "dateline", "source", "dates.start", "dates.end", "dates.published"]
    order += ["dates.updated", "quotes", "speaker", "people", "person.rank", "person.role"]
    order += ["person.organization", "person.country", "countries"]
    seen = {f for g in table.values() for f in g}
    fields = [f for f in order if f in seen] + sorted(seen - set(order))
    print(f"{'field':<18}" + "".join(f"{g:>14}" for g in groups))
    for f in fields:
        cells = []
        for g in groups:
            right, checked = table[g].get(f, [0, 0])
            cells.append(f"{right}/{checked} {100 * right / checked:3.0f}%" if checked else "—")
        print(f"{f:<18}" + "".join(f"{c:>14}" for c in cells))


if __name__ == "__main__":
    main()
