"""The DOCX file's bytes, the same for the same draft: python-docx stamps each Word comment
with the time it was added and each zip entry with the time it was written, so two builds of
one answers file a second apart differed, and the app's export never matched `drafter build`
byte for byte. Both are given the document's own date instead (the one its core properties
carry: the policy's effective date)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

COMMENTS_PART = "/word/comments.xml"


def stable_bytes(doc: DocxDocument, stamp: datetime) -> bytes:
    """The saved document, its comments and zip entries dated `stamp`."""
    written = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    for part in doc.part.package.iter_parts():
        if str(part.partname) == COMMENTS_PART:
            for comment in part.element.iterchildren(qn("w:comment")):
                comment.set(qn("w:date"), written)
    saved = io.BytesIO()
    doc.save(saved)
    out = io.BytesIO()
    entry_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)  # zip's dates start in 1980
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=entry_time)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info))
    return out.getvalue()


__all__ = ["stable_bytes"]
