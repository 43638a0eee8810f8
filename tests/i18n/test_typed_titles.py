"""Issue 15: the owner's typed words sit in a clause so that its punctuation holds whatever they
typed. A trial's owner gave "Privacy Lead, Dana Ortiz" as the person in charge of privacy (the
question asks for a title, "and a name if you like"), and the English read "Our Privacy Lead,
Dana Ortiz is in charge …" (an appositive with no closing comma); the Spanish read "Nuestro
responsable de privacidad (Responsable de privacidad)", the owner's own Spanish title repeated
after the translated one. Across every clause template, in every language:

- a typed title (which may carry its own comma) is never followed by more of the sentence;
- a translation never glosses a typed free-text answer in parentheses after its own words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.answers import Answers
from drafter.assemble import assemble
from drafter.i18n.answers import translation_keys
from drafter.paths import examples
from drafter.project import Project
from drafter.templating import referenced_names

# The questions that ask for a person's title (and maybe a name): `contact.officer`, and the
# questions holding its translations, which clauses print through it.
TITLES = {"contact.officer"}
PRINTED = re.compile(r"(?P<before>[^\n]{0,2})\{\{-?\s*(?P<expr>[^}]*?)\s*-?\}\}(?P<after>[^\n]{0,3})")


def _templates(project: Project) -> list[Path]:
    return sorted(project.library_root.rglob("*.md.j2"))


def _free_text(project: Project) -> set[str]:
    return {entry.key for entry in project.questionnaire
            if entry.question.type in ("text", "long_text")}


def test_a_typed_title_ends_its_sentence_and_no_translation_glosses_typed_words(
        project: Project) -> None:
    free = _free_text(project)
    follows: list[str] = []
    glossed: list[str] = []
    for path in _templates(project):
        translation = path.name.count(".") > 2  # NAME.LANG.md.j2
        for match in PRINTED.finditer(path.read_text()):
            names = referenced_names("{{ " + match["expr"] + " }}", expression=False)
            where = f"{path.relative_to(project.library_root)}: {match.group(0)!r}"
            if names & TITLES and re.match(r"\s*\w", match["after"]):
                follows.append(where)
            if translation and names & free and match["before"].endswith("(") \
                    and match["after"].startswith(")"):
                glossed.append(where)
    assert follows == [] and glossed == []


@pytest.mark.parametrize("lang", ["en", "es", "fr-CA"])
def test_the_trial_title_reads_whole_in_every_language(project: Project, lang: str) -> None:
    """The Quebec firm (Canada's and Quebec's clauses name the person too), with the trial's
    title, and its Spanish title for the Spanish version (the French has none, so it prints the
    typed words, which counsel is told of): every
    sentence naming the person in charge ends with the owner's words, which are printed once."""
    base = project.answers(examples()["quebec-firm"])
    spanish = translation_keys(project.library, "es")["contact.officer"]
    values = {**base.values, "contact.officer": "Privacy Lead, Dana Ortiz",
              "audience.languages": ["english", "french", "spanish"],
              spanish: "Responsable de privacidad"}
    answers = Answers(project.questionnaire, values, base.path)
    policy = assemble(answers, project.library, lang)
    text = "\n".join(c.markdown for s in policy.sections for c in s.clauses)
    typed = "Responsable de privacidad" if lang == "es" else "Privacy Lead, Dana Ortiz"
    found = [m.end() for m in re.finditer(re.escape(typed), text)]
    assert found, f"{lang}: the title is printed nowhere"
    for end in found:
        assert re.match(r"[.;:]|[ \t]*(\n|$)", text[end:]), (lang, text[end - 80:end + 20])
    assert "privacidad (Responsable" not in text
    assert "(Privacy Lead" not in text
