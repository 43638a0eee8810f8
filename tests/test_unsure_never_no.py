"""Issue 16, the whole class: "not sure" is never a silent "no". For every question that offers
"I'm not sure" and every requirement, if some sure answer to that question would bring the
requirement in, the answer "not sure" must bring it in too: then the draft either meets it or
its note is taken into the one question for counsel that the "not sure" raises
(`review.checks.counsel_questions` takes every note that some other answer would not raise:
tests/test_unsure_not_absent.py shows it on drafts). A requirement that held under a sure
answer and not under "not sure" vanished without a word.

Judged on the conditions' contexts, not on whole drafts (a context costs a tenth of a draft):
each unsure question answered "not sure" in turn, on two answer sets that between them reach
every law (tests/fixtures/every-law.yaml, with its sold categories and children) and the
rental marketplace (nonprofit, revenue and small-business questions). The sure answers are
those `drafter.unsure` reads (yes, no, each option) and, for a number or a list, the lenient
and strict readings of tests/test_review_unsure.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.paths import examples
from drafter.questionnaire import UNSURE
from drafter.unsure import other_answers
from tests.conftest import real_project
from tests.test_review_unsure import READINGS

PROJECT = real_project()
# A requirement whose place "not sure" gives to another that says as much: a lesser rule that
# stands in for a stronger one only while the stronger does not apply ("not sure" reads the
# stricter way and brings the stronger in), or a sure answer's rule that counsel's own question
# for the "not sure" already states. Not a silent "no" as long as the other applies (checked).
INSTEAD = {
    "states.opt-out-signal": "ccpa.opt-out-signals",  # not sure of revenue or of being a nonprofit
    "nebraska.design-code-lb838": "nebraska.design-code",  # not sure of the share from sales
    "texas.sms-not-registered": "texas.sms-registration",  # counsel: registered or exempt?
}
BASES = (Path(__file__).parent / "fixtures" / "every-law.yaml", examples()["rental-marketplace"])


def sure_answers(answers: Answers, key: str) -> list[Any]:
    """The answers the owner could have given instead of "not sure"."""
    readings = READINGS.get(key) or ()
    sure = [*other_answers(answers, key), *readings]
    return [v for i, v in enumerate(sure) if v not in sure[:i]]


def silent_noes(base: Answers) -> set[tuple[str, str]]:
    """(question, requirement) pairs: a sure answer brings the requirement in, "not sure"
    does not."""
    library, catalog = PROJECT.library, PROJECT.library.requirements
    found: set[tuple[str, str]] = set()
    for entry in PROJECT.questionnaire:
        key = entry.key
        if not entry.question.unsure or key not in base.shown():
            continue
        unsure = Answers(base.questionnaire, {**base.values, key: UNSURE}, base.path)
        context = template_context(unsure, library)
        held = {rid for rid, c in catalog.items() if c.applies.holds(context)}
        held |= {rid for rid, other in INSTEAD.items() if other in held}
        for other in sure_answers(unsure, key):
            reading = template_context(
                Answers(base.questionnaire, {**base.values, key: other}, base.path),
                library, since=(unsure, context))
            found |= {(key, rid) for rid, c in catalog.items()
                      if rid not in held and c.applies.holds(reading)}
    return found


def test_not_sure_brings_in_every_requirement_a_sure_answer_would() -> None:
    found = set().union(*(silent_noes(PROJECT.answers(path)) for path in BASES))
    assert not found, "\n".join(f'{key} "not sure" drops {rid}' for key, rid in sorted(found))

