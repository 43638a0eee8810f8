"""The buttons among the questions (Next, a list's "+ Add" and "Remove"), with the keys an owner
typing through a form expects.

Keys reaching one of these buttons are taken in the app's own key loop (`take_key`, called by
the app before it hands a key out), so whatever the button does (open the next section, add a
row) is done before the next key is handed out: the keys typed after it land where it moved the
focus. Pressed through Textual's message (Enter on the button, a click), Next opened the next
section only once the screen's queue got to it, and a phone number typed at once went partly
into the question just left.

- Enter and Space press the button (as in a browser).
- A letter on a button that leads to an answer (Next, "+ Add") presses it and goes on into that
  answer: Tab out of a section's last question, then typing, fills the next section's first one.
- A letter on a button that does not (Remove, the export) is refused out loud, never silently.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.events import Key
from textual.widgets import Button

Act = Callable[[], Awaitable[None] | None]


class FormButton(Button):
    """A button of the form whose press is `act`; `leads_to_answer` says whether pressing it
    puts the focus in an answer (the next section's first question, a new row)."""

    def __init__(self, label: str, act: Act, *, leads_to_answer: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.act = act
        self.leads_to_answer = leads_to_answer
        self._acted = 0  # presses acted on so far
        self._clicked_at = 0  # `_acted` when the last press through Textual was made
        self._told = False  # a refused key was reported since the focus came here

    def press(self) -> Button:
        self._clicked_at = self._acted
        return super().press()

    async def _on_button_pressed(self, event: Button.Pressed) -> None:
        """A press through Textual (a click, or Enter where the app did not take it): acted on
        unless a key already pressed the button since (it was the same press)."""
        event.stop()
        if self._clicked_at == self._acted:
            await self.act_now()

    async def act_now(self) -> None:
        self._acted += 1
        result = self.act()
        if result is not None:
            await result

    async def take_key(self, event: Key) -> bool:
        """A key typed with this button focused, before the app hands it out; True if it was
        used up here (else it goes on to whatever now has the focus)."""
        if event.key in ("enter", "space"):
            await self.act_now()
            return True
        if not event.is_printable or not event.character:
            return False  # Tab, the arrows, the app's keys: as usual
        if self.leads_to_answer:
            await self.act_now()
            if self.app.focused is not self:
                return False
        if not self._told:
            self._told = True
            self.notify(f"\u201c{event.character}\u201d was not typed into an answer: the focus "
                        f"is on the \u201c{self.label}\u201d button. Shift+Tab goes back to the "
                        "question.", title="Key not typed", severity="warning", timeout=6)
        return True

    def on_blur(self) -> None:
        self._told = False


__all__ = ["FormButton"]
