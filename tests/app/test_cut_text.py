"""No text the owner needs is cut off at 80x24 or at a phone's width (issue 15, item 5): a
question's help longer than the help panel says that it goes on and F1 shows it whole; the
export panel lists every file written, with its folder broken at a `/`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from drafter.app.app import DrafterApp
from drafter.app.screens.help import HelpScreen
from drafter.app.widgets.fields import Choice
from drafter.app.widgets.helppanel import MORE, HelpPanel
from tests.app.pilot_helpers import drawn, open_section, settle

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]
LAST_WORDS = "require such a contract for companies that handle information for you."


def shown(app: DrafterApp, selector: str) -> str:
    """The text drawn on screen in the widget `selector`, row by row (what the owner sees)."""
    region = app.screen.query_one(selector).scrollable_content_region  # not its scrollbar
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - what the owner sees
    return "\n".join(strips[y].crop(region.x, region.right).text.rstrip()
                     for y in range(region.y, region.bottom))


@pytest.mark.parametrize("size", [(80, 24), (44, 30)])
async def test_a_long_help_says_it_goes_on_and_f1_shows_it_whole(make_app: App,
                                                                   size: tuple[int, int]) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.provider_contracts")
        await drawn(pilot)
        panel = app.screen.query_one("#help", HelpPanel)
        assert LAST_WORDS in " ".join(panel.text.split())
        on_screen = shown(app, "#help")
        assert MORE in on_screen, on_screen  # the owner is told there is more
        assert len(on_screen.splitlines()) == panel.region.height
        await pilot.press("f1")
        await drawn(pilot)
        assert isinstance(app.screen, HelpScreen)
        here = app.screen.query_one("#help-here", Static)
        assert LAST_WORDS in " ".join(str(here.render()).split())


async def test_a_short_help_is_shown_as_it_is(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.affiliates")
        await drawn(pilot)
        assert MORE not in shown(app, "#help")


async def test_at_a_phones_width_every_exported_file_can_be_read(make_app: App,
                                                                 tmp_path: Path) -> None:
    """The audit at 375 px: the export panel listed 3 of the 9 files, and the folder's path
    broke inside a word."""
    from drafter.app.widgets.progress import Exported

    app = make_app("kiosk")
    async with app.run_test(size=(41, 38)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        await drawn(pilot)
        panel = app.screen.query_one(Exported)
        written = sorted(p for p in (tmp_path / "output").rglob("*") if p.is_file()
                         and p.suffix in (".md", ".html", ".txt", ".docx"))
        assert len(written) > 3
        folder = f"{written[0].parent.resolve()}/"
        seen = shown(app, "#exported")
        rows = seen.splitlines()
        assert rows[0].startswith("Exported to /"), rows  # the folder first, then its files
        path_rows: list[str] = []
        for row in [rows[0].removeprefix("Exported to "), *rows[1:]]:
            if "".join(path_rows) == folder or not folder.startswith("".join([*path_rows, row])):
                break
            path_rows.append(row)
        assert "".join(path_rows) == folder, rows
        assert all(row.endswith("/") for row in path_rows), rows  # broken only after a "/"
        panel.focus()  # Tab reaches it; the arrows scroll it
        for _ in range(panel.max_scroll_y):  # a row at a time: the panel is 4 rows high
            await pilot.press("down")
            await drawn(pilot)
            seen += "\n" + shown(app, "#exported")
        for path in written:
            assert path.name in seen, (path.name, seen)


async def test_a_wrapped_option_label_goes_on_under_its_first_word(make_app: App) -> None:
    """A one-answer label too long for its line wrapped to the left edge, under the button,
    where it read as the start of another option."""
    app = make_app("kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_section(pilot, "kiosks", "kiosks.camera_capture")
        await drawn(pilot)
        button = next(b for b in app.screen.query(Choice) if b.label.plain.startswith("A still"))
        region = button.content_region
        strips = app.screen._compositor.render_strips()  # noqa: SLF001 - what the owner sees
        rows = [strips[y].crop(region.x, region.right).text.rstrip()
                for y in range(region.y, region.bottom)]
        assert len(rows) > 1, rows  # it wraps at this width
        start = rows[0].index("A still")
        for row in rows[1:]:
            assert row[:start].strip() == "" and row[start] != " ", rows
        assert " ".join(" ".join(rows)[start:].split()) == button.label.plain


async def test_the_company_search_hint_follows_the_company_column(make_app: App) -> None:
    """"(type to search the list of known companies)" ended the heading, after "What kind of
    service is it?", and read as that column's."""
    from textual.widgets import Label

    app = make_app("kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        await drawn(pilot)
        heading = str(app.screen.query_one(".record-heading", Label).render())
        assert heading.startswith("Company name (type to search the list of known companies) · "), heading
