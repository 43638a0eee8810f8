"""Reviewer-note decorations in a policy's Markdown: found in a text by its one parse, and put
into a text by the node each is about.

The Markdown exporter decorates the policy with its notes (`export/markdown.py`): a marker
line (`[R1] [R2]`, `MARKER_LINE`) right after the node a note is about — the clause's comment,
the section's heading and the blank line after it, the header's last line and a blank line —
followed by a blank line, and the notes list at the end, from `<!-- reviewer-notes -->` on.
Counsel edits that text (`privacy-policy.md`): the notes are renumbered on every build, so a
build takes the decorations out of counsel's text and puts the new draft's back.

Taking them out is a parse: the note-decorations rule of the one Markdown configuration
(`markdown._note_decorations`) tags a top-level paragraph's marker lines and the block that
opens the notes list, and `reading` drops those lines — a marker line (with the blank line
after it when it was a paragraph of its own), the notes list up to the first block the
exporter does not write there (at the end, with the blank line before it) — wherever counsel
moved them, whatever they changed in the list. Nothing is compared with the last draft; a
marker counsel deleted is simply not there. Counsel's own "[R1]" is text: inside a sentence
it is no marker line, and a line of its own is written `\\[R1]` (as Drafter escapes it).

Putting them in goes by node (`decorate`): each marker after its clause's comment (by clause
id), its section's heading (by the heading's line; retitled, the heading before the section's
first clause) or the header, wherever counsel moved that clause or section; the notes list
at the end. A node the text no longer has gets no marker (its note is still in the list).
Decorating a generation's plain text with its own decorations gives its Markdown back, and
reading that gives the plain text again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it.token import Token

from drafter.document.markdown import parse
from drafter.document.model import COUNSEL_HEADING
from drafter.document.provenance import parse_clause_comment

# Which node a marker is on: ("head", ""), ("section", its heading's line), ("clause", id).
Key = tuple[str, str]
HEAD: Key = ("head", "")


@dataclass(frozen=True)
class Marks:
    """A text's decorations by the node they are on: the marker lines, in order, and the
    notes list as written (from its mark; "" when there is none)."""

    markers: tuple[tuple[Key, str], ...] = ()
    notes: str = ""
    # For a section marker, the section's first clause: its heading is the one before that
    # clause's comment when counsel retitled it.
    firsts: tuple[tuple[Key, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.markers or self.notes)


@dataclass(frozen=True)
class Reading:
    """A decorated text read once: its plain text, that text's tokens (the parse's, with the
    decorations' tokens left out and their lines moved up), and the decorations."""

    plain: str
    tokens: tuple[Token, ...] = field(repr=False)
    marks: Marks


def undecorate(text: str) -> str:
    """`text` without its note decorations (markers, notes list)."""
    return reading(text).plain if _may_be_decorated(text) else text


def notes_list(text: str) -> str:
    """The notes list `text` holds, as written ("" when it has none)."""
    return reading(text).marks.notes if _may_be_decorated(text) else ""


def _may_be_decorated(text: str) -> bool:
    """Whether `text` may hold a decoration at all: a plain text, such as a language version,
    needs no parse."""
    return "[R" in text or "Reviewer notes" in text or "reviewer-notes" in text


@lru_cache(maxsize=8)
def reading(text: str) -> Reading:
    """Parse `text` once and take its decorations out (kept for the texts last read: a build
    asks for counsel's text when merging, when rendering it and when comparing versions)."""
    tokens = parse(text)
    lines = text.split("\n")
    drop: set[int] = set()  # lines
    skip: set[int] = set()  # tokens
    markers: list[tuple[Key, str]] = []
    notes = ""
    exact = True  # the kept tokens are the plain text's (else it is parsed again)
    key = HEAD
    firsts: dict[Key, str] = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.level or token.map is None:
            i += 1
            continue
        start, end = token.map
        if token.meta.get("notes"):
            stop = _notes_end(tokens, i)
            last = tokens[stop].map[0] if stop < len(tokens) else len(lines)  # type: ignore[index]
            if stop == len(tokens):
                last = len(lines) - (lines[-1] == "")
                if start > 0 and not lines[start - 1].strip():
                    start -= 1  # the blank line the exporter puts before the list
            notes = "\n".join(lines[token.map[0]:last]) + "\n"
            drop.update(range(start, last))
            skip.update(range(i, stop))
            exact = exact and stop == len(tokens)
            i = stop
            continue
        if token.type == "heading_open" and token.tag == "h2":
            key = ("section", lines[start].strip())
        elif token.type == "html_block":
            mark = parse_clause_comment(token.content)
            if mark is not None and key[0] == "section":
                firsts.setdefault(key, mark.id)
            key = ("clause", mark.id) if mark is not None else key
        elif "markers" in token.meta:
            offsets = token.meta["markers"]
            markers += [(key, lines[start + n].strip()) for n in offsets]
            drop.update(start + n for n in offsets)
            if len(offsets) == end - start:  # the whole paragraph: its tokens and a blank line go
                skip.update(range(i, i + 3))
                if end < len(lines) - 1 and not lines[end].strip():
                    drop.add(end)
            else:
                exact = False
        i += 1
    if not drop:
        return Reading(text, tuple(tokens), Marks())
    plain = "\n".join(line for n, line in enumerate(lines) if n not in drop)
    kept = _moved_up([t for n, t in enumerate(tokens) if n not in skip], drop) if exact \
        else parse(plain)
    return Reading(plain, tuple(kept), marks(markers, notes, firsts))


def marks(markers: Sequence[tuple[Key, str]], notes: str, firsts: dict[Key, str]) -> Marks:
    """`Marks`, with the first clause of each section a marker is on."""
    on = [key for key, _ in markers if key[0] == "section"]
    return Marks(tuple(markers), notes, tuple((key, firsts[key]) for key in on if key in firsts))


def _notes_end(tokens: Sequence[Token], i: int) -> int:
    """The token that ends the notes list opened at `i`: the first top-level block after it
    that the exporter does not write there (its heading, the lists of notes, the heading of
    the questions for counsel); `len(tokens)` when the list ends the text. What counsel
    adds after the list is theirs."""
    for j in range(i + 1, len(tokens)):
        token = tokens[j]
        if token.level or token.type in ("bullet_list_open", "bullet_list_close",
                                         "heading_close"):
            continue
        if token.type == "heading_open" and (
                token.meta.get("notes") or token.tag == "h3" and
                tokens[j + 1].content == COUNSEL_HEADING):
            continue
        return j
    return len(tokens)


def _moved_up(tokens: list[Token], dropped: set[int]) -> list[Token]:
    """The tokens with their line numbers as they are once the `dropped` lines are gone."""
    gone = sorted(dropped)

    def moved(line: int) -> int:
        return line - bisect_left(gone, line)

    for token in tokens:
        if token.map is not None:
            token.map = [moved(token.map[0]), moved(token.map[1])]
    return tokens


def decorate(plain: str, marks: Marks) -> str:
    """`plain` with the decorations `marks` put in by node (see the module's text)."""
    lines = plain.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(placed(lines, marks)[0])


def placed(lines: Sequence[str], marks: Marks) -> tuple[list[str], list[int]]:
    """`lines` (each ending "\\n") with `marks` put in, and for each of them (and the end)
    its 1-based line number in the result."""
    if not marks:
        return list(lines), list(range(1, len(lines) + 2))
    wanted: dict[Key, list[str]] = {}
    for key, marker in marks.markers:
        wanted.setdefault(key, []).append(marker + "\n")
    at: dict[int, list[str]] = {}
    head = len(lines)
    for n, line in enumerate(lines):
        mark = parse_clause_comment(line) if line.startswith("<!--") else None
        if mark is not None and ("clause", mark.id) in wanted:
            at.setdefault(n + 1, []).extend(_block(wanted.pop(("clause", mark.id))))
        elif line.startswith("## "):
            head = min(head, n)
            key = ("section", line.strip())
            if key in wanted:
                at.setdefault(_below(lines, n), []).extend(_block(wanted.pop(key)))
    if HEAD in wanted:
        at.setdefault(head, [])[:0] = _block(wanted.pop(HEAD))
    for key, clause in marks.firsts:  # a section counsel retitled: the heading before its clause
        if key in wanted:
            heading = _heading_before(lines, clause)
            if heading is not None:
                at.setdefault(_below(lines, heading), []).extend(_block(wanted.pop(key)))
    out: list[str] = []
    position: list[int] = []
    for n in range(len(lines) + 1):
        out += at.get(n, [])
        position.append(len(out) + 1)
        if n < len(lines):
            out.append(lines[n])
    if marks.notes:
        out += ["\n", marks.notes] if out and out[-1].strip() else [marks.notes]
    return out, position


def _below(lines: Sequence[str], heading: int) -> int:
    """Where a section's marker goes: after its heading and the blank line after that."""
    return heading + 2 if heading + 1 < len(lines) and not lines[heading + 1].strip() \
        else heading + 1


def _heading_before(lines: Sequence[str], clause: str) -> int | None:
    """The section heading right before clause `clause`'s comment, if the text has both."""
    heading: int | None = None
    for n, line in enumerate(lines):
        if line.startswith("## "):
            heading = n
        elif line.startswith("<!--"):
            mark = parse_clause_comment(line)
            if mark is not None and mark.id == clause:
                return heading
    return None


def _block(markers: list[str]) -> list[str]:
    """Marker lines as the exporter writes them: each node's on one line, a blank line after."""
    return [" ".join(m.strip() for m in markers) + "\n", "\n"]
