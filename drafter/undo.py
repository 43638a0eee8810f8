"""Undo and redo of the owner's answers in an editing session (the app's Ctrl+Z and
Ctrl+Shift+Z / Ctrl+Y). Core code, free of Textual: the app only presents what it returns.

Every change made through `Undo.answer` is a step: the stored answer before and after (None:
no answer, so the question's default applies again). Typing into one text box is one step
until the owner moves to another question (`seal`), so Ctrl+Z takes back a word, not a letter.
Undoing or redoing goes through the session like any answer, so it is saved and validated the
same way. A step whose answer was changed elsewhere since (another window, an editor) is not
applied: it would overwrite that change silently; it is dropped and reported instead.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from drafter.plain import same_answer
from drafter.editing import Session

TYPED = ("text", "email", "url", "phone", "date", "number", "long_text")
"""Question types answered by typing: one step per visit, not one per key."""
LIMIT = 500


@dataclass(frozen=True)
class Step:
    key: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Applied:
    """What an undo or redo did: the question it changed (or would have), and whether it
    was skipped because the answer had been changed elsewhere since."""

    key: str
    changed_elsewhere: bool = False


class Undo:
    """The undo and redo history of one session."""

    def __init__(self, session: Session, limit: int = LIMIT) -> None:
        self.session = session
        self.limit = limit
        self.done: list[Step] = []
        self.undone: list[Step] = []
        self._open: str | None = None  # the key whose typing still adds to the last step

    def _stored(self, key: str) -> Any:
        return copy.deepcopy(self.session.raw.get(key))

    def answer(self, key: str, value: Any) -> tuple[bool, str | None]:
        """`Session.answer` (not saved: the caller flushes), remembered as a step."""
        before = self._stored(key)
        changed, error = self.session.answer(key, value, save=False)
        after = self._stored(key)
        if not changed or self.session.read_only or same_answer(before, after):
            return changed, error
        if self._open == key and self.done and self.done[-1].key == key:
            before = self.done.pop().before  # still typing the same answer: one step
        if not same_answer(before, after):
            self.done.append(Step(key, before, after))
            del self.done[:-self.limit]
        self.undone.clear()
        self._open = key if self.session.questionnaire.entry(
            key).question.type in TYPED else None
        return changed, error

    def seal(self) -> None:
        """The owner moved on: the next keystroke starts a new step."""
        self._open = None

    def confirmed(self, key: str) -> None:
        """Remember a suggested answer (a default) the owner confirmed as a step."""
        self._open = None
        self.done.append(Step(key, None, self._stored(key)))
        self.undone.clear()

    def undo(self) -> Applied | None:
        """Take back the last step; None when there is nothing to undo."""
        return self._move(self.done, self.undone, back=True)

    def redo(self) -> Applied | None:
        """Make again the last step undone; None when there is nothing to redo."""
        return self._move(self.undone, self.done, back=False)

    def _move(self, source: list[Step], target: list[Step], *, back: bool) -> Applied | None:
        self._open = None
        if not source:
            return None
        step = source.pop()
        expected, wanted = (step.after, step.before) if back else (step.before, step.after)
        if not same_answer(self._stored(step.key), expected):
            return Applied(step.key, changed_elsewhere=True)
        self.session.answer(step.key, copy.deepcopy(wanted), save=False)
        if wanted is not None and not same_answer(self._stored(step.key), wanted):
            # the suggestion the form shows again: `answer` takes it for nothing new, and
            # the redo of a kept suggestion did nothing (trial 23)
            self.session.confirm(step.key, save=False)
        if wanted == [] and step.key not in self.session.raw:  # a list's "none of these":
            self.session.none_of_these(step.key, save=False)  # `answer` took [] for no answer
        target.append(step)
        return Applied(step.key)


__all__ = ["Applied", "Step", "Undo"]
