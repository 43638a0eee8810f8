"""How many required items the review finds, by its `detect` patterns, in Drafter's own drafts
(on demand, not part of the suite):

    .venv/bin/python tests/benchmarks/own_drafts_recall.py

Each example is drafted as the clean plain text a business would publish, and read as the
review reads a policy Drafter did not write (no provenance, only words). Every requirement
that applies to the example and that a clause of its draft satisfies is a labelled "present"
item; a `detect` that does not find it is a "missing" note the review would give wrongly on
our own published text (counsel's exported copy, a policy pasted into a website). Prints the
recall and each requirement not found, with the examples and the clause that says it.
"""

from __future__ import annotations

import collections
import tempfile
from pathlib import Path

from drafter.answers import Answers
from drafter.build import build
from drafter.document.model import Policy
from drafter.export import formats
from drafter.library import Library
from drafter.paths import examples
from drafter.project import Project
from drafter.review import _facts
from drafter.review.checks import detected


def said(library: Library, policy: Policy, answers: Answers) -> list[str]:
    """The requirements an example's draft says (a clause of it `satisfies` them) that apply
    to its answers and that the review can look for (`detect`): the labelled "present" items
    (tests/test_own_drafts_detected.py holds them all found)."""
    context = _facts(answers, library).context
    return [rid for rid in sorted(policy.satisfied())
            if rid in library.requirements and library.requirements[rid].requirement.detect
            and library.requirements[rid].applies.holds(context)]


def main() -> None:
    project = Project.load()
    library = project.library
    missed: dict[str, list[str]] = collections.defaultdict(list)
    present = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in examples().items():
            answers = project.answers(path)
            result = build(project, answers, Path(tmp) / name, formats("txt"), clean=True)
            text = next(result.folder.glob("privacy-policy.txt")).read_text()
            for rid in said(library, result.draft.policy, answers):
                present += 1
                if not detected(library.requirements[rid].requirement, text):
                    missed[rid].append(name)
    found = present - sum(len(v) for v in missed.values())
    print(f"Items present in our own drafts and found by `detect`: {found}/{present} "
          f"(recall {found / present:.3f})")
    for rid, names in sorted(missed.items()):
        clauses = [c.meta.id for c in library.clauses if rid in c.meta.satisfies]
        print(f"  {rid}: not found in {', '.join(names)} (said by {', '.join(clauses)})")


if __name__ == "__main__":
    main()
