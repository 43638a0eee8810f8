"""Review a drafted policy: turn requirements that apply but are not met into notes.

Each note says what is missing, the law and citation behind it, and the question whose answer
resolves it, so the app can jump there and counsel can see why it matters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from drafter.answers import Answers
from drafter.assemble import Policy, template_context
from drafter.library import Library
from drafter.requirements import Severity, Topic

_SEVERITY_ORDER: dict[str, int] = {"blocking": 0, "warning": 1, "advice": 2}


@dataclass(frozen=True)
class Note:
    id: str  # R1, R2, … in document order
    severity: Severity
    topic: Topic
    message: str
    requirement: str | None = None
    cite: str | None = None
    anchor: str | None = None  # clause id or section id the note concerns
    resolves_by: str | None = None  # question key
    verify: bool = False  # the law behind it is marked [verify] in LEGAL.md


@dataclass(frozen=True)
class Draft:
    """A drafted policy and the reviewer notes on it: what every exporter receives."""

    policy: Policy
    notes: tuple[Note, ...]


def review_draft(policy: Policy, answers: Answers, library: Library) -> list[Note]:
    """Notes for a draft: every applicable requirement that no selected clause satisfies."""
    context = template_context(answers, library)
    satisfied = policy.satisfied()
    sections = [s.id for s in policy.sections]
    found: list[tuple[int, int, Note]] = []
    for entry in library.requirements.values():
        req = entry.requirement
        if req.id in satisfied or not entry.applies.holds(context):
            continue
        anchor = req.topic if req.topic in sections else None
        position = sections.index(anchor) if anchor else len(sections)
        found.append((position, _SEVERITY_ORDER[req.severity], Note(
            id="", severity=req.severity, topic=req.topic, message=req.note,
            requirement=req.id, cite=req.cite, anchor=anchor, resolves_by=req.ask,
            verify=req.verify,
        )))
    found.sort(key=lambda item: (item[0], item[1]))
    return [replace(note, id=f"R{i}") for i, (_, _, note) in enumerate(found, start=1)]
