"""F1: the keys the app answers to, in an owner's words, each once.

What each key does is said here, in words (Textual's own descriptions read "Ctrl+Pageup Page
Left", "Cursor line start select"); which keys do it is read from the live bindings (the app's,
the editor's, each kind of field's), by the actions named, so the keys listed cannot drift
from what the keys do. A key is left out where an owner cannot use it: one the editor takes
first everywhere (Ctrl+Z in a long text box is the app's undo, listed once, under
"Everywhere"), and one a terminal cannot send (Super+…; Ctrl+Shift and a letter, which most
terminals send as Ctrl and the letter: redo is Ctrl+Y, and the browser page turns
Ctrl+Shift+Z into Ctrl+Y)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static, TextArea

from drafter.app.widgets.hanging import Hanging
from drafter.app.widgets.ticklist import ManyList
from drafter.app.widgets.lists import ChoiceList, TypeToJump, UnsureBox
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.sidebar import SectionList

Row = tuple[str, tuple[str, ...]]
"""What keys do, in an owner's words, and the actions of the bindings that do it (`=key`: a
key the widget or the editor handles itself, without a binding of the widget's)."""

LIST_ROWS: tuple[Row, ...] = (
    ("Move up or down the list", ("cursor_up", "cursor_down")),
    ("Go to the first or the last", ("first", "last")),
    ("Move a page up or down", ("page_up", "page_down")),
)
TEXT_ROWS: tuple[Row, ...] = (
    ("Move the cursor a word at a time", ("cursor_left_word", "cursor_right_word",
                                          "cursor_word_left", "cursor_word_right")),
    ("Select text", ("cursor_left(True)", "cursor_right(True)", "cursor_up(True)",
                     "cursor_down(True)")),
    ("Delete the character before or after the cursor", ("delete_left", "delete_right")),
    ("Delete the word before the cursor", ("delete_left_word", "delete_word_left")),
    ("Delete to the start of the line", ("delete_left_all", "delete_to_start_of_line")),
    ("Delete to the end of the line", ("delete_right_all",
                                       "delete_to_end_of_line_or_delete_line")),
    ("Cut the selected text (Ctrl+C copies it)", ("cut",)),
)
PLACES: tuple[tuple[str, type[DOMNode], tuple[Row, ...]], ...] = (
    ("In a question with one answer", ChoiceList, (
        ("Move to another answer", ("previous_button", "next_button")),
        ("Choose the highlighted answer and go to the next question", ("=enter",)),
        ("Choose the highlighted answer and stay", ("toggle_button",)),
    )),
    ("In a list to tick", ManyList, (
        *LIST_ROWS,
        ("Tick or untick the highlighted option", ("select",)),
        ("Go to the next question (never ticks)", ("=enter",)),
    )),
    ("In a text box", Input, (
        ("Go to the next question (in a list of rows: to the next field, then the next row;"
         " Tab to + Add for another row)", ("=enter",)),
        ("Move the cursor (Right at the end takes the suggested name)",
         ("cursor_left", "cursor_right")),
        ("Go to the start or the end", ("home", "end")),
        *TEXT_ROWS,
    )),
    ("On \u201cI'm not sure\u201d", UnsureBox, (
        ("Tick or untick it", ("toggle_button",)),
        ("Go to the next question (never ticks)", ("=enter",)),
    )),
    ("In a long text box (an address, a description)", TextArea, (
        ("Start a new line (Tab goes on to the next question)", ("=enter",)),
        ("Move the cursor", ("cursor_left", "cursor_right", "cursor_up", "cursor_down")),
        ("Go to the start or the end of the line", ("cursor_line_start", "cursor_line_end")),
        ("Select the line, or all the text", ("select_line", "select_all")),
        *TEXT_ROWS,
    )),
    ("In the list of sections", SectionList, (
        *LIST_ROWS,
        ("Open the highlighted section", ("=enter",)),
    )),
    ("In the reviewer notes", NotesList, (
        *LIST_ROWS,
        ("Go to the answer the note is about", ("=enter",)),
    )),
)
EVERYWHERE_WORDS = {
    "focus_next_field": "Go to the next field or button",
    "focus_previous_field": "Go back to the previous field or button",
    "screen.copy_text": "Copy the selected text",
    "command_palette": "Every command, and a jump to any section",
    "toggle_dark": "Light or dark colours",
    "move_on": "Next question (a new line in a long text box)",
    # in a terminal the key reaches the app, which pastes only what was copied in Drafter
    # (the browser trial: F1 said only that); in the browser, see `PASTE_IN_BROWSER`
    "paste": "Paste (in a terminal, what you copied in Drafter: for anything else use the "
             "terminal's own paste, often Ctrl+Shift+V)",
    "app.focus_next": "Go to the next field or button",  # the welcome screen's (Textual's)
    "app.focus_previous": "Go back to the previous field or button",
}
"""The app's and the editor's keys whose own descriptions are not an owner's words."""
OFF_EDITOR = {
    "Every command, and a jump to any section": "Every command",
    "Go to the next question (never ticks)": "Go on to the next field or button (never ticks)",
}
"""Words true in the editor but not on the welcome screen (no sections, no next question)."""
PASTE_IN_BROWSER = "Paste what you copied, in Drafter or in any other program"
"""Ctrl+V's words under `drafter serve`: the page stops the key before the terminal in it
sees it, and the browser pastes its own clipboard into the focused field (app_index.html).
The terminal's words (its own paste, Ctrl+Shift+V) were wrong there (issue 15)."""


NAMES = {"pageup": "Page Up", "pagedown": "Page Down"}


def key_name(key: str) -> str:
    """A key as the owner reads it on the keyboard: `ctrl+shift+z` → `Ctrl+Shift+Z`."""
    return "+".join(NAMES.get(part, part.upper() if len(part) == 1 else part.capitalize())
                    for part in key.strip().split("+"))


def sendable(key: str) -> bool:
    """Whether a terminal (and the browser's terminal) can send `key`: not a Super key, nor
    Ctrl+Shift and a letter (sent as Ctrl and the letter, which another binding may have)."""
    parts = key.split("+")
    return "super" not in parts and not (
        {"ctrl", "shift"} <= set(parts[:-1]) and len(parts[-1]) == 1)


def keys_of(binding: Binding) -> list[str]:
    """The keys of one binding an owner can use, as read on the keyboard."""
    return [key_name(key) for key in binding.key.split(",") if sendable(key.strip())]


class HelpScreen(ModalScreen[None]):
    """The keys, grouped by where they work; Escape or F1 closes it."""

    BINDINGS = [Binding("escape,f1", "app.pop_screen", "Close the help", priority=True)]

    def __init__(self, editor: Screen[None]) -> None:
        """`editor`: the screen F1 was pressed on (the editor, or the welcome screen, whose
        help lists only the kinds of field it shows)."""
        super().__init__()
        self.editor = editor

    def groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(place, [(keys, what they do)]): the editor's and the app's keys, then each kind
        of field's (see the module's docstring)."""
        app, editor = self.app, self.editor
        everywhere = [b for owner in (editor, app) for _, b in owner._bindings
                      if editor.check_action(b.action, ()) is not False]
        taken = {key for b in everywhere if b.priority for key in b.key.split(",")}
        found = [("Everywhere", self._everywhere(everywhere, app.is_web))]
        from drafter.app.screens.editor import EditorScreen

        in_editor = isinstance(editor, EditorScreen)
        for place, widget, rows in PLACES:
            if not in_editor and not editor.query(widget):
                continue  # the welcome screen: only the fields it has
            bound = [b for _, b in widget._merged_bindings or () if b.key not in taken]
            listed = [(", ".join(keys), what) for what, actions in rows
                      if (keys := self._keys(actions, bound))]
            if issubclass(widget, TypeToJump):
                listed.append(("letters", widget.JUMP_HELP))
            found.append((place, listed))
        if not in_editor:
            found = [(place, [(keys, OFF_EDITOR.get(what, what)) for keys, what in rows])
                     for place, rows in found]
        return found

    @staticmethod
    def _keys(actions: tuple[str, ...], bound: list[Binding]) -> list[str]:
        keys = [key_name(action[1:]) for action in actions if action.startswith("=")]
        for binding in bound:
            if binding.action in actions:
                keys += [key for key in keys_of(binding) if key not in keys]
        return keys

    @staticmethod
    def _everywhere(bindings: Iterable[Binding], web: bool = False) -> list[tuple[str, str]]:
        """The keys that work everywhere, in words; `web`: in the browser (`drafter serve`)."""
        keys: dict[str, list[str]] = {}
        for binding in bindings:
            what = PASTE_IN_BROWSER if web and binding.action == "paste" else (
                EVERYWHERE_WORDS.get(binding.action, binding.description))
            if what:
                listed = keys.setdefault(what, [])
                listed += [key for key in keys_of(binding) if key not in listed]
        return [(", ".join(k), what) for what, k in keys.items() if k]

    def here(self) -> str:
        """The help the editor shows for what is focused (the question's, or a button's)."""
        from drafter.app.widgets.helppanel import HelpPanel

        panels = self.editor.query("#help").results(HelpPanel)
        return next((panel.text for panel in panels), "")

    def text(self) -> str:
        lines: list[str] = []
        for place, rows in self.groups():
            lines += [place, *(self.row(keys, what) for keys, what in rows), ""]
        return "\n".join(lines)

    @staticmethod
    def row(keys: str, what: str) -> str:
        """One key's line (keys too long for their column go on a line of their own)."""
        return f"  {keys:<22} {what}" if len(keys) <= 22 else f"  {keys}\n  {'':<22} {what}"

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
                    # Keys and words each wrap in their own column, under themselves; on a
                    # phone the keys' column narrows so the words keep room (`Hanging`).
                    table = Hanging(rows, label_style="bold")
                    yield Static(Group(Text(place, style="bold"), Padding(table, (0, 0, 0, 2))),
                                 classes="help-group")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(VerticalScroll))  # now: keys behind F1 scroll it


__all__ = ["HelpScreen", "key_name", "keys_of"]
