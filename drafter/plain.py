"""Answers as plain Python values: the one view between an answers file's round-trip tree and
everything that reads answers.

ruamel reads an answers file into its own classes so that a save keeps the owner's comments
and quoting (`sells: "no"` is a `DoubleQuotedScalarString`, `1.50` a `ScalarFloat`, a list a
`CommentedSeq`). Those classes stay in the tree `AnswersFile` edits and writes back; whatever
reads an answer (the editing session, validation, select, render, review) gets it through
`plain`: `str`, `int`, `float`, `bool`, `date`, `datetime`, `list` and `dict` only, so no
comparison anywhere needs to know how the file happened to write a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

_PLAIN = (type(None), bool, str, int, float, date, datetime)


def tagged(value: Any) -> bool:
    """Whether a YAML tag (`!foo bar`) is written on `value`: it has no meaning in an answers
    file, so validation refuses it (`answer_errors.tag_error`) and `plain` leaves it as read."""
    tag = getattr(getattr(value, "tag", None), "value", None)
    return isinstance(tag, str) and tag.startswith("!")


def plain(value: Any) -> Any:
    """`value` with every ruamel class replaced by the plain type it stands for (recursively).
    A tagged value is left as it is, so that validation still names it."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if tagged(value):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):  # ruamel's ScalarInt, HexInt, … (bool cannot be subclassed)
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, datetime):  # ruamel's TimeStamp
        return datetime.combine(value.date(), value.timetz())
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, Mapping):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def same_answer(a: Any, b: Any) -> bool:
    """The same answer, read from YAML or set by the form (a list either way, but `True`
    and `1` differ; `1` and `1.0` are the same number)."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def kind(value: Any) -> str:
    """What sort of value this is, whatever class holds it: text, yes/no, a number, a date
    (or date and time), a list, a mapping, nothing."""
    for name, types in (("yes/no", bool), ("text", str), ("number", (int, float)),
                        ("date", date), ("list", (list, tuple)), ("mapping", Mapping)):
        if isinstance(value, types):
            return name
    return "nothing" if value is None else "other"


__all__ = ["kind", "plain", "same_answer", "tagged"]
