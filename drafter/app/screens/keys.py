"""The editor's keys beyond answering: Enter moving on (to the questions an answer revealed
first, confirming a suggested answer), undo and redo, F1 help, Ctrl+F find, quit, paste.

`KeysScreen` is the editor screen's base: its bindings come first in the footer and in F1, and
it works through the editor's own methods (showing a section, redrawing a field). The history
of answers lives in the core (`drafter.undo`); this only presents it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.widgets.lists import MoveOn
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.progress import Progress
from drafter.standing import standing
from drafter.undo import Applied, Undo

if TYPE_CHECKING:
    from drafter.editing import Session


class KeysScreen(Screen[None]):
    """Help, find, undo/redo, quit and paste for the editor (see the module's docstring)."""

    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+f", "find", "Find"),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
        Binding("ctrl+z", "undo", "Undo the last answer", show=False, priority=True),
        Binding("ctrl+shift+z,ctrl+y", "redo", "Redo the answer undone", show=False,
                priority=True),
        Binding("ctrl+v", "paste", "Paste text copied in Drafter", show=False, priority=True),
    ]

    if TYPE_CHECKING:  # provided by the editor screen
        session: Session
        section_id: str

        def _shown(self, key: str) -> bool: ...
        def _apply_visibility(self) -> None: ...
        def _refresh_sidebar(self) -> None: ...
        def _show_side(self, show: bool) -> None: ...
        def redraw_preview(self) -> Any: ...
        async def show_section(self, section_id: str, focus: str | None = None) -> None: ...
        async def redraw_field(self, field: QuestionField) -> QuestionField: ...

    _history: Undo | None = None
    _revealed: tuple[str, ...] = ()  # questions revealed since the focused one was entered

    @property
    def history(self) -> Undo:
        if self._history is None or self._history.session is not self.session:
            self._history = Undo(self.session)
        return self._history

    def answer(self, key: str, value: Any) -> tuple[bool, str | None]:
        """Record an answer (remembered for undo); note the questions it revealed."""
        before = set(self.session.visible())
        changed, error = self.history.answer(key, value)
        if changed:
            self._revealed += tuple(k for k in self.session.visible() if k not in before)
        return changed, error

    def entered(self, key: str) -> None:
        """The owner moved to another question: typing there is a new undo step."""
        self.history.seal()
        self._revealed = ()

    def refresh_standing(self) -> None:
        notes = self.query_one(NotesList).shown or []
        self.query_one(Progress).show(standing(self.session, notes))

    # -- Enter ----------------------------------------------------------------------------

    async def on_move_on(self, message: MoveOn) -> None:
        """Enter in a field: keep a suggested answer, then go to the first question the
        answer revealed, or else to the next one."""
        message.stop()
        key = message.key
        if key is None or not self._shown(key):
            return
        field = self.query_one(f"#{field_id(key)}", QuestionField)
        if self.session.suggested(key) and self.session.confirm(key, save=False):
            self.history.confirmed(key)
            self.session.flush()  # on disk before it is drawn, as `take_answer` saves
            field.show_answer(self.session.value(key))  # a text box shows it; a list did
            field.set_class(False, "-suggested")
            self._refresh_sidebar()
        revealed = [k for k in self.session.visible() if k in self._revealed and self._shown(k)]
        if revealed:
            self.query_one(f"#{field_id(revealed[0])}", QuestionField).focus_answer()
        elif isinstance(self.focused, Widget) and field in self.focused.ancestors_with_self:
            self.focus_next()
        elif self.focused is None:
            field.focus_answer()
            self.focus_next()

    # -- undo and redo --------------------------------------------------------------------

    async def action_undo(self) -> None:
        await self._undone(self.history.undo(), "undo")

    async def action_redo(self) -> None:
        await self._undone(self.history.redo(), "redo")

    async def _undone(self, applied: Applied | None, what: str) -> None:
        if applied is None:
            self.notify(f"Nothing to {what}.", timeout=3)
            return
        prompt = self.session.questionnaire.entry(applied.key).question.prompt
        if applied.changed_elsewhere:
            self.notify(f"Not changed: the answer to \u201c{prompt}\u201d was changed elsewhere "
                        "since.", title=f"Cannot {what}", severity="warning", timeout=8)
            return
        self.session.flush()  # on disk before it is drawn, as `take_answer` saves
        await self.show_answer(applied.key)

    async def show_answer(self, key: str) -> None:
        """Show the answer to `key` as the session now has it, in its section, focused."""
        section = key.split(".", 1)[0]
        if section != self.section_id:  # its page may be one kept from an earlier visit
            self._show_side(False)
            await self.show_section(section, key)
        found = self.query(f"#{field_id(key)}").results(QuestionField)
        field = next(iter(found), None)
        if field is None:
            return
        field = await self.redraw_field(field)
        self._apply_visibility()
        self._refresh_sidebar()
        self.redraw_preview()
        if self._shown(key):
            field.focus_answer()

    # -- help, find, paste ----------------------------------------------------------------

    def action_help(self) -> None:
        from drafter.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_find(self) -> None:
        from drafter.app.screens.find import FindScreen

        def chosen(key: str | None) -> None:
            if key:
                self.call_later(self.go_to, key)

        self.app.push_screen(FindScreen(self.session.questionnaire, self.session.visible()),
                             chosen)

    async def go_to(self, key: str) -> None:
        self._show_side(False)
        await self.show_section(key.split(".", 1)[0], key)

    def action_paste(self) -> None:
        """Ctrl+V reached the app as a key (in a terminal): paste what was copied in Drafter,
        if anything; never replace the selected text with nothing."""
        focused = self.focused
        if self.app.clipboard and focused is not None and hasattr(focused, "action_paste"):
            focused.action_paste()
            return
        self.notify("Nothing was copied in Drafter. To paste from elsewhere, use your "
                    "terminal's paste (often Ctrl+Shift+V or a right click).", timeout=6)


__all__ = ["KeysScreen"]
