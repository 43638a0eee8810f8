"""A one-shot command spaces out the garbage collector's passes (cli._one_shot_collector) and
leaves the collector as it found it, for callers that run commands in-process."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from drafter import collector
from drafter.cli import main


def test_a_command_run_in_process_leaves_the_collector_as_it_was(
        capsys: pytest.CaptureFixture[str]) -> None:
    collector.unfreeze()  # from a clean collector: an app run earlier in this worker froze its own
    before = gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()
    assert main(["schema"]) == 0
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before
    assert "properties" in capsys.readouterr().out


def test_objects_frozen_before_the_command_stay_frozen(
        capsys: pytest.CaptureFixture[str]) -> None:
    """An app run in the same process freezes its own objects (`DrafterApp.on_ready`); a
    command called after it must neither unfreeze them nor freeze more (the suite runs both in
    one worker, and the order decided whether the test above passed)."""
    collector.freeze()
    try:
        threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
        assert main(["schema"]) == 0
        # a frozen object that dies leaves the count, so "stayed" is: none let go, none added
        assert gc.get_threshold() == threshold and 0.9 * frozen < gc.get_freeze_count() <= frozen
    finally:
        collector.unfreeze()
    capsys.readouterr()


def test_the_installed_command_and_python_m_drafter_run_the_same_way() -> None:
    program = ("import gc, drafter.cli as cli; seen = []; before = gc.get_threshold()[0]\n"
               "cli._run = lambda run, args: seen.append(gc.get_threshold()[0]) or 0\n"
               "from drafter.__main__ import run; run(); print(seen, gc.get_threshold()[0],"
               " before)")
    result = subprocess.run([sys.executable, "-c", program, "schema"], capture_output=True,
                            text=True, check=True)
    inside, after = result.stdout.split("] ")
    # the process's own threshold before, not this test process's (tests/conftest.py sets its)
    assert inside == "[100000" and len(set(after.split())) == 1 and after.split()[0] != "100000"


def test_the_installed_command_walks_neither_start_up_nor_its_own_objects() -> None:
    """`drafter` imports its modules and runs one command, then exits: a young-generation pass
    over the objects start-up built (due when the threshold dropped back before the command)
    or over those the command built (due when it dropped back after) only cost CPU (issue 13)."""
    program = ("import gc, sys; walked = []\n"
               "gc.callbacks.append(lambda phase, info: phase == 'start' and"
               " gc.get_count()[0] > 5000 and walked.append(gc.get_count()[0]))\n"
               "from drafter.__main__ import run; code = run()\n"
               "print(walked, code, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", program, "schema"], capture_output=True,
                            text=True, check=True)
    assert result.stderr.strip() == "[] 0"
