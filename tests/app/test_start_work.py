"""Instant (issues 13 and 15): the work of starting the app to its first settled frame,
counted, not timed. Textual styles each widget as it is mounted; it then restyled every
widget on the first screen twice more before anything was drawn (the screen resuming, just
styled; the first resize setting its width class), and the welcome screen's scrolling column
and all in it twice more (the focus given to it as it was composed, then taken by the
answer). Each pass of the editor's ~70 widgets cost as much as styling them at mount, over
some 300 app tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest
from textual import events
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from drafter.app.app import DrafterApp
from drafter.app.screens import ahead
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.welcome import WelcomeScreen
from tests.app.conftest import SIZE
from tests.app.pilot_helpers import settle

pytestmark = pytest.mark.asyncio


def restyles(monkeypatch: pytest.MonkeyPatch) -> list[tuple[DOMNode, int]]:
    """Each restyle of a node with what is inside it (`DOMNode.update_node_styles`, as a
    class, a pseudo-class or the screen's state changes): the node and how many were styled.
    A widget's own restyle (one node) is not recorded."""
    seen: list[tuple[DOMNode, int]] = []
    real = Stylesheet.update_nodes

    def counted(self: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        if len(nodes) > 1:
            seen.append((nodes[0], len(nodes)))
        real(self, nodes, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)
    return seen


@pytest.mark.parametrize("example, size, width_class", [
    ("kiosk", SIZE, "-wide-enough"), ("kiosk", (40, 24), "-phone"), (None, SIZE, "-wide-enough")],
    ids=["editor", "editor-phone", "welcome"])
async def test_start_up_styles_each_widget_as_it_is_mounted_and_restyles_nothing_whole(
        make_app: Callable[..., DrafterApp], monkeypatch: pytest.MonkeyPatch,
        example: str | None, size: tuple[int, int], width_class: str) -> None:
    monkeypatch.setattr(ahead, "QUIET", 1e9)  # no page built ahead while counting
    seen = restyles(monkeypatch)
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen if example else WelcomeScreen)
        assert screen.has_class(width_class)  # as Textual's first resize set it (not restyled)
        assert app.focused is not None
        assert [(type(node).__name__, count) for node, count in seen] == []


async def test_start_up_lays_the_editor_out_for_its_size_once(
        make_app: Callable[..., DrafterApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """The app passes its first two resizes (of one size) on to the screen, shown and laid
    out by then: each laid the whole editor out again to the same places. Left are the layout
    it is shown with and the one its widgets' first refreshes ask for."""
    monkeypatch.setattr(ahead, "QUIET", 1e9)
    layouts: list[Any] = []
    real = EditorScreen._refresh_layout

    def counted(self: EditorScreen, *args: Any, **kwargs: Any) -> None:
        layouts.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(EditorScreen, "_refresh_layout", counted)
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.size == SIZE
        assert len(layouts) == 2
        await pilot.resize_terminal(60, 24)  # a new size is laid out, as ever
        await settle(pilot)
        assert len(layouts) > 2 and app.screen.size == (60, 24)


async def test_a_later_resume_restyles_the_screen_as_textual_does(
        make_app: Callable[..., DrafterApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the first resume is spared: a screen shown again (a dialog over it closed, the
    theme changed meanwhile) is restyled whole, as Textual does."""
    monkeypatch.setattr(ahead, "QUIET", 1e9)
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = restyles(monkeypatch)
        app.screen.post_message(events.ScreenResume())
        await pilot.pause()
        assert [node for node, _ in seen] == [app.screen]


async def test_a_second_app_parses_no_stylesheet(
        make_app: Callable[..., DrafterApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual parsed the app's stylesheet and each widget's default CSS for every app (45
    parses, a tenth of a start-up): the rules of one text with one theme's variables are the
    same in every app of the process (`drafter.app.stylesheet`)."""
    from textual.css import stylesheet

    parses: list[str] = []
    real = stylesheet.parse

    def counted(scope: str, css: str, read_from: Any, **kwargs: Any) -> Any:
        parses.append(str(read_from))
        return real(scope, css, read_from, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counted)
    for app in (make_app(), make_app()):
        parses.clear()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WelcomeScreen)
    assert parses == []  # the second app's


async def test_shared_rules_are_each_themes_own() -> None:
    """A source parsed with one theme's variables is not reused with another's."""
    from textual.theme import BUILTIN_THEMES

    from drafter.app.stylesheet import SharedStylesheet

    def background(theme: str) -> Any:
        sheet = SharedStylesheet(variables=BUILTIN_THEMES[theme].to_color_system().generate())
        sheet.add_source("Screen { background: $background; }", read_from=("test", "Screen"))
        return sheet.rules[0].styles.background

    light, dark = background("textual-light"), background("textual-dark")
    assert light != dark and background("textual-light") == light
