"""Find parsers and exporters through ``importlib.metadata`` entry points.

Two groups, ``communique.parsers`` and ``communique.exporters``, are scanned
once per process, on the first lookup, and cached.  ``import communique``
does not scan; a scan reads only the installed distributions' metadata, so
listing names (:func:`parser_names`, :func:`exporter_names`,
``formats(load=False)``) imports no plugin module.  A plugin's module is
imported the first time its format is used, or when its extensions are needed
to resolve a file name (which is why that module must stay light).  Built-in
formats are registered in communique's own ``pyproject.toml`` exactly like a
third party's.

Name resolution:

* ``"json"`` — the plugin registered under that name (case-insensitive).
  When several distributions register the same name, the order is: a plugin
  registered at run time with :func:`register`, then communique's own, then
  the others by distribution name (normalised, alphabetical).  The first one
  that loads wins; a :class:`~communique.errors.CommuniqueWarning` names the
  competitors the first time the name is used.
* ``"dist:name"`` — the plugin ``name`` of distribution ``dist``, to pick a
  plugin that lost a conflict (``communique-markdown:markdown``).
* File names (:func:`parser_for`, :func:`exporter_for`): the longest matching
  extension wins (``.nitf.xml`` over ``.xml``); on a tie, a built-in format,
  then the alphabetically first name.

A plugin that cannot be imported, names a missing object, does not satisfy
the protocol or targets another plugin API version is *broken*: it is listed
with the reason by :func:`formats`, using it raises
:class:`~communique.errors.PluginError` naming its distribution, a lookup
that skips it warns once, and every other format keeps working.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import stat
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar, cast

from attrs import define, field, frozen

from .errors import CommuniqueWarning, FormatError, PluginError
from .plugins import FORMAT_NAME, Exporter, Option, Parser, plugin_problems

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "BUILTIN_DISTRIBUTION",
    "EXPORTERS",
    "PARSERS",
    "RUNTIME_DISTRIBUTION",
    "FormatInfo",
    "exporter_for",
    "exporter_names",
    "formats",
    "get_exporter",
    "get_parser",
    "parser_for",
    "parser_names",
    "refresh",
    "register",
    "registered",
    "sniff",
    "unregister",
]

PARSERS = "communique.parsers"
EXPORTERS = "communique.exporters"
BUILTIN_DISTRIBUTION = "communique"
RUNTIME_DISTRIBUTION = "__main__"
"""The distribution name shown for plugins registered with :func:`register`."""

Kind: TypeAlias = Literal["parser", "exporter"]
_GROUP: dict[Kind, str] = {"parser": PARSERS, "exporter": EXPORTERS}
Plugin: TypeAlias = Parser | Exporter
P = TypeVar("P", bound=Parser | Exporter)

# Loading imports modules; two threads resolving the same format must not
# import it twice or see a half-filled cache.
_LOCK = threading.RLock()


@frozen
class FormatInfo:
    """What the registry knows about one registered format (one row of ``communique formats``)."""

    name: str
    kind: Kind
    distribution: str
    """The installed package providing it (``"communique"`` for built-ins, ``"__main__"`` for :func:`register`)."""
    target: str
    """The entry point's ``module:object``."""
    loaded: bool
    label: str = ""
    extensions: tuple[str, ...] = ()
    error: str | None = None
    """Why the plugin is broken, or ``None`` when it works (or is not loaded yet)."""
    shadowed_by: str | None = None
    """The distribution whose plugin of the same name is used instead, if any."""
    version: str | None = None
    """The providing distribution's version, when known."""
    media_type: str = ""
    options: tuple[Option, ...] = ()
    """The declared options (empty when not loaded)."""
    api_version: int | None = None

    @property
    def builtin(self) -> bool:
        """Whether communique itself provides the format."""
        return self.distribution == BUILTIN_DISTRIBUTION

    @property
    def broken(self) -> bool:
        """Whether the plugin failed to load or to satisfy the protocol."""
        return self.error is not None

    @property
    def qualified_name(self) -> str:
        """``distribution:name``, which selects this very plugin even when another wins the name."""
        return f"{self.distribution}:{self.name}"


@define
class _Entry:
    name: str
    kind: Kind
    distribution: str
    target: str
    dist_version: str | None = None
    plugin: Plugin | None = None
    error: PluginError | None = None
    runtime: bool = False
    warned: bool = False

    @property
    def where(self) -> str:
        return f"{self.kind} {self.name!r} from {self.distribution} ({self.target})"

    def version(self) -> str | None:
        return self.dist_version

    def load(self) -> Plugin:
        with _LOCK:
            if self.plugin is not None:
                return self.plugin
            if self.error is not None:
                # A fresh exception each time: re-raising one instance would grow its traceback forever.
                error = self.error
                raise PluginError(str(error), distribution=error.distribution, name=error.name) from error.__cause__
            try:
                self.plugin = _instantiate(self)
            except PluginError as exc:
                self.error = exc
                raise
            return self.plugin

    def broken(self, reason: str) -> PluginError:
        return PluginError(f"{self.where} is broken: {reason}", distribution=self.distribution, name=self.name)


@define
class _Registry:
    entries: dict[Kind, dict[str, list[_Entry]]] = field(factory=lambda: {"parser": {}, "exporter": {}})
    scanned: bool = False
    warned_conflicts: set[tuple[Kind, str]] = field(factory=set)
    resolved: dict[tuple[Kind, str], Plugin] = field(factory=dict)
    """Names already resolved to a working plugin; emptied whenever a table changes."""

    def scan(self) -> None:
        with _LOCK:
            if self.scanned:
                return
            for group, raw_name, value, dist, version in _installed_entry_points():
                kind: Kind = "parser" if group == PARSERS else "exporter"
                key = raw_name.strip().lower()
                # The same distribution can be visible twice (an editable install
                # and a copy on sys.path); the first one is what `import` would use.
                table = self.entries[kind]
                if any(e.distribution == dist for e in table.get(key, ())):
                    continue
                entry = _Entry(name=key, kind=kind, distribution=dist, target=value, dist_version=version)
                if not FORMAT_NAME.fullmatch(key):
                    entry.error = entry.broken(
                        f"the entry point name {raw_name!r} is not a format name "
                        "(lower-case letters, digits and '_.+-'; no ':' or spaces)"
                    )
                elif not _TARGET.fullmatch(value.strip()):
                    entry.error = entry.broken(f"the entry point value {value!r} is not 'package.module:Object'")
                table.setdefault(key, []).append(entry)
            for table in self.entries.values():
                for candidates in table.values():
                    candidates.sort(key=_precedence)
            self.scanned = True


# --------------------------------------------------------------------------- the scan and its cache

# One entry point of ours: group, name, value, distribution (normalised), its version.
_Found: TypeAlias = tuple[str, str, str, str, "str | None"]

_CACHE_FORMAT = 1
# A file changed this recently may change again within the file system's timestamp granularity
# without its stamp changing ("racy git"): a scan that saw one is not cached.
_RACY_NS = 2_000_000_000


def _installed_entry_points() -> list[_Found]:
    """Our two groups' entry points, in ``importlib.metadata``'s order: from the disk cache when still valid.

    A full scan reads every installed distribution's metadata (importing
    ``importlib.metadata`` and scanning costs about 20 ms, most of a short
    command's set-up), so its result is kept in the user's cache folder (see
    :mod:`communique._cache`), keyed by what the scan reads: every
    ``sys.path`` entry, and in each folder every ``*.dist-info`` and
    ``*.egg-info`` with the modification time of the folder and of its
    ``entry_points.txt`` (a zip or egg file on the path: its time and size).
    Installing, removing, upgrading or editing a distribution changes the key,
    and the next lookup scans again.  When a distribution finder other than
    the standard ones (``importlib``'s, ``importlib_metadata``'s) is installed
    (``sys.meta_path``), the key cannot be computed and there is no cache.
    """
    fingerprint = _fingerprint()
    name = _cache_file_name()
    if fingerprint is not None:
        cached = _read_cache(name, fingerprint[0])
        if cached is not None:
            return cached
    found = _scan_metadata()
    if fingerprint is not None and time.time_ns() - fingerprint[1] > _RACY_NS:
        from . import _cache

        payload = {"format": _CACHE_FORMAT, "fingerprint": fingerprint[0], "entry_points": found}
        with contextlib.suppress(Exception):  # a cache must never break a lookup
            _cache.write_bytes(name, _json().dumps(payload))
    return found


def _scan_metadata() -> list[_Found]:
    # Imported here: importlib.metadata costs ~6 ms, and `import communique` must stay cheap.
    from importlib import metadata

    # One pass over the installed distributions for both groups (a pass per group costs double).
    installed = metadata.entry_points()
    found: list[_Found] = []
    for group in (PARSERS, EXPORTERS):
        for ep in installed.select(group=group):
            found.append((group, ep.name, ep.value, _distribution_name(ep), _distribution_version(ep)))
    return found


def _json() -> Any:
    import orjson

    return orjson


def _cache_file_name() -> str:
    import zlib

    # One file per interpreter and environment; what it holds is checked against the key anyway.
    where = "\0".join((sys.prefix, sys.executable, sys.version)).encode("utf-8", "surrogateescape")
    return f"entry-points-{zlib.crc32(where):08x}.json"


def _read_cache(name: str, fingerprint: list[Any]) -> list[_Found] | None:
    from . import _cache

    data = _cache.read_bytes(name)
    if data is None:
        return None
    try:
        doc = _json().loads(data)
        if not isinstance(doc, dict) or doc.get("format") != _CACHE_FORMAT or doc.get("fingerprint") != fingerprint:
            return None
        found: list[_Found] = []
        for item in doc["entry_points"]:
            group, name, value, dist, version = item
            if group not in (PARSERS, EXPORTERS) or not all(isinstance(x, str) for x in (name, value, dist)):
                return None
            if version is not None and not isinstance(version, str):
                return None
            found.append((group, name, value, dist, version))
        return found
    except Exception:  # corrupt, truncated or someone else's: scan instead
        return None


def _fingerprint() -> tuple[list[Any], int] | None:
    """What a scan depends on, and the newest modification time in it; ``None`` when it cannot be known."""
    import importlib.machinery

    for finder in sys.meta_path:
        if getattr(finder, "find_distributions", None) is None or finder is importlib.machinery.PathFinder:
            continue
        # The importlib_metadata backport adds its own finder, which reads sys.path as the standard one does.
        kind = type(finder)
        if (kind.__module__, kind.__qualname__) != ("importlib_metadata", "MetadataPathFinder"):
            return None
    newest = 0
    out: list[Any] = []
    for entry in sys.path:
        if not isinstance(entry, str):
            return None
        folder = os.path.abspath(entry or ".")
        try:
            st = os.stat(folder)
        except (OSError, ValueError):
            out.append([folder])
            continue
        if not stat.S_ISDIR(st.st_mode):
            out.append([folder, st.st_mtime_ns, st.st_size])
            newest = max(newest, st.st_mtime_ns)
            continue
        dists: list[Any] = []
        try:
            with os.scandir(folder) as children:
                names = sorted(c.name for c in children if c.name.lower().endswith((".dist-info", ".egg-info")))
        except (OSError, ValueError):
            out.append([folder, "unreadable"])
            continue
        for child in names:
            path = os.path.join(folder, child)
            try:
                own = os.stat(path)
            except OSError:
                dists.append([child])
                continue
            newest = max(newest, own.st_mtime_ns)
            try:
                eps = os.stat(os.path.join(path, "entry_points.txt"))
            except OSError:
                dists.append([child, own.st_mtime_ns])
                continue
            newest = max(newest, eps.st_mtime_ns)
            dists.append([child, own.st_mtime_ns, eps.st_mtime_ns, eps.st_size])
        out.append([folder, dists])
    return out, newest


def _distribution_name(ep: EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    try:
        name = dist.name if dist is not None else None
    except Exception:  # unreadable METADATA: still list the entry point
        name = None
    return _canonical(name) if name else "unknown"


def _distribution_version(ep: EntryPoint) -> str | None:
    dist = getattr(ep, "dist", None)
    try:
        return str(dist.version) if dist is not None else None
    except Exception:  # broken metadata must not break a listing
        return None


def _canonical(dist: str) -> str:
    # PEP 503 normalisation, so "Communique_Markdown" and "communique-markdown" are one name.
    out = dist.strip().lower()
    for ch in "_.":
        out = out.replace(ch, "-")
    while "--" in out:
        out = out.replace("--", "-")
    return out


def _precedence(entry: _Entry) -> tuple[int, str]:
    # Run-time registrations first (the program asked for them explicitly),
    # then communique's own, then the others by distribution name.
    rank = 0 if entry.runtime else 1 if entry.distribution == BUILTIN_DISTRIBUTION else 2
    return (rank, entry.distribution)


_REGISTRY = _Registry()


def refresh() -> None:
    """Forget the cached scan, so the next lookup sees plugins installed since.

    Run-time registrations made with :func:`register` are forgotten too.
    """
    global _REGISTRY
    with _LOCK:
        _REGISTRY = _Registry()


_reset = refresh


# What importlib.metadata can split into a module and an object (extras allowed, as pip writes them).
_TARGET = re.compile(r"[\w.]+\s*(?::\s*[\w.]+)?\s*(?:\[[^\]]*\])?")


def _instantiate(entry: _Entry) -> Plugin:
    # Split the target ourselves: EntryPoint.module fails with an AttributeError on a malformed value.
    module_name, _, attr = (part.strip() for part in entry.target.split("[", 1)[0].partition(":"))
    try:
        obj: object = importlib.import_module(module_name)
    except (Exception, SystemExit) as exc:
        # Whatever the plugin's import does wrong, it is the plugin that is broken, not communique.
        raise entry.broken(f"cannot import module {module_name!r}: {type(exc).__name__}: {exc}") from exc
    for part in attr.split(".") if attr else ():
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise entry.broken(f"module {module_name!r} has no object {attr!r}") from None
        except Exception as exc:  # a module-level __getattr__ can raise anything
            raise entry.broken(f"looking up {attr!r} failed: {type(exc).__name__}: {exc}") from exc
    return _validate(entry, obj, require_api_version=entry.distribution != BUILTIN_DISTRIBUTION)


def _validate(entry: _Entry, obj: object, *, require_api_version: bool) -> Plugin:
    if isinstance(obj, type):
        try:
            plugin: object = obj()
        except Exception as exc:
            raise entry.broken(f"cannot create {obj.__qualname__}(): {type(exc).__name__}: {exc}") from exc
    elif callable(getattr(obj, "render" if entry.kind == "exporter" else "parse", None)):
        plugin = obj
    else:
        wanted = "a parser" if entry.kind == "parser" else "an exporter"
        raise entry.broken(f"{entry.target} is not {wanted} class or instance but {type(obj).__name__} {obj!r:.60}")
    problems = plugin_problems(plugin, entry.kind, require_api_version=require_api_version)
    name = getattr(plugin, "name", None)
    if not problems and name != entry.name:
        problems.append(f"the plugin calls itself {name!r} but is registered as {entry.name!r}; the two must match")
    if problems:
        raise entry.broken("; ".join(problems))
    return cast(Plugin, plugin)


def _table(kind: Kind) -> dict[str, list[_Entry]]:
    _REGISTRY.scan()
    return _REGISTRY.entries[kind]


def _check_kind(kind: Kind) -> Kind:
    if kind not in _GROUP:
        raise ValueError(f"kind must be 'parser' or 'exporter', not {kind!r}")
    return kind


def _skip_warning(entry: _Entry, error: PluginError) -> None:
    if not entry.warned:
        entry.warned = True
        warnings.warn(f"skipping {error}", CommuniqueWarning, stacklevel=4)


def _usable(candidates: list[_Entry]) -> tuple[_Entry, Plugin] | None:
    """The first candidate that loads, warning about the broken ones it skips (if one works)."""
    skipped: list[tuple[_Entry, PluginError]] = []
    for entry in candidates:
        try:
            plugin = entry.load()
        except PluginError as exc:
            skipped.append((entry, exc))
            continue
        for broken, error in skipped:
            _skip_warning(broken, error)
        return entry, plugin
    return None


def _resolve(kind: Kind, name: str) -> Plugin:
    # Every render() and parse() resolves a name: the cached answer skips the lock and the tables.
    cached = _REGISTRY.resolved.get((kind, name))
    if cached is not None:
        return cached
    plugin = _resolve_uncached(kind, name)
    _REGISTRY.resolved[(kind, name)] = plugin
    return plugin


def _resolve_uncached(kind: Kind, name: str) -> Plugin:
    if not isinstance(name, str) or not name.strip():
        raise FormatError(f"a {kind} name must be a non-empty string, not {name!r}")
    with _LOCK:
        table = _table(kind)
        if ":" in name:
            dist, _, short = (part.strip() for part in name.partition(":"))
            candidates = table.get(short.lower(), [])
            chosen = [e for e in candidates if e.distribution == _canonical(dist)]
            if not chosen:
                if candidates:
                    providers = ", ".join(_qualified(e) for e in candidates)
                    raise FormatError(
                        f"distribution {dist!r} provides no {kind} {short!r}; it is provided by {providers}"
                    )
                raise FormatError(
                    f"unknown {kind} format {short!r}; known {kind}s: {', '.join(sorted(table)) or 'none'}"
                )
            return chosen[0].load()
        candidates = table.get(name.strip().lower(), [])
        if not candidates:
            raise FormatError(f"unknown {kind} format {name!r}; known {kind}s: {', '.join(sorted(table)) or 'none'}")
        found = _usable(candidates)
        if found is None:
            # Nothing works: report the plugin that would have been used.
            return candidates[0].load()
        entry, plugin = found
        _warn_conflict(kind, entry, candidates)
        return plugin


def _qualified(entry: _Entry) -> str:
    return f"'{entry.distribution}:{entry.name}'"


def _warn_conflict(kind: Kind, winner: _Entry, candidates: list[_Entry]) -> None:
    # Broken competitors were already reported when skipped; they are not a choice.
    others = [e for e in candidates if e is not winner and not e.runtime and e.error is None]
    if winner.runtime or not others or (kind, winner.name) in _REGISTRY.warned_conflicts:
        return
    _REGISTRY.warned_conflicts.add((kind, winner.name))
    names = ", ".join(e.distribution for e in others)
    picks = ", ".join(_qualified(e) for e in others)
    warnings.warn(
        f"{kind} {winner.name!r} is provided by {winner.distribution} and by {names}; using {winner.distribution}'s "
        f"(built-in first, then distribution names in alphabetical order); pick another with {picks}",
        CommuniqueWarning,
        stacklevel=4,
    )


def get_parser(name: str) -> Parser:
    """Return the parser registered as ``name`` (or ``dist:name``).

    Raises :class:`~communique.errors.FormatError` for an unknown name and
    :class:`~communique.errors.PluginError` when the plugin is broken.
    """
    return cast(Parser, _resolve("parser", name))


def get_exporter(name: str) -> Exporter:
    """Return the exporter registered as ``name`` (or ``dist:name``).

    Raises :class:`~communique.errors.FormatError` for an unknown name and
    :class:`~communique.errors.PluginError` when the plugin is broken.
    """
    return cast(Exporter, _resolve("exporter", name))


def _names(kind: Kind) -> list[str]:
    with _LOCK:
        return sorted(_table(kind))


def parser_names() -> list[str]:
    """Names of every registered parser, sorted (no plugin module is imported)."""
    return _names("parser")


def exporter_names() -> list[str]:
    """Names of every registered exporter, sorted (no plugin module is imported)."""
    return _names("exporter")


def _winners(kind: Kind, only: str | None = None) -> Iterator[tuple[str, _Entry, Plugin]]:
    """Each name's working plugin (or name ``only``'s), in name order (broken ones skipped with a warning)."""
    for fmt in _names(kind) if only is None else [only]:
        found = _usable(_table(kind)[fmt])
        if found is None:
            _skip_warning(_table(kind)[fmt][0], cast(PluginError, _table(kind)[fmt][0].error))
            continue
        yield fmt, found[0], found[1]


# The built-in formats' extensions, so that resolving a file name imports no module but the one used
# (importing the eight parsers to read their extensions cost ~25 ms of a one-file conversion).
# tests/test_registry.py checks this table against the classes.
_BUILTIN_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "communique.parsers.text:TextParser": (".txt", ".text"),
    "communique.parsers.json:JsonParser": (".json",),
    "communique.parsers.pdf:PdfParser": (".pdf",),
    "communique.parsers.xml:XmlParser": (".xml",),
    "communique.parsers.nitf:NitfParser": (".nitf.xml", ".nitf"),
    "communique.parsers.newsml:NewsmlParser": (".newsml.xml", ".newsml"),
    "communique.parsers.docx:DocxParser": (".docx", ".docm", ".dotx"),
    "communique.parsers.html:HtmlParser": (".html", ".htm", ".xhtml"),
    "communique.exporters.json:JsonExporter": (".json",),
    "communique.exporters.pdf:PdfExporter": (".pdf",),
    "communique.exporters.xml:XmlExporter": (".xml",),
    "communique.exporters.nitf:NitfExporter": (".nitf.xml", ".nitf"),
    "communique.exporters.newsml:NewsmlExporter": (".newsml.xml", ".newsml"),
    "communique.exporters.docx:DocxExporter": (".docx",),
    "communique.exporters.html:HtmlExporter": (".html", ".htm"),
}


def _winner_extensions(kind: Kind) -> Iterator[tuple[str, _Entry, tuple[str, ...]]]:
    """Each name's plugin in use and its extensions, in name order (broken ones skipped with a warning).

    A built-in format not loaded yet is not imported for this: its extensions
    come from :data:`_BUILTIN_EXTENSIONS` (if it fails to load when used, the
    name falls back to the next candidate then, as any lookup does).
    """
    with _LOCK:
        for fmt in _names(kind):
            first = _table(kind)[fmt][0]
            static = _BUILTIN_EXTENSIONS.get(first.target) if first.distribution == BUILTIN_DISTRIBUTION else None
            if static is not None and first.plugin is None and first.error is None:
                yield fmt, first, static
                continue
            for name, entry, plugin in _winners(kind, only=fmt):
                yield name, entry, tuple(plugin.extensions)


def _by_extension(kind: Kind, path: str | os.PathLike[str]) -> str:
    filename = os.path.basename(os.fspath(path)).lower()
    best: tuple[int, int, str] | None = None
    with _LOCK:
        for fmt, entry, extensions in _winner_extensions(kind):
            for ext in extensions:
                if not filename.endswith(ext.lower()) or filename == ext.lower():
                    continue
                # Longest extension first (".nitf.xml" over ".xml"), then built-in, then name order.
                rank = (-len(ext), 0 if entry.distribution == BUILTIN_DISTRIBUTION else 1, fmt)
                if best is None or rank < best:
                    best = rank
    if best is None:
        known = ", ".join(sorted({e for f in formats(kind) for e in f.extensions if not f.shadowed_by})) or "none"
        raise FormatError(f"no {kind} for the file name {os.fspath(path)!r}; known extensions: {known}")
    return best[2]


def parser_for(path: str | os.PathLike[str]) -> str:
    """Name of the parser for a file name, from its extension."""
    return _by_extension("parser", path)


def exporter_for(path: str | os.PathLike[str]) -> str:
    """Name of the exporter for a file name, from its extension."""
    return _by_extension("exporter", path)


def sniff(head: bytes) -> str | None:
    """Name of the first parser whose ``sniff`` recognises ``head``, or ``None``.

    Parsers are asked in name order, the permissive ``text`` parser last; a
    broken parser, or one whose ``sniff`` raises, is skipped.
    """
    with _LOCK:
        order = sorted(_winners("parser"), key=lambda item: (item[0] == "text", item[0]))
    for fmt, _, plugin in order:
        try:
            if getattr(plugin, "sniff", None) is not None and plugin.sniff(head):  # type: ignore[union-attr]
                return fmt
        except Exception:  # a faulty sniff must not stop detection
            continue
    return None


def formats(kind: Kind | None = None, *, load: bool = True) -> list[FormatInfo]:
    """Describe every registered format, broken and shadowed ones included.

    Sorted by kind (parsers first), name, then precedence (the plugin in use
    first).  With ``load=False`` only entry-point metadata is read and no
    plugin module is imported; labels, extensions and options are then
    empty for plugins not used yet.  Listing never warns: broken plugins are
    reported through :attr:`FormatInfo.error`.
    """
    kinds: tuple[Kind, ...] = (_check_kind(kind),) if kind is not None else ("parser", "exporter")
    out: list[FormatInfo] = []
    with _LOCK:
        for k in kinds:
            table = _table(k)
            for name in sorted(table):
                candidates = table[name]
                if load:
                    for entry in candidates:
                        with contextlib.suppress(PluginError):
                            entry.load()
                in_use = next((e for e in candidates if e.plugin is not None), candidates[0])
                for entry in candidates:
                    plugin = entry.plugin
                    out.append(
                        FormatInfo(
                            name=name,
                            kind=k,
                            distribution=entry.distribution,
                            target=entry.target,
                            loaded=plugin is not None,
                            label=str(getattr(plugin, "label", "")) if plugin else "",
                            extensions=tuple(getattr(plugin, "extensions", ())) if plugin else (),
                            error=str(entry.error) if entry.error else None,
                            shadowed_by=in_use.distribution if entry is not in_use else None,
                            version=entry.version(),
                            media_type=str(getattr(plugin, "media_type", "")) if plugin else "",
                            options=tuple(getattr(plugin, "options", ())) if plugin else (),
                            api_version=getattr(plugin, "api_version", None) if plugin else None,
                        )
                    )
    return out


def register(plugin: P | type[P], *, kind: Kind | None = None) -> P:
    """Register a plugin object (or class) at run time, for this process only.

    It takes precedence over entry points of the same name, so a script can
    add or override a format without packaging it; see :func:`registered` to
    do so for one block.  It is checked against the protocol at once
    (``api_version`` may be omitted here) and a
    :class:`~communique.errors.PluginError` says what is wrong.  A second
    registration under the same name replaces the first.  Returns the
    registered instance.
    """
    obj, _, _ = _register(plugin, kind)
    return obj


def _register(plugin: P | type[P], kind: Kind | None) -> tuple[P, Kind, list[_Entry]]:
    try:
        obj = plugin() if isinstance(plugin, type) else plugin
    except Exception as exc:
        raise PluginError(f"cannot create {plugin!r}: {type(exc).__name__}: {exc}") from exc
    kind = kind if kind is not None else _infer_kind(obj)
    _check_kind(kind)
    entry = _Entry(
        name=str(getattr(obj, "name", None)),
        kind=kind,
        distribution=RUNTIME_DISTRIBUTION,
        target=f"{type(obj).__module__}:{type(obj).__qualname__}",
        runtime=True,
    )
    problems = plugin_problems(obj, kind, require_api_version=False)
    if problems:
        raise PluginError(f"cannot register {entry.where}: {'; '.join(problems)}", name=entry.name)
    entry.plugin = cast(Plugin, obj)
    with _LOCK:
        table = _table(kind).setdefault(entry.name, [])
        replaced = [e for e in table if e.runtime]
        table[:] = [entry, *(e for e in table if not e.runtime)]
        _REGISTRY.resolved.clear()
    return obj, kind, replaced


def _infer_kind(obj: object) -> Kind:
    renders = callable(getattr(obj, "render", None))
    parses = callable(getattr(obj, "parse", None))
    if isinstance(obj, Exporter) or (renders and not parses):
        return "exporter"
    if isinstance(obj, Parser) or (parses and not renders):
        return "parser"
    raise PluginError(f"cannot tell whether {obj!r} is a parser or an exporter; pass kind='parser' or kind='exporter'")


def unregister(name: str, *, kind: Kind) -> None:
    """Remove a run-time registration made with :func:`register` (entry points stay)."""
    kind = _check_kind(kind)
    with _LOCK:
        table = _table(kind)
        candidates = table.get(name.lower(), [])
        candidates[:] = [e for e in candidates if not e.runtime]
        if not candidates:
            table.pop(name.lower(), None)
        _REGISTRY.resolved.clear()


@contextlib.contextmanager
def registered(plugin: P | type[P], *, kind: Kind | None = None) -> Iterator[P]:
    """Register ``plugin`` for the duration of a ``with`` block, then restore what was there::

    with registry.registered(ShoutExporter):
        communique.write(release, "release.shout")
    """
    obj, resolved_kind, replaced = _register(plugin, kind)
    try:
        yield obj
    finally:
        with _LOCK:
            table = _table(resolved_kind)
            candidates = [*replaced, *(e for e in table.get(obj.name, []) if e.plugin is not obj)]
            candidates.sort(key=_precedence)
            if candidates:
                table[obj.name] = candidates
            else:
                table.pop(obj.name, None)
            _REGISTRY.resolved.clear()
