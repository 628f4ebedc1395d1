"""The country of a delegation's members, from the sentence that names the delegation and then its members.

"La délégation sénégalaise comprenait notamment : M. X, directeur … ; Mme Y, …", "The Barbados delegation
was led by the Speaker of the House of Assembly, Hon. X", "La delegación de la República de Honduras estuvo
presidida por la secretaria …, X, e integrada por: …": a delegation noun (pack ``people.delegations``) with
its country, then words that introduce its members (``people.delegation_members``: "was led by",
"comprenait", "integrada por"), then the person, in one sentence.  The country is a nationality adjective
between the noun and those words ("délégation sénégalaise", "una delegación de empresarios
costarricenses"), a country right after a noun phrase that ends with its link ("delegation of Ghana",
"delegación de la República de Honduras"), or a country or adjective right before the noun ("The Barbados
delegation", "the Estonian delegation").

Only the members' words vouch for the people after them: "The delegation of Ghana was received by the
Minister, X" names the host, who is no member.  In a list of delegations the verb may be left out after the
first: "…, la délégation néerlandaise par la secrétaire d'État X" (the adjective, then the last word of a
``people.represented_by`` phrase).
"""

from __future__ import annotations

import re
from functools import cache

from ..locale import pack
from ._data import normalize, phrase_pattern
from .countries import adjectives, country_at_start, find_countries
from .names import represented_by_words

__all__ = ["delegation_country"]

_REACH = 420  # characters before a person's phrase: a list of members with their long portfolios
_BEFORE = 3  # words before the noun that may hold its country ("the Barbados delegation")
# A sentence's end: a full stop after a word of four letters or more, or after a digit, then a capital.
# (Courtesy words and initials, "M.", "Mme.", "Dr.", "S.E.", end with a full stop inside a sentence.)
_SENTENCE_END = re.compile(r"(?:[^\W\d_]{4,}|\d|[)»”\"])[.!?][ \u00a0]+(?=[^\W\d_])")


@cache
def _tables(language: str) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]] | None:
    """The pattern of the delegation nouns and that of the members' words (both in small letters), and the
    nouns' first letters (a substring test before the pattern)."""
    people = pack(language).people
    nouns = [normalize(w).lower() for w in people.delegations]
    members = [normalize(w).lower() for w in people.delegation_members]
    if not nouns or not members:
        return None
    # (Without their first letter, which a sentence may capitalise: "elega", "éléga", "omiti".)
    needles = tuple(sorted({n.split()[0][1:_NEEDLE] for n in nouns}))
    return re.compile(phrase_pattern(nouns)), re.compile(phrase_pattern(members)), needles


_NEEDLE = 6  # first letters of a delegation noun, the first one left out ("elega", "éléga", "omiti")


def delegation_country(norm: str, start: int, language: str) -> str | None:
    """The country of the delegation whose members' list holds the person whose phrase starts at ``start``
    of paragraph ``norm`` (normalised), or ``None``."""
    tables = _tables(language)
    if tables is None:
        return None
    noun_re, members_re, needles = tables
    lo = max(0, start - _REACH)
    window = norm[lo:start]
    if not any(n in window for n in needles):
        return None  # the common case: no delegation named before the person
    low = window.lower()
    if len(low) != len(window):
        return None  # a letter whose small form is longer: offsets would not be shared
    noun = None
    for m in noun_re.finditer(low):
        noun = m
    if noun is None:
        return None
    after = low[noun.end() :]
    if _SENTENCE_END.search(window, noun.end()):
        return None  # the delegation is another sentence's
    members = members_re.search(after)
    table = adjectives(language)
    if members is None:
        # The verb left out in a list of delegations: "…, la délégation néerlandaise par la secrétaire d'État X":
        # the adjective, then the last word of a "represented by" phrase.
        words = after.split(None, 2)
        if len(words) >= 2 and words[0].strip(",") in table and words[1] in represented_by_words(language):
            return table[words[0].strip(",")]
        return None  # no words introduce its members: the person may be the host ("received by")
    # A nationality adjective between the noun and the members' words.
    between = window[noun.end() : noun.end() + members.start()]
    for word in re.findall(r"[^\W\d_][\w’'\-]*", between):
        code = table.get(word.lower())
        if code:
            return code
    # A country right after a noun phrase that ends with its link ("delegation of Ghana"): in the pack, a
    # phrase of several words is a noun and its link.
    if " " in noun.group().strip():
        code = country_at_start(window[noun.end() :].lstrip(" \u00a0"), language)
        if code:
            return code
    # One country named anywhere between the noun and the members' words: "una delegación de la Oficina
    # Regional de Valorización Agrícola del Souss-Massa (Marruecos), encabezada por su director, X", "a
    # delegation of farmer leaders from the Ankole Dairy Farmers' Union in western Uganda, led by …".
    named = {code for _, _, code in find_countries(between, language)}
    if len(named) == 1:
        return named.pop()
    # A country or an adjective right before the noun ("The Barbados delegation").
    head = window[: noun.start()].rstrip(" \u00a0")
    words = head.split()[-_BEFORE:]
    if words:
        near = " ".join(words)
        found = find_countries(near, language)
        if found and found[-1][1] == len(normalize(near)):
            return found[-1][2]
    return None
