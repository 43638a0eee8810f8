"""One rule for what is answered (`drafter.answered`): the app's progress (`drafter.standing`)
and the promises ledger counsel reads (`drafter.ledger`, `drafter promises`) say the same of
every question, read from the answers file alone.

Issue 15: the ledger counted a list not required and missing from the file as "left empty"
(complete, not unconfirmed) while the app counted it "to answer" until the owner saved `[]`;
and the app counted a `[]` that a build reads as not known (a required list, or a state band
list offering its own "None of these states") as answered."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import load_answers
from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.ledger import _answer
from drafter.paths import examples
from drafter.project import Project
from drafter.standing import counted, settled
from tests.conftest import real_project


@pytest.fixture(scope="module")
def project() -> Project:
    return real_project()


def states(project: Project, path: Path) -> dict[str, tuple[str, str]]:
    """Per question shown to both, the ledger's status and the app's count of it."""
    answers = load_answers(path, project.questionnaire, complete=False)
    shown = set(answers.shown())
    resolved = answers.resolved()
    session = Session.open(project, path)
    count = set(counted(session))
    found = {}
    for key in shown & set(session.visible()):
        ledger = _answer(key, answers, shown, resolved).status
        app = ("given" if settled(session, key) else "to answer") if key in count \
            else "left empty"
        found[key] = (ledger, app)
    return found


AGREE = {("given", "given"), ("left empty", "left empty"), ("not answered", "to answer"),
         ("default", "to answer")}


def variant(tmp_path: Path, name: str, changes: dict[str, Any]) -> Path:
    path = tmp_path / f"{name}.yaml"
    shutil.copy(examples()[name], path)
    file = AnswersFile.open(path)
    for key, value in changes.items():
        file.set(key, value)
    file.save()
    return path


@pytest.mark.parametrize(("name", "changes", "key", "expected"), [
    # a list not required, missing from the file: to answer, for both
    ("kiosk", {"sharing.catalog": None}, "sharing.catalog", ("not answered", "to answer")),
    # the owner's `[]`: their "none of these"
    ("kiosk", {"sharing.catalog": []}, "sharing.catalog", ("given", "given")),
    # an optional list missing: complete, counted by neither
    ("kiosk", {"sharing.vendors": None}, "sharing.vendors", ("left empty", "left empty")),
    # a required list saved empty needs a tick (a build refuses it)
    ("kiosk", {"collection.categories": []}, "collection.categories",
     ("not answered", "to answer")),
    # a band list offering "None of these states", saved empty: a build reads it as not known
    ("kiosk", {"audience.residents_100k": []}, "audience.residents_100k",
     ("not answered", "to answer")),
])
def test_the_ledger_and_the_app_count_a_list_alike(project: Project, tmp_path: Path, name: str,
                                                   changes: dict[str, Any], key: str,
                                                   expected: tuple[str, str]) -> None:
    assert states(project, variant(tmp_path, name, changes))[key] == expected


def test_every_question_of_every_example_is_counted_alike(project: Project,
                                                         tmp_path: Path) -> None:
    """Every example, and each with its lists taken out of the file: the ledger and the app
    agree on every question shown."""
    for name, source in sorted(examples().items()):
        held = AnswersFile.open(source).values()
        lists = {key: None for key in (f"{section}.{name}" for section, group in held.items()
                                       if isinstance(group, dict) for name in group)
                 if key in project.questionnaire
                 and project.questionnaire.entry(key).question.type in ("many", "records")}
        for path in (source, variant(tmp_path, name, lists)):
            found = states(project, path)
            assert {k: v for k, v in found.items() if v not in AGREE} == {}, (name, path)
