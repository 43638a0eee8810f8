"""An answers file's mistakes in the owner's words: the first problem pydantic finds, turned
into one line naming the section, question (or record field) and what was expected (and the
first about each other field, for the app to show them all).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafter.errors import UserError
from drafter.plain import tagged
from drafter.questionnaire import PATTERN_HINTS, UNSURE, Question, Questionnaire
from drafter.values import describe
from drafter.yamlio import line_of


def answer_error(exc: ValidationError, doc: Any, questionnaire: Questionnaire,
                  path: Path) -> UserError:
    """Turn the first pydantic error into a sentence an owner can act on; the first error
    about each other field is kept in its `also` (a union's other branches, about the same
    field, are not: "abc" for a number or "unsure" is one problem, not two)."""
    errors = exc.errors()
    first = _answer_error(errors[0], doc, questionnaire, path)
    fields = {first.field}
    for err in errors[1:]:
        other = _answer_error(err, doc, questionnaire, path)
        if other.field not in fields:
            fields.add(other.field)
            first.also += (other,)
    return first


def _answer_error(err: Any, doc: Any, questionnaire: Questionnaire, path: Path) -> UserError:
    kind = err["type"]
    loc = _location(err["loc"], questionnaire, keep_last=kind == "extra_forbidden")
    field = ".".join(str(p) for p in loc)
    line = line_of(doc, loc)
    if kind == "extra_forbidden":
        scope: list[str] = []
        if len(loc) == 1:
            scope = [s.id for s in questionnaire.sections]
        elif len(loc) == 2:
            scope = [q.id for q in _section(questionnaire, str(loc[0])).questions]
        elif (entry := questionnaire.entries.get(f"{loc[0]}.{loc[1]}")) is not None:
            scope = [f.id for f in entry.question.fields or []]
        guess = difflib.get_close_matches(str(loc[-1]), scope, n=1)
        hint = f"; did you mean {'.'.join([*map(str, loc[:-1]), guess[0]])!r}?" if guess else ""
        if field in questionnaire.moved:
            hint = f"; it is now asked as {questionnaire.moved_to(field)!r}: move the answer there"
        what = "section" if len(loc) == 1 else "question" if len(loc) == 2 else "field"
        return UserError(f"unknown {what}{hint}", path=path, line=line, field=field)
    return UserError(_explain(err, questionnaire, loc), path=path, line=line, field=field)


def _location(loc: tuple[Any, ...], questionnaire: Questionnaire,
              keep_last: bool) -> tuple[Any, ...]:
    """The answer's own path in a pydantic error location: section, question, then item
    numbers and record fields, without the names pydantic gives union branches
    (`constrained-int`, `literal['unsure']`, `list[…]`)."""
    entry = questionnaire.entries.get(".".join(map(str, loc[:2])))
    fields = {f.id for f in entry.question.fields or []} if entry else set()
    kept = list(loc[:2])
    for i, part in enumerate(loc[2:], start=2):
        if isinstance(part, int) or (part in fields and isinstance(kept[-1], int)) or (
                keep_last and i == len(loc) - 1):
            kept.append(part)
    return tuple(kept)


def _section(questionnaire: Questionnaire, section_id: str) -> Any:
    return next(s for s in questionnaire.sections if s.id == section_id)


def _question(questionnaire: Questionnaire, loc: tuple[Any, ...]) -> Question | None:
    entry = questionnaire.entries.get(".".join(str(p) for p in loc[:2]))
    question = entry.question if entry else None
    if question is not None and len(loc) > 3 and question.fields:
        question = next((f for f in question.fields if f.id == loc[3]), question)
    return question


_EXPECTED = {  # in the owner's words, by the question's type
    "text": "text", "long_text": "text", "date": "a real date such as 2026-11-22 or November 22, 2026",
    "bool": "yes or no", "number": "a whole number",
    "many": "a list (one `- item` per line)", "records": "a list (one `- item` per line)",
    **PATTERN_HINTS,
}
_BY_ERROR = {  # where the question is not known (a whole section given as text, say)
    "dict_type": "a group of answers (indented `name: value` lines)",
    "model_type": "a group of answers (indented `name: value` lines)",
    "model_attributes_type": "a group of answers (indented `name: value` lines)",
    "list_type": "a list (one `- item` per line)",
}


def _explain(err: Any, questionnaire: Questionnaire, loc: tuple[Any, ...]) -> str:
    kind = err["type"]
    given = err.get("input")
    shown = describe(given)
    question = _question(questionnaire, loc)
    if kind == "missing":
        return "this field is required"
    if kind in ("dict_type", "model_type", "model_attributes_type") or question is None:
        what = _BY_ERROR.get(kind)
        return f"expected {what}, got {shown}" if what else f"{err['msg']}, got {shown}"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(question.type)
        return f"expected {hint}, got {shown}" if hint else f"{shown} is not in the expected form"
    unsure = f", or {UNSURE} (I'm not sure)" if question.unsure else ""
    if kind == "literal_error" and question.options:
        offered = ", ".join(question.options)
        return f"{shown} is not one of the offered options: {offered}{unsure and f', or {UNSURE}'}"
    ctx = err.get("ctx") or {}
    bounds = {
        "greater_than_equal": f"must be at least {_number(ctx.get('ge'))}",
        "less_than_equal": f"must be at most {_number(ctx.get('le'))}",
        "string_too_short": f"must be at least {ctx.get('min_length')} characters long",
        "string_too_long": f"must be at most {ctx.get('max_length')} characters long",
        "too_short": f"needs at least {ctx.get('min_length')} item(s)",
        "too_long": f"allows at most {ctx.get('max_length')} item(s)",
        "number_too_large": err["msg"],
    }
    if kind in bounds:
        return f"{bounds[kind]}, got {shown}"
    if kind in ("control_character", "line_break", "duplicate_item", "answer_form"):
        return str(err["msg"])
    expected = _EXPECTED.get(question.type)
    if question.type == "one":
        expected = f"one of the offered options: {', '.join(question.options or {})}"
    return f"expected {expected}{unsure}, got {shown}"


def _number(bound: Any) -> Any:
    """A bound as written in the questionnaire (`min: 0`, read as 0.0, is shown as 0)."""
    return int(bound) if isinstance(bound, float) and bound.is_integer() else bound


def tag_error(doc: Any, path: Path) -> UserError | None:
    """A YAML tag (`!foo bar`) has no meaning in an answers file: name the first one."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        node, loc = stack.pop()
        if tagged(node):
            tag = node.tag.value
            return UserError(f"YAML tags such as {tag[:40]} are not allowed here; write the "
                             "value alone", path=path, line=line_of(doc, loc),
                             field=".".join(map(str, loc)) or None)
        if isinstance(node, Mapping):
            stack += [(value, (*loc, key)) for key, value in reversed(list(node.items()))]
        elif isinstance(node, list):
            stack += [(value, (*loc, i)) for i, value in reversed(list(enumerate(node)))]
    return None


__all__ = ["answer_error", "tag_error"]
