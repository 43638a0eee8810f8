"""The `drafter` command: a thin face over the core (no Textual imported on these paths).

Every error the user can fix prints one line (`file:line: field: message`) and exits 2;
nothing here prints a traceback for bad input. Each command imports the stages it uses, when
it runs: `drafter` alone opens the app, and everything it does not need before its first
screen (the clause library, review, export, python-docx) would only keep the owner waiting.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from pathlib import Path

from drafter import __version__, clock
from drafter.errors import DrafterError, PrintableStream, UserError, json_text, printable
from drafter.cli_review import add_review_parser
from drafter.paths import examples
from drafter.project import Project

EXIT_USAGE = 2


def _project(args: argparse.Namespace) -> Project:
    return Project.load(args.questionnaire, args.library)


def _answers_path(args: argparse.Namespace) -> Path:
    if args.answers is not None:
        return Path(args.answers)
    known = examples()
    name = args.example or "kiosk"
    if name not in known:
        raise UserError(f"no example called {name!r}; examples: {', '.join(known)}",
                        field="--example")
    return known[name]


def cmd_build(args: argparse.Namespace) -> int:
    from drafter.build import build
    from drafter.export import formats
    from drafter.report import report_regeneration
    from drafter.review.report import headline

    project = _project(args)
    answers_path = _answers_path(args)
    result = build(project, project.answers(answers_path), Path(args.output),
                   formats(args.format), force=args.force, clean=args.clean,
                   lay_out=args.page_numbers)
    print(f"Drafted the privacy policy for {result.draft.policy.business_name} "
          f"from {answers_path}:")
    written = list(result.written)
    if args.redline and result.outcome.conflicts:
        print("No redline: resolve the merge conflicts in privacy-policy.md first.")
    elif args.redline:
        from drafter.redline import write_redline

        written.append(write_redline(result.folder, clock.today()))
    for path in written:
        print(f"  {path}")
    if result.draft.notes:
        print(f"{len(result.draft.notes)} reviewer note(s): {headline(result.draft.notes)}.")
    _report_proposals(result.outcome.markdown, result.folder / "review.md")
    ruling = result.ruling
    if ruling is not None and (ruling.resolved or ruling.reopened or ruling.orphans):
        print(f"Counsel's decisions ({ruling.file}): {len(ruling.resolved)} note(s) resolved, "
              f"{len(ruling.reopened)} reopened, {len(ruling.orphans)} with no note now; "
              "see review.md.")
    return report_regeneration(result)


def _report_proposals(markdown: str, where: Path) -> None:
    """Say how many of counsel's tracked changes wait for a decision (`drafter.tracked`)."""
    from drafter.tracked import proposals

    found = proposals(markdown)
    if found:
        print(f"{len(found)} open proposal(s) from counsel's tracked changes, to accept or "
              f"reject (listed in {where}).")


def cmd_absorb(args: argparse.Namespace) -> int:
    from drafter.absorb import absorb
    from drafter.report import EXIT_CONFLICTS, conflict_lines
    from drafter.yamlio import read_text

    from drafter.decisions_word import absorb_decisions

    result = absorb(Path(args.docx), Path(args.output))
    assert result.document is not None  # absorb always hands back the file it read
    decided = absorb_decisions(result.document, result.path.parent)
    if result.changed_blocks == 0:
        print(f"{result.path}: no change from the last build.")
    else:
        where = f" (clauses: {', '.join(result.clauses)})" if result.clauses else ""
        print(f"{result.path}: {result.changed_blocks} block(s) taken from Word{where}.")
    if result.merged:
        print(f"{result.path} was edited since the last build: the Word edits were merged "
              "with those edits" + (", with conflicts:" if result.conflicts else "."))
    for line in conflict_lines(result.path, result.conflicts):
        print(line)
    if result.conflicts:
        print("Resolve each <<<<<<< … >>>>>>> block (keep the Markdown edit, the Word edit or "
              "a mix), then build again.")
    elif result.changed_blocks:
        print("The next `drafter build` merges them with any new draft.")
    if result.backup:
        print(f"Backed up: {result.backup}")
    _report_proposals(read_text(result.path), result.path)
    for line in decided:
        print(line)
    return EXIT_CONFLICTS if result.conflicts else 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from drafter.decisions import add_decisions, decide, find, now, rule_file, standing

    project = _project(args)
    path = _answers_path(args)
    if path.resolve() in {p.resolve() for p in examples().values()}:
        raise UserError("decisions are kept beside the answers: copy the built-in example to "
                        "your own answers file first", path=path)
    if not args.why.strip():
        raise UserError("say why the note is resolved: the record is counsel's", field="--why")
    answers = project.answers(path)
    draft = project.draft(answers)
    ruling = rule_file(draft.notes, draft.policy, answers.resolved(), answers.path)
    item = find(ruling, args.note)
    kept = standing(ruling, item.key)
    if kept is not None:
        print(f"{item.note.id} is already resolved (by {kept.who}); nothing recorded.")
        return 0
    assert ruling.file is not None  # answers from a file
    add_decisions(ruling.file, [decide(item, args.by, args.why, now(), "command")])
    print(f"Resolved {item.note.id} ({item.note.severity}: {item.key}); recorded in "
          f"{ruling.file}. It stays closed until what it is about changes.")
    return 0


def _folder(project: Project, args: argparse.Namespace) -> Path:
    """The build folder for an answers file (named after the business, as `build` does)."""
    from drafter.build import build_folder

    return build_folder(project, project.answers(_answers_path(args)), Path(args.output))


def cmd_diff(args: argparse.Namespace) -> int:
    from drafter.changes import render_report
    from drafter.history import CHANGES_MD, changes_since_published, published_versions

    project = _project(args)
    folder = _folder(project, args)
    if not published_versions(folder):
        print(f"Nothing published yet in {folder}: `drafter publish` keeps the approved "
              f"version; {folder / CHANGES_MD} lists what changed since the last build.")
        return 0
    found = changes_since_published(project.questionnaire, project.library.root, folder)
    if found is None:
        raise UserError("no build here yet: run `drafter build` first", path=folder)
    print(render_report(*found), end="")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from drafter.changes import render_report
    from drafter.export import formats
    from drafter.publish import publish

    project = _project(args)
    on = date.fromisoformat(args.date) if args.date else clock.today()
    result = publish(project, _answers_path(args), Path(args.output), formats(args.format), on)
    if result.redated:
        print(f"The text changed, so {project.library.document.effective_date} is now "
              f"{result.redated.isoformat()} (in {_answers_path(args)}).")
    if result.kept is None:
        print("No change since the last published version: nothing published, date unchanged.")
        return 0
    if result.report:
        print(render_report(*result.report), end="")
    print(f"Published: {result.kept}")
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    project = _project(args)
    found = project.library.lint(project.questionnaire)
    sys.stderr.write("".join(f"{line}\n" for line in found.lines()))
    print(found.summary(project.library, project.questionnaire))
    return 1 if found.problems else 0


def cmd_promises(args: argparse.Namespace) -> int:
    """Print the promises ledger of the draft an answers file makes."""
    from drafter.ledger import ledger
    from drafter.review.report import promises_markdown, promises_text

    project = _project(args)
    answers_path = _answers_path(args)
    answers = project.answers(answers_path)
    promises = ledger(project.assemble(answers), answers, project.library)
    if args.format == "json":
        print(json_text({"file": str(answers_path), "promises": [p.as_json() for p in promises]},
                        indent=2), end="")
    elif args.format == "markdown":
        print("\n".join(promises_markdown(promises)), end="")
    else:
        print(promises_text(promises), end="")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from drafter.answers import answers_model

    questionnaire = Project.load(args.questionnaire, args.library).questionnaire
    schema = answers_model(questionnaire).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, indent=2, default=str))
    return 0


def _answers_source(p: argparse.ArgumentParser) -> None:
    """Which answers a command drafts from: a file, or a built-in example."""
    p.add_argument("answers", nargs="?", help="answers file (default: the kiosk example)")
    p.add_argument("--example", metavar="NAME", help="a built-in example")


def _answers_arguments(p: argparse.ArgumentParser) -> None:
    """Which policy a history command is about: the answers (or example) and output folder."""
    _answers_source(p)
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="the folder the policy is built into (default: output/)")


@dataclass(frozen=True)
class _Names:
    """The names in a table (export formats, report formats) for a help text, looked up only
    when help is shown: argparse fills `%(names)s` from the argument's attributes."""

    module: str
    table: str

    def __str__(self) -> str:
        return ", ".join(getattr(import_module(self.module), self.table))


def _format_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", metavar="LIST",
                   help="comma-separated formats (default: all of %(names)s)"
                   ).names = _Names("drafter.export", "FORMATS")


@dataclass(frozen=True)
class AppFile:
    """The answers file the app opens, how to name it to the owner, and whether it is a
    built-in example (shown read-only: the app offers to edit a copy)."""

    path: Path
    label: str
    example: str | None = None


def _app_file(args: argparse.Namespace) -> AppFile:
    name = getattr(args, "open_example", None)
    if name is not None:
        args.answers, args.example = None, name
        return AppFile(_answers_path(args), f"example {name} (read-only: F3 edits a copy)", name)
    path = Path(getattr(args, "file", None) or "answers.yaml")
    if path.is_dir():
        raise UserError("is a folder; give an answers file such as answers.yaml", path=path)
    return AppFile(path, str(path))


def cmd_edit(args: argparse.Namespace) -> int:
    # Start-up builds some 100,000 objects that live as long as the app; collecting them
    # along the way only rescans them (about 0.1 s). The app collects again once its first
    # screen is up (`DrafterApp.on_ready`).
    gc.disable()
    from drafter.app import run

    project = _project(args)
    if args.library is not None:  # someone's own library: its errors come as one line, now
        _ = project.library
    file = _app_file(args)
    return run(project, file.path, label=file.label, read_only=file.example is not None,
               out_dir=Path(getattr(args, "output", "output")))


def cmd_serve(args: argparse.Namespace) -> int:
    from drafter.app.serve import serve

    _ = _project(args).library  # fail here, in one line, not inside every browser session
    file = _app_file(args)
    return serve(file.path, host=args.host, port=args.port, questionnaire=args.questionnaire,
                 library=args.library, example=file.example,
                 token=os.environ.get("DRAFTER_SERVE_TOKEN") or None)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="drafter",
        description="Draft a privacy policy from a questionnaire, with notes for counsel.",
    )
    top.add_argument("--version", action="version", version=f"drafter {__version__}")
    top.add_argument("--questionnaire", metavar="FILE", type=Path,
                     help="question definitions (default: the built-in privacy-policy.yaml)")
    top.add_argument("--library", metavar="DIR", type=Path,
                     help="clause library folder (default: the built-in clauses/)")
    top.add_argument("--example", dest="open_example", metavar="NAME",
                     help="open a built-in example in the app, read-only (F3 edits a copy): "
                          f"{', '.join(examples())}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", help="draft the policy from an answers file")
    p.add_argument("answers", nargs="?", help="answers file (default: the kiosk example)")
    p.add_argument("--example", metavar="NAME",
                   help=f"build a built-in example: {', '.join(examples())}")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="folder to write into (default: output/)")
    _format_argument(p)
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
    p.set_defaults(run=cmd_build)

    add_review_parser(sub, _Names("drafter.review.outputs", "FORMATS"))

    p = sub.add_parser("promises", help="list every promise the policy makes and the answers "
                       "behind it (the ledger for counsel)")
    _answers_source(p)
    p.add_argument("--format", default="text", choices=("text", "markdown", "json"),
                   help="text, markdown (as in review.md) or json (as in the review's "
                   "`promises` key); default: text")
    p.set_defaults(run=cmd_promises)

    p = sub.add_parser("absorb", help="take counsel's edited Word file back into the Markdown")
    p.add_argument("docx", metavar="EDITED.docx", help="the DOCX counsel edited")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="the folder the policy was built into (default: output/)")
    p.set_defaults(run=cmd_absorb)

    p = sub.add_parser("resolve", help="record counsel's decision to resolve a reviewer note",
                       description="Records who resolved the note, when and why, beside the "
                       "answers (ANSWERS → ANSWERS-stem.decisions.yaml). The note stays out of "
                       "review.md's open notes and the Word comments until what it is about "
                       "(its clause, its words or the answer it rests on) changes; then it "
                       "comes back, marked Reopened. Blocking notes may be resolved too: the "
                       "decision is counsel's, and review.md lists it under its own heading.")
    p.add_argument("note", metavar="NOTE", help="the note's number in review.md (R3) or its key")
    _answers_source(p)
    p.add_argument("--by", required=True, metavar="NAME", help="who decided (counsel's name)")
    p.add_argument("--why", required=True, metavar="REASON", help="why the note is resolved")
    p.set_defaults(run=cmd_resolve)

    p = sub.add_parser("diff", help="what changed since the last published version")
    _answers_arguments(p)
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser("publish", help="build and keep this version under history/")
    _answers_arguments(p)
    _format_argument(p)
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="effective date for a changed text (default: today)")
    p.set_defaults(run=cmd_publish)
    p = sub.add_parser("edit", help="answer the questionnaire in the app (the default command)")
    p.add_argument("file", nargs="?", default="answers.yaml",
                   help="answers file to open or create (default: answers.yaml)")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="folder the app exports into (default: output/)")
    p.set_defaults(run=cmd_edit)

    p = sub.add_parser("serve", help="serve the app to a web browser on this machine",
                       description="Prints the address to open, with a token made for this "
                       "run (set DRAFTER_SERVE_TOKEN to choose one, 16 characters or more); "
                       "only that page may connect.")
    p.add_argument("file", nargs="?", default="answers.yaml",
                   help="answers file to open or create (default: answers.yaml)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.set_defaults(run=cmd_serve)

    sub.add_parser("lint", help="check the clause library, its modules and checks against "
                   "the questionnaire").set_defaults(run=cmd_lint)

    p = sub.add_parser("schema", help="print a JSON Schema for answers files")
    p.set_defaults(run=cmd_schema)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Everything it prints passes through `printable`, so no answer or file
    name reaches the terminal as a control sequence (not the app's own screen, though)."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(sys.stdout), PrintableStream(sys.stderr)  # type: ignore[assignment]
    thresholds = gc.get_threshold()
    try:
        args = parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = getattr(args, "run", cmd_edit)
        if run in (cmd_edit, cmd_serve):  # the terminal app and the server draw with escapes
            sys.stdout, sys.stderr = streams
        else:
            _one_shot_collector()
        return _run(run, args)
    finally:
        if gc.get_freeze_count():  # called in-process (tests): collect as before
            gc.unfreeze()
        gc.set_threshold(*thresholds)
        sys.stdout, sys.stderr = streams


def _one_shot_collector() -> None:
    """A command that runs once and exits builds its objects (modules, the library, one
    policy's tokens) to keep them to the end: the collector's passes over them were a tenth
    of a build's CPU and freed next to nothing. Leave what exists now out of every pass and
    collect the youngest objects every 50,000 allocations, not 700, so that a long batch
    still frees its cycles."""
    gc.freeze()
    gc.set_threshold(50_000, *gc.get_threshold()[1:])


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
