"""``html`` exporter: a release as a standalone web page a press office can publish.

One file, nothing fetched: the CSS is inline (screen, dark mode, print), there
is no script to run and no external resource.  The page is semantic HTML5 in
the release's language (``<html lang>``):

* ``<article>`` with a ``<header>`` — the publisher, the document number, the
  ``<h1>`` title, the subtitle and the date line, each date a
  ``<time datetime>`` (the event day or range, the update or publication stamp);
* the paragraphs, the dateline leading the first one in a
  ``<span class="dateline">``, each quotation a ``<q>`` with its speaker in
  ``data-speaker`` (and ``title``, which browsers show on hover);
* the participants as a ``<table>`` whose column heads are
  ``<th scope="col">`` and whose rows are headed by the name
  (``<th scope="row">``), in the language's words (the ``_layout`` pass the
  DOCX and PDF exporters share); empty columns are left out;
* the end mark (``###``, ``– FIN –``) in a ``<footer>``.

In ``<head>``: ``<title>``, ``description``, ``<link rel="canonical">`` (the
release's URL), Open Graph and ``article:published_time`` /
``article:modified_time``, and schema.org JSON-LD — a ``NewsArticle``
(headline, alternativeHeadline, identifier, datePublished, dateModified,
inLanguage, publisher, dateline, the participants as ``contributor`` and the
people only mentioned as ``mentions``, each a ``Person`` with
``honorificPrefix`` (rank), ``jobTitle``, ``affiliation``, ``nationality`` and
``alternateName``), and an ``Event`` (name, startDate, endDate, location,
``attendee``) when the release has event dates.

**Lossless.**  The release's canonical JSON (:func:`communique._serialize.dumps`,
the same form as the ``json`` format, the DOCX part and the PDF attachment) is
embedded as ``<script type="application/json" id="communique-release">``,
which browsers never run nor show; the ``html`` parser reads it first, so
``parse(render(r, "html"), "html") == r`` for every valid release, whatever
its characters (the JSON escapes what HTML cannot carry).  The script's
``data-visible`` attribute is a digest of the title and paragraphs as shown,
so that a page edited after export is read from what it shows, not from the
stale copy (see :mod:`communique.parsers.html`).  ``embed_release=False``
leaves the copy out: the page's markup then gives back what it shows.

**Text is data.**  Every string is escaped for where it goes (element text,
attribute, JSON inside ``<script>``, where ``<``, ``>`` and ``&`` are written
``\\u003c``…), so a title ``</title><script>`` is a title.  Characters HTML
cannot show (C0 and C1 controls other than tab and newline, noncharacters)
are shown as U+FFFD in the visible text; the embedded copy keeps them.

Output is UTF-8, deterministic (the same release gives the same bytes).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._xml import escape_attribute_markup, escape_markup
from ..plugins import Exporter, Option

if TYPE_CHECKING:
    from .._layout import Layout
    from ..model import Attendee, PressRelease

__all__ = ["RELEASE_SCRIPT_ID", "HtmlExporter", "visible_digest"]

RELEASE_SCRIPT_ID = "communique-release"
"""``id`` of the ``<script type="application/json">`` holding the canonical JSON."""

# What HTML text cannot carry: C0 controls but tab, newline (and form feed, which is a space there),
# DEL and C1 controls, noncharacters.  Shown as U+FFFD; the embedded JSON keeps the real character.
# Two patterns: a character class with astral members makes every scan several times slower, and
# astral noncharacters (U+1FFFE…) are found by one range and a test.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NOT_WORD = re.compile(r"[\W_]+")
# In JSON inside <script>: markup characters and everything HTML cannot carry, as \u escapes.
_JSON_UNSAFE = re.compile("[<>&\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]")


def _noncharacter(code: int) -> bool:
    return code & 0xFFFE == 0xFFFE


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _astral_json(match: re.Match[str]) -> str:
    return _json_escape(match) if _noncharacter(ord(match.group())) else match.group()


def _astral_shown(match: re.Match[str]) -> str:
    return "\ufffd" if _noncharacter(ord(match.group())) else match.group()


def script_json(data: bytes | str, astral: bool = True) -> str:
    """JSON text that can sit inside ``<script>`` and still parse to the same value.

    ``astral=False`` says the text has no character beyond U+FFFF (the caller checked once).
    """
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    text = _JSON_UNSAFE.sub(_json_escape, text)
    return _ASTRAL.sub(_astral_json, text) if astral and _ASTRAL.search(text) else text


def _shown(value: str, astral: bool = True) -> str:
    """``value`` with what HTML cannot show as U+FFFD (run once over the page's text: markup holds none of it)."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _UNSHOWABLE.sub("\ufffd", value)
    return _ASTRAL.sub(_astral_shown, value) if astral and _ASTRAL.search(value) else value


def _text(value: str) -> str:
    """Element text: ``&``, ``<`` and ``>`` escaped (the page is passed through :func:`_shown` at the end)."""
    return escape_markup(value)


def _attr(value: str) -> str:
    """A double-quoted attribute value (a carriage return kept as a line feed, as HTML reads it)."""
    value = escape_attribute_markup(value)
    return value.replace("\r", "&#10;") if "\r" in value else value


def visible_digest(texts: Iterable[str]) -> str:
    """A digest of the words shown: the letters and digits of ``texts``, in order.

    The exporter records it for the title and the paragraphs it writes; the
    parser computes it again from the page, so an edited page is noticed while
    white space, punctuation and characters HTML cannot show are not words
    that an edit changes.
    """
    h = hashlib.sha256()
    for text in texts:
        h.update(_NOT_WORD.sub("", text).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def _iso(value: _dt.date) -> str:
    return value.isoformat()


_CSS = """\
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--rule:#d0d7de;--accent:#0b4f8a;--band:#f3f5f8}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--rule:#30363d;--accent:#6cb6ff;--band:#161b22}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;overflow-wrap:break-word}
article{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
header.release-header{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1.5rem}
.kind{margin:0;font-size:.8rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--accent)}
.publisher{margin:.1rem 0 0;font-size:.95rem;color:var(--muted)}
.reference{margin:.4rem 0 0;font-size:.85rem;color:var(--muted);font-variant-numeric:tabular-nums}
h1{margin:.6rem 0 .4rem;font-size:clamp(1.5rem,1.1rem + 2vw,2.25rem);line-height:1.2;font-weight:700}
.subtitle{margin:.2rem 0 .6rem;font-size:1.15rem;color:var(--muted)}
.date-line{margin:.6rem 0 0;font-size:.95rem;color:var(--muted)}
.release-body p{margin:0 0 1em;white-space:pre-line}
.dateline{font-weight:700;text-transform:uppercase;letter-spacing:.02em}
q{quotes:none}
q[data-speaker]{text-decoration:underline dotted var(--rule);text-underline-offset:.2em}
section.participants{margin-top:2rem}
h2{font-size:1.15rem;margin:0 0 .6rem}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left}
th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid var(--rule)}
thead th{background:var(--band);font-size:.85rem;text-transform:uppercase;letter-spacing:.04em}
tbody th{font-weight:600}
footer.release-footer{margin-top:2rem;text-align:center;color:var(--muted);letter-spacing:.1em}
@media (max-width:36rem){article{padding:1rem .9rem 2rem}table,thead,tbody,tr,th,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}tr{border-bottom:1px solid var(--rule);padding:.4rem 0}th,td{border:0;padding:.1rem 0}td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}}
@media print{:root{--fg:#000;--muted:#333;--bg:#fff;--rule:#999;--accent:#000;--band:#eee}body{font:11pt/1.45 Georgia,"DejaVu Serif",serif}article{max-width:none;padding:0}h1{font-size:20pt}a{color:inherit;text-decoration:none}q[data-speaker]{text-decoration:none}.release-body p{orphans:3;widows:3}section.participants,tr{break-inside:avoid}@page{margin:2cm}}
"""


def _person(a: Attendee, language: str, ident: str | None) -> dict[str, Any]:
    from ..locale import country_name

    person: dict[str, Any] = {"@type": "Person"}
    if ident is not None:
        person["@id"] = ident
    person["name"] = a.name if a.name is not None else a.role
    if a.rank:
        person["honorificPrefix"] = a.rank
    if a.role:
        person["jobTitle"] = a.role
    if a.organization:
        person["affiliation"] = {"@type": "Organization", "name": a.organization}
    if a.country:
        person["nationality"] = {"@type": "Country", "name": country_name(a.country, language), "identifier": a.country}
    if a.aliases:
        person["alternateName"] = list(a.aliases)
    return person


def json_ld(release: PressRelease) -> dict[str, Any]:
    """The schema.org description of ``release``: a ``NewsArticle`` and, with event dates, an ``Event``."""
    h, d = release.header, release.dates
    article: dict[str, Any] = {"@type": "NewsArticle", "@id": "#release", "headline": h.title}
    if h.subtitle is not None:
        article["alternativeHeadline"] = h.subtitle
    if h.reference is not None:
        article["identifier"] = h.reference
    if h.url:
        article["url"] = h.url
        article["mainEntityOfPage"] = h.url
    if d.published is not None:
        article["datePublished"] = _iso(d.published)
    if d.updated is not None:
        article["dateModified"] = _iso(d.updated)
    article["inLanguage"] = h.language
    if h.source:
        article["publisher"] = {"@type": "Organization", "name": h.source}
    if h.dateline:
        article["dateline"] = h.dateline
    people = [_person(a, h.language, f"#attendee-{i + 1}") for i, a in enumerate(release.attendees)]
    if people:
        article["contributor"] = people
    mentioned = [_person(a, h.language, None) for a in release.mentions]
    if mentioned:
        article["mentions"] = mentioned
    graph: list[dict[str, Any]] = [article]
    if d.start is not None:
        event: dict[str, Any] = {"@type": "Event", "@id": "#event", "name": h.title, "startDate": _iso(d.start)}
        event["endDate"] = _iso(d.end if d.end is not None else d.start)
        if h.dateline:
            event["location"] = {"@type": "Place", "name": h.dateline}
        if people:
            event["attendee"] = [{"@id": p["@id"]} for p in people]
        article["about"] = {"@id": "#event"}
        graph.append(event)
    return {"@context": "https://schema.org", "@graph": graph}


def _date_line(release: PressRelease) -> str | None:
    from ..locale import format_event_dates, format_published, format_updated, pack

    d, language = release.dates, release.header.language
    parts: list[str] = []
    event = format_event_dates(d.start, d.end, language)
    if event and d.start is not None:
        end = f' data-end="{_iso(d.end)}"' if d.end is not None and d.end != d.start else ""
        parts.append(f'<time class="event" datetime="{_iso(d.start)}"{end}>{_text(event)}</time>')
    if d.updated is not None:
        parts.append(
            f'<time class="updated" datetime="{_iso(d.updated)}">{_text(format_updated(d.updated, language))}</time>'
        )
    elif d.published is not None:
        parts.append(
            f'<time class="published" datetime="{_iso(d.published)}">{_text(format_published(d.published, language))}</time>'
        )
    if not parts:
        return None
    return _text(pack(language).format.separator).join(parts)


def _paragraph(release: PressRelease, lay: Layout, index: int, shown: list[str]) -> str:
    para = lay.paragraphs[index]
    out: list[str] = ["<p>"]
    plain: list[str] = []
    if para.dateline is not None:
        out.append(f'<span class="dateline">{_text(para.dateline)}</span>{_text(para.dateline_separator)}')
        plain.append(para.dateline + para.dateline_separator)
    for span in para.spans:
        plain.append(span.text)
        if span.quote:
            if span.speaker is not None:
                who = _attr(span.speaker)
                out.append(f'<q data-speaker="{who}" title="{who}">{_text(span.text)}</q>')
            else:
                out.append(f"<q>{_text(span.text)}</q>")
        else:
            out.append(_text(span.text))
    out.append("</p>")
    shown.append("".join(plain))
    return "".join(out)


def _participants(lay: Layout) -> str:
    rows = lay.attendee_rows
    if not rows:
        return ""
    used = [0] + [c for c in range(1, len(lay.attendee_columns)) if any(row[c] for row in rows)]
    heads = "".join(f'<th scope="col">{_text(lay.attendee_columns[c])}</th>' for c in used)
    body: list[str] = []
    for row in rows:
        cells = [f'<th scope="row">{_text(row[0])}</th>']
        for c in used[1:]:
            cells.append(f'<td data-label="{_attr(lay.attendee_columns[c])}">{_text(row[c])}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<section class="participants" aria-labelledby="participants-heading">\n'
        f'<h2 id="participants-heading">{_text(lay.attendees_heading)}</h2>\n'
        '<div class="table-wrap"><table>\n'
        f"<thead><tr>{heads}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table></div>\n</section>\n"
    )


def _description(release: PressRelease) -> str:
    text = release.header.subtitle or next((p.text for p in release.paragraphs if p.text.strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"


def render_page(release: PressRelease, *, embed_release: bool = True) -> str:
    """The page as text (what :meth:`HtmlExporter.render` encodes)."""
    import orjson

    from .._layout import layout
    from .._serialize import dumps
    from ..locale import labels

    # The page's visible text is read back when the embedded copy is missing (an edited page):
    # printed as written — no collapsed rows, no added spaces, every column — like the DOCX.
    lay = layout(release, collapse=False, spacing=False, all_columns=True)
    h, d = release.header, release.dates
    words = labels(h.language)
    head: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(h.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(h.title)}</title>",
    ]
    description = _description(release)
    if description:
        head.append(f'<meta name="description" content="{_attr(description)}">')
    head.append('<meta name="generator" content="communique">')
    if h.url:
        head.append(f'<link rel="canonical" href="{_attr(h.url)}">')
    head.append('<meta property="og:type" content="article">')
    head.append(f'<meta property="og:title" content="{_attr(h.title)}">')
    if h.source:
        head.append(f'<meta property="og:site_name" content="{_attr(h.source)}">')
    if h.url:
        head.append(f'<meta property="og:url" content="{_attr(h.url)}">')
    if d.published is not None:
        head.append(f'<meta property="article:published_time" content="{_iso(d.published)}">')
    if d.updated is not None:
        head.append(f'<meta property="article:modified_time" content="{_iso(d.updated)}">')
    canonical = dumps(release).decode("utf-8")
    # Every string of the release is in its JSON: one scan says whether any is beyond U+FFFF.
    astral = _ASTRAL.search(canonical) is not None
    ld = orjson.dumps(json_ld(release), option=orjson.OPT_INDENT_2)
    data = [f"<style>\n{_CSS}</style>", f'<script type="application/ld+json">\n{script_json(ld, astral)}\n</script>']

    shown: list[str] = [h.title]
    body: list[str] = ["</head>", "<body>", '<article class="release">', '<header class="release-header">']
    body.append(f'<p class="kind">{_text(words.kind)}</p>')
    if h.source:
        body.append(f'<p class="publisher">{_text(h.source)}</p>')
    if h.reference is not None:
        body.append(f'<p class="reference">{_text(h.reference)}</p>')
    body.append(f"<h1>{_text(h.title)}</h1>")
    if h.subtitle is not None:
        body.append(f'<p class="subtitle">{_text(h.subtitle)}</p>')
    date_line = _date_line(release)
    if date_line is not None:
        body.append(f'<p class="date-line">{date_line}</p>')
    body.append("</header>")
    body.append('<div class="release-body">')
    if release.paragraphs:
        body.extend(_paragraph(release, lay, i, shown) for i in range(len(lay.paragraphs)))
    elif h.dateline is not None:
        body.append(f'<p><span class="dateline">{_text(h.dateline)}</span></p>')
        shown.append(h.dateline)
    body.append("</div>")
    participants = _participants(lay)
    if participants:
        body.append(participants.rstrip("\n"))
    body.append(f'<footer class="release-footer"><p>{_text(words.end_mark)}</p></footer>')
    body.extend(["</article>", "</body>", "</html>", ""])
    if embed_release:
        data.append(
            f'<script type="application/json" id="{RELEASE_SCRIPT_ID}" data-visible="{visible_digest(shown)}">\n'
            f"{script_json(canonical, astral)}\n</script>"
        )
    # The style and the scripts hold nothing to show (the JSON is escaped already): only the rest is scanned.
    return "\n".join([_shown("\n".join(head), astral), *data, _shown("\n".join(body), astral)])


class HtmlExporter(Exporter):
    """A standalone HTML5 page (inline CSS, schema.org JSON-LD), with the release embedded for read-back."""

    name = "html"
    label = "Web page (HTML5 with schema.org JSON-LD)"
    extensions = (".html", ".htm")
    media_type = "text/html"
    options = (
        Option(
            "embed_release",
            bool,
            True,
            "embed the canonical JSON for an exact read-back (off: the page's markup alone carries the release)",
        ),
    )

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Render ``release`` as a UTF-8 HTML page (deterministic for a given release and options)."""
        embed = options.get("embed_release")
        return render_page(release, embed_release=True if embed is None else bool(embed)).encode("utf-8")
