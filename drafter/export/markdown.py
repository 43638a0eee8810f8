"""The Markdown policy: title, business, effective date, contents, then the sections.

Each clause is preceded by an HTML comment naming its clause id and template, invisible when
rendered but there for counsel reading the source (and for re-generation to find clauses);
the text is written by `drafter.document.tree.parts`, which review and the exporters read.

Reviewer notes appear as `[R1]` markers and a "Reviewer notes" list at the end, as a
certification reviewer marks up a policy. Markers sit on a line of their own right after the
clause comment (or the section heading, or the header for notes about the whole policy),
followed by a blank line, never inside the prose: counsel's edits to sentences and marker
changes on re-generation then touch different lines and merge cleanly. `clean=True` leaves
markers and list out, for the publishable copy. `drafter.document.decorations` reads them back
out of counsel's edited text (a parse) and puts a new draft's in by node (`note_marks`).
"""

from __future__ import annotations

from markdown_it.token import Token

from drafter.document.decorations import HEAD, Key, Marks, marks
from drafter.document.markdown import NOTES_HEADING, NOTES_MARK, heading, run_children, tight_list
from drafter.document.model import Draft
from drafter.document.tree import Part, Tree, join, parts, section_heading
from drafter.export import Source, exporter
from drafter.review.report import COUNSEL_HEADING, Span, note_item, note_spans


def markers(draft: Draft) -> dict[str | None, str]:
    """The marker line for each anchor that notes are about: `[R1] [R2]`."""
    found: dict[str | None, list[str]] = {}
    for note in draft.notes:
        found.setdefault(note.anchor, []).append(f"[{note.id}]")
    return {anchor: " ".join(ids) for anchor, ids in found.items()}


def note_marks(draft: Draft) -> Marks:
    """The decorations `to_markdown` puts in, by the node each is on, from the notes
    themselves: what a merge puts into counsel's text (`document.decorations`)."""
    keys: dict[str | None, Key] = {None: HEAD}
    firsts: dict[Key, str] = {}
    for section in draft.policy.sections:
        keys[section.id] = ("section", section_heading(section))
        keys.update({clause.id: ("clause", clause.id) for clause in section.clauses})
        if section.clauses:
            firsts[keys[section.id]] = section.clauses[0].id
    notes = notes_part(draft)
    return marks([(keys[anchor], line) for anchor, line in markers(draft).items()
                  if anchor in keys],
                 f"{NOTES_MARK}\n{notes.text}\n" if notes is not None else "", firsts)


def notes_part(draft: Draft) -> Part | None:
    """The "Reviewer notes" list that ends the Markdown (None: no notes)."""
    if not draft.notes:
        return None
    items = [note_item(note, None, where=False) for note in draft.notes if not note.for_counsel]
    counsel = [note_item(note, None, where=False) for note in draft.notes if note.for_counsel]
    if counsel:
        items += [*([""] if items else []), f"### {COUNSEL_HEADING}", "", *counsel]
    return Part(None, "notes", "\n".join([f"## {NOTES_HEADING}", "", *items]), ("", NOTES_MARK))


def markdown_blocks(draft: Draft, *, clean: bool = False) -> list[Part]:
    """The policy as Markdown parts, in order, with the reviewer notes unless `clean`."""
    if clean or not draft.notes:
        return parts(draft.policy)
    notes = notes_part(draft)
    return [*parts(draft.policy, markers(draft)), *([notes] if notes else [])]


def to_markdown(draft: Draft, *, clean: bool = False) -> str:
    """The full policy as Markdown (the source of truth for every other format)."""
    return join(markdown_blocks(draft, clean=clean))


def _spans_children(spans: list[list[Span]]) -> list[Token]:
    """The inline tokens of a note item's lines (`note_spans`), as parsing its Markdown gives."""
    children: list[Token] = []
    for i, line in enumerate(spans):
        if i:
            children.append(Token("hardbreak", "br", 0))
        for kind, text in line:
            if kind in ("strong", "em"):
                tag, markup = kind, "**" if kind == "strong" else "*"
                children += [Token(f"{tag}_open", tag, 1, markup=markup),
                             Token("text", "", 0, content=text, level=1),
                             Token(f"{tag}_close", tag, -1, markup=markup)]
            elif kind == "code":
                children.append(Token("code_inline", "code", 0, markup="`", content=text))
            elif kind == "markdown":
                children += run_children(text)
            else:
                children.append(Token("text", "", 0, content=text))
    return children


def notes_tokens(draft: Draft) -> list[Token]:
    """The tokens of the "Reviewer notes" list (`notes_part`), made from the notes directly:
    the only Markdown a build parses is the policy's (issue 13)."""
    def items(for_counsel: bool) -> list[list[Token]]:
        return [_spans_children(note_spans(note, None, where=False))
                for note in draft.notes if note.for_counsel == for_counsel]

    tokens = [Token("html_block", "", 0, content=NOTES_MARK + "\n", block=True),
              *heading(NOTES_HEADING, 2, anchored=True)]
    owner, counsel = items(False), items(True)
    if owner:
        tokens += tight_list(owner)
    if counsel:
        tokens += [*heading(COUNSEL_HEADING, 3, anchored=False), *tight_list(counsel)]
    return tokens


def decorated_tokens(draft: Draft, tree: Tree) -> list[Token]:
    """The tokens of the Markdown with its reviewer notes: the policy's tree, parsed once,
    with the note markers as paragraphs on its nodes and the notes list after it."""
    if not draft.notes:
        return list(tree.tokens)
    return tree.with_markers(markers(draft), notes_tokens(draft))


@exporter("md", ".md", default=True)
def render_markdown(source: Source) -> str:
    return source.markdown
