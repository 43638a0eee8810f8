"""Predictable keys (issue 15, item 3), driven through the real app with Pilot: Enter moves
on and never changes a list, Space ticks, focus goes to the questions an answer reveals,
suggested defaults are confirmed, undo/redo, type-to-jump, F1, Ctrl+F, quit, paste."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet, SelectionList
from textual.widgets._toast import Toast

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.sidebar import SectionList
from drafter.paths import examples
from tests.app.pilot_helpers import field, focused_key, kept, open_section, settle

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]
SIZE = (80, 24)
App = Callable[..., DrafterApp]


def stored(tmp_path: Path, key: str) -> object:
    return kept(tmp_path / "answers.yaml", key)


async def start(pilot: object, app: DrafterApp, section: str, key: str) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await open_section(pilot, section, key)  # type: ignore[arg-type]


async def test_enter_on_a_many_list_moves_on_and_ticks_nothing(make_app: App,
                                                              tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "audience", "audience.regions")
        before = stored(tmp_path, "audience.regions")
        ticked = list(field(app, "audience.regions").query_one(SelectionList).selected)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert list(field(app, "audience.regions").query_one(SelectionList).selected) == ticked
        assert stored(tmp_path, "audience.regions") == before
        assert focused_key(app) not in (None, "audience.regions"), "Enter moved on"


async def test_space_ticks_a_many_list_and_stays(make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "audience", "audience.regions")
        assert "uk" not in (stored(tmp_path, "audience.regions") or [])
        await pilot.press("down", "down", "down", "space")  # the fourth option: UK
        await pilot.pause()
        assert "uk" in stored(tmp_path, "audience.regions")  # type: ignore[operator]
        assert focused_key(app) == "audience.regions"


async def test_enter_on_a_yes_goes_to_the_first_question_it_reveals(make_app: App,
                                                                    tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n"
                                           "cookies:\n  uses_cookies: false\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "cookies", "cookies.uses_cookies")
        assert not field(app, "cookies.analytics").display
        await pilot.press("up", "enter")  # from "No" to "Yes", and on
        await pilot.pause()
        assert stored(tmp_path, "cookies.uses_cookies") is True
        assert field(app, "cookies.analytics").display
        assert focused_key(app) == "cookies.purposes"  # the first it reveals (asked since trial 16)


async def test_ticking_then_enter_goes_to_the_question_revealed(make_app: App,
                                                                tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "audience", "audience.regions")
        await pilot.press("down", "space", "enter")  # tick Canada: Quebec is asked
        await pilot.pause()
        # the US states come between, still to confirm: asked first, never jumped past
        assert focused_key(app) == "audience.us_states"
        await pilot.press("enter")
        await pilot.pause()
        # then the SBA question the states may call for (it follows them since trial 16)
        assert focused_key(app) == "audience.small_business"
        await pilot.press("enter")
        await pilot.pause()
        assert focused_key(app) == "audience.quebec"


async def test_enter_never_jumps_past_a_question_to_one_revealed_further_on(
        make_app: App, tmp_path: Path) -> None:
    """The kiosk trial: "a still photo" reveals the faces question, which came after the
    purposes question; Enter went straight to it, and the purposes were never asked. The
    faces question now follows the answer that reveals it (tests/test_question_order.py);
    Enter goes to it, then on in order to the purposes, never past them (a question
    revealed further on: `test_ticking_then_enter_goes_to_the_question_revealed`)."""
    (tmp_path / "answers.yaml").write_text(
        "business:\n  kinds: [kiosks]\nkiosks:\n  cameras: true\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "kiosks", "kiosks.camera_capture")
        await pilot.press("down", "enter")  # the first choice, a still photo (nothing was
        await pilot.pause()                  # highlighted: a bare Enter moves on)
        assert stored(tmp_path, "kiosks.camera_capture") == "photo"
        assert focused_key(app) == "kiosks.photo_faces"
        await pilot.press("enter")
        await pilot.pause()
        assert focused_key(app) == "kiosks.camera_purposes"


async def test_a_suggested_default_is_marked_and_enter_confirms_it(make_app: App,
                                                                  tmp_path: Path) -> None:
    app = make_app()
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "cookies", "cookies.uses_cookies")
        uses = field(app, "cookies.uses_cookies")
        assert uses.has_class("-suggested")
        assert "Suggested" in str(uses.query_one(".suggestion").render())
        assert stored(tmp_path, "cookies.uses_cookies") is None
        await pilot.press("enter")
        await pilot.pause()
        assert stored(tmp_path, "cookies.uses_cookies") is True
        assert not uses.has_class("-suggested")
        assert focused_key(app) == "cookies.purposes"  # the first it reveals


async def test_ctrl_y_redoes_a_kept_suggestion_after_ctrl_z(make_app: App,
                                                             tmp_path: Path) -> None:
    """Trial 23: Enter kept "Yes", Ctrl+Z took it back, and Ctrl+Y did nothing."""
    app = make_app()
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "cookies", "cookies.uses_cookies")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(tmp_path, "cookies.uses_cookies") is None
        assert field(app, "cookies.uses_cookies").has_class("-suggested")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert stored(tmp_path, "cookies.uses_cookies") is True
        assert not field(app, "cookies.uses_cookies").has_class("-suggested")


async def test_ctrl_z_undoes_and_ctrl_y_redoes_an_answer(make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "business", "business.name")
        old = stored(tmp_path, "business.name")
        await pilot.press("end", *" Ltd")
        assert stored(tmp_path, "business.name") == f"{old} Ltd"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(tmp_path, "business.name") == old
        assert field(app, "business.name").query_one(Input).value == old
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert stored(tmp_path, "business.name") == f"{old} Ltd"
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+shift+z")
        await pilot.pause()
        assert field(app, "business.name").query_one(Input).value == f"{old} Ltd"


async def test_undo_goes_back_to_the_section_of_the_answer(make_app: App, tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n"
                                           "cookies:\n  uses_cookies: false\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "cookies", "cookies.uses_cookies")
        await pilot.press("up", "space")  # Yes
        await pilot.pause()
        await open_section(pilot, "business")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(tmp_path, "cookies.uses_cookies") is False
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.section_id == "cookies"
        assert field(app, "cookies.uses_cookies").query_one(RadioSet).pressed_index == 1
        assert not field(app, "cookies.analytics").display
        assert focused_key(app) == "cookies.uses_cookies"


async def test_typing_letters_jumps_in_every_list(make_app: App, tmp_path: Path,
                                                  still_clock: list[float]) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "audience", "audience.regions")
        before = stored(tmp_path, "audience.regions")
        regions = field(app, "audience.regions").query_one(SelectionList)
        await pilot.press("s", "w")  # Switzerland
        assert str(regions.get_option_at_index(regions.highlighted).prompt) == "Switzerland"
        await pilot.press("c")  # "swc" starts no option: the highlight stays
        assert str(regions.get_option_at_index(regions.highlighted).prompt) == "Switzerland"
        still_clock[0] += 2  # after a pause, letters start a new search
        await pilot.press("c")
        assert str(regions.get_option_at_index(regions.highlighted).prompt) == "Canada"
        assert stored(tmp_path, "audience.regions") == before  # moved, ticked nothing

        await open_section(pilot, "audience", "audience.revenue")
        radio = field(app, "audience.revenue").query_one(RadioSet)
        chosen = radio.pressed_index
        await pilot.press(*"more")  # "More than $26.6 million", the third
        assert radio._selected == 2
        assert radio.pressed_index == chosen  # highlighted, not chosen

        sections = app.screen.query_one(SectionList)
        sections.focus()
        await pilot.press(*"coo")
        highlighted = sections.get_option_at_index(sections.highlighted)  # type: ignore[arg-type]
        assert highlighted.id == "cookies"


async def test_a_word_typed_on_the_highlighted_option_stays_on_it(
        make_app: App, tmp_path: Path, still_clock: list[float]) -> None:
    """The browser trial: on "Encryption when data travels…" (the first safeguard), typing
    "encryption" moved to "Encryption of stored data": its first letter went on to the next
    option starting with it, and the rest of the word was searched from there."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "security", "security.measures")
        measures = field(app, "security.measures").query_one(SelectionList)
        assert measures.highlighted == 0
        await pilot.press(*"encryption")
        assert str(measures.get_option_at_index(measures.highlighted).prompt).startswith(
            "Encryption when data travels")
        still_clock[0] += 2
        await pilot.press("e")  # one letter alone still goes on to the next one
        assert str(measures.get_option_at_index(measures.highlighted).prompt).startswith(
            "Encryption of stored data")


async def test_f1_lists_every_key_from_the_bindings(make_app: App) -> None:
    from drafter.app.screens.help import HelpScreen, keys_of

    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        listed = {key for _, rows in app.screen.groups() for keys, _ in rows
                  for key in keys.split(", ")}
        for owner in (app, editor):
            for _key, binding in owner._bindings:  # type: ignore[attr-defined]
                if binding.description and binding.action != "edit_copy" and keys_of(binding):
                    assert set(keys_of(binding)) & listed, binding
        for described in ("Choose the highlighted answer and go to the next question",
                          "Undo the last answer", "Redo the answer undone", "Find", "Quit",
                          "Go to the next question (never ticks)", "Type letters to jump"):
            assert described in text
        await pilot.press("escape")
        assert app.screen is editor


async def test_ctrl_f_finds_a_question_in_another_section(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "business", "business.name")
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press(*"cookie settings")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.section_id == "cookies"
        assert focused_key(app) == "cookies.settings_panel"


async def test_quit_is_shown_in_the_footer(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {b.binding.description for b in app.screen.active_bindings.values()
                 if b.binding.show}
        assert {"Quit", "Help"} <= shown


async def test_ctrl_v_with_nothing_copied_in_the_app_keeps_the_text(make_app: App,
                                                                    tmp_path: Path) -> None:
    """In a terminal, Ctrl+V reaches the app as a key and Textual pastes its own clipboard,
    empty unless something was copied in the app: the selected answer was replaced by
    nothing. The browser's (and terminal's) paste arrives as a Paste event instead."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "business", "business.name")
        old = stored(tmp_path, "business.name")
        await pilot.press("ctrl+shift+a", "ctrl+v")  # select everything, then Ctrl+V
        await pilot.pause()
        assert stored(tmp_path, "business.name") == old
        box = field(app, "business.name").query_one(Input)
        assert box.value == old
        from textual.events import Paste

        await pilot.press("end")
        box.post_message(Paste(" Pasted"))
        await pilot.pause()
        assert stored(tmp_path, "business.name") == f"{old} Pasted"


async def test_the_page_leaves_ctrl_v_to_the_browser() -> None:
    """Under `drafter serve`, xterm.js would turn Ctrl+V into a ^V key for the app (an empty
    paste); the page stops it first, so the browser pastes and xterm sends the text."""
    from drafter.app.serve import WEB

    page = (WEB / "templates" / "app_index.html").read_text()
    assert "leaveCtrlVToTheBrowser" in page


async def test_progress_shows_what_is_left_for_the_owner_and_counsel(make_app: App,
                                                                     tmp_path: Path) -> None:
    from drafter.app.widgets.progress import Progress

    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "business", "business.name")
        progress = app.screen.query_one(Progress)
        first = str(progress.render())
        assert "Answered 1 of" in first and "For you:" in first and "For counsel:" in first
        await pilot.press(*"Acme")
        await settle(pilot)  # with the notes on it: "Answered" and "For counsel" change at once
        assert "Answered 2 of" in str(progress.render())


async def test_export_paths_stay_on_screen_as_absolute_paths(make_app: App,
                                                             tmp_path: Path) -> None:
    from drafter.app.widgets.progress import Exported

    app = make_app("kiosk")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()  # any notice drawn
        exported = app.screen.query_one(Exported)
        assert exported.display
        text = exported.text  # as written, before it is laid out at this width
        written = [p for p in (tmp_path / "output").rglob("*") if p.is_file()
                   and p.suffix in (".md", ".html", ".docx")]
        assert written
        for path in written:  # its folder's absolute path, then its name
            folder = text.index(f"{path.parent.resolve()}/")
            assert path.name in text[folder:].split("\n")[1]
        assert "reviewer note(s)" in text  # said here, not in a notice over the paths
        # At 80x24 the "Exported" notice lay over the paths (the trial: for minutes).
        covering = [toast for toast in app.screen.query(Toast)
                    if toast.region.overlaps(exported.region)]
        assert not covering, [str(toast.render()) for toast in covering]
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause(1.0)
        assert app.screen.query_one(Exported).display  # kept, not a passing notice


async def test_enter_on_not_sure_moves_on_and_never_ticks(make_app: App, tmp_path: Path) -> None:
    from textual.widgets import Checkbox

    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "audience", "audience.people")
        before = stored(tmp_path, "audience.people")
        box = field(app, "audience.people").query_one(".unsure", Checkbox)
        box.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not box.value and stored(tmp_path, "audience.people") == before
        assert focused_key(app) not in (None, "audience.people")
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert box.value and stored(tmp_path, "audience.people") == "unsure"


async def test_welcome_space_ticks_and_enter_moves_on(make_app: App) -> None:
    from drafter.app.screens.welcome import WelcomeScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        # Tick, move on to Start, press it. Enter's move reaches the screen as a message, so
        # the test lets it land before the next key (the window is known: see issue 15's note).
        await pilot.press("space", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)


async def test_letters_find_a_word_inside_options_that_all_start_alike(make_app: App) -> None:
    """The kinds all begin "We run …" / "We print …": a later word is found too."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kinds = app.screen.query_one(SelectionList)
        await pilot.press(*"mail")
        assert "print and mail" in str(kinds.get_option_at_index(kinds.highlighted).prompt)
        assert list(kinds.selected) == []  # moved, ticked nothing


async def test_the_new_keys_are_in_the_command_palette(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Help", "Find", "Undo the last answer", "Redo the answer undone"} <= titles


async def test_enter_keeps_a_suggested_text_and_shows_it_in_the_box(make_app: App,
                                                                     tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "contact", "contact.officer")
        officer = field(app, "contact.officer")
        assert "Suggested: Privacy Lead" in str(officer.query_one(".suggestion").render())
        await pilot.press("enter")
        await pilot.pause()
        assert stored(tmp_path, "contact.officer") == "Privacy Lead"
        assert officer.query_one(Input).value == "Privacy Lead"
        assert not officer.has_class("-suggested")
        assert focused_key(app) != "contact.officer"


async def test_enter_on_an_unanswered_choice_moves_on_and_answers_nothing(
        make_app: App, tmp_path: Path) -> None:
    """Textual highlights a radio set's first option; Enter chose it, so a bare Enter on a
    question nobody had answered saved "Yes" (the browser trial: `cookies.session_recording`
    answered Yes by an Enter meant to move on). Nothing is highlighted until a key moves
    there: Enter moves on, Down then Enter chooses the first option."""
    text = examples()["kiosk"].read_text()
    assert '  photo_faces: "no"\n' in text
    (tmp_path / "answers.yaml").write_text(text.replace('  photo_faces: "no"\n', ""))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, app, "kiosks", "kiosks.photo_faces")
        await pilot.press("enter")
        await pilot.pause()
        assert stored(tmp_path, "kiosks.photo_faces") is None
        assert focused_key(app) not in (None, "kiosks.photo_faces"), "Enter moved on"
        await start(pilot, app, "kiosks", "kiosks.photo_faces")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert stored(tmp_path, "kiosks.photo_faces") == "yes"  # Yes, No, I'm not sure
