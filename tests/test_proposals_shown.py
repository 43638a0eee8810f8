"""Counsel's open proposals as the draft HTML and text show them (never as raw CriticMarkup),
and the clean copy, which leaves them out and says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.cli import main
from drafter.document.markdown import parse, render_html
from drafter.export.html import travelling
from drafter.export.text import TextRenderer
from drafter.tracked import OPENERS, mark
from tests.test_tracked import A, A_DATE, B, B_DATE, absorbed_and_built

RAW = (*OPENERS, "{>>", "<<}", "++}", "--}", "~~}")


def _html(markdown: str) -> str:
    return render_html(travelling(parse(markdown)))


def _text(markdown: str) -> str:
    return " ".join(TextRenderer().render(parse(markdown)).split())


REPLACE = f"We keep it {mark('replace', 'two', 'three', A, A_DATE)} years.\n"


def test_html_shows_a_replacement_as_a_deletion_and_an_insertion_titled_with_who_and_when() -> None:
    html = _html(REPLACE)
    title = 'title="Proposed by A. Lawyer, 2026-11-30"'
    assert (f'We keep it <del class="proposal" {title}>two</del>'
            f'<ins class="proposal" {title}>three</ins> years.') in html
    assert not any(raw in html for raw in RAW)


def test_text_shows_a_proposal_as_one_bracketed_sentence() -> None:
    assert _text(REPLACE) == \
        'We keep it [A. Lawyer (2026-11-30) proposes to replace "two" with "three"] years.'
    deleted = f"We {mark('delete', 'never ', '', B, B_DATE)}share data.\n"
    assert _text(deleted) == 'We [B. Counsel (2026-11-30) proposes to delete "never"] share data.'


def test_markdown_inside_a_proposal_is_rendered_not_shown_as_marks() -> None:
    added = f"Read {mark('insert', '', '**our** [terms](https://example.com/t)', A)} now.\n"
    html = _html(added)
    assert '<ins class="proposal" title="Proposed by A. Lawyer"><strong>our</strong> ' \
           '<a href="https://example.com/t">terms</a></ins>' in html
    assert _text(added) == 'Read [A. Lawyer proposes to add "our terms"] now.'


def test_an_authors_name_cannot_break_out_of_the_title() -> None:
    html = _html("Hi " + mark("insert", "", "there", 'Eve "<b>x</b>') + ".\n")
    assert "<b>x" not in html and 'title="Proposed by Eve &quot;&lt;b&gt;x&lt;/b&gt;"' in html


def test_a_page_without_proposals_has_no_proposal_style(tmp_path: Path) -> None:
    from drafter.export.proposals import STYLE

    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--format", "html"]) == 0
    [page] = tmp_path.glob("*/privacy-policy.html")
    assert STYLE not in page.read_text()


_WORDS = st.lists(st.text(alphabet="abcdef", min_size=1, max_size=5), min_size=1,
                  max_size=3).map(" ".join)
_STYLED = st.one_of(_WORDS, _WORDS.map(lambda w: f"**{w}**"), _WORDS.map(lambda w: f"*{w}*"))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.sampled_from(["insert", "delete", "replace"]), _STYLED,
                          _STYLED), min_size=1, max_size=4))
def test_no_proposal_reaches_html_or_text_as_raw_marks(
        parts: list[tuple[str, str, str, str]]) -> None:
    markdown = "".join(f"{words} " + mark(kind, old if kind != "insert" else "",  # type: ignore[arg-type]
                                          new if kind != "delete" else "", A, A_DATE) + " "
                       for words, kind, old, new in parts) + "end.\n"
    html, text = _html(markdown), _text(markdown)
    assert not any(raw in html or raw in text for raw in RAW)
    assert html.count('class="proposal"') == sum(1 if k != "replace" else 2 for _, k, _, _ in parts)
    assert text.count("proposes to") == len(parts)


def test_the_draft_shows_counsels_proposals_and_the_clean_copy_leaves_them_out_saying_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out, folder = absorbed_and_built(tmp_path)
    html = (folder / "privacy-policy.html").read_text()
    text = " ".join((folder / "privacy-policy.txt").read_text().split())
    assert not any(raw in html or raw in text for raw in RAW)
    assert html.count('<ins class="proposal"') == 4 and html.count('<del class="proposal"') == 3
    assert f'[{B} (2026-11-30) proposes to replace "different" with "several kinds of"]' in text
    assert text.count("proposes to") == 6

    capsys.readouterr()
    assert main(["build", str(answers), "-o", str(out), "--clean"]) == 0
    said = capsys.readouterr().out
    assert "6 open proposal(s)" in said and "The clean copy leaves them out" in said
    for name in ("privacy-policy.html", "privacy-policy.txt"):
        clean = (folder / name).read_text()
        assert "proposal" not in clean and "several kinds of" not in clean
