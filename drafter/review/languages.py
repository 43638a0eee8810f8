"""The review of a policy written in Spanish or French: the same checks, that language's words.

`clauses/review-languages/<code>.yaml` (ISO 639-1, as the language detector names it) gives,
for the English outdated-reference checks and required items, the words to look for in that
language. Everything counsel reads stays the English check's: its id, message, citation and
severity. A check or requirement the file has no words for is not looked for (English words
found missing in a Spanish text would be wrong notes); one advice note names them, so counsel
knows what was not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from drafter import records
from drafter.document.model import Note
from drafter.errors import UserError
from drafter.library import Library
from drafter.requirements import CatalogEntry, valid_patterns
from drafter.review.rules import CompiledPattern, PatternRule, ReviewRules
from drafter.yamlio import load_data

FOLDER = "review-languages"


class Words(BaseModel):
    """An outdated-reference check's words in one language (validated as the English rule
    with these words: `localized`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    hint: list[str]
    patterns: list[str]
    unless: list[str] = []


class RequirementWords(BaseModel):
    """A required item's `detect` patterns in one language, and what they look for."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    looks_for: str
    detect: list[str]

    @field_validator("detect")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value, "detect pattern")


class ReviewLanguage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str
    history: list[str]
    history_next: list[str] = []
    outdated: dict[str, Words] = {}
    requirements: dict[str, RequirementWords] = {}

    @field_validator("history", "history_next")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


@dataclass(frozen=True)
class Reading:
    """What a review of a text in one language runs with."""

    rules: ReviewRules
    catalog: Mapping[str, CatalogEntry]
    notes: tuple[Note, ...] = ()


def review_languages(root: Path) -> list[str]:
    """The languages besides English the review reads (ISO 639-1 codes)."""
    folder = root / FOLDER
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


@lru_cache(maxsize=8)
def load_review_language(path: Path) -> ReviewLanguage:
    return load_data(path).validated(ReviewLanguage)


def unknown_ids(library: Library, path: Path) -> list[UserError]:
    """Ids in a language file that are no English check or requirement (for `drafter lint`)."""
    words = load_review_language(path)
    file = load_data(path)
    checks = {r.id for r in library.review_rules.text.outdated}
    found = [UserError("no outdated-reference check has this id in review-checks.yaml",
                       path=path, line=file.line(("outdated", rid)), field=rid)
             for rid in words.outdated if rid not in checks]
    for rule in library.review_rules.text.outdated:
        if rule.id in words.outdated:
            try:
                localized(rule, words.outdated[rule.id])
            except ValidationError as exc:
                err = exc.errors()[0]
                found.append(UserError(records.message(err), path=path, field=rule.id,
                                       line=file.line(("outdated", rule.id, *err["loc"]))))
    found += [UserError("no requirement has this id", path=path,
                        line=file.line(("requirements", rid)), field=rid)
              for rid in words.requirements if rid not in library.requirements]
    return found


def localized(rule: PatternRule, words: Words) -> PatternRule:
    """The English rule with another language's words, checked as the English ones are
    (patterns compile, hint words are lower case)."""
    return records.validate(PatternRule, {**asdict(rule), **words.model_dump()})


def reading(lang: str | None, library: Library, families: Iterable[str]) -> Reading:
    """The rules and requirement catalog for a text in `lang` (None or English: unchanged)."""
    rules, catalog = library.review_rules, library.requirements
    path = library.root / FOLDER / f"{lang}.yaml"
    if lang is None or lang in rules.text.languages or not path.is_file():
        return Reading(rules, catalog)
    words = load_review_language(path)
    outdated = [localized(rule, words.outdated[rule.id])
                for rule in rules.text.outdated if rule.id in words.outdated]
    text = replace(rules.text, outdated=outdated, risky=[], expected=[], terminology=[],
                   history=words.history, history_next=words.history_next)
    in_language = replace(
        rules, text=text,
        patterns=tuple(CompiledPattern(r) for r in (*rules.text.placeholders, *outdated)),
        history=tuple(re.compile(p, re.IGNORECASE) for p in words.history),
        history_next=tuple(re.compile(p, re.IGNORECASE) for p in words.history_next))
    chosen = set(families)
    ours: dict[str, CatalogEntry] = {}
    unread: list[str] = []
    for rid, entry in catalog.items():
        req = entry.requirement
        if req.detect and rid in words.requirements:
            theirs = words.requirements[rid]
            req = replace(req, detect=theirs.detect, looks_for=theirs.looks_for)
        elif req.detect:
            req = replace(req, detect=[])
            if rid.split(".")[0] in chosen:
                unread.append(rid)
        ours[rid] = replace(entry, requirement=req) if req is not entry.requirement else entry
    skipped = [r.id for r in rules.text.outdated if r.id not in words.outdated] + \
        [r.id for r in (*rules.text.risky, *rules.text.expected)]
    return Reading(in_language, ours, (_unread_note(words.name, unread, skipped),))


def _unread_note(name: str, unread: list[str], skipped: list[str]) -> Note:
    parts = []
    if unread:
        parts.append(f"{len(unread)} required item(s) of the laws reviewed have no {name} "
                     f"wording to look for yet, so they were not checked: {', '.join(unread)}")
    if skipped:
        parts.append(f"these English-only checks were not run: {', '.join(skipped)}")
    detail = "; ".join(parts) if parts else "every check it has was run"
    return Note(id="", severity="advice", topic="scope", check="language",
                message=f"This policy is in {name}, and was reviewed with Drafter's {name} "
                        f"wording (clauses/{FOLDER}/): {detail}. Counsel should read for "
                        "what was not checked.")
