"""``xml`` exporter: communique's own XML vocabulary, lossless and schema-valid.

The vocabulary (namespace ``urn:communique:xml:release:1``) is described by
``communique/schemas/communique-release-1.xsd``, shipped in the package::

    <?xml version="1.0" encoding="UTF-8"?>
    <release xmlns="urn:communique:xml:release:1" xml:lang="fr">
      <header>
        <title>LE PRÉSIDENT DÉLÉGUÉ …</title>
        <dateline>Belgrade</dateline>
      </header>
      <dates>
        <start>2018-05-22</start>
        <end>2018-05-23</end>
        <updated>2018-07-20T15:57:00</updated>
      </dates>
      <paragraphs>
        <p>… a souligné que « <quote speaker="a1">l’OTAN maintiendrait …</quote> » …</p>
      </paragraphs>
      <attendees>
        <attendee id="a1">
          <name>Shepro</name>
          <rank>général de corps aérien</rank>
          …
        </attendee>
      </attendees>
    </release>

Fidelity: every field of the model round-trips exactly (``None`` is an
absent element, ``""`` an empty one; quotes are inline ``<quote>``
elements whose offsets follow from the markup; speakers are ``a1``, ``a2``
… IDREFs to the attendees in order).  Text is written character for
character: indentation is added only between elements that hold no text,
never inside ``<p>`` or a text field, and ``\\r`` is written ``&#13;``.

Control characters: XML 1.0 cannot carry C0 control characters other than
tab, newline and carriage return (nor U+FFFE/U+FFFF).  The exporter
**refuses** a release containing one with a
:class:`~communique.errors.RenderError` whose ``path`` names the field
(``paragraphs[0].text``); it never drops characters silently.

Output is UTF-8 with an XML declaration, pretty-printed and deterministic
(the same release gives the same bytes).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..errors import RenderError
from ..model import PressRelease, Quote
from ..plugins import Exporter

NAMESPACE = "urn:communique:xml:release:1"
"""The namespace of version 1 of the vocabulary."""
SCHEMA = "communique-release-1.xsd"
"""The schema file, relative to ``communique/schemas``."""

_FORMAT = "xml"


def _datetime(value: _dt.datetime, path: str) -> str:
    offset = value.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        # xs:dateTime offsets are whole minutes; rounding would change the instant.
        raise RenderError(
            f"has a UTC offset of {offset}, which is not a whole number of minutes", path=path, format=_FORMAT
        )
    if offset is not None and abs(offset) > _dt.timedelta(hours=14):
        raise RenderError(
            f"has a UTC offset of {offset}, beyond the ±14:00 an XML date-time allows", path=path, format=_FORMAT
        )
    text = value.replace(tzinfo=None).isoformat()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def _date(value: _dt.date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


class _Writer:
    """Builds the document as a list of string pieces (faster and more exact than a tree)."""

    def __init__(self) -> None:
        from .._xml import check_text, escape_text

        self._check = check_text
        self._escape = escape_text
        self.out: list[str] = []

    def text(self, value: str, path: str) -> str:
        return self._escape(self._check(value, path, format=_FORMAT))

    def field(self, indent: str, tag: str, value: str | None, path: str) -> None:
        if value is None:
            return
        if value == "":
            self.out.append(f"{indent}<{tag}/>\n")
        else:
            self.out.append(f"{indent}<{tag}>{self.text(value, path)}</{tag}>\n")


def render_release(release: PressRelease) -> bytes:
    """The release in communique's XML vocabulary (see the module docs)."""
    from .._xml import escape_attribute

    w = _Writer()
    out = w.out
    h = release.header
    out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.append(f'<release xmlns="{NAMESPACE}" xml:lang="{escape_attribute(h.language)}">\n')
    out.append("  <header>\n")
    w.field("    ", "title", h.title, "header.title")
    w.field("    ", "source", h.source, "header.source")
    w.field("    ", "url", h.url, "header.url")
    w.field("    ", "dateline", h.dateline, "header.dateline")
    out.append("  </header>\n")

    d = release.dates
    if d.start is None and d.end is None and d.published is None and d.updated is None:
        out.append("  <dates/>\n")
    else:
        out.append("  <dates>\n")
        if d.start is not None:
            out.append(f"    <start>{_date(d.start)}</start>\n")
        if d.end is not None:
            out.append(f"    <end>{_date(d.end)}</end>\n")
        if d.published is not None:
            out.append(f"    <published>{_datetime(d.published, 'dates.published')}</published>\n")
        if d.updated is not None:
            out.append(f"    <updated>{_datetime(d.updated, 'dates.updated')}</updated>\n")
        out.append("  </dates>\n")

    ids = {a.name: f"a{i}" for i, a in enumerate(release.attendees, 1) if a.name is not None}
    by_paragraph: dict[int, list[Quote]] = {}
    for q in release.quotes:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    if not release.paragraphs:
        out.append("  <paragraphs/>\n")
    else:
        out.append("  <paragraphs>\n")
        for index, paragraph in enumerate(release.paragraphs):
            path = f"paragraphs[{index}].text"
            text = w.text(paragraph.text, path)  # checks the whole paragraph, quotes included
            quotes = by_paragraph.get(index)
            if not quotes:
                out.append(f"    <p>{text}</p>\n" if text else "    <p/>\n")
                continue
            # Quotes are sorted and do not overlap (the model guarantees it).
            pieces = ["    <p>"]
            cursor = 0
            raw = paragraph.text
            for q in quotes:
                pieces.append(w._escape(raw[cursor : q.start]))
                speaker = f' speaker="{ids[q.speaker]}"' if q.speaker is not None else ""
                pieces.append(f"<quote{speaker}>{w._escape(q.text)}</quote>")
                cursor = q.end
            pieces.append(w._escape(raw[cursor:]))
            pieces.append("</p>\n")
            out.append("".join(pieces))
        out.append("  </paragraphs>\n")

    if not release.attendees:
        out.append("  <attendees/>\n")
    else:
        out.append("  <attendees>\n")
        for i, a in enumerate(release.attendees):
            base = f"attendees[{i}]"
            out.append(f'    <attendee id="a{i + 1}">\n')
            w.field("      ", "name", a.name, f"{base}.name")
            w.field("      ", "rank", a.rank, f"{base}.rank")
            w.field("      ", "role", a.role, f"{base}.role")
            w.field("      ", "organization", a.organization, f"{base}.organization")
            w.field("      ", "country", a.country, f"{base}.country")
            for j, alias in enumerate(a.aliases):
                w.field("      ", "alias", alias, f"{base}.aliases[{j}]")
            out.append("    </attendee>\n")
        out.append("  </attendees>\n")
    out.append("</release>\n")
    return "".join(out).encode("utf-8")


class XmlExporter(Exporter):
    """communique's XML vocabulary: lossless, schema-valid, pretty-printed, deterministic.

    Refuses (with :class:`~communique.errors.RenderError` naming the field)
    text containing control characters that XML 1.0 cannot represent.
    """

    name = "xml"
    label = "XML (communique vocabulary)"
    extensions = (".xml",)
    media_type = "application/xml"

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Return the release as UTF-8 XML valid against ``communique-release-1.xsd``."""
        return render_release(release)
