"""A Spanish or French policy prints no words of ours in English: no option label of a question
whose options the library translates, and no suggested answer (a text question's `default:`,
our words the owner accepted, such as "the United States") left as the English suggests it."""

from __future__ import annotations

import re

import pytest

from drafter.i18n.catalog import catalog
from drafter.paths import examples
from drafter.project import Project
from tests.i18n.translated import LANGUAGES, versions

EXAMPLES = sorted(examples())


def _text(policy: object, typed_answers: dict) -> str:
    """The policy's words that are ours: without what the owner typed (their words, which the
    untranslated-answer note covers) and without a law's own English name in brackets."""
    text = "\n".join(c.markdown for s in policy.sections for c in s.clauses)  # type: ignore[attr-defined]
    for typed in sorted(_typed(typed_answers), key=len, reverse=True):
        text = text.replace(typed, " ")
    return re.sub(r"\([^()]*\bAct\b[^()]*\)", " ", text)


def _typed(value: object) -> set[str]:
    if isinstance(value, str):
        return {value} if len(value) > 4 else set()
    if isinstance(value, dict):
        return set().union(*map(_typed, value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*map(_typed, value)) if value else set()
    return set()


def english_only(project: Project, lang: str) -> dict[str, str]:
    """English words of ours a `lang` policy must not print: each option label the library
    translates differently (data tables' names), and each suggested text answer, by key."""
    library = project.library
    found = catalog(library)
    words: dict[str, str] = {}
    theirs = found.data_for(lang, library.data)
    for table, fields in (found.spec.wording if found.spec else {}).items():
        english, translated = library.data.get(table), theirs.get(table)
        if not isinstance(english, dict) or not isinstance(translated, dict):
            continue
        for key, record in english.items():
            other = translated.get(key)
            for name in ("name", "label"):
                word = record.get(name) if isinstance(record, dict) else record
                mine = other.get(name) if isinstance(other, dict) else other
                if isinstance(word, str) and isinstance(mine, str) and word not in mine \
                        and mine not in word and len(word) > 4:
                    words[f"{table}.{key}"] = word
    questionnaire = project.answers(examples()[EXAMPLES[0]]).questionnaire
    for entry in questionnaire:
        if entry.question.type in ("text", "long_text") and isinstance(entry.question.default, str):
            words[entry.key] = entry.question.default
    return words


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_no_label_or_suggestion_printed_in_english(project: Project, name: str,
                                                   lang: str) -> None:
    _, policy = versions(project, name, lang)
    answers = project.answers(examples()[name])
    suggested = {e.key: e.question.default for e in answers.questionnaire}
    typed = answers.resolved()  # a kept suggestion is our words, not the owner's
    text = _text(policy, {k: v for k, v in typed.items() if v != suggested.get(k)})
    found = {key: word for key, word in english_only(project, lang).items()
             if re.search(rf"\b{re.escape(word)}\b", text)}
    assert not found, f"{name} ({lang}) prints in English: {found}"


def test_the_check_sees_english(project: Project) -> None:
    """The words the test looks for include the states and the suggested country (so it can
    fail), and none that reads the same in the language (California, Texas)."""
    words = english_only(project, "es")
    assert words["international.storage_country"] == "the United States"
    assert words["us_states.new_york"] == "New York"
    assert "us_states.california" not in words


def test_every_suggested_text_has_each_languages_words(project: Project) -> None:
    """A text question the library suggests an answer to gives that answer's words in every
    language (languages.yaml `suggested:`), so a new suggestion cannot print in English."""
    found = catalog(project.library)
    questionnaire = project.answers(examples()[EXAMPLES[0]]).questionnaire
    keys = {e.key for e in questionnaire
            if e.question.type in ("text", "long_text") and e.question.default}
    assert keys
    for lang, spec in found.languages.items():
        assert keys <= set(spec.suggested), (lang, keys - set(spec.suggested))
