"""Snapshots of the layouts issue 15 item 5 asks for (`--snapshot-update` to accept, after
looking at the SVGs): choices wrapped at 80x24, and a phone's width (45 columns)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from tests.app.test_snapshots import settle

App = Callable[..., DrafterApp]


def test_long_choices_wrap_at_80x24(make_app: App, snap_compare: Any, tmp_path: Path) -> None:
    (tmp_path / ".answers.yaml.position.json").write_text(
        '{"section": "cookies", "question": "cookies.consent"}\n')

    async def on_the_last_choices(pilot: Pilot[None]) -> None:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EditorScreen)
        screen.query_one("#form").scroll_end(animate=False)
        await settle(pilot)

    assert snap_compare(make_app("kiosk"), terminal_size=(80, 24), run_before=on_the_last_choices)


def test_a_phone_width(make_app: App, snap_compare: Any) -> None:
    assert snap_compare(make_app("kiosk"), terminal_size=(45, 36), run_before=settle)


def test_the_welcome_at_a_phone_width(make_app: App, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(45, 36), run_before=settle)
