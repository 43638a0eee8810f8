"""The boxes an owner types an answer in.

Focused, a box holding an answer puts the cursor after the last character with nothing
selected: the next key adds to the answer, never replaces it (Textual's `Input` selects all
of its text on focus, so one key erased a whole answer the owner only meant to add to).
A box showing a suggested default (its field is `-suggested`: "Enter keeps it, or type your
own") selects it instead, so what the owner types replaces it: typed after the suggestion,
"Operations Manager" was saved as "Privacy LeadOperations Manager". End or an arrow key
first still edits the suggestion.

A box given a `taker` hands each change of its text to it at once, in the key's own handler,
instead of posting a `Changed` message: keys already queued for the box are handled before
any message it posts, so the screen could show a whole burst of typing before the first
change reached the field that saves it (kill -9 then lost a whole answer on screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.events import Blur, Focus, Key
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, TextArea

Taker = Callable[[Any], None]
ELLIPSIS = "\u2026"


class InOrder:
    """Mix into a text box or a list (before it): a key bound on the widget itself (Backspace,
    Delete, Ctrl+U, the arrows, Home, End) acts here, in its own key handler; a list to tick
    handles Space and its moving keys even earlier, in the app's key loop (`ManyList` in
    lists.py), and comes here only for a key another widget passes on. Textual acts on
    such a binding only once the key has bubbled up through every container to the app,
    while the letters typed after it go straight to the box: in a burst of typing, they were
    put in before the Backspace or the arrow that came first; on a list to tick, a Space
    typed just before Down ticked the option below (the kiosk trial: Space, Down, Space…
    over ten categories saved four, two of them wrong)."""

    async def _on_key(self, event: Key) -> None:
        assert isinstance(self, Widget)
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # not again on the way up, nor by Textual's handler
                return


def suggesting(box: Input | TextArea) -> bool:
    """Whether the box shows a suggested default, not yet the owner's answer."""
    return any(node.has_class("-suggested") for node in box.ancestors_with_self)


class Handing:
    """Mix into an answer widget (before it), naming its change message `CHANGED`: given a
    `taker`, the widget hands each change to it at once, in the key's own handler, instead of
    posting the message (see the module's docstring). A change shown elsewhere (`prevent`)
    is not an answer, and is posted as usual."""

    CHANGED: ClassVar[type[Message]]
    taker: Taker | None = None  # set after the widget's own `__init__`, which may post a change

    def __init__(self, *args: Any, taker: Taker | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.taker = taker

    def post_message(self, message: Message) -> bool:
        assert isinstance(self, Widget)
        if (self.taker is not None and type(message) is self.CHANGED
                and not self._is_prevented(self.CHANGED)):
            self.taker(message)
            return True
        return super().post_message(message)


class AnswerBox(InOrder, Handing, Input):
    """A one-line answer: focused, the cursor goes to the end, nothing selected; unless it
    holds text the app put there for the owner (`filled`, a catalog's details in a vendor's
    row) and not changed since: that is selected, so what the owner types replaces it (the
    browser trial: "delivering parcels" then typed over became "delivering
    parcelscarrying parcels …")."""

    filled: str | None = None  # the text the app filled the box with, not the owner

    CHANGED = Input.Changed
    # Textual's `Input` sets its virtual width to its text's on every key, and a widget's
    # virtual size asks for a layout of the whole screen when it changes: a third of the CPU
    # from a key to its echo. The box's own size never depends on it (its width is set by
    # the styles, its height is one line), and the scroll limits are read from it directly,
    # so a repaint is enough.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=True)

    def __init__(self, *args: Any, taker: Taker | None = None, **kwargs: Any) -> None:
        super().__init__(*args, select_on_focus=False, taker=taker, **kwargs)

    def _on_focus(self, event: Focus) -> None:
        # Textual calls each class's own handler, this one before `Input`'s (no super()).
        self.cursor_position = len(self.value)  # also empties the selection
        if self.value and (suggesting(self) or self.value == self.filled):
            self.select_all()
        # The cursor was at the end already (as a box starts, or as a click left it): moving
        # it there scrolled nothing, and a long answer was typed onto blind, off the box.
        self.call_after_refresh(self._end_in_view)

    def _end_in_view(self) -> None:
        if self.has_focus and self.cursor_position == len(self.value):
            self.scroll_to(x=self.max_scroll_x, animate=False)

    def on_blur(self, event: Blur) -> None:
        """Left, a long answer shows its beginning again, not its last few words (the
        cursor goes home with it; focused again, it goes back to the end)."""
        self.cursor_position = 0

    def render_line(self, y: int) -> Strip:
        """Left, an answer longer than the box ends in "…" where it is cut, so it is not read
        as the whole answer (the 80x24 trial: "self-service shipping kiosks in shops,
        offices" looked complete). Typed in, the box shows the text itself."""
        strip = super().render_line(y)
        width = self.scrollable_content_region.width
        if (y or self.has_focus or not self.value or self.scroll_offset.x
                or cell_len(self.value) <= width or width < 2):
            return strip
        kept = strip.crop(0, width - 1)
        style = next(iter(reversed(list(kept))), Segment("")).style
        return Strip.join([kept, Strip([Segment(ELLIPSIS, style)])]).extend_cell_length(
            strip.cell_length, self.rich_style)


class AnswerArea(InOrder, Handing, TextArea):
    """A longer answer: focused, the cursor goes to the end of the text, nothing selected."""

    CHANGED = TextArea.Changed
    # Set by `TextArea` as it is first placed (its text wrapped to its width) and as lines
    # are added, and by `OptionList` (`ManyList`) as it is first drawn: each time the reactive
    # asked for a second layout of the whole screen. The height is the styles' (the list's
    # is measured: `get_content_height`), and the scrollbar follows the new size at once
    # (`_refresh_scrollbars`, asking for its own layout if it appears or goes): a repaint is
    # enough, as for `AnswerBox`.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=True)

    def _on_focus(self, event: Focus) -> None:
        self.move_cursor(self.document.end)
        if self.text and suggesting(self):
            self.select_all()
        self._show_keys(True)

    def on_blur(self, event: Blur) -> None:
        """Left, a long answer shows its first lines again, not its end (the trials: a box
        that lost the focus stayed scrolled to its last line)."""
        self.move_cursor((0, 0))
        self.scroll_home(animate=False)
        self._show_keys(False)

    def _show_keys(self, show: bool) -> None:
        """The line under the box saying how to leave it (`keys-hint`), while it is typed in.
        Set here, not by a `:focus-within` style: Textual restyles a field's children on a
        focus change only where the field itself has such a style, and then on every move of
        the focus through every field."""
        if self.parent is not None:
            for hint in self.parent.query_children(".keys-hint"):
                hint.display = show


__all__ = ["AnswerArea", "AnswerBox", "Handing", "InOrder"]
