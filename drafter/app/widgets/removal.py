"""Removing a widget from code that may be running inside it.

Textual's `remove()` is awaited until the removed widget's message loop, and each of its
children's, has ended; a child's loop ends only once the handler it is running returns. So a
handler of a widget that awaits the removal of one of that widget's ancestors waits for itself,
and the app answers no key again (issue 15, H1: Ctrl+Z in a vendor row's text box ran in that
box's queue and drew the rows' field again; a click on a row's Remove removed the row the
button is in). `remove` awaits a removal only from outside the widget removed.
"""

from __future__ import annotations

import asyncio

from textual.widget import Widget


def running_inside(widget: Widget) -> bool:
    """Whether the code running now is a handler of `widget` or of a widget inside it (the
    task of its message loop)."""
    task = asyncio.current_task()
    return task is not None and any(_loop_of(node) is task
                                    for node in widget.walk_children(with_self=True))


def _loop_of(node: Widget) -> asyncio.Task[None] | None:
    try:
        return node.task  # asserts it has one (none before it starts, nor once it ended)
    except AssertionError:
        return None


async def remove(widget: Widget) -> None:
    """Remove `widget` from the screen: its removal is awaited, unless the code running now is
    inside it, where the removal goes on once that handler returns (awaited there, it never
    would). Either way the widget is off the focus chain at once and takes no more keys."""
    removal = widget.remove()
    if not running_inside(widget):
        await removal


__all__ = ["remove", "running_inside"]
