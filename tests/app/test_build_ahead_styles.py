"""Instant (issue 15): with every page built ahead (~1150 widgets on the largest example), a
whole-screen restyle (Textual's answer to the app's loss or return of focus, which the browser
reports around bursts of keys; a class set on the screen; a dialog closed) restyled every
hidden page too, 300-400 ms of the app thread while the next key waited. Hidden pages are left
out of it and restyled while the owner is idle (`BuildsAhead`), or when shown. Counted, not
timed: the widgets restyled."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from textual.dom import DOMNode
from textual.widget import Widget

from drafter.app.app import DrafterApp
from drafter.app.screens import ahead
from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.fields import QuestionField
from tests.app.conftest import Kiosk
from tests.app.pilot_helpers import build_all

pytestmark = [pytest.mark.asyncio, pytest.mark.builds_ahead]
MARK = "EditorScreen.-marked QuestionField { border-left: tall red; }"
"""A rule that holds only once the screen has a class: what a whole-screen restyle is for."""


@pytest.fixture(autouse=True)
def without_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "QUIET", 0.0)
    monkeypatch.setattr(ahead, "BETWEEN", 0.001)


def restyled(app: DrafterApp, monkeypatch: pytest.MonkeyPatch) -> list[DOMNode]:
    """Every node the stylesheet is asked to restyle from now on."""
    nodes: list[DOMNode] = []
    update = app.stylesheet.update_nodes

    def counted(given: Iterable[DOMNode], animate: bool = False) -> None:
        given = list(given)
        nodes.extend(given)
        update(given, animate=animate)

    monkeypatch.setattr(app.stylesheet, "update_nodes", counted)
    return nodes


def hidden_pages(screen: EditorScreen) -> list[Widget]:
    return [page for page in screen._pages.values() if not page.display]


async def test_the_apps_blur_and_focus_restyle_no_hidden_page(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    async with kiosk_editor() as (app, pilot, screen):
        await build_all(screen)
        pages = hidden_pages(screen)
        assert pages
        nodes = restyled(app, monkeypatch)
        app.app_focus = False  # as the browser's blur, then the key after it (`on_event`)
        app.app_focus = True
        assert nodes  # the screen itself was restyled
        on_pages = {node for page in pages for node in page.walk_children(with_self=True)}
        # The old code restyled every widget of every page, twice.
        assert not on_pages & set(nodes)


async def test_a_page_hidden_during_a_restyle_is_shown_restyled(
        kiosk_editor: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Restyled while the owner is idle, and not again when shown: a switch after the
    browser's blur does not wait for a page's restyle (up to 200 ms on the largest example).
    Shown before that, it is restyled at once."""
    async with kiosk_editor() as (app, pilot, screen):
        await build_all(screen)
        app.stylesheet.add_source(MARK)
        app.stylesheet.reparse()
        screen.add_class("-marked")  # a whole-screen restyle, every other page hidden
        await build_all(screen)
        nodes = restyled(app, monkeypatch)
        await pilot.press("ctrl+down")
        await pilot.pause()
        page = screen._pages[screen.section_id]
        assert page.display
        fields = list(page.query_children(QuestionField))
        assert fields and all(f.styles.border_left[0] == "tall" for f in fields)
        assert not set(fields) & set(nodes)  # restyled ahead, not on the switch

        monkeypatch.setattr(ahead, "QUIET", 1e9)  # no slice from now on
        screen.remove_class("-marked")
        await pilot.press("ctrl+down")
        await pilot.pause()
        fields = list(screen._pages[screen.section_id].query_children(QuestionField))
        assert fields and not any(f.styles.border_left[0] == "tall" for f in fields)
