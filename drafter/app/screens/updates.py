"""Updates: the clause library changed since these answers were last built, so the app opens
on the questions its changes ask (`drafter.outdated.updates_for`) and nothing else; Enter
goes to one, Escape closes; the sections holding them keep a `*` in the sidebar. Exporting then rebuilds with counsel's edits merged, and
`changes.md` says which changes came from the law."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from drafter.app.widgets.sidebar import SectionList
from drafter.editing import Session
from drafter.errors import DrafterError
from drafter.questionnaire import Questionnaire


class UpdatesScreen(ModalScreen[str | None]):
    """The questions to answer again after a library update; choosing one goes to it."""

    DEFAULT_CSS = """
    UpdatesScreen { align: center middle; }
    #updates-dialog { width: 90; max-width: 100%; height: auto; max-height: 90%;
                      border: thick $accent; background: $surface; padding: 0 1; }
    #updates-dialog #to-update { height: auto; max-height: 16; border: none; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Close", priority=True)]

    def __init__(self, questionnaire: Questionnaire, keys: tuple[str, ...]) -> None:
        super().__init__()
        self.questionnaire = questionnaire
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="updates-dialog"):
            yield Label("Updates: the law changed since your policy was last built. "
                        "Answer or check these questions, then export again (counsel's "
                        "edits are kept). Enter goes to one; Escape closes.",
                        classes="dialog-title")
            yield OptionList(*(Option(Text.assemble(
                self.questionnaire.entry(key).question.prompt,
                (f"  ({self.questionnaire.entry(key).section.title})", "dim")), id=key)
                for key in self.keys), id="to-update")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(OptionList))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


def offer_updates(app: App[None], session: Session, out_dir: Path) -> None:
    """Look, in a thread (it drafts the policy), for questions a library update asks of
    these answers; if there are any, open the Updates view over the editor."""

    def find() -> None:
        from drafter.outdated import updates_for

        try:
            keys = updates_for(session.project, session.answers(), out_dir)
        except DrafterError:  # answers the library cannot draft yet: the form says why
            return
        if keys:
            app.call_from_thread(show, keys)

    def show(keys: tuple[str, ...]) -> None:
        editor = app.screen
        for sidebar in editor.query(SectionList):  # and the sections holding them are marked
            sidebar.updated = {session.questionnaire.entry(key).section.id for key in keys}
            sidebar.refresh_progress(session, getattr(editor, "section_id", ""))

        def chosen(key: str | None) -> None:
            go_to = getattr(editor, "go_to", None)
            if key and go_to is not None:
                editor.call_later(go_to, key)

        app.push_screen(UpdatesScreen(session.questionnaire, keys), chosen)

    # once the first screen is up: it shares the library's loading with the preview
    app.call_after_refresh(app.run_worker, find, thread=True, group="updates",
                           exit_on_error=False)


__all__ = ["UpdatesScreen", "offer_updates"]
