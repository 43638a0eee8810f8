"""The Word side of `drafter absorb`: counsel's DOCX read as blocks of Markdown.

Each paragraph, list item, heading and table of the Word document becomes a `WordBlock`: a
plain-text signature (what `absorb` aligns with the Markdown's blocks), its Markdown (bold,
italic, links, lists, tables) and the clause whose bookmark (`provenance`) it carries.
Counsel's open comments come along as Markdown comment lines; Drafter's own review comments
and resolved comments do not. The TOC field and the promises appendix are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from lxml import etree

from drafter.absorb_tracked import Piece, across_mark, has_changes, mark_change, \
    mark_is_moot, tracked_markdown
from drafter.document.provenance import BOOKMARK_PREFIX, bookmark_name, counsel_comment
from drafter.export.docx import COMMENT_AUTHOR, HEADING_STYLES
from drafter.export.docx_ledger import is_appendix
from drafter.templating import escape_markdown

_SPACES = re.compile(r"\s+")
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True)
_HEADING_TAGS = {style: tag for tag, style in HEADING_STYLES.items()}


def plain(text: str) -> str:
    """A block's signature text: its words, single-spaced."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class WordBlock:
    """A block of the Word document: its signature, its Markdown, the clause it starts."""

    signature: tuple[str, str]
    markdown: str
    clause: str | None
    comments: tuple[str, ...] = ()  # counsel's open comments on it, as Markdown lines
    # a pending split or join just before it, next to other tracked changes, taken as Word
    # shows it (the first words of the paragraph before): `absorb` says so
    as_shown: str | None = None


def _run_markdown(text: str, bold: bool, italic: bool) -> str:
    escaped = escape_markdown(text).replace("\n", "  \n")
    if not escaped.strip():
        return escaped
    if italic:
        escaped = f"*{escaped}*"
    return f"**{escaped}**" if bold else escaped


def _paragraph_markdown(paragraph: Paragraph) -> str:
    """Inline Markdown for a Word paragraph; neighbouring runs with the same look are joined."""
    pieces: list[Piece] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            address = item.address + (f"#{item.fragment}" if item.fragment else "")
            pieces.append((item.text, False, False, address))
        else:
            pieces.append((item.text, bool(item.bold), bool(item.italic), None))
    return _pieces_markdown(pieces).strip()


def _pieces_markdown(pieces: list[Piece]) -> str:
    """Inline Markdown for runs (text, bold, italic, link): runs of one look are joined."""
    out: list[str] = []
    current: list[str] = []
    look: tuple[bool, bool] | None = None
    for text, bold, italic, href in pieces + [("", False, False, "")]:
        if href is not None or (bold, italic) != look:
            if current and look is not None:
                out.append(_run_markdown("".join(current), *look))
            current, look = [], None
        if href:
            out.append(f"[{escape_markdown(text)}](<{href}>)")
        elif href is None:
            current.append(text)
            look = (bold, italic)
    return "".join(out)


def _style_kind(paragraph: Paragraph, doc: DocxDocument) -> str:
    name = paragraph.style.name if paragraph.style is not None else "Normal"
    if name in _HEADING_TAGS:
        return _HEADING_TAGS[name]
    if name.startswith("List Bullet"):
        return "ul"
    if name.startswith("List Number"):
        return "ol"
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if num_pr is not None and num_pr.numId is not None:
        formats = doc.part.numbering_part.element.xpath(
            f'w:abstractNum[@w:abstractNumId=//w:num[@w:numId="{num_pr.numId.val}"]'
            f'/w:abstractNumId/@w:val]/w:lvl/w:numFmt/@w:val')
        return "ul" if formats[:1] == ["bullet"] else "ol"
    return "p"


def _fields(paragraph: Paragraph) -> tuple[int, bool]:
    """Net field depth change in a paragraph, and whether it starts a TOC field."""
    kinds = paragraph._p.xpath(".//w:fldChar/@w:fldCharType")
    instr = " ".join(paragraph._p.xpath(".//w:instrText/text()"))
    return kinds.count("begin") - kinds.count("end"), instr.strip().startswith("TOC")


def _body_elements(parent: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """Paragraphs and tables in document order, also inside content controls (LibreOffice
    and Word wrap the TOC in one), up to the promises appendix, which ends the policy."""
    for element in parent.iterchildren():
        if is_appendix(element):
            return
        if element.tag in (qn("w:p"), qn("w:tbl")):
            yield element
        elif element.tag in (qn("w:sdt"), qn("w:sdtContent")):
            yield from _body_elements(element)


def _open_comments(doc: DocxDocument) -> dict[str, str]:
    """Counsel's unresolved comments by comment id, as Markdown lines. Drafter's own review
    comments are left out (the next build makes them afresh from the notes), and so are
    comments marked resolved (Word and LibreOffice record that in commentsExtended.xml) and
    the replies to them (a reply to a resolved note is its reason: `decisions_word`)."""
    resolved: set[str] = set()
    for part in doc.part.package.iter_parts():
        if str(part.partname).endswith("/commentsExtended.xml"):
            resolved.update(etree.fromstring(part.blob, _SAFE_XML).xpath(  # and replies to them
                "//w15:commentEx[@w15:done='1' or @w15:paraIdParent=//w15:commentEx"
                "[@w15:done='1']/@w15:paraId]/@w15:paraId", namespaces={"w15": W15}))
    kept: dict[str, str] = {}
    for comment in doc.comments:
        paragraphs = comment._comment_elm.xpath("./w:p")
        para_id = paragraphs[-1].get(f"{{{W14}}}paraId") if paragraphs else None
        if comment.author != COMMENT_AUTHOR and para_id not in resolved and comment.text.strip():
            kept[str(comment.comment_id)] = counsel_comment(comment.author, comment.text)
    return kept


def word_blocks(doc: DocxDocument, clause_ids: list[str]) -> list[WordBlock]:
    by_bookmark = {bookmark_name(c): c for c in clause_ids}
    open_comments = _open_comments(doc)

    def comments_on(element: BaseOxmlElement) -> tuple[str, ...]:
        ids = element.xpath(".//w:commentRangeStart/@w:id")
        return tuple(open_comments[i] for i in ids if i in open_comments)

    blocks: list[WordBlock] = []
    toc_depth = 0
    ordinal = 0
    # the paragraph just read, whose mark may be counsel's pending change: (its block's
    # index, element, Markdown prefix, inline Markdown, raw text, whether it has tracked text)
    previous: tuple[int, BaseOxmlElement, str, str, str, bool] | None = None
    for element in _body_elements(doc.element.body):
        if element.tag == qn("w:tbl"):
            blocks.append(replace(_table_block(Table(element, doc)),
                                  comments=comments_on(element)))
            ordinal, previous = 0, None
            continue
        paragraph = Paragraph(element, doc)
        change, starts_toc = _fields(paragraph)
        if toc_depth or starts_toc:
            if not toc_depth:
                blocks.append(WordBlock(("toc", ""), "", None))
            toc_depth = max(toc_depth + change, 0)
            continue
        tracked = has_changes(element)
        if tracked:  # pending tracked changes come back as proposals (`absorb_tracked`)
            inline, text = tracked_markdown(paragraph, _pieces_markdown)
            text = plain(text)
        else:
            text = plain(paragraph.text)
        if not text:
            previous = None
            continue
        marks = [by_bookmark.get(str(name)) for name in
                 element.xpath(f'.//w:bookmarkStart[starts-with(@w:name, "{BOOKMARK_PREFIX}")]/@w:name')]
        kind = _style_kind(paragraph, doc)
        ordinal = ordinal + 1 if kind == "ol" else 0
        inline = inline if tracked else _paragraph_markdown(paragraph)
        prefix = {"ul": "- ", "ol": f"{ordinal}. ", "p": ""}.get(
            kind, "#" * int(kind[1:]) + " " if kind.startswith("h") else "")
        crossing = mark_change(previous[1]) if previous is not None else None
        as_shown = None
        if previous is not None and crossing is not None and \
                mark_is_moot(crossing, previous[3], inline):
            crossing = None
        elif previous is not None and crossing is not None and (tracked or previous[5]):
            as_shown, crossing = " ".join(previous[4].split()[:8]), None
        if previous is not None and crossing is not None:  # a pending split or join
            at, _, before_prefix, before, raw, _ = previous
            gap = " " if raw[-1:].isspace() or paragraph.text[:1].isspace() else ""
            (before, before_text), (inline, text) = across_mark(
                crossing, (before, plain(raw)), (inline, text), gap)
            blocks[at] = replace(blocks[at], signature=(blocks[at].signature[0],
                                                        plain(before_text)),
                                 markdown=before_prefix + before)
            text = plain(text)
        previous = None if crossing is not None else \
            (len(blocks), element, prefix, inline, paragraph.text, tracked)
        blocks.append(WordBlock((kind, text), prefix + inline, next((m for m in marks if m), None),
                                comments_on(element), as_shown))
    return blocks


def _cell(cell: _Cell) -> tuple[str, str]:
    """A table cell's plain text and Markdown (with proposals where it has tracked changes)."""
    texts, markdowns = [], []
    for paragraph in cell.paragraphs:
        if has_changes(paragraph._p):
            markdown, text = tracked_markdown(paragraph, _pieces_markdown)
        else:
            text = paragraph.text
            markdown = escape_markdown(plain(text))
        texts.append(text)
        markdowns.append(markdown)
    return plain(" ".join(texts)), plain(" ".join(markdowns))


def _table_block(table: Table) -> WordBlock:
    found = [[_cell(cell) for cell in row.cells] for row in table.rows]
    rows = [[text for text, _ in row] for row in found]
    cells = [c for row in rows for c in row]
    lines = []
    for n, row in enumerate(found):
        lines.append("| " + " | ".join(markdown for _, markdown in row) + " |")
        if n == 0:
            lines.append("|" + "|".join(" --- " for _ in row) + "|")
    return WordBlock(("table", " | ".join(cells)), "\n".join(lines), None)
