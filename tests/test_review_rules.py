"""The YAML behind the checks: adding a check needs no Python, checks on questions that do not
exist yet wait (with a lint warning), and mistakes are reported with file, line and id."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from drafter.project import Project
from drafter.cli import main
from drafter.errors import UserError
from drafter.lint import lint_review
from drafter.paths import default_library, examples
from drafter.review.rules import (
    ANSWER_CHECKS,
    REVIEW_CHECKS,
    condition_names,
    load_review_rules,
    review_patterns,
    too_wide,
    usable_answer_checks,
)
from drafter.review.scan import WIDEST, widest

NEW_CHECK = """
- id: answers.kiosk-test
  topic: scope
  severity: warning
  when: "'kiosks' in business.kinds"
  message: Kiosks need signage.
  resolves_by: business.kinds
- id: answers.future-question
  topic: international
  severity: blocking
  when: "not international.future_question"
  message: Waits for its question.
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of the built-in clause library that a test may change."""
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    return root


def test_built_in_rules_load() -> None:
    rules = load_review_rules(default_library())
    assert rules.patterns and rules.terms and rules.answer_checks


def test_adding_an_answer_check_is_yaml_only(library: Path) -> None:
    with (library / ANSWER_CHECKS).open("a") as handle:
        handle.write(NEW_CHECK)
    project = Project.load(library=library)
    kiosk = project.answers(examples()["kiosk"])
    notes = project.draft(kiosk, date(2026, 11, 22)).notes
    assert "answers.kiosk-test" in {n.check for n in notes}
    assert "answers.future-question" not in {n.check for n in notes}


def test_checks_on_missing_questions_are_skipped_with_a_lint_warning(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (library / ANSWER_CHECKS).open("a") as handle:
        handle.write(NEW_CHECK)
    project = Project.load(library=library)
    rules = load_review_rules(library)
    names = condition_names(project.questionnaire, project.library)
    usable = {c.check.id for c in usable_answer_checks(rules, names)}
    assert "answers.kiosk-test" in usable and "answers.future-question" not in usable
    warnings = [str(w) for w in lint_review(rules, project.questionnaire, project.library)]
    assert any("answers.future-question: check skipped: `when` uses "
               "'international.future_question'" in w for w in warnings)
    assert main(["--library", str(library), "lint"]) == 0
    assert "warning: " in capsys.readouterr().err


def test_adding_a_text_pattern_is_yaml_only(library: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = library / REVIEW_CHECKS
    text = path.read_text().replace("\nrisky:\n", """
risky:
  - id: risky.lifetime
    topic: retention
    severity: warning
    message: Lifetime promises are risky.
    patterns: ['for (a|your) lifetime']
""", 1)
    path.write_text(text)
    policy = tmp_path / "p.txt"
    policy.write_text("We keep your details for a lifetime.\n")
    # exit 0: a warning, and the general items it lacks are warnings on a policy Drafter did
    # not write (none of them is certain)
    assert main(["--library", str(library), "review", str(policy), "--format", "json",
                 "--laws", "general"]) == 0
    assert '"check": "risky.lifetime"' in capsys.readouterr().out


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    (REVIEW_CHECKS, r"patterns: ['\bprivacy[- ]?shield\w{0,15}\b']",
         r"patterns: ['\bprivacy[- shield\w{0,15}\b']",
     "review-checks.yaml:\\d+: outdated.privacy-shield.patterns: .*invalid"),
    (REVIEW_CHECKS, "(?P<date>", "(?P<day>",
     "review-checks.yaml:\\d+: effective_date.pattern: .*named group\\(s\\) date"),
    (REVIEW_CHECKS, "max_age_months: 12", "max_age_months: twelve",
     "review-checks.yaml:\\d+: effective_date.max_age_months"),
    (ANSWER_CHECKS, "when: \"business.has_app and", "when: \"business.has_app == and",
     "answer-checks.yaml:\\d+: answers.app-link: `when` is not a valid expression"),
    (ANSWER_CHECKS, "been checked: {items}.", "been checked.",
     "answer-checks.yaml:\\d+: answers.vendor-links-unchecked: .*needs \\{items\\}"),
    (ANSWER_CHECKS, "rejectattr('checked', 'defined') | map(attribute='name') | list",
     "rejectattr('checked', 'defined') | map(attribute='name') |",
     "answer-checks.yaml:\\d+: answers.vendor-links-unchecked: `items` is not a valid expression"),
    (ANSWER_CHECKS, "  severity: advice\n  # Where the CCPA",
     "  severity: fatal\n  # Where the CCPA", "answer-checks.yaml:\\d+: answers.app-link"),
])
def test_mistakes_name_file_line_and_rule(library: Path, file: str, old: str, new: str,
                                          message: str) -> None:
    path = library / file
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(UserError, match=message):
        load_review_rules(library)


def test_every_review_pattern_is_bounded() -> None:
    """A `.*`, `\\s+` or `[a-z]*` in a `detect` pattern or a review check scans to the end of a
    paragraph from each place it starts: a 1 MB paragraph then takes minutes. None is left."""
    project = Project.load()
    assert too_wide(project.library.review_rules, project.library.requirements) == []
    patterns = list(review_patterns(project.library.review_rules, project.library.requirements))
    assert len(patterns) > 300 and all(widest(p, re.IGNORECASE) <= WIDEST for _, p, _ in patterns)


@pytest.mark.parametrize(("pattern", "bounded"), [
    (r"\bshare.*third part", False), (r"\beffective\s*:", False), (r"share[a-z]*\b", False),
    (r"we (may |also )*collect", False), (r"[\w.+-]+@example\.com", False),
    (r"X{3,}", False), (r"\{\{.*?\}\}", False),
    (r"\bshare.{0,80}third part", True), (r"\beffective\s{0,20}:", True),
    (r"we (may |also ){0,4}collect", True), (r"(?<!no )cookies?\b", True),
])
def test_too_wide_finds_unbounded_runs(library: Path, pattern: str, bounded: bool) -> None:
    path = library / REVIEW_CHECKS
    quoted = pattern.replace("'", "''")
    path.write_text(path.read_text().replace("\nrisky:\n", f"""
risky:
  - id: risky.probe
    topic: retention
    severity: warning
    message: A probe.
    patterns: ['{quoted}']
""", 1))
    project = Project.load(library=library)
    found = too_wide(project.library.review_rules, project.library.requirements)
    assert [(e.field, e.path) for e in found] == ([] if bounded else [("risky.probe.patterns", path)])
    warnings = [str(w) for w in lint_review(project.library.review_rules,
                                            project.questionnaire, project.library)]
    assert any("risky.probe.patterns: pattern can scan without bound" in w
               for w in warnings) is not bounded
