"""`drafter scan URL | --har FILE | --repo DIR`: what a site or app really does, as evidence.

Writes the evidence file (`--out`, default evidence.json) and prints a summary. With
`--answers FILE`, lists the answer changes the evidence suggests; they are written only with
`--apply`, which asks first (or `--yes`, for scripts that have read the list).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from drafter.cli_args import Commands, project_of
from drafter.errors import UserError


def _scan_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("url", nargs="?", help="the site's address (visited in headless Chromium)")
    p.add_argument("--har", metavar="FILE", help="read a HAR recorded in a browser instead")
    p.add_argument("--repo", metavar="DIR",
                   help="read an app's dependency manifests instead (npm, Python, Gradle, "
                   "CocoaPods, Swift Package Manager, pubspec)")
    p.add_argument("--pages", type=int, default=10, metavar="N",
                   help="visit at most N pages of the site (default: 10)")
    p.add_argument("--time-limit", type=float, default=120.0, metavar="SECONDS",
                   help="stop visiting pages after this many seconds (default: 120)")
    p.add_argument("--out", default="evidence.json", metavar="FILE",
                   help="where to write the evidence (default: evidence.json)")
    p.add_argument("--answers", metavar="FILE",
                   help="list the answer changes the evidence suggests for this answers file")
    p.add_argument("--apply", action="store_true",
                   help="with --answers: write the suggested changes, after asking")
    p.add_argument("--yes", action="store_true", help="with --apply: do not ask")
    p.set_defaults(run=cmd_scan)


def add_scan_parser(sub: Commands) -> None:
    sub.command("scan", _scan_arguments, help="record what a website or app really does "
                "(trackers, cookies, forms, SDKs) as evidence for the answers and the review")


def evidence_argument(p: argparse.ArgumentParser) -> None:
    """`drafter build --evidence FILE`: the notes where a scan contradicts the answers."""
    p.add_argument("--evidence", metavar="FILE",
                   help="also note where what `drafter scan` saw (this evidence file) "
                   "contradicts the answers")


def evidence_notes_of(args: argparse.Namespace, project: Any, answers: Any) -> tuple[Any, ...]:
    """The notes of `--evidence`, if given (see `drafter.evidence.notes`)."""
    if not getattr(args, "evidence", None):
        return ()
    from drafter.evidence.model import load_evidence
    from drafter.evidence.notes import evidence_notes

    return tuple(evidence_notes(load_evidence(Path(args.evidence)), answers, project.library))


def _source(args: argparse.Namespace) -> tuple[str, str]:
    given = [(k, v) for k, v in (("url", args.url), ("har", args.har), ("repo", args.repo))
             if v]
    if len(given) != 1:
        raise UserError("give one of a URL, --har FILE or --repo DIR", field="scan")
    if args.pages < 1:
        raise UserError(f"expected at least 1, got {args.pages}", field="--pages")
    if args.time_limit <= 0:
        raise UserError(f"expected a number of seconds, got {args.time_limit}",
                        field="--time-limit")
    if args.yes and not args.apply or args.apply and not args.answers:
        raise UserError("--apply needs --answers, and --yes needs --apply", field="--apply")
    return given[0]


def cmd_scan(args: argparse.Namespace) -> int:
    from drafter.evidence.catalog import catalog
    from drafter.evidence.summary import summary

    kind, where = _source(args)
    project = project_of(args)
    known = catalog(project.library.data)
    if kind == "har":
        from drafter.evidence.har import scan_har

        evidence = scan_har(Path(where), known)
    elif kind == "repo":
        from drafter.evidence.repo import scan_repo

        evidence = scan_repo(Path(where), known)
    else:
        from drafter.evidence.browser import scan_site

        evidence = scan_site(where, known, pages=args.pages, time_limit=args.time_limit,
                             progress=lambda line: print(line, file=sys.stderr, flush=True))
    out = Path(args.out)
    evidence.save(out)
    print(summary(evidence, known), end="")
    print(f"Evidence written to {out}.")
    if args.answers:
        from drafter.evidence.suggest import offer

        return offer(project, evidence, known, Path(args.answers), apply=args.apply,
                     ask=not args.yes)
    return 0
