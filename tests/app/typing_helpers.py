"""Typing as fast as a person (or a browser's key repeat) does, in tests and benchmarks.

`pilot.press` waits for the app to go idle after every key, so the app is never caught busy.
`type_fast` posts keys to the app the way the terminal driver does, with only a short gap (or
none) between them, so keys arrive while the preview is being redrawn.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events
from textual.app import App
from textual.widget import Widget

from tests.app.pilot_helpers import loop_ended

GAPS = (0.0, 0.004, 0.02)
"""Seconds between keys: a burst, fast typing, ordinary typing (each catches a different
moment of a redraw)."""

KEY_NAMES = {" ": "space", "@": "at", ".": "full_stop", "-": "minus", ",": "comma"}


def key_event(char: str) -> events.Key:
    return events.Key(KEY_NAMES.get(char, char), char)


async def type_fast(app: App[Any], text: str, gap: float) -> None:
    """Post `text` to the app one key at a time, `gap` seconds apart (0: yield only)."""
    for char in text:
        app.post_message(key_event(char))
        await asyncio.sleep(gap)


def dead_widgets(app: App[Any]) -> list[Widget]:
    """Widgets still on screen whose message loop has ended (cancelled by a removal that was
    interrupted): they take no more keys, and a closing app waits on them forever."""
    return [w for w in app.screen.walk_children(with_self=True)
            if isinstance(w, Widget) and w.is_attached and not w._pruning
            and loop_ended(w)]
