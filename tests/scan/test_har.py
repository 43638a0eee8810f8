"""`drafter scan --har`: a HAR recorded in a browser becomes evidence, vendors recognised by
the catalog's real host and cookie names."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from drafter.errors import UserError
from drafter.evidence.catalog import catalog
from drafter.evidence.collect import set_cookie_lifetime
from drafter.evidence.har import scan_har
from drafter.evidence.model import load_evidence
from tests.conftest import real_project

HAR = Path(__file__).parent / "data" / "shop.har"


@pytest.fixture(scope="module")
def known():  # type: ignore[no-untyped-def]
    return catalog(real_project().library.data)


def test_har_third_parties_kinds_and_vendors(known) -> None:  # type: ignore[no-untyped-def]
    evidence = scan_har(HAR, known)
    assert evidence.site == "shop.example.com"
    assert evidence.pages == ["https://shop.example.com/", "https://shop.example.com/checkout"]
    kinds = {(r.host, r.kind, r.vendor) for r in evidence.requests}
    assert ("region1.google-analytics.com", "pixel", "google_analytics") in kinds
    assert ("widget.intercom.io", "script", "intercom") in kinds
    assert ("www.facebook.com", "pixel", "meta_ads") in kinds
    assert ("connect.facebook.net", "script", "meta_ads") in kinds
    assert all(r.host != "shop.example.com" for r in evidence.requests)  # first party left out
    assert all("?" not in r.url for r in evidence.requests)  # queries may hold personal data
    assert evidence.unrecognised == ["cdn.unknown-tracker.example.net",
                                     "www.googletagmanager.com"]
    assert set(evidence.vendors()) == {"google_analytics", "intercom", "meta_ads"}
    assert "cookie _fbp (.example.com) on /checkout" in evidence.vendors()["meta_ads"]


def test_har_cookies_name_domain_party_and_lifetime(known) -> None:  # type: ignore[no-untyped-def]
    cookies = {c.name: c for c in scan_har(HAR, known).cookies}
    assert cookies["session"].lifetime_days is None and not cookies["session"].third_party
    assert cookies["session"].domain == "shop.example.com"
    assert (cookies["_ga"].lifetime_days, cookies["_ga"].vendor) == (730, "google_analytics")
    assert not cookies["_ga"].third_party  # set on the site's own domain by the GA script
    fr = cookies["fr"]
    assert (fr.domain, fr.third_party, fr.vendor, fr.lifetime_days) == \
        (".facebook.com", True, "meta_ads", 91)
    assert cookies["_fbp"].page == "https://shop.example.com/checkout"


def test_har_says_what_it_cannot_show(known) -> None:  # type: ignore[no-untyped-def]
    evidence = scan_har(HAR, known)
    assert evidence.forms == [] and evidence.banner is None and not evidence.gpc_checked
    assert any("forms" in limit for limit in evidence.limits)
    assert any("Global Privacy Control" in limit for limit in evidence.limits)


def test_set_cookie_without_attributes_and_malformed() -> None:
    assert set_cookie_lifetime("a=1", None) == ("a", "", None)
    assert set_cookie_lifetime("odd name=1; Max-Age=86400", None)[0] == "odd name"


@pytest.mark.parametrize("text, message", [
    ("{not json", "not a HAR file (not JSON"),
    ('{"log": {}}', "no `log.entries` list"),
    ('{"log": {"entries": []}}', "no page in the HAR"),
])
def test_bad_har_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                             message: str) -> None:
    bad = tmp_path / "bad.har"
    bad.write_text(text)
    assert main(["scan", "--har", str(bad), "--out", str(tmp_path / "e.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and str(bad) in err


def test_cli_writes_evidence_and_summary(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "evidence.json"
    assert main(["scan", "--har", str(HAR), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Meta (Facebook and Instagram ads)" in printed and "unrecognised" in printed
    assert "_fbp" in printed and "Not checked: A HAR records" in printed
    assert load_evidence(out) == scan_har(HAR, catalog(real_project().library.data))


def test_bad_evidence_file_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "e.json"
    bad.write_text('{"source": "x", "kind": "moon"}')
    with pytest.raises(UserError, match="kind: Input should be"):
        load_evidence(bad)


def test_one_source_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "https://example.com", "--har", str(HAR)]) == 2
    assert "give one of a URL" in capsys.readouterr().err
