"""Run an answer check's `examples` (`clauses/answer-checks.yaml`): the answers each one
describes, and the notes a review of them gives.

The tests run every example of every check, so a check that cannot fire, or that fires where
it should not, fails the suite; the same functions serve anyone writing a new check.
"""

from __future__ import annotations

from datetime import date

from drafter.answers import Answers, validate_answers
from drafter.errors import UserError
from drafter.paths import examples
from drafter.project import Project
from drafter.review import review_document
from drafter.review.document import Block, Document
from drafter.document.model import Note
from drafter.review.rules import CheckExample
from drafter.yamlio import parse_yaml


def example_answers(project: Project, example: CheckExample) -> Answers:
    """The example business's answers with the example's changes made (`null` removes one)."""
    path = examples().get(example.example)
    if path is None:
        raise UserError(f"no example business {example.example!r}; known: "
                        f"{', '.join(examples())}", field="examples")
    data = parse_yaml(path.read_text(encoding="utf-8"), path)
    for section, changes in example.answers.items():
        group = data.setdefault(section, {})
        for question, value in changes.items():
            if value is None:
                group.pop(question, None)
            else:
                group[question] = value
    return validate_answers(data, project.questionnaire, path, complete=False)


def example_notes(project: Project, example: CheckExample, today: date) -> list[Note]:
    """The notes on the example: on Drafter's draft of its answers, or, with `policy`, on
    those paragraphs reviewed with its answers."""
    answers = example_answers(project, example)
    if example.policy is None:
        return list(project.draft(answers, today).notes)
    blocks = tuple(Block(text, n, n) for n, text in enumerate(example.policy, start=1))
    return review_document(Document(blocks, "example"), project.library, answers=answers,
                           today=today)
