"""Question definitions (`questionnaires/*.yaml`), parsed once into typed models.

A questionnaire is data: sections of questions, each with a type, options, validation and a
`when` condition (a Jinja expression over earlier answers). This module loads and checks it and
says which questions are visible for given answers; what one question is, and the type of its
answer, is in questions.py (the answers model, answers.py, is generated from those types
rather than written twice).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from drafter import records
from drafter.composing import splice, with_data_options
from drafter.errors import DrafterError, UserError
from drafter.parsecache import memo
from drafter.question_checks import check_question
from drafter.paths import default_library
from drafter.questions import (
    PATTERN_HINTS,
    PATTERNS,
    UNSURE,
    UNSURE_LABEL,
    Moved,
    Question,
    QuestionnaireFile,
    QuestionType,
    Section,
    record_model,
    value_type,
)
from drafter.templating import (
    AnswerGroup,
    Condition,
    TemplateSyntaxError,
    compile_condition,
    referenced_names,
    template_value,
)
from drafter.yamlio import DataFile, load_data

if TYPE_CHECKING:
    from drafter.modules import Module

@dataclass(frozen=True)
class Entry:
    """A question in context: its dotted key, section and compiled `when` conditions."""

    key: str
    section: Section
    question: Question
    conditions: tuple[Condition, ...]
    loc: tuple[str | int, ...] = ()  # where the question is in its file
    path: Path | None = None  # that file, when not the questionnaire's (a module's pages)
    # each option offered only while a condition holds (`option_when`), compiled
    option_conditions: tuple[tuple[str, Condition], ...] = ()
    default_condition: Condition | None = None  # `default_when`, compiled
    # `suggest`: each other answer suggested while its condition holds, compiled
    suggest_conditions: tuple[tuple[Condition, Any], ...] = ()

    @property
    def suggestion_reads_answers(self) -> bool:
        """Whether the suggestion follows other answers (`default_when` or `suggest`)."""
        return self.default_condition is not None or bool(self.suggest_conditions)


class Questionnaire:
    """A validated questionnaire. Build it with `load_questionnaire`."""

    def __init__(self, path: Path, data: QuestionnaireFile, entries: list[Entry],
                 stamp: str | None = None) -> None:
        self.path = path
        self.title = data.title
        self.version = data.version
        self.sections = data.sections
        self.moved = data.moved
        self.entries: dict[str, Entry] = {e.key: e for e in entries}
        if stamp is not None:
            self.__dict__["stamp"] = stamp

    @cached_property
    def stamp(self) -> str:
        """A hash of every question as validated (options from data files and modules' pages
        included): answers validated against an equal stamp validate the same.
        `load_questionnaire` gives it from the texts the questionnaire is made of, which
        decide the questions as surely (with the code, which names the parse cache's file) and
        cost far less to hash than the questions' `repr` (some 25M instructions a build)."""
        return hashlib.sha256(repr((self.sections, self.moved)).encode()).hexdigest()

    @cached_property
    def option_names(self) -> frozenset[str]:
        """The questions some option's `when` reads: answering another offers nothing new."""
        return frozenset(name for entry in self.entries.values()
                         for _, condition in entry.option_conditions
                         for name in referenced_names(condition.source, expression=True))

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def moved_to(self, key: str) -> str | None:
        """The question that now asks what the retired `key` asked, if any."""
        spec = self.moved.get(key)
        return spec.to if isinstance(spec, Moved) else spec

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def entry(self, key: str) -> Entry:
        return self.entries[key]

    def section_entries(self, section_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.section.id == section_id]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(self.entries)

    def walk(self, values: Mapping[str, Any], *, suggestions: bool = False
             ) -> list[tuple[Entry, bool, Any]]:
        """Each question in order, whether it is shown, and its effective value (see `ask`)."""
        return self.ask(lambda entry: values.get(entry.key), suggestions=suggestions)

    def ask(self, answer: Callable[[Entry], Any], *, suggestions: bool = False
            ) -> list[tuple[Entry, bool, Any]]:
        """`walk`, taking each shown question's answer from `answer(entry)` as the walk reaches
        it, so answers can be given one at a time as an owner gives them, in linear time.

        Shown questions take their answer; a `default:` is only the app's suggestion, never
        an answer, so it stands in for a missing one only with `suggestions` (the app's
        preview), never in a build (no statement without an answer). Hidden ones count as None
        (an empty list for many/records, so `'x' in s.q` always works), though their answers
        stay in the file. Every record has every field (None when blank), so templates can
        test `v.link` without knowing whether it was answered. `when` may only name earlier questions
        (checked at load), so one pass in order settles everything.
        """
        # Built up as the walk goes, rather than rebuilt for each of the hundreds of conditions.
        context = {s.id: AnswerGroup() for s in self.sections}
        walked: list[tuple[Entry, bool, Any]] = []
        for entry in self.entries.values():
            shown = all(self._holds(entry, cond, context) for cond in entry.conditions)
            value = answer(entry) if shown else None
            if shown and value is None and suggestions:
                value = self.suggestion(entry, context)
            if value is None and entry.question.type in ("many", "records"):
                value = []
            if entry.question.type == "records" and isinstance(value, list):
                fields = [f.id for f in entry.question.fields or []]
                value = [{f: item.get(f) for f in fields} for item in value]
            walked.append((entry, shown, value))
            setattr(context[entry.section.id], entry.question.id, template_value(value))
        return walked

    def suggestion(self, entry: Entry, context: Mapping[str, Any]) -> Any:
        """What the app suggests for `entry` with these answers (`context`, as templates read
        them): the answer of the first `suggest` whose `when` holds (an earlier answer implies
        it), else its `default`, unless `default_when` says an earlier answer tells against it
        (then None: no suggestion rather than one contradicting what the owner said)."""
        for implied, answer in entry.suggest_conditions:
            if self._holds(entry, implied, context):
                return answer
        condition = entry.default_condition
        if condition is not None and not self._holds(entry, condition, context):
            return None
        return entry.question.default


    def hidden_options(self, entry: Entry, context: Mapping[str, Any]) -> frozenset[str]:
        """The options of `entry` not offered with these answers (`context`, the answers
        as templates read them): those whose `when` does not hold. An option's `when` names
        only earlier questions, so the whole walk's context answers it."""
        return frozenset(value for value, condition in entry.option_conditions
                         if not self._holds(entry, condition, context, option=value))

    def _holds(self, entry: Entry, condition: Condition, context: Mapping[str, Any],
               option: str | None = None) -> bool:
        """A `when` that fails on these answers (`business.staff > 3` while staff is
        unanswered) is the questionnaire's mistake, reported as one line naming it."""
        try:
            return condition.holds(context)
        except DrafterError as exc:
            implied = [i for i, (c, _) in enumerate(entry.suggest_conditions) if c is condition]
            suggest = condition is entry.default_condition or bool(implied)
            own = condition.source == entry.question.when or option is not None or suggest
            name = "default_when" if condition is entry.default_condition else "when"
            loc = (*(entry.loc if own else entry.loc[:2]),
                   *(("options", option) if option is not None else ()),
                   *(("suggest", implied[0]) if implied else ()), name)
            raise UserError(f"`{name}: {condition.source}` cannot be worked out from these "
                            f"answers ({exc.__cause__}); an unanswered question is none",
                            path=entry.path or self.path,
                            line=load_data(entry.path or self.path).line(loc),
                            field=entry.key if own else entry.section.id) from None


def load_questionnaire(path: Path, data_dir: Path | None = None,
                       modules: Sequence[Module] = ()) -> Questionnaire:
    """Load, validate and cross-check a questionnaire file, with the pages of the library's
    business `modules` after its `modules_after` section; errors name the file, line and id.

    `options_from: NAME` questions take their options from `data_dir/NAME.yaml` (by default
    the clause library's `data/` folder), so a catalog such as the vendor list is kept once
    and both the questions and the clauses read it; `options_from: {data: NAME, only: IDS,
    first: {…}, last: {…}}` takes only the entries a list of ids names, between options of
    the question's own (composing.py).
    """
    file = load_data(path)
    doc = file.data
    if not isinstance(doc, Mapping):
        raise UserError("a questionnaire must be a mapping with title, version and sections",
                        path=path, line=1)
    data = memo("questionnaire", file.text, lambda: _validated(file))
    pages = [(section, file, ("sections", i)) for i, section in enumerate(data.sections)]
    added = [(section, module.file, ("questions", i)) for module in modules
             for i, section in enumerate(module.spec.questions)]
    pages = splice(pages, added, data.modules_after, lambda page: page[0].id, path)
    read: list[str] = []
    pages = with_data_options(pages, data_dir or default_library() / "data", read)
    data = replace(data, sections=[section for section, _, _ in pages])
    entries: list[Entry] = []
    seen: set[str] = set()
    for section, source, at in pages:
        section_conditions = _conditions(section.when, seen, source, (*at, "when"), section.id)
        for q_index, question in enumerate(section.questions):
            loc = (*at, "questions", q_index)
            key = f"{section.id}.{question.id}"
            if key in seen:
                raise UserError("duplicate question id", path=source.path,
                                line=source.line(loc), field=key)
            check_question(question, key, source, loc)
            own = _conditions(question.when, seen, source, (*loc, "when"), key)
            options = tuple((value, *_conditions(when, seen, source,
                                                 (*loc, "options", value, "when"),
                                                 f"{key} option {value}"))
                            for value, when in question.option_when.items())
            suggest = _conditions(question.default_when, seen, source, (*loc, "default_when"),
                                  key)
            implied = tuple((*_conditions(s.when, seen, source, (*loc, "suggest", i, "when"),
                                          key), s.answer)
                            for i, s in enumerate(question.suggest))
            entries.append(Entry(key, section, question, section_conditions + own, loc,
                                 None if source is file else source.path, options,
                                 suggest[0] if suggest else None, implied))
            seen.add(key)
    keys = {e.key for e in entries}
    for old_key, spec in data.moved.items():
        new_key = spec.to if isinstance(spec, Moved) else spec
        if new_key not in keys or old_key in keys:
            raise UserError(f"`moved` must lead from a retired key to a question, not "
                            f"{old_key!r} → {new_key!r}", path=path,
                            line=file.line(("moved", old_key)), field=old_key)
    # each carried-over value is checked against its new question by `drafter lint`
    # (`moved_value_errors`): building that validator on every load would load pydantic's
    # plugin machinery in every command
    return Questionnaire(path, data, entries, _stamp(file.text, modules, read))


def _stamp(text: str, modules: Sequence[Module], data_texts: list[str]) -> str:
    """What a questionnaire is made of: its file, its modules' (named, in order: the order
    places their pages) and the data files its options came from, each with its length."""
    parts = [text, *(f"{m.name}\0{m.file.text}" for m in modules), *data_texts]
    return hashlib.sha256("".join(f"{len(part)}\0{part}" for part in parts).encode()
                          ).hexdigest()


def moved_value_errors(questionnaire: Questionnaire) -> list[UserError]:
    """A `moved` value that is no answer to the question it is carried to."""
    errors = []
    for old_key, spec in questionnaire.moved.items():
        if not isinstance(spec, Moved):
            continue
        from pydantic import TypeAdapter  # only here and for a default not seen before

        target = questionnaire.entry(spec.to).question
        adapter = TypeAdapter(value_type(target))
        for value in spec.values.values():
            try:
                adapter.validate_python(value)
            except ValidationError:
                errors.append(UserError(f"`moved` value {value!r} is not an answer to {spec.to}",
                                        path=questionnaire.path, field=old_key))
    return errors


def _validated(file: DataFile) -> QuestionnaireFile:
    try:
        return records.validate(QuestionnaireFile, file.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        raise UserError(records.message(err), path=file.path, line=file.line(loc),
                        field=_describe(file.data, loc)) from None


def _conditions(source: str | None, known: set[str], file: DataFile,
                loc: tuple[str | int, ...], field: str) -> tuple[Condition, ...]:
    if source is None:
        return ()
    try:
        compiled = compile_condition(source)
        names = referenced_names(source, expression=True)
    except TemplateSyntaxError as exc:
        from drafter.name_check import condition_line

        raise UserError(f"`when` is not a valid expression: {exc.message}",
                        path=file.path, line=condition_line(file, loc), field=field) from None
    for name in sorted(names):
        if name not in known:
            from drafter.name_check import condition_line

            raise UserError(f"`when` names {name!r}, which is not an earlier question",
                            path=file.path, line=condition_line(file, loc, name), field=field)
    return (compiled,)


def _describe(doc: Any, loc: tuple[Any, ...]) -> str | None:
    """Name the section/question an error sits in, for messages about the questionnaire file."""
    parts: list[str] = []
    node = doc
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, Mapping) and isinstance(node.get("id"), str):
            parts.append(node["id"])
    field = ".".join(parts)
    last = loc[-1] if loc else None
    if isinstance(last, str) and last != "id":
        field = f"{field}.{last}" if field else last
    return field or None


__all__ = ["PATTERNS", "PATTERN_HINTS", "UNSURE", "UNSURE_LABEL", "Entry", "Moved", "Question",
           "QuestionType", "Questionnaire", "Section", "load_questionnaire", "moved_value_errors",
           "record_model", "value_type"]
