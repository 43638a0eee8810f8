"""A question's `default:` is a suggestion the app shows, never an answer: a build uses only
what the owner gave or confirmed (GUIDE: "No statement without an answer"), so a suggestion
left unconfirmed is a question still to answer, named on one line, and no text rests on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.answers import Answers, load_answers, validate_answers
from drafter.errors import UserError
from drafter.paths import examples
from drafter.preview import preview_policy
from drafter.project import Project
from drafter.yamlio import parse_yaml


def without(text: str, key: str) -> str:
    """`text` with the line of `key` (the question id, indented once) removed."""
    line = re.compile(rf"^  {key}:.*\n", re.MULTILINE)
    assert line.search(text), key
    return line.sub("", text, count=1)


def test_an_unconfirmed_default_is_not_an_answer(project: Project, tmp_path: Path) -> None:
    """Kiosk without `rights.everyone` (suggested: yes): the build refuses on one line naming
    the question and the suggestion, rather than promising rights to everyone."""
    path = tmp_path / "answers.yaml"
    path.write_text(without(examples()["kiosk"].read_text(), "everyone"))
    with pytest.raises(UserError) as raised:
        load_answers(path, project.questionnaire)
    message = str(raised.value)
    assert "rights.everyone" in message and "not answered" in message
    assert "suggested" in message and "Yes" in message  # the suggestion, as the owner saw it
    loose = load_answers(path, project.questionnaire, complete=False)
    assert loose.resolved()["rights.everyone"] is None
    assert "rights.everyone" in loose.missing()


def test_no_clause_text_rests_on_an_unconfirmed_default(project: Project) -> None:
    """A draft made from answers that leave a suggestion unconfirmed (as `drafter review
    --answers` and the tests do with `complete=False`) reads the question as unanswered: the
    promise that rested on the suggestion is not made."""
    text = without(examples()["kiosk"].read_text(), "everyone")
    answers = validate_answers(parse_yaml(text, Path("kiosk.yaml")), project.questionnaire,
                               Path("kiosk.yaml"), complete=False)
    policy = project.assemble(answers)
    basis = {key for clause in policy.clauses() for promise in clause.promises
             for key in promise.basis}
    assert "rights.everyone" not in basis


def test_the_preview_shows_suggestions_as_suggestions(project: Project) -> None:
    """The app's preview stands in the suggestion, as it stands in a gap for a missing name,
    and its review says the promise rests on a suggestion the owner has not confirmed."""
    key = "policy.change_notice"  # a promise rests on it (rights.everyone's no longer does)
    given = load_answers(examples()["kiosk"], project.questionnaire)
    valid = {k: v for k, v in given.values.items() if k != key}
    preview = preview_policy(project, valid)
    assert preview.policy is not None
    suggested = project.questionnaire.entries[key].question.default
    assert suggested is not None
    assert preview.answers.resolved()[key] == suggested
    notes = project.review(preview.policy, preview.answers)
    assert any(n.check == "promise.default" and n.resolves_by == key for n in notes)


@pytest.mark.parametrize("example", list(examples()))
def test_examples_answer_every_question_they_are_asked(project: Project, example: str) -> None:
    """Every built-in example gives each answer it relies on: none rests on a suggestion."""
    answers = load_answers(examples()[example], project.questionnaire, complete=False)
    assert answers.missing() == []


def test_suggestions_are_not_answers_for_unanswered_lists(project: Project) -> None:
    """A many-of list answered with nothing ticked is an answer ("none of these"), unlike a
    list left at its suggestion."""
    q = project.questionnaire
    given = Answers(q, {"audience.regions": ["eu"], "marketplace.buyer_details": []})
    assert "marketplace.buyer_details" not in given.missing()
