"""A standalone HTML page rendered from the Markdown with markdown-it-py.

Self-contained (inline CSS, no fonts, scripts or images from elsewhere), with `lang`, semantic
headings whose ids match the contents links, and a print style. Raw HTML is enabled only so the
clause-provenance comments pass through: owner text is escaped before it reaches Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.anchors import anchors_plugin

from drafter.export import Source, exporter
from drafter.document.provenance import parse_counsel_comment
from drafter.review.document import commonmark

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
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.95rem; }
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
}
"""


def _hide_counsel_comments(md: MarkdownIt) -> None:
    """Counsel's Word comments ride along in the Markdown (see `drafter absorb`); they are
    notes between lawyers, never part of the published page, not even its source."""
    default = md.renderer.rules["html_block"]

    def html_block(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
                   env: EnvType) -> str:
        if parse_counsel_comment(tokens[idx].content):
            return ""
        return default(tokens, idx, options, env)

    md.add_render_rule("html_block", html_block)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The Markdown Drafter writes (`commonmark()`, which the review reads too), with heading
    anchors and counsel's comments hidden: HTML, text, DOCX and absorb share it."""
    return (
        commonmark()
        .use(anchors_plugin, min_level=1, max_level=2)
        .use(_hide_counsel_comments)
    )


def markdown_to_html(markdown: str) -> str:
    """The HTML body fragment for a Markdown text."""
    return parser().render(markdown)


@exporter("html", ".html")
def render_html(source: Source) -> str:
    policy = source.draft.policy
    title = escape(f"{policy.title} — {policy.business_name}")
    body = markdown_to_html(source.markdown)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
