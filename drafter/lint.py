"""`drafter lint`: every way the clause library does not fit the questionnaire, in one place.

Problems (exit 1) are cross-references that cannot work: a template or `when` naming no
question, a `satisfies` naming no requirement, a promise resting on an answer its clause never
reads or on a law with no name, a question offering "I'm not sure" without exactly one
question for counsel, a review-checks, answer-checks or notice file that does not load, a
template line of text ending in a block tag that silently eats its line break, a requirement
with `detect` patterns but no `looks_for` (its "missing" note would quote regular expressions).
Warnings are answer checks skipped or pointing nowhere (`lint_review`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import UserError
from drafter.i18n.lint import lint_translations
from drafter.library import Clause, Library, law_names
from drafter.questionnaire import Questionnaire, moved_value_errors
from drafter.name_check import condition_problems, written_line
from drafter.templating import environment, promise_bases, referenced_names

if TYPE_CHECKING:
    from drafter.laws import Derived
    from drafter.statutes import ResidentCounts
    from drafter.review.rules import ReviewRules, Rule


@dataclass(frozen=True)
class Findings:
    problems: list[UserError] = field(default_factory=list)
    warnings: list[UserError] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per problem, then per warning (`file:line: field: message`)."""
        return [*map(str, self.problems), *(f"warning: {w}" for w in self.warnings)]

    def summary(self, library: Library, questionnaire: Questionnaire) -> str:
        verdict = f"{len(self.problems)} problem(s)" if self.problems else "no problems"
        return (f"{len(library.clauses)} clauses, {len(library.requirements)} requirements, "
                f"{len(questionnaire.entries)} questions: {verdict}.")


def lint(library: Library, questionnaire: Questionnaire) -> Findings:
    """Problems and warnings for the whole library: clauses, laws, requirements, the checks
    on answers and text (a deciding pattern must match whole words: `review.word_edges`),
    translations, the vendor catalog's and evidence checks' data (its wording states only
    practices the answers give: `drafter.vendor_wording`), and the notice rules."""
    from drafter.evidence.catalog import catalog_problems
    from drafter.evidence.notes import evidence_check_problems
    from drafter.review.rules import condition_names
    from drafter.review.word_edges import inside_words, inside_words_in_languages
    from drafter.vendor_wording import wording_problems

    problems = lint_library(library, questionnaire) + \
        lint_translations(library, swallowed_errors, questionnaire) + \
        catalog_problems(library.root) \
        + evidence_check_problems(library.root, set(condition_names(questionnaire, library))) \
        + wording_problems(library.root, condition_names(questionnaire, library))
    warnings: list[UserError] = []
    try:
        warnings = lint_review(library.review_rules, questionnaire, library)
        problems += inside_words(library.review_rules, library.requirements)
        problems += inside_words_in_languages(library.root)
    except UserError as exc:
        problems.append(exc)
    try:
        _ = library.notice
    except UserError as exc:
        problems.append(exc)
    return Findings(problems, warnings)


def _unread_bases(clause: Clause, read: set[str], known: frozenset[str] | set[str],
                  named: dict[str, str]) -> list[UserError]:
    """A promise must rest on answers the clause really reads: a question its `when` or body
    uses, or a `law.*` fact. Naming one it never looks at would be a claim with nothing behind
    it; a law with no `name:` in `laws.yaml` would reach counsel as an internal name."""
    problems: list[UserError] = []
    for basis, line in promise_bases(clause.source):
        for name in basis:
            where = clause.body_line + line - 1
            if name not in known:
                problems.append(UserError(f"promise rests on {name!r}, which is neither a "
                                          "question nor a law.* fact", path=clause.path,
                                          line=where, field=clause.meta.id))
            elif name.startswith("law.") and name.removeprefix("law.") not in named:
                problems.append(UserError(f"promise rests on {name!r}, which laws.yaml gives "
                                          "no `name:`", path=clause.path,
                                          line=where, field=clause.meta.id))
            elif not name.startswith("law.") and name not in read:
                problems.append(UserError(f"promise rests on {name!r}, but the clause's "
                                          "`when` and text never read it", path=clause.path,
                                          line=where, field=clause.meta.id))
    return problems


def swallowed_line_breaks(source: str) -> list[int]:
    """Lines (1-based, in `source`) of text that end in a block or comment tag which, under
    `trim_blocks`, eats the line break after it: the next list item, heading or paragraph is
    then glued to this line in the policy ("…Framework.- We use…"). A line must say which it
    means: `+%}` keeps the break, `-%}` (or `{%-` on the next line) joins on purpose. Lines
    holding only tags are the normal case for `trim_blocks` and are not reported."""
    found: list[int] = []
    text_on: set[int] = set()  # lines holding literal text or a `{{ … }}`
    tokens = list(environment().lex(source))
    for index, (line, kind, value) in enumerate(tokens):
        if kind == "data":
            text_on |= {line + n for n, part in enumerate(value.split("\n")) if part.strip()}
        elif kind in ("variable_begin", "variable_end"):
            text_on.add(line)
        elif kind in ("block_end", "comment_end") and value.endswith("\n"):
            after = tokens[index + 1] if index + 1 < len(tokens) else (line, "", "")
            joined = value.startswith("-") or (after[1].endswith("_begin")
                                               and after[2].endswith("-"))
            if line in text_on and not joined:
                found.append(line)
    return found


def _swallowed(clause: Clause) -> list[UserError]:
    return swallowed_errors(clause.path, clause.body_line, clause.source, clause.meta.id)


def swallowed_errors(path: Path, body_line: int, source: str, field: str) -> list[UserError]:
    """`swallowed_line_breaks` as problems, for a template body starting at `body_line`."""
    return [UserError("line ends in a block tag that eats its line break, so what follows is "
                      "glued to it: write `+%}` to keep the break (or `-%}` to join on purpose)",
                      path=path, line=body_line + line - 1, field=field)
            for line in swallowed_line_breaks(source)]


def lint_library(library: Library, questionnaire: Questionnaire) -> list[UserError]:
    """Every cross-reference problem in the library, each a one-line error (empty when sound)."""
    problems: list[UserError] = []
    known = questionnaire.keys | {f"data.{name}" for name in library.data}
    laws_path = library.root / "laws.yaml"
    for derived in library.laws:  # each may read the answers and the entries above it
        for name in sorted(derived.names() - known):
            written = derived.source.data.get(derived.name)
            spot = derived.source.spot((derived.name,) if isinstance(written, str)
                                       else (derived.name, "when"))
            problems.append(UserError(f"uses {name!r}, which is neither a question nor an "
                                      "earlier entry", path=laws_path,
                                      line=written_line(spot, name) or derived.line,
                                      field=derived.name))
        known = known | derived.provides()
    sections = {s.id for s in questionnaire.sections}

    def check_names(source: str, what: str, path: Path,
                    line: int | None | Callable[[], int | None], field: str,
                    expression: bool = True) -> None:
        problems.extend(condition_problems(source, known, path=path, line=line, field=field,
                                           what=what, expression=expression, sections=sections))

    problems += library.heading_problems(questionnaire)
    for section in library.sections:
        check_names(section.spec.when, "`when`", section.source.path,
                    section.source.spot((*section.loc, "when")), section.spec.id)
    for clause in library.clauses:
        cid = clause.meta.id
        check_names(clause.meta.when, "`when`", clause.path, clause.front.spot(("when",)), cid)
        check_names(clause.source, "the template", clause.path, clause.body_line, cid, False)
        read = referenced_names(clause.meta.when, expression=True) | \
            referenced_names(clause.source, expression=False)
        problems += _unread_bases(clause, read, known, dict(law_names(library)))
        problems += _swallowed(clause)
        for index, rid in enumerate(clause.meta.satisfies):
            if rid not in library.requirements:
                problems.append(UserError(f"`satisfies` names unknown requirement {rid!r}",
                                          path=clause.path,
                                          line=clause.front.line(("satisfies", index)),
                                          field=cid))
    for rid, entry in library.requirements.items():
        requirement = entry.requirement
        check_names(requirement.applies_when, "`applies_when`", entry.source.path,
                    entry.source.spot((entry.index, "applies_when")), rid)
        for cite, when in requirement.cites.items():
            check_names(when, "`cites`", entry.source.path,
                        entry.source.spot((entry.index, "cites", cite)), rid)
        if requirement.ask is not None and requirement.ask not in known:
            problems.append(UserError(f"`ask` names {requirement.ask!r}, which is not a "
                                      "question", path=entry.source.path,
                                      line=entry.source.line((entry.index, "ask")),
                                      field=rid))
        if requirement.detect and not requirement.looks_for:
            problems.append(UserError("`detect` without `looks_for`: the missing note would "
                                      "quote the patterns", path=entry.source.path,
                                      line=entry.source.line((entry.index, "detect")),
                                      field=rid))
    return problems + _lint_counsel(library, questionnaire) + _lint_states(library.laws, questionnaire) \
        + moved_value_errors(questionnaire)


def _lint_states(laws: Sequence[Derived], questionnaire: Questionnaire) -> list[UserError]:
    """Each statute's `state` is offered by the question the `residents:` table reads the
    states from, and one that counts residents by every band question too (a state left out
    of state_residents.yaml could never reach its law's threshold)."""
    counts = next((d.counts for d in laws if d.counts is not None), None)
    if counts is None:
        return []

    def offered(key: str) -> set[str]:
        return set(questionnaire.entry(key).question.options or {}) \
            if key in questionnaire else set()

    problems: list[UserError] = []
    for derived in laws:
        statute = derived.statute
        if statute is None:
            continue
        asked = [counts.states]
        if any(prong.residents for prong in statute.applies):
            asked += [band.question for band in counts.bands]
        for key in asked:
            if key in questionnaire and statute.state not in offered(key):
                problems.append(UserError(f"`state` {statute.state!r} is not an option of {key}",
                                          path=derived.source.path,
                                          line=derived.source.line((derived.name, "state")),
                                          field=derived.name))
    return problems + _lint_bands(counts, questionnaire)


def _lint_bands(counts: ResidentCounts, questionnaire: Questionnaire) -> list[UserError]:
    """Each band question offers (`options_from`'s `offer`) exactly the states whose law has
    a test at its number (on some date: the `when` beside a state is the test's dates), so
    no state is asked twice for one threshold nor never for one."""
    problems: list[UserError] = []
    for band in counts.bands:
        if band.question not in questionnaire:
            continue
        question = questionnaire.entry(band.question).question
        never = {value for value, when in question.option_when.items() if when == "false"}
        tested = {state for state, tests in counts.tests.items()
                  if any(number == band.at_least for number, _, _ in tests)}
        for state in sorted(set(question.options or {}) - {"none"}):
            if (state in tested) == (state not in never):
                continue
            what = ("does not offer {!r}, whose law has a test at {:,}" if state in tested
                    else "offers {!r}, whose law has no test at {:,}: asked twice for one "
                    "threshold")
            problems.append(UserError(what.format(state, band.at_least), path=questionnaire.path,
                                      field=band.question))
    return problems


def _lint_counsel(library: Library, questionnaire: Questionnaire) -> list[UserError]:
    """Each question offering "I'm not sure" has a `counsel: true` requirement that asks it
    (the question for counsel, saying what the draft assumes; several only when each
    `applies_when` names a `law.` fact, such as COPPA's for a business with US users and
    GDPR's for one without: that one applies on each draft is checked by test_review_unsure),
    and each such requirement asks a question that offers it."""
    problems: list[UserError] = []
    asking: dict[str, list[str]] = {}
    for rid, entry in library.requirements.items():
        ask = entry.requirement.ask
        if not entry.requirement.counsel:
            continue
        if ask is None or ask not in questionnaire or not questionnaire.entry(ask).question.unsure:
            problems.append(UserError("`counsel: true` needs `ask` naming a question with "
                                      "`unsure: true`", path=entry.source.path,
                                      line=entry.source.line((entry.index, "ask" if ask else
                                                              "counsel")), field=rid))
        else:
            asking.setdefault(ask, []).append(rid)
    for question in questionnaire:
        found = asking.get(question.key, [])
        conditions = [library.requirements[rid].requirement.applies_when for rid in found]
        split = len(set(conditions)) == len(found) and all("law." in c for c in conditions)
        if question.question.unsure and (not found or (len(found) > 1 and not split)):
            problems.append(UserError(
                f"offers \"I'm not sure\" but {len(found) or 'no'} `counsel: true` "
                f"requirement(s) ask it{': ' + ', '.join(found) if found else ''}; it needs "
                "one, saying what the draft assumes (several only when each `applies_when` "
                "names the `law.` fact that tells them apart)", path=questionnaire.path,
                field=question.key))
    return problems


def lint_review(rules: ReviewRules, questionnaire: Questionnaire, library: Library,
                ) -> list[UserError]:
    """Warnings, not errors: answer checks skipped because a question they name is missing,
    `unless_met` or `requirement` naming no requirement, and `resolves_by` keys that are not
    questions (a note then names no question to answer)."""
    from drafter.review.rules import condition_names, too_wide

    warnings: list[UserError] = []
    names = condition_names(questionnaire, library)
    for compiled in rules.answer_checks:
        unknown = [UserError(f"check skipped: {problem.message}", path=problem.path,
                             line=problem.line, field=problem.field)
                   for setting in ("when", "items")
                   if (source := getattr(compiled.check, setting)) is not None
                   for problem in condition_problems(
                       source, names, path=compiled.source.path, field=compiled.check.id,
                       line=compiled.source.spot((compiled.index, setting)),
                       what=f"`{setting}`")]
        warnings += unknown
        named: list[tuple[tuple[str | int, ...], str]] = [
            (("unless_met", i), rid) for i, rid in enumerate(compiled.check.unless_met)]
        if compiled.check.requirement is not None:
            named.append((("requirement",), compiled.check.requirement))
        for at, rid in named:
            if rid not in library.requirements:
                warnings.append(UserError(f"`{at[0]}` names unknown requirement {rid!r}",
                                          path=compiled.source.path,
                                          line=compiled.source.line((compiled.index, *at)),
                                          field=compiled.check.id))
        if compiled.check.examples is None:
            warnings.append(UserError("check has no `examples` (one that fires, one silent)",
                                      path=compiled.source.path, line=compiled.line,
                                      field=compiled.check.id))
        key = compiled.check.resolves_by
        if key is not None and key not in questionnaire.keys and not unknown:
            warnings.append(UserError(f"`resolves_by` names {key!r}, which is not a question",
                                      path=compiled.source.path,
                                      line=compiled.source.line((compiled.index, "resolves_by")),
                                      field=compiled.check.id))
    text = rules.text
    text_rules: list[Rule] = [c.rule for c in rules.patterns] + [g for g, _, _ in rules.terms]
    repeats = [text.repeats] if text.repeats else []
    for rule in [*text_rules, text.company_names, text.effective_date, *repeats]:
        if rule.resolves_by is not None and rule.resolves_by not in questionnaire.keys:
            warnings.append(UserError(f"`resolves_by` names {rule.resolves_by!r}, which is not "
                                      "a question (yet)", path=rules.text_path, field=rule.id))
    warnings += too_wide(rules, library.requirements)
    return warnings
