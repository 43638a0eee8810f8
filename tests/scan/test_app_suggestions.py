"""The app's Suggestions view (`drafter edit ANSWERS --evidence FILE`): the fixture shop's
evidence against the kiosk example's answers. Each suggestion is written only when accepted,
exactly as suggested, and the file is read after each key."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Label, OptionList

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.suggestions import SuggestionsScreen
from drafter.cli import main
from drafter.evidence.model import load_evidence
from drafter.paths import examples
from drafter.yamlio import load_yaml
from tests.app.pilot_helpers import settle
from tests.conftest import real_project

DATA = Path(__file__).parent / "data"
SHOP = load_evidence(DATA / "shop-evidence.json")
SIZE = (110, 40)


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    shutil.copy(examples()["kiosk"], path)
    return path


def _app(answers: Path) -> DrafterApp:
    return DrafterApp(real_project(), answers, label=answers.name,
                      out_dir=answers.parent / "output", evidence=SHOP)


async def _suggestions(app: DrafterApp, pilot: Any) -> SuggestionsScreen:
    for _ in range(20):  # the suggestions are worked out in a thread
        await settle(pilot, rounds=1)
        if isinstance(app.screen, SuggestionsScreen):
            return app.screen
    raise AssertionError("the Suggestions view did not open")


def _left(screen: SuggestionsScreen) -> str:
    return str(screen.query_one("#left", Label).render())


@pytest.mark.asyncio
async def test_accept_writes_that_answer_and_decline_writes_nothing(answers: Path) -> None:
    before, first = load_yaml(answers), answers.read_bytes()
    app = _app(answers)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _suggestions(app, pilot)
        assert [i.key for i in screen.suggestions.items] == [
            "sharing.catalog", "cookies.advertising", "cookies.gpc_stops_ads",
            "collection.categories"]
        assert _left(screen) == "4 of 4 left to decide"
        assert answers.read_bytes() == first  # shown, not written

        await pilot.press("enter")  # accept the vendors seen
        await pilot.pause()
        after_accept = answers.read_bytes()
        data = load_yaml(answers)
        assert data["sharing"]["catalog"] == before["sharing"]["catalog"] + [
            "intercom", "meta_ads"]
        assert {k: v for k, v in data.items() if k != "sharing"} == {
            k: v for k, v in before.items() if k != "sharing"}  # nothing else written
        assert answers.read_text().startswith("# Example: a self-service")  # comments kept
        assert screen.query_one(OptionList).highlighted == 1  # on to the next one

        await pilot.press("d")  # decline: advertising cookies stay "no"
        await pilot.pause()
        assert answers.read_bytes() == after_accept
        assert load_yaml(answers)["cookies"]["advertising"] is False
        assert _left(screen) == "2 of 4 left to decide (1 accepted, 1 declined)"
        assert [i.state for i in screen.suggestions.items] == [
            "accepted", "declined", "open", "open"]

        await pilot.press("escape")  # the two left are left: nothing more is written
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert answers.read_bytes() == after_accept
        assert app.screen.session.value("sharing.catalog")[-2:] == ["intercom", "meta_ads"]
        await pilot.press("ctrl+z")  # an accepted suggestion is undone like a typed answer
        await settle(pilot)
    assert load_yaml(answers)["sharing"]["catalog"] == before["sharing"]["catalog"]


@pytest.mark.asyncio
async def test_decided_ones_stay_decided_and_the_end_says_so(answers: Path) -> None:
    app = _app(answers)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _suggestions(app, pilot)
        await pilot.press("d", "a", "d", "a")
        await pilot.pause()
        assert [i.state for i in screen.suggestions.items] == [
            "declined", "accepted", "declined", "accepted"]
        assert _left(screen).startswith("All 4 decided (2 accepted, 2 declined)")
        written = answers.read_bytes()
        await pilot.press("up", "enter", "a", "d")  # nothing open: no key changes anything
        await pilot.pause()
        assert answers.read_bytes() == written
        data = load_yaml(answers)
        assert data["cookies"]["advertising"] is True
        assert "demographics" in data["collection"]["categories"]
        assert "intercom" not in data["sharing"]["catalog"]


def test_bad_or_misplaced_evidence_is_one_line(answers: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "evidence.json"
    bad.write_text("{}")
    assert main(["edit", str(answers), "--evidence", str(bad)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"drafter: error: {bad}: source: Field required")
    missing = tmp_path / "new.yaml"
    assert main(["edit", str(missing), "--evidence", str(DATA / "shop-evidence.json")]) == 2
    assert "--evidence: suggestions are for an answers file that exists" in \
        capsys.readouterr().err


def test_suggestions_view(answers: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        screen = await _suggestions(pilot.app, pilot)
        await pilot.press("enter", "d")
        await pilot.pause()
        assert screen.suggestions.left() == [2, 3]
        for field in pilot.app.screen_stack[-2].query(Input):  # a cursor is caught blinking
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(_app(answers), terminal_size=SIZE, run_before=run_before)


@pytest.mark.asyncio
async def test_the_command_palette_opens_them_again_with_what_is_still_suggested(
        answers: Path) -> None:
    app = _app(answers)
    async with app.run_test(size=SIZE) as pilot:
        await _suggestions(app, pilot)
        await pilot.press("enter", "d", "escape")  # accept the vendors, decline advertising
        await settle(pilot)
        commands = [c for c in app.get_system_commands(app.screen)
                    if c.title == "Suggestions from the scan"]
        assert len(commands) == 1
        commands[0].callback()
        screen = await _suggestions(app, pilot)  # what still disagrees, declined or not yet
        assert [i.key for i in screen.suggestions.items] == [
            "cookies.advertising", "cookies.gpc_stops_ads", "collection.categories"]


@pytest.mark.asyncio
async def test_no_command_without_evidence(answers: Path) -> None:
    app = DrafterApp(real_project(), answers, out_dir=answers.parent / "output")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert not [c for c in app.get_system_commands(app.screen)
                    if c.title == "Suggestions from the scan"]


@pytest.mark.asyncio
async def test_on_a_phone_each_suggestion_wraps_under_its_own_start(answers: Path) -> None:
    """Each row is a mark column (✓, ✗, !) and the suggestion's words beside it; on a phone a
    long change ("sharing.catalog: add …") wrapped back to the left edge, under the marks."""
    from textual.geometry import Region

    from tests.app.test_phone import PHONE

    app = _app(answers)
    async with app.run_test(size=PHONE) as pilot:
        screen = await _suggestions(app, pilot)
        await pilot.press("enter")  # one accepted: a mark in the column
        await pilot.pause()
        listed = screen.query_one(OptionList)
        size = listed.scrollable_content_region.size
        lines = [strip.text.rstrip() for strip in listed.render_lines(
            Region(0, 0, listed.size.width, listed.virtual_size.height))]
        rows = [line[listed.styles.padding.left:] for line in lines if line.strip()]
        assert any(row.startswith("✓ ") for row in rows), rows
        assert len(rows) > len(screen.suggestions.items) * 3, rows  # long rows did wrap
        for row in rows:
            assert row[:1] in "✓✗! " and row[1:2] == " ", rows
        assert size.width < 45
