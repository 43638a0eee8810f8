"""What the kiosk trials as a new user found (issue 15, "Done when"): each test is one defect
seen in tmux at 80×24 or in Chromium, driven here through the real app with Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, SelectionList

from tests.app.pilot_helpers import field, focused_key, settle
from tests.app.test_keys import App, SIZE, start, stored

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]  # the type-to-jump clock stands still here too


async def test_typing_over_a_suggested_text_replaces_it(make_app: App, tmp_path: Path) -> None:
    """The kiosk trial (terminal, 80×24): "Suggested: Privacy Lead. Enter keeps it, or type
    your own." The owner typed their own after Enter brought them there, and the answer
    saved was "Privacy LeadOperations Manager". Typing replaces a suggestion; an arrow key
    first still edits it."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "contact", "contact.phone")
        await pilot.press(*"(614) 555-0187", "enter")
        assert focused_key(app) == "contact.officer"
        await pilot.press(*"Operations Manager")
        await pilot.pause()
        assert stored(tmp_path, "contact.officer") == "Operations Manager"
        assert field(app, "contact.officer").query_one(Input).value == "Operations Manager"
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "contact", "contact.officer")
        await pilot.press("end", *", Dana Whitfield")
        await pilot.pause()
        assert stored(tmp_path, "contact.officer") == "Privacy Lead, Dana Whitfield"


async def test_space_ends_a_type_to_jump_search(make_app: App, tmp_path: Path,
                                               still_clock: list[float]) -> None:
    """The kiosk trial (terminal): on the US states, the owner typed "oh", Space, "pe", Space,
    "mi", Space without a pause. The letters after each Space were added to the search
    ("ohpe" starts no option), so Space unticked Ohio again: Ohio, Pennsylvania and Michigan
    were meant, none was saved. Ticking (or moving the highlight) ends the search."""
    (tmp_path / "answers.yaml").write_text(
        "business:\n  kinds: [kiosks]\naudience:\n  regions: [usa]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "audience", "audience.us_states")
        await pilot.press("space", *"oh", "space", *"pe", "space", *"mi", "space")
        await pilot.pause()
        assert stored(tmp_path, "audience.us_states") == ["ohio", "pennsylvania", "michigan"]
        await pilot.press(*"te", "down", *"w", "space")  # Tennessee, Texas; then a new "w"
        await pilot.pause()
        assert stored(tmp_path, "audience.us_states")[-1] == "washington"
        # Chromium through `drafter serve`: the page tells the app it lost the focus (seen
        # 4 ms after a burst of keys), and Textual takes the focus off the list until the next
        # key. That key went the long way, through the list's own queue, while the keys after
        # it were taken at once in the app's loop: "oh" was handled as "h", "o" (Hawaii).
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert app.focused is None  # until the app has the focus again
        for key in [*"ne", " "]:  # one burst, as the page sends it: Nebraska, not Nevada
            app.post_message(events.Key("space" if key == " " else key, key))
        await pilot.pause()
        assert stored(tmp_path, "audience.us_states")[-1] == "nebraska"
        assert focused_key(app) == "audience.us_states"


async def test_the_pause_that_starts_a_new_search_is_the_owner_s(
        make_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pause that starts a new search is measured between the keys as typed (the key
    event's time), not as the app gets to them: under load the terminal app handled "o" and
    then "h" more than a second apart, and the "h" of "oh" jumped to Hawaii."""
    from textual.events import Key

    from drafter.app.widgets import lists

    monkeypatch.setattr(lists, "clock", lists.key_time)
    (tmp_path / "answers.yaml").write_text(
        "business:\n  kinds: [kiosks]\naudience:\n  regions: [usa]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "audience", "audience.us_states")
        states = field(app, "audience.us_states").query_one(SelectionList)
        typed_at = 50.0
        for char in "oh":
            key = Key(char, char)
            key.time = typed_at  # typed 0.1 s apart, whenever the app handles them
            typed_at += 0.1
            assert states.take_key(key)  # type: ignore[attr-defined]
        assert str(states.get_option_at_index(states.highlighted).prompt) == "Ohio"


async def test_a_space_then_down_in_a_burst_ticks_in_order(make_app: App, tmp_path: Path) -> None:
    """The kiosk trial (terminal, a loaded machine): Space, Down, Space… typed over the ten
    categories of a photo kiosk saved four, two of them wrong: a Space typed just before a
    Down was handled after it (Space is a binding, acted on once the key had bubbled up to
    the app), so it ticked the option below and the next Space unticked it again."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "collection", "collection.categories")
        keys = ["space", *["down", "space"] * 6, "down", "down", "space", "down", "space",
                "down", "down", "down", "space"]
        for key in keys:
            app.post_message(events.Key(key, " " if key == "space" else None))
            await asyncio.sleep(0)  # a burst: the app is handed every key before it settles
        await settle(pilot)
        assert stored(tmp_path, "collection.categories") == [
            "contact", "account", "payment", "transactions", "device", "usage",
            "approximate_location", "communications", "uploads", "photos_audio"]
        assert list(field(app, "collection.categories").query_one(SelectionList).selected) == (
            stored(tmp_path, "collection.categories"))


async def test_a_whole_burst_of_ticks_handed_over_at_once_ticks_in_order(
        make_app: App, tmp_path: Path) -> None:
    """The kiosk trial in Chromium: the browser hands the app a whole burst of keys at once,
    so every key is queued before the list handles the first. `SelectionList` ticked only
    when a message it posted to itself came round, after the keys queued: each Space ticked
    the option highlighted at the end of the burst (ten Spaces, nothing saved). The Enter
    after the burst finds the ticks saved and moves on to the next question (the one the
    ticks revealed, which follows the list)."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "collection", "collection.categories")
        keys = ["space", *["down", "space"] * 6, "down", "down", "space", "down", "space",
                "down", "down", "down", "space", "enter"]
        for key in keys:  # no turn for the app between them
            app.post_message(events.Key(key, " " if key == "space" else None))
        await settle(pilot)
        assert stored(tmp_path, "collection.categories") == [
            "contact", "account", "payment", "transactions", "device", "usage",
            "approximate_location", "communications", "uploads", "photos_audio"]
        # "account" ticked reveals the profile picture question, asked right after the list
        assert focused_key(app) == "collection.profile_pictures"
