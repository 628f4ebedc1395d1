"""communique.testing: the samples and checks that plugin authors run in their own tests."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import communique
from communique import testing
from communique.errors import ParseError, RenderError
from communique.model import Header, Paragraph, PressRelease
from communique.plugins import Exporter, Option, Parser

REPO = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- samples


def test_the_samples_are_named_and_ordered() -> None:
    assert testing.SAMPLE_NAMES == ("founding", "english", "minimal", "unicode", "large")
    assert list(testing.samples()) == list(testing.SAMPLE_NAMES)
    assert list(testing.samples(["unicode", "minimal"])) == ["unicode", "minimal"]
    with pytest.raises(ValueError, match="no sample 'nope'; samples are founding, english"):
        testing.sample("nope")


@pytest.mark.parametrize("name", testing.SAMPLE_NAMES)
def test_every_sample_is_a_valid_release_built_once(name: str) -> None:
    release = testing.sample(name)
    assert isinstance(release, PressRelease)
    assert testing.sample(name) is release
    # Valid means it survives the canonical wire form unchanged.
    assert communique.parse(communique.render(release, "json"), "json") == release


def test_the_shipped_founding_text_is_the_repository_sample() -> None:
    assert testing.sample_text("fr") == (REPO / "examples" / "sample_fr.txt").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="'fr' and 'en'"):
        testing.sample_text("de")  # type: ignore[arg-type]


def test_the_founding_sample_is_what_the_text_parser_reads_from_it() -> None:
    release = testing.founding_sample()
    assert release == communique.read(REPO / "examples" / "sample_fr.txt")
    assert release.header.language == "fr"
    assert release.header.title.startswith("LE PRÉSIDENT DÉLÉGUÉ DU COMITÉ MILITAIRE DE L’OTAN")
    assert (release.dates.start, release.dates.end) == (dt.date(2018, 5, 22), dt.date(2018, 5, 23))
    assert any(q.speaker == "Shepro" for q in release.quotes)


def test_the_english_sample_is_a_nato_style_release_in_english() -> None:
    release = testing.english_sample()
    assert release.header.language == "en"
    assert release.header.dateline == "Riga"
    # "held on 13 and 14 September" in the first paragraph: the event is the range the header's day ends.
    assert (release.dates.start, release.dates.end) == (dt.date(2019, 9, 13), dt.date(2019, 9, 14))
    assert release.dates.updated == dt.datetime(2019, 9, 14, 19, 44)
    assert len(release.paragraphs) == 7
    speakers = {q.speaker for q in release.quotes}
    assert {"Alasdair Penrose", "Aivars Ozoliņš", "Tarmo Kõiv"} <= speakers
    assert release.attendee("Alasdair Penrose").rank == "Air Chief Marshal"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_sample_texts_are_the_ones_in_examples(language: str) -> None:
    # The repository has one copy of each sample, in examples/; the wheel carries it as package data
    # (tests/test_packaging.py), an editable install reads it from the checkout.
    examples = Path(__file__).parents[1] / "examples" / f"sample_{language}.txt"
    assert testing.sample_text(language) == examples.read_text(encoding="utf-8")  # type: ignore[arg-type]


def test_the_minimal_sample_has_nothing_but_a_title_and_a_language() -> None:
    release = testing.minimal_sample()
    assert release.header.title and release.header.language
    assert (release.paragraphs, release.quotes, release.attendees) == ((), (), ())
    assert attrs.asdict(release.dates) == {"start": None, "end": None, "published": None, "updated": None}


def test_the_unicode_sample_carries_every_script_and_sign_the_kit_promises() -> None:
    release = testing.unicode_sample()
    everything = communique.render(release, "json").decode("utf-8")
    for text in ("Љубиша", "Παπαδόπουλος", "Ćosić", "Šuštar", "œuvre", "«", "»", "’", "–", "„", "\u00a0", "\u202f"):
        assert text in release.header.title + "".join(p.text for p in release.paragraphs) or text in everything
    assert "<b>bold?</b> &amp; *stars*" in release.paragraphs[3].text
    assert release.paragraphs[4].text.startswith("# ")
    assert release.paragraphs[-1].text == ""
    assert release.dates.published is not None and release.dates.published.tzinfo is not None


def test_the_large_sample_has_hundreds_of_paragraphs() -> None:
    release = testing.large_sample()
    assert len(release.paragraphs) == 400
    assert len(release.quotes) == 80 and len(release.attendees) == 24
    assert len(testing.large_sample(paragraphs=3).paragraphs) == 3
    with pytest.raises(ValueError):
        testing.large_sample(paragraphs=0)


def test_the_kit_needs_no_pytest() -> None:
    code = (
        "import sys, communique.testing as t; t.check_exporter('json', samples=['minimal']); "
        "print('pytest' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------- check_exporter


class Good(Exporter):
    name = "good"
    label = "Good"
    extensions = (".good",)
    media_type = "text/plain"
    api_version = 1
    options = (
        Option("case", str, "upper", "letter case", choices=("upper", "lower")),
        Option("title_only", bool, False, "skip the body"),
    )

    def render(self, release: PressRelease, *, case: str = "upper", title_only: bool = False, **_: Any) -> bytes:
        text = release.header.title if title_only else f"{release.header.title}\n\n{release.text}"
        return (text.upper() if case == "upper" else text.lower()).encode("utf-8")


def test_a_good_exporter_passes_as_a_class_an_instance_or_a_registered_name() -> None:
    testing.check_exporter(Good)
    testing.check_exporter(Good())
    testing.check_exporter("json")
    with communique.registry.registered(Good):
        testing.check_exporter("good", samples=["minimal"])
    assert testing.exporter_problems(Good) == []


def _problems_of(**overrides: Any) -> list[str]:
    return testing.exporter_problems(type("Under", (Good,), overrides))


def test_returning_text_instead_of_bytes_is_reported_per_sample() -> None:
    problems = _problems_of(render=lambda self, release, **o: release.header.title)
    # Each sample, then each option variant: case='lower' and title_only=True.
    assert len(problems) == len(testing.SAMPLE_NAMES) + 2
    assert problems[0] == "sample 'founding': render() returned str, not bytes"


def test_returning_nothing_is_reported() -> None:
    assert "sample 'minimal': render() returned no bytes" in _problems_of(render=lambda self, r, **o: b"")


def test_output_that_changes_between_calls_is_reported() -> None:
    counter = itertools.count()
    problems = _problems_of(render=lambda self, r, **o: str(next(counter)).encode())
    assert "sample 'founding': a second render() gave different bytes (output must be deterministic)" in problems


def test_a_crash_on_one_sample_names_the_sample_and_asks_for_a_render_error() -> None:
    def render(self: Any, release: PressRelease, **o: Any) -> bytes:
        return release.header.title.encode("ascii")

    problems = _problems_of(render=render)
    assert any(
        p.startswith("sample 'unicode': render() raised UnicodeEncodeError") and "RenderError" in p for p in problems
    )
    assert not any(p.startswith("sample 'large'") for p in problems)  # its text is plain ASCII


def test_a_render_error_on_a_sample_is_still_a_failure() -> None:
    def render(self: Any, release: PressRelease, **o: Any) -> bytes:
        if len(release.paragraphs) > 100:
            raise RenderError("too long")
        return b"ok"

    assert testing.exporter_problems(type("Under", (Good,), {"render": render})) == [
        "sample 'large': render() raised RenderError: too long"
    ]


def test_a_textual_media_type_must_come_with_utf8() -> None:
    problems = _problems_of(render=lambda self, r, **o: r.header.title.encode("utf-16"))
    assert any("media type text/plain but the output is not UTF-8" in p for p in problems)


def test_write_to_must_write_what_render_returns() -> None:
    problems = _problems_of(write_to=lambda self, release, stream, **o: stream.write(b"other"))
    assert "sample 'founding': write_to() wrote other bytes than render() returns" in problems


def test_every_option_choice_and_flag_is_rendered() -> None:
    def render(self: Any, release: PressRelease, *, case: str = "upper", title_only: bool = False) -> bytes:
        if case == "lower":
            raise KeyError("lower")
        return b"x"

    problems = testing.exporter_problems(type("Under", (Good,), {"render": render}))
    assert problems == [
        "sample 'founding' with {'case': 'lower'}: render() raised KeyError: 'lower' (an exporter must succeed, "
        "or raise communique.errors.RenderError with a message a user understands)"
    ]


def test_the_contract_is_checked_before_rendering() -> None:
    assert _problems_of(api_version=None) == ["it declares no api_version (add `api_version = 1` to the class)"]
    assert _problems_of(extensions=()) == ["it declares no file extension, so a file name can never select it"]
    assert _problems_of(extensions=("txt",))[0].startswith("extension 'txt' is not a file extension")


def test_an_exporter_that_cannot_be_created_or_found_is_reported() -> None:
    class NeedsArgs(Good):
        def __init__(self, path: str) -> None: ...

    assert "NeedsArgs() cannot be created without arguments: TypeError" in testing.exporter_problems(NeedsArgs)[0]
    assert testing.exporter_problems("no-such-format")[0].startswith(
        "the registry cannot provide exporter 'no-such-format'"
    )


def test_check_exporter_raises_one_assertion_listing_every_problem() -> None:
    with pytest.raises(AssertionError) as raised:
        testing.check_exporter(type("Under", (Good,), {"render": lambda self, r, **o: ""}))
    message = str(raised.value)
    assert re.match(r"exporter 'good' \(\w+:Under\) fails 7 check\(s\):\n  - sample 'founding'", message)
    assert message.count("\n  - ") == 7


def test_options_for_the_check_are_validated_like_any_call() -> None:
    assert testing.exporter_problems(Good, options={"case": "title"})[0].startswith(
        "the options given to the check are refused: option 'case' of format 'good' must be one of upper, lower"
    )
    testing.check_exporter(Good, options={"case": "lower"}, samples=["minimal"])


def test_samples_can_be_given_as_names_or_as_releases() -> None:
    own = PressRelease(header=Header(title="Mine", language="en"), paragraphs=(Paragraph(text="x"),))
    calls: list[str] = []

    def render(self: Any, release: PressRelease, **o: Any) -> bytes:
        calls.append(release.header.title)
        return b"x"

    testing.check_exporter(type("Under", (Good,), {"render": render}), samples={"mine": own})
    assert set(calls) == {"Mine"}
    testing.check_exporter(Good, samples="minimal")


# --------------------------------------------------------------------------- check_parser


def test_the_builtin_parsers_pass_on_their_own_inputs() -> None:
    json = communique.get_exporter("json")
    releases = testing.samples()
    testing.check_parser("json", {n: json.render(r) for n, r in releases.items()}, expected=releases)
    testing.check_parser(
        "text",
        {"fr": testing.sample_text("fr").encode(), "en": testing.sample_text("en").encode("utf-8")},
        expected={"fr": testing.founding_sample(), "en": testing.english_sample()},
    )


class Sloppy(Parser):
    name = "sloppy"
    label = "Sloppy"
    extensions = (".slp",)
    media_type = "text/plain"
    api_version = 1

    def parse(self, data: bytes, **options: Any) -> PressRelease:
        title = data.decode("utf-8")  # garbage raises UnicodeDecodeError instead of ParseError
        if not title:
            raise ParseError("empty")
        return PressRelease(header=Header(title=title.splitlines()[0] or "?", language="en"))

    def sniff(self, head: bytes) -> Any:
        return "yes"


def test_check_parser_reports_crashes_on_bad_input_wrong_sniffs_and_differences() -> None:
    problems = testing.parser_problems(
        Sloppy,
        {"title": b"A title", "other": b"Other"},
        expected={"other": PressRelease(header=Header(title="Else", language="en"))},
    )
    assert "other: parsed release differs from the expected one: header.title: expected 'Else', got 'Other'" in problems
    assert "title: sniff() returned 'yes', not a bool" in problems
    assert any(
        p.startswith("binary garbage: parse() raised UnicodeDecodeError") and "ParseError" in p for p in problems
    )
    assert not any(p.startswith("empty input: parse()") for p in problems)  # a ParseError is the right answer


def test_check_parser_needs_inputs_and_a_parser() -> None:
    assert testing.parser_problems("json", []) == ["no inputs were given to check the parser with"]
    with pytest.raises(AssertionError, match="parser 'sloppy'"):
        testing.check_parser(Sloppy, [b"ok"])
    assert "it has no parse() method, so it is not a parser" in testing.parser_problems(Good, [b"x"])  # type: ignore[arg-type]


# --------------------------------------------------------------------------- check_round_trip


def test_json_round_trips_every_sample() -> None:
    testing.check_round_trip("json")
    testing.check_round_trip(communique.get_exporter("json"), communique.get_parser("json"), samples=["unicode"])


def test_a_lossy_pair_names_the_first_field_that_changed() -> None:
    class Forgetful(Exporter):
        name = "json"
        label = "drops quotes"
        extensions = (".json",)
        media_type = "application/json"
        api_version = 1

        def render(self, release: PressRelease, **options: Any) -> bytes:
            return communique.render(attrs.evolve(release, quotes=()), "json")

    problems = testing.round_trip_problems(Forgetful, "json", samples=["founding", "minimal"])
    assert len(problems) == 1
    assert problems[0].startswith("sample 'founding': the release read back differs: quotes: 5 items expected, 0 read")
    with pytest.raises(AssertionError, match="round trip through 'json' fails 1 check"):
        testing.check_round_trip(Forgetful, "json", samples=["founding"])


def test_the_difference_goes_down_to_the_field() -> None:
    release = testing.founding_sample()
    changed = attrs.evolve(release, paragraphs=(release.paragraphs[0], Paragraph(text="x"), *release.paragraphs[2:]))
    problems = testing.round_trip_problems(
        type("Edit", (Good,), {"name": "json", "render": lambda self, r, **o: communique.render(changed, "json")}),
        "json",
        samples={"founding": release},
    )
    assert problems[0].startswith(
        "sample 'founding': the release read back differs: paragraphs[1].text: expected 'Depuis"
    )
