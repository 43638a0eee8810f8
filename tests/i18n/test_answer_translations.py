"""Answers stay in the owner's words: a language version prints the owner's own translation of
a quoted free-text answer when the question `languages.yaml` names for it (`translations:`)
has one, and the answer as typed otherwise; review.md tells counsel, in English, which quoted
answers each language built prints untranslated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.paths import default_library, examples
from drafter.project import Project

SLUG = "bluebonnet-bike-repair-llc"
OFFERING = "bicycle repairs and parts from our Austin workshop, with online booking"
OFRECEMOS = "reparación de bicicletas y repuestos en nuestro taller de Austin"
# texas-small's other typed prose the policy prints (a vendor's purpose, why it sends text to an
# AI service, its retention schedule), which no question translates; where it stores data is
# the suggestion kept ("the United States"), which the library words in Spanish
OTHERS = ("online repair bookings",
          "Repair bookings and contact details", "3 years after your last repair",
          "Sales records", "7 years, for tax records")
LISTED = ", ".join(f"\u201c{words}\u201d" for words in OTHERS)
IN_MARKDOWN = ("put the Spanish words in privacy-policy.es.md (edits there are kept from build "
               "to build), or confirm these words may stand in the Spanish text.")


def _answers(tmp_path: Path, *extra: str) -> Path:
    """texas-small (which serves people in Spanish), with `extra` lines in `audience:`."""
    path = tmp_path / "answers.yaml"
    text = examples()["texas-small"].read_text()
    line = "  languages: [english, spanish]\n"
    assert line in text
    path.write_text(text.replace(line, line + "".join(f"  {e}\n" for e in extra)))
    return path


def _build(answers: Path, out: Path, lang: str = "en,es") -> Path:
    assert main(["build", str(answers), "-o", str(out), "--format", "md,html",
                 "--lang", lang]) == 0
    return out / SLUG


def test_the_spanish_version_prints_the_owners_translation_and_english_the_answer(
        tmp_path: Path) -> None:
    folder = _build(_answers(tmp_path, f"offering_es: {OFRECEMOS}"), tmp_path / "out")
    spanish = (folder / "privacy-policy.es.md").read_text()
    assert f"Ofrecemos {OFRECEMOS}." in spanish and OFFERING not in spanish
    assert f"We provide {OFFERING}." in (folder / "privacy-policy.md").read_text()
    assert OFRECEMOS in (folder / "privacy-policy.es.html").read_text()
    # what counsel is told: the officer's title and the other typed prose are still printed
    # as typed, and only the title has a question for its Spanish words
    review = (folder / "review.md").read_text()
    assert "business.offering" not in review.split("## Promises")[0]
    assert OFFERING not in review.split("## Promises")[0]
    assert f"with no Spanish translation: {LISTED}, \u201cOwner\u201d. Give the Spanish " \
           "words (\u201cThe title of the person in charge of privacy, in Spanish\u201d); for " \
           f"the others, which have no such question, {IN_MARKDOWN}" in review
    assert all(words in spanish for words in OTHERS)  # what the note says is true


def test_without_a_translation_the_owners_words_are_printed_as_typed_and_counsel_told(
        tmp_path: Path) -> None:
    folder = _build(_answers(tmp_path), tmp_path / "out")
    assert f"Ofrecemos {OFFERING}." in (folder / "privacy-policy.es.md").read_text()
    review = (folder / "review.md").read_text()
    assert ("The Spanish version (privacy-policy.es.md and its other formats) quotes these "
            "answers word for word, "
            f"with no Spanish translation: \u201c{OFFERING}\u201d, {LISTED}, "
            "\u201cOwner\u201d. Give the Spanish words (\u201cWhat you offer, in Spanish\u201d, "
            "\u201cThe title of the person in charge of privacy, in Spanish\u201d); for the "
            f"others, which have no such question, {IN_MARKDOWN}") in review
    assert "French" not in review.split("## Promises")[0]  # French was not built


def test_every_translation_given_the_note_names_the_rest_and_english_alone_still_noted(
        tmp_path: Path) -> None:
    """The note follows the answers (the languages the business serves), not the languages of
    one run: it is part of every review of the draft, so its number is the same everywhere."""
    answers = _answers(tmp_path, f"offering_es: {OFRECEMOS}", "officer_es: Dueño")
    folder = _build(answers, tmp_path / "out")
    assert "a cargo de la protección de la información personal: Dueño." in \
        (folder / "privacy-policy.es.md").read_text()
    # the prose no question translates is still noted, and only it
    assert f"with no Spanish translation: {LISTED}. {IN_MARKDOWN[0].upper()}{IN_MARKDOWN[1:]}" \
        in (folder / "review.md").read_text()
    english_only = _build(_answers(tmp_path), tmp_path / "english", "en")
    assert "The Spanish version (privacy-policy.es.md and its other formats) quotes" in \
        (english_only / "review.md").read_text()


def test_the_translation_question_is_asked_only_for_a_language_served(tmp_path: Path) -> None:
    project = Project.load()
    shown = project.answers(_answers(tmp_path)).shown()
    assert {"audience.offering_es", "audience.officer_es"} <= set(shown)
    assert "audience.offering_fr" not in shown


@pytest.mark.parametrize(("pair", "problem"), [
    ("business.offering: audience.languages", "audience.languages is not a free-text question"),
    ("business.kinds: audience.offering_es", "business.kinds is not a free-text question"),
    ("business.offering: audience.no_such", "audience.no_such is not a free-text question"),
])
def test_lint_holds_translations_to_free_text_questions(tmp_path: Path, pair: str,
                                                        problem: str) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    path = root / "languages.yaml"
    old = "translations: {business.offering: audience.offering_es, "
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, f"translations: {{{pair}, "))
    project = Project.load(library=root)
    problems = [str(p) for p in project.library.lint(project.questionnaire).problems]
    assert problems == [f"{path}: languages.es.translations.{pair.split(':')[0]}: {problem} "
                        "(text, long_text)"]


def test_the_untranslated_note_has_one_number_in_review_md_and_for_resolve(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The note is part of every review of the draft, not added by the build alone: counsel
    who reads "[R2] … Spanish version …" in review.md and runs `drafter resolve R2` resolves
    that note, not the one the number had before (found after the merge: it resolved the
    vendor-links note)."""
    import re

    answers = _answers(tmp_path)
    review = (_build(answers, tmp_path / "out") / "review.md").read_text()
    [number] = re.findall(r"\*\*\[(R\d+)\]\*\* \*advice\*[^\n]*The Spanish version", review)
    capsys.readouterr()
    assert main(["resolve", number, str(answers), "--by", "A. Lawyer",
                 "--why", "The Spanish wording is the owner's choice."]) == 0
    assert f"Resolved {number} (advice: language.untranslated" in capsys.readouterr().out


def test_names_addresses_and_contact_details_stand_as_typed_with_no_note(
        project: Project) -> None:
    """Only prose is noted: the business's name, its address, a vendor's name, emails, links
    and phone numbers read the same in every language."""
    from drafter.assemble import assemble
    from drafter.i18n.answers import language_notes

    answers = project.answers(examples()["texas-small"])
    policy = assemble(answers, project.library)
    [note] = language_notes(answers, project.library, policy)
    resolved = answers.resolved()
    for key in ("business.name", "business.address", "contact.email", "business.website"):
        assert str(resolved[key]).split("\n")[0] not in note.message, key
    assert "Acuity Scheduling" not in note.message  # a vendor's name
    assert "online repair bookings" in note.message  # what it does


def test_lint_holds_as_typed_to_questions_and_list_fields(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    path = root / "languages.yaml"
    path.write_text(path.read_text().replace("  - sharing.vendors.name\n",
                                             "  - sharing.vendors.nom\n"))
    project = Project.load(library=root)
    problems = [str(p) for p in project.library.lint(project.questionnaire).problems]
    assert problems == [f"{path}: as_typed[9]: sharing.vendors.nom is not a question (or a "
                        "field of a list)"]


def test_only_words_the_policy_prints_are_named(project: Project) -> None:
    """An answer a chosen clause reads but does not print (a branch not taken, a condition)
    puts no words of the owner's in the Spanish text, so the note does not name it; case and
    Markdown escapes do not hide one that is printed."""
    from dataclasses import replace

    from drafter.assemble import assemble
    from drafter.i18n.answers import typed_prose

    answers = project.answers(examples()["texas-small"])
    policy = assemble(answers, project.library)
    named = dict((words, key) for key, words in typed_prose(answers, project.library, policy))
    assert named["Sales records"] == "retention.schedule.what"
    assert named["online repair bookings"] == "sharing.vendors.purpose"
    assert "Acuity Scheduling" not in named and "Bluebonnet Bike Repair LLC" not in named

    def edited(old: str, new: str) -> object:
        sections = tuple(replace(s, clauses=tuple(replace(c, markdown=c.markdown.replace(
            old, new)) for c in s.clauses)) for s in policy.sections)
        return replace(policy, sections=sections)

    unprinted = edited("Sales records", "Other records")
    assert "Sales records" not in dict((w, k) for k, w in typed_prose(
        answers, project.library, unprinted))  # type: ignore[arg-type]
    shouted = edited("Sales records", "SALES RECORDS")
    assert "Sales records" in dict((w, k) for k, w in typed_prose(
        answers, project.library, shouted))  # type: ignore[arg-type]
