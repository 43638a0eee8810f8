"""What the `drafter` commands share: the project, which answers a command reads, and the
arguments that say so (imported by `drafter.cli` and each `cli_*` module)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from drafter.errors import UserError
from drafter.paths import examples
from drafter.project import Project


def project_of(args: argparse.Namespace, with_library: bool = True) -> Project:
    """The project a command works on, with its library at once (from the cache, with the
    questionnaire), unless the command is the app, which shows its first question first."""
    return Project.load(args.questionnaire, args.library, with_library=with_library)


def answers_path(args: argparse.Namespace) -> Path:
    if args.answers is not None:
        return Path(args.answers)
    known = examples()
    name = args.example or "kiosk"
    if name not in known:
        raise UserError(f"no example called {name!r}; examples: {', '.join(known)}",
                        field="--example")
    return known[name]


def answers_source(p: argparse.ArgumentParser) -> None:
    """Which answers a command drafts from: a file, or a built-in example."""
    p.add_argument("answers", nargs="?", help="answers file (default: the kiosk example)")
    p.add_argument("--example", metavar="NAME", help="a built-in example")


def answers_arguments(p: argparse.ArgumentParser) -> None:
    """Which policy a history command is about: the answers (or example) and output folder."""
    answers_source(p)
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="the folder the policy is built into (default: output/)")


class Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The subcommands (`add_subparsers(action=Commands)`), each one's parser made only when
    it is chosen: making all of them at every start (an ArgumentParser asks gettext for its
    headings, which searches the locale folders, and every argument sizes the terminal) was
    some 18M instructions of a build, for the one parser it used. `drafter --help` lists every
    command from its `help`, and a mistyped one is told the choices, as before."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.deferred: dict[str, tuple[Callable[[argparse.ArgumentParser], None],
                                       dict[str, object]]] = {}

    def command(self, name: str, arguments: Callable[[argparse.ArgumentParser], None],
                **kwargs: object) -> None:
        """Command `name`, whose parser (`kwargs` as for `add_parser`: help, description) is
        given its arguments by `arguments(parser)` once the command is chosen."""
        if "help" in kwargs:
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), kwargs.pop("help")))
        self.deferred[name] = (arguments, kwargs)
        self._name_parser_map[name] = None  # a choice already; made by `parser_of`

    def parser_of(self, name: str) -> argparse.ArgumentParser:
        """The parser of command `name`, made now if it was not yet."""
        if name in self.deferred:
            arguments, kwargs = self.deferred.pop(name)
            del self._name_parser_map[name]
            arguments(self.add_parser(name, **kwargs))  # type: ignore[arg-type]
        return self._name_parser_map[name]  # type: ignore[no-any-return]

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        if isinstance(values, list) and values and values[0] in self.deferred:
            self.parser_of(values[0])
        super().__call__(parser, namespace, values, option_string)


@dataclass(frozen=True)
class Names:
    """The names in a table (export formats, report formats) for a help text, looked up only
    when help is shown: argparse fills `%(names)s` from the argument's attributes."""

    module: str
    table: str

    def __str__(self) -> str:
        return ", ".join(getattr(import_module(self.module), self.table))


def format_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", metavar="LIST",
                   help="comma-separated formats (default: all of %(names)s)"
                   ).names = Names("drafter.export", "FORMATS")


def report_proposals(markdown: str, where: Path, clean: bool = False) -> None:
    """Say how many of counsel's tracked changes wait for a decision (`drafter.tracked`), and
    that a `clean` copy leaves them out: never silently."""
    from drafter.tracked import proposals

    found = proposals(markdown)
    if found:
        print(f"{len(found)} open proposal(s) from counsel's tracked changes, to accept or "
              f"reject (listed in {where}).")
    if found and clean:
        print("The clean copy leaves them out: it reads as agreed so far, without the words "
              "proposed. `drafter publish` refuses until each is decided.")
