"""Every clause translated so far renders, in every example whose answers choose it (not only
the two examples translated whole), and says something exactly when the English does."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from drafter.assemble import template_context
from drafter.i18n.catalog import catalog
from drafter.paths import examples
from drafter.project import Project
from drafter.promises import recording, tidy
from drafter.i18n.locale_text import in_locale
from drafter.templating import answer_context
from tests.i18n.translated import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(examples()))
def test_translations_render_where_the_english_does(project: Project, name: str,
                                                    lang: str) -> None:
    library = project.library
    found = catalog(library)
    english = template_context(project.answers(examples()[name]), library)
    context = {**english,
               "data": answer_context({"data": found.data_for(lang, library.data)})["data"]}
    rendered = 0
    for clause in library.clauses:
        translation = found.clauses.get((clause.meta.id, lang))
        if translation is None or not clause.condition.holds(english):
            continue
        with recording():
            try:
                with in_locale(found.languages[lang].locale):
                    theirs = tidy(translation.template.render(context))
            except UndefinedError:
                continue  # reads data wording not translated yet: the build names it
            ours = tidy(clause.template.render(english))
        assert bool(theirs) == bool(ours), clause.meta.id
        rendered += 1
    assert rendered >= 10
