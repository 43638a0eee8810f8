"""A field drawn again (its kind of input cannot show a new answer in place: a vendor list, an
answer taken from a suggestion, an undo, a change made in another window) gets the focus back
only if the focus is still in it once the new one is up (issue 15): in the browser trial the
focus jumped from `sharing.merger_notice` back to `sharing.partners` 0.7 s after the owner had
moved on, with no key typed, and the next answers landed one question behind. The old field
was removed first (Textual then moved the focus to the question before it) and the new one
took the focus whatever had happened meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.fields import QuestionField, field_id
from tests.app.pilot_helpers import open_section

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]


def field(screen: EditorScreen, key: str) -> QuestionField:
    return screen.query_one(f"#{field_id(key)}", QuestionField)


async def test_a_redrawn_field_keeps_the_focus_only_if_nobody_moved_it(
        make_app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "sharing", "sharing.partners")
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        partners = field(screen, "sharing.partners")
        monkeypatch.setattr(QuestionField, "show_answer", lambda self, value: False)

        # Nobody moves: the new field of the same question has the focus.
        partners.focus_answer(at_once=True)
        await pilot.pause()
        again = await screen.redraw_field(partners)
        await pilot.pause()
        assert app.focused is not None and again in app.focused.ancestors

        # The owner moves on while the field is drawn again: the focus stays where they put it.
        later = field(screen, "sharing.merger_notice")
        page = type(again.parent)
        mount = page.mount

        def mount_while_owner_moves(page: Any, *widgets: Any, **where: Any) -> Any:
            later.focus_answer(at_once=True)  # a Tab handled by the app meanwhile
            return mount(page, *widgets, **where)

        monkeypatch.setattr(page, "mount", mount_while_owner_moves)
        await screen.redraw_field(again)
        monkeypatch.setattr(page, "mount", mount)
        await pilot.pause()
        assert app.focused is not None and later in app.focused.ancestors
        assert screen.key == "sharing.merger_notice"
