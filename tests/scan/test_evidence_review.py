"""Evidence → answers and notes: the fixture shop's evidence (tests/scan/data/shop-evidence.json,
a scan of tests/scan/site.py) against the kiosk example's answers, which say no advertising
cookies and that GPC is honoured, and list neither Meta nor Intercom."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.answers import Answers
from drafter.cli import main
from drafter.evidence.catalog import catalog
from drafter.evidence.model import load_evidence
from drafter.evidence.notes import evidence_notes, facts
from drafter.evidence.propose import proposals
from drafter.paths import examples
from drafter.yamlio import load_yaml
from tests.conftest import real_project

DATA = Path(__file__).parent / "data"
SHOP = load_evidence(DATA / "shop-evidence.json")
KNOWN = catalog(real_project().library.data)
CHECKS = {"evidence.ad-cookies-undisclosed", "evidence.vendor-undisclosed",
          "evidence.trackers-before-consent", "evidence.gpc-ignored",
          "evidence.form-data-undisclosed"}


def kiosk(**changes: object) -> Answers:
    project = real_project()
    base = project.answers(examples()["kiosk"])
    return Answers(project.questionnaire, {**base.values, **changes})


def notes(answers: Answers, evidence=SHOP):  # type: ignore[no-untyped-def]
    return {n.check: n for n in evidence_notes(evidence, answers, real_project().library)}


def test_each_contradiction_of_the_kiosk_answers_is_a_note() -> None:
    found = notes(kiosk(**{"audience.regions": ["usa", "canada", "eu"]}))
    assert set(found) == CHECKS
    ads = found["evidence.ad-cookies-undisclosed"]
    assert ads.severity == "blocking" and ads.resolves_by == "cookies.advertising"
    assert "cookie _fbp set by Meta (Facebook and Instagram ads) on /" in ads.message
    vendors = found["evidence.vendor-undisclosed"].message
    assert "Meta (Facebook and Instagram ads) (script from connect.facebook.net on /)" in vendors
    assert "Intercom (script from widget.intercom.io on /)" in vendors
    assert "Google Analytics" not in vendors  # the kiosk answers list it
    assert "www.google-analytics.com (Google Analytics) on /" in \
        found["evidence.trackers-before-consent"].message
    assert "pixel from www.facebook.com (Meta (Facebook and Instagram ads)) on /" in \
        found["evidence.gpc-ignored"].message
    assert "the date of birth field on /checkout" in \
        found["evidence.form-data-undisclosed"].message  # contact and payment are answered


def test_answers_that_match_the_evidence_raise_nothing() -> None:
    agreeing = kiosk(**{"cookies.advertising": True, "cookies.honors_gpc": False,
                        "sharing.catalog": [*kiosk().values["sharing.catalog"], "meta_ads",
                                            "intercom"],
                        "collection.categories": [*kiosk().values["collection.categories"],
                                                  "demographics"]})
    assert notes(agreeing) == {}  # and no EU visitors: consent before trackers is not asked


def test_a_har_cannot_show_consent_or_gpc_so_raises_no_such_note() -> None:
    from drafter.evidence.har import scan_har

    har = scan_har(DATA / "shop.har", KNOWN)
    found = notes(kiosk(**{"audience.regions": ["usa", "eu"]}), har)
    assert set(found) == {"evidence.ad-cookies-undisclosed", "evidence.vendor-undisclosed"}


def test_proposals_follow_the_evidence_with_what_showed_it() -> None:
    answers = kiosk()
    found = {p.key: p for p in proposals(SHOP, KNOWN, lambda k: answers.resolved().get(k),
                                         set(real_project().questionnaire.keys))}
    assert set(found) == {"sharing.catalog", "cookies.advertising", "cookies.gpc_stops_ads",
                          "collection.categories"}
    assert found["sharing.catalog"].proposed[-2:] == ["intercom", "meta_ads"]
    assert found["cookies.advertising"].proposed is True
    assert found["cookies.gpc_stops_ads"].proposed is False
    assert found["collection.categories"].proposed[-1] == "demographics"
    assert any("date_of_birth field in the form on http://127.0.0.1:8000/checkout" in b
               for b in found["collection.categories"].because)


def test_scan_answers_lists_and_writes_only_on_yes(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    answers = tmp_path / "answers.yaml"
    shutil.copy(examples()["kiosk"], answers)
    before = answers.read_bytes()
    har = DATA / "shop.har"
    out = str(tmp_path / "e.json")
    assert main(["scan", "--har", str(har), "--out", out, "--answers", str(answers)]) == 0
    printed = capsys.readouterr().out
    assert "nothing is written without your yes" in printed
    assert "cookies.advertising: false → true" in printed
    assert answers.read_bytes() == before
    replies = iter(["y", "n"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(replies))
    assert main(["scan", "--har", str(har), "--out", out, "--answers", str(answers),
                 "--apply"]) == 0
    assert "1 of 2 change(s) written" in capsys.readouterr().out
    data = load_yaml(answers)
    assert data["sharing"]["catalog"][-2:] == ["intercom", "meta_ads"]
    assert data["cookies"]["advertising"] is False  # answered no
    assert answers.read_text().startswith("# Example: a self-service")  # comments kept


def test_review_with_evidence_adds_the_notes(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The kiosk policy as built from the old answers, reviewed with the shop's evidence."""
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--format", "md"]) == 0
    (policy,) = tmp_path.rglob("privacy-policy.md")
    capsys.readouterr()
    args = ["review", str(policy), "--evidence", str(DATA / "shop-evidence.json")]
    assert main([*args, "--answers", str(examples()["kiosk"]), "--format", "json"]) == 1
    out = capsys.readouterr().out
    for check in CHECKS - {"evidence.trackers-before-consent"}:  # the kiosk serves no EU
        assert check in out
    assert main(args) == 2
    assert "--evidence needs --answers" in capsys.readouterr().err


def test_facts_quote_each_finding_once_and_are_what_lint_accepts() -> None:
    from drafter.evidence.notes import FACTS

    found = facts(SHOP, KNOWN)
    assert {*found, "typed"} == FACTS  # `typed` comes from the answers
    assert found["vendors"] == ["google_analytics", "intercom", "meta_ads"]
    assert len(found["trackers_before_choice"]) == len(set(found["trackers_before_choice"]))
    assert found["banner"] is True and found["gpc_checked"] is True


def test_a_vendor_typed_in_by_hand_counts_as_disclosed() -> None:
    typed = [*kiosk().values["sharing.vendors"],
             {"name": "facebook", "purpose": "ads", "category": "advertising"},
             {"name": "Intercom", "purpose": "chat", "category": "customer_support"}]
    assert "evidence.vendor-undisclosed" not in notes(kiosk(**{"sharing.vendors": typed}))


def test_consent_is_asked_for_the_eu_and_uk_not_for_switzerland_alone() -> None:
    for regions, fires in ((["usa", "uk"], True), (["usa", "switzerland"], False)):
        assert ("evidence.trackers-before-consent" in
                notes(kiosk(**{"audience.regions": regions}))) is fires, regions


def test_cookieless_analytics_before_a_choice_is_no_consent_problem() -> None:
    from drafter.evidence.model import Evidence, Request

    page = "https://shop.example/"
    evidence = Evidence(source=page, kind="site", site="shop.example", pages=[page],
                        gpc_checked=True, banner=False, requests=[
                            Request(host="plausible.io", kind="script", page=page,
                                    vendor="plausible", before_consent=True)])
    answers = kiosk(**{"audience.regions": ["usa", "eu"],
                       "sharing.catalog": [*kiosk().values["sharing.catalog"], "plausible"]})
    assert notes(answers, evidence) == {}
    hotjar = evidence.model_copy(update={"requests": [Request(
        host="script.hotjar.com", kind="script", page=page, vendor="hotjar",
        before_consent=True)]})
    assert "evidence.trackers-before-consent" in notes(answers, hotjar)


def test_an_ad_sdk_in_an_app_contradicts_no_advertising() -> None:
    from drafter.evidence.model import Evidence, Sdk

    app = Evidence(source="app", kind="repo", sdks=[
        Sdk(package="facebook_app_events", manifest="pubspec.yaml", vendor="meta_ads")])
    found = notes(kiosk(), app)
    assert "the Meta (Facebook and Instagram ads) SDK (facebook_app_events in pubspec.yaml)" \
        in found["evidence.ad-cookies-undisclosed"].message


def test_build_with_evidence_puts_the_notes_in_the_draft(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    shutil.copy(examples()["kiosk"], answers)
    assert main(["build", str(answers), "-o", str(tmp_path / "out"), "--format", "md",
                 "--evidence", str(DATA / "shop-evidence.json")]) == 0
    (review,) = (tmp_path / "out").rglob("review.md")
    text = review.read_text()
    assert "cookie _fbp set by Meta (Facebook and Instagram ads) on /" in text
    assert "with GPC on advertising trackers still fired" in text
    (policy,) = (tmp_path / "out").rglob("privacy-policy.md")
    assert main(["build", str(answers), "-o", str(tmp_path / "plain"), "--format", "md"]) == 0
    (plain,) = (tmp_path / "plain").rglob("review.md")
    assert "_fbp" not in plain.read_text()  # without --evidence, no such note
