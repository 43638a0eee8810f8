"""The smaller findings of trial 16 (a new owner in tmux at 80x24), each driven through the
real app with Pilot: keys lost in Ctrl+F, Space during a type-to-jump search, Enter on an
unanswered choice, focus after the side pane, the counts under the sections, "(optional)"
marks, PageDown in the notes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Label, OptionList, SelectionList

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.find import FindScreen
from drafter.paths import examples
from tests.app.pilot_helpers import editor, field, focused_key, kept, open_section, settle

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


async def burst(app: DrafterApp, *keys: str) -> None:
    """Post keys to the app as the terminal driver does in a burst: none waits for the one
    before it to be handled."""
    for key in keys:
        app.post_message(events.Key(key, None))
        await asyncio.sleep(0)


@pytest.mark.parametrize("downs", [2, 4, 6])
async def test_a_burst_of_downs_in_find_moves_down_the_results(make_app: App,
                                                               downs: int) -> None:
    """Ctrl+F, "keep", then Downs in one burst: the highlight stayed on the first result (each
    Down only asked to focus the list), and Enter went to the wrong question."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press(*"keep")
        await pilot.pause()
        finder = app.screen
        assert isinstance(finder, FindScreen)
        found = finder.query_one("#found", OptionList)
        assert found.option_count > downs
        wanted = found.get_option_at_index(downs).id
        await burst(app, *["down"] * downs)
        await pilot.pause()
        assert found.highlighted == downs
        await burst(app, "space")  # "keep ": the same results, the highlight kept
        await pilot.pause()
        assert found.highlighted == downs
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert focused_key(app) == wanted


async def test_space_inside_a_phrase_typed_to_jump_goes_on_with_the_search(
        make_app: App, tmp_path: Path, still_clock: list[float]) -> None:
    """The trial typed "tak" Space, "sending s" Space, "mark" Space, each within a second: the
    Space after "sending" ticked the option highlighted ("Sending service messages"), and the
    one after "s" unticked it. Within a search, Space is part of the words where an option's
    name goes on with another word after them; otherwise it ticks."""
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "use", "use.purposes")
        ticks = field(app, "use.purposes").query_one(SelectionList)
        suggested = list(ticks.selected)
        await pilot.press(*"tak", "space", *"sending s", "space", *"mark", "space")
        await pilot.pause()
        wanted = [*suggested, "payments", "service_messages", "marketing"]
        assert sorted(ticks.selected) == sorted(wanted)
        assert sorted(kept(path, "use.purposes")) == sorted(wanted)
        still_clock[0] += 2  # a pause: Space ticks, whatever was typed before it
        await pilot.press("space")
        assert "marketing" not in ticks.selected


async def test_enter_on_an_unanswered_choice_says_it_is_not_answered(
        make_app: App, tmp_path: Path) -> None:
    """Enter on a one-of question with nothing highlighted moves on (Enter always moves on)
    and saves nothing; it moved on silently, and the owner took the question as answered.
    Now the field says so until it is answered."""
    text = examples()["kiosk"].read_text()
    path = tmp_path / "answers.yaml"
    path.write_text(text.replace('  photo_faces: "no"\n', ""))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "kiosks", "kiosks.photo_faces")
        faces = field(app, "kiosks.photo_faces")
        await pilot.press("enter")
        await pilot.pause()
        assert kept(path, "kiosks.photo_faces") is None
        assert focused_key(app) not in (None, "kiosks.photo_faces")
        assert str(faces.query_one(".problem", Label).content).startswith("Not answered yet")
        await open_section(pilot, "kiosks", "kiosks.photo_faces")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert kept(path, "kiosks.photo_faces") == "yes"
        assert str(faces.query_one(".problem", Label).content) == ""


@pytest.mark.parametrize("where", ["#next", "#sections"])
@pytest.mark.parametrize("pane", ["f2", "f4"])
async def test_escape_from_the_side_pane_gives_the_focus_back_where_it_was(
        make_app: App, where: str, pane: str) -> None:
    """At 80x24 the preview and the notes take the form's place; Escape closed them and put
    the focus on the last question, though the owner had been on Next (or the sections)."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = editor(app)
        before = screen.query_one(where)
        screen.set_focus(before)
        await pilot.pause()
        await pilot.press(pane)
        await pilot.pause()
        assert app.focused is not before
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is before


@pytest.mark.parametrize("pane", ["f2", "f4"])
async def test_escape_from_the_pane_beside_the_form_gives_the_focus_back(make_app: App,
                                                                         pane: str) -> None:
    """Browser trial 16 at 1280x800 (wider than 120 columns, the pane beside the form): F4
    put the focus in the notes, whose help said "Escape goes back to the questions", and
    Escape did nothing; it took nine keys to get back. The pane stays shown."""
    app = make_app("kiosk")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        screen = editor(app)
        await open_section(pilot, "choices")
        before = app.focused
        assert before is not None and not screen.has_class("-narrow")
        await pilot.press(pane)
        await pilot.pause()
        if pane == "f2":  # the preview is beside the form: Tab into it, as an owner would
            screen.query_one("#side").query_one("ContentTabs").focus()
            await pilot.pause()
        side = screen.query_one("#side")
        assert app.focused is not None and side in app.focused.ancestors
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is before
        assert side.display


async def test_enter_on_a_list_whose_nothing_is_no_answer_says_it_is_not_answered(
        make_app: App, tmp_path: Path) -> None:
    """Browser trial 16: Enter on "Could any of this information say something about a
    person's health?" (its own "None of these") with nothing ticked moved on silently and
    saved nothing; a pick-one question said "Not answered yet" already."""
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  kinds: [kiosks]\naudience:\n  regions: [usa]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "data_practices", "data_practices.consumer_health")
        await pilot.press("enter")
        await pilot.pause()
        assert kept(path, "data_practices.consumer_health") is None
        below = str(field(app, "data_practices.consumer_health").query_one(
            ".problem", Label).content)
        assert below.startswith("Not answered yet") and "None of these" in below


async def test_counsel_figures_follow_a_choice_without_waiting_for_a_pause(
        make_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Answered N of M" changed with the answer, "For counsel" and the sections' "?" marks
    1.5 s later (and after Ctrl+Z): with the preview hidden at 80x24 every draft waited for a
    second's pause in typing. A choice, a tick or an undo is drafted at once; only text
    typed waits for the pause (the waits are counted here, not timed)."""
    from drafter.app.drafting import Redrafts
    from drafter.app.widgets.progress import Progress
    from drafter.app.widgets.sidebar import SectionList

    waited: list[float] = []

    async def quiet(self: Redrafts, pause: float) -> None:
        waited.append(pause)

    monkeypatch.setattr(Redrafts, "quiet", quiet)
    text = examples()["kiosk"].read_text()
    path = tmp_path / "answers.yaml"
    path.write_text(text.replace('  photo_faces: "no"\n', ""))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = editor(app)
        progress, sections = screen.query_one(Progress), screen.query_one(SectionList)
        assert progress.shown is not None and progress.shown.counsel == 0
        await open_section(pilot, "kiosks", "kiosks.photo_faces")
        waited.clear()
        await pilot.press("i", "enter")  # I'm not sure: a question for counsel
        await settle(pilot)
        assert kept(path, "kiosks.photo_faces") == "unsure"
        assert (progress.shown.counsel, "kiosks" in sections.asked) == (1, True)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert (progress.shown.counsel, "kiosks" in sections.asked) == (0, False)
        assert waited == []
        await open_section(pilot, "business", "business.name")
        await pilot.press("x")
        await settle(pilot)
        assert waited, "typing still waits for a pause"


async def test_every_optional_question_is_marked_optional_once(make_app: App) -> None:
    """README: a question marked "(optional)" counts only once answered. The mark was typed
    into four prompts by hand, and `contact.phone` (optional: true) had none; the app now
    marks every question the questionnaire says is optional, from that alone."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = editor(app).session
        entry = session.questionnaire.entry
        optional = [k for k in session.visible() if k.split(".")[0] in ("contact", "audience")
                    and entry(k).question.optional]
        assert {"contact.phone", "audience.offering_es"} <= set(optional)
        for key in optional:
            await open_section(pilot, key.split(".")[0], key)
            prompt = str(field(app, key).query_one(".prompt", Label).render())
            assert prompt.count("(optional)") == 1 and prompt.endswith("(optional)"), prompt
        required = field(app, "audience.employees").query_one(".prompt", Label).render()
        assert "(optional)" not in str(required)


async def test_page_down_in_the_notes_reaches_their_last_line(make_app: App) -> None:
    """At 80x24 a note can be taller than the pane: Textual's PageDown moves the highlight a
    page of lines from the highlighted note's first line, which is still inside that note,
    so it stopped there (the kiosk: at line 5 of 26) or a line short of the end (trial 16).
    PageDown pages through the lines, and at the end highlights the last note; PageUp comes
    back to the top."""
    from drafter.app.widgets.notes import NotesList

    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        notes = editor(app).query_one(NotesList)
        assert notes.max_scroll_y > notes.scrollable_content_region.height  # pages to turn
        seen = []
        for _ in range(8):
            await pilot.press("pagedown")
            seen.append(notes.scroll_y)
        assert notes.scroll_y == notes.max_scroll_y
        assert seen == sorted(seen) and 0 < seen[0] < notes.max_scroll_y, seen  # a page
        assert notes.highlighted == notes.option_count - 1
        for _ in range(8):
            await pilot.press("pageup")
        assert notes.scroll_y == 0
        assert notes.highlighted == 0
