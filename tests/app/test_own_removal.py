"""Issue 15, H1: no handler may await the removal of a widget it is inside. Ctrl+Z in a vendor
row's text box ran the undo in that box's own queue (so it waits behind the letters typed
before it), and the undo drew the rows' field again: the box awaited the removal of its own
field, which waits for the box's loop to end, and the app answered no key again. A click on a
row's Remove awaited the removal of the row the button is in, in the button's own loop.
Waited for with `wait_for_screen` (bounded by processor time), never a sleep."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from drafter.app.app import DrafterApp
from drafter.app.widgets.records import RecordRow
from tests.app import pilot_helpers
from tests.app.pilot_helpers import field, kept, open_section, settle, wait_for_screen

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]
ROW = {"name": "Desert Lock Service", "purpose": "maintains our lockers", "category": "other"}


@pytest.fixture(autouse=True)
def _hang_fails_sooner(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hung app uses no processor time: give up after 2 minutes of the clock, not 10."""
    monkeypatch.setattr(pilot_helpers, "LONGEST", 120.0)


FILE = ("business:\n  kinds: [kiosks]\nsharing:\n  vendors:\n    - name: Desert Lock Service\n"
        "      purpose: maintains our lockers\n      category: other\n")


async def test_undo_and_redo_in_a_row_box_keep_the_app_answering(make_app: App,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(FILE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        box = field(app, "sharing.vendors").query(RecordRow).first().query(Input)[1]
        box.focus()
        await pilot.press("end", "x")
        assert await wait_for_screen(pilot)
        assert kept(path, "sharing.vendors") == [{**ROW, "purpose": ROW["purpose"] + "x"}]
        await pilot.press("ctrl+z")
        assert await wait_for_screen(pilot)  # hung: the box awaited its own field's removal
        assert await wait_for_screen(pilot)  # the field drawn again from the screen's queue
        assert kept(path, "sharing.vendors") == [ROW]
        rows = field(app, "sharing.vendors")
        assert rows.query(RecordRow).first().query(Input)[1].value == ROW["purpose"]
        await pilot.press("ctrl+y")
        assert await wait_for_screen(pilot)
        assert await wait_for_screen(pilot)
        assert kept(path, "sharing.vendors") == [{**ROW, "purpose": ROW["purpose"] + "x"}]
        rows = field(app, "sharing.vendors")
        assert rows.query(RecordRow).first().query(Input)[1].value == ROW["purpose"] + "x"
        await pilot.press("ctrl+z")
        assert await wait_for_screen(pilot)
        await pilot.press("down")  # the app still takes keys
        assert await wait_for_screen(pilot)
        assert kept(path, "sharing.vendors") == [ROW]


async def test_a_click_on_remove_removes_its_row_and_the_app_goes_on(make_app: App,
                                                                       tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(FILE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        row = field(app, "sharing.vendors").query(RecordRow).first()
        row.query_one(".remove", Button).press()  # a click: Textual's Pressed, in its loop
        assert await wait_for_screen(pilot)
        assert await wait_for_screen(pilot)  # the removal it started
        assert not field(app, "sharing.vendors").query(RecordRow)
        assert kept(path, "sharing.vendors") in (None, [])


async def test_the_line_under_a_list_follows_its_answer_through_undo_and_redo(
        make_app: App, tmp_path: Path) -> None:
    """Issue 15: after Ctrl+Z of a "none of these" the list still said "Saved as 'none of
    these'", though the file no longer had it."""
    from textual.widgets import Label

    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    none = "Saved as \u201cnone of these\u201d. Tick any that apply."

    def below() -> str:
        return str(field(app, "kiosks.biometrics").query_one(".problem", Label).content)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "kiosks", "kiosks.biometrics")
        await pilot.press("enter")
        assert await wait_for_screen(pilot)
        assert kept(path, "kiosks.biometrics") == [] and below() == none
        await pilot.press("ctrl+z")
        assert await wait_for_screen(pilot)
        assert kept(path, "kiosks.biometrics") is None
        assert below() != none
        await pilot.press("ctrl+y")
        assert await wait_for_screen(pilot)
        assert kept(path, "kiosks.biometrics") == [] and below() == none


async def test_shift_tab_back_from_an_empty_list_decides_nothing(make_app: App,
                                                                tmp_path: Path) -> None:
    """Issue 15: Shift+Tab away from an empty list saved "none of these". The README says a
    list moved on from with Tab or Enter is "none of these"; going back decides nothing."""
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "kiosks", "kiosks.biometrics")
        await pilot.press("shift+tab")
        assert await wait_for_screen(pilot)
        assert kept(path, "kiosks.biometrics") is None
        await open_section(pilot, "kiosks", "kiosks.biometrics")
        await pilot.press("tab")  # on: the owner's "none of these"
        assert await wait_for_screen(pilot)
        assert kept(path, "kiosks.biometrics") == []
