"""Ticking fast in the browser: `drafter serve` in the system Chromium, Space and Down typed in
one burst over a list to tick. The kiosk trial (Chromium, a loaded machine, 0.1 s a key)
ticked ten data categories this way and saved four; the answers after it then landed on the
wrong questions. Every key must reach the list it was typed in, in the order typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from tests.app.test_serve import Served, editor_page, needs_browser, open_at, served, \
    wait_for  # noqa: F401 - `served` is the fixture

KEYS = [" ", *["ArrowDown", " "] * 6, "ArrowDown", "ArrowDown", " ", "ArrowDown", " ",
        "ArrowDown", "ArrowDown", "ArrowDown", " "]
TICKED = ["contact", "account", "payment", "transactions", "device", "usage",
          "approximate_location", "communications", "uploads", "photos_audio"]
"""What `KEYS` ticks, from the top of the kiosk's data categories (as in test_trial.py)."""


@pytest.fixture(autouse=True)
def at_the_categories(tmp_path: Path) -> None:
    """The file opens on the data categories (autouse: written before `served` starts)."""
    open_at(tmp_path / "answers.yaml", "business:\n  kinds: [kiosks]\n", "collection.categories")


@needs_browser
def test_space_and_down_in_a_burst_tick_every_option_typed(served: Served) -> None:
    answers = served.answers

    def categories() -> object:
        return AnswersFile.open(answers).get("collection.categories")

    with editor_page(served) as page:  # up, focused on the categories
        for key in KEYS:  # one burst: no waiting between keys
            page.keyboard.press(key)
        # The last Space ticks the last category: wait for the file to hold as many as typed.
        wait_for(lambda: len(categories() or []) >= len(TICKED), timeout=60)
    assert categories() == TICKED, answers.read_text()
