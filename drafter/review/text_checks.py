"""Checks that read the words of a policy: placeholders, outdated references, risky promises,
mixed terms, a company named two ways and a stale effective date (required items that no
sentence seems to cover are `coverage`'s).

They run on counsel's edited drafts and on existing policies alike; all patterns, word lists
and thresholds come from `clauses/review-checks.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from drafter.review.checks import Subject, check, months_between
from drafter.review.document import Block, Document
from drafter.review.model import Note
from drafter.review.rules import CompiledPattern, ReviewRules, Rule

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_WORDS = re.compile(r"[A-Za-z0-9]+")
_EXCERPT = 80


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) around a match: `unless` and history patterns look only there."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0: after.end() if after else len(text)]


def _excerpt(text: str, start: int, end: int) -> str:
    pad = max(0, (_EXCERPT - (end - start)) // 2)
    left, right = max(0, start - pad), min(len(text), end + pad)
    snippet = " ".join(text[left:right].split())
    return f"{'…' if left else ''}{snippet}{'…' if right < len(text) else ''}"


def _note(rule: Rule, message: str, block: Block | None = None,
          span: tuple[int, int] | None = None) -> Note:
    """A note from a rule of `review-checks.yaml`, placed at `span` within `block`: by clause
    in a draft, by line in any other document."""
    anchor = block.anchor if block is not None else None
    lines = excerpt = None
    if block is not None and anchor is None:
        lines = ((block.line_at(span[0]), block.line_at(span[1])) if span
                 else (block.start, block.end))
    if block is not None and span is not None:
        excerpt = _excerpt(block.text, *span)
    return Note(id="", severity=rule.severity, topic=rule.topic, message=message, check=rule.id,
                requirement=rule.requirement, cite=rule.cite, anchor=anchor, lines=lines,
                excerpt=excerpt, resolves_by=rule.resolves_by, verify=rule.verify)


Occurrence = tuple[Block, tuple[int, int], re.Match[str]]


def _occurrences(pattern: re.Pattern[str], document: Document, hint: list[str] | None = None,
                 ) -> Iterator[Occurrence]:
    """Every match of `pattern`, as (block, span within the block, match): searched in the whole text
    at once or, given `hint` words, only in the blocks that contain one (a fraction of a long
    policy; rules' words rarely occur)."""
    if not hint:
        for match in pattern.finditer(document.text):
            found = document.locate(*match.span())
            if found is not None:
                yield found[0], found[1:], match
        return
    for block in document.blocks_with(hint):
        yield from ((block, m.span(), m) for m in pattern.finditer(block.text))


def _matches(compiled: CompiledPattern, document: Document, rules: ReviewRules,
             ) -> Iterator[tuple[Block, tuple[int, int]]]:
    """Matches whose sentence is not excused by an `unless` or (for history rules) a
    past-tense pattern."""
    for pattern in compiled.patterns:
        for block, span, _ in _occurrences(pattern, document, compiled.rule.hint):
            sentence = sentence_at(block.text, *span)
            if any(u.search(sentence) for u in compiled.unless):
                continue
            if compiled.rule.history and any(h.search(sentence) for h in rules.history):
                continue
            yield block, span


def _also(blocks: list[Block]) -> str:
    """Where else a repeated finding is, for the one note that stands for all of them."""
    if not blocks:
        return ""
    if blocks[0].anchor is not None:
        return f" (Also in {', '.join(dict.fromkeys(str(b.anchor) for b in blocks))}.)"
    return f" (Also on line{'s' if len(blocks) > 1 else ''} " \
           f"{', '.join(str(b.start) for b in blocks)}.)"


@check("patterns")
def pattern_rules(subject: Subject) -> Iterator[Note]:
    """Placeholders (`each: true`): one note per block where they appear, since each must be
    filled in. Outdated references and risky promises: one note at the first, naming the
    other places. `expected` rules (absent: true): a note when nothing matches."""
    for compiled in subject.rules.patterns:
        rule = compiled.rule
        first: dict[int, tuple[Block, tuple[int, int]]] = {}  # by id(block): its first match
        for block, span in _matches(compiled, subject.document, subject.rules):
            if id(block) not in first or span < first[id(block)][1]:
                first[id(block)] = (block, span)
        if rule.absent:
            if not first:
                yield _note(rule, rule.message)
            continue
        order = subject.document.order
        found = sorted(first.values(), key=lambda found: order[id(found[0])])
        if rule.each:
            yield from (_note(rule, rule.message, block, span) for block, span in found)
        elif found:
            (block, span), rest = found[0], [b for b, _ in found[1:]]
            yield _note(rule, rule.message + _also(rest), block, span)


@check("terminology")
def mixed_terms(subject: Subject) -> Iterator[Note]:
    """Two or more names for one thing ("personal data" and "personal information"); uses in
    a sentence the group's `unless` excuses (statutory wording) do not count."""
    for group, variants, unless in subject.rules.terms:
        uses = {label: [(block, span) for block, span, _ in
                        _occurrences(pattern, subject.document, group.hint)
                        if not any(u.search(sentence_at(block.text, *span)) for u in unless)]
                for label, pattern in variants}
        used = {label: found for label, found in uses.items() if found}
        if len(used) < 2:
            continue
        counts = ", ".join(f'"{label}" ({len(found)})' for label, found in
                           sorted(used.items(), key=lambda item: -len(item[1])))
        block, span = min(used.values(), key=len)[0]
        yield _note(group, group.message.format(variants=counts), block, span)


@check("company-names")
def company_named_two_ways(subject: Subject) -> Iterator[Note]:
    """The same legal name spelled two ways ("Acme, Inc." and "Acme Inc")."""
    rule = subject.rules.text.company_names
    spellings: dict[tuple[str, ...], dict[str, tuple[Block, tuple[int, int]]]] = {}
    for block, span, match in _occurrences(subject.rules.company, subject.document, rule.hint):
        words = match.group("name").split()[-rule.words:]
        key = tuple(w.lower() for w in _WORDS.findall(" ".join(words) + " "
                                                     + match.group("suffix")))
        surface = " ".join(words) + match.group("sep").strip() + " " + match.group("suffix")
        spellings.setdefault(key, {}).setdefault(surface, (block, span))
    for forms in spellings.values():
        if len(forms) > 1:
            names = " and ".join(f'"{form}"' for form in forms)
            block, span = list(forms.values())[1]
            yield _note(rule, rule.message.format(names=names), block, span)


def _parse_date(text: str, formats: list[str]) -> date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(".", "")
    cleaned = re.sub(r"\s*,\s*", ", ", cleaned)
    for fmt in formats:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def stale_date_note(subject: Subject, effective: date, block: Block | None = None,
                    span: tuple[int, int] | None = None) -> Note | None:
    """The yearly-update note when `effective` is too old (shared by text and answers)."""
    rule = subject.rules.text.effective_date
    age = months_between(effective, subject.today)
    if age < rule.max_age_months:
        return None
    return _note(rule, rule.message.format(months=age, date=effective.isoformat()), block, span)


@check("effective-date")
def stale_effective_date(subject: Subject) -> Iterator[Note]:
    """An existing policy's latest labelled date ("Effective date", "Last updated") is more
    than a year before today: CCPA wants the policy reviewed every 12 months."""
    if subject.policy is not None:
        return
    rule = subject.rules.text.effective_date
    latest: tuple[date, Block, tuple[int, int]] | None = None
    for block, span, match in _occurrences(subject.rules.date, subject.document, rule.hint):
        parsed = _parse_date(match.group("date"), rule.formats)
        if parsed and (latest is None or parsed > latest[0]):
            latest = (parsed, block, span)
    if latest is not None:
        note = stale_date_note(subject, *latest)
        if note is not None:
            yield note
