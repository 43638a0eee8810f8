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

import re
from dataclasses import replace

from drafter.answers import Answers
from drafter.document.model import Note, Policy
from drafter.library import Library
from drafter.i18n.catalog import Catalog, catalog
from drafter.templating import referenced_names

CHECK = "language.untranslated"
FREE_TEXT = ("text", "long_text")  # prose; emails, links and phone numbers are not


def translation_keys(library: Library, lang: str) -> dict[str, str]:
    """Each translatable answer's key → the key of the question holding its `lang` words."""
    found = catalog(library)
    spec = found.languages.get(lang) if found.spec is not None else None
    return dict(spec.translations) if spec is not None else {}


def suggested_words(answers: Answers, library: Library, lang: str) -> dict[str, str]:
    """Each answer that is a text question's suggestion kept as it stands (our English words,
    "the United States") → the `lang` words languages.yaml gives for that suggestion."""
    found = catalog(library)
    spec = found.languages.get(lang) if found.spec is not None else None
    resolved = answers.resolved()
    return {key: words for key, words in (spec.suggested if spec is not None else {}).items()
            if key in answers.questionnaire and resolved.get(key) is not None
            and resolved.get(key) == answers.questionnaire.entry(key).question.default}


def in_language(answers: Answers, library: Library, lang: str) -> Answers:
    """The answers a `lang` version is drafted from: each translated answer in the owner's
    own translation, a kept suggestion in the library's words for it, every other answer as
    typed (and so every condition as in English)."""
    resolved = answers.resolved()
    words = {**suggested_words(answers, library, lang),
             **{answer: resolved[key] for answer, key in
                translation_keys(library, lang).items()
                if resolved.get(key) and resolved.get(answer)}}
    return replace(answers, values={**answers.values, **words}) if words else answers


def quoted(policy: Policy, library: Library) -> list[str]:
    """The answer keys the clauses of `policy` print or test, in the policy's order (any
    language: a translation reads exactly the answers of its English clause, as lint checks)."""
    clauses = {c.meta.id: c for c in library.clauses}
    found: dict[str, None] = {}
    for section in policy.sections:
        for clause in section.clauses:
            if clause.id in clauses:
                found.update(dict.fromkeys(sorted(referenced_names(
                    clauses[clause.id].source, expression=False))))
    return list(found)


def typed_prose(answers: Answers, library: Library, policy: Policy) -> list[tuple[str, str]]:
    """Each free-text answer (text, long_text, and such fields of a list's rows) that `policy`
    prints as the owner typed it, as (answer key, words), in the policy's order: the words a
    language version prints untranslated unless the owner gave their translation. Names,
    addresses and contact details that stand in every language (`as_typed:` in
    languages.yaml) are left out, as are emails, links and phone numbers (not prose)."""
    found = catalog(library)
    keep = set(found.spec.as_typed) if found.spec is not None else set()
    resolved = answers.resolved()
    text = _plain("\n".join(c.markdown for s in policy.sections for c in s.clauses))
    out: list[tuple[str, str]] = []
    for key in quoted(policy, library):
        if key in keep or key not in answers.questionnaire or not resolved.get(key):
            continue
        question = answers.questionnaire.entry(key).question
        if question.type in FREE_TEXT:
            words = [(key, str(resolved[key]))]
        elif question.type == "records":
            words = [(f"{key}.{f.id}", str(row[f.id])) for row in resolved[key]
                     for f in question.fields
                     if f.type in FREE_TEXT and f"{key}.{f.id}" not in keep and row.get(f.id)]
        else:
            continue
        # printed, not only tested (a clause may trim its end, or write it in lower case)
        out += [(k, w) for k, w in words if _plain(w).rstrip(". ") in text]
    return out


def _plain(text: str) -> str:
    """Text as a reader sees it, to find typed words in a clause's Markdown: escapes, line
    breaks (an address printed on one line) and case do not count."""
    return " ".join(re.sub(r"\\(.)", r"\1", text).replace(",", " ").split()).casefold()


def untranslated_notes(answers: Answers, library: Library, policy: Policy,
                       names: dict[str, str]) -> tuple[Note, ...]:
    """One advice note for counsel per language (`names`: each tag's English name) whose
    version of `policy` prints typed prose as the owner typed it: which answers, the
    questions that take their translation where there is one, and otherwise the language's
    Markdown, where counsel's edits are kept. Read once, from the English `policy`: a
    translation reads exactly the answers of its English clause (lint checks it)."""
    resolved = answers.resolved()
    printed = typed_prose(answers, library, policy) if names else []
    notes: list[Note] = []
    for lang, name in names.items():
        keys = translation_keys(library, lang)
        ours = suggested_words(answers, library, lang)
        missing = [(answer, words) for answer, words in printed if answer not in ours
                   and not (answer in keys and resolved.get(keys[answer]))]
        if not missing:
            continue
        asked = [keys[a] for a, _ in missing if a in keys]
        # in the owner's terms (the questions' prompts), and no Markdown of ours in it: the
        # notes list is made as tokens, without parsing a note's text
        listed = ", ".join(f"\u201c{words}\u201d" for _, words in missing)
        file = f"privacy-policy.{lang}.md"
        others = len(asked) < len(missing)
        where = f"put the {name} words in {file} (edits there are kept from build to build)"
        if asked:
            prompts = ", ".join(f"\u201c{_prompt(answers, key)}\u201d" for key in asked)
            how = f"Give the {name} words ({prompts})"
            how += f"; for the others, which have no such question, {where}" if others else ""
        else:
            how = where[0].upper() + where[1:]
        notes.append(Note(
            id="", severity="advice", topic="consistency", check=CHECK,
            message=f"The {name} version ({file} and its other formats) quotes these answers "
                    f"word for word, with no {name} translation: {listed}. {how}, "
                    f"or confirm these words may stand in the {name} text.",
            resolves_by=asked[0] if asked else _question(answers, missing[0][0])))
    return tuple(notes)


def _question(answers: Answers, key: str) -> str:
    """The question an answer key names: itself, or the list a row's field is in."""
    return key if key in answers.questionnaire else key.rsplit(".", 1)[0]


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
