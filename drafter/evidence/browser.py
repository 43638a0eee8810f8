"""`drafter scan URL`: visit a site in headless Chromium (Playwright, the system's browser)
and record what it does, as a visitor who never answers the consent banner would see it.

Two runs in fresh profiles: the first follows same-site links breadth-first up to `pages`
pages; the second visits the same pages with Global Privacy Control on (`Sec-GPC: 1` and
`navigator.globalPrivacyControl`), to see which trackers still fire. Nothing is clicked, typed
or submitted, so every request of the first run happened before any consent choice. The whole
scan ends by `time_limit` (counted once Chromium has started): a page that never finishes
loading is recorded as far as it got.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from drafter.errors import UserError
from drafter.evidence.catalog import Catalog
from drafter.evidence.collect import Collector, kind_of
from drafter.evidence.model import Evidence, host_of, site_of
from drafter.evidence.pageinfo import PAGE_SCRIPT, forms, kind_of_link, links

GPC_SCRIPT = ("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', "
              "{get: () => true, configurable: true});")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL = "install it with `sudo apt-get install chromium` (or set DRAFTER_CHROMIUM to its path)"
BASE_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run"]
SKIP_SUFFIXES = (".pdf", ".zip", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".mp4",
                 ".mp3", ".dmg", ".exe", ".docx", ".xlsx")
GPC_SHARE = 1 / 3  # of the time limit, kept for the run with Global Privacy Control


def find_chromium() -> str:
    """The system's Chromium (never a downloaded one), or a one-line error saying how."""
    given = os.environ.get("DRAFTER_CHROMIUM")
    if given:
        if not os.access(given, os.X_OK):
            raise UserError(f"DRAFTER_CHROMIUM is {given!r}, which is not a program; {INSTALL}")
        return given
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise UserError(f"`drafter scan URL` needs Chromium and none was found; {INSTALL}")


PLAYWRIGHT = ("`drafter scan URL` needs Playwright: pip install 'drafter-privacy[scan]' (it "
              "drives the system's Chromium; no browser is downloaded)")


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # an install without the `scan` extra
        raise UserError(PLAYWRIGHT) from None
    return sync_playwright


def _start(url: str) -> str:
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(f"expected a web address such as https://example.com, got {url!r}",
                        field="URL")
    return url


class _Visit:
    """One browser profile visiting pages, feeding what it sees to the collector."""

    def __init__(self, browser: Any, collector: Collector, *, gpc: bool,
                 har: str | None = None) -> None:
        options: dict[str, Any] = {"extra_http_headers": {"Sec-GPC": "1"}} if gpc else {}
        if har:
            options["record_har_path"] = har
        self.context = browser.new_context(**options)
        if gpc:
            self.context.add_init_script(GPC_SCRIPT)
        self.page = self.context.new_page()
        self.collector = collector
        self.gpc = gpc
        self.current = ""
        self.pending: set[Any] = set()
        self.page.on("request", self._request)
        self.page.on("requestfinished", lambda r: self.pending.discard(r))
        self.page.on("requestfailed", lambda r: self.pending.discard(r))
        self.arrived = False  # the page being visited has replaced the one before
        self.page.on("framenavigated", self._navigated)

    def _navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame:
            self.arrived = True

    def _request(self, request: Any) -> None:
        self.pending.add(request)
        frame = request.frame if request.resource_type == "document" else None
        in_frame = frame is not None and frame != self.page.main_frame
        kind = kind_of(request.resource_type, "", in_frame)
        self.collector.request(request.url, kind, self.current, before_consent=not self.gpc,
                               with_gpc=self.gpc)

    def visit(self, url: str, seconds: float) -> dict[str, Any] | None:
        """Load `url`, waiting at most `seconds`; the page's DOM facts, or None if nothing
        loaded at all (the problem is recorded)."""
        self.current = url
        self.pending.clear()
        self.arrived = False
        seconds = max(seconds, 0.5)
        end = time.monotonic() + seconds
        try:
            self.page.goto(url, wait_until="load", timeout=seconds * 1000)
        except Exception as exc:  # Playwright's TimeoutError or a network error
            if "Timeout" not in type(exc).__name__:
                self.collector.problems.append(
                    f"{url} failed to load ({str(exc).splitlines()[0][:120]})")
                return None
            if not self.arrived:  # not even the page itself arrived
                self.collector.problems.append(f"{url} did not respond within {seconds:.1f} s")
                return None
            self.collector.problems.append(f"{url} did not finish loading within "
                                           f"{seconds:.1f} s; recorded what it loaded")
        settle = min(end - time.monotonic(), 2.0)
        if self.pending and settle > 0.05:  # requests after `load` (a tag loading more tags)
            try:
                self.page.wait_for_load_state("networkidle", timeout=settle * 1000)
            except Exception:  # trackers polling forever: keep what was seen
                pass
        try:
            info: dict[str, Any] = self.page.evaluate(PAGE_SCRIPT)
            cookies = self.context.cookies()
        except Exception as exc:  # the page crashed or navigated away while being read
            self.collector.problems.append(
                f"{url} could not be read ({str(exc).splitlines()[0][:120]})")
            return None
        for cookie in cookies:
            expires = cookie.get("expires", -1)
            days = round((expires - time.time()) / 86400, 1) if expires and expires > 0 else None
            self.collector.cookie(cookie["name"], cookie["domain"], days, url, with_gpc=self.gpc)
        return info

    def close(self) -> None:
        self.context.close()


def scan_site(url: str, catalog: Catalog, *, pages: int = 10, time_limit: float = 120.0,
              progress: Callable[[str], None] = lambda line: None,
              browser_args: tuple[str, ...] = (), har: str | None = None) -> Evidence:
    """The evidence of a live site (see the module's docstring). `browser_args` adds Chromium
    switches (the tests map real tracker hosts to a local server); `har` also records the
    first run as a HAR file."""
    start = _start(url)
    sync_playwright = _playwright()  # first: the install command comes before the browser
    chromium = find_chromium()
    site = host_of(start)
    collector = Collector(catalog, site, start, "site", banner=False, gpc_checked=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=[*BASE_ARGS, *browser_args])
        began = time.monotonic()  # the bound is on visiting pages, not on starting Chromium
        deadline = began + time_limit
        try:
            visited = _crawl(browser, collector, start, pages,
                             deadline - time_limit * GPC_SHARE, progress, har)
            if not collector.pages:
                raise UserError(f"no page could be read: {'; '.join(collector.problems)}",
                                field="URL")
            _gpc_run(browser, collector, visited, deadline, progress)
        finally:
            browser.close()
    progress(f"done in {time.monotonic() - began:.1f} s")
    return collector.evidence()


def _crawl(browser: Any, collector: Collector, start: str, pages: int, until: float,
           progress: Callable[[str], None], har: str | None) -> list[str]:
    visit = _Visit(browser, collector, gpc=False, har=har)
    queue, seen, visited = deque([start]), {start}, []
    try:
        while queue and len(visited) < pages:
            left = until - time.monotonic()
            if left <= 0 and visited:  # the first page is always tried (for half a second)
                collector.problems.append(f"time limit reached after {len(visited)} page(s); "
                                          f"{len(queue)} page(s) found but not visited")
                break
            url = queue.popleft()
            info = visit.visit(url, left)
            visited.append(url)
            if info is None:
                continue
            collector.page(url)
            _record(collector, info, url)
            for href, _ in links(info, url):
                if _same_site(href, start) and href not in seen \
                        and not urlsplit(href).path.lower().endswith(SKIP_SUFFIXES):
                    seen.add(href)
                    queue.append(href)
            hosts = len({r.host for r in collector.requests.values()})
            progress(f"page {len(visited)}/{pages}: {url} ({hosts} third-party host(s) so far)")
    finally:
        visit.close()
    return visited


def _gpc_run(browser: Any, collector: Collector, visited: list[str], deadline: float,
             progress: Callable[[str], None]) -> None:
    if deadline - time.monotonic() < 0.5:  # not even time to open a second profile
        collector.problems.append("time limit reached: the pages were not visited again with "
                                  "Global Privacy Control on")
        collector.gpc_checked = False
        return
    visit = _Visit(browser, collector, gpc=True)
    try:
        for count, url in enumerate(visited, start=1):
            left = deadline - time.monotonic()
            if left <= 0:
                collector.problems.append(f"time limit reached: {count - 1} of "
                                          f"{len(visited)} page(s) visited again with GPC on")
                break
            visit.visit(url, left)
            progress(f"with Global Privacy Control: page {count}/{len(visited)}")
    finally:
        visit.close()


def _record(collector: Collector, info: dict[str, Any], url: str) -> None:
    for found in forms(info, url):
        collector.form(found)
    for key in info.get("storage") or []:
        collector.store(str(info.get("origin", "")), str(key), url)
    if info.get("banner"):
        collector.banner = True
    for href, text in links(info, url):
        kind = kind_of_link(href, text)
        if kind is not None:
            found = getattr(collector.links, kind)
            if href not in found:
                found.append(href)


def _same_site(href: str, start: str) -> bool:
    return site_of(host_of(href)) == site_of(host_of(start)) \
        and urlsplit(href).port == urlsplit(start).port
