"""`drafter scan --har FILE.har`: the evidence in a HAR (HTTP Archive, JSON) recorded in any
browser's developer tools, for pages behind a login that a scan cannot reach.

A HAR holds requests and responses only: no forms, no consent banner, no local storage, and
it was recorded with whatever privacy settings the browser had, so `limits` says so.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.evidence.catalog import Catalog
from drafter.evidence.collect import Collector, kind_of
from drafter.evidence.model import Evidence, host_of
from drafter.yamlio import read_bytes

HAR_LIMIT = 512 * 1024 * 1024
HAR_LIMITS = [
    "A HAR records requests and responses only: forms, a consent banner and local storage "
    "are not in it, so they were not checked; nor are cookies that scripts set "
    "(`document.cookie`, as analytics and ad tags do), only those in `Set-Cookie` headers.",
    "Global Privacy Control: not checked (a HAR records whatever the recording browser sent).",
]


def _entries(path: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    text = read_bytes(path, HAR_LIMIT, "a HAR file").decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"not a HAR file (not JSON: {exc.msg})", path=path,
                        line=exc.lineno) from None
    log = data.get("log") if isinstance(data, dict) else None
    if not isinstance(log, dict) or not isinstance(log.get("entries"), list):
        raise UserError("not a HAR file: no `log.entries` list", path=path, field="log")
    pages = {p["id"]: p.get("title", "") for p in log.get("pages") or []
             if isinstance(p, dict) and isinstance(p.get("id"), str)}
    return [e for e in log["entries"] if isinstance(e, dict)], pages


def _headers(part: dict[str, Any], name: str) -> list[str]:
    return [str(h.get("value", "")) for h in part.get("headers") or []
            if isinstance(h, dict) and str(h.get("name", "")).lower() == name]


def _sent(entry: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(entry.get("startedDateTime", "")).replace("Z",
                                                                                    "+00:00"))
    except ValueError:
        return None


def scan_har(path: Path, catalog: Catalog) -> Evidence:
    entries, titles = _entries(path)
    documents = [e for e in entries
                 if str(e.get("_resourceType", "")).lower() == "document"
                 or "text/html" in str((e.get("response") or {}).get("content", {})
                                       .get("mimeType", ""))]
    page_ids = {id(e) for e in documents}
    first = next((str(e.get("request", {}).get("url", "")) for e in documents), "")
    if not first and entries:
        first = str(entries[0].get("request", {}).get("url", ""))
    site = host_of(first)
    if not site:
        raise UserError("no page in the HAR: record it with the site open", path=path)
    collector = Collector(catalog, site, str(path), "har", limits=list(HAR_LIMITS))
    for entry in entries:
        request = entry.get("request") or {}
        response = entry.get("response") or {}
        url = str(request.get("url", ""))
        page = titles.get(str(entry.get("pageref", "")), "") or first
        if not page.startswith("http"):
            page = first
        resource = str(entry.get("_resourceType", ""))
        mime = str((response.get("content") or {}).get("mimeType", ""))
        is_page = id(entry) in page_ids and host_of(url) == site
        if is_page:
            collector.page(url)
        frame = resource.lower() == "document" and not is_page
        collector.request(url, kind_of(resource, mime, frame), page)
        for header in _headers(response, "set-cookie"):
            collector.set_cookie(header, url, page, _sent(entry))
    return collector.evidence()
