"""The first screen for a new answers file: pick the kinds of business, or copy an example.

The question shown is the questionnaire's first multiple-choice question (the one that
tailors the rest), so the screen stays generic over the questionnaire.
"""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Label, Static

from drafter.editing import Session
from drafter.app.screens.styled import StyledOnce
from drafter.app.widgets.buttons import FormButton
from drafter.app.widgets.fields import QuestionField
from drafter.app.widgets.footer import KeysFooter
from drafter.app.widgets.lists import MoveOn
from drafter.errors import UserError
from drafter.paths import copy_example, examples
from drafter.questionnaire import Entry


def opening_question(session: Session) -> Entry | None:
    first = session.questionnaire.sections[0].id
    return next((e for e in session.questionnaire.section_entries(first)
                 if e.question.type == "many" and e.question.when is None), None)


class WelcomeScreen(StyledOnce):
    """Start a new policy."""

    BINDINGS = [Binding("f1", "help", "Help", priority=True),
                Binding("ctrl+q", "app.quit", "Quit", priority=True)]
    AUTO_FOCUS = ""
    """No focus given as the screen is composed: `on_mount` gives it. Textual's (the first
    widget that takes it, the scrolling column) restyled the column and all in it as it took
    the focus, and again as it lost it to the answer (issue 13)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="welcome"):
            yield Label("Welcome to Drafter", classes="section-title")
            yield Static(
                "Answer plain questions about your business and Drafter writes your privacy "
                "policy, with notes for your lawyer on anything that still needs a decision. "
                f"Every answer is saved as you type, in {self.session.label}.",
                classes="section-intro")
            entry = opening_question(self.session)
            if entry is not None:
                yield QuestionField(entry, self.session.value(entry.key), None)
            # Taken in the app's key loop (`FormButton`): the editor is open, its first
            # question focused, before the keys typed behind Enter are handed out.
            yield FormButton("Start answering →", self._start, leads_to_answer=True,
                             id="start", variant="primary")
            yield Label("Or start from a finished example (a copy you can change):",
                        classes="section-intro")
            with Horizontal(id="examples"):
                for name in examples():
                    yield FormButton(name, partial(self._copy_example, name), name=name,
                                     leads_to_answer=True, id=f"example-{name}",
                                     classes="example", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = self.session.label
        fields = self.query(QuestionField)
        if fields:
            fields.first().focus_answer(at_once=True)
        else:
            self.set_focus(self.query_one("#start", Button))

    def action_help(self) -> None:
        """F1, as in the editor: the keys this screen answers to (F1 did nothing here)."""
        from drafter.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def on_question_field_answered(self, message: QuestionField.Answered) -> None:
        message.stop()
        self.session.set(message.key, message.value)

    def on_move_on(self, message: MoveOn) -> None:
        """Enter leaves the kinds as ticked and moves on to Start."""
        message.stop()
        self.focus_next()

    async def _start(self) -> None:
        await self.app.open_editor(self.session)  # type: ignore[attr-defined]

    async def _copy_example(self, name: str) -> None:
        try:  # never over a file another session created meanwhile
            path = copy_example(examples()[name], [self.session.path],
                                self.session.questionnaire)
        except (OSError, UserError) as exc:
            self.notify(f"Could not copy the example: {exc}", severity="error")
            return
        await self.app.open_editor(Session.open(  # type: ignore[attr-defined]
            self.session.project, path, self.session.label))
