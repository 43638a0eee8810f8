"""The policy's effective date decides which dated duties apply, never the day it is built:
the same answers and library give the same text on any day (issue 19)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.build import render
from drafter.export import formats
from drafter.paths import examples
from tests.conftest import real_project

DAY_BEFORE, DAY_OF = date(2026, 12, 31), date(2027, 1, 1)


def dated(name: str, day: date, **more: object) -> Answers:
    project = real_project()
    answers = project.answers(examples()[name])
    return replace(answers, values={**answers.values, "policy.effective_date": day, **more})


def automated(day: date) -> Answers:
    return dated("california-store", day, **{
        "data_practices.automated_decisions": "yes",
        "data_practices.automated_logic": "A computer scores each return request.",
        "data_practices.automated_review": "yes"})


def clause_ids(answers: Answers) -> set[str]:
    return {c.id for c in real_project().assemble(answers).clauses()}


def applies(rid: str, answers: Answers) -> bool:
    project = real_project()
    entry = project.library.requirements[rid]
    return entry.applies.holds(template_context(answers, project.library))


@pytest.mark.parametrize("clock", ["2020-01-01", "2035-06-30"])
def test_a_dated_clause_starts_on_its_day_whatever_the_clock(
        monkeypatch: pytest.MonkeyPatch, clock: str) -> None:
    """California's ADMT notice (`in_force: 2027-01-01` in its front matter): left out of a
    policy dated the day before, in one dated that day, on any day the build runs."""
    monkeypatch.setenv("DRAFTER_TODAY", clock)
    assert real_project().library.requirements["ccpa.admt"].requirement.in_force == DAY_OF
    assert "california.admt" not in clause_ids(automated(DAY_BEFORE))
    assert not applies("ccpa.admt", automated(DAY_BEFORE))
    assert "california.admt" in clause_ids(automated(DAY_OF))
    assert applies("ccpa.admt", automated(DAY_OF))


@pytest.mark.parametrize("clock", ["2020-01-01", "2035-06-30"])
def test_a_dated_requirement_applies_from_its_day_whatever_the_clock(
        monkeypatch: pytest.MonkeyPatch, clock: str) -> None:
    """Vermont's design code (in force 1 Jan 2027), for a business it reaches."""
    monkeypatch.setenv("DRAFTER_TODAY", clock)
    for rid in ("vermont.design-code", "vermont.plain-language"):
        assert not applies(rid, dated("vermont-kids", DAY_BEFORE)), rid
        assert applies(rid, dated("vermont-kids", DAY_OF)), rid
    assert "children.teens" in clause_ids(dated("vermont-kids", DAY_OF))


def test_the_same_answers_give_the_same_text_on_any_day(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The policy's text (the publishable copy, without reviewer notes, which may speak of
    the day they are read, such as a date more than a year old) never depends on the clock."""
    project = real_project()
    texts = []
    for clock in ("2020-01-01", "2027-08-21", "2035-06-30"):
        monkeypatch.setenv("DRAFTER_TODAY", clock)
        answers = project.answers(examples()["chat-saas"])
        draft = replace(project.draft(answers), notes=())
        texts.append(render(draft, formats("md,txt"), clean=True))
    assert texts[0] == texts[1] == texts[2]
