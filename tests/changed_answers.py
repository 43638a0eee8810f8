"""An answers file read with some answers changed, for tests that build from a fixture or an
example and vary one answer at a time (`kiosks__payments=True`; `DROP` removes an answer, as if
the owner never gave it), and the text one clause drafted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.answers import Answers, validate_answers
from drafter.document.model import Policy
from drafter.project import Project
from drafter.yamlio import parse_yaml

DROP = object()


def changed(project: Project, path: Path, *, complete: bool = False,
            **changes: Any) -> Answers:
    """The answers in `path` with `section__question=value` changed (or dropped with DROP);
    with `complete`, every required answer must still be there."""
    data = parse_yaml(path.read_text(), path)
    for key, value in changes.items():
        section, question = key.split("__")
        group = data.setdefault(section, {})
        if value is DROP:
            group.pop(question, None)
        else:
            group[question] = value
    return validate_answers(data, project.questionnaire, path, complete=complete)


def clause_text(policy: Policy, clause_id: str) -> str:
    """What the clause `clause_id` drafted in `policy` (empty when it was not chosen)."""
    return "\n".join(c.markdown for c in policy.clauses() if c.id == clause_id)
