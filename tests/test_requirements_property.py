"""For any valid answers, every requirement that applies is met by a clause or raised as a note.

Answers are drawn per question type from the questionnaire itself, so a new question is covered
without touching this file, and in order: a question is answered only when its `when` holds for
the answers drawn before it, as the owner would see it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.answers import Answers, validate_answers
from drafter.assemble import template_context
from drafter.questionnaire import UNSURE
from tests.strategies import shown_answers
from tests.conftest import real_project as project


@st.composite
def answers(draw: st.DrawFn) -> Answers:
    """Valid answers, drawn in order as the owner would give them."""
    questionnaire = project().questionnaire
    values = draw(shown_answers(questionnaire))
    doc: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        section, question = key.split(".", 1)
        doc.setdefault(section, {})[question] = value
    return validate_answers(doc, questionnaire, Path("drawn.yaml"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_applicable_requirements_are_met_or_noted(drawn: Answers) -> None:
    """Met by a selected clause, or a note naming the question that resolves it (or taken into
    the question for counsel on that question, or on the "not sure" answer it hangs on); and every shown question answered "not sure"
    gets exactly one note pointing back to it, a question for counsel (never a silent guess,
    never a mark the owner is told to fix)."""
    library = project().library
    draft = project().draft(drawn)
    context = template_context(drawn, library)
    satisfied = draft.policy.satisfied()
    noted = {(n.requirement, n.resolves_by) for n in draft.notes} | {
        (rid, n.resolves_by) for n in draft.notes for rid in n.covers}
    # a requirement that applies only because another answer is "not sure" (a nonprofit might
    # be under the CCPA) is taken into the question for counsel on that answer
    unsure = {rid for n in draft.notes if drawn.values.get(n.resolves_by or "") == "unsure"
              for rid in n.covers}
    shown = set(drawn.shown())  # the walk the draft made of these answers (kept on them)
    for rid, entry in library.requirements.items():
        if entry.applies.holds(context):
            ask = entry.requirement.ask  # a note names it only where the owner is asked it
            ask = ask if ask in shown else None
            assert rid in satisfied or (rid, ask) in noted or rid in unsure, rid
        else:
            assert rid not in {r for r, _ in noted}, rid
    resolved = drawn.resolved()
    unsure = [key for key in drawn.shown() if resolved[key] == UNSURE]
    for key in unsure:
        assert [n.for_counsel for n in draft.notes if n.resolves_by == key] == [True], key
