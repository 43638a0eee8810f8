"""The DOCX file's bytes, the same for the same draft: python-docx stamps each Word comment
with the time it was added and each zip entry with the time it was written, so two builds of
one answers file a second apart differed, and the app's export never matched `drafter build`
byte for byte. Both are given the document's own date instead (the one its core properties
carry: the policy's effective date).

The package is written once, as `Document.save` writes it (python-docx's `PackageWriter` puts
the content types, the package's relationships and each part in), into a zip whose entries
carry that date: saving first and copying every entry into a second zip to re-date it
compressed the whole file twice. Nothing global is changed (no clock patched), so exports in
two threads do not meet.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn

COMMENTS_PART = "/word/comments.xml"


class _DatedZip:
    """The zip python-docx writes a package into (its `PhysPkgWriter`: `write`, `close`),
    each entry dated `date_time` and otherwise as `ZipFile.writestr` makes an entry named by
    a string: deflated, read-write for its owner."""

    def __init__(self, file: io.BytesIO, date_time: tuple[int, int, int, int, int, int]) -> None:
        self._zip = zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED)
        self._date_time = date_time

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def stable_bytes(doc: DocxDocument, stamp: datetime) -> bytes:
    """The saved document, its comments and zip entries dated `stamp`."""
    written = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    package = doc.part.package
    parts = package.parts
    for part in parts:
        if str(part.partname) == COMMENTS_PART:
            for comment in part.element.iterchildren(qn("w:comment")):
                comment.set(qn("w:date"), written)
    out = io.BytesIO()
    entry_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)  # zip's dates start in 1980
    # `OpcPackage.save` → `PackageWriter.write`, with the dated zip as the physical writer
    for part in parts:
        part.before_marshal()
    writer = _DatedZip(out, entry_time)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()
    return out.getvalue()


__all__ = ["stable_bytes"]
