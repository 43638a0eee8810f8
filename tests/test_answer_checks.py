"""Contradictions between answers (`clauses/answer-checks.yaml`): each check's own `examples`
fire it and keep it silent, the example businesses raise no contradiction, and a check whose
disclosure the policy already makes (`unless_met`) stays silent on drafts and texts that make
it."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafter import records
from drafter.answers import Answers
from drafter.project import Project
from drafter.paths import default_library, examples
from drafter.document.model import Note
from drafter.review.check_examples import example_notes
from drafter.document.model import SEVERITIES
from drafter.lint import lint_review
from drafter.review.rules import (ANSWER_CHECKS, CheckExample, CompiledAnswerCheck,
                                  load_review_rules)
from tests.changed_answers import DROP, changed

TODAY = date(2026, 11, 22)


def answers(project: Project, example: str, *, complete: bool = False,
            **changes: Any) -> Answers:
    """An example's answers with `section__question=value` changed (or dropped with DROP);
    with `complete`, every required answer must still be there."""
    return changed(project, examples()[example], complete=complete, **changes)


def fired(project: Project, given: Answers) -> dict[str, Note]:
    """Each check that fired, with its note (a question for counsel, for a check it took in)."""
    notes = project.draft(given, TODAY).notes
    return {**{c: n for n in notes for c in n.covers}, **{n.check: n for n in notes}}


RULES = load_review_rules(default_library())


_NOTES: dict[str, tuple[Note, ...]] = {}


def notes_on(project: Project, example: CheckExample) -> tuple[Note, ...]:
    """The notes on a check example, drafted once: a fifth of the examples (a bare example
    business, most often) serve more than one check."""
    key = json.dumps(records.dump_data(example), sort_keys=True)
    if key not in _NOTES:
        _NOTES[key] = tuple(example_notes(project, example, TODAY))
    return _NOTES[key]


def _at_most(severity: str, limit: str) -> bool:
    return SEVERITIES.index(severity) <= SEVERITIES.index(limit)


@pytest.mark.parametrize("compiled", RULES.answer_checks, ids=lambda c: c.check.id)
def test_check_examples(project: Project, compiled: CompiledAnswerCheck) -> None:
    """Every check has examples (a check without them fails here), each firing example gets
    exactly one note from it, with its words, and each silent example gets none."""
    rule = compiled.check
    assert rule.examples is not None, f"{rule.id}: add `examples` (fires and silent)"
    fires, silent = rule.examples.fires, rule.examples.silent
    assert not [e for e in fires if e in silent], f"{rule.id}: an example both fires and not"
    lead = rule.message.split("{items}")[0].strip()
    for example in fires:
        mine = [n for n in notes_on(project, example) if n.check == rule.id]
        assert len(mine) == 1, (rule.id, example)
        note = mine[0]
        assert note.message.startswith(lead), (rule.id, note.message)
        assert "{items}" not in note.message
        # stricter only when it stands in for the unmet requirement it names
        assert note.severity == rule.severity or (
            rule.requirement and _at_most(note.severity, rule.severity)), (rule.id, example)
        assert (note.cite, note.resolves_by) == (rule.cite, rule.resolves_by)
        if example.policy is None and rule.anchor is not None:
            assert note.anchor is not None, (rule.id, "its anchor is in no section of the draft")
    for example in silent:
        notes = notes_on(project, example)
        assert rule.id not in {n.check for n in notes}, (rule.id, example)


def test_a_check_without_examples_is_reported_by_lint(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    path = root / ANSWER_CHECKS
    text = path.read_text()
    start = text.index("  examples:", text.index("id: answers.one-request-method"))
    end = text.index("\n- id:", start)
    path.write_text(text[:start] + text[end + 1:])
    project = Project.load(library=root)
    warnings = [str(w) for w in lint_review(load_review_rules(root), project.questionnaire,
                                            project.library)]
    assert any("answers.one-request-method: check has no `examples`" in w for w in warnings)


@pytest.mark.parametrize("example", list(examples()))
def test_no_contradiction_in_any_example(project: Project, example: str) -> None:
    """The examples are complete businesses: at most advice from the answer checks."""
    notes = project.draft(answers(project, example), TODAY).notes
    assert not [n for n in notes if n.owner_blocking]  # a "not sure" is counsel's question
    assert not [n.check for n in notes if n.check.startswith("answers.")
                and n.check != "answers.unsure" and n.severity != "advice"]


def test_staff_not_held_is_one_note_with_californias_advice(project: Project) -> None:
    """Issue 15: 17 of the 19 examples had people at work and said they held nothing about
    staff; only California's advice (`ccpa.workforce-count`) said so, for four of them. The
    answer check says it for every business, and where California's law applies it and that
    advice are one note, at the check's severity."""
    for example in ("california-store", "texas-small"):
        notes = project.draft(answers(project, example, collection__staff=False,
                                      collection__staff_notice=DROP), TODAY).notes
        staff = [n for n in notes if n.check == "answers.staff-not-held"
                 or n.requirement == "ccpa.workforce-count"]
        assert [(n.check, n.severity) for n in staff] == [("answers.staff-not-held",
                                                           "warning")], example


def test_every_check_is_usable_and_lint_is_quiet(project: Project) -> None:
    """No check waits for a question, and every `resolves_by` is a question."""
    rules = load_review_rules(project.library.root)
    assert lint_review(rules, project.questionnaire, project.library) == []


# --- checks that the policy's own words can settle (`unless_met`) ---

def test_no_sale_but_ads_silent_when_the_draft_discloses_sharing(project: Project) -> None:
    """The California store says "no" to selling but uses ad pixels: its draft says the data
    is shared and offers the opt-out, so there is nothing to contradict."""
    store = answers(project, "california-store")
    assert "choice.opt-out-sale" in {c.id for c in project.draft(store, TODAY).policy.clauses()}
    assert "answers.no-sale-but-ads" not in fired(project, store)


def _library_without(tmp_path: Path, clause: str) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    (root / clause).unlink()
    return root


@pytest.mark.parametrize(("check", "example", "clause"), [
    ("answers.no-sale-but-ads", "california-store", "choice/opt-out-sale.md.j2"),
    ("answers.processor-without-routing", "chat-saas", "modules/client-data/requests.md.j2"),
])
def test_fires_on_a_draft_without_the_disclosure(tmp_path: Path, check: str, example: str,
                                                 clause: str) -> None:
    trimmed = Project.load(library=_library_without(tmp_path, clause))
    assert check in fired(trimmed, answers(trimmed, example))


@pytest.mark.parametrize(("old", "new", "warning"), [
    ("unless_met: [processor.requests-to-client]", "unless_met: [processor.no-such-thing]",
     "answers.processor-without-routing: `unless_met` names unknown requirement "
     "'processor.no-such-thing'"),
    ("requirement: gdpr.representative", "requirement: gdpr.no-such-thing",
     "answers.eu-without-representative: `requirement` names unknown requirement "
     "'gdpr.no-such-thing'"),
])
def test_requirements_named_by_checks_exist(tmp_path: Path, old: str, new: str,
                                            warning: str) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    path = root / ANSWER_CHECKS
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    project = Project.load(library=root)
    warnings = [str(w) for w in lint_review(load_review_rules(root), project.questionnaire,
                                            project.library)]
    assert any(warning in w for w in warnings), warnings


def test_an_answer_check_and_the_unmet_requirement_it_names_make_one_note() -> None:
    from drafter.review.checks import one_note_per_requirement

    unmet = Note(id="", severity="blocking", topic="international", message="general",
                 check="requirement", requirement="gdpr.representative")
    specific = Note(id="", severity="warning", topic="international", message="specific",
                    check="answers.eu-without-representative", requirement="gdpr.representative")
    other = Note(id="", severity="advice", topic="scope", message="other", check="requirement",
                 requirement="ccpa.in-app")
    (kept, rest) = one_note_per_requirement([unmet, specific, other])
    assert (kept.message, kept.severity, rest) == ("specific", "blocking", other)
    assert one_note_per_requirement([unmet, other]) == [unmet, other]
