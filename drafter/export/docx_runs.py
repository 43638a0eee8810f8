"""Word runs (`<w:r>`: text in one format), paragraphs, styles and list numbering made
quickly, exactly as python-docx makes them.

`paragraph.add_run(text)` followed by `run.bold = …`, `run.font.size = …` builds the run one
character and one property at a time (each property found its place by searching the schema's
order), which made the DOCX of a policy with its promises appendix cost more than the rest of
a build. Here python-docx builds one run of each format once (`_template`), and every run of
that format is a copy of it with its `<w:t>` added, the way python-docx adds it (a tab or line
break becomes `<w:tab/>`/`<w:br/>`, as python-docx turns them, but in one split rather than
character by character). A paragraph in a style is likewise a copy of one python-docx made, and a Word comment's text
is put in the same way.
A style is found by name from one reading of the styles per document (python-docx runs an
XPath over all the template's ~160 styles at each lookup). tests/test_docx_runs.py checks that
both ways give the same XML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from lxml.etree import XPath, SubElement

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.document import Document as DocxDocument
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles import BabelFish
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.shared import Length, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_SPECIAL = frozenset("\t\r\n")
_BREAKS = re.compile("([\t\r\n])")
_SPACE = qn("xml:space")
_T, _TAB, _BR = qn("w:t"), qn("w:tab"), qn("w:br")
_SECTION = qn("w:sectPr")
_STYLE, _NAME, _VAL, _STYLE_ID = qn("w:style"), qn("w:name"), qn("w:val"), qn("w:styleId")
_TYPE = qn("w:type")
_PPR, _PSTYLE, _NUMPR = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr")
_ILVL, _NUMID = qn("w:ilvl"), qn("w:numId")
_EMPTY_RUN: CT_R = OxmlElement("w:r")  # type: ignore[assignment]
_DEFAULT_TABLE_STYLES = XPath('w:style[@w:type = "table"]'
                              '[@w:default = "1" or @w:default = "true" or @w:default = "on"]',
                              namespaces={"w": nsmap["w"]})


@lru_cache(maxsize=64)
def _template(bold: bool | None, italic: bool | None, size: Length | None,
              color: RGBColor | None, underline: bool | None = None,
              font: str | None = None) -> CT_R:
    """An empty run in this format, as python-docx makes it."""
    run = Paragraph(OxmlElement("w:p"), None).add_run()  # type: ignore[arg-type]
    if size is not None:
        run.font.size = size
    run.bold = bold
    run.italic = italic
    if color is not None:
        run.font.color.rgb = color
    if underline is not None:
        run.font.underline = underline
    if font is not None:
        run.font.name = font
    return run._r


def run_element(text: str, *, bold: bool | None = None, italic: bool | None = None,
                size: Length | None = None, color: RGBColor | None = None,
                underline: bool | None = None, font: str | None = None) -> CT_R:
    """The `<w:r>` of `add_run`, not yet in a paragraph (the caller puts it where it goes:
    a paragraph, a hyperlink), without python-docx's `Run` around it."""
    r: CT_R = _template(bold, italic, size, color, underline, font).__copy__()
    if text:
        _put_text(r, text)
    return r


def _put_text(r: BaseOxmlElement, text: str) -> None:
    """`r.text = text` in a new run: the text in `<w:t>` (spaces at either end kept), each
    tab a `<w:tab/>` and each line break or carriage return a `<w:br/>`, as python-docx puts
    them (it goes character by character)."""
    pieces = [text] if _SPECIAL.isdisjoint(text) else _BREAKS.split(text)
    for n, piece in enumerate(pieces):
        if n % 2:
            SubElement(r, _TAB if piece == "\t" else _BR)
        elif piece:
            t = SubElement(r, _T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_SPACE, "preserve")


def add_run(paragraph: Paragraph, text: str, *, bold: bool | None = None,
            italic: bool | None = None, size: Length | None = None,
            color: RGBColor | None = None, underline: bool | None = None,
            font: str | None = None) -> Run:
    """`paragraph.add_run(text)` with `bold`, `italic`, `font.size`, `font.color.rgb`,
    `font.underline` and `font.name` set (None: not set, as python-docx writes an unset
    property)."""
    r = run_element(text, bold=bold, italic=italic, size=size, color=color,
                    underline=underline, font=font)
    paragraph._p.append(r)
    return Run(r, paragraph)


def plain_run(text: str) -> CT_R:
    """The `<w:r>` of `paragraph.add_run(text)`: no run properties."""
    r: CT_R = _EMPTY_RUN.__copy__()
    if text:
        _put_text(r, text)
    return r


@lru_cache(maxsize=64)
def _paragraph_template(style_id: str) -> CT_P:
    p: CT_P = OxmlElement("w:p")  # type: ignore[assignment]
    p.style = style_id
    return p


def paragraph_element(style_id: str) -> CT_P:
    """An empty `<w:p>` in the style with id `style_id`, as `add_paragraph` makes it."""
    return _paragraph_template(style_id).__copy__()


def add_paragraph(doc: DocxDocument, style_id: str, text: str = "", *,
                  last: bool = False) -> Paragraph:
    """`doc.add_paragraph(text)` with `paragraph._p.style = style_id`: at the end of the body
    (before its section properties, as python-docx puts it). `last`: the body ends with its
    section properties (as a new document's does: looked for at the end, not from the start,
    which made adding paragraphs one by one quadratic)."""
    p = paragraph_element(style_id)
    body = doc.element.body
    section = body[-1] if last and len(body) else body.find(_SECTION)
    if section is not None and section.tag == _SECTION:
        section.addprevious(p)
    else:
        body.append(p)
    if text:  # rare (code blocks, the appendix's heading): a run with no run properties
        p.append(plain_run(text))
    return Paragraph(p, doc._body)


def add_comment(doc: DocxDocument, runs: Sequence[Run], text: str, author: str,
                initials: str) -> None:
    """`doc.add_comment(runs, text=text, author=author, initials=initials)`: python-docx
    makes the comment, each line of `text` a paragraph of it, as it does, with the runs made
    here (python-docx puts a run's text in one character at a time)."""
    comment = doc.add_comment(runs, text="", author=author, initials=initials)
    if not text:  # the comment's one paragraph, as python-docx leaves it
        return
    first, *rest = text.split("\n")
    comment.paragraphs[0]._p.append(plain_run(first))  # (a run even for no text, as there)
    for line in rest:
        paragraph = comment.add_paragraph()
        if line:
            paragraph._p.append(plain_run(line))


def style_element(doc: DocxDocument, name: str) -> BaseOxmlElement:
    """`doc.styles[name].element`: the style named `name` (by its name in the UI, as
    python-docx takes it). The names are read once per document, in one pass: python-docx
    finds a style by an XPath over all ~160 of the template's styles on every lookup. A name
    not found (a style added since) is looked for by python-docx."""
    part = doc.part
    names: dict[str, BaseOxmlElement] | None = getattr(part, "_drafter_style_names", None)
    if names is None:
        names = {}
        for style in doc.styles.element.iterchildren(_STYLE):
            for name_element in style.iterchildren(_NAME):
                names.setdefault(name_element.get(_VAL), style)  # the first, as XPath's
        part._drafter_style_names = names  # type: ignore[attr-defined]
    found = names.get(BabelFish.ui2internal(name))
    return found if found is not None else doc.styles[name].element


def style_id(doc: DocxDocument, name: str) -> str:
    """`doc.styles[name].style_id`, found as `style_element` finds it."""
    return style_element(doc, name).get(_STYLE_ID)  # type: ignore[no-any-return]


def _table_style_id(doc: DocxDocument, name: str) -> str | None:
    """`doc.part.get_style_id(name, WD_STYLE_TYPE.TABLE)`: the table style's id, None for the
    default table style (the last marked default, as python-docx takes it)."""
    style = style_element(doc, name)
    if style.get(_TYPE) != "table":
        raise ValueError(f"style {name!r} is not a table style")
    defaults = _DEFAULT_TABLE_STYLES(doc.styles.element)
    return None if defaults and defaults[-1] is style else style.get(_STYLE_ID)


def add_table(doc: DocxDocument, rows: int, cols: int, style: str) -> Table:
    """`doc.add_table(rows, cols, style=style)`, the style's id found once per document:
    python-docx finds it, and compares it with the default table style by reading every
    style, for each table."""
    table = doc.add_table(rows, cols)
    ids: dict[str, str | None] = doc.part.__dict__.setdefault("_drafter_table_styles", {})
    if style not in ids:
        ids[style] = _table_style_id(doc, style)
    table._tbl.tblStyle_val = ids[style]
    return table


def restart_numbering(doc: DocxDocument, start: int) -> int:
    """A fresh numbering instance for one ordered list, so every list starts at its own
    first number instead of continuing the previous list's; its numId. The "List Number"
    style's abstract numbering is looked up once per document."""
    part = doc.part
    numbering = part.numbering_part.element
    abstract = part.__dict__.get("_drafter_list_numbering")
    if abstract is None:
        style_num = style_element(doc, "List Number").pPr.numPr.numId.val
        abstract = part._drafter_list_numbering = numbering.num_having_numId(
            style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return int(num.numId)


def set_numbering(p: BaseOxmlElement, num_id: int, level: int) -> None:
    """`<w:numPr>` (list level and numbering) after a new paragraph's style, where
    python-docx's `get_or_add_pPr().get_or_add_numPr()` puts it in a paragraph that has
    nothing else yet."""
    p_pr = p[0]
    if len(p_pr) != 1 or p_pr.tag != _PPR or p_pr[0].tag != _PSTYLE:  # not a new paragraph
        raise ValueError("list numbering goes on a new paragraph")
    num_pr = SubElement(p_pr, _NUMPR)
    SubElement(num_pr, _ILVL).set(_VAL, str(level))
    SubElement(num_pr, _NUMID).set(_VAL, str(num_id))
