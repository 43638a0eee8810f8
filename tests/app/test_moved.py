"""An answer to a retired question (`moved:` with a values map) is carried over in the app as
`drafter build` reads it, visibly: the new question shows it, the owner is told, and the file
is left as it is until the owner answers there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import RadioSet

from drafter.answers import load_answers
from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.project import Project
from tests.app.pilot_helpers import settle
from tests.test_moved_answers import old_style

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]
KEY = "security.card_storage"


@pytest.mark.parametrize(("stores_cards", "shown"), [("true", "processor"), ("false", None)])
async def test_a_moved_answer_is_shown_on_the_new_question_and_named(
        project: Project, tmp_path: Path, stores_cards: str, shown: str | None) -> None:
    path = old_style(tmp_path, stores_cards)
    before = path.read_text()
    app = DrafterApp(project, path, label=path.name, out_dir=tmp_path / "output")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        session = app.session
        assert session.value(KEY) == shown  # what the build reads: the same in the app
        assert load_answers(path, project.questionnaire).resolved()[KEY] == shown
        told = [str(n.message) for n in app._notifications]
        assert any("stores_cards" in m and KEY in m for m in told), (told, session.carried, path.read_text()[:300])
        assert not any("Not questions here" in m for m in told), "the old key is not 'unused'"
        screen = app.screen
        await screen.show_section("security", KEY)
        await pilot.pause()
        field = screen.query_one(f"#{field_id(KEY)}", QuestionField)
        assert field.display
        pressed = field.query_one(RadioSet).pressed_button
        assert (str(pressed.label) if pressed else None) == (
            None if shown is None else "Our payment processor; we keep only a reference and "
            "the last digits")
    assert path.read_text() == before, "opening and looking changes nothing in the file"
