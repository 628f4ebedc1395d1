"""A Markdown exporter for communique: ``communique convert release.txt --to markdown``.

This module is what the entry point names, and communique imports it just to
read the class attributes below (``communique formats`` lists the extensions
that way).  So it stays light: it imports nothing but ``communique.plugins``,
and the work happens in :mod:`communique_markdown._render`, imported on the
first call to :meth:`MarkdownExporter.render`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from communique.plugins import Exporter, Option

if TYPE_CHECKING:
    from communique.model import PressRelease

__all__ = ["MarkdownExporter"]
__version__ = "1.0.0"


class MarkdownExporter(Exporter):
    """GitHub-flavoured Markdown: title, date line, dateline, paragraphs with quotes, attendees table."""

    name = "markdown"
    label = "Markdown (GitHub flavour)"
    extensions = (".md", ".markdown")
    media_type = "text/markdown"
    api_version = 1
    options = (
        Option("quotes", str, "emphasis", "how quoted words are marked", choices=("emphasis", "plain")),
        Option("attendees", bool, True, "end with the table of attendees"),
    )

    def render(self, release: PressRelease, *, quotes: str = "emphasis", attendees: bool = True, **_: Any) -> bytes:
        """Return the release as UTF-8 Markdown (deterministic: same release, same bytes)."""
        from ._render import render_markdown

        return render_markdown(release, emphasise_quotes=quotes == "emphasis", attendees=attendees).encode("utf-8")
