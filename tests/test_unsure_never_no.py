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
rental marketplace (nonprofit, revenue and small-business questions); then, on further answer
sets (MORE), only the questions those two never show: the modules' own follow-ups (kiosk
cards and photos, contests in New York or Florida, client lists), the AI provider, staff,
UK analytics, few-minors, publisher-ads and abroad-operator questions, and the three that no
example reaches as written (a state count on a policy dated before October 2025, stored
cards, contest prizes over $5,000), opened by changing the answers that hide them. The sure
answers are those `drafter.unsure` reads (yes, no, each option) and, for a number or a list,
the lenient and strict readings of tests/test_review_unsure.py. The follow-ups add about half
a CPU second to the two sets' one and a half (time.thread_time, 2 Dec 2026)."""

from __future__ import annotations

from datetime import date
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
    # Found by MORE (2 Dec 2026): each counsel question states the duty the sure rule names.
    "ccpa.workforce-notice": "review.unsure-staff-notice",  # applicants need their own notice
    "ai.provider-training": "review.unsure-ai-provider-training",  # a provider that trains
    "kiosk.photo-face-geometry": "review.unsure-photo-faces",  # ask the suppliers
    "pci.stored-cards": "review.unsure-card-pci",  # ask for the latest assessment
}
FIXTURES = Path(__file__).parent / "fixtures"
BASES = (FIXTURES / "every-law.yaml", examples()["rental-marketplace"])
# (answers file, answers changed to open a follow-up): each tried only on the unsure questions
# it shows that BASES and the sets before it do not, so the cost grows with new questions only.
MORE: tuple[tuple[Path, dict[str, Any]], ...] = (
    (FIXTURES / "all-modules.yaml", {"security.card_storage": "us",
                                     "marketplace.prizes_over_5000": "yes"}),
    (examples()["kiosk"], {}),
    (examples()["chat-saas"], {}),
    (examples()["nebraska-weather"], {}),
    (examples()["uk-bakery"], {}),
    (FIXTURES / "outside-us-children.yaml", {}),
    (examples()["texas-small"], {"policy.effective_date": date(2025, 6, 1),
                                 "audience.us_states": ["montana"], "audience.people": 60000,
                                 "audience.residents_175k": ["none"],
                                 "audience.residents_100k": ["none"]}),
)


def sure_answers(answers: Answers, key: str) -> list[Any]:
    """The answers the owner could have given instead of "not sure"."""
    readings = READINGS.get(key) or ()
    sure = [*other_answers(answers, key), *readings]
    return [v for i, v in enumerate(sure) if v not in sure[:i]]


def unsure_shown(base: Answers) -> set[str]:
    return {e.key for e in PROJECT.questionnaire if e.question.unsure and e.key in base.shown()}


def silent_noes(base: Answers, keys: set[str] | None = None) -> set[tuple[str, str]]:
    """(question, requirement) pairs: a sure answer brings the requirement in, "not sure"
    does not (on the questions in `keys`, every one shown if None)."""
    library, catalog = PROJECT.library, PROJECT.library.requirements
    found: set[tuple[str, str]] = set()
    for entry in PROJECT.questionnaire:
        key = entry.key
        if not entry.question.unsure or key not in base.shown():
            continue
        if keys is not None and key not in keys:
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



def more_bases() -> list[tuple[Answers, set[str]]]:
    """Each further answer set with the unsure questions it is the first to show."""
    seen = set().union(*(unsure_shown(PROJECT.answers(path)) for path in BASES))
    out = []
    for path, changes in MORE:
        read = PROJECT.answers(path)
        base = Answers(read.questionnaire, {**read.values, **changes}, read.path)
        new = unsure_shown(base) - seen
        assert new, f"{path.name} {changes} shows no unsure question the sets before it miss"
        out.append((base, new))
        seen |= new
    return out


def test_not_sure_brings_in_every_requirement_on_the_follow_ups_too() -> None:
    found = set().union(*(silent_noes(base, keys) for base, keys in more_bases()))
    assert not found, "\n".join(f'{key} "not sure" drops {rid}' for key, rid in sorted(found))


def test_the_answer_sets_show_every_question_that_offers_not_sure() -> None:
    """So a new "not sure" question is tried on some answer set, or this fails and one is
    added to MORE."""
    every = {e.key for e in PROJECT.questionnaire if e.question.unsure}
    seen = set().union(*(unsure_shown(PROJECT.answers(path)) for path in BASES),
                       *(keys for _, keys in more_bases()))
    assert every - seen == set()
