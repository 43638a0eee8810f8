"""`python -m drafter` is the same as the `drafter` command."""

from __future__ import annotations

from drafter.cli import main

raise SystemExit(main())
