"""Two browser tabs of one `drafter serve` on one answers file (each tab is its own session):
the second is told the file is also open in another window, and an answer typed in one tab
appears in the other after its poll of the disk (once a second, `POLL_EVERY`).

The page draws the terminal on a canvas, so the test reads what the terminal shows: the route
that serves textual.js hands the terminal to the page (one added statement), and the page
mirrors the terminal's screen into a hidden element each time output is parsed. Playwright's
`expect` then waits on that text: no sleeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.app.test_serve import BROWSER_ARGS, CHROMIUM, Served, needs_browser, served

__all__ = ["served"]  # the fixture, used by name below

HOOK = "this.fitAddon=new g.FitAddon,"  # where textual.js has just made its Terminal
MIRROR = """
window.__mirror = (term) => {
  const screen = document.createElement("pre");
  screen.id = "screen";
  screen.style.display = "none";
  document.body.appendChild(screen);
  const copy = () => {
    const buffer = term.buffer.active, rows = [];
    for (let i = 0; i < term.rows; i++) {
      const line = buffer.getLine(buffer.viewportY + i);
      rows.push(line ? line.translateToString(true) : "");
    }
    screen.textContent = rows.join("\\n");
  };
  term.onWriteParsed(copy);
};
"""


def open_tab(context: Any, served: Served) -> Any:
    page = context.new_page()
    page.add_init_script(MIRROR)
    page.goto(served.url)
    return page


@needs_browser
def test_two_tabs_are_told_and_stay_in_step(served: Served, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    expect = playwright.expect
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        patched: list[str] = []

        def hand_over_the_terminal(route: Any) -> None:
            script = route.fetch().text()
            patched.append(script)
            route.fulfill(body=script.replace(HOOK, "window.__mirror(this.terminal)," + HOOK),
                          content_type="application/javascript")

        context.route("**/textual.js", hand_over_the_terminal)
        first = open_tab(context, served)
        screen_one = first.locator("#screen")
        expect(screen_one).to_contain_text("full legal name?", timeout=30000)  # the form is up
        assert patched and HOOK in patched[0], "textual.js changed: update HOOK"

        second = open_tab(context, served)
        screen_two = second.locator("#screen")
        expect(screen_two).to_contain_text("also open in another window", timeout=30000)
        expect(screen_one).to_contain_text("was opened in another window", timeout=20000)

        first.bring_to_front()
        first.keyboard.type("Kiosk Test Co", delay=20)
        expect(screen_one).to_contain_text("Kiosk Test Co", timeout=20000)
        second.bring_to_front()
        expect(screen_two).to_contain_text("Kiosk Test Co", timeout=20000)  # after its poll
        expect(screen_two).to_contain_text("Updated from disk", timeout=20000)
        second.screenshot(path=str(tmp_path / "second-tab.png"))
        first.screenshot(path=str(tmp_path / "first-tab.png"))
        browser.close()
    assert "name: Kiosk Test Co" in served.answers.read_text(), served.answers.read_text()
