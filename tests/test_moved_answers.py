"""A question merged into another keeps the meaning of old answers files: the old answer is read
as the new question's answer where it says the same, and the owner is told either way; nothing
they typed is dropped silently (`moved:` in the questionnaire)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers import load_answers
from drafter.paths import examples
from drafter.project import Project

TODAY_FILE = examples()["print-mail"]


def old_style(tmp_path: Path, stores_cards: str, card_storage: str | None = None) -> Path:
    """The print-mail example as written before the two saved-card questions became one."""
    text = TODAY_FILE.read_text()
    assert "  card_storage: processor\n" in text
    text = text.replace("  card_storage: processor\n",
                        f"  card_storage: {card_storage}\n" if card_storage else "")
    text = text.replace("  print_partners: true\n",
                        f"  print_partners: true\n  stores_cards: {stores_cards}\n")
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    return path


def moved_notes(project: Project, path: Path) -> list:
    answers = load_answers(path, project.questionnaire)
    return answers, [n for n in project.draft(answers).notes if n.check == "answers.moved"]


def test_one_question_about_saved_cards(project: Project) -> None:
    assert "print_mail.stores_cards" not in project.questionnaire
    assert "security.card_storage" in project.questionnaire


def test_an_old_yes_is_read_as_the_processor_keeping_cards(project: Project,
                                                           tmp_path: Path) -> None:
    answers, notes = moved_notes(project, old_style(tmp_path, "true"))
    assert answers.resolved()["security.card_storage"] == "processor"
    (note,) = notes
    assert note.resolves_by == "security.card_storage" and not note.blocking
    assert "stores_cards" in note.message and "payment processor" in note.message
    policy = project.draft(answers).policy
    assert "security.saved-cards" in {c.id for c in policy.clauses()}
    assert "  stores_cards: true\n" in (tmp_path / "answers.yaml").read_text()  # kept


def test_an_old_no_says_too_little_and_the_owner_is_asked(project: Project,
                                                          tmp_path: Path) -> None:
    """"No" meant either no saved cards or full numbers kept in-house: not carried over."""
    answers, notes = moved_notes(project, old_style(tmp_path, "false"))
    assert answers.resolved()["security.card_storage"] is None
    (note,) = notes
    assert "No" in note.message and "answer" in note.message


@pytest.mark.parametrize("stores_cards", ["true", "false"])
def test_the_new_answer_wins_and_the_old_one_is_named(project: Project, tmp_path: Path,
                                                      stores_cards: str) -> None:
    answers, notes = moved_notes(project, old_style(tmp_path, stores_cards, "us"))
    assert answers.resolved()["security.card_storage"] == "us"
    (note,) = notes
    assert "stores_cards" in note.message and "We keep full card numbers" in note.message
