"""Any policy as reviewable text: blocks (paragraphs, headings, list items) with line numbers.

Each format is read by a well-kept parser (markdown-it-py, the standard library's
`html.parser`, python-docx) registered by suffix; checks only ever see `Block`s, so they work
the same on a Drafter draft, counsel's edited Markdown, a web page or a Word file.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from drafter.document.markdown import NOTES_MARK, inline_text, reading_parser
from drafter.errors import UserError
from drafter.review.block_memo import BlockMemo
from drafter.review.decoding import decode_document
from drafter.review.scan import finditer_near
from drafter.yamlio import read_bytes

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of text; `start`/`end` are 1-based lines (paragraphs in DOCX)."""

    text: str
    start: int
    end: int
    anchor: str | None = None  # the clause it came from, in a draft

    def line_at(self, offset: int) -> int:
        return min(self.start + self.text.count("\n", 0, offset), self.end)


@dataclass(frozen=True)
class Document:
    """The blocks of one policy. Checks search `text` (all blocks, blank-line separated) once
    per pattern rather than block by block, then `locate` a match's block."""

    blocks: tuple[Block, ...]
    name: str
    # What the checks found in blocks of these texts before (the rules' `ReviewRules.memo`):
    # `blocks_with` and `matches` then search only blocks not seen yet.
    memo: BlockMemo | None = field(default=None, compare=False, repr=False)

    @cached_property
    def text(self) -> str:
        return SEPARATOR.join(b.text for b in self.blocks)

    @cached_property
    def lower(self) -> str:
        """`text` lower-cased, for rules' `hint` words."""
        return self.text.lower()

    def blocks_with(self, words: Sequence[str]) -> list[Block]:
        """The blocks whose lower-cased text contains any of `words`, in order: found with
        `str.find` over the whole text, so the cost follows the words' occurrences, not the
        number of blocks. Remembered, since each of a rule's patterns asks with its hint."""
        key = tuple(words)
        if key not in self._blocks_with:
            self._blocks_with[key] = self._find_blocks(key)
        return self._blocks_with[key]

    @cached_property
    def _blocks_with(self) -> dict[tuple[str, ...], list[Block]]:
        return {}

    def _find_blocks(self, words: tuple[str, ...]) -> list[Block]:
        if self.memo is not None and self.memo.words.issuperset(words):
            index = self._index
            found = sorted({i for word in words for i in index.get(word, ())})
            return [self.blocks[i] for i in found]
        if len(self.lower) != len(self.text):  # rare letters whose lower case is longer
            return [b for b in self.blocks if any(w in b.text.lower() for w in words)]
        found: set[int] = set()
        for word in words:
            position = self.lower.find(word)
            while position >= 0:
                index = bisect_right(self._starts, position) - 1
                found.add(index)
                following = self._starts[index + 1] if index + 1 < len(self._starts) else None
                if following is None:
                    break
                position = self.lower.find(word, following)
        return [self.blocks[i] for i in sorted(found)]

    @cached_property
    def _index(self) -> dict[str, list[int]]:
        assert self.memo is not None
        return self.memo.index([block.text for block in self.blocks])

    def matches(self, pattern: re.Pattern[str], block: Block, hint: Sequence[str],
                ) -> Sequence[re.Match[str]] | Iterator[re.Match[str]]:
        """`pattern`'s matches in `block` (a block of this document), searched near `hint`."""
        if self.memo is not None:
            return self.memo.matches(pattern, block.text, hint)
        return finditer_near(pattern, block.text, hint)

    @cached_property
    def order(self) -> dict[int, int]:
        """Each block's position, by `id(block)`: sorts findings into document order."""
        return {id(block): index for index, block in enumerate(self.blocks)}

    @cached_property
    def _starts(self) -> list[int]:
        starts, position = [], 0
        for block in self.blocks:
            starts.append(position)
            position += len(block.text) + len(SEPARATOR)
        return starts

    def locate(self, start: int, end: int) -> tuple[Block, int, int] | None:
        """The block holding `text[start:end]` and the span within it (None across blocks)."""
        index = bisect_right(self._starts, start) - 1
        block, offset = self.blocks[index], self._starts[index]
        if end - offset > len(block.text):
            return None
        return block, start - offset, end - offset


Reader = Callable[[bytes, Path], Iterable[Block]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for files ending in any of `suffixes`."""

    def register(read: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = read
        return read

    return register


def read_document(path: Path) -> Document:
    """Read a policy file; every way it can fail is a one-line `UserError`."""
    read = READERS.get(path.suffix.lower())
    if read is None:
        raise UserError(f"cannot review {path.suffix or 'files without a suffix'}; "
                        f"use one of {', '.join(sorted(READERS))}", path=path)
    data = read_bytes(path)
    return Document(tuple(b for b in read(data, path) if b.text.strip()), str(path))


@reader(".txt", ".text")
def read_text_file(data: bytes, path: Path) -> Iterator[Block]:
    """Plain text: paragraphs are runs of non-blank lines."""
    lines = decode_document(data, path).splitlines()
    start: int | None = None
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip() and start is None:
            start = number
        elif not line.strip() and start is not None:
            yield Block("\n".join(lines[start - 1:number - 1]), start, number - 1)
            start = None


def markdown_blocks(markdown: str, anchor: str | None = None, first_line: int = 1,
                    parser: MarkdownIt | None = None) -> Iterator[Block]:
    """Markdown's inline runs (paragraphs, headings, list items, table cells) with escapes
    resolved and link targets dropped; stops at the reviewer-notes list. `parser` defaults to
    `drafter.document.markdown.reading_parser()`, as review reads a policy written elsewhere."""
    return token_blocks((parser or reading_parser()).parse(markdown), anchor, first_line)


# kramdown's attribute lists (`{: #id }`, `{: datetime="2016-11-08" }`), which Jekyll sites
# such as GitHub Pages put after a paragraph: markup, not words of the policy.
_ATTRIBUTE_LISTS = re.compile(r"(?:\s*\{:[^{}\n]*\})+\s*\Z")


def token_blocks(tokens: Iterable[Token], anchor: str | None = None,
                 first_line: int = 1) -> Iterator[Block]:
    """The blocks of parsed Markdown (see `markdown_blocks`), without the attribute lists
    that end a paragraph."""
    for token in tokens:
        if token.type == "html_block" and token.content.strip() == NOTES_MARK:
            return
        if token.type != "inline" or token.map is None:
            continue
        text = inline_text(token)
        if "{:" in text:  # else no list to drop, and no pattern tried at every character
            text = _ATTRIBUTE_LISTS.sub("", text)
        if text:
            yield Block(text, token.map[0] + first_line, token.map[1] + first_line - 1, anchor)


@reader(".md", ".markdown")
def read_markdown_file(data: bytes, path: Path) -> Iterator[Block]:
    return markdown_blocks(decode_document(data, path))


@reader(".html", ".htm")
def read_html_file(data: bytes, path: Path) -> list[Block]:
    from drafter.review.html_text import HTMLText  # html.parser: only HTML files pay for it

    text = HTMLText()
    text.feed(decode_document(data, path, html=True))
    text.close()
    text._flush()
    return text.blocks


@reader(".docx")
def read_docx_file(data: bytes, path: Path) -> list[Block]:
    """Word: one block per paragraph (table cells included); "lines" are paragraph numbers."""
    import zipfile

    import docx  # imported here: only Word files pay for loading lxml
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise UserError("is not a Word (.docx) document", path=path) from None
    def paragraphs(container: Any) -> Iterator[str]:
        """Paragraphs in order, through tables and tables within their cells (a merged cell,
        which python-docx lists once per grid column, only once)."""
        for item in container.iter_inner_content():
            if not isinstance(item, Table):
                yield item.text
                continue
            seen: set[int] = set()
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        yield from paragraphs(cell)

    return [Block(text, n, n) for n, text in enumerate(paragraphs(document), start=1)]
