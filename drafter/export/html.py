"""A standalone HTML page rendered from the policy's tree by markdown-it-py's renderer.

Self-contained (inline CSS, no fonts, scripts or images from elsewhere), with `lang`, semantic
headings whose ids match the contents links, and a print style. Raw HTML is enabled only so the
clause-provenance comments pass through: owner text is escaped before it reaches Markdown
(`drafter.document.markdown` holds the configuration, counsel's comments hidden).
"""

from __future__ import annotations

from html import escape

from drafter.document.markdown import render_html as html_body
from drafter.export import Source, exporter

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


@exporter("html", ".html", default=True)
def render_html(source: Source) -> str:
    policy = source.draft.policy
    title = escape(f"{policy.title} — {policy.business_name}")
    body = html_body(source.tokens)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
