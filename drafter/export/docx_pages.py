"""The contents' page numbers, found by laying the Word file out with LibreOffice.

Only a layout engine knows on which page a heading lands, so `drafter build --page-numbers`
renders the DOCX once, marks every heading with a tiny white token, has LibreOffice turn that
copy into a PDF, reads on which page each token is (`pdftotext`), and renders the DOCX again
with those pages as the cached results of the contents' PAGEREF fields. The file keeps its own
XML (bookmarks `drafter absorb` reads, comments, numbering): LibreOffice only measures it, it
does not rewrite it. Word shows the cached numbers without asking to update fields; its
pagination can differ from LibreOffice's by a line here and there, which "Update table" fixes.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.errors import UserError

_TOKEN = "QXH{:04d}QX"
_FOUND = re.compile(r"QXH(\d{4})QX")


def _marked(data: bytes) -> tuple[bytes, list[str]]:
    """A copy of the file with a 1-point white token at the start of every heading that has a
    `_Toc` bookmark, and the bookmarks in token order."""
    doc = Document(io.BytesIO(data))
    names: list[str] = []
    for start in doc.element.body.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name"), "")
        if not name.startswith("_Toc"):
            continue
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        for tag, value in (("w:color", "FFFFFF"), ("w:sz", "2")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            props.append(element)
        text = OxmlElement("w:t")
        text.text = _TOKEN.format(len(names))
        run.append(props)
        run.append(text)
        start.addnext(run)
        names.append(name)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue(), names


def can_lay_out() -> bool:
    """Whether LibreOffice and pdftotext are here to find the contents' page numbers (so
    `drafter publish` gives the published file its page numbers by default)."""
    return shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def heading_pages(data: bytes) -> dict[str, int]:
    """Each `_Toc` bookmark's page in the file `data`, as LibreOffice lays it out."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        raise UserError("--page-numbers needs LibreOffice (soffice) and pdftotext (poppler)",
                        field="--page-numbers")
    marked, names = _marked(data)
    with tempfile.TemporaryDirectory(prefix="drafter-pages-") as tmp:
        folder = Path(tmp)
        (folder / "policy.docx").write_bytes(marked)
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                        "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                        str(folder / "policy.docx")], check=True, capture_output=True,
                       timeout=300)
        text = subprocess.run([pdftotext, str(folder / "policy.pdf"), "-"], check=True,
                              capture_output=True, timeout=120).stdout.decode("utf-8", "replace")
    pages: dict[str, int] = {}
    for number, page in enumerate(text.split("\f"), start=1):
        for found in _FOUND.finditer(page):
            index = int(found.group(1))
            if index < len(names):
                pages.setdefault(names[index], number)
    return pages
