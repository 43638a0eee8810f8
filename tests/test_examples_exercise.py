"""Issue 16: every requirement in the catalog applies to at least one built-in example, so the
golden files, the readability test and the own-drafts recall test read the clause or note it
brings; a requirement no example can show is listed below with the reason, and must at least
apply to one of the test fixtures or be named by a test."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from drafter.assemble import template_context
from drafter.paths import examples
from tests.conftest import real_project as project

TESTS = Path(__file__).resolve().parent

# Requirements that forbid a practice: no clause meets them, so an example doing the practice
# would carry a blocking note, which no example may (test_examples_law.test_no_blocking_notes).
BANS = {
    "colorado.minors-sale": "selling or targeting ads with known minors' data (Colorado)",
    "connecticut.minors-sale": "selling or targeting ads with known minors' data (Connecticut)",
    "montana.minors-sale": "selling or targeting ads with known minors' data (Montana)",
    "maryland.minors": "selling or targeting ads with known minors' data (Maryland)",
    "maryland.no-sensitive-sale": "selling sensitive data (Maryland)",
    "oregon.no-location-sale": "selling precise location (Oregon HB 2008)",
    "oregon.no-minor-sale": "selling under-16s' data (Oregon HB 2008)",
    "ny.child-data-sale": "selling known minors' data (New York Child Data Protection Act)",
    "virginia.precise-location-sale": "selling precise location without consent (Virginia)",
    "texas.sms-not-registered": "marketing texts to Texans without registering (SB 140)",
}

# Notes on an answer left blank: every example answers every question it is asked.
BLANK = {"review.no-ai-features", "review.no-people", "review.no-revenue",
         "review.no-sale-revenue", "review.no-small-business", "review.no-transfer-tools",
         # the consumer health data policy's address left blank (tests/test_law_2026.py)
         "washington.health-scope"}
# The same for the bands of residents per state, which note only a blank band that makes a
# state law apply (`law.residents_assumed`, tested in tests/test_state_thresholds.py).
BLANK_BANDS = {f"review.no-residents-{band}" for band in ("175k", "100k", "50k", "35k", "25k", "15k", "10k")}

# No built-in example yet: each needs a business of its own (the reason names it). Each is
# exercised by a fixture (tests/fixtures/*.yaml) or a test that names it. Remove an entry when
# an example comes to exercise it (the last test below says so).
NO_EXAMPLE_YET = {
    # Brazil, Switzerland: no example has users there.
    **dict.fromkeys(["lgpd.controller", "lgpd.encarregado", "lgpd.processing-info",
                     "lgpd.rights", "lgpd.shared-use"], "a business with users in Brazil"),
    **dict.fromkeys(["fadp.fdpic", "fadp.right-access", "fadp.transfers",
                     "fadp.representative"], "a business with users in Switzerland"),
    # The examples that decide by computer (the rental marketplace, the translation agency)
    # offer a human review, as the law wants: one that did not would show a business breaking
    # it (tests/test_automated_abroad.py).
    **dict.fromkeys(["gdpr.automated-safeguards", "uk.automated-safeguards",
                     "quebec.automated-review"],
                    "a business deciding by computer alone with no person to review it"),
    **dict.fromkeys(["gdpr.automated-special-data", "uk.automated-special-data"],
                    "a business deciding by computer alone about people in the EU or UK "
                    "whose special data (health, beliefs) it holds"),
    "rhode-island.named-buyers": "a business selling data of Rhode Island residents",
    # The Texas parking app sells exact location (texas.sensitive-sale-notice), but as a
    # business the act covers. Texas's biometric identifier law forbids selling biometric
    # identifiers except in narrow cases (Bus. & Com. Code §503.001(c)).
    "texas.biometric-sale-notice": "a Texas business selling biometric data, which Texas's "
                                   "biometric identifier law all but forbids",
    "texas.small-business-consent": "a small business selling sensitive data",
    # tests/test_truthful_audit4.py: each state's note on a blank SBA answer
    **dict.fromkeys(["review.no-small-business-nebraska", "review.no-small-business-minnesota"],
                    "a business serving Nebraska or Minnesota that leaves the SBA question "
                    "blank (the Nebraska example answers it)"),
    "nevada.health-policy": "a business with health records of Nevada residents",
    "ccpa.metrics": "a business handling data of 10 million Californians a year",
    "ccpa.limit-notice": "a California business using sensitive data beyond the service",
    "ccpa.minors-opt-in": "a California business selling data of known under-16s",
    "pipeda.related-organizations": "a Canadian business sharing with related companies",
    "gdpr.backup-retention": "a European business keeping backups longer than it says",
    "wa.biometric-notice": "a kiosk with biometrics in Washington",
    "wa.biometric-consent": "a kiosk with biometrics in Washington",
    "contests.ny-fl-registration": "a marketplace running contests with prizes over $5,000",
    "ai.provider-training": "a business whose AI provider trains on customer data",
    "pci.stored-cards": "a business storing cards itself without PCI validation",
    # Issue 15: 17 examples said so; a contradiction no example should show
    # (answers.staff-not-held, tests/test_answer_checks.py)
    "ccpa.workforce-count": "a California business with staff that holds nothing about them",
    "texas.sms-registration-unanswered": "a business texting Texans that skipped a question",
}


def _applying(paths: Iterable[Path]) -> set[str]:
    catalog = project().library.requirements
    found: set[str] = set()
    for path in paths:
        context = template_context(project().answers(path), project().library)
        found |= {rid for rid, entry in catalog.items() if entry.applies.holds(context)}
    return found


@lru_cache(maxsize=None)
def by_examples() -> frozenset[str]:
    return frozenset(_applying(examples().values()))


@lru_cache(maxsize=None)
def by_tests() -> frozenset[str]:
    """Requirements a fixture's answers bring in, or that a test names."""
    named = " ".join(p.read_text() for p in TESTS.rglob("test_*.py") if p.name != Path(__file__).name)
    catalog = project().library.requirements
    return frozenset(_applying(sorted((TESTS / "fixtures").glob("*.yaml")))
                     | {rid for rid in catalog if f'"{rid}"' in named})


def _allowed(rid: str) -> bool:
    requirement = project().library.requirements[rid].requirement
    # A question for counsel stands for a "not sure" answer; every example is sure of its
    # answers (tests/test_practices.py and test_review_unsure.py raise these).
    return (requirement.counsel or rid in BANS or rid in BLANK or rid in BLANK_BANDS
            or rid in NO_EXAMPLE_YET)


def test_every_requirement_applies_to_an_example_or_is_listed_with_its_reason() -> None:
    missing = sorted(rid for rid in project().library.requirements
                     if rid not in by_examples() and not _allowed(rid))
    assert missing == [], "no built-in example exercises these; add or extend one"


def test_what_no_example_exercises_a_test_does() -> None:
    """The listed ones: a question for counsel is raised for every "not sure" question by
    tests/test_review_unsure.py, driven by the questionnaire."""
    untested = sorted(rid for rid in {*BANS, *NO_EXAMPLE_YET} if rid not in by_tests())
    assert untested == []


def test_a_ban_is_met_by_no_clause_and_always_blocks() -> None:
    """The reason BANS gives: only not doing the practice avoids the note."""
    satisfied = {rid for clause in project().library.clauses for rid in clause.meta.satisfies}
    catalog = project().library.requirements
    for rid in BANS:
        assert rid not in satisfied and catalog[rid].requirement.severity == "blocking", rid


def test_the_lists_name_only_requirements_no_example_exercises() -> None:
    catalog = project().library.requirements
    listed = set(BANS) | BLANK | BLANK_BANDS | set(NO_EXAMPLE_YET)
    assert listed <= set(catalog)
    assert sorted(listed & by_examples()) == [], "an example exercises these now: unlist them"


def test_the_four_requirements_of_issue_16_have_their_examples() -> None:
    """Once exercised only by tests (the fifth session's note): each now has an example."""
    assert {"nebraska.design-code", "washington.geofence", "uk.analytics-cookies",
            "ccpa.workforce-notice"} <= by_examples()


def _blanked(name: str, key: str) -> set[str]:
    """The requirements noted on the example with `key` left blank (unset, or an empty list)."""
    from drafter.answers import Answers

    given = project().answers(examples()[name])
    raised: set[str] = set()
    many = project().questionnaire.entry(key).question.type == "many"
    for blank in (None, []) if many else (None,):
        values = {**given.values, key: blank}
        raised |= {n.requirement for n in project().draft(
            Answers(project().questionnaire, values)).notes if n.requirement}
    return raised


def test_a_question_left_blank_raises_its_note() -> None:
    """BLANK's reason: the examples answer the question, and leaving the answer out of one
    that asks it raises the note (a band of residents only where it decides a state law)."""
    catalog = project().library.requirements
    for rid in sorted(BLANK):
        key = catalog[rid].requirement.ask
        assert key is not None, rid
        asking = [name for name, path in sorted(examples().items())
                  if key in project().answers(path).shown()]
        assert any(rid in _blanked(name, key) for name in asking), rid


def test_every_example_answers_every_question_it_shows() -> None:
    """What BLANK and BLANK_BANDS rest on, counted as the app counts it (drafter/standing.py):
    opening any example leaves the owner nothing to answer or confirm, not only the required
    questions (a blank is an answer only where the question is optional)."""
    from drafter.editing import Session
    from drafter.standing import counted, standing

    left = {}
    for name, path in sorted(examples().items()):
        session = Session.open(project(), path, read_only=True)
        found = standing(session)
        if found.unanswered or found.suggested or found.to_fix:
            left[name] = [key for key in counted(session) if key not in session.valid]
    assert left == {}


def _clause_text(name: str, clause_id: str) -> str:
    policy = project().assemble(project().answers(examples()[name]))
    return next(c.markdown for c in policy.clauses() if c.id == clause_id)


def test_an_example_shows_the_bans_applying_without_breaking_them() -> None:
    """BANS's reason keeps the practice out of every example, but the laws still reach one:
    the Oregon store collects precise location and its draft says it does not sell it (HB 2008);
    the children's reading app, whose users under 18 live in Colorado, Connecticut and New York
    among other states, says it sells or shares no one's data, under-16s included."""
    oregon = template_context(project().answers(examples()["oregon-store"]), project().library)
    assert oregon["law"].oregon and "precise_location" in oregon["collection"].categories
    assert "We do not sell your precise location. Oregon law forbids it." in _clause_text(
        "oregon-store", "us-states.precise-location")
    kids = template_context(project().answers(examples()["vermont-kids"]), project().library)
    assert kids["law"].minors_states and kids["law"].ny_child_data
    assert not kids["law"].sells_or_shares
    assert "That includes people under 16." in _clause_text("vermont-kids", "children.minors")


def test_the_texas_sale_notice_binds_only_a_business_the_act_covers() -> None:
    """The parking app sells drivers' exact location and prints Texas's notice (Tex. Bus. &
    Com. Code §541.102(b)); a small business selling the same is bound only by §541.107 (no sale
    without consent: a warning), since the act leaves it out (§541.002(a)(3))."""
    from drafter.answers import Answers

    given = project().answers(examples()["texas-parking"])
    notice = "NOTICE: We may sell your sensitive personal data."
    assert notice in _clause_text("texas-parking", "choice.texas-sensitive")
    small = Answers(project().questionnaire, {**given.values, "audience.small_business": "yes"})
    context = template_context(small, project().library)
    catalog = project().library.requirements
    assert not catalog["texas.sensitive-sale-notice"].applies.holds(context)
    assert catalog["texas.small-business-consent"].applies.holds(context)
    assert notice not in " ".join(c.markdown for c in project().assemble(small).clauses())


def test_no_example_answers_a_question_it_is_not_asked() -> None:
    """An answer to a question the example never shows rests on nothing and reads as if the
    owner had said it: nebraska-weather's Iowa stood in the 175,000 band, asked only for
    Tennessee, so Iowa's law rested on a blank band. (The app keeps a hidden answer while the
    owner edits, in case the question comes back; an example is a finished file.)"""
    hidden = {}
    for name, path in sorted(examples().items()):
        answers = project().answers(path)
        shown = set(answers.shown())
        extra = sorted(key for key in answers.values if key not in shown)
        if extra:
            hidden[name] = extra
    assert hidden == {}
