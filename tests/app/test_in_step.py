"""A second session on the same answers file is told another is open and stays in step;
changes made by `publish`, an editor or another session appear in the open form at once,
without losing what the owner is typing. The poll is driven by calling `check_disk` directly:
no sleeps, no timers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual._context import active_app
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet, TextArea

from drafter.answers_file import AnswersFile
from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.fields import QuestionField, field_id
from drafter import answer_check, editing
from drafter.editing import Session
from drafter.journal import Journal, fingerprint
from drafter.lease import Lease
from drafter.presence import Presence, presence_path
from drafter.project import Project
from tests.app.conftest import WIDE
from tests.app.pilot_helpers import open_section, settle

App = Callable[..., DrafterApp]


@pytest.fixture(autouse=True)
def no_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests call the poll themselves, when they choose."""
    monkeypatch.setattr("drafter.app.screens.elsewhere.POLL_EVERY", 3600.0)


def notices(app: DrafterApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def box(app: DrafterApp, key: str, kind: type = Input):  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#{field_id(key)}", QuestionField).query_one(".answer", kind)


def editor(app: DrafterApp) -> EditorScreen:
    assert isinstance(app.screen, EditorScreen)
    return app.screen


async def poll(pilot: Pilot[None]) -> None:
    """What the app's timer does, then the notices it posts. With two apps in one test, the
    one polled must be the active app, or its notices would go to the other."""
    token = active_app.set(pilot.app)
    try:
        await editor(pilot.app).check_disk()  # type: ignore[arg-type]
    finally:
        active_app.reset(token)
    await pilot.pause()


@pytest.mark.asyncio
async def test_two_windows_on_one_file_are_told_and_stay_in_step(make_app: App,
                                                                 tmp_path: Path) -> None:
    first = make_app("kiosk")
    path = tmp_path / "answers.yaml"
    async with first.run_test(size=WIDE) as one:
        await settle(one)
        assert not any("another window" in n for n in notices(first))  # alone: no notice
        await open_section(one, "business", "business.brand")
        second = make_app(path=path)
        async with second.run_test(size=WIDE) as two:
            await settle(two)
            told = [n for n in notices(second) if "also open in another window" in n]
            assert told and f"pid {os.getpid()}" in told[0]
            assert "Changes made there appear here" in told[0]
            await poll(one)  # the first window learns of the second
            assert any("was opened in another window" in n for n in notices(first))

            # The second window changes the name and "has an app": the first shows both at
            # once, in the section on screen, keeping its focus on the brand.
            await open_section(two, "business", "business.name")
            box(second, "business.name").value = "Parcel Point Kiosks, LLC"
            await settle(two)
            second.session.set("business.has_app", False)
            await poll(one)
            await one.pause()
            assert box(first, "business.name").value == "Parcel Point Kiosks, LLC"
            choice = box(first, "business.has_app", RadioSet)
            assert choice.pressed_button is not None and "No" in str(choice.pressed_button.label)
            assert box(first, "business.brand").has_focus
            assert "Updated from disk: name, has app" in notices(first)[-1]

            # Then the first types in the brand: the second's answers stay.
            await one.press("end", "!")
            await settle(one)
            await poll(two)
            assert box(second, "business.brand").value == "Parcel Point!"
        text = path.read_text()
        assert "name: Parcel Point Kiosks, LLC" in text and "brand: Parcel Point!" in text
        assert "has_app: false" in text
    assert not presence_path(path).exists()  # both windows closed: nobody is listed


@pytest.mark.asyncio
async def test_publish_and_an_editor_reach_the_open_form_but_not_the_typing(
        make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    path = tmp_path / "answers.yaml"
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.brand")
        editor(app)
        await poll(pilot)
        assert not any("Updated from disk" in n for n in notices(app))  # nothing changed yet

        # The owner has typed into the brand, and the form has not taken it in yet.
        brand = box(app, "business.brand")
        with brand.prevent(Input.Changed):
            brand.value = "Parcel Poin"
        published = AnswersFile.open(path)  # `drafter publish`, then an editor, meanwhile
        published.set("policy.effective_date", date(2026, 12, 1))
        published.set("business.brand", "Elsewhere")
        published.set("business.address", "1 New Road\nOakland")
        published.save()
        await poll(pilot)
        await pilot.pause()
        assert app.session.valid["policy.effective_date"] == date(2026, 12, 1)
        assert brand.value == "Parcel Poin"  # what the owner is typing stays
        assert box(app, "business.address", TextArea).text == "1 New Road\nOakland"
        assert "effective date" in notices(app)[-1] and "address" in notices(app)[-1]

        await pilot.press("end", "t")  # the owner's text is saved over the other change
        await settle(pilot)
    text = path.read_text()
    assert "brand: Parcel Point\n" in text, text[:300]
    assert "effective_date: 2026-12-01" in text
    assert "New Road" in text


@pytest.mark.asyncio
async def test_one_keystroke_validates_its_value_once(make_app: App,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.answer_check

    calls: list[dict] = []
    real = drafter.answer_check.validate_answers

    def counting(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(doc)
        return real(doc, *args, **kwargs)

    app = make_app("kiosk")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.brand")
        monkeypatch.setattr(drafter.answer_check, "validate_answers", counting)
        await pilot.press("end", "s")
        await settle(pilot)
        monkeypatch.undo()
    assert calls == [{"business": {"brand": "Parcel Points"}}]


def test_presence_lists_live_sessions_and_drops_dead_ones(project: Project,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Co\n")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    ghost = Presence(int(dead.stdout), os.uname().nodename, "2026-12-01T09:00:00", "ghost")
    presence_path(path).write_text(
        f'[{{"pid": {ghost.pid}, "host": "{ghost.host}", "since": "{ghost.since}", '
        '"token": "ghost"}]\n')
    first, second = Session.open(project, path), Session.open(project, path)
    assert first.announce() == []  # the killed session is not reported
    found = second.announce()
    mine, theirs = (s._watch.here.token for s in (first, second))  # type: ignore[union-attr]
    assert [p.token for p in found] == [mine]
    assert found[0].describe().startswith(f"pid {os.getpid()}, since ")
    assert [p.token for p in first.newcomers()] == [theirs]
    assert first.newcomers() == []  # told once
    second.close()
    first.close()
    assert not presence_path(path).exists()
    assert path.read_text() == "business:\n  name: Co\n"  # presence never touches the answers


def test_a_read_only_example_is_never_marked_open(project: Project, tmp_path: Path) -> None:
    from drafter.paths import examples

    session = Session.open(project, examples()["kiosk"], read_only=True)
    assert session.announce() == []
    assert not presence_path(examples()["kiosk"]).exists()


def test_a_poll_with_nothing_changed_reads_nothing(project: Project, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Co\n")
    session = Session.open(project, path)
    session.announce()
    opened: list[Path] = []
    read: list[Path] = []
    real, real_text = AnswersFile.open, editing.current_text
    monkeypatch.setattr(AnswersFile, "open",
                        lambda p: opened.append(p) or real(p))  # type: ignore[misc]
    counted = lambda p: read.append(p) or real_text(p)  # noqa: E731
    monkeypatch.setattr(editing, "current_text", counted)
    monkeypatch.setattr(answer_check, "current_text", counted)  # the reload's first look
    assert session.reload() == {} and session.newcomers() == []
    assert opened == [] and read == []  # one stat each, nothing read
    os.utime(path, ns=(1, 1))  # touched, same text: read once, never parsed, nothing reported
    assert session.reload() == {} and len(read) == 1 and opened == []
    assert session.reload() == {} and len(read) == 1 and opened == []
    session.set("business.name", "Other Co")
    session.flush()  # its own save moves the time: read once to see it is its own text
    saved, reads = len(opened), len(read)  # (the save itself compares with the disk first)
    assert session.reload() == {} and len(read) == reads + 1 and len(opened) == saved
    path.write_text("business:\n  name: Third Co\n")  # changed elsewhere: parsed, reported
    assert session.reload() == {"business.name": "Other Co"} and len(opened) == saved + 1
    session.close()


@pytest.mark.asyncio
async def test_recovered_answers_not_applied_are_named_with_where_they_are_kept(
        make_app: App, tmp_path: Path) -> None:
    """A journal left by a session that ended without saving (its lease let go, as the kernel
    does at kill -9) was typed against the file as it was before a hand edit: the app keeps
    the edited answer, and says which typed value it did not apply and where it is kept."""
    path = tmp_path / "answers.yaml"
    lease = Lease(path)
    journal = Journal(path, lease.token, fingerprint("business:\n  name: Old Name\n"))
    journal.append({"business.name": "Typed Name"})
    journal.close()
    lease.release()
    path.write_text("business:\n  name: Hand Edited\n")
    app = make_app(path=path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        told = [n for n in notices(app) if "not applied" in n]
        assert app.session.value("business.name") == "Hand Edited"  # type: ignore[attr-defined]
    assert len(told) == 1 and "'Typed Name'" in told[0]
    assert str(tmp_path / "answers.recovered.yaml") in told[0]
    assert path.read_text() == "business:\n  name: Hand Edited\n"
    assert not journal.path.exists()
