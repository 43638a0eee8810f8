"""The form's pages: one container per section, built the first time it is shown and kept.

Switching section then only hides one page and shows another (no widgets are built, styled or
removed), and focus moves at once, so keys typed just after a switch land in the new field.
A page whose answers changed on disk while it was hidden is built again when next shown.
"""

from __future__ import annotations

from textual.containers import Vertical


class SectionPage(Vertical):
    """One section's title, intro and question fields."""

    DEFAULT_CSS = "SectionPage { height: auto; }"

    def __init__(self, section_id: str) -> None:
        super().__init__(id=f"page-{section_id}", classes="section-page")
        self.section_id = section_id
