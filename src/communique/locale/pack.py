"""The typed language pack: every word a rule knows about one language, and how that language prints.

One ``LanguagePack`` per file ``communique/data/<code>.toml`` (``code`` is an
ISO 639-1/-3 code: two or three small letters).  Files are discovered, not
listed: adding ``it.toml`` adds Italian.  A pack is loaded once per process,
through the project's strict cattrs converter with unknown keys forbidden, so
a misspelled key, a missing key or a value of the wrong type is a
:class:`~communique.errors.LanguagePackError` naming the file and the key,
at load, before any text is read.

The sections mirror the rules that read them (``docs/pages/language-packs.md``
lists every key and its reader).  All word lists are tuples of strings as
written; matching rules normalise apostrophes and spaces themselves.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any, Literal, get_args, get_origin

import cattrs
from attrs import frozen
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .._serialize import failures, strict
from ..errors import LanguagePackError

__all__ = [
    "DEFAULT_LANGUAGE",
    "CountryWords",
    "DateWords",
    "DatelineWords",
    "Formats",
    "HeaderWords",
    "Labels",
    "LanguagePack",
    "LanguageWords",
    "PeopleWords",
    "QuoteWords",
    "languages",
    "load_pack",
    "pack",
    "primary",
]

DEFAULT_LANGUAGE = "en"
"""The pack used for a language that has none (and for detection ties)."""

Words = tuple[str, ...]
_CODE = re.compile(r"[a-z]{2,3}")


@frozen(kw_only=True)
class DateWords:
    """How dates are written: read by :mod:`communique.extract.dates` and the header reader."""

    ordinal: Words
    """Suffixes after a day number ("1er", "2nd")."""
    updated: Words
    """Labels of an update stamp ("Last updated", "Mis à jour le")."""
    published: Words
    """Labels of a publication stamp ("Published", "Publié le")."""
    range_joiners: Words
    """Words between the two days of a range ("22 et 23 mai", "22 to 23 May")."""
    range_openers: Words
    """Words opening a range ("du 22 au 23 mai", "from 22 to 23 May"), skipped before the first day."""
    today: Words
    """Words in prose that date what a sentence tells to the day of the release ("today", "aujourd’hui", "hoy")."""
    yesterday: Words
    """Words in prose that date what a sentence tells to the day before the release ("yesterday", "hier", "ayer")."""
    future_markers: Words
    """Words of a sentence that tells what is still to come ("will", "prochain", "próximo"): a weekday it
    names ("on Thursday") is the next one after the release's day, not the last one before it."""
    day_counts: dict[str, int]
    """Number words of a visit's length ("two" → 2, "trois" → 3), read by ``visit_lengths``."""
    visit_lengths: Words
    """How a visit's length is written, ``{n}`` a number word or a number ("{n}-day visit", "visite de {n}
    jours", "visita de {n} días"): with a word of ``concluded`` in the same sentence, the visit ended on the
    release's day and began ``n - 1`` days before."""
    concluded: Words
    """Words saying a visit or a mission ended on the release's day ("concluded", "a achevé", "concluyó")."""
    other_event_words: Words
    """Words shortly before a date or a weekday that tie it to another event than the one the release
    reports: a death ("who died in Apia on Saturday", "décédé samedi", "fallecido el pasado sábado") —
    a condolence or a tribute is of the day it is given."""
    opened_words: Words
    """Verbs of an event's opening, before a weekday ("opened on Monday", "s’est ouverte lundi"): when no
    first sentence names a day, the event began that day."""
    until_words: Words
    """Words right before the day an event that has begun will end or ran to ("until", "concludes on",
    "jusqu’au", "hasta el"): that day is the event's last."""
    since_words: Words
    """Words right before a date that make it the start of a state that lasts ("since 9 April", "depuis le
    9 avril", "desde el 9 de abril"): not the day of the event a release reports."""
    next_words: Words
    """Words right before or after a weekday that make it the next one after the release's day ("next
    Monday", "lundi prochain", "el próximo lunes")."""
    recurring_words: Words
    """Words right before a weekday that make it every such day ("every Monday", "chaque lundi", "cada
    lunes", "los lunes"): opening hours and routines, not the days of an event."""
    time_joiners: Words
    """Words between a date and its time ("20 juillet 2018 à 15 h 57")."""
    time_first_links: Words
    """Words between a time written before its date and the date ("Issued at 9:45am on 17 February 2026")."""
    date_links: Words
    """Words between day, month and year in a written date ("3 de marzo de 2021")."""
    hour_marks: Words
    """What separates hours and minutes besides ":" ("15 h 57", "15.57")."""
    time_suffixes: Words
    """What may follow the minutes and is read past ("15:57 h", "10.05 horas")."""
    afternoon_marks: Words
    """Suffixes of a 12-hour time after noon ("PM", "p.m."): 12 is added to the hour (12 PM stays 12)."""
    morning_marks: Words
    """Suffixes of a 12-hour time before noon ("AM", "a.m."): 12 AM is hour 0."""
    month_first: bool
    """Whether prose writes the month before the day ("May 22, 2018")."""
    date_labels: Words
    """Labels of an unlabelled-kind date line ("Date: 12 March 2021"): the page's own date, not a stamp."""


@frozen(kw_only=True)
class Formats:
    """How the exporters print dates (``str.format`` templates): read by :mod:`communique.locale.format`."""

    date: str
    """``{day} {month} {year}``."""
    first_day: str
    """How the first day of a month is printed ("1er" in French, "1" in English)."""
    range_same_month: str
    range_same_year: str
    range: str
    time: str
    """``{hour}``/``{minute}`` as integers (use ``{minute:02d}``)."""
    updated: str
    published: str
    updated_date: str
    """The update stamp of a date-only stamp (no time given): ``{date}`` only."""
    published_date: str
    """The publication stamp of a date-only stamp: ``{date}`` only."""
    separator: str
    """Between the event dates and the stamp on the date line."""


@frozen(kw_only=True)
class Labels:
    """The words the document exporters print around a release."""

    kind: str
    """What the document is ("Press release", "Communiqué de presse")."""
    attendees: str
    name: str
    rank: str
    role: str
    organization: str
    country: str
    dateline_separator: str
    page: str
    end_mark: str
    """Printed after the last paragraph ("###", "– FIN –")."""


@frozen(kw_only=True)
class HeaderWords:
    """Labels of header lines: read by :mod:`communique.extract.segment`."""

    source: Words
    url: Words
    reference: Words
    """Kinds of document that head a reference line ("Press Release (2019) 123"); alone on a line, a section label."""
    reference_labels: Words
    """Labels before a document number ("Release No: NR-099-17", "Référence : 2021/045")."""
    furniture: Words
    """Whole lines that are site furniture (skip links, menus, share buttons, cookie notices), matched as a line's start."""
    furniture_words: Words
    """Words that make any line containing them furniture ("cookies": a consent banner, wherever it is pasted)."""
    embargo_labels: Words
    """Openings of an embargo notice ("Embargoed until 15 April 2025, 17:00"): such a line, with a date, is no title."""
    end_marks: Words
    """Lines that end a release ("###", "– FIN –"): what follows is contacts and boilerplate, not body."""
    contact_labels: Words
    """Labels opening the press contacts ("Contacts", "Enquiries", "Contact presse", "Contacto de prensa"):
    the people named in that paragraph (or, for a label alone, in the two after it) are no attendees."""
    phone_labels: Words
    """Labels before a telephone number ("Tel.", "Tél.", "Teléfono", "Fax"): a short line holding one and a
    number is an address or contact line, the site's furniture."""
    title_labels: Words
    """Labels of a record's headline row ("Title", "Titre", "Título"): in a saved page whose headline sits
    in a table of fields (a board's view: Title / Date / Writer), the cell after the label is the headline."""
    subtitle_openers: Words
    """Words that open a subtitle line rather than a title ("by NATO Secretary General ...")."""


@frozen(kw_only=True)
class PeopleWords:
    """Who takes part: read by the name, role, collective and participant rules."""

    ranks: Words
    honorifics: Words
    """Courtesy words before a name, kept neither in the name nor as a rank ("M.", "Mr")."""
    titles: Words
    """Functions that may stand right before a name ("Prime Minister", "secrétaire général")."""
    role_heads: Words
    """Head words a role phrase starts with ("président", "Chief")."""
    plurals: dict[str, str]
    """Plural head → singular, for collectives ("chefs" → "chef")."""
    pronouns: Words
    """Subject pronouns standing for a person ("il", "she")."""
    particles: Words
    """Small words inside names ("de", "von"; a trailing hyphen glues: "al-")."""
    name_suffixes: Words
    """Generational suffixes written with a dot after a name ("Jr", "Sr"): the dot is the name's."""
    clause_verbs: Words
    """Words that, after a name, start the next clause and end an apposition."""
    participants: Words
    """Phrases announcing who took part ("ont participé", "attended by")."""
    list_joiners: Words
    role_articles: Words
    """Articles opening a noun phrase that names a role ("le", "the")."""
    role_modifiers: Words
    """Words before a role's head that keep it a role ("former Vice-President", "ancien ministre", "acting
    Director"): a name's apposition may open with them."""
    articles: Words
    """Articles (and article + preposition forms) before a role or a country in a list."""
    role_links: Words
    """Prepositions (with their article) joining a role to its organisation ("de l’", "of the")."""
    body_links: Words
    """The role links that hold an article ("of the", "du", "del"): after one, a named body of two
    capitalised words or more is the organisation ("Chairman of the Election Commission"), where after
    a bare link a government portfolio is part of the role ("Minister of Defence")."""
    country_links: Words
    representatives: Words
    """Nouns of someone who speaks for a country at a meeting, known by that role ("the representative of
    Mali", "China's delegate", "le représentant du Niger", "el delegado de México"): with a verb of saying in
    their sentence, an attendee known by role, of that country."""
    """Prepositions between a name and a country ("X of Greece", "X de la Grèce")."""
    location_links: Words
    """Prepositions before the place where a role is held ("embajador de Grecia en España", "directrice du PAM en Haïti")."""
    not_names: Words
    """Capitalised words that never are, nor end, a person's name."""
    mention_cues: Words
    """Words right before a named person who is only mentioned, not taking part ("succeeding", "succède au",
    "in memory of"): read by :mod:`communique.extract.mentioned`."""
    age_forms: Words
    """How a person's age is written in apposition after the name, ``{n}`` the number ("{n}", "{n} ans",
    "de {n} años"): "Ama Boateng, 24, from Ghana" is a person."""
    case_words: Words
    """Words that make the people a sentence names with their age the parties of a case, not participants
    ("arrested", "interpellé", "detenido", "victim"): read by :mod:`communique.extract.names`."""
    counterparts: Words
    """Words for a person's opposite number ("homologue", "counterpart"): role heads that give a country
    ("son homologue luxembourgeois, X") but are no role of their own."""
    led_by: Words
    """Words before the person who leads a body ("led by", "conduite par", "encabezada por"): that person is
    who a leader's role without a holder means ("a déclaré le Chef de la Mission")."""
    leader_heads: Words
    """Role heads of whoever leads a body ("head", "chef", "jefa"), read with ``led_by``."""
    government_names: Words
    """How a page's masthead names the state that publishes it: ``{country}`` stands for a country's
    name, ``{adjective}`` for its nationality adjective ("Government of {country}", "{adjective} Government")."""
    national_offices: Words
    """Offices only a state's government holds ("ministra", "secretary of state"): on a page of no state filed
    from a capital, a holder whose country the text does not give is of that capital's country."""
    role_as: Words
    """Words joining a name to the office it is given ("the appointment of X as first-team manager",
    "nombra a X como directora"): the words after them, when a role's head opens them, are the role."""
    delegation_links: Words
    """Words opening a delegation's entry in a list, before its country ("pour la République du Bénin :
    Monsieur X", "por Guatemala, el ministro X", "for Ghana: Ms X"): the country of the person after it."""
    delegations: Words
    """Nouns of a delegation, alone or with the link before its country ("délégation", "delegation of",
    "delegación de la"): the sentence that names one with its country and then its members
    (``delegation_members``) gives them that country (:mod:`communique.extract.delegations`)."""
    plural_pronouns: Words
    """Pronouns standing for the plural head before them in the sentence ("des délégations …, parmi
    lesquelles celles de l’Arménie, de la Belgique …", "delegations …, including those of"): a collective of
    that head's role (:mod:`communique.extract.collectives`)."""
    delegation_members: Words
    """Words after a delegation that introduce its members ("was led by", "comprenait", "integrada por"):
    only they vouch for the people after them ("received by" names a host)."""
    represented_by: Words
    """Words after a country and before the person who stands for it ("Uzbekistan was represented by its
    Foreign Minister, X", "le Mali était représenté par son ministre X"): that person's country."""
    state_bodies: Words
    """Words of a state body's name ("Ministry", "Armada"): an attendee of one, or of no organisation, is of
    the publishing state's country when the release names no other."""
    partner_bodies: Words
    """Words of foreign state bodies' names kept in their own language ("Polícia", "Carabinieri"): a partner
    body may be one of them as well as of ``state_bodies`` (:mod:`communique.extract.partners`)."""
    national_bodies: Words
    """Words opening a national body's name on a masthead line ("Ministerio", "Policía", "Ministry"): such a
    masthead that writes no state, over a dateline in a capital, is that capital's state's (:mod:`.release`)."""
    partner_cues: Words
    """Phrases before the bodies a release's work was done with ("en una operación conjunta con", "in close
    coordination with", "en coopération avec"): each country or state body of the list after one, up to the
    end of the sentence, takes part (:mod:`communique.extract.partners`)."""
    territorial_heads: Words
    """Role heads of an office held over a territory ("maire", "alcaldesa", "Governor"): the place after their
    link is part of the role ("alcaldesa de València", "préfet de la Gironde"), never an organisation."""
    epithets: Words
    """Nouns the press uses for any office holder ("titular", "mandatario"): "la titular de Cultura" is the
    attendee whose role has that complement, "la mandataria finlandesa" the one of that country."""
    role_equivalents: tuple[Words, ...]
    """Groups of role phrases that name one office ("chef de l’État", "président de la République"): a role-only
    re-mention by one of them ("a déclaré le chef de l’État") stands for the holder of another when no
    attendee holds it as written."""
    relatives: Words
    """Relative pronouns after a person's name ("X, who briefed him", "X, qui a", "X, quien"): the clause they
    open has that person as its subject."""
    role_case: Literal["lower", "as_written"]
    """How a role is recorded: ``lower`` (French: "le Président" → "président") or as written (a rank is
    always recorded as written)."""


@frozen(kw_only=True)
class QuoteWords:
    """How speech is attributed: read by :mod:`communique.extract.speakers` and the name rule."""

    verbs: Words
    """Attribution verbs as written before or after a quotation ("said", "a déclaré", "afirmó")."""
    auxiliaries: Words
    """Words that may stand between a name and its verb ("has", "also", "a", "également")."""
    inverted_pronouns: Words
    """Pronouns glued after a verb ("a-t-il ajouté", "-t-elle")."""
    complementizers: Words
    """Words introducing reported speech before a quotation ("que", "that")."""
    clause_joiners: Words
    """Conjunctions that open another clause after a quotation ("“…”, while Quispe noted …", "mientras",
    "tandis que"): the verb after them is that clause's, no attribution of the quotation."""
    according: Words
    """Prepositions attributing what follows ("according to", "selon")."""
    according_pronouns: Words
    """Pronouns after an attributing preposition ("selon lui", "according to her", "según ella"): the
    quotation is the words of the subject of the nearest clause before with a person as subject."""
    opening_verbs: Words
    """Verbs of saying that open a sentence before the speaker's name ("Added Lisa X, who …: “…”",
    "Añadió la ministra X"): the capitalised verb is no part of the name after it."""
    pronoun_attributions: Words
    """Phrases that attribute what follows to a person named before, as a pronoun would ("in her view",
    "à ses yeux", "en su opinión", "para él"): the quotation is the words of the subject of the nearest
    clause before with a person as subject, as after ``according_pronouns``."""
    opening_according: Words
    """Prepositions that attribute what follows only when they open the sentence and a person follows
    ("Pour Jean Dupont, la communauté « … »", "Para la ministra Ana Ruiz, «…»"); elsewhere too common."""
    not_speech: Words
    """Words right before a quotation that make it a title or theme, not speech."""
    abbreviations: Words
    """Abbreviations whose dot does not end a sentence ("Gen", "Mme")."""
    transcript_questions: Words
    """Labels of a transcript's turns that are a journalist's question or the moderation, not the
    release's speech ("Q", "Question", "Journaliste", "Pregunta")."""
    transcript_answers: Words
    """Labels of an interview's answers ("A", "Réponse", "Respuesta"): the interviewee's turns, said by
    the release's first named person (:mod:`communique.extract.transcripts`). Read as no dateline's
    place ("Respuesta.– Queremos …")."""


@frozen(kw_only=True)
class DatelineWords:
    """What a dateline's place name may contain: read by :mod:`communique.extract.dateline`."""

    place_links: Words
    """Small connecting words inside place names ("Saint-Pierre-de-…", "Frankfurt am Main")."""
    place_suffixes: Words
    """Last words of place names that elsewhere name a body ("Quezon City", "Kuwait City"): a line that
    is capitalised words ending with one is still a place."""


@frozen(kw_only=True)
class LanguageWords:
    """What tells the language: read by :mod:`communique.extract.language`."""

    stopwords: Words
    """Frequent short words, best those of no other pack: detection counts them."""


@frozen(kw_only=True)
class CountryWords:
    """Country mentions: read by :mod:`communique.extract.countries` (names come from ``countries.json``)."""

    ambiguous: Words
    """Country names too ambiguous in running text to be taken for a country ("Chad", "Maurice")."""
    regions: Words
    """Names of world regions ("East Asia", "Afrique de l’Ouest", "América Latina"): words of a role's
    complement ("Director General for East Asia X"), never a person's name, and no country."""
    state_nouns: Words
    """Nouns a state's formal name is made of with its adjective ("République" of "la République
    gabonaise", "Republic"): once the adjective gives the role's country, the noun and its link go too
    ("Ministre de l'Économie de la République Gabonaise" → "Ministre de l'Économie", GA)."""
    namesake_words: Words
    """Words that, right before a country's name (a space or a hyphen between), make it another place
    named after it ("New" of "New Mexico", "West New Britain"; "Nouvelle" of "Nouvelle-Bretagne"; "Nuevo"
    of "Nuevo México"): no country. A country whose own name holds the word ("New Zealand", "Papua New
    Guinea") is found whole first."""


@frozen(kw_only=True)
class LanguagePack:
    """Everything communique knows about one language; each attribute is one ``[section]`` of the file."""

    code: str
    """The ISO 639 code the file is named after (``"fr"``)."""
    language: LanguageWords
    months: tuple[Words, ...]
    """Twelve lists (January first) of month names; the first of each is the display form."""
    weekdays: tuple[Words, ...]
    """Seven lists (Monday first) of weekday names; the first of each is the display form."""
    dates: DateWords
    format: Formats
    labels: Labels
    header: HeaderWords
    countries: CountryWords
    people: PeopleWords
    quotes: QuoteWords
    dateline: DatelineWords


# --- loading -------------------------------------------------------------------------------------------


def _word_list(value: Any, _: Any) -> Words:
    if type(value) is not list:
        raise TypeError(f"expected a list of strings, got {type(value).__name__}")
    for i, item in enumerate(value):
        if type(item) is not str or not item.strip():
            raise TypeError(f"item {i} must be a non-empty string, got {item!r}")
    return tuple(value)


def _numbered(count: int) -> Any:
    def structure(value: Any, _: Any) -> tuple[Words, ...]:
        if type(value) is not dict:
            raise TypeError(f"expected a table with keys 1 to {count}")
        wanted = {str(n) for n in range(1, count + 1)}
        if set(value) != wanted:
            extra = sorted(set(value) - wanted)
            missing = sorted(wanted - set(value), key=int)
            raise ValueError(f"keys must be 1 to {count} (unknown: {extra or 'none'}, missing: {missing or 'none'})")
        return tuple(_word_list(value[str(n)], None) for n in range(1, count + 1))

    return structure


@cache
def _converter(detailed: bool = False) -> cattrs.Converter:
    # The same strictness as the release converter (communique._serialize): no
    # coercion of 1 to "1", unknown keys refused.  As there, a fast converter
    # loads a good pack and a detailed one, built only after a failure, finds
    # the path of every problem (generating it costs more than loading all packs).
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, strict(str))
    converter.register_structure_hook(bool, strict(bool))
    converter.register_structure_hook_func(lambda t: t == Words, _word_list)
    converter.register_structure_hook_func(
        lambda t: t == tuple[Words, ...], lambda v, _: tuple(_word_list(w, None) for w in v)
    )
    converter.register_structure_hook_func(lambda t: t == dict[str, str], _plurals)
    converter.register_structure_hook_func(_is_literal, _one_of)
    return converter


def _is_literal(kind: Any) -> bool:
    origin: Any = get_origin(kind)
    return bool(origin is Literal)


def _one_of(value: Any, kind: Any) -> Any:
    allowed = get_args(kind)
    if value not in allowed:
        raise ValueError(f"must be one of {', '.join(map(repr, allowed))}, not {value!r}")
    return value


def _plurals(value: Any, _: Any) -> dict[str, str]:
    if type(value) is not dict or not all(type(k) is str and type(v) is str for k, v in value.items()):
        raise TypeError("expected a table of strings (plural = singular)")
    return dict(value)


def _paths(exc: BaseException) -> list[tuple[str, str]]:
    """Dotted key path and message of each leaf failure of a cattrs error tree."""
    out: list[tuple[str, str]] = []
    for path, leaf in failures(exc):
        if isinstance(leaf, ForbiddenExtraKeysError):
            keys = ", ".join(f"{path}.{k}" if path else k for k in sorted(leaf.extra_fields))
            out.append((keys, "unknown key (misspelled, or not read by any rule)"))
        elif isinstance(leaf, KeyError):
            out.append((path, "required key is missing"))
        else:
            out.append((path, str(leaf)))
    return out


def load_pack(text: str, *, code: str, file: str) -> LanguagePack:
    """Build a :class:`LanguagePack` from the TOML ``text`` of the pack ``code``.

    Raises :class:`~communique.errors.LanguagePackError` (with ``file`` and the
    key) on invalid TOML, an unknown, missing or mistyped key.
    """
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LanguagePackError(f"not valid TOML: {exc}", file=file) from None
    if "code" in raw:
        raise LanguagePackError("the code is the file's name; remove the key", file=file, key="code")
    # [months] and [weekdays] are tables keyed 1…N in the file, lists in the pack.
    data = dict(raw)
    for name, count in (("months", 12), ("weekdays", 7)):
        if name in data:
            try:
                data[name] = [list(words) for words in _numbered(count)(data[name], None)]
            except (TypeError, ValueError) as exc:
                raise LanguagePackError(str(exc), file=file, key=name) from None
    try:
        return _converter().structure({"code": code, **data}, LanguagePack)
    except Exception:
        pass
    try:
        _converter(detailed=True).structure({"code": code, **data}, LanguagePack)
    except (ClassValidationError, ForbiddenExtraKeysError, IterableValidationError) as exc:
        # An unknown key first: a misspelling also shows up as the missing key it was meant to be.
        problems = sorted(_paths(exc), key=lambda p: not p[1].startswith("unknown key"))
        key, message = problems[0]
        more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
        raise LanguagePackError(message + more, file=file, key=key or None) from None
    except Exception as exc:  # pragma: no cover - the detailed converter wraps every failure
        raise LanguagePackError(str(exc), file=file) from None
    raise AssertionError("the fast converter failed where the detailed one succeeded")  # pragma: no cover


def _data_dir() -> Any:
    return resources.files("communique.data")


@cache
def languages() -> tuple[str, ...]:
    """The codes of every language with a pack, sorted (discovered from the files present)."""
    found = [
        entry.name[:-5]
        for entry in _data_dir().iterdir()
        if entry.name.endswith(".toml") and _CODE.fullmatch(entry.name[:-5])
    ]
    return tuple(sorted(found))


@cache
def _load(code: str) -> LanguagePack:
    name = f"{code}.toml"
    text = _data_dir().joinpath(name).read_text(encoding="utf-8")
    return load_pack(text, code=code, file=f"communique/data/{name}")


def primary(language: str) -> str:
    """The primary subtag of a BCP 47 tag, lower-cased (``"fr-BE"`` → ``"fr"``)."""
    return language.split("-", 1)[0].lower()


def pack(language: str) -> LanguagePack:
    """The pack of ``language`` (a BCP 47 tag: ``"fr"``, ``"fr-BE"``); the default pack when there is none."""
    code = primary(language)
    if code not in languages():
        code = DEFAULT_LANGUAGE
    return _load(code)
