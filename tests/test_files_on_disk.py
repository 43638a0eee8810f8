"""Files that work where they go: new files get the user's umask (a web server can read the
HTML), an interrupted save leaves no temporary file, and stale ones are cleaned on open."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from drafter.cli import main
from drafter.yamlio import atomic_write
from tests.conftest import MINI


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask(tmp_path: Path, umask: None) -> None:
    atomic_write(tmp_path / "new.txt", "x")
    assert mode(tmp_path / "new.txt") == 0o644


def test_a_stricter_umask_is_kept(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        atomic_write(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "new.txt") == 0o600


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert mode(target) == 0o640


def test_every_built_file_is_readable_by_others(tmp_path: Path, umask: None) -> None:
    assert main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
                 str(MINI / "clauses"), "build", str(MINI / "answers.yaml"),
                 "-o", str(tmp_path / "out")]) == 0
    built = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert built and {p.name: mode(p) for p in built} == {p.name: 0o644 for p in built}


def test_an_interrupted_save_leaves_no_temporary_file(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("business:\n  name: Old\n")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "business:\n  name: New\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml"]
    assert target.read_text() == "business:\n  name: Old\n"


def test_stale_temporary_files_are_cleaned_on_open(tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("business:\n  name: Old\n")
    stale = tmp_path / ".answers.yaml.k3j2_x.tmp"  # left by a save killed mid-way
    fresh = tmp_path / ".answers.yaml.a9b8c7.tmp"  # another session's save, under way now
    other = tmp_path / ".other.yaml.k3j2_x.tmp"
    for path in (stale, fresh, other):
        path.write_text("partial")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    AnswersFile.open(target)
    assert not stale.exists()
    assert fresh.exists() and other.exists()
