"""Instant (issue 15, item 6): the work of a switch of section, counted, not timed (timings
depend on the machine): how many times the screen is laid out, the focus scrolled into view,
the screen queried and the sidebar rebuilt."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from textual._compositor import Compositor
from textual.reactive import Reactive
from textual.widget import Widget

from drafter.app.screens import ahead
from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.ticklist import ManyList
from tests.app.conftest import Kiosk
from tests.app.pilot_helpers import build_all, open_section, settle

pytestmark = pytest.mark.asyncio


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str,
             calls: list[Any]) -> Iterator[None]:
    """Record in `calls` the first argument of each call of `owner.name` (while inside)."""
    real = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0] if args else None)
        return real(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(owner, name, counted)
        yield


async def visited_round(pilot: Any, screen: EditorScreen) -> list[str]:
    """Every section shown once (each page built and laid out), back on the first: the
    sections, for a round of switches between kept pages."""
    sections = screen.visible_sections()
    for section in [*sections, sections[0]]:
        await open_section(pilot, section)
    await settle(pilot)
    return sections


async def test_a_visited_switch_lays_the_screen_out_once_and_scrolls_to_the_focus_once(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two counts of the same switches (one round of kept pages serves both: each count only
    records calls, so neither changes the other).

    Layouts: the help panel's height (its text's), the Next button's width (its label's) and
    the form's scrollbar (shown only for a section taller than the form) changed from section
    to section; Textual lays the whole screen out again whenever a widget's size changes in a
    layout, so most switches were laid out twice (and a section about the form's height three
    times, its labels wrapping narrower with the scrollbar, wider without).

    Scrolls: the focus moving, the field focused and the form's new height each asked for the
    focus to be kept in view after the next refresh: three times a switch, two scrolls of the
    screen each (its question, then the focused widget), six where two do."""
    async with kiosk_editor() as (app, pilot, screen):
        sections = await visited_round(pilot, screen)
        layouts: dict[str, int] = {}
        scrolls: dict[str, int] = {}
        for section in sections[1:]:
            reflows: list[Any] = []
            calls: list[Any] = []
            with counting(monkeypatch, Compositor, "reflow", reflows), \
                    counting(monkeypatch, type(screen), "scroll_to_widget", calls):
                await pilot.press("ctrl+down")
                await settle(pilot)
            assert screen.section_id == section and app.focused is not None
            assert screen._pages[section] in app.focused.ancestors
            layouts[section], scrolls[section] = len(reflows), len(calls)
        assert (layouts, scrolls) == ({section: 1 for section in sections[1:]},
                                      {section: 2 for section in sections[1:]})


async def test_a_draft_finds_the_preview_notes_and_sidebar_without_a_query(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each draft (after every pause in the typing) looked for the preview, the notes, the
    sidebar and the progress lines by querying the screen: five walks of its widgets, every
    page built ahead included (some 1,150 on the largest example), where the parts are found
    once (`screens.parts`)."""
    async with kiosk_editor() as (app, pilot, screen):
        await build_all(screen)  # every page there (hidden: no need to lay each out)
        await settle(pilot)
        await screen._draft()  # the parts found (and kept) before counting
        queries: list[Any] = []
        with counting(monkeypatch, type(screen), "query_one", queries), \
                counting(monkeypatch, type(screen), "query_one_optional", queries), \
                counting(monkeypatch, type(screen), "query", queries):
            await screen._draft()
        assert screen.query_one("#notes").shown is not None  # the draft was drawn
        assert [q for q in queries if q is screen] == []


async def test_a_first_visit_measures_its_tick_lists_without_a_second_layout(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """A list of ticks, measured as the page is first laid out, set its overflow (no
    scrollbar when every label fits) through Textual's style property, which refreshed the
    list and its parent then and there: each refresh looks up the widget's place, and in the
    middle of a layout that arranged the whole screen again. On the largest example that was
    two-thirds of the lists' measuring on first visits (0.8 s of 1.1 s over 15 first visits,
    profiled), and each such list asked for a second layout."""
    monkeypatch.setattr(ahead, "QUIET", 1e9)  # no page built ahead: this visit lays it out
    async with kiosk_editor() as (app, pilot, screen):
        await settle(pilot)
        asked: list[Any] = []  # refreshes (each a look-up of the widget's place, which may
        measuring = [False]  # arrange the whole screen) asked for while a list is measured
        refresh, measure = Widget.refresh, ManyList.get_content_height

        def counted(*args: Any, **kwargs: Any) -> Any:
            if measuring[0]:
                asked.append(args[0])
            return refresh(*args, **kwargs)

        def flagged(*args: Any, **kwargs: Any) -> Any:
            measuring[0] = True
            try:
                return measure(*args, **kwargs)
            finally:
                measuring[0] = False

        monkeypatch.setattr(Widget, "refresh", counted)
        monkeypatch.setattr(ManyList, "get_content_height", flagged)
        await open_section(pilot, "audience")
        await settle(pilot)
        lists = list(screen._pages["audience"].query(ManyList).results(ManyList))
        shown = [ticks for ticks in lists if ticks.display and ticks.region]
        assert shown  # the section's tick lists were laid out
        assert all(ticks.styles.overflow_y == "hidden" and not ticks.show_vertical_scrollbar
                   for ticks in shown if ticks.max_scroll_y == 0)
        assert asked == []


async def test_a_first_visit_is_not_laid_out_again_for_the_sizes_its_layout_found(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """A widget's virtual size (the size of what it holds) is a reactive that asks for a
    layout of the whole screen when it changes, and every widget placed for the first time
    changes it from nothing: each first visit of a section (its page built ahead, never
    placed) was laid out a second time, to the same places, for the sizes its own layout
    had found (on the largest example, half the work of most first visits), and a list to
    tick or a long answer's box asked again as it was first drawn; a list to tick taller
    than its room asked once more for its scrollbar."""
    async with kiosk_editor() as (app, pilot, screen):
        await settle(pilot)
        await build_all(screen)  # every page built, none yet laid out
        await settle(pilot)
        asked: dict[str, list[str]] = {}
        refresh, setting = Widget.refresh, Reactive._set.__code__

        def counted(self: Widget, *args: Any, **kwargs: Any) -> Any:
            caller = sys._getframe(1)  # a reactive's setter, refreshing as its flags say
            if kwargs.get("layout") and caller.f_code is setting and (
                    caller.f_locals["self"].name == "virtual_size" or isinstance(self, ManyList)):
                asked.setdefault(screen.section_id, []).append(type(self).__name__)
            return refresh(self, *args, **kwargs)

        monkeypatch.setattr(Widget, "refresh", counted)
        sections = screen.visible_sections()
        for section in sections[1:]:
            await pilot.press("ctrl+down")
            await settle(pilot)
            assert screen.section_id == section
        assert len(sections) > 3 and asked == {}
