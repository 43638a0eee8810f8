"""Every malformed answers file gets one line naming the field and line, exit 2, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.cli import main
from tests.conftest import MINI

VALID = (MINI / "answers.yaml").read_text()

# (case id, file content, the field the error must name, the line it must name)
CASES: list[tuple[str, str | bytes, str | None, int | None]] = [
    ("wrong type", VALID.replace("name: Mini Shop LLC", "name: [Mini, Shop]"), "business.name", 3),
    ("unknown key", VALID.replace("  email:", "  emial:"), "contact.emial", 7),
    ("unknown section", VALID.replace("contact:", "contcat:"), "contcat", 6),
    ("bad yaml", VALID.replace("kinds: [shop]", "kinds: [shop"), None, 5),
    ("missing required", VALID.replace("  name: Mini Shop LLC   # the legal name\n", ""),
     "business.name", 2),
    ("option not offered", VALID.replace("[shop]", "[shop, boat]"), "business.kinds.1", 4),
    ("one-of not offered", VALID.replace("size: small", "size: huge"), "business.size", 5),
    ("empty file", "", None, 1),
    ("comments only", "# nothing here yet\n", None, 1),
    ("binary junk", b"\x00\x01\x02PK\x03\x04binary", None, None),
    ("not utf-8", b"business:\n  name: Caf\xe9\n", None, 2),
    ("top-level list", "- business\n- contact\n", None, 1),
    ("section not a mapping", VALID.replace("contact:\n  email: hello@mini.example",
                                            "contact: hello@mini.example"), "contact", 6),
    ("bad email", VALID.replace("hello@mini.example", "hello at mini"), "contact.email", 7),
    ("bad url", VALID.replace("  size: small", "  size: small\n  website: www mini"),
     "business.website", 6),
    ("bad phone", VALID.replace("  email: hello@mini.example",
                                "  email: hello@mini.example\n  phone: call me"),
     "contact.phone", 8),
    ("impossible date", VALID.replace("2026-11-01", "2026-02-30"), "policy.effective_date", 9),
    ("date not a date", VALID.replace("2026-11-01", "next tuesday"), "policy.effective_date", 9),
    ("number out of range", VALID.replace("  size: small", "  size: small\n  staff: -5"),
     "business.staff", 6),
    ("number not a number", VALID.replace("  size: small", "  size: small\n  staff: many"),
     "business.staff", 6),
    ("bool not yes/no", VALID.replace("[shop]", "[kiosk]").replace(
        "  size: small", "  size: small\n  kiosk_cards: perhaps"), "business.kiosk_cards", 6),
    ("required when visible", VALID.replace("[shop]", "[kiosk]"), "business.kiosk_cards", 2),
    ("many-of not a list", VALID.replace("[shop]", "shop"), "business.kinds", 4),
    ("record missing field", VALID.replace("  email: hello@mini.example",
                                           "  email: hello@mini.example\n  vendors:\n"
                                           "    - link: https://a.example"),
     "contact.vendors.0.name", 9),
    ("record unknown field", VALID.replace("  email: hello@mini.example",
                                           "  email: hello@mini.example\n  vendors:\n"
                                           "    - name: A\n      lnik: https://a.example"),
     "contact.vendors.0.lnik", 10),
    ("duplicate key", VALID.replace("  size: small", "  size: small\n  size: large"), None, 6),
    ("tab indentation", "business:\n\tname: X\n", None, 2),
]


@pytest.mark.parametrize(("content", "field", "line"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_malformed_answers_get_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        content: str | bytes, field: str | None,
                                        line: int | None) -> None:
    answers = tmp_path / "answers.yaml"
    if isinstance(content, bytes):
        answers.write_bytes(content)
    else:
        answers.write_text(content)
    code = main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
                 str(MINI / "clauses"), "build", str(answers), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert err.startswith(f"drafter: error: {answers}")
    if line is not None:
        assert f"{answers}:{line}: " in err, err
    if field is not None:
        assert re.search(rf": {re.escape(field)}: ", err), err
    assert not (tmp_path / "out").exists(), "nothing is written for a bad answers file"


def test_a_folder_instead_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == f"drafter: error: {tmp_path}: is a folder, not a file\n"


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nope.yaml")]) == 2
    assert capsys.readouterr().err.endswith("nope.yaml: no such file\n")


def test_unknown_key_suggests_the_nearest_question(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(VALID.replace("  email:", "  emial:"))
    main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
          str(MINI / "clauses"), "build", str(answers)])
    assert "did you mean 'contact.email'?" in capsys.readouterr().err


def test_an_answer_to_a_merged_question_says_where_it_goes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """marketplace.customer_lists was asked twice; its answer is never dropped silently."""
    from drafter.paths import examples

    answers = tmp_path / "a.yaml"
    text = examples()["marketplace"].read_text()
    answers.write_text(text.replace("marketplace:\n", "marketplace:\n  customer_lists: true\n"))
    assert main(["build", str(answers), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "marketplace.customer_lists: unknown question; it is now asked as " \
           "'data_practices.ad_audiences'" in err


def test_hidden_answers_are_kept_but_ignored(mini) -> None:  # type: ignore[no-untyped-def]
    from drafter.answers import parse_answers

    text = VALID.replace("  size: small", "  size: small\n  kiosk_cards: true")
    answers = parse_answers(text, mini.questionnaire, MINI / "answers.yaml")
    assert answers.values["business.kiosk_cards"] is True
    assert answers.resolved()["business.kiosk_cards"] is None
    assert "business.kiosk_cards" not in answers.shown()


def test_unsure_is_accepted_where_offered(mini) -> None:  # type: ignore[no-untyped-def]
    from drafter.answers import parse_answers

    answers = parse_answers(VALID.replace("size: small", "size: unsure"), mini.questionnaire,
                            MINI / "answers.yaml")
    assert answers.values["business.size"] == "unsure"


def test_range_errors_are_in_plain_words(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(VALID.replace("  size: small", "  size: small\n  staff: -5"))
    main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
          str(MINI / "clauses"), "build", str(answers)])
    assert capsys.readouterr().err.endswith("business.staff: must be at least 0, got -5\n")


def test_unknown_record_field_suggests_the_nearest(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(VALID.replace("  email: hello@mini.example",
                                     "  email: hello@mini.example\n  vendors:\n"
                                     "    - name: A\n      lnik: https://a.example"))
    main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
          str(MINI / "clauses"), "build", str(answers)])
    assert "did you mean 'contact.vendors.0.link'?" in capsys.readouterr().err
