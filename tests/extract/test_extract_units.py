"""Specifications of the extract modules, one rule per test."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.errors import ParseError
from communique.extract import (
    detect_language,
    find_attendees,
    find_body_dates,
    find_countries,
    find_quote_spans,
    parse_event_dates,
    parse_stamp,
    release_from_parts,
    segment,
    split_dateline,
)
from communique.locale import country_name, format_date_line, labels, month_name
from communique.model import Dates


class TestCountries:
    def test_names_with_fallbacks(self) -> None:
        assert country_name("GR", "fr") == "Grèce"
        assert country_name("GR", "de") == "Greece"
        assert country_name("ZZ", "fr") == "ZZ"

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("République hellénique", "GR"),
            ("République de Macédoine", "MK"),
            ("North Macedonia", "MK"),
            ("Macédoine du Nord", "MK"),
            ("Bosnie-Herzégovine", "BA"),
            ("forces serbes", "RS"),
            ("Serbian", "RS"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("République de Turquie", "TR"),
            ("République d'Albanie", "AL"),
        ],
    )
    def test_long_forms_and_adjectives(self, text: str, code: str) -> None:
        assert [c for _, _, c in find_countries(text, "fr" if "é" in text or text[0].islower() else "en")] in (
            [code],
            [code, code],
        ) or code in [c for _, _, c in find_countries(text, "fr")]

    def test_adjectives_are_data_in_every_inflection(self) -> None:
        assert [c for _, _, c in find_countries("les forces finlandaises et le ministre estonien", "fr")] == [
            "FI",
            "EE",
        ]
        assert [c for _, _, c in find_countries("Italian and Moldovan officers", "en")] == ["IT", "MD"]

    @pytest.mark.parametrize(
        ("name", "language", "code"),
        [
            # The short and older forms the press writes, beside ISO's.
            ("Liberia", "fr", "LR"),
            ("Centrafrique", "fr", "CF"),
            ("Biélorussie", "fr", "BY"),
            ("Burma", "en", "MM"),
            ("Ivory Coast", "en", "CI"),
            ("St Kitts and Nevis", "en", "KN"),
            ("Guinea Bissau", "es", "GW"),
            ("Grand-Duché de Luxembourg", "fr", "LU"),
            ("République de Maurice", "fr", "MU"),
            # An official name with its adjective capitalised.
            ("République Togolaise", "fr", "TG"),
            ("République Démocratique du Congo", "fr", "CD"),
        ],
    )
    def test_short_and_older_forms_are_names(self, name: str, language: str, code: str) -> None:
        assert [c for _, _, c in find_countries(f"Delegates of {name} met.", language)] == [code]

    def test_offsets_point_into_the_text(self) -> None:
        text = "de la République d’Albanie et de la Roumanie"
        assert [text[s:e] for s, e, _ in find_countries(text, "fr")] == ["République d’Albanie", "Roumanie"]


class TestDates:
    def test_header_lines(self) -> None:
        assert parse_event_dates("22 May. 2018 - 23 May. 2018") == (dt.date(2018, 5, 22), dt.date(2018, 5, 23))
        assert parse_event_dates("14 Sep. 2019 -") == (dt.date(2019, 9, 14), None)
        assert parse_event_dates("1er juil. 2019") == (dt.date(2019, 7, 1), None)
        assert parse_event_dates("Sept. 2019") is None
        assert parse_event_dates("1er juin 2022") == (dt.date(2022, 6, 1), None)
        assert parse_event_dates("12 sept. 2022 - 14 sept. 2022") == (dt.date(2022, 9, 12), dt.date(2022, 9, 14))
        assert parse_event_dates("04 Mar. 2021 -") == (dt.date(2021, 3, 4), None)
        french = parse_stamp("Mis à jour le: 15 sept. 2022 10:05")
        assert french is not None and french.value == dt.datetime(2022, 9, 15, 10, 5)
        english = parse_stamp("Last updated: 05 Mar. 2021 09:12")
        assert english is not None and english.value == dt.datetime(2021, 3, 5, 9, 12)
        stamp = parse_stamp("Mis à jour le: 20 Jul. 2018 15:57")
        assert stamp is not None and stamp.value == dt.datetime(2018, 7, 20, 15, 57)

    def test_impossible_date(self) -> None:
        with pytest.raises(ParseError, match=r"31 Feb\. 2018"):
            parse_event_dates("31 Feb. 2018 -")

    def test_body_dates(self) -> None:
        assert find_body_dates("tenue les 22 et 23 mai à Belgrade", 2018) == (
            dt.date(2018, 5, 22),
            dt.date(2018, 5, 23),
        )
        assert find_body_dates("du 30 mai au 2 juin", 2018) == (dt.date(2018, 5, 30), dt.date(2018, 6, 2))
        assert find_body_dates("on 28 December", 2019, before=dt.date(2019, 1, 4)) == (dt.date(2018, 12, 28), None)
        assert find_body_dates("on 22 May", None) is None

    def test_formatting(self) -> None:
        dates = Dates(start=dt.date(2018, 5, 22), end=dt.date(2018, 5, 23), updated=dt.datetime(2018, 7, 20, 15, 57))
        assert format_date_line(dates, "fr") == "22–23 mai 2018 | Mis à jour le 20 juillet 2018 à 15 h 57"
        assert format_date_line(dates, "en") == "22–23 May 2018 | Last updated 20 July 2018 15:57"
        assert format_date_line(Dates(), "fr") is None
        assert month_name(9, "fr") == "septembre"
        assert labels("fr").attendees == "Participants" and labels("en").attendees == "Attendees"


class TestSegmentAndDateline:
    def test_tolerant_header(self) -> None:
        seg = segment("\n\nTitle  \n - 14 Sep. 2019 -\n * |\n\n\nBrussels – One.\nStill one.\n\n\nTwo.  \n")
        assert seg.title == "Title"
        assert [h.text for h in seg.header] == ["14 Sep. 2019 -"]
        assert seg.paragraphs == ("Brussels – One. Still one.", "Two.")

    def test_source_line(self) -> None:
        assert segment("T\nSource: NATO\n\nText").source == "NATO"

    @pytest.mark.parametrize("sep", ["–", "—", "-"])
    def test_dateline_separators(self, sep: str) -> None:
        assert split_dateline(f"Belgrade {sep} Le général") == ("Belgrade", "Le général")

    def test_no_dateline(self) -> None:
        assert split_dateline("Le général Shepro a dit.") == (None, "Le général Shepro a dit.")

    @pytest.mark.parametrize(
        ("text", "place"),
        [
            ("BRUSSELS, Belgium – The", "BRUSSELS"),
            ("Mons (Belgique) – Le", "Mons"),
            ("BRUSSELS, 14 September 2019 – The", "BRUSSELS"),
            ("Le Havre – Le", "Le Havre"),
        ],
    )
    def test_place_with_country_or_date(self, text: str, place: str) -> None:
        assert split_dateline(text)[0] == place

    @pytest.mark.parametrize(
        "text",
        [
            "NATO Secretary General Jens Stoltenberg – speaking in Oslo – said it.",
            "NATO Allies – including Norway – agreed.",
            "Prime Minister Denys Shmyhal - who arrived on Monday - welcomed them.",
            "Allied Joint Force Command Naples – the host – opened the meeting.",
            "Mr Smith, Brussels – no.",
        ],
    )
    def test_a_subject_before_a_dash_is_not_a_dateline(self, text: str) -> None:
        assert split_dateline(text) == (None, text)


class TestQuotes:
    @pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
    def test_french_marks_without_inner_spaces(self, space: str) -> None:
        text = f"Il a dit «{space}oui, bien sûr{space}»."
        (q,) = find_quote_spans([text])
        assert text[q.start : q.end] == "oui, bien sûr"

    def test_apostrophes_are_not_quotes(self) -> None:
        text = "« l’OTAN et l’UE ‘ensemble’ »"
        (q,) = find_quote_spans([text])
        assert text[q.start : q.end] == "l’OTAN et l’UE ‘ensemble’"

    def test_several_quotes_in_a_sentence(self) -> None:
        text = 'He said "one more," and "two more".'
        assert [text[q.start : q.end] for q in find_quote_spans([text])] == ["one more", "two more"]


class TestSpeakersAndAttendees:
    def test_acronym_alias_and_role_only(self) -> None:
        r = release_from_parts(
            title="T",
            paragraphs=[
                "Mons – Le général Dupont, président délégué du Comité militaire (DCMC) de l’OTAN, était présent.",
                "Le DCMC a déclaré : « Nous sommes prêts. »",
                "Parmi les participants figuraient le commandant du JFC Naples"
                " et le président du Comité militaire de l’Union européenne.",
            ],
        )
        assert r.header.language == "fr" and r.header.dateline == "Mons"
        assert r.quotes[0].speaker == "Dupont"
        assert {a.organization for a in r.attendees if a.name is None} == {"JFC Naples", "CMUE"}

    def test_language_detection(self) -> None:
        assert detect_language("Le général a souligné que la coopération est essentielle.") == "fr"
        assert detect_language("The general said that cooperation is essential.") == "en"


def test_a_role_before_a_name_is_the_one_nearest_the_comma() -> None:
    # The first title of the sentence belongs to the subject, not to the person after the comma.
    text = (
        "NATO Secretary General Jens Stoltenberg welcomed the Prime Minister of Montenegro, "
        "Mr. Zdravko Krivokapić, to NATO Headquarters."
    )
    people = {a.name: a for a in find_attendees([text], "en")[0]}
    # The country after the role is its country, not part of its name.
    assert people["Zdravko Krivokapić"].role == "Prime Minister"
    assert people["Zdravko Krivokapić"].country == "ME"
    assert people["Jens Stoltenberg"].role == "Secretary General"


@pytest.mark.parametrize(
    ("language", "paragraphs", "names"),
    [
        # a later mention without first names, or with a particle capitalised, is the same person
        ("en", ["Admiral Pieter van Aalst opened the session.", "Admiral Van Aalst closed it."], ["Pieter van Aalst"]),
        ("es", ["El general Juan Pérez García llegó.", "El general Pérez García habló."], ["Juan Pérez García"]),
        ("en", ["General Tod D. Wolters arrived.", "General Tod Wolters spoke."], ["Tod D. Wolters"]),
        # two first names are two people, even with one surname
        ("en", ["General Jean Dupont met Admiral Marie Dupont."], ["Jean Dupont", "Marie Dupont"]),
    ],
)
def test_mentions_merge_only_when_the_names_can_be_one_person(
    language: str, paragraphs: list[str], names: list[str]
) -> None:
    attendees, _ = find_attendees(paragraphs, language)
    assert [a.name for a in attendees if a.name] == names


@pytest.mark.parametrize(
    ("text", "language", "codes"),
    [
        ("The governor of New Mexico met officials from West New Britain Province.", "en", []),
        ("Papua New Guinea and New Zealand signed with Mexico.", "en", ["PG", "NZ", "MX"]),
        ("La Nouvelle-Bretagne, le Nouveau-Mexique et la Nouvelle-Zélande.", "fr", ["NZ"]),
        ("Nuevo México y Nueva Guinea, no Papúa Nueva Guinea ni Guinea.", "es", ["PG", "GN"]),
    ],
)
def test_a_place_named_after_a_country_is_no_country(text: str, language: str, codes: list[str]) -> None:
    assert [code for _, _, code in find_countries(text, language)] == codes
