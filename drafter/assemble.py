"""Assemble a policy: pick the clauses whose `when` holds, render them, keep provenance.

The result is a plain `Policy` (sections of rendered clauses), and every clause in it remembers
its id, its template file and the requirements it satisfies, so counsel can always see where a
sentence came from and why it is there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
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
from drafter.promises import recording, tidy
from drafter.templating import answer_context


def template_context(answers: Answers, library: Library,
                     since: tuple[Answers, Mapping[str, Any]] | None = None) -> dict[str, object]:
    """What every condition and template sees: the answers by section, `data` and `law`.

    Both are immutable and a draft asks twice (assembly, then review), so the last context
    is kept with the two objects it was made from (held, so their ids cannot be reused).
    `since`: other answers and their context, from which only the laws reading an answer that
    differs are evaluated again (`laws.evaluate`; the same context, made faster)."""
    if _last and _last[0][0] is answers and _last[0][1] is library:
        return _last[0][2]
    shown = frozenset(answers.shown())
    context = {**answers.context(), "data": _data(library)}
    before = None
    if since is not None:
        other, other_context = since
        was, now = other.resolved(), answers.resolved()
        changed = {k for k in was.keys() | now.keys() if was.get(k) != now.get(k)}
        before = (other_context["law"], changed | (shown ^ frozenset(other.shown())))
    context = {**context, "law": evaluate(library.laws, context, shown, before)}
    if since is None:
        _last[:] = [(answers, library, context)]
    return context


_last: list[tuple[Answers, Library, dict[str, object]]] = []  # at most one


def _data(library: Library) -> object:
    """The library's reference data as templates see it: the same for every answers, so made
    once per library (held, like `_last`), not once per context (a tenth of one)."""
    if not _data_of or _data_of[0][0] is not library:
        _data_of[:] = [(library, answer_context({"data": library.data})["data"])]
    return _data_of[0][1]


_data_of: list[tuple[Library, object]] = []  # at most one


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
    sections: list[PolicySection] = []
    missing: list[str] = []
    for section in library.sections:
        if not section.condition.holds(context):
            continue
        rendered = []
        for clause in library.clauses:
            if clause.meta.section != section.spec.id or not clause.condition.holds(context):
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
        raise DrafterError(f"{library.document.effective_date} must be answered with a date")
    return Policy(
        title=title,
        business_name=str(resolved[library.document.business_name] or ""),
        effective_date=effective,
        sections=tuple(sections),
    )


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
                          path.relative_to(root), tuple(promises))
