"""Issue 15, the Chromium trial: answers saved wrong without a message, driven through the
real app with Pilot. Type-to-jump took "twilio" to "Twilio SendGrid"; an extra vendor's row
kept "Fed" where "FedEx" was shown, said "This field is required" on arriving in the next
box, and typing after the text the catalog filled in added to it; an exclusive option
("All over the US") stayed ticked beside the states ticked after it; a date in words and
"last 4" were refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Label, SelectionList

from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField
from drafter.app.widgets.records import RecordRow
from tests.app.pilot_helpers import field, kept, open_section, settle

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]
SIZE = (80, 24)
App = Callable[..., DrafterApp]


def highlighted(ticks: SelectionList[str]) -> str:
    assert ticks.highlighted is not None
    return str(ticks.get_option_at_index(ticks.highlighted).prompt)


async def test_a_whole_name_typed_wins_over_a_longer_name_starting_with_it(
        make_app: App, tmp_path: Path, still_clock: list[float]) -> None:
    """desk-38: "twilio" then Space ticked Twilio SendGrid (email), listed above Twilio (text
    messages). The whole name wins, as does a whole other name (`also_known_as`) and a name
    without its bracketed part; a start of a name still goes to the first it starts."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.catalog")
        ticks = field(app, "sharing.catalog").query_one(SelectionList)
        await pilot.press(*"twilio")
        assert highlighted(ticks) == "Twilio"
        await pilot.press("space")
        assert kept(tmp_path / "answers.yaml", "sharing.catalog") == ["twilio"]
        for typed, name in [("sendgrid", "Twilio SendGrid"), ("twilio", "Twilio"),
                            ("mailchimp", "Mailchimp (Intuit)"),
                            ("ses", "Amazon Simple Email Service")]:
            still_clock[0] += 2
            await pilot.press(*typed)
            assert highlighted(ticks) == name, typed


async def test_a_state_ticked_unticks_all_over_the_us_visibly_and_undoably(
        make_app: App, tmp_path: Path) -> None:
    """desk-17: with "All over the US" ticked, five states were ticked beside it, and the file
    held `nationwide` and the five with no message (the policy read "all over the US"). The
    option is `exclusive` in the questionnaire: a state unticks it, on screen, with a
    message, and Ctrl+Z puts it back; ticking it again unticks the states."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("audience:\n  regions: [usa]\n  us_states: [nationwide]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "audience", "audience.us_states")
        key = "audience.us_states"
        ticks = field(app, key).query_one(SelectionList)
        assert highlighted(ticks) == "All over the US"
        await pilot.press("down", "space")  # Alabama
        assert list(ticks.selected) == ["alabama"]
        assert kept(answers, key) == ["alabama"]
        notices = [n.message for n in app._notifications]
        assert any("unticked \u201cAll over the US\u201d" in m for m in notices), notices
        await pilot.press("down", "space")  # Alaska: both states stay
        assert kept(answers, key) == ["alabama", "alaska"]
        await pilot.press("home", "space")  # All over the US again: the states go
        assert list(ticks.selected) == ["nationwide"]
        assert kept(answers, key) == ["nationwide"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        ticks = field(app, key).query_one(SelectionList)
        assert sorted(ticks.selected) == ["alabama", "alaska"]
        assert kept(answers, key) == ["alabama", "alaska"]


async def new_row(pilot: object, app: DrafterApp) -> tuple[QuestionField, RecordRow]:
    await settle(pilot)  # type: ignore[arg-type]
    await open_section(pilot, "sharing", "sharing.vendors")  # type: ignore[arg-type]
    rows = field(app, "sharing.vendors")
    rows.query_one(".add", Button).focus()
    await pilot.press("enter")  # type: ignore[attr-defined]
    return rows, rows.query(RecordRow).last()


def shown_problems(row: RecordRow) -> list[tuple[str, str]]:
    return [(str(label.name), str(label.content)) for label in
            row.query(".row-problem").results(Label) if label.display]


async def test_enter_takes_the_company_shown_and_typing_replaces_what_it_filled_in(
        make_app: App, tmp_path: Path) -> None:
    """phone-15..17: "Fed" with "FedEx" shown, Enter saved "Fed", and "This field is
    required" stood at once under the box Enter went to. Then the catalog's purpose and link
    were filled in with the cursor after them, and what the owner typed was added to them:
    "delivering parcelscarrying parcels …", "https://www.fedex.com/…privacy.htmlfedex.com/…".
    Enter takes the name shown; what the app fills in is selected, so typing replaces it; a
    field is "required" only once left empty; the owner is pointed to the catalog's list."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rows, row = await new_row(pilot, app)
        name, purpose, link = row.query(Input)
        await pilot.press(*"Fed")
        await settle(pilot)
        assert name._suggestion == "FedEx"  # the completion shown
        await pilot.press("enter")
        await settle(pilot)
        assert name.value == "FedEx"
        assert app.focused is purpose
        assert purpose.value == "delivering parcels" and purpose.selected_text == purpose.value
        assert shown_problems(row) == []  # reached, not left: not "required"
        notices = [n.message for n in app._notifications]
        assert any("in the list above" in m and "FedEx" in m for m in notices), notices
        await pilot.press(*"carrying parcels dropped at our lockers", "enter")
        assert app.focused is link and link.selected_text == link.value != ""
        await pilot.press(*"fedex.com/privacy", "enter")
        await settle(pilot)
        saved = kept(answers, "sharing.vendors")
        assert saved == [{"name": "FedEx", "purpose": "carrying parcels dropped at our lockers",
                          "link": "https://fedex.com/privacy", "category": "shipping"}]


async def test_required_only_once_left_empty_and_what_was_typed_is_never_filled_over(
        make_app: App, tmp_path: Path) -> None:
    """A field just reached is not wrong while empty; left empty it is. A name corrected to a
    catalog company's later fills only the fields still empty: what the owner typed stays;
    the company being ticked in the list above already, the owner is told so."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\nsharing:\n  catalog: [dhl]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rows, row = await new_row(pilot, app)
        name, purpose, link = row.query(Input)
        await pilot.press(*"Acme Lockers", "enter")
        await settle(pilot)
        assert app.focused is purpose and shown_problems(row) == []
        await pilot.press("enter")  # left empty
        await settle(pilot)
        assert app.focused is link
        assert shown_problems(row) == [("purpose", "This field is required")]
        await pilot.press("shift+tab", *"our lockers", "shift+tab")
        assert app.focused is name
        await pilot.press("end", *["backspace"] * 12, *"DHL", "enter")
        await settle(pilot)
        assert purpose.value == "our lockers"  # the owner's, kept
        assert link.value.startswith("https://www.dhl.com/")  # empty: filled in
        await pilot.press("shift+tab", "end", *["backspace"] * 3, *"Stripe", "enter")
        await settle(pilot)  # the catalog's link and kind for DHL give way to Stripe's
        assert purpose.value == "our lockers"
        assert link.value.startswith("https://stripe.com/") and row.boxes()[-1].value == (
            "payments"), (link.value, row.boxes()[-1].value)
        await pilot.press("shift+tab", "end", *["backspace"] * 6, *"DHL", "enter")
        await settle(pilot)
        assert kept(answers, "sharing.vendors")[0]["purpose"] == "our lockers"
        notices = [n.message for n in app._notifications]
        assert any("\u201cDHL\u201d is ticked already in the list above" in m
                   for m in notices), notices
        # as typed by hand, found as the answer check finds it (issue 15: exact names only)
        await pilot.press("shift+tab", "end", *["backspace"] * 3, *"dhl.com", "enter")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("\u201cdhl.com\u201d, that is \u201cDHL\u201d, is ticked already" in m
                   for m in notices), notices


async def test_a_date_in_words_and_a_count_among_words_are_saved_and_said(
        make_app: App, tmp_path: Path) -> None:
    """desk-13, desk-58: "January 15, 2027" was refused ("expected a real date such as
    2026-11-22") and "last 4" ("expected a whole number"), each written to the file as typed.
    Both are read now, stored as the build reads them, and the form says so."""
    app = make_app("kiosk")
    answers = tmp_path / "answers.yaml"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, typed, stored, text in [
                ("policy.effective_date", "January 15, 2027", "2027-01-15", "2027-01-15"),
                ("kiosks.receipt_digits", "last 4", 4, "4")]:
            await open_section(pilot, key.split(".")[0], key)
            await pilot.press("ctrl+u", *typed)
            await settle(pilot)
            below = str(field(app, key).query_one(".problem", Label).content)
            assert below == f"Saved as {text}", below
            assert str(kept(answers, key)) == str(stored)
