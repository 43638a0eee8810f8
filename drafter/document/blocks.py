"""Markdown parsed block by block, each block's tokens kept by its text (issue 13).

A policy is drafted again on every change in the app, and most of its blocks (a heading, a
clause's paragraphs, a list) come out as they were: their tokens are those of the last parse.
`parse` cuts the Markdown where a blank line ends every block open before it, parses each piece
it has not seen (without the heading-anchors rule), and puts copies of the pieces' tokens
together, their lines moved to where the piece sits; then the heading anchors are set over the
whole, as one parse sets them (ids unique across the document).

A cut is made only where no block can run on across it: after a blank line, before a line that
starts at the margin and is not a list item (which would continue the list above), and never
inside a fenced code block or an HTML block that a blank line does not end (`<!--` not yet
closed, `<pre>`, `<script>`, ...). A document that may hold link reference definitions (`]:`),
which any block may use, or carriage returns or NULs (which markdown-it rewrites first), is
parsed whole. tests/test_document_blocks.py checks the tokens equal one parse's on every
example in every language.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

ANCHOR_RULE = "anchor"  # mdit_py_plugins' heading-anchors core rule
_LIMIT = 4096  # pieces kept; past that the store starts afresh

# A line that begins a block no blank line before it can join to the block above: at the
# margin, and not a list marker (`-`, `+`, `*`, `1.`, `1)` then a space or the line's end).
_FRESH_START = re.compile(r"[^\s](?<![-+*])|[-+*]\S", re.ASCII)
_LIST_NUMBER = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")
# What a blank line does not end: a fence, or an HTML block of CommonMark's kinds 1 to 5.
_RUNS_ON = re.compile(r"```|~~~|<(?:script|pre|style|textarea)|<\?|<!\[|<![A-Za-z]",
                      re.IGNORECASE)


def pieces(markdown: str) -> list[tuple[int, str]] | None:
    """The Markdown cut where no block runs on: (first line, text) of each piece; None when
    the whole must be parsed as one."""
    if "]:" in markdown or "\r" in markdown or "\0" in markdown:
        return None
    found: list[tuple[int, str]] = []
    start_line = start = line_no = position = 0
    blank_before = False
    for line in markdown.splitlines(keepends=True):
        if blank_before and line_no > start_line and _fresh(line) \
                and _closed(markdown[start:position]):
            found.append((start_line, markdown[start:position]))
            start_line, start = line_no, position
        blank_before = not line.strip(" \t\n")
        position += len(line)
        line_no += 1
    found.append((start_line, markdown[start:]))
    return found


def _fresh(line: str) -> bool:
    return bool(_FRESH_START.match(line)) and not _LIST_NUMBER.match(line)


def _closed(text: str) -> bool:
    """No fence or HTML block in `text` may still be open at its end."""
    if _RUNS_ON.search(text):
        return False
    opened = text.rfind("<!--")
    return opened < 0 or text.find("-->", opened + 4) >= 0


class BlockParser:
    """`md`'s parse, block by block, with each block's tokens kept (see the module's text).
    `md` must end its core rules with the heading-anchors rule."""

    def __init__(self, md: MarkdownIt, make: Callable[[], MarkdownIt]) -> None:
        self.md = md
        self.pieces_md = make().disable(ANCHOR_RULE)
        self.anchors = next(rule.fn for rule in md.core.ruler.__rules__
                            if rule.name == ANCHOR_RULE)
        self.kept: dict[str, tuple[Token, ...]] = {}
        self.lock = threading.Lock()
        self.parsed = False  # nothing parsed yet

    def parse(self, markdown: str) -> list[Token]:
        """The tokens `md.parse(markdown)` gives. The first parse of a process is one parse:
        a command that drafts once (`drafter build`) would only pay for keeping blocks (a
        parse in pieces costs more than one parse) that it never reads again; a process that
        drafts again (the app, on every change) keeps them from its second draft on."""
        cut = pieces(markdown) if self.parsed else None
        self.parsed = True
        if cut is None or len(cut) == 1:
            return self.md.parse(markdown)
        tokens: list[Token] = []
        for line, text in cut:
            kept = self.kept.get(text)
            if kept is None:
                kept = tuple(self.pieces_md.parse(text))
                with self.lock:
                    if len(self.kept) >= _LIMIT:
                        self.kept.clear()
                    self.kept[text] = kept
            tokens += [_copy(token, line) for token in kept]
        self.anchors(StateCore(markdown, self.md, {}, tokens))
        return tokens


def _copy(token: Token, line: int) -> Token:
    """A copy of `token` (its attributes, meta and children too) with its lines moved down by
    `line`: the kept tokens are never handed out, so no reader's change reaches them."""
    new = Token(token.type, token.tag, token.nesting, dict(token.attrs),
                [token.map[0] + line, token.map[1] + line] if token.map is not None else None,
                token.level,
                [_copy(child, 0) for child in token.children]
                if token.children is not None else None,
                token.content, token.markup, token.info, dict(token.meta), token.block,
                token.hidden)
    return new
