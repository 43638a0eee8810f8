"""The DOCX file's bytes, the same for the same input: every Word file Drafter writes (the
policy's and the redline) passes through `stable_bytes`.

python-docx stamps each Word comment with the time it was added, and `Document.save` dates
each zip entry with the time it was written, so two builds of one answers file a second apart
differed, and the app's export never matched `drafter build` byte for byte. The document's
own date is given to all of them instead (the policy's effective date; the redline's date),
and to the core properties' created and modified dates. The entries are those
`Document.save` writes, serialized by python-docx's own package writer (`PackageWriter`, the
whole of `Document.save` but its zip file), written once, in name order, into a zip whose
entries all carry that date. Saving first and rewriting the saved zip made the same bytes
but compressed every entry twice and read it back once (some 30 M instructions a DOCX); that
is still the way when a python-docx no longer has the writer's steps (`_entries`).
Nothing global is changed (no clock patched), so exports in two threads do not meet.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime
from typing import Any

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
    entries = _entries(doc)
    if entries is None:
        saved = io.BytesIO()
        doc.save(saved)
        return redated(saved.getvalue(), stamp)
    return zipped(entries.items(), stamp)


class _Entries(dict[str, bytes]):
    """Stands for the zip file python-docx's `PackageWriter` writes to: keeps each entry."""

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self[pack_uri.membername] = blob


def _entries(doc: DocxDocument) -> _Entries | None:
    """Each entry `doc.save` would write (name → bytes), as its `OpcPackage.save` makes them;
    None when python-docx's writer no longer has these steps."""
    from docx.opc.pkgwriter import PackageWriter

    steps = [getattr(PackageWriter, name, None) for name in
             ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")]
    if not all(callable(step) for step in steps):
        return None
    package = doc.part.package
    parts = package.parts
    for part in parts:  # as `OpcPackage.save` does first
        part.before_marshal()
    entries = _Entries()
    content_types, package_rels, each_part = steps
    content_types(entries, parts)
    package_rels(entries, package.rels)
    each_part(entries, parts)
    return entries


def zipped(entries: Iterable[tuple[str, bytes]], stamp: datetime) -> bytes:
    """A zip of `entries` in name order (`[Content_Types].xml` first), each dated `stamp`,
    deflated, read-write for its owner: the same bytes for the same entries."""
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)  # zip's start in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, data)
    return out.getvalue()


def redated(data: bytes, stamp: datetime) -> bytes:
    """The zip `data` rewritten by `zipped`: its entries in name order, each dated `stamp`."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zipped(((name, source.read(name)) for name in source.namelist()), stamp)


__all__ = ["redated", "stable_bytes", "zipped"]
