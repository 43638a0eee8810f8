"""The clause library (`clauses/`): the document's shape, one template per clause, and lint.

A clause is a Jinja template with YAML front matter (`id`, `section`, `order`, `when`,
`satisfies`, optional `title`). Reference data that several clauses share (category
descriptions, the vendor catalog) lives in `clauses/data/*.yaml`, visible as `data.NAME`;
which laws apply is derived in `clauses/laws.yaml`, visible as `law.NAME`. Templates are
compiled once at load in the shared sandbox;
`lint_library` then proves that every variable is a question, every `when` names real
questions and every `satisfies` id is in the requirement catalog.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

from jinja2 import Template
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from drafter.errors import UserError
from drafter.laws import Derived, load_laws
from drafter.parsecache import memo
from drafter.promises import declared_bases
from drafter.questionnaire import Questionnaire
from drafter.requirements import CatalogEntry, load_requirements
from drafter.templating import (
    Condition,
    TemplateSyntaxError,
    compile_condition,
    compile_template,
    environment,
    referenced_names,
)
from drafter.yamlio import DataFile, load_data, parse_data, read_text

_ID = r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$"
LAW_NAMES = "law_names"  # data/law_names.yaml: each `law.*` fact a promise rests on, in words
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


class SectionSpec(BaseModel):
    """A policy section: its place, heading and (for jurisdiction sections) when it appears."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: str
    when: str = "true"


class DocumentSpec(BaseModel):
    """`clauses/document.yaml`: the policy's title, which answers head it, and its sections."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: str
    business_name: str  # answer key, e.g. business.name
    effective_date: str  # answer key of a date question
    sections: list[SectionSpec]


class ClauseMeta(BaseModel):
    """A clause template's front matter."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Annotated[str, StringConstraints(pattern=_ID)]
    section: str
    order: int
    when: str = "true"
    satisfies: list[str] = []
    title: str | None = None


@dataclass(frozen=True)
class Clause:
    meta: ClauseMeta
    path: Path
    body_line: int  # line of the template body's first line in the file
    source: str
    template: Template
    condition: Condition


@dataclass(frozen=True)
class Section:
    spec: SectionSpec
    condition: Condition


@dataclass(frozen=True)
class Library:
    root: Path
    document: DocumentSpec
    sections: tuple[Section, ...]
    clauses: tuple[Clause, ...]  # in document order: section order, then `order`, then id
    requirements: Mapping[str, CatalogEntry]
    data: Mapping[str, Any]  # clauses/data/NAME.yaml as `data.NAME` in templates
    laws: tuple[Derived, ...] = ()  # clauses/laws.yaml as `law.NAME`


def load_library(root: Path) -> Library:
    """Load `document.yaml`, `requirements.yaml` and every `*.md.j2` under `root`."""
    document, sections = _load_document(root / "document.yaml")
    rank = {s.spec.id: i for i, s in enumerate(sections)}
    clauses: list[Clause] = []
    seen: dict[str, Path] = {}
    for path in sorted(root.rglob("*.md.j2")):
        clause = _load_clause(path)
        if clause.meta.section not in rank:
            raise UserError(f"unknown section {clause.meta.section!r}; sections are listed in "
                            f"{root / 'document.yaml'}", path=path, line=2, field=clause.meta.id)
        if clause.meta.id in seen:
            raise UserError(f"duplicate clause id (also in {seen[clause.meta.id]})",
                            path=path, line=2, field=clause.meta.id)
        seen[clause.meta.id] = path
        clauses.append(clause)
    clauses.sort(key=lambda c: (rank[c.meta.section], c.meta.order, c.meta.id))
    requirements = load_requirements(root / "requirements.yaml")
    data = {p.name.removesuffix(".yaml"): load_data(p).data
            for p in sorted((root / "data").glob("*.yaml"))}
    laws = load_laws(root / "laws.yaml")
    return Library(root, document, tuple(sections), tuple(clauses), requirements, data, laws)


_M = TypeVar("_M", bound=BaseModel)


def _validated(model: type[_M], file: DataFile) -> _M:
    try:
        return model.model_validate(file.data if file.data is not None else {})
    except ValidationError as exc:
        err = exc.errors()[0]
        raise UserError(err["msg"], path=file.path, line=file.line(err["loc"]),
                        field=".".join(map(str, err["loc"]))) from None


def _load_document(path: Path) -> tuple[DocumentSpec, list[Section]]:
    file = load_data(path)
    document = memo("document", file.text, lambda: _validated(DocumentSpec, file))
    sections: list[Section] = []
    for index, spec in enumerate(document.sections):
        try:
            sections.append(Section(spec, compile_condition(spec.when)))
        except TemplateSyntaxError as exc:
            raise UserError(f"`when` is not a valid expression: {exc.message}", path=path,
                            line=file.line(("sections", index, "when")),
                            field=spec.id) from None
    ids = [s.spec.id for s in sections]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise UserError("duplicate section id", path=path, field=duplicates[0])
    return document, sections


def _load_clause(path: Path) -> Clause:
    text = read_text(path)
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise UserError("a clause starts with front matter between two `---` lines",
                        path=path, line=1)
    front = parse_data(match.group(1), path, first_line=2)
    meta = memo("clause", front.text, lambda: _validated(ClauseMeta, front))
    body_line = text[: match.end()].count("\n") + 1
    source = text[match.end():]
    try:
        template = compile_template(source)
        condition = compile_condition(meta.when)
    except TemplateSyntaxError as exc:
        line = (exc.lineno or 1) + body_line - 1 if exc.source == source else 2
        raise UserError(f"template error: {exc.message}", path=path, line=line,
                        field=meta.id) from None
    return Clause(meta, path, body_line, source, template, condition)


def law_names(library: Library) -> Mapping[str, str]:
    """What each `law.*` fact is, in a few words (`data/law_names.yaml`; empty without it)."""
    names = library.data.get(LAW_NAMES)
    return names if isinstance(names, Mapping) else {}


def _unread_bases(clause: Clause, read: set[str], known: frozenset[str] | set[str],
                  named: Mapping[str, str]) -> list[UserError]:
    """A promise must rest on answers the clause really reads: a question its `when` or body
    uses, or a `law.*` fact. Naming one it never looks at would be a claim with nothing behind
    it; a law with no name in `data/law_names.yaml` would reach counsel as an internal name."""
    problems: list[UserError] = []
    for basis, line in declared_bases(environment().parse(clause.source)):
        for name in basis:
            where = clause.body_line + line - 1
            if name not in known:
                problems.append(UserError(f"promise rests on {name!r}, which is neither a "
                                          "question nor a law.* fact", path=clause.path,
                                          line=where, field=clause.meta.id))
            elif name.startswith("law.") and name.removeprefix("law.") not in named:
                problems.append(UserError(f"promise rests on {name!r}, which data/"
                                          f"{LAW_NAMES}.yaml does not name", path=clause.path,
                                          line=where, field=clause.meta.id))
            elif not name.startswith("law.") and name not in read:
                problems.append(UserError(f"promise rests on {name!r}, but the clause's "
                                          "`when` and text never read it", path=clause.path,
                                          line=where, field=clause.meta.id))
    return problems


def lint_library(library: Library, questionnaire: Questionnaire) -> list[UserError]:
    """Every cross-reference problem in the library, each a one-line error (empty when sound)."""
    problems: list[UserError] = []
    known = questionnaire.keys | {f"data.{name}" for name in library.data}
    laws_path = library.root / "laws.yaml"
    for derived in library.laws:  # each may read the answers and the entries above it
        for name in sorted(derived.names() - known):
            problems.append(UserError(f"uses {name!r}, which is neither a question nor an "
                                      "earlier entry", path=laws_path, line=derived.line,
                                      field=derived.name))
        known = known | derived.provides()
    sections = {s.id for s in questionnaire.sections}

    def check_names(names: set[str], what: str, path: Path, line: int | None,
                    field: str) -> None:
        for name in sorted(names):
            if name not in known:
                hint = ("a section, not a question" if name in sections
                        else "not a question" if "." in name
                        else "neither a question nor set at the top of the template")
                problems.append(UserError(f"{what} uses {name!r}, which is {hint}",
                                          path=path, line=line, field=field))

    document_path = library.root / "document.yaml"
    for field in ("business_name", "effective_date"):
        key = getattr(library.document, field)
        if key not in known:
            problems.append(UserError(f"names {key!r}, which is not a question",
                                      path=document_path, field=field))
    for section in library.sections:
        check_names(referenced_names(section.spec.when, expression=True), "`when`",
                    document_path, None, section.spec.id)
    for clause in library.clauses:
        cid = clause.meta.id
        read = referenced_names(clause.meta.when, expression=True)
        check_names(read, "`when`", clause.path, 2, cid)
        body = referenced_names(clause.source, expression=False)
        check_names(body, "the template", clause.path, clause.body_line, cid)
        problems += _unread_bases(clause, read | body, known, law_names(library))
        for rid in clause.meta.satisfies:
            if rid not in library.requirements:
                problems.append(UserError(f"`satisfies` names unknown requirement {rid!r}",
                                          path=clause.path, line=2, field=cid))
    catalog_path = library.root / "requirements.yaml"
    for rid, entry in library.requirements.items():
        requirement = entry.requirement
        check_names(referenced_names(requirement.applies_when, expression=True),
                    "`applies_when`", catalog_path, entry.line, rid)
        if requirement.ask is not None and requirement.ask not in known:
            problems.append(UserError(f"`ask` names {requirement.ask!r}, which is not a "
                                      "question", path=catalog_path, line=entry.line, field=rid))
    return problems + _lint_counsel(library, questionnaire)


def _lint_counsel(library: Library, questionnaire: Questionnaire) -> list[UserError]:
    """Each question offering "I'm not sure" has exactly one `counsel: true` requirement that
    asks it (the question for counsel, saying what the draft assumes), and each such
    requirement asks a question that offers it."""
    problems: list[UserError] = []
    path = library.root / "requirements.yaml"
    asking: dict[str, list[str]] = {}
    for rid, entry in library.requirements.items():
        ask = entry.requirement.ask
        if not entry.requirement.counsel:
            continue
        if ask is None or ask not in questionnaire or not questionnaire.entry(ask).question.unsure:
            problems.append(UserError("`counsel: true` needs `ask` naming a question with "
                                      "`unsure: true`", path=path, line=entry.line, field=rid))
        else:
            asking.setdefault(ask, []).append(rid)
    for question in questionnaire:
        found = asking.get(question.key, [])
        if question.question.unsure and len(found) != 1:
            problems.append(UserError(
                f"offers \"I'm not sure\" but {len(found) or 'no'} `counsel: true` "
                f"requirement(s) ask it{': ' + ', '.join(found) if found else ''}; it needs "
                "exactly one, saying what the draft assumes", path=questionnaire.path,
                field=question.key))
    return problems
