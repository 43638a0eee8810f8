"""The clause library (`clauses/`): everything a policy is drafted and reviewed from.

A clause is a Jinja template with YAML front matter (`id`, `section`, `order`, `when`,
`satisfies`, optional `title`). Reference data that several clauses share (category
descriptions, the vendor catalog) lives in `clauses/data/*.yaml`, visible as `data.NAME`;
which laws apply is derived in `clauses/laws.yaml`, visible as `law.NAME` (with each law's
name for counsel); the requirement catalog, the reviewer's checks (`review_rules`) and the
notice rules (`notice`) complete it. Templates are compiled once at load in the shared
sandbox; `Library.lint` (lint.py) then proves that every variable is a question, every `when`
names real questions and every `satisfies` id is in the requirement catalog.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from jinja2 import Template
from pydantic import StringConstraints

from drafter.errors import UserError
from drafter.composing import splice
from drafter.i18n.catalog import language_of_file
from drafter.laws import Derived, load_laws
from drafter.modules import Module, SectionSpec, find_modules
from drafter.parsecache import files_in, memo, save
from drafter.name_check import spot_line
from drafter.questionnaire import Questionnaire
from drafter.records import FORBID
from drafter.requirements import CatalogEntry, InForce, load_requirements
from drafter.templating import (
    Condition,
    answer_context,
    TemplateSyntaxError,
    checked,
    compile_condition,
    compile_template,
)
from drafter.yamlio import DataFile, load_data, parse_data, read_text

if TYPE_CHECKING:
    from drafter.changes import NoticeRules
    from drafter.i18n.catalog import Catalog
    from drafter.lint import Findings
    from drafter.release import Changelog
    from drafter.review.rules import ReviewRules

_ID = r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$"
# What heads the policy: `document.yaml`'s setting, the kind of question it names, in words.
HEADINGS = {"business_name": ("text", "the business name"),
            "effective_date": ("date", "the effective date")}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True, kw_only=True)
class DocumentSpec:
    """`clauses/document.yaml`: the policy's title, which answers head it, and its sections
    (a record, drafter.records: checked when the file is read)."""

    __pydantic_config__ = FORBID
    title: str
    business_name: str  # answer key, e.g. business.name
    effective_date: str  # answer key of a date question
    sections: list[SectionSpec]
    modules_after: str | None = None  # business modules' sections go after this one


@dataclass(frozen=True, kw_only=True)
class ClauseMeta:
    """A clause template's front matter (a record, drafter.records)."""

    __pydantic_config__ = FORBID
    id: Annotated[str, StringConstraints(pattern=_ID)]
    section: str
    order: int
    when: str = "true"
    satisfies: list[str] = field(default_factory=list)
    title: str | None = None
    # The day the text becomes due: on a policy dated earlier the clause is left out, whatever
    # the day it is built (requirements.InForce), so the same answers give the same text.
    in_force: date | None = None


@dataclass(frozen=True)
class Clause:
    meta: ClauseMeta
    path: Path
    body_line: int  # line of the template body's first line in the file
    source: str
    condition: Condition | InForce
    front: DataFile  # the front matter, to name the line of a field at fault

    def line(self, setting: str) -> int | None:
        """The line of one front-matter field (`when`, `satisfies`, …): where lint points."""
        return self.front.line((setting,))

    def __getstate__(self) -> dict[str, Any]:
        """Kept (library_cache) without the compiled body, which is loaded again on use."""
        return {k: v for k, v in self.__dict__.items() if k != "template"}

    @cached_property
    def template(self) -> Template:
        """The compiled body, loaded when first rendered (`_load_clause` proved it compiles)."""
        return compile_template(self.source)


@dataclass(frozen=True)
class Section:
    spec: SectionSpec
    condition: Condition
    source: DataFile  # document.yaml, or a module's module.yaml
    loc: tuple[Any, ...] = ()  # where in `source` the section is written

    def line(self, setting: str) -> int | None:
        """The line of one of the section's fields (`when`, …): where lint points."""
        return self.source.line((*self.loc, setting))


@dataclass(frozen=True)
class Library:
    root: Path
    document: DocumentSpec
    sections: tuple[Section, ...]
    clauses: tuple[Clause, ...]  # in document order: section order, then `order`, then id
    requirements: Mapping[str, CatalogEntry]
    data: Mapping[str, Any]  # clauses/data/NAME.yaml as `data.NAME` in templates
    laws: tuple[Derived, ...] = ()  # clauses/laws.yaml as `law.NAME`
    modules: tuple[Module, ...] = ()  # clauses/modules/NAME/: one per kind of business
    document_file: DataFile | None = None  # document.yaml, to name the line of a setting

    def __getstate__(self) -> dict[str, Any]:
        """Kept (library_cache) with what every build reads, not the translations (each
        language's build loads them) nor what lint worked out."""
        kept = ("review_rules", "notice", "by_section", "template_data", "version",
                "changelog")
        return {k: v for k, v in self.__dict__.items()
                if k in kept or k in self.__dataclass_fields__}

    @cached_property
    def review_rules(self) -> ReviewRules:
        """`review-checks.yaml` and `answer-checks.yaml`, compiled (on first use: the app's
        first screen does not wait for them)."""
        from drafter.review.rules import load_review_rules

        rules = load_review_rules(self.root)
        save()  # now, not at exit: the next `drafter` starts warm
        return rules

    @cached_property
    def changelog(self) -> Changelog:
        """`CHANGELOG.yaml`: the library's releases (every build records the newest)."""
        from drafter.release import load_changelog

        return load_changelog(self.root)

    @cached_property
    def version(self) -> str:
        """`manifest.library_version`: the hash of every file under the root, once."""
        from drafter.manifest import hash_library

        return hash_library(self.root)

    @cached_property
    def by_section(self) -> Mapping[str, tuple[Clause, ...]]:
        """The clauses of each section, by section id, in document order (assembly walks the
        sections, and would otherwise go through every clause for each)."""
        found: dict[str, list[Clause]] = {}
        for clause in self.clauses:
            found.setdefault(clause.meta.section, []).append(clause)
        return {section: tuple(clauses) for section, clauses in found.items()}

    @cached_property
    def homes(self) -> Mapping[str, tuple[tuple[str, str], ...]]:
        """Each requirement id to the (clause id, section id) of the clauses that satisfy
        it, in library order: where a note about it belongs (`Policy.home`), worked out once
        per library rather than on every review."""
        found: dict[str, list[tuple[str, str]]] = {}
        for clause in self.clauses:
            for rid in clause.meta.satisfies:
                found.setdefault(rid, []).append((clause.meta.id, clause.meta.section))
        return {rid: tuple(places) for rid, places in found.items()}

    @cached_property
    def template_data(self) -> object:
        """The reference data as templates see it (`data.NAME`): the same for every answers,
        so made once per library, not once per context (a tenth of one)."""
        return answer_context({"data": self.data})["data"]

    @cached_property
    def translations(self) -> Catalog:
        """Every translation of the library (`languages.yaml` and the files beside each
        clause and data file: drafter.i18n), loaded on first use."""
        from drafter.i18n.catalog import load_catalog

        return load_catalog(self.root)

    @cached_property
    def notice(self) -> NoticeRules:
        """`notice.yaml`: which changes are material, and the clause promising notice."""
        from drafter.changes import load_notice_rules

        return load_notice_rules(self.root)

    def heading_problems(self, questionnaire: Questionnaire) -> list[UserError]:
        """`business_name` and `effective_date` each name a question of their kind: checked
        by lint and before a policy is assembled, each a one-line error at its line."""
        problems = []
        for setting, (kind, what) in HEADINGS.items():
            key = getattr(self.document, setting)
            asked = questionnaire.entry(key).question.type if key in questionnaire else None
            if asked == kind:
                continue
            why = "which is not a question" if asked is None else \
                f"a {asked} question: {what} is read from a {kind} question"
            line = self.document_file.line((setting,)) if self.document_file else None
            problems.append(UserError(f"names {key!r}, {why}", path=self.root / "document.yaml",
                                      line=line, field=setting))
        return problems

    def lint(self, questionnaire: Questionnaire) -> Findings:
        """Every problem and warning in the library against this questionnaire (lint.py)."""
        from drafter.lint import lint

        return lint(self, questionnaire)


def load_library(root: Path) -> Library:
    """Load `document.yaml`, `requirements.yaml`, `laws.yaml`, `data/`, every `*.md.j2` under
    `root` and the business modules (`modules/NAME/`) composed into them."""
    modules = find_modules(root)
    document, sections, document_file = _load_document(root / "document.yaml", modules)
    rank = {s.spec.id: i for i, s in enumerate(sections)}
    clauses: list[Clause] = []
    seen: dict[str, Path] = {}
    # as sorted(root.rglob("*.md.j2")) finds them, without pathlib's globbing and sorting
    for path in (Path(full) for _, full in files_in(str(root), ".md.j2")):
        if language_of_file(path) is not None:  # a translation: drafter.i18n reads it
            continue
        clause = _load_clause(path)
        if clause.meta.section not in rank:
            raise UserError(f"unknown section {clause.meta.section!r}; sections are listed in "
                            f"{root / 'document.yaml'}", path=path, line=clause.line("section"),
                            field=clause.meta.id)
        if clause.meta.id in seen:
            raise UserError(f"duplicate clause id (also in {seen[clause.meta.id]})",
                            path=path, line=clause.line("id"), field=clause.meta.id)
        seen[clause.meta.id] = path
        clauses.append(clause)
    clauses.sort(key=lambda c: (rank[c.meta.section], c.meta.order, c.meta.id))
    requirements = load_requirements(root / "requirements.yaml")
    for module in modules:
        path = module.folder / "requirements.yaml"
        for rid, entry in (load_requirements(path) if path.is_file() else {}).items():
            if rid in requirements:
                raise UserError(f"duplicate requirement id (also in "
                                f"{requirements[rid].source.path})", path=path,
                                line=entry.line, field=rid)
            requirements[rid] = entry
    data = {p.name.removesuffix(".yaml"): load_data(p).data
            for p in sorted((root / "data").glob("*.yaml")) if language_of_file(p) is None}
    laws = load_laws(root / "laws.yaml")
    return Library(root, document, tuple(sections), tuple(clauses), requirements, data, laws,
                   modules, document_file)


def _load_document(path: Path, modules: tuple[Module, ...]
                   ) -> tuple[DocumentSpec, list[Section], DataFile]:
    file = load_data(path)
    document = memo("document", file.text, lambda: file.validated(DocumentSpec))
    own = [(spec, file, ("sections", index)) for index, spec in enumerate(document.sections)]
    added = [(m.spec.section, m.file, ("section",)) for m in modules if m.spec.section]
    sections: list[Section] = []
    for spec, source, loc in splice(own, added, document.modules_after, lambda s: s[0].id,
                                    path):
        try:
            sections.append(Section(spec, compile_condition(spec.when), source, loc))
        except TemplateSyntaxError as exc:
            raise UserError(f"`when` is not a valid expression: {exc.message}",
                            path=source.path, line=spot_line(source.spot((*loc, "when"))),
                            field=spec.id) from None
    seen: set[str] = set()
    for section in sections:
        if section.spec.id in seen:  # the second of the two, where it is written
            raise UserError("duplicate section id", path=section.source.path,
                            line=section.line("id"), field=section.spec.id)
        seen.add(section.spec.id)
    return document, sections, file


def _load_clause(path: Path) -> Clause:
    text = read_text(path)
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise UserError("a clause starts with front matter between two `---` lines",
                        path=path, line=1)
    front = parse_data(match.group(1), path, first_line=2)
    meta = memo("clause", front.text, lambda: front.validated(ClauseMeta))
    body_line = text[: match.end()].count("\n") + 1
    source = text[match.end():]
    try:
        checked(source)
        condition = compile_condition(meta.when)
    except TemplateSyntaxError as exc:
        line = (exc.lineno or 1) + body_line - 1 if exc.source == source \
            else spot_line(front.spot(("when",)))
        raise UserError(f"template error: {exc.message}", path=path, line=line,
                        field=meta.id) from None
    return Clause(meta, path, body_line, source,
                  condition if meta.in_force is None else InForce(condition, meta.in_force),
                  front)


def law_names(library: Library) -> Mapping[str, str]:
    """What each `law.*` fact a promise may rest on is, in a few words: the `name:` (or the
    `statute:`) of its entry in `laws.yaml`, the one place a law is named."""
    return {d.name: d.title for d in library.laws if d.title is not None}
