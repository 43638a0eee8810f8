"""A baseline: the notes a team has accepted, so CI fails only on new ones.

`drafter review --write-baseline FILE` writes every note of the run; `--baseline FILE` leaves
out each note the file lists. A note is matched by its check (or requirement) id, its file
and a fingerprint of the passage it is about (its excerpt, case and spacing ignored), never by
line number: text added above a passage does not bring its note back, while a change to the
passage itself does. Each entry accepts one note, so a second copy of an accepted sentence is
still reported.

    {"version": 1,
     "notes": [{"file": "docs/privacy.md", "check": "outdated.ssl",
                "fingerprint": "3f0c…", "excerpt": "…over an SSL connection…"}]}
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from drafter.errors import UserError, json_text
from drafter.review.ignore import rule_key
from drafter.document.model import Note
from drafter.yamlio import read_bytes

VERSION = 1
Key = tuple[str, str, str]  # file, check, fingerprint


class Entry(BaseModel):
    model_config = ConfigDict(extra="allow", defer_build=True)

    file: str
    check: str
    fingerprint: str


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="allow", defer_build=True)

    version: int
    notes: list[Entry]


def file_key(name: str) -> str:
    """A file as the baseline names it: relative to the working folder when it is inside
    it, with forward slashes, so one baseline serves every machine and checkout."""
    path = Path(name)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            pass
    return Path(os.path.normpath(path)).as_posix()


def fingerprint(note: Note) -> str:
    """A stable fingerprint of what a note is about: its id and passage, not its line."""
    passage = " ".join((note.excerpt or "").replace("…", " ").lower().split())
    text = f"{rule_key(note)}\0{passage}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def key(name: str, note: Note) -> Key:
    return file_key(name), rule_key(note), fingerprint(note)


def read_baseline(path: Path) -> Counter[Key]:
    """The accepted notes of a baseline file; every way it can be wrong is one line."""
    data = read_bytes(path, kind="a baseline file")
    try:
        raw: Any = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError("is not UTF-8 text", path=path) from None
    except json.JSONDecodeError as exc:
        raise UserError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    try:
        baseline = BaselineFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"])
        raise UserError(err["msg"].lower(), path=path, field=field.lstrip(".") or None) from None
    if baseline.version != VERSION:
        raise UserError(f"unknown baseline version {baseline.version}; this Drafter writes "
                        f"version {VERSION}", path=path, field="version")
    return Counter((e.file, e.check, e.fingerprint) for e in baseline.notes)


def baseline_json(reviewed: Iterable[tuple[str, Sequence[Note]]]) -> str:
    """A baseline accepting every note given, sorted so that it diffs well."""
    entries = [{"file": k[0], "check": k[1], "fingerprint": k[2], "excerpt": note.excerpt,
                "message": " ".join(note.message.split())[:120]}
               for name, notes in reviewed for note in notes for k in [key(name, note)]]
    entries.sort(key=lambda e: (e["file"], e["check"], e["fingerprint"]))
    return json_text({"version": VERSION, "notes": entries}, indent=2)


def apply_baseline(name: str, notes: Sequence[Note],
                   accepted: Counter[Key]) -> tuple[list[Note], int]:
    """The notes the baseline does not accept, and how many it did (`accepted` is consumed:
    each entry accepts one note)."""
    kept: list[Note] = []
    for note in notes:
        k = key(name, note)
        if accepted[k] > 0:
            accepted[k] -= 1
        else:
            kept.append(note)
    return kept, len(notes) - len(kept)
