"""Instant (issue 15, item 6): the sections' pages are built ahead of time while the owner is
idle, one widget at a time (`BuildsAhead`), so a first visit only shows a page; and no slice
of that building ever starts while a key is waiting to be handled. Counted, not timed: the
widgets a first visit mounts, and the keys handled at the start of every slice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Input

from drafter.app.screens import ahead
from drafter.app.screens.ahead import BuildsAhead
from tests.app.conftest import Kiosk
from tests.app.pilot_helpers import open_section
from tests.app.typing_helpers import key_event

pytestmark = [pytest.mark.asyncio, pytest.mark.builds_ahead]
PAUSES = 300
"""Waits for the screen after which building ahead that has not finished is taken as stuck."""


@pytest.fixture(autouse=True)
def without_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices need no quiet time here: they run whenever nothing waits to be handled."""
    monkeypatch.setattr(ahead, "QUIET", 0.0)
    monkeypatch.setattr(ahead, "BETWEEN", 0.001)  # a timer of 0 s divides by 0


async def until(pilot: Any, done: Callable[[], bool]) -> None:
    for _ in range(PAUSES):
        if done():
            return
        await pilot.pause()
    raise AssertionError("building ahead stopped before it was done")


async def test_a_first_visit_shows_a_page_built_ahead(kiosk_editor: Kiosk) -> None:
    async with kiosk_editor() as (app, pilot, screen):
        await until(pilot, lambda: screen._to_build() is None)
        sections = screen.visible_sections()
        assert set(screen._pages) == set(sections)
        later = screen._pages[sections[1]]
        assert not later.display
        form = screen.query_one("#form")
        widgets = set(form.walk_children(Widget))
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert screen.section_id == sections[1]
        assert later.display and screen._pages[sections[1]] is later
        assert app.focused is not None and later in app.focused.ancestors
        # The old code composed, styled and mounted the page's widgets here.
        assert set(form.walk_children(Widget)) == widgets


async def test_no_slice_starts_while_a_key_waits(kiosk_editor: Kiosk,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # One slice is let through after each burst (a gate on what is left to build), so that
    # each burst meets a slice whatever the machine's speed, and pages are left to build.
    to_build, gate = BuildsAhead._to_build, [0]

    def gated(self: BuildsAhead) -> str | None:
        return to_build(self) if gate[0] else None

    monkeypatch.setattr(BuildsAhead, "_to_build", gated)
    async with kiosk_editor() as (app, pilot, screen):
        await open_section(pilot, "business", "business.name")
        box = app.focused
        assert isinstance(box, Input)
        start = box.value
        posted: list[str] = []
        behind: list[int] = []  # at each slice's start: keys posted but not yet in the box
        build_one = screen._build_one

        async def counted(section: str) -> None:
            behind.append(len(posted) - (len(box.value) - len(start)))
            gate[0] = 0  # one slice a burst
            await build_one(section)

        screen._build_one = counted  # type: ignore[method-assign]
        for burst in ("Parc", "el P", "oint", " Kio", "sks"):
            for char in burst:  # posted at once, as a key repeat or a paste typed out sends them
                app.post_message(key_event(char))
                posted.append(char)
            slices, gate[0] = len(behind), 1
            await screen._slice()  # a slice due now, the keys not yet handled: it must wait
            await until(pilot, lambda: len(behind) > slices)  # the next slice, after the keys
        assert box.value == start + "".join(posted)
        assert behind and not any(behind), behind
