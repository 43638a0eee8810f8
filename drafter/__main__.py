"""`python -m drafter` is the same as the `drafter` command (the installed command runs `run`)."""

from __future__ import annotations

import gc
from drafter import collector


def run() -> int:
    """Import the command line with the collector's passes spaced out (start-up builds
    objects it keeps; see `cli._one_shot_collector`), then run the command.

    The process ends when this returns: what is left is frozen, so that the interpreter's
    exit does not walk every object the command made (the library, the policy) in the
    collections it runs while shutting down, some 90M instructions of a `drafter build`
    (issue 13) to free what the system frees anyway. `atexit` handlers (the caches' saves)
    and the modules' teardown run as before."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, *thresholds[1:])
    try:
        from drafter.cli import main
    finally:
        gc.set_threshold(*thresholds)
    code = main()
    collector.freeze()
    return code


if __name__ == "__main__":
    raise SystemExit(run())
