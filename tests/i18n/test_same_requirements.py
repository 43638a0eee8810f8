"""Every language version of every example that builds in that language says what the English
says: the same clauses, in the same sections and order, meeting the same requirement ids, with
the same promises resting on the same answers. An example not translated yet is skipped with
what it lacks (`translated.versions`), so the test grows with every translation."""

from __future__ import annotations

import pytest

from drafter.project import Project
from tests.i18n.translated import EXAMPLES, LANGUAGES, versions


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_each_language_meets_the_same_requirement_ids(project: Project, name: str,
                                                      lang: str) -> None:
    english, other = versions(project, name, lang)
    assert other.satisfied() == english.satisfied()
    assert english.satisfied()  # the comparison is not between two empty sets
    assert [c.id for c in other.clauses()] == [c.id for c in english.clauses()]
    assert [s.id for s in other.sections] == [s.id for s in english.sections]
    assert [sorted(p.basis for p in c.promises) for c in other.clauses()] == \
        [sorted(p.basis for p in c.promises) for c in english.clauses()]
    assert other.lang == lang and other.title != english.title
    # no clause falls back to English: each comes from its translation file
    assert all(c.source.name.endswith(f".{lang}.md.j2") for c in other.clauses())
