"""The list of sections with progress: answered / shown, and a mark where something is left."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.app.session import Session


class SectionList(OptionList):
    """Sections the owner is asked about; choosing one opens it."""

    class Chosen(Message):
        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def refresh_progress(self, session: Session, current: str) -> None:
        """Rebuild the rows (cheap: a dozen lines) keeping the highlight on `current`."""
        rows: list[Option] = []
        for section in session.questionnaire.sections:
            answered, shown, problems = session.progress(section.id)
            if not shown:
                continue
            mark = "[$warning]![/]" if problems else "[$success]✓[/]" if answered == shown else " "
            rows.append(Option(f"{mark} {section.title} [dim]{answered}/{shown}[/]",
                               id=section.id))
        with self.prevent(OptionList.OptionHighlighted):
            highlighted = current
            self.set_options(rows)
            try:
                self.highlighted = self.get_option_index(highlighted)
            except Exception:  # the section just became hidden
                self.highlighted = 0 if rows else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
