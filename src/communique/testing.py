"""Ready-made samples and checks for people who write parsers and exporters.

A plugin's test module can be three lines::

    from communique.testing import check_exporter
    from communique_markdown import MarkdownExporter

    def test_markdown_exporter_satisfies_the_contract():
        check_exporter(MarkdownExporter)

The checks raise :class:`AssertionError` listing *every* problem found (so
they read well under pytest, unittest or a plain script) and never need
pytest themselves.  Each has a ``*_problems`` twin returning the list instead.

Samples (all valid :class:`~communique.model.PressRelease` objects, built once
per process):

* ``founding`` — the French NATO release communique was built around, read by
  the built-in text parser from a copy shipped inside the package;
* ``english`` — an English release in the same style, read the same way;
* ``minimal`` — a title and a language, nothing else;
* ``unicode`` — Cyrillic, Greek, Latin with ć š œ, « » „ “ ’ –, non-breaking
  spaces, a combining accent, and text that looks like markup; and every
  cross-reference of the model: a quote in the title, a quotation over two
  paragraphs said by an attendee known only by role, a speaker who is not an
  attendee, and a person only mentioned;
* ``large`` — 400 paragraphs, 80 quotes and 24 attendees.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import itertools
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs

from .errors import CommuniqueError, PluginError
from .model import Attendee, Dates, Header, Paragraph, PressRelease, Quote
from .plugins import Exporter, Parser, convert_options, plugin_problems

__all__ = [
    "SAMPLE_NAMES",
    "check_exporter",
    "check_parser",
    "check_round_trip",
    "english_sample",
    "exporter_problems",
    "founding_sample",
    "large_sample",
    "minimal_sample",
    "parser_problems",
    "round_trip_problems",
    "sample",
    "sample_text",
    "samples",
    "unicode_sample",
]

SAMPLE_NAMES: tuple[str, ...] = ("founding", "english", "minimal", "unicode", "large")
"""Names accepted by :func:`sample`, in a stable order (handy for ``pytest.mark.parametrize``)."""

_TEXT_MEDIA = ("text/", "application/json", "application/xml", "+json", "+xml")


# --------------------------------------------------------------------------- samples


def sample_text(language: Literal["fr", "en"] = "fr") -> str:
    """The plain text of the founding (``"fr"``) or English (``"en"``) sample, as a parser would receive it."""
    if language not in ("fr", "en"):
        raise ValueError(f"the shipped sample texts are 'fr' and 'en', not {language!r}")
    name = f"sample_{language}.txt"
    # Installed from a wheel, the samples are package data; from a checkout (the editable install)
    # they are read where the repository keeps its one copy of each, examples/.
    shipped = resources.files("communique.data").joinpath("samples", name)
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[2] / "examples" / name).read_text(encoding="utf-8")


def _read_sample(language: Literal["fr", "en"]) -> PressRelease:
    from .api import parse

    try:
        return parse(sample_text(language), "text")
    except CommuniqueError as exc:
        # The samples rely on the built-in text parser; say so rather than fail obscurely.
        raise PluginError(f"the {language} sample needs communique's text parser, which failed: {exc}") from exc


@functools.cache
def founding_sample() -> PressRelease:
    """The French NATO release (``examples/sample_fr.txt``), read by the built-in text parser."""
    return _read_sample("fr")


@functools.cache
def english_sample() -> PressRelease:
    """An English release in the NATO style, read by the built-in text parser."""
    return _read_sample("en")


@functools.cache
def minimal_sample() -> PressRelease:
    """The least a release can be: a title and a language; no dates, paragraphs, quotes or attendees."""
    return PressRelease(header=Header(title="Communiqué", language="fr"))


def _quote(
    paragraphs: list[str], index: int, words: str, speaker: str | None, occurrence: int = 0, **links: Any
) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = paragraphs[index].index(words, start + 1)
    return Quote(text=words, speaker=speaker, paragraph=index, start=start, end=start + len(words), **links)


@functools.cache
def unicode_sample() -> PressRelease:
    """Scripts and punctuation that break naive exporters, text that looks like markup, a subtitle and a
    reference, a date-only update stamp (a ``datetime.date``) beside a time-zoned publication, and
    the model's cross-references: a quote in the title (``in_title``), a quotation over two
    paragraphs (``group``) said by an attendee known only by role (``attendee``), a speaker who is
    not an attendee, and a person only mentioned (``mentions``)."""
    title = "Безбедност и сарадња – Ασφάλεια και συνεργασία – « l’œuvre commune » de Ćosić & Šuštar"
    paragraphs = [
        "Генерал Љубиша Диковић је рекао: „Безбедност региона је наша заједничка брига.“ Сарадња – кључна реч; "
        "ђ, ћ, џ, љ, њ.",
        "Ο στρατηγός Νίκος Παπαδόπουλος δήλωσε: «Η συνεργασία είναι η μόνη μας επιλογή». Αθήνα – Θεσσαλονίκη, "
        "ΑΒΓΔ αβγδ ως.",
        "Le chœur de l’œuvre commune s’est réuni\u00a0; Dragan Ćosić et Ana Šuštar l’ont dit\u202f: "
        "«\u00a0Ça suffit, l’Europe a besoin de paix\u00a0». Façade, naïve, Ærø, Øresund, İstanbul, Straße, "
        "cafe\u0301, 1\u00a0000\u00a0€, 5\u202f%, ‰ – — … ‘ ’ “ ” ‹ › „.",
        "Characters that look like markup stay text: <b>bold?</b> &amp; *stars* _underscores_ [link](x) "
        "`tick` {braces} | pipe \\ backslash %percent $dollar #hash ]]> <!-- comment --> & < >.",
        "# Not a heading. 1. Not a list; > not a quote; - not a bullet.",
        "Представник ЕУ је, цитирајући Иву Андрића, рекао: „Мир није поклон,",
        "„он је рад сваког дана.“ Портпарол је додао: „Врата су отворена.“",
        "",
    ]
    attendees = (
        Attendee(
            name="Љубиша Диковић",
            rank="генерал",
            role="начелник Генералштаба",
            organization="Војска Србије",
            country="RS",
            aliases=("Диковић",),
        ),
        Attendee(name="Νίκος Παπαδόπουλος", rank="στρατηγός", role="Αρχηγός ΓΕΕΘΑ", country="GR"),
        Attendee(name="Dragan Ćosić", rank="general-pukovnik", country="HR"),
        Attendee(name="Ana Šuštar", role="načelnica štaba", organization="Slovenska vojska", country="SI"),
        Attendee(role="représentant de l’Union européenne – « CMUE »", organization="UE"),
    )
    quotes = (
        _quote(paragraphs, 0, "Безбедност региона је наша заједничка брига.", "Љубиша Диковић"),
        _quote(paragraphs, 1, "Η συνεργασία είναι η μόνη μας επιλογή", "Νίκος Παπαδόπουλος"),
        _quote(paragraphs, 2, "Ça suffit, l’Europe a besoin de paix", "Ana Šuštar"),
        _quote(paragraphs, 3, "<b>bold?</b> &amp; *stars*", None),
        # One quotation over two paragraphs, said by the attendee known only by role.
        _quote(paragraphs, 5, "Мир није поклон,", attendees[4].role, attendee=4, group=0),
        _quote(paragraphs, 6, "он је рад сваког дана.", attendees[4].role, attendee=4, group=0),
        _quote(paragraphs, 6, "Врата су отворена.", "портпарол"),  # a speaker who is not an attendee
        Quote(
            text="l’œuvre commune",
            speaker="Dragan Ćosić",
            start=title.index("l’œuvre"),
            end=title.index(" » de"),
            in_title=True,
        ),
    )
    offset = _dt.timezone(_dt.timedelta(hours=1))
    return PressRelease(
        header=Header(
            title=title,
            subtitle="Заједничка изјава – <i>not markup</i> & « Ćosić »",
            language="sr-Cyrl",
            source="НАТО / OTAN",
            url="https://example.org/vesti/безбедност?a=1&b=2",
            dateline="Београд",
            reference="СП/21/0301 <ref> & Nº 7",
        ),
        dates=Dates(
            start=_dt.date(2021, 3, 1),
            end=_dt.date(2021, 3, 1),
            published=_dt.datetime(2021, 3, 1, 8, 5, tzinfo=offset),
            updated=_dt.date(2021, 3, 2),  # a date-only stamp: the page gave no time
        ),
        paragraphs=tuple(Paragraph(text=p) for p in paragraphs),
        quotes=quotes,
        attendees=attendees,
        mentions=(Attendee(name="Иво Андрић", role="писац", country="RS"),),
    )


_COUNTRIES = ("AL", "BA", "BG", "GR", "HR", "ME", "MK", "RO", "RS", "SI", "TR", "FR")
_RANKS = ("General", "Lieutenant General", "Major General", "Brigadier General", "Admiral", "Air Marshal")


@functools.cache
def large_sample(paragraphs: int = 400) -> PressRelease:
    """A long release: ``paragraphs`` paragraphs (400 by default), a quote in every fifth, 24 attendees."""
    if paragraphs < 1:
        raise ValueError("a large sample needs at least one paragraph")
    attendees = tuple(
        Attendee(
            name=f"Officer {i + 1:02d}",
            rank=_RANKS[i % len(_RANKS)],
            role="Chief of Defence" if i % 2 else "Deputy Chief of Defence",
            organization="NATO" if i % 3 == 0 else None,
            country=_COUNTRIES[i % len(_COUNTRIES)],
        )
        for i in range(24)
    )
    texts: list[str] = []
    quotes: list[Quote] = []
    speakers = itertools.cycle(a.name for a in attendees if a.name)
    for i in range(paragraphs):
        said = f"item {i + 1} of the agenda matters to every Ally and partner in the region"
        text = (
            f"Session {i + 1} – the participants reviewed progress on interoperability, training and exercises, "
            f"cyber defence and crisis management, and agreed on next steps for the coming year. "
        )
        if i % 5 == 0:
            text += f"One of them said that “{said}”, and the others agreed."
            start = text.index(said)
            quotes.append(Quote(text=said, speaker=next(speakers), paragraph=i, start=start, end=start + len(said)))
        else:
            text += "The discussion continued with reports from the working groups."
        texts.append(text)
    return PressRelease(
        header=Header(
            title=f"Annual conference of the Chiefs of Defence: record of {paragraphs} sessions",
            language="en",
            source="NATO",
            dateline="Brussels",
        ),
        dates=Dates(
            start=_dt.date(2022, 11, 28),
            end=_dt.date(2022, 12, 2),
            published=_dt.datetime(2022, 12, 2, 18, 0),
        ),
        paragraphs=tuple(Paragraph(text=t) for t in texts),
        quotes=tuple(quotes),
        attendees=attendees,
    )


_FACTORIES: dict[str, Callable[[], PressRelease]] = {
    "founding": founding_sample,
    "english": english_sample,
    "minimal": minimal_sample,
    "unicode": unicode_sample,
    "large": large_sample,
}


def sample(name: str) -> PressRelease:
    """The sample called ``name`` (one of :data:`SAMPLE_NAMES`)."""
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise ValueError(f"no sample {name!r}; samples are {', '.join(SAMPLE_NAMES)}") from None
    return factory()


def samples(names: Iterable[str] = SAMPLE_NAMES) -> dict[str, PressRelease]:
    """The named samples (all of them by default), in the order asked."""
    return {name: sample(name) for name in names}


SampleSpec = Mapping[str, PressRelease] | Iterable[str] | None


def _pick(spec: SampleSpec) -> dict[str, PressRelease]:
    if spec is None:
        return samples()
    if isinstance(spec, Mapping):
        return dict(spec)
    if isinstance(spec, str):
        return samples([spec])
    return samples(spec)


# --------------------------------------------------------------------------- plugins under test


def _as_plugin(plugin: Any, kind: Literal["parser", "exporter"]) -> tuple[Any, list[str]]:
    """An instance from an instance, a class or a registered name; or the problem that stops it."""
    if isinstance(plugin, str):
        from . import registry

        try:
            return (registry.get_parser(plugin) if kind == "parser" else registry.get_exporter(plugin)), []
        except CommuniqueError as exc:
            return None, [f"the registry cannot provide {kind} {plugin!r}: {exc}"]
    if isinstance(plugin, type):
        try:
            return plugin(), []
        except Exception as exc:
            return None, [f"{plugin.__qualname__}() cannot be created without arguments: {type(exc).__name__}: {exc}"]
    return plugin, []


def _describe(plugin: object, kind: str) -> str:
    cls = type(plugin)
    return f"{kind} {getattr(plugin, 'name', '?')!r} ({cls.__module__}:{cls.__qualname__})"


def _is_builtin(plugin: object) -> bool:
    return type(plugin).__module__.startswith("communique.")


def _fail(subject: str, problems: list[str]) -> None:
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise AssertionError(f"{subject} fails {len(problems)} check(s):\n{lines}")


def _contract(plugin: Any, kind: Literal["parser", "exporter"]) -> list[str]:
    problems = plugin_problems(plugin, kind, require_api_version=not _is_builtin(plugin))
    if not getattr(plugin, "extensions", None) and not problems:
        problems.append("it declares no file extension, so a file name can never select it")
    return problems


def _option_variants(plugin: Any) -> list[dict[str, Any]]:
    """Each declared choice (and both values of each flag) once, the other options at their defaults."""
    variants: list[dict[str, Any]] = []
    for option in getattr(plugin, "options", ()):
        values: tuple[Any, ...] = option.choices or ((True, False) if option.type is bool else ())
        variants += [{option.name: v} for v in values if v != option.default]
    return variants


# --------------------------------------------------------------------------- exporters


def exporter_problems(
    exporter: Exporter | type[Exporter] | str, *, samples: SampleSpec = None, options: Mapping[str, Any] | None = None
) -> list[str]:
    """What :func:`check_exporter` would complain about, as a list (empty when all is well)."""
    plugin, problems = _as_plugin(exporter, "exporter")
    if plugin is None:
        return problems
    problems = _contract(plugin, "exporter")
    if problems:
        return problems  # rendering an object that is not an exporter would only add noise
    base = dict(options or {})
    try:
        convert_options(plugin, base)
    except CommuniqueError as exc:
        return [f"the options given to the check are refused: {exc}"]
    chosen = _pick(samples)
    for name, release in chosen.items():
        problems += _render_problems(plugin, name, release, base)
    first = next(iter(chosen.items()), None)
    if first is not None:
        for variant in _option_variants(plugin):
            problems += _render_problems(plugin, first[0], first[1], {**base, **variant}, repeat=False)
    return problems


def _render_once(plugin: Any, release: PressRelease, options: Mapping[str, Any]) -> tuple[bytes | None, str | None]:
    try:
        out = plugin.render(release, **convert_options(plugin, options))
    except CommuniqueError as exc:
        return None, f"raised {type(exc).__name__}: {exc}"
    except Exception as exc:
        return None, (
            f"raised {type(exc).__name__}: {exc} (an exporter must succeed, or raise "
            "communique.errors.RenderError with a message a user understands)"
        )
    if not isinstance(out, bytes):
        return None, f"returned {type(out).__name__}, not bytes"
    if not out:
        return None, "returned no bytes"
    return out, None


def _render_problems(
    plugin: Any, name: str, release: PressRelease, options: Mapping[str, Any], *, repeat: bool = True
) -> list[str]:
    where = f"sample {name!r}" + (f" with {dict(options)!r}" if options else "")
    out, problem = _render_once(plugin, release, options)
    if problem is not None or out is None:
        return [f"{where}: render() {problem}"]
    problems: list[str] = []
    media = str(getattr(plugin, "media_type", ""))
    if any(media.startswith(t) if t.endswith("/") else (t in media) for t in _TEXT_MEDIA):
        try:
            out.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(
                f"{where}: media type {media} but the output is not UTF-8 ({exc.reason} at byte {exc.start})"
            )
    if repeat:
        again, problem = _render_once(plugin, release, options)
        if again != out:
            problems.append(f"{where}: a second render() gave different bytes (output must be deterministic)")
        write_to = getattr(plugin, "write_to", None)
        if callable(write_to):
            stream = io.BytesIO()
            try:
                write_to(release, stream, **convert_options(plugin, options))
            except Exception as exc:
                problems.append(f"{where}: write_to() raised {type(exc).__name__}: {exc}")
            else:
                if stream.getvalue() != out:
                    problems.append(f"{where}: write_to() wrote other bytes than render() returns")
    return problems


def check_exporter(
    exporter: Exporter | type[Exporter] | str, *, samples: SampleSpec = None, options: Mapping[str, Any] | None = None
) -> None:
    """Check that ``exporter`` satisfies the contract and renders every sample.

    ``exporter`` is an instance, a class, or the name of an installed
    exporter (which also checks the entry point).  It must satisfy the
    protocol (name, label, extensions, media type, ``api_version``, option
    declarations) and, for each sample (all by default; or names, or a
    mapping name → release), ``render`` must return non-empty bytes, the same
    bytes twice, UTF-8 when the media type is textual, and ``write_to`` the
    same bytes.  Each declared choice of each option (and each flag value)
    is rendered once on the first sample.  Raises :class:`AssertionError`
    listing every problem.
    """
    plugin, _ = _as_plugin(exporter, "exporter")
    _fail(
        _describe(plugin, "exporter") if plugin is not None else f"exporter {exporter!r}",
        exporter_problems(plugin if plugin is not None else exporter, samples=samples, options=options),
    )


# --------------------------------------------------------------------------- parsers

_BAD_INPUTS: tuple[tuple[str, bytes], ...] = (
    ("empty input", b""),
    ("binary garbage", bytes(range(256)) * 4),
    ("a lone byte-order mark", b"\xef\xbb\xbf"),
)


def parser_problems(
    parser: Parser | type[Parser] | str,
    inputs: Mapping[str, bytes] | Iterable[bytes],
    *,
    expected: Mapping[str, PressRelease] | None = None,
    options: Mapping[str, Any] | None = None,
) -> list[str]:
    """What :func:`check_parser` would complain about, as a list (empty when all is well)."""
    plugin, problems = _as_plugin(parser, "parser")
    if plugin is None:
        return problems
    problems = _contract(plugin, "parser")
    if problems:
        return problems
    named = dict(inputs) if isinstance(inputs, Mapping) else {f"input {i}": d for i, d in enumerate(inputs)}
    if not named:
        return ["no inputs were given to check the parser with"]
    try:
        opts = convert_options(plugin, options or {})
    except CommuniqueError as exc:
        return [f"the options given to the check are refused: {exc}"]
    sniffs = type(plugin).sniff is not Parser.sniff if isinstance(plugin, Parser) else hasattr(plugin, "sniff")
    for name, data in named.items():
        try:
            release = plugin.parse(data, **opts)
        except Exception as exc:
            problems.append(f"{name}: parse() raised {type(exc).__name__}: {exc}")
            continue
        if not isinstance(release, PressRelease):
            problems.append(f"{name}: parse() returned {type(release).__name__}, not a PressRelease")
            continue
        if expected is not None and name in expected and release != expected[name]:
            problems.append(
                f"{name}: parsed release differs from the expected one: {_difference(expected[name], release)}"
            )
        if sniffs:
            problems += _sniff_problems(plugin, name, data, expect=True)
        # A cut-off file must fail cleanly or still give a release, never crash.
        problems += _bad_input_problems(plugin, f"{name} cut in half", data[: len(data) // 2], opts)
    for name, data in _BAD_INPUTS:
        problems += _bad_input_problems(plugin, name, data, opts)
        if sniffs:
            problems += _sniff_problems(plugin, name, data, expect=None)
    return problems


def _sniff_problems(plugin: Any, name: str, data: bytes, *, expect: bool | None) -> list[str]:
    try:
        answer = plugin.sniff(data[:8192])
    except Exception as exc:
        return [f"{name}: sniff() raised {type(exc).__name__}: {exc} (it must answer True or False)"]
    if not isinstance(answer, bool):
        return [f"{name}: sniff() returned {answer!r}, not a bool"]
    if expect is not None and answer != expect:
        return [f"{name}: sniff() does not recognise the parser's own input"]
    return []


def _bad_input_problems(plugin: Any, name: str, data: bytes, opts: Mapping[str, Any]) -> list[str]:
    try:
        result = plugin.parse(data, **opts)
    except CommuniqueError:
        return []
    except Exception as exc:
        return [
            f"{name}: parse() raised {type(exc).__name__}: {exc} (bad input must raise "
            "communique.errors.ParseError saying where and why)"
        ]
    if not isinstance(result, PressRelease):
        return [f"{name}: parse() returned {type(result).__name__}, not a PressRelease or a ParseError"]
    return []


def check_parser(
    parser: Parser | type[Parser] | str,
    inputs: Mapping[str, bytes] | Iterable[bytes],
    *,
    expected: Mapping[str, PressRelease] | None = None,
    options: Mapping[str, Any] | None = None,
) -> None:
    """Check that ``parser`` satisfies the contract and reads ``inputs``.

    Each input (bytes, optionally named) must parse to a
    :class:`~communique.model.PressRelease` — equal to ``expected[name]``
    when given — and, if the parser overrides ``sniff``, be recognised by
    it.  Bad input (empty, binary garbage, a byte-order mark alone, each
    input cut in half) must give a release or a communique error, never
    another exception.  Raises :class:`AssertionError` listing every problem.
    """
    plugin, _ = _as_plugin(parser, "parser")
    _fail(
        _describe(plugin, "parser") if plugin is not None else f"parser {parser!r}",
        parser_problems(plugin if plugin is not None else parser, inputs, expected=expected, options=options),
    )


# --------------------------------------------------------------------------- round trips


def round_trip_problems(
    exporter: Exporter | type[Exporter] | str,
    parser: Parser | type[Parser] | str | None = None,
    *,
    samples: SampleSpec = None,
    exporter_options: Mapping[str, Any] | None = None,
    parser_options: Mapping[str, Any] | None = None,
) -> list[str]:
    """What :func:`check_round_trip` would complain about, as a list (empty when all is well)."""
    out, problems = _as_plugin(exporter, "exporter")
    if out is None:
        return problems
    if parser is None:
        parser = str(getattr(out, "name", ""))
    back, problems = _as_plugin(parser, "parser")
    if back is None:
        return problems
    problems = _contract(out, "exporter") + _contract(back, "parser")
    if problems:
        return problems
    try:
        render_opts = convert_options(out, exporter_options or {})
        parse_opts = convert_options(back, parser_options or {})
    except CommuniqueError as exc:
        return [f"the options given to the check are refused: {exc}"]
    for name, release in _pick(samples).items():
        try:
            data = out.render(release, **render_opts)
        except Exception as exc:
            problems.append(f"sample {name!r}: render() raised {type(exc).__name__}: {exc}")
            continue
        try:
            again = back.parse(data, **parse_opts)
        except Exception as exc:
            problems.append(f"sample {name!r}: parse(render(sample)) raised {type(exc).__name__}: {exc}")
            continue
        if again != release:
            problems.append(f"sample {name!r}: the release read back differs: {_difference(release, again)}")
    return problems


def check_round_trip(
    exporter: Exporter | type[Exporter] | str,
    parser: Parser | type[Parser] | str | None = None,
    *,
    samples: SampleSpec = None,
    exporter_options: Mapping[str, Any] | None = None,
    parser_options: Mapping[str, Any] | None = None,
) -> None:
    """Check that ``parser.parse(exporter.render(release)) == release`` for every sample.

    ``parser`` defaults to the installed parser named like the exporter.
    ``samples`` also accepts any mapping name → release, e.g. releases drawn
    by Hypothesis.  A failure names the first field that changed, as a path
    like ``quotes[2].speaker``.  Raises :class:`AssertionError`.
    """
    subject = f"round trip through {exporter if isinstance(exporter, str) else getattr(exporter, 'name', exporter)!r}"
    _fail(
        subject,
        round_trip_problems(
            exporter, parser, samples=samples, exporter_options=exporter_options, parser_options=parser_options
        ),
    )


def _difference(expected: object, actual: object, path: str = "") -> str:
    """The first place where two releases differ, e.g. ``quotes[2].speaker: 'A' != 'B'``."""
    if attrs.has(type(expected)) and type(expected) is type(actual):
        cls: Any = type(expected)
        for field in attrs.fields(cls):
            a, b = getattr(expected, field.name), getattr(actual, field.name)
            if a != b:
                return _difference(a, b, f"{path}.{field.name}" if path else field.name)
    if isinstance(expected, tuple) and isinstance(actual, tuple):
        for i, (a, b) in enumerate(zip(expected, actual, strict=False)):
            if a != b:
                return _difference(a, b, f"{path}[{i}]")
        if len(expected) != len(actual):
            return f"{path or 'release'}: {len(expected)} items expected, {len(actual)} read back"
    return f"{path or 'release'}: expected {expected!r}, got {actual!r}"
