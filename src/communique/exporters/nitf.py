"""``nitf`` exporter: IPTC News Industry Text Format 3.6, what newsroom systems exchange.

The output validates against the official NITF 3.6 XML Schema (shipped, unchanged,
in ``communique/schemas/nitf/``).  The mapping:

==========================  ==============================================================
model                       NITF 3.6
==========================  ==============================================================
``header.title``            ``head/title`` and ``body/body.head/hedline/hl1``
``header.title_derived``    ``hl1@cq:derived="true"`` (absent when the title is a headline)
``header.subtitle``         ``body.head/hedline/hl2``
``header.language``         ``nitf@baselang``
``header.source``           ``body.head/distributor``
``header.url``              ``head/docdata/doc-id@id-string`` (``cq:field="url"``)
``header.reference``        ``head/docdata/doc-id@id-string`` (``cq:field="reference"``)
``header.dateline``         ``body.head/dateline/location/city``
``dates.published``         ``head/docdata/date.issue@norm``
``dates.updated``           ``head/revision-history@norm``
``dates.start`` / ``end``   ``docdata/identified-content/event@start-date`` / ``@end-date``
``paragraphs``              ``body/body.content/p``, text character for character
``quotes``                  inline ``<q quote-source="speaker">`` inside the ``<p>``
``quotes[].in_title``       the ``<q>`` is inside ``hl1`` (``head/title`` stays plain text)
``quotes[].attendee``       ``q@cq:attendee="a1"``, the ``id`` of the attendee's ``<person>``
``quotes[].group``          ``q@cq:group="0"``
``attendees``               once each in ``docdata/identified-content``: ``<person>`` (name
                            as its text, ``<function>`` for rank and for role, ``<alt-code>``
                            for each alias), ``<org>`` for the organisation and
                            ``<location><country iso-cc="…">`` for the country
``mentions``                the same markup in ``identified-content``, the ``<person>``
                            marked ``cq:kind="mention"`` (ids ``m1``, ``m2`` …; its
                            ``<org>``/``<location>`` point at it with ``cq:person``)
==========================  ==============================================================

``norm`` dates use ISO 8601 basic form, ``YYYYMMDDTHHMMSS±HHMM`` (no offset for a
date-time without time zone; ``.ffffff`` after the seconds only when there are
microseconds); event days are written ``YYYYMMDDT000000``.  A date-only
stamp is written the way NITF asks for a date "when no time is available",
``YYYYMMDDT000000``, with ``cq:precision="date"`` so that communique reads it
back as a date, not as midnight.

NITF has no element that ties an ``<org>`` or a ``<location>`` of
``identified-content`` to a ``<person>``, nor one that says whether a
``<function>`` is a rank or a role, so communique adds attributes in its own
namespace ``urn:communique:nitf:1`` (prefix ``cq``), which NITF 3.6 allows on
every element: ``cq:attendee="a1"`` on ``<org>``/``<location>`` (the person's
``id``; ``cq:person="m1"`` for a person only mentioned), ``cq:kind="mention"``
on the ``<person>`` of someone only mentioned, ``cq:attendee`` and
``cq:group`` on a ``<q>``, ``cq:field="rank"|"role"`` on ``<function>``,
``cq:field="url"|"reference"`` on ``<doc-id>``, ``cq:derived`` on ``<hl1>``,
``cq:precision`` on a stamp, and ``cq:version="2"`` on the root to say the
markup is complete (a reader then takes quotes, attendees and mentions from
the markup only).  A quote's ``quote-source`` is its speaker as written (a
name, or a role); in a document marked ``cq:version="1"``, which the parser
still reads, it was always the name of an attendee.  Other NITF
consumers simply ignore them.  With these, the ``nitf`` parser gives back the
release exactly.

Control characters: like the ``xml`` exporter, text with characters XML 1.0
cannot carry is **refused** with a :class:`~communique.errors.RenderError`
naming the field (``paragraphs[0].text``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..errors import RenderError
from ..model import Attendee, PressRelease, Quote
from ..plugins import Exporter

NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
"""The NITF 3.6 namespace."""
EXTENSION_NAMESPACE = "urn:communique:nitf:1"
"""communique's attributes on NITF elements (prefix ``cq``)."""
EXTENSION_VERSION = 2
"""``nitf@cq:version``: the version of communique's markup (the schema version of the release)."""
VERSION = "-//IPTC//DTD NITF 3.6//EN"
SCHEMA = "nitf/nitf-3-6.xsd"
ALIAS_SOURCE = "urn:communique:alias"
"""``alt-code@idsrc`` marking an attendee's alias."""

_FORMAT = "nitf"


def norm_datetime(value: _dt.datetime, path: str) -> str:
    """``value`` as an NITF ``norm``: ``YYYYMMDDTHHMMSS[.ffffff][±HHMM]``."""
    offset = value.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        raise RenderError(
            f"has a UTC offset of {offset}, which is not a whole number of minutes", path=path, format=_FORMAT
        )
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}T{value.hour:02d}{value.minute:02d}{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        text += f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    return text


def norm_date(value: _dt.date) -> str:
    """An event day as an NITF ``norm`` (midnight, as the NITF documentation asks when there is no time)."""
    return f"{value.year:04d}{value.month:02d}{value.day:02d}T000000"


def norm_stamp(value: _dt.date, path: str) -> str:
    """A published/updated stamp as ``norm="…"`` (plus ``cq:precision="date"`` for a date-only one)."""
    if isinstance(value, _dt.datetime):
        return f'norm="{norm_datetime(value, path)}"'
    return f'norm="{norm_date(value)}" cq:precision="date"'


def _marked(raw: str, quotes: list[Quote] | tuple[Quote, ...]) -> str:
    """``raw`` with its quotes as inline elements of this vocabulary."""
    from .._xml import mark_quotes

    return mark_quotes(raw, quotes, "q", ("quote-source", "cq:attendee", "cq:group"))


def _person(a: Attendee, key: str, owner: str, language: str) -> list[str]:
    """``<person id="key">`` and its ``<org>``/``<location>`` for ``identified-content``."""
    from .._xml import escape_attribute_markup as attr
    from .._xml import escape_markup as esc
    from ..locale import country_name

    inner = [esc(a.name) if a.name is not None else ""]
    if a.rank is not None:
        inner.append(f'<function cq:field="rank">{esc(a.rank)}</function>')
    if a.role is not None:
        inner.append(f'<function cq:field="role">{esc(a.role)}</function>')
    for alias in a.aliases:
        inner.append(f'<alt-code idsrc="{ALIAS_SOURCE}" value="{attr(alias)}"/>')
    kind = ' cq:kind="mention"' if owner == "person" else ""
    out = [f'        <person id="{key}"{kind}>{"".join(inner)}</person>\n']
    if a.organization is not None:
        out.append(f'        <org cq:{owner}="{key}">{esc(a.organization)}</org>\n')
    if a.country is not None:
        name = esc(country_name(a.country, language))
        out.append(f'        <location cq:{owner}="{key}"><country iso-cc="{a.country}">{name}</country></location>\n')
    return out


def render_release(release: PressRelease) -> bytes:
    """The release as an NITF 3.6 document (see the module docs for the mapping)."""
    from .._xml import finish_document

    return finish_document('<?xml version="1.0" encoding="UTF-8"?>\n' + nitf_markup(release), release, format=_FORMAT)


def nitf_markup(release: PressRelease) -> str:
    """The ``<nitf>`` element of :func:`render_release`, as markup to embed in another document.

    Text is escaped with :func:`communique._xml.escape_markup` only: the
    embedding document must be finished with :func:`communique._xml.finish_document`
    (the ``newsml`` exporter puts it inside a NewsML-G2 ``<inlineXML>``).
    """
    from .._xml import escape_attribute_markup as attr
    from .._xml import escape_markup as esc

    h = release.header
    d = release.dates
    out: list[str] = []
    add = out.append
    # The model restricts the language to letters, digits and hyphens: nothing to escape.
    add(
        f'<nitf xmlns="{NAMESPACE}" xmlns:cq="{EXTENSION_NAMESPACE}" version="{VERSION}" '
        f'baselang="{h.language}" cq:version="{EXTENSION_VERSION}">\n'
    )
    title = esc(h.title)

    # head: title, docdata, revision-history, in the schema's order.
    add(f"  <head>\n    <title>{title}</title>\n")
    docdata: list[str] = []
    if h.reference is not None:
        docdata.append(f'      <doc-id cq:field="reference" id-string="{attr(h.reference)}"/>\n')
    if h.url is not None:
        docdata.append(f'      <doc-id cq:field="url" id-string="{attr(h.url)}"/>\n')
    if d.published is not None:
        docdata.append(f"      <date.issue {norm_stamp(d.published, 'dates.published')}/>\n")
    identified: list[str] = []
    for i, a in enumerate(release.attendees, 1):
        identified += _person(a, f"a{i}", "attendee", h.language)
    for i, a in enumerate(release.mentions, 1):
        identified += _person(a, f"m{i}", "person", h.language)
    if d.start is not None:
        end = f' end-date="{norm_date(d.end)}"' if d.end is not None else ""
        identified.append(f'        <event start-date="{norm_date(d.start)}"{end}/>\n')
    if identified:
        docdata.append("      <identified-content>\n")
        docdata.extend(identified)
        docdata.append("      </identified-content>\n")
    if docdata:
        add("    <docdata>\n")
        out.extend(docdata)
        add("    </docdata>\n")
    if d.updated is not None:
        add(f"    <revision-history {norm_stamp(d.updated, 'dates.updated')}/>\n")
    add("  </head>\n")

    # body.head: hedline, distributor, dateline, in the schema's order.
    hl1 = '<hl1 cq:derived="true">' if h.title_derived else "<hl1>"
    title_quotes = [q for q in release.quotes if q.in_title]
    marked = _marked(h.title, title_quotes) if title_quotes else title
    add(f"  <body>\n    <body.head>\n      <hedline>\n        {hl1}{marked}</hl1>\n")
    if h.subtitle is not None:
        add(f"        <hl2>{esc(h.subtitle)}</hl2>\n")
    add("      </hedline>\n")
    if h.source is not None:
        add(f"      <distributor>{esc(h.source)}</distributor>\n" if h.source else "      <distributor/>\n")
    if h.dateline is not None:
        add(f"      <dateline>\n        <location><city>{esc(h.dateline)}</city></location>\n      </dateline>\n")
    add("    </body.head>\n")

    by_paragraph: dict[int, list[Quote]] = {}
    for q in release.quotes:
        if not q.in_title:
            by_paragraph.setdefault(q.paragraph, []).append(q)
    if release.paragraphs:
        add("    <body.content>\n")
        for index, paragraph in enumerate(release.paragraphs):
            quotes = by_paragraph.get(index)
            add(f"      <p>{_marked(paragraph.text, quotes) if quotes else esc(paragraph.text)}</p>\n")
        add("    </body.content>\n")
    add("  </body>\n</nitf>\n")
    return "".join(out)


class NitfExporter(Exporter):
    """IPTC NITF 3.6, valid against the official schema, with quotes and attendees marked up.

    Refuses (with :class:`~communique.errors.RenderError` naming the field)
    text containing control characters that XML 1.0 cannot represent.
    """

    name = "nitf"
    label = "NITF 3.6 (IPTC News Industry Text Format)"
    extensions = (".nitf.xml", ".nitf")
    media_type = "application/nitf+xml"

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Return the release as a UTF-8 NITF 3.6 document."""
        return render_release(release)
