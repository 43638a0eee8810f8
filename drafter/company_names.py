"""Whether a company name typed by hand names a company of the catalog (`clauses/data/
vendors.yaml`): the one rule for the answer check that finds a company listed twice (the
`same_company` test of the templates: `answers.vendor-listed-twice`) and for the evidence that
recognises a typed vendor (`evidence.catalog.Catalog.named`).

Names are compared as owners write them, as the app's type-to-jump finds a catalog company
(`app/widgets/lists.py`: any case, the name without its bracketed part, or another name it is
known by), and beyond: accents, punctuation and spacing aside ("Fed-Ex", "fedex"), without a
legal form at the end ("FedEx Corp", "Stripe, Inc.", "Klarna AB"), and a web address by its
name ("fedex.com", "https://www.fedex.com/"). The whole name must be the same: two companies
sharing a word ("Amazon Pay" and "Amazon Web Services", "Square" and "Squarespace", "Google"
and "Google Analytics") are different companies, and a company's parent named in brackets
("Mailchimp (Intuit)") is not the company.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# Legal forms a company's name may end with (United States, United Kingdom, Europe).
LEGAL_FORMS = frozenset(
    "inc incorporated corp corporation co company llc ltd limited plc gmbh ag sa sas sarl "
    "bv nv pty lp llp ulc ab oy as aps asa spa srl kk".split())
# Second-level labels under a country's top-level domain (`example.co.uk`).
_SECOND_LEVEL = frozenset("co com org net ac gov edu".split())
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/?#].*)?$")


def _folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def company_keys(name: str) -> frozenset[str]:
    """The forms `name` is compared in (see the module): its letters and digits without a
    legal form at the end, and for a web address, its name before the domain's ending."""
    text = re.sub(r"\s*\([^()]*\)$", "", _folded(name))  # "mailchimp (intuit)": mailchimp
    keys: set[str] = set()
    domain = _DOMAIN.match(text)
    if domain:
        labels = domain.group(1).split(".")
        labels = labels[:-2] if len(labels) > 2 and len(labels[-1]) == 2 and \
            labels[-2] in _SECOND_LEVEL else labels[:-1]
        if labels:
            keys.add(re.sub(r"[^\w]", "", labels[-1]))
    words = re.sub(r"[^\w]+", " ", text.replace("&", " and ")).split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    keys.add("".join(words))
    return frozenset(key for key in keys if key)


def known_names(company: Any) -> list[str]:
    """A catalog company's names: its `name` and `also_known_as` (a record, as templates and
    the evidence catalog read it, or a name alone)."""
    if isinstance(company, str):
        return [company]
    get = company.get if isinstance(company, dict) else lambda k, d=None: getattr(company, k, d)
    return [str(get("name", "") or ""), *(str(n) for n in get("also_known_as", None) or ())]


def same_company(typed: Any, companies: Iterable[Any]) -> bool:
    """Whether the name `typed` names one of `companies` (records or names); in templates,
    `vendors | selectattr('name', 'same_company', chosen)`."""
    keys = company_keys(str(typed or ""))
    return bool(keys) and any(keys & company_keys(name) for company in companies
                              for name in known_names(company))


__all__ = ["LEGAL_FORMS", "company_keys", "known_names", "same_company"]
