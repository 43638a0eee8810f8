"""A policy in one of the library's languages: the English clause choice, the language's words.

The conditions are evaluated on the same context as the English (answers, `law`), so the
same clauses are chosen and they carry the English front matter's `satisfies`; only the
templates, clause titles, section titles and reference-data wording change (and a quoted
free-text answer, when the owner gave its translation: `drafter.i18n.answers`). A language that
lacks the wording of any clause these answers need refuses with one line naming them: a
policy is never half in English.
"""

from __future__ import annotations

from dataclasses import replace

from drafter.answers import Answers
from drafter.assemble import compose, policy_of, template_context
from drafter.document.model import Labels, Policy
from drafter.errors import UserError
from drafter.i18n.answers import in_language
from drafter.i18n.catalog import catalog
from drafter.library import Clause, Library
from drafter.i18n.locale_text import in_locale
from drafter.templating import answer_context


class MissingWording(UserError):
    """A language version these answers need cannot be written: clauses lack its wording."""

    def __init__(self, lang: str, name: str, missing: list[str], path: object) -> None:
        self.lang, self.name, self.missing = lang, name, missing
        shown = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more"
                                           if len(missing) > 12 else "")
        super().__init__(f"no {name} ({lang}) policy: {len(missing)} clause(s) these "
                         f"answers need have no {name} wording yet: {shown}",
                         path=str(path), field="--lang")


def assemble_translated(answers: Answers, library: Library, lang: str) -> Policy:
    found = catalog(library)
    spec = found.language(lang)
    answers = in_language(answers, library, lang)  # the owner's own translations, where given
    english = template_context(answers, library)
    data = found.data_for(lang, library.data)
    context = {**english, "data": answer_context({"data": data})["data"]}
    untranslated: list[str] = []

    def wording(clause: Clause) -> tuple | None:
        translation = found.clauses.get((clause.meta.id, lang))
        if translation is None:
            return None
        if clause.meta.title is not None and translation.title is None:
            untranslated.append(f"{clause.meta.id} (title)")
        return translation.template, translation.title, translation.path

    with in_locale(spec.locale):
        sections, missing = compose(library, context, wording,
                                    lambda s: spec.sections.get(s.spec.id), partial_data=True)
    missing += untranslated
    if missing:
        raise MissingWording(lang, spec.name, missing, found.path)
    policy = policy_of(answers, library, spec.title, sections)
    return replace(policy, lang=lang, locale=spec.locale,
                   labels=Labels(**vars(spec.labels)))
