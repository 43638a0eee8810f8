"""The form and its pages: one container per section, built the first time it is shown and
kept.

Switching section then only hides one page and shows another (no widgets are built, styled or
removed), and focus moves at once, so keys typed just after a switch land in the new field.
A page whose answers changed on disk while it was hidden is built again when next shown.
"""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import Reactive

from drafter.app.widgets.in_view import keep_in_view_soon


class Form(VerticalScroll):
    """The scrolling column of questions. Whenever its size or its content's size changes
    (the help panel under it grows or shrinks, a field grows as it is focused, a section is
    shown, the terminal is resized), the focused field is scrolled back into view: it is
    never left under the help panel or off the bottom, whatever order the changes came in.

    Its virtual size (the height of the section shown) changes on every switch of section;
    Textual's own reactive asks for a layout of the whole screen when it does, a second one
    straight after the layout that found it, and a second frame. Nothing in the form depends
    on it but the scrollbar, which the same layout already updated (`_scroll_update`; a
    scrollbar appearing or going asks for its own layout)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def on_resize(self, event: Resize) -> None:
        self._follow_focus()

    def watch_virtual_size(self, size: Size) -> None:
        """The section grew or shrank (questions revealed or hidden, a line under a field):
        Textual sends no `Resize` for that, as the form's own region did not change, and the
        scroll asked for as the focus moved was worked out before the revealed questions had a
        place (the kiosk trial: "What do the cameras capture?" focused below the screen)."""
        self._follow_focus()

    def _follow_focus(self) -> None:
        focused = self.screen.focused if self.is_attached else None
        if focused is not None and self in focused.ancestors:
            keep_in_view_soon(self.screen)  # once laid out and placed


class SectionPage(Vertical):
    """One section's title, intro and question fields."""

    DEFAULT_CSS = "SectionPage { height: auto; }"

    def __init__(self, section_id: str) -> None:
        super().__init__(id=f"page-{section_id}", classes="section-page")
        self.section_id = section_id
