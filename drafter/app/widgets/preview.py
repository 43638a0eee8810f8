"""The live preview: the whole policy as the Markdown exporter writes it, section by section.

Every section of the policy is listed as a collapsible part; the part holding the clause the
current question feeds is open, at that clause, and any other can be opened by hand. Only
open parts are drawn, one Markdown widget per clause, and a redraw replaces only clauses
whose text changed: Markdown widgets for a whole policy cost about a second of layout per
keystroke, an open section a few milliseconds.

Nothing is drawn before the clause library has loaded (after the first screen is up), so
Textual's Markdown widget and the exporter are imported only then.

Every change to the preview's widgets happens in the preview's own message loop (`offer`,
`follow` and `follow_section` are queued there with `call_later`), never in a worker or
another widget's handler that can be cancelled: cancelling a task that awaits a removal
cancels the message loops of the widgets being removed, and the app's own wait on that
removal then ends the app (the "Session ended" crash while typing with the preview on).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on
from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Static

if TYPE_CHECKING:
    from textual.widgets import Markdown

    from drafter.document.model import Policy
    from drafter.document.tree import Part as Block


def policy_parts(policy: Policy) -> tuple[str, dict[str, str], dict[str, list[Block]]]:
    """The header's Markdown, each section's title, and each section's blocks (its clauses;
    the title is the part's own label). The text is the exporter's, without reviewer
    markers: the notes pane lists the notes."""
    from drafter.document.tree import Part as Block
    from drafter.document.tree import parts as markdown_parts

    head, titles, parts = "", {}, {}
    for block in markdown_parts(policy):
        if block.id == "head":  # the contents are left out: the parts' titles list them
            head = block.text.strip()
        elif block.section is not None and block.id == block.section:
            title, _, rest = block.text.partition("\n")
            titles[block.section] = title.removeprefix("## ")
            parts[block.section] = [Block(block.section, block.id, rest.strip())] if rest else []
        elif block.section is not None:
            parts[block.section].append(block)
    return head, titles, parts


class PolicyPreview(VerticalScroll):
    """The assembled policy; `show` updates it, `follow` opens the current clause's section."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.head = ""
        self.parts: dict[str, list[Block]] = {}
        self.clause_section: dict[str, str] = {}
        self.current: str | None = None
        self.opened: str | None = None  # the section `follow` opened (it closes it again)
        self.drawn: dict[str, dict[str, tuple[str, Markdown]]] = {}  # open sections' widgets
        self.head_widget: Markdown | None = None
        self._drawing = asyncio.Lock()
        self._offered: tuple[Policy | None, str, str | None] | None = None

    def offer(self, policy: Policy | None, problem: str, current: str | None) -> None:
        """Show this draft once the preview's loop gets to it; a newer offer made meanwhile
        replaces it (a burst of keys draws once, the latest)."""
        waiting = self._offered is not None
        self._offered = (policy, problem, current)
        if not waiting:
            self.call_later(self._take_offer)

    async def _take_offer(self) -> None:
        if self._offered is None:
            return
        policy, problem, current = self._offered
        self._offered = None
        self.current = current
        await self.show(policy, problem)

    async def show(self, policy: Policy | None, problem: str = "") -> None:
        async with self._drawing:
            if policy is None:
                self.parts, self.drawn, self.head_widget = {}, {}, None
                await self.remove_children()
                await self.mount(Static(f"The preview appears once the policy can be drafted: "
                                        f"{problem}", classes="preview-problem"))
                return
            head, titles, parts = policy_parts(policy)
            self.clause_section = {b.id: s for s, blocks in parts.items() for b in blocks}
            if self.head_widget is None or list(parts) != list(self.parts):
                await self._rebuild(head, titles, parts)
            else:
                self.parts = parts
                if head != self.head:
                    self.head = head
                    await self.head_widget.update(head)
                for section_id, title in titles.items():
                    self._part(section_id).title = title
            await self._open(self.clause_section.get(self.current or ""))
            for section_id in list(self.drawn):
                await self._draw(section_id)
            self._mark_current()

    async def _rebuild(self, head: str, titles: dict[str, str],
                       parts: dict[str, list[Block]]) -> None:
        """Sections came or went: list them all again, closed."""
        from textual.widgets import Markdown

        self.head, self.parts, self.drawn, self.opened = head, parts, {}, None
        await self.remove_children()
        self.head_widget = Markdown(head, id="preview-head")
        await self.mount_all([
            self.head_widget,
            *(Collapsible(title=titles[s], collapsed=True, id=f"part-{s}") for s in parts),
        ])

    def _part(self, section_id: str) -> Collapsible:
        return self.query_one(f"#part-{section_id}", Collapsible)

    async def _open(self, section_id: str | None) -> None:
        """Open `section_id` (closing the section an earlier `follow` opened) and draw it."""
        if section_id is None or section_id not in self.parts:
            return
        if self.opened not in (None, section_id) and self.opened in self.parts:
            self._part(self.opened).collapsed = True
            self.drawn.pop(self.opened, None)
        self.opened = section_id
        self._part(section_id).collapsed = False
        await self._draw(section_id)

    async def _draw(self, section_id: str) -> None:
        """Bring an open section's clause widgets in line with its blocks."""
        from textual.widgets import Markdown

        blocks = [(b.id, b.text) for b in self.parts.get(section_id, [])]
        drawn = self.drawn.get(section_id)
        contents = self._part(section_id).query_one(Collapsible.Contents)
        if drawn is None or [i for i, _ in blocks] != list(drawn):
            await contents.remove_children()
            drawn = {i: (text, Markdown(text, classes="clause")) for i, text in blocks}
            await contents.mount_all([widget for _, widget in drawn.values()])
            self.drawn[section_id] = drawn
            return
        for block_id, text in blocks:
            old, widget = drawn[block_id]
            if old != text:
                await widget.update(text)
                drawn[block_id] = (text, widget)  # `text()` now shows it

    def _mark_current(self) -> None:
        for drawn in self.drawn.values():
            for block_id, (_, widget) in drawn.items():
                widget.set_class(block_id == self.current, "-current")

    def _bring_to_top(self, block_id: str | None) -> None:
        """Bring the current clause (or, failing that, its section) to the top."""
        section_id = self.clause_section.get(block_id or "", block_id)
        drawn = self.drawn.get(section_id or "", {})
        if block_id in drawn:
            target = drawn[block_id][1]
        elif section_id in self.parts:
            target = self._part(section_id)
        else:
            return
        self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=True)

    @on(Collapsible.Expanded)
    async def _opened_by_hand(self, event: Collapsible.Expanded) -> None:
        section_id = (event.collapsible.id or "").removeprefix("part-")
        if section_id in self.parts and section_id not in self.drawn:
            async with self._drawing:
                await self._draw(section_id)
                self._mark_current()

    @on(Collapsible.Collapsed)
    def _closed_by_hand(self, event: Collapsible.Collapsed) -> None:
        """A closed section is not kept up to date; opening it draws it afresh."""
        self.drawn.pop((event.collapsible.id or "").removeprefix("part-"), None)

    def text(self) -> str:
        """The Markdown shown: the header and the open sections (for tests and the benchmark)."""
        return "\n\n".join([self.head, *(text for drawn in self.drawn.values()
                                         for text, _ in drawn.values())])

    async def follow(self, clause_ids: list[str]) -> None:
        """Open the section of the first of these clauses that is in the draft, at that clause."""
        async with self._drawing:
            self.current = next((c for c in clause_ids if c in self.clause_section), None)
            await self._open(self.clause_section.get(self.current or ""))
            self._mark_current()
            self._bring_to_top(self.current)

    async def follow_section(self, anchor: str | None) -> None:
        """Show where a note is anchored: a clause, or a whole section."""
        async with self._drawing:
            self.current = anchor if anchor in self.clause_section else None
            await self._open(self.clause_section.get(anchor or "", anchor))
            self._mark_current()
            self._bring_to_top(anchor)
