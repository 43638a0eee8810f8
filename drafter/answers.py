"""Answers files: validated against the questionnaire, saved atomically with comments kept.

An answers file is YAML grouped by section (`business:` then `name: …`), so every answer has
the dotted key `business.name` used in templates, conditions and notes. The pydantic model that
validates it is generated from the questionnaire (`answers_model`), which is also where
`drafter schema` gets its JSON Schema: the questionnaire stays the one source of truth.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from drafter.answer_errors import answer_error, tag_error
from drafter.answer_text import answer_text
from drafter.errors import UserError
from drafter.parsecache import memo
from drafter.plain import plain
from drafter.questionnaire import Entry, Questionnaire, value_type
from drafter.values import describe
from drafter.templating import AnswerGroup, answer_context
from drafter.yamlio import (
    ANSWERS_LIMIT,
    decode_text,
    line_of,
    parse_yaml,
    read_bytes,
)


@lru_cache(maxsize=8)
def answers_model(questionnaire: Questionnaire) -> type[BaseModel]:
    """The pydantic model of an answers file for this questionnaire (every answer optional:
    which ones are required depends on visibility, checked after validation)."""
    sections: dict[str, Any] = {}
    for section in questionnaire.sections:
        fields: dict[str, Any] = {}
        for q in section.questions:
            description = f"{q.prompt} {q.help}".strip()
            fields[q.id] = (value_type(q) | None, Field(None, description=description))
        model = create_model(  # type: ignore[call-overload]
            f"{section.id.title().replace('_', '')}Answers",
            __config__=ConfigDict(extra="forbid", coerce_numbers_to_str=True),
            **fields,
        )
        sections[section.id] = (model | None, Field(None, description=section.title))
    return create_model(  # type: ignore[call-overload,no-any-return]
        "Answers",
        __config__=ConfigDict(extra="forbid", title=f"{questionnaire.title} answers"),
        **sections,
    )


@dataclass(frozen=True)
class Answers:
    """Validated answers: plain Python values by dotted key (unanswered keys are absent).

    A question's `default:` is a suggestion, not an answer: a shown question the owner has not
    answered is None (an empty list for a list) whatever its suggestion, and `missing` names it.
    Only the app's preview (`suggestions=True`) drafts with the suggestions in their place."""

    questionnaire: Questionnaire
    values: Mapping[str, Any]
    path: Path | None = None
    suggestions: bool = False
    # What loading did with answers to retired questions (`carry_over`): (note, new key).
    moves: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _walked(self) -> list[tuple[Entry, bool, Any]]:
        # Every stage (assemble, review, manifest) asks; the answers never change, so walk once.
        return self.questionnaire.walk(self.values, suggestions=self.suggestions)

    def shown(self) -> list[str]:
        """Keys of the questions an owner is asked, given these answers."""
        return [entry.key for entry, shown, _ in self._walked if shown]

    def resolved(self) -> dict[str, Any]:
        """Every question's effective value: hidden and unanswered ones None (suggestions
        only with `suggestions`)."""
        return {entry.key: value for entry, _, value in self._walked}

    def context(self) -> dict[str, AnswerGroup]:
        """Template variables: `business.name`, `sharing.vendors`, … (hidden answers None)."""
        grouped: dict[str, dict[str, Any]] = {s.id: {} for s in self.questionnaire.sections}
        for key, value in self.resolved().items():
            section, question = key.split(".", 1)
            grouped[section][question] = value
        return answer_context(grouped)

    @cached_property
    def hidden_options(self) -> dict[str, frozenset[str]]:
        """For each question shown whose options have a `when`, the options not offered
        with these answers (an app notice where the owner has said there is no app)."""
        asked = [entry for entry, shown, _ in self._walked if shown and entry.option_conditions]
        if not asked:
            return {}
        context = self.context()
        found = {entry.key: self.questionnaire.hidden_options(entry, context) for entry in asked}
        return {key: hidden for key, hidden in found.items() if hidden}

    def unoffered(self) -> dict[str, list[str]]:
        """Answers that hold an option no longer offered, with those options. They are kept
        as the owner gave them (nothing typed is dropped silently): the app shows them
        ticked with a warning, and an answer check says what the policy would then promise."""
        resolved = self.resolved()
        found: dict[str, list[str]] = {}
        for key, hidden in self.hidden_options.items():
            value = resolved.get(key)
            held = value if isinstance(value, list) else [value]
            if [option for option in held if option in hidden]:
                found[key] = [option for option in held if option in hidden]
        return found

    def missing(self) -> list[str]:
        """Keys of questions shown but unanswered that the policy cannot do without: required
        ones, and those with a suggestion (`default:`) the owner has not given or confirmed,
        since the text would otherwise rest on it. "I'm not sure" is an answer: the requirement
        catalog turns it into a question for counsel, never a refusal."""
        return [
            entry.key
            for entry, shown, value in self._walked
            if shown and ((entry.question.required and value in (None, "", []))
                          or self.unconfirmed(entry))
        ]

    def suggestion(self, key: str) -> Any:
        """What the app suggests for `key` with these answers: its `default`, unless its
        `default_when` fails on them (`Questionnaire.suggestion`)."""
        entry = self.questionnaire.entry(key)
        if not entry.suggestion_reads_answers:  # no answer to read: the file's `default`
            return entry.question.default
        return self.read_suggestions[key]

    @cached_property
    def read_suggestions(self) -> dict[str, Any]:
        """The suggestion of each question whose `default_when` reads other answers, with
        these answers: worked out together, from one context (the app asks for them all
        after every change, to show each as it now stands)."""
        asked = [entry for entry in self.questionnaire if entry.suggestion_reads_answers]
        context = self.context() if asked else {}
        return {entry.key: self.questionnaire.suggestion(entry, context) for entry in asked}

    def unconfirmed(self, entry: Entry) -> bool:
        """Whether `entry` has a suggestion that is all there is for it (not given, and not
        stood in by the preview)."""
        return (not self.suggestions and entry.question.default is not None
                and entry.key not in self.values)


def load_answers(path: Path, questionnaire: Questionnaire, *, complete: bool = True) -> Answers:
    """Read and validate an answers file. With `complete`, required answers must be present.
    What a text validates to (for this questionnaire) is kept in the parse cache: a build of
    unchanged answers neither parses them again nor builds the answers model."""
    text = decode_text(read_bytes(path, ANSWERS_LIMIT, "an answers file"), path)

    def validated() -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
        doc = parse_yaml(text, path)
        answers = validate_answers(doc, questionnaire, path, complete=complete)
        return dict(answers.values), answers.moves

    key = f"{questionnaire.stamp}\0{complete}\0{text}"
    values, moves = memo("answers", key, validated)
    return Answers(questionnaire, values, path, moves=moves)


def parse_answers(text: str, questionnaire: Questionnaire, path: Path) -> Answers:
    """Validate answers given as YAML text (for the app and tests)."""
    return validate_answers(parse_yaml(text, path), questionnaire, path)


def validate_answers(doc: Any, questionnaire: Questionnaire, path: Path,
                     *, complete: bool = True) -> Answers:
    if doc is None:
        raise UserError("the answers file is empty; expected sections such as `business:`",
                        path=path, line=1)
    if not isinstance(doc, Mapping):
        raise UserError("expected a mapping of sections such as `business:` at the top level",
                        path=path, line=1)
    tagged = tag_error(doc, path)
    if tagged is not None:
        raise tagged
    current, moves = carry_over(plain(doc), questionnaire)  # the file's lines: from `doc`
    try:
        model = answers_model(questionnaire).model_validate(current)
    except ValidationError as exc:
        raise answer_error(exc, doc, questionnaire, path) from None
    values: dict[str, Any] = {}
    for section_id, group in model.model_dump(exclude_none=True).items():
        for question_id, value in group.items():
            values[f"{section_id}.{question_id}"] = value
    answers = Answers(questionnaire, values, path, moves=moves)
    if complete:
        missing = answers.missing()
        if missing:
            raise missing_error(answers, missing, doc, path)
    return answers


def not_carried(get: Callable[[str], Any], questionnaire: Questionnaire,
                ) -> tuple[tuple[str, str], ...]:
    """A note for each answer to a question retired without a way to carry it (`moved:` a
    key alone): a build stops on it, so the owner is asked to answer the new question."""
    notes = []
    for old, spec in questionnaire.moved.items():
        if isinstance(spec, str) and get(old) is not None:
            prompt = questionnaire.entry(spec).question.prompt
            notes.append((f"{old} is now asked as {spec}, \"{prompt}\": give your answer there "
                          "(the old one is not used: a build stops until it is moved).", spec))
    return tuple(notes)


def not_asked(values: Mapping[str, Any], questionnaire: Questionnaire) -> list[str]:
    """Keys in an answers file's `values` that the questionnaire does not ask (nor retired)."""
    found: list[str] = []
    for section, group in values.items():
        if not isinstance(group, Mapping):
            if not any(e.section.id == section for e in questionnaire):
                found.append(str(section))
            continue
        found += [f"{section}.{q}" for q in group if f"{section}.{q}" not in questionnaire
                  and f"{section}.{q}" not in questionnaire.moved]
    return found


def carry_over(doc: Mapping[str, Any], questionnaire: Questionnaire
               ) -> tuple[Mapping[str, Any], tuple[tuple[str, str], ...]]:
    """The answers with each answer to a retired question (`moved:` with `to:`) taken out, and
    put in as the new question's answer where it says the same and that question is not
    answered yet; with a note for the owner each time, since the file keeps the old answer."""
    notes: list[tuple[str, str]] = []
    current = dict(doc)
    for old_key, spec in questionnaire.moved.items():
        if isinstance(spec, str):
            continue  # refused with a hint (answer_errors)
        section, question = old_key.split(".", 1)
        group = current.get(section)
        if not isinstance(group, Mapping) or group.get(question) is None:
            continue
        value = group[question]
        current[section] = {k: v for k, v in group.items() if k != question}
        new_section, new_question = spec.to.split(".", 1)
        target = questionnaire.entry(spec.to).question
        given = (current.get(new_section) or {}).get(new_question) \
            if isinstance(current.get(new_section), Mapping) else None
        said = ("Yes" if value else "No") if isinstance(value, bool) else describe(value)
        was = f"{old_key} ({said}) is now asked as {spec.to}, \"{target.prompt}\""
        mapped = next((new for old, new in spec.values.items()
                       if old == value and isinstance(old, bool) == isinstance(value, bool)),
                      None)
        if given is not None:
            note = (f"{was}: your answer there ({answer_text(target, given)!r}) is used, and "
                    "the old one is not. Remove the old answer once you have checked they agree.")
        elif mapped is not None:
            current[new_section] = {**(current.get(new_section) or {}), new_question: mapped}
            note = (f"{was}: the old answer is read as {answer_text(target, mapped)!r}. Give "
                    "that answer in its place (or another) to make it your own.")
        else:
            note = (f"{was}: the old answer does not say which of its answers applies, so it is "
                    "not used. Answer the new question.")
        notes.append((note, spec.to))
    return current, tuple(notes)


def missing_error(answers: Answers, missing: list[str], doc: Any, path: Path) -> UserError:
    """One line for the first question left unanswered (and how many more): a suggestion
    (`default:`) is named as such, since only the owner's answer may go into the policy."""
    key = missing[0]
    entry = answers.questionnaire.entry(key)
    more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
    suggested = answers.suggestion(key) if answers.unconfirmed(entry) else None
    if suggested is not None:
        what = (f"not answered{more}: {entry.question.prompt} (the suggested answer, "
                f"{answer_text(entry.question, suggested)!r}, goes into the "
                "policy only once you give it)")
    elif answers.unconfirmed(entry):
        what = f"not answered{more}: {entry.question.prompt}"
    else:
        what = f"required answer is missing{more}: {entry.question.prompt}"
    return UserError(what, path=path, line=line_of(doc, key.split(".")), field=key)
