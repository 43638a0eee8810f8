"""The answer checks of `clauses/answer-checks.yaml` (and each business module's own):
contradictions and advice over answers, as Jinja conditions, with the examples that show each
one firing and silent. Validated and compiled at load; errors name the file, line and check id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from annotated_types import MinLen

from drafter import records
from drafter.errors import UserError
from drafter.library import Library
from drafter.parsecache import memo
from drafter.questionnaire import Questionnaire
from drafter.records import FORBID, record
from drafter.review.text_rules import Rule
from drafter.templating import Condition, TemplateSyntaxError, compile_condition, referenced_names
from drafter.yamlio import DataFile, load_data

if TYPE_CHECKING:
    from drafter.review.rules import ReviewRules  # loads this module: named for types only

ANSWER_CHECKS = "answer-checks.yaml"


@record
class CheckExample:
    """Answers that show a check at work: a built-in example business
    (`questionnaires/examples/NAME.yaml`) with some answers changed (`section: {question:
    value}`; `null` removes an answer). With `policy`, those paragraphs are reviewed with the
    answers, as `drafter review --answers` would, instead of Drafter's own draft."""

    __pydantic_config__ = FORBID

    example: str
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    policy: list[str] | None = None


@record
class CheckExamples:
    """At least one example that makes the check fire and one, as close as possible, that
    does not; tests/test_answer_checks.py runs them all."""

    __pydantic_config__ = FORBID

    fires: Annotated[list[CheckExample], MinLen(1)]
    silent: Annotated[list[CheckExample], MinLen(1)]


@record
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
    unless_met: list[str] = field(default_factory=list)
    examples: CheckExamples | None = None  # `drafter lint` warns when missing

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        return records.after(handler(source), cls._items_have_a_place)

    def _items_have_a_place(self) -> AnswerCheck:
        if self.items is not None and "{items}" not in self.message:
            raise ValueError("a check with `items` needs {items} in its message")
        return self


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


def load_answer_checks(path: Path) -> tuple[CompiledAnswerCheck, ...]:
    file = load_data(path)
    checks: list[CompiledAnswerCheck] = []
    for index, check in enumerate(memo("answer-checks", file.text,
                                       lambda: file.validated_entries(AnswerCheck, "checks"))):
        expressions = {"when": check.when, "items": check.items}
        compiled: dict[str, Condition] = {}
        for name, source in expressions.items():
            try:
                if source is not None:
                    compiled[name] = compile_condition(source)
            except TemplateSyntaxError as exc:
                from drafter.name_check import condition_line

                raise UserError(f"`{name}` is not a valid expression: {exc.message}",
                                path=path, line=condition_line(file, (index, name)),
                                field=check.id) from None
        names = frozenset(name for source in expressions.values() if source is not None
                          for name in referenced_names(source, expression=True))
        checks.append(CompiledAnswerCheck(check, compiled["when"], compiled.get("items"),
                                          names, file, index))
    return tuple(checks)


def condition_names(questionnaire: Questionnaire, library: Library) -> frozenset[str]:
    """What an answer check's `when` may name: the questions, `law.NAME` and `data.NAME`."""
    return frozenset(questionnaire.keys | {f"law.{d.name}" for d in library.laws}
                     | {f"data.{name}" for name in library.data})


def usable_answer_checks(rules: ReviewRules, names: frozenset[str],
                         ) -> tuple[CompiledAnswerCheck, ...]:
    """The answer checks whose every name is known (`condition_names`). The others wait for
    their questions (see `lint_review`) instead of failing."""
    return tuple(c for c in rules.answer_checks if c.names <= names)
