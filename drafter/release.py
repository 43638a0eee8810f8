"""The clause library's own version, its dated changelog and the content hashes of a release.

The library (`clauses/`) changes with the law, several times a year, apart from the program:
`clauses/CHANGELOG.yaml` lists its releases, newest last, each with its version
(`2026.12.1`: year, month, number), date and the changes it made (the law and its cite, the
day the duty starts, the requirements, clauses and questions added, changed or removed, and
a one-line summary). The newest release is the library's version: `drafter --version` shows
it, every build records it in its manifest and `drafter outdated` compares the two.

`clauses/release-hashes.yaml` keeps a hash of every requirement, clause and question as a
release left them (`python -m drafter.release` writes it when a release is cut), so a test
can name each one changed since without a changelog entry that says so (`unrecorded`).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import StringConstraints

from drafter import records
from drafter.records import FORBID
from drafter.errors import UserError
from drafter.parsecache import memo
from drafter.yamlio import atomic_write, dump_yaml, load_data, read_text

if TYPE_CHECKING:
    from drafter.library import Library
    from drafter.questionnaire import Questionnaire

CHANGELOG = "CHANGELOG.yaml"
HASHES = "release-hashes.yaml"
KINDS = ("requirements", "clauses", "questions")
Kind = Literal["requirements", "clauses", "questions"]
Version = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}\.[0-9]{1,2}\.[0-9]+$")]


@dataclass(frozen=True)
class Items:
    """The ids one change added, changed or removed."""

    __pydantic_config__ = FORBID

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.added, *self.changed, *self.removed]

    def how(self, item: str) -> str | None:
        """`added`, `changed` or `removed`, as this change lists `item` (None if it does not)."""
        return next((how for how in ("added", "changed", "removed")
                     if item in getattr(self, how)), None)


@dataclass(frozen=True)
class Change:
    """One change of a release. `law` is None for a change of Drafter's own drafting (a
    clause reworded, a question made clearer) that no law asked for."""

    __pydantic_config__ = FORBID

    summary: str
    law: str | None = None
    cite: str | None = None
    in_force: date | None = None  # the day the duty starts (the requirements' `in_force`)
    requirements: Items = field(default_factory=Items)
    clauses: Items = field(default_factory=Items)
    questions: Items = field(default_factory=Items)

    def items(self, kind: str) -> Items:
        return getattr(self, kind)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Release:
    __pydantic_config__ = FORBID

    version: Version
    date: date
    summary: str
    changes: list[Change] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, ...]:
        return version_key(self.version)


@dataclass(frozen=True)
class _ChangelogFile:
    __pydantic_config__ = FORBID

    releases: list[Release]


def version_key(version: str) -> tuple[int, ...]:
    """`2026.12.1` as numbers, so `2026.12.10` sorts after `2026.12.9`."""
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Changelog:
    releases: tuple[Release, ...]  # oldest first

    @property
    def current(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    @property
    def version(self) -> str | None:
        return self.current.version if self.current else None

    def since(self, version: str | None) -> list[Release]:
        """The releases after `version` (all of them when it is None: a build from before
        the library had versions)."""
        if version is None:
            return list(self.releases)
        return [r for r in self.releases if r.key > version_key(version)]

    def release(self, version: str) -> Release | None:
        return next((r for r in self.releases if r.version == version), None)


def load_changelog(root: Path) -> Changelog:
    """`root/CHANGELOG.yaml`; a library without one has no releases (no version)."""
    path = root / CHANGELOG
    if not path.is_file():
        return Changelog(())
    file = load_data(path)
    releases = memo("changelog", file.text, lambda: file.validated(_ChangelogFile)).releases
    for index in range(1, len(releases)):
        before, after = releases[index - 1], releases[index]
        if after.key <= before.key or after.date < before.date:
            raise UserError(f"releases go oldest first: {after.version} ({after.date}) comes "
                            f"after {before.version} ({before.date})", path=path,
                            line=file.line(("releases", index, "version")),
                            field=f"releases.{index}.version")
    return Changelog(tuple(releases))


def library_release(root: Path) -> str | None:
    """The version of the library in `root` (its newest release), or None when unversioned."""
    return load_changelog(root).version


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# What only the review of other people's policies reads: how a requirement is recognised in a
# text says nothing of what the law asks of a business, so changing it is no release entry.
REVIEW_ONLY = frozenset({"detect", "looks_for", "certain"})
# Fields added after release hashes were first recorded: left out of the hash while empty,
# so adding the field changes no requirement that does not use it.
LATER_FIELDS = frozenset({"cites"})


def _requirement_json(requirement: Any) -> str:
    empty = {name for name in LATER_FIELDS if not getattr(requirement, name)}
    return records.dump_json(requirement, exclude=REVIEW_ONLY | empty)


def content_hashes(library: Library, questionnaire: Questionnaire) -> dict[str, dict[str, str]]:
    """A hash of every requirement (as validated, without what only the review reads:
    `REVIEW_ONLY`), clause (its file) and question (as validated), by id: what a changelog
    entry must account for when it changes."""
    return {
        "requirements": {rid: _hash(_requirement_json(entry.requirement))
                         for rid, entry in sorted(library.requirements.items())},
        "clauses": {c.meta.id: _hash(read_text(c.path))
                    for c in sorted(library.clauses, key=lambda c: c.meta.id)},
        "questions": {e.key: _hash(records.dump_json(e.question))
                      for e in sorted(questionnaire, key=lambda e: e.key)},
    }


def recorded_hashes(root: Path) -> tuple[str, dict[str, dict[str, str]]] | None:
    """The release `release-hashes.yaml` was written for, and its hashes (None if absent)."""
    path = root / HASHES
    if not path.is_file():
        return None
    data = load_data(path).data
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise UserError("expected `version:` and the hashes of each kind", path=path, line=1)
    return data["version"], {kind: dict(data.get(kind) or {}) for kind in KINDS}


def write_hashes(library: Library, questionnaire: Questionnaire, root: Path) -> Path:
    """Record the current content as the hashes of the library's newest release."""
    version = library_release(root)
    if version is None:
        raise UserError(f"no release to record: add one to {CHANGELOG} first", path=root)
    head = (f"# Content hashes of library {version} (written by `python -m drafter.release`"
            f" when a release is cut):\n# tests/test_release.py names every requirement, "
            f"clause or question changed since\n# without an entry in {CHANGELOG}.\n")
    path = root / HASHES
    atomic_write(path, head + dump_yaml({"version": version,
                                         **content_hashes(library, questionnaire)}))
    return path


@dataclass(frozen=True)
class Difference:
    kind: str  # requirements, clauses or questions
    item: str
    how: str  # added, changed or removed


def differences(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]
                ) -> Iterator[Difference]:
    for kind in KINDS:
        before, after = old.get(kind, {}), new.get(kind, {})
        for item in sorted(before.keys() | after.keys()):
            if item not in before:
                yield Difference(kind, item, "added")
            elif item not in after:
                yield Difference(kind, item, "removed")
            elif before[item] != after[item]:
                yield Difference(kind, item, "changed")


def unrecorded(library: Library, questionnaire: Questionnaire, root: Path) -> list[str]:
    """Each requirement, clause or question changed since the recorded release that no
    later release of the changelog lists as so changed, with the entry to add."""
    recorded = recorded_hashes(root)
    if recorded is None:
        return [f"{root / HASHES} is missing: run `python -m drafter.release`"]
    version, old = recorded
    changelog = load_changelog(root)
    if changelog.release(version) is None:
        return [f"{root / HASHES} records release {version}, which {root / CHANGELOG} "
                "does not list"]
    later = [c for r in changelog.since(version) for c in r.changes]
    found: list[str] = []
    for diff in differences(old, content_hashes(library, questionnaire)):
        listed = {c.items(diff.kind).how(diff.item) for c in later} - {None}
        if diff.how in listed:
            continue
        last = changelog.since(version)
        where = (f"in release {last[-1].version}" if last else
                 f"in a new release after {version} (`- version: {_next(version)}`, "
                 "`date:`, `summary:`)")
        found.append(
            f"{diff.kind[:-1]} {diff.item} was {diff.how} since library {version} "
            f"(release-hashes.yaml) but {CHANGELOG} does not say so: add to `changes:` "
            f"{where} an entry with `{diff.kind}: {{{diff.how}: [{diff.item}]}}`, its "
            "`summary:` and (if a law asks for it) `law:`, `cite:` and `in_force:`"
            + (f" (it lists it as {', '.join(sorted(listed))})" if listed else ""))
    return found


def stale_entries(library: Library, questionnaire: Questionnaire, root: Path) -> list[str]:
    """Changes of the newest release naming an id that is not there (added, changed) or still
    is (removed): a typo in the changelog."""
    changelog = load_changelog(root)
    if changelog.current is None:
        return []
    now = content_hashes(library, questionnaire)
    found = []
    for change in changelog.current.changes:
        for kind in KINDS:
            items = change.items(kind)
            for item in items.added + items.changed:
                if item not in now[kind]:
                    found.append(f"{changelog.current.version}: {kind} {item} is not in the "
                                 "library")
            found += [f"{changelog.current.version}: removed {kind} {item} is still in the "
                      "library" for item in items.removed if item in now[kind]]
    return found


def _next(version: str) -> str:
    year, month, number = version_key(version)
    return f"{year}.{month}.{number + 1}"


def main() -> int:
    """`python -m drafter.release`: record the hashes of the built-in library's release."""
    from drafter.project import Project

    project = Project.load()
    print(write_hashes(project.library, project.questionnaire, project.library_root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
