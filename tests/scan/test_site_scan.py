"""`drafter scan URL` in the system Chromium against the fixture shop (tests/scan/site.py):
real tracker host names mapped to 127.0.0.1, so nothing leaves the machine."""

from __future__ import annotations

import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from drafter.cli import main
from drafter.errors import UserError
from drafter.evidence.browser import PLAYWRIGHT, find_chromium, scan_site
from drafter.evidence.catalog import catalog
from drafter.evidence.har import scan_har
from drafter.evidence.model import Evidence
from tests.conftest import real_project
from tests.scan.site import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
needs_browser = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs chromium")
KNOWN = catalog(real_project().library.data)


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Any:
    pytest.importorskip("playwright.sync_api")
    har = tmp_path_factory.mktemp("har") / "shop.har"
    with serve() as site:
        evidence = scan_site(site.url, KNOWN, time_limit=60, browser_args=site.browser_args(),
                             har=str(har))
        yield site, evidence, har


@needs_browser
def test_third_parties_vendors_and_unrecognised(shop: Any) -> None:
    site, evidence, _ = shop
    assert evidence.pages == [site.url + p for p in ("", "contact", "checkout", "privacy",
                                                     "do-not-sell")]
    assert set(evidence.vendors()) == {"google_analytics", "meta_ads", "intercom"}
    kinds = {(r.host, r.kind) for r in evidence.requests if not r.with_gpc}
    assert {("www.google-analytics.com", "script"), ("www.google-analytics.com", "pixel"),
            ("connect.facebook.net", "script"), ("www.facebook.com", "pixel"),
            ("widget.intercom.io", "script")} <= kinds
    assert evidence.unrecognised == ["cdn.unknown-tracker.example.net"]
    assert all(host != "example.org" for host, _, _ in site.requests)  # other sites not visited


@needs_browser
def test_cookies_storage_and_forms(shop: Any) -> None:
    _, evidence, _ = shop
    cookies = {c.name: c for c in evidence.cookies if not c.with_gpc}
    assert cookies["_fbp"].vendor == "meta_ads" and not cookies["_fbp"].third_party
    assert cookies["_fbp"].lifetime_days == pytest.approx(90, abs=0.2)
    assert cookies["_ga"].vendor == "google_analytics"
    assert [s.key for s in evidence.storage] == ["intercom.intercom-state"]
    fields = {f.page.rsplit("/", 1)[1]: f.fields for f in evidence.forms}
    assert fields == {"contact": ["name", "email", "phone", "message"],
                      "checkout": ["card", "address", "date_of_birth"]}


@needs_browser
def test_banner_trackers_before_choice_gpc_and_links(shop: Any) -> None:
    site, evidence, _ = shop
    assert evidence.banner is True
    early = {r.host for r in evidence.requests if r.before_consent}
    assert {"www.google-analytics.com", "connect.facebook.net", "www.facebook.com"} <= early
    assert evidence.gpc_checked
    with_gpc = {r.host for r in evidence.requests if r.with_gpc}
    assert {"connect.facebook.net", "www.facebook.com"} <= with_gpc  # this shop ignores GPC
    sent = {(host, gpc) for host, _, gpc in site.requests if host == "www.facebook.com"}
    assert sent == {("www.facebook.com", None), ("www.facebook.com", "1")}
    assert evidence.links.privacy == [site.url + "privacy"]
    assert evidence.links.do_not_sell == [site.url + "do-not-sell"]


@needs_browser
def test_the_stored_shop_evidence_is_what_a_scan_sees(shop: Any) -> None:
    """tests/scan/data/shop-evidence.json (which the review tests read) is this scan's."""
    from drafter.evidence.model import load_evidence
    from drafter.evidence.notes import facts

    def comparable(evidence: Evidence) -> dict[str, Any]:
        return {k: sorted(v) if isinstance(v, list) else v
                for k, v in facts(evidence, KNOWN).items()}

    stored = load_evidence(Path(__file__).parent / "data" / "shop-evidence.json")
    assert comparable(shop[1]) == comparable(stored)


def home_page(**shop: bool) -> Evidence:
    """A scan of the home page alone of a fixture shop served with these options."""
    pytest.importorskip("playwright.sync_api")
    with serve(**shop) as site:
        return scan_site(site.url, KNOWN, pages=1, time_limit=60,
                         browser_args=site.browser_args())


@needs_browser
def test_a_shop_honouring_gpc_fires_no_ad_pixel_with_it() -> None:
    evidence = home_page(honour_gpc=True)
    assert "connect.facebook.net" in {r.host for r in evidence.requests if not r.with_gpc}
    assert not any(r.with_gpc and KNOWN.is_advertising(r.vendor) for r in evidence.requests)


@needs_browser
def test_a_banner_that_waits_for_consent_has_no_trackers_before_a_choice() -> None:
    evidence = home_page(wait_for_consent=True)
    assert evidence.banner is True
    assert not any(KNOWN.is_tracker(r.vendor) for r in evidence.requests)  # GA, Meta held back
    assert "intercom" in evidence.vendors()  # the chat widget is not a tracker


@needs_browser
def test_the_same_visit_recorded_as_a_har_gives_the_same_third_parties(shop: Any) -> None:
    _, live, har = shop
    recorded = scan_har(har, KNOWN)

    def parties(evidence: Evidence) -> set[tuple[str, str | None]]:
        return {(r.host, r.vendor) for r in evidence.requests if not r.with_gpc}

    assert parties(recorded) == parties(live)
    assert recorded.pages == live.pages
    assert recorded.unrecognised == live.unrecognised
    # the scripts' cookies (_ga, _fbp) are not in a HAR, and its limits say so
    assert any("document.cookie" in limit for limit in recorded.limits)


@needs_browser
def test_a_page_that_never_finishes_loading_ends_within_the_bound() -> None:
    pytest.importorskip("playwright.sync_api")
    with serve() as site:
        began = time.monotonic()
        said: list[str] = []
        evidence = scan_site(site.url + "slow", KNOWN, pages=3, time_limit=3,
                             browser_args=site.browser_args(), progress=said.append)
        elapsed = time.monotonic() - began
    # the bound counts from Chromium's start (which takes seconds on a busy machine); opening
    # and closing a browser profile are not bounded (a second or two on a busy machine)
    assert said[-1].startswith("done in ") and float(said[-1].split()[2]) < 3 + 4, said
    assert elapsed < 30
    assert any(p.startswith(site.url + "slow did not finish loading within")
               for p in evidence.problems), evidence.problems
    assert site.url + "slow" in evidence.pages  # what it loaded is still recorded
    assert "google_analytics" in evidence.vendors()


def test_no_chromium_is_one_line_naming_the_install(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DRAFTER_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UserError, match="apt-get install chromium"):
        find_chromium()
    assert main(["scan", "https://shop.example", "--out", str(tmp_path / "e.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "needs Chromium and none was found" in err
    monkeypatch.setenv("DRAFTER_CHROMIUM", str(tmp_path / "nothing"))
    with pytest.raises(UserError, match="not a program"):
        find_chromium()


def test_without_playwright_it_is_one_line_naming_the_extra(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """An install without the `scan` extra: no traceback, the pip command to run; no browser
    is looked for or fetched (no Chromium on PATH either: the Playwright line comes first)."""
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails, as when absent
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "e.json"
    assert main(["scan", "https://shop.example", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"drafter: error: {PLAYWRIGHT}\n"
    assert "pip install 'drafter-privacy[scan]'" in captured.err and not out.exists()


def test_the_scan_extra_brings_playwright_and_the_test_extra_has_it() -> None:
    from importlib.metadata import requires

    needs = [r.replace(" ", "") for r in requires("drafter-privacy") or []]
    assert any(r.startswith("playwright>=") and r.endswith("extra=='scan'") for r in needs)
    assert any(r.startswith("playwright>=") and r.endswith("extra=='test'") for r in needs)
    assert not any(r.startswith("playwright") and "extra" not in r for r in needs)


def test_a_bad_address_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "ftp://shop.example"]) == 2
    assert "expected a web address" in capsys.readouterr().err


@needs_browser
def test_the_command_shows_progress_and_a_summary(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("playwright.sync_api")
    from drafter.evidence import browser
    from drafter.evidence.model import load_evidence

    out = tmp_path / "evidence.json"
    with serve() as site:
        monkeypatch.setattr(browser, "BASE_ARGS", [*browser.BASE_ARGS, *site.browser_args()])
        assert main(["scan", site.url, "--pages", "2", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"page 1/2: {site.url} (" in captured.err
    assert "with Global Privacy Control: page 2/2" in captured.err
    assert "Consent banner: shown; trackers before any choice: " in captured.out
    assert "With Global Privacy Control on: advertising still tracked: cookie _fbp set by " \
        in captured.out
    assert len(load_evidence(out).pages) == 2


@needs_browser
def test_a_site_that_cannot_be_reached_is_one_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("playwright.sync_api")
    import socket

    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    out = tmp_path / "e.json"
    assert main(["scan", f"http://127.0.0.1:{port}/", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no page could be read" in err and "failed to load" in err
    assert not out.exists()


@needs_browser
def test_a_site_that_hangs_ends_within_the_bound_with_a_clear_message(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`/hang` accepts the connection and never answers: the command ends within its time
    limit (plus Chromium's start and stop, which the limit does not count) with one line."""
    pytest.importorskip("playwright.sync_api")
    from drafter.evidence import browser

    out = tmp_path / "e.json"
    with serve() as site:
        monkeypatch.setattr(browser, "BASE_ARGS", [*browser.BASE_ARGS, *site.browser_args()])
        began = time.monotonic()
        assert main(["scan", site.url + "hang", "--time-limit", "3", "--out", str(out)]) == 2
        elapsed = time.monotonic() - began
    err = capsys.readouterr().err
    assert re.fullmatch(r"drafter: error: URL: no page could be read: http://127\.0\.0\.1:\d+/"
                        r"hang did not respond within ([\d.]+) s\n", err), err
    assert float(re.findall(r"within ([\d.]+) s", err)[0]) <= 3
    assert elapsed < 30 and not out.exists()
