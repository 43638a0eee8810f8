"""Reviewer notes, most serious first, then the questions for counsel ("I'm not sure" answers:
nothing the owner can fix); choosing one asks the screen to jump to its question."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.app.widgets.hanging import Hanging
from drafter.app.widgets.lists import JumpOptionList

if TYPE_CHECKING:  # the review stage loads after the first screen is up
    from drafter.document.model import Note

_ORDER = {"blocking": 0, "warning": 1, "advice": 2}
_STYLE = {"blocking": "text-error", "warning": "text-warning", "advice": "text-primary"}
"""Text colours made readable on either theme; advice must not share warning's colour."""
WIDEST = 20
"""The most columns a note's kind and id take beside its message ("counsel blocking R12")."""
ROOM = 24
"""The columns the message keeps beside them (fewer: the kind and id wrap, a word a line)."""
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

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def _recolour(self, _theme: object) -> None:
        if self.shown is not None:
            self.show(tuple(self.shown), again=True)

    def show(self, notes: tuple[Note, ...], again: bool = False) -> None:
        ordered = sorted(notes, key=lambda n: (n.for_counsel, _ORDER[n.severity], int(n.id[1:])))
        if ordered == self.shown and not again:
            return
        self.shown = ordered
        self.notes = {n.id: n for n in ordered}
        labels = {n.id: self.label_of(n, self.app.theme_variables) for n in ordered}
        widest = min(WIDEST, max((label.cell_len for label in labels.values()), default=0))
        least = max((len(word) for label in labels.values() for word in label.plain.split()),
                    default=0)
        row = partial(self._row, labels=labels, widest=widest, least=least)
        rows = [row(n) for n in ordered if not n.for_counsel]
        counsel = [row(n) for n in ordered if n.for_counsel]
        if counsel:
            rows += [Option(COUNSEL, disabled=True), *counsel]
        self.set_options(rows or [Option("No reviewer notes: nothing left for counsel to "
                                         "decide.", disabled=True)])
        if ordered:
            self.highlighted = 0 if rows[0].id else 1

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Turn a page of lines, not of notes: a note can be taller than the pane (at 80x24),
        and Textual's PageDown went a page of lines from the highlighted note's first line,
        still inside that note, so it stopped there (trial 16: a line short of the end; the
        kiosk's notes at their 5th line of 26). The note highlighted is the first to begin
        in the page shown, else the one read across it; at either end, the first or the
        last note."""
        if not self.option_count:
            return
        height = self.scrollable_content_region.height
        y = min(max(round(self.scroll_y) + direction * height, 0), self.max_scroll_y)
        self._update_lines()
        lines = self._lines
        starts = [i for i, (_, offset) in enumerate(lines) if offset == 0]
        enabled = [i for i in range(self.option_count)
                   if not self.get_option_at_index(i).disabled]
        if not enabled or not lines:
            return
        if y == round(self.scroll_y):  # at the end already: the first or the last note
            index = enabled[-1] if direction > 0 else enabled[0]
        else:
            begun = [lines[i][0] for i in starts if y <= i < y + height
                     and lines[i][0] in enabled]
            covering = lines[min(y, len(lines) - 1)][0]
            index = begun[0] if begun else min(enabled, key=lambda i: abs(i - covering))
        self.highlighted = index  # Textual scrolls to the note: the page stays as turned
        if y != round(self.scroll_y):
            self.scroll_to(y=y, animate=False, immediate=True)

    @staticmethod
    def label_of(note: Note, colour: Mapping[str, str] | None = None) -> Text:
        """The note's kind and id ("counsel blocking R12"), coloured from the theme's
        variables (a Rich `Text`: `Hanging` lays it out, and Rich knows no theme variables)."""
        colour = colour or {}
        tint = colour.get(_STYLE[note.severity], "")
        if note.for_counsel:
            return Text.assemble(("counsel", f"bold {colour.get('text-accent', '')}".strip()),
                                 " ", (note.severity, tint), f" {note.id}")
        return Text.assemble((note.severity, f"bold {tint}".strip()), f" {note.id}")

    @staticmethod
    def _row(note: Note, labels: dict[str, Text], widest: int, least: int) -> Option:
        """The note's kind and id, and beside them its message (and cite) wrapping under its
        own start: on a phone the message wrapped back under the kind."""
        message = Text(note.message)
        if note.cite:
            message.append("\n" + note.cite, style="dim")
        return Option(Hanging([(labels[note.id], message)], widest=widest, least=least,
                              room=ROOM), id=note.id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self.notes.get(event.option.id or "")
        if note is not None:
            self.post_message(self.Chosen(note))
