"""Every language version of a translated example says what the English says: the same
clauses, in the same sections and order, meeting the same requirement ids, with the same
promises resting on the same answers."""

from __future__ import annotations

import pytest

from drafter.assemble import assemble
from drafter.paths import examples
from drafter.project import Project
from tests.i18n.translated import LANGUAGES, TRANSLATED


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", TRANSLATED)
def test_each_language_meets_the_same_requirement_ids(project: Project, name: str,
                                                      lang: str) -> None:
    answers = project.answers(examples()[name])
    english = assemble(answers, project.library)
    other = assemble(answers, project.library, lang)
    assert other.satisfied() == english.satisfied()
    assert english.satisfied()  # the comparison is not between two empty sets
    assert [c.id for c in other.clauses()] == [c.id for c in english.clauses()]
    assert [s.id for s in other.sections] == [s.id for s in english.sections]
    assert [sorted(p.basis for p in c.promises) for c in other.clauses()] == \
        [sorted(p.basis for p in c.promises) for c in english.clauses()]
    assert other.lang == lang and other.title != english.title


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", TRANSLATED)
def test_each_language_is_built_from_its_own_wording(project: Project, name: str,
                                                     lang: str) -> None:
    """No clause falls back to English: each comes from its translation file."""
    policy = assemble(project.answers(examples()[name]), project.library, lang)
    assert all(c.source.name.endswith(f".{lang}.md.j2") for c in policy.clauses())
