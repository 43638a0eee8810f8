"""A phone's width in the browser (issue 15, items 5 and 7; 375 px shows about 45 columns):
where am I, the keys that matter, text wrapped rather than cut, through the real app."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import Button, Footer, Label

from drafter.app.app import DrafterApp
from drafter.app.screens.export import ConfirmOverwrite
from drafter.app.screens.find import FindScreen
from drafter.app.screens.help import HelpScreen
from drafter.app.widgets.helppanel import HelpPanel
from drafter.app.widgets.notes import NotesList
from tests.app.pilot_helpers import open_section, settle
from tests.app.test_fit import moved, shown_lines

pytestmark = pytest.mark.asyncio
PHONE = (42, 40)

App = Callable[..., DrafterApp]


def on_screen(app: DrafterApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001


async def test_a_phone_shows_the_overall_progress_in_one_line(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        progress = app.screen.query_one("#progress")
        assert progress.display and progress.region.height >= 1
        lines = [line.strip() for line in shown_lines(progress, inside=True)]
        # the desktop's words with one number each ("2/86 done · to do: you 86" read oddly)
        standing = progress.shown
        assert re.fullmatch(r"Answered \d+ of \d+ · (\d+ for you|nothing left)( · \d+ for "
                            r"counsel)?", standing.line()), standing.line()
        assert standing.line().startswith(standing.lines()[0])
        assert " · ".join(lines) == standing.line(), lines  # whole phrases, on as few rows
        assert len(lines) <= 2 and all(len(line) <= PHONE[0] for line in lines), lines


async def test_a_phone_packs_the_progress_into_whole_phrases(make_app: App,
                                                              tmp_path: Path) -> None:
    """A file just begun has something left for the owner and for counsel: the phrases
    take two rows at a phone's width, none broken, and the panel is as tall as they are."""
    from drafter.app.widgets.progress import packed

    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\naudience:\n"
                                           "  regions: [usa]\n  revenue: unsure\n")
    app = make_app()
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        progress = app.screen.query_one("#progress")
        rows = [line.strip() for line in shown_lines(progress, inside=True)]
        standing = progress.shown
        assert standing.for_owner and standing.counsel, standing
        assert rows == packed(standing.phrases(), progress.content_size.width) and len(rows) == 2


async def test_a_phone_footer_shows_the_pane_and_export_keys(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        footer = " ".join(shown_lines(app.screen.query_one(Footer)))
        for key in ("Help", "Preview", "Notes", "Export"):
            assert key in footer, footer


async def test_escape_closes_the_pane_that_covers_the_form(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.website")
        for key in ("f4", "f2"):
            await pilot.press(key)
            await settle(pilot)
            assert not app.screen.query_one("#form-column").display
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen.query_one("#form-column").display, key
            assert app.screen.key == "business.website"
            assert app.focused is not None and "website" in str(app.focused.ancestors)


@pytest.mark.parametrize("dialog", ["help", "find"])
async def test_a_phone_wraps_the_dialog_titles(make_app: App, dialog: str) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("f1" if dialog == "help" else "ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen if dialog == "help" else FindScreen)
        title = app.screen.query_one(".dialog-title", Label)
        words = " ".join(line.strip() for line in shown_lines(title, inside=True))
        assert words.endswith("closes this)" if dialog == "help" else "choose another."), words


async def test_a_phone_shows_the_export_dialog_buttons_whole(make_app: App,
                                                             tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        app.push_screen(ConfirmOverwrite([tmp_path / "output" / "kiosk" / "privacy-policy.md"]))
        await settle(pilot)
        for button in app.screen.query(Button):
            text = " ".join(" ".join(shown_lines(button, inside=True)).split())
            assert text == " ".join(str(button.label).split()), text


async def test_the_help_follows_the_focus_into_the_notes(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.legal_name")
        await moved(pilot)
        before = app.screen.query_one("#help", HelpPanel).text
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.focused, NotesList)
        assert app.screen.query_one("#help", HelpPanel).text != before


async def test_every_question_without_its_own_help_says_what_it_asks(make_app: App) -> None:
    """Not "Answers are saved as you type." in place of help."""
    app = make_app("kiosk")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.website")
        await moved(pilot)
        assert app.screen.query_one("#help", HelpPanel).text != "Answers are saved as you type."


async def test_tab_reaches_the_export_panel_and_the_arrows_scroll_it(make_app: App) -> None:
    from drafter.app.widgets.progress import Exported

    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        panel = app.screen.query_one(Exported)
        assert panel.display and panel.max_scroll_y > 0
        app.screen.query_one("#next").focus()
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is panel
        assert "scroll" in app.screen.query_one("#help", HelpPanel).text
        await pilot.press("down")
        await settle(pilot)
        assert panel.scroll_y == 1


async def test_next_looks_focused_only_when_it_is(make_app: App) -> None:
    """The trial took the solid blue Next for the focus while typing went into the question
    above it: unfocused, it is drawn as any button; focused, it takes the focus colour and its
    label is reversed (a cue that is not colour alone)."""
    app = make_app("kiosk")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await open_section(pilot, "contact")
        button = app.screen.query_one("#next", Button)
        assert not button.has_focus
        unfocused = button.rich_style
        primary = Color.parse(app.theme_variables["primary"]).rich_color
        button.focus()
        await settle(pilot)
        focused = button.rich_style
        assert unfocused.bgcolor != focused.bgcolor
        assert unfocused.bgcolor != primary  # the focus colour: the inputs' focused border
        assert focused.reverse and not unfocused.reverse


async def test_served_the_focus_shows_before_the_first_key(make_app: App,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """Textual's web driver says on start that the page is blurred: the focused question lost
    its outline and cursor until the first key. A blur the page sends later is taken."""
    from textual import events

    monkeypatch.setattr(DrafterApp, "is_web", property(lambda self: True))
    app = make_app("kiosk")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        focused = app.focused
        assert focused is not None
        app.post_message(events.AppBlur())  # the driver's, on start
        await settle(pilot)
        assert app.app_focus and app.focused is focused
        app.post_message(events.AppBlur())  # the page's: the owner went to another window
        await settle(pilot)
        assert not app.app_focus and app.focused is None
        app.post_message(events.AppFocus())
        await settle(pilot)
        assert app.focused is focused


async def test_a_phone_wraps_the_preview_section_titles(make_app: App) -> None:
    from textual.widgets import Collapsible

    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        parts = list(app.screen.query_one("#preview").query(Collapsible))
        assert parts
        longest = parts[0]  # "Who we are and what this policy covers", cut in the trial
        title = longest.query_one("CollapsibleTitle")
        words = " ".join(" ".join(shown_lines(title, inside=True)).split())
        assert words.endswith(longest.title), (words, longest.title, title.region,
                                               app.screen.query_one("#preview").region)


@pytest.mark.parametrize("size", [(80, 24), PHONE])
async def test_a_wrapped_section_title_goes_on_under_its_start(make_app: App,
                                                               size: tuple[int, int]) -> None:
    """Each row of the sections is a mark and a space, or (a title's next line, or a section
    with no mark) two spaces: "with 0/12" began at the left edge, where the marks are."""
    app = make_app("kiosk")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for section in ("contact", "sharing"):
            await open_section(pilot, section)
            await settle(pilot)
            lines = shown_lines(app.screen.query_one("#sections"), inside=True)
            assert size == PHONE or any(line.startswith("  ") for line in lines), lines
            for line in lines:
                assert line[:1] in "✓!?* " and line[1:2] == " ", lines
