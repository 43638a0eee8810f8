"""What an answer may hold beyond its type, and how a value is shown back to its owner.

The answers model (`questionnaire.value_type`) adds these rules to the plain types, so the
CLI, the app and the JSON Schema all apply them: text holds no control character (a NUL
breaks the DOCX, an escape sequence retitles a terminal), a one-line answer holds no line
break (it would break bold text and table rows), a number is a real whole number within any
count a business could give (never `true`), and a many-of answer lists each choice once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from pydantic_core import PydanticCustomError

from drafter.errors import CONTROL

_GROUPED = re.compile(r"[+-]?\d{1,3}(?P<sep>[, \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*")
"""Digits grouped by threes, as owners write counts: 40,000 or 40 000 (a French thin space)."""
MAX_NUMBER = 10**15  # larger than any count of people or staff; ends a 4,301-digit number
_LINE_BREAK = re.compile(r"[\t\n\u2028\u2029]")


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def plain_text(one_line: bool) -> Any:
    """A check for text answers: no control characters; with `one_line`, no tab or line break
    either (long text keeps its paragraphs and tabs)."""

    def check(value: str) -> str:
        found = CONTROL.search(value)
        if found:
            raise PydanticCustomError(
                "control_character", "must not contain the control character {code} "
                "(character {position})",
                {"code": _codepoint(found.group()), "position": found.start() + 1})
        if one_line and _LINE_BREAK.search(value):
            raise PydanticCustomError(
                "line_break", "must be on one line (no line breaks or tabs)")
        return value

    return check


def whole_number(value: Any) -> Any:
    """Before a number is read: `true` is not 1, nothing beyond `MAX_NUMBER` is a count, digits
    grouped by threes (`40,000`) are the number they write, one number among plain words is
    that number (`last 4`, see `_count_in_words`), and text is never read as another number
    than its digits say (`40.000`, forty thousand to much of Europe, is not 40)."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "expected a whole number")
    if isinstance(value, str):
        value = value.strip()
        if _GROUPED.fullmatch(value):
            value = re.sub(r"[, \u00a0\u202f]", "", value)
        elif not re.fullmatch(r"[+-]?\d+", value):
            value = _count_in_words(value)
    digits = value.lstrip("+-") if isinstance(value, str) else ""
    if (isinstance(value, int) and abs(value) > MAX_NUMBER) or (
            digits.isdigit() and len(digits) > len(str(MAX_NUMBER))):
        raise PydanticCustomError("number_too_large", "is too large (at most {most})",
                                  {"most": f"{MAX_NUMBER:,}"})
    return value


_BOUNDS = frozenset(
    "about around approximately approx roughly nearly almost circa some maybe perhaps over "
    "under above below less more fewer least most up to than between or and not no never "
    "max maximum min minimum plus minus per each every only half".split())
"""Words that make a number among them a bound, a guess or one of several ("over 100"):
such a text is never read as the number."""


def _count_in_words(text: str) -> str:
    """The digits of the one whole number among plain words ("last 4", "4 digits"), or a
    refusal: the text is read as that number only when nothing else could be meant (no
    second number, nothing joined to the digits, no word such as "about" or "over")."""
    if not re.search(r"\d", text):
        raise PydanticCustomError("int_parsing", "expected a whole number")
    numbers = list(re.finditer(r"[^\s]*\d[^\s]*", text))
    number = numbers[0].group() if len(numbers) == 1 else ""
    words = (text[:numbers[0].start()] + " " + text[numbers[0].end():]).split() if (
        number) else []
    if (not re.fullmatch(r"\d+|\d{1,3}(?:,\d{3})+", number)
            or not all(re.fullmatch(r"[^\W\d_]+:?", word) for word in words)
            or any(word.rstrip(":").lower() in _BOUNDS for word in words)):
        raise PydanticCustomError(
            "answer_form", "write one whole number on its own (no range, bound or guess): "
                           "for example 4 or 40,000")
    return number.replace(",", "")


def unique_items(items: list[Any]) -> list[Any]:
    """A many-of answer lists each choice once."""
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            raise PydanticCustomError("duplicate_item", "{item} is listed twice",
                                      {"item": describe(item)})
        seen.add(item)
    return items


def describe(value: Any, width: int = 40) -> str:
    """A value as its owner wrote it, short and printable: never a whole long value, never a
    Python type name (`datetime.datetime(…)`, `TaggedScalar(…)`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        if len(value) <= width:
            return repr(value)
        shown = repr(value[:width])
        return f"{shown[:-1]}…{shown[-1]} ({len(value):,} characters)"
    if isinstance(value, Mapping):
        return "a group of answers"
    if isinstance(value, (list, tuple)):
        return "a list"
    return "a value of another kind"
