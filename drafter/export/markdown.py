"""The Markdown policy: title, business, effective date, contents, then the sections.

Each clause is preceded by an HTML comment naming its clause id and template, invisible when
rendered but there for counsel reading the source (and for re-generation to find clauses).
"""

from __future__ import annotations

from drafter.assemble import Policy
from drafter.export import Source, exporter
from drafter.review import Draft
from drafter.templating import escape_markdown, long_date


def to_markdown(draft: Draft) -> str:
    """The full policy as Markdown (the source of truth for every other format)."""
    policy: Policy = draft.policy
    lines = [
        f"# {escape_markdown(policy.title)}",
        "",
        f"**{escape_markdown(policy.business_name)}**  ",
        f"Effective date: {long_date(policy.effective_date)}",
        "",
        "## Contents",
        "",
    ]
    lines += [f"{i}. [{escape_markdown(s.title)}](#{s.anchor})"
              for i, s in enumerate(policy.sections, start=1)]
    for section in policy.sections:
        lines += ["", f"## {escape_markdown(section.title)}"]
        for clause in section.clauses:
            lines += ["", f"<!-- clause: {clause.id} ({clause.source.as_posix()}) -->"]
            if clause.title:
                lines += [f"### {escape_markdown(clause.title)}", ""]
            lines.append(clause.markdown)
    return "\n".join(lines) + "\n"


@exporter("md", ".md")
def render_markdown(source: Source) -> str:
    return source.markdown
