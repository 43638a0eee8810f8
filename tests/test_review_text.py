"""Checks on any policy text: each fires on a fixture written for it, and none fires on a clean
policy. The fixtures are our own sentences (never a seed policy's)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.project import Project
from drafter.review import Document, review_document
from drafter.document.model import Note
from drafter.review.document import markdown_blocks
from tests.conftest import real_project

FIXTURES = Path(__file__).parent / "fixtures" / "review"
CLEAN = (FIXTURES / "clean-policy.md").read_text()
TODAY = date(2026, 11, 22)


def review(project: Project, text: str, **options: object) -> list[Note]:
    document = Document(tuple(markdown_blocks(text)), "policy.md")
    return review_document(document, project.library, today=TODAY, **options)  # type: ignore[arg-type]


def checks(notes: list[Note]) -> set[str]:
    return {n.check for n in notes}


def test_clean_policy_has_no_notes(project: Project) -> None:
    assert review(project, CLEAN) == []


@pytest.mark.parametrize("title", ["Consumer Health Data Privacy Policy",
                                   "Consumer Health Privacy Notice",
                                   "Washington Consumer Health Privacy Policy",
                                   "consumer health information policy"])
def test_a_linked_consumer_health_policy_meets_the_health_data_laws(project: Project,
                                                                     title: str) -> None:
    """Washington and Nevada ask for a separate consumer health data policy: a policy that
    links one, under any of the names such policies go by, has met the duty."""
    def missing(text: str) -> set[str | None]:
        found = {n.requirement for n in review(project, text, laws=["washington"])}
        return found & {"washington.health-policy"}
    assert missing(CLEAN) == {"washington.health-policy"}
    linked = CLEAN + f"\n\nHow we handle health data is in our [{title}](https://example.com/h).\n"
    assert missing(linked) == set()


# (check that must fire, a paragraph added to the clean policy)
FIRES = [
    ("placeholder.bracketed", "This site is run by [Company Name]."),
    ("placeholder.bracketed", "Write to us at [insert postal address]."),
    ("placeholder.tbd", "We keep logs for TBD days."),
    ("placeholder.alternative", "We link these records. -OR- We never link these records."),
    ("placeholder.bracketed-sentence",
     "[Say here whether the shop links browsing records to customer accounts.] Thank you."),
    ("placeholder.template-code", "Questions go to {{ contact.email }}."),
    ("placeholder.template-code", "{% if kiosk %}Kiosks record video.{% endif %}"),
    ("outdated.safe-harbor",
     "Harbor Lane is certified under the U.S.-E.U. Safe Harbor Framework for data from Europe."),
    ("outdated.privacy-shield",
     "We participate in and comply with the EU-U.S. Privacy Shield Framework."),
    ("outdated.old-sccs",
     "Transfers use the model clauses approved by Commission Decision 2010/87/EU."),
    ("outdated.truste", "Our practices are certified by TRUSTe; click the seal to verify."),
    ("outdated.ssl", "Card numbers travel over an SSL connection."),
    ("outdated.dnt-honoured", "We honor Do Not Track signals sent by your browser."),
    ("outdated.dnt-honoured", "Harbor Lane responds to browser DNT signals."),
    ("outdated.dnt-honoured", "We respect DNT requests from your browser."),
    ("outdated.dnt-honoured",
     "Our site follows the W3C standard for responding to Do Not Track signals."),
    ("risky.breach-timeline",
     "If a breach affects your information, we will notify you within 24 hours."),
    ("risky.absolute-security", "Your information is completely secure with us."),
    ("terminology.personal-information", "We never rent personal data to anyone."),
    ("consistency.company-name", "Harbor Lane Tea Company, LLC owns this site."),
]


@pytest.mark.parametrize(("check", "paragraph"), FIRES, ids=[f[0] for f in FIRES])
def test_each_text_check_fires(project: Project, check: str, paragraph: str) -> None:
    notes = review(project, f"{CLEAN}\n{paragraph}\n")
    assert checks(notes) == {check}
    (note,) = notes
    last_line = CLEAN.count("\n") + 2
    assert note.lines == (last_line, last_line)
    assert note.excerpt and note.id == "R1"


# Sentences that look like the above but are not defects.
QUIET = [
    "We relied on the EU-U.S. Privacy Shield until it was invalidated in July 2020.",
    "Before 2015 we were certified under the Safe Harbor Framework, which was struck down.",
    "Transfers use the Standard Contractual Clauses of Decision (EU) 2021/914.",
    "Our old Privacy Shield certificate (invalid since 2020) is kept for our records.",
    "Connections are encrypted with TLS (which replaced SSL).",
    "We do not honor Do Not Track signals, because no standard exists for them.",
    "How we respond to DNT signals",
    "Our site does not respond to DNT signals, because no standard for them was adopted.",
    "There is no agreed standard for how a site should answer a DNT signal.",
    "No website is completely secure, and we cannot promise that yours will be.",
    "The Safe Harbor Road office is closed on Sundays.",
    "Tell us your order number [optional].",
    "NOTICE: We may sell your sensitive personal data.",
    "NOTICE: We may sell your biometric personal data.",
]


@pytest.mark.parametrize("paragraph", QUIET)
def test_look_alikes_stay_quiet(project: Project, paragraph: str) -> None:
    assert review(project, f"{CLEAN}\n{paragraph}\n") == []


def test_statutory_notice_excuses_only_itself_from_the_term_check(project: Project) -> None:
    notice = "NOTICE: We may sell your sensitive personal data."
    mixed = review(project, f"{CLEAN}\n{notice}\n\nWe keep personal data for a year.\n")
    assert checks(mixed) == {"terminology.personal-information"}
    assert '"personal data" (1)' in mixed[0].message
    paraphrase = review(project, f"{CLEAN}\nNotice: we might sell sensitive personal data.\n")
    assert checks(paraphrase) == {"terminology.personal-information"}


@pytest.mark.parametrize(("updated", "stale"), [("September 1, 2025", True),
                                                ("December 1, 2025", False),
                                                ("11/01/2024", True), ("2026-01-10", False)])
def test_effective_date_older_than_a_year(project: Project, updated: str, stale: bool) -> None:
    text = CLEAN.replace("Effective date: September 1, 2026", f"Last updated: {updated}")
    notes = review(project, text)
    assert checks(notes) == ({"changes.stale-date"} if stale else set())
    if stale:
        assert notes[0].lines == (4, 4) and notes[0].severity == "warning"


def test_stale_date_depends_on_the_injected_today(project: Project) -> None:
    document = Document(tuple(markdown_blocks(CLEAN)), "policy.md")
    late = review_document(document, project.library, today=date(2027, 9, 2))
    assert checks(late) == {"changes.stale-date"}
    assert "12 months old" in late[0].message


def test_missing_required_item_is_blocking(project: Project) -> None:
    text = CLEAN.replace("Our site does not change what it does when it receives a Do Not Track "
                         "signal.", "")
    (note,) = review(project, text)
    assert (note.check, note.requirement, note.severity) == (
        "requirement", "caloppa.do-not-track", "blocking")
    assert note.lines is None and note.cite and note.resolves_by == "cookies.dnt"


def test_laws_choose_which_required_items_are_looked_for(project: Project) -> None:
    without_dnt = CLEAN.replace("Do Not Track", "DNT")
    assert checks(review(project, without_dnt, laws=["general"])) == set()
    coppa = {n.requirement for n in review(project, CLEAN, laws=["coppa"])}
    assert "coppa.notice" in coppa and all(r.startswith("coppa.") for r in coppa)


def test_unknown_law_is_a_user_error(project: Project) -> None:
    from drafter.errors import UserError

    with pytest.raises(UserError, match="known: .*caloppa"):
        review(project, CLEAN, laws=["atlantis"])


def test_expected_items_are_advice(project: Project) -> None:
    text = CLEAN.replace("Global Privacy Control", "privacy").replace("appeal", "object")
    notes = [n for n in review(project, text, laws=["caloppa", "states"])
             if n.check.startswith("advice.")]  # the states' other items are not at issue
    assert checks(notes) == {"advice.gpc", "advice.appeal"}
    assert {n.severity for n in notes} == {"advice"}


def test_expected_items_follow_the_laws_that_reach_the_business(project: Project) -> None:
    """Appeals are a US state-law right and GPC a US state-law signal: a review for the US
    baseline alone hears about GPC only, one for EU law alone about neither."""
    text = CLEAN.replace("Global Privacy Control", "privacy").replace("appeal", "object")
    assert checks(review(project, text)) == {"advice.gpc"}
    assert checks(review(project, text, laws=["gdpr"])) & {"advice.gpc", "advice.appeal"} == set()


def test_notes_are_numbered_in_document_order(project: Project) -> None:
    text = f"TBD\n\n{CLEAN}\nWe use SSL.\n"
    notes = review(project, text)
    assert [n.id for n in notes] == ["R1", "R2"]
    assert [n.check for n in notes] == ["placeholder.tbd", "outdated.ssl"]
    assert notes[0].lines is not None and notes[1].lines is not None
    assert notes[0].lines[0] < notes[1].lines[0]


def test_a_repeated_outdated_reference_is_one_note_naming_the_others(project: Project) -> None:
    text = f"{CLEAN}\nWe use SSL.\n\nSSL protects logins too.\n\nAnd SSL again.\n"
    (note,) = review(project, text)
    last = CLEAN.count("\n") + 2
    assert note.lines == (last, last)
    assert note.message.endswith(f"(Also on lines {last + 2}, {last + 4}.)")


def test_each_placeholder_gets_its_own_note(project: Project) -> None:
    notes = review(project, f"{CLEAN}\nTBD\n\nAlso TBD.\n")
    assert [n.check for n in notes] == ["placeholder.tbd"] * 2


def test_letters_whose_lower_case_is_longer_do_not_shift_matches(project: Project) -> None:
    notes = review(project, f"{CLEAN}\nOur İstanbul office keeps logs for TBD days.\n")
    (note,) = notes
    assert note.check == "placeholder.tbd" and note.excerpt and "TBD" in note.excerpt


# Issue 14, step 3: reading as a lawyer reads. Each pair is (check that must fire, paragraph)
# or a paragraph that must stay quiet; all our own sentences.
READS_FIRE = [
    # "until" about something else does not make a present claim history
    ("outdated.privacy-shield", "We comply with the Privacy Shield Principles and keep each "
                                "order record until you ask us to delete it."),
    # someone else having relied on it is not the business's past
    ("outdated.privacy-shield", "Customers have relied on our Privacy Shield certification, "
                                "which we keep current each year."),
    # "no longer" in a following sentence about something else excuses nothing
    ("outdated.privacy-shield", "Kestrel Books, Inc. is certified under the Privacy Shield "
                                "Framework. We no longer print paper catalogues."),
    # an address beside a claim hides only itself
    ("outdated.privacy-shield", "We comply with the Privacy Shield Framework; write to "
                                "privacy@kestrel.example or see www.kestrel.example/eu."),
    # an abbreviation does not end the sentence that holds the claim
    ("outdated.safe-harbor", "Kestrel Books Inc. sends data to the U.S. Safe Harbor "
                             "Framework members listed on our site."),
]

READS_QUIET = [
    # a line wrap and "U.S." inside the sentence that tells history
    "Until 2020 our transfers to the\nU.S. relied on the EU-U.S. Privacy Shield Framework.",
    "Following the invalidation of the Privacy Shield, transfers to the U.S. rely on the "
    "Standard Contractual Clauses.",
    # the cue is in the next sentence, about the framework
    "Kestrel Books once joined the Privacy Shield Framework. It is no longer in force.",
    # an e-mail address or a web address is not prose
    "Write to privacyshield@kestrel.example with any question about transfers.",
    "Old links such as https://kestrel.example/privacy-shield/ now lead to this page.",
    "Checkout pages are served from https://ssl.kestrel.example/cart over TLS 1.3.",
    "Checkout pages are served from https://ssl.kestrel.example/cart over HTTPS.",
    # COPPA safe-harbor programmes are not the EU Safe Harbor
    "Kestrel Books is a member of the iKeepSafe COPPA Safe Harbor program.",
    "Our children's app is certified by the kidSAFE Seal Program, an FTC-approved COPPA "
    "safe harbor program.",
    "We take part in the PRIVO safe harbor program for children's privacy.",
    # a title whose section opens by telling its history
    "## U.S.-E.U. Safe Harbor Framework\n\nThe Safe Harbor Framework was struck down in 2015.",
]


@pytest.mark.parametrize(("check", "paragraph"), READS_FIRE)
def test_present_claims_are_read_whole(project: Project, check: str, paragraph: str) -> None:
    assert checks(review(project, f"{CLEAN}\n{paragraph}\n")) == {check}


@pytest.mark.parametrize("paragraph", READS_QUIET)
def test_history_links_and_other_programmes_stay_quiet(project: Project, paragraph: str) -> None:
    assert review(project, f"{CLEAN}\n{paragraph}\n") == []


def test_sentence_knows_abbreviations_and_line_wraps() -> None:
    from drafter.review.sentences import sentence

    text = ("See Cal. Civ. Code § 1798.100 for details. Acme Inc. is in the U.S. and ships "
            "e.g. tea\nand cups to No. 4 Main St. in Springfield. Then we stop.")
    start = text.index("tea")
    assert sentence(text, start, start + 3, never_after=("U.S.",)) == (
        "Acme Inc. is in the U.S. and ships e.g. tea\nand cups to No. 4 Main St. in "
        "Springfield. ")


def test_many_matches_in_one_long_paragraph_are_linear(project: Project) -> None:
    """Work grows with the text, not its square: a paragraph of 4,000 sentences, each with a
    match whose sentence is read, is reviewed as fast (per sentence) as one of 400."""
    import time

    def seconds(n: int) -> float:
        text = " ".join(["Sales records use TLS, not SSL, on our web pages."] * n)
        document = Document(tuple(markdown_blocks(text)), "policy.md")
        start = time.process_time()
        review_document(document, project.library, today=TODAY)
        return time.process_time() - start

    seconds(50)  # warm caches
    small, large = seconds(400), seconds(4000)
    assert large < 10 * small * 3  # linear with room for noise; quadratic would be 100x


_PIECES = ["We", "rely", "on", "the", "Privacy", "Shield", "until", "2020", "U.S.", "U.S",
           "Inc.", "e.g.", "No.", "4", "3.5", "example.com", "SSL", "TLS", "no", "longer",
           "It", "is", ".", "?", "!", "…", '"', ")", "(", "'", "’", "_", "--", "1.", "a)"]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "", "\n", "  "])),
                min_size=1, max_size=60))
@settings(max_examples=300, deadline=None)
def test_a_plain_stretch_lies_inside_its_sentence(pieces: list[tuple[str, str]]) -> None:
    """The stretch a check reads instead of splitting (`plain_stretch`) never reaches past
    the sentence `sentence_span` gives, and a pattern found in it is found in that sentence."""
    from drafter.review.sentences import plain_stretch, sentence_span
    from drafter.review.text_checks import _in_stretch

    text = "".join(word + gap for word, gap in pieces)
    cues = [re.compile(p, re.IGNORECASE) for p in
            (r"\buntil\b[^.;]{0,30}\b(19|20)\d\d\b", r"\bno longer\b", r"\bTLS\b", r"\W+it\b")]
    for match in re.finditer(r"Shield|SSL|Privacy Shield", text):
        stretch = plain_stretch(text, *match.span(), never_after=("U.S.",))
        if stretch is None:
            continue
        first, last = sentence_span(text, *match.span(), never_after=("U.S.",))
        assert first <= stretch[0] <= match.start() and match.end() <= stretch[1] <= last
        for cue in cues:
            if _in_stretch([cue], text, stretch):
                assert cue.search(text[first:last])


_SENTENCES = [paragraph for _, paragraph in FIRES] + QUIET + [CLEAN]


@given(st.lists(st.tuples(st.sampled_from(_SENTENCES), st.sampled_from([" ", "", "\n", "  x"])),
                min_size=1, max_size=12))
@settings(max_examples=60, deadline=None)
def test_searching_near_hint_words_finds_every_match(pieces: list[tuple[str, str]]) -> None:
    """`finditer_near` (a long paragraph searched only near a rule's hint words) finds the
    matches a search of the whole text finds, for every rule's patterns with a hint."""
    import drafter.review.scan as scan
    from drafter.review.rules import load_review_rules

    text = "".join(sentence + gap for sentence, gap in pieces)
    rules = load_review_rules(Path(__file__).parents[1] / "clauses")
    searches = [(p, c.rule.hint) for c in rules.patterns for p in c.patterns if c.rule.hint]
    searches += [(p, group.hint) for group, variants, _ in rules.terms for _, p in variants]
    long = scan.LONG
    try:
        scan.LONG = 0  # every text is long
        for pattern, hint in searches:
            assert ([m.span() for m in scan.finditer_near(pattern, text, hint)]
                    == [m.span() for m in pattern.finditer(text)]), pattern.pattern
    finally:
        scan.LONG = long


@given(st.lists(st.integers(0, 40), max_size=80), st.integers(4, 12))
@settings(max_examples=100, deadline=None)
def test_gram_numbers_are_equal_exactly_when_the_word_runs_are(ids: list[int],
                                                              size: int) -> None:
    """The repeated-passage check counts runs of words by one number each (`_gram_keys`)."""
    from drafter.review.repeats import _gram_keys

    runs = list(zip(*(ids[k:] for k in range(size))))
    keys = _gram_keys(ids, size, 6)
    assert len(keys) == len(runs)
    assert all((keys[i] == keys[j]) == (runs[i] == runs[j])
               for i in range(len(runs)) for j in range(len(runs)))


def _detect_words() -> list[str]:
    from drafter.review.rules import review_patterns

    library = real_project().library
    return sorted({w for _, p, _ in review_patterns(library.review_rules, library.requirements)
                   for w in re.findall(r"[A-Za-z]+", p)})


_DETECT_WORDS = _detect_words()


@given(st.lists(st.tuples(st.sampled_from(_DETECT_WORDS) | st.sampled_from(_PIECES),
                          st.sampled_from([" ", " ", ", ", "\n", "\n\n", ": ", "-"])),
                min_size=1, max_size=40),
       st.sampled_from([str, str.upper, str.title]))
@settings(max_examples=150, deadline=None)
def test_detect_tried_at_leading_words_finds_what_a_search_finds(
        pieces: list[tuple[str, str]], case: object) -> None:
    """`search_at_words` (a `detect` pattern tried only where one of its leading words is)
    finds a match exactly when a search of the whole text does, for every detect pattern."""
    from drafter.review.checks import _detect_pattern
    from drafter.review.scan import search_at_words

    text = case("".join(word + gap for word, gap in pieces))  # type: ignore[operator]
    for entry in real_project().library.requirements.values():
        for source in entry.requirement.detect:
            pattern = _detect_pattern(source)
            assert search_at_words(pattern, text) == (pattern.search(text) is not None), source


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\b(share|disclose|shares)[a-z]{0,15}\b", ("disclose", "share")),
    (r"\b(do|does|did)(\s{1,20}not|n.t) sell", None),  # "do" is everywhere: searched whole
    (r"\bwe (may |also ){0,4}collect", ("we ",)),
    (r"(?<!no )cookies?\b", ("cookie",)),
    (r"Do Not Sell", ("do not sell",)),
    (r"[\w.+-]{1,64}@example", None),  # no literal first
    (r"(^|\n\n)\s{0,20}(jan|feb)", None),  # may start with no literal
    (r"a?b", None),
    (r"\beffective\s{0,20}[:–—-]", ("effective",)),
    (r"\b(privacy|notice)s?\b", ("notice", "privacy")),
    (r"\b(privacy|\u212a)\b", None),  # the Kelvin sign matches "k" when the case is ignored
])
def test_leading_words(pattern: str, words: tuple[str, ...] | None) -> None:
    from drafter.review.scan import leading_words, search_at_words

    assert leading_words(pattern, re.IGNORECASE) == words
    kelvin = re.compile(r"\bli\u212ae\b", re.IGNORECASE)  # non-ASCII text: searched whole
    assert search_at_words(kelvin, "we like it") and search_at_words(kelvin, "we li\u212ae ü")


def test_leading_words_are_parsed_once_then_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern's leading words come from the parse cache after the first parse (re's parser
    ran for every pattern of every build's review: some 9M instructions)."""
    from drafter import parsecache
    from drafter.review import scan

    parses: list[str] = []
    parse = scan.sre_parser.parse

    def counting(pattern: str, flags: int = 0) -> object:
        parses.append(pattern)
        return parse(pattern, flags)

    monkeypatch.setattr(scan.sre_parser, "parse", counting)
    monkeypatch.setattr(parsecache, "_CACHE", parsecache._Cache())  # no file: this run only
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    pattern = r"\b(kept|leading) words \d"
    for _ in range(2):
        scan.leading_words.cache_clear()  # as in a new process
        assert scan.leading_words(pattern, re.IGNORECASE) == ("kept words ", "leading words ")
    assert parses == [pattern]


@lru_cache(maxsize=1)
def _review_patterns() -> list[tuple[str, tuple[re.Pattern[str], re.Pattern[str]]]]:
    """Every pattern the review runs, compiled once in both case modes. (Compiled afresh at
    each example, the ~1,000 of them overflow `re`'s cache of 512 and cost ten times the
    searching: most of this file's CPU.)"""
    from drafter.review.rules import review_patterns

    library = real_project().library
    return [(source, (re.compile(source), re.compile(source, re.IGNORECASE)))
            for _, source, _ in review_patterns(library.review_rules, library.requirements)]


@given(st.lists(st.tuples(st.sampled_from(_DETECT_WORDS) | st.sampled_from(_PIECES),
                          st.sampled_from([" ", " ", ", ", "\n", "\n\n", ": ", "-", "'s "])),
                min_size=1, max_size=40),
       st.sampled_from([str, str.upper, str.title]))
@settings(max_examples=100, deadline=None)
def test_matches_found_at_leading_words_are_every_match(
        pieces: list[tuple[str, str]], case: object) -> None:
    """`finditer_at_words` (a pattern tried only where one of its leading words is) finds
    the matches `finditer` finds, for every pattern the review runs, in either case mode."""
    from drafter.review.scan import finditer_at_words

    text = case("".join(word + gap for word, gap in pieces))  # type: ignore[operator]
    for source, compiled in _review_patterns():
        for pattern in compiled:
            assert ([m.span() for m in finditer_at_words(pattern, text)]
                    == [m.span() for m in pattern.finditer(text)]), source
