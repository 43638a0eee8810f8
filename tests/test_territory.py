"""A law applies where it reaches: an EU-only or Canada-only business gets no note, clause or
requirement of a US law (appeals under state laws, CAN-SPAM, TCPA), and a US business still does."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest

from drafter.document.model import Draft
from drafter.review.check_examples import example_answers
from drafter.review.rules import CheckExample
from tests.conftest import real_project as project

TODAY = date(2026, 12, 1)
MARKETING = {"email_marketing": True, "sms_marketing": True, "sms_consent": False}
CASES = {
    # The Berlin studio (EU and UK only), now also sending marketing texts.
    "eu-only": CheckExample(example="eu-studio", answers={"choices": MARKETING}),
    # The Quebec firm without the US among its regions.
    "canada-only": CheckExample(example="quebec-firm", answers={
        "audience": {"regions": ["canada"], "us_states": None}, "choices": MARKETING}),
    # The email platform and the marketplace (with high-volume sellers) without the US.
    "eu-platform": CheckExample(example="email-platform", answers={
        "audience": {"regions": ["eu", "uk"], "us_states": None},
        "email_platform": {"opt_out_days": None}}),
    "canada-marketplace": CheckExample(example="marketplace", answers={
        "audience": {"regions": ["canada"], "us_states": None},
        "cookies": {"publisher_ads": ["site"], "publisher_ads_targeted": "yes"}}),
}
US_WORDS = ("CAN-SPAM", "federal law", "Federal law", "federal rules", "US law", "California", "state law", "INFORM")


@lru_cache(maxsize=None)
def draft(case: str) -> Draft:
    return project().draft(example_answers(project(), CASES[case]), TODAY)


def _us_cited(note) -> bool:
    cite = note.cite or ""
    return any(mark in cite for mark in ("U.S.C.", "CFR", "Va. Code", "Colo. Rev. Stat.",
                                         "Cal. Civ. Code", "Cal. Bus."))


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_us_law_note_outside_the_us(case: str) -> None:
    notes = draft(case).notes
    assert [n.check for n in notes if n.check == "advice.appeal"] == []
    assert [(n.requirement or n.check, n.cite) for n in notes if _us_cited(n)] == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_us_law_clause_outside_the_us(case: str) -> None:
    policy = draft(case).policy
    ids = {c.id for c in policy.clauses()}
    assert not {"choice.opt-out-sale", "use.sensitive-limited", "us-states.appeal"} & ids
    text = _text(draft(case))
    for word in US_WORDS:
        assert word not in text, word


def test_canada_only_gets_casl() -> None:
    assert "canada.casl" in {c.id for c in draft("canada-only").policy.clauses()}


def test_a_us_business_still_hears_us_law() -> None:
    answers = example_answers(project(), CheckExample(example="california-store", answers={}))
    result = project().draft(answers, TODAY)
    assert "CAN-SPAM" in _text(result)


def _text(result: Draft) -> str:
    return "\n\n".join(c.markdown for c in result.policy.clauses())


@pytest.mark.parametrize("sells", ["yes", "no", "unsure"])
def test_sharing_overview_names_no_state_law_outside_the_us(sells: str) -> None:
    changes = {"sharing": {"sells": sells},
               "data_practices": {"sold_categories": ["contact"] if sells == "yes" else None}}
    answers = example_answers(project(), CheckExample(example="eu-studio", answers=changes))
    overview = [c.markdown for c in project().draft(answers, TODAY).policy.clauses()
                if c.id == "sharing.overview"]
    assert overview and "state law" not in overview[0] and "opt out" not in overview[0]


def test_caloppa_items_are_not_looked_for_outside_the_us() -> None:
    catalog = project().library.requirements
    assert all("law.us" in entry.requirement.applies_when for rid, entry in catalog.items()
               if rid.startswith("caloppa."))


US_SIZE = ("audience.revenue", "audience.people", "audience.sale_revenue")


@pytest.mark.parametrize("given", ["unsure", None])
def test_us_size_questions_are_not_asked_outside_the_us(given: str | None) -> None:
    """Revenue, people and revenue from selling data decide only US state laws: an EU-only
    business is not asked them, and neither "not sure" nor a blank reaches counsel or the owner."""
    answers = example_answers(project(), CheckExample(example="eu-studio", answers={
        "audience": {key.split(".")[1]: given for key in US_SIZE}}))
    assert not set(US_SIZE) & set(answers.shown())
    notes = project().draft(answers, TODAY).notes
    assert [(n.requirement or n.check) for n in notes if n.resolves_by in US_SIZE] == []


def test_us_size_questions_still_reach_counsel_for_a_us_business() -> None:
    answers = example_answers(project(), CheckExample(example="california-store", answers={
        "audience": {"revenue": "unsure"}}))
    notes = project().draft(answers, TODAY).notes
    assert [n.requirement for n in notes if n.resolves_by == "audience.revenue"] == [
        "review.unsure-revenue"]


KIDS = {"under_13": "yes", "collected": "A first name and a parent's email address.",
        "uses": "We use it to run the child's account.", "public": False, "audio": False,
        "consent_method": "card", "retention": "Until the parent closes the account."}


def _kids(example: str, regions: list[str], under_13: str = "yes") -> Draft:
    answers = example_answers(project(), CheckExample(example=example, answers={
        "audience": {"regions": regions, **({} if "usa" in regions else {"us_states": None})},
        "children": {**KIDS, "under_13": under_13}}))
    return project().draft(answers, TODAY)


@pytest.mark.parametrize("under_13", ["yes", "unsure"])
def test_no_coppa_without_us_reach(under_13: str) -> None:
    """COPPA reaches an operator outside the US only through US children (FTC COPPA FAQ B.7):
    a service used by children in the EU and UK alone gets no COPPA text, question or note."""
    result = _kids("eu-studio", ["eu", "uk"], under_13)
    assert "COPPA" not in _text(result)
    assert [n.requirement for n in result.notes if "COPPA" in (n.message + (n.cite or ""))
            or (n.requirement or "").startswith("coppa.")] == []
    shown = set(example_answers(project(), CheckExample(example="eu-studio", answers={
        "children": {**KIDS, "under_13": under_13}})).shown())
    assert not {"children.consent_method", "children.collected"} & shown


def test_coppa_reaches_a_foreign_operator_with_us_children() -> None:
    """The same studio serving US users too: COPPA's notice for parents is drafted."""
    result = _kids("eu-studio", ["eu", "uk", "usa"])
    assert "children.coppa-notice" in {c.id for c in result.policy.clauses()}
