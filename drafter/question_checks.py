"""The checks a question's own text must pass when the questionnaire is loaded (options for
the kinds that need them, `exclusive`, `when` on options, `default`/`default_when`/`suggest`,
record fields, `pattern`): each failure one line naming the file, line and question."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError

from drafter.errors import UserError
from drafter.parsecache import memo
from drafter.questions import UNSURE, Question, value_type
from drafter.yamlio import DataFile


def check_question(question: Question, key: str, file: DataFile,
                    loc: tuple[str | int, ...]) -> None:
    def fail(message: str) -> None:
        raise UserError(message, path=file.path, line=file.line(loc), field=key)

    if question.type in ("one", "many"):
        if not question.options:
            fail(f"a `{question.type}` question needs a non-empty `options` mapping")
        if question.unsure and UNSURE in (question.options or {}):
            fail(f"option {UNSURE!r} is reserved for `unsure: true`")
    elif question.options is not None:
        fail(f"`options` only applies to one/many questions, not `{question.type}`")
    for name, given in (("default_when", question.default_when), ("suggest", question.suggest)):
        if given and question.default is None:
            fail(f"`{name}` needs a `default` to suggest")
        if given and question.type not in ("one", "bool", "many"):
            # a typed answer's box shows its default as a placeholder whatever the answers say
            fail(f"`{name}` applies to one, bool and many questions, not `{question.type}`")
    suggested = [value for answer in (question.default, *(s.answer for s in question.suggest))
                 for value in (answer if isinstance(answer, list) else [answer])]
    for value in question.exclusive:
        if question.type != "many":
            fail(f"option {value!r}: only a `many` question's options can be `exclusive`")
        if value not in (question.options or {}):
            fail(f"`exclusive` names option {value!r}, which the question does not offer")
    for value in question.option_when:
        if value not in (question.options or {}):
            fail(f"`when` is given for option {value!r}, which the question does not offer")
        if value in suggested:
            fail(f"`default` suggests option {value!r}, which is offered only under its `when`")
    if question.type == "records":
        if not question.fields:
            fail("a `records` question needs `fields`")
        ids = [f.id for f in question.fields or []]
        if len(ids) != len(set(ids)):
            fail("duplicate field id in `fields`")
        for sub in question.fields or []:
            if sub.type == "records" or sub.when or sub.fields or sub.option_when:
                fail(f"field {sub.id!r}: record fields cannot nest records or have `when` "
                     "(on themselves or their options)")
            check_question(sub, f"{key}.{sub.id}", file, loc)
    elif question.fields is not None:
        fail("`fields` only applies to `records` questions")
    if question.pattern is not None:
        try:
            re.compile(question.pattern)
        except re.error as exc:
            fail(f"`pattern` is not a valid regular expression: {exc}")
    if question.default is not None:  # checked once per question text (parse cache)
        memo("default", repr(question), lambda: _check_default(question, fail))


def _check_default(question: Question, fail: Callable[[str], None]) -> bool:
    from pydantic import TypeAdapter

    adapter = TypeAdapter(value_type(question))
    for name, answer in (("default", question.default),
                         *(("suggest", s.answer) for s in question.suggest)):
        try:
            adapter.validate_python(answer)
        except ValidationError as exc:
            fail(f"`{name}` is not a valid answer: {exc.errors()[0]['msg']}")
    return True


__all__ = ["check_question"]
