"""Promises: commitments marked in clauses, recorded with their answers, linted and checked."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError

from drafter.project import Project
from drafter.promises import Promise, recording
from drafter.templating import compile_template
from tests.conftest import MINI

COMMITMENTS = """
commitments:
  id: promise.unbacked
  topic: consistency
  severity: warning
  message: 'No answer grants: {excerpts}.'
  patterns: ['\\bwithin \\d+ days\\b', '\\bwe never\\b']
"""


def test_a_promise_renders_its_body_and_records_its_basis() -> None:
    template = compile_template(
        'Hi. {% promise "a.b", "law.c" %}We reply within {{ n }} days.{% endpromise %} Bye.')
    with recording() as found:
        assert template.render(n="*30*") == r"Hi. We reply within \*30\* days. Bye."
    assert found == [Promise(r"We reply within \*30\* days.", ("a.b", "law.c"))]


def test_outside_a_recording_a_promise_is_only_text() -> None:
    assert compile_template('{% promise "a.b" %}x{% endpromise %}').render() == "x"


@pytest.mark.parametrize(("source", "message"), [
    ("{% promise %}x{% endpromise %}", "names the answers it rests on"),
    ("{% promise a.b %}x{% endpromise %}", "as quoted keys"),
    ('{% promise "a.b" + "c" %}x{% endpromise %}', "expected token ','"),
    ('{% promise "a.b" %}x', "endpromise"),
])
def test_a_malformed_promise_is_a_template_error(source: str, message: str) -> None:
    with pytest.raises(TemplateSyntaxError, match=message):
        compile_template(source)


def library_with(tmp_path: Path, body: str, when: str = "true") -> Project:
    root = tmp_path / "clauses"
    shutil.copytree(MINI / "clauses", root)
    with (root / "review-checks.yaml").open("a") as file:
        file.write(COMMITMENTS)
    (root / "main" / "extra.md.j2").write_text(
        f"---\nid: main.extra\nsection: main\norder: 20\nwhen: \"{when}\"\n---\n{body}\n")
    return Project.load(MINI / "questionnaire.yaml", root)


@pytest.mark.parametrize(("body", "when", "message"), [
    ('{% promise "business.nope" %}x{% endpromise %}', "true",
     "promise rests on 'business.nope', which is neither a question nor a law.* fact"),
    ('{% promise "business.size" %}x{% endpromise %}', "true",
     "promise rests on 'business.size', but the clause's `when` and text never read it"),
])
def test_lint_rejects_a_promise_resting_on_what_the_clause_does_not_read(
        tmp_path: Path, body: str, when: str, message: str) -> None:
    problems = library_with(tmp_path, body, when).lint()
    assert [str(p) for p in problems if message in str(p)], problems
    assert all(p.line == 7 for p in problems if "promise" in str(p))


@pytest.mark.parametrize(("body", "when"), [
    ('{% promise "business.size" %}x{% endpromise %}', "business.size == 'small'"),
    ('{% promise "business.size" %}{{ business.size }}{% endpromise %}', "true"),
])
def test_lint_accepts_a_promise_on_an_answer_the_clause_reads(
        tmp_path: Path, body: str, when: str) -> None:
    assert library_with(tmp_path, body, when).lint() == []


def notes(project: Project, check: str) -> list[str]:
    draft = project.draft(project.answers(MINI / "answers.yaml"), today=date(2026, 11, 2))
    return [n.message for n in draft.notes if n.check == check]


def test_a_commitment_outside_a_promise_is_a_note(tmp_path: Path) -> None:
    project = library_with(tmp_path, "We answer within 30 days. We never sell it.")
    assert notes(project, "promise.unbacked") == [
        'No answer grants: "We answer within 30 days."; "We never sell it.".']


def test_a_commitment_inside_a_promise_is_not(tmp_path: Path) -> None:
    body = ('{% promise "business.size" %}We answer within 30 days.{% endpromise %} '
            '{% promise "business.name" %}We never sell it.{% endpromise %}')
    project = library_with(tmp_path, body, when="business.size == 'small'")
    assert notes(project, "promise.unbacked") == []
    [clause] = [c for c in project.assemble(project.answers(MINI / "answers.yaml")).clauses()
                if c.id == "main.extra"]
    assert [p.basis for p in clause.promises] == [("business.size",), ("business.name",)]


def test_a_promise_resting_only_on_a_default_asks_the_owner_to_confirm(tmp_path: Path) -> None:
    # `business.staff` is not in the mini answers file; its value here is the default (None),
    # so the promise stands on nothing the owner said.
    body = '{% promise "business.staff" %}We never sell it.{% endpromise %}'
    project = library_with(tmp_path, body, when="business.staff is none")
    [message] = notes(project, "promise.default")
    assert '"We never sell it."' in message
    body = '{% promise "business.staff", "business.size" %}We never sell it.{% endpromise %}'
    project = library_with(tmp_path / "2", body,
                           when="business.staff is none and business.size == 'small'")
    assert notes(project, "promise.default") == []
