"""pandoc side by side: the same releases as Markdown, one pandoc process per release.

pandoc users convert a file per process (``pandoc in.md -o out.docx``), so that
is what is timed: the wall time of one ``pandoc`` process, median of several
runs, per release.  communique's figure beside it is the in-process ``text →
docx`` (or ``text → json``) time of the same release, and the ratio of the two
throughputs is printed.  For a like-for-like process count, the ``communique
convert`` command, one process per release, is timed too.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from ._proc import child_env
from .corpus import Case
from .measure import Budget, Metric, Result, Target, Unavailable, judged, model_of, time_call

__all__ = ["PANDOC_TARGETS", "communique_command", "compare_with_pandoc", "pandoc_version", "to_markdown"]

PANDOC_TARGETS: dict[str, Target] = {
    "docx": Target("ratio", ">=", 10, "≥ 10× pandoc"),
    "json": Target("ratio", ">=", 20, "≥ 20× pandoc"),
}
"""Targets on the founding sample: communique's releases/s over pandoc's."""


def pandoc_version() -> str | None:
    """``pandoc X.Y`` when pandoc is on the ``PATH``, else ``None``."""
    exe = shutil.which("pandoc")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return out.splitlines()[0].strip() if out else "pandoc"


def _md_escape(text: str) -> str:
    # Enough for prose: pandoc must not read emphasis, tables or raw HTML into it.
    for char in "\\*_`<>[]|#":
        text = text.replace(char, "\\" + char)
    return text


def to_markdown(release: object) -> str:
    """The release as pandoc Markdown: title, date line, paragraphs and the attendee table."""
    from ..model import PressRelease

    assert isinstance(release, PressRelease)
    language = release.header.language
    lines = [f"# {_md_escape(release.header.title)}", ""]
    try:
        from ..locale import format_date_line, labels

        date_line = format_date_line(release.dates, language)
        heading = labels(language).attendees
    except ImportError:
        date_line = " – ".join(d.isoformat() for d in (release.dates.start, release.dates.end) if d)
        heading = "Participants" if language.startswith("fr") else "Attendees"
    if date_line:
        lines += [f"*{_md_escape(date_line)}*", ""]
    for i, paragraph in enumerate(release.paragraphs):
        text = paragraph.text
        if i == 0 and release.header.dateline:
            text = f"{release.header.dateline} – {text}"
        lines += [_md_escape(text), ""]
    if release.attendees:
        lines += [f"## {heading}", "", "| Name | Rank | Role | Organisation | Country |", "|---|---|---|---|---|"]
        for a in release.attendees:
            cells = (a.name, a.rank, a.role, a.organization, a.country)
            lines.append("| " + " | ".join(_md_escape(c or "") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _wall(argv: Sequence[str], runs: int, cwd: str) -> float:
    """Median wall seconds of ``runs`` runs of ``argv`` (after one warm-up run when ``runs`` > 1)."""
    times: list[float] = []
    warm = 1 if runs > 1 else 0
    for i in range(runs + warm):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=300, check=False, env=child_env())
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise Unavailable(f"{argv[0]} exited with {done.returncode}: {message[-1] if message else ''}")
        if i >= warm:
            times.append(elapsed)
    return statistics.median(times)


def communique_command() -> list[str]:
    """How to run the ``communique`` command with this interpreter."""
    script = Path(sys.executable).with_name("communique")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("communique")
    if found:
        return [found]
    return [sys.executable, "-m", "communique"]


def compare_with_pandoc(
    cases: Sequence[Case],
    budget: Budget,
    runs: int,
    cli_per_process: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> list[Result]:
    """pandoc's releases/s on each case (Markdown → docx and → json) beside communique's ``text →`` figure."""
    import communique

    exe = shutil.which("pandoc")
    if exe is None:
        return [Result("pandoc", "pandoc", "", {}, None, "skipped", "pandoc is not installed")]
    exporters = set(communique.exporter_names())
    has_cli = cli_per_process and _has_cli()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        for case in cases:
            try:
                release = model_of(case)
            except Unavailable as exc:
                results.append(Result("pandoc", "pandoc", case.id, {}, None, "error", str(exc)))
                continue
            md = Path(tmp, f"{case.id}.md")
            md.write_text(to_markdown(release), encoding="utf-8")
            txt = Path(tmp, f"{case.id}.txt")
            txt.write_text(case.text, encoding="utf-8")
            for fmt in ("docx", "json"):
                name = f"text → {fmt} vs pandoc"
                target = PANDOC_TARGETS[fmt] if case.id == "sample-fr" else None
                if fmt not in exporters:
                    results.append(Result("pandoc", name, case.id, {}, target, "error", f"no {fmt} exporter"))
                    continue
                progress(f"pandoc · {fmt} · {case.id}")
                out = Path(tmp, f"{case.id}.pandoc.{fmt}")
                try:
                    pandoc_s = _wall([exe, "-f", "markdown", "-t", fmt, "-o", str(out), str(md)], runs, tmp)
                    ours = _ours(case.text, fmt, budget)
                except Unavailable as exc:
                    results.append(Result("pandoc", name, case.id, {}, target, "error", str(exc)))
                    continue
                metrics: dict[str, Metric] = {
                    "communique_releases_per_s": 1 / ours,
                    "communique_us_per_release": ours * 1e6,
                    "pandoc_releases_per_s": 1 / pandoc_s,
                    "pandoc_ms_per_release": pandoc_s * 1e3,
                    "ratio": pandoc_s / ours,
                    "pandoc_runs": runs,
                }
                if has_cli:
                    # The like-for-like figure: one communique process per release, as with pandoc.
                    outdir = Path(tmp, "cli-out")
                    argv = [*communique_command(), "convert", str(txt), "--to", fmt, "-o", str(outdir)]
                    try:
                        cli_s = _wall([*argv, "--overwrite", "-q"], runs, tmp)
                        metrics["cli_process_ms_per_release"] = cli_s * 1e3
                        metrics["cli_process_ratio"] = pandoc_s / cli_s
                    except Unavailable as exc:
                        metrics["cli_process_error"] = str(exc)
                results.append(judged(Result("pandoc", name, case.id, metrics, target)))
    return results


def _ours(text: str, fmt: str, budget: Budget) -> float:
    import communique

    def convert() -> bytes:
        return communique.render(communique.parse(text, "text"), fmt)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return time_call(convert, budget).median
    except communique.CommuniqueError as exc:
        raise Unavailable(f"{type(exc).__name__}: {exc}") from exc


def _has_cli() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("communique.cli") is not None
    except ImportError:
        return False
