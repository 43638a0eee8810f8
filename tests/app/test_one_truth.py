"""One answers file, one truth: every write merges with what is on disk, so two sessions on
one file (two terminals, two browser tabs) and `drafter publish` never revert each other."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.paths import examples
from drafter.project import Project


def kiosk(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    shutil.copyfile(examples()["kiosk"], path)
    return path


def test_two_sessions_keep_each_others_answers(project: Project, tmp_path: Path) -> None:
    path = kiosk(tmp_path)
    first, second = Session.open(project, path), Session.open(project, path)
    first.set("business.name", "First Name Co")
    second.set("contact.email", "second@parcelpoint.example")
    first.set("business.brand", "First Brand")
    text = path.read_text()
    assert "name: First Name Co" in text
    assert "email: second@parcelpoint.example" in text
    assert "brand: First Brand" in text
    assert second.value("business.name") == "First Name Co"  # in step with the file


def test_a_date_moved_by_publish_is_not_put_back(project: Project, tmp_path: Path) -> None:
    path = kiosk(tmp_path)
    session = Session.open(project, path)
    published = AnswersFile.open(path)  # what `drafter publish` does to the open file
    published.set("policy.effective_date", date(2026, 12, 1))
    published.save()
    session.set("business.name", "Renamed Co")
    text = path.read_text()
    assert "effective_date: 2026-12-01" in text and "name: Renamed Co" in text
    assert session.valid["policy.effective_date"] == date(2026, 12, 1)


def test_the_owners_own_change_wins_over_the_disk_for_its_key(project: Project,
                                                              tmp_path: Path) -> None:
    path = kiosk(tmp_path)
    session = Session.open(project, path)
    session.set("business.name", "Typed Co", save=False)
    other = AnswersFile.open(path)
    other.set("business.name", "Other Co")
    other.set("business.brand", "Other Brand")
    other.save()
    session.flush()
    text = path.read_text()
    assert "name: Typed Co" in text and "brand: Other Brand" in text


def test_publish_never_puts_back_an_answer_saved_while_it_redates(project: Project,
                                                                   tmp_path: Path,
                                                                   monkeypatch) -> None:
    """`publish` reads the file, then writes it with the new date: an answer an open app
    saves in between must survive (it once was put back: a lost update)."""
    import threading

    import drafter.publish

    path = kiosk(tmp_path)
    session = Session.open(project, path)
    real_open = AnswersFile.open
    saving: list[threading.Thread] = []

    def open_then_the_app_saves(target: Path) -> AnswersFile:
        read = real_open(target)
        thread = threading.Thread(target=session.set, args=("business.name", "Saved Meanwhile"))
        thread.start()
        thread.join(timeout=1.0)  # under the lock the save waits for publish; without, done
        saving.append(thread)
        return read

    monkeypatch.setattr(drafter.publish.AnswersFile, "open", open_then_the_app_saves)
    drafter.publish._redate(project, path, date(2026, 12, 1))
    saving[0].join()
    text = path.read_text()
    assert "name: Saved Meanwhile" in text and "effective_date: 2026-12-01" in text
