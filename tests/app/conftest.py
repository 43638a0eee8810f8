"""Fixtures for the app tests: the real project, loaded once, and an app on a file in tmp."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from textual.pilot import Pilot

from drafter.app.app import DrafterApp
from drafter.app.screens import ahead
from drafter.app.screens.editor import EditorScreen
from drafter.project import Project
from drafter.paths import examples
from tests.app.pilot_helpers import wait_for_screen
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


Editor = tuple[DrafterApp, Pilot[Any], EditorScreen]
Kiosk = Callable[[], AbstractAsyncContextManager[Editor]]


@pytest.fixture
def kiosk_editor(make_app: Callable[..., DrafterApp]) -> Kiosk:
    """`async with kiosk_editor() as (app, pilot, screen)`: the editor on a copy of the kiosk
    example at 80x24, started (the set-up of the restyle and build-ahead tests)."""

    @asynccontextmanager
    async def run() -> AsyncIterator[Editor]:
        app = make_app("kiosk")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, EditorScreen)
            yield app, pilot, screen

    return run


@pytest.fixture
def still_clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The type-to-jump clock stands still unless a test moves it (`still_clock[0] += 2`: a
    pause, so the next letters start a new search). Modules where every test needs it use
    `pytest.mark.usefixtures("still_clock")`."""
    from drafter.app.widgets import lists

    now = [1000.0]
    monkeypatch.setattr(lists, "clock", lambda event: now[0])
    return now


@pytest.fixture(autouse=True)
def waits_timed_by_processor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Pilot wait (`press`, `pause`, `settle`) gives up after 30 s of the processor
    time the app was given, not of the clock, and names any widget that stopped taking
    messages at once (`pilot_helpers.wait_for_screen`)."""
    monkeypatch.setattr(Pilot, "_wait_for_screen", wait_for_screen)


@pytest.fixture(autouse=True)
def pages_built_ahead_only_where_asked(request: pytest.FixtureRequest,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Sections' pages are built ahead (`drafter.app.screens.ahead`) only in the tests marked
    `builds_ahead`: those about building ahead, and the fast-typing tests, which type while it
    runs. Elsewhere a page is built on its first visit, as it is for an owner who moves on
    before the slices reach it: built in every test's idle moments (some 1,150 widgets an
    app), the pages tripled the app tests' CPU. `drafter serve` tests run the app unchanged."""
    if request.node.get_closest_marker("builds_ahead") is None:
        monkeypatch.setattr(ahead, "QUIET", 3600.0)

