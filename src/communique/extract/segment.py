"""Cut a pasted page into title, header and paragraphs, wherever the site put them.

Every line is first classified by what it says (:mod:`communique.extract.lines`):
furniture, a date, a stamp, a document number, a ``Label: value`` line, an
end mark, or text.  The page is then read as a sequence of kinds:

- **The body** starts at the first line of running text (a sentence or more,
  or a line opening with a dateline).  A sentence followed by header data
  (a ``From:`` line, a stamp, a date) and then by more text is a standfirst,
  not the body: it becomes the subtitle.
- **The title** is the last heading-like text line before the body, skipping
  furniture and data lines; a headline printed twice (capitals, then mixed
  case) is taken once, in mixed case; a line after the title that reads like a
  subtitle ("by …", a sentence, a long summary line) is the subtitle.  A page
  without any heading-like line still parses: its title is derived from the
  first sentence and ``title_derived`` says so.
- **Header data** anywhere in the page (before the title, after it, at the
  bottom) fills the dates, the stamps, the reference and the source; the
  furniture is dropped; an end mark ("###", "– FIN –") ends the body.

The NATO news-page layout, the founding sample's, is one case of these rules::

    TITLE LINE

      • 22 May. 2018 - 23 May. 2018
      • |
      • Mis à jour le: 20 Jul. 2018 15:57

    Belgrade – First paragraph...
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from functools import cache

import attrs
from attrs import field, frozen

from ..errors import ParseError
from ..locale import languages, pack
from ._data import fold, word_count
from .countries import adjectives, listed_country
from .dateline import place_line, read_dateline, split_dateline
from .dates import LineDates
from .lines import Kind, Line, classify_lines, is_breadcrumb, last_crumb
from .organizations import organization_name
from .vocab import byline_words, header_phrases, section_labels

__all__ = ["STANDFIRST_WORDS", "HeaderLine", "Segments", "segment"]

_DATA = (Kind.DATE, Kind.STAMP, Kind.LABEL, Kind.REFERENCE)
_SENTENCE_END = re.compile(r"(?<=[^\s.]{3}[.!?])\s+(?=[«“‘\"¿¡]?\s?[^\W\d_])")  # a quotation may open the next
_DERIVED_MAX = 400
_SENTENCE_MARK = re.compile(r"[.!?…][»”\"’)]?$")


@frozen
class HeaderLine:
    """A line of the page that carries dates (an event line or a stamp), with its 1-based line number."""

    line: int
    text: str
    read: LineDates | None = field(default=None, eq=False, repr=False)
    """What ``text`` reads as, when the line classifier already parsed it (see :class:`.dates.LineDates`)."""


@frozen
class Segments:
    """A page cut into its parts; line numbers are 1-based, for error messages."""

    title: str
    title_line: int
    header: tuple[HeaderLine, ...]
    """Date and stamp lines of the page, in page order (bullets removed)."""
    paragraphs: tuple[str, ...]
    paragraph_lines: tuple[int, ...]
    """Line number of each paragraph's first line."""
    source: str | None = None
    url: str | None = None
    subtitle: str | None = None
    reference: str | None = None
    title_derived: bool = False
    """The page had no headline: ``title`` is its first sentence."""
    place: str | None = None
    """A dateline written on a line of its own ("New York", "Brussels, 4 April 2019")."""
    masthead: tuple[str, ...] = ()
    """Every line above the body (site furniture, title, header), for what the site says of itself."""


_SENTENCE_ENDS = (".", "!", "?", "»", "”", '"', ")")


def _menu_runs(lines: list[Line]) -> set[int]:
    """Indices of text lines in runs of three or more short lines: navigation menus, tag lists, footers."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        short = (
            line is not None
            and line.kind in (Kind.TEXT, Kind.FURNITURE)
            and not line.piece
            and line.words <= 3
            and not line.text.endswith((".", ":"))
        )
        if short:
            run.append(i)
            continue
        if len([j for j in run if lines[j].kind is Kind.TEXT]) >= 1 and len(run) >= 3 and not _listed(lines, run):
            out.update(run)
        run = []
    return out


_LEAD_IN_WORDS = 4  # "Asistieron … de los siguientes países:", not a menu's "Menu:"
_SENTENCE_LEAD_IN_WORDS = 6  # words of a sentence that introduces a list without bullets


def _listed(lines: list[Line], run: list[int]) -> bool:
    """Whether a run of short lines is the bulleted list a sentence introduces ("… de los siguientes países:"
    ¶ "• Guatemala" ¶ "• Belice"): the body's, not a menu."""
    before = run[0] - 1
    while before >= 0 and lines[before].bullet and lines[before].block == lines[run[0]].block:
        before -= 1  # the list's longer items before the run ("• Estados Unidos de América")
    if before < 0 or lines[before].kind is not Kind.TEXT or not lines[before].text.endswith(":"):
        return False
    if all(lines[j].bullet for j in run):
        return lines[before].words >= _LEAD_IN_WORDS
    # Without bullets (a browser copies a list's items as lines of their own): a sentence introduces it
    # ("Firmaron la hoja de ruta las autoridades de telecomunicaciones de:"), and every item is a country.
    # (The language is not known yet: an item is a country in one of the packs.)
    return lines[before].words >= _SENTENCE_LEAD_IN_WORDS and all(
        lines[j].kind is Kind.TEXT and any(listed_country(lines[j].text, code) for code in languages()) for j in run
    )


def _opens_with_dateline(text: str) -> bool:
    return word_count(text) >= 6 and split_dateline(text)[0] is not None


def _prose_words(lines: list[Line], skip: set[int], start: int, end: int) -> int:
    return sum(
        lines[i].words for i in range(start, end) if lines[i].kind is Kind.TEXT and i not in skip and lines[i].prose
    )


def _header_end(lines: list[Line], skip: set[int]) -> int | None:
    """The last header data line (date, stamp, reference, label) that the body follows.

    A data line opens the body when more running text follows it than comes
    before it: banners and a standfirst may stand above the page's date, a
    stamp at the bottom of the page follows the body.
    """
    found = None
    total = _prose_words(lines, skip, 0, len(lines))
    before = 0
    running_after = 0  # lines of running text since the data line found
    for i, line in enumerate(lines):
        if line.kind is Kind.TEXT and i not in skip and line.prose:
            before += line.words
            if found is None and _opens_with_dateline(line.text):
                running_after = _BODY_RUN  # "OTTAWA, ON, le 9 déc. 2024 /CNW/ - …": the body's first paragraph
            elif found is not None and _is_body_line(line):
                running_after += 1
        elif line.kind in _DATA and total - before > before:
            if running_after >= _BODY_RUN:
                break  # the body has begun: a later date line is the body's ("Martes, 19 de noviembre" of a programme)
            found, running_after = i, 0
    return found


_BODY_RUN = 2  # paragraphs of running text after the page's date line: the body, whatever follows


def _is_body_line(line: Line) -> bool:
    if line.prose:
        return True
    # A line opening with a dateline is the body's first line, unless it reads as a headline
    # ("Moldavie – Entretien de M. … (15 juin 2021)").
    return _opens_with_dateline(line.text) and (
        line.text.endswith((".", "!", "?", "…", "»", "”", '"', ":")) or line.words >= 30
    )


STANDFIRST_WORDS = 45  # words: a summary under a headline is one sentence (the html parser reads it too)
_DECK_WORDS = 8  # words: a deck under a headline is a phrase, not a label


def _body_start(lines: list[Line], skip: set[int], body_like: list[bool]) -> tuple[int | None, int | None, int | None]:
    """``(first body line, standfirst line, header end)``; ``None`` for a body without any running text."""
    header_end = _header_end(lines, skip)
    standfirst = None
    for i, line in enumerate(lines):
        if line.kind is not Kind.TEXT or i in skip or line.piece:
            continue
        if not body_like[i]:
            continue
        if header_end is not None and i < header_end:
            standfirst = i  # running text above the page's date: a standfirst (the last one) or a banner
            continue
        nxt = next(
            (j for j in range(i + 1, min(len(lines), i + 3)) if lines[j].kind is Kind.TEXT and j not in skip), None
        )
        if (
            nxt is not None
            and line.words <= STANDFIRST_WORDS
            and not _opens_with_dateline(line.text)
            and _opens_with_dateline(lines[nxt].text)
            and lines[nxt].words > line.words
        ):
            # A summary sentence right above the paragraph that opens with the dateline: the standfirst
            # ("La ligne … doit soutenir la montée en cadence …" ¶ "Toulouse, le 5 décembre 2023 – Airbus …").
            return nxt, i, header_end
        return i, standfirst, header_end
    # No running text (a short or toy page): the first sentence-like line after a heading.
    texts = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT and i not in skip and i != standfirst]
    for n, i in enumerate(texts):
        text = lines[i].text
        if split_dateline(text)[0] is not None:
            return i, standfirst, header_end  # a title never opens with a dateline
        sentence = text.endswith((".", "!", "?", "»", "”", '"'))
        if sentence and (n > 0 or (len(texts) == 1 and text.endswith("."))):
            return i, standfirst, header_end
    return None, standfirst, header_end


def is_publisher_name(text: str) -> bool:
    """Whether a line only names a publisher ("European Commission", "Fédération Française d'Aviron de Mer")."""
    return _is_organization(text)


def _is_organization(text: str) -> bool:
    """A line that only names a publisher ("European Commission", "Ministère des Armées"): a site name."""
    if text.count(" ") > 13:
        return False  # two names of six words and a dash at most
    parts = [p for p in _NAME_PARTS.split(text) if p]
    if len(parts) == 2 and (_spells(parts[0], parts[1]) or _spells(parts[1], parts[0])):
        return True  # "ASECNA – Agence pour la Sécurité de la Navigation aérienne …": a body's acronym and its name
    if len(parts) > 1:
        return all(_is_organization(p) for p in parts)  # "NATO - North Atlantic Treaty Organization"
    # Six words at most, not counting the small linking words a French or Spanish name is full of
    # ("Préfecture maritime de la Manche et de la mer du Nord").
    small = _linking_words() | _joiner_words()
    if any(ch.isdigit() for ch in text) or sum(w.casefold() not in small for w in text.split()) > _NAME_WORDS:
        return False
    if text.isupper() and word_count(text) >= 4:
        return False  # a headline in capitals ("NATO MILITARY COMMITTEE CHAIRMAN VISITS GEORGIA")
    for code in languages():
        if organization_name(text, code) is not None or listed_country(text, code):
            return True  # the whole line is an organisation's name or acronym, or a state's ("República del Ecuador")
    # "Delegación de la Unión Europea en Colombia", "Australian Government": a body's name.
    words = text.split()
    nouns = _body_nouns()
    if (
        len(words) >= 2
        and words[-1].casefold() in nouns
        and all(w[:1].isupper() or w.casefold() in _linking_words() or w.casefold() in _joiner_words() for w in words)
    ):
        return True  # "National Disaster Risk Reduction and Management Council": capitalised words, a body's noun last
    if text[:1].isupper() and any(w.casefold() in nouns for w in words[:3]):
        # (Not a meeting of bodies' members: "Japan-Chile Foreign Ministers’ Meeting" is a headline.)
        at = next(k for k, w in enumerate(words) if w.casefold() in nouns)
        # The word right after the body's noun may be its adjective in small letters ("Préfecture maritime de
        # la Manche"): no verb.
        # (Only before a link: "Council adopts new rules" is a headline, its verb after the noun.)
        adjective = (
            at + 2 < len(words)
            and words[at + 1].islower()
            and words[at + 1] not in _linking_words()
            and words[at + 2] in _linking_words()
        )
        rest = " ".join(words[: at + 1] + words[at + 2 :]) if adjective else text
        if _has_verb_like(rest) or re.search(r"\w(?:s’|s'|’s|'s)(?:\s|$)", text):
            return False
        # After the body's noun, a name goes on with a small word or another body's noun, or ends
        # ("Australian Government", "Ministère des Armées", "Área de Movilidad y Espacio Urbano"); a headline
        # in title case goes on with its verb ("IMF Staff Concludes Visit to Paraguay").
        after = words[at + 1] if at + 1 < len(words) else None
        # (Or with its nationality, capitalised in a Spanish name: "Agencia Mexicana de Cooperación …".)
        return after is None or not after[:1].isupper() or after.casefold() in nouns or _is_nationality(after)
    return False


_LONGEST_ACRONYM = 12


def _spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` (capitals, one word) is made of the openings of words of ``name``, in order:
    their initials ("FIFF": Festival International du Film Francophone) or longer openings ("PARLATINO":
    Parlamento Latinoamericano)."""
    acronym = acronym.strip()
    if not (2 <= len(acronym) <= _LONGEST_ACRONYM and acronym.isupper() and acronym.isalpha()):
        return False
    words = [fold(w) for w in re.split(r"[\s’'-]+", name) if w]
    if len(words) < 2:
        return False
    letters = fold(acronym)

    @cache
    def fits(at: int, word: int) -> bool:
        if at == len(letters):
            return True
        for k in range(word, len(words)):
            w = words[k]
            n = 0
            while n < len(w) and at + n < len(letters) and w[n] == letters[at + n]:
                n += 1
                if fits(at + n, k + 1):
                    return True
        return False

    return words[0][:1] == letters[:1] and fits(0, 0)


def _is_nationality(word: str) -> bool:
    """Whether ``word`` is a country's adjective in one of the packs ("Mexicana", "Australian")."""
    low = word.lower()  # (an adjective has no apostrophe for normalize() to change)
    return any(low in _adjective_words(code) for code in languages())


@cache
def _adjective_words(language: str) -> frozenset[str]:
    return frozenset(adjectives(language))


_NAME_PARTS = re.compile(r"\s+[-–—|]\s+")
_NAME_WORDS = 6  # words of a body's name, its small linking words not counted


@cache
def _body_nouns() -> frozenset[str]:
    """The packs' ``not_names`` of four letters or more: the nouns that name bodies ("Committee", "Ministerio")."""
    return frozenset(w.casefold() for code in languages() for w in pack(code).people.not_names if len(w) > 3)


@cache
def _joiner_words() -> frozenset[str]:
    return frozenset(w.casefold() for code in languages() for w in pack(code).people.list_joiners if " " not in w)


@cache
def _linking_words() -> frozenset[str]:
    return frozenset(
        w.casefold() for code in languages() for w in (*pack(code).people.articles, *pack(code).people.role_links)
    )


def _has_verb_like(text: str) -> bool:
    """Some lower-case word that is not a linking word: a headline ("Council adopts new rules"), not a name."""
    small = [w for w in text.split() if w[:1].islower() and len(w) >= 4 and "'" not in w and "’" not in w]
    return any(w.casefold() not in _linking_words() for w in small)


def _derive_title(paragraph: str) -> str:
    """The first sentence of ``paragraph`` without its full stop (a headline has none), cut at a word when long."""
    first = _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()
    if first.endswith(".") and not first.endswith(".."):
        first = first[:-1]
    if len(first) > _DERIVED_MAX:
        first = first[:_DERIVED_MAX].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return first


def _end_of_release(lines: list[Line]) -> int:
    """The index of the release's end mark ("###", "- END -", "FIN"), else ``len(lines)``: only a mark after
    a line of text ends it (a headline "Fin" over the body is no end: "Fin" ¶ "Lima, 3 de mayo – El foro …")."""
    read = False
    for i, line in enumerate(lines):
        if line.kind is Kind.END and read:
            return i
        read = read or line.kind is Kind.TEXT
    return len(lines)


def segment(text: str, *, titled: bool = False) -> Segments:
    """Split decoded ``text`` into title, header data and paragraphs.

    With ``titled``, the first line is the title (a reader that already knows
    it, such as the DOCX reader, passes a placeholder).  Paragraphs are
    separated by blank lines; the lines of one paragraph are joined with a
    space (hard-wrapped text).  Raises :class:`~communique.errors.ParseError`
    when there is no text, or for a date that cannot exist (with its line).
    """
    lines = classify_lines(text)
    if not lines:
        raise ParseError("the text is empty: a press release needs at least a title line", line=1, format="text")
    end = _end_of_release(lines)
    # A document a reader already segmented (DOCX) has no site menus: only the placeholder title is skipped.
    skip = {0} if titled else _menu_runs(lines[:end])
    title_index: int | None = 0 if titled else None
    # Whether each line reads as the body's (running text, or a dateline opening): asked twice, computed once.
    body_like = [line.kind is Kind.TEXT and _is_body_line(line) for line in lines]
    if titled:
        # The reader knows the title and has taken its own header: every text line after it is the body.
        first_text = next((i for i in range(1, end) if lines[i].kind is Kind.TEXT), None)
        body_from, standfirst, header_end = first_text, None, None
    else:
        body_from, standfirst, header_end = _body_start(lines[:end], skip, body_like)
    zone_end = body_from if body_from is not None else end
    place: str | None = None
    place_dates: list[HeaderLine] = []
    candidates: list[int] = []
    for i in range(zone_end):
        line = lines[i]
        if line.kind is not Kind.TEXT or i in skip or i == standfirst or body_like[i]:
            continue
        found = place_line(line.text)
        if found is not None and found[1]:
            place = place or found[0]
            place_dates.append(HeaderLine(line.number, found[1]))
            continue
        candidates.append(i)
    subtitle_index = standfirst
    if place is None:
        # A date line that names its place ("Bruxelles, 23/01/2023 - 18:20") says it better than any
        # short line the title's choice may take for a place.
        place = next(
            (line.value for line in lines[:zone_end] if line.kind is Kind.DATE and line.field == "place"), None
        )
    wrapped: int | None = None  # the second line of a headline set on two lines
    if not titled:
        title_index, subtitle_index, place = _pick_title(lines, candidates, standfirst, place, header_end)
        if title_index is not None and _goes_on_below(lines, title_index):
            # "SADC Executive Secretary receives Minister of Foreign Affairs" ¶ "of the Union of Comoros ahead
            # of …": the next line of the block opens in small letters, the headline's rest.
            wrapped = title_index + 1
            skip.add(wrapped)
            if subtitle_index == wrapped:
                subtitle_index = None
    if place is None and body_from is not None and not titled:
        place = _dateline_above(lines, body_from, title_index)
    if body_from is None:
        # No running text: the body is what follows the title (short lines, a list).
        after = (title_index if title_index is not None else -1) + 1
        body_from = next(
            (i for i in range(after, end) if lines[i].kind is Kind.TEXT and i not in skip and i != subtitle_index),
            end,
        )
    header: list[HeaderLine] = []
    source = url = reference = None
    for i, line in enumerate(lines):
        if i == body_from:
            header += place_dates  # a dateline's date counts after the header's own date lines
        if line.kind is Kind.STAMP or (line.kind is Kind.DATE and i < body_from):
            # Stamps count wherever they are (the bottom of the page too); the event's dates are in the
            # header, not in the related links after the body.
            header.append(HeaderLine(line.number, line.text, line.read))
            if line.field == "place" and place is None and i < (body_from or len(lines)) + 3:
                place = line.value
            elif line.field is None and line.value is not None and reference is None:
                reference = line.value  # "12-06-2018 News Release 18/112"
            if line.piece and place is None and i < body_from:
                # "Statement | 21 September 2023 | Brussels": a place among the pieces of the date line.
                place = _place_piece(lines, line.number)
        elif line.kind is Kind.LABEL:
            if line.field == "source":
                source = source or line.value
            else:
                url = url or line.value
        elif line.kind is Kind.REFERENCE and reference is None:
            reference = line.value
    if body_from >= len(lines):
        header += place_dates
    if not place_dates and not any(lines[i].kind is Kind.DATE for i in range(body_from)):
        # No date above the body: a date line right after a paragraph of the body dates the release
        # ("… desde 2015." ¶ "6 de noviembre de 2025"), not one among the related links further down
        # (teasers, which end no sentence).  A place and a date ("Asunción, 12 de mayo de 2025") sign
        # the release off: the date counts, the place is no dateline (that heads the body).
        for i in range(max(body_from, 1), min(end + 3, len(lines))):
            line, above = lines[i], lines[_above_signature(lines, i, body_from)]
            if (
                line.kind is Kind.DATE
                and line.field in (None, "place")
                and not line.piece
                and above.kind is Kind.TEXT
                and above.prose
                and above.text.endswith(_SENTENCE_ENDS)
            ):
                header.append(HeaderLine(line.number, line.text, line.read))
                break
        else:
            # Else a date line right after the body's last text line (a contacts line may end the body).
            last_text = max((i for i in range(body_from, end) if lines[i].kind is Kind.TEXT), default=None)
            if last_text is not None:
                nxt = next((i for i in range(last_text + 1, min(len(lines), last_text + 3))), None)
                if (
                    nxt is not None
                    and lines[nxt].kind is Kind.DATE
                    and lines[nxt].field is None
                    and not lines[nxt].piece
                    # (Not the first of a list of dates: the related links', their titles dropped.)
                    and not (nxt + 1 < len(lines) and lines[nxt + 1].kind is Kind.DATE)
                ):
                    header.append(HeaderLine(lines[nxt].number, lines[nxt].text, lines[nxt].read))
    body = [
        line
        for i, line in enumerate(lines[body_from:end], body_from)
        if line.kind is Kind.TEXT and i not in skip and i != subtitle_index and i != title_index
    ]
    # A document a reader segmented has no site footer: only a pasted page's trailing menus are dropped.
    paragraphs, starts = _paragraphs(body if titled else _without_footer(body))
    title_derived = False
    if title_index is None:
        if not paragraphs:
            raise ParseError("the page has no text: only site furniture and dates", line=lines[0].number, format="text")
        # (Not a lead-in ending with a colon, "The following is attributable to Spokesperson X:": the
        # sentence it introduces says what the release is.)
        first = next((p for p in paragraphs if not p.rstrip().endswith(":")), paragraphs[0])
        opening = read_dateline(first)
        title = _derive_title(opening.text if opening else first)
        title_line, title_derived = starts[0], True
    else:
        # (Without its number in a list of items: "4. Press Conference by Minister Tanabe".)
        title, title_line = _NUMBERED.sub("", lines[title_index].text), lines[title_index].number
        if wrapped is not None:
            title = f"{title} {lines[wrapped].text}"
    subtitle = lines[subtitle_index].text if subtitle_index is not None else None
    return Segments(
        title=title,
        title_line=title_line,
        header=tuple(header),
        paragraphs=tuple(paragraphs),
        paragraph_lines=tuple(starts),
        source=source,
        url=url,
        subtitle=subtitle,
        reference=reference,
        title_derived=title_derived,
        place=place,
        masthead=tuple(line.text for line in lines[:body_from]),
    )


def _is_filler(line: Line) -> bool:
    """Furniture, a publisher's name or a byline between a headline and its date
    ("Secretaría de Relaciones Exteriores | 14 …", "Par Mélanie Gagnon")."""
    return line.kind is Kind.FURNITURE or (
        line.kind is Kind.TEXT and (_is_organization(line.text) or _is_byline(line.text))
    )


def _is_byline(text: str) -> bool:
    words = text.split(maxsplit=_LONGEST_BYLINE)
    return 1 < len(words) <= _LONGEST_BYLINE and words[0].casefold() in byline_words()


def _title_score(lines: list[Line], i: int, candidates: Set[int]) -> float:
    """How much line ``i`` looks like the headline (higher is better).

    A headline has several words and does not end like a sentence or an
    introduction; it is not bulleted, not a publisher's name; it usually sits
    between the site's furniture or section label and the page's date, or
    closes the breadcrumb that repeats it.
    """
    line = lines[i]
    text = line.text
    score = float(min(word_count(text), 12))
    if text.endswith(":"):
        score -= 20  # "Joint media release with:", "Disponible en :"
    elif text.endswith(".") and not text.endswith("..."):
        score -= 6  # a caption or a summary sentence
    if line.bullet:
        score -= 4  # the summary bullets under a headline
    if _is_organization(text):
        score -= 10  # the site's or the publisher's name
    if _is_byline(text):
        score -= 10  # "Par Service Communication": who wrote it
    if (
        word_count(text) < 2
        and len(candidates) > 1
        and not (i + 1 < len(lines) and lines[i + 1].kind in (Kind.DATE, Kind.STAMP))
    ):
        # One word among other heading-like lines ("Prensa", "CEPICI") is a section's or a site's name, unless
        # the page's date is right under it (a page's one line above its body, "Titre", stays its title).
        score -= 20
    if any(ch in text for ch in "©"):
        score -= 10
    if _masthead_name(lines, i):
        score -= 10  # "Atlantic Lottery" over the site's menu, and again in the body: the publisher's name
    if _opens_subtitle(text):
        score -= 10  # "by NATO Secretary General …" is the line under a headline
    if _is_person_line(text):
        score -= 8  # "The Hon Michael Dunstan MP": who speaks (a transcript's, a speech's header), not a headline
    if _in_fields(lines, i):
        score -= 12  # "Intervenant(s) : X" over "Média : France Info": a page's labelled data, not a headline
    if (
        i + 1 < len(lines)
        and lines[i + 1].kind is Kind.TEXT
        and _opens_subtitle(lines[i + 1].text)
        and not text.endswith((".", "!", "?", "…"))
    ):
        score += 8  # … and the line above it is the headline, however short ("Press conference"); not a standfirst
    if (text.isupper() and word_count(text) <= 4) or (_LABEL_CODE.search(text) and word_count(text) <= _CODE_WORDS):
        score -= 4  # "9341ST MEETING (AM)", "PRESSE 52": a meeting or document label
    if text.isupper() and _opens_with_section_label(text):
        score -= 8  # "COMMUNIQUÉ DE PRESSE DU PROCUREUR DE LA RÉPUBLIQUE": the kind of document and its issuer
    if (
        i + 1 < len(lines)
        and lines[i + 1].kind is Kind.FURNITURE
        and lines[i + 1].block == line.block
        and is_breadcrumb(lines[i + 1].text)
    ):
        score -= 6  # the site's name or slogan right above its breadcrumb ("Au cœur du débat public")
    previous = lines[i - 1] if i > 0 else None
    if previous is not None and previous.number != line.number:
        if previous.kind is Kind.FURNITURE and (
            (line.words >= 4 and fold(previous.text).endswith(fold(text)))
            # (A line of one or two words under a section label is a kicker: "Commercial Aircraft".)
            or (_is_section_label(previous.text) and line.words >= 3)
        ):
            score += 6  # "Press release" above it, or a breadcrumb ending with it
        elif previous.kind in (Kind.DATE, Kind.STAMP, Kind.REFERENCE):
            score += 3
    following = [x for x in lines[i + 1 : i + 5] if not _is_filler(x)]
    if following and following[0].kind is Kind.TEXT and i + 1 in candidates and _subtitle_after(lines, i, candidates):
        following = following[1:]  # a subtitle between it and the date: the bonus is the headline's
    if following and following[0].kind in (Kind.DATE, Kind.STAMP, Kind.REFERENCE, Kind.LABEL):
        score += 4  # the date line, the stamp or "From:" right under it
    return score


_NUMBERED = re.compile(r"^\d{1,2}\.[ \u00a0]+(?=[^\W\d_])")
# A field's label of one to three words, then a colon ("Intervenant(s) : ", "Média : ", "Subjects: ").
_FIELD = re.compile(r"^[^\W\d_][\w()’'\-]*(?:[ \u00a0][\w()’'\-]+){0,2}[ \u00a0\u202f]?:[ \u00a0]")
_CODE_WORDS = 6  # a meeting's or a document's label line is short ("PRESSE 52"); "EUR 9 million" in a headline is none
_LABEL_CODE = re.compile(r"\b\d+[A-Z]{2,}\b|\b[A-Z]{2,}\s\d+\b")


_LONGEST_BYLINE = 4  # words: "Par Mélanie Gagnon", "By U.S. Embassy Manila" credit an author


_MASTHEAD_LINES = 3  # a site's name, its full name and a slogan may stand above its menu
_MASTHEAD_WORDS = 5


def _masthead_name(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is the site's name at the top of the page: among the lines above the first
    menu ("Atlantic Lottery" ¶ "Lotto   Instant   Sports …"; "CELEC EP" ¶ "Corporación Eléctrica del
    Ecuador" ¶ "Inicio   Nosotros …"), a short one written again further down the page, where the body or
    the footer names the publisher ("Atlantic Lottery's director …", "© 2025 Atlantic Lottery"), or one
    that opens with a body's noun ("Ministère des Forces armées – Direction de l'Information …")."""
    if i > _MASTHEAD_LINES:
        return False
    if any(lines[k].kind is Kind.TEXT and lines[k].text.endswith(_SENTENCE_ENDS) for k in range(i + 1)):
        return False
    menu = next(
        (
            k
            for k in range(i + 1, min(len(lines), i + 1 + _MASTHEAD_LINES))
            if lines[k].kind is not Kind.TEXT or lines[k].text.endswith(_SENTENCE_ENDS)
        ),
        None,
    )
    if menu is None or lines[menu].kind is not Kind.FURNITURE or fold(lines[menu].text) in header_phrases():
        return False  # (a menu, not a section label under a headline: "Nota de prensa")
    first = lines[i].text.split(maxsplit=1)[0].casefold()
    if first in _body_nouns():
        return True
    if lines[i].words > _MASTHEAD_WORDS:
        return False
    name = fold(lines[i].text)
    return any(
        name in fold(line.text) for line in lines[menu + 1 :] if line.kind is Kind.TEXT or line.kind is Kind.FURNITURE
    )


def _goes_on(text: str) -> bool:
    """Whether a heading-like line opens with a word in small letters ("with NATO Secretary General X and
    the Prime Minister of Portugal"): it goes on from the line above, a headline never opens so."""
    first = text[:1]
    return first.isalpha() and first.islower() and not text[1:2].isupper()  # (not "eBay", "iPhone")


def _opens_subtitle(text: str) -> bool:
    """A line under a headline that says who speaks: "by NATO Secretary General Jens Stoltenberg at …".

    A short one is a byline crediting the author ("Par Mélanie Gagnon"), not a subtitle.
    """
    words = text.split(maxsplit=_LONGEST_BYLINE)
    return len(words) > _LONGEST_BYLINE and words[0].casefold() in byline_words()


@cache
def _courtesy_words() -> tuple[str, ...]:
    """Every pack's courtesy words and titles of address ("The Hon", "Mme", "Excmo. Sr."), longest first."""
    words = {w for code in languages() for w in pack(code).people.honorifics}
    return tuple(sorted(words, key=len, reverse=True))


def _is_person_line(text: str) -> bool:
    """A short line that is a courtesy word and a person's name, post-nominals allowed ("The Hon Jane Doe MP")."""
    if word_count(text) > 7:
        return False
    head = next((w for w in _courtesy_words() if text.startswith(w + " ")), None)
    if head is None:
        return False
    words = text[len(head) :].split()
    while words and words[-1].isupper() and len(words[-1]) <= 4:
        words.pop()  # "MP", "QC", "OBE"
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _is_section_label(text: str) -> bool:
    return fold(text) in section_labels()


def _opens_with_section_label(text: str) -> bool:
    """Whether ``text`` starts with a kind of document, then more words ("Communiqué de presse du procureur")."""
    folded = fold(text)
    return any(folded.startswith(label + " ") for label in section_labels())


_TWICE_BONUS = 6  # a headline printed twice outweighs the standfirst right above the body


def _pick_title(
    lines: list[Line], candidates: list[int], standfirst: int | None, place: str | None, header_end: int | None
) -> tuple[int | None, int | None, str | None]:
    """``(title, subtitle, place)`` among the heading-like lines before the body."""
    if (
        standfirst is not None
        and 0 < standfirst < len(lines) - 1
        and (
            (lines[standfirst - 1].kind is Kind.FURNITURE and is_breadcrumb(lines[standfirst - 1].text))
            or _after_menu(lines, standfirst)
        )
        and lines[standfirst + 1].kind in _DATA
    ):
        # Right under the breadcrumb and right above the page's date, a line of running text is the headline,
        # however long ("Interview de Mme X, ministre de …, à France Bleu le 3 février 2025, sur …").
        return standfirst, None, place
    if len(candidates) >= 2 and place is None:
        # A place line just before the body ("Palacio de La Moncloa, Madrid"): the dateline, not the title.
        last = lines[candidates[-1]]
        # (Not a piece of a dated line: those are read with the date, see _place_piece.)
        found = None if last.piece else place_line(last.text)
        # (Not under a person's line: "Hon Tamati Reweti" ¶ "Conservation" is a minister and his portfolio,
        # and so is each short line between them: "Foreign Affairs" ¶ "Pacific Peoples".)
        under_person = _under_person(lines, candidates[-1])
        if found is not None and word_count(last.text) <= 6 and not under_person:
            place, candidates = found[0], candidates[:-1]
    # A headline printed twice (capitals, then mixed case) counts once, in mixed case.
    seen: dict[str, int] = {}
    unique: list[int] = []
    twice: set[int] = set()  # headlines printed twice, one copy right under the other
    for i in candidates:
        key = fold(lines[i].text)
        if key in seen:
            adjacent = seen[key] == i - 1
            # The later copy stands where the headline's neighbours are (its standfirst, its date): it is
            # kept, unless it is the capitals of a mixed-case headline already seen.
            if lines[i].text.isupper() <= lines[seen[key]].text.isupper():
                unique[unique.index(seen[key])] = i
                seen[key] = i
            if adjacent:
                twice.add(seen[key])
            continue
        seen[key] = i
        unique.append(i)
    # "Home / Newsroom / News / 2026 / SACEUR hosts …" over the page: the breadcrumb's last crumb is the
    # headline, printed a second time (the standfirst under it is not).
    crumbs = {fold(crumb) for row in lines if row.kind is Kind.FURNITURE and (crumb := last_crumb(row.text))}
    twice.update(i for i in unique if fold(lines[i].text) in crumbs and lines[i].words >= 3)
    candidate_set = frozenset(unique)
    scored = [
        (
            i,
            _title_score(lines, i, candidate_set)
            - (2 if header_end is not None and i > header_end else 0)
            # A line printed twice in a row (capitals, then mixed case) is what the page sets as its headline.
            + (_TWICE_BONUS if i in twice else 0),
        )
        for i in unique
    ]
    scored = [(i, sc) for i, sc in scored if sc > 0]
    if not scored:
        if standfirst is not None and not unique and not lines[standfirst].text.endswith("."):
            # The only running line above the page's date, with no heading above it: a long headline
            # ("Comunicado Conjunto de los Presidentes de los Estados Partes del MERCOSUR y …"), not a standfirst.
            return standfirst, None, place
        return None, standfirst, place
    best = max(sc for _, sc in scored)
    title = next(i for i, sc in scored if sc == best)
    earlier = [(i, sc) for i, sc in scored if i < title]
    under_date: int | None = None
    if (
        earlier
        and earlier[-1][1] >= 5
        and lines[earlier[-1][0]].words >= 4  # not a section label or a kicker ("Media Statement", "Afrique – Tchad")
        and not _ends_breadcrumb(lines, earlier[-1][0], title)
        and not _ends_menu_run(lines, earlier[-1][0])
        and (
            _subtitle_after(lines, earlier[-1][0], candidate_set, before_dateline=False) == title
            # "Youth innovators receive seed grants in Tamale" ¶ "February 13, 2024" ¶ a summary line over the
            # body: the headline, its date, its standfirst.
            or _standfirst_under_date(lines, earlier[-1][0], title)
        )
    ):
        # The best line reads as the subtitle of the line above it: that one is the headline (and the best
        # line, under the page's date, its standfirst).
        under_date = title if _standfirst_under_date(lines, earlier[-1][0], title) else None
        title = earlier[-1][0]
    if (
        (_opens_subtitle(lines[title].text) or _goes_on(lines[title].text))
        and title > 0
        and lines[title - 1].kind is Kind.TEXT
        and not lines[title - 1].text.endswith(_SENTENCE_ENDS)
    ):
        # "Press conference" ¶ "by NATO Deputy Secretary General …": a byline is no headline; the line above
        # it is, even when it ends a run of menu-like short lines.
        return title - 1, title, place
    subtitle = standfirst if standfirst is not None and standfirst > title else under_date
    if subtitle is None:
        subtitle = _subtitle_after(lines, title, candidate_set)
    # A short place line just above the title ("New York") is the dateline.
    before = [i for i in unique if i < title]
    if place is None and before and before[-1] == title - 1:
        found = place_line(lines[before[-1]].text)
        if found is not None and word_count(lines[before[-1]].text) <= 3 and _place_alone(found[0]):
            place = found[0]
    if place is None:
        # A short place line right under the page's date line ("14.04.2025" ¶ "Bruselas" ¶ a section label):
        # the date and the place of a dateline, set on two lines.
        for i in unique:
            if i != title and i > 0 and lines[i - 1].kind is Kind.DATE and word_count(lines[i].text) <= 3:
                found = place_line(lines[i].text)
                if found is not None and _place_alone(found[0]):
                    place = found[0]
                    break
    return title, subtitle, place


def _goes_on_below(lines: list[Line], i: int) -> bool:
    """Whether the headline at line ``i`` goes on to the next line of its block: a text line opening with a
    word in small letters, short as a headline's rest, under a headline that ends no sentence."""
    if i + 1 >= len(lines):
        return False
    line, below = lines[i], lines[i + 1]
    return (
        below.kind is Kind.TEXT
        and below.block == line.block
        and not below.bullet
        # A complement's link opens it ("of the Union of …", "de la …"), under a headline, not a kind's label:
        # "Joint press point" ¶ "with NATO Secretary General …" is a headline and its subtitle.
        and below.text.split(maxsplit=1)[0] in _role_link_words()
        and line.words >= _WRAPPED_ABOVE
        and below.words <= _WRAPPED_WORDS
        and not line.text.endswith(_SENTENCE_ENDS)
        and not below.text.endswith(_SENTENCE_ENDS)
    )


_WRAPPED_WORDS = 16  # words of a headline's second line at most
_WRAPPED_ABOVE = 5  # words of the headline's first line at least


@cache
def _role_link_words() -> frozenset[str]:
    """The packs' one-word links of a role to its complement, in small letters ("of", "de", "du", "del")."""
    return frozenset(w for code in languages() for w in pack(code).people.role_links if " " not in w)


_PORTFOLIOS = 3  # lines: a minister's portfolios listed under the name


def _under_person(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` follows a person's line ("Hon Miriama Te Rangi"), maybe past other short lines."""
    for k in range(i - 1, max(-1, i - 1 - _PORTFOLIOS), -1):
        if lines[k].kind is not Kind.TEXT:
            return False
        if _is_person_line(lines[k].text):
            return True
        if lines[k].words > 4:
            return False
    return False


def _in_fields(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` and a line beside it open with two different field labels ("Intervenant(s) : …",
    "Média : …"); not a headline with a label printed twice, in capitals then not ("RESTITUTION : …")."""
    own = _FIELD.match(lines[i].text)
    if own is None or word_count(lines[i].text[own.end() :]) >= _FIELD_VALUE_WORDS:
        return False  # (a long value is a headline's, after its colon: "Rénovation des écoles : 120 millions …")
    for j in (i - 1, i + 1):
        other = _FIELD.match(lines[j].text) if 0 <= j < len(lines) and lines[j].kind is Kind.TEXT else None
        if other is not None and fold(other.group()) != fold(own.group()):
            return True
    return False


_FIELD_VALUE_WORDS = 7  # a field's value is a name or a few words ("Radio Nord", "Transports, Fret ferroviaire")
_MENU_LINES = 3  # a block of this many short lines or more above the headline is the site's menu
_MENU_WORDS = 6


def _after_menu(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` opens a block right after a block of short lines only (a site's menu, its name, a
    breadcrumb copied one item per line: "Accueil" / "Discours publics")."""
    above = lines[i - 1].block
    if lines[i].block == above:
        return False
    menu = [line for line in lines[:i] if line.block == above]
    return len(menu) >= _MENU_LINES and all(line.words <= _MENU_WORDS for line in menu)


def _place_alone(place: str) -> bool:
    """Whether a short line above the headline, with no date and no separator, names a place rather than the
    page's section ("Opérations", "Agroécologie", "Audiences" — a kicker): in capitals ("NEW YORK"), of two
    words or more ("New York"), or a capital city of the tables ("Bogotá") — not a country alone ("Brésil")."""
    words = place.split()
    if len(words) >= 2 or place.isupper():
        return True
    from .home import capital_country

    # (Not a country alone: over a headline, "Brésil" or "Kenya" is the page's topic, its country dossier.)
    return capital_country(place) is not None


def _ends_breadcrumb(lines: list[Line], i: int, headline: int) -> bool:
    """Whether line ``i`` is a short section name right after menu items of its block ("Inicio" / "Sala de
    prensa" / "Declaraciones del Alto Representante"), with the ``headline`` candidate in a block of its own:
    the current section of a breadcrumb trail, not a headline over its subtitle (a headline and its
    standfirst copied together stand in one block)."""
    return (
        lines[i].words <= _BREADCRUMB_WORDS
        and i >= _BREADCRUMB_ITEMS
        and lines[headline].block != lines[i].block
        and all(
            lines[j].kind is Kind.FURNITURE and lines[j].block == lines[i].block
            for j in range(i - _BREADCRUMB_ITEMS, i)
        )
    )


_BREADCRUMB_WORDS = 5
_BREADCRUMB_ITEMS = 2  # menu items right before it


def _ends_menu_run(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a short line at the end of a run of menu items copied one per line in its block
    ("Todas las noticias" / "Finanzas" / "Servicios financieros y de inversión"): the section the page is
    filed under, not a headline over the long line after it."""
    if lines[i].words > _BREADCRUMB_WORDS or i < _MENU_RUN:
        return False
    return all(
        lines[j].block == lines[i].block
        and (lines[j].kind is Kind.FURNITURE or (lines[j].kind is Kind.TEXT and lines[j].words <= _MENU_WORDS))
        for j in range(i - _MENU_RUN, i)
    )


_MENU_RUN = 3  # short lines right before it in its block


def _standfirst_under_date(lines: list[Line], above: int, line: int) -> bool:
    """Whether only the page's date line stands between heading-like line ``above`` and ``line``, and
    ``line`` reads as a summary: no sentence mark at its end or a long one, and the body's first paragraph
    (opening with its dateline) right under it."""
    between = lines[above + 1 : line]
    if not between or any(x.kind not in (Kind.DATE, Kind.STAMP) for x in between):
        return False
    rest = [x for x in lines[line + 1 : line + 4] if not _is_filler(x)]
    return bool(rest) and rest[0].kind is Kind.TEXT and _opens_with_dateline(rest[0].text)


def _subtitle_after(lines: list[Line], title: int, candidates: Set[int], *, before_dateline: bool = True) -> int | None:
    """The line right after the title when it reads as a subtitle: "by …", or a summary line above the date
    (or, with ``before_dateline``, above a first paragraph that opens with its dateline).

    Not when picking between two candidate headlines: the real headline is above the dateline too.
    """
    # The next candidate must be the very next line: a set lookup, not a scan of the candidates
    # (a page of thousands of menu lines would make the title's choice quadratic).
    following = title + 1
    if following not in candidates or lines[following].bullet or lines[following].piece:
        return None  # (a piece of a dated line is its byline or section: "By X | 3 March, 2025 | Topics: …")
    line = lines[following]
    if _opens_subtitle(line.text):
        return following
    if line.words < 5 or line.text.endswith(":") or "©" in line.text:
        return None
    # A summary line is followed by the page's date or stamp (or a dateline line), not by the body.
    rest = [x for x in lines[following + 1 : following + 5] if not _is_filler(x)]
    if rest and (rest[0].kind in _DATA or place_line(rest[0].text) is not None):
        return following
    if before_dateline and rest and rest[0].kind is Kind.TEXT and _opens_with_dateline(rest[0].text):
        return following  # "CHATTOGRAM, Bangladesh (ILO News) – …" right after it: a standfirst of one line
    if (
        before_dateline
        and line.words >= _DECK_WORDS
        and not line.text.endswith(_SENTENCE_ENDS)
        and rest
        and rest[0].kind is Kind.TEXT
        and rest[0].prose
        and rest[0].words > line.words
        and rest[0].text.endswith(_SENTENCE_ENDS)
    ):
        # A deck: a line of a headline's kind (no full stop) under the headline, running text after it
        # ("Une commande de 410 millions d’euros qui assure dix ans d’activité au site de Belfort").
        return following
    if (
        line.block == lines[title].block
        and rest
        and rest[0].kind is Kind.TEXT
        and rest[0].block != line.block
        and rest[0].prose
        and rest[0].words > line.words
    ):
        # The headline and its standfirst printed together, the body after a blank line (the <h1> and the
        # summary under it of a copied page): the line glued to the headline is its subtitle.
        return following
    return None


def _dateline_above(lines: list[Line], body_from: int, title: int | None) -> str | None:
    """A dateline on a line of its own right above the body: "WASHINGTON –", "PARIS--(BUSINESS WIRE)--Regulatory News:".

    Such a short line reads like a menu item, so it may have been skipped with the site's menus;
    it opens with a place and a separator, and little or nothing follows.
    """
    above = next((i for i in range(body_from - 1, -1, -1) if lines[i].kind is Kind.TEXT), None)
    if above is None or above == title or lines[above].words > _LONGEST_DATELINE_LINE:
        return None
    found = read_dateline(lines[above].text + " ⁠")
    if found is None or word_count(found.text) > _DATELINE_TAIL:
        return None
    return found.place


_LONGEST_DATELINE_LINE = 8  # words
_DATELINE_TAIL = 3  # words after the separator: a wire's section ("Regulatory News:")


def _place_piece(lines: list[Line], number: int) -> str | None:
    """A place among the pieces of one header line: after the date ("Statement | 21 September 2023 | Brussels"),
    else right before it ("Genève | 5 février 2024", "Granada | 01/07/2025 | 12:30": a stamp), unless that
    piece is a section label ("Communiqué | …")."""
    pieces = [line for line in lines if line.number == number]
    dated = next((k for k, line in enumerate(pieces) if line.kind in (Kind.DATE, Kind.STAMP)), None)
    if dated is None:
        return None
    # Before the date, a committee's acronym is as common as a place ("Plenary session | LIBE | 14-02-2023"):
    # only a word in small letters with its capital ("Genève") counts there.
    before = [
        line
        for line in pieces[max(0, dated - 1) : dated]
        if not line.text.isupper() and not _is_section_label(line.text)
    ]
    # After a stamp ("Publicado: 22/09/2026 · Jaén") comes a tag of the site's, not the place it was issued.
    after = pieces[dated + 1 :] if pieces[dated].kind is Kind.DATE else []
    for line in [*after, *before]:
        if line.piece and line.kind is Kind.TEXT and line.words <= 3:
            found = place_line(line.text)
            if found is not None and not (
                line in after
                and (_common_noun(found[0], lines) or any(listed_country(found[0], c) for c in languages()))
            ):
                # (After the date, a country alone is the site's tag of the page's countries, "10 de junio
                # de 2025 | Paraguay", as a word in small letters elsewhere is a topic's: no place of issue.)
                return found[0]
    return None


def _common_noun(word: str, lines: list[Line]) -> bool:
    """Whether the page writes ``word`` (one capitalised word) in small letters elsewhere: a noun, a site's tag
    ("28 mai 2025 | Mobilité" over "… consacrée à la mobilité …"), not a place, which keeps its capital."""
    if " " in word or not word[:1].isupper():
        return False
    small = word[0].lower() + word[1:]
    pattern = re.compile(rf"(?<!\w){re.escape(small)}(?!\w)")
    return any(line.kind is Kind.TEXT and small in line.text and pattern.search(line.text) for line in lines)


def _without_footer(body: list[Line]) -> list[Line]:
    """Drop the short lines after the last paragraph of running text (menus, addresses, sign-offs)."""
    last = max((i for i, line in enumerate(body) if line.prose), default=None)
    if last is None:
        return body
    # A sentence stays, however short ("“We must act now.”"); a line that ends like no sentence goes, but not
    # a list's lead-in ("The delegation was led by:" over its bulleted items).
    tail = body[last + 1 :]
    kept: list[Line] = []
    # Lines left of a list of people (or of items labelled by country) under its lead-in, which may be the
    # last sentence itself ("The following authorities took part:" ¶ "Austria: Federal Police").
    items = int(body[last].text.endswith(":"))
    for k, line in enumerate(tail):
        above = kept[-1] if kept else body[last]
        if items and line.block == above.block and (_person_item(line) or _country_item(line)):
            # "Members of the delegation:" ¶ "Tomás OLIVEIRA (S&D, PT)": an item of the list, joined as one.
            kept.append(attrs.evolve(line, bullet=True))
            continue
        items = 0
        lead_in = line.text.endswith(":") and k + 1 < len(tail) and tail[k + 1].block == line.block
        if lead_in and not tail[k + 1].bullet and (_person_item(tail[k + 1]) or _country_item(tail[k + 1])):
            kept.append(line)
            items = 1
        elif line.words >= 8 or _SENTENCE_MARK.search(line.text) or (lead_in and tail[k + 1].bullet):
            kept.append(line)
        elif (
            (line.bullet or line.text[:1] in _DASH_OPENERS)
            and line.words <= _SIGNED_WORDS
            and above.text.rstrip(" .").endswith(_CLOSING_MARKS)
        ):
            # "“We are 22 nations in one camp …”" ¶ "– Major General X, Commander EUFOR": the quotation's
            # attribution line, not a sign-off of the page.
            kept.append(line)
    return body[: last + 1] + kept


_DASH_OPENERS = "–—-"
_SIGNED_WORDS = 16  # words of a quotation's attribution line: a rank, a name, a role
_CLOSING_MARKS = ("”", "»", '"', "’", "“")


_ITEM_WORDS = 12  # an item of a list of people: a name, a bracket, a short role


def _country_item(line: Line) -> bool:
    """A line of a list labelled by country under its lead-in ("Finland: Finnish Customs (Tulli)")."""
    label, colon, value = line.text.partition(": ")
    return bool(colon and value) and any(listed_country(label, code) for code in languages())


def _person_item(line: Line) -> bool:
    """A line of a list of people under its lead-in: a name that opens it, then a bracket or a comma
    ("Tomás OLIVEIRA (S&D, PT)", "Ana Ruiz, consejera de Turismo"); no telephone number or address."""
    text = line.text
    words = text.split()
    return (
        line.words <= _ITEM_WORDS
        and len(words) >= 2
        and words[0][:1].isupper()
        and words[1][:1].isupper()
        and (text.endswith(")") or ", " in text)
        and not any(ch.isdigit() or ch == "@" for ch in text)
    )


_ITEM_ENDS = ":;,.!?"


def _paragraphs(body: list[Line]) -> tuple[list[str], list[int]]:
    """Join the lines of each block into one paragraph (hard-wrapped text)."""
    paragraphs: list[str] = []
    starts: list[int] = []
    block = None
    entry = False  # whether the line before was a list's labelled entry ("Costa Rica: Laura Vindas, …")
    for line in body:
        labelled = _ENTRY.match(line.text) is not None
        if line.block == block and paragraphs and not line.piece:
            # A bulleted line is an item: its bullet is kept between the items, so that an item's apposition
            # ends with it ("• Rebeca Alvarado, presidenta de la Cámara …" ¶ "• Mauricio Henríquez, …"); so is a
            # labelled entry under a colon or another entry ("Participaron en la reunión:" ¶ "Costa Rica: Laura
            # Vindas Quesada, viceministra …" ¶ "El Salvador: Mauricio Arévalo Cañas, ministro …").
            item = line.bullet or (labelled and (entry or paragraphs[-1].endswith(":")))
            joint = " • " if item and paragraphs[-1][-1:] not in _ITEM_ENDS else " "
            paragraphs[-1] += joint + line.text
        else:
            paragraphs.append(line.text)
            starts.append(line.number)
        block = line.block
        entry = labelled
    return paragraphs, starts


# A list's entry: a short capitalised label, a colon, the entry ("Costa Rica: Laura Vindas Quesada, …").
_ENTRY = re.compile(r"[^\W\d_][^:.;!?]{0,60}?:[ \u00a0]+\S")


_SIGNATURE_LINES = 5  # short lines of a signature block ("Signed" / "Management" / the department / the body)
_SIGNATURE_WORDS = 8


def _above_signature(lines: Sequence[Line], at: int, body_from: int) -> int:
    """The line above ``at``, past a signature block of short lines that end no sentence ("Signed" ¶
    "Management" ¶ "Communications and Public Affairs Department" ¶ "Ghana Revenue Authority" over the
    release's date): the body's last paragraph, if the block follows one and no teaser follows the date."""
    i = at - 1
    while (
        i > body_from
        and at - i <= _SIGNATURE_LINES
        and lines[i].kind is Kind.TEXT
        and not lines[i].prose
        and len(lines[i].text.split()) <= _SIGNATURE_WORDS
        and not lines[i].text.endswith(_SENTENCE_ENDS)
    ):
        i -= 1
    if i == at - 1 or not (lines[i].kind is Kind.TEXT and lines[i].prose):
        return at - 1
    # (A date a teaser follows is a related link's: "Más noticias" ¶ "08/05/2025" ¶ "Balance de …".)
    # (Nor one of a list of dates: the related links' dates, their titles dropped.)
    return i if at + 1 >= len(lines) or lines[at + 1].kind not in (Kind.TEXT, Kind.DATE) else at - 1
