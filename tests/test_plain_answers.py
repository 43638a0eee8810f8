"""Answers are plain values however the file writes them (`drafter.plain`), and writing one
back keeps everything else the owner wrote.

ruamel reads `sells: "no"` as its `DoubleQuotedScalarString` and `[a, b]` as a `CommentedSeq`;
the form once showed a quoted answer as no choice pressed because a comparison saw the class.
Every reader now gets `str`, `int`, `float`, `bool`, `date`, `list` and `dict` only."""

from __future__ import annotations

import random
from functools import lru_cache
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from drafter.answers import parse_answers
from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.paths import examples
from drafter.plain import plain
from drafter.project import Project
from drafter.yamlio import dump_yaml, parse_yaml

EXAMPLES = examples()
PLAIN = (type(None), bool, str, int, float, date, datetime)


def _is_plain(value: Any) -> bool:
    if isinstance(value, dict):
        return type(value) is dict and all(_is_plain(k) and _is_plain(v)
                                           for k, v in value.items())
    if isinstance(value, list):
        return type(value) is list and all(map(_is_plain, value))
    return type(value) in PLAIN


def _restyled(text: str, pick: random.Random | str) -> str:
    """The answers file `text` written again with each text quoted "…", '…' or not at all,
    and each list or mapping in flow (`[a, b]`) or block style: `pick` chooses each (or
    "quoted": everything double-quoted and in flow style)."""
    def style(node: Any) -> Any:
        choice = (lambda options: options[0]) if pick == "quoted" else pick.choice  # type: ignore[union-attr]
        if isinstance(node, (CommentedMap, CommentedSeq)):
            node.fa.set_flow_style() if choice([True, False]) else node.fa.set_block_style()
            items = node.items() if isinstance(node, CommentedMap) else enumerate(node)
            for key, value in list(items):
                node[key] = style(value)
            return node
        if isinstance(node, str):
            return choice([DoubleQuotedScalarString, SingleQuotedScalarString, str])(str(node))
        return node

    doc = parse_yaml(text, Path("answers.yaml"))
    for section in doc.values():  # the sections stay in block style, as an owner writes them
        for key, value in list(section.items()):
            section[key] = style(value)
    return dump_yaml(doc)


@lru_cache(maxsize=None)
def _read(name: str, project: Project) -> tuple[str, dict[str, Any], Any]:
    original = EXAMPLES[name].read_text(encoding="utf-8")
    path = Path("answers.yaml")
    return (original, dict(parse_answers(original, project.questionnaire, path).values),
            plain(parse_yaml(original, path)))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(EXAMPLES)), seed=st.randoms(use_true_random=False))
def test_any_quoting_or_flow_style_reads_as_the_same_plain_answers(
        project: Project, name: str, seed: random.Random) -> None:
    original, expected, as_read = _read(name, project)
    text = _restyled(original, seed)
    path = Path("answers.yaml")
    answers = parse_answers(text, project.questionnaire, path).values
    assert answers == expected and _is_plain(dict(answers))
    written = AnswersFile(path, parse_yaml(text, path), text)
    assert written.values() == as_read
    assert _is_plain(written.values())
    assert written.text() == text  # read and written again unchanged: quoting kept


def test_an_all_quoted_flow_style_file_drafts_the_same_policy(
        project: Project, tmp_path: Path) -> None:
    original = EXAMPLES["kiosk"].read_text(encoding="utf-8")
    quoted = tmp_path / "answers.yaml"
    quoted.write_text(_restyled(original, "quoted"), encoding="utf-8")
    assert 'name: "' in quoted.read_text() and ": [" in quoted.read_text()
    policies = [project.assemble(parse_answers(path.read_text(), project.questionnaire, path))
                for path in (EXAMPLES["kiosk"], quoted)]  # selected and rendered
    assert policies[0] == policies[1] and policies[0].sections
    session = Session.open(project, quoted, read_only=True)
    shown = {entry.key: session.value(entry.key) for entry in project.questionnaire}
    assert _is_plain(shown) and session.errors == {}


@pytest.mark.parametrize("value", ['"no"', "'no'", "no"])
def test_writing_one_answer_back_keeps_the_comments_and_quoting_of_the_rest(
        project: Project, tmp_path: Path, value: str) -> None:
    path = tmp_path / "answers.yaml"
    lines = EXAMPLES["kiosk"].read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  name: "))
    lines[at] = "  name: 'Quoted Kiosk Co'  # the legal name\n"
    lines.insert(at, "  # a comment counsel wrote\n")
    sells = next(i for i, line in enumerate(lines) if line.lstrip().startswith("sells: "))
    lines[sells] = lines[sells].split(":")[0] + f": {value}\n"
    before = "".join(lines)
    path.write_text(before, encoding="utf-8")
    session = Session.open(project, path)
    key = next(entry.key for entry in project.questionnaire
               if entry.key.endswith(".sells"))
    assert session.value(key) == "no" and type(session.value(key)) is str
    assert session.value("business.name") == "Quoted Kiosk Co"
    assert type(session.value("business.name")) is str
    assert session.unchanged(key, "no")  # the form shows the quoted answer as the answer
    session.set("policy.effective_date", "2026-12-01")
    session.close()
    after = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(old, new) for old, new in zip(before.splitlines(keepends=True), after)
               if old != new]
    assert len(after) == len(lines) and len(changed) == 1
    assert "effective_date" in changed[0][1]


def test_values_are_compared_by_kind_not_by_class() -> None:
    """i18n lint compares a translation's shape with the English file's by `kind`: text is
    text whatever class holds it, a yes is not a number, and 1 and 1.5 are both numbers."""
    from ruamel.yaml.scalarfloat import ScalarFloat

    from drafter.plain import kind

    assert kind(DoubleQuotedScalarString("a")) == kind("a") == "text"
    assert kind(ScalarFloat(1.5, prec=1, width=3)) == kind(1) == "number"
    assert kind(True) != kind(1)
    assert kind(CommentedSeq()) == kind([]) and kind(CommentedMap()) == kind({})
    assert plain(ScalarFloat(1.5, prec=1, width=3)).__class__ is float
