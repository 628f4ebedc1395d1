"""The json parser reads canonical JSON back; bad input is a ParseError naming the path."""

from __future__ import annotations

import json
from typing import Any

import pytest

from builders import release, version_1, version_1_json
from communique import Header, ParseError, parse, render


def doc() -> dict[str, Any]:
    return json.loads(render(release(), "json"))


def bad(mutate: Any) -> bytes:
    d = doc()
    mutate(d)
    return json.dumps(d).encode()


def test_reads_what_the_exporter_writes() -> None:
    assert parse(render(release(), "json"), "json") == release()


def test_accepts_str_and_utf8_bom_and_utf16() -> None:
    text = render(release(), "json").decode()
    assert parse(text, "json") == release()
    assert parse(b"\xef\xbb\xbf" + text.encode(), "json") == release()
    assert parse(text.encode("utf-16"), "json") == release()


@pytest.mark.parametrize(
    ("mutate", "element", "words"),
    [
        (lambda d: d["quotes"][1].__setitem__("paragraph", "0"), "quotes[1].paragraph", "expected an integer"),
        (lambda d: d["quotes"][1].__setitem__("paragraph", 7), "quotes[1].paragraph", "out of range"),
        (lambda d: d["quotes"][0].__setitem__("speaker", "Nobody"), "quotes[0].speaker", "is not 'Shepro'"),
        (lambda d: d["quotes"][0].__setitem__("attendee", 3), "quotes[0].attendee", "out of range"),
        (lambda d: d["quotes"][0].__setitem__("attendee", "0"), "quotes[0].attendee", "expected an integer"),
        (lambda d: d["quotes"][0].__setitem__("group", 0), "quotes[0].group", "one part"),
        (lambda d: d["quotes"][0].__setitem__("in_title", 1), "quotes[0].in_title", "expected a boolean"),
        (lambda d: d.__setitem__("mentions", [{"name": "Shepro"}]), "mentions[0].name", "is an attendee"),
        (lambda d: d["quotes"][0].__setitem__("end", 1000), "quotes[0].end", "length of text"),
        (lambda d: d["header"].pop("title"), "header.title", "missing"),
        (lambda d: d.pop("header"), "header", "missing"),
        (lambda d: d["header"].__setitem__("title", 3), "header.title", "expected a string"),
        (lambda d: d["dates"].__setitem__("start", "2018-02-31"), "dates.start", "2018-02-31"),
        (lambda d: d["dates"].__setitem__("end", "2018-05-01"), "dates.end", "before start"),
        (lambda d: d.__setitem__("paragraphs", {"text": "x"}), "paragraphs", "expected an array"),
        (lambda d: d["attendees"][0].__setitem__("aliases", "DCMC"), "attendees[0].aliases", "expected an array"),
        (lambda d: d["attendees"][0].__setitem__("country", "France"), "attendees[0].country", "ISO 3166-1"),
        (lambda d: d.__setitem__("surprise", 1), "$", "unknown field"),
        (lambda d: d.pop("schema_version"), "$", "not a communique release"),
        (lambda d: d.__setitem__("schema_version", 99), "schema_version", "newer"),
        (lambda d: d.__setitem__("schema_version", "1"), "schema_version", "integer"),
        (lambda d: d.__setitem__("$schema", "https://example.org/other"), "$schema", "not a communique"),
    ],
)
def test_wrong_types_and_missing_fields_name_their_path(mutate: Any, element: str, words: str) -> None:
    with pytest.raises(ParseError) as err:
        parse(bad(mutate), "json")
    assert err.value.element == element
    assert words in str(err.value)
    assert err.value.format == "json"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"Le g\xc3\xa9n\xc3\xa9ral a dit", "not valid JSON"),
        (bytes(range(256)) * 4, "binary"),
        (b"[1, 2]", "JSON object"),
        (b"null", "JSON object"),
    ],
)
def test_not_json_at_all_is_a_clear_error(data: bytes, words: str) -> None:
    with pytest.raises(ParseError, match=words):
        parse(data, "json")


def test_syntax_errors_carry_line_and_column() -> None:
    with pytest.raises(ParseError) as err:
        parse(b'{\n  "header": ,\n}', "json")
    assert (err.value.line, err.value.column) == (2, 13)


def test_every_problem_is_reported_not_only_the_first() -> None:
    def three_problems(d: dict[str, Any]) -> None:
        d["header"]["title"] = None
        d["quotes"][1]["paragraph"] = "0"
        d["attendees"][0]["country"] = 3

    with pytest.raises(ParseError) as err:
        parse(bad(three_problems), "json")
    assert [p.element for p in err.value.problems] == [
        "header.title",
        "quotes[1].paragraph",
        "attendees[0].country",
    ]
    assert err.value.problems[0] is err.value


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [("header", 5, "an integer"), ("header", [1, 2], "an array"), ("dates", None, "null"), ("dates", "x", "a string")],
)
def test_a_value_where_an_object_belongs_says_so(field: str, value: Any, words: str) -> None:
    with pytest.raises(ParseError) as err:
        parse(bad(lambda d: d.__setitem__(field, value)), "json")
    assert err.value.element == field
    assert str(err.value) == f"{field}: expected an object, got {words}"


# --- version 1 --------------------------------------------------------------------------------


def test_a_version_1_document_is_read_and_its_speakers_linked_to_their_attendees() -> None:
    back = parse(version_1_json(release()), "json")
    assert back == release()
    assert [q.attendee for q in back.quotes] == [0, 0]
    assert back.mentions == ()


@pytest.mark.parametrize(
    ("mutate", "element", "words"),
    [
        (lambda d: d.__setitem__("mentions", []), "$", "mentions (added in schema_version 2)"),
        (lambda d: d["quotes"][1].__setitem__("group", None), "quotes[1]", "group (added in schema_version 2)"),
        (lambda d: d["quotes"][0].__setitem__("speaker", "Nobody"), "quotes[0].speaker", "schema_version 1"),
    ],
)
def test_a_version_1_document_holds_only_what_version_1_could(mutate: Any, element: str, words: str) -> None:
    d = version_1(release())
    mutate(d)
    with pytest.raises(ParseError) as err:
        parse(json.dumps(d).encode(), "json")
    assert err.value.element == element
    assert words in str(err.value)


# --------------------------------------------------------------------------- duplicate keys (issue 15)


def _with_duplicate(data: bytes) -> bytes:
    """The canonical JSON with a second, different "title" in the header: last-wins would read "Autre"."""
    return data.replace(b'"title": "Titre",', b'"title": "Titre",\n    "title": "Autre",', 1)


def test_a_duplicate_key_is_refused_not_last_wins() -> None:
    data = _with_duplicate(render(release(), "json"))
    with pytest.raises(ParseError, match=r"duplicate key 'title'") as info:
        parse(data, "json")
    assert info.value.element == "header.title" and info.value.line == 6


def test_a_duplicate_top_level_key_is_refused() -> None:
    data = render(release(), "json").replace(b'"schema_version": 2,', b'"schema_version": 2,\n  "schema_version": 1,')
    with pytest.raises(ParseError, match=r"duplicate key 'schema_version'"):
        parse(data, "json")


def test_a_duplicate_key_without_the_canonical_spacing_is_found_too() -> None:
    data = b'{"schema_version" : 2, "schema_version" : 2}'
    with pytest.raises(ParseError, match=r"duplicate key 'schema_version'"):
        parse(data, "json")


def test_a_colon_inside_a_string_is_not_a_duplicate() -> None:
    r = release(header=Header(title='Le mot "clé": un test', language="fr"))
    assert parse(render(r, "json"), "json") == r


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_duplicate_key_in_an_embedded_copy_is_refused(fmt: str) -> None:
    from embedding import with_embedded

    data = with_embedded(fmt, _with_duplicate(render(release(), "json")))
    with pytest.raises(ParseError, match=r"duplicate key 'title'"):
        parse(data, fmt, **({"embedded": "require"} if fmt == "docx" else {}))
