"""The `drafter` command: a thin face over the core (no Textual imported on these paths).

Every error the user can fix prints one line (`file:line: field: message`) and exits 2;
nothing here prints a traceback for bad input. Each command imports the stages it uses, when
it runs: `drafter` alone opens the app, and everything it does not need before its first
screen (the clause library, review, export, python-docx) would only keep the owner waiting.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from drafter import collector
from drafter import __version__
from drafter.errors import DrafterError, PrintableStream, UserError, json_text, printable
from drafter.cli_app import add_app_parsers, cmd_edit, cmd_serve
from drafter.cli_args import Commands, Names, answers_path, answers_source, format_argument, project_of, \
    report_proposals
from drafter.cli_counsel import add_counsel_parsers
from drafter.cli_outdated import add_outdated_parser
from drafter.cli_review import add_review_parser
from drafter.cli_scan import add_scan_parser, evidence_argument, evidence_notes_of
from drafter.paths import examples
from drafter.project import Project

EXIT_USAGE = 2


def cmd_build(args: argparse.Namespace) -> int:
    from drafter.build_all import build_all
    from drafter.export import formats
    from drafter.i18n.build import parse_langs
    from drafter.report import report_languages, report_regeneration
    from drafter.review.report import headline

    project = project_of(args)
    source = answers_path(args)
    answers = project.answers(source)
    built = build_all(project, answers, Path(args.output), formats(args.format),
                      parse_langs(args.lang), redline=args.redline, force=args.force,
                      clean=args.clean, lay_out=args.page_numbers,
                      extra_notes=evidence_notes_of(args, project, answers))
    result = built.result
    print(f"Drafted the privacy policy for {result.draft.policy.business_name} "
          f"from {source}:")
    for path in built.written:
        print(f"  {path}")
    for line in built.skipped:
        print(line)
    if result.draft.notes:
        print(f"{len(result.draft.notes)} reviewer note(s): {headline(result.draft.notes)}.")
    report_proposals(result.outcome.markdown, result.folder / "review.md", args.clean)
    ruling = result.ruling
    if ruling is not None and (ruling.resolved or ruling.reopened or ruling.orphans):
        print(f"Counsel's decisions ({ruling.file}): {len(ruling.resolved)} note(s) resolved, "
              f"{len(ruling.reopened)} reopened, {len(ruling.orphans)} with no note now; "
              "see review.md.")
    return max(report_regeneration(result), report_languages(result.folder,
                                                             built.languages.outcomes))


def cmd_lint(args: argparse.Namespace) -> int:
    project = project_of(args)
    found = project.library.lint(project.questionnaire)
    sys.stderr.write("".join(f"{line}\n" for line in found.lines()))
    print(found.summary(project.library, project.questionnaire))
    return 1 if found.problems else 0


def cmd_promises(args: argparse.Namespace) -> int:
    """Print the promises ledger of the draft an answers file makes."""
    from drafter.ledger import ledger
    from drafter.review.report import promises_markdown, promises_text

    project = project_of(args)
    source = answers_path(args)
    answers = project.answers(source)
    promises = ledger(project.assemble(answers), answers, project.library)
    if args.format == "json":
        print(json_text({"file": str(source), "promises": [p.as_json() for p in promises]},
                        indent=2), end="")
    elif args.format == "markdown":
        print("\n".join(promises_markdown(promises)), end="")
    else:
        print(promises_text(promises), end="")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from drafter.schema import SCHEMA_NAME, schema_text, write_schema

    questionnaire = Project.load(args.questionnaire, args.library).questionnaire
    if args.output is None:
        print(schema_text(questionnaire))
        return 0
    target = Path(args.output)
    target = target / SCHEMA_NAME if target.is_dir() else target
    write_schema(target, questionnaire)
    print(f"Wrote {target}. An answers file beside it is checked as you type in an editor "
          f"with the YAML language server when its first line is:\n"
          f"# yaml-language-server: $schema={target.name}")
    return 0


class _Version(argparse.Action):
    """`drafter --version`: the program's version and the clause library's (the one
    `--library` names when it comes first, else the built-in one), read only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from drafter.paths import default_library
        from drafter.release import library_release

        root = namespace.library or default_library()
        release = library_release(root)
        print(f"drafter {__version__}, library {release or 'unversioned'}"
              + ("" if namespace.library is None else f" ({root})"))
        parser.exit()


def _build_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("answers", nargs="?", help="answers file (default: the kiosk example)")
    p.add_argument("--example", metavar="NAME",
                   help=f"build a built-in example: {', '.join(examples())}")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="folder to write into (default: output/)")
    format_argument(p)
    p.add_argument("--lang", metavar="LANGS", help="languages to write, e.g. en,es,fr-CA "
                   "(default: those the answers serve people in that the library offers)")
    p.add_argument("--clean", action="store_true",
                   help="leave reviewer markers and notes out (the publishable copy)")
    p.add_argument("--redline", action="store_true",
                   help="also write privacy-policy.redline.docx: the changes since the last "
                        "published version as tracked changes (author Drafter)")
    p.add_argument("--force", action="store_true",
                   help="regenerate from scratch, backing up an edited privacy-policy.md "
                        "instead of merging it")
    p.add_argument("--page-numbers", action="store_true",
                   help="give the Word file's contents page numbers, laying it out with "
                        "LibreOffice (needs soffice and pdftotext)")
    evidence_argument(p)
    p.set_defaults(run=cmd_build)


def _promises_arguments(p: argparse.ArgumentParser) -> None:
    answers_source(p)
    p.add_argument("--format", default="text", choices=("text", "markdown", "json"),
                   help="text, markdown (as in review.md) or json (as in the review's "
                   "`promises` key); default: text")
    p.set_defaults(run=cmd_promises)


def _schema_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write it to FILE (a folder: FILE/drafter.schema.json, the name new "
                   "answers files point at)")
    p.set_defaults(run=cmd_schema)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="drafter",
        description="Draft a privacy policy from a questionnaire, with notes for counsel.",
    )
    top.add_argument("--version", action=_Version, nargs=0,
                     help="show the program's and the clause library's versions and exit")
    top.add_argument("--questionnaire", metavar="FILE", type=Path,
                     help="question definitions (default: the built-in privacy-policy.yaml)")
    top.add_argument("--library", metavar="DIR", type=Path,
                     help="clause library folder (default: the built-in clauses/)")
    top.add_argument("--example", dest="open_example", metavar="NAME",
                     help="open a built-in example in the app, read-only (F3 edits a copy): "
                          f"{', '.join(examples())}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", action=Commands)
    sub.command("build", _build_arguments, help="draft the policy from an answers file")
    add_review_parser(sub, Names("drafter.review.outputs", "FORMATS"))
    sub.command("promises", _promises_arguments, help="list every promise the policy makes "
                "and the answers behind it (the ledger for counsel)")
    add_counsel_parsers(sub)
    add_app_parsers(sub)
    add_outdated_parser(sub)
    add_scan_parser(sub)
    sub.command("lint", lambda p: p.set_defaults(run=cmd_lint), help="check the clause "
                "library, its modules and checks against the questionnaire")
    sub.command("schema", _schema_arguments,
                help="print (or write) a JSON Schema for answers files")
    return top


def main(argv: Sequence[str] | None = None, *, last: bool = False) -> int:
    """Run one command. Everything it prints passes through `printable`, so no answer or file
    name reaches the terminal as a control sequence (not the app's own screen, though).

    `last`: the process ends when this returns (`drafter` itself), so the collector is left as
    the command set it: dropping the threshold back would make the next allocation walk every
    object the command made (a build's 40,000) only to exit."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(sys.stdout), PrintableStream(sys.stderr)  # type: ignore[assignment]
    thresholds = gc.get_threshold()
    # Objects frozen before (an app run in the same process freezes its own) stay frozen; only
    # what this command froze is let go again when it is called in-process (tests).
    frozen_before = collector.frozen()  # not gc.get_freeze_count(): it counts one by one
    try:
        args = parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = getattr(args, "run", cmd_edit)
        if run in (cmd_edit, cmd_serve):  # the terminal app and the server draw with escapes
            sys.stdout, sys.stderr = streams
        else:
            _one_shot_collector(freeze=not frozen_before)
        return _run(run, args)
    finally:
        if not last:
            if collector.frozen() and not frozen_before:
                collector.unfreeze()
            gc.set_threshold(*thresholds)
        sys.stdout, sys.stderr = streams


def _one_shot_collector(*, freeze: bool = True) -> None:
    """A command that runs once and exits builds its objects (modules, the library, one
    policy's tokens) to keep them to the end: the collector's passes over them were a tenth
    of a build's CPU and freed next to nothing. Leave what exists now out of every pass and
    collect the youngest objects every 100,000 allocations, not 700, so that a long batch
    still frees its cycles (a build makes some 55,000: it runs no pass at all)."""
    if freeze:
        collector.freeze()
    gc.set_threshold(100_000, *gc.get_threshold()[1:])


def _run(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return run(args)
    except UserError as exc:
        print(f"drafter: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `drafter schema | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error at exit
        return 141
    except Exception as exc:  # last resort: one line, never a traceback for the user
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        kind = "" if isinstance(exc, DrafterError) else f"{type(exc).__name__}: "
        print(f"drafter: internal error (please report; DRAFTER_DEBUG=1 shows details): "
              f"{printable(kind + str(exc))[:500]}", file=sys.stderr)
        return 3
