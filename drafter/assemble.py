"""Assemble a policy: pick the clauses whose `when` holds, render them, keep provenance.

The result is a plain `Policy` (sections of rendered clauses), and every clause in it remembers
its id, its template file and the requirements it satisfies, so counsel can always see where a
sentence came from and why it is there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jinja2 import TemplateError
from mdit_py_plugins.anchors.index import slugify

from drafter.answers import Answers
from drafter.errors import DrafterError, UserError
from drafter.laws import evaluate
from drafter.library import Clause, Library
from drafter.document.model import Policy, PolicySection, RenderedClause
from drafter.promises import recording, tidy
from drafter.templating import answer_context


def template_context(answers: Answers, library: Library) -> dict[str, object]:
    """What every condition and template sees: the answers by section, `data` and `law`.

    Both are immutable and a draft asks twice (assembly, then review), so the last context
    is kept with the two objects it was made from (held, so their ids cannot be reused)."""
    if _last and _last[0][0] is answers and _last[0][1] is library:
        return _last[0][2]
    context = {**answers.context(), "data": answer_context({"data": library.data})["data"]}
    context = {**context, "law": evaluate(library.laws, context, frozenset(answers.shown()))}
    _last[:] = [(answers, library, context)]
    return context


_last: list[tuple[Answers, Library, dict[str, object]]] = []  # at most one


def assemble(answers: Answers, library: Library) -> Policy:
    """Render every applicable section and clause for these answers, in document order."""
    context = template_context(answers, library)
    resolved = answers.resolved()
    sections: list[PolicySection] = []
    for section in library.sections:
        if not section.condition.holds(context):
            continue
        rendered = [
            r for clause in library.clauses
            if clause.meta.section == section.spec.id and clause.condition.holds(context)
            if (r := _render(clause, context, library.root)) is not None
        ]
        if rendered:
            title = section.spec.title
            sections.append(PolicySection(section.spec.id, title, slugify(title),
                                          tuple(rendered)))
    effective = resolved[library.document.effective_date]
    if not isinstance(effective, date):
        raise DrafterError(f"{library.document.effective_date} must be answered with a date")
    return Policy(
        title=library.document.title,
        business_name=str(resolved[library.document.business_name] or ""),
        effective_date=effective,
        sections=tuple(sections),
    )


def _render(clause: Clause, context: dict[str, object], root: Path) -> RenderedClause | None:
    """Render one clause; a clause whose template renders nothing is left out (and so
    satisfies nothing)."""
    try:
        with recording() as promises:
            text = tidy(clause.template.render(context))
    except TemplateError as exc:
        raise UserError(f"clause template failed: {exc} (run `drafter lint`)",
                        path=clause.path, field=clause.meta.id) from None
    if not text:
        return None
    return RenderedClause(clause.meta.id, clause.meta.title, text,
                          tuple(clause.meta.satisfies), clause.path.relative_to(root),
                          tuple(promises))
