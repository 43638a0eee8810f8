"""DRAFTER_TODAY pins the day a build or review runs on (tests/conftest.py pins it for every
test); unset, it is the calendar's today; a bad value is a one-line error naming it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from drafter import clock
from drafter.errors import UserError
from drafter.paths import examples
from tests.conftest import TODAY


def test_pinned_by_the_test_session() -> None:
    assert os.environ[clock.VARIABLE] == TODAY.isoformat()
    assert clock.today() == TODAY


def test_unset_or_blank_is_the_calendar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.VARIABLE)
    assert clock.today() == date.today()
    monkeypatch.setenv(clock.VARIABLE, " ")
    assert clock.today() == date.today()


def test_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.VARIABLE, "1 Dec 2026")
    with pytest.raises(UserError) as raised:
        clock.today()
    assert str(raised.value) == ("DRAFTER_TODAY: expected a date such as 2026-11-22, "
                                 "got '1 Dec 2026'")


def build_review(tmp_path: Path, today: str) -> str:
    """review.md of `drafter build` of the chat-saas example (effective 2026-08-20) on `today`."""
    out = tmp_path / today
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "build", str(examples()["chat-saas"]), "-o", str(out),
         "--format", "md"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, clock.VARIABLE: today})
    assert result.returncode == 0, result.stderr
    (folder,) = out.iterdir()
    return (folder / "review.md").read_text()


def test_build_reviews_as_of_the_pinned_day(tmp_path: Path) -> None:
    assert "2026-08-20" in examples()["chat-saas"].read_text()
    assert "months old" not in build_review(tmp_path, "2027-08-19")
    assert "The policy's effective date (2026-08-20) is 12 months old" in build_review(
        tmp_path, "2027-08-20")


def test_bad_value_is_one_line_from_the_command(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "drafter", "build", "--format", "md"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            check=False, env={**os.environ, clock.VARIABLE: "tomorrow"})
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "DRAFTER_TODAY" in result.stderr, result.stderr
