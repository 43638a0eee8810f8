"""Proposals: counsel's pending tracked changes, carried in the Markdown as CriticMarkup.

A tracked change counsel has not accepted or rejected in Word is a proposal, not yet the
policy's text. `drafter absorb` writes each one into `privacy-policy.md` in CriticMarkup
(https://criticmarkup.com), followed by a CriticMarkup comment saying who proposed it and when:

    We keep records {++for seven years ++}{>>A. Lawyer, 2026-11-30T10:00:00Z<<}of each sale.
    We {--never --}{>>B. Counsel, 2026-11-30T11:00:00Z<<}share data.
    We keep it {~~two~>three~~}{>>A. Lawyer, 2026-11-30T10:00:00Z<<} years.

`{++ … ++}` is an insertion, `{-- … --}` a deletion, `{~~ old ~> new ~~}` a replacement (a
deletion and an insertion by the same person at the same time); the `{>> … <<}` right after
it is the attribution: the author, then a comma and the date Word recorded (ISO 8601), when
there is one. A move in Word comes back as a deletion where the words were and an insertion
where they went, both attributed with the move's name first (Word's name for it, which pairs
the two ends), so the DOCX gives it back to Word as a move:

    {--Some words. --}{>>move1: A. Lawyer, 2026-11-30T10:00:00Z<<} … {++Some words. ++}{>>move1: A. Lawyer, 2026-11-30T10:00:00Z<<}

Accepted changes are simply the text; rejected ones are gone.

Proposals survive the next build like any edit of counsel's (they are part of the text the
three-way merge keeps), `drafter review` lists them as open items for the owner and counsel,
and the DOCX export turns them back into Word tracked changes with their author and date
(`drafter.export.docx_tracked`). To decide one in the Markdown, keep the words you want and
delete the markup. The marks are found by pymdown-extensions' `find_critics`, the maintained
CriticMarkup scanner (no markdown-it-py plugin exists); Drafter writes no parser of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from drafter.document.model import Note

Kind = Literal["insert", "delete", "replace"]

INS, DEL, SUB, COMMENT = "++", "--", "~~", ">>"
_KINDS: dict[str, Kind] = {INS: "insert", DEL: "delete", SUB: "replace"}
OPENERS = ("{++", "{--", "{~~")
UNKNOWN_AUTHOR = "Unknown"  # what Word is told, and what absorb writes, for a change without one


@dataclass(frozen=True)
class Proposal:
    """One pending change: what it removes and adds (Markdown), who proposed it and when."""

    kind: Kind
    old: str  # the Markdown it deletes ("" for an insertion)
    new: str  # the Markdown it inserts ("" for a deletion)
    author: str
    date: str  # as Word recorded it (ISO 8601), "" when it recorded none
    start: int  # where the mark (with its attribution) is in the text it was found in
    end: int
    move: str = ""  # the move this is one end of (an insertion or a deletion), if any

    def describe(self) -> str:
        """The proposal in words, for review: `A. Lawyer (2026-11-30) proposes to replace
        "two" with "three"`."""
        who = self.author or "someone"
        when = f" ({self.date[:10]})" if self.date else ""
        what = {"insert": f'to add "{self.new.strip()}"',
                "delete": f'to delete "{self.old.strip()}"',
                "replace": f'to replace "{self.old.strip()}" with "{self.new.strip()}"'}[self.kind]
        if self.move:
            what = (f'to move "{self.new.strip()}" here' if self.kind == "insert" else
                    f'to move "{self.old.strip()}" away from here') + f" ({self.move})"
        return f"{who}{when} proposes {what}"


def attribution(author: str, date: str = "", move: str = "") -> str:
    """The CriticMarkup comment that follows a proposal: `{>>[move: ]author[, date]<<}`."""
    author = " ".join(author.replace("<<}", "").split())  # one line, never closing early
    return "{>>" + (f"{move}: " if move else "") + author + (f", {date}" if date else "") + "<<}"


def mark(kind: Kind, old: str, new: str, author: str, date: str = "", move: str = "") -> str:
    """A proposal written in CriticMarkup, with its attribution."""
    body = {"insert": "{++" + new + "++}", "delete": "{--" + old + "--}",
            "replace": "{~~" + old + "~>" + new + "~~}"}[kind]
    return body + attribution(author, date, move if kind != "replace" else "")


_MOVE = re.compile(r"(move[\w.-]*): ")


def _attribution(comment: str) -> tuple[str, str, str]:
    """`move1: A. Lawyer, 2026-11-30T10:00:00Z` → the author, the date (the part after the
    last comma, when it is a date; otherwise the whole comment is the author) and the move."""
    named = _MOVE.match(comment.strip())
    move = named[1] if named else ""
    comment = comment.strip()[named.end():] if named else comment
    author, _, date = comment.rpartition(",")
    try:
        datetime.fromisoformat(date.strip().replace("Z", "+00:00"))
    except ValueError:
        return comment.strip(), "", move
    return author.strip(), date.strip(), move


def might_have_proposals(text: str) -> bool:
    """A cheap test before scanning: whether the text holds a CriticMarkup opener at all."""
    return any(opener in text for opener in OPENERS)


def proposals(text: str) -> list[Proposal]:
    """Every proposal in a text, in order. A change with no attribution right after it is
    still a proposal, by an unknown author."""
    if not might_have_proposals(text):
        return []
    from pymdownx.critic import find_critics  # imported only where there is markup to find

    marks = list(find_critics(text))
    found: list[Proposal] = []
    for n, (start, end, kind, content, sub_text) in enumerate(marks):
        if kind not in _KINDS:
            continue
        author = date = move = ""
        following = marks[n + 1] if n + 1 < len(marks) else None
        if following is not None and following[2] == COMMENT and following[0] == end:
            author, date, move = _attribution(following[3])
            end = following[1]
        kind_name = _KINDS[kind]
        old = content if kind_name != "insert" else ""
        new = content if kind_name == "insert" else (sub_text or "")
        found.append(Proposal(kind_name, old, new, author, date, start, end,
                              move if kind_name != "replace" else ""))
    return found


def as_it_stands(text: str) -> str:
    """The text without its proposals: deleted words kept, proposed words left out (what is
    agreed so far, for a copy to publish)."""
    return _decided(text, accept=False)


def accepted(text: str) -> str:
    """The text with every proposal accepted."""
    return _decided(text, accept=True)


def _decided(text: str, accept: bool) -> str:
    out: list[str] = []
    position = 0
    for proposal in proposals(text):
        out += [text[position:proposal.start], proposal.new if accept else proposal.old]
        position = proposal.end
    return "".join(out) + text[position:]


PROPOSAL_CHECK = "proposal"


def proposal_notes(text: str, first: int = 1) -> list[Note]:
    """Each proposal in a policy's Markdown as an open item for the owner and counsel (ids
    R<first>, …): blocking, since words nobody has accepted or rejected are not yet the
    policy's, wherever they are read."""
    from drafter.document.model import Note
    from drafter.document.provenance import clause_at_lines

    found = proposals(text)
    owners = clause_at_lines(text) if found else []
    notes = []
    for n, proposal in enumerate(found, start=first):
        line = text.count("\n", 0, proposal.start) + 1
        notes.append(Note(
            id=f"R{n}", severity="blocking", topic="placeholder", check=PROPOSAL_CHECK,
            message=f"Open proposal: {proposal.describe()}. Accept it (keep the words you "
                    "want and delete the marks) or reject it, in Word or in the Markdown; "
                    "until then it is not part of the policy.",
            anchor=owners[line - 1] if line - 1 < len(owners) else None,
            lines=(line, text.count("\n", 0, proposal.end) + 1),
            excerpt=text[proposal.start:proposal.end]))
    return notes


def word_proposals(path: Path, first: int = 1) -> list[Note]:
    """The pending tracked changes of a Word file as open items (`proposal_notes`); Word has
    no lines to point to, and its clause bookmarks name clauses only a build's manifest knows."""
    from dataclasses import replace

    from docx import Document

    from drafter.absorb_word import word_blocks

    notes: list[Note] = []
    for block in word_blocks(Document(str(path)), []):
        notes += [replace(note, lines=None, anchor=None)
                  for note in proposal_notes(block.markdown, first + len(notes))]
    return notes
