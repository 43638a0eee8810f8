"""Output folders never collide: Unicode names get their own folder (transliterated), and a
folder whose manifest belongs to another business's answers file is never built over."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drafter.build import slug
from drafter.cli import main
from drafter.manifest import MANIFEST_NAME
from tests.conftest import MINI

VALID = (MINI / "answers.yaml").read_text()


def build(answers: Path, out: Path) -> int:
    return main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
                 str(MINI / "clauses"), "build", str(answers), "-o", str(out)])


def answers_named(folder: Path, name: str, file: str = "answers.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file
    path.write_text(VALID.replace("Mini Shop LLC", f'"{name}"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "expected"), [
    ("Fold & Stamp Print Co.", "fold-stamp-print-co"),
    ("北京快递有限公司", "bei-jing-kuai-di-you-xian-gong-si"),
    ("Почта России", "pochta-rossii"),
    ("Café Bleu", "cafe-bleu"),
    ("Ελληνικά", "ellenika"),
    ("!!!", "policy"),
])
def test_slugs_transliterate_every_script(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_two_chinese_names_get_two_folders() -> None:
    assert slug("北京快递有限公司") != slug("上海印刷有限公司")
    assert "policy" not in {slug("北京快递有限公司"), slug("Почта России")}


def test_another_business_in_the_same_folder_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    first = answers_named(tmp_path / "a", "Fold & Stamp")
    second = answers_named(tmp_path / "b", "Fold + Stamp")
    assert build(first, out) == 0
    folder = out / "fold-stamp"
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    capsys.readouterr()
    assert build(second, out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert str(folder) in err and "Fold & Stamp" in err and str(first) in err
    assert "-o" in err  # the way out
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_the_same_file_renamed_within_its_folder_builds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    answers = answers_named(tmp_path, "Fold & Stamp")
    assert build(answers, out) == 0
    answers_named(tmp_path, "Fold + Stamp")
    assert build(answers, out) == 0
    manifest = json.loads((out / "fold-stamp" / MANIFEST_NAME).read_text())
    assert manifest["business_name"] == "Fold + Stamp"


def test_the_same_business_from_a_moved_file_builds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(answers_named(tmp_path / "old", "Fold & Stamp"), out) == 0
    moved = tmp_path / "new" / "answers.yaml"
    moved.parent.mkdir()
    shutil.move(tmp_path / "old" / "answers.yaml", moved)
    assert build(moved, out) == 0
    manifest = json.loads((out / "fold-stamp" / MANIFEST_NAME).read_text())
    assert manifest["answers_file"] == str(moved.resolve())


def test_a_folder_built_before_owners_were_recorded_is_adopted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    answers = answers_named(tmp_path, "Fold & Stamp")
    assert build(answers, out) == 0
    path = out / "fold-stamp" / MANIFEST_NAME
    old = json.loads(path.read_text())
    del old["answers_file"]
    path.write_text(json.dumps(old))
    assert build(answers_named(tmp_path, "Fold + Stamp", "other.yaml"), out) == 0
    assert json.loads(path.read_text())["answers_file"] == str((tmp_path / "other.yaml"))
