"""Keys typed in one burst right after a key that moves the focus elsewhere (Ctrl+↓ to the
next section, Ctrl+F, F1, Ctrl+L, Enter on a Find result …) land where that key took the
focus, never in the answer box it left.

Found in tmux (issue 15): "QQ" typed right after Ctrl+↓ was saved in the e-mail answer the
section switch had just left ("privacy@parcelpoint.exampleQQ"), and "how long" typed right
after Ctrl+F in the business name ("Parcel Point Kiosks, Inc.how long"). A binding checked
once the key has bubbled up from the focused box runs after the app has already handed that
box the keys typed behind it; and a focus moved with `focus()` (or a screen pushed) takes
effect on the app's next turn, behind the keys it already holds."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.find import FindScreen
from drafter.app.screens.help import HelpScreen
from drafter.app.screens.welcome import WelcomeScreen
from drafter.app.widgets.notes import NotesList
from drafter.paths import examples
from drafter.project import Project
from tests.app.pilot_helpers import focused_key, kept, open_section, settle

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]
NAME = "business.name"


async def burst(app: DrafterApp, *keys: str) -> None:
    """Keys as a terminal sends them when typed fast: all queued before the first is handled."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
    await asyncio.sleep(0)


async def start(pilot: Pilot[None], app: DrafterApp) -> str:
    """The kiosk example's editor, focused on the business name; its answer."""
    await settle(pilot)
    await open_section(pilot, "business", NAME)
    assert focused_key(app) == NAME
    return str(app.session.value(NAME))


@pytest.mark.parametrize("move", ["ctrl+down", "ctrl+up"])
async def test_letters_after_a_section_switch_go_to_the_new_section(
        make_app: App, tmp_path: Path, move: str) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        if move == "ctrl+up":
            await settle(pilot)
            await open_section(pilot, "contact")
            before_key = focused_key(app)
            assert before_key is not None and before_key.startswith("contact.")
        else:
            await start(pilot, app)
            before_key = NAME
        before = app.session.value(before_key)
        await burst(app, move, "Q", "Q")
        await settle(pilot)
        assert app.session.value(before_key) == before
        assert kept(tmp_path / "answers.yaml", before_key) == before
        now = focused_key(app)
        assert now is not None and now.split(".")[0] != before_key.split(".")[0]


@pytest.mark.parametrize("opener, screen", [("ctrl+f", FindScreen), ("f1", HelpScreen)])
async def test_letters_after_opening_find_or_help_never_reach_the_answer_left(
        make_app: App, tmp_path: Path, opener: str, screen: type) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        name = await start(pilot, app)
        await burst(app, opener, *"cookie")
        await settle(pilot)
        assert isinstance(app.screen, screen)
        assert app.session.value(NAME) == name
        assert kept(tmp_path / "answers.yaml", NAME) == name
        if screen is FindScreen:
            assert app.screen.query_one(Input).value == "cookie"


async def test_letters_after_choosing_a_find_result_go_to_that_question(
        make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        name = await start(pilot, app)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press(*"privacy email")
        await settle(pilot)
        assert isinstance(app.screen, FindScreen)
        await burst(app, "enter", "Q", "Q")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert app.session.value(NAME) == name
        assert kept(tmp_path / "answers.yaml", NAME) == name
        chosen = focused_key(app)
        assert chosen is not None and chosen != NAME
        assert str(app.session.value(chosen)).endswith("QQ")


async def test_letters_after_ctrl_l_never_reach_the_answer_left(
        make_app: App, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Parcel Point Kiosks, Inc.\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app)
        await burst(app, "ctrl+l", "Q", "Q")
        await settle(pilot)
        assert app.session.value(NAME) == "Parcel Point Kiosks, Inc."
        assert kept(path, NAME) == "Parcel Point Kiosks, Inc."
        assert focused_key(app) != NAME


@pytest.mark.parametrize("key", ["f2", "f4"])
async def test_letters_after_preview_or_notes_never_reach_the_answer_left(
        make_app: App, tmp_path: Path, key: str) -> None:
    """At 80 columns the preview or the notes take the form's place, and the focus."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        name = await start(pilot, app)
        await burst(app, key, "Q", "Q")
        await settle(pilot)
        assert app.session.value(NAME) == name
        assert kept(tmp_path / "answers.yaml", NAME) == name


async def test_an_export_is_of_the_answers_as_they_were_at_f8(
        make_app: App, tmp_path: Path) -> None:
    """F8 leaves the focus where it was (the files are written, and said under the form):
    the letters behind it are typed there, after the export, which never holds them."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        name = await start(pilot, app)
        await burst(app, "f8", "Q", "Q")
        await settle(pilot)
        policy = next((tmp_path / "output").glob("*/privacy-policy.md")).read_text()
        assert name in policy and f"{name}QQ" not in policy
        assert app.session.value(NAME) == f"{name}QQ"


@pytest.mark.parametrize("opener, closer", [("ctrl+f", "escape"), ("f1", "escape"),
                                            ("f1", "f1")])
async def test_letters_after_closing_a_dialog_go_back_where_it_was_opened(
        make_app: App, tmp_path: Path, opener: str, closer: str) -> None:
    """Keys behind Escape (or F1 closing the help) went into the dialog as it closed: lost."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        name = await start(pilot, app)
        await pilot.press(opener)
        await settle(pilot)
        assert not isinstance(app.screen, EditorScreen)
        await burst(app, closer, "Q", "Q")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert focused_key(app) == NAME
        assert app.session.value(NAME) == f"{name}QQ"


async def test_letters_after_f3_on_an_example_go_into_the_copy(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F3 opens a copy of the example to edit: keys behind it are the first edits of the copy
    (they went to the read-only screen F3 left, which takes none)."""
    monkeypatch.chdir(tmp_path)
    app = DrafterApp(project, examples()["kiosk"], label="example kiosk", read_only=True,
                     out_dir=tmp_path / "output")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(app, "f3", "end", "!")
        await settle(pilot)
        copy = tmp_path / "answers.yaml"
        assert app.session.path == copy and not app.session.read_only
        key = focused_key(app)
        assert key is not None and str(app.session.value(key)).endswith("!")
        assert str(kept(copy, key)).endswith("!")


async def test_letters_after_start_on_the_welcome_screen_go_into_the_first_question(
        make_app: App, tmp_path: Path) -> None:
    """Enter on "Start answering", then the business's name typed at once: the letters went
    to the welcome screen as it closed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("space", "tab")  # the first kind ticked; Start has the focus
        await settle(pilot)
        await burst(app, "enter", *"Acme")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        key = focused_key(app)
        assert key is not None and app.session.value(key) == "Acme"


async def test_f3_run_inside_the_example_screen_never_waits_for_itself(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F3 run by the screen itself (a click on the footer, not a key in the app's loop): the
    switch removes that screen, so it must not await the switch (it waited for itself and
    the app took no key again, as a click on the welcome screen's example did)."""
    monkeypatch.chdir(tmp_path)
    app = DrafterApp(project, examples()["kiosk"], label="example kiosk", read_only=True,
                     out_dir=tmp_path / "output")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        example = app.screen
        example.call_later(example.run_action, "edit_copy")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and app.screen is not example
        assert app.session.path == tmp_path / "answers.yaml"
        await pilot.press("end", "!")
        await settle(pilot)
        assert str(app.session.value(focused_key(app) or "")).endswith("!")


async def test_letters_after_enter_on_a_note_go_to_the_question_it_opens(
        make_app: App, tmp_path: Path) -> None:
    """Trial 23: Enter on a note (F4) opened its question, and the keys typed behind Enter
    were lost in the notes list."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        notes = app.screen.query_one(NotesList)
        assert app.focused is notes
        target = next(n for n in notes.shown or [] if n.resolves_by == "audience.people")
        notes.highlighted = notes.get_option_index(target.id)
        await burst(app, "enter", "1", "2")
        await settle(pilot)
        assert focused_key(app) == "audience.people"
        assert str(app.session.value("audience.people")) == "12"
