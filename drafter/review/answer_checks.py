"""Checks over the answers: requirements no clause meets, answers that contradict each other or
the law (`clauses/answer-checks.yaml`), and a draft's effective date left a year behind.

These need the answers, so they run on Drafter's drafts and on `drafter review --answers`.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.review.checks import Subject, check, detected, requirement_note
from drafter.document.model import Note
from drafter.review.rules import usable_answer_checks
from drafter.review.text_checks import stale_date_note
from drafter.templating import join_and


def _anchors(subject: Subject) -> set[str]:
    if subject.policy is None:
        return set()
    return {s.id for s in subject.policy.sections} | {c.id for c in subject.policy.clauses()}


def _nearest(anchor: str | None, anchors: set[str]) -> str | None:
    """The clause if the draft has it, else its section (`retention.criteria` → `retention`)."""
    for candidate in (anchor, anchor.split(".")[0] if anchor else None):
        if candidate in anchors:
            return candidate
    return None


def _applicable(subject: Subject, rid: str | None) -> str | None:
    """The requirement a check names, if it applies to these answers: a check about biometric
    consent names Illinois's rule, but a kiosk outside Illinois must not be told that rule
    applies (and its note must not stand in for an unmet requirement it does not have)."""
    if rid is None or subject.answers is None:
        return rid
    entry = subject.catalog.get(rid)
    return rid if entry is not None and entry.applies.holds(subject.answers.context) else None


def _met(subject: Subject, rid: str) -> bool:
    """A requirement met by a clause of the draft or, in another policy, by its `detect`."""
    if subject.policy is not None:
        return rid in subject.policy.satisfied()
    entry = subject.catalog.get(rid)
    return entry is not None and detected(entry.requirement, subject.document.text)


@check("requirements")
def unmet_requirements(subject: Subject) -> Iterator[Note]:
    """Every applicable requirement that no clause of the draft satisfies (usually because an
    answer is missing or "not sure")."""
    if subject.policy is None or subject.answers is None:
        return
    satisfied = subject.policy.satisfied()
    anchors = _anchors(subject)
    for rid, entry in subject.catalog.items():
        req = entry.requirement
        if rid in satisfied or not entry.applies.holds(subject.answers.context):
            continue
        yield requirement_note(rid, req, req.topic if req.topic in anchors else None,
                               cite=entry.cite(subject.answers.context))


@check("answers")
def contradictions(subject: Subject) -> Iterator[Note]:
    """Answer checks whose `when` holds, unless the policy already meets all their
    `unless_met` requirements; checks naming questions this questionnaire lacks are skipped
    (and reported by `drafter lint`)."""
    if subject.answers is None:
        return
    anchors = _anchors(subject)
    for compiled in usable_answer_checks(subject.rules, subject.answers.names):
        rule = compiled.check
        if not compiled.condition.holds(subject.answers.context):
            continue
        if rule.unless_met and all(_met(subject, rid) for rid in rule.unless_met):
            continue
        message = rule.message
        if compiled.items is not None:  # a check about a list says nothing when it is empty
            items = list(compiled.items.value(subject.answers.context) or [])
            if not items:
                continue
            message = message.format(items=join_and(items))
        yield Note(id="", severity=rule.severity, topic=rule.topic, message=message,
                   check=rule.id, requirement=_applicable(subject, rule.requirement),
                   cite=rule.cite,
                   anchor=_nearest(rule.anchor, anchors),
                   resolves_by=rule.resolves_by, verify=rule.verify,
                   for_counsel=rule.counsel)


@check("moved")
def moved_answers(subject: Subject) -> Iterator[Note]:
    """An answer to a retired question: what loading made of it, told to the owner (the file
    still holds it, so nothing they typed is dropped silently)."""
    if subject.answers is None:
        return
    for message, key in subject.answers.moves:
        yield Note(id="", severity="warning", topic="consistency", message=message,
                   check="answers.moved", resolves_by=key)


@check("draft-date")
def stale_draft_date(subject: Subject) -> Iterator[Note]:
    """A draft whose effective-date answer is over a year old."""
    if subject.policy is None or subject.answers is None:
        return
    effective = subject.answers.effective_date
    note = stale_date_note(subject, effective) if effective else None
    if note is not None:
        yield note
