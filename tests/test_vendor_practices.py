"""Vendor catalog wording states only the data flows the owner's answers give: a part of a
vendor's `receives` or `location` that states a practice (customer lists, ad pixels, email
tracking, marketing texts, face scans: clauses/vendor-practices.yaml) carries a `when:` on the
answer that governs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from drafter.build import render
from drafter.export import formats
from drafter.review.answer_rules import condition_names
from drafter.i18n.locale_text import in_locale
from drafter.templating import compile_condition, compile_template, template_value
from drafter.vendor_wording import PRACTICES_FILE, Practice, load_practices, wording_problems
from drafter.yamlio import dump_yaml, load_data
from drafter.paths import examples
from tests.conftest import real_project as project

ROOT = Path(__file__).resolve().parents[1]


def test_eu_studio_meta_gets_no_customer_list_when_the_owner_uploads_none(
        tmp_path: Path) -> None:
    answers = project().answers(examples()["eu-studio"])
    assert answers.resolved()["data_practices.ad_audiences"] is False
    subprocess.run([sys.executable, "-m", "drafter", "build", "--example", "eu-studio",
                    "--format", "md", "-o", str(tmp_path)], check=True, cwd=ROOT,
                   capture_output=True)
    [policy] = tmp_path.glob("*/privacy-policy.md")
    text = policy.read_text()
    assert "Meta (Facebook and Instagram ads)" in text
    assert "hashed email" not in text


# --- The class of defect: catalog wording stating a practice the answers deny or never gave.

def names() -> frozenset[str]:
    return condition_names(project().questionnaire, project().library)


def practices() -> dict[str, Practice]:
    loaded = load_practices(project().library_root)
    assert loaded is not None
    return loaded[1]


def test_lint_finds_a_vendor_stating_a_practice_unconditionally(tmp_path: Path) -> None:
    root = project().library_root
    (tmp_path / "data").mkdir()
    shutil.copy(root / PRACTICES_FILE, tmp_path / PRACTICES_FILE)
    vendors = load_data(root / "data" / "vendors.yaml").data
    assert wording_problems(root, names()) == []
    # The entry as it was: Meta "receives … hashed email addresses" whatever the answers.
    meta = dict(vendors["meta_ads"], receives="cookie and device IDs, the pages you visit on "
                "our site, purchases and hashed email addresses")
    texts = dict(vendors["klaviyo"], receives=[*vendors["klaviyo"]["receives"], "SMS replies"])
    (tmp_path / "data" / "vendors.yaml").write_text(dump_yaml(
        {"meta_ads": meta, "klaviyo": texts, "twilio": vendors["twilio"]}))
    found = [str(p) for p in wording_problems(tmp_path, names())]
    assert len(found) == 3, found
    assert "customer_lists" in found[0] and "data_practices.ad_audiences" in found[0]
    assert "ad_pixels" in found[1] and "cookies.advertising" in found[1]
    assert "'SMS'" in found[2] and "choices.sms_marketing" in found[2]  # not Twilio's texts


def test_lint_finds_a_part_whose_when_names_no_question(tmp_path: Path) -> None:
    shutil.copy(project().library_root / PRACTICES_FILE, tmp_path / PRACTICES_FILE)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vendors.yaml").write_text(dump_yaml({"x": {
        "category": "email", "purpose": [{"text": "mail", "when": "true"}],
        "receives": [{"text": "email opens", "when": "choices.email_trackin"}]}}))
    found = [str(p) for p in wording_problems(tmp_path, names())]
    assert len(found) == 3, found
    assert "x.purpose" in found[0] and "one text" in found[0]
    assert "'choices.email_trackin', which is not a question" in found[1]
    assert "email_opens" in found[2]


def test_wording_lists_the_parts_whose_when_holds() -> None:
    template = compile_template("{{ parts | wording }}|{{ text | wording }}|{{ none | wording }}")
    parts = [{"text": "names"}, "email addresses",
             {"text": "phone numbers", "when": "choices.sms_marketing"},
             {"text": "email opens", "when": "'opens' in choices.email_tracking"}]
    context = {"parts": parts, "text": "one text", "none": None}
    said = template.render(**context, choices=template_value(
        {"sms_marketing": False, "email_tracking": ["opens"]}))
    assert said == "names, email addresses and email opens|one text|"
    with in_locale("es"):
        assert template.render(**context, choices=template_value(
            {"sms_marketing": True, "email_tracking": []})).startswith(
            "names, email addresses y phone numbers|")


def vendor_lines(text: str, vendor: Mapping[str, Any]) -> list[str]:
    """The policy's bullet lines for a catalog vendor, from its name on."""
    mark = f"**[{vendor['name']}]("
    return [line.split(mark, 1)[1] for line in text.splitlines()
            if line.startswith("- ") and mark in line]


@pytest.mark.parametrize("name", sorted(examples()))
def test_no_vendor_line_states_a_practice_the_answers_leave_out(name: str) -> None:
    answers = project().answers(examples()[name])
    context = answers.context()
    chosen = answers.resolved()["sharing.catalog"] or []
    catalog = project().library.data["vendors"]
    [data] = render(project().draft(answers), formats("md")).values()
    text = data.decode()
    left_out = {pid: p for pid, p in practices().items()
                if p.when is None or not compile_condition(p.when).holds(context)}
    checked = 0
    for vid in chosen:
        lines = vendor_lines(text, catalog[vid])
        assert lines, (name, vid)
        for pid, practice in left_out.items():
            for line in lines:
                checked += 1
                assert not practice.stated(catalog[vid]["category"], line), (name, vid, pid, line)
    assert checked or not chosen or not left_out


def test_a_translation_lists_one_text_per_part() -> None:
    from drafter.i18n.lint import _shape

    english = {"meta_ads": {"receives": [{"text": "a", "when": "true"}, "b"], "location": "c"}}
    fields = {"receives", "location"}
    assert _shape(english, {"meta_ads": {"receives": ["x", "y"], "location": "z"}}, fields,
                  ()) == []
    for wrong in (["x"], "x y", ["x", {"text": "y"}]):
        [(loc, message)] = _shape(english, {"meta_ads": {"receives": wrong}}, fields, ())
        assert loc == ("meta_ads", "receives") and "one text for each of its parts" in message
    [(_, message)] = _shape(english, {"meta_ads": {"location": ["z"]}}, fields, ())
    assert "not shaped as the English" in message


def test_a_translated_part_keeps_its_english_when() -> None:
    from drafter.i18n.catalog import _record

    english = {"receives": [{"text": "a", "when": "cookies.advertising"}, "b"], "link": "l"}
    merged = _record(english, {"receives": ["x", "y"]}, {"receives", "location"})
    assert merged == {"receives": [{"text": "x", "when": "cookies.advertising"}, "y"],
                      "link": "l"}


def test_session_recording_and_analytics_cookies_are_governed_practices(tmp_path: Path) -> None:
    """Hotjar's clicks, scrolling and mouse movement (session recordings and heatmaps) rest on
    `cookies.session_recording`; Google Analytics' cookie ID on `cookies.analytics`. The lint
    names both as the entries stood, stating them whatever the answers."""
    assert practices()["session_recording"].answers() == {"cookies.session_recording"}
    assert practices()["analytics_cookies"].answers() == {"cookies.analytics"}
    root = project().library_root
    (tmp_path / "data").mkdir()
    shutil.copy(root / PRACTICES_FILE, tmp_path / PRACTICES_FILE)
    vendors = load_data(root / "data" / "vendors.yaml").data
    hotjar = dict(vendors["hotjar"], receives="device details, clicks, scrolling and mouse "
                  "movement (typed text is masked)")
    ga = dict(vendors["google_analytics"], receives="device details, a cookie ID, rough "
              "location and the pages you visit")
    (tmp_path / "data" / "vendors.yaml").write_text(dump_yaml(
        {"hotjar": hotjar, "google_analytics": ga, "plausible": vendors["plausible"]}))
    found = [str(p) for p in wording_problems(tmp_path, names())]
    assert len(found) == 2, found
    assert "session_recording" in found[0] and "cookies.session_recording" in found[0]
    assert "analytics_cookies" in found[1] and "cookies.analytics" in found[1]


def test_hotjar_and_google_analytics_say_only_what_the_answers_give() -> None:
    catalog = {"vendors": project().library.data["vendors"]}
    template = compile_template("{{ vendors.hotjar.receives | wording }}|"
                                "{{ vendors.google_analytics.receives | wording }}")
    def said(**cookies: Any) -> str:
        return template.render(**catalog, cookies=template_value(cookies))
    assert said(analytics=True, session_recording=True) == (
        "device details, the pages you visit and recordings of your clicks, scrolling and "
        "mouse movement, seen as replays or heatmaps (typed text is masked)|device details, a "
        "cookie ID, rough location and the pages you visit")
    assert said(analytics=False, session_recording=None) == (
        "device details and the pages you visit|device details, rough location and the pages "
        "you visit")
