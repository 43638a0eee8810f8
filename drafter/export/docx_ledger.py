"""The promises ledger as the last part of counsel's Word file: "Appendix: promises this policy
makes", a table of each promise, where it is and the answers it rests on (`drafter.ledger`).

The appendix is not part of the policy: it is wrapped in a content control tagged
`APPENDIX_TAG` (locked in Word, so counsel does not edit what the next build remakes), and its
heading carries the hidden bookmark `APPENDIX_BOOKMARK` in case an editor drops the control.
`drafter absorb` stops at either, so the appendix never comes back into the Markdown. The copy
to publish (`drafter build --clean`) has no ledger, so no appendix.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml.etree import SubElement

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from drafter.export.docx_layout import unnumbered
from drafter.export.docx_runs import add_paragraph, add_table, plain_run, run_element, style_id
from drafter.ledger import LedgerEntry
from drafter.review.report import NO_PROMISES, PROMISES_INTRO

APPENDIX_HEADING = "Appendix: promises this policy makes"
APPENDIX_TAG = "drafter-promises"
APPENDIX_BOOKMARK = "_drafter_promises"
APPENDIX_NOTE = ("Drafter makes this appendix afresh at every build and it is not part of the "
                 "policy: to change a promise, change the policy text or the answer behind it.")
COLUMNS = ("#", "Promise", "Where", "Rests on")
TABLE_TEXT = Pt(9)
KEY_COLOR = RGBColor(0x59, 0x59, 0x59)
_P, _TC = qn("w:p"), qn("w:tc")


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _content_control(first: BaseOxmlElement) -> BaseOxmlElement:
    """An empty block content control put where `first` is, tagged and locked."""
    sdt = _element("w:sdt")
    properties = _element("w:sdtPr")
    properties.append(_element("w:alias", val="Promises ledger"))
    properties.append(_element("w:tag", val=APPENDIX_TAG))
    properties.append(_element("w:lock", val="sdtContentLocked"))
    sdt.append(properties)
    sdt.append(_element("w:sdtContent"))
    first.addprevious(sdt)
    return sdt


def _bookmark(paragraph: Paragraph) -> None:
    start = _element("w:bookmarkStart", id="9999", name=APPENDIX_BOOKMARK)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    start.addnext(_element("w:bookmarkEnd", id="9999"))


def _text(p: BaseOxmlElement, text: str, *, bold: bool = False, italic: bool = False,
          key: bool = False) -> None:
    p.append(run_element(text, bold=bold or None, italic=italic or None, size=TABLE_TEXT,
                         color=KEY_COLOR if key else None))


def _rests_on(tc: BaseOxmlElement, entry: LedgerEntry) -> None:
    """One paragraph per answer (prompt, the answer in bold, or in italics when it is not the
    owner's, then its key) and per law."""
    lines = [(f"{b.prompt} ", b.shown(), b.given, b.key) for b in entry.answers]
    lines += [("Law: ", law.label, True, law.name) for law in entry.laws]
    for n, (lead, shown, given, key) in enumerate(lines):
        p = tc.find(_P) if n == 0 else SubElement(tc, _P)
        _text(p, lead)
        _text(p, shown, bold=given, italic=not given)
        _text(p, f" ({key})", key=True)


def _table(doc: DocxDocument, promises: Sequence[LedgerEntry]) -> BaseOxmlElement:
    """The table (its column widths, header row and rows kept whole: `fit_tables`, as every
    table's), filled in by reading the XML: python-docx's `row.cells` and `cell.paragraphs`
    work out the table's grid on each call."""
    table = add_table(doc, len(promises) + 1, len(COLUMNS), "Table Grid")
    for n, (tr, entry) in enumerate(zip(table._tbl.tr_lst, [None, *promises])):
        cells = tr.findall(_TC)
        if entry is None:
            for tc, title in zip(cells, COLUMNS):
                _text(tc.find(_P), title, bold=True)
            continue
        _text(cells[0].find(_P), str(n))
        _text(cells[1].find(_P), entry.text)
        _text(cells[2].find(_P), entry.where())
        _rests_on(cells[3], entry)
    return table._tbl


def add_ledger(doc: DocxDocument, promises: Sequence[LedgerEntry]) -> None:
    """Append the appendix (on a page of its own) to the end of `doc`."""
    heading = add_paragraph(doc, style_id(doc, "Heading 1"), APPENDIX_HEADING, last=True)
    heading.paragraph_format.page_break_before = True
    unnumbered(heading)  # an appendix, not the policy's next section
    _bookmark(heading)
    elements = [heading._p]
    for text in (PROMISES_INTRO, APPENDIX_NOTE) if promises else (PROMISES_INTRO, NO_PROMISES):
        paragraph = doc.add_paragraph()  # (its run made as `add_paragraph(text)` makes it)
        paragraph._p.append(plain_run(text))
        elements.append(paragraph._p)
    if promises:
        elements.append(_table(doc, promises))
    content = _content_control(heading._p)[1]
    for element in elements:
        content.append(element)


def is_appendix(element: BaseOxmlElement) -> bool:
    """Whether a body element starts the appendix: its content control, or (when an editor
    such as LibreOffice dropped the control) the paragraph with its heading's bookmark."""
    if element.tag == qn("w:sdt"):
        properties = element.find(qn("w:sdtPr"))
        tags = properties.iterfind(qn("w:tag")) if properties is not None else ()
        if any(tag.get(qn("w:val")) == APPENDIX_TAG for tag in tags):
            return True
    return element.tag == qn("w:p") and any(
        mark.get(qn("w:name")) == APPENDIX_BOOKMARK for mark in element.iter(qn("w:bookmarkStart")))
