"""The ``html`` exporter: a standalone, semantic, escaped page with schema.org JSON-LD, read back exactly."""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from lxml import html as lxml_html

import communique
from builders import headed, release
from communique.errors import CommuniqueWarning, ParseError
from communique.exporters.html import RELEASE_SCRIPT_ID
from communique.model import Attendee, Dates, Header, Paragraph, PressRelease, Quote
from strategies import releases

REPO = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def sample() -> PressRelease:
    return communique.read(REPO / "examples" / "sample_fr.txt")


def page(r: PressRelease, **options: object) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(communique.render(r, "html", **options))


def ld(root: lxml_html.HtmlElement) -> dict[str, object]:
    (script,) = root.xpath('//script[@type="application/ld+json"]')
    data: dict[str, object] = json.loads(script.text)
    return data


# ---------------------------------------------------------------- lossless


@settings(max_examples=150, deadline=None)
@given(releases())
def test_every_release_round_trips_exactly_through_the_embedded_json(r: PressRelease) -> None:
    data = communique.render(r, "html")
    assert communique.parse(data, "html") == r
    assert communique.render(r, "html") == data  # deterministic


@settings(max_examples=60, deadline=None)
@given(releases())
def test_the_page_is_always_one_html_document_whose_scripts_hold_only_json(r: PressRelease) -> None:
    root = page(r)
    scripts = root.xpath("//script")
    assert sorted(s.get("type") for s in scripts) == ["application/json", "application/ld+json"]
    for script in scripts:
        json.loads(script.text)  # the JSON is valid and the HTML parser saw all of it
    assert root.xpath("//*[starts-with(name(@*), 'on')]") == []
    assert len(root.xpath("//article//h1")) == 1  # one title element, whatever the title says


def test_the_sample_round_trips_and_shows_its_title(sample: PressRelease) -> None:
    data = communique.render(sample, "html")
    assert communique.parse(data, "html") == sample
    root = lxml_html.document_fromstring(data)
    assert root.get("lang") == "fr"
    assert root.xpath("string(//h1)") == sample.header.title


# ---------------------------------------------------------------- semantics


def test_semantic_structure(sample: PressRelease) -> None:
    root = page(sample)
    assert root.xpath("count(//article)") == 1
    assert root.xpath("count(//article/header//h1)") == 1
    times = root.xpath("//header//time/@datetime")
    assert times == ["2018-05-22", "2018-07-20T15:57:00"]
    assert root.xpath("//time[@class='event']/@data-end") == ["2018-05-23"]
    first = root.xpath("//div[@class='release-body']/p")[0]
    assert first.xpath("string(span[@class='dateline'])") == "Belgrade"
    body = [p.text_content() for p in root.xpath("//div[@class='release-body']/p")]
    assert body[0] == "Belgrade – " + sample.paragraphs[0].text
    assert body[1:] == [p.text for p in sample.paragraphs[1:]]
    speakers = root.xpath("//q/@data-speaker")
    assert speakers == [q.speaker for q in sample.quotes if q.speaker is not None]
    heads = root.xpath("//table/thead/tr/th")
    assert heads and all(h.get("scope") == "col" for h in heads)
    rows = root.xpath("//table/tbody/tr")
    assert len(rows) == len(sample.attendees)
    assert all(r.xpath("th/@scope") == ["row"] for r in rows)
    assert root.xpath("string(//footer)") == "– FIN –"


def test_standalone_no_external_resource_viewport_print_and_dark_css(sample: PressRelease) -> None:
    text = communique.render(sample, "html").decode("utf-8")
    root = lxml_html.document_fromstring(text)
    assert root.xpath("//@src") == []
    assert root.xpath("//link[@rel!='canonical']") == []
    assert root.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    css = root.xpath("string(//style)")
    assert "@media print" in css and "prefers-color-scheme:dark" in css
    assert "url(" not in css and "@import" not in css
    assert text.startswith('<!DOCTYPE html>\n<html lang="fr">')


def test_head_metadata() -> None:
    r = headed(header=attrs.evolve(headed().header, url="https://www.nato.int/cps/fr/natohq/news_1.htm"))
    root = page(r)
    assert root.xpath("//link[@rel='canonical']/@href") == ["https://www.nato.int/cps/fr/natohq/news_1.htm"]
    assert root.xpath("//meta[@property='og:site_name']/@content") == ["OTAN"]
    assert root.xpath("string(//title)") == "Titre"
    assert root.xpath("string(//p[@class='reference'])") == "Communiqué de presse (2018) 071"
    assert root.xpath("string(//p[@class='subtitle'])") == "Par le secrétaire général de l’OTAN"


# ---------------------------------------------------------------- JSON-LD


def _local_schema_org(url: str, options: object = None) -> dict[str, object]:
    # No network in tests: the schema.org context, reduced to what expansion needs (every term in its vocabulary).
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}


def test_json_ld_is_a_news_article_and_an_event_read_by_a_json_ld_processor(sample: PressRelease) -> None:
    pyld = pytest.importorskip("pyld.jsonld")
    data = ld(page(sample))
    expanded = pyld.expand(data, {"documentLoader": _local_schema_org, "base": "https://example.org/page"})
    by_type = {node["@type"][0].rpartition("/")[2]: node for node in expanded if "@type" in node}
    article, event = by_type["NewsArticle"], by_type["Event"]
    s = "https://schema.org/"
    assert article[s + "headline"][0]["@value"] == sample.header.title
    assert article[s + "inLanguage"][0]["@value"] == "fr"
    assert article[s + "dateModified"][0]["@value"] == "2018-07-20T15:57:00"
    assert article[s + "dateline"][0]["@value"] == "Belgrade"
    people = article[s + "contributor"]
    assert len(people) == len(sample.attendees)
    shepro = next(p for p in people if p[s + "name"][0]["@value"] == "Shepro")
    assert shepro[s + "jobTitle"][0]["@value"] == "président délégué du Comité militaire"
    assert shepro[s + "affiliation"][0][s + "name"][0]["@value"] == "OTAN"
    assert event[s + "startDate"][0]["@value"] == "2018-05-22"
    assert event[s + "endDate"][0]["@value"] == "2018-05-23"
    assert event[s + "location"][0][s + "name"][0]["@value"] == "Belgrade"
    assert len(event[s + "attendee"]) == len(sample.attendees)
    serbe = next(p for p in people if p[s + "name"][0]["@value"] == "Ljubiša Diković")
    assert serbe[s + "nationality"][0][s + "identifier"][0]["@value"] == "RS"


def test_no_event_without_event_dates() -> None:
    graph = ld(page(release(dates=Dates(published=__import__("datetime").date(2020, 1, 2)))))["@graph"]
    assert [node["@type"] for node in graph] == ["NewsArticle"]  # type: ignore[index, union-attr]
    assert graph[0]["datePublished"] == "2020-01-02"  # type: ignore[index]


# ---------------------------------------------------------------- text is data

HOSTILE = [
    "</title><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(2)</script>",
    "<!--",
    "]]><svg onload=alert(3)>",
    "&lt;b&gt; &amp; \u2028\u2029",
    "javascript:alert(4)",
    "' onmouseover='alert(5)",
    "<style>body{display:none}</style>",
    "\x00\x01\x7f\x85\ufffe\U0010ffff",
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_strings_in_every_field_stay_text(evil: str) -> None:
    one = evil.replace("\n", " ")
    r = PressRelease(
        header=Header(
            title="T " + one,
            subtitle="S " + one,
            language="en",
            source=one,
            url=one,
            dateline=one,
            reference="R " + one,
        ),
        dates=Dates(),
        paragraphs=[Paragraph(text=f"He said “{evil}” today.")],
        quotes=[Quote(text=evil, speaker=one or "x", paragraph=0, start=9, end=9 + len(evil))],
        attendees=[Attendee(name="N " + one, rank=one, role=one, organization=one, country="FR", aliases=(one,))],
        mentions=[Attendee(name="M " + one, role=one)],
    )
    data = communique.render(r, "html")
    assert communique.parse(data, "html") == r
    root = lxml_html.document_fromstring(data)
    assert len(root.xpath("//script")) == 2
    assert root.xpath("//img|//svg|//style[position()>1]|//*[@onerror or @onload or @onmouseover]") == []
    assert len(root.xpath("//style")) == 1
    shown = "\ufffd" if evil.startswith("\x00") else evil
    if not evil.startswith("\x00"):
        assert root.xpath("string(//h1)") == "T " + shown
        assert root.xpath("string(//title)") == "T " + shown


# ---------------------------------------------------------------- without the embedded copy


def test_without_the_embedded_copy_the_markup_gives_back_what_the_page_shows(sample: PressRelease) -> None:
    back = communique.parse(communique.render(sample, "html", embed_release=False), "html")
    assert back.header == sample.header
    assert back.dates == sample.dates
    assert back.paragraphs == sample.paragraphs
    assert back.attendees == sample.attendees  # JSON-LD contributor, aliases as alternateName
    assert back.quotes == sample.quotes
    assert back.mentions == sample.mentions


def test_without_json_ld_the_participant_table_gives_the_attendees(sample: PressRelease) -> None:
    data = communique.render(sample, "html", embed_release=False).replace(b"application/ld+json", b"text/plain")
    back = communique.parse(data, "html")
    assert back.paragraphs == sample.paragraphs
    # A table has no column for the other names a release uses.
    assert back.attendees == tuple(attrs.evolve(a, aliases=()) for a in sample.attendees)


def test_an_edited_page_is_read_from_what_it_shows(sample: PressRelease) -> None:
    head, body = communique.render(sample, "html").split(b"<body>")
    data = head + b"<body>" + body.replace(b"Au terme de sa visite", "À la fin de sa visite".encode())
    with pytest.warns(CommuniqueWarning, match="edited after communique wrote it"):
        back = communique.parse(data, "html")
    assert back.paragraphs[5].text.startswith("À la fin de sa visite")
    with pytest.raises(ParseError, match="edited"):
        communique.parse(data, "html", embedded="require")


def test_a_corrupt_copy_falls_back_with_a_warning(sample: PressRelease) -> None:
    data = communique.render(sample, "html").replace(b'"schema_version"', b'"schema_versio"')
    with pytest.warns(CommuniqueWarning, match="cannot be used"):
        back = communique.parse(data, "html")
    assert back.header.title == sample.header.title
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert communique.parse(data, "html", embedded="ignore").paragraphs == back.paragraphs
    assert RELEASE_SCRIPT_ID == "communique-release"


# ---------------------------------------------------------------- a real browser


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.slow
@pytest.mark.parametrize("name", ["sample_fr", "sample_en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_headless_chromium_shows_everything_without_horizontal_scroll(tmp_path: Path, name: str, width: int) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium here (CI installs Debian's `chromium` package; this machine could not)")
    r = communique.read(REPO / "examples" / f"{name}.txt")
    # A probe that the page itself never has: the test adds it to the copy it loads.
    probe = (
        "<script>addEventListener('load',()=>{const d=document.documentElement;"
        "document.title='cq:'+(d.scrollWidth>d.clientWidth?'scroll':'fits')+':'+"
        "[...document.querySelectorAll('h1,.release-body p,tbody th')].filter(e=>e.getClientRects().length&&"
        "getComputedStyle(e).visibility!=='hidden').length})</script>"
    )
    source = communique.render(r, "html").decode("utf-8").replace("</body>", probe + "</body>")
    path = tmp_path / f"{name}.html"
    path.write_text(source, encoding="utf-8")
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},900"]
    dom = subprocess.run(
        [*common, "--virtual-time-budget=2000", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    visible = 1 + len(r.paragraphs) + len(r.attendees)
    assert f"<title>cq:fits:{visible}</title>" in dom
    shot = tmp_path / f"{name}-{width}.png"
    subprocess.run([*common, f"--screenshot={shot}", path.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000


def test_hostile_page_runs_no_script_in_the_browser(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium here (CI installs Debian's `chromium` package; this machine could not)")
    evil = HOSTILE[0] + HOSTILE[1] + HOSTILE[2]
    r = release(header=Header(title=evil, language="fr", source=evil, dateline=evil))
    path = tmp_path / "evil.html"
    path.write_bytes(communique.render(r, "html"))
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    root = lxml_html.document_fromstring(dom)
    assert len(root.xpath("//script")) == 2 and root.xpath("//img") == []
    assert root.xpath("string(//h1)") == evil
