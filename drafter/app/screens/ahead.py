"""Section pages built ahead of time, a widget at a time while the owner is idle, so that a
section's first visit only shows a page that is already there (issue 15: on the largest
example a first visit cost five times a visited switch, Textual composing and styling some
70 widgets while the owner waited).

`BuildsAhead` is a base of the editor screen. Its pages (`_pages`) are built two ways:

- ahead: one slice mounts one widget (a page with its title, or one question's field) into a
  hidden page, and only when no input is waiting anywhere it would be handled and none has
  come for `QUIET` seconds. A key that arrives while a slice is being mounted is handled at
  the slice's next pause, and no slice starts again until the owner has been quiet for
  `QUIET` seconds: typing never waits behind more than one widget being built.
- on demand: the page of a section being shown is finished (or built) at once.

A page whose answers changed on disk while it was hidden (`_stale`) is built again, ahead of
time as well once the owner has moved on from it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual import events, messages
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label

from drafter import collector
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.screens.drawn import DrawnCompositor
from drafter.app.screens.parts import part
from drafter.app.screens.styled import StyledOnce
from drafter.app.widgets.pages import Form, SectionPage
from drafter.editing import Session
from drafter.questionnaire import Entry

QUIET = 0.4
"""Seconds since the last key, click or paste before a slice is built."""
BETWEEN = 0.01
"""Seconds between slices (the screen draws and takes messages in between)."""
VIRTUAL_SIZE: Reactive[Size] = Widget.__dict__["virtual_size"]
"""Textual's reactive for the size of what a widget holds (see `_refresh_layout`)."""


class BuildsAhead(StyledOnce):
    """Keeps each section's page; builds the ones not yet shown while the owner is idle."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's own (`Screen.focused`, the same value), but a change of focus does not
    repaint the whole screen: Textual restyles and repaints the widgets that lose and gain the
    focus, and a switch of section lays out and draws what it changed. The repaint drew every
    widget on the screen a second time after each switch's layout."""

    if TYPE_CHECKING:  # provided by the editor screen
        session: Session
        section_id: str
        _visibility: frozenset[str] | None

        def visible_sections(self) -> list[str]: ...
        def _field(self, entry: Entry) -> QuestionField: ...
        def _apply_visibility(self) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = DrawnCompositor()  # a layout draws all that moved (see drawn.py)
        self._pages: dict[str, SectionPage] = {}  # each section's form, once shown or begun
        self._stale: set[str] = set()  # sections whose answers changed on disk while hidden
        self._unbuilt: dict[str, list[Entry]] = {}  # questions of pages begun ahead, not mounted
        self._unstyled: dict[str, list[Widget]] = {}  # hidden pages' parts left out of a restyle
        self._building = asyncio.Lock()  # one slice, or one page shown, at a time
        self._last_input = 0.0  # `time.monotonic()` of the last input event the app handled
        self._ahead: Timer | None = None
        self._listening = False
        self.slices = 0  # slices built ahead (counted by the tests)

    def build_ahead(self) -> None:
        """Go on building the pages not yet built (or stale), from the section after the one
        shown; asked at start-up and on every switch of section."""
        if not self._listening:
            self._listening = True
            self.app.message_signal.subscribe(self, self._note_input, immediate=True)
        if self._ahead is None:
            self._ahead = self.set_timer(max(QUIET, BETWEEN), self._slice)

    def _note_input(self, message: Message) -> None:
        """Every message the app has handled: the owner's input puts the slices off."""
        if isinstance(message, (events.InputEvent, events.Paste)):
            self._last_input = time.monotonic()

    def _idle(self) -> bool:
        """No input for `QUIET` seconds, and no message waiting in the app, the screen or the
        focused widget (where a key is handled)."""
        if time.monotonic() - self._last_input < QUIET:
            return False
        app = self.app
        pumps = (app, self, app.focused)
        return all(pump._message_queue.empty() for pump in pumps if pump is not None)

    def _to_build(self) -> str | None:
        """The next section whose page is missing, unfinished or stale, in the order the owner
        would go on from the one shown."""
        sections = self.visible_sections()
        at = sections.index(self.section_id) + 1 if self.section_id in sections else 0
        for section in sections[at:] + sections[:at]:
            if (section not in self._pages or section in self._unbuilt
                    or section in self._unstyled
                    or (section in self._stale and section != self.section_id)):
                return section
        return None

    async def _slice(self) -> None:
        """Build one widget of a page ahead, then ask for the next slice."""
        self._ahead = None
        if not self.is_attached:
            return
        wait = QUIET - (time.monotonic() - self._last_input)
        if wait > 0 or not self.is_current or not self._idle():  # busy, or a dialog on top
            self._ahead = self.set_timer(max(wait, BETWEEN), self._slice)
            return
        async with self._building:
            section = self._to_build()
            if section is None:
                return  # all built: `build_ahead` starts again on the next switch
            await self._build_one(section)
            self.slices += 1
        self._ahead = self.set_timer(BETWEEN, self._slice)

    def _out_of_sight(self, node: DOMNode | None) -> bool:
        """Whether `node` is on (or is) a hidden page that was not laid out when last drawn:
        laying the screen out again or repainting cannot change anything seen (showing the
        page lays it out). Mounting a widget on a page being built ahead asked for both, a
        whole-screen layout every slice."""
        while node is not None and node is not self:
            if isinstance(node, SectionPage):
                return not node.display and node not in self._compositor
            node = node.parent
        return False

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        """Lay the screen out as Textual does, but the virtual sizes the layout gives its
        widgets (the size of what each holds) ask for no layout again: Textual's reactive
        asks for one whenever a widget's changes, and every widget placed for the first time
        changes it from nothing. Each first visit of a section (its page built ahead, never
        placed) so laid the whole screen out a second time, to the same places: half of its
        work. No layout reads a virtual size; the scrollbars and scroll limits that follow
        it are set by the same layout (`_scroll_update`, a scrollbar shown or hidden asking
        for its own), as for the form (`Form.virtual_size`); a list drawn in this pass
        (`OptionList` sets its own as it draws) has its height measured, not read from it.
        A widget measures its height at the width it is given, not the size it last had
        (`Progress`): the second layout had hidden such a miscount."""
        layout, VIRTUAL_SIZE._layout = VIRTUAL_SIZE._layout, False
        try:
            super()._refresh_layout(size, scroll)
        finally:
            VIRTUAL_SIZE._layout = layout

    def _screen_resized(self, size: Size) -> None:
        """Lay the screen out for a new size only: at the size of the last layout nothing
        moves (a change since, a widget mounted or restyled, asked for its own layout). The
        app passes each of its first two resizes (of one size) on to the screen, which laid
        the editor out for each after the layout it was shown with: half of its start-up
        layouts. (Not on the welcome screen: its snapshots differ without the second, some
        widget measured there only at its second layout; not yet found.)"""
        if size != self._compositor.size:
            super()._screen_resized(size)

    async def _on_layout(self, message: messages.Layout) -> None:
        if self._out_of_sight(message.widget):
            message.stop()
            message.prevent_default()  # Textual's handler (the screen's base) is not called

    async def _on_update(self, message: messages.Update) -> None:
        if self._out_of_sight(message.widget):
            message.stop()
            message.prevent_default()

    def update_node_styles(self, animate: bool = True) -> None:
        """Restyle the screen, as Textual asks when the app loses or regains the focus (the
        browser reports both around bursts of keys), a class is set on the screen or a
        dialog over it closes; but not its hidden pages. With every page built (~1150
        widgets on the largest example) each pass took 300-400 ms of the app thread, and the
        key that brought the focus back waited for two (1.5 s in the browser). A hidden page
        is restyled a part at a time while the owner is idle, or at once when shown."""
        hidden = {page for page in self._pages.values() if not page.display}
        if not hidden:
            super().update_node_styles(animate)
            return
        for page in hidden:
            self._unstyled[page.section_id] = [page, *page.children]
        self.app.stylesheet.update_nodes(_walk_except(self, hidden), animate=animate)
        if self.is_attached:
            self.build_ahead()

    def _restyle(self, section_id: str, parts: int | None = None) -> None:
        """Restyle `parts` (all if None) of the parts of `section_id`'s page left out of a
        restyle: the page itself, then one of its children with all inside it, each time."""
        todo = self._unstyled.get(section_id, [])
        while todo and (parts is None or parts > 0):
            part = todo.pop(0)
            if part.is_attached:  # not a field drawn again since
                nodes = [part] if isinstance(part, SectionPage) else part.walk_children(
                    with_self=True)
                self.app.stylesheet.update_nodes(nodes, animate=False)
                parts = None if parts is None else parts - 1
        if not todo:
            self._unstyled.pop(section_id, None)

    async def _build_one(self, section_id: str) -> None:
        """One step of building `section_id`'s page ahead: drop it if stale, begin it (a
        hidden page with the section's title), mount its next question's field, or restyle
        one of its parts."""
        page = self._pages.get(section_id)
        if section_id in self._stale:
            self._stale.discard(section_id)
            self._unbuilt.pop(section_id, None)
            self._unstyled.pop(section_id, None)
            if page is not None:
                del self._pages[section_id]
                await page.remove()
            return
        if page is None:
            page = self._new_page(section_id)
            page.display = False
            self._unbuilt[section_id] = list(
                self.session.questionnaire.section_entries(section_id))
            form = part(self, Form)
            await form.mount(page, before=part(self, Widget, "#next"))
            await page.mount_all(self._heading(section_id))
            return
        if section_id in self._unstyled:
            self._restyle(section_id, 1)
            return
        todo = self._unbuilt.get(section_id)
        if todo:
            await page.mount(self._field(todo.pop(0)))
            self._visibility = None  # shown until this is applied again (at once, below)
            self._apply_visibility()
        if not todo:
            self._unbuilt.pop(section_id, None)
            self._keep_out_of_collections()

    def _keep_out_of_collections(self) -> None:
        """A page is kept to the end: leave its objects (with all else that exists now) out of
        the collector's passes, as the app does with those built at start-up. Each full pass
        otherwise went over every page built so far, while keys waited (hundreds of ms on the
        largest example once its pages were built). Only where the app froze its own at
        start-up (`drafter edit`; an app run in-process by the tests does not)."""
        if getattr(self.app, "gc_paused", False):
            collector.freeze()

    async def _page(self, form: Form, section_id: str) -> SectionPage:
        """The section's page to show now: kept, finished if it was begun ahead, or built now
        if it never was or its answers changed on disk while it was hidden."""
        async with self._building:
            page = self._pages.get(section_id)
            if page is not None and section_id not in self._stale:
                self._restyle(section_id)
                todo = self._unbuilt.pop(section_id, [])
                if todo:
                    await page.mount_all([self._field(entry) for entry in todo])
                    self._visibility = None
                return page
            self._stale.discard(section_id)
            self._unbuilt.pop(section_id, None)
            self._unstyled.pop(section_id, None)
            if page is not None:
                await page.remove()
            page = self._new_page(section_id)
            await form.mount(page, before=part(self, Widget, "#next"))
            await page.mount_all(self._heading(section_id) + [
                self._field(entry)
                for entry in self.session.questionnaire.section_entries(section_id)])
            self._visibility = None  # its fields are all shown until this is applied again
            return page

    def field_of(self, key: str) -> QuestionField:
        """The field of question `key`, shown or kept on its section's page: looked up among
        the page's own children (a query of the screen walked every page built ahead)."""
        page = self._pages.get(key.split(".", 1)[0])
        if page is not None:
            try:
                return page.get_child_by_id(field_id(key), QuestionField)
            except NoMatches:
                pass
        return self.query_one(f"#{field_id(key)}", QuestionField)

    def _new_page(self, section_id: str) -> SectionPage:
        page = self._pages[section_id] = SectionPage(section_id)
        return page

    def _heading(self, section_id: str) -> list[Widget]:
        section = next(s for s in self.session.questionnaire.sections if s.id == section_id)
        widgets: list[Widget] = [Label(section.title, classes="section-title")]
        if section.intro:
            widgets.append(Label(section.intro, classes="section-intro"))
        return widgets


def _walk_except(root: DOMNode, skip: set[SectionPage]) -> Iterator[DOMNode]:
    """`root` and the nodes under it, parents first (as Textual walks them to restyle), leaving
    out those in `skip` and all under them."""
    stack: list[DOMNode] = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed([child for child in node.children if child not in skip]))
