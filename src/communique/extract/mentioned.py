"""People only mentioned: named in the release, but not taking part.

A predecessor ("succeeding Admiral Rob Bauer", "succède au vice-amiral Leroux",
"sucede al general Ortega"), a person remembered ("in memory of", "en hommage à")
is named with a rank or a title like an attendee, and read as one by
:mod:`.names`.  When *every* mention of a named person stands right after one of
the pack's ``people.mention_cues`` (an article may come between), the person goes
to :attr:`~communique.model.PressRelease.mentions` instead of the attendees.  One
mention elsewhere ("Admiral Bauer thanked the staff") keeps them an attendee.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..locale import pack
from ..model import Attendee
from ._data import normalize
from .attendees import Mention

__all__ = ["split_mentioned"]

_REACH = 48  # characters before a name where its cue may stand


@cache
def _cues(language: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The cues (small letters, longest first) and the articles that may follow them."""
    people = pack(language).people
    cues = sorted((normalize(c).lower() for c in people.mention_cues), key=len, reverse=True)
    # The words a mention's span may open with ("au", "of"): role articles, and list articles of one word.
    articles = {normalize(a).lower() for a in (*people.role_articles, *people.articles) if " " not in a.strip()}
    return tuple(cues), frozenset(articles)


@cache
def _spaced(cues: tuple[str, ...]) -> tuple[str, ...]:
    """The cues each followed by a space: one ``str.startswith`` call tests them all."""
    return tuple(cue + " " for cue in cues)


def _after_cue(norm: str, start: int, language: str) -> bool:
    """Whether a mention starting at ``start`` of ``norm`` stands right after a cue."""
    cues, articles = _cues(language)
    if not cues:
        return False
    # The mention may open with its article ("au vice-amiral Leroux"): the cue may end with it.
    first = norm[start : start + 8].lower().split(" ", 1)[0]
    if first in articles:
        start += len(first)
    # The phrase may open with the cue itself, after an elided article ("l’ancien directeur …, M. X").
    opening = norm[start : start + _REACH].lower().lstrip()
    for elided in ("l’", "l'"):
        if opening.startswith(elided):
            opening = opening[len(elided) :]
    if opening.startswith(_spaced(cues)):
        return True
    before = norm[max(0, start - _REACH) : start].lower().rstrip(" ,")
    readings = [before]
    # "succeeding the Chairman, General X", "succède à l’amiral X": an article may come between.
    words = before.rsplit(None, 1)
    if len(words) == 2 and words[1] in articles:
        readings.append(words[0])
    elif before.endswith("’") and before[:-2].endswith(" "):
        readings.append(before[:-2].rstrip())  # an elided article
    return any(
        text.endswith(cue) and (len(text) == len(cue) or not text[-len(cue) - 1].isalnum())
        for text in readings
        for cue in cues
    )


def split_mentioned(
    attendees: Sequence[Attendee], where: Sequence[Mention], paragraphs: Sequence[str], language: str
) -> tuple[list[Attendee], list[Attendee]]:
    """``(attendees, mentioned)``: the named people every mention of whom follows a cue move to the second list.

    ``where`` are the mentions :func:`.attendees.find_attendees` returns with the attendees.
    """
    if not where or not _cues(language)[0]:
        return list(attendees), []
    norms = [normalize(p) for p in paragraphs]
    cued: dict[int, bool] = {}
    for mention in where:
        key = id(mention.attendee)
        cued[key] = cued.get(key, True) and _after_cue(norms[mention.paragraph], mention.start, language)
    kept = [a for a in attendees if not cued.get(id(a), False)]
    mentioned = [a for a in attendees if cued.get(id(a), False)]
    return kept, mentioned
