"""A list of records (for example vendors): one row of inputs per item, add and remove.

A field that must be one of ours (`one`, `bool`: a vendor's kind of service) is a pick-list
of labels, never a box to type an internal code in. Where the library has a catalog for the question (`clauses/data/<question id>.yaml`), the
first field shows a catalog name completing what the owner types (none once a whole name is
typed), Enter takes it (Tab leaves the text as typed), and a catalog name fills the row's
other empty fields from the catalog, selected when reached so that typing replaces them; the
owner is pointed to the list where the catalog's companies are ticked. A field's problem is
shown once the owner has left it (or typed in it): an empty field just reached is not wrong.

Each change reaches the field that saves it at once, in the key's own handler (the rows' boxes
are `AnswerBox`es with a taker, as a text answer's is): a change posted as a message waited in
the queue behind the burst of keys that the screen could already show.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import DescendantBlur
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, Select
from textual.widgets.select import InvalidSelectValueError, NoSelection

from drafter.company_names import same_company
from drafter.app.widgets import removal
from drafter.app.widgets.boxes import AnswerBox
from drafter.app.widgets.buttons import FormButton
from drafter.app.widgets.choices import choices
from drafter.app.widgets.picklist import PickList
from drafter.app.widgets.row_places import Place
from drafter.shown import shown_text
from drafter.questionnaire import Entry

ITEM_PROBLEM = re.compile(r"item (\d+), (\w+): (.+)", re.DOTALL)
"""How the session names what is wrong with one field of one record (`answer_check.check`)."""


def completion(names: list[str], typed: str) -> str | None:
    """The catalog name that completes `typed`: none when `typed` is a whole name already
    (whatever longer names start with it: "UPS" stays UPS), else the first name starting
    with it (case aside), if longer."""
    folded = typed.casefold()
    if not folded or any(name.casefold() == folded for name in names):
        return None
    return next((name for name in names if name.casefold().startswith(folded)), None)


class CatalogNames(Suggester):
    """The completion a row's first field shows: `completion`'s, the one Enter takes."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        return completion(self.names, value)


class RecordRow(Vertical):
    """One item: an input per field (labelled by its placeholder) and a Remove button."""

    def __init__(self, entry: Entry, item: Mapping[str, Any], names: list[str],
                 changed: Callable[[], None]) -> None:
        super().__init__(classes="record")
        self.entry = entry
        self.item = item
        self.names = names
        self.changed = changed
        fields = entry.question.fields or []
        # The fields the owner has left: a field not left yet is not shown as wrong while
        # it is empty (a new row's "What they do for you" was red while its name was being
        # typed, and "This field is required" stood under it the moment it was reached). A
        # row read from the file was seen whole; a row left is, too.
        self.visited = {f.id for f in fields} if item else set()
        self.problems: dict[str, str] = {}  # why each wrong field is refused

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
                yield Label("", classes="row-problem", name=sub.id)
                continue
            suggester = CatalogNames(self.names) if index == 0 and self.names else None
            yield AnswerBox(shown_text(value), placeholder=sub.prompt, suggester=suggester,
                            name=sub.id, tooltip=sub.prompt, taker=lambda _: self.changed())
            yield Label("", classes="row-problem", name=sub.id)  # why the field is refused
        yield FormButton("Remove", self._remove, classes="remove", compact=True)

    async def _remove(self) -> None:
        editor = self.parent
        if isinstance(editor, RecordsEditor):
            await editor.remove_row(self)

    def show_problem(self, problems: dict[str, str]) -> None:
        """Show why each of the row's refused fields is refused (by field), under that field,
        once the owner has left it or while typing in it. Under the whole list, the message
        was off the screen at 80×24; one field's at a time, the owner fixed one to be shown
        the next."""
        self.problems = problems
        shown = {name: why for name, why in problems.items()
                 if name in self.visited or self._typing_in(name)}
        for widget in self.children:
            if isinstance(widget, (Input, Select)) and widget.name:
                widget.set_class(widget.name in shown, "-invalid")
            elif isinstance(widget, Label) and widget.has_class("row-problem"):
                why = shown.get(widget.name or "", "")
                text = why[:1].upper() + why[1:]
                if str(widget.content) != text:
                    widget.update(text)
                widget.display = bool(text)

    def _typing_in(self, name: str) -> bool:
        """Whether the owner is in the field `name` and has typed in it (what is wrong with
        text being typed, "foo bar" for a link, is shown at once; an empty field just reached
        is not wrong yet)."""
        return any(box.name == name and box.has_focus and isinstance(box, Input) and box.value
                   for box in self.boxes())

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        name = row_field(event.widget, self)
        if name and name not in self.visited and not isinstance(event.widget, Select):
            self.visited.add(name)  # left (a pick-list's own options taking the focus: not)
            self.show_problem(self.problems)
        self.call_later(self._left)  # once the focus has gone where it was going

    def _left(self) -> None:
        """The focus left the row: each of its fields is now the owner's to fix."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None or self not in focused.ancestors:
            fields = {f.id for f in self.entry.question.fields or []}
            if not fields <= self.visited:
                self.visited |= fields
                self.show_problem(self.problems)

    def move_on(self, box: Widget) -> None:
        """Enter in `box`, one of the row's fields (taken in the app's key loop, see
        `KeysScreen.action_move_on`): a catalog name fills the row's empty fields, and the
        focus goes to the row's next field; from its last, to the next row's first, and from
        the last row on to the next question, as Enter does everywhere. Left to the box, Enter
        kept the focus there, and the next field's text was added to this one ("Kiosk Field
        Services LLCinstalling…"); sent to "+ Add", the next Enter added an empty row (the
        new-user trial; Tab reaches "+ Add" and Remove)."""
        editor = self.parent
        if not isinstance(editor, RecordsEditor):
            return
        if isinstance(box, Input) and box.name == editor.first:
            editor.complete(box)
            editor.fill_from_catalog(self, box.value)
        boxes: list[Widget] = list(self.boxes())
        later = boxes[boxes.index(box) + 1:] if box in boxes else []
        rows = list(editor.query(RecordRow))
        below = rows[rows.index(self) + 1:] if self in rows else []
        target = later[0] if later else below[0].boxes()[0] if below else None
        if target is None:  # the last field of the last row: the next question
            move_on = getattr(self.screen, "move_on", None)
            if move_on is not None:
                move_on(editor.entry.key)
            return
        self.screen.set_focus(target, scroll_visible=False)
        self.call_after_refresh(target.scroll_visible, animate=False)

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


def row_of(widget: Widget | None) -> RecordRow | None:
    """The row whose field `widget` is (or whose pick-list's open options it is)."""
    for node in (widget, widget.parent if widget is not None else None):
        if node is not None and isinstance(node.parent, RecordRow):
            return node.parent
    return None


def row_field(widget: Widget | None, row: RecordRow) -> str | None:
    """The name of the row's field that `widget` is (or whose pick-list's options it is)."""
    for node in (widget, widget.parent if widget is not None else None):
        if isinstance(node, (Input, Select)) and node.parent is row:
            return node.name
    return None


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
        self.place: Place | None = None  # the row changed since drawn last (`row_places`)

    @property
    def focus_target(self) -> Widget:
        """Where the question's focus goes: the field of the row that changed when the list
        was drawn again (`row_places.follow`: an undo, a row put back), else the first row's
        first field, or "+ Add" when there is no row."""
        rows = list(self.query(RecordRow))
        if not rows:
            return self.query_one(".add")
        index, name = self.place or (0, None)
        row = rows[min(index, len(rows) - 1)]
        return next((box for box in row.boxes() if name and box.name == name), row.boxes()[0])

    def on_descendant_blur(self) -> None:
        self.call_later(self._left)

    def _left(self) -> None:
        """The focus left the list: coming back, it starts at the first row again."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None or self not in focused.ancestors:
            self.place = None

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
        """Remove `row` (its Remove pressed: by a click, in the button's own loop, the row's
        removal goes on once the press is handled, see `removal.remove`). The focus goes to
        the first field of the row that takes its place (the one before, if it was the last;
        "+ Add" if none is left): left to Textual, it went to the next row's Remove, where
        the owner's next Enter removed a second row (the new-user trial). The owner is told
        what went and that Ctrl+Z puts it back (a removal is an undo step of its own)."""
        rows = list(self.query(RecordRow))
        others = [r for r in rows if r is not row]
        index = rows.index(row) if row in rows else len(others)
        heir = others[min(index, len(others) - 1)] if others else None
        target: Widget = heir.boxes()[0] if heir is not None else self.query_one(".add")
        self.screen.set_focus(target, scroll_visible=False)
        self.call_after_refresh(target.scroll_visible, animate=False)
        gone = row.value()
        await removal.remove(row)
        self.taker([value for value in (r.value() for r in others) if value])
        named = next((str(gone[f.id]) for f in self.entry.question.fields or []
                      if f.id in gone), None)
        self.notify("Removed an empty row." if named is None else
                    f"Removed \u201c{named}\u201d. Ctrl+Z puts it back.", timeout=8)

    def show_problem(self, message: str | None) -> str | None:
        """Show each line of the session's message that is about one field of one record
        under that field; the lines that are not (shown under the whole list), or None."""
        rows = [row for row in self.query(RecordRow) if row.value()]  # as in `value()`
        found: dict[int, dict[str, str]] = {}
        rest: list[str] = []
        for line in (message or "").splitlines():
            about = ITEM_PROBLEM.fullmatch(line)
            index = int(about.group(1)) - 1 if about else -1
            if about and 0 <= index < len(rows):
                found.setdefault(index, {}).setdefault(about.group(2), about.group(3))
            else:
                rest.append(line)
        for row in self.query(RecordRow):
            row.show_problem(found.get(rows.index(row), {}) if row in rows else {})
        return "\n".join(rest) or None

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
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter reached a box itself (the editor's Enter normally takes it first)."""
        event.stop()
        row = event.input.parent
        if isinstance(row, RecordRow):
            row.move_on(event.input)

    def complete(self, box: Input) -> None:
        """Enter in the first field takes the completion shown (`CatalogNames`), as Right
        does (the browser trial: "Fed" with "FedEx" shown, then Enter, saved "Fed"). Tab
        leaves the text as typed."""
        name = completion(self.names, box.value) if box.cursor_at_end else None
        if name is not None:
            box.value = name
            box.cursor_position = len(name)

    def fill_from_catalog(self, row: RecordRow, name: str) -> None:
        """A catalog name typed in a row (as the warning of a company listed twice finds one,
        `drafter.company_names`: "FedEx Corp", "fedex.com") fills the row's fields from the
        catalog: only those empty, or still holding what the catalog filled in (never what the
        owner typed);
        the text filled in is selected when its box is reached, so typing replaces it. The
        owner is pointed to the list the catalog's companies are ticked in."""
        match = next((c for c in self.catalog if c.get(self.first) and same_company(
            name, [str(c[self.first]), *(c.get("also_known_as") or ())])), None)
        if match is None:
            return
        for box in row.boxes():
            if box.name not in match or box.name == self.first:
                continue
            if isinstance(box, AnswerBox) and (not box.value or box.value == box.filled):
                box.filled = str(match[box.name])
                box.value = box.filled
            elif isinstance(box, Select) and (box.is_blank() or
                                              box.value == getattr(box, "filled", None)):
                try:
                    box.value = match[box.name]
                    box.filled = match[box.name]  # type: ignore[attr-defined]
                except InvalidSelectValueError:  # not one of the choices: left to pick
                    pass
        known = str(match[self.first])
        typed = f"\u201c{name.strip()}\u201d" + (
            "" if name.strip() == known else f", that is \u201c{known}\u201d,")
        self.notify(f"{typed}{self._listed(known)} Its details are filled in "
                    "here, selected where you reach them: type to replace them.",
                    title="A company we know", timeout=10)

    def _listed(self, name: str) -> str:
        """Where the catalog's company `name` is ticked instead (the section's list offering
        the catalog, as "Which of these companies …" offers the vendors), and whether it is
        ticked there already."""
        listed = next((q for q in self.entry.section.questions if q.type == "many"
                       and q.options_from == self.entry.question.id), None)
        if listed is None:
            return " is a company we know."
        option = next((o for o, label in (listed.options or {}).items() if label == name), None)
        session = getattr(self.screen, "session", None)
        held = session.value(f"{self.entry.section.id}.{listed.id}") if session else None
        if option is not None and isinstance(held, list) and option in held:
            return (f" is ticked already in the list above (\u201c{listed.prompt}\u201d): "
                    "remove this row, so the policy lists it once.")
        return (f" is in the list above (\u201c{listed.prompt}\u201d): tick it there and "
                "remove this row, so the policy lists it once.")

    def _changed(self) -> None:
        self.taker(self.value())
