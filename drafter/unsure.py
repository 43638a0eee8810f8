"""What each "I'm not sure" answer decides: the conditions' context as it would be had the
owner answered the question each other way it offers.

A requirement that applies now but would not under one of those answers rests on the unknown,
not on a fact: its note belongs to the one question for counsel that the "not sure" raises
(`review.checks.counsel_questions`), never a warning that presumes the fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.questionnaire import UNSURE

if TYPE_CHECKING:
    from drafter.library import Library


def other_answers(answers: Answers, key: str) -> list[Any]:
    """The answers the owner could have given instead of "not sure" to `key`: the options of
    a one-of question, yes and no; none for a question whose answers cannot be listed."""
    question = answers.questionnaire.entry(key).question
    if question.type == "bool":
        return [True, False]
    if question.type == "one":
        return list(question.options or {})
    return []


def alternatives(answers: Answers, library: Library) -> dict[str, tuple[Mapping[str, Any], ...]]:
    """For each question shown and answered "not sure", the conditions' context (answers,
    `data`, `law`) under each other answer it offers."""
    found: dict[str, tuple[Mapping[str, Any], ...]] = {}
    shown = set(answers.shown())
    for key, value in answers.values.items():
        if value != UNSURE or key not in shown:
            continue
        found[key] = tuple(
            template_context(Answers(answers.questionnaire, {**answers.values, key: other},
                                     answers.path), library)
            for other in other_answers(answers, key))
    return found


__all__ = ["alternatives", "other_answers"]
