"""Evidence → proposed answer changes, each with what showed it; never written silently.

`drafter scan … --answers FILE` lists them and the app's Suggestions view shows them; the
owner accepts or declines each (`drafter.evidence.suggest`), and the accepted ones are written
through the same editing session as typed answers, so comments and every other answer stay.
Proposals only ever add what was seen: a vendor not seen is not evidence it is unused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drafter.evidence.catalog import Catalog
from drafter.evidence.findings import FIELD_CATEGORIES, ad_tracking
from drafter.evidence.model import Evidence


@dataclass(frozen=True)
class Proposal:
    key: str
    current: Any
    proposed: Any
    because: tuple[str, ...]

    def line(self) -> str:
        return f"{self.key}: {show_value(self.current)} → {show_value(self.proposed)}"


def show_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return "(unanswered)" if value is None else str(value).lower() \
        if isinstance(value, bool) else str(value)


def proposals(evidence: Evidence, catalog: Catalog,
              value: Callable[[str], Any], asked: set[str]) -> list[Proposal]:
    """What the evidence says the answers should be, where they say otherwise. `value(key)`
    is the answer as the file has it (or its default); `asked` the questions there are."""
    found: list[Proposal] = []

    def propose(key: str, proposed: Any, because: list[str]) -> None:
        if key in asked and because and value(key) != proposed:
            found.append(Proposal(key, value(key), proposed, tuple(because[:5])))

    seen = evidence.vendors()
    chosen = list(value("sharing.catalog") or [])
    new = [v for v in seen if v not in chosen]
    if new:
        propose("sharing.catalog", chosen + new,
                [f"{catalog.name(v)}: {seen[v][0]}" for v in new])
    cookies = [f"cookie {c.name} ({c.domain})" for c in evidence.cookies if not c.with_gpc]
    storage = [f"local storage {s.key}" for s in evidence.storage]
    if value("cookies.uses_cookies") is False:
        propose("cookies.uses_cookies", True, cookies + storage)
    for key, category in (("cookies.analytics", "analytics"),
                          ("cookies.advertising", "advertising")):
        if not value(key):
            propose(key, True, [f"{catalog.name(v)}: {seen[v][0]}" for v in seen
                                if catalog.vendors[v].category == category])
    fired = ad_tracking(evidence, catalog, with_gpc=True)
    ads = ad_tracking(evidence, catalog, with_gpc=False)
    if evidence.gpc_checked and value("cookies.honors_gpc"):
        if fired:
            propose("cookies.gpc_stops_ads", False, [f"{f}, with GPC on" for f in fired])
        elif ads:
            propose("cookies.gpc_stops_ads", True,
                    [f"with GPC on, none of: {', '.join(ads)}"])
    categories = list(value("collection.categories") or [])
    reasons: dict[str, list[str]] = {}
    for form in evidence.forms:
        for kind in form.fields:
            category = FIELD_CATEGORIES.get(kind)
            if category and category not in categories:
                reasons.setdefault(category, []).append(f"{kind} field in the form on "
                                                        f"{form.page}")
    if reasons:
        propose("collection.categories", categories + list(reasons),
                [r for rs in reasons.values() for r in rs])
    return found
