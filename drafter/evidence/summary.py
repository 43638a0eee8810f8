"""The summary `drafter scan` prints at the end: what was found, grouped for the owner."""

from __future__ import annotations

from drafter.evidence.catalog import Catalog
from drafter.evidence.findings import ad_tracking
from drafter.evidence.model import Evidence


def _days(days: float | None) -> str:
    if days is None:
        return "session"
    return f"{days:g} days" if days < 730 else f"{days / 365:.0f} years"


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]


def summary(evidence: Evidence, catalog: Catalog) -> str:
    found = (f"{len(evidence.sdks)} known SDK(s) in {len({s.manifest for s in evidence.sdks})} "
             "manifest(s)" if evidence.kind == "repo" else f"{len(evidence.pages)} page(s)")
    out = [f"Scanned {evidence.source} ({evidence.kind}): {found}."]
    vendors = evidence.vendors()
    if vendors:
        out.append("Vendors recognised:")
        out += _table([(catalog.name(v), "; ".join(seen[:3])
                        + (f" (+{len(seen) - 3} more)" if len(seen) > 3 else ""))
                       for v, seen in sorted(vendors.items())])
    if evidence.unrecognised:
        out.append("Third-party hosts not in the vendor catalog (unrecognised): "
                   + ", ".join(evidence.unrecognised))
    cookies = [c for c in evidence.cookies if not c.with_gpc]
    if cookies:
        out.append("Cookies set:")
        out += _table([("name", "domain", "party", "lifetime", "vendor")] + [
            (c.name, c.domain, "third" if c.third_party else "first", _days(c.lifetime_days),
             catalog.name(c.vendor) if c.vendor else "") for c in cookies])
    if evidence.storage:
        out.append("Local storage keys: " + ", ".join(sorted({s.key for s in evidence.storage})))
    for form in evidence.forms:
        out.append(f"Form on {form.page} asks for: {', '.join(form.fields) or 'nothing personal'}")
    if evidence.banner is not None:
        early = sorted({r.host for r in evidence.requests
                        if r.before_consent and catalog.is_tracker(r.vendor)})
        out.append("Consent banner: " + ("shown" if evidence.banner else "none seen")
                   + (f"; trackers before any choice: {', '.join(early)}" if early else ""))
    if evidence.gpc_checked:
        fired = ad_tracking(evidence, catalog, with_gpc=True)
        out.append("With Global Privacy Control on: " + (
            f"advertising still tracked: {'; '.join(fired)}" if fired
            else "no advertising cookie or pixel"))
    if evidence.kind == "site":
        links = evidence.links
        out.append(f"Privacy policy link: {', '.join(links.privacy) or 'none found'}; "
                   f"Do Not Sell or Share link: {', '.join(links.do_not_sell) or 'none found'}")
    out += [f"Not checked: {limit}" for limit in evidence.limits]
    out += [f"Problem: {problem}" for problem in evidence.problems]
    return "\n".join(out) + "\n"
