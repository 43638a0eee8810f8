"""One form field per question, with the right input for its type and its own error line.

A field only presents: it posts `QuestionField.Answered` with the value as the answers model
expects it (text, a bool, an option key, a list of keys, a list of records or "unsure"); the
screen follows the focus itself (help, preview). Validation and saving happen in the screen
through the session.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import DescendantBlur
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, SelectionList, TextArea

from drafter.app.widgets.boxes import AnswerArea, AnswerBox
from drafter.app.widgets.choices import choices
from drafter.app.widgets.in_view import keep_in_view_soon
from drafter.app.widgets.ticklist import ManyList
from drafter.app.widgets.lists import ChoiceList, Marked, MoveOn, UnsureBox
from drafter.shown import presented, shown_text, ticked_alone
from drafter.questionnaire import UNSURE, UNSURE_LABEL, Entry, Question

_TEXT_TYPES = ("text", "email", "url", "phone", "date", "number")
LONG_TEXT_KEYS = "Enter: a new line. Tab: the next question."
"""Said under a long text box while it has the focus: Enter there is a new line (an address's
next line must never land in the next question), and nothing on screen said how to leave."""
UNANSWERED = ("Not answered yet: pick an answer with \u2191 \u2193 (or its first letter), then "
              "Enter or Space.")
"""Said under a pick-one question Enter left with nothing highlighted (trial 16: it moved on
silently, and the owner took the question as answered)."""
UNTICKED = "Not answered yet: tick each that applies with Space{}, then Enter."
"""Said under a pick-all list Enter left with nothing ticked where nothing is no answer."""
_PLACEHOLDERS = {"date": "for example 2026-11-22 or November 22, 2026",
                 "email": "name@example.com",
                 "url": "https://…", "phone": "+1 415 555 0100"}


class Choice(Marked, RadioButton):
    """A radio button whose label wraps onto more lines instead of being cut with "…", and
    whose dot is drawn only when it is chosen (`Marked`: Textual draws it in every option,
    dimmed in those not chosen)."""

    MARK = RadioButton.BUTTON_INNER
    DEFAULT_CSS = """
    Choice { width: 1fr; height: auto; text-wrap: wrap; text-overflow: fold; }
    """

    _lines: tuple[tuple[int, str], int] | None = None  # (width, label) and its line count

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The label's lines at `width`, counted once per width and label: asked at every
        layout of the page, rendering and wrapping afresh each time was a tenth of the
        processor time of switching sections."""
        key = (width, self.label.plain)
        if self._lines is None or self._lines[0] != key:
            self._lines = (key, len(self._rows(width)))
        return self._lines[1]

    def _rows(self, width: int) -> list[Content]:
        """The button, then the label wrapped beside it: its further lines start under its
        first word, not under the button (the audit: a wrapped label read as a new option)."""
        drawn = super().render()  # the button, then the label padded by a space each side
        size = len(self.BUTTON_LEFT + self.BUTTON_INNER + self.BUTTON_RIGHT)
        style = self.get_visual_style("toggle--label")
        room = width - size - 2
        lines = self.label.wrap(room) if room > 0 else [self.label]
        rows = [line.pad(1, 1).stylize_before(style) for line in lines]
        return [Content.assemble(drawn[:size], rows[0]),
                *(Content.assemble(" " * size, row) for row in rows[1:])]

    def render(self) -> Content:
        return Content("\n").join(self._rows(self.content_size.width))


class QuestionField(Vertical):
    """A question's prompt, its input, an "I'm not sure" choice where offered, its error."""

    class Answered(Message):
        """The owner changed the answer to `key` (None: cleared)."""

        def __init__(self, key: str, value: Any) -> None:
            super().__init__()
            self.key = key
            self.value = value

    def __init__(self, entry: Entry, value: Any, error: str | None,
                 catalog: list[Any] | None = None, *, suggested: bool = False,
                 hidden: frozenset[str] = frozenset(), warning: str | None = None) -> None:
        super().__init__(id=field_id(entry.key), classes="question")
        self.set_class(suggested, "-suggested")
        self.set_class(bool(warning) and not error, "-warning")
        self.entry = entry
        self.initial = value
        self.hidden = hidden  # options not offered with the answers (their `when`)
        self.offered = list(offered(entry.question, value, hidden))
        self.catalog = catalog or []
        self._error = error
        self._warning = warning  # see `show_error`
        self._saved: tuple[str, Any] | None = None  # see `show_saved`

    @property
    def key(self) -> str:
        return self.entry.key

    def compose(self) -> ComposeResult:
        question = self.entry.question
        yield Label(f"{marked_prompt(question)}", classes="prompt", markup=True)
        yield Label(suggestion(question), classes="suggestion", markup=False)
        yield from self.inputs()
        if question.unsure and question.type not in ("one", "bool", "many"):
            yield UnsureBox(UNSURE_LABEL, self.initial == UNSURE, classes="unsure")
        yield Label(self._error or self._warning or "", classes="problem")

    def inputs(self) -> ComposeResult:
        question = self.entry.question
        kind = question.type
        value = self.initial
        if kind in _TEXT_TYPES:
            # Emptied, the box's answer is the default again: say so, or it would look unused.
            hint = (f"If left blank: {question.default}" if question.default is not None
                    else question.placeholder or _PLACEHOLDERS.get(kind, ""))
            yield AnswerBox(shown_text(value), placeholder=hint, classes="answer",
                            taker=self._text_changed)
        elif kind == "long_text":
            area = AnswerArea(shown_text(value), soft_wrap=True, show_line_numbers=False,
                              tab_behavior="focus", classes="answer",
                              taker=self._long_text_changed)
            yield area
            hint = Label(LONG_TEXT_KEYS, classes="keys-hint", markup=False)
            hint.display = False  # shown while the box has the focus (`AnswerArea`)
            yield hint
        elif kind in ("one", "bool"):
            options = offered(question, value, self.hidden)
            chosen = presented(question, value)
            with ChoiceList(classes="answer"):
                for option, label in options.items():
                    yield Choice(label, chosen is not None and chosen == option)
        elif kind == "many":
            chosen = presented(question, value)
            ticks = ManyList(*[(label, option, option in chosen) for option, label
                               in offered(question, value, self.hidden).items()],
                             classes="answer", taker=self._many_changed)
            ticks.aliases = [question.aliases.get(option, ()) for option in self.offered]
            yield ticks
        else:
            from drafter.app.widgets.records import RecordsEditor

            yield RecordsEditor(self.entry, value if isinstance(value, list) else [],
                                self.catalog, self._answer, classes="answer")

    def show_error(self, message: str | None, warning: str | None = None) -> None:
        """Show what is wrong with the answer under the field (None: nothing), or else a
        warning about an answer that is valid (an option no longer offered, kept)."""
        if ((message or None), (warning or None)) == (self._error, self._warning):
            return  # unchanged: no relayout while typing
        self._error, self._warning = message or None, warning or None
        self._show_below()

    def on_mount(self) -> None:
        if self._error and self.entry.question.type == "records":
            self._show_below()  # a problem with one field of a row goes under that field

    def show_unanswered(self) -> None:
        """Say under a question that it was left unanswered (Enter moved on with nothing
        highlighted or ticked, and saved nothing), until it is answered: a pick-all list
        whose nothing is not "none of these" (it has that option of its own, or must be
        answered) says how to tick (browser trial 16: it moved on silently)."""
        question = self.entry.question
        if question.type != "many":
            self.show_error(self._error, UNANSWERED)
            return
        own = [question.options[k] for k in question.exclusive if k in (question.options or {})]
        self.show_error(self._error, UNTICKED.format(
            f" (or \u201c{own[0]}\u201d)" if own else ""))

    def show_saved(self, note: str | None, stored: Any) -> None:
        """Say under the field that the answer was stored in another form than typed ("Saved
        as https://example.com"); the box shows `stored` once the owner leaves it."""
        self._saved = (note, stored) if note else None
        self._show_below()

    def _show_below(self) -> None:
        note = self._saved[0] if self._saved else None
        error = self._error
        if self.entry.question.type == "records":  # one field's: under that field
            from drafter.app.widgets.records import RecordsEditor

            for editor in self.query(RecordsEditor):
                error = editor.show_problem(error)
        below, text = self.query_one(".problem", Label), error or self._warning or note or ""
        if str(below.content) != text:  # unchanged (most keys): no relayout of the screen
            below.update(text)
        self.set_class(bool(self._error), "-invalid")
        self.set_class(bool(self._warning) and not self._error, "-warning")
        self.set_class(bool(note) and not error and not self._warning, "-saved")

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
        elif not (isinstance(widget, ManyList) and widget.show_ticks(presented(
                self.entry.question, value) or [], list(offered(self.entry.question, value,
                                                                self.hidden)))):
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
        target = widget if widget.focusable else getattr(widget, "focus_target", None) or next(
            (w for w in widget.query("*") if w.focusable), widget)
        if at_once:  # scrolled to once laid out (a page just shown has no place yet)
            self.screen.set_focus(target, scroll_visible=False)
            keep_in_view_soon(self.screen)  # the question with its answer
        else:
            target.focus()

    def choose(self, index: int) -> None:
        """Take the choice at `index` of a pick-one question as the answer, now."""
        self._answer(self.offered[index])

    def _answer(self, value: Any) -> None:
        """Hand the answer to the screen now, in this handler, rather than through the
        screen's queue (which may be busy): the answer is saved before the screen is drawn
        again, so what is on screen is on disk."""
        take = getattr(self.screen, "take_answer", None)
        if take is not None:
            take(self.key, value)
        else:
            self.post_message(self.Answered(self.key, value))

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        """Leaving the field, its box shows the answer as stored (see `show_saved`)."""
        if self._saved is None or self._error:
            return
        stored = self._saved[1]
        if not self.show_answer(stored):
            from drafter.app.widgets.records import RecordsEditor

            for editor in self.query(RecordsEditor):
                editor.show_stored(stored)

    def _text_changed(self, event: Input.Changed) -> None:
        """The box's text changed (handed over at once: see `AnswerBox`)."""
        event.stop()
        self._uncheck_unsure()
        self._answer(event.value)

    @on(Input.Submitted, ".answer")
    def _next_question(self, event: Input.Submitted) -> None:
        """Enter moves on, as an owner filling in a form expects (Tab does too)."""
        event.stop()
        self.post_message(MoveOn(self.key))

    def _long_text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._uncheck_unsure()
        self._answer(event.text_area.text)

    @on(RadioSet.Changed)
    def _choice_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._answer(self.offered[event.index])

    @on(SelectionList.SelectedChanged)
    def _many_changed(self, event: SelectionList.SelectedChanged[Any]) -> None:
        """A tick given or taken away. An option marked `exclusive` in the questionnaire ("None
        of these", "All over the US") or "I'm not sure" and another option contradict: the
        latest tick wins, the list shows it at once, and the owner is told
        what was unticked (Ctrl+Z puts it back: the change is one undo step)."""
        event.stop()
        ticks = event.selection_list
        selected = list(ticks.selected)
        before = presented(self.entry.question, self.initial)
        keep = ticked_alone(self.entry.question, before, selected)
        if keep != selected:
            with ticks.prevent(SelectionList.SelectedChanged):
                ticks.deselect_all()
                for option in keep:
                    ticks.select(option)
            labels = choices(self.entry.question)
            tick = next((o for o in selected if o not in before), keep[0])
            gone = [f"\u201c{labels[o]}\u201d" for o in selected if o not in keep]
            self.notify(f"Ticking \u201c{labels[tick]}\u201d unticked {', '.join(gone)}: "
                        "they are never ticked together. Ctrl+Z puts back what was ticked.",
                        title="Ticks changed", timeout=10)
        self.initial = UNSURE if keep == [UNSURE] else keep
        self._answer(self.initial)

    def on_move_on(self, event: MoveOn) -> None:
        if event.key is None:  # from a list in this field: say which question
            event.stop()
            self.post_message(MoveOn(self.key))

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


def offered(question: Question, value: Any, hidden: frozenset[str]) -> dict[Any, str]:
    """The choices the field shows: all but those not offered with the answers (`hidden`),
    except one the answer holds, shown so it can be unticked (`unoffered_note` says why)."""
    chosen = presented(question, value)
    held = chosen if isinstance(chosen, list) else [chosen]
    return {option: label for option, label in choices(question).items()
            if option not in hidden or option in held}


def unoffered_note(question: Question, held: list[str] | None) -> str | None:
    """The warning under a list whose answer holds options no longer offered (kept as given)."""
    if not held:
        return None
    labels = choices(question)
    names = ", ".join(f"\u201c{labels.get(option, option)}\u201d" for option in held)
    why = ("no longer asked here" if all(question.option_when.get(o) == "false" for o in held)
           else "not offered with your other answers")  # never offered (`offer`), or not now
    return f"{names}: {why}. Kept as you gave it; untick it if it no longer applies."


OPTIONAL = " (optional)"


def marked_prompt(question: Question) -> str:
    """The prompt (markup) marked as the questionnaire says: `*` required, "(optional)" where
    `optional: true`, read from that alone (trial 16: the mark was typed into four prompts by
    hand and missing from `contact.phone`; one still typed in a module's prompt is not
    doubled)."""
    if question.required:
        return f"{question.prompt} [b $error]*[/]"
    if question.optional:
        return f"{question.prompt.removesuffix(OPTIONAL)}[dim]{OPTIONAL}[/]"
    return question.prompt


def suggestion(question: Any) -> str:
    """The line under a question whose default is shown but not yet the owner's answer."""
    if question.type in ("one", "bool", "many"):
        return "Suggested answer, not yet yours: Enter keeps it, or choose another."
    return f"Suggested: {shown_text(question.default)}. Enter keeps it, or type your own."


def field_id(key: str) -> str:
    """A widget id for a question key (ids cannot contain dots)."""
    return "q-" + key.replace(".", "--")
