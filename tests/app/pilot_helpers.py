"""Waiting for the app in tests and benchmarks."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from drafter.app.screens.editor import EditorScreen


async def settle(pilot: Pilot[Any], rounds: int = 2) -> None:
    """Let the app finish the work it has started (start-up workers, then the preview redraw
    they ask for). A redraw restarts itself on every change, so a worker being waited on may
    be cancelled in favour of a newer one: that is expected, and the newer one is waited for."""
    for _ in range(rounds):
        await pilot.pause()
        while True:
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
    await pilot.pause()  # a draft is drawn in the preview's own loop, after its worker ends


async def open_section(pilot: Pilot[Any], section: str, key: str | None = None) -> None:
    """Show a section of the editor, focused on `key` (or its first question)."""
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    await screen.show_section(section, key)
    await pilot.pause()
