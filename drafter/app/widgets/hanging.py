"""Two columns, a label and its text, each wrapping under its own start, at every width.

F1's keys (a key, what it does) and the reviewer notes (a note's kind and id, its message) are
such rows. F1 gave its keys a column 22 wide at every width: on a phone (about 34 columns of
text) the words had 10 left and read a word a line; the notes wrapped their message back to
the left edge, under the kind. Here the label column narrows with the width, down to `least`
columns, so the text keeps `room` of its own; a label with a word too long for its column goes
on a line of its own, the text hanging under the text column below it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

GAP = 2
"""Columns between the label and its text."""


class Hanging:
    """Rows of (label, text), the text column starting `label_width(width) + gap` in."""

    def __init__(self, rows: Iterable[tuple[str | Text, RenderableType]], widest: int = 22,
                 least: int = 10, room: int = 22, label_style: str = "",
                 gap: int = GAP) -> None:
        self.rows = [(Text(label, style=label_style) if isinstance(label, str) else label, text)
                     for label, text in rows]
        self.widest, self.least, self.room, self.gap = widest, least, room, gap

    def label_width(self, width: int) -> int:
        """`widest` where the text keeps `room` columns; narrower down to `least` (and never
        more than leaves the text one column)."""
        gap = self.gap
        return max(1, min(self.widest, max(self.least, width - gap - self.room), width - gap - 1))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        label_width = self.label_width(width)
        for label, text in self.rows:
            words = label.plain.split()
            if any(len(word) > label_width for word in words):
                yield label  # on its own line, wrapping at the whole width
                label = Text("")
            table = Table.grid(padding=(0, self.gap, 0, 0), expand=True)
            table.add_column(width=label_width)
            table.add_column(ratio=1)
            table.add_row(label, text)
            yield table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> object:
        from rich.measure import Measurement

        return Measurement(1, options.max_width)


def lines_of(renderable: object, width: int) -> Iterator[str]:
    """The plain lines `renderable` draws at `width` (what a test reads)."""
    console = Console(width=width, color_system=None, legacy_windows=False)
    for line in console.render_lines(renderable, console.options.update_width(width), pad=False):
        yield "".join(segment.text for segment in line if not isinstance(segment, Segment)
                      or not segment.control).rstrip()


__all__ = ["GAP", "Hanging", "lines_of"]
