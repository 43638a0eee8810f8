"""A new owner's trial of issue 15 in tmux at 80x24, driven through the real app with Pilot:
ticks seen without colour, F1 in an owner's words (each key once, only keys a terminal can
send), how to leave a long text box said under it and in F1, a long answer shown cut with "…"
once left, every problem of a list of rows shown, and a row begun and left unfinished counted
as left to do, with the key that goes to what is left going to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Label, Select, TextArea

from drafter.app.app import DrafterApp
from drafter.app.screens.help import HelpScreen
from drafter.app.widgets.boxes import AnswerBox
from drafter.app.widgets.fields import Choice, QuestionField
from drafter.app.widgets.ticklist import ManyList
from drafter.app.widgets.lists import UnsureBox
from drafter.app.widgets.progress import Progress
from drafter.app.widgets.records import RecordRow
from drafter.standing import left_for_owner, unfinished
from tests.app.pilot_helpers import drawn, field, open_section

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


async def test_ticked_and_unticked_differ_without_colour(make_app: App) -> None:
    """Both drew `▐X▌`, told apart by colour only."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, "business", "business.kinds")
        ticks = field(app, "business.kinds").query_one(ManyList)
        lines = [ticks.render_line(y).text for y in range(ticks.size.height)]
        kiosks = next(line for line in lines if "self-service kiosks" in line)
        other = next(line for line in lines if "marketplace" in line)
        assert kiosks.startswith("▐✓▌ ") and other.startswith("▐ ▌ "), lines
        yes, no = field(app, "business.has_app").query(Choice)  # the kiosk has an app
        assert yes.render().plain.startswith("▐●▌")
        assert no.render().plain.startswith("▐ ▌")
        await open_section(pilot, "audience", "audience.people")
        unsure = field(app, "audience.people").query_one(UnsureBox)
        assert unsure.render().plain.startswith("▐ ▌")
        unsure.value = True
        assert unsure.render().plain.startswith("▐✓▌")


async def test_f1_lists_each_key_once_in_an_owners_words(make_app: App) -> None:
    """F1 listed Textual's bindings as they are ("Ctrl+Pageup Page Left", "Scroll Home"),
    Ctrl+Z twice (the long text box's own undo, which the app's takes over), keys no terminal
    sends (Super+C; Ctrl+Shift+Z, which arrives as Ctrl+Z) and redo as Ctrl+Shift+Z."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        for raw in ("Super+", "Ctrl+Shift+Z", "Ctrl+Shift+A", "Ctrl+Shift+K", "Pageup",
                    "Page Left", "Scroll", "Cursor", "Submit", "Toggle", "palette"):
            assert raw not in text, raw
        for key in ("Ctrl+Z", "Ctrl+Y", "Ctrl+Q", "F1"):
            assert text.count(f" {key} ") + text.count(f" {key},") == 1, (key, text)
        redo = next(line for line in text.splitlines() if "Redo" in line)
        assert "Ctrl+Y" in redo
        paste = next(line for line in text.splitlines() if "Ctrl+V" in line)
        assert "terminal's own paste" in paste  # not "text copied in Drafter" alone (browser trial)
        for place, rows in app.screen.groups():  # no key twice in one place
            keys = [key for listed, _ in rows for key in listed.split(", ")]
            assert len(keys) == len(set(keys)), (place, rows)
        await pilot.press("escape")
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Redo the answer undone"] == "Keys: Ctrl+Y"


async def test_a_long_text_box_says_how_to_leave_it(make_app: App) -> None:
    """Enter adds a line in a long text box (an address's next line must never land in the
    next question); nothing on screen said that Tab leaves it."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, "business", "business.address")
        address = field(app, "business.address")
        hint = address.query_one(".keys-hint", Label)
        assert hint.display and address.query_one(TextArea).has_focus
        said = str(hint.render())
        assert "Enter" in said and "Tab" in said and hint.region.height >= 1
        await pilot.press("enter")
        assert address.query_one(TextArea).has_focus  # a new line, not the next question
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        place = next(p for p in text.split("\n\n") if p.startswith("In a long text box"))
        assert "Tab" in place and "new line" in place


async def test_a_long_answer_left_ends_with_an_ellipsis(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, "business", "business.name")
        box = field(app, "business.offering").query_one(AnswerBox)
        assert len(box.value) > box.content_region.width
        shown = box.render_line(0).text.rstrip()
        assert shown.endswith("…") and shown[:-1] == box.value[:len(shown) - 1], shown
        short = field(app, "business.name").query_one(AnswerBox)
        box.focus()
        await pilot.pause()
        assert "…" not in box.render_line(0).text  # typing in it: the text itself
        assert "…" not in short.render_line(0).text
        focused = app.focused
        await pilot.press("ctrl+l")  # the kiosk leaves nothing to do: said, and no move
        await pilot.pause()
        assert app.focused is focused
        assert any("Nothing is left for you" in str(n.message) for n in app._notifications)


def cut_prompts(app: DrafterApp) -> list[str]:
    """The questions whose prompt the bottom of the form cuts (its first line shown alone)."""
    bottom = app.screen.query_one("#form").region.bottom
    return [field.key for field in app.screen.query(QuestionField)
            if (shown := field.query_one(".prompt", Label).region).height
            and shown.y < bottom < shown.bottom]


async def test_the_next_question_is_never_shown_cut_under_the_focused_one(make_app: App) -> None:
    """At 80x24 the bottom of the form (the help panel's top) cut "Do you combine
    automatically collected data…" to its first line, read as the whole question."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        for section, tabs in (("collection", 2), ("business", 12)):
            await open_section(pilot, section)
            for _ in range(tabs):
                await pilot.press("tab")
                await drawn(pilot)
                assert not cut_prompts(app), (section, app.focused)
                form, focused = app.screen.query_one("#form"), app.focused
                if focused is not None and form in focused.ancestors:  # not the sections
                    assert form.region.contains(*focused.region.offset), focused


VENDORS = """business:
  kinds: [kiosks]
sharing:
  vendors:
    - name: Acme Labels
    - purpose: prints our labels
      link: not a link
"""


async def test_every_problem_of_a_list_of_rows_is_shown(make_app: App, tmp_path: Path) -> None:
    """Only the first problem was shown (row 1's purpose); fixed, the next came."""
    (tmp_path / "answers.yaml").write_text(VENDORS)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, "sharing", "sharing.vendors")
        first, second = field(app, "sharing.vendors").query(RecordRow)
        said = {(row is second, str(label.name)): str(label.content)
                for row in (first, second) for label in row.query(".row-problem").results(Label)
                if label.display}
        assert set(said) == {(False, "purpose"), (True, "name"), (True, "link")}, said
        assert all(text for text in said.values())


UNFINISHED = """business:
  kinds: [kiosks]
sharing:
  vendors:
    - name: Acme Labels
      purpose: prints our labels
"""


async def test_a_row_left_without_its_kind_is_left_to_do_and_the_key_goes_to_it(
        make_app: App, tmp_path: Path) -> None:
    """A vendor given a name and a purpose, its link and kind empty: "For you: nothing left"
    was said of the rest of the file. The row is one to finish, and Ctrl+L goes to its kind."""
    path = tmp_path / "answers.yaml"
    path.write_text(UNFINISHED)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        session = screen.session  # type: ignore[attr-defined]
        assert unfinished(session, "sharing.vendors") == [(0, "category")]
        assert "sharing.vendors" in left_for_owner(session)
        await open_section(pilot, "sharing", "sharing.catalog")
        screen.refresh_standing()  # type: ignore[attr-defined]
        shown = screen.query_one(Progress).shown
        assert shown is not None and shown.unfinished == 1
        assert "1 to finish" in "\n".join(shown.lines())
        await pilot.press("ctrl+l")
        await drawn(pilot)
        assert isinstance(app.focused, Select) and app.focused.name == "category"
        assert field(app, "sharing.vendors") in app.focused.ancestors
