"""The main screen: sections, the current section's questions, help, preview and notes.

Every answer is saved the moment it changes (through the session); the preview is redrawn
off the typing path by a short, restartable worker, so typing never waits for the policy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Header, TabbedContent, TabPane

from drafter.editing import Session
from drafter.position import Position
from drafter.none_of_these import migrated_message
from drafter.paths import copy_example, example_copies
from drafter.preview import clauses_by_question
from drafter.recovery import describe_not_applied
from drafter.app.drafting import Redrafts, SaveOnPause
from drafter.app.screens import elsewhere
from drafter.app.screens.ahead import BuildsAhead
from drafter.app.screens.elsewhere import Elsewhere
from drafter.app.widgets.buttons import FormButton
from drafter.app.screens.offers import MISSING, Offers
from drafter.app.screens.parts import part
from drafter.app.widgets.fields import QuestionField
from drafter.app.widgets.in_view import keep_in_view_soon
from drafter.app.widgets.helppanel import HelpPanel
from drafter.app.widgets.focus_help import help_for, question_help
from drafter.app.widgets.footer import KeysFooter
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.pages import Form
from drafter.app.widgets.preview import PolicyPreview
from drafter.app.widgets.progress import Exported, Progress
from drafter.app.widgets.sidebar import SectionList
from drafter.errors import DrafterError, UserError

NARROW = 120
"""Below this many columns the preview and notes replace the form instead of sitting beside it."""
SAVE_PAUSE = 0.5
"""Seconds of no change after which the answers file is written (each key is journaled)."""


class EditorScreen(BuildsAhead, Offers, Elsewhere):
    """Answer the questionnaire one section at a time."""

    BINDINGS = [
        # Each takes the focus elsewhere: run before the next key is handed out (see
        # `KeysScreen.BINDINGS`). The first is the one thing to do on an example.
        Binding("f3", "edit_copy", "Edit a copy", priority=True),
        Binding("f2,ctrl+o", "toggle_preview", "Preview", priority=True),
        Binding("f4,ctrl+g", "show_notes", "Notes", priority=True),
        Binding("f8,ctrl+s", "export", "Export", priority=True),
        Binding("ctrl+down", "next_section", "Next section", priority=True),
        Binding("ctrl+up", "previous_section", "Previous section", priority=True),
    ]

    def __init__(self, session: Session, out_dir: Path) -> None:
        super().__init__()
        self.session = session
        self.out_dir = out_dir
        self.section_id = ""
        self.key: str | None = None
        self.feeds: dict[str, list[str]] = {}  # filled by `_find_feeds` just after start-up
        self.showing_side = False
        self.preview_stale = True
        self._last_update = ("", 0.0)  # the last "Updated from disk" notice, and when
        self._redrafts = Redrafts(self, self._draft)
        self._saves = SaveOnPause(self, session.flush, SAVE_PAUSE)
        self._redrawing: QuestionField | None = None  # see `redraw_field`, `_reset_focus`
        self._focus_handed: Widget | None = None
        self._visibility: frozenset[str] | None = None  # the questions last shown, if all are
        # Now, before mounting: set later, it would restyle every widget on the screen.
        self.set_class(self.app.size.width < NARROW, "-narrow")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield SectionList(id="sections")
                yield Progress(id="progress")
            with Vertical(id="main"):
                with Horizontal(id="columns"):
                    with Vertical(id="form-column"):
                        with Form(id="form"):
                            yield FormButton("Next", self.next_or_export, leads_to_answer=True,
                                             id="next")  # blue only when focused: app.tcss
                        yield Exported(id="exported")
                    with TabbedContent(id="side"):
                        with TabPane("Preview", id="preview-tab"):
                            yield PolicyPreview(id="preview")
                        with TabPane("Notes", id="notes-tab"):
                            yield NotesList(id="notes")
                # Under the form and the pane both: where the pane covers the form (a phone,
                # under 120 columns), the help stays, saying what the pane's keys do.
                yield HelpPanel(id="help")
        yield KeysFooter()

    @work(thread=True)
    def _find_feeds(self) -> None:
        """Which clauses each question feeds. Loading the clause library and parsing every
        template takes a moment, so it happens off the start-up path (the preview follows
        questions once it is done; a broken library is reported there by the preview)."""
        try:
            self.feeds = clauses_by_question(self.session.project)
        except DrafterError:
            pass
        self.app.call_from_thread(self.redraw_preview)

    async def on_mount(self) -> None:
        self.sub_title = self.session.label
        position = self.session.load_position()
        sections = self.visible_sections()
        first = position.section if position and position.section in sections else sections[0]
        self._fix_next_width()
        await self.show_section(first, position.question if position else None)
        self.call_after_refresh(self._find_feeds)  # the first question is on screen by then
        if self.session.recovered:  # replayed from the journal of a session that was killed
            names = ", ".join(self.session.questionnaire.entry(k).question.prompt
                              for k in self.session.recovered)
            self.notify(f"Brought back what was typed before Drafter last stopped without "
                        f"saving: {names}", title="Answers recovered", timeout=20)
        if self.session.not_applied:  # typed before a kill, but the file changed since
            self.notify(describe_not_applied(self.session), title="Recovered answers not "
                        "applied", severity="warning", timeout=60)
        if self.session.settled_from_side_file:  # an old side file's lists, now answers
            self.notify(migrated_message(self.session, self.session.settled_from_side_file),
                        title="Saved in the answers file", timeout=30)
        for note in self.session.carried.values():  # a retired question's answer, moved
            self.notify(note, title="A question has moved", severity="warning", timeout=30)
        unknown = self.session.unknown()
        if unknown:  # kept in the file as they are; the owner should know they do nothing
            self.notify(f"Not questions here (kept in the file, not used): {', '.join(unknown)}",
                        title="Unknown answers", severity="warning", timeout=15)
        self._tell_others(self.session.announce(), "is also open in another window")
        if not self.session.read_only:
            self.set_interval(elsewhere.POLL_EVERY, self.check_disk)

    def on_unmount(self) -> None:
        self.session.close()

    def _next_label(self, later: list[str]) -> str:
        titles = {s.id: s.title for s in self.session.questionnaire.sections}
        return f"Next: {titles[later[0]]} \u2192" if later else "Export the policy"

    def _fix_next_width(self) -> None:
        """Give the Next button the width of its longest label, once: a width that followed
        the label changed on nearly every switch of section, and Textual lays the whole screen
        out a second time when a widget's size changes in a layout."""
        button = part(self, FormButton, "#next")
        labels = [self._next_label([s.id]) for s in self.session.questionnaire.sections]
        widest = max(cell_len(label) for label in [*labels, self._next_label([])])
        button.styles.width = widest + button.styles.gutter.width

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self._place_side()
        if self.preview_stale:
            self.redraw_preview()

    # -- sections and questions ---------------------------------------------------------

    def visible_sections(self) -> list[str]:
        shown = {key.split(".", 1)[0] for key in self.session.visible()}
        return [s.id for s in self.session.questionnaire.sections if s.id in shown]

    async def show_section(self, section_id: str, focus: str | None = None) -> None:
        """Show `section_id`'s questions (its page, built the first time) and focus one of
        them at once: keys already on their way land in it."""
        self.section_id = section_id
        form = part(self, Form)
        session = self.session
        page = await self._page(form, section_id)
        for other in self._pages.values():
            if other.display != (other is page):
                other.display = other is page
        sections = self.visible_sections()
        later = sections[sections.index(section_id) + 1:] if section_id in sections else []
        button = part(self, FormButton, "#next")
        button.label = self._next_label(later)
        button.leads_to_answer = bool(later)
        self._apply_visibility()
        self._refresh_sidebar(now=not self._redrafts.running)  # no answer changed
        form.scroll_home(animate=False, immediate=True)  # before any scroll to the focus
        target = focus if focus and self._shown(focus) else next(
            (k for k in session.visible() if k.startswith(f"{section_id}.")), None)
        self.key = None  # a question focused now is entered afresh (see `watch_focused`)
        before = self.focused
        if session.read_only:  # an example to look through: its fields are made disabled
            self._remember(target)
            self.set_focus(part(self, SectionList))
        elif target is not None:
            self.field_of(target).focus_answer(at_once=True)
        else:
            self._remember(None)
        if self.focused is before:  # no change of focus for `watch_focused` to follow
            self.watch_focused(self.focused)
        self.build_ahead()  # the pages not yet built, from the next one on

    def _shown(self, key: str) -> bool:
        return key.startswith(f"{self.section_id}.") and key in self.session.visible()

    def _apply_visibility(self) -> None:
        """Show exactly the visible questions; hidden ones keep their widgets and values.
        Asked on every key: it does nothing unless the visible questions changed or a field
        was mounted since, and it looks at the pages' own children, not at every
        widget on the screen (the query walked the preview's too:
        nearly half of `take_answer`)."""
        visible = frozenset(self.session.visible())
        if visible == self._visibility:
            return
        self._visibility = visible
        for page in self._pages.values():
            for field in page.children:
                if isinstance(field, QuestionField) and field.display != (field.key in visible):
                    field.display = field.key in visible

    def _remember(self, key: str | None) -> None:
        self.key = key
        self._show_help(key)
        self.session.save_position(Position(self.section_id, key))

    def _show_help(self, key: str | None) -> None:
        entry, session = self.session.questionnaire.entries.get(key or ""), self.session
        self._set_help(question_help(entry.question, session.suggested(entry.key) and (
            session.value(entry.key))) if entry else "Answers are saved as you type.")

    def _set_help(self, text: str) -> None:
        panel = part(self, HelpPanel, "#help")
        if panel.text != text:  # its height is fixed (app.tcss): the form keeps its size
            panel.update(text)

    # -- messages from widgets ------------------------------------------------------------

    def watch_focused(self, focused: Widget | None) -> None:
        """Every focus change, as Textual makes it: the help and the current question follow
        the focus (a question's help inside it, Next's or the sections' outside), and whatever
        takes the focus is kept in view once drawn (a field can grow as it is focused: its
        suggestion or "Saved as" line). Followed through the focus events and a message from
        the field, a burst of Tabs out of a vendor row (Remove, "+ Add", the next question)
        put the vendors back as the current question, with their help, after the next one's
        had come: each event came round through its own widgets' queues, and the buttons'
        had more of them (the terminal trial; the owner, reading that help, answered the
        question after the focused one)."""
        if focused is None:
            return
        field = next((a for a in focused.ancestors_with_self if isinstance(a, QuestionField)),
                     None)
        if field is None:
            text = help_for(focused)
            if text:
                self._set_help(text)
        elif self._shown(field.key):  # not a field of a section hidden or replaced since
            if field.key != self.key:
                self.entered(field.key)
                self._remember(field.key)
            else:  # back from a button: the question's help again
                self._show_help(field.key)
            preview = part(self, PolicyPreview)  # in its own loop: see `PolicyPreview.offer`
            preview.call_later(preview.follow, self.feeds.get(field.key, []))
        keep_in_view_soon(self)

    def on_question_field_answered(self, message: QuestionField.Answered) -> None:
        message.stop()
        self.take_answer(message.key, message.value)

    def take_answer(self, key: str, value: Any) -> None:
        """Record and save an answer, called by its field as it changes (not queued)."""
        # Kept here, before the screen is drawn again: a key on screen is a key on disk (in a
        # thread the write lagged the echo, and kill -9 lost 4 of 20 answers shown).
        changed, error = self.answer(key, value)  # remembered for undo
        if not changed:
            return
        self.keep()
        if error is None and key in self.session.missing():
            error = MISSING
        field = self.field_of(key)
        field.set_class(self.session.suggested(key), "-suggested")
        self._show_help(key)  # a list's suggested ticks named there: no longer once changed
        field.show_error(error, self._unoffered(key))
        field.show_saved(self.session.stored_note(key), self.session.value(key))
        self._apply_visibility()
        self.offer_options(key)
        self._refresh_sidebar()
        self.redraw_preview()

    def keep(self) -> None:
        """Make the answers changed so far outlive the app (journaled now); the answers file
        is written once the owner pauses."""
        self.session.keep()
        self._saves.ask()

    async def on_section_list_chosen(self, message: SectionList.Chosen) -> None:
        message.stop()
        await self.show_section(message.section_id)

    async def on_notes_list_chosen(self, message: NotesList.Chosen) -> None:
        message.stop()
        await self.jump_to_note(message.note)

    async def next_or_export(self) -> None:
        """The form's last button: the next section or, on the last one, the export."""
        if not await self._step(1):
            self.action_export()

    # -- actions --------------------------------------------------------------------------

    async def action_next_section(self) -> None:
        # Not an export: a key held down past the last section must not write files.
        if not await self._step(1):
            self.notify("This is the last section. F8 exports the policy.")

    async def action_previous_section(self) -> None:
        if not await self._step(-1):
            self.notify("This is the first section.")

    async def _step(self, by: int) -> bool:
        """Open the section `by` places on among those shown; False if there is none."""
        sections = self.visible_sections()
        index = sections.index(self.section_id) if self.section_id in sections else 0
        if not 0 <= index + by < len(sections):
            return False
        self._show_side(False)
        await self.show_section(sections[index + by])
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """"Edit a copy" is offered (in the footer and palette) only on a read-only example."""
        if action == "edit_copy":
            return self.session.read_only  # False hides it
        return super().check_action(action, parameters)

    async def action_edit_copy(self) -> None:
        """Copy the example into the current folder and go on editing the copy."""
        if not self.session.read_only:
            return
        try:
            path = copy_example(self.session.path, example_copies(self.session.path, Path.cwd()),
                                self.session.questionnaire)
        except (OSError, UserError) as exc:
            self.notify(f"Could not copy the example: {exc}", severity="error")
            return
        await self.app.open_editor(Session.open(  # type: ignore[attr-defined]
            self.session.project, path, str(path)))
        self.app.notify(f"Your copy is {path}. Answers are saved as you type.")

    def action_export(self) -> None:
        from drafter.app.screens.export import run_export

        run_export(self, self.session, self.out_dir)

