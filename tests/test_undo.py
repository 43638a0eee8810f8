"""Undo/redo of answers, suggested defaults, the owner's standing and finding a question:
the core behind the app's Ctrl+Z, Ctrl+Shift+Z, progress panel and Ctrl+F."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.finding import find_questions
from drafter.project import Project
from drafter.standing import counted, section_progress, standing
from drafter.undo import Undo
from tests.conftest import real_project


@pytest.fixture(scope="module")
def project() -> Project:
    return real_project()


def open_session(project: Project, tmp_path: Path, text: str = "") -> Session:
    path = tmp_path / "answers.yaml"
    path.write_text(text or "business:\n  kinds: [kiosks]\n")
    return Session.open(project, path)


def saved(session: Session, key: str) -> object:
    session.flush()
    return AnswersFile.open(session.path).get(key)


def test_typing_is_one_step_and_undo_restores_the_file(project: Project, tmp_path: Path) -> None:
    session = open_session(project, tmp_path, "business:\n  name: Old Co\n")
    undo = Undo(session)
    for typed in ("N", "Ne", "New", "New Co"):
        undo.answer("business.name", typed)
    assert saved(session, "business.name") == "New Co"
    applied = undo.undo()
    assert applied is not None and applied.key == "business.name"
    assert not applied.changed_elsewhere
    assert saved(session, "business.name") == "Old Co"
    assert undo.undo() is None  # one step for the whole word
    assert undo.redo() is not None
    assert saved(session, "business.name") == "New Co"
    assert undo.redo() is None


def test_moving_on_starts_a_new_step(project: Project, tmp_path: Path) -> None:
    session = open_session(project, tmp_path)
    undo = Undo(session)
    undo.answer("business.name", "Acme")
    undo.seal()
    undo.answer("business.name", "Acme Kiosks")
    undo.undo()
    assert saved(session, "business.name") == "Acme"
    undo.undo()
    assert saved(session, "business.name") is None  # no answer, as before


def test_choices_are_one_step_each_and_a_new_answer_clears_redo(project: Project,
                                                                tmp_path: Path) -> None:
    session = open_session(project, tmp_path)
    undo = Undo(session)
    undo.answer("cookies.uses_cookies", False)
    undo.answer("audience.regions", ["usa", "eu"])
    undo.answer("audience.regions", ["usa", "eu", "uk"])
    undo.undo()
    assert saved(session, "audience.regions") == ["usa", "eu"]
    undo.undo()
    undo.undo()
    assert saved(session, "cookies.uses_cookies") is None  # the default applies again
    undo.redo()
    undo.answer("business.name", "Acme")
    assert undo.redo() is None


def test_an_answer_changed_elsewhere_is_not_overwritten(project: Project, tmp_path: Path) -> None:
    session = open_session(project, tmp_path)
    undo = Undo(session)
    undo.answer("business.name", "Acme")
    session.answer("business.name", "Changed Elsewhere")  # as `reload` would take it in
    applied = undo.undo()
    assert applied is not None and applied.changed_elsewhere
    assert saved(session, "business.name") == "Changed Elsewhere"


def test_a_suggested_default_is_confirmed_into_the_file(project: Project, tmp_path: Path) -> None:
    session = open_session(project, tmp_path)
    assert session.suggested("cookies.uses_cookies")
    assert not session.suggested("business.name")  # no default: nothing suggested
    assert saved(session, "cookies.uses_cookies") is None
    undo = Undo(session)
    assert session.confirm("cookies.uses_cookies")
    undo.confirmed("cookies.uses_cookies")
    assert saved(session, "cookies.uses_cookies") is True
    assert not session.suggested("cookies.uses_cookies")
    assert not session.confirm("cookies.uses_cookies")  # already the owner's answer
    undo.undo()
    assert saved(session, "cookies.uses_cookies") is None
    assert session.suggested("cookies.uses_cookies")
    undo.redo()  # the trial: Ctrl+Y did nothing (the value was what the form showed)
    assert saved(session, "cookies.uses_cookies") is True
    assert not session.suggested("cookies.uses_cookies")


def test_every_confirmed_suggestion_is_undone_and_redone(project: Project,
                                                         tmp_path: Path) -> None:
    """Redo puts back exactly what the step stored, even where that is the suggestion the
    form shows again after the undo (`Session.answer` takes that for nothing new)."""
    session = open_session(project, tmp_path)
    undo = Undo(session)
    keys = [k for k in session.visible() if session.suggested(k)]
    assert len(keys) > 5
    for key in keys:
        if not session.suggested(key):  # an earlier confirmation answered it
            continue
        shown = session.value(key)
        assert session.confirm(key)
        undo.confirmed(key)
        undo.undo()
        assert saved(session, key) is None and session.suggested(key), key
        undo.redo()
        assert saved(session, key) == shown and not session.suggested(key), key


def test_standing_counts_what_is_left(project: Project, tmp_path: Path) -> None:
    session = open_session(project, tmp_path, "business:\n  kinds: [kiosks]\n"
                                              "contact:\n  email: not an email\n")
    found = standing(session)
    visible = counted(session)  # an optional question left empty is not counted
    assert found.shown == len(visible) < len(session.visible())
    assert found.answered == 1  # the kinds; the bad email is to fix, not answered
    assert found.to_fix == 1
    suggested = [k for k in visible if session.suggested(k)]
    assert found.suggested == len(suggested) > 0
    assert found.answered + found.unanswered + found.suggested + found.to_fix == found.shown
    assert found.lines()[0] == f"Answered 1 of {found.shown}"
    session.confirm(suggested[0])
    assert standing(session).suggested == found.suggested - 1
    assert standing(session).answered == 2


def test_the_phone_line_says_what_the_three_lines_say() -> None:
    """Issue 15: the phone read "2/86 done · to do: you 86, counsel 0". It now says the
    desktop's first line as it is, then one number for the owner and one for counsel; and
    the app packs its phrases into rows without breaking one."""
    from drafter.app.widgets.progress import packed
    from drafter.standing import Standing

    busy = Standing(answered=2, shown=88, unanswered=85, suggested=0, to_fix=1, owner_notes=0,
                    counsel=3)
    assert busy.lines() == ["Answered 2 of 88", "For you: 85 to answer, 1 to fix",
                            "For counsel: 3"]
    assert busy.line() == "Answered 2 of 88 · 86 for you · 3 for counsel"
    done = Standing(answered=88, shown=88, unanswered=0, suggested=0, to_fix=0, owner_notes=0,
                    counsel=0)
    assert done.line() == "Answered 88 of 88 · nothing left"
    assert packed(busy.phrases(), 40) == ["Answered 2 of 88 · 86 for you", "3 for counsel"]
    assert packed(busy.phrases(), 45) == [busy.line()]
    assert packed(busy.phrases(), 10) == busy.phrases()  # too narrow: a phrase a row


def test_an_optional_question_left_empty_is_not_left_for_the_owner(project: Project,
                                                                   tmp_path: Path) -> None:
    """Serving Spanish speakers asks for the owner's Spanish words (optional: without them the
    Spanish policy prints the answer as typed). 'Who you serve' showed 15/17 and "2 to answer"
    with everything else answered. Any optional question, left empty, is neither answered nor
    left; answered, it counts like any other."""
    session = open_session(project, tmp_path, "business:\n  kinds: [kiosks]\n"
                                              "audience:\n  languages: [spanish]\n")
    optional = [k for k in session.visible() if session.questionnaire.entry(k).question.optional]
    assert {"audience.offering_es", "audience.officer_es"} <= set(optional)
    found, (answered, shown) = standing(session), section_progress(session)["audience"][:2]
    assert found.shown == len(session.visible()) - len(optional)
    assert found.answered + found.unanswered + found.suggested + found.to_fix == found.shown
    assert shown == sum(1 for k in session.visible()
                        if k.startswith("audience.") and k not in optional)
    session.set("audience.offering_es", "quioscos de paquetería")
    after = standing(session)
    assert (after.answered, after.shown, after.unanswered) == (
        found.answered + 1, found.shown + 1, found.unanswered)
    assert section_progress(session)["audience"][:2] == (answered + 1, shown + 1)
    # every section asking something is listed, even one asking only optional questions
    assert set(section_progress(session)) == {k.split(".", 1)[0] for k in session.visible()}


def test_find_searches_every_section_prompt_hits_first(project: Project) -> None:
    questionnaire = project.questionnaire
    keys = list(questionnaire.entries)
    found = [e.key for e in find_questions(questionnaire, keys, "cookie SETTINGS")]
    assert found and found[0] == "cookies.settings_panel"
    assert all(k.startswith("cookies.") or "cookie" in questionnaire.entry(k).question.help.lower()
               for k in found)
    assert find_questions(questionnaire, ["business.name"], "zzzz") == []
    assert len(find_questions(questionnaire, keys, "")) == len(keys)
