"""The session's journal: an answer kept with `keep` outlives the process before the answers
file is written, and the next session brings it back, saying so."""

from __future__ import annotations

import datetime
import os
import socket
import subprocess
import sys
from pathlib import Path

from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.journal import Journal, fingerprint, leftovers, read
from drafter.lease import Lease
from drafter.presence import presence_path
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
    lease = Lease(path)  # this process: a second window of one app, still typing
    other = Journal(path, lease.token, fingerprint(None))
    other.append({"business.name": "Still Typing"})
    assert leftovers(path) == []
    session = Session.open(PROJECT, path)
    assert session.recovered == [] and session.value("business.name") is None
    session.close()
    other.close()
    assert other.path.exists()
    lease.release()  # the window closed without saving: its journal is a leftover now
    assert leftovers(path) == [other.path]


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


KILLED = ("import os, sys; from pathlib import Path; from drafter.editing import Session;"
          "from tests.conftest import real_project;"
          "s = Session.open(real_project(), Path(sys.argv[1])); s.announce();"
          "[s.set(k, v, save=False) for k, v in zip(sys.argv[2::2], sys.argv[3::2])];"
          "s.keep(); os.kill(os.getpid(), 9)")


def killed_session(path: Path, *answers: str) -> subprocess.Popen[str]:
    """A session that typed `answers` (key, value, …), kept them in its journal and was
    killed with SIGKILL: dead, but not yet reaped (a zombie, as a killed app is until its
    parent waits for it). The caller reaps it (`wait`)."""
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(path), *answers],
                             cwd=Path.cwd(), text=True)
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # dead, left unreaped
    return child


def test_a_killed_unreaped_session_is_recovered_and_not_open_elsewhere(tmp_path: Path) -> None:
    """The audit's D2: the session killed a moment ago is not "open elsewhere" (its process
    is a zombie, which a pid check takes for alive), its journal is replayed at once, and
    what the next session saves is what a third one finds: nothing replays over it later."""
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Old Name\n")
    killed = killed_session(path, "business.name", "First session text")
    try:
        second = Session.open(PROJECT, path)
        assert second.announce() == [], "a dead session is not open elsewhere"
        assert second.recovered == ["business.name"]
        assert second.value("business.name") == "First session text"
        second.set("business.name", "Second session text")
        second.close()
    finally:
        killed.wait()
    assert not list(tmp_path.glob(".answers.yaml.journal.*"))
    assert not list(tmp_path.glob(".answers.yaml.live.*")), "the killed one's lease is gone too"
    third = Session.open(PROJECT, path)
    assert third.value("business.name") == "Second session text"
    assert third.recovered == [] and third.not_applied == {}
    third.close()


def test_a_journal_is_not_replayed_over_a_file_changed_after_it(tmp_path: Path) -> None:
    """The owner (or another session) changed the answers file after the killed session typed:
    the file's answers stay, and what the journal held that the file lacks is kept in a file
    beside it and named, not lost and not applied."""
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Old Name\n")
    killed_session(path, "business.name", "Typed Name", "contact.email", "typed@shop.example",
                   "business.brand", "Same Brand").wait()
    path.write_text("business:\n  name: Hand Edited  # by hand\n  brand: Same Brand\n")
    session = Session.open(PROJECT, path)
    assert session.value("business.name") == "Hand Edited"
    assert session.recovered == []
    assert session.not_applied == {"business.name": "Typed Name",
                                   "contact.email": "typed@shop.example"}
    assert session.kept_in == tmp_path / "answers.recovered.yaml"
    kept = AnswersFile.open(session.kept_in)
    assert kept.get("business.name") == "Typed Name"
    assert kept.get("contact.email") == "typed@shop.example"
    assert path.read_text() == "business:\n  name: Hand Edited  # by hand\n  brand: Same Brand\n"
    assert not list(tmp_path.glob(".answers.yaml.journal.*")), "its values are kept elsewhere"
    session.close()


def test_a_journal_already_in_the_file_is_removed_quietly(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Old Name\n")
    killed_session(path, "business.name", "Typed Name").wait()
    path.write_text("business:\n  name: Typed Name\n  brand: Also Changed\n")
    session = Session.open(PROJECT, path)
    assert session.recovered == [] and session.not_applied == {} and session.kept_in is None
    assert not list(tmp_path.glob(".answers.yaml.journal.*"))
    assert not list(tmp_path.glob("*.recovered*"))
    session.close()


def test_a_change_taken_in_from_elsewhere_moves_the_journal_onto_the_new_file(
        tmp_path: Path) -> None:
    """A session that took in another's save (a poll) journals against the file as it is now:
    killed after that, what it typed is replayed, not held back as typed against an older
    file."""
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Old Name\n")
    first = Session.open(PROJECT, path)
    first.set("business.name", "Typed Name", save=False)
    first.keep()
    path.write_text("business:\n  name: Old Name\n  brand: Their Brand\n")  # another save
    assert first.reload() == {"business.brand": None}
    assert first._journal is not None and first._lease is not None
    first._journal.close()  # killed: nothing saved, its lease let go
    first._lease.release()
    second = Session.open(PROJECT, path)
    assert second.recovered == ["business.name"] and second.not_applied == {}
    assert AnswersFile.open(path).get("business.name") == "Typed Name"
    assert AnswersFile.open(path).get("business.brand") == "Their Brand"
    second.close()


def test_a_hand_written_presence_token_names_no_file_outside(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    (tmp_path / "keep.txt").write_text("mine")
    presence_path(path).write_text('[{"pid": 999999999, "host": "%s", "since": "x", '
                                   '"token": "../keep.txt"}]' % socket.gethostname())
    session = Session.open(PROJECT, path)
    assert session.announce() == []
    session.close()
    assert (tmp_path / "keep.txt").read_text() == "mine"
