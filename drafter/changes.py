"""What changed between two versions of a policy, in plain words, for counsel and the owner.

Compares two builds (their manifests and the Markdown counsel approved): sections added or
removed, clauses added, removed or reworded (difflib, sentence by sentence), and practices
that changed, derived from the answers behind each version. Which changes are material, and
which clause promises users notice of them, is data (`clauses/notice.yaml`), not code.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from drafter.i18n import ENGLISH
from drafter.manifest import Manifest
from drafter.document.provenance import clause_at_lines, parse_clause_comment, parse_counsel_comment
from drafter.answer_text import answer_text, option_labels
from drafter.questionnaire import Questionnaire
from drafter.templating import long_date
from drafter.parsecache import memo
from drafter.records import FORBID
from drafter.regenerate import undecorate
from drafter.yamlio import load_data

NOTICE_FILE = "notice.yaml"
DATE_MASK = "{effective date}"
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")


@dataclass(frozen=True, kw_only=True)
class NoticeRules:
    """`clauses/notice.yaml` (a record, drafter.records: checked when the file is read)."""

    __pydantic_config__ = FORBID
    material_sections: list[str] = field(default_factory=list)
    material_answers: list[str] = field(default_factory=list)
    promise_clause: str | None = None
    promise_answer: str | None = None
    date_answers: list[str] = field(default_factory=list)
    practices: dict[str, dict[str, str]] = field(default_factory=dict)


def load_notice_rules(library_root: Path) -> NoticeRules:
    path = library_root / NOTICE_FILE
    if not path.exists():
        return NoticeRules()
    file = load_data(path)
    return memo("notice", file.text, lambda: file.validated(NoticeRules))


@dataclass(frozen=True)
class Version:
    """One version of the policy: the manifest of its build and its (approved) Markdown."""

    manifest: Manifest
    markdown: str
    lang: str = ENGLISH  # its language tag
    locale: str | None = None  # and its Babel locale (`locale_of`): how its dates are written

    @cached_property
    def plain(self) -> str:
        """The text without the reviewer-note markers its build put in: notes that come,
        go or are resolved are no change to the policy."""
        return undecorate(self.markdown, self.manifest.generated)

    def masked(self) -> str:
        """The text with its own effective date masked (as its language writes it), so a new
        date alone is no change."""
        day = self.manifest.effective_date
        return self.plain.replace(long_date(day, self.locale), DATE_MASK)

    def clauses(self) -> dict[str, str]:
        """Each clause's text (as counsel left it), by clause id."""
        return dict(self._clauses)

    @cached_property
    def _clauses(self) -> dict[str, str]:
        texts: dict[str, list[str]] = {}
        for line, owner in zip(self.masked().splitlines(), clause_at_lines(self.plain)):
            if owner is not None and parse_clause_comment(line) is None \
                    and parse_counsel_comment(line) is None:
                texts.setdefault(owner, []).append(line)
        return {k: "\n".join(v).strip() for k, v in texts.items()}


@dataclass(frozen=True)
class Change:
    kind: str  # practice, section, clause, wording
    summary: str
    material: bool
    detail: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChangeReport:
    old: Version
    new: Version
    changes: list[Change] = field(default_factory=list)
    notice: tuple[str, ...] = ()  # how the policy promises to tell people (labels)
    published: bool = True  # `old` was published; False: both are drafts, nobody was told yet

    @property
    def text_changed(self) -> bool:
        return self.old.masked() != self.new.masked()

    @property
    def material(self) -> list[Change]:
        """The changes people must be told of: none before the first publication."""
        return [c for c in self.changes if c.material] if self.published else []


def compare(old: Version, new: Version, questionnaire: Questionnaire,
            rules: NoticeRules, published: bool = True) -> ChangeReport:
    """What changed from `old` to `new`; `published` says whether `old` is a published version
    (then which changes are material matters: people were told the old text) or an earlier
    draft."""
    changes = (_practices(old.manifest, new.manifest, questionnaire, rules)
               + _sections(old.manifest, new.manifest, rules)
               + _clauses(old, new, rules))
    notice: tuple[str, ...] = ()
    if rules.promise_clause in new.clauses() and rules.promise_answer:
        notice = tuple(_labels(questionnaire, rules.promise_answer,
                               new.manifest.answers.get(rules.promise_answer) or []))
    return ChangeReport(old, new, changes, notice, published)


def _labels(questionnaire: Questionnaire, key: str, values: list[Any]) -> list[str]:
    if key not in questionnaire:
        return [str(v) for v in values]
    return option_labels(questionnaire.entry(key).question, values)


def _shown(questionnaire: Questionnaire, key: str, value: Any) -> str:
    if value is None:
        return "not asked"
    if key not in questionnaire:
        return str(value)
    return answer_text(questionnaire.entry(key).question, value)


def _practices(old: Manifest, new: Manifest, questionnaire: Questionnaire,
               rules: NoticeRules) -> list[Change]:
    found: list[Change] = []
    for key in sorted(set(old.answers) | set(new.answers)):
        before, after = old.answers.get(key), new.answers.get(key)
        if before == after or key in rules.date_answers:
            continue
        material = key.split(".")[0] in rules.material_answers
        phrase = rules.practices.get(key, {}).get(json.dumps(after).strip('"'))
        if phrase is None:
            prompt = questionnaire.entry(key).question.prompt if key in questionnaire else key
            phrase = (f"{prompt} Was: {_shown(questionnaire, key, before)}. "
                      f"Now: {_shown(questionnaire, key, after)}.")
            if isinstance(before, list) and isinstance(after, list) and \
                    not any(isinstance(v, dict) for v in before + after):
                added = _labels(questionnaire, key, [v for v in after if v not in before])
                gone = _labels(questionnaire, key, [v for v in before if v not in after])
                phrase = f"{prompt}" + (f" Added: {', '.join(added)}." if added else "") + \
                    (f" Removed: {', '.join(gone)}." if gone else "")
        found.append(Change("practice", phrase, material, (key,)))
    return found


def _sections(old: Manifest, new: Manifest, rules: NoticeRules) -> list[Change]:
    before = {s.id: s.title for s in old.sections}
    after = {s.id: s.title for s in new.sections}
    found = [Change("section", f"New section: “{title}”.", sid in rules.material_sections)
             for sid, title in after.items() if sid not in before]
    found += [Change("section", f"Section removed: “{title}”.", sid in rules.material_sections)
              for sid, title in before.items() if sid not in after]
    return found


def _clauses(old: Version, new: Version, rules: NoticeRules) -> list[Change]:
    before, after = old.clauses(), new.clauses()
    sections = {c.id: c.section for c in old.manifest.clauses + new.manifest.clauses}
    titles = {s.id: s.title for s in old.manifest.sections + new.manifest.sections}
    drafted = after if new.markdown == new.manifest.generated.markdown else \
        replace(new, markdown=new.manifest.generated.markdown).clauses()
    found: list[Change] = []
    for clause_id in list(after) + [c for c in before if c not in after]:
        section = sections.get(clause_id, "")
        where = f"“{titles.get(section, section)}” ({clause_id})"
        if clause_id in after and after[clause_id] != drafted.get(clause_id):
            where += ", as counsel edited it"  # not Drafter's text for these answers
        material = section in rules.material_sections
        if clause_id not in before:
            found.append(Change("clause", f"New text in {where}.", material,
                                _sentences_diff("", after[clause_id])))
        elif clause_id not in after:
            found.append(Change("clause", f"Text removed from {where}.", material,
                                _sentences_diff(before[clause_id], "")))
        elif before[clause_id] != after[clause_id]:
            found.append(Change("wording", f"Reworded: {where}.", material,
                                _sentences_diff(before[clause_id], after[clause_id])))
    return found


def _sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in _SENTENCE_END.split(line.strip()) if s]


def _sentences_diff(before: str, after: str) -> tuple[str, ...]:
    """Sentences removed and added, in order (difflib's ndiff over sentences)."""
    out: list[str] = []
    for line in difflib.ndiff(_sentences(before), _sentences(after)):
        if line.startswith("- "):
            out.append(f"Removed: {line[2:]}")
        elif line.startswith("+ "):
            out.append(f"Added: {line[2:]}")
    return tuple(out)


DRAFT_STAGE = ("Nothing has been published yet, so these are changes to the draft (the "
               "owner's answers, counsel's edits and the clause library): no notice is due "
               "and no effective date needs to move.")
HEADINGS = {"practice": "Practices (from the answers)", "section": "Sections",
            "clause": "Clauses added or removed", "wording": "Wording"}
DRAFT_HEADINGS = {**HEADINGS, "practice": "Answers the owner changed",
                  "wording": "Wording (from the answers, counsel's edits or the clause library)"}


def render_report(report: ChangeReport, since: str) -> str:
    """The report as Markdown (for `changes.md` and the terminal). Once a version is published,
    material changes are flagged with the notice the policy promises; before, the changes are
    a draft's, listed plainly."""
    lines = [f"# What changed {since}", ""]
    if not report.text_changed and not report.changes:
        return "\n".join(lines + ["No change to the policy's text or practices.", ""])
    material = report.material
    if not report.published:
        lines.append(DRAFT_STAGE)
    elif material:
        lines.append(f"**{len(material)} material change(s).**" + (
            " The policy promises to tell people about important changes before they take "
            f"effect ({'; '.join(report.notice)}): send that notice, and choose an effective "
            "date after it." if report.notice else ""))
    else:
        lines.append("No material change.")
    headings = HEADINGS if report.published else DRAFT_HEADINGS
    for kind, heading in headings.items():
        group = [c for c in report.changes if c.kind == kind]
        if not group:
            continue
        lines += ["", f"## {heading}", ""]
        for change in group:
            flag = "**Material:** " if change in material else ""
            lines.append(f"- {flag}{change.summary}")
            if kind != "practice":
                lines += [f"  - {d}" for d in change.detail]
    return "\n".join(lines) + "\n"
