"""The app tests here (`test_app_suggestions.py`: the Suggestions view over the editor) run the
app as tests/app's do: pages built ahead only where a test asks (`builds_ahead`), and every
Pilot wait timed by processor time, skipping widgets parked with nothing to handle. Without
them each test built every section's page in its idle moments (a third to a half of its CPU)."""

from tests.app.conftest import pages_built_ahead_only_where_asked, waits_timed_by_processor

__all__ = ["pages_built_ahead_only_where_asked", "waits_timed_by_processor"]  # autouse here
