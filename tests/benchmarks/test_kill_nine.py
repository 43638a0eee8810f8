"""Each answer is on disk as soon as it is on screen: the real app in an 80×24 tmux pane,
an answer typed into it, killed with SIGKILL the moment the pane shows the answer, then the
answers file read back. Twenty rounds (one answer each, on the remembered question), and
no answer may lack a character that was on screen.

A measurement, not part of the suite (it takes about two minutes). It lost one whole answer
in some runs while a change reached the saving field as a message queued behind the burst of
keys (the screen could draw them all first); the box now hands each change over in the key's
own handler. Each key now goes to the session's journal, and the answers file is written when
typing pauses, so the answer is read as the next session finds it (`Session.open` replays the
killed session's journal and writes it into the file). Run it with
`.venv/bin/pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_kill_nine.py`."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.position import position_path
from drafter.paths import examples
from drafter.project import Project

TMUX = shutil.which("tmux")
ROUNDS = 20
KINDS = ("text", "url", "email", "phone", "number")

pytestmark = pytest.mark.skipif(TMUX is None, reason="needs tmux")


def typed_for(kind: str, round_: int) -> str:
    return {"url": f"https://r{round_}.example", "email": f"r{round_}@shop.example",
            "phone": f"+1 313 555 01{round_:02d}", "number": str(1000 + round_)}.get(
                kind, f"Round {round_} Shop")


def tmux(*args: str) -> str:
    return subprocess.run([TMUX or "tmux", *args], capture_output=True, text=True,
                          check=True).stdout


def wait_for_pane(session: str, text: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        pane = tmux("capture-pane", "-p", "-t", session)
        if text in pane:
            return pane
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never shown; the pane:\n{pane}")
        time.sleep(0.02)


def test_an_answer_on_screen_survives_kill_nine(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    shutil.copyfile(examples()["kiosk"], path)
    keys = [k for k in project.answers(path).shown()
            if project.questionnaire.entry(k).question.type in KINDS]
    lost: list[str] = []
    for round_ in range(ROUNDS):
        key = keys[round_ % len(keys)]
        entry = project.questionnaire.entry(key)
        position_path(path).write_text(json.dumps({"section": entry.section.id,
                                                   "question": key}))
        session = f"drafter-kill-{os.getpid()}-{round_}"
        command = f"exec {sys.executable} -m drafter edit {path}"
        tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", str(tmp_path),
             command)
        try:
            pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
            wait_for_pane(session, "Export")  # the footer: the remembered question has focus
            typed = typed_for(entry.question.type, round_)
            tmux("send-keys", "-t", session, "C-u")  # the cursor is after the answer: clear it
            tmux("send-keys", "-t", session, "-l", typed)
            wait_for_pane(session, typed)
            os.kill(pid, signal.SIGKILL)
        finally:
            subprocess.run([TMUX or "tmux", "kill-session", "-t", session], capture_output=True)
        reopened = Session.open(project, path)  # replays the killed session's journal
        saved = reopened.value(key)
        reopened.close()
        assert AnswersFile.open(path).get(key) == saved, "written back to the answers file"
        if str(saved) != typed:
            lost.append(f"{key}: on screen {typed!r}, saved {saved!r}")
    assert not lost, f"{len(lost)} of {ROUNDS} answers lost characters shown: {lost}"
