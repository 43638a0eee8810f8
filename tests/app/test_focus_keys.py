"""Keys meet the field the owner sees (issue 15): focusing a field with an answer never selects
it (the next key adds, never replaces), and a key typed right after Enter lands in the next
field, through the real app with Pilot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField, field_id
from tests.app.pilot_helpers import kept, open_section, settle
from tests.app.typing_helpers import key_event

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


def box(app: DrafterApp, key: str) -> Input:
    return app.screen.query_one(f"#{field_id(key)}", QuestionField).query_one(Input)


def stored(tmp_path: Path, key: str) -> object:
    return kept(tmp_path / "answers.yaml", key)


async def test_typing_into_a_filled_field_adds_to_its_answer(make_app: App,
                                                            tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.name")  # focused on showing
        await pilot.press(*" Ltd")
        await pilot.pause()
        assert box(app, "business.name").value == "Parcel Point Kiosks, Inc. Ltd"
        await pilot.press("tab")  # reached with Tab: the same
        await pilot.pause()
        assert app.focused is box(app, "business.brand")
        assert not box(app, "business.brand").selected_text
        await pilot.press("s")
        await pilot.pause()
        assert box(app, "business.brand").value == "Parcel Points"
        assert stored(tmp_path, "business.name") == "Parcel Point Kiosks, Inc. Ltd"
        assert stored(tmp_path, "business.brand") == "Parcel Points"


async def test_typing_into_a_filled_long_answer_adds_at_its_end(make_app: App,
                                                                tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = str(stored(tmp_path, "business.address"))
        await open_section(pilot, "business", "business.address")
        area = app.screen.query_one(f"#{field_id('business.address')}", QuestionField
                                    ).query_one(TextArea)
        assert app.focused is area and not area.selected_text
        await pilot.press(*"USA")
        await pilot.pause()
        assert area.text == before + "USA"
        assert stored(tmp_path, "business.address") == before + "USA"



async def test_a_key_typed_right_after_enter_goes_to_the_next_field(make_app: App,
                                                                   tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.name")
        await pilot.press("enter", "x")
        await pilot.pause()
        assert box(app, "business.name").value == "Parcel Point Kiosks, Inc."
        assert box(app, "business.brand").value == "Parcel Pointx"
        assert stored(tmp_path, "business.name") == "Parcel Point Kiosks, Inc."
        assert stored(tmp_path, "business.brand") == "Parcel Pointx"


async def test_keys_in_one_burst_after_enter_go_to_the_next_field(make_app: App,
                                                                 tmp_path: Path) -> None:
    """As a terminal delivers them: Enter and the next letters reach the app together, before
    it has handled any of them."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.name")
        for key in (events.Key("enter", "\r"), events.Key("y", "y"), events.Key("z", "z")):
            app.post_message(key)
        await pilot.pause()
        await pilot.pause()
        assert box(app, "business.name").value == "Parcel Point Kiosks, Inc."
        assert box(app, "business.brand").value == "Parcel Pointyz"
        assert stored(tmp_path, "business.brand") == "Parcel Pointyz"


@pytest.mark.parametrize("key", ["business.name", "business.address"])
async def test_each_key_is_on_disk_when_its_handler_returns(make_app: App, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           key: str) -> None:
    """A burst of keys (as a terminal delivers them): each is on disk before the box's key
    handler returns, so before any draw can show it (kill -9 the moment the text appears on
    screen loses nothing). Saved through a message, the screen could draw a whole burst
    before the first change reached the field that saves it."""
    app = make_app("kiosk")
    unsaved: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", key)
        answer = app.screen.query_one(f"#{field_id(key)}", QuestionField).query_one(".answer")
        before = str(stored(tmp_path, key))

        def text() -> str:
            return answer.value if isinstance(answer, Input) else answer.text  # type: ignore

        kind = type(answer).__mro__[1]  # Textual's Input or TextArea, whose handler it is
        handler = kind.__dict__["_on_key"]

        async def checked(self: Input | TextArea, event: events.Key) -> None:
            await handler(self, event)
            if self is answer and str(stored(tmp_path, key)) != text().strip():  # as stored
                unsaved.append(text())

        monkeypatch.setattr(kind, "_on_key", checked)
        for char in " Holdings":
            app.post_message(key_event(char))
        for _ in range(3):
            await pilot.pause()
        assert text() == before + " Holdings"
        assert str(stored(tmp_path, key)) == before + " Holdings"
        assert not unsaved, f"shown before saved: {unsaved}"


@pytest.mark.parametrize("kind", [Input, TextArea])
async def test_bound_keys_in_a_burst_keep_their_place(make_app: App, tmp_path: Path,
                                                      kind: type) -> None:
    """Backspace, Ctrl+U and the arrows are bindings of the box: handled where Textual handles
    bindings (after the key has bubbled up to the app), a letter typed after them was put in
    first. In one burst as a terminal delivers it, each acts in the order typed."""
    app = make_app("kiosk")
    key = "business.name" if kind is Input else "business.address"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", key)
        answer = app.screen.query_one(f"#{field_id(key)}", QuestionField).query_one(kind)
        before = answer.value if kind is Input else answer.text
        burst = [*"ab", "backspace", "c", "left", "x", "end", "!"]
        for name in burst:
            app.post_message(events.Key(name, name if len(name) == 1 else None))
        for _ in range(3):
            await pilot.pause()
        after = answer.value if kind is Input else answer.text
        assert after == before + "axc!"
        assert str(stored(tmp_path, key)) == before + "axc!"
