"""`drafter`'s argument parser makes only the chosen command's parser (drafter.cli_args.Commands):
making all thirteen, with their arguments, was some 18M instructions of every start. The help
still lists every command, and every command's parser still parses."""

from __future__ import annotations

import argparse

import pytest

from drafter.cli import cmd_build, parser
from drafter.cli_args import Commands


def _commands(top: argparse.ArgumentParser) -> Commands:
    (found,) = (a for a in top._actions if isinstance(a, Commands))
    return found


def test_a_command_makes_its_own_parser_and_no_other(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str | None] = []
    init = argparse.ArgumentParser.__init__

    def counting(self: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        made.append(kwargs.get("prog"))  # type: ignore[arg-type]
        init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(argparse.ArgumentParser, "__init__", counting)
    args = parser().parse_args(["--library", "clauses", "build", "--example", "kiosk",
                                "--format", "md"])
    assert made == ["drafter", "drafter build"]
    assert (args.run, args.example, args.format) == (cmd_build, "kiosk", "md")
    assert str(args.library) == "clauses"
    made.clear()
    assert parser().parse_args([]).command is None and made == ["drafter"]  # the app


def test_the_help_lists_every_command_and_each_parses(capsys: pytest.CaptureFixture[str]) -> None:
    top = parser()
    commands = _commands(top)
    names = list(commands.choices)
    assert len(names) == 13 and names[:2] == ["build", "review"]
    listed = top.format_help()
    for action in commands._get_subactions():
        assert f"    {action.dest}" in listed and action.help and action.help[:30] in listed
    assert [a.dest for a in commands._get_subactions()] == names
    for name in names:
        made = commands.parser_of(name)
        assert made.prog == f"drafter {name}" and callable(made.get_default("run"))
        assert commands.parser_of(name) is made  # made once
    with pytest.raises(SystemExit):
        parser().parse_args(["bogus"])
    assert "invalid choice: 'bogus' (choose from 'build', 'review'," in capsys.readouterr().err
