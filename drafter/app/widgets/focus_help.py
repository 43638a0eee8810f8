"""What the help panel says while something other than a question has the focus: the help
follows the focus everywhere, so it never describes a question the owner has left."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Button, Tabs

from drafter.app.widgets.choices import choices
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.preview import PolicyPreview
from drafter.app.widgets.progress import Exported
from drafter.app.widgets.sidebar import SectionList
from drafter.counting import count_of

SECTIONS = ("Sections: ↑ ↓ to move, Enter to open one. ✓ all answered, ! an answer to fix, "
            "? a question for your counsel.")
NOTES = "Notes on the draft: ↑ ↓ to move, Enter goes to what the note is about."
TABS = "Preview and Notes: ← → to switch (F2 the preview, F4 the notes)."
PREVIEW = "The draft as it stands: ↑ ↓ scroll it; Enter on a part's title folds or opens it."
EXPORTED = "The files the last export wrote: ↑ ↓ scroll the list."
BACK = " Escape goes back to the questions."
"""Short enough, with `BACK`, for a phone's three rows of help (the notes' help said more, and
its way back was cut)."""
HOW = {
    "one": "Pick one: ↑ ↓ to move, Enter to choose it and go on.",
    "bool": "Pick one: ↑ ↓ to move, Enter to choose it and go on.",
    "many": "Pick all that apply: ↑ ↓ to move, Space ticks or unticks, Enter goes on.",
    "long_text": "Type your answer; Tab goes on to the next question.",
    "records": "Fill in one row for each.",
}
"""Said for a question without help of its own, by its kind of answer: how to answer it
(the help panel said only "Answers are saved as you type." there, a sentence with nothing
about the question in front of the owner)."""
ROWS = "Tab to + Add for another row."
"""Said on a line of its own under the help of every list of rows (run on, "+" ended one line
and "Add" began the next): Enter goes through a row's fields and on to the next question,
never to "+ Add" (the new-user trial: Enter there added an empty row)."""


def how_to_answer(kind: str) -> str:
    return HOW.get(kind, "Type your answer; Enter goes on to the next question.")


def ticks_named(question: Any, ticked: Any) -> str:
    """The suggested ticks of a pick-all list by name ("4 suggested ticks: …"): a list taller
    than its rows keeps some below its fold, and Enter keeps them all (trial 17: "Keeping our
    service safe" and "Meeting legal obligations" of `use.purposes` were saved unseen)."""
    labels = choices(question)
    names = "; ".join(labels.get(option, str(option)) for option in ticked or [])
    return f"{count_of(len(ticked or []), 'suggested tick')}: {names}."


def question_help(question: Any, suggested: Any = None) -> str:
    """The help for a question: its own, or how to answer its kind; a pick-all list showing a
    suggestion (`suggested`: its ticks) names them, then its own help, if any. The field says
    above the list that Enter keeps them; said again here, the names of `use.purposes` did
    not fit 80x24's four rows of help (on a phone F1 shows them whole, and Enter's notice
    names them)."""
    if question.type == "many" and suggested:
        return " ".join([ticks_named(question, suggested),
                         *([question.help] if question.help else [])])
    if question.type == "records":
        return f"{question.help or how_to_answer('records')}\n{ROWS}"  # "+ Add" kept whole
    return question.help or how_to_answer(question.type)


def help_for(widget: Widget) -> str | None:
    """The help for `widget`, or None where the widget's question gives it."""
    if isinstance(widget, SectionList):
        return SECTIONS
    covering = widget.screen.has_class("-narrow")  # the pane is in the form's place
    for kind, text in ((NotesList, NOTES), (Tabs, TABS), (PolicyPreview, PREVIEW)):
        if any(isinstance(node, kind) for node in widget.ancestors_with_self):
            return text + (BACK if covering else "")
    if isinstance(widget, Exported):
        return EXPORTED
    if isinstance(widget, Button) and widget.id == "next":
        label = str(widget.label)
        if label.startswith("Next: "):
            return (f"Enter opens the next section, {label.removeprefix('Next: ').rstrip(' →')}"
                    "; typing goes on into its first question. Ctrl+↓ does the same from any "
                    "question.")
        return "Enter exports the policy: the same files `drafter build` writes (F8 does too)."
    if isinstance(widget, Button) and str(widget.label).startswith("+"):
        return f"Enter or a click: {widget.label}; typing starts a new row."
    if isinstance(widget, Button):
        return f"Enter or a click: {widget.label}."
    return None
