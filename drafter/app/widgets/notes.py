"""Reviewer notes, most serious first; choosing one asks the screen to jump to its fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the review stage loads after the first screen is up
    from drafter.review import Note

_ORDER = {"blocking": 0, "warning": 1, "advice": 2}
_STYLE = {"blocking": "$text-error", "warning": "$text-warning", "advice": "$text-primary"}
"""Text colours made readable on either theme; advice must not share warning's colour."""


class NotesList(OptionList):
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
        ordered = sorted(notes, key=lambda n: (_ORDER[n.severity], int(n.id[1:])))
        if ordered == self.shown:
            return
        self.shown = ordered
        self.notes = {n.id: n for n in ordered}
        self.set_options([
            Option(f"[b {_STYLE[n.severity]}]{n.severity}[/] {n.id} {n.message}"
                   + (f"\n  [dim]{n.cite}[/]" if n.cite else ""), id=n.id)
            for n in ordered
        ] or [Option("No reviewer notes: nothing left for counsel to decide.", disabled=True)])
        if ordered:
            self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self.notes.get(event.option.id or "")
        if note is not None:
            self.post_message(self.Chosen(note))
