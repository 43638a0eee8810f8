"""The page layout of counsel's Word file, as a firm sends one: numbered headings, a running
header and a "Page X of Y" footer, and a written-out table of contents (tables that fit the
page: `docx_tables.py`).

- Headings are numbered by Word itself: one multilevel list linked to the Heading 1 and 2
  styles (`1.`, `1.1`), so Word's cross-references ("see section 4.2") can point at them.
- The header names the business and, until the policy is published, marks the file
  "Draft — privileged and confidential"; the footer holds PAGE and NUMPAGES fields.
- The table of contents is written out, entry by entry, inside a TOC field: each entry links to
  its heading's `_Toc` bookmark and ends with a PAGEREF field. Word opens the file without the
  "update fields?" prompt (no `w:updateFields`) and shows the cached entries; "Update table"
  rebuilds them as usual. The cached page numbers are empty unless a pagination pass supplied
  them (`docx_pages.py`, which lays the file out with LibreOffice).
"""

from __future__ import annotations

from collections.abc import Mapping
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
from docx.text.paragraph import Paragraph

from drafter.document.model import Labels
from drafter.export.docx_runs import paragraph_element, plain_run, run_element, style_element

DRAFT_MARK = Labels().draft
TOC_INSTRUCTION = r' TOC \o "1-2" \h \z \u '
NUMBERED = ("Heading 1", "Heading 2")
TOC_STYLES = ("TOC 1", "TOC 2")
_P, _PPR, _PSTYLE, _OUTLINE = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:outlineLvl")
_VAL, _SPACE = qn("w:val"), qn("xml:space")
# the paragraphs in either heading style (ids $one, $two) but not marked body text
_HEADINGS = XPath(".//w:p[w:pPr[1]/w:pStyle[1]/@w:val = $one or w:pPr[1]/w:pStyle[1]/@w:val = $two]"
                  "[not(w:pPr[1]/w:outlineLvl)]", namespaces={"w": nsmap["w"]})
_FLD_CHAR, _FLD_CHAR_TYPE, _INSTR_TEXT = qn("w:fldChar"), qn("w:fldCharType"), qn("w:instrText")
_HYPERLINK, _ANCHOR, _HISTORY = qn("w:hyperlink"), qn("w:anchor"), qn("w:history")
# What python-docx's `Paragraph.text` reads (the text parts of its runs, and of its hyperlinks'
# runs), in document order, by one XPath compiled once: python-docx's own `xpath()` compiles
# its expression at each call, twice a heading or more.
_PART = "*[self::w:br or self::w:cr or self::w:noBreakHyphen or self::w:ptab or self::w:t " \
    "or self::w:tab]"
_TEXT_PARTS = XPath(f"w:r/{_PART} | w:hyperlink/w:r/{_PART}", namespaces={"w": nsmap["w"]})


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

def paragraph_text(p: BaseOxmlElement) -> str:
    """`Paragraph(p, …).text`: each part's text as python-docx gives it (`str`)."""
    return "".join(str(part) for part in _TEXT_PARTS(p))


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
        title = paragraph_text(heading._p)
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
