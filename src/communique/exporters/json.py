"""``json`` exporter: the canonical JSON form of a release."""

from __future__ import annotations

from typing import Any

from ..model import PressRelease
from ..plugins import Exporter


class JsonExporter(Exporter):
    """Canonical JSON: UTF-8, keys in model order, ISO 8601 dates, schema marker."""

    name = "json"
    label = "JSON (communique schema)"
    extensions = (".json",)
    media_type = "application/json"

    def render(self, release: PressRelease, **options: Any) -> bytes:
        from .._serialize import dumps

        return dumps(release)
