"""A question's field as the editor builds it, with the options it offers: an option may be
offered only while a condition on the answers holds (its `when` in the questionnaire), so the
editor draws a list again when what it offers changes, and warns under one whose answer holds
an option no longer offered (kept as given, never dropped). A suggested answer may follow
other answers too (`default_when`): a field is drawn again when the suggestion it shows is no
longer the one the core makes. A field is drawn again here (`redraw_field`), from the screen's
queue when asked from inside it (`removal`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches
from textual.widget import Widget

from drafter.app.widgets import removal, row_places
from drafter.app.widgets.fields import QuestionField, field_id, unoffered_note
from drafter.preview import record_catalog

MISSING = "required answer is missing"

if TYPE_CHECKING:
    from drafter.app.widgets.pages import SectionPage
    from drafter.editing import Session
    from drafter.questionnaire import Entry


class Offers:
    """Mixed into the editor screen (before its other bases)."""

    if TYPE_CHECKING:
        session: Session
        _pages: dict[str, SectionPage]

        _redrawing: QuestionField | None
        _focus_handed: Widget | None
        _visibility: frozenset[str] | None
        focused: Widget | None

        def call_later(self, callback: Any, *args: Any) -> bool: ...
        def _apply_visibility(self) -> None: ...

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

    async def redraw_field(self, field: QuestionField) -> QuestionField:
        """Show the session's answer to a field's question (drawing the field again if its
        kind of input cannot be updated in place), with its problem; returns the field."""
        key = field.key
        in_place = field.show_answer(self.session.value(key))
        if not in_place and removal.running_inside(field):
            # from a handler inside the field (an undo in a row's text box): awaiting its
            # removal there waited for itself (no key answered again); the screen draws it
            self._redraw_later(field)
        elif not in_place:
            page = field.parent  # the section's page
            assert page is not None
            index = page.children.index(field)
            self._redrawing, self._focus_handed = field, None
            rows = row_places.drawn(field)  # a list of rows: its focus goes to the change
            try:
                await field.remove()  # Textual hands its focus on (`_reset_focus`)
                handed = self._focus_handed
            finally:
                self._redrawing = None
            field = self._field(self.session.questionnaire.entry(key))
            await page.mount(field, before=index)
            row_places.follow(field, rows)
            self._visibility = None  # a new field is shown: hidden now if not asked (a
            self._apply_visibility()  # redraw for a suggestion has no key after it to do it)
            # The new field takes the focus back only from where Textual put it: keys handled
            # meanwhile (a Tab, an answer further on) keep their place. It took it back from
            # wherever the owner had gone (the browser trial: from the question after, 0.7 s
            # later, and the next answers landed one question behind).
            if handed is not None and self.focused is handed:
                field.focus_answer(at_once=True)
        field.set_class(self.session.suggested(key), "-suggested")
        error = self.session.errors.get(key)
        field.show_error(MISSING if error is None and key in self.session.missing()
                         else error, self._unoffered(key))
        return field

    def _reset_focus(self, widget: Widget, avoiding: list[Widget] | None = None) -> None:
        """Textual moves the focus off a widget being removed; of a field being drawn again
        (`redraw_field`), note where it went, so the new field can take it back from there."""
        super()._reset_focus(widget, avoiding)  # type: ignore[misc]  # the Screen's
        if self._redrawing is not None and widget in self._redrawing.walk_children(Widget):
            self._focus_handed = self.focused

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
