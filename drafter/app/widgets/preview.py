"""The live preview: the policy as the Markdown exporter writes it, one block per section.

Each policy section is its own Markdown widget, and only sections whose text changed are
re-rendered, so a keystroke costs one section's render rather than the whole policy's.
"""

from __future__ import annotations

import re

from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from drafter.export.markdown import to_markdown
from drafter.review import Draft

_SECTION_START = re.compile(r"^(?=## )", re.MULTILINE)
_CLAUSE_COMMENT = re.compile(r"^<!-- clause: .*? -->\n", re.MULTILINE)


def split_sections(draft: Draft) -> list[tuple[str, str]]:
    """(block id, Markdown) for the heading block and each policy section, in order."""
    chunks = _SECTION_START.split(_CLAUSE_COMMENT.sub("", to_markdown(draft)))
    ids = ["head", "contents", *[s.id for s in draft.policy.sections]]
    if len(chunks) != len(ids):  # a clause with its own `## ` heading: one block then
        return [("all", "".join(chunks))]
    return list(zip(ids, chunks, strict=True))


class PolicyPreview(VerticalScroll):
    """The assembled policy; `show` updates it, `follow` scrolls to a clause's section."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.blocks: dict[str, tuple[str, Markdown]] = {}
        self.clause_section: dict[str, str] = {}

    async def show(self, draft: Draft | None, problem: str = "") -> None:
        if draft is None:
            await self.remove_children()
            self.blocks.clear()
            await self.mount(Static(f"The preview appears once the policy can be drafted: "
                                    f"{problem}", classes="preview-problem"))
            return
        self.clause_section = {c.id: s.id for s in draft.policy.sections for c in s.clauses}
        sections = split_sections(draft)
        if [i for i, _ in sections] != list(self.blocks):
            await self.remove_children()
            self.blocks = {i: (text, Markdown(text, id=f"p-{i}")) for i, text in sections}
            await self.mount_all([widget for _, widget in self.blocks.values()])
            return
        for block_id, text in sections:
            old, widget = self.blocks[block_id]
            if old != text:
                self.blocks[block_id] = (text, widget)
                await widget.update(text)

    def follow(self, clause_ids: list[str]) -> None:
        """Scroll to (and mark) the section holding the first of these clauses in the draft."""
        self.follow_section(next((self.clause_section[c] for c in clause_ids
                                  if c in self.clause_section), None))

    def follow_section(self, section: str | None) -> None:
        for block_id, (_, widget) in self.blocks.items():
            widget.set_class(block_id == section, "-current")
        if section is not None:
            self.scroll_to_widget(self.blocks[section][1], animate=False, top=True)
