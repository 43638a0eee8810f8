"""Published versions (`output/<slug>/history/<effective date>/`) and what changed since.

A build is a draft; publishing is a decision (counsel approved the text), so versions are
kept by `drafter publish`, not by every build. Each kept version holds the files as
published and the manifest behind them, so `drafter diff` can say what changed since.

The date: the policy shows the `policy.effective_date` answer, the one place the date lives.
Publishing a text that differs from the last published one (its own date aside) moves that
answer to the publication date (or `--date`) when it is not already later than the last
published date; publishing an unchanged text publishes nothing and leaves the date alone.
A build never changes the date.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.changes import ChangeReport, Version, compare, load_notice_rules, render_report
from drafter.manifest import POLICY_MD, Manifest, load_manifest
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

    def version(self) -> Version:
        return Version(self.manifest, self.markdown)


def published_versions(folder: Path) -> list[Published]:
    """Every published version, oldest first (folders are named by ISO date, so they sort)."""
    found: list[Published] = []
    root = folder / HISTORY
    for kept in sorted(root.iterdir()) if root.is_dir() else []:
        manifest = load_manifest(kept)
        if manifest is not None and (kept / POLICY_MD).exists():
            found.append(Published(kept, manifest, read_text(kept / POLICY_MD)))
    return found


def last_published(folder: Path) -> Published | None:
    """The last published version (`published_versions()[-1]`), reading no other: a build
    compares with it alone, and a policy published every month keeps years of versions."""
    root = folder / HISTORY
    for kept in sorted(root.iterdir(), reverse=True) if root.is_dir() else []:
        manifest = load_manifest(kept)
        if manifest is not None and (kept / POLICY_MD).exists():
            return Published(kept, manifest, read_text(kept / POLICY_MD))
    return None


def current_version(folder: Path) -> Version | None:
    """The last build, with the Markdown as it is now (counsel may have edited it since)."""
    manifest = load_manifest(folder)
    if manifest is None or not (folder / POLICY_MD).exists():
        return None
    return Version(manifest, read_text(folder / POLICY_MD))


def changes_since_published(questionnaire: Questionnaire, library_root: Path, folder: Path,
                            previous: Manifest | None = None) -> tuple[ChangeReport, str] | None:
    """What changed since the last published version (or, before any, since the last
    build), and the words that say since when."""
    new = current_version(folder)
    if new is None:
        return None
    last = last_published(folder)
    if last is not None:
        old = last.version()
        since = f"since the version published on {long_date(old.manifest.effective_date)}"
    elif previous is not None and previous.files.get(POLICY_MD):
        old = Version(previous, previous.files[POLICY_MD].text or "")
        since = "since the last build (nothing has been published yet)"
    else:
        return None
    return compare(old, new, questionnaire, load_notice_rules(library_root),
                   published=last is not None), since


def record_changes(questionnaire: Questionnaire, library_root: Path, folder: Path,
                   previous: Manifest | None) -> tuple[ChangeReport, str] | None:
    """Write `changes.md` beside the policy for counsel: what changed since publication."""
    found = changes_since_published(questionnaire, library_root, folder, previous)
    if found is not None:
        atomic_write(folder / CHANGES_MD, render_report(*found))
    return found


