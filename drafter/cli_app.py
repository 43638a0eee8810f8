"""The owner's app on the command line: `edit` in the terminal (the default command) and
`serve` it to a browser. Textual is imported only when one of them runs."""

from __future__ import annotations

import argparse
import gc
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.cli_args import Commands, answers_path, project_of
from drafter.errors import UserError
from drafter.schema import default_answers

if TYPE_CHECKING:
    from drafter.evidence.model import Evidence


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
        return AppFile(answers_path(args), f"example {name} (read-only: F3 edits a copy)", name)
    path = Path(getattr(args, "file", None) or default_answers(Path(".")))
    if path.is_dir():
        raise UserError("is a folder; give an answers file such as answers.yaml", path=path)
    return AppFile(path, str(path))


def cmd_edit(args: argparse.Namespace) -> int:
    # Start-up builds some 100,000 objects that live as long as the app; collecting them
    # along the way only rescans them (about 0.1 s). The app collects again once its first
    # screen is up (`DrafterApp.on_ready`).
    gc.disable()
    from drafter.app import run

    project = project_of(args, with_library=False)  # loaded once the first screen is up
    if args.library is not None:  # someone's own library: its errors come as one line, now
        _ = project.library
    file = _app_file(args)
    return run(project, file.path, label=file.label, read_only=file.example is not None,
               out_dir=Path(getattr(args, "output", "output")), evidence=_evidence(args, file))


def _evidence(args: argparse.Namespace, file: AppFile) -> Evidence | None:
    """`--evidence FILE`, read now (a bad file is one line here, not an error in the app)."""
    if not getattr(args, "evidence", None):
        return None
    from drafter.evidence.model import load_evidence

    if file.example is not None or not file.path.exists():
        raise UserError("suggestions are for an answers file that exists; answer the "
                        "questionnaire first", field="--evidence")
    return load_evidence(Path(args.evidence))


def cmd_serve(args: argparse.Namespace) -> int:
    from drafter.app.serve import serve

    _ = project_of(args).library  # fail here, in one line, not inside every browser session
    file = _app_file(args)
    return serve(file.path, host=args.host, port=args.port, questionnaire=args.questionnaire,
                 library=args.library, example=file.example,
                 token=os.environ.get("DRAFTER_SERVE_TOKEN") or None)



def _edit_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="answers file to open or create (default: "
                   "answers.yaml, or the one NAME.drafter.yaml here)")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="folder the app exports into (default: output/)")
    p.add_argument("--evidence", metavar="FILE", help="offer the answers a `drafter scan` "
                   "evidence file suggests, one by one, each with what showed it")
    p.set_defaults(run=cmd_edit)


def _serve_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="answers file to open or create (default: "
                   "answers.yaml, or the one NAME.drafter.yaml here)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.set_defaults(run=cmd_serve)


def add_app_parsers(sub: Commands) -> None:
    sub.command("edit", _edit_arguments,
                help="answer the questionnaire in the app (the default command)")
    sub.command("serve", _serve_arguments, help="serve the app to a web browser on this machine",
                description="Prints the address to open, with a token made for this run (set "
                "DRAFTER_SERVE_TOKEN to choose one, 16 characters or more); only that page "
                "may connect.")
