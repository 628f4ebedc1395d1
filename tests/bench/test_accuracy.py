"""The accuracy scorer (``python -m communique.bench --accuracy``): how each field is counted, the corpus, the command."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from builders import quote, release
from communique import Attendee, Dates
from communique.bench.__main__ import main
from communique.bench.accuracy import (
    FIELDS,
    Cell,
    FileScore,
    NoCorpusError,
    Report,
    check_floors,
    field_of,
    floor_changes,
    floors_from,
    format_floors,
    load_floors,
    render_text,
    score_corpus,
    score_release,
    table_rows,
    to_json,
)
from communique.bench.gold import GoldFileError

REPO = Path(__file__).resolve().parents[2]

# builders.release(): title "Titre", fr, source OTAN, dateline Belgrade, 22-23 May 2018, updated
# 20 Jul. 2018 15:57, two quotes by Shepro, one attendee Shepro (général de corps aérien, OTAN).
QUOTES = [
    {"text_starts": "l’avenir réside", "speaker": "Shepro"},
    {"text_starts": "l’OTAN est", "speaker": "Shepro"},
]


# --- one release -------------------------------------------------------------------------------


def test_a_field_the_gold_file_does_not_mention_is_not_checked() -> None:
    assert score_release(release(), {}) == {"parses": (1, 1)}


def test_header_and_date_fields_are_right_or_wrong_once_per_release() -> None:
    gold = {
        "title": "Titre",
        "dateline": "Paris",
        "language": "fr",
        "dates": {"start": "2018-05-22", "end": None, "updated": "2018-07-20T15:57:00"},
    }
    cells = score_release(release(), gold)
    assert cells == {
        "parses": (1, 1),
        "title": (1, 1),
        "language": (1, 1),
        "dateline": (0, 1),
        "dates.start": (1, 1),
        "dates.end": (0, 1),  # the release ends on the 23rd
        "dates.updated": (1, 1),
    }


def test_a_date_only_stamp_is_right_only_as_a_date() -> None:
    # The release holds 2018-07-20 15:57, a time the gold file says the page does not give.
    assert score_release(release(), {"dates": {"updated": "2018-07-20"}})["dates.updated"] == (0, 1)
    assert score_release(release(), {"dates": {"updated": "2018-07-20T15:57:00+02:00"}})["dates.updated"] == (0, 1)


def test_a_header_field_the_model_lacks_reads_as_empty() -> None:
    assert score_release(release(), {"subtitle": None, "reference": "PR/CP(2019)123"}) == {
        "parses": (1, 1),
        "subtitle": (1, 1),
        "reference": (0, 1),
    }


def test_a_no_break_space_in_a_header_field_reads_as_a_space() -> None:
    # The page writes French typography ("Titre\u00a0: suite"); an annotator types a plain space. Other
    # differences still count.
    titled = attrs.evolve(release(), header=attrs.evolve(release().header, title="Titre\u00a0: suite"))
    assert score_release(titled, {"title": "Titre : suite"})["title"] == (1, 1)
    assert score_release(titled, {"title": "Titre: suite"})["title"] == (0, 1)


def test_quote_recall_precision_and_speaker() -> None:
    gold = [
        {"text_starts": "l’OTAN", "speaker": None},  # found (out of order), speaker wrong
        {"text_starts": "l’avenir réside", "speaker": "Shepro"},  # found, speaker right
        {"text_starts": "l’Alliance", "speaker": "Shepro"},  # not found: no speaker check
    ]
    cells = score_release(release(), {"quotes": gold})
    assert cells["quotes.recall"] == (2, 3)
    assert cells["quotes.precision"] == (2, 2)
    assert cells["speaker"] == (1, 2)


def test_a_parsed_quote_is_matched_once_and_extra_quotes_cost_precision() -> None:
    twice = [QUOTES[0], QUOTES[0]]
    assert score_release(release(), {"quotes": twice})["quotes.recall"] == (1, 2)
    one = score_release(release(), {"quotes": QUOTES[:1]})
    assert one["quotes.recall"] == (1, 1) and one["quotes.precision"] == (1, 2)


def test_the_parts_of_one_quotation_count_once_for_precision() -> None:
    from communique import Paragraph, Quote

    first, second = "« Nous restons »", "« et nous aidons »"
    texts = (f"Il a dit {first}.", f"Puis {second}.")
    parts = tuple(
        Quote(
            text=words[2:-2],
            speaker="Shepro",
            paragraph=i,
            start=t.index(words) + 2,
            end=t.index(words) + len(words) - 2,
            group=0,
        )
        for i, (t, words) in enumerate(zip(texts, (first, second), strict=True))
    )
    r = release(paragraphs=tuple(Paragraph(text=t) for t in texts), quotes=parts)
    one = score_release(r, {"quotes": [{"text_starts": "Nous restons", "speaker": "Shepro"}]})
    assert one["quotes.precision"] == (1, 1)  # the second part continues the first: no extra quotation
    both = score_release(
        r,
        {
            "quotes": [
                {"text_starts": "Nous restons", "speaker": "Shepro"},
                {"text_starts": "et nous", "speaker": "Shepro"},
            ]
        },
    )
    assert both["quotes.precision"] == (2, 2) and both["quotes.recall"] == (2, 2)  # an annotator may count it apart


def test_quotes_are_matched_in_order_when_two_could_match() -> None:
    r = release(
        quotes=(quote("l’avenir réside dans la coopération", "A"), quote("l’OTAN est déterminée", "B")),
        attendees=(Attendee(name="A"), Attendee(name="B")),
    )
    gold = [{"text_starts": "l’", "speaker": "A"}, {"text_starts": "l’", "speaker": "B"}]
    assert score_release(r, {"quotes": gold})["speaker"] == (2, 2)


def test_people_recall_precision_and_fields_over_the_people_found() -> None:
    r = release(
        attendees=(
            Attendee(name="Shepro", rank="général", organization="OTAN"),
            Attendee(name="Someone Else"),
            Attendee(role="ministre", country="RS"),  # not named: not in precision
        )
    )
    gold = [
        {"name": "Shepro", "rank": "général", "organization": None, "country": None},
        {"name": "Diković", "rank": "général"},
    ]
    cells = score_release(r, {"people": gold})
    assert cells["people.recall"] == (1, 2)
    assert cells["people.precision"] == (1, 2)
    assert cells["person.rank"] == (1, 1)  # Diković is not found: his rank is not checked
    assert cells["person.organization"] == (0, 1)
    assert cells["person.country"] == (1, 1)
    assert "person.role" not in cells


def test_an_empty_people_list_makes_every_named_attendee_a_false_find() -> None:
    assert score_release(release(), {"people": []})["people.precision"] == (0, 1)


def test_countries_recall_and_precision() -> None:
    r = release(
        attendees=(Attendee(name="Shepro"), Attendee(role="chef", country="RS"), Attendee(role="x", country="AL"))
    )
    cells = score_release(r, {"countries": ["RS", "BA", "ME"]})
    assert cells["countries.recall"] == (1, 3)
    assert cells["countries.precision"] == (1, 2)


def test_a_release_that_did_not_parse_fails_every_check() -> None:
    gold: dict[str, Any] = {
        "title": "x",
        "dates": {"start": None},
        "quotes": QUOTES,
        "people": [{"name": "Shepro", "rank": "général"}],
        "countries": ["RS"],
    }
    assert score_release(None, gold) == {
        "parses": (0, 1),
        "title": (0, 1),
        "dates.start": (0, 1),  # even a null: nothing was read
        "quotes.recall": (0, 2),
        "quotes.precision": (0, 0),
        "speaker": (0, 0),
        "people.recall": (0, 1),
        "people.precision": (0, 0),
        "countries.recall": (0, 1),
        "countries.precision": (0, 0),
    }


def test_xfail_entries_are_ignored() -> None:
    assert score_release(release(), {"title": "Autre", "xfail": {"title": "known"}})["title"] == (0, 1)


def test_a_cell_prints_right_checked_and_the_percent_rounded_down() -> None:
    assert str(Cell(2, 3)) == "2/3 66%"
    assert str(Cell(199, 200)) == "199/200 99%"
    assert str(Cell(0, 0)) == "—"
    assert Cell(0, 0).percent is None


# --- a corpus ------------------------------------------------------------------------------------

GOOD = "Chiefs of Defence meet\n\nBRUSSELS, 21 May 2019 – The chiefs met today.\n"


def _fixture(folder: Path, name: str, text: str, gold: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    _fixture(root / "nato", "01_meet_en", GOOD, {"family": "nato", "title": "Chiefs of Defence meet"})
    _fixture(root / "eu", "02_meet_fr", GOOD, {"title": "Autre titre", "language": "fr"})  # family from the folder
    _fixture(root, "03_top_es", GOOD, {"title": "Chiefs of Defence meet"})  # no folder: "fixtures"
    _fixture(root / "eu", "04_blank_en", "   \n", {"family": "eu", "title": "Nothing"})  # a ParseError
    (root / "eu" / "05_no_gold_en.txt").write_text(GOOD, encoding="utf-8")  # no gold file: not scored
    return root


def test_the_corpus_is_grouped_by_language_and_family(corpus: Path) -> None:
    report = score_corpus([corpus])
    assert [(Path(f.path).name, f.family, f.language, f.outcome) for f in report.files] == [
        ("03_top_es.txt", "fixtures", "es", "parsed"),
        ("02_meet_fr.txt", "eu", "fr", "parsed"),
        ("04_blank_en.txt", "eu", "en", "unparsed"),
        ("01_meet_en.txt", "nato", "en", "parsed"),
    ]
    groups = report.groups()
    assert (groups["all"]["title"].right, groups["all"]["title"].checked) == (2, 4)
    assert (groups["family:eu"]["parses"].right, groups["family:eu"]["parses"].checked) == (1, 2)
    assert (groups["language:en"]["title"].right, groups["language:en"]["title"].checked) == (1, 2)
    assert report.names("family") == ["eu", "nato", "fixtures"]
    assert [Path(f.path).name for f in report.failures()] == ["04_blank_en.txt"]
    assert "ParseError" in (report.failures()[0].error or "")


PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chiefs meet | Site</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>
<h1>Chiefs of Defence meet</h1><p>BRUSSELS, 22 May 2018 – The Chiefs of Defence met in Brussels today
to discuss the readiness of the forces and the training missions of the Alliance.</p>
<p>They agreed on a new plan for the exercises of next year and on the support to partners.</p>
</article></main><footer>Contact us · Privacy</footer></body></html>"""


def test_a_saved_page_is_read_by_the_html_parser_and_grouped_by_parser(corpus: Path) -> None:
    page = corpus / "nato" / "06_page_en.html"
    page.write_text(PAGE, encoding="utf-8")
    gold = {"title": "Chiefs of Defence meet", "dateline": "BRUSSELS", "dates": {"start": "2018-05-22"}}
    (corpus / "nato" / "06_page_en.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    report = score_corpus([corpus])
    scored = {Path(f.path).name: f for f in report.files}
    assert scored["06_page_en.html"].format == "html" and scored["06_page_en.html"].language == "en"
    assert scored["06_page_en.html"].cells == {
        "parses": (1, 1),
        "title": (1, 1),
        "dateline": (1, 1),
        "dates.start": (1, 1),
    }
    assert {f.format for name, f in scored.items() if name != "06_page_en.html"} == {"text"}
    assert report.names("format") == ["html", "text"]
    groups = report.groups()
    assert (groups["format:html"]["title"].right, groups["format:html"]["title"].checked) == (1, 1)
    assert (groups["format:text"]["title"].right, groups["format:text"]["title"].checked) == (2, 4)
    assert "By parser" in render_text(report)
    assert "format:html" in floors_from(report)
    assert to_json(report)["files"][-1]["format"] in ("html", "text")


def test_a_corpus_of_one_parser_prints_no_parser_table(corpus: Path) -> None:
    report = score_corpus([corpus])
    assert report.names("format") == ["text"]
    assert "By parser" not in render_text(report)
    assert not any(group.startswith("format:") for group in floors_from(report))


def test_a_file_in_two_given_folders_is_scored_once(corpus: Path) -> None:
    assert len(score_corpus([corpus, corpus / "eu"]).files) == 4


def test_no_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NoCorpusError, match="no corpus found"):
        score_corpus([])
    with pytest.raises(NoCorpusError, match="no corpus folder"):
        score_corpus([tmp_path / "absent"])
    with pytest.raises(NoCorpusError, match=r"no NAME\.txt or NAME\.html with a NAME\.gold\.json"):
        score_corpus([tmp_path])


def test_a_bad_gold_file_names_the_file(corpus: Path) -> None:
    (corpus / "nato" / "01_meet_en.gold.json").write_text('{"titel": "x"}', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"01_meet_en\.gold\.json: titel: unknown key"):
        score_corpus([corpus])


def test_the_tables_and_the_json_hold_the_same_figures(corpus: Path) -> None:
    report = score_corpus([corpus])
    headers, rows = table_rows(report, "family")
    assert headers == ["field", "all", "eu", "nato", "fixtures"]
    assert rows[:2] == [
        ["parses", "3/4 75%", "1/2 50%", "1/1 100%", "1/1 100%"],
        ["title", "2/4 50%", "0/2 0%", "1/1 100%", "1/1 100%"],
    ]
    text = render_text(report)
    for title in ("By language", "By publisher family", "Releases", "Releases that did not parse"):
        assert title in text
    assert "04_blank_en.txt (unparsed): ParseError" in text
    doc = to_json(report)
    assert doc["schema"] == "communique-accuracy/1" and doc["releases"] == 4
    assert doc["groups"]["family:eu"]["title"] == {"right": 0, "checked": 2}
    assert {f["outcome"] for f in doc["files"]} == {"parsed", "unparsed"}
    json.dumps(doc)


# --- floors --------------------------------------------------------------------------------------


def _report(**cells: tuple[int, int]) -> Report:
    score = FileScore(path="x.txt", family="nato", language="en", outcome="parsed", error=None, cells=cells)
    return Report(corpus=["c"], files=[score])


def test_floors_are_todays_figures_rounded_down_and_hold() -> None:
    report = _report(title=(2, 3), dateline=(1, 1), **{"person.role": (0, 0)})
    floors = floors_from(report)
    assert floors == {"all": {"title": 66.0, "dateline": 100.0}, "language:en": {"title": 66.0, "dateline": 100.0}}
    assert check_floors(report, floors) == []


def test_the_floors_file_round_trips(tmp_path: Path) -> None:
    floors = floors_from(_report(title=(2, 3), **{"dates.start": (9, 10)}))
    path = tmp_path / "floors.toml"
    path.write_text(format_floors(floors), encoding="utf-8")
    assert load_floors(path) == floors
    text = path.read_text(encoding="utf-8")
    assert "never lower it silently" in text and '"dates.start" = 90' in text and "[language.en]" in text


def test_a_figure_below_its_floor_is_named_with_the_floor_and_the_figure() -> None:
    report = _report(title=(7, 8), dateline=(1, 1))
    breaches = check_floors(report, {"all": {"title": 90, "dateline": 100}, "language:en": {"title": 88}})
    assert [str(b) for b in breaches] == [
        "title: 7/8 = 87.5%, below its floor of 90%",
        "title (language en): 7/8 = 87.5%, below its floor of 88%",
    ]


def test_a_floor_on_a_figure_nothing_checks_fails() -> None:
    (breach,) = check_floors(_report(title=(1, 1)), {"language:de": {"title": 50}})
    assert "no release checks it" in str(breach)


def test_writing_floors_says_which_it_lowers() -> None:
    old = {"all": {"title": 95.0, "dateline": 80.0, "speaker": 70.0}}
    new = {"all": {"title": 90.0, "dateline": 85.0, "quotes.recall": 60.0}}
    assert floor_changes(old, new) == [
        "LOWERED  all title 95% → 90%",
        "raised   all dateline 80% → 85%",
        "dropped  all speaker (was 70%; no release checks it)",
        "new      all quotes.recall 60%",
    ]


def test_every_field_name_is_a_scored_field() -> None:
    cells = score_release(
        release(dates=Dates(start=dt.date(2018, 5, 22))),
        {
            "title": "x",
            "subtitle": None,
            "reference": None,
            "language": "fr",
            "source": None,
            "dateline": None,
            "dates": {"start": None, "end": None, "published": None, "updated": None},
            "quotes": QUOTES,
            "people": [{"name": "Shepro", "rank": None, "role": None, "organization": None, "country": None}],
            "countries": ["RS"],
            "mentions": ["Jean Leroux"],
        },
    )
    assert set(cells) == set(FIELDS)


def test_mentions_are_scored_as_names() -> None:
    parsed = attrs.evolve(release(), mentions=(Attendee(name="Jean Leroux", rank="vice-amiral"),))
    cells = score_release(parsed, {"mentions": ["Jean Leroux", "Stuart Munsch"]})
    assert cells["mentions.recall"] == (1, 2) and cells["mentions.precision"] == (1, 1)


# --- the command ---------------------------------------------------------------------------------


def test_the_command_prints_the_tables(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--accuracy", "--corpus", str(corpus), "-q"]) == 0
    out = capsys.readouterr().out
    assert "By publisher family" in out and "3/4 75%" in out


def test_the_command_prints_json_with_a_dash(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--accuracy", "--corpus", str(corpus), "-q", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["releases"] == 4


def test_the_command_writes_then_checks_floors(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.toml"
    assert main(["--accuracy", "--corpus", str(corpus), "-q", "--write-floors", str(floors)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert main(["--accuracy", "--corpus", str(corpus), "-q", "--floors", str(floors)]) == 0
    floors.write_text(floors.read_text(encoding="utf-8").replace("title = 50", "title = 51"), encoding="utf-8")
    assert main(["--accuracy", "--corpus", str(corpus), "-q", "--floors", str(floors)]) == 1
    assert "below floor: title: 2/4 = 50.0%, below its floor of 51%" in capsys.readouterr().err
    assert main(["--accuracy", "--corpus", str(corpus), "-q", "--write-floors", str(floors)]) == 0
    assert "LOWERED  all title 51% → 50%" in capsys.readouterr().err


def test_a_bad_gold_file_is_a_message_not_a_traceback(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "eu" / "02_meet_fr.gold.json").write_text("[]", encoding="utf-8")
    assert main(["--accuracy", "--corpus", str(corpus), "-q"]) == 1
    assert "02_meet_fr.gold.json: must be a JSON object" in capsys.readouterr().err


def test_the_accuracy_options_do_not_mix_with_timing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--accuracy", "--quick"]) == 2
    assert "--quick" in capsys.readouterr().err
    assert main(["--corpus", "x"]) == 2
    assert "only with --accuracy" in capsys.readouterr().err


def test_without_a_corpus_the_installed_command_says_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "communique.bench", "--accuracy"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "no corpus found" in done.stderr and "--corpus DIR" in done.stderr
    assert "Traceback" not in done.stderr


def test_from_the_repository_root_the_command_scores_the_fixtures() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "communique.bench", "--accuracy", "--json", "-", "-q"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert "tests/data/text" in doc["corpus"] and doc["releases"] >= 19


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("title", "title"),
        ("dates.start", "dates.start"),
        ("quotes", "quotes"),
        ("quotes[2]", "quotes"),
        ("quotes[2].text", "quotes"),
        ("quotes[2].speaker", "speaker"),
        ("people[Jean Dupont]", "people"),
        ("people[Jean Dupont].rank", "person.rank"),
        ("countries", "countries"),
    ],
)
def test_a_failure_path_belongs_to_a_field(path: str, field: str) -> None:
    assert field_of(path) == field


def test_show_lists_the_releases_that_get_a_field_wrong(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--accuracy", "--corpus", str(corpus), "-q", "--show", "title"]) == 0
    shown = capsys.readouterr().out.split("Wrong: title", 1)[1]
    assert "02_meet_fr.txt: title: expected 'Autre titre', got 'Chiefs of Defence meet'" in shown
    assert "04_blank_en.txt (unparsed): ParseError" in shown
    assert "01_meet_en.txt" not in shown
    assert main(["--accuracy", "--corpus", str(corpus), "-q", "--show", "titles"]) == 2
    assert "--show takes one of" in capsys.readouterr().err


def test_the_json_names_each_mismatch(corpus: Path) -> None:
    doc = to_json(score_corpus([corpus]))
    (fr,) = [f for f in doc["files"] if f["path"].endswith("02_meet_fr.txt")]
    assert fr["mismatches"] == [
        {"path": "title", "field": "title", "text": "title: expected 'Autre titre', got 'Chiefs of Defence meet'"},
        {"path": "language", "field": "language", "text": "language: expected 'fr', got 'en'"},
    ]
