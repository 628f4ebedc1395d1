"""``communique show``, ``communique validate`` and ``communique formats``."""

from __future__ import annotations

import datetime as _dt
import os
import re
from typing import TYPE_CHECKING, Any

import click
import orjson

from .. import api, registry
from ..batch import ConversionResult
from ..batch import _core as _batch
from ..errors import CommuniqueError, ParseError
from ..model import PressRelease
from ._app import (
    EXIT_CODES_HELP,
    EXIT_FAILED,
    EXIT_OK,
    binary_stream,
    cli,
    common_options,
    complete_parsers,
    error,
    fail,
    settings,
)

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

_ABRIDGED = 160


def _read(path: str, parser: str | None) -> PressRelease:
    if path == "-":
        if parser is None:
            raise click.UsageError("reading standard input needs --from FORMAT (e.g. --from text)")
        try:
            return api.read(binary_stream("stdin"), parser)  # bounded: stops at the format's max_size
        except ParseError as exc:
            raise exc.with_source("<stdin>") from None
    problem = _batch.input_problem(path, path)
    if problem is not None:
        # A FIFO or a device would block or never end: only regular files are read.
        raise CommuniqueError(problem.replace("communique convert -", "communique show -"))
    return api.read(path, parser)


# ---------------------------------------------------------------- show


@cli.command(
    epilog="""\b
Examples:
  communique show examples/sample_fr.txt
  communique show release.docx --full
  communique show release.pdf --json > release.json
  cat release.txt | communique show - --from text"""
)
@click.argument("input", metavar="INPUT", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("-f", "--from", "from_", metavar="FORMAT", shell_complete=complete_parsers, help="Input format.")
@click.option("--json", "as_json", is_flag=True, help="Print the canonical JSON instead of the tree.")
@click.option("--full", is_flag=True, help="Print paragraphs in full instead of abridged.")
@common_options
def show(input: str, from_: str | None, as_json: bool, full: bool) -> int:
    """Show a release as a readable tree.

    Title, header, dates, paragraphs (abridged unless --full), quotes with
    their speakers and the attendees table; --json prints the release's
    canonical JSON (the same bytes as 'convert --to json').
    """
    display = "<stdin>" if input == "-" else input
    try:
        release = _read(input, from_)
        if as_json:
            data = api.render(release, "json")
    except CommuniqueError as exc:
        fail(exc, display)
        return EXIT_FAILED
    if as_json:
        out = binary_stream("stdout")
        out.write(data)
        out.flush()
        return EXIT_OK
    from rich.console import Console

    console = Console(highlight=False)
    with console.capture() as captured:
        console.print(release_tree(release, full=full, width=console.width))
    # rich pads lines to the width of what they belong to (a tree, a table's title): no trailing spaces.
    console.file.write("".join(_rstrip_line(line) for line in captured.get().splitlines(keepends=True)))
    console.file.flush()
    return EXIT_OK


# Trailing blanks, possibly mixed with the terminal's style codes (kept, so colours still end).
_TRAILING = re.compile(r"(?:[ \t]|\x1b\[[0-9;]*m)+$")


def _rstrip_line(line: str) -> str:
    body = line.rstrip("\r\n")
    end = line[len(body) :]
    match = _TRAILING.search(body)
    if match is None:
        return line
    codes = "".join(re.findall(r"\x1b\[[0-9;]*m", match.group()))
    return body[: match.start()] + codes + end


_ATTENDEE_COLUMNS = ("name", "rank", "role", "organization", "country", "aliases")


def _table_widths(rows: list[list[str]], available: int) -> list[int] | None:
    """Column widths (without padding) that fit ``available`` cells and never split a word, or ``None``.

    Each column is at least as wide as its longest word (header included) and at most as wide as its
    longest cell; the room left is given one cell at a time to the column that still wants most.
    """
    from rich.cells import cell_len

    table = [list(_ATTENDEE_COLUMNS), *rows]
    lows = [max(cell_len(word) for row in table for word in (row[i].split() or [""])) for i in range(len(table[0]))]
    highs = [max(cell_len(row[i]) for row in table) for i in range(len(table[0]))]
    widths = list(lows)
    room = available - sum(widths)
    if room < 0:
        return None
    while room > 0:
        want = [high - width for high, width in zip(highs, widths, strict=True)]
        most = max(range(len(want)), key=want.__getitem__)
        if want[most] <= 0:
            break
        widths[most] += 1
        room -= 1
    return widths


def release_tree(release: PressRelease, *, full: bool = False, width: int | None = None) -> RenderableType:
    """A rich renderable of ``release``: every value is shown as text, never as markup.

    The attendees are a table when its columns fit ``width`` cells without splitting a word (no
    limit when ``width`` is ``None``), else one entry per attendee in the tree.
    """
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    h = release.header
    tree = Tree(Text(h.title, style="bold"), guide_style="dim")
    header = tree.add(_label("header"))
    for name, value in (
        ("subtitle", h.subtitle),
        ("language", h.language),
        ("source", h.source),
        ("reference", h.reference),
        ("dateline", h.dateline),
        ("url", h.url),
    ):
        if value is not None:
            header.add(_field(name, value))
    if h.title_derived:
        header.add(_field("title_derived", "yes: the page has no headline; the title was made from the text"))
    d = release.dates
    dates = tree.add(_label("dates"))
    if d.start is not None:
        event = d.start.isoformat() + (f" → {d.end.isoformat()}" if d.end is not None and d.end != d.start else "")
        dates.add(_field("event", event))
    for name, stamp in (("published", d.published), ("updated", d.updated)):
        if stamp is not None:
            # A date-only stamp prints as its day alone: no time was given.
            shown = stamp.isoformat(sep=" ") if isinstance(stamp, _dt.datetime) else stamp.isoformat()
            dates.add(_field(name, shown))
    if d.start is None and d.published is None and d.updated is None:
        dates.add(Text("none", style="dim"))
    paragraphs = tree.add(_label(f"paragraphs ({len(release.paragraphs)})"))
    for i, p in enumerate(release.paragraphs):
        text = p.text if full else _abridge(p.text)
        paragraphs.add(Text.assemble((f"¶{i} ", "dim"), text))
    quotes = tree.add(_label(f"quotes ({len(release.quotes)})"))
    for q in release.quotes:
        speaker = q.speaker if q.speaker is not None else "(no speaker)"
        quotes.add(
            Text.assemble(
                ("« ", "dim"),
                (q.text if full else _abridge(q.text), "italic"),
                (" »", "dim"),
                " — ",
                (speaker, "bold" if q.speaker else "dim"),
                (f"  {'title' if q.in_title else f'¶{q.paragraph}'} {q.start}–{q.end}", "dim"),
                (f"  part of quotation {q.group}" if q.group is not None else "", "dim"),
            )
        )
    if release.mentions:
        mentions = tree.add(_label(f"mentioned, not taking part ({len(release.mentions)})"))
        for a in release.mentions:
            mentions.add(Text(", ".join(v for v in (a.name, a.rank, a.role, a.organization, a.country) if v)))
    if not release.attendees:
        tree.add(_label("attendees (0)"))
        return tree
    rows = [
        [
            *(v or "—" for v in (a.name, a.rank, a.role, a.organization, _country(a.country, h.language))),
            ", ".join(a.aliases) or "—",
        ]
        for a in release.attendees
    ]
    # The table below has no outer edge: one separator between columns, one space of padding each side
    # of a separator.
    n = len(_ATTENDEE_COLUMNS)
    widths = _table_widths(rows, 10**6 if width is None else width - (n - 1) - 2 * (n - 1))
    if widths is None:
        # Too narrow for a table that keeps its words whole: each attendee is an entry of the tree.
        listed = tree.add(_label(f"attendees ({len(release.attendees)})"))
        for row in rows:
            # Named by its name, else by its role (then not repeated below it).
            label = 0 if row[0] != "—" else 2
            entry = listed.add(Text(row[label], style="bold"))
            for i, (column, value) in enumerate(zip(_ATTENDEE_COLUMNS, row, strict=True)):
                if i not in (0, label) and value != "—":
                    entry.add(_field(column, value))
        return tree
    tree.add(_label(f"attendees ({len(release.attendees)}) — below"))
    table = Table(
        title="attendees",
        title_justify="left",
        title_style="cyan",
        header_style="bold",
        expand=False,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for column, column_width in zip(_ATTENDEE_COLUMNS, widths, strict=True):
        # Every word fits its column; fold is only the last resort rich would otherwise apply.
        table.add_column(column, overflow="fold", width=column_width)
    for row in rows:
        table.add_row(*(Text(v, style="dim" if v == "—" else "") for v in row))
    return Group(tree, Text(""), table)


def _label(text: str) -> Text:
    from rich.text import Text

    return Text(text, style="cyan")


def _field(name: str, value: str) -> Text:
    from rich.text import Text

    return Text.assemble((f"{name}: ", "dim"), value)


def _abridge(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _ABRIDGED else flat[: _ABRIDGED - 1].rstrip() + "…"


def _country(code: str | None, language: str) -> str | None:
    if code is None:
        return None
    try:
        from ..locale import country_name

        name = country_name(code, language)
    except Exception:
        return code
    return code if name == code else f"{code} {name}"


# ---------------------------------------------------------------- validate


@cli.command(
    epilog=EXIT_CODES_HELP.replace(
        "some inputs failed (or were skipped, e.g. an output already exists)", "invalid input"
    )
    + """

\b
Examples:
  communique validate release.json
  communique validate out/ releases/
  cat release.xml | communique validate - --from xml"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path(allow_dash=True))
@click.option("-f", "--from", "from_", metavar="FORMAT", shell_complete=complete_parsers, help="Input format.")
@common_options
def validate(inputs: tuple[str, ...], from_: str | None) -> int:
    """Check that releases parse and satisfy the model's rules.

    INPUT is a file, a directory (every file with a known extension, recursively)
    or '-'.  Each problem is reported with its file and location (line and
    column, element or field path); valid files are listed on standard output.
    """
    state = settings()
    if "-" in inputs and len(inputs) > 1:
        raise click.UsageError("'-' (standard input) cannot be combined with other inputs")
    parser = from_ if from_ is None or ":" in from_ else from_.lower()
    if parser is not None:
        try:
            registry.get_parser(parser)
        except CommuniqueError as exc:
            raise click.BadParameter(str(exc), param_hint="--from") from None
    sources: list[tuple[str, str, str | None]] = []
    problems: list[str] = []
    if inputs == ("-",):
        sources.append(("-", "<stdin>", parser))
    else:
        seen: set[str] = set()
        found = _batch.discover(inputs, out_dir=None, parser=parser, extensions=_batch.parser_extensions())
        for s in found:
            if isinstance(s, ConversionResult):
                problems.append(s.message or s.input)
                continue
            assert s.path is not None
            key = os.path.realpath(s.path)
            if key not in seen:
                seen.add(key)
                sources.append((s.path, s.display, s.parser))
        for message in problems:
            error(message)
    valid = invalid = 0
    for path, display, fmt in sources:
        try:
            _read(path, fmt)
        except ParseError as exc:
            invalid += 1
            for problem in exc.problems:
                fail(problem, display)
            continue
        except CommuniqueError as exc:
            invalid += 1
            fail(exc, display)
            continue
        valid += 1
        if not state.quiet:
            click.echo(f"{display}: ok")
    if not state.quiet:
        click.echo(f"communique: {valid} valid, {invalid} invalid", err=True)
    return EXIT_FAILED if invalid or problems or not sources else EXIT_OK


# ---------------------------------------------------------------- formats


@cli.command(
    epilog="""\b
Examples:
  communique formats
  communique formats --verbose     # with each format's options (for convert -O)
  communique formats --json"""
)
@click.option("-v", "--verbose", is_flag=True, help="Also list each format's options.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@common_options
def formats(verbose: bool, as_json: bool) -> int:
    """List every parser and exporter: extensions, package and status.

    Plugins are loaded to read their extensions, but their heavy libraries
    (lxml, python-docx, reportlab) are not: those load on first use.
    """
    infos = registry.formats()
    rows = [_describe_format(info) for info in infos]
    if as_json:
        out = binary_stream("stdout")
        out.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        out.flush()
        return EXIT_OK
    # Plain aligned columns, not rich: `formats` is what people run to check an
    # install, and importing and laying out rich tables doubled its start-up time.
    for kind, title in (("parser", "Parsers (read with --from)"), ("exporter", "Exporters (write with --to)")):
        listed = [row for row in rows if row["kind"] == kind]
        body = [
            [
                row["name"],
                row["label"],
                " ".join(row["extensions"]),
                row["package"],
                "broken (see below)" if row["status"].startswith("broken") else row["status"],
            ]
            for row in listed
        ]
        click.echo(_plain_table(title, ["name", "description", "extensions", "package", "status"], body))
        # Reasons are long (module paths, exception text): printed whole, below the table.
        for row in listed:
            if row["status"].startswith("broken"):
                click.secho(f"{row['name']} {kind}: {row['status']}", fg="red")
        click.echo()
    if verbose:
        body = []
        for row in rows:
            if row["status"] != "ok":
                continue
            label = f"{row['name']} ({row['kind']})"
            if not row["options"]:
                body.append([label, "none", "", "", "", ""])
            for opt in row["options"]:
                choices = ", ".join(map(str, opt["choices"] or ()))
                body.append([label, opt["name"], opt["type"], repr(opt["default"]), choices, opt["help"]])
        headers = ["format", "option", "type", "default", "choices", "description"]
        click.echo(_plain_table("Options (convert -O KEY=VALUE)", headers, body))
    return EXIT_OK


def _plain_table(title: str, headers: list[str], rows: list[list[str]]) -> str:
    """A titled table with columns padded to their widest cell."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([click.style(title, bold=True), line(headers), rule, *(line(r) for r in rows)])


def _describe_format(info: registry.FormatInfo) -> dict[str, Any]:
    if info.error is not None:
        status = f"broken: {' '.join(info.error.split())}"
    elif info.shadowed_by is not None:
        status = f"shadowed by {info.shadowed_by} (use {info.qualified_name})"
    else:
        status = "ok"
    options = [
        {
            "name": opt.name,
            "type": opt.type_name,
            "default": opt.default,
            "choices": list(opt.choices) if opt.choices is not None else None,
            "help": opt.help,
        }
        for opt in info.options
    ]
    return {
        "name": info.name,
        "kind": info.kind,
        "label": info.label,
        "extensions": list(info.extensions),
        "package": "built-in" if info.builtin else f"{info.distribution} (plugin)",
        "version": info.version,
        "media_type": info.media_type,
        "target": info.target,
        "status": status,
        "options": options,
    }
