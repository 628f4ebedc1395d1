"""The text extraction's cost grows linearly with hostile shapes of text (ratios, not wall-clock bounds).

Each shape once made the parser quadratic: one paragraph of thousands of quotations without a
sentence end, a capitalised run thousands of words long, thousands of heading-like lines.
Parsing four times the text may take at most eight times as long (quadratic would be sixteen).
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable

import pytest

import communique

_QUOTE = " « Nous sommes prêts », a déclaré le général Jean Dupont, et que"
_CAPS = " de la République"
_BODY = "\n\nBelgrade – Le général Jean Dupont a rencontré les chefs d’état-major de la région pour une réunion.\n"


def _elapsed(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            communique.parse(text, "text")
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda n: "Titre\n\nLe ministre a dit" + _QUOTE * n + " fin.\n", id="quotations in one sentence"),
        pytest.param(lambda n: "Titre\n\nLe général Dupont" + _CAPS * n + " a parlé.\n", id="a long capitalised run"),
        pytest.param(lambda n: "".join(f"LIGNE NUMERO {i} DU MENU\n" for i in range(n)) + _BODY, id="heading lines"),
    ],
)
def test_four_times_the_text_costs_at_most_eight_times_the_time(shape: Callable[[int], str]) -> None:
    communique.parse("Titre\n\nUn paragraphe de texte courant pour charger les règles.\n", "text")
    small, large = _elapsed(shape(500)), _elapsed(shape(2000))
    assert large < 8 * small + 0.05, f"{small:.3f} s → {large:.3f} s"
