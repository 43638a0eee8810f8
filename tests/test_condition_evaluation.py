"""A condition reads its answers as Jinja's `TemplateExpression` does (drafter.evaluation keeps
one context per thread over the mapping last read, instead of a copy per call): never a value
from before the mapping changed, nor the `result` of the condition read before it."""

from __future__ import annotations

import sys
import threading

import pytest
from jinja2.environment import TemplateExpression

from drafter.errors import DrafterError
from drafter.templating import AnswerGroup, compile_condition, template_value

CONDITIONS = ["business.staff > 3", "'kiosks' in business.kinds", "law.coppa",
              "range(3) | list | length == 3", "namespace(a=1).a == 1",
              "business.missing is defined", "result", "data.parts | wording"]


def answers(staff: int = 5, result: object = "mine") -> dict[str, object]:
    return {"business": AnswerGroup(staff=staff, kinds=["kiosks"]),
            "law": AnswerGroup(coppa=False), "result": result,
            "data": template_value({"parts": ["all", {"text": "big", "when": "business.staff > 3"}]})}


def jinja_value(source: str, context: dict[str, object]) -> object:
    """What Jinja's own expression object gives (the way conditions were read before)."""
    return TemplateExpression(compile_condition(source).template, undefined_to_none=False)(
        **context)


@pytest.mark.parametrize("source", CONDITIONS)
def test_a_condition_reads_what_jinja_reads(source: str) -> None:
    context = answers()
    for other in CONDITIONS:  # each other one read just before, on the same mapping
        compile_condition(other).value(context)
        assert compile_condition(source).value(context) == jinja_value(source, context), other


def test_a_changed_mapping_is_read_as_it_is_now() -> None:
    """The mapping itself is read, not a copy kept from the last condition."""
    context = answers(staff=1)
    condition = compile_condition("business.staff > 3")
    assert condition.holds(context) is False
    context["business"] = AnswerGroup(staff=9, kinds=[])
    assert condition.holds(context) is True
    context["law"] = AnswerGroup(coppa=True)
    assert compile_condition("law.coppa").holds(context) is True
    del context["law"]
    with pytest.raises(DrafterError):
        compile_condition("law.coppa").holds(context)


def test_a_condition_read_inside_another_leaves_it_its_result() -> None:
    """`wording` reads each part's `when` while the condition around it is being read."""
    context = answers(staff=9)
    assert compile_condition("(data.parts | wording) == 'all and big'").holds(context)
    assert compile_condition("data.parts | wording").value(answers(staff=1)) == "all"
    assert compile_condition("result").value(context) == "mine"


def test_threads_reading_one_mapping_each_get_their_own_result() -> None:
    """Threads reading conditions on the same answers at the same time (the app's workers
    share a draft's context) each get their own condition's value."""
    context = answers(staff=0)
    barrier = threading.Barrier(4)
    seen: dict[int, set[object]] = {}

    def read(n: int) -> None:
        condition = compile_condition(f"business.staff + {n}")
        barrier.wait()
        seen[n] = {condition.value(context) for _ in range(10000)}

    threads = [threading.Thread(target=read, args=(n,)) for n in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns inside one another's conditions
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert seen == {n: {n} for n in range(4)}


def test_conditions_of_one_text_share_one_compiled_template() -> None:
    """Two `Condition`s of one text (the library read back from its cache holds such pairs:
    a clause's `when` and a law's) load its compiled template once, not once each."""
    from drafter.templating import Condition

    first, second = Condition("business.staff > 3"), Condition("business.staff > 3")
    assert first is not second
    assert first.template is second.template
    assert first.holds(answers()) and second.holds(answers())
