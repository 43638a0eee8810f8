"""Dates and lists follow the language being rendered (Babel); English stays as it was,
whatever the machine's locale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from drafter.i18n.locale_text import in_locale, join_and, long_date

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
