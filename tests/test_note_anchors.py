"""A note sits on the clause or section it concerns. A note about a requirement goes where the
clause that meets the requirement would stand (that clause, else its section), not on a
section that happens to share the requirement's topic name: the EU and UK representative notes
belong under "People in the EU, UK and Switzerland", not under "Where we handle information"
(topic `international`, which is also that section's id)."""

from __future__ import annotations

from drafter.answers import Answers
from drafter.paths import examples
from drafter.project import Project


def _without_representatives(project: Project) -> Answers:
    given = project.answers(examples()["email-platform"])
    values = {k: v for k, v in given.values.items()
              if k not in ("international.eu_representative", "international.uk_representative")}
    return Answers(given.questionnaire, values, given.path)


def test_representative_notes_sit_on_the_eu_uk_section(project: Project) -> None:
    draft = project.draft(_without_representatives(project))
    about = [n for n in draft.notes
             if n.requirement in ("gdpr.representative", "uk.representative")]
    assert len(about) == 2
    home = {s.id for s in draft.policy.sections if s.title.startswith("People in the EU")}
    assert home == {"eu-uk"}
    assert {n.anchor for n in about} == home


def test_every_requirement_note_sits_where_its_clause_would(project: Project) -> None:
    """The class: for every example, a note naming a requirement that some library clause meets
    sits on that clause or on that clause's section whenever the draft has it."""
    library = project.library
    homes: dict[str, set[str]] = {}
    for clause in library.clauses:
        for rid in clause.meta.satisfies:
            homes.setdefault(rid, set()).update({clause.meta.id, clause.meta.section})
    answers = [project.answers(path) for path in examples().values()]
    answers.append(_without_representatives(project))
    for given in answers:
        draft = project.draft(given)
        present = {s.id for s in draft.policy.sections} | {c.id for c in draft.policy.clauses()}
        for note in draft.notes:
            wanted = homes.get(note.requirement or "", set()) & present
            if wanted and "." not in (note.anchor or ""):
                assert note.anchor in wanted, (given.path, note.id, note.requirement, note.anchor)
