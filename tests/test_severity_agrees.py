"""Issue 15: a note's severity is read the same way everywhere. An open question for counsel
blocks publication (`drafter review` exits 1 on it, `--fail-on blocking` is its default), so
every place that counts or labels notes says so: the headline of review.md and of the CLI, the
label of each note (review.md, the text report, DOCX comments), the JSON summary, the exit
status and the app's notes list and progress. A trial's review.md said "0 blocking" above a
note labelled "question for counsel, blocking"."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.app.widgets.notes import NotesList
from drafter.cli_review import fails
from drafter.document.model import SEVERITIES, Note, needs_decision, summary
from drafter.review.report import headline, label

notes_st = st.lists(st.builds(
    lambda i, severity, counsel: Note(id=f"R{i}", severity=severity, topic="consistency",
                                      message="m", check="c", for_counsel=counsel),
    st.integers(1, 99), st.sampled_from(SEVERITIES), st.booleans()), max_size=8)


def _headline_counts(line: str) -> dict[str, int]:
    found = re.fullmatch(r"(\d+) blocking(?: \((\d+) of them for counsel\))?, (\d+) warning\(s\), "
                         r"(\d+) advice", line)
    assert found, line
    blocking, counsel, warning, advice = found.groups()
    return {"blocking": int(blocking), "counsel": int(counsel or 0), "warning": int(warning),
            "advice": int(advice)}


@settings(max_examples=60, deadline=None)
@given(notes_st)
def test_counts_labels_and_exit_status_agree(notes: list[Note]) -> None:
    labelled = {s: sum(label(n).endswith(s) for n in notes) for s in SEVERITIES}
    counts = _headline_counts(headline(notes))
    assert {s: counts[s] for s in SEVERITIES} == labelled
    assert counts["counsel"] == sum(n.for_counsel for n in notes)
    assert {s: summary(notes)[s] for s in SEVERITIES} == labelled
    # what blocks publication is what is counted and labelled blocking
    assert needs_decision(notes) == (labelled["blocking"] > 0) == fails(tuple(notes), "blocking")
    # the app: the owner's blocking notes and the questions for counsel make up the blocking
    assert (sum(n.owner_blocking for n in notes) + sum(n.for_counsel for n in notes)
            == labelled["blocking"])
    for note in notes:  # the app's notes list (F4): the severity before the note's id
        shown = NotesList.label_of(note).plain.split()
        assert shown.pop() == note.id
        assert shown == (["counsel"] if note.for_counsel else []) + [label(note).split(", ")[-1]]


def test_a_question_for_counsel_is_blocking_wherever_it_is_made() -> None:
    """The catalog's counsel questions say `severity: warning`; the question still blocks."""
    note = Note(id="R3", severity="warning", topic="consistency", message="m", check="c",
                for_counsel=True)
    assert note.blocking and label(note) == "question for counsel, blocking"
    assert headline([note]) == "1 blocking (1 of them for counsel), 0 warning(s), 0 advice"
