"""The footer of keys, drawn again only when the keys it shows change.

Textual's `Footer` rebuilds all its key widgets whenever the screen's bindings may have changed,
which is every move of the focus: on the editor, Tab from one answer to the next (the same
keys) rebuilt them each time, a fifth of a section switch's processor time. This footer
compares what it would show with what it shows and rebuilds only on a difference.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PHONE_KEYS = frozenset({"help", "find", "edit_copy", "toggle_preview", "show_notes", "export",
                        "next_section", "previous_section", "app.quit"})
"""The keys a phone's footer shows (`-not-on-phone` hides the others, in the stylesheet), on
two rows (app.tcss): at 45 columns one row showed Help, Find, Quit and a cut "f" and never
reached the preview, notes or export keys; with those alone, Find, Quit and the sections were
only in F1 and the palette. F1 lists every key."""
PHONE_COLUMNS = 4
PHONE_LABELS = {"next_section": "Section", "previous_section": "Section", "edit_copy": "Edit"}
"""Shorter words for a phone, beside the arrows of Ctrl+↓ and Ctrl+↑: "Next section" and
"Previous section" did not fit four keys to a row at 41 columns (Chromium at 375 px), nor
"Edit a copy" on a built-in example (cut to "f3 Edit a c"; F1 and the palette say it whole)."""
LEFT_OUT_FIRST = ("toggle_dark", "previous_section", "command_palette", "find", "edit_copy")
"""Wider than a phone, the keys left out of a footer too narrow for all of them, in this order,
until the rest fit whole (at 80 columns "^↓ Next section" was cut to "^↓ Next", and the
previous section and light/dark keys were not shown at all); F1 lists every key."""


class KeysFooter(Footer):
    """`Footer`, rebuilt only when a shown key, its label, its state or its tooltip changes."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._drawn: tuple[Any, ...] | None = None  # what the last rebuild showed

    def shown(self) -> tuple[Any, ...]:
        """Everything of the screen's active bindings that `Footer.compose` reads."""
        app = self.app
        return (self.screen.has_class("-phone"), self.app.size.width, self.compact,
                self.show_command_palette,
                self.combine_groups, tuple(
            (key, binding.key, binding.action, binding.description, binding.group,
             binding.show, binding.tooltip, app.get_key_display(binding), enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING))

    def compose(self) -> ComposeResult:
        """Textual's keys, those not in `PHONE_KEYS` marked, on a screen that has any of them
        but Quit (the editor; the welcome screen keeps its few), with a phone's shorter
        words, `PHONE_COLUMNS` to a row."""
        sifted = any(binding.action in PHONE_KEYS - {"app.quit"} and binding.show
                     for _, binding, _, _ in self.screen.active_bindings.values())
        phone = self.screen.has_class("-phone")
        self.set_class(sifted, "-sifted")  # laid out on rows on a phone: app.tcss
        widgets = list(super().compose())
        for widget in widgets:
            action = getattr(widget, "action", None)  # a `FooterKey`'s
            if sifted and isinstance(action, str) and action not in PHONE_KEYS:
                widget.add_class("-not-on-phone")
            if phone and isinstance(widget, FooterKey) and action in PHONE_LABELS:
                widget.description = PHONE_LABELS[action]
        if not phone:
            self._fit(widgets)
        yield from widgets
        if phone and sifted:  # Textual sets as many columns as keys, one row
            self.styles.grid_size_columns = PHONE_COLUMNS

    def _fit(self, widgets: list[Any]) -> None:
        """Leave out keys (`LEFT_OUT_FIRST`, in order) until the rest fit the width whole: a
        key takes its key, its words and three spaces; the palette's a column more, its
        edge."""
        keys = [w for w in widgets if isinstance(w, FooterKey)]

        def width(key: FooterKey) -> int:
            return len(key.key_display) + len(key.description) + 3 + (
                key.has_class("-command-palette"))

        def action(key: FooterKey) -> str:
            return "command_palette" if key.has_class("-command-palette") else (
                key.action.removeprefix("app."))

        room, shown = self.app.size.width, list(keys)
        for left_out in LEFT_OUT_FIRST:
            if sum(map(width, shown)) <= room:
                break
            for key in [k for k in shown if action(k) == left_out]:
                key.add_class("-no-room")
                shown.remove(key)
        self.styles.grid_size_columns = len([k for k in shown
                                             if not k.has_class("-command-palette")])

    def on_resize(self) -> None:
        """Across the phone's width the words change (`PHONE_LABELS`); at any width, which
        keys fit (`LEFT_OUT_FIRST`)."""
        if self.is_attached and self.app.app_focus:
            self.call_after_refresh(self._rebuild)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        if not self.is_attached:
            return
        shown = self.shown()
        if shown != self._drawn:
            self._drawn = shown
            await self.recompose()
