"""A standalone HTML page rendered from the policy's tree by markdown-it-py's renderer.

Self-contained (inline CSS, no fonts, scripts or images from elsewhere), with `lang`, semantic
headings whose ids match the contents links, and a print style. Raw HTML is enabled only so the
clause-provenance comments pass through: owner text is escaped before it reaches Markdown
(`drafter.document.markdown` holds the configuration, counsel's comments hidden).

The page travels: every table sits in a box of its own that scrolls sideways on a narrow
screen (a phone scrolls the table, never the page), and the print style is the clean copy:
the reviewer's `[R1]` markers and notes list are left out, and each link to another page
prints its address after its text (unless the text is the address).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markdown_it.token import Token

from drafter.document.markdown import render_html as html_body
from drafter.document.model import Policy
from drafter.export import Source, exporter
from drafter.export.markdown import markers
from drafter.export.proposals import STYLE as PROPOSALS_STYLE
from drafter.export.proposals import html_proposal, with_proposals
from drafter.tracked import proposals

STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --link: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem;
  border-top: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
a { color: var(--link); }
main { overflow-wrap: break-word; }
.table-scroll { overflow-x: auto; margin: 1rem 0;
  /* a shadow at an edge with more table beyond it (the covers scroll with the table) */
  background: linear-gradient(to right, #fff 30%, #fff0) left / 2rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, #fff0) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, #0003, #0000) left / 0.75rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, #0003, #0000) right / 0.75rem 100% no-repeat scroll; }
.table-scroll:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0; font-size: 0.95rem; }
table:has(th:nth-child(5)) { min-width: 52rem; }
th, td { border: 1px solid var(--rule); padding: 0.4rem 0.6rem; text-align: left;
  vertical-align: top; }
th { background: #f6f8fa; }
h2#contents + ol { columns: 2; column-gap: 2rem; }
@media (max-width: 40rem) { h2#contents + ol { columns: 1; } }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  h2#contents, h2#contents + ol { display: none; }
  tr, li, p { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-scroll { overflow: visible; background: none; }
  table:has(th:nth-child(5)) { min-width: 0; font-size: 9pt; }
  a[href]:not([href^="#"]):not(.bare)::after { content: " (" attr(href) ")";
    overflow-wrap: anywhere; }
  .note-marker, #reviewer-notes, #reviewer-notes ~ * { display: none; }
}
"""


@exporter("html", ".html", default=True)
def render_html(source: Source) -> str:
    policy = source.draft.policy
    title = escape(f"{policy.title} — {policy.business_name}")
    body = html_body(travelling(source.tokens, set(markers(source.draft).values())))
    # the proposals' style only on a page that shows some (a policy without is unchanged)
    style = STYLE + (PROPOSALS_STYLE if proposals(source.tree.markdown) else "")
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(policy.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{alternates(policy)}<title>{title}</title>\n<style>{style}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def alternates(policy: Policy) -> str:
    """`<link rel="alternate" hreflang=…>` to each language version (drafter.i18n), this one
    included, as search engines ask; none for a policy in one language."""
    return "".join(f'<link rel="alternate" hreflang="{escape(lang)}" href="{escape(href)}" '
                   f'title="{escape(name)}">\n' for lang, name, href in policy.alternates)


MARKER_CLASS = "note-marker"
SCROLL_OPEN = ('<div class="table-scroll" role="region" tabindex="0" '
               'aria-label="Table (scrolls sideways on a narrow screen)">\n')


def travelling(tokens: Sequence[Token], marker_lines: set[str] = frozenset()) -> list[Token]:
    """The tokens with each table inside a scrolling box, each paragraph that is a line of
    note markers (`marker_lines`: `[R1] [R2]`, which owner text, escaped, cannot be) of class
    `note-marker`, each of counsel's open proposals as `<del>`/`<ins>` (`export/proposals.py`),
    and each link whose text is its own address marked `bare` (print adds no second copy of
    it). The shared tokens are not changed: a token to change is copied."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            out.append(Token("html_block", "", 0, content=SCROLL_OPEN, block=True))
        if token.type == "paragraph_open" and token.level == 0 and i + 1 < len(tokens) and \
                tokens[i + 1].content in marker_lines:
            token = token.copy(attrs={**token.attrs, "class": MARKER_CLASS})
        if token.type == "inline":
            token = with_proposals(token, html_proposal)
        if token.type == "inline" and token.children:
            token = _bare_links(token)
        out.append(token)
        if token.type == "table_close":
            out.append(Token("html_block", "", 0, content="</div>\n", block=True))
    return out


def _bare_links(inline: Token) -> Token:
    children = list(inline.children or [])
    changed = False
    for i, child in enumerate(children[:-2]):
        if child.type != "link_open" or children[i + 2].type != "link_close":
            continue
        href, text = str(child.attrs.get("href", "")), children[i + 1].content
        if text in (href, href.removeprefix("mailto:"), href.removeprefix("tel:")):
            children[i] = child.copy(attrs={**child.attrs, "class": "bare"})
            changed = True
    return inline.copy(children=children) if changed else inline
