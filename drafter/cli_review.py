"""`drafter review FILE|FOLDER …`: review any policies, for counsel or as a CI gate.

Exit status: 0 nothing fails, 1 something fails (`--fail-on blocking`, the default: a blocking
note or an open question for counsel; `--fail-on warning`: a warning too), 2 bad input (a file
that cannot be read, a bad option, baseline or ignore comment: one line each on stderr), 3 an
internal error. Imports the review stages only when the command runs (see `drafter.cli`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import replace
from functools import partial
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import UserError
from drafter.project import Project

if TYPE_CHECKING:
    from drafter.review.batch import FileReview
    from drafter.document.model import Note

FAIL_ON = ("blocking", "warning")
INTERNAL = "internal error (please report; DRAFTER_DEBUG=1 shows details)"


def _review_arguments(p: argparse.ArgumentParser, format_names: object) -> None:
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="policies to review, or folders to review every policy in")
    p.add_argument("--answers", metavar="FILE",
                   help="answers describing the business: also run the checks on answers")
    p.add_argument("--evidence", metavar="FILE",
                   help="with --answers: also note where what `drafter scan` saw (this "
                   "evidence file) contradicts the answers")
    p.add_argument("--laws", metavar="LIST",
                   help="comma-separated laws whose required items to look for "
                   "(default: caloppa,general)")
    p.add_argument("--facts", metavar="LIST",
                   help="without --answers, comma-separated facts about the business that "
                   "decide which requirements apply: sells-data, children, eu, uk, california, "
                   "email-marketing (see clauses/review-checks.yaml)")
    p.add_argument("--format", default="text", metavar="FORMAT",
                   help="%(names)s (default: text; json, jsonl, sarif or github for CI)"
                   ).names = format_names
    p.add_argument("--fail-on", default="blocking", metavar="LEVEL",
                   help="exit 1 on blocking notes and questions for counsel (blocking, the "
                   "default) or on warnings too (warning)")
    p.add_argument("--baseline", metavar="FILE",
                   help="leave out the notes this baseline file accepts")
    p.add_argument("--write-baseline", metavar="FILE",
                   help="write every note of this run to FILE as accepted")
    p.add_argument("--jobs", metavar="N",
                   help="worker processes for many files (default: one per core)")
    p.add_argument("--today", metavar="DATE", help=argparse.SUPPRESS)
    p.set_defaults(run=cmd_review)


def add_review_parser(sub: Any, format_names: object) -> None:
    """The `review` subcommand; `format_names` lists the formats in the help, when shown."""
    sub.command("review", partial(_review_arguments, format_names=format_names),
                help="reviewer notes on any policies (.md, .txt, .html, .docx) or folders",
                description="Exit status: 0 nothing fails, 1 a note fails (see --fail-on), "
                "2 bad input.")


def _options(args: argparse.Namespace) -> tuple[list[str] | None, date | None, int | None]:
    from drafter.review.outputs import FORMATS

    if args.format not in FORMATS:
        raise UserError(f"unknown format {args.format!r}; choose from {', '.join(FORMATS)}",
                        field="--format")
    if args.fail_on not in FAIL_ON:
        raise UserError(f"expected {' or '.join(FAIL_ON)}, got {args.fail_on!r}",
                        field="--fail-on")
    if args.jobs is not None and not re.fullmatch(r"[1-9][0-9]{0,3}", args.jobs):
        raise UserError(f"expected a number of processes such as 4, got {args.jobs!r}",
                        field="--jobs")
    laws = [n for n in args.laws.split(",") if n.strip()] if args.laws is not None else None
    try:
        today = date.fromisoformat(args.today) if args.today else None
    except ValueError:
        raise UserError(f"expected a date such as 2026-11-22, got {args.today!r}",
                        field="--today") from None
    return laws, today, int(args.jobs) if args.jobs else None


def fails(notes: tuple[Note, ...], fail_on: str) -> bool:
    from drafter.document.model import needs_decision

    return needs_decision(notes) or (fail_on == "warning"
                                     and any(n.severity == "warning" for n in notes))


def _write_baseline(path: Path, results: list[FileReview]) -> None:
    from drafter.review.baseline import baseline_json

    text = baseline_json((f.name, f.notes) for f in results if f.error is None)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write: {exc.strerror or exc}", path=path) from None
    count = sum(len(f.notes) for f in results)
    print(f"drafter: {path}: {count} note(s) accepted", file=sys.stderr)


def _apply_baseline(results: list[FileReview], accepted: Counter[Any]) -> list[FileReview]:
    from drafter.review.baseline import apply_baseline
    from drafter.review.batch import renumber

    out = []
    for result in results:
        kept, count = apply_baseline(result.name, result.notes, accepted)
        out.append(replace(result, notes=tuple(renumber(kept)), baselined=count)
                   if count else result)
    return out


def cmd_review(args: argparse.Namespace) -> int:
    """Review every policy named; see the module's docstring for the exit status."""
    from drafter.review import scope
    from drafter.review.baseline import key, read_baseline
    from drafter.review.batch import Run, Setup, policy_files, renumber, review_files
    from drafter.review.ignore import known_checks
    from drafter.review.outputs import FORMATS

    laws, today, jobs = _options(args)
    project = Project.load(args.questionnaire, args.library, with_library=True)
    library = project.library
    answers = project.answers(Path(args.answers)) if args.answers else None
    facts = tuple(n.strip() for n in (args.facts or "").split(",") if n.strip())
    scope(laws, facts, answers, library)  # a bad --laws or --facts is one error, not one a file
    accepted = read_baseline(Path(args.baseline)) if args.baseline else Counter()
    evidence = _evidence_notes(Path(args.evidence), answers, library) if args.evidence else []
    setup = Setup(library, tuple(laws) if laws is not None else None, today,
                  known_checks(library.review_rules, library.requirements), answers, facts)
    many = len(args.files) > 1 or any(Path(f).is_dir() for f in args.files)
    results = [_with_proposals(f) for f in review_files(setup, policy_files(args.files), jobs)]
    if evidence:
        results = [replace(r, notes=tuple(renumber((*r.notes, *evidence))))
                   if r.error is None else r for r in results]
    if args.write_baseline:
        _write_baseline(Path(args.write_baseline), results)
        accepted = Counter(key(f.name, n) for f in results for n in f.notes)
    results = _apply_baseline(results, accepted)
    for failed in (f for f in results if f.error is not None):
        label = f"{INTERNAL}: " if failed.internal else ""
        print(f"drafter: error: {label}{failed.error}", file=sys.stderr)
    run = Run(results, many, project.questionnaire, _promises(project, answers))
    if run.reviewed or many:
        print(FORMATS[args.format](run), end="")
    if answers is None:
        for name, path in zip((r.name for r in results), policy_files(args.files)):
            _say_carried(name, path)
    if any(f.internal for f in results):
        return 3
    if len(run.reviewed) < len(results):
        return 2
    return 1 if any(fails(f.notes, args.fail_on) for f in results) else 0


def _say_carried(name: str, path: Path) -> None:
    """Without answers a review reads only the text: notes a build made from the answers
    (the reviewer notes an exported Markdown draft carries) are not checked again, so it
    says so rather than let "0 blocking" read as "nothing to settle" (trial 22)."""
    from drafter.document.markdown import NOTES_MARK
    from drafter.review.report import NOTE_ITEM_START

    try:
        text = path.read_text(encoding="utf-8") if path.suffix.lower() == ".md" else ""
    except (OSError, UnicodeDecodeError):
        return
    found = NOTE_ITEM_START.findall(text[text.find(NOTES_MARK):]) if NOTES_MARK in text else []
    if not found:
        return
    kinds = Counter(kind for _, kind in found)
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(f"{name}: this review read the text only; the {len(found)} reviewer note(s) the "
          f"file carries from its build ({found[0][0]}-{found[-1][0]}: {counts}) rest on "
          "answers and were not checked again: pass --answers FILE to check them",
          file=sys.stderr)


def _with_proposals(reviewed: FileReview) -> FileReview:
    """A policy's open proposals join its notes as open items: CriticMarkup in Markdown, or
    pending tracked changes in Word (`drafter.tracked`, `drafter.absorb_tracked`)."""
    suffix = Path(reviewed.name).suffix.lower()
    if reviewed.error is not None or suffix not in (".md", ".docx"):
        return reviewed
    from drafter.tracked import proposal_notes, word_proposals
    from drafter.yamlio import read_text

    path = Path(reviewed.name)
    found = proposal_notes(read_text(path), len(reviewed.notes) + 1) if suffix == ".md" \
        else word_proposals(path, len(reviewed.notes) + 1)
    return replace(reviewed, notes=reviewed.notes + tuple(found)) if found else reviewed


def _evidence_notes(path: Path, answers: Any, library: Any) -> list[Note]:
    """The notes where the evidence contradicts the answers each reviewed policy was written
    from (`drafter.evidence.notes`; they need the answers)."""
    if answers is None:
        raise UserError("--evidence needs --answers: the evidence is checked against the "
                        "answers the policy rests on", field="--evidence")
    from drafter.evidence.model import load_evidence
    from drafter.evidence.notes import evidence_notes

    return evidence_notes(load_evidence(path), answers, library)


def _promises(project: Project, answers: Any) -> Any:
    """The promises of the draft the answers make (None without answers)."""
    if answers is None:
        return None
    from drafter.ledger import ledger

    return ledger(project.assemble(answers), answers, project.library)
