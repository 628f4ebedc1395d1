"""The model: immutable, keyword-only, validated on construction; errors name the field."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from builders import TEXT, TWO, quote, release, spanning
from communique import Attendee, Dates, Header, Paragraph, PressRelease, Quote, ValidationError


def test_a_valid_release_is_built_and_compares_by_value() -> None:
    assert release() == release()
    assert release().paragraphs[0].text[release().quotes[0].start : release().quotes[0].end] == release().quotes[0].text


def test_classes_are_frozen_slotted_and_keyword_only() -> None:
    r = release()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.header = r.header  # type: ignore[misc]
    assert not hasattr(r, "__dict__")
    with pytest.raises(TypeError):
        Paragraph("positional")  # type: ignore[misc]


def test_evolve_revalidates() -> None:
    r = release()
    with pytest.raises(ValidationError) as err:
        attrs.evolve(r, attendees=())
    assert err.value.path == "quotes[0].attendee"


def test_lists_become_tuples_and_quotes_are_kept_in_reading_order() -> None:
    r = release(quotes=[quote("l’OTAN est déterminée"), quote("l’avenir réside dans la coopération")])
    assert isinstance(r.quotes, tuple)
    assert [q.start for q in r.quotes] == sorted(q.start for q in r.quotes)


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Dates(start=dt.date(2018, 5, 23), end=dt.date(2018, 5, 22)), "end"),
        (lambda: Dates(end=dt.date(2018, 5, 22)), "end"),
        (lambda: Dates(start=dt.datetime(2018, 5, 22, 10, 0)), "start"),
        (lambda: Dates(updated="2018-05-22"), "updated"),  # type: ignore[arg-type]
        (lambda: Dates(published=1527000000), "published"),  # type: ignore[arg-type]
        (lambda: Dates(published=dt.date(2018, 5, 23), updated=dt.datetime(2018, 5, 22, 23, 59)), "updated"),
        (lambda: Dates(published=dt.datetime(2018, 5, 23, 0, 1), updated=dt.date(2018, 5, 22)), "updated"),
        (lambda: Header(title="T", language="fr", subtitle="two\nlines"), "subtitle"),
        (lambda: Header(title="T", language="fr", subtitle=" "), "subtitle"),
        (lambda: Header(title="T", language="fr", reference="SG/SM/1\r2"), "reference"),
        (lambda: Header(title="T", language="fr", reference=""), "reference"),
        (lambda: Header(title="T", language="fr", title_derived=1), "title_derived"),  # type: ignore[arg-type]
        (lambda: Header(title="T", language="fr", title_derived=None), "title_derived"),  # type: ignore[arg-type]
        (lambda: Header(title="", language="fr"), "title"),
        (lambda: Header(title="   ", language="fr"), "title"),
        (lambda: Header(title="two\nlines", language="fr"), "title"),
        (lambda: Header(title="T", language="french!"), "language"),
        (lambda: Attendee(), "name"),
        (lambda: Attendee(name="X", country="fr"), "country"),
        (lambda: Attendee(name="X", country="FRA"), "country"),
        (lambda: Attendee(name="X", aliases="DCMC"), "aliases"),
        (lambda: Attendee(name="X", aliases=("",)), "aliases[0]"),
        (lambda: Paragraph(text="bad \ud800 surrogate"), "text"),
        (lambda: Quote(text="abc", paragraph=0, start=0, end=2), "end"),
        (lambda: Quote(text="abc", paragraph=-1, start=0, end=3), "paragraph"),
        (lambda: Quote(text="abc", paragraph=True, start=0, end=3), "paragraph"),
        (lambda: release(quotes=(quote("l’OTAN", paragraph=1),)), "quotes[0].paragraph"),
        (lambda: release(quotes=(Quote(text="x", paragraph=0, start=len(TEXT), end=len(TEXT) + 1),)), "quotes[0].end"),
        (lambda: release(quotes=(Quote(text="zzz", paragraph=0, start=0, end=3),)), "quotes[0].text"),
        (lambda: release(quotes=(attrs.evolve(quote("l’avenir"), attendee=0, speaker="Nobody"),)), "quotes[0].speaker"),
        (lambda: release(quotes=(attrs.evolve(quote("l’avenir"), attendee=1),)), "quotes[0].attendee"),
        (lambda: Quote(text="abc", end=3, attendee=-1), "attendee"),
        (lambda: Quote(text="abc", end=3, attendee=True), "attendee"),
        (lambda: Quote(text="abc", end=3, attendee=0), "speaker"),
        (lambda: Quote(text="abc", end=3, group=-2), "group"),
        (lambda: Quote(text="abc", end=3, group="1"), "group"),
        (lambda: Quote(text="abc", end=3, in_title=1), "in_title"),
        (lambda: Quote(text="abc", paragraph=1, end=3, in_title=True), "paragraph"),
        (lambda: Quote(text="abc", end=3, in_title=True, group=0), "group"),
        (lambda: release(quotes=(Quote(text="Titre", start=1, end=6, in_title=True),)), "quotes[0].end"),
        (lambda: release(quotes=(Quote(text="itr", start=0, end=3, in_title=True),)), "quotes[0].text"),
        (lambda: release(mentions=(Attendee(name="Shepro"),)), "mentions[0].name"),
        (lambda: release(mentions=(Attendee(name="X"), Attendee(name="X"))), "mentions[1].name"),
        (lambda: release(mentions=("X",)), "mentions[0]"),
        (lambda: release(mentions="X"), "mentions"),
        (lambda: release(quotes=(quote("l’avenir réside"), quote("réside dans"))), "quotes[1].start"),
        (lambda: release(attendees=(Attendee(name="A"), Attendee(name="A"))), "attendees[1].name"),
        (lambda: release(paragraphs=("plain string",)), "paragraphs[0]"),
        (lambda: release(paragraphs="a string"), "paragraphs"),
        (lambda: release(header="x"), "header"),
    ],
)
def test_invalid_values_raise_a_validation_error_naming_the_field(build: object, path: str) -> None:
    with pytest.raises(ValidationError) as err:
        build()  # type: ignore[operator]
    assert err.value.path == path
    assert str(err.value).startswith(path)


def test_validation_error_is_a_communique_error_and_a_value_error() -> None:
    from communique import CommuniqueError

    with pytest.raises(CommuniqueError) as err:
        Dates(start=dt.date(2018, 5, 23), end=dt.date(2018, 5, 22))
    assert isinstance(err.value, ValueError)


def test_adjacent_quotes_and_speakerless_quotes_are_allowed() -> None:
    text = "«un»«deux»"
    r = PressRelease(
        header=Header(title="T", language="fr"),
        paragraphs=[Paragraph(text=text)],
        quotes=[quote("un", None, text=text), Quote(text="»«", paragraph=0, start=3, end=5)],
    )
    assert r.quotes[1].speaker is None


def test_attendee_lookup_by_name_or_alias() -> None:
    r = release()
    assert r.attendee("DCMC") is r.attendee("Shepro")
    with pytest.raises(KeyError):
        r.attendee("Nobody")


def test_text_joins_paragraphs_with_blank_lines() -> None:
    r = release(paragraphs=(Paragraph(text=TEXT), Paragraph(text="Deux.")))
    assert r.text == TEXT + "\n\nDeux."


def test_a_stamp_may_be_a_date_only_and_is_then_compared_by_day() -> None:
    day = dt.date(2018, 5, 22)
    # A date-only stamp is kept as a date: no midnight is invented.
    assert Dates(published=day).published == day
    assert type(Dates(updated=day).updated) is dt.date
    # Compared by day with a datetime, aware or naive: the time-zone rule is for two datetimes only.
    aware = dt.datetime(2018, 5, 22, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert Dates(published=day, updated=aware).updated == aware
    assert Dates(published=aware, updated=day).updated == day
    assert Dates(published=day, updated=dt.datetime(2018, 5, 23, 10, 0)).published == day
    assert Dates(published=day, updated=day).updated == day
    with pytest.raises(ValidationError) as err:
        Dates(published=aware, updated=dt.datetime(2018, 5, 23, 10, 0))
    assert err.value.path == "updated"
    assert "time zone" in err.value.message


def test_subtitle_reference_and_derived_title_default_to_absent() -> None:
    h = Header(title="T", language="en")
    assert (h.subtitle, h.reference, h.title_derived) == (None, None, False)
    h = Header(
        title="NATO Secretary General meets the Prime Minister",
        subtitle="by NATO Secretary General Jens Stoltenberg",
        language="en",
        reference="Press Release (2019) 123",
        title_derived=True,
    )
    assert h.reference == "Press Release (2019) 123"
    assert h.title_derived is True


# --- issue 14: quotations over paragraphs, in the title, by role; people only mentioned ------------


def test_new_fields_default_to_a_plain_quote_and_no_mentions() -> None:
    q = Quote(text="abc", end=3)
    assert (q.attendee, q.in_title, q.group) == (None, False, None)
    assert release().mentions == ()


def test_a_quotation_over_two_paragraphs_said_by_a_role_with_a_title_quote_first() -> None:
    r = spanning()
    # The title's quotes come first in reading order.
    assert [(q.in_title, q.paragraph) for q in r.quotes] == [(True, 0), (False, 0), (False, 1)]
    assert r.header.title[r.quotes[0].start : r.quotes[0].end] == "Unis"
    assert [q.group for q in r.quotes] == [None, 7, 7]
    assert r.attendees[r.quotes[1].attendee or 0].role == r.quotes[1].speaker
    assert r.mentions[0].name == "Jens Stoltenberg" and r.attendees[0].name is None


def test_a_speaker_named_like_an_attendee_is_linked_to_it() -> None:
    r = release()
    assert [q.attendee for q in r.quotes] == [0, 0]
    assert r == release(quotes=[attrs.evolve(q, attendee=0) for q in r.quotes])


def test_a_speaker_who_is_not_an_attendee_stays_unlinked() -> None:
    r = release(quotes=(quote("l’avenir", speaker="un porte-parole"),))
    assert (r.quotes[0].speaker, r.quotes[0].attendee) == ("un porte-parole", None)
    # A mention is not an attendee: a quote by someone only mentioned is not linked either.
    r = release(quotes=(quote("l’avenir", speaker="Jane Doe"),), mentions=(Attendee(name="Jane Doe"),))
    assert r.quotes[0].attendee is None


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda qs: qs[:1] + qs[2:], "quotes[1].group", "one part"),
        (lambda qs: [attrs.evolve(qs[0], group=1), qs[1], qs[2]], "quotes[1].group", "one part"),
        (
            lambda qs: [qs[0], attrs.evolve(qs[1], speaker="Jens Stoltenberg", attendee=None), qs[2]],
            "quotes[2].speaker",
            "one speaker",
        ),
    ],
)
def test_the_parts_of_a_group_are_two_or_more_with_one_speaker(change: object, path: str, words: str) -> None:
    quotes = [*spanning().quotes[1:], spanning().quotes[0]]
    with pytest.raises(ValidationError) as err:
        spanning(quotes=change(quotes))  # type: ignore[operator]
    assert err.value.path == path
    assert words in err.value.message


def test_a_group_has_one_part_per_paragraph() -> None:
    text = "« un » et « deux »"
    with pytest.raises(ValidationError, match="one part per paragraph") as err:
        PressRelease(
            header=Header(title="T", language="fr"),
            paragraphs=[Paragraph(text=text), Paragraph(text="trois")],
            quotes=[
                Quote(text="un", start=2, end=4, group=0),
                Quote(text="deux", start=12, end=16, group=0),
                Quote(text="trois", paragraph=1, start=0, end=5, group=0),
            ],
        )
    assert err.value.path == "quotes[1].group"


def test_title_quotes_do_not_overlap_each_other_but_may_share_offsets_with_the_body() -> None:
    r = spanning()
    with pytest.raises(ValidationError) as err:
        attrs.evolve(r, quotes=[*r.quotes, Quote(text="ni", start=3, end=5, speaker="porte-parole", in_title=True)])
    assert err.value.path == "quotes[1].start"
    # Offsets 2:6 in the title and in paragraph 0 are different places.
    body = Quote(text=TWO[0][2:6], start=2, end=6)
    assert body in attrs.evolve(r, quotes=[r.quotes[0], body]).quotes


def test_an_attendee_index_follows_the_attendees() -> None:
    r = spanning()
    moved = [Attendee(name="Jane Doe"), *r.attendees]
    with pytest.raises(ValidationError) as err:
        attrs.evolve(r, attendees=moved)
    assert err.value.path == "quotes[0].speaker"
    fixed = attrs.evolve(r, attendees=moved, quotes=[attrs.evolve(q, attendee=1) for q in r.quotes])
    assert fixed.attendees[fixed.quotes[0].attendee or 0].role == "porte-parole"


def test_display_name_is_the_name_or_else_the_role() -> None:
    from communique.model import display_name

    assert display_name(Attendee(name="X", role="r")) == "X"
    assert display_name(Attendee(role="r")) == "r"
