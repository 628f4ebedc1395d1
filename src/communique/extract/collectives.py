"""People known by role: collectives ("the Chiefs of Defence of Albania, Bulgaria and …") and participant lists.

- a **collective** is a plural role head followed by a list of countries ("les
  chefs d’état-major de la République d’Albanie, de la Roumanie et …"): one
  attendee per country, named by role;
- in a sentence announcing participants, a **role-only** person is an article
  and a role head ("le président du Comité militaire de l’Union européenne").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Any

from ..locale import pack
from ..model import Attendee
from ._data import alternation, matches_at, normalize, upper_class
from .analysis import Analysis
from .countries import _matcher as country_matcher
from .countries import ambiguous_forms
from .organizations import find_organization
from .roles import from_role
from .vocab import PeopleTables, people_tables, speech_verbs

__all__ = ["find_collectives_and_roles"]

_PAREN = re.compile(r"\s*\([^()]*\)")
# A comma that is not inside parentheses.
_COMMA_OUTSIDE = re.compile(r",(?![^()]*\))")
# Starts with the (rare) punctuation mark rather than a look-behind, so that
# the scan runs in C from one mark to the next.
_SENTENCE = re.compile(rf"[.!?](\s+)(?=[«“\"{upper_class()}])")


def find_collectives_and_roles(
    body: Analysis,
    language: str,
    t: PeopleTables,
    named: list[Attendee],
    spans: list[list[tuple[int, int]]],
) -> list[Attendee]:
    """The collectives and role-only people of ``body``, outside the ``spans`` already taken by named people."""
    out: list[Attendee] = []
    seen: set[tuple[str | None, str | None]] = set()
    # (country, first word of the role) of each named person, for add() below.
    held = {(p.country, p.role.split()[0].lower()) for p in named if p.country and p.role}

    def add(role: str, country: str | None, organization: str | None) -> None:
        key = (role, country)
        if key in seen:
            return
        if country and (country, role.split()[0].lower()) in held:
            # The named person already stands for this country in that role
            # (the host's chief of defence in a list of chiefs of defence).
            return
        seen.add(key)
        out.append(Attendee(role=role, country=country, organization=organization))

    # Which paragraphs may hold a collective or a list of participants: one
    # str.find per word over the whole text, rather than per paragraph.
    # Where each plural head occurs, per paragraph, so that _collectives need
    # not search again (only when lower-casing kept every offset: "İ" does not).
    aligned = body.aligned
    local: dict[int, set[int]] = {}
    plural_at: set[int] = set()
    for at in body.find_each(t.plural_words):
        for p in at:
            i = body.paragraph_of(p)
            plural_at.add(i)
            if aligned:
                local.setdefault(i, set()).add(p - body.start_of(i))
    # The participant cues of each paragraph, in the pack's order, with their offsets in it.
    cues: dict[int, list[tuple[str, list[int]]]] = {}
    for c, at in zip(t.participants, body.find_each(t.participants), strict=True):
        for p in at:
            i = body.paragraph_of(p)
            found = cues.setdefault(i, [])
            if not found or found[-1][0] != c:
                found.append((c, []))
            found[-1][1].append(p - body.start_of(i))
    _representatives(body, language, add)
    for i in sorted(plural_at | cues.keys()):
        text, norm = body.paragraphs[i], body.norms[i]
        taken = list(spans[i])
        if i in plural_at:
            _collectives(text, norm, language, t, taken, add, sorted(local[i]) if aligned else None)
        if i in cues:
            _role_only(text, norm, body.lower(i), language, t, taken, add, cues[i] if aligned else None)
            _countries_taking_part(norm, body.lower(i), language, t, cues[i] if aligned else None, taken, add)
    return out


def _countries_taking_part(
    norm: str,
    low: str,
    language: str,
    t: PeopleTables,
    cues: list[tuple[str, list[int]]] | None,
    taken: list[tuple[int, int]],
    add: Any,
) -> None:
    """A list of two countries or more right before or after a participant cue: each takes part, as a delegation
    ("Denmark, Estonia, … and Sweden took part in the session"; "Ont pris part aux travaux l’Arménie, la
    Belgique, …"; "participaron Belice, Costa Rica y …")."""
    if cues is None:
        cues = [(c, _find_all(low, c)) for c in t.participants if c in low]
    # (Verbs and phrases, not the nouns: "the situation in Ukraine and Georgia with participants" names no party.)
    spots = [(at, at + len(c)) for c, ats in cues if c not in t.plurals for at in ats]
    if not spots:
        return
    country_re, lookup = country_matcher(language)
    gaps = (t.gap, _joiner_gap(language))
    role = pack(language).people.delegations[0]
    # Only near a cue that a country's name stands beside (a list runs up to it or starts after it): windows
    # around those cues, not the whole paragraph.
    spots = [spot for spot in spots if _country_beside(norm, spot, lookup)]
    windows: list[tuple[int, int]] = []
    for cue_start, cue_end in sorted(spots):
        lo, hi = max(0, cue_start - _LIST_REACH), min(len(norm), cue_end + _LIST_REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    links = _country_link_words(language)
    members = frozenset(t.plural_words) | t.head_words
    for lo, hi in windows:
        _lists_near_cues(norm, lo, hi, spots, country_re, lookup, gaps, taken, role, add, (links, members), language)
    for cue_start, _ in spots:
        for code in _bodies_before(norm, cue_start, country_re, lookup, taken, language):
            add(role, code, None)


def _bodies_before(
    norm: str,
    cue_start: int,
    country_re: re.Pattern[str],
    lookup: dict[str, str],
    taken: list[tuple[int, int]],
    language: str,
) -> list[str]:
    """The countries of a list of bodies that each name theirs, right before a participant cue ("the Samoa
    Water Authority, the Tonga Water Board and the Water Authority of Fiji are taking part"; "les agences
    de la Belgique, de la Suisse et du Canada ont participé"): one per body, two bodies or more."""
    start = max(norm.rfind(". ", 0, cue_start) + 2, cue_start - _LIST_REACH, 0)
    items = _item_split(language).split(norm[start:cue_start].rstrip())
    codes: list[str] = []
    for k, item in enumerate(reversed(items)):
        found = list(country_re.finditer(item))
        if not found or (k == 0 and len(item) - found[-1].end() > _CUE_AFTER_LIST + 20):
            break
        codes.append(lookup[found[-1].group()])
    if len(set(codes)) < 2 or any(start <= s < cue_start for s, _ in taken):
        return []
    return list(dict.fromkeys(reversed(codes)))


@cache
def _item_split(language: str) -> re.Pattern[str]:
    """Where a list's items part: a comma (maybe with a joiner), or a joiner between spaces."""
    joiners = alternation(normalize(j) for j in pack(language).people.list_joiners)
    return re.compile(rf",[ \u00a0]*(?:(?:{joiners})[ \u00a0]+)?|[ \u00a0]+(?:{joiners})[ \u00a0]+|;[ \u00a0]*")


def _country_beside(norm: str, spot: tuple[int, int], lookup: dict[str, str]) -> bool:
    """Whether a country's name ends a few words before the cue at ``spot`` or opens a few words after it
    (dictionary lookups of the words around it: cheaper than a scan for every cue)."""
    cue_start, cue_end = spot
    before = norm[max(0, cue_start - _CUE_AFTER_LIST - 40) : cue_start].split()
    # (After it, as far as a description of the members reaches: "brought together the national services of …".)
    after = norm[cue_end : cue_end + _DESCRIPTION_REACH + 20].replace("’", " ").replace("'", " ").split()
    if not any(w[:1].isupper() for w in (*before[-7:], *after[:_WORDS_AFTER_CUE])):
        return False  # a country's name is capitalised: none near, no list (the common case, at no lookup)
    for words in (before[-5:], before[-6:-1], before[-7:-2]):
        for n in range(1, min(4, len(words)) + 1):
            if " ".join(words[-n:]).strip(",.;:") in lookup:
                return True
    for k in range(min(_WORDS_AFTER_CUE, len(after))):
        if not after[k][:1].isupper():
            continue
        for n in range(1, 5):
            if k + n <= len(after) and " ".join(after[k : k + n]).strip(",.;:") in lookup:
                return True
    return False


def _lists_near_cues(
    norm: str,
    lo: int,
    hi: int,
    spots: list[tuple[int, int]],
    country_re: re.Pattern[str],
    lookup: dict[str, str],
    gaps: tuple[re.Pattern[str], re.Pattern[str]],
    taken: list[tuple[int, int]],
    role: str,
    add: Any,
    described: tuple[frozenset[str], frozenset[str]],
    language: str,
) -> None:
    """The lists of countries between ``lo`` and ``hi`` that a cue of ``spots`` stands beside: see
    :func:`_countries_taking_part`."""
    pos = lo
    while (first := country_re.search(norm, pos, hi)) is not None:
        group = [(first.start(), first.end(), lookup[first.group()])]
        end = first.end()
        while (nxt := _next_listed(norm, end, gaps, country_re, lookup, language)) is not None:
            group.append(nxt)
            end = nxt[1]
        pos = end
        if len(group) < 2:
            continue
        start = group[0][0]
        # The cue right after the list ("… and Sweden took part"), or right before it with no stop nor comma
        # between ("Ont pris part aux travaux l’Arménie, …").
        after = any(
            0 <= cue_start - end <= _CUE_AFTER_LIST and not any(ch in norm[end:cue_start] for ch in ".,;:")
            for cue_start, _ in spots
        )
        before = any(
            0 <= start - cue_end <= _CUE_BEFORE_LIST and _few_small_words(norm[cue_end:start]) for _, cue_end in spots
        ) or any(
            0 <= start - cue_end <= _DESCRIPTION_REACH and _describes_members(norm[cue_end:start], *described)
            for _, cue_end in spots
        )
        if (after or before) and not any(s < end and start < e for s, e in taken):
            # (Not a list another rule read already: a collective's, "los cancilleres de Belice, …".)
            for _, _, code in group:
                add(role, code, None)


def _next_listed(
    norm: str,
    pos: int,
    gaps: tuple[re.Pattern[str], re.Pattern[str]],
    country_re: re.Pattern[str],
    lookup: dict[str, str],
    language: str,
) -> tuple[int, int, str] | None:
    """The next country of a list after ``pos``: the list's gap (joiner, articles), then a country right after
    it; without the articles too, for a country whose name opens with one ("…, El Salvador y Brasil").  The
    gap is matched alone first, as a whole: no shorter gap is tried when no country follows the longest one.
    Inside a list, a form too ambiguous to be a country elsewhere is one ("…, du Maroc, de Maurice, de la …")."""
    for gap in gaps:
        spaced = gap.match(norm, pos)
        if spaced is None or spaced.end() <= pos:
            continue
        m = country_re.match(norm, spaced.end())
        if m is not None:
            return m.start(), m.end(), lookup[m.group()]
        listed = _ambiguous_in_list(language)
        a = listed[0].match(norm, spaced.end()) if listed is not None else None
        if a is not None and listed is not None:
            return a.start(), a.end(), listed[1][a.group()]
    return None


@cache
def _ambiguous_in_list(language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The pack's ambiguous country forms as one pattern (whole words), and each one's code."""
    forms = ambiguous_forms(language)
    if not forms:
        return None
    return re.compile(rf"(?:{alternation(forms)})(?!\w)"), forms


@cache
def _country_link_words(language: str) -> frozenset[str]:
    """The pack's country links, one word each, in small letters ("of", "from", "de", "du", "d’")."""
    people = pack(language).people
    return frozenset(w.lower() for w in people.country_links if " " not in w.strip())


def _describes_members(between: str, links: frozenset[str], members: frozenset[str]) -> bool:
    """Whether the words between a cue and a list describe who came from each country: no sentence
    punctuation nor number, no capitalised word but a role's ("Ministers"), and a country link last
    ("brought together the national meteorological and hydrological services of", "a rassemblé des
    météorologues, hydrologues et agronomes du", "attended by Ministers and senior officials from"); not
    "recibió a una delegación del Gobierno de": a body's name is another rule's."""
    if any(ch in between for ch in ".;:!?()") or any(ch.isdigit() for ch in between):
        return False
    words = between.replace("’", "’ ").split()
    if any(w[:1].isupper() and w.lower().strip(",") not in members for w in words):
        return False
    return bool(words) and words[-1].lower() in links


def _few_small_words(between: str) -> bool:
    """Whether the words between a cue and a list are at most three, in small letters, with no punctuation
    ("aux travaux l’", not "a una delegación del Gobierno de": a body's name is another rule's)."""
    words = between.replace("’", " ").replace("'", " ").split()
    return (
        len(words) <= _WORDS_BEFORE_LIST and not any(ch in between for ch in ".,;:") and all(w.islower() for w in words)
    )


_WORDS_BEFORE_LIST = 3
_HEAD_REACH = 80  # characters from a plural head to its list of countries (with a description: 140)
_LIST_REACH = 400  # characters around a cue where a list of countries beside it may stand
_CUE_AFTER_LIST = 12  # characters between a list's last country and the cue ("… and Sweden also took part")
_CUE_BEFORE_LIST = 40  # characters between the cue and the list ("took part in the meeting: ", "aux travaux ")
_DESCRIPTION_REACH = 140  # characters of a description of the members between the cue and the list
_WORDS_AFTER_CUE = 24  # words after a cue where the list's first country may open


def _collectives(
    text: str,
    norm: str,
    language: str,
    t: PeopleTables,
    taken: list[tuple[int, int]],
    add: Any,
    starts: list[int] | None = None,
) -> None:
    """A plural role head, then two or more countries in a list: one attendee per country.

    ``starts`` are the offsets of the plural heads in ``norm`` lower-cased, if already known.
    """
    # The plural heads are found with str.find (C speed) and checked with the
    # regex only where one occurs: a regex scan of the whole paragraph costs
    # more than the rest of this rule.
    country_re, lookup = country_matcher(language)
    if starts is None:
        low = norm.lower()
        starts = sorted({p for w in t.plural_words for p in _find_all(low, w)})
    pos = -1
    for at in starts:
        if at < pos:
            continue
        pm = t.plural.match(norm, at)
        if pm is None:
            continue
        pos = pm.end()
        # The first country within a short distance, then each next one
        # right after a joiner ("et", "and", ", de la"): anchored matches,
        # not a scan of the text that follows.
        first = country_re.search(norm, pos, pos + 140)
        if first is None:
            continue
        between = norm[pos : first.start()]
        if "." in between:
            continue
        if first.start() - pos > _HEAD_REACH and (any(ch in between for ch in ",;:()") or not between.islower()):
            # Further than a short reach, only a description in small letters ("representantes de las oficinas
            # nacionales de estadística y de los mecanismos … de Argentina, …") leads from the head to its list.
            continue
        nearer = bisect_left(starts, pos)
        if nearer < len(starts) and starts[nearer] < first.start():
            continue  # "parmi les délégués, aux côtés de représentants du Kenya": the nearer head is the list's
        group: list[tuple[int, int, str]] = [(first.start(), first.end(), lookup[first.group()])]
        pos = _past_body(norm, first.end(), language)
        gaps = (t.gap, _joiner_gap(language))
        while True:
            # The list's gap (joiner, articles), then a country right after it; without the articles too:
            # a country whose name opens with one ("…, El Salvador y Brasil").  The gap is matched alone
            # first, as a whole: no shorter gap is tried when no country follows the longest one.
            nxt = _next_listed(norm, pos, gaps, country_re, lookup, language)
            if nxt is None:
                break
            group.append(nxt)
            pos = _past_body(norm, nxt[1], language)
        if len(group) < 2:
            continue
        role_text = norm[pm.start() : group[0][0]]
        cue = next((c for c in t.participants if f" {c}" in role_text.lower()), None)
        if cue is not None:
            # "The following authorities took part in the operation: Austria, …": the role ends at the cue.
            role_text = role_text[: role_text.lower().index(f" {cue}")]
        # (The role ends at a comma: "observers from 14 countries, including Japan, …" are observers from 14
        # countries; "including" leads to the list, it is no part of the role.)
        role_text = _strip_articles(role_text.split(",")[0], t).strip(" ,:")
        plural = pm.group()
        singular = t.plurals.get(plural, t.plurals.get(plural.lower(), plural))
        if not singular:
            # A pronoun ("parmi lesquelles celles de l’Arménie, …"): the role of the plural head before it.
            head = _head_before(norm, pm.start(), starts, t)
            if head is None:
                continue
            singular, role_text = head, plural
        if plural[0].isupper() and not t.lower_roles:
            singular = singular[0].upper() + singular[1:]
        role = singular + text[pm.start() + len(plural) : pm.start() + len(role_text)]
        role = _PAREN.sub("", role).strip()
        organization = find_organization(role, language)
        for _, _, code in group:
            add(role, code, organization)
        taken.append((pm.start(), group[-1][1]))


def _head_before(norm: str, at: int, starts: list[int], t: PeopleTables) -> str | None:
    """The singular of the nearest plural head (not a pronoun) before ``at`` in its sentence, else ``None``."""
    for start in reversed(starts[: bisect_left(starts, at)]):
        if ". " in norm[start:at]:
            return None
        m = t.plural.match(norm, start)
        if m is not None:
            singular = t.plurals.get(m.group(), t.plurals.get(m.group().lower(), ""))
            if singular:
                return singular
    return None


# Capitalised words after a country or its adjective, and an acronym in brackets: "Lebanese Armed Forces (LAF)".
_BODY_AFTER = re.compile(r"(?:[ \u00a0]+[A-ZÀ-Þ][\w’'\-]*){1,4}(?:[ \u00a0]*\([A-Z]{2,8}\))?")


def _past_body(norm: str, pos: int, language: str) -> int:
    """``pos`` moved past the state body a country names ("officers of the Lebanese Armed Forces (LAF) and the
    Israel Defense Forces"): the list goes on after the body's name, each body standing for its country."""
    m = _BODY_AFTER.match(norm, pos)
    if m is None:
        return pos
    words = m.group().lower()
    return m.end() if any(re.search(rf"\b{re.escape(w)}\b", words) for w in _state_body_words(language)) else pos


@cache
def _state_body_words(language: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in pack(language).people.state_bodies)


@cache
def _joiner_gap(language: str) -> re.Pattern[str]:
    """The gap of a list without its articles: the joiner alone (", El Salvador y Brasil")."""
    joiners = "|".join(map(re.escape, people_tables(language).joiners))
    return re.compile(rf"[\s,]*(?:(?:{joiners})\s+)?", re.IGNORECASE)


def _strip_articles(text: str, t: PeopleTables) -> str:
    """``text`` without the articles at its end ("chefs d’état-major de la" → "chefs d’état-major")."""
    # Word by word in Python: an end-anchored regex would be tried at every position.
    while True:
        head, _, last = text.rstrip().rpartition(" ")
        if not last or last.lower() not in t.article_words:
            return text
        text = head


def _strip_joiner(text: str, t: PeopleTables) -> str:
    """``text`` without trailing punctuation and a trailing list joiner ("… et", "…, as well as")."""
    text = text.rstrip(" \t\n,;.:")
    low = text.lower()
    for joiner in t.joiners:
        if low.endswith(joiner) and (len(low) == len(joiner) or not low[-len(joiner) - 1].isalnum()):
            return text[: -len(joiner)].strip()
    return text.strip()


def _find_all(text: str, word: str) -> list[int]:
    out: list[int] = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _representatives(body: Analysis, language: str, add: Any) -> None:
    """Each representative of a country its sentence says spoke ("The representative of France urged …", "China's
    delegate called for …", "le représentant du Mali a déclaré"): an attendee known by role, of that country
    (pack keys ``people.representatives``, ``people.country_links``, ``quotes.verbs``)."""
    found = _representative_pattern(language)
    if found is None:
        return
    pattern, link, words = found
    # Where the nouns stand: one shared scan of the lower-cased text (most releases hold none).
    held = {body.paragraph_of(p) for at in body.find_each(words) for p in at}
    if not held:
        return
    country_re, lookup = country_matcher(language)
    verbs = speech_verbs(language)
    for i in sorted(held):
        norm = body.norms[i]
        for m in pattern.finditer(norm):
            code = None
            linked = link.match(norm, m.end())
            if linked is not None:
                after = country_re.match(norm, linked.end())  # "the representative of France"
                code = lookup[after.group()] if after is not None else None
            else:
                head = norm[max(0, m.start() - _POSSESSIVE_REACH) : m.start()]
                owner = _POSSESSIVE.search(head)
                if owner is not None:
                    # "China's delegate": a country ending right at the possessive.
                    code = next(
                        (lookup[c.group()] for c in country_re.finditer(head) if c.end() == owner.start()), None
                    )
            if code is None:
                continue
            stop = _SENTENCE.search(norm, m.end())
            clause = norm[m.end() : stop.start() if stop is not None else len(norm)][:_REPRESENTATIVE_REACH]
            if verbs.search(clause) is None:
                continue
            add(m.group(), code, None)


_REPRESENTATIVE_REACH = 80  # characters after the role where its verb of saying stands
_POSSESSIVE_REACH = 40  # characters before the role where its country and possessive stand
_POSSESSIVE = re.compile(r"[’']s?[ \u00a0]+$")


@cache
def _representative_pattern(language: str) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]] | None:
    """The pack's representatives' nouns (whole words, any case), a country link after one, and the nouns in
    small letters."""
    people = pack(language).people
    if not people.representatives:
        return None
    roles = alternation(normalize(w) for w in people.representatives)
    links = alternation(normalize(w) for w in people.country_links)
    return (
        re.compile(rf"(?<!\w)(?i:{roles})(?!\w)"),
        re.compile(rf"[ \u00a0]+(?:{links})[ \u00a0]+(?=[{upper_class()}])"),
        tuple(sorted({normalize(w).lower() for w in people.representatives})),
    )


def _role_only(
    text: str,
    norm: str,
    low: str,
    language: str,
    t: PeopleTables,
    taken: list[tuple[int, int]],
    add: Any,
    cues: list[tuple[str, list[int]]] | None = None,
) -> None:
    """In a sentence announcing participants, each article + role head is a person known by role.

    ``cues`` are the participant cues of the paragraph with their offsets in ``low``, in the
    pack's order, if already known.
    """
    for s_start, s_end in _sentences(norm):
        if cues is None:
            sentence = low[s_start:s_end]
            cue = next((sentence.find(c) for c in t.participants if c in sentence), -1)
        else:
            # The first cue of the pack's list that the sentence holds, at its first offset there:
            # what sentence.find() gives, from offsets found once for the whole text.
            cue = next((at - s_start for c, ats in cues for at in ats if s_start <= at <= s_end - len(c)), -1)
        if cue < 0:
            continue
        items = list(t.role_item.finditer(norm, s_start + cue, s_end))
        for k, m in enumerate(items):
            end = items[k + 1].start() if k + 1 < len(items) else s_end
            if any(a < end and m.start() < b for a, b in taken):
                continue
            chunk = text[m.start("role") : end]
            comma = _COMMA_OUTSIDE.search(chunk)
            if comma:
                chunk = chunk[: comma.start()]
            chunk = _strip_joiner(chunk, t)
            if not chunk or t.plural.match(normalize(chunk)):
                continue
            _, organization, country, _ = from_role(chunk, language)
            add(chunk, country, organization)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in matches_at(_SENTENCE, text, ".!?"):
        bounds.append((pos, m.start(1)))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds
