"""The check registry: every built-in check is a callable `(Subject) -> Iterable[Note]`.

Like markdown-it-py's rules, checks register themselves by name and all take one argument, so
running a review is a loop over `CHECKS`, never an `if kind == …` chain. A check looks at the
parts of the `Subject` it needs and yields nothing when they are absent (a text-only review
has no answers; a file review has no `Policy`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from drafter.assemble import Policy
from drafter.questionnaire import Questionnaire
from drafter.requirements import CatalogEntry
from drafter.review.document import Document
from drafter.review.model import Note
from drafter.review.registry import registrar
from drafter.review.rules import ReviewRules


@dataclass(frozen=True)
class AnswerFacts:
    """The answers as conditions see them, and the questionnaire they belong to."""

    context: Mapping[str, Any]
    questionnaire: Questionnaire
    effective_date: date | None


@dataclass(frozen=True)
class Subject:
    """What is under review and everything a check may consult."""

    document: Document
    rules: ReviewRules
    catalog: Mapping[str, CatalogEntry]
    today: date
    laws: frozenset[str]  # requirement families to look for in a text (`caloppa`, `general`)
    answers: AnswerFacts | None = None
    policy: Policy | None = None  # only for Drafter's own drafts


Check = Callable[[Subject], Iterable[Note]]
CHECKS: dict[str, Check] = {}


check = registrar(CHECKS)  # `@check("name")` registers a built-in check


def run_checks(subject: Subject) -> list[Note]:
    """Every registered check's notes, unnumbered and unsorted."""
    return [note for run in CHECKS.values() for note in run(subject)]


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (negative when `earlier` is in the future)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)
