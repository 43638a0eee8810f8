"""One form field per question, with the right input for its type and its own error line.

A field only presents: it posts `QuestionField.Answered` with the value as the answers model
expects it (text, a bool, an option key, a list of keys, a list of records or "unsure"), and
`QuestionField.Focused` so the screen can show help and follow the preview. Validation and
saving happen in the screen through the session.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, SelectionList, TextArea

from drafter.editing import presented, shown_text
from drafter.questionnaire import UNSURE, UNSURE_LABEL, Entry

_TEXT_TYPES = ("text", "email", "url", "phone", "date", "number")
_PLACEHOLDERS = {"date": "YYYY-MM-DD, for example 2026-11-22", "email": "name@example.com",
                 "url": "https://…", "phone": "+1 415 555 0100"}


class ChoiceSet(RadioSet):
    """Textual's radio set, with the keyboard highlight starting on the chosen answer rather
    than the first (Enter or Space on arrival must not change what the owner chose), and
    Enter choosing the highlighted answer and moving on, as in a text answer."""

    BINDINGS = [Binding("enter", "choose", "Choose and move on", show=False)]

    def action_choose(self) -> None:
        self.action_toggle_button()
        self.screen.focus_next()

    def on_mount(self) -> None:
        self.call_later(self._highlight_answer)  # after RadioSet's own mount handler

    def _highlight_answer(self) -> None:
        for _ in range(self.pressed_index):
            self.action_next_button()


class QuestionField(Vertical):
    """A question's prompt, its input, an "I'm not sure" choice where offered, its error."""

    class Answered(Message):
        """The owner changed the answer to `key` (None: cleared)."""

        def __init__(self, key: str, value: Any) -> None:
            super().__init__()
            self.key = key
            self.value = value

    class Focused(Message):
        """The owner moved into the field for `key`."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, entry: Entry, value: Any, error: str | None,
                 catalog: list[Any] | None = None) -> None:
        super().__init__(id=field_id(entry.key), classes="question")
        self.entry = entry
        self.initial = value
        self.catalog = catalog or []
        self._error = error

    @property
    def key(self) -> str:
        return self.entry.key

    def compose(self) -> ComposeResult:
        question = self.entry.question
        mark = " [b $error]*[/]" if question.required else ""
        yield Label(f"{question.prompt}{mark}", classes="prompt", markup=True)
        yield from self.inputs()
        if question.unsure and question.type not in ("one", "bool", "many"):
            yield Checkbox(UNSURE_LABEL, self.initial == UNSURE, classes="unsure")
        yield Label(self._error or "", classes="problem")

    def inputs(self) -> ComposeResult:
        question = self.entry.question
        kind = question.type
        value = self.initial
        if kind in _TEXT_TYPES:
            # Emptied, the box's answer is the default again: say so, or it would look unused.
            hint = (f"If left blank: {question.default}" if question.default is not None
                    else question.placeholder or _PLACEHOLDERS.get(kind, ""))
            yield Input(shown_text(value), placeholder=hint, classes="answer")
        elif kind == "long_text":
            area = TextArea(shown_text(value), soft_wrap=True, show_line_numbers=False,
                            tab_behavior="focus", classes="answer")
            yield area
        elif kind in ("one", "bool"):
            options = choices(self.entry)
            chosen = presented(question, value)
            with ChoiceSet(classes="answer"):
                for option, label in options.items():
                    yield RadioButton(label, chosen is not None and chosen == option)
        elif kind == "many":
            chosen = presented(question, value)
            yield SelectionList[Any](*[(label, option, option in chosen)
                                       for option, label in choices(self.entry).items()],
                                     classes="answer")
        else:
            from drafter.app.widgets.records import RecordsEditor

            yield RecordsEditor(self.entry, value if isinstance(value, list) else [],
                                self.catalog, classes="answer")

    def show_error(self, message: str | None) -> None:
        if (message or None) == self._error:
            return  # unchanged: no relayout while typing
        self._error = message or None
        self.query_one(".problem", Label).update(message or "")
        self.set_class(bool(message), "-invalid")

    def typing(self, shown: Any) -> bool:
        """Whether the text box holds text the owner typed that the form has not yet taken
        in (it differs from `shown`, the value the session last had)."""
        widget = self.query_one(".answer", Widget)
        text = widget.value if isinstance(widget, Input) else (
            widget.text if isinstance(widget, TextArea) else None)
        return text is not None and text != shown_text(shown)

    def show_answer(self, value: Any) -> bool:
        """Show `value`, changed elsewhere, without announcing it as the owner's answer; the
        cursor stays where it was. False if this kind of answer cannot be updated in place
        (the screen then draws the field again)."""
        widget = self.query_one(".answer", Widget)
        text = shown_text(value)
        if isinstance(widget, Input):
            with widget.prevent(Input.Changed):
                cursor = widget.cursor_position
                widget.value = text
                widget.cursor_position = min(cursor, len(text))
        elif isinstance(widget, TextArea):
            with widget.prevent(TextArea.Changed):
                row, column = widget.cursor_location
                widget.load_text(text)
                last = widget.document.line_count - 1
                widget.cursor_location = (min(row, last),
                                          min(column, len(widget.document.get_line(min(row, last)))))
        else:
            return False
        for box in self.query(".unsure").results(Checkbox):
            with box.prevent(Checkbox.Changed):
                box.value = value == UNSURE
        self.initial = value
        return True

    def focus_answer(self, at_once: bool = False) -> None:
        """Focus the answer's input; `at_once` sets it now rather than on the app's next turn
        (`focus()`), so keys the app already holds are given to it when it handles them."""
        widget = self.query_one(".answer", Widget)
        target = widget if widget.focusable else next(
            (w for w in widget.query("*") if w.focusable), widget)
        if at_once:  # scrolled to once laid out (a page just shown has no place yet)
            self.screen.set_focus(target, scroll_visible=False)
            target.call_after_refresh(target.scroll_visible, animate=False)
        else:
            target.focus()

    def _answer(self, value: Any) -> None:
        """Hand the answer to the screen now, in this handler, rather than through the
        screen's queue (which may be busy): the answer is saved before the screen is drawn
        again, so what is on screen is on disk."""
        take = getattr(self.screen, "take_answer", None)
        if take is not None:
            take(self.key, value)
        else:
            self.post_message(self.Answered(self.key, value))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.post_message(self.Focused(self.key))

    @on(Input.Changed, ".answer")
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._uncheck_unsure()
        self._answer(event.value)

    @on(Input.Submitted, ".answer")
    def _next_question(self, event: Input.Submitted) -> None:
        """Enter moves on, as an owner filling in a form expects (Tab does too)."""
        event.stop()
        self.screen.focus_next()

    @on(TextArea.Changed, ".answer")
    def _long_text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._uncheck_unsure()
        self._answer(event.text_area.text)

    @on(RadioSet.Changed)
    def _choice_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._answer(list(choices(self.entry))[event.index])

    @on(SelectionList.SelectedChanged)
    def _many_changed(self, event: SelectionList.SelectedChanged[Any]) -> None:
        event.stop()
        selected = list(event.selection_list.selected)
        if UNSURE in selected:
            if selected != [UNSURE]:
                # "I'm not sure" and a definite choice contradict: the latest click wins.
                was_unsure = self.initial == UNSURE
                keep = [s for s in selected if s != UNSURE] if was_unsure else [UNSURE]
                self.initial = UNSURE if keep == [UNSURE] else keep
                with event.selection_list.prevent(SelectionList.SelectedChanged):
                    event.selection_list.deselect_all()
                    for option in keep:
                        event.selection_list.select(option)
                selected = keep
            else:
                self.initial = UNSURE
        else:
            self.initial = selected
        self._answer(UNSURE if selected == [UNSURE] else selected)

    def on_records_editor_changed(self, event: Message) -> None:
        event.stop()
        self._answer(self.query_one(".answer").value())  # type: ignore[attr-defined]

    @on(Checkbox.Changed, ".unsure")
    def _unsure_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.value:
            self._answer(UNSURE)
        else:
            self._answer(self._typed())

    def _typed(self) -> Any:
        widget = self.query_one(".answer", Widget)
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, TextArea):
            return widget.text
        return None

    def _uncheck_unsure(self) -> None:
        for box in self.query(".unsure").results(Checkbox):
            with box.prevent(Checkbox.Changed):
                box.value = False


def choices(entry: Entry) -> dict[Any, str]:
    """The stored value → label of a choice question, "I'm not sure" last where offered."""
    question = entry.question
    options: dict[Any, str] = (
        {True: "Yes", False: "No"} if question.type == "bool" else dict(question.options or {})
    )
    if question.unsure:
        options[UNSURE] = UNSURE_LABEL
    return options


def field_id(key: str) -> str:
    """A widget id for a question key (ids cannot contain dots)."""
    return "q-" + key.replace(".", "--")
