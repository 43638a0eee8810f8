"""No statement without an answer: the kiosk operator of new-user trial 16 (Harbor Lockers).

Its exported policy said things no answer gave: generic examples ("such as shops, offices and
apartment buildings", "payment processors and delivery services"), practices nobody was asked
about (what a kiosk records, cookie purposes, other formats of the policy, emailed receipts, a
kiosk map), a place of handling its own vendor lines contradicted, the business name twice in
the postal address, and a counsel note about Texas, Nebraska and Minnesota for a business that
serves Oregon, Washington and California. Each test builds those answers (one changed where
it says so) and looks for the sentence.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers, validate_answers
from drafter.document.model import Draft
from drafter.paths import examples
from drafter.project import Project
from drafter.yamlio import parse_yaml
from tests.changed_answers import DROP, changed, clause_text

TODAY = date(2026, 12, 1)
HARBOR = Path(__file__).parent / "fixtures" / "trial16" / "harbor-lockers.yaml"


def harbor(project: Project, **changes: Any) -> Answers:
    """The trial's answers, with `section__question=value` changed (DROP removes one)."""
    return changed(project, HARBOR, **changes)


def draft(project: Project, **changes: Any) -> Draft:
    return project.draft(harbor(project, **changes), today=TODAY)


def clause(result: Draft, clause_id: str) -> str:
    return clause_text(result.policy, clause_id)


def text(result: Draft) -> str:
    return "\n\n".join(c.markdown for c in result.policy.clauses())


# 1. Operators: the owner's places, not generic ones
def test_operators_are_not_given_examples_the_owner_never_named(project: Project) -> None:
    people = clause(draft(project), "scope.kiosk-people")
    assert "Operators" in people
    assert "apartment buildings" not in people and "offices" not in people


# 2. "with or without an account" only for a business with accounts
def test_kiosk_users_have_accounts_only_when_the_owner_says_so(project: Project) -> None:
    assert "account" not in clause(draft(project), "scope.kiosk-people")
    with_accounts = draft(project, collection__categories=["contact", "account", "payment"])
    assert "with or without an account" in clause(with_accounts, "scope.kiosk-people")


# 3. Photos, video and recordings: only the cameras the owner answered
def test_recordings_are_only_those_the_owner_answered(project: Project) -> None:
    listed = clause(draft(project), "collection.categories")
    line = next(x for x in listed.splitlines() if "Photos, video and recordings" in x)
    assert "camera" in line
    assert "photos you share" not in line and "recorded calls" not in line
    no_cameras = clause(draft(project, kiosks__cameras=False, kiosks__camera_capture=DROP,
                              kiosks__camera_purposes=DROP, kiosks__camera_recipients=DROP,
                              kiosks__video_days=DROP), "collection.categories")
    line = next(x for x in no_cameras.splitlines() if "Photos, video and recordings" in x)
    assert "such as" not in line


# 4. No generic examples of what a contract needs, or of who sends us information
def test_no_generic_examples_of_contract_details_or_sources(project: Project) -> None:
    result = draft(project)
    assert "address to deliver an order" not in clause(result, "collection.categories")
    sources = clause(result, "collection.sources")
    assert "Companies that work for us" in sources
    assert "delivery services" not in sources and "payment processors and" not in sources
    assert "fill in a form" not in sources  # no question asks about forms
    public = clause(draft(project, collection__sources=["individuals", "public"]),
                    "collection.sources")
    assert "Public sources" in public and "business directories" not in public


# 5. What a kiosk records is the owner's answer
def test_what_a_kiosk_records_rests_on_an_answer(project: Project) -> None:
    overview = clause(draft(project), "kiosks.overview")
    assert "the details you type in" not in overview and "it records" not in overview
    given = draft(project, kiosks__records=["service", "time"])
    promised = [p for c in given.policy.clauses() if c.id == "kiosks.overview" for p in c.promises]
    assert any("kiosks.records" in p.basis and "the service you choose" in p.text
               and "the time" in p.text and "type in" not in p.text for p in promised)


def test_the_kiosk_record_question_is_asked_only_of_a_kiosk_business(project: Project) -> None:
    assert "kiosks.records" in harbor(project).shown()
    question = project.questionnaire.entry("kiosks.records").question
    assert question.help and question.type == "many"


# 6. Cookie purposes are the owner's
def test_cookie_purposes_rest_on_an_answer(project: Project) -> None:
    cookies = clause(draft(project), "cookies.overview")
    assert "make our website work" not in cookies and "secure" not in cookies
    given = clause(draft(project, cookies__purposes=["works"]), "cookies.overview")
    assert "make our website work" in given and "secure" not in given


# 7. Other formats of the policy are offered only when the owner offers them
def test_other_formats_are_promised_only_when_the_owner_offers_them(project: Project) -> None:
    result = draft(project)
    assert "large print" not in text(result)
    offered = draft(project, contact__other_formats=True)
    assert any("large print" in p.text and p.basis == ("contact.other_formats",)
               for c in offered.policy.clauses() for p in c.promises)


# 8. Receipts of the kinds answered; the locations page as the owner described it
def test_receipts_and_the_locations_page_say_what_was_answered(project: Project) -> None:
    result = draft(project)
    assert "emailed" not in clause(result, "kiosks.card-payments")
    assert "Receipts show no more than the last four digits" in clause(result,
                                                                       "kiosks.card-payments")
    assert "map" not in clause(result, "kiosks.overview")


# 9. Where we handle information agrees with the vendors' own lines
def test_place_of_handling_does_not_contradict_the_vendor_lines(project: Project) -> None:
    result = draft(project)
    where = clause(result, "international.location")
    assert "We and our service providers store and handle personal information in the " \
        "United States." not in where
    assert "the places where each handles information" in where  # its catalog companies (audit5)


# 10. The business name once in the postal address
def test_the_business_name_is_not_repeated_before_an_address_that_starts_with_it(
        project: Project) -> None:
    details = clause(draft(project), "contact.details")
    assert "Harbor Lockers LLC, Harbor Lockers LLC" not in details
    assert "Post: Harbor Lockers LLC, 1200 NW Naito Parkway" in details
    assert HARBOR.read_text().count("Harbor Lockers LLC\\n1200 NW") == 1  # the file as typed
    other = clause(draft(project, business__address="1200 NW Naito Parkway\nPortland, OR 97209"),
                   "contact.details")
    assert "Post: Harbor Lockers LLC, 1200 NW Naito Parkway, Portland" in other


# 11. Notes and questions name only states the business serves
def test_no_note_about_laws_of_states_not_served(project: Project) -> None:
    result = draft(project)
    for note in result.notes:
        for state in ("Texas", "Nebraska", "Minnesota", "Tex.", "Neb.", "Minn."):
            assert state not in note.message and state not in (note.cite or ""), note
    assert "audience.small_business" not in harbor(project).shown()


def test_small_business_note_names_the_served_states_only(project: Project) -> None:
    texas = draft(project, audience__us_states=["oregon", "texas"],
                  audience__residents_25k=["oregon"])
    found = [n for n in texas.notes if n.resolves_by == "audience.small_business"]
    assert found and all("Texas" in n.message and "Nebraska" not in n.message
                         and "Minnesota" not in n.message for n in found)


@pytest.mark.parametrize("state, requirement", [
    ("texas", "review.no-small-business"), ("nebraska", "review.no-small-business-nebraska"),
    ("minnesota", "review.no-small-business-minnesota")])
def test_a_blank_sba_answer_is_noted_for_each_state_served_alone(project: Project, state: str,
                                                                  requirement: str) -> None:
    result = draft(project, audience__us_states=["oregon", state], audience__small_business=DROP,
                   audience__residents_25k=["oregon"])
    noted = {n.requirement for n in result.notes if n.resolves_by == "audience.small_business"}
    assert noted == {requirement}


def test_resident_bands_offer_only_the_states_served(project: Project) -> None:
    given = harbor(project)
    assert "audience.residents_35k" not in given.shown()  # none of its states is served
    assert "audience.residents_25k" in given.shown()
    hidden = given.hidden_options.get("audience.residents_25k", frozenset())
    offered = set(project.questionnaire.entry("audience.residents_25k").question.options) - hidden
    assert offered == {"oregon", "none"}


@pytest.mark.parametrize("example", ["kiosk", "oregon-store"])
def test_nationwide_or_named_examples_still_asked_the_bands(project: Project,
                                                            example: str) -> None:
    path = examples()[example]
    given = project.answers(path)
    assert any(k.startswith("audience.residents_") for k in given.shown())


# The class: generic examples and assumed practices in every clause, not only the kiosk ones

def test_automatic_information_is_exemplified_only_by_kinds_collected(project: Project) -> None:
    combining = clause(draft(project), "collection.combining")
    assert "your IP address" in combining and "pages you visit" not in combining
    linked = clause(draft(project, collection__combines_data=True), "collection.combining")
    assert "account details" not in linked  # no accounts answered


def test_information_by_phone_only_with_a_phone_number(project: Project) -> None:
    covers = clause(draft(project, contact__phone=DROP, rights__request_methods=["email"]),
                    "scope.what-it-covers")
    assert "such as by email." in covers and "phone" not in covers


def test_operator_accounts_only_where_operators_send_member_numbers(project: Project) -> None:
    shared = clause(draft(project, kiosks__operator_reports=True,
                          kiosks__operator_data=["transactions"]), "sharing.kiosk-operators")
    assert "operator" in shared and "account" not in shared and "resident" not in shared


@pytest.mark.parametrize("example, clause_id, generic", [
    ("email-platform", "client-data.subprocessors", "hosting provider"),
    ("email-platform", "messaging.site-tracking", "basket"),
])
def test_no_generic_examples_in_module_clauses(project: Project, example: str, clause_id: str,
                                               generic: str) -> None:
    given = project.answers(examples()[example])
    found = clause(project.draft(given, today=TODAY), clause_id)
    assert found and generic not in found


def test_no_generic_examples_of_hosted_pages_statistics_or_helpers(project: Project) -> None:
    statistics = clause(draft(project, sharing__aggregated=True), "sharing.aggregated")
    assert "totals and trends" in statistics and "each region" not in statistics
    hosted = clause(project.draft(project.answers(examples()["email-platform"]), today=TODAY),
                    "cookies.client-pixels")
    pixels = hosted or clause(project.draft(_changed(project, "email-platform",
                                                     cookies__client_pixels="yes"),
                                            today=TODAY), "cookies.client-pixels")
    assert pixels and "booking, sign-up or shop" not in pixels
    coppa = "\n".join(clause(project.draft(project.answers(examples()[name]), today=TODAY),
                             "children.coppa-notice") for name in ("kids-crafts", "vermont-kids"))
    assert "Who else gets it" in coppa and "such as hosting providers" not in coppa


def _changed(project: Project, example: str, **changes: Any) -> Answers:
    path = examples()[example]
    data = parse_yaml(path.read_text(), path)
    for key, value in changes.items():
        section, question = key.split("__")
        data.setdefault(section, {})[question] = value
    return validate_answers(data, project.questionnaire, path, complete=False)


# Browser trial 16: "Google Analytics: measuring how people use our website and app" for a
# business that answered it has no app (five examples said the same)
@pytest.mark.parametrize("example", ["email-platform", "eu-studio", "quebec-firm",
                                     "translators", "uk-bakery"])
def test_an_app_is_named_only_where_the_owner_has_one(project: Project, example: str) -> None:
    given = project.answers(examples()[example])
    assert not given.values.get("business.has_app")
    written = text(project.draft(given, today=TODAY))
    assert "Google Analytics" in written
    assert not re.search(r"\b(our|the|an?) (website and )?apps?\b|website and app", written)
