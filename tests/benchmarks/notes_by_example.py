"""Reviewer notes on each example's draft, by severity and by check.

    .venv/bin/python tests/benchmarks/notes_by_example.py [--checks] [--date 2026-12-01]

The figures quoted in issue notes ("notes per example before and after") come from here.
"""

from __future__ import annotations

import argparse
import collections
from datetime import date

from drafter.paths import examples
from drafter.project import Project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", action="store_true", help="also count notes by check")
    parser.add_argument("--date", default="2026-12-01", help="review date (YYYY-MM-DD)")
    args = parser.parse_args()
    project = Project.load()
    today = date.fromisoformat(args.date)
    for name, path in sorted(examples().items()):
        draft = project.draft(project.answers(path), today=today)
        by_severity = collections.Counter(n.severity for n in draft.notes)
        counts = ", ".join(f"{by_severity[s]} {s}" for s in ("blocking", "warning", "advice"))
        print(f"{name}: {counts}")
        if args.checks:
            for check, count in sorted(collections.Counter(n.check for n in draft.notes).items()):
                print(f"    {count:3d} {check}")


if __name__ == "__main__":
    main()
