"""Converting archives: :func:`convert` turns many inputs into files, one :class:`ConversionResult` each.

The engine-independent work (planning output names, refusing collisions,
atomic all-or-nothing writes) lives in private modules; the engines run the
same tasks in this process, in worker processes or on a Dask cluster, so the
outputs are byte for byte the same whichever runs them.
"""

from __future__ import annotations

from ._convert import BESIDE, PARALLEL_FROM, Batch, Interrupted, convert, default_jobs
from ._result import ConversionResult, Status

__all__ = ["BESIDE", "PARALLEL_FROM", "Batch", "ConversionResult", "Interrupted", "Status", "convert", "default_jobs"]
