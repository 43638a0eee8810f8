"""Issue 15 (the new-user trial in Chromium): where the focus lands in a list of rows after a
row is removed, and after Ctrl+Z or Ctrl+Y of typing in a row. After a removal the focus went
to another row's Remove (a second Enter removed a second row); after an undo (the rows are
drawn again) it went to the first row's first box, whichever box had been typed in."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button

from drafter.app.app import DrafterApp
from drafter.app.widgets.records import RecordRow
from tests.app.pilot_helpers import field, kept, open_section, settle, wait_for_screen

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]
KEY = "retention.schedule"
ROWS = [{"what": "Account details", "how_long": "2 years"},
        {"what": "Receipts", "how_long": "7 years"},
        {"what": "Support tickets", "how_long": "3 years"}]


def write(path: Path, rows: list[dict[str, str]]) -> None:
    lines = "".join(f"    - what: {r['what']}\n      how_long: {r['how_long']}\n" for r in rows)
    path.write_text(f"business:\n  kinds: [kiosks]\nretention:\n  schedule:\n{lines}")


@asynccontextmanager
async def opened(make_app: App, path: Path,
                 rows: list[dict[str, str]]) -> AsyncIterator[tuple[DrafterApp, Pilot[Any]]]:
    """The app on a file with `rows`, at 80x24, the rows' question focused."""
    write(path, rows)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "retention", KEY)
        yield app, pilot


def rows_of(app: DrafterApp) -> list[RecordRow]:
    return list(field(app, KEY).query(RecordRow))


def told(app: DrafterApp) -> list[str]:
    return [str(n.message) for n in app._notifications]  # noqa: SLF001


async def done(pilot: object) -> None:
    for _ in range(3):  # the removal, then the field drawn again from the screen's queue
        assert await wait_for_screen(pilot)  # type: ignore[arg-type]


@pytest.mark.parametrize("how", ["enter", "space", "click"])
@pytest.mark.parametrize(("removed", "focused"), [(1, 1), (2, 1), (0, 0)])
async def test_after_a_removal_the_focus_is_in_the_row_that_took_its_place(
        make_app: App, tmp_path: Path, how: str, removed: int, focused: int) -> None:
    """The focus goes to the first field of the row now where the removed one was (the one
    before, if it was the last), never to a Remove; the removal says how to undo it, and
    Ctrl+Z puts the row back, in its place, with the focus in it."""
    path = tmp_path / "answers.yaml"
    async with opened(make_app, path, ROWS) as (app, pilot):
        button = rows_of(app)[removed].query_one(".remove", Button)
        button.focus()
        await pilot.pause()
        if how == "click":
            button.press()
        else:
            await pilot.press(how)
        await done(pilot)
        left = [r for i, r in enumerate(ROWS) if i != removed]
        assert kept(path, KEY) == left
        assert app.focused is rows_of(app)[focused].boxes()[0]
        assert f"Removed \u201c{ROWS[removed]['what']}\u201d. Ctrl+Z puts it back." in told(app)
        await pilot.press("enter")  # on to the next field: nothing more is removed
        await done(pilot)
        assert kept(path, KEY) == left
        await pilot.press("ctrl+z")
        await done(pilot)
        assert kept(path, KEY) == ROWS
        assert [r.value() for r in rows_of(app)] == ROWS
        assert app.focused is rows_of(app)[removed].boxes()[0]


async def test_removing_the_only_row_leaves_the_focus_on_add(make_app: App,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    async with opened(make_app, path, ROWS[:1]) as (app, pilot):
        rows_of(app)[0].query_one(".remove", Button).focus()
        await pilot.press("enter")
        await done(pilot)
        assert kept(path, KEY) in (None, [])
        assert app.focused is field(app, KEY).query_one(".add", Button)
        await pilot.press("ctrl+z")
        await done(pilot)
        assert kept(path, KEY) == ROWS[:1]
        assert app.focused is rows_of(app)[0].boxes()[0]


async def test_removing_an_empty_row_promises_no_undo(make_app: App, tmp_path: Path) -> None:
    """An empty row was never saved: Ctrl+Z would take back some other answer."""
    path = tmp_path / "answers.yaml"
    async with opened(make_app, path, ROWS[:1]) as (app, pilot):
        field(app, KEY).query_one(".add", Button).focus()
        await pilot.press("enter")
        await done(pilot)
        rows_of(app)[1].query_one(".remove", Button).focus()
        await pilot.press("enter")
        await done(pilot)
        assert len(rows_of(app)) == 1 and app.focused is rows_of(app)[0].boxes()[0]
        assert told(app)[-1] == "Removed an empty row."
        assert kept(path, KEY) == ROWS[:1]


@pytest.mark.parametrize(("row", "box"), [(1, 1), (2, 0), (0, 1)])
async def test_undo_and_redo_of_typing_in_a_row_leave_the_focus_where_it_was_typed(
        make_app: App, tmp_path: Path, row: int, box: int) -> None:
    path = tmp_path / "answers.yaml"

    def where(app: DrafterApp) -> tuple[int, int]:
        for i, shown in enumerate(rows_of(app)):
            boxes: list[Widget] = list(shown.boxes())
            if app.focused in boxes:
                return i, boxes.index(app.focused)
        return -1, -1

    async with opened(make_app, path, ROWS) as (app, pilot):
        rows_of(app)[row].boxes()[box].focus()
        await pilot.press("end", "x")
        await done(pilot)
        name = ["what", "how_long"][box]
        typed = [dict(r) for r in ROWS]
        typed[row][name] += "x"
        assert kept(path, KEY) == typed
        await pilot.press("ctrl+z")
        await done(pilot)
        assert kept(path, KEY) == ROWS
        assert where(app) == (row, box)
        await pilot.press("ctrl+y")
        await done(pilot)
        assert kept(path, KEY) == typed
        assert where(app) == (row, box)
        await pilot.press("y")  # the keys go on into that box
        await done(pilot)
        typed[row][name] += "y"
        assert kept(path, KEY) == typed


@pytest.mark.parametrize("key", ["sharing.vendors", "retention.schedule"])
async def test_the_help_of_a_list_of_rows_says_how_to_add_a_row(make_app: App, tmp_path: Path,
                                                                 key: str) -> None:
    """Enter never reaches "+ Add" now: the help under the form (whole, at 80×24) and F1 say
    that Tab does, and F1 says where Enter goes in a row."""
    from drafter.app.screens.help import HelpScreen
    from drafter.app.widgets.helppanel import HelpPanel

    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, key.split(".")[0], key)
        await settle(pilot)
        panel = app.screen.query_one("#help", HelpPanel)
        assert panel.text.endswith("Tab to + Add for another row.")
        assert not panel.is_cut()
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        said = " ".join(app.screen.text().split())
        assert app.screen.here().endswith("Tab to + Add for another row.")
        assert "in a list of rows: to the next field, then the next row" in said
