"""What counts as answered: one rule, in one place, read by the app's progress and section
marks (`drafter.standing`), the promises ledger (`drafter.ledger`: `drafter promises`, review.md
and the build manifest's `unconfirmed`) and what the app saves when the owner moves on from an
empty list (`drafter.none_of_these`), so the file alone says the same wherever it is read.

- A question the answers file holds an answer to is answered: an empty list (`[]`) the owner
  saved is their "none of these", unless the list cannot be answered that way: a required one
  (it needs a tick) or one offering its own "None of these" option (an `exclusive` option keyed
  `none`, as the state band questions do: the owner ticks it, and a build reads such a list
  left empty as not known, `drafter.statutes`).
- A question missing from the file is unanswered, unless it is marked `optional` (the policy
  reads without it): then it is "left empty", complete, and in neither count. A list is not
  optional because it is a list: until the owner saves `[]`, nothing says they saw it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from drafter.questions import Question

State = Literal["given", "left empty", "unanswered"]


def empty_is_an_answer(question: Question) -> bool:
    """Whether `[]` saved for `question` is the owner's "none of these"."""
    return (question.type in ("many", "records") and not question.required
            and "none" not in question.exclusive)


def answer_state(question: Question, key: str, held: Mapping[str, Any]) -> State:
    """`key`'s state given what the answers file `held` (valid answers by dotted key, or all
    answers as typed, for counting a wrong one): "given", "left empty" (optional, not in the
    file) or "unanswered" (a suggestion not confirmed is unanswered: it is not the owner's)."""
    value = held.get(key)
    if value in (None, "") or (value == [] and not empty_is_an_answer(question)):
        return "left empty" if question.optional else "unanswered"
    return "given"


__all__ = ["State", "answer_state", "empty_is_an_answer"]
