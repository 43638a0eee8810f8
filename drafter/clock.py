"""Today's date, in one place: `DRAFTER_TODAY=YYYY-MM-DD` pins it.

The date a build or review runs on decides notes ("more than a year old") and publish's default
date, so a fixed `DRAFTER_TODAY` gives the same output on any day: tests and golden files set
it, and so can anyone who needs to rebuild an old policy exactly as it was built.
"""

from __future__ import annotations

import os
from datetime import date

from drafter.errors import UserError

VARIABLE = "DRAFTER_TODAY"


def today() -> date:
    """`DRAFTER_TODAY` when set (a bad value is a one-line error naming it), else today."""
    pinned = os.environ.get(VARIABLE, "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise UserError(f"expected a date such as 2026-11-22, got {pinned!r}",
                        field=VARIABLE) from None
