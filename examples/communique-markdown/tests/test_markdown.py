"""The Markdown exporter, specified with communique's testing kit and a real Markdown reader.

Run from this folder after ``pip install -e ".[test]"``: ``pytest``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser

import pytest
from communique_markdown import MarkdownExporter
from hypothesis import given
from hypothesis import strategies as st

import communique
from communique.locale import country_name, format_date_line
from communique.model import Attendee, Header, Paragraph, PressRelease, Quote
from communique.testing import SAMPLE_NAMES, check_exporter, sample


def markdown(release: PressRelease, **options: object) -> str:
    return communique.render(release, "markdown", **options).decode("utf-8")


# --------------------------------------------------------------------------- the contract


def test_the_exporter_satisfies_the_plugin_contract_on_every_sample() -> None:
    check_exporter(MarkdownExporter)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_each_sample_renders_through_the_installed_entry_point(name: str) -> None:
    # By name, so the check goes through the installed entry point, not just the class.
    check_exporter("markdown", samples=[name])


def test_communique_finds_the_installed_plugin_by_name_and_by_extension() -> None:
    assert isinstance(communique.get_exporter("markdown"), MarkdownExporter)
    assert isinstance(communique.get_exporter("communique-markdown:markdown"), MarkdownExporter)
    assert communique.registry.exporter_for("release.md") == "markdown"
    assert communique.registry.exporter_for("release.markdown") == "markdown"


# --------------------------------------------------------------------------- what it writes


def test_the_founding_sample_has_title_date_line_dateline_quotes_and_attendees() -> None:
    text = markdown(sample("founding"))
    lines = text.split("\n")
    assert lines[0].startswith("# LE PRÉSIDENT DÉLÉGUÉ DU COMITÉ MILITAIRE DE L’OTAN")
    assert lines[2] == r"*22–23 mai 2018 \| Mis à jour le 20 juillet 2018 à 15 h 57*"
    assert lines[4].startswith("**Belgrade** – Le général de corps aérien Shepro")
    assert "souligné que «\u00a0*l’OTAN maintiendrait sa présence" in text
    assert "## Participants" in text
    assert "| Nom | Grade | Fonction | Organisation | Pays |" in text
    [row] = [line for line in lines if line.startswith("| Ljubiša Diković | général | chef de l’état-major")]
    assert row.endswith(" |  | Serbie |")  # no organisation; the country by its French name
    assert text.endswith("|\n") and not text.endswith("\n\n")


def test_the_english_sample_uses_english_headings_and_curly_quotes() -> None:
    text = markdown(sample("english"))
    assert "He added that “*the Nordic and Baltic nations show every day" in text
    assert "## Attendees\n\n| Name | Rank | Role | Organisation | Country |" in text
    assert "| Tarmo Kõiv | Major General | Commander of the Defence Forces |  | Estonia |" in text


def test_a_minimal_release_is_just_its_title() -> None:
    assert markdown(sample("minimal")) == "# Communiqué\n"


def test_quotes_can_be_left_unmarked_and_the_table_left_out() -> None:
    text = markdown(sample("founding"), quotes="plain", attendees=False)
    assert "*" not in text.replace("**Belgrade**", "").split("\n", 3)[3]
    assert "##" not in text and "|" not in text.replace(r"\|", "")


def test_options_given_as_command_line_strings_are_converted() -> None:
    assert markdown(sample("founding"), attendees="no") == markdown(sample("founding"), attendees=False)


def test_a_wrong_option_value_is_a_clear_option_error() -> None:
    with pytest.raises(communique.OptionError, match=r"quotes.*emphasis, plain"):
        markdown(sample("founding"), quotes="bold")


def test_markup_in_the_text_is_escaped() -> None:
    text = markdown(sample("unicode"))
    assert r"\<b\>bold?\</b\> \&amp; \*stars\*" in text
    assert "\n\\# Not a heading. 1. Not a list; \\> not a quote; - not a bullet.\n" in text


def test_quote_words_that_cannot_be_emphasised_stay_plain_rather_than_leak_asterisks() -> None:
    # "*" between a letter and "(" cannot open emphasis in CommonMark.
    para = "The word(sic)was misspelt."
    words = "(sic)"
    start = para.index(words)
    release = PressRelease(
        header=Header(title="T", language="en"),
        paragraphs=(Paragraph(text=para),),
        quotes=(Quote(text=words, paragraph=0, start=start, end=start + len(words)),),
    )
    assert markdown(release) == "# T\n\nThe word(sic)was misspelt.\n"


# --------------------------------------------------------------------------- read back by a real Markdown reader

PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")


class _Blocks(HTMLParser):
    """The text of each heading, paragraph and table cell of an HTML document."""

    TAGS = frozenset({"h1", "h2", "p", "th", "td"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.TAGS:
            self._open = [tag, ""]

    def handle_endtag(self, tag: str) -> None:
        if tag in self.TAGS and self._open is not None:
            self.blocks.append((tag, _norm(self._open[1])))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1] += data


def _norm(text: str) -> str:
    # Markdown does not keep runs of spaces or line breaks inside a paragraph, and pandoc
    # composes accents (NFC): compare the words.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _read_back(markdown_text: str) -> list[tuple[str, str]]:
    assert PANDOC is not None
    html = subprocess.run(
        [PANDOC, "-f", "gfm", "-t", "html"], input=markdown_text.encode(), capture_output=True, check=True
    ).stdout.decode()
    parser = _Blocks()
    parser.feed(html)
    # A paragraph of no-break spaces only is still a paragraph, but it has no words to compare.
    return [block for block in parser.blocks if block != ("p", "")]


def _expected(release: PressRelease) -> list[tuple[str, str]]:
    language = release.header.language
    out = [("h1", _norm(release.header.title))]
    if release.header.subtitle:
        out.append(("p", _norm(release.header.subtitle)))
    date_line = format_date_line(release.dates, language)
    if date_line:
        out.append(("p", _norm(date_line)))
    texts = [_norm(p.text) for p in release.paragraphs]
    if release.header.dateline and _norm(release.header.dateline):
        place = _norm(release.header.dateline)
        if texts and texts[0]:
            texts[0] = f"{place} – {texts[0]}"
        else:
            texts[:1] = [place]
    out += [("p", t) for t in texts if t]
    if release.attendees:
        out.append(("h2", "Attendees" if not language.startswith("fr") else "Participants"))
        out += (
            [("th", h) for h in ("Name", "Rank", "Role", "Organisation", "Country")]
            if not language.startswith("fr")
            else [("th", h) for h in ("Nom", "Grade", "Fonction", "Organisation", "Pays")]
        )
        for a in release.attendees:
            country = country_name(a.country, language) if a.country else ""
            out += [("td", _norm(v or "")) for v in (a.name, a.rank, a.role, a.organization, country)]
    return out


@needs_pandoc
@pytest.mark.parametrize("name", ["founding", "english", "unicode"])
def test_pandoc_reads_back_exactly_the_words_of_each_sample(name: str) -> None:
    release = sample(name)
    assert _read_back(markdown(release)) == _expected(release)


# Text made of what Markdown treats as markup, in every position.
_TRICKY = st.text(
    alphabet=st.sampled_from(list("ab Zé*_`[]<>&#|~\\!-+=.:1)(\"'«»’–Ωж\u00a0\t\n")), min_size=0, max_size=40
)


@st.composite
def tricky_releases(draw: st.DrawFn) -> PressRelease:
    title = draw(_TRICKY.map(lambda s: s.replace("\n", " ")).filter(lambda s: s.strip() != ""))
    paragraphs = [draw(_TRICKY) for _ in range(draw(st.integers(0, 3)))]
    quotes = []
    for i, text in enumerate(paragraphs):
        cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=4))))
        for start, end in zip(cuts[::2], cuts[1::2], strict=False):
            if text[start:end].strip():
                quotes.append(Quote(text=text[start:end], paragraph=i, start=start, end=end))
    name = draw(st.none() | _TRICKY.map(lambda s: s.replace("\n", " ")).filter(lambda s: s.strip() != ""))
    attendees = [Attendee(name=name, role=draw(_TRICKY))] if name else []
    dateline = draw(st.none() | _TRICKY.map(lambda s: s.replace("\n", " ")))
    return PressRelease(
        header=Header(title=title, language="en", dateline=dateline),
        paragraphs=[Paragraph(text=t) for t in paragraphs],
        quotes=quotes,
        attendees=attendees,
    )


@needs_pandoc
@given(tricky_releases())
def test_no_text_ever_turns_into_markup(release: PressRelease) -> None:
    assert _read_back(markdown(release)) == _expected(release)
