"""What the terminal shows is the screen as laid out, after Enter on an empty pick-all list.

The browser trial of issue 15 (Chromium through `drafter serve`, 1280x800, a terminal of
142x42): Enter on "Do you ask people to take part in surveys…", nothing ticked, said "Saved as
none of these" and left the form drawn over itself, the list twice and the next question's
prompt covered, until the next key. Textual had sent the terminal only the widgets that asked
for a repaint: the form's scroll to the next question was never drawn (see
`drafter/app/screens/drawn.py`). Pilot's screenshots draw the screen afresh, so here every
update the app sends is applied to a grid, as the terminal applies it
(`tests/app/terminal_helpers.py`; the same grid matched xterm.js's buffer row for row in the
browser)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from drafter.app.app import DrafterApp
from tests.app.pilot_helpers import build_all, drawn, editor, focused_key, settle
from tests.app.terminal_helpers import stale_rows, watch_terminal
from tests.app.test_serve import open_at

pytestmark = pytest.mark.asyncio

KIOSK = "business:\n  kinds: [kiosks]\n"


@pytest.mark.parametrize("size", [(142, 42), (80, 24)], ids=["browser", "80x24"])
async def test_enter_on_an_empty_pick_all_list_draws_the_form_as_laid_out(
        make_app: Callable[..., DrafterApp], tmp_path: Path, size: tuple[int, int]) -> None:
    open_at(tmp_path / "answers.yaml", KIOSK, "collection.combines_data")
    app = make_app()
    terminal = watch_terminal(app)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)  # started: the first drafts drawn
        await build_all(editor(app))  # every page built ahead, as after a minute idle
        await drawn(pilot)
        await pilot.press("enter")  # keeps the suggested No, on to the surveys (scrolled to)
        await settle(pilot, 1)
        await drawn(pilot)
        assert focused_key(app) == "collection.surveys"
        assert stale_rows(app, terminal) == {}
        await pilot.press("enter")  # nothing ticked: "none of these", on to the next question
        await settle(pilot, 1)
        await drawn(pilot)
        assert focused_key(app) == "collection.staff"
        assert any("Saved as \u201cnone of these\u201d" in row for row in terminal.rows())
        assert stale_rows(app, terminal) == {}
