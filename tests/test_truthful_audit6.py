"""No statement without an answer, third pass (session 18) over what truth17 left: a promise
to update the policy, to say what was kept and why, a question label naming chats, the
operators' list without its comma, the "date last updated" the CCPA and Colorado ask for, and
a California note on a business whose states are not yet known. Each test builds the trial 16
answers (tests/test_truthful_audit5.py) with one change, and looks for the sentence or note."""

from __future__ import annotations

from datetime import date

from drafter.preview import preview_policy
from drafter.project import Project
from drafter.review.rules import load_review_rules
from tests.test_truthful_audit5 import clause, draft

TODAY = date(2026, 12, 1)


def missing(result, rid: str) -> bool:
    return any(n.requirement == rid and n.check == "requirement" for n in result.notes)


# 1. "We update it when our practices change": no answer says so
def test_no_promise_to_update_when_practices_change(project: Project) -> None:
    changes = clause(draft(project), "changes.updates")
    assert "practices change" not in changes and "takes effect on March 1, 2027" in changes
    for name, words in (("updates.es.md.j2", "cambian nuestras prácticas"),
                        ("updates.fr-CA.md.j2", "nos pratiques changent")):
        assert words not in (project.library.root / "changes" / name).read_text()


# 2. "we will tell you what we kept and why": the law's rule, only where a law gives it
def test_what_we_kept_rests_on_a_law(project: Project) -> None:
    result = draft(project, rights__everyone=True)  # Harbor: under every state threshold
    assert "what we kept and why" not in clause(result, "rights.overview")
    ccpa = draft(project, rights__everyone=True, audience__revenue="over_26m")
    rows = [r for r in ccpa.promises or () if "what we kept and why" in r.markdown]
    assert rows and not rows[0].answers and "law.ccpa" in [law.name for law in rows[0].laws]


# 3. The question's label says what the policy says
def test_messages_label_names_no_chats(project: Project) -> None:
    entry = project.questionnaire.entry("collection.categories")
    assert "chats" not in entry.question.options["communications"]


# 4. The operators' list keeps its two items apart
def test_operator_details_list_reads_as_two_items(project: Project) -> None:
    both = clause(draft(project, kiosks__operator_details=["business", "staff"]),
                  "kiosks.operators")
    assert "its name and address, and the names" in both


# 5. The CCPA's "date last updated": a draft that gives none gets the note
def test_ccpa_date_last_updated_needs_the_date(project: Project) -> None:
    ccpa = draft(project, audience__revenue="over_26m")
    assert missing(ccpa, "ccpa.date-updated")
    given = draft(project, audience__revenue="over_26m", policy__last_updated="2027-02-10")
    assert not missing(given, "ccpa.date-updated")
    assert not missing(draft(project), "ccpa.date-updated")  # the CCPA does not reach Harbor


# 7. Retention: where it is not known that California's law applies, the note does not say so
def test_retention_note_on_unknown_states_is_conditional(project: Project) -> None:
    # "Not sure" where customers live reads as all over the US (law.ccpa assumed); unanswered,
    # it is no longer suggested, so no state's law is assumed and the note does not fire.
    preview = preview_policy(project, {"business.kinds": ["kiosks"],
                                       "audience.us_states": "unsure"})
    notes = project.review(preview.policy, preview.answers, TODAY)
    found = [n for n in notes if n.check == "answers.retention-untold-california"]
    assert found
    assert found[0].message.startswith("If the CCPA applies")
    assert "California requires" not in found[0].message


def test_no_california_note_says_the_ccpa_applies_while_states_are_unknown(
        project: Project) -> None:
    """The class of item 7: every note of a check that fires on law.ccpa states California's
    rule as a condition, since law.ccpa holds while the states served are "not sure"."""
    values = {"business.kinds": ["kiosks"], "audience.us_states": "unsure", "sharing.sells": "yes",
              "data_practices.opt_out_link": False, "kiosks.cameras": True,
              "collection.categories": ["contact", "account"]}
    preview = preview_policy(project, values)
    notes = {n.check: n for n in project.review(preview.policy, preview.answers, TODAY)}
    notes_checked = ("answers.retention-untold-california", "answers.opt-out-link-unconfirmed",
                     "answers.feature-data-not-collected")
    for check in notes_checked:
        assert check in notes, check
    rules = load_review_rules(project.library.root)
    ccpa = [c.check for c in rules.answer_checks
            if "law.ccpa" in c.check.when and "not law.ccpa" not in c.check.when]
    conditional = {c.id for c in ccpa if "If the CCPA applies to you" in c.message}
    assert {*notes_checked, "answers.sensitive-use-unstated"} <= conditional
    assert [c.id for c in ccpa if "California requires" in c.message] == []
