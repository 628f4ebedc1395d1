"""``docx`` parser: Word documents back into releases.

**Our own documents** carry the release as canonical JSON in a Custom XML part
(see :mod:`communique.exporters.docx`); the parser reads it, so
``parse(render(r, "docx"), "docx") == r`` exactly.

**Any other DOCX** (Word, LibreOffice, python-docx, pandoc …) is read from its
visible content:

* the title is the first ``Title``-styled paragraph, else the first paragraph
  with text;
* a ``Subtitle``-styled paragraph right after the title is the subtitle, a
  ``Reference``-styled one above the title or in the header block is the
  reference (the publisher's document number);
* ``Date``-styled paragraphs are date lines (split at ``|``); the paragraphs
  right after the title are a header block read exactly as the text parser
  reads one (event dates, update stamp, ``Source:``/``URL:`` lines, bullets);
* the remaining paragraphs are the body, in order; the dateline, quotations,
  speakers and (when there is no table) attendees are found by the text
  parser's extraction (:func:`communique.extract.release_from_parts`);
* a table whose header row names attendee columns (Name/Nom, Rank/Grade,
  Role/Fonction, Organisation, Country/Pays — any language communique knows;
  a single such column when the table follows its "Participants" heading)
  is read back into attendees, country names to ISO codes; its heading
  ("Attendees"/"Participants") is not a paragraph; other tables' cells are
  read as paragraphs;
* a row without name or rank whose country cell lists several countries
  ("Albanie, Bulgarie, Grèce": the exporters print identical role-only
  attendees as one such row) is read as one attendee per country, each with
  the row's role and organisation;
* the no-break spaces French typography adds (U+00A0 or U+202F before
  ``: ; ! ?`` and ``»``, after ``«``, in ``15 h 57``) are read in the title and
  the body as the plain spaces a release holds;
* the language is the document's ``dc:language`` core property when set,
  else detected from the text.

**The embedded part is stale, corrupt or too new.**  The parser then *falls
back to the visible content* and issues a
:class:`~communique.errors.CommuniqueWarning` saying why: the embedded JSON is
malformed or invalid, it declares a ``schema_version`` newer than this
communique understands (upgrade for a lossless read), or the visible text no
longer matches the digest recorded at export (the document was edited in Word
or LibreOffice after communique wrote it — the edits win).  The option
``embedded`` changes this: ``"require"`` raises
:class:`~communique.errors.ParseError` instead of falling back (and when there
is no embedded part), ``"ignore"`` always reads the visible content.

Fidelity of a visible-content read: title, subtitle, reference, dates as
printed, paragraphs, dateline, quotations, attendees' name/rank/role/organisation/country are kept;
attendee aliases, the source (unless the document was written by communique,
whose author property is the source), the URL (unless a ``URL:`` line is
present), whether the title was derived, and the time zone of stamps are not.
Typography is read back as plain spaces, so text that had no space where French
typography puts one (``«mot»``, ``15h57``) comes back with one; a collapsed row
gives its attendees in the row's place, once per country (two role-only
attendees of one country, or one without a country, were printed once or not
at all).

Bad input is a :class:`~communique.errors.ParseError`: not a zip, a zip that is
not a Word document, a zip bomb (refused before inflating, see
:mod:`communique._zipsafe`), malformed XML, a document without any text.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import CommuniqueWarning, ParseError
from ..plugins import Option, Parser, max_size_option

if TYPE_CHECKING:
    from lxml import etree

    from .._zipsafe import Package
    from ..model import Attendee, PressRelease

__all__ = ["DocxParser"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_ITEM = re.compile(r"/customxml/item\d+\.xml", re.IGNORECASE)
_COLUMNS = ("name", "rank", "role", "organization", "country")
_ISO = re.compile(r"[A-Z]{2}")


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_T, _TAB, _BR, _CR, _HYPHEN, _PPR = (_w(t) for t in ("t", "tab", "br", "cr", "noBreakHyphen", "pPr"))
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM, _PSTYLE, _VAL = (
    _w(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "pStyle", "val")
)


def _paragraph_text(p: etree._Element) -> str:
    # Runs, hyperlinks, fields and insertions hold text; paragraph properties hold tab *stops*, not tabs.
    out: list[str] = []
    for child in p:
        if child.tag == _PPR:
            continue
        for el in child.iter(_T, _TAB, _BR, _CR, _HYPHEN):
            tag = el.tag
            if tag == _T:
                out.append(el.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag == _HYPHEN:
                out.append("-")
            else:
                out.append("\n")
    return "".join(out)


# Where French typography (communique._layout.typeset) prints a no-break space: before : ; ! ? »,
# after «, either side of the h of a time.
_NB_BEFORE = re.compile("[\u00a0\u202f](?=([:;!?»]))")
_NB_AFTER = re.compile("(?<=«)[\u00a0\u202f]")
_NB_TIME = re.compile(r"(?<![\w:])(\d{1,2})[\u00a0\u202f]h[\u00a0\u202f](\d{2})(?!\w)")


def _typeset_spaces(text: str, forms: dict[str, str]) -> str:
    """``text`` with the no-break spaces French typography printed put back as the release held them.

    ``forms`` (place → what the release held, from the exporter's ``typography``
    record) is empty for a document communique did not write, or not in French:
    its text is kept as written.  A place the release never used is kept too.
    """
    if not forms or ("\u00a0" not in text and "\u202f" not in text):
        return text
    from .._layout import FORMS

    def before(m: re.Match[str]) -> str:
        form = forms.get(m.group(1))
        return FORMS[form] if form in FORMS else m.group()

    def after(m: re.Match[str]) -> str:
        form = forms.get("«")
        return FORMS[form] if form in FORMS else m.group()

    def time(m: re.Match[str]) -> str:
        first, second = forms.get("h1"), forms.get("h2")
        if first not in FORMS or second not in FORMS:
            return m.group()
        return f"{m.group(1)}{FORMS[first]}h{FORMS[second]}{m.group(2)}"

    return _NB_TIME.sub(time, _NB_AFTER.sub(after, _NB_BEFORE.sub(before, text)))


class _Para:
    __slots__ = ("style", "text")

    def __init__(self, style: str, text: str) -> None:
        self.style = style
        self.text = text


class _Table:
    __slots__ = ("rows",)

    def __init__(self, rows: list[list[list[str]]]) -> None:
        self.rows = rows
        """Rows of cells; a cell is the list of its paragraphs' texts."""


def _blocks(container: etree._Element) -> Iterator[_Para | _Table]:
    """Paragraphs (with their style id; names are resolved only when needed) and tables, in order."""
    for child in container:
        tag = child.tag
        if tag == _P:
            ppr = child.find(_PPR)
            pstyle = ppr.find(_PSTYLE) if ppr is not None else None
            yield _Para((pstyle.get(_VAL) if pstyle is not None else None) or "", _paragraph_text(child))
        elif tag == _TBL:
            yield _Table(
                [[[_paragraph_text(p) for p in tc.findall(_P)] for tc in tr.findall(_TC)] for tr in child.findall(_TR)]
            )
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif tag == _CUSTOM:
            yield from _blocks(child)


def _visible_texts(blocks: list[_Para | _Table]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, _Para):
            yield block.text
        else:
            for row in block.rows:
                for cell in row:
                    yield from cell


def _is_date_line(text: str) -> bool:
    from ..extract import parse_event_dates, parse_stamp

    try:
        return parse_event_dates(text) is not None or parse_stamp(text) is not None
    except ParseError:
        return True  # an impossible date is still a date line: the error is raised where it is read


def _merge_attendees(listed: list[Attendee], found: tuple[Attendee, ...], speakers: set[str]) -> list[Attendee]:
    """The table's people, completed by what the text says of them, then the speakers only the text names.

    The table is what the author listed, so its cells win; the text adds what a
    table has no column for (aliases such as "DCMC") and the people quoted but
    not listed, so that every quote keeps its speaker.
    """
    by_name = {a.name: a for a in found if a.name is not None}
    merged: list[Attendee] = []
    for person in listed:
        seen = by_name.pop(person.name, None) if person.name is not None else None
        if seen is None:
            merged.append(person)
            continue
        merged.append(
            attrs.evolve(
                person,
                rank=person.rank or seen.rank,
                role=person.role or seen.role,
                organization=person.organization or seen.organization,
                country=person.country or seen.country,
                aliases=person.aliases or seen.aliases,
            )
        )
    merged += [a for a in by_name.values() if a.name in speakers]
    return merged


class DocxParser(Parser):
    """Word documents: the embedded release when present and current, else the visible content."""

    name = "docx"
    label = "Word document (DOCX)"
    extensions = (".docx", ".docm", ".dotx")
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    options = (
        Option(
            "embedded",
            str,
            "auto",
            "auto: use the embedded release if valid and current, else the visible content (with a warning); "
            "require: fail instead of falling back; ignore: always read the visible content",
            choices=("auto", "require", "ignore"),
        ),
        max_size_option(64 * 2**20),
    )

    def sniff(self, head: bytes) -> bool:
        """A zip archive whose first entries include Word parts."""
        return head.startswith(b"PK\x03\x04") and b"word/" in head

    def parse(self, data: bytes, **options: Any) -> PressRelease:
        """Read a release from DOCX bytes (see the module documentation for the rules)."""
        from .._zipsafe import Package

        mode = options.get("embedded") or "auto"
        if isinstance(data, str):
            raise ParseError("a DOCX file is binary: pass bytes, not text", format="docx")
        pkg = Package(bytes(data), what="a DOCX file")
        main = pkg.main_part()
        document = pkg.xml(main)
        body = document.find(_w("body"))
        if body is None:
            raise ParseError("the document has no body", element=main.lstrip("/"), format="docx")
        blocks = list(_blocks(body))
        if mode != "ignore":
            release, problem = self._embedded(pkg, blocks)
            if release is not None:
                return release
            if mode == "require":
                raise ParseError(problem or "no embedded communique release in this document", format="docx")
            if problem:
                warnings.warn(CommuniqueWarning(f"docx: {problem}; reading the visible content instead"), stacklevel=3)
        return self._visible(pkg, main, blocks)

    # ------------------------------------------------------------------ embedded

    @staticmethod
    def _embedded(pkg: Package, blocks: list[_Para | _Table]) -> tuple[PressRelease | None, str | None]:
        from .._serialize import loads
        from ..exporters.docx import RELEASE_NS, visible_digest

        for partname in sorted(pkg.partnames()):
            if not _ITEM.fullmatch(partname):
                continue
            raw = pkg.read(partname)
            if RELEASE_NS.encode() not in raw[:500]:
                continue
            where = partname.lstrip("/")
            try:
                root = pkg.xml(partname)
            except ParseError as exc:
                return None, f"the embedded release ({where}) is corrupt: {exc}"
            if root.tag != f"{{{RELEASE_NS}}}release":
                continue
            try:
                release = loads(root.text or "", format="docx")
            except ParseError as exc:
                return None, f"the embedded release ({where}) cannot be used: {exc.summary()}"
            recorded = root.get("visible")
            if recorded is not None and recorded != visible_digest(_visible_texts(blocks)):
                return None, (
                    "the document was edited after communique wrote it "
                    "(its text no longer matches the embedded release)"
                )
            return release, None
        return None, None

    # ------------------------------------------------------------------ visible content

    @staticmethod
    def _typography(pkg: Package) -> dict[str, str]:
        """The exporter's record of what the release held where French spacing printed no-break spaces.

        Read from the embedded part's ``typography`` attribute even when the copy is
        stale (the record is about the release's habits, not its words); empty when
        there is none.
        """
        from ..exporters.docx import RELEASE_NS

        for partname in sorted(pkg.partnames()):
            if not _ITEM.fullmatch(partname) or RELEASE_NS.encode() not in pkg.read(partname)[:500]:
                continue
            try:
                root = pkg.xml(partname)
            except ParseError:
                return {}
            if root.tag == f"{{{RELEASE_NS}}}release":
                pairs = (item.partition("=") for item in (root.get("typography") or "").split())
                return {place: form for place, _, form in pairs if place and form}
        return {}

    @staticmethod
    def _styles(pkg: Package, main: str) -> tuple[dict[str, str], str]:
        """styleId -> lower-case style name, and the default paragraph style's name."""
        names: dict[str, str] = {}
        default = "normal"
        for rel in pkg.relationships(main):
            if rel.type == _RT_STYLES and not rel.external and pkg.has(rel.target):
                root = pkg.xml(rel.target)
                for style in root.iter(_w("style")):
                    sid = style.get(_w("styleId")) or ""
                    name_el = style.find(_w("name"))
                    name = ((name_el.get(_w("val")) if name_el is not None else None) or sid).lower()
                    names[sid] = name
                    if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                        default = name
                break
        return names, default

    @staticmethod
    def _core(pkg: Package) -> tuple[str | None, str | None, bool]:
        """dc:language and dc:creator of the core properties, and whether communique wrote the file."""
        language = creator = None
        ours = False
        for rel in pkg.relationships("/"):
            if rel.external or not pkg.has(rel.target):
                continue
            if rel.type == _CORE:
                root = pkg.xml(rel.target)
                lang_el = root.find(f"{{{_DC}}}language")
                creator_el = root.find(f"{{{_DC}}}creator")
                language = (lang_el.text or "").strip() or None if lang_el is not None else None
                creator = (creator_el.text or "").strip() or None if creator_el is not None else None
            elif rel.type == _APP:
                app = pkg.xml(rel.target)
                ours = any(
                    (el.text or "").strip() == "communique"
                    for el in app.iter()
                    if isinstance(el.tag, str) and el.tag.endswith("}Application")
                )
        return language, creator, ours

    def _visible(self, pkg: Package, main: str, blocks: list[_Para | _Table]) -> PressRelease:
        from ..extract import detect_language, release_from_parts, segment
        from ..locale import labels, languages
        from ..model import Header

        element = main.lstrip("/")
        styles, default = self._styles(pkg, main)
        for block in blocks:
            if isinstance(block, _Para):
                block.style = styles.get(block.style, default) if block.style else default
        paras = [b for b in blocks if isinstance(b, _Para)]
        titled = next(
            (i for i, b in enumerate(blocks) if isinstance(b, _Para) and b.style == "title" and b.text.strip()), None
        )
        if titled is None:
            titled = next((i for i, b in enumerate(blocks) if isinstance(b, _Para) and b.text.strip()), None)
        if titled is None:
            what = "no paragraphs" if not paras else "only empty paragraphs"
            raise ParseError(
                f"the document has no text ({what}): a press release needs at least a title",
                element=element,
                format="docx",
            )
        title_block = blocks[titled]
        assert isinstance(title_block, _Para)
        forms = self._typography(pkg)
        title = " ".join(_typeset_spaces(title_block.text, forms).split())

        all_labels = [labels(code) for code in languages()]
        headings = {words.attendees.casefold() for words in all_labels}
        column_of = {getattr(words, key).casefold(): key for words in all_labels for key in _COLUMNS}

        date_lines: list[str] = []
        subtitle: str | None = None
        reference: str | None = None
        # Lines above a styled title (a kicker, a letterhead line) may be dates or the Reference-styled
        # document number; anything else there is dropped.
        for block in blocks[:titled]:
            if isinstance(block, _Para):
                if block.style == "reference" and block.text.strip():
                    reference = reference or " ".join(block.text.split())
                    continue
                date_lines += [piece.strip() for piece in block.text.split("|") if piece.strip()]
        body: list[str] = []
        table: _Table | None = None
        columns: list[str | None] = []
        for block in blocks[titled + 1 :]:
            if isinstance(block, _Para):
                pieces = [piece.strip() for piece in block.text.split("|") if piece.strip()]
                if not body and block.style in ("subtitle", "reference") and block.text.strip():
                    # The Subtitle paragraph under the title, a Reference paragraph in the header.
                    text = " ".join(block.text.split())
                    if block.style == "subtitle" and subtitle is None:
                        subtitle = text
                        continue
                    if block.style == "reference" and reference is None:
                        reference = text
                        continue
                if block.style == "date" or (not body and len(pieces) > 1 and all(map(_is_date_line, pieces))):
                    # Our Date style, or someone's "14 Sep. 2019 | Last updated: …" line in any style.
                    date_lines += pieces
                elif block.text.strip():
                    body.append(_typeset_spaces(" ".join(block.text.split("\n")), forms))
                continue
            after_heading = bool(body) and body[-1].strip().casefold() in headings
            found = self._attendee_columns(block, column_of, after_heading=after_heading)
            if table is None and found is not None:
                table, columns = block, found
                if body and body[-1].strip().casefold() in headings:
                    body.pop()
            else:
                body += [" ".join(t.split("\n")) for row in block.rows for cell in row for t in cell if t.strip()]

        language, creator, ours = self._core(pkg)
        if language is not None:
            try:
                Header(title="x", language=language)
            except Exception:
                language = None
        try:
            # The header block after the title is read exactly as the text parser reads one.
            seg = segment("\n\n".join(["communique", *body]), titled=True)
            if language is None:
                language = detect_language(" ".join([*seg.paragraphs[:3], title]))
            release = release_from_parts(
                title=title,
                paragraphs=seg.paragraphs,
                date_lines=[*date_lines, *(h.text for h in seg.header)],
                language=language,
                source=seg.source or (creator if ours else None),
                url=seg.url,
                subtitle=subtitle,
                reference=reference,
            )
            if table is None:
                return release
            listed = self._attendees(table, columns, language)
            speakers = {q.speaker for q in release.quotes if q.speaker is not None}
            # The merged list has other indexes: quotes are linked again, by name, to its attendees.
            return attrs.evolve(
                release,
                attendees=_merge_attendees(listed, release.attendees, speakers),
                quotes=[attrs.evolve(q, attendee=None) for q in release.quotes],
            )
        except ParseError as exc:
            # Line numbers would point into text we assembled, not into the document.
            raise ParseError(exc.message, element=element, format="docx") from None

    @staticmethod
    def _attendee_columns(
        table: _Table, column_of: dict[str, str], *, after_heading: bool = False
    ) -> list[str | None] | None:
        """The attendee field of each column when the header row names them, else ``None``.

        Two known columns, one of them the name or the role; or, right under an
        attendees heading, columns that are all known (the exporters drop the
        columns no attendee fills, so a list of names is a one-column table).
        """
        if len(table.rows) < 1:
            return None
        header = [column_of.get(" ".join(cell).strip().casefold()) for cell in table.rows[0]]
        known = {c for c in header if c}
        if not {"name", "role"} & known:
            return None
        if len(known) >= 2 or (after_heading and all(header)):
            return header
        return None

    @staticmethod
    def _attendees(table: _Table, columns: list[str | None], language: str) -> list[Attendee]:
        from ..errors import ValidationError
        from ..model import Attendee

        people: list[Attendee] = []
        names: set[str] = set()
        for number, row in enumerate(table.rows[1:], start=1):
            values: dict[str, str | None] = {}
            for key, cell in zip(columns, row, strict=False):
                if key is not None:
                    text = " ".join(" ".join(cell).split())
                    values[key] = text or None
            if not any(values.values()):
                continue
            country_text = values.pop("country", None)
            countries: list[str | None] = [None]
            if country_text:
                role_only = not values.get("name") and not values.get("rank") and bool(values.get("role"))
                found = _countries(country_text, language, several=role_only)
                if found is None:
                    warnings.warn(
                        CommuniqueWarning(f"docx: attendees table row {number}: unknown country {country_text!r}"),
                        stacklevel=6,
                    )
                else:
                    countries = list(found)
            if values.get("name") in names:
                warnings.warn(
                    CommuniqueWarning(f"docx: attendees table row {number}: {values['name']!r} is listed twice"),
                    stacklevel=6,
                )
                continue
            try:
                # A collapsed row (role-only attendees of several countries) gives one attendee per country.
                row_people = [
                    Attendee(
                        name=values.get("name"),
                        rank=values.get("rank"),
                        role=values.get("role"),
                        organization=values.get("organization"),
                        country=country,
                    )
                    for country in countries
                ]
            except ValidationError as exc:
                warnings.warn(CommuniqueWarning(f"docx: attendees table row {number} skipped: {exc}"), stacklevel=6)
                continue
            if row_people[0].name:
                names.add(row_people[0].name)
            people += row_people
        return people


def _country_names(language: str) -> dict[str, str]:
    """Country name (case-folded) → ISO code, as the exporters print names in ``language`` (display names first)."""
    from ..locale import countries, primary

    cached = _COUNTRY_NAMES.get(language)
    if cached is not None:
        return cached
    code_ = primary(language)
    table: dict[str, str] = {}
    entries = countries()
    for rank in (0, 1):  # every display name before any other form
        for code, entry in entries.items():
            forms = entry.get(code_) or entry.get("en") or []
            for form in forms[:1] if rank == 0 else forms[1:]:
                table.setdefault(form.casefold(), code)
    _COUNTRY_NAMES[language] = table
    return table


_COUNTRY_NAMES: dict[str, dict[str, str]] = {}


def _country(text: str, language: str) -> str | None:
    from ..extract import country_code

    if _ISO.fullmatch(text):
        return text
    return _country_names(language).get(text.casefold()) or country_code(text, language)


def _countries(text: str, language: str, *, several: bool) -> tuple[str, ...] | None:
    """The ISO codes a country cell names: one country, or (``several``) a list ``"Albanie, Bulgarie, …"``.

    A name holding a comma ("Bonaire, Saint-Eustache et Saba") is tried whole
    before the cell is split; ``None`` when some part is not a country.
    """
    whole = _country(text, language)
    if whole is not None:
        return (whole,)
    if not several or "," not in text:
        return None
    pieces = [piece.strip() for piece in text.split(",")]
    codes: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(min(len(pieces), i + 3), i, -1):  # the longest run of pieces that is one name
            code = _country(", ".join(pieces[i:j]), language)
            if code is not None:
                codes.append(code)
                i = j
                break
        else:
            return None
    return tuple(codes)
