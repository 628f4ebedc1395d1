"""Documents of ours whose embedded copy of the release is replaced (DOCX custom part, PDF attachment)."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from builders import release
from communique import render

ATTACHMENT = "communique-release.json"
ITEM = "customXml/item1.xml"


def with_embedded(fmt: str, payload: bytes) -> bytes:
    """A rendered sample in ``fmt`` (``docx`` or ``pdf``) whose embedded JSON is ``payload``."""
    data = render(release(), fmt)
    if fmt == "pdf":
        import pypdf

        writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
        for embedded in list(writer.attachment_list):
            embedded.delete()
        writer.add_attachment(ATTACHMENT, payload)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        item = src.read(ITEM).decode()
        # The JSON is the text of the root element; the visible digest stays as it was.
        open_end = item.index(">", item.index("<release")) + 1
        item = item[:open_end] + escape(payload.decode()) + item[item.rindex("</release>") :]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, item.encode() if info.filename == ITEM else src.read(info))
    return out.getvalue()
