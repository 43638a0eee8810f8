"""The review reads our own published text as it reads anyone's: every required item that
applies to an example and that its draft says (a clause `satisfies` it) is found by the
item's `detect` patterns in the example's plain-text policy. A miss would be a wrong
"missing" note on a business's own policy once it leaves Drafter (counsel's exported copy,
the text pasted into a website), and a sign the patterns do not know plain English.
`tests/benchmarks/own_drafts_recall.py` prints the same figure for the built drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.paths import examples
from drafter.project import Project
from drafter.review.checks import detected
from tests.benchmarks.own_drafts_recall import said as said_items

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name", sorted(examples()))
def test_every_item_our_draft_says_is_found_in_its_text(project: Project, name: str) -> None:
    library = project.library
    answers = project.answers(examples()[name])
    text = (GOLDEN / name / "privacy-policy.txt").read_text()
    said = said_items(library, project.draft(answers).policy, answers)
    assert said, "the example's draft satisfies no requirement with `detect`"
    missed = [rid for rid in said if not detected(library.requirements[rid].requirement, text)]
    assert missed == []
