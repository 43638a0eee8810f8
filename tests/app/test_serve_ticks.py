"""Ticking fast in the browser: `drafter serve` in the system Chromium, Space and Down typed in
one burst over a list to tick. The kiosk trial (Chromium, a loaded machine, 0.1 s a key)
ticked ten data categories this way and saved four; the answers after it then landed on the
wrong questions. Every key must reach the list it was typed in, in the order typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from drafter.position import position_path
from drafter.presence import presence_path
from tests.app.test_serve import BROWSER_ARGS, CHROMIUM, Served, needs_browser, open_page, \
    served, wait_for  # noqa: F401 - `served` is the fixture

KEYS = [" ", *["ArrowDown", " "] * 6, "ArrowDown", "ArrowDown", " ", "ArrowDown", " ",
        "ArrowDown", "ArrowDown", "ArrowDown", " "]
TICKED = ["contact", "account", "payment", "transactions", "device", "usage",
          "approximate_location", "communications", "uploads", "photos_audio"]
"""What `KEYS` ticks, from the top of the kiosk's data categories (as in test_trial.py)."""


@pytest.fixture(autouse=True)
def at_the_categories(tmp_path: Path) -> None:
    """The file opens on the data categories (autouse: written before `served` starts)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\n")
    position_path(answers).write_text(json.dumps(
        {"section": "collection", "question": "collection.categories"}) + "\n")


@needs_browser
def test_space_and_down_in_a_burst_tick_every_option_typed(served: Served) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    answers = served.answers

    def categories() -> object:
        return AnswersFile.open(answers).get("collection.categories")

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        open_page(page, served.url)
        # The editor is up, focused on the categories, once the session is on the file's
        # presence list (the editor's mount puts it there after the focus).
        assert wait_for(presence_path(answers).exists, timeout=120)
        for key in KEYS:  # one burst: no waiting between keys
            page.keyboard.press(key)
        # The last Space ticks the last category: wait for the file to hold as many as typed.
        wait_for(lambda: len(categories() or []) >= len(TICKED), timeout=60)
        browser.close()
    assert categories() == TICKED, answers.read_text()
