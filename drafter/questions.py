"""The questionnaire file's shapes (`Question`, `Section`, `Moved`, the file as a whole) and the
type of an answer to each question (`value_type`): what one question *is*, apart from its place
in a questionnaire (questionnaire.py: loading, checking, which questions are shown).

The answers model (answers.py) is generated from `value_type`, so a question's type, options
and limits are written once, in the questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from pydantic_core import PydanticCustomError

from drafter import answer_types
from drafter.records import FORBID, record
from drafter.answer_schema import also_read
from drafter.composing import ANSWER_ID
from drafter.values import plain_text, unique_items, whole_number

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


@record
class Labelled:
    """An option of `first` or `last` (`options_from`) that is more than its label."""

    __pydantic_config__ = FORBID

    label: str
    exclusive: bool = False


@record
class Within:
    """`options_from`'s `within`: the earlier answer whose picks narrow what is offered."""

    __pydantic_config__ = FORBID

    answer: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")]
    all: Annotated[str, StringConstraints(pattern=_ID)]


@record
class OptionsFrom:
    """Options taken from a data file of the library (`options_from:`): all of `data`'s
    entries, or only those whose ids a second data file lists (`only`, a list of ids, so a
    subset is also kept once), between options of the question's own (`first`, `last`);
    `offer` narrows what is offered, not what is a valid answer."""

    __pydantic_config__ = FORBID

    data: Annotated[str, StringConstraints(pattern=_ID)]
    only: Annotated[str, StringConstraints(pattern=_ID)] | None = None
    # the data options offered (an id, or `{id: when}` for one offered only while its `when`
    # holds); the others stay valid answers, kept with a warning, but are not offered
    offer: list[Annotated[str, StringConstraints(pattern=_ID)] | dict[str, str]] | None = None
    first: dict[str, str | Labelled] = field(default_factory=dict)
    last: dict[str, str | Labelled] = field(default_factory=dict)
    # only the data options an earlier many-of answer names: `{answer: KEY, all: OPTION}`
    # offers each only while KEY holds it, its `all` option, "not sure" or nothing yet, and
    # the question is not asked when none is left (trial 16: the residents bands listed
    # states the business does not serve)
    within: Within | None = None

    def own(self) -> tuple[dict[str, str], dict[str, str], tuple[str, ...]]:
        """The labels of `first` and of `last`, and which of them are `exclusive`."""
        def labels(options: dict[str, str | Labelled]) -> dict[str, str]:
            return {k: v if isinstance(v, str) else v.label for k, v in options.items()}

        alone = tuple(k for k, v in {**self.first, **self.last}.items()
                      if isinstance(v, Labelled) and v.exclusive)
        return labels(self.first), labels(self.last), alone


@record
class Suggestion:
    """A suggested answer for while `when` (an expression over earlier answers) holds."""

    __pydantic_config__ = FORBID

    when: str
    answer: Any


@record
class Question:
    """One question, or one field of a `records` question (records nest one level only)."""

    __pydantic_config__ = FORBID

    id: Annotated[str, StringConstraints(pattern=_ID)]
    prompt: str
    type: QuestionType
    help: str = ""
    placeholder: str = ""
    options: dict[str, str] | None = None
    # an option offered only while a condition on earlier answers holds, written in the
    # file as `options: {app: {label: …, when: …}}` (`_options_with_conditions`); an answer
    # already holding it is kept, and the app says it is no longer offered
    option_when: dict[str, str] = field(default_factory=dict)
    # other names the app's type-to-jump finds an option by (a data file's `also_known_as`):
    # how an option is found, not what is asked, so no part of the question's release hash
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # options never ticked with another of a many-of list ("None of these", "All over the
    # US"), written `options: {none: {label: None of these, exclusive: true}}` (or so in
    # `options_from`'s `first`/`last`): the app unticks the others when one is ticked (and it
    # when another is), and an answers file holding one with others is refused
    exclusive: tuple[str, ...] = ()
    options_from: Annotated[str, StringConstraints(pattern=_ID)] | OptionsFrom | None = None
    fields: list[Question] | None = None
    default: Any = None
    # the default is suggested only while this holds (an expression over earlier answers, like
    # `when`): where an earlier answer says otherwise, the app suggests nothing, and the
    # question still needs the owner's answer (`Answers.missing`)
    default_when: str | None = None
    # another answer suggested where an earlier answer implies it (each `{when, answer}`, the
    # first whose `when` holds): ticking an analytics company suggests "Yes" to "Do you use
    # analytics?", never the `default` "No" that contradicts it
    suggest: tuple[Suggestion, ...] = ()
    required: bool = False
    # left empty, the answer is complete (the policy reads without it): the owner's progress
    # never counts it as left; given, it counts like any other answer
    optional: bool = False
    when: str | None = None
    unsure: bool = False
    pattern: str | None = None
    min: float | None = None
    max: float | None = None

    @model_serializer(mode="wrap")
    def _dump(self, dump: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """As validated, `optional` only where set: a question's release hash
        (`drafter.release`) is its dump, and the field's coming changed no other question."""
        data: dict[str, Any] = dump(self)
        if not self.optional:
            data.pop("optional", None)
        if not self.option_when:
            data.pop("option_when", None)
        if self.default_when is None:
            data.pop("default_when", None)
        if not self.suggest:
            data.pop("suggest", None)
        if not self.exclusive:
            data.pop("exclusive", None)
        data.pop("aliases", None)
        if isinstance(data.get("options_from"), dict) and data["options_from"].get("offer") is None:
            data["options_from"].pop("offer", None)  # as `optional`: no other hash changes
        if isinstance(data.get("options_from"), dict) and data["options_from"].get("within") is None:
            data["options_from"].pop("within", None)
        return data

    @model_validator(mode="before")
    @classmethod
    def _options_with_conditions(cls, data: Any) -> Any:
        """`options:` values are labels, or `{label: …, when: …}` for an option offered only
        while `when` holds: kept as `options` (labels, as every reader expects them) and
        `option_when`."""
        if not isinstance(data, Mapping) or not isinstance(data.get("options"), Mapping):
            return data
        options = data["options"]
        if not any(isinstance(spec, Mapping) for spec in options.values()):
            return data
        labels: dict[Any, Any] = {}
        when: dict[Any, Any] = dict(data.get("option_when") or {})
        alone: list[Any] = list(data.get("exclusive") or ())
        for value, spec in options.items():
            if isinstance(spec, Mapping):
                if set(spec) - {"label", "when", "exclusive"} \
                        or not isinstance(spec.get("label"), str) \
                        or not isinstance(spec.get("when", ""), str) \
                        or not isinstance(spec.get("exclusive", False), bool):
                    raise ValueError(f"option {value!r}: an option is its label, or a mapping "
                                     "of `label:` and `when:` (both text) and `exclusive:` "
                                     "(true or false)")
                labels[value] = spec["label"]
                if "when" in spec:
                    when[value] = spec["when"]
                if spec.get("exclusive"):
                    alone.append(value)
            else:
                labels[value] = spec
        return {**data, "options": labels, "option_when": when, "exclusive": tuple(alone)}

    @model_validator(mode="after")
    def _not_both_required_and_optional(self) -> Question:
        if self.required and self.optional:
            raise ValueError("a question is required or optional, not both")
        return self

    @field_validator("options", mode="before")
    @classmethod
    def _options_are_a_mapping(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, Mapping):
            raise ValueError("options must be a mapping of stored value to the label shown")
        return value


@record
class Section:
    """A page of the questionnaire; its `when` hides every question in it at once."""

    __pydantic_config__ = FORBID

    id: Annotated[str, StringConstraints(pattern=_ID)]
    title: str
    intro: str = ""
    when: str | None = None
    questions: list[Question]


@record
class Moved:
    """A retired question merged into another: its answers that say the same as one of the
    new question's are read as that answer when a file is loaded (`values`, old → new); any
    other old answer is left for the owner, who is told (answers.carry_over)."""

    __pydantic_config__ = FORBID

    to: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")]
    values: dict[Any, Any] = field(default_factory=dict)


@record
class QuestionnaireFile:
    __pydantic_config__ = FORBID

    title: str
    version: str
    modules_after: str | None = None  # business modules' pages go after this section
    # old answer key → the question that now asks it (an old answer there is refused with a
    # hint), or a `Moved` (an old answer is carried over where it can be, with a note)
    moved: dict[str, str | Moved] = field(default_factory=dict)
    sections: list[Section]


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
            *_TIDY.get(kind, ()), *also_read(kind),
        ]
    elif kind == "date":
        base = Annotated[date, BeforeValidator(answer_types.calendar_date), *also_read(kind)]
    elif kind == "bool":
        base = Annotated[bool, *also_read(kind)]
    elif kind == "number":  # the bounds first: the schema says them as minimum and maximum
        base = Annotated[int, Field(ge=question.min, le=question.max),
                         BeforeValidator(whole_number), *also_read(kind)]
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
            *((AfterValidator(ticked_alone_check(question)),) if question.exclusive else ()),
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


def ticked_alone_check(question: Question) -> Any:
    """A check that a many-of answer holds an `exclusive` option only on its own."""

    def check(items: list[Any]) -> list[Any]:
        alone = next((item for item in items if item in question.exclusive), None)
        if alone is not None and len(items) > 1:
            labels = question.options or {}
            others = ", ".join(f"{item}" for item in items if item != alone)
            raise PydanticCustomError(
                "answer_form", "{alone} (\u201c{label}\u201d) is never given with other "
                "options, but this list also holds {others}: keep one or the other",
                {"alone": alone, "label": labels.get(alone, alone), "others": others})
        return items

    return check


def record_model(question: Question) -> type[BaseModel]:
    """A model for one item of a `records` question (for example one vendor)."""
    fields: dict[str, Any] = {}
    for sub in question.fields or []:
        annotation = value_type(sub)
        fields[sub.id] = (annotation, ...) if sub.required else (annotation | None, None)
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{question.id.title().replace('_', '')}Item",
        # a number where text is asked reads as its digits, as in a section (`answers_model`)
        __config__=ConfigDict(extra="forbid", coerce_numbers_to_str=True),
        **fields,
    )
