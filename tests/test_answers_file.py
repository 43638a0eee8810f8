"""Saving answers is atomic and keeps the owner's comments, key order and quoting."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from drafter.answers import AnswersFile, load_answers
from drafter.schema import MODELINE
from tests.conftest import MINI


def test_set_and_save_keep_comments_and_order(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "answers.yaml"
    path.write_text((MINI / "answers.yaml").read_text())
    answers = AnswersFile.open(path)
    answers.set("business.name", "Renamed Shop LLC")
    answers.set("contact.phone", "+1 415 555 0100")
    answers.set("business.size", None)
    answers.save()
    text = path.read_text()
    assert text.startswith("# A complete, valid answers file for the mini questionnaire.\n")
    assert "  name: Renamed Shop LLC # the legal name\n" in text
    assert text.index("business:") < text.index("contact:") < text.index("policy:")
    assert "size:" not in text
    loaded = load_answers(path, mini.questionnaire)
    assert loaded.values["contact.phone"] == "+1 415 555 0100"
    assert loaded.values["policy.effective_date"] == date(2026, 11, 1)


def test_new_file_is_created_on_first_save(tmp_path: Path) -> None:
    path = tmp_path / "new" / "answers.yaml"
    answers = AnswersFile.open(path)
    answers.set("business.name", "First LLC")
    answers.save()
    # a new file points an editor at the schema beside it (drafter.schema)
    assert path.read_text() == MODELINE + "business:\n  name: First LLC\n"


def test_a_failed_save_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Old\n")
    answers = AnswersFile.open(path)
    answers.set("business.name", "New")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        answers.save()
    assert path.read_text() == "business:\n  name: Old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"], "no temporary file left"
