"""Issue 15's keyboard-only kiosk trials, driven through the real app with Pilot: a list left
empty is saved as "none of these" once moved on from; an option offered only while its `when` holds
(hidden, shown again, and kept with a warning where already ticked); type-to-jump by initials
and other names; a long answer scrolled home when it loses the focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Label, SelectionList, TextArea

from drafter.app.app import DrafterApp
from drafter.app.widgets.boxes import AnswerBox
from drafter.app.widgets.progress import Progress
from tests.app.pilot_helpers import field, kept, open_section, settle

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]
SIZE = (80, 24)
App = Callable[..., DrafterApp]
KIOSK = "business:\n  kinds: [kiosks]\n"


def ticks(app: DrafterApp, key: str) -> list[str]:
    found = field(app, key).query_one(SelectionList)
    return [found.get_option_at_index(i).value for i in range(found.option_count)]


def below(app: DrafterApp, key: str) -> str:
    return str(field(app, key).query_one(".problem", Label).content)


async def test_a_list_left_empty_is_answered_once_moved_on_from(make_app: App,
                                                                tmp_path: Path) -> None:
    """"For you: N to answer" never reached 0 for an owner leaving lists empty as their help
    allows. Enter on an empty list moves on, and the list then counts as answered: the
    owner's "none of these" is saved in the answers file (an empty list), said under the list
    and taken back by Ctrl+Z, so a copy of the file opened elsewhere (no side file beside it)
    says what the app says. Kept only in the app's side file, it said "to answer" there."""
    from drafter.editing import Session
    from drafter.standing import standing

    path = tmp_path / "answers.yaml"
    path.write_text(KIOSK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "kiosks", "kiosks.biometrics")
        progress = app.screen.query_one(Progress)
        before = progress.shown
        assert before is not None
        await pilot.press("enter")
        await settle(pilot)  # the counts change with the notes, once the draft is done
        after = progress.shown
        assert after is not None
        assert (after.answered, after.unanswered) == (before.answered + 1, before.unanswered - 1)
        assert kept(path, "kiosks.biometrics") == []
        assert below(app, "kiosks.biometrics") == (
            "Saved as \u201cnone of these\u201d. Tick any that apply.")
        app.screen.session.flush()  # type: ignore[attr-defined]
        elsewhere = tmp_path / "copy"
        elsewhere.mkdir()
        (elsewhere / "answers.yaml").write_text(path.read_text())
        copy = Session.open(app.screen.session.project,  # type: ignore[attr-defined]
                            elsewhere / "answers.yaml")
        mine = standing(copy)  # the counts (the notes are the draft's, not the file's)
        assert (mine.answered, mine.shown, mine.unanswered, mine.suggested) == (
            after.answered, after.shown, after.unanswered, after.suggested)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert kept(path, "kiosks.biometrics") is None
        undone = progress.shown  # the counts (notes arrive with the draft, at any time)
        assert undone is not None
        assert (undone.answered, undone.unanswered) == (before.answered, before.unanswered)


async def test_none_of_these_is_the_owners_key_never_a_quit_or_a_switch(
        make_app: App, tmp_path: Path) -> None:
    """Only Enter or Tab out of the list says "none of these": a section switched from it,
    or quitting on it, writes nothing the owner did not decide."""
    path = tmp_path / "answers.yaml"
    path.write_text(KIOSK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "kiosks", "kiosks.biometrics")
        await open_section(pilot, "cookies", "cookies.publisher_ads")
        assert kept(path, "kiosks.biometrics") is None
        await pilot.press("tab")
        await pilot.pause()
        assert kept(path, "cookies.publisher_ads") == []
        await open_section(pilot, "collection", "collection.surveys")
    assert kept(path, "collection.surveys") is None
    assert kept(path, "kiosks.biometrics") is None


async def test_an_old_side_file_s_lists_are_saved_and_the_owner_told(make_app: App,
                                                                     tmp_path: Path) -> None:
    """A position file from before kept the lists moved on from: opening the file saves them
    as "none of these" in the answers file and says so, naming them; the progress is what the
    old app showed for them."""
    path = tmp_path / "answers.yaml"
    path.write_text(KIOSK)
    (tmp_path / ".answers.yaml.position.json").write_text(
        '{"section": "kiosks", "question": "kiosks.biometrics", "seen": ["kiosks.biometrics"]}')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert kept(path, "kiosks.biometrics") == []
        assert any("Do your kiosks use face" in m and "Nothing is lost" in m for m in said), said
        assert field(app, "kiosks.biometrics").has_focus_within  # where the owner left it


async def test_the_app_message_is_offered_only_with_an_app(make_app: App,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(KIOSK + "  has_app: false\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "policy", "policy.change_notice")
        assert ticks(app, "policy.change_notice") == ["website", "email"]
        await open_section(pilot, "business", "business.has_app")
        await pilot.press("y", "enter")  # Yes
        await pilot.pause()
        assert kept(path, "business.has_app") is True
        await open_section(pilot, "policy", "policy.change_notice")
        assert ticks(app, "policy.change_notice") == ["website", "email", "app"]
        await open_section(pilot, "business", "business.has_app")
        await pilot.press("n", "enter")  # No again: the page kept from before is redrawn
        await pilot.pause()
        await open_section(pilot, "policy", "policy.change_notice")
        assert ticks(app, "policy.change_notice") == ["website", "email"]


async def test_a_ticked_app_message_is_kept_with_a_warning(make_app: App,
                                                          tmp_path: Path) -> None:
    """Ticked before the owner said there is no app: kept, shown ticked with a warning (never
    dropped silently); unticked, it goes, and so does the warning."""
    path = tmp_path / "answers.yaml"
    path.write_text(KIOSK + "  has_app: false\npolicy:\n  change_notice: [website, app]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "policy", "policy.change_notice")
        assert ticks(app, "policy.change_notice") == ["website", "email", "app"]
        assert "\u201cA message in our app\u201d: not offered" in below(app, "policy.change_notice")
        await pilot.press("down", "down", "space")  # the third option: the app
        await pilot.pause()
        assert kept(path, "policy.change_notice") == ["website"]
        assert below(app, "policy.change_notice") == ""


async def test_typing_initials_or_another_name_jumps_to_a_vendor(make_app: App,
                                                                 still_clock: list[float]) -> None:
    """"aws" found nothing: only the start of a label or of one of its words matched."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "sharing", "sharing.catalog")
        vendors = field(app, "sharing.catalog").query_one(SelectionList)

        def highlighted() -> str:
            assert vendors.highlighted is not None
            return str(vendors.get_option_at_index(vendors.highlighted).value)

        await pilot.press("down", "down", "down")  # away from the first, Amazon Web Services
        await pilot.press(*"aws")
        assert highlighted() == "aws"
        still_clock[0] += 2
        await pilot.press(*"ses")  # Amazon Simple Email Service, also known as Amazon SES
        assert highlighted() == "amazon_ses"
        still_clock[0] += 2
        await pilot.press(*"hellos")  # Dropbox Sign's former name
        assert highlighted() == "dropbox_sign"


async def test_a_long_answer_shows_its_beginning_once_left(make_app: App,
                                                          tmp_path: Path) -> None:
    lines = "\n".join(f"Line {n} of a long address" for n in range(1, 11))
    path = tmp_path / "answers.yaml"
    path.write_text(KIOSK + "  offering: " + "kiosks " * 30 + "\n  address: |-\n" + "".join(
        f"    {line}\n" for line in lines.splitlines()))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "business", "business.offering")
        offering = field(app, "business.offering").query_one(AnswerBox)
        await pilot.pause()
        assert offering.scroll_x > 0  # the cursor at the end of the text
        await open_section(pilot, "business", "business.address")
        await pilot.pause()
        assert offering.scroll_x == 0
        address = field(app, "business.address").query_one(TextArea)
        assert address.has_focus and address.scroll_y > 0
        await pilot.press("tab")
        await pilot.pause()
        assert not address.has_focus and address.scroll_y == 0
        address.focus()  # back again: the cursor at the end, in view
        await pilot.pause()
        assert address.cursor_location == address.document.end and address.scroll_y > 0

