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

_ROLE = re.compile(r":(?:func|class|mod|attr|meth|data|exc|obj|const|py:\w+):`~?([^`]+)`")


def _fence(block: list[str], lang: str) -> list[str]:
    body = textwrap.dedent("\n".join(block)).strip("\n")
    return ["", f"```{lang}", *body.splitlines(), "```", ""]


def _inline(line: str) -> str:
    line = _ROLE.sub(lambda m: f"`{m.group(1).split('.')[-1] if m.group(0).count('~') else m.group(1)}`", line)
    return line.replace("``", "`")


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
