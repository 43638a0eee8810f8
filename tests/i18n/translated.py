"""The examples translated so far, and the languages they are translated into (shared by
the tests in this folder)."""

from __future__ import annotations

TRANSLATED = ("quebec-firm", "texas-small")  # every clause and data wording they need
LANGUAGES = ("es", "fr-CA")
