"""A one-shot command spaces out the garbage collector's passes (cli._one_shot_collector) and
leaves the collector as it found it, for callers that run commands in-process."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from drafter.cli import main


def test_a_command_run_in_process_leaves_the_collector_as_it_was(
        capsys: pytest.CaptureFixture[str]) -> None:
    before = gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()
    assert main(["schema"]) == 0
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before
    assert "properties" in capsys.readouterr().out


def test_the_installed_command_and_python_m_drafter_run_the_same_way() -> None:
    program = ("import gc, drafter.cli as cli; seen = []\n"
               "cli._run = lambda run, args: seen.append(gc.get_threshold()[0]) or 0\n"
               "from drafter.__main__ import run; run(); print(seen, gc.get_threshold()[0])")
    result = subprocess.run([sys.executable, "-c", program, "schema"], capture_output=True,
                            text=True, check=True)
    inside, after = result.stdout.split("] ")
    assert inside == "[50000" and int(after) == gc.get_threshold()[0]
