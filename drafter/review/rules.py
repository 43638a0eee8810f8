"""The data behind the built-in checks: `clauses/review-checks.yaml` (patterns for any text,
text_rules.py) and `clauses/answer-checks.yaml` (contradictions and advice over answers,
answer_rules.py), loaded together as `ReviewRules`, and the patterns the review runs.

Adding a placeholder, an outdated reference, a term to keep consistent or a contradiction
between answers is a YAML edit; the Python checks only know how to apply each kind of rule.
Everything is validated and compiled once at load, and errors name the file, line and rule id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from drafter.errors import UserError
from drafter.modules import find_modules
from drafter.parsecache import memo
from drafter.requirements import CatalogEntry
from drafter.review.block_memo import BlockMemo
from drafter.review.answer_rules import (
    ANSWER_CHECKS,
    AnswerCheck,
    CheckExample,
    CheckExamples,
    CompiledAnswerCheck,
    condition_names,
    load_answer_checks,
    usable_answer_checks,
)
from drafter.review.scan import WIDEST, widest
from drafter.review.text_rules import (
    CompanyNames,
    CompiledPattern,
    DateRule,
    Fact,
    PatternRule,
    RepeatRule,
    Rule,
    TermGroup,
    TextRule,
    TextRules,
    validate_text_rules,
)
from drafter.yamlio import load_data

REVIEW_CHECKS = "review-checks.yaml"


@dataclass(frozen=True)
class ReviewRules:
    """Everything the built-in checks read, compiled."""

    text: TextRules
    history: tuple[re.Pattern[str], ...]
    patterns: tuple[CompiledPattern, ...]  # placeholders, outdated, risky, expected: in order
    company: re.Pattern[str]
    date: re.Pattern[str]
    answer_checks: tuple[CompiledAnswerCheck, ...]
    answer_checks_path: Path
    text_path: Path
    commitments: CompiledPattern | None = None
    history_next: tuple[re.Pattern[str], ...] = ()
    not_prose: re.Pattern[str] | None = None

    @cached_property
    def memo(self) -> BlockMemo:
        """What the checks found in each block text they read (`block_memo`): kept by the
        words the rules' `hint`s name."""
        text = self.text
        return BlockMemo([*(w for c in self.patterns for w in c.rule.hint),
                          *(w for group in text.terminology for w in group.hint),
                          *text.company_names.hint, *text.effective_date.hint])

    @cached_property
    def terms(self) -> tuple[tuple[TermGroup, tuple[tuple[str, re.Pattern[str]], ...],
                                   tuple[re.Pattern[str], ...]], ...]:
        """Each term group with its variants and `unless` patterns compiled (on first use)."""
        return tuple((g, tuple((label, re.compile(p, re.IGNORECASE))
                               for label, p in g.variants.items()),
                      tuple(re.compile(p, re.IGNORECASE) for p in g.unless))
                     for g in self.text.terminology)


@lru_cache(maxsize=8)
def load_review_rules(root: Path) -> ReviewRules:
    """Load and compile both files from a clause library folder (cached: they never change
    while Drafter runs)."""
    path = root / REVIEW_CHECKS
    file = load_data(path)
    text = memo("review-checks", file.text, lambda: validate_text_rules(file))
    patterns = tuple(CompiledPattern(r) for group in (text.placeholders, text.outdated,
                                                      text.risky, text.expected) for r in group)
    commitments = CompiledPattern(text.commitments) if text.commitments else None
    ids = ([c.rule.id for c in patterns] + [t.id for t in text.terminology]
           + ([commitments.rule.id] if commitments else []))
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise UserError("duplicate check id", path=path, field=duplicates[0])
    return ReviewRules(
        text=text,
        history=tuple(re.compile(p, re.IGNORECASE) for p in text.history),
        history_next=tuple(re.compile(p, re.IGNORECASE) for p in text.history_next),
        not_prose=(re.compile("|".join(f"(?:{p})" for p in text.not_prose), re.IGNORECASE)
                   if text.not_prose else None),
        patterns=patterns,
        company=re.compile(text.company_names.pattern),
        date=re.compile(text.effective_date.pattern, re.IGNORECASE),
        answer_checks=load_answer_checks(root / ANSWER_CHECKS) + tuple(
            check for module in find_modules(root) if (module.folder / ANSWER_CHECKS).is_file()
            for check in load_answer_checks(module.folder / ANSWER_CHECKS)),
        answer_checks_path=root / ANSWER_CHECKS,
        text_path=path,
        commitments=commitments,
    )


def review_patterns(rules: ReviewRules, catalog: Mapping[str, CatalogEntry],
                    ) -> Iterator[tuple[str, str, CatalogEntry | None]]:
    """(where, pattern, its requirement) for every regular expression the review runs: the
    requirements' `detect` patterns, then every pattern of `review-checks.yaml` (None)."""
    for rid, entry in catalog.items():
        yield from ((f"{rid}.detect", p, entry) for p in entry.requirement.detect)
    text = rules.text
    for rule in [*text.placeholders, *text.outdated, *text.risky, *text.expected,
                 *([text.commitments] if text.commitments else [])]:
        yield from ((f"{rule.id}.patterns", p, None) for p in rule.patterns)
        yield from ((f"{rule.id}.unless", p, None) for p in rule.unless)
    for group in text.terminology:
        yield from ((f"{group.id}.variants.{label}", p, None)
                    for label, p in group.variants.items())
        yield from ((f"{group.id}.unless", p, None) for p in group.unless)
    for name in ("history", "history_next", "not_prose"):
        yield from ((name, p, None) for p in getattr(text, name))
    yield f"{text.company_names.id}.pattern", text.company_names.pattern, None
    yield f"{text.effective_date.id}.pattern", text.effective_date.pattern, None


def too_wide(rules: ReviewRules, catalog: Mapping[str, CatalogEntry]) -> list[UserError]:
    """The review's patterns whose matches have no bound under `scan.WIDEST` characters (a
    `.*`, `\\s+` or `[a-z]*`): each can scan to the end of a long paragraph from every place
    it starts, so one long paragraph takes quadratic time."""
    return [UserError("pattern can scan without bound (`.*`, `\\s+`, `[a-z]*`): bound it "
                      "(`.{0,80}`, `\\s{1,20}`, `[a-z]{0,15}`)",
                      path=entry.source.path if entry else rules.text_path,
                      line=entry.line if entry else None, field=where)
            for where, pattern, entry in review_patterns(rules, catalog)
            if widest(pattern, re.IGNORECASE) > WIDEST]


__all__ = ["ANSWER_CHECKS", "REVIEW_CHECKS", "AnswerCheck", "CheckExample", "CheckExamples",
           "CompanyNames", "CompiledAnswerCheck", "CompiledPattern", "DateRule", "Fact",
           "PatternRule", "RepeatRule", "ReviewRules", "Rule", "TermGroup", "TextRule",
           "TextRules", "condition_names", "load_review_rules", "review_patterns", "too_wide",
           "usable_answer_checks"]
