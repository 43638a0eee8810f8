"""Issue 15's audit of the keys (D1, D4, D5, D6, redo in the browser, focus after a reveal),
driven through the real app with Pilot: Enter in a list of rows moves on to the row's next
field, the find box applies keys in order, type-to-jump starts at the highlight, a refused
field of a row says why under itself, and the first question an answer reveals gets the focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.color import Color
from textual.widgets import Button, Input, Label, SelectionList

from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField
from drafter.app.widgets.records import RecordRow
from tests.app.pilot_helpers import editor, field, focused_key, kept, open_section, settle
from tests.app.typing_helpers import type_fast

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


@pytest.mark.parametrize(("key", "typed"), [
    ("sharing.vendors", ["Kiosk Field Services LLC", "installing and restocking our kiosks",
                         "https://kioskfield.example"]),
    ("retention.schedule", ["Account details", "While your account is open, then 2 years"]),
])
async def test_enter_in_a_row_moves_to_its_next_field(make_app: App, tmp_path: Path, key: str,
                                                      typed: list[str]) -> None:
    """D1: Enter after a row's field left the focus there, and the next field's text was
    appended to it ("Kiosk Field Services LLCinstalling…"). Issue 15 (the new-user trial):
    Enter after the row's last field went to "+ Add", and the next Enter added an empty row,
    though the help says Enter goes to the next question: from the last row's last field it
    goes there (never to "+ Add" or Remove; Tab reaches them). Every question of rows is
    here."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, key.split(".")[0], key)
        rows = field(app, key)
        rows.query_one(".add", Button).focus()
        await pilot.press("enter")  # + Add: a new row, its first field focused
        for text in typed:
            await pilot.press(*text, "enter")
        await settle(pilot)
        row = rows.query(RecordRow).last()
        boxes = row.query(Input)
        assert [box.value for box in boxes][:len(typed)] == typed
        names = [sub.id for sub in rows.entry.question.fields or []]
        saved = kept(tmp_path / "answers.yaml", key)
        assert [saved[-1].get(name) for name in names[:2]] == typed[:2]
        later = row.boxes()[len(typed):]
        if later:  # a pick-list: Enter opens it, picks, moves on
            assert app.focused is later[0]
            await pilot.press("enter", *"hosting", "enter")
            assert row.boxes()[-1].value == "hosting"
        await settle(pilot)
        assert focused_key(app) == next_question(app, key)  # not "+ Add", not Remove
        assert len(rows.query(RecordRow)) == 1


def next_question(app: DrafterApp, key: str) -> str:
    """The question after `key` among those its section shows."""
    screen = editor(app)
    shown = [k for k in screen.session.visible() if k.startswith(key.split(".")[0] + ".")]
    return shown[shown.index(key) + 1]


async def test_enter_goes_through_every_row_and_never_keeps_an_empty_one(
        make_app: App, tmp_path: Path) -> None:
    """Enter on a row's last field goes to the next row's first field; from the last row, to
    the next question. An empty row ("+ Add", then Enter through it) is never saved."""
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  kinds: [kiosks]\nretention:\n  schedule:\n"
                    "    - what: Account details\n      how_long: 2 years\n"
                    "    - what: Receipts\n      how_long: 7 years\n")
    key = "retention.schedule"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "retention", key)
        rows = field(app, key)
        first, second = rows.query(RecordRow)
        assert app.focused is first.boxes()[0]
        await pilot.press("enter", "enter")
        assert app.focused is second.boxes()[0]
        await pilot.press("enter", "enter")
        assert focused_key(app) == next_question(app, key)
        rows.query_one(".add", Button).focus()
        await pilot.press("enter", "enter", "enter")  # an empty row, Enter through it
        await settle(pilot)
        assert len(rows.query(RecordRow)) == 3
        assert focused_key(app) == next_question(app, key)
        assert kept(path, key) == [{"what": "Account details", "how_long": "2 years"},
                                   {"what": "Receipts", "how_long": "7 years"}]
        assert "how_long: 7 years\n" in path.read_text() and "{}" not in path.read_text()


@pytest.mark.parametrize("slow", [False, True])
async def test_the_find_box_applies_keys_in_the_order_typed(make_app: App,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            slow: bool) -> None:
    """D4: Ctrl+F, "extra", five quick Backspaces, "which of these companies" gave "extrwhof
    these companies": Backspace, a binding of the box, acted only once the key had gone up
    to the app, after the letters typed behind it. `slow`: each search takes the loop's
    turns (a busy machine), as the keys keep coming."""
    from drafter.app.screens import find

    if slow:
        searched = find.find_questions

        def slowly(*args: object) -> object:
            for _ in range(20):
                searched(*args)  # type: ignore[arg-type]
            return searched(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(find, "find_questions", slowly)
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        box = app.screen.query_one("#find-words", Input)
        assert app.focused is box
        await type_fast(app, "extra", 0.0)
        for _ in range(5):
            app.post_message(events.Key("backspace", None))
        await type_fast(app, "which of these companies", 0.0)
        await settle(pilot)
        assert box.value == "which of these companies"


async def test_a_letter_starts_its_jump_at_the_highlighted_option(
        make_app: App, tmp_path: Path, still_clock: list[float]) -> None:
    """D6: with "California" highlighted, "c" then Space ticked Colorado. The first letter of
    a search stays on the highlighted option when it matches; the same letter again (at once,
    or after a pause on the option it jumped to) goes on to the next, as in a file manager."""
    (tmp_path / "answers.yaml").write_text("audience:\n  regions: [usa]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "audience", "audience.us_states")
        states = field(app, "audience.us_states").query_one(SelectionList)

        def shown() -> str:
            assert states.highlighted is not None
            return str(states.get_option_at_index(states.highlighted).prompt)

        assert shown() == "All over the US"
        await pilot.press("a")  # the highlighted option starts with it: stays
        assert shown() == "All over the US"
        await pilot.press("a")  # again: on to the next
        assert shown() == "Alabama"
        still_clock[0] += 2
        await pilot.press("a")  # after a pause, still the letter that jumped here: on
        assert shown() == "Alaska"
        await pilot.press("down", "down", "down")  # California, by the arrows
        assert shown() == "California"
        still_clock[0] += 2
        await pilot.press("c", "space")
        assert shown() == "California"
        ticked = kept(tmp_path / "answers.yaml", "audience.us_states")
        assert "california" in ticked and "colorado" not in ticked
        still_clock[0] += 2
        await pilot.press("c")
        assert shown() == "Colorado"
        still_clock[0] += 2
        await pilot.press("c", "a")  # a longer prefix looks from where the search began
        assert shown() == "California"


async def test_a_refused_field_of_a_row_says_why_under_itself(make_app: App,
                                                               tmp_path: Path) -> None:
    """D5: "foo bar" in a vendor's link turned the row red and counted "1 to fix", but the
    message went under the whole list, off the screen at 80×24, and the row's other fields
    were red before the owner reached them."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        rows = field(app, "sharing.vendors")
        rows.query_one(".add", Button).focus()
        await pilot.press("enter", *"Kiosk Field Services LLC")
        await settle(pilot)
        row = rows.query(RecordRow).last()
        error = Color.parse(app.get_css_variables()["error"])

        def red() -> list[str]:
            return [str(box.name) for box in row.query(Input)
                    if box.styles.border_top[1] == error]

        assert red() == []  # "What they do for you" is not reached yet: not an error
        await pilot.press("enter", *"installing our kiosks", "enter", *"foo bar")
        await settle(pilot)
        link = row.boxes()[2]
        assert app.focused is link
        assert red() == ["link"]
        below = row.query(".row-problem").results(Label)
        shown = [label for label in below if label.display]
        assert [label.name for label in shown] == ["link"]
        assert str(shown[0].content)  # why, in words
        below = shown[0]
        assert below.region.y == link.region.bottom  # just under the field, on screen
        assert app.screen.region.contains_region(below.region)
        assert str(rows.query_one(".problem", Label).content) == ""  # not again below all
        await pilot.press(*["backspace"] * 7, *"https://kioskfield.example")
        await settle(pilot)
        assert red() == [] and not below.display


async def test_yes_to_marketing_emails_goes_to_their_tracking_next(make_app: App,
                                                                   tmp_path: Path) -> None:
    """The audit: "Do you send marketing emails?" Yes, Enter went to the text-message
    question, and the email-tracking question it revealed came after it. A follow-up stands
    right after the question that reveals it, so Enter (which never jumps past a question)
    reaches it first."""
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "choices", "choices.email_marketing")
        await pilot.press(*"yes", "enter")
        await settle(pilot)
        assert kept(tmp_path / "answers.yaml", "choices.email_marketing") is True
        focused = app.focused
        while focused is not None and not isinstance(focused, QuestionField):
            focused = focused.parent  # type: ignore[assignment]
        assert isinstance(focused, QuestionField) and focused.key == "choices.email_tracking"
