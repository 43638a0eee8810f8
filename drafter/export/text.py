"""Plain text rendered from the policy's tree: for forms, emails and app stores.

`TextRenderer` works as markdown-it-py's own renderer does: a rule table keyed by token type,
each rule a method, so a new block kind is one more entry rather than one more branch (the
parser is theirs). Backslash escapes are already resolved in the tokens, so owner text comes
out exactly as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from markdown_it.token import Token

from drafter.document.markdown import parse
from drafter.export import Source, exporter
from drafter.export.proposals import text_proposal, with_proposals

WIDTH = 78


def _inline(token: Token) -> str:
    """Flatten an inline token: links as `label (address)` unless they say the same, each of
    counsel's open proposals as a bracketed sentence (`export/proposals.py`)."""
    token = with_proposals(token, text_proposal)
    out: list[str] = []
    href: str | None = None
    label_start = 0
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n" if child.type == "hardbreak" else " ")
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            label_start = len(out)
        elif child.type == "link_close" and href is not None:
            label = "".join(out[label_start:])
            target = href.removeprefix("mailto:")
            if target and target != label and not target.startswith("#"):
                out.append(f" ({target})")
            href = None
    return "".join(out)


@lru_cache(maxsize=4096)
def _wrap(text: str, first: str = "", rest: str = "") -> tuple[str, ...]:
    """`text`'s lines wrapped, `first` before the first and `rest` before the others. Kept
    by text: a draft's paragraphs mostly come out as the last draft's did."""
    lines: list[str] = []
    for i, para in enumerate(text.split("\n")):
        lead = first if i == 0 else rest
        lines += fill(para, lead, rest) or _textwrap(para, lead, rest) or [first]
    return tuple(lines)


def _textwrap(para: str, first: str, rest: str) -> list[str]:
    import textwrap  # (compiling its patterns costs more than most plain-text exports)

    return textwrap.wrap(para, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False)


_SPACES = frozenset("\t\n\x0b\x0c\r")  # textwrap's whitespace, but for the plain space


def fill(para: str, first: str, rest: str) -> list[str] | None:
    """`textwrap.wrap(para, WIDTH, ...)` for the usual paragraph, at a fraction of its cost:
    words parted by single spaces, none wider than a line nor all space. None for any other paragraph
    (textwrap keeps a run of spaces inside a line, and breaks a word wider than a line)."""
    words = para.split(" ")
    room = WIDTH - max(len(first), len(rest))
    if not _SPACES.isdisjoint(para) or max(map(len, words)) > room \
            or not all(map(str.strip, words)):  # "": two spaces; "\xa0": a space to textwrap
        return None
    lines: list[str] = []
    line, width = first + words[0], WIDTH - len(first) - len(words[0])
    for word in words[1:]:
        if len(word) < width:  # the space and the word fit
            line += " " + word
            width -= len(word) + 1
        else:
            lines.append(line)
            line, width = rest + word, WIDTH - len(rest) - len(word)
    lines.append(line)
    return lines


class TextRenderer:
    """Renders tokens to plain text. `rules` maps a token type to the method that renders
    it; token types without a rule (closing paragraphs, HTML comments, …) add nothing."""

    def __init__(self) -> None:
        self.rules: dict[str, Callable[[Sequence[Token], int], None]] = {
            "heading_open": self.heading_open,
            "bullet_list_open": self.list_open,
            "ordered_list_open": self.list_open,
            "bullet_list_close": self.list_close,
            "ordered_list_close": self.list_close,
            "inline": self.inline,
            "tr_close": self.tr_close,
            "table_close": self.table_close,
        }

    def render(self, tokens: Sequence[Token]) -> str:
        self.lines: list[str] = []
        self.lists: list[list[int]] = []  # stack of [next number] (0 for bullets)
        self.row: list[str] = []
        self.rows: list[list[str]] = []
        for i, token in enumerate(tokens):
            rule = self.rules.get(token.type)
            if rule is not None:
                rule(tokens, i)
        text = "\n".join(self.lines).strip("\n")
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        return text + "\n"

    def heading_open(self, tokens: Sequence[Token], i: int) -> None:
        text = _inline(tokens[i + 1])
        underline = {"h1": "=", "h2": "-"}.get(tokens[i].tag)
        self.lines += ["", text] + ([underline * len(text)] if underline else []) + [""]

    def list_open(self, tokens: Sequence[Token], i: int) -> None:
        token = tokens[i]
        ordered = token.type == "ordered_list_open"
        self.lists.append([int(token.attrs.get("start", 1)) if ordered else 0])

    def list_close(self, tokens: Sequence[Token], i: int) -> None:
        self.lists.pop()
        if not self.lists:
            self.lines.append("")

    def inline(self, tokens: Sequence[Token], i: int) -> None:
        opener = tokens[i - 1].type
        if opener == "paragraph_open":
            self.paragraph(_inline(tokens[i]), tokens[i - 2].type == "list_item_open")
        elif opener in ("th_open", "td_open"):
            self.row.append(_inline(tokens[i]))

    def paragraph(self, text: str, first_in_item: bool) -> None:
        if not self.lists:
            self.lines += [*_wrap(text), ""]
            return
        depth = "  " * (len(self.lists) - 1)
        counter = self.lists[-1]
        marker = f"{counter[0]}. " if counter[0] else "- "
        if counter[0]:
            counter[0] += 1
        prefix = depth + (marker if first_in_item else " " * len(marker))
        self.lines += _wrap(text, prefix, depth + " " * len(marker))

    def tr_close(self, tokens: Sequence[Token], i: int) -> None:
        self.rows.append(self.row)
        self.row = []

    def table_close(self, tokens: Sequence[Token], i: int) -> None:
        self.lines += _table(self.rows) + [""]
        self.rows = []


def _table(rows: list[list[str]]) -> list[str]:
    """Tables become labelled blocks: columns do not fit in 78 characters of prose. Each
    "label: value" line ends as a sentence (a full stop where the cell has no closing
    punctuation), as a reader and a screen reader take it: one line, one statement."""
    if not rows:
        return []
    header, *body = rows
    out: list[str] = []
    for cells in body:
        for name, value in zip(header, cells, strict=False):
            ended = value if not value or value[-1] in ".!?" else value + "."
            out += _wrap(f"{name}: {ended}", "  ", "    ")
        out.append("")
    return out


def markdown_to_text(markdown: str) -> str:
    """Plain text for a Markdown text on its own (the policy itself is rendered from its tree)."""
    return TextRenderer().render(parse(markdown))


@exporter("txt", ".txt", default=True)
def render_text(source: Source) -> str:
    return TextRenderer().render(source.tokens)
