"""The requirement catalog (`clauses/requirements.yaml`): what the law asks a policy to say.

Generation and review both read it: a clause declares which requirements it `satisfies`; an
applicable requirement that no selected clause satisfies becomes a reviewer note; on a policy
Drafter did not write, the `detect` patterns stand in for `satisfies`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import StringConstraints, field_validator

from drafter.clock import today
from drafter.errors import UserError
from drafter.parsecache import memo
from drafter.records import FORBID
from drafter.templating import Condition, TemplateSyntaxError, compile_condition
from drafter.yamlio import DataFile, load_data

Severity = Literal["blocking", "warning", "advice"]
Topic = Literal[
    "scope", "collection", "use", "sharing", "sale", "cookies", "do-not-track", "choice",
    "access", "rights", "retention", "security", "children", "international", "changes",
    "contact", "terminology", "placeholder", "outdated", "consistency",
]


def valid_patterns(patterns: list[str], what: str = "pattern") -> list[str]:
    """`patterns` unchanged if each is a valid regular expression (a pydantic validator)."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{what} {pattern!r} is invalid: {exc}") from None
    return patterns


@dataclass(frozen=True, kw_only=True)
class Requirement:
    """One disclosure the law asks for, with how to tell when it applies and when it is met.
    A record (drafter.records): checked, its `detect` patterns too, when the file is read."""

    __pydantic_config__ = FORBID
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    law: str
    cite: str
    topic: Topic
    note: str
    applies_when: str = "true"
    # Citations that hold only under a condition, citation → condition (a state's statute,
    # where the business is in that state): a note cites `cite` with each whose condition
    # holds, so it never cites the law of a state the business is not in; a review of a
    # policy without answers cites them all.
    cites: dict[str, str] = field(default_factory=dict)
    # The day the duty starts (a law's or amendment's effective or compliance date): on a
    # policy dated earlier the requirement does not apply; on an undated one, from that day.
    in_force: date | None = None
    detect: list[str] = field(default_factory=list)
    ask: str | None = None
    severity: Severity = "blocking"
    # What rests on secondary sources, not the official text: `true`, or the reason in words
    # ("the section of PA 26-64 that carries the ban was not read"); a note shows "[verify]".
    verify: bool | str = False
    # A question for counsel, not something the owner can fix: the note an "I'm not sure"
    # answer to `ask` raises (it states what the draft assumed and what counsel must confirm).
    # Its note blocks publication until counsel settles it, whatever `severity` says (`Note`).
    counsel: bool = False
    # For `detect`: what the patterns look for, in words counsel can check ("a date labelled
    # 'effective' or 'last updated'"); a "missing" note quotes it.
    looks_for: str | None = None
    # Why a policy that no `detect` pattern matches certainly lacks the item. Only such a
    # requirement may block a policy Drafter did not write; any other finding is a warning.
    certain: str | None = None

    @field_validator("detect")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        return valid_patterns(value, "detect pattern")


@dataclass(frozen=True)
class InForce:
    """A requirement's `applies_when`, holding only once the duty is in force: on the policy's
    effective date (`policy.effective_date`), or today when the policy is undated (a review of
    a policy without answers)."""

    condition: Condition
    start: date | None

    @property
    def source(self) -> str:
        return self.condition.source

    def in_force(self, context: Mapping[str, Any]) -> bool:
        if self.start is None:
            return True
        policy = context.get("policy")
        day = policy.get("effective_date") if isinstance(policy, Mapping) else getattr(
            policy, "effective_date", None)
        return (day if isinstance(day, date) else today()) >= self.start

    def holds(self, context: Mapping[str, Any]) -> bool:
        return self.in_force(context) and self.condition.holds(context)

    def value(self, context: Mapping[str, Any]) -> Any:
        return self.condition.value(context) if self.in_force(context) else False


@dataclass(frozen=True)
class CatalogEntry:
    requirement: Requirement
    applies: InForce
    source: DataFile
    index: int
    cites: tuple[tuple[str, Condition], ...] = ()

    def cite(self, context: Mapping[str, Any] | None = None) -> str:
        """The requirement's citation, with each of its `cites` whose condition holds in
        `context` (all of them without one)."""
        extra = [cite for cite, condition in self.cites
                 if context is None or condition.holds(context)]
        return "; ".join(part for part in (self.requirement.cite, *extra) if part)

    @property
    def line(self) -> int | None:
        """Where the entry is in requirements.yaml (found only when an error needs it)."""
        return self.source.line((self.index,))


def load_requirements(path: Path) -> dict[str, CatalogEntry]:
    """Load the catalog; errors name the file, line and requirement id. What a text validates
    to is kept in the parse cache, so its `detect` patterns compile only when a review of
    another policy uses them."""
    file = load_data(path)
    catalog: dict[str, CatalogEntry] = {}
    for index, requirement in enumerate(memo("requirements", file.text,
                                             lambda: file.validated_entries(Requirement, "requirements"))):
        applies = _condition(file, requirement, requirement.applies_when, (index, "applies_when"))
        cites = tuple((cite, _condition(file, requirement, when, (index, "cites", cite)))
                      for cite, when in requirement.cites.items())
        catalog[requirement.id] = CatalogEntry(requirement, InForce(applies, requirement.in_force),
                                               file, index, cites)
    return catalog


def _condition(file: DataFile, requirement: Requirement, source: str,
               where: tuple[Any, ...]) -> Condition:
    """`source` compiled, or an error naming the file, line and requirement."""
    try:
        return compile_condition(source)
    except TemplateSyntaxError as exc:
        from drafter.name_check import condition_line

        raise UserError(f"`{where[1]}` is not a valid expression: {exc.message}",
                        path=file.path, line=condition_line(file, where),
                        field=requirement.id) from None
