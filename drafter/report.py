"""What a build tells the person at the terminal about counsel's edits: merged, conflicted,
backed up. Kept out of `cli.py` so the app can show the same lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from drafter.build import BuildResult
from drafter.manifest import policy_md
from drafter.regenerate import Conflict, Outcome

EXIT_CONFLICTS = 1

_STATUS = {
    "new": "first draft written",
    "unchanged": "no change",
    "kept": "no change (counsel's edits kept; the new draft adds nothing to them)",
    "regenerated": "regenerated (no edits since the last build)",
    "merged": "counsel's edits kept and merged with the new draft",
    "conflicts": "counsel's edits conflict with the new draft",
    "forced": "regenerated from scratch (--force); counsel's edited file backed up",
}


def conflict_lines(path: Path, conflicts: Sequence[Conflict]) -> list[str]:
    """One line per conflict: where it is, in which clause, and why if not plain."""
    lines = []
    for conflict in conflicts:
        where = f" (clause {conflict.clause})" if conflict.clause else ""
        why = (": removed by your answers, but counsel had edited it; keep the edit or let "
               "the clause go") if conflict.removed else ""
        lines.append(f"  conflict at {path}:{conflict.line}{where}{why}")
    return lines


def edit_layer_lines(path: Path, outcome: Outcome) -> list[str]:
    """What happened to one edit layer (`privacy-policy.md`, or a language's), its conflicts."""
    lines = [f"{path.name}: {_STATUS[outcome.status]}.", *conflict_lines(path, outcome.conflicts)]
    if outcome.notes_edited:
        lines.append(f"  counsel's words in the Reviewer notes list were not kept: each build "
                     f"writes that list afresh (they are in {outcome.backup}); answer a note "
                     "with `drafter resolve`, or write beside the clause it is about.")
    if outcome.conflicts:
        lines.append("Resolve each <<<<<<< … >>>>>>> block (keep counsel's text, the new text "
                     f"or a mix), then build again; the other formats of {path.name} were not "
                     "written.")
    return lines


def regeneration_lines(result: BuildResult) -> list[str]:
    outcome = result.outcome
    lines = edit_layer_lines(result.folder / "privacy-policy.md", outcome)
    if result.carried_from is not None:
        old = result.carried_from / "privacy-policy.md"
        lines.insert(0, f"The business was renamed: {result.folder} is its new folder, and "
                        f"privacy-policy.md there starts from {old} (counsel's edits carried "
                        "over; that folder is left as it was).")
    if result.edited_elsewhere is not None:
        lines.append(f"Note: these answers were built since under another business name, and "
                     f"counsel's edits in {result.edited_elsewhere} are not in this folder: "
                     "copy over what should stay.")
    lines += [f"Backed up: {path}" for path in result.backups]
    if result.changes is not None:
        report, since = result.changes
        count = (f"{len(report.changes)}" + (f" ({len(report.material)} material)"
                                             if report.published else "")) \
            if report.changes else "none"
        lines.append(f"Changes {since}: {count}; see {result.folder / 'changes.md'}.")
    return lines


def report_regeneration(result: BuildResult) -> int:
    """Print what happened to the edit layer; the exit status is 1 when conflicts remain."""
    for line in regeneration_lines(result):
        print(line)
    return EXIT_CONFLICTS if result.outcome.conflicts else 0


def report_languages(folder: Path, outcomes: Mapping[str, Outcome]) -> int:
    """Print what happened to each other language's edit layer (drafter.i18n); the exit
    status is 1 when one of them has conflicts left."""
    for lang, outcome in outcomes.items():
        for line in edit_layer_lines(folder / policy_md(lang), outcome):
            print(line)
    return EXIT_CONFLICTS if any(o.conflicts for o in outcomes.values()) else 0
