"""F1: every key the app answers to, read from the bindings themselves (the app's, the
editor's, and those of each kind of field), so the list cannot drift from what the keys do."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static, TextArea

from drafter.app.widgets.lists import ChoiceList, ManyList, TypeToJump, UnsureBox
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.sidebar import SectionList

PLACES: tuple[tuple[str, type[DOMNode]], ...] = (
    ("In a question with one answer", ChoiceList),
    ("In a list to tick", ManyList),
    ("In a text box", Input),
    ("On \u201cI'm not sure\u201d", UnsureBox),
    ("In a long text box", TextArea),
    ("In the list of sections", SectionList),
    ("In the reviewer notes", NotesList),
)


def key_name(key: str) -> str:
    """A key as the owner reads it on the keyboard: `ctrl+shift+z` → `Ctrl+Shift+Z`."""
    return "+".join(part.upper() if len(part) == 1 else part.capitalize()
                    for part in key.split("+"))


class HelpScreen(ModalScreen[None]):
    """The keys, grouped by where they work; Escape or F1 closes it."""

    BINDINGS = [Binding("escape,f1", "app.pop_screen", "Close the help")]

    def __init__(self, editor: Screen[None]) -> None:
        super().__init__()
        self.editor = editor

    def groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(place, [(keys, what they do)]) from the live bindings."""
        app, editor = self.app, self.editor
        everywhere = [b for owner in (editor, app) for _, b in owner._bindings
                      if editor.check_action(b.action, ()) is not False]
        found = [("Everywhere", self._rows(everywhere))]
        for place, widget in PLACES:
            rows = self._rows(b for _, b in widget._merged_bindings or ())
            if issubclass(widget, TypeToJump):
                rows.append(("letters", widget.JUMP_HELP))
            found.append((place, rows))
        return found

    def here(self) -> str:
        """The help the editor shows for what is focused (the question's, or a button's)."""
        from drafter.app.widgets.helppanel import HelpPanel

        panels = self.editor.query("#help").results(HelpPanel)
        return next((panel.text for panel in panels), "")

    def _rows(self, bindings: Iterable[Binding]) -> list[tuple[str, str]]:
        keys: dict[str, list[str]] = {}
        for binding in bindings:
            if not binding.description:
                continue
            shown = key_name(binding.key)
            listed = keys.setdefault(binding.description, [])
            if shown not in listed:
                listed.append(shown)
        return [(", ".join(k), description) for description, k in keys.items()]

    def text(self) -> str:
        lines: list[str] = []
        for place, rows in self.groups():
            lines += [place, *(f"  {keys:<22} {what}" for keys, what in rows), ""]
        return "\n".join(lines)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Label("Help and keys (Escape or F1 closes this)", classes="dialog-title")
            with VerticalScroll():
                here = self.here()
                if here:  # the help under the form, whole (there it may be cut: `HelpPanel`)
                    body = Text("Where you are", style="bold")
                    body.append("\n" + here, style="")
                    yield Static(body, classes="help-group", id="help-here")
                for place, rows in self.groups():
                    body = Text()
                    body.append(place, style="bold")
                    for keys, what in rows:
                        body.append(f"\n  {keys:<22} ", style="bold")
                        body.append(what)
                    yield Static(body, classes="help-group")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()


__all__ = ["HelpScreen"]
