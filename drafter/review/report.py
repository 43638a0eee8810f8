"""Reviewer notes as the reader needs them: text for a terminal, JSON for CI, Markdown for counsel.

JSON output of `drafter review --format json` (stable; new keys may be added, none removed):

    {
      "file": "policy.md",
      "notes": [
        {"id": "R1", "severity": "blocking" | "warning" | "advice", "topic": "outdated",
         "message": "…", "check": "outdated.safe-harbor", "requirement": null | "caloppa.…",
         "cite": null | "…", "anchor": null | "clause or section id",
         "lines": null | [first, last], "excerpt": null | "…", "resolves_by": null | "section.question",
         "verify": false}
      ],
      "summary": {"blocking": 1, "warning": 0, "advice": 0, "counsel": 0, "total": 1},
      "promises": [
        {"text": "We reply within 45 days.", "clause": "rights.requests",
         "answers": ["rights.response_days"], "laws": ["law.ccpa"],
         "markdown": "We reply within 45 days.", "section": "rights", "unconfirmed": []}
      ]
    }

`lines` are 1-based line numbers (paragraph numbers in a .docx); notes about something missing
from the whole document have `lines: null`. A note with `"for_counsel": true` is a question
only counsel can settle (the owner answered "I'm not sure"), and always `blocking`: it blocks
publication until counsel settles it; `covers` lists the requirement and check ids it took in.
`summary` counts every note by severity, questions for counsel included, and `counsel` says how
many of the blocking are questions for counsel. The command exits 1 when `summary.blocking > 0`
(`needs_decision`).
`promises` (the promises ledger, `drafter.ledger`) is there only when the review knows the
answers: it lists the promises of the draft those answers make, and without them there is no
ledger to give (an empty list would say the policy promises nothing).
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from drafter.errors import json_text
from drafter.questionnaire import Questionnaire
from drafter.requirements import Severity
from drafter.document.model import COUNSEL_HEADING, SEVERITIES, Note, summary
from drafter.review.registry import registrar
from drafter.templating import escape_markdown

if TYPE_CHECKING:
    from drafter.ledger import LedgerEntry

HEADINGS: dict[Severity, str] = {"blocking": "Blocking: fix before publishing",
                                 "warning": "Warnings: check with counsel",
                                 "advice": "Advice: best practice"}
COUNSEL_INTRO = ("The owner answered \"I'm not sure\" to these questions. Each says what the draft "
                 "assumes meanwhile (the stricter reading) and what counsel must confirm; "
                 "once the answer is known, change it and build again.")

PROMISES_HEADING = "Promises this policy makes"
PROMISES_INTRO = ("Every commitment the policy makes, the clause it is in and the answers it "
                  "rests on. Check each against what the business really does; an answer "
                  "marked “not confirmed”, “not answered” or “not asked” is not the owner's; "
                  "one “left empty” is an optional question the owner left empty, read as none.")
NO_PROMISES = "No clause of this draft marks a promise."


class Report(Protocol):
    """A `drafter review --format`: the notes (and, with answers, the promises ledger)."""

    def __call__(self, notes: Sequence[Note], name: str, questionnaire: Questionnaire | None,
                 promises: Sequence[LedgerEntry] | None = None) -> str: ...


REPORTS: dict[str, Report] = {}


report = registrar(REPORTS)  # `@report("name")` registers a `drafter review --format`


def headline(notes: Sequence[Note]) -> str:
    """The counts a person reads first, by severity as every note's label says it; how many of
    the blocking ones are questions for counsel (each blocks publication until counsel
    settles it)."""
    counts = summary(notes)
    counsel = f" ({counts['counsel']} of them for counsel)" if counts["counsel"] else ""
    return (f"{counts['blocking']} blocking{counsel}, {counts['warning']} warning(s), "
            f"{counts['advice']} advice")


def label(note: Note) -> str:
    """How a note's kind reads in a list: its severity, or that it is a question for counsel."""
    return f"question for counsel, {note.severity}" if note.for_counsel else note.severity


def _where(note: Note) -> str:
    if note.lines:
        first, last = note.lines
        return f"line {first}" if first == last else f"lines {first}-{last}"
    if note.anchor:
        return f"{'clause' if '.' in note.anchor else 'section'} {note.anchor}"
    return "whole document"


@report("text")
def as_text(notes: Sequence[Note], name: str, questionnaire: Questionnaire | None,
            promises: Sequence[LedgerEntry] | None = None) -> str:
    """One note per line, `file:line: severity [R1] check: message`, as compilers print.
    (The ledger has its own command, `drafter promises`.)"""
    out: list[str] = []
    for note in notes:
        where = f"{name}:{note.lines[0]}:" if note.lines else f"{name}:"
        extra = f" ({note.cite})" if note.cite else ""
        rule = f"requirement {note.requirement}" if note.check == "requirement" else note.check
        kind = f"{note.severity} [{note.id}]" + (" question for counsel," if note.for_counsel else "")
        out.append(f"{where} {kind} {rule}: {' '.join(note.message.split())}{extra}")
        if note.excerpt:
            out.append(f"    > {note.excerpt}")
    out.append(f"{name}: {headline(notes)}")
    return "\n".join(out) + "\n"


@report("json")
def as_json(notes: Sequence[Note], name: str, questionnaire: Questionnaire | None,
            promises: Sequence[LedgerEntry] | None = None) -> str:
    data: dict[str, object] = {"file": name, "notes": [n.as_json() for n in notes],
                               "summary": summary(notes)}
    if promises is not None:
        data["promises"] = [p.as_json() for p in promises]
    return json_text(data, indent=2)


# A span of a note item: (kind, text) with kind "strong", "em", "code", "text" (plain text,
# escaped when written, each value on its own) or "markdown" (the note's message, written as
# the library wrote it).
Span = tuple[str, str]


def note_spans(note: Note, questionnaire: Questionnaire | None, *,
               where: bool = True) -> list[list[Span]]:
    """One note's list item as lines of spans: marker, message, citation, and the question (with
    its prompt) whose answer resolves it. `note_item` writes them as Markdown; the exported
    notes list is made of their tokens directly, so it is never parsed (issue 13)."""
    first: list[Span] = [("strong", f"[{note.id}]"), ("text", " "), ("em", label(note))]
    if where:
        first += [("text", " ("), ("text", _where(note)), ("text", ")")]
    lines = [[*first, ("text", ": "), ("markdown", " ".join(note.message.split()))]]
    if note.excerpt:
        lines.append([("text", "Text: “"), ("text", note.excerpt), ("text", "”")])
    law: list[list[Span]] = [[("text", note.cite)]] if note.cite else []
    if note.requirement:
        law.append([("text", "requirement "), ("code", note.requirement)])
    if law:
        spans: list[Span] = [("text", "Law: ")]
        for i, part in enumerate(law):
            spans += [*([("text", "; ")] if i else []), *part]
        lines.append(spans + ([("text", " (to verify)")] if note.verify else []))
    if note.resolves_by:
        key = note.resolves_by
        verb = "Counsel settles" if note.for_counsel else "Resolved by"
        if questionnaire is None:
            lines.append([("text", f"{verb} the answer "), ("code", key)])
        elif key in questionnaire:
            prompt = questionnaire.entry(key).question.prompt
            lines.append([("text", f"{verb} the question “"), ("text", prompt), ("text", "” ("),
                          ("code", key), ("text", ")")])
    if note.covers:
        spans = [("text", "Also covers: ")]
        for i, covered in enumerate(note.covers):
            spans += [*([("text", ", ")] if i else []), ("code", covered)]
        lines.append(spans)
    return lines


_WRITE = {"strong": "**{}**".format, "em": "*{}*".format, "code": "`{}`".format,
          "text": escape_markdown, "markdown": str}


NOTE_ITEM_START = re.compile(r"^- \*\*\[(R\d+)\]\*\* \*(?:question for counsel, )?(\w+)", re.M)
"""The start of a `note_item` as written, read back: its number and its kind (`blocking`, …);
written beside it so the two change together (`drafter review` without answers counts the
notes an exported draft carries)."""


def note_item(note: Note, questionnaire: Questionnaire | None, *, where: bool = True) -> str:
    """One note as a Markdown list item (its `note_spans`)."""
    lines = ["".join(_WRITE[kind](text) for kind, text in line)
             for line in note_spans(note, questionnaire, where=where)]
    return "- " + "  \n  ".join(lines)


def _cell(text: str) -> str:
    return " ".join(escape_markdown(text).split())


def _rests_on(entry: LedgerEntry) -> str:
    """The "Rests on" cell: each question with its answer, then each law."""
    parts = [f"“{_cell(a.prompt)}” (`{a.key}`): "
             + (f"**{_cell(a.answer)}**" if a.given else f"*{_cell(a.shown())}*")
             for a in entry.answers]
    parts += [f"{_cell(law.label)} (`{law.name}`)" for law in entry.laws]
    return "; ".join(parts)


def promises_markdown(promises: Sequence[LedgerEntry]) -> list[str]:
    """The ledger as a Markdown section: one table row per promise."""
    lines = [f"## {PROMISES_HEADING}", "", PROMISES_INTRO, ""]
    if not promises:
        return [*lines, NO_PROMISES, ""]
    lines += ["| # | Promise | Where | Rests on |", "|---|---|---|---|"]
    lines += [f"| {n} | {_cell(e.text)} | {_cell(e.where())} | {_rests_on(e)} |"
              for n, e in enumerate(promises, start=1)]
    return [*lines, ""]


def promises_text(promises: Sequence[LedgerEntry]) -> str:
    """The ledger for a terminal (`drafter promises`): each promise, where, what grants it."""
    out = [f"{PROMISES_HEADING}: {len(promises)}", ""]
    for n, entry in enumerate(promises, start=1):
        out.append(f"{n}. {entry.text}")
        out.append(f"   in: {entry.where()}")
        out += [f"   rests on: {a.prompt} ({a.key}): {a.shown()}" for a in entry.answers]
        out += [f"   law: {law.label} ({law.name})" for law in entry.laws]
    if not promises:
        out.append(NO_PROMISES)
    return "\n".join(out) + "\n"


@report("markdown")
def as_markdown(notes: Sequence[Note], name: str, questionnaire: Questionnaire | None,
                promises: Sequence[LedgerEntry] | None = None, *,
                decided: Sequence[str] = ()) -> str:
    """Questions for counsel, then the owner's notes grouped by severity, then the lines of
    counsel's decisions (`decided`: `drafter.decisions`, in a build), then the promises
    ledger when there is one: `review.md` for counsel, and `--format markdown`."""
    lines = [f"# Reviewer notes: {escape_markdown(name)}", "", f"{headline(notes)}.", ""]
    counsel = [n for n in notes if n.for_counsel]
    if counsel:
        lines += [f"## {COUNSEL_HEADING}", "", COUNSEL_INTRO, ""]
        lines += [note_item(n, questionnaire) for n in counsel]
        lines.append("")
    for severity in SEVERITIES:
        group = [n for n in notes if n.severity == severity and not n.for_counsel]
        if group:
            lines += [f"## {HEADINGS[severity]}", ""]
            lines += [note_item(n, questionnaire) for n in group]
            lines.append("")
    if not notes:
        lines += ["Nothing to review.", ""]
    lines += decided
    if promises is not None:
        lines += promises_markdown(promises)
    return "\n".join(lines)
