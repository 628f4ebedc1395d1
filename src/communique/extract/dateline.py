"""The dateline: the place a release is filed from, at the head of a paragraph or on its own line.

``"Belgrade – Le général..."`` → place ``"Belgrade"``, text ``"Le général..."``.
The forms real pages use, in every language:

- ``Place – text``, with an en dash, an em dash, `` - `` or ``--``;
- a country, region or agency after the place: ``MONS, Belgium –``,
  ``Mons (Belgique) –``, ``Genève (CICR) –``, ``PARIS--(BUSINESS WIRE)--``;
  only the place is kept (``MONS``, ``Genève``, ``PARIS``);
- a date after the place: ``BRUSSELS, 31 January 2023 –``,
  ``GENEVA (2 May 2023) –``, ``NEW YORK, March 21, 2017 /PRNewswire/ --``,
  ``Bruxelles, 2 janvier –`` (no year), ``Ohrid, 8 juin 2011 Le général…``
  (no dash: the date ends the dateline);
- the date first: ``Le 17 février 2022 – Bruxelles (Belgique) – Défense…``,
  ``November 24, 2021 – Ottawa, Ontario – Global Affairs Canada``;
- two places: ``Geneva/Washington D.C. (ICRC) –``.

A date written in the dateline is returned with it: it is the release's date
when the page gives no other.

A capitalised subject followed by a dash ("NATO Secretary General Jens
Stoltenberg – speaking in Oslo – said") is not a place: a "place" that
contains a rank, a title, a courtesy word or an organisation is refused, and
so is a single word that is a common word ("On 4 March 2021 – …").  After a
comma, a region that is not a country ("Norfolk, Virginia –") is accepted
unless it names a person or an organisation.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import cache
from typing import NamedTuple

from ..locale import languages, pack
from ._data import alternation, fold, normalize, upper_class, word_count
from .countries import adjectives, country_code, country_names
from .dates import month_number, parse_event_dates
from .language import stopwords
from .organizations import find_organization
from .vocab import byline_words, header_phrases, person_titles, stamp_labels

__all__ = ["Dateline", "place_line", "read_dateline", "split_dateline"]


class Dateline(NamedTuple):
    """A dateline found at the head of a paragraph."""

    place: str
    """The place as written, without its country, region or agency ("MONS", "Genève")."""
    text: str
    """The paragraph after the dateline."""
    date: str | None
    """The date written in the dateline, if any ("31 January 2023", "2 janvier")."""


@cache
def _cap() -> str:
    """A capitalised word of a place name; a hyphen only inside it ("Saint-Malo", not the "--" after "PARIS")."""
    return rf"[{upper_class()}](?:[\w’'.]|-(?=\w))*"


@cache
def _country() -> str:
    """A country or region after the place's comma: capitalised words that do not open a date ("March 21")."""
    months = alternation(w.rstrip(".") for code in languages() for names in pack(code).months for w in names)
    cap = _cap()
    # (An elided particle in small letters inside the name: "Côte d’Ivoire", "Côte d'Ivoire".)
    word = rf"(?:[^\W\d_]{{1,2}}[’'])?{cap}"
    return rf"(?!{months}\b){cap}(?:[ \u00a0]{word}){{0,2}}"


@cache
def _place() -> str:
    # Capitals of every script a place may be written in ("Αθήνα", "Київ", "ŁÓDŹ").
    cap = _cap()
    link = alternation(w for code in languages() for w in pack(code).dateline.place_links)
    # (A link word in capitals too, in a place written in capitals: "LAS PALMAS DE GRAN CANARIA".)
    one = rf"{cap}(?:[ \u00a0](?:(?i:{link})[ \u00a0]?)?{cap}){{0,3}}"
    return rf"{one}(?:/{one})?"


@cache
def _date_text() -> str:
    """A written date in a dateline: with a year, or a day and a month word ("2 janvier")."""
    link = alternation(w for code in languages() for w in pack(code).dates.date_links)
    months = alternation(w.rstrip(".") for code in languages() for names in pack(code).months for w in names)
    weekdays = alternation(w.rstrip(".") for code in languages() for names in pack(code).weekdays for w in names)
    # A date starts with its day, its month or its weekday ("31 January 2023", "March 21, 2017", "le 7 mars 2023").
    articles = alternation(w for code in languages() for w in pack(code).people.role_articles)
    opening = rf"(?:(?i:{articles})[ \u00a0]+)?(?:(?i:{weekdays})\.?,?[ \u00a0]+)?(?:\d|(?i:{months})\b)"
    # With a year: "31 January 2023", "15-mayo-2024"; without: "2 janvier", and month first "abr. 18".
    return (
        rf"(?:{opening}[\w .,/\u00a0-]{{0,25}}?\d{{4}}|\d{{1,2}}(?:[^\W\d_]{{1,3}}|º)?[ \u00a0]+(?:{link}[ \u00a0]+)?[^\W\d_]{{3,}}\.?"
        rf"|(?i:{months})\.?[ \u00a0]+\d{{1,2}}(?!\d))"
    )


_COLON_REACH = 60  # a dateline ending with a colon ends within this many characters
# A capital district's initials after a city, part of its name: "Washington, D.C.", "Tegucigalpa, M.D.C."
# (not a state's, "ALBUQUERQUE, N.M.", which is the region after the city).
_DISTRICT = re.compile(r"(?:M\.)?D\.C\.|DC")
_SEPARATOR = r"(?:[ \u00a0]*[–—][ \u00a0]*|[ \u00a0]+-[ \u00a0]+|[ \u00a0]*--[ \u00a0]*|\.[ \u00a0]?[-–—][ \u00a0]*|(?<=\))-[ \u00a0]*)"
# "(Geneva) – …": a place in brackets, then the separator.
_BRACKETED = re.compile(r"\(([^()]{2,40})\)(" + _SEPARATOR + r")(?=\S)")
_YEAR = re.compile(r"\d{4}")


def _has_separator(text: str) -> bool:
    """``text`` holds one of the dashes of ``_SEPARATOR`` (" – ", "—", " - ", "--", ".-")."""
    # Single characters first (memchr speed); the hyphen's forms only when there is a hyphen.
    return (
        "–" in text
        or "—" in text
        or ("-" in text and ("--" in text or " -" in text or "\u00a0-" in text or ".-" in text or ")-" in text))
    )


@cache
def _dateline() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<place>{_place()})"
        rf"(?:,[ \u00a0](?P<country>{_country()})|(?:[ \u00a0]?|--)\((?P<paren>[^()]{{2,40}})\))?"
        # (A day alone before an agency in brackets: Europa Press's "MADRID, 20 (EUROPA PRESS) -".)
        # (A semicolon after the region, on Mexican government pages: "Tapachula, Chiapas; 22 de abril de 2026.-".)
        rf"(?:[,;]?[ \u00a0]+(?P<date>{_date_text()}|\d{{1,2}}(?=[ \u00a0]*\([^()]{{2,30}}\))))?"
        r"(?:[ \u00a0]*/[^/\s][^/]{1,30}/|[ \u00a0]*\((?P<agency>[^()]{2,30})\))?"  # "/PRNewswire/", "(GLOBE NEWSWIRE)"
        r"(?:/(?=[ \u00a0]*[-–—]))?"  # "ADDIS ABABA, Ethiopia, 3 June 2025/ -": a slash before the dash
        rf"(?:{_SEPARATOR}|(?<=\d{{4}})\.?[ \u00a0]+(?=[{upper_class()}])|(?P<colon>[ \u00a0]*:[ \u00a0]+)"
        # (A date and an agency, then the body without a dash: "MADRID, 20 (EUROPA PRESS)" ¶ "Navalia …",
        # "Ipiales (Nariño), 4 de julio de 2025 (@infopresidencia). El presidente …".)
        rf"|(?(agency)(?(date)\.?[ \u00a0]*\n?(?=[{upper_class()}])|(?!x)x)|(?!x)x))"
        r"(?=\S)"
    )


@cache
def _date_first() -> re.Pattern[str]:
    articles = alternation(w for code in languages() for w in pack(code).people.role_articles)
    return re.compile(
        rf"(?:(?i:{articles})[ \u00a0]+)?(?P<date>[^–—\n]{{4,40}}?\d{{4}})(?:{_SEPARATOR}|,[ \u00a0]+)"
        rf"(?P<place>{_place()})"
        rf"(?:,[ \u00a0](?P<country>{_country()})|(?:[ \u00a0]?|--)\((?P<paren>[^()]{{2,40}})\))?"
        rf"(?:{_SEPARATOR}(?P<org>[^–—]{{2,80}}?))?(?:{_SEPARATOR}|$)"
    )


def _spaces(text: str) -> int:
    return text.count(" ") + text.count("\u00a0")


@cache
def _most_place_spaces() -> int:
    """The most spaces a place of ``_place()`` holds: two names of four words, each pair joined by a link word.

    Each of the three joints of a name is a space, a link word (its own
    spaces too) and maybe a space.  A headline longer than that, without the
    comma or the bracket a country, an agency or a date would need, is no
    place line: the pattern, slow on a headline in capitals, need not run.
    """
    link = max((_spaces(w) for code in languages() for w in pack(code).dateline.place_links), default=0)
    return 2 * 3 * (2 + link)


@cache
def _place_alone() -> re.Pattern[str]:
    """A line that is a place, with its country or agency and a date: "Brussels, 4 April 2019", "New York"."""
    return re.compile(
        rf"(?P<place>{_place()})(?:,[ \u00a0](?P<country>{_country()})|(?:[ \u00a0]?|--)\((?P<paren>[^()]{{2,40}})\))?"
        # (Without a comma before a date in figures only: "Strasbourg 21/02/2024".)
        rf"(?:(?:,[ \u00a0]*|(?<=\))[ \u00a0]*|[ \u00a0](?=\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}$))(?P<date>{_date_text()})"
        r"(?:[ \u00a0]*[,–—-][^–—]{0,60})?"
        # (A day alone, then the agency: Europa Press's "MADRID, 20 (EUROPA PRESS)" on its own line.)
        r"|,[ \u00a0]*(?P<day>\d{1,2})[ \u00a0]*\((?P<agency>[^()]{2,30})\)(?:[ \u00a0]*[–—-])?)?"
    )


@cache
def _person_words() -> frozenset[str]:
    """Lower-case words of ranks, titles and courtesy words, in every pack."""
    words: set[str] = set()
    for code in languages():
        people = pack(code).people
        for phrase in (*people.ranks, *person_titles(code)):
            # A title's or a rank's head, the noun a person is called by ("representante", "general"), not
            # the adjectives before it that places share ("Alto Comisionado" and "Alto Hospicio").
            words.update(w for w in normalize(phrase).lower().split()[-1:] if len(w) > 3 or w.endswith("."))
        # Courtesy words are short ("Mr", "M.") but never part of a place name.
        words.update(normalize(w).lower() for w in people.honorifics)
        # A transcript's question or moderation label ("THE MODERATOR: Good afternoon") is no place either.
        words.update(
            normalize(w).lower()
            for w in (*pack(code).quotes.transcript_questions, *pack(code).quotes.transcript_answers)
            if " " not in w and len(w) > 1  # (one letter, "A", "R": a place's word too, "A Coruña"; see below)
        )
    return frozenset(words)


@cache
def _label_phrases() -> frozenset[str]:
    """The packs' section labels and kinds of document, folded ("press release", "communiqué"): a line's
    label before a dash ("Press Release No. 12 –", "Entretien –") is no place."""
    return frozenset(fold(w) for code in languages() for w in pack(code).header.reference) | header_phrases()


def _is_place(place: str, country: str | None) -> bool:
    person = _person_words()
    words = place.replace("\u00a0", " ").split()
    if len(words) == 1 and len(words[0].rstrip(".")) <= 1:
        return False  # "R - Non, l'Europe …", "Q. …": an interview's label, no place has one letter
    if len(words) == 1 and any(words[0].lower() in stopwords(code) for code in languages()):
        return False  # "On 4 March 2021 – …", "In Brussels – …" open a sentence, not a dateline
    labels = _label_phrases()
    folded = fold(place).split()
    if any(" ".join(folded[:n]) in labels for n in range(1, min(3, len(folded)) + 1)):
        return False  # "Entretien – …", "Press Release No. 7 – …": a section label
    if any(w.lower().rstrip(".") in person or w.lower() in person for w in words):
        return False  # (with its dot: "Pregunta.– …", an interview's label)
    if len(words) == 1 and any(
        words[0].lower() in adjectives(code) and words[0].lower() not in country_names(code) for code in languages()
    ):
        return False  # "Japanese", "Français": a language switcher or a nationality, no place
    of_country = country is not None and any(country_code(country, code) for code in languages())
    if not of_country and any(find_organization(place, code) for code in languages()):
        return False  # (a body's seat with its country is a place: "SHAPE, Belgium –")
    if country is None or of_country:
        return True
    # A region that is not a country ("Norfolk, Virginia"): still a place unless it names a person or body.
    region = country.replace("\u00a0", " ").split()
    if all(len(w.rstrip(".")) == 1 for w in region):
        return True  # a district's initials ("Santo Domingo, D. N.,"), not a courtesy word ("D." is Don's)
    return not any(w.lower() in person for w in region) and not any(
        find_organization(country, code) for code in languages()
    )


def _names_organization(text: str) -> bool:
    return any(find_organization(text, code) for code in languages())


def _is_date(text: str) -> bool:
    """``text`` names a day: a full date, or a day and a month ("2 janvier")."""
    if parse_event_dates(text) is not None:
        return True
    words = text.replace(",", " ").split()
    return any(month_number(w) is not None for w in words) and any(w.rstrip("ºerth.").isdigit() for w in words)


@cache
def _date_articles() -> frozenset[str]:
    """The articles that may open a written date ("le 13 mars 2025", "el 3 de marzo"), in small letters."""
    return frozenset(w.casefold() for code in languages() for w in pack(code).people.role_articles)


def _bare_date(date: str) -> str:
    """``date`` without its article and surrounding commas: "le 13 mars 2025" → "13 mars 2025"."""
    date = date.strip(" ,")
    head, _, rest = date.partition(" ")
    return rest if rest and head.casefold() in _date_articles() else date


_SHORT_REACH = 60  # characters: where a dateline's "(mon. D/YY)" would close
_LIST_REACH = 80  # characters after a colon where a label's list of items would show its semicolons


# "Bogotá (jul. 17/25). La ministra …", "Bogotá, (jun. 12/25). …": a place, then in brackets the month's
# abbreviation, the day and a two-digit year (Colombia's government sites), then a full stop.
_SHORT_DATED = re.compile(
    r"(?P<place>[^\W\d_][^(),.;:]{1,40}?),?[ \u00a0]*\((?P<m>[^\W\d_]{3,10})\.?[ \u00a0]*(?P<d>\d{1,2})/(?P<y>\d{2})\)"
    r"\.?[ \u00a0]+(?=\S)"
)


def _short_dated(paragraph: str) -> Dateline | None:
    """The dateline ``Place (mon. D/YY).`` at the head of ``paragraph``, its date written out in ISO form."""
    m = _SHORT_DATED.match(paragraph)
    if m is None:
        return None
    month = month_number(m.group("m"))
    if month is None or not _is_place(m.group("place"), None):
        return None
    try:
        day = _dt.date(2000 + int(m.group("y")), month, int(m.group("d")))
    except ValueError:
        return None
    return Dateline(m.group("place").strip(), paragraph[m.end() :], day.isoformat())


def read_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the head of ``paragraph``, or ``None``."""
    if "/" in paragraph[:_SHORT_REACH] and "(" in paragraph[:_SHORT_REACH]:
        short = _short_dated(paragraph)
        if short is not None:
            return short
    # Every dateline ends with a dash (``_SEPARATOR``) or with a year: a text with neither (most
    # headlines) holds none, and the patterns, which backtrack over every word of a headline in
    # capitals, need not run.  A date first ("Le 17 février 2022 – Bruxelles") needs both.
    dashed = _has_separator(paragraph)
    if (
        not dashed
        and _YEAR.search(paragraph) is None
        and ":" not in paragraph[:_COLON_REACH]
        and ")" not in paragraph[:_SHORT_REACH]  # "MADRID, 20 (EUROPA PRESS) Navalia …": an agency's bracket
    ):
        return None
    bracketed = _BRACKETED.match(paragraph) if dashed and paragraph.startswith("(") else None
    # One word only ("(Geneva) –", "(Beirut) –"): "(Sports Network) -" credits an agency, it names no place.
    if bracketed is not None and " " not in bracketed.group(1).strip() and _is_place(bracketed.group(1), None):
        return Dateline(bracketed.group(1), paragraph[bracketed.end() :], None)  # "(Geneva) – …" (HRW)
    m = _dateline().match(paragraph)
    if m is not None:
        country = m.group("country") or m.group("paren")
        date = m.group("date")
        paren = m.group("paren")
        if date is None and paren is not None and _is_date(paren):
            date, country = paren, None  # "GENEVA (2 May 2023) –"
        elif country == paren and paren is not None and _names_organization(paren):
            country = None  # "Genève (CICR) –", "GENÈVE (OIT Infos) –": the agency that files it, after the place
        agency = m.group("agency")
        if date is None and agency is not None and _is_date(agency):
            date = agency  # "GLAND, Switzerland (3 June 2025) –": the date in brackets after the country
        # "Asunción, Paraguay: An International …", "NEW DELHI: The …": a colon ends a dateline only after
        # a place with its country or a place in capitals ("Note: …", "Contact: …" are labels).
        # After a date, too ("Addis-Abeba, 20 février 2025 : …").
        colon_ok = (
            m.group("colon") is None
            or m.group("country") is not None
            or m.group("place").isupper()
            or date is not None
            or _known_place(m.group("place"))  # "New Delhi: India's solar module makers …": a capital
        ) and not (  # "SUBJECTS: trade; tariffs; beef.": a list of short items right after the colon
            m.group("colon") and paragraph.count("; ", m.end(), m.end() + _LIST_REACH) >= 2
        )
        # "El Directorio de CAF –banco de desarrollo…– aprobó": a dash glued to a word in small letters opens
        # an aside, not the text after a dateline.
        aside = m.end() < len(paragraph) and paragraph[m.end() - 1] in "–—-" and paragraph[m.end()].islower()
        if (
            colon_ok
            and not aside
            and (date is None or _is_date(date.strip(" ,")) or (agency is not None and date.strip().isdigit()))
            and _is_place(m.group("place"), country)
        ):
            place = _without_stop(m.group("place"))
            if country is not None and _DISTRICT.fullmatch(country.strip()):
                # "Washington, D.C.", "Tegucigalpa, M.D.C.": a district's initials are the city's name, not a
                # region after it.
                place = f"{m.group('place')}, {country.strip()}"
            return Dateline(place, paragraph[m.end() :], _bare_date(date) if date else None)
    m = _date_first().match(paragraph) if dashed else None
    if m is not None and _is_date(m.group("date")) and _is_place(m.group("place"), m.group("country")):
        return Dateline(m.group("place").strip(), paragraph[m.end() :], _bare_date(m.group("date")))
    return None


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split ``"Place – text"`` into ``("Place", "text")``; ``(None, paragraph)`` if there is no dateline.

    The place is kept as written ("BRUSSELS"), without the country, region
    or agency that may follow it ("MONS, Belgium" → "MONS").
    """
    found = read_dateline(paragraph)
    return (None, paragraph) if found is None else (found.place, found.text)


def _without_stop(place: str) -> str:
    """``place`` without a full stop typed before the dash ("SANTO DOMINGO. –"), not an abbreviation's
    ("WASHINGTON, D.C. –", "Tegucigalpa, M.D.C.")."""
    place = place.strip()
    last = place.rsplit(None, 1)[-1] if place else ""
    if last.endswith(".") and last.count(".") == 1 and len(last) > 4:
        return place[:-1]
    return place


DASH_BETWEEN = re.compile(r"[ \u00a0]+[–—-][ \u00a0]+")
"""A dash with spaces around it, between a label and a place or the parts of a motto ("Paix – Travail")."""


_WIRE_LABEL_WORDS = 3


def _known_place(text: str) -> bool:
    """Whether ``text`` is a capital city the tables know (``data/capitals.toml``), in any spelling they hold."""
    from ..locale.tables import capitals

    return " ".join(text.split()).casefold() in capitals()


def place_line(line: str) -> tuple[str, str | None] | None:
    """A dateline written as a line of its own: ``(place, date)`` or ``None``.

    ``"Brussels, 4 April 2019"`` → ``("Brussels", "4 April 2019")``;
    ``"New York"`` → ``("New York", None)``;
    ``"November 24, 2021 – Ottawa, Ontario – Global Affairs Canada"`` →
    ``("Ottawa", "November 24, 2021")``.
    """
    text = line.strip().removesuffix(".-").rstrip(".")  # "Ferrol (A Coruña), 14 de marzo de 2023."
    if text.endswith(":") and "--(" in text:
        # "PARIS--(BUSINESS WIRE)--Regulatory News :": a wire's dateline, then the label of its kind of news.
        wired = read_dateline(text)
        if wired is not None and word_count(wired.text) <= _WIRE_LABEL_WORDS:
            return wired.place, wired.date
    if not text or text[-1] in ":;!?":
        return None
    if " | " in text:
        # "Asunción | 20 de mayo de 2025", "Communiqué de presse – Lausavie | 8 avril 2025": a bar between
        # the place (after a section label and its dash) and the date, as a page's meta line prints them.
        parts = [p.strip() for p in text.split(" | ") if p.strip()]
        if len(parts) == 2 and _is_date(parts[1]):
            place = parts[0]
            labelled = DASH_BETWEEN.split(place, maxsplit=1)
            if len(labelled) == 2 and _is_label(labelled[0]):
                place = labelled[1]
            found = place_line(f"{place}, {parts[1]}") if " | " not in place else None
            if found is not None:
                return found
    labelled = DASH_BETWEEN.split(text, maxsplit=1)
    if len(labelled) == 2 and _is_label(labelled[0]):
        # "Communiqué de presse – Bruxelles, le 12 mars 2025": a section label, its dash, then the place line.
        # (With its date: "Doorstop interview – Brisbane" is a transcript's headline.)
        found = place_line(labelled[1])
        if found is not None and found[1] is not None:
            return found
    if len(labelled) == 2 and _is_date(labelled[1]) and _known_place(labelled[0]):
        # "Brussels - 03/06/2025": a capital, a dash, the page's date (as "Brussels, 03/06/2025"); not a section's
        # name ("Daily News - 03/06/2025"): only a place the tables know.
        found = place_line(f"{labelled[0]}, {labelled[1]}")
        if found is not None and found[1] is not None:
            return found
    if text.split(None, 1)[0].casefold() in byline_words():
        return None  # "Par Mélanie Gagnon", "By U.S. Embassy Manila": a byline, not a place
    alone = read_dateline(text + " ⁠")
    if alone is not None and alone.text == "⁠":
        return alone.place, alone.date  # "WASHINGTON –", "PARIS--(BUSINESS WIRE)--": a dateline, then the line ends
    m = _date_first().fullmatch(text) if _has_separator(text) else None  # its date ends with a dash
    if (
        m is not None
        and _is_date(m.group("date"))
        and _is_place(m.group("place"), m.group("country"))
        and not _is_label(m.group("place"))
    ):
        return m.group("place").strip(), _bare_date(m.group("date"))
    if "," not in text and "(" not in text and _spaces(text) > _most_place_spaces():
        return None  # no country, agency or date can follow the place, and the line is too long to be one
    m = _place_alone().fullmatch(text)
    if m is None:
        return None
    date = m.group("date")
    if date is not None and not _is_date(date.strip(" ,")):
        return None
    if date is not None and line.rstrip().endswith((".", "!", "?")) and len(text[m.end("date") :].split()) > 3:
        # "WELLINGTON, 10 June 2025 – Police searched four addresses.": a sentence after the date is the
        # body's first paragraph opening with its dateline, not an organisation's name after a dateline line.
        return None
    if not _is_place(m.group("place"), m.group("country") or m.group("paren")):
        return None
    if date is None and _unaccented(m.group("place").split()[0]) in _state_nouns():
        return None  # "REPUBLIQUE DU CAMEROUN": a letterhead's state, not a dateline's place
    if date is None and "." in text:
        return None  # "GOV.UK", "gouvernement.fr": a site's name, not a place
    if date is None and _is_label(text):
        return None  # "Published", "Press Operations": a header label, not a place
    if date is None and any(w.casefold() in _body_words() for w in _without_place_suffix(text.split())):
        return None  # "European Commission", "Ministère des Armées": a publisher's name on its own line
    country = m.group("country")
    if country is not None and _DISTRICT.fullmatch(country.strip()):
        return f"{m.group('place').strip()}, {country.strip()}", _bare_date(date) if date else None
    return m.group("place").strip(), _bare_date(date) if date else None


@cache
def _labels() -> frozenset[str]:
    return header_phrases() | stamp_labels()


@cache
def _label_words() -> frozenset[str]:
    """The words of the packs' labels and furniture phrases ("press", "prensa", "communiqué")."""
    return frozenset(w for phrase in _labels() for w in phrase.split() if len(w) > 3)


def _is_label(text: str) -> bool:
    """A stamp label, a section label or a furniture phrase, or a line made with one of their words."""
    key = fold(text)
    return key in _labels() or any(w in _label_words() for w in key.split())


@cache
def _state_nouns() -> frozenset[str]:
    """The nouns of states' formal names in every pack, without accents ("republique", "kingdom")."""
    return frozenset(_unaccented(w) for code in languages() for w in pack(code).countries.state_nouns)


def _unaccented(word: str) -> str:
    """``word`` folded without its accents: a letterhead in capitals drops them ("REPUBLIQUE")."""
    return "".join(c for c in unicodedata.normalize("NFD", fold(word)) if not unicodedata.combining(c))


@cache
def _place_suffixes() -> frozenset[str]:
    return frozenset(w.casefold() for code in languages() for w in pack(code).dateline.place_suffixes)


def _without_place_suffix(words: list[str]) -> list[str]:
    """``words`` without a last word that ends a place's name ("QUEZON CITY"; not "City" alone)."""
    return words[:-1] if len(words) > 1 and words[-1].casefold() in _place_suffixes() else words


@cache
def _body_words() -> frozenset[str]:
    """Words that name a body, not a place ("Commission", "Ministère"): the packs' ``not_names``."""
    return frozenset(w.casefold() for code in languages() for w in pack(code).people.not_names if len(w) > 3)
