"""The dateline: the place a release is filed from, at the head of its first paragraph.

``"Belgrade – Le général..."`` → ``("Belgrade", "Le général...")``.  The
separator is an en dash, an em dash or a hyphen with spaces around it; the
place is one to four capitalised words (with the short connecting words of
place names), optionally followed by a country after a comma or in
parentheses ("BRUSSELS, Belgium –", "Mons (Belgique) –") or by a date
("BRUSSELS, 14 September 2019 –").

A capitalised subject followed by a dash ("NATO Secretary General Jens
Stoltenberg – speaking in Oslo – said") is not a place: a "place" that
contains a rank, a title, a courtesy word or an organisation is refused, and
so is a single word that is a common word ("On 4 March 2021 – …").  After a
comma, a region that is not a country ("Norfolk, Virginia –") is accepted
unless it names a person or an organisation.
"""

from __future__ import annotations

import re
from functools import cache

from ..locale import languages, pack
from ._data import alternation, normalize, upper_class
from .countries import country_code
from .language import stopwords
from .organizations import find_organization
from .vocab import person_titles

__all__ = ["split_dateline"]


@cache
def _dateline() -> re.Pattern[str]:
    # Capitals of every script a place may be written in ("Αθήνα", "Київ", "ŁÓDŹ").
    cap = rf"[{upper_class()}][\w’'.\-]*"
    link = alternation(w for code in languages() for w in pack(code).dateline.place_links)
    place = rf"{cap}(?:[ \u00a0](?:{link}[ \u00a0]?)?{cap}){{0,3}}"
    return re.compile(
        rf"(?P<place>{place})"
        rf"(?:,[ \u00a0](?P<country>{cap}(?:[ \u00a0]{cap}){{0,2}})|[ \u00a0]\((?P<paren>[^()]{{2,40}})\))?"
        r"(?:,?[ \u00a0]+[\w .]{0,25}?\d{4})?"
        r"(?:[ \u00a0]*[–—][ \u00a0]*|[ \u00a0]+-[ \u00a0]+|[ \u00a0]*--[ \u00a0]*)"
        r"(?=\S)"
    )


@cache
def _person_words() -> frozenset[str]:
    """Lower-case words of ranks, titles and courtesy words, in every pack."""
    words: set[str] = set()
    for code in languages():
        people = pack(code).people
        for phrase in (*people.ranks, *person_titles(code)):
            words.update(w for w in normalize(phrase).lower().split() if len(w) > 3 or w.endswith("."))
        # Courtesy words are short ("Mr", "M.") but never part of a place name.
        words.update(normalize(w).lower() for w in people.honorifics)
    return frozenset(words)


def _is_place(place: str, country: str | None) -> bool:
    person = _person_words()
    words = place.replace("\u00a0", " ").split()
    if len(words) == 1 and any(words[0].lower() in stopwords(code) for code in languages()):
        return False  # "On 4 March 2021 – …", "In Brussels – …" open a sentence, not a dateline
    if any(w.lower() in person for w in words):
        return False
    if any(find_organization(place, code) for code in languages()):
        return False
    if country is None or any(country_code(country, code) for code in languages()):
        return True
    # A region that is not a country ("Norfolk, Virginia"): still a place unless it names a person or body.
    region = country.replace("\u00a0", " ").split()
    return not any(w.lower() in person for w in region) and not any(
        find_organization(country, code) for code in languages()
    )


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split ``"Place – text"`` into ``("Place", "text")``; ``(None, paragraph)`` if there is no dateline.

    A place in capitals ("BRUSSELS") is kept as written, with its country
    ("Mons, Belgium", "Mons (Belgique)").
    """
    m = _dateline().match(paragraph)
    if not m:
        return None, paragraph
    country = m.group("country") or m.group("paren")
    if not _is_place(m.group("place"), country):
        return None, paragraph
    end = m.end("paren") + 1 if m.group("paren") else m.end("country") if m.group("country") else m.end("place")
    return paragraph[:end].strip(), paragraph[m.end() :]
