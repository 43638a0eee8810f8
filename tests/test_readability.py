"""Issue 16: every example's whole plain-text policy reads at Flesch-Kincaid grade 9 or below,
measured as the issue measures it: textstat 0.7.3 on the whole `privacy-policy.txt`."""

from __future__ import annotations

import pytest

from drafter.build import render
from drafter.export import formats
from drafter.export.text import markdown_to_text
from drafter.paths import examples
from drafter.project import Project

textstat = pytest.importorskip("textstat")


@pytest.mark.parametrize("name", sorted(examples()))
def test_whole_policy_reads_at_grade_nine_or_below(project: Project, name: str) -> None:
    draft = project.draft(project.answers(examples()[name]))
    text = render(draft, formats("txt"))[".txt"].decode()
    assert textstat.flesch_kincaid_grade(text) <= 9


def test_a_table_row_reads_as_separate_statements() -> None:
    """The text export ends each "label: value" line as a sentence, so a table row is not
    counted (or read aloud) as one run-on sentence; a cell's own closing mark is kept."""
    text = markdown_to_text("| What | Why |\n|---|---|\n| Orders | To ship them |\n| Cards | Why not? |\n")
    assert "What: Orders." in text and "Why: To ship them." in text
    assert "Why: Why not?" in text and "not?." not in text
