"""``xml`` exporter: communique's own XML vocabulary, lossless and schema-valid.

The vocabulary (namespace ``urn:communique:xml:release:2``) is described by
``communique/schemas/communique-release-2.xsd``, shipped in the package
beside version 1's ``communique-release-1.xsd``, which the ``xml`` parser
still reads::

    <?xml version="1.0" encoding="UTF-8"?>
    <release xmlns="urn:communique:xml:release:2" xml:lang="fr">
      <header>
        <title>LE PRÉSIDENT DÉLÉGUÉ …</title>
        <subtitle>…</subtitle>
        <dateline>Belgrade</dateline>
        <reference>Press Release (2018) 071</reference>
      </header>
      <dates>
        <start>2018-05-22</start>
        <end>2018-05-23</end>
        <updated>2018-07-20T15:57:00</updated>
      </dates>
      <paragraphs>
        <p>… a souligné que « <quote speaker="Shepro" attendee="a1">l’OTAN maintiendrait …</quote> » …</p>
        <p>« <quote speaker="Shepro" attendee="a1" group="0">first paragraph of a quotation …</quote></p>
        <p>« <quote speaker="Shepro" attendee="a1" group="0">… and its second paragraph</quote> »</p>
      </paragraphs>
      <attendees>
        <attendee id="a1">
          <name>Shepro</name>
          <rank>général de corps aérien</rank>
          …
        </attendee>
      </attendees>
      <mentions>
        <mention><name>…</name><role>…</role></mention>
      </mentions>
    </release>

Fidelity: every field of the model round-trips exactly (``None`` is an
absent element, ``""`` an empty one; a derived title is
``<title derived="true">``; a date-only stamp is an ``xs:date``
(``<published>2018-05-23</published>``), a stamp with a time an
``xs:dateTime``; quotes are inline ``<quote>``
elements whose offsets follow from the markup, in ``<p>`` or, for a quote
in the title, in ``<title>``; ``speaker`` is the speaker's display string and
``attendee`` an ``a1``, ``a2`` … IDREF to the attendees in order; ``group``
is the quote's group id; people only mentioned are ``<mention>`` elements).  Text is written character for
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
from ..model import Attendee, PressRelease, Quote
from ..plugins import Exporter

NAMESPACE = "urn:communique:xml:release:2"
"""The namespace of version 2 of the vocabulary (the one written)."""
SCHEMA = "communique-release-2.xsd"
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


def _stamp(value: _dt.date, path: str) -> str:
    # A date-only stamp is an xs:date, a stamp with a time an xs:dateTime.
    return _datetime(value, path) if isinstance(value, _dt.datetime) else _date(value)


def _marked(raw: str, quotes: list[Quote]) -> str:
    """``raw`` with its quotes as inline elements of this vocabulary."""
    from .._xml import mark_quotes

    return mark_quotes(raw, quotes, "quote", ("speaker", "attendee", "group"))


def render_release(release: PressRelease) -> bytes:
    """The release in communique's XML vocabulary (see the module docs)."""
    from .._xml import escape_markup as esc
    from .._xml import finish_document

    out: list[str] = []
    add = out.append

    def field(indent: str, tag: str, value: str | None) -> None:
        if value is None:
            return
        add(f"{indent}<{tag}>{esc(value)}</{tag}>\n" if value else f"{indent}<{tag}/>\n")

    def person(a: Attendee) -> None:
        field("      ", "name", a.name)
        field("      ", "rank", a.rank)
        field("      ", "role", a.role)
        field("      ", "organization", a.organization)
        field("      ", "country", a.country)
        for alias in a.aliases:
            field("      ", "alias", alias)

    h = release.header
    add('<?xml version="1.0" encoding="UTF-8"?>\n')
    # The model restricts the language to letters, digits and hyphens: nothing to escape.
    add(f'<release xmlns="{NAMESPACE}" xml:lang="{h.language}">\n  <header>\n')
    title_quotes = [q for q in release.quotes if q.in_title]
    add('    <title derived="true">' if h.title_derived else "    <title>")
    add(_marked(h.title, title_quotes) if title_quotes else esc(h.title))
    add("</title>\n")
    field("    ", "subtitle", h.subtitle)
    field("    ", "source", h.source)
    field("    ", "url", h.url)
    field("    ", "dateline", h.dateline)
    field("    ", "reference", h.reference)
    add("  </header>\n")

    d = release.dates
    if d.start is None and d.end is None and d.published is None and d.updated is None:
        add("  <dates/>\n")
    else:
        add("  <dates>\n")
        if d.start is not None:
            add(f"    <start>{_date(d.start)}</start>\n")
        if d.end is not None:
            add(f"    <end>{_date(d.end)}</end>\n")
        if d.published is not None:
            add(f"    <published>{_stamp(d.published, 'dates.published')}</published>\n")
        if d.updated is not None:
            add(f"    <updated>{_stamp(d.updated, 'dates.updated')}</updated>\n")
        add("  </dates>\n")

    by_paragraph: dict[int, list[Quote]] = {}
    for q in release.quotes:
        if not q.in_title:
            by_paragraph.setdefault(q.paragraph, []).append(q)
    if not release.paragraphs:
        add("  <paragraphs/>\n")
    else:
        add("  <paragraphs>\n")
        for index, paragraph in enumerate(release.paragraphs):
            raw = paragraph.text
            quotes = by_paragraph.get(index)
            if not quotes:
                add(f"    <p>{esc(raw)}</p>\n" if raw else "    <p/>\n")
                continue
            add(f"    <p>{_marked(raw, quotes)}</p>\n")
        add("  </paragraphs>\n")

    if not release.attendees:
        add("  <attendees/>\n")
    else:
        add("  <attendees>\n")
        for i, a in enumerate(release.attendees, 1):
            add(f'    <attendee id="a{i}">\n')
            person(a)
            add("    </attendee>\n")
        add("  </attendees>\n")
    if release.mentions:
        add("  <mentions>\n")
        for a in release.mentions:
            add("    <mention>\n")
            person(a)
            add("    </mention>\n")
        add("  </mentions>\n")
    add("</release>\n")
    return finish_document("".join(out), release, format=_FORMAT)


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
        """Return the release as UTF-8 XML valid against ``communique-release-2.xsd``."""
        return render_release(release)
