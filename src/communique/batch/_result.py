"""What :func:`communique.convert` yields: one :class:`ConversionResult` per input."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from ..errors import CommuniqueError

__all__ = ["ConversionResult", "Status"]


class Status(enum.StrEnum):
    """How an input ended (a ``str``: ``Status.OK == "ok"``)."""

    OK = "ok"
    """Every output was written (or, with ``output=None``, rendered into :attr:`ConversionResult.data`)."""
    FAILED = "failed"
    """Nothing was written for this input; :attr:`ConversionResult.error` says why."""
    SKIPPED = "skipped"
    """Not converted on purpose: an output already exists (without ``overwrite``), or not a regular file."""


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return dict(value or {})


@frozen(kw_only=True)
class ConversionResult:
    """The outcome of one input of a batch, final when it is yielded (its files are on disk or not at all).

    ``input`` names the input as given (a path, or the name of a ``(name, bytes)``
    pair); ``outputs`` are the paths written, in the order the formats were asked
    for; ``data`` holds the rendered bytes per format when ``output=None``.
    ``message`` is the one-line text the command line prints for a failure or a
    skip; ``error`` the :class:`~communique.errors.CommuniqueError` of a failure.
    ``timings`` are seconds spent reading, rendering and writing this input.
    """

    index: int
    """Position of the input in the batch (results are in this order with ``ordered=True``)."""
    input: str
    status: Status = field(converter=Status)
    outputs: tuple[str, ...] = field(default=(), converter=_strings)
    error: CommuniqueError | None = None
    message: str | None = None
    warnings: tuple[str, ...] = field(default=(), converter=_strings)
    """Warnings issued while converting this input, one line each, naming it."""
    data: Mapping[str, bytes] = field(factory=dict, converter=_frozen_mapping, repr=False)
    timings: Mapping[str, float] = field(factory=dict, converter=_frozen_mapping)
    """Seconds per phase: ``read``, ``render``, ``write`` (the phases this input went through)."""
    traceback: str | None = field(default=None, repr=False)
    """The formatted traceback of a failure (the command line prints it with ``--debug``)."""

    @property
    def ok(self) -> bool:
        """``True`` when the input was converted."""
        return self.status is Status.OK

    @property
    def elapsed(self) -> float:
        """Seconds spent on this input (the sum of :attr:`timings`)."""
        return sum(self.timings.values())

    def as_record(self) -> dict[str, Any]:
        """The input as one JSON-ready record (what ``communique convert --report FILE`` writes per line)."""
        return {
            "input": self.input,
            "status": str(self.status),
            "outputs": list(self.outputs),
            "error": self.message if self.status is not Status.OK else None,
            "error_type": type(self.error).__name__ if self.error is not None else None,
            "warnings": list(self.warnings),
            "ms": round(self.elapsed * 1000, 3),
            "timings_ms": {k: round(v * 1000, 3) for k, v in self.timings.items()},
        }
