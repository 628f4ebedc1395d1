"""The language packs: discovered from the files present, typed, and refused at load when malformed."""

from __future__ import annotations

from importlib import resources

import pytest

from communique.errors import CommuniqueError, LanguagePackError
from communique.locale import Labels, LanguagePack, labels, languages, load_pack, organizations, pack
from communique.locale.pack import primary


def pack_text(code: str) -> str:
    return resources.files("communique.data").joinpath(f"{code}.toml").read_text(encoding="utf-8")


def test_languages_are_the_pack_files_present() -> None:
    files = {e.name[:-5] for e in resources.files("communique.data").iterdir() if e.name.endswith(".toml")}
    assert set(languages()) == {f for f in files if f.isalpha() and f.islower() and len(f) in (2, 3)}
    assert {"fr", "en"} <= set(languages())


@pytest.mark.parametrize("code", languages())
def test_every_pack_loads_complete(code: str) -> None:
    p = pack(code)
    assert isinstance(p, LanguagePack) and p.code == code
    assert len(p.months) == 12 and len(p.weekdays) == 7
    assert all(names and all(n.strip() for n in names) for names in (*p.months, *p.weekdays))
    assert isinstance(p.labels, Labels) and p.labels.attendees
    assert p.people.role_case in ("lower", "as_written")


def test_a_tag_uses_its_primary_language_and_an_unknown_one_the_default() -> None:
    assert pack("fr-BE") is pack("fr")
    assert pack("xx") is pack("en")
    assert primary("FR-be") == "fr"
    assert labels("fr").attendees == "Participants"


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        (("ranks =", "rankz ="), "people.rankz", "unknown key"),
        (("[dateline]", "[datelines]"), "datelines", "unknown key"),
        (("month_first = false", 'month_first = "no"'), "dates.month_first", "expected a boolean"),
        (('12 = ["décembre"', '13 = ["décembre"'), "months", "keys must be 1 to 12"),
        (('role_case = "lower"', 'role_case = "upper"'), "people.role_case", "must be one of"),
        (('role_links = ["de"', "role_links = [3"), "people.role_links", "non-empty string"),
        (('kind = "Communiqué de presse"\n', ""), "labels.kind", "required key is missing"),
    ],
)
def test_a_malformed_pack_is_refused_with_its_file_and_key(change: tuple[str, str], key: str, message: str) -> None:
    text = pack_text("fr")
    assert change[0] in text
    with pytest.raises(LanguagePackError, match=message) as err:
        load_pack(text.replace(change[0], change[1], 1), code="fr", file="fr.toml")
    assert err.value.file == "fr.toml" and err.value.key == key
    assert str(err.value).startswith(f"fr.toml: {key}: ")
    assert isinstance(err.value, CommuniqueError)


def test_invalid_toml_is_a_pack_error() -> None:
    with pytest.raises(LanguagePackError, match="not valid TOML"):
        load_pack("[people\n", code="fr", file="fr.toml")


def test_publisher_vocabulary_is_organisation_data_not_language_data() -> None:
    nato = next(o for o in organizations() if o.id == "NATO")
    assert "Supreme Allied Commander Europe" in nato.titles["en"]
    for code in languages():
        p = pack(code)
        words = {w for phrase in (*p.people.titles, *p.people.role_heads, *p.people.not_names) for w in phrase.split()}
        assert not words & {"NATO", "OTAN", "Allied", "Transformation"}, code


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[[organisation]]\nid = "X"\n', "organisation"),
        ('[[organization]]\nid = "X"\ndisplay = { en = "X" }\nfre = ["X"]\n', "organization[0].fre"),
        ('[[organization]]\nid = "X"\ndisplay = { en = 3 }\n', "organization[0].display.en"),
        ('[[organization]]\nid = "X"\ndisplay = { en = "X" }\ntitles = { xx = ["T"] }\n', "organization[0].titles"),
        ('[[organization]]\nid = "X"\ndisplay = { en = "X" }\nseat = "XX"\n', "organization[0].seat"),
    ],
)
def test_a_malformed_organisation_table_is_refused(toml: str, key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.locale import tables

    monkeypatch.setattr(tables, "_read", lambda name: toml)
    tables.organizations.cache_clear()
    try:
        with pytest.raises(LanguagePackError) as err:
            tables.organizations()
        assert err.value.key == key and err.value.file.endswith("organizations.toml")
    finally:
        monkeypatch.undo()
        tables.organizations.cache_clear()


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("fr", "22 mai 2018 | Mis à jour le 20 juillet 2018"),
        ("en", "22 May 2018 | Last updated 20 July 2018"),
        ("es", "22 de mayo de 2018 | Actualizado el 20 de julio de 2018"),
    ],
)
def test_a_date_only_stamp_is_printed_without_a_time(language: str, line: str) -> None:
    import datetime as dt

    from communique.locale import format_date_line, format_published
    from communique.model import Dates

    assert format_date_line(Dates(start=dt.date(2018, 5, 22), updated=dt.date(2018, 7, 20)), language) == line
    assert format_published(dt.date(2018, 7, 1), "fr") == "Publié le 1er juillet 2018"


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[offsets]\nET = -300\n[regions]\nET = "America/New_York"\n', "regions.ET"),
        ('[offsets]\nUTC = 0\n[regions]\nET = "Eastern"\n', "regions.ET"),
        ('[offsets]\nAST = -240\n[ambiguous]\nnames = ["AST"]\n', "ambiguous.AST"),
        ('[offsets]\nUTC = 0\n[ambiguous]\nnames = "AST"\n', "ambiguous.names"),
    ],
)
def test_a_malformed_time_zone_table_is_refused(toml: str, key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.locale import tables

    monkeypatch.setattr(tables, "_read", lambda name: toml)
    cleared = (tables._time_zone_tables, tables.time_zones, tables.regional_time_zones, tables.ambiguous_time_zones)
    for cached in cleared:
        cached.cache_clear()
    try:
        with pytest.raises(LanguagePackError) as err:
            tables.regional_time_zones()
            tables.ambiguous_time_zones()
        assert err.value.key == key and err.value.file.endswith("time_zones.toml")
    finally:
        monkeypatch.undo()
        for cached in cleared:
            cached.cache_clear()


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[given]\nenglish = ["Ann"]\n[family_first]\nnames = ["Tran"]\n[extra]\nx = 1\n', "extra"),
        ('[family_first]\nnames = ["Tran"]\n', "given"),
        ('[given]\nenglish = ["Ann", ""]\n[family_first]\nnames = ["Tran"]\n', "given.english"),
        ('[given]\nenglish = ["Ann"]\n[family_first]\nnames = ["Tran"]\nfirst = ["Wang"]\n', "family_first"),
    ],
)
def test_a_malformed_given_names_table_is_refused(toml: str, key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.locale import tables

    monkeypatch.setattr(tables, "_read", lambda name: toml)
    tables.given_names.cache_clear()
    try:
        with pytest.raises(LanguagePackError) as err:
            tables.given_names()
        assert err.value.key == key and err.value.file.endswith("given_names.toml")
    finally:
        monkeypatch.undo()
        tables.given_names.cache_clear()


def test_the_given_names_table_reads_case_blind() -> None:
    from communique.locale import tables

    given, family = tables.given_names()
    assert {"giorgi", "grace", "dinora", "mairéad"} <= given and "tran" in family
    assert not {"jun", "riyad", "le"} & given  # capitalised vocabulary is left out
