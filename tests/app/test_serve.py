"""End to end in a browser: `drafter serve`, driven by Playwright in the system Chromium.

Checks that typing in the page changes the answers file, and that the page asks nothing of
any host but the local server (the stock textual-serve page links an outside web font).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(condition: object, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_the_browser_edits_the_answers_file_without_outside_requests(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("business:\n  kinds: [kiosks]\n")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "drafter", "serve", str(answers), "--port", str(port)],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert wait_for(lambda: _listening(port)), "drafter serve did not start"
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, headless=True,
                args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.on("websocket", lambda ws: requests.append(ws.url))
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector(".xterm-helper-textarea", state="attached", timeout=30000)
            assert wait_for(lambda: "-first-byte" in (page.get_attribute("body", "class") or ""))
            time.sleep(2)  # the app mounts its first screen
            page.keyboard.type("Kiosk Test Co", delay=30)
            assert wait_for(lambda: "name: Kiosk Test Co" in answers.read_text()), \
                answers.read_text()
            browser.close()
        local = (f"http://127.0.0.1:{port}/", f"ws://127.0.0.1:{port}/")
        assert requests and all(url.startswith(local) for url in requests), requests
    finally:
        server.terminate()
        server.wait(timeout=10)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0
