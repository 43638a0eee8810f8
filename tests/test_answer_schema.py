"""The JSON Schema of answers files (`drafter schema`) says what an answers file holds (what
the app saves) and accepts what `drafter` reads from a hand-edited one: both generated from the
questionnaire's types (`questions.value_type`, `drafter.answer_schema`).

Issue 15: the schema still said `format: date` and `type: integer` where the app and `drafter`
read "January 15, 2027", "180,000" or "last 4", so an editor marked answers wrong that a
build reads; and a number's lower bound came out as `ge`, which no JSON Schema validator
reads, so -1 people passed."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from drafter.answers import answers_model
from drafter.paths import examples
from drafter.project import Project
from drafter.schema import schema_text
from drafter.yamlio import parse_yaml
from tests.conftest import real_project

# What an owner may write for each kind of answer, as the app saves it and as typed by hand;
# some of them `drafter` refuses (a date with two readings, a count among other numbers).
WRITTEN: dict[str, list[Any]] = {
    "date": ["2027-01-15", "January 15, 2027", "15 January 2027", "Jan. 15 2027",
             "1/15/2027", "3/4/2027", "soon", 20270115],
    "number": [180000, 0, -1, "180,000", "last 4", "about 40", "4 or 5", 2.5, True],
    "bool": [True, False, "yes", "No", "on", "true", 1, 0, "maybe", 2],
    "phone": ["(702) 555-0142", "+44 20 7946 0958", 7025550142, "call me"],
    "url": ["example.com", "https://www.example.com/privacy", "not a site", 12],
    "email": ["privacy@example.com", "privacy", 12],
    "text": ["Acme", 94607, 1.5, True, ["a"]],
    "long_text": ["Line one\nline two", 12],
}


@pytest.fixture(scope="module")
def project() -> Project:
    return real_project()


@pytest.fixture(scope="module")
def validator(project: Project) -> Draft202012Validator:
    schema = json.loads(schema_text(project.questionnaire))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _reads(project: Project, doc: dict[str, Any]) -> bool:
    try:
        answers_model(project.questionnaire).model_validate(doc)
    except ValidationError:
        return False
    return True


def test_the_schema_accepts_every_answer_drafter_reads(project: Project,
                                                       validator: Draft202012Validator) -> None:
    """For every question of the kinds above, each value written for it: where `drafter`
    reads it, the schema accepts it (and the form saved is the schema's first form)."""
    refused: list[tuple[str, Any]] = []
    tried = 0
    for entry in project.questionnaire:
        question = entry.question
        for value in WRITTEN.get(question.type, ()):
            doc = {entry.section.id: {question.id: value}}
            if _reads(project, doc):
                tried += 1
                if not validator.is_valid(doc):
                    refused.append((entry.key, value))
    assert refused == []
    assert tried > 200


@pytest.mark.parametrize(("key", "value"), [
    ("policy.effective_date", "soon"), ("policy.effective_date", 20270115),
    ("audience.employees", -1), ("audience.employees", True), ("audience.employees", 2.5),
    ("business.has_app", "maybe"), ("business.has_app", 2),
    ("contact.email", 12), ("business.website", 12), ("business.name", ["a"]),
])
def test_the_schema_refuses_what_no_reading_takes(project: Project,
                                                  validator: Draft202012Validator, key: str,
                                                  value: Any) -> None:
    """Where the schema can tell (a type, a bound, a word that is no yes or no), it refuses
    what `drafter` refuses: an editor marks it before a build does."""
    section, question = key.split(".")
    doc = {section: {question: value}}
    assert not _reads(project, doc)
    assert not validator.is_valid(doc)


def test_each_kind_says_the_form_the_app_saves_first(project: Project) -> None:
    schema = json.loads(schema_text(project.questionnaire))
    fields = schema["$defs"]
    date_forms = fields["PolicyAnswers"]["properties"]["effective_date"]["anyOf"]
    assert date_forms[0] == {"format": "date", "type": "string",
                             "description": "As the app saves it."}
    assert "January 15, 2027" in date_forms[1]["description"]
    employees = fields["AudienceAnswers"]["properties"]["employees"]["anyOf"]
    assert employees[0]["type"] == "integer" and employees[0]["minimum"] == 0
    assert "last 4" in employees[1]["description"] and employees[2] == {"type": "null"}


def test_every_example_is_valid_by_the_schema(validator: Draft202012Validator) -> None:
    for name, path in examples().items():
        doc = json.loads(json.dumps(parse_yaml(path.read_text(), path), default=_iso))
        errors = [e.message for e in validator.iter_errors(doc)]
        assert errors == [], name


def _iso(value: object) -> str:
    assert isinstance(value, date)
    return value.isoformat()
