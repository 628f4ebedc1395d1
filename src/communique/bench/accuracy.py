"""How often the text and HTML parsers read a release right: per field, language, publisher family and parser.

``python -m communique.bench --accuracy`` parses every ``NAME.txt`` (with the
``text`` parser) and every saved page ``NAME.html`` (with the ``html`` parser) that has a
``NAME.gold.json`` beside it (the format is :mod:`communique.bench.gold`) in
the corpus folders — by default ``tests/data/text``, ``tests/data/corpus``, ``tests/data/holdout``, ``holdout2`` to
``holdout14``, and the saved pages of ``htmlhold`` to ``htmlhold6``
under the current directory — and counts, field by field, how many of the
checks the gold files make the parser gets right.  Every figure is a pair
*right / checked*, summed over the releases (a micro average), and its
percentage, rounded down.

How each field is scored (a field a gold file does not mention is not checked):

``parses``
    One check per release: right when the parser returns a release.  A
    :class:`~communique.errors.ParseError` is a release that *fails to parse*;
    any other exception is a *crash* (a bug).  Every check of a release that
    did not parse counts as wrong.
``title``, ``subtitle``, ``reference``, ``language``, ``source``, ``dateline``
    Right when the header field equals the gold value exactly (``null`` means
    the field must be empty).  A field the model does not have yet reads as
    empty.
``dates.start``, ``dates.end``, ``dates.published``, ``dates.updated``
    Right when the value is equal *and of the same kind*: a date-only stamp
    (gold ``YYYY-MM-DD``) must be a date, a naive time must be naive, an aware
    time must carry the same offset.
``quotes.recall``, ``quotes.precision``
    A gold quote is *recalled* when one parsed quote, not already matched,
    has a text that starts with the gold ``text_starts`` (matched in order).
    Recall is recalled gold quotes / gold quotes; precision is matched parsed
    quotes / parsed quotations (the parts of one quotation over several
    paragraphs, one ``Quote.group``, count once unless a later part is itself
    matched).  Only releases whose gold file lists quotes count.
``speaker``
    Over the recalled gold quotes: the parsed quote's speaker equals the gold
    speaker (``null``: the words are not speech, or the speaker is unknown).
``people.recall``, ``people.precision``
    A gold person is found when an attendee has exactly that name.  Precision
    is named attendees found that the gold list names / all named attendees
    found, for gold files that list people (an empty list says "nobody").
``person.rank``, ``person.role``, ``person.organization``, ``person.country``
    Over the people found: the attendee's field equals the gold value, for
    each key the gold entry gives.
``countries.recall``, ``countries.precision``
    The set of attendees' countries against the gold ``countries``: gold
    countries found / gold countries, and found countries in the gold list /
    found countries.
``mentions.recall``, ``mentions.precision``
    The names of the people only mentioned (``PressRelease.mentions``) against
    the gold ``mentions``, for gold files that list them.

``xfail`` entries of the gold files are ignored: the scorer measures what the
parser does, not what is known.  Warnings from the parser are ignored too.

The figures are grouped as ``all``, ``language:<code>`` (the gold
``language``, else the file name's ``_<code>`` suffix), ``family:<name>``
(the gold ``family``, else the first folder below the corpus folder, else
``fixtures``) and ``format:<parser>`` (``text`` or ``html``; its table is
printed when the corpus holds both).

``--show FIELD`` lists the releases that get a field wrong, with what the
parser found; ``--json -`` prints every figure and every release's mismatches.

**Floors.**  A floors file (TOML) holds, per group, the lowest percentage a
field may reach; :func:`check_floors` names every figure below its floor and
``tests/bench/test_accuracy_floors.py`` fails on any.  ``--write-floors FILE``
writes the file from the current figures (rounded down), saying which floors
it lowers, so that raising the floors after an improvement is one command.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.errors import ParseError
from communique.model import PressRelease

from .gold import GoldFileError, Mismatch, compare, fixtures, format_mismatch, load, page_format

__all__ = [
    "DEFAULT_CORPUS",
    "FIELDS",
    "MAIN_FIELDS",
    "SCHEMA",
    "Breach",
    "Cell",
    "FileScore",
    "FloorsError",
    "NoCorpusError",
    "Report",
    "check_floors",
    "default_corpus",
    "field_of",
    "floor_changes",
    "floors_from",
    "format_floors",
    "load_floors",
    "parse_floors",
    "releases_rows",
    "render_mismatches",
    "render_text",
    "run",
    "score_corpus",
    "score_file",
    "score_release",
    "table_rows",
    "to_json",
]

SCHEMA = "communique-accuracy/1"
"""Identifies the JSON layout of :func:`to_json`; bumped when a key changes meaning."""

DEFAULT_CORPUS = (
    "tests/data/text",
    "tests/data/corpus",
    "tests/data/holdout",
    "tests/data/holdout2",
    "tests/data/holdout3",
    "tests/data/holdout4",
    "tests/data/holdout5",
    "tests/data/holdout6",
    "tests/data/holdout7",
    "tests/data/holdout8",
    "tests/data/holdout9",
    "tests/data/holdout10",
    "tests/data/holdout11",
    "tests/data/holdout12",
    "tests/data/holdout13",
    "tests/data/holdout14",
    "tests/data/holdout15",
    "tests/data/holdout16",
    "tests/data/holdout17",
    "tests/data/holdout18",
    "tests/data/holdout19",
    "tests/data/holdout20",
    "tests/data/holdout21",
    "tests/data/holdout22",
    "tests/data/holdout23",
    "tests/data/holdout24",
    "tests/data/holdout25",
    "tests/data/holdout26",
    "tests/data/holdout27",
    "tests/data/holdout28",
    "tests/data/holdout29",
    "tests/data/holdout30",
    "tests/data/holdout31",
    "tests/data/holdout32",
    "tests/data/holdout33",
    "tests/data/holdout34",
    "tests/data/holdout35",
    "tests/data/holdout36",
    "tests/data/holdout37",
    "tests/data/holdout38",
    "tests/data/holdout39",
    "tests/data/holdout40",
    "tests/data/htmlhold",
    "tests/data/htmlhold2",
    "tests/data/htmlhold3",
    "tests/data/htmlhold4",
    "tests/data/htmlhold5",
    "tests/data/htmlhold6",
    "tests/data/htmlhold7",
    "tests/data/htmlhold8",
    "tests/data/htmlhold9",
    "tests/data/htmlhold10",
    "tests/data/htmlhold11",
    "tests/data/htmlhold12",
    "tests/data/htmlhold13",
    "tests/data/htmlhold14",
    "tests/data/htmlhold15",
    "tests/data/htmlhold16",
    "tests/data/htmlhold17",
    "tests/data/htmlhold18",
    "tests/data/htmlhold19",
    "tests/data/htmlhold20",
    "tests/data/htmlhold21",
    "tests/data/htmlhold22",
    "tests/data/htmlhold23",
    "tests/data/htmlhold24",
)
"""The corpus folders, relative to the repository root (the current directory of the command)."""

FIELDS: tuple[str, ...] = (
    "parses",
    "title",
    "subtitle",
    "reference",
    "language",
    "source",
    "dateline",
    "dates.start",
    "dates.end",
    "dates.published",
    "dates.updated",
    "quotes.recall",
    "quotes.precision",
    "speaker",
    "people.recall",
    "people.precision",
    "person.rank",
    "person.role",
    "person.organization",
    "person.country",
    "countries.recall",
    "countries.precision",
    "mentions.recall",
    "mentions.precision",
)
"""Every scored field, in table order."""

MAIN_FIELDS: tuple[str, ...] = ("title", "dates.start", "dateline", "speaker", "people.recall", "countries.recall")
"""The fields that also get a floor per language (every field has an overall floor)."""

_HEADER_FIELDS = ("title", "subtitle", "reference", "language", "source", "dateline")
_PERSON_FIELDS = ("rank", "role", "organization", "country")
_LANGUAGE_SUFFIX = re.compile(r"_([a-z]{2,3})$")
_GROUP_KINDS = ("language", "family", "format")


class NoCorpusError(Exception):
    """No corpus folder was found, or the folders hold no gold files."""


class FloorsError(ValueError):
    """A floors file that is not in the floors format; names the file and the key."""

    def __init__(self, file: str | Path, key: str, problem: str) -> None:
        self.file = str(file)
        self.key = key
        self.problem = problem
        super().__init__(f"{self.file}: {key}: {problem}" if key else f"{self.file}: {problem}")


# --- figures -----------------------------------------------------------------------------------


@dataclass
class Cell:
    """``right`` of ``checked`` checks."""

    right: int = 0
    checked: int = 0

    def add(self, right: int, checked: int) -> None:
        """Count ``checked`` more checks, ``right`` of them right."""
        self.right += right
        self.checked += checked

    @property
    def percent(self) -> float | None:
        """``100 * right / checked``, or ``None`` when nothing was checked."""
        return None if not self.checked else 100 * self.right / self.checked

    @property
    def whole_percent(self) -> int | None:
        """The percentage rounded down (what the tables print and what a floor is compared with)."""
        return None if not self.checked else (100 * self.right) // self.checked

    def __str__(self) -> str:
        return "—" if not self.checked else f"{self.right}/{self.checked} {self.whole_percent}%"


@dataclass(frozen=True)
class FileScore:
    """The checks of one release."""

    path: str
    """The text file, relative to the current directory when it is below it."""
    family: str
    language: str
    outcome: str
    """``"parsed"``, ``"unparsed"`` (a :class:`~communique.errors.ParseError`) or ``"crashed"``."""
    error: str | None
    """The error's type and message when the release did not parse."""
    cells: Mapping[str, tuple[int, int]]
    """``{field: (right, checked)}`` for the fields this release's gold file checks."""
    mismatches: tuple[Mismatch, ...] = ()
    """What :func:`~communique.bench.gold.compare` finds wrong (quotes compared by position), for reading."""
    format: str = "text"
    """The parser that read it: ``"text"`` (``NAME.txt``) or ``"html"`` (``NAME.html``)."""


@dataclass
class Report:
    """Every release scored, and the figures per group."""

    corpus: list[str]
    files: list[FileScore] = field(default_factory=list)

    def groups(self) -> dict[str, dict[str, Cell]]:
        """``{group: {field: Cell}}`` for ``all``, each ``language:<code>``, ``family:<name>`` and ``format:<parser>``."""
        out: dict[str, dict[str, Cell]] = {"all": {}}
        for kind in _GROUP_KINDS:
            for name in self.names(kind):
                out[f"{kind}:{name}"] = {}
        for f in self.files:
            for group in ("all", f"language:{f.language}", f"family:{f.family}", f"format:{f.format}"):
                for name, (right, checked) in f.cells.items():
                    out[group].setdefault(name, Cell()).add(right, checked)
        return out

    def names(self, kind: str) -> list[str]:
        """The languages (``kind="language"``), families or formats present, sorted; ``fixtures`` last."""
        found = {getattr(f, kind) for f in self.files}
        return sorted(found, key=lambda n: (n == "fixtures", n))

    def failures(self) -> list[FileScore]:
        """The releases that did not parse (a parse error or a crash)."""
        return [f for f in self.files if f.outcome != "parsed"]


def field_of(path: str) -> str:
    """The field (or family of fields) a gold failure path belongs to.

    ``quotes[2].speaker`` → ``speaker``; ``quotes[2]``, ``quotes[2].text`` → ``quotes``;
    ``people[X]`` → ``people``; ``people[X].rank`` → ``person.rank``; ``dates.start``,
    ``title``, ``countries`` → themselves.
    """
    if re.fullmatch(r"quotes\[\d+\]\.speaker", path):
        return "speaker"
    if path.startswith("quotes"):
        return "quotes"
    person = re.fullmatch(r"people\[.+\]\.(\w+)", path)
    if person and person.group(1) in _PERSON_FIELDS:
        return f"person.{person.group(1)}"
    if path.startswith("people["):
        return "people"
    return path


def _shows(wanted: str, path: str) -> bool:
    # "quotes.recall" and "quotes" show the quotes' mismatches; "person" shows every person field.
    found = field_of(path)
    return found == wanted or wanted.startswith(found + ".") or found.startswith(wanted + ".")


def score_release(release: PressRelease | None, gold: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """``{field: (right, checked)}`` for ``release`` against a validated gold file.

    ``release`` is ``None`` when the text did not parse: every check counts as
    wrong, and there are no parsed quotes, people or countries to be precise about.
    """
    cells: dict[str, tuple[int, int]] = {"parses": (int(release is not None), 1)}
    wrong = set() if release is None else {m.path for m in compare(release, dict(gold))}
    for key in _HEADER_FIELDS:
        if key in gold:
            cells[key] = (int(release is not None and key not in wrong), 1)
    for key in gold.get("dates", {}):
        path = f"dates.{key}"
        cells[path] = (int(release is not None and path not in wrong), 1)
    if "quotes" in gold:
        cells.update(_score_quotes(release, gold["quotes"]))
    if "people" in gold:
        cells.update(_score_people(release, gold["people"]))
    if "countries" in gold:
        expected = set(gold["countries"])
        got = set() if release is None else {a.country for a in release.attendees if a.country is not None}
        cells["countries.recall"] = (len(expected & got), len(expected))
        cells["countries.precision"] = (len(expected & got), len(got))
    if "mentions" in gold:
        named = set(gold["mentions"])
        found = set() if release is None else {a.name for a in release.mentions if a.name is not None}
        cells["mentions.recall"] = (len(named & found), len(named))
        cells["mentions.precision"] = (len(named & found), len(found))
    return cells


def _score_quotes(release: PressRelease | None, quotes: Sequence[Mapping[str, Any]]) -> dict[str, tuple[int, int]]:
    parsed = () if release is None else release.quotes
    used: set[int] = set()
    recalled = speakers = 0
    after = 0  # matched in order: look after the last match first, then anywhere still unused
    for expected in quotes:
        order = [*range(after, len(parsed)), *range(after)]
        hit = next((i for i in order if i not in used and parsed[i].text.startswith(expected["text_starts"])), None)
        if hit is None:
            continue
        used.add(hit)
        after = hit + 1
        recalled += 1
        speakers += parsed[hit].speaker == expected["speaker"]
    # Precision is over quotations: the parts of one quotation over several paragraphs (one ``group``)
    # count once, unless a later part is itself a gold quotation (an annotator may count it apart).
    starts: set[int] = set()
    groups: set[int] = set()
    for i, q in enumerate(parsed):
        if q.group is None or q.group not in groups:
            starts.add(i)
        if q.group is not None:
            groups.add(q.group)
    return {
        "quotes.recall": (recalled, len(quotes)),
        "quotes.precision": (len(used), len(starts | used)),
        "speaker": (speakers, recalled),
    }


def _score_people(release: PressRelease | None, people: Sequence[Mapping[str, Any]]) -> dict[str, tuple[int, int]]:
    named = [] if release is None else [a for a in release.attendees if a.name is not None]
    by_name = {a.name: a for a in named}
    gold_names = {p["name"] for p in people}
    found = [(p, by_name[p["name"]]) for p in people if p["name"] in by_name]
    cells = {
        "people.recall": (len(found), len(people)),
        "people.precision": (sum(a.name in gold_names for a in named), len(named)),
    }
    for key in _PERSON_FIELDS:
        checks = [getattr(attendee, key) == person[key] for person, attendee in found if key in person]
        if checks:
            cells[f"person.{key}"] = (sum(checks), len(checks))
    return cells


# --- the corpus --------------------------------------------------------------------------------


def default_corpus(root: Path | None = None) -> list[Path]:
    """The folders of :data:`DEFAULT_CORPUS` that exist under ``root`` (default: the current directory)."""
    base = Path.cwd() if root is None else root
    return [base / d for d in DEFAULT_CORPUS if (base / d).is_dir()]


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _family(gold: Mapping[str, Any], text: Path, folder: Path) -> str:
    if "family" in gold:
        return str(gold["family"])
    parts = text.relative_to(folder).parts
    return parts[0] if len(parts) > 1 else "fixtures"


def _language(gold: Mapping[str, Any], text: Path) -> str:
    if "language" in gold:
        return str(gold["language"])
    m = _LANGUAGE_SUFFIX.search(text.stem)
    return m.group(1) if m else "?"


def score_file(text: Path, gold_file: Path, folder: Path) -> FileScore:
    """Parse ``text`` (the ``html`` parser for a ``.html`` page, else the ``text`` parser; warnings
    ignored) and score it against ``gold_file``.

    :class:`~communique.bench.gold.GoldFileError` when the gold file is not in the gold format.
    """
    import communique

    gold = load(gold_file)
    fmt = page_format(text)
    release: PressRelease | None = None
    outcome, error = "parsed", None
    mismatches: tuple[Mismatch, ...] = ()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            release = communique.parse(text.read_bytes(), fmt)
        mismatches = tuple(compare(release, gold))
    except ParseError as exc:
        outcome, error = "unparsed", f"ParseError: {exc}"
    except Exception as exc:  # a crash is scored (every check wrong) and reported, not fatal to the run
        outcome, error = "crashed", f"{type(exc).__name__}: {exc}"
    return FileScore(
        path=_shown(text),
        family=_family(gold, text, folder),
        language=_language(gold, text),
        outcome=outcome,
        error=error,
        cells=score_release(release, gold),
        mismatches=mismatches,
        format=fmt,
    )


def score_corpus(folders: Iterable[Path]) -> Report:
    """Score every fixture with a gold file under ``folders`` (each file once, even if folders overlap).

    :class:`NoCorpusError` when a folder is missing or no gold file is found;
    :class:`~communique.bench.gold.GoldFileError` for a gold file not in the gold format.
    """
    chosen = list(folders)
    if not chosen:
        raise NoCorpusError(
            "no corpus found: looked for " + " and ".join(DEFAULT_CORPUS) + " under the current directory "
            f"({Path.cwd()}); run from the repository root or pass --corpus DIR"
        )
    for folder in chosen:
        if not folder.is_dir():
            raise NoCorpusError(f"no corpus folder {folder}")
    report = Report(corpus=[_shown(f) for f in chosen])
    seen: set[Path] = set()
    for folder in chosen:
        for text, gold_file in fixtures(folder):
            if text.resolve() in seen:
                continue
            seen.add(text.resolve())
            report.files.append(score_file(text, gold_file, folder))
    if not report.files:
        raise NoCorpusError("no NAME.txt or NAME.html with a NAME.gold.json beside it in " + ", ".join(report.corpus))
    return report


# --- tables ------------------------------------------------------------------------------------


def table_rows(report: Report, kind: str) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of one table: a row per field, a column for ``all`` and each language or family.

    ``kind`` is ``"language"``, ``"family"`` or ``"format"``.  Fields no release checks are left out.
    """
    groups = report.groups()
    names = report.names(kind)
    headers = ["field", "all", *names]
    rows = [
        [name, str(groups["all"][name]), *(str(groups[f"{kind}:{n}"].get(name, Cell())) for n in names)]
        for name in FIELDS
        if name in groups["all"]
    ]
    return headers, rows


def releases_rows(report: Report) -> tuple[list[str], list[list[str]]]:
    """Per family: releases, their languages, how many fail to parse and how many crash the parser."""
    headers = ["family", "releases", "languages", "fail to parse", "crash"]
    rows = []
    for family in [*report.names("family"), None]:
        mine = [f for f in report.files if family is None or f.family == family]
        languages = sorted({f.language for f in mine})
        rows.append(
            [
                "all" if family is None else family,
                str(len(mine)),
                " ".join(f"{lang} {sum(f.language == lang for f in mine)}" for lang in languages),
                str(sum(f.outcome == "unparsed" for f in mine)),
                str(sum(f.outcome == "crashed" for f in mine)),
            ]
        )
    return headers, rows


def _plain(headers: Sequence[str], rows: Sequence[Sequence[str]], title: str) -> str:
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = (str(c) for c in cells)
        return "  ".join([first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))])

    return "\n".join([title, "=" * len(title), line(headers), "  ".join("-" * w for w in widths), *map(line, rows)])


def render_text(report: Report) -> str:
    """The plain-text report: accuracy by language, by family, the releases and the failures."""
    parts = [
        f"communique parser accuracy (text and html): {len(report.files)} releases from {', '.join(report.corpus)} "
        "(right/checked, percent rounded down)",
        _plain(*table_rows(report, "language"), "By language"),
        _plain(*table_rows(report, "family"), "By publisher family"),
        *([_plain(*table_rows(report, "format"), "By parser")] if len(report.names("format")) > 1 else []),
        _plain(*releases_rows(report), "Releases"),
    ]
    failures = report.failures()
    if failures:
        lines = [f"  {f.path} ({f.outcome}): {_first_line(f.error)}" for f in failures]
        parts.append("Releases that did not parse\n===========================\n" + "\n".join(lines))
    return "\n\n".join(parts) + "\n"


SHOWABLE = (*FIELDS, "quotes", "people", "person", "countries", "mentions", "dates")
"""What ``--show`` accepts: a scored field, or a family of them."""


def render_mismatches(report: Report, wanted: str) -> str:
    """Every release that gets ``wanted`` (a name of :data:`SHOWABLE`) wrong, with what it found."""
    if wanted not in SHOWABLE:
        raise ValueError(f"--show takes one of {', '.join(SHOWABLE)}, not {wanted!r}")
    lines = []
    for f in report.files:
        if f.outcome != "parsed":
            lines.append(f"  {f.path} ({f.outcome}): {_first_line(f.error)}")
            continue
        lines += [f"  {f.path}: {format_mismatch(m)}" for m in f.mismatches if _shows(wanted, m.path)]
    title = f"Wrong: {wanted}"
    return "\n".join([title, "=" * len(title), *(lines or ["  (none)"])]) + "\n"


def _first_line(text: str | None, limit: int = 160) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def to_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready document (:data:`SCHEMA`): the figures per group, then every release."""
    return {
        "schema": SCHEMA,
        "corpus": report.corpus,
        "releases": len(report.files),
        "groups": {
            group: {name: {"right": c.right, "checked": c.checked} for name, c in cells.items()}
            for group, cells in report.groups().items()
        },
        "files": [
            {
                "path": f.path,
                "family": f.family,
                "language": f.language,
                "format": f.format,
                "outcome": f.outcome,
                "error": f.error,
                "cells": {name: list(pair) for name, pair in f.cells.items()},
                "mismatches": [
                    {"path": m.path, "field": field_of(m.path), "text": format_mismatch(m)} for m in f.mismatches
                ],
            }
            for f in report.files
        ],
    }


# --- floors ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Breach:
    """A figure below its floor (or a floor on a figure no release checks)."""

    group: str
    field: str
    floor: float
    cell: Cell

    def __str__(self) -> str:
        where = self.field if self.group == "all" else f"{self.field} ({self.group.replace(':', ' ')})"
        if not self.cell.checked:
            return f"{where}: has a floor of {self.floor:g}% but no release checks it (remove the floor)"
        return (
            f"{where}: {self.cell.right}/{self.cell.checked} = {self.cell.percent:.1f}%, "
            f"below its floor of {self.floor:g}%"
        )


def _floor_value(file: str | Path, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FloorsError(file, key, f"must be a percentage (a number from 0 to 100), not {value!r}")
    if not 0 <= value <= 100:
        raise FloorsError(file, key, f"must be a percentage from 0 to 100, not {value!r}")
    return float(value)


def _floor_table(file: str | Path, prefix: str, table: object) -> dict[str, float]:
    if not isinstance(table, dict):
        raise FloorsError(file, prefix, "must be a table of field = percentage")
    out: dict[str, float] = {}
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if name not in FIELDS:
            raise FloorsError(file, key, f"is not a scored field (known: {', '.join(FIELDS)})")
        out[name] = _floor_value(file, key, value)
    return out


def parse_floors(data: Mapping[str, Any], file: str | Path = "<floors>") -> dict[str, dict[str, float]]:
    """Validate decoded floors (``{"all": {...}, "language": {"en": {...}}, "family": {...}}``).

    Returns ``{group: {field: percent}}`` with groups named like :meth:`Report.groups`.
    """
    out: dict[str, dict[str, float]] = {}
    for top, value in data.items():
        if top == "all":
            out["all"] = _floor_table(file, "all", value)
        elif top in _GROUP_KINDS:
            if not isinstance(value, dict):
                raise FloorsError(file, top, f"must hold one table per {top}, e.g. [{top}.en]")
            for name, table in value.items():
                out[f"{top}:{name}"] = _floor_table(file, f"{top}.{name}", table)
        else:
            raise FloorsError(
                file, top, "unknown table (allowed: all, language.<code>, family.<name>, format.<parser>)"
            )
    return out


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    """Read and validate a floors file; :class:`FloorsError` names the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FloorsError(path, "", f"cannot be read as TOML: {exc}") from None
    return parse_floors(data, path)


def check_floors(report: Report, floors: Mapping[str, Mapping[str, float]]) -> list[Breach]:
    """Every floor the report's figures fall below, in floors order (empty: all floors hold)."""
    groups = report.groups()
    out = []
    for group, fields in floors.items():
        for name, floor in fields.items():
            cell = groups.get(group, {}).get(name, Cell())
            if cell.percent is None or cell.percent < floor:
                out.append(Breach(group, name, floor, cell))
    return out


def floors_from(report: Report) -> dict[str, dict[str, float]]:
    """Floors at today's figures, rounded down: every field overall, the main fields per language."""
    groups = report.groups()

    def rounded(cells: Mapping[str, Cell], names: Iterable[str]) -> dict[str, float]:
        out = {}
        for name in names:
            whole = cells[name].whole_percent if name in cells else None
            if whole is not None:
                out[name] = float(whole)
        return out

    floors = {"all": rounded(groups["all"], FIELDS)}
    for language in report.names("language"):
        floors[f"language:{language}"] = rounded(groups[f"language:{language}"], MAIN_FIELDS)
    if len(report.names("format")) > 1:
        for fmt in report.names("format"):
            floors[f"format:{fmt}"] = rounded(groups[f"format:{fmt}"], MAIN_FIELDS)
    return {group: fields for group, fields in floors.items() if fields}


FLOORS_HEADER = """\
# Accuracy floors of the text parser, in percent of right/checked, on the gold corpus
# (tests/data/text and tests/data/corpus; see docs/pages/accuracy.md).
#
# tests/bench/test_accuracy_floors.py fails when a figure drops below its floor.
# Raise a floor when you improve; never lower it silently.
# Rewrite this file from the current figures (rounded down to the whole percent) with
#     python -m communique.bench --accuracy --write-floors tests/bench/accuracy_floors.toml
# (it prints every floor it lowers).  Tables: [all] (every field), [language.<code>],
# [family.<name>], [format.<parser>] (text or html); field names as in the report.
"""


def format_floors(floors: Mapping[str, Mapping[str, float]], header: str = FLOORS_HEADER) -> str:
    """The floors as TOML, ``[all]`` first."""
    parts = [header.rstrip("\n")]
    for group, fields in floors.items():
        table = "all" if group == "all" else group.replace(":", ".", 1)
        lines = [f"[{table}]"] + [f"{_toml_key(name)} = {value:g}" for name, value in fields.items()]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name)


def floor_changes(old: Mapping[str, Mapping[str, float]], new: Mapping[str, Mapping[str, float]]) -> list[str]:
    """What writing ``new`` over ``old`` does, one line per floor lowered, raised, added or dropped."""
    out = []
    for group in [*old, *(g for g in new if g not in old)]:
        before, after = old.get(group, {}), new.get(group, {})
        for name in [*before, *(n for n in after if n not in before)]:
            where = f"{group} {name}"
            if name not in after:
                out.append(f"dropped  {where} (was {before[name]:g}%; no release checks it)")
            elif name not in before:
                out.append(f"new      {where} {after[name]:g}%")
            elif after[name] < before[name]:
                out.append(f"LOWERED  {where} {before[name]:g}% → {after[name]:g}%")
            elif after[name] > before[name]:
                out.append(f"raised   {where} {before[name]:g}% → {after[name]:g}%")
    return out


# --- the command ---------------------------------------------------------------------------------


def run(
    corpus: Sequence[str] | None,
    *,
    json_path: str | None = None,
    floors_path: str | None = None,
    write_floors: str | None = None,
    show: Sequence[str] = (),
    quiet: bool = False,
) -> int:
    """``python -m communique.bench --accuracy``: print the tables; return the exit status.

    0 when all is well; 1 for a bad gold or floors file or a figure below its
    floor (``floors_path``); 2 when no corpus is found.  ``json_path`` ``"-"``
    prints the JSON document instead of the tables.  ``show`` lists, per field
    named, the releases that get it wrong.
    """
    unknown = [name for name in show if name not in SHOWABLE]
    if unknown:
        print(f"error: --show takes one of {', '.join(SHOWABLE)}, not {', '.join(unknown)}", file=sys.stderr)
        return 2
    folders = default_corpus() if corpus is None else [Path(c) for c in corpus]
    if folders and not quiet:
        print("  … scoring the text parser on " + (", ".join(map(_shown, folders)) or "(nothing)"), file=sys.stderr)
    try:
        report = score_corpus(folders)
        floors = load_floors(Path(floors_path)) if floors_path else None
    except NoCorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (GoldFileError, FloorsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if json_path == "-":
        print(json.dumps(to_json(report), indent=1, ensure_ascii=False))
    else:
        print(render_text(report), end="")
        for name in show:
            print("\n" + render_mismatches(report, name), end="")
        if json_path:
            Path(json_path).write_text(json.dumps(to_json(report), indent=1, ensure_ascii=False) + "\n", "utf-8")
    status = 0
    if floors is not None:
        breaches = check_floors(report, floors)
        for breach in breaches:
            print(f"below floor: {breach}", file=sys.stderr)
        status = 1 if breaches else 0
    if write_floors:
        target = Path(write_floors)
        old: dict[str, dict[str, float]] = {}
        if target.exists():
            try:
                old = load_floors(target)
            except FloorsError as exc:
                print(f"note: the old floors are not readable, not compared: {exc}", file=sys.stderr)
        new = floors_from(report)
        target.write_text(format_floors(new), encoding="utf-8")
        count = sum(map(len, new.values()))
        if not old:
            print(f"wrote {target}: {count} floors", file=sys.stderr)
        else:
            changes = floor_changes(old, new)
            print(f"wrote {target}: {count} floors, {len(changes) or 'none'} changed", file=sys.stderr)
            for change in changes:
                print(f"  {change}", file=sys.stderr)
    return status
