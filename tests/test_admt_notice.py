"""Issue 16 audit: California's pre-use notice for automated decisions (11 CCR §7220) is
promised only when the owner says it is given (`data_practices.admt_notice`); a "no" or
"not sure" leaves the CCPA note, and "not sure" adds counsel's question."""

from __future__ import annotations

from datetime import date
from typing import Any

from drafter.answers import Answers
from drafter.document.model import Draft
from drafter.paths import examples
from tests.conftest import real_project as project


def draft(**changes: Any) -> Draft:
    """The rental marketplace (California, decides by computer) on 4 Jan 2027; a change to
    None leaves that question unanswered."""
    base = project().answers(examples()["rental-marketplace"])
    values = {**base.values, "policy.effective_date": date(2027, 1, 4), **changes}
    values = {k: v for k, v in values.items() if v is not None}
    return project().draft(Answers(project().questionnaire, values))


def noted(d: Draft) -> dict[str, str]:
    return {n.requirement: n.severity for n in d.notes if n.requirement}


def said(d: Draft) -> str:
    return "\n".join(c.markdown for c in d.policy.clauses())


def test_the_question_is_asked_of_a_california_business_deciding_by_computer() -> None:
    base = project().answers(examples()["rental-marketplace"])
    assert "data_practices.admt_notice" in base.shown()
    elsewhere = Answers(project().questionnaire, {**base.values, "audience.us_states": ["colorado"]})
    assert "data_practices.admt_notice" not in elsewhere.shown()


def test_a_yes_promises_the_notice_and_meets_the_requirement() -> None:
    d = draft(**{"data_practices.admt_notice": "yes"})
    assert "we give you a notice" in said(d)
    assert "ccpa.admt" not in noted(d)


def test_no_or_not_sure_promises_no_notice_and_leaves_the_note() -> None:
    for answer in ("no", "unsure", None):
        text = said(draft(**{"data_practices.admt_notice": answer}))
        assert "give you a notice" not in text and "Before we use such a system" not in text
        assert "opt out" in text  # the rights that rest on the law stay
    refused = draft(**{"data_practices.admt_notice": "no"})
    assert noted(refused)["ccpa.admt"] == "blocking"
    assert "review.unsure-admt-notice" not in noted(refused)
    # "not sure": counsel's question carries the requirement's note (it covers it)
    unsure = {n.requirement: n for n in draft(**{"data_practices.admt_notice": "unsure"}).notes}
    counsel = unsure["review.unsure-admt-notice"]
    assert counsel.for_counsel and "ccpa.admt" in counsel.covers
    assert counsel.severity == "blocking"
