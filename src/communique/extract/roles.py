"""Role phrases: a person's function, organisation, country and acronym from the words around a name.

"président délégué du Comité militaire (DCMC) de l’OTAN" → role "président
délégué du Comité militaire", organisation "OTAN", alias "DCMC"; "the Estonian
Chief of Defence" → role "Chief of Defence", country EE.  The prepositions that
join a role to its organisation are the pack's ``people.role_links``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ..locale import organizations, pack
from ..locale.tables import capitals
from ._data import normalize
from .countries import adjectives, ambiguous_country, country_code, country_names, find_countries
from .organizations import _matcher as _org_matcher
from .organizations import organization_name
from .vocab import POSSESSIVE, WORD, PeopleTables, acronym, bare, last_stop, low, people_tables

__all__ = ["apposition", "from_role", "holds_national_office", "role_before", "role_parts", "territorial"]

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&\-]{1,9})\s*\)")
_PAREN = re.compile(r"\s*\([^()]*\)")
_COMMA = re.compile(r",[ \u00a0]*")
# An apposition runs to the next comma, colon, quotation mark, full stop or list bullet,
# except inside parentheses ("(DCMC)") and after an initial ("Tod D. Wolters").
# (A run of plain characters is taken at once: the same end, without a loop turn per character.)
_APPOSITION = re.compile(r"(?:[^,;:«»“”\"().•]+|\([^()]*\)|(?<=(?<!\w)[A-Z])\.|[()])*")
# A first word and its possessive, then a space: the owner of a role ("NRC’s ", "Gavi’s ", "ECOWAS ").
_OWNER = re.compile(r"([^\W\d_][\w\-&]*)(’s)?[ \u00a0]+")
# ("(DSACEUR)", and a short name in brackets as bodies write theirs: "(Servel)", "(Frontex)".)
# (A place may follow it: "… (JICA) en Paraguay, X", "… (AFD) à Dakar, X": a short link, a capitalised name.)
_TRAILING_ACRONYM = re.compile(
    r"[ \u00a0]*\([ \u00a0]*[A-Z](?:[A-Z0-9&.\-]{1,14}|[a-z]{2,9})[ \u00a0]*\)"
    r"(?:[ \u00a0]+[^\W\d_A-Z]{1,3}[ \u00a0]+[^\W\d_a-z][\w’'\-]*(?:[ \u00a0]+[^\W\d_a-z][\w’'\-]*){0,2})?[ \u00a0]*$"
)


def role_before(text: str, end: int, t: PeopleTables, language: str) -> dict[str, Any] | None:
    """A role phrase that ends at the comma at ``end`` ("le président finlandais, M. X")."""
    start = max(0, end - 160)
    chunk = text[start:end]
    # An acronym defined right before the comma ("… Commander Europe (DSACEUR), General X")
    # belongs to the role: its brackets are not the start of the phrase.
    defined = _TRAILING_ACRONYM.search(chunk)
    scope = chunk[: defined.start()] if defined else chunk
    cut = last_stop(scope)
    if cut >= 0:
        chunk, start = chunk[cut + 1 :], start + cut + 1
        code = country_code(chunk.strip(), language) if text[start - 1] == "," else None
        if code is not None:
            # "el gobernador del departamento de San Marcos, Guatemala, X": the place's country between
            # commas; the role is before it, and the country is the person's.
            found = role_before(text, start - 1, t, language)
            if found is not None:
                found["country"] = found.get("country") or code
            return found
    # The head nearest the comma first: an earlier one would swallow whatever
    # lies between ("Secretary General X welcomed the Prime Minister of Y, Mr Z").
    # Not a head inside the defined acronym ("(JEMAD)").
    limit = len(chunk) - (len(text[max(0, end - 160) : end]) - defined.start()) if defined else len(chunk)
    heads = [h for h in t.heads.finditer(chunk) if h.start() < limit]
    if not heads and start + len(chunk) == end:
        # "la ministra de Transportes, Movilidad y Agenda Urbana, X": the last items of a portfolio
        # list, after a comma; the head is before it.
        listed = _listed_role(text, start, end, t)
        if listed is not None:
            start, chunk = listed, text[listed:end]
            heads = list(t.heads.finditer(chunk))
    for head in reversed(heads):
        if _verb_after(chunk, head.end(), t):
            return None  # "La procureure générale a rendu hommage à son prédécesseur, X": a clause, no role
        found = _role_at(chunk, head.start(), t, language)
        if found is None:
            continue
        found["start"] += start
        return found
    return None


def _is_verb(word: str, t: PeopleTables) -> bool:
    """Whether a word in small letters is a clause's verb of the pack ("said", "a", "est"), not one of the
    joiners and links its clause words also hold ("and", "at", "dans")."""
    return (
        word in t.clause_words
        and word not in t.joiner_words
        and word not in t.location_words
        and word not in t.link_words
    )


def _verb_after(chunk: str, pos: int, t: PeopleTables) -> bool:
    """Whether a clause's verb ("a", "has", "est") stands between a role's head and the comma ending ``chunk``.

    The pack's clause words also hold joiners and links ("and", "at", "dans"), which a role may hold.
    """
    for word in chunk[pos:].split():
        if not word[0].islower():
            continue  # a name's word ("Grand Est"), whatever it means in small letters
        if _is_verb(low(word), t) or low(word) in _participant_verbs(t.language):
            return True  # (a participants' verb too: "El ministro recibió a sus homólogos …, X")
    return False


@cache
def _participant_verbs(language: str) -> frozenset[str]:
    """The one-word participant cues of the pack in small letters ("recibió", "welcomed", "accueille")."""
    return frozenset(c for c in people_tables(language).participants if " " not in c)


_LIST_ITEMS = 6  # portfolio items read back before the one that holds the role's head
_LIST_TAIL_WORDS = 12  # words of a list's last items: "de l'Hygiène publique et de l'Accès universel aux soins"


def _listed_role(text: str, start: int, end: int, t: PeopleTables) -> int | None:
    """Where the role phrase begins when ``text[start:end]`` is the tail of a list of capitalised portfolio words.

    "… de Asuntos Exteriores, Unión Europea y Cooperación": the segment before the last comma holds
    the head, and every word of the tail is a capitalised word or a link.
    """
    words = text[start:end].split()
    if not words or len(words) > _LIST_TAIL_WORDS or not (words[0][:1].isupper() or low(words[0]) in t.link_words):
        return None
    if not any(low(w) in t.joiner_words for w in words):
        return None  # a list ends with a joiner ("y", "et", "and")
    if any(low(w) in t.clause_words and low(w) not in t.joiner_words for w in words):
        return None  # a clause is no list
    before = text[max(0, start - 160) : start]
    base = start - len(before)  # the offset of before[0] in text (before only ever loses its end)
    if not before.endswith(","):
        return None
    # Back over the list's earlier items ("de Agricultura, Pesca, Agua y Desarrollo Rural"): each one
    # or two capitalised words, until the segment that holds the head.
    for _ in range(_LIST_ITEMS):
        cut = last_stop(before[:-1])
        seg = before[cut + 1 : -1]
        if t.heads.search(seg):
            return base + cut + 1
        # An item: its link words ("de la", "du"), then one to three words, the first capitalised
        # ("Pesca", "de la Pêche maritime", "du Développement rural").
        item = seg.split()
        while item and low(item[0]) in t.link_words:
            item = item[1:]
        if cut < 0 or not item or len(item) > 3 or not item[0][:1].isupper():
            return None
        before = before[: cut + 1]
        if not before.endswith(","):
            return None
    return None


def _role_at(chunk: str, at: int, t: PeopleTables, language: str) -> dict[str, Any] | None:
    """The role phrase of ``chunk`` whose head starts at ``at``, if only an article or modifiers precede it.

    Modifiers are capitalised words ("the United Nations Emergency Relief Coordinator", "Finland’s
    National Armaments Director"); an organisation or a country at their head, possessive or not,
    is the role's organisation or country rather than part of it.
    """
    lead = [(bare(w.group()), w.start(), w.group()) for w in WORD.finditer(chunk, 0, at)]
    k = len(lead)
    rank_at = _rank_before(lead, k, t)
    rank = None
    if rank_at is not None:
        # "El teniente coronel jefe de la Comandancia de Huesca, X": a rank before the role's head is the
        # person's rank, the role is what follows it.
        rank = " ".join(w[2] for w in lead[rank_at:k])
        k = rank_at
    while k > 0 and lead[k - 1][0] not in t.role_articles:
        raw = lead[k - 1][2]
        if lead[k - 1][0] in t.role_modifiers:
            k -= 1  # "le premier président", "the former Vice-President": still the role's own words
            continue
        if not (raw[0].isupper() or raw[0].isdigit()):
            hit = t.phrases.get(lead[k - 1][0])
            if (hit is not None and hit[0] in ("rank", "title")) or lead[k - 1][0] in t.head_words:
                k -= 1  # "el comisionado adjunto de …": an office's word before the head, one title
                continue
            if (
                (hit is None or hit[0] != "country")
                and k >= 2
                and t.phrases.get(lead[k - 2][0], ("",))[0] == "country"
                and (k == 2 or lead[k - 3][0] in t.role_articles)
            ):
                k -= 1  # "The Hungarian detachment commander": a unit noun after a nationality adjective
                continue
            if hit is None or hit[0] != "country":
                break  # only capitalised modifiers, or a nationality adjective ("la ministra española")
        k -= 1
    # "The regulator’s Director of Enforcement, X", "the agency’s chief executive, X": a common noun's
    # possessive after the article says whose office it is; the role is what follows it.
    owned = (
        k >= 2
        and not lead[k - 1][2][:1].isupper()
        and lead[k - 1][2].endswith(POSSESSIVE)
        and lead[k - 2][0] in t.role_articles
    )
    if owned:
        begin = lead[k - 1][1] + len(lead[k - 1][2])
        written = chunk[begin:].strip()
        if not written:
            return None
        role, organization, country, aliases = from_role(written, language)
        return {"role": role, "org": organization, "country": country, "aliases": aliases, "start": lead[k - 2][1]}
    # An article opens the phrase, or a possessive owner does ("a meeting with Ghana’s Minister …").
    # A nationality adjective opens a phrase as an article would ("attended by Lithuanian Vice Minister …, X").
    national = k < len(lead) and lead[k][2][:1].isupper() and t.phrases.get(lead[k][0], ("",))[0] == "country"
    opened = national and k > 0 and lead[k - 1][0] not in t.role_articles
    k_open = k if opened else -1
    if (
        k > 0
        and k_open < 0
        and lead[k - 1][0] not in t.role_articles
        and not _is_verb(lead[k - 1][0], t)  # "…,” said UNICEF Representative in Bangladesh, X."
        and not any(w[2].endswith(POSSESSIVE) for w in lead[k:])  # "with Viet Nam’s Minister …": an owner of words
    ):
        return None
    if k > 1 and lead[k - 2][0] in t.location_words:
        return None  # "at the Coast General Teaching Hospital, X": the object of a location link is a place
    begin = lead[k][1] if k < len(lead) else at
    ranked = None
    if rank is not None and k == rank_at:
        # The role starts at its head, after the rank; with the rank, it is the title a person who has a
        # rank of their own holds ("el general director de Carabineros, general X").
        ranked = from_role(_owner(chunk[begin:].strip(), t, language)[2], language)[0]
        begin = at
    written = chunk[begin:].strip()
    owner_org, owner_country, written = _owner(written, t, language)
    role, organization, role_country, aliases = from_role(written, language)
    return {
        "role": role,
        "rank": rank,
        "ranked_role": ranked,
        "org": owner_org or organization,
        "country": owner_country or role_country,
        "aliases": aliases,
        "start": lead[k - 1][1] if k > 0 and k_open < 0 else lead[k][1] if k < len(lead) else begin,
    }


def _rank_before(lead: list[tuple[str, int, str]], k: int, t: PeopleTables) -> int | None:
    """Where a rank in small letters ends the words before a role's head ("el teniente coronel | jefe"),
    right after an article; the longest rank phrase of the pack, else None.  A rank of one word counts only
    when the pack also makes it a role's head ("coronel", "colonel", "general"): a military rank, not a
    civil title the pack lists as a police rank too ("comisionado")."""
    for n in (3, 2, 1):
        if k - n < 1 or lead[k - n - 1][0] not in t.role_articles:
            continue
        words = lead[k - n : k]
        if not all(w[2][:1].islower() for w in words):
            continue  # a capitalised rank opens a name's phrase of its own ("General X")
        if n == 1 and words[0][0] not in t.head_words:
            continue  # a rank that is a civil title too ("la comisionada presidenta"): one title, no rank
        if t.phrases.get(" ".join(w[0] for w in words), ("",))[0] == "rank":
            return k - n
    return None


def _owner(written: str, t: PeopleTables, language: str) -> tuple[str | None, str | None, str]:
    """Organisations and countries at the head of a role phrase, and the phrase without them.

    "NATO’s Assistant Secretary General" → ("NATO", None, "Assistant Secretary General");
    "Ghana’s Minister for Foreign Affairs" → (None, "GH", "Minister for Foreign Affairs");
    "Amnesty International’s Deputy Europe Director" → ("Amnesty International", None, …).
    """
    org = country = None
    while True:
        norm = normalize(written)
        m = _org_start(language).match(norm)
        code = None
        if m is None:
            m = country_matcher_start(language).match(norm)
            if m is not None:
                code = country_code(m.group(), language)
        if m is None:
            # An owner the organisation table does not know: an acronym ("ECOWAS Commissioner for …",
            # "NRC’s Country Director") or a capitalised possessive ("Gavi’s Chief Executive Officer").
            m = _OWNER.match(norm)
            owned = ambiguous_country(m.group(1), language) if m is not None and m.group(2) else None
            if m is None or not (owned or acronym(m.group(1), t) or (m.group(2) and m.group(1).lower() not in t.vocab)):
                break
            rest = norm[m.end() :]
            head = t.heads.search(rest)
            if head is None or not all(w[:1].isupper() for w in rest[: head.start()].split()):
                break  # only capitalised modifiers between the owner and the head ("NRC’s Country Director")
            if owned is not None:
                # "Chad’s Minister of Foreign Affairs": a form that is also a first name owns an office as a country.
                country = country or owned
                written = written[len(written) - len(rest) :].strip()
                continue
            org = org or m.group(1)
            written = written[len(written) - len(rest) :].strip()
            continue
        rest = norm[m.end() :]
        for suffix in POSSESSIVE:
            if rest.startswith(suffix):
                rest = rest[len(suffix) :]
                break
        if not rest.startswith(" ") or not t.heads.search(rest):
            break
        if code is not None:
            country = country or code
        else:
            org = org or organization_name(m.group(), language)
        written = written[len(written) - len(rest) :].strip()
    return org, country, written


@cache
def _org_start(language: str) -> re.Pattern[str]:
    from .organizations import _matcher

    return _matcher(language)[0]


def country_matcher_start(language: str) -> re.Pattern[str]:
    from .countries import _matcher

    return _matcher(language)[0]


def apposition(text: str, pos: int, t: PeopleTables) -> tuple[str, int] | None:
    """The role written right after a name (", président délégué ... de l’OTAN"), and where it ends."""
    m = _COMMA.match(text, pos)
    if not m:
        return None
    start = m.end()
    end = _APPOSITION.match(text, start, min(len(text), start + 200)).end()  # type: ignore[union-attr]
    end = _portfolio_items_after(text, start, end, t)
    segment = text[start:end]
    clause = t.clause.search(segment)
    while clause is not None and (_employed_at(segment, clause.start(), t) or _role_goes_on_after(segment, clause, t)):
        clause = t.clause.search(segment, clause.end() - 1)  # "professor … at USF": the employer, not a clause
    if clause:
        segment = segment[: clause.start()]
    segment = segment.strip()
    if not segment:
        return None
    if not t.heads.match(segment):
        # "an American bridge commander", "Amnesty International’s Deputy Europe Director",
        # "National Armaments Director": a head after an article and up to three modifiers.
        head = t.heads.search(segment)
        if head is None:
            return None
        lead = segment[: head.start()].split()
        if len(lead) > 4 or any(low(w) in t.clause_words for w in lead):
            return None
        if (
            lead
            and low(lead[0]) not in t.role_articles
            and low(lead[0]) not in t.role_modifiers
            and not (lead[0][:1].isupper() or lead[0][:1].isdigit())
            and not _describes_head(lead, t)
        ):
            return None
    after = start + len(segment)
    following = t.next_name.match(text, end) if end == after else None
    if following is not None and any(bare(w) in t.not_name_words for w in following.group().strip(" ,;:.)").split()):
        following = None  # ", Quebec Region,": a place or a body after the role, no next person
    if following is not None and not (
        low(segment.split(None, 1)[0]) not in t.role_articles and _apposed_next(text, following.end() - 1, t)
    ):
        return None  # "…, el presidente de Navantia, Luis Berrocal Díaz,": the role of the next person in a list
    # ("Ms Tan, Chief Executive of MPA, Mr Pieter de Wolff, Chief Executive Officer of …": when the next
    # name has a role of its own after it, and this one has no article, this role is the first name's.)
    return segment, after


_PORTFOLIO_ITEMS = 5  # items of a portfolio list after the first, each after its comma


@lru_cache(maxsize=8)
def _role_link(pattern: str) -> re.Pattern[str]:
    """The pack's role links ("de", "de la", "de l’", "of") of ``pattern`` (``PeopleTables.of``), compiled."""
    return re.compile(pattern)


def _portfolio_items_after(text: str, start: int, end: int, t: PeopleTables) -> int:
    """Where an apposed role ends when its portfolio is a list whose items open with a link ("…, Ministre de
    l'Économie, de la Planification et de l'Aménagement du Territoire de la République du Cameroun ;"): each
    comma followed by a link word (``people.role_links``' words: "de", "du", "des") and a capitalised word
    goes on with the role.  (An item without its link, "…, Planning and Development,", is as likely the next
    person's name, and ends it.)"""
    if not t.heads.match(text, start):
        return end
    for _ in range(_PORTFOLIO_ITEMS):
        m = _COMMA.match(text, end)
        if m is None:
            return end
        link = _role_link(t.of).match(normalize(text[m.end() : m.end() + 40]))
        if link is None or not text[m.end() + link.end() : m.end() + link.end() + 1].isupper():
            # (Not "…, et de M. Patrick Nadeau", "…, the delegation by X": the next person; nor "…, pour un
            # échange sur …": a clause.)
            return end
        nxt = _APPOSITION.match(text, m.end(), min(len(text), m.end() + 200)).end()  # type: ignore[union-attr]
        if nxt <= m.end():
            return end
        end = nxt
    return end


def _role_goes_on_after(segment: str, clause: re.Match[str], t: PeopleTables) -> bool:
    """Whether a list joiner inside a role joins two of its parts ("President and Chief Executive Officer",
    "Vice Minister of Trade and Integration"): a role's head, or a portfolio's word, right after it."""
    if clause.group().strip().lower() not in t.joiner_words:
        return False
    rest = segment[clause.end() :]
    word = rest.split(None, 1)[0] if rest.strip() else ""
    return word[:1].isupper() and (bare(word) in t.not_name_words or t.heads.match(rest) is not None)


def _describes_head(lead: list[str], t: PeopleTables) -> bool:
    """Words in small letters before a role's head that only say what it is about ("human rights lawyer",
    "senior crisis researcher", "child protection adviser"): at most three, none a stop word or a clause's."""
    return len(lead) <= _MAX_DESCRIBING and not any(low(w) in t.stop_words for w in lead)


_MAX_DESCRIBING = 3


def _apposed_next(text: str, pos: int, t: PeopleTables) -> bool:
    """Whether a role's head follows the comma at ``pos`` (the next name of a list has its own apposition)."""
    m = _COMMA.match(text, pos)
    return m is not None and t.heads.match(text, m.end()) is not None


def _employed_at(segment: str, at: int, t: PeopleTables) -> bool:
    """Whether the clause word at ``segment[at:]`` is a location link before an employer that ends the segment.

    "a doctoral candidate at the USF College of Marine Science": "at" (a clause word in English) opens
    no clause here.  The place must end the segment and name an organisation (:func:`_employer`).
    """
    place = t.located.match(segment.rstrip(" ."), at)
    return place is not None and _employer(place.group("place"), t.language) is not None


def from_role(role: str, language: str) -> tuple[str, str | None, str | None, list[str]]:
    role, organization, country, aliases = _role_fields(role, language)
    return role, organization, country, list(aliases)


# Still a bounded memo of role phrases (issue 12): without it the sample pays ~60 µs a release
# (four roles, ~15 µs each, after the patterns below were made per language instead of per
# call); making the split itself that cheap is the next step before the memo can go.
@lru_cache(maxsize=4096)
def _role_fields(role: str, language: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """Split a role phrase into (role, organisation, country, aliases).

    A known organisation is split off ("… de l’OTAN", "the NATO Military
    Committee"), and a nationality adjective is dropped from the role once its
    country is taken ("président finlandais" → "président", FI).
    """
    acronyms = _ACRONYM.findall(role)
    aliases = [a for a in acronyms if organization_name(a, language) is None and not find_countries(a, language)]
    # A country in brackets after the role ("former Chief Elections Officer (Barbados)") is the person's.
    bracketed = next(
        (code for m in _PAREN.finditer(role) if (code := country_code(m.group().strip(" ()"), language))), None
    )
    bare = _PAREN.sub("", role).strip()
    last = bare.rsplit(None, 1)[-1] if bare else ""
    if last.endswith(".") and (last[:-1].isupper() or len(last) > 5):
        bare = bare[:-1]  # the full stop of the sentence ("directora de país del PMA.")
    t = people_tables(language)
    words = bare.split(None, 1)
    if len(words) == 2 and low(words[0]) in t.role_articles:
        bare = words[1]  # "an American bridge commander"
    owner_org, owner_country, bare = _owner(bare, t, language)
    organization = (
        owner_org
        or _role_organization(bare, t, language)
        or next((org for a in acronyms if (org := organization_name(a, language))), None)
    )
    adjective = adjectives(language)
    country = owner_country
    named = [(m.start(), m.end()) for m in _org_matcher(language)[0].finditer(normalize(bare))]
    # A form that is both a country's name and an adjective ("Argentina", "argentina") is the name
    # after an article ("en la Argentina"); "the Polish 12th Division" keeps its adjective.
    names = country_names(language)
    mentioned = [
        (s, e, code, low(bare[s:e]) in adjective and not (low(bare[s:e]) in names and _after_article(bare[:s], t)))
        for s, e, code in find_countries(bare, language)
    ]
    for s, e, code, is_adjective in mentioned:
        if any(a <= s and e <= b for a, b in named):
            continue  # "Cruz Roja Española": the adjective belongs to the organisation's name
        # A nationality adjective anywhere ("président finlandais"), a country after a country
        # link ("Prime Minister of Norway"); a country after "for" or "in" is a topic or a place.
        if is_adjective or t.country_link_end.search(normalize(bare[:s])):
            country = code
            break
    dropped = False
    for s, e, _, is_adjective in reversed(mentioned):
        if is_adjective:
            bare = (bare[:s].rstrip() + " " + bare[e:].lstrip()).strip()
            dropped = True
    if dropped:
        # "… de la République Gabonaise": the adjective gave the country; the state's noun and its link go too.
        head, _, last = bare.rpartition(" ")
        if head and last.lower() in _state_nouns(language):
            link = t.country_link_end.search(normalize(head) + " ")
            if link is not None and link.start() > 0:
                bare = head[: link.start()].rstrip()
    bare, tail_country, organization = _strip_tails(bare, organization, language)
    country = country or tail_country or bracketed
    if organization:
        norm = normalize(bare)
        for form in (organization, *_org_forms(organization, language)):
            inside = _form_before_name(norm, form, language)
            if inside and inside[0] > 0:
                # "the NATO Military Committee": the acronym only says whose committee it is.
                bare = bare[: inside[0]] + bare[inside[1] :]
                break
    return bare.strip(), organization, country, tuple(aliases)


@cache
def _state_nouns(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in pack(language).countries.state_nouns)


def _after_article(before: str, t: PeopleTables) -> bool:
    """Whether ``before`` ends with an article ("embajadora de Uruguay en la ")."""
    words = before.split()
    return bool(words) and (low(words[-1]) in t.article_words or low(words[-1]) in t.role_articles)


# The patterns below are built from the pack's role links and its organisations' forms (never from a
# release's text), once per language and form rather than at each call.


@cache
def _link_end(language: str) -> re.Pattern[str]:
    """A text ending with a role link ("… commandant de la "): an organisation after it is the role's."""
    return re.compile(r"(?:^|[ \u00a0])" + people_tables(language).of + "$", re.IGNORECASE)


@cache
def _link_at_end(language: str) -> re.Pattern[str]:
    """A space and a role link ending the text searched ("… directrice du"), for :func:`_linked_form_end`."""
    return re.compile(r"[ \u00a0]" + people_tables(language).of + r"\Z")


def _linked_form_end(norm: str, form: str, language: str) -> int | None:
    """Where a role link and the organisation form ``form`` end ``norm`` ("… du PAM"), or ``None``.

    ``re.search(r"[ ]" + of + re.escape(form) + "$", norm).start()`` without compiling a pattern
    per form (``form`` may be a name read in the release): the form is compared as a string, and
    only the link before it is a pattern, one per language.
    """
    if norm.endswith(form):
        cut = len(norm) - len(form)
    elif norm.endswith(form + "\n"):
        cut = len(norm) - len(form) - 1  # "$" also matches before a final newline
    else:
        return None
    link = _link_at_end(language).search(norm, 0, cut)
    return None if link is None else link.start()


@cache
def _space_before_capital(language: str) -> re.Pattern[str]:
    return re.compile(rf"[ \u00a0](?=[{people_tables(language).capital}])")


_WORD_CHAR = re.compile(r"[\w’]")


def _form_before_name(norm: str, form: str, language: str) -> tuple[int, int] | None:
    r"""The first span of the word ``form`` and the space after it, before a capitalised word, or ``None``.

    "the NATO Military Committee" → the span of "NATO ".  ``str.find`` for the form, then the
    characters around it (``(?<![\w’])form[ ](?=[A-Z…])``), without a pattern per form.
    """
    after = _space_before_capital(language)
    at = norm.find(form)
    while at >= 0:
        end = at + len(form)
        if (at == 0 or _WORD_CHAR.match(norm, at - 1) is None) and after.match(norm, end) is not None:
            return at, end + 1
        at = norm.find(form, at + 1)
    return None


def _role_organization(bare: str, t: PeopleTables, language: str) -> str | None:
    """The organisation a role belongs to: the longest one named at its start or after a role link.

    "NATO Secretary General", "commandant de la KFOR", "Chairman of the NATO Military Committee";
    not an item of a portfolio ("ministro de Asuntos Exteriores, Unión Europea y Cooperación").
    """
    pattern, lookup = _org_matcher(language)
    norm = normalize(bare)
    best: str | None = None
    size = 0
    for m in pattern.finditer(norm):
        before = norm[: m.start()]
        linked = m.start() == 0 or _link_end(language).search(before)
        if linked and len(m.group()) > size:
            best, size = lookup[m.group()], len(m.group())
    return best


def _strip_tails(bare: str, organization: str | None, language: str) -> tuple[str, str | None, str | None]:
    """``bare`` without the complements that say where and for whom a role is held; the country and organisation.

    A country after a country link ("Prime Minister of Norway", "jefe del Estado Mayor de la
    Defensa de España"), the organisation after a role link ("directrice du PAM"), and a place
    after either ("embajador de Grecia en España", "chef de délégation du CICR à Bamako") are
    not part of the role: the role is what the office is called.
    """
    t = people_tables(language)
    country: str | None = None
    forms = (organization, *_org_forms(organization, language)) if organization else ()
    found_org: list[str] = []

    def cut(text: str) -> tuple[str, str | None] | None:
        """``text`` without a country or organisation complement at its end, or ``None``."""
        norm = normalize(text)
        found = find_countries(text, language)
        if found:
            s, e, code = found[-1]
            if e == len(text.rstrip()) and s > 0:
                link = t.country_link_end.search(norm[:s])
                if link is not None and link.start() > 0:
                    # "Président de la République du Sénégal": the long form of the country would
                    # cut into a title ("président de la République"); the short form does not.
                    for word in re.finditer(r"(?<=[ \u00a0’])\w", norm[s + 1 : e]):
                        p = s + 1 + word.start()
                        inner = t.country_link_end.search(norm[:p])
                        if (
                            inner is not None
                            and t.phrases.get(low(text[: inner.start()].strip()), ("",))[0] == "title"
                            and country_code(text[p:e], language) == code
                        ):
                            return text[: inner.start()].rstrip(), code
                    return text[: link.start()].rstrip(), code
        for form in forms:
            tail = _linked_form_end(norm, form, language)
            if tail is not None:
                return text[:tail].rstrip(), None
        if organization is None:
            named = _named_organization(text, language)
            if named is not None and found and found[-1][1] == len(text.rstrip()) and found[-1][0] < len(named[0]):
                named = None  # "ambassadrice de Suède en Côte d’Ivoire": the end of a country's name, not a body
            if named is not None:
                found_org.append(named[1])
                return named[0], None
        return None

    while True:
        done = cut(bare)
        if done is None:
            place = t.located.search(normalize(bare))
            if place is None or place.start() == 0:
                break
            done = cut(bare[: place.start()])
            if done is None:
                employer = _employer(bare[place.start("place") :], language) if organization is None else None
                if employer is None:
                    break
                # "chercheur à l’EPFZ", "professor of oceanography at USF": where the role is held is whose it is.
                done, organization = (bare[: place.start()].rstrip(), None), employer
        bare, code = done
        country = country or code
        if found_org and organization is None:
            organization = found_org[0]
    return bare, country, organization


def _employer(place: str, language: str) -> str | None:
    """The organisation a "place" after a location link names: a listed one, or a name opened by an acronym.

    "l’UNESCO", "USF", "the USF College of Marine Science" are organisations; "la Comunitat
    Valenciana", "Bamako" are places and stay in the role (or go, after a country or an organisation).
    """
    known = organization_name(place, language)
    if known is not None:
        return known
    t = people_tables(language)
    words = place.split(None, 1)
    if len(words) == 2 and low(words[0]) in t.role_articles and words[1][:1].isupper():
        place = words[1]  # "at the University of Otago"
    first = place.split(None, 1)[0]
    if acronym(first, t) is None or find_countries(place, language):
        words = place.split()
        if (
            first[:1].isupper()
            and len(words) > 1
            and any(w[:1].isupper() and bare(w) in t.not_name_words for w in words)
            and country_code(place, language) is None
        ):
            return place.strip()  # "the Norwegian University of Science and Technology": a named institution
        return None
    return place.strip()


def _named_organization(text: str, language: str) -> tuple[str, str] | None:
    """``(role, organisation)`` when ``text`` ends with a role link and a proper name that is no office.

    "presidente de Navantia", "Chief Executive Officer of Northlake Analytics", "présidente du CPT":
    a name none of whose words is a common word of institutions or portfolios (``people.not_names``:
    "Defensa", "Foreign", "Affaires"), that is no country and that does not end a title
    ("Secretary of State", "président de la République"), names the organisation, not the office.
    """
    t = people_tables(language)
    m = t.org_tail.search(normalize(text))
    if m is None or m.start() == 0:
        return None
    org = text[m.start("org") : m.end("org")]
    words = [w for w in org.split() if w[:1].isupper() or w[:1].isdigit()]
    if find_countries(org, language):
        return None
    if _inside_title(text, m.start("org"), t):
        return None  # "Chief of the General Staff of the Armed Forces": the title goes on past the link
    if any(low(w).rstrip(".") in t.not_name_words for w in words) and not (
        len(words) >= 2
        and low(text[m.start() : m.start("org")].strip()) in _body_links(language)
        and not holds_national_office(text[: m.start()], language)
    ):
        # "Minister of Defence", "ministre des Affaires étrangères": a portfolio is the role's. After a link
        # with its article, a named body of two capitalised words or more is whose the office is ("Chairman
        # of the Election Commission", "presidente del Jurado Nacional de Elecciones").
        return None
    if low(text[m.start() : m.start("org")].strip()) not in _body_links(language) and holds_national_office(
        text[: m.start()], language
    ):
        return (
            None  # "Minister for Emergency Management": after a bare link, a national office's words are its portfolio
        )
    if t.phrases.get(low(org.strip()), ("",))[0] == "region":
        return None  # "Director General for East Asia": a world region is what the office covers
    if t.phrases.get(low(text.strip()), ("",))[0] in ("title", "rank"):
        return None
    role = text[: m.start()].rstrip()
    if not t.heads.match(role) and not t.heads.search(role):
        return None
    last = role.rsplit(None, 1)[-1]
    if last[:1].isupper() and low(last) in t.not_name_words:
        return None  # "professor at the University of Otago": the name is the institution's, whole
    if territorial(role, t):
        return None  # "alcaldesa de València", "préfet de la Gironde": the place the office is held over
    if low(role.rsplit(None, 1)[-1]) in t.joiner_words:
        return None  # "ministre du Tourisme et des Antiquités": the last item of a portfolio list
    return role, org


def _inside_title(text: str, pos: int, t: PeopleTables) -> bool:
    """Whether a rank or title of the tables opens ``text`` and goes on past ``pos``."""
    words = low(text).split()
    reach = len(low(text[:pos]).split())
    for n in range(len(words), reach, -1):
        hit = t.phrases.get(" ".join(words[:n]))
        if hit is not None and hit[0] in ("title", "rank"):
            return True
    return False


@cache
def _body_links(language: str) -> frozenset[str]:
    return frozenset(low(w) for w in pack(language).people.body_links)


@cache
def _offices(language: str) -> tuple[str, ...]:
    return tuple(normalize(w).casefold() for w in pack(language).people.national_offices)


def holds_national_office(role: str | None, language: str) -> bool:
    """Whether ``role`` opens with an office only a state's government holds ("ministra de Defensa")."""
    if not role:
        return False
    low = normalize(role).casefold()
    if any(
        low.startswith(office) and not low[len(office) : len(office) + 1].isalnum() for office in _offices(language)
    ):
        return True
    # The office after its portfolio's capitalised words ("Natural Resources and Environmental Sustainability
    # Minister", "Health Secretary"): the portfolio is the state's.
    for office in _offices(language):
        if low.endswith(" " + office):
            lead = normalize(role)[: len(low) - len(office)].split()
            joiners = people_tables(language).joiner_words
            if lead and all(w[:1].isupper() or w.casefold() in joiners for w in lead) and lead[0][:1].isupper():
                return True
    return False


def territorial(role: str, t: PeopleTables) -> bool:
    """Whether ``role`` (without its complement) is an office held over a territory ("maire", "Governor").

    The head may follow an article and capitalised modifiers ("the Lord Mayor", "la alcaldesa").
    """
    if not t.territorial:
        return False
    words = low(role).split()
    while words and words[0] in t.role_articles:
        words.pop(0)
    return " ".join(words) in t.territorial or (bool(words) and words[-1] in t.territorial)


def capital_office_country(role: str | None, organization: str | None, t: PeopleTables) -> str | None:
    """The country of an office held over a capital city ("alcalde mayor de Bogotá", "Mayor of Lima",
    "maire de Dakar", or the city as the role's organisation: ``data/capitals.toml``), else ``None``: the
    city says the state."""
    if not role:
        return None
    # (The head may come first, its qualifier after it: "alcalde mayor".)
    held = territorial(role, t) or territorial(role.split()[0], t)
    if organization and held and (code := capitals().get(organization.casefold())) is not None:
        return code
    words = role.split()
    for k in range(len(words) - 1, 0, -1):
        if low(words[k - 1]) in t.link_words and territorial(" ".join(words[: k - 1]), t):
            code = capitals().get(" ".join(words[k:]).casefold())
            if code is not None:
                return code
    return None


def role_parts(phrase: str, language: str) -> tuple[str, str | None]:
    """A role noun phrase as (role, organisation): "the NATO Secretary General" → ("Secretary General", "NATO").

    Leading articles and modifiers (organisation, nationality) are dropped,
    as :func:`find_attendees` does for the roles it records, so that the two
    can be compared.
    """
    t = people_tables(language)
    organization = None
    words = phrase.split()
    while words:
        first = low(words[0])
        if first in t.role_articles or first.rstrip("’") + "’" in t.role_articles:
            words.pop(0)
            continue
        if len(first) > 2 and first[1] == "’" and first[:2] in t.role_articles:
            words[0] = words[0][2:]
            continue
        hit = t.phrases.get(bare(words[0]))
        if hit is not None and hit[0] in ("org", "country"):
            organization = organization or (hit[1] if hit[0] == "org" else None)
            words.pop(0)
            continue
        break
    role, org, _, _ = from_role(" ".join(words), language)
    return role, organization or org


@cache
def _org_forms_table(language: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for org in organizations():
        out.setdefault(org.display_in(language), tuple(normalize(f) for f in org.forms_in(language)))
    return out


def _org_forms(display: str, language: str) -> tuple[str, ...]:
    return _org_forms_table(language).get(display, ())
