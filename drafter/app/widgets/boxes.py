"""The boxes an owner types an answer in. Focused, a box holding an answer puts the cursor
after the last character with nothing selected: the next key adds to the answer, never
replaces it (Textual's `Input` selects all of its text on focus, so one key erased a whole
answer the owner only meant to add to)."""

from __future__ import annotations

from typing import Any

from textual.events import Focus
from textual.widgets import Input, TextArea


class AnswerBox(Input):
    """A one-line answer: focused, the cursor goes to the end, nothing selected."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=False, **kwargs)

    def _on_focus(self, event: Focus) -> None:
        # Textual calls each class's own handler, this one before `Input`'s (no super()).
        self.cursor_position = len(self.value)  # also empties the selection


class AnswerArea(TextArea):
    """A longer answer: focused, the cursor goes to the end of the text, nothing selected."""

    def _on_focus(self, event: Focus) -> None:
        self.move_cursor(self.document.end)


__all__ = ["AnswerArea", "AnswerBox"]
