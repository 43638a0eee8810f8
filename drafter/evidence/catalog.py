"""Recognising vendors in evidence: the identifying keys of `clauses/data/vendors.yaml`.

Each catalog entry may list `hosts` (a host and every host under it: `google-analytics.com`
matches `region1.google-analytics.com`), `cookies` (names, `*` standing for any run of
characters: `_ga_*`) and `packages` (SDK package names as manifests spell them, `*` allowed:
`@sentry/*`, `com.google.firebase:firebase-analytics*`). Adding a vendor, or a host to one,
stays a data change. `drafter lint` checks the keys (`catalog_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from drafter.company_names import same_company
from drafter.errors import UserError
from drafter.yamlio import load_data

_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")


def _host(host: str) -> str:
    if not _HOST.fullmatch(host):
        raise ValueError(f"{host!r} is not a lower-case host name such as "
                         "`google-analytics.com` (no scheme, path or `*`)")
    return host


def _name(name: str) -> str:
    if name.strip("*") == "" or any(c.isspace() for c in name):
        raise ValueError(f"{name!r} is not a name (a `*` alone would match anything)")
    return name


Host = Annotated[str, AfterValidator(_host)]
Name = Annotated[str, AfterValidator(_name)]


class Identity(BaseModel):
    """The identifying keys of one vendor (its other fields are the policy's, not ours)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    name: str
    category: str
    hosts: tuple[Host, ...] = ()
    cookies: tuple[Name, ...] = ()
    packages: tuple[Name, ...] = ()
    also_known_as: tuple[str, ...] = ()
    cookieless: bool = False


@dataclass(frozen=True)
class Catalog:
    vendors: Mapping[str, Identity]

    def by_host(self, host: str) -> str | None:
        """The vendor whose host is `host` or a parent of it (the longest match wins)."""
        host = host.lower().rstrip(".").lstrip(".")
        best: tuple[int, str] | None = None
        for vid, ident in self.vendors.items():
            for h in ident.hosts:
                if (host == h or host.endswith("." + h)) and (best is None or len(h) > best[0]):
                    best = (len(h), vid)
        return best[1] if best else None

    def by_cookie(self, name: str) -> str | None:
        return next((vid for vid, ident in self.vendors.items()
                     if any(fnmatchcase(name, p) for p in ident.cookies)), None)

    def by_package(self, package: str) -> str | None:
        package = package.lower()
        return next((vid for vid, ident in self.vendors.items()
                     if any(fnmatchcase(package, p.lower()) for p in ident.packages)), None)

    def name(self, vid: str) -> str:
        ident = self.vendors.get(vid)
        return ident.name if ident else vid

    def is_tracker(self, vid: str | None) -> bool:
        """Analytics or advertising that stores something on the visitor's device: what
        consent is about (a `cookieless` analytics service is not)."""
        ident = self.vendors.get(vid or "")
        return ident is not None and ident.category in TRACKING and not ident.cookieless

    def named(self, typed: str) -> str | None:
        """The vendor an owner typed by hand (`sharing.vendors`): its name or another name
        it is known by, as `drafter.company_names` compares them ("FedEx Corp", "fedex.com")."""
        return next((vid for vid, ident in self.vendors.items()
                     if same_company(typed, [ident.name, *ident.also_known_as])), None)

    def is_advertising(self, vid: str | None) -> bool:
        ident = self.vendors.get(vid or "")
        return ident is not None and ident.category == "advertising"


TRACKING = ("analytics", "advertising")


def catalog(data: Mapping[str, Any]) -> Catalog:
    """The catalog from the library's loaded data (`library.data`), validated on load."""
    return Catalog({vid: Identity.model_validate(v)
                    for vid, v in (data.get("vendors") or {}).items()})


def catalog_problems(root: Path) -> list[UserError]:
    """`drafter lint`: identifying keys that are malformed or claimed by two vendors."""
    path = root / "data" / "vendors.yaml"
    if not path.is_file():
        return []
    file = load_data(path)
    problems: list[UserError] = []
    owners: dict[tuple[str, str], str] = {}
    for vid, entry in (file.data or {}).items():
        try:
            ident = Identity.model_validate(entry)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = (vid, *err["loc"])
            problems.append(UserError(err["msg"].removeprefix("Value error, "), path=path,
                                      line=file.line(loc),
                                      field=".".join(map(str, loc))))
            continue
        for key in ("hosts", "cookies", "packages"):
            for index, value in enumerate(getattr(ident, key)):
                other = owners.setdefault((key, value.lower()), vid)
                if other != vid:
                    problems.append(UserError(f"{value!r} also identifies {other!r}; a "
                                              "finding must name one vendor", path=path,
                                              line=file.line((vid, key, index)),
                                              field=f"{vid}.{key}"))
    return problems
