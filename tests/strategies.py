"""Hypothesis strategies that build valid press releases, shared by every round-trip test."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from communique.model import Attendee, Dates, Header, Paragraph, PressRelease, Quote, display_name, stamp_before

# Any Unicode a release could carry: no lone surrogates (the model refuses them).
# Formats that cannot carry some characters (XML 1.0 and C0 controls) filter with ``text(xml_safe=True)``.
_XML_SAFE = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff").filter(
    lambda c: c in "\t\n\r" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x84 or 0x86 <= ord(c) <= 0x9F)
)
_ANY = st.characters(blacklist_categories=("Cs",))


def text(
    *, min_size: int = 0, max_size: int = 40, xml_safe: bool = False, one_line: bool = False
) -> st.SearchStrategy[str]:
    chars = _XML_SAFE if xml_safe else _ANY
    if one_line:
        chars = chars.filter(lambda c: c not in "\n\r")
    return st.text(chars, min_size=min_size, max_size=max_size)


def _non_blank(**kw: object) -> st.SearchStrategy[str]:
    return text(min_size=1, **kw).filter(lambda s: s.strip() != "")  # type: ignore[arg-type]


LANGUAGES = st.sampled_from(["fr", "en", "en-GB", "fr-BE", "sr-Latn", "el"])
COUNTRIES = st.sampled_from(["AL", "BG", "BA", "GR", "MK", "RO", "RS", "TR", "ME", "HR", "SI", "FR", "US", "GB"])
_naive = st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2100, 1, 1))
_days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 1, 1))


@st.composite
def dates(draw: st.DrawFn) -> Dates:
    start = draw(st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 1, 1)))
    end = None if start is None else draw(st.none() | st.integers(0, 30).map(lambda d: start + dt.timedelta(days=d)))
    aware = draw(st.booleans())
    timed = _naive.map(lambda d: d.replace(tzinfo=dt.timezone(dt.timedelta(hours=2)))) if aware else _naive
    # A stamp is a datetime, or a date when the page gave no time (either may be date-only).
    stamp = timed | _days
    published = draw(st.none() | stamp)
    updated = draw(st.none() | stamp)
    if published is not None and updated is not None and stamp_before(updated, published):
        published, updated = updated, published
    return Dates(start=start, end=end, published=published, updated=updated)


@st.composite
def releases(draw: st.DrawFn, *, xml_safe: bool = False, max_paragraphs: int = 5) -> PressRelease:
    """Valid releases: any Unicode, empty tuples, ``None`` wherever allowed, quotes at any offsets."""
    t = lambda **kw: text(xml_safe=xml_safe, **kw)  # noqa: E731
    optional = lambda: st.none() | t(one_line=True)  # noqa: E731
    header = Header(
        title=draw(_non_blank(xml_safe=xml_safe, one_line=True)),
        subtitle=draw(st.none() | _non_blank(xml_safe=xml_safe, one_line=True)),
        language=draw(LANGUAGES),
        source=draw(optional()),
        url=draw(st.none() | st.just("https://www.nato.int/cps/fr/natohq/news_155.htm")),
        dateline=draw(optional()),
        reference=draw(
            st.none()
            | st.sampled_from(["SG/SM/12131", "Press Release (2019) 123", "IP/23/1234", "NR-099-17"])
            | _non_blank(xml_safe=xml_safe, one_line=True, max_size=20)
        ),
        title_derived=draw(st.booleans()),
    )
    names: set[str] = set()
    attendees = draw(_people(names, xml_safe=xml_safe, max_size=4))
    # People only mentioned: the same type, names distinct from the attendees'.
    mentions = draw(_people(names, xml_safe=xml_safe, max_size=3))
    paragraphs = [Paragraph(text=draw(t(max_size=120))) for _ in range(draw(st.integers(0, max_paragraphs)))]
    # Who may say a quote: nobody; an attendee by display string (name or role), linked or, for a
    # name, left for the model to link; someone who is not an attendee.
    who: list[tuple[str | None, int | None]] = [(None, None)]
    for i, a in enumerate(attendees):
        who.append((display_name(a), i))
        if a.name is not None:
            who.append((a.name, None))
    speakers = st.sampled_from(who) | t(one_line=True, max_size=15).map(lambda s: (s, None))

    def cut(text: str) -> list[tuple[int, int]]:
        points = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))))
        # Consecutive cut points delimit non-overlapping (possibly adjacent) quotes.
        return [(a, b) for a, b in zip(points[::2], points[1::2], strict=False) if text[a:b].strip()]

    quotes: list[dict[str, object]] = []
    if draw(st.booleans()):
        for start, end in cut(header.title):
            quotes.append({"paragraph": 0, "start": start, "end": end, "in_title": True})
    for index, paragraph in enumerate(paragraphs):
        for start, end in cut(paragraph.text):
            quotes.append({"paragraph": index, "start": start, "end": end})
    for q in quotes:
        q["speaker"], q["attendee"] = draw(speakers)
    # Quotations that span paragraphs: one part in each of two or more paragraphs, in order, with
    # the speaker of the first part.
    free = [i for i, q in enumerate(quotes) if not q.get("in_title")]
    ids = iter(draw(st.lists(st.integers(0, 99), unique=True, min_size=3, max_size=3)))
    for _ in range(draw(st.integers(0, 2))):
        by_paragraph: dict[object, int] = {}
        for i in draw(st.permutations(free)):
            by_paragraph.setdefault(quotes[i]["paragraph"], i)
        parts = sorted(by_paragraph.values())
        if len(parts) < 2:
            break
        parts = parts[: draw(st.integers(2, len(parts)))]
        group = next(ids)
        for i in parts:
            quotes[i].update(group=group, speaker=quotes[parts[0]]["speaker"], attendee=quotes[parts[0]]["attendee"])
        free = [i for i in free if i not in parts]
    built = []
    for q in quotes:
        source = header.title if q.get("in_title") else paragraphs[q["paragraph"]].text  # type: ignore[index]
        built.append(Quote(text=source[q["start"] : q["end"]], **q))  # type: ignore[arg-type, misc]
    return PressRelease(
        header=header,
        dates=draw(dates()),
        paragraphs=paragraphs,
        quotes=built,
        attendees=attendees,
        mentions=mentions,
    )


@st.composite
def _people(draw: st.DrawFn, names: set[str], *, xml_safe: bool, max_size: int) -> list[Attendee]:
    """Attendees (or people mentioned) whose names are not in ``names``; their names are added to it."""
    t = lambda **kw: text(xml_safe=xml_safe, **kw)  # noqa: E731
    optional = lambda: st.none() | t(one_line=True)  # noqa: E731
    people: list[Attendee] = []
    for _ in range(draw(st.integers(0, max_size))):
        name = draw(st.none() | _non_blank(xml_safe=xml_safe, one_line=True, max_size=20))
        if name in names:
            continue
        role = draw(_non_blank(xml_safe=xml_safe, one_line=True)) if name is None else draw(optional())
        people.append(
            Attendee(
                name=name,
                rank=draw(optional()),
                role=role,
                organization=draw(optional()),
                country=draw(st.none() | COUNTRIES),
                aliases=tuple(draw(st.lists(_non_blank(xml_safe=xml_safe, one_line=True, max_size=8), max_size=2))),
            )
        )
        if name is not None:
            names.add(name)
    return people
