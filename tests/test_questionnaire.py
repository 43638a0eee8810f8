"""Broken questionnaires fail at load with the file, line and id; valid ones resolve answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers import Answers
from drafter.errors import UserError
from drafter.questionnaire import load_questionnaire

HEAD = 'title: T\nversion: "1"\nsections:\n  - id: s\n    title: S\n    questions:\n'


def load(tmp_path: Path, questions: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(HEAD + questions)
    load_questionnaire(path)


@pytest.mark.parametrize(("questions", "message", "line", "field"), [
    ("      - {id: a, prompt: A, type: text}\n      - {id: a, prompt: B, type: bool}\n",
     "duplicate question id", 8, "s.a"),
    ("      - {id: a, prompt: A, type: text, when: s.zzz}\n",
     "`when` names 's.zzz', which is not an earlier question", 7, "s.a"),
    ("      - {id: a, prompt: A, type: text, when: s.b}\n      - {id: b, prompt: B, type: bool}\n",
     "`when` names 's.b', which is not an earlier question", 7, "s.a"),
    ("      - {id: a, prompt: A, type: text, when: 's.b =='}\n",
     "`when` is not a valid expression", 7, "s.a"),
    ("      - {id: a, prompt: A, type: one}\n",
     "a `one` question needs a non-empty `options` mapping", 7, "s.a"),
    ("      - {id: a, prompt: A, type: many, options: [x, y]}\n",
     "options must be a mapping", 7, "s.a.options"),
    ("      - {id: a, prompt: A, type: text, options: {x: X}}\n",
     "`options` only applies to one/many questions", 7, "s.a"),
    ("      - {id: a, prompt: A, type: colour}\n", "Input should be", 7, "s.a.type"),
    ("      - {id: a, prompt: A, type: records}\n", "a `records` question needs `fields`", 7,
     "s.a"),
    ("      - {id: a, prompt: A, type: bool, default: maybe}\n", "`default` is not a valid",
     7, "s.a"),
    ("      - {id: a, prompt: A, type: one, unsure: true, options: {unsure: U}}\n",
     "reserved", 7, "s.a"),
    ("      - {id: a, prompt: A, type: text, pattern: '(unclosed'}\n",
     "`pattern` is not a valid regular expression", 7, "s.a"),
    ("      - {id: A-b, prompt: A, type: text}\n", "String should match pattern", 7, "s.A-b"),
])
def test_broken_questionnaire(tmp_path: Path, questions: str, message: str, line: int,
                              field: str) -> None:
    with pytest.raises(UserError) as raised:
        load(tmp_path, questions)
    error = raised.value
    assert message in error.message
    assert (error.line, error.field) == (line, field)
    assert "\n" not in str(error)


def test_real_questionnaire_loads(project) -> None:  # type: ignore[no-untyped-def]
    assert len(project.questionnaire.entries) > 30


def test_when_hides_and_reveals(mini) -> None:  # type: ignore[no-untyped-def]
    q = mini.questionnaire
    assert "business.kiosk_cards" not in Answers(q, {"business.kinds": ["shop"]}).shown()
    assert "business.kiosk_cards" in Answers(q, {"business.kinds": ["kiosk"]}).shown()
    assert Answers(q, {}).resolved()["business.kinds"] == [], "unanswered many-of is an empty list"


def test_ask_takes_answers_one_at_a_time_in_order(mini) -> None:  # type: ignore[no-untyped-def]
    """`ask` asks only the shown questions, in order, and a question is shown by the answers
    given before it: the walk an owner (or a test drawing answers) makes, once."""
    q = mini.questionnaire
    given = {"business.name": "Acme", "business.kinds": ["kiosk"], "business.kiosk_cards": True}
    asked: list[str] = []

    def answer(entry):  # type: ignore[no-untyped-def]
        asked.append(entry.key)
        return given.get(entry.key)

    assert q.ask(answer) == q.walk(given)
    assert asked == Answers(q, given).shown()
    assert asked.index("business.kinds") < asked.index("business.kiosk_cards")
    asked.clear()
    given["business.kinds"] = ["shop"]
    q.ask(answer)
    assert "business.kiosk_cards" not in asked


def test_expression_names_match_jinjas_scope_analysis(project) -> None:  # type: ignore[no-untyped-def]
    """`referenced_names` skips Jinja's compiler for expressions (they declare nothing);
    on every real `when` it must find exactly what the compiler-based analysis finds."""
    from jinja2 import meta

    from drafter.templating import environment, referenced_names

    conditions = [c.source for entry in project.questionnaire for c in entry.conditions]
    conditions += [clause.meta.when for clause in project.library.clauses]
    assert len(set(conditions)) > 50
    for source in set(conditions):
        tree = environment().parse("{{ " + source + " }}")
        names = referenced_names(source, expression=True)
        assert {name.split(".")[0] for name in names} == meta.find_undeclared_variables(tree)
