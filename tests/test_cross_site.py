"""CalOPPA asks a policy to say whether other companies may follow visitors over time and
across other websites (Cal. Bus. & Prof. Code §22575(b)(6)). For a business with analytics
tools and no advertising, the policy said neither (only what the tools see on the site) and
the review counted the requirement as met: no answer said which. Now the owner answers
`cookies.cross_site`; unanswered, nothing is said and a blocking note asks."""

from __future__ import annotations

from datetime import date
from typing import Any

from drafter.paths import examples
from drafter.project import Project
from tests.changed_answers import DROP, changed, clause_text

TODAY = date(2026, 12, 2)
FOLLOWS = "they can add this to what they see on other sites"
DOES_NOT = "They do not follow what you do on other websites"


def _draft(project: Project, **changes: Any) -> tuple[str, set[str]]:
    answers = changed(project, examples()["kiosk"], **changes)
    draft = project.draft(answers, TODAY)
    blocking = {n.check for n in draft.notes if n.severity == "blocking"}
    return clause_text(draft.policy, "cookies.third-party-tracking"), blocking


def test_unanswered_says_neither_and_blocks(project: Project) -> None:
    text, blocking = _draft(project, cookies__cross_site=DROP)
    assert "what you do on our website" in text
    assert FOLLOWS not in text and DOES_NOT not in text
    assert "answers.cross-site-unanswered" in blocking


def test_each_answer_says_its_own(project: Project) -> None:
    text, blocking = _draft(project, cookies__cross_site="no")
    assert DOES_NOT in text and FOLLOWS not in text
    assert "answers.cross-site-unanswered" not in blocking
    text, _ = _draft(project, cookies__cross_site="yes")
    assert FOLLOWS in text and DOES_NOT not in text


def test_advertising_tools_follow_without_the_question(project: Project) -> None:
    text, blocking = _draft(project, cookies__advertising=True, cookies__cross_site=DROP)
    assert FOLLOWS in text
    assert "answers.cross-site-unanswered" not in blocking
