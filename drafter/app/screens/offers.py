"""A question's field as the editor builds it, with the options it offers: an option may be
offered only while a condition on the answers holds (its `when` in the questionnaire), so the
editor draws a list again when what it offers changes, and warns under one whose answer holds
an option no longer offered (kept as given, never dropped). A suggested answer may follow
other answers too (`default_when`): a field is drawn again when the suggestion it shows is no
longer the one the core makes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches

from drafter.app.widgets.fields import QuestionField, field_id, unoffered_note
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
        `when`), `changed` being the one answer that changed, if that is all; and each field
        whose suggested answer changed with them (`shows_suggestion`)."""
        stale = [field for field in self._suggesting() if not self.shows_suggestion(field)]
        if changed is None or changed in self.session.questionnaire.option_names:
            hidden = self.session.answers().hidden_options
            for page in self._pages.values():
                for field in page.children:
                    if isinstance(field, QuestionField) and field.entry.option_conditions and (
                            field.hidden != hidden.get(field.key, frozenset())):
                        field.hidden = hidden.get(field.key, frozenset())  # asked once
                        stale.append(field)
        for field in stale:
            self._redraw_later(field)

    def _suggesting(self) -> list[QuestionField]:
        """The fields built so far whose suggestion reads other answers (`default_when`)."""
        found = []
        for key in self.session.answers().read_suggestions:
            page = self._pages.get(key.split(".", 1)[0])
            if page is not None:
                try:
                    found.append(page.get_child_by_id(field_id(key), QuestionField))
                except NoMatches:  # not built yet: built from the answers as they are then
                    pass
        return found

    def shows_suggestion(self, field: QuestionField) -> bool:
        """Whether `field` shows the suggestion the core makes now for its question, if it is
        unanswered: the choice pressed or the ticks, and the "Suggested answer" line. A
        suggestion may follow other answers (`default_when`): a field built before one of
        them changed showed what it had then (trial 16: "Suggested … No" for staff, once
        the owner had said 42 people work there, and Enter wrote nothing)."""
        key = field.key
        if key in self.session.raw:  # answered: a suggestion is not shown
            return True
        return (field.has_class("-suggested") == self.session.suggested(key)
                and field.initial == self.session.value(key))

    def _redraw_later(self, field: QuestionField) -> None:
        """Draw `field` again once the screen's queue gets to it; once, however often asked
        meanwhile (each key asks)."""
        queued: set[QuestionField] = self.__dict__.setdefault("_redraws", set())
        if field not in queued:
            queued.add(field)
            self.call_later(self._redraw_queued, field)

    async def _redraw_queued(self, field: QuestionField) -> None:
        self.__dict__.setdefault("_redraws", set()).discard(field)
        if field.is_attached:  # not removed with its page (answers changed on disk)
            await self.redraw_field(field)


__all__ = ["Offers"]
