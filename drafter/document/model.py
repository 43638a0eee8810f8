"""The policy as a document: the assembled `Policy` (sections of rendered clauses), the
reviewer's `Note`s on it, and the `Draft` that carries both to every exporter.

One model serves drafts and existing policies alike, so the CLI, the exporters, `review.md`
and the app show the same thing whichever way a note was found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.promises import Promise
from drafter.requirements import Severity, Topic

if TYPE_CHECKING:
    from drafter.document.tree import Tree
    from drafter.ledger import LedgerEntry

SEVERITIES: tuple[Severity, ...] = ("blocking", "warning", "advice")
COUNSEL_HEADING = "Questions for counsel"  # the notes' part for counsel (Markdown, review.md)


@dataclass(frozen=True)
class RenderedClause:
    id: str
    title: str | None
    markdown: str
    satisfies: tuple[str, ...]
    source: Path  # the template, relative to the library root
    promises: tuple[Promise, ...] = ()  # the commitments it makes, with their basis


@dataclass(frozen=True)
class PolicySection:
    id: str
    title: str
    anchor: str  # the heading's id in HTML and on GitHub: stable while the title is
    clauses: tuple[RenderedClause, ...]


@dataclass(frozen=True)
class Labels:
    """The fixed words around a policy's clauses, in its language (drafter.i18n)."""

    effective_date: str = "Effective date: {date}"  # the header's date line
    contents: str = "Contents"  # the contents' heading
    draft: str = "Draft \u2014 privileged and confidential"  # Word's header until published
    page: str = "Page {page} of {pages}"  # Word's footer


@dataclass(frozen=True)
class Policy:
    title: str
    business_name: str
    effective_date: date
    sections: tuple[PolicySection, ...]
    lang: str = "en"  # its language tag (drafter.i18n): `es`, `fr-CA`
    locale: str | None = None  # Babel's locale for its header date; None: the English
    labels: Labels = Labels()
    alternates: tuple[tuple[str, str, str], ...] = ()  # other versions: (lang, name, file)

    def clauses(self) -> list[RenderedClause]:
        return [c for s in self.sections for c in s.clauses]

    def satisfied(self) -> frozenset[str]:
        """Requirement ids that some clause in the policy satisfies."""
        return frozenset(r for c in self.clauses() for r in c.satisfies)

    def place(self, candidates: Iterable[str]) -> str | None:
        """The first of `candidates` (clause or section ids, most specific first) that this
        policy has: where a note about them can sit."""
        present = {s.id for s in self.sections} | {c.id for c in self.clauses()}
        return next((c for c in candidates if c in present), None)

    def home(self, note: Note, homes: Mapping[str, Sequence[tuple[str, str]]]) -> Note:
        """`note` anchored where it belongs. A note on one of this policy's clauses stays there;
        a note about a requirement otherwise sits where the clause that meets the requirement
        would stand (`homes`: requirement id → (clause id, section id) of the library's clauses
        that meet it): that clause, else its section. A note's topic or a check's section
        anchor only names a kind of subject (`international`), which can be a different
        section from the one the requirement's clause belongs to (`eu-uk`)."""
        if note.anchor in {c.id for c in self.clauses()} or not note.requirement:
            return note
        places = homes.get(note.requirement, ())
        found = self.place([c for c, _ in places] + [s for _, s in places])
        return note if found is None or found == note.anchor else replace(note, anchor=found)


@dataclass(frozen=True)
class Note:
    """One reviewer remark: what is wrong or missing, why (law and citation), where, and which
    question's answer settles it."""

    id: str  # R1, R2, … in document order ("" until numbered)
    severity: Severity
    topic: Topic
    message: str
    check: str  # the rule that raised it (`outdated.safe-harbor`, `requirement`, …)
    requirement: str | None = None
    cite: str | None = None
    anchor: str | None = None  # clause or section id in a draft
    lines: tuple[int, int] | None = None  # first and last line in an existing document
    excerpt: str | None = None  # the words that triggered it, in an existing document
    resolves_by: str | None = None  # question key
    verify: bool = False  # the law behind it is marked [verify] in LEGAL.md
    for_counsel: bool = False  # a question only counsel can settle (an "I'm not sure" answer)
    covers: tuple[str, ...] = ()  # the notes a question for counsel took in (requirement ids)

    def __post_init__(self) -> None:
        # An open question for counsel blocks publication (the answer under the draft is
        # unknown), whatever severity its catalog entry gives: made here, once, so every count,
        # label, exit status and the app read one severity (issue 15).
        if self.for_counsel and self.severity != "blocking":
            object.__setattr__(self, "severity", "blocking")

    @property
    def blocking(self) -> bool:
        return self.severity == "blocking"

    @property
    def owner_blocking(self) -> bool:
        """A blocking note the owner can fix by answering: the red marks in the app."""
        return self.blocking and not self.for_counsel

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["lines"] = list(self.lines) if self.lines else None
        data["covers"] = list(self.covers)
        return data


@dataclass(frozen=True)
class Draft:
    """A drafted policy, the reviewer notes on it and its promises ledger: what every
    exporter receives. `promises` is None where there is no ledger to show: a copy to publish,
    or the policy text alone (an empty tuple is a draft whose clauses promise nothing).
    `tree` is the policy's Markdown parsed once, which review read and the exporters render
    (None: not parsed yet)."""

    policy: Policy
    notes: tuple[Note, ...]
    promises: tuple[LedgerEntry, ...] | None = None
    tree: Tree | None = field(default=None, compare=False, repr=False)


def number(notes: Iterable[Note], position: Callable[[Note], float]) -> list[Note]:
    """Sort notes into document order (then by severity) and give them ids R1, R2, …; the
    questions for counsel come after the owner's notes, as every list shows them."""
    ordered = sorted(notes, key=lambda n: (n.for_counsel, position(n),
                                           SEVERITIES.index(n.severity), n.check))
    return [replace(note, id=f"R{i}") for i, note in enumerate(ordered, start=1)]


def summary(notes: Iterable[Note]) -> dict[str, int]:
    """Counts by severity (questions for counsel included), how many are questions for
    counsel, and the total: the `summary` object of `drafter review --format json`."""
    counts: dict[str, int] = {severity: 0 for severity in SEVERITIES}
    counsel = 0
    for note in notes:
        counts[note.severity] += 1
        counsel += note.for_counsel
    return {**counts, "counsel": counsel, "total": sum(counts.values())}


def needs_decision(notes: Iterable[Note]) -> bool:
    """Whether a policy is not ready to publish: a blocking note (every question for counsel is
    one: the answer behind it is unknown). `drafter review` exits 1 then."""
    return any(note.blocking for note in notes)
