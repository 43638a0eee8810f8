"""Options never ticked with another (issue 15, desk-17): the file held `us_states:
[nationwide, …5 states]` with no message, and the policy read it as "all over the US". An
option that excludes the others is data (`exclusive: true` on the option in the
questionnaire); the answers model refuses a file holding it with another option, in one line
naming file, line and field, so `drafter build` and the app say so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.answer_check import check
from drafter.answers import parse_answers
from drafter.cli import main
from drafter.errors import UserError
from drafter.project import Project
from drafter.questionnaire import load_questionnaire
from drafter.questions import Question
from drafter.shown import ticked_alone
from tests.conftest import real_project

EXCLUDING = re.compile(r"^(none\b|neither\b|only\b|all over\b|no\b|nothing\b)", re.IGNORECASE)
"""How a label says that it excludes the other options of its list."""
NOT_EXCLUDING = {("security.measures", "access_controls")}
"""Labels read and found to exclude nothing ("Only staff who need it can see …" is one
safeguard among others)."""


@pytest.fixture(scope="module")
def project() -> Project:
    return real_project()


def test_every_option_that_excludes_the_others_is_marked_so(project: Project) -> None:
    """The whole class: every many-of option whose label excludes the others ("None of
    these", "Neither of these", "All over the US", "Only US territories …") is `exclusive`,
    and only those are."""
    found = {(e.key, option) for e in project.questionnaire if e.question.type == "many"
             for option, label in (e.question.options or {}).items()
             if EXCLUDING.match(label)} - NOT_EXCLUDING
    marked = {(e.key, option) for e in project.questionnaire for option in e.question.exclusive}
    assert found == marked
    assert ("audience.us_states", "nationwide") in marked
    assert ("data_practices.consumer_health", "none") in marked


@pytest.mark.parametrize(("key", "value", "alone"), [
    ("audience.us_states", "[nationwide, colorado, utah]", "nationwide"),
    ("audience.us_states", "[elsewhere, texas]", "elsewhere"),
    ("data_practices.ai_features", "[none, chatbot]", "none"),
])
def test_a_file_holding_an_exclusive_option_with_others_is_one_line(
        project: Project, tmp_path: Path, key: str, value: str, alone: str) -> None:
    section, question = key.split(".")
    text = f"{section}:\n  {question}: {value}\n"
    with pytest.raises(UserError) as caught:
        parse_answers(text, project.questionnaire, tmp_path / "a.yaml")
    message = str(caught.value)
    assert message.count("\n") == 0
    assert f"a.yaml:2: {key}: {alone} (" in message, message
    assert "never given with other options" in message


def test_drafter_build_refuses_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from drafter.paths import examples

    answers = tmp_path / "answers.yaml"
    text = examples()["colorado-gym"].read_text()
    assert "  us_states: [colorado]\n" in text
    answers.write_text(text.replace("  us_states: [colorado]\n",
                                    "  us_states: [nationwide, colorado, utah]\n"))
    assert main(["build", str(answers), "-o", str(tmp_path / "out"), "--format", "md"]) == 2
    err = capsys.readouterr().err
    line = text[:text.index("  us_states:")].count("\n") + 1
    assert err.count("\n") == 1 and f"answers.yaml:{line}: audience.us_states: nationwide" in err, err


def test_one_alone_is_fine(project: Project, tmp_path: Path) -> None:
    for key, value in [("audience.us_states", ["nationwide"]),
                       ("audience.residents_175k", ["none"]),
                       ("audience.us_states", ["texas", "utah"])]:
        assert check(project.questionnaire, key, value, tmp_path / "a.yaml") == (value,)


@pytest.mark.parametrize(("options", "message"), [
    ("{x: {label: X, exclusive: true}, y: Y}", None),
    ("{x: {label: X, exclusive: yes please}}", "`exclusive:` (true or false)"),
])
def test_exclusive_is_an_option_property(tmp_path: Path, options: str,
                                         message: str | None) -> None:
    path = tmp_path / "q.yaml"
    path.write_text('title: T\nversion: "1"\nsections:\n  - id: s\n    title: S\n    questions:\n'
                    f"      - {{id: a, prompt: A, type: many, options: {options}}}\n"
                    f"      - {{id: b, prompt: B, type: one, options: {{x: X, y: Y}}}}\n")
    if message is None:
        assert load_questionnaire(path).entry("s.a").question.exclusive == ("x",)
        return
    with pytest.raises(UserError, match=re.escape(message)):
        load_questionnaire(path)


def test_exclusive_only_on_a_many_question(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text('title: T\nversion: "1"\nsections:\n  - id: s\n    title: S\n    questions:\n'
                    "      - {id: b, prompt: B, type: one, options: {x: {label: X, "
                    "exclusive: true}, y: Y}}\n")
    with pytest.raises(UserError, match="only a `many` question"):
        load_questionnaire(path)


@pytest.mark.parametrize(("before", "after", "kept_ticks"), [
    (["nationwide"], ["nationwide", "texas"], ["texas"]),  # a state unticks "All over the US"
    (["texas", "utah"], ["texas", "utah", "nationwide"], ["nationwide"]),
    (["texas"], ["texas", "elsewhere"], ["elsewhere"]),
    (["nationwide"], ["nationwide", "elsewhere"], ["elsewhere"]),
    (["texas"], ["texas", "unsure"], ["unsure"]),
    (["texas"], ["texas", "utah"], ["texas", "utah"]),
])
def test_the_latest_tick_wins_for_every_exclusive_option(
        project: Project, before: list[str], after: list[str], kept_ticks: list[str]) -> None:
    question: Question = project.questionnaire.entry("audience.us_states").question
    assert ticked_alone(question, before, after) == kept_ticks
