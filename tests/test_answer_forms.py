"""Dates and counts as owners write them (issue 15, the Chromium trial): "January 15, 2027" for
the policy's date was refused ("expected a real date such as 2026-11-22") and "last 4" for the
receipt's digits ("expected a whole number"). Each is read by the answers model, so an answers
file, the CLI and the app accept the same and store the same; the app says "Saved as …".
A text that could be read as two dates or two numbers is refused with one that works."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError

from drafter.answer_types import calendar_date, stored_note
from drafter.cli import main
from drafter.editing import Session
from drafter.project import Project
from drafter.values import whole_number
from tests.conftest import MINI

VALID = (MINI / "answers.yaml").read_text()


@pytest.mark.parametrize("typed", [
    "January 15, 2027", "January 15 2027", "january 15, 2027", "Jan 15 2027", "Jan. 15, 2027",
    "JAN 15, 2027", "15 January 2027", "15 Jan 2027", "January 15th, 2027", "15th of January 2027",
    "2027-01-15", " 2027-01-15 ", "2027/01/15", "2027-1-15",
    "1/15/2027", "15/1/2027", "15.01.2027", "01-15-2027",
])
def test_dates_as_people_write_them(typed: str) -> None:
    assert calendar_date(typed) == date(2027, 1, 15)


@pytest.mark.parametrize(("typed", "reason"), [
    ("3/4/2027", "could be 4 March or 3 April"),
    ("February 30, 2027", "not a real date"),
    ("January 2027", "a day"),
    ("next Tuesday", "not a date"),
    ("15/15/2027", "not a real date"),
    ("1/15/27", "not a date"),  # a two-digit year is not guessed
])
def test_a_refused_date_says_why_and_what_works(typed: str, reason: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        calendar_date(typed)
    message = str(caught.value)
    assert reason in message
    assert "2027-01-15" in message or "2026-11-22" in message  # an example that works


def test_an_impossible_day_in_year_month_day_is_the_model_s_to_refuse(mini: Project,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(VALID)
    error = Session.open(mini, path).set("policy.effective_date", "2027-02-30")
    assert error is not None and error.startswith("expected a real date such as 2026-11-22")


def test_september_as_often_shortened() -> None:
    assert calendar_date("Sept. 5, 2027") == calendar_date("Sep 5 2027") == date(2027, 9, 5)


def test_a_day_written_the_same_both_ways_is_that_day() -> None:
    assert calendar_date("5/5/2027") == date(2027, 5, 5)


def test_the_session_stores_the_date_and_says_so(mini: Project, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(VALID)
    session = Session.open(mini, path)
    assert session.set("policy.effective_date", "January 15, 2027") is None
    assert "effective_date: 2027-01-15" in path.read_text()
    assert session.stored_note("policy.effective_date") == "Saved as 2027-01-15"
    assert mini.answers(path).values["policy.effective_date"] == date(2027, 1, 15)
    assert session.set("policy.effective_date", "2027-01-16") is None
    assert session.stored_note("policy.effective_date") is None  # typed as stored


def test_an_answers_file_date_in_words_builds(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(VALID.replace("effective_date: 2026-11-01",
                                     "effective_date: November 1, 2026"))
    assert main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
                 str(MINI / "clauses"), "build", str(answers), "--output",
                 str(tmp_path / "out")]) == 0


@pytest.mark.parametrize(("typed", "stored"), [
    ("last 4", "4"), ("the last 4", "4"), ("4 digits", "4"), ("4", "4"),
    ("about 40,000", None), ("2 or 3", None), ("over 100", None), ("less than 5", None),
    ("4th", None), ("4.5", None), ("4%", None), ("$5,000", None), ("up to 5", None),
    ("at least 50,000 people", None), ("no more than 4", None), ("4-5", None),
])
def test_a_count_inside_words_only_when_unambiguous(typed: str, stored: str | None) -> None:
    """A number among words is the count only when nothing else could be meant: one number,
    standing alone, with no word that makes it a bound or a guess."""
    if stored is not None:
        assert whole_number(typed) == stored
        return
    with pytest.raises(PydanticCustomError) as caught:
        whole_number(typed)
    assert "for example" in str(caught.value) or "expected a whole number" in str(caught.value)


def test_the_session_stores_the_count_and_says_so(mini: Project, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(VALID)
    session = Session.open(mini, path)
    assert session.set("business.staff", "last 4") is None
    assert mini.answers(path).values["business.staff"] == 4
    assert session.stored_note("business.staff") == "Saved as 4"
    error = session.set("business.staff", "2 or 3")
    assert error is not None and "for example" in error


def test_a_refused_answer_kept_in_the_file_is_one_line_from_build(
        mini: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A refused answer stays in the file as typed (nothing typed is lost; the owner fixes
    it there or in the app), and `drafter build` names its file, line and field."""
    path = tmp_path / "answers.yaml"
    path.write_text(VALID)
    session = Session.open(mini, path)
    assert session.set("policy.effective_date", "3/4/2027") is not None
    session.flush()
    assert "effective_date: 3/4/2027" in path.read_text()
    assert main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
                 str(MINI / "clauses"), "build", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "answers.yaml:9: policy.effective_date:" in err, err
    assert "Traceback" not in err


def test_a_date_note_only_for_what_changed() -> None:
    assert stored_note("date", {}, "January 15, 2027", date(2027, 1, 15)) == (
        "Saved as 2027-01-15")
    assert stored_note("date", {}, "2027-01-15", date(2027, 1, 15)) is None
    assert stored_note("date", {}, date(2027, 1, 15), date(2027, 1, 15)) is None
