""""I'm not sure" goes to counsel: for every question that offers it, on every example that asks
it, the answer yields exactly one question for counsel naming that question (never a mark the
owner is told to fix), and the draft says only what the stricter reading allows (never the
lenient reading stated as fact, never a note that neither reading would raise).

Driven by the questionnaire: a new question with `unsure: true` fails here until it has a row
in `READINGS` and (through `drafter lint`) a `counsel: true` requirement."""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pytest

from drafter.answers import Answers
from drafter.paths import examples
from drafter.questionnaire import UNSURE, Question
from drafter.document.model import Draft, Note
from drafter.document.tree import policy_tree
from drafter.review.report import as_markdown
from tests.conftest import real_project as project

TODAY = date(2026, 12, 1)

# For each question that offers "I'm not sure": the lenient answer (under which the draft says
# least) and the strict one (under which it says most). None: no answer is stricter than
# another (the draft names what the owner picked, so "not sure" can only leave it out).
READINGS: dict[str, tuple[Any, Any] | None] = {
    "audience.revenue": ("under_25m", "over_26m"),
    "audience.people": (1000, 10_000_000),
    "audience.sale_revenue": ("none", "over_50"),
    "audience.small_business": ("yes", "no"),
    "sharing.sells": ("no", "yes"),
    "kiosks.states": ([], ["california", "illinois", "texas", "washington", "colorado",
                           "new_york_city"]),
    "kiosks.pci_validated": (False, True),
    "marketplace.prizes_over_5000": ("no", "yes"),
    "marketplace.contest_ny_fl": ("no", "yes"),
    "data_practices.sensitive_use": ("no", "yes"),
    "data_practices.automated_decisions": ("no", "yes"),
    "data_practices.ai_training": ("no", "yes"),
    "data_practices.rewards_sold": ("no", "yes"),
    "children.under_13": ("no", "yes"),
    "children.under_16": ("no", "yes"),
    "children.under_18": ("no", "yes"),
    "children.few_minors": ("yes", "no"),  # fewer than 2% minors takes Nebraska's code out
    "children.online_revenue": ("no", "yes"),  # Vermont's code: most revenue from online services
    "children.in_us": ("no", "yes"),
    "children.operator_in_us": ("no", "yes"),
    "international.transfer_tools": None,
    **{f"audience.residents_{band}": (["none"], "every state")
       for band in ("175k", "100k", "50k", "35k", "25k", "15k", "10k")},
    "audience.nonprofit": ("yes", "no"),
    "audience.glba": ("yes", "no"),
    "audience.hipaa": ("yes", "no"),
    # Promises the owner makes only with a yes: the lenient reading is the promise.
    "use.new_purposes": ("yes", "no"),
    "data_practices.automated_review": ("yes", "no"),
    "data_practices.admt_notice": ("yes", "no"),
    "retention.deletes": ("yes", "no"),
    "kiosks.operator_role": ("operator", "us"),
    "kiosks.card_handling": ("processor", "our_systems"),
    "print_mail.list_own_use": ("no", "yes"),
    "client_data.own_purposes": ("no", "yes"),
    "choices.texas_registration": ("exempt", "not_registered"),
    # The practices of issue 16
    "audience.us_states": (["elsewhere"], ["nationwide"]),
    "collection.staff_notice": ("yes", "no"),
    "sharing.partner_marketing": ("no", "yes"),
    "cookies.publisher_ads_targeted": ("no", "yes"),
    "cookies.client_pixels": ("no", "yes"),
    "choices.email_tracking": None,
    "data_practices.ad_audiences_hashed": ("hashed", "plain"),
    "data_practices.ai_providers": ("no", "yes"),
    "data_practices.ai_kept": ("none", "longer"),
    "data_practices.ai_provider_training": ("no", "yes"),
    "retention.backups": ("none", "longer"),
    "security.card_storage": ("processor", "us"),
    "security.card_pci": ("yes", "no"),
    "kiosks.photo_faces": ("no", "yes"),
    # The UK exemption for analytics cookies: the policy claims it only on a yes.
    "cookies.uk_analytics_only": ("yes", "no"),
}

# Businesses to try each question on: the examples (the rental marketplace is one that more
# state laws reach: Colorado's rewards and Connecticut's AI rules apply to it), and the
# marketplace with a contest big enough to ask where entrants live.
VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    **{name: (name, {}) for name in examples()},
    "marketplace-big-prizes": ("marketplace", {"marketplace.prizes_over_5000": "yes"}),
    # a data seller selling nationwide, for the low residents bands that only sellers are asked
    "store-data-seller": ("california-store", {"audience.us_states": ["nationwide"],
                                               "audience.sale_revenue": "over_50"}),
    # (decisions made by computer: the rental marketplace example makes them)
    # a policy dated before Montana's SB 297 (1 Oct 2025), for the 50,000 band only it asks
    "store-before-sb297": ("california-store", {"audience.us_states": ["nationwide"],
                                                "policy.effective_date": date(2025, 9, 1)}),
    # other companies' ads on the site; cards kept in the business's own systems
    "store-publisher-ads": ("california-store", {"cookies.publisher_ads": ["site"]}),
    # a US craft marketplace whose young users all live in Europe
    "kids-abroad": ("kids-crafts", {"audience.regions": ["usa", "eu", "uk"], "children.in_us": "no"}),
    "print-own-cards": ("print-mail", {"security.card_storage": "us",
                                       "print_mail.stores_cards": False}),
}


def unsure_questions() -> list[str]:
    return [e.key for e in project().questionnaire if e.question.unsure]


@lru_cache(maxsize=None)
def example_answers(example: str) -> Answers:
    """An example's answers, read once (every case and draft starts from one)."""
    return project().answers(examples()[example])


def variant(name: str, **changes: Any) -> Answers:
    example, base = VARIANTS[name]
    given = example_answers(example)
    return Answers(given.questionnaire, {**given.values, **base, **changes}, given.path)


@lru_cache(maxsize=None)
def cases() -> list[tuple[str, str]]:
    """(question, variant) for every variant that asks the question."""
    shown = {name: set(variant(name).shown()) for name in VARIANTS}  # one walk per variant
    return [(key, name) for key in unsure_questions() for name in VARIANTS
            if key in shown[name] and key in ONLY_FOR.get(name, (key,))]


# Variants tried only on the questions they exist for (each other question is tried already).
ONLY_FOR = {"store-before-sb297": ("audience.residents_50k",)}


def filler(question: Question) -> Any:
    """A plain valid answer for a required question a strict reading opens (the consent method
    once children use the service, …): enough to draft, not to publish."""
    first = next(iter(question.options or {}), None)
    return {"email": "privacy@example.com", "url": "https://example.com/",
            "phone": "+1 415 555 0100", "date": TODAY, "bool": True,
            "number": int(question.min or 1), "one": first, "many": [first],
            "records": [{f.id: filler(f) for f in question.fields or [] if f.required}],
            }.get(question.type, "As described to counsel")


def every_state(key: str, served: Any, hidden: frozenset[str] = frozenset()) -> list[str]:
    """All the states a residents band question offers (`hidden`: those it does not ask
    about with these answers, each state being asked only at its own law's tests) that the
    business serves (its strict reading): "not sure" of the count does not make it serve a
    state it did not name, as a state ticked in a band would (a business only in Nebraska,
    Iowa and Kansas), nor reach a state the question does not ask about."""
    options = project().questionnaire.entry(key).question.options or {}
    everywhere = served == UNSURE or "nationwide" in (served or [])
    return [state for state in options if state not in ("none", UNSURE, *hidden)
            and (everywhere or state in served)]


def asked_answers(name: str, key: str, value: Any) -> Answers:
    """The variant's answers with `key` answered `value`."""
    if value == "every state":
        given = variant(name)
        value = every_state(key, given.values.get("audience.us_states"),
                            given.hidden_options.get(key, frozenset()))
    return variant(name, **{key: value})


def filled(given: Answers) -> Answers:
    """`given` with the questions its answers open filled (`filler`)."""
    while given.missing():
        fill = {k: filler(given.questionnaire.entry(k).question) for k in given.missing()}
        given = Answers(given.questionnaire, {**given.values, **fill}, given.path)
    return given


def drafted_answers(name: str, key: str, value: Any) -> Answers:
    """The variant's answers with `key` answered `value`, and the questions that opens filled."""
    return filled(asked_answers(name, key, value))


def draft(name: str, key: str, value: Any) -> Reading:
    given = asked_answers(name, key, value)
    # A quarter of the readings give answers another case already drafted (most often the
    # variant's own answers, when its answer is already the lenient or strict one): each set
    # of answers is drafted once while it is recent (the last 256: in the order the cases run,
    # every repeat is among them; 64 missed 53 of the 500). Known by the answers before
    # filling (the filled ones follow from them), so a repeat costs no walk of the
    # questionnaire.
    same = json.dumps(given.values, sort_keys=True, default=repr)
    if same in _RECENT:
        _RECENT.move_to_end(same)
    else:
        _RECENT[same] = reviewed(filled(given))
        if len(_RECENT) > 256:
            _RECENT.popitem(last=False)
    return _RECENT[same]


_RECENT: OrderedDict[str, Reading] = OrderedDict()


@dataclass(frozen=True)
class Reading:
    """What the tests read of a draft: its clauses (id and Markdown, in order) and its notes.
    The rest (the parsed tree above all) is let go: some 600 drafts kept whole made each pass
    of the garbage collector walk millions of tokens."""
    clauses: tuple[tuple[str, str], ...]
    notes: tuple[Note, ...]

    @classmethod
    def of(cls, draft: Draft) -> Reading:
        return cls(tuple((c.id, c.markdown) for c in draft.policy.clauses()), draft.notes)


def reviewed(given: Answers) -> Reading:
    """`Project.draft` without the promises ledger, which neither test reads (a twentieth of a
    draft's cost, over some 1,300 drafts): the same policy, parse and notes."""
    policy = project().assemble(given)
    tree = policy_tree(policy)
    return Reading.of(Draft(policy, project().review(policy, given, TODAY, tree), None, tree))


@lru_cache(maxsize=None)
def unsure_draft(name: str, key: str) -> Reading:
    """The draft with `key` answered "not sure": both tests below read it, so it is built once."""
    return draft(name, key, UNSURE)


def counsel_question(notes: tuple[Note, ...], key: str) -> Note:
    about = [n for n in notes if n.resolves_by == key]
    assert [n.for_counsel for n in about] == [True], [n.check for n in about]
    return about[0]


def test_every_unsure_question_is_covered() -> None:
    """Each question offering "not sure" has its readings here and is asked by some variant."""
    assert set(READINGS) == set(unsure_questions())
    assert {key for key, _ in cases()} == set(unsure_questions())
    given = drafted_answers(*reversed(cases()[0]), UNSURE)
    full, light = project().draft(given, TODAY), reviewed(given)
    assert light == Reading.of(full), "`reviewed` drafts as `Project.draft` does"


@pytest.mark.parametrize(("key", "name"), cases())
def test_unsure_is_one_question_for_counsel(key: str, name: str) -> None:
    """One note resolves by the question, it is for counsel and says what the draft assumed
    and what to confirm; review.md lists it under "Questions for counsel", by its prompt."""
    notes = unsure_draft(name, key).notes
    question = counsel_question(notes, key)
    assert question.requirement is not None
    assert project().library.requirements[question.requirement].requirement.counsel
    assert "because you were not sure" in question.message and "Counsel:" in question.message
    report = as_markdown(notes, "policy.md", project().questionnaire)
    section = report[report.index("## Questions for counsel"):]
    prompt = project().questionnaire.entry(key).question.prompt
    assert f"**[{question.id}]**" in section and f"(`{key}`)" in section
    assert prompt.split()[0] in section


@pytest.mark.parametrize(("key", "name"), [c for c in cases() if READINGS[c[0]]])
def test_unsure_draft_takes_the_stricter_reading(key: str, name: str) -> None:
    """No clause says under "not sure" what only the lenient answer lets it say, and every note
    "not sure" raises, besides the question for counsel, the strict answer raises too."""
    lenient, strict = READINGS[key] or (None, None)
    unsure, low, high = unsure_draft(name, key), draft(name, key, lenient), draft(name, key, strict)
    said, strict_said = dict(unsure.clauses), dict(high.clauses)
    stated = [cid for cid, markdown in low.clauses
              if said.get(cid) == markdown and strict_said.get(cid) != markdown]
    assert stated == [], f"{key}=unsure states the {lenient!r} reading as fact"
    strict_notes = {(n.check, n.requirement) for n in high.notes}
    strict_notes |= {(c, None) for n in high.notes for c in n.covers}
    lenient_notes = {(n.check, n.requirement) for n in low.notes}
    extra = [(n.check, n.requirement) for n in unsure.notes
             if n.resolves_by != key and (n.check, n.requirement) not in lenient_notes
             and (n.check, n.requirement) not in strict_notes]
    assert extra == []
