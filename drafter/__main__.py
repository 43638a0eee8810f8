"""`python -m drafter` is the same as the `drafter` command (the installed command runs `run`)."""

from __future__ import annotations

import gc


def run() -> int:
    """Import the command line with the collector's passes spaced out (start-up builds
    objects it keeps; see `cli._one_shot_collector`), then run the command."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, *thresholds[1:])
    try:
        from drafter.cli import main
    finally:
        gc.set_threshold(*thresholds)
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
