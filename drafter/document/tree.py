"""The policy's Markdown, written from the `Policy` and parsed once into a `Tree` of nodes.

`parts` writes the Markdown run by run (the header, the contents, each section's heading,
each clause after its provenance comment); `read` parses a text once and cuts its tokens into
`Node`s by the same landmarks (h2 headings, clause comments), so it works as well on counsel's
edited Markdown. Review reads the clause nodes; every exporter renders the tokens, and the
reviewer notes join the tree as comments on its nodes (`with_markers`), never by editing text
and taking the edit out again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from markdown_it.token import Token
from mdit_py_plugins.anchors.index import slugify

from drafter.document.markdown import fragment_text, inline_text, paragraph, parse
from drafter.document.model import Policy, PolicySection, RenderedClause
from drafter.document.provenance import ClauseMark, parse_clause_comment
from drafter.templating import escape_markdown, long_date

Kind = Literal["head", "contents", "section", "clause"]


@dataclass(frozen=True)
class Part:
    """One run of the policy's Markdown: the header, the contents, a section's heading, a
    clause, or the notes list. `text` is what a reader sees; `lead` is what only the source
    has before it (the blank separating line, the clause comment). The app's preview shows
    parts one by one."""

    section: str | None  # the policy section it belongs to (None: header, contents, notes)
    id: str  # "head", "contents", the section id for its heading, the clause id, or "notes"
    text: str
    lead: tuple[str, ...] = ()


def parts(policy: Policy, markers: Mapping[str | None, str] | None = None) -> list[Part]:
    """The policy as Markdown parts, in order. `markers` are lines of note markers by anchor
    (None: the whole policy, a section id, a clause id), each on a line of its own after the
    header, the section heading or the clause comment, never inside the prose."""
    marks = markers or {}

    def marker(anchor: str | None) -> list[str]:
        return [marks[anchor], ""] if anchor in marks else []

    head = [f"# {escape_markdown(policy.title)}", "",
            f"**{escape_markdown(policy.business_name)}**  ",
            policy.labels.effective_date.replace("{date}", long_date(policy.effective_date,
                                                                     policy.locale)), "",
            *marker(None)]
    contents = [f"## {policy.labels.contents}", "", *(f"{i}. [{escape_markdown(s.title)}](#{s.anchor})"
                                      for i, s in enumerate(policy.sections, start=1))]
    out = [Part(None, "head", "\n".join(head)), Part(None, "contents", "\n".join(contents))]
    for section in policy.sections:
        heading = [section_heading(section)]
        if section.id in marks:
            heading += ["", marks[section.id]]
        out.append(Part(section.id, section.id, "\n".join(heading), ("",)))
        for clause in section.clauses:
            text = marker(clause.id)
            if clause.title:
                text += [f"### {escape_markdown(clause.title)}", ""]
            text.append(clause.markdown)
            comment = ClauseMark(clause.id, clause.source.as_posix()).comment()
            out.append(Part(section.id, clause.id, "\n".join(text), ("", comment)))
    return out


def section_heading(section: PolicySection) -> str:
    """A section's heading line, as the Markdown has it."""
    return f"## {escape_markdown(section.title)}"


def join(runs: Sequence[Part]) -> str:
    """The Markdown text of parts."""
    return "\n".join(line for part in runs for line in (*part.lead, part.text)) + "\n"


@dataclass(frozen=True)
class Node:
    """A run of a parsed policy: tokens `start`–`end`; note markers go at `body` (after the
    clause comment or the section heading; at the end of the header)."""

    kind: Kind
    anchor: str | None  # the clause or section id (None: header, contents, unknown section)
    start: int
    body: int
    end: int


@dataclass(frozen=True)
class Tree:
    """One Markdown text, parsed once, and its nodes in document order."""

    markdown: str
    tokens: tuple[Token, ...]
    nodes: tuple[Node, ...]

    @cached_property
    def lines(self) -> list[int]:
        """Where each line of `markdown` starts, and its end."""
        starts = [0]
        starts += [m.end() for m in re.finditer("\n", self.markdown)]
        return starts

    @cached_property
    def _anchored(self) -> dict[str | None, Node]:
        found: dict[str | None, Node] = {}
        for node in self.nodes:
            if node.anchor is not None or node.kind == "head":
                found.setdefault(node.anchor, node)
        return found

    def node(self, anchor: str | None) -> Node | None:
        """The node notes anchored at `anchor` are about (None: the header)."""
        return self._anchored.get(anchor)

    def note_node(self, anchor: str | None, policy: Policy | None) -> Node:
        """The node a note anchored at `anchor` is shown on, as the Markdown's markers are
        placed (`document.decorations`): its clause's or its section's node; a section the
        text has under another heading (counsel retitled it, or another heading took its id)
        by the heading before the first of its clauses the text has; else that clause; else
        the header."""
        node = self.node(anchor)
        if node is not None:
            return node
        sections = policy.sections if policy is not None else ()
        section = next((s for s in sections if s.id == anchor), None)
        clauses = (self.node(c.id) for c in (section.clauses if section else ()))
        first = next((n for n in clauses if n is not None and n.kind == "clause"), None)
        if first is None:
            return self.nodes[0]
        heading = next((n for n in reversed(self.nodes[:self.nodes.index(first)])
                        if n.kind != "clause"), None)
        if heading is not None and heading.kind == "section" and heading.anchor is None:
            return heading
        return first

    def with_markers(self, markers: Mapping[str | None, str],
                     after: Sequence[Token] = ()) -> list[Token]:
        """The tokens with a marker paragraph at each anchored node's `body`, then `after`
        (the notes list): what a reader of the decorated Markdown sees."""
        at: dict[int, list[Token]] = {}
        for anchor, text in markers.items():
            node = self.node(anchor)
            if node is not None:
                at.setdefault(node.body, []).extend(paragraph(text))
        tokens: list[Token] = []
        for i, token in enumerate(self.tokens):
            tokens += at.get(i, [])
            tokens.append(token)
        return tokens + at.get(len(self.tokens), []) + list(after)


def plain_text(tree: Tree, clause: RenderedClause, fragment: str) -> str:
    """The plain text of `fragment` of a clause's Markdown, as one line, read from the tree
    (markup and escapes gone, link targets dropped) rather than by parsing it again: the runs
    the fragment holds whole give their tokens' text; a run it holds in part gives that part."""
    node = tree.node(clause.id)
    start = clause.markdown.find(fragment)
    lines = tree.lines
    if node is None or node.kind != "clause" or start < 0:
        return " ".join(fragment_text(fragment).split())
    comment_line = (tree.tokens[node.start].map or [0, 0])[0]
    offset = tree.markdown.find(clause.markdown, lines[comment_line])
    if offset < 0:
        return " ".join(fragment_text(fragment).split())
    begin, end = offset + start, offset + start + len(fragment)
    pieces: list[str] = []
    for token in tree.tokens[node.body:node.end]:
        if token.type != "inline" or token.map is None:
            continue
        first = lines[token.map[0]]
        last = lines[token.map[1]] - 1 if token.map[1] < len(lines) else len(tree.markdown)
        first += len(tree.markdown[first:last]) - len(tree.markdown[first:last].lstrip())
        last = first + len(tree.markdown[first:last].rstrip())
        if last <= begin or first >= end:
            continue
        if begin <= first and last <= end:
            pieces.append(inline_text(token))
        else:
            pieces.append(_part_text(token, tree.markdown[first:last], begin - first, end - first))
    return " ".join(" ".join(pieces).split())


def _part_text(token: Token, source: str, begin: int, end: int) -> str:
    """The text of `source[begin:end]`, part of the run `source` that `token` is the parse of,
    read from the run's tokens instead of parsing the part again: each character of the run's
    text is matched, in order, to the first source character after the last match that is the
    same (markup, escapes and link targets give no text), and kept if that is inside the part."""
    text = inline_text(token)
    if text == source:  # a run without markup: its text is its source
        return source[begin:end]
    kept: list[str] = []
    position = index = 0
    while index < len(text) and position < end:  # matches only move on: nothing after end
        for step in (64, 8):  # a stretch of text that is its source's next characters
            if index + step <= len(text) and source.startswith(text[index:index + step],
                                                                position):
                kept.append(text[index + max(begin - position, 0):
                                 index + min(end - position, step)])
                index, position = index + step, position + step
                break
        else:
            found = source.find(text[index], position)
            if 0 <= found < end and begin <= found:
                kept.append(text[index])
            if found >= 0:
                position = found + 1
            index += 1
    return "".join(kept)


def read(markdown: str, policy: Policy | None = None) -> Tree:
    """Parse `markdown` once and cut it into nodes: the header up to the first h2, then each
    h2 (a section of `policy` by its anchor, or the contents) and each clause comment."""
    return cut(markdown, parse(markdown), policy)


def cut(markdown: str, tokens: Sequence[Token], policy: Policy | None = None) -> Tree:
    """The tree of `markdown` from its tokens (`read`, without parsing it)."""
    # A section's heading is the next h2 of its title, by the title's slug: not by the
    # heading's id, which is `title-1` for the second of two sections of one title.
    sections: dict[str, list[str]] = {}
    for section in policy.sections if policy is not None else ():
        sections.setdefault(section.anchor, []).append(section.id)
    nodes: list[Node] = []
    kind: Kind = "head"
    anchor: str | None = None
    start = body = 0
    for i, token in enumerate(tokens):
        if token.level != 0:
            continue
        mark = parse_clause_comment(token.content) if token.type == "html_block" else None
        is_h2 = token.type == "heading_open" and token.tag == "h2"
        if mark is None and not is_h2:
            continue
        nodes.append(Node(kind, anchor, start, i if kind == "head" else body, i))
        start = i
        if mark is not None:
            kind, anchor, body = "clause", mark.id, i + 1
        else:
            slug = str(token.attrs.get("id", ""))
            titled = sections.get(slugify(inline_text(tokens[i + 1]))) \
                if i + 1 < len(tokens) else None
            anchor = titled.pop(0) if titled else None
            kind = "contents" if anchor is None and slug == "contents" else "section"
            body = i + 3
    end = len(tokens)
    nodes.append(Node(kind, anchor, start, end if kind == "head" else min(body, end), end))
    return Tree(markdown, tuple(tokens), tuple(nodes))


def policy_tree(policy: Policy) -> Tree:
    """The policy's own Markdown (no notes), parsed: the one parse of a draft."""
    return read(join(parts(policy)), policy)
