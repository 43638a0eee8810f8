"""Evidence → reviewer notes: the checks of `clauses/evidence-checks.yaml` run over the
answers (as `law.*` and clause conditions see them) and the facts of one evidence file.

Facts are worked out here, from the evidence alone (which vendor is advertising, which cookie
it set on which page); what contradicts the answers is the checks' data, so adding a check is
a YAML change. `drafter review --answers A --evidence E` adds these notes to each policy's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from pydantic import BaseModel, ConfigDict, Field

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.document.model import Note
from drafter.errors import UserError
from drafter.evidence.catalog import Catalog, catalog
from drafter.evidence.model import Evidence, page_path
from drafter.evidence.findings import FIELD_CATEGORIES, ad_tracking
from drafter.library import Library
from drafter.requirements import Severity, Topic
from drafter.name_check import condition_problems
from drafter.templating import Condition, compile_condition, join_and
from drafter.yamlio import load_data

FILE = "evidence-checks.yaml"
FACTS = frozenset({"kind", "vendors", "seen", "ad_cookies", "trackers_before_choice",
                   "ads_with_gpc", "banner", "gpc_checked", "form_categories", "typed"})


class EvidenceCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^evidence\.[a-z0-9-]+$")
    topic: Topic
    severity: Severity
    when: str
    items: str | None = None
    message: str
    cite: str | None = None
    anchor: str | None = None
    resolves_by: str | None = None


def load_evidence_checks(root: Path) -> list[tuple[EvidenceCheck, Condition, Condition | None]]:
    """The checks, each `when` and `items` proved to compile (a one-line error otherwise)."""
    path = root / FILE
    if not path.is_file():
        return []
    file = load_data(path)
    checks = file.validated_entries(EvidenceCheck, "checks")
    compiled = []
    for index, check in enumerate(checks):
        setting = "when"
        try:
            when = compile_condition(check.when)
            setting = "items"
            items = compile_condition(check.items) if check.items else None
        except TemplateSyntaxError as exc:
            from drafter.name_check import condition_line

            raise UserError(f"`{setting}` is not a valid expression: {exc.message}", path=path,
                            line=condition_line(file, (index, setting)), field=check.id) from None
        compiled.append((check, when, items))
    return compiled


def evidence_check_problems(root: Path, known: set[str]) -> list[UserError]:
    """`drafter lint`: the file loads, and every name a check uses is a question, a law or
    `evidence`."""
    try:
        checks = load_evidence_checks(root)
    except UserError as exc:
        return [exc]
    if not checks:
        return []
    file = load_data(root / FILE)
    names = known | {f"evidence.{fact}" for fact in FACTS}
    return [problem for index, (check, _, _) in enumerate(checks)
            for setting in ("when", "items") if (source := getattr(check, setting))
            for problem in condition_problems(source, names, path=file.path,
                                              line=file.spot((index, setting)),
                                              field=check.id,
                                              what=f"`{setting}`",
                                              nor="a law nor a fact of `evidence`")]


def facts(evidence: Evidence, known: Catalog) -> dict[str, Any]:
    """What the checks may read as `evidence.*` (see the file's header)."""
    seen = evidence.vendors()
    ad_cookies = ad_tracking(evidence, known, with_gpc=False)
    ad_cookies += [f"the {known.name(s.vendor)} SDK ({s.package} in {s.manifest})"
                   for s in evidence.sdks if known.is_advertising(s.vendor)]
    early = [f"{r.host} ({known.name(r.vendor)}) on {page_path(r.page)}"
             for r in evidence.requests if r.before_consent and known.is_tracker(r.vendor)]
    gpc = ad_tracking(evidence, known, with_gpc=True)
    forms: dict[str, str] = {}
    for form in evidence.forms:
        for kind in form.fields:
            category = FIELD_CATEGORIES.get(kind)
            if category and category not in forms:
                forms[category] = f"the {kind.replace('_', ' ')} field on {page_path(form.page)}"
    return {"kind": evidence.kind, "vendors": list(seen),
            "seen": {v: f"{known.name(v)} ({s[0]})" for v, s in seen.items()},
            "ad_cookies": _once(ad_cookies), "trackers_before_choice": _once(early),
            "ads_with_gpc": _once(gpc), "banner": evidence.banner,
            "gpc_checked": evidence.gpc_checked, "form_categories": forms}


def _once(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def evidence_notes(evidence: Evidence, answers: Answers, library: Library) -> list[Note]:
    """The notes the evidence raises against these answers (ids left for the caller)."""
    known = catalog(library.data)
    found = facts(evidence, known)
    typed = answers.resolved().get("sharing.vendors") or []
    found["typed"] = [v for v in (known.named(str(r.get("name", ""))) for r in typed
                                  if isinstance(r, dict)) if v]
    context = {**template_context(answers, library), "evidence": found}
    notes = []
    for check, when, items in load_evidence_checks(library.root):
        if not when.holds(context):
            continue
        message = check.message
        if items is not None:
            found = list(items.value(context) or [])
            if not found:
                continue
            message = message.format(items=join_and(found))
        notes.append(Note(id="", severity=check.severity, topic=check.topic, message=message,
                          check=check.id, cite=check.cite, anchor=check.anchor,
                          resolves_by=check.resolves_by))
    return notes
