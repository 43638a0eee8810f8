"""Word (DOCX) rendered from the policy's tree, for counsel: the policy's last reader.

Built from the Markdown's tokens (parsed once, without the note markers: here the notes are
Word comments, taken from the draft's notes), like HTML and text, by `DocxRenderer`, a rule
table keyed by token type as markdown-it-py's renderer is, with python-docx:
real heading styles (Word's navigation pane and the TOC field work), bold/italic/links, lists
that restart their numbering, tables, core properties, and every reviewer note as a Word
comment on the first paragraph of the clause or section it concerns, so counsel can resolve
them one by one; counsel's own open comments, kept in the Markdown by `drafter absorb`,
become Word comments again. Each clause's first paragraph carries a hidden bookmark (`provenance`), which
is how `drafter absorb` maps counsel's edited paragraphs back to clauses.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timezone

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from markdown_it.token import Token

from drafter.export import Source
from drafter.export.docx_layout import header_and_footer, number_headings, unnumbered, write_toc
from drafter.export.docx_runs import (add_comment, add_paragraph, add_table, paragraph_element,
                                      restart_numbering, run_element, set_numbering, style_id)
from drafter.export.docx_tables import fit_tables
from drafter.export.docx_stable import stable_bytes
from drafter.export.docx_template import new_document
from drafter.document.markdown import is_contents, matching_close
from drafter.document.provenance import bookmark_name, parse_clause_comment, parse_counsel_comment
from drafter.document.model import Note, Policy
from drafter.document.tree import Tree
from drafter.review.report import label
from drafter.tracked import might_have_proposals

# Markdown heading level → Word style. h1 is the document title; sections and clause titles
# become Heading 1 and 2, which Word's navigation pane and TOC field list.
HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3",
                  "h5": "Heading 4", "h6": "Heading 5"}
COMMENT_AUTHOR = "Drafter review"
COMMENT_INITIALS = "DR"
LINK_COLOR = RGBColor(0x05, 0x50, 0xAE)
AFTER_TABLE = Pt(10)
_P, _TC, _PPR = qn("w:p"), qn("w:tc"), qn("w:pPr")
_BOOKMARK_START, _BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_ID, _NAME, _SECT_PR = qn("w:id"), qn("w:name"), qn("w:sectPr")
LIST_STYLES = {"bullet_list_open": "List Bullet", "ordered_list_open": "List Number"}


@dataclass
class _State:
    """Where the token walk is: the open lists, the clause waiting for its first paragraph."""

    lists: list[tuple[str, int | None]] = field(default_factory=list)  # (style, numId)
    item_started: bool = False
    pending_clause: str | None = None
    pending_comments: list[tuple[str, str]] = field(default_factory=list)  # (author, text)
    counsel_comments: list[tuple[Paragraph, str, str]] = field(default_factory=list)
    clause_paragraphs: dict[str, Paragraph] = field(default_factory=dict)
    token: int = 0  # the index of the token being rendered
    claimed: list[tuple[int, Paragraph]] = field(default_factory=list)  # (token, its first)
    first: Paragraph | None = None
    after_table: bool = False  # Word puts no space below a table: the next block adds it
    style_ids: dict[str, str] = field(default_factory=dict)
    contents: Paragraph | None = None  # where the table of contents goes (docx_layout.py)
    end: BaseOxmlElement | None = None  # the body's section properties: paragraphs go before

    def paragraph(self, doc: DocxDocument, style: str, text: str = "") -> Paragraph:
        """A new paragraph in `style`, as `doc.add_paragraph(text, style)` makes it. Style ids
        are looked up once (python-docx scans every style twice per `add_paragraph(style=…)`,
        which made the DOCX ten times slower than the other formats together), and the
        paragraph is a copy of one python-docx made in that style (docx_runs.py)."""
        if style not in self.style_ids:
            self.style_ids[style] = style_id(doc, style)
        if text or self.end is None:
            return add_paragraph(doc, self.style_ids[style], text, last=True)
        p = paragraph_element(self.style_ids[style])
        self.end.addprevious(p)
        return Paragraph(p, doc._body)


class DocxRenderer:
    """Renders a policy's tokens into a Word document, as markdown-it-py's renderer renders
    HTML: `rules` maps a block token type to the method that renders it and returns the
    index of the next token to look at; token types without a rule are passed over."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        body = doc.element.body
        end = body[-1] if len(body) else None
        self.state = _State(end=end if end is not None and end.tag == _SECT_PR else None)
        self.rules: dict[str, Callable[[Sequence[Token], int], int]] = {
            "heading_open": self.heading_open,
            "html_block": self.html_block,
            "ordered_list_open": self.list_open,
            "bullet_list_open": self.list_open,
            "ordered_list_close": self.list_close,
            "bullet_list_close": self.list_close,
            "list_item_open": self.list_item_open,
            "paragraph_open": self.paragraph_open,
            "table_open": self.table_open,
            "fence": self.code,
            "code_block": self.code,
        }

    def render(self, tokens: Sequence[Token]) -> None:
        i = 0
        while i < len(tokens):
            self.state.token = i
            rule = self.rules.get(tokens[i].type)
            i = rule(tokens, i) if rule is not None else i + 1

    def heading_open(self, tokens: Sequence[Token], i: int) -> int:
        state = self.state
        paragraph = state.paragraph(self.doc, HEADING_STYLES[tokens[i].tag])
        _inline(self.doc, paragraph, tokens[i + 1])
        _claim(paragraph, state)
        return i + 3

    def html_block(self, tokens: Sequence[Token], i: int) -> int:
        mark = parse_clause_comment(tokens[i].content)
        comment = parse_counsel_comment(tokens[i].content)
        if mark is not None:
            self.state.pending_clause = mark.id
        elif comment is not None:
            self.state.pending_comments.append(comment)
        return i + 1

    def list_open(self, tokens: Sequence[Token], i: int) -> int:
        token = tokens[i]
        close = matching_close(tokens, i)
        if token.type == "ordered_list_open" and is_contents(tokens[i:close]):
            self.state.contents = _contents(self.doc, self.state)
            return close + 1
        num_id = restart_numbering(self.doc, int(token.attrs.get("start", 1))) \
            if token.type == "ordered_list_open" else None
        self.state.lists.append((LIST_STYLES[token.type], num_id))
        return i + 1

    def list_close(self, tokens: Sequence[Token], i: int) -> int:
        self.state.lists.pop()
        return i + 1

    def list_item_open(self, tokens: Sequence[Token], i: int) -> int:
        self.state.item_started = True
        return i + 1

    def paragraph_open(self, tokens: Sequence[Token], i: int) -> int:
        _paragraph(self.doc, tokens[i + 1], self.state)
        return i + 3

    def table_open(self, tokens: Sequence[Token], i: int) -> int:
        return _table(self.doc, tokens, i, self.state)

    def code(self, tokens: Sequence[Token], i: int) -> int:
        self.state.paragraph(self.doc, "macro", tokens[i].content.rstrip("\n"))
        return i + 1


def tree_to_docx(tree: Tree, notes: Sequence[Note] = (),
                 policy: Policy | None = None) -> tuple[DocxDocument, Paragraph | None]:
    """Build the Word document for a policy's tree and attach the notes as comments on the
    first paragraph of the node each is about (`Tree.note_node`: the clause, the section's
    heading, the title), as the Markdown's markers sit on those nodes; with the paragraph the
    table of contents goes in (None: the Markdown has no contents list)."""
    doc = new_document()  # python-docx's default with only the styles we use
    number_headings(doc)
    renderer = DocxRenderer(doc)
    renderer.render(tree.tokens)
    state = renderer.state
    for paragraph, author, text in state.counsel_comments:
        if paragraph.runs:
            initials = "".join(word[0] for word in author.split()[:3]).upper()
            add_comment(doc, paragraph.runs, text, author, initials)
    for note in notes:
        target = _first_paragraph(state, tree.note_node(note.anchor, policy).start)
        if target is not None and target.runs:
            add_comment(doc, target.runs, _note_text(note), COMMENT_AUTHOR, COMMENT_INITIALS)
    return doc, state.contents


def _paragraph(doc: DocxDocument, inline: Token, state: _State) -> None:
    style = "Normal"
    if state.lists:
        list_style, num_id = state.lists[-1]
        depth = len(state.lists)
        style = list_style if depth == 1 else f"{list_style} {min(depth, 3)}"
        if not state.item_started:
            style = "List Continue" if depth == 1 else f"List Continue {min(depth, 3)}"
    paragraph = state.paragraph(doc, style)
    if state.lists and state.item_started and state.lists[-1][1] is not None:
        set_numbering(paragraph._p, state.lists[-1][1], len(state.lists) - 1)
    state.item_started = False
    _inline(doc, paragraph, inline)
    _claim(paragraph, state)


def _claim(paragraph: Paragraph, state: _State) -> None:
    """The first paragraph after a clause comment is the clause's: bookmark it."""
    if state.first is None:
        state.first = paragraph
    if state.after_table:
        paragraph.paragraph_format.space_before = AFTER_TABLE
        state.after_table = False
    state.claimed.append((state.token, paragraph))
    state.counsel_comments += [(paragraph, a, t) for a, t in state.pending_comments]
    state.pending_comments = []
    if state.pending_clause is None:
        return
    clause_id, state.pending_clause = state.pending_clause, None
    state.clause_paragraphs[clause_id] = paragraph
    mark_id = str(len(state.clause_paragraphs))
    p = paragraph._p
    start = p.makeelement(_BOOKMARK_START, {_ID: mark_id, _NAME: bookmark_name(clause_id)})
    end = p.makeelement(_BOOKMARK_END, {_ID: mark_id})
    p.insert(1 if len(p) and p[0].tag == _PPR else 0, start)  # after the paragraph's properties
    start.addnext(end)


def _inline(doc: DocxDocument, paragraph: Paragraph, token: Token) -> None:
    """Runs for an inline token: text with bold/italic, links as real hyperlinks."""
    if might_have_proposals(token.content):  # counsel's pending changes: tracked in Word
        from drafter.export.docx_tracked import has_proposals, render_with_proposals

        if has_proposals(token):
            return render_with_proposals(doc, paragraph, token, _inline)
    bold = italic = 0
    link: BaseOxmlElement | None = None
    for child in token.children or []:
        kind = child.type
        if kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            link = _hyperlink(doc, paragraph, str(child.attrs.get("href", "")))
        elif kind == "link_close":
            link = None
        elif kind in ("text", "code_inline") and not child.content:
            continue
        elif kind in ("text", "code_inline", "softbreak", "hardbreak"):
            # a link's run is coloured and underlined; inline code is in Courier New
            r = run_element(child.content if kind != "softbreak" else " ",
                            bold=bool(bold) or None, italic=bool(italic) or None,
                            color=LINK_COLOR if link is not None else None,
                            underline=True if link is not None else None,
                            font="Courier New" if kind == "code_inline" else None)
            if kind == "hardbreak":
                Run(r, paragraph).add_break()
            (paragraph._p if link is None else link).append(r)


def _hyperlink(doc: DocxDocument, paragraph: Paragraph, href: str) -> BaseOxmlElement:
    """A hyperlink at the end of the paragraph. A web address gets one relationship, which
    every link to it shares, as `relate_to` does; remembered per document, since
    `relate_to` finds it by reading every relationship."""
    element = OxmlElement("w:hyperlink")
    if href.startswith("#"):
        element.set(qn("w:anchor"), href[1:])
    else:
        part = doc.part
        links: dict[str, str] = part.__dict__.setdefault("_drafter_links", {})
        if href not in links:
            links[href] = part.relate_to(href, RT.HYPERLINK, is_external=True)
        element.set(qn("r:id"), links[href])
    paragraph._p.append(element)
    return element


def _table(doc: DocxDocument, tokens: Sequence[Token], i: int, state: _State) -> int:
    """A Markdown table as a Word table with a bold header row."""
    close = matching_close(tokens, i)
    rows: list[list[tuple[Token, bool]]] = []
    for j in range(i, close):
        if tokens[j].type == "tr_open":
            rows.append([])
        elif tokens[j].type == "inline" and tokens[j - 1].type in ("th_open", "td_open"):
            rows[-1].append((tokens[j], tokens[j - 1].type == "th_open"))
    width = max((len(r) for r in rows), default=0)
    if rows and width:
        table: Table = add_table(doc, len(rows), width, "Table Grid")
        # Read off the XML: `table.cell(r, c)` and `row.cells` re-walk the table each call.
        for r, (row, tr) in enumerate(zip(rows, table._tbl.tr_lst)):
            for c, ((inline, header), tc) in enumerate(zip(row, tr.iterchildren(_TC))):
                cell_paragraph = Paragraph(tc.find(_P), table)
                _inline(doc, cell_paragraph, inline)
                if header:  # its runs (not those in a link or a tracked change) in bold
                    for run in cell_paragraph.runs:
                        run.bold = True
                if r == 0 and c == 0:
                    _claim(cell_paragraph, state)
        state.after_table = True
    return close + 1


def _contents(doc: DocxDocument, state: _State) -> Paragraph:
    """The contents' heading, kept out of the heading numbering and out of the table of
    contents itself (outline level: body text), and the paragraph the table of contents will
    replace once every heading is in place (docx_layout.py)."""
    heading = doc.paragraphs[-1]
    unnumbered(heading)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "9")
    heading._p.get_or_add_pPr().append(outline)
    return state.paragraph(doc, "Normal")


def _first_paragraph(state: _State, token: int) -> Paragraph | None:
    """The first paragraph rendered from token `token` on (a node's first), else the first."""
    at = bisect_left(state.claimed, token, key=lambda claim: claim[0])
    return state.claimed[at][1] if at < len(state.claimed) else state.first


def _note_text(note: Note) -> str:
    parts = [f"[{note.id}] {label(note).capitalize()}: {note.message}"]
    if note.cite:
        parts.append(f"Law: {note.cite}{' [verify]' if note.verify else ''}")
    if note.resolves_by:
        parts.append(f"{'Answer for counsel to confirm' if note.for_counsel else 'Answer to revisit'}"
                     f": {note.resolves_by}")
    return "\n".join(parts)


def _properties(doc: DocxDocument, source: Source) -> datetime:
    """Set the core properties; returns the document's date (its effective date)."""
    policy = source.draft.policy
    stamp = datetime.combine(policy.effective_date, time(), tzinfo=timezone.utc)
    props = doc.core_properties
    props.title = policy.title
    props.language = policy.lang  # its language tag (drafter.i18n): Word reads and checks it so
    props.subject = policy.business_name
    props.author = policy.business_name
    props.last_modified_by = "Drafter"
    props.keywords = (f"library {source.library_version}; "
                      f"effective {policy.effective_date.isoformat()}")
    props.comments = (f"Drafted by Drafter from clause library {source.library_version}; "
                      f"effective date {policy.effective_date.isoformat()}.")
    props.revision = 1
    return stamp


def render_docx(source: Source) -> bytes:
    """The DOCX file for a source (registered as the `docx` format by `drafter.export`);
    laid out once by LibreOffice first when `source.lay_out`, for the contents' page numbers."""
    if source.lay_out and source.pages is None:
        from drafter.export.docx_pages import heading_pages

        measured = heading_pages(render_docx(replace(source, lay_out=False)))
        return render_docx(replace(source, pages=measured))
    policy = source.draft.policy
    doc, contents = tree_to_docx(source.tree, source.draft.notes, policy)
    if source.draft.promises is not None:  # counsel's copy: the promises ledger as an appendix
        from drafter.export.docx_ledger import add_ledger

        add_ledger(doc, source.draft.promises)
    fit_tables(doc)
    header_and_footer(doc, policy.business_name, source.published, policy.labels)
    if contents is not None:
        write_toc(doc, contents, source.pages)
    return stable_bytes(doc, _properties(doc, source))
