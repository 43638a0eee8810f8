"""The `drafter` command: a thin face over the core (no Textual imported on these paths).

Every error the user can fix prints one line (`file:line: field: message`) and exits 2;
nothing here prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from drafter import __version__
from drafter.build import Project, build
from drafter.errors import DrafterError, UserError
from drafter.export import FORMATS, formats
from drafter.answers import answers_model
from drafter.paths import default_questionnaire, examples
from drafter.questionnaire import load_questionnaire

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
    project = _project(args)
    answers_path = _answers_path(args)
    result = build(project, project.answers(answers_path), Path(args.output),
                   formats(args.format))
    blocking = sum(1 for n in result.draft.notes if n.severity == "blocking")
    print(f"Drafted the privacy policy for {result.draft.policy.business_name} "
          f"from {answers_path}:")
    for path in result.written:
        print(f"  {path}")
    if result.draft.notes:
        print(f"{len(result.draft.notes)} reviewer note(s), {blocking} blocking.")
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    project = Project.open(args.questionnaire, args.library)
    problems = project.lint()
    for problem in problems:
        print(problem, file=sys.stderr)
    verdict = "no problems" if not problems else f"{len(problems)} problem(s)"
    print(f"{len(project.library.clauses)} clauses, {len(project.library.requirements)} "
          f"requirements, {len(project.questionnaire.entries)} questions: {verdict}.")
    return 1 if problems else 0


def cmd_schema(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire or default_questionnaire())
    schema = answers_model(questionnaire).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, indent=2, default=str))
    return 0


def _app_file(args: argparse.Namespace) -> tuple[Path, str]:
    """The answers file the app opens, and how to name it to the owner."""
    name = getattr(args, "open_example", None)
    if name is not None:
        from drafter.app.session import example_copy

        args.answers, args.example = None, name
        return example_copy(_answers_path(args)), f"example {name} (a copy: yours to change)"
    path = Path(getattr(args, "file", None) or "answers.yaml")
    if path.is_dir():
        raise UserError("is a folder; give an answers file such as answers.yaml", path=path)
    return path, str(path)


def cmd_edit(args: argparse.Namespace) -> int:
    from drafter.app import run

    project = _project(args)
    path, label = _app_file(args)
    return run(project, path, label=label, out_dir=Path(getattr(args, "output", "output")))


def cmd_serve(args: argparse.Namespace) -> int:
    from drafter.app.serve import serve

    _project(args)  # fail here, in one line, rather than inside every browser session
    path, _ = _app_file(args)
    return serve(path, host=args.host, port=args.port, questionnaire=args.questionnaire,
                 library=args.library)


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
                     help=f"open a copy of a built-in example in the app: {', '.join(examples())}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", help="draft the policy from an answers file")
    p.add_argument("answers", nargs="?", help="answers file (default: the kiosk example)")
    p.add_argument("--example", metavar="NAME",
                   help=f"build a built-in example: {', '.join(examples())}")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="folder to write into (default: output/)")
    p.add_argument("--format", default=",".join(FORMATS), metavar="LIST",
                   help=f"comma-separated formats (default: {','.join(FORMATS)})")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("edit", help="answer the questionnaire in the app (the default command)")
    p.add_argument("file", nargs="?", default="answers.yaml",
                   help="answers file to open or create (default: answers.yaml)")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="folder the app exports into (default: output/)")
    p.set_defaults(run=cmd_edit)

    p = sub.add_parser("serve", help="serve the app to a web browser on this machine")
    p.add_argument("file", nargs="?", default="answers.yaml",
                   help="answers file to open or create (default: answers.yaml)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("lint", help="check the clause library against the questionnaire")
    p.set_defaults(run=cmd_lint)

    p = sub.add_parser("schema", help="print a JSON Schema for answers files")
    p.set_defaults(run=cmd_schema)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = getattr(args, "run", cmd_edit)
    try:
        return run(args)
    except UserError as exc:
        print(f"drafter: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DrafterError as exc:
        print(f"drafter: internal error (please report): {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
