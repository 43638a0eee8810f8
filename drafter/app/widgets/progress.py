"""Where am I: the owner's standing under the sections (answered of asked, what is left for
them and for counsel), and after an export the absolute paths written, kept on screen until
the next export."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual.widgets import Static

from drafter.standing import Standing


class Progress(Static):
    """Three short lines from `drafter.standing`; redrawn only when they change."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.shown: Standing | None = None

    def show(self, standing: Standing) -> None:
        if standing != self.shown:
            self.shown = standing
            self.update("\n".join(standing.lines()))


class Exported(Static):
    """The files the last export wrote, by absolute path (hidden until there is one)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.display = False

    def show(self, paths: Iterable[Path], notes: str) -> None:
        """Each folder written to, as an absolute path, then the names written in it, under
        what the review of the draft found (`notes`). All of it is said here, not in a notice
        as well: at 80x24 the notice lay over these lines."""
        folders: dict[Path, list[str]] = {}
        for path in paths:
            path = Path(path).resolve()
            folders.setdefault(path.parent, []).append(path.name)
        lines = [f"Exported (F8 again updates them). {notes}"]
        for folder, names in folders.items():
            lines += [f"{folder}{os.sep}", "  " + ", ".join(names)]
        self.update("\n".join(lines))
        self.display = True


__all__ = ["Exported", "Progress"]
