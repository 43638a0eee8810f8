"""Where the owner was in the form (a section and the focused question), kept for an answers
file in a small side file beside it (`.NAME.position.json`): the app reopens a file where its
owner left it. Only where: what is answered is in the answers file alone (a list moved on from
with nothing ticked too: `drafter.none_of_these`). Side files written before kept the lists
moved on from (`seen`); they are read once, to save those lists' answers in the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from drafter.yamlio import atomic_write


@dataclass(frozen=True)
class Position:
    """Where the owner was: a section id and the focused question's key (`seen`: the questions
    an old side file said the owner had moved on from, read to be migrated, never written)."""

    section: str
    question: str | None = None
    seen: tuple[str, ...] = ()


def position_path(answers_path: Path) -> Path:
    """The side file that remembers the form's position for an answers file."""
    return answers_path.with_name(f".{answers_path.name}.position.json")


def save_position(answers_path: Path, position: Position) -> None:
    data = {"section": position.section, "question": position.question}
    atomic_write(position_path(answers_path), json.dumps(data) + "\n")


def load_position(answers_path: Path) -> Position | None:
    """The position saved for the file (None: none, or unreadable: the form starts at the top)."""
    try:
        data = json.loads(position_path(answers_path).read_text(encoding="utf-8"))
        seen = data.get("seen") or []
        return Position(str(data["section"]), data.get("question"),
                        tuple(key for key in seen if isinstance(key, str)))
    except (OSError, ValueError, KeyError, TypeError):
        return None
