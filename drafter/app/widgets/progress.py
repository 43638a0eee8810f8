"""Where am I: the owner's standing under the sections (answered of asked, what is left for
them and for counsel), and after an export the absolute paths written, kept on screen until
the next export."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual.app import RenderResult
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from drafter.standing import Standing


class Progress(Static):
    """Three short lines from `drafter.standing`; redrawn only when they change. On a phone
    (the screen's `-phone`, under the stacked sections) the same words with one number each
    (`Standing.phrases`), on one line where they fit: the rows there are few, and the
    sections' own counts do not say what is left overall or for counsel."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.shown: Standing | None = None

    def show(self, standing: Standing) -> None:
        if standing != self.shown:
            self.shown = standing
            self.update("\n".join(standing.lines()))

    def render(self) -> RenderResult:
        if self.shown is not None and self.screen.has_class("-phone"):
            return Text("\n".join(packed(self.shown.phrases(), self.content_size.width)))
        return super().render()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The rows at `width`, the width being measured: `render` packs them to the width
        last given, none when first placed (a second layout, asked for by the size that first
        one found, put that right: no layout is asked for that now, see `BuildsAhead`)."""
        if self.shown is not None and self.screen.has_class("-phone"):
            return len(packed(self.shown.phrases(), width))
        return super().get_content_height(container, viewport, width)


def packed(phrases: list[str], width: int, between: str = " · ") -> list[str]:
    """`phrases` joined by `between` in rows of at most `width` columns, a phrase never broken
    (one longer than a row has a row of its own)."""
    rows: list[str] = []
    for phrase in phrases:
        if rows and len(rows[-1]) + len(between) + len(phrase) <= width:
            rows[-1] += between + phrase
        else:
            rows.append(phrase)
    return rows


class Exported(VerticalScroll):
    """The files the last export wrote, by absolute path (hidden until there is one): every
    one of them, scrolled with the arrows once Tab reaches it, or the mouse wheel, when they
    are more than its rows (at a phone's width the list showed 3 of 9 files)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(ExportedText(), **kwargs)  # type: ignore[arg-type]
        self.display = False

    @property
    def text(self) -> str:
        """What the last export wrote, one folder a line and its names on the next."""
        return self.query_one(ExportedText).text

    def show(self, paths: Iterable[Path], notes: str) -> None:
        """Each folder written to, as an absolute path, then the names written in it, under
        what the review of the draft found (`notes`). All of it is said here, not in a notice
        as well: at 80x24 the notice lay over these lines."""
        folders: dict[Path, list[str]] = {}
        for path in paths:
            path = Path(path).resolve()
            folders.setdefault(path.parent, []).append(path.name)
        self.query_one(ExportedText).show(f"Exported (F8 again updates them). {notes}", folders)
        self.display = True


class ExportedText(Static):
    """The export's words, laid out for the width they are given: the notes wrapped at spaces,
    a folder's path broken after a `/` (never inside a name), its files' names wrapped under
    it, indented. On a phone, where the panel has four rows (it took 8 of 41), the absolute
    path comes first ("Exported to /home/…/"), then the names, then the notes, the rest
    reached by scrolling."""

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self.heading = ""
        self.folders: dict[Path, list[str]] = {}

    @property
    def text(self) -> str:
        return str(self.content)

    def show(self, heading: str, folders: dict[Path, list[str]]) -> None:
        self.heading, self.folders = heading, folders
        lines = [heading]
        for folder, names in folders.items():
            lines += [f"{folder}{os.sep}", "  " + ", ".join(names)]
        self.update("\n".join(lines))

    def rows(self, width: int) -> list[Text]:
        """The rows drawn at `width` columns."""
        if width <= 0:
            return [Text(self.text)]
        console = self.app.console
        if self.screen.has_class("-phone"):  # where, first: then what, then the notes
            rows = []
            for number, (folder, names) in enumerate(self.folders.items()):
                lead = "Exported to " if number == 0 else ""
                rows += [Text(row) for row in path_rows(f"{lead}{folder}{os.sep}", width)]
                rows += Text(", ".join(names)).wrap(console, width)
            return rows + list(Text(self.heading).wrap(console, width))
        rows = list(Text(self.heading).wrap(console, width))
        for folder, names in self.folders.items():
            rows += [Text(row) for row in path_rows(f"{folder}{os.sep}", width)]
            rows += [Text("  ") + row for row in
                     Text(", ".join(names)).wrap(console, max(width - 2, 1))]
        return rows

    def render(self) -> Text:
        return Text("\n").join(self.rows(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The rows at `width`, the width being measured (as `Progress`'s)."""
        return len(self.rows(width)) if width > 0 else super().get_content_height(
            container, viewport, width)


def path_rows(path: str, width: int) -> list[str]:
    """`path` in rows of at most `width` columns, each broken just after a separator; a part
    longer than a row is cut where the row ends (nothing else can be done with it)."""
    parts = [part + os.sep for part in path.split(os.sep)[:-1]] + [path.split(os.sep)[-1]]
    rows = [""]
    for part in filter(None, parts):
        if rows[-1] and len(rows[-1]) + len(part) > width:
            rows.append("")
        rows[-1] += part
        while len(rows[-1]) > width:
            rows[-1:] = [rows[-1][:width], rows[-1][width:]]
    return rows


__all__ = ["Exported", "Progress"]
