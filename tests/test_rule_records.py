"""A mistake in review-checks.yaml or answer-checks.yaml reads the same whatever checks it
(issue 13 moved their rules from pydantic models to records, checked by pydantic only when a
file is read): each bad variant below gives the file, line, field and message it gave when the
rules were pydantic models (pinned from that code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import UserError
from drafter.review.answer_rules import load_answer_checks
from drafter.review.text_rules import validate_text_rules
from drafter.yamlio import load_data

RULE = "{id: r, topic: placeholder, severity: warning, message: m, "
TEXT = ("default_laws: [ccpa]\nhistory: [until]\n"
        "company_names: {id: c, topic: consistency, severity: warning, message: m,\n"
        "  pattern: '(?P<name>A)(?P<sep>,)(?P<suffix>Inc)'}\n"
        "effective_date: {id: d, topic: changes, severity: warning, message: m,\n"
        "  pattern: '(?P<date>x)', formats: ['%Y'], max_age_months: 12}\n")


@pytest.mark.parametrize(("extra", "line", "field", "message"), [
    ("bogus: 1\n", 7, "bogus", "Extra inputs are not permitted"),
    ("placeholders:\n- just words\n", 8, "placeholders.0",
     "Input should be a valid dictionary or instance of PatternRule"),
    ("placeholders:\n- " + RULE + "patterns: ['(']}\n", 8, "r.patterns",
     "Value error, pattern '(' is invalid: missing ), unterminated subpattern at position 0"),
    ("placeholders:\n- " + RULE + "patterns: [a], hint: [Word]}\n", 8, "r.hint",
     "Value error, hint words are matched in lower-cased text: write them in lower case"),
    ("risky:\n- " + RULE + "patterns: [a], when: 'a ==', bogus: 2}\n", 8, "r.when",
     "Value error, not a valid expression: unexpected ')'"),
    ("expected:\n- " + RULE + "patterns: [a], bogus: 2}\n", 8, "r.bogus",
     "Extra inputs are not permitted"),
    ("outdated:\n- " + RULE.replace("placeholder", "weather") + "patterns: [a]}\n", 8,
     "r.topic", "Input should be 'scope', 'collection', 'use', 'sharing', 'sale', 'cookies', "
     "'do-not-track', 'choice', 'access', 'rights', 'retention', 'security', 'children', "
     "'international', 'changes', 'contact', 'terminology', 'placeholder', 'outdated' or "
     "'consistency'"),
    ("terminology:\n- " + RULE + "variants: {a: '['}}\n", 8, "r.variants",
     "Value error, pattern '[' is invalid: unterminated character set at position 0"),
    ("terminology:\n- " + RULE + "variants: {a: b}, unless: ['(']}\n", 8, "r.unless",
     "Value error, pattern '(' is invalid: missing ), unterminated subpattern at position 0"),
    ("repeats: " + RULE + "min_words: 2}\n", 7, "repeats.min_words",
     "Input should be greater than or equal to 4"),
    ("commitments: " + RULE + "patterns: a}\n", 7, "commitments.patterns",
     "Input should be a valid list"),
    ("facts: {x: {help: h}}\n", 7, "facts.x.answers", "Field required"),
    ("history_next: ['(']\n", 7, "history_next",
     "Value error, pattern '(' is invalid: missing ), unterminated subpattern at position 0"),
    ("languages: en\n", 7, "languages", "Input should be a valid list"),
])
def test_a_mistake_in_review_checks_names_its_line_and_field(
        tmp_path: Path, extra: str, line: int, field: str, message: str) -> None:
    path = tmp_path / "review-checks.yaml"
    path.write_text(TEXT + extra)
    with pytest.raises(UserError) as caught:
        validate_text_rules(load_data(path))
    assert (caught.value.path, caught.value.line, caught.value.field, caught.value.message) \
        == (path, line, field, message)


def test_review_checks_without_a_required_part_names_it(tmp_path: Path) -> None:
    path = tmp_path / "review-checks.yaml"
    path.write_text(TEXT.replace("history: [until]\n", "").replace(
        "formats: ['%Y'], ", "").replace("(?P<sep>,)", ""))
    with pytest.raises(UserError) as caught:
        validate_text_rules(load_data(path))
    assert (caught.value.line, caught.value.field, caught.value.message) == (
        1, "history", "Field required")


CHECK = "- id: a.b\n  topic: sale\n  severity: warning\n  when: 'x'\n  message: m\n"
EXAMPLES = "  examples:\n    fires: [{example: e}]\n    silent: [{example: e}]\n"


@pytest.mark.parametrize(("text", "line", "field", "message"), [
    (CHECK + "  items: 'y'\n", 1, "a.b",
     "Value error, a check with `items` needs {items} in its message"),
    (CHECK + "  bogus: 1\n", 6, "a.b.bogus", "Extra inputs are not permitted"),
    (CHECK.replace("  when: 'x'\n", ""), 1, "a.b.when", "Field required"),
    (CHECK + "  unless_met: x\n", 6, "a.b.unless_met", "Input should be a valid list"),
    (CHECK + EXAMPLES.replace("[{example: e}]\n    silent", "[]\n    silent"), 7,
     "a.b.examples.fires", "List should have at least 1 item after validation, not 0"),
    (CHECK + EXAMPLES.replace("{example: e}]\n", "{example: e, bogus: 1}]\n", 1), 7,
     "a.b.examples.fires.0.bogus", "Extra inputs are not permitted"),
    (CHECK + EXAMPLES.replace("silent: [{example: e}]", "silent: [e]"), 8,
     "a.b.examples.silent.0",
     "Input should be a valid dictionary or instance of CheckExample"),
    (CHECK + EXAMPLES.replace("{example: e}]\n", "{example: e, policy: p}]\n", 1), 7,
     "a.b.examples.fires.0.policy", "Input should be a valid list"),
    (CHECK + "  examples: x\n", 6, "a.b.examples",
     "Input should be a valid dictionary or instance of CheckExamples"),
    ("- just words\n", 1, "0", "Input should be a valid dictionary or instance of AnswerCheck"),
])
def test_a_mistake_in_answer_checks_names_its_line_and_field(
        tmp_path: Path, text: str, line: int, field: str, message: str) -> None:
    path = tmp_path / "answer-checks.yaml"
    path.write_text(text)
    with pytest.raises(UserError) as caught:
        load_answer_checks(path)
    assert (caught.value.path, caught.value.line, caught.value.field, caught.value.message) \
        == (path, line, field, message)
