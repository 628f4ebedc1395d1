"""Benchmarks of communique: throughput, scaling, memory, and pandoc side by side.

Run ``python -m communique.bench`` (``--quick`` for the small CI corpus,
``--json out.json`` to keep the figures).  See ``docs/benchmarks.md`` for what
each row means and the targets.

This package is a development tool: ``import communique`` never imports it,
and it measures whatever formats the registry lists at the time it runs.
"""

from __future__ import annotations

__all__: list[str] = []
