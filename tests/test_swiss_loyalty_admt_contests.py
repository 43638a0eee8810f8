"""Swiss FADP, Colorado loyalty programmes, California's 2027 ADMT rules and NY/FL sweepstakes
registration: each applies only when the answers call for it, and is met by its clause or
raised as a note for counsel."""

from __future__ import annotations

from datetime import date
from typing import Any

from drafter.answers import Answers
from drafter.paths import examples
from drafter.document.model import Draft
from tests.conftest import real_project as project


def draft(example: str, **changes: Any) -> Draft:
    """The example's draft with some answers (`section.question`) changed."""
    base = project().answers(examples()[example])
    return project().draft(Answers(project().questionnaire, {**base.values, **changes}))


def clauses(d: Draft) -> dict[str, str]:
    return {c.id: c.markdown for c in d.policy.clauses()}


def notes(d: Draft, prefix: str) -> dict[str, str]:
    return {n.requirement: n.severity for n in d.notes
            if n.requirement and n.requirement.startswith(prefix)}


SWISS = {"audience.regions": ["usa", "eu", "switzerland"]}


def test_swiss_users_get_countries_safeguards_and_the_fdpic() -> None:
    d = draft("california-store", **SWISS,
              **{"international.swiss_representative": "Rep AG\nZurich",
                 "international.dpf_parts": ["eu", "swiss"]})
    text = clauses(d)
    assert "the United States" in text["eu-uk.swiss-transfers"]
    assert "Swiss-U.S. Data Privacy Framework" in text["eu-uk.swiss-transfers"]
    assert "Rep AG, Zurich" in text["eu-uk.swiss-representative"]
    assert "Federal Data Protection and Information Commissioner" in text["eu-uk.complaint-eu"]
    assert notes(d, "fadp.") == {}


def test_swiss_gaps_become_notes() -> None:
    d = draft("california-store", **SWISS, **{"international.transfer_tools": ["idta"]})
    assert "eu-uk.swiss-transfers" not in clauses(d)
    assert notes(d, "fadp.") == {"fadp.transfers": "blocking", "fadp.representative": "warning"}
    # FADP Art. 14 was read in the Act's text (2 Dec 2026): the note no longer asks to verify it.
    assert not any(n.verify for n in d.notes if n.requirement == "fadp.representative")


def test_a_swiss_office_needs_no_representative() -> None:
    d = draft("california-store", **SWISS, **{"audience.swiss_office": True})
    assert "fadp.representative" not in notes(d, "fadp.")


def test_no_swiss_text_without_swiss_users() -> None:
    d = draft("california-store")
    assert not {"eu-uk.swiss-transfers", "eu-uk.swiss-representative"} & set(clauses(d))
    assert "Switzerland" not in clauses(d)["eu-uk.complaint-eu"]


COLORADO = {"audience.us_states": ["colorado"], "audience.people": 150000,
            "audience.residents_100k": ["colorado"]}  # Colorado counts its own residents


def test_colorado_loyalty_programme_disclosures() -> None:
    d = draft("california-store", **COLORADO, **{
        "data_practices.rewards_partners": "Bean Co. gives a free coffee.",
        "data_practices.rewards_sensitive": "Birthday treats need your birth date."})
    text = clauses(d)["use.rewards-colorado"]
    assert "we do not sell information from the programme" in text
    assert "Bean Co. gives a free coffee." in text
    assert "Birthday treats need your birth date." in text
    assert "24 hours" in text
    assert "colorado.loyalty" not in notes(d, "colorado.")


def test_loyalty_sale_detail_and_scope() -> None:
    sold = draft("california-store", **COLORADO, **{
        "data_practices.rewards_sold": "yes",
        "data_practices.rewards_sold_detail": "Purchase history, to ad networks."})
    assert "Purchase history, to ad networks." in clauses(sold)["use.rewards-colorado"]
    assert "use.rewards-colorado" not in clauses(draft("california-store"))  # not Colorado
    no_programme = draft("california-store", **COLORADO, **{"data_practices.rewards": False})
    assert "use.rewards-colorado" not in clauses(no_programme)


ADMT = {"data_practices.automated_decisions": "yes",
        "data_practices.automated_logic": "We score loan applications by computer."}


def test_admt_text_appears_from_2027() -> None:
    d = draft("california-store", **ADMT, **{"policy.effective_date": date(2027, 1, 1),
                                             "data_practices.admt_notice": "yes"})
    assert "opt out" in clauses(d)["california.admt"]
    assert notes(d, "ccpa.admt") == {}
    # the pre-use notice is promised only on the owner's yes (tests/test_admt_notice.py)
    d = draft("california-store", **ADMT, **{"policy.effective_date": date(2027, 1, 1)})
    assert "opt out" in clauses(d)["california.admt"]
    assert notes(d, "ccpa.admt") == {"ccpa.admt": "blocking"}


def test_admt_before_2027_is_advice_to_update() -> None:
    d = draft("california-store", **ADMT)  # effective 15 November 2026
    assert "california.admt" not in clauses(d)
    assert notes(d, "ccpa.admt") == {"ccpa.admt-upcoming": "advice"}


def test_admt_not_sure_in_2027_is_a_question_for_counsel() -> None:
    d = draft("california-store", **{"data_practices.automated_decisions": "unsure",
                                     "policy.effective_date": date(2027, 3, 1)})
    (asked,) = [n for n in d.notes if n.resolves_by == "data_practices.automated_decisions"]
    assert asked.for_counsel and "ccpa.admt" in asked.covers
    assert not notes(draft("california-store", **{"policy.effective_date": date(2027, 3, 1)}),
                     "ccpa.admt")


def test_big_sweepstakes_open_to_new_york_or_florida_get_advice() -> None:
    big = {"marketplace.prizes_over_5000": "yes"}
    assert notes(draft("marketplace", **big), "contests.") == {
        "contests.ny-fl-registration": "advice"}
    assert notes(draft("marketplace"), "contests.") == {}  # prizes of $5,000 or less
    assert notes(draft("marketplace", **big, **{"marketplace.contest_ny_fl": "no"}),
                 "contests.") == {}


def test_rewards_said_not_for_ads_while_lists_go_to_ad_platforms_is_a_warning() -> None:
    def warned(**changes: Any) -> bool:
        return any(n.check == "answers.rewards-not-for-ads-but-lists-uploaded"
                   for n in draft("california-store", **changes).notes)

    assert warned(**COLORADO)  # the store uploads customer lists to ad platforms
    assert not warned(**COLORADO, **{"data_practices.ad_audiences": False})
    assert not warned()  # California only: no Colorado disclosure to contradict
