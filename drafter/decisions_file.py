"""The decisions file (`answers.decisions.yaml`): its entries as pydantic models, read and
appended to. Imported only where a decisions file is read or written, since building a
pydantic model loads pydantic's plugin machinery, which a build without decisions never needs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drafter.requirements import Severity
from drafter.yamlio import atomic_write, dump_yaml, load_data, load_yaml
HEADER = ("Counsel's decisions on Drafter's reviewer notes (see `drafter resolve --help`).\n"
          "Each keeps its note closed until what the note is about changes; the latest\n"
          "decision on a note wins (`action: undo` takes a resolution back). Add to this\n"
          "file; do not delete from it.")
Via = Literal["word", "command"]


class Decision(BaseModel):
    """One entry of the decisions file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    note: str = Field(min_length=1)  # the note's key (`note_key`)
    number: str | None = None  # its number (R3) in the build it was decided on
    severity: Severity
    message: str
    who: str = Field(min_length=1)
    when: datetime
    why: str = ""
    via: Via
    about: dict[str, str]  # fingerprints of what the note is about (`about`)
    # "undo": this entry takes back the note's last resolution (`drafter resolve --undo`),
    # which stays in the file above it; absent for a resolution
    action: Literal["undo"] | None = None

    @property
    def undoes(self) -> bool:
        return self.action == "undo"

    @field_validator("when", mode="before")
    @classmethod
    def _day(cls, value: Any) -> Any:
        """A bare date (`2026-12-01`) is that day's start, UTC."""
        if isinstance(value, date) and not isinstance(value, datetime):
            return datetime.combine(value, time(), timezone.utc)
        return value

    def entry(self) -> dict[str, Any]:
        """The decision as the file writes it (the time as ISO text)."""
        data = self.model_dump(exclude_none=True)
        data["when"] = self.when.isoformat()
        return data


class DecisionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    decisions: list[Decision] = []



def read_decisions(path: Path) -> list[Decision]:
    """The decisions in an existing file, oldest first; a malformed file is a one-line error
    naming its line and field."""
    return load_data(path).validated(DecisionsFile).decisions


def append_decisions(path: Path, new: Sequence[Decision]) -> None:
    """Append decisions to the file, keeping everything in it (comments too)."""
    if path.exists():
        read_decisions(path)  # never append to a file that does not read
        doc = load_yaml(path)
    else:
        from ruamel.yaml.comments import CommentedMap

        doc = CommentedMap()
        doc.yaml_set_start_comment(HEADER)
    if doc.get("decisions") is None:
        doc["decisions"] = []
    doc["decisions"].extend(d.entry() for d in new)
    atomic_write(path, dump_yaml(doc))


