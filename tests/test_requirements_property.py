"""For any valid answers, every requirement that applies is met by a clause or raised as a note.

Answers are drawn per question type from the questionnaire itself, so a new question is covered
without touching this file, and in order: a question is answered only when its `when` holds for
the answers drawn before it, as the owner would see it.
"""

from __future__ import annotations

import string
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.answers import Answers, validate_answers
from drafter.assemble import template_context
from drafter.build import Project
from drafter.questionnaire import UNSURE, Question

_WORDS = st.text(alphabet=string.ascii_letters + " *_[]<>#&", min_size=1, max_size=24).filter(
    lambda s: s.strip() != "")


@lru_cache(maxsize=1)
def project() -> Project:
    return Project.load()


def _value(question: Question, *, top: bool = True) -> st.SearchStrategy[Any]:
    """A valid answer to one question; "I'm not sure" where the owner may give it."""
    kind = question.type
    options = list(question.options or {})
    base: st.SearchStrategy[Any]
    if kind in ("text", "long_text"):
        base = _WORDS
    elif kind == "email":
        base = st.sampled_from(["privacy@shop.example", "a.b@c.example"])
    elif kind == "url":
        base = st.sampled_from(["https://shop.example", "https://shop.example/privacy?x=1"])
    elif kind == "phone":
        base = st.sampled_from(["+1 415 555 0100", "020 7946 0000"])
    elif kind == "date":
        base = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
    elif kind == "bool":
        base = st.booleans()
    elif kind == "number":
        base = st.one_of(
            st.sampled_from([0, 9_999, 10_000, 25_000, 35_000, 100_000, 175_000, 10_000_000]),
            st.integers(min_value=int(question.min or 0), max_value=20_000_000))
    elif kind == "one":
        base = st.sampled_from(options)
    elif kind == "many":
        base = st.lists(st.sampled_from(options), unique=True,
                        min_size=1 if question.required else 0)
    else:  # records
        fields = question.fields or []
        base = st.lists(st.fixed_dictionaries(
            {f.id: _value(f, top=False) for f in fields if f.required},
            optional={f.id: _value(f, top=False) for f in fields if not f.required}),
            max_size=3)
    # A required question cannot be left "not sure" (the tool asks for an answer instead).
    if question.unsure and not question.required:
        base = st.one_of(base, st.just(UNSURE))
    if top and not question.required:
        base = st.one_of(st.none(), base)
    return base


@st.composite
def answers(draw: st.DrawFn) -> Answers:
    """Answers in questionnaire order; a question is answered only if the answers so far show it."""
    questionnaire = project().questionnaire
    values: dict[str, Any] = {}
    doc: dict[str, dict[str, Any]] = {}
    for entry in questionnaire:
        if entry.key not in questionnaire.visible(values):
            continue
        value = draw(_value(entry.question))
        if value is not None:
            values[entry.key] = value
            doc.setdefault(entry.section.id, {})[entry.question.id] = value
    return validate_answers(doc, questionnaire, Path("drawn.yaml"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_applicable_requirements_are_met_or_noted(drawn: Answers) -> None:
    """Met by a selected clause, or a note naming the question that resolves it; and every
    shown question answered "not sure" gets a note pointing back to it (never a silent guess)."""
    library = project().library
    draft = project().draft(drawn)
    context = template_context(drawn, library)
    satisfied = draft.policy.satisfied()
    noted = {(n.requirement, n.resolves_by) for n in draft.notes}
    for rid, entry in library.requirements.items():
        if entry.applies.holds(context):
            assert rid in satisfied or (rid, entry.requirement.ask) in noted, rid
        else:
            assert rid not in {r for r, _ in noted}, rid
    asked = {n.resolves_by for n in draft.notes}
    unsure = [entry.key for entry, shown, value in project().questionnaire.walk(drawn.values)
              if shown and value == UNSURE]
    assert [key for key in unsure if key not in asked] == []
