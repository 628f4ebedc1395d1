"""Griffe extension: communique's reST-flavoured docstrings, shown as Markdown.

The docstrings are written for ``help()`` and Sphinx habits: ``double
backticks``, roles such as ``:func:`read```, and ``::`` literal blocks.
mkdocstrings renders docstring text as Markdown, where those show up raw, so
this extension rewrites them before rendering.  Roles become inline code
rather than links because many targets (``attrs.evolve``) are outside this
site and an unresolved cross-reference would fail a ``--strict`` build.
Field lists (``:param x:``) are left for griffe's Sphinx parser.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import griffe

_BORDER = re.compile(r"^\s*=+(?: +=+)+\s*$")
_ROLE = re.compile(r":(?:func|class|mod|attr|meth|data|exc|obj|const|py:\w+):`~?([^`]+)`")


def _fence(block: list[str], lang: str) -> list[str]:
    body = textwrap.dedent("\n".join(block)).strip("\n")
    return ["", f"```{lang}", *body.splitlines(), "```", ""]


def _inline(line: str) -> str:
    line = _ROLE.sub(lambda m: f"`{m.group(1).split('.')[-1] if m.group(0).count('~') else m.group(1)}`", line)
    return line.replace("``", "`")


def _simple_table(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A reST simple table (``====  ====`` borders) starting at ``lines[i]`` as a Markdown table.

    Returns the Markdown lines and the index after the table, or ``None`` when
    the border does not open a complete table.
    """
    border = lines[i]
    starts = [m.start() for m in re.finditer(r"=+", border)]
    rows: list[list[str]] = []
    header_rows = 0
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if _BORDER.match(line):
            if header_rows == 0 and rows:
                header_rows = len(rows)
                j += 1
                continue
            j += 1
            break
        if not line.strip():
            j += 1
            continue
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        if rows and not cells[0] and (header_rows == 0 or len(rows) > header_rows):
            # A continuation line: its text belongs to the cells of the row above.
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
        j += 1
    else:
        return None
    if not header_rows:
        return None
    head, body = rows[:header_rows], rows[header_rows:]
    heading = [" ".join(c for c in column if c) for column in zip(*head, strict=True)]
    out = ["", "| " + " | ".join(_inline(c) for c in heading) + " |", "|" + "---|" * len(heading)]
    out += ["| " + " | ".join(_inline(c) for c in row) + " |" for row in body]
    return [*out, ""], j


def rest_to_markdown(text: str) -> str:
    """Rewrite reST inline markup, literal blocks and doctest paragraphs as Markdown."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            out.append(line)
            i += 1
            continue
        if in_fence:
            out.append(line)
            i += 1
            continue
        if _BORDER.match(line):
            table = _simple_table(lines, i)
            if table is not None:
                out.extend(table[0])
                i = table[1]
                continue
        stripped = line.rstrip()
        if stripped.endswith("::") and not stripped.lstrip().startswith(":"):
            # "Text::" keeps one colon; a lone "::" line or "text ::" keeps none.
            lead = stripped[:-3] if stripped.endswith(" ::") else stripped[:-1]
            if lead.strip():
                out.append(_inline(lead))
            block: list[str] = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i][:1] in (" ", "\t")):
                block.append(lines[i])
                i += 1
            lang = "pycon" if block and any(b.lstrip().startswith(">>>") for b in block) else "python"
            out.extend(_fence(block, lang))
            continue
        if stripped.lstrip().startswith(">>>"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            out.extend(_fence(block, "pycon"))
            continue
        out.append(_inline(line))
        i += 1
    return "\n".join(out)


class RestDocstrings(griffe.Extension):
    """Convert every docstring of the loaded package once the tree is complete."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and not obj.is_alias:
            obj.docstring.value = rest_to_markdown(obj.docstring.value)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        # The top-level package does not go through on_object; the rewrite is idempotent anyway.
        self.on_object(obj=pkg)
