"""`pytest -p tests.cpu_durations`: the tests and files that cost the most CPU, by process time.

On this shared machine a test's wall time (`--durations`) says more about the other helpers'
load than about the test: the same run took 12 min one morning and 50 min an afternoon. CPU
seconds (`time.process_time()` of the process running the test, setup and call; a `drafter`,
LibreOffice or Chromium process a test starts is not counted here, `/usr/bin/time` counts it)
stay put, so they are what to compare before and after a change. Works under xdist: each
worker sends its figures with the test's report.

    .venv/bin/pytest -q -p tests.cpu_durations [--cpu-durations 40]
"""

from __future__ import annotations

import time
from collections.abc import Generator
from typing import Any

import pytest

KEY = "cpu_seconds"
_rows: list[tuple[float, str, str]] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--cpu-durations", type=int, default=30, metavar="N",
                     help="show the N test phases and files that used the most CPU")


def _timed(item: pytest.Item, when: str) -> Generator[None, Any, None]:
    start = time.process_time()
    yield
    item.user_properties.append((KEY, (when, time.process_time() - start)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, Any, None]:
    yield from _timed(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, None]:
    yield from _timed(item, "call")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for key, value in report.user_properties:
        if key == KEY and value[0] == report.when:
            _rows.append((value[1], report.when, report.nodeid))


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    count = config.getoption("--cpu-durations")
    rows = sorted(_rows, reverse=True)
    write = terminalreporter.write_line
    write(f"==== CPU seconds: {sum(r[0] for r in rows):.1f} in {len(rows)} test phases; "
          f"the {count} largest ====")
    for seconds, when, nodeid in rows[:count]:
        write(f"{seconds:8.2f}s {when:5} {nodeid}")
    files: dict[str, float] = {}
    for seconds, _, nodeid in rows:
        path = nodeid.split("::")[0]
        files[path] = files.get(path, 0.0) + seconds
    write(f"==== CPU seconds by file: the {count} largest ====")
    for path, seconds in sorted(files.items(), key=lambda f: -f[1])[:count]:
        write(f"{seconds:8.2f}s {path}")
