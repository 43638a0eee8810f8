"""Ctrl+F: find a question by its words, across every section shown; Enter goes to it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from drafter.app.widgets.boxes import Handing, InOrder
from drafter.finding import find_questions
from drafter.questionnaire import Questionnaire


class FindBox(InOrder, Handing, Input):
    """The words to find. Backspace, Delete and the arrows act in the box's own key handler
    (`InOrder`), in their place among the letters: as Textual's `Input`, Backspace acted only
    once the key had gone up through the dialog to the app, after the letters typed behind
    it ("extra", five Backspaces, "which of these companies" gave "extrwhof these companies"
    in the browser, and "extch of these companies" in a test typing in one burst).

    Down and Up move the highlight in the results from here, the focus staying in the box
    (more letters narrow the results); each change of the words is handed to the dialog at
    once (`Handing`), so the results are listed before the next key is handled. A Down once
    asked to focus the list, which Textual does on its next turn: a burst of Downs (2 to 6,
    trial 16) all went to the box and asked again, and Enter went to the first result."""

    CHANGED = Input.Changed
    BINDINGS = [Binding("down", "move_result(1)", "Next result", show=False),
                Binding("up", "move_result(-1)", "Previous result", show=False)]

    def action_move_result(self, by: int) -> None:
        found = self.screen.query_one("#found", OptionList)
        if by > 0:
            found.action_cursor_down()
        else:
            found.action_cursor_up()


class FindScreen(ModalScreen[str | None]):
    """Type words; the questions holding them are listed; Enter (or a click) picks one."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close without moving", priority=True),
                Binding("enter", "choose", "Go to the question highlighted", show=False,
                        priority=True)]
    """Both run in the app's loop before the next key is handed out: the editor's callback
    runs right after the key that dismissed (`App.call_next`), so keys typed behind Enter
    land in the question chosen, and keys behind Escape in the one Ctrl+F was pressed on
    (they went into this box, closing)."""

    def __init__(self, questionnaire: Questionnaire, keys: list[str]) -> None:
        super().__init__()
        self.questionnaire = questionnaire
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="find-dialog"):
            yield Label("Find a question: type words from it; Enter goes to the first, "
                        "Down to choose another.", classes="dialog-title")
            yield FindBox(placeholder="for example: cookies", id="find-words",
                          taker=self._typed)
            yield OptionList(id="found")

    def on_mount(self) -> None:
        self._list("")
        self.set_focus(self.query_one(Input))  # now: the keys behind Ctrl+F are the words

    def _list(self, words: str) -> None:
        """List the questions holding `words`, the first highlighted; unless they are the
        ones listed already (a letter that narrows nothing), whose highlight is kept."""
        found = self.query_one("#found", OptionList)
        entries = find_questions(self.questionnaire, self.keys, words)
        ids = [entry.key for entry in entries]
        if found.option_count and ids == [found.get_option_at_index(i).id
                                          for i in range(found.option_count)]:
            return
        options = [Option(Text.assemble(entry.question.prompt,
                                        (f"  ({entry.section.title})", "dim")), id=entry.key)
                   for entry in entries]
        found.set_options(options or [Option("No question holds those words.", disabled=True)])
        found.highlighted = 0 if options else None

    def _typed(self, event: Input.Changed) -> None:
        """The words changed (handed over at once by the box: see `FindBox`)."""
        event.stop()
        self._list(event.value)

    def action_choose(self) -> None:
        """Enter: the question highlighted (the first, unless Down chose another). The
        dialog's removal is not awaited: this may run inside it (a click on the footer)."""
        found = self.query_one("#found", OptionList)
        option = (found.get_option_at_index(found.highlighted)
                  if found.highlighted is not None else None)
        if option is not None and option.id:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

__all__ = ["FindScreen"]
