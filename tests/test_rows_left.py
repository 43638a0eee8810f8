"""What is left for the owner in a list of rows, and every problem of one answer: core, no app.
A vendor row begun and left without its kind is left to do (`standing.unfinished`); an answer
with problems in several fields names each, one a line (`answer_check.check`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answer_check import check
from drafter.editing import Session
from drafter.paths import examples
from drafter.project import Project
from drafter.standing import left_for_owner, section_progress, standing, unfinished
from tests.conftest import real_project


@pytest.fixture(scope="module")
def project() -> Project:
    return real_project()


def test_each_field_with_a_problem_is_named_once(project: Project, tmp_path: Path) -> None:
    rows = [{"name": "Acme"}, {"purpose": "prints labels", "link": "not a link"}]
    said = check(project.questionnaire, "sharing.vendors", rows, tmp_path / "a.yaml")
    assert isinstance(said, str)
    lines = said.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "item 1, purpose", "item 2, name", "item 2, link"], lines
    one = check(project.questionnaire, "audience.people", "abc", tmp_path / "a.yaml")
    assert isinstance(one, str) and "\n" not in one  # a union's branches: one problem


def test_a_row_without_its_kind_is_left_to_finish(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("sharing:\n  vendors:\n    - {name: Acme, purpose: prints labels}\n"
                    "    - {name: Beta, purpose: mails, category: print}\n")
    session = Session.open(project, path)
    assert unfinished(session, "sharing.vendors") == [(0, "category")]
    assert "sharing.vendors" in left_for_owner(session)
    found = standing(session)
    assert found.unfinished == 1 and "1 to finish" in found.lines()[1]
    answered, _, _ = section_progress(session)["sharing"]
    path.write_text(path.read_text().replace("prints labels}", "prints labels, "
                                             "category: print}"))
    session = Session.open(project, path)
    assert unfinished(session, "sharing.vendors") == []
    assert standing(session).unfinished == 0
    assert section_progress(session)["sharing"][0] == answered + 1


@pytest.mark.parametrize("name", sorted(examples()))
def test_no_example_has_a_row_left_to_finish(project: Project, name: str,
                                             tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(examples()[name].read_text())
    assert standing(Session.open(project, path)).unfinished == 0
