"""Issue 16: decisions made by computer alone about people in the EU (GDPR Art. 22), the UK
(UK GDPR Arts 22A-22D, Data (Use and Access) Act 2025), Quebec (Law 25 s. 12.1) and, before
its rules apply on 1 Jan 2027, California. The translation agency example makes such a
decision; changing its answers shows what each law asks when the owner offers no human
review, or the decisions could rest on special data."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from drafter.answers import Answers
from drafter.document.model import Draft
from drafter.paths import examples
from tests.conftest import real_project as project

DECIDING = {"gdpr.automated-decisions", "uk.automated-decisions", "quebec.automated-decisions",
            "ccpa.admt"}
NO_REVIEW = {"gdpr.automated-safeguards": "warning", "uk.automated-safeguards": "warning",
             "quebec.automated-review": "warning"}


def draft(**changes: Any) -> Draft:
    base = project().answers(examples()["translators"])
    return project().draft(Answers(project().questionnaire, {**base.values, **changes}))


@lru_cache(maxsize=None)
def as_given() -> Draft:
    return draft()


def noted(d: Draft) -> dict[str, str]:
    return {n.requirement: n.severity for n in d.notes if n.requirement}


def text(d: Draft, clause: str) -> str:
    return next((c.markdown for c in d.policy.clauses() if c.id == clause), "")


def test_the_example_describes_its_decisions_to_every_law_that_reaches_it() -> None:
    d = as_given()
    said = text(d, "use.automated-decisions")
    assert "turns you down" in said and "a person at our company" in said
    assert "main factors behind the decision" in said
    assert not DECIDING & set(noted(d)), "the clause meets them"
    assert not set(NO_REVIEW) & set(noted(d))


def test_before_2027_california_gets_a_reminder_not_the_notice() -> None:
    d = as_given()
    assert noted(d)["ccpa.admt-upcoming"] == "advice"
    assert text(d, "california.admt") == ""
    later = draft(**{"policy.effective_date": date(2027, 1, 4)})
    assert "ccpa.admt-upcoming" not in noted(later)
    assert "opt out" in text(later, "california.admt")


def test_quebec_duties_outside_the_policy_are_advice() -> None:
    assert noted(as_given())["quebec.automated-decision-notice"] == "advice"
    assert "quebec.automated-decision-notice" not in noted(
        draft(**{"audience.quebec": False}))


def test_no_human_review_is_a_warning_under_each_law_and_no_promise() -> None:
    d = draft(**{"data_practices.automated_review": "no"})
    assert {k: v for k, v in noted(d).items() if k in NO_REVIEW} == NO_REVIEW
    said = text(d, "use.automated-decisions")
    assert "a person at our company" not in said and "the law may let you" in said
    # Only the laws that reach the people decided about.
    only_eu = draft(**{"data_practices.automated_review": "no", "audience.regions": ["eu"],
                       "audience.quebec": False})
    assert set(NO_REVIEW) & set(noted(only_eu)) == {"gdpr.automated-safeguards"}


def test_not_sure_of_review_is_a_question_for_counsel_not_a_no() -> None:
    d = draft(**{"data_practices.automated_review": "unsure"})
    assert noted(d)["review.unsure-automated-review"] == "blocking"  # a question for counsel blocks publishing
    assert "a person at our company" not in text(d, "use.automated-decisions")


def test_special_data_in_the_decisions_is_a_question_for_counsel() -> None:
    base = project().answers(examples()["translators"]).values["collection.categories"]
    d = draft(**{"collection.categories": [*base, "health"]})
    assert {k: v for k, v in noted(d).items() if k.endswith("automated-special-data")} == {
        "gdpr.automated-special-data": "warning", "uk.automated-special-data": "warning"}
    assert not {"gdpr.automated-special-data", "uk.automated-special-data"} & set(
        noted(as_given()))
