"""The Word document every DOCX starts from: `template.docx` beside this module.

It is python-docx's own default document with only what Drafter's files use: the styles they
name (`STYLES`, and those these are based on, link to or are followed by, and the defaults),
Word's list of built-in styles (so counsel can still pick any of them in Word), numbering,
settings, theme and fonts. Left out: the ~150 other styles (mostly table designs; 430 KB of
XML that every build parsed, wrote back and compressed), their Word 2010 copy
(`stylesWithEffects.xml`, another 430 KB written back as it was read), the blank page's
thumbnail and an empty bibliography (`customXml`). What a style we keep says is unchanged.

`python -m drafter.export.docx_template` writes it again from the python-docx installed
(after an upgrade of python-docx; `tests/test_docx_template.py` says when it differs).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from docx.api import Document
from docx.document import Document as DocxDocument
from docx.styles import BabelFish

TEMPLATE = Path(__file__).with_name("template.docx")
# Every style a Drafter DOCX names (docx.py, docx_layout.py, docx_ledger.py, docx_tables.py;
# python-docx's header and footer), in Word's UI names; "TOC 1"/"TOC 2" are added per file.
STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5",
          "List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2",
          "List Number 3", "List Continue", "List Continue 2", "List Continue 3", "macro",
          "Table Grid", "Header", "Footer")
DROPPED = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DATE = datetime(2026, 12, 2, tzinfo=timezone.utc)  # the zip's own dates (every file re-dates)


def new_document() -> DocxDocument:
    """A new document from the template, as `docx.Document()` makes one from python-docx's."""
    return Document(io.BytesIO(_template()))


@cache
def _template() -> bytes:
    return TEMPLATE.read_bytes()


def _dropped(name: str) -> bool:
    return any(name == d or d.endswith("/") and name.startswith(d) for d in DROPPED)


def _kept_styles(styles_xml: bytes) -> bytes:
    """styles.xml with only `STYLES`, the defaults and every style these refer to."""
    from lxml import etree

    root = etree.fromstring(styles_xml)
    styles = list(root.iterchildren(f"{_W}style"))
    by_id = {s.get(f"{_W}styleId"): s for s in styles}
    by_name = {s.find(f"{_W}name").get(f"{_W}val"): s for s in reversed(styles)}
    todo = [by_name[BabelFish.ui2internal(name)] for name in STYLES]
    todo += [s for s in styles if s.get(f"{_W}default") == "1"]
    kept: set[str] = set()
    while todo:
        style = todo.pop()
        if style.get(f"{_W}styleId") in kept:
            continue
        kept.add(style.get(f"{_W}styleId"))
        for tag in ("basedOn", "next", "link"):
            ref = style.find(f"{_W}{tag}")
            if ref is not None and ref.get(f"{_W}val") in by_id:
                todo.append(by_id[ref.get(f"{_W}val")])
    for style in styles:
        if style.get(f"{_W}styleId") not in kept:
            root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_dropped(name: str, data: bytes) -> bytes:
    """A relationships or content-types part without what points at a dropped part."""
    from lxml import etree

    root = etree.fromstring(data)
    if name == "[Content_Types].xml":
        gone = [o for o in root.iterchildren(f"{_TYPES}Override")
                if _dropped(o.get("PartName").lstrip("/"))]
    else:  # `word/_rels/document.xml.rels`: targets are relative to `word/`
        base = posixpath.dirname(posixpath.dirname(name))
        gone = [r for r in root.iterchildren(f"{_RELS}Relationship")
                if r.get("TargetMode") != "External"
                and _dropped(posixpath.normpath(posixpath.join(base, r.get("Target"))))]
    for element in gone:
        root.remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def make_template(default: bytes) -> bytes:
    """The template, made from python-docx's default document (`default`, its bytes)."""
    from drafter.export.docx_stable import redated

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(default)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if _dropped(name):
                continue
            data = source.read(name)
            if name == "word/styles.xml":
                data = _kept_styles(data)
            elif name == "[Content_Types].xml" or name.endswith(".rels"):
                data = _without_dropped(name, data)
            target.writestr(name, data)
    return redated(out.getvalue(), _DATE)


def python_docx_default() -> bytes:
    """python-docx's own default document, which the template is made from."""
    import docx

    return (Path(docx.__file__).parent / "templates" / "default.docx").read_bytes()


if __name__ == "__main__":
    TEMPLATE.write_bytes(make_template(python_docx_default()))
    print(f"Wrote {TEMPLATE}")
