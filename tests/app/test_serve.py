"""End to end in a browser: `drafter serve`, driven by Playwright in the system Chromium, and by
raw WebSocket clients.

Checks that typing in the page changes the answers file, that the page asks nothing of any
host but the local server (the stock textual-serve page links an outside web font), and that
nobody but the page at the printed address (with its token) can drive the app: not a page
from another origin in the owner's browser, not a raw client without the token.
"""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import aiohttp
import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]


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


@dataclass
class Served:
    answers: Path
    port: int
    url: str  # as printed on start, token included
    token: str
    stderr: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start(tmp_path: Path, *args: str, env: dict[str, str] | None = None,
          ) -> tuple[subprocess.Popen[bytes], Path, Path]:
    answers = tmp_path / "answers.yaml"
    if not answers.exists():
        answers.write_text("business:\n  kinds: [kiosks]\n")
    out, err = tmp_path / "serve.out", tmp_path / "serve.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "drafter", "serve", str(answers), *args],
            cwd=tmp_path, stdout=stdout, stderr=stderr,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )
    return server, out, err


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    port = free_port()
    server, out, err = start(tmp_path, "--port", str(port))
    try:
        found: list[re.Match[str]] = []

        def printed() -> bool:
            found[:] = [m for m in [re.search(r"(http://\S+token=(\S+))", out.read_text())] if m]
            return bool(found) and _listening(port)

        assert wait_for(printed, timeout=120), (out.read_text(), err.read_text())  # a busy machine
        yield Served(tmp_path / "answers.yaml", port, found[0][1], found[0][2], err)
    finally:
        server.terminate()
        server.wait(timeout=60)  # a busy machine: each tab's app saves and closes first


@contextmanager
def editor_page(served: Served, width: int = 1280, height: int = 800) -> Iterator[Any]:
    """The served editor in Chromium, once it is up, focused where the file opens: its session
    is then on the file's presence list (the editor's mount puts it there after the focus)."""
    from drafter.presence import presence_path

    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            open_page(page, served.url)
            assert wait_for(presence_path(served.answers).exists, timeout=120)
            yield page
        finally:
            browser.close()


def open_at(answers: Path, text: str, question: str) -> None:
    """Write an answers file that the editor opens on `question` (section.question)."""
    from drafter.position import position_path

    answers.write_text(text)
    position_path(answers).write_text(json.dumps(
        {"section": question.split(".")[0], "question": question}) + "\n")


def open_page(page: Any, url: str) -> None:
    """Load the served page and wait until the terminal in it has had the app's first bytes."""
    page.goto(url)
    page.wait_for_selector(".xterm-helper-textarea", state="attached", timeout=30000)
    assert wait_for(lambda: "-first-byte" in (page.get_attribute("body", "class") or ""))


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


async def _connect(url: str, headers: dict[str, str]) -> int | str:
    """The HTTP status a WebSocket handshake got, or "open" when it was accepted."""
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(url, headers=headers, timeout=aiohttp.ClientWSTimeout(
                    ws_close=5)) as ws:
                await ws.close()
                return "open"
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


def connect(url: str, **headers: str) -> int | str:
    return asyncio.run(_connect(url, headers))


def test_the_printed_address_carries_a_fresh_token(served: Served) -> None:
    assert served.url == f"http://127.0.0.1:{served.port}/?token={served.token}"
    assert len(served.token) >= 32


def test_a_raw_websocket_client_needs_the_served_origin_and_the_token(served: Served) -> None:
    ws = f"ws://127.0.0.1:{served.port}"
    foreign = "https://evil.example"
    assert connect(f"{ws}/ws", Origin=foreign) == 403  # the stock route: no token
    assert connect(f"{ws}/ws/{served.token}", Origin=foreign) == 403
    assert connect(f"{ws}/ws/{served.token}", Origin="null") == 403  # a sandboxed page
    assert connect(f"{ws}/ws/{served.token}") == 403  # no Origin: not the served page
    assert connect(f"{ws}/ws", Origin=served.origin) == 403
    assert connect(f"{ws}/ws/{'x' * len(served.token)}", Origin=served.origin) == 403
    assert connect(f"{ws}/ws/{served.token}?width=80&height=24", Origin=served.origin) == "open"


def test_a_rebound_host_name_is_refused_even_with_the_token(served: Served) -> None:
    """DNS rebinding: a page at evil.example that resolves to 127.0.0.1 is same-origin with
    itself, so only the Host header gives it away."""
    host = f"evil.example:{served.port}"
    assert connect(f"ws://127.0.0.1:{served.port}/ws/{served.token}", Host=host,
                   Origin=f"http://{host}") == 403


def test_the_page_needs_the_token(served: Served) -> None:
    async def status(url: str) -> int:
        async with aiohttp.ClientSession() as client, client.get(url) as response:
            return response.status

    assert asyncio.run(status(f"{served.origin}/")) == 403
    assert asyncio.run(status(f"{served.origin}/?token=wrong")) == 403
    assert asyncio.run(status(served.url)) == 200


def test_other_hosts_warn_and_short_tokens_are_refused(tmp_path: Path) -> None:
    port = free_port()
    server, out, err = start(tmp_path, "--host", "0.0.0.0", "--port", str(port))
    try:
        assert wait_for(lambda: "token=" in out.read_text()), err.read_text()
        assert "warning: serving on 0.0.0.0, reachable from other machines" in err.read_text()
    finally:
        server.terminate()
        server.wait(timeout=60)  # a busy machine: each tab's app saves and closes first
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "serve", str(tmp_path / "answers.yaml")],
        env={**os.environ, "DRAFTER_SERVE_TOKEN": "short"}, capture_output=True, text=True,
        timeout=60)
    assert result.returncode == 2
    assert "at least 16 characters" in result.stderr


needs_browser = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs chromium")

HOSTILE = """<!DOCTYPE html><html><body><script>
  const results = {};
  function attempt(name, url) {
    const ws = new WebSocket(url);
    ws.onopen = () => {
      results[name] = "open";
      ws.send(JSON.stringify(["stdin", "Hostile Co"]));
      document.title = JSON.stringify(results);
    };
    ws.onerror = () => { results[name] = "refused"; document.title = JSON.stringify(results); };
  }
  attempt("stock", "ws://127.0.0.1:PORT/ws?width=80&height=24");
  attempt("token", "ws://127.0.0.1:PORT/ws/TOKEN?width=80&height=24");
</script></body></html>"""


@needs_browser
def test_a_page_from_another_origin_cannot_drive_the_app(served: Served,
                                                         tmp_path: Path) -> None:
    """Even a hostile page that somehow knew the token is refused: its Origin is its own."""
    playwright = pytest.importorskip("playwright.sync_api")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        HOSTILE.replace("PORT", str(served.port)).replace("TOKEN", served.token))
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    hostile = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=hostile.serve_forever, daemon=True).start()
    before = served.answers.read_bytes()
    try:
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=BROWSER_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{hostile.server_address[1]}/index.html")
            page.wait_for_function("document.title.split('refused').length + "
                                   "document.title.split('open').length >= 4", timeout=20000)
            assert page.title() == '{"stock":"refused","token":"refused"}' or \
                page.title() == '{"token":"refused","stock":"refused"}', page.title()
            browser.close()
    finally:
        hostile.shutdown()
    assert served.answers.read_bytes() == before


@needs_browser
def test_the_browser_edits_the_answers_file_without_outside_requests(served: Served) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    answers = served.answers
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("websocket", lambda ws: requests.append(ws.url))
        open_page(page, served.url)
        time.sleep(2)  # the app mounts its first screen
        page.keyboard.type("Kiosk Test Co", delay=30)
        assert wait_for(lambda: "name: Kiosk Test Co" in answers.read_text()), \
            answers.read_text()
        browser.close()
    local = (f"http://127.0.0.1:{served.port}/", f"ws://127.0.0.1:{served.port}/")
    assert requests and all(url.startswith(local) for url in requests), requests
