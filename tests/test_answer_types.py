"""Phone numbers and web addresses as owners type them (issue 15, item 4): accepted in the
forms people write, stored in the form the build reads, refused with what is wrong and an
example of what works, the same in an answers file, the CLI and the app's session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from drafter.answer_types import phone_number, stored_note, web_address
from drafter.answers import parse_answers
from drafter.cli import main
from drafter.editing import Session
from drafter.project import Project
from drafter.values import whole_number
from tests.conftest import MINI

VALID = (MINI / "answers.yaml").read_text()


@pytest.mark.parametrize(("typed", "stored"), [
    ("(702) 555-0142", "(702) 555-0142"),
    ("+44 20 7946 0958", "+44 20 7946 0958"),
    ("702.555.0142", "702.555.0142"),
    ("702-555-0142", "702-555-0142"),
    ("+44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
    ("1-800-555-0199", "1-800-555-0199"),
    ("+1 415 555 0100", "+1 415 555 0100"),
    ("  (702)   555-0142 ", "(702) 555-0142"),
    ("702-555-0142 ext. 12", "702-555-0142 ext. 12"),
    ("702-555-0142 ext 12", "702-555-0142 ext. 12"),
    ("(702) 555-0142 x12", "(702) 555-0142 ext. 12"),
    ("(702) 555-0142, extension 9", "(702) 555-0142 ext. 9"),
    ("+49 30 1234567 #200", "+49 30 1234567 ext. 200"),
])
def test_phone_numbers_as_people_write_them(typed: str, stored: str) -> None:
    assert phone_number(typed) == stored


@pytest.mark.parametrize(("typed", "reason"), [
    ("call me", "use digits"),
    ("1-800-FLOWERS", "use digits"),
    ("555-01", "7 to 15 digits, this has 5"),
    ("+1 234 567 890 123 456", "7 to 15 digits, this has 16"),
    ("++1 702 555 0142", "not in a phone number's form"),
    ("702 555 0142 +1", "not in a phone number's form"),
    ("(702)) 555-0142", "not in a phone number's form"),
    ("702--555--0142", "not in a phone number's form"),
])
def test_a_refused_phone_number_says_why_and_what_works(typed: str, reason: str) -> None:
    with pytest.raises(PydanticCustomError) as refused:
        phone_number(typed)
    assert reason in str(refused.value)
    assert "for example (702) 555-0142" in str(refused.value)


@pytest.mark.parametrize(("typed", "stored"), [
    ("example.com", "https://example.com"),
    ("www.example.com/privacy", "https://www.example.com/privacy"),
    ("  example.com  ", "https://example.com"),
    ("example.com:8080/x", "https://example.com:8080/x"),
    ("//example.com", "https://example.com"),
    ("https://example.com", "https://example.com"),
    ("http://shop.example", "http://shop.example"),
    ("HTTPS://Example.com/Privacy?x=1", "HTTPS://Example.com/Privacy?x=1"),
    ("café.fr", "https://café.fr"),
])
def test_web_addresses_with_or_without_https(typed: str, stored: str) -> None:
    assert web_address(typed) == stored


@pytest.mark.parametrize(("typed", "reason"), [
    ("example", "domain name with a dot"),
    ("www.", "domain name with a dot"),
    ("https://", "domain name with a dot"),
    ("localhost:8000", "domain name with a dot"),
    ("example.c", "domain name with a dot"),
    ("-shop.example", "domain name with a dot"),
    ("my shop.com", "no spaces"),
    ("mailto:privacy@example.com", "starts with https://"),
    ("ftp://example.com", "starts with https://"),
    ("https://example.com:port", "not a web address"),
])
def test_a_refused_web_address_says_why_and_what_works(typed: str, reason: str) -> None:
    with pytest.raises(PydanticCustomError) as refused:
        web_address(typed)
    assert reason in str(refused.value)
    assert "for example example.com" in str(refused.value)


@given(st.from_regex(r"\+?[1-9]\d{0,2}([ .-]\d{2,4}){2,4}", fullmatch=True))
def test_tidying_a_number_twice_changes_nothing(typed: str) -> None:
    try:
        once = phone_number(typed)
    except PydanticCustomError:
        return  # too few or too many digits
    assert phone_number(once) == once


@given(st.from_regex(r"(https?://)?[a-z]{1,8}\.[a-z]{2,5}(/[a-z]{0,6})?", fullmatch=True))
def test_a_stored_address_is_stored_as_it_is(typed: str) -> None:
    once = web_address(typed)
    assert once.lower().startswith(("https://", "http://"))
    assert web_address(once) == once


def test_an_answers_file_is_read_in_the_same_forms(mini: Project) -> None:
    """The build reads what the app stores: the same rules run in the answers model."""
    text = VALID.replace("  size: small", "  size: small\n  website: mini.example/shop").replace(
        "  email: hello@mini.example", "  email: hello@mini.example\n  phone: 7025550142\n"
        "  vendors:\n    - {name: Post, link: post.example}")
    values = parse_answers(text, mini.questionnaire, Path("a.yaml")).values
    assert values["business.website"] == "https://mini.example/shop"
    assert values["contact.phone"] == "7025550142"  # a number in YAML is its digits
    assert values["contact.vendors"] == [{"name": "Post", "link": "https://post.example"}]


def test_the_cli_says_what_is_wrong_and_what_works(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(VALID.replace("  email: hello@mini.example",
                                     "  email: hello@mini.example\n  phone: 555-01"))
    assert main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
                 str(MINI / "clauses"), "build", str(answers)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "a.yaml:8: contact.phone: a phone number has 7 to 15 digits, this has 5: " \
           "for example (702) 555-0142" in err


def test_the_session_stores_what_the_build_reads_and_says_so(mini: Project,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(VALID)
    session = Session.open(mini, path)
    assert session.set("business.website", "mini.example") is None
    assert "website: https://mini.example" in path.read_text()
    assert session.stored_note("business.website") == "Saved as https://mini.example"
    assert session.value("business.website") == "https://mini.example"  # the form shows it
    assert session.answer("business.website", "mini.example")[0] is False  # no second write
    assert session.set("contact.phone", "(702) 555-0142") is None
    assert session.stored_note("contact.phone") is None  # kept exactly as typed
    session.set("contact.vendors", [{"name": "Post", "link": "post.example"}])
    assert session.stored_note("contact.vendors") == (
        "item 1, link: saved as https://post.example")
    assert mini.answers(path).values["business.website"] == "https://mini.example"


def test_notes_only_for_what_changed() -> None:
    fields = {"name": ("text", "Name"), "link": ("url", "Link")}
    assert stored_note("url", {}, "https://x.example", "https://x.example") is None
    assert stored_note("phone", {}, "702 555 0142 x1", "702 555 0142 ext. 1") == (
        "Saved as 702 555 0142 ext. 1")
    assert stored_note("records", fields, [{"name": "A", "link": "a.example"}, {"name": "B"}],
                       [{"name": "A", "link": "https://a.example"}, {"name": "B"}]) == (
        "item 1, link: saved as https://a.example")
    assert stored_note("records", fields, "not a list", None) is None


@pytest.mark.parametrize(("typed", "stored"), [
    ("40,000", 40000), ("1,250", 1250), ("40 000", 40000), ("40\u202f000", 40000),
    (" 12,000 ", 12000), ("950", 950),
])
def test_a_count_with_thousands_separators_is_a_number(mini: Project, tmp_path: Path,
                                                        typed: str, stored: int) -> None:
    """Found in the terminal trial: "40,000" typed for how many people's information the
    business handles was refused ("expected a whole number"), where the help says a rough
    number is fine. Digits grouped by threes are a number; it is stored as digits and the
    form says so."""
    path = tmp_path / "answers.yaml"
    path.write_text(VALID)
    session = Session.open(mini, path)
    assert session.set("business.staff", typed) is None
    assert mini.answers(path).values["business.staff"] == stored
    note = session.stored_note("business.staff")
    assert note == (None if typed.strip() == str(stored) else f"Saved as {stored}")
    if note:  # the form shows the stored form once the owner leaves the box
        assert session.value("business.staff") == stored


def test_many_groups_of_three() -> None:
    assert whole_number("1,250,000") == whole_number("1 250 000") == "1250000"


@pytest.mark.parametrize("typed", ["40,00", "4,0000", "40,000.5", "40.000", ",400", "4 0000"])
def test_digits_not_grouped_by_threes_are_refused(mini: Project, tmp_path: Path,
                                                  typed: str) -> None:
    """Never read as some other number: "40.000" (forty thousand, as much of Europe writes
    it) was stored as 40."""
    path = tmp_path / "answers.yaml"
    path.write_text(VALID)
    session = Session.open(mini, path)
    assert session.set("business.staff", typed) is not None
