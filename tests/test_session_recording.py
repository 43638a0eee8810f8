"""Issue 16: session recordings (clicks, scrolling and mouse movement replayed or shown as
heatmaps, as Hotjar does). An owner who uses analytics must say whether a tool records
visits; an owner who picks an analytics company but says no analytics is warned, since the
question is asked only with analytics; a "yes" puts the recordings in the policy, a "no"
keeps them out of it and of Hotjar's line."""

from __future__ import annotations

from typing import Any

from drafter.answers import Answers
from drafter.document.model import Draft
from drafter.paths import examples
from tests.conftest import real_project as project

RECORDS = "record your clicks, scrolling and mouse movement"


def answers(example: str, **changes: Any) -> Answers:
    base = project().answers(examples()[example])
    values = {k: v for k, v in {**base.values, **changes}.items() if v is not None}
    return Answers(project().questionnaire, values)


def policy_text(d: Draft) -> str:
    return "\n".join(c.markdown for c in d.policy.clauses())


def test_analytics_users_must_answer_it() -> None:
    unanswered = answers("kiosk", **{"cookies.session_recording": None})
    assert "cookies.session_recording" in unanswered.shown()
    assert "cookies.session_recording" in unanswered.missing()
    no_analytics = answers("texas-small")
    assert "cookies.session_recording" not in no_analytics.shown()


def test_picking_hotjar_without_analytics_is_a_warning_that_leads_to_the_question() -> None:
    d = project().draft(answers("texas-small", **{"sharing.catalog": ["square", "hotjar"]}))
    [note] = [n for n in d.notes if "answers.analytics-vendor-without-analytics" in
              (n.check, n.requirement)]
    assert note.severity == "warning" and "Hotjar" in note.message


def test_a_yes_puts_the_recordings_in_the_policy_and_hotjars_line() -> None:
    chosen = {"sharing.catalog": ["aws", "hotjar"]}
    yes = project().draft(answers("kiosk", **chosen, **{"cookies.session_recording": True}))
    no = project().draft(answers("kiosk", **chosen, **{"cookies.session_recording": False}))
    assert f"Our analytics tools also {RECORDS}" in policy_text(yes)
    assert "replays or heatmaps" in policy_text(yes)  # Hotjar's line in the vendor list
    assert RECORDS not in policy_text(no) and "replays or heatmaps" not in policy_text(no)
    [overview] = [c for c in yes.policy.clauses() if c.id == "cookies.overview"]
    assert any(RECORDS in p.text and p.basis == ("cookies.session_recording",)
               for p in overview.promises)
