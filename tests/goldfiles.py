"""The gold-file format, re-exported for the tests: it lives in :mod:`communique.bench.gold`.

``tests/parsers/test_text_gold.py`` and the dev tools import it from here; the
format, the field paths and the ``xfail`` rules are described in that module.
"""

from __future__ import annotations

from communique.bench.gold import *  # noqa: F403 - this file only points the tests at the format's module
from communique.bench.gold import __all__  # noqa: F401 - the same names, listed once where they are defined
