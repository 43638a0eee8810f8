"""The smaller findings of trial 16 (a new owner in tmux at 80x24), each driven through the
real app with Pilot: keys lost in Ctrl+F, Space during a type-to-jump search, Enter on an
unanswered choice, focus after the side pane, the counts under the sections, "(optional)"
marks, PageDown in the notes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import OptionList

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.find import FindScreen
from drafter.app.widgets.fields import QuestionField
from tests.app.pilot_helpers import open_section

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


def focused_key(app: DrafterApp) -> str | None:
    widget = app.focused
    while widget is not None and not isinstance(widget, QuestionField):
        widget = widget.parent  # type: ignore[assignment]
    return widget.key if isinstance(widget, QuestionField) else None


async def burst(app: DrafterApp, *keys: str) -> None:
    """Post keys to the app as the terminal driver does in a burst: none waits for the one
    before it to be handled."""
    for key in keys:
        app.post_message(events.Key(key, None))
        await asyncio.sleep(0)


@pytest.mark.parametrize("downs", [2, 4, 6])
async def test_a_burst_of_downs_in_find_moves_down_the_results(make_app: App,
                                                               downs: int) -> None:
    """Ctrl+F, "keep", then Downs in one burst: the highlight stayed on the first result (each
    Down only asked to focus the list), and Enter went to the wrong question."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press(*"keep")
        await pilot.pause()
        finder = app.screen
        assert isinstance(finder, FindScreen)
        found = finder.query_one("#found", OptionList)
        assert found.option_count > downs
        wanted = found.get_option_at_index(downs).id
        await burst(app, *["down"] * downs)
        await pilot.pause()
        assert found.highlighted == downs
        await burst(app, "space")  # "keep ": the same results, the highlight kept
        await pilot.pause()
        assert found.highlighted == downs
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert focused_key(app) == wanted
