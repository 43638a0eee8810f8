"""The served page on a high-density screen and on a phone (issue 15, item 5), in the system
Chromium through Playwright, without screenshots: the terminal's canvas is measured in CSS
pixels against what it draws into, and the columns the app is told come from the page's
WebSocket messages.

The audit: at a device scale factor of 2 the terminal drew its letters twice as large into a
canvas sized in CSS pixels, so only the top-left quarter of the app showed; and a phone laid
the page out 981 px wide (no `<meta name="viewport">`), so the app never got its narrow
layout."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.app import test_serve
from tests.app.test_serve import BROWSER_ARGS, CHROMIUM, Served, needs_browser, open_page

served = test_serve.served  # the fixture: `drafter serve` on a new answers file

MEASURE = """() => {
  const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
  return {
    page: document.documentElement.clientWidth,
    ratio: window.devicePixelRatio,
    screen: [screen.width, screen.height],
    canvases: [...document.querySelectorAll('.xterm-screen canvas')].map(c => {
      const box = c.getBoundingClientRect();
      return {drawn: [c.width, c.height], css: [box.width, box.height]};
    }),
  };
}"""


@contextmanager
def page_on(served: Served, **context: Any) -> Iterator[tuple[Any, list[int]]]:
    """The served page in a browser context made with `context` (viewport, scale, phone),
    with the columns the page told the app, latest last."""
    playwright = pytest.importorskip("playwright.sync_api")
    columns: list[int] = []

    def told(payload: str | bytes) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            columns.append(json.loads(payload)[1]["width"])

    def socket(ws: Any) -> None:
        found = re.search(r"[?&]width=(\d+)", ws.url)
        if found:
            columns.append(int(found[1]))
        ws.on("framesent", told)

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        try:
            page = browser.new_context(**context).new_page()
            page.on("websocket", socket)
            open_page(page, served.url)
            yield page, columns
        finally:
            browser.close()


def check_drawn_to_size(measured: dict[str, Any]) -> None:
    """Each canvas of the terminal holds as many pixels as it is drawn with: its CSS box
    times the pixel ratio the terminal draws at, and it fits the page."""
    ratio = measured["ratio"]
    assert measured["canvases"], measured
    for canvas in measured["canvases"]:
        (width, height), (css_width, css_height) = canvas["drawn"], canvas["css"]
        assert abs(width - css_width * ratio) <= ratio, measured
        assert abs(height - css_height * ratio) <= ratio, measured
    assert measured["screen"][0] <= measured["page"], measured


@needs_browser
@pytest.mark.parametrize("width", [375, 1280])
def test_a_high_density_screen_shows_the_whole_app(served: Served, width: int) -> None:
    with page_on(served, viewport={"width": width, "height": 740},
                 device_scale_factor=2) as (page, columns):
        measured = page.evaluate(MEASURE)
        check_drawn_to_size(measured)
        cell = measured["screen"][0] / columns[-1]  # the CSS width of one column
        assert 7 <= cell <= 12, (measured, columns)  # a 16 px monospace letter, not 2x


@needs_browser
def test_a_phone_gets_the_narrow_layout(served: Served) -> None:
    with page_on(served, viewport={"width": 375, "height": 740}, device_scale_factor=3,
                 is_mobile=True, has_touch=True) as (page, columns):
        measured = page.evaluate(MEASURE)
        assert measured["page"] == 375, measured  # laid out as wide as the phone
        check_drawn_to_size(measured)
        assert columns and columns[-1] < 60, (measured, columns)  # the app's narrow layout


def test_the_banner_names_what_is_served(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Any) -> None:
    """It said "Drafter is serving Drafter at"."""
    import asyncio

    from drafter.app.serve import LocalServer

    answers = tmp_path / "answers.yaml"
    server = LocalServer("true", token="t" * 24, serving=str(answers), host="127.0.0.1",
                         port=8000, title="Drafter")
    asyncio.run(server.on_startup(None))  # type: ignore[arg-type]
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"Drafter is serving {answers} at", first
