"""Saving answers is atomic and keeps the owner's comments, key order and quoting."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from drafter.answers import load_answers
from drafter.answers_file import AnswersFile
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


def test_values_are_converted_once_and_every_set_is_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`values()` is a cached plain view of the file (the editing session reads it on every
    check): converted once, and made again after each `set` and after a save that took in
    another writer's answers, so the next read sees the change."""
    import drafter.answers_file

    path = tmp_path / "answers.yaml"
    path.write_text("business:\n  name: Old\ncontact:\n  email: a@example.com\n")
    answers = AnswersFile.open(path)
    conversions: list[object] = []
    real = drafter.answers_file.plain

    def counted(value: object) -> object:
        conversions.append(value)
        return real(value)

    monkeypatch.setattr(drafter.answers_file, "plain", counted)
    assert answers.values() == {"business": {"name": "Old"},
                                "contact": {"email": "a@example.com"}}
    assert answers.values()["business"]["name"] == "Old"
    assert len(conversions) == 1, "the second read uses the first's view"
    answers.set("business.name", "New")
    assert answers.values()["business"] == {"name": "New"}
    answers.set("contact.email", None)
    assert answers.values()["contact"] == {}
    answers.set("policy.effective_date", date(2026, 11, 1))
    assert answers.values()["policy"] == {"effective_date": date(2026, 11, 1)}
    # another writer adds an answer; our save merges it in, and our view shows it
    path.write_text("business:\n  name: Old\n  size: small\n")
    answers.save()
    assert answers.values()["business"] == {"name": "New", "size": "small"}



YAML11_MISREAD = ["yes", "no", "No", "ON", "off", "1:20", "9:30:00"]
"""Texts a YAML 1.1 reader (PyYAML, and many other tools) reads as a boolean or a number when
written plain; YAML 1.2, which Drafter reads, reads them as the text."""


def test_texts_a_yaml_1_1_reader_would_misread_are_written_quoted(tmp_path: Path) -> None:
    """Trial 16: the yes/no answers were written plain (`photo_faces: no`), which a YAML 1.1
    reader reads as false. Every such text is written in quotes, in lists and rows too;
    Drafter reads them back the same, and a YAML 1.1 reader reads them as the text."""
    import yaml

    path = tmp_path / "answers.yaml"
    answers = AnswersFile.open(path)
    for index, text in enumerate(YAML11_MISREAD):
        answers.set(f"s.k{index}", text)
    answers.set("s.many", ["yes", "email"])
    answers.set("s.rows", [{"name": "No", "hours": "9:30"}])
    answers.set("s.plain", "email")
    answers.save()
    written = path.read_text()
    assert '  k1: "no"\n' in written and "  plain: email\n" in written
    for source in (yaml.safe_load(written)["s"], AnswersFile.open(path).doc["s"]):
        assert [source[f"k{i}"] for i in range(len(YAML11_MISREAD))] == YAML11_MISREAD
        assert source["many"] == ["yes", "email"]
        assert source["rows"] == [{"name": "No", "hours": "9:30"}]


def test_an_old_file_with_plain_yes_and_no_reads_the_same_and_keeps_its_lines(
        tmp_path: Path) -> None:
    """Files written before keep their meaning (YAML 1.2 reads `no` as the text) and their
    lines: only an answer set again is written quoted."""
    path = tmp_path / "answers.yaml"
    path.write_text("kiosks:\n  photo_faces: no\n  camera: yes\n")
    answers = AnswersFile.open(path)
    assert answers.get("kiosks.photo_faces") == "no"
    answers.set("kiosks.camera", "no")
    answers.save()
    assert path.read_text() == 'kiosks:\n  photo_faces: no\n  camera: "no"\n'
