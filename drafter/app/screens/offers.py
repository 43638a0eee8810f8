"""A question's field as the editor builds it, with the options it offers: an option may be
offered only while a condition on the answers holds (its `when` in the questionnaire), so the
editor draws a list again when what it offers changes, and warns under one whose answer holds
an option no longer offered (kept as given, never dropped)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drafter.app.widgets.fields import QuestionField, unoffered_note
from drafter.preview import record_catalog

if TYPE_CHECKING:
    from drafter.app.widgets.pages import SectionPage
    from drafter.editing import Session
    from drafter.questionnaire import Entry


class Offers:
    """Mixed into the editor screen (before its other bases)."""

    if TYPE_CHECKING:
        session: Session
        _pages: dict[str, SectionPage]

        async def redraw_field(self, field: QuestionField) -> QuestionField: ...
        def call_later(self, callback: Any, *args: Any) -> bool: ...

    def _field(self, entry: Entry) -> QuestionField:
        """A question's field, showing the session's answer, its problem and the options it
        offers now (disabled in a read-only session)."""
        catalog = record_catalog(self.session.project, entry) if entry.question.type == (
            "records") else None
        key = entry.key
        hidden = self.session.answers().hidden_options.get(key, frozenset()) if (
            entry.option_conditions) else frozenset()
        field = QuestionField(entry, self.session.value(key), self.session.errors.get(key),
                              catalog, suggested=self.session.suggested(key), hidden=hidden,
                              warning=self._unoffered(key))
        field.disabled = self.session.read_only  # even on a page built ahead, not yet shown
        return field

    def _unoffered(self, key: str) -> str | None:
        """The warning for an answer holding options its `when` no longer offers."""
        entry = self.session.questionnaire.entry(key)
        return unoffered_note(entry.question, self.session.answers().unoffered().get(
            key)) if entry.option_conditions else None

    def offer_options(self, changed: str | None = None) -> None:
        """Draw again each list whose options offered changed with the answers (an option's
        `when`); `changed`, the one answer that changed, if that is all."""
        if changed is not None and changed not in self.session.questionnaire.option_names:
            return
        hidden = self.session.answers().hidden_options
        for page in self._pages.values():
            for field in page.children:
                if isinstance(field, QuestionField) and field.entry.option_conditions and (
                        field.hidden != hidden.get(field.key, frozenset())):
                    field.hidden = hidden.get(field.key, frozenset())  # asked once
                    self.call_later(self.redraw_field, field)


__all__ = ["Offers"]
