"""Export from the app: exactly what `drafter build` writes, never over counsel's edits.

If files in the export folder changed since the last export, a dialog lists them and asks
before anything is overwritten.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label

from drafter.app.widgets.progress import Exported
from drafter.editing import Session
from drafter.session_export import export
from drafter.errors import UserError


class ConfirmOverwrite(ModalScreen[bool]):
    """Ask before replacing files that someone edited by hand."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Not now", priority=True)]

    def __init__(self, changed: list[Path]) -> None:
        super().__init__()
        self.changed = changed

    def compose(self) -> ComposeResult:
        names = "\n".join(f"  {path.resolve()}" for path in self.changed)  # as F8 shows them
        with Vertical(id="dialog"):
            yield Label("These files were changed by hand since the last export:",
                        classes="dialog-title")
            yield Label(names)
            yield Label("Exporting again keeps the edits made to the policy text (they are "
                        "merged into the new draft) and saves a backup of every other changed "
                        "file in backups/ before replacing it.")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Not now", id="keep", variant="primary")
                yield Button("Export, keeping edits", id="replace", variant="warning")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#keep", Button))  # now: an Enter behind F8 keeps

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "replace")


def run_export(screen: Screen[None], session: Session, out_dir: Path,
               *, force: bool = False) -> None:
    """Export, reporting where the files went, or why not (missing answers, edited files)."""
    from drafter.review.report import headline  # the review stage loads after the first screen

    try:
        result = export(session, out_dir, force=force)
    except UserError as exc:
        screen.notify(f"Not ready to export yet: {exc.message}", title="Export",
                      severity="error", timeout=10)
        return
    if isinstance(result, list):
        def answered(replace: bool | None) -> None:
            if replace:
                run_export(screen, session, out_dir, force=True)

        screen.app.push_screen(ConfirmOverwrite(result), answered)
        return
    draft = result.result.draft
    notes = " ".join([f"{len(draft.notes)} reviewer note(s): {headline(draft.notes)}.",
                      *result.skipped])  # a language or a redline not written, and why
    for shown in screen.query(Exported):  # kept on screen until the next export
        shown.show(result.written, notes)
