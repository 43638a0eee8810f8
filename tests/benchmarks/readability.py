"""Readability of the drafted policies (run on demand: `.venv/bin/python tests/benchmarks/readability.py`).

Prints the Flesch-Kincaid grade (textstat 0.7.3) of every clause as rendered for each example
and for `tests/fixtures/every-law.yaml`, `other-branches.yaml` and `outside-us-children.yaml`
(which reach the rarely used clauses between them): median and worst over the drafts that use
it, the median and worst over all clauses, and the grade of each example's whole policy. Targets: at most 10 per clause, at most 9 per policy.

Each paragraph, list item, heading and table cell is measured as one sentence (a full stop is
added where it has none): readers take them one at a time, and without this a bulleted list
would count as one enormous sentence.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from collections import defaultdict

import textstat

from drafter.project import Project
from drafter.document.markdown import parser
from drafter.paths import examples

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRAFTS = {"(fixture) every-law": FIXTURES / "every-law.yaml",
          "(fixture) other-branches": FIXTURES / "other-branches.yaml",
          "(fixture) outside-us-children": FIXTURES / "outside-us-children.yaml"}

_UNITS = {"paragraph_open", "heading_open", "th_open", "td_open"}


def plain_sentences(markdown: str) -> str:
    """Markdown as prose: one sentence per paragraph, list item, heading or table cell."""
    tokens = parser().parse(markdown)
    units: list[str] = []
    for i, token in enumerate(tokens):
        if token.type in _UNITS and i + 1 < len(tokens) and tokens[i + 1].type == "inline":
            text = "".join(c.content for c in tokens[i + 1].children or []
                           if c.type in ("text", "code_inline")).strip()
            if text:
                units.append(text if text[-1] in ".!?" else text.rstrip(";:,") + ".")
    return " ".join(units)


def grade(markdown: str) -> float:
    return float(textstat.flesch_kincaid_grade(plain_sentences(markdown)))


def main() -> None:
    project = Project.load()
    per_clause: dict[str, list[float]] = defaultdict(list)
    whole: dict[str, float] = {}
    for name, path in {**examples(), **DRAFTS}.items():
        policy = project.draft(project.answers(path)).policy
        for clause in policy.clauses():
            per_clause[clause.id].append(grade(clause.markdown))
        whole[name] = grade("\n\n".join(c.markdown for c in policy.clauses()))
    print(f"{'clause':40} {'median':>6} {'worst':>6}")
    worst_each = {cid: max(grades) for cid, grades in per_clause.items()}
    for cid, grades in sorted(per_clause.items(), key=lambda kv: -max(kv[1])):
        flag = "  > 10" if max(grades) > 10 else ""
        print(f"{cid:40} {statistics.median(grades):6.1f} {max(grades):6.1f}{flag}")
    print(f"\nall clauses ({len(per_clause)}): median {statistics.median(worst_each.values()):.1f}, "
          f"worst {max(worst_each.values()):.1f} (each clause at its worst rendering)")
    unmeasured = sorted({c.meta.id for c in project.library.clauses} - set(per_clause))
    print(f"not rendered by any draft, so not measured: {', '.join(unmeasured) or 'none'}")
    print("\nwhole policy per example:")
    for name, value in whole.items():
        print(f"  {name:26} {value:5.1f}{'  > 9' if value > 9 else ''}")


if __name__ == "__main__":
    main()
