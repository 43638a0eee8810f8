"""An option offered only while its `when` holds, in the browser (`drafter serve` in the
system Chromium): "A message in our app" is not in the list for a business with no app, so a
letter typed for it finds nothing and Space acts on the option highlighted before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from drafter.position import position_path
from drafter.presence import presence_path
from tests.app import test_serve
from tests.app.test_serve import BROWSER_ARGS, CHROMIUM, Served, needs_browser, open_page, \
    wait_for

served = test_serve.served  # the fixture: `drafter serve` on the file written below


@pytest.fixture(autouse=True)
def at_the_change_notice(tmp_path: Path) -> None:
    """The file opens on the change notice (autouse: written before `served` starts)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\n  has_app: false\n"
                       "policy:\n  change_notice: [website]\n")
    position_path(answers).write_text(json.dumps(
        {"section": "policy", "question": "policy.change_notice"}) + "\n")


@needs_browser
def test_an_option_not_offered_is_not_in_the_browsers_list(served: Served) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    answers = served.answers

    def notices() -> object:
        return AnswersFile.open(answers).get("policy.change_notice")

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        open_page(page, served.url)
        assert wait_for(presence_path(answers).exists, timeout=120)
        # "m" would jump to "A message in our app" were it offered; it is not, so the
        # highlight stays on the first option, and Space unticks the website notice.
        for key in ("m", " "):
            page.keyboard.press(key)
        wait_for(lambda: notices() != ["website"], timeout=60)
        browser.close()
    assert notices() == [], answers.read_text()
