"""The check registry: every built-in check is a callable `(Subject) -> Iterable[Note]`.

Like markdown-it-py's rules, checks register themselves by name and all take one argument, so
running a review is a loop over `CHECKS`, never an `if kind == …` chain. A check looks at the
parts of the `Subject` it needs and yields nothing when they are absent (a text-only review
has no answers; a file review has no `Policy`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date
from typing import Any, Protocol

from jinja2 import UndefinedError

from drafter.errors import DrafterError
from drafter.document.model import SEVERITIES, Note, Policy
from drafter.questionnaire import UNSURE, Questionnaire
from drafter.requirements import CatalogEntry, Requirement
from drafter.review.document import Document
from drafter.review.registry import registrar
from drafter.review.scan import search_at_words
from drafter.review.rules import ReviewRules


@dataclass(frozen=True)
class AnswerFacts:
    """The answers as conditions see them, and the questionnaire they belong to."""

    context: Mapping[str, Any]
    questionnaire: Questionnaire
    effective_date: date | None
    names: frozenset[str]  # what a condition may name (`rules.condition_names`)
    given: frozenset[str] = frozenset()  # keys the owner answered (not defaults)
    # For each "not sure" answer, the context under each other answer (`drafter.unsure`,
    # each made when first read).
    alternatives: Mapping[str, Sequence[Mapping[str, Any]]] = field(default_factory=dict)
    # Notes on answers to retired questions, and the question now asking (`carry_over`).
    moves: tuple[tuple[str, str], ...] = ()


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
    # Without answers: the facts stated about the business (`--facts`, and what choosing a law
    # states), as answer keys (`children.under_13`) and `law.NAME`s; see `coverage.applies`.
    facts: Mapping[str, Any] = field(default_factory=dict)


class _Holds(Protocol):
    def holds(self, context: Mapping[str, Any]) -> bool: ...


def stated_facts(facts: Mapping[str, Any]) -> dict[str, Any]:
    """`{"children.under_13": "yes", "law.europe": True}` as a condition's context: one
    mapping per section (a name nobody stated stays undefined)."""
    context: dict[str, dict[str, Any]] = {}
    for key, value in facts.items():
        section, _, name = key.partition(".")
        context.setdefault(section, {})[name] = value
    return context


def holds(subject: Subject, condition: _Holds) -> bool:
    """Whether a condition (a requirement's `applies_when`, a text rule's `when`) holds: by the
    answers if given, else only when the stated facts settle it (a condition that needs an
    unstated fact does not hold)."""
    if subject.answers is not None:
        return condition.holds(subject.answers.context)
    try:
        return condition.holds(stated_facts(subject.facts))
    except UndefinedError:  # the truth of an unstated fact
        return False
    except DrafterError as exc:
        if isinstance(exc.__cause__, UndefinedError):
            return False
        raise


Check = Callable[[Subject], Iterable[Note]]
CHECKS: dict[str, Check] = {}


check = registrar(CHECKS)  # `@check("name")` registers a built-in check


def run_checks(subject: Subject) -> list[Note]:
    """Every registered check's notes, with each "I'm not sure" answer turned into one question
    for counsel (unnumbered and unsorted)."""
    notes = one_note_per_requirement([note for run in CHECKS.values() for note in run(subject)])
    return counsel_questions(subject, notes)


def one_note_per_requirement(notes: list[Note]) -> list[Note]:
    """An answer check that names a requirement the draft leaves unmet says the same thing as
    the unmet-requirement note, more precisely: keep the answer check's note, at the stricter
    of the two severities, and drop the other."""
    unmet = {n.requirement: n for n in notes if n.check == "requirement" and n.requirement}
    named = {n.requirement for n in notes if n.check != "requirement"} & unmet.keys()
    merged: list[Note] = []
    for note in notes:
        if note.requirement not in named:
            merged.append(note)
        elif note.check != "requirement":
            twin = unmet[note.requirement]
            merged.append(replace(note, severity=min(note.severity, twin.severity,
                                                     key=SEVERITIES.index)))
    return merged


def unsure_keys(subject: Subject) -> list[str]:
    """The questions shown to the owner and answered "I'm not sure", in questionnaire order
    (a hidden question counts as unanswered, so it is never among them)."""
    if subject.answers is None:
        return []
    context = subject.answers.context
    return [entry.key for entry in subject.answers.questionnaire
            if getattr(context.get(entry.section.id), entry.question.id, None) == UNSURE]


def counsel_questions(subject: Subject, notes: list[Note]) -> list[Note]:
    """"I'm not sure" goes to counsel, never to the owner: each such answer yields exactly one
    question for counsel. It is the catalog's `counsel` note for that question (which says what
    the draft assumed and what to confirm), or a plain one; every other note the same answer
    would settle is taken into it (`covers`), because the owner cannot fix what they do not
    know. Every question for counsel blocks publication (`Note`)."""
    unsure = unsure_keys(subject)
    settles = {id(n): key for n in notes if (key := _settled_by(subject, n, unsure))}
    kept = [n for n in notes if id(n) not in settles]
    for key in unsure:
        related = [n for n in notes if settles.get(id(n)) == key]
        asked = [n for n in related if n.for_counsel]
        question = asked[0] if asked else _catalog_question(subject, key)
        taken = [n for n in related if n is not question]
        covers = tuple(dict.fromkeys(name for n in taken for name in (n.check, n.requirement)
                                     if name and name != "requirement"))
        kept.append(replace(question, for_counsel=True, covers=covers))  # blocking (Note)
    return kept


def _settled_by(subject: Subject, note: Note, unsure: list[str]) -> str | None:
    """The "not sure" answer that settles `note`: the one it names, else the first whose other
    answers would not all bring in its requirement (it applies only because of the unknown,
    so a note about it would presume a fact the owner does not know)."""
    if note.resolves_by in unsure:
        return note.resolves_by
    entry = subject.catalog.get(note.requirement or "")
    if entry is None or subject.answers is None:
        return None
    for key in unsure:
        if not all(entry.applies.holds(context)
                   for context in subject.answers.alternatives.get(key, ())):
            return key
    return None


def _catalog_question(subject: Subject, key: str) -> Note:
    """The catalog's `counsel` requirement for `key` (a review of a text that Drafter did not
    draft raises no requirement notes), else a plain question naming the prompt."""
    assert subject.answers is not None
    for rid, entry in subject.catalog.items():
        req = entry.requirement
        if req.counsel and req.ask == key and entry.applies.holds(subject.answers.context):
            return requirement_note(rid, req, cite=entry.cite(subject.answers.context))
    prompt = subject.answers.questionnaire.entry(key).question.prompt
    return Note(id="", severity="warning", topic="consistency", check="answers.unsure",
                message=f'The owner was not sure how to answer "{prompt}". Counsel: confirm '
                        "the answer, and check what the policy says where it depends on it.",
                resolves_by=key, for_counsel=True)


def requirement_note(rid: str, req: Requirement, anchor: str | None = None, *,
                     cite: str | None = None) -> Note:
    """The note for an applicable requirement that nothing in the policy meets (`cite`: its
    citation for these answers, `CatalogEntry.cite`)."""
    return Note(id="", severity=req.severity, topic=req.topic, message=req.note,
                check="requirement", requirement=rid, cite=cite if cite is not None else req.cite,
                anchor=anchor,
                resolves_by=req.ask, verify=bool(req.verify), for_counsel=req.counsel)


def detected(requirement: Requirement, text: str) -> bool:
    """Whether a policy Drafter did not write seems to cover `requirement`: one of its `detect`
    patterns is in the text (the stand-in for a clause that `satisfies` it), with the line
    wraps inside a paragraph joined, so a phrase may wrap."""
    prose = _joined(text)
    return any(search_at_words(_detect_pattern(p), prose) for p in requirement.detect)


@lru_cache(maxsize=1024)
def _detect_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_BLANK_LINES = re.compile(r"(\n\n+)")  # a literal first: searched fast, unlike a look-behind


_WRAP = re.compile(r"[ \t]*\n[ \t]*")  # a wrap, with the indent of a list item's next line


@lru_cache(maxsize=4)
def _joined(text: str) -> str:
    """`text` with single line breaks (wraps inside a paragraph, and the indent that follows
    one in a list item) read as one space; blank lines (paragraph breaks) are kept."""
    parts = _BLANK_LINES.split(text)  # paragraphs, and the blank lines between them
    parts[::2] = [_WRAP.sub(" ", paragraph) if "\n" in paragraph else paragraph
                  for paragraph in parts[::2]]
    return "".join(parts)


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (negative when `earlier` is in the future)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)
