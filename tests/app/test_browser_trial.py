"""What the browser trial (issue 15, `drafter serve` in Chromium, keyboard only, from an empty
file) found, each driven here through the real app with Pilot. The page hands the app a
burst of keys at once: each key is posted before the app has handled the one before."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from tests.app.pilot_helpers import focused_key
from tests.app.test_keys import App, SIZE, start, stored

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]


def burst(app: App, *keys: str) -> None:
    """Keys as the page sends them: all posted before the app handles the first."""
    for key in keys:
        app.post_message(events.Key(key, " " if key == "space" else key if len(key) == 1 else None))


async def test_arrows_then_enter_in_a_burst_choose_on_the_question_typed_in(
        make_app: App, tmp_path: Path) -> None:
    """The browser trial: on "Do other businesses host or run your kiosks?" (unanswered)
    Down then Enter, 0.1 s apart, saved nothing; the focus went on to the next question and
    the Down highlighted "Yes" there. Enter is taken in the app's own loop at once, while the
    Down went the long way (the radio set's binding, checked once the key had bubbled back
    to the app, by then on the next question). Every answer given with arrows was lost or
    wrong (Up on a suggested No, then Enter: No saved; Down, Down, Enter: Yes saved)."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "kiosks", "kiosks.operators")
        burst(app, "down", "enter")
        await pilot.pause()
        assert stored(tmp_path, "kiosks.operators") is True
        assert focused_key(app) == "kiosks.operator_payouts"  # the question Yes revealed
        # Space presses at once too: left to the radio set's binding, it came after the
        # Enter typed next, on the question Enter had moved to.
        burst(app, "up", "space", "enter")  # from the suggested No up to Yes
        await pilot.pause()
        assert stored(tmp_path, "kiosks.operator_payouts") is True
        assert focused_key(app) == "kiosks.operator_details"  # the next question (asked since 2026.12.11)
        assert stored(tmp_path, "kiosks.operator_details") is None


async def test_ctrl_z_after_a_burst_of_typing_undoes_that_typing(make_app: App,
                                                                 tmp_path: Path) -> None:
    """Ctrl+Z is taken in the app's own loop as soon as it comes in, while the letters typed
    before it wait in the box's queue: typed in one burst, "Brand" then Ctrl+Z undid the
    answer before it (the business's name, on the question left) and then "Brand" was put
    in. Ctrl+Z must undo what was typed just before it, and nothing else."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "business", "business.name")
        await pilot.press(*"Old Co", "enter")
        await pilot.pause()
        assert focused_key(app) == "business.brand"
        burst(app, *"Brand", "ctrl+z")
        await pilot.pause()
        assert stored(tmp_path, "business.name") == "Old Co"
        assert stored(tmp_path, "business.brand") is None


async def test_tab_after_adding_a_row_goes_through_the_new_row_in_order(
        make_app: App, tmp_path: Path) -> None:
    """The browser trial, on a busy machine: "+ Add", a second row typed, then Tab, Tab,
    Tab to go on, all handled before the screen was laid out again. Textual orders Tab by
    where each widget was last drawn, and the new row, not drawn yet, had no place: the
    Tabs went back to the first row, the owner's next answers were typed into it and an
    Enter pressed its Remove (the first row was lost, the second held "Kiosk photosov of
    o t c o"). Here the screen is held from drawing (`batch_update`) while the keys go in."""
    (tmp_path / "answers.yaml").write_text(
        "business:\n  kinds: [kiosks]\nretention:\n  deletes: 'yes'\n  schedule:\n"
        "    - what: Shipment records\n      how_long: 7 years\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "retention", "retention.schedule")  # in the row's first box
        await pilot.press("tab", "tab", "tab")  # past its second box and Remove, to "+ Add"
        with app.batch_update():
            await pilot.press("enter")  # "+ Add": a new row, its first box focused
            await pilot.press(*"Kiosk photos", "tab", *"90 days", "tab", "tab", "tab")
        await pilot.pause()
        assert stored(tmp_path, "retention.schedule") == [
            {"what": "Shipment records", "how_long": "7 years"},
            {"what": "Kiosk photos", "how_long": "90 days"}]
        assert focused_key(app) == "retention.backups"
