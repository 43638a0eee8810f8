"""Waiting for the app in tests and benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from drafter.answers import AnswersFile
from drafter.app.screens.editor import EditorScreen
from drafter.journal import journal_glob, read


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


def kept(path: Path, key: str) -> Any:
    """The answer to `key` that would survive the app being killed now: the answers file's,
    unless a session's journal holds a later change (the file is written when typing pauses;
    each key is journaled at once, see `drafter.journal`)."""
    changes: dict[str, Any] = {}
    for journal in sorted(path.parent.glob(journal_glob(path)), key=lambda p: p.stat().st_mtime_ns):
        changes.update(read(journal))
    return changes[key] if key in changes else AnswersFile.open(path).get(key)
