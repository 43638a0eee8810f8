"""The Markdown Drafter writes and reads, configured once, and the helpers over its tokens.

CommonMark with tables and raw HTML (raw HTML only so the clause-provenance comments pass
through: owner text is escaped before it reaches Markdown), heading anchors on the title and
sections (ids that match the contents links), counsel's comments hidden from HTML, and plain
inline runs given their tokens without markdown-it's inline parser. Review, every exporter and
`drafter absorb` read Markdown through `parse`, so there is one way to read it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.anchors.index import slugify

from drafter.document.blocks import BlockParser
from drafter.document.provenance import parse_counsel_comment

# The Markdown exporter writes this comment before its "Reviewer notes" list; review stops
# there, so that notes about a policy are never reviewed as part of it.
NOTES_MARK = "<!-- reviewer-notes -->"
NOTES_HEADING = "Reviewer notes"
# A reviewer-note marker line: `[R1]`, or `[R1] [R2]`, on a line of its own. Counsel's own
# "[R1]" stays text: within a sentence it is no line of its own, and on a line of its own
# it is written `\[R1]` (Drafter's escaping writes it so from Word or an answer).
MARKER_LINE = re.compile(r"\[R[1-9][0-9]*\](?: \[R[1-9][0-9]*\])*")

# Characters that start an inline rule of the commonmark preset (escape, code, emphasis, links,
# images, autolinks, inline HTML, entities). A run without any of them is plain text, whose
# only markup is its line breaks.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<&]")
# A line break as markdown-it's `newline` rule reads it: the spaces before it (two or more
# make a hard break) and the spaces and tabs after it are not text.
_LINE_BREAK = re.compile(r"( *)\n[ \t]*")


def _plain_children(content: str) -> list[Token]:
    """The tokens markdown-it's inline parser makes of a run without inline syntax: text,
    and a soft or hard break for each line break."""
    children: list[Token] = []
    position = 0
    for match in _LINE_BREAK.finditer(content):
        text = content[position:match.start()]
        if text:
            children.append(Token("text", "", 0, content=text))
        hard = len(match[1]) >= 2
        children.append(Token("hardbreak" if hard else "softbreak", "br", 0))
        position = match.end()
    if position < len(content):
        children.append(Token("text", "", 0, content=content[position:]))
    return children


def _inline_where_needed(state: StateCore) -> None:
    """Replaces the core `inline` rule: parse the inline runs that hold inline syntax, and
    give the others their text and break tokens directly. Most paragraphs of a policy are
    plain, and the inline parser was a third of the cost of reading a long Markdown policy
    (tests/test_review_markdown.py checks that both ways give the same tokens)."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if _INLINE_SYNTAX.search(token.content):
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
        else:
            token.children = _plain_children(token.content)


def _note_decorations(state: StateCore) -> None:
    """Core rule: tag what the Markdown exporter adds for reviewer notes, so that a text read
    back (counsel's edit) shows its decorations in its one parse (`document.decorations`):
    a top-level paragraph's marker lines (`meta["markers"]`: their offsets in it) and the
    block that opens the notes list (`meta["notes"]`: the mark, or its heading)."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.level:
            continue
        if token.type == "paragraph_open":
            content = tokens[i + 1].content
            if "[R" in content:
                found = tuple(n for n, line in enumerate(content.split("\n"))
                              if MARKER_LINE.fullmatch(line.strip()))
                if found:
                    token.meta["markers"] = found
        elif token.type == "html_block" and token.content.strip() == NOTES_MARK or \
                token.type == "heading_open" and token.tag == "h2" and \
                tokens[i + 1].content == NOTES_HEADING:
            token.meta["notes"] = True


def _hide_counsel_comments(md: MarkdownIt) -> None:
    """Counsel's Word comments ride along in the Markdown (see `drafter absorb`); they are
    notes between lawyers, never part of the published page, not even its source."""
    default = md.renderer.rules["html_block"]

    def html_block(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
                   env: EnvType) -> str:
        if parse_counsel_comment(tokens[idx].content):
            return ""
        return default(tokens, idx, options, env)

    md.add_render_rule("html_block", html_block)


def _terminators_in_one_order() -> None:
    """markdown-it compiles the characters that end a text run (its `text` rule) from a
    frozenset, in the order of the process's hash seed: a pattern text never seen before in
    each process, so `patterncode` compiled it afresh and rewrote its file (some 180 KB) at
    every exit. The same characters, sorted, make the same matches in one text. Set before
    the first MarkdownIt is made, which compiles it once for every parser; a markdown-it
    without these names is left as it is (tests/test_patterncode.py would then fail)."""
    from markdown_it import parser_inline

    characters = getattr(parser_inline, "_DEFAULT_TERMINATORS", None)
    compiled = getattr(parser_inline, "_default_terminator_re", None)
    if not isinstance(characters, frozenset) or getattr(compiled, "sorted", False):
        return
    pattern = re.compile("[" + re.escape("".join(sorted(characters))) + "]")

    def sorted_terminators() -> re.Pattern[str]:
        return pattern

    sorted_terminators.sorted = True  # type: ignore[attr-defined]
    parser_inline._default_terminator_re = sorted_terminators


def commonmark() -> MarkdownIt:
    """CommonMark with tables, raw HTML and heading anchors, reviewer-note decorations
    tagged, every inline run parsed: the reference `parser()` must read exactly as."""
    _terminators_in_one_order()
    md = (MarkdownIt("commonmark", {"html": True}).enable("table")
          .use(anchors_plugin, min_level=1, max_level=2)
          .use(_hide_counsel_comments))
    md.core.ruler.after("block", "note_decorations", _note_decorations)
    return md


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The one Markdown configuration: `commonmark()` with plain runs left unparsed."""
    return _plain_runs_unparsed(commonmark())


def reading_commonmark() -> MarkdownIt:
    """`commonmark()` as review reads a policy written elsewhere: a block indented four spaces
    is text (policies are not code, and Drafter never writes code blocks), and YAML front
    matter is skipped, not reviewed."""
    from mdit_py_plugins.front_matter import front_matter_plugin

    return commonmark().disable("code").use(front_matter_plugin)


@lru_cache(maxsize=1)
def reading_parser() -> MarkdownIt:
    """`reading_commonmark()` with plain runs left unparsed, as `parser()` does."""
    return _plain_runs_unparsed(reading_commonmark())


def _plain_runs_unparsed(md: MarkdownIt) -> MarkdownIt:
    md.core.ruler.at("inline", _inline_where_needed)
    return md


@lru_cache(maxsize=1)
def _blocks() -> BlockParser:
    return BlockParser(parser(), lambda: _plain_runs_unparsed(commonmark()))


def parse(markdown: str) -> list[Token]:
    """Markdown's tokens: the only place Drafter parses Markdown (block by block, each
    block's tokens kept for the next draft: drafter.document.blocks)."""
    return _blocks().parse(markdown)


def render_html(tokens: Sequence[Token]) -> str:
    """The HTML for tokens `parse` made (and any Drafter added, such as note markers)."""
    md = parser()
    return md.renderer.render(tokens, md.options, {})


# ---- token helpers ---------------------------------------------------------------------------

def inline_text(token: Token) -> str:
    """An inline token's text with escapes resolved, link targets dropped and line breaks as
    newlines: what review checks read."""
    parts = []  # a loop, not a generator's join: review reads every run of every draft
    for child in token.children or ():
        kind = child.type
        if kind == "text" or kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak" or kind == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def fragment_text(markdown: str) -> str:
    """The plain text of a piece of one inline run (part of a paragraph, list item or cell),
    escapes resolved and link targets dropped: for the rare piece of a parsed run that holds
    inline syntax, whose own tokens the run's do not show."""
    if not _INLINE_SYNTAX.search(markdown):
        return markdown
    tokens = parser().parseInline(markdown)
    return inline_text(tokens[0]) if tokens else ""


def paragraph(text: str, level: int = 0) -> list[Token]:
    """The tokens of a paragraph of plain `text` (no inline syntax), as `parse` makes them:
    how note markers join a parsed document without parsing it again."""
    inline = Token("inline", "", 0, content=text, level=level + 1, block=True,
                   children=_plain_children(text))
    return [Token("paragraph_open", "p", 1, level=level, block=True), inline,
            Token("paragraph_close", "p", -1, level=level, block=True)]


def run_children(markdown: str) -> list[Token]:
    """The inline tokens of one run of Markdown that is not part of a parsed document (a
    note's message, written by the library): its text, or markdown-it's inline parse when it
    holds inline syntax, as the core `inline` rule would make them."""
    if not _INLINE_SYNTAX.search(markdown):
        return _plain_children(markdown)
    md, children = parser(), []
    md.inline.parse(markdown, md, {}, children)
    return children


def inline(children: list[Token], level: int) -> Token:
    """An inline token holding `children`, its content their text."""
    return Token("inline", "", 0, content="".join(c.content for c in children), level=level,
                 block=True, children=children)


def heading(text: str, level: int, anchored: bool) -> list[Token]:
    """The tokens of a heading of plain `text` (`#` × level), with the id the heading-anchors
    plugin gives it when `anchored`."""
    tag, markup = f"h{level}", "#" * level
    opening = Token("heading_open", tag, 1, markup=markup, block=True)
    if anchored:
        opening.attrs["id"] = slugify(text)
    return [opening, inline(_plain_children(text), 1),
            Token("heading_close", tag, -1, markup=markup, block=True)]


def tight_list(items: Sequence[list[Token]]) -> list[Token]:
    """The tokens of a tight `-` list, one paragraph of inline `items` (children) per item."""
    tokens = [Token("bullet_list_open", "ul", 1, markup="-", block=True)]
    for children in items:
        tokens += [Token("list_item_open", "li", 1, markup="-", level=1, block=True),
                   Token("paragraph_open", "p", 1, level=2, block=True, hidden=True),
                   inline(children, 3),
                   Token("paragraph_close", "p", -1, level=2, block=True, hidden=True),
                   Token("list_item_close", "li", -1, markup="-", level=1, block=True)]
    return tokens + [Token("bullet_list_close", "ul", -1, markup="-", block=True)]


def matching_close(tokens: Sequence[Token], i: int) -> int:
    """The index of the token closing the one opened at `i`."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def is_contents(tokens: Sequence[Token]) -> bool:
    """An ordered list (its tokens) of links to headings only is the Markdown's contents: in
    Word it is a TOC field instead, which Word fills with page numbers."""
    items = [t.children or [] for t in tokens if t.type == "inline"]
    return bool(items) and all(
        len(c) >= 2 and c[0].type == "link_open" and str(c[0].attrs.get("href", "")).startswith("#")
        for c in items
    )
