"""`clauses/evidence-checks.yaml` is checked like the other review data: it loads, each
expression compiles and names only questions, laws and `evidence`."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.evidence.notes import evidence_check_problems, load_evidence_checks
from drafter.paths import default_library
from drafter.review.rules import condition_names
from tests.conftest import real_project

GOOD = """- id: evidence.x
  topic: cookies
  severity: warning
  when: "cookies.advertising and evidence.ad_cookies"
  message: m
"""


def known() -> set[str]:
    project = real_project()
    return set(condition_names(project.questionnaire, project.library))


def test_the_real_checks_load_and_lint_clean() -> None:
    assert len(load_evidence_checks(default_library())) == 5
    assert evidence_check_problems(default_library(), known()) == []


@pytest.mark.parametrize("change, message", [
    (("cookies.advertising and", "cookies.adverts and"),
     "evidence-checks.yaml:4: evidence.x: `when` uses 'cookies.adverts', which is neither"),
    (("evidence.ad_cookies", "evidence.ad_cookie"),
     "yaml:4: evidence.x: `when` uses 'evidence.ad_cookie', which is neither a question, a law"),
    (("and evidence", "and and evidence"), "evidence-checks.yaml:4: evidence.x: `when` is not a valid"),
    (("severity: warning", "severity: loud"), "evidence-checks.yaml:3: evidence.x.severity: Input"),
    (("id: evidence.x", "id: x"), "evidence-checks.yaml:1: x.id: String should match"),
])
def test_a_bad_check_is_one_line_naming_file_line_and_field(tmp_path: Path,
                                                            change: tuple[str, str],
                                                            message: str) -> None:
    (tmp_path / "evidence-checks.yaml").write_text(GOOD.replace(*change))
    (problem,) = evidence_check_problems(tmp_path, known())
    assert message in str(problem), str(problem)



def test_a_duplicate_id_is_named_at_its_second_entry(tmp_path: Path) -> None:
    """Every list of entries in the library (requirements, answer and evidence checks) is read
    by one `DataFile.validated_entries`: a second entry with an id is named at its line."""
    (tmp_path / "evidence-checks.yaml").write_text(GOOD + GOOD)
    (problem,) = evidence_check_problems(tmp_path, known())
    assert str(problem).endswith("evidence-checks.yaml:6: evidence.x: duplicate id in the checks")
