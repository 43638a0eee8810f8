"""Each state law applies by its own statute's test: one below, at and one above every
residents threshold, the revenue and sale-share tests, exemptions and in-force dates.

The table below is written from the statutes, not from `clauses/laws.yaml`, so a wrong number
in the data fails here. Every residents threshold is "at least N" in its statute ("at least
100,000 consumers" Va. Code §59.1-576(A); "one hundred thousand consumers or more" Colo. Rev.
Stat. §6-1-1304(1); "not less than 35,000" 6 Del. C. §12D-103(a); the others likewise, each
quoted beside its number in laws.yaml), so N itself is over. The sale-share tests differ:
"more than"/"over" in most states, "25 percent or more" in Oregon, "50 percent or more" in
California; the answer bands (questionnaire `audience.sale_revenue`) are chosen so that each
test is decided by the band.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.laws import evaluate
from drafter.paths import examples
from drafter.statutes import StateCounts
from drafter.templating import AnswerGroup
from tests.conftest import real_project as project

DAY = date(2026, 11, 20)
G, H, N = "audience.glba", "audience.hipaa", "audience.nonprofit"

# state: (residents prongs as (threshold, sale band that meets the prong's share test),
#         the band just under that share test, revenue band needed, exemptions)
TABLE: dict[str, tuple[list[tuple[int, str]], str | None, str | None, list[str]]] = {
    "virginia": ([(100000, "none"), (25000, "over_50")], "25_to_50", None, [G, H, N]),
    "colorado": ([(100000, "none"), (25000, "under_20")], "none", None, [G]),
    "connecticut": ([(35000, "none")], None, None, [N]),
    "utah": ([(100000, "none"), (25000, "over_50")], "25_to_50", "25m_to_26m", [G, H, N]),
    "oregon": ([(100000, "none"), (25000, "25_to_50")], "20_to_25", None, []),
    # Montana's nonprofit exemption ended with SB 297 (1 Oct 2025): see the test below.
    "montana": ([(25000, "none"), (15000, "25_to_50")], "20_to_25", None, [H]),
    "iowa": ([(100000, "none"), (25000, "over_50")], "25_to_50", None, [G, H, N]),
    "delaware": ([(35000, "none"), (10000, "20_to_25")], "under_20", None, []),
    "new_hampshire": ([(35000, "none"), (10000, "25_to_50")], "20_to_25", None, [G, N]),
    "new_jersey": ([(100000, "none"), (25000, "under_20")], "none", None, [G]),
    "tennessee": ([(175000, "none"), (25000, "over_50")], "25_to_50", "25m_to_26m", [G, H, N]),
    "minnesota": ([(100000, "none"), (25000, "25_to_50")], "20_to_25", None, []),
    "maryland": ([(35000, "none"), (10000, "20_to_25")], "under_20", None, [G]),
    "indiana": ([(100000, "none"), (25000, "over_50")], "25_to_50", None, [G, H, N]),
    "kentucky": ([(100000, "none"), (25000, "over_50")], "25_to_50", None, [G, H, N]),
    "rhode_island": ([(35000, "none"), (10000, "20_to_25")], "under_20", None, []),
}
EXEMPTIONS = (G, H, N)


def law(state: str, residents: int | None = None, day: date = DAY,
        **changes: Any) -> AnswerGroup:
    """The derived facts for a business in `state` alone, with `residents` residents there
    (None: from the band answers), on the policy date `day`."""
    base = project().answers(examples()["texas-small"])
    values = {**base.values, "audience.us_states": [state], "audience.small_business": "no",
              "audience.revenue": "under_25m", "audience.sale_revenue": "none",
              "policy.effective_date": day, **changes}
    answers = Answers(project().questionnaire, values)
    laws = project().library.laws
    if residents is not None:
        def count(s: str) -> AnswerGroup:
            return AnswerGroup(served=s == state, at_least=residents, if_no=residents,
                               assumed=None)
        fixed = type("Fixed", (), {"count": lambda self, c, s: StateCounts({}, count),
                                   "names": lambda self: set()})()
        laws = tuple(replace(d, counts=fixed) if d.counts is not None else d for d in laws)
    context = template_context(answers, project().library)
    return evaluate(laws, {k: v for k, v in context.items() if k != "law"},
                    frozenset(answers.shown()))


def applies(state: str, residents: int, share: str, **changes: Any) -> bool:
    return bool(getattr(law(state, residents, **{"audience.sale_revenue": share,
                                                  **changes}), state))


def test_the_table_covers_every_state_law_with_a_residents_threshold() -> None:
    with_threshold = {d.statute.state for d in project().library.laws
                      if d.statute is not None and d.statute.kind == "comprehensive"
                      and any(p.residents for p in d.statute.applies)}
    assert with_threshold == set(TABLE)


CASES = [(state, threshold, share, TABLE[state][2])
         for state, (prongs, _, _, _) in TABLE.items() for threshold, share in prongs]


@pytest.mark.parametrize(("state", "threshold", "share", "revenue"), CASES)
def test_one_below_at_and_one_above_each_residents_threshold(
        state: str, threshold: int, share: str, revenue: str | None) -> None:
    extra = {"audience.revenue": revenue} if revenue else {}
    assert applies(state, threshold - 1, share, **extra) is False  # no other prong holds
    assert applies(state, threshold, share, **extra) is True
    assert applies(state, threshold + 1, share, **extra) is True


@pytest.mark.parametrize("state", [s for s, row in TABLE.items() if row[1] is not None])
def test_the_share_of_revenue_from_selling_data_is_decided_by_its_band(state: str) -> None:
    (high, _), (low, share) = TABLE[state][0]
    below_share, revenue = TABLE[state][1], TABLE[state][2]
    extra = {"audience.revenue": revenue} if revenue else {}
    assert applies(state, low, share, **extra) is True
    assert applies(state, low, below_share, **extra) is False
    assert applies(state, high - 1, below_share, **extra) is False


@pytest.mark.parametrize("state", [s for s, row in TABLE.items() if row[2] is not None])
def test_revenue_tests(state: str) -> None:
    high = TABLE[state][0][0][0]
    assert applies(state, high, "none", **{"audience.revenue": "25m_to_26m"}) is True
    assert applies(state, high, "none", **{"audience.revenue": "under_25m"}) is False


@pytest.mark.parametrize(("state", "key"), [(s, k) for s in TABLE for k in EXEMPTIONS])
def test_exempt_and_not_exempt(state: str, key: str) -> None:
    high, share = TABLE[state][0][0]
    extra = {"audience.revenue": TABLE[state][2]} if TABLE[state][2] else {}
    assert applies(state, high, share, **extra, **{key: "no"}) is True
    assert applies(state, high, share, **extra, **{key: "unsure"}) is True  # not sure: applies
    assert applies(state, high, share, **extra, **{key: "yes"}) is (key not in TABLE[state][3])


def test_montana_nonprofits_are_exempt_only_before_sb_297() -> None:
    """SB 297 (in force 1 Oct 2025) keeps the nonprofit exemption only for nonprofits that
    fight insurance fraud: a nonprofit handling 60,000 Montanans is covered from that day."""
    before, after = date(2025, 9, 30), date(2025, 10, 1)
    assert applies("montana", 60000, "none", day=before, **{N: "yes"}) is False
    assert applies("montana", 60000, "none", day=before, **{N: "no"}) is True
    assert applies("montana", 60000, "none", day=after, **{N: "yes"}) is True


@pytest.mark.parametrize("state", ["texas", "nebraska"])
def test_texas_and_nebraska_apply_to_any_business_that_is_not_sba_small(state: str) -> None:
    assert getattr(law(state, 0), state) is True
    assert getattr(law(state, 0, **{"audience.small_business": "unsure"}), state) is True
    small = law(state, 10**6, **{"audience.small_business": "yes"})
    assert (getattr(small, state), getattr(small, f"{state}_small")) == (False, True)
    for key in EXEMPTIONS:
        assert getattr(law(state, 0, **{key: "yes"}), state) is False


def test_minnesota_exempts_sba_small_businesses_except_for_selling_sensitive_data() -> None:
    small = law("minnesota", 10**6, **{"audience.small_business": "yes"})
    assert (small.minnesota, small.minnesota_small) == (False, True)
    assert law("minnesota", 10**6).minnesota is True


def in_force(name: str) -> date:
    return next(d.statute.in_force for d in project().library.laws if d.name == name)


@pytest.mark.parametrize("state", sorted(TABLE))
def test_a_law_not_yet_in_force_on_the_policy_date_does_not_apply(state: str) -> None:
    extra = {"audience.revenue": TABLE[state][2]} if TABLE[state][2] else {}
    start = in_force(state)
    assert getattr(law(state, 10**6, start, **extra), state)
    assert not getattr(law(state, 10**6, start - timedelta(days=1), **extra), state)


def test_statutory_in_force_dates() -> None:
    assert {s: in_force(s) for s in ("indiana", "kentucky", "rhode_island", "maryland",
                                      "minnesota", "tennessee", "new_jersey")} == {
        "indiana": date(2026, 1, 1), "kentucky": date(2026, 1, 1),
        "rhode_island": date(2026, 1, 1), "maryland": date(2025, 10, 1),
        "minnesota": date(2025, 7, 31), "tennessee": date(2025, 7, 1),
        "new_jersey": date(2025, 1, 15)}


# --- No volume threshold: Connecticut from 1 July 2026, minors' duties ---

def test_connecticut_reaches_any_controller_of_sensitive_data_from_1_july_2026() -> None:
    health = {"collection.categories": ["contact", "health"]}
    assert law("connecticut", 0, **health).connecticut is True
    assert law("connecticut", 0, date(2026, 6, 30), **health).connecticut is False
    assert law("connecticut", 0, **{"children.under_13": "yes"}).connecticut is True
    assert law("connecticut", 0).connecticut is False
    sells = {"sharing.sells": "yes", "data_practices.sold_categories": ["contact"]}
    assert law("connecticut", 0, **sells).connecticut is True
    assert law("connecticut", 34999).connecticut is False
    # before 1 July 2026 the threshold was 100,000
    assert law("connecticut", 99999, date(2026, 6, 30)).connecticut is False
    assert law("connecticut", 100000, date(2026, 6, 30)).connecticut is True


@pytest.mark.parametrize(("state", "start"), [("colorado", date(2025, 10, 1)),
                                              ("connecticut", date(2024, 10, 1))])
def test_minors_duties_apply_whatever_the_size(state: str, start: date) -> None:
    teens = {"children.under_18": "yes"}
    assert getattr(law(state, 0, **teens), f"{state}_minors") is True
    assert getattr(law(state, 0, start - timedelta(days=1), **teens), f"{state}_minors") is False
    assert getattr(law(state, 0), f"{state}_minors") is False
    assert law(state, 0, **teens).minors_states is True


# --- The band questions decide each threshold exactly ---

def counts(**answers: Any) -> AnswerGroup:
    return law("delaware", None, **{"audience.us_states": ["nationwide"],
                                    "audience.people": 500000, **answers}).residents


@pytest.mark.parametrize(("band", "at_least"), [("175k", 175000), ("100k", 100000),
                                                ("35k", 35000), ("25k", 25000),
                                                ("15k", 15000), ("10k", 10000)])
def test_each_band_gives_its_threshold(band: str, at_least: int) -> None:
    answers = {f"audience.residents_{b}": ["none"]
               for b in ("175k", "100k", "35k", "25k", "15k", "10k")}
    answers |= {f"audience.residents_{band}": ["delaware"], "audience.sale_revenue": "over_50",
                "audience.revenue": "over_26m", "audience.us_states": ["nationwide"]}
    found = counts(**answers)
    assert (found.delaware.at_least, found.delaware.assumed) == (at_least, None)
    assert (found.iowa.at_least, found.iowa.assumed) == (0, None)


def test_not_sure_reads_as_over_and_names_the_question() -> None:
    """"Not sure" at 35,000 is over for the states asked there (Delaware), and says nothing
    of Iowa, asked at 100,000 and 25,000 only: its 25,000 question, left blank, is."""
    found = counts(**{"audience.residents_100k": ["none"], "audience.residents_35k": "unsure"})
    assert (found.delaware.at_least, found.delaware.if_no, found.delaware.assumed) == (
        35000, 0, "audience.residents_35k")
    assert (found.iowa.at_least, found.iowa.if_no, found.iowa.assumed) == (
        25000, 0, "audience.residents_25k")
    facts = law("maryland", None, **{"audience.people": 500000,
                                     "audience.residents_100k": ["none"],
                                     "audience.residents_35k": "unsure"})
    assert facts.maryland is True
    assert facts.residents_assumed == ["audience.residents_35k"]


def test_a_band_not_asked_counts_as_no() -> None:
    # 20,000 people in all: the 25k and higher questions are not shown, so no state reaches 25k.
    facts = law("oregon", None, **{"audience.people": 20000})
    assert (facts.residents.oregon.at_least, facts.oregon, facts.residents_assumed) == (0, False, [])


def test_the_kiosk_example_no_longer_gets_sixteen_states() -> None:
    # Only Connecticut: the kiosks match faces (biometric data is sensitive), and from 1 July
    # 2026 Connecticut's law reaches any controller of sensitive data, whatever its size.
    answers = project().answers(examples()["kiosk"])
    found = template_context(answers, project().library)["law"]
    assert [s.state for s in found.statutes if s.kind == "comprehensive"] == ["connecticut"]


# --- Duties read from the statutes that apply, not from hand-kept chains ---

def nationwide(*states: str, small: str = "no") -> AnswerGroup:
    bands = {f"audience.residents_{b}": ["none"] for b in ("100k", "35k", "25k")}
    return law("virginia", None, **{"audience.us_states": ["nationwide"],
                                    "audience.people": 10**6, **bands,
                                    "audience.small_business": small,
                                    "audience.residents_100k": list(states)})


def test_the_appeal_deadline_is_the_shortest_of_the_laws_that_apply() -> None:
    assert nationwide("virginia").appeal_days == 60  # Va. Code §59.1-577(C)
    assert nationwide("virginia", "oregon").appeal_days == 45  # ORS 646A.576(6)(d)
    assert nationwide("minnesota").appeal_days == 45
    utah = law("utah", 10**6, **{"audience.revenue": "over_26m"})
    assert (utah.utah, utah.appeal_states, utah.appeal_days) == (True, False, None)


def test_third_party_list_rights_follow_the_states() -> None:
    found = nationwide("oregon", "minnesota", "maryland")
    assert found.specific_list_states == ["oregon", "minnesota"]
    assert found.category_list_states == ["maryland"]
    assert nationwide("iowa").specific_list_states == []


def test_opt_out_signal_and_profiling_follow_the_statutes() -> None:
    iowa = nationwide("iowa", small="yes")  # Texas and Nebraska left out: SBA small
    assert (iowa.iowa, iowa.opt_out_signal, iowa.profiling_opt_out) == (True, False, False)
    assert nationwide("colorado").opt_out_signal is True
    assert nationwide("virginia").profiling_opt_out is True


def test_a_bad_statute_entry_is_a_one_line_error_with_its_line(tmp_path: Any) -> None:
    from drafter.errors import UserError
    from drafter.laws import load_laws
    path = tmp_path / "laws.yaml"
    path.write_text("ok: 'true'\nohio:\n  statute: Ohio\n  state: ohio\n"
                    "  kind: comprehensive\n  in_force: 2027-01-01\n  cite: x\n"
                    "  applies:\n    - {residents: lots, cite: x}\n")
    with pytest.raises(UserError) as caught:
        load_laws(path)
    assert caught.value.field == "ohio.applies.0.residents"
    assert caught.value.line == 9


# --- Every threshold a statute has ever had, on every date, has a band that decides it ---

def test_every_residents_threshold_has_its_band() -> None:
    """A threshold without a band of its own is decided by the band below it: a business with
    60,000 Montana residents answers the 35,000 band, and Montana's 50,000 test (before SB 297)
    would read it as under."""
    bands = {b.at_least for d in project().library.laws if d.counts is not None
             for b in d.counts.bands}
    thresholds = {p.residents for d in project().library.laws if d.statute is not None
                  for p in d.statute.applies if p.residents is not None}
    assert thresholds - bands == set()


MONTANA_BANDS = ("175k", "100k", "50k", "35k", "25k", "15k", "10k")


def montana(day: date, band: str | None, share: str = "none") -> bool:
    """Montana's law on `day`, for a business whose Montana count is in `band` (None: under
    every band), from the band answers as the owner gives them."""
    answers: dict[str, Any] = {f"audience.residents_{b}": ["none"] for b in MONTANA_BANDS}
    if band is not None:
        answers[f"audience.residents_{band}"] = ["montana"]
    return bool(law("montana", None, day, **{"audience.people": 10**6,
                                             "audience.sale_revenue": share, **answers}).montana)


def test_montana_before_1_october_2025_uses_the_old_thresholds_by_its_bands() -> None:
    before = date(2025, 9, 30)  # Mont. Code §30-14-2803 before SB 297: 50,000, or 25,000 and >25%
    assert montana(before, "50k") is True
    assert montana(before, "35k") is False
    assert montana(before, "25k", "25_to_50") is True
    assert montana(before, "25k", "20_to_25") is False
    assert montana(before, "15k", "25_to_50") is False


def test_montana_from_1_october_2025_uses_the_new_thresholds_by_its_bands() -> None:
    after = date(2025, 10, 1)  # as amended by SB 297: 25,000, or 15,000 and >25%
    assert montana(after, "25k") is True
    assert montana(after, "15k", "25_to_50") is True
    assert montana(after, "15k", "20_to_25") is False
    assert montana(after, "10k", "over_50") is False


def test_the_50k_band_is_asked_only_where_montana_old_test_can_need_it() -> None:
    def shown(day: date, states: list[str]) -> bool:
        base = project().answers(examples()["texas-small"])
        values = {**base.values, "policy.effective_date": day, "audience.people": 10**6,
                  "audience.us_states": states}
        return "audience.residents_50k" in Answers(project().questionnaire, values).shown()
    assert shown(date(2025, 9, 30), ["montana"]) is True
    assert shown(date(2025, 9, 30), ["nationwide"]) is True
    assert shown(date(2025, 9, 30), ["oregon"]) is False
    assert shown(date(2025, 10, 1), ["montana"]) is False


# --- Each prong of a multi-prong test as its statute words it ---

def california(**changes: Any) -> AnswerGroup:
    return law("california", 100000, **{"audience.employees": 25, "sharing.sells": "no",
                                         "cookies.advertising": False, **changes})


def test_ccpa_counts_buying_the_data_of_100000_californians() -> None:
    """Cal. Civ. Code §1798.140(d)(1)(B): "buys, sells, or shares the personal information of
    100,000 or more consumers or households"; buying from data brokers is a prong of its own."""
    bought = {"collection.sources": ["individuals", "brokers"]}
    assert california().ccpa is False
    assert california(**bought).ccpa is True
    assert law("california", 99999, **bought).ccpa is False


def test_shine_the_light_counts_contact_details_given_for_partners_own_marketing() -> None:
    """Cal. Civ. Code §1798.83(a): a business of 20 or more employees that disclosed customers'
    personal information to third parties "for the third parties' direct marketing purposes"."""
    assert california().shine_the_light is False
    assert california(**{"sharing.partner_marketing": "yes"}).shine_the_light is True
    assert california(**{"sharing.partner_marketing": "unsure"}).shine_the_light is True
    assert california(**{"sharing.partner_marketing": "yes",
                         "audience.employees": 19}).shine_the_light is False


# --- Each state is asked once for each of its thresholds (issue 15's trials) ---

BANDS = ("175k", "100k", "50k", "35k", "25k", "15k", "10k")
DATES = (date(2025, 9, 30), date(2025, 10, 1), date(2026, 6, 30), date(2026, 7, 1), None)


def asked(day: date | None) -> dict[str, set[str]]:
    """The states each band question offers on the policy date `day` (None: undated), to a
    business with US customers everywhere, big enough for every band to be asked."""
    base = project().answers(examples()["texas-small"])
    values = {**base.values, "policy.effective_date": day, "audience.people": 10**7,
              "audience.us_states": ["nationwide"], "audience.revenue": "over_26m",
              "audience.sale_revenue": "over_50"}
    answers = Answers(project().questionnaire, values)
    shown = set(answers.shown())
    found = {}
    for band in BANDS:
        key = f"audience.residents_{band}"
        if key in shown:
            options = set(project().questionnaire.entry(key).question.options or {})
            found[band] = options - answers.hidden_options.get(key, frozenset()) - {"none"}
    return found


def thresholds(day: date | None) -> set[tuple[str, int]]:
    """Each state's residents tests on `day`, as the statutes in laws.yaml date them."""
    from drafter.statutes import _dated

    return {(d.statute.state, p.residents) for d in project().library.laws
            if d.statute is not None for p in d.statute.applies
            if p.residents and _dated(p.from_, p.until, day)}


@pytest.mark.parametrize("day", DATES)
def test_no_two_questions_ask_the_same_state_s_same_threshold(day: date | None) -> None:
    """The trials: "35,000 or more residents" and then "25,000 or more residents" both asked
    about California, whose law counts 100,000 only. A band question offers a state only
    where that state's law has a test at its number on the policy's date, so each state's
    each threshold is asked exactly once, by the question with its number."""
    offered = [(state, int(band[:-1]) * 1000) for band, states in asked(day).items()
               for state in states]
    assert len(offered) == len(set(offered)), "a state asked twice for one threshold"
    assert set(offered) == thresholds(day)


def test_california_is_asked_only_at_its_100000_test() -> None:
    found = asked(date(2026, 12, 2))
    assert [band for band, states in found.items() if "california" in states] == ["100k"]
    assert found["35k"] == {"connecticut", "delaware", "maryland", "new_hampshire",
                            "rhode_island"}


def test_not_sure_in_a_band_assumes_nothing_of_a_state_it_does_not_ask() -> None:
    """Tennessee is asked at 175,000 and at 25,000 (with over half the revenue from selling
    data). "Not sure" at 100,000, where it is not asked, hid the lower bands and read as
    100,000 Tennesseans: the law applied, "assumed". Now the 25,000 band is still asked and
    decides it."""
    answers = {"audience.residents_175k": ["none"], "audience.residents_100k": "unsure",
               "audience.residents_35k": ["none"], "audience.residents_25k": ["none"],
               "audience.residents_10k": ["none"], "audience.people": 10**6,
               "audience.revenue": "over_26m", "audience.sale_revenue": "over_50"}
    facts = law("tennessee", None, **answers)
    assert (facts.tennessee, facts.residents_assumed) == (False, [])
    virginia = law("virginia", None, **answers)  # asked at 100,000: "not sure" is over
    assert (virginia.virginia, virginia.residents_assumed) == (
        True, ["audience.residents_100k"])


def test_a_state_ticked_where_it_is_no_longer_asked_keeps_its_meaning() -> None:
    """An answers file from before the bands were split (California ticked at 35,000) keeps
    what it said: the tick counts, and the app shows it ticked with a warning."""
    found = counts(**{"audience.residents_100k": ["none"],
                      "audience.residents_35k": ["california"]})
    assert (found.california.at_least, found.california.assumed) == (35000, None)
    base = project().answers(examples()["marketplace"])
    old = Answers(project().questionnaire, {**base.values,
                                            "audience.residents_35k": ["california"]})
    assert old.unoffered() == {"audience.residents_35k": ["california"]}


def test_the_warning_under_an_old_tick_says_the_state_is_no_longer_asked_there() -> None:
    """Not "not offered with your other answers": no answer would offer it again."""
    from drafter.app.widgets.fields import unoffered_note

    question = project().questionnaire.entry("audience.residents_35k").question
    assert unoffered_note(question, ["california"]) == (
        "\u201cCalifornia\u201d: no longer asked here. Kept as you gave it; untick it if it "
        "no longer applies.")
    notice = project().questionnaire.entry("policy.change_notice").question
    assert "not offered with your other answers" in (unoffered_note(notice, ["app"]) or "")
