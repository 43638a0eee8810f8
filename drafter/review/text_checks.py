"""Checks that read the words of a policy: placeholders, outdated references, risky promises,
mixed terms, a company named two ways and a stale effective date (required items that no
sentence seems to cover are `coverage`'s).

They run on counsel's edited drafts and on existing policies alike; all patterns, word lists
and thresholds come from `clauses/review-checks.yaml`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache

from drafter.review.checks import Subject, check, holds, months_between
from drafter.statutes import POLICY_DATE
from drafter.review.document import Block, Document
from drafter.document.model import Note
from drafter.review.rules import CompiledPattern, ReviewRules, Rule
from drafter.review.scan import sees_only_its_match
from drafter.review.sentences import CHUNK, MARGIN, plain_stretch, sentence_span

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_WORDS = re.compile(r"[A-Za-z0-9]+")
_EXCERPT = 80


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence or line around a match in Markdown source (Drafter's clauses, where a line
    ends a list item or a heading), looked for at most `MARGIN` characters either side."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - MARGIN), start)]
    after = _SENTENCE_END.search(text, end, end + MARGIN)
    return text[before[-1] if before else max(0, start - MARGIN):
                after.end() if after else min(len(text), end + MARGIN)]


def _sentence(rules: ReviewRules, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The prose sentence around `span` (`unless` and history patterns look only there)."""
    return sentence_span(text, *span, never_after=tuple(rules.text.abbreviations))


_ANCHORED = re.compile(r"(?<!\\)[$^]|\\[AZ]")
_REACH = CHUNK + MARGIN  # how far a sentence can reach from a match


@lru_cache(maxsize=256)
def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _may_match_sentence(patterns: Sequence[re.Pattern[str]], text: str,
                        span: tuple[int, int]) -> bool:
    """Whether one of `patterns` may match the sentence around `span`: one that matches
    nowhere near it in the text cannot (anchored ones are always tried). Lets a check read
    the sentence of a match only where an excuse is possible, and so split few sentences."""
    for pattern in patterns:
        if _ANCHORED.search(pattern.pattern):
            return True
        starts = _starts(pattern, text)
        found = bisect_left(starts, span[0] - _REACH)
        if found < len(starts) and starts[found] <= span[1] + _REACH:
            return True
    return False


_NOT_PROSE_CHAR = re.compile(r"\s")


def _in_address(rules: ReviewRules, text: str, span: tuple[int, int]) -> bool:
    """Whether `span` lies inside an e-mail or web address (`not_prose`). An address holds no
    space, so only the run of non-space characters around the match (at most `MARGIN` either
    side) is searched."""
    if rules.not_prose is None:
        return False
    start, end = span
    low, high = max(0, start - MARGIN), min(len(text), end + MARGIN)
    spaces = [m.end() for m in _NOT_PROSE_CHAR.finditer(text, low, start)]
    after = _NOT_PROSE_CHAR.search(text, end, high)
    low, high = (spaces[-1] if spaces else low), (after.start() if after else high)
    return any(m.start() <= start and end <= m.end() for m in
               rules.not_prose.finditer(text, low, high))


def _in_stretch(cues: Sequence[re.Pattern[str]], text: str, stretch: tuple[int, int]) -> bool:
    """Whether one of `cues` matches inside `stretch` (see `plain_stretch`), and so in the
    sentence around it. A pattern that anchors or looks around is left to the real sentence:
    it could see past the stretch's ends."""
    return any(cue.search(text, *stretch) for cue in cues if sees_only_its_match(cue.pattern))


def _excused(compiled: CompiledPattern, text: str, span: tuple[int, int],
             rules: ReviewRules, following_block: Callable[[], str]) -> bool:
    """A match is no claim when it is inside an address (`prose` rules), or its sentence
    matches an `unless` pattern or (history rules) tells history, itself or in the next
    sentence; a match in a title (one sentence with no full stop) tells history when the first
    sentence of the block after it does. A cue found in the match's `plain_stretch` excuses it
    without splitting the text into sentences."""
    rule = compiled.rule
    if rule.prose and _in_address(rules, text, span):
        return True
    cues = (*compiled.unless, *rules.history) if rule.history else compiled.unless
    if not cues and not rule.history:
        return False
    stretch = plain_stretch(text, *span, never_after=tuple(rules.text.abbreviations))
    if stretch is not None and _in_stretch(cues, text, stretch):
        return True
    first, last = _sentence(rules, text, span)
    sentence = text[first:last]
    if any(u.search(sentence) for u in compiled.unless):
        return True
    if not rule.history:
        return False
    if any(h.search(sentence) for h in rules.history):
        return True
    if last < len(text) and rules.history_next:
        following = text[slice(*_sentence(rules, text, (last, last)))]
        return any(h.match(following.lstrip()) for h in rules.history_next)
    if first == 0 and last >= len(text) and not text.rstrip().endswith((".", "!", "?", ":")):
        section = following_block()
        opening = section[slice(*_sentence(rules, section, (0, 0)))] if section else ""
        return any(h.search(opening) for h in rules.history)
    return False


def _excerpt(text: str, start: int, end: int) -> str:
    pad = max(0, (_EXCERPT - (end - start)) // 2)
    left, right = max(0, start - pad), min(len(text), end + pad)
    snippet = " ".join(text[left:right].split())
    return f"{'…' if left else ''}{snippet}{'…' if right < len(text) else ''}"


def rule_note(rule: Rule, message: str, block: Block | None = None,
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
        yield from ((block, m.span(), m) for m in document.matches(pattern, block, hint))


def _matches(compiled: CompiledPattern, document: Document, rules: ReviewRules,
             ) -> Iterator[tuple[Block, tuple[int, int]]]:
    """Each block's first match (per pattern) that is not `_excused`: a check reports a
    block once, so later matches in it need no sentence read."""
    hint = compiled.rule.hint
    for pattern in compiled.patterns:
        if hint:  # block by block: the rest of a block is not searched once it has a match
            for block in document.blocks_with(hint):
                for match in document.matches(pattern, block, hint):
                    if not _excused(compiled, block.text, match.span(), rules,
                                    lambda: _block_after(document, block)):
                        yield block, match.span()
                        break
            continue
        done: set[int] = set()
        for block, span, _ in _occurrences(pattern, document):
            if id(block) in done or _excused(compiled, block.text, span, rules,
                                             lambda: _block_after(document, block)):
                continue
            done.add(id(block))
            yield block, span


def _block_after(document: Document, block: Block) -> str:
    index = document.order[id(block)] + 1
    return document.blocks[index].text if index < len(document.blocks) else ""


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
    other places. `expected` rules (absent: true): a note when nothing matches.
    A rule's `when` reads the policy's date as `policy.effective_date` (`dated`)."""
    dated_subject: Subject | None = None
    for compiled in subject.rules.patterns:
        rule = compiled.rule
        if compiled.when is not None:
            dated_subject = dated_subject or dated(subject)
            if not holds(dated_subject, compiled.when):
                continue  # the rule's law does not reach this business, or not on its date
        first: dict[int, tuple[Block, tuple[int, int]]] = {}  # by id(block): its first match
        for block, span in _matches(compiled, subject.document, subject.rules):
            if id(block) not in first or span < first[id(block)][1]:
                first[id(block)] = (block, span)
        if rule.absent:
            if not first:
                yield rule_note(rule, rule.message)
            continue
        order = subject.document.order
        found = sorted(first.values(), key=lambda found: order[id(found[0])])
        if rule.each:
            yield from (rule_note(rule, rule.message, block, span) for block, span in found)
        elif found:
            (block, span), rest = found[0], [b for b, _ in found[1:]]
            yield rule_note(rule, rule.message + _also(rest), block, span)


@check("terminology")
def mixed_terms(subject: Subject) -> Iterator[Note]:
    """Two or more names for one thing ("personal data" and "personal information"); uses in
    a sentence the group's `unless` excuses (statutory wording) do not count."""
    for group, variants, unless in subject.rules.terms:
        uses = {label: [(block, span) for block, span, _ in
                        _occurrences(pattern, subject.document, group.hint)
                        if not _may_match_sentence(unless, block.text, span) or not any(
                            u.search(block.text[slice(*_sentence(subject.rules, block.text, span))])
                            for u in unless)]
                for label, pattern in variants}
        used = {label: found for label, found in uses.items() if found}
        if len(used) < 2:
            continue
        counts = ", ".join(f'"{label}" ({len(found)})' for label, found in
                           sorted(used.items(), key=lambda item: -len(item[1])))
        block, span = min(used.values(), key=len)[0]
        yield rule_note(group, group.message.format(variants=counts), block, span)


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
            yield rule_note(rule, rule.message.format(names=names), block, span)


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
    return rule_note(rule, rule.message.format(months=age, date=effective.isoformat()), block, span)


@check("effective-date")
def stale_effective_date(subject: Subject) -> Iterator[Note]:
    """An existing policy's latest labelled date ("Effective date", "Last updated") is more
    than a year before today: CCPA wants the policy reviewed every 12 months."""
    if subject.policy is not None:
        return
    latest = stated_date(subject)
    if latest is not None:
        note = stale_date_note(subject, *latest)
        if note is not None:
            yield note


def stated_date(subject: Subject) -> tuple[date, Block, tuple[int, int]] | None:
    """The policy's date as its text states it: the latest date the `effective_date` rule's
    pattern finds ("Effective date", "Last updated"), parsed with its `formats`, and where."""
    rule = subject.rules.text.effective_date
    latest: tuple[date, Block, tuple[int, int]] | None = None
    for block, span, match in _occurrences(subject.rules.date, subject.document, rule.hint):
        parsed = _parse_date(match.group("date"), rule.formats)
        if parsed and (latest is None or parsed > latest[0]):
            latest = (parsed, block, span)
    return latest


def dated(subject: Subject) -> Subject:
    """The subject as a rule's `when` reads it: with answers, their effective date is already
    `policy.effective_date`; without, the date the text states (`stated_date`) is added to the
    stated facts under that name, so a rule can hold only on policies dated from a given day.
    An undated text states no date, and a condition that reads one does not hold."""
    if subject.answers is not None or POLICY_DATE in subject.facts:
        return subject
    found = stated_date(subject)
    return subject if found is None else replace(subject, facts={**subject.facts,
                                                                 POLICY_DATE: found[0]})
