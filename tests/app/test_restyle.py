"""Instant (issue 15, item 6): what a key costs is counted, not timed (timings depend on the
machine): F4 at 80x24 restyles only the widgets it changes, not every kept section page's, and
a letter typed in an answer box does not ask for a layout of the whole screen."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import pytest
from textual import dom
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget
from textual.widgets import Input, TabbedContent

from drafter.app.app import DrafterApp
from drafter.app.widgets.pages import Form
from tests.app.conftest import Kiosk
from tests.app.pilot_helpers import open_section, settle
from tests.app.typing_helpers import type_fast

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)
App = Callable[..., DrafterApp]


async def test_f4_at_80_columns_restyles_only_what_it_changes(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    async with kiosk_editor() as (app, pilot, screen):
        for section in screen.visible_sections()[:2]:  # pages kept, as after some work
            await open_section(pilot, section)
        form = set(screen.query_one("#form").walk_children(Widget))
        restyled: list[Any] = []
        apply = Stylesheet.apply

        def counted(self: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
            restyled.append(node)
            apply(self, node, *args, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counted)
        await pilot.press("f4")
        await pilot.pause()
        side = screen.query_one("#side", TabbedContent)
        assert side.display and side.active == "notes-tab"
        assert not screen.query_one("#form-column").display
        # The old code set a class on the screen: every widget restyled, the form's included.
        assert len(form.intersection(restyled)) < len(form) // 4
        await pilot.press("f4")
        await pilot.pause()
        assert not side.display and screen.query_one("#form-column").display


async def test_a_letter_in_an_answer_box_asks_for_no_layout(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_section(pilot, "business", "business.name")
        box = app.focused
        assert isinstance(box, Input)
        before = box.value
        layouts: list[bool] = []
        refresh = box.refresh

        def counted(*regions: Any, **kwargs: Any) -> Widget:
            layouts.append(bool(kwargs.get("layout")))
            return refresh(*regions, **kwargs)

        box.refresh = counted  # type: ignore[method-assign]
        await type_fast(app, " Two", 0)
        await pilot.pause()
        assert box.value == before + " Two"
        assert layouts and not any(layouts)  # repainted, never laid out


async def test_a_visited_switch_asks_no_second_layout_for_the_new_height(kiosk_editor: Kiosk) -> None:
    """Showing a kept page changes the form's virtual size (the section's height); Textual's
    reactive then asked for a layout of the whole screen, straight after the one that found
    the new height, and a second frame was drawn."""
    async with kiosk_editor() as (app, pilot, screen):
        first, second = screen.visible_sections()[:2]
        for section in (second, first):  # both pages kept
            await open_section(pilot, section)
        form = screen.query_one(Form)
        height = form.virtual_size.height
        layouts: list[bool] = []
        refresh = form.refresh

        def counted(*regions: Any, **kwargs: Any) -> Widget:
            layouts.append(bool(kwargs.get("layout")))
            return refresh(*regions, **kwargs)

        form.refresh = counted  # type: ignore[method-assign]
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert screen.section_id == second
        assert form.virtual_size.height != height  # the new height was found
        assert not any(layouts)


async def test_a_switch_repaints_the_screen_only_where_it_changed(kiosk_editor: Kiosk) -> None:
    """The focus moving to the new section's question asked, through Textual's `focused`
    reactive, for a repaint of the whole screen: a second drawing of every widget on it
    (header, sidebar, footer) straight after the layout that had drawn what changed."""
    async with kiosk_editor() as (app, pilot, screen):
        first, second = screen.visible_sections()[:2]
        for section in (second, first):  # both pages kept
            await open_section(pilot, section)
        whole: list[bool] = []
        refresh = screen.refresh

        def counted(*regions: Any, **kwargs: Any) -> Widget:
            whole.append(not regions and kwargs.get("repaint", True))
            return refresh(*regions, **kwargs)

        screen.refresh = counted  # type: ignore[method-assign]
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert screen.section_id == second and app.focused is not None
        assert screen._pages[second] in app.focused.ancestors
        assert not any(whole)


async def test_a_switch_walks_no_page_to_find_the_screens_parts(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sidebar, progress, help, preview, notes and the question to focus were each found by
    a query of the whole screen, several a switch: a walk through every page kept (all of them,
    once built ahead), as showing a page drops Textual's cache of the queries."""
    async with kiosk_editor() as (app, pilot, screen):
        first, second = screen.visible_sections()[:2]
        for section in (second, first):
            await open_section(pilot, section)
        await settle(pilot)  # the drafts started meanwhile are done
        walks: list[Any] = []
        for name in ("walk_breadth_first", "walk_breadth_search_id"):
            walk = getattr(dom, name)

            def counted(root: Any, *args: Any, walk: Any = walk, **kwargs: Any) -> Any:
                if root is screen:
                    walks.append(traceback.extract_stack(limit=12))
                return walk(root, *args, **kwargs)

            monkeypatch.setattr(dom, name, counted)
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert screen.section_id == second
        assert not walks
