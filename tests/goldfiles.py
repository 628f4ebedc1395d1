"""The gold-file format, re-exported for the tests: it lives in :mod:`communique.bench.gold`.

``tests/parsers/test_text_gold.py`` and the dev tools import it from here; the
format, the field paths and the ``xfail`` rules are described in that module.
"""

from __future__ import annotations

from communique.bench.gold import (
    GOLD_SUFFIX,
    GoldFileError,
    Mismatch,
    Verdict,
    checked_paths,
    compare,
    covers,
    fixtures,
    format_expected,
    format_mismatch,
    format_verdict,
    gold_path,
    judge,
    load,
    validate,
)

from communique.bench import gold as _gold

__all__ = list(_gold.__all__)  # the same names, listed once in the module that defines them
