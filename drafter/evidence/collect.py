"""Turning what a browser saw (live, or recorded in a HAR) into `Evidence`: one place that
decides what is third party, which vendor a host or cookie belongs to, and what is unknown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from drafter.evidence.catalog import Catalog
from drafter.evidence.model import Cookie, Evidence, Form, Links, Request, RequestKind, \
    StorageKey, host_of, third_party

# Chromium's resource types (Playwright's `request.resource_type`, a HAR's `_resourceType`).
KINDS: dict[str, RequestKind] = {
    "script": "script", "image": "pixel", "ping": "pixel", "beacon": "pixel", "xhr": "xhr",
    "fetch": "xhr", "eventsource": "xhr", "websocket": "xhr", "stylesheet": "stylesheet",
    "font": "font", "media": "media", "document": "document", "iframe": "iframe",
}
_MIME: tuple[tuple[str, RequestKind], ...] = (
    ("javascript", "script"), ("image/", "pixel"), ("json", "xhr"), ("text/css", "stylesheet"),
    ("font", "font"), ("text/html", "iframe"), ("video/", "media"), ("audio/", "media"))


def kind_of(resource_type: str, mime: str = "", frame: bool = False) -> RequestKind:
    """What kind of request: a document loaded into a frame is an iframe."""
    kind = KINDS.get(resource_type.lower())
    if kind is None:
        kind = next((k for part, k in _MIME if part in mime.lower()), "other")
    return "iframe" if kind == "document" and frame else kind


def set_cookie_lifetime(header: str, sent: datetime | None) -> tuple[str, str, float | None]:
    """Name, domain attribute and lifetime in days of one `Set-Cookie` header (stdlib's
    `http.cookies` parses it); lifetime None for a session cookie."""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        jar = SimpleCookie()
    if not jar:
        name = header.split("=", 1)[0].strip()
        return name, "", None
    morsel = next(iter(jar.values()))
    days: float | None = None
    if morsel["max-age"]:
        try:
            days = int(morsel["max-age"]) / 86400
        except ValueError:
            days = None
    elif morsel["expires"] and sent is not None:
        try:
            days = (parsedate_to_datetime(morsel["expires"]) - sent).total_seconds() / 86400
        except (TypeError, ValueError):
            days = None
    return morsel.key, morsel["domain"].lower(), round(days, 1) if days is not None else None


@dataclass
class Collector:
    """Findings, added one at a time as the browser reports them, each kept once."""

    catalog: Catalog
    site: str
    source: str
    kind: str
    pages: list[str] = field(default_factory=list)
    requests: dict[tuple[Any, ...], Request] = field(default_factory=dict)
    cookies: dict[tuple[Any, ...], Cookie] = field(default_factory=dict)
    storage: dict[tuple[str, str], StorageKey] = field(default_factory=dict)
    forms: dict[tuple[Any, ...], Form] = field(default_factory=dict)
    links: Links = field(default_factory=Links)
    banner: bool | None = None
    gpc_checked: bool = False
    limits: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def page(self, url: str) -> None:
        if url not in self.pages:
            self.pages.append(url)

    def request(self, url: str, kind: RequestKind, page: str, *, before_consent: bool = False,
                with_gpc: bool = False) -> Request | None:
        """Keep a third-party request (first-party ones are the site itself)."""
        host = host_of(url)
        if not host or not urlsplit(url).scheme.startswith("http") \
                or not third_party(host, self.site):
            return None
        parts = urlsplit(url)
        found = Request(host=host, kind=kind, page=page, url=f"{parts.scheme}://{host}"
                        f"{parts.path}", vendor=self.catalog.by_host(host),
                        before_consent=before_consent, with_gpc=with_gpc)
        key = (host, kind, found.url, before_consent, with_gpc)
        return self.requests.setdefault(key, found)

    def cookie(self, name: str, domain: str, lifetime: float | None, page: str, *,
               with_gpc: bool = False) -> None:
        domain = domain.lower() or host_of(page)
        vendor = self.catalog.by_cookie(name) or self.catalog.by_host(domain)
        found = Cookie(name=name, domain=domain, third_party=third_party(domain, self.site),
                       lifetime_days=lifetime, page=page, vendor=vendor, with_gpc=with_gpc)
        self.cookies.setdefault((name, domain, with_gpc), found)

    def set_cookie(self, header: str, url: str, page: str, sent: datetime | None, *,
                   with_gpc: bool = False) -> None:
        """Each cookie of a response's `Set-Cookie` header (several are joined by newlines)."""
        for line in filter(str.strip, header.split("\n")):
            name, domain, days = set_cookie_lifetime(line, sent)
            if name:
                self.cookie(name, domain or host_of(url), days, page, with_gpc=with_gpc)

    def store(self, origin: str, key: str, page: str) -> None:
        self.storage.setdefault((origin, key), StorageKey(origin=origin, key=key, page=page))

    def form(self, found: Form) -> None:
        self.forms.setdefault((found.page, found.action, tuple(found.fields)), found)

    def evidence(self) -> Evidence:
        requests = list(self.requests.values())
        unknown = sorted({r.host for r in requests if r.vendor is None})
        return Evidence(source=self.source, kind=self.kind,  # type: ignore[arg-type]
                        site=self.site,
                        pages=self.pages, requests=requests, cookies=list(self.cookies.values()),
                        storage=list(self.storage.values()), forms=list(self.forms.values()),
                        banner=self.banner, gpc_checked=self.gpc_checked, links=self.links,
                        unrecognised=unknown, limits=self.limits, problems=self.problems)
