"""Proposals (CriticMarkup in the Markdown, `drafter.tracked`) exported as Word tracked changes.

A paragraph whose Markdown holds proposals is rendered piece by piece: the text between them
as any inline Markdown (by the DOCX renderer's own inline rule, passed in as `render`), and
each proposal's words the same way, then wrapped in `<w:ins>` or `<w:del>` (its text moved
into `<w:delText>`) with the proposal's author and date, so Word shows them as the tracked
changes counsel made and counsel can accept or reject them there. Inside a hyperlink the
change goes around the link's runs, where the schema allows it. The two ends of a move (a
deletion and an insertion with the same move name) become `<w:moveFrom>` and `<w:moveTo>`
(the moved-away text stays in `<w:t>`), each inside its range markers
(`<w:moveFromRangeStart w:name=…>` … `<w:moveFromRangeEnd>`), whose shared name is how Word
pairs them.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from drafter.document.markdown import inline, run_children
from drafter.tracked import UNKNOWN_AUTHOR, Proposal, proposals

Render = Callable[[DocxDocument, Paragraph, Token], None]
_FIRST_ID = 5000  # revision ids, apart from the bookmark and comment ids the export uses


def has_proposals(token: Token) -> bool:
    return bool(proposals(token.content))


def _next_id(doc: DocxDocument) -> str:
    part = doc.part
    number = getattr(part, "_drafter_revision", _FIRST_ID) + 1
    part._drafter_revision = number  # type: ignore[attr-defined]
    return str(number)


def _change(doc: DocxDocument, tag: str, proposal: Proposal) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:id"), _next_id(doc))
    element.set(qn("w:author"), proposal.author or UNKNOWN_AUTHOR)
    if proposal.date:  # an xsd:dateTime, as Word wants it: a bare date gets midnight UTC
        element.set(qn("w:date"), proposal.date if "T" in proposal.date
                    else f"{proposal.date}T00:00:00Z")
    return element


def _as_deleted(run: BaseOxmlElement) -> None:
    for text in run.iterchildren(qn("w:t")):
        text.tag = qn("w:delText")


def _wrap(doc: DocxDocument, added: list[BaseOxmlElement], tag: str,
          proposal: Proposal) -> None:
    """Put the runs just rendered into one tracked change (inside each hyperlink, around its
    runs); a move's end within its range markers."""
    if not added:
        return
    if tag in ("w:moveFrom", "w:moveTo"):
        number = _next_id(doc)
        start = _change(doc, f"{tag}RangeStart", proposal)
        start.set(qn("w:id"), number)
        start.set(qn("w:name"), proposal.move)
        end = OxmlElement(f"{tag}RangeEnd")
        end.set(qn("w:id"), number)
        added[0].addprevious(start)
        added[-1].addnext(end)
    wrapper: BaseOxmlElement | None = None
    for element in added:
        runs = [element] if element.tag == qn("w:r") else list(element.iterchildren(qn("w:r")))
        if tag == "w:del":
            for run in runs:
                _as_deleted(run)
        if element.tag == qn("w:r"):
            if wrapper is None:
                wrapper = _change(doc, tag, proposal)
                element.addprevious(wrapper)
            wrapper.append(element)
            continue
        wrapper = None
        if runs:
            inner = _change(doc, tag, proposal)
            runs[0].addprevious(inner)
            for run in runs:
                inner.append(run)


def _piece(doc: DocxDocument, paragraph: Paragraph, markdown: str, level: int,
           render: Render) -> list[BaseOxmlElement]:
    """Render a piece of inline Markdown at the end of the paragraph; the elements it added."""
    p = paragraph._p
    before = len(p)
    if markdown:
        piece = inline(run_children(markdown), level)
        piece.content = markdown  # its source, as markdown-it gives an inline token
        render(doc, paragraph, piece)
    return list(p)[before:]


def _mark_changed(doc: DocxDocument, paragraph: Paragraph, proposal: Proposal) -> None:
    """A paragraph that is all one proposed insertion (deletion) gets its paragraph mark
    inserted (deleted) too, as Word records a whole paragraph added (removed): rejecting
    (accepting) it in Word then leaves no empty paragraph behind. Not in a table cell, whose
    last paragraph mark cannot go."""
    p = paragraph._p
    if proposal.kind == "replace" or p.xpath("ancestor::w:tc"):
        return
    pPr = p.get_or_add_pPr()
    rPr = pPr.find(qn("w:rPr"))
    if rPr is None:
        rPr = OxmlElement("w:rPr")
        later = [pPr.find(qn(tag)) for tag in ("w:sectPr", "w:pPrChange")]
        following = next((e for e in later if e is not None), None)
        if following is not None:
            following.addprevious(rPr)
        else:
            pPr.append(rPr)
    rPr.insert(0, _change(doc, "w:ins" if proposal.kind == "insert" else "w:del", proposal))


def render_with_proposals(doc: DocxDocument, paragraph: Paragraph, token: Token,
                          render: Render) -> None:
    """Runs for an inline token holding proposals: tracked changes in Word."""
    text = token.content
    position = 0
    found = proposals(text)
    if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)):
        _mark_changed(doc, paragraph, found[0])
    for proposal in found:
        _piece(doc, paragraph, text[position:proposal.start], token.level, render)
        if proposal.old:
            _wrap(doc, _piece(doc, paragraph, proposal.old, token.level, render),
                  "w:moveFrom" if proposal.move else "w:del", proposal)
        if proposal.new:
            _wrap(doc, _piece(doc, paragraph, proposal.new, token.level, render),
                  "w:moveTo" if proposal.move else "w:ins", proposal)
        position = proposal.end
    _piece(doc, paragraph, text[position:], token.level, render)
