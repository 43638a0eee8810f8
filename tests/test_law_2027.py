"""Law through 2027 (issue 16, second part): Connecticut's PA 26-64, Colorado's biometric
duties for any controller, Montana's minors' duties, the Vermont and Nebraska design codes as
read, and a review rule that reads the policy's date (the UK regulator's new name)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.paths import examples
from drafter.review import Document, review_document
from drafter.review.document import markdown_blocks, read_document
from tests.conftest import real_project as project
from tests.test_law_2026 import clauses, context, dated, draft, notes

TODAY = date(2026, 12, 1)
CORPUS = Path(__file__).parent / "corpus" / "docs"
OLD_NAME = "You can complain to the Information Commissioner's Office at ico.org.uk."


def review_text(text: str, **options: Any) -> set[str | None]:
    document = Document(tuple(markdown_blocks(text)), "policy.md")
    return {n.check for n in review_document(document, project().library, today=TODAY,
                                             **options)}


def policy(day: str | None, sentence: str = OLD_NAME) -> str:
    header = f"Last updated: {day}\n\n" if day else ""
    return f"# Privacy policy\n\n{header}We bake bread in Leeds. {sentence}\n"


# --- a review rule that reads the policy's date ---

@pytest.mark.parametrize(("day", "fires"), [
    ("October 5, 2026", True), ("30 September 2026", True), ("2027-01-04", True),
    ("September 29, 2026", False), ("March 1, 2024", False), (None, False)])
def test_the_old_uk_regulator_name_is_noted_only_on_a_policy_dated_after_the_change(
        day: str | None, fires: bool) -> None:
    """From 30 Sep 2026 the UK regulator is the Information Commission (DUAA 2025 ss.
    117-119). A policy whose stated date is on or after that day and still names the
    Information Commissioner's Office gets advice; one dated earlier, or undated (nothing
    says it was written after the change), gets none."""
    assert ("outdated.uk-commissioner" in review_text(policy(day))) is fires


@pytest.mark.parametrize("sentence", [
    "Complain to the Information Commission (formerly the Information Commissioner's Office).",
    "Complain to the Information Commission, which replaced the Information Commissioner's "
    "Office.",
    "Complain to the ICO at ico.org.uk.",
    "Swiss users may complain to the Federal Data Protection and Information Commissioner.",
    "Jersey users may complain to the Jersey Office of the Information Commissioner."])
def test_the_new_name_or_another_regulator_is_no_old_name(sentence: str) -> None:
    assert "outdated.uk-commissioner" not in review_text(policy("October 5, 2026", sentence))


def test_the_note_is_advice_that_counsel_verifies() -> None:
    document = Document(tuple(markdown_blocks(policy("October 5, 2026"))), "policy.md")
    (note,) = [n for n in review_document(document, project().library, today=TODAY)
               if n.check == "outdated.uk-commissioner"]
    assert note.severity == "advice" and note.verify
    assert "Information Commission" in note.message and "2026" in (note.cite or "")


def test_with_answers_the_rule_reads_the_answers_date_not_the_text() -> None:
    """A review with answers reads their effective date (`policy.effective_date`), as every
    condition does: counsel's edited draft naming the old office is noted when the answers
    date the policy after the change, whatever (or whether) the text states."""
    base = project().answers(examples()["uk-bakery"])
    for day, fires in (("2026-11-24", True), ("2026-09-29", False)):
        answers = Answers(project().questionnaire,
                          {**base.values, "policy.effective_date": date.fromisoformat(day)})
        found = review_text(policy(None), answers=answers)
        assert ("outdated.uk-commissioner" in found) is fires, day


def test_the_rule_and_the_law_start_on_the_same_day() -> None:
    """The rule's condition repeats `law.uk_commission`'s start date: keep them equal."""
    rules = {c.rule.id: c.rule for c in project().library.review_rules.patterns}
    law = {d.name: d for d in project().library.laws}["uk_commission"]
    assert law.in_force is not None
    assert f"'{law.in_force.isoformat()}'" in (rules["outdated.uk-commissioner"].when or "")


def test_no_false_alarm_on_the_corpus_of_real_policies() -> None:
    """Two real policies name the office (GitHub's, 2024 and 2026 copies); both state an
    effective date of 1 February 2024, so neither gets the note."""
    naming = [p for p in sorted(CORPUS.iterdir())
              if "Commissioner\u2019s Office" in p.read_text(encoding="utf-8", errors="replace")
              or "Commissioner's Office" in p.read_text(encoding="utf-8", errors="replace")]
    assert len(naming) == 2
    for path in naming:
        found = review_document(read_document(path), project().library, today=TODAY)
        assert "outdated.uk-commissioner" not in {n.check for n in found}, path.name
