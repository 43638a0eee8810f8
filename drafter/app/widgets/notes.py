"""Reviewer notes, most serious first, then the questions for counsel ("I'm not sure" answers:
nothing the owner can fix); choosing one asks the screen to jump to its question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.app.widgets.lists import JumpOptionList

if TYPE_CHECKING:  # the review stage loads after the first screen is up
    from drafter.document.model import Note

_ORDER = {"blocking": 0, "warning": 1, "advice": 2}
_STYLE = {"blocking": "$text-error", "warning": "$text-warning", "advice": "$text-primary"}
"""Text colours made readable on either theme; advice must not share warning's colour."""
COUNSEL = ("[b]Questions for counsel[/] [dim]You were not sure; the draft takes the stricter "
           "reading until your lawyer confirms.[/]")


class NotesList(JumpOptionList, OptionList):
    """One row per note: severity, id and message."""

    class Chosen(Message):
        def __init__(self, note: Note) -> None:
            super().__init__()
            self.note = note

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.notes: dict[str, Note] = {}
        self.shown: list[Note] | None = None  # None until the first draft arrives

    def show(self, notes: tuple[Note, ...]) -> None:
        ordered = sorted(notes, key=lambda n: (n.for_counsel, _ORDER[n.severity], int(n.id[1:])))
        if ordered == self.shown:
            return
        self.shown = ordered
        self.notes = {n.id: n for n in ordered}
        rows = [self._row(n) for n in ordered if not n.for_counsel]
        counsel = [self._row(n) for n in ordered if n.for_counsel]
        if counsel:
            rows += [Option(COUNSEL, disabled=True), *counsel]
        self.set_options(rows or [Option("No reviewer notes: nothing left for counsel to "
                                         "decide.", disabled=True)])
        if ordered:
            self.highlighted = 0 if rows[0].id else 1

    @staticmethod
    def _row(note: Note) -> Option:
        kind = (f"[b $text-accent]counsel[/] [{_STYLE[note.severity]}]{note.severity}[/]"
                if note.for_counsel else f"[b {_STYLE[note.severity]}]{note.severity}[/]")
        return Option(f"{kind} {note.id} {note.message}"
                      + (f"\n  [dim]{note.cite}[/]" if note.cite else ""), id=note.id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self.notes.get(event.option.id or "")
        if note is not None:
            self.post_message(self.Chosen(note))
