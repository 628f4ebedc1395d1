"""Assemble a :class:`~communique.model.PressRelease` from text or from already-segmented parts."""

from __future__ import annotations

import datetime as _dt
import itertools
import re
import warnings
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Literal

import attrs

from ..errors import CommuniqueError, CommuniqueWarning, ParseError, ValidationError
from ..locale import pack
from ..model import Attendee, Dates, Header, Paragraph, PressRelease, Quote, stamp_before, stamp_day
from ._data import normalize, phrase_pattern, upper_class
from .analysis import Analysis
from .attendees import find_attendees
from .countries import listed_country
from .dateline import read_dateline
from .dates import (
    concluded_since,
    concluded_visit,
    event_length,
    find_body_dates,
    leading_body_date,
    parse_event_dates,
    parse_stamp,
    runs_until,
    says_concluded,
    says_opened,
    weekday_near,
    weekday_span,
    yearless_event_dates,
)
from .home import capital_country, home_country, names_state_body, url_country
from .language import detect_language
from .mentioned import split_mentioned
from .names import same_person
from .organizations import find_organization, organization_seat
from .quotes import QuoteSpan, find_quote_spans
from .roles import from_role
from .segment import HeaderLine, segment
from .speakers import attribute_quotes, title_quote_is_speech
from .transcripts import Turn, find_turns
from .vocab import bare, ends_abbreviation, people_tables

__all__ = ["find_quotes", "lead_day", "release_from_parts", "release_from_text"]


def find_quotes(
    paragraphs: Sequence[str],
    language: str,
    attendees: Sequence[Attendee] | None = None,
    body: Analysis | None = None,
    link: bool = False,
    turns: Sequence[Turn] = (),
    home: str | None = None,
) -> list[Quote]:
    """The quotations of ``paragraphs`` as :class:`Quote` objects, with speakers.

    Speakers are resolved against ``attendees`` (found in ``paragraphs`` when
    not given); a quotation that is not speech, or whose speaker is unknown,
    has ``speaker=None``; a title, a name or a term in quotation marks (``l’exercice « … »``) is no
    quotation.  ``body`` is the release's
    :class:`~.analysis.Analysis` of ``paragraphs``, when the caller has one.
    With ``link``, a quote said by an attendee also gets its index in
    ``attendees`` (what :class:`PressRelease` does for a quote without one:
    linking here, when each quote is built, saves building it twice).  ``turns`` are the
    transcript turns of ``paragraphs`` (:func:`.transcripts.find_turns`): each spoken turn is a
    quotation of its label's speaker.  ``home`` is the state that publishes the page: of several attendees
    holding the role a quotation is attributed to, its own is meant.
    """
    if body is None:
        body = Analysis(paragraphs)
    if attendees is None:
        attendees = find_attendees(paragraphs, language, body, turns=turns)[0]
    spans = find_quote_spans(paragraphs, turns)
    speakers, spoken = attribute_quotes(paragraphs, spans, attendees, language, body, home)
    if not all(spoken):
        # A title, a name or a term in quotation marks is no quotation (a quotation over paragraphs goes whole).
        kept = [k for k, speech in enumerate(spoken) if speech]
        spans, speakers = [spans[k] for k in kept], [speakers[k] for k in kept]
    groups = _groups(spans)
    index = _name_index(attendees) if link else {}
    return [
        Quote(
            text=paragraphs[s.paragraph][s.start : s.end],
            speaker=who,
            paragraph=s.paragraph,
            start=s.start,
            end=s.end,
            group=group,
            attendee=index.get(who) if who is not None else None,
        )
        for s, who, group in zip(spans, speakers, groups, strict=True)
    ]


def _name_index(attendees: Sequence[Attendee]) -> dict[str, int]:
    """Each attendee's name → its index, as :class:`PressRelease` links speakers; empty if a name repeats.

    A repeated name makes the release invalid (names identify speakers): then no quote is linked
    here, and the release's own fallback decides.
    """
    index: dict[str, int] = {}
    roles: dict[str, list[int]] = {}
    for i, a in enumerate(attendees):
        if a.name is not None:
            if a.name in index:
                return {}
            index[a.name] = i
        elif a.role is not None:
            roles.setdefault(a.role, []).append(i)
    # A speaker known only by role ("SECRETARY GENERAL:" in a transcript) is the attendee of that
    # role when exactly one attendee without a name has it (a collective gives several).
    for role, held in roles.items():
        if len(held) == 1 and role not in index:
            index[role] = held[0]
    return index


def _groups(spans: Sequence[QuoteSpan]) -> list[int | None]:
    """The group id of each span: the parts of one quotation over several paragraphs share one, numbered from 0.

    A part ``continues`` the span before it; a quotation with a single part has no group.
    """
    ids: list[int | None] = [None] * len(spans)
    next_id = 0
    for i, span in enumerate(spans):
        if span.continues and i > 0:
            if ids[i - 1] is None:
                ids[i - 1] = next_id
                next_id += 1
            ids[i] = ids[i - 1]
    return ids


def find_title_quotes(title: str, body: Sequence[Quote], language: str) -> list[Quote]:
    """The quotations inside ``title`` (``Libya: “The window is narrowing”``), as quotes with ``in_title``.

    A headline quotes the release: the speaker is the speaker of the body
    quotation that says the same words, else unknown.  A name or a term in quotation marks
    (``… el ejercicio “Solidaridad Austral 2025”``) is no quotation.
    """
    out: list[Quote] = []
    for span in find_quote_spans([title]):
        if span.continues or not title_quote_is_speech(title, span, language):
            continue
        text = title[span.start : span.end]
        key = _quote_key(text)
        speaker = next(
            (
                q.speaker
                for q in body
                if q.speaker is not None and (key in _quote_key(q.text) or _quote_key(q.text) in key)
            ),
            None,
        )
        out.append(Quote(text=text, speaker=speaker, paragraph=0, start=span.start, end=span.end, in_title=True))
    return out


def _quote_key(text: str) -> str:
    return " ".join(normalize(text).casefold().replace(",", " ").replace(".", " ").split())


def _header_dates(date_lines: Sequence[str | HeaderLine]) -> Dates:
    start = end = None
    updated = published = None
    texts = [line if isinstance(line, str) else line.text for line in date_lines]
    for line, text in zip(date_lines, texts, strict=True):
        # A line the segmenter's classifier already read carries what it reads as.
        read = None if isinstance(line, str) else line.read
        stamp = parse_stamp(text) if read is None else read.stamp
        if stamp is not None:
            # A page may print its stamps twice (top and bottom): the first publication, the last update.
            if stamp.kind == "updated":
                if updated is None or not stamp_before(stamp.value, updated):
                    updated = stamp.value
            elif published is None:
                published = stamp.value
            if not stamp.labelled and start is None:
                start = stamp_day(stamp.value)  # an unlabelled date line with its time: the page's date too
            continue
        event = parse_event_dates(text) if read is None else read.event
        if event is not None and start is None:
            start, end = event
    if start is None:
        # A date line without its year ("Apr. 3 to 6"): the year of the page's stamps.
        known = published or updated
        for text in texts:
            event = yearless_event_dates(text, known.year if known else None)
            if event is not None:
                start, end = event
                break
    if published is not None and updated is not None:
        aware = {
            isinstance(v, _dt.datetime) and v.tzinfo is not None
            for v in (published, updated)
            if isinstance(v, _dt.datetime)
        }
        if stamp_before(updated, published) or len(aware) > 1:
            updated = None  # an update before the publication, or one with and one without a time zone: unusable
    return Dates(start=start, end=end, published=published, updated=updated)


def release_from_parts(
    *,
    title: str,
    paragraphs: Sequence[str],
    date_lines: Sequence[str | HeaderLine] = (),
    language: str | None = None,
    source: str | None = None,
    url: str | None = None,
    dates: Dates | None = None,
    attendees: Sequence[Attendee] | None = None,
    place: str | None = None,
    subtitle: str | None = None,
    reference: str | None = None,
    title_derived: bool = False,
    mentions: Sequence[Attendee] = (),
    masthead: Sequence[str] = (),
) -> PressRelease:
    """Build a release from parts another reader has already segmented (DOCX, NITF...).

    Detects the language (unless given), splits the dateline off the first
    paragraph, reads ``date_lines`` (event dates, update stamp; text, or the
    segmenter's :class:`~.segment.HeaderLine` with what its text was already
    read as) unless ``dates`` is given, falls back to a date written in the body ("les 22 et
    23 mai") when there is no event date, finds attendees (unless given),
    quotations and their speakers.  ``place`` is a dateline found on a line of
    its own, used when no paragraph opens with one; ``subtitle``,
    ``reference`` and ``title_derived`` go to the header as given, ``mentions``
    (people only mentioned) to the release as given; ``masthead`` (the page's lines
    above the body, with the title) says which state publishes it, the country of
    its officials (:mod:`.home`).  Raises
    :class:`~communique.errors.ParseError` on an impossible date.
    """
    # Runs of spaces and line breaks become one space; the no-break spaces of French typography
    # ("Restitution\u202f: …", "«\u00a0…\u00a0»") are kept: they are the text.
    title = _TITLE_SPACES.sub(" ", title).strip(" \t\r\n\f\v")
    if not title:
        raise ParseError("the press release has no title", format="text")
    # ASCII white space only, as for the title: a no-break space at a paragraph's end is text, kept.
    texts = [p.strip(" \t\r\n\f\v") for p in paragraphs if p.strip(" \t\r\n\f\v")]
    if language is None:
        language = detect_language(" ".join([*texts[:3], title]))
    dateline: str | None = None
    dateline_date: str | None = None
    # A transcript's turns, before the dateline: "QUESTION: …" opens a turn, not a dateline.
    turns = _guarded("transcript turns", find_turns, texts, language)
    if turns and masthead:
        turns = _named_in_masthead(turns, [*masthead, title], language)
    labelled = {turn.paragraph for turn in turns if not turn.continues}
    # The dateline opens one of the first paragraphs (a caption or a standfirst may come first).
    for i, paragraph in enumerate(texts[:3]):
        if i in labelled:
            continue
        opening = read_dateline(paragraph)
        if opening is not None:
            dateline, dateline_date = opening.place, opening.date
            texts[i] = opening.text
            break
    if dateline is None:
        dateline = place
    if dates is None:
        dates = _header_dates(date_lines)
    if dates.start is None and dateline_date is not None:
        # The dateline's date is the release's date when the page has no date line.
        stamp = dates.published or dates.updated
        event = parse_event_dates(dateline_date) or find_body_dates(
            dateline_date, stamp.year if stamp else None, language=language
        )
        if event is not None:
            dates = Dates(start=event[0], end=event[1], published=dates.published, updated=dates.updated)
    elif dates.start is not None and dates.end is None and dates.published is None and dateline_date is not None:
        # "February 13, 2024" above the title, "Tamale, 12 February 2024 – … received seed grants today": two
        # days, the dateline's the event's, the date line's the page's publication.
        day = parse_event_dates(dateline_date)
        if day is not None and day[1] is None and _DATELINE_BEFORE_DAYS >= (dates.start - day[0]).days > 0:
            dates = Dates(start=day[0], end=None, published=dates.start, updated=dates.updated)
    # The release's own day, before the lead's rules move the start to the event's.
    stamped = dates.published or dates.updated
    page_day = dates.start or (stamp_day(stamped) if stamped else None)
    visit = _concluded_span(texts, dates.start, language) if dates.start is not None and dates.end is None else None
    if visit is not None:
        dates = Dates(start=visit[0], end=visit[1], published=dates.published, updated=dates.updated)
    elif dates.start is not None and dates.end is None and texts:
        # A release dated one day (its date line or its dateline) whose first paragraphs give the event's
        # own dates: a range ("… held from 16 to 18 April", "se rendra du 10 au 14 juin"), or a day the
        # first paragraph opens with ("On 4 March, …", "Le 18 février dernier, …"). The event is those.
        dated = dates.start
        # (The first three paragraphs, where the dateline may be: a standfirst or a caption may come first;
        # and the subtitle, which often tells the event's days: "Du 3 au 14 mars, près de 900 militaires …".)
        leads = [subtitle, *texts[:3]] if subtitle else texts[:3]
        body = find_body_dates("\n".join(leads), dated.year, language=language)
        if body is not None and body == (dated, None):
            body = _later_range(leads[1:], dated, language) or body
        if body is not None and body[1] is not None and texts:
            # "… on Monday intercepted fourteen containers" ¶ "The containers, which arrived between 28th May
            # and 6th June, …": the day the first sentence names is the event's, not a range of its story.
            sentence = _first_sentence(texts[0], language)
            relative = _relative_day(sentence, dated, language)
            if (
                relative is not None
                and relative != dated  # "informó este lunes que el feriado … concluyó": the day it is told
                and not body[0] <= relative <= body[1]
                and find_body_dates(sentence, dated.year, language=language) is None
            ):
                body = (relative, None)
        if body is None or body[1] is None or not _near(body[0], dated):
            openings = (leading_body_date(p, dated.year, language=language) for p in texts[:3])
            body = next((opening for opening in openings if opening is not None), None)
            if body is not None and not (_near(body[0], dated) and body[0] <= dated):
                body = None
            if body is None:
                # "… approved on 22 April a loan …", "Réuni le 30 avril à Montrouge, le conseil …": a day of
                # the month before, in the first sentence of one of the first two paragraphs.
                # Not when the sentence says "today": what it tells is of the release's day, and its date
                # is of something else ("presentó hoy su informe sobre las elecciones del domingo 5 de mayo").
                for paragraph in texts[:2]:
                    sentence = _first_sentence(paragraph, language)
                    if _says(sentence, language, "today"):
                        break
                    day = find_body_dates(sentence, dated.year, before=dated, language=language)
                    if day is not None and day[1] is None and day[0] < dated and _near(day[0], dated):
                        body = day
                        break
                    # (A date the sentence gives that is not the event's — "the pay rise … from 1 July",
                    # "the elections scheduled for 16 September" — leaves its weekday to say the day.)
                    relative = _relative_day(sentence, dated, language)
                    if relative is not None:
                        body = (relative, None) if relative != dated else None
                        break
                else:
                    # Neither first sentence names a day: the event's opening in the next sentence of the lead
                    # ("… at a three-day workshop." ¶ … "The workshop opened in Habarana on Monday").
                    opened = _opened_on(texts[:2], dated, language)
                    if opened is not None:
                        body = (opened, None)
        body = _lead_reports(texts, dated, body, language)
        if body is not None:
            dates = Dates(start=body[0], end=body[1], published=dates.published, updated=dates.updated)
    if dates.start is None and texts:
        stamp = dates.published or dates.updated
        leads = [subtitle, *texts[:2]] if subtitle else texts[:2]
        body = find_body_dates(
            "\n".join(leads),
            stamp.year if stamp else None,
            before=stamp_day(stamp) if stamp else None,
            language=language,
        )
        if body is not None and body[1] is None and stamp is None and texts[0].count(str(body[0].year)) == 1:
            # The lead's first date, with its year, may be the release's own day (a dateline the rules do not
            # read as one: "UN Climate Change News, 3 June 2024 – … met this weekend").
            body = _later_range(leads[leads.index(texts[0]) + 1 :], body[0], language) or body
        if stamp is not None:
            body = _lead_reports(texts, stamp_day(stamp), body, language)
        if body is not None:
            dates = Dates(start=body[0], end=body[1], published=dates.published, updated=dates.updated)
    if dates.start is None and title:
        # No date in the header nor the first paragraphs: one in the headline ("Soudan – Adoption de
        # nouvelles sanctions de l’Union européenne (11 mars 2024)") dates the release.
        stamp = dates.published or dates.updated
        in_title = find_body_dates(title, stamp.year if stamp else None, language=language)
        if in_title is not None:
            dates = Dates(start=in_title[0], end=in_title[1], published=dates.published, updated=dates.updated)
    dates = event_days(texts, dates, language, subtitle=subtitle, page_day=page_day, checked=visit is not None)
    header = Header(
        title=title,
        subtitle=subtitle,
        language=language,
        source=source,
        url=url,
        dateline=dateline,
        reference=reference,
        title_derived=title_derived,
    )
    written = [Paragraph(text=p) for p in texts]
    # One analysis of the body (normalised, lower-cased, searched once), shared by the rules.
    analysis = Analysis(texts)
    home: str | None = None
    if attendees is not None:
        found = list(attendees)
    else:
        home = home_country(masthead if title in masthead else [*masthead, title], language) or url_country(url)
        # A page of an international organisation ("Comisión Europea", "NATO" in its masthead) filed from
        # Brussels says nothing of its people's countries.
        capital = None if home is not None else capital_country(dateline)
        if capital is not None and _at_an_organization_seat(masthead, language, capital):
            capital = None
        if capital is not None and names_state_body([m for m in masthead if m != title], language):
            # "Policía Nacional" / "Ministerio del Interior" over a release filed from Madrid: a national body
            # that does not write its state, in that state's capital — the state publishes it.
            home, capital = capital, None
        people = _guarded(
            "attendees",
            _attendees_and_mentioned,
            texts,
            language,
            analysis,
            home,
            capital,
            turns,
            None if title_derived else title,
            subtitle,
            capital_country(dateline),
        )
        found, only_mentioned = (people[0], people[1]) if people else ([], [])
        mentions = [*mentions, *only_mentioned]
    quotes = _guarded("quotes", find_quotes, texts, language, found, analysis, True, turns, home)
    if not header.title_derived:
        # (A title derived from the first sentence holds that sentence's quotations: they are the body's.)
        quotes = _guarded("title quotes", find_title_quotes, header.title, quotes, language) + quotes
    if attendees is None:
        quotes, found = _role_speakers(quotes, found, language)
    try:
        return PressRelease(
            header=header, dates=dates, paragraphs=written, quotes=quotes, attendees=found, mentions=mentions
        )
    except ValidationError as exc:
        # An extraction rule produced something the model refuses: keep the
        # release and its text, lose only what the rule got wrong.
        _degraded(f"{exc.path}: {exc.message}")
        names = {a.name for a in found}
        unique = [a for i, a in enumerate(found) if a.name is None or a.name not in {b.name for b in found[:i]}]
        # Links are made again against the attendees kept (their indexes change).
        kept = [
            attrs.evolve(q, speaker=q.speaker if q.speaker in names else None, attendee=None, group=None)
            for q in quotes
        ]
        try:
            return PressRelease(
                header=header, dates=dates, paragraphs=written, quotes=kept, attendees=unique, mentions=mentions
            )
        except ValidationError:
            return PressRelease(header=header, dates=dates, paragraphs=written)


def _role_speakers(quotes: list[Quote], found: list[Attendee], language: str) -> tuple[list[Quote], list[Attendee]]:
    """Each speaker known only by role ("”, the spokesperson said") that no attendee stands for becomes an
    attendee known by role (``name=None``, the role as the quote names it), and its quotes point at it; the
    country its role gives is its country ("the representative of Mali", "la ministra paraguaya")."""
    names = {a.name for a in found if a.name is not None}
    roles = {a.role: i for i, a in enumerate(found) if a.name is None and a.role is not None}
    out: list[Quote] = []
    for q in quotes:
        if q.speaker is not None and q.attendee is None and q.speaker not in names:
            if q.speaker not in roles:
                roles[q.speaker] = len(found)
                found = [*found, Attendee(role=q.speaker, country=from_role(q.speaker, language)[2])]
            q = attrs.evolve(q, attendee=roles[q.speaker])
        out.append(q)
    return out, found


_TITLE_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\W\d_])")


@cache
def _day_pattern(language: str, day: Literal["today", "yesterday"]) -> re.Pattern[str]:
    return re.compile(phrase_pattern(getattr(pack(language).dates, day)), re.IGNORECASE)


def event_days(
    texts: Sequence[str],
    dates: Dates,
    language: str,
    *,
    subtitle: str | None = None,
    page_day: _dt.date | None = None,
    checked: bool = False,
) -> Dates:
    """``dates`` completed from the lead ``texts``: the last rules of the event's days, shared by the text and
    the HTML parsers.

    With no event day and a publication stamp, the release tells of the day the stamp gives, or of the day its
    lead names (:func:`lead_day`); an event that ended on the start began earlier (:func:`_concluded_span`:
    "… closed its two-day plenary session on Wednesday"; ``checked``: the caller already looked); one that began
    on the start runs until a day the lead gives (:func:`.dates.runs_until`); two weekdays of a lead sentence are
    its days (:func:`.dates.weekday_span`, counted from ``page_day``, the release's own day, else the stamp's).
    """
    stamp = dates.published or dates.updated
    if dates.start is None and stamp is not None:
        # No event date anywhere: the release is the event of the day it was published ("… signed today"),
        # or of the day its first sentence names ("recorrió este lunes" in a release of Tuesday); a page that
        # prints only its update stamp ("Dernière mise à jour le 2 juin 2026") is dated by it.
        start = lead_day(texts, stamp_day(stamp), language)
        dates = Dates(start=start, end=None, published=dates.published, updated=dates.updated)
    if page_day is None:
        stamped = dates.published or dates.updated
        page_day = stamp_day(stamped) if stamped is not None else dates.start
    if page_day is not None and dates.start == page_day and dates.end is None and texts:
        # The page's own day as the event's, and a lead that tells of a day before it ("… firmaron ayer en
        # Lima", "The agreement was signed on Monday"): that day.
        told = lead_day(texts, page_day, language)
        if told < page_day:
            dates = Dates(start=told, end=None, published=dates.published, updated=dates.updated)
    if dates.start is None or dates.end is not None or not texts:
        return dates
    leads = [subtitle, *texts[:3]] if subtitle else list(texts[:3])
    span = None if checked else _concluded_span(texts, dates.start, language)
    if span is None:
        # "The exercise began on Monday 12 May and concludes on Friday 16 May": the day it runs to.
        last = runs_until(leads, dates.start, language)
        span = (dates.start, last) if last is not None else None
    if span is None:
        # "… as he opened a two-day meeting of ECOWAS ministers": it runs that many days from its start.
        sentence = _first_sentence(texts[0], language)
        length = event_length(sentence, language) if says_opened(sentence, language) else None
        span = (dates.start, dates.start + _dt.timedelta(days=length - 1)) if length is not None else None
    if span is None:
        # "… réunies place Broglie, le 13 novembre" (a caption first) ¶ "Jeudi 13 et vendredi 14 novembre, la
        # maire …": a range of days that opens a lead sentence and holds the start is the event's (not one in
        # the sentence's course, a visit's days around the meeting it reports: "… qui effectue une visite du 4
        # au 6 mars").
        span = next(
            (
                (found[0], found[1])
                for p in leads
                if (
                    found := find_body_dates(
                        _first_sentence(p, language)[:_OPENING_RANGE], dates.start.year, language=language
                    )
                )
                and found[1] is not None
                and found[0] <= dates.start <= found[1]
            ),
            None,
        )
    if span is None and page_day is not None:
        # "… at the close of a four-day meeting held in Suva from Thursday to Sunday", "Réunies mercredi et
        # jeudi à Montréal": two weekdays of one lead sentence are the event's days, counted back from the
        # release's (when the start the rules found is one of them, or still the release's day).
        days = next((found for p in leads if (found := weekday_span(p, page_day, language))), None)
        span = days if days is not None and dates.start in (*days, page_day) else None
    if span is None:
        return dates
    return Dates(start=span[0], end=span[1], published=dates.published, updated=dates.updated)


def _concluded_span(texts: Sequence[str], start: _dt.date, language: str) -> tuple[_dt.date, _dt.date] | None:
    """The days of an event that a first sentence says ended on ``start`` (it tells of that day: "today", its
    weekday or its date): "… today concluded a three-day visit", "s'est achevée dimanche 2 novembre … après dix
    étapes disputées depuis le 24 octobre", "cerró el domingo 28 de setiembre …, que se desarrolló desde el
    jueves 25", "… s'est achevée ce mardi" ¶ "Ouverte lundi, …"; ``None`` when none does.

    (With "today" or the day itself only: "has concluded a two-day visit" in a release of the next day ended
    the day before.)"""
    for p in texts[:2]:
        sentence = _first_sentence(p, language)
        if _tells_of(sentence, start, language):
            span = concluded_visit(sentence, start, language)
            if span is not None:
                return span
    if not texts:
        return None
    sentence = _first_sentence(texts[0], language)
    if not _tells_of(sentence, start, language):
        return None
    span = concluded_since(texts[0], start, language)
    if span is None and says_concluded(sentence, language):
        # "… s'est achevée ce mardi à Namur" ¶ "Ouverte lundi, la session a réuni …": the weekday it opened on.
        opened = _opened_on(texts[:3], start, language)
        span = (opened, start) if opened is not None else None
        if span is None:
            # "… ont clôturé ce jeudi la 5e session de la Commission mixte" ¶ "Pendant deux jours, les
            # délégations …": the length a lead sentence gives, counted back from the day it ended.
            length = next((n for p in texts[:3] if (n := event_length(_first_sentence(p, language), language))), None)
            span = (start - _dt.timedelta(days=length - 1), start) if length is not None else None
    return span


def _tells_of(sentence: str, day: _dt.date, language: str) -> bool:
    """Whether ``sentence`` tells of ``day``: it says "today", names its weekday, or writes its date (not the
    page's date opening it before a dash: "22 May 2026 – … at a two-day meeting that ended on Thursday" tells of
    the Thursday)."""
    if _says(sentence, language, "today"):
        return True
    relative = _relative_day(sentence, day, language)
    if relative is not None:
        return relative == day
    opening = _DATE_DASH.match(sentence)
    if opening is not None and parse_event_dates(opening.group(1)) is not None:
        sentence = sentence[opening.end() :]  # "22 May 2026 – …": the page's date, opening the lead
    written = find_body_dates(sentence, day.year, language=language)
    return written is not None and day in written


_OPENING_RANGE = (
    40  # characters at the head of a sentence where its own days stand ("Jeudi 13 et vendredi 14 novembre,")
)
_DATE_DASH = re.compile(r"([^–—\n]{4,30}?)[ \u00a0]+[–—-][ \u00a0]+")  # a short head, then a dash


def _says(text: str, language: str, day: Literal["today", "yesterday"]) -> bool:
    """Whether ``text`` dates what it tells to the release's day or the day before (pack ``dates.today``/``yesterday``)."""
    return _day_pattern(language, day).search(normalize(text)) is not None


_DATELINE_BEFORE_DAYS = 7  # a dateline's day this many days before the page's date line is the event's


def _opened_on(paragraphs: Sequence[str], dated: _dt.date, language: str) -> _dt.date | None:
    """The day before ``dated`` that a sentence of ``paragraphs`` says the event opened on (pack key
    ``dates.opened_words`` before a weekday: "opened on Monday", "s'est ouverte lundi", "se inauguró el
    lunes"), else ``None``."""
    words = pack(language).dates.opened_words
    if not words:
        return None
    pattern = _opened_pattern(language)
    for paragraph in paragraphs:
        for m in pattern.finditer(normalize(paragraph)):
            day = weekday_near(m.group(0), dated, language)
            if day is not None and day < dated and (dated - day).days < 7:
                return day
    return None


@cache
def _opened_pattern(language: str) -> re.Pattern[str]:
    lp = pack(language)
    opened = "|".join(re.escape(normalize(w)) for w in sorted(lp.dates.opened_words, key=len, reverse=True))
    days = "|".join(re.escape(normalize(w)) for forms in lp.weekdays for w in forms if not w.endswith("."))
    # (The verb may open the sentence: "Ouverte lundi, la session a réuni …".)
    return re.compile(rf"(?<!\w)(?i:{opened})\b[^.;]{{0,40}}?\b(?:{days})\b")


def lead_day(paragraphs: Sequence[str], dated: _dt.date, language: str) -> _dt.date:
    """The day the lead of a release published on ``dated`` tells of, when it writes no date: ``dated``
    itself ("… signed today"), or the day its first sentence names ("recorrió este lunes" in a release of
    Tuesday, "yesterday morning"); the first two paragraphs are read (a caption may come first)."""
    for paragraph in paragraphs[:2]:
        sentence = _first_sentence(paragraph, language)
        if _says(sentence, language, "today"):
            break
        relative = _relative_day(sentence, dated, language)
        if relative is not None:
            return relative
    return dated


def _named_in_masthead(turns: Sequence[Turn], lines: Sequence[str], language: str) -> list[Turn]:
    """Turns labelled by a surname in capitals ("BENNINGTON:") with the full name the page's header gives
    ("Senator the Hon Aroha Bennington", "The Hon Michael Dunstan MP"), when it gives exactly one."""
    out: list[Turn] = []
    found: dict[str, str | None] = {}
    for turn in turns:
        name = turn.name
        if name is not None and " " not in name and name.isupper() and len(name) > 2:
            if name not in found:
                # (A middle initial is a word of the name: "Enrique T. Villareal".)
                pattern = re.compile(rf"((?:[{upper_class()}][\w’'\-.]+ )+){re.escape(name.title())}(?![\w’'\-])")
                hits = {m.group(0).strip() for line in lines for m in pattern.finditer(line)}
                # The title's words before the name go ("Foreign Affairs Secretary Enrique T. Villareal").
                full = {n for h in hits if (n := _without_courtesy(_after_title(h, language), language))}
                full = {n for n in full if 2 <= len(n.split()) <= 4}
                found[name] = full.pop() if len(full) == 1 else None
            if found[name] is not None:
                turn = attrs.evolve(turn, name=found[name])
        out.append(turn)
    return out


def _after_title(written: str, language: str) -> str:
    """``written`` from the word after the last title or rank word in it ("Foreign Affairs Secretary Enrique T.
    Villareal" → "Enrique T. Villareal"); ``written`` when it holds none."""
    t = people_tables(language)
    words = written.split()
    last = max((i for i, w in enumerate(words[:-1]) if bare(w) in t.trigger_last), default=-1)
    return " ".join(words[last + 1 :])


def _without_courtesy(written: str, language: str) -> str | None:
    """A header's "The Hon Aroha Bennington" without its courtesy words and titles (the pack's vocabulary)."""
    vocab = people_tables(language).vocab
    words = written.split()
    while words and bare(words[0]) in vocab:
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else None


def _relative_day(sentence: str, dated: _dt.date, language: str) -> _dt.date | None:
    """The day a lead sentence without a date tells of, for a release dated ``dated``: the day before for
    "yesterday" ("Police executed search warrants … yesterday morning"), the weekday it names ("… the
    inaugural flight on Tuesday night" in a release of Wednesday 16 July: Tuesday 15 July; "will travel on
    Thursday": the next Thursday); ``None`` when it names neither."""
    if _says(sentence, language, "yesterday"):
        return dated - _dt.timedelta(days=1)
    return weekday_near(sentence, dated, language)


def _lead_reports(
    texts: Sequence[str], dated: _dt.date, body: tuple[_dt.date, _dt.date | None] | None, language: str
) -> tuple[_dt.date, _dt.date | None] | None:
    """``body`` (the dates the lead paragraphs give), unless they are all after the release's day ``dated``
    and the first sentence tells what happened that day or one it names ("a lancé mardi la campagne …"
    ¶ "La campagne se déroulera du 14 au 23 mars"; "dio inicio este lunes a la campaña …, que comenzará el
    17 de marzo"): what the lead reports is the event, what it announces is not."""
    if body is None or body[0] <= dated or not texts:
        return body
    sentence = _first_sentence(texts[0], language)
    if _says(sentence, language, "today"):
        return dated, None
    relative = _relative_day(sentence, dated, language)
    return (relative, None) if relative is not None and relative <= dated else body


def _later_range(paragraphs: Sequence[str], dated: _dt.date, language: str) -> tuple[_dt.date, _dt.date] | None:
    """The first range of days near ``dated`` that one of ``paragraphs`` gives, when the lead's first date is
    the release's own day ("UN Climate Change News, 3 June 2024 – … met this weekend" ¶ "The two-day
    workshop, held on 1 and 2 June, …"): the event's days."""
    for paragraph in paragraphs:
        found = find_body_dates(paragraph, dated.year, language=language)
        if found is not None and found[1] is not None and _near(found[0], dated):
            return found[0], found[1]
    return None


def _first_sentence(paragraph: str, language: str) -> str:
    """The paragraph up to its first sentence end (a stop, then a space and a letter).

    A dot that ends an abbreviation or a courtesy word of the pack ("the Most Hon. Dr. Andrew
    Clarke", "M. Dupont") or an initial ("John F. Kennedy") ends no sentence.
    """
    for m in _SENTENCE_END.finditer(paragraph):
        stop = m.start() - 1  # the mark the look-behind saw
        if paragraph[stop] == "." and ends_abbreviation(paragraph, stop, language):
            continue
        return paragraph[: m.start()]
    return paragraph


_NEAR_DAYS = 31  # a release reports an event of the past month or announces one of the next


def _near(day: _dt.date, dated: _dt.date) -> bool:
    """Whether ``day`` can be the event of a release dated ``dated`` (within a month either way)."""
    return abs((day - dated).days) <= _NEAR_DAYS


def _at_an_organization_seat(masthead: Sequence[str], language: str, capital: str) -> bool:
    """Whether a line of the masthead names an international organisation (the organisations table) whose
    headquarters are in ``capital``'s country, or whose seat the table does not give: NATO filing from
    Brussels says nothing of its people's countries; the IMF or UNICEF filing from Asunción or Kigali (a
    mission, a field office) is in the country whose officials it meets."""
    for line in masthead:
        if len(line) > _MASTHEAD_LINE:
            continue
        found = find_organization(line, language)
        if found is not None and organization_seat(found, language) in (None, capital):
            return True
    return False


_MASTHEAD_LINE = 80  # characters: a site's name, not a headline that mentions an organisation


_LIST_MARK = " • "


def _listed_countries(texts: Sequence[str], language: str) -> list[str] | None:
    """``texts`` with each bulleted list of countries under its lead-in written as the prose list it stands
    for, for the attendee rules only ("… de los siguientes países:" ¶ "Estados Unidos • Guatemala • Belice"
    reads as "… de los siguientes países Estados Unidos, Guatemala y Belice."); ``None`` when there is none.

    The list may be the lead-in's own paragraph (its items joined with " • ") or the next one; a
    list's paragraph is blanked, not removed, so that paragraph indices stay the release's.
    """
    out: list[str] | None = None
    for i, text in enumerate(texts):
        labelled = _labelled_items(text, language)
        if labelled is not None:
            # "The following authorities took part: Austria: Federal Police; … Belgium: …": each label a country.
            lead, countries = labelled
            joiner = pack(language).people.list_joiners[0]
            out = list(texts) if out is None else out
            out[i] = f"{lead} {', '.join(countries[:-1])} {joiner} {countries[-1]}. {text[len(lead) + 1 :]}"
            continue
        if _LIST_MARK not in text and not text.endswith(":"):
            continue
        lead, _, rest = text.partition(":" + _LIST_MARK) if ":" + _LIST_MARK in text else (text[:-1], ":", "")
        targets: list[int] = []
        if rest:
            items = rest.split(_LIST_MARK)
        elif text.endswith(":") and i + 1 < len(texts) and _LIST_MARK in texts[i + 1]:
            items, targets = texts[i + 1].split(_LIST_MARK), [i + 1]
        elif text.endswith(":"):
            # One item per paragraph (a saved page's <li>, each its own block): the run of countries after it.
            targets = list(itertools.takewhile(lambda k: listed_country(texts[k], language), range(i + 1, len(texts))))
            items = [texts[k] for k in targets]
        else:
            continue
        items = [item.strip(" .;,") for item in items]
        if len(items) < 2 or not all(item and listed_country(item, language) for item in items):
            continue
        joiner = pack(language).people.list_joiners[0]
        prose = f"{lead} {', '.join(items[:-1])} {joiner} {items[-1]}."
        out = list(texts) if out is None else out
        out[i] = prose
        for target in targets:
            out[target] = ""
    return out


def _labelled_items(text: str, language: str) -> tuple[str, list[str]] | None:
    """``(lead-in, countries)`` of a paragraph that lists items labelled by their country after a lead-in ending
    with a colon ("… took part: Austria: Federal Police; Belgium: …"), two of them or more; else ``None``."""
    lead, colon, rest = text.partition(": ")
    if not colon or not rest or ": " not in rest:
        return None
    # (A copied page joins the list's lines with a space: the label is the country that ends each piece.)
    pieces = [piece.replace(_LIST_MARK, " ") for piece in rest.split(": ")[:-1]]
    labels = [_country_at_end(piece.strip(), language) for piece in pieces]
    # Every label is a country, the first item's right after the lead-in.
    if len(labels) < 2 or None in labels or labels[0] != pieces[0].strip():
        return None
    return lead, [label for label in labels if label]


def _country_at_end(text: str, language: str) -> str | None:
    """The country's name that ends ``text`` ("… in Health Care Belgium" → "Belgium"), as written, else ``None``."""
    words = text.split()
    for n in range(min(4, len(words)), 0, -1):
        tail = " ".join(words[-n:])
        if listed_country(tail, language) and tail[:1].isupper():
            return tail
    return None


def _attendees_and_mentioned(
    texts: Sequence[str],
    language: str,
    analysis: Analysis,
    home: str | None,
    capital: str | None = None,
    turns: Sequence[Turn] = (),
    title: str | None = None,
    subtitle: str | None = None,
    filed_from: str | None = None,
) -> list[list[Attendee]]:
    """The attendees of ``texts`` and the people only mentioned (:mod:`.mentioned`), as two lists.

    ``filed_from`` is the country of the capital the release is filed from, if its dateline is one."""
    listed = _listed_countries(texts, language)
    if listed is not None:
        texts, analysis = listed, Analysis(listed)
    attendees, where = find_attendees(texts, language, analysis, home, capital, turns, filed_from=filed_from)
    attendees, mentioned = split_mentioned(attendees, where, texts, language)
    if subtitle:
        # The standfirst tells who takes part as the body does ("Du 3 au 14 mars, près de 900 militaires
        # français, estoniens et belges …"): its people and countries the body does not give are added.
        extra, extra_where = find_attendees([subtitle], language, home=home, capital=capital)
        extra, extra_mentioned = split_mentioned(extra, extra_where, [subtitle], language)
        # (One the body names too keeps what the standfirst says of them that the body does not: "with NATO
        # Secretary General X and the Prime Minister of Portugal, Y" over a transcript that calls Y by role.)
        attendees = [_filled_from(a, extra) for a in attendees]
        attendees = _with_new(attendees, extra)
        # (Only mentioned in the standfirst, a body's attendee stays one: "… succède à X" where X speaks.)
        mentioned = _with_new(mentioned, _with_new(attendees, extra_mentioned)[len(attendees) :])
    if title and (turns or _names_by_title(title, language)):
        # A transcript names its speakers in its headline ("Rueda de prensa del presidente del Gobierno,
        # X, y del primer ministro de Portugal, Y"), its turns by their roles only: they take part. So does
        # any headline that names someone by title ("Statement by Commissioner X on …", "Déclaration du
        # commissaire X sur …") when the body calls them by their role alone.
        named = {a.name for a in [*attendees, *mentioned] if a.name}
        found, where = find_attendees([title], language, home=home, named_only=not turns)
        found, _ = split_mentioned(found, where, [title], language)
        # (Not from a headline in title case, where every word looks like a name's: "Holloway Signs Wildfire
        # Readiness Package"; and only full names: a surname alone is a body's person called so again.)
        in_title = [
            a
            for a in found
            if a.name
            and (turns or ((a.role or a.rank) and 2 <= len(a.name.split()) <= 4 and not _title_cased(title, a.name)))
        ]
        # (A headline's shorter name of someone the body names in full is that person: "El ministro Alberto
        # Cienfuegos" over "Alberto Cienfuegos Ortega".)
        headline = [
            a
            for a in in_title
            if a.name not in named and (turns or not any(same_person(a.name or "", n) for n in named if n))
        ]
        # (One the body names too keeps what the headline says of them that the body does not: the role.)
        said = {a.name: a for a in in_title if a.name in named}
        attendees = [_filled(a, said[a.name]) if a.name in said else a for a in attendees]
        held = [normalize(a.role).lower() for a in headline if a.role]
        # (A turn's role that a headline's person holds is that person, no attendee of its own.)
        unnamed = [
            a for a in attendees if not a.name and not any(r.startswith(normalize(a.role or "").lower()) for r in held)
        ]
        attendees = [*(a for a in attendees if a.name), *headline, *unnamed]
    return [attendees, mentioned]


def _names_by_title(title: str, language: str) -> bool:
    """Whether a word of ``title`` is the last word of a rank, a title or a courtesy word of the pack (a
    cheap test before reading its people: most headlines name nobody by title)."""
    trigger = people_tables(language).trigger_last
    return any(bare(normalize(w)) in trigger for w in title.split())


def _title_cased(title: str, name: str) -> bool:
    """Whether ``title`` capitalises most of its words of four letters or more besides ``name``'s ("Governor
    Signs Wildfire Readiness Package"), as English headlines often do."""
    own = set(name.split())
    words = [w for w in title.split() if len(w) > 3 and w[:1].isalpha() and w not in own]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) / len(words) > _TITLE_CASE_SHARE


_TITLE_CASE_SHARE = 0.6


def _filled_from(attendee: Attendee, others: Sequence[Attendee]) -> Attendee:
    """``attendee`` filled from the one of ``others`` that is the same person, with that one's fuller name
    ("Sequeira" in the body, "Duarte Sequeira" in the standfirst)."""
    if attendee.name is None:
        return attendee
    match = next((o for o in others if o.name is not None and same_person(attendee.name, o.name)), None)
    if match is None or match.name is None:
        return attendee
    filled = _filled(attendee, match)
    if len(match.name) > len(attendee.name) and match.name.endswith(attendee.name):
        filled = attrs.evolve(filled, name=match.name)
    return filled


def _filled(attendee: Attendee, other: Attendee) -> Attendee:
    """``attendee`` with the rank, role, organisation and country it lacks taken from ``other``; and its role
    when ``other`` writes it in full ("Secretary" of a transcript's label, "Foreign Affairs Secretary")."""
    role = attendee.role or other.role
    if attendee.role and other.role and other.role.casefold().endswith(" " + attendee.role.casefold()):
        role = other.role
    return attrs.evolve(
        attendee,
        rank=attendee.rank or other.rank,
        role=role,
        organization=attendee.organization or other.organization,
        country=attendee.country or other.country,
    )


def _with_new(known: list[Attendee], more: Sequence[Attendee]) -> list[Attendee]:
    """``known`` and the attendees of ``more`` it does not hold yet: a named person no known one can be (the
    same name, or a shorter or longer form of it), an unnamed one of a country none of ``known`` is of."""
    out = list(known)
    countries = {a.country for a in known if a.country}
    for a in more:
        if a.name is not None:
            if any(b.name is not None and same_person(a.name, b.name) for b in out):
                continue
        elif a.country is None or a.country in countries:
            continue
        out.append(a)
        if a.country:
            countries.add(a.country)
    named = [a for a in out if a.name is not None]
    return [*named, *(a for a in out if a.name is None)]


def _guarded(what: str, rule: Callable[..., Any], *args: Any) -> list[Any]:
    """Run an extraction rule; a failure inside it costs its result, not the release."""
    try:
        result = rule(*args)
    except CommuniqueError:
        raise  # a parse error, or a malformed language pack: the user must see it
    except Exception as exc:  # a rule's bug must not lose the whole release
        _degraded(f"{what}: {type(exc).__name__}: {exc}")
        return []
    return list(result[0] if isinstance(result, tuple) else result)


def _degraded(detail: str) -> None:
    warnings.warn(
        f"the text parser kept the release but dropped part of what it found ({detail}); "
        "please report this release so the rule can be fixed",
        CommuniqueWarning,
        stacklevel=4,
    )


def release_from_text(text: str) -> PressRelease:
    """The whole plain-text parser on decoded ``text`` (see :mod:`communique.extract.segment`).

    ``source`` is the value of a ``Source:`` line if there is one, else
    ``None``: the parser does not guess a publisher from the content.
    """
    seg = segment(text)
    try:
        return release_from_parts(
            title=seg.title,
            paragraphs=seg.paragraphs,
            date_lines=seg.header,
            source=seg.source,
            url=seg.url,
            place=seg.place,
            subtitle=seg.subtitle,
            reference=seg.reference,
            title_derived=seg.title_derived,
            masthead=seg.masthead,
        )
    except ParseError as exc:
        if exc.line is None and seg.header:
            # Dates were already checked line by line in segment(); an error
            # here comes from the body or from the header as a whole.
            exc.line = seg.header[0].line
        raise
