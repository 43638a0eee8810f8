"""Fixtures for the app tests: the real project, loaded once, and an app on a file in tmp."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from drafter.app.app import DrafterApp
from drafter.project import Project
from drafter.paths import examples
from tests.conftest import real_project

SIZE = (80, 24)
WIDE = (160, 48)


@pytest.fixture(scope="session")
def project() -> Project:
    return real_project()


@pytest.fixture
def make_app(project: Project, tmp_path: Path) -> Callable[..., DrafterApp]:
    """`make_app()` on a new answers file, `make_app("kiosk")` on a copy of an example."""

    def make(example: str | None = None, path: Path | None = None) -> DrafterApp:
        target = path or tmp_path / "answers.yaml"
        if example is not None:
            shutil.copyfile(examples()[example], target)
        return DrafterApp(project, target, label=target.name, out_dir=tmp_path / "output")

    return make
