"""`python -m drafter` is the same as the `drafter` command (the installed command runs `run`)."""

from __future__ import annotations

import gc
from drafter import collector


def run() -> int:
    """Import the command line with the collector's passes spaced out (start-up builds
    objects it keeps; see `cli._one_shot_collector`) and freeze what it built, then run the
    command as the process's last (`main(last=True)`: no pass over what it made either).

    The process ends when this returns: what is left is frozen, so that the interpreter's
    exit does not walk every object the command made (the library, the policy) in the
    collections it runs while shutting down, some 90M instructions of a `drafter build`
    (issue 13) to free what the system frees anyway. `atexit` handlers (the caches' saves)
    and the modules' teardown run as before."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, *thresholds[1:])
    try:
        from drafter.cli import main

        # The modules live to the end: frozen now, the command's first young-generation pass
        # (due as the threshold drops back) does not walk the 30,000 objects they made.
        collector.freeze()
    finally:
        gc.set_threshold(*thresholds)
    code = main(last=True)
    collector.freeze()
    gc.set_threshold(*thresholds)
    return code


if __name__ == "__main__":
    raise SystemExit(run())
