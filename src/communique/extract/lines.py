"""The lines of a pasted page, each classified by what it says.

A page copied from a browser is the release plus whatever the site prints
around it: skip links, menus, breadcrumbs, share buttons, cookie notices,
section labels, document numbers, date lines, stamps, footers.  This module
gives every line one :class:`Kind` from what the line *says* (the words of the
language packs and a few shapes that mean the same in every language), never
from where it stands; :mod:`communique.extract.segment` then reads the
sequence of kinds to find the title, the header and the body.

A line that packs several header items with ``|`` ("Press release | 31
January 2023 | Brussels", "Title 28 Feb. 2020 - | Last updated: …") is split
into pieces, one :class:`Line` each, sharing the line number.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from functools import cache

import attrs

from ..errors import ParseError
from ..locale import languages, pack
from ._data import alternation, fold, word_count
from .dateline import DASH_BETWEEN, place_line
from .dates import (
    DateStamp,
    LineDates,
    leading_event_dates,
    parse_event_dates,
    parse_stamp,
    trailing_event_dates,
    yearless_event_dates,
)
from .vocab import header_phrases, stamp_labels

__all__ = ["Kind", "Line", "classify_lines", "is_end_mark", "is_prose", "is_split_label", "last_crumb", "word_count"]


class Kind(enum.Enum):
    """What a line of a page is."""

    FURNITURE = "furniture"
    """Site furniture: menus, skip links, share bars, cookie notices, section labels, breadcrumbs."""
    DATE = "date"
    """The page's date or the event's dates ("22 May. 2018 - 23 May. 2018", "Date: 12 March 2021")."""
    STAMP = "stamp"
    """A labelled publication or update stamp ("Last updated: 23 May. 2019 10:05")."""
    REFERENCE = "reference"
    """The publisher's document number ("SG/SM/21234", "Press Release (2019) 123")."""
    LABEL = "label"
    """A ``Label: value`` line for a header field ("Source: NATO", "From: Ministry of Defence")."""
    END = "end"
    """An end mark ("###", "– FIN –"): what follows is contacts and boilerplate."""
    TEXT = "text"
    """Anything else: a title, a subtitle, a place, a paragraph line."""


@attrs.define(slots=True)
class Line:
    """One classified line (or one ``|``-separated piece of a line) of a page.

    Not frozen: the classifier builds one per line of every page, and a frozen class
    sets each field through ``object.__setattr__`` (twice the cost); nothing changes
    a line once made.
    """

    number: int
    """1-based line number in the page, for error messages."""
    text: str
    """The line without its bullet, its spaces collapsed."""
    kind: Kind
    block: int
    """Index of the blank-line-separated block the line belongs to."""
    piece: bool = False
    """The line was one of several ``|``-separated pieces."""
    bullet: bool = False
    """The line started with a bullet."""
    dates: tuple[_dt.date, _dt.date | None] | None = None
    stamp: DateStamp | None = None
    value: str | None = None
    """A reference's number, a label's value."""
    field: str | None = None
    """A label's field: ``"source"`` or ``"url"``; ``"place"`` for a dateline line's place; ``"yearless"``."""
    read: LineDates | None = attrs.field(default=None, eq=False, repr=False)
    """What ``text`` reads as, when the classifier parsed this very text as a stamp and as event dates."""
    words: int = attrs.field(init=False, eq=False, repr=False)
    """Words in the text (computed once: every rule that weighs a line reads it)."""
    prose: bool = attrs.field(init=False, eq=False, repr=False)
    """The text is running text (see :func:`is_prose`)."""

    def __attrs_post_init__(self) -> None:
        self.words = self.text.count(" ") + 1
        self.prose = _is_prose(self.text, self.words)


_BULLET = re.compile(r"\s*(?:[•·▪◦‣∙*]|-(?=\s)|–(?=\s))\s*")
# Runs of ordinary spaces and tabs are one space; no-break and thin spaces are kept (French typography).
_SPACES = re.compile(r"[ \t\f\v]+")
# Shapes that are furniture in every language: a bare address, an e-mail, a telephone number,
# a copyright line, a line of symbols.
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A telephone number, with or without a short label before it ("Tel.: +32 2 707 50 41").
_PHONE = re.compile(r"(?:[^\W\d_]{1,12}\.?\s*:?\s*)?\+?[\d ()./-]{7,}")
_SYMBOLS = re.compile(r"[\W_]+")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright\b)", re.IGNORECASE)
# Separators of breadcrumbs and share bars ("Home / News / 2019", "Share | Print | E-mail").
_CRUMB_SEPARATOR = re.compile(r"\s+[/|>›»·•]\s+|\s*[›»>]\s*")
_CRUMB_MARKS = "/|>›»·•"  # what each of its separators holds
_CRUMB_HEAD = 48  # characters: a long breadcrumb's first separator stands within them
# A furniture phrase, then a separator ("Accès rapide : Accueil"); a site name and a label ("NATO - News").
_HEAD_SEPARATOR = re.compile(r"\s*[|›»>:/]\s*")
_HEAD_MARKS = "|›»>:/"
_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+")
_DASHES = "-–—"
# A document number: capitals and digits joined by "/" or "-", with a digit somewhere
# ("SG/SM/21234", "IP/23/1234", "NR-099-17", "PR/CP(2021)045").
_DOC_NUMBER = re.compile(
    r"(?=[^\s]*\d)[A-Z]{1,10}(?:\s?[/-]\s?|\()[A-Z0-9()]{1,10}(?:[/.-][A-Z0-9()]{1,10}){0,4}(?:-rev\d)?"
)
# "2024-131-EN", "112/2024": a number first, then parts joined by a slash or a hyphen (a date is read before).
# It holds a capital letter: "12/05" or "2019-2024" alone are no document numbers.
_NUMBERED_DOC = re.compile(r"(?=[0-9A-Z/-]*[A-Z])\d{1,4}(?:[/-][A-Z0-9]{1,10}){1,4}")
# The longest header item seen: "Mise à jour : 16/06/2021 - Direction : Direction de la communication…".
_LONGEST_DATA_LINE = 25
# A consent banner is a few sentences; a longer paragraph that mentions cookies is content.
_LONGEST_BANNER = 60
# "November 24, 2021 – Ottawa, Ontario – Global Affairs Canada", "March 21, 2023 04:00 AM Eastern Daylight Time".
_LONGEST_DATE_LINE = 14
_LONGEST_REFERENCE = 8  # "Communiqué de presse (2021) 045", "Release No: NR-099-17"
_DIGIT = re.compile(r"\d")
_ANY_YEAR = 2000  # a leap year: "29 February" is a day in some year
_NUMBERED = re.compile(r"\d{1,2}\.\s+\S")
# Runs of three spaces or a tab separate the items of a menu or of a flattened header line.
_EDGE_DASHES = "–—"  # dashes a piece may keep at its edge from the separator beside it
_WIDE_GAP = re.compile(r"[ \u00a0]{3,}|\t")
# What separates the items of a flattened header line: "|", a middle dot or a bullet between spaces, a wide gap.
_PIECE = re.compile(r"\||\s[·•]\s|[ \u00a0]{3,}|\t")
_GAP = re.compile(r"\S {2}\S")
# A sentence's end: its mark, then maybe a closing quotation mark or bracket after spaces.
_SENTENCE_MARKS = (".", "!", "?", "…")
_CLOSERS = ("»", "”", '"', "’", ")", "]")


def is_prose(text: str) -> bool:
    """A sentence or more of running text, not a heading: ends like a sentence and is long enough, or is long."""
    return _is_prose(text, word_count(text))


def _is_prose(text: str, words: int) -> bool:
    if words >= 8 and text.endswith(":"):
        return True  # "The Minister said:", "… provided the following readout:": a sentence that introduces more
    return (words >= 10 and _ends_sentence(text)) or words >= 45


def _ends_sentence(text: str) -> bool:
    """``text`` ends like a sentence: ``[.!?…]``, maybe then spaces and one of ``»”"’)]``.

    Read from the end, so that the cost does not grow with the line (a pattern
    anchored at ``$`` is still tried at every position of a paragraph).  As
    with ``$``, a final newline is ignored.
    """
    if text.endswith("\n") and _ends_sentence_here(text[:-1]):
        return True
    return _ends_sentence_here(text)


def _ends_sentence_here(text: str) -> bool:
    if text.endswith(_SENTENCE_MARKS):
        return True
    # str.rstrip() strips exactly what the pattern's ``\s`` matches (Unicode white space).
    return text.endswith(_CLOSERS) and text[:-1].rstrip().endswith(_SENTENCE_MARKS)


@cache
def _furniture() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """Whole-line phrases, the words that make any line furniture, and the phrases that open a furniture line."""
    phrases = header_phrases()
    words = [w for code in languages() for w in pack(code).header.furniture_words]
    # A phrase of two words or more is specific enough to mark a line it opens
    # ("An official website of the European Union How do you know?", "Skip to content Menu").
    openers = [p for p in phrases if " " in p]
    return (
        phrases,
        re.compile(rf"(?<!\w){alternation(words)}(?!\w)", re.IGNORECASE),
        re.compile(rf"{alternation(openers)}(?!\w)"),
    )


def _kind_headline(key: str, opener: str) -> bool:
    """Whether a line that opens with a kind of document goes on as a headline does: "Joint statement on the
    Australia-Japan-United States Trilateral Strategic Dialogue", "Déclaration du Haut Représentant sur …" —
    three words or more after it, the first in small letters (a link word, not the next menu item)."""
    if opener not in _kinds():
        return False
    rest = key[len(opener) :].split()
    if len(rest) >= _LONG_HEADLINE_REST:
        # "Point de presse conjoint du secrétaire général de l'OTAN, X, et de …": no menu runs that long.
        return True
    return len(rest) >= _HEADLINE_REST and rest[0].isalpha() and rest[0].islower() and len(rest[0]) <= _LINK_LENGTH


_HEADLINE_REST = 3
_LONG_HEADLINE_REST = 6
_LINK_LENGTH = 5  # letters of a link word ("on", "by", "sur", "sobre", "about")


@cache
def _kinds() -> frozenset[str]:
    return frozenset(fold(w) for code in languages() for w in pack(code).header.reference)


@cache
def _kind_prefix() -> re.Pattern[str]:
    """A kind of document (``header.reference`` of every pack, folded) and a separator at the head of a line."""
    kinds = {fold(w) for code in languages() for w in pack(code).header.reference}
    # (An issuer or a number may stand between the kind and its separator: "Point de presse SWISSCOY 53 : …".)
    return re.compile(rf"{alternation(kinds)}(?:[ \u00a0]+[^\s:–—|-]+){{0,2}}[ \u00a0]*(?::|[–—|-])[ \u00a0]*")


@cache
def _end_mark_length() -> int:
    """The longest end mark of any pack, with room for the spaces around it: longer lines need no test."""
    return max((len(m) for code in languages() for m in pack(code).header.end_marks), default=0) + 4


@cache
def _end_marks() -> frozenset[str]:
    return frozenset(fold(m) for code in languages() for m in pack(code).header.end_marks)


@cache
def _label_re() -> re.Pattern[str]:
    names: dict[str, list[str]] = {"source": [], "url": []}
    for code in languages():
        names["source"] += pack(code).header.source
        names["url"] += pack(code).header.url
    alts = "|".join(f"(?P<{key}>{alternation(words)})" for key, words in names.items())
    return re.compile(rf"(?:{alts})\s*:\s*(?P<value>\S.*)", re.IGNORECASE)


def _label_alone(text: str) -> bool:
    """Whether ``text`` is a source label of several words alone on its line ("News provided by")."""
    return " " in text and _label_alone_re().fullmatch(text.strip()) is not None


@cache
def _label_alone_re() -> re.Pattern[str]:
    labels = [w for code in languages() for w in pack(code).header.source if " " in w]
    return re.compile(alternation(labels), re.IGNORECASE)


def is_split_label(label: str, value: str) -> bool:
    """Whether ``label`` ("From:") is a header label whose value is the next line ``value``."""
    return label.endswith(":") and word_count(label) <= 3 and _label_re().fullmatch(f"{label} {value}") is not None


# A count a CMS prints after its stamp: one word, a colon, a number ("Affichages : 5127", "Hits: 312").
_COUNTER = re.compile(r"[ \u00a0|·–-]+[^\W\d_]+[ \u00a0]?:[ \u00a0]?\d[\d \u00a0.,]*$")


@cache
def _reference_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    kinds: list[str] = []
    labels: list[str] = []
    for code in languages():
        kinds += pack(code).header.reference
        labels += pack(code).header.reference_labels
    # "Press Release (2019) 123", "Communiqué de presse (2019) 123", "Statement (2022) 045-rev1".
    cited = re.compile(rf"{alternation(kinds)}\s*\(\d{{4}}\)\s*[\w./-]+", re.IGNORECASE)
    # "SG/SM/21234", "Release No: NR-099-17", "Référence : 2021/045"; after the kind of document:
    # "PRESS RELEASE N°: 112/2024", "Información para la prensa N°: 214/24", "Boletín UNAM-DGCS-318".
    # ("Référence : Communiqué n° 018-2025/BRVM/DG": a label before the kind and its own label.)
    labelled = re.compile(
        rf"(?:(?:{alternation(labels)})\s*[:.]\s*(?={alternation(kinds)}\s))?"
        rf"(?:{alternation(kinds)}\s+)?"
        rf"(?:{alternation(labels)}\s*[:.]?\s*(?P<labelled>[\w/().-]*\d[\w/().-]*)"
        rf"|(?P<bare>(?-i:{_DOC_NUMBER.pattern}|{_NUMBERED_DOC.pattern})))",
        re.IGNORECASE,
    )
    return cited, labelled


def _find_reference(text: str) -> str | None:
    """A document number written inside ``text`` ("News Release 18/112" → "18/112")."""
    for token in text.split():
        if any(ch.isdigit() for ch in token) and re.fullmatch(r"[A-Z0-9]{1,10}(?:[/-][A-Z0-9]{1,10}){1,4}", token):
            return token
    return None


@cache
def _embargo_openings() -> tuple[str, ...]:
    return tuple(
        sorted({fold(w) for code in languages() for w in pack(code).header.embargo_labels}, key=len, reverse=True)
    )


def _is_embargo(text: str) -> bool:
    """An embargo notice with its date: "Attention embargo jusqu’au mardi 15 avril 2025, 17 heures"."""
    key = fold(text)
    return any(
        key.startswith(opening) and not key[len(opening) : len(opening) + 1].isalnum()
        for opening in _embargo_openings()
    )


def is_end_mark(text: str) -> bool:
    """``text`` is an end mark ("###", "-30-", "– FIN –")."""
    return fold(text) in _end_marks()


@cache
def _furniture_words() -> tuple[str, ...]:
    """The packs' furniture words, casefolded, without those that hold another ("cookies" holds "cookie").

    They are only a substring test before the whole-word pattern: a line that
    holds "cookies" holds "cookie", so the longer word needs no test of its own.
    """
    words = sorted({w.casefold() for code in languages() for w in pack(code).header.furniture_words}, key=len)
    kept: list[str] = []
    for word in words:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


def _has_furniture_word(text: str) -> bool:
    # A substring test first (C speed); the whole-word pattern only confirms the rare hit.
    low = text.casefold()
    for word in _furniture_words():
        if word in low:
            return _furniture()[1].search(text) is not None
    return False


_LONGEST_JOINED_LABEL = 8  # words: "Meetings Coverage and Press Releases"


@cache
def _label_joiner() -> re.Pattern[str]:
    """The packs' list joiners between two labels of a line ("and", "et", "y", "&", a comma)."""
    words = {fold(w) for code in languages() for w in pack(code).people.list_joiners}
    return re.compile(rf"\s*(?:,|&|\s(?:{alternation(words)})\s)\s*")


def _joined_phrases(key: str, phrases: frozenset[str]) -> bool:
    """Whether the folded line ``key`` is two furniture phrases or more joined by list joiners."""
    parts = _label_joiner().split(key)
    return len(parts) >= 2 and all(part in phrases for part in parts)


def _is_furniture(text: str) -> bool:
    if len(text) > 2 and text[0] == "(" and text[-1] == ")" and _is_furniture(text[1:-1].strip()):
        return True  # "(Texte tel que prononcé – seul le prononcé fait foi)": a note, in brackets
    phrases, _, openers = _furniture()
    key = fold(text)
    if key in phrases or _has_furniture_word(text):
        return True
    kind = _kind_prefix().match(key)
    if kind is not None and word_count(key[kind.end() :]) >= 4:
        return False  # "Transcript: Monetary Policy Committee media briefing, June 2025": a headline with its kind
    opened = openers.match(key)
    if opened is not None and not _names_its_author(key, opened.end()) and not _kind_headline(key, opened.group()):
        return True
    if not text or _SYMBOLS.fullmatch(text):
        return True  # "|", "—", "***"
    if _is_language_switch(text):
        return True  # "EN FR", "DE | EN | FR": the site's language links
    if _COPYRIGHT.match(text) or _URL.fullmatch(text) or _EMAIL.fullmatch(text) or _PHONE.fullmatch(text):
        return True
    if word_count(text) <= _CONTACT_LINE_WORDS and _labelled_phone().search(text):
        return True  # "Avenue de l'Europe F-67075 Strasbourg Cedex  Tél. +33 (0)3 88 41 20 00": an address line
    # "Share | Print | E-mail", "Accès rapide : Accueil", "Home > News > 2019": a phrase, then a separator.
    if _has_any(key, _HEAD_MARKS):
        head = _HEAD_SEPARATOR.split(key, maxsplit=1)[0]
        if head != key and head in phrases:
            return True
    if _has_any(text, _DASHES) and word_count(text) <= 10:
        parts = [p.strip() for p in _DASH_SEPARATOR.split(text)]
        if len(parts) == 2 and any(fold(p) in phrases for p in parts):
            return True  # "European Commission - Press release": a site name and a section label
    if word_count(key) <= _LONGEST_JOINED_LABEL and _joined_phrases(key, phrases):
        return True  # "News and Press Releases", "Actualités et communiqués": section labels joined as one
    if _NUMBERED.match(text) and word_count(text) <= 6 and not _ends_sentence(text):
        return True  # "2. News", "3. Global Affairs Canada news": a numbered breadcrumb item
    return is_breadcrumb(text)


_CONTACT_LINE_WORDS = 20


@cache
def _labelled_phone() -> re.Pattern[str]:
    """A telephone number after its label, the labels of every pack (``header.phone_labels``): "Tél. +33 (0)3 88
    41 20 00", "Tel: 020 7946 0000", "Teléfono: (595) 21 …"."""
    labels = alternation(w.rstrip(".") for code in languages() for w in pack(code).header.phone_labels)
    return re.compile(rf"(?<!\w)(?i:{labels})\.?[ \u00a0]*:?[ \u00a0]*\+?\(?\d[\d \u00a0().-]{{6,}}")


_LONGEST_TAG_LINE = 10
_LONGEST_TAG = 4


def _tag_date_place(text: str) -> tuple[str, str, str] | None:
    """``(tag, date, place)`` of a line that is a short tag, a date, then a place ("GRECO 11 juin 2026 Strasbourg")."""
    words = text.split()
    for k in range(1, min(_LONGEST_TAG, len(words) - 2) + 1):
        rest = " ".join(words[k:])
        head = leading_event_dates(rest)
        if head is None:
            continue
        tail = head[0].strip(" ,|-–—")
        date_part = rest[: len(rest) - len(head[0])].rstrip(" ,|-–—")
        if not tail or word_count(tail) > 3 or not tail[:1].isupper() or _ends_sentence(tail):
            return None
        placed = place_line(f"{tail}, {date_part}")
        if placed is None or placed[0] != tail:
            return None
        return " ".join(words[:k]), date_part, tail
    return None


_LONGEST_SWITCH = 100  # the 24 languages of an EU site, as two-letter codes
# ISO 639-1 codes of the languages sites offer most: a line of two or more of them alone is a language switch.
_LANGUAGE_CODES = frozenset(
    [
        "ar",
        "bg",
        "ca",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "eu",
        "fi",
        "fr",
        "ga",
        "gl",
        "hr",
        "hu",
        "it",
        "ja",
        "ko",
        "lb",
        "lt",
        "lv",
        "mt",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sq",
        "sr",
        "sv",
        "tr",
        "uk",
        "zh",
    ]
)


def _is_language_switch(text: str) -> bool:
    if len(text) > _LONGEST_SWITCH or text[2:3] not in (" ", "|", "/", "·", "•", ","):
        return False  # (most lines: not two letters, then a separator)
    words = [w for w in re.split(r"[\s|/·•,]+", text) if w]
    return len(words) >= 2 and all(len(w) == 2 and w.lower() in _LANGUAGE_CODES for w in words)


@cache
def _kinds_and_links() -> tuple[frozenset[str], tuple[str, ...]]:
    """The kinds of document (folded) and the words that tie one to its author ("of", "du", "por")."""
    kinds = frozenset(fold(w) for code in languages() for w in pack(code).header.reference)
    links = {
        fold(w) for code in languages() for w in (*pack(code).people.role_links, *pack(code).header.subtitle_openers)
    }
    return kinds, tuple(sorted(links, key=len, reverse=True))


def _names_its_author(key: str, end: int) -> bool:
    """``key`` (a folded line) opens with a kind of document, ending at ``end``, that a headline goes on to
    name the author of: "Joint Statement of the Foreign Ministers of …", "Comunicado Conjunto de los
    Presidentes …" — a headline, not the section label it opens with."""
    kinds, links = _kinds_and_links()
    if key[:end] not in kinds:
        return False
    rest = key[end:].lstrip()
    return word_count(rest) >= 4 and any(
        rest.startswith(w + " ") or (rest.startswith(w) and w.endswith("’")) for w in links
    )


def _has_any(text: str, chars: str) -> bool:
    """``text`` holds one of ``chars``: the test before a split on separators made of them.

    One ``in`` per character runs at memchr speed; the separators' patterns
    would be tried at every position of the line, to split nothing.
    """
    return any(ch in text for ch in chars)


def last_crumb(text: str) -> str | None:
    """The last crumb of a breadcrumb trail ("Home / News / 2026 / X" → "X"), else ``None``."""
    if not is_breadcrumb(text):
        return None
    parts = [p.strip() for p in _CRUMB_SEPARATOR.split(text) if p.strip()]
    return parts[-1] if parts else None


def is_breadcrumb(text: str) -> bool:
    """Whether ``text`` is a breadcrumb trail ("Accueil > Discours publics", "Home / News / 2019")."""
    if not _has_any(text, _CRUMB_MARKS):
        return False  # no separator: one part
    parts = [p for p in _CRUMB_SEPARATOR.split(text) if p.strip()]
    # Two parts are enough after an arrow ("Media > Speeches and Transcripts"): a headline has no arrow; or
    # when both are the site's section names ("Presse / Communiqués de presse").
    # (Or when the last is one and the first is short: "News & Updates / Press Releases".)
    phrases = header_phrases()
    sections = len(parts) == 2 and (
        all(fold(p) in phrases for p in parts) or (fold(parts[-1]) in phrases and word_count(parts[0]) <= 3)
    )
    least = 2 if _has_any(text, "›>") or sections else 3
    if len(parts) < least or any(word_count(p) > 6 for p in parts[:-1]):
        return False
    # The last crumb may be the page's own long title ("Accueil > Actualités > Conférences de presse >
    # Conférence de presse de Mme X, ministre de …") once three short ones lead to it.
    return word_count(parts[-1]) <= 6 or len(parts) >= 4


def _classify(text: str, number: int, block: int, piece: bool, bullet: bool = False, gap: bool = False) -> list[Line]:
    """The line(s) ``text`` is; a TEXT piece of a split line may end with dates ("Title 28 Feb. 2020 -")."""
    words = text.count(" ") + 1  # the text's spaces are single (collapsed by the caller)
    if words > _LONGEST_DATA_LINE:
        # A paragraph: no date line, stamp, label or reference is this long; only a banner may be.
        kind = (
            Kind.FURNITURE
            if (words <= _LONGEST_BANNER and _has_furniture_word(text))
            # (A breadcrumb's separators come early, after short crumbs: a paragraph is not split to find none.)
            or (_has_any(text[:_CRUMB_HEAD], _CRUMB_MARKS) and is_breadcrumb(text))
            else Kind.TEXT
        )
        return [Line(number, text, kind, block, piece, bullet)]
    if _DIGIT.search(text) is None:
        # Every date, stamp and document number has a digit: a line without one is text, a label,
        # an end mark or furniture, and the date patterns need not run.
        return _classify_undated(text, number, block, piece, bullet)
    if _is_embargo(text):
        return [Line(number, text, Kind.FURNITURE, block, piece, bullet)]
    try:
        stamp = parse_stamp(text)
        # Two stamps: "Publié le 08/06/2026 – Mis à jour le 09/06/2026" also reads as one stamp with a tail.
        joined = stamp is None or _has_any(text, ",–—|·•-")
        pair = _two_stamps(text) if joined and words <= _LONGEST_DATE_LINE + 4 else None
        if pair is not None:
            stamp = None
        if stamp is None and pair is None and (counter := _COUNTER.search(text)) is not None:
            # "Mis à jour le 14 août 2025 Affichages : 5127": a CMS's stamp, then its count of views.
            stamp = parse_stamp(text[: counter.start()])
        if stamp is None and pair is None and _has_any(text, _DASHES):
            # "Communiqué financier – Publié le 25/04/2024 à 07h00 CEST": a section label, a dash, the stamp.
            parts = _DASH_SEPARATOR.split(text, maxsplit=1)
            if len(parts) == 2 and word_count(parts[0]) <= 4:
                stamp = parse_stamp(parts[1])
        if stamp is not None:
            return [Line(number, text, Kind.STAMP, block, piece, stamp=stamp, read=LineDates(stamp, None))]
        if pair is not None:
            # "Publicado el 3 de marzo de 2025, última modificación el 4 de marzo de 2025": both stamps.
            return [
                Line(number, part, Kind.STAMP, block, piece, stamp=value, read=LineDates(value, None))
                for part, value in pair
            ]
        dates = parse_event_dates(text) if words <= _LONGEST_DATE_LINE else None
        if dates is not None:
            return [Line(number, text, Kind.DATE, block, piece, dates=dates, read=LineDates(None, dates))]
        if words <= 6 and yearless_event_dates(text, _ANY_YEAR) is not None:
            # "Apr. 3 to 6": the page's dates without a year; the header reader takes the year from the page.
            return [Line(number, text, Kind.DATE, block, piece, field="yearless", read=LineDates(None, None))]
        placed = place_line(text) if words <= _LONGEST_DATE_LINE else None
        if placed is not None and placed[1] is not None:
            # "Brussels, 31 January 2023", "November 24, 2021 – Ottawa, Ontario – Global Affairs Canada":
            # the page's date and its dateline on one line.
            return [Line(number, placed[1], Kind.DATE, block, piece, value=placed[0], field="place")]
        head = leading_event_dates(text) if words <= _LONGEST_DATE_LINE else None
        if head is not None and word_count(head[0]) <= 6 and not _ends_sentence(head[0]):
            # "12-06-2018 News Release 18/112", "Mar 21, 2017, 08:30 ET | Source: …": the date, then a label.
            # The line's text is its date part, so that the header reader reads it as any date line.
            reference = _find_reference(head[0])
            date_part = text[: len(text) - len(head[0])].rstrip(" ,|-–—") if head[0] else text
            return [Line(number, date_part, Kind.DATE, block, piece, dates=head[1], value=reference)]
        tagged = _tag_date_place(text) if words <= _LONGEST_TAG_LINE else None
        if tagged is not None:
            # "Secrétaire Générale adjointe 12 juin 2026 Strasbourg": the page's section tag, its date, its place.
            tag, date_part, place = tagged
            return [
                Line(number, tag, Kind.FURNITURE, block, piece),
                Line(number, date_part, Kind.DATE, block, piece, value=place, field="place"),
            ]
        split = trailing_event_dates(text)
        if split is not None and not piece and word_count(split[0]) <= 3:
            # "Daily News 07 / 03 / 2023": a label, then the date.
            # (Without the dash that joined them: "Communiqué de presse – 02.05.2025".)
            # (Or a comma: "Fait à Uvira, le 15 mai 2025", a communiqué's signing place and date.)
            date_part = text[len(split[0]) :].strip().lstrip("-–—|, ").strip()
            return [Line(number, date_part, Kind.DATE, block, piece, dates=split[1])]
        if split is not None and word_count(split[0]) >= 2 and (piece or (gap and not is_prose(split[0]))):
            # "Title  28 Feb. 2020 -": a headline and the page's date flattened onto one line.
            return [
                Line(number, split[0], Kind.TEXT, block, piece),
                Line(number, text[len(split[0]) :].strip(), Kind.DATE, block, piece, dates=split[1]),
            ]
    except ParseError as exc:
        exc.line = number
        raise
    if words <= _LONGEST_REFERENCE:
        cited, labelled = _reference_re()
        if cited.fullmatch(text):
            return [Line(number, text, Kind.REFERENCE, block, piece, value=text)]
        # "(Release ID: 2104417)": a labelled number may be set in brackets.
        inner = text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text
        ref = labelled.fullmatch(inner)
        if ref is not None:
            value = ref.group("labelled") or ref.group("bare")
            return [Line(number, text, Kind.REFERENCE, block, piece, value=value)]
        value = _numbered_document(text)
        if value is not None:
            return [Line(number, text, Kind.REFERENCE, block, piece, value=value)]
    return _classify_undated(text, number, block, piece, bullet)


# A number's label in any of its spellings ("No.", "N°", "N.º", "N.°", "Nº", "Nr.", "núm.", "Number").
_NUMBER_LABEL = re.compile(r"(?i:n|no|nr|núm|num|number|número|numéro)[.º°o]*:?")
_ISSUER = re.compile(r"[A-Z][A-Z0-9&]{1,7}")  # an issuer's or a series' initials: "FFA", "CHR", "OA", "PR", "RNS"


@cache
def _document_words() -> frozenset[str]:
    """The words of the packs' kinds of document and reference labels, folded ("press", "release", "boletín")."""
    words: set[str] = set()
    for code in languages():
        header = pack(code).header
        for phrase in (*header.reference, *header.reference_labels):
            words.update(fold(w) for w in phrase.split())
    return frozenset(w for w in words if w)


def _numbered_document(text: str) -> str | None:
    """The number of a line that is only a kind of document, an issuer's initials, a label and the number
    ("FFA Media Release 2025/23", "CHR PR No. 2025-211", "Comunicado OA N.º 27", "COMMUNIQUÉ DE PRESSE –
    CP/DG/2025/06", "Boletín 112/2025"), else ``None``.

    The number holds a digit and a slash or a hyphen, unless a label stands right before it; one word at
    least says what the line is (a kind of document or a label), so "ECOWAS 2025/26" is none.
    """
    tokens = [t for t in text.replace("–", " ").replace("—", " ").replace("|", " ").split() if t]
    if len(tokens) < 2:
        return None
    last = tokens[-1].rstrip(".,;")
    if not any(ch.isdigit() for ch in last) or not re.fullmatch(r"[\w/().-]+", last):
        return None
    labelled = _NUMBER_LABEL.fullmatch(tokens[-2]) is not None
    if not labelled and "/" not in last and "-" not in last:
        return None
    said = labelled
    words = _document_words()
    for token in tokens[:-1]:
        key = fold(token)
        if key in words or _NUMBER_LABEL.fullmatch(token):
            said = True
        elif not _ISSUER.fullmatch(token.rstrip(":")):
            return None
    return last if said else None


def _two_stamps(text: str) -> list[tuple[str, DateStamp]] | None:
    """The publication and update stamps of one line, when a comma or a dash joins them, else ``None``."""
    if len(_DIGIT_RUN.findall(text)) < 2:
        return None  # (the common case: a line without two numbers holds no two dates)
    joins = [*_STAMP_JOIN.finditer(text), *_SPACE_BEFORE_CAPITAL.finditer(text)]
    for m in joins:
        # "Fecha de publicación: 14/08/2026 Actualizado: 15/08/2026": two labelled stamps side by side.
        first, second = text[: m.start()].strip(), text[m.end() :].strip()
        a, b = parse_stamp(first), parse_stamp(second)
        if a is not None and b is not None and a.kind != b.kind:
            return [(first, a), (second, b)]
    return None


_STAMP_JOIN = re.compile(r",[ \u00a0]+|[ \u00a0]+[–—|·•-][ \u00a0]+")
_SPACE_BEFORE_CAPITAL = re.compile(r"(?<=\d)[ \u00a0]+(?=[^\W\d_])")  # after a date's number, a label's first letter
_DIGIT_RUN = re.compile(r"\d+")


def _classify_undated(text: str, number: int, block: int, piece: bool, bullet: bool) -> list[Line]:
    """The kinds a line without a date or a document number may have."""
    if len(text) <= _end_mark_length() and is_end_mark(text):
        return [Line(number, text, Kind.END, block, piece)]
    label = _label_re().fullmatch(text) if ":" in text else None
    if label is not None:
        field = "source" if label.group("source") else "url"
        return [Line(number, text, Kind.LABEL, block, piece, value=label.group("value").strip(), field=field)]
    byline = _label_alone_re().match(text)
    if byline is not None and " " in byline.group() and text[byline.end() : byline.end() + 1] == " ":
        # "News provided by Harbor Light Robotics": a source label of several words needs no colon.
        return [Line(number, text, Kind.LABEL, block, piece, value=text[byline.end() :].strip(), field="source")]
    if _is_furniture(text) or _is_motto(text):
        return [Line(number, text, Kind.FURNITURE, block, piece)]
    return [Line(number, text, Kind.TEXT, block, piece, bullet)]


_MOTTO_PARTS = 3  # a state's motto on a letterhead: "Paix – Travail – Patrie", "Un Peuple – Un But – Une Foi"
_MOTTO_PART_WORDS = 3


def _is_motto(text: str) -> bool:
    """Whether ``text`` is a motto of capitalised short parts between dashes (a letterhead's, under the state's
    name): three parts or more, each of at most three words, opening with a capital, without a sentence's mark."""
    if "–" not in text and "—" not in text and " - " not in text:
        return False
    parts = DASH_BETWEEN.split(text.strip())
    return len(parts) >= _MOTTO_PARTS and all(
        p[:1].isupper() and len(p.split()) <= _MOTTO_PART_WORDS and p[-1:] not in ".!?:;," for p in parts
    )


_LABEL_WORDS = 6  # words of a speaker's name in capitals over a transcript's turn
_WRAP_WIDTH = 100  # characters: a hard-wrapped text's lines are shorter (72 to 80 columns, seldom more)


def _unwrapped_blocks(raws: list[str]) -> set[int]:
    """The indices of the lines of ``raws`` that are in a block (lines between blank lines) holding two lines
    longer than any hard-wrapped text has: a page copied without blank lines between its paragraphs, where
    each line break ends a paragraph ("… in College Park." ¶ "MODERATOR: Good morning …").  (One long line
    is a paragraph under its label: "CLAIRE DUPONT" ¶ "Je leur réponds …", a headline over its date.)"""
    out: set[int] = set()
    start = 0
    for i in range(len(raws) + 1):
        if i == len(raws) or not raws[i].strip():
            long = [k for k in range(start, i) if len(raws[k]) > _WRAP_WIDTH]
            if len(long) >= 2:
                # From the line after the first long one: the header's lines above it read as before, and
                # a bulleted item stays with the list it continues.
                listing = False
                for k in range(long[0] + 1, i):
                    line, above = raws[k].strip(), raws[k - 1].strip()
                    # A list's items under their lead-in ("The following took part:" ¶ "Austria: …"; an item
                    # ends with no full stop), and a turn's text under its speaker's name in capitals
                    # ("THOMAS RENAUDIN" ¶ "Bonjour."): one block.
                    capitals = line.isupper() and len(line.split()) <= _LABEL_WORDS
                    listing = not line.endswith(".") and not capitals and (above.endswith(":") or listing)
                    label = above.isupper() and len(above.split()) <= _LABEL_WORDS
                    if not (listing or label or _BULLET.match(line)):
                        out.add(k)
            start = i + 1
    return out


def classify_lines(text: str) -> list[Line]:
    """Every non-blank line of ``text``, classified; a ``|``-packed header line gives one line per piece.

    Raises :class:`~communique.errors.ParseError` (with the line number) for a
    date that cannot exist.
    """
    out: list[Line] = []
    block = 0
    blank = True
    raws = text.split("\n")
    unwrapped = _unwrapped_blocks(raws)
    for number, raw in enumerate(raws, 1):
        stripped = raw.strip()
        if not stripped:
            if not blank:
                block += 1
            blank = True
            continue
        if not blank and number - 1 in unwrapped:
            block += 1  # a line of its own in a block of long lines: a paragraph, not a wrapped line's rest
        blank = False
        if len(stripped) <= _end_mark_length() and is_end_mark(stripped):
            out.append(Line(number, stripped, Kind.END, block))  # "– FIN –" starts like a bulleted line
            continue
        bullet = _BULLET.match(stripped)
        spaced = stripped[bullet.end() :] if bullet else stripped
        # Most lines have single spaces only: the regular expressions run only on those that do not.
        uneven = "  " in spaced or "\t" in spaced or "\f" in spaced or "\v" in spaced
        content = _SPACES.sub(" ", spaced).strip() if uneven else spaced.strip()
        if not content:
            continue
        if ":" in content[:_TITLE_LABEL_REACH] and (labelled := _title_label().match(content)) is not None:
            content = content[labelled.end() :]  # "SUBJECT: Kingsmere … sign …", "Asunto: …": the headline itself
        wide = uneven and _WIDE_GAP.search(spaced) is not None
        # The one-character tests first: a search for " · " costs more than one for "·".
        if "|" in content or wide or ("·" in content and " · " in content) or ("•" in content and " • " in content):
            # (A dash left at a piece's edge by the bar joining two of a page's spans is no part of it:
            # "Publié le 14/11/2025 — | Mis à jour le …".)
            pieces = _with_times(
                [q for p in _PIECE.split(spaced) if (q := _SPACES.sub(" ", p).strip().strip(_EDGE_DASHES).strip())]
            )
            classified = [line for p in pieces for line in _classify(p, number, block, True)]
            if any(line.kind in (Kind.DATE, Kind.STAMP, Kind.REFERENCE) for line in classified):
                out += classified
                continue
            if len(pieces) >= 2 and all(word_count(p) <= 4 for p in pieces):
                out.append(Line(number, content, Kind.FURNITURE, block))  # "Share | Print | E-mail"
                continue
        # Two spaces inside a line: a flattened header ("Title  28 Feb. 2020 -"), not a sentence ending with a date.
        gap = uneven and _GAP.search(spaced) is not None
        if (gap or wide) and _is_menu_row(spaced):
            out.append(Line(number, content, Kind.FURNITURE, block))  # "Health Topics  Countries  Newsroom  Data"
            continue
        out += _classify(content, number, block, False, bullet is not None, gap)
    return _join_split_stamps(out)


_TITLE_LABEL_REACH = 12  # characters: "Subject:", "Título:", "Objet :"
_TITLE_WORDS = 3  # words of a headline after its label at least


@cache
def _title_label() -> re.Pattern[str]:
    """A headline's label of any pack (``header.title_labels``: "Subject", "Objet", "Asunto"), its colon, then a
    headline of three words or more."""
    labels = alternation(w for code in languages() for w in pack(code).header.title_labels)
    return re.compile(rf"(?i:{labels})[ \u00a0\u202f]*:[ \u00a0\u202f]*(?=(?:\S+[ \u00a0]+){{{_TITLE_WORDS - 1}}}\S)")


_MENU_GAP = re.compile(r"[ \u00a0]{2,}")
_MENU_ITEMS = 3  # items at least: two capitalised phrases side by side are as likely a title and its kicker


def _is_menu_row(spaced: str) -> bool:
    """Whether a line whose items are set apart by two spaces or more is a row of menu items ("Health Topics
    Countries  Newsroom  Emergencies  Data  About WHO"): three items or more of at most three words, the others
    of at most six, each opening with a capital, no digit, no sentence mark.  (A flattened header has a long title or a date.)"""
    items = [p for p in _MENU_GAP.split(spaced.strip()) if p]
    return (
        len(items) >= _MENU_ITEMS
        and _DIGIT.search(spaced) is None
        and all(word_count(p) <= _LONG_MENU_ITEM and p[:1].isupper() and p[-1:] not in ".!?:;," for p in items)
        # (One long item among short ones: "Trámites y servicios   Política exterior   …   Atención y servicios a
        # la ciudadanía".)
        and sum(word_count(p) <= 3 for p in items) >= _MENU_ITEMS
    )


_LONG_MENU_ITEM = 6  # words of a menu item at most ("Atención y servicios a la ciudadanía")


# A time of day on its own: "19:30", "4:15pm", "10 h 30", "07:00 CET" (a short mark or zone after it).
_BARE_TIME = re.compile(r"\d{1,2}\s*[:hH.]\s*\d{2}(?:\s*[^\W\d_][\w.]{0,5}(?:\s+[^\W\d_][\w.]{0,5})?)?")


def _with_times(pieces: list[str]) -> list[str]:
    """The pieces of a flattened header line, a time of day joined to the date piece before it.

    ``"Publicado: 8 de enero de 2025 | 19:30"``, ``"By Kelso Athletic FC | 2 June 2026 | 4:15pm"``: the
    time belongs to the date, and with it the date is the page's publication stamp.
    """
    out: list[str] = []
    for piece in pieces:
        if out and _BARE_TIME.fullmatch(piece) and _DIGIT.search(out[-1]) and not _BARE_TIME.fullmatch(out[-1]):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _join_split_stamps(lines: list[Line]) -> list[Line]:
    """A stamp label on its own line and its date on the next ("Published" / "4 December 2018") make one stamp;
    a label and its value ("From:" / "Ministry of Defence") one label line."""
    labels = stamp_labels()
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and line.kind is Kind.DATE
            and line.field is None
            and previous.kind in (Kind.TEXT, Kind.FURNITURE)
            and fold(previous.text) in labels
        ):
            # ("13 March 2025 — See all updates": the date piece keeps the dash its link was cut from.)
            stamp = parse_stamp(f"{previous.text.rstrip(' :')}: {line.text.rstrip(' -–—,')}")
            if stamp is not None:
                out[-1] = Line(previous.number, f"{previous.text} {line.text}", Kind.STAMP, previous.block, stamp=stamp)
                continue
        if (
            previous is not None
            and previous.kind is Kind.TEXT
            and line.kind is Kind.TEXT
            and _label_alone(previous.text)
        ):
            # "NOUVELLES FOURNIES PAR" / "Cabinet de la ministre …" (a wire's page): a source label alone,
            # without its colon, and the publisher on the next line.
            out[-1] = Line(
                previous.number,
                f"{previous.text} {line.text}",
                Kind.LABEL,
                previous.block,
                value=line.text,
                field="source",
            )
            continue
        if (
            previous is not None
            and previous.kind is Kind.TEXT
            and line.kind is Kind.TEXT
            and is_split_label(previous.text, line.text)
        ):
            # "From:" / "Foreign, Commonwealth & Development Office" (GOV.UK): a label and its value on two lines.
            joined = f"{previous.text} {line.text}"
            label = _label_re().fullmatch(joined)
            if label is not None:
                field = "source" if label.group("source") else "url"
                value = label.group("value").strip()
                out[-1] = Line(previous.number, joined, Kind.LABEL, previous.block, value=value, field=field)
                continue
        out.append(line)
    return out
