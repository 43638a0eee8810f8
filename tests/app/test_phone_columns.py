"""Two-column lists on a phone (issue 15, items 3 and 5; the Chromium trial at 375 px, about 42
columns): F1's keys and the reviewer notes wrap each column under its own start, and the text
column keeps room to be read (F1 gave its words 10 columns on a phone: a word a line)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from textual.geometry import Region
from textual.widgets import Static

from drafter.app.app import DrafterApp
from drafter.app.screens.help import HelpScreen
from drafter.app.widgets.hanging import Hanging, lines_of
from drafter.app.widgets.notes import NotesList
from tests.app.pilot_helpers import settle
from tests.app.test_phone import PHONE

App = Callable[..., DrafterApp]
ROOM = 20
"""The least a text column may keep on a phone."""


def hanging(lines: list[str], label: str, text: str) -> tuple[int, str, str]:
    """Where `text` starts (the column of its first line), the words drawn in that column from
    there on until they make `text`, and the label's words drawn left of it, in `lines` from
    the first that starts with the label's first word. Raises if a line of `text` starts
    anywhere else (wrapped back to the left edge: the trial's defect)."""
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(label.split()[0]))
    first = re.escape(text.split()[0])
    found = next((i, m.start(1)) for i, line in enumerate(lines) if i >= start
                 for m in [re.search(rf"(?:^|\s\s)({first})", line[1:])] if m)
    row, column = found[0], found[1] + 1
    wanted, words, labels = text.split(), [], []
    for index, line in enumerate(lines[start:], start):
        if index < row:  # a label too long for its column, on its own line(s)
            labels += line.split()
            continue
        left, part = line[:column], line[column:]
        if len(words) >= len(wanted):
            if left.strip() and not part.strip():  # the label's last lines, under the text's
                labels += left.split()
                continue
            break
        labels += left.split()
        assert part[:1] not in (" ", ""), (column, line, lines)  # hangs under the text's start
        assert line[column - 1] == " ", (column, line)
        words += part.split()
    return column, " ".join(words), " ".join(labels)


@pytest.mark.parametrize("width", [24, 34, 40, 60, 72, 100])
def test_each_column_of_a_row_wraps_under_its_own_start(width: int) -> None:
    rows = [("Tab", "Go to the next field or button"),
            ("Ctrl+W, Ctrl+Backspace, Alt+Backspace", "Delete the word before the cursor"),
            ("Up, Down, Left, Right", "Move to another answer, one at a time, in the list")]
    for label, text in rows:
        drawn = list(lines_of(Hanging([(label, text)]), width))
        column, words, labels = hanging(drawn, label, text)
        assert words == text, drawn
        assert labels == label, drawn
        assert width - column >= min(22, width - 12)  # the label keeps 10 and the gap, (width, column, drawn)


@pytest.mark.asyncio
async def test_f1_on_a_phone_gives_each_key_room_and_hangs_its_words(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        statics = [s for s in screen.query(".help-group").results(Static) if s.id != "help-here"]
        checked = 0
        for (place, rows), static in zip(screen.groups(), statics, strict=True):
            size = static.size  # all its lines, those scrolled out of the dialog too
            lines = [strip.text[2:] if strip.text.startswith("  ") else strip.text
                     for strip in static.render_lines(Region(0, 0, size.width, size.height))]
            lines = [line.rstrip() for line in lines[1:]]  # the place's name first
            for keys, what in rows:
                column, words, labels = hanging(lines, keys, what)
                assert words == " ".join(what.split()), (place, keys, words)
                assert labels == keys, (place, keys, labels)
                assert size.width - 2 - column >= ROOM, (place, keys, column, size.width)
                lines = lines[next(i for i, line in enumerate(lines)
                                   if line.lstrip().startswith(keys.split()[0])) + 1:]
                checked += 1
        assert checked > 20, checked


@pytest.mark.asyncio
async def test_a_note_hangs_its_message_under_the_messages_start(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        notes = app.screen.query_one(NotesList)
        assert notes.shown
        note = notes.shown[0]
        area = notes.scrollable_content_region  # not its scrollbar
        lines = [strip.text[area.x:area.right]
                 for strip in app.screen._compositor.render_strips()[area.y:area.bottom]]  # noqa: SLF001
        column, words, labels = hanging(lines, note.severity, note.message)
        assert words == " ".join(note.message.split()), lines
        assert labels.split() == [note.severity, note.id], lines
        assert area.width - column >= ROOM, (column, lines)
