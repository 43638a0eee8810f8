"""Keys lost in the keyboard-only kiosk trial (issue 15), through the real app with Pilot.

- Tab from the address (a long text box, the section's last question) reached the Next
  button, and the email typed next vanished there: letters typed on a button of the form now go
  where the owner meant them (Next: the next section's first question; "+ Add": a new row) or,
  where no question is meant (Remove, the export), are refused out loud.
- A phone number typed right after Enter on Next went partly into the PREVIOUS question: the
  press reached the screen through its message queue while the app went on handing the
  following keys to whatever had the focus. Enter on Next now moves on in the app's own key
  loop, before the next key is handed out.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Button, Input

from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.widgets.records import RecordRow
from tests.app.pilot_helpers import editor, kept, open_section, settle
from tests.app.typing_helpers import GAPS, key_event, type_fast

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


def box(app: DrafterApp, key: str) -> Input:
    return app.screen.query_one(f"#{field_id(key)}", QuestionField).query_one(".answer", Input)


def question_of_focus(app: DrafterApp) -> str | None:
    focused = app.focused
    assert focused is not None
    if focused.id == "next":
        return "next"
    field = next((a for a in focused.ancestors if isinstance(a, QuestionField)), None)
    return field.key if field is not None else None


@pytest.mark.parametrize("section", ["business", "sharing"])
async def test_tab_goes_from_every_kind_of_field_to_the_next(make_app: App, section: str) -> None:
    """Text, link, many-of list, yes/no, long text (business); a list, records with their
    pick-lists and buttons, one-of choices (sharing): Tab visits every question shown, in order,
    then Next."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, section)
        screen = editor(app)
        visited: list[str | None] = []
        while not visited or visited[-1] != "next":
            where = question_of_focus(app)
            if not visited or visited[-1] != where:
                visited.append(where)
            assert len(visited) < 40
            await pilot.press("tab")
        shown = [k for k in screen.session.visible() if k.startswith(f"{section}.")]
        assert visited == [*shown, "next"]


@pytest.mark.parametrize("gap", GAPS)
async def test_letters_after_tab_from_the_last_question_go_to_the_next_section(
        make_app: App, tmp_path: Path, gap: float) -> None:
    """The trial: Tab out of the address box, then the email at once."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.address")
        address = kept(tmp_path / "answers.yaml", "business.address")
        email = str(kept(tmp_path / "answers.yaml", "contact.email"))
        app.post_message(events.Key("tab", "\t"))
        await type_fast(app, ".uk", gap)
        await settle(pilot)
        assert editor(app).section_id == "contact"
        assert box(app, "contact.email").value == email + ".uk"
        assert kept(tmp_path / "answers.yaml", "contact.email") == email + ".uk"
        assert kept(tmp_path / "answers.yaml", "business.address") == address


@pytest.mark.parametrize("gap", GAPS)
async def test_keys_after_enter_on_next_go_to_the_new_page(make_app: App, tmp_path: Path,
                                                           gap: float) -> None:
    """Enter on Next and a number typed at once: every digit in the new page's first
    question, none in the question left, none lost."""
    app = make_app("kiosk")
    path = tmp_path / "answers.yaml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "contact", "contact.officer")
        officer = kept(path, "contact.officer")
        await pilot.press("tab", "tab")  # past the other-formats choice (asked since trial 16)
        assert app.focused is app.screen.query_one("#next")
        app.post_message(events.Key("enter", "\r"))
        await asyncio.sleep(gap)
        await type_fast(app, "7025550142", gap)
        await settle(pilot)
        assert editor(app).section_id == "policy"
        assert kept(path, "contact.officer") == officer
        date = box(app, "policy.effective_date")
        assert date.value.endswith("7025550142")
        assert date.value[:-10] == str(kept(path, "policy.effective_date"))[:-10]


async def test_letters_on_add_start_a_new_row(make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        field = app.screen.query_one(f"#{field_id('sharing.vendors')}", QuestionField)
        rows = len(field.query(RecordRow))
        field.query_one(".add", Button).focus()
        await pilot.pause()
        await type_fast(app, "Acme Mail", 0.0)
        await settle(pilot)
        assert len(field.query(RecordRow)) == rows + 1
        assert field.query(RecordRow).last().query(Input).first().value == "Acme Mail"
        assert any(item.get("name") == "Acme Mail"
                   for item in kept(tmp_path / "answers.yaml", "sharing.vendors"))


async def test_letters_on_remove_or_export_are_refused_out_loud(make_app: App,
                                                                tmp_path: Path) -> None:
    """No question is meant there: nothing is removed or exported, and the owner is told where
    the focus is."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        before = kept(tmp_path / "answers.yaml", "sharing.vendors")
        remove = app.screen.query_one(f"#{field_id('sharing.vendors')}", QuestionField
                                      ).query(".remove").first(Button)
        remove.focus()
        await pilot.press(*"ab")
        await settle(pilot)
        assert kept(tmp_path / "answers.yaml", "sharing.vendors") == before
        told = [str(n.message) for n in app._notifications]
        assert any("Remove" in m and "not typed" in m for m in told), told
        last = editor(app).visible_sections()[-1]
        await open_section(pilot, last)
        app.screen.query_one("#next", Button).focus()
        await pilot.press(*"xy")
        await settle(pilot)
        assert not (tmp_path / "output").exists()
        told = [str(n.message) for n in app._notifications]
        assert any("Export" in m and "not typed" in m for m in told), told


async def test_typing_on_next_goes_to_the_next_section(make_app: App, tmp_path: Path) -> None:
    """A letter with the focus on Next (reached by Tab, or by a click): the next section's
    first question takes it."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "contact", "contact.officer")
        app.screen.query_one("#next", Button).focus()
        await pilot.pause()
        app.post_message(key_event("9"))
        await settle(pilot)
        assert editor(app).section_id == "policy"
        assert box(app, "policy.effective_date").value.endswith("9")


@pytest.mark.parametrize("gap", GAPS)
async def test_a_choice_typed_just_after_next_is_kept(make_app: App, tmp_path: Path,
                                                      gap: float) -> None:
    """Enter on Next, then "y" and Enter at once on the new page's first question (a yes/no
    with a suggested No): Yes is the answer. Drawn for the first time, the list put its
    highlight back on the suggested answer after the "y" had moved it (the kiosk trial saved
    No)."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "cookies")
        app.screen.query_one("#next", Button).focus()
        await pilot.pause()
        for key in (events.Key("enter", "\r"), key_event("y"), events.Key("enter", "\r")):
            app.post_message(key)
            await asyncio.sleep(gap)
        await settle(pilot)
        assert kept(tmp_path / "answers.yaml", "choices.email_marketing") is True
