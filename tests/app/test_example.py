"""`drafter --example NAME`: the built-in example shown read-only, and F3 to edit a copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.app.app import DrafterApp
from drafter.app.serve import command
from drafter.editing import READ_ONLY, Session
from drafter.position import Position, position_path
from drafter.paths import copy_example, example_copies
from drafter.schema import MODELINE
from drafter.app.widgets.fields import QuestionField
from drafter.app.widgets.sidebar import SectionList
from drafter.project import Project
from drafter.paths import examples
from tests.app.pilot_helpers import build_all


def test_a_read_only_session_never_writes(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_bytes(examples()["kiosk"].read_bytes())
    session = Session.open(project, path, read_only=True)
    assert session.set("business.name", "Someone Else") == READ_ONLY
    session.flush()
    session.save_position(Position("business"))
    assert path.read_bytes() == examples()["kiosk"].read_bytes()
    assert session.value("business.name") == "Parcel Point Kiosks, Inc."
    assert not position_path(path).exists()


def test_a_copy_never_overwrites(tmp_path: Path) -> None:
    kiosk = examples()["kiosk"]
    (tmp_path / "answers.yaml").write_text("mine: true\n")
    first = copy_example(kiosk, example_copies(kiosk, tmp_path))
    second = copy_example(kiosk, example_copies(kiosk, tmp_path))
    assert [first.name, second.name] == ["answers-kiosk.yaml", "answers-kiosk-2.yaml"]
    assert (tmp_path / "answers.yaml").read_text() == "mine: true\n"
    assert first.read_bytes() == MODELINE.encode() + kiosk.read_bytes()  # drafter.schema


def test_the_browser_opens_the_example_read_only_too() -> None:
    assert command(Path("answers.yaml"), None, None, "kiosk").endswith("--example kiosk")
    assert " edit " in command(Path("answers.yaml"), None, None)


@pytest.mark.asyncio
async def test_the_example_is_shown_read_only_and_f3_edits_a_copy(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    kiosk = examples()["kiosk"]
    before = kiosk.read_bytes()
    app = DrafterApp(project, kiosk, label="example kiosk", read_only=True,
                     out_dir=tmp_path / "output")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, SectionList)
        await build_all(app.screen)  # the pages built ahead too (under load they were, and
        fields = list(app.screen.query(QuestionField))  # their fields could be edited)
        assert len(fields) > 100 and all(f.disabled for f in fields)
        await pilot.press("tab", "x", "y", "enter", "space")
        await pilot.pause()
        assert kiosk.read_bytes() == before and not position_path(kiosk).exists()
        assert "Edit a copy" in {b.binding.description
                                 for b in app.screen.active_bindings.values()}
        await pilot.press("f3")
        await pilot.pause()
        assert app.session.path == tmp_path / "answers.yaml" and not app.session.read_only
        assert not any(f.disabled for f in app.screen.query(QuestionField))
        assert "Edit a copy" not in {b.binding.description
                                     for b in app.screen.active_bindings.values()}
        await pilot.press("end", "!")
        await pilot.pause()
        app.session.flush()
    assert (tmp_path / "answers.yaml").read_bytes() != before
    assert kiosk.read_bytes() == before
