"""State laws as data (`clauses/laws.yaml`): each statute's own test, evaluated here.

Every US state privacy statute counts *its own* residents, so `residents:` turns the owner's
answers to the band questions ("in which states do you handle information about 100,000 or
more residents a year?") into a count per state; a `statute:` entry then applies its prongs
(residents, share of revenue from selling data, revenue, any other condition), its exemptions
and its dates to those counts. Each number sits beside its citation in the YAML; this module
only knows how to read them.

"I'm not sure" (or a band question left blank) is read conservatively: the state may have that
many residents, so the law applies, and the statute records which answer it rests on so that a
note can send counsel back to it (`law.residents_assumed`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from drafter.questionnaire import UNSURE
from drafter.records import FORBID
from drafter.templating import AnswerGroup, Condition, compile_condition, referenced_names

_KEY = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")]
_ID = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
POLICY_DATE = "policy.effective_date"
"""The answer that dates the policy: a law not yet in force on that day does not apply."""


# The entries are records (drafter.records): frozen dataclasses that pydantic checks, through
# `records.validate`, only when laws.yaml is read.
_RECORD = dataclass(frozen=True, kw_only=True)


@_RECORD
class Band:
    """One band question: the states where the business has at least `at_least` residents."""

    __pydantic_config__ = FORBID
    question: _KEY  # a `many` question listing the states with at least this many residents
    at_least: int


@_RECORD
class ResidentCounts:
    """How many residents of each state the business handles a year, from band questions.

    A band question asks about a state only where the state's law has a test at its number
    on the policy's date (`asks`; the questionnaire offers the states so: `options_from`'s
    `offer`), so no state is asked twice for one threshold. A state ticked in any band has at
    least its number (an answer given before the bands were split keeps its meaning); a band
    left unsure or blank makes an assumption only for the states it asks about."""

    __pydantic_config__ = FORBID
    states: _KEY  # the question listing the states served
    everywhere: str  # its option meaning "all over the US"
    bands: Annotated[list[Band], Field(min_length=1)]  # highest first
    # each state's residents tests, (number, from, until), filled from the statutes by
    # `drafter.laws` (never written in laws.yaml)
    tests: dict[str, tuple[tuple[int, date | None, date | None], ...]] = \
        field(default_factory=dict)

    def asks(self, state: str, at_least: int, day: Any) -> bool:
        """Whether the band for `at_least` asks about `state` on the policy date `day`: the
        state's law has a test at that number then (undated: one in force for good)."""
        return any(number == at_least and _dated(start, end, day)
                   for number, start, end in self.tests.get(state, ()))

    def names(self) -> set[str]:
        return {self.states, POLICY_DATE} | {b.question for b in self.bands}

    def count(self, context: Mapping[str, Any], shown: frozenset[str] | None) -> AnswerGroup:
        """`law.residents.STATE`: `served`, `at_least` (the conservative count) and `if_no`
        (the count if every unanswered band were "no"), with `assumed` naming the first
        band question whose "not sure" or blank answer raised the count (a definite "none" is
        the option `none`, so an old answers file without these answers reads as unknown,
        never as "no"). A band question
        the questionnaire did not show (its `when` says the answer cannot matter: fewer
        people in all, say) counts as "no"; `shown=None` means visibility is unknown."""
        states = _answer(context, self.states) or []
        day = _answer(context, POLICY_DATE)
        answers = [(b, _answer(context, b.question)) for b in self.bands]
        ticked = {s for _, a in answers if isinstance(a, list) for s in a}
        # "not sure" where the customers live reads as all over the US (the conservative side)
        everywhere = states == UNSURE or (isinstance(states, list) and self.everywhere in states)
        found: dict[str, AnswerGroup] = {}

        def one(state: str) -> AnswerGroup:
            served = everywhere or state in states or state in ticked
            at_least = if_no = 0
            assumed = None
            for band, answer in answers:
                if isinstance(answer, list) and state in answer:
                    if_no = band.at_least
                    at_least = at_least or band.at_least
                    break
                if not self.asks(state, band.at_least, day):
                    continue  # not asked there: nothing unsure or blank about it
                unknown = answer == UNSURE or (not answer and (
                    shown is None or band.question in shown))
                if unknown and assumed is None:
                    at_least, assumed = band.at_least, band.question
            return AnswerGroup(served=served, at_least=at_least, if_no=if_no, assumed=assumed)

        named = states if isinstance(states, list) else []
        for state in {*ticked, *(s for s in named if s != self.everywhere)}:
            found[state] = one(state)
        return StateCounts(found, one)


class StateCounts(AnswerGroup):
    """Counts by state; a state nobody named is served only "all over the US"."""

    def __init__(self, found: dict[str, AnswerGroup], one: Any) -> None:
        super().__init__(**found)
        object.__setattr__(self, "_one", one)

    def __getattr__(self, state: str) -> AnswerGroup:
        if state.startswith("_"):
            raise AttributeError(state)
        return self._one(state)  # type: ignore[no-any-return]


@_RECORD
class Prong:
    """One way a statute reaches a business; all its tests must hold (any prong suffices)."""

    __pydantic_config__ = FORBID
    residents: int | None = None  # at least this many residents of the state a year
    sale_share_over: float | None = None  # more than this % of gross revenue from selling data
    sale_share_at_least: float | None = None
    when: str | None = None  # any other condition (sensitive data, selling at all, ...)
    from_: Annotated[date | None, Field(alias="from")] = None  # only from / until a date
    until: date | None = None
    cite: str


@_RECORD
class Revenue:
    """A statute's revenue test, in millions of dollars a year."""

    __pydantic_config__ = FORBID
    over_millions: float | None = None
    at_least_millions: float | None = None
    cite: str


@_RECORD
class Exemption:
    """A case the statute does not reach (until a date, if it says so)."""

    __pydantic_config__ = FORBID
    when: str
    until: date | None = None
    cite: str


@_RECORD
class Duty:
    """Something the statute makes the business do or offer, kept where its cite is."""

    __pydantic_config__ = FORBID
    days: int | None = None
    list: Literal["specific", "categories"] | None = None
    from_: Annotated[date | None, Field(alias="from")] = None
    cite: str
    verify: bool = False


@_RECORD
class Statute:
    """One state privacy statute: its prongs, exemptions, dates and duties, each cited."""

    __pydantic_config__ = FORBID
    statute: str  # its name, for people
    state: _ID  # the option of the states question; its name is in data/us_states.yaml
    kind: Literal["california", "comprehensive", "minors", "provision"]
    in_force: date
    cite: str
    # What has still to be checked against the statute's own text (thresholds, subsection
    # numbers, exemptions, days); None once a person has read it there.
    verify: str | None = None
    revenue: Revenue | None = None
    applies: Annotated[list[Prong], Field(min_length=1)]
    exempt: list[Exemption] = field(default_factory=list)
    appeal: Duty | None = None
    opt_out_signal: Duty | None = None
    profiling_opt_out: Duty | None = None
    third_party_list: Duty | None = None

    def expressions(self) -> list[str]:
        return [*(p.when for p in self.applies if p.when), *(e.when for e in self.exempt)]

    def names(self) -> set[str]:
        found = {"law.residents", POLICY_DATE}
        if any(p.sale_share_over is not None or p.sale_share_at_least is not None
               for p in self.applies):
            found.add("law.sale_share")
        if self.revenue is not None:
            found.add("law.revenue_millions")
        for source in self.expressions():
            found |= referenced_names(source, expression=True)
        return found


def compiled(statute: Statute) -> dict[str, Condition]:
    """Each `when` of a statute, compiled once (raises TemplateSyntaxError)."""
    return {source: compile_condition(source) for source in statute.expressions()}


def evaluate_statute(statute: Statute, conditions: Mapping[str, Condition],
                     context: Mapping[str, Any]) -> AnswerGroup | None:
    """The statute as `law.statutes` lists it when it applies to these answers, else None."""
    law = context["law"]
    day = _answer(context, POLICY_DATE)
    if isinstance(day, date) and day < statute.in_force:
        return None
    count = getattr(law.residents, statute.state)
    if not count.served:
        return None
    if statute.revenue is not None and not _revenue(statute.revenue, law.revenue_millions):
        return None

    def holds(prong: Prong, residents: int) -> bool:
        if not _dated(prong.from_, prong.until, day):
            return False
        if prong.residents is not None and residents < prong.residents:
            return False
        share = getattr(law, "sale_share", 0)
        if prong.sale_share_over is not None and not share > prong.sale_share_over:
            return False
        if prong.sale_share_at_least is not None and not share >= prong.sale_share_at_least:
            return False
        return prong.when is None or conditions[prong.when].holds(context)

    if not any(holds(p, count.at_least) for p in statute.applies):
        return None
    for exemption in statute.exempt:
        if _dated(None, exemption.until, day) and conditions[exemption.when].holds(context):
            return None
    definite = any(holds(p, count.if_no) for p in statute.applies)
    duties = {name: _duty(getattr(statute, name), day)
              for name in ("appeal", "opt_out_signal", "profiling_opt_out", "third_party_list")}
    return AnswerGroup(name=statute.statute, state=statute.state, kind=statute.kind,
                       cite=statute.cite,
                       assumed=None if definite else count.assumed, **duties)


def _duty(duty: Duty | None, day: Any) -> AnswerGroup | None:
    if duty is None or not _dated(duty.from_, None, day):
        return None
    return AnswerGroup(days=duty.days, list=duty.list, cite=duty.cite)


def _dated(start: date | None, end: date | None, day: Any) -> bool:
    if not isinstance(day, date):
        return end is None  # undated: only what is in force for good
    return (start is None or day >= start) and (end is None or day <= end)


def _revenue(test: Revenue, millions: float) -> bool:
    if test.over_millions is not None and not millions > test.over_millions:
        return False
    return test.at_least_millions is None or millions >= test.at_least_millions


def _answer(context: Mapping[str, Any], key: str) -> Any:
    section, question = key.split(".", 1)
    return getattr(context.get(section), question, None)
