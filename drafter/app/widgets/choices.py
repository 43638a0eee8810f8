"""The choices a question offers, as its pick-list shows them (a radio set, a checklist or a
record field's drop-down), so an owner picks a label and never types an internal code."""

from __future__ import annotations

from typing import Any

from drafter.questionnaire import UNSURE, UNSURE_LABEL, Question


def choices(question: Question) -> dict[Any, str]:
    """The stored value → label of a choice question, "I'm not sure" last where offered."""
    options: dict[Any, str] = (
        {True: "Yes", False: "No"} if question.type == "bool" else dict(question.options or {})
    )
    if question.unsure:
        options[UNSURE] = UNSURE_LABEL
    return options
