"""Find parsers and exporters through ``importlib.metadata`` entry points.

Two groups, ``communique.parsers`` and ``communique.exporters``, are scanned
once per process and cached.  A scan reads only the installed distributions'
metadata: no plugin module is imported until its format is used (or until
its extensions are needed to resolve a file name).  Built-in formats are
registered in communique's own ``pyproject.toml`` exactly like a third party.

Name resolution:

* ``"json"`` — the plugin registered under that name.  When several
  distributions register the same name, communique's own wins, then the
  distribution whose name sorts first; a :class:`~communique.errors.CommuniqueWarning`
  names both.
* ``"dist:name"`` — the plugin ``name`` of distribution ``dist``, to pick a
  plugin that lost a conflict.

A plugin that cannot be imported, names a missing object, does not satisfy
the protocol or targets another plugin API version is *broken*: it is listed
with the reason by :func:`formats`, using it raises
:class:`~communique.errors.PluginError`, and every other format keeps working.
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Iterator
from importlib import metadata
from typing import Literal, TypeAlias

from attrs import define, field, frozen

from .errors import CommuniqueWarning, FormatError, PluginError
from .plugins import PLUGIN_API_VERSION, Exporter, Parser

__all__ = [
    "EXPORTERS",
    "PARSERS",
    "FormatInfo",
    "exporter_for",
    "exporter_names",
    "formats",
    "get_exporter",
    "get_parser",
    "parser_for",
    "parser_names",
    "register",
    "unregister",
]

PARSERS = "communique.parsers"
EXPORTERS = "communique.exporters"
Kind: TypeAlias = Literal["parser", "exporter"]
_GROUP: dict[Kind, str] = {"parser": PARSERS, "exporter": EXPORTERS}
_SELF = "communique"
Plugin: TypeAlias = Parser | Exporter


@frozen
class FormatInfo:
    """What the registry knows about one registered format."""

    name: str
    kind: Kind
    distribution: str
    """The installed package providing it (``"communique"`` for built-ins)."""
    target: str
    """The entry point's ``module:object``."""
    loaded: bool
    label: str = ""
    extensions: tuple[str, ...] = ()
    error: str | None = None
    """Why the plugin is broken, or ``None`` when it works (or is not loaded yet)."""
    shadowed_by: str | None = None
    """The distribution whose plugin of the same name wins, if any."""

    @property
    def builtin(self) -> bool:
        return self.distribution == _SELF

    @property
    def qualified_name(self) -> str:
        return f"{self.distribution}:{self.name}"


@define
class _Entry:
    name: str
    kind: Kind
    distribution: str
    target: str
    entry_point: metadata.EntryPoint | None = None
    plugin: Plugin | None = None
    error: PluginError | None = None
    runtime: bool = False

    def load(self) -> Plugin:
        if self.plugin is not None:
            return self.plugin
        if self.error is not None:
            raise self.error
        try:
            self.plugin = _instantiate(self)
        except PluginError as exc:
            self.error = exc
            raise
        return self.plugin


@define
class _Registry:
    entries: dict[Kind, dict[str, list[_Entry]]] = field(factory=lambda: {"parser": {}, "exporter": {}})
    scanned: bool = False

    def scan(self) -> None:
        if self.scanned:
            return
        for kind, group in _GROUP.items():
            seen: set[tuple[str, str]] = set()
            for ep in metadata.entry_points(group=group):
                dist = ep.dist.name if ep.dist is not None else "unknown"
                # An editable install can list the same distribution twice.
                if (ep.name, dist) in seen:
                    continue
                seen.add((ep.name, dist))
                entry = _Entry(name=ep.name, kind=kind, distribution=_canonical(dist), target=ep.value, entry_point=ep)
                self.entries[kind].setdefault(ep.name, []).append(entry)
        for candidates in (*self.entries["parser"].values(), *self.entries["exporter"].values()):
            candidates.sort(key=_precedence)
        self.scanned = True
        for kind in _GROUP:
            for name, candidates in self.entries[kind].items():
                if len(candidates) > 1:
                    winner, *losers = candidates
                    others = ", ".join(e.distribution for e in losers)
                    warnings.warn(
                        f"{kind} {name!r} is registered by {winner.distribution} and by {others}; "
                        f"using {winner.distribution}'s (pick another with 'DIST:{name}')",
                        CommuniqueWarning,
                        stacklevel=4,
                    )


def _canonical(dist: str) -> str:
    return dist.replace("_", "-").lower()


def _precedence(entry: _Entry) -> tuple[int, str]:
    # Run-time registrations first (the caller asked for them explicitly),
    # then communique's own, then the others by distribution name.
    return (0 if entry.runtime else 1 if entry.distribution == _SELF else 2, entry.distribution)


_REGISTRY = _Registry()


def _reset() -> None:
    """Forget the scan (tests that install or fake entry points call this)."""
    global _REGISTRY
    _REGISTRY = _Registry()


def _instantiate(entry: _Entry) -> Plugin:
    where = f"{entry.kind} {entry.name!r} from {entry.distribution} ({entry.target})"
    try:
        obj = entry.entry_point.load() if entry.entry_point is not None else _load_target(entry.target)
    except Exception as exc:  # noqa: BLE001 - any import failure makes the plugin broken, not communique
        raise PluginError(
            f"cannot load {where}: {type(exc).__name__}: {exc}", distribution=entry.distribution, name=entry.name
        ) from exc
    return _validate(entry, obj)


def _validate(entry: _Entry, obj: object) -> Plugin:
    where = f"{entry.kind} {entry.name!r} from {entry.distribution} ({entry.target})"
    base: type[Plugin] = Parser if entry.kind == "parser" else Exporter
    try:
        plugin = obj() if isinstance(obj, type) else obj
    except Exception as exc:  # noqa: BLE001
        raise PluginError(f"cannot create {where}: {exc}", distribution=entry.distribution, name=entry.name) from exc
    method = "parse" if entry.kind == "parser" else "render"
    if not (isinstance(plugin, base) or callable(getattr(plugin, method, None))):
        raise PluginError(
            f"{where} is not a {entry.kind}: it has no {method}() method", distribution=entry.distribution, name=entry.name
        )
    api = getattr(plugin, "api_version", None)
    if api != PLUGIN_API_VERSION:
        raise PluginError(
            f"{where} targets plugin API version {api}, this communique implements {PLUGIN_API_VERSION}; "
            f"upgrade {entry.distribution} or communique",
            distribution=entry.distribution,
            name=entry.name,
        )
    exts = getattr(plugin, "extensions", ())
    if isinstance(exts, str) or not all(isinstance(e, str) and e.startswith(".") for e in exts):
        raise PluginError(
            f"{where} declares invalid extensions {exts!r} (a tuple of strings like '.md')",
            distribution=entry.distribution,
            name=entry.name,
        )
    return plugin  # type: ignore[return-value]


def _load_target(target: str) -> object:
    module, _, attr = target.partition(":")
    obj: object = importlib.import_module(module.strip())
    for part in attr.strip().split(".") if attr else ():
        obj = getattr(obj, part)
    return obj


def _candidates(kind: Kind, name: str) -> list[_Entry]:
    _REGISTRY.scan()
    table = _REGISTRY.entries[kind]
    if ":" in name:
        dist, _, short = name.partition(":")
        found = [e for e in table.get(short, []) if e.distribution == _canonical(dist)]
    else:
        found = table.get(name, [])
    return found


def _get(kind: Kind, name: str) -> Plugin:
    if not isinstance(name, str) or not name:
        raise FormatError(f"a {kind} name must be a non-empty string, not {name!r}")
    found = _candidates(kind, name.lower() if ":" not in name else name)
    if not found:
        known = ", ".join(_names(kind)) or "none"
        raise FormatError(f"unknown {kind} format {name!r}; known {kind}s: {known}")
    return found[0].load()


def _names(kind: Kind) -> list[str]:
    _REGISTRY.scan()
    return sorted(_REGISTRY.entries[kind])


def get_parser(name: str) -> Parser:
    """Return the parser registered as ``name`` (or ``dist:name``)."""
    plugin = _get("parser", name)
    return plugin  # type: ignore[return-value]


def get_exporter(name: str) -> Exporter:
    """Return the exporter registered as ``name`` (or ``dist:name``)."""
    plugin = _get("exporter", name)
    return plugin  # type: ignore[return-value]


def parser_names() -> list[str]:
    """Names of every registered parser, sorted (nothing is imported)."""
    return _names("parser")


def exporter_names() -> list[str]:
    """Names of every registered exporter, sorted (nothing is imported)."""
    return _names("exporter")


def _by_extension(kind: Kind, path: str | os.PathLike[str]) -> str:
    name = os.fspath(path).lower()
    best: tuple[int, str] | None = None
    for fmt in _names(kind):
        entry = _candidates(kind, fmt)[0]
        try:
            plugin = entry.load()
        except PluginError:
            continue
        for ext in plugin.extensions:
            # The longest matching extension wins: ".nitf.xml" over ".xml".
            if name.endswith(ext.lower()) and (best is None or len(ext) > best[0]):
                best = (len(ext), fmt)
    if best is None:
        known = ", ".join(sorted({e for f in formats(kind) for e in f.extensions})) or "none"
        raise FormatError(f"no {kind} for the file name {os.fspath(path)!r}; known extensions: {known}")
    return best[1]


def parser_for(path: str | os.PathLike[str]) -> str:
    """Name of the parser for a file name, from its extension."""
    return _by_extension("parser", path)


def exporter_for(path: str | os.PathLike[str]) -> str:
    """Name of the exporter for a file name, from its extension."""
    return _by_extension("exporter", path)


def sniff(head: bytes) -> str | None:
    """Name of the first parser whose ``sniff`` recognises ``head``, or ``None``."""
    # Specific formats first; the permissive text parser last.
    names = sorted(parser_names(), key=lambda n: (n == "text", n))
    for fmt in names:
        try:
            plugin = _candidates("parser", fmt)[0].load()
            if plugin.sniff(head):  # type: ignore[union-attr]
                return fmt
        except PluginError:
            continue
        except Exception:  # noqa: BLE001 - a faulty sniff must not stop detection
            continue
    return None


def formats(kind: Kind | None = None, *, load: bool = True) -> list[FormatInfo]:
    """Describe every registered format, broken ones included.

    With ``load=False`` only entry-point metadata is read (no plugin module is
    imported); labels and extensions are then empty for plugins not yet used.
    """
    _REGISTRY.scan()
    out: list[FormatInfo] = []
    for k in (kind,) if kind else ("parser", "exporter"):
        for name in sorted(_REGISTRY.entries[k]):
            candidates = _REGISTRY.entries[k][name]
            for i, entry in enumerate(candidates):
                plugin: Plugin | None = None
                error = entry.error
                if load and error is None:
                    try:
                        plugin = entry.load()
                    except PluginError as exc:
                        error = exc
                elif entry.plugin is not None:
                    plugin = entry.plugin
                out.append(
                    FormatInfo(
                        name=name,
                        kind=k,
                        distribution=entry.distribution,
                        target=entry.target,
                        loaded=entry.plugin is not None,
                        label=getattr(plugin, "label", "") if plugin else "",
                        extensions=tuple(getattr(plugin, "extensions", ())) if plugin else (),
                        error=str(error) if error else None,
                        shadowed_by=candidates[0].distribution if i else None,
                    )
                )
    return out


def register(plugin: Parser | Exporter | type[Parser] | type[Exporter], *, kind: Kind | None = None) -> None:
    """Register a plugin object at run time (for this process only).

    It takes precedence over entry points of the same name, so a script can
    add or override a format without packaging it.
    """
    obj = plugin() if isinstance(plugin, type) else plugin
    if kind is None:
        kind = "parser" if isinstance(obj, Parser) or hasattr(obj, "parse") else "exporter"
    _REGISTRY.scan()
    entry = _Entry(
        name=obj.name, kind=kind, distribution="__main__", target=f"{type(obj).__module__}:{type(obj).__qualname__}"
    )
    entry.runtime = True
    entry.plugin = _validate(entry, obj)
    table = _REGISTRY.entries[kind].setdefault(obj.name, [])
    table[:] = [e for e in table if not e.runtime]
    table.insert(0, entry)


def unregister(name: str, *, kind: Kind) -> None:
    """Remove a run-time registration made with :func:`register`."""
    _REGISTRY.scan()
    table = _REGISTRY.entries[kind].get(name, [])
    table[:] = [e for e in table if not e.runtime]
    if not table:
        _REGISTRY.entries[kind].pop(name, None)


def _iter_entries() -> Iterator[_Entry]:  # pragma: no cover - debugging aid
    _REGISTRY.scan()
    for kind in _GROUP:
        for candidates in _REGISTRY.entries[kind].values():
            yield from candidates
