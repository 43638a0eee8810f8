"""Derived facts (`clauses/laws.yaml`): which laws apply, worked out from plain answers.

An owner answers where their users are, how many residents of each state they handle, their
revenue band and what they do with data; whether the CCPA or Oregon's law applies follows from
those answers by each statute's own test, kept with the rest of the legal data, not in Python.
An entry is either a Jinja expression over the answers and the entries above it, a
`residents:` table (counts per state, from the band questions) or a `statute:` (a state law as
data: its prongs, exemptions, dates and duties, each with its cite; see statutes.py).
Conditions and templates read the results as `law.NAME`; `law.statutes` lists the statutes
that apply, with their duties, for the entries after them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafter import records
from drafter.errors import DrafterError, UserError
from drafter.evaluation import evaluate as evaluate_expression
from drafter.parsecache import memo
from drafter.statutes import POLICY_DATE, ResidentCounts, Statute, compiled, evaluate_statute
from drafter.templating import (
    AnswerGroup,
    Condition,
    TemplateSyntaxError,
    compile_condition,
    referenced_names,
)
from drafter.yamlio import DataFile, load_data


@dataclass(frozen=True)
class Derived:
    name: str
    expression: Condition | None
    source: DataFile
    statute: Statute | None = None
    counts: ResidentCounts | None = None
    conditions: Mapping[str, Condition] = field(default_factory=dict)
    title: str | None = None  # the law in words, for counsel (`name:`, or the `statute:`)
    in_force: date | None = None  # `{when:, in_force:}`: false on a policy dated earlier

    @property
    def line(self) -> int | None:
        """Where the entry is in laws.yaml (found only when an error needs it)."""
        return self.source.line((self.name,))

    def names(self) -> set[str]:
        """The answer keys and `law.*` names the entry reads (for lint)."""
        if self.statute is not None:
            return self.statute.names()
        if self.counts is not None:
            return self.counts.names()
        assert self.expression is not None
        names = referenced_names(self.expression.source, expression=True)
        return names | {POLICY_DATE} if self.in_force is not None else names

    @cached_property
    def reads(self) -> frozenset[str]:
        """`names()`, worked out once per entry (`evaluate` asks for it on every reading)."""
        return frozenset(self.names())

    def provides(self) -> set[str]:
        """The `law.*` names known after this entry."""
        return {f"law.{self.name}"} | ({"law.statutes"} if self.statute is not None else set())


def load_laws(path: Path) -> tuple[Derived, ...]:
    """Load the derived facts in file order; a missing file means there are none."""
    if not path.exists():
        return ()
    file = load_data(path)
    entries = memo("laws", file.text, lambda: _validated(file))
    return tuple(_derived(name, value, file) for name, value in entries)


def _fail(file: DataFile, name: str, message: str, loc: tuple[Any, ...] = ()) -> UserError:
    return UserError(message, path=file.path, line=file.line((name, *loc)),
                     field=".".join([name, *map(str, loc)]))


@dataclass(frozen=True, kw_only=True)
class NamedLaw:
    """`NAME: {when: "expression", name: "the law in words"}`: a law a promise may rest on.
    `in_force`: the day it starts; on a policy dated earlier the fact is false (like a
    statute's `in_force`; an undated policy reads it as in force)."""

    __pydantic_config__ = records.FORBID  # a record, checked when read (drafter.records)
    when: str
    name: str | None = None
    in_force: date | None = None
    verify: str | None = None  # what was read only in secondary sources (as a statute's)


_Entry = str | NamedLaw | ResidentCounts | Statute


def _validated(file: DataFile) -> list[tuple[str, _Entry]]:
    """Each entry's name and its expression, residents table or statute (validated)."""
    doc = file.data
    if not isinstance(doc, Mapping):
        raise UserError("expected a mapping of name to expression", path=file.path, line=1)
    entries: list[tuple[str, _Entry]] = []
    for key, value in doc.items():
        name = str(key)
        if not name.isidentifier() or not isinstance(value, (str, Mapping)):
            raise _fail(file, name, "each entry is `name: \"expression\"`, `{when:, name:}`, a "
                        "`statute:` or a `residents:` table")
        try:
            entries.append((name, value if isinstance(value, str)
                            else records.validate(ResidentCounts, value) if "bands" in value
                            else records.validate(NamedLaw, value) if "when" in value
                            else records.validate(Statute, value)))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise _fail(file, name, records.message(err), tuple(err["loc"])) from None
    tests: dict[str, list[tuple[int, date | None, date | None]]] = {}
    for _, value in entries:  # each state's residents tests, for the bands (`asks`)
        if isinstance(value, Statute):
            tests.setdefault(value.state, []).extend(
                (p.residents, p.from_, p.until) for p in value.applies if p.residents)
    return [(name, replace(value, tests={k: tuple(v) for k, v in tests.items()})
             if isinstance(value, ResidentCounts) else value) for name, value in entries]


def _derived(name: str, value: _Entry, file: DataFile) -> Derived:
    try:
        if isinstance(value, str):
            return Derived(name, compile_condition(value), file)
        if isinstance(value, NamedLaw):
            return Derived(name, compile_condition(value.when), file, title=value.name,
                           in_force=value.in_force)
        if isinstance(value, ResidentCounts):
            return Derived(name, None, file, counts=value)
        return Derived(name, None, file, statute=value, conditions=compiled(value),
                       title=value.statute)
    except TemplateSyntaxError as exc:
        from drafter.name_check import condition_line

        loc = (name,) if isinstance(value, str) else (name, "when")  # a statute's: its entry
        raise UserError(f"not a valid expression: {exc.message}", path=file.path,
                        line=condition_line(file, loc), field=name) from None


def evaluate(laws: tuple[Derived, ...], context: Mapping[str, Any],
             shown: frozenset[str] | None = None,
             since: tuple[AnswerGroup, set[str]] | None = None) -> AnswerGroup:
    """Every derived fact for these answers, each seeing the ones before it as `law.NAME`;
    `shown` (the questions the owner was asked) tells a band not asked from one left blank.

    `since`: the facts for other answers, and the keys whose value or visibility differs from
    those answers' (`drafter.unsure` asks for one answer changed at a time). An entry none of
    whose names (`Derived.names`) changed, nor any fact it reads, keeps its value; only the
    others are evaluated again. The result is the same as without `since`."""
    values: dict[str, Any] = {}
    statutes: list[AnswerGroup] = []
    before, changed = (since[0], set(since[1])) if since is not None else (None, None)
    earlier = iter(getattr(before, "statutes", None) or ())
    scope = dict(context)  # what each expression reads: the answers, and `law` so far
    for derived in laws:
        kept = _MISSING
        if before is not None and changed is not None:
            old = getattr(before, derived.name)
            old_found = next(earlier) if derived.statute is not None and old else None
            if not _reads_changed(derived, changed):
                kept = old
        try:
            scope["law"] = AnswerGroup(**values)
            if derived.counts is not None:
                values[derived.name] = (kept if kept is not _MISSING
                                        else derived.counts.count(context, shown))
            elif derived.statute is not None:
                found = (old_found if kept is not _MISSING else
                         evaluate_statute(derived.statute, derived.conditions,
                                          scope))
                values[derived.name] = found is not None
                statutes += [found] if found is not None else []
                values["statutes"] = list(statutes)
                if changed is not None and kept is _MISSING and found != old_found:
                    changed.add("law.statutes")
            else:
                assert derived.expression is not None
                values[derived.name] = (kept if kept is not _MISSING
                                        else _dated(derived, context)
                                        and evaluate_expression(derived.expression.template, scope))
        except Exception as exc:  # a failure inside the sandbox is a library bug
            raise DrafterError(f"law.{derived.name} failed: {exc}") from exc
        if changed is not None and kept is _MISSING and values[derived.name] != old:
            changed.add(f"law.{derived.name}")
    return AnswerGroup(**values)


_MISSING = object()


def _dated(derived: Derived, context: Mapping[str, Any]) -> bool:
    """Whether the entry is in force on the policy's date (always, when it has no `in_force`
    or the policy is undated)."""
    section, question = POLICY_DATE.split(".", 1)
    day = getattr(context.get(section), question, None)
    return derived.in_force is None or not isinstance(day, date) or day >= derived.in_force


def _reads_changed(derived: Derived, changed: set[str]) -> bool:
    """Whether `derived` reads a changed key or fact: a dotted name itself, a bare one
    (`audience`, `law`) anything under it."""
    for name in derived.reads:
        if name in changed or ("." not in name and any(c.startswith(name + ".")
                                                       for c in changed)):
            return True
    return False
