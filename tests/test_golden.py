"""Each example's rendered policy matches its checked-in copy, so a clause change shows up as a
readable diff. Regenerate after an intended change with `DRAFTER_UPDATE_GOLDEN=1 pytest`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.build import render
from drafter.project import Project
from drafter.export import formats
from drafter.paths import examples

GOLDEN = Path(__file__).parent / "golden"
# The day the golden copies are built on, whatever day the tests run: reviewer notes may speak
# of the day (a policy dated more than a year before it), the policy text never does.
GOLDEN_DAY = "2026-12-01"


@pytest.mark.parametrize("name", sorted(examples()))
def test_example_matches_golden(project: Project, name: str,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_TODAY", GOLDEN_DAY)
    draft = project.draft(project.answers(examples()[name]))
    for suffix, data in render(draft, formats("md,html,txt")).items():
        golden = GOLDEN / name / f"privacy-policy{suffix}"
        if os.environ.get("DRAFTER_UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(data)
        assert golden.exists(), f"no golden copy: run DRAFTER_UPDATE_GOLDEN=1 pytest {__file__}"
        assert data.decode() == golden.read_text(), f"{name}{suffix} differs from its golden copy"


def test_every_golden_copy_has_an_example() -> None:
    assert {p.name for p in GOLDEN.iterdir()} == set(examples())
