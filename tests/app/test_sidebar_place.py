"""The section list keeps the owner's place while they move through it: a draft finishing
redraws the sections' counts (since the counts change with the notes, in one refresh), and
that redraw put the highlight back on the open section under the owner's letters (test_keys'
type-to-jump in the section list failed 1 run in 5: "coo" landed on "audience")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App

from drafter.app.widgets.sidebar import SectionList
from tests.app.pilot_helpers import settle

SIZE = (80, 24)
pytestmark = pytest.mark.asyncio


async def test_a_counts_redraw_keeps_the_highlight_the_owner_moved(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sections = app.screen.query_one(SectionList)
        current = app.screen.section_id  # type: ignore[attr-defined]
        sections.focus()
        await pilot.press("down", "down")
        moved = sections.get_option_at_index(sections.highlighted).id  # type: ignore[arg-type]
        assert moved != current
        sections.refresh_progress(app.screen.session, current)  # type: ignore[attr-defined]
        assert sections.get_option_at_index(sections.highlighted).id == moved  # type: ignore[arg-type]
        app.screen.focus_next()  # the owner leaves the list: the next redraw marks the section
        await pilot.pause()
        sections.refresh_progress(app.screen.session, current)  # type: ignore[attr-defined]
        assert sections.get_option_at_index(sections.highlighted).id == current  # type: ignore[arg-type]
