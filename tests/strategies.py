"""Hypothesis strategies that build valid press releases, shared by every round-trip test."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from communique.model import Attendee, Dates, Header, Paragraph, PressRelease, Quote, stamp_before

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
    attendees: list[Attendee] = []
    names: set[str] = set()
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.none() | _non_blank(xml_safe=xml_safe, one_line=True, max_size=20))
        if name in names:
            continue
        role = draw(_non_blank(xml_safe=xml_safe, one_line=True)) if name is None else draw(optional())
        attendees.append(
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
    paragraphs = [Paragraph(text=draw(t(max_size=120))) for _ in range(draw(st.integers(0, max_paragraphs)))]
    speakers = sorted(names)
    quotes: list[Quote] = []
    for index, paragraph in enumerate(paragraphs):
        cuts = sorted(set(draw(st.lists(st.integers(0, len(paragraph.text)), max_size=6))))
        # Consecutive cut points delimit non-overlapping (possibly adjacent) quotes.
        for start, end in zip(cuts[::2], cuts[1::2], strict=False):
            words = paragraph.text[start:end]
            if not words.strip():
                continue
            speaker = draw(st.none() | st.sampled_from(speakers)) if speakers else None
            quotes.append(Quote(text=words, speaker=speaker, paragraph=index, start=start, end=end))
    return PressRelease(header=header, dates=draw(dates()), paragraphs=paragraphs, quotes=quotes, attendees=attendees)
