"""Partner bodies: the national authorities a release says the work was done with.

A police or defence release names the foreign forces it worked with rather than
their officers: "en una operación conjunta con la Polícia Judiciária de Portugal
y la Gendarmería Nacional francesa", "in close coordination with the Government
of Canada", "en coopération avec les autorités espagnoles".  Those states take
part.  After a partnership cue (``people.partner_cues``), each item of the list
that follows — up to the end of the sentence — is a partner when it is a
country ("con Portugal y Francia") or a state body (a word of
``people.state_bodies``) whose country the item gives, by name after a link or
by its nationality adjective ("la Gendarmería Nacional francesa", "the French
Gendarmerie").  The list ends at its first item that is neither ("…, y con el
apoyo de Europol"): an international body or a company is no state's.

Each partner is an attendee known by role, the body as the release names it,
with the body's country; none is added for a country an attendee already stands
for.
"""

from __future__ import annotations

import re
from functools import cache

from ..locale import pack
from ..model import Attendee
from ._data import _trie_regex, normalize
from .analysis import Analysis
from .countries import country_code, find_countries
from .organizations import find_organization
from .vocab import PeopleTables

__all__ = ["find_partners"]

# Where a cue's list stops at the latest: the end of its sentence or clause.
_END = re.compile(r"[.;:!?](?:\s|$)|\s[–—]\s|\(")
_REACH = 240  # characters after a cue that its list may take
_BODY_WORDS = 8  # words of an item that may hold the body and its country
_CUE_REACH = 40  # characters a cue may hold around its longest word


def find_partners(
    body: Analysis, language: str, t: PeopleTables, attendees: list[Attendee], speech: frozenset[int] = frozenset()
) -> list[Attendee]:
    """The partner bodies of ``body``, one per country no attendee of ``attendees`` already stands for.

    What someone says is no report of who took part ("donde hemos invertido en cooperación con Mauritania"):
    cues inside quotation marks, or in the paragraphs ``speech`` (a transcript's turns), are passed over.
    """
    whole = body.whole
    pattern = _cue_pattern(language)
    # A cue is only where its longest word is: one scan for those words (a trie of a few letters per
    # position), then the cues' pattern read around each of them only, not over the whole text.
    starts: dict[int, re.Match[str]] = {}
    for anchor in _anchors(language).finditer(whole):
        at, hi = anchor.start(), min(len(whole), anchor.end() + _CUE_REACH)
        m = pattern.search(whole, max(0, at - _CUE_REACH), hi)
        while m is not None and m.start() <= at:
            starts.setdefault(m.start(), m)
            m = pattern.search(whole, m.end(), hi)
    if not starts:
        return []
    found = [starts[k] for k in sorted(starts)]
    if not found:
        return []
    held = {a.country for a in attendees if a.country}
    out: list[Attendee] = []
    for m in found:
        i = body.paragraph_of(m.start())
        if i in speech:
            continue
        text, low = body.norms[i], body.lower(i)
        # (Offsets of the whole text are the paragraph's when lower-casing kept every length.)
        end = m.end() - body.start_of(i) if body.aligned else _local_end(low, m.group())
        if end < 0 or _quoted(text, end - len(m.group())):
            continue
        for role, code in _partners(text[end : end + _REACH], m.group().rsplit(" ", 1)[-1], language, t):
            if code not in held:
                held.add(code)
                out.append(Attendee(role=role, organization=find_organization(role, language), country=code))
    return out


def _quoted(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` lies inside a quotation (more marks opened than closed before it)."""
    head = text[:at]
    return head.count("«") > head.count("»") or head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _partners(window: str, preposition: str, language: str, t: PeopleTables) -> list[tuple[str, str]]:
    """The partners listed at the start of ``window``: (the body as written, its country), in order."""
    stop = _END.search(window)
    if stop is not None:
        window = window[: stop.start()]
    out: list[tuple[str, str]] = []
    carried = (
        ""  # a body without its country, joined to the next item ("services de police et de gendarmerie du Bénin")
    )
    for raw in _separator(language).split(window):
        item = _bare(raw, preposition, t)
        if carried and item:
            item = f"{carried} {raw.strip()}"
        carried = ""
        found = _partner(item, language) if item else None
        if found is None and not out and item and _names_body(item, language) and not find_countries(item, language):
            carried = item  # only before the first partner: two bodies of one country share its name
            continue
        if found is None:
            break
        out.append(found)
        if len(found[0]) < len(item.rstrip()):
            break  # the sentence goes on after the body ("… et la police fédérale belge a permis …")
    return out


def _partner(item: str, language: str) -> tuple[str, str] | None:
    """The partner an item of the list opens with, as written, and its country; ``None`` if it names none.

    The item is a country, or a state body that names its country within its first words: by name after
    a link or by an adjective after the body ("la Polícia Judiciária de Portugal", "les autorités
    espagnoles"), or by an adjective before it ("French Gendarmerie").
    """
    code = country_code(item, language)
    if code is not None:
        return item, code
    norm = normalize(item)
    low = norm.lower()
    words = [m.end() for m in re.finditer(r"\S+", norm)][:_BODY_WORDS]
    if not words:
        return None
    reach = words[-1]
    found = find_countries(norm[:reach], language)
    bodies = _body_word_ends(low[:reach], language)
    if not bodies:
        if found and found[0][0] == 0 and item[found[0][1] : found[0][1] + 2].strip()[:1].islower():
            return item[: found[0][1]], found[0][
                2
            ]  # "Spain before the vessel was stopped": the country, then the sentence
        return None
    for start, end, code in found:
        if start == 0 and item[:1].isupper():
            return item[: max(bodies)], code  # "French Gendarmerie", "Canadian Armed Forces"
        if min(bodies) <= start:
            return item[:end], code  # "la Polícia Judiciária de Portugal", "les autorités espagnoles"
    return None


def _bare(item: str, preposition: str, t: PeopleTables) -> str:
    """``item`` without its opening articles and a repeated preposition ("con la Gendarmería" → "Gendarmería")."""
    item = item.strip(" ,\u00a0")
    while True:
        head, _, rest = item.partition(" ")
        word = head.lower()
        if not rest:
            return item
        if word == preposition or word in t.article_words:
            item = rest.lstrip()
            continue
        elided = next(
            (a for a in t.article_words if a[-1:] in "'’" and word.startswith(a) and len(word) > len(a)), None
        )
        if elided:  # "l’Agence…", "d’Espagne": the elided article glued to the word
            return item[len(elided) :]
        return item


def _body_word_ends(low: str, language: str) -> list[int]:
    """Where each word of a state body's name ends in ``low`` (small letters)."""
    return [m.end() for w in _state_words(language) for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", low)]


def _names_body(item: str, language: str) -> bool:
    """Whether ``item`` holds a word of a state body's name ("services de police")."""
    return bool(_body_word_ends(normalize(item).lower(), language))


@cache
def _state_words(language: str) -> tuple[str, ...]:
    """The words of a state body's name: the pack's, and foreign ones kept in their own language."""
    people = pack(language).people
    return tuple({normalize(w).lower() for w in (*people.state_bodies, *people.partner_bodies)})


@cache
def _cue_pattern(language: str) -> re.Pattern[str]:
    """The pack's partnership cues as whole words, in small letters, longest first."""
    cues = {normalize(c).lower() for c in pack(language).people.partner_cues}
    # A trie: shared prefixes cost a few character tests per position, not one test per cue.
    return re.compile(_trie_regex(cues, after_first=r"(?<!\w.)") + r"(?!\w)")


@cache
def _anchors(language: str) -> re.Pattern[str]:
    """The longest word of each partnership cue, as a trie: a cue can only be where its longest word is."""
    cues = {normalize(c).lower() for c in pack(language).people.partner_cues}
    return re.compile(_trie_regex({max(c.split(), key=len) for c in cues}))


def _local_end(low: str, cue: str) -> int:
    """Where ``cue`` ends in the paragraph ``low`` (its first occurrence), or -1."""
    at = low.find(cue)
    return at + len(cue) if at >= 0 else -1


@cache
def _separator(language: str) -> re.Pattern[str]:
    """A comma or a list joiner between two items of a list."""
    joiners = "|".join(re.escape(j) for j in sorted(pack(language).people.list_joiners, key=len, reverse=True))
    return re.compile(rf"\s*,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+", re.IGNORECASE)
