"""The list to tick (a pick-all question's): Space ticks, Enter moves on, letters jump (see
`lists.TypeToJump`), and an answer changed elsewhere (an undo) is shown in place, the list
staying where it was."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Key
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from drafter.app.widgets.boxes import Handing, InOrder
from drafter.app.widgets.lists import TICK_BOX, TICKED, UNTICKED, JumpOptionList, MoveOn

MOVES = {"up": "cursor_up", "down": "cursor_down", "home": "first", "end": "last",
         "pageup": "page_up", "pagedown": "page_down"}
"""The keys that move a list's highlight, and `OptionList`'s action for each."""


class ManyList(JumpOptionList, InOrder, Handing, SelectionList[Any]):
    """A list to tick: Space ticks or unticks, Enter moves on, letters jump. A long label
    wraps onto more lines under its own text, never cut with "…".

    Space and the keys that move the highlight act in the app's own key loop, like letters
    (`take_key`), and Space ticks the highlighted option there and then: `SelectionList`
    ticks only when a message it posts to itself comes round, after every key already
    queued for it, so a burst of Space, Down, Space… (the browser hands the app a whole
    burst at once) ticked whatever was highlighted at the end of it, once per Space (the
    kiosk trial in Chromium: ten categories ticked, four saved; ten toggles of one option
    save none). A `taker` is handed each change of the ticks at once, as a text box's is,
    so the answer is saved before an Enter typed next moves on."""

    DEFAULT_CSS = "ManyList { text-wrap: wrap; text-overflow: fold; }"
    BINDINGS = [Binding("enter", "move_on", "Move on (never ticks)", show=False)]
    CHANGED = SelectionList.SelectedChanged
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=True)  # see AnswerArea

    def action_move_on(self) -> None:
        self.post_message(MoveOn())

    def take_key(self, event: Key) -> bool:
        if super().take_key(event):
            return True
        if event.key == "space":
            self.action_tick()
        elif event.key in MOVES:
            getattr(self, f"action_{MOVES[event.key]}")()
        else:
            return False
        return True

    def action_tick(self) -> None:
        """Tick or untick the highlighted option now (`select` waits for a message)."""
        index = self.highlighted
        if index is not None and not self.get_option_at_index(index).disabled:
            self.toggle(self.get_option_at_index(index))

    def action_select(self) -> None:
        self.action_tick()  # Space as a binding (a key handed on by another widget)

    def show_ticks(self, ticked: list[Any], options: list[Any]) -> bool:
        """Tick exactly `ticked`, changed elsewhere (an undo, a redo), without announcing it as
        the owner's change, the list staying where it was and the highlight going to the first
        option whose tick changed (drawn again, the list came back scrolled to its top: on a
        phone, Ctrl+Z of a vendor far down left the owner at "Adobe"). False if the list does not
        offer exactly `options` (the answers changed what it offers: it is drawn again)."""
        values = [option.value for option in self.options]
        if values != options or any(value not in values for value in ticked):
            return False
        changed = [i for i, value in enumerate(values)
                   if (value in ticked) != (value in self.selected)]
        with self.prevent(SelectionList.SelectedChanged):
            self.deselect_all()
            for value in ticked:
                self.select(value)
        if changed:
            self.highlighted = changed[0]  # scrolled to, as a highlight moved by a key is
        return True

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The labels' lines at the width they are drawn in beside the tick boxes: `OptionList`
        counts them at the whole width, so a list of wrapped labels came out too short, got a
        scrollbar, and the scrollbar wrapped them onto yet more lines. They are counted
        without a scrollbar when they all fit under the list's `max-height`, and the list then
        never shows one; else beside one. Counted beside one always, a list needing none kept
        a blank row under its last label. Left to decide for itself, a list measured once
        beside a scrollbar (the welcome's, at 45 columns, while the page had its own) kept it:
        its lines, counted at the narrower width, did not fit the height measured without.
        The overflow is set as a rule, without Textual's refresh: asked for in the middle of
        a layout, the refresh looked up the list's place, which arranged the whole screen
        again (each list on a section's first visit: two-thirds of its measuring, and a
        second layout after it). A list never drawn gets its bar here, not from a second
        layout."""
        labels = width - len(TICK_BOX) - 1
        lines = super().get_content_height(container, viewport, labels)
        most = self.styles.max_height
        fits = most is None or lines <= int(most.resolve(container, viewport)) - (
            self.styles.gutter.height)
        overflow = "hidden" if fits else "auto"
        if self.styles.overflow_y != overflow:  # the rule alone: this layout places the bar
            self.styles.set_rule("overflow_y", overflow)
            self.call_later(self._refresh_scrollbars)  # in case the list keeps its size
        if fits:
            return lines
        lines = super().get_content_height(
            container, viewport, labels - self.styles.scrollbar_size_vertical)
        if not self.show_vertical_scrollbar and not self.virtual_size.area:  # never drawn
            self.set_reactive(ManyList.virtual_size, Size(0, lines))
            self.set_reactive(ManyList.show_vertical_scrollbar, True)
        return lines

    def watch_show_vertical_scrollbar(self) -> None:
        """`OptionList` counts each option's lines once: a scrollbar appearing (or going)
        changes the width the labels wrap to, so they are counted again (else a label
        wrapped onto a line it did not count, which was then never drawn)."""
        self._clear_caches()

    def render_line(self, y: int) -> Strip:
        """`OptionList` wraps a prompt onto several lines, but `SelectionList.render_line`
        takes screen line n for option n (one line each): here the tick box goes on the first
        line of the option the line belongs to, and its other lines are indented under it."""
        line = OptionList.render_line(self, y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
            option = self.get_option_at_index(index)
        except (IndexError, OptionDoesNotExist):
            return line
        underlying = next(iter(line)).style or self.rich_style
        if offset:
            return Strip([Segment(" " * (len(TICK_BOX) + 1), underlying), *line])
        component = "selection-list--button"
        if option.value in self.selected:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        button = self.get_component_rich_style(component) + Style(meta={"option": index})
        side = Style.from_color(button.bgcolor, underlying.bgcolor) + Style(
            meta={"option": index})
        return Strip([Segment(Checkbox.BUTTON_LEFT, side),
                      Segment(TICKED if option.value in self.selected else UNTICKED, button),
                      Segment(Checkbox.BUTTON_RIGHT, side),
                      Segment(" ", underlying), *line])


__all__ = ["MOVES", "ManyList"]
