"""Fast typing in the browser: `drafter serve` in the system Chromium, with the live preview
beside the form (a wide window), keys typed in bursts (no delay between them) into one field
after another, Enter moving on. The session must not end ("Session ended" was seen 2–35
characters into typing while the preview redrew), and the answers file must end up holding
exactly what was typed, in the right questions."""

from __future__ import annotations

from drafter.answers_file import AnswersFile
from tests.app.test_serve import Served, editor_page, needs_browser, served, \
    wait_for  # noqa: F401 - `served` is the fixture

TYPED = [  # the first questions of a new kiosk file, in order, and a burst for each
    ("business.name", "Parcel Point Kiosks LLC"),
    ("business.brand", "Parcel Point"),
    ("business.offering", "self-service parcel lockers in grocery stores"),
    ("business.website", "https://parcel.example"),
]


@needs_browser
def test_bursts_of_keys_in_the_browser_lose_nothing(served: Served) -> None:
    answers = served.answers
    with editor_page(served, 1600, 900) as page:  # the preview shown; on the first question
        for index, (key, text) in enumerate(TYPED):
            if index:
                page.keyboard.press("Enter")  # Enter moves on to the next question
            page.keyboard.type(text, delay=0)
            assert wait_for(lambda k=key, t=text: AnswersFile.open(answers).get(k) == t,
                            timeout=30), (key, answers.read_text())
            ended = "-closed" in (page.get_attribute("body", "class") or "")
            assert not ended, f"the session ended while typing into {key}"
    saved = AnswersFile.open(answers)
    assert {key: saved.get(key) for key, _ in TYPED} == dict(TYPED)
