"""Are the language versions saying the same thing? What `drafter publish` checks before it
keeps a version in several languages.

Every language is generated from the same answers and clauses, so the versions Drafter writes
agree. Counsel's edits are what can set them apart: a clause counsel reworded in the English
but left as generated in the Spanish (or the other way round) means one version no longer
says what the other does. A lawyer publishing both expects them to be one notice in two
languages, so publishing refuses until every clause counsel edited in one language is edited
in each of the others, and names the clauses.
"""

from __future__ import annotations

from pathlib import Path

from dataclasses import replace

from drafter.history import current_version
from drafter.i18n import ENGLISH
from drafter.i18n.catalog import locale_of
from drafter.manifest import policy_md


def edited_clauses(folder: Path, lang: str, locale: str | None = None) -> set[str]:
    """The clauses whose text in `policy_md(lang)` differs from what Drafter generated in the
    last build (counsel's comments and the effective date aside; a clause counsel added or
    deleted counts; `locale`: the language's, `locale_of`)."""
    current = current_version(folder, lang, locale)
    if current is None:
        return set()
    mine = current.clauses()
    built = replace(current, markdown=current.manifest.generated.markdown).clauses()
    return {key for key in mine.keys() | built.keys() if mine.get(key) != built.get(key)}


def out_of_step(folder: Path, langs: tuple[str, ...], library_root: Path) -> list[str]:
    """One line for each language whose counsel edits the English lacks, or that lacks the
    English's: the clause ids edited on one side only."""
    english = edited_clauses(folder, ENGLISH)
    lines: list[str] = []
    for lang in langs:
        if lang == ENGLISH:
            continue
        theirs = edited_clauses(folder, lang, locale_of(library_root, lang))
        for here, there, edited in ((policy_md(ENGLISH), policy_md(lang), english - theirs),
                                    (policy_md(lang), policy_md(ENGLISH), theirs - english)):
            if edited:
                lines.append(f"counsel edited {', '.join(sorted(edited))} in {here} but not in "
                             f"{there}")
    return lines
