"""The owner's words in another language: optional translations of the free-text answers a
policy quotes.

Answers stay in the owner's words. `languages.yaml` names, for each language, the optional
question holding the owner's own words for a quoted answer (`translations: {business.offering:
audience.offering_es}`); the Spanish version prints them in place of the answer, and without
them prints the answer as typed. The translation questions are ordinary questions of the
questionnaire (asked when the business serves people in that language), so the app asks for
them like any other. Counsel is told, in English, which quoted answers a language version prints
untranslated (`untranslated_notes`).
"""

from __future__ import annotations

from dataclasses import replace

from drafter.answers import Answers
from drafter.document.model import Note, Policy
from drafter.library import Library
from drafter.i18n.catalog import Catalog, catalog
from drafter.templating import referenced_names

CHECK = "language.untranslated"


def translation_keys(library: Library, lang: str) -> dict[str, str]:
    """Each translatable answer's key → the key of the question holding its `lang` words."""
    found = catalog(library)
    spec = found.languages.get(lang) if found.spec is not None else None
    return dict(spec.translations) if spec is not None else {}


def in_language(answers: Answers, library: Library, lang: str) -> Answers:
    """The answers a `lang` version is drafted from: each translated answer in the owner's
    own translation, every other answer as typed (and so every condition as in English)."""
    resolved = answers.resolved()
    words = {answer: resolved[key] for answer, key in
             translation_keys(library, lang).items()
             if resolved.get(key) and resolved.get(answer)}
    return replace(answers, values={**answers.values, **words}) if words else answers


def quoted(policy: Policy, library: Library) -> set[str]:
    """The answer keys the clauses of `policy` print or test (any language: a translation
    reads exactly the answers of its English clause, as lint checks)."""
    clauses = {c.meta.id: c for c in library.clauses}
    return {name for section in policy.sections for clause in section.clauses
            if clause.id in clauses
            for name in referenced_names(clauses[clause.id].source, expression=False)}


def untranslated_notes(answers: Answers, library: Library, policy: Policy,
                       names: dict[str, str]) -> tuple[Note, ...]:
    """One advice note for counsel per language (`names`: each tag's English name) whose
    version of `policy` prints quoted answers as the owner typed them: which answers, and the
    questions that take their translation. The answers quoted are read once, from `policy`:
    a translation reads exactly the answers of its English clause (lint checks it)."""
    resolved = answers.resolved()
    printed: set[str] | None = None
    notes: list[Note] = []
    for lang, name in names.items():
        keys = {answer: key for answer, key in translation_keys(library, lang).items()
                if resolved.get(answer) and not resolved.get(key)}
        if keys and printed is None:
            printed = quoted(policy, library)
        missing = [(answer, key) for answer, key in keys.items() if answer in (printed or ())]
        if not missing:
            continue
        # in the owner's terms (the questions' prompts), and no Markdown of ours in it: the
        # notes list is made as tokens, without parsing a note's text
        listed = ", ".join(f"\u201c{resolved[answer]}\u201d" for answer, _ in missing)
        asked = ", ".join(f"\u201c{_prompt(answers, key)}\u201d" for _, key in missing)
        notes.append(Note(
            id="", severity="advice", topic="consistency", check=CHECK,
            message=f"The {name} version (privacy-policy.{lang}.md and its other formats) "
                    f"quotes these answers as the owner typed them, with no {name} "
                    f"translation: {listed}. Give the {name} words ({asked}), or confirm the "
                    f"typed words may stand in the {name} text.",
            resolves_by=missing[0][1]))
    return tuple(notes)


def _prompt(answers: Answers, key: str) -> str:
    """The question's prompt, without its "(optional)"."""
    return answers.questionnaire.entry(key).question.prompt.removesuffix(" (optional)")


def answered_languages(found: Catalog, answers: Answers) -> list[str]:
    """The library's languages the owner serves people in (the languages question)."""
    if found.spec is None:
        return []
    chosen = answers.resolved().get(found.spec.question) or []
    return [lang for lang, spec in found.languages.items() if spec.answer in chosen]


def language_notes(answers: Answers, library: Library, policy: Policy) -> tuple[Note, ...]:
    """The untranslated-answer notes for every language the owner serves people in that the
    library writes, read from the English `policy`. Part of every review of a draft
    (`Project.review`), so a note has the same number in review.md, in the app and for
    `drafter resolve`."""
    found = catalog(library)
    names = {lang: found.languages[lang].name for lang in answered_languages(found, answers)}
    return untranslated_notes(answers, library, policy, names) if names else ()
