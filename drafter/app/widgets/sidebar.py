"""The list of sections with progress: answered / shown, and a mark where something is left.

Marks: `✓` every question answered; `!` (warning colour) a required answer missing or not
valid; `!` (error colour) a blocking reviewer note that an answer in the section resolves; `?`
(accent colour) an "I'm not sure" answer that is now a question for counsel: nothing for the
owner to fix, so never red; `*` (accent colour) a question the clause library's update asks
again (the Updates view lists them).
"""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.app.widgets.lists import JumpOptionList
from drafter.editing import Session
from drafter.standing import section_progress


class SectionList(JumpOptionList, OptionList):
    """Sections the owner is asked about; choosing one opens it."""

    class Chosen(Message):
        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.shown: list[tuple[str, str | None]] = []
        self.blocked: set[str] = set()  # sections answering a blocking note (the screen sets it)
        self.asked: set[str] = set()  # sections with a question for counsel (likewise)
        self.updated: set[str] = set()  # sections a library update asks again (Updates view)

    def refresh_progress(self, session: Session, current: str) -> None:
        """Rebuild the rows (cheap: a dozen lines) keeping the highlight on `current`."""
        rows: list[Option] = []
        progress = section_progress(session)
        for section in session.questionnaire.sections:
            if section.id not in progress:
                continue
            answered, shown, problems = progress[section.id]
            mark = ("[$text-error]![/]" if section.id in self.blocked
                    else "[$text-warning]![/]" if problems
                    else "[$text-accent]*[/]" if section.id in self.updated
                    else "[$text-accent]?[/]" if section.id in self.asked
                    else "[$text-success]✓[/]" if answered == shown else " ")
            rows.append(Option(f"{mark} {section.title} [dim]{answered}/{shown}[/]",
                               id=section.id))
        shown = [(str(row.prompt), row.id) for row in rows]
        if shown != self.shown:
            self.shown = shown
            with self.prevent(OptionList.OptionHighlighted):
                self.set_options(rows)
        ids = [row.id for row in rows]
        index = ids.index(current) if current in ids else None
        if self.highlighted != index:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index

    def on_resize(self) -> None:
        """Stacked above the form on a phone the list is a few rows high: keep the current
        section in them."""
        self.call_after_refresh(self.scroll_to_highlight)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
