"""Attendee scaling, and each operation beside its lower bound measured in the same run.

**Attendees** (10 → 500 → 8,000): the founding sample's header and paragraphs
with that many attendees (its quotes dropped, so that every size is valid),
rendered by every exporter and parsed back by every parser of the same name.
The fixed cost of a release (the zip container, fonts, templates) would
flatter the large sizes in a plain per-attendee figure, so the figure is the
*marginal* cost of an attendee: ``(t(500) − t(10)) / 490`` beside
``(t(8000) − t(500)) / 7500``; their ratio is issue 19's target (≤ 1.3: an
exporter whose cost per participant grows with the number of participants
shows here).

**Lower bounds**: what any implementation of the same operation must at least
do, timed on the same bytes in the same process — ``orjson.loads`` of the JSON
a ``json`` parse reads (every validation kept on communique's side), the same
data dumped by ``orjson.dumps``, lxml parsing and serialising the XML of an
``xml`` parse and render — and communique's figure as a multiple of it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any

from .corpus import Case
from .measure import Budget, Metric, Op, Result, Target, Unavailable, judged, model_of, time_call

__all__ = ["ATTENDEE_SIZES", "BOUND_TARGETS", "measure_attendees", "measure_bounds", "with_attendees"]

ATTENDEE_SIZES = (10, 500, 8000)
ATTENDEE_TARGET = Target("ratio", "<=", 1.3, "≤ 1.3×")
BOUND_TARGETS: dict[str, Target] = {"json parse vs orjson.loads": Target("ratio", "<=", 3, "≤ 3× orjson")}
"""Issue 19's target: a JSON parse, every validation kept, within three times ``orjson.loads`` of the same bytes."""

_RANKS = ("général", "colonel", "ambassadeur", "lieutenant-colonel", "contre-amiral", "commandant")
_ROLES = ("chef d'état-major", "attaché de défense", "représentant militaire", "chef de délégation", "conseiller")
_ORGS = ("OTAN", "ministère de la Défense", "Forces armées", "Mission permanente", None)
_COUNTRIES = ("FR", "BE", "RS", "AL", "BG", "GR", "MK", "ME", "HR", "SI", None)


def with_attendees(base: Any, count: int) -> Any:
    """``base`` (a release) with ``count`` generated attendees instead of its own, and no quotes."""
    import attrs

    from ..model import Attendee

    people = tuple(
        Attendee(
            name=f"Prénom{i} Nom{i:05d}",
            rank=_RANKS[i % len(_RANKS)],
            role=_ROLES[i % len(_ROLES)] + (" adjoint" if i % 3 == 0 else ""),
            organization=_ORGS[i % len(_ORGS)],
            country=_COUNTRIES[i % len(_COUNTRIES)],
        )
        for i in range(count)
    )
    return attrs.evolve(base, attendees=people, quotes=(), mentions=())


def _ops(formats: Sequence[str] | None) -> list[Op]:
    import communique

    exporters = set(communique.exporter_names())
    parsers = set(communique.parser_names())
    ops: list[Op] = []
    for name in sorted(exporters):
        if formats is not None and name not in formats:
            continue
        ops.append(Op(f"{name} render", "render", name))
        if name in parsers:
            ops.append(Op(f"{name} parse", "parse", name))
    return ops


def measure_attendees(
    case: Case,
    budget: Budget,
    progress: Callable[[str], None] = lambda _: None,
    formats: Sequence[str] | None = None,
    sizes: Sequence[int] = ATTENDEE_SIZES,
) -> list[Result]:
    """The marginal cost of an attendee at each step of ``sizes``, per exporter and parser."""
    import communique

    try:
        base = model_of(case)
    except Unavailable as exc:
        return [Result("attendees", "attendees", case.id, {}, None, "error", str(exc))]
    releases = {n: with_attendees(base, n) for n in sizes}
    results: list[Result] = []
    small, middle, large = sizes
    for op in _ops(formats):
        times: dict[int, float] = {}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for n, release in releases.items():
                    progress(f"attendees · {op.name} · {n}")
                    fn: Callable[[], object]
                    if op.kind == "render":

                        def fn(release: Any = release, fmt: str = op.format) -> object:
                            return communique.render(release, fmt)

                    else:
                        data = communique.render(release, op.format)

                        def fn(data: bytes = data, fmt: str = op.format) -> object:
                            return communique.parse(data, fmt)

                    times[n] = time_call(fn, budget).median
        except communique.CommuniqueError as exc:
            results.append(Result("attendees", op.name, case.id, {}, ATTENDEE_TARGET, "error", str(exc)))
            continue
        first = (times[middle] - times[small]) / (middle - small)
        second = (times[large] - times[middle]) / (large - middle)
        metrics: dict[str, Metric] = {
            **{f"ms_{n}": times[n] * 1e3 for n in sizes},
            f"us_per_attendee_{small}_{middle}": first * 1e6,
            f"us_per_attendee_{middle}_{large}": second * 1e6,
            "ratio": second / first if first > 0 and second >= 0 else None,
        }
        label = f"{case.id} {small}→{middle}→{large}"
        if first <= 0 or second < 0:
            note = "the first step's cost is within the timing noise at these sizes: no ratio"
            results.append(Result("attendees", op.name, label, metrics, ATTENDEE_TARGET, "skipped", note))
            continue
        results.append(judged(Result("attendees", op.name, label, metrics, ATTENDEE_TARGET)))
    return results


def _bounds(release: Any) -> list[tuple[str, Callable[[], object], Callable[[], object]]]:
    """(row name, communique's operation, its lower bound) on one release's bytes."""
    import orjson
    from lxml import etree

    import communique

    from .. import _serialize

    json_data = communique.render(release, "json")
    plain = _serialize.to_dict(release)
    xml_data = communique.render(release, "xml")
    tree = etree.fromstring(xml_data)
    return [
        (
            "json parse vs orjson.loads",
            lambda: communique.parse(json_data, "json"),
            lambda: orjson.loads(json_data),
        ),
        (
            "json render vs orjson.dumps",
            lambda: communique.render(release, "json"),
            lambda: orjson.dumps(plain, option=orjson.OPT_INDENT_2),
        ),
        ("xml parse vs lxml parse", lambda: communique.parse(xml_data, "xml"), lambda: etree.fromstring(xml_data)),
        (
            "xml render vs lxml serialise",
            lambda: communique.render(release, "xml"),
            lambda: etree.tostring(tree, xml_declaration=True, encoding="UTF-8"),
        ),
    ]


def measure_bounds(
    cases: Sequence[Case], budget: Budget, progress: Callable[[str], None] = lambda _: None
) -> list[Result]:
    """communique's time per operation as a multiple of the operation's lower bound, on each case."""
    results: list[Result] = []
    for case in cases:
        try:
            release = model_of(case)
            rows = _bounds(release)
        except Exception as exc:  # a missing library or format: the row says so
            results.append(Result("bounds", "lower bounds", case.id, {}, None, "error", f"{type(exc).__name__}: {exc}"))
            continue
        for name, ours, bound in rows:
            progress(f"bounds · {name} · {case.id}")
            target = BOUND_TARGETS.get(name) if case.id == "sample-fr" else None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # Interleaved twice, so that a machine whose speed drifts moves both figures.
                a1, b1 = time_call(ours, budget).median, time_call(bound, budget).median
                a2, b2 = time_call(ours, budget).median, time_call(bound, budget).median
            a, b = min(a1, a2), min(b1, b2)
            metrics: dict[str, Metric] = {"communique_us": a * 1e6, "bound_us": b * 1e6, "ratio": a / b}
            results.append(judged(Result("bounds", name, case.id, metrics, target)))
    return results
