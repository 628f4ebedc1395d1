"""Release → Markdown text.  Text is data, never markup: every string is escaped.

Escaping follows CommonMark: ASCII punctuation that could open markup is
backslash-escaped wherever it appears, and the characters that only matter
at the start of a line (``#``, ``-``, ``+``, ``=``, ``1.``) are escaped there.
Quotes are wrapped in ``*…*`` only where CommonMark's flanking rules make
that emphasis (otherwise they stay plain rather than leak stray asterisks).
"""

from __future__ import annotations

import re
import unicodedata

from communique.locale import country_name, format_date_line
from communique.model import PressRelease

# Headings printed around the release, by primary language subtag; English otherwise.
_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Attendees", "Name", "Rank", "Role", "Organisation", "Country"),
    "fr": ("Participants", "Nom", "Grade", "Fonction", "Organisation", "Pays"),
}
_ALWAYS = re.compile(r"([\\`*_\[\]<>|~&])")
# `:word:` would become an emoji on GitHub.
_EMOJI = re.compile(r":(?=[A-Za-z0-9_+-]+:)")
_LINE_START = re.compile(r"^([#>+=-])|^(\d{1,9})([.)])")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def escape(text: str) -> str:
    """``text`` as Markdown that renders to exactly ``text`` (newlines become spaces)."""
    return _EMOJI.sub(r"\\:", _ALWAYS.sub(r"\\\1", text)).replace("\r", " ").replace("\n", " ")


def _whitespace(ch: str) -> bool:
    return ch in "\t\n\r\f " or unicodedata.category(ch) == "Zs"


def _punct_narrow(ch: str) -> bool:
    # Punctuation under every CommonMark version (0.30 counts P*, 0.31 adds S*).
    return ch in _ASCII_PUNCT or unicodedata.category(ch).startswith("P")


def _punct_broad(ch: str) -> bool:
    return _punct_narrow(ch) or unicodedata.category(ch).startswith("S")


def _can_open(before: str, first: str) -> bool:
    return (
        bool(first)
        and not _whitespace(first)
        and (not _punct_broad(first) or not before or _whitespace(before) or _punct_narrow(before))
    )


def _can_close(last: str, after: str) -> bool:
    return (
        bool(last)
        and not _whitespace(last)
        and (not _punct_broad(last) or not after or _whitespace(after) or _punct_narrow(after))
    )


def _emphasised(pieces: list[tuple[str, bool]]) -> str:
    """Join escaped pieces, wrapping the marked ones in ``*`` where that is valid emphasis."""
    out = ""
    closed_here = False  # `*a**b*` would parse as something else: never open right after a close
    for i, (text, marked) in enumerate(pieces):
        core = text.strip(" \t")
        if not marked or not core or closed_here:
            out += text
            closed_here = False
            continue
        lead = text[: len(text) - len(text.lstrip(" \t"))]
        trail = text[len(text.rstrip(" \t")) :]
        following = trail or next((t for t, _ in pieces[i + 1 :] if t), "")
        if _can_open((out + lead)[-1:], core[0]) and _can_close(core[-1], following[:1]):
            out += f"{lead}*{core}*{trail}"
            closed_here = not trail
        else:
            out += text
    return out


def _line_safe(line: str) -> str:
    line = line.strip(" \t")
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


def _block(pieces: list[tuple[str, bool]]) -> str:
    """A paragraph: text newlines become hard breaks; no line may start a block construct."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for text, marked in pieces:
        parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for j, part in enumerate(parts):
            if j:
                lines.append([])
            lines[-1].append((escape(part), marked))
    rendered = [_line_safe(_emphasised(line)) for line in lines]
    return "\\\n".join(line for line in rendered if line.strip())


def _cell(text: str | None) -> str:
    return escape(text or "").strip()


def render_markdown(release: PressRelease, *, emphasise_quotes: bool = True, attendees: bool = True) -> str:
    """The release as GitHub-flavoured Markdown, ending with one newline."""
    language = release.header.language
    heading, *columns = _LABELS.get(language.split("-")[0].lower(), _LABELS["en"])
    # Inside a heading only inline markup matters, plus `#`, which could close it.
    blocks = ["# " + escape(release.header.title).strip(" \t").replace("#", "\\#")]
    if release.header.subtitle:
        blocks.append(_block([(release.header.subtitle, False)]))
    date_line = format_date_line(release.dates, language)
    if date_line:
        blocks.append(_block([(date_line, True)]))
    spans: dict[int, list[tuple[int, int]]] = {}
    if emphasise_quotes:
        for q in release.quotes:
            if not q.in_title:  # a quote in the title points into the title, not into paragraph 0
                spans.setdefault(q.paragraph, []).append((q.start, q.end))
    bodies = []
    for index, paragraph in enumerate(release.paragraphs):
        pieces: list[tuple[str, bool]] = []
        cursor = 0
        for start, end in spans.get(index, []):
            pieces += [(paragraph.text[cursor:start], False), (paragraph.text[start:end], True)]
            cursor = end
        pieces.append((paragraph.text[cursor:], False))
        bodies.append(_block(pieces))
    place = _block([(release.header.dateline, False)]) if release.header.dateline else ""
    if place:
        # The dateline leads the first paragraph, in bold, as on the printed release.
        strong = _can_open("", place[0]) and _can_close(place[-1], " ")
        lead = f"**{place}**" if strong else place
        if bodies and bodies[0]:
            bodies[0] = f"{lead} – {bodies[0]}"
        else:
            bodies[:1] = [lead]
    blocks += [body for body in bodies if body]
    if attendees and release.attendees:
        rows = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for a in release.attendees:
            country = country_name(a.country, language) if a.country else ""
            cells = [_cell(a.name), _cell(a.rank), _cell(a.role), _cell(a.organization), _cell(country)]
            rows.append("| " + " | ".join(cells) + " |")
        blocks.append(f"## {heading}\n\n" + "\n".join(rows))
    return "\n\n".join(blocks) + "\n"
