"""A suggested answer (a question's `default`, unless its `default_when` says an earlier answer
tells against it) is shown as the core works it out now, not as it was when the field was
built: the ticks, the choice pressed and the "Suggested answer" line follow the answers it
depends on, and Enter keeps exactly what is shown (trial 16: an answer given in one section
left another section's page, built before it, showing a suggestion the core no longer made,
and Enter then wrote nothing, or something not shown).

Each test builds the dependent question's page first, then gives the earlier answer, then
goes back to it, as an owner does who looks ahead and then goes on in order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import RadioSet, SelectionList

from drafter.app.app import DrafterApp
from tests.app.pilot_helpers import editor, field, kept, open_section, settle

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]
SIZE = (80, 24)
App = Callable[..., DrafterApp]
START = "business:\n  kinds: [kiosks]\n"


def shown(app: DrafterApp, key: str) -> tuple[bool, Any]:
    """Whether the field says its answer is suggested, and what it shows chosen or ticked."""
    found = field(app, key)
    suggested = found.has_class("-suggested")
    ticks = found.query(SelectionList)
    if ticks:
        return suggested, sorted(ticks.first().selected)
    radios = found.query_one(RadioSet)
    pressed = radios.pressed_index
    return suggested, (None if pressed < 0 else str(radios.pressed_button.label))


def core(app: DrafterApp, key: str) -> tuple[bool, Any]:
    """What the core says the field should show: (suggested, the suggestion or None)."""
    session = editor(app).session
    return session.suggested(key), session.answers().suggestion(key)


async def test_a_suggestion_withdrawn_by_an_earlier_answer_is_no_longer_shown(
        make_app: App, tmp_path: Path) -> None:
    """1a: with staff (42 people), "No" is no longer suggested for "job applicants or your own
    staff"; the field built before the answer still said "Suggested, Enter keeps it" with No
    pressed, and Enter wrote nothing."""
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "collection", "collection.staff")
        assert shown(app, "collection.staff") == (True, "No")
        await open_section(pilot, "audience", "audience.employees")
        await pilot.press("4", "2")
        await pilot.pause()
        assert core(app, "collection.staff") == (False, None)
        await open_section(pilot, "collection", "collection.staff")
        assert shown(app, "collection.staff") == (False, None)
        await pilot.press("n", "enter")
        await pilot.pause()
        assert kept(path, "collection.staff") is False


async def test_a_yes_no_suggestion_withdrawn_by_a_vendor_ticked_leaves_no_answerable(
        make_app: App, tmp_path: Path) -> None:
    """1b: with an ad platform ticked from the catalog, advertising has no suggestion; the
    field still showed "Suggested … No" pressed, and neither Enter, "n" Enter nor the arrows
    could answer No. (Analytics keeps its "No": an ad platform is no analytics service.)"""
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "cookies", "cookies.analytics")
        assert shown(app, "cookies.analytics") == (True, "No")
        await open_section(pilot, "sharing", "sharing.catalog")
        await pilot.press(*"criteo", "space")
        await pilot.pause()
        assert kept(path, "sharing.catalog") == ["criteo"]
        await open_section(pilot, "cookies", "cookies.advertising")
        assert core(app, "cookies.advertising") == (False, None)
        assert shown(app, "cookies.advertising") == (False, None)
        assert shown(app, "cookies.analytics") == (True, "No")
        await pilot.press("enter")  # nothing shown: nothing written
        await pilot.pause()
        assert kept(path, "cookies.advertising") is None
        await open_section(pilot, "cookies", "cookies.advertising")
        await pilot.press("down", "down", "enter")  # Yes, then No
        await pilot.pause()
        assert kept(path, "cookies.advertising") is False


async def test_an_analytics_company_ticked_is_shown_as_suggesting_yes(
        make_app: App, tmp_path: Path) -> None:
    """Trial 17 (F3): with Google Analytics ticked, "Do you use an analytics service?" showed
    no suggestion, though the catalog says what the company does; now "Yes" is suggested,
    shown pressed, and Enter keeps it."""
    path = tmp_path / "answers.yaml"
    path.write_text(START + "sharing:\n  catalog: [google_cloud, google_analytics]\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "cookies", "cookies.analytics")
        assert core(app, "cookies.analytics") == (True, True)
        assert shown(app, "cookies.analytics") == (True, "Yes")
        await pilot.press("enter")
        await pilot.pause()
        assert kept(path, "cookies.analytics") is True


async def test_a_suggestion_made_by_an_earlier_answer_is_shown_and_kept_as_shown(
        make_app: App, tmp_path: Path) -> None:
    """1c: with a phone number given, "By email" and "By phone" are suggested for requests;
    the field built before showed nothing ticked, Enter wrote [email, phone] without showing
    them, and Space on "By email" then saved just [email]."""
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "rights", "rights.request_methods")
        assert shown(app, "rights.request_methods") == (False, [])
        await open_section(pilot, "contact", "contact.phone")
        await pilot.press(*"4155550100")
        await pilot.pause()
        assert core(app, "rights.request_methods") == (True, ["email", "phone"])
        await open_section(pilot, "rights", "rights.request_methods")
        assert shown(app, "rights.request_methods") == (True, ["email", "phone"])
        await pilot.press("space")  # "By email" unticked: what is left is "By phone"
        await pilot.pause()
        assert kept(path, "rights.request_methods") == ["phone"]
        assert shown(app, "rights.request_methods") == (False, ["phone"])


async def test_enter_keeps_a_suggestion_made_after_the_field_was_built(
        make_app: App, tmp_path: Path) -> None:
    """Enter writes exactly what is shown: the suggestion, now that it is shown."""
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "rights", "rights.request_methods")
        await open_section(pilot, "contact", "contact.phone")
        await pilot.press(*"4155550100")
        await open_section(pilot, "rights", "rights.request_methods")
        await pilot.press("enter")
        await pilot.pause()
        assert kept(path, "rights.request_methods") == ["email", "phone"]
        assert shown(app, "rights.request_methods") == (False, ["email", "phone"])


# no answer, no suggestion: a company typed in with no kind may be an analytics service
STATES = {"none": "sharing:\n  vendors:\n    - {name: Heap, purpose: measuring use}\n",
          "yes": "cookies:\n  analytics: true\n",
          "suggested no": ""}


@pytest.mark.parametrize("state, keys", [
    ("none", ("n", "enter")), ("none", ("down", "down", "enter")),
    ("yes", ("n", "enter")), ("yes", ("down", "space")), ("yes", ("down", "enter")),
    ("suggested no", ("enter",)), ("suggested no", ("n", "enter")),
    ("suggested no", ("up", "down", "enter")), ("suggested no", ("space",)),
])
async def test_no_can_be_answered_with_the_keyboard_in_every_state(
        make_app: App, tmp_path: Path, state: str, keys: tuple[str, ...]) -> None:
    """A yes/no question: No is reached by its letter or the arrows from any state (no
    answer, Yes, a suggested No), and Enter or Space writes it."""
    path = tmp_path / "answers.yaml"
    path.write_text(START + STATES[state])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "cookies", "cookies.analytics")
        assert shown(app, "cookies.analytics")[0] == (state == "suggested no")
        await pilot.press(*keys)
        await pilot.pause()
        assert kept(path, "cookies.analytics") is False


async def test_a_field_drawn_again_for_its_suggestion_stays_hidden_if_not_asked(
        make_app: App, tmp_path: Path) -> None:
    """Browser trial 16: ticking "Photos…" among the kinds of information (no "Account") drew
    the profile-picture question again for its withdrawn "No", and the new field came out
    shown though it is asked only with accounts; the owner answered it and the answer was
    written, which the build ignores."""
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "collection", "collection.categories")
        assert not field(app, "collection.profile_pictures").display
        await pilot.press(*"photo", "space")
        await settle(pilot)
        assert "photos_audio" in kept(path, "collection.categories")
        assert "collection.profile_pictures" not in editor(app).session.visible()
        assert not field(app, "collection.profile_pictures").display
