"""Counsel's open proposals (CriticMarkup, `drafter.tracked`) as the HTML and text drafts show them.

An inline token whose Markdown holds proposals gets new children: the words between proposals
as markdown-it reads them (`run_children`), and each proposal as the format wants it:

- HTML: `<del class="proposal">` for the words it would remove and `<ins class="proposal">`
  for the words it would add, each titled "Proposed by A. Lawyer, 2026-11-30" (the page's
  style marks them, and says "proposed deletion/insertion" to a screen reader);
- text: one bracketed sentence where the change is, `[A. Lawyer (2026-11-30) proposes to
  replace "two" with "three"]`, the words as plain text (`Proposal.describe`).

The clean copy never gets here: `build --clean` renders the text as it stands (proposals left
out) and says so, and `publish` refuses while any is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape

from markdown_it.token import Token

from drafter.document.markdown import fragment_text, run_children
from drafter.tracked import Proposal, might_have_proposals, proposals

Shown = Callable[[Proposal], list[Token]]


def with_proposals(token: Token, shown: Shown) -> Token:
    """`token` (an inline token) with each proposal in its Markdown replaced by the tokens
    `shown` gives for it; the token itself when it holds none (it is never changed)."""
    if not might_have_proposals(token.content):
        return token
    found = proposals(token.content)
    if not found:
        return token
    text, children, position = token.content, [], 0
    for proposal in found:
        children += run_children(text[position:proposal.start]) + shown(proposal)
        position = proposal.end
    children += run_children(text[position:])
    return token.copy(children=children)


def _title(proposal: Proposal) -> str:
    when = f", {proposal.date[:10]}" if proposal.date else ""
    moved = f" (moved: {proposal.move})" if proposal.move else ""
    return f"Proposed by {proposal.author or 'someone'}{when}{moved}"


def _html_tag(tag: str, proposal: Proposal, markdown: str) -> list[Token]:
    if not markdown:
        return []
    opening = f'<{tag} class="proposal" title="{escape(_title(proposal))}">'
    return [Token("html_inline", "", 0, content=opening), *run_children(markdown),
            Token("html_inline", "", 0, content=f"</{tag}>")]


def html_proposal(proposal: Proposal) -> list[Token]:
    """A proposal as HTML: what it removes struck through, what it adds underlined."""
    return _html_tag("del", proposal, proposal.old) + _html_tag("ins", proposal, proposal.new)


def text_proposal(proposal: Proposal) -> list[Token]:
    """A proposal as plain text: one bracketed sentence saying who proposes what."""
    plain = replace(proposal, old=fragment_text(proposal.old), new=fragment_text(proposal.new))
    words = plain.old + plain.new  # the space the words had around them stays around it
    before = " " if words[:1].isspace() else ""
    after = " " if words[-1:].isspace() or plain.new[-1:].isspace() else ""
    return [Token("text", "", 0, content=f"{before}[{plain.describe()}]{after}")]


# The page's style for proposals (`export/html.py` adds it to its own).
STYLE = """
ins.proposal { text-decoration: underline 2px #1a7f37; background: #dafbe1; }
del.proposal { text-decoration: line-through 2px #cf222e; background: #ffebe9; }
ins.proposal::before, ins.proposal::after, del.proposal::before, del.proposal::after {
  clip-path: inset(100%); clip: rect(1px, 1px, 1px, 1px); height: 1px; width: 1px;
  overflow: hidden; position: absolute; white-space: nowrap; }
ins.proposal::before { content: " [proposed insertion: "; }
del.proposal::before { content: " [proposed deletion: "; }
ins.proposal::after, del.proposal::after { content: "] "; }
"""
