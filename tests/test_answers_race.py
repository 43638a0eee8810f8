"""Every writer of an answers file merges with the disk: a write made between its read and
its save is kept (only the writer's own answers are applied), and the same answer changed on
both sides is refused with one line, not overwritten. Deterministic: the concurrent write is
made between the writer's read and its save, no threads, no sleeps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from drafter.errors import UserError

START = "# the owner's file\nbusiness:\n  name: Shop LLC # legal name\n  size: 4\n"


def test_save_keeps_an_answer_written_after_the_read(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    mine = AnswersFile.open(path)
    mine.set("business.name", "Renamed LLC")
    path.write_text(START.replace("size: 4", "size: 9") + "contact:\n  email: a@b.example\n")
    mine.save()
    text = path.read_text()
    assert "name: Renamed LLC # legal name" in text
    assert "size: 9" in text and "email: a@b.example" in text, text
    assert text.startswith("# the owner's file\n")


def test_save_refuses_when_the_same_answer_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    mine = AnswersFile.open(path)
    mine.set("business.name", "Mine LLC")
    theirs = START.replace("Shop LLC", "Theirs LLC")
    path.write_text(theirs)
    with pytest.raises(UserError) as err:
        mine.save()
    message = str(err.value)
    assert "\n" not in message
    assert "business.name was changed to 'Theirs LLC' by someone else" in message, message
    assert path.read_text() == theirs, "nothing written"


def test_save_accepts_the_same_change_made_on_both_sides(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    mine = AnswersFile.open(path)
    mine.set("business.size", None)
    path.write_text(START.replace("  size: 4\n", "") + "contact:\n  phone: '1'\n")
    mine.save()
    assert path.read_text() == START.replace("  size: 4\n", "") + "contact:\n  phone: '1'\n"


def test_two_saves_from_one_reader_merge_each_time(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(START)
    mine = AnswersFile.open(path)
    mine.set("business.size", 5)
    mine.save()
    path.write_text(path.read_text().replace("Shop LLC", "Other LLC"))
    mine.set("business.size", 6)
    mine.save()  # business.name is not this writer's change any more: theirs stays
    assert "name: Other LLC" in path.read_text() and "size: 6" in path.read_text()


def test_publish_redating_keeps_an_answer_saved_between_its_read_and_write(
        tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from drafter import publish

    path = tmp_path / "answers.yaml"
    path.write_text(START + "policy:\n  effective_date: 2026-11-01\n")
    original = AnswersFile.set

    def set_then_someone_saves(self: AnswersFile, key: str, value: object) -> None:
        original(self, key, value)  # publish has read the file: an open app saves now
        path.write_text(path.read_text().replace("Shop LLC", "Typed In The App LLC"))

    monkeypatch.setattr(AnswersFile, "set", set_then_someone_saves)
    assert publish._redate(mini, path, date(2026, 12, 1)) == date(2026, 12, 1)
    text = path.read_text()
    assert "name: Typed In The App LLC" in text, text
    assert "effective_date: 2026-12-01" in text, text


def test_an_app_session_keeps_what_an_editor_wrote_after_it_opened(
        tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    from drafter.editing import Session

    path = tmp_path / "answers.yaml"
    path.write_text(START)
    session = Session.open(mini, path)
    path.write_text(START.replace("size: 4", "size: 9"))  # an editor, between read and save
    session.set("business.name", "Typed LLC")
    text = path.read_text()
    assert "name: Typed LLC # legal name" in text and "size: 9" in text, text


def test_an_unchanged_file_is_not_parsed_again_on_save(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The merge costs one read of the text while nobody else wrote: a keystroke's save in
    the app does not parse the file twice."""
    from drafter import answers_file as answers

    path = tmp_path / "answers.yaml"
    path.write_text(START)
    mine = AnswersFile.open(path)
    mine.set("business.size", 7)
    monkeypatch.setattr(answers, "parse_yaml", lambda *_: pytest.fail("parsed again"))
    mine.save()
    assert "size: 7" in path.read_text()
