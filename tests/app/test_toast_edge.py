"""Trial 17: the notice after Enter kept suggested ticks ("Suggestion kept") showed, at its
right, a character of the text behind it (";" of "…Information you collect;" at 80x24 in
tmux), and said "Kept 1 suggested ticks". Textual's rack of notices keeps a vertical
scrollbar's gutter, drawn as nothing, at the screen's right edge: a notice ended two columns
short of it, and the screen's own text showed through those columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from drafter.app.app import DrafterApp
from tests.app.pilot_helpers import open_section, settle
from tests.app.terminal_helpers import screen_rows, stale_rows, watch_terminal

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]
START = "business:\n  kinds: [kiosks]\n"


async def test_the_kept_notice_reaches_the_edge_and_counts_one_tick(
        make_app: Callable[..., DrafterApp], tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(START)
    app = make_app()
    terminal = watch_terminal(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await open_section(pilot, "audience", "audience.languages")
        await settle(pilot)
        await pilot.press("enter")  # keeps the one suggested tick, English
        await settle(pilot)
        for _ in range(3):  # the notice is mounted after the key's handler
            await pilot.pause()
        region = app.screen.query_one(Toast).region
        rows = screen_rows(app)
        # nothing of the screen behind shows beside the notice, on any of its rows
        assert region.right == 80, region
        notice = [row[region.x:] for row in rows[region.y:region.bottom]]
        assert "Kept 1 suggested tick: English." in " ".join(" ".join(notice).split()), notice
        assert "ticks" not in " ".join(notice)
        assert stale_rows(app, terminal) == {}  # and the terminal got it all
