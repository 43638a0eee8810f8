"""Issue 15's kiosk trials, in the core: a list moved on from and left empty is "none of
these", saved in the answers file; options
offered only while their `when` holds (loaded, linted and validated like questions' `when`); the
vendors' other names; kiosk questions asked only where they apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers import validate_answers
from drafter.answers_file import AnswersFile
from drafter.editing import Session
from drafter.errors import UserError
from drafter.position import Position
from drafter.project import Project
from drafter.records import dump_data
from drafter.questionnaire import load_questionnaire
from drafter.release import content_hashes, recorded_hashes
from drafter.standing import section_progress, standing
from tests.conftest import real_project

KIOSK = "business:\n  kinds: [kiosks]\n"


@pytest.fixture(scope="module")
def project() -> Project:
    return real_project()


def open_session(project: Project, tmp_path: Path, text: str = KIOSK) -> Session:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    return Session.open(project, path)


# -- 1. a list left empty is "none of these", in the answers file, once moved on from ------

def test_a_list_moved_on_from_with_nothing_ticked_is_answered(project: Project,
                                                              tmp_path: Path) -> None:
    """"For you: N to answer" never reached 0 for an owner who leaves lists empty, as their
    help says they may ("Leave empty if you do not use any"). Moved on from, such a list is
    answered: "none of these", an empty list saved in the answers file, as a build reads it.
    A required list, one with a suggestion, one offering its own "None of these" and an
    optional question are not answered for the owner; an optional question left empty is in
    neither count."""
    session = open_session(project, tmp_path)
    before, section = standing(session), section_progress(session)["kiosks"]
    assert session.questionnaire.entry("kiosks.biometrics").question.type == "many"
    assert session.none_of_these("kiosks.biometrics")
    assert not session.none_of_these("kiosks.biometrics")  # answered now: nothing to do
    assert AnswersFile.open(session.path).get("kiosks.biometrics") == []
    after = standing(session)
    assert (after.answered, after.unanswered, after.shown) == (
        before.answered + 1, before.unanswered - 1, before.shown)
    assert section_progress(session)["kiosks"][:2] == (section[0] + 1, section[1])
    text = session.path.read_text()
    for key in ("collection.categories",  # required: still to answer
                "policy.change_notice",  # a suggestion: Enter confirms it instead
                "audience.residents_175k",  # its own "None of these states" is ticked
                "contact.phone"):  # not a list
        assert not session.none_of_these(key), key
    assert session.path.read_text() == text
    assert standing(session) == after
    again = Session.open(project, session.path)
    assert standing(again) == standing(session)  # the file says it, nothing beside it


def test_progress_reaches_zero_for_an_owner_leaving_lists_empty(project: Project,
                                                                 tmp_path: Path) -> None:
    """The kiosk example with its three empty lists left unanswered, as an owner leaves them:
    three to answer until the owner has moved on from them, then nothing left; the file
    then holds the lists as the example has them (`[]`), read the same by a build."""
    from drafter.paths import examples

    example = examples()["kiosk"].read_text()
    lists = ("  surveys: []\n", "  partner_programme: []\n", "  publisher_ads: []\n")
    text = example
    for line in lists:
        assert line in text
        text = text.replace(line, "")
    session = open_session(project, tmp_path, text)
    found = standing(session)
    assert (found.unanswered, found.suggested, found.to_fix) == (3, 0, 0)
    assert found.lines()[1] == "For you: 3 to answer"
    for key in ("collection.surveys", "sharing.partner_programme", "cookies.publisher_ads"):
        assert session.none_of_these(key)
    assert standing(session).lines()[1] == "For you: nothing left"
    assert standing(session).answered == standing(session).shown == found.shown
    built = project.answers(session.path)
    assert all(built.values[key] == [] for key in (
        "collection.surveys", "sharing.partner_programme", "cookies.publisher_ads"))


def test_an_old_side_file_s_lists_are_saved_in_the_answers_file(project: Project,
                                                                 tmp_path: Path) -> None:
    """A side file written before kept the lists moved on from (`seen`): opened, they are
    saved as "none of these" in the answers file, once, the owner is told which, and the side
    file keeps only the position. Nothing else in the file changes; the standing is what the
    old app showed."""
    import json

    from drafter.position import load_position, position_path

    session = open_session(project, tmp_path)
    path = session.path
    text = path.read_text()
    seen = ["kiosks.biometrics", "contact.phone", "collection.categories", "nowhere.gone",
            "collection.surveys"]
    position_path(path).write_text(json.dumps(
        {"section": "kiosks", "question": "kiosks.biometrics", "seen": seen}))
    opened = Session.open(project, path)
    assert opened.settled_from_side_file == ["kiosks.biometrics", "collection.surveys"]
    file = AnswersFile.open(path)
    assert file.get("kiosks.biometrics") == [] and file.get("collection.surveys") == []
    assert file.get("collection.categories") is None  # required: never answered for them
    assert path.read_text().startswith(text.rstrip("\n"))  # added to, nothing changed
    assert load_position(path) == Position("kiosks", "kiosks.biometrics")
    assert "seen" not in json.loads(position_path(path).read_text())
    assert Session.open(project, path).settled_from_side_file == []  # once
    from drafter.none_of_these import migrated_message

    said = migrated_message(opened, opened.settled_from_side_file)
    assert "Nothing is lost" in said and "none of these" in said


# -- 2. options offered only while their `when` holds --------------------------------------

def test_the_app_message_is_offered_only_with_an_app(project: Project, tmp_path: Path) -> None:
    questionnaire = project.questionnaire
    entry = questionnaire.entry("policy.change_notice")
    assert entry.question.options is not None and "app" in entry.question.options
    assert [value for value, _ in entry.option_conditions] == ["app"]
    none = validate_answers({"business": {"has_app": False},
                             "policy": {"change_notice": ["website", "app"]}},
                            questionnaire, tmp_path / "a.yaml", complete=False)
    # kept as given (valid, in the answers), and said to be no longer offered
    assert none.values["policy.change_notice"] == ["website", "app"]
    assert none.hidden_options == {"policy.change_notice": frozenset({"app"})}
    assert none.unoffered() == {"policy.change_notice": ["app"]}
    some = validate_answers({"business": {"has_app": True},
                             "policy": {"change_notice": ["website", "app"]}},
                            questionnaire, tmp_path / "a.yaml", complete=False)
    assert some.hidden_options == {} and some.unoffered() == {}
    assert "business.has_app" in questionnaire.option_names


QUESTIONS = """\
title: T
version: "1"
sections:
  - id: s
    title: S
    questions:
      - id: app
        prompt: An app?
        type: bool
      - id: notice
        prompt: How?
        type: many
        options:
          web: On the web
          app:
            label: In the app
            when: {when}
"""


@pytest.mark.parametrize(("when", "says"), [
    ("s.app and", "`when` is not a valid expression"),
    ("s.later", "`when` names 's.later', which is not an earlier question"),
    ("s.notice", "`when` names 's.notice', which is not an earlier question"),
])
def test_a_bad_option_when_is_one_line_naming_its_line(tmp_path: Path, when: str,
                                                      says: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(QUESTIONS.format(when=f'"{when}"'))
    with pytest.raises(UserError) as raised:
        load_questionnaire(path)
    assert raised.value.line == 17  # the option's `when:` line
    assert says in raised.value.message
    assert raised.value.field == "s.notice option app"


def test_an_option_is_a_label_or_a_label_and_when(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(QUESTIONS.format(when="s.app").replace("label: In the app",
                                                          "labl: In the app"))
    with pytest.raises(UserError) as raised:
        load_questionnaire(path)
    assert "option 'app': an option is its label, or a mapping of `label:` and `when:`" in (
        raised.value.message)
    assert raised.value.line == 10  # the question


@pytest.mark.parametrize(("change", "says"), [
    ("        options:\n", "        default: [app]\n        options:\n"),
    ("        options:\n", "        option_when: {mobile: s.app}\n        options:\n"),
])
def test_an_option_when_fits_its_question(tmp_path: Path, change: str, says: str) -> None:
    """A suggestion never holds an option offered only under a condition, and a `when` is for
    an option the question offers."""
    path = tmp_path / "q.yaml"
    path.write_text(QUESTIONS.format(when="s.app").replace(change, says))
    with pytest.raises(UserError) as raised:
        load_questionnaire(path)
    assert raised.value.field == "s.notice" and raised.value.line == 10
    assert "option 'app'" in raised.value.message or "option 'mobile'" in raised.value.message


def test_drafter_lint_reports_a_bad_option_when(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from drafter.cli import main

    path = tmp_path / "q.yaml"
    path.write_text(QUESTIONS.format(when='"s.later"'))
    assert main(["--questionnaire", str(path), "lint"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:17" in err and "s.notice option app" in err and "Traceback" not in err


def test_hashes_take_option_whens_not_aliases(project: Project) -> None:
    """An option's `when` changes what is asked (its question's release hash); the names the
    app finds an option by do not (the vendor list's hash is its options' alone)."""
    question = project.questionnaire.entry("sharing.catalog").question
    assert question.aliases["aws"] == ("AWS",)
    assert "aliases" not in dump_data(question)
    assert "option_when" not in dump_data(project.questionnaire.entry("business.name").question)
    assert "option_when" in dump_data(project.questionnaire.entry("policy.change_notice").question)
    hashes = content_hashes(project.library, project.questionnaire)["questions"]
    recorded = recorded_hashes(project.library_root)
    assert recorded is not None
    assert hashes["sharing.catalog"] == recorded[1]["questions"]["sharing.catalog"]


# -- 4. kiosk questions -------------------------------------------------------------------

def test_a_kiosk_business_is_not_asked_whether_it_collects_in_person(project: Project,
                                                                    tmp_path: Path) -> None:
    kiosk = open_session(project, tmp_path)
    assert "collection.in_person" not in kiosk.visible()
    shop = open_session(project, tmp_path, "business:\n  kinds: [marketplace]\n")
    assert "collection.in_person" in shop.visible()


def test_carrier_accounts_are_asked_only_of_kiosks_handling_parcels(project: Project,
                                                                   tmp_path: Path) -> None:
    """A photo kiosk was asked about UPS and FedEx accounts. Unanswered (a file from before
    the question), the carrier question is still asked, so its answer keeps counting."""
    session = open_session(project, tmp_path)
    assert "kiosks.parcels" in session.visible() and "kiosks.carrier_accounts" in session.visible()
    session.set("kiosks.parcels", False)
    assert "kiosks.carrier_accounts" not in session.visible()
    session.set("kiosks.parcels", True)
    assert "kiosks.carrier_accounts" in session.visible()
    assert AnswersFile.open(session.path).get("kiosks.carrier_accounts") is None  # no default written


def test_a_note_names_no_question_that_is_not_asked(project: Project) -> None:
    """A kiosk business serving Californians must give the notice at collection where its
    kiosks are: no answer settles it, and the in-person question it named is not asked of a
    kiosk business. A note never sends the owner to a question not asked."""
    from drafter.answers import Answers
    from drafter.paths import examples

    base = project.answers(examples()["california-store"])
    shop = project.draft(base)
    (note,) = [n for n in shop.notes if n.requirement == "ccpa.offline-notice"]
    assert note.resolves_by == "collection.in_person"
    kiosk = Answers(project.questionnaire, {**base.values, "business.kinds": ["kiosks"]})
    assert "collection.in_person" not in kiosk.shown()
    (note,) = [n for n in project.draft(kiosk).notes if n.requirement == "ccpa.offline-notice"]
    assert note.resolves_by is None
