"""Suggestions: the answer changes a scan's evidence proposes (`drafter edit ANSWERS --evidence
FILE`), each with what showed it (page, host, cookie). The owner accepts (Enter or a) or
declines (d) them one at a time; nothing is written without their yes. The list, its order
and writing an accepted answer are the core's (`drafter.evidence.suggest`); this presents it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.widgets.footer import KeysFooter
from drafter.app.widgets.hanging import Hanging
from drafter.editing import Session
from drafter.errors import DrafterError
from drafter.evidence.model import Evidence
from drafter.evidence.suggest import Suggestion, Suggestions

MARKS = {"open": ("  ", ""), "accepted": ("✓ ", "green"), "declined": ("✗ ", "dim"),
         "refused": ("! ", "yellow")}


class SuggestionsScreen(ModalScreen[list[str]]):
    """Each suggested answer with its evidence; returns the keys accepted."""

    DEFAULT_CSS = """
    SuggestionsScreen { align: center middle; }
    #suggestions-dialog { width: 100; max-width: 100%; height: auto; max-height: 100%;
                          border: thick $accent; background: $surface; padding: 0 1; }
    #suggestions-dialog #suggested { height: auto; max-height: 20; border: none; }
    #suggestions-dialog Label { width: 1fr; }
    #suggestions-dialog #left { color: $text-muted; }
    """
    BINDINGS = [
        Binding("a,enter", "accept", "Accept", key_display="Enter/a"),
        Binding("d,delete", "decline", "Decline", key_display="d/Del"),
        Binding("escape", "close", "Close", priority=True),
    ]

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        with Vertical(id="suggestions-dialog"):
            yield Label("Suggestions from the scan: what the site or app was seen doing "
                        "suggests these answers. Nothing is written without your yes: "
                        "Enter (or a) accepts the one highlighted, d (or Delete) declines it, "
                        "Escape closes.",
                        classes="dialog-title")
            yield OptionList(*(Option(self._row(i), id=str(i))
                               for i in range(len(self.suggestions.items))), id="suggested")
            yield Label(self.suggestions.status(), id="left")
        yield KeysFooter()

    def _row(self, index: int) -> Hanging:
        """The mark, and beside it the suggestion: its question, the change, why; each line
        wrapping under the words' start (on a phone they wrapped back under the marks)."""
        item = self.suggestions.items[index]
        mark, style = MARKS[item.state]
        row = Text.assemble((self.suggestions.prompt(index), "bold"),
                            f"\n{item.key}: {self.suggestions.change(index)}",
                            (f"  ({item.state})" if item.state != "open" else "", style))
        if item.problem:
            row.append(f"\nnot written: {item.problem}", "yellow")
        for reason in item.proposal.because:
            row.append(f"\nseen: {reason}", "dim")
        return Hanging([(Text(mark.strip(), style), row)], widest=1, least=1, room=0, gap=1)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(OptionList))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter on the list: accept the one highlighted
        self._decide(self.suggestions.accept)

    def action_accept(self) -> None:
        self._decide(self.suggestions.accept)

    def action_decline(self) -> None:
        self._decide(self.suggestions.decline)

    def _decide(self, how: Callable[[int], Suggestion]) -> None:
        listed = self.query_one(OptionList)
        index = listed.highlighted
        if index is None or self.suggestions.items[index].state != "open":
            return
        how(index)
        listed.replace_option_prompt_at_index(index, self._row(index))
        left = self.suggestions.left()
        self.query_one("#left", Label).update(self.suggestions.status() + (
            "" if left else ": Escape goes back to the answers"))
        if left:  # on to the next one still to decide
            listed.highlighted = next((i for i in left if i > index), left[0])

    def action_close(self) -> None:
        self.dismiss([item.key for item in self.suggestions.items
                      if item.state == "accepted"])


def offer_suggestions(app: App[None], session: Session, evidence: Evidence) -> None:
    """Work out, in a thread (it reads the vendor catalog), what the evidence suggests for
    these answers; open the Suggestions view over the editor, or say there is nothing."""

    def find() -> None:
        try:
            found = Suggestions.of(session, evidence)
        except DrafterError as exc:
            app.call_from_thread(app.notify, str(exc), title="Suggestions", severity="error")
            return
        app.call_from_thread(show, found)

    def show(found: Suggestions) -> None:
        editor = next((s for s in app.screen_stack if isinstance(s, EditorScreen)), None)
        if editor is not None:  # accepted answers are undone (Ctrl+Z) like typed ones
            found.answer = editor.answer
        if not found.items:
            app.notify("The answers already agree with the scan's evidence.",
                       title="Suggestions")
            return

        async def accepted(keys: list[str] | None) -> None:
            await _show_answers(editor, keys or [])

        app.push_screen(SuggestionsScreen(found), accepted)

    app.call_after_refresh(app.run_worker, find, thread=True, group="suggestions",
                           exit_on_error=False)


async def _show_answers(editor: EditorScreen | None, keys: list[str]) -> None:
    """The editor shows the answers just accepted: those of its section at once, the other
    sections when next shown."""
    if not keys or editor is None:
        return
    for key in keys:
        section = key.split(".", 1)[0]
        if section != editor.section_id:
            editor._stale.add(section)
            continue
        try:
            await editor.redraw_field(editor.query_one(f"#{field_id(key)}", QuestionField))
        except NoMatches:  # not shown yet: drawn from the session when it is
            pass
    editor._apply_visibility()
    editor.offer_options()
    editor._refresh_sidebar()
    editor.redraw_preview()


__all__ = ["SuggestionsScreen", "offer_suggestions"]
