"""The dateline: the place a release is filed from, at the head of its first paragraph.

``"Belgrade – Le général..."`` → ``("Belgrade", "Le général...")``.  The
separator is an en dash, an em dash or a hyphen with spaces around it; the
place is one to five capitalised words (with the short connecting words of
place names), optionally followed by a date ("BRUSSELS, 14 September 2019 –").
"""

from __future__ import annotations

import re

__all__ = ["split_dateline"]

_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'.\-]*"
_LINK = r"(?:de|du|des|la|le|les|sur|en|am|an|der|di|da|upon|on|of|the|d’|l’|d'|l')"
_PLACE = rf"{_CAP}(?:[ \u00a0](?:{_LINK}[ \u00a0]?)?{_CAP}){{0,4}}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:,[ \u00a0]{_CAP}(?:[ \u00a0]{_CAP}){{0,2}})?)"
    r"(?:,?[ \u00a0]+[\w .]{0,25}?\d{4})?"
    r"(?:[ \u00a0]*[–—][ \u00a0]*|[ \u00a0]+-[ \u00a0]+|[ \u00a0]*--[ \u00a0]*)"
    r"(?=\S)"
)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split ``"Place – text"`` into ``("Place", "text")``; ``(None, paragraph)`` if there is no dateline.

    A place in capitals ("BRUSSELS") is kept as written.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None, paragraph
    place = m.group("place").strip()
    return place, paragraph[m.end() :]
