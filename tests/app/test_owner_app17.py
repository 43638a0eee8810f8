"""What a new owner met in the app (issue 15, session 17): suggested ticks kept by Enter
below the list's fold without being seen, a phone's export message taking a fifth of the
screen, an undone vendor tick leaving the list scrolled to its top, the footer's last key cut
at 80x24, and the counsel figure lagging behind "Answered" while the owner types."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Footer, SelectionList
from textual.widgets._footer import FooterKey

from drafter.app.app import DrafterApp
from drafter.app.widgets.choices import choices
from drafter.app.widgets.helppanel import HelpPanel
from drafter.app.widgets.progress import Exported, Progress
from tests.app.pilot_helpers import editor, field, kept, open_section, settle
from tests.app.test_fit import shown_lines

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]
App = Callable[..., DrafterApp]
SIZE, PHONE = (80, 24), (41, 40)
START = "business:\n  kinds: [kiosks]\n"


def toasts(app: DrafterApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # noqa: SLF001


async def test_suggested_ticks_out_of_sight_are_named_before_and_after_enter(
        make_app: App, tmp_path: Path) -> None:
    """`use.purposes` suggests four ticks, the last two below the list's fold at 80x24: the
    help under the form names every suggested tick while the list has the focus, and Enter's
    confirmation names what it kept (Ctrl+Z undoes it)."""
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "use", "use.purposes")
        await settle(pilot)
        labels = choices(field(app, "use.purposes").entry.question)
        suggested = editor(app).session.value("use.purposes")
        ticks = field(app, "use.purposes").query_one(SelectionList)
        top, rows = ticks.scroll_offset.y, ticks.scrollable_content_region.height
        lines = ticks._lines  # noqa: SLF001 - (option, line of it) per line drawn
        unseen = [o for o in suggested if not any(
            top <= n < top + rows and ticks.get_option_at_index(index).value == o
            for n, (index, _) in enumerate(lines))]
        assert unseen, "the set-up: a suggested tick is below the list's fold"
        panel = app.screen.query_one("#help", HelpPanel)
        help_text = " ".join(" ".join(shown_lines(panel, inside=True)).split())  # as drawn
        assert f"{len(suggested)} suggested ticks" in help_text, help_text
        for option in suggested:
            assert labels[option] in help_text, (option, help_text)
        await pilot.press("enter")
        await pilot.pause()
        assert kept(path, "use.purposes") == suggested
        said = toasts(app)
        for option in suggested:
            assert labels[option] in said, (option, said)
        assert "Ctrl+Z" in said


async def test_a_phone_export_message_is_compact_with_its_path_on_screen(
        make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        panel = app.screen.query_one(Exported)
        assert panel.display
        assert panel.region.height <= 4, panel.region
        rows = [row.rstrip(" \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588") for row in
                shown_lines(panel, inside=True)]  # the scrollbar's column left out
        folder = next(iter(panel.query_one("ExportedText").folders))  # type: ignore[attr-defined]
        assert str(folder) + "/" in "".join(rows).replace("Exported to ", ""), rows
        assert rows[0].startswith("Exported"), rows
        assert panel.region.bottom <= app.screen.query_one(Footer).region.y


async def test_undoing_a_vendor_tick_on_a_phone_keeps_the_list_where_it_was(
        make_app: App, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.catalog")
        await pilot.press(*"twilio", "space")
        await settle(pilot)
        assert kept(path, "sharing.catalog") == ["twilio"]
        ticks = field(app, "sharing.catalog").query_one(SelectionList)
        where = ticks.highlighted
        assert where is not None and where > 20 and ticks.scroll_offset.y > 0
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert kept(path, "sharing.catalog") in (None, [])
        ticks = field(app, "sharing.catalog").query_one(SelectionList)
        assert app.focused is ticks and ticks.highlighted == where
        line = next(n for n, (index, offset) in enumerate(ticks._lines)  # noqa: SLF001
                    if index == where and offset == 0)
        top = ticks.scroll_offset.y
        assert top <= line < top + ticks.scrollable_content_region.height, (top, line)
        assert ticks.region.y >= 0 and ticks.region.bottom <= app.screen.size.height


@pytest.mark.parametrize("size", [SIZE, (100, 30)])
async def test_the_footer_shows_each_key_whole(make_app: App, size: tuple[int, int]) -> None:
    """At 80x24 "^\u2193 Next section" was cut to "^\u2193 Next"; at 100 columns "Previous
    section" was cut. Keys that do not fit are left out whole (F1 lists them)."""
    app = make_app("kiosk")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        drawn = " ".join(shown_lines(footer))
        keys = [k for k in footer.query(FooterKey) if k.display]
        for key in keys:
            assert key.description in drawn and key.region.right <= size[0], (key.description,
                                                                                 drawn)
        assert any(k.description == "Next section" for k in keys), drawn


async def test_answered_and_the_counsel_figure_change_together_while_typing(
        make_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing text drafts the notes after a pause; the figures drawn from them (for counsel,
    the blocking notes) and "Answered" change in the same refresh, never one before the
    other. The review is made to ask counsel about the legal name once it is given, so the
    typed answer changes both."""
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        project = editor(app).session.project
        review = type(project).review

        def asking(self: Any, policy: Any, answers: Any) -> Any:
            from dataclasses import replace

            notes = list(review(self, policy, answers))
            if answers.values.get("business.name") and notes:
                notes.append(replace(notes[0], id="R999", for_counsel=True,
                                     severity="blocking", resolves_by="business.name"))
            return notes

        monkeypatch.setattr(type(project), "review", asking)
        await open_section(pilot, "business", "business.name")
        await settle(pilot)
        progress = app.screen.query_one(Progress)
        before = progress.shown
        assert before is not None and before.counsel == 0
        await pilot.press("A")
        await pilot.pause()
        now = progress.shown
        assert now is not None
        assert (now.answered == before.answered) == (now.counsel == before.counsel), now
        await settle(pilot)
        after = progress.shown
        assert after is not None
        assert (after.answered, after.counsel) == (before.answered + 1, 1), after
