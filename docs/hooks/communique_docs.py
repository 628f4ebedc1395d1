"""MkDocs hook: the parts of the documentation that are generated from the code.

A page asks for generated content with a directive on a line of its own::

    <!-- communique:sample-forms -->
    <!-- communique:format docx -->
    <!-- communique:roundtrip docx -->
    <!-- communique:cli -->
    <!-- communique:accuracy languages families -->

Each directive is replaced, at build time, by Markdown computed from the
installed communique: the sample release parsed by the real text parser and
rendered by the real exporters, option tables read from each plugin's declared
``options``, the CLI help printed by click itself, the accuracy tables scored
on the gold corpus by ``communique.bench.accuracy``.  Nothing here is pasted, so
the pages cannot drift from the code.

When a format is not registered (or its plugin is broken) the page still
builds and says so in an admonition; an *unexpected* failure (an exporter
crashing on the sample) is logged as a warning, which ``--strict`` turns into
a failed build — the docs are also a smoke test.

The hook also adds ``docs/plugins.md`` and ``docs/changelog.md`` (which live
beside ``mkdocs.yml`` rather than under ``pages/``) to the site.
"""

from __future__ import annotations

import ast
import functools
import html
import importlib
import itertools
import logging
import re
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.communique_docs")

DOCS = Path(__file__).resolve().parents[1]
REPO = DOCS.parent
EXAMPLES = REPO / "examples"
SAMPLES = {"sample_fr": EXAMPLES / "sample_fr.txt", "sample_en": EXAMPLES / "sample_en.txt"}
# Pages kept beside mkdocs.yml (owned elsewhere or conventional there), added to the site as-is.
EXTRA_PAGES = ("plugins.md", "changelog.md", "benchmarks.md")
BUILTIN_FORMATS = ("text", "json", "xml", "nitf", "newsml", "docx", "pdf", "html")

_DIRECTIVE = re.compile(r"^<!--\s*communique:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->\s*$", re.MULTILINE)

sys.path.insert(0, str(Path(__file__).parent))
from rest_docstrings import rest_to_markdown  # noqa: E402 - a sibling file, found through the line above

try:
    import communique
except ImportError:  # pragma: no cover - building from a checkout without installing it
    sys.path.insert(0, str(REPO / "src"))
    import communique


# --------------------------------------------------------------------------- mkdocs events


def on_config(config: Any) -> Any:
    """Start every build (``mkdocs serve`` rebuilds too) from fresh caches."""
    _sample.cache_clear()
    _accuracy_report.cache_clear()
    for extra in EXTRA_PAGES:
        if (DOCS / extra).exists() and str(DOCS / extra) not in config.watch:
            config.watch.append(str(DOCS / extra))
    return config


def on_files(files: Any, config: Any) -> Any:
    """Add the pages that live beside mkdocs.yml; a missing one is generated from the code."""
    from mkdocs.structure.files import File

    for extra in EXTRA_PAGES:
        if files.get_file_from_path(extra) is not None:
            continue
        path = DOCS / extra
        if path.exists():
            files.append(File.generated(config, extra, abs_src_path=str(path)))
        else:
            files.append(File.generated(config, extra, content=_fallback_page(extra)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace every ``<!-- communique:... -->`` directive by its generated Markdown."""

    def expand(match: re.Match[str]) -> str:
        name, args = match.group("name"), match.group("args").split()
        handler = DIRECTIVES.get(name)
        if handler is None:
            log.warning(
                "%s: unknown directive communique:%s (known: %s)", page.file.src_uri, name, ", ".join(DIRECTIVES)
            )
            return ""
        try:
            return handler(*args)
        except _Unavailable as exc:
            return _admonition("info", "Not available in this build", str(exc))
        except Exception as exc:
            log.warning(
                "%s: communique:%s %s failed: %s: %s", page.file.src_uri, name, " ".join(args), type(exc).__name__, exc
            )
            return _admonition("failure", "Generation failed", f"{type(exc).__name__}: {exc}")

    return _DIRECTIVE.sub(expand, markdown)


# --------------------------------------------------------------------------- helpers


class _Unavailable(Exception):
    """A format or module the page documents is not installed in this build."""


def _admonition(kind: str, title: str, body: str) -> str:
    return f'!!! {kind} "{title}"\n\n' + textwrap.indent(body.strip(), "    ") + "\n"


def _fence(text: str, lang: str = "") -> str:
    # A fence longer than any backtick run inside the text, so content can never close it.
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{lang}\n{text.rstrip()}\n{ticks}\n"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return html.escape(text, quote=False).replace("|", "&#124;").replace("\n", " ")


def _code(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else value
    # Inline code in a table cell: the tables extension does not split cells inside code spans.
    ticks = "``" if "`" in text else "`"
    return f"{ticks}{text}{ticks}"


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(headers)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _plugin(kind: str, name: str) -> Any:
    """The registered plugin, or ``_Unavailable`` saying why it is not there."""
    from communique.errors import FormatError, PluginError

    get = communique.get_parser if kind == "parser" else communique.get_exporter
    try:
        return get(name)
    except FormatError:
        raise _Unavailable(f"No {kind} is registered under the name `{name}` in this installation.") from None
    except PluginError as exc:
        raise _Unavailable(f"The `{name}` {kind} is registered but cannot be loaded: {exc}") from None


def _maybe_plugin(kind: str, name: str) -> Any | None:
    try:
        return _plugin(kind, name)
    except _Unavailable:
        return None


@functools.cache
def _sample(key: str = "sample_fr") -> Any:
    path = SAMPLES[key]
    if not path.exists():
        raise _Unavailable(f"`examples/{path.name}` is not in this checkout.")
    _plugin("parser", "text")
    return communique.read(path)


# --------------------------------------------------------------------------- directives


def sample_forms(*formats: str) -> str:
    """The sample release in several formats, side by side (default: JSON and XML)."""
    release = _sample()
    formats = formats or ("json", "xml")
    columns: list[str] = []
    for fmt in formats:
        exporter = _maybe_plugin("exporter", fmt)
        if exporter is None:
            body = _admonition("info", f"No {fmt} exporter", f"The `{fmt}` exporter is not available in this build.")
        else:
            data = communique.render(release, fmt).decode("utf-8")
            body = _fence(data, "xml" if fmt in ("xml", "nitf", "newsml") else fmt)
        columns.append(f'<div class="communique-column" markdown>\n\n**{fmt}**\n\n{body}\n</div>')
    return '<div class="communique-side-by-side" markdown>\n\n' + "\n\n".join(columns) + "\n\n</div>\n"


def sample_render(name: str, sample: str = "sample_en", lines: str = "60") -> str:
    """The start of a sample rendered by exporter ``name`` (text formats only), cut after ``lines`` lines."""
    exporter = _plugin("exporter", name)
    data = communique.render(_sample(sample), exporter.name).decode("utf-8")
    shown = data.splitlines()
    limit = int(lines)
    cut = f"\n… ({len(shown) - limit} more lines)" if len(shown) > limit else ""
    lang = (
        "html" if data.lstrip().lower().startswith("<!doctype html") else "xml" if data.lstrip().startswith("<") else ""
    )
    return f"`examples/{sample}.txt` rendered by `{exporter.name}`:\n\n" + _fence("\n".join(shown[:limit]) + cut, lang)


def sample_outputs(stem: str = "sample_fr") -> str:
    """The files `--to all` writes: one per registered exporter, under its preferred extension."""
    names = [
        f"{stem}{info.extensions[0] if info.extensions else '.' + info.name}"
        for info in communique.formats("exporter")
        if info.shadowed_by is None and info.error is None
    ]
    return _fence("$ ls out/\n" + "  ".join(sorted(names)), "console")


def sample_session() -> str:
    """A Python session on the sample, with the values the code really returns."""
    release = _sample()
    lines = [
        ">>> import communique",
        '>>> release = communique.read("examples/sample_fr.txt")',
    ]
    # The first quote is often not speech (a conference theme), so also show the first one that has a speaker.
    spoken = next((i for i, q in enumerate(release.quotes) if q.speaker), None)
    exprs = [
        "release.header.title",
        "release.header.dateline",
        "release.dates",
        "len(release.paragraphs), len(release.quotes), len(release.attendees)",
    ]
    if release.quotes:
        exprs += ["release.quotes[0].text", "print(release.quotes[0].speaker)"]
    if spoken is not None:
        exprs += [f"release.quotes[{spoken}]", f"release.attendee(release.quotes[{spoken}].speaker)"]
    exprs.append("[a.country for a in release.attendees if a.name is None]")
    scope = {"release": release, "communique": communique}
    for expr in exprs:
        lines.append(f">>> {expr}")
        if expr.startswith("print("):
            lines.append(str(eval(expr[6:-1], scope)))
        else:
            lines.append(_pretty(eval(expr, scope)))
    return _fence("\n".join(lines), "pycon")


def _pretty(value: object) -> str:
    import pprint

    return pprint.pformat(value, width=100, sort_dicts=False)


def sample_links() -> str:
    """How each quote of the sample points into a paragraph and each speaker to an attendee."""
    release = _sample()
    if not release.quotes:
        return "*The text parser found no quotes in the sample.*\n"
    rows = []
    for i, q in enumerate(release.quotes):
        words = q.text if len(q.text) <= 48 else q.text[:45] + "…"
        target = f"`attendees[{q.attendee}]`" if q.attendee is not None else "—"
        where = "header.title" if q.in_title else f"paragraphs[{q.paragraph}].text"
        rows.append(
            [
                f"`quotes[{i}]`",
                f"`{where}[{q.start}:{q.end}]`",
                _cell(words),
                _cell(q.speaker or "None"),
                target,
            ]
        )
    return _table(["quote", "points into", "text", "speaker", "attendee"], rows)


def sample_findings(sample: str = "sample_en") -> str:
    """What the text parser found in a sample: header facts, quotes with speakers, attendees."""
    release = _sample(sample)
    d = release.dates
    facts = [
        ["language", _code(release.header.language)],
        ["dateline", _code(str(release.header.dateline))],
        ["event", _code(f"{d.start} – {d.end}" if d.end else str(d.start))],
        ["published", _code(str(d.published))],
        ["updated", _code(str(d.updated))],
        ["paragraphs", str(len(release.paragraphs))],
    ]
    quotes = [
        [
            f"¶{q.paragraph} {q.start}–{q.end}",
            _cell(q.text if len(q.text) <= 70 else q.text[:67] + "…"),
            _cell(q.speaker) if q.speaker else "*not speech / unknown*",
        ]
        for q in release.quotes
    ]
    people = [
        [
            _cell(a.name) or "*by role*",
            _cell(a.rank),
            _cell(a.role),
            _cell(a.organization),
            _cell(a.country),
            _cell(", ".join(a.aliases)),
        ]
        for a in release.attendees
    ]
    return (
        f"Found in `examples/{sample}.txt` when this page was built:\n\n"
        + _table(["", "value"], facts)
        + "\n**Quotes**\n\n"
        + _table(["where", "words", "speaker"], quotes)
        + "\n**Attendees**\n\n"
        + _table(["name", "rank", "role", "organisation", "country", "aliases"], people)
    )


def model_fields(class_name: str) -> str:
    """Every field of a model class: type, default and the attribute docstring from model.py."""
    import attrs

    from communique import model

    cls = getattr(model, class_name)
    docs = _attribute_docs(Path(model.__file__), class_name)
    rows = []
    for f in attrs.fields(cls):
        if f.default is attrs.NOTHING:
            default = "required"
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            default = _code(f"{f.default.factory.__name__}()")
        else:
            default = _code(f.default)
        kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        rows.append(
            [f"`{f.name}`", _code(str(kind).replace("_dt.", "datetime.")), default, _cell(docs.get(f.name, ""))]
        )
    return _table(["field", "type", "default", "meaning"], rows)


def _attribute_docs(path: Path, class_name: str) -> dict[str, str]:
    """Attribute docstrings (a string statement right after an annotated field), as griffe reads them."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            body = node.body
            for stmt, nxt in itertools.pairwise(body):
                if (
                    isinstance(stmt, ast.AnnAssign)
                    and isinstance(stmt.target, ast.Name)
                    and isinstance(nxt, ast.Expr)
                    and isinstance(nxt.value, ast.Constant)
                    and isinstance(nxt.value.value, str)
                ):
                    out[stmt.target.id] = " ".join(nxt.value.value.split()).replace("``", "`")
                    out[stmt.target.id] = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", out[stmt.target.id])
    return out


def formats_table() -> str:
    """Every registered format: which direction, extensions, who provides it."""
    infos = communique.formats()
    names = sorted(
        {i.name for i in infos},
        key=lambda n: (n not in BUILTIN_FORMATS, BUILTIN_FORMATS.index(n) if n in BUILTIN_FORMATS else 0, n),
    )
    rows = []
    for name in names:
        mine = [i for i in infos if i.name == name and i.shadowed_by is None]
        read = any(i.kind == "parser" and not i.error for i in mine)
        write = any(i.kind == "exporter" and not i.error for i in mine)
        exts = sorted({e for i in mine for e in i.extensions})
        label = next((i.label for i in mine if i.label), "")
        dist = ", ".join(sorted({i.distribution for i in mine}))
        broken = "; ".join(i.error for i in mine if i.error)
        page = f"[`{name}`]({name}.md)" if name in BUILTIN_FORMATS else f"`{name}`"
        rows.append(
            [
                page,
                _cell(label),
                "yes" if read else "—",
                "yes" if write else "—",
                " ".join(f"`{e}`" for e in exts),
                _cell(dist + (f" (broken: {broken})" if broken else "")),
            ]
        )
    missing = [n for n in BUILTIN_FORMATS if n not in names]
    text = _table(["format", "label", "read", "write", "extensions", "provided by"], rows)
    if missing:
        text += "\n" + _admonition(
            "info",
            "Not registered in this build",
            "Built-in formats not registered yet: " + ", ".join(f"`{n}`" for n in missing) + ".",
        )
    return text


def format_facts(name: str) -> str:
    """Registration facts and the declared options of the parser and exporter called ``name``."""
    parts: list[str] = []
    plugins = {kind: _maybe_plugin(kind, name) for kind in ("parser", "exporter")}
    if not any(plugins.values()):
        raise _Unavailable(f"Neither a parser nor an exporter is registered as `{name}` in this installation.")
    rows = []
    for kind, plugin in plugins.items():
        if plugin is None:
            rows.append([kind, "not registered", "", "", ""])
            continue
        cls = type(plugin)
        rows.append(
            [
                kind,
                f"`{cls.__module__}.{cls.__qualname__}`",
                _cell(plugin.label),
                " ".join(f"`{e}`" for e in plugin.extensions),
                f"`{plugin.media_type}`",
            ]
        )
    parts.append(_table(["", "class", "label", "extensions", "media type"], rows))
    for kind, plugin in plugins.items():
        if plugin is None:
            continue
        usage = (
            f"communique.read(path, {name!r}, NAME=VALUE)"
            if kind == "parser"
            else f"communique.render(release, {name!r}, NAME=VALUE)"
        )
        parts.append(
            f"**{kind.capitalize()} options** (`{usage}`"
            + (", or `--option NAME=VALUE` on the command line" if kind == "exporter" else "")
            + "):\n"
        )
        if not plugin.options:
            parts.append("*None.*\n")
            continue
        rows = []
        for o in plugin.options:
            choices = ", ".join(_code(c) for c in o.choices) if o.choices else ""
            rows.append([f"`{o.name}`", f"`{o.type.__name__}`", _code(o.default), choices, _cell(o.help)])
        parts.append(_table(["option", "type", "default", "choices", "meaning"], rows))
    return "\n".join(parts)


# What a round trip is checked on: (label, getter) over a release.
_ASPECTS: tuple[tuple[str, Callable[[Any], object]], ...] = (
    ("title", lambda r: r.header.title),
    ("language", lambda r: r.header.language),
    ("source (publisher)", lambda r: r.header.source),
    ("url", lambda r: r.header.url),
    ("dateline", lambda r: r.header.dateline),
    ("event dates (start, end)", lambda r: (r.dates.start, r.dates.end)),
    ("published / updated", lambda r: (r.dates.published, r.dates.updated)),
    ("paragraph text", lambda r: tuple(p.text for p in r.paragraphs)),
    ("quote positions and words", lambda r: tuple((q.paragraph, q.start, q.end, q.text) for q in r.quotes)),
    ("quotes in the title", lambda r: tuple(q.in_title for q in r.quotes)),
    ("quotations over paragraphs (group)", lambda r: tuple(q.group for q in r.quotes)),
    ("quote speakers", lambda r: tuple(q.speaker for q in r.quotes)),
    ("quote attendees (which attendee spoke)", lambda r: tuple(q.attendee for q in r.quotes)),
    ("attendee names", lambda r: tuple(a.name for a in r.attendees)),
    (
        "attendee rank, role, organisation, country",
        lambda r: tuple((a.rank, a.role, a.organization, a.country) for a in r.attendees),
    ),
    ("attendee aliases", lambda r: tuple(a.aliases for a in r.attendees)),
    ("people only mentioned", lambda r: r.mentions),
)
# The testing kit's sample with every cross-reference of the model (a quote in the title, a
# quotation over two paragraphs said by an attendee known by role, a person only mentioned).
_KIT_SAMPLE = "unicode"


def roundtrip(name: str, *options: str) -> str:
    """Render each sample with exporter ``name``, parse it back with parser ``name``, compare field by field.

    ``options`` (``key=value``) go to the parser, e.g. a DOCX or PDF parser told
    to ignore its embedded copy and read only the visible content.
    """
    exporter, parser = _plugin("exporter", name), _maybe_plugin("parser", name)
    if parser is None:
        raise _Unavailable(f"`{name}` can be written but not read back in this build, so there is no round trip.")
    parse_options = dict(o.split("=", 1) for o in options)
    samples = [k for k, p in SAMPLES.items() if p.exists()]
    originals = {key: _sample(key) for key in samples}
    try:
        from communique.testing import sample

        originals[_KIT_SAMPLE] = sample(_KIT_SAMPLE)
        samples.append(_KIT_SAMPLE)
    except ImportError:  # pragma: no cover - a build without the testing kit
        pass
    columns: dict[str, dict[str, bool]] = {}
    for key in samples:
        original = originals[key]
        data = communique.render(original, exporter.name)
        back = communique.parse(data, parser.name, **parse_options)
        columns[key] = {label: get(original) == get(back) for label, get in _ASPECTS}
        columns[key]["whole release equal"] = original == back
    rows = []
    for label in [*(a for a, _ in _ASPECTS), "whole release equal"]:
        rows.append([label, *("✓ kept" if columns[k][label] else "✗ changed" for k in samples)])
    how = f"`communique.parse(communique.render(release, {name!r}), {name!r}"
    how += "".join(f", {k}={v}" for k, v in parse_options.items()) + ")`"
    heads = [f"`{k}.txt`" if k in SAMPLES else f"`testing.sample({k!r})`" for k in samples]
    return (
        "Computed when this page was built: each sample is parsed by the text parser "
        f"(`{_KIT_SAMPLE}` is the testing kit's sample built in code, with a quote in the title, a "
        "quotation over two paragraphs said by an attendee known by role, and a person only mentioned), "
        f"then rendered and parsed back with {how}, and compared with the original.\n\n"
        + _table(["part of the release", *heads], rows)
    )


def cli_reference() -> str:
    """``--help`` of the ``communique`` command and of every subcommand, as click prints it."""
    try:
        cli = importlib.import_module("communique.cli")
    except ImportError as exc:
        raise _Unavailable(f"The command line (`communique.cli`) is not in this build: {exc}") from None
    import click

    # The console script may be a plain function wrapping the click group (for exit codes); document the group.
    root = next((c for c in (getattr(cli, n, None) for n in ("cli", "main")) if isinstance(c, click.Command)), None)
    if root is None:
        raise _Unavailable("`communique.cli` defines no click command yet.")
    parts: list[str] = []

    def walk(command: click.Command, path: list[str], parent: click.Context | None) -> None:
        # make_context applies the command's own context_settings (e.g. "-h" as a help flag).
        ctx = command.make_context(
            path[-1], [], parent=parent, resilient_parsing=True, terminal_width=100, max_content_width=100
        )
        heading = "#" * min(2 + len(path) - 1, 4)
        parts.append(f"{heading} `{' '.join(path)}`\n\n" + _fence(command.get_help(ctx), "text"))
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                child = command.get_command(ctx, sub)
                if child is not None and not child.hidden:
                    walk(child, [*path, sub], ctx)

    walk(root, ["communique"], None)
    return "\n".join(parts)


def module_doc(module: str) -> str:
    """The docstring of a module, for pages that summarise it before the API reference."""
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise _Unavailable(f"`{module}` is not in this build: {exc}") from None
    doc = (mod.__doc__ or "").strip()
    if not doc:
        raise _Unavailable(f"`{module}` has no docstring yet.")
    return rest_to_markdown(doc) + "\n"


ACCURACY_SECTIONS = ("summary", "languages", "families", "formats", "releases", "failures", "floors")
ACCURACY_FLOORS = REPO / "tests" / "bench" / "accuracy_floors.toml"


@functools.cache
def _accuracy_report() -> Any:
    """The text parser scored on the gold corpus of this checkout (once per build)."""
    try:
        from communique.bench import accuracy, gold
    except ImportError as exc:
        raise _Unavailable(f"The accuracy scorer (`communique.bench.accuracy`) is not in this build: {exc}") from None
    folders = accuracy.default_corpus(REPO)
    if not folders:
        looked = " and ".join(f"`{d}`" for d in accuracy.DEFAULT_CORPUS)
        raise _Unavailable(f"No gold corpus was found in this checkout ({looked}), so there are no figures to show.")
    try:
        return accuracy.score_corpus(folders)
    except accuracy.NoCorpusError as exc:
        raise _Unavailable(f"No figures: {exc}.") from None
    except gold.GoldFileError as exc:
        raise _Unavailable(f"No figures: a gold file is not in the gold format: {exc}") from None


def _in_repo(path: str) -> str:
    p = Path(path)
    try:
        return (p if p.is_absolute() else Path.cwd() / p).resolve().relative_to(REPO).as_posix()
    except ValueError:
        return path


def accuracy_tables(*sections: str) -> str:
    """Accuracy of the text and HTML parsers on the gold corpus: any of ``ACCURACY_SECTIONS`` (default: all)."""
    unknown = [s for s in sections if s not in ACCURACY_SECTIONS]
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(unknown)} (known: {', '.join(ACCURACY_SECTIONS)})")
    from communique.bench import accuracy

    report = _accuracy_report()
    parts: list[str] = []
    for section in sections or ACCURACY_SECTIONS:
        if section == "summary":
            families, languages = report.names("family"), report.names("language")
            parts.append(
                f"Scored when this page was built: **{len(report.files)} releases** from "
                + ", ".join(f"`{_in_repo(c)}`" for c in report.corpus)
                + f", {len(families)} publisher families ({', '.join(families)}) "
                f"in {len(languages)} languages ({', '.join(languages)}).\n"
            )
        elif section in ("languages", "families", "formats"):
            kind = {"languages": "language", "families": "family", "formats": "format"}[section]
            headers, rows = accuracy.table_rows(report, kind)
            parts.append(_table(headers, ([f"`{r[0]}`", *r[1:]] for r in rows)))
        elif section == "releases":
            parts.append(_table(*accuracy.releases_rows(report)))
        elif section == "failures":
            failed = report.failures()
            if not failed:
                parts.append("*Every release of the corpus parses.*\n")
            else:
                rows = [[f"`{_in_repo(f.path)}`", f.outcome, _cell(f.error)] for f in failed]
                parts.append(_table(["release", "outcome", "error"], rows))
        elif section == "floors":
            parts.append(_floors_table(report))
    return "\n".join(parts)


def _floors_table(report: Any) -> str:
    """The committed floors beside today's figures: a row per field, a column per group."""
    from communique.bench import accuracy

    if not ACCURACY_FLOORS.is_file():
        raise _Unavailable(f"`{ACCURACY_FLOORS.relative_to(REPO).as_posix()}` is not in this checkout.")
    floors = accuracy.load_floors(ACCURACY_FLOORS)
    groups = report.groups()
    names = [n for n in accuracy.FIELDS if any(n in fields for fields in floors.values())]
    rows = []
    for name in names:
        row = [f"`{name}`"]
        for group, fields in floors.items():
            if name not in fields:
                row.append("")
                continue
            cell = groups.get(group, {}).get(name, accuracy.Cell())
            now = "nothing checked" if cell.percent is None else f"{cell.percent:.1f}%"
            held = cell.percent is not None and cell.percent >= fields[name]
            row.append(f"{fields[name]:g}% ({now})" + ("" if held else " ✗ below"))
        rows.append(row)
    return "Each cell: the floor, and the figure now.\n\n" + _table(
        ["field", *(g.replace(":", " ") for g in floors)], rows
    )


def _fallback_page(name: str) -> str:
    if name == "plugins.md":
        body = module_doc("communique.plugins")
        return "# Plugins\n\n" + body + "\n\n" + module_doc("communique.registry")
    log.warning("docs/%s is missing", name)
    return f"# {name[:-3].capitalize()}\n"


DIRECTIVES: dict[str, Callable[..., str]] = {
    "sample-forms": sample_forms,
    "sample-session": sample_session,
    "sample-render": sample_render,
    "sample-outputs": sample_outputs,
    "sample-links": sample_links,
    "sample-findings": sample_findings,
    "model-fields": model_fields,
    "formats-table": formats_table,
    "format": format_facts,
    "roundtrip": roundtrip,
    "cli": cli_reference,
    "module-doc": module_doc,
    "accuracy": accuracy_tables,
}
