"""A pick-list (a vendor's kind of service) whose keys are taken in the app's own key loop.

Textual's `Select` opens on its own binding and gives the focus to its options, and closes and
gives it back, each through its widgets' queues, behind the keys already typed. In the browser
trial, Enter, "other", Enter in one burst sent the letters to the closed list (left empty),
and a Tab typed just after the pick was undone when the list took the focus back (every later
answer landed one question behind). `DrafterApp.on_event` hands the keys that open, pick and
close to `PickList.take_key` before the next key is handed out, and the letters typed on the
open options too (they jump as in every list of ours, `TypeToJump`): left to the options' own
queue, they came after the Enter that picks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.events import Key
from textual.widget import Widget
from textual.widgets import OptionList, Select

from drafter.app.widgets.lists import TypeToJump

OPENS = ("enter", "space", "down", "up")


class PickList(TypeToJump, Select[Any]):
    """A `Select` (with a blank first row) opened, picked from and closed at once."""

    def __init__(self, options: Iterable[tuple[str, Any]], **kwargs: Any) -> None:
        options = list(options)
        self.values = [Select.NULL, *(value for _, value in options)]  # the options' rows
        self.labels = ["", *(label for label, _ in options)]
        super().__init__(options, type_to_search=False, **kwargs)

    def jump_labels(self) -> list[str]:
        return self.labels

    def jump_current(self) -> int | None:
        return self.query_one(OptionList).highlighted

    def jump_to(self, index: int) -> None:
        self.query_one(OptionList).highlighted = index

    def _watch_expanded(self, expanded: bool) -> None:
        """As `Select`'s, but the open options take the focus now: its `focus()` is queued
        behind the keys already typed, and took the focus back from where a Tab typed after
        the pick had moved it."""
        options = self.query_one(OptionList)
        options.focus = lambda scroll_visible=True: options  # type: ignore[method-assign]
        try:
            super()._watch_expanded(expanded)
        finally:
            del options.focus
        if expanded:
            self.screen.set_focus(options, scroll_visible=False)

    def take_key(self, event: Key) -> bool:
        """Open, pick or close for `event`; True if it was such a key."""
        options = self.query_one(OptionList)
        if not self.expanded:
            if event.key not in OPENS:
                return False
            self.action_show_overlay()  # the options take the focus (`_watch_expanded`)
            return True
        if event.key not in ("enter", "escape"):
            return super().take_key(event)  # a letter jumps
        if event.key == "enter" and options.highlighted is not None:
            self.value = self.values[options.highlighted]
        self.expanded = False
        self.screen.set_focus(self, scroll_visible=False)
        move_on = getattr(self.parent, "move_on", None)  # a row's field: Enter moves on
        if event.key == "enter" and move_on is not None:
            move_on(self)
        return True


def pick_list(focused: Widget | None) -> PickList | None:
    """The pick-list that `focused` is, or whose open options it is."""
    for widget in (focused, focused.parent if focused is not None else None):
        if isinstance(widget, PickList):
            return widget
    return None
