"""Which laws apply follows from plain answers by the thresholds in `clauses/laws.yaml`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.assemble import template_context
from drafter.errors import UserError
from drafter.laws import evaluate, load_laws
from drafter.lint import lint_library
from drafter.paths import examples
from drafter.templating import AnswerGroup
from tests.conftest import real_project as project


def laws(**changes: Any) -> dict[str, Any]:
    """The derived facts for the texas-small example with some answers changed."""
    base = project().answers(examples()["texas-small"])
    values = {**base.values, **changes}
    context = template_context(Answers(project().questionnaire, values), project().library)
    return vars(context["law"])


CA = {"audience.us_states": ["california"]}
CA_100K = {"audience.people": 150000, "audience.residents_100k": ["california"]}
CA_UNDER_100K = {"audience.people": 150000, "audience.residents_100k": ["none"]}


@pytest.mark.parametrize(("changes", "expected"), [
    ({**CA, "audience.revenue": "over_26m"}, True),
    ({**CA, "audience.revenue": "25m_to_26m"}, False),
    ({**CA, **CA_100K}, False),  # many Californians, but no sale or sharing
    ({**CA, **CA_100K, "cookies.advertising": True}, True),
    ({**CA, **CA_UNDER_100K, "cookies.advertising": True}, False),
    ({**CA, "audience.people": 150000, "cookies.advertising": True}, True),  # not asked: assume
    ({**CA, "audience.sale_revenue": "over_50", "sharing.sells": "yes",
      "data_practices.sold_categories": ["contact"]}, True),
    ({**CA, "audience.revenue": "unsure"}, True),  # not sure: assume it applies, and say so
    ({"audience.us_states": ["texas"], "audience.revenue": "over_26m"}, False),
])
def test_ccpa_thresholds(changes: dict[str, Any], expected: bool) -> None:
    assert laws(**changes)["ccpa"] is expected


@pytest.mark.parametrize(("state", "band", "share", "expected"), [
    ("oregon", "25k", "25_to_50", True),
    ("oregon", "25k", "20_to_25", False),
    ("montana", "25k", "none", True),
    ("montana", "15k", "25_to_50", True),
    ("delaware", "10k", "20_to_25", True),
    ("virginia", "35k", "25_to_50", False),
    ("virginia", "25k", "over_50", True),
    ("colorado", "25k", "under_20", True),
])
def test_state_thresholds(state: str, band: str, share: str, expected: bool) -> None:
    """The total number of people no longer decides a state law: its own residents do."""
    bands = {f"audience.residents_{b}": ["none"] for b in ("100k", "35k", "25k", "15k", "10k")}
    found = laws(**{"audience.us_states": [state], "audience.people": 500000,
                    "audience.sale_revenue": share, **bands,
                    f"audience.residents_{band}": [state]})
    assert found[state] is expected


def test_a_nationwide_total_does_not_reach_a_state_threshold() -> None:
    bands = {f"audience.residents_{b}": ["none"] for b in ("100k", "35k", "25k")}
    found = laws(**{"audience.us_states": ["nationwide"], "audience.people": 250000, **bands,
                    "audience.small_business": "yes"})
    assert [s.state for s in found["statutes"] if s.kind == "comprehensive"] == []


def test_texas_small_business_is_outside_the_act_but_still_flagged() -> None:
    found = laws()
    assert (found["texas"], found["texas_small"]) == (False, True)
    assert laws(**{"audience.small_business": "unsure"})["texas"] is True


def test_connecticut_applies_to_any_seller_of_data() -> None:
    changes = {"audience.us_states": ["connecticut"], "audience.people": 500,
               "policy.effective_date": date(2026, 7, 1)}
    assert laws(**changes)["connecticut"] is False
    assert laws(**changes, **{"sharing.sells": "yes",
                              "data_practices.sold_categories": ["contact"]})["connecticut"]


def test_regions_decide_the_international_laws() -> None:
    found = laws(**{"audience.regions": ["usa", "eu", "canada"], "audience.quebec": True})
    assert (found["gdpr"], found["uk_gdpr"], found["pipeda"], found["quebec"]) == (
        True, False, True, True)
    assert found["eu_rep_needed"] is True


def test_a_bad_expression_is_a_one_line_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "laws.yaml"
    path.write_text('us: "\'usa\' in audience.regions"\nccpa: "law.us and ("\n')
    with pytest.raises(UserError) as caught:
        load_laws(path)
    assert (caught.value.line, caught.value.field) == (2, "ccpa")


def test_lint_catches_unknown_names_and_later_entries(tmp_path: Path) -> None:
    path = tmp_path / "laws.yaml"
    path.write_text('early: "law.late"\nlate: "audience.nowhere"\n')
    library = replace(project().library, laws=load_laws(path))
    problems = [str(p) for p in lint_library(library, project().questionnaire)]
    assert any("'law.late'" in p for p in problems)
    assert any("'audience.nowhere'" in p for p in problems)


def test_a_named_law_with_a_start_date_is_false_on_a_policy_dated_earlier(tmp_path: Path) -> None:
    """`{when:, in_force:}`: a change of law that starts on a day (the UK's Information
    Commission) holds from that day on the policy's date; undated, it holds; a reading for
    other answers (`since`) re-reads it when only the date changed."""
    path = tmp_path / "laws.yaml"
    path.write_text('later: {when: "true", name: "A later law", in_force: 2026-09-30}\n')
    entries = load_laws(path)

    def reading(day: date | None) -> dict[str, Any]:
        return {"policy": AnswerGroup(effective_date=day)}

    assert [evaluate(entries, reading(day)).later for day in
            (date(2026, 9, 29), date(2026, 9, 30), None)] == [False, True, True]
    before = evaluate(entries, reading(date(2026, 9, 29)))
    assert evaluate(entries, reading(date(2026, 10, 1)),
                    since=(before, {"policy.effective_date"})).later is True


STATUTE = ("s:\n  statute: A\n  state: texas\n  kind: comprehensive\n  in_force: 2024-07-01\n"
           "  cite: X\n  applies:\n")


@pytest.mark.parametrize(("text", "line", "field", "message"), [
    (STATUTE + "  - cite: Y\n    bogus: 1\n", 9, "s.applies.0.bogus",
     "Extra inputs are not permitted"),
    (STATUTE + "  - just words\n", 8, "s.applies.0",
     "Input should be a valid dictionary or instance of Prong"),
    (STATUTE + "  - {cite: Y, from: soon}\n", 8, "s.applies.0.from",
     "Input should be a valid date or datetime, input is too short"),
    (STATUTE + "  - {cite: Y}\n  kind2: x\n", 9, "s.kind2", "Extra inputs are not permitted"),
    (STATUTE.replace("comprehensive", "federal") + "  - {cite: Y}\n", 4, "s.kind",
     "Input should be 'california', 'comprehensive', 'minors' or 'provision'"),
    (STATUTE.replace("applies:", "applies: []"), 7, "s.applies",
     "List should have at least 1 item after validation, not 0"),
    ("n: {when: 'true', title: A}\n", 1, "n.title", "Extra inputs are not permitted"),
    ("r:\n  states: a.b\n  everywhere: all\n  bands: [{question: a.c}]\n", 4,
     "r.bands.0.at_least", "Field required"),
])
def test_a_mistake_in_an_entry_is_one_line_naming_its_field(
        tmp_path: Path, text: str, line: int, field: str, message: str) -> None:
    """Statutes, named laws and residents tables are dataclasses checked by pydantic when
    laws.yaml is read (drafter.records): each mistake reads as it did when they were pydantic
    models, with its line and field."""
    path = tmp_path / "laws.yaml"
    path.write_text(text)
    with pytest.raises(UserError) as caught:
        load_laws(path)
    assert (caught.value.line, caught.value.field, caught.value.message) == (line, field, message)
