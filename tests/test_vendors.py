"""The vendor catalog (`clauses/data/vendors.yaml`): complete, well-formed and wired in."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.paths import default_library, examples
from drafter.document.model import Note
from drafter.yamlio import load_data
from tests.conftest import real_project

FIELDS = {"name", "category", "recipient_category", "purpose", "receives", "location",
          "link"}
IN_PARTS = {"receives", "location"}


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    # ruamel refuses duplicate keys, so loading at all proves the ids are unique.
    return dict(load_data(default_library() / "data" / "vendors.yaml").data)


def test_at_least_fifty_vendors(catalog: dict[str, Any]) -> None:
    assert len(catalog) >= 50


def test_every_vendor_is_complete(catalog: dict[str, Any]) -> None:
    for vid, vendor in catalog.items():
        assert set(vendor) - {"checked", "also_known_as", "collects", "hosts", "cookies",
                              "packages", "cookieless", "country"} == FIELDS, vid
        assert isinstance(vendor.get("checked", date.today()), date), vid
        # `receives` and `location` may be parts, each resting on an answer (test_vendor_practices)
        wording = {f: [p.get("text") if isinstance(p, dict) else p for p in vendor[f]]
                   if f in IN_PARTS and isinstance(vendor[f], list) else [vendor[f]]
                   for f in FIELDS}
        assert all(isinstance(t, str) and t.strip() for texts in wording.values()
                   for t in texts), vid
        assert vendor["link"].startswith("https://"), vid
        assert " " not in vendor["link"], vid


def test_names_are_unique(catalog: dict[str, Any]) -> None:
    names = [v["name"] for v in catalog.values()]
    assert len(names) == len(set(names))


def test_every_category_is_known(catalog: dict[str, Any]) -> None:
    data = default_library() / "data"
    categories = {c["id"] for c in load_data(data / "vendor_categories.yaml").data}
    recipients = set(load_data(data / "recipient_categories.yaml").data)
    for vid, vendor in catalog.items():
        assert vendor["category"] in categories, vid
        assert vendor["recipient_category"] in recipients, vid
    assert categories - {"other"} <= {v["category"] for v in catalog.values()}


def test_questionnaire_offers_the_whole_catalog(catalog: dict[str, Any]) -> None:
    options = real_project().questionnaire.entry("sharing.catalog").question.options
    assert options == {vid: v["name"] for vid, v in catalog.items()}


def test_unchecked_links_of_chosen_vendors_are_one_advice_note() -> None:
    project = real_project()
    base = project.answers(examples()["chat-saas"])

    def vendor_notes(catalog: list[str]) -> list[Note]:
        answers = Answers(project.questionnaire, {**base.values, "sharing.catalog": catalog})
        return [n for n in project.draft(answers).notes
                if n.check == "answers.vendor-links-unchecked"]

    (note,) = vendor_notes(["microsoft_azure", "stripe", "postmark", "sentry"])
    assert note.severity == "advice"
    assert ": Postmark and Sentry." in note.message
    assert vendor_notes(["aws", "stripe"]) == []  # both links marked `checked`


def test_optional_fields_name_known_things(catalog: dict[str, Any]) -> None:
    """`collects` names kinds of information; `also_known_as` lists other names the company
    is known by (the app's type-to-jump finds it by them; for an ad company, the `advertiser`
    test recognises them typed by hand), each naming one company only."""
    kinds = set(load_data(default_library() / "data" / "categories.yaml").data)
    owners: dict[str, str] = {}
    for vid, vendor in catalog.items():
        assert set(vendor.get("collects", [])) <= kinds, vid
        for name in vendor.get("also_known_as", []):
            assert isinstance(name, str) and name.strip(), vid
            assert owners.setdefault(name.lower(), vid) == vid, f"{name} names two vendors"


@pytest.mark.parametrize(("name", "category", "expected"), [
    ("Meta Platforms", None, True), ("Facebook Ads", "other", True), ("Criteo SA", None, True),
    ("Metadata Labs", None, False), ("Google Cloud", None, False),
    ("Our Agency", "advertising", True), ("Stripe", None, False),
    ("AWS", None, False),  # another name, but of a hosting company
])
def test_advertiser_knows_ad_platforms_by_name(catalog: dict[str, Any], name: str,
                                               category: str | None, expected: bool) -> None:
    from drafter.templating import advertiser, template_value

    vendor = template_value({"name": name, "category": category})
    assert advertiser(vendor, template_value(catalog)) is expected
