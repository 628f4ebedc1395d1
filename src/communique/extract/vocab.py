"""The people rules' vocabulary for one language, compiled once from its pack and the organisation data.

Every rank, title, courtesy word, organisation and country form becomes a key
of one phrase table (lower-case phrase → kind and value), indexed so that the
rules reading backwards from a name only build keys that can exist.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from attrs import frozen

from ..locale import languages, organizations, pack
from ._data import _trie_regex, fold, normalize, phrase_pattern, upper_class
from .countries import _matcher as country_matcher

__all__ = [
    "MAX_WORDS",
    "POSSESSIVE",
    "STOPS",
    "WORD",
    "PeopleTables",
    "abbreviations",
    "acronym",
    "bare",
    "byline_words",
    "ends_abbreviation",
    "header_phrases",
    "last_stop",
    "low",
    "people_tables",
    "person_titles",
    "section_labels",
    "speech_verbs",
    "stamp_labels",
]

# What ends the noun phrase of a name when reading backwards from it.
STOPS = '.;:!?«»“”"()–—,•'
_STOP = re.compile("[" + re.escape(STOPS) + "]")
# Words of a pre-context: an elided article ("l’", "d’") is a word of its own.
WORD = re.compile(r"[^\W\d_]’(?=\w)|[\w’'.\-]+")
POSSESSIVE = ("’s", "'s")
MAX_WORDS = 6


@frozen
class PeopleTables:
    run: re.Pattern[str]
    phrases: dict[str, tuple[str, str]]  # lower-case phrase → (kind, value)
    lengths: dict[str, tuple[int, ...]]  # first word of a phrase → its possible word counts, longest first
    tails: frozenset[str]  # every ending of a phrase that starts a word (after a space or an apostrophe)
    vocab: frozenset[str]  # every word of a rank, title, courtesy word, organisation, country
    trigger_last: frozenset[str]  # last words of ranks, titles and courtesy words
    trigger_ends: frozenset[str]  # the last letter of each of them (a word ending otherwise is none)
    dotted: frozenset[str]  # abbreviations that keep their dot inside a name run
    not_names: frozenset[str]
    particles: frozenset[str]
    role_articles: frozenset[str]
    role_modifiers: frozenset[str]  # "former", "ancien": before a head, they keep it a role
    stop_words: frozenset[str]  # the language's stop words, in small letters ("the", "and", "was")
    heads: re.Pattern[str]  # role heads and titles, for role phrases
    clause: re.Pattern[str]
    role_item: re.Pattern[str]
    plural: re.Pattern[str]
    plural_words: tuple[str, ...]
    plurals: dict[str, str]
    participants: tuple[str, ...]
    gap: re.Pattern[str]
    article_words: frozenset[str]
    joiners: tuple[str, ...]
    of: str  # regex: a preposition attaching an organisation to a role ("de l’OTAN", "of the EU")
    of_country: re.Pattern[str]  # a preposition between a name and its country ("X of Greece")
    body_after: re.Pattern[
        str
    ]  # a body after a comma, a bracket or a country link (", Belgian Navy", "de la Marine belge")
    country_link_end: re.Pattern[str]  # a text ending with a country link ("embajador de ")
    located: re.Pattern[
        str
    ]  # a role's place at its end (" en España", " in Mozambique", " en la Argentina"), group "place"
    next_name: re.Pattern[str]  # ", Luis Berrocal Díaz," after a role: the next person of a list
    org_tail: re.Pattern[
        str
    ]  # a role link and a proper name at a role's end (" de Navantia", " of Harbor Point Logistics")
    org_tail_after: re.Pattern[
        str
    ]  # a role link and a proper name right after a name (" of the Public Prosecutor’s Office")
    not_name_words: frozenset[str]  # ``not_names`` in small letters
    head_words: frozenset[str]  # one-word role heads, in small letters ("deputy", "chief")
    counterparts: frozenset[str]  # words for an opposite number, in small letters ("homologue")
    clause_words: frozenset[str]  # ``clause_verbs`` in small letters
    joiner_words: frozenset[str]  # words of the list joiners, in small letters
    link_words: frozenset[str]  # words of role links, country links, articles and list joiners, in small letters
    bridge: frozenset[str]  # words that may stand between a role's head and a name (links, complements, adjectives)
    location_words: frozenset[str]  # the one-word location links, in small letters ("at", "en")
    territorial: frozenset[str]  # heads of an office over a territory, in small letters ("maire", "alcaldesa")
    epithets: frozenset[str]  # nouns for any office holder, in small letters ("titular", "mandatario")
    relatives: frozenset[str]  # relative pronouns, in small letters ("who", "qui", "quien")
    lower_roles: bool  # the pack records roles and ranks in small letters
    capital: str  # regex class body: any capital letter
    language: str  # the code of the pack these tables were built from


def _linked(words: Any) -> str:
    """An alternation of prepositions, each followed by a space unless it ends in an apostrophe ("de l’")."""
    forms = [
        re.escape(normalize(w)).replace(r"\ ", r"[ \u00a0]") + ("" if w.endswith(("’", "'")) else r"[ \u00a0]")
        for w in sorted(set(words), key=len, reverse=True)
    ]
    return "(?:" + "|".join(forms) + ")" if forms else "(?!x)x"


def _last_letters(words: set[str]) -> frozenset[str]:
    """The last character of each of ``words`` (lower-case), with both Greek small sigmas if either.

    Read against the last character of a lower-cased word: ``str.lower`` writes a final "Σ" as "ς"
    or "σ" depending on the letters before it.
    """
    ends = {w[-1] for w in words if w}
    if ends & {"σ", "ς"}:
        ends |= {"σ", "ς"}
    return frozenset(ends)


def low(word: str) -> str:
    return normalize(word).lower()


@cache
def person_titles(language: str) -> tuple[str, ...]:
    """Titles that stand before a name: the pack's, then its organisations' ("Supreme Allied Commander Europe").

    Office holders' titles are organisation data; they read like the language's own titles.
    """
    lp = pack(language)
    return (*lp.people.titles, *(t for org in organizations() for t in org.titles.get(lp.code, ())))


@cache
def people_tables(language: str) -> PeopleTables:
    lp = pack(language)
    people = lp.people
    upper = upper_class()
    glued = [p for p in people.particles if p.endswith("-")]
    spaced = [p for p in people.particles if not p.endswith("-")]
    glue = "(?:" + "|".join(map(re.escape, glued)) + ")?" if glued else ""
    lower = upper_class(lower=True)
    # A run of capitalised words.  The first one is a word with a small
    # letter ("Shepro", "O’Brien") or an initial ("J."): acronyms ("OTAN",
    # "DCMC") never start a name, and each match costs Python time.  The
    # look-behind comes after the first letter, so that the scan skips from
    # capital to capital in C; it refuses "l’OTAN" and the tail of "Jean-Pierre".
    # A dotted abbreviation is one word ("H.E.", "S.E.M.", "U.S."), not initials split by the run.
    token = rf"[{upper}](?<![\w’'\-].)(?:[{lower}’][\w’'\-]*\.?|\.(?:[{upper}]\.)*)"
    # (After the first word, initials written together are one word too: "P.J. Kielty".)
    inner = rf"{glue}[{upper}](?:\.(?:[{upper}]\.)+|[\w’'\-]*\.?)"
    particles = "|".join(map(re.escape, spaced))
    # Matched on normalised text, where no-break spaces are plain spaces.
    run = re.compile(rf"{token}(?: +(?:(?:{particles}) +)*{inner})*")

    phrases: dict[str, tuple[str, str]] = {}

    def put(kind: str, forms: Any, value: str | None = None) -> None:
        for form in forms:
            key = low(form)
            if key:
                phrases.setdefault(key, (kind, value if value is not None else form))

    # Titles of an organisation's office holders ("Supreme Allied Commander Europe") are organisation
    # data; they stand before a name like the language's own titles.
    titles = person_titles(language)
    put("honorific", people.honorifics)
    put("rank", people.ranks)
    put("title", titles)
    for org in organizations():
        put("org", org.forms_in(language), org.display_in(language))
    for form, code in country_matcher(language)[1].items():
        put("country", [form], code)
    put("article", people.articles)
    put("region", lp.countries.regions)
    # No capitalised word of an organisation's name or of its titles is a person's name ("Allied",
    # "Transformation", "NATO"): publisher vocabulary, derived rather than listed per language.
    not_names = set(people.not_names)
    for org in organizations():
        for form in (*org.forms_in(language), *org.titles.get(lp.code, ())):
            not_names.update(w for w in normalize(form).split() if w[:1].isupper())
    vocab = {w for key in phrases for w in key.split()}
    vocab |= {low(w) for w in not_names}
    trigger_last = {key.split()[-1] for key, (kind, _) in phrases.items() if kind in ("honorific", "rank", "title")}
    # A plural pronoun ("celles", "those") is matched like a plural head; its role is the head's before it.
    plurals: dict[str, str] = {**{w: "" for w in people.plural_pronouns}, **people.plurals}
    link_words = {
        w
        for phrase in (*people.role_links, *people.country_links, *people.articles, *people.list_joiners)
        for w in low(phrase).replace("’", "’ ").split()
    }
    articles = "|".join(sorted(map(re.escape, people.articles), key=len, reverse=True))
    gap_articles = "|".join(
        re.escape(a) + ("" if a.endswith(("’", "'")) else r"(?=\s)")
        for a in sorted(people.articles, key=len, reverse=True)
    )
    heads = phrase_pattern(people.role_heads)
    # Articles as a trie that starts with literals: the scan skips in C to
    # the next "l", "d", "t"... instead of trying a look-behind everywhere.
    article_trie = _trie_regex(map(normalize, people.articles), after_first=r"(?<![\w’].)")
    # Indexes of ``phrases`` so that the lookups that read a name's
    # neighbourhood only build the keys that can exist.
    by_first: dict[str, set[int]] = {}
    tails: set[str] = set()
    for key in phrases:
        parts = key.split(" ")
        if len(parts) <= MAX_WORDS:
            by_first.setdefault(parts[0], set()).add(len(parts))
        tails.update(key[p:] for p in range(len(key) + 1) if p == 0 or key[p - 1] in " ’")
    return PeopleTables(
        run=run,
        phrases=phrases,
        lengths={first: tuple(sorted(ns, reverse=True)) for first, ns in by_first.items()},
        tails=frozenset(tails),
        vocab=frozenset(vocab),
        trigger_last=frozenset(trigger_last),
        trigger_ends=_last_letters(trigger_last),
        dotted=frozenset(w for w in vocab if w.endswith(".")),
        not_names=frozenset(not_names),
        particles=frozenset(people.particles),
        role_articles=frozenset(low(a) for a in people.role_articles),
        role_modifiers=frozenset(low(a) for a in people.role_modifiers),
        stop_words=frozenset(low(w) for w in lp.language.stopwords),
        # (An office over a territory heads a role too: "el prefecto del Carchi, X".)
        heads=re.compile(phrase_pattern([*people.role_heads, *titles, *people.territorial_heads])),
        clause=re.compile(r"[ \u00a0](?:" + "|".join(map(re.escape, people.clause_verbs)) + r")[ \u00a0]"),
        role_item=re.compile(rf"(?:{article_trie})[ \u00a0]?(?P<role>{heads})"),
        plural=re.compile(phrase_pattern(plurals)),
        plural_words=tuple(sorted({p.lower() for p in plurals})),
        plurals=plurals,
        participants=tuple(low(c) for c in people.participants),
        gap=re.compile(
            # (An article is a word of its own, or elided: "au" is not the start of "Autriche" in ", d’Autriche".)
            r"[\s,]*(?:(?:"
            + "|".join(map(re.escape, people.list_joiners))
            + r")\s+)?(?:(?:"
            + gap_articles
            + r")\s*)*",
            re.IGNORECASE,
        ),
        article_words=frozenset(low(a) for a in people.articles),
        joiners=tuple(sorted((low(j) for j in people.list_joiners), key=len, reverse=True)),
        of=_linked(people.role_links),
        of_country=re.compile(r"[ \u00a0]+" + _linked(people.country_links) + r"[ \u00a0]*"),
        body_after=re.compile(
            r"(?:[,(][ \u00a0]*|[ \u00a0]+"
            + _linked(people.country_links)
            + r"[ \u00a0]*)"
            + rf"(?:(?:{articles})[ \u00a0]+)?(?P<org>[{upper}][\w’'&.\-]*(?:[ \u00a0]+[{upper}][\w’'&.\-]*)*)"
            + r"(?:[ \u00a0]+(?P<adj>[^\W\d_]+))?"
        ),
        next_name=re.compile(
            rf",[ \u00a0]+{token}(?:[ \u00a0]+(?:(?:{particles})[ \u00a0]+)*{inner})+[ \u00a0]*(?:[,;:.)]|$)"
        ),
        org_tail=re.compile(
            r"[ \u00a0]"
            + _linked(people.role_links)
            + rf"(?P<org>[{upper}0-9][\w’'&\-]*(?:[ \u00a0]+(?:(?:{particles})[ \u00a0]+|{_linked(people.role_links)})?"
            + rf"[{upper}0-9][\w’'&\-]*)*)$"
        ),
        org_tail_after=re.compile(
            r"[ \u00a0]+"
            + _linked(people.role_links)
            + rf"(?:(?:{articles})[ \u00a0]+)?(?P<org>[{upper}0-9][\w’'&.\-]*(?:[ \u00a0]+(?:(?:{particles})[ \u00a0]+|{_linked(people.role_links)})?"
            + rf"[{upper}0-9][\w’'&.\-]*)*)"
        ),
        not_name_words=frozenset(low(w) for w in not_names),
        link_words=frozenset(link_words),
        head_words=frozenset(low(h) for h in (*people.role_heads, *people.territorial_heads) if " " not in h),
        counterparts=frozenset(low(w) for w in people.counterparts),
        clause_words=frozenset(low(w) for w in people.clause_verbs),
        joiner_words=frozenset(w for j in people.list_joiners for w in low(j).split()),
        bridge=frozenset(
            link_words
            | {low(w) for w in not_names}
            | {k for k, (kind, _) in phrases.items() if kind in ("org", "country") and " " not in k}
        ),
        country_link_end=re.compile(r"(?:^|(?<=[ \u00a0]))" + _linked(people.country_links) + r"$", re.IGNORECASE),
        located=re.compile(
            r"[ \u00a0]+"
            + _linked(people.location_links)
            # An article may stand between the link and the place ("en la Argentina", "à l’UNESCO").
            + _linked(people.role_articles)
            + "?"
            + rf"(?P<place>[{upper}][\w’'\-.]*(?:[ \u00a0]+(?:(?:{particles})[ \u00a0]+|{_linked(people.role_links)})*[{upper}][\w’'\-.]*)*)$"
        ),
        location_words=frozenset(low(w) for w in people.location_links if " " not in w),
        territorial=frozenset(low(h) for h in people.territorial_heads),
        epithets=frozenset(low(h) for h in people.epithets),
        relatives=frozenset(low(h) for h in people.relatives),
        lower_roles=people.role_case == "lower",
        capital=upper,
        language=language,
    )


def last_stop(text: str) -> int:
    """The offset of the last of :data:`STOPS` in ``text``, or -1 (``max(map(text.rfind, STOPS))``).

    One C scan of the reversed text, rather than one ``rfind`` per mark.
    """
    m = _STOP.search(text[::-1])
    return -1 if m is None else len(text) - 1 - m.start()


def acronym(word: str, t: PeopleTables) -> str | None:
    """``word`` (normalised) without a possessive when it is an acronym that names no country: "EIB", "NRC’s" → "NRC".

    An acronym standing before a title, or owning it, is the office holder's organisation ("EIB
    Vice-President", "NRC’s Country Director"), whether or not the organisation table knows it.
    """
    for suffix in POSSESSIVE:
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) < 2 or not word.isupper() or not word.isalpha():
        return None
    hit = t.phrases.get(word.lower())
    if (hit is not None and hit[0] != "org") or word in t.not_names:
        return None
    return word


@cache
def abbreviations(language: str) -> frozenset[str]:
    """The pack's abbreviations and courtesy words, without their dots ("Gen", "Mme", "Hon")."""
    lp = pack(language)
    return frozenset(lp.quotes.abbreviations) | {h.rstrip(".") for h in lp.people.honorifics}


def ends_abbreviation(text: str, dot: int, language: str) -> bool:
    """Whether the dot at ``text[dot]`` ends an abbreviation, a courtesy word or an initial ("Dr.", "F."):
    no sentence ends there."""
    before = text[max(0, dot - 12) : dot]
    word = before[before.rfind(" ") + 1 :]
    return word in abbreviations(language) or (len(word) == 1 and word.isupper())


def bare(word: str) -> str:
    """Lower-case ``word`` (already normalised) without a possessive ("NATO’s") or an elided article ("L’amiral")."""
    low = word.lower()
    if low.endswith(POSSESSIVE):  # one C call for the common case: no possessive
        for suffix in POSSESSIVE:
            if low.endswith(suffix):
                low = low[: -len(suffix)]
    if len(low) > 2 and low[1] == "’":
        low = low[2:]
    return low


@cache
def speech_verbs(language: str) -> re.Pattern[str]:
    """The pack's verbs of saying (``quotes.verbs``) as whole words: one pattern, shared by the rules."""
    return re.compile(phrase_pattern(pack(language).quotes.verbs))


@cache
def header_phrases() -> frozenset[str]:
    """Every pack's furniture phrases and section labels, folded (:func:`~._data.fold`): never a title or a place."""
    return frozenset(
        fold(p) for code in languages() for p in (*pack(code).header.furniture, *pack(code).header.reference)
    )


@cache
def section_labels() -> frozenset[str]:
    """Every pack's kinds of document alone on a line ("Press release", "Communiqué de presse"), folded."""
    return frozenset(fold(p) for code in languages() for p in pack(code).header.reference)


@cache
def stamp_labels() -> frozenset[str]:
    """Every pack's publication and update stamp labels ("Published", "Mis à jour le"), folded."""
    return frozenset(fold(w) for code in languages() for w in (*pack(code).dates.published, *pack(code).dates.updated))


@cache
def byline_words() -> frozenset[str]:
    """The words that open a byline or a "by …" subtitle ("by", "par", "por": the packs' subtitle openers), casefolded."""
    return frozenset(w.casefold() for code in languages() for w in pack(code).header.subtitle_openers)
