"""Redo in the browser: Ctrl+Shift+Z, listed in F1, redoes under `drafter serve` as Ctrl+Y
does. xterm.js sends nothing for Ctrl+Shift+<letter> (only Ctrl+<letter> becomes a control
character), so the key never reached the app (the audit of issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from tests.app.test_serve import Served, editor_page, needs_browser, open_at, served, wait_for

__all__ = ["served"]  # the fixture


@pytest.fixture(autouse=True)
def at_the_name(tmp_path: Path) -> None:
    """The file opens on the business's name (autouse: written before `served` starts)."""
    open_at(tmp_path / "answers.yaml", "business:\n  name: Kiosk Co\n", "business.name")


@needs_browser
def test_ctrl_shift_z_redoes_in_the_browser(served: Served) -> None:
    answers = served.answers

    def name() -> object:
        return AnswersFile.open(answers).get("business.name")

    with editor_page(served) as page:  # up, focused on the name
        page.keyboard.type(" Ltd", delay=30)
        assert wait_for(lambda: name() == "Kiosk Co Ltd", timeout=60), answers.read_text()
        page.keyboard.press("Control+Z")
        assert wait_for(lambda: name() == "Kiosk Co", timeout=60), answers.read_text()
        page.keyboard.press("Control+Shift+Z")
        assert wait_for(lambda: name() == "Kiosk Co Ltd", timeout=60), answers.read_text()
