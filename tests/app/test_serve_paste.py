"""Paste in the browser: Ctrl+V under `drafter serve` pastes the browser's clipboard into the
focused field (xterm.js used to send it to the app as a ^V key: an empty paste)."""

from __future__ import annotations

import pytest

from drafter.answers_file import AnswersFile
from tests.app.test_serve import (BROWSER_ARGS, CHROMIUM, Served, needs_browser, open_page,
                                  served, wait_for)

__all__ = ["served"]  # the fixture


@needs_browser
def test_ctrl_v_pastes_the_browsers_clipboard(served: Served) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    answers = served.answers
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.origin)
        page = context.new_page()
        open_page(page, served.url)
        for _ in range(20):  # until the first screen is up and takes the keys
            page.keyboard.type("K", delay=30)
            if wait_for(lambda: "name: K" in answers.read_text(), timeout=1):
                break
        page.keyboard.type("iosk", delay=30)
        assert wait_for(lambda: "iosk\n" in answers.read_text()), answers.read_text()
        typed = AnswersFile.open(answers).get("business.name")
        page.evaluate("navigator.clipboard.writeText(' Pasted Co')")
        page.keyboard.press("Control+V")
        assert wait_for(lambda: AnswersFile.open(answers).get("business.name") ==
                        f"{typed} Pasted Co", timeout=15), answers.read_text()
        browser.close()
