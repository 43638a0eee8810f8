"""One small error hierarchy, so every face (CLI, app) can show a fixable error in one line."""

from __future__ import annotations

from pathlib import Path


class DrafterError(Exception):
    """Something went wrong inside Drafter."""


class UserError(DrafterError):
    """Something the user (owner, counsel or library author) can fix: bad file, bad answer.

    Rendered as ``file:line: field: message`` so that editors and terminals can jump to it.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"
