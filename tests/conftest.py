"""Shared fixtures: the real project, and a small fixed questionnaire/library for unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.project import Project

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.load()


@pytest.fixture(scope="session")
def mini() -> Project:
    return Project.load(MINI / "questionnaire.yaml", MINI / "clauses")
