"""F1 says what is true where the owner is: on the welcome screen (before any answers file is
chosen, where F1 did nothing), and in the browser, where Ctrl+V pastes the browser's
clipboard (F1 described the terminal's paste there; issue 15, Chromium through `drafter
serve`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.help import HelpScreen
from drafter.app.screens.welcome import WelcomeScreen
from tests.app.pilot_helpers import drawn

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)

App = Callable[..., DrafterApp]


def paste_line(text: str) -> str:
    return next(line for line in text.splitlines() if "Ctrl+V" in line)


async def test_f1_on_the_welcome_screen_lists_its_keys(make_app: App) -> None:
    app = make_app()  # a new answers file: the welcome screen
    async with app.run_test(size=SIZE) as pilot:
        await drawn(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("f1")
        await drawn(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        places = [place for place, _ in app.screen.groups()]
        assert places == ["Everywhere", "In a list to tick"]  # the kinds of business
        for key, words in (("F1", "Help"), ("Ctrl+Q", "Quit"), ("Tab", "next field"),
                           ("Space", "Tick or untick")):
            assert any(f" {key}" in line and words in line for line in text.splitlines()), (
                key, text)
        assert "Ctrl+Z" not in text and "Ctrl+F" not in text  # the editor's, not here
        assert "section" not in text and "question" not in text, text  # none here yet
        await pilot.press("escape")
        await drawn(pilot)
        assert isinstance(app.screen, WelcomeScreen)


@pytest.mark.parametrize("web", [False, True], ids=["terminal", "browser"])
async def test_f1_says_what_ctrl_v_pastes_in_the_terminal_and_in_the_browser(
        make_app: App, monkeypatch: pytest.MonkeyPatch, web: bool) -> None:
    monkeypatch.setattr(DrafterApp, "is_web", property(lambda self: web))
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await drawn(pilot)
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("f1")
        await drawn(pilot)
        assert isinstance(app.screen, HelpScreen)
        paste = paste_line(app.screen.text())
        if web:  # the page has the browser paste its clipboard: no terminal's own paste
            assert "any other program" in paste and "terminal" not in paste, paste
        else:  # the key reaches the app, which pastes only what was copied in it
            assert "terminal's own paste" in paste, paste
