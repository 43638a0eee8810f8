"""Suggestions in the core (`drafter.evidence.suggest`): accepting writes the suggested answer
through the session, and never over an answer changed since it was suggested."""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter.editing import READ_ONLY, Session
from drafter.evidence.model import load_evidence
from drafter.evidence.suggest import Suggestions
from drafter.paths import examples
from drafter.yamlio import load_yaml
from tests.conftest import real_project

SHOP = load_evidence(Path(__file__).parent / "data" / "shop-evidence.json")


def _open(tmp_path: Path, read_only: bool = False) -> tuple[Path, Suggestions]:
    path = tmp_path / "answers.yaml"
    shutil.copy(examples()["kiosk"], path)
    return path, Suggestions.of(Session.open(real_project(), path, read_only=read_only), SHOP)


def test_an_answer_changed_elsewhere_since_is_not_overwritten(tmp_path: Path) -> None:
    path, found = _open(tmp_path)
    assert found.items[1].key == "cookies.advertising"
    path.write_text(path.read_text().replace("advertising: false", "advertising: true"))
    changed = path.read_bytes()
    item = found.accept(1)  # suggested "false → true", but it is already true: set aside
    assert item.state == "refused"
    assert item.problem == "changed since it was suggested (now true)"
    assert path.read_bytes() == changed
    assert found.accept(3).state == "accepted"  # the others are still written
    assert "demographics" in load_yaml(path)["collection"]["categories"]
    assert load_yaml(path)["cookies"]["advertising"] is True
    assert found.status() == "2 of 4 left to decide (1 accepted, 1 refused)"


def test_a_read_only_example_is_never_written(tmp_path: Path) -> None:
    path, found = _open(tmp_path, read_only=True)
    before = path.read_bytes()
    assert found.accept(0).problem == READ_ONLY
    assert path.read_bytes() == before
