"""Where am I: the owner's standing under the sections (answered of asked, what is left for
them and for counsel), and after an export the absolute paths written, kept on screen until
the next export."""

from __future__ import annotations

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
        lines = [str(Path(p).resolve()) for p in paths]
        self.update("\n".join([f"Exported ({notes}); F8 exports again:", *lines]))
        self.display = True


__all__ = ["Exported", "Progress"]
