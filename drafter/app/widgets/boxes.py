"""The boxes an owner types an answer in.

Focused, a box holding an answer puts the cursor after the last character with nothing
selected: the next key adds to the answer, never replaces it (Textual's `Input` selects all
of its text on focus, so one key erased a whole answer the owner only meant to add to).

A box given a `taker` hands each change of its text to it at once, in the key's own handler,
instead of posting a `Changed` message: keys already queued for the box are handled before
any message it posts, so the screen could show a whole burst of typing before the first
change reached the field that saves it (kill -9 then lost a whole answer on screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.events import Focus
from textual.message import Message
from textual.widgets import Input, TextArea

Taker = Callable[[Any], None]


class AnswerBox(Input):
    """A one-line answer: focused, the cursor goes to the end, nothing selected."""

    taker: Taker | None = None  # set after `Input.__init__`, which posts a first change

    def __init__(self, *args: Any, taker: Taker | None = None, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=False, **kwargs)
        self.taker = taker

    def _on_focus(self, event: Focus) -> None:
        # Textual calls each class's own handler, this one before `Input`'s (no super()).
        self.cursor_position = len(self.value)  # also empties the selection

    def post_message(self, message: Message) -> bool:
        if (self.taker is not None and type(message) is Input.Changed
                and not self._is_prevented(Input.Changed)):
            self.taker(message)  # a change shown elsewhere (`prevent`) is not an answer
            return True
        return super().post_message(message)


class AnswerArea(TextArea):
    """A longer answer: focused, the cursor goes to the end of the text, nothing selected."""

    taker: Taker | None = None

    def __init__(self, *args: Any, taker: Taker | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.taker = taker

    def _on_focus(self, event: Focus) -> None:
        self.move_cursor(self.document.end)

    def post_message(self, message: Message) -> bool:
        if (self.taker is not None and type(message) is TextArea.Changed
                and not self._is_prevented(TextArea.Changed)):
            self.taker(message)
            return True
        return super().post_message(message)


__all__ = ["AnswerArea", "AnswerBox"]
