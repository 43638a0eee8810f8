"""Checks on the promises of Drafter's own drafts: every commitment rests on an answer.

A clause marks each commitment with `{% promise "answer.key" %}` (see `drafter.promises`). Two
things can still go wrong, and counsel should hear of both: a sentence that reads as a
commitment (the `commitments` patterns of `review-checks.yaml`) outside any promise block, and a
promise whose answers the owner never gave (it rests only on a suggested default).
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.promises import Promise, spans
from drafter.review.checks import Subject, check
from drafter.document.model import Note
from drafter.review.text_checks import sentence_at
from drafter.review.text_rules import CompiledPattern

_SHOWN = 3  # excerpts quoted in one note
_KEPT = 4096  # clause texts whose findings are kept (the rule's `kept`); past that, afresh


@check("promises")
def unbacked_commitments(subject: Subject) -> Iterator[Note]:
    """One note per clause whose commitment-like sentences are not inside a promise block."""
    compiled = subject.rules.commitments
    if subject.policy is None or compiled is None:
        return
    rule = compiled.rule
    kept = compiled.kept
    for clause in subject.policy.clauses():
        key = (clause.markdown, tuple(p.text for p in clause.promises))
        loose = kept.get(key)
        if loose is None:
            loose = _loose(compiled, clause.markdown, clause.promises)
            if len(kept) >= _KEPT:
                kept.clear()
            kept[key] = loose
        if loose:
            quoted = "; ".join(f'"{s}"' for s in loose[:_SHOWN])
            more = f" (and {len(loose) - _SHOWN} more)" if len(loose) > _SHOWN else ""
            yield Note(id="", severity=rule.severity, topic=rule.topic,
                       message=rule.message.format(excerpts=quoted + more), check=rule.id,
                       cite=rule.cite, anchor=clause.id, excerpt=loose[0])


def _loose(compiled: CompiledPattern, markdown: str, promises: tuple[Promise, ...]
           ) -> tuple[str, ...]:
    """The commitment-like sentences of a clause's Markdown outside its promises, in order,
    each once."""
    covered = spans(markdown, promises)
    loose: list[str] = []
    for found in compiled.finditers(markdown):
        for match in found:
            start, end = match.span()
            if any(a <= start and end <= b for a, b in covered):
                continue
            sentence = " ".join(sentence_at(markdown, start, end).split())
            if sentence not in loose:
                loose.append(sentence)
    return tuple(loose)


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
