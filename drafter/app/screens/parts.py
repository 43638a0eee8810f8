"""The editor's fixed parts, each found once, and a question's field found on its page.

A query walks the screen's widgets, every page built ahead included (some 1,150 on the largest
example), and Textual drops its cache of `query_one` whenever anything under the screen is shown
or hidden: on every switch of section and every question revealed. The sidebar, the progress
lines, the help, the preview and the notes were each looked for that way several times a switch
and on every key (a few ms a switch, most of a key's own work). They are composed once with the
screen and never replaced, so each is kept the first time it is found.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual.screen import Screen
from textual.widget import Widget

W = TypeVar("W", bound=Widget)

_FOUND = "_drafter_parts"
"""The attribute of a screen that holds its parts: they go with it. (Kept in a
WeakKeyDictionary they never went, their widgets referring back to the screen, their key.)"""


def part(screen: Screen[Any], kind: type[W], selector: str = "") -> W:
    """The screen's one widget of `kind` (matching `selector`, such as "#help", if given):
    one of the parts the screen composed, never removed while it lives."""
    found: dict[tuple[type[Widget], str], Widget] = vars(screen).setdefault(_FOUND, {})
    widget = found.get((kind, selector))
    if widget is None or widget.parent is None:  # not found yet, or the app is closing
        widget = found[kind, selector] = screen.query_one(selector or kind, kind)
    return widget  # type: ignore[return-value]


__all__ = ["part"]
