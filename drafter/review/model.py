"""What a review produces: `Note`s (the reviewer's remarks) and the `Draft` that carries them.

One model serves drafts and existing policies alike, so the CLI, the exporters, `review.md`
and the app show the same thing whichever way a note was found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from drafter.assemble import Policy
from drafter.requirements import Severity, Topic

if TYPE_CHECKING:
    from drafter.ledger import LedgerEntry

SEVERITIES: tuple[Severity, ...] = ("blocking", "warning", "advice")


@dataclass(frozen=True)
class Note:
    """One reviewer remark: what is wrong or missing, why (law and citation), where, and which
    question's answer settles it."""

    id: str  # R1, R2, … in document order ("" until numbered)
    severity: Severity
    topic: Topic
    message: str
    check: str  # the rule that raised it (`outdated.safe-harbor`, `requirement`, …)
    requirement: str | None = None
    cite: str | None = None
    anchor: str | None = None  # clause or section id in a draft
    lines: tuple[int, int] | None = None  # first and last line in an existing document
    excerpt: str | None = None  # the words that triggered it, in an existing document
    resolves_by: str | None = None  # question key
    verify: bool = False  # the law behind it is marked [verify] in LEGAL.md

    @property
    def blocking(self) -> bool:
        return self.severity == "blocking"

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["lines"] = list(self.lines) if self.lines else None
        return data


@dataclass(frozen=True)
class Draft:
    """A drafted policy, the reviewer notes on it and its promises ledger: what every
    exporter receives. `promises` is None where there is no ledger to show: a copy to publish,
    or the policy text alone (an empty tuple is a draft whose clauses promise nothing)."""

    policy: Policy
    notes: tuple[Note, ...]
    promises: tuple[LedgerEntry, ...] | None = None


def number(notes: Iterable[Note], position: Callable[[Note], float]) -> list[Note]:
    """Sort notes into document order (then by severity) and give them ids R1, R2, …"""
    ordered = sorted(notes, key=lambda n: (position(n), SEVERITIES.index(n.severity), n.check))
    return [replace(note, id=f"R{i}") for i, note in enumerate(ordered, start=1)]


def summary(notes: Iterable[Note]) -> dict[str, int]:
    """Counts by severity, plus the total: the `summary` object of `drafter review --format
    json`."""
    counts: dict[str, int] = {severity: 0 for severity in SEVERITIES}
    for note in notes:
        counts[note.severity] += 1
    return {**counts, "total": sum(counts.values())}
