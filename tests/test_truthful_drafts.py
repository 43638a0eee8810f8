"""No statement without an answer: every commitment in every example, and in the draft from any
valid answers, is marked as a promise and rests on answers the owner gave (or a law they make
apply). The promise mechanism itself is tested in test_promises.py; this is the library's
guarantee."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from drafter.answers import Answers
from drafter.paths import examples
from tests.strategies import answers
from tests.conftest import real_project

TODAY = date(2026, 12, 1)
PROJECT = real_project()
LOOSE = ("promise.unbacked", "promise.default")


@pytest.mark.parametrize("name", sorted(examples()))
def test_every_promise_in_an_example_rests_on_an_answer(name: str) -> None:
    answers = PROJECT.answers(examples()[name])
    draft = PROJECT.draft(answers, today=TODAY)
    assert [n.message for n in draft.notes if n.check in LOOSE] == []
    promises = [p for c in draft.policy.clauses() for p in c.promises]
    assert len(promises) >= 10, "every example makes commitments; they must all be marked"
    laws = {f"law.{d.name}" for d in PROJECT.library.laws}
    for promise in promises:
        questions = [k for k in promise.basis if not k.startswith("law.")]
        assert set(promise.basis) - set(questions) <= laws
        assert set(questions) <= PROJECT.questionnaire.keys
        assert not questions or set(questions) & set(answers.values), (
            f"{promise.text!r} rests only on answers {name} never gave: {questions}")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers(PROJECT.questionnaire))
def test_any_answers_draft_no_commitment_outside_a_promise(values: dict[str, Any]) -> None:
    draft = PROJECT.draft(Answers(PROJECT.questionnaire, values), today=TODAY)
    assert [n.message for n in draft.notes if n.check == "promise.unbacked"] == []


@pytest.mark.parametrize(("key", "typed"), [("contact.officer", "FORBID"),
                                            ("business.name", "We Never Sell Ltd"),
                                            ("contact.officer", "Head of Encryption")])
def test_the_owners_own_words_are_no_commitment_of_ours(key: str, typed: str) -> None:
    """Found by the property test below (an officer called "FORBID"): an answer written into
    a clause as typed is the owner's, not a sentence of the library's that needs a promise."""
    base = PROJECT.answers(examples()["kiosk"])
    values = {**base.values, key: typed}
    draft = PROJECT.draft(Answers(PROJECT.questionnaire, values), today=TODAY)
    assert any(typed in clause.markdown for clause in draft.policy.clauses())
    assert [n.excerpt for n in draft.notes if n.check == "promise.unbacked"] == []


@pytest.mark.parametrize(("states", "named"), [(["texas"], None), (["illinois"], "bipa.consent")])
def test_a_check_names_a_requirement_only_where_it_applies(states: list[str],
                                                           named: str | None) -> None:
    """Found by the requirements property test: the biometric-consent check named Illinois's
    rule for a kiosk that has no kiosks in Illinois."""
    base = PROJECT.answers(examples()["kiosk"])
    values = {**base.values, "kiosks.biometric_consent": False, "kiosks.states": states}
    notes = PROJECT.draft(Answers(PROJECT.questionnaire, values), today=TODAY).notes
    [note] = [n for n in notes if n.check == "answers.biometric-shared-without-consent"]
    assert note.requirement == named
