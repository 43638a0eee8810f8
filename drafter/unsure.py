"""What each "I'm not sure" answer decides: the conditions' context as it would be had the
owner answered the question each other way it offers.

A requirement that applies now but would not under one of those answers rests on the unknown,
not on a fact: its note belongs to the one question for counsel that the "not sure" raises
(`review.checks.counsel_questions`), never a warning that presumes the fact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload

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


class Readings(Sequence[Mapping[str, Any]]):
    """The conditions' context under each other answer to one "not sure" question, each
    worked out when first read and kept: a review asks only while it looks for the answer
    that settles a note (`review.checks._settled_by`, which stops at the first context that
    does), and a context costs as much as a tenth of a draft (the questionnaire walked again,
    every law evaluated again)."""

    def __init__(self, answers: Answers, library: Library, key: str,
                 context: Mapping[str, Any]) -> None:
        """`context`: the answers' own (`template_context`), from which each other answer's
        is worked out again only where that answer changes it."""
        self._answers, self._library, self._key, self._context = answers, library, key, context
        self._others = other_answers(answers, key)
        self._made: dict[int, Mapping[str, Any]] = {}

    def __len__(self) -> int:
        return len(self._others)

    @overload
    def __getitem__(self, index: int) -> Mapping[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Mapping[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(len(self))[index])
        index = range(len(self))[index]  # IndexError past the end, as a tuple's
        if index not in self._made:
            a = self._answers
            self._made[index] = template_context(
                Answers(a.questionnaire, {**a.values, self._key: self._others[index]}, a.path),
                self._library, since=(a, self._context))
        return self._made[index]


def alternatives(answers: Answers, library: Library) -> dict[str, Sequence[Mapping[str, Any]]]:
    """For each question shown and answered "not sure", the conditions' context (answers,
    `data`, `law`) under each other answer it offers (made when read: `Readings`)."""
    shown = set(answers.shown())
    context = template_context(answers, library)
    return {key: Readings(answers, library, key, context) for key, value in answers.values.items()
            if value == UNSURE and key in shown}


__all__ = ["Readings", "alternatives", "other_answers"]
