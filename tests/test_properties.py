"""For any valid answers, the pipeline gives a whole policy with no template leftovers."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from drafter.answers import Answers, answers_model, load_answers
from drafter.answers_file import AnswersFile
from drafter.assemble import template_context
from drafter.build import render
from drafter.project import Project
from drafter.export import formats
from tests.conftest import MINI, real_project
from tests.strategies import answers

PROJECT = real_project()
MINI_PROJECT = Project.load(MINI / "questionnaire.yaml", MINI / "clauses")
LEFTOVER = re.compile(r"\{\{|\{%|%\}|\}\}|\[[A-Za-z][A-Za-z _-]*\](?!\()")


def nested(values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    grouped: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        section, question = key.split(".", 1)
        grouped.setdefault(section, {})[question] = value
    return grouped


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers(PROJECT.questionnaire))
def test_any_valid_answers_make_a_whole_policy(values: dict[str, Any]) -> None:
    answers_model(PROJECT.questionnaire).model_validate(nested(values))  # drawn answers are valid
    answers = Answers(PROJECT.questionnaire, values)
    draft = PROJECT.draft(answers)
    context = template_context(answers, PROJECT.library)
    applicable = [s.spec.id for s in PROJECT.library.sections if s.condition.holds(context)]
    always = [s.spec.id for s in PROJECT.library.sections if s.spec.when == "true"]
    shown = [s.id for s in draft.policy.sections]
    assert set(always) <= set(shown), "every unconditional section, whatever the answers"
    assert shown == [s for s in applicable if s in shown], "only applicable ones, in order"
    assert all(s.clauses for s in draft.policy.sections)
    for suffix, data in render(draft, formats("md,txt")).items():
        text = data.decode()
        body = text.replace("<!--", "").replace("-->", "")
        assert not LEFTOVER.search(body), (suffix, LEFTOVER.search(body))


@settings(max_examples=40, deadline=None)
@given(answers(MINI_PROJECT.questionnaire))
def test_mini_answers_round_trip_through_yaml(values: dict[str, Any]) -> None:
    """What a script or the app saves, the loader reads back unchanged."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.yaml"
        file = AnswersFile.open(path)
        for key, value in values.items():
            file.set(key, value)
        file.save()
        loaded = load_answers(path, MINI_PROJECT.questionnaire, complete=False)
        assert dict(loaded.values) == values
