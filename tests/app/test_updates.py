"""The app opens on the Updates view when the answers were last built with an older clause
library: only the questions the library's changes ask, each one a jump to its question."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.updates import UpdatesScreen
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.widgets.sidebar import SectionList
from drafter.project import Project
from tests.app.pilot_helpers import settle
from tests.test_outdated import Scene, scene  # noqa: F401 (the fixture)

pytestmark = pytest.mark.asyncio
SIZE = (100, 30)


async def _updates(app: DrafterApp, pilot: object) -> UpdatesScreen | None:
    for _ in range(20):  # the worker drafts the policy in a thread
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]
        if isinstance(app.screen, UpdatesScreen):
            return app.screen
    return None


async def test_the_app_offers_only_the_changed_questions(scene: Scene) -> None:  # noqa: F811
    app = DrafterApp(Project.load(library=scene.new), scene.answers, out_dir=scene.out)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _updates(app, pilot)
        assert screen is not None
        listed = screen.query_one(OptionList)
        assert [listed.get_option_at_index(i).id for i in range(listed.option_count)] == [
            "data_practices.ai_training", "retention.schedule"]
        sidebar = app.screen_stack[-2].query_one(SectionList)
        marked = {row_id for prompt, row_id in sidebar.shown
                  if prompt.startswith("[$text-accent]*")}
        assert marked == {"data_practices", "retention"}
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        wanted = app.screen.query_one(f"#{field_id('retention.schedule')}", QuestionField)
        focused = app.screen.focused
        assert focused is not None and wanted in focused.ancestors_with_self


async def test_no_updates_view_with_the_library_it_was_built_with(scene: Scene  # noqa: F811
                                                                  ) -> None:
    app = DrafterApp(Project.load(library=scene.old), scene.answers, out_dir=scene.out)
    async with app.run_test(size=SIZE) as pilot:
        assert await _updates(app, pilot) is None
        assert isinstance(app.screen, EditorScreen)
