"""One answer checked as `drafter build` reads it: the app and `drafter scan --apply` check
each answer the owner gives before it is saved (`editing.Session` keeps what passes).

An answer refused is still written to the answers file as typed, with its message under the
field: nothing typed is lost (the file is where an owner's answers live, in the app, in an
editor and after a crash), and no older answer is left in the file to be built as if it were
the owner's. `drafter build` stops on it with one line naming the file, line and field, so a
refused answer never reaches a policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.answers import validate_answers
from drafter.answers_file import current_text
from drafter.errors import UserError
from drafter.questionnaire import Questionnaire


def text_now(path: Path) -> str | None:
    """The answers file's text now (None: none, or unreadable: the full reload decides)."""
    try:
        return current_text(path)
    except UserError:
        return None


def _problem(key: str, error: UserError) -> str:
    inner = (error.field or "").removeprefix(key).strip(".").split(".")
    if len(inner) == 2 and inner[0].isdigit():  # one field of one record
        return f"item {int(inner[0]) + 1}, {inner[1]}: {error.message}"
    return error.message


def check(questionnaire: Questionnaire, key: str, value: Any,
          path: Path) -> str | tuple[Any]:
    """Validate one answer through the answers model: its error message (a line for each field
    with a problem), or `(value,)` with the value converted to its type (a date, a number)
    the way `drafter build` reads it."""
    section, question = key.split(".", 1)
    try:
        answers = validate_answers({section: {question: value}}, questionnaire, path,
                                   complete=False)
    except UserError as exc:  # every field's problem, one a line (a row's name and link)
        return "\n".join(dict.fromkeys(_problem(key, found) for found in (exc, *exc.also)))
    return (answers.values.get(key),)
