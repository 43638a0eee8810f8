"""The editor's keys beyond answering: Enter moving on (to the questions an answer revealed
first, confirming a suggested answer), undo and redo, F1 help, Ctrl+F find, Ctrl+L to what
is left for the owner, quit, paste.

`KeysScreen` is the editor screen's base: its bindings come first in the footer and in F1, and
it works through the editor's own methods (showing a section, redrawing a field). The history
of answers lives in the core (`drafter.undo`); this only presents it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import RadioButton
from textual.widget import Widget

from drafter.app.screens.parts import part
from drafter.app.widgets.focus_help import ticks_named
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.widgets.boxes import AnswerArea, AnswerBox
from drafter.app.widgets.ticklist import ManyList
from drafter.app.widgets.lists import ChoiceList, MoveOn, UnsureBox
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.progress import Progress
from drafter.app.widgets.records import RecordRow, row_of
from drafter.standing import left_for_owner, standing, unfinished
from drafter.undo import Applied, Undo

if TYPE_CHECKING:
    from drafter.document.model import Note
    from drafter.editing import Session


class KeysScreen(Screen[None]):
    """Help, find, undo/redo, quit and paste for the editor (see the module's docstring)."""

    BINDINGS = [
        # Every key that takes the focus elsewhere is a priority binding, run in the app's own
        # loop before the next key is handed out, and its action moves the focus before it
        # returns: keys typed right behind it land where it went, never in the answer it left
        # (tests/app/test_key_bursts.py).
        Binding("f1", "help", "Help", priority=True),
        Binding("ctrl+f", "find", "Find", priority=True),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
        Binding("ctrl+z", "undo", "Undo the last answer", show=False, priority=True),
        Binding("ctrl+shift+z,ctrl+y", "redo", "Redo the answer undone", show=False,
                priority=True),
        Binding("ctrl+v", "paste", "Paste text copied in Drafter", show=False, priority=True),
        Binding("ctrl+l", "next_left", "Go to what is left for you", show=False, priority=True),
        # Checked by the app before it hands the next key to anyone (see `action_move_on`).
        Binding("enter", "move_on", "Next question (in a long text box: a new line)",
                show=False, priority=True),
        # Also before the next key: as an ordinary binding, Tab moved the focus only once it
        # had bubbled up to the app, and letters typed right after it went to the box it left.
        Binding("tab", "focus_next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "focus_previous_field", "Previous field", show=False,
                priority=True),
    ]

    if TYPE_CHECKING:  # provided by the editor screen
        session: Session
        section_id: str
        key: str | None

        def _shown(self, key: str) -> bool: ...
        def _apply_visibility(self) -> None: ...
        def offer_options(self, changed: str | None = None) -> None: ...
        def _refresh_sidebar(self) -> None: ...
        def _show_side(self, show: bool) -> None: ...
        def redraw_preview(self, typing: bool | None = None) -> Any: ...
        def keep(self) -> None: ...
        def shows_suggestion(self, field: QuestionField) -> bool: ...
        async def show_section(self, section_id: str, focus: str | None = None) -> None: ...
        async def jump_to_note(self, note: Note) -> None: ...
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

    def moved_on_from(self, key: str | None) -> None:
        """The owner moved on from `key` with Enter or Tab: a list left with nothing ticked is
        their "none of these", saved in the answers file (`Session.none_of_these`) as one undo
        step, and said under the list. Only these keys: quitting, a click elsewhere or a
        section switched decides nothing for the owner."""
        if key is None or not self._shown(key) or not self.session.none_of_these(key, save=False):
            return
        self.history.confirmed(key)
        self.keep()  # kept before it is drawn, as `take_answer` keeps it
        field = self.query_one(f"#{field_id(key)}", QuestionField)
        field.show_saved(self.session.stored_note(key), [])
        self.offer_options(key)  # what the answer offers or suggests elsewhere
        self._refresh_sidebar()
        self.redraw_preview(typing=False)

    def refresh_standing(self) -> None:
        notes = part(self, NotesList).shown or []
        part(self, Progress).show(standing(self.session, notes))

    # -- Tab ------------------------------------------------------------------------------

    def action_focus_next_field(self) -> None:
        self.lay_out_now()
        self._tabbed(self.focus_next)

    def action_focus_previous_field(self) -> None:
        """Shift+Tab goes back: it decides nothing (a list left empty stays unanswered; the
        README and F1 name only Tab and Enter as moving on, and it saved "none of these")."""
        self.lay_out_now()
        self.focus_previous()

    def _tabbed(self, move: Callable[[], Widget | None]) -> None:
        """Tab: out of a question's field, the owner moved on from it."""
        left = self._field_of(self.focused)
        move()
        if left is not None and self._field_of(self.focused) is not left:
            self.moved_on_from(left.key)

    @staticmethod
    def _field_of(widget: Widget | None) -> QuestionField | None:
        return next((a for a in widget.ancestors_with_self if isinstance(a, QuestionField)),
                    None) if widget is not None else None

    def lay_out_now(self) -> None:
        """Place on the screen what was mounted or shown since it was last laid out. Textual
        orders Tab by where each widget was last placed, and one not placed yet comes
        first in its container: on a busy machine a Tab typed after "+ Add" and a new row
        went back to the row before (the browser trial: the next answers were typed into it,
        and an Enter pressed its Remove)."""
        if self._layout_required:
            self._refresh_layout()
            self._layout_required = False

    # -- Enter ----------------------------------------------------------------------------

    def _entering(self) -> QuestionField | None:
        """The question whose answer has the focus, if Enter there means "move on": a text
        box, a list or "I'm not sure" (not a long answer, where Enter starts a new line, nor
        a vendor row, a button or the sections)."""
        focused = self.focused
        field = focused.parent if focused is not None else None
        if isinstance(field, QuestionField) and (
                isinstance(focused, (AnswerBox, ChoiceList, ManyList, UnsureBox))):
            return field
        if isinstance(focused, RadioButton) and isinstance(focused.parent, ChoiceList):
            parent = focused.parent.parent
            return parent if isinstance(parent, QuestionField) else None
        return None

    def _in_row(self) -> RecordRow | None:
        """The vendor row (or other row of a list of records) whose text box has the focus."""
        focused = self.focused
        return row_of(focused) if isinstance(focused, AnswerBox) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move_on":  # elsewhere Enter goes to the focused widget as usual
            return (self._entering() is not None or self._in_row() is not None
                    or self._note_highlighted() is not None)
        return True

    def _note_highlighted(self) -> Note | None:
        notes = self.focused
        if not isinstance(notes, NotesList) or notes.highlighted is None:
            return None
        return notes.notes.get(notes.get_option_at_index(notes.highlighted).id or "")

    async def action_move_on(self) -> None:
        """Enter in an answer, handled by the app's own loop before it gives out the next key:
        the answer is taken and the focus moved here and now, so a key typed right after
        Enter lands in the next field (a message to the field and on to the screen arrived
        after the keys that followed it, which then went to the field just left). On a note
        (F4), its question is opened the same way (trial 23: the keys were lost in the list)."""
        note = self._note_highlighted()
        if note is not None:
            await self.jump_to_note(note)
            return
        row = self._in_row()
        if row is not None and self.focused is not None:
            row.move_on(self.focused)  # on to the row's next field
            return
        field = self._entering()
        if field is None:
            return
        chosen = self.focused
        if isinstance(chosen, RadioButton):
            chosen = chosen.parent
        if isinstance(chosen, ChoiceList):
            chosen.press_highlighted()  # saved now, so Enter goes where the answer leads
        self.move_on(field.key)

    async def on_move_on(self, message: MoveOn) -> None:
        message.stop()
        if message.key is not None:
            self.move_on(message.key)

    def move_on(self, key: str) -> None:
        """Enter in a field: keep a suggested answer, then go to the next question in order
        (the questions the answer revealed below it are reached in their turn; one revealed
        above it comes first). The focus moves at once. Going straight to the first question
        revealed jumped past the questions between (the kiosk trial: the camera's purposes
        were never asked)."""
        if not self._shown(key):
            return
        field = self.query_one(f"#{field_id(key)}", QuestionField)
        self.moved_on_from(key)
        kind = field.entry.question.type
        # a list left empty was saved as "none of these" just above where it may be; else
        # it, like a choice with nothing highlighted, is left unanswered, and says so
        if not self.keep_suggestion(field) and (
                kind in ("one", "bool") and self.session.value(key) is None
                or kind == "many" and key not in self.session.raw):
            field.show_unanswered()  # Enter moves on; the owner is told it answered nothing
        shown = [k for k in self.session.visible() if self._shown(k)]
        after = shown[shown.index(key) + 1:]
        above = [k for k in shown if k in self._revealed and k not in after]
        target = above[0] if above else after[0] if after else None
        if target is not None:
            self.query_one(f"#{field_id(target)}", QuestionField).focus_answer(at_once=True)
        elif isinstance(self.focused, Widget) and field in self.focused.ancestors_with_self:
            self.focus_past(field)
        elif self.focused is None:
            field.focus_answer(at_once=True)
            self.focus_next()

    def focus_past(self, field: QuestionField) -> None:
        """Focus what comes after `field` (Next, after a section's last question): not the
        next widget inside it (a list of rows' Remove, where the next Enter removed a row)."""
        self.lay_out_now()
        chain = self.focus_chain
        start = chain.index(self.focused) + 1 if self.focused in chain else 0
        after = next((w for w in chain[start:] if field not in w.ancestors), None)
        if after is not None:
            self.set_focus(after)

    def keep_suggestion(self, field: QuestionField) -> bool:
        """Make the suggested answer `field` shows the owner's own (Enter, or Space on the
        suggested choice); False if there is none. Only what is shown: a field still showing a
        suggestion the answers since have changed (drawn again on its way) keeps nothing."""
        key = field.key
        if not (self.session.suggested(key) and self.shows_suggestion(field)
                and self.session.confirm(key, save=False)):
            return False
        self.history.confirmed(key)
        self.keep()  # kept before it is drawn, as `take_answer` keeps it
        field.show_answer(self.session.value(key))  # a text box shows it; a list did
        field.set_class(False, "-suggested")
        if field.entry.question.type == "many":  # some may be below the list's fold: named
            self.notify(f"Kept {ticks_named(field.entry.question, self.session.value(key))} "
                        "Ctrl+Z undoes.", title="Suggestion kept", timeout=8)
        self.offer_options(key)
        self._refresh_sidebar()
        self.redraw_preview(typing=False)  # the notes on an answer left to confirm go
        return True

    # -- undo and redo --------------------------------------------------------------------

    async def action_undo(self) -> None:
        await self._after_typing(self.history.undo, "undo")

    async def action_redo(self) -> None:
        await self._after_typing(self.history.redo, "redo")

    async def _after_typing(self, step: Callable[[], Applied | None], what: str) -> None:
        """Undo or redo in its place among the keys typed. Ctrl+Z is taken in the app's own
        loop as soon as it comes in, while the letters typed just before it still wait in
        the text box's queue: in one burst (the browser hands the app a burst at once),
        "Brand" then Ctrl+Z undid the answer before it, on the question left, and then
        "Brand" went in. In a text box the step waits its turn behind those letters (and
        ahead of any typed after it)."""
        box = self.focused
        if isinstance(box, (AnswerBox, AnswerArea)):
            box.call_later(lambda: self._undone(step(), what))
        else:
            await self._undone(step(), what)

    async def _undone(self, applied: Applied | None, what: str) -> None:
        if applied is None:
            self.notify(f"Nothing to {what}.", timeout=3)
            return
        prompt = self.session.questionnaire.entry(applied.key).question.prompt
        if applied.changed_elsewhere:
            self.notify(f"Not changed: the answer to \u201c{prompt}\u201d was changed elsewhere "
                        "since.", title=f"Cannot {what}", severity="warning", timeout=8)
            return
        self.keep()  # kept before it is drawn, as `take_answer` keeps it
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
        # the line under it follows the answer ("Saved as 'none of these'" stayed after
        # that answer was undone)
        field.show_saved(self.session.stored_note(key), self.session.value(key))
        self._apply_visibility()
        self.offer_options()
        self._refresh_sidebar()
        self.redraw_preview(typing=False)
        if self._shown(key) and field not in self.__dict__.get("_redraws", ()):
            field.focus_answer()  # (one to be drawn again takes the focus back then: focused
            # now, the focus went to a widget about to be removed, and no key reached the app)

    # -- help, find, paste ----------------------------------------------------------------

    async def action_help(self) -> None:
        from drafter.app.screens.help import HelpScreen

        await self.app.push_screen(HelpScreen(self))  # focused in it before the next key

    async def action_find(self) -> None:
        from drafter.app.screens.find import FindScreen

        async def chosen(key: str | None) -> None:
            """Run in the app's loop right after the key that chose (see `FindScreen`), so
            the question chosen has the focus before the keys typed after it are handed out."""
            if key:
                await self.go_to(key)

        await self.app.push_screen(FindScreen(self.session.questionnaire,
                                              self.session.visible()), chosen)

    async def go_to(self, key: str) -> None:
        self._show_side(False)
        await self.show_section(key.split(".", 1)[0], key)

    async def action_next_left(self) -> None:
        """Go to the next question with something left for the owner ("For you: N …" under
        the sections), after the one focused, or from the top after the last: an answer to
        give, confirm or fix, or a row to finish, whose empty pick then has the focus; with
        none, to the blocking notes an answer settles (F4), if any."""
        left = left_for_owner(self.session)
        if not left:
            blocking = [n for n in self.query_one(NotesList).shown or [] if n.owner_blocking]
            if not blocking:
                self.notify("Nothing is left for you to answer, confirm, fix or finish.",
                            timeout=4)
            elif not isinstance(self.focused, NotesList):  # the notes an answer settles
                await self.run_action("show_notes")
            return
        order = {key: index for index, key in enumerate(self.session.visible())}
        here = order.get(self.key or "", -1)
        key = next((k for k in left if order[k] > here), left[0])
        await self.go_to(key)
        rows = unfinished(self.session, key)
        found = self.query(f"#{field_id(key)}").results(QuestionField)
        field = next(iter(found), None)
        if rows and field is not None:
            index, name = rows[0]
            given = [row for row in field.query(RecordRow) if row.value()]  # as saved
            boxes = [box for box in given[index].boxes() if box.name == name] if (
                index < len(given)) else []
            if boxes:
                self.set_focus(boxes[0], scroll_visible=False)
                self.call_after_refresh(boxes[0].scroll_visible, animate=False)

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
