"""rights.verification and rights.agents under the CCPA: the policy states California's rule
whatever the owner answers, so the questions' help says so and that the answer then changes
nothing in the policy (a business under the CCPA was asked as though its answer counted)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drafter.assemble import assemble, template_context
from drafter.paths import examples
from drafter.project import Project

KEYS = ("rights.verification", "rights.agents")


def _text(policy: object) -> str:
    return "\n".join(c.markdown for s in policy.sections for c in s.clauses)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "es", "fr-CA"])
def test_under_the_ccpa_the_answers_change_nothing_in_the_policy(project: Project,
                                                                 lang: str) -> None:
    answers = project.answers(examples()["texas-small"])  # builds in every language
    values = dict(answers.values)
    values["audience.us_states"] = ["california", "texas"]
    ccpa = replace(answers, values=values)
    context = template_context(ccpa, project.library)
    if not context["law"].ccpa:
        values["audience.revenue"] = "over_26m"
        ccpa = replace(answers, values=values)
        assert template_context(ccpa, project.library)["law"].ccpa
    texts = set()
    for given in (True, False, None):
        changed = {k: v for k, v in values.items() if k not in KEYS}
        changed |= {k: given for k in KEYS} if given is not None else {}
        texts.add(_text(assemble(replace(answers, values=changed), project.library, lang)))
    assert len(texts) == 1


@pytest.mark.parametrize("key", KEYS)
def test_the_help_says_the_answer_changes_nothing_under_the_ccpa(project: Project,
                                                                 key: str) -> None:
    question = project.answers(examples()["texas-small"]).questionnaire.entry(key).question
    assert "CCPA" in question.help and "whatever you answer" in question.help
    assert "changes nothing" in question.help and "leave it empty" in question.help
    assert "Otherwise" in question.help  # and what it changes where the CCPA does not apply
