"""Shared fixtures: the real project, and a small fixed questionnaire/library for unit tests."""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
import tempfile
from pathlib import Path

# The parse cache (drafter/parsecache.py) of this test run, never the user's own: set before
# drafter is imported, and inherited by every `drafter` process a test starts.
os.environ["DRAFTER_CACHE_DIR"] = tempfile.mkdtemp(prefix="drafter-test-cache-")

import pytest

from drafter import clock
from drafter.project import Project

MINI = Path(__file__).parent / "fixtures" / "mini"
# Every test builds and reviews as of one day, in this process and in every `drafter` it runs,
# so golden files, snapshots and notes such as "more than a year old" never change with the
# calendar. A test about dates passes its own `today` or sets DRAFTER_TODAY itself.
TODAY = date(2026, 12, 1)
os.environ[clock.VARIABLE] = TODAY.isoformat()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`pytest -n auto --dist loadfile`: the whole suite (no paths given) runs on one worker per
    core, at most 4, each taking whole files (so a module's cached drafts are built once); a
    file or test named on the command line runs in this one process, where starting workers
    would cost more than it saves."""
    if config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return 0
    return min(len(os.sched_getaffinity(0)), 4)


@lru_cache(maxsize=1)
def real_project() -> Project:
    """The real project, loaded once for the whole session: a frozen Project that no test
    changes, so one load (library, answers model, review rules) serves every module."""
    return Project.load()


@pytest.fixture(scope="session")
def project() -> Project:
    return real_project()


@pytest.fixture(scope="session")
def mini() -> Project:
    return Project.load(MINI / "questionnaire.yaml", MINI / "clauses")
