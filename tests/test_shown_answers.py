"""Every answer an example gives to a pick-one or yes/no question is shown pressed in the form
(`drafter.shown.presented`, what the app's field draws). Answers quoted in the answers file
(`sells: "no"`: a bare no is a YAML boolean) are read as ruamel's quoted-string class, and the
form showed them as no choice pressed: four of the kiosk example's answered questions looked
unanswered to the owner, and Enter then chose the first option. The session now reads every
answer as a plain value (`drafter.plain`), so no comparison sees ruamel's classes."""

from __future__ import annotations

from drafter.editing import Session
from drafter.paths import examples
from drafter.project import Project
from drafter.plain import same_answer
from drafter.shown import presented


def test_a_yes_is_not_the_number_one() -> None:
    assert not same_answer(True, 1) and not same_answer(1, True)
    assert not same_answer("1", 1)


def test_every_answered_choice_of_every_example_is_shown_pressed(project: Project) -> None:
    blank = []
    for name, path in sorted(examples().items()):
        session = Session.open(project, path, read_only=True)
        for key in session.visible():
            question = session.questionnaire.entry(key).question
            value = session.value(key)
            if question.type in ("one", "bool") and value is not None \
                    and presented(question, value) is None:
                blank.append((name, key, value))
    assert blank == []
