"""Gold files: the true reading of a fixture, written by hand, and a comparer.

The gold format is shared by the strict per-fixture test
(``tests/parsers/test_text_gold.py``, through ``tests/goldfiles.py``) and by
the accuracy scorer (:mod:`communique.bench.accuracy`,
``python -m communique.bench --accuracy``).  It lives in the package so that
the scorer runs from an installed communique on any folder of gold files.

A release ``NAME.txt`` (a page copied as plain text, read by the ``text`` parser) or
``NAME.html`` (a saved web page, read by the ``html`` parser) is described by
``NAME.gold.json`` beside it::

    {"family": "nato"|"eu"|..., "title": str, "subtitle": str|null, "reference": str|null,
     "language": str, "dateline": str|null, "source": str|null,
     "dates": {"start": "YYYY-MM-DD"|null, "end": ...,
               "published": "YYYY-MM-DDTHH:MM:SS[+HH:MM]"|"YYYY-MM-DD"|null, "updated": ...},
     "quotes": [{"text_starts": "first words of the quote", "speaker": "Full Name"|"role"|null}],
     "people": [{"name": "...", "rank": ..., "role": ..., "organization": ..., "country": ...}],
     "countries": ["AL", ...],
     "mentions": ["Full Name", ...],
     "xfail": {"field path": "reason"}}

Every top-level key is optional: an absent key is not checked.  ``family``
is the publisher family (``nato``, ``eu``, ``un``, ``ministry``, ``government``,
``ngo``, ``wire``...): it is not compared, the scorer groups figures by it.
Inside ``dates`` each present key is checked; a stamp written ``YYYY-MM-DD``
means the page gives no time, and the release must hold a date-only value.  ``quotes`` is the full ordered list of
quotations (a speaker known only by role is that role as the text writes it, without its article:
``"spokesperson"``, ``"porte-parole de l’organisation"``; ``null``: nobody known — a question from the
floor, an unnamed witness); words in marks that are no one's speech (the name of an exercise, a film, a
declaration; a term in scare quotes) are no quotation and are not listed, those inside the title first (as the release orders them).  Each ``people`` entry must match the attendee of that name; its
other keys are compared exactly (``null`` means the field must be ``None``).
``countries`` is compared, as a set, with the countries of all attendees.
``mentions`` lists the named people the release only mentions (a predecessor, someone
remembered: ``PressRelease.mentions``), compared as a set of names; they are not in ``people``.

Field paths (used in mismatches and as ``xfail`` keys): ``title``,
``subtitle``, ``reference``, ``language``, ``dateline``, ``source``, ``dates.start`` (``.end``,
``.published``, ``.updated``), ``quotes`` (the count), ``quotes[2]`` (a missing
or unexpected quote), ``quotes[2].text``, ``quotes[2].speaker``,
``people[Jean Dupont]`` (no such attendee), ``people[Jean Dupont].rank``,
``countries``, ``mentions``.

An ``xfail`` key marks a check the parser is known to fail today.  It covers
the mismatch at that path and below it (``quotes`` covers every quote), and is
satisfied when the field could not be checked at all because its parent failed
(``people[X].rank`` when there is no attendee ``X``).  An ``xfail`` entry that
covers nothing is an error: the parser got better, and the entry must go.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from communique.model import PressRelease

__all__ = [
    "GOLD_SUFFIX",
    "PAGE_FORMATS",
    "GoldFileError",
    "Mismatch",
    "Verdict",
    "checked_paths",
    "compare",
    "covers",
    "fixtures",
    "format_expected",
    "format_mismatch",
    "format_verdict",
    "gold_path",
    "judge",
    "load",
    "page_format",
    "validate",
]

GOLD_SUFFIX = ".gold.json"
"""A fixture ``NAME.txt`` has its gold file ``NAME.gold.json`` beside it."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?")
_DATE_OR_DATETIME = re.compile(rf"{_DATE.pattern}|{_DATETIME.pattern}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_WHOLE_QUOTE = re.compile(r"quotes\[\d+\]")
_PERSON_FIELDS = ("rank", "role", "organization", "country")
_HEADER_KEYS = ("title", "subtitle", "reference", "language", "dateline", "source")
_TOP_LEVEL = ("family", *_HEADER_KEYS, "dates", "quotes", "people", "countries", "mentions", "xfail")
_DATE_KEYS = ("start", "end")
_DATETIME_KEYS = ("published", "updated")


class GoldFileError(ValueError):
    """A gold file that is not in the gold format; names the file and the key."""

    def __init__(self, file: str | Path, key: str, problem: str) -> None:
        self.file = str(file)
        self.key = key
        self.problem = problem
        where = f"{self.file}: {key}: " if key else f"{self.file}: "
        super().__init__(where + problem)


class Mismatch(NamedTuple):
    """One field where the release differs from the gold file."""

    path: str
    expected: Any
    got: Any


PAGE_FORMATS = {".txt": "text", ".html": "html", ".htm": "html"}
"""The releases a gold file may describe, by suffix, and the parser that reads each:
a plain-text copy of a page (``NAME.txt``) or the saved page itself (``NAME.html``)."""


def gold_path(text_path: Path) -> Path:
    """``tests/data/text/NAME.txt`` (or ``NAME.html``) → ``tests/data/text/NAME.gold.json``."""
    return text_path.with_name(text_path.stem + GOLD_SUFFIX)


def page_format(path: Path) -> str:
    """The parser that reads a release file: ``"html"`` for ``.html``/``.htm``, else ``"text"``."""
    return PAGE_FORMATS.get(path.suffix.lower(), "text")


def fixtures(root: Path) -> list[tuple[Path, Path]]:
    """``(NAME.txt or NAME.html, NAME.gold.json)`` for every release under ``root`` (any depth) with a gold file, sorted."""
    pages = (p for p in root.rglob("*") if p.suffix.lower() in PAGE_FORMATS and p.is_file())
    return [(page, gold_path(page)) for page in sorted(pages) if gold_path(page).is_file()]


# --- loading and validation --------------------------------------------------------------------


def load(path: Path) -> dict[str, Any]:
    """Read and validate a gold file; :class:`GoldFileError` if it is not in the gold format."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFileError(path, "", f"is not valid UTF-8 JSON: {exc}") from None
    validate(gold, path)
    return gold  # type: ignore[no-any-return]


_JSON_NAMES: dict[type, str] = {dict: "object", list: "array", str: "string"}


def _type_name(value: object) -> str:
    return "null" if value is None else _JSON_NAMES.get(type(value), type(value).__name__)


def _need(file: str | Path, key: str, value: object, kinds: tuple[type, ...], what: str) -> None:
    # bool is an int in Python; no gold field is a number, so a plain isinstance is enough.
    if not isinstance(value, kinds):
        raise GoldFileError(file, key, f"must be {what}, not {_type_name(value)} {value!r}")


def _need_str(file: str | Path, key: str, value: object, *, nullable: bool) -> None:
    kinds: tuple[type, ...] = (str, type(None)) if nullable else (str,)
    _need(file, key, value, kinds, "a string or null" if nullable else "a string")
    if isinstance(value, str) and not value.strip():
        raise GoldFileError(file, key, "must not be empty")


def _unknown(file: str | Path, prefix: str, obj: dict[str, Any], allowed: tuple[str, ...]) -> None:
    for key in obj:
        if key not in allowed:
            raise GoldFileError(file, prefix + key, f"unknown key (allowed: {', '.join(allowed)})")


def validate(gold: object, file: str | Path = "<gold>") -> None:
    """Check the shape of a decoded gold file; :class:`GoldFileError` names the file and the key."""
    _need(file, "", gold, (dict,), "a JSON object")
    assert isinstance(gold, dict)
    _unknown(file, "", gold, _TOP_LEVEL)
    for key in ("family", "title", "language"):
        if key in gold:
            _need_str(file, key, gold[key], nullable=False)
    for key in ("subtitle", "reference", "dateline", "source"):
        if key in gold:
            _need_str(file, key, gold[key], nullable=True)
    if "dates" in gold:
        _validate_dates(file, gold["dates"])
    if "quotes" in gold:
        _validate_quotes(file, gold["quotes"])
    if "people" in gold:
        _validate_people(file, gold["people"])
    if "countries" in gold:
        _validate_countries(file, gold["countries"])
    if "mentions" in gold:
        _need(file, "mentions", gold["mentions"], (list,), "an array")
        for i, name in enumerate(gold["mentions"]):
            _need_str(file, f"mentions[{i}]", name, nullable=False)
    if "xfail" in gold:
        _validate_xfail(file, gold)


def _validate_dates(file: str | Path, dates: object) -> None:
    _need(file, "dates", dates, (dict,), "an object")
    assert isinstance(dates, dict)
    _unknown(file, "dates.", dates, _DATE_KEYS + _DATETIME_KEYS)
    for key, value in dates.items():
        path = f"dates.{key}"
        _need_str(file, path, value, nullable=True)
        if value is None:
            continue
        if key in _DATE_KEYS:
            shape, example = _DATE, "YYYY-MM-DD"
        else:
            shape, example = _DATE_OR_DATETIME, "YYYY-MM-DDTHH:MM:SS[+HH:MM] or YYYY-MM-DD"
        if not shape.fullmatch(value):
            raise GoldFileError(file, path, f"must be written {example}, not {value!r}")
        try:
            _parse_date(key, value)
        except ValueError as exc:
            raise GoldFileError(file, path, f"is not a real date: {exc}") from None


def _validate_quotes(file: str | Path, quotes: object) -> None:
    _need(file, "quotes", quotes, (list,), "an array")
    assert isinstance(quotes, list)
    for i, quote in enumerate(quotes):
        path = f"quotes[{i}]"
        _need(file, path, quote, (dict,), "an object")
        _unknown(file, path + ".", quote, ("text_starts", "speaker"))
        for key in ("text_starts", "speaker"):
            if key not in quote:
                raise GoldFileError(file, f"{path}.{key}", "is required (use null for a speaker nobody knows)")
        _need_str(file, f"{path}.text_starts", quote["text_starts"], nullable=False)
        _need_str(file, f"{path}.speaker", quote["speaker"], nullable=True)


def _validate_people(file: str | Path, people: object) -> None:
    _need(file, "people", people, (list,), "an array")
    assert isinstance(people, list)
    seen: set[str] = set()
    for i, person in enumerate(people):
        path = f"people[{i}]"
        _need(file, path, person, (dict,), "an object")
        _unknown(file, path + ".", person, ("name", *_PERSON_FIELDS))
        if "name" not in person:
            raise GoldFileError(file, f"{path}.name", "is required")
        _need_str(file, f"{path}.name", person["name"], nullable=False)
        if person["name"] in seen:
            raise GoldFileError(file, f"{path}.name", f"{person['name']!r} is listed twice")
        seen.add(person["name"])
        for key in _PERSON_FIELDS:
            if key in person:
                _need_str(file, f"{path}.{key}", person[key], nullable=True)
        country = person.get("country")
        if country is not None and not _COUNTRY.fullmatch(country):
            raise GoldFileError(
                file, f"{path}.country", f"must be an ISO 3166-1 alpha-2 code such as 'FR', not {country!r}"
            )


def _validate_countries(file: str | Path, countries: object) -> None:
    _need(file, "countries", countries, (list,), "an array")
    assert isinstance(countries, list)
    for i, code in enumerate(countries):
        _need_str(file, f"countries[{i}]", code, nullable=False)
        if not _COUNTRY.fullmatch(code):
            raise GoldFileError(
                file, f"countries[{i}]", f"must be an ISO 3166-1 alpha-2 code such as 'FR', not {code!r}"
            )
    if len(set(countries)) != len(countries):
        raise GoldFileError(file, "countries", "lists a country twice")


def _validate_xfail(file: str | Path, gold: dict[str, Any]) -> None:
    xfail = gold["xfail"]
    _need(file, "xfail", xfail, (dict,), "an object of {field path: reason}")
    assert isinstance(xfail, dict)
    checked = checked_paths(gold)
    for key, reason in xfail.items():
        _need_str(file, f"xfail[{key}]", reason, nullable=False)
        if not any(covers(key, path) for path in checked):
            raise GoldFileError(
                file, f"xfail[{key}]", "names no field this gold file checks (is the key spelled like a failure path?)"
            )


# --- comparison ----------------------------------------------------------------------------


def _parse_date(key: str, value: str) -> dt.date | dt.datetime:
    # A stamp written as a bare date is a date-only stamp (the page gives no time).
    return dt.date.fromisoformat(value) if key in _DATE_KEYS or "T" not in value else dt.datetime.fromisoformat(value)


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def checked_paths(gold: dict[str, Any]) -> list[str]:
    """Every field path the gold file checks, in file order (the keys ``xfail`` may use)."""
    paths = [key for key in _HEADER_KEYS if key in gold]
    paths += [f"dates.{key}" for key in gold.get("dates", {})]
    if "quotes" in gold:
        paths.append("quotes")
        for i in range(len(gold["quotes"])):
            paths += [f"quotes[{i}]", f"quotes[{i}].text", f"quotes[{i}].speaker"]
    for person in gold.get("people", []):
        name = person["name"]
        paths.append(f"people[{name}]")
        paths += [f"people[{name}].{key}" for key in _PERSON_FIELDS if key in person]
    if "countries" in gold:
        paths.append("countries")
    if "mentions" in gold:
        paths.append("mentions")
    return paths


# A page's no-break spaces (French typography: "Niger\u00a0: …") and an annotator's plain spaces are the
# same text to a reader.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def _same_text(found: Any, expected: Any) -> bool:
    """Whether a header field equals its gold value, a no-break space counting as a space."""
    if isinstance(found, str) and isinstance(expected, str):
        return found.translate(_SPACES) == expected.translate(_SPACES)
    return bool(found == expected)


def compare(release: PressRelease, gold: dict[str, Any]) -> list[Mismatch]:
    """Every field where ``release`` differs from ``gold`` (a validated gold file), in file order."""
    out: list[Mismatch] = []
    header = release.header
    for key in _HEADER_KEYS:
        # getattr with a default: a gold file may check a header field before the model has it.
        if key in gold and not _same_text(getattr(header, key, None), gold[key]):
            out.append(Mismatch(key, gold[key], getattr(header, key, None)))
    for key, value in gold.get("dates", {}).items():
        expected = None if value is None else _parse_date(key, value)
        got = getattr(release.dates, key)
        # A naive and an aware datetime are never equal: a missing time zone is a mismatch.
        if got != expected or type(got) is not type(expected):
            out.append(Mismatch(f"dates.{key}", value, _iso(got)))
    if "quotes" in gold:
        out += _compare_quotes(release, gold["quotes"])
    if "people" in gold:
        out += _compare_people(release, gold["people"])
    if "countries" in gold:
        got_countries = {a.country for a in release.attendees if a.country is not None}
        if got_countries != set(gold["countries"]):
            out.append(Mismatch("countries", sorted(gold["countries"]), sorted(got_countries)))
    if "mentions" in gold:
        got_mentions = {a.name for a in release.mentions if a.name is not None}
        if got_mentions != set(gold["mentions"]):
            out.append(Mismatch("mentions", sorted(gold["mentions"]), sorted(got_mentions)))
    return out


def _compare_quotes(release: PressRelease, quotes: list[dict[str, Any]]) -> list[Mismatch]:
    out: list[Mismatch] = []
    got = release.quotes
    if len(got) != len(quotes):
        out.append(Mismatch("quotes", f"{len(quotes)} quotes", f"{len(got)} quotes"))
    for i in range(max(len(got), len(quotes))):
        path = f"quotes[{i}]"
        if i >= len(got):
            out.append(Mismatch(path, quotes[i], None))
            continue
        q = got[i]
        if i >= len(quotes):
            out.append(Mismatch(path, None, {"text": q.text, "speaker": q.speaker}))
            continue
        expected = quotes[i]
        if not q.text.startswith(expected["text_starts"]):
            out.append(Mismatch(f"{path}.text", expected["text_starts"], q.text))
        if q.speaker != expected["speaker"]:
            out.append(Mismatch(f"{path}.speaker", expected["speaker"], q.speaker))
    return out


def _compare_people(release: PressRelease, people: list[dict[str, Any]]) -> list[Mismatch]:
    out: list[Mismatch] = []
    by_name = {a.name: a for a in release.attendees if a.name is not None}
    for person in people:
        name = person["name"]
        attendee = by_name.get(name)
        if attendee is None:
            out.append(Mismatch(f"people[{name}]", f"an attendee named {name!r}", sorted(by_name)))
            continue
        for key in _PERSON_FIELDS:
            if key in person and getattr(attendee, key) != person[key]:
                out.append(Mismatch(f"people[{name}].{key}", person[key], getattr(attendee, key)))
    return out


# --- xfail -----------------------------------------------------------------------------------


def covers(key: str, path: str) -> bool:
    """``key`` is ``path`` or one of its ancestors (``quotes`` covers ``quotes[1].speaker``)."""
    return path == key or path.startswith((key + ".", key + "["))


@dataclass
class Verdict:
    """The outcome of a gold check once the ``xfail`` entries are applied."""

    unexpected: list[Mismatch] = field(default_factory=list)
    """Mismatches no ``xfail`` entry covers: the test fails."""
    expected: list[tuple[str, str, list[Mismatch]]] = field(default_factory=list)
    """``(xfail key, reason, mismatches)`` for each entry whose check failed, as announced."""
    passing_xfails: list[tuple[str, str]] = field(default_factory=list)
    """``(xfail key, reason)`` for each entry whose check now passes: the test fails (strict)."""

    @property
    def ok(self) -> bool:
        return not self.unexpected and not self.passing_xfails


def judge(release: PressRelease, gold: dict[str, Any]) -> Verdict:
    """Compare and apply ``xfail`` strictly."""
    mismatches = compare(release, gold)
    xfail: dict[str, str] = gold.get("xfail", {})
    verdict = Verdict()
    covered: set[int] = set()
    for key, reason in xfail.items():
        # The key's own mismatches, or a failed ancestor that kept the field from being checked at all.
        mine = [m for m in mismatches if covers(key, m.path) or covers(m.path, key)]
        if not mine:
            verdict.passing_xfails.append((key, reason))
            continue
        verdict.expected.append((key, reason, mine))
        covered.update(i for i, m in enumerate(mismatches) if covers(key, m.path))
    verdict.unexpected = [m for i, m in enumerate(mismatches) if i not in covered]
    return verdict


def _show(value: object, limit: int = 100) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_mismatch(m: Mismatch, show: Callable[[object], str] = _show) -> str:
    """One line: the field path, what the gold file says and what the parser found."""
    if m.path.endswith(".text"):
        return f"{m.path}: expected a text starting with {show(m.expected)}, got {show(m.got)}"
    if _WHOLE_QUOTE.fullmatch(m.path) and m.expected is None:
        return f"{m.path}: unexpected quote {show(m.got)}"
    if _WHOLE_QUOTE.fullmatch(m.path) and m.got is None:
        return f"{m.path}: missing quote {show(m.expected)}"
    return f"{m.path}: expected {show(m.expected)}, got {show(m.got)}"


def format_verdict(name: str, verdict: Verdict) -> str:
    """A readable report of everything that is wrong, not just the first thing."""
    lines = [f"{name}: the parser disagrees with the gold file"]
    if verdict.unexpected:
        lines.append(f"  {len(verdict.unexpected)} mismatch(es):")
        lines += [f"    {format_mismatch(m)}" for m in verdict.unexpected]
    if verdict.passing_xfails:
        lines.append(f"  {len(verdict.passing_xfails)} xfail entr(y/ies) now pass; remove them from the gold file:")
        lines += [f"    {key!r} ({reason})" for key, reason in verdict.passing_xfails]
    return "\n".join(lines)


def format_expected(verdict: Verdict) -> str:
    """One line naming the known failures, for ``pytest.xfail``."""
    return "; ".join(f"{key}: {reason}" for key, reason, _ in verdict.expected)
