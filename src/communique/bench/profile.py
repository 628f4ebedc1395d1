"""Where the time goes: cProfile of each operation on one release.

``python -m communique.bench --profile`` prints, per operation, the functions
with the largest share of the operation's own time (``tottime``) and the
cumulative share of the communique functions, so a format's owner sees which
function to make faster.
"""

from __future__ import annotations

import cProfile
import pstats
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .corpus import Case
from .measure import Op, Unavailable, prepare

__all__ = ["profile_op", "profile_ops", "render_profiles"]


def _where(key: tuple[str, int, str]) -> str:
    filename, line, func = key
    if filename == "~":
        return func  # a builtin, e.g. "<method 'sub' of 're.Pattern' objects>"
    path = Path(filename)
    parts = path.parts
    if "communique" in parts:
        short = "/".join(parts[len(parts) - 1 - parts[::-1].index("communique") :])
    elif "site-packages" in parts or "dist-packages" in parts:
        cut = parts.index("site-packages") if "site-packages" in parts else parts.index("dist-packages")
        short = "/".join(parts[cut + 1 :])
    else:
        short = path.name
    return f"{short}:{line}({func})"


def profile_op(fn: Callable[[], object], seconds: float = 1.0, top: int = 12) -> dict[str, Any]:
    """Profile repeated calls of ``fn`` for about ``seconds``; the top functions by own and cumulative time."""
    fn()  # warm-up: lazy imports and caches are not what a batch pays per release
    profiler = cProfile.Profile()
    calls = 0
    deadline = time.perf_counter() + seconds
    profiler.enable()
    while calls < 3 or time.perf_counter() < deadline:
        fn()
        calls += 1
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in raw.values()) or 1e-12
    own = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    ours = [kv for kv in raw.items() if "/communique/" in kv[0][0] and "/bench/" not in kv[0][0]]
    cumulative = sorted(ours, key=lambda kv: kv[1][3], reverse=True)[:top]
    return {
        "calls": calls,
        "total_s": total,
        "per_call_us": total / calls * 1e6,
        "own": [{"function": _where(k), "share": v[2] / total, "ncalls_per_release": v[1] / calls} for k, v in own],
        "cumulative": [
            {"function": _where(k), "share": min(v[3] / total, 1.0), "ncalls_per_release": v[1] / calls}
            for k, v in cumulative
        ],
    }


def profile_ops(
    ops: Sequence[Op], case: Case, seconds: float, progress: Callable[[str], None] = lambda _: None
) -> dict[str, dict[str, Any]]:
    """:func:`profile_op` for every operation on ``case`` (operations that cannot run are left out)."""
    out: dict[str, dict[str, Any]] = {}
    for op in ops:
        progress(f"profile · {op.name} · {case.id}")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fn, _ = prepare(op, case)
                out[op.name] = {"case": case.id, **profile_op(fn, seconds)}
        except Unavailable:
            continue
    return out


def render_profiles(profiles: dict[str, dict[str, Any]], top: int = 8) -> str:
    """The profiles as plain text: per operation, the top functions by own time, then communique's by cumulative."""
    blocks: list[str] = []
    for name, p in profiles.items():
        lines = [f"{name} on {p['case']}: {p['per_call_us']:,.0f} µs per release under cProfile ({p['calls']} calls)"]
        lines.append("  own time:")
        lines += [f"    {row['share']:6.1%}  {row['function']}" for row in p["own"][:top]]
        lines.append("  cumulative (communique functions):")
        lines += [f"    {row['share']:6.1%}  {row['function']}" for row in p["cumulative"][:top]]
        blocks.append("\n".join(lines))
    return "Profiles\n========\n" + "\n\n".join(blocks) + "\n"
