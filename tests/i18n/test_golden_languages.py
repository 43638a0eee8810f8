"""Each translated example's language versions match their checked-in copies
(`tests/golden/<example>/privacy-policy.<lang>.*`), so a change to a translation shows up as a
readable diff. Regenerate after an intended change with `DRAFTER_UPDATE_GOLDEN=1 pytest`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.assemble import assemble
from drafter.build import render
from drafter.document.model import Draft
from drafter.export import formats
from drafter.paths import examples
from drafter.project import Project
from tests.i18n.translated import LANGUAGES, TRANSLATED

GOLDEN = Path(__file__).parent.parent / "golden"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", TRANSLATED)
def test_language_version_matches_golden(project: Project, name: str, lang: str) -> None:
    policy = assemble(project.answers(examples()[name]), project.library, lang)
    for suffix, data in render(Draft(policy, ()), formats("md,html,txt")).items():
        golden = GOLDEN / name / f"privacy-policy.{lang}{suffix}"
        if os.environ.get("DRAFTER_UPDATE_GOLDEN"):
            golden.write_bytes(data)
        assert golden.exists(), f"no golden copy: run DRAFTER_UPDATE_GOLDEN=1 pytest {__file__}"
        assert data.decode() == golden.read_text(), f"{name} {lang}{suffix} differs"
