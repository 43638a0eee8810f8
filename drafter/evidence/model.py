"""What a scan found (`drafter scan`): the evidence file, a typed model saved as JSON.

One model whatever the source: a live site (`drafter scan URL`), a HAR recorded in a
browser (`--har`) or an app's dependency manifests (`--repo`). Each finding says where it was
seen (page, file), so a proposal or a reviewer note can quote it to the owner.
"""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.errors import UserError
from drafter.yamlio import atomic_write, read_bytes

RequestKind = Literal["script", "pixel", "xhr", "iframe", "stylesheet", "font", "media",
                      "document", "other"]
FieldKind = Literal["name", "email", "phone", "address", "card", "date_of_birth", "password",
                    "government_id", "message", "other"]
VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Request(_Model):
    """A request to another site (first-party requests are not kept)."""

    host: str
    kind: RequestKind
    page: str  # the page that made it
    url: str = ""  # the address without its query (which may hold personal data)
    vendor: str | None = None  # catalog id, when a host of the catalog
    before_consent: bool = False  # sent while a consent banner awaited a choice
    with_gpc: bool = False  # sent in the run whose browser sent Global Privacy Control


class Cookie(_Model):
    name: str
    domain: str
    third_party: bool
    lifetime_days: float | None = None  # None: a session cookie
    page: str = ""
    vendor: str | None = None
    with_gpc: bool = False


class StorageKey(_Model):
    origin: str
    key: str
    page: str = ""


class Form(_Model):
    page: str
    action: str = ""
    fields: list[FieldKind] = Field(default_factory=list)


class Sdk(_Model):
    """A dependency of an app named in one of its manifests."""

    package: str
    manifest: str  # the file, relative to the repository
    vendor: str | None = None


class Links(_Model):
    privacy: list[str] = Field(default_factory=list)
    do_not_sell: list[str] = Field(default_factory=list)


class Evidence(_Model):
    """Everything one scan found. `checked` lists what the source could show: a HAR has no
    forms or banner, a repository no requests; what is not checked is not evidence of
    absence (`limits` says so in words)."""

    version: int = VERSION
    source: str  # the URL, HAR file or repository scanned
    kind: Literal["site", "har", "repo"]
    site: str = ""  # the first-party host (empty for a repository)
    pages: list[str] = Field(default_factory=list)
    requests: list[Request] = Field(default_factory=list)
    cookies: list[Cookie] = Field(default_factory=list)
    storage: list[StorageKey] = Field(default_factory=list)
    forms: list[Form] = Field(default_factory=list)
    sdks: list[Sdk] = Field(default_factory=list)
    banner: bool | None = None  # a consent banner appeared (None: not checked)
    gpc_checked: bool = False
    links: Links = Field(default_factory=Links)
    unrecognised: list[str] = Field(default_factory=list)  # third-party hosts not in the catalog
    limits: list[str] = Field(default_factory=list)  # what this source cannot show
    problems: list[str] = Field(default_factory=list)  # pages that failed or timed out

    def vendors(self) -> dict[str, list[str]]:
        """Each catalog vendor seen, with what showed it (`script from x on /page`, …)."""
        seen: dict[str, list[str]] = {}
        for r in self.requests:
            if r.vendor:
                _add(seen, r.vendor, f"{r.kind} from {r.host} on {page_path(r.page)}")
        for c in self.cookies:
            if c.vendor:
                _add(seen, c.vendor, f"cookie {c.name} ({c.domain}) on {page_path(c.page)}")
        for s in self.sdks:
            if s.vendor:
                _add(seen, s.vendor, f"package {s.package} in {s.manifest}")
        return seen

    def save(self, path: Path) -> None:
        atomic_write(path, self.model_dump_json(indent=2, exclude_defaults=False) + "\n")


def _add(seen: dict[str, list[str]], vendor: str, what: str) -> None:
    found = seen.setdefault(vendor, [])
    if what not in found:
        found.append(what)


def page_path(page: str) -> str:
    parts = urlsplit(page)
    return (parts.path or "/") if parts.scheme else page


def load_evidence(path: Path) -> Evidence:
    """An evidence file, or a one-line error naming the file and the field."""
    text = read_bytes(path, 64 * 1024 * 1024, "an evidence file").decode("utf-8", "replace")
    try:
        return Evidence.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise UserError(f"not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except ValidationError as exc:
        err = exc.errors()[0]
        raise UserError(err["msg"], path=path,
                        field=".".join(map(str, err["loc"])) or None) from None


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def site_of(host: str) -> str:
    """The registrable part of a host, roughly (`www.shop.example.com` → `example.com`):
    the last two labels, or three under a two-letter country's second level (`.co.uk`)."""
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {"co", "com", "org", "net",
                                                                      "ac", "gov", "ne", "or"}:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def third_party(host: str, site: str) -> bool:
    return site_of(host.lstrip(".")) != site_of(site)
