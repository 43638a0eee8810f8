"""A company typed by hand that is one of the catalog's (`drafter.company_names`), for the
warning that the policy lists it twice (`answers.vendor-listed-twice`) and for the evidence.

Issue 15: the warning matched exact names only: "Fedex", "fedex.com" and "FedEx Corp" typed
beside FedEx ticked in the list passed silently, and the policy listed FedEx twice. Two
different companies sharing a word must never be taken for one."""

from __future__ import annotations

import pytest

from drafter.company_names import same_company
from drafter.evidence.catalog import catalog
from tests.test_answer_checks import answers, fired
from tests.conftest import real_project

FEDEX = {"name": "FedEx"}
CATALOG = [FEDEX, {"name": "Amazon Web Services", "also_known_as": ["AWS"]},
           {"name": "Square"}, {"name": "Google Analytics"}, {"name": "Mailchimp (Intuit)"},
           {"name": "Authorize.net (Visa)"}, {"name": "Apple Pay"},
           {"name": "Amazon Simple Email Service", "also_known_as": ["Amazon SES", "SES"]}]


@pytest.mark.parametrize("typed", [
    "FedEx", "Fedex", "FEDEX", "fedex.com", "www.fedex.com", "https://www.fedex.com/en-us/",
    "FedEx Corp", "FedEx Corp.", "FedEx Corporation, Inc.", "Fed-Ex", "Fed Ex", " fedex ",
    "Amazon Web Services, Inc.", "aws", "Square, Inc.", "square.co.uk",
    "Mailchimp", "mailchimp.com", "Authorize.Net", "authorize.net", "Amazon SES",
    "Google Analytics LLC", "Apple Pay",
])
def test_a_catalog_company_as_typed_is_found(typed: str) -> None:
    assert same_company(typed, CATALOG)


@pytest.mark.parametrize("typed", [
    "Amazon Pay",  # Amazon, but not its web services
    "Amazon",
    "Squarespace", "Square Capital", "Block, Inc.",  # Square's parent
    "Google", "Google Ads", "google.com",  # a word or a domain shared by many
    "Intuit", "Intuit QuickBooks",  # Mailchimp's parent, in brackets in the catalog
    "Visa",  # Authorize.net's parent
    "Apple", "FedEx Office Print Center", "Federal Express Freight Brokers",
    "Express", "Inc.", "", "ses.example.org",
])
def test_a_company_sharing_a_word_is_not_taken_for_another(typed: str) -> None:
    assert not same_company(typed, CATALOG)


def test_the_warning_finds_fedex_however_it_is_typed() -> None:
    """Through the answer check on the kiosk (FedEx ticked in its list): each spelling is
    named in the warning, and Amazon Pay beside Amazon Web Services is not."""
    project = real_project()
    typed = ["Fedex", "fedex.com", "FedEx Corp", "Amazon Pay"]
    given = answers(project, "kiosk", sharing__vendors=[
        {"name": name, "purpose": "parcels", "category": "other"} for name in typed])
    note = fired(project, given)["answers.vendor-listed-twice"]
    assert "Fedex, fedex.com and FedEx Corp." in note.message and "Amazon Pay" not in note.message


def test_the_evidence_knows_a_typed_company_the_same_way() -> None:
    known = catalog(real_project().library.data)
    assert known.named("FedEx Corp") == known.named("fedex.com") == "fedex"
    assert known.named("Amazon Pay") is None

