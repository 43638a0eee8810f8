"""The help and the current question follow the focus however fast it moves, and a vendor's
pick-list takes a burst of keys in order (issue 15): in the terminal trial, three Tabs from a vendor's pick-list left the help on the vendors' question
while the focus was on the next one, and a fourth Tab and "y", typed by an owner reading that
help, answered the question after it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Select, Static

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.position import position_path
from tests.app.pilot_helpers import kept, open_section

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]


def help_text(app: DrafterApp) -> str:
    return str(app.screen.query_one("#help", Static).content)


async def test_tabs_in_a_burst_leave_the_help_on_the_focused_question(
        make_app: App, tmp_path: Path) -> None:
    """Tab, Tab, Tab from the vendor row's pick-list (Remove, "+ Add", the next question),
    handed to the app at once as a busy terminal delivers them: the focus events of the
    buttons inside the vendors' question came round after the next question's, and put the
    vendors' help (and the vendors as the current question) back."""
    app = make_app("kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_section(pilot, "sharing", "sharing.vendors")
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        vendors = screen.query_one(f"#{field_id('sharing.vendors')}", QuestionField)
        pick = vendors.query_one(Select)
        pick.clear()  # empty, as a new vendor's row is
        pick.focus()
        await pilot.pause()
        assert screen.key == "sharing.vendors"
        # Enter, "other", Enter, Tab at once on the closed list: it opened, and its options
        # took the focus, only when its own queue reached the Enter, so the letters went to
        # the closed list and it stayed empty; and the list took the focus back after the Tab
        # had moved it on (the browser trial, a vendor's kind of service).
        for key in ["enter", *"other", "enter", "tab"]:
            app.post_message(events.Key(key, {"enter": "\r", "tab": None}.get(key, key)))
        await pilot.pause()
        assert pick.value == "other" and not pick.expanded
        # Enter on the last row's last field moved on to the next question (as everywhere),
        # and the Tab on past it: the list did not take the focus back
        contracts = screen.query_one(f"#{field_id('sharing.provider_contracts')}", QuestionField)
        shown = [k for k in screen.session.visible() if k.startswith("sharing.")]
        after = shown[shown.index(contracts.key) + 1]
        assert app.focused is not None and vendors not in app.focused.ancestors
        assert screen.query_one(f"#{field_id(after)}", QuestionField) in app.focused.ancestors
        pick.focus()
        await pilot.pause()
        for _ in range(3):
            app.post_message(events.Key("tab", None))
        await pilot.pause()
        assert app.focused is not None and contracts in app.focused.ancestors
        assert screen.key == "sharing.provider_contracts"
        assert help_text(app) == contracts.entry.question.help
        for key in (events.Key("n", "n"), events.Key("enter", "\r")):
            app.post_message(key)
        await pilot.pause()
        assert kept(tmp_path / "answers.yaml", "sharing.provider_contracts") is False
        assert kept(tmp_path / "answers.yaml", "sharing.affiliates") is False  # as it was
    position = json.loads(position_path(tmp_path / "answers.yaml").read_text())
    assert position["question"] in ("sharing.provider_contracts", "sharing.affiliates")
