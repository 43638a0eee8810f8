"""Issue 16 audit: what rests on a text not read says so, and the duties of an amendment carry
its start date (COPPA as amended in 2025: compliance from 22 Apr 2026; UK GDPR Art. 25(1B)
from 5 Feb 2026)."""

from __future__ import annotations

from datetime import date

from drafter.assemble import template_context
from drafter.answers import Answers
from drafter.paths import examples
from tests.conftest import real_project as project

COPPA_AMENDED = date(2026, 4, 22)


def requirement(rid: str):
    return project().library.requirements[rid].requirement


def applies(rid: str, example: str, day: date) -> bool:
    base = project().answers(examples()[example])
    answers = Answers(project().questionnaire, {**base.values, "policy.effective_date": day})
    entry = project().library.requirements[rid]
    return entry.applies.holds(template_context(answers, project().library))


def test_the_sensitive_use_duty_says_what_was_not_read() -> None:
    verify = requirement("ccpa.sensitive-use").verify
    assert isinstance(verify, str) and "§7011" in verify


def test_coppa_third_parties_from_the_amended_rules_compliance_date() -> None:
    assert requirement("coppa.third-parties").in_force == COPPA_AMENDED
    assert not applies("coppa.third-parties", "kids-crafts", date(2026, 4, 21))
    assert applies("coppa.third-parties", "kids-crafts", COPPA_AMENDED)


def test_the_coppa_notice_stays_due_and_dates_only_its_amended_part() -> None:
    notice = requirement("coppa.notice")
    assert notice.in_force is None
    assert applies("coppa.notice", "kids-crafts", date(2026, 1, 5))
    assert "22 April 2026" in notice.note and "22 Apr 2026" in notice.cite


def test_the_uk_childrens_code_note_says_from_when_art_25_1b_applies() -> None:
    code = requirement("uk.childrens-code")
    assert "5 February 2026" in code.note and "Art. 25(1B)" in code.cite
