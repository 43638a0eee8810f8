"""Issue 15's trials, over the whole questionnaire (every module's pages included): a question
revealed by an answer comes right after the question that reveals it, and yes/no choices come
in one order everywhere (Yes, then No, then "I'm not sure" where offered)."""

from __future__ import annotations

import re

from drafter.app.widgets.choices import choices
from drafter.project import Project
from drafter.questionnaire import UNSURE, Entry, Questionnaire
from drafter.templating import referenced_names


def _revealers(questionnaire: Questionnaire) -> dict[str, set[str]]:
    """Each question's own `when`'s earlier questions of its section (a section's `when` and
    questions of other sections reveal whole pages, not one question after another)."""
    found: dict[str, set[str]] = {}
    for entry in questionnaire:
        names = referenced_names(entry.question.when, expression=True) if entry.question.when \
            else set()
        found[entry.key] = {n for n in names
                            if n in questionnaire and questionnaire.entry(n).section is entry.section}
    return found


def out_of_place(questionnaire: Questionnaire) -> list[str]:
    """Questions separated from the question that reveals them (the last one their `when`
    reads) by a question that this one does not reveal, directly or through another."""
    revealers = _revealers(questionnaire)

    def under(key: str) -> set[str]:  # every question whose answer `key` waits for
        return {n for r in revealers[key] for n in {r} | under(r)}

    problems = []
    for section in questionnaire.sections:
        keys = [e.key for e in questionnaire.section_entries(section.id)]
        for i, key in enumerate(keys):
            if not revealers[key]:
                continue
            start = max(keys.index(r) for r in revealers[key])
            apart = [k for k in keys[start + 1:i] if keys[start] not in under(k)]
            if apart:
                problems.append(f"{key} is revealed by {keys[start]} but comes after "
                                f"{', '.join(apart)}")
    return problems


def test_a_question_revealed_by_an_answer_comes_right_after_it(project: Project) -> None:
    """The trials: `collection.broker_data` came after two unrelated questions, and
    `collection.profile_pictures` after four, so an owner ticking "Data brokers" or "Account
    login details" met the follow-up long after, out of context. `kiosks.photo_faces` (still
    photos: are faces measured?) came after the purposes of all camera images: it now follows
    the answer "a still photo" at once."""
    assert out_of_place(project.questionnaire) == []


def test_the_order_check_finds_a_follow_up_asked_later(project: Project) -> None:
    """The check itself, on a questionnaire with a follow-up moved one question down."""
    questionnaire = project.questionnaire
    keys = list(questionnaire.entries)
    at = keys.index("collection.broker_data")
    moved = [*keys[:at], keys[at + 1], keys[at], *keys[at + 2:]]
    shuffled = Questionnaire.__new__(Questionnaire)
    shuffled.__dict__.update(questionnaire.__dict__)
    shuffled.entries = {key: questionnaire.entry(key) for key in moved}
    assert out_of_place(shuffled) == [
        f"collection.broker_data is revealed by collection.sources but comes after {keys[at + 1]}"]


_YES = re.compile(r"Yes\b(?![ -]?\w)|Yes[,;]")
_NO = re.compile(r"No\b(?![ -]?\w)|No[,;]")


def answer_kind(label: str) -> str | None:
    """"yes" for a label that answers Yes ("Yes", "Yes, always hashed", "Yes; only …"), "no"
    for one that answers No ("No", "No, never"), None for others ("No minimum age")."""
    if label == UNSURE:
        return "unsure"
    if _YES.match(label):
        return "yes"
    if _NO.match(label):
        return "no"
    return None


def yes_no_order(entry: Entry) -> list[str]:
    """The kinds of a choice question's options, in the order the form offers them."""
    found = [(answer_kind(label) if value != UNSURE else "unsure")
             for value, label in choices(entry.question).items()]
    return [kind for kind in found if kind is not None]


def test_yes_comes_before_no_and_not_sure_last_everywhere(project: Project) -> None:
    """The trials: Yes/No came as "No, Yes" on some questions and "Yes, No" on others, and
    owners picked by position. Every choice offering a Yes and a No offers every Yes first,
    then every No, then "I'm not sure" (stored values are the options' keys: the order
    changes no answer)."""
    wrong = {}
    for entry in project.questionnaire:
        if entry.question.type not in ("one", "bool"):
            continue
        kinds = yes_no_order(entry)
        if "yes" in kinds and "no" in kinds and kinds != sorted(
                kinds, key=["yes", "no", "unsure"].index):
            wrong[entry.key] = kinds
    assert wrong == {}


def test_labels_are_read_as_yes_or_no_only_where_they_answer_so() -> None:
    assert [answer_kind(label) for label in (
        "Yes", "No", "Yes; only the person and our staff see it", "No, never",
        "Yes, always hashed", "No minimum age", "Nobody", "Only a ZIP code", "Yesterday",
    )] == ["yes", "no", "yes", "no", "yes", None, None, None, None]
