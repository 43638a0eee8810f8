"""`pytest -p tests.cpu_durations`: the tests and files that cost the most CPU, by process time.

On this shared machine a test's wall time (`--durations`) says more about the other helpers'
load than about the test: the same run took 12 min one morning and 50 min an afternoon. CPU
seconds stay put, so they are what to compare before and after a change: the process running
the test (`time.process_time()`, setup and call) plus every process it started and waited for
(a `drafter`, LibreOffice or Chromium: `RUSAGE_CHILDREN`), each phase's sum shown and the
children's share apart. Works under xdist: each worker sends its figures with the test's report.

    .venv/bin/pytest -q -p tests.cpu_durations [--cpu-durations 40]
"""

from __future__ import annotations

import resource
import time
from pathlib import Path
from collections.abc import Generator
from typing import Any

import pytest

KEY = "cpu_seconds"
_rows: list[tuple[float, float, str, str]] = []


def _children() -> float:
    """CPU seconds of this process's children that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--cpu-durations", type=int, default=30, metavar="N",
                     help="show the N test phases and files that used the most CPU")
    parser.addoption("--cpu-costs-write", metavar="PATH", default=None,
                     help="write every file's CPU seconds to PATH (tests/file_costs.txt: "
                          "the order tests/conftest.py hands files to workers in)")


def _timed(item: pytest.Item, when: str) -> Generator[None, Any, None]:
    start, children = time.process_time(), _children()
    yield
    item.user_properties.append(
        (KEY, (when, time.process_time() - start, _children() - children)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, Any, None]:
    yield from _timed(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, None]:
    yield from _timed(item, "call")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for key, value in report.user_properties:
        if key == KEY and value[0] == report.when:
            own, children = value[1], value[2]
            _rows.append((own + children, children, report.when, report.nodeid))


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    count = config.getoption("--cpu-durations")
    rows = sorted(_rows, reverse=True)
    write = terminalreporter.write_line
    write(f"==== CPU seconds: {sum(r[0] for r in rows):.1f} in {len(rows)} test phases "
          f"({sum(r[1] for r in rows):.1f} of it in child processes); the {count} largest ====")
    for seconds, children, when, nodeid in rows[:count]:
        write(f"{seconds:8.2f}s {when:5} {nodeid}" + _share(children))
    files: dict[str, list[float]] = {}
    for seconds, children, _, nodeid in rows:
        total = files.setdefault(nodeid.split("::")[0], [0.0, 0.0])
        total[0] += seconds
        total[1] += children
    ranked = sorted(files.items(), key=lambda f: (-f[1][0], f[0]))  # heaviest first
    write(f"==== CPU seconds by file: the {count} largest ====")
    for path, (seconds, children) in ranked[:count]:
        write(f"{seconds:8.2f}s {path}" + _share(children))
    costs = config.getoption("--cpu-costs-write")
    if costs:
        lines = [f"{seconds:.1f} {path}" for path, (seconds, _) in ranked]
        Path(costs).write_text(COSTS_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
        write(f"==== file costs written to {costs} ====")


COSTS_HEADER = """\
# CPU seconds per test file, heaviest first: tests/conftest.py hands files to the xdist workers
# in this order, so the heaviest start first and no worker is left alone with a long file at the
# end. Only the order depends on it, never a result; a file missing here goes first. Rewrite it
# with: .venv/bin/pytest -p tests.cpu_durations --cpu-costs-write tests/file_costs.txt
"""


def _share(children: float) -> str:
    return f"  (children {children:.2f}s)" if children >= 0.005 else ""
