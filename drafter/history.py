"""Published versions (`output/<slug>/history/<effective date>/`) and what changed since.

A build is a draft; publishing is a decision (counsel approved the text), so versions are
kept by `drafter publish`, not by every build. Each kept version holds the files as
published and the manifest behind them, so `drafter diff` can say what changed since.

The date: the policy shows the `policy.effective_date` answer, the one place the date lives.
Publishing a text that differs from the last published one (its own date aside) moves that
answer to the publication date (or `--date`) when it is not already later than the last
published date; publishing an unchanged text publishes nothing and leaves the date alone.
A build never changes the date.

Each function takes a language (`lang`, drafter.i18n): a language version is kept, compared and
published like the English, from its own edit layer (`privacy-policy.es.md`) and its record in
the manifest (`Manifest.in_language`), and with its Babel `locale` where the text is compared
(its effective date masked as that language writes it: `locale_of`, from languages.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.changes import ChangeReport, Version, compare, load_notice_rules, render_report
from drafter.i18n import ENGLISH
from drafter.i18n.catalog import locale_of
from drafter.manifest import Manifest, load_manifest, policy_md
from drafter.questionnaire import Questionnaire
from drafter.templating import long_date
from drafter.yamlio import atomic_write, read_text

HISTORY = "history"
CHANGES_MD = "changes.md"


@dataclass(frozen=True)
class Published:
    folder: Path
    manifest: Manifest
    markdown: str
    lang: str = ENGLISH
    locale: str | None = None  # Babel's, for `lang` (`drafter.i18n.catalog.locale_of`)

    def version(self) -> Version:
        return Version(self.manifest, self.markdown, self.lang, self.locale)


def _kept(kept: Path, lang: str, locale: str | None) -> Published | None:
    """The version kept in folder `kept` in language `lang`, if it has one."""
    manifest = load_manifest(kept)
    manifest = manifest.in_language(lang) if manifest is not None else None
    if manifest is None or not (kept / policy_md(lang)).exists():
        return None
    return Published(kept, manifest, read_text(kept / policy_md(lang)), lang, locale)


def published_versions(folder: Path, lang: str = ENGLISH,
                       locale: str | None = None) -> list[Published]:
    """Every published version, oldest first (folders are named by ISO date, so they sort)."""
    root = folder / HISTORY
    found = [_kept(kept, lang, locale) for kept in sorted(root.iterdir())] if root.is_dir() else []
    return [version for version in found if version is not None]


def last_published(folder: Path, lang: str = ENGLISH,
                   locale: str | None = None) -> Published | None:
    """The last published version (`published_versions()[-1]`), reading no other: a build
    compares with it alone, and a policy published every month keeps years of versions."""
    root = folder / HISTORY
    for kept in sorted(root.iterdir(), reverse=True) if root.is_dir() else []:
        found = _kept(kept, lang, locale)
        if found is not None:
            return found
    return None


def current_version(folder: Path, lang: str = ENGLISH, locale: str | None = None,
                    manifest: Manifest | None = None) -> Version | None:
    """The last build, with the Markdown as it is now (counsel may have edited it since);
    `manifest` is the folder's manifest when the caller has it (the build that just wrote it:
    some 300 KB of JSON need not be read back)."""
    manifest = manifest if manifest is not None else load_manifest(folder)
    manifest = manifest.in_language(lang) if manifest is not None else None
    if manifest is None or not (folder / policy_md(lang)).exists():
        return None
    return Version(manifest, read_text(folder / policy_md(lang)), lang, locale)


def changes_file(lang: str = ENGLISH) -> str:
    """`changes.md` for the English, `changes.es.md` for the Spanish (both in English)."""
    return CHANGES_MD if lang == ENGLISH else f"changes.{lang}.md"


def changes_since_published(questionnaire: Questionnaire, library_root: Path, folder: Path,
                            previous: Manifest | None = None, lang: str = ENGLISH,
                            current: Manifest | None = None
                            ) -> tuple[ChangeReport, str] | None:
    """What changed since the last published version (or, before any, since the last
    build), and the words that say since when; `current`: the folder's manifest, when the
    caller has just written it."""
    locale = locale_of(library_root, lang)
    new = current_version(folder, lang, locale, current)
    if new is None:
        return None
    last = last_published(folder, lang, locale)
    previous = previous.in_language(lang) if previous is not None else None
    if last is not None:
        old = last.version()
        since = f"since the version published on {long_date(old.manifest.effective_date)}"
    elif previous is not None and previous.files.get(policy_md(lang)):
        old = Version(previous, previous.files[policy_md(lang)].text or "", lang, locale)
        since = "since the last build (nothing has been published yet)"
    else:
        return None
    return compare(old, new, questionnaire, load_notice_rules(library_root),
                   published=last is not None), since


def record_changes(questionnaire: Questionnaire, library_root: Path, folder: Path,
                   previous: Manifest | None, lang: str = ENGLISH,
                   current: Manifest | None = None) -> tuple[ChangeReport, str] | None:
    """Write `changes.md` beside the policy for counsel: what changed since publication
    (`current`: the manifest the build just wrote in `folder`)."""
    found = changes_since_published(questionnaire, library_root, folder, previous, lang,
                                    current)
    if found is not None:
        atomic_write(folder / changes_file(lang), render_report(*found))
    return found


