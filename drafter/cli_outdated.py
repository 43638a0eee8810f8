"""`drafter outdated [ANSWERS] [-o DIR]`: what changed in the clause library, for this business,
since its policy was built; the questions those changes ask; and the duties coming into force
within 180 days.

Exit status: 0 up to date, 1 out of date (a change since the build applies to this business,
or a duty in force today is missing from the policy: rebuild, for CI), 2 bad input or no build.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import clock
from drafter.cli_args import Commands, answers_arguments, answers_path, project_of
from drafter.errors import UserError, json_text
from drafter.templating import long_date

if TYPE_CHECKING:
    from drafter.outdated import Outdated
    from drafter.project import Project


def _outdated_arguments(p: argparse.ArgumentParser) -> None:
    answers_arguments(p)
    p.add_argument("--format", default="text", choices=("text", "json"),
                   help="text (default) or json, for CI")
    p.set_defaults(run=cmd_outdated)


def add_outdated_parser(sub: Commands) -> None:
    sub.command("outdated", _outdated_arguments, help="what changed in the law for this "
                "business since its policy was built (exit 1 when out of date)",
                description="Exit status: 0 up to date, 1 out of date (rebuild), 2 bad input.")


def cmd_outdated(args: argparse.Namespace) -> int:
    from drafter.build import build_folder
    from drafter.manifest import load_manifest
    from drafter.outdated import outdated

    project = project_of(args)
    source = answers_path(args)
    answers = project.answers(source)
    folder = build_folder(project, answers, Path(args.output))
    manifest = load_manifest(folder)
    if manifest is None:
        raise UserError(f"no policy built here yet: run `drafter build {source} -o "
                        f"{args.output}` first", path=folder)
    found = outdated(project, answers, manifest, clock.today())
    if args.format == "json":
        print(json_text(found.as_json(), indent=2))
    else:
        print("\n".join(report_lines(found, project, manifest.business_name)))
    return 1 if found.out_of_date else 0


def report_lines(found: Outdated, project: Project, business: str) -> list[str]:
    """The report, for the terminal: the changes by release, then the questions, then the
    duties to come."""
    built = f"library {found.built}" if found.built else \
        "an unversioned library (before releases were recorded)"
    lines = [f"{business}: policy built with {built}; installed: "
             f"{found.installed or 'unversioned'}."]
    if found.ahead:
        lines.append(f"The installed library is older than library {found.built}: what that "
                     "one changed cannot be listed here. Install it (or point --library at "
                     "it) before rebuilding, or the rebuild drafts with the older law.")
    if found.behind and not found.changes:
        lines.append("No change since then applies to this business (a rebuild records the "
                     "new version).")
    for applying in found.changes:
        change, release = applying.change, applying.release
        law = f"{change.law} ({change.cite})" if change.law and change.cite else \
            change.law or "Drafting (no change in the law)"
        start = f", in force {long_date(change.in_force)}" if change.in_force else ""
        lines += ["", f"{release.version} ({long_date(release.date)}): {law}{start}",
                  f"  {change.summary.strip()}"]
        for kind in ("requirements", "clauses", "questions"):
            for how, item in applying.items.get(kind, ()):
                lines.append(f"  {kind[:-1]} {how}: {item}{_what(project, kind, item)}")
    if found.questions:
        lines += ["", "Questions to answer or check (`drafter edit`, or the app's "
                  "Updates view):"]
        for key in found.questions:
            lines.append(f"  {key}: {project.questionnaire.entry(key).question.prompt}")
    if found.coming:
        lines += ["", "Coming into force (within 180 days):"]
        for coming in found.coming:
            requirement = coming.requirement
            verb = "since" if coming.day <= found.today else "from"
            lines.append(f"  {verb.capitalize()} {long_date(coming.day)} your policy must "
                         f"also say: {' '.join(requirement.note.split())} "
                         f"({requirement.law}, {requirement.cite})")
    if found.in_force_since_built:
        verdict = ("Out of date: duties listed above started after the policy's effective "
                   "date: give it a later one (policy.effective_date) and rebuild.")
    else:
        verdict = "Out of date: rebuild the policy (drafter build)." if found.out_of_date \
            else "Up to date."
    lines += ["", verdict]
    return lines


def _what(project: Project, kind: str, item: str) -> str:
    """A requirement's note, for the owner: what the policy must now say."""
    entry = project.library.requirements.get(item) if kind == "requirements" else None
    return f" ({' '.join(entry.requirement.note.split())})" if entry is not None else ""
