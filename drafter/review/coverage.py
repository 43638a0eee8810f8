"""Required items on a policy Drafter did not write: `detect` patterns stand in for the
`satisfies` of Drafter's clauses, so a finding is only as sure as its patterns.

Three rules keep these notes right:

- Only requirements that apply are looked for. With answers, their conditions decide. Without
  them, a requirement is looked for only if the facts stated (`--facts`, and the laws chosen,
  `law_facts` in `review-checks.yaml`) settle its condition: one that depends on a fact nobody
  stated (automated decisions, a contest, children) is skipped, never assumed.
- A "missing" finding blocks only when the requirement says why its absence is `certain`;
  every other one is a warning.
- Every "missing" note says what was looked for and where the nearest passage is, so counsel
  can see at a glance whether the item is really absent or only worded differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.errors import CONTROL
from drafter.requirements import CatalogEntry, Requirement
from drafter.review.checks import Subject, check, detected, holds
from drafter.review.document import Block, Document
from drafter.document.model import Note

_WORD = re.compile(r"[a-z]{4,}")
_EXCERPT = 70
# Words too common in any policy to point at a passage.
_COMMON = frozenset("""that this your their with from have will about other which what when
where these those information data personal policy privacy notice statement under than into
more them they such only also each been were does""".split())


def applies(subject: Subject, entry: CatalogEntry) -> bool:
    """Whether a requirement applies (`checks.holds`)."""
    return holds(subject, entry.applies)


def _keywords(req: Requirement) -> set[str]:
    words = set(_WORD.findall(" ".join([*req.detect, req.looks_for or ""]).lower()))
    return words - _COMMON


def heading_like(block: Block) -> bool:
    """A one-line block of a few words not ending like a sentence: a heading in plain text."""
    text = block.text.strip()
    return "\n" not in text and len(text.split()) <= 8 and not text.endswith((".", ",", ";"))


def nearest_passage(req: Requirement, document: Document) -> str:
    """Where a reader would look for the item: the paragraph sharing most of the patterns'
    words, its heading's words counting half (a heading names what its section is about), as
    'The nearest passage is line N (under "Heading"): "excerpt…"'."""
    words = _keywords(req)

    def score(block: Block | None) -> int:
        lower = block.text.lower() if block is not None else ""
        return sum(1 for word in words if word in lower)

    best: tuple[int, Block, Block | None] | None = None
    heading: Block | None = None
    for block in document.blocks:
        if heading_like(block):
            heading = block
            continue
        points = 2 * score(block) + score(heading)
        if points and (best is None or points > best[0]):
            best = (points, block, heading)
    if best is None:
        return "No passage uses words close to these."
    _, block, under = best
    where = (f"paragraph {block.start}" if document.name.endswith(".docx")
             else f"line {block.start}")
    text = " ".join(CONTROL.sub(" ", block.text).split())  # a message is plain text
    excerpt = text if len(text) <= _EXCERPT else text[:_EXCERPT].rsplit(" ", 1)[0] + "…"
    context = (f' (under "{" ".join(CONTROL.sub(" ", under.text).split())}")'
               if under is not None else "")
    return f'The nearest passage is {where}{context}: "{excerpt}"'


def looked_for(req: Requirement) -> str:
    """What the patterns look for: the requirement's own words, else the patterns."""
    if req.looks_for:
        return req.looks_for
    return "wording matching " + " or ".join(f"`{p}`" for p in req.detect)


def missing_note(rid: str, req: Requirement, document: Document, cite: str | None = None) -> Note:
    """The note for an item no pattern finds: blocking only if its absence is certain."""
    severity = req.severity if req.certain or req.severity != "blocking" else "warning"
    message = (f"{req.note} No sentence seems to cover this: looked for {looked_for(req)}. "
               f"{nearest_passage(req, document)}")
    if severity != req.severity:
        message += (" (A warning, not blocking: this policy may say it in words the check "
                     "does not know.)")
    return Note(id="", severity=severity, topic=req.topic, message=message,
                check="requirement", requirement=rid, cite=cite or req.cite, resolves_by=req.ask,
                verify=bool(req.verify))


def met_by_text_rules(subject: Subject) -> frozenset[str]:
    """Requirements a text rule's own finding meets: a policy whose labelled date the
    stale-date check reads has an effective date, whatever the `detect` patterns say."""
    rule = subject.rules.text.effective_date
    if rule.meets and subject.rules.date.search(subject.document.text):
        return frozenset(rule.meets)
    return frozenset()


@check("coverage")
def uncovered_requirements(subject: Subject) -> Iterator[Note]:
    """On a policy Drafter did not write, a requirement of the chosen laws that applies and
    that no `detect` pattern finds becomes a note."""
    if subject.policy is not None:
        return
    text = subject.document.text
    met = met_by_text_rules(subject)
    for rid, entry in subject.catalog.items():
        req = entry.requirement
        if not req.detect or rid.split(".")[0] not in subject.laws or rid in met:
            continue
        if not applies(subject, entry) or detected(req, text):
            continue
        context = subject.answers.context if subject.answers is not None else None
        yield missing_note(rid, req, subject.document, entry.cite(context))
