"""An answer that opens a new section of questions (a kind of business ticked: its module's
section) says so: a notice names the section, where it is and how to go there, and the list
of sections shows it, marked new until it is opened (new-owner trials: ticking "kiosks" added
"Your kiosks" with no word). Which answers add which section is read from the questionnaire,
never from a list kept here."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from drafter.app.app import DrafterApp
from drafter.app.widgets.sidebar import SectionList
from drafter.editing import Session
from drafter.project import Project
from tests.app.pilot_helpers import editor, field, open_section, settle

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("still_clock")]
App = Callable[..., DrafterApp]
SIZE, PHONE = (80, 24), (42, 40)
START = "business:\n  name: Acme Inc.\n  offering: parcels\n"
KEY = "business.kinds"


def sections_with(project: Project, path: Path, kinds: list[str]) -> list[str]:
    """The sections the core shows with `kinds` ticked, in order."""
    path.write_text(START + f"  kinds: {kinds}\n")
    session = Session.open(project, path, path.name)
    try:
        shown = {key.split(".", 1)[0] for key in session.visible()}
        return [s.id for s in session.questionnaire.sections if s.id in shown]
    finally:
        session.close()


def adding(project: Project, tmp_path: Path) -> dict[str, list[str]]:
    """Each option of `business.kinds` that adds sections, and the sections it adds."""
    probe = tmp_path / "probe" / "answers.yaml"
    probe.parent.mkdir()
    before = sections_with(project, probe, [])
    options = project.questionnaire.entry(KEY).question.options or {}
    found = {option: [s for s in sections_with(project, probe, [option]) if s not in before]
             for option in options}
    return {option: added for option, added in found.items() if added}


def toasts(app: DrafterApp) -> list[str]:
    return [str(n.message) for n in app._notifications]  # noqa: SLF001


def rows(app: DrafterApp) -> list[str]:
    """The list's rows, each as one line (a long title wraps)."""
    return [" ".join(str(option.prompt).split())
            for option in app.screen.query_one(SectionList).options]


@pytest.mark.parametrize("size", [SIZE, PHONE])
async def test_each_answer_adding_a_section_names_it_and_the_list_marks_it(
        make_app: App, project: Project, tmp_path: Path, size: tuple[int, int]) -> None:
    added = adding(project, tmp_path)
    assert len(added) >= 4, added  # the set-up: the kinds of business add their sections
    (tmp_path / "answers.yaml").write_text(START)
    app = make_app()
    titles = {s.id: s.title for s in project.questionnaire.sections}
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", KEY)
        ticks = field(app, KEY).query_one(SelectionList)
        options = [ticks.get_option_at_index(i).value for i in range(ticks.option_count)]
        for option, sections in added.items():
            app.clear_notifications()
            ticks.highlighted = options.index(option)
            await pilot.press("space")
            await settle(pilot)
            told = " ".join(toasts(app))
            listed = rows(app)
            for section in sections:
                title = titles[section]
                assert f"\u201c{title}\u201d" in told, (option, told)
                shown = [row for row in listed if title in row]
                assert shown and "new" in shown[0].split(title, 1)[1], (option, listed)
            assert "Ctrl+Down" in told, told
            assert editor(app).section_id == "business"  # told, not taken there
            await pilot.press("space")  # untick: the next option alone
            await settle(pilot)
        # ticking a kind that adds nothing says nothing of sections
        app.clear_notifications()
        other = next(o for o in options if o not in added) if len(added) < len(options) else None
        if other is not None:
            ticks.highlighted = options.index(other)
            await pilot.press("space")
            await settle(pilot)
            assert not any("section" in t for t in toasts(app)), toasts(app)


async def test_the_mark_goes_once_the_section_is_opened(make_app: App, project: Project,
                                                       tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(START)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", KEY)
        ticks = field(app, KEY).query_one(SelectionList)
        ticks.highlighted = 0  # kiosks, the first kind
        await pilot.press("space")
        await settle(pilot)
        named = re.search(r"\u201c([^\u201d]+)\u201d \(", " ".join(toasts(app)))
        assert named, toasts(app)
        section = next(s for s in project.questionnaire.sections if s.title == named[1])
        assert any(section.title in row and "new" in row.split(section.title)[1]
                   for row in rows(app))
        await open_section(pilot, section.id)
        await settle(pilot)
        assert not any(section.title in row and "new" in row.split(section.title)[1]
                       for row in rows(app)), rows(app)


async def test_the_notice_says_the_key_that_goes_there(project: Project, tmp_path: Path) -> None:
    """Ctrl+Down opens a section that comes next; one further on is reached through the
    sections between (Ctrl+Down, or Ctrl+Up for one before the open section)."""
    from drafter.app.widgets.sidebar import added_notice
    from drafter.standing import section_progress

    (section,) = adding(project, tmp_path)["kiosks"]
    path = tmp_path / "answers.yaml"
    path.write_text(START + "  kinds: [kiosks]\n")
    session = Session.open(project, path, path.name)
    try:
        listed = [s.id for s in session.questionnaire.sections
                  if s.id in section_progress(session)]
        at = listed.index(section)
        assert "Ctrl+Down opens it" in added_notice(session, [section], listed[at - 1], listed)
        assert "Ctrl+Down goes through" in added_notice(session, [section], listed[0], listed)
        assert "Ctrl+Up goes through" in added_notice(session, [section], listed[-1], listed)
    finally:
        session.close()
