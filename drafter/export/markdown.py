"""The Markdown policy: title, business, effective date, contents, then the sections.

Each clause is preceded by an HTML comment naming its clause id and template, invisible when
rendered but there for counsel reading the source (and for re-generation to find clauses).

Reviewer notes appear as `[R1]` markers and a "Reviewer notes" list at the end, as a
certification reviewer marks up a policy. Markers sit on a line of their own right after the
clause comment (or the section heading, or the header for notes about the whole policy),
followed by a blank line, never inside the prose: counsel's edits to sentences and marker
changes on re-generation then touch different lines and merge cleanly. `clean=True` leaves
markers and list out, for the publishable copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.document.model import Policy
from drafter.export import Source, exporter
from drafter.document.model import Draft, Note
from drafter.review.document import NOTES_MARK
from drafter.review.report import COUNSEL_HEADING, note_item
from drafter.templating import escape_markdown, long_date


def _markers(notes: dict[str | None, list[Note]], anchor: str | None) -> list[str]:
    """The marker line for notes anchored at `anchor`, and the blank line after it."""
    found = notes.get(anchor, [])
    return [" ".join(f"[{n.id}]" for n in found), ""] if found else []


@dataclass(frozen=True)
class Block:
    """One run of the policy's Markdown: the header, the contents, a section's heading, a
    clause, or the notes list. `text` is what a reader sees; `lead` is what only the source
    has before it (the blank separating line, the clause comment). The app's preview shows
    blocks one by one."""

    section: str | None  # the policy section it belongs to (None: header, contents, notes)
    id: str  # "head", "contents", the section id for its heading, the clause id, or "notes"
    text: str
    lead: tuple[str, ...] = ()


def markdown_blocks(draft: Draft, *, clean: bool = False) -> list[Block]:
    """The policy as Markdown blocks, in order; `to_markdown` joins them."""
    policy: Policy = draft.policy
    notes: dict[str | None, list[Note]] = {}
    if not clean:
        for note in draft.notes:
            notes.setdefault(note.anchor, []).append(note)
    head = [
        f"# {escape_markdown(policy.title)}",
        "",
        f"**{escape_markdown(policy.business_name)}**  ",
        f"Effective date: {long_date(policy.effective_date)}",
        "",
        *_markers(notes, None),
    ]
    contents = ["## Contents", "", *(f"{i}. [{escape_markdown(s.title)}](#{s.anchor})"
                                      for i, s in enumerate(policy.sections, start=1))]
    blocks = [Block(None, "head", "\n".join(head)), Block(None, "contents", "\n".join(contents))]
    for section in policy.sections:
        heading = [f"## {escape_markdown(section.title)}"]
        if section.id in notes:
            heading += ["", *_markers(notes, section.id)[:-1]]
        blocks.append(Block(section.id, section.id, "\n".join(heading), ("",)))
        for clause in section.clauses:
            text = [*_markers(notes, clause.id)]
            if clause.title:
                text += [f"### {escape_markdown(clause.title)}", ""]
            text.append(clause.markdown)
            comment = f"<!-- clause: {clause.id} ({clause.source.as_posix()}) -->"
            blocks.append(Block(section.id, clause.id, "\n".join(text), ("", comment)))
    if not clean and draft.notes:
        items = [note_item(note, None, where=False) for note in draft.notes if not note.for_counsel]
        counsel = [note_item(note, None, where=False) for note in draft.notes if note.for_counsel]
        if counsel:
            items += [*([""] if items else []), f"### {COUNSEL_HEADING}", "", *counsel]
        blocks.append(Block(None, "notes", "\n".join(["## Reviewer notes", "", *items]),
                            ("", NOTES_MARK)))
    return blocks


def to_markdown(draft: Draft, *, clean: bool = False) -> str:
    """The full policy as Markdown (the source of truth for every other format)."""
    lines = [line for block in markdown_blocks(draft, clean=clean)
             for line in (*block.lead, block.text)]
    return "\n".join(lines) + "\n"


@exporter("md", ".md")
def render_markdown(source: Source) -> str:
    return source.markdown
