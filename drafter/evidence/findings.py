"""What evidence means, said once for the summary, the proposals and the reviewer notes: the
advertising a visitor is exposed to, and the kind of information a form field asks for."""

from __future__ import annotations

from drafter.evidence.catalog import Catalog
from drafter.evidence.model import Evidence, page_path

# The kind of personal information (collection.categories) a form field asks for.
FIELD_CATEGORIES = {"name": "contact", "email": "contact", "phone": "contact",
                    "address": "contact", "card": "payment", "date_of_birth": "demographics",
                    "password": "account", "government_id": "government_id",
                    "message": "communications"}


def ad_tracking(evidence: Evidence, known: Catalog, *, with_gpc: bool) -> list[str]:
    """An ad company's cookies and pixels, in the run with or without Global Privacy Control,
    each once. Not its scripts alone: a login button loads one too, and a tag may load and then
    hold back under GPC; what counts is what it stores or sends."""
    found = [f"cookie {c.name} set by {known.name(c.vendor)} on {page_path(c.page)}"
             for c in evidence.cookies
             if c.with_gpc == with_gpc and known.is_advertising(c.vendor)]
    found += [f"pixel from {r.host} ({known.name(r.vendor)}) on {page_path(r.page)}"
              for r in evidence.requests
              if r.with_gpc == with_gpc and r.kind == "pixel" and known.is_advertising(r.vendor)]
    return list(dict.fromkeys(found))
