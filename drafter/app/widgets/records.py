"""A list of records (for example vendors): one row of inputs per item, add and remove.

A field that must be one of ours (`one`, `bool`: a vendor's kind of service) is a pick-list
of labels, never a box to type an internal code in. Where the library has a catalog for the question (`clauses/data/<question id>.yaml`), the
first field suggests catalog names as the owner types, and picking one fills the row's other
empty fields from the catalog.

Each change reaches the field that saves it at once, in the key's own handler (the rows' boxes
are `AnswerBox`es with a taker, as a text answer's is): a change posted as a message waited in
the queue behind the burst of keys that the screen could already show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select
from textual.widgets.select import InvalidSelectValueError, NoSelection

from drafter.app.widgets.boxes import AnswerBox
from drafter.app.widgets.buttons import FormButton
from drafter.app.widgets.choices import choices
from drafter.app.widgets.picklist import PickList
from drafter.shown import shown_text
from drafter.questionnaire import Entry


class RecordRow(Vertical):
    """One item: an input per field (labelled by its placeholder) and a Remove button."""

    def __init__(self, entry: Entry, item: Mapping[str, Any], names: list[str],
                 changed: Callable[[], None]) -> None:
        super().__init__(classes="record")
        self.entry = entry
        self.item = item
        self.names = names
        self.changed = changed

    def compose(self) -> ComposeResult:
        for index, sub in enumerate(self.entry.question.fields or []):
            value = self.item.get(sub.id)
            if not isinstance(value, (str, int, float, type(None))):
                value = shown_text(value)  # a list or mapping where one value belongs
            if sub.type in ("one", "bool"):
                options = choices(sub)
                if value is not None and value not in options:  # kept, and shown as it is
                    options[value] = f"{value} (not one of the choices: pick one)"
                yield PickList([(label, option) for option, label in options.items()],
                             prompt=f"{sub.prompt} (pick one)", name=sub.id, tooltip=sub.prompt,
                             value=Select.NULL if value is None else value)
                continue
            suggester = SuggestFromList(self.names, case_sensitive=False) if (
                index == 0 and self.names) else None
            yield AnswerBox(shown_text(value), placeholder=sub.prompt, suggester=suggester,
                            name=sub.id, tooltip=sub.prompt, taker=lambda _: self.changed())
        yield FormButton("Remove", self._remove, classes="remove", compact=True)

    async def _remove(self) -> None:
        editor = self.parent
        if isinstance(editor, RecordsEditor):
            await editor.remove_row(self)

    def boxes(self) -> list[Input | Select[Any]]:
        """The row's inputs and pick-lists, in the order of the fields."""
        return [w for w in self.children if isinstance(w, (Input, Select)) and w.name]

    def value(self) -> dict[str, Any]:
        return {box.name: box.value for box in self.boxes()
                if box.name and box.value != "" and not isinstance(box.value, NoSelection)}

    def show(self, item: Mapping[str, Any]) -> None:
        """Show `item`, the stored form of this row, in the boxes the owner is not in."""
        for box in self.boxes():
            if isinstance(box, Input) and not box.has_focus and box.name in item and (
                    box.value.strip() != shown_text(item[box.name])):
                with box.prevent(Input.Changed):
                    box.value = shown_text(item[box.name])


class RecordsEditor(Vertical, can_focus=False):
    """The rows, a heading naming the fields, and an Add button. `taker` is given the list of
    records each time it changes."""

    def __init__(self, entry: Entry, items: list[Any], catalog: list[Mapping[str, Any]],
                 taker: Callable[[list[dict[str, Any]]], None], classes: str = "") -> None:
        super().__init__(classes=classes)
        self.taker = taker
        self.entry = entry
        self.items = [i for i in items if isinstance(i, Mapping)]
        self.catalog = catalog
        fields = entry.question.fields or []
        self.first = fields[0].id if fields else ""
        self.names = [str(c[self.first]) for c in catalog if c.get(self.first)]

    def compose(self) -> ComposeResult:
        # The hint follows the first column, the one it is about (at the end of the line it
        # read as the kind of service's).
        prompts = [f.prompt for f in self.entry.question.fields or []]
        if prompts and self.names:
            prompts[0] += " (type to search the list of known companies)"
        yield Label(" · ".join(prompts), classes="record-heading")
        for item in self.items:
            yield RecordRow(self.entry, item, self.names, self._changed)
        yield FormButton("+ Add", self.add_row, leads_to_answer=True, classes="add",
                         compact=True)

    def value(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.query(RecordRow) if row.value()]

    async def add_row(self) -> None:
        """A new, empty row, focused at once (a key typed on "+ Add" goes on into it)."""
        row = RecordRow(self.entry, {}, self.names, self._changed)
        await self.mount(row, before=self.query_one(".add"))
        self.screen.set_focus(row.query(Input).first(), scroll_visible=False)
        self.call_after_refresh(row.scroll_visible, animate=False)

    async def remove_row(self, row: RecordRow) -> None:
        await row.remove()
        self._changed()

    def show_stored(self, items: list[Any]) -> None:
        """Show the stored form of each row (a link given `https://`) outside the box the
        owner is typing in."""
        rows = [row for row in self.query(RecordRow) if row.value()]
        for row, item in zip(rows, items, strict=False):
            if isinstance(item, Mapping):
                row.show(item)

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        self._changed()

    @on(Input.Submitted)
    def _fill_from_catalog(self, event: Input.Submitted) -> None:
        """Enter on a catalog name fills the row's empty fields from the catalog."""
        event.stop()
        row = event.input.parent
        match = next((c for c in self.catalog
                      if str(c.get(self.first, "")).lower() == event.value.lower()), None)
        if match is None or not isinstance(row, RecordRow):
            return
        for box in row.boxes():
            if box.name not in match:
                continue
            if isinstance(box, Input) and not box.value:
                box.value = str(match[box.name])
            elif isinstance(box, Select) and box.is_blank():
                try:
                    box.value = match[box.name]
                except InvalidSelectValueError:  # not one of the choices: left to pick
                    pass

    def _changed(self) -> None:
        self.taker(self.value())
