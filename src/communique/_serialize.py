"""The one wire form of a release: a cattrs converter and canonical JSON.

JSON files, the DOCX custom part and the PDF attachment all use
:func:`dumps` and :func:`loads`, so "canonical JSON" means one thing: UTF-8,
two-space indentation, keys in model order, ISO 8601 dates, a ``$schema``
marker and a ``schema_version`` checked on load.

Version 2 added ``quotes[].attendee``, ``quotes[].in_title``,
``quotes[].group`` and ``mentions``, and changed what ``quotes[].speaker``
means: in version 1 it was always the name of an attendee, in version 2 it is
the speaker's display string, who may be an attendee known only by role, or
no attendee at all.  A version-1 document is still read: it may not hold the
version-2 keys, and each of its speakers must be the name of an attendee,
which is then the quote's :attr:`~communique.model.Quote.attendee`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import cattrs
import orjson
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from .errors import MAX_PROBLEMS, ParseError, ValidationError
from .model import Attendee, Dates, Header, Paragraph, PressRelease, Quote

SCHEMA_VERSION = 2
"""Version of the wire form.  Bumped when a field changes meaning or is removed."""
READABLE_VERSIONS = (1, 2)
"""The versions :func:`from_dict` reads."""
_VERSION_2_QUOTE_KEYS = ("attendee", "in_title", "group")
SCHEMA_ID = f"urn:communique:schema:release:{SCHEMA_VERSION}"


def strict(kind: type) -> Any:
    """A structure hook that accepts exactly ``kind`` (no coercion of ``1`` to ``"1"``)."""

    def structure(value: Any, _: Any) -> Any:
        # cattrs would coerce "3" to 3 or 1 to "1"; a wire form that lies about types is an error.
        if type(value) is not kind:
            raise TypeError(f"expected {_json_type(kind)}, got {_json_type(type(value))}")
        return value

    return structure


def _strict_optional(kind: type) -> Any:
    """:func:`strict` for ``kind | None``, in one call (an optional field of each object goes through it)."""
    expected = f"expected {_json_type(kind)}, got "

    def structure(value: Any, _: Any) -> Any:
        if value is None or type(value) is kind:
            return value
        raise TypeError(expected + _json_type(type(value)))

    return structure


def _optional(structure: Any) -> Any:
    def structure_optional(value: Any, kind: Any) -> Any:
        return None if value is None else structure(value, kind)

    return structure_optional


def _json_type(kind: type) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }.get(kind, kind.__name__)


def _structure_date(value: Any, _: Any) -> _dt.date:
    if type(value) is not str:
        raise TypeError(f"expected a date string YYYY-MM-DD, got {_json_type(type(value))}")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def _structure_datetime(value: Any, _: Any) -> _dt.datetime:
    if type(value) is not str:
        raise TypeError(f"expected an ISO 8601 date-time string, got {_json_type(type(value))}")
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO 8601 date-time, got {value!r}") from None


def _structure_stamp(value: Any, _: Any) -> _dt.date:
    # A stamp with a time is a datetime; a bare YYYY-MM-DD is a date-only stamp (no invented midnight).
    if type(value) is not str:
        raise TypeError(f"expected an ISO 8601 date or date-time string, got {_json_type(type(value))}")
    if "T" not in value and " " not in value:
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected an ISO 8601 date or date-time, got {value!r}") from None
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO 8601 date or date-time, got {value!r}") from None


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    # Two converters with the same hooks: a fast one for the common case of
    # valid input, and a detailed one, run only after a failure, whose errors
    # carry the path of the offending field.
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, strict(kind))
    # Optional fields get one direct hook each; cattrs' generic Optional
    # dispatch was a third of the parse time.
    converter.register_structure_hook_func(lambda t: t == str | None, _strict_optional(str))
    converter.register_structure_hook_func(lambda t: t == int | None, _strict_optional(int))
    converter.register_structure_hook_func(lambda t: t == _dt.date | None, _optional(_structure_date))
    converter.register_structure_hook_func(lambda t: t == _dt.datetime | None, _optional(_structure_datetime))
    converter.register_structure_hook_func(lambda t: t == _dt.datetime | _dt.date | None, _optional(_structure_stamp))
    converter.register_structure_hook(_dt.date, _structure_date)
    converter.register_structure_hook(_dt.datetime, _structure_datetime)
    converter.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    converter.register_unstructure_hook(_dt.datetime, _dt.datetime.isoformat)
    # Order matters: hooks are generated when registered and capture the hooks
    # that exist then.  tuple[str, ...] first (Attendee.aliases needs it), then
    # the model classes, then the tuples of model classes that use them.
    converter.register_structure_hook_func(_is_tuple_of(str), _tuple_hook(converter, str, detailed=detailed))
    for model in (Header, Dates, Paragraph, Quote, Attendee):
        converter.register_structure_hook(model, _object_hook(converter, model))
    for cls in (Paragraph, Quote, Attendee):
        converter.register_structure_hook_func(_is_tuple_of(cls), _tuple_hook(converter, cls, detailed=detailed))
    return converter


def _object_hook(converter: cattrs.Converter, model: type) -> Any:
    # cattrs' generated hook assumes a mapping; a number or a list where an
    # object belongs would fail with Python's own words ("'int' is not iterable").
    generated: Any = converter.gen_structure_attrs_fromdict(model)

    def structure(value: Any, kind: Any) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object, got {_json_type(type(value))}")
        return generated(value, kind)

    return structure


def _is_tuple_of(cls: type) -> Any:
    wanted = tuple[cls, ...]  # type: ignore[valid-type]
    return lambda kind: kind == wanted


class _CappedErrors(IterableValidationError):
    """The first failures of an array, and how many later items failed too (:attr:`omitted`)."""

    omitted: int = 0


def _tuple_hook(converter: cattrs.Converter, cls: type, *, detailed: bool) -> Any:
    structure_item = converter.get_structure_hook(cls)
    # Past the first MAX_PROBLEMS failures, items are only counted, with the fast hook: a detailed
    # failure costs an exception tree per item (300,000 invalid paragraphs took 16 s and 1.3 GB).
    count_item = _fast.get_structure_hook(cls) if detailed else structure_item

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_json_type(type(value))}")
        if not detailed:
            return tuple([structure_item(item, cls) for item in value])
        items: list[Any] = []
        errors: list[Exception] = []
        omitted = 0
        for index, item in enumerate(value):
            if len(errors) >= MAX_PROBLEMS:
                try:
                    count_item(item, cls)
                except Exception:
                    omitted += 1
                continue
            try:
                items.append(structure_item(item, cls))
            except Exception as exc:
                exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ index {index}", index, cls)]
                errors.append(exc)
        if errors:
            error = _CappedErrors(f"while structuring {cls.__name__} items", errors, tuple)
            error.omitted = omitted
            raise error
        return tuple(items)

    return structure


_fast = _make_converter(detailed=False)
_detailed = _make_converter(detailed=True)  # after _fast: its array hooks count with _fast's


def to_dict(release: PressRelease) -> dict[str, Any]:
    """The release as plain JSON-ready data (the canonical JSON form, ``$schema`` and ``schema_version`` first).

    >>> import communique
    >>> r = communique.parse("A title\\n\\nA paragraph.\\n", "text")
    >>> communique.from_dict(communique.to_dict(r)) == r
    True
    """
    body: dict[str, Any] = _fast.unstructure(release)
    return {"$schema": SCHEMA_ID, "schema_version": SCHEMA_VERSION, **body}


def from_dict(data: Any, *, format: str = "json") -> PressRelease:
    """Build a release from :func:`to_dict` data, validated like the ``json`` parser's input.

    Raises :class:`~communique.errors.ParseError` naming the JSON path of the first problem.
    """
    if not isinstance(data, dict):
        raise ParseError(f"a release is a JSON object, not {_json_type(type(data))}", format=format)
    body = dict(data)
    marker = body.pop("$schema", None)
    version = body.pop("schema_version", None)
    if version is None:
        raise ParseError("missing 'schema_version': not a communique release", element="$", format=format)
    if type(version) is not int:
        raise ParseError(
            f"'schema_version' must be an integer, not {version!r}", element="schema_version", format=format
        )
    if version > SCHEMA_VERSION:
        raise ParseError(
            f"schema_version {version} is newer than this communique understands ({SCHEMA_VERSION}); upgrade communique",
            element="schema_version",
            format=format,
        )
    if version < 1:
        raise ParseError(f"schema_version {version} is not valid", element="schema_version", format=format)
    if marker is not None and not (isinstance(marker, str) and marker.startswith("urn:communique:schema:release:")):
        raise ParseError(f"'$schema' {marker!r} is not a communique release schema", element="$schema", format=format)
    if version == 1:
        _refuse_version_2_keys(body, format)
    try:
        release = _fast.structure(body, PressRelease)
    except Exception:
        pass
    else:
        if version == 1:
            _check_version_1_speakers(release, format)
        return release
    try:
        release = _detailed.structure(body, PressRelease)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        found = _problems(exc)
        problems = [ParseError(message, element=where, format=format) for where, message in found[:MAX_PROBLEMS]]
        raise ParseError.collect(problems, total=len(found) + _omitted(exc)) from None
    except ValidationError as exc:
        raise ParseError(exc.message, element=exc.path, format=format) from None
    return release  # pragma: no cover - the fast converter failed, so the detailed one does too


def _refuse_version_2_keys(body: dict[str, Any], format: str) -> None:
    """A version-1 document holds none of the keys version 2 added."""
    if "mentions" in body:
        raise ParseError("unknown field(s): mentions (added in schema_version 2)", element="$", format=format)
    quotes = body.get("quotes")
    if type(quotes) is not list:
        return  # the converter reports it
    for i, quote in enumerate(quotes):
        if type(quote) is dict:
            added = [key for key in _VERSION_2_QUOTE_KEYS if key in quote]
            if added:
                raise ParseError(
                    f"unknown field(s): {', '.join(sorted(added))} (added in schema_version 2)",
                    element=f"quotes[{i}]",
                    format=format,
                )


def _check_version_1_speakers(release: PressRelease, format: str) -> None:
    """In version 1 a speaker is the name of an attendee (and so is linked to it by the model)."""
    for i, quote in enumerate(release.quotes):
        if quote.speaker is not None and quote.attendee is None:
            raise ParseError(
                f"{quote.speaker!r} is not the name of an attendee (required in schema_version 1)",
                element=f"quotes[{i}].speaker",
                format=format,
            )


def failures(exc: BaseException, path: str = "") -> list[tuple[str, BaseException]]:
    """The path (``quotes[2].speaker``, ``""`` for the root) and leaf exception of every failure in a cattrs error tree."""
    if not isinstance(exc, (ClassValidationError, IterableValidationError)):
        return [(path, exc)]
    found: list[tuple[str, BaseException]] = []
    for sub in exc.exceptions:
        sub_path = path
        for note in getattr(sub, "__notes__", []):
            if isinstance(note, AttributeValidationNote):
                sub_path = f"{path}.{note.name}" if path else note.name
            elif isinstance(note, IterableValidationNote):
                sub_path = f"{path}[{note.index}]"
        found.extend(failures(sub, sub_path))
    return found


def _omitted(exc: BaseException) -> int:
    """How many failing array items were counted but not described, in the whole error tree."""
    if not isinstance(exc, (ClassValidationError, IterableValidationError)):
        return 0
    return getattr(exc, "omitted", 0) + sum(_omitted(sub) for sub in exc.exceptions)


def _problems(exc: BaseException) -> list[tuple[str, str]]:
    """The JSON path and message of every leaf failure inside a cattrs error tree."""
    out: list[tuple[str, str]] = []
    for path, leaf in failures(exc):
        if isinstance(leaf, ForbiddenExtraKeysError):
            out.append((path or "$", f"unknown field(s): {', '.join(sorted(leaf.extra_fields))}"))
        elif isinstance(leaf, KeyError):
            out.append((path or "$", "required field is missing"))
        elif isinstance(leaf, ValidationError):
            if not leaf.path:
                out.append((path or "$", leaf.message))
            else:
                joiner = "" if not path or leaf.path.startswith("[") else "."
                out.append((f"{path}{joiner}{leaf.path}", leaf.message))
        else:
            out.append((path or "$", str(leaf)))
    return out


def dumps(release: PressRelease) -> bytes:
    """Canonical JSON bytes of a release (deterministic, newline-terminated)."""
    return orjson.dumps(to_dict(release), option=orjson.OPT_INDENT_2) + b"\n"


def loads(data: bytes | str, *, format: str = "json") -> PressRelease:
    """Parse canonical JSON back into a release."""
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", line=exc.lineno, column=exc.colno, format=format) from None
    _refuse_duplicate_keys(data, obj, format)
    return from_dict(obj, format=format)


class _Duplicate(dict[str, Any]):
    """An object that repeats a key (built by the exact check only)."""

    key = ""


def _refuse_duplicate_keys(data: bytes | str, obj: Any, format: str) -> None:
    """Refuse an object that repeats a key: JSON parsers keep the last one silently (RFC 8259 §4).

    Cheap for what communique writes: canonical JSON serialises back to its
    own bytes, which a document repeating a key cannot.  Otherwise every key
    of a document is followed by ``":``, so when that pair occurs exactly as
    often as there are keys in the parsed objects, no key can repeat.  Failing
    both (other spacing, a ``":`` inside a string, a real duplicate) the
    standard library parses the text again, keeping every key.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    # Quickest for what communique writes: a document that serialises back to exactly its own
    # bytes holds no repeated key (a repeated key would be missing from the serialised form).
    try:
        canonical = orjson.dumps(obj, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:
        canonical = b""
    if canonical and raw.startswith(canonical) and raw[len(canonical) :] in (b"", b"\n"):
        return
    if raw.count(b'":') == _key_count(obj):
        return
    import json

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                duplicate = _Duplicate(out)
                duplicate.key = key
                return duplicate
            out[key] = value
        return out

    try:
        checked = json.loads(raw, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return  # orjson read it; a disagreement on syntax is not a duplicate
    found = _find_duplicate(checked, "")
    if found is None:
        return
    path, key = found
    where = f"{path}.{key}" if path else key
    raise ParseError(
        f"duplicate key {key!r}: an object may hold a key once (a reader would silently keep only the last)",
        element=where,
        line=_key_line(raw, where),
        format=format,
    )


def _key_count(obj: Any) -> int:
    count = 0
    stack = [obj]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            count += len(item)
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
    return count


def _find_duplicate(obj: Any, path: str) -> tuple[str, str] | None:
    """The path and key of the first object (in document order) that repeats a key."""
    if isinstance(obj, _Duplicate):
        return path, obj.key
    items: Any = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    for key, value in items:
        sub = f"{path}[{key}]" if isinstance(key, int) else (f"{path}.{key}" if path else key)
        found = _find_duplicate(value, sub)
        if found is not None:
            return found
    return None


def _key_line(raw: bytes, where: str) -> int | None:
    """The line of the repeated key, found by following the path's keys (not through arrays)."""
    if "[" in where:
        return None
    import re

    *parents, key = where.split(".")
    position = 0
    for name in parents:
        found = re.compile(rb'"' + re.escape(name.encode()) + rb'"\s*:').search(raw, position)
        if found is None:
            return None
        position = found.end()
    hits = list(re.compile(rb'"' + re.escape(key.encode()) + rb'"\s*:').finditer(raw, position))
    return raw.count(b"\n", 0, hits[1].start()) + 1 if len(hits) > 1 else None
