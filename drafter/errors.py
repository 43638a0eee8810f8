"""One small error hierarchy, so every face (CLI, app) can show a fixable error in one line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TextIO

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line feed


def printable(text: str) -> str:
    """Text safe to show in a terminal: every control character but tab and line feed is
    written out (`\\x1b`), so a file name or answer cannot move the cursor or retitle the
    window."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_text(data: Any, *, indent: int | None = None) -> str:
    """JSON (with a final newline) that keeps letters as they are but escapes every control
    character as JSON does (`\\u009d`), so that `printable` has nothing to rewrite: a control
    character quoted from a policy can never make the CLI's JSON invalid."""
    import json

    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


class PrintableStream:
    """A text stream that passes everything through `printable` (the CLI's stdout/stderr)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class DrafterError(Exception):
    """Something went wrong inside Drafter."""


class InvalidExpression(ValueError):
    """A condition that does not compile, raised in a pydantic validator: the error then names
    the line of the condition that is wrong (`DataFile.error_line`), not where it starts."""


class UserError(DrafterError):
    """Something the user (owner, counsel or library author) can fix: bad file, bad answer.

    Rendered as ``file:line: field: message`` so that editors and terminals can jump to it.
    `also` holds the other problems found with it, one per field (an answers file's: see
    `answer_errors.answer_error`), for a caller that shows them all.
    """

    also: tuple[UserError, ...] = ()

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
