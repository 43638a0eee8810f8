"""A mistake in a questionnaire file reads the same whatever checks it (issue 13 moved its
questions, sections and moves from pydantic models to records, checked by pydantic only when
the file is parsed): each bad variant gives the line, field and message it gave when they were
pydantic models (pinned from that code; the same for all 21 then and now)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import UserError
from drafter.questionnaire import load_questionnaire

Q = "    - {id: q, prompt: Q, type: text}\n"
TYPES = ("Input should be 'text', 'long_text', 'email', 'url', 'phone', 'date', 'bool', "
         "'number', 'one', 'many' or 'records'")
HEAD = "title: T\nversion: '1'\nsections:\n  - id: s\n    title: S\n    questions:\n"


@pytest.mark.parametrize(("text", "expected"), [
    (HEAD + Q + "bogus: 1\n",
     (8, 'bogus', 'Extra inputs are not permitted')),
    (HEAD + "    - {id: q, prompt: Q, type: text, bogus: 1}\n",
     (7, 's.q.bogus', 'Extra inputs are not permitted')),
    (HEAD + "    - {id: Q-1, prompt: Q, type: text}\n",
     (7, 's.Q-1', "String should match pattern '^[a-z][a-z0-9_]*$'")),
    (HEAD + "    - {id: q, prompt: Q, type: texty}\n",
     (7, 's.q.type', TYPES)),
    (HEAD + "    - {id: q, prompt: Q, type: one, options: [a, b]}\n",
     (7, 's.q.options', 'Value error, options must be a mapping of stored value to '
     'the label shown')),
    (HEAD + "    - {id: q, prompt: Q, type: one, options: {a: {label: A, when: 1}}}\n",
     (7, 's.q', "Value error, option 'a': an option is its label, or a mapping of `label:` and "
     "`when:` (both text) and `exclusive:` (true or false)")),
    (HEAD + "    - {id: q, prompt: Q, type: text, required: true, optional: true}\n",
     (7, 's.q', 'Value error, a question is required or optional, not both')),
    (HEAD + "    - {id: q, type: text}\n",
     (7, 's.q.prompt', 'Field required')),
    (HEAD + "    - just words\n",
     (7, 's', 'Input should be a valid dictionary or instance of Question')),
    (HEAD + "    - {id: q, prompt: Q, type: many, options_from: {data: x, bogus: 1}}\n",
     (7, 's.q.constrained-str', 'Input should be a valid string')),
    (HEAD + "    - {id: q, prompt: Q, type: many, options_from: "
     "{data: x, within: {answer: A, all: b}}}\n",
     (7, 's.q.constrained-str', 'Input should be a valid string')),
    (HEAD + "    - {id: q, prompt: Q, type: many, options_from: "
     "{data: x, first: {a: {label: A, bogus: 1}}}}\n",
     (7, 's.q.constrained-str', 'Input should be a valid string')),
    (HEAD + "    - {id: q, prompt: Q, type: text, suggest: [{when: x}]}\n",
     (7, 's.q.answer', 'Field required')),
    (HEAD + "    - {id: q, prompt: Q, type: records, fields: [{id: a, prompt: A, type: textt}]}\n",
     (7, 's.q.a.type', TYPES)),
    (HEAD + Q + "moved: {s.old: {to: bad, values: {}}}\n",
     (8, 'str', 'Input should be a valid string')),
    (HEAD + Q + "moved: {s.old: {to: s.q, bogus: 1}}\n",
     (8, 'str', 'Input should be a valid string')),
    (HEAD.replace("title: S\n", "") + Q,
     (5, None, 'invalid YAML: mapping values are not allowed in this context')),
    (HEAD.replace("version: '1'\n", "") + Q,
     (1, 'version', 'Field required')),
    ("title: T\nversion: '1'\nsections: x\n",
     (3, 'sections', 'Input should be a valid list')),
    ("- a\n",
     (1, None, 'a questionnaire must be a mapping with title, version and sections')),
    (HEAD + "    - {id: q, prompt: Q, type: number, min: x}\n",
     (7, 's.q.min', 'Input should be a valid number, unable to parse string as a number')),
])
def test_a_mistake_in_a_questionnaire_names_its_line_and_field(
        tmp_path: Path, text: str, expected: tuple[int | None, str | None, str]) -> None:
    path = tmp_path / "questionnaire.yaml"
    path.write_text(text)
    with pytest.raises(UserError) as caught:
        load_questionnaire(path)
    assert (caught.value.line, caught.value.field, caught.value.message) == expected
