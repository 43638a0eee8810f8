"""Assemble a policy: pick the clauses whose `when` holds, render them, keep provenance.

The result is a plain `Policy` (sections of rendered clauses), and every clause in it remembers
its id, its template file and the requirements it satisfies, so counsel can always see where a
sentence came from and why it is there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, Generic, TypeVar
from datetime import date
from pathlib import Path


from jinja2 import Template, TemplateError, UndefinedError
from mdit_py_plugins.anchors.index import slugify

from drafter.answers import Answers
from drafter.errors import DrafterError, UserError
from drafter.laws import evaluate
from drafter.i18n import ENGLISH
from drafter.library import Clause, Library, Section
from drafter.document.model import Policy, PolicySection, RenderedClause
from drafter.name_check import spot_line
from drafter.promises import recording, tidy
from drafter.templating import Condition, referenced_names
from drafter.yamlio import Spot

T = TypeVar("T")


def template_context(answers: Answers, library: Library,
                     since: tuple[Answers, Mapping[str, Any]] | None = None) -> dict[str, object]:
    """What every condition and template sees: the answers by section, `data` and `law`.

    Both are immutable and a draft asks twice (assembly, then review), so the last context
    is kept (`_last_context`). `since`: other answers and their context, from which only the
    laws reading an answer that differs are evaluated again (`laws.evaluate`; the same
    context, made faster)."""
    if since is None:
        return _last_context(_Same(answers), _Same(library))
    return _context(answers, library, since)


class _Same(Generic[T]):
    """An argument of a cached function, the same only as itself: answers and libraries are
    immutable but hold dicts, so they have no hash of their own."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


@lru_cache(maxsize=1)
def _last_context(answers: _Same[Answers], library: _Same[Library]) -> dict[str, object]:
    return _context(answers.value, library.value, None)


def _context(answers: Answers, library: Library,
             since: tuple[Answers, Mapping[str, Any]] | None) -> dict[str, object]:
    shown = frozenset(answers.shown())
    context = {**answers.context(), "data": library.template_data}
    before = None
    if since is not None:
        other, other_context = since
        was, now = other.resolved(), answers.resolved()
        changed = {k for k in was.keys() | now.keys() if was.get(k) != now.get(k)}
        before = (other_context["law"], changed | (shown ^ frozenset(other.shown())))
    return {**context, "law": evaluate(library.laws, context, shown, before)}


Wording = Callable[[Clause], "tuple[Template, str | None, Path] | None"]


def assemble(answers: Answers, library: Library, lang: str = ENGLISH) -> Policy:
    """Render every applicable section and clause for these answers, in document order, in
    the library's English or in one of its languages (`drafter.i18n`: the same clauses,
    chosen by the same conditions, in that language's words)."""
    if lang != ENGLISH:
        from drafter.i18n.render import assemble_translated

        return assemble_translated(answers, library, lang)
    context = template_context(answers, library)
    sections, _ = compose(library, context, lambda c: (c.template, c.meta.title, c.path),
                          lambda s: s.spec.title)
    return policy_of(answers, library, library.document.title, sections)


def compose(library: Library, context: dict[str, object], wording: Wording,
            title_of: Callable[[Section], str | None],
            partial_data: bool = False) -> tuple[list[PolicySection], list[str]]:
    """The applicable sections with their clauses rendered in `wording` (a clause's
    template, title and file), and the clauses and sections that have no wording (None).
    `partial_data`: the reference data may lack wording (a language's), and a clause that
    reads some it lacks is listed as missing too."""
    try:
        return _compose(library, context, wording, title_of, partial_data)
    except DrafterError as exc:
        if isinstance(exc, UserError):
            raise
        raise _where_failed(library, context) or exc from None


def _compose(library: Library, context: dict[str, object], wording: Wording,
             title_of: Callable[[Section], str | None],
             partial_data: bool) -> tuple[list[PolicySection], list[str]]:
    sections: list[PolicySection] = []
    missing: list[str] = []
    for section in library.sections:
        if not section.condition.holds(context):
            continue
        rendered = []
        for clause in library.by_section.get(section.spec.id, ()):
            if not clause.condition.holds(context):
                continue
            words = wording(clause)
            if words is None:
                missing.append(clause.meta.id)
                continue
            try:
                r = _render(clause, *words, context, library.root)
            except UserError as exc:
                if not partial_data or not isinstance(exc.__context__, UndefinedError):
                    raise
                missing.append(f"{clause.meta.id} (data: {exc.__context__})")
                continue
            if r is not None:
                rendered.append(r)
        title = title_of(section)
        if title is None and (rendered or section.spec.id in missing):
            missing.append(f"section {section.spec.id}")
        if rendered and title is not None:
            sections.append(PolicySection(section.spec.id, title, slugify(title),
                                          tuple(rendered)))
    return sections, missing


def policy_of(answers: Answers, library: Library, title: str,
              sections: list[PolicySection]) -> Policy:
    """The policy of these sections, headed by the business name and effective date."""
    resolved = answers.resolved()
    effective = resolved[library.document.effective_date]
    if not isinstance(effective, date):
        raise UserError("must be answered with a date: it is the policy's effective date",
                        path=answers.path, field=library.document.effective_date)
    return Policy(
        title=title,
        business_name=str(resolved[library.document.business_name] or ""),
        effective_date=effective,
        sections=tuple(sections),
    )


def _where_failed(library: Library, context: dict[str, object]) -> UserError | None:
    """A section's or clause's `when` that fails on these answers (a name no question has:
    `drafter lint` finds it too), as a one-line error at the line that reads the name."""
    found: list[tuple[Section | Clause, Spot, Path, str]] = [
        (s, s.source.spot((*s.loc, "when")), s.source.path, s.spec.id) for s in library.sections]
    found += [(c, c.front.spot(("when",)), c.path, c.meta.id) for c in library.clauses]
    for item, spot, path, field in found:
        try:
            item.condition.holds(context)
        except DrafterError as exc:
            condition = getattr(item.condition, "condition", item.condition)  # an `InForce`'s
            unknown = [name for name in sorted(referenced_names(condition.source, expression=True))
                       if not _evaluates(name, context)]
            said = f"uses {unknown[0]!r}, which is not a question" if unknown else \
                f"failed: {exc.__cause__ or exc}"
            return UserError(f"`when` {said} (`drafter lint` lists every such mistake)",
                             path=path, line=spot_line(spot, unknown[0] if unknown else None),
                             field=field)
    return None


def _evaluates(name: str, context: dict[str, object]) -> bool:
    try:
        Condition(name).holds(context)
    except DrafterError:
        return False
    return True


def _render(clause: Clause, template: Template, title: str | None, path: Path,
            context: dict[str, object], root: Path) -> RenderedClause | None:
    """Render one clause; a clause whose template renders nothing is left out (and so
    satisfies nothing)."""
    try:
        with recording() as promises:
            text = tidy(template.render(context))
    except TemplateError as exc:
        raise UserError(f"clause template failed: {exc} (run `drafter lint`)",
                        path=path, field=clause.meta.id) from None
    if not text:
        return None
    return RenderedClause(clause.meta.id, title, text, tuple(clause.meta.satisfies),
                          _relative(path, root), tuple(promises))


@lru_cache(maxsize=4096)
def _relative(path: Path, root: Path) -> Path:
    """A clause's template file within its library (asked on every render of it)."""
    return path.relative_to(root)
