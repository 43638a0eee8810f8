"""The data behind the built-in checks: `clauses/review-checks.yaml` (patterns for any text) and
`clauses/answer-checks.yaml` (contradictions and advice over answers).

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
from typing import Any

from pydantic import (BaseModel, ConfigDict, Field, ValidationError, field_validator,
                      model_validator)

from drafter.errors import UserError
from drafter.library import Library
from drafter.modules import find_modules
from drafter.parsecache import memo
from drafter.questionnaire import Questionnaire
from drafter.requirements import CatalogEntry, Severity, Topic, valid_patterns
from drafter.review.scan import WIDEST, widest
from drafter.templating import Condition, TemplateSyntaxError, compile_condition, referenced_names
from drafter.yamlio import DataFile, load_data

REVIEW_CHECKS = "review-checks.yaml"
ANSWER_CHECKS = "answer-checks.yaml"


class Rule(BaseModel):
    """What every check's rule says about the note it raises."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    topic: Topic
    severity: Severity
    message: str
    cite: str | None = None
    requirement: str | None = None
    resolves_by: str | None = None
    verify: bool = False
    counsel: bool = False  # a question for counsel, not something the owner can fix


class TextRule(Rule):
    """A rule over a policy's words, tried only on blocks holding one of its `hint` words."""

    hint: list[str] = []

    @field_validator("hint")
    @classmethod
    def _lower_case(cls, value: list[str]) -> list[str]:
        if any(word != word.lower() or not word for word in value):
            raise ValueError("hint words are matched in lower-cased text: write them in lower case")
        return value


def _pattern_with_groups(value: str, groups: tuple[str, ...]) -> str:
    compiled = re.compile(valid_patterns([value])[0])
    missing = [g for g in groups if g not in compiled.groupindex]
    if missing:
        raise ValueError(f"pattern needs the named group(s) {', '.join(missing)}")
    return value


class PatternRule(TextRule):
    """Words that should not be in a policy (or, with `absent`, that should be somewhere).

    A match is ignored when its sentence matches an `unless` pattern, or, for `history` rules,
    one of the shared history patterns ("until 2020", "was invalidated"): past tense is not a
    claim.
    """

    patterns: list[str]
    unless: list[str] = []
    history: bool = False
    absent: bool = False
    prose: bool = False  # matches inside e-mail addresses and web addresses do not count
    each: bool = False  # a note for every paragraph with a match, not one for the document
    case_sensitive: bool = False
    # Where the rule's law reaches: a condition over the answers (`law.NAME`, as in
    # `applies_when`); without answers, over the facts stated (`checks.holds`).
    when: str | None = None

    @field_validator("patterns", "unless")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)

    @field_validator("when")
    @classmethod
    def _condition(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                compile_condition(value)
            except TemplateSyntaxError as exc:
                raise ValueError(f"not a valid expression: {exc.message}") from None
        return value


class TermGroup(TextRule):
    """Names for one thing that a policy should not mix (`variants`: label → pattern).

    A use inside a sentence matching an `unless` pattern does not count: wording a statute
    prescribes word for word (Texas's "personal data" sale notices) is not the drafter's mix.
    """

    variants: dict[str, str]
    unless: list[str] = []

    @field_validator("variants")
    @classmethod
    def _compiles(cls, value: dict[str, str]) -> dict[str, str]:
        valid_patterns(list(value.values()))
        return value

    @field_validator("unless")
    @classmethod
    def _unless_compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class CompanyNames(TextRule):
    """A company written two ways ("Acme, Inc." and "Acme Inc"): `pattern` finds legal names,
    its group `name` the words and `suffix` the entity type."""

    pattern: str
    words: int = 3  # how many trailing words of the name to compare

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return _pattern_with_groups(value, ("name", "sep", "suffix"))


class DateRule(TextRule):
    """A stale effective date: `pattern` finds a labelled date (group `date`) in a text, parsed
    with the first matching `formats`; `max_age_months` is the law's yearly update."""

    pattern: str
    formats: list[str]
    max_age_months: int
    meets: list[str] = []  # requirements a labelled date meets (an effective date is stated)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return _pattern_with_groups(value, ("date",))


class Fact(BaseModel):
    """A fact about the business stated on the command line (`drafter review --facts NAME`)
    instead of an answers file: the answers it stands for (`section.question` or `law.NAME`
    keys) and the requirement families it brings into the review."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    help: str
    answers: dict[str, Any]
    laws: list[str] = []


class RepeatRule(TextRule):
    """A passage of at least `min_words` words said twice in a policy (a clause pasted in two
    places, or one sentence restated): {passage} and {where} fill the message."""

    min_words: int = Field(ge=4)


class TextRules(BaseModel):
    """`review-checks.yaml` as a whole."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    default_laws: list[str]
    always_laws: list[str] = []
    # What choosing a requirement family (`--laws gdpr`) states about the business: the law
    # applies (`law.europe`), or the fact that makes it apply (COPPA: children use the site).
    law_facts: dict[str, dict[str, Any]] = {}
    facts: dict[str, Fact] = {}
    history: list[str]
    history_next: list[str] = []  # history told by the sentence after the match's
    abbreviations: list[str] = []  # a sentence never ends right after one of these
    not_prose: list[str] = []  # e-mail and web addresses: not read by `prose` rules
    languages: list[str] = ["en"]  # ISO 639-1 codes of the languages reviewed
    placeholders: list[PatternRule] = []
    outdated: list[PatternRule] = []
    risky: list[PatternRule] = []
    expected: list[PatternRule] = []
    terminology: list[TermGroup] = []
    company_names: CompanyNames
    repeats: RepeatRule | None = None  # only on policies Drafter did not write
    effective_date: DateRule
    commitments: PatternRule | None = None  # in Drafter's drafts: promises need a basis

    @field_validator("history", "history_next", "not_prose")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return valid_patterns(value)


class CheckExample(BaseModel):
    """Answers that show a check at work: a built-in example business
    (`questionnaires/examples/NAME.yaml`) with some answers changed (`section: {question:
    value}`; `null` removes an answer). With `policy`, those paragraphs are reviewed with the
    answers, as `drafter review --answers` would, instead of Drafter's own draft."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    example: str
    answers: dict[str, dict[str, Any]] = {}
    policy: list[str] | None = None


class CheckExamples(BaseModel):
    """At least one example that makes the check fire and one, as close as possible, that
    does not; tests/test_answer_checks.py runs them all."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    fires: list[CheckExample] = Field(min_length=1)
    silent: list[CheckExample] = Field(min_length=1)


class AnswerCheck(Rule):
    """A contradiction (or advice) in the answers: `when` is a Jinja condition over them (and
    `law.NAME`, `data.NAME`, as in clauses).

    `items`, if given, is an expression whose list fills `{items}` in the message (which
    vendors, say); the note is left out when that list is empty. `unless_met` lists
    requirements that, once all are met, mean the policy already says what the answers imply,
    so there is no contradiction left to report: met by a clause of a draft (`satisfies`), or
    in any other policy by the requirement's `detect` patterns.
    """

    when: str
    items: str | None = None
    anchor: str | None = None  # clause or section id the marker goes next to
    unless_met: list[str] = []
    examples: CheckExamples | None = None  # `drafter lint` warns when missing

    @model_validator(mode="after")
    def _items_have_a_place(self) -> AnswerCheck:
        if self.items is not None and "{items}" not in self.message:
            raise ValueError("a check with `items` needs {items} in its message")
        return self


@dataclass(frozen=True)
class CompiledPattern:
    """A pattern rule, its expressions compiled on first use: most rules are tried only on
    blocks holding one of their `hint` words, and a build need not compile the others."""

    rule: PatternRule

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        flags = 0 if self.rule.case_sensitive else re.IGNORECASE
        return tuple(re.compile(p, flags) for p in self.rule.patterns)

    @cached_property
    def when(self) -> Condition | None:
        return compile_condition(self.rule.when) if self.rule.when else None

    @cached_property
    def unless(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.rule.unless)


@dataclass(frozen=True)
class CompiledAnswerCheck:
    check: AnswerCheck
    condition: Condition
    items: Condition | None
    names: frozenset[str]
    source: DataFile
    index: int

    @property
    def line(self) -> int | None:
        """Where the check is in its file (found only when a message needs it)."""
        return self.source.line((self.index,))


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
    def terms(self) -> tuple[tuple[TermGroup, tuple[tuple[str, re.Pattern[str]], ...],
                                   tuple[re.Pattern[str], ...]], ...]:
        """Each term group with its variants and `unless` patterns compiled (on first use)."""
        return tuple((g, tuple((label, re.compile(p, re.IGNORECASE))
                               for label, p in g.variants.items()),
                      tuple(re.compile(p, re.IGNORECASE) for p in g.unless))
                     for g in self.text.terminology)


def _validate_text_rules(file: DataFile) -> TextRules:
    doc, path = file.data, file.path
    try:
        return TextRules.model_validate(doc)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        item = doc.get(loc[0]) if isinstance(doc, Mapping) and loc else None
        if len(loc) > 1 and isinstance(item, list) and isinstance(loc[1], int) \
                and loc[1] < len(item) and isinstance(item[loc[1]], Mapping):
            field = f"{item[loc[1]].get('id', loc[0])}.{'.'.join(map(str, loc[2:]))}"
        else:
            field = ".".join(map(str, loc))
        raise UserError(err["msg"], path=path, line=file.line(loc),
                        field=field.rstrip(".") or None) from None


@lru_cache(maxsize=8)
def load_review_rules(root: Path) -> ReviewRules:
    """Load and compile both files from a clause library folder (cached: they never change
    while Drafter runs)."""
    path = root / REVIEW_CHECKS
    file = load_data(path)
    text = memo("review-checks", file.text, lambda: _validate_text_rules(file))
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
        answer_checks=_load_answer_checks(root / ANSWER_CHECKS) + tuple(
            check for module in find_modules(root) if (module.folder / ANSWER_CHECKS).is_file()
            for check in _load_answer_checks(module.folder / ANSWER_CHECKS)),
        answer_checks_path=root / ANSWER_CHECKS,
        text_path=path,
        commitments=commitments,
    )


def _validate_answer_checks(file: DataFile) -> list[AnswerCheck]:
    doc = file.data
    if not isinstance(doc, list):
        raise UserError("expected a list of checks", path=file.path, line=1)
    checks: list[AnswerCheck] = []
    for index, item in enumerate(doc):
        try:
            checks.append(AnswerCheck.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            rid = item.get("id") if isinstance(item, Mapping) else None
            raise UserError(err["msg"], path=file.path, line=file.line((index, *err["loc"])),
                            field=rid) from None
    return checks


def _load_answer_checks(path: Path) -> tuple[CompiledAnswerCheck, ...]:
    file = load_data(path)
    checks: list[CompiledAnswerCheck] = []
    for index, check in enumerate(memo("answer-checks", file.text,
                                       lambda: _validate_answer_checks(file))):
        expressions = {"when": check.when, "items": check.items}
        compiled: dict[str, Condition] = {}
        for field, source in expressions.items():
            try:
                if source is not None:
                    compiled[field] = compile_condition(source)
            except TemplateSyntaxError as exc:
                raise UserError(f"`{field}` is not a valid expression: {exc.message}",
                                path=path, line=file.line((index,)), field=check.id) from None
        names = frozenset(name for source in expressions.values() if source is not None
                          for name in referenced_names(source, expression=True))
        checks.append(CompiledAnswerCheck(check, compiled["when"], compiled.get("items"),
                                          names, file, index))
    return tuple(checks)


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


def condition_names(questionnaire: Questionnaire, library: Library) -> frozenset[str]:
    """What an answer check's `when` may name: the questions, `law.NAME` and `data.NAME`."""
    return frozenset(questionnaire.keys | {f"law.{d.name}" for d in library.laws}
                     | {f"data.{name}" for name in library.data})


def usable_answer_checks(rules: ReviewRules, names: frozenset[str],
                         ) -> tuple[CompiledAnswerCheck, ...]:
    """The answer checks whose every name is known (`condition_names`). The others wait for
    their questions (see `lint_review`) instead of failing."""
    return tuple(c for c in rules.answer_checks if c.names <= names)

