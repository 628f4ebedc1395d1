"""The one exception hierarchy of communique.

Every failure the library reports is a :class:`CommuniqueError`; callers can
catch that single class.  Subclasses carry where the problem is: parse errors
name the source and line/column/element, validation errors the field path,
plugin errors the distribution that provides the plugin.
"""

from __future__ import annotations

__all__ = [
    "MAX_PROBLEMS",
    "AttendeeNotFound",
    "CommuniqueError",
    "CommuniqueWarning",
    "FormatError",
    "LanguagePackError",
    "OptionError",
    "OutputError",
    "ParseError",
    "PluginError",
    "RenderError",
    "ValidationError",
]


MAX_PROBLEMS = 50
"""At most this many problems are collected and listed for one input (schema and JSON validation);
the rest are counted (:attr:`ParseError.omitted`), so a document with a million invalid
elements costs no more to report than one with fifty."""


class CommuniqueError(Exception):
    """Base class of every error raised by communique."""


class CommuniqueWarning(UserWarning):
    """Base class of every warning issued by communique (e.g. stripped characters)."""


class ValidationError(CommuniqueError, ValueError):
    """A model value breaks an invariant.

    ``path`` names the offending field, e.g. ``quotes[2].speaker``.
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled as it was made (a batch result carries it across processes and machines).
        return (type(self), (self.path, self.message), self.__dict__)

    def under(self, prefix: str) -> ValidationError:
        """Return the same error with its path nested under ``prefix``."""
        path = f"{prefix}.{self.path}" if self.path and not self.path.startswith("[") else f"{prefix}{self.path}"
        return ValidationError(path, self.message)


class ParseError(CommuniqueError, ValueError):
    """Input could not be read as a press release.

    Carries what is known about the location: ``source`` (file name or
    ``None``), ``line`` and ``column`` (1-based), ``element`` (XML element or
    JSON path) and ``format``.  When a validator found several problems at
    once, the error is the first and :attr:`problems` lists them (at most
    :data:`MAX_PROBLEMS`, then one closing "and N more problems" entry;
    :attr:`omitted` is N).
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        element: str | None = None,
        format: str | None = None,
        more: tuple[ParseError, ...] = (),
        omitted: int = 0,
    ) -> None:
        self.message = message
        self.more = more
        self.omitted = omitted
        self.source = source
        self.line = line
        self.column = column
        self.element = element
        self.format = format
        super().__init__(message)

    def __str__(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}" + (f", column {self.column}" if self.column is not None else ""))
        if self.element:
            where.append(self.element)
        return f"{': '.join(where)}: {self.message}" if where else self.message

    @property
    def problems(self) -> tuple[ParseError, ...]:
        """Every problem found, this one first (``communique validate`` prints them all)."""
        return (self, *self.more)

    @property
    def count(self) -> int:
        """How many problems were found in all: this one, the others listed and the ones only counted."""
        # When problems were omitted, the last of `more` is the "and N more problems" entry.
        return 1 + len(self.more) - (1 if self.omitted else 0) + self.omitted

    def summary(self) -> str:
        """``str(self)``, followed by "(and N more problems)" when there are others."""
        others = self.count - 1
        return f"{self} (and {others:,} more problem{'s' if others > 1 else ''})" if others else str(self)

    @classmethod
    def collect(cls, problems: list[ParseError], total: int | None = None) -> ParseError:
        """The first of ``problems`` carrying the others, capped at :data:`MAX_PROBLEMS`.

        ``total`` is how many problems there are in all when only some were
        collected; the ones not listed are counted in :attr:`omitted` and
        named by a closing "and N more problems" entry.
        """
        total = len(problems) if total is None else max(total, len(problems))
        listed = problems[:MAX_PROBLEMS]
        first, *more = listed
        omitted = total - len(listed)
        if omitted:
            more.append(
                cls(
                    f"and {omitted:,} more problems (only the first {MAX_PROBLEMS} are listed)",
                    source=first.source,
                    format=first.format,
                )
            )
        first.more = tuple(more)
        first.omitted = omitted
        return first

    def with_source(self, source: str) -> ParseError:
        """Fill in the source name if it is not known yet (returns ``self``)."""
        for problem in self.problems:
            if problem.source is None:
                problem.source = source
        return self


class AttendeeNotFound(CommuniqueError, KeyError):
    """:meth:`PressRelease.attendee` found nobody by that name or alias (also a ``KeyError``)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"no attendee is named or known as {self.name!r}"

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (type(self), (self.name,))


class RenderError(CommuniqueError):
    """A release cannot be written in the requested format (e.g. a character no font has)."""

    def __init__(self, message: str, *, path: str | None = None, format: str | None = None) -> None:
        self.message = message
        self.path = path
        self.format = format
        super().__init__(f"{path}: {message}" if path else message)


class FormatError(CommuniqueError, LookupError):
    """No parser or exporter is known under that name or file extension."""


class OptionError(CommuniqueError, TypeError):
    """An exporter or parser option is unknown or has a wrong value."""


class PluginError(CommuniqueError):
    """A plugin could not be loaded or does not satisfy the plugin protocol.

    ``distribution`` names the installed package that provides it.
    """

    def __init__(self, message: str, *, distribution: str | None = None, name: str | None = None) -> None:
        self.distribution = distribution
        self.name = name
        super().__init__(message)


class LanguagePackError(CommuniqueError):
    """A language pack (``communique/data/<lang>.toml``) is malformed.

    ``file`` is the pack's file name and ``key`` the dotted path of the
    offending key (``people.rankz``), when known.
    """

    def __init__(self, message: str, *, file: str, key: str | None = None) -> None:
        self.message = message
        self.file = file
        self.key = key
        super().__init__(f"{file}: {key}: {message}" if key else f"{file}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_language_pack_error, (self.message, self.file, self.key), self.__dict__)


def _language_pack_error(message: str, file: str, key: str | None) -> LanguagePackError:
    return LanguagePackError(message, file=file, key=key)


class OutputError(CommuniqueError, OSError):
    """An output file could not be written (exists, would overwrite the input, I/O failure)."""
