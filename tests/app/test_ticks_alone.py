""""None of these" (and "I'm not sure") are never ticked with another option of a list to tick
(issue 15): the terminal trial ticked "None of these" with a location option. The latest tick
wins, the list shows it, the owner is told, and Ctrl+Z puts back what was ticked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from drafter import records
from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.questions import Question
from drafter.shown import ticked_alone
from tests.app.pilot_helpers import kept, open_section

App = Callable[..., DrafterApp]
KEY = "data_practices.consumer_health"


@pytest.mark.parametrize(("before", "after", "kept_ticks"), [
    (["a"], ["a", "none"], ["none"]),  # "None of these" unticks the rest
    (["none"], ["none", "a"], ["a"]),  # another option unticks "None of these"
    (["a"], ["a", "unsure"], ["unsure"]),
    (["unsure"], ["unsure", "none"], ["none"]),
    (["a"], ["a", "b"], ["a", "b"]),
    (["a", "none"], ["a", "none"], ["a", "none"]),  # as stored: nothing ticked, nothing done
])
def test_the_latest_tick_wins(before: list[str], after: list[str],
                              kept_ticks: list[str]) -> None:
    question = records.validate(Question, dict(
        id="a", prompt="A", type="many", unsure=True,
        options={"a": "A", "b": "B", "none": {"label": "None of these", "exclusive": True}}))
    assert ticked_alone(question, before, after) == kept_ticks


@pytest.mark.asyncio
async def test_none_of_these_unticks_the_others_visibly_and_undoably(
        make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")  # answers "None of these"
    answers = tmp_path / "answers.yaml"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await open_section(pilot, "data_practices", KEY)
        ticks = app.screen.query_one(f"#{field_id(KEY)}", QuestionField).query_one(
            SelectionList)
        assert app.focused is ticks and ticks.highlighted == 0
        await pilot.press("space")  # health purchases: "None of these" goes
        assert list(ticks.selected) == ["health_purchases"]
        assert kept(answers, KEY) == ["health_purchases"]
        notices = [n.message for n in app._notifications]
        assert any("unticked \u201cNone of these\u201d" in m for m in notices), notices
        await pilot.press("down", "space", "down", "down", "space")  # places, then none
        assert list(ticks.selected) == ["none"]
        assert kept(answers, KEY) == ["none"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        ticks = app.screen.query_one(f"#{field_id(KEY)}", QuestionField).query_one(
            SelectionList)
        assert kept(answers, KEY) == ["health_purchases", "health_places"]
        assert sorted(ticks.selected) == ["health_places", "health_purchases"]
