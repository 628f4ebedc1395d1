"""``newsml`` exporter: an IPTC NewsML-G2 2.35 ``newsItem``, what agencies and newsroom systems exchange.

The output validates against the official NewsML-G2 2.35 XML Schema (shipped,
unchanged, in ``communique/schemas/newsml-g2/``).  The item is written in
the schema's order:

==========================  ==============================================================
model                       NewsML-G2
==========================  ==============================================================
(the release's identity)    ``newsItem@guid`` ``urn:communique:newsml:<32 hex digits>``: a
                            SHA-256 of the URL, else of source and reference, else of
                            language, source, title and publication stamp
``dates.updated``           ``newsItem@version``: ``1`` without an update stamp, else the
                            stamp's digits ``YYYYMMDDHHMM`` (UTC when it has a time zone), so
                            a later revision always has a higher version
``header.language``         ``newsItem@xml:lang`` and ``contentMeta/language@tag``
``header.source``           ``itemMeta/provider/name`` and ``contentMeta/creator/name``
``dates.updated``           ``itemMeta/versionCreated`` (else ``dates.published``) and
                            ``contentMeta/contentModified``
``dates.published``         ``itemMeta/firstCreated`` (a datetime only) and
                            ``contentMeta/contentCreated``
``header.url``              ``itemMeta/link@href`` (``rel="irel:seeAlso"``)
``header.dateline``         ``contentMeta/located/name`` (the place) and
                            ``contentMeta/dateline`` (as written)
``header.reference``        ``contentMeta/altId``
``header.title``            ``contentMeta/headline``
``header.subtitle``         ``contentMeta/description@role="drol:summary"``
named attendees             ``contentMeta/subject type="cpnat:person"``: ``name``, rank and
                            role in ``definition``, organisation and country as
                            ``related`` concepts (``cpnat:organisation``,
                            ``cpnat:geoArea``)
attendees' countries        ``contentMeta/subject type="cpnat:geoArea"
                            qcode="iso3166-1a2:RS"`` once per country, in order of appearance
the event                   ``subject type="cpnat:event"`` pointing (same ``uri``) at an
                            ``assert`` holding ``eventDetails``: ``dates/start`` and
                            ``dates/end``, ``location`` (the dateline), one
                            ``participant`` per attendee (organisation as
                            ``personDetails/affiliation``, country as ``related``)
the whole release           ``contentSet/inlineXML contenttype="application/nitf+xml"``:
                            the ``nitf`` exporter's NITF 3.6 document (its ``<nitf>``
                            element, made by :func:`communique.exporters.nitf.nitf_markup`)
==========================  ==============================================================

**Losslessness.**  The inline NITF is exactly what the ``nitf`` format writes,
with communique's ``cq:`` attributes (namespace ``urn:communique:nitf:1``),
which that format already proves lossless.  The ``newsml`` parser reads a
communique item from it, so ``parse(render(r, "newsml"), "newsml") == r``;
the NewsML-G2 metadata is the standard view of the same release, for
consumers that do not know communique, and is what the parser reads in
items written by others.

**Dates.**  ``contentCreated``/``contentModified`` accept a date alone, so a
date-only stamp stays a date.  ``versionCreated`` must be a date and time: a
date-only stamp is written at ``T00:00:00``, and a release with no stamp at
all gets ``1970-01-01T00:00:00Z`` (the schema requires the element and the
output must not depend on the clock).  A UTC offset that is not a whole
number of minutes is refused, as in NITF.

**Names.**  A NewsML-G2 ``<name>`` cannot hold a tab or a line break, so in
the metadata those become spaces (the inline NITF keeps them).

Control characters XML 1.0 cannot carry are refused with a
:class:`~communique.errors.RenderError` naming the field.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any

from .._xml import escape_attribute_markup as attr
from .._xml import escape_markup as esc
from .._xml import finish_document
from ..errors import RenderError
from ..model import Attendee, PressRelease
from ..plugins import Exporter

NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
"""The NewsML-G2 (NAR) namespace."""
SCHEMA = "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"
STANDARD_VERSION = "2.35"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
"""IPTC's catalog of scheme aliases (``ninat``, ``stat``, ``cpnat``, ``drol``, ``irel``, ``iso3166-1a2`` …)."""
GUID_PREFIX = "urn:communique:newsml:"
UNKNOWN_VERSION_CREATED = "1970-01-01T00:00:00Z"
"""``versionCreated`` of a release without any stamp (the schema requires one)."""

_FORMAT = "newsml"
_NAME_SPACES = str.maketrans("\t\n\r", "   ")


def guid(release: PressRelease) -> str:
    """The item's ``guid``: the same for every version of one release, derived from its identity."""
    h = release.header
    if h.url is not None:
        identity = f"url\n{h.url}"
    elif h.reference is not None:
        identity = f"reference\n{h.source or ''}\n{h.reference}"
    else:
        published = release.dates.published.isoformat() if release.dates.published is not None else ""
        identity = f"title\n{h.language}\n{h.source or ''}\n{h.title}\n{published}"
    return GUID_PREFIX + hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def version(release: PressRelease) -> int:
    """The item's ``version``: 1, or the update stamp as ``YYYYMMDDHHMM`` (later revision, higher version)."""
    updated = release.dates.updated
    if updated is None:
        return 1
    if isinstance(updated, _dt.datetime):
        if updated.tzinfo is not None:
            updated = updated.astimezone(_dt.UTC)
        return int(f"{updated:%Y%m%d%H%M}")
    return int(f"{updated:%Y%m%d}0000")


def iso_stamp(value: _dt.date, path: str) -> str:
    """A stamp as ``xs:date`` or ``xs:dateTime`` (offset in whole minutes, microseconds only when present)."""
    if not isinstance(value, _dt.datetime):
        return value.isoformat()
    offset = value.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        raise RenderError(
            f"has a UTC offset of {offset}, which is not a whole number of minutes", path=path, format=_FORMAT
        )
    text = value.replace(tzinfo=None).isoformat()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def _date_time(value: _dt.date, path: str) -> str:
    """``xs:dateTime`` for ``versionCreated``/``firstCreated`` (a date alone at midnight)."""
    if isinstance(value, _dt.datetime):
        return iso_stamp(value, path)
    return f"{value.isoformat()}T00:00:00"


def _name(value: str) -> str:
    """``value`` for a ``<name>``: NewsML-G2 names hold no tab or line break, so those become spaces."""
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.translate(_NAME_SPACES)
    return esc(value)


def _definition(a: Attendee) -> str | None:
    parts = [p for p in (a.rank, a.role) if p]
    return ", ".join(parts) if parts else None


def _person_parts(a: Attendee, country: str | None, *, details: bool) -> str:
    """The children describing an attendee: ``name``, ``definition`` (rank and role), organisation, country.

    A person known only by role has no ``name``, only the ``definition``.

    In a ``subject`` the organisation is a ``related`` concept; in a ``participant``
    (``details``) it is the ``personDetails/affiliation`` NewsML-G2 has for it.
    The country is a ``related`` geographical area in both; ``country`` is its name, escaped.
    """
    # A person known only by role has no name: the role is the definition.
    out = [f"<name>{_name(a.name)}</name>"] if a.name is not None else []
    definition = _definition(a)
    if definition is not None:
        out.append(f"<definition>{esc(definition)}</definition>")
    organisation = f'type="cpnat:organisation"><name>{_name(a.organization)}</name>' if a.organization else None
    if organisation is not None and not details:
        out.append(f"<related {organisation}</related>")
    if a.country is not None:
        out.append(f'<related type="cpnat:geoArea" qcode="iso3166-1a2:{a.country}"><name>{country}</name></related>')
    if organisation is not None and details:
        out.append(f"<personDetails><affiliation {organisation}</affiliation></personDetails>")
    return "".join(out)


def render_release(release: PressRelease) -> bytes:
    """The release as a NewsML-G2 2.35 ``newsItem`` (see the module docs for the mapping)."""
    from ..locale import country_name
    from .nitf import nitf_markup

    h = release.header
    d = release.dates
    item = guid(release)
    # Each country's name once (an attendee appears up to three times: subject, participant, NITF).
    names = {
        code: esc(country_name(code, h.language))
        for code in dict.fromkeys(a.country for a in release.attendees if a.country is not None)
    }
    out: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    add = out.append
    # The model restricts the language to letters, digits and hyphens: nothing to escape.
    add(
        f'<newsItem xmlns="{NAMESPACE}" guid="{item}" version="{version(release)}" standard="NewsML-G2" '
        f'standardversion="{STANDARD_VERSION}" conformance="power" xml:lang="{h.language}">\n'
    )
    add(f'  <catalogRef href="{CATALOG}"/>\n')

    # itemMeta
    add('  <itemMeta>\n    <itemClass qcode="ninat:text"/>\n')
    add(f"    <provider><name>{_name(h.source)}</name></provider>\n" if h.source else "    <provider/>\n")
    latest = d.updated if d.updated is not None else d.published
    if latest is not None:
        where = "dates.updated" if d.updated is not None else "dates.published"
        add(f"    <versionCreated>{_date_time(latest, where)}</versionCreated>\n")
    else:
        add(f"    <versionCreated>{UNKNOWN_VERSION_CREATED}</versionCreated>\n")
    if isinstance(d.published, _dt.datetime):
        add(f"    <firstCreated>{iso_stamp(d.published, 'dates.published')}</firstCreated>\n")
    add('    <pubStatus qcode="stat:usable"/>\n')
    if h.url is not None:
        add(f'    <link rel="irel:seeAlso" href="{attr(h.url)}"/>\n')
    add("  </itemMeta>\n")

    # contentMeta: administrative, then descriptive metadata, in the schema's order.
    add("  <contentMeta>\n")
    if d.published is not None:
        add(f"    <contentCreated>{iso_stamp(d.published, 'dates.published')}</contentCreated>\n")
    if d.updated is not None:
        add(f"    <contentModified>{iso_stamp(d.updated, 'dates.updated')}</contentModified>\n")
    if h.dateline is not None:
        add(f"    <located><name>{_name(h.dateline)}</name></located>\n")
    if h.source is not None:
        add(f"    <creator><name>{_name(h.source)}</name></creator>\n")
    if h.reference is not None:
        add(f"    <altId>{esc(h.reference)}</altId>\n")
    add(f'    <language tag="{h.language}"/>\n')
    event = f"{item}:event"
    if d.start is not None:
        add(f'    <subject type="cpnat:event" uri="{event}"><name>{_name(h.title)}</name></subject>\n')
    for i, a in enumerate(release.attendees):
        if a.name is not None:
            parts = _person_parts(a, names.get(a.country or ""), details=False)
            add(f'    <subject type="cpnat:person" uri="{item}:attendee:{i + 1}">{parts}</subject>\n')
    for code, name in names.items():
        add(f'    <subject type="cpnat:geoArea" qcode="iso3166-1a2:{code}"><name>{name}</name></subject>\n')
    add(f"    <headline>{esc(h.title)}</headline>\n")
    if h.dateline is not None:
        add(f"    <dateline>{esc(h.dateline)}</dateline>\n")
    if h.subtitle is not None:
        add(f'    <description role="drol:summary">{esc(h.subtitle)}</description>\n')
    add("  </contentMeta>\n")

    # The event: eventDetails need a start date.
    if d.start is not None:
        add(f'  <assert uri="{event}">\n    <eventDetails>\n      <dates><start>{d.start.isoformat()}</start>')
        if d.end is not None:
            add(f"<end>{d.end.isoformat()}</end>")
        add("</dates>\n")
        if h.dateline is not None:
            add(f"      <location><name>{_name(h.dateline)}</name></location>\n")
        for i, a in enumerate(release.attendees):
            parts = _person_parts(a, names.get(a.country or ""), details=True)
            add(f'      <participant type="cpnat:person" uri="{item}:attendee:{i + 1}">{parts}</participant>\n')
        add("    </eventDetails>\n  </assert>\n")

    add('  <contentSet>\n    <inlineXML contenttype="application/nitf+xml">\n')
    add(nitf_markup(release))
    add("    </inlineXML>\n  </contentSet>\n</newsItem>\n")
    return finish_document("".join(out), release, format=_FORMAT)


class NewsmlExporter(Exporter):
    """IPTC NewsML-G2 2.35 ``newsItem``, valid against the official schema, the body as inline NITF 3.6.

    Refuses (with :class:`~communique.errors.RenderError` naming the field)
    text containing control characters that XML 1.0 cannot represent.
    """

    name = "newsml"
    label = "NewsML-G2 2.35 news item (IPTC)"
    extensions = (".newsml.xml", ".newsml")
    media_type = "application/vnd.iptc.g2.newsitem+xml"

    def render(self, release: PressRelease, **options: Any) -> bytes:
        """Return the release as a UTF-8 NewsML-G2 ``newsItem``."""
        return render_release(release)
