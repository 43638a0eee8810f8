"""The session's journal: an answer kept with `keep` outlives the process before the answers
file is written, and the next session brings it back, saying so."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.journal import Journal, leftovers, read
from drafter.project import Project
from tests.conftest import real_project

PROJECT: Project = real_project()


def test_a_kept_answer_is_in_the_journal_not_yet_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    session = Session.open(PROJECT, path)
    session.set("business.name", "Parcel Point", save=False)
    session.keep()
    assert AnswersFile.open(path).get("business.name") is None  # written on the pause
    journals = list(tmp_path.glob(".answers.yaml.journal.*"))
    assert [read(j) for j in journals] == [{"business.name": "Parcel Point"}]
    session.flush()
    assert AnswersFile.open(path).get("business.name") == "Parcel Point"
    assert not list(tmp_path.glob(".answers.yaml.journal.*")), "emptied once the file has it"
    session.close()


def test_a_journal_left_by_a_killed_process_is_replayed_and_named(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Old Name  # the owner's comment\n")
    script = ("import os, sys; from pathlib import Path; from drafter.editing import Session;"
              "from tests.conftest import real_project;"
              "s = Session.open(real_project(), Path(sys.argv[1]));"
              "s.set('business.name', 'New Name', save=False);"
              "s.set('contact.email', 'me@shop.example', save=False); s.keep();"
              "s.set('contact.email', 'owner@shop.example', save=False); s.keep();"
              "os.kill(os.getpid(), 9)")
    run = subprocess.run([sys.executable, "-c", script, str(path)], cwd=Path.cwd(),
                         capture_output=True, text=True)
    assert run.returncode == -9, run.stderr
    assert "New Name" not in path.read_text()  # killed before the pause's write
    session = Session.open(PROJECT, path)
    assert session.recovered == ["business.name", "contact.email"]
    saved = AnswersFile.open(path)
    assert saved.get("business.name") == "New Name"
    assert saved.get("contact.email") == "owner@shop.example"  # the last change wins
    assert "# the owner's comment" in path.read_text()
    assert not list(tmp_path.glob(".answers.yaml.journal.*")), "replayed once, then removed"
    session.close()


def test_a_live_sessions_journal_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    other = Journal(path, "other")  # this process: a second window of one app
    other.append({"business.name": "Still Typing"})
    assert leftovers(path) == []
    session = Session.open(PROJECT, path)
    assert session.recovered == [] and session.value("business.name") is None
    session.close()
    other.close()
    assert other.path.exists()


def test_a_line_cut_short_is_skipped(tmp_path: Path) -> None:
    journal = tmp_path / ".answers.yaml.journal.1-x"
    journal.write_text('{"key": "business.name", "value": "Whole"}\n{"key": "contact.em')
    assert read(journal) == {"business.name": "Whole"}


def test_a_date_is_saved_at_once_as_a_date(tmp_path: Path) -> None:
    """A valid date is stored as a date, which a JSON line cannot hold: `keep` writes the
    answers file instead, so it is never stored as text that was not typed."""
    path = tmp_path / "answers.yaml"
    session = Session.open(PROJECT, path)
    session.set("policy.effective_date", "2026-12-01", save=False)
    session.keep()
    assert AnswersFile.open(path).get("policy.effective_date") == datetime.date(2026, 12, 1)
    assert not list(tmp_path.glob(".answers.yaml.journal.*"))
    session.close()
