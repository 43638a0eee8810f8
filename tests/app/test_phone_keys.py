"""A phone's help line and footer (issue 15, items 3 and 5; the Chromium trial at 375 px):
while the preview or the notes cover the form the help line says what the pane's keys do, and
back on the form it is the question's again; the footer shows every essential key whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafter.app.app import DrafterApp
from drafter.app.widgets.focus_help import NOTES, TABS
from drafter.app.widgets.helppanel import HelpPanel
from tests.app.pilot_helpers import open_section, settle
from tests.app.test_fit import moved, shown_lines
from tests.app.test_phone import PHONE

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]


def help_drawn(app: DrafterApp) -> str:
    """The help line's words as the owner sees them ("" when it is not on the screen)."""
    panel = app.screen.query_one("#help", HelpPanel)
    if not all(node.display for node in panel.ancestors_with_self) or not panel.region.height:
        return ""
    return " ".join(" ".join(shown_lines(panel, inside=True)).split())


@pytest.mark.parametrize("size", [PHONE, (80, 24)])
async def test_the_help_line_stays_while_a_pane_covers_the_form(make_app: App,
                                                               size: tuple[int, int]) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.legal_name")
        await moved(pilot)
        question = help_drawn(app)
        assert question.startswith("Use the name on your registration"), question
        for key, said in (("f4", NOTES), ("f2", TABS)):
            await pilot.press(key)
            await settle(pilot)
            assert not app.screen.query_one("#form-column").display
            drawn = help_drawn(app)
            assert drawn and " ".join(said.split()).startswith(drawn.split("…")[0][:30]), (
                key, drawn)
            assert "Escape" in drawn, drawn  # the way back to the question
            await pilot.press("escape")
            await settle(pilot)
            await moved(pilot)
            assert help_drawn(app) == question, key


ESSENTIAL = ("help", "find", "toggle_preview", "show_notes", "export", "next_section",
             "previous_section", "app.quit")
"""The keys an owner on a phone must see without F1: help, find, the panes, export, the
sections and quit (the trial's phone footer showed only the first five)."""


@pytest.mark.parametrize(("width", "example"), [(41, False), (45, False), (59, False),
                                              (41, True)])
async def test_a_phone_footer_shows_every_essential_key_whole(make_app: App, width: int,
                                                              example: bool) -> None:
    """41 columns: Chromium's at 375 px. On a built-in example (read-only) F3 "Edit a copy"
    joins them: it was cut to "f3 Edit a c"."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = make_app("kiosk")
    if example:
        app = DrafterApp(app.session.project, app.session.path, label="kiosk",
                         read_only=True)
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        drawn = "\n".join(shown_lines(footer))
        shown = {key.action: key for key in footer.query(FooterKey)
                 if key.display and key.region.width}
        assert set(ESSENTIAL) <= set(shown), (sorted(shown), drawn)
        assert example == ("edit_copy" in shown), sorted(shown)
        for action, key in shown.items():
            assert key.region.right <= footer.region.right, (action, key.region, drawn)
            text = " ".join(shown_lines(key)[0].split())
            assert text == f"{key.key_display} {key.description}", (text, drawn)
        assert footer.region.height <= 2 + example, footer.region
        # the form keeps its room: the footer adds one row at most
        assert app.screen.query_one("#form").region.height >= 10


async def test_a_phone_footer_says_what_each_key_does(make_app: App) -> None:
    """Short words at a phone's width, the same keys as the desktop's footer: the two section
    keys both read "Section" beside their arrows (Ctrl+↑, Ctrl+↓); the others their own
    words."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = make_app("kiosk")
    async with app.run_test(size=(41, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        labels = {key.action: key.description for key in footer.query(FooterKey)
                  if key.display}
        assert labels["next_section"] == labels["previous_section"] == "Section"
        assert labels["find"] == "Find" and labels["app.quit"] == "Quit"
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        labels = {key.action: key.description for key in footer.query(FooterKey)}
        assert labels["next_section"] == "Next section", labels


async def test_inside_the_preview_the_help_says_how_to_read_it(make_app: App) -> None:
    """Tab from the preview's tabs goes into the draft (a part's title): the help line kept
    the tabs' help, or before that the question's."""
    from drafter.app.widgets.focus_help import BACK, PREVIEW

    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        title = app.screen.query_one("#preview").query("CollapsibleTitle").first()
        title.focus()
        await settle(pilot)
        assert app.screen.query_one("#help", HelpPanel).text == PREVIEW + BACK
        assert help_drawn(app).endswith("Escape goes back to the questions."), help_drawn(app)
