"""An answer holding an option its `when` no longer offers is kept as given, with a warning
under the list: a warning, drawn as one, not as an error (the answer is valid and nothing
blocks the owner)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import Label

from drafter.answers_file import AnswersFile
from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField, field_id
from tests.app.pilot_helpers import open_section, settle

App = Callable[..., DrafterApp]


@pytest.mark.asyncio
async def test_an_option_no_longer_offered_is_warned_of_in_the_warning_style(
        make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")  # change_notice holds "A message in our app"
    answers = AnswersFile.open(tmp_path / "answers.yaml")
    answers.set("business.has_app", False)  # ... which is offered only with an app
    answers.save()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_section(pilot, "policy", "policy.change_notice")
        field = app.screen.query_one(f"#{field_id('policy.change_notice')}", QuestionField)
        below = field.query_one(".problem", Label)
        assert "not offered with your other answers" in str(below.content)
        colours = app.get_css_variables()
        assert below.styles.color == Color.parse(colours["text-warning"])
        assert not field.has_class("-invalid")  # the old code: the error's colour and class
