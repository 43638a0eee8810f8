"""The editor's side pane: the live preview and the notes on the draft, drafted off the typing
path, and the keys that show them.

`SidePane` is a base of the editor screen (like `KeysScreen`, whose base it is); it works
through the editor's own state (the session, which clauses each question feeds, the question
in focus) and draws only the preview, the notes list and the sidebar's marks.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import TabbedContent

from drafter.preview import preview_policy
from drafter.app.drafting import Redrafts
from drafter.app.screens.keys import KeysScreen
from drafter.app.screens.parts import part
from drafter.app.widgets.boxes import AnswerArea, AnswerBox
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.widgets.in_view import keep_in_view
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.preview import PolicyPreview
from drafter.app.widgets.progress import Progress
from drafter.app.widgets.sidebar import SectionList, added_notice

if TYPE_CHECKING:  # the review stage loads after the first screen is up
    from drafter.document.model import Note

NOTES_DELAY = 1.0
"""Seconds of quiet (since the last change) before drafting while the preview is hidden and
text is being typed: the notes (for the sidebar's marks and the counsel figure) can wait for a
pause, and typing then never shares the processor with a draft. Any other change (a choice, a
tick, an undo) is drafted at once: its notes came 1.5 s after "Answered N of M" had changed
(trial 16), a key that is not followed by a burst of others."""


class SidePane(KeysScreen):
    """The preview and notes beside (or, on narrow screens, instead of) the form."""

    BINDINGS = [Binding("escape", "close_side", "Back to the questions from the preview or notes",
                        show=False, priority=True)]

    _focus_before_side: Widget | None = None  # what had the focus when the pane was shown
    _typed_since_draft = False  # a draft was asked for text typed (see `redraw_preview`)

    if TYPE_CHECKING:  # provided by the editor screen
        feeds: dict[str, list[str]]
        key: str | None
        showing_side: bool
        preview_stale: bool
        _redrafts: Redrafts
        section_id: str

    async def jump_to_note(self, note: Note) -> None:
        """Go to the question that resolves a note, or else show its place in the preview."""
        key = note.resolves_by
        if key and key in self.session.visible():
            self._show_side(False)
            await self.show_section(key.split(".", 1)[0], key)
            return
        self.query_one("#side", TabbedContent).active = "preview-tab"
        self._show_side(True)
        preview = self.query_one(PolicyPreview)
        preview.call_later(preview.follow_section, note.anchor)

    # -- preview --------------------------------------------------------------------------

    def redraw_preview(self, typing: bool | None = None) -> None:
        """Draft the policy from the current answers and show it and the notes on it, off the
        typing path (see `Redrafts`: a burst of keys drafts at most twice). `typing`: the
        change is text typed (None: whether a text box has the focus), and the draft may wait
        for a pause (`_draft`)."""
        if typing or (typing is None and isinstance(self.focused, (AnswerBox, AnswerArea))):
            self._typed_since_draft = True
        self._redrafts.ask()

    async def _draft(self) -> None:
        """One draft. While the pane is hidden (narrow terminals) the text is not drawn and
        the drafting waits for a pause in the typing: only the notes are needed then, for the
        sidebar's marks. Showing the pane draws the text."""
        try:  # the parts found once: a query walked every page built ahead (~1,150 widgets)
            preview, notes = part(self, PolicyPreview), part(self, NotesList)
            sidebar, progress = part(self, SectionList), part(self, Progress)
        except NoMatches:  # the app is closing: its widgets are already gone
            return
        hidden = self.has_class("-narrow") and not self.showing_side
        self.preview_stale = hidden
        typed, self._typed_since_draft = self._typed_since_draft, False
        if hidden and typed:  # a second after the last key, not the first: typing goes on
            await self._redrafts.quiet(NOTES_DELAY)
        project = self.session.project
        found = await asyncio.to_thread(preview_policy, project, dict(self.session.valid))
        if not (preview.is_attached and notes.is_attached):  # the app closed meanwhile
            return
        if not hidden:  # drawn in the preview's own loop, which nothing cancels
            preview.offer(found.policy, found.problem,
                          next(iter(self.feeds.get(self.key or "", [])), None))
        if found.policy is not None:  # the words first, then the notes on them
            drafted = await asyncio.to_thread(project.review, found.policy, found.answers)
            # the screen may have been taken down while the review ran (F3 opening the copy,
            # the app closing): its widgets are then going, whichever is asked for
            if not all(widget.is_attached for widget in (self, notes, sidebar, progress)):
                return
            notes.show(drafted)
            sidebar.blocked = {n.resolves_by.split(".", 1)[0] for n in drafted
                               if n.owner_blocking and n.resolves_by}
            sidebar.asked = {n.resolves_by.split(".", 1)[0] for n in drafted
                             if n.for_counsel and n.resolves_by}
        self._refresh_sidebar(now=True)

    def _refresh_sidebar(self, now: bool = False) -> None:
        """The sections' counts and marks, and the standing under them. The marks (`!`, `?`),
        the figure for counsel and the blocking notes come from the notes on a draft, the
        counts from the answers: while a draft is on its way (text typed is drafted after a
        pause) "Answered" moved at once and the rest a second or more later, so the owner
        read what was left for them and for counsel wrong. So, once shown, they wait for the
        draft (`_draft` refreshes them `now`) and change in one refresh; the sections'
        highlight follows the section shown at once. `now` also where no answer changed and
        no draft is on its way (a section shown: put off, its refresh laid the screen out a
        second time). Nothing here is drafted on a key."""
        sidebar = part(self, SectionList)
        if not now and part(self, Progress).shown is not None:
            sidebar.highlight(self.section_id)
            self.call_later(self._refresh_unless_drafting)  # an answer asks a draft next
            return
        sidebar.refresh_progress(self.session, self.section_id)
        self.refresh_standing()

    def on_section_list_added(self, message: SectionList.Added) -> None:
        """An answer added sections to the list: name them, where they are and how to go
        there (the new-owner trials: ticking "kiosks" added "Your kiosks" without a word)."""
        message.stop()
        listed = part(self, SectionList).listed or []
        added = [section for section in message.sections if section in listed]
        if added:  # (not taken away again meanwhile)
            self.notify(added_notice(self.session, added, self.section_id, listed),
                        title="A new section" if len(added) == 1 else "New sections",
                        timeout=15)

    def _refresh_unless_drafting(self) -> None:
        """The refresh put off by `_refresh_sidebar`, made now unless a draft is on its way:
        after an answer one is (asked just after the refresh), and it refreshes them itself;
        after a section is shown, none may be."""
        if not self._redrafts.running:
            self._refresh_sidebar(now=True)

    # -- showing it --------------------------------------------------------------------------

    def _show_side(self, show: bool) -> None:
        """Show or hide the preview/notes pane (at narrow sizes it takes the form's place).
        Hiding it gives the focus back to the question shown before, only if the pane had
        taken the form's place, and at once: a focus left for later moved it back to the
        question just left after Next had opened the next section, and the keys typed there
        went into the previous question."""
        was_shown, self.showing_side = self.showing_side, show
        if show and not was_shown:
            self._focus_before_side = self.focused
        self._place_side()
        if show and self.preview_stale:
            self.redraw_preview()
        if self.has_class("-narrow"):
            if show:
                self.set_focus(self.query_one("#side", TabbedContent).query_one("ContentTabs"))
            elif was_shown:
                self._focus_back()

    def _focus_back(self) -> None:
        """The pane that covered the form is gone: the focus goes back to the widget that had
        it before (Next, the sections; trial 16: Escape put it on the last question), if it
        is still on screen; else to the question shown before."""
        back, self._focus_before_side = self._focus_before_side, None
        side = part(self, Widget, "#side")
        if (back is not None and back.is_attached and back.can_focus and not back.disabled
                and side not in back.ancestors
                and all(node.display for node in back.ancestors_with_self
                        if isinstance(node, Widget))):
            self.set_focus(back, scroll_visible=False)
            self.call_after_refresh(keep_in_view, self)
        elif self.key:
            self.query_one(f"#{field_id(self.key)}", QuestionField).focus_answer(at_once=True)

    def _place_side(self) -> None:
        """Show the pane beside the form, or (narrow) in its place while it is shown. Set on
        the two columns themselves, not as a class of the screen: a screen's class restyles
        every widget under it, every kept page's (1.5 s of CPU per F4 on the largest
        example)."""
        narrow = self.has_class("-narrow")
        part(self, Widget, "#side").display = not narrow or self.showing_side
        part(self, Widget, "#form-column").display = not (narrow and self.showing_side)

    def _toggle_tab(self, tab: str) -> bool:
        """Show `tab` of the side pane; pressed again on a narrow screen, back to the form.
        Returns whether the tab is now shown."""
        tabs = self.query_one("#side", TabbedContent)
        if self.has_class("-narrow") and self.showing_side and tabs.active == tab:
            self._show_side(False)
            return False
        tabs.active = tab
        self._show_side(True)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape closes the pane only where it covers the form (on a phone only F2 or F4
        again did); elsewhere the key is left to the rest (None: not run, still in F1)."""
        if action == "close_side":  # beside the form (wide), Escape leaves the pane's focus
            focused = self.focused
            inside = focused is not None and part(self, Widget, "#side") in focused.ancestors
            return True if self.showing_side and (self.has_class("-narrow") or inside) else None
        return super().check_action(action, parameters)

    def action_close_side(self) -> None:
        """Covering the form, the pane closes; beside it (browser trial 16, 1280x800: the notes'
        help said Escape goes back, and it did nothing), the focus goes back and it stays."""
        if self.has_class("-narrow"):
            self._show_side(False)
        else:
            self._focus_back()

    def action_toggle_preview(self) -> None:
        self._toggle_tab("preview-tab")

    def action_show_notes(self) -> None:
        before = self.focused
        if self._toggle_tab("notes-tab"):
            if before is not None and part(self, Widget, "#side") not in before.ancestors:
                self._focus_before_side = before  # where Escape gives it back
            self.set_focus(self.query_one(NotesList))  # now: keys behind F4 go to the notes
