"""Snapshots of what the keys bring up (pytest-textual-snapshot; `--snapshot-update` to accept,
then look at the SVGs): F1 help, Ctrl+F find, a suggested default, the progress panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from drafter.app.app import DrafterApp
from tests.app.pilot_helpers import open_section
from tests.app.test_snapshots import settle

App = Callable[..., DrafterApp]
SIZE = (80, 24)


def test_f1_help(make_app: App, snap_compare: Any) -> None:
    async def help_open(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(make_app("kiosk"), terminal_size=SIZE, run_before=help_open)


def test_ctrl_f_find(make_app: App, snap_compare: Any) -> None:
    async def find(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+f", *"cookie")
        await settle(pilot)

    assert snap_compare(make_app("kiosk"), terminal_size=SIZE, run_before=find)


def test_a_suggested_default_and_the_progress(make_app: App, snap_compare: Any,
                                              tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")

    async def cookies(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await open_section(pilot, "cookies")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=cookies)
