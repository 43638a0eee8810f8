"""Issue 16: which children's law applies follows where the young users live and where the
business is run from. COPPA reaches children in the US wherever the operator is, and (in the
FTC staff's reading, FAQ B.7) a service run from the US wherever the children are; the US
state minors' rules reach only minors in the US; the EU/UK age of consent and the UK
Children's Code reach children there."""

from __future__ import annotations

from typing import Any

import pytest

from drafter.answers import Answers
from drafter.document.model import Draft
from drafter.paths import examples
from tests.conftest import real_project as project

US_KIDS = "kids-crafts"  # a US craft marketplace whose owner knows under-13s use it
ABROAD = {"audience.regions": ["usa", "eu", "uk"], "children.in_us": "no"}
US_STATE_MINOR_RULES = {"colorado.minors-duties", "connecticut.minors-duties",
                        "montana.minors-duties", "ny.child-data", "vermont.design-code-upcoming",
                        "vermont.design-code", "maryland.minors", "oregon.no-minor-sale"}


def answers(**changes: Any) -> Answers:
    base = project().answers(examples()[US_KIDS])
    return Answers(project().questionnaire, {**base.values, **changes})


def draft(**changes: Any) -> Draft:
    return project().draft(answers(**changes))


def clauses(d: Draft) -> dict[str, str]:
    return {c.id: c.markdown for c in d.policy.clauses()}


def notes(d: Draft) -> set[str]:
    return {n.requirement for n in d.notes if n.requirement}


def test_a_business_not_run_from_the_us_whose_children_all_live_abroad_gives_no_coppa_text() -> None:
    d = draft(**ABROAD, **{"children.operator_in_us": "no"})
    text = clauses(d)
    assert "children.coppa-notice" not in text and "children.voice" not in text
    assert not any("COPPA" in t for t in text.values())
    assert "None of the children or teenagers who use them live in the US." in text["children.known-outside-us"]
    n = notes(d)
    assert not {r for r in n if r.startswith("coppa.")}
    assert not n & US_STATE_MINOR_RULES
    # the law where the children are: the EU/UK age of consent and the UK Children's Code
    assert {"gdpr.child-consent-age", "uk.childrens-code"} <= n


def test_a_business_run_from_the_us_keeps_coppa_for_children_abroad() -> None:
    """The FTC's staff read COPPA as covering a US-based service that collects from children
    abroad, so the notice for parents stays; the European rules apply as well."""
    d = draft(**ABROAD, **{"children.operator_in_us": "yes"})
    text = clauses(d)
    assert "children.coppa-notice" in text and "children.known-outside-us" not in text
    n = notes(d)
    assert {"gdpr.child-consent-age", "uk.childrens-code"} <= n
    assert not n & US_STATE_MINOR_RULES  # state laws protect their own residents


@pytest.mark.parametrize("in_us, operator, coppa", [
    ("yes", None, True), ("unsure", None, True), ("no", "no", False), ("no", "yes", True),
    ("no", "unsure", True)])
def test_coppa_reach_and_its_questions_agree(in_us: str, operator: str | None, coppa: bool) -> None:
    """The COPPA follow-up questions are asked exactly when the notice for parents is drafted,
    and a "not sure" reads as inside COPPA with a question for counsel."""
    changes = {**ABROAD, "children.in_us": in_us}
    if operator:
        changes["children.operator_in_us"] = operator
    a = answers(**changes)
    shown = set(a.shown())
    d = project().draft(a)
    assert ("children.coppa-notice" in clauses(d)) is coppa
    assert {"children.collected", "children.consent_method"} <= shown if coppa else \
        not {"children.collected", "children.consent_method"} & shown
    assert ("children.operator_in_us" in shown) is (in_us == "no")
    n = notes(d)
    assert ("review.unsure-children-in-us" in n) is (in_us == "unsure")
    assert ("review.unsure-operator-in-us" in n) is (operator == "unsure")


def test_only_us_users_never_asks_where_the_children_live() -> None:
    a = answers()
    assert "children.in_us" not in a.shown() and "children.operator_in_us" not in a.shown()
    d = project().draft(a)
    assert "children.coppa-notice" in clauses(d)
    assert "review.unsure-children-in-us" not in notes(d)


def test_young_users_in_quebec_get_quebecs_own_age_of_consent() -> None:
    """Quebec sets 14, not 13: a firm with Quebec customers that knows under-16s use it is told."""
    base = project().answers(examples()["quebec-firm"])
    young = Answers(project().questionnaire, {**base.values, "children.under_16": "yes"})
    assert "quebec.minors-consent" in notes(project().draft(young))
    assert "quebec.minors-consent" not in notes(project().draft(base))


def test_coppa_for_a_us_run_service_does_not_bring_in_state_laws_for_children_abroad() -> None:
    """Connecticut counts a known child's data as sensitive, but a child abroad is no
    Connecticut consumer: whether the business is run from the US changes no state law."""
    from drafter.assemble import template_context
    law = {op: template_context(answers(**ABROAD, **{"children.operator_in_us": op}),
                                project().library)["law"] for op in ("no", "yes")}
    assert law["yes"].coppa and not law["no"].coppa
    assert law["yes"].statutes == law["no"].statutes
    assert law["yes"].other_states == law["no"].other_states
