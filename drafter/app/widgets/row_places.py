"""Where the focus goes in a list of rows drawn again (an undo or redo of typing in a row, a
removed row put back): to the row and field the change is in. Drawn again, the list gave the
focus to its first row's first box, whichever box the owner had typed in (issue 15, the
new-user trial), and the next keys went there.

The field is drawn again from the screen's queue (`Offers.redraw_field`), never awaited from a
handler inside it (`removal`); these only compare the rows drawn before with those after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.widget import Widget

Place = tuple[int, str | None]
"""A row's index, and the name of its field (None: the row's first)."""


def changed_at(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]],
               names: Sequence[str]) -> Place | None:
    """Where `after` first differs from `before` (each a list of rows, `names` the fields in
    order): the row put back or taken away (its first field), or the field of the row
    changed; None if nothing differs."""
    if list(before) == list(after):
        return None
    index = next((i for i, (old, new) in enumerate(zip(before, after)) if old != new),
                 min(len(before), len(after)))
    if len(before) != len(after) or index >= len(after):
        return index, None
    old, new = before[index], after[index]
    return index, next((n for n in names if old.get(n) != new.get(n)), None)


def drawn(field: Widget) -> list[dict[str, Any]] | None:
    """The rows a question's field shows now, as its answer would hold them (None: not a
    list of rows)."""
    from drafter.app.widgets.records import RecordsEditor

    editors = list(field.query(RecordsEditor))
    return editors[0].value() if editors else None


def follow(field: Widget, before: list[dict[str, Any]] | None) -> None:
    """Point the list of rows of `field`, just drawn again, at the row and field that changed
    since `before` (what it showed before): its focus goes there (`focus_target`)."""
    from drafter.app.widgets.records import RecordsEditor

    if before is None:
        return
    for editor in field.query(RecordsEditor):
        names = [sub.id for sub in editor.entry.question.fields or []]
        editor.place = changed_at(before, editor.items, names)


__all__ = ["Place", "changed_at", "drawn", "follow"]
