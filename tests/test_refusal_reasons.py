"""Refusing a request, a business gives its reasons where a privacy law requires it: the CCPA
(11 CCR §7022(f)), the US state laws, GDPR Art. 12(4), and also PIPEDA (s. 8(7): a refusal in
writing, with reasons and recourse), Quebec's private-sector act (s. 34) and Brazil's LGPD
(Art. 18 §4). The sentence "we will tell you what we kept and why" was given only under the
first group, so a Canadian or Brazilian business's policy left out what its law requires."""

from __future__ import annotations

from datetime import date

import pytest

from drafter.paths import examples
from drafter.project import Project
from tests.changed_answers import changed, clause_text

TODAY = date(2026, 12, 2)
REASONS = "we will tell you what we kept and why"


@pytest.mark.parametrize("regions", [["canada"], ["brazil"]])
def test_canada_and_brazil_give_reasons_for_refusing(project: Project, regions: list[str]) -> None:
    answers = changed(project, examples()["quebec-firm"], audience__regions=regions)
    policy = project.draft(answers, TODAY).policy
    assert REASONS in clause_text(policy, "rights.overview")


def test_no_privacy_law_no_promise(project: Project) -> None:
    """A business no privacy law reaches makes no such promise (no answer gives it)."""
    answers = changed(project, examples()["texas-small"], audience__regions=["usa"],
                      audience__us_states=["nevada"])
    policy = project.draft(answers, TODAY).policy
    text = clause_text(policy, "rights.overview")
    assert text and REASONS not in text
