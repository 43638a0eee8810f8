"""Checks on the promises of Drafter's own drafts: every commitment rests on an answer.

A clause marks each commitment with `{% promise "answer.key" %}` (see `drafter.promises`). Two
things can still go wrong, and counsel should hear of both: a sentence that reads as a
commitment (the `commitments` patterns of `review-checks.yaml`) outside any promise block, and a
promise whose answers the owner never gave (it rests only on a suggested default).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import SimpleNamespace
from typing import Any

from drafter.promises import Promise, occurrences, spans
from drafter.review.checks import Subject, check
from drafter.document.model import Note
from drafter.review.text_checks import sentence_at
from drafter.review.text_rules import CompiledPattern

_SHOWN = 3  # excerpts quoted in one note
_KEPT = 4096  # clause texts whose findings are kept (the rule's `kept`); past that, afresh


@check("promises")
def unbacked_commitments(subject: Subject) -> Iterator[Note]:
    """One note per clause whose commitment-like sentences are not inside a promise block,
    nor within words the owner typed."""
    compiled = subject.rules.commitments
    if subject.policy is None or compiled is None:
        return
    rule = compiled.rule
    kept = compiled.kept
    typed: tuple[str, ...] | None = None  # read only for a clause with a loose match: rare
    for clause in subject.policy.clauses():
        key = (clause.markdown, tuple(p.text for p in clause.promises))
        found = kept.get(key)
        if found is None:
            found = _loose(compiled, clause.markdown, clause.promises)
            if len(kept) >= _KEPT:
                kept.clear()
            kept[key] = found
        if not found:
            continue
        typed = _typed(subject) if typed is None else typed
        loose = _outside(found, occurrences(clause.markdown, typed))
        if loose:
            quoted = "; ".join(f'"{s}"' for s in loose[:_SHOWN])
            more = f" (and {len(loose) - _SHOWN} more)" if len(loose) > _SHOWN else ""
            yield Note(id="", severity=rule.severity, topic=rule.topic,
                       message=rule.message.format(excerpts=quoted + more), check=rule.id,
                       cite=rule.cite, anchor=clause.id, excerpt=loose[0])


def _typed(subject: Subject) -> tuple[str, ...]:
    """The owner's own words among the answers (a business name, an officer's title): written
    into a clause as they were typed, they are not a commitment of Drafter's, whatever they
    say ("FORBID", "Never Sold Ltd")."""
    if subject.answers is None:
        return ()
    found: set[str] = set()
    pending: list[Any] = [subject.answers.context]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.add(value.strip())
        elif isinstance(value, (Mapping, SimpleNamespace)):  # an AnswerGroup is a namespace
            pending.extend((value if isinstance(value, Mapping) else vars(value)).values())
        elif isinstance(value, (list, tuple)):
            pending.extend(value)
    return tuple(sorted(found - {""}))


Match = tuple[int, int, str]  # a commitment-like match's span, and the sentence holding it


def _loose(compiled: CompiledPattern, markdown: str, promises: tuple[Promise, ...]
           ) -> tuple[Match, ...]:
    """The commitment-like matches of a clause's Markdown outside its promises, in order."""
    covered = spans(markdown, promises)
    loose: list[Match] = []
    for found in compiled.finditers(markdown):
        for match in found:
            start, end = match.span()
            if not any(a <= start and end <= b for a, b in covered):
                loose.append((start, end, " ".join(sentence_at(markdown, start, end).split())))
    return tuple(loose)


def _outside(found: tuple[Match, ...], covered: list[tuple[int, int]]) -> tuple[str, ...]:
    """The sentences of the matches not within `covered` (the owner's words), each once."""
    return tuple(dict.fromkeys(sentence for start, end, sentence in found
                               if not any(a <= start and end <= b for a, b in covered)))


@check("promise-defaults")
def promises_on_defaults(subject: Subject) -> Iterator[Note]:
    """A promise whose every answer is a default the owner never gave: it says what the
    business does, and only the owner can say that."""
    if subject.policy is None or subject.answers is None:
        return
    given = subject.answers.given
    for clause in subject.policy.clauses():
        for promise in clause.promises:
            keys = [k for k in promise.basis if not k.startswith("law.")]
            if not keys or any(k in given for k in keys):
                continue
            yield Note(
                id="", severity="warning", topic="consistency", check="promise.default",
                message=(f'The policy promises "{" ".join(promise.text.split())}" because of a '
                         "suggested answer the owner has not confirmed. Confirm the answer (or "
                         "change it) so the promise is the business's own."),
                anchor=clause.id, excerpt=promise.text, resolves_by=keys[0])
