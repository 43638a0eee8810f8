"""Composing the questionnaire from its parts: options kept in the library's data files
(`options_from`), and the pages of business modules placed among its own (`splice`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from drafter.errors import UserError
from drafter.yamlio import DataFile, load_data

if TYPE_CHECKING:
    from drafter.questionnaire import Question, Section

ANSWER_ID = r"^[a-z][a-z0-9_]*$"
"""A section, question or option id: also a Python and Jinja name."""

Page = tuple["Section", DataFile, tuple[Any, ...]]
T = TypeVar("T")


def splice(core: Sequence[T], added: Sequence[T], after: str | None, key: Callable[[T], str],
           path: Path) -> list[T]:
    """`core` with `added` placed after the item whose `key` is `after` (at the end without
    `after`); naming no item is an error in `path`."""
    if not added:
        return list(core)
    ids = [key(item) for item in core]
    if after is None:
        return [*core, *added]
    if after not in ids:
        raise UserError(f"`modules_after` names {after!r}, which is not a section", path=path,
                        field="modules_after")
    at = ids.index(after) + 1
    return [*core[:at], *added, *core[at:]]


def with_data_options(pages: list[Page], data_dir: Path,
                      read: list[str] | None = None) -> list[Page]:
    """Fill each `options_from` question's `options` from its data file (records' fields too).
    A page is a questionnaire section, the file it is written in and its place there. The
    text of every data file read is added to `read`, when given."""
    cache: dict[str, dict[str, str]] = {}
    known_as: dict[str, tuple[str, ...]] = {}  # each data option's other names
    earlier: dict[str, Question] = {}  # the questions resolved so far, by key

    def table(name: str, file: DataFile, where: tuple[Any, ...], key: str) -> dict[str, str]:
        if name not in cache:
            cache[name] = _options_in(data_dir / f"{name}.yaml", file, where, key, known_as, read)
        return cache[name]

    def resolve(question: Question, file: DataFile, loc: tuple[Any, ...], key: str) -> Question:
        fields = question.fields
        if fields:
            fields = [resolve(sub, file, (*loc, "fields", i), f"{key}.{sub.id}")
                      for i, sub in enumerate(fields)]
        spec = question.options_from
        if spec is None:
            return replace(question, fields=fields) if fields else question
        where = (*loc, "options_from")
        if question.options is not None:
            raise UserError("give either `options` or `options_from`, not both",
                            path=file.path, line=file.line(where), field=key)
        exclusive = question.exclusive
        if isinstance(spec, str):
            options = table(spec, file, where, key)
        else:
            found = table(spec.data, file, (*where, "data"), key)
            if spec.only is not None:
                found = _subset(found, data_dir / f"{spec.only}.yaml", spec.data, file,
                                (*where, "only"), key, read)
            first, last, alone = spec.own()
            options = {**first, **found, **last}
            if len(options) != len(first) + len(found) + len(last):
                raise UserError(f"`first` or `last` repeats an option of {spec.data}.yaml",
                                path=file.path, line=file.line(where), field=key)
            exclusive = (*question.exclusive, *alone)
        aliases = {value: known_as[value] for value in options if known_as.get(value)}
        update = {"options": options, "fields": fields, "aliases": aliases,
                  "exclusive": exclusive}
        if not isinstance(spec, str) and spec.offer is not None:
            update["option_when"] = {**question.option_when, **_offered(
                spec.offer, found, file, (*where, "offer"), key)}
        if not isinstance(spec, str) and spec.within is not None:
            _check_within(spec.within.answer, spec.within.all, earlier, file,
                          (*where, "within"), key)
            update.update(_within(spec.within.answer, spec.within.all, found,
                                  update.get("option_when", question.option_when), question.when))
        return replace(question, **update)

    def kept(question: Question, key: str) -> Question:
        earlier[key] = question
        return question

    return [(replace(section, questions=[
                kept(resolve(q, file, (*at, "questions", q_i), f"{section.id}.{q.id}"),
                     f"{section.id}.{q.id}")
                for q_i, q in enumerate(section.questions)]), file, at)
            for section, file, at in pages]


def _check_within(answer: str, every: str, earlier: Mapping[str, Question], file: DataFile,
                  where: tuple[Any, ...], key: str) -> None:
    """`within` names a many-of question asked before this one, and its `all` is one of that
    question's options: otherwise the narrowing would never hold, or fail as a condition
    far from where it was written."""
    named = earlier.get(answer)
    if named is None or named.type != "many":
        raise UserError(f"`within` names {answer!r}, which is not a many-of question asked "
                        "before this one", path=file.path, line=file.line(where), field=key)
    if every not in (named.options or {}):
        raise UserError(f"`within`'s `all` is {every!r}, which is not an option of {answer}",
                        path=file.path, line=file.line(where), field=key)


def _within(answer: str, every: str, options: dict[str, str], conditions: dict[str, str],
            when: str | None) -> dict[str, Any]:
    """`within`: each data option offered only while `answer` names it (or its `every` option,
    "not sure" or nothing yet), beside any condition of its own; asked only while one is."""
    open_ = f"not {answer} or {answer} == 'unsure' or {every!r} in {answer}"
    option_when = dict(conditions)
    named: list[str] = []
    for value in options:
        own = conditions.get(value)
        if own == "false":
            continue
        option_when[value] = f"({open_} or {value!r} in {answer})" + (f" and ({own})" if own
                                                                       else "")
        named.append(f"{value!r} in {answer}" + (f" and ({own})" if own else ""))
    asked = " or ".join([open_, *(f"({n})" for n in named)])
    return {"option_when": option_when, "when": f"({when}) and ({asked})" if when else asked}


def _offered(offer: list[str | dict[str, str]], options: dict[str, str], file: DataFile,
             where: tuple[Any, ...], key: str) -> dict[str, str]:
    """`offer` as option conditions: an option listed alone is offered, one listed with a
    `when` while it holds, and an option of the data not listed never ("false")."""
    listed: dict[str, str | None] = {}
    for index, item in enumerate(offer):
        pairs = list(item.items()) if isinstance(item, dict) else [(item, None)]
        for value, when in pairs:
            if value not in options or value in listed or len(pairs) != 1:
                raise UserError(f"`offer` item {value!r} is not one option of the data, "
                                "listed once", path=file.path,
                                line=file.line((*where, index)), field=key)
            listed[value] = when
    return {value: listed.get(value) or "false"
            for value in options if value not in listed or listed[value] is not None}


def _subset(options: dict[str, str], source: Path, name: str, file: DataFile,
            where: tuple[Any, ...], key: str, read: list[str] | None) -> dict[str, str]:
    """The `options` whose ids the data file `source` lists (a list of ids), in its order."""
    if not source.is_file():
        raise UserError(f"`only` names {source.name}, which is not in {source.parent}",
                        path=file.path, line=file.line(where), field=key)
    listed = load_data(source)
    if read is not None:
        read.append(listed.text)
    if not isinstance(listed.data, list) or not listed.data:
        raise UserError("expected a non-empty list of option ids", path=source, line=1,
                        field=key)
    for index, value in enumerate(listed.data):
        if not isinstance(value, str) or value not in options:
            raise UserError(f"{value!r} is not an id of {name}.yaml", path=source,
                            line=listed.line((index,)), field=key)
    if len(set(listed.data)) != len(listed.data):
        raise UserError("an id is listed twice", path=source, line=1, field=key)
    return {value: options[value] for value in listed.data}


def _options_in(source: Path, file: DataFile, where: tuple[Any, ...], key: str,
                known_as: dict[str, tuple[str, ...]], read: list[str] | None) -> dict[str, str]:
    """Options from a data file, in file order: either a mapping of stored value to a label or
    to a record with a `name` (as `clauses/data/vendors.yaml`), or a list of records with `id`
    and `name` (a list when templates must walk the entries in order). A record's
    `also_known_as` (other names owners know it by) goes into `known_as`, for the app's
    type-to-jump."""
    if not source.is_file():
        raise UserError(f"`options_from` names {source.name}, which is not in {source.parent}",
                        path=file.path, line=file.line(where), field=key)
    table_file = load_data(source)
    if read is not None:
        read.append(table_file.text)
    table = table_file.data
    if isinstance(table, list):
        pairs = [((i,), item.get("id") if isinstance(item, Mapping) else None, item)
                 for i, item in enumerate(table)]
    elif isinstance(table, Mapping):
        pairs = [((value,), value, item) for value, item in table.items()]
    else:
        pairs = []
    if not pairs:
        raise UserError("expected a non-empty mapping or list of options",
                        path=source, line=1, field=key)
    options: dict[str, str] = {}
    for loc, value, item in pairs:
        label = item.get("name") if isinstance(item, Mapping) else item
        if not isinstance(value, str) or not re.match(ANSWER_ID, value) or not isinstance(label, str):
            raise UserError("each option needs a lower-case id and a text label or `name`",
                            path=source, line=table_file.line(loc), field=str(value))
        if value in options:
            raise UserError("duplicate option id", path=source, line=table_file.line(loc),
                            field=value)
        options[value] = label
        other = item.get("also_known_as") if isinstance(item, Mapping) else None
        if isinstance(other, list) and all(isinstance(name, str) for name in other):
            known_as[value] = tuple(other)
    return options
