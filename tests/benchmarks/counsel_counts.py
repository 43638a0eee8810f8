"""Per example: the owner's notes by severity and the questions for counsel, as answered and
with every shown "I'm not sure"-able question answered "unsure".

    .venv/bin/python tests/benchmarks/counsel_counts.py
    (cd /tmp && PYTHONPATH=OLD_TREE .venv/bin/python …/counsel_counts.py)   # another version
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from drafter.answers import Answers
from drafter.paths import examples
from drafter.project import Project


def counts(notes: Iterable[object]) -> str:
    notes = list(notes)
    owner = [n for n in notes if not getattr(n, "for_counsel", False)]
    counsel = [n for n in notes if getattr(n, "for_counsel", False)]
    by = {s: sum(n.severity == s for n in owner) for s in ("blocking", "warning", "advice")}
    return (f"owner {by['blocking']}/{by['warning']}/{by['advice']}, counsel {len(counsel)} "
            f"({sum(n.severity == 'blocking' for n in counsel)} blocking)")


def main() -> None:
    project = Project.load()
    print("example            as answered (owner blocking/warning/advice)   all 'not sure'")
    for name, path in examples().items():
        given = project.answers(path)
        keys = [e.key for e in project.questionnaire if e.question.unsure
                and e.key in given.shown()]
        unsure = Answers(given.questionnaire, {**given.values, **dict.fromkeys(keys, "unsure")},
                         given.path)
        today = date(2026, 12, 1)
        print(f"{name:18} {counts(project.draft(given, today).notes):44} "
              f"{len(keys):2} questions: {counts(project.draft(unsure, today).notes)}")


if __name__ == "__main__":
    main()
