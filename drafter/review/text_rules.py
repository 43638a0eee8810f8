"""The rules of `clauses/review-checks.yaml` (patterns for any text: placeholders, outdated
references, risky promises, terms, company names, dates, repeats, commitments), and `Rule`, what
every check's rule (these and the answer checks of answer_rules.py) says about its note.

Each is validated at load (errors name the file, line and rule id); a pattern rule's
expressions are compiled on first use (`CompiledPattern`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any

from annotated_types import Ge

from drafter import records
from drafter.errors import InvalidExpression, UserError
from drafter.records import FORBID, After, record
from drafter.requirements import Severity, Topic, valid_patterns
from drafter.templating import Condition, TemplateSyntaxError, compile_condition
from drafter.yamlio import DataFile


def _lower_case(value: list[str]) -> list[str]:
    if any(word != word.lower() or not word for word in value):
        raise ValueError("hint words are matched in lower-cased text: write them in lower case")
    return value


def _pattern_with_groups(*groups: str) -> After:
    def check(value: str) -> str:
        compiled = re.compile(valid_patterns([value])[0])
        missing = [g for g in groups if g not in compiled.groupindex]
        if missing:
            raise ValueError(f"pattern needs the named group(s) {', '.join(missing)}")
        return value

    return After(check)


def _condition(value: str | None) -> str | None:
    if value is not None:
        try:
            compile_condition(value)
        except TemplateSyntaxError as exc:
            raise InvalidExpression(f"not a valid expression: {exc.message}") from None
    return value


def _variants(value: dict[str, str]) -> dict[str, str]:
    valid_patterns(list(value.values()))
    return value


Patterns = Annotated[list[str], After(valid_patterns)]  # each a valid regular expression


@record
class Rule:
    """What every check's rule says about the note it raises."""

    __pydantic_config__ = FORBID

    id: str
    topic: Topic
    severity: Severity
    message: str
    cite: str | None = None
    requirement: str | None = None
    resolves_by: str | None = None
    verify: bool = False
    counsel: bool = False  # a question for counsel, not something the owner can fix


@record
class TextRule(Rule):
    """A rule over a policy's words, tried only on blocks holding one of its `hint` words."""

    hint: Annotated[list[str], After(_lower_case)] = field(default_factory=list)


@record
class PatternRule(TextRule):
    """Words that should not be in a policy (or, with `absent`, that should be somewhere).

    A match is ignored when its sentence matches an `unless` pattern, or, for `history` rules,
    one of the shared history patterns ("until 2020", "was invalidated"): past tense is not a
    claim.
    """

    patterns: Patterns
    unless: Patterns = field(default_factory=list)
    history: bool = False
    absent: bool = False
    prose: bool = False  # matches inside e-mail addresses and web addresses do not count
    each: bool = False  # a note for every paragraph with a match, not one for the document
    case_sensitive: bool = False
    # Where the rule's law reaches: a condition over the answers (`law.NAME`, as in
    # `applies_when`); without answers, over the facts stated (`checks.holds`).
    when: Annotated[str | None, After(_condition)] = None


@record
class TermGroup(TextRule):
    """Names for one thing that a policy should not mix (`variants`: label → pattern).

    A use inside a sentence matching an `unless` pattern does not count: wording a statute
    prescribes word for word (Texas's "personal data" sale notices) is not the drafter's mix.
    """

    variants: Annotated[dict[str, str], After(_variants)]
    unless: Patterns = field(default_factory=list)


@record
class CompanyNames(TextRule):
    """A company written two ways ("Acme, Inc." and "Acme Inc"): `pattern` finds legal names,
    its group `name` the words and `suffix` the entity type."""

    pattern: Annotated[str, _pattern_with_groups("name", "sep", "suffix")]
    words: int = 3  # how many trailing words of the name to compare


@record
class DateRule(TextRule):
    """A stale effective date: `pattern` finds a labelled date (group `date`) in a text, parsed
    with the first matching `formats`; `max_age_months` is the law's yearly update."""

    pattern: Annotated[str, _pattern_with_groups("date")]
    formats: list[str]
    max_age_months: int
    meets: list[str] = field(default_factory=list)  # requirements a labelled date meets


@record
class Fact:
    """A fact about the business stated on the command line (`drafter review --facts NAME`)
    instead of an answers file: the answers it stands for (`section.question` or `law.NAME`
    keys) and the requirement families it brings into the review."""

    __pydantic_config__ = FORBID

    help: str
    answers: dict[str, Any]
    laws: list[str] = field(default_factory=list)


@record
class RepeatRule(TextRule):
    """A passage of at least `min_words` words said twice in a policy (a clause pasted in two
    places, or one sentence restated): {passage} and {where} fill the message."""

    min_words: Annotated[int, Ge(4)]


@record
class TextRules:
    """`review-checks.yaml` as a whole."""

    __pydantic_config__ = FORBID

    default_laws: list[str]
    always_laws: list[str] = field(default_factory=list)
    # What choosing a requirement family (`--laws gdpr`) states about the business: the law
    # applies (`law.europe`), or the fact that makes it apply (COPPA: children use the site).
    law_facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    history: Patterns
    history_next: Patterns = field(default_factory=list)  # told by the sentence after the match's
    abbreviations: list[str] = field(default_factory=list)  # no sentence ends right after these
    not_prose: Patterns = field(default_factory=list)  # addresses: not read by `prose` rules
    languages: list[str] = field(default_factory=lambda: ["en"])  # ISO 639-1 codes reviewed
    placeholders: list[PatternRule] = field(default_factory=list)
    outdated: list[PatternRule] = field(default_factory=list)
    risky: list[PatternRule] = field(default_factory=list)
    expected: list[PatternRule] = field(default_factory=list)
    terminology: list[TermGroup] = field(default_factory=list)
    company_names: CompanyNames
    repeats: RepeatRule | None = None  # only on policies Drafter did not write
    effective_date: DateRule
    commitments: PatternRule | None = None  # in Drafter's drafts: promises need a basis


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
    def lowered(self) -> tuple[tuple[re.Pattern[str] | None, ...], re.Pattern[str] | None]:
        """(each pattern, where any of them starts) for ASCII text already lower-cased,
        without IGNORECASE: on ASCII text that finds the same matches at the same places at
        a fraction of the cost. None where that is not so (a case-sensitive rule, or a pattern
        with an upper-case letter of its own, which lower-cased text would never match)."""
        fit = [_lowercase(p) and not self.rule.case_sensitive for p in self.rule.patterns]
        starts = None
        if all(fit):
            try:  # (two naming the same group cannot be joined)
                starts = re.compile("(?=" + "|".join(f"(?:{p})" for p in self.rule.patterns)
                                    + ")")
            except re.error:
                pass
        return tuple(re.compile(p) if ok else None for p, ok in zip(self.rule.patterns, fit)), \
            starts

    def finditers(self, text: str) -> Iterator[Iterator[re.Match[str]]]:
        """Each pattern's `finditer(text)`, in order (the same matches as `patterns`). ASCII
        text is lower-cased and searched once for every place where one of the patterns
        matches; then each pattern is tried only there, as `finditer` would: from the end of
        its last match on."""
        each, any_at = self.lowered
        if not text.isascii() or any_at is None:
            yield from (p.finditer(text) for p in self.patterns)
            return
        low = text.lower()
        starts = [m.start() for m in any_at.finditer(low)]
        if not starts:
            return
        for fast in each:
            assert fast is not None  # (any_at is None otherwise)
            found: list[re.Match[str]] = []
            end = 0
            for start in starts:
                match = fast.match(low, start) if start >= end else None
                if match is not None:
                    if match.end() == start:  # an empty match: finditer's own rules apply
                        found = list(fast.finditer(low))
                        break
                    found.append(match)
                    end = match.end()
            yield iter(found)

    @cached_property
    def when(self) -> Condition | None:
        return compile_condition(self.rule.when) if self.rule.when else None

    @cached_property
    def kept(self) -> dict[Any, Any]:
        """What a check found with this rule in a text, by the text (and whatever else the
        finding depends on): a draft's clauses mostly come out as they were on the last draft,
        so the app's next draft finds them here. The check keeps it bounded."""
        return {}

    @cached_property
    def unless(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.rule.unless)


_ESCAPE = re.compile(r"\\(.)")


def _lowercase(pattern: str) -> bool:
    """Matches on lower-cased ASCII text exactly what it matches, ignoring case, on the text:
    no upper-case letter (but the escapes `\\W`, `\\S`, `\\B`, ...), no character given
    by its code (`\\x41`), no part made case-sensitive (`(?-i:...)`)."""
    escapes = set(_ESCAPE.findall(pattern))
    rest = _ESCAPE.sub("", pattern)
    return rest == rest.lower() and escapes <= set("bBsSdDwWAZ.-()[]{}?*+|^$\\/ '\"&#:,=!<>") \
        and "(?" not in rest.replace("(?:", "").replace("(?P<", "") \
        .replace("(?=", "").replace("(?!", "").replace("(?<", "")


def validate_text_rules(file: DataFile) -> TextRules:
    from pydantic import ValidationError

    doc, path = file.data, file.path
    try:
        return records.validate(TextRules, doc)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        item = doc.get(loc[0]) if isinstance(doc, Mapping) and loc else None
        if len(loc) > 1 and isinstance(item, list) and isinstance(loc[1], int) \
                and loc[1] < len(item) and isinstance(item[loc[1]], Mapping):
            field = f"{item[loc[1]].get('id', loc[0])}.{'.'.join(map(str, loc[2:]))}"
        else:
            field = ".".join(map(str, loc))
        raise UserError(records.message(err), path=path, line=file.error_line(err, loc),
                        field=field.rstrip(".") or None) from None
