"""How the text parser fills the model's quotation fields: groups over paragraphs and quotes in the title."""

from __future__ import annotations

import pytest

import communique

PAGE = (
    "Libya: “The window for elections is narrowing”, envoy says\n\n9 June 2023\n\n"
    "New York – The Special Representative, Aminata Sow, briefed the Council on Tuesday. "
    "“The window for elections is narrowing,” Aminata Sow said.\n\n"
    "“We must act now.\n\n"
    "“There is no time to lose,” she added."
)


def parse(text: str) -> communique.PressRelease:
    return communique.parse(text.encode(), "text")


def test_a_quotation_over_two_paragraphs_is_one_group_with_one_speaker() -> None:
    body = [q for q in parse(PAGE).quotes if not q.in_title]
    parts = [q for q in body if q.group is not None]
    assert [q.text for q in parts] == ["We must act now.", "There is no time to lose"]
    assert len({q.group for q in parts}) == 1
    assert {q.speaker for q in parts} == {"Aminata Sow"}


def test_a_quotation_on_its_own_has_no_group() -> None:
    first = next(q for q in parse(PAGE).quotes if not q.in_title)
    assert first.text == "The window for elections is narrowing" and first.group is None


def test_a_quotation_in_the_title_points_at_the_title_and_takes_the_speaker_of_the_same_words() -> None:
    r = parse(PAGE)
    title = r.quotes[0]
    assert title.in_title and r.header.title[title.start : title.end] == title.text
    assert title.text == "The window for elections is narrowing"
    assert title.speaker == "Aminata Sow"


def test_a_title_quotation_that_the_body_does_not_repeat_has_no_speaker() -> None:
    r = parse("« Nous resterons » : le ministre à Kyiv\n\nKyiv – Le ministre a visité la ville et rencontré les élus.")
    assert r.quotes[0].in_title and r.quotes[0].speaker is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Forum ends\n\nNairobi, 3 May 2025 – The forum closed today.\n\n"
            "“Updates will be issued every two weeks,” the spokesperson said. “We are ready,” she added.\n",
            "spokesperson",
        ),
        (
            "Fin du forum\n\nDakar, 3 mai 2025 – Le forum a pris fin.\n\n« Le centre est prêt », a indiqué le chef du centre.\n",
            "chef du centre",
        ),
        (
            "Taller regional\n\nLima, 3 de mayo de 2025 – El foro terminó.\n\n"
            "“El taller será en marzo”, precisó el jefe de gabinete del organismo.\n",
            "jefe de gabinete del organismo",
        ),
        # The role runs to its verb, as the paragraph writes it (a straight apostrophe stays one).
        (
            "Awards\n\nLondon, 3 May 2025 – The winners were named.\n\n"
            "“Every entry moved us,” the chair of the judging panel said.\n",
            "chair of the judging panel",
        ),
        (
            "Entretien\n\nParis, 3 mai 2025 – Les deux dirigeants se sont entretenus.\n\n"
            "« Nous avançons ensemble », a déclaré le chef de l'État à l'issue de l'entretien.\n",
            "chef de l'État",
        ),
    ],
)
def test_a_speaker_known_only_by_role_is_an_attendee_known_by_role(text: str, role: str) -> None:
    release = communique.parse(text)
    assert {q.speaker for q in release.quotes} == {role}
    (attendee,) = release.attendees
    assert (attendee.name, attendee.role) == (None, role)
    assert {q.attendee for q in release.quotes} == {0}
    assert communique.from_dict(communique.to_dict(release)) == release


def test_a_pronoun_after_an_unnamed_person_has_no_speaker() -> None:
    text = (
        "Detention report\n\nTripoli, 3 May 2025 – A 24-year-old man from Eritrea said water came every two days.\n\n"
        "“We drank from the toilets,” he said.\n"
    )
    release = communique.parse(text)
    assert [q.speaker for q in release.quotes] == [None]
    assert release.attendees == ()
