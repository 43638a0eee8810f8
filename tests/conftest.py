"""Shared fixtures: the real project, and a small fixed questionnaire/library for unit tests."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
import tempfile
from pathlib import Path

# The parse cache (drafter/parsecache.py) of this test run, never the user's own: set before
# drafter is imported, and inherited by every `drafter` process a test starts.
os.environ["DRAFTER_CACHE_DIR"] = tempfile.mkdtemp(prefix="drafter-test-cache-")

import pytest
from hypothesis import HealthCheck, settings

from drafter import collector
from drafter import clock
from drafter.project import Project

MINI = Path(__file__).parent / "fixtures" / "mini"
# Every test builds and reviews as of one day, in this process and in every `drafter` it runs,
# so golden files, snapshots and notes such as "more than a year old" never change with the
# calendar. A test about dates passes its own `today` or sets DRAFTER_TODAY itself.
TODAY = date(2026, 12, 1)
os.environ[clock.VARIABLE] = TODAY.isoformat()

# Property tests judge what the code does, never how fast: on a loaded two-core machine a draw
# can take longer than hypothesis's 200 ms deadline or its "too slow" check, and the test failed
# once for that alone (speed lives in tests/benchmarks/). In CI the draws are derandomized, so a
# run on a clean clone always tries the same cases; local runs keep searching new ones.
settings.register_profile("drafter", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          derandomize=bool(os.environ.get("CI")))
settings.load_profile("drafter")


# The cyclic garbage collector at Python's defaults (a young-generation pass every 700 new
# objects) took an eighth of a draft's CPU here: a draft makes hundreds of thousands of short-
# lived tokens and template objects, nearly all freed by reference counting anyway, and each
# full pass walked every draft a module keeps. Rarer passes find the same garbage (a cycle
# lives until the next one), and the loaded project is frozen out of them (`real_project`).
# Measured on 120 drafts of tests/test_review_unsure.py: collector 1.65 s of 12.4 s CPU at the
# defaults, 0.32 s of 10.6 s with these.
gc.set_threshold(50_000, 20, 20)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`pytest -n auto --dist loadfile`: the whole suite (no paths given) runs on one worker per
    core, at most 4, each taking whole files (so a module's cached drafts are built once); a
    file or test named on the command line runs in this one process, where starting workers
    would cost more than it saves."""
    if config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return 0
    return min(len(os.sched_getaffinity(0)), 4)


def file_costs() -> dict[str, float]:
    """tests/file_costs.txt: each test file's CPU seconds in the last measured run."""
    costs: dict[str, float] = {}
    path = Path(__file__).parent / "file_costs.txt"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            seconds, name = line.split(maxsplit=1)
            costs[name] = float(seconds)
    return costs


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Heaviest files first (`--no-loadscope-reorder` keeps this order under `--dist loadfile`):
    xdist then gives each idle worker the longest file left, so the run ends with short files
    on both workers instead of one long file on one. A file not yet measured goes first, where
    a heavy newcomer costs least. The order of tests within a file is unchanged."""
    costs = file_costs()
    if costs:
        unknown = max(costs.values()) + 1
        items.sort(key=lambda item: -costs.get(item.nodeid.split("::")[0], unknown))


@lru_cache(maxsize=1)
def real_project() -> Project:
    """The real project, loaded once for the whole session: a frozen Project that no test
    changes, so one load (library, answers model, review rules) serves every module."""
    loaded = Project.load()
    collector.freeze()  # the project (and every module imported) lives as long as the session
    return loaded


@pytest.fixture(scope="session")
def project() -> Project:
    return real_project()


@pytest.fixture(autouse=True)
def apps_let_go() -> Iterator[None]:
    """Each app a test ran is let go when the test ends. Textual's own
    `StylesCache.get_inner_outer` is an lru_cache of 1,024 keyed by the cache object itself,
    which keeps that many widgets' rendered lines (some 600,000 objects) alive, walked by each
    later collection and by pytest's clean-up at the end of the run: emptied here (looked up
    only if imported). Drafter's own holders of every app (a screen's parts, a finished
    schema thread's stderr) are gone from the code: tests/app/test_let_go.py."""
    yield
    styles_cache = sys.modules.get("textual._styles_cache")
    if styles_cache is not None:
        styles_cache.StylesCache.get_inner_outer.cache_clear()


@pytest.fixture(scope="session")
def mini() -> Project:
    return Project.load(MINI / "questionnaire.yaml", MINI / "clauses")


_BUILDS: dict[str, Path] = {}  # example name: its build folder (see `example_build`)


def example_build(name: str) -> Path:
    """The folder `drafter build --example NAME -o DIR` makes, built once a session (a build
    is about a second of processor time, and tests in several files start from the same
    twelve examples): read it, never change it; `copied_build` gives a test its own."""
    if name not in _BUILDS:
        from drafter.cli import main

        out = Path(tempfile.mkdtemp(prefix=f"drafter-test-build-{name}-"))
        atexit.register(shutil.rmtree, out, True)
        assert main(["build", "--example", name, "-o", str(out)]) == 0
        _BUILDS[name] = next(p for p in out.iterdir() if (p / "drafter-manifest.json").exists())
    return _BUILDS[name]


def copied_build(name: str, into: Path) -> Path:
    """`example_build(name)`'s folder copied whole (times kept) into `into`, as
    `drafter build --example NAME -o into` leaves it, for a test to change freely."""
    built = example_build(name)
    shutil.copytree(built, into / built.name)
    return into / built.name
