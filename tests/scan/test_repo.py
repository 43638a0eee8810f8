"""`drafter scan --repo`: a sample app's manifests in every supported format, its Firebase
Analytics, Sentry and Stripe SDKs recognised through the catalog's `packages`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.errors import UserError
from drafter.evidence.catalog import catalog
from drafter.evidence.repo import manifests, scan_repo
from tests.conftest import real_project

APP = Path(__file__).parent / "data" / "app"


@pytest.fixture(scope="module")
def found():  # type: ignore[no-untyped-def]
    evidence = scan_repo(APP, catalog(real_project().library.data))
    return {(s.manifest, s.package): s.vendor for s in evidence.sdks}, evidence


def test_every_manifest_kind_is_read_and_installed_packages_skipped() -> None:
    names = [p.relative_to(APP).as_posix() for p in manifests(APP)]
    assert names == ["android/app/build.gradle", "backend/pyproject.toml",
                     "backend/requirements.txt", "ios/Package.swift", "ios/Podfile",
                     "mobile/pubspec.yaml", "web/package.json"]  # not node_modules


def test_firebase_analytics_sentry_and_stripe_are_recognised(  # type: ignore[no-untyped-def]
        found) -> None:
    sdks, evidence = found
    assert sdks == {
        ("android/app/build.gradle", "com.google.firebase:firebase-analytics-ktx"):
            "google_analytics",
        ("android/app/build.gradle", "io.sentry:sentry-android"): "sentry",
        ("android/app/build.gradle", "com.stripe:stripe-android"): "stripe",
        ("backend/pyproject.toml", "stripe"): "stripe",
        ("backend/pyproject.toml", "sentry-sdk"): "sentry",
        ("backend/requirements.txt", "sentry-sdk"): "sentry",
        ("backend/requirements.txt", "stripe"): "stripe",
        ("ios/Package.swift", "FirebaseAnalytics"): "google_analytics",
        ("ios/Package.swift", "Sentry"): "sentry",
        ("ios/Package.swift", "github.com/getsentry/sentry-cocoa"): "sentry",
        ("ios/Podfile", "FirebaseAnalytics"): "google_analytics",
        ("ios/Podfile", "Sentry"): "sentry",
        ("ios/Podfile", "Stripe"): "stripe",
        ("mobile/pubspec.yaml", "firebase_analytics"): "google_analytics",
        ("mobile/pubspec.yaml", "sentry_flutter"): "sentry",
        ("mobile/pubspec.yaml", "flutter_stripe"): "stripe",
        ("web/package.json", "@sentry/react"): "sentry",
        ("web/package.json", "@stripe/stripe-js"): "stripe",
    }  # not the commented-out Mixpanel, nor dev-only Amplitude and Mixpanel
    assert set(evidence.vendors()) == {"google_analytics", "sentry", "stripe"}
    assert evidence.kind == "repo" and evidence.requests == []
    assert any("other dependencies" in limit for limit in evidence.limits)


def test_cli_repo_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--repo", str(APP), "--out", str(tmp_path / "e.json")]) == 0
    out = capsys.readouterr().out
    assert "(repo): 18 known SDK(s) in 7 manifest(s)." in out
    assert re.search(r"\n  Sentry +package io.sentry:sentry-android in android/app/build.gradle;"
                     r" .* \(\+5 more\)\n", out)
    assert re.search(r"\n  Google Analytics +package ", out) and re.search(r"\n  Stripe +", out)


def test_broken_manifest_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": ')
    with pytest.raises(UserError, match=r"package.json:1: not JSON"):
        scan_repo(tmp_path, catalog(real_project().library.data))
    (tmp_path / "package.json").unlink()
    (tmp_path / "pyproject.toml").write_text("[project\n")
    with pytest.raises(UserError, match=r"pyproject.toml: not TOML"):
        scan_repo(tmp_path, catalog(real_project().library.data))


def test_an_empty_folder_says_no_manifest(tmp_path: Path) -> None:
    evidence = scan_repo(tmp_path, catalog(real_project().library.data))
    assert evidence.sdks == [] and any("No dependency manifest" in x for x in evidence.limits)
