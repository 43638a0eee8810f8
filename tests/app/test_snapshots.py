"""Snapshots of the main screens (pytest-textual-snapshot): `--snapshot-update` to accept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from drafter.app.app import DrafterApp
from tests.app.pilot_helpers import drawn
from tests.app.pilot_helpers import settle as finish_work

App = Callable[..., DrafterApp]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the preview is drawn: its worker, then the Markdown widgets it mounted
    (which render after the worker returns), then anything that started meanwhile; then
    stop text cursors blinking. Each wait is for its condition (`drawn`: no message, callback
    after refresh, layout or scroll left), not a time: 0.3 s was not enough on a loaded
    machine for the focus to be scrolled into view and the next prompt shown whole (two
    callbacks after refreshes), and the snapshot caught the form two rows short."""
    for _ in range(2):
        await finish_work(pilot, rounds=1)
        await drawn(pilot)
    for field in pilot.app.screen.query(Input):  # a blinking cursor is caught at random
        field.cursor_blink = False
    await pilot.pause()


def test_welcome(make_app: App, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settle)


def test_editor_at_80x24(make_app: App, snap_compare: Any) -> None:
    assert snap_compare(make_app("kiosk"), terminal_size=(80, 24), run_before=settle)


def test_notes_for_an_unfinished_file(make_app: App, snap_compare: Any,
                                      tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")

    async def show_notes(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=show_notes)
