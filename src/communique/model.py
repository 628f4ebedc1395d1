"""The press-release model: immutable, typed, validated on construction.

Every class is an attrs ``@frozen`` class with keyword-only fields.  Change a
release with :func:`attrs.evolve`; the result is validated again.

A :class:`Quote` points into :attr:`PressRelease.paragraphs` (or, with
``in_title``, into :attr:`Header.title`) by index and character offsets, and
into :attr:`PressRelease.attendees` by index when an attendee said it::

    paragraphs[q.paragraph].text[q.start:q.end] == q.text     # header.title[...] when q.in_title
    q.attendee is None or q.speaker == display(attendees[q.attendee])

where ``display`` is the attendee's name, or its role when it has no name.
Quotes sharing a :attr:`Quote.group` are the parts, one per paragraph, of one
quotation.  :attr:`PressRelease.mentions` holds people who are only mentioned.

Invalid values raise :class:`communique.errors.ValidationError` whose
``path`` names the field (``quotes[2].start``).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import Any

from attrs import evolve, field, frozen

from .errors import ValidationError

__all__ = ["Attendee", "Dates", "Header", "Paragraph", "PressRelease", "Quote"]

# BCP 47 in the shape a press release needs: a primary language subtag and
# optional subtags (region, script, variant).  Not a full registry check.
_BCP47 = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_ISO_COUNTRY = re.compile(r"[A-Z]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_free(value: str) -> bool:
    """Whether ``value`` holds no lone surrogate (which no UTF-8 format could carry)."""
    # isascii() is O(1) in CPython; only non-ASCII text can hold a surrogate,
    # and strict UTF-8 refuses exactly the surrogates, several times faster
    # than a regex scan.
    if str.isascii(value):
        return True
    try:
        str.encode(value, "utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_text(path: str, value: object, *, optional: bool, blank_ok: bool = True) -> None:
    if value is None:
        if optional:
            return
        raise ValidationError(path, "is required")
    if not isinstance(value, str):
        raise ValidationError(path, f"must be a string, not {type(value).__name__}")
    if not blank_ok and not value.strip():
        raise ValidationError(path, "must not be empty")
    if _surrogate_free(value):
        return
    bad = _SURROGATE.search(value)
    if bad:
        # A lone surrogate cannot be encoded in UTF-8, so no format could carry it.
        raise ValidationError(path, f"contains a lone surrogate U+{ord(bad.group()):04X} at offset {bad.start()}")


def _text(*, optional: bool = True, blank_ok: bool = True) -> Any:
    def validate(inst: object, attribute: Any, value: object) -> None:
        # The common case without a second call: valid text, or an allowed None
        # (the parser builds thousands of fields per second).
        if value is None:
            if optional:
                return
        elif type(value) is str and (blank_ok or value.strip()) and (value.isascii() or _surrogate_free(value)):
            return
        _check_text(attribute.name, value, optional=optional, blank_ok=blank_ok)

    return validate


@frozen(kw_only=True)
class Header:
    """What a reader sees first: title, language, publisher, address and dateline."""

    title: str = field(validator=_text(optional=False, blank_ok=False))
    """The headline, as written (one line)."""
    subtitle: str | None = field(default=None, validator=_text(blank_ok=False))
    """The standfirst or subtitle between the headline and the dates, as written (one line)."""
    language: str = field()
    """BCP 47 language tag of the release, e.g. ``"fr"`` or ``"en-GB"``."""
    source: str | None = field(default=None, validator=_text())
    """Publisher, e.g. ``"NATO"`` / ``"OTAN"``."""
    url: str | None = field(default=None, validator=_text())
    """Where the release was published, if known."""
    dateline: str | None = field(default=None, validator=_text())
    """The place the release is filed from, e.g. ``"Belgrade"``."""
    reference: str | None = field(default=None, validator=_text(blank_ok=False))
    """The publisher's document number as written, without a label: ``"SG/SM/12131"``,
    ``"Press Release (2019) 123"``, ``"NR-099-17"`` (one line)."""
    title_derived: bool = field(default=False)
    """``True`` when the page had no headline and the parser made :attr:`title` from the text
    (e.g. its first sentence); ``False`` when the title was written as a headline."""

    @title.validator
    @subtitle.validator
    @reference.validator
    def _one_line(self, attribute: Any, value: str | None) -> None:
        if value is not None and ("\n" in value or "\r" in value):
            raise ValidationError(attribute.name, "must be a single line")

    @language.validator
    def _language_tag(self, attribute: Any, value: object) -> None:
        if not isinstance(value, str) or not _BCP47.fullmatch(value):
            raise ValidationError("language", f"must be a BCP 47 language tag such as 'fr' or 'en-GB', not {value!r}")

    @title_derived.validator
    def _is_bool(self, attribute: Any, value: object) -> None:
        if type(value) is not bool:
            raise ValidationError("title_derived", f"must be a bool, not {type(value).__name__}")


def _is_date(value: object) -> bool:
    return type(value) is _dt.date


def stamp_day(value: _dt.date) -> _dt.date:
    """The calendar day of a stamp: ``value`` itself for a date, its date for a datetime."""
    return value.date() if isinstance(value, _dt.datetime) else value


def stamp_before(a: _dt.date, b: _dt.date) -> bool:
    """Whether stamp ``a`` is before stamp ``b`` (dates or datetimes, see :class:`Dates`).

    Two datetimes are compared as instants; when either is a date only, the
    two are compared by calendar day, so a date is never before a datetime
    of the same day, nor after it.
    """
    if isinstance(a, _dt.datetime) and isinstance(b, _dt.datetime):
        return a < b
    return stamp_day(a) < stamp_day(b)


@frozen(kw_only=True)
class Dates:
    """When the event happens and when the release was published or updated.

    A stamp (``published``, ``updated``) is a :class:`datetime.datetime` when the
    page gives a time, and a :class:`datetime.date` when it gives only a day:
    no midnight is invented.  ``updated`` is not before ``published``; when one
    of them is a date only they are compared by day.
    """

    start: _dt.date | None = None
    """First day of the event (a date, not a datetime)."""
    end: _dt.date | None = None
    """Last day of the event; equal to ``start`` or later.  Requires ``start``."""
    published: _dt.datetime | _dt.date | None = None
    """When the release was first published: a datetime, or a date when no time is given."""
    updated: _dt.datetime | _dt.date | None = None
    """When the release was last updated: a datetime, or a date when no time is given."""

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and not _is_date(value):
                raise ValidationError(name, f"must be a datetime.date (not a datetime), not {type(value).__name__}")
        for name in ("published", "updated"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, _dt.date):
                raise ValidationError(
                    name, f"must be a datetime.datetime or a datetime.date, not {type(value).__name__}"
                )
        if self.end is not None:
            if self.start is None:
                raise ValidationError("end", "an end date needs a start date")
            if self.end < self.start:
                raise ValidationError("end", f"{self.end.isoformat()} is before start {self.start.isoformat()}")
        published, updated = self.published, self.updated
        if published is not None and updated is not None:
            # The time-zone rule is for two datetimes; a date-only stamp compares by day with anything.
            if (
                isinstance(published, _dt.datetime)
                and isinstance(updated, _dt.datetime)
                and (published.tzinfo is None) != (updated.tzinfo is None)
            ):
                raise ValidationError("updated", "published and updated must both have a time zone or both have none")
            if stamp_before(updated, published):
                raise ValidationError("updated", "is before published")


@frozen(kw_only=True)
class Paragraph:
    """One paragraph of body text, as written (the dateline is removed from the first one)."""

    text: str = field(validator=_text(optional=False))


@frozen(kw_only=True)
class Quote:
    """Words inside quotation marks, located in a paragraph (or the title), with who said them.

    A quotation that spans paragraphs is one ``Quote`` per paragraph, the parts
    sharing a :attr:`group` id.
    """

    text: str = field(validator=_text(optional=False, blank_ok=False))
    """The quoted words, quotation marks excluded."""
    speaker: str | None = field(default=None, validator=_text())
    """Who said it, as a reader names them: the person's name, or the role of a speaker known only by
    role (with :attr:`attendee`, the display string of that attendee); ``None`` when the speaker is
    unknown.  (The text parser makes no quote of words in marks that are no one's speech: a name, a
    title, a term.)"""
    attendee: int | None = None
    """Index in :attr:`PressRelease.attendees` of the speaker; ``None`` when the speaker is not an
    attendee.  A quote whose speaker is an attendee's name is linked to it on construction."""
    paragraph: int = 0
    """Index into :attr:`PressRelease.paragraphs` (``0`` for a quotation in the title)."""
    start: int = 0
    """Offset of the first character of :attr:`text` in the paragraph (in the title, with :attr:`in_title`)."""
    end: int = 0
    """Offset just past the last character, so that ``paragraph_text[start:end] == text``."""
    in_title: bool = False
    """``True`` for a quotation inside :attr:`Header.title`: ``start`` and ``end`` index the title."""
    group: int | None = None
    """Quotes sharing a group id are the parts, one per paragraph and in paragraph order, of one
    quotation that spans paragraphs; ``None`` for a quotation within one paragraph."""

    def __attrs_post_init__(self) -> None:
        p, s, e = self.paragraph, self.start, self.end
        if not (type(p) is int and p >= 0 and type(s) is int and s >= 0 and type(e) is int and e >= 0):
            self._check_offsets()  # the common case, three valid offsets, costs no loop
        if self.end - self.start != len(self.text):
            raise ValidationError(
                "end", f"end - start ({self.end} - {self.start}) must equal the length of text ({len(self.text)})"
            )
        if self.attendee is not None or self.group is not None or self.in_title is not False:
            self._check_links()  # the common case, a body quote in one paragraph, costs nothing

    def _check_offsets(self) -> None:
        """Raise the error for the first offset that is not a non-negative int."""
        for name in ("paragraph", "start", "end"):
            value = getattr(self, name)
            if type(value) is not int:
                raise ValidationError(name, f"must be an int, not {type(value).__name__}")
            if value < 0:
                raise ValidationError(name, f"must not be negative ({value})")

    def _check_links(self) -> None:
        for name in ("attendee", "group"):
            value = getattr(self, name)
            if value is None:
                continue
            if type(value) is not int:
                raise ValidationError(name, f"must be an int or None, not {type(value).__name__}")
            if value < 0:
                raise ValidationError(name, f"must not be negative ({value})")
        if type(self.in_title) is not bool:
            raise ValidationError("in_title", f"must be a bool, not {type(self.in_title).__name__}")
        if self.in_title:
            if self.paragraph != 0:
                raise ValidationError("paragraph", f"must be 0 for a quotation in the title, not {self.paragraph}")
            if self.group is not None:
                raise ValidationError("group", "a quotation in the title cannot span paragraphs")
        if self.attendee is not None and self.speaker is None:
            raise ValidationError("speaker", "a quote said by an attendee needs the speaker's name or role")


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        # A bare string would silently become a tuple of characters.
        raise ValidationError("aliases", "must be a sequence of strings, not a string")
    return tuple(value)


@frozen(kw_only=True)
class Attendee:
    """A person taking part: by name, or known only by role."""

    name: str | None = field(default=None, validator=_text(blank_ok=False))
    """The person's name as written in the release (``None`` if known only by role)."""
    rank: str | None = field(default=None, validator=_text())
    """Military or diplomatic rank, e.g. ``"général de corps aérien"``."""
    role: str | None = field(default=None, validator=_text())
    """Function, e.g. ``"chef d'état-major de la défense"``."""
    organization: str | None = field(default=None, validator=_text())
    """Organisation the person represents, e.g. ``"OTAN"``."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the country the person represents."""
    aliases: tuple[str, ...] = field(default=(), converter=_str_tuple)
    """Other names the release uses for the person, e.g. ``("DCMC",)``."""

    def __attrs_post_init__(self) -> None:
        if self.name is None and not (self.role and self.role.strip()):
            raise ValidationError("name", "an attendee needs a name or a role")
        if self.country is not None and not (isinstance(self.country, str) and _ISO_COUNTRY.fullmatch(self.country)):
            raise ValidationError("country", f"must be an ISO 3166-1 alpha-2 code such as 'FR', not {self.country!r}")
        for i, alias in enumerate(self.aliases):
            _check_text(f"aliases[{i}]", alias, optional=False, blank_ok=False)


def _as_tuple(value: Iterable[Any], name: str, cls: type) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)):
        raise ValidationError(name, f"must be a sequence of {cls.__name__}, not a string")
    return tuple(value)


def _paragraph_tuple(value: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return _as_tuple(value, "paragraphs", Paragraph)


def _attendee_tuple(value: Iterable[Attendee]) -> tuple[Attendee, ...]:
    return _as_tuple(value, "attendees", Attendee)


def _mention_tuple(value: Iterable[Attendee]) -> tuple[Attendee, ...]:
    return _as_tuple(value, "mentions", Attendee)


def display_name(attendee: Attendee) -> str:
    """How a quote's :attr:`~Quote.speaker` names ``attendee``: its name, or its role when it has none."""
    return attendee.name if attendee.name is not None else attendee.role or ""


def _quote_order(value: Iterable[Quote]) -> tuple[Quote, ...]:
    items = _as_tuple(value, "quotes", Quote)
    for i, item in enumerate(items):
        if not isinstance(item, Quote):
            raise ValidationError(f"quotes[{i}]", f"must be a Quote, not {type(item).__name__}")
    # Quotes are kept in reading order (the title's first) so that every
    # format, including inline XML markup, gives them back in the same order.
    return tuple(sorted(items, key=lambda q: (not q.in_title, q.paragraph, q.start)))


@frozen(kw_only=True)
class PressRelease:
    """A press release: header, dates, paragraphs, quotes, attendees and people only mentioned."""

    header: Header
    dates: Dates = field(factory=Dates)
    paragraphs: tuple[Paragraph, ...] = field(default=(), converter=_paragraph_tuple)
    quotes: tuple[Quote, ...] = field(default=(), converter=_quote_order)
    """Quotes in reading order: those in the title first, then by paragraph and start offset."""
    attendees: tuple[Attendee, ...] = field(default=(), converter=_attendee_tuple)
    """The people taking part (the participants)."""
    mentions: tuple[Attendee, ...] = field(default=(), converter=_mention_tuple)
    """People the release only mentions — a predecessor, a historical figure, the topic of talks, the
    addressee of a greeting — who are not participants."""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.header, Header):
            raise ValidationError("header", f"must be a Header, not {type(self.header).__name__}")
        if not isinstance(self.dates, Dates):
            raise ValidationError("dates", f"must be a Dates, not {type(self.dates).__name__}")
        for i, p in enumerate(self.paragraphs):
            if not isinstance(p, Paragraph):
                raise ValidationError(f"paragraphs[{i}]", f"must be a Paragraph, not {type(p).__name__}")
        names: dict[str, int] = {}
        for i, a in enumerate(self.attendees):
            if not isinstance(a, Attendee):
                raise ValidationError(f"attendees[{i}]", f"must be an Attendee, not {type(a).__name__}")
            if a.name is not None:
                if a.name in names:
                    raise ValidationError(f"attendees[{i}].name", f"{a.name!r} appears twice; names identify speakers")
                names[a.name] = i
        if self.mentions:
            self._check_mentions(names)
        quotes = self.quotes
        if names and any(q.attendee is None and q.speaker in names for q in quotes):
            # A speaker named like an attendee is that attendee (names are unique): link it, so that
            # ``attendee is None`` always means the speaker is not an attendee.
            quotes = tuple(
                evolve(q, attendee=names[q.speaker]) if q.attendee is None and q.speaker in names else q for q in quotes
            )
            object.__setattr__(self, "quotes", quotes)
        groups: dict[int, tuple[int, Quote, int]] = {}  # group id -> (index, quote, parts) of its last part
        previous: Quote | None = None
        for i, q in enumerate(quotes):
            path = f"quotes[{i}]"
            if q.in_title:
                text = self.header.title
                where = "the title"
            else:
                if q.paragraph >= len(self.paragraphs):
                    raise ValidationError(
                        f"{path}.paragraph", f"{q.paragraph} is out of range ({len(self.paragraphs)} paragraphs)"
                    )
                text = self.paragraphs[q.paragraph].text
                where = f"paragraph {q.paragraph}"
            if q.end > len(text):
                raise ValidationError(f"{path}.end", f"{q.end} is past the end of {where} ({len(text)} characters)")
            if text[q.start : q.end] != q.text:
                raise ValidationError(f"{path}.text", f"does not match {where} at {q.start}:{q.end}")
            if q.attendee is not None:
                self._check_speaker(path, q)
            if (
                previous is not None
                and previous.in_title == q.in_title
                and previous.paragraph == q.paragraph
                and q.start < previous.end
            ):
                raise ValidationError(f"{path}.start", "overlaps the previous quote")
            if q.group is not None:
                part = groups.get(q.group)
                if part is not None:
                    self._check_group(path, q, part[0], part[1])
                groups[q.group] = (i, q, 1 if part is None else part[2] + 1)
            previous = q
        for group, (i, _, parts) in groups.items():
            if parts < 2:
                raise ValidationError(
                    f"quotes[{i}].group",
                    f"group {group} has one part; a quotation that spans paragraphs has two or more",
                )

    def _check_mentions(self, names: dict[str, int]) -> None:
        seen: set[str] = set()
        for i, a in enumerate(self.mentions):
            if not isinstance(a, Attendee):
                raise ValidationError(f"mentions[{i}]", f"must be an Attendee, not {type(a).__name__}")
            if a.name is None:
                continue
            if a.name in names:
                raise ValidationError(f"mentions[{i}].name", f"{a.name!r} is an attendee; a person is one or the other")
            if a.name in seen:
                raise ValidationError(f"mentions[{i}].name", f"{a.name!r} appears twice")
            seen.add(a.name)

    def _check_speaker(self, path: str, q: Quote) -> None:
        index = q.attendee
        assert index is not None
        if index >= len(self.attendees):
            raise ValidationError(f"{path}.attendee", f"{index} is out of range ({len(self.attendees)} attendees)")
        expected = display_name(self.attendees[index])
        if q.speaker != expected:
            raise ValidationError(
                f"{path}.speaker", f"{q.speaker!r} is not {expected!r}, the name or role of attendees[{index}]"
            )

    @staticmethod
    def _check_group(path: str, q: Quote, index: int, before: Quote) -> None:
        """``q`` follows ``before`` (``quotes[index]``), the previous part of its group."""
        if q.paragraph == before.paragraph:
            raise ValidationError(
                f"{path}.group", f"group {q.group} has two parts in paragraph {q.paragraph}; one part per paragraph"
            )
        if q.speaker != before.speaker or q.attendee != before.attendee:
            raise ValidationError(
                f"{path}.speaker", f"the parts of group {q.group} have one speaker; quotes[{index}] has another"
            )

    def attendee(self, name: str) -> Attendee:
        """Return the attendee called ``name`` (or with that alias).

        Raises :class:`~communique.errors.AttendeeNotFound` (a ``CommuniqueError`` and a ``KeyError``) if none.
        """
        for a in self.attendees:
            if a.name == name or name in a.aliases:
                return a
        from .errors import AttendeeNotFound

        raise AttendeeNotFound(name)

    @property
    def text(self) -> str:
        """The body as plain text: paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)
