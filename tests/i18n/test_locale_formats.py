"""Dates and lists follow the language being rendered (Babel); English stays as it was,
whatever the machine's locale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from drafter.i18n.locale_text import in_locale, join_and, long_date

DAY = date(2026, 12, 1)


def test_dates_per_locale() -> None:
    assert long_date(DAY) == "December 1, 2026"
    assert long_date(DAY, "es") == "1 de diciembre de 2026"
    with in_locale("fr_CA"):
        assert long_date(DAY) == "1er décembre 2026"
    assert long_date(DAY) == "December 1, 2026"  # the locale ends with the block


@pytest.mark.parametrize(("day", "french"), [
    (date(2026, 11, 1), "1er novembre 2026"), (date(2027, 1, 1), "1er janvier 2027"),
    (date(2026, 11, 2), "2 novembre 2026"), (date(2026, 11, 11), "11 novembre 2026"),
    (date(2026, 11, 21), "21 novembre 2026"), (date(2026, 10, 31), "31 octobre 2026")])
def test_french_dates_write_the_first_of_the_month_as_an_ordinal(day: date, french: str) -> None:
    """French writes the first day of a month "1er" (premier), every other day as a number;
    Babel writes "1": every date a French policy prints goes through `long_date`."""
    assert long_date(day, "fr_CA") == french
    assert long_date(day, "fr") == french
    with in_locale("fr_CA"):
        assert long_date(day) == french
    assert "1er" not in long_date(day, "es") and "1er" not in long_date(day)


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


def test_a_version_masks_its_date_in_the_locale_languages_yaml_gives(tmp_path: Path) -> None:
    """The locale of a language is a fact of languages.yaml, not of its tag: a library that
    writes its Spanish dates as in Mexico (or any locale) has them masked as written."""
    from types import SimpleNamespace

    from drafter.changes import DATE_MASK, Version
    from drafter.i18n.catalog import locale_of
    from drafter.manifest import Generation
    from drafter.paths import default_library

    text = (default_library() / "languages.yaml").read_text()
    assert "    locale: es\n" in text
    (tmp_path / "languages.yaml").write_text(text.replace("    locale: es\n", "    locale: de\n"))
    assert locale_of(default_library(), "es") == "es" and locale_of(tmp_path, "en") is None
    assert locale_of(tmp_path, "es") == "de"
    markdown = f"Vigente desde el {long_date(DAY, 'de')}.\n"
    manifest = SimpleNamespace(effective_date=DAY, generated=Generation(markdown, markdown))
    version = Version(manifest, markdown, "es", locale_of(tmp_path, "es"))  # type: ignore[arg-type]
    assert version.masked() == f"Vigente desde el {DATE_MASK}.\n"


def test_a_french_policy_prints_every_first_of_the_month_as_1er(tmp_path: Path) -> None:
    """The built French policy, header and clauses: updated on 1 October, in effect on
    1 November (texas-small, whose French version builds whole)."""
    import re

    from drafter.cli import main
    from drafter.paths import examples

    text = examples()["texas-small"].read_text()
    assert "  effective_date: 2026-11-20\n" in text
    answers = tmp_path / "answers.yaml"
    answers.write_text(text.replace("  effective_date: 2026-11-20\n",
                                    "  effective_date: 2026-11-01\n  last_updated: 2026-10-01\n"))
    assert main(["build", str(answers), "-o", str(tmp_path / "out"), "--format", "md,html",
                 "--lang", "en,fr-CA"]) == 0
    for name in ("privacy-policy.fr-CA.md", "privacy-policy.fr-CA.html"):
        french = next((tmp_path / "out").glob(f"*/{name}")).read_text()
        assert "1er novembre 2026" in french and "1er octobre 2026" in french, name
        assert not re.search(r"(?<!\d)1 (octobre|novembre)", french), name
