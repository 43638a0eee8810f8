"""Dates and lists follow the language being rendered (Babel); English stays as it was,
whatever the machine's locale."""

from __future__ import annotations

from datetime import date

from drafter.templating import in_locale, join_and, long_date

DAY = date(2026, 12, 1)


def test_dates_per_locale() -> None:
    assert long_date(DAY) == "December 1, 2026"
    assert long_date(DAY, "es") == "1 de diciembre de 2026"
    with in_locale("fr_CA"):
        assert long_date(DAY) == "1 décembre 2026"
    assert long_date(DAY) == "December 1, 2026"  # the locale ends with the block


def test_lists_per_locale() -> None:
    items = ["a", "b", "c"]
    assert join_and(items) == "a, b and c"
    with in_locale("es"):
        assert join_and(items) == "a, b y c"
        assert join_and(items, "or") == "a, b o c"
        assert join_and(items, "y mediante") == "a, b y mediante c"  # a word, as given
    with in_locale("fr_CA"):
        assert join_and(items) == "a, b et c"
        assert join_and(items, "or") == "a, b ou c"
        assert join_and(["seul"]) == "seul"
