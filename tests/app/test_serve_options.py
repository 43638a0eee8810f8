"""An option offered only while its `when` holds, in the browser (`drafter serve` in the
system Chromium): "A message in our app" is not in the list for a business with no app, so a
letter typed for it finds nothing and Space acts on the option highlighted before."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers_file import AnswersFile
from tests.app import test_serve
from tests.app.test_serve import Served, editor_page, needs_browser, open_at, wait_for

served = test_serve.served  # the fixture: `drafter serve` on the file written below


@pytest.fixture(autouse=True)
def at_the_change_notice(tmp_path: Path) -> None:
    """The file opens on the change notice (autouse: written before `served` starts)."""
    open_at(tmp_path / "answers.yaml", "business:\n  kinds: [kiosks]\n  has_app: false\n"
            "policy:\n  change_notice: [website]\n", "policy.change_notice")


@needs_browser
def test_an_option_not_offered_is_not_in_the_browsers_list(served: Served) -> None:
    answers = served.answers

    def notices() -> object:
        return AnswersFile.open(answers).get("policy.change_notice")

    with editor_page(served) as page:
        # "m" would jump to "A message in our app" were it offered; it is not, so the
        # highlight stays on the first option, and Space unticks the website notice.
        for key in ("m", " "):
            page.keyboard.press(key)
        wait_for(lambda: notices() != ["website"], timeout=60)
    assert notices() == [], answers.read_text()
