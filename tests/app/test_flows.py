"""The owner's flows, driven through the real app with Pilot (keyboard first)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label, RadioSet

from drafter.answers_file import AnswersFile
from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.welcome import WelcomeScreen
from drafter.position import position_path
from drafter.paths import examples
from drafter.schema import MODELINE, SCHEMA_NAME, schemas_written
from drafter.app.widgets.notes import NotesList
from drafter.app.widgets.sidebar import SectionList
from tests.app.pilot_helpers import field, kept, open_section, settle
from tests.conftest import real_project

import pytest

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)

App = Callable[..., DrafterApp]


async def test_welcome_saves_the_kinds_and_starts(make_app: App, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert not (tmp_path / "answers.yaml").exists()
        await pilot.press("space", "tab", "enter")  # tick the first kind, then Start
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
    saved = AnswersFile.open(tmp_path / "answers.yaml")
    kinds = app.session.questionnaire.sections[0]
    assert any(isinstance(v, list) and v for v in saved.doc[kinds.id].values())


async def test_typing_is_saved_at_once(make_app: App, tmp_path: Path) -> None:
    """Kept at once (each key in the session's journal), written into the answers file, its
    comments kept, once the typing pauses."""
    (tmp_path / "answers.yaml").write_text("# my notes stay\nbusiness:\n  brand: Kept\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field(app, "business.name").focus_answer()
        await pilot.press(*"Acme Kiosks")
        assert kept(tmp_path / "answers.yaml", "business.name") == "Acme Kiosks"
        await settle(pilot)  # the pause's write
        text = (tmp_path / "answers.yaml").read_text()
        assert "name: Acme Kiosks" in text
        assert text.startswith("# my notes stay\n") and "brand: Kept" in text


async def test_a_conditional_question_appears_and_keeps_its_answer(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "rights", "rights.request_methods")
        follow_up = field(app, "rights.form_url")
        assert follow_up.display
        typed = follow_up.query_one(Input).value
        await pilot.press("down", "space")  # untick "through a form on our website"
        await pilot.pause()
        assert not follow_up.display
        await pilot.press("space")
        await pilot.pause()
        assert follow_up.display and follow_up.query_one(Input).value == typed


async def type_into(pilot: Pilot[None], key: str, text: str) -> str:
    """Replace the answer to `key` by typing; returns the message shown under the field."""
    await open_section(pilot, key.split(".")[0], key)
    await pilot.press("ctrl+u", *text)
    return str(field(pilot.app, key).query_one(".problem", Label).content)  # type: ignore[arg-type]


async def test_a_bad_email_is_explained_next_to_the_field(make_app: App,
                                                          tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        message = await type_into(pilot, "contact.email", "privacy at example")
        assert "expected an email address such as privacy@example.com" in message
        # Nothing typed is lost: the file holds the text as typed, for the owner to fix.
        await settle(pilot)  # written once the typing pauses
        assert "email: privacy at example" in (tmp_path / "answers.yaml").read_text()
        await pilot.press("ctrl+u")
        assert "required answer is missing" in str(
            field(app, "contact.email").query_one(".problem", Label).content)


async def test_an_impossible_date_is_explained(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        message = await type_into(pilot, "policy.effective_date", "2026-02-30")
        assert message.startswith("expected a real date")


async def test_reopening_returns_to_the_same_question(make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "contact", "contact.phone")
        await pilot.pause()
    assert position_path(tmp_path / "answers.yaml").exists()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)  # focus lands after the first screen is drawn
        screen = again.screen
        assert isinstance(screen, EditorScreen)
        assert (screen.section_id, screen.key) == ("contact", "contact.phone")
        focused = again.focused
        assert focused is not None and field(again, "contact.phone") in focused.ancestors


async def test_choosing_a_note_jumps_to_the_question_that_resolves_it(make_app: App,
                                                                      tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        notes = app.screen.query_one(NotesList)
        assert notes.notes, "an empty file leaves decisions for counsel"
        note = next(iter(notes.notes.values()))
        assert note.resolves_by
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.key == note.resolves_by
        assert app.focused is not None and field(app, note.resolves_by) in app.focused.ancestors


async def test_a_choice_is_saved_as_its_option_key(make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "sharing", "sharing.sells")
        radio = field(app, "sharing.sells").query_one(RadioSet)
        assert app.focused is radio
        await pilot.press("down", "enter")  # from "No" (Yes, No) to the last: "I'm not sure"
        await pilot.pause()
    assert AnswersFile.open(tmp_path / "answers.yaml").get("sharing.sells") == "unsure"


async def test_every_binding_is_in_the_command_palette(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        screen = app.screen
        for binding in [*app.BINDINGS, *screen.BINDINGS]:
            # "Edit a copy" is offered only on a read-only example (tests/app/test_example.py)
            offered = binding.action != "edit_copy"  # type: ignore[union-attr]
            assert (binding.description in titles) == offered  # type: ignore[union-attr]
        assert any(t.startswith("Go to: ") for t in titles)
        await pilot.press("f9")
        assert app.theme == "textual-light"


async def test_a_vendor_from_the_catalog_fills_its_row(tmp_path: Path) -> None:
    """Typing part of a catalog vendor's name offers it; choosing it fills the whole row."""
    from drafter.paths import default_library
    from drafter.yamlio import load_data

    stripe = load_data(default_library() / "data" / "vendors.yaml").data["stripe"]
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\n")
    app = DrafterApp(real_project(), answers, out_dir=tmp_path / "out")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "sharing", "sharing.vendors")
        await pilot.press("enter")  # "+ Add" has the focus: a new row
        await pilot.pause()
        await pilot.press(*"stri", "right", "enter")  # accept the suggestion, then pick it
        await pilot.pause()
    saved = AnswersFile.open(answers).get("sharing.vendors")
    # Every field the record and the catalog share is filled, the privacy link included.
    assert saved == [{"name": stripe["name"], "purpose": stripe["purpose"],
                      "link": stripe["link"], "category": stripe["category"]}]


async def test_the_preview_follows_the_question_and_the_typing(make_app: App) -> None:
    from drafter.app.widgets.preview import PolicyPreview

    app = make_app("kiosk")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_section(pilot, "contact", "contact.email")
        await settle(pilot, rounds=1)
        preview = app.screen.query_one(PolicyPreview)
        assert "privacy@parcelpoint.example" in preview.text()
        await pilot.press("ctrl+u", *"help@parcel.example")
        await settle(pilot)
        assert "help@parcel.example" in preview.text()
        assert "privacy@parcelpoint.example" not in preview.text()


async def test_welcome_can_start_from_a_copy_of_an_example(make_app: App,
                                                           tmp_path: Path) -> None:
    from drafter.paths import examples

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#example-kiosk")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.session.value("business.name") == "Parcel Point Kiosks, Inc."
    assert (tmp_path / "answers.yaml").read_bytes() == \
        MODELINE.encode() + examples()["kiosk"].read_bytes()  # drafter.schema
    schemas_written()  # written in the background
    assert (tmp_path / SCHEMA_NAME).exists()


async def test_opening_a_section_writes_nothing(make_app: App, tmp_path: Path) -> None:
    """Number boxes announce their defaults as text when shown; that is not an answer."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, "kiosks")
        await settle(pilot)
    assert answers.read_text() == "business:\n  kinds: [kiosks]\n"


async def test_the_sidebar_marks_the_section_that_resolves_a_blocking_note(
        make_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns the preview is hidden, yet the notes are drafted (after a pause in the
    typing) so that the sidebar can mark where a blocking note is resolved."""
    monkeypatch.setattr("drafter.app.screens.side.NOTES_DELAY", 0.0)
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples()["kiosk"].read_text().replace("pci_validated: true",
                                                               "pci_validated: false"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, rounds=3)
        sidebar = app.screen.query_one(SectionList)
        assert sidebar.blocked == {"kiosks"}
        row = next(prompt for prompt, key in sidebar.shown if key == "kiosks")
        assert row.startswith("[$text-error]![/]")

        await open_section(pilot, "kiosks", "kiosks.pci_validated")
        await pilot.press("up", "enter")  # from "No" to "Yes"
        await settle(pilot)
        assert AnswersFile.open(answers).get("kiosks.pci_validated") is True
        assert sidebar.blocked == set()
        row = next(prompt for prompt, key in sidebar.shown if key == "kiosks")
        assert not row.startswith("[$text-error]")


async def test_not_sure_is_a_question_for_counsel_not_a_red_mark(
        make_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"I'm not sure" about PCI validation or about selling data: nothing the owner can fix, so
    no red `!` in the sidebar but a `?`, and the notes pane lists the questions under their own
    heading, after the owner's notes."""
    monkeypatch.setattr("drafter.app.screens.side.NOTES_DELAY", 0.0)
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples()["kiosk"].read_text()
                       .replace("pci_validated: true", "pci_validated: unsure")
                       .replace('sells: "no"', "sells: unsure"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, rounds=3)
        sidebar = app.screen.query_one(SectionList)
        assert sidebar.blocked == set() and sidebar.asked == {"kiosks", "sharing"}
        for section in ("kiosks", "sharing"):
            row = next(prompt for prompt, key in sidebar.shown if key == section)
            assert row.startswith("[$text-accent]?[/]"), row
        await pilot.press("f4")
        await settle(pilot)
        notes = app.screen.query_one(NotesList)
        rows = [(str(o.prompt), o.id, o.disabled) for o in notes.options]
        heading = next(i for i, (text, _, off) in enumerate(rows)
                       if off and "Questions for counsel" in text)
        asked = [notes.notes[row_id] for _, row_id, _ in rows[heading + 1:] if row_id]
        assert {n.resolves_by for n in asked} == {"kiosks.pci_validated", "sharing.sells"}
        assert all(n.for_counsel for n in asked)
        assert not any(notes.notes[i].for_counsel for _, i, _ in rows[:heading] if i)


async def test_enter_on_a_choice_keeps_the_chosen_answer(make_app: App, tmp_path: Path) -> None:
    """Textual starts a radio set's highlight on its first button; ours starts on the answer."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples()["kiosk"].read_text().replace("pci_validated: true",
                                                               "pci_validated: false"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "kiosks", "kiosks.pci_validated")
        assert field(app, "kiosks.pci_validated").query_one(RadioSet).pressed_index == 1  # No
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is not None
        assert field(app, "kiosks.pci_validated") not in app.focused.ancestors, "moved on"
    assert AnswersFile.open(answers).get("kiosks.pci_validated") is False


async def test_enter_in_a_text_answer_moves_to_the_next_question(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "business", "business.name")
        await pilot.press("end", "!", "enter")
        await pilot.pause()
        assert app.focused is not None and field(app, "business.brand") in app.focused.ancestors
        assert field(app, "business.name").query_one(Input).value.endswith("!")


async def test_unticking_every_choice_is_saved_not_replaced_by_the_default(
        make_app: App, tmp_path: Path) -> None:
    """`change_notice` defaults to [website]: unticking it must leave nothing chosen, in the
    file as on screen, and say a required answer is missing (not quietly use the default)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "policy", "policy.change_notice")
        await pilot.press("space")  # untick "A notice on our website"
        await pilot.pause()
        problem = field(app, "policy.change_notice").query_one(".problem", Label)
        assert "missing" in str(problem.content)
        assert "policy.change_notice" in app.session.missing()
    assert AnswersFile.open(answers).get("policy.change_notice") == []


async def test_focus_on_a_field_of_a_hidden_section_is_ignored(
        make_app: App, tmp_path: Path) -> None:
    """Held-down Ctrl+↓ in a terminal replaces sections faster than focus lands: a field of
    the section just left can still get the focus (seen in tmux: the position file said
    section `cookies`, question `kiosks.locations`). That must change nothing."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left = field(app, "business.name").query_one(Input)  # the first section's, now hidden
        await open_section(pilot, "cookies")
        await settle(pilot)  # focus lands on the section's first question before we look
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        shown = screen.key
        assert shown is not None and shown.startswith("cookies."), shown
        screen.set_focus(left, scroll_visible=False)
        await settle(pilot)
        assert screen.key == shown
    position = json.loads(position_path(tmp_path / "answers.yaml").read_text())
    assert (position["section"], position["question"]) == ("cookies", shown)


async def test_an_emptied_box_says_which_default_the_policy_uses(make_app: App,
                                                                  tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "international", "international.storage_country")
        box = field(app, "international.storage_country").query_one(Input)
        await pilot.press("ctrl+u", "backspace", "delete")
        await pilot.pause()
        assert box.value == "" and box.placeholder == "If left blank: the United States"
    assert AnswersFile.open(tmp_path / "answers.yaml").get("international.storage_country") is None
