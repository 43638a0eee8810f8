"""Tables in counsel's Word file that fit the page (part of its layout, `docx_layout.py`).

Tables get fixed column widths from their words that add up to the width between the margins
(no column narrower than its longest word, so no word breaks mid-word, unless the longest words
are too wide side by side: then a word wraps inside its cell, never past the page's edge), a
header row that repeats on every page, and rows that never split across pages. A table too
wide for a portrait page (the CCPA category table's six or seven columns) gets a landscape
section of its own. The work is done on the XML (one XPath for a row's cell widths, one for
the runs not yet in the table's font): python-docx's `row.cells` works out the table's grid at
every call, and each element it touches costs an object.
"""

from __future__ import annotations

import math
from copy import deepcopy
from functools import lru_cache

from lxml.etree import XPath, SubElement

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Pt
from docx.table import Table

TABLE_FONT = Pt(9)
CELL_PADDING = 230  # twips: Word's default cell margins (0.08" each side) and a little air
WIDE = 1800  # twips: a column needs 1.25" to hold a phrase in a few lines (five make landscape)
_TWIPS_PER_EMU = 1 / 635
_VAL = qn("w:val")
_R, _RPR, _SZ = qn("w:r"), qn("w:rPr"), qn("w:sz")
# what comes after `<w:sz>` in `<w:rPr>` (ECMA-376 CT_RPr, as python-docx orders it)
_AFTER_SIZE = ("szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl",
               "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_TR_PR, _TBL_PR_EX = qn("w:trPr"), qn("w:tblPrEx")
_CANT_SPLIT, _TBL_HEADER = qn("w:cantSplit"), qn("w:tblHeader")
# the texts of a cell's `<w:t>`s, as strings (not elements: each would cost an object)
_TEXTS = XPath(".//w:t/text()", namespaces={"w": nsmap["w"]}, smart_strings=False)
_CELL_WIDTHS = XPath("./w:tc/w:tcPr[1]/w:tcW[1]", namespaces={"w": nsmap["w"]})
_CELLS = XPath("count(./w:tc)", namespaces={"w": nsmap["w"]})
# the runs of a table whose font size is not the table font's yet
_RUNS_TO_SIZE = XPath(".//w:r[not(w:rPr/w:sz[@w:val = $size])]", namespaces={"w": nsmap["w"]})
_TCPR, _TCW, _TYPE, _W = qn("w:tcPr"), qn("w:tcW"), qn("w:type"), qn("w:w")
_P = qn("w:p")


def _twips(length: int) -> int:
    return round(length * _TWIPS_PER_EMU)


def _words(table: Table) -> list[tuple[int, int]]:
    """Per column: (longest word, longest cell text), in characters; read off the XML
    (python-docx's `row.cells` rebuilds the grid on every call). A cell's paragraphs are
    apart: the last word of one and the first of the next are two words."""
    columns = len(table._tbl.tblGrid.findall(qn("w:gridCol")))
    longest = [1] * columns
    total = [1] * columns
    for tr in table._tbl.tr_lst:
        for c, tc in enumerate(tr.tc_lst[:columns]):
            text = "\n".join("".join(_TEXTS(p)) for p in tc.iter(_P))
            longest[c] = max(longest[c], max(map(len, text.split()), default=1))
            total[c] = max(total[c], len(text))
    return list(zip(longest, total))


def needs_landscape(words: list[tuple[int, int]], portrait_width: int) -> bool:
    """Whether a table's columns (`_words`) cannot each have 1.25 inches (or their longest
    word, if wider) on a portrait page: too wide to read upright."""
    char = _char_twips(TABLE_FONT)
    least = sum(max(WIDE, w * char + CELL_PADDING) for w, _ in words)
    return least >= portrait_width


def _char_twips(size: Pt) -> int:
    return math.ceil(size.pt * 20 * 0.62)  # a character is ~0.5 em; bold and serif fonts, more


def column_widths(words: list[tuple[int, int]], width: int) -> list[int]:
    """Column widths (twips) that add up to `width`: each column gets its longest word
    first, then the rest in proportion to how much more text it holds. When the longest
    words are too wide side by side (a link in a promise), the columns of the longest start
    narrower (`_cut_down`): Word and LibreOffice wrap a word wider than its cell inside it,
    where a table wider than the page is cut off at the page's edge."""
    char = _char_twips(TABLE_FONT)
    least = [w * char + CELL_PADDING for w, _ in words]
    if sum(least) > width:
        least = _cut_down(least, width)
    want = [max(t * char + CELL_PADDING - m, 0) for (_, t), m in zip(words, least)]
    spare = width - sum(least)
    grow = sum(want) or 1
    widths = [m + spare * x // grow for m, x in zip(least, want)]
    widths[-1] += width - sum(widths)
    return widths


def _cut_down(least: list[int], width: int) -> list[int]:
    """`least` (more than `width` in all) with its widest cut down: from the narrowest up, a
    column keeps its width while the rest of `width`, shared among it and the wider ones,
    gives each at least that much; the others start at `WIDE` (what is left over then goes
    by the text they hold), or when even that is too much, share what is left equally (the
    twips left over going one each to the first of them)."""
    ordered, left, kept = sorted(least), width, 0
    while ordered[kept] * (len(ordered) - kept) <= left:  # (not all kept: they do not fit)
        left -= ordered[kept]
        kept += 1
    share, over = divmod(left, len(ordered) - kept)
    widths = []
    for m in least:
        if m < ordered[kept]:  # (equal widths are kept or cut together)
            widths.append(m)
        elif share >= WIDE:
            widths.append(WIDE)
        else:
            widths.append(share + (over > 0))
            over -= 1
    return widths


def fit_table(table: Table, words: list[tuple[int, int]], width: int) -> list[int]:
    """Fixed column widths (`column_widths`) for `table`, with autofit off, the table's
    width and its grid's and every cell's set to them. The first row repeats on every page;
    no row splits across pages. Returns the widths."""
    widths = column_widths(words, width)
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        old = tbl_pr.find(qn(tag))
        if old is not None:
            tbl_pr.remove(old)
    tbl_w = OxmlElement("w:tblW")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_in_order(tbl_pr, tbl_w, ("w:tblStyle", "w:tblpPr", "w:tblOverlap",
                                     "w:bidiVisual", "w:tblStyleRowBandSize",
                                     "w:tblStyleColBandSize"))
    _insert_in_order(tbl_pr, layout, ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                                      "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
                                      "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
                                      "w:tblBorders", "w:shd"))
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(w))
    for r, tr in enumerate(tbl.tr_lst):  # the XML: `table.rows`/`row.cells` are slow
        tr_pr = _row_properties(tr)
        for tag in (_CANT_SPLIT, _TBL_HEADER) if r == 0 else (_CANT_SPLIT,):
            if tr_pr.find(tag) is None:
                SubElement(tr_pr, tag)
        cell_widths = _CELL_WIDTHS(tr)
        if len(cell_widths) == _CELLS(tr):  # every cell has its `<w:tcW>`, as a new table's
            for tc_w, w in zip(cell_widths, widths):
                tc_w.set(_TYPE, "dxa")  # `tc.width = Emu(w * 635)`, as python-docx sets it
                tc_w.set(_W, str(w))
            continue
        for tc, w in zip(tr.tc_lst, widths):
            _cell_width(tc, w)
    size = _table_size()[0].get(_VAL)
    for run in _RUNS_TO_SIZE(tbl, size=size):  # (most runs are made in the table's font)
        _table_font(run)
    return widths


def _row_properties(tr: BaseOxmlElement) -> BaseOxmlElement:
    """`tr.get_or_add_trPr()`: a new row's `<w:trPr>` goes first (after any `<w:tblPrEx>`)."""
    found = tr.find(_TR_PR)
    if found is not None:
        return found
    tr_pr = tr.makeelement(_TR_PR, {})
    tr.insert(1 if len(tr) and tr[0].tag == _TBL_PR_EX else 0, tr_pr)
    return tr_pr


def _cell_width(tc: BaseOxmlElement, twips: int) -> None:
    """`tc.width = Emu(twips * 635)`, setting the `<w:tcW>` every new table's cell has
    (python-docx finds its way to it through four properties)."""
    tc_pr = tc.find(_TCPR)
    tc_w = tc_pr.find(_TCW) if tc_pr is not None else None
    if tc_w is None:
        tc.width = Emu(twips * 635)  # type: ignore[attr-defined]
        return
    tc_w.set(_TYPE, "dxa")
    tc_w.set(_W, str(twips))


@lru_cache(maxsize=1)
def _table_size() -> tuple[BaseOxmlElement, frozenset[str]]:
    """The `<w:sz>` of the table font, and the run properties that come after it."""
    r_pr = OxmlElement("w:rPr")
    r_pr.sz_val = TABLE_FONT  # type: ignore[attr-defined]
    return r_pr[0], frozenset(qn(f"w:{t}") for t in _AFTER_SIZE)


def _table_font(run: BaseOxmlElement) -> None:
    """`run.get_or_add_rPr().sz_val = TABLE_FONT`: the run's `<w:sz>` set, or put in its
    place among the run's properties (before the first that the schema puts after it)."""
    r_pr = run.find(_RPR)
    if r_pr is None:
        run.get_or_add_rPr().sz_val = TABLE_FONT  # type: ignore[attr-defined]
        return
    size, later = _table_size()
    found = r_pr.find(_SZ)
    if found is not None:
        found.set(_VAL, size.get(_VAL))
        return
    following = next((child for child in r_pr if child.tag in later), None)
    if following is not None:
        following.addprevious(size.__copy__())
    else:
        r_pr.append(size.__copy__())


def _insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement,
                     before: tuple[str, ...]) -> None:
    """Insert `child` after the last of `before` (the elements the schema puts first)."""
    position = 0
    tags = {qn(t) for t in before}
    for i, existing in enumerate(parent):
        if existing.tag in tags:
            position = i + 1
    parent.insert(position, child)


def landscape_section(doc: DocxDocument, table: Table) -> None:
    """Give `table` a landscape section of its own: the paragraph before it ends the portrait
    section, an empty paragraph after it ends the landscape one. Each section copies the
    document's page setup; `header_and_footer`, called after, gives each section its header."""
    body_sect = doc.element.body.sectPr
    before = table._tbl.getprevious()
    if before is None or before.tag != qn("w:p"):
        before = OxmlElement("w:p")
        table._tbl.addprevious(before)
    portrait = deepcopy(body_sect)
    before.get_or_add_pPr().append(portrait)
    after = OxmlElement("w:p")
    table._tbl.addnext(after)
    wide = deepcopy(body_sect)
    size = wide.find(qn("w:pgSz"))
    w, h = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), h)
    size.set(qn("w:h"), w)
    size.set(qn("w:orient"), "landscape")
    after.get_or_add_pPr().append(wide)


def fit_tables(doc: DocxDocument) -> None:
    """Every table fitted to its page, those in content controls too (the promises appendix);
    a table of the body too wide for portrait turned landscape."""
    section = doc.sections[0]
    portrait = _twips(section.page_width - section.left_margin - section.right_margin)
    landscape = _twips(section.page_height - section.left_margin - section.right_margin)
    body = doc.element.body
    for tbl in list(body.iter(qn("w:tbl"))):
        table = Table(tbl, doc._body)
        words = _words(table)
        if tbl.getparent() is body and needs_landscape(words, portrait):
            fit_table(table, words, landscape)
            landscape_section(doc, table)
        else:
            fit_table(table, words, portrait)
