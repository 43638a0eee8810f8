"""An app that has ended is let go: nothing of Drafter's keeps its screens alive (suite16
found every app a test module ran still alive at the end, some 50,000 objects each; in a
long browser session each screen switched away from stayed too). Two holders: the parts
found on each screen, kept in a WeakKeyDictionary whose values refer back to their key, and
the list of threads that wrote a schema beside a new answers file, a finished thread still
holding the stderr it started with (the app's print capture). No fixture of the tests helps
here: `apps_let_go` clears Textual's own cache only, after the test."""

from __future__ import annotations

import asyncio
import gc
import io
import sys
import threading
import weakref
from pathlib import Path

import pytest

from drafter.project import Project
from tests.app.test_keys import App
from tests.app.pilot_helpers import open_section, settle

@pytest.mark.asyncio
async def test_an_ended_app_and_its_screens_are_collected(make_app: App,
                                                          tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    screens: list[weakref.ref[object]] = []

    async def run() -> weakref.ref[object]:
        """In an event loop of its own, as `drafter` runs the app: the test's loop (pytest-
        asyncio's) keeps the app for the rest of the test, so only what Drafter itself holds
        is seen here."""
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await open_section(pilot, "contact")
            await settle(pilot)
            screens.append(weakref.ref(pilot.app.screen))
        return weakref.ref(app)

    ended = await asyncio.to_thread(asyncio.run, run())
    gc.collect()
    assert screens[0]() is None, "the editor screen outlived its app"
    assert ended() is None, "the app outlived its test"


def test_a_schema_written_in_the_background_keeps_nothing_of_its_caller(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread keeps the `sys.stderr` it started with (for its excepthook): the app's print
    capture, which holds the app. Once the schema is written, nothing keeps the thread."""
    from drafter.schema import SCHEMA_NAME, offer_schema

    class Capture(io.StringIO):
        pass

    capture = Capture()
    monkeypatch.setattr(sys, "stderr", capture)
    offer_schema(tmp_path / "answers.yaml", project.questionnaire)
    monkeypatch.undo()
    _wait_for_schemas()
    assert (tmp_path / SCHEMA_NAME).exists()
    held = weakref.ref(capture)
    del capture
    gc.collect()
    assert held() is None, "a finished schema thread still holds the stderr it started with"


def _wait_for_schemas() -> None:
    """The schema written, as the owner's would be (not through `schemas_written`, which lets
    go of the threads it waits for); no name here keeps a thread once this returns."""
    for thread in threading.enumerate():
        if thread.name == "drafter-schema":
            thread.join()
