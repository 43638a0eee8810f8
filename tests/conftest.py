"""Shared fixtures: the real project, and a small fixed questionnaire/library for unit tests."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# The parse cache (drafter/parsecache.py) of this test run, never the user's own: set before
# drafter is imported, and inherited by every `drafter` process a test starts.
os.environ["DRAFTER_CACHE_DIR"] = tempfile.mkdtemp(prefix="drafter-test-cache-")

import pytest

from drafter.project import Project

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.load()


@pytest.fixture(scope="session")
def mini() -> Project:
    return Project.load(MINI / "questionnaire.yaml", MINI / "clauses")
