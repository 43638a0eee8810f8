"""Question definitions (`questionnaires/*.yaml`), parsed once into typed models.

A questionnaire is data: sections of questions, each with a type, options, validation and a
`when` condition (a Jinja expression over earlier answers). This module loads and checks it,
says which questions are visible for given answers, and gives each question's value type so
the answers model (answers.py) is generated from the questionnaire rather than written twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    create_model,
    field_validator,
)

from drafter import answer_types
from drafter.composing import ANSWER_ID, splice, with_data_options
from drafter.errors import DrafterError, UserError
from drafter.parsecache import memo
from drafter.paths import default_library
from drafter.templating import (
    AnswerGroup,
    Condition,
    TemplateSyntaxError,
    compile_condition,
    referenced_names,
    template_value,
)
from drafter.values import plain_text, unique_items, whole_number
from drafter.yamlio import DataFile, load_data

if TYPE_CHECKING:
    from drafter.modules import Module

UNSURE = "unsure"
"""The stored answer for "I'm not sure", offered where a question sets `unsure: true`."""
UNSURE_LABEL = "I'm not sure"

QuestionType = Literal[
    "text", "long_text", "email", "url", "phone", "date", "bool", "number", "one", "many", "records"
]

# Deliberately forgiving shapes: they catch typos an owner would want caught, not every RFC edge.
# Phone numbers and web addresses are read and tidied by `answer_types` instead.
PATTERNS: dict[str, str] = {
    "email": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
}
PATTERN_HINTS: dict[str, str] = {
    "email": "an email address such as privacy@example.com",
    "url": "a web address such as example.com",
    "phone": "a phone number such as (702) 555-0142",
}
_ID = ANSWER_ID


class Question(BaseModel):
    """One question, or one field of a `records` question (records nest one level only)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Annotated[str, StringConstraints(pattern=_ID)]
    prompt: str
    type: QuestionType
    help: str = ""
    placeholder: str = ""
    options: dict[str, str] | None = None
    options_from: Annotated[str, StringConstraints(pattern=_ID)] | None = None
    fields: list[Question] | None = None
    default: Any = None
    required: bool = False
    when: str | None = None
    unsure: bool = False
    pattern: str | None = None
    min: float | None = None
    max: float | None = None

    @field_validator("options", mode="before")
    @classmethod
    def _options_are_a_mapping(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, Mapping):
            raise ValueError("options must be a mapping of stored value to the label shown")
        return value


class Section(BaseModel):
    """A page of the questionnaire; its `when` hides every question in it at once."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Annotated[str, StringConstraints(pattern=_ID)]
    title: str
    intro: str = ""
    when: str | None = None
    questions: list[Question]


class Moved(BaseModel):
    """A retired question merged into another: its answers that say the same as one of the
    new question's are read as that answer when a file is loaded (`values`, old → new); any
    other old answer is left for the owner, who is told (answers.carry_over)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    to: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")]
    values: dict[Any, Any] = {}


class _QuestionnaireFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: str
    version: str
    modules_after: str | None = None  # business modules' pages go after this section
    # old answer key → the question that now asks it (an old answer there is refused with a
    # hint), or a `Moved` (an old answer is carried over where it can be, with a note)
    moved: dict[str, str | Moved] = {}
    sections: list[Section]


@dataclass(frozen=True)
class Entry:
    """A question in context: its dotted key, section and compiled `when` conditions."""

    key: str
    section: Section
    question: Question
    conditions: tuple[Condition, ...]
    loc: tuple[str | int, ...] = ()  # where the question is in its file
    path: Path | None = None  # that file, when not the questionnaire's (a module's pages)


class Questionnaire:
    """A validated questionnaire. Build it with `load_questionnaire`."""

    def __init__(self, path: Path, data: _QuestionnaireFile, entries: list[Entry]) -> None:
        self.path = path
        self.title = data.title
        self.version = data.version
        self.sections = data.sections
        self.moved = data.moved
        self.entries: dict[str, Entry] = {e.key: e for e in entries}

    @cached_property
    def stamp(self) -> str:
        """A hash of every question as validated (options from data files and modules' pages
        included): answers validated against an equal stamp validate the same."""
        return hashlib.sha256(repr((self.sections, self.moved)).encode()).hexdigest()

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
                value = entry.question.default
            if value is None and entry.question.type in ("many", "records"):
                value = []
            if entry.question.type == "records" and isinstance(value, list):
                fields = [f.id for f in entry.question.fields or []]
                value = [{f: item.get(f) for f in fields} for item in value]
            walked.append((entry, shown, value))
            setattr(context[entry.section.id], entry.question.id, template_value(value))
        return walked


    def _holds(self, entry: Entry, condition: Condition, context: Mapping[str, Any]) -> bool:
        """A `when` that fails on these answers (`business.staff > 3` while staff is
        unanswered) is the questionnaire's mistake, reported as one line naming it."""
        try:
            return condition.holds(context)
        except DrafterError as exc:
            own = condition.source == entry.question.when
            loc = (*(entry.loc if own else entry.loc[:2]), "when")
            raise UserError(f"`when: {condition.source}` cannot be worked out from these "
                            f"answers ({exc.__cause__}); an unanswered question is none",
                            path=entry.path or self.path,
                            line=load_data(entry.path or self.path).line(loc),
                            field=entry.key if own else entry.section.id) from None


_TIDY: dict[str, tuple[Any, ...]] = {
    "phone": (BeforeValidator(answer_types.phone), AfterValidator(answer_types.phone_number)),
    "url": (AfterValidator(answer_types.web_address),),
}


def value_type(question: Question) -> Any:
    """The pydantic type of an answer to `question`; the answers model is built from these."""
    kind = question.type
    base: Any
    if kind in ("text", "long_text", "email", "url", "phone"):
        base = Annotated[
            str,
            StringConstraints(
                strip_whitespace=True,
                min_length=int(question.min) if question.min is not None else None,
                max_length=int(question.max) if question.max is not None else None,
                pattern=question.pattern or PATTERNS.get(kind),
            ),
            AfterValidator(plain_text(one_line=kind != "long_text")),
            *_TIDY.get(kind, ()),
        ]
    elif kind == "date":
        base = date
    elif kind == "bool":
        base = bool
    elif kind == "number":
        base = Annotated[int, BeforeValidator(whole_number),
                         Field(ge=question.min, le=question.max)]
    elif kind == "one":
        base = Literal[tuple(question.options or {})]
    elif kind == "many":
        base = Annotated[
            list[Literal[tuple(question.options or {})]],  # type: ignore[misc]
            Field(
                min_length=int(question.min) if question.min is not None else None,
                max_length=int(question.max) if question.max is not None else None,
                json_schema_extra={"uniqueItems": True},
            ),
            AfterValidator(unique_items),
        ]
    else:  # records
        base = Annotated[
            list[record_model(question)],  # type: ignore[misc]
            Field(
                min_length=int(question.min) if question.min is not None else None,
                max_length=int(question.max) if question.max is not None else None,
            ),
        ]
    if question.unsure:
        base = base | Literal[UNSURE]
    return base


def record_model(question: Question) -> type[BaseModel]:
    """A model for one item of a `records` question (for example one vendor)."""
    fields: dict[str, Any] = {}
    for sub in question.fields or []:
        annotation = value_type(sub)
        fields[sub.id] = (annotation, ...) if sub.required else (annotation | None, None)
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{question.id.title().replace('_', '')}Item",
        __config__=ConfigDict(extra="forbid"),
        **fields,
    )


def load_questionnaire(path: Path, data_dir: Path | None = None,
                       modules: Sequence[Module] = ()) -> Questionnaire:
    """Load, validate and cross-check a questionnaire file, with the pages of the library's
    business `modules` after its `modules_after` section; errors name the file, line and id.

    `options_from: NAME` questions take their options from `data_dir/NAME.yaml` (by default
    the clause library's `data/` folder), so a catalog such as the vendor list is kept once
    and both the questions and the clauses read it.
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
    pages = with_data_options(pages, data_dir or default_library() / "data")
    data = data.model_copy(update={"sections": [section for section, _, _ in pages]})
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
            _check_question(question, key, source, loc)
            own = _conditions(question.when, seen, source, (*loc, "when"), key)
            entries.append(Entry(key, section, question, section_conditions + own, loc,
                                 None if source is file else source.path))
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
    return Questionnaire(path, data, entries)


def moved_value_errors(questionnaire: Questionnaire) -> list[UserError]:
    """A `moved` value that is no answer to the question it is carried to."""
    errors = []
    for old_key, spec in questionnaire.moved.items():
        if not isinstance(spec, Moved):
            continue
        target = questionnaire.entry(spec.to).question
        adapter = TypeAdapter(value_type(target))
        for value in spec.values.values():
            try:
                adapter.validate_python(value)
            except ValidationError:
                errors.append(UserError(f"`moved` value {value!r} is not an answer to {spec.to}",
                                        path=questionnaire.path, field=old_key))
    return errors


def _validated(file: DataFile) -> _QuestionnaireFile:
    try:
        return _QuestionnaireFile.model_validate(file.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        raise UserError(err["msg"], path=file.path, line=file.line(loc),
                        field=_describe(file.data, loc)) from None


def _conditions(source: str | None, known: set[str], file: DataFile,
                loc: tuple[str | int, ...], field: str) -> tuple[Condition, ...]:
    if source is None:
        return ()
    try:
        compiled = compile_condition(source)
        names = referenced_names(source, expression=True)
    except TemplateSyntaxError as exc:
        raise UserError(f"`when` is not a valid expression: {exc.message}",
                        path=file.path, line=file.line(loc), field=field) from None
    for name in sorted(names):
        if name not in known:
            raise UserError(f"`when` names {name!r}, which is not an earlier question",
                            path=file.path, line=file.line(loc), field=field)
    return (compiled,)


def _check_question(question: Question, key: str, file: DataFile,
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
    if question.type == "records":
        if not question.fields:
            fail("a `records` question needs `fields`")
        ids = [f.id for f in question.fields or []]
        if len(ids) != len(set(ids)):
            fail("duplicate field id in `fields`")
        for sub in question.fields or []:
            if sub.type == "records" or sub.when or sub.fields:
                fail(f"field {sub.id!r}: record fields cannot nest records or have `when`")
            _check_question(sub, f"{key}.{sub.id}", file, loc)
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
    try:
        TypeAdapter(value_type(question)).validate_python(question.default)
    except ValidationError as exc:
        fail(f"`default` is not a valid answer: {exc.errors()[0]['msg']}")
    return True


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
