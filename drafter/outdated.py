"""What changed in the law for one business since its policy was built (`drafter outdated`).

A build records the library release it was made with (`Manifest.library_release`); the
installed library's changelog (`release.py`) lists every change since. Only the changes that
touch this business are reported: a requirement that applies to its answers, a clause its
policy has (or had), a question it is asked. Also the questions those changes ask (what the
app's Updates view offers) and the duties that start within `HORIZON_DAYS` of today: those
depend on the day, so they are reported, never written into the policy (its effective date
decides its text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter import records
from drafter.release import KINDS, Change, Release, load_changelog, version_key

if TYPE_CHECKING:
    from drafter.answers import Answers
    from drafter.manifest import Manifest
    from drafter.project import Project
    from drafter.requirements import Requirement

HORIZON_DAYS = 180


@dataclass(frozen=True)
class Applying:
    """A change of a release, with the ids it names that touch this business, by kind:
    `{"requirements": (("changed", "ccpa.admt"),), ...}`."""

    release: Release
    change: Change
    items: Mapping[str, tuple[tuple[str, str], ...]]

    def ids(self, kind: str, *hows: str) -> list[str]:
        return [item for how, item in self.items.get(kind, ()) if not hows or how in hows]


@dataclass(frozen=True)
class Coming:
    """A duty that starts after the policy's effective date, by today + `HORIZON_DAYS`."""

    day: date
    requirement: Requirement


@dataclass(frozen=True)
class Outdated:
    built: str | None  # the release the policy was built with (None: before releases)
    installed: str | None
    changes: tuple[Applying, ...]
    questions: tuple[str, ...]  # keys of the questions those changes ask, in order
    coming: tuple[Coming, ...]
    today: date

    @property
    def behind(self) -> bool:
        """Built with an older library than the installed one (or an unversioned one)."""
        return self.installed is not None and (
            self.built is None or version_key(self.built) < version_key(self.installed))

    @property
    def ahead(self) -> bool:
        """Built with a newer library than the installed one (`--library` pins an older
        folder, or the program was downgraded): nothing here can say what that one added."""
        return self.built is not None and (
            self.installed is None or version_key(self.built) > version_key(self.installed))

    @property
    def in_force_since_built(self) -> tuple[Coming, ...]:
        """Duties in force today that the policy's date is before: its text does not have
        them, and it is published (or to be) after they started."""
        return tuple(c for c in self.coming if c.day <= self.today)

    def as_json(self) -> dict[str, Any]:
        """`drafter outdated --format json`: the report as data, for CI."""
        return {
            "built": self.built, "installed": self.installed, "out_of_date": self.out_of_date,
            "changes": [{"version": a.release.version, "date": a.release.date.isoformat(),
                         **records.dump_data(a.change, exclude={*KINDS}),
                         **{kind: [{"id": item, "how": how} for how, item in a.items[kind]]
                            for kind in KINDS}} for a in self.changes],
            "questions": list(self.questions),
            "coming": [{"in_force": c.day.isoformat(), "requirement": c.requirement.id,
                        "law": c.requirement.law, "cite": c.requirement.cite,
                        "note": " ".join(c.requirement.note.split()),
                        "due": c.day <= self.today} for c in self.coming],
        }

    @property
    def out_of_date(self) -> bool:
        """Whether the policy needs a rebuild (or a new effective date): a change since its
        library applies to this business, or a duty in force today is missing from it."""
        return (self.behind and bool(self.changes)) or bool(self.in_force_since_built)


def outdated(project: Project, answers: Answers, manifest: Manifest,
             today: date) -> Outdated:
    from drafter.assemble import template_context

    library = project.library
    changelog = library.changelog
    built = manifest.library_release
    context = template_context(answers, library)
    shown = set(answers.shown())
    selected = {c.id for c in project.assemble(answers).clauses()}
    had = {c.id for c in manifest.clauses}

    def touches(kind: str, how: str, item: str, change: Change) -> bool:
        if kind == "requirements":
            entry = library.requirements.get(item)
            if how == "removed" or entry is None:  # what it asked of the built policy
                return bool(set(change.clauses.all()) & had)
            return entry.applies.holds(context)
        if kind == "clauses":
            return item in (had if how == "removed" else selected)
        if how == "removed":
            return manifest.answers.get(item) not in (None, "", [])
        return item in shown

    changes: list[Applying] = []
    releases = changelog.since(built) if built != changelog.version else []
    for release in releases:
        for change in release.changes:
            items = {kind: tuple((how, item) for how in ("added", "changed", "removed")
                                 for item in getattr(change.items(kind), how)
                                 if touches(kind, how, item, change)) for kind in KINDS}
            if any(items.values()):
                changes.append(Applying(release, change, items))
    return Outdated(built, changelog.version, tuple(changes),
                    _questions(project, answers, changes, shown), _coming(project, answers,
                                                                           today), today)


def _questions(project: Project, answers: Answers, changes: list[Applying],
               shown: set[str]) -> tuple[str, ...]:
    """The questions the changes add or change, and those their requirements `ask`, that
    these answers are asked, in the questionnaire's order."""
    wanted = set()
    for applying in changes:
        wanted |= set(applying.ids("questions", "added", "changed"))
        for rid in applying.ids("requirements", "added", "changed"):
            ask = project.library.requirements[rid].requirement.ask
            wanted |= {ask} if ask else set()
    return tuple(e.key for e in project.questionnaire if e.key in wanted and e.key in shown)


def _coming(project: Project, answers: Answers, today: date) -> tuple[Coming, ...]:
    """Duties of requirements that apply to these answers on the day they start, starting
    after the policy's effective date and by `HORIZON_DAYS` from today."""
    from drafter.assemble import template_context

    library = project.library
    key = library.document.effective_date
    effective = answers.resolved().get(key)
    if not isinstance(effective, date):
        return ()
    horizon = today + timedelta(days=HORIZON_DAYS)
    found: list[Coming] = []
    contexts: dict[date, Any] = {}
    for entry in library.requirements.values():
        start = entry.requirement.in_force
        if start is None or not effective < start <= horizon or entry.requirement.counsel:
            continue
        if start not in contexts:  # the same answers, as a policy dated that day
            contexts[start] = template_context(
                replace(answers, values={**answers.values, key: start}), library)
        if entry.applies.holds(contexts[start]):
            found.append(Coming(start, entry.requirement))
    return tuple(sorted(found, key=lambda c: (c.day, c.requirement.id)))


def updates_for(project: Project, answers: Answers, out_dir: Path) -> tuple[str, ...]:
    """The questions to answer again because the library changed since these answers were
    last built into `out_dir` (the app's Updates view): none when never built, or built with
    the installed library."""
    from drafter.build import build_folder
    from drafter.manifest import load_manifest

    manifest = load_manifest(build_folder(project, answers, out_dir))
    if manifest is None or manifest.library_release == load_changelog(
            project.library_root).version:
        return ()
    return outdated(project, answers, manifest, date.min).questions


def law_changes(project: Project, answers: Answers, since: Manifest) -> str:
    """`changes.md`'s part for the library: the changes of the releases since `since` was
    built that touch this business, each with its law and cite, so counsel can tell them
    from what the owner's answers changed. Empty when the library is the same release."""
    if since.library_release == project.library.changelog.version:
        return ""  # the same release (or both unversioned): nothing to compare, no work
    found = outdated(project, answers, since, date.min)
    if not found.behind:
        return ""
    lines = [f"## From the law (clause library {found.built or 'unversioned'} to "
             f"{found.installed})", ""]
    if not found.changes:
        lines.append("None of the library's changes touches this policy.")
    for applying in found.changes:
        change = applying.change
        source = f" ({change.law}, {change.cite})" if change.law and change.cite else \
            f" ({change.law})" if change.law else " (drafting, not the law)"
        lines.append(f"- {' '.join(change.summary.split())}{source}")
        lines += [f"  - {kind[:-1].capitalize()} {how}: {item}"
                  for kind in KINDS for how, item in applying.items.get(kind, ())]
    return "\n".join(lines) + "\n"


def record_law_changes(project: Project, answers: Answers, folder: Path,
                       previous: Manifest | None) -> None:
    """Add the library's part to the `changes.md` a build just wrote: since the version
    published last, or before any, since the last build (as the rest of the file)."""
    from drafter.history import CHANGES_MD, last_published
    from drafter.yamlio import atomic_write, read_text

    last = last_published(folder)  # the last alone, as the build reads it
    since = last.manifest if last is not None else previous
    path = folder / CHANGES_MD
    if since is None or not path.exists():
        return
    part = law_changes(project, answers, since)
    if part:
        atomic_write(path, read_text(path).rstrip("\n") + "\n\n" + part)
