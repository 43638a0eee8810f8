""""I'm not sure" readings (`drafter.unsure`) are worked out faster than afresh, and equal to
afresh: each other answer's context, made from the answers' own context with only the laws
that read a changed answer evaluated again (`laws.evaluate(since=…)`), is the context
`template_context` makes from nothing for the same answers, on every example's own "not sure"
answers, on each unsure question answered "not sure" in turn, and on drawn answers."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.paths import examples
from drafter.questionnaire import UNSURE
from drafter.statutes import StateCounts
from drafter.templating import AnswerGroup
from drafter.unsure import alternatives, other_answers
from tests.conftest import real_project
from tests.strategies import answers as drawn_answers

PROJECT = real_project()
# Every state a statute names: `law.residents` answers for any state (worked out when read).
STATES = sorted({d.statute.state for d in PROJECT.library.laws if d.statute is not None})


def normal(value: Any) -> Any:
    """A context as plain data to compare: `law.residents` (a `StateCounts`, which holds the
    function that counts an unnamed state) as its count for every state a statute names."""
    if isinstance(value, StateCounts):
        return {"named": normal({k: v for k, v in vars(value).items() if not k.startswith("_")}),
                "each": {state: normal(getattr(value, state)) for state in STATES}}
    if isinstance(value, AnswerGroup):
        return {"group": normal(vars(value))}
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normal(v) for v in value]
    return value


def afresh(answers: Answers, key: str, other: Any) -> Any:
    """The old way: the whole context built again for the answers with `key` changed."""
    changed = Answers(answers.questionnaire, {**answers.values, key: other}, answers.path)
    return normal(template_context(changed, PROJECT.library))


def assert_same_as_afresh(answers: Answers) -> int:
    readings = alternatives(answers, PROJECT.library)
    shown = set(answers.shown())
    assert set(readings) == {k for k, v in answers.values.items() if v == UNSURE and k in shown}
    for key, contexts in readings.items():
        others = other_answers(answers, key)
        assert len(contexts) == len(others)
        for i in reversed(range(len(others))):  # out of order: each is made on its own
            assert normal(contexts[i]) == afresh(answers, key, others[i]), (key, others[i])
    return sum(len(c) for c in readings.values())


def test_every_examples_readings_are_the_contexts_made_afresh() -> None:
    """Each example's own "not sure" answers; and each unsure question answered "not sure"
    on the first example that asks it (with that example's own)."""
    compared = 0
    tried: set[str] = set()
    for path in examples().values():
        given_answers = PROJECT.answers(path)
        compared += assert_same_as_afresh(given_answers)
        shown = set(given_answers.shown())
        for entry in PROJECT.questionnaire:
            if entry.question.unsure and entry.key in shown and entry.key not in tried:
                tried.add(entry.key)
                compared += assert_same_as_afresh(Answers(
                    given_answers.questionnaire, {**given_answers.values, entry.key: UNSURE},
                    given_answers.path))
    assert compared > 60  # the comparison ran on many readings, not on none


def test_all_unsure_at_once() -> None:
    """Every unsure question a business is asked answered "not sure" together: the laws then
    read many unknowns, and each reading changes one of them."""
    for name in ("california-store", "marketplace", "kids-crafts"):
        given_answers = PROJECT.answers(examples()[name])
        values = dict(given_answers.values)
        for _ in range(3):  # answering some opens others
            shown = set(Answers(given_answers.questionnaire, values).shown())
            values |= {e.key: UNSURE for e in PROJECT.questionnaire
                       if e.question.unsure and e.key in shown and other_answers(
                           Answers(given_answers.questionnaire, values), e.key)}
        assert assert_same_as_afresh(Answers(given_answers.questionnaire, values)) > 10


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn_answers(PROJECT.questionnaire))
def test_drawn_answers_readings_are_the_contexts_made_afresh(values: dict[str, Any]) -> None:
    assert_same_as_afresh(Answers(PROJECT.questionnaire, values))
