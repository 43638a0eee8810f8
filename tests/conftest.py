"""Shared fixtures: the real project, and a small fixed questionnaire/library for unit tests."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from drafter import clock
from drafter.project import Project

MINI = Path(__file__).parent / "fixtures" / "mini"
# Every test builds and reviews as of one day, in this process and in every `drafter` it runs,
# so golden files, snapshots and notes such as "more than a year old" never change with the
# calendar. A test about dates passes its own `today` or sets DRAFTER_TODAY itself.
TODAY = date(2026, 12, 1)
os.environ[clock.VARIABLE] = TODAY.isoformat()


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.load()


@pytest.fixture(scope="session")
def mini() -> Project:
    return Project.load(MINI / "questionnaire.yaml", MINI / "clauses")
