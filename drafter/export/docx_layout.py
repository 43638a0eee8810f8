"""The page layout of counsel's Word file, as a firm sends one: numbered headings, a running
header and a "Page X of Y" footer, a written-out table of contents, and tables that fit the page.

- Headings are numbered by Word itself: one multilevel list linked to the Heading 1 and 2
  styles (`1.`, `1.1`), so Word's cross-references ("see section 4.2") can point at them.
- The header names the business and, until the policy is published, marks the file
  "Draft — privileged and confidential"; the footer holds PAGE and NUMPAGES fields.
- The table of contents is written out, entry by entry, inside a TOC field: each entry links to
  its heading's `_Toc` bookmark and ends with a PAGEREF field. Word opens the file without the
  "update fields?" prompt (no `w:updateFields`) and shows the cached entries; "Update table"
  rebuilds them as usual. The cached page numbers are empty unless a pagination pass supplied
  them (`docx_pages.py`, which lays the file out with LibreOffice).
- Tables get fixed column widths from their words (no column narrower than its longest word,
  so no word breaks mid-word), a header row that repeats on every page, and rows that never
  split across pages. A table too wide for a portrait page (the CCPA category table's six or
  seven columns) gets a landscape section of its own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from copy import deepcopy
from functools import lru_cache

from lxml.etree import XPath, SubElement

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Pt
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.table import Table
from docx.text.paragraph import Paragraph

from drafter.document.model import Labels
from drafter.export.docx_runs import paragraph_element, plain_run, run_element, style_element

DRAFT_MARK = Labels().draft
TOC_INSTRUCTION = r' TOC \o "1-2" \h \z \u '
NUMBERED = ("Heading 1", "Heading 2")
TOC_STYLES = ("TOC 1", "TOC 2")
TABLE_FONT = Pt(9)
CELL_PADDING = 230  # twips: Word's default cell margins (0.08" each side) and a little air
WIDE = 1800  # twips: a column needs 1.25" to hold a phrase in a few lines (five make landscape)
_TWIPS_PER_EMU = 1 / 635
_P, _PPR, _PSTYLE, _OUTLINE = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:outlineLvl")
_VAL, _SPACE = qn("w:val"), qn("xml:space")
# the paragraphs in either heading style (ids $one, $two) but not marked body text
_HEADINGS = XPath(".//w:p[w:pPr[1]/w:pStyle[1]/@w:val = $one or w:pPr[1]/w:pStyle[1]/@w:val = $two]"
                  "[not(w:pPr[1]/w:outlineLvl)]", namespaces={"w": nsmap["w"]})
_FLD_CHAR, _FLD_CHAR_TYPE, _INSTR_TEXT = qn("w:fldChar"), qn("w:fldCharType"), qn("w:instrText")
_HYPERLINK, _ANCHOR, _HISTORY = qn("w:hyperlink"), qn("w:anchor"), qn("w:history")
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


def _twips(length: int) -> int:
    return round(length * _TWIPS_PER_EMU)


# --- numbered headings -------------------------------------------------------------------

def number_headings(doc: DocxDocument) -> int:
    """Link a new multilevel list (`1.`, `1.1`) to the Heading 1 and 2 styles: every heading
    in those styles is numbered by Word. Returns the list's numId."""
    numbering = doc.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    levels = []
    for level, style in enumerate(NUMBERED):
        style_id = style_element(doc, style).get(qn("w:styleId"))
        text = ".".join(f"%{n + 1}" for n in range(level + 1)) + ("." if level == 0 else "")
        indent = 432 + 144 * level
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="{style_id}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>')
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = int(numbering.add_num(abstract_id).numId)
    for level, style in enumerate(NUMBERED):
        num_pr = style_element(doc, style).get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = num_id
        if level:
            num_pr.get_or_add_ilvl().val = level
    return num_id


def unnumbered(paragraph: Paragraph) -> None:
    """A heading left out of the numbering (the contents' own heading, an appendix)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = 0


def heading_numbers(doc: DocxDocument) -> list[tuple[Paragraph, int, str]]:
    """Every heading the contents lists, in document order (the appendix's too, inside its
    content control): (paragraph, level, its number as Word shows it: `4.`, `4.2`, or "" for
    a heading out of the numbering). The contents' own heading (body-text outline level) is
    not listed."""
    counters = [0] * len(NUMBERED)
    found: list[tuple[Paragraph, int, str]] = []
    # By style id, read off the XML: `paragraph.style` scans every style for the default
    # on each paragraph without one, which cost more than the rest of the DOCX.
    levels = {style_element(doc, name).get(qn("w:styleId")): n for n, name in enumerate(NUMBERED)}
    one, two = levels
    for p in _HEADINGS(doc.element.body, one=one, two=two):
        style = p.find(_PPR).find(_PSTYLE).get(_VAL)
        paragraph = Paragraph(p, doc._body)
        level = levels[style]
        if _numbering_off(paragraph):
            found.append((paragraph, level, ""))
            continue
        counters[level] += 1
        counters[level + 1:] = [0] * (len(NUMBERED) - level - 1)
        label = ".".join(str(n) for n in counters[:level + 1]) + ("." if level == 0 else "")
        found.append((paragraph, level, label))
    return found


def _numbering_off(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    return num_pr is not None and num_pr.numId is not None and num_pr.numId.val == 0


# --- header and footer -------------------------------------------------------------------

@lru_cache(maxsize=4)
def _char_run(kind: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    SubElement(run, _FLD_CHAR).set(_FLD_CHAR_TYPE, kind)
    return run


def _char(kind: str) -> BaseOxmlElement:
    """A run with a field character (`begin`, `separate`, `end`): a copy of one made once."""
    return _char_run(kind).__copy__()


def field_runs(instruction: str, cached: str) -> list[BaseOxmlElement]:
    """The runs of a complex field (`begin`, instruction, `separate`, cached result, `end`),
    as `paragraph.add_run()` makes each."""
    instr = OxmlElement("w:r")
    text = SubElement(instr, _INSTR_TEXT)
    text.set(_SPACE, "preserve")
    text.text = f" {instruction.strip()} "
    return [_char("begin"), instr, _char("separate"), plain_run(cached), _char("end")]


def _field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """A complex field at the end of `paragraph`."""
    paragraph._p.extend(field_runs(instruction, cached))


def header_and_footer(doc: DocxDocument, business: str, published: bool,
                      labels: Labels = Labels()) -> None:
    """The business's name (and the draft marking until it is published) at the top of every
    page; "Page X of Y" at the foot. Each section has its own header, its right tab at its own
    text width (a landscape page is wider); the footer is centred, so later sections inherit
    the first one's."""
    inherited: dict[str | None, list[int]] = {}  # a header style's tab stops (looked up once)
    for n, section in enumerate(doc.sections):
        section.header.is_linked_to_previous = False
        top = section.header.paragraphs[0]
        top._p.append(plain_run(business))  # (runs as `top.add_run(…)` makes them)
        if not published:
            width = section.page_width - section.left_margin - section.right_margin
            tabs = top.paragraph_format.tab_stops
            style = top._p.style
            if style not in inherited:
                inherited[style] = [tab.position for tab in top.style.paragraph_format.tab_stops]
            for position in inherited[style]:  # the style's centre tab, cleared
                tabs.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
            tabs.add_tab_stop(Emu(width), WD_TAB_ALIGNMENT.RIGHT)
            top._p.append(plain_run("\t"))
            top._p.append(run_element(labels.draft, italic=True))
        if n == 0:
            foot = section.footer.paragraphs[0]
            foot.alignment = 1  # centred
            # "Page {page} of {pages}": the words around Word's two page-number fields
            before, rest = labels.page.split("{page}", 1)
            between, after = rest.split("{pages}", 1)
            foot._p.append(plain_run(before))
            _field(foot, "PAGE", "1")
            foot._p.append(plain_run(between))
            _field(foot, "NUMPAGES", "1")
            if after:
                foot._p.append(plain_run(after))


# --- table of contents -------------------------------------------------------------------

def _bookmark(paragraph: Paragraph, name: str, mark_id: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(mark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(mark_id))
    p = paragraph._p
    if p.pPr is not None:
        p.pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _toc_style(doc: DocxDocument, level: int, width: int) -> str:
    """Word's "TOC 1"/"TOC 2" paragraph style (the default template lacks them): indented
    by level, a dotted right tab at the text width for the page number."""
    name = TOC_STYLES[level]
    # `doc.styles.add_style(name, …)` with `base_style = doc.styles["Normal"]`, without
    # python-docx's two reads of every style (the template has no style of that name)
    style = StyleFactory(doc.styles.element.add_style_of_type(
        BabelFish.ui2internal(name), WD_STYLE_TYPE.PARAGRAPH, False))
    style.element.basedOn_val = style_element(doc, "Normal").get(qn("w:styleId"))
    fmt = style.paragraph_format
    fmt.left_indent = Pt(11 * level)
    fmt.space_after = Pt(3)
    fmt.tab_stops.add_tab_stop(Pt(11 * level + 28))
    fmt.tab_stops.add_tab_stop(Emu(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    return style.style_id


def write_toc(doc: DocxDocument, placeholder: Paragraph,
              pages: Mapping[str, int] | None = None) -> list[str]:
    """Replace `placeholder` with the table of contents written out: one entry per numbered
    heading (its number, title and page), each a link to the `_Toc` bookmark put on its
    heading, with a PAGEREF field whose cached result is the page from `pages` (bookmark →
    page) or empty. Returns the bookmarks, in order."""
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    headings = heading_numbers(doc)
    used = [int(b.get(qn("w:id"))) for b in doc.element.body.iter(qn("w:bookmarkStart"))]
    next_id = max(used, default=0) + 1
    names: list[str] = []
    entries: list[BaseOxmlElement] = []
    styles: dict[int, str] = {}
    for n, (heading, level, label) in enumerate(headings):
        name = f"_Toc{n + 1:08d}"
        _bookmark(heading, name, next_id + n)
        names.append(name)
        if level not in styles:
            styles[level] = _toc_style(doc, level, width)
        p = paragraph_element(styles[level])
        placeholder._p.addprevious(p)
        link = SubElement(p, _HYPERLINK)
        link.set(_ANCHOR, name)
        link.set(_HISTORY, "1")
        title = heading.text
        link.extend(plain_run(text) for text in
                    ((label, "\t", title, "\t") if label else (title, "\t")))
        page = pages.get(name) if pages else None
        link.extend(field_runs(f"PAGEREF {name} \\h", str(page) if page else ""))
        entries.append(p)
    if entries:
        first, last = entries[0], entries[-1]
        runs = field_runs(TOC_INSTRUCTION, "")
        for run in reversed(runs[:3]):  # begin, instruction, separate: before the first entry
            first.insert(1, run)  # after its paragraph properties
        last.append(runs[-1])  # end: after the last
    placeholder._p.getparent().remove(placeholder._p)
    return names


# --- tables ------------------------------------------------------------------------------



def _words(table: Table) -> list[tuple[int, int]]:
    """Per column: (longest word, longest cell text), in characters; read off the XML
    (python-docx's `row.cells` rebuilds the grid on every call)."""
    columns = len(table._tbl.tblGrid.findall(qn("w:gridCol")))
    longest = [1] * columns
    total = [1] * columns
    for tr in table._tbl.tr_lst:
        for c, tc in enumerate(tr.tc_lst[:columns]):
            text = "".join(_TEXTS(tc))
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


def fit_table(table: Table, words: list[tuple[int, int]], width: int) -> list[int]:
    """Fixed column widths (twips) that add up to `width`: each column gets its longest word
    first, then the rest in proportion to how much more text it holds. The first row repeats
    on every page; no row splits across pages. Returns the widths."""
    char = _char_twips(TABLE_FONT)
    least = [w * char + CELL_PADDING for w, _ in words]
    want = [max(t * char + CELL_PADDING - m, 0) for (_, t), m in zip(words, least)]
    spare = max(width - sum(least), 0)
    grow = sum(want) or 1
    widths = [m + spare * x // grow for m, x in zip(least, want)]
    widths[-1] += width - sum(widths) if sum(widths) < width else 0
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
