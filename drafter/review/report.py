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
      "summary": {"blocking": 1, "warning": 0, "advice": 0, "total": 1}
    }

`lines` are 1-based line numbers (paragraph numbers in a .docx); notes about something missing
from the whole document have `lines: null`. The command exits 1 when `summary.blocking > 0`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from drafter.questionnaire import Questionnaire
from drafter.requirements import Severity
from drafter.review.model import SEVERITIES, Note, summary
from drafter.review.registry import registrar
from drafter.templating import escape_markdown

HEADINGS: dict[Severity, str] = {"blocking": "Blocking: fix before publishing",
                                 "warning": "Warnings: check with counsel",
                                 "advice": "Advice: best practice"}

Report = Callable[[Sequence[Note], str, Questionnaire | None], str]
REPORTS: dict[str, Report] = {}


report = registrar(REPORTS)  # `@report("name")` registers a `drafter review --format`


def _where(note: Note) -> str:
    if note.lines:
        first, last = note.lines
        return f"line {first}" if first == last else f"lines {first}-{last}"
    if note.anchor:
        return f"{'clause' if '.' in note.anchor else 'section'} {note.anchor}"
    return "whole document"


@report("text")
def as_text(notes: Sequence[Note], name: str, questionnaire: Questionnaire | None) -> str:
    """One note per line, `file:line: severity [R1] check: message`, as compilers print."""
    out: list[str] = []
    for note in notes:
        where = f"{name}:{note.lines[0]}:" if note.lines else f"{name}:"
        extra = f" ({note.cite})" if note.cite else ""
        label = f"requirement {note.requirement}" if note.check == "requirement" else note.check
        out.append(f"{where} {note.severity} [{note.id}] {label}: "
                   f"{' '.join(note.message.split())}{extra}")
        if note.excerpt:
            out.append(f"    > {note.excerpt}")
    counts = summary(notes)
    out.append(f"{name}: {counts['blocking']} blocking, {counts['warning']} warning(s), "
               f"{counts['advice']} advice")
    return "\n".join(out) + "\n"


@report("json")
def as_json(notes: Sequence[Note], name: str, questionnaire: Questionnaire | None) -> str:
    data = {"file": name, "notes": [n.as_json() for n in notes], "summary": summary(notes)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def note_item(note: Note, questionnaire: Questionnaire | None, *, where: bool = True) -> str:
    """One note as a Markdown list item: marker, message, citation, and the question (with its
    prompt) whose answer resolves it."""
    parts = [f"- **[{note.id}]** *{note.severity}*"
             + (f" ({escape_markdown(_where(note))})" if where else "")
             + f": {' '.join(note.message.split())}"]
    if note.excerpt:
        parts.append(f"  Text: “{escape_markdown(note.excerpt)}”")
    law = [escape_markdown(note.cite)] if note.cite else []
    if note.requirement:
        law.append(f"requirement `{note.requirement}`")
    if law:
        parts.append(f"  Law: {'; '.join(law)}" + (" (to verify)" if note.verify else ""))
    if note.resolves_by:
        key = note.resolves_by
        if questionnaire is None:
            parts.append(f"  Resolved by the answer `{key}`")
        elif key in questionnaire:
            prompt = escape_markdown(questionnaire.entry(key).question.prompt)
            parts.append(f"  Resolved by the question “{prompt}” (`{key}`)")
    return "  \n".join(parts)


@report("markdown")
def as_markdown(notes: Sequence[Note], name: str, questionnaire: Questionnaire | None) -> str:
    """Notes grouped by severity: `review.md` for counsel, and `--format markdown`."""
    counts = summary(notes)
    lines = [f"# Reviewer notes: {escape_markdown(name)}", "",
             f"{counts['blocking']} blocking, {counts['warning']} warning(s), "
             f"{counts['advice']} advice.", ""]
    for severity in SEVERITIES:
        group = [n for n in notes if n.severity == severity]
        if group:
            lines += [f"## {HEADINGS[severity]}", ""]
            lines += [note_item(n, questionnaire) for n in group]
            lines.append("")
    if not notes:
        lines += ["Nothing to review.", ""]
    return "\n".join(lines)
