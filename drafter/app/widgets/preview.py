"""The live preview: the policy as the Markdown exporter writes it, one section at a time.

It shows the policy section holding the clause the current question feeds (the exporter
marks each clause with `<!-- clause: ID (path) -->`), one Markdown widget per clause, and
re-renders only clauses whose text changed: a whole policy of Markdown widgets costs a
second of layout per keystroke, one section costs a few milliseconds.
"""

from __future__ import annotations

import asyncio
import re

from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from drafter.export.markdown import to_markdown
from drafter.review import Draft

_SECTION = re.compile(r"^(?=## )", re.MULTILINE)
_CLAUSE_MARK = re.compile(r"^<!-- clause: (\S+) \(.*?\) -->\n", re.MULTILINE)


def split_policy(draft: Draft) -> dict[str, list[tuple[str, str]]]:
    """Per policy section id (and "head" for the title and contents): its (block id, Markdown)
    blocks, the section heading first, then one block per clause."""
    chunks = _SECTION.split(to_markdown(draft))
    ids = [s.id for s in draft.policy.sections]
    head, sections = "".join(chunks[:-len(ids)] if ids else chunks), chunks[-len(ids):]
    found: dict[str, list[tuple[str, str]]] = {"head": [("head", head)]}
    for section_id, chunk in zip(ids, sections if ids else [], strict=True):
        parts = _CLAUSE_MARK.split(chunk)
        found[section_id] = [(f"{section_id}:heading", parts[0]),
                             *zip(parts[1::2], parts[2::2], strict=True)]
    return found


class PolicyPreview(VerticalScroll):
    """One section of the assembled policy; `show` updates it, `follow` picks the section."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.policy: dict[str, list[tuple[str, str]]] = {}
        self.clause_section: dict[str, str] = {}
        self.section = "head"
        self.blocks: dict[str, tuple[str, Markdown]] = {}
        self.current: str | None = None
        self._drawing = asyncio.Lock()

    async def show(self, draft: Draft | None, problem: str = "") -> None:
        if draft is None:
            self.policy = {}
            async with self._drawing:
                await self.remove_children()
                self.blocks.clear()
                await self.mount(Static(f"The preview appears once the policy can be drafted: "
                                        f"{problem}", classes="preview-problem"))
            return
        self.policy = split_policy(draft)
        self.clause_section = {c.id: s.id for s in draft.policy.sections for c in s.clauses}
        if self.current in self.clause_section:
            self.section = self.clause_section[self.current]
        await self._draw()

    async def _draw(self) -> None:
        """Bring the widgets in line with `policy`, `section` and `current`. Serialised: a
        redraw and a follow can both be under way, and must not both remount."""
        async with self._drawing:
            await self._draw_now()

    async def _draw_now(self) -> None:
        section = self.section if self.section in self.policy else "head"
        blocks = self.policy.get(section, [])
        if [i for i, _ in blocks] != list(self.blocks):
            await self.remove_children()
            self.blocks = {i: (text, Markdown(text, classes="clause")) for i, text in blocks}
            await self.mount_all([widget for _, widget in self.blocks.values()])
        else:
            for block_id, text in blocks:
                old, widget = self.blocks[block_id]
                if old != text:
                    await widget.update(text)
                    self.blocks[block_id] = (text, widget)  # `text()` now shows it
        for block_id, (_, widget) in self.blocks.items():
            widget.set_class(block_id == self.current, "-current")
        if self.current in self.blocks:
            self.scroll_to_widget(self.blocks[self.current][1], animate=False, top=True)

    def text(self) -> str:
        """The Markdown shown (for tests and the benchmark)."""
        return "".join(text for text, _ in self.blocks.values())

    async def follow(self, clause_ids: list[str]) -> None:
        """Show the section of the first of these clauses that is in the draft, at that clause."""
        self.current = next((c for c in clause_ids if c in self.clause_section), None)
        if self.current is not None:
            self.section = self.clause_section[self.current]
        await self._draw()

    async def follow_section(self, section: str | None) -> None:
        """Show a policy section (a note's anchor), if the draft has it."""
        self.current = None
        self.section = section or "head"
        await self._draw()
