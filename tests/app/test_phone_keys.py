"""A phone's help line and footer (issue 15, items 3 and 5; the Chromium trial at 375 px):
while the preview or the notes cover the form the help line says what the pane's keys do, and
back on the form it is the question's again; the footer shows every essential key whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafter.app.app import DrafterApp
from drafter.app.widgets.focus_help import NOTES, TABS
from drafter.app.widgets.helppanel import HelpPanel
from tests.app.pilot_helpers import open_section, settle
from tests.app.test_fit import moved, shown_lines
from tests.app.test_phone import PHONE

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]


def help_drawn(app: DrafterApp) -> str:
    """The help line's words as the owner sees them ("" when it is not on the screen)."""
    panel = app.screen.query_one("#help", HelpPanel)
    if not all(node.display for node in panel.ancestors_with_self) or not panel.region.height:
        return ""
    return " ".join(" ".join(shown_lines(panel, inside=True)).split())


@pytest.mark.parametrize("size", [PHONE, (80, 24)])
async def test_the_help_line_stays_while_a_pane_covers_the_form(make_app: App,
                                                               size: tuple[int, int]) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.legal_name")
        await moved(pilot)
        question = help_drawn(app)
        assert question.startswith("Use the name on your registration"), question
        for key, said in (("f4", NOTES), ("f2", TABS)):
            await pilot.press(key)
            await settle(pilot)
            assert not app.screen.query_one("#form-column").display
            drawn = help_drawn(app)
            assert drawn and " ".join(said.split()).startswith(drawn.split("…")[0][:30]), (
                key, drawn)
            assert "Escape" in drawn, drawn  # the way back to the question
            await pilot.press("escape")
            await settle(pilot)
            await moved(pilot)
            assert help_drawn(app) == question, key
