"""What a build tells the person at the terminal about counsel's edits: merged, conflicted,
backed up. Kept out of `cli.py` so the app can show the same lines."""

from __future__ import annotations

from drafter.build import BuildResult

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


def regeneration_lines(result: BuildResult) -> list[str]:
    outcome = result.outcome
    lines = [f"privacy-policy.md: {_STATUS[outcome.status]}."]
    for conflict in outcome.conflicts:
        where = f" (clause {conflict.clause})" if conflict.clause else ""
        why = (": removed by your answers, but counsel had edited it; keep the edit or let "
               "the clause go") if conflict.removed else ""
        lines.append(f"  conflict at {result.folder / 'privacy-policy.md'}:{conflict.line}"
                     f"{where}{why}")
    if outcome.conflicts:
        lines.append("Resolve each <<<<<<< … >>>>>>> block (keep counsel's text, the new text "
                     "or a mix), then build again; the other formats were not written.")
    lines += [f"Backed up: {path}" for path in result.backups]
    if result.changes is not None:
        report, since = result.changes
        count = f"{len(report.changes)} ({len(report.material)} material)" \
            if report.changes else "none"
        lines.append(f"Changes {since}: {count}; see {result.folder / 'changes.md'}.")
    return lines


def report_regeneration(result: BuildResult) -> int:
    """Print what happened to the edit layer; the exit status is 1 when conflicts remain."""
    for line in regeneration_lines(result):
        print(line)
    return EXIT_CONFLICTS if result.outcome.conflicts else 0
