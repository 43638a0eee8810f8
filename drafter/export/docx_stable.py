"""The DOCX file's bytes, the same for the same input: every Word file Drafter writes (the
policy's and the redline) passes through `stable_bytes`.

python-docx stamps each Word comment with the time it was added, and `Document.save` dates
each zip entry with the time it was written, so two builds of one answers file a second apart
differed, and the app's export never matched `drafter build` byte for byte. The document's
own date is given to all of them instead (the policy's effective date; the redline's date),
and to the core properties' created and modified dates. Only python-docx's public API is
used: the document is saved as python-docx saves it, then its entries are copied, in name
order, into a zip whose entries all carry that date. Nothing global is changed (no clock
patched), so exports in two threads do not meet.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

COMMENTS_PART = "/word/comments.xml"
_COMMENT, _DATE = qn("w:comment"), qn("w:date")


def stable_bytes(doc: DocxDocument, stamp: datetime) -> bytes:
    """The saved document, its comments, core properties and zip entries dated `stamp`."""
    written = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    for part in doc.part.package.parts:
        if str(part.partname) == COMMENTS_PART:
            for comment in part.element.iterchildren(_COMMENT):  # type: ignore[attr-defined]
                comment.set(_DATE, written)
    props = doc.core_properties
    props.created = props.modified = stamp
    saved = io.BytesIO()
    doc.save(saved)
    return redated(saved.getvalue(), stamp)


def redated(data: bytes, stamp: datetime) -> bytes:
    """The zip `data` with its entries in name order (`[Content_Types].xml` first), each dated
    `stamp`, deflated, read-write for its owner: the same bytes for the same entries."""
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)  # zip's start in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


__all__ = ["redated", "stable_bytes"]
