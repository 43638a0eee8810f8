"""Finding a question by its words (the app's Ctrl+F): across every section shown. Core code,
free of Textual: the app lists what `find_questions` returns and jumps to the one chosen."""

from __future__ import annotations

from collections.abc import Iterable

from drafter.questionnaire import Entry, Questionnaire


def find_questions(questionnaire: Questionnaire, keys: Iterable[str], query: str) -> list[Entry]:
    """The questions among `keys` whose prompt, help, section title or key holds every word of
    `query` (any case); those whose prompt holds them all come first, then questionnaire
    order. An empty query finds every question."""
    words = query.lower().split()
    prompt_hits: list[Entry] = []
    other_hits: list[Entry] = []
    for key in keys:
        entry = questionnaire.entry(key)
        prompt = entry.question.prompt.lower()
        text = " ".join((prompt, entry.question.help.lower(), entry.section.title.lower(),
                         key.lower().replace("_", " ")))
        if all(word in prompt for word in words):
            prompt_hits.append(entry)
        elif all(word in text for word in words):
            other_hits.append(entry)
    return prompt_hits + other_hits


__all__ = ["find_questions"]
