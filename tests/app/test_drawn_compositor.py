"""The compositor behind the editor (`drafter/app/screens/drawn.py`) on a screen of its own:
a scroll laid out for the widgets in view, then another scroll and a layout, with a lookup of
a widget out of view in between (as `scroll_to_widget` makes). Textual's own compositor drew
only what asked for a repaint, and the terminal kept the rows of the scroll before; the
editor's draws every widget that moved."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label

from drafter.app.screens.drawn import DrawnCompositor
from tests.app.terminal_helpers import stale_rows, watch_terminal

pytestmark = pytest.mark.asyncio


class Lines(Screen[None]):
    def __init__(self, drawn: bool) -> None:
        super().__init__()
        if drawn:
            self._compositor = DrawnCompositor()

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield from (Label(f"line {n}", id=f"line{n}") for n in range(40))


class LinesApp(App[None]):
    def __init__(self, drawn: bool) -> None:
        super().__init__()
        self.drawn = drawn

    def on_mount(self) -> None:
        self.push_screen(Lines(self.drawn))


async def stale_after_scrolls(drawn: bool) -> dict[int, tuple[str, str]]:
    app = LinesApp(drawn)
    terminal = watch_terminal(app)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        form = app.screen.query_one(VerticalScroll)
        form.scroll_to(y=5, animate=False)  # a scroll alone: laid out for what is in view
        await pilot.pause()
        assert app.screen.query_one("#line5").region.y == 0
        form.scroll_to(y=12, animate=False, immediate=True)
        app.screen.query_one("#line0").refresh(layout=True)
        assert app.screen.query_one("#line30").region  # out of view: the whole screen arranged
        await pilot.pause()
        await pilot.pause()
        return stale_rows(app, terminal)


async def test_textuals_own_compositor_leaves_the_scroll_undrawn() -> None:
    """The defect, shown on Textual's compositor (if Textual fixes it, this fails: then the
    editor's compositor can go)."""
    assert await stale_after_scrolls(drawn=False) != {}


async def test_the_editors_compositor_draws_what_moved() -> None:
    assert await stale_after_scrolls(drawn=True) == {}
