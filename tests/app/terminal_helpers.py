"""What a terminal shows of an app run by Pilot: every update the app sends (a whole screen, or
the changed pieces of lines) applied to a grid of characters, as the terminal (or xterm.js in
the browser) applies them. Pilot's own screenshots draw the whole screen afresh, so a piece
never sent to the terminal does not show in them; here it does."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.strip import Strip


class Terminal:
    """A grid of characters the app's updates are drawn into (colours left out)."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.grid = [[" "] * width for _ in range(height)]

    def put(self, x: int, y: int, strip: Strip) -> None:
        for segment in strip:
            for char in segment.text:
                if 0 <= x < self.width and 0 <= y < self.height:
                    self.grid[y][x] = char
                x += max(cell_len(char), 1)

    def apply(self, update: object) -> None:
        """Draw an update as `LayoutUpdate.render_segments` / `ChopsUpdate.render_segments`
        write it."""
        if isinstance(update, LayoutUpdate):
            for y, line in enumerate(update.strips, update.region.y):
                x = update.region.x
                for strip in line:
                    self.put(x, y, strip)
                    x += strip.cell_length
        elif isinstance(update, ChopsUpdate):
            for y, x1, x2 in update.spans:
                for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items()):
                    if strip is None or x > x2 or end <= x1:
                        continue
                    if not (x2 > x >= x1 and end <= x2):
                        strip = strip.crop(0, min(end, x2) - x)
                    self.put(x, y, strip)

    def rows(self) -> list[str]:
        return ["".join(row) for row in self.grid]


def watch_terminal(app: Any) -> Terminal:
    """A terminal that gets every update `app` sends to its screen from now on (before
    `run_test`, so it gets the first, whole, screen)."""
    width, height = app.size if app.is_running else (0, 0)
    terminal = Terminal(width, height)
    display = app._display

    def shown(screen: Any, update: Any) -> None:
        if update is not None and screen is app.screen and not app._batch_count:
            if (terminal.width, terminal.height) != tuple(app.size):
                terminal.__init__(*app.size)
            terminal.apply(update)
        display(screen, update)

    app._display = shown
    return terminal


def screen_rows(app: Any) -> list[str]:
    """The app's screen as it is laid out now, drawn whole (what the terminal should show)."""
    terminal = Terminal(*app.size)
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        terminal.put(0, y, strip)
    return terminal.rows()


def stale_rows(app: Any, terminal: Terminal) -> dict[int, tuple[str, str]]:
    """The rows where the terminal differs from the screen: {row: (shown, should show)}."""
    wanted = screen_rows(app)
    return {y: (shown, want) for y, (shown, want) in enumerate(zip(terminal.rows(), wanted))
            if shown != want}
