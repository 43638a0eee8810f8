"""The focused field is on screen at 80x24 whenever focus moves (issue 15, item 5): after an
answer reveals questions, Enter, Tab, find and undo. Checked against where the field is drawn
on the screen, after the app has drawn it, not against the scroll Textual was asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from drafter.app.app import DrafterApp
from drafter.paths import examples
from drafter.app.widgets.fields import QuestionField
from drafter.app.widgets.pages import Form
from tests.app.pilot_helpers import drawn, open_section, settle

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


def without_cameras(tmp_path: Path) -> Path:
    """The finished kiosk example, but its kiosks have no cameras (the camera questions are
    hidden until the owner says they have)."""
    text = examples()["kiosk"].read_text(encoding="utf-8")
    path = tmp_path / "answers.yaml"
    path.write_text(text.replace("  cameras: true\n", "  cameras: false\n"), encoding="utf-8")
    return path


def focused_field(app: DrafterApp) -> QuestionField:
    focused = app.screen.focused
    assert focused is not None
    field = next((a for a in focused.ancestors_with_self if isinstance(a, QuestionField)), None)
    assert field is not None, f"focus is on {focused!r}, not in a question"
    return field


def out_of_view(app: DrafterApp) -> str | None:
    """What of the focused field is not on screen: its prompt or its answer's widget."""
    form = app.screen.query_one(Form)
    view = form.content_region
    field = focused_field(app)
    focused = app.screen.focused
    assert isinstance(focused, Widget)
    prompt = field.region  # the field's top line is its prompt
    if not view.contains(prompt.x, prompt.y):
        return f"{field.key}'s prompt at row {prompt.y}, form shows rows {view.y}-{view.bottom - 1}"
    answer = focused.region
    if answer.height == 0 or not view.contains(answer.x, answer.y):
        return (f"{field.key}'s answer at row {answer.y} (height {answer.height}), form shows "
                f"rows {view.y}-{view.bottom - 1}")
    return None


async def find(pilot: Pilot[object], words: str) -> None:
    await pilot.press("ctrl+f")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.press("enter")
    await settle(pilot)
    await drawn(pilot)


async def answer_yes(pilot: Pilot[object]) -> None:
    """"y" and Enter on the focused yes/no question, and wait until it is drawn."""
    await pilot.press("y")
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    await drawn(pilot)


async def test_a_question_revealed_by_an_answer_is_scrolled_into_view(
        make_app: App, tmp_path: Path) -> None:
    """The audit: Ctrl+F to the cameras, y, Enter: focus went to "What do the cameras
    capture?", below the visible part of the form, and the owner answered it blind."""
    app = make_app(path=without_cameras(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await find(pilot, "cameras that can record")
        assert focused_field(app).key == "kiosks.cameras"
        assert out_of_view(app) is None
        await answer_yes(pilot)
        assert focused_field(app).key == "kiosks.camera_capture"
        assert out_of_view(app) is None


async def test_every_field_reached_by_enter_and_tab_is_in_view(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await find(pilot, "cameras that can record")
        for key in ("enter", "tab", "enter", "tab", "shift+tab", "enter"):
            await pilot.press(key)
            await settle(pilot)
            await drawn(pilot)
            assert out_of_view(app) is None, key


async def test_undo_brings_the_changed_field_into_view(make_app: App, tmp_path: Path) -> None:
    app = make_app(path=without_cameras(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await find(pilot, "cameras that can record")
        await answer_yes(pilot)
        assert focused_field(app).key == "kiosks.camera_capture"
        await pilot.press("ctrl+z")
        await settle(pilot)
        await drawn(pilot)
        assert focused_field(app).key == "kiosks.cameras"
        assert out_of_view(app) is None


@pytest.mark.parametrize("above", [40, 150])
async def test_a_section_opens_at_its_title_whatever_layout_was_seen_on_the_way(
        make_app: App, tmp_path: Path, above: int) -> None:
    """CI, under load (test_a_suggested_default_and_the_progress): "Cookies and tracking"
    opened with its title scrolled off the top. The first scroll to the focused question was
    worked out from a layout that still held the page before it (the form 216 rows tall, the
    question at row 56: scrolled to 54), and the scroll made once the real layout came could
    only move as little as it had to (to 2: the question at the top, its section's title
    above the form). Here a block of `above` rows stands above the question while a scroll is
    worked out, then goes: where the section shows must not depend on what was laid out on
    the way (150 also makes the form shrink below the scroll made)."""
    from textual.widgets import Static

    from drafter.app.widgets.in_view import keep_in_view

    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "cookies")
        await settle(pilot)
        await drawn(pilot)
        form = app.screen.query_one(Form)
        assert form.scroll_y == 0
        page = app.screen.query_one("#page-cookies")
        block = Static("\n".join(["x"] * above))
        await page.mount(block, before=0)
        await drawn(pilot)
        keep_in_view(app.screen)  # as the first scroll did, on a layout not the last one
        await drawn(pilot)
        assert form.scroll_y > 0
        await block.remove()
        await settle(pilot)
        await drawn(pilot)
        assert form.scroll_y == 0, "the section's title is off the top of the form"
        assert out_of_view(app) is None
